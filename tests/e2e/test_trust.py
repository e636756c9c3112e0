"""Access that holds on every channel (issue 20): identity only from what the channel authenticates, scope
changes forget the old history, a slow policy source holds nobody, a hanging member lookup is bounded,
shared conversations get no names; plus sessions kept from an older deployment (issue 19).

Through the real parts: the bot under devhost, Azurite, signed tokens from the test issuer, the fake
connector, a local policy server and the fake OpenAI server.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from apontamentos import formatting as fmt
from bot.access import UNCONFIRMED, UNTRUSTED
from bot.app import FAILED
from bot.shared import SENT
from sessions import SessionStore, Turn

from .. import fake_openai as fake
from ..expected import person_net_by_supplier, spans
from ..local_server import LocalServer
from .harness import BotProcess, Client, FakeConnector, TokenIssuer, shown, unique_table

APP_ID = "00000000-aaaa-bbbb-cccc-000000000020"
ADMIN = "00000000-0000-0000-0000-0000000000a2"
GESTOR = "00000000-0000-0000-0000-0000000000b2"
GESTOR_UPN = "gestora.beta@contoso.example"
COLABORADOR = "00000000-0000-0000-0000-0000000000c2"
TENANT = "contoso"


@pytest.fixture(scope="module")
def people(e2e_columns: dict[str, list[Any]]) -> dict[str, Any]:
    rows = spans(e2e_columns)
    hours = person_net_by_supplier(rows)
    names = {r.resource_id: r.name for r in rows}
    only_8447 = sorted(set(hours["8447"]) - set(hours["8446"]))
    in_8446 = sorted(hours["8446"], key=lambda p: -hours["8446"][p])
    return {
        "names": names,
        "hours": hours,
        "me": only_8447[0],  # the colaborador: works in 8447 only
        "top_8446": in_8446[0],
        "others_8446": [p for p in in_8446 if p != only_8447[0]],
    }


def policy_text(people: dict[str, Any], *, gestor_role: str = "gestor") -> str:
    gestor = f"{GESTOR};gestor;;8446" if gestor_role == "gestor" else f"{GESTOR};colaborador;{people['me']};"
    return (
        "user;role;resource_id;contracts\n"
        f"{ADMIN};admin;;\n"
        f"{gestor}\n"
        f"{GESTOR_UPN};gestor;;8446\n"
        f"{COLABORADOR};colaborador;{people['me']};\n"
    )


def teams(
    c: Client, conversation: str, text: str, *, aad: str | None, member: str = "", tenant: str = TENANT, kind="personal"
) -> dict[str, Any]:
    member = member or f"29:{(aad or uuid.uuid4().hex)[-8:]}"
    activity = c.activity(conversation, member, text)
    activity["channelId"] = "msteams"
    activity["from"] = {"id": member, "name": "Pessoa", **({"aadObjectId": aad} if aad else {})}
    activity["conversation"] = {"id": conversation, "conversationType": kind, "tenantId": tenant}
    activity["channelData"] = {"tenant": {"id": tenant}}
    return activity


async def reply_to(c: Client, activity: dict[str, Any], timeout: float = 10) -> str:
    """The text (and card fallback) of the one reply the channel received for `activity`."""
    conversation = activity["conversation"]["id"]
    before = len(c.connector.messages(conversation))
    async with asyncio.timeout(timeout):
        status, _ = await c.post(activity)
    assert status == 200
    replies = c.connector.messages(conversation)[before:]
    assert len(replies) == 1, replies
    return text_of(replies[0])


def text_of(message: dict[str, Any]) -> str:
    """What a person reads (Teams' HTML as text, then the cards), then the cards' fallback texts."""
    fallbacks = [a["content"].get("fallbackText", "") for a in message.get("attachments") or []]
    return "\n".join(part for part in [shown(message), *fallbacks] if part)


def conversation_id() -> str:
    return f"a:{uuid.uuid4().hex[:10]}"


# -- 1. identity only from what the channel authenticates --------------------------------------------


@pytest.fixture(scope="module")
async def issuer() -> AsyncIterator[TokenIssuer]:
    server = await TokenIssuer().start()
    yield server
    await server.stop()


@pytest.fixture(scope="module")
def policy_file(tmp_path_factory: pytest.TempPathFactory, people: dict[str, Any]) -> Path:
    path = tmp_path_factory.mktemp("trust") / "acesso.csv"
    path.write_text(policy_text(people), encoding="utf-8")
    return path


def signed_bot(make_bot: Any, issuer: TokenIssuer, policy: Path, **extra: str) -> BotProcess:
    return make_bot(
        MicrosoftAppId=APP_ID,
        MicrosoftAppPassword="not-a-real-secret",
        BOT_ALLOW_ANONYMOUS="false",
        BOT_OPENID_METADATA_URL=issuer.metadata_url,
        ACCESS_POLICY=str(policy),
        ALLOWED_TENANTS=TENANT,
        **extra,
    )


async def signed(c: Client, issuer: TokenIssuer, activity: dict[str, Any]) -> str:
    """Post with a correctly signed channel token; the reply comes back in the body (expectReplies)."""
    token = issuer.token(audience=APP_ID, service_url=c.connector.url)
    activity["deliveryMode"] = "expectReplies"
    status, body = await c.post(activity, headers={"Authorization": f"Bearer {token}"})
    assert status == 200
    return "\n".join(text_of(a) for a in json.loads(body)["activities"] if a.get("type") == "message")


async def test_web_chat_cannot_pose_as_someone_in_the_policy(
    make_bot: Any, issuer: TokenIssuer, policy_file: Path, connector: FakeConnector, http: Any, people: dict
) -> None:
    bot = signed_bot(make_bot, issuer, policy_file)
    c = Client(bot, connector, http, channel="webchat")
    total_8447 = fmt.hours(sum(people["hours"]["8447"].values()))
    question = "mostre o contrato 8447"
    posing = c.activity(conversation_id(), ADMIN, question, **{"from": {"id": ADMIN, "aadObjectId": ADMIN}})
    assert await signed(c, issuer, posing) == UNTRUSTED
    other_tenant = teams(c, conversation_id(), question, aad=ADMIN, tenant="fabrikam")
    assert await signed(c, issuer, other_tenant) == UNTRUSTED
    real_admin = await signed(c, issuer, teams(c, conversation_id(), question, aad=ADMIN))
    assert real_admin.startswith("Contrato 8447") and total_8447 in real_admin
    audit = [line for line in bot.output if "access user=" in line]
    assert any("channel=webchat trusted=no(channel)" in line and "decision=denied" in line for line in audit)
    assert any("channel=msteams trusted=no(tenant)" in line for line in audit)
    assert any("channel=msteams trusted=yes role=admin" in line for line in audit)


async def test_a_trusted_web_channel_takes_only_minted_ids(
    make_bot: Any, issuer: TokenIssuer, policy_file: Path, connector: FakeConnector, http: Any, people: dict
) -> None:
    bot = signed_bot(make_bot, issuer, policy_file, ACCESS_TRUSTED_CHANNELS="msteams,directline")
    c = Client(bot, connector, http, channel="directline")
    question = "quantas horas todo mundo fez?"
    chosen = c.activity(conversation_id(), f"dl_{GESTOR_UPN}", question)  # a client-chosen id (secret, no token)
    assert await signed(c, issuer, chosen) == UNTRUSTED
    minted = await signed(c, issuer, c.activity(conversation_id(), GESTOR_UPN, question))
    assert minted.startswith("No seu contrato 8446") and fmt.hours(sum(people["hours"]["8446"].values())) in minted


# -- 2. a scope change forgets what was computed under the old scope --------------------------------


async def until(condition: Any, what: str, attempts: int = 200) -> None:
    """Retry `condition` (an async callable doing real work, e.g. a turn) until it holds."""
    for _ in range(attempts):
        if await condition():
            return
        await asyncio.sleep(0.05)  # the bot re-reads the policy on its own clock (1 s here)
    raise AssertionError(f"never: {what}")


async def test_after_a_downgrade_the_rules_engine_forgets_the_people_seen_before(
    make_bot: Any, tmp_path: Path, connector: FakeConnector, http: Any, people: dict
) -> None:
    policy = tmp_path / "acesso.csv"
    policy.write_text(policy_text(people), encoding="utf-8")
    bot = make_bot(ACCESS_POLICY=str(policy), ALLOWED_TENANTS=TENANT, APONTAMENTOS_REFRESH_SECONDS="1")
    c = Client(bot, connector, http)
    other = people["others_8446"][0]
    name = people["names"][other]
    chat = conversation_id()
    before = await reply_to(c, teams(c, chat, f"quantas horas o {name} trabalhou?", aad=GESTOR))
    assert name in before
    policy.write_text(policy_text(people, gestor_role="colaborador"), encoding="utf-8")

    async def downgraded() -> bool:
        probe = await reply_to(c, teams(c, conversation_id(), "quantas horas eu trabalhei?", aad=GESTOR))
        return probe.startswith("Somente os seus apontamentos")

    await until(downgraded, "the policy refresh downgraded the gestor")
    for follow_up in ("e em setembro?", "e no mês passado?"):
        after = await reply_to(c, teams(c, chat, follow_up, aad=GESTOR))
        assert other not in after and name not in after and after != FAILED


@pytest.fixture(scope="module")
async def model() -> AsyncIterator[fake.FakeOpenAI]:
    server = await fake.FakeOpenAI().start()
    yield server
    await server.stop()


async def test_after_a_downgrade_the_model_never_sees_earlier_tool_results(
    make_bot: Any, tmp_path: Path, model: fake.FakeOpenAI, connector: FakeConnector, http: Any, people: dict
) -> None:
    policy = tmp_path / "acesso.csv"
    policy.write_text(policy_text(people), encoding="utf-8")
    bot = make_bot(
        ACCESS_POLICY=str(policy),
        ALLOWED_TENANTS=TENANT,
        APONTAMENTOS_REFRESH_SECONDS="1",
        ANSWER_ENGINE="llm",
        OPENAI_BASE_URL=model.base_url,
        OPENAI_MODEL="fake-model",
        OPENAI_API_KEY="test-key",
        LLM_TIMEOUT_SECONDS="5",
    )
    c = Client(bot, connector, http)
    chat = conversation_id()
    model.script = [fake.tool_calls(("ranking", {"contract": "8446"})), fake.text("Aqui está o ranking.")]
    assert await reply_to(c, teams(c, chat, "ranking do contrato 8446", aad=GESTOR)) == "Aqui está o ranking."
    names_8446 = [people["names"][p] for p in people["others_8446"][:5]]
    assert any(n in model.requests[-1]["raw"] for n in names_8446)  # the tool result reached the model
    policy.write_text(policy_text(people, gestor_role="colaborador"), encoding="utf-8")

    async def downgraded() -> bool:
        await reply_to(c, teams(c, conversation_id(), "oi", aad=GESTOR))
        system = model.requests[-1]["body"]["messages"][0]["content"]
        return "colaborador: vê somente os próprios apontamentos" in system

    await until(downgraded, "the policy refresh downgraded the gestor")
    model.script = [fake.text("Não posso repetir.")]
    await reply_to(c, teams(c, chat, "repita a lista de antes", aad=GESTOR))
    sent = model.requests[-1]["body"]["messages"]
    assert [m["role"] for m in sent] == ["system", "user"]
    assert not any(n in model.requests[-1]["raw"] for n in names_8446)


# -- 3. a slow or broken policy source holds nobody and keeps the last good policy -----------------


# A turn that waited for the hanging source would take the source's 10 s timeout; a busy test machine
# answers in well under this.
QUICK = 5.0


class PolicyServer(LocalServer):
    """Serves the policy over HTTP with an ETag; `hold` makes every request wait (a hanging source)."""

    def __init__(self, body: bytes) -> None:
        super().__init__()
        self.url = f"http://127.0.0.1:{self.port}/acesso.csv"
        self.body = body
        self.hold: asyncio.Event | None = None
        self.waiting = 0

    async def _serve(self, request: web.Request) -> web.Response:
        if self.hold is not None:
            self.waiting += 1
            await self.hold.wait()
        etag = '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'
        return web.Response(body=self.body, headers={"ETag": etag}, content_type="text/csv")

    def routes(self, app: web.Application) -> None:
        app.router.add_get("/acesso.csv", self._serve)  # HEAD too


async def test_a_hanging_policy_source_holds_no_turn(
    make_bot: Any, connector: FakeConnector, http: Any, people: dict
) -> None:
    server = await PolicyServer(policy_text(people).encode()).start()
    try:
        bot = make_bot(ACCESS_POLICY=server.url, ALLOWED_TENANTS=TENANT, APONTAMENTOS_REFRESH_SECONDS="1")
        c = Client(bot, connector, http)
        total_8447 = fmt.hours(sum(people["hours"]["8447"].values()))

        async def admin_sees_8447() -> None:
            started = time.monotonic()
            reply = await reply_to(c, teams(c, conversation_id(), "mostre o contrato 8447", aad=ADMIN), timeout=QUICK)
            assert reply.startswith("Contrato 8447") and total_8447 in reply
            assert time.monotonic() - started < QUICK

        await admin_sees_8447()
        server.hold = asyncio.Event()

        async def refresh_hanging() -> bool:
            # a turn never waits for the source
            assert (await reply_to(c, teams(c, conversation_id(), "oi", aad=ADMIN), timeout=QUICK)).startswith("Olá")
            return server.waiting > 0

        await until(refresh_hanging, "a background refresh reached the hanging source")
        async with asyncio.timeout(QUICK):
            status, listing = await c.sessions()
        assert status == 200 and listing["total_sessions"] >= 2
        await admin_sees_8447()  # the last good policy meanwhile

        server.hold.set()
    finally:
        if server.hold is not None:
            server.hold.set()
        await server.stop()


async def test_a_broken_header_or_a_utf16_file_keeps_the_last_good_policy_and_names_the_line(
    make_bot: Any, tmp_path: Path, connector: FakeConnector, http: Any, people: dict
) -> None:
    policy = tmp_path / "acesso.csv"
    policy.write_text(policy_text(people), encoding="utf-8")
    bot = make_bot(ACCESS_POLICY=str(policy), ALLOWED_TENANTS=TENANT, APONTAMENTOS_REFRESH_SECONDS="1")
    c = Client(bot, connector, http)
    total_8447 = fmt.hours(sum(people["hours"]["8447"].values()))

    async def admin_sees_8447() -> None:
        reply = await reply_to(c, teams(c, conversation_id(), "mostre o contrato 8447", aad=ADMIN))
        assert reply.startswith("Contrato 8447") and total_8447 in reply

    await admin_sees_8447()
    broken = {
        "a broken header": policy_text(people).replace("contracts", "contratos").encode(),
        "a UTF-16 file": policy_text(people).encode("utf-16"),
    }
    for what, body in broken.items():
        logged = len([line for line in bot.output if "access policy refresh failed" in line])
        policy.write_bytes(body)

        async def reported(logged: int = logged) -> bool:
            await admin_sees_8447()  # the last good policy is kept meanwhile and after
            return len([line for line in bot.output if "access policy refresh failed" in line]) > logged

        await until(reported, f"{what} reported")
        line = [line for line in bot.output if "access policy refresh failed" in line][-1]
        assert "ERROR" in line and "line 1:" in line, (what, line)
    await admin_sees_8447()


async def test_a_policy_unreadable_at_start_is_closed(
    make_bot: Any, connector: FakeConnector, http: Any, people: dict
) -> None:
    server = await PolicyServer(policy_text(people).replace("role", "papel").encode()).start()
    try:
        bot = make_bot(ACCESS_POLICY=server.url, ALLOWED_TENANTS=TENANT)
        c = Client(bot, connector, http)
        reply = await reply_to(c, teams(c, conversation_id(), "mostre o contrato 8447", aad=ADMIN))
        assert "ainda não foi configurado" in reply and not any(ch.isdigit() for ch in reply)
    finally:
        await server.stop()


# -- 4. a hanging Teams member lookup --------------------------------------------------------------


async def test_a_hanging_member_lookup_gets_a_clear_answer_within_the_channel_budget(
    make_bot: Any, policy_file: Path, connector: FakeConnector, http: Any
) -> None:
    bot = make_bot(ACCESS_POLICY=str(policy_file), ALLOWED_TENANTS=TENANT)
    c = Client(bot, connector, http)
    member = f"29:hanging-{uuid.uuid4().hex[:6]}"
    connector.members[member] = {"id": member, "name": "Gestora", "userPrincipalName": GESTOR_UPN}
    connector.member_hold = asyncio.Event()
    try:
        started = time.monotonic()
        reply = await reply_to(c, teams(c, conversation_id(), "mostre o contrato 8446", aad=None, member=member))
        assert reply == UNCONFIRMED and time.monotonic() - started < 10
    finally:
        connector.member_hold.set()
        connector.member_hold = None


# -- 5. shared conversations -------------------------------------------------------------------------


async def test_in_a_group_chat_names_go_to_the_personal_chat_and_aggregates_stay(
    make_bot: Any, policy_file: Path, connector: FakeConnector, http: Any, people: dict
) -> None:
    bot = make_bot(ACCESS_POLICY=str(policy_file), ALLOWED_TENANTS=TENANT)
    c = Client(bot, connector, http)
    group = f"19:{uuid.uuid4().hex[:10]}@thread.v2"
    member = f"29:gestor-{uuid.uuid4().hex[:6]}"
    hours = people["hours"]["8446"]
    top = people["top_8446"]

    def ask(text: str, aad: str, member: str) -> dict[str, Any]:
        return teams(c, group, text, aad=aad, member=member, kind="groupChat")

    in_thread = await reply_to(c, ask("ranking de horas do contrato 8446", GESTOR, member))
    assert in_thread == SENT and not any(people["names"][p] in in_thread for p in hours)
    assert connector.created[-1]["members"] == [{"id": member}] and connector.created[-1]["isGroup"] is False
    private = text_of(connector.messages(f"a:personal-{member}")[-1])
    assert f"{people['names'][top]}: {fmt.hours(hours[top])}" in private

    aggregate = await reply_to(c, ask("quantas horas todo mundo fez?", GESTOR, member))
    assert fmt.hours(sum(hours.values())) in aggregate and not any(people["names"][p] in aggregate for p in hours)

    colaborador = f"29:colab-{uuid.uuid4().hex[:6]}"
    own = await reply_to(c, ask("quantas horas eu trabalhei?", COLABORADOR, colaborador))
    assert own == SENT
    mine = text_of(connector.messages(f"a:personal-{colaborador}")[-1])
    assert fmt.hours(sum(h.get(people["me"], 0) for h in people["hours"].values())) in mine


# -- issue 19: a session kept from an older deployment ---------------------------------------------


async def test_a_context_from_an_older_deployment_starts_fresh(
    make_bot: Any, azurite: Any, connector: FakeConnector, http: Any
) -> None:
    table = unique_table()
    bot = make_bot(SESSIONS_TABLE=table)
    c = Client(bot, connector, http)
    store = SessionStore.from_connection_string(
        azurite.connection_string, table, timeout=timedelta(minutes=30), max_messages=20
    )
    stale = {
        "renamed kind": {"v": 2, "question": {"kind": "horas_por_contrato_v0", "contract": "8446"}},
        "older version": {"v": 1, "question": {"kind": "contract_details", "contract": "8446"}},
        "unknown shape": {"v": 2, "question": {"kind": "total_hours", "pessoa": "x"}},
    }
    try:
        for what, context in stale.items():
            conversation = f"old-{uuid.uuid4().hex[:8]}"
            session = await store.load("webchat", conversation, "rui")
            await store.commit(session, Turn(messages=(), context=context))
            reply = await c.say(conversation, "rui", "e em setembro?")
            assert reply != FAILED and "KeyError" not in reply, what
            assert not any("turn error" in line for line in bot.output), what
    finally:
        await store.close()
