"""Patterns of news-site clutter, one per kind; clean.py decides what a line is.

Every pattern here matches a whole line (or a prefix that clean.py splits off), so a
content sentence that merely mentions a word like '공유' or 'Print' is never taken.
"""

from __future__ import annotations

import re

_WEEKDAY = (r"(?:\(\s*(?:[월화수목금토일](?:요일)?|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\s*\)|"
            r"[월화수목금토일]요일|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?)")


def _date_shapes(named: bool) -> tuple[str, str, str]:
    """The three full-date shapes (2024.03.19, March 19, 2024, 19 March 2024), written once;
    named, their parts are groups for STAMP's reader in meta.py."""
    def part(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if named else body
    year, month, day = r"(?:19|20)\d{2}", r"[A-Z][a-z]{2,8}", r"\d{1,2}"
    return (rf"{part('y', year)}\s*[.\-/년]\s*{part('m', day)}\s*[.\-/월]\s*{part('d', day)}",
            rf"{part('mn', month)}(?:\.\s*|\s+){part('d2', day)}(?:st|nd|rd|th)?,?\s*"
            rf"{part('y2', year)}",
            rf"{part('d3', day)}\s+{part('mn3', month)}\.?,?\s+{part('y3', year)}")


_YMD, _MDY, _DMY = _date_shapes(named=False)

FONT_WIDGET = re.compile(
    r"^(?:작게\s*보기|기본\s*크기|크게\s*보기|글자\s*크기(?:\s*설정)?|글씨\s*크기|폰트\s*크기|"
    r"본문\s*글자\s*(?:크기|키우기|줄이기)|글자\s*(?:크게|작게)|가\s*가|가+|[AaＡ]{1,2}[+-]?|"
    r"[+-]\s*[AaＡ]|텍스트\s*크기|Text\s*size|Font\s*size|Decrease\s*font|Increase\s*font|"
    r"글자크기|글자크기\s*(?:조절|변경))$",
    re.I)
FONT_HINT = re.compile(r"글자\s*크기|글씨\s*크기|폰트\s*크기|이 글자크기로|font size", re.I)
SAMPLE = re.compile(r"^\(?예시\)|^가나다라마바사|^The quick brown fox", re.I)
SHARE = re.compile(
    r"^(?:공유(?:하기)?|기사\s*공유|SNS\s*공유|페이스북|트위터|엑스|카카오톡|카카오스토리|네이버\s*밴드|"
    r"밴드|라인|텔레그램|링크\s*복사|URL\s*복사|주소\s*복사|복사하기|기사\s*스크랩|스크랩|북마크|"
    r"프린트|인쇄(?:하기)?|메일(?:\s*보내기)?|이메일(?:\s*보내기)?|기사\s*듣기|기사듣기|음성으로\s*듣기|"
    r"듣기|닫기|번역|구독|구독하기|Share|Share this article|Facebook|Twitter|Tweet|LinkedIn|"
    r"WhatsApp|Email|E-mail|Print|Copy\s*link|Link\s*copied|Listen(?:\s*to\s*this\s*article)?|"
    r"Save|Bookmark|Subscribe|Sign\s*in|Log\s*in|Advertisement|ADVERTISEMENT|광고|"
    r"(?:주소|URL|링크)\s*(?:복사가|이|가)\s*(?:완료되었습니다|복사되었습니다)\.?|"
    r"(?:글자\s*크기|공유|인쇄|프린트|스크랩|듣기|댓글|기사\s*듣기|페이스북|트위터|카카오톡|"
    r"네이버블로그|링크복사|URL\s*복사)(?:\s*[|·/]?\s*(?:글자\s*크기|공유(?:하기)?|인쇄|프린트|"
    r"스크랩|듣기|댓글|기사\s*듣기|페이스북|트위터|카카오톡|네이버블로그|링크복사|URL\s*복사|"
    r"가\s*가))+|"
    r"(?:Share|Print|Email|Facebook|Twitter|LinkedIn|Listen|Font size|A\+|A-)"
    r"(?:\s*[|·/]?\s*(?:Share|Print|Email|Facebook|Twitter|LinkedIn|Listen|Font size|A\+|A-))+)$",
    re.I)
REACTION = re.compile(
    r"^(?:(?:좋아요|싫어요|추천(?:해요)?|비추천|화나요|슬퍼요|훈훈해요|놀랐어요|후속\s*기사\s*원해요|"
    r"추가\s*취재\s*원해요|응원해요|공감|최고예요|감동이에요|궁금해요|Like|Likes|Dislike)"
    r"\s*[\d,]*|\d+\s*(?:명|개)?\s*(?:공감|추천)|이 기사(?:에 대해|를) 어떻게 생각하시나요\??|"
    r"이 기사를 추천합니다|What do you think(?: of this article)?\??|조회(?:수)?\s*[\d,]*)$",
    re.I)
COMMENT = re.compile(
    r"^(?:댓글(?:\s*\(?\s*\d+\s*\)?)?|댓글\s*(?:쓰기|작성|달기|보기|더보기|정렬|운영\s*원칙|정책)|"
    r"\d+\s*/\s*\d+|최신순|추천순|공감순|과거순|로그인|로그아웃|비밀번호|등록|작성자|"
    r"댓글\s*첫\s*댓글을\s*작성해\s*보세요|첫\s*댓글을\s*(?:작성|남겨)(?:해)?\s*보세요|"
    r"Comments?(?:\s*\(\d+\))?|Add a comment|Leave a (?:comment|reply)|Post comment|"
    r"Be the first to comment|You must be log(?:ged)?\s*in to post a comment\.?)$",
    re.I)
COMMENT_RULE = re.compile(
    r"(?:\d+\s*자\s*이내로|띄어\s*쓰기를?\s*포함|건전한\s*(?:토론|댓글)|욕설.{0,10}비방|댓글은?\s*"
    r"(?:표시|삭제|제한)|댓글\s*운영|로그인\s*후|명예훼손|개인정보를?\s*포함)")
RELATED = re.compile(
    r"^(?:관련\s*(?:기사|뉴스)|주요\s*뉴스|주요\s*기사|(?:가장\s*)?많이\s*본\s*(?:뉴스|기사)|"
    r"인기\s*(?:기사|뉴스)|실시간\s*(?:인기|뉴스|랭킹|급상승)|이\s*시각\s*(?:주요|인기)\s*뉴스|"
    r"최신\s*(?:뉴스|기사)|포토\s*뉴스|핫\s*클릭|추천\s*(?:기사|뉴스)|많이\s*읽은\s*기사|"
    r"함께\s*(?:보면|읽으면)\s*좋은\s*(?:기사|뉴스)|함께\s*본\s*(?:기사|뉴스)|"
    r"오늘의\s*(?:주요|인기)\s*뉴스|랭킹\s*뉴스|이\s*기자의\s*(?:다른|최신)\s*기사|"
    r"(?:[가-힣]{2,4}\s*)?기자의\s*다른\s*기사(?:\s*보기)?|"
    r"Related(?:\s+(?:articles|news|stories|content|topics|posts))?|Most\s+(?:read|viewed|popular)|"
    r"Trending|"
    r"Top\s+stories|Read\s+more|More\s+from.*|More\s+stories|Latest\s+(?:news|stories)|"
    r"Editor'?s\s+picks?|You\s+may\s+also\s+like|Recommended(?:\s+stories)?)$",
    re.I)
COPYRIGHT = re.compile(
    r"(?:ⓒ|©|Ⓒ|\(c\)|copyright|저작권자|무단\s*전재|무단전재|재배포\s*금지|재배포\s*및|"
    r"all\s+rights\s+reserved|AI\s*학습\s*(?:및\s*)?(?:이용|활용)\s*금지|재판매\s*(?:및\s*)?"
    r"DB\s*금지|unauthorized\s+reproduction)",
    re.I)
PHOTO_CREDIT = re.compile(r"^[ⓒ©Ⓒ]\s*\S{1,20}$")
END_MARK = re.compile(r"^[(<\[]?\s*(?:끝|END|완|ends?)\s*[)>\]]?$", re.I)
# A page that hides addresses from robots prints '[email protected]' in their place.
_MAIL = r"(?:[\w.+-]+@(?:[\w-]+\.)+[A-Za-z]{2,}|\[email\s*protected\])"
EMAIL = re.compile(_MAIL)
_REPORTER_WORD = r"(?:선임|수석|인턴|객원|전문|편집)?\s*(?:기자|특파원|논설위원|에디터|연구원)"
BYLINE = re.compile(
    r"^(?:[/\[(<【]?\s*)?(?:(?:[가-힣A-Za-z0-9]{2,12}\s+|"
    # '한빛일렉=홍길동 기자': the outlet before an '=' ('사진=홍길동 기자' took the picture).
    r"(?!(?:사진|그래픽|자료|영상|촬영|이미지|출처|제공|편집)\s*=)[가-힣A-Za-z0-9]{2,12}\s*=\s*)?"
    r"[가-힣]{2,4}"
    rf"(?:\s*[·,]\s*[가-힣]{{2,4}})*\s*{_REPORTER_WORD}|"
    r"(?:By|Reporter|Written by|Reporter\s*:)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}"
    r"(?:\s*(?:,|and)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*|"
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z-]+){1,3}(?=\s*[(,/|]?\s*[\w.+-]+@)|"
    # Case-sensitive: an all-caps name, not a title-case sub-head ('Massive spending plan').
    r"(?-i:(?:B[Yy]\s+)?[A-Z]{2,}(?:[ -][A-Z]{2,}){1,3})|"
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z-]+){1,3},\s*(?:Contributing|Senior|Staff|Chief|Managing)?\s*"
    r"(?:Editor|Reporter|Writer|Correspondent|Analyst)[^.]{0,60})"
    rf"(?:\s*[,/=|Iㅣ]?\s*\(?\s*(?:{_MAIL}|[\w.+-]+@[\w-]+\.[\w.]*$)\s*\)?)?"
    r"(?:\s*[|,]\s*(?:Staff|Senior|Contributing)?\s*(?:reporter|writer|correspondent|editor))?"
    r"(?:\s*[·|•]+\s*\d+\s*min(?:ute)?s?\s*read)?"
    r"\s*[=\])>】Iㅣ|]?"
    rf"(?:\s*(?:입력|등록|작성)?\s*[:：]?\s*{_YMD}\s*[.일]?[\s\d:.]*(?:오전|오후|AM|PM)?"
    r"[\s\d:.]*)?$", re.I)
EMAIL_LINE = re.compile(rf"^[\[(<]?\s*{_MAIL}\s*[\])>]?$")
SIGN_OFF = re.compile(
    r"^(?:(?:[A-Z]{2,5}|[가-힣]{2,6})\s+(?:뉴스\s+)?)?[가-힣]{2,4}\s*(?:기자|특파원)?"
    r"(?:입니다|이었습니다|였습니다)\.?$|"
    r"^[가-힣]{2,4}\s*(?:기자|특파원)(?:가|이)\s.{0,30}(?:취재|보도|전해\s*드립|전합)[가-힣]*\.?$|"
    r"^(?:지금까지\s.{0,30})?(?:[가-힣]{2,6}\s)?[가-힣]{2,4}\s*(?:기자|특파원)?(?:가|이)?\s*"
    r"전해\s*드렸습니다\.?$")
_LABEL = (r"(?:기사\s*)?(?:최초\s*)?(?:입력|등록|승인|수정|게재|발행|송고|업데이트|작성|"
          r"최종\s*수정|Published|Posted|Updated|Modified|Last\s+updated|Date|First\s+published)")
_DAY = rf"(?:{_YMD}\s*[.일]?|(?:{_MDY})|(?:{_DMY}))"
_TIME_ETC = (rf"(?:\s*{_WEEKDAY}|[\s\d:.,()]|오전|오후|AM|PM|a\.m\.|p\.m\.|KST|GMT|UTC|"
             r"[+\-]\d{2}:?\d{2}|\||/|·|조회(?:수)?|[A-Z]?\d{1,2}\s*면|)*")
DATELINE = re.compile(
    rf"^(?:{_WEEKDAY}\s*)?(?:(?:{_LABEL})?\s*(?:일|일시|시간|시각)?\s*[:：]?\s*{_DAY}{_TIME_ETC})+$",
    re.I)
# An outlet's name before its date line: 'Hanbit Biz 2021. 11. 1. 15:21', '한빛경제 2024.03.20'.
OUTLET_BEFORE_DATE = re.compile(
    rf"^(?:[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){{0,2}}|[가-힣]{{2,10}})\s+(?={_DAY})")
CONTENT_NOTE = re.compile(
    r"^이 기사는 (?:19|20)\d{2}년 .{0,60}(?:표출|게재|송고|출고|공개)된 기사입니다\.?$")
LABELLED_DATE = re.compile(
    rf"(?:{_LABEL})\s*(?:일|일시)?\s*[:：]?\s*(?:\d{{4}}\s*[.\-/년]|"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})", re.I)
# A labelled or bare date in a date line or byline, its parts named for meta.py: '입력
# 2024.03.19 15:36', 'Posted: Tuesday, March 19, 2024', '19 March 2024'.
STAMP = re.compile(
    rf"(?P<label>{_LABEL}(?:\s*(?:일|일시|시간|시각))?)?\s*[:：]?\s*(?:{_WEEKDAY},?\s*)?"
    "(?P<date>{}|{}|{})".format(*_date_shapes(named=True)), re.I)
# A date's label on a line of its own, the date on the next: 'Updated' / 'December 3, 2025'.
# ('등록', '작성' alone are a comment box's buttons.)
DATE_LABEL_ALONE = re.compile(
    r"^(?:(?:기사\s*)?(?:최초\s*)?(?:입력|수정|게재|발행|업데이트|최종\s*수정)|Published|Posted|"
    r"Updated|Modified|Last\s+updated|First\s+published)\s*[:：]?$", re.I)
DATE_WIDGET = re.compile(rf"^\d{{1,2}}\s*[./]\s*\d{{1,2}}\s*\.?\s*{_WEEKDAY}?$")
SKIP_LINK = re.compile(
    r"^(?:(?:본문|컨텐츠|콘텐츠|주\s*메뉴|메뉴|전체\s*메뉴|검색)\s*(?:바로\s*가기|건너\s*뛰기)\s*)+$|"
    r"^(?:바로\s*가기|"
    r"Skip\s+to\s+(?:main\s+)?(?:content|navigation|main)|Go\s+to\s+(?:main\s+)?contents?|"
    r"Jump\s+to\s+(?:main\s+)?content|전체\s*메뉴|메뉴\s*열기|메뉴\s*닫기|검색\s*열기|Menu|"
    r"Search|Open\s+menu|Close|Table\s+of\s+contents|On\s+this\s+page|In\s+this\s+article|"
    r"목차)$", re.I)
SECTION_WORDS = frozenset(re.split(r"\s+", """
    홈 뉴스 전체기사 전체 정치 경제 사회 산업 IT IT/과학 IT·과학 과학 테크 통신 모바일 인터넷
    국제 세계 문화 생활 스포츠 연예 오피니언 사설 칼럼 금융 증권 부동산 유통 자동차 바이오
    게임 방송 통신·방송 전자 기업 재계 라이프 피플 인물 포토 영상 기획 연재 단독 속보
    정보통신 ICT 방송통신 IT·인터넷 IT/인터넷 모바일·통신 과학기술 테크·IT 산업·재계
    Home News Business Tech Technology World National Opinion Economy Industry Companies
    Markets Science Sports Culture Life Politics Society Telecom AI Korea Finance""".strip()))
BREADCRUMB = re.compile(r"^(?:[^>›»\n]{1,20}\s*[>›»]\s*){1,5}[^>›»\n]{1,20}$|"
                        # 'Home / Section / the page title': a path from the home page.
                        r"^(?:Home|HOME|홈)\s*[/>›»|]\s*.{1,120}$")
PROMPT = re.compile(
    r"(?:구독\s*(?:하세요|해\s*주세요|신청|하기|버튼)|뉴스레터|앱\s*(?:을\s*)?(?:다운로드|설치|에서\s*보기)|"
    r"네이버\s*(?:뉴스\s*)?(?:채널|메인)에서|(?:네이버|다음)에서\s*[^ ]+\s*구독|"
    r"기자\s*구독|제보(?:는|하기)|카카오톡\s*[@:]|무료\s*(?:구독|체험)|"
    r"sign\s+up\s+for|subscribe\s+(?:to|now|for)|download\s+(?:our|the)\s+app|newsletter|"
    r"get\s+the\s+app|follow\s+us\s+on|unlimited\s+access|already\s+a\s+subscriber)",
    re.I)
MARKDOWN_IMAGE = re.compile(r"^!\[.*\]\(\S*\)\s*\|?\s*$|^\[!\[")
WIDGET = re.compile(
    r"^(?:\d+\s*min(?:ute)?s?\s*read|(?:By\s+)?\d+\s*(?:HOURS?|MINUTES?|DAYS?|MINS?)\s*AGO|"
    r"View\s+Market\s+Snapshot|광고\s*닫기|이미지\s*확대(?:\s.{0,20})?|음성\s*재생(?:\s*설정)?|"
    r"번역\s*beta.*|Translated\s+by.*|재생\s*목록|상태바|이\s*기사를\s*공유합니다|"
    r"[a-z]+(?:_[a-z]+)+|기자\s*이미지(?:\s+[가-힣]{2,4})?|다음\s*기사|이전\s*기사|"
    r"(?:기사\s*)?목록(?:\s*보기)?|맨\s*위로|Back\s+to\s+top|입력\s*(?:시간)?|"
    # A read time ('schedule 5 min') and an ad slot's size ('728 x 90 Header Slot').
    r"TOP|(?:schedule\s+)?\d+\s*min(?:ute)?s?(?:\s*read)?|"
    r"\d{2,4}\s*[x×]\s*\d{2,4}(?:\s+[\w ]{0,20})?)$",
    re.I)
TAG_LINE = re.compile(r"^\[[^\]=]{1,15}\]$")  # '[MWC23]', '[단독]' alone: a series tag
MARKER = (r"(?:앵커(?:\s*멘트|\s*리드)?|기자|리포트|인터뷰|녹취|현장음|싱크|자막|"
          r"Anchor(?:\s+Lead)?|Pkg|Package|Reporter|Sound\s*bite|SOT|VCR|Interview)")
MARKER_LINE = re.compile(rf"^[\[<(【◀]\s*{MARKER}\s*[\]>)】▶]$", re.I)
MARKER_PREFIX = re.compile(rf"^[\[<【]\s*{MARKER}\s*[\]>】]\s*(?=\S)", re.I)
TICKER_INLINE = re.compile(
    r"\s*\(\s*(?:\d{6}\s*[,/]?\s*)?[\d,]+\s*원?\s*[▲▼△▽↑↓]\s*[\d,.]+\s*(?:[+\-]?\s*[\d.]+\s*%)?"
    r"\s*\)")
TICKER_LINE = re.compile(
    r"^(?!.*(?:[다요]\.|\.\s*$)).{0,40}?\d[\d,.]*\s*(?:원|pt|p)?\s*(?:[▲▼△▽↑↓]\s*[\d,.]+|"
    r"[+\-]\s*[\d,.]+\s*\(?\s*[+\-]?[\d.]+\s*%\)?|[+\-][\d.]+\s*%)"
    r"(?:\s*(?:[+\-]?\s*[\d.]+\s*%|[가-힣A-Za-z/·.&]{1,12}\s*[\d,.]+\s*(?:[▲▼△▽↑↓]\s*[\d,.]+)?"
    r"\s*(?:[+\-]?[\d.]+\s*%)?))*\s*$")
# A credit inside a caption: '사진=KT', '/그래픽=홍길동', '사진 제공=SK텔레콤', '[자료=KT]'.
CREDIT_INSIDE = re.compile(
    r"(?:사진|그래픽|자료|영상|촬영|이미지|출처|제공)\s*(?:제공)?\s*[=:|]\s*\S|"
    r"사진\s*제공\s*[=:]?\s*[가-힣A-Za-z]|/\s*(?:사진|그래픽)\s*=|"
    r"\b(?:Photo|Image|Graphic|Picture)s?\s*(?:by|courtesy\s+of|credit|=|:)\s*\S", re.I)
CREDIT_LINE = re.compile(
    r"^[\[(【]?\s*(?:사진\s*공동\s*취재단|사진|그래픽|자료|영상|촬영|이미지|출처|제공|Photo|Image|"
    r"Graphic|Source|"
    r"Courtesy(?:\s+of)?|Getty\s+Images|게티이미지(?:뱅크|코리아)?)\b[^.!?]{0,60}[\])】]?$",
    re.I)
_CITIES = (r"(?:Seoul|Busan|Incheon|Daejeon|Daegu|Gwangju|Ulsan|Sejong|Suwon|Pangyo|Seongnam|"
           r"Barcelona|Las Vegas|San Francisco|San Jose|Washington|New York|Tokyo|Beijing|"
           r"Shanghai|Singapore|Hong Kong|London|Paris|Berlin|Copenhagen|Dubai|Riyadh)")
# A dateline on a line of its own, before the lede: 'SEOUL, Dec. 3 (Yonhap) --', 'BARCELONA —',
# 'Seoul'. A city in capitals needs a date, an agency or a dash (a capitals headline has none).
_PLACE = rf"(?:{_CITIES}|[A-Z][A-Z .'-]{{1,30}})"
_AGENCY = r"\([A-Z][\w .&-]{1,30}\)"
DATELINE_ALONE = re.compile(
    rf"^(?:{_PLACE}(?:,\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?\s*(?:{_AGENCY})?|"
    rf"\s*{_AGENCY})\s*(?:--|—|–|-)?|{_PLACE}\s*(?:--|—|–)|(?i:{_CITIES}))\s*$")
# A bracketed byline on a line of its own: '[서울=뉴시스]', '(서울=뉴스1) 홍길동 기자 ='.
BRACKET_BYLINE_ALONE = re.compile(
    r"^(?:[\[【]\s*[^\]】]{2,40}?(?:=|기자|특파원)[^\]】]{0,30}[\]】]|"
    r"\(\s*[^()]{1,20}=\s*[^()]{1,20}\))\s*(?:[가-힣]{2,4}\s*(?:기자|특파원)\s*)?=?\s*$")
WIRE_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z .'-]{1,30})(?:,\s+[A-Z][A-Za-z .'-]{1,30}?)?(?:,\s+|\s+(?=[(/]))"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?\s+)?"
    r"[(/](?P<outlet>[A-Z][\w .&-]{1,30})[)/]\s*(?:(?:--|—|–|-)\s*(?=[^\s—–-])|"
    r"(?<=\))(?=[A-Z])|(?:--|—|–|-)?\s*$)|"  # '(Korea Bizwire)A fire …': glued
    # 'Hanbit Wire (Mar 5) --': the outlet, then the day in brackets.
    r"^(?P<outlet2>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}) \((?P<date2>[A-Z][a-z]{2,8}\.? \d{1,2})\)"
    r"\s*(?:--|—|–)(?:\s*(?=[^\s—–-])|\s*$)")
# A dateline without an outlet before a release's lede: 'Seoul, South Korea - June 7, 2026 -'.
LEDE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,30}(?:,\s+[A-Z][A-Za-z .'-]{1,30}?)?\s+(?:--|—|–|-)\s+"
    rf"(?P<date>{_MDY})\s+(?:--|—|–|-)\s+(?=[A-Z])")
# The last word of a Korean outlet's name ('한빛일보', '한빛경제', '한빛닷컴').
OUTLET_SUFFIX = r"(?:닷컴|뉴스|일보|신문|경제|방송|미디어|데일리|타임스|저널)"
# '【 한빛일보 】 KT는 …': an outlet's name in brackets before the lede.
OUTLET_TAG = re.compile(rf"^[\[【]\s*[가-힣A-Za-z0-9]{{1,10}}{OUTLET_SUFFIX}\s*[\]】]\s*(?=\S)")
# '[뉴스투데이=임성지 기자]', '(서울=뉴스1) 홍길동 기자 =', '[헤럴드경제(바르셀로나)=차민주 기자]',
# '[중부매일 박건영 기자]', '【서울=뉴시스】': a byline in brackets before the lede.
BRACKET_BYLINE = re.compile(
    r"^(?:[\[【]\s*[^\]】]{2,40}?(?:=|기자|특파원)[^\]】]{0,30}[\]】]|"
    r"[가-힣A-Za-z][가-힣A-Za-z0-9 ]{0,15}?\s*=\s*[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*\s*"
    r"(?:기자|특파원)\s*[|ㅣ=]|"
    r"ㅣ\s*[^ㅣ]{2,40}?(?:=|기자|특파원)[^ㅣ]{0,30}ㅣ|"
    r"\(\s*[^()]{1,20}=\s*[^()]{1,20}\))"
    rf"(?:\s*[가-힣]{{2,4}}(?:\s*[·,\s]\s*[가-힣]{{2,4}})*\s*{_REPORTER_WORD}\s*=?)?"
    rf"(?:\s*{_MAIL}\s*=?)?\s*")
# A wire's credit closing a body paragraph: '… officials said. (Yonhap)'.
_WIRES = (r"(?:Yonhap|Reuters|AP|AFP|EPA|Xinhua|Kyodo|Bloomberg|UPI|News1|Newsis|"
          r"연합뉴스|뉴스1|뉴시스)")
WIRE_TAIL = re.compile(rf"(?<=[.!?\"'”’])\s*\({_WIRES}\)$")
# A wire's credit on a line of its own after the body: '—APP', '(Yonhap)', '/연합뉴스'.
WIRE_CREDIT_LINE = re.compile(
    rf"^(?:[—–-]{{1,2}}\s*[A-Z]{{2,8}}|\(\s*{_WIRES}\s*\)|/\s*{_WIRES})$")
# A ranked headline in a 'most read' list, its rank glued on: '3못 말리는 …', '1KT, …'.
RANKED = re.compile(r"^(?:[1-9]|10)(?=[가-힣A-Za-z\[\"'‘“(])")
# A byline in brackets closing the last sentence: '… 밝혔다. [홍길동 한빛경제 기자]'.
CLOSING_BYLINE = re.compile(
    rf"(?<=[.!?\"'”’다])\s*[\[【][^\[\]【】]{{2,30}}?(?:기자|특파원)(?:\s*{_MAIL})?\s*[\]】]$|"
    # '… 설명했다. 홍길동 기자 hong@example.kr': the sign-off glued to the last sentence.
    rf"(?<=[.!?\"'”’])\s*(?:[가-힣]{{2,4}}\s*(?:기자|특파원)\s*|"
    rf"[A-Z][a-z]+(?: [A-Z][a-z-]+){{1,2}}\s+)?{_MAIL}$")
# A byline glued after a deck: '새 서비스 내놓는 한빛텔레콤[한빛경제 홍길동 기자] 본문…'.
GLUED_BYLINE = re.compile(
    r"^(?P<deck>[^\[\]【】]{4,80}?[^\s.다])\s*(?P<byline>[\[【][^\]】=]{2,20}?\s*[=\s]\s*"
    r"[가-힣]{2,4}\s*(?:기자|특파원)\s*[\]】])\s*(?=\S)")
# '(Reporting by Jane Doe; Editing by John Roe)': the wire's credits after the story.
REPORTING = re.compile(
    # The editors' credit may follow without its ';' ('… Jane RoeEditing by …').
    r"^\(?\s*(?:Reporting|Writing|Additional reporting) by (?P<names>[^;)]{2,80}?)"
    r"(?:(?:;|(?<=[a-z])(?=(?:Editing|Writing|Additional)\b))[^)]*)?\)?$", re.I)
# A caption's credit glued to the lede that follows: '… 화면. 연합뉴스25일 …'.
GLUED_CREDIT = re.compile(
    r"^(?P<caption>.{4,200}?[.다]\s*(?:사진\s*)?(?:연합뉴스|뉴스1|뉴시스|[\w가-힣+]{1,15}\s*제공))"
    r"(?=\d{1,2}일\s)")
LEADING_DATE = re.compile(r"^date\s+(?:19|20)\d{2}-\d{2}-\d{2}\s+(?=\S)", re.I)
# A caption that ends with its credit: '… 하고 있다. 연합뉴스', '… 사옥. kt 제공',
# '… CI(LGU+ 제공)', '… 모습. < SK텔레콤 >', a credit cut off ('… [사진').
CAPTION_END = re.compile(
    r"(?:[.다]\s*(?:사진\s*)?(?:공동\s*취재단|연합뉴스|뉴스1|뉴시스|[\w가-힣+]{1,15}\s*제공)|"
    r"\([^()]{1,20}제공\)|<\s*[^<>]{1,20}\s*>|\[사진[^\]]{0,20}|"
    r"\((?:Courtesy|Photo|Yonhap|News1|Newsis)[^()]{0,40}\)|"
    # '… in central Seoul, Monday. Yonhap |': a wire's photo credit (a table cell's bar).
    r"[.]\s+(?:Yonhap|Newsis|News1|Reuters|AFP|EPA|AP|Getty Images)(?:\s*\|)?)\s*$", re.I)

# A date line by its grammar rather than one pattern per outlet: a full date (and times,
# weekdays, labels, view counts, separators) plus at most a few short metadata words
# (a section, the reporter, 'Link'): '2024.03.05 15:20 | IT/과학 | 홍길동 기자',
# 'IT/과학 / 홍길동 기자 / 2024.03.05 15:20', 'Jane Doe 5 Mar, 2024', 'Mar.5,2024',
# 'Link [2022-06-11 14:39:36]'. A sentence that mentions a date has too many words.
_MON = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}")
FULL_DATE = re.compile(
    r"(?<!\d)(?:19|20)\d{2}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*[.일]?(?!\d)|"
    rf"\b{_MON}(?:\.\s*|\s+)\d{{1,2}}(?:st|nd|rd|th)?,?\s*(?:19|20)\d{{2}}\b|"
    rf"\b\d{{1,2}}\s+{_MON}\.?,?\s+(?:19|20)\d{{2}}\b")
_LINE_NOISE = re.compile(
    rf"{_MAIL}|{_WEEKDAY}|\d{{1,2}}:\d{{2}}(?::\d{{2}})?|오전|오후|\b(?:AM|PM|a\.m\.|p\.m\.|KST|GMT|UTC)\b|"
    rf"{_LABEL}|(?:일|일시|시간|시각)(?=\s*[:：])|조회(?:수)?|views?|[\d,]+|"
    r"[|/·•:：\[\]()<>]|[A-Z]?\d{1,2}\s*면", re.I)
_METADATA_WORDS = 4
_METADATA_MARK = re.compile(rf"\d{{1,2}}:\d{{2}}|[|/·•\[\]]|기자|특파원|조회|{_LABEL}", re.I)


def is_date_line(text: str) -> bool:
    """A line that is mostly one date: the date, times and a few metadata words."""
    if len(text) > 100 or not FULL_DATE.search(text) or re.search(r"[다요]\.\s*$", text):
        return False
    rest = _LINE_NOISE.sub(" ", FULL_DATE.sub(" ", text))
    words = [w for w in re.split(r"\s+", rest) if w and w not in ("-", "--", "—", ".", ",")]
    if len(words) > _METADATA_WORDS or any(len(w) > 12 for w in words):
        return False
    # More than two words need a metadata mark, else '2019.04.03 세계 최초 5G 상용화' in a
    # timeline would be taken for a date line.
    return len(words) <= 2 or bool(_METADATA_MARK.search(text))

# Page furniture of portals, video sites and message boards, each a whole short line.
# Video players: 'Play Video', '동영상 재생', 'Your browser does not support the video tag.'
PLAYER = re.compile(
    r"^(?:(?:동영상|영상)\s*(?:재생|보기|시작|닫기)|재생(?:하기)?|자동\s*재생|일시\s*정지|"
    r"(?:Play|Watch)(?:\s+(?:the\s+)?video)?|Now\s+Playing|Up\s+Next|다음\s*영상|"
    r"Video\s+Player\s+is\s+loading\.?.*|Your\s+browser\s+does(?:\s+not|n[’']t)\s+support"
    r".{0,60}|"
    r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:/\s*\d{1,2}:\d{2}(?::\d{2})?)?|"
    r"조회수\s*[\d.,]+\s*[만천]?\s*회.{0,30}|[\d.,]+[KMk]?\s+views?.{0,30}|"
    r"구독자\s*[\d.,]+\s*[만천]?\s*명|[\d.,]+[KMk]?\s+subscribers)$", re.I)
# Message boards: a row of field labels ('작성자 홍길동 | 조회 123 | 추천 4'), post links.
BOARD = re.compile(
    r"^(?:(?:번호|제목|글쓴이|작성자|작성일|날짜|조회|추천|비추천|댓글|분류)\s*[:：]?\s*"
    r"[\w.\-:/]{0,20}\s*[|·]?\s*){2,7}$|^(?:이전글|다음글|글쓰기|답글|신고|목록으로|새로고침|"
    r"페이지\s*정보)$|"
    # A reporter's widget: '홍길동 기자 기자 페이지 구독 기자의 다른기사 보기'.
    r"^[가-힣]{2,4}\s*기자(?:\s*(?:기자\s*페이지|구독|기자의\s*다른\s*기사\s*보기))+$")
# Tag lines ('#AI #KT #통신', 'Tags: AI, 5G') and 'Also read: …' links.
TAGS = re.compile(r"^(?:#[^\s#]{1,30}\s*){2,}$|^(?:Tags?|Topics|태그|키워드|관련\s*태그)\s*[:：]"
                  r".{0,120}$", re.I)
ALSO_READ = re.compile(r"^(?:Also\s+(?:read|see)|Read\s+also|Read\s+more|See\s+also|Related|More|"
                       r"관련\s*기사|함께\s*보면\s*좋은\s*기사)\s*[:：|]\s*.{2,160}$", re.I)
# Aggregators' AI-summary notices and repost footers.
NOTICE = re.compile(
    r"(?:AI-generated\s+summary|summar(?:y|ies|ised|ized)\s+(?:was\s+|were\s+)?"
    r"(?:generated|written|produced)\s+(?:by|with)\s+AI|(?:generated|summari[sz]ed)\s+by\s+AI|"
    r"AI\s*(?:가|로)\s*요약(?:했|한|됐|된)|AI\s*요약(?:입니다|본|문)|요약봇|"
    # '… 주요 문장 추출 기술을 사용하여 “매체” 기사 내용을 3줄로 요약한 결과입니다.'
    r"(?:문장|요약)\s*추출\s*기술|요약(?:한|된)\s*(?:결과|내용)입니다|"
    r"^(?:원문\s*보기|기사\s*원문|원문보기)$|^(?:출처|Source)\s*[:：].{1,60}$|"
    r"(?:originally|first)\s+(?:published|appeared)\s+(?:on|in|at)\b|"
    r"이\s*기사는\s*.{0,40}(?:제공받은|외부\s*제공|외부제공|전재한)\s*기사|"
    # '본 콘텐츠는 … 에서 공유된 콘텐츠입니다', '본 기사는 … 에서 … 서비스된 기사입니다'
    # (one with the year is CONTENT_NOTE, which dates the article)
    r"^(?:이|본)\s*(?:기사|콘텐츠)는\s(?!.*(?:19|20)\d{2}년).{0,60}(?:공유|제공|서비스)된\s*"
    r"(?:기사|콘텐츠)"
    r"입니다\.?$|"
    r"using\s+AI\s+to\s+generate\s+(?:key\s+)?takeaways|^Generate\s+Key\s+Takeaways$)", re.I)
EMPTY_CELL = re.compile(
    r"^[\[(]?\s*(?:이미지|사진|그림|그래픽|Image|Photo|Picture|Video|영상)\s*[\])]?$", re.I)
