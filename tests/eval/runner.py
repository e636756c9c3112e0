"""Run the evaluation set through an answer engine and score every turn right / declined / wrong.

    python -m tests.eval [--engine rules|llm] [--questions FILE] [--all]

A turn is *right* when the reply holds every string the independent reference expects (the figures and
the period's dates) or, for a request the bot must not answer, declines without any figure; *declined*
when it gives no figure and says it did not understand, asks, or declines; *wrong* when it gives a figure
that is not the expected one (the outcome that matters most: a confident figure for another question).

A conversation with a `role` is asked as a user of the access policy the bot reads:
`{"kind": "gestor", "contracts": ["7873"], "client_contracts": ["E5067620"]}` or `{"kind": "colaborador"}`
(the asker's own `resource_id` is found by name unless given). The runner publishes one policy CSV row per
such conversation, resolves the asker's access through the bot's `AccessControl` and passes it to the engine;
the expected figures come from `Reference.scoped`, over the rows that role may see. Two expectations exist
for roles: `{"outside_scope": true}` (right only when the reply declines and holds no figure at all) and
`{"no_own_entries": true}` (the asker has no entries of their own: right when the reply says so plainly).
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from apontamentos.importer import import_columns, write_snapshot
from apontamentos.synthetic import generate
from sessions import Session, Turn
from sessions.model import apply_turn

from .reference import Reference, plain

TODAY = date(2026, 11, 25)  # a Wednesday; the data covers the 90 days up to it
ROWS, SEED = 25_000, 7
QUESTIONS = Path(__file__).with_name("questions.jsonl")

# A figure about the data: hours, or a count of people, entries or contracts. (Clarifications may hold other
# numbers: "Há 6 pessoas chamadas Heitor", "últimos 15 dias".)
FIGURE = re.compile(r"\d[\d.]*,\d h\b|\b\d[\d.]*\s+(?:recursos?|apontamentos?|contratos?)\b", re.IGNORECASE)
DECLINE = re.compile(
    r"não (?:entendi|encontrei|tenho|consigo|posso|sei|há dados)|só (?:leio|consigo|respondo)|"
    r"qual del[ea]|quais del[ea]|de qual|\?\s*$|não está nos dados|não têm|fora do que|não há apontamentos|não sei ler",
    re.IGNORECASE | re.MULTILINE,
)

# Outside the asker's scope no number of hours or people may show, whatever its format ("12h", "3 pessoas").
ANY_FIGURE = re.compile(
    r"\d[\d.]*(?:,\d+)?\s*h(?:oras?)?\b|\b\d[\d.]*\s+(?:recursos?|pessoas?|apontamentos?|contratos?|dias?)\b",
    re.IGNORECASE,
)
# A decline in access terms ("você só pode ver os seus apontamentos", "não está entre os que você pode consultar").
SCOPE_DECLINE = re.compile(
    r"acesso|permiss|escopo|fora d[oa]s? (?:seus?|sua)|só (?:pode|posso|vê|vejo)|somente|"
    r"apenas (?:os|o|a) s(?:eus?|ua)|não (?:pode|posso|é possível|consigo)|não (?:está|estão) entre|"
    r"(?:você|vc) (?:não )?pode (?:consultar|ver|acessar)",
    re.IGNORECASE,
)
# Clauses of a reply: a figure for part of a contract must be named as that part in the clause that gives it.
CLAUSE = re.compile(r"[.:;!?]\s|\n")
# The asker is told plainly that they have no entries of their own (not "Não encontrei <name>").
NO_OWN_ENTRIES = re.compile(
    r"(?:você|vc)\s+(?:ainda\s+)?não\s+(?:tem|possui|registrou|fez|lançou)\b[^.\n]*apontamento|"
    r"(?:você|vc)\s+não\s+(?:é|aparece\s+como)\s+(?:um\s+)?recurso|"
    r"não\s+(?:há|tem|encontrei|existem?)\s+(?:nenhum\s+)?apontamentos?\s+(?:seus?|(?:em|no)\s+seu\s+nome|de\s+você)|"
    r"(?:nenhum|sem)\s+apontamentos?\s+(?:seus?|próprios?|(?:em|no)\s+seu\s+nome)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Verdict:
    conversation: str
    turn: int
    question: str
    outcome: str  # right | declined | wrong
    expected: list[str]
    reply: str
    decline_expected: bool


def load_questions(path: Path = QUESTIONS) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]


def eval_columns() -> dict[str, list[Any]]:
    return generate(rows=ROWS, seed=SEED, end_date=TODAY)


def write_eval_snapshot(columns: dict[str, list[Any]], folder: Path) -> Path:
    path = folder / "eval.parquet"
    write_snapshot(import_columns(columns).table, path)
    return path


def expected_strings(reference: Reference, expect: dict[str, Any]) -> list[str]:
    if "all" in expect:
        return [s for spec in expect["all"] for s in reference.expected(spec)]
    return reference.expected(expect)


def whole_contract_claimed(reply: str, expect: dict[str, Any], reference: Reference) -> bool:
    """A clause names a contract the asker sees only part of, without naming the part ("O contrato 8447 somou")."""
    for spec in expect.get("all", [expect]):
        labels = reference.part_labels(spec)
        for clause in CLAUSE.split(reply) if labels else []:
            if re.search(rf"\b{spec['contract']}\b", clause) and not any(label in clause for label in labels):
                return True
    return False


def score(reply: str, expect: dict[str, Any], reference: Reference) -> tuple[str, list[str]]:
    has_figure = FIGURE.search(reply) is not None
    declines = DECLINE.search(reply) is not None
    if expect.get("outside_scope"):
        if has_figure or ANY_FIGURE.search(reply):
            return "wrong", []
        return ("right" if declines or SCOPE_DECLINE.search(reply) else "declined"), []
    if expect.get("no_own_entries"):
        if NO_OWN_ENTRIES.search(reply):
            return "right", []
        return ("wrong" if has_figure or not declines else "declined"), []
    if expect.get("decline") or expect.get("chat"):
        if has_figure:
            return "wrong", []
        # a scoped asker is told a contract is not among theirs, whether or not it exists (no existence leak)
        refused = declines or (expect.get("decline") and SCOPE_DECLINE.search(reply) is not None)
        return ("right" if refused or expect.get("chat") else "declined"), []
    wanted = expected_strings(reference, expect)
    if all(s in reply for s in wanted) and not whole_contract_claimed(reply, expect, reference):
        return "right", wanted
    if has_figure or not declines:
        return "wrong", wanted
    return "declined", wanted


def asker_upn(conversation: dict[str, Any]) -> str:
    """The asker's sign-in name in the evaluation policy (one row per conversation, so roles never clash)."""
    return re.sub(r"[^a-z0-9]+", ".", plain(conversation["id"])).strip(".") + "@eval.example"


def role_grant(conversation: dict[str, Any], reference: Reference) -> tuple[str | None, list[str]]:
    """The resource id and contract numbers a conversation's role is granted (supplier, then client contracts)."""
    role = conversation["role"]
    resource_id = role.get("resource_id", reference.by_name.get(conversation["asker"]))
    return resource_id, [*role.get("contracts", []), *role.get("client_contracts", [])]


def policy_csv(conversations: list[dict[str, Any]], reference: Reference) -> str:
    """The access policy the company would publish for the role-scoped conversations."""
    lines = ["user,role,resource_id,contracts"]
    for conversation in conversations:
        if "role" in conversation:
            resource_id, contracts = role_grant(conversation, reference)
            role = conversation["role"]["kind"]
            lines.append(f"{asker_upn(conversation)},{role},{resource_id or ''},{';'.join(contracts)}")
    return "\n".join(lines) + "\n"


def role_access(conversations: list[dict[str, Any]], reference: Reference, folder: Path) -> dict[str, Any]:
    """Each role-scoped conversation's access, resolved from the published policy by the bot's AccessControl."""
    from bot.access import AccessControl, AccessPolicy, Identity, PolicyProvider

    text = policy_csv(conversations, reference)
    _, errors = AccessPolicy.parse(text.encode("utf-8"))
    if errors:
        raise ValueError(f"evaluation policy rejected: {errors}")
    path = folder / "access-policy.csv"
    path.write_text(text, encoding="utf-8")
    control = AccessControl("policy", PolicyProvider(str(path)))
    return {c["id"]: control.resolve_loaded(Identity("eval", upn=asker_upn(c))) for c in conversations if "role" in c}


async def evaluate(engine: Any, conversations: list[dict[str, Any]], reference: Reference) -> list[Verdict]:
    """Each conversation in its own session, in order; the engine sees what the bot would give it."""
    verdicts: list[Verdict] = []
    with temporary_folder() as folder:
        access = role_access(conversations, reference, Path(folder))
    for conversation in conversations:
        now = datetime.now(UTC)
        session = Session.new("eval", conversation["id"], conversation["asker"], now)
        # a role-scoped asker: the engine gets the access the bot resolves, the reference sees the same rows
        extra = {"access": access[conversation["id"]]} if "role" in conversation else {}
        expected = reference.scoped(*role_grant(conversation, reference)) if "role" in conversation else reference
        for index, turn in enumerate(conversation["turns"]):
            reply = await engine.answer(
                question=turn["q"], session=session, user_name=conversation["asker"], today=TODAY, **extra
            )
            session = apply_turn(session, Turn(reply.history, reply.context), None, now, 20)
            outcome, wanted = score(reply.text, turn["expect"], expected)
            verdicts.append(
                Verdict(
                    conversation["id"],
                    index,
                    turn["q"],
                    outcome,
                    wanted,
                    reply.text,
                    bool(turn["expect"].get("decline") or turn["expect"].get("outside_scope")),
                )
            )
            session = replace(session, user_name=conversation["asker"])
    return verdicts


def summary(verdicts: list[Verdict]) -> dict[str, float]:
    counts = Counter(v.outcome for v in verdicts)
    total = len(verdicts)
    refusals = [v for v in verdicts if v.decline_expected]
    return {
        "turns": total,
        "right": counts["right"] / total,
        "declined": counts["declined"] / total,
        "wrong": counts["wrong"] / total,
        "refusals_declined": (sum(v.outcome == "right" for v in refusals) / len(refusals)) if refusals else 1.0,
    }


def report(verdicts: list[Verdict], show_all: bool = False) -> str:
    lines = []
    for v in verdicts:
        if v.outcome != "right" or show_all:
            reply = " ⏎ ".join(v.reply.splitlines())[:300]
            lines.append(f"[{v.outcome.upper()}] {v.conversation}#{v.turn}: {v.question}")
            if v.expected:
                lines.append(f"    expected: {' | '.join(v.expected)}")
            lines.append(f"    reply:    {reply}")
    s = summary(verdicts)
    lines.append(
        f"\n{s['turns']} turns: right {s['right']:.1%}, declined {s['declined']:.1%}, wrong {s['wrong']:.1%}; "
        f"out-of-scope and write requests declined: {s['refusals_declined']:.0%}"
    )
    return "\n".join(lines)


def rules_engine(snapshot: Path) -> Any:
    from apontamentos.dataset import DatasetProvider
    from bot.engines import RulesEngine

    return RulesEngine(dataset=DatasetProvider(str(snapshot)))


def configured_engine(snapshot: Path, environ: dict[str, str]) -> Any:
    """The engine the bot would build from these settings, over the evaluation snapshot."""
    from bot.app import build_engine
    from bot.settings import Settings

    return build_engine(Settings.from_env({**environ, "APONTAMENTOS_SOURCE": str(snapshot), "ANSWER_ENGINE": "llm"}))


def temporary_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="eval-")
