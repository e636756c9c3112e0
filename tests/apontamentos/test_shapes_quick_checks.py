"""Shapes batches EV and EW showed: many small checks in a row. "os 5 q mais apontaram … nesse mesmo mês" (read
as a breakdown by month), "top 5" after the contracts of a month (read as people), "e o dia q ele mais trabalhou
no mês" after his weeks (a week), and "compara setembro e outubro do contrato pra mim" (read as the asker's).

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from apontamentos.dataset import Dataset
from apontamentos.engine import answer
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import TODAY, ask, by, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_periods_lists import OCTOBER, SEPTEMBER, of_contract, one_contract_person
from .test_shapes_returning import of


def test_the_top_five_in_the_same_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(
        generated,
        "qts recursos do 8446 apontaram em outubro",
        "me passa os 5 q mais apontaram no contrato nesse mesmo mes",
    )
    split = by(rows, lambda r: r.name, of_contract(OCTOBER))
    fifth = sorted(split, key=lambda n: -split[n])[4]
    assert f"{fifth}: {hours(split[fifth])}" in reply and "01/10/2026 a 31/10/2026" in reply


def test_a_bare_top_after_the_contracts_of_a_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(generated, "horas por contrato em setembro", "top 5")
    split = by(rows, lambda r: r.supplier, lambda r: SEPTEMBER[0] <= r.day <= SEPTEMBER[1])
    ranked = sorted(split, key=lambda c: -split[c])
    assert f"{ranked[4]}: {hours(split[ranked[4]])}" in reply and ranked[5] not in reply


def test_the_day_he_worked_most_after_his_weeks(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    days = by(rows, lambda r: r.day, of(name, OCTOBER))
    best = max(days, key=lambda d: days[d])
    _, reply = ask(generated, f"horas por semana da {plain(name)} em outubro", "e o dia q ela mais trabalhou no mes")
    assert f"{best:%d/%m/%Y}" in reply and hours(days[best]) in reply


def test_compare_two_months_of_the_contract_for_me(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    scope = Scope("gestor", contracts=frozenset({"8446"}))
    reply = answer(
        generated,
        "compara setembro e outubro do contrato pra mim",
        {},
        TODAY,
        user="Gestora Sem Apontamentos",
        scope=scope,
    )
    assert all(hours(total(rows, of_contract(span))) in reply.text for span in (SEPTEMBER, OCTOBER))
