"""The session store contract runs against every implementation: each test here that takes `store` runs
once with Table Storage (Azurite) and once in memory. Tests of what only Table Storage does (its entity
limits on the wire, a dropped table, lost responses) take `table_store`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from sessions import MemorySessionStore, SessionStore, SessionStoreProtocol


@pytest.fixture(params=["table", "memory"])
async def store(request: pytest.FixtureRequest) -> AsyncIterator[SessionStoreProtocol]:
    options = {"timeout": timedelta(minutes=30), "max_messages": 20}
    if request.param == "memory":
        implementation: SessionStoreProtocol = MemorySessionStore(**options)
    else:
        azurite = request.getfixturevalue("azurite")
        table = request.getfixturevalue("table_name")
        implementation = SessionStore.from_connection_string(azurite.connection_string, table, **options)
    yield implementation
    await implementation.close()


@pytest.fixture
async def table_store(azurite: object, table_name: str) -> AsyncIterator[SessionStore]:
    store = SessionStore.from_connection_string(
        azurite.connection_string,  # type: ignore[attr-defined]
        table_name,
        timeout=timedelta(minutes=30),
        max_messages=20,
    )
    yield store
    await store.close()
