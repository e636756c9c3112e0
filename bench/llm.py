"""The LLM path's own overhead per turn (the fake model answers instantly) and prompt size per turn.

    python -m bench.llm [--turns 200]

Runs the real openai client against the tests' OpenAI-compatible server on loopback. Prompt tokens
are the server's estimate (characters / 4) over the 6-turn context scenario. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from datetime import UTC, datetime

from openai import AsyncOpenAI

from apontamentos.dataset import DatasetProvider
from apontamentos.rules import today_in
from bot.engines import RulesEngine
from bot.llm import LlmEngine
from sessions import Session, Turn
from sessions.model import apply_turn
from tests import fake_openai as fake

from .e2e import demo_data

SCENARIO = [
    ("Mostre o contrato 8446", ("contract_details", {"contract": "8446"})),
    ("E quantos recursos tem?", ("contract_resources", {"contract": "8446"})),
    ("Qual o total de horas?", ("total_hours", {"contract": "8446"})),
    ("Agora mostre contrato 8447", ("contract_details", {"contract": "8447"})),
    ("Quantos recursos?", ("contract_resources", {"contract": "8447"})),
    ("Quem não apontou este mês?", ("missing_days", {"period": {"start": "2026-11-01", "end": "2026-11-25"}})),
]


def fresh_session() -> Session:
    now = datetime.now(UTC)
    return Session(
        key="bench",
        channel_id="bench",
        conversation_id="bench",
        user_id="u",
        user_name="Bench",
        created_at=now,
        last_activity=now,
    )


async def timed(engine: LlmEngine, server: fake.FakeOpenAI, turns: int, with_tool: bool) -> list[float]:
    latencies = []
    today = today_in("America/Sao_Paulo")
    for _ in range(turns):
        server.script = [fake.tool_calls(("contract_details", {"contract": "8446"}))] if with_tool else []
        server.script.append(fake.text("ok"))
        started = time.perf_counter()
        await engine.answer(question="Mostre o contrato 8446", session=fresh_session(), user_name="Bench", today=today)
        latencies.append((time.perf_counter() - started) * 1000)
    return sorted(latencies)


async def run(turns: int) -> None:
    server = await fake.FakeOpenAI().start()
    provider = DatasetProvider(str(demo_data()))
    engine = LlmEngine(
        client=AsyncOpenAI(base_url=server.base_url, api_key="k", max_retries=0),
        model="fake",
        dataset=provider,
        fallback=RulesEngine(dataset=provider),
        timeout_seconds=10,
        timezone="America/Sao_Paulo",
    )
    try:
        await timed(engine, server, 10, True)  # warm-up: dataset, connections
        print(f"{'turn kind':<34} {'p50 ms':>8} {'p99 ms':>8}")
        for label, with_tool in (("text answer (1 model call)", False), ("one tool call (2 model calls)", True)):
            latencies = await timed(engine, server, turns, with_tool)
            p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
            print(f"{label:<34} {statistics.median(latencies):>8.2f} {p99:>8.2f}")

        print("\nprompt tokens per model call over the 6-turn context scenario (history carried, tools included):")
        session = fresh_session()
        for number, (question, call) in enumerate(SCENARIO, 1):
            server.requests.clear()
            server.script = [fake.tool_calls(call), fake.text(f"resposta {number}")]
            reply = await engine.answer(
                question=question, session=session, user_name="Bench", today=today_in("America/Sao_Paulo")
            )
            session = apply_turn(session, Turn(messages=reply.history, context={}), None, datetime.now(UTC), 20)
            sizes = [len(r["raw"]) // 4 for r in server.requests]
            print(
                f"  turn {number}: {' + '.join(f'{s:,}' for s in sizes)} = {sum(sizes):,} tokens "
                f"({len(session.history)} history messages)"
            )
    finally:
        await engine.close()
        await server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=200)
    asyncio.run(run(parser.parse_args().turns))


if __name__ == "__main__":
    main()
