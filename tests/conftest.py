"""Shared fixtures: one in-memory Azurite for the whole run, and a fresh table per test."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta

import pytest

from devhost.azurite import Azurite, AzuriteError
from sessions import SessionStore


@pytest.fixture(scope="session")
def azurite() -> Iterator[Azurite]:
    try:
        server = Azurite().start()
    except AzuriteError as err:
        pytest.fail(f"Azurite could not start; the storage tests need it: {err}", pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def table_name() -> str:
    return "t" + uuid.uuid4().hex[:20]


@pytest.fixture
async def store(azurite: Azurite, table_name: str) -> AsyncIterator[SessionStore]:
    store = SessionStore.from_connection_string(
        azurite.connection_string, table_name, timeout=timedelta(minutes=30), max_messages=20
    )
    yield store
    await store.close()
