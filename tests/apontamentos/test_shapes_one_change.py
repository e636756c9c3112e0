"""Shapes batch DW showed: follow-ups that change one thing of the last answer. "e sem o otávio?" after people
summed, "tirando sábado e domingo" in the period talked about, "o último mês aí" and "nesse dia aí" as a row of
what was shown, "o primeiro desses meses" after two side by side, "o outro contrato" of a gestor of two, and a
surname the typo corrector must not read as "após".

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from apontamentos.dataset import Dataset
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import ask, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_gestor import ask as ask_as
from .test_shapes_periods_lists import LAST_WEEK, NOVEMBER, OCTOBER, TODAY, of_contract, one_contract_person
from .test_shapes_returning import of

SEPTEMBER = (date(2026, 9, 1), date(2026, 9, 30))
LAST_TEN_DAYS = (TODAY - timedelta(days=9), TODAY)


def three_named(rows: list[Span]) -> tuple[str, str, str]:
    """Three people of the data, as a writer would pick them."""
    names = sorted({r.name for r in rows if "Dias" not in r.name.split()})
    return names[3], names[40], names[80]


@pytest.mark.parametrize("without", ["e sem o {first}?", "tirando o {first}", "e sem contar o {first}, quanto deu"])
def test_one_person_taken_out_of_those_summed(generated: Dataset, rows: list[Span], without: str) -> None:  # noqa: F811
    a, b, c = three_named(rows)
    _, reply = ask(
        generated,
        f"qnts horas o {plain(a)}, o {plain(b)} e o {plain(c)} fizeram semana passada somando tudo",
        without.format(first=plain(a)),
    )
    assert hours(total(rows, lambda r: r.name in (b, c) and LAST_WEEK[0] <= r.day <= LAST_WEEK[1])) in reply
    assert hours(total(rows, of(a, LAST_WEEK))) not in reply


def test_one_person_taken_out_of_what_cannot_lose_one(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    _, reply = ask(generated, f"qnts horas o {contract} fez em outubro", f"e sem a {plain(name)}?")
    assert hours(total(rows, of(name, OCTOBER))) not in reply
    assert "sem" in reply and not re.search(r"\d h\b", reply)


@pytest.mark.parametrize(
    "weekdays", ["tirando sabado e domingo", "sem fim de semana", "so em dias de semana", "e sem contar os fds?"]
)
def test_weekdays_only_in_the_period_talked_about(generated: Dataset, rows: list[Span], weekdays: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, f"quanto a {plain(name)} trabalhou nos ultimos 10 dias", weekdays)
    on_weekdays = total(rows, lambda r: of(name, LAST_TEN_DAYS)(r) and r.day.weekday() < 5)
    assert hours(on_weekdays) in reply and f"{LAST_TEN_DAYS[0]:%d/%m/%Y}" in reply


def test_working_days_said_twice_are_the_weekdays(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(
        generated,
        f"quantas horas a {plain(name)} fez em novembro",
        "e desse total, quantas horas foram só nos dias úteis, sem contar sábados e domingos?",
    )
    assert hours(total(rows, lambda r: of(name, NOVEMBER)(r) and r.day.weekday() < 5)) in reply


def test_the_last_month_of_the_table_shown(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, f"qto a {plain(name)} fez por mes?", "e o ultimo mes ai, quanto foi?")
    assert hours(total(rows, of(name, NOVEMBER))) in reply
    assert hours(total(rows, of(name, OCTOBER))) not in reply


def test_the_day_of_the_holiday_just_named(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    holiday = date(2026, 10, 12)
    _, reply = ask(generated, "teve feriado em outubro?", "qnt gente trabalhou nesse dia ai")
    assert f"{len({r.name for r in rows if r.day == holiday})} recursos" in reply and "12/10/2026" in reply


def test_one_of_two_months_side_by_side(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, first, second = ask(
        generated,
        f"horas da {plain(name)} em setembro e outubro, lado a lado",
        "e o primeiro desses meses so de reuniao",
        "e no segundo desses meses?",
    )
    meetings = [r for r in rows if "reuni" in (r.activity or "").casefold()]
    assert hours(total(meetings, of(name, SEPTEMBER))) in first
    assert hours(total(meetings, of(name, OCTOBER))) in second


def test_the_other_contract_of_a_gestor_of_two(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446", "8447"))
    _, other = ask_as(generated, gestor, "qnts horas o 8446 fez em outubro?", "e o outro contrato?")
    assert hours(total(rows, of_contract(OCTOBER, "8447"))) in other.text


def test_a_surname_is_not_read_as_after(generated: Dataset) -> None:
    _, reply = ask(generated, "horas do 8446 em outubro", "e as do Roberto Silva Campos em setembro")
    assert "campos" in reply.casefold() and not re.search(r"\d h\b", reply)
