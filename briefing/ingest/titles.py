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
_COUNT = re.compile(r"(?:(?P<what>[가-힣A-Za-z]{2,8})\s)?(?P<n>\d[\d,.]*\s?(?:만|억|천)?\s?"
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


def _korean(kind: str, who: str, other: str, amount: str | None, clause: str,
            due: str | None) -> str:
    target = amount or _count_phrase(clause)
    if kind == "investment":
        return " ".join(p for p in (f"{who},", f"{other}에" if other else "", amount or "", "투자")
                        if p)
    if kind == "partnership":
        return f"{who}, {_with(other)} 협력" if other else f"{who}, 협력 체결"
    if kind == "alliance":
        return f"{who}, {_with(other)} 동맹" if other else f"{who}, 연합체 참여"
    if kind == "product":
        return f"{who}, {other} 출시" if other else f"{who}, 새 서비스 출시"
    if kind == "appointment":
        return f"{who}, {other} 선임" if other else f"{who} 인사"
    if kind == "outage":
        return f"{who} 통신 장애"
    if kind == "earnings":
        return f"{who} 실적: {amount}" if amount else f"{who} 실적 발표"
    if kind == "target":
        by = f"{_ko_due(due)}까지 " if due else ""
        what = target or ("출시" if _LAUNCH.search(clause) else "")
        return f"{who}, {by}{what} 목표" if what else f"{who}, {by}목표 제시"
    if kind == "regulation":
        return f"{who}, 규제 당국 조치" + (f" ({amount})" if amount else "")
    if kind == "conference":
        verb = "기조연설" if _KEYNOTE.search(clause) else "참가"
        return f"{who}, {other} {verb}" if other else f"{who}, 행사 {verb}"
    return f"{who} 사과" if _APOLOGY.search(clause) else f"{who} 입장 발표"


def _english(kind: str, who: str, other: str, amount: str | None, clause: str,
             due: str | None) -> str:
    target = amount or _count_phrase(clause)
    if kind == "investment":
        return " ".join(p for p in (who, "invests", amount or "", f"in {other}" if other else "")
                        if p)
    if kind == "partnership":
        return f"{who} partners with {other}" if other else f"{who} signs a partnership"
    if kind == "alliance":
        return f"{who} joins {other}" if other else f"{who} joins an alliance"
    if kind == "product":
        return f"{who} launches {other}" if other else f"{who} launches a new service"
    if kind == "appointment":
        return f"{who} appoints {other}" if other else f"{who} names a new executive"
    if kind == "outage":
        return f"{who} suffers a network outage"
    if kind == "earnings":
        return f"{who} reports {amount}" if amount else f"{who} reports results"
    if kind == "target":
        by = f" by {due}" if due else ""
        if not target and _LAUNCH.search(clause):
            return f"{who} plans a launch{by}"
        return f"{who} targets {target}{by}" if target else f"{who} sets a target{by}"
    if kind == "regulation":
        return f"{who} faces regulatory action" + (f" ({amount})" if amount else "")
    if kind == "conference":
        verb = "keynote at" if _KEYNOTE.search(clause) else "at"
        return f"{who} {verb} {other}" if other else f"{who} at an industry event"
    return f"{who} apologises" if _APOLOGY.search(clause) else f"{who} statement"


def _plural(match: re.Match[str]) -> str:
    verb = match.group(0)
    return {"launches": "launch", "apologises": "apologise", "faces": "face",
            "invests": "invest"}.get(verb, verb[:-1] if verb.endswith("s") else verb)


def compose_title(kind: str, language: str, parties: Sequence[str], others: Sequence[str],
                  amount: str | None, clause: str, due: str | None = None) -> str:
    """A short title from the event's parts; 'Unnamed party' stands for one not found."""
    unknown = "당사자 미상" if language == "ko" else "Unnamed party"
    compose = _korean if language == "ko" else _english
    for limit in (2, 1):
        who = _join(parties, language, limit) or unknown
        other = _join(others, language, limit)
        for money in (amount, None):
            title = re.sub(r"\s+", " ", compose(kind, who, other, money, clause, due)).strip()
            if language != "ko" and " and " in who:  # 'SK Telecom and KT invest'
                title = title.replace(who + " ", "", 1)
                title = f"{who} " + re.sub(r"^(\w+?)(?:e?s)\b", _plural, title, count=1)
            if len(title) <= MAX_TITLE:
                return title
    return title[:MAX_TITLE - 1].rstrip() + "…"
