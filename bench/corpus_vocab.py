"""Vocabulary and sentence templates for the benchmark corpus (bench/corpus.py).

All names are invented for the benchmark (websites use the reserved .example
domain); all sentences are written for it. Template fields: C carrier, R rival
carrier (bodies) or role (event titles), E entity, T topic, Y year, N/N2/P/P2
numbers, A amount, Q quarter; ``X_eun``/``X_i``/``X_eul``/``X_wa``/``X_ro`` add
the Korean particle that fits X.
"""

from __future__ import annotations

Pairs = tuple[tuple[str, str], ...]

CARRIERS: dict[str, dict[str, str | tuple[str, ...]]] = {
    "kt": {
        "ko": "KT",
        "en": "KT",
        "aliases": ("케이티", "KT Corp.", "한국통신"),
        "color": "#ed1c24",
    },
    "lguplus": {
        "ko": "LG유플러스",
        "en": "LG Uplus",
        "aliases": ("LG U+", "LGU+", "엘지유플러스", "LG유플"),
        "color": "#e6007e",
    },
    "skt": {
        "ko": "SK텔레콤",
        "en": "SK Telecom",
        "aliases": ("SKT", "SK telecom", "에스케이텔레콤"),
        "color": "#e4002b",
    },
}

FX: dict[str, dict[int, int | float]] = {
    "USD": {
        2015: 1132,
        2016: 1160,
        2017: 1131,
        2018: 1100,
        2019: 1166,
        2020: 1180,
        2021: 1144,
        2022: 1292,
        2023: 1306,
        2024: 1364,
        2025: 1422,
        2026: 1445,
    },
    "EUR": {
        2015: 1256,
        2016: 1284,
        2017: 1276,
        2018: 1299,
        2019: 1305,
        2020: 1346,
        2021: 1353,
        2022: 1358,
        2023: 1412,
        2024: 1475,
        2025: 1590,
        2026: 1610,
    },
    "JPY": {
        2015: 9.35,
        2016: 10.68,
        2017: 10.08,
        2018: 9.96,
        2019: 10.7,
        2020: 11.06,
        2021: 10.42,
        2022: 9.84,
        2023: 9.31,
        2024: 9.01,
        2025: 9.45,
        2026: 9.3,
    },
}

ENTITY_NAME_PARTS: dict[str, tuple[Pairs, Pairs]] = {
    "company": (
        (
            ("아스트라", "Astra"),
            ("블루핀", "Bluefin"),
            ("코빈", "Corvin"),
            ("델핀", "Delphin"),
            ("에버릿", "Everlit"),
            ("펜윅", "Fenwick"),
            ("그래닛", "Granite"),
            ("헬릭스", "Helix"),
            ("아이오니스", "Ionis"),
            ("요르빅", "Jorvik"),
            ("케스트럴", "Kestrel"),
            ("루모라", "Lumora"),
            ("메리디안", "Meridian"),
            ("님버스", "Nimbus"),
            ("오르반", "Orvane"),
            ("폴라리스", "Polaris"),
            ("퀼론", "Quillon"),
            ("레드우드", "Redwood"),
            ("세이블", "Sable"),
            ("테세라", "Tessera"),
            ("엄브라", "Umbra"),
            ("밴티지", "Vantage"),
            ("웨스트마크", "Westmark"),
            ("자일로", "Xylo"),
            ("야로우", "Yarrow"),
            ("제니스", "Zenith"),
        ),
        (
            ("시스템즈", "Systems"),
            ("네트웍스", "Networks"),
            ("클라우드", "Cloud"),
            ("반도체", "Semiconductor"),
            ("텔레콤", "Telecom"),
            ("소프트웨어", "Software"),
            ("로보틱스", "Robotics"),
            ("데이터", "Data"),
            ("디바이스", "Devices"),
            ("컴퓨트", "Compute"),
        ),
    ),
    "startup": (
        (
            ("모아", "Moa"),
            ("소리", "Sori"),
            ("하늘", "Haneul"),
            ("별", "Byeol"),
            ("가온", "Gaon"),
            ("누리", "Nuri"),
            ("다솔", "Dasol"),
            ("이룸", "Iroom"),
            ("샘", "Saem"),
            ("빛나", "Bitna"),
            ("두레", "Dure"),
            ("마루", "Maru"),
            ("아라", "Ara"),
            ("여울", "Yeoul"),
            ("도란", "Doran"),
            ("나래", "Narae"),
            ("온도", "Ondo"),
            ("파도", "Pado"),
            ("결", "Gyeol"),
            ("새", "Sae"),
        ),
        (
            ("비트", "bit"),
            ("마인드", "mind"),
            ("웨이브", "wave"),
            ("그램", "gram"),
            ("랩스", "labs"),
            ("플로우", "flow"),
            ("센스", "sense"),
            ("링크", "link"),
            ("웍스", "works"),
            ("데이터", "data"),
            ("비전", "vision"),
            ("보이스", "voice"),
        ),
    ),
    "alliance": (
        (
            ("퍼시픽", "Pacific"),
            ("오픈", "Open"),
            ("글로벌", "Global"),
            ("아시아", "Asia"),
            ("노던", "Northern"),
            ("소버린", "Sovereign"),
            ("퓨처", "Future"),
            ("트러스티드", "Trusted"),
        ),
        (
            ("텔코 AI 얼라이언스", "Telco AI Alliance"),
            ("엣지 컴퓨팅 컨소시엄", "Edge Computing Consortium"),
            ("네트워크 AI 포럼", "Network AI Forum"),
            ("LLM 얼라이언스", "LLM Alliance"),
            ("6G 연합", "6G Coalition"),
            ("양자 네트워크 얼라이언스", "Quantum Network Alliance"),
            ("데이터 신뢰 컨소시엄", "Data Trust Consortium"),
            ("AI 인프라 협의체", "AI Infrastructure Pact"),
        ),
    ),
    "person": (
        (
            ("김", "Kim"),
            ("이", "Lee"),
            ("박", "Park"),
            ("최", "Choi"),
            ("정", "Jung"),
            ("강", "Kang"),
            ("조", "Cho"),
            ("윤", "Yoon"),
            ("장", "Jang"),
            ("임", "Lim"),
            ("한", "Han"),
            ("오", "Oh"),
            ("서", "Seo"),
            ("신", "Shin"),
            ("권", "Kwon"),
            ("황", "Hwang"),
            ("안", "Ahn"),
            ("송", "Song"),
            ("류", "Ryu"),
            ("홍", "Hong"),
        ),
        (
            ("민준", "Min-jun"),
            ("서연", "Seo-yeon"),
            ("지훈", "Ji-hoon"),
            ("하은", "Ha-eun"),
            ("도윤", "Do-yoon"),
            ("수아", "Su-a"),
            ("예준", "Ye-jun"),
            ("지우", "Ji-woo"),
            ("현우", "Hyun-woo"),
            ("유진", "Yu-jin"),
            ("태희", "Tae-hee"),
            ("성민", "Sung-min"),
            ("재원", "Jae-won"),
            ("은서", "Eun-seo"),
            ("동현", "Dong-hyun"),
            ("소윤", "So-yoon"),
            ("준혁", "Jun-hyuk"),
            ("나연", "Na-yeon"),
            ("우진", "Woo-jin"),
            ("가은", "Ga-eun"),
        ),
    ),
    "product": (
        (
            ("아이라", "Aira"),
            ("보라", "Bora"),
            ("코러스", "Chorus"),
            ("던", "Dawn"),
            ("에코", "Echo"),
            ("프레임", "Frame"),
            ("글림", "Glim"),
            ("헤일로", "Halo"),
            ("아이리스", "Iris"),
            ("제이드", "Jade"),
            ("카이트", "Kite"),
            ("라크", "Lark"),
        ),
        (
            ("어시스턴트", "Assistant"),
            ("LLM", "LLM"),
            ("비전", "Vision"),
            ("콜", "Call"),
            ("에이전트", "Agent"),
            ("엣지", "Edge"),
            ("스튜디오", "Studio"),
            ("가드", "Guard"),
        ),
    ),
    "conference": (
        (
            ("서울", "Seoul"),
            ("부산", "Busan"),
            ("바르셀로나", "Barcelona"),
            ("코펜하겐", "Copenhagen"),
            ("라스베이거스", "Las Vegas"),
            ("싱가포르", "Singapore"),
            ("도쿄", "Tokyo"),
            ("베를린", "Berlin"),
            ("리스본", "Lisbon"),
            ("두바이", "Dubai"),
        ),
        (
            ("AI 엑스포", "AI Expo"),
            ("모바일 서밋", "Mobile Summit"),
            ("네트워크 포럼", "Network Forum"),
            ("테크 위크", "Tech Week"),
            ("텔코 콩그레스", "Telco Congress"),
            ("디지털 쇼", "Digital Show"),
        ),
    ),
    "organization": (
        (
            ("한국", "Korea"),
            ("아시아태평양", "Asia-Pacific"),
            ("글로벌", "Global"),
            ("국제", "International"),
            ("전국", "National"),
            ("동북아", "Northeast Asia"),
        ),
        (
            ("AI 협회", "AI Association"),
            ("모바일산업협회", "Mobile Industry Association"),
            ("네트워크 연구원", "Network Institute"),
            ("데이터 협의회", "Data Council"),
            ("클라우드 재단", "Cloud Foundation"),
            ("로봇 학회", "Robotics Society"),
            ("통신표준 기구", "Telecom Standards Body"),
            ("스타트업 연합", "Startup Union"),
        ),
    ),
    "government": (
        (
            ("한국", "Korea"),
            ("일본", "Japan"),
            ("싱가포르", "Singapore"),
            ("독일", "Germany"),
            ("프랑스", "France"),
            ("아랍에미리트", "UAE"),
            ("인도네시아", "Indonesia"),
            ("베트남", "Vietnam"),
            ("태국", "Thailand"),
            ("사우디아라비아", "Saudi Arabia"),
        ),
        (
            ("통신위원회", "Communications Commission"),
            ("디지털부", "Ministry of Digital Affairs"),
            ("개인정보보호청", "Data Protection Authority"),
            ("AI 안전연구소", "AI Safety Institute"),
        ),
    ),
}

ROLES: Pairs = (
    ("대표이사", "CEO"),
    ("최고기술책임자", "CTO"),
    ("AI 사업부장", "head of AI business"),
    ("최고AI책임자", "Chief AI Officer"),
    ("이사회 의장", "chair of the board"),
    ("전략기획실장", "head of strategy"),
    ("사외이사", "outside director"),
)

TOPICS: Pairs = (
    ("AI 데이터센터", "AI data centres"),
    ("통신 특화 LLM", "telecom-specific LLMs"),
    ("AI 에이전트", "AI agents"),
    ("네트워크 자동화", "network automation"),
    ("온디바이스 AI", "on-device AI"),
    ("AI 콜센터", "AI contact centres"),
    ("GPU 클라우드", "GPU cloud"),
    ("보안 관제", "security operations"),
    ("도심항공교통", "urban air mobility"),
    ("양자 암호", "quantum-safe encryption"),
    ("기업용 AI 전환", "enterprise AI transformation"),
    ("AI 반도체", "AI chips"),
)

PUBLISHERS: dict[str, Pairs] = {
    "ko": (
        ("서울테크데일리", "www.seoultechdaily.example"),
        ("모바일인사이트", "mobileinsight.example"),
        ("통신경제신문", "www.telecom-economy.example"),
        ("한강비즈", "hangangbiz.example"),
        ("AI뉴스룸", "ainewsroom.example"),
        ("넥스트저널", "www.nextjournal.example"),
    ),
    "en": (
        ("Seoul Tech Review", "seoultechreview.example"),
        ("Korea Wire Business", "koreawire.example"),
        ("Telco Asia Weekly", "www.telcoasiaweekly.example"),
        ("Mobile Ledger", "mobileledger.example"),
        ("Pacific Business Daily", "pacificbizdaily.example"),
    ),
}

AUTHORS: dict[str, tuple[str, ...]] = {
    "ko": ("김하람", "이도경", "박서진", "최윤아", "정우성", "한지민", "오세린", "문태오"),
    "en": (
        "Grace Whitfield",
        "Daniel Oh",
        "Mira Castell",
        "Ethan Byun",
        "Sophie Lanner",
        "Jae Park",
        "Hannah Moreau",
        "Leo Brandt",
    ),
}

KIND_LABEL: dict[str, dict[str, str]] = {
    "partnership": {"ko": "제휴", "en": "partnership"},
    "investment": {"ko": "투자", "en": "investment"},
    "alliance": {"ko": "동맹", "en": "alliance"},
    "product": {"ko": "제품", "en": "product"},
    "outage": {"ko": "장애", "en": "outage"},
    "appointment": {"ko": "인사", "en": "appointment"},
    "target": {"ko": "목표", "en": "target"},
    "conference": {"ko": "행사", "en": "conference"},
    "regulation": {"ko": "규제", "en": "regulation"},
    "earnings": {"ko": "실적", "en": "earnings"},
    "statement": {"ko": "발언", "en": "statement"},
}

TAGS_BY_KIND: dict[str, list[str]] = {
    "partnership": ["partnership"],
    "investment": ["startup-investment"],
    "alliance": ["alliance"],
    "product": ["product-launch"],
    "outage": ["outage"],
    "appointment": ["personnel"],
    "target": ["targets"],
    "conference": ["conference"],
    "regulation": ["regulation"],
    "earnings": ["earnings"],
    "statement": ["strategy"],
    "*": [
        "telco-llm",
        "ai-datacenter",
        "ai-agent",
        "sovereign-ai",
        "6g",
        "gpu",
        "cloud",
        "b2b",
        "network-ai",
        "security",
        "robotics",
        "global-bigtech",
    ],
}

EVENT_TITLES: dict[str, dict[str, list[str]]] = {
    "partnership": {
        "ko": [
            "{C}·{E}, {T} 협력 양해각서 체결",
            "{C_wa} {E}, {T} 공동 개발 합의",
            "{C}, {E_wa} {T} 사업 제휴",
        ],
        "en": [
            "{C} and {E} sign an MOU on {T}",
            "{C} teams up with {E} on {T}",
            "{E} and {C} agree to co-develop {T}",
        ],
    },
    "investment": {
        "ko": ["{C}, {E}에 전략적 투자", "{C}, {T} 기업 {E} 지분 확보", "{C}, {E} 후속 투자 참여"],
        "en": [
            "{C} invests in {E}",
            "{C} takes a stake in {T} firm {E}",
            "{C} joins {E}'s funding round",
        ],
    },
    "alliance": {
        "ko": ["{C}, {E} 합류", "{E} 회원사, 합작법인 설립 합의", "{E}, 공동 {T} 사업 출범"],
        "en": [
            "{C} joins {E}",
            "{E} members agree to form a joint venture",
            "{E} launches joint work on {T}",
        ],
    },
    "product": {
        "ko": ["{C}, {E} 출시", "{E} 새 버전 공개", "{C}, {E_eul} 기업 고객에 확대"],
        "en": [
            "{C} launches {E}",
            "A new version of {E} goes live",
            "{C} opens {E} to business customers",
        ],
    },
    "outage": {
        "ko": ["{C} 유선 인터넷 장애", "{C} 모바일 데이터 접속 지연", "{C} {T} 서비스 일시 중단"],
        "en": [
            "{C} fixed-line internet outage",
            "{C} mobile data disruption",
            "{C} suspends its {T} service for hours",
        ],
    },
    "appointment": {
        "ko": ["{E}, {C} {R}에 선임", "{C}, {R}{C_ro} {E} 내정", "{E} {R} 취임"],
        "en": ["{E} named {R} of {C}", "{C} picks {E} as {R}", "{E} takes office as {R}"],
    },
    "target": {
        "ko": [
            "{C}, {Y}년까지 AI 매출 목표 제시",
            "{C}, {T} 중장기 목표 발표",
            "{C}, {Y}년 {T} 비전 공개",
        ],
        "en": [
            "{C} sets an AI revenue goal for {Y}",
            "{C} announces mid-term targets for {T}",
            "{C} unveils its {Y} vision for {T}",
        ],
    },
    "conference": {
        "ko": ["{C}, {E}에서 {T} 비전 발표", "{C}, {E} 전시관 운영", "{E} 개막, {C} 참가"],
        "en": [
            "{C} presents its {T} plans at {E}",
            "{C} runs a booth at {E}",
            "{E} opens with {C} on stage",
        ],
    },
    "regulation": {
        "ko": [
            "{E}, 통신사 {T} 가이드라인 발표",
            "{E}, {T} 관련 규제 완화",
            "{E}, {C}에 시정 요구",
        ],
        "en": [
            "{E} issues {T} guidelines for carriers",
            "{E} eases rules on {T}",
            "{E} orders {C} to fix its practices",
        ],
    },
    "earnings": {
        "ko": ["{C} {Q}분기 실적 발표", "{C}, 연간 실적 공개", "{C} {Q}분기 AI 사업 매출 공개"],
        "en": [
            "{C} reports Q{Q} results",
            "{C} publishes annual results",
            "{C} discloses Q{Q} AI revenue",
        ],
    },
    "statement": {
        "ko": [
            "{C} 대표, {T} 투자 확대 방침",
            "{C}, {T} 전략 설명회 개최",
            "{C}, AI 조직 개편 방향 밝혀",
        ],
        "en": [
            "{C}'s chief outlines more spending on {T}",
            "{C} briefs analysts on its {T} strategy",
            "{C} explains its AI reorganisation",
        ],
    },
}

TITLES: dict[str, dict[str, list[str]]] = {
    "partnership": {
        "ko": [
            "{C}의 {T} 행보, {E_wa} 손잡다",
            "{E}와 짝 이룬 {C}, {T} 승부수",
            "{C}·{E} 제휴로 본 {T} 경쟁",
        ],
        "en": [
            "{C} pairs with {E} to push {T}",
            "What the {C}-{E} tie-up means for {T}",
            "{C} bets on {E} for {T}",
        ],
    },
    "investment": {
        "ko": [
            "{C}, {E}에 {A} 베팅",
            "{C}의 {T} 투자 지도에 {E} 추가",
            "{E} 투자로 본 {C}의 {T} 전략",
        ],
        "en": ["{C} puts {A} into {E}", "{E} joins {C}'s {T} portfolio", "Why {C} backed {E}"],
    },
    "alliance": {
        "ko": [
            "{E}, {C}의 해외 AI 동맹 축",
            "{C}가 참여한 {E}의 다음 단계",
            "{E} 합작 구도와 {C}의 역할",
        ],
        "en": [
            "{E} and {C}'s global AI alliance play",
            "The next step for {E}",
            "{C}'s role in {E}",
        ],
    },
    "product": {
        "ko": [
            "{E} 출시로 본 {C}의 {T} 서비스 전략",
            "{C}, {E_ro} {T} 시장 공략",
            "{E}의 의미와 한계",
        ],
        "en": [
            "{C} brings {E} to market",
            "{E} and {C}'s push into {T}",
            "What {E} does and does not do",
        ],
    },
    "appointment": {
        "ko": [
            "{E}, {C} AI 전략의 새 얼굴",
            "{C} 인사에 담긴 {T} 메시지",
            "{E} 선임과 {C}의 조직 변화",
        ],
        "en": [
            "{E} becomes the face of {C}'s AI strategy",
            "The message behind {C}'s new leadership",
            "{E} and the reshaping of {C}",
        ],
    },
    "conference": {
        "ko": ["{E}에서 드러난 {C}의 {T} 구상", "{C}의 {E} 발표 정리", "{E} 현장: {C}가 보여준 것"],
        "en": [
            "{C}'s {T} plans on show at {E}",
            "{C} at {E}: the takeaways",
            "Notes from {E}: what {C} showed",
        ],
    },
    "regulation": {
        "ko": [
            "{E}의 새 규칙과 통신사 {T}",
            "{E} 규제 변화가 {C}에 주는 의미",
            "{T} 규제, {E}의 방향 전환",
        ],
        "en": [
            "{E}'s new rules and carrier {T}",
            "What {E}'s move means for {C}",
            "{E} changes course on {T}",
        ],
    },
    "statement": {
        "ko": [
            "{E}가 말한 {C}의 {T} 방향",
            "{C}와 {E}, {T}를 말하다",
            "{E} 발언으로 읽는 {T} 전략",
        ],
        "en": [
            "{E} on where {C} goes with {T}",
            "{C}, {E} and the {T} debate",
            "Reading {T} strategy from {E}'s remarks",
        ],
    },
}

SOURCE_TITLES: dict[str, dict[str, list[str]]] = {
    kind: {
        "ko": [
            "[단독] {C}, {E}와 {T} 전방위 협력",
            "{C}, {E} 카드 꺼냈다…{T} 시장 정조준",
            '{E}·{C} 맞손…"{T} 판 키운다"',
        ],
        "en": [
            "{C}, {E} in {T} push, sources say",
            "{C} taps {E} as {T} race heats up",
            "Exclusive: {C} and {E} move on {T}",
        ],
    }
    for kind in EVENT_TITLES
}

SUMMARIES: dict[str, dict[str, list[str]]] = {
    "partnership": {
        "ko": ["{C_eun} {E_wa} {T} 분야 협력을 공식화했다.", "{C_wa} {E}의 {T} 제휴가 구체화됐다."],
        "en": [
            "{C} formalised a {T} partnership with {E}.",
            "{C} and {E} put their {T} cooperation on paper.",
        ],
    },
    "investment": {
        "ko": [
            "{C_eun} {E}에 {A} 규모의 투자를 단행했다.",
            "{C_eun} {T} 기업 {E}의 지분을 확보했다.",
        ],
        "en": ["{C} invested {A} in {E}.", "{C} took a stake in the {T} company {E}."],
    },
    "alliance": {
        "ko": [
            "{E} 회원사들이 공동 사업의 다음 단계에 합의했다.",
            "{C_eun} {E} 안에서 역할을 넓히고 있다.",
        ],
        "en": [
            "The members of {E} agreed on the next phase of their joint work.",
            "{C} is widening its role inside {E}.",
        ],
    },
    "product": {
        "ko": ["{C_eun} {E_eul} 내놓고 {T} 수요를 공략한다.", "{E}의 새 기능이 공개됐다."],
        "en": [
            "{C} launched {E} to address demand for {T}.",
            "New features of {E} were made public.",
        ],
    },
    "appointment": {
        "ko": [
            "{E_i} {C}의 주요 보직을 맡게 됐다.",
            "{C_eun} {E_eul} 중심으로 AI 조직을 재편했다.",
        ],
        "en": ["{E} took on a senior post at {C}.", "{C} rebuilt its AI organisation around {E}."],
    },
    "conference": {
        "ko": ["{C_eun} {E}에서 {T} 계획을 소개했다.", "{E}에서 {C_i} 주요 발표를 맡았다."],
        "en": ["{C} presented its {T} plans at {E}.", "{C} gave one of the main talks at {E}."],
    },
    "regulation": {
        "ko": ["{E_i} {T} 관련 새 기준을 내놨다.", "{E}의 규제 변화가 통신사 전략에 영향을 준다."],
        "en": ["{E} set new rules on {T}.", "A regulatory change by {E} affects carrier strategy."],
    },
    "statement": {
        "ko": ["{E_i} {T} 방향에 대한 입장을 밝혔다.", "{C}와 관련해 {E}의 공개 발언이 나왔다."],
        "en": ["{E} set out a position on {T}.", "{E} made public remarks touching on {C}."],
    },
    "*": {
        "ko": [
            "통신 본업 밖에서 성장 동력을 찾으려는 흐름의 연장선이다.",
            "경쟁사들도 비슷한 움직임을 보이고 있어 비교가 필요하다.",
            "금액과 일정은 기사에 나온 그대로 옮겼다.",
            "후속 계약 여부가 다음 관전 포인트다.",
        ],
        "en": [
            "It continues the search for growth beyond the core telecom business.",
            "Rivals are making similar moves, so a comparison is useful.",
            "Amounts and dates are as reported.",
            "Whether follow-on contracts come is the next thing to watch.",
        ],
    },
    "**": {
        "ko": ["{Y}년 사업 계획과 함께 볼 만하다.", "분석가 메모: 수익화 시점은 아직 불투명하다."],
        "en": [
            "Worth reading alongside the {Y} business plan.",
            "Analyst note: the timing of any payoff is still unclear.",
        ],
    },
}

BODY_HEADINGS: dict[str, tuple[str, ...]] = {
    "ko": (
        "무슨 일이 있었나",
        "주요 사건",
        "등장하는 기업과 인물",
        "배경",
        "경쟁사 동향",
        "시사점",
        "관련 브리핑",
    ),
    "en": (
        "What happened",
        "Events",
        "Who is involved",
        "Background",
        "What the rivals do",
        "Why it matters",
        "Related briefings",
    ),
}

KO_FILLER: tuple[str, ...] = (
    "{C_eun} 이번 결정으로 {T} 시장에서 주도권을 굳히겠다는 계획이다.",
    "업계에서는 {E_wa} {C}의 협력이 {Y}년 이후 본격적인 매출로 이어질지 주목하고 있다.",
    "{C_eun} 지난해부터 {T} 전담 조직을 꾸려 외부 파트너를 물색해 왔다.",
    "{R_i} 비슷한 시기에 유사한 전략을 내놓으면서 통신 3사 간 경쟁이 한층 치열해졌다.",
    "회사 측은 구체적인 일정과 투자 규모를 추후 공개하겠다고 설명했다.",
    "{E_eun} 국내외 고객사 {N}곳 이상과 {T} 관련 검증을 진행한 것으로 알려졌다.",
    "통신 본업의 성장이 둔화하면서 {C_eun} AI를 새로운 성장 동력으로 내세우고 있다.",
    "이번 사안은 {C}의 {T} 로드맵에서 중요한 이정표로 평가된다.",
    "분석가들은 수익화까지 최소 {N2}년이 걸릴 것으로 내다봤다.",
    "{C_eun} 자체 데이터센터 자원을 활용해 초기 비용을 낮출 방침이다.",
    "{E_i} 보유한 기술이 기존 통신망 운영 시스템과 얼마나 잘 맞물릴지가 관건이다.",
    "한편 {R_eun} {T} 분야에서 독자 노선을 유지하겠다는 입장을 재확인했다.",
    "정부도 {T} 생태계 육성을 위한 지원책을 검토하고 있는 것으로 전해졌다.",
    "관련 인력 채용도 늘려 연말까지 전담 인원을 {N}명 수준으로 확대할 계획이다.",
    "시장조사기관들은 국내 {T} 시장이 연평균 {P}% 성장할 것으로 전망한다.",
    "{C_eun} 이를 통해 기업 고객 대상 사업의 비중을 높이겠다고 밝혔다.",
    "일각에서는 해외 빅테크에 대한 의존도가 높아질 수 있다는 우려도 나온다.",
    "{E_wa}의 협력 범위는 향후 해외 시장으로 넓어질 가능성이 있다.",
    "발표 직후 {C}의 주가는 장중 {P2}% 안팎으로 움직였다.",
    "회사 관계자는 고객 경험을 바꾸는 것이 최우선 목표라고 강조했다.",
    "{C_eun} 앞서 {T} 관련 시범 서비스를 {N}개 지역에서 운영한 바 있다.",
    "전문가들은 데이터 주권과 보안 문제가 다음 과제가 될 것이라고 지적했다.",
    "{R_wa} 비교하면 {C}의 접근은 파트너십 중심이라는 점이 눈에 띈다.",
    "요금제와 결합한 상품 출시도 함께 검토하고 있다.",
    "내부적으로는 네트워크 운영 비용을 {P}% 줄이는 효과를 기대하고 있다.",
    "**핵심은 실행 속도다.** 계획 발표와 실제 매출 사이의 간격을 줄이는 것이 과제로 꼽힌다.",
    "{E_eun} 이번 협력을 계기로 한국 시장에서 인지도를 높일 것으로 보인다.",
    "{Y}년까지의 중기 계획에는 {T} 인프라 확충이 포함됐다.",
    "{C_eun} 올해 안에 관련 서비스를 {N}만 명 이상의 가입자에게 제공할 계획이다.",
    "초기에는 수도권 기업 고객을 중심으로 서비스를 운영한 뒤 지방으로 넓힌다.",
    "이번 조치는 이사회 승인을 거쳐 확정됐다.",
    "{E_eun} 최근 {P}%대의 매출 성장률을 기록하며 주목받고 있다.",
    "{R_eun} 이에 맞서 자체 모델 고도화에 속도를 내고 있다.",
    "투자업계에서는 {C}의 기업가치 재평가로 이어질 수 있다는 분석이 나온다.",
    "현장 직원 교육 프로그램도 함께 마련해 전환 속도를 높이기로 했다.",
    "구체적인 계약 조건은 양측 합의에 따라 공개되지 않았다.",
    "{C_eun} {Y}년을 AI 수익화의 원년으로 삼겠다는 목표를 내걸었다.",
    "노조와 소비자 단체는 개인정보 활용 범위를 분명히 해야 한다고 요구했다.",
    "{E}의 기술은 이미 해외 통신사 {N2}곳에서 상용화된 것으로 전해졌다.",
    "업계 관계자는 비용 구조가 어떻게 바뀔지가 다음 분기 실적의 변수라고 말했다.",
)

EN_FILLER: tuple[str, ...] = (
    "With this step {C} wants to secure a leading position in {T}.",
    "The industry is watching whether {E} and {C} turn the work into revenue after {Y}.",
    "{C} set up a dedicated {T} unit last year and has been looking for outside partners since.",
    "{R} announced a similar plan around the same time, sharpening the three-way race.",
    "The company said it would disclose the schedule and the size of the investment later.",
    "{E} is reported to have run {T} trials with more than {N} customers at home and abroad.",
    "As growth in the core telecom business slows, {C} is presenting AI as its next engine.",
    "Observers see this as a milestone on {C}'s {T} roadmap.",
    "Analysts expect it to take at least {N2} years before the business makes money.",
    "{C} plans to use its own data-centre capacity to keep early costs down.",
    "How well {E}'s technology fits into existing network operations is the open question.",
    "{R}, for its part, repeated that it will keep to its own path in {T}.",
    "The government is also said to be weighing support for the {T} ecosystem.",
    "Hiring will grow too, to about {N} dedicated staff by the end of the year.",
    "Market researchers expect the domestic {T} market to grow {P}% a year.",
    "{C} said the move would raise the share of business customers in its revenue.",
    "Some worry that the deal deepens dependence on foreign big tech.",
    "The scope of the cooperation with {E} could later extend to overseas markets.",
    "{C}'s shares moved about {P2}% during the session after the announcement.",
    "An executive said changing the customer experience is the first goal.",
    "{C} earlier ran {T} pilots in {N} regions.",
    "Experts point to data sovereignty and security as the next hurdles.",
    "Compared with {R}, {C}'s approach leans more on partnerships.",
    "Bundles that combine the service with mobile plans are also under review.",
    "Internally, the company hopes to cut network operating costs by {P}%.",
    "**Execution speed is the point.** The gap between plan and revenue has to close.",
    "{E} is likely to use the deal to raise its profile in Korea.",
    "The mid-term plan to {Y} includes building out {T} infrastructure.",
    "{C} plans to offer the service to more than {N}0,000 subscribers this year.",
    "The first phase targets business customers in the capital region.",
    "The board approved the step before it was announced.",
    "{E} has been growing revenue at around {P}% a year.",
    "{R} is speeding up work on its own models in response.",
    "Some investors think the move could lead to a re-rating of {C}.",
    "A training programme for field staff is meant to speed up the change.",
    "The terms of the contract were not disclosed.",
    "{C} calls {Y} the year its AI business should start paying off.",
    "Unions and consumer groups asked for clear limits on the use of personal data.",
    "{E}'s technology is reportedly in commercial use at {N2} carriers abroad.",
    "People in the industry say the cost structure will shape next quarter's results.",
)

KO_POINTS: tuple[str, ...] = (
    "{T} 분야에서 실제 매출이 발생하는 시점",
    "{E_wa}의 후속 계약 여부",
    "{R}의 대응 전략",
    "규제 당국의 입장 변화",
    "투자 회수 기간과 수익성",
    "해외 시장 진출 가능성",
    "데이터 보호와 보안 이슈",
    "{Y}년 목표 달성 여부",
)

EN_POINTS: tuple[str, ...] = (
    "when {T} starts to bring in real revenue",
    "whether {E} signs follow-on contracts",
    "how {R} responds",
    "any shift in the regulators' stance",
    "the payback period and margins",
    "the chance of expansion abroad",
    "data protection and security issues",
    "whether the {Y} goals are met",
)
