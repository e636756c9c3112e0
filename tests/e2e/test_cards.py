"""Tables as Adaptive Card Table elements: header, alignment, a narrow rank column, pages and "Ver mais"."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from ..expected import spans
from .harness import BotProcess, Client, FakeConnector


@pytest.fixture(scope="module")
def bot(make_bot: Any) -> BotProcess:
    return make_bot()


def card_of(reply: dict[str, Any]) -> dict[str, Any]:
    return reply["attachments"][0]["content"]


def table_of(card: dict[str, Any]) -> dict[str, Any]:
    return next(e for e in card["body"] if e["type"] == "Table")


def texts(row: dict[str, Any]) -> list[str]:
    return [c["items"][0]["text"] for c in row["cells"]]


async def test_a_long_list_pages_with_ver_mais(
    bot: BotProcess, connector: FakeConnector, http: Any, e2e_columns: dict[str, list[Any]]
) -> None:
    total = len({r.supplier for r in spans(e2e_columns) if r.supplier})  # the data's contracts, whatever its date
    assert total > 15, "the test needs a second page"
    c = Client(bot, connector, http)
    conversation = f"cards-{uuid.uuid4().hex[:6]}"
    await c.say(conversation, "rui", "Quais contratos temos?")
    card = card_of(connector.messages(conversation)[-1])
    assert card["version"] == "1.5" and card["fallbackText"].startswith(f"Há {total} contratos")
    table = table_of(card)
    header, *rows = table["rows"]
    assert texts(header) == ["Contrato", "Horas", "Apontamentos", "Recursos"] and table["firstRowAsHeader"]
    assert [col["horizontalCellContentAlignment"] for col in table["columns"]] == ["Left", "Right", "Right", "Right"]
    assert len(rows) == 15 and any(f"Linhas 1–15 de {total}" in e.get("text", "") for e in card["body"])
    assert card["actions"] == [{"type": "Action.Submit", "title": "Ver mais", "data": {"text": "ver mais"}}]
    first_page = [texts(r)[0] for r in rows]

    more = {**c.activity(conversation, "rui", ""), "value": card["actions"][0]["data"]}
    assert (await c.post(more))[0] == 200
    second = connector.messages(conversation)[-1]
    assert second["text"].startswith(f"Contratos, linhas 16–{total} de {total}")
    rest = [texts(r)[0] for r in table_of(card_of(second))["rows"][1:]]
    assert len(rest) == total - 15 and not set(rest) & set(first_page) and "actions" not in card_of(second)
    assert "Não há mais linhas" in await c.say(conversation, "rui", "mais")


async def test_the_rank_column_is_narrow_and_numbers_right_aligned(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    conversation = f"cards-{uuid.uuid4().hex[:6]}"
    await c.say(conversation, "rui", "Ranking de horas do contrato 8446")
    table = table_of(card_of(connector.messages(conversation)[-1]))
    assert texts(table["rows"][0]) == ["Nº", "Recurso", "Horas"]
    widths = [col["width"] for col in table["columns"]]
    assert widths[0] < widths[2] < widths[1]
    assert [col["horizontalCellContentAlignment"] for col in table["columns"]] == ["Right", "Left", "Right"]


async def test_follow_ups_are_suggested_actions_or_card_buttons(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    conversation = f"cards-{uuid.uuid4().hex[:6]}"
    await c.say(conversation, "rui", "Mostre o contrato 8446")
    actions = connector.messages(conversation)[-1]["suggestedActions"]["actions"]
    assert [a["value"] for a in actions] == [
        "Quem não apontou no 8446 semana passada?",
        "Ranking de horas do contrato 8446",
        "Horas do 8446 no mês passado",
    ]
    group = f"19:grupo-{uuid.uuid4().hex[:6]}"
    activity = c.activity(group, "rui", "Mostre o contrato 8446", channelId="msteams")
    activity["conversation"] = {"id": group, "conversationType": "groupChat"}
    assert (await c.post(activity))[0] == 200
    reply = connector.messages(group)[-1]
    assert "suggestedActions" not in reply or not reply["suggestedActions"]
    buttons = reply["attachments"][0]["content"]["actions"]
    assert [b["data"]["text"] for b in buttons][0] == "Quem não apontou no 8446 semana passada?"
