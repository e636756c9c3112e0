"""Answers that must reach the user under faults: a channel that hangs or refuses, a process killed mid-send,
newer turns crowding the outbox. Through the running bot, Azurite and the fake connector."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from apontamentos.importer import import_columns, write_snapshot
from apontamentos.synthetic import generate
from bot.cards import MAX_ACTIVITY_BYTES, TOO_BIG

from .harness import BotProcess, Client, FakeConnector, unique_table

# How many redeliveries a channel makes before the reply's 20 s lease has surely passed; each one the
# bot holds for at most its bounded wait. A guard against looping forever, not a timing assertion.
MAX_REDELIVERIES = 12


@pytest.fixture(scope="module")
def bot(make_bot: Any) -> BotProcess:
    return make_bot()


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


async def test_a_redelivery_while_the_reply_is_being_sent_is_not_told_done(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    conversation = new_id("lease")
    activity = c.activity(conversation, "ana", "Mostre o contrato 8446")
    release = connector.hold(conversation, then=500)
    first = asyncio.ensure_future(c.post(activity))
    await connector.wait_held(conversation)  # the first attempt is sending; the channel hangs

    status, _ = await c.post(activity)  # the channel's redelivery meanwhile
    assert status == 503, "a 2xx here would end the channel's retries while the answer may still be lost"

    release.set()  # and then the first send fails
    assert (await first)[0] == 503
    assert connector.messages(conversation) == []

    status, _ = await c.post(activity)  # the channel retries once more
    assert status == 200
    assert len(connector.messages(conversation)) == 1
    assert "Contrato 8446" in connector.texts(conversation)[0]


async def test_a_redelivery_that_waits_for_a_send_which_succeeds_gets_200_and_no_copy(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    conversation = new_id("lease-ok")
    activity = c.activity(conversation, "bia", "Mostre o contrato 8447")
    release = connector.hold(conversation)
    first = asyncio.ensure_future(c.post(activity))
    await connector.wait_held(conversation)
    again = asyncio.ensure_future(c.post(activity))
    release.set()
    assert (await first)[0] == 200
    assert (await again)[0] == 200
    assert len(connector.messages(conversation)) == 1


async def test_a_reply_whose_sender_was_killed_mid_send_is_sent_once_after_its_lease(
    make_bot: Any, connector: FakeConnector, http: Any
) -> None:
    table = unique_table()
    doomed, other = make_bot(SESSIONS_TABLE=table), make_bot(SESSIONS_TABLE=table)  # two instances, one table
    c = Client(doomed, connector, http)
    conversation = new_id("sigkill")
    activity = c.activity(conversation, "caio", "Mostre o contrato 8446")
    connector.hold(conversation)  # never released: the send hangs until the process dies
    first = asyncio.ensure_future(c.post(activity))
    await connector.wait_held(conversation)
    doomed.kill()
    with pytest.raises(aiohttp.ClientError):
        await first

    survivor = Client(other, connector, http)
    statuses = [(await survivor.post(activity))[0]]
    assert statuses == [503], "the reply is committed but undelivered: the channel must keep retrying"
    while statuses[-1] != 200 and len(statuses) < MAX_REDELIVERIES:
        statuses.append((await survivor.post(activity))[0])
    assert statuses[-1] == 200 and set(statuses[:-1]) == {503}
    for _ in range(3):  # later redeliveries find it delivered
        assert (await survivor.post(activity))[0] == 200
    assert len(connector.messages(conversation)) == 1
    assert "Contrato 8446" in connector.texts(conversation)[0]


async def test_an_undelivered_reply_survives_newer_delivered_turns(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    conversation = new_id("crowded")
    first = c.activity(conversation, "duda", "Mostre o contrato 8446")
    connector.statuses[conversation] = [503]
    assert (await c.post(first))[0] == 503
    for question in ("oi", "Mostre o contrato 8447", "Quais contratos temos?", "oi", "Mostre o contrato 8447"):
        await c.say(conversation, "duda", question)
    assert not any("Contrato 8446" in text for text in connector.texts(conversation))

    assert (await c.post(first))[0] == 200  # the channel's redelivery of the first activity
    delivered = [text for text in connector.texts(conversation) if "Contrato 8446" in text]
    assert len(delivered) == 1
    assert len(connector.messages(conversation)) == 6


@pytest.fixture(scope="module")
def large_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 860 people: a ranking of everyone is the long answer that used to exceed the channel's limit."""
    path = tmp_path_factory.mktemp("large") / "apontamentos.parquet"
    write_snapshot(import_columns(generate(rows=60_000, seed=11, end_date=date(2026, 11, 27))).table, path)
    return path


async def test_a_very_long_answer_stays_under_the_size_budget(
    make_bot: Any, large_source: Path, connector: FakeConnector, http: Any
) -> None:
    c = Client(make_bot(APONTAMENTOS_SOURCE=str(large_source)), connector, http)
    conversation = new_id("huge")
    connector.max_bytes = 40_000  # stricter than Teams (about 100 KB, 80 KB recommended)
    try:
        await c.say(conversation, "eva", "ranking de horas top 999")
    finally:
        connector.max_bytes = None
    message = connector.messages(conversation)[-1]
    del message["id"]  # the channel's, added on arrival
    assert len(json.dumps(message, ensure_ascii=True, separators=(",", ":"))) <= MAX_ACTIVITY_BYTES
    card = message["attachments"][0]["content"]
    table = next(element for element in card["body"] if element["type"] == "Table")
    note = next(e["text"] for e in card["body"] if e["type"] == "TextBlock" and e["text"].startswith("Linhas"))
    total = int(note.split(" de ")[1].split(".")[0])
    assert total > 500 and len(table["rows"]) - 1 < total  # one page of the ranking, and how many there are
    assert "e mais" in card["fallbackText"] and "linhas" in card["fallbackText"]  # a summary, not 860 lines


async def test_a_reply_the_channel_refuses_as_too_large_becomes_a_short_reply(
    bot: BotProcess, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    conversation = new_id("too-large")
    connector.max_bytes = 2_000  # a channel whose limit is below the bot's budget
    try:
        status, _ = await c.post(c.activity(conversation, "fabi", "ranking de horas top 999"))
    finally:
        connector.max_bytes = None
    assert status == 200
    assert connector.refused_sizes and min(connector.refused_sizes) > 2_000
    assert connector.texts(conversation) == [TOO_BIG]
