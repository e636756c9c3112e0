"""Alerts under faults: opting out while another message arrives, a lost answer to the day's claim, a channel
that hangs during a run. Azurite, the storage proxy, the fake connector and the running bot."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.alerts import AlertRunner
from bot.app import App, build_access, build_app, build_dataset
from bot.settings import Settings
from devhost.azurite import Azurite
from sessions import AlertLog, ConversationRef, ReferenceStore

from ..storage_proxy import StorageProxy
from .harness import Client, FakeConnector, alert_bot_settings, unique_table

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


GESTORES = [f"00000000-0000-0000-0000-{i:012d}" for i in range(1, 5)]


@pytest.fixture
def alert_day(e2e_columns: dict[str, list[Any]]) -> date:
    """The morning after the data's last day (chosen from the data, never from the clock)."""
    return max(date.fromisoformat(d) for d in e2e_columns["d_dt_data"]) + timedelta(days=1)


@pytest.fixture
def alert_settings(tmp_path: Path, azurite: Azurite, e2e_source: Path) -> dict[str, str]:
    policy = tmp_path / "acesso.csv"
    policy.write_text(
        "user,role,resource_id,contracts\n" + "".join(f"{g},gestor,,8446\n" for g in GESTORES), encoding="utf-8"
    )
    return alert_bot_settings(azurite.connection_string, e2e_source, policy)


@pytest.fixture
async def app(alert_settings: dict[str, str]) -> AsyncIterator[App]:
    application = build_app(Settings.from_env(alert_settings))
    yield application
    await application.close()


async def managers_reachable(app: App, connector: FakeConnector) -> list[ConversationRef]:
    """Every manager of the policy has a personal chat the alerts can reach (as after talking to the bot)."""
    refs = [
        ConversationRef(
            channel_id="msteams",
            user_id=f"29:{gestor}",
            conversation_id=new_id("a:alert"),
            service_url=connector.url,
            bot_id="bot",
            tenant_id="contoso",
            object_id=gestor,
        )
        for gestor in GESTORES
    ]
    for ref in refs:
        await app.references.save(ref)
    return refs


def runner(app: App, day: date, log: AlertLog | None = None, **options: float) -> AlertRunner:
    return AlertRunner(
        references=app.references,
        log_store=log or app.alert_log,
        access=build_access(app.settings),
        dataset=build_dataset(app.settings),
        adapter=app.adapter,
        app_id="",
        today=lambda: day,
        **options,
    )


async def test_a_claim_whose_answer_was_lost_is_recognised_as_ours(
    app: App, connector: FakeConnector, alert_day: date, azurite: Azurite, alert_settings: dict[str, str]
) -> None:
    refs = await managers_reachable(app, connector)
    proxy = await StorageProxy(azurite.port).start()
    log = AlertLog.from_connection_string(proxy.connection_string, alert_settings["ALERT_LOG_TABLE"])
    try:
        await log.sent_on(alert_day)  # the table exists: the next POST is a claim
        proxy.lose_responses["POST"] = 1  # storage inserts the claim; its answer never arrives
        first = await runner(app, alert_day, log).run(alert_day)
        again = await runner(app, alert_day, log).run(alert_day)
    finally:
        await log.close()
        await proxy.stop()
    assert proxy.lost == 1
    assert (first.sent, first.failed, first.already_sent) == (len(refs), 0, 0)
    assert all(len(connector.messages(r.conversation_id)) == 1 for r in refs)
    assert (again.sent, again.already_sent) == (0, len(refs))


async def test_a_hanging_channel_cannot_hold_the_run_past_its_budget(
    app: App, connector: FakeConnector, alert_day: date
) -> None:
    refs = await managers_reachable(app, connector)
    release = connector.hold(refs[0].conversation_id, then=500)  # the hung send never succeeds
    try:
        async with asyncio.timeout(90):  # liveness guard: a run that waits on the channel never returns
            first = await runner(app, alert_day, budget_seconds=3.0).run(alert_day)
    finally:
        release.set()
    assert (first.sent, first.failed) == (len(refs) - 1, 1)
    assert all(len(connector.messages(r.conversation_id)) == 1 for r in refs[1:])
    assert connector.messages(refs[0].conversation_id) == []
    second = await runner(app, alert_day).run(alert_day)  # the hung one was released for the next run
    assert (second.sent, second.already_sent) == (1, len(refs) - 1)
    assert len(connector.messages(refs[0].conversation_id)) == 1


async def test_each_send_has_its_own_timeout(app: App, connector: FakeConnector, alert_day: date) -> None:
    refs = await managers_reachable(app, connector)
    release = connector.hold(refs[0].conversation_id, then=500)  # the hung send never succeeds
    try:
        async with asyncio.timeout(90):
            result = await runner(app, alert_day, budget_seconds=300.0, send_timeout_seconds=2.0).run(alert_day)
    finally:
        release.set()
    assert (result.sent, result.failed, result.deferred) == (len(refs) - 1, 1, 0)
