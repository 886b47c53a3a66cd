"""Every UI string in both UI languages. Content is never translated."""

from __future__ import annotations

from collections.abc import Mapping

from briefing.render.i18n_digest import DIGEST_STRINGS
from briefing.render.i18n_watch import EXTRA

STRINGS: Mapping[str, Mapping[str, str]] = {
    "ko": {
        "home": "홈", "carriers": "통신사", "entities": "관계 기업·기관", "articles": "브리핑",
        "timeline": "타임라인", "compare": "비교", "events": "이벤트", "event": "이벤트",
        "skip": "본문으로 건너뛰기", "menu": "주 메뉴", "latest_events": "최근 이벤트",
        "newest_articles": "최신 브리핑", "all": "전체", "more": "더 보기",
        "source": "출처", "published": "발행", "updated": "수정", "summary": "요약",
        "publisher": "매체", "author": "기자", "original_title": "원 제목",
        "date": "날짜", "kind": "유형", "amount": "금액", "amount_krw": "원화 환산",
        "carrier": "통신사", "entity": "대상", "entities_short": "관련 대상",
        "related": "관련 브리핑", "mentioned_in": "언급된 브리핑", "sources": "출처 기사",
        "note": "메모", "basis": "근거", "approximate": "추정", "until": "까지",
        "year_only": "연도만", "month_only": "월만",
        "key_figures": "주요 수치", "partners": "파트너", "investees": "투자 대상",
        "deal_total": "공개된 거래 총액", "first_event": "첫 이벤트", "last_event": "최근 이벤트",
        "deals": "거래", "recent_timeline": "최근 타임라인", "articles_by_year": "연도별 브리핑",
        "feed": "Atom 피드", "overview": "개요", "relations": "관계", "members": "회원사",
        "member_of": "소속 얼라이언스", "parent": "모회사", "subsidiaries": "자회사·제품",
        "people": "인물", "affiliations": "소속", "deals_with": "통신사별 관계",
        "events_count": "이벤트 수", "count": "건수", "none": "없음",
        "filter": "필터", "filter_carrier": "통신사", "filter_kind": "유형",
        "filter_entity": "대상", "filter_reset": "초기화", "filter_needs_js":
        "필터를 쓰려면 자바스크립트가 필요합니다.", "showing": "표시",
        "matrix": "파트너 매트릭스 (대상 × 통신사)", "per_kind": "유형별 이벤트",
        "per_year": "연도별 이벤트", "chart_table": "차트 데이터", "year": "연도",
        "page": "페이지", "previous": "이전", "next": "다음", "pagination": "페이지 이동",
        "not_found": "페이지를 찾을 수 없습니다", "not_found_text":
        "주소가 바뀌었거나 삭제된 페이지입니다. 아래에서 다시 찾아보세요.",
        "data": "오픈 데이터", "no_events": "이벤트가 없습니다.", "by_type": "유형별",
        "website": "웹사이트", "country": "국가", "role": "역할", "since": "{date}부터",
        "other_years": "다른 연도", "all_years": "모든 연도", "latest": "최근",
        "per_carrier": "통신사별", "tags": "태그", "total": "합계",
        "type.company": "기업", "type.startup": "스타트업", "type.alliance": "얼라이언스",
        "type.person": "인물", "type.product": "제품·서비스", "type.conference": "행사",
        "type.organization": "기관·단체", "type.government": "정부", "type.carrier": "통신사",
        "kind.partnership": "파트너십", "kind.investment": "투자", "kind.alliance": "얼라이언스",
        "kind.product": "제품", "kind.outage": "장애", "kind.appointment": "인사",
        "kind.target": "목표", "kind.conference": "행사", "kind.regulation": "규제",
        "kind.earnings": "실적", "kind.statement": "발표",
        "qual.about": "약", "qual.over": "이상", "qual.up-to": "최대", "qual.each": "씩",
        "qual.per-year": "매년",
        "role_partner": "파트너", "role_investee": "투자 대상", "legend": "범례", "table": "표",
        "search": "검색", "search_label": "사이트 검색", "search_results": "검색 결과",
        "search_placeholder": "예: SK텔레콤, 엔비디아, MS",
        "search_description": "브리핑, 이벤트, 통신사와 관계 기업·기관을 한국어와 영어로 "
        "검색합니다.",
        "search_count": "{n}건", "search_none": "검색 결과가 없습니다.",
        "search_more": "결과 더 보기",
        "search_error": "검색 색인을 불러오지 못했습니다. 잠시 뒤 다시 시도하세요.",
        "search_needs_server": "디스크에서 연 사이트(file://)가 검색 색인을 읽지 못했습니다. "
        "디스크에서 검색하려면 'python build.py --file-urls'로 빌드하세요. 웹 서버('python "
        "build.py serve')로 열거나 게시된 사이트에서도 검색할 수 있습니다.",
        "search_needs_js": "검색을 쓰려면 자바스크립트가 필요합니다.",
        "doc.article": "브리핑", "doc.event": "이벤트", "doc.carrier": "통신사",
        "doc.entity": "관계 기업·기관",
        "footer": "통신 3사 AI 브리핑 · 정적 사이트", "lang_ko": "한국어", "lang_en": "영어",
    },
    "en": {
        "home": "Home", "carriers": "Carriers", "entities": "Entities", "articles": "Briefings",
        "timeline": "Timeline", "compare": "Compare", "events": "Events", "event": "Event",
        "skip": "Skip to content", "menu": "Main menu", "latest_events": "Latest events",
        "newest_articles": "Newest briefings", "all": "All", "more": "More",
        "source": "Source", "published": "Published", "updated": "Updated",
        "summary": "Summary", "publisher": "Publisher", "author": "Author",
        "original_title": "Original headline", "date": "Date", "kind": "Kind",
        "amount": "Amount", "amount_krw": "In KRW", "carrier": "Carrier", "entity": "Entity",
        "entities_short": "Entities", "related": "Related briefings",
        "mentioned_in": "Mentioned in", "sources": "Sources", "note": "Note", "basis": "Basis",
        "approximate": "approx.", "until": "until", "year_only": "year only",
        "month_only": "month only", "key_figures": "Key figures", "partners": "Partners",
        "investees": "Investees", "deal_total": "Disclosed deal total",
        "first_event": "First event", "last_event": "Latest event", "deals": "Deals",
        "recent_timeline": "Recent timeline", "articles_by_year": "Briefings by year",
        "feed": "Atom feed", "overview": "Overview", "relations": "Relations",
        "members": "Members", "member_of": "Member of", "parent": "Parent",
        "subsidiaries": "Subsidiaries and products", "people": "People",
        "affiliations": "Affiliations", "deals_with": "Dealings by carrier",
        "events_count": "Events", "count": "Count", "none": "None", "filter": "Filter",
        "filter_carrier": "Carrier", "filter_kind": "Kind", "filter_entity": "Entity",
        "filter_reset": "Reset", "filter_needs_js": "Filters need JavaScript.",
        "showing": "Showing", "matrix": "Partners matrix (entity × carrier)",
        "per_kind": "Events per kind", "per_year": "Events per year",
        "chart_table": "Chart data", "year": "Year", "page": "Page", "previous": "Previous",
        "next": "Next", "pagination": "Pagination", "not_found": "Page not found",
        "not_found_text": "The address changed or the page was removed. Try from here.",
        "data": "Open data", "no_events": "No events.", "by_type": "By type",
        "website": "Website", "country": "Country", "role": "Role", "since": "since {date}",
        "other_years": "Other years", "all_years": "All years", "latest": "Latest",
        "per_carrier": "Per carrier", "tags": "Tags", "total": "Total",
        "type.company": "Company", "type.startup": "Startup", "type.alliance": "Alliance",
        "type.person": "Person", "type.product": "Product", "type.conference": "Conference",
        "type.organization": "Organization", "type.government": "Government",
        "type.carrier": "Carrier",
        "kind.partnership": "Partnership", "kind.investment": "Investment",
        "kind.alliance": "Alliance", "kind.product": "Product", "kind.outage": "Outage",
        "kind.appointment": "Appointment", "kind.target": "Target",
        "kind.conference": "Conference", "kind.regulation": "Regulation",
        "kind.earnings": "Earnings", "kind.statement": "Statement",
        "qual.about": "about", "qual.over": "over", "qual.up-to": "up to", "qual.each": "each",
        "qual.per-year": "per year",
        "role_partner": "Partner", "role_investee": "Investee", "legend": "Legend",
        "table": "table",
        "search": "Search", "search_label": "Search the site", "search_results": "Results",
        "search_placeholder": "e.g. SK Telecom, Nvidia, MS",
        "search_description": "Search briefings, events, carriers and entities, in Korean "
        "and English.",
        "search_count": "{n} results", "search_none": "No results.",
        "search_more": "More results",
        "search_error": "Could not load the search index. Try again shortly.",
        "search_needs_server": "This site, opened from disk (file://), could not read its "
        "search index. To search from disk, build it with 'python build.py --file-urls'; or "
        "open it through a web server ('python build.py serve') or search the published site.",
        "search_needs_js": "Search needs JavaScript.",
        "doc.article": "Briefing", "doc.event": "Event", "doc.carrier": "Carrier",
        "doc.entity": "Entity",
        "footer": "AI briefings on Korea's three carriers · static site",
        "lang_ko": "Korean", "lang_en": "English",
    },
}

STRINGS = {language: {**table, **DIGEST_STRINGS[language], **EXTRA[language]}
           for language, table in STRINGS.items()}


def strings(language: str) -> Mapping[str, str]:
    return STRINGS[language]
