"""The evaluation set through the built-in engine, held to the targets: wrong ≤ 3 %, right ≥ 85 %, every
out-of-scope or write request declined. Expected figures come from tests/eval/reference.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..expected import spans
from .reference import Reference
from .runner import (
    QUESTIONS,
    eval_columns,
    evaluate,
    load_questions,
    report,
    rules_engine,
    summary,
    write_eval_snapshot,
)

HOLDOUT = QUESTIONS.with_name("holdout.jsonl")


@pytest.fixture(scope="module")
def columns() -> dict[str, list[Any]]:
    return eval_columns()


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory, columns: dict[str, list[Any]]) -> Iterator[Path]:
    yield write_eval_snapshot(columns, tmp_path_factory.mktemp("eval"))


@pytest.mark.parametrize("questions", [QUESTIONS, HOLDOUT], ids=["project-set", "holdout"])
async def test_the_builtin_engine_meets_the_targets(
    questions: Path, snapshot: Path, columns: dict[str, list[Any]]
) -> None:
    verdicts = await evaluate(rules_engine(snapshot), load_questions(questions), Reference(spans(columns)))
    result = summary(verdicts)
    assert result["wrong"] <= 0.03, report(verdicts)
    assert result["right"] >= 0.85, report(verdicts)
    assert result["refusals_declined"] == 1.0, report(verdicts)


def test_the_project_set_is_big_and_covers_every_kind() -> None:
    conversations = load_questions(QUESTIONS)
    turns = [t for c in conversations for t in c["turns"]]
    assert len(turns) >= 200
    assert sum(len(c["turns"]) >= 5 for c in conversations) >= 3  # follow-ups across at least five turns
    measures = {t["expect"].get("measure") for t in turns} | {
        spec["measure"] for t in turns for spec in t["expect"].get("all", [])
    }
    assert measures >= set(Reference.MEASURES)
    assert sum(bool(t["expect"].get("decline")) for t in turns) >= 30


def test_the_scorer_calls_a_different_figure_wrong(columns: dict[str, list[Any]]) -> None:
    from .runner import score

    reference = Reference(spans(columns))
    spec = {"measure": "net_hours", "contract": "8446", "period": ["2026-10-01", "2026-10-31"]}
    right = " ".join(reference.expected(spec))
    assert score(right, spec, reference)[0] == "right"
    assert score("O contrato 8446 somou 1,0 h líquidas de 01/10/2026 a 31/10/2026.", spec, reference)[0] == "wrong"
    assert score("Não encontrei o contrato 8446.", spec, reference)[0] == "declined"
    assert score("Todos os recursos somaram 9,9 h.", {"decline": True}, reference)[0] == "wrong"


def test_make_eval_scores_every_batch_file_unless_told_which() -> None:
    from .__main__ import batch_files

    names = [p.name for p in batch_files(None)]
    assert {"questions.jsonl", "holdout.jsonl", "batch_c.jsonl"} <= set(names)
    assert names == sorted(names)
    assert batch_files([QUESTIONS]) == [QUESTIONS]


def test_the_batch_table_has_a_line_per_batch_and_a_total() -> None:
    from .__main__ import batch_table
    from .runner import Verdict

    def verdicts(*outcomes: str) -> list[Verdict]:
        return [Verdict("c", i, "q", o, [], "", False) for i, o in enumerate(outcomes)]

    table = batch_table({"a.jsonl": verdicts("right", "wrong"), "b.jsonl": verdicts("right", "right", "declined")})
    lines = table.splitlines()
    assert lines[1].split()[:5] == ["a.jsonl", "2", "50.0%", "0.0%", "50.0%"]
    assert lines[2].split()[:5] == ["b.jsonl", "3", "66.7%", "33.3%", "0.0%"]
    assert lines[3].split()[:5] == ["all", "5", "60.0%", "20.0%", "20.0%"]
