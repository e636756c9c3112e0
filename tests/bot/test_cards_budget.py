"""Every reply fits the size budget, measured as the serialized activity."""

from __future__ import annotations

from apontamentos.answers import Table
from bot.cards import MAX_ACTIVITY_BYTES, activity_size, message, table_card, within_budget

LINE = "Natália Conceição Araújo · contrato 8446 · 1.234,5 h"


def test_a_long_text_answer_is_summarised_under_the_budget() -> None:
    lines = [f"{i + 1}. {LINE}" for i in range(5_000)]
    reply = within_budget(message("\n".join(["Ranking de horas:", *lines])))
    assert activity_size(reply) <= MAX_ACTIVITY_BYTES
    kept = reply.text.split("\n")
    assert kept[0] == "Ranking de horas:" and kept[1] == lines[0]
    assert kept[-1].startswith(f"… e mais {5_000 - (len(kept) - 2)} linhas")


def test_a_table_answer_keeps_its_page_and_summarises_its_fallback() -> None:
    rows = [[str(i + 1), f"Pessoa {i}", "1.234,5 h"] for i in range(999)]
    text = "\n".join(["Ranking de horas:", *(" · ".join(r) for r in rows)])
    table = Table("Ranking de horas", ["Nº", "Pessoa", "Horas"], rows[:15], omitted=984)
    reply = within_budget(message("Ranking de horas:", table_card(table, text)))
    assert activity_size(reply) <= MAX_ACTIVITY_BYTES
    card = reply.attachments[0].content
    assert len(next(e for e in card["body"] if e["type"] == "Table")["rows"]) == 16
    assert "e mais" in card["fallbackText"]


def test_a_reply_within_the_budget_is_left_alone() -> None:
    original = message("Contrato 8446: 12 recursos.")
    assert within_budget(message("Contrato 8446: 12 recursos.")).serialize() == original.serialize()
