"""Page labels by their shape, for outlets nobody tuned on: buttons in any spelling,
summary-box labels, keyword runs and a photo's name card. Each pattern matches a whole
short line; clean.py and layout.py decide where it may sit.
"""

from __future__ import annotations

import re

# A button's verb ends the line: '카카오스토리 공유하기', '밴드 공유하기', '공유하기 닫기',
# '본문 글씨 크게', 'Share on LinkedIn', 'Copy article link'. Only a short line of up to two
# words before it; a sub-head about sharing data ('데이터 공유') has no button verb.
_KO_BUTTON = (r"(?:공유하기|복사하기|인쇄하기|스크랩하기|저장하기|북마크하기|닫기|"
              r"(?:본문\s*)?(?:글씨|글자|폰트|텍스트)\s*(?:크게|작게|키우기|줄이기|확대|축소)|"
              r"(?:기사|본문)\s*(?:듣기|읽어\s*주기|저장|인쇄))")
_EN_BUTTON = (r"(?:(?:Share|Post|Send|Tweet)\s+(?:on|to|via|with)\s+[A-Z][\w.+-]*(?:\s[A-Z]\w*)?|"
              r"(?:Copy|Print|Email|Save|Share|Gift|Listen\s+to)\s+(?:this\s+|the\s+)?"
              r"(?:article|story|page|post)?\s*(?:link|URL)?|Text\s+(?:size|larger|smaller))")
BUTTON = re.compile(
    rf"^(?:[^\s.!?]{{1,10}}\s+){{0,2}}{_KO_BUTTON}(?:\s*[|·/]?\s*{_KO_BUTTON})*$|"
    rf"^{_EN_BUTTON}(?:\s*[|·/]?\s*{_EN_BUTTON})*$", re.I)
# '이 콘텐츠를 공유하세요.', 'Share this story with your friends': a prompt to share.
SHARE_PROMPT = re.compile(
    r"^(?:이\s*)?(?:기사|콘텐츠|글|뉴스)를?\s*(?:친구(?:에게|와)\s*)?공유(?:하세요|해\s*(?:주세요|보세요))"
    r"[.!]?$|^Share\s+this\s+(?:article|story|post)\s+with\s+.{1,30}$", re.I)

# Summary-box labels of portals and blogs: '3줄 요약', 'AI 요약', '핵심 정리', 'Key points',
# 'In sum – what to know:', 'TL;DR'. The list under such a label is the article restated.
_SUMMARY = (r"(?:(?:\d|세|두|한)\s*줄\s*요약|(?:AI|기사|핵심|오늘의)?\s*요약(?:\s*정리)?|"
            r"핵심\s*(?:정리|포인트|내용)|한눈에\s*보기|미리\s*보기|"
            r"Key\s+(?:points|takeaways|facts|highlights)|(?:The\s+)?Takeaways|"
            r"In\s+(?:sum|brief|short)|What\s+(?:to|you\s+need\s+to)\s+know|At\s+a\s+glance|"
            r"TL;?\s*DR|(?:AI\s+|Quick\s+|Article\s+)?Summary|The\s+gist|Quick\s+(?:read|take))")
SUMMARY_LABEL = re.compile(
    rf"^[\[【(]?\s*{_SUMMARY}(?:\s*[–—:|-]\s*{_SUMMARY})*\s*[\]】)]?\s*[:：]?$", re.I)

# A run of keywords under the headline: 'KT Corporation Service Outage Routing Error BGP'.
# Every word capitalised and no function word, so a title-case deck ('Plans For …') is not.
_FUNCTION = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "for", "with", "as", "at", "by", "and", "or",
    "but", "from", "into", "over", "after", "its", "is", "are", "was", "were", "be", "will",
    "has", "have", "says", "said", "new", "how", "why", "what"})
_WORD = re.compile(r"[A-Z0-9][\w&.'+-]*")


def is_keyword_run(text: str) -> bool:
    words = text.split()
    return (len(words) >= 6 and len(text) <= 160 and not re.search(r"[,.:;!?\"'“”‘’()]", text)
            and all(_WORD.fullmatch(w) for w in words)
            and not any(w.lower() in _FUNCTION for w in words))


# A photo's name card: 'Jane Doe, CEO, Hanbit Telecom', 'Kim Min-su, Vice President of AI'.
_ROLE = (r"(?:(?:Senior|Executive|Deputy|Chief|Global|Vice|Co-?)\s+)*"
         r"(?:CEO|CTO|CFO|COO|CIO|CMO|CSO|President|Chairman|Chairwoman|Chair|Founder|Director|Head|Minister|Vice\s+President|"
         r"Managing\s+Director|General\s+Manager|Partner|Professor|Governor|Mayor)")
NAME_CARD = re.compile(
    rf"^[A-Z][a-z]+(?:[ -][A-Z][a-z-]+){{1,3}},\s+{_ROLE}(?:\s+(?:of|at)\s+[A-Z][\w&.' -]{{1,40}}|"
    r",\s+[A-Z][\w&.' -]{1,40})?$")


# A CMS's data dump printed as text: '60520280 0962020060360520280 08 6.1.11-RELEASE 96 …
# false true 1591145646000'. Mostly numbers, ids and flags; prose has words.
_MACHINE = re.compile(r"[\d.:_/-]*\d[A-Za-z0-9.:_/-]*|true|false|null|none|undefined|NaN",
                      re.I)
# A date line ('2024.03.05 15:20 | 2024.03.06 10:00') is the date line, not a dump.
_DATE = re.compile(r"(?:19|20)\d{2}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]|\d{1,2}:\d{2}\b(?!\d)")


def is_machine_line(text: str) -> bool:
    if len(text) > 300 or not text[:1].isdigit():  # cheap: a dump opens with an id
        return False
    tokens = text.split()
    return len(tokens) >= 6 and not _DATE.search(text) and \
        sum(1 for t in tokens if _MACHINE.fullmatch(t)) * 10 >= len(tokens) * 7


# An image's file name left by the page ('SK Telecom- CM.png') and a byline template whose
# name is missing ('Written by 11:35 AM Tech').
IMAGE_FILE = re.compile(r"^[^/\\\s][^/\\]{0,80}\.(?:png|jpe?g|gif|webp|svg|avif)$", re.I)
EMPTY_BYLINE = re.compile(
    r"^(?:Written|Posted|Published)\s+by\s+\d{1,2}:\d{2}\s*(?:AM|PM)?(?:\s+[A-Z][\w&]*){0,2}$",
    re.I)


def is_label(text: str) -> bool:
    """A button, a share prompt or a summary-box label: page furniture, never content."""
    return len(text) <= 40 and bool(BUTTON.match(text) or SHARE_PROMPT.match(text)
                                    or SUMMARY_LABEL.match(text))


# A list's label in any wording: '지금 뜨는 뉴스', '오늘의 추천 기사', '꼭 봐야 할 뉴스'.
RELATED_LABEL = re.compile(
    r"^(?:지금|오늘의?|요즘|방금|이\s*시각)?\s*(?:뜨는|핫한|인기|추천|주요|많이\s*본|함께\s*본|"
    r"관련|최신|꼭\s*봐야\s*할|놓치면\s*안\s*될)\s*(?:뉴스|기사|콘텐츠)$")

# Credits by shape. A regional desk's sign-off names the reporter, not the outlet:
# '광주전남취재본부 홍길동', '부산지사 홍길동 기자'.
DESK_SIGN_OFF = re.compile(
    r"^[\[(]?\s*[가-힣]{2,12}(?:취재본부|본부|지사|총국|지국|취재팀|주재)\s+(?P<names>[가-힣]{2,4}"
    r"(?:\s*[·,]\s*[가-힣]{2,4})*)(?:\s*(?:기자|특파원))?\s*[\])]?$")
# A reporter's sign-off with the outlet's slogan: '홍길동 기자 / 경제를 읽는 창 - 한빛경제'.
SLASHED_BYLINE = re.compile(
    r"^(?P<names>[가-힣]{2,4})\s*(?:기자|특파원)\s*[/|·]\s*[^.!?]{2,40}$")
# An English edition's bracketed byline: '[Hanbit Economy Reporter Jane Doe] KT, which …'.
EN_BRACKET_BYLINE = re.compile(
    r"^\[(?P<outlet>[A-Z][\w&.' -]{1,40}?)\s+(?:Reporter|Correspondent|Staff\s+Writer)\s+"
    r"(?P<names>[A-Z][a-z]+(?:[ -][A-Z][a-z-]+){1,2})\]\s*")
# A name before its e-mail, initials too: 'H. S. Hong (hshong@example.com)'.
EN_MAIL_BYLINE = re.compile(
    r"^(?P<names>(?:[A-Z]\.\s?){1,3}[A-Z][a-z]+)\s*[(,/|]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\)?$")
# A translated broadcast hand-over: 'This is reporter Hong Gil-dong.', 'Reporter Hong reported.'
EN_SIGN_OFF = re.compile(
    r"^(?:[^.]{0,30},\s*)?(?:[Tt]his\s+is|I'm|I\s+am)\s+reporter\s+"
    r"(?P<names>[A-Z][a-z]+(?:[ -][A-Z][a-z-]+){1,2})\.?$")
# A writer's credit with the wire the story draws on: 'Jane Doe, with Reuters'.
_EN_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z-]+){1,3}"
WITH_WIRE = re.compile(
    rf"^(?:[-–—]\s*)?(?P<names>{_EN_NAME}(?:\s*(?:,|and)\s+{_EN_NAME})*),?\s+(?:with|and)\s+"
    r"(?:Reuters|AFP|AP|Bloomberg|Yonhap|Xinhua|Kyodo|agencies|wires?|wire\s+services)\.?$")
# A site's domain as its credit before the lede: 'en.example.com Reported - KT said …'.
DOMAIN_CREDIT = re.compile(
    r"^(?P<domain>(?:[a-z]{2,3}\.)?[A-Za-z][\w-]{1,30}\.(?:com|net|org|co\.kr|kr|io|news|media|"
    r"co|info))\s+(?:Reported|Reports|News|Report)?\s*(?:--|—|–|-|:|\|)\s*", re.I)


def domain_name(domain: str) -> str:
    """'en.Example.com' -> 'Example', 'www.example.co.kr' -> 'example': the site's name."""
    bare = re.sub(r"\.(?:co\.kr|or\.kr|com|net|org|kr|io|news|media|co|info)$", "", domain,
                  flags=re.I)
    return bare.rsplit(".", 1)[-1]
