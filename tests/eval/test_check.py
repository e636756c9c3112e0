"""`python -m tests.eval.check`: what it tells a batch's writer, who never sees the bot's replies."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from ..expected import spans
from .check import problems, sheet
from .reference import Reference
from .runner import eval_columns


@pytest.fixture(scope="module")
def columns() -> dict[str, list[Any]]:
    return eval_columns()


def test_a_batch_with_mistakes_is_told_each_of_them(columns: dict[str, list[Any]], tmp_path: Path) -> None:
    reference = Reference(spans(columns))
    name = sorted(reference.by_name)[0]
    good = {"id": "x-1", "asker": "A", "turns": [{"q": "e ela?", "expect": {"measure": "net_hours", "person": name}}]}
    unknown = {
        "id": "x-2",
        "asker": "A",
        "turns": [{"q": "e ele?", "expect": {"measure": "net_hours", "person": "Nobody"}}],
    }
    stranger = {"id": "x-3", "asker": "Nobody", "role": {"kind": "colaborador"}, "turns": []}
    batch = tmp_path / "batch_x.jsonl"
    lines = [json.dumps(c) for c in (good, unknown, stranger, good)] + ["{not json"]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems(batch, reference)
    assert len(found) == 4 and "x-2#0" in found[0] and "colaborador" in found[1] and "repeated" in found[2]
    assert "not JSON" in found[3]
    good_only = tmp_path / "batch_y.jsonl"
    good_only.write_text(json.dumps(good) + "\n", encoding="utf-8")
    assert problems(good_only, reference) == []


def test_the_sheet_names_every_person_and_contract_but_no_figure(columns: dict[str, list[Any]]) -> None:
    rows = spans(columns)
    text = sheet(columns)
    assert all(r.name in text and r.supplier in text and r.client in text for r in rows[:500])
    assert not re.search(r"\d,\d h\b", text)  # no hours: the sheet must not give answers away
