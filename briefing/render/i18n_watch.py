"""UI strings of the relationship graphs, the watchlist feeds and "new since your last
visit", in both UI languages (merged into briefing.render.i18n.STRINGS)."""

from __future__ import annotations

from collections.abc import Mapping

EXTRA: Mapping[str, Mapping[str, str]] = {
    "ko": {
        "rel.invests-in": "투자", "rel.partners-with": "제휴", "rel.member-of": "회원",
        "rel.parent-of": "모회사", "rel.role-at": "소속", "rel.appears-with": "함께 등장",
        "network": "관계망", "network_of": "{name}의 관계망",
        "network_description": "통신사와 파트너의 관계를 종류와 기간별로 보여 주는 관계망",
        "network_table": "관계 표", "related_node": "상대", "relation_kinds": "관계",
        "first_seen": "처음", "last_seen": "마지막", "via_events": "근거 이벤트",
        "network_more": "관계가 많은 {shown}곳만 그렸습니다 (전체 {total}곳). 전체는 "
        "relations.csv와 relations.graphml에 있습니다.",
        "network_filter_kind": "관계 종류", "network_filter_from": "부터",
        "network_filter_to": "까지", "network_shown": "관계 {n}개 표시",
        "network_scroll": "관계망 (스크롤 가능)", "graph_page": "전체 관계망",
        "feeds": "피드", "feeds_description": "통신사·이벤트 종류·태그·대상 유형별로 구독할 "
        "수 있는 Atom 피드 목록과 OPML",
        "feeds_intro": "관심 있는 것만 구독하세요. 피드 리더에 OPML 파일을 가져오면 한 번에 "
        "구독할 수 있습니다.",
        "feeds.site": "사이트 전체", "feeds.today": "오늘", "feeds.digest": "목표 추적·주간 브리핑",
        "feeds.carrier": "통신사",
        "feeds.carrier-kind": "통신사 × 이벤트 종류", "feeds.entity": "관계 기업·기관",
        "feeds.entity-type": "대상 유형", "feeds.tag": "태그", "feeds.other": "기타",
        "feed_today": "오늘의 브리핑 ({date})", "feed_tag": "태그: {tag}",
        "feed_kind": "{name}: {kind}", "feed_type": "{type} 관련 이벤트",
        "watch_feeds": "구독", "opml": "OPML (모든 피드)",
        "new_since": "새 항목", "new_since_count": "지난 방문 이후 새 이벤트 {n}개",
        "new_since_clear": "방문 기록 지우기", "new_since_none": "지난 방문 이후 새 이벤트가 "
        "없습니다.",
    },
    "en": {
        "rel.invests-in": "invests in", "rel.partners-with": "partners with",
        "rel.member-of": "member of", "rel.parent-of": "parent of", "rel.role-at": "role at",
        "rel.appears-with": "appears with",
        "network": "Network", "network_of": "{name}'s network",
        "network_description": "The carriers and their partners, by kind of relation and "
        "period",
        "network_table": "Relations table", "related_node": "With",
        "relation_kinds": "Relation", "first_seen": "First", "last_seen": "Last",
        "via_events": "Events behind it",
        "network_more": "Only the {shown} most connected are drawn (of {total}); "
        "relations.csv and relations.graphml hold them all.",
        "network_filter_kind": "Kinds of relation", "network_filter_from": "From",
        "network_filter_to": "To", "network_shown": "{n} relations shown",
        "network_scroll": "Network (scrollable)", "graph_page": "Whole network",
        "feeds": "Feeds", "feeds_description": "Atom feeds to follow by carrier, event kind, "
        "tag and entity type, and an OPML file with all of them",
        "feeds_intro": "Follow only what matters to you. Import the OPML file into a feed "
        "reader to subscribe to all of them at once.",
        "feeds.site": "Whole site", "feeds.today": "Today",
        "feeds.digest": "Targets and weekly digests", "feeds.carrier": "Carriers",
        "feeds.carrier-kind": "Carrier × event kind", "feeds.entity": "Entities",
        "feeds.entity-type": "Entity types", "feeds.tag": "Tags", "feeds.other": "Other",
        "feed_today": "Today's briefings ({date})", "feed_tag": "Tag: {tag}",
        "feed_kind": "{name}: {kind}", "feed_type": "Events with a {type}",
        "watch_feeds": "Follow", "opml": "OPML (every feed)",
        "new_since": "New", "new_since_count": "{n} new events since your last visit",
        "new_since_clear": "Forget my visits", "new_since_none": "No new events since your "
        "last visit.",
    },
}
