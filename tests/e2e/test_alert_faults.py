"""Alerts under faults: opting out while another message arrives, a lost answer to the day's claim, a channel
that hangs during a run. Azurite, the storage proxy, the fake connector and the running bot."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from devhost.azurite import Azurite
from sessions import ReferenceStore

from .harness import Client, FakeConnector, unique_table

PEOPLE = 40


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def references_table() -> str:
    return unique_table()


@pytest.fixture
async def references(azurite: Azurite, references_table: str) -> AsyncIterator[ReferenceStore]:
    store = ReferenceStore.from_connection_string(azurite.connection_string, references_table)
    yield store
    await store.close()


async def test_opting_out_while_sending_another_message_is_never_lost(
    make_bot: Any, connector: FakeConnector, http: Any, references: ReferenceStore, references_table: str
) -> None:
    bot = make_bot(REFERENCES_TABLE=references_table)
    c = Client(bot, connector, http)
    people = [new_id("optout") for _ in range(PEOPLE)]

    async def both_at_once(index: int, person: str) -> None:
        # A first conversation: each turn stores the person's reference for alerts as it goes. The other
        # message follows the command by 0 to 45 ms, so its turn runs against every step of the opt-out.
        stop = c.activity(person, f"{person}-user", "parar alertas")
        other = c.activity(person, f"{person}-user", "Mostre o contrato 8446")

        async def later() -> tuple[int, bytes]:
            await asyncio.sleep((index % 10) * 0.005)
            return await c.post(other)

        statuses = await asyncio.gather(c.post(stop), later())
        assert [s for s, _ in statuses] == [200, 200]

    await asyncio.gather(*(both_at_once(i, person) for i, person in enumerate(people)))
    stored = {r.conversation_id: r for r in await references.all()}
    for person in people:
        assert sum("não vai mais receber alertas" in t for t in connector.texts(person)) == 1
    assert sorted(p for p in people if not stored[p].opted_out) == [], "told opted out, stored opted in"
