"""With session storage unreachable the bot says so, answers 503, and writes nothing."""

from __future__ import annotations

import json
from typing import Any

from devhost.azurite import ACCOUNT, KEY, free_port

from .harness import Client, FakeConnector


async def test_storage_down_gives_503_and_a_portuguese_message(
    make_bot: Any, connector: FakeConnector, http: Any
) -> None:
    dead = (
        f"DefaultEndpointsProtocol=http;AccountName={ACCOUNT};AccountKey={KEY};"
        f"TableEndpoint=http://127.0.0.1:{free_port()}/{ACCOUNT};"
    )
    bot = make_bot(SESSIONS_STORAGE=dead)
    c = Client(bot, connector, http)
    status, body = await c.post(c.activity("down", "olga", "Mostre o contrato 8446"))
    assert status == 503
    assert json.loads(body) == {"error": "session storage temporarily unavailable"}
    assert connector.texts("down") == ["Estou temporariamente indisponível. Tente de novo em alguns instantes."]
    status, _ = await c.sessions()
    assert status == 503
    assert bot.running
