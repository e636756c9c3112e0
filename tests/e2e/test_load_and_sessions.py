"""Many conversations at once, and the /sessions listing."""

from __future__ import annotations

import asyncio
import base64
import json
import re
from typing import Any

import pytest

from ..expected import resources_by_supplier, spans
from .harness import BotProcess, Client, FakeConnector


@pytest.fixture(scope="module")
def bot(make_bot: Any) -> BotProcess:
    return make_bot()


async def test_hundred_conversations_five_turns_no_cross_talk(
    bot: BotProcess, connector: FakeConnector, http: Any, e2e_columns: dict[str, Any]
) -> None:
    people = resources_by_supplier(spans(e2e_columns))
    contracts = sorted(people, key=lambda c: -people[c])[:5]
    c = Client(bot, connector, http)
    conversations = [f"load-{i:03d}" for i in range(100)]

    async def talk(index: int, conversation: str) -> None:
        contract = contracts[index % len(contracts)]
        await c.say(conversation, f"user-{index}", f"Mostre o contrato {contract}")
        for question in (
            "E quantos recursos tem?",
            "Qual o total de horas?",
            "Quantos recursos?",
            f"conversa {conversation}",
        ):
            await c.say(conversation, f"user-{index}", question)

    await asyncio.gather(*(talk(i, conversation) for i, conversation in enumerate(conversations)))
    for index, conversation in enumerate(conversations):
        texts = connector.texts(conversation)
        assert len(texts) == 5
        mine = contracts[index % len(contracts)]
        joined = " ".join(texts[:4])
        assert all(mine in t for t in texts[:4]), texts
        assert not [c for c in contracts if c != mine and re.search(rf"\b{c}\b", joined)]
        for activity in connector.messages(conversation):
            assert activity["conversation"]["id"] == conversation
            assert activity["recipient"]["id"] == f"user-{index}"
    status, listing = await c.sessions(limit="1000")
    assert status == 200 and listing["total_sessions"] == 100
    assert sorted(s["conversation_id"] for s in listing["sessions"]) == conversations
    assert {s["messages_total"] for s in listing["sessions"]} == {10}


async def test_sessions_shape_and_paging(bot: BotProcess, connector: FakeConnector, http: Any) -> None:
    c = Client(bot, connector, http)
    # Enough sessions of its own for three pages, whatever other tests left in the table.
    await asyncio.gather(*(c.say(f"pagina-{i:02d}", f"Pessoa {i}", "oi") for i in range(15)))
    long_id = "p" * 45
    await c.say(long_id, "Usuária Paginada", "Mostre o contrato 8446")
    status, first = await c.sessions(limit="7")
    assert status == 200
    assert set(first) == {"total_sessions", "order", "timeout_minutes", "max_messages", "sessions", "continuation"}
    assert first["timeout_minutes"] == 30 and first["max_messages"] == 20
    assert len(first["sessions"]) == 7 and first["continuation"]
    entry = first["sessions"][0]
    assert set(entry) == {
        "conversation_id",
        "channel_id",
        "user_name",
        "messages_total",
        "messages_kept",
        "created_at",
        "last_activity",
        "idle_minutes",
    }
    assert entry["last_activity"].endswith("+00:00")
    seen = [s["conversation_id"] for s in first["sessions"]]
    token = first["continuation"]
    while token:
        status, page = await c.sessions(limit="7", continuation=token)
        assert status == 200
        seen += [s["conversation_id"] for s in page["sessions"]]
        token = page["continuation"]
    assert len(seen) == len(set(seen)) == first["total_sessions"]
    assert long_id in seen  # full ids: an operator can paste one into make chat --conversation
    assert seen[0] == long_id  # newest activity first
    stamps = [s["last_activity"] for s in first["sessions"]]
    assert stamps == sorted(stamps, reverse=True)
    mine = first["sessions"][0]
    assert (mine["messages_total"], mine["messages_kept"]) == (2, 2)
    assert "Mostre o contrato" not in json.dumps(first)


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "0"},
        {"limit": "1001"},
        {"limit": "-1"},
        {"limit": "abc"},
        {"limit": "1.5"},
        {"limit": ""},
        {"limit": "\u00b2"},
        {"limit": "\u2460"},
        {"limit": "\u0661\u0662"},
        {"continuation": "not-a-token"},
        {"continuation": "eyJ4IjoxfQ"},
        {"continuation": "x" * 5000},
        {"continuation": base64.urlsafe_b64encode(b"[" * 3000 + b"]" * 3000).decode().rstrip("=")},
    ],
)
async def test_sessions_parameter_validation(
    bot: BotProcess, connector: FakeConnector, http: Any, params: dict[str, str]
) -> None:
    status, body = await Client(bot, connector, http).sessions(**params)
    assert status == 400 and "error" in body
