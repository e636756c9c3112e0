"""Periods relative to today, at the tests' today: `make test` runs these at a Monday, a Saturday, a holiday,
New Year's Eve and Day, and a leap day. Expected periods are counted day by day, not with the code's rules."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest

from apontamentos.dates import find_period
from apontamentos.language import prepare
from apontamentos.rules import MONTHS, Period, working_days

from ..clock import TODAY

pytestmark = pytest.mark.dates

DAY = timedelta(days=1)


def back_to(day: date, weekday: int) -> date:
    while day.weekday() != weekday:
        day -= DAY
    return day


def month_span(day: date) -> Period:
    return Period(day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1]))


def last_leap_day(today: date) -> date:
    year = today.year
    while not (calendar.isleap(year) and date(year, 2, 29) <= today):
        year -= 1
    return date(year, 2, 29)


MONDAY = back_to(TODAY, 0)
YESTERDAY = TODAY - DAY
EXPECTED = {
    "horas de hoje": Period(TODAY, TODAY),
    "horas de ontem": Period(YESTERDAY, YESTERDAY),
    "quem apontou anteontem": Period(TODAY - 2 * DAY, TODAY - 2 * DAY),
    "horas desta semana": Period(MONDAY, TODAY),
    "horas da semana passada": Period(MONDAY - 7 * DAY, MONDAY - DAY),
    "horas do mes": Period(TODAY.replace(day=1), TODAY),
    "horas do mes passado": month_span(TODAY.replace(day=1) - DAY),
    "ultimos 10 dias": Period(TODAY - 9 * DAY, TODAY),
    f"horas de {MONTHS[TODAY.month - 1]}": month_span(TODAY),
    f"horas em {YESTERDAY:%d/%m}": Period(YESTERDAY, YESTERDAY),
    "horas em 29/02": Period(last_leap_day(TODAY), last_leap_day(TODAY)),
    "horas do dia 1": Period(TODAY.replace(day=1), TODAY.replace(day=1)),
}


@pytest.mark.parametrize("text", sorted(EXPECTED))
def test_relative_periods(text: str) -> None:
    found = find_period(prepare(text), TODAY)
    assert found is not None and found.period == EXPECTED[text], (TODAY, text)


def test_working_days_of_the_week_so_far() -> None:
    """Monday to Friday without Brazil's national holidays (the ones these dates meet, listed by hand)."""
    national = {date(2026, 11, 20), date(2026, 12, 25), date(2027, 1, 1)}  # Carnival is optional, not national
    week = Period(MONDAY, TODAY)
    expected = [d for d in (MONDAY + i * DAY for i in range(week.days)) if d.weekday() < 5 and d not in national]
    assert working_days(week) == expected
