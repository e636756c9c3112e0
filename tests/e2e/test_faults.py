"""Faults and hostile input through the running bot: nothing lost, nothing twice, no 5xx."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from azure.data.tables.aio import TableServiceClient

from devhost.azurite import Azurite

from ..storage_proxy import StorageProxy
from .harness import BotProcess, Client, FakeConnector, TokenIssuer

APP_ID = "00000000-aaaa-bbbb-cccc-000000000009"


@pytest.fixture(scope="module")
def bot(make_bot: Any) -> BotProcess:
    return make_bot()


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


async def listed_messages(c: Client, conversation: str) -> list[int]:
    _, listing = await c.sessions(limit="1000")
    return [s["messages_total"] for s in listing["sessions"] if s["conversation_id"] == conversation]


async def test_the_bot_recovers_when_its_table_is_dropped(
    bot: BotProcess, connector: FakeConnector, http: Any, azurite: Azurite
) -> None:
    c = Client(bot, connector, http)
    conversation = new_id("dropped")
    await c.say(conversation, "ana", "Mostre o contrato 8446")
    async with TableServiceClient.from_connection_string(azurite.connection_string) as service:
        await service.delete_table(bot._env["SESSIONS_TABLE"])
    status, _ = await c.sessions()
    assert status == 200
    assert "Contrato 8447" in await c.say(conversation, "ana", "Mostre o contrato 8447")
    assert await listed_messages(c, conversation) == [2]


async def test_an_answer_whose_commit_response_was_lost_still_reaches_the_user(
    make_bot: Any, connector: FakeConnector, http: Any, azurite: Azurite
) -> None:
    proxy = await StorageProxy(azurite.port).start()
    try:
        bot = make_bot(SESSIONS_STORAGE=proxy.connection_string)
        c = Client(bot, connector, http)
        conversation = new_id("lost-write")
        await c.say(conversation, "bia", "Mostre o contrato 8446")
        proxy.lose_responses["PUT"] = 1  # the second turn's conditional replace
        reply = await c.say(conversation, "bia", "Mostre o contrato 8447")
        assert proxy.lost == 1
        assert "Contrato 8447" in reply
    finally:
        await proxy.stop()


async def test_an_answer_the_channel_refused_is_delivered_once_on_redelivery(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    conversation = new_id("refused")
    activity = c.activity(conversation, "caio", "Mostre o contrato 8446")
    connector.failing.add(conversation)
    status, body = await c.post(activity)
    assert status == 503 and "error" in json.loads(body)
    assert connector.messages(conversation) == []
    assert await listed_messages(c, conversation) == [2]  # the turn is committed

    connector.failing.discard(conversation)
    assert (await c.post(activity))[0] == 200
    assert len(connector.messages(conversation)) == 1
    assert "Contrato 8446" in connector.texts(conversation)[0]
    statuses = await asyncio.gather(*(c.post(activity) for _ in range(4)))
    assert {s for s, _ in statuses} == {200}
    assert len(connector.messages(conversation)) == 1, "a delivered answer is never sent twice"
    assert await listed_messages(c, conversation) == [2]


async def test_an_expect_replies_redelivery_returns_the_committed_answer(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    conversation = new_id("expect-again")
    activity = c.activity(conversation, "duda", "Mostre o contrato 8446", deliveryMode="expectReplies")
    first = json.loads((await c.post(activity))[1])["activities"]
    second = json.loads((await c.post(activity))[1])["activities"]
    assert [a["text"] for a in second] == [a["text"] for a in first]
    assert "Contrato 8446" in first[-1]["text"]
    assert await listed_messages(c, conversation) == [2]


async def test_lone_surrogates_from_the_channel_never_break_a_response(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    conversation = "sur\ud800rogate-" + uuid.uuid4().hex[:6]
    message = c.activity(conversation, "u\udfffser", "Mostre o contrato 8446", deliveryMode="expectReplies")
    message["from"]["name"] = "Nome \ud83d quebrado"
    status, body = await c.post(message)
    assert status == 200
    reply = json.loads(body.decode("utf-8"))  # strict UTF-8: would fail on an encoded surrogate
    assert "Contrato 8446" in reply["activities"][-1]["text"]
    assert reply["activities"][-1]["conversation"]["id"] == conversation.replace("\ud800", "\ufffd")
    update = {
        **c.activity(conversation, "u\udfffser", "", deliveryMode="expectReplies"),
        "type": "conversationUpdate",
        "membersAdded": [{"id": "novo", "name": "Pessoa \udc00 nova"}],
    }
    status, body = await c.post(update)
    assert status == 200
    welcome = json.loads(body.decode("utf-8"))["activities"][0]["attachments"][0]["content"]
    assert "Pessoa \ufffd nova" in welcome["body"][0]["text"]


async def test_more_service_urls_than_the_client_cache_holds(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    conversations = [new_id(f"region-{i}") for i in range(70)]
    for i, conversation in enumerate(conversations):
        activity = c.activity(conversation, "eli", "oi", serviceUrl=f"{connector.url}/tenant-{i}/")
        assert (await c.post(activity))[0] == 200, i
    assert all(len(connector.messages(conversation)) == 1 for conversation in conversations)
    assert {f"tenant-{i}" for i in range(70)} <= set(connector.prefixes)
    assert bot.running


async def test_an_activity_without_recipient_is_answered(bot: BotProcess, connector: FakeConnector, http: Any) -> None:
    c = Client(bot, connector, http)
    conversation = new_id("no-recipient")
    activity = c.activity(conversation, "fred", "Mostre o contrato 8446", channelId="emulator")
    del activity["recipient"]
    assert (await c.post(activity))[0] == 200
    assert "Contrato 8446" in connector.texts(conversation)[-1]


def invoke(c: Client, conversation: str, name: str, value: Any) -> dict[str, Any]:
    activity = c.activity(conversation, "gabi", "", type="invoke", name=name, value=value)
    del activity["text"]
    return activity


async def test_universal_action_is_answered_with_a_card(bot: BotProcess, connector: FakeConnector, http: Any) -> None:
    c = Client(bot, connector, http, "msteams")
    conversation = new_id("execute")
    value = {"action": {"type": "Action.Execute", "verb": "ask", "data": {"text": "Mostre o contrato 8446"}}}
    status, body = await c.post(invoke(c, conversation, "adaptiveCard/action", value))
    assert status == 200
    response = json.loads(body)
    assert response["statusCode"] == 200
    assert response["type"] == "application/vnd.microsoft.card.adaptive"
    card = response["value"]
    assert card["type"] == "AdaptiveCard" and "Contrato 8446" in card["body"][0]["text"]
    assert connector.messages(conversation) == []  # the card is the answer


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("adaptiveCard/action", None),
        ("adaptiveCard/action", {"action": {"type": "Action.Submit"}}),
        ("adaptiveCard/action", "text"),
        ("composeExtension/query", {"commandId": "x"}),
        ("unknown/thing", {}),
        ("", {}),
    ],
)
async def test_invokes_the_bot_does_not_handle_get_a_clean_4xx(
    bot: BotProcess, connector: FakeConnector, http: Any, name: str, value: Any
) -> None:
    c = Client(bot, connector, http, "msteams")
    status, body = await c.post(invoke(c, new_id("invoke"), name, value))
    assert 400 <= status < 500
    assert "Traceback" not in body.decode()


@pytest.fixture
async def issuer() -> AsyncIterator[TokenIssuer]:
    server = await TokenIssuer().start()
    yield server
    if server.stalled is not None:
        server.stalled.set()
    await server.stop()


def authenticated_bot(make_bot: Any, issuer: TokenIssuer) -> BotProcess:
    return make_bot(
        MicrosoftAppId=APP_ID,
        MicrosoftAppPassword="not-a-real-secret",
        BOT_ALLOW_ANONYMOUS="false",
        BOT_OPENID_METADATA_URL=issuer.metadata_url,
    )


async def test_a_stalled_key_fetch_blocks_nothing_else(
    make_bot: Any, issuer: TokenIssuer, connector: FakeConnector, http: Any
) -> None:
    issuer.stalled = asyncio.Event()
    bot = authenticated_bot(make_bot, issuer)
    c = Client(bot, connector, http)
    token = issuer.token(audience=APP_ID, service_url=connector.url)
    activity = c.activity(new_id("stall"), "hana", "oi", deliveryMode="expectReplies")
    message = asyncio.ensure_future(c.post(activity, headers={"Authorization": f"Bearer {token}"}))
    while issuer.metadata_fetches == 0:  # the bot is now waiting for the issuer
        await asyncio.sleep(0.01)
    status, _ = await asyncio.wait_for(c.sessions(), timeout=30)  # hang guard, not a timing assertion
    assert status == 200 and not message.done()
    status, body = await asyncio.wait_for(message, timeout=60)
    assert status == 503 and json.loads(body) == {"error": "token signing keys temporarily unavailable"}


async def test_a_failing_issuer_is_not_asked_again_on_every_request(
    make_bot: Any, issuer: TokenIssuer, connector: FakeConnector, http: Any
) -> None:
    issuer.failing = True
    bot = authenticated_bot(make_bot, issuer)
    c = Client(bot, connector, http)
    token = issuer.token(audience=APP_ID, service_url=connector.url)
    for _ in range(5):
        activity = c.activity(new_id("failing"), "iago", "oi", deliveryMode="expectReplies")
        status, _ = await c.post(activity, headers={"Authorization": f"Bearer {token}"})
        assert status == 503
    assert issuer.metadata_fetches == 1
