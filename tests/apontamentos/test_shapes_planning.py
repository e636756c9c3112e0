"""Shapes batches DP and DQ showed: the coming months asked about (a person's target for December, "feriados em
dezembro e janeiro"), "e esse ano em novembro", "coloca setembro do lado", "somando todos os feriados", "o time
todo" after a contract's top, and a period kept through names not found.

Expected figures are computed here in plain Python from the export rows and the `holidays` calendar, never through
the engine's queries.
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from apontamentos.dataset import Dataset
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import ask, hours, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_gestor import ask as ask_as
from .test_shapes_periods_lists import LAST_WEEK, NOVEMBER, OCTOBER, of_contract, one_contract_person
from .test_shapes_returning import of

SEPTEMBER = (date(2026, 9, 1), date(2026, 9, 30))
DECEMBER = (date(2026, 12, 1), date(2026, 12, 31))


def working_days(start: date, end: date) -> int:
    off = holidays.country_holidays("BR", years=range(start.year, end.year + 1))
    days = (start + timedelta(days=i) for i in range((end - start).days + 1))
    return sum(1 for d in days if d.weekday() < 5 and d not in off)


@pytest.mark.parametrize(
    "question", ["qnts horas vou ter q fazer em dezembro?", "quantas horas eu vou ter que trabalhar em dezembro"]
)
def test_my_target_for_a_month_to_come(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    me = Scope("colaborador", resource_id=next(r.resource_id for r in rows if r.name == name))
    target, days, october = ask_as(
        generated, me, question, "e quantos dias uteis tem", "e quanto fiz em outubro pra comparar"
    )
    count = working_days(*DECEMBER)
    assert hours(count * 8.0) in target.text and "01/12/2026" in target.text and "0,0 h" in target.text
    assert f"{count} dias úteis" in days.text and "01/12/2026" in days.text
    assert hours(total(rows, of(name, OCTOBER))) in october.text and "12/2026" not in october.text


def test_holidays_of_two_months_to_come(generated: Dataset) -> None:
    (reply,) = ask(generated, "quais feriados caem em dezembro e janeiro")
    assert "25/12/2026" in reply and "01/01/2027" in reply and "2025" not in reply


def test_this_years_month_said_after_the_year(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(
        generated, "qnts horas o contrato 8446 teve em novembro do ano passado?", "entendi. e esse ano em novembro"
    )
    assert hours(total(rows, of_contract(NOVEMBER))) in reply


@pytest.mark.parametrize("beside", ["coloca setembro do lado pra eu comparar", "poe setembro lado a lado"])
def test_a_month_put_beside_the_one_answered(generated: Dataset, rows: list[Span], beside: str) -> None:  # noqa: F811
    _, reply = ask(generated, "horas do 8446 em outubro", beside)
    assert hours(total(rows, of_contract(SEPTEMBER))) in reply and hours(total(rows, of_contract(OCTOBER))) in reply


def test_every_holiday_summed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    off = holidays.country_holidays("BR", years=[2026])
    since = date(2026, 9, 1)
    worked = {(r.name, r.day) for r in rows if r.day >= since and r.day in off}
    _, reply = ask(generated, "alguem trabalhou no feriado de 20/11?", "e somando todos os feriados desde setembro")
    assert reply.startswith(f"{len(worked)} dias de trabalho em feriado")


def test_the_whole_team_after_a_contracts_top(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "top 5 que mais apontaram na semana passada no 8446", "e quantas horas o time todo")
    assert hours(total(rows, of_contract(LAST_WEEK))) in reply


def test_a_period_kept_through_names_not_found(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(generated, "qts horas o contrato 9999 fez em out", "e o Joaquim Xavier?", "desculpa, era o 8446")
    assert hours(total(rows, of_contract(OCTOBER))) in reply
