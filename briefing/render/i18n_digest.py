"""UI strings of the commitments tracker and the weekly digests, in both UI languages
(merged into briefing.render.i18n.STRINGS)."""

from __future__ import annotations

from collections.abc import Mapping

DIGEST_STRINGS: Mapping[str, Mapping[str, str]] = {
    "ko": {
        "targets": "목표 추적", "targets_short": "목표", "weeks": "주간 브리핑",
        "weeks_short": "주간",
        "targets_intro": "통신사가 기한을 두고 내건 목표와 약속, 그리고 각각의 현재 상태.",
        "as_of_note": "상태는 콘텐츠 기준일 {date}에 맞춰 계산했습니다. 기준일은 가장 최근 "
        "브리핑의 발행일이며 site.yaml의 as_of로 정할 수 있습니다.",
        "status": "상태", "due": "기한", "announced": "발표", "settled_by": "결과",
        "settles": "결과를 낸 목표", "no_due": "기한 없음", "due_in": "{year}년 기한",
        "filter_status": "상태", "filter_due": "기한 연도", "no_targets": "목표가 없습니다.",
        "commitments": "목표·약속", "targets_feed": "목표 상태 Atom 피드",
        "status.open": "진행 중", "status.due": "기한 도래", "status.overdue": "기한 경과",
        "status.met": "달성", "status.missed": "미달성", "status.revised": "수정",
        "status.withdrawn": "철회",
        "became.due": "기한 도래", "became.overdue": "기한 경과",
        "no_carrier": "통신사 없음",
        "weeks_intro": "ISO 주 단위로 묶은 브리핑과 그 브리핑이 전하는 이벤트.",
        "week_title": "{year}년 {week}주차",
        "week_counts": "브리핑 {articles}건 · 새 이벤트 {new}건 · 이미 알려진 이벤트 {known}건",
        "new_events": "새 이벤트", "known_events": "이미 알려진 이벤트",
        "week_placed": "발행일이 월이나 연도까지만 알려진 브리핑 {n}건은 그 기간의 첫 주(첫 "
        "목요일이 든 주)에 실었습니다.",
        "placed_badge": "이 주에 배치",
        "previous_week": "이전 주", "next_week": "다음 주", "weeks_feed": "주간 브리핑 Atom 피드",
        "week_events": "통신사별 이벤트", "week_articles": "이번 주 브리핑",
        "print_hint": "인쇄하면 1~2쪽 분량의 주간 보고서가 됩니다.",
    },
    "en": {
        "targets": "Targets", "targets_short": "Targets", "weeks": "Weekly digests",
        "weeks_short": "Weeks",
        "targets_intro": "Commitments the carriers made with a due date, and where each "
        "stands.",
        "as_of_note": "Statuses are computed against the content's as-of date, {date}: the "
        "newest briefing's publication date, or as_of in site.yaml.",
        "status": "Status", "due": "Due", "announced": "Announced", "settled_by": "Settled by",
        "settles": "Settles", "no_due": "No due date", "due_in": "Due {year}",
        "filter_status": "Status", "filter_due": "Due year", "no_targets": "No targets.",
        "commitments": "Commitments", "targets_feed": "Atom feed of target statuses",
        "status.open": "Open", "status.due": "Due", "status.overdue": "Overdue",
        "status.met": "Met", "status.missed": "Missed", "status.revised": "Revised",
        "status.withdrawn": "Withdrawn",
        "became.due": "Falls due", "became.overdue": "Overdue",
        "no_carrier": "No carrier",
        "weeks_intro": "Briefings by ISO week, with the events they report.",
        "week_title": "Week {week}, {year}",
        "week_counts": "{articles} briefings · {new} new events · {known} already known",
        "new_events": "New events", "known_events": "Already known",
        "week_placed": "{n} briefing(s) dated only by month or year are listed in the first "
        "week of that period (the week of its first Thursday).",
        "placed_badge": "placed here",
        "previous_week": "Previous week", "next_week": "Next week",
        "weeks_feed": "Atom feed of weekly digests",
        "week_events": "Events by carrier", "week_articles": "Briefings this week",
        "print_hint": "Printed, this page makes a one-to-two-page weekly report.",
    },
}
