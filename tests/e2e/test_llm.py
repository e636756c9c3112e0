"""The LLM engine through the whole bot: the real openai client in the bot process, the fake model here."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from .. import fake_openai as fake
from .harness import BotProcess, Client, FakeConnector


@pytest.fixture(scope="module")
async def model() -> AsyncIterator[fake.FakeOpenAI]:
    server = await fake.FakeOpenAI().start()
    yield server
    await server.stop()


@pytest.fixture(scope="module")
def bot(make_bot: Any, model: fake.FakeOpenAI) -> BotProcess:
    return make_bot(
        ANSWER_ENGINE="llm",
        OPENAI_BASE_URL=model.base_url,
        OPENAI_MODEL="fake-model",
        OPENAI_API_KEY="test-key",
        LLM_TIMEOUT_SECONDS="5",
    )


async def test_concurrent_conversations_never_see_each_other(
    bot: BotProcess, model: fake.FakeOpenAI, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)

    async def talk(name: str) -> None:
        for turn in range(3):
            assert await c.say(f"llm-{name}", f"user-{name}", f"segredo-{name}-{turn}") == f"eco: segredo-{name}-{turn}"

    await asyncio.gather(*(talk(name) for name in ("ana", "bia", "caio")))
    for request in model.requests:
        last = request["body"]["messages"][-1]["content"]
        owner = last.split("-")[1]
        others = [n for n in ("ana", "bia", "caio") if n != owner]
        assert not any(f"segredo-{o}" in request["raw"] for o in others)
        turn = int(last.rsplit("-", 1)[1])
        assert (
            sum(f"segredo-{owner}-" in m["content"] for m in request["body"]["messages"] if m["role"] == "user")
            == turn + 1
        )  # its own history, complete


async def test_model_failure_still_answers(
    bot: BotProcess, model: fake.FakeOpenAI, connector: FakeConnector, http: Any
) -> None:
    model.script = [fake.status(500)]
    reply = await Client(bot, connector, http).say("llm-fail", "dora", "Mostre o contrato 8446")
    assert "Contrato 8446" in reply and "mecanismo interno" in reply


async def test_the_model_answer_carries_the_ai_generated_marker(
    bot: BotProcess, model: fake.FakeOpenAI, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    await c.say("llm-label", "lia", "oi")
    reply = connector.messages("llm-label")[-1]
    markers = [e for e in reply.get("entities") or [] if e.get("type") == "https://schema.org/Message"]
    assert markers and markers[0]["additionalType"] == ["AIGeneratedContent"]
    model.script = [fake.status(500)]
    await c.say("llm-label", "lia", "Mostre o contrato 8446")  # the built-in engine's fallback: no marker
    fallback = connector.messages("llm-label")[-1]
    assert not any("AIGeneratedContent" in str(e) for e in fallback.get("entities") or [])
