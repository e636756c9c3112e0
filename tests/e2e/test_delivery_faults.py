"""Answers that must reach the user under faults: a channel that hangs or refuses, a process killed mid-send,
newer turns crowding the outbox. Through the running bot, Azurite and the fake connector."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import aiohttp
import pytest

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
