"""Hostile and malformed requests: each gets its status, nothing is written, the bot stays healthy."""

from __future__ import annotations

import json
from typing import Any

import pytest
from azure.data.tables.aio import TableClient

from devhost.azurite import Azurite

from .harness import BotProcess, Client, FakeConnector

VALID = {
    "type": "message",
    "id": "m1",
    "channelId": "webchat",
    "conversation": {"id": "bad-input"},
    "from": {"id": "u1", "name": "U"},
    "recipient": {"id": "bot"},
    "text": "oi",
}


DEAD_CHANNEL = "http://127.0.0.1:9/"  # normal delivery to a channel that is not there: a reply would fail


def with_(**changes: Any) -> dict[str, Any]:
    body = {**VALID, **changes}
    return {k: v for k, v in body.items() if v is not ...}


def nested(depth: int) -> Any:
    value: Any = {}
    for _ in range(depth):
        value = {"x": value}
    return value


# (name, body or raw bytes, headers, method, expected status)
CASES: list[tuple[str, Any, dict[str, str] | None, str, int]] = [
    ("not json", b"{oops", None, "POST", 400),
    ("empty body", b"", None, "POST", 400),
    ("json array", b"[]", None, "POST", 400),
    ("json string", b'"hello"', None, "POST", 400),
    ("json number", b"42", None, "POST", 400),
    ("json null", b"null", None, "POST", 400),
    ("invalid utf-8", b'{"type": "message\xff"}', None, "POST", 400),
    ("missing type", with_(type=...), None, "POST", 400),
    ("empty type", with_(type=""), None, "POST", 400),
    ("type not a string", with_(type=7), None, "POST", 400),
    ("missing channel", with_(channelId=...), None, "POST", 400),
    ("channel not a string", with_(channelId=["webchat"]), None, "POST", 400),
    ("missing conversation", with_(conversation=...), None, "POST", 400),
    ("conversation a string", with_(conversation="c1"), None, "POST", 400),
    ("conversation without id", with_(conversation={}), None, "POST", 400),
    ("conversation id a number", with_(conversation={"id": 5}), None, "POST", 400),
    ("conversation id empty", with_(conversation={"id": " "}), None, "POST", 400),
    ("missing from", with_(**{"from": ...}), None, "POST", 400),
    ("from a list", with_(**{"from": ["u1"]}), None, "POST", 400),
    ("from without id", with_(**{"from": {"name": "x"}}), None, "POST", 400),
    ("text a number", with_(text=123), None, "POST", 400),
    ("text an object", with_(text={"q": "oi"}), None, "POST", 400),
    ("id a number", with_(id=1), None, "POST", 400),
    ("missing service url", dict(VALID), None, "POST", 400),
    ("service url not http", with_(serviceUrl="file:///etc/passwd"), None, "POST", 400),
    ("service url garbage", with_(serviceUrl="::::"), None, "POST", 400),
    ("unknown delivery mode", with_(deliveryMode="carrier-pigeon"), None, "POST", 400),
    ("entities not a list", with_(entities="x", deliveryMode="expectReplies"), None, "POST", 400),
    ("attachments of strings", with_(attachments=["x"], deliveryMode="expectReplies"), None, "POST", 400),
    (
        "members added without id",
        with_(type="conversationUpdate", membersAdded=[{"name": "x"}], deliveryMode="expectReplies"),
        None,
        "POST",
        400,
    ),
    ("bad timestamp", with_(timestamp="yesterday-ish", deliveryMode="expectReplies"), None, "POST", 400),
    (
        "deeply nested body",
        b'{"type": "message", "channelData": ' + b"[" * 20_000 + b"]" * 20_000 + b"}",
        None,
        "POST",
        400,
    ),
    ("nested beyond any activity", with_(channelData=nested(100), deliveryMode="expectReplies"), None, "POST", 400),
    ("huge body", with_(text="a" * 300_000, deliveryMode="expectReplies"), None, "POST", 413),
    ("text/plain", with_(deliveryMode="expectReplies"), {"Content-Type": "text/plain"}, "POST", 415),
    (
        "form encoded",
        with_(deliveryMode="expectReplies"),
        {"Content-Type": "application/x-www-form-urlencoded"},
        "POST",
        415,
    ),
    ("no content type", with_(deliveryMode="expectReplies"), {"Content-Type": ""}, "POST", 415),
    # Lengths no real channel reaches: refused before any work (they used to end in a 503 the channel retries).
    (
        "conversation id of 100,000",
        with_(conversation={"id": "c" * 100_000}, serviceUrl=DEAD_CHANNEL),
        None,
        "POST",
        400,
    ),
    ("conversation id past 4096", with_(conversation={"id": "c" * 4097}, serviceUrl=DEAD_CHANNEL), None, "POST", 400),
    ("user id past 1024", with_(**{"from": {"id": "u" * 1025}}, serviceUrl=DEAD_CHANNEL), None, "POST", 400),
    (
        "user name past 1024",
        with_(**{"from": {"id": "u", "name": "n" * 1025}}, serviceUrl=DEAD_CHANNEL),
        None,
        "POST",
        400,
    ),
    (
        "object id past 1024",
        with_(**{"from": {"id": "u", "aadObjectId": "a" * 1025}}, serviceUrl=DEAD_CHANNEL),
        None,
        "POST",
        400,
    ),
    ("activity id past 1024", with_(id="m" * 1025, serviceUrl=DEAD_CHANNEL), None, "POST", 400),
    ("reply-to id past 1024", with_(replyToId="r" * 1025, serviceUrl=DEAD_CHANNEL), None, "POST", 400),
    ("channel id past 64", with_(channelId="w" * 65, serviceUrl=DEAD_CHANNEL), None, "POST", 400),
    ("service url past 2048", with_(serviceUrl=DEAD_CHANNEL + "s" * 2048), None, "POST", 400),
    ("GET", None, None, "GET", 405),
    ("PUT", with_(deliveryMode="expectReplies"), None, "PUT", 405),
    ("DELETE", None, None, "DELETE", 405),
]


@pytest.fixture(scope="module")
def bot(make_bot: Any) -> BotProcess:
    return make_bot()


@pytest.mark.parametrize(("name", "body", "headers", "method", "expected"), CASES, ids=[c[0] for c in CASES])
async def test_malformed_request(
    bot: BotProcess,
    connector: FakeConnector,
    http: Any,
    name: str,
    body: Any,
    headers: dict[str, str] | None,
    method: str,
    expected: int,
) -> None:
    c = Client(bot, connector, http)
    raw = body if isinstance(body, bytes) else (b"" if body is None else json.dumps(body).encode())
    status, response = await c.post(None, headers=headers, raw=raw, method=method)
    assert status == expected
    if response:
        text = response.decode("utf-8", "replace")
        assert "Traceback" not in text and "Error(" not in text


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 30


async def test_nothing_was_written_and_the_bot_is_healthy(
    bot: BotProcess, connector: FakeConnector, http: Any, azurite: Azurite
) -> None:
    c = Client(bot, connector, http)
    for _name, body, headers, method, _ in CASES:  # the whole table again, in one go
        raw = body if isinstance(body, bytes) else (b"" if body is None else json.dumps(body).encode())
        await c.post(None, headers=headers, raw=raw, method=method)
    table = bot._env["SESSIONS_TABLE"]
    async with TableClient.from_connection_string(azurite.connection_string, table) as client:
        stored = [e async for e in client.list_entities()] if await _exists(client) else []
    assert stored == []
    assert bot.running
    hostile = c.activity("19:x@thread;messageid=1/\\#?\t\x01" + "z" * 2000, "ü\x00ser", "Mostre o contrato 8446")
    status, _ = await c.post(hostile)
    assert status == 200
    assert "Contrato 8446" in connector.texts(hostile["conversation"]["id"])[-1]


async def test_ids_at_their_limits_are_served_and_one_more_is_named(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    conversation = "19:" + "c" * (4096 - 3)
    body = c.activity(conversation, "u" * 1024, "oi", id="m" * 1024, replyToId="r" * 1024)
    body["from"]["name"] = "n" * 1024
    body["serviceUrl"] = connector.url + "/" + "s" * (2048 - len(connector.url) - 1)
    status, _ = await c.post(body)
    assert status == 200
    assert len(connector.texts(conversation)) == 1  # the greeting, delivered under that conversation id
    status, response = await c.post({**body, "conversation": {"id": conversation + "c"}})
    assert (status, json.loads(response)) == (400, {"error": "field conversation.id is longer than 4096 characters"})
    assert connector.texts(conversation + "c") == []


async def _exists(client: TableClient) -> bool:
    from azure.core.exceptions import ResourceNotFoundError

    try:
        async for _ in client.query_entities("PartitionKey eq 'x'"):
            break
        return True
    except ResourceNotFoundError:
        return False
