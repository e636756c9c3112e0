"""Teams manners: nothing before a reply in a channel thread, typing in chats, one introduction per team,
the welcome only in personal chat, and the AI-generated marker only on the model's answers."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from bot.cards import card_as_text

from .harness import BotProcess, Client, FakeConnector


@pytest.fixture(scope="module")
def bot(make_bot: Any) -> BotProcess:
    return make_bot()


def teams(c: Client, conversation: str, kind: str, text: str = "", **extra: Any) -> dict[str, Any]:
    activity = c.activity(conversation, "29:pessoa", text, **extra)
    activity["channelId"] = "msteams"
    activity["conversation"] = {"id": conversation, "conversationType": kind, "tenantId": "contoso"}
    activity["channelData"] = {"tenant": {"id": "contoso"}}
    return activity


async def test_in_a_channel_thread_the_reply_comes_alone_and_in_the_thread(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    conversation = f"19:canal-{uuid.uuid4().hex[:6]}@thread.tacv2;messageid=1700000000001"
    activity = teams(c, conversation, "channel", "Mostre o contrato 8446")
    assert (await c.post(activity))[0] == 200
    sent = connector.activities[conversation]
    assert [a["type"] for a in sent] == ["message"]
    # the answer is one card (its first line inside, as the summary too), not a text and then a card
    card = sent[0]["attachments"][0]["content"]
    assert sent[0]["replyToId"] == activity["id"] and sent[0]["summary"] in card_as_text(card)
    assert sent[0]["summary"].startswith("Contrato 8446") and not sent[0].get("text")


async def test_chats_show_typing_first(bot: BotProcess, connector: FakeConnector, http: Any) -> None:
    c = Client(bot, connector, http)
    for kind in ("personal", "groupChat"):
        conversation = f"19:{kind}-{uuid.uuid4().hex[:6]}"
        assert (await c.post(teams(c, conversation, kind, "Mostre o contrato 8446")))[0] == 200
        assert [a["type"] for a in connector.activities[conversation]][-2:] == ["typing", "message"]


async def test_a_team_gets_one_introduction_and_new_members_no_card(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    conversation = f"19:time-{uuid.uuid4().hex[:6]}@thread.tacv2"
    installed = {**teams(c, conversation, "channel"), "type": "conversationUpdate", "membersAdded": [{"id": "bot"}]}
    del installed["text"]
    assert (await c.post(installed))[0] == 200
    joined = {**installed, "id": uuid.uuid4().hex, "membersAdded": [{"id": "29:nova", "name": "Nova Pessoa"}]}
    assert (await c.post(joined))[0] == 200
    sent = connector.messages(conversation)
    assert len(sent) == 1 and "Sou o bot de apontamentos" in sent[0]["text"] and not sent[0].get("attachments")


async def test_the_builtin_engine_answer_carries_no_ai_marker(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    conversation = f"a:{uuid.uuid4().hex[:8]}"
    await c.post(teams(c, conversation, "personal", "Mostre o contrato 8446"))
    reply = connector.messages(conversation)[-1]
    assert not any("AIGeneratedContent" in str(e) for e in reply.get("entities") or [])


async def test_feedback_is_stored_with_engine_and_kind_and_no_text(
    make_bot: Any, connector: FakeConnector, http: Any, azurite: Any
) -> None:
    from azure.data.tables.aio import TableClient

    from .harness import unique_table

    table = unique_table()
    bot = make_bot(FEEDBACK_TABLE=table)
    c = Client(bot, connector, http)
    conversation = f"a:{uuid.uuid4().hex[:8]}"
    await c.post(teams(c, conversation, "personal", "Ranking de horas do contrato 8446"))
    reply = connector.messages(conversation)[-1]
    assert reply["channelData"]["feedbackLoopEnabled"] is True
    message_id = reply["id"]
    value = {"actionName": "feedback", "actionValue": {"reaction": "dislike", "feedback": '{"feedbackText": "errado"}'}}
    invoke = {**teams(c, conversation, "personal"), "type": "invoke", "name": "message/submitAction", "value": value}
    invoke["replyToId"] = message_id
    del invoke["text"]
    status, body = await c.post(invoke)
    assert status == 200
    async with TableClient.from_connection_string(azurite.connection_string, table) as client:
        rows = [dict(e) async for e in client.list_entities()]
    assert [(r["Reaction"], r["Engine"], r["Kind"]) for r in rows] == [("dislike", "rules", "ranking")]
    assert "errado" not in str(rows) and "Ranking de horas" not in str(rows)
    assert any("feedback reaction=dislike engine=rules kind=ranking" in line for line in bot.output)
    for kind in ("messageUpdate", "messageDelete"):  # an edited or deleted message breaks nothing
        changed = {**teams(c, conversation, "personal", "editado"), "type": kind}
        assert (await c.post(changed))[0] == 200
    assert connector.messages(conversation)[-1]["id"] == message_id
