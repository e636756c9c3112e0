"""Fixtures for the end-to-end tests: demo data, the fake connector, bot processes."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from apontamentos.importer import import_columns, write_snapshot
from apontamentos.synthetic import generate
from devhost.azurite import Azurite

from ..clock import TODAY
from .harness import BotProcess, FakeConnector, http_session, unique_table

BotFactory = Callable[..., BotProcess]


@pytest.fixture(scope="session")
def e2e_columns() -> dict[str, list[Any]]:
    # Ends on the tests' today, as the demo data ends on the real one.
    return generate(rows=6000, seed=5, end_date=TODAY)


@pytest.fixture(scope="session")
def e2e_source(tmp_path_factory: pytest.TempPathFactory, e2e_columns: dict[str, list[Any]]) -> Path:
    path = tmp_path_factory.mktemp("data") / "apontamentos.parquet"
    write_snapshot(import_columns(e2e_columns).table, path)
    return path


@pytest.fixture(scope="session")
async def connector() -> AsyncIterator[FakeConnector]:
    fake = await FakeConnector().start()
    yield fake
    await fake.stop()
    assert not fake.unexpected, fake.unexpected


@pytest.fixture(scope="session")
def make_bot(azurite: Azurite, e2e_source: Path) -> Iterator[BotFactory]:
    started: list[BotProcess] = []

    def make(**overrides: str) -> BotProcess:
        settings = {
            "SESSIONS_STORAGE": azurite.connection_string,
            "SESSIONS_TABLE": unique_table(),
            "APONTAMENTOS_SOURCE": str(e2e_source),
            "BOT_ALLOW_ANONYMOUS": "true",
            "SESSION_SWEEP_SCHEDULE": "0 0 0 1 1 *",  # effectively never: tests run the sweep by hand
            "ALERTS_SCHEDULE": "0 0 0 1 1 *",  # and the alerts
            **overrides,
        }
        bot = BotProcess(settings).start()
        started.append(bot)
        return bot

    yield make
    for bot in started:
        bot.stop()


@pytest.fixture
async def http() -> AsyncIterator[Any]:
    async with http_session() as session:
        yield session
