"""Conversations through HTTP: isolation, context, redelivery, channels. Figures checked against the data."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest

from apontamentos import formatting as fmt

from ..expected import net_by_supplier, resources_by_supplier, spans
from .harness import BotProcess, Client, FakeConnector

pytestmark = pytest.mark.dates  # the data ends on the tests' today; make test runs these at several dates


@pytest.fixture(scope="module")
def bot(make_bot: Any) -> BotProcess:
    return make_bot()


@pytest.fixture(scope="module")
def truth(e2e_columns: dict[str, list[Any]]) -> dict[str, Any]:
    rows = spans(e2e_columns)
    return {"people": resources_by_supplier(rows), "hours": net_by_supplier(rows)}


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def client(bot: BotProcess, connector: FakeConnector, http: Any, channel: str = "webchat") -> Client:
    return Client(bot, connector, http, channel)


async def test_context_is_private_to_each_user(
    bot: BotProcess, connector: FakeConnector, http: Any, truth: dict[str, Any]
) -> None:
    c = client(bot, connector, http)
    a, b = new_id("conv-a"), new_id("conv-b")
    assert "Contrato 8446" in await c.say(a, "ana", "Mostre o contrato 8446")
    reply_a = await c.say(a, "ana", "Quantos recursos tem?")
    assert f"O contrato 8446 tem {fmt.integer(truth['people']['8446'])} recursos" in reply_a
    reply_b = await c.say(b, "bruno", "Quantos recursos tem?")
    assert "qual contrato" in reply_b.lower()
    assert "8446" not in " ".join(connector.texts(b))


async def test_three_simultaneous_users_get_only_their_figures(
    bot: BotProcess, connector: FakeConnector, http: Any, truth: dict[str, Any]
) -> None:
    c = client(bot, connector, http)
    contracts = ["7873", "8446", "8447"]
    conversations = {contract: new_id(f"conv-{contract}") for contract in contracts}

    async def user(contract: str) -> None:
        conversation = conversations[contract]
        await c.say(conversation, f"user-{contract}", f"Mostre o contrato {contract}")
        await c.say(conversation, f"user-{contract}", "E quantos recursos tem?")

    await asyncio.gather(*(user(contract) for contract in contracts))
    for contract, conversation in conversations.items():
        texts = " ".join(connector.texts(conversation))
        assert f"tem {fmt.integer(truth['people'][contract])} recursos" in texts
        assert all(other not in texts for other in contracts if other != contract)


async def test_context_scenario(bot: BotProcess, connector: FakeConnector, http: Any, truth: dict[str, Any]) -> None:
    c = client(bot, connector, http)
    conversation = new_id("conv-ctx")
    first = await c.say(conversation, "carla", "Mostre o contrato 8446")
    assert "Contrato 8446" in first and fmt.hours(truth["hours"]["8446"]) in first
    assert f"tem {fmt.integer(truth['people']['8446'])} recursos" in await c.say(
        conversation, "carla", "E quantos recursos tem?"
    )
    total = await c.say(conversation, "carla", "Qual o total de horas?")
    assert "contrato 8446" in total and fmt.hours(truth["hours"]["8446"]) in total
    assert "Contrato 8447" in await c.say(conversation, "carla", "Agora mostre contrato 8447")
    assert f"O contrato 8447 tem {fmt.integer(truth['people']['8447'])} recursos" in await c.say(
        conversation, "carla", "Quantos recursos?"
    )


async def test_redelivery_sequential_and_concurrent_gets_one_reply(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = client(bot, connector, http)
    conversation = new_id("conv-dup")
    activity = c.activity(conversation, "dora", "Mostre o contrato 7873")
    assert (await c.post(activity))[0] == 200
    assert (await c.post(activity))[0] == 200
    assert len(connector.messages(conversation)) == 1
    concurrent = c.activity(conversation, "dora", "Quantos recursos tem?")
    statuses = await asyncio.gather(*(c.post(concurrent) for _ in range(5)))
    assert {s for s, _ in statuses} == {200}
    assert len(connector.messages(conversation)) == 2
    _, listing = await c.sessions(limit="1000")
    mine = [s for s in listing["sessions"] if s["conversation_id"] == conversation]
    assert [s["messages_total"] for s in mine] == [4]


async def test_same_conversation_id_on_two_channels_is_two_sessions(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    conversation = new_id("shared")
    teams, webchat = client(bot, connector, http, "msteams"), client(bot, connector, http, "webchat")
    await teams.say(conversation, "eva", "Mostre o contrato 8446")
    reply = await webchat.say(conversation, "eva", "Quantos recursos tem?")
    assert "qual contrato" in reply.lower()


async def test_welcome_card_and_typing(bot: BotProcess, connector: FakeConnector, http: Any) -> None:
    c = client(bot, connector, http)
    conversation = new_id("conv-hello")
    update = {
        **c.activity(conversation, "fabio", ""),
        "type": "conversationUpdate",
        "membersAdded": [{"id": "bot"}, {"id": "fabio", "name": "Fábio"}],
    }
    assert (await c.post(update))[0] == 200
    welcome = connector.messages(conversation)
    assert len(welcome) == 1
    card = welcome[0]["attachments"][0]
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert "Fábio" in card["content"]["body"][0]["text"] and card["content"]["fallbackText"]
    await c.say(conversation, "fabio", "Quem trabalha no contrato 7873?")
    kinds = [a["type"] for a in connector.activities[conversation]]
    assert kinds[-2:] == ["typing", "message"]
    table = connector.messages(conversation)[-1]["attachments"][0]["content"]
    assert table["fallbackText"].startswith("O contrato 7873 tem")


async def test_teams_mention_and_card_submit(bot: BotProcess, connector: FakeConnector, http: Any) -> None:
    c = client(bot, connector, http, "msteams")
    conversation = new_id("19:team@thread.tacv2")
    mention = {
        "type": "mention",
        "text": "<at>Bot (apontamentos)</at>",
        "mentioned": {"id": "bot", "name": "Bot (apontamentos)"},
    }
    activity = c.activity(conversation, "gil", "<at>Bot (apontamentos)</at> Mostre o contrato 8447", entities=[mention])
    assert (await c.post(activity))[0] == 200
    assert "Contrato 8447" in connector.texts(conversation)[-1]
    submit = c.activity(conversation, "gil", "", value={"text": "Mostre o contrato 7873"})
    assert (await c.post(submit))[0] == 200
    assert "Contrato 7873" in connector.texts(conversation)[-1]


async def test_long_question_gets_a_polite_reply_and_is_not_stored(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = client(bot, connector, http)
    conversation = new_id("conv-long")
    reply = await c.say(conversation, "hugo", "contrato " * 300)
    assert "2.000 caracteres" in reply
    _, listing = await c.sessions(limit="1000")
    assert conversation not in [s["conversation_id"] for s in listing["sessions"]]


async def test_expect_replies_returns_the_answer_in_the_body(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = client(bot, connector, http)
    conversation = new_id("conv-expect")
    status, body = await c.post(
        c.activity(conversation, "iris", "Mostre o contrato 8446", deliveryMode="expectReplies")
    )
    import json

    activities = json.loads(body)["activities"]
    assert status == 200 and "Contrato 8446" in activities[-1]["text"]
    assert connector.messages(conversation) == []


async def test_message_text_never_logged_at_info(bot: BotProcess) -> None:
    log = "".join(bot.output)
    assert "turn session=" in log
    assert "Mostre o contrato" not in log


async def test_end_of_conversation_forgets_the_session(bot: BotProcess, connector: FakeConnector, http: Any) -> None:
    c = client(bot, connector, http)
    conversation = new_id("conv-end")
    await c.say(conversation, "nina", "Mostre o contrato 8446")
    end = {**c.activity(conversation, "nina", ""), "type": "endOfConversation"}
    end.pop("text")
    assert (await c.post(end))[0] == 200
    _, listing = await c.sessions(limit="1000")
    assert conversation not in [s["conversation_id"] for s in listing["sessions"]]
    assert "qual contrato" in (await c.say(conversation, "nina", "Quantos recursos tem?")).lower()
