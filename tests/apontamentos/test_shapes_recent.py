"""Shapes batch FF showed, and the batches after it: "qual é o meu contrato?" and "meus contratos" typed alone
(not understood, or refused as the contract's figures), "nesses últimos meses" (read as the bottom of a ranking),
"nas 2 últimas semanas" (the two weeks with the fewest hours) and "últimos 3 meses" (asked back about the
beginning or end of a month).

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from apontamentos.dataset import Dataset
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import TODAY, hours, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_gestor import ask as ask_as
from .test_shapes_closing import resource_of
from .test_shapes_periods_lists import one_contract_person
from .test_shapes_returning import of


@pytest.mark.parametrize("question", ["qual é o meu contrato?", "meus contratos", "qual e meu contrato msm"])
def test_my_contract_asked_by_a_colaborador(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    (reply,) = ask_as(generated, Scope("colaborador", resource_id=resource_of(rows, name)), question)
    assert f"{name} apontou em 1 contrato" in reply.text and f"- {contract}" in reply.text


def test_the_last_months_without_a_count_are_the_data(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    weekend = {r.day for r in rows if r.name == name and r.day.weekday() >= 5}
    me = Scope("colaborador", resource_id=resource_of(rows, name))
    (reply,) = ask_as(generated, me, "trabalhei algum fds nesses ultimos meses?")
    assert f"{len(weekend)} dias de trabalho em fim de semana" in reply.text and "por semana" not in reply.text


@pytest.mark.parametrize("question", ["quanto fiz nas 2 ultimas semanas", "quanto fiz nas ultimas 2 semanas"])
def test_the_last_two_weeks_either_way_round(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    span = (TODAY - timedelta(days=13), TODAY)
    (reply,) = ask_as(generated, Scope("colaborador", resource_id=resource_of(rows, name)), question)
    assert hours(total(rows, of(name, span))) in reply.text and f"{span[0]:%d/%m/%Y}" in reply.text


@pytest.mark.parametrize(
    ("question", "said"), [("quanto fiz nos ultimos 3 meses", "últimos 3 meses"), ("e nas ultimas semanas?", "últimas")]
)
def test_recent_months_or_weeks_with_no_edge_are_asked_back(
    generated: Dataset, rows: list[Span], question, said
) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask_as(generated, Scope("colaborador", resource_id=resource_of(rows, name)), question)
    assert f"período “{said}" in reply.text and "meados" not in reply.text and " h " not in reply.text
