"""Idle sessions are forgotten on load, removed by the sweep and no longer listed."""

from __future__ import annotations

import asyncio
from typing import Any

from .harness import Client, FakeConnector

TIMEOUT_MINUTES = 0.02  # 1.2 seconds


async def test_idle_session_is_forgotten_swept_and_unlisted(make_bot: Any, connector: FakeConnector, http: Any) -> None:
    bot = make_bot(SESSION_TIMEOUT_MINUTES=str(TIMEOUT_MINUTES))
    c = Client(bot, connector, http)
    await c.say("expiring", "joana", "Mostre o contrato 8446")
    await c.say("staying", "kleber", "Mostre o contrato 8447")
    _, listing = await c.sessions()
    assert listing["total_sessions"] == 2
    # The subject of this test is the passage of time itself; nothing else could be awaited.
    await asyncio.sleep(TIMEOUT_MINUTES * 60 + 0.5)
    assert "qual contrato" in (await c.say("expiring", "joana", "Quantos recursos tem?")).lower()
    async with http.post(bot.url + "/admin/functions/sweep_sessions") as response:
        assert response.status == 202
    await _until_swept(bot)
    _, listing = await c.sessions()
    assert [s["conversation_id"] for s in listing["sessions"]] == ["expiring"]  # the renewed one
    assert listing["total_sessions"] == 1


async def _until_swept(bot: Any) -> None:
    """The admin call answers 202 before the function runs; its log line says when it ran."""
    for _ in range(200):
        if any("executed sweep_sessions" in line for line in bot.output):
            assert any("sweep scanned=" in line and "deleted=1" in line for line in bot.output)
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the sweep did not run")
