"""Who may see what, through HTTP with Teams-shaped activities: a role x question matrix for both engines."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from apontamentos import formatting as fmt

from .. import fake_openai as fake
from ..expected import person_net_by_supplier, spans
from .harness import BotProcess, Client, FakeConnector, shown

ADMIN = "00000000-0000-0000-0000-0000000000a1"
GESTOR = "Gestora.Alfa@Contoso.example"
OTHER_PEOPLE = "Não posso mostrar dados de outras pessoas."


@pytest.fixture(scope="module")
def people(e2e_columns: dict[str, list[Any]]) -> dict[str, Any]:
    rows = spans(e2e_columns)
    by_supplier = person_net_by_supplier(rows)
    names = {r.resource_id: r.name for r in rows}
    in_8446 = set(by_supplier["8446"])
    only_8447 = sorted(set(by_supplier["8447"]) - in_8446)
    me = only_8447[0]
    outsider = only_8447[1]
    return {
        "rows": rows,
        "names": names,
        "hours_8446": by_supplier["8446"],
        "colaborador": me,
        "colaborador_hours": sum(r.net or 0 for r in rows if r.resource_id == me),
        "outsider": outsider,
    }


@pytest.fixture(scope="module")
def policy(tmp_path_factory: pytest.TempPathFactory, people: dict[str, Any]) -> Path:
    path = tmp_path_factory.mktemp("policy") / "acesso.csv"
    path.write_text(
        "\ufeffuser;role;resource_id;contracts\n"
        f"{ADMIN};admin;;\n"
        f"{GESTOR};gestor;;8446\n"
        f"00000000-0000-0000-0000-0000000000c1;colaborador;{people['colaborador']};\n"
        f"upn.only@contoso.example;colaborador;{people['colaborador']};\n"
        "broken-row;chefe;;\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def bot(make_bot: Any, policy: Path) -> BotProcess:
    return make_bot(ACCESS_POLICY=str(policy), ALLOWED_TENANTS="contoso")


def teams(c: Client, conversation: str, text: str, *, member: str, aad: str | None, name: str = "Pessoa") -> dict:
    activity = c.activity(conversation, member, text)
    activity["channelId"] = "msteams"
    activity["from"] = {"id": member, "name": name, **({"aadObjectId": aad} if aad else {})}
    activity["conversation"] = {"id": conversation, "conversationType": "personal", "tenantId": "contoso"}
    activity["channelData"] = {"tenant": {"id": "contoso"}}
    return activity


async def ask(c: Client, text: str, *, aad: str | None, member: str | None = None, name: str = "Pessoa") -> str:
    conversation = f"a:{uuid.uuid4().hex[:10]}"
    member = member or f"29:{uuid.uuid4().hex[:10]}"
    before = len(c.connector.messages(conversation))
    status, _ = await c.post(teams(c, conversation, text, member=member, aad=aad, name=name))
    assert status == 200
    replies = c.connector.messages(conversation)[before:]
    assert len(replies) == 1, replies
    cards = [a["content"].get("fallbackText", "") for a in replies[0].get("attachments") or []]
    text = shown({**replies[0], "attachments": []})  # Teams' HTML as the text a person reads
    return "\n".join(part for part in (text, *cards) if part)


async def test_colaborador_sees_only_their_own_entries(
    bot: BotProcess, connector: FakeConnector, http: Any, people: dict[str, Any]
) -> None:
    c = Client(bot, connector, http)
    aad = "00000000-0000-0000-0000-0000000000c1"
    own = await ask(c, "quantas horas eu trabalhei?", aad=aad)
    assert people["names"][people["colaborador"]] in own and fmt.hours(people["colaborador_hours"]) in own
    everyone = await ask(c, "total de horas de todo mundo", aad=aad)
    assert everyone.startswith("Somente os seus apontamentos") and fmt.hours(people["colaborador_hours"]) in everyone
    other = await ask(c, f"quantas horas o {people['names'][people['outsider']]} trabalhou?", aad=aad)
    assert other == OTHER_PEOPLE
    ranking = await ask(c, "ranking de horas", aad=aad)
    assert people["names"][people["colaborador"]] in ranking
    assert all(people["names"][p] not in ranking for p in people["hours_8446"])


async def test_gestor_sees_their_contracts_only(
    bot: BotProcess, connector: FakeConnector, http: Any, people: dict[str, Any]
) -> None:
    c = Client(bot, connector, http)
    member = "29:gestora"
    connector.members[member] = {"id": member, "name": "Gestora", "userPrincipalName": GESTOR.lower()}
    hours = people["hours_8446"]
    top = max(hours, key=lambda p: hours[p])
    ranking = await ask(c, "ranking de horas do contrato 8446", aad=None, member=member)
    assert (
        ranking.startswith("No seu contrato 8446: ") and f"{people['names'][top]}: {fmt.hours(hours[top])}" in ranking
    )
    total = await ask(c, "quantas horas todo mundo fez?", aad=None, member=member)
    assert fmt.hours(sum(hours.values())) in total
    denied_contract = await ask(c, "mostre o contrato 8447", aad=None, member=member)
    assert "não está entre os que você pode consultar" in denied_contract and " h" not in denied_contract
    outsider = await ask(c, f"horas do {people['names'][people['outsider']]}", aad=None, member=member)
    assert outsider == OTHER_PEOPLE
    missing = await ask(c, "quem não apontou semana passada?", aad=None, member=member)
    assert all(people["names"][p] not in missing for p in people["names"] if p not in hours)


async def test_admin_sees_everything(bot: BotProcess, connector: FakeConnector, http: Any) -> None:
    reply = await ask(Client(bot, connector, http), "mostre o contrato 8447", aad=ADMIN)
    assert reply.startswith("Contrato 8447")


async def test_someone_not_in_the_policy_gets_only_greetings_and_how_to_ask(
    bot: BotProcess, connector: FakeConnector, http: Any, people: dict[str, Any]
) -> None:
    c = Client(bot, connector, http)
    stranger = "00000000-0000-0000-0000-00000000dead"
    # the display name of a colaborador grants nothing
    reply = await ask(c, "quantas horas eu trabalhei?", aad=stranger, name=people["names"][people["colaborador"]])
    assert "Peça acesso" in reply and not any(ch.isdigit() for ch in reply)
    assert (await ask(c, "oi", aad=stranger)).startswith("Olá!")


async def test_the_upn_is_asked_of_the_channel_once_per_session(
    bot: BotProcess, connector: FakeConnector, http: Any, people: dict[str, Any]
) -> None:
    c = Client(bot, connector, http)
    member = "29:upn-only"
    connector.members[member] = {"id": member, "name": "Alguém", "userPrincipalName": "UPN.only@contoso.example"}
    conversation = f"a:{uuid.uuid4().hex[:10]}"
    before = connector.member_lookups.count(member)
    for _ in range(3):
        assert (await c.post(teams(c, conversation, "quantas horas eu trabalhei?", member=member, aad=None)))[0] == 200
    assert connector.member_lookups.count(member) - before == 1
    assert all(fmt.hours(people["colaborador_hours"]) in t for t in connector.texts(conversation))


async def test_the_audit_line_holds_no_text_and_no_name(bot: BotProcess, people: dict[str, Any]) -> None:
    lines = [line for line in bot.output if "access user=" in line]
    assert any("role=gestor" in line and "scope=8446" in line and "decision=granted" in line for line in lines)
    assert any("role=none" in line and "decision=denied" in line for line in lines)
    assert any("decision=denied" in line and "out_of_scope" in line for line in lines)
    log = "".join(lines)
    assert "quantas horas" not in log and all(name not in log for name in people["names"].values())
    assert any("line 6" in line for line in bot.output)  # the broken policy row was reported by line


@pytest.fixture(scope="module")
async def model() -> AsyncIterator[fake.FakeOpenAI]:
    server = await fake.FakeOpenAI().start()
    yield server
    await server.stop()


async def test_the_model_receives_no_row_outside_the_scope(
    make_bot: Any, policy: Path, model: fake.FakeOpenAI, connector: FakeConnector, http: Any, people: dict[str, Any]
) -> None:
    bot = make_bot(
        ACCESS_POLICY=str(policy),
        ALLOWED_TENANTS="contoso",
        ANSWER_ENGINE="llm",
        OPENAI_BASE_URL=model.base_url,
        OPENAI_MODEL="fake-model",
        OPENAI_API_KEY="test-key",
        LLM_TIMEOUT_SECONDS="5",
    )
    outsider = people["names"][people["outsider"]]
    model.script = [
        fake.tool_calls(
            ("total_hours", {"resource": outsider}),
            ("ranking", {"top": 500}),
            ("contract_details", {"contract": "8447"}),
            ("missing_days", {"period": {"start": "2026-01-01", "end": "2030-12-31"}}),
        ),
        fake.text("Só posso mostrar os seus dados."),
    ]
    reply = await ask(
        Client(bot, connector, http), "quantas horas todos fizeram?", aad="00000000-0000-0000-0000-0000000000c1"
    )
    assert reply == "Só posso mostrar os seus dados."
    results = [m["content"] for m in model.requests[-1]["body"]["messages"] if m["role"] == "tool"]
    assert len(results) == 4
    assert "resultado" not in json.loads(results[0])  # the outsider is unknown within the scope: an error
    ranking = json.loads(results[1])["resultado"]
    assert [r["resource"]["name"] for r in ranking] == [people["names"][people["colaborador"]]]
    # the colaborador works in 8447: the contract's figures are their own entries there, nobody else's
    details = json.loads(results[2])["resultado"]
    assert details["net_hours"] == pytest.approx(people["colaborador_hours"], abs=0.01) and details["resources"] == 1
    system = model.requests[-1]["body"]["messages"][0]["content"]
    assert "colaborador" in system and people["names"][people["colaborador"]] in system
