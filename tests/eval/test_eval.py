"""The evaluation set through the built-in engine, held to the targets: wrong ≤ 3 %, right ≥ 85 %, every
out-of-scope or write request declined. Expected figures come from tests/eval/reference.py.

The blind batches (C–L) are held to the same targets once their first run is recorded in the README, so a
fix for one shape cannot quietly break another; a batch still held back is scored by `make eval` only."""

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
    temporary_folder,
    write_eval_snapshot,
)

HOLDOUT = QUESTIONS.with_name("holdout.jsonl")
SCORED = [QUESTIONS, HOLDOUT] + [
    QUESTIONS.with_name(f"batch_{b}.jsonl")
    for b in (
        "c d e_roles f g h i j k l m n o p q r s t u v w x y z "
        "aa ab ac ad ae af ag ah ai aj ak al am an ap aq ar as at av aw ax ay az ba bb bc bd be bf bg bh bi bj bk "
        "bl bm bn bp bq br bs bt bv bx by bz ca cc cd ce cf ch ci cj ck cl cm cn co cp cq cr cs cu cx cy cz da db dc "
        "dd de df dg dh di dj dk dl dm dn do dp dq dr ds dt du dv dw dx dy dz ea ec ee ef eh ej ek el en eo ep eq es "
        "et eu ev ew ey ez fa fd fe fg ff fh fi fj fk fl fn fo fp fq fr fs ft fu fv fx fy fz ga gc gd ge gf gg gh gi "
        "gj gk gl gm gn go gp gq gr gs gt gv gx gy gz ha hb hd hf hh hi bw eg er ex fb fw gu "
        "hj hk hl hm hn ho hp hq hr hs ht hu hv hw hx hy hz ia ib ic id if ik ij "
        "il in ip ir is it iu iv iw ix iy iz jb"
    ).split()
]
WEEK = ["2026-11-16", "2026-11-22"]


@pytest.fixture(scope="module")
def columns() -> dict[str, list[Any]]:
    return eval_columns()


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory, columns: dict[str, list[Any]]) -> Iterator[Path]:
    yield write_eval_snapshot(columns, tmp_path_factory.mktemp("eval"))


@pytest.mark.parametrize("questions", SCORED, ids=[p.stem for p in SCORED])
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


GESTOR = {
    "id": "gestor-not-a-resource",
    "asker": "Rogério Antunes Vilela",
    "role": {"kind": "gestor", "contracts": ["7873"], "client_contracts": ["E5067620"]},
    "turns": [
        {"q": "quanto a equipe fez semana passada?", "expect": {"measure": "net_hours", "period": WEEK}},
        {"q": "e o total do 8447?", "expect": {"measure": "net_hours", "contract": "8447", "period": WEEK}},
        {"q": "quanto o 8446 fez?", "expect": {"outside_scope": True}},
        {"q": "e eu?", "expect": {"no_own_entries": True}},
    ],
}


class ScriptedEngine:
    """Answers each question with the figures of `reference` (or a fixed text), recording the access it got."""

    name = "scripted"

    def __init__(self, reference: Reference, texts: dict[str, str]) -> None:
        self.reference = reference
        self.texts = texts
        self.access: list[Any] = []

    async def answer(self, *, question: str, session: Any, user_name: str, today: Any, access: Any = None) -> Any:
        from bot.engines import EngineReply

        self.access.append(access)
        turn = next(t for t in GESTOR["turns"] if t["q"] == question)
        if question in self.texts:
            text = self.texts[question]
        else:
            text = "Total: " + " ".join(self.reference.expected(turn["expect"]))
        return EngineReply(text=text, context={}, history=())


async def test_a_scoped_conversation_is_judged_over_the_rows_its_role_sees(columns: dict[str, list[Any]]) -> None:
    from apontamentos.scope import Scope

    from .runner import score

    everything = Reference(spans(columns))
    scoped = everything.scoped(None, ["7873", "E5067620"])
    team = scoped.expected({"measure": "net_hours", "period": WEEK})
    assert team != everything.expected({"measure": "net_hours", "period": WEEK})
    # the 8447 figure is the granted client contract's part, and a right answer names that part
    assert "E5067620" in scoped.expected({"measure": "net_hours", "contract": "8447", "period": WEEK})

    # the part's own figure, but told as the whole contract's (the scope's description naming the part is not enough)
    part = {"measure": "net_hours", "contract": "8447", "period": WEEK}
    figure, *_ = scoped.expected(part)
    scope, week = "Nos seus contratos 7873 e E5067620:", "de 16/11/2026 a 22/11/2026."
    assert score(f"{scope} O contrato 8447 somou {figure} {week}", part, scoped)[0] == "wrong"
    told_as_part = f"{scope} A parte E5067620 do contrato 8447 somou {figure} {week}"
    assert score(told_as_part, part, scoped)[0] == "right"

    honest = ScriptedEngine(
        scoped, {"quanto o 8446 fez?": "Você só pode ver os seus contratos.", "e eu?": "Você não tem apontamentos."}
    )
    verdicts = await evaluate(honest, [GESTOR], everything)
    assert [v.outcome for v in verdicts] == ["right", "right", "right", "right"]
    assert set(honest.access) == {Scope("gestor", None, ("7873", "E5067620"))}

    # an engine that ignores the scope: everyone's figures, the whole 8447, another contract's total
    leaky = ScriptedEngine(
        everything,
        {
            "quanto o 8446 fez?": "O contrato 8446 somou 12h.",
            "e eu?": "Não encontrei “Rogério” entre os recursos.",
        },
    )
    verdicts = await evaluate(leaky, [GESTOR], everything)
    assert [v.outcome for v in verdicts] == ["wrong", "wrong", "wrong", "declined"]
    assert summary(verdicts)["refusals_declined"] == 0.0


async def test_a_colaboradora_is_given_her_own_resource_id(columns: dict[str, list[Any]]) -> None:
    from apontamentos.scope import Scope

    from .runner import policy_csv, role_access

    everything = Reference(spans(columns))
    name = "Sofia Moreira Lima"
    conversation = {"id": "c", "asker": name, "role": {"kind": "colaborador"}, "turns": []}
    assert (
        policy_csv([conversation], everything).splitlines()[1]
        == f"c@eval.example,colaborador,{everything.by_name[name]},"
    )
    with temporary_folder() as folder:
        access = role_access([conversation], everything, Path(folder))
    assert access == {"c": Scope("colaborador", everything.by_name[name], ())}
    own = everything.scoped(everything.by_name[name], [])
    assert {r.name for r in own.rows} == {name}
    assert own.expected({"measure": "net_hours", "period": WEEK}) == everything.expected(
        {"measure": "net_hours", "person": name, "period": WEEK}
    )
