"""What Teams receives, through the fake connector: one message per answer (the card alone, its first line
inside), several lines as HTML, and suggested actions whose titles fit the chat column together."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from apontamentos.answers import EXAMPLES
from bot.cards import TEAMS_SUGGESTION_CHARS

from .harness import BotProcess, Client, FakeConnector


@pytest.fixture(scope="module")
def bot(make_bot: Any) -> BotProcess:
    return make_bot()


async def ask(c: Client, question: str, channel: str = "msteams") -> dict[str, Any]:
    conversation = f"a:{uuid.uuid4().hex[:10]}"
    activity = c.activity(conversation, "29:pessoa", question)
    if channel == "msteams":
        activity["channelId"] = "msteams"
        activity["conversation"] = {"id": conversation, "conversationType": "personal", "tenantId": "contoso"}
        activity["channelData"] = {"tenant": {"id": "contoso"}}
    assert (await c.post(activity))[0] == 200
    sent = c.connector.messages(conversation)
    assert len(sent) == 1, sent  # one answer, one message
    return sent[0]


async def test_a_table_answer_is_one_card_with_its_first_line_inside(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    reply = await ask(Client(bot, connector, http), "Quais contratos temos?")
    card = reply["attachments"][0]["content"]
    lead = card["fallbackText"].split("\n", 1)[0]
    assert not reply.get("text") and reply["summary"] == lead and lead.startswith("Há ")
    assert card["body"][0]["text"] == lead and card["body"][1]["type"] == "Table"
    # the follow-ups are the card's buttons (the Playground draws no suggested actions on a card message)
    assert not reply.get("suggestedActions") and any(a["title"] == "Ranking dos contratos" for a in card["actions"])


async def test_several_lines_go_to_teams_as_html_and_stay_markdown_elsewhere(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    teams = await ask(c, "ajuda")
    assert teams["textFormat"] == "xml" and teams["text"].count("<li>") == len(EXAMPLES)
    assert "\n- " not in teams["text"] and "<p>Posso responder" in teams["text"]
    other = await ask(c, "ajuda", channel="test")
    assert other["textFormat"] == "markdown" and other["text"].count("\n- ") == len(EXAMPLES)


async def test_suggested_actions_in_the_personal_chat_fit_together(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    teams = await ask(c, "Quantas horas o contrato 8446 teve no mês passado?")
    titles = [a["title"] for a in teams["suggestedActions"]["actions"]]
    assert titles and sum(map(len, titles)) <= TEAMS_SUGGESTION_CHARS, titles
    webchat = await ask(c, "Quantas horas o contrato 8446 teve no mês passado?", channel="test")
    shown = [a["title"] for a in webchat["suggestedActions"]["actions"]]
    assert len(shown) == 3 and shown[: len(titles)] == titles  # elsewhere all three, the same first ones
