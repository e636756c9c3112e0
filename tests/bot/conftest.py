"""Fixtures for the bot's engine tests: a generated snapshot and the fake model server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from apontamentos.dataset import DatasetProvider
from apontamentos.importer import import_columns, write_snapshot
from apontamentos.synthetic import generate

from ..fake_openai import FakeOpenAI

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="session")
def bot_columns() -> dict[str, list[Any]]:
    return generate(rows=3000, seed=9, end_date=TODAY)


@pytest.fixture(scope="session")
def bot_source(tmp_path_factory: pytest.TempPathFactory, bot_columns: dict[str, list[Any]]) -> Path:
    path = tmp_path_factory.mktemp("bot") / "snapshot.parquet"
    write_snapshot(import_columns(bot_columns).table, path)
    return path


@pytest.fixture(scope="session")
def provider(bot_source: Path) -> DatasetProvider:
    return DatasetProvider(str(bot_source))


@pytest.fixture
async def fake_openai() -> AsyncIterator[FakeOpenAI]:
    server = await FakeOpenAI().start()
    yield server
    await server.stop()
