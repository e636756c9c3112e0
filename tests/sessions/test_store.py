"""The session store contract (against Table Storage in Azurite and in memory; see conftest.py)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from azure.data.tables.aio import TableClient

from devhost.azurite import Azurite
from sessions import (
    Message,
    SessionStore,
    SessionStoreUnavailable,
    Turn,
    session_key,
)
from sessions.entity import ROW_KEY

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def turn(text: str, activity_id: str | None = None, context: dict[str, Any] | None = None) -> Turn:
    return Turn(
        messages=(Message("user", text, T0), Message("assistant", f"re: {text}", T0)),
        context=context if context is not None else {"last": text},
        activity_id=activity_id,
        user_name="Usuária Teste",
    )


async def say(store: SessionStore, ids: tuple[str, str, str], text: str, **kwargs: Any):
    session = await store.load(*ids, now=kwargs.get("now"))
    return await store.commit(session, turn(text, kwargs.get("activity_id")), now=kwargs.get("now"))


async def raw_entity(azurite: Azurite, table: str, ids: tuple[str, str, str]) -> dict[str, Any]:
    async with TableClient.from_connection_string(azurite.connection_string, table) as client:
        return dict(await client.get_entity(session_key(*ids), ROW_KEY))


async def test_unknown_session_is_fresh(store: SessionStore) -> None:
    session = await store.load("msteams", "conv", "user")
    assert session.etag is None
    assert session.history == () and session.context == {} and session.message_count == 0


async def test_commit_then_load_round_trips(store: SessionStore) -> None:
    ids = ("emulator", "conv-1", "user-1")
    await say(store, ids, "Mostre o contrato 8446", activity_id="a1")
    loaded = await store.load(*ids)
    assert [m.content for m in loaded.history] == ["Mostre o contrato 8446", "re: Mostre o contrato 8446"]
    assert loaded.context == {"last": "Mostre o contrato 8446"}
    assert loaded.message_count == 2
    assert loaded.user_name == "Usuária Teste"
    assert loaded.etag is not None


async def test_fifty_concurrent_sessions_are_isolated(store: SessionStore) -> None:
    ids = [("webchat", f"conv-{i}", f"user-{i}") for i in range(50)]
    await asyncio.gather(*(say(store, triple, f"segredo {i}") for i, triple in enumerate(ids)))
    loaded = await asyncio.gather(*(store.load(*triple) for triple in ids))
    for i, session in enumerate(loaded):
        assert [m.content for m in session.history] == [f"segredo {i}", f"re: segredo {i}"]
        assert session.context == {"last": f"segredo {i}"}


HOSTILE_IDS = [
    "a/b\\c#d?e",
    "tab\there",
    "ctrl\x00\x01\x1f\x7fend",
    "19:abc@thread.tacv2;messageid=1700000000000",
    "a:1Xy9_ZqL-long-teams-user-id",
    "7f0e2a10-1b2c-11ef-9a1b-0d1e2f3a4b5c|livechat",
    "x" * 2000,
    "ação-çãõ-日本語-😀",
    "'; DROP TABLE sessions; --",
    "PartitionKey eq 'x'",
    "",
]


@pytest.mark.parametrize("odd", HOSTILE_IDS, ids=range(len(HOSTILE_IDS)))
async def test_hostile_ids_store_and_load(store: SessionStore, odd: str) -> None:
    ids = (odd, odd, odd)
    await say(store, ids, f"oi {odd[:10]}")
    loaded = await store.load(*ids)
    assert loaded.history[0].content == f"oi {odd[:10]}"
    assert loaded.conversation_id == odd


async def test_same_conversation_under_two_channels_or_users_is_separate(store: SessionStore) -> None:
    triples = [
        ("msteams", "19:same@thread", "u1"),
        ("webchat", "19:same@thread", "u1"),
        ("msteams", "19:same@thread", "u2"),
    ]
    for i, triple in enumerate(triples):
        await say(store, triple, f"msg {i}")
    for i, triple in enumerate(triples):
        assert [m.content for m in (await store.load(*triple)).history][0] == f"msg {i}"


async def test_twenty_concurrent_commits_to_one_session_lose_nothing(azurite: Azurite, table_name: str) -> None:
    store = SessionStore.from_connection_string(
        azurite.connection_string, table_name, timeout=timedelta(minutes=30), max_messages=100
    )
    ids = ("msteams", "busy", "u")
    try:
        await asyncio.gather(*(say(store, ids, f"turno {i}", activity_id=f"act-{i}") for i in range(20)))
        session = await store.load(*ids)
    finally:
        await store.close()
    users = [m.content for m in session.history if m.role == "user"]
    assert sorted(users) == sorted(f"turno {i}" for i in range(20))
    assert session.message_count == 40
    for i, message in enumerate(session.history[::2]):  # each user message is followed by its reply
        assert session.history[2 * i + 1].content == f"re: {message.content}"


async def test_cap_keeps_newest_under_concurrency(store: SessionStore) -> None:
    ids = ("msteams", "capped", "u")
    for i in range(15):
        await say(store, ids, f"t{i}")
    session = await store.load(*ids)
    assert len(session.history) == 20
    assert session.history[-2].content == "t14"
    assert session.message_count == 30


async def test_redelivery_sequential_writes_once(store: SessionStore) -> None:
    ids = ("webchat", "redeliver", "u")
    first = await say(store, ids, "oi", activity_id="same")
    second = await say(store, ids, "oi", activity_id="same")
    assert not first.duplicate and second.duplicate
    assert (await store.load(*ids)).message_count == 2


async def test_redelivery_concurrent_writes_once(store: SessionStore) -> None:
    ids = ("webchat", "redeliver-concurrent", "u")
    results = await asyncio.gather(*(say(store, ids, "oi", activity_id="same") for _ in range(8)))
    assert sum(not r.duplicate for r in results) == 1
    assert (await store.load(*ids)).message_count == 2


async def test_idle_session_loads_fresh_before_any_sweep(store: SessionStore) -> None:
    ids = ("webchat", "idle", "u")
    await say(store, ids, "contexto antigo", now=T0)
    later = T0 + timedelta(minutes=31)
    fresh = await store.load(*ids, now=later)
    assert fresh.history == () and fresh.context == {} and fresh.message_count == 0
    assert (await store.load(*ids, now=T0 + timedelta(minutes=29))).context == {"last": "contexto antigo"}
    committed = await store.commit(fresh, turn("novo"), now=later)
    assert [m.content for m in committed.session.history] == ["novo", "re: novo"]
    assert (await store.load(*ids, now=later)).created_at == later


async def test_sweep_deletes_only_idle_sessions(store: SessionStore) -> None:
    for i in range(5):
        await say(store, ("c", f"old-{i}", "u"), "x", now=T0)
    for i in range(3):
        await say(store, ("c", f"new-{i}", "u"), "x", now=T0 + timedelta(minutes=20))
    result = await store.sweep(now=T0 + timedelta(minutes=40))
    assert (result.scanned, result.deleted, result.kept) == (5, 5, 0)
    page = await store.list(now=T0 + timedelta(minutes=40))
    assert sorted(s.conversation_id for s in page.sessions) == [f"new-{i}" for i in range(3)]
    assert (await store.sweep(now=T0 + timedelta(minutes=40))).scanned == 0


class TouchBeforeDelete(TableClient):
    """A real table client that lets a session become active between the sweep's scan and its delete."""

    touch: Any = None

    async def submit_transaction(self, *args: Any, **kwargs: Any) -> Any:
        if self.touch is not None:
            touch, self.touch = self.touch, None
            await touch()
        return await super().submit_transaction(*args, **kwargs)


async def test_session_touched_between_scan_and_delete_survives(azurite: Azurite, table_name: str) -> None:
    timeout = timedelta(minutes=30)
    writer = SessionStore.from_connection_string(
        azurite.connection_string, table_name, timeout=timeout, max_messages=20
    )
    client = TouchBeforeDelete.from_connection_string(azurite.connection_string, table_name)
    sweeper = SessionStore(client_factory=lambda: client, timeout=timeout, max_messages=20)
    ids = ("c", "racy", "u")
    try:
        await say(writer, ids, "antes", now=T0)
        late = T0 + timedelta(minutes=45)
        client.touch = lambda: say(writer, ids, "voltei", now=late)
        result = await sweeper.sweep(now=late)
        survivor = await writer.load(*ids, now=late)
    finally:
        await writer.close()
        await sweeper.close()
    assert (result.scanned, result.deleted, result.kept) == (1, 0, 1)
    assert [m.content for m in survivor.history] == ["voltei", "re: voltei"]


async def test_delete_is_idempotent(store: SessionStore) -> None:
    ids = ("c", "bye", "u")
    await say(store, ids, "x")
    await store.delete(*ids)
    await store.delete(*ids)
    assert (await store.load(*ids)).etag is None


async def test_commit_after_concurrent_delete_recreates(store: SessionStore) -> None:
    ids = ("c", "swept-mid-turn", "u")
    await say(store, ids, "primeiro")
    loaded = await store.load(*ids)
    await store.delete(*ids)
    result = await store.commit(loaded, turn("segundo"))
    assert not result.duplicate
    assert (await store.load(*ids)).history[-1].content == "re: segundo"


async def test_two_hundred_kb_message_commits_within_limits(
    table_store: SessionStore, azurite: Azurite, table_name: str
) -> None:
    ids = ("c", "huge", "u")
    await say(table_store, ids, "ç😀" * 100_000)
    entity = await raw_entity(azurite, table_name, ids)
    _assert_within_limits(entity)
    assert "mensagem truncada" in (await table_store.load(*ids)).history[0].content


async def test_twenty_messages_of_sixty_kb_commit_within_limits(
    table_store: SessionStore, azurite: Azurite, table_name: str
) -> None:
    ids = ("c", "many-big", "u")
    for i in range(10):
        await say(table_store, ids, f"{i:02d}" + "m" * 60_000)
    entity = await raw_entity(azurite, table_name, ids)
    _assert_within_limits(entity)
    session = await table_store.load(*ids)
    assert session.history[-1].content.startswith("re: 09")
    assert all("mensagem truncada" in m.content for m in session.history)
    assert session.message_count == 20


def _assert_within_limits(entity: dict[str, Any]) -> None:
    strings = [v for v in entity.values() if isinstance(v, str)]
    assert all(len(v.encode("utf-16-le")) <= 64 * 1024 for v in strings)
    assert sum(len(v.encode("utf-16-le")) + 2 * len(k) for k, v in entity.items() if isinstance(v, str)) < 1024 * 1024


async def test_listing_2500_sessions_through_pages_reads_no_history(azurite: Azurite, table_name: str) -> None:
    urls: list[str] = []

    def factory() -> TableClient:
        return TableClient.from_connection_string(
            azurite.connection_string, table_name, raw_request_hook=lambda r: urls.append(r.http_request.url)
        )

    store = SessionStore(client_factory=factory, timeout=timedelta(minutes=30), max_messages=20)
    now = T0 + timedelta(minutes=10)
    semaphore = asyncio.Semaphore(50)

    async def add(i: int, at: datetime) -> None:
        async with semaphore:
            await say(store, ("c", f"conv-{i:05d}", "u"), "texto secreto", now=at)

    try:
        await asyncio.gather(
            *(add(i, now) for i in range(2500)), *(add(i, T0 - timedelta(hours=1)) for i in range(2500, 2600))
        )
        urls.clear()
        seen: list[str] = []
        token: str | None = None
        pages = 0
        while True:
            page = await store.list(limit=1000, continuation=token, now=now)
            seen += [s.conversation_id for s in page.sessions]
            assert all(s.history == () for s in page.sessions)
            pages += 1
            token = page.continuation
            if token is None:
                break
        total = await store.count(now=now)
    finally:
        await store.close()
    assert len(seen) == 2500 and len(set(seen)) == 2500
    assert all(int(c.split("-")[1]) < 2500 for c in seen)
    assert pages >= 3
    assert total == 2500
    queries = [u for u in urls if "$filter" in u or "%24filter" in u]
    assert queries and all("select" in u and "History" not in u for u in queries)


async def test_storage_down_raises_typed_error_quickly(table_name: str) -> None:
    server = Azurite().start()
    store = SessionStore.from_connection_string(
        server.connection_string, table_name, timeout=timedelta(minutes=30), max_messages=20
    )
    ids = ("c", "outage", "u")
    try:
        await say(store, ids, "antes da queda")
        session = await store.load(*ids)
        server.stop()
        # A liveness bound, not a performance assertion: a hang here is the bug.
        async with asyncio.timeout(30):
            with pytest.raises(SessionStoreUnavailable):
                await store.load(*ids)
            with pytest.raises(SessionStoreUnavailable):
                await store.commit(session, turn("durante a queda"))
    finally:
        server.stop()
        await store.close()
