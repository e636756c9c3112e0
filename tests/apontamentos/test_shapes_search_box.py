"""Shapes batch DV showed: words typed as into a search box or in English office jargon ("by month",
"breakdown de atividades", "wow", "status report 7874:", "hr de entrada"), praise that is not a ranking
("valeu, top demais"), and "cada um" after one person's entries.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

import pytest

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import ask, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_periods_lists import LAST_WEEK, NOVEMBER, OCTOBER, THIS_WEEK, of_contract, one_contract_person
from .test_shapes_returning import of


def folded(r: Span) -> str:
    """The activity as the bot groups it: case apart."""
    return (r.activity or "").casefold()


def activities(rows: list[Span]) -> set[str]:
    return {folded(r) for r in rows if r.activity}


@pytest.mark.parametrize("by", ["{name} by month", "horas {name} per month", "{name} mes a mes"])
def test_hours_by_month_in_english(generated: Dataset, rows: list[Span], by: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, by.format(name=plain(name)))
    for month in (9, 10):
        assert hours(total(rows, lambda r, m=month: r.name == name and r.day.month == m)) in reply


def test_a_breakdown_of_activities_is_their_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "breakdown de atividades do 8446 nov")
    split = {a: total(rows, lambda r, a=a: of_contract(NOVEMBER)(r) and folded(r) == a) for a in activities(rows)}
    top = max(split, key=split.__getitem__)
    assert f"{top}: {hours(split[top])}" in reply.casefold() and "%" in reply


@pytest.mark.parametrize("compare", ["wow essa semana vs passada", "week over week do 8446"])
def test_week_over_week(generated: Dataset, rows: list[Span], compare: str) -> None:  # noqa: F811
    (reply,) = ask(generated, compare)
    keep = of_contract if "8446" in compare else (lambda span: lambda r: span[0] <= r.day <= span[1])
    assert hours(total(rows, keep(THIS_WEEK))) in reply
    same_days = (LAST_WEEK[0], LAST_WEEK[0] + (THIS_WEEK[1] - THIS_WEEK[0]))  # the same weekdays, a week before
    assert hours(total(rows, keep(same_days))) in reply


def test_a_status_report_heading_names_the_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    report, ranking = ask(generated, "status report 8446: total de horas out vs nov", "quem mais apontou em nov")
    assert hours(total(rows, of_contract(OCTOBER))) in report and hours(total(rows, of_contract(NOVEMBER))) in report
    assert "8446" in ranking


@pytest.mark.parametrize("asked", ["hr de entrada {name} essa semana", "hora de chegada da {name} essa semana"])
def test_clock_in_hours_are_the_clock(generated: Dataset, rows: list[Span], asked: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, asked.format(name=plain(name)))
    firsts = {r.day: r.start for r in sorted(rows, key=lambda r: r.start) if of(name, THIS_WEEK)(r)}
    assert firsts and all(f"{start:%H:%M}" in reply for start in firsts.values())


@pytest.mark.parametrize("praise", ["valeu, top demais", "muito top", "show de bola, obrigado"])
def test_praise_is_not_a_ranking(generated: Dataset, praise: str) -> None:
    _, reply = ask(generated, "horas do 8446 em setembro", praise)
    assert "Por nada" in reply and "Ranking" not in reply


def test_each_one_after_one_person(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    asked = f"horas por dia do {plain(name)} semana passada"
    _, _, entries = ask(generated, asked, "e qntos apontamentos?", "duracao media de cada um")
    closed = [r for r in rows if of(name, LAST_WEEK)(r) and r.end is not None]
    assert f"{sum(r.gross for r in closed) / len(closed):.1f} h".replace(".", ",") in entries  # of each entry
    _, days = ask(generated, asked, "duracao media de cada um")
    assert "“cada um” se refere" in days and name in days and "recursos" not in days  # each day? each entry?


def test_a_breakdown_by_day_says_its_total(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "horas do 8446 por dia semana passada")
    assert f"(total {hours(total(rows, of_contract(LAST_WEEK)))})" in reply
