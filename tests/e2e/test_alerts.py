"""Proactive alerts through the real parts: Azurite, the devhost's admin endpoint, the real adapter's
proactive path, and the fake connector (answering 403 / 404 / 429 where a test needs it)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import holidays
import pytest

from bot.app import App, build_app
from bot.settings import Settings

from .. import clock
from ..clock import TODAY
from ..eval.reference import Reference
from ..expected import spans
from .harness import BotProcess, Client, FakeConnector, alert_bot_settings

pytestmark = pytest.mark.dates

COLABORADOR = "00000000-0000-0000-0000-0000000000c7"
GESTOR = "00000000-0000-0000-0000-0000000000g7".replace("g", "a")
# The days the tests run alerts on: the bot process's today, then the next two (each test has its own tables).
RUN_DAYS = (TODAY, TODAY + timedelta(days=1), TODAY + timedelta(days=2))


def last_working_day(today: date) -> date:
    off = holidays.country_holidays("BR", years=[today.year - 1, today.year])
    day = today - timedelta(days=1)
    while day.weekday() >= 5 or day in off:
        day -= timedelta(days=1)
    return day


def last_seven_days(day: date) -> list[str]:
    return [(day - timedelta(days=7)).isoformat(), (day - timedelta(days=1)).isoformat()]


@pytest.fixture(scope="module")
def people(e2e_columns: dict[str, list[Any]]) -> dict[str, Any]:
    rows = spans(e2e_columns)
    reference = Reference(rows)
    # outside the gestor's contract, so the two alerts say different things
    candidates = sorted({r.resource_id for r in rows} - {r.resource_id for r in rows if r.supplier == "8446"})

    def colaborador_has_news(rid: str, day: date) -> bool:
        """Their alert on `day`: a span without clock-out on the last working day, or a missing working day
        in the 7 days before (up to the last day in the data)."""
        lwd = last_working_day(day)
        forgot = any(r.resource_id == rid and r.day == lwd and r.end is None for r in rows)
        missing = reference.missing_days({"period": last_seven_days(day), "person": reference.names[rid]})
        return forgot or missing[0] != "0"

    # A colaborador with something to say on every day the tests run alerts; chosen for all of those days, as
    # a choice made for today alone leaves them with nothing to say a few days later (the window moves).
    me = next((rid for rid in candidates if all(colaborador_has_news(rid, day) for day in RUN_DAYS)), None)
    assert me is not None, f"no colaborador outside 8446 has alerts on each of {RUN_DAYS}"
    missing = reference.missing_days({"period": last_seven_days(TODAY), "person": reference.names[me]})
    for day in RUN_DAYS:  # the gestor always has a digest: entries of 8446 unvalidated for 5+ working days
        cutoff = day
        for _ in range(5):
            cutoff = last_working_day(cutoff)
        assert any(r.supplier == "8446" and not r.validated and r.day < cutoff for r in rows), day
    lwd = last_working_day(TODAY)
    forgot = any(r.resource_id == me and r.day == lwd and r.end is None for r in rows)
    open_8446 = sum(1 for r in rows if r.supplier == "8446" and r.day == lwd and r.end is None)
    monday = TODAY - timedelta(days=TODAY.weekday())
    last_week = [(monday - timedelta(days=7)).isoformat(), (monday - timedelta(days=1)).isoformat()]
    missing_8446 = reference.missing_days({"period": last_week, "contract": "8446"})[0]
    return {
        "me": me,
        "missing": missing,
        "lwd": lwd,
        "forgot": forgot,
        "open_8446": open_8446,
        "missing_8446": missing_8446,
    }


@pytest.fixture(scope="module")
def policy(tmp_path_factory: pytest.TempPathFactory, people: dict[str, Any]) -> Path:
    path = tmp_path_factory.mktemp("alerts") / "acesso.csv"
    path.write_text(
        f"user,role,resource_id,contracts\n{COLABORADOR},colaborador,{people['me']},\n{GESTOR},gestor,,8446\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def settings(policy: Path, azurite: Any, e2e_source: Path) -> dict[str, str]:
    return {
        **alert_bot_settings(azurite.connection_string, e2e_source, policy),
        "ALLOWED_TENANTS": "contoso",
        "SESSION_SWEEP_SCHEDULE": "0 0 0 1 1 *",
        "ALERTS_SCHEDULE": "0 0 0 1 1 *",
    }


@pytest.fixture
def bot(make_bot: Any, settings: dict[str, str]) -> BotProcess:
    return make_bot(**settings)


@pytest.fixture
async def app(settings: dict[str, str]) -> AsyncIterator[App]:
    """The same app in this process, on the same tables: a run's result can be awaited instead of watched for.

    Each test has its own tables, bot and people, so none depends on another having run.
    """
    application = build_app(Settings.from_env(settings), clock=clock.now)
    yield application
    await application.close()


def personal(c: Client, conversation: str, member: str, aad: str | None, text: str, kind: str = "personal") -> dict:
    activity = c.activity(conversation, member, text)
    activity["channelId"] = "msteams"
    activity["from"] = {"id": member, "name": "Pessoa", **({"aadObjectId": aad} if aad else {})}
    activity["conversation"] = {"id": conversation, "conversationType": kind, "tenantId": "contoso"}
    activity["channelData"] = {"tenant": {"id": "contoso"}}
    return activity


async def say(c: Client, conversation: str, member: str, aad: str | None, text: str, kind: str = "personal") -> str:
    before = len(c.connector.messages(conversation))
    status, _ = await c.post(personal(c, conversation, member, aad, text, kind))
    assert status == 200
    return c.connector.messages(conversation)[before].get("text") or ""


@pytest.fixture
async def talked(bot: BotProcess, connector: FakeConnector, http: Any) -> dict[str, str]:
    """The colaborador and the gestor have talked to the bot in personal chat; a group chat too."""
    c = Client(bot, connector, http)
    ids = {"colaborador": f"a:col-{uuid.uuid4().hex[:6]}", "gestor": f"a:ges-{uuid.uuid4().hex[:6]}"}
    await say(c, ids["colaborador"], "29:colaborador", COLABORADOR, "oi")
    await say(c, ids["gestor"], "29:gestor", GESTOR, "oi")
    await say(c, f"19:grupo-{uuid.uuid4().hex[:6]}", "29:gestor-no-grupo", GESTOR, "oi", kind="groupChat")
    return ids


async def test_the_right_alerts_reach_the_right_people(
    bot: BotProcess, connector: FakeConnector, http: Any, talked: dict[str, str], people: dict[str, Any], app: App
) -> None:
    c = Client(bot, connector, http)
    status, _ = await c.post(None, raw=b"", path="/admin/functions/send_alerts")
    assert status == 202
    mine = (await connector.wait_messages(talked["colaborador"], 2))[-1]
    assert mine["text"].startswith("Bom dia! Lembretes dos seus apontamentos:")
    if people["missing"][0] != "0":
        assert "Dias úteis sem apontamento nos últimos 7 dias" in mine["text"] and people["missing"][1] in mine["text"]
    else:
        assert "Dias úteis sem apontamento" not in mine["text"]
    assert (f"Sem saída em {people['lwd']:%d/%m}" in mine["text"]) == people["forgot"]
    card = mine["attachments"][0]["content"]
    assert card["type"] == "AdaptiveCard" and card["actions"][0]["data"]["text"] == "Quais dias eu não apontei?"
    digest = (await connector.wait_messages(talked["gestor"], 2))[-1]["text"]
    assert digest.startswith("Bom dia! No seu contrato 8446:")
    if people["open_8446"]:
        assert f"{people['open_8446']} apontamento" in digest and f"sem saída em {people['lwd']:%d/%m}" in digest
    if people["missing_8446"] != "0":
        assert f"{people['missing_8446']} pessoa" in digest
    again = await app.alerts.run()
    assert again.sent == 0 and again.already_sent == 2  # a second run the same day sends nothing
    references = await app.references.all()
    assert {r.conversation_id for r in references} == set(talked.values())  # never a group chat


async def test_opting_out_stops_alerts_and_opting_in_brings_them_back(
    bot: BotProcess, connector: FakeConnector, http: Any, talked: dict[str, str], app: App
) -> None:
    c = Client(bot, connector, http)

    async def colaborador(text: str) -> str:
        return await say(c, talked["colaborador"], "29:colaborador", COLABORADOR, text)

    assert "não vai mais receber alertas" in await colaborador("Parar alertas")
    assert "desativados" in await colaborador("meus alertas")
    result = await app.alerts.run(TODAY + timedelta(days=1))
    assert result.not_eligible == 1 and result.sent == 1  # the gestor only
    assert "alertas ativados" in await colaborador("ativar alertas")
    assert (await app.alerts.run(TODAY + timedelta(days=2))).sent == 2


async def test_channel_refusals(
    bot: BotProcess, connector: FakeConnector, http: Any, talked: dict[str, str], app: App
) -> None:
    day = TODAY
    connector.statuses[talked["gestor"]] = [429]  # Retry-After: 1 -> sent on the retry
    connector.statuses[talked["colaborador"]] = [500]  # failed: released, retried by the next run
    first = await app.alerts.run(day)
    assert (first.sent, first.failed) == (1, 1)
    second = await app.alerts.run(day)
    assert (second.sent, second.already_sent) == (1, 1)
    connector.statuses[talked["colaborador"]] = [403]  # the user blocked the bot: the reference goes
    gone = await app.alerts.run(day + timedelta(days=1))
    assert gone.removed == 1
    remaining = {r.conversation_id for r in await app.bot._references.all()}  # type: ignore[union-attr]
    assert remaining == {talked["gestor"]}
