"""Session store benchmark against Azurite: a turn (load + commit) versus the raw floor.

    python -m bench.store [--turns 300] [--stored 1000,100000] [--sweep 10000]

Prints turns/s, p50 and p99 at 1, 10 and 100 concurrent conversations; the same turn when its reply
is sent to the channel (load + commit + the merge that records the delivery); the turn with many
sessions already stored; and the time of one sweep over idle sessions. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from azure.core import MatchConditions
from azure.data.tables import UpdateMode
from azure.data.tables.aio import TableClient

from devhost.azurite import Azurite
from sessions import Message, SessionStore, Turn
from sessions.entity import fit_to_limits, to_entity

SENTENCE = "Quantas horas o recurso trabalhou no contrato 8446 em setembro? "


def realistic_turn(i: int) -> Turn:
    now = datetime.now(UTC)
    return Turn(
        messages=(Message("user", SENTENCE[:60], now), Message("assistant", SENTENCE * 6, now)),
        context={"contract": "8446", "turn": i},
        activity_id=f"act-{i}-{time.monotonic_ns()}",
        user_name="Usuária Bench",
        replies=({"type": "message", "text": SENTENCE * 6, "locale": "pt-BR"},),
    )


async def timed(concurrency: int, turns: int, one: Callable[[int, int], Awaitable[None]]) -> dict[str, float]:
    latencies: list[float] = []
    per_worker = max(1, turns // concurrency)

    async def worker(w: int) -> None:
        for t in range(per_worker):
            start = time.perf_counter()
            await one(w, t)
            latencies.append(time.perf_counter() - start)

    start = time.perf_counter()
    await asyncio.gather(*(worker(w) for w in range(concurrency)))
    elapsed = time.perf_counter() - start
    latencies.sort()
    return {
        "tps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
    }


async def seed(store: SessionStore, prefix: str, count: int, at: datetime | None = None) -> None:
    semaphore = asyncio.Semaphore(64)

    async def one(i: int) -> None:
        async with semaphore:
            session = await store.load("bench", f"{prefix}-{i}", "u", now=at)
            for k in range(10):  # 20 messages: a full history at the default cap
                session = (await store.commit(session, realistic_turn(k), now=at)).session

    await asyncio.gather(*(one(i) for i in range(count)))


async def seed_small(store: SessionStore, prefix: str, count: int, at: datetime | None = None) -> None:
    semaphore = asyncio.Semaphore(64)

    async def one(i: int) -> None:
        async with semaphore:
            session = await store.load("bench", f"{prefix}-{i}", "u", now=at)
            await store.commit(session, realistic_turn(0), now=at)

    await asyncio.gather(*(one(i) for i in range(count)))


async def run(args: argparse.Namespace) -> None:
    with Azurite() as azurite:
        store = SessionStore.from_connection_string(
            azurite.connection_string, "bench", timeout=timedelta(minutes=30), max_messages=20
        )
        raw = TableClient.from_connection_string(azurite.connection_string, "bench")
        await seed(store, "conv", 100)
        sample = fit_to_limits(await store.load("bench", "conv-0", "u"))
        entity_template = to_entity(sample)
        print(
            f"session entity: {sum(len(str(v)) for v in entity_template.values()):,} characters, "
            f"{len(sample.history)} messages"
        )

        async def store_turn(w: int, t: int) -> None:
            session = await store.load("bench", f"conv-{w}", "u")
            await store.commit(session, realistic_turn(t))

        async def delivered_turn(w: int, t: int) -> None:
            session = await store.load("bench", f"conv-{w}", "u")
            turn = realistic_turn(t)
            result = await store.commit(session, turn)
            assert turn.activity_id is not None
            await store.settle_reply(result.session, turn.activity_id, result.claim, delivered=True)

        async def floor_turn(w: int, t: int) -> None:
            entity = await raw.get_entity(store_key(w), "session")
            replacement = {**entity_template, "PartitionKey": entity["PartitionKey"]}
            await raw.update_entity(
                replacement,
                mode=UpdateMode.REPLACE,
                etag=entity.metadata["etag"],
                match_condition=MatchConditions.IfNotModified,
            )

        def store_key(w: int) -> str:
            from sessions import session_key

            return session_key("bench", f"conv-{w}", "u")

        print(
            f"\n{'concurrency':>11} {'store t/s':>10} {'p50 ms':>8} {'p99 ms':>8} "
            f"{'floor t/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'ratio p50':>9} "
            f"{'delivered p50':>13} {'p99 ms':>8} {'delivered/store':>15}"
        )
        for concurrency in (1, 10, 100):
            await timed(concurrency, min(args.turns, 100), store_turn)  # warm-up
            s = await timed(concurrency, args.turns, store_turn)
            f = await timed(concurrency, args.turns, floor_turn)
            d = await timed(concurrency, args.turns, delivered_turn)
            print(
                f"{concurrency:>11} {s['tps']:>10.0f} {s['p50']:>8.2f} {s['p99']:>8.2f} "
                f"{f['tps']:>10.0f} {f['p50']:>8.2f} {f['p99']:>8.2f} {s['p50'] / f['p50']:>9.2f} "
                f"{d['p50']:>13.2f} {d['p99']:>8.2f} {d['p50'] / s['p50']:>15.2f}"
            )

        print(
            f"\n{'stored sessions':>15} {'store t/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'floor t/s':>9} {'p50 ms':>8} "
            f"{'ratio p50':>9}   (10 concurrent)"
        )
        stored = 100
        for target in args.stored:
            await seed_small(store, f"filler-{target}", target - stored)
            stored = target
            s = await timed(10, args.turns, store_turn)
            f = await timed(10, args.turns, floor_turn)
            print(
                f"{target:>15,} {s['tps']:>9.0f} {s['p50']:>8.2f} {s['p99']:>8.2f} {f['tps']:>9.0f} {f['p50']:>8.2f} "
                f"{s['p50'] / f['p50']:>9.2f}"
            )

        sweeper = SessionStore.from_connection_string(
            azurite.connection_string, "sweep", timeout=timedelta(minutes=30), max_messages=20
        )
        await seed_small(sweeper, "idle", args.sweep, at=datetime.now(UTC) - timedelta(hours=1))
        start = time.perf_counter()
        result = await sweeper.sweep()
        print(
            f"\nsweep over {args.sweep:,} idle sessions: {time.perf_counter() - start:.2f} s "
            f"(scanned {result.scanned:,}, deleted {result.deleted:,})"
        )
        await sweeper.close()
        await raw.close()
        await store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("--stored", type=lambda s: [int(x) for x in s.split(",")], default=[1000, 100_000])
    parser.add_argument("--sweep", type=int, default=10_000)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
