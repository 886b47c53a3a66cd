"""The grammar of date expressions: the patterns `dates.find_dates` tries, in order, the
words they resolve with, and the contexts that give a date its role (a report, an
announcement, the base of a comparison)."""

from __future__ import annotations

import calendar
import re

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|" \
         r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
YEAR_WORDS = {"올해": 0, "올": 0, "금년": 0, "지난해": -1, "작년": -1, "전년": -1, "내년": 1,
               "재작년": -2, "이듬해": 1}
DAY_WORDS = {"그제": -2, "그저께": -2, "어제": -1, "오늘": 0, "내일": 1, "yesterday": -1,
              "today": 0, "tomorrow": 1}
EN_YEAR_WORDS = {"this year": 0, "last year": -1, "next year": 1, "earlier this year": 0,
                  "later this year": 0, "previous year": -1}
HALVES = {"상반기": (1, 6), "하반기": (7, 12), "1분기": (1, 3), "2분기": (4, 6), "3분기": (7, 9),
           "4분기": (10, 12), "first half": (1, 6), "second half": (7, 12),
           "first quarter": (1, 3), "second quarter": (4, 6), "third quarter": (7, 9),
           "fourth quarter": (10, 12), "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12)}
YEAR_FROM_PUB = "the year is not written; taken from the publication date"
_REL_YEAR = r"(?P<ry>올해|금년|지난해|작년|재작년|내년|이듬해|올(?=\s))"
# '같은 해 6월': the year of the date told before, not the publication's.
_SAME_YEAR = r"(?P<same>같은\s*해|그\s*해)"
_HALF = r"(?P<half>상반기|하반기|[1-4]\s*분기)"
_TILDE = r"\s*[~∼〜\-–]\s*"

# Order matters: earlier patterns claim their span first (longest, most precise forms).
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.I)) for name, rx in (
    ("iso", r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
    ("ko_range_years", r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*년?\s*(?:부터|에서|~|∼|–|-)\s*"
                       r"(?P<y2>(?:19|20)\d{2})\s*년(?:\s*까지)?"),
    ("ko_full", r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})"
                rf"(?:{_TILDE}(?P<d2>\d{{1,2}}))?\s*일"),
    ("dotted", r"(?<![\d.])(?P<y>(?:19|"
               r"20)\d{2})\s*\.\s*(?P<m>\d{1,2})\s*\.\s*(?P<d>\d{1,2})(?:\s*\.)?(?![\d])"),
    ("ko_year_half", rf"(?<!\d)(?P<y>(?:19|20)\d{{2}})\s*년\s*{_HALF}"),
    ("ko_year_month", r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*년\s*(?P<m>\d{1,2})\s*월(?!\s*간)"),
    ("ko_year", r"(?<![\d'‘’])(?P<y>(?:19|20)\d{2})\s*년(?!\s*(?:간|동안|형|생|대|차))"
                r"(?P<suf>\s*(?:부터|이후|이래|까지))?"),
    ("ko_relyear_half", rf"{_REL_YEAR}\s*{_HALF}"),
    ("ko_month_day", rf"(?:{_REL_YEAR}|(?P<rel>지난|오는|이번|다음)|{_SAME_YEAR})?\s*"
                     rf"(?<![\d.])(?P<m>\d{{1,2}})\s*월\s*"
                     rf"(?P<d>\d{{1,2}})(?:{_TILDE}(?P<d2>\d{{1,2}}))?\s*일(?!\s*간)"),
    ("ko_month", rf"(?:{_REL_YEAR}|(?P<rel>지난|오는|이번|다음)|{_SAME_YEAR})?\s*"
                 rf"(?<![\d.~∼\-])(?P<m>\d{{1,2}})\s*월"
                 r"(?!\s*간|\s*\d|(?:[가-힣]*(?:상품|호|세|일자)))"),
    ("ko_relmonth_day", r"(?P<rm>지난\s*달|이번\s*달|이달|다음\s*달|내달|전달)\s*(?P<d>\d{1,2})"
                        rf"(?:{_TILDE}(?P<d2>\d{{1,2}}))?\s*일"),
    ("ko_relmonth", r"(?P<rm>지난\s*달|이번\s*달|이달(?=[\s에의])|다음\s*달|내달)"),
    ("ko_day", rf"(?:(?P<rel>지난|오는|이번)\s*)?(?<![\d.~∼\-])(?P<d>\d{{1,2}})"
               rf"(?:{_TILDE}(?P<d2>\d{{1,2}}))?"
               r"\s*일(?!\s?간(?![가-힣])|째|동안|치|\s*연속|분|로\s*예정된?\s*기한)"),
    ("ko_relyear", r"(?P<ry>올해|금년|지난해|작년|재작년|내년)(?![가-힣]{0,1}도\b)"),
    ("ko_thatday", r"(?P<that>이날|이 날|당일|같은\s*날)"),
    ("ko_relday", r"(?<![가-힣])(?P<rd>그제|그저께|어제|오늘|내일)"
                  r"(?=[은는이가을를의에도(\s,]|부터|까지|$)"),
    ("en_range", r"\b(?:from|between)\s+(?P<y>(?:19|20)\d{2})\s+(?:to|and|through|until)\s+"
                 r"(?P<y2>(?:19|20)\d{2})\b"),
    ("en_full", rf"\b(?P<mn>{MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
                r"(?P<y>(?:19|20)\d{2})\b"),
    ("en_full_dmy", rf"\b(?P<d>\d{{1,2}})\s+(?P<mn>{MONTH})\.?,?\s+(?P<y>(?:19|20)\d{{2}})\b"),
    # Results' shorthand: '2Q24', '2Q 2023', '2024-Q2', '1H25', 'H1 2026'.
    ("short_period", r"(?<![\w.-])(?:(?P<n1>[1-4])Q\s?'?(?P<y1>(?:20)?\d\d)|"
                     r"(?P<y2>20\d\d)[-\s]?Q(?P<n2>[1-4])|(?P<h1>[12])H\s?'?(?P<y3>(?:20)?\d\d)|"
                     r"H(?P<h2>[12])\s+(?P<y4>20\d\d))(?!\w|[.-]\w)"),
    ("en_half", r"\b(?:the\s+)?(?P<half>first half|second half|first quarter|second quarter|"
                r"third quarter|fourth quarter|q[1-4])(?:\s+of)?\s+(?P<y>(?:19|20)\d{2})\b"),
    ("en_month_year", rf"\b(?P<mn>{MONTH})\.?,?\s+(?:of\s+)?(?P<y>(?:19|20)\d{{2}})\b"),
    ("en_month_day", rf"\b(?P<mn>{MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"),
    ("en_day", r"\b(?:on|since|from)\s+the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b"),
    ("en_month", rf"\b(?P<prep>in|since|by|until|from|during|early|late|mid-?|"
                 rf"end of|start of)\s+(?P<mn>{MONTH})\b(?!\.?,?\s*\d)"),
    ("en_relyear", r"\b(?P<ey>(?:earlier |later )?this year|last year|next year|previous year)\b"),
    ("en_relmonth", r"\b(?P<em>last month|this month|next month|earlier this month)\b"),
    ("en_relday", r"\b(?P<rd>yesterday|today|tomorrow)\b"),
    ("en_weekday", r"\b(?:on\s+)?"
                   r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("en_year", r"(?<![\w$.,-])(?P<prep>(?:in|since|by|from|until|through|during|of|early|late|"
                r"mid-?|end of|start of|before|after|as of)\s+)?(?P<y>(?:19|20)\d{2})"
                r"(?P<poss>['’]s)?(?![\d%,.]\d|\s?(?:percent|won|million|billion))\b"),
))

REPORT_AFTER = re.compile(r"\s*(?:\([^)]{1,10}\)\s*)?(?:[^\s,.]+\s+){0,3}?[^\s,.]*에\s*따르면")
ANNOUNCE_AFTER = re.compile(r"\s*(?:\([^)]{1,10}\)\s*)?(?:밝혔다|발표했다|전했다|말했다|설명했다|"
                             r"공시했다|"
                             r"밝혔으며|발표했으며|알렸다)")
REPORT_BEFORE = re.compile(r"according to [^,.]{0,80}?\s(?:on\s+)?$", re.I)
ANNOUNCE_BEFORE = re.compile(r"\b(?:said|announced|reported|told [^,.]{0,40})\s+(?:on\s+)?$", re.I)
COMPARE_AFTER = re.compile(r"\s*(?:대비|보다|에\s*비해|같은\s*기간|동기|figure|level|levels|"
                            r"same\s+period)")
# 'up 11.7% over last year', 'compared with a year earlier': the base of a comparison.
COMPARE_BEFORE = re.compile(r"\b(?:over|than|compared (?:with|to)|versus|vs\.?)\s+(?:the\s+)?$",
                             re.I)
CHANGE_BEFORE = re.compile(r"\d\s*(?:%|percent)\s*$", re.I)
# '올해 2분기(4~6월)': the months in brackets restate the quarter before them.
GLOSS_BEFORE = re.compile(r"(?:분기|반기|half|quarter)\s*\($")


# Bare years, weekdays and 'last year' in a Korean sentence are names ('MWC 2024') or noise.
ENGLISH_ONLY = frozenset({"en_month", "en_year", "en_weekday", "en_relyear", "en_relmonth",
                           "en_month_day", "en_day", "en_relday"})
# What a pattern cannot match without (case-insensitive, as the patterns are): one search
# for each of these instead of every pattern's over every sentence. A pattern not listed
# is always tried.
_YEAR_DIGITS = r"(?:19|20)\d\d"
NEEDS = {name: re.compile(hint, re.I) for name, hint in {
    **dict.fromkeys(("iso", "ko_range_years", "ko_full", "dotted", "ko_year_half",
                     "ko_year_month", "ko_year", "en_range", "en_full", "en_full_dmy",
                     "en_half", "en_month_year", "en_year"), _YEAR_DIGITS),
    **dict.fromkeys(("ko_month_day", "ko_month"), r"\d\s*월"),
    **dict.fromkeys(("ko_relmonth_day", "ko_day"), r"\d\s*일"),
    "ko_relyear_half": r"반기|분기", "short_period": r"\dq|q\d|\dh|h\d",
    "ko_relmonth": r"달", "ko_relyear": r"해|년",
    "ko_thatday": r"날|당일", "ko_relday": r"그제|그저께|어제|오늘|내일",
    "en_day": r"\d(?:st|nd|rd|th)", "en_relyear": r"year", "en_relmonth": r"month",
    "en_relday": r"yesterday|today|tomorrow", "en_weekday": r"day",
    **dict.fromkeys(("en_month_day", "en_month"),
                    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"),
}.items()}
