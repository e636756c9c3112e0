"""The store under faults: its table disappearing, lost write responses, overlapping sweeps, reply claims."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from azure.data.tables.aio import TableServiceClient

from devhost.azurite import Azurite
from sessions import ClaimedReply, Message, ReplyInFlight, SessionStore, Turn
from sessions.store import REPLY_LEASE

from ..storage_proxy import StorageProxy

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
REPLY = {"type": "message", "text": "Contrato 8446: 12 recursos."}


def answered(text: str, activity_id: str) -> Turn:
    return Turn(
        messages=(Message("user", text, T0), Message("assistant", f"re: {text}", T0)),
        context={"last": text},
        activity_id=activity_id,
        replies=({**REPLY, "text": f"re: {text}"},),
    )


def new_store(connection_string: str, table: str) -> SessionStore:
    return SessionStore.from_connection_string(connection_string, table, timeout=timedelta(minutes=30), max_messages=20)


async def drop_table(azurite: Azurite, table: str) -> None:
    async with TableServiceClient.from_connection_string(azurite.connection_string) as service:
        await service.delete_table(table)


async def test_a_dropped_table_is_created_again_and_every_operation_carries_on(
    table_store: SessionStore, azurite: Azurite, table_name: str
) -> None:
    store = table_store
    ids = ("webchat", "gone", "u")
    await store.commit(await store.load(*ids), answered("antes", "a1"))
    await drop_table(azurite, table_name)

    fresh = await store.load(*ids)
    assert fresh.etag is None and fresh.history == ()
    result = await store.commit(fresh, answered("depois", "a2"))
    assert not result.duplicate
    assert [m.content for m in (await store.load(*ids)).history] == ["depois", "re: depois"]

    await drop_table(azurite, table_name)
    assert (await store.list()).sessions == []
    await drop_table(azurite, table_name)
    assert await store.count() == 0
    await drop_table(azurite, table_name)
    assert (await store.sweep()).scanned == 0


async def test_a_write_whose_response_was_lost_is_recognised_as_our_own(azurite: Azurite, table_name: str) -> None:
    proxy = await StorageProxy(azurite.port).start()
    store = new_store(proxy.connection_string, table_name)
    ids = ("msteams", "lost-response", "u")
    try:
        await store.commit(await store.load(*ids), answered("primeira", "a1"))
        session = await store.load(*ids)
        proxy.lose_responses["PUT"] = 1  # the conditional replace lands; its 200 never arrives
        result = await store.commit(session, answered("segunda", "a2"))
        stored = await store.load(*ids)
    finally:
        await store.close()
        await proxy.stop()
    assert proxy.lost == 1
    assert not result.duplicate, "our own write must not be taken for a redelivery"
    reply = stored.reply_for("a2")
    assert reply is not None and reply.claim == result.claim and not reply.delivered
    assert stored.message_count == 4


async def test_overlapping_sweeps_count_each_deletion_once(store: SessionStore) -> None:
    for i in range(60):
        ids = ("webchat", f"idle-{i}", "u")
        await store.commit(await store.load(*ids, now=T0), answered("oi", f"a{i}"), now=T0)
    later = T0 + timedelta(hours=1)
    results = await asyncio.gather(*(store.sweep(now=later) for _ in range(4)))
    assert sum(r.deleted for r in results) == 60
    assert all(r.deleted + r.kept == r.scanned for r in results)
    assert await store.count(now=T0) == 0


@pytest.fixture
async def committed(store: SessionStore) -> AsyncIterator[tuple[SessionStore, tuple[str, str, str], str]]:
    ids = ("msteams", "claims", "u")
    result = await store.commit(await store.load(*ids, now=T0), answered("oi", "act"), now=T0)
    yield store, ids, result.claim


async def test_a_reply_being_sent_is_not_claimed_within_its_lease(committed: tuple) -> None:
    store, ids, _ = committed
    session = await store.load(*ids, now=T0)
    with pytest.raises(ReplyInFlight):
        await store.claim_reply(session, "act", now=T0 + REPLY_LEASE / 2)


async def test_an_abandoned_reply_is_claimed_by_exactly_one_redelivery(committed: tuple) -> None:
    store, ids, _ = committed
    session = await store.load(*ids, now=T0)
    later = T0 + REPLY_LEASE + timedelta(seconds=1)
    claims = await asyncio.gather(
        *(store.claim_reply(session, "act", now=later) for _ in range(6)), return_exceptions=True
    )
    winners = [c for c in claims if isinstance(c, ClaimedReply)]
    assert len(winners) == 1
    assert all(isinstance(c, ReplyInFlight) for c in claims if c is not winners[0])  # never told "delivered"
    assert winners[0].reply.activities[0]["text"] == "re: oi"


async def test_a_released_reply_is_claimed_at_once_and_a_delivered_one_never(committed: tuple) -> None:
    store, ids, claim = committed
    session = await store.load(*ids, now=T0)
    await store.settle_reply(session, "act", claim, delivered=False)
    session = await store.load(*ids, now=T0)
    claimed = await store.claim_reply(session, "act", now=T0)
    assert claimed is not None
    await store.settle_reply(claimed.session, "act", claimed.reply.claim, delivered=True)
    session = await store.load(*ids, now=T0)
    assert session.reply_for("act").delivered  # type: ignore[union-attr]
    assert await store.claim_reply(session, "act", now=T0 + timedelta(hours=1)) is None


async def test_a_stale_writer_cannot_settle_a_reply_taken_over(committed: tuple) -> None:
    store, ids, first_claim = committed
    session = await store.load(*ids, now=T0)
    taken = await store.claim_reply(session, "act", now=T0 + REPLY_LEASE * 2)
    assert taken is not None
    await store.settle_reply(await store.load(*ids, now=T0), "act", first_claim, delivered=False)
    reply = (await store.load(*ids, now=T0)).reply_for("act")
    assert reply is not None and reply.claim == taken.reply.claim and reply.claimed_at is not None


async def test_an_undelivered_reply_is_kept_while_newer_ones_are_delivered(store: SessionStore) -> None:
    ids = ("msteams", "crowded", "u")
    first = await store.commit(await store.load(*ids, now=T0), answered("primeira", "a0"), now=T0)
    await store.settle_reply(first.session, "a0", first.claim, delivered=False)  # the channel refused it
    for i in range(1, 10):
        result = await store.commit(await store.load(*ids, now=T0), answered(f"t{i}", f"a{i}"), now=T0)
        await store.settle_reply(result.session, f"a{i}", result.claim, delivered=True)
    session = await store.load(*ids, now=T0)
    claimed = await store.claim_reply(session, "a0", now=T0)
    assert claimed is not None and claimed.reply.activities[0]["text"] == "re: primeira"
    # delivered ones still make room for newer ones (four kept, plus the newest, trimmed at the next commit)
    assert [session.reply_for(f"a{i}") is not None for i in range(1, 10)] == [False] * 4 + [True] * 5
