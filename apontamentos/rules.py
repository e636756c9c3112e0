"""Business rules: the bot's calendar, working days, lunch and expected hours.

The reasons behind each choice are in the README ("Business rules").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from .errors import InvalidQuery

DEFAULT_TIMEZONE = "America/Sao_Paulo"
DEFAULT_DAILY_HOURS = 8.0
LUNCH_HOURS = 1.0

MONTHS = (
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
)
WEEKDAYS = (
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "sábado",
    "domingo",
)


@dataclass(frozen=True)
class Period:
    """An inclusive range of days."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidQuery("o período termina antes de começar")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def label(self) -> str:
        if self.start == self.end:
            return f"{self.start:%d/%m/%Y}"
        next_day = self.end + timedelta(days=1)
        if self.start.day == 1 and next_day.day == 1 and self.start.month == self.end.month:
            return f"{MONTHS[self.start.month - 1]} de {self.start.year}"
        return f"{self.start:%d/%m/%Y} a {self.end:%d/%m/%Y}"

    def clip(self, other: Period) -> Period | None:
        start, end = max(self.start, other.start), min(self.end, other.end)
        return Period(start, end) if start <= end else None


Clock = Callable[[], datetime]
"""What "now" is: an aware datetime. The app reads the date only through one, injected at its composition root."""


def system_clock() -> datetime:
    """The machine's time (UTC): the clock of the deployed app; tests inject a clock at a date they choose."""
    return datetime.now(UTC)


def today_in(timezone: str, now: datetime | None = None) -> date:
    """The calendar day in the bot's time zone at `now` (default: the system clock); 23:30 in São Paulo is still
    today there."""
    return (now or system_clock()).astimezone(ZoneInfo(timezone)).date()


def week_of(day: date) -> Period:
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6))


def month_of(year: int, month: int) -> Period:
    start = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return Period(start, following - timedelta(days=1))


@lru_cache(maxsize=64)
def _holidays(years: tuple[int, ...], subdivision: str | None) -> dict[date, str]:
    return dict(holidays.country_holidays("BR", subdiv=subdivision, years=years, language="pt_BR").items())


def holidays_in(period: Period, subdivision: str | None = None) -> dict[date, str]:
    years = tuple(range(period.start.year, period.end.year + 1))
    return {d: n for d, n in sorted(_holidays(years, subdivision).items()) if period.start <= d <= period.end}


def working_days(period: Period, subdivision: str | None = None) -> list[date]:
    """Monday to Friday, minus Brazilian national holidays (and the state's, given a subdivision)."""
    off = holidays_in(period, subdivision)
    return [
        day
        for offset in range(period.days)
        if (day := period.start + timedelta(days=offset)).weekday() < 5 and day not in off
    ]


def expected_hours(working_day_count: int, daily_hours: float = DEFAULT_DAILY_HOURS) -> float:
    """Net hours a person is expected to work: their working days times the daily net hours."""
    return working_day_count * daily_hours


@dataclass(frozen=True)
class Calendar:
    """The settings the rules depend on."""

    timezone: str = DEFAULT_TIMEZONE
    subdivision: str | None = None
    daily_hours: float = DEFAULT_DAILY_HOURS
