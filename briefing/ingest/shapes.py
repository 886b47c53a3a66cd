"""Line shapes of aggregators, investing sites and English bylines, for outlets nobody
tuned on: reader-addressed adverts of a site's assistant, link cards and permalinks, a
trailing wire credit, bylines with a title and firm or a ticker, a reporter's name alone
beside the date line, a byline glued to the lede. Each function looks at one line, or at
one line and its neighbours; clean.py decides where they apply.
"""

from __future__ import annotations

import re

from briefing.ingest.lines import Line

_EN_NAME = r"[A-Z][a-z]+(?:-[a-z]+)?(?:[ -][A-Z][a-z'-]+){1,2}"
_SHORT_NAME = r"[A-Z][a-z]+(?:-[a-z]+)?(?:[ -][A-Z][a-z'-]+){1,2}?"  # the outlet after it

# An advert addressed to the reader, of the site's assistant or app: 'Meet Samuel – Your
# Personal Investing Prophet', 'Ask Samuel about stocks, your portfolio …'. It opens with
# an imperative and either speaks to 'you' or is no sentence; two or more in a row.
_IMPERATIVE = re.compile(
    r"^(?:Meet|Ask|Start|Try|Chat|Talk|Get|Discover|Explore|Unlock|Join|Download|Sign\s+up|"
    r"Upgrade|Let)\s+\S")
_TO_READER = re.compile(r"\b(?:you|your|you're)\b", re.I)
_PERIOD = re.compile(r"[.!?。]['\"”’]?\s*$")


def promo_like(text: str) -> bool:
    """One line of a reader-addressed advert (clean.py wants two in a row)."""
    return len(text) <= 200 and bool(_IMPERATIVE.match(text)) and (
        bool(_TO_READER.search(text)) or not _PERIOD.search(text))


# A link card or permalink: 'Permalink: https://…', '… Source: The Hanbit Times
# https://hanbit.example/…' (a suggested post that restates the story with its link).
LINK_LINE = re.compile(
    r"^(?:Permalink|Short\s*link|Link|URL|Source|출처|원문|기사\s*원문)\s*[:：]\s*(?:[^\s:]{0,40}\s)?"
    r"https?://\S+$|(?:^|\s)(?:Source|출처)\s*[:：]\s*[^:]{2,40}?\s+https?://\S+$", re.I)
# The outlet a link card or 'Source:' notice names: 'Source: The Hanbit Times https://…'.
SOURCE_NAME = re.compile(r"(?:^|\s)(?:Source|출처)\s*[:：]\s*(?P<name>[^:|/]{2,40}?)\s*"
                         r"(?:https?://\S+)?$", re.I)

# A wire's credit after the last sentence of a paragraph: '… in the past. — AFP'.
_AGENCIES = (r"(?:AFP|AP|Reuters|Yonhap|Xinhua|Kyodo|Bernama|Bloomberg|UPI|dpa|ANI|PTI|IANS|"
             r"Agencies|News1|Newsis|[A-Z]{2,6})")
TRAILING_WIRE = re.compile(rf"(?<=[.!?\"'”’])\s*[—–]\s*{_AGENCIES}$")

# 'By Jane Doe, Founder & CEO, Hanbit Networks': a byline with the writer's title and firm.
_TITLE_WORDS = (r"(?:Founder|Co-?founder|CEO|CTO|CFO|Chief|President|Partner|Director|Editor|"
                r"Analyst|Reporter|Writer|Correspondent|Contributor|Columnist|Principal|"
                r"Head|Manager|Researcher|Professor|Fellow|VP|Vice)")
TITLED_BY = re.compile(
    rf"^By\s+(?P<names>{_EN_NAME}),\s+(?=[^.]{{0,30}}\b{_TITLE_WORDS}\b)[^.!?]{{2,80}}$")
# 'By Jane Doe SKM': a ticker after the name (a stock page's byline).
TICKER_AFTER_NAME = re.compile(rf"^(?P<name>{_EN_NAME})\s+[A-Z]{{2,5}}(?:\.[A-Z]{{1,2}})?$")
# A name alone on a line: 'Jane Doe' (a reporter beside the date line).
NAME_ALONE = re.compile(rf"^(?!By\s)(?P<names>{_EN_NAME})$")
# A byline glued before the lede: 'Jane Doe, John Roe Hanbit Economic News MAJOR …'.
NAMES_OUTLET = re.compile(
    rf"^(?!By\s)(?P<names>{_SHORT_NAME}(?:,\s*{_SHORT_NAME}){{0,3}})\s+"
    r"(?P<outlet>(?:[A-Z][\w&'-]+\s+){1,3}(?:News|Times|Daily|Post|Herald|Journal|Wire|Today|"
    r"Review|Tribune|Insider|Economy|Economic|Biz))(?=\s+[A-Z\"“]|$)")
# A Korean reporter's name before the date: '홍길동⁄ 2025.10.31 19:40:27'.
KO_NAME_DATE = re.compile(r"^(?P<name>[가-힣]{2,4})\s*[/⁄|·]\s*(?=(?:19|20)\d{2}\s*[.\-/년])")
# 'Reviewed by Hanbit News Editorial Team': the outlet's own desk.
TEAM_CREDIT = re.compile(
    r"(?:Reviewed|Edited|Written|Produced|Compiled)\s*by\s*(?P<outlet>[A-Z][\w&.'-]*"
    r"(?:\s+[A-Z][\w&.'-]*){0,3}?)\s+(?:Editorial\s+(?:Team|Board|Staff)|News\s*desk|Desk|"
    r"Staff|Newsroom)\b")
# A press release's issuer: 'Hanbit Telecom (NYSE:HBT, "HBT") today announced …'.
ISSUER = re.compile(
    r"^(?P<issuer>[A-Z][\w&.' -]{1,40}?)\s*\((?:NYSE|NASDAQ|Nasdaq|KRX|KOSPI|KOSDAQ|LSE|TSE|"
    r"HKEX)\s*:\s*[A-Z0-9]{2,8}\b[^)]{0,30}\)\s+(?:today\s+|on\s+\w+\s+)?(?:announced|reported|"
    r"said|unveiled|released)\b")
# A masthead that is the site's logo: '한빛미디어 Hanbit 로고', 'Hanbit Media logo'.
LOGO = re.compile(r"^(?P<name>.{2,40}?)\s*(?:로고|logo|Logo|LOGO)(?:\s*이미지)?$")


def logo_name(text: str) -> str | None:
    """'한빛미디어 Hanbit 로고' -> '한빛미디어': the logo's alt text names the site (in its
    first script when both are given)."""
    logo = LOGO.match(text.strip())
    if logo is None:
        return None
    words = logo.group("name").split()
    hangul = [bool(re.search(r"[가-힣]", w)) for w in words]
    if len(set(hangul)) > 1:
        words = [w for w, h in zip(words, hangul, strict=True) if h == hangul[0]]
    return " ".join(words) or None


def doubled(text: str) -> str | None:
    """'Title goes hereTitle goes here': a line printed twice without a break -> one copy."""
    half, odd = divmod(len(text), 2)
    if odd or half < 12 or text[:half] != text[half:]:
        return None
    return text[:half]


def promo_runs(lines: list[Line]) -> set[int]:
    """Indexes of content lines in runs of two or more reader-addressed adverts."""
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, Line(0, "", "content")]):
        if line.kind == "empty":
            continue
        if line.kind == "content" and promo_like(line.text):
            run.append(index)
            continue
        if len(run) >= 2:
            found.update(run)
        run = []
    return found
