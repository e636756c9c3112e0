"""Activities (the optional s_ds_atividade column): import in both shapes, and each question's figures."""

from __future__ import annotations

import io
from collections import defaultdict
from typing import Any

import pytest

from apontamentos import formatting as fmt
from apontamentos import queries as q
from apontamentos.dataset import Dataset
from apontamentos.engine import answer
from apontamentos.importer import columns_to_csv, import_columns, read_csv

from ..eval.reference import plain
from ..expected import spans
from .conftest import GENERATED_END, dataset_from_columns


def without_activities(columns: dict[str, list[Any]]) -> dict[str, list[Any]]:
    return {k: v for k, v in columns.items() if k != "s_ds_atividade"}


def test_exports_with_and_without_the_column_both_import(generated_columns: dict[str, list[Any]]) -> None:
    with_ = import_columns(generated_columns)
    without = import_columns(without_activities(generated_columns))
    assert not with_.rejected and not without.rejected
    assert with_.table.num_rows == without.table.num_rows
    distinct = len({" ".join(plain(a).split()) for a in generated_columns["s_ds_atividade"] if a and a.strip()})
    assert "activities: present" in with_.summary()
    assert "activities: none" in without.summary()
    assert Dataset(without.table).activities == {}
    assert len(Dataset(with_.table).activities) == distinct


def test_whitespace_is_normalised_and_empty_or_null_is_no_activity(generated_columns: dict[str, list[Any]]) -> None:
    columns = {k: list(v[:3]) for k, v in generated_columns.items()}
    columns["s_ds_atividade"] = ["  Reunião   de\talinhamento ", "NULL", ""]
    buffer = io.StringIO()
    columns_to_csv(columns, buffer, delimiter=";")
    buffer.seek(0)
    table = read_csv(buffer).table
    assert table.column("s_ds_atividade").to_pylist() == ["Reunião de alinhamento", None, None]


@pytest.fixture(scope="module")
def rows(generated_columns: dict[str, list[Any]]) -> list[Any]:
    return spans(generated_columns)


def test_summary_groups_spellings_and_shares_add_up(generated: Dataset, rows: list[Any]) -> None:
    hours: dict[str, float] = defaultdict(float)
    for r in rows:
        if r.activity and r.supplier == "8446":
            hours[plain(r.activity)] += r.net or 0
    s = q.activity_summary(generated, contract="8446")
    assert {plain(a.activity): round(a.hours, 6) for a in s.activities} == {k: round(v, 6) for k, v in hours.items()}
    described = sum(a.share for a in s.activities)
    undescribed = s.undescribed_hours / s.total_hours
    assert described + undescribed == pytest.approx(1.0)
    assert [a.hours for a in s.activities] == sorted((a.hours for a in s.activities), reverse=True)


def test_one_activity_by_words_any_accents(generated: Dataset, rows: list[Any]) -> None:
    m = q.activity_hours(generated, "REUNIAO")
    mine = [r for r in rows if r.activity and "reuniao" in plain(r.activity).split()]
    assert (m.entries, round(m.hours, 6)) == (len(mine), round(sum(r.net or 0 for r in mine), 6))
    with pytest.raises(q.UnknownActivity):
        q.activity_hours(generated, "churrasco")


def test_without_the_column_the_answer_says_so(generated_columns: dict[str, list[Any]]) -> None:
    db = dataset_from_columns(without_activities(generated_columns))
    for question in ("quais atividades existem?", "horas por atividade em outubro", "ranking de atividades"):
        reply = answer(db, question, {}, GENERATED_END)
        assert "não têm informação de atividade" in reply.text and reply.table is None


def test_the_answer_holds_percentages(generated: Dataset, rows: list[Any]) -> None:
    total = sum(r.net or 0 for r in rows if r.supplier == "8447")
    top: dict[str, float] = defaultdict(float)
    for r in rows:
        if r.activity and r.supplier == "8447":
            top[plain(r.activity)] += r.net or 0
    best = max(top, key=lambda k: top[k])
    reply = answer(generated, "como se distribuem as horas do 8447 por atividade?", {}, GENERATED_END)
    assert f"{fmt.hours(top[best])} ({fmt.number(100 * top[best] / total)}%)" in reply.text
