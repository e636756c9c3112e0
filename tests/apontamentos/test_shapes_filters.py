"""Shapes batches ER and ES showed: filters combined, then narrowed or widened ("e quantas horas esses de java
fizeram?" after the 8447's Java people, "e sem o filtro de java, contrato todo?", "e no 8446 todo" after a client
contract's figure), "qntos foram no total" after who worked on a day, "qual dia da semana esse pessoal mais
trabalha" after a client contract's weeks, "e o time todo do 7689" after my entries without exit, "e na semana do
dia 9", "qnts horas no total" after a period's summary, and "teve gente apontando em agosto?".

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import ask, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_periods_lists import NOVEMBER, OCTOBER, of_contract, one_contract_person
from .test_shapes_returning import of


def java_of(rows: list[Span], contract: str) -> set[str]:
    """The people of a contract whose latest role in November is Java (as the bot counts roles)."""
    latest: dict[str, Span] = {}
    for r in sorted(rows, key=lambda r: r.start):
        if r.supplier == contract and NOVEMBER[0] <= r.day <= NOVEMBER[1]:
            latest[r.name] = r
    return {name for name, r in latest.items() if plain(r.technology) == "java"}


def test_hours_of_those_of_a_technology_stay_in_the_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = java_of(rows, "8446")
    first, then = ask(
        generated, "qts recursos de java apontaram no 8446 em novembro?", "e quantas horas esses de java fizeram no mes"
    )
    assert f"{len(people)} recursos" in first
    assert hours(total(rows, lambda r: r.name in people and of_contract(NOVEMBER)(r))) in then and "8446" in then


def test_without_the_filter_of_a_technology_the_whole_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(
        generated,
        "qts recursos de java apontaram no 8446 em novembro?",
        "e quantas horas esses de java fizeram no mes",
        "e sem o filtro de java, contrato todo?",
    )
    assert hours(total(rows, of_contract(NOVEMBER))) in reply and "JAVA" not in reply


@pytest.mark.parametrize("then", ["e no 8446 todo", "e o 8446 inteiro?"])
def test_the_whole_contract_keeps_the_activity(generated: Dataset, rows: list[Span], then: str) -> None:  # noqa: F811
    client = next(r.client for r in rows if r.supplier == "8446")
    _, reply = ask(generated, f"quantas horas de reuniao o {client} teve em outubro", then)
    meetings = total(rows, lambda r: of_contract(OCTOBER)(r) and "reuni" in plain(r.activity))
    assert hours(meetings) in reply


@pytest.mark.parametrize("then", ["qntos foram no total", "e quantos foram?"])
def test_how_many_after_who_worked_on_a_day(generated: Dataset, rows: list[Span], then: str) -> None:  # noqa: F811
    day = date(2026, 11, 20)
    _, reply = ask(generated, "quem trabalhou no feriado de consciencia negra?", then)
    assert f"{len({r.name for r in rows if r.day == day})} recursos" in reply and "20/11/2026" in reply


def test_which_weekday_those_people_work_most_keeps_the_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    client = next(r.client for r in rows if r.supplier == "8446")
    _, reply = ask(
        generated,
        f"me da as horas semana a semana do {client} em outubro",
        "qual dia da semana esse pessoal mais trabalha",
    )
    split: dict[int, float] = defaultdict(float)
    for r in rows:
        if r.client == client and OCTOBER[0] <= r.day <= OCTOBER[1]:
            split[r.day.isoweekday()] += r.net or 0
    assert hours(max(split.values())) in reply and "01/10/2026" in reply


def test_the_whole_team_after_my_entries_without_exit(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    _, reply = ask(generated, "tenho algum apontamento aberto sem saida?", f"e o time todo do {contract}", user=name)
    assert f"{sum(1 for r in rows if r.supplier == contract and r.end is None)} apontamentos sem saída" in reply


def test_the_week_of_a_day_of_this_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    monday = date(2026, 11, 9)
    week = (monday, monday + timedelta(days=6))
    _, reply = ask(generated, f"horas por dia da {plain(name)} essa semana", "e na semana do dia 11")
    assert hours(total(rows, of(name, week))) in reply and "09/11/2026 a 15/11/2026" in reply


def test_hours_in_total_after_a_periods_summary(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first, then = ask(generated, "teve gente apontando em outubro?", "qnts horas no total")
    assert f"{len({r.name for r in rows if OCTOBER[0] <= r.day <= OCTOBER[1]})} recursos" in first
    assert hours(total(rows, lambda r: OCTOBER[0] <= r.day <= OCTOBER[1])) in then
