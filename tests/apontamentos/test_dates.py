"""Periods as people write them, at pinned "today" dates; every expected period is computed here by walking
the calendar day by day, independently of apontamentos.dates."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from apontamentos.dates import EARLIEST, Found, find_period, joined, unreadable_period
from apontamentos.errors import InvalidQuery
from apontamentos.language import prepare
from apontamentos.rules import Period

# A Monday, a Saturday, a Sunday, the 1st of a month, New Year's Day (a holiday, a Friday), a leap day.
TODAYS = [
    date(2026, 11, 23),
    date(2026, 11, 28),
    date(2026, 11, 29),
    date(2026, 12, 1),
    date(2027, 1, 1),
    date(2028, 2, 29),
]
FIRST_DAY = date(2026, 6, 1)
MONDAY, WEDNESDAY, FRIDAY, SATURDAY = 0, 2, 4, 5


def back_to(day: date, weekday: int) -> date:
    """The latest day not after `day` that falls on `weekday`."""
    while day.weekday() != weekday:
        day -= timedelta(days=1)
    return day


def monday_of(day: date) -> date:
    return back_to(day, MONDAY)


def last_occurrence(day_month: tuple[int, int], today: date) -> date:
    """The latest (day, month) not after today, walking back one day at a time."""
    day = today
    while (day.day, day.month) != day_month:
        day -= timedelta(days=1)
    return day


def read(text: str, today: date) -> Found:
    found = find_period(prepare(text), today, first_day=FIRST_DAY)
    assert found is not None, text
    return found


@pytest.fixture(params=TODAYS, ids=lambda d: d.isoformat())
def today(request: pytest.FixtureRequest) -> date:
    return request.param


@pytest.mark.parametrize("text", ["desde segunda", "desde a segunda-feira", "a partir de segunda"])
def test_since_a_weekday(text: str, today: date) -> None:
    found = read(text, today)
    assert found.period == Period(back_to(today, MONDAY), today)
    assert found.open_end and not found.open_start


@pytest.mark.parametrize(
    "text",
    [
        "de segunda a quarta da semana passada",
        "da segunda até a quarta da semana passada",
        "entre segunda e quarta da semana passada",
        "de segunda-feira a quarta-feira da última semana",
    ],
)
def test_weekday_range_of_last_week(text: str, today: date) -> None:
    last_monday = monday_of(today) - timedelta(days=7)
    assert read(text, today).period == Period(last_monday, last_monday + timedelta(days=2))


@pytest.mark.parametrize("text", ["de segunda a quarta", "entre segunda e quarta"])
def test_weekday_range_without_a_week_is_its_latest_occurrence(text: str, today: date) -> None:
    wednesday = back_to(today, WEDNESDAY)
    assert read(text, today).period == Period(wednesday - timedelta(days=2), wednesday)


def test_two_weekdays_joined_by_e_are_not_a_range(today: date) -> None:
    found = find_period(prepare("horas na segunda e quarta"), today)
    assert found is None or found.period.days == 1


def working_days_back(today: date, count: int) -> list[date]:
    national = holidays.country_holidays("BR", years=range(today.year - 1, today.year + 1))
    days, day = [], today
    while len(days) < count:
        if day.weekday() < 5 and day not in national:
            days.append(day)
        day -= timedelta(days=1)
    return sorted(days)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("nos últimos 3 dias úteis", 3),
        ("últimos três dias úteis", 3),
        ("no último dia útil", 1),
        ("nos ultimos 10 dias uteis", 10),
    ],
)
def test_last_working_days(text: str, count: int, today: date) -> None:
    days = working_days_back(today, count)
    found = read(text, today)
    assert found.period == Period(days[0], days[-1])
    assert found.working_days_only == (len(days) != found.period.days)


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("no fim de semana retrasado", 1),
        ("no penúltimo fim de semana", 1),
        ("final de semana retrasado", 1),
        ("no fim de semana passado", 0),
        ("no último fim de semana", 0),
    ],
)
def test_weekends(text: str, back: int, today: date) -> None:
    # Weekends that are over, latest first (the one under way on a Saturday or Sunday is "este").
    saturday = back_to(today, SATURDAY)
    if today.weekday() >= 5:
        saturday -= timedelta(days=7)
    saturday -= timedelta(days=7 * back)
    assert read(text, today).period == Period(saturday, saturday + timedelta(days=1))


def test_this_weekend(today: date) -> None:
    saturday = back_to(today, SATURDAY)
    assert read("neste fim de semana", today).period == Period(saturday, min(saturday + timedelta(days=1), today))


def test_a_bare_weekend_is_a_weekday_filter_not_a_period(today: date) -> None:
    assert find_period(prepare("quem trabalhou no fim de semana"), today) is None


@pytest.mark.parametrize("text", ["até ontem", "ate ontem"])
def test_until_yesterday(text: str, today: date) -> None:
    found = read(text, today)
    assert found.period == Period(FIRST_DAY, today - timedelta(days=1))
    assert found.open_start and not found.open_end


def test_an_open_start_without_a_first_day_reaches_the_earliest_day(today: date) -> None:
    found = find_period(prepare("até ontem"), today)
    assert found is not None and found.period.start == EARLIEST


@pytest.mark.parametrize("text", ["até 20/11", "até o dia 20/11", "ate 20/11"])
def test_until_a_date(text: str, today: date) -> None:
    found = read(text, today)
    assert found.period == Period(FIRST_DAY, last_occurrence((20, 11), today))
    assert found.open_start


@pytest.mark.parametrize("text", ["desde 12/11", "desde o dia 12/11", "a partir de 12/11"])
def test_since_a_date(text: str, today: date) -> None:
    found = read(text, today)
    assert found.period == Period(last_occurrence((12, 11), today), today)
    assert found.open_end


@pytest.mark.parametrize("text", ["de 12/11 até hoje", "desde 12/11 até hoje", "entre 12/11 e hoje"])
def test_from_a_date_to_today(text: str, today: date) -> None:
    assert read(text, today).period == Period(last_occurrence((12, 11), today), today)


def quarter_start(day: date) -> date:
    month = day.month
    while (month - 1) % 3:
        month -= 1
    return date(day.year, month, 1)


@pytest.mark.parametrize("text", ["neste trimestre", "trimestre atual", "deste trimestre"])
def test_this_quarter(text: str, today: date) -> None:
    assert read(text, today).period == Period(quarter_start(today), today)


@pytest.mark.parametrize("text", ["no trimestre", "do semestre"])
def test_a_bare_quarter_is_not_guessed(text: str, today: date) -> None:
    # the calendar's quarter so far, or the last three months? a writer meant September to November on 25/11
    assert find_period(prepare(text), today, first_day=FIRST_DAY) is None
    assert unreadable_period(prepare(text)) in ("trimestre", "semestre")


@pytest.mark.parametrize("text", ["trimestre passado", "no último trimestre", "trimestre anterior"])
def test_last_quarter(text: str, today: date) -> None:
    end = quarter_start(today) - timedelta(days=1)
    assert read(text, today).period == Period(quarter_start(end), end)


@pytest.mark.parametrize("text", ["este ano", "no ano", "ano atual"])
def test_this_year(text: str, today: date) -> None:
    assert read(text, today).period == Period(date(today.year, 1, 1), today)


def test_last_year(today: date) -> None:
    assert read("ano passado", today).period == Period(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))


def test_a_named_half_of_the_year(today: date) -> None:
    year = today.year
    assert read("primeiro semestre de 2026", today).period == Period(date(2026, 1, 1), date(2026, 6, 30))
    assert read("segundo semestre", today).period == (
        Period(date(year, 7, 1), date(year, 12, 31))
        if today.month >= 7
        else Period(date(year - 1, 7, 1), date(year - 1, 12, 31))
    )


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("nas últimas duas semanas", 14),
        ("nas ultimas 2 semanas", 14),
        ("nos últimos dez dias", 10),
        ("últimos trinta dias", 30),
    ],
)
def test_last_weeks_and_days_in_words(text: str, days: int, today: date) -> None:
    assert read(text, today).period == Period(today - timedelta(days=days - 1), today)


@pytest.mark.parametrize("text", ["na sexta da semana passada", "sexta-feira da semana passada"])
def test_a_weekday_of_a_named_week(text: str, today: date) -> None:
    friday = monday_of(today) - timedelta(days=7) + timedelta(days=FRIDAY)
    assert read(text, today).period == Period(friday, friday)


@pytest.mark.parametrize("text", ["desde outubro", "a partir de outubro"])
def test_since_a_month(text: str, today: date) -> None:
    october = date(today.year if today.month >= 10 else today.year - 1, 10, 1)
    assert read(text, today).period == Period(october, today)


@pytest.mark.parametrize("text", ["dia dez", "no dia dez"])
def test_day_of_the_month_in_words(text: str, today: date) -> None:
    assert read(text, today).period == Period(*[last_occurrence_day(10, today)] * 2)


def last_occurrence_day(number: int, today: date) -> date:
    day = today
    while day.day != number:
        day -= timedelta(days=1)
    return day


def test_an_open_start_joined_with_a_month_cuts_the_month() -> None:
    today = date(2026, 11, 23)
    text = prepare("horas em novembro até ontem")
    first = find_period(text, today, first_day=FIRST_DAY)
    assert first is not None
    second = find_period(text.replace(first.text, " ", 1), today, first_day=FIRST_DAY)
    assert second is not None
    assert joined(first, second, text) == Period(date(2026, 11, 1), date(2026, 11, 22))


@pytest.mark.parametrize(
    "text",
    [
        "nos últimos 3 meses",
        "no último ano",
        "no penúltimo trimestre",
        "há duas semanas",
        "no bimestre",
        "na próxima semana",
    ],
)
def test_periods_it_cannot_read_exactly_are_asked_back(text: str, today: date) -> None:
    prepared = prepare(text)
    found = find_period(prepared, today)
    rest = prepared.replace(found.text, " ", 1) if found else prepared
    assert unreadable_period(rest) is not None, (text, found)


def test_a_range_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidQuery):
        find_period(prepare("de quarta a segunda da semana passada"), date(2026, 11, 23))


def test_dez_is_a_number_unless_it_names_december() -> None:
    today = date(2026, 11, 23)
    assert read("nos últimos dez dias", today).period == Period(date(2026, 11, 14), today)
    assert read("horas em dez", date(2027, 1, 15)).period == Period(date(2026, 12, 1), date(2026, 12, 31))
