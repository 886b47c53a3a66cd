"""The kind of an event from the words of its clause (Korean and English news prose).

First match wins, in the order below: an apology outranks the outage it is about, a deal
verb the meeting it happened at, a launch the plan it was part of, a revenue target the
investment words around it. Then where it happened refines it: at a fair or conference a
keynote or a showcase is taking part (conference), a remark with no part taken is what was
said there (statement).
"""

from __future__ import annotations

import re

from briefing.ingest.speech import unquoted

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(p, re.I)) for k, p in (
    ("statement", r"사과(?:했|하|문|의)|사죄|선포|발간|보고서를\s*(?:냈|내놓|공개)|백서|"
                  r"\b(?:apologi[sz]|declared|published (?:a|its) (?:report|white paper))"),
    # A data leak is a breach: '정보 유출', '…이 유출됐다', 'data was leaked'.
    ("outage", r"장애|먹통|불통|마비|끊김|두절|해킹|사이버\s*공격|디도스|DDoS|악성\s*코드|"
               r"(?:정보|데이터|고객)\s*유출|해커(?:의|가|들|에)|유출(?:됐|되었|돼|된|사고|사태)|"
               # Harm to users: '피해를 입었습니다', '…이 탈취됐다', '무단 소액결제'.
               r"피해를\s*입(?:었|은|어)|탈취(?:됐|되었|당했|당한)|무단\s*(?:소액\s*)?결제|"
               r"\bunauthori[sz]ed (?:micro)?payments?\b|"
               r"\b(?:hack(?:ed|ers?|ing)?|breach|cyberattack|malware|leak(?:ed|s)?\b|"
               r"outage|disruption|blackout|network failure|"
               r"(?:service|services) (?:were|was) (?:interrupted|disrupted|down))"),
    ("earnings", r"실적\s*발표|컨퍼런스\s*콜|콘퍼런스\s*콜|\bearnings call\b"),
    # '취임 첫 간담회', '취임 후': the office is the occasion, not the news.
    ("appointment", r"선임|임명|영입|취임(?!\s*(?:\d+\s*(?:주년|년|개월|일)|첫|후|이후|이래|직후|"
                    r"당시|초))|선출|내정|연임|유임|재선임|"
                    r"신임\s*(?:대표|사장|CEO)|"
                    r"\b(?:appoint|named (?:as )?(?:the )?(?:new )?(?:ceo|chief|head)|"
                    r"named\b[^.,]{0,40}\bas (?:the )?(?:new )?(?:ceo|chief|head|president)|"
                    r"elected|reappointed|"
                    r"board member|new (?:ceo|chief executive)|hired|recruited)"),
    # 'a revenue target of KRW 25 trillion' beside 'investments': the target is the news.
    # '… 등을 목표로 내세웠다': goals set, whatever the nouns before them.
    ("target", r"(?:매출|수익|영업이익)\s*목표|목표로\s*(?:내세웠|삼았|제시했|세웠|정했)|"
               r"\b(?:revenue|sales|profit) (?:target|goal)"),
    # '힘을 쏟고 있다' is effort, not money.
    # People put on a job ('300여명을 투입해') are no money; a fund set up is an investment.
    ("investment", r"투자(?!은행|자|\s*업계|\s*펀드를 조성)|출자|지분|인수했|인수한|인수를|인수에|"
                   r"쏟(?<!힘을 쏟)(?<!힘을쏟)(?<!공을 쏟)(?<!력을 쏟)(?<!량을 쏟)|"
                   r"투입(?<!명을 투입)(?<!인력을 투입)|베팅|"
                   r"펀드['’\"”]?(?:를|도|을)?\s*(?:조성|만들|결성|출범)|"
                   r"\b(?:set(?:s|ting)? up|creat(?:e|es|ed|ing)|launch(?:es|ed)?)\s+(?:a|an)?\s*"
                   r"(?:[\w$.,-]+\s+){0,4}fund\b|"
                   # A company founded: 'the creation of Hanbit Inc.', '미국 법인을 설립했다'.
                   r"\b(?:creation|establishment|founding) of\b[^.]{0,40}\b(?:Inc|Corp|Ltd|LLC|"
                   r"subsidiary|joint company)\b|"
                   r"(?:법인(?<!합작법인)|자회사)을?\s*(?:설립|세웠|세운)|"
                   r"(?:매입|매수|취득)(?:했|한|하|에|을)|"
                   # English by the verb or an investment of/in something: 'support for AI
                   # investment' is no investment made.
                   r"\b(?:invest(?:s|ed|ing)?\b|investments?\s+(?:of|in|into|worth)\b|"
                   r"stake|acqui|funding round|backed|spen[dt]|purchas(?:e|ed|es)\b|bought|"
                   r"(?:for|took|takes|an?)\s+equity\s+(?:in|stake)\b|"
                   r"(?:put|pump(?:s|ed)?|pour(?:s|ed)?|inject(?:s|ed)?)\b[^.]{0,40}\binto\b)"),
    # 'AI 원팀': Korean industry coalitions are named '… 원팀'.
    ("alliance", r"얼라이언스|동맹|합작|회원사로|원팀|"
                 r"(?:연합체|포럼|협의체|컨소시엄)에?\s*(?:가입|합류)|"
                 r"\b(?:alliance|joint venture|consortium|joined [^.]{0,40}"
                 r"(?:project|initiative|framework|coalition))"),
    # '…이 진행하는 캠페인에 동참한다': joining another's campaign is working with it.
    ("partnership", r"협약|파트너십|MOU|업무협약|제휴|협력|협업|손잡|손을 잡|계약|맞손|공동\s*개발|"
                    r"(?:캠페인|운동|프로젝트|사업)에\s*동참|"
                    r"\b(?:partnership|partner|agreement|memorandum|collaborat|teamed up|signed|"
                    r"cooperat)"),
    ("product", r"출시|공개|선보|론칭|런칭|상용화|서비스를 시작|도입|내놓|개소|개통|"
                r"\b(?:launch|unveil|releas|introduc|roll(?:ed|s)? out|debut|open(?:ed|s))"),
    ("target", r"목표|달성하겠|달성할|하겠다|겠다는|계획|예정|추진(?:한다|합니다|할)|약속|"
               r"\b(?:target|aim|goal|plans? to|by 20\d\d|pledge|will (?:invest|launch|expand))"),
    ("earnings", r"영업이익|매출|(?<!현)실적|순이익|\b(?:revenue|profit|earnings|sales)\b|"
                 r"\b(?:net|operating) (?:income|loss)\b"),
    # A regulator's order: '행정지도', '시정명령', a halt to new sign-ups.
    ("regulation", r"과징금|과태료|규제|법안|제재|방통위|과기정통부|행정\s*(?:지도|처분)|"
                   r"시정\s*(?:명령|조치)|영업\s*정지|신규\s*가입[을를]?\s*(?:중단|금지|제한)|"
                   r"\b(?:regulat|fine[sd]? |penalt|sanction|administrative guidance|"
                   r"corrective order)"),
    # A press conference or briefing is where something was said, not a conference.
    ("statement", r"기자\s*간담회|간담회|기자\s*회견|브리핑|설명회|"
                  r"\b(?:press conference|news conference|media briefing|briefing)\b"),
    ("conference", r"행사|포럼|콘퍼런스|컨퍼런스|서밋|박람회|전시회|전시관|총회|라운드\s?테이블|"
                   r"개최|"
                   r"기조\s*(?:연설|강연)|기조연설|부스|엑스포|쇼(?<=[가-힣A-Z]쇼)(?=에서|에|를|가|\s)|"
                   r"\b(?:MWC|CES|conference|summit|forum|congress|keynote|"
                   r"expo|roundtable|pavilion|booth|festival|host(?:ed|s)?)\b"),
))


# Where: a fair, show or conference ('MWC 2024에서', 'at CES').
_VENUE = re.compile(r"행사|포럼|콘퍼런스|컨퍼런스|서밋|박람회|전시회|총회|엑스포|"
                    r"쇼(?<=[가-힣A-Z]쇼)(?=에서|에|를|가|\s)|"
                    r"\b(?:MWC|CES|IFA|conference|summit|forum|congress|expo|fair|show)\b", re.I)
# Taking part there: attending, hosting, a keynote, a booth or a showcase ('참가한 대표가'
# describes the speaker, not what the clause reports).
_TAKING_PART = re.compile(
    r"참석(?:해|했|하며|하고)|참가(?:해|했|하며|하고)|참여(?:해|했|하며|하고)|개최|열었|연다|"
    r"기조\s*(?:연설|강연)|부스|전시(?!회)|시연|찾아|방문|"
    r"\b(?:attend|host|keynote|booth|exhibit|showcas|demonstrat|participat|pavilion)", re.I)
_SHOWING = re.compile(r"기조\s*(?:연설|강연)|부스|전시(?!회)|시연|"
                      r"\b(?:keynote|booth|exhibit|showcas|demonstrat)", re.I)
# What someone said: the clause reports a remark.
_SAID = re.compile(r"(?:밝혔|말했|강조했|설명했|언급했|전했)|이야기(?:다|했)|발언|"
                   r"\b(?:said|says|told|stressed|noted|remarked|explained)\b", re.I)


def _at_venue(kind: str, text: str) -> str:
    """A clause told at a fair or conference: a keynote or showcase there is taking part, a
    remark with no part taken is a statement."""
    if not _VENUE.search(text):
        return kind
    if kind in ("product", "statement", "target", "conference") and _SHOWING.search(text):
        return "conference"
    if kind == "conference" and _SAID.search(text) and not _TAKING_PART.search(text):
        return "statement"
    return kind


# A deal as what a remark is about ('MS와 체결한 파트너십의 의미를 이같이 설명했다',
# 'explained the significance of the deal'): what was said, not the deal again.
_ABOUT = re.compile(r"의\s*(?:의미|배경|취지|중요성)(?:를|을)\s*(?:이같이\s*|이렇게\s*)?"
                    r"(?:설명|강조|언급|소개)했|"
                    r"\b(?:explained|stressed|highlighted) the (?:significance|meaning|"
                    r"importance) of\b", re.I)
_ABOUT_DEALS = frozenset({"partnership", "investment", "alliance", "product"})


def classify(text: str) -> tuple[str, bool]:
    """(kind, sure): 'statement' when no verb tells, which needs review."""
    text = unquoted(text)  # what someone said is not what happened
    for kind, pattern in _KINDS:
        if pattern.search(text):
            if kind in _ABOUT_DEALS and _ABOUT.search(text):
                return "statement", True
            return _at_venue(kind, text), True
    return "statement", False


_PLAN = re.compile(r"계획|예정|하겠|겠다|목표|방침|추진|"
                   r"\b(?:plans?|aims?|will|intends?|expects? to|targets?|goal|scheduled|slated)\b",
                   re.I)


def is_plan(text: str) -> bool:
    """Does the clause say something is planned (a target), whatever the verb planned?"""
    return bool(_PLAN.search(unquoted(text)))
