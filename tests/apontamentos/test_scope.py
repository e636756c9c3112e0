"""Scope enforced where data is read: what a colaborador and a gestor can and cannot get, through the engine."""

from __future__ import annotations

import gc
import weakref
from collections import defaultdict
from typing import Any

import pytest

from apontamentos import formatting as fmt
from apontamentos import queries as q
from apontamentos.dataset import Dataset
from apontamentos.engine import answer
from apontamentos.scope import Scope, scoped

from ..expected import spans
from .conftest import GENERATED_END, SMALL_ROWS, dataset_from_columns, to_columns


@pytest.fixture(scope="module")
def rows(generated_columns: dict[str, list[Any]]) -> list[Any]:
    return spans(generated_columns)


def someone(rows: list[Any], supplier: str) -> tuple[str, str]:
    person = sorted({(r.resource_id, r.name) for r in rows if r.supplier == supplier})[0]
    return person


def test_a_colaborador_sees_only_their_own_entries(generated: Dataset, rows: list[Any]) -> None:
    me, name = someone(rows, "8446")
    scope = Scope("colaborador", resource_id=me)
    mine = sum(r.net or 0 for r in rows if r.resource_id == me)
    everyone = answer(generated, "quantas horas todo mundo fez?", {}, GENERATED_END, scope=scope)
    assert everyone.text.startswith("Somente os seus apontamentos:")
    assert fmt.hours(mine) in everyone.text
    own = answer(generated, "quantas horas eu trabalhei?", {}, GENERATED_END, user="Outro Nome", scope=scope)
    assert name in own.text and fmt.hours(mine) in own.text
    ranking = scoped(generated, scope).query("SELECT DISTINCT rid FROM e")
    assert ranking == [(generated.resources[me].rid,)]


def test_a_gestor_sees_their_contracts_and_nothing_of_other_people(generated: Dataset, rows: list[Any]) -> None:
    scope = Scope("gestor", contracts=("8446",))
    hours: dict[str, float] = defaultdict(float)
    for r in rows:
        if r.supplier == "8446":
            hours[r.name] += r.net or 0
    top = max(hours, key=lambda n: hours[n])
    reply = answer(generated, "ranking de horas", {}, GENERATED_END, scope=scope)
    assert reply.text.startswith("No seu contrato 8446: Ranking de horas")
    assert f"{top}: {fmt.hours(hours[top])}" in reply.text
    view = scoped(generated, scope)
    assert {p.resource.name for p in q.ranking(view, top=None)} == set(hours)
    assert view.supplier_contracts == {"8446"}
    assert "8447" not in answer(generated, "mostre o contrato 8447", {}, GENERATED_END, scope=scope).text.split(":")[0]
    assert " h" not in answer(generated, "horas do contrato 8447", {}, GENERATED_END, scope=scope).text


def test_a_gestor_with_a_resource_id_sees_their_own_entries_too(generated: Dataset, rows: list[Any]) -> None:
    me, name = someone(rows, "8447")
    scope = Scope("gestor", resource_id=me, contracts=("8446",))
    reply = answer(generated, "quantas horas eu fiz?", {}, GENERATED_END, scope=scope)
    assert name in reply.text
    assert fmt.hours(sum(r.net or 0 for r in rows if r.resource_id == me)) in reply.text


def test_admin_and_open_see_everything(generated: Dataset) -> None:
    assert scoped(generated, Scope("admin")) is generated
    assert scoped(generated, Scope("open")) is generated


@pytest.mark.parametrize("phrasing", ["quantas horas {} trabalhou?", "horas do {} em outubro", "{}"])
def test_a_person_outside_the_scope_gets_the_answer_a_person_who_does_not_exist_gets(
    generated: Dataset, generated_columns: dict[str, list[Any]], rows: list[Any], phrasing: str
) -> None:
    scope = Scope("gestor", contracts=("8446",))
    inside = {r.resource_id for r in rows if r.supplier == "8446"}
    outsider = next(r for r in rows if r.resource_id not in inside)
    keep = [i for i, rid in enumerate(generated_columns["s_id_recurso"]) if rid != outsider.resource_id]
    without = dataset_from_columns({k: [v[i] for i in keep] for k, v in generated_columns.items()})
    question = phrasing.format(outsider.name)
    exists = answer(generated, question, {}, GENERATED_END, scope=scope)
    never_existed = answer(without, question, {}, GENERATED_END, scope=scope)
    assert exists.text == never_existed.text
    assert outsider.name not in exists.text and " h" not in exists.text.replace("horas", "")


def test_a_replaced_snapshot_is_freed_with_its_scoped_views() -> None:
    """A refresh replaces the snapshot: the scoped views made of the old one must not keep it in memory."""
    old = dataset_from_columns(to_columns(SMALL_ROWS))
    view = scoped(old, Scope(role="gestor", contracts=("8446",)))
    assert view.query("SELECT count(*) FROM e")[0][0] == 6  # the view works before the snapshot goes
    gone = weakref.ref(old)
    del old, view
    gc.collect()
    assert gone() is None
