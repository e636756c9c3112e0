"""Periods in Portuguese questions, always day-first.

Works on text already passed through `normalize` (lower case, no accents, punctuation as spaces),
except that `/` between digits survives as the date separator. A date without a year means its
most recent occurrence not after today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import InvalidQuery
from .rules import Period, month_of, week_of

MONTH_NAMES = {
    "janeiro": 1,
    "fevereiro": 2,
    "marco": 3,
    "abril": 4,
    "maio": 5,
    "junho": 6,
    "julho": 7,
    "agosto": 8,
    "setembro": 9,
    "outubro": 10,
    "novembro": 11,
    "dezembro": 12,
    "jan": 1,
    "fev": 2,
    "mar": 3,
    "abr": 4,
    "jun": 6,
    "jul": 7,
    "ago": 8,
    "set": 9,
    "out": 10,
    "nov": 11,
    "dez": 12,
}
_MONTH = "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
_DATE = r"(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?"
_RANGE = re.compile(rf"\b(?:de|entre|do dia|dia)?\s*{_DATE}\s+(?:a|ate|e|ao)\s+(?:dia\s+)?{_DATE}\b")
# "de 3 a 9/10": the first day takes the second's month.
_SHORT_RANGE = re.compile(
    r"\b(?:de|entre|do dia|dia|dias)\s+(\d{1,2})\s+(?:a|ate|e|ao)\s+(?:dia\s+)?(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b"
)
# "dia 5", "no dia 12": that day of the current month, or of the previous one if it is still ahead.
_DAY_OF_MONTH = re.compile(r"\b(?:no |do |o |neste |nesse )?dia\s+(\d{1,2})\b(?!\s*/)")
# Period words this engine cannot read: asking beats guessing a period.
_UNREADABLE = re.compile(
    r"\b(?:trimestres?|semestres?|bimestres?|quinzenas?|anos?|anual|natal|carnaval|pascoa|amanha|"
    r"proxim[ao]s?|semana que vem|mes que vem|madrugada|manha|feriadao)\b"
)
# Words of periods, read or refused here: the typo corrector must leave them alone ("quinzena" is not
# "quinze", "quarta" is not "quanta").
PERIOD_WORDS = frozenset(
    "trimestre trimestres semestre semestres bimestre bimestres quinzena quinzenas ano anos anual natal "
    "carnaval pascoa amanha proximo proxima proximos proximas madrugada manha feriadao segunda terca quarta "
    "quinta sexta sabado domingo feira passado passada primeira primeiro ultima ultimo".split()
)
_SINGLE = re.compile(rf"\b{_DATE}\b")
WEEKDAYS = {"segunda": 0, "terca": 1, "quarta": 2, "quinta": 3, "sexta": 4, "sabado": 5, "domingo": 6}
# "sábado passado", "na sexta", "última segunda", "quinta-feira": that day. A bare "segunda" is also an
# ordinal ("segunda quinzena"), so a weekday needs a preposition, "feira" or "passado" around it.
_WEEKDAY = re.compile(
    r"\b(?P<before>(?:ultim[oa]|n[oa]|d[oa]|desde|dest[ea]|nest[ea]|ness[ea])\s+)?"
    r"(?P<day>segunda|terca|quarta|quinta|sexta|sabado|domingo)(?P<feira>\s*-?\s*feira)?"
    r"(?P<past>\s+passad[oa])?\b(?!\s+(?:quinzena|semana|vez|parte|metade|maior|menor))"
    # "no sábado ou domingo" names weekdays in general, not one date
    r"(?!\s+(?:ou|e)\s+(?:n?[oa]\s+)?(?:segunda|terca|quarta|quinta|sexta|sabado|domingo))"
)
# A year is 19xx or 20xx: "outubro 8446" is October and a contract, not the year 8446.
_MONTH_RE = re.compile(rf"\b(?:mes de\s+|em\s+|no mes de\s+)?({_MONTH})\b(?:\s+(?:de\s+)?((?:19|20)\d{{2}})\b)?")
_FORTNIGHT = re.compile(
    rf"\b(?:n?a\s+|d?a\s+)?(primeira|segunda)\s+quinzena\s+(?:de\s+|do mes de\s+|em\s+)?({_MONTH})\b"
    r"(?:\s+(?:de\s+)?((?:19|20)\d{2})\b)?"
)
_LAST_DAYS = re.compile(r"\bultimos\s+(\d{1,3})\s+dias\b")
_RELATIVE = [
    (re.compile(r"\b(?:mes passado|ultimo mes|mes anterior)\b"), "last_month"),
    (
        re.compile(
            r"\b(?:este|esse|neste|nesse|desse|deste)\s+mes\b|\bmes atual\b"
            r"|\b(?:do|no) mes\b(?!\s+(?:de|passado|anterior))|\bmes (?:todo|inteiro)\b"
        ),
        "this_month",
    ),
    (re.compile(r"\b(?:semana retrasada|penultima semana)\b"), "week_before_last"),
    (re.compile(r"\b(?:semana passada|ultima semana|semana anterior)\b"), "last_week"),
    (
        re.compile(r"\b(?:esta|essa|nesta|nessa|desta|dessa)\s+semana\b|\bsemana (?:atual|toda|inteira)\b"),
        "this_week",
    ),
    (re.compile(r"\banteontem\b"), "day_before_yesterday"),
    (re.compile(r"\bontem\b"), "yesterday"),
    (re.compile(r"\bhoje\b"), "today"),
]


@dataclass(frozen=True)
class Found:
    period: Period
    text: str  # what was consumed, removed from the question before other parsing


def _year(raw: str | None, default: int) -> int:
    if raw is None:
        return default
    value = int(raw)
    return value + 2000 if value < 100 else value


def _make(day: int, month: int, year: int, original: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as err:
        raise InvalidQuery(f"“{original}” não é uma data válida.") from err


def _most_recent(day: int, month: int, today: date, original: str) -> date:
    candidate = _make(day, month, today.year, original) if (month, day) != (2, 29) else None
    if candidate is None:
        # 29/02 without a year: the most recent leap year up to today.
        year = today.year
        while True:
            try:
                candidate = date(year, 2, 29)
                if candidate <= today:
                    return candidate
            except ValueError:
                pass
            year -= 1
    return candidate if candidate <= today else _make(day, month, today.year - 1, original)


def _range(match: re.Match[str], today: date) -> Period:
    d1, m1, y1, d2, m2, y2 = match.groups()
    original = match.group(0).strip()
    end = (
        _make(int(d2), int(m2), _year(y2, today.year), original)
        if y2
        else _most_recent(int(d2), int(m2), today, original)
    )
    if y1:
        start = _make(int(d1), int(m1), _year(y1, end.year), original)
    else:
        start = _make(int(d1), int(m1), end.year, original)
        if start > end:
            start = _make(int(d1), int(m1), end.year - 1, original)
    return Period(start, end)


def unreadable_period(text: str) -> str | None:
    """A period word in `text` that find_period does not understand (the caller asks instead of guessing)."""
    match = _UNREADABLE.search(text)
    return match.group(0) if match else None


def find_period(text: str, today: date) -> Found | None:
    """The first period named in `text`, or None."""
    if match := _RANGE.search(text):
        return Found(_range(match, today), match.group(0))
    if match := _SHORT_RANGE.search(text):
        d1, d2, m, y = match.groups()
        original = match.group(0).strip()
        end = (
            _make(int(d2), int(m), _year(y, today.year), original)
            if y
            else _most_recent(int(d2), int(m), today, original)
        )
        start = _make(int(d1), end.month, end.year, original)
        return Found(Period(start, end), match.group(0))
    if match := _SINGLE.search(text):
        d, m, y = match.groups()
        day = (
            _make(int(d), int(m), _year(y, today.year), match.group(0))
            if y
            else _most_recent(int(d), int(m), today, match.group(0))
        )
        return Found(Period(day, day), match.group(0))
    if match := _DAY_OF_MONTH.search(text):
        day = int(match.group(1))
        month_start = today.replace(day=1)
        if day > today.day:
            month_start = (month_start - timedelta(days=1)).replace(day=1)
        found = _make(day, month_start.month, month_start.year, match.group(0).strip())
        return Found(Period(found, found), match.group(0))
    if match := _FORTNIGHT.search(text):
        half, name, year = match.groups()
        month = _month(MONTH_NAMES[name], year, today)
        middle = month.start + timedelta(days=14)
        period = Period(month.start, middle) if half == "primeira" else Period(middle + timedelta(days=1), month.end)
        return Found(period, match.group(0))
    if match := _LAST_DAYS.search(text):
        count = max(1, min(int(match.group(1)), 366))
        return Found(Period(today - timedelta(days=count - 1), today), match.group(0))
    for match in _WEEKDAY.finditer(text):
        if match.group("before") or match.group("feira") or match.group("past"):
            return Found(Period(*[_weekday(match, today)] * 2), match.group(0))
    for pattern, kind in _RELATIVE:
        if match := pattern.search(text):
            return Found(_relative(kind, today), match.group(0))
    if match := _MONTH_RE.search(text):
        name, year = match.groups()
        if name in ("mar", "set", "out") and not year and not match.group(0).startswith(("em ", "mes", "no ")):
            return None  # "mar", "set" and "out" are too common as plain words to be months alone
        return Found(_month(MONTH_NAMES[name], year, today), match.group(0))
    return None


def _month(month: int, year: str | None, today: date) -> Period:
    """That month of the given year, or its most recent occurrence that has begun."""
    if year:
        return month_of(int(year), month)
    period = month_of(today.year, month)
    return period if period.start <= today else month_of(today.year - 1, month)


def _weekday(match: re.Match[str], today: date) -> date:
    """The most recent such weekday: before today when it says "passado" or "último", else up to today."""
    back = (today.weekday() - WEEKDAYS[match.group("day")]) % 7
    if back == 0 and (match.group("past") or (match.group("before") or "").startswith("ultim")):
        back = 7
    return today - timedelta(days=back)


def this_and_last_week(first: Found, second: Found, today: date) -> bool:
    """Whether the two periods are this week so far and last week (what a week comparison names)."""
    return {first.period, second.period} == {_relative("this_week", today), _relative("last_week", today)}


def joined(first: Found, second: Found, text: str) -> Period | None:
    """Two periods named together: "setembro e outubro", "de agosto a outubro" make one span; anything
    else ("setembro ou outubro", two unrelated periods) is None, and the caller asks."""
    between = text[text.find(first.text) + len(first.text) : text.find(second.text)].split()
    if between not in (["e"], ["a"], ["ate"], ["ao"], ["e", "em"], ["a", "em"]):
        return None
    if second.period.end < first.period.start:
        return None
    return Period(first.period.start, second.period.end)


def _relative(kind: str, today: date) -> Period:
    if kind == "today":
        return Period(today, today)
    if kind == "yesterday":
        return Period(today - timedelta(days=1), today - timedelta(days=1))
    if kind == "day_before_yesterday":
        return Period(today - timedelta(days=2), today - timedelta(days=2))
    if kind == "this_week":
        return Period(week_of(today).start, today)
    if kind == "last_week":
        return week_of(today - timedelta(days=7))
    if kind == "week_before_last":
        return week_of(today - timedelta(days=14))
    if kind == "this_month":
        return Period(today.replace(day=1), today)
    first = today.replace(day=1)
    previous = first - timedelta(days=1)
    return month_of(previous.year, previous.month)
