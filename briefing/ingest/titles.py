"""Event titles composed from what was extracted (who, kind, counterpart, amount), in the
briefing's language: `KT, 리벨리온에 300억원 투자` / `KT invests KRW 30 billion in Rebellions`.

Never a copied sentence: the sentence stays as evidence in the review block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_TITLE = 60
_APOLOGY = re.compile(r"사과|사죄|apologi[sz]", re.I)
_LAUNCH = re.compile(r"출시|내놓|선보|상용화|launch|unveil|release", re.I)
_KEYNOTE = re.compile(r"기조\s*연설|keynote", re.I)
# A count: '가입자 500만명', '80곳'; a number glued to a word is part of a name ('코로나19 대응').
_COUNT = re.compile(r"(?:(?P<what>[가-힣A-Za-z]{2,8})\s)?(?P<n>(?<![A-Za-z가-힣\d])\d[\d,.]*\s?"
                    r"(?:만|억|천)?\s?"
                    r"(?:곳|개사|개|명|가구|대|%|배|회선))")


def _final_consonant(word: str) -> bool:
    """Does the name end in a consonant sound (과/을/으로 rather than 와/를/로)?"""
    last = word.rstrip(" )'\"’”")[-1:] if word else ""
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28 != 0
    if last.isdigit():
        return last in "013678"
    return last.lower() in ("l", "m", "n")


def _with(word: str) -> str:
    return f"{word}{'과' if _final_consonant(word) else '와'}"


def _join(names: Sequence[str], language: str, limit: int = 2) -> str:
    shown = list(dict.fromkeys(n for n in names if n))[:limit]
    if not shown:
        return ""
    if language == "ko":
        return "·".join(shown)
    return " and ".join(shown) if len(shown) == 2 else shown[0]


def _count_phrase(clause: str) -> str | None:
    match = _COUNT.search(clause)
    if match is None:
        return None
    what = match.group("what")
    number = re.sub(r"\s+", "", match.group("n"))
    return f"{what} {number}" if what and not what.endswith(("는", "은", "이", "가")) else number


def _ko_due(due: str) -> str:
    year, _, month = due.partition("-")
    return f"{year}년 {int(month[:2])}월" if month else f"{year}년"


# One phrase per kind, variant and language: the variant says which parts there are
# ('other': a counterpart, 'amount', 'what': a target's measure, 'launch', 'apology',
# 'keynote'), 'plain' is the phrase without them. Empty parts are squeezed out afterwards.
_PHRASES: dict[str, dict[str, tuple[str, str]]] = {
    "investment": {"other": ("{who}, {other}에 {amount} 투자", "{who} invests {amount} in {other}"),
                   "plain": ("{who}, {amount} 투자", "{who} invests {amount}")},
    "partnership": {"other": ("{who}, {other_with} 협력", "{who} partners with {other}"),
                    "plain": ("{who}, 협력 체결", "{who} signs a partnership")},
    "alliance": {"other": ("{who}, {other_with} 동맹", "{who} joins {other}"),
                 "plain": ("{who}, 연합체 참여", "{who} joins an alliance")},
    "product": {"other": ("{who}, {other} 출시", "{who} launches {other}"),
                "plain": ("{who}, 새 서비스 출시", "{who} launches a new service")},
    "appointment": {"other": ("{who}, {other} 선임", "{who} appoints {other}"),
                    "plain": ("{who} 인사", "{who} names a new executive")},
    "outage": {"plain": ("{who} 통신 장애", "{who} suffers a network outage")},
    "earnings": {"amount": ("{who} 실적: {amount}", "{who} reports {amount}"),
                 "plain": ("{who} 실적 발표", "{who} reports results")},
    "target": {"what": ("{who}, {by}{what} 목표", "{who} targets {what}{by}"),
               "launch": ("{who}, {by}출시 목표", "{who} plans a launch{by}"),
               "plain": ("{who}, {by}목표 제시", "{who} sets a target{by}")},
    "regulation": {"plain": ("{who}, 규제 당국 조치{paren}",
                             "{who} faces regulatory action{paren}")},
    "conference": {"keynote": ("{who}, {other} 기조연설", "{who} keynote at {other}"),
                   "other": ("{who}, {other} 참가", "{who} at {other}"),
                   "plain": ("{who}, 행사 참가", "{who} at an industry event")},
    "statement": {"apology": ("{who} 사과", "{who} apologises"),
                  "plain": ("{who} 입장 발표", "{who} statement")},
}


def _variant(kind: str, other: str, amount: str | None, what: str | None, clause: str) -> str:
    phrases = _PHRASES.get(kind, _PHRASES["statement"])
    wanted = {"apology": bool(_APOLOGY.search(clause)), "keynote": bool(_KEYNOTE.search(clause)),
              "what": bool(what), "launch": bool(_LAUNCH.search(clause)),
              "other": bool(other), "amount": bool(amount)}
    return next((v for v in phrases if v != "plain" and wanted[v]), "plain")


def _phrase(kind: str, language: str, who: str, other: str, amount: str | None, clause: str,
            due: str | None) -> str:
    what = (amount or _count_phrase(clause)) if kind == "target" else None
    keynote = kind == "conference" and _KEYNOTE.search(clause)
    if keynote and not other:
        other = "행사" if language == "ko" else "an industry event"
    template = _PHRASES.get(kind, _PHRASES["statement"])[
        _variant(kind, other, amount, what, clause)][0 if language == "ko" else 1]
    by = (f"{_ko_due(due)}까지 " if language == "ko" else f" by {due}") if due else ""
    return template.format(who=who, other=other, other_with=_with(other) if other else "",
                           amount=amount or "", what=what or "", by=by,
                           paren=f" ({amount})" if amount else "")


def _plural(match: re.Match[str]) -> str:
    verb = match.group(0)
    return {"launches": "launch", "apologises": "apologise", "faces": "face",
            "invests": "invest"}.get(verb, verb[:-1] if verb.endswith("s") else verb)


def compose_title(kind: str, language: str, parties: Sequence[str], others: Sequence[str],
                  amount: str | None, clause: str, due: str | None = None) -> str:
    """A short title from the event's parts; 'Unnamed party' stands for one not found."""
    unknown = "당사자 미상" if language == "ko" else "Unnamed party"
    for limit in (2, 1):
        who = _join(parties, language, limit) or unknown
        other = _join(others, language, limit)
        for money in (amount, None):
            title = re.sub(r"\s+", " ", _phrase(kind, language, who, other, money, clause,
                                                  due)).strip()
            if language != "ko" and " and " in who:  # 'SK Telecom and KT invest'
                title = title.replace(who + " ", "", 1)
                title = f"{who} " + re.sub(r"^(\w+?)(?:e?s)\b", _plural, title, count=1)
            if len(title) <= MAX_TITLE:
                return title
    return title[:MAX_TITLE - 1].rstrip() + "…"
