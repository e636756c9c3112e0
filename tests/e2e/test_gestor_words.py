"""A gestor who is not a resource and a colaboradora, in their own words, through HTTP with Teams-shaped
activities and the access policy (issue 22). Each conversation is one Teams conversation, so follow-ups carry.
Expected figures are computed from the generated rows in plain Python; no question names a relative period,
so the figures hold on any test date.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from apontamentos import formatting as fmt
from apontamentos.dataset import normalize

from ..expected import spans
from .harness import BotProcess, Client, FakeConnector, shown
from .test_access import teams

GESTOR = "Rogerio.Gestor@Contoso.example"
COLABORADORA = "00000000-0000-0000-0000-0000000000c7"
OTHER_PEOPLE = "Não posso mostrar dados de outras pessoas."


@pytest.fixture(scope="module")
def data(e2e_columns: dict[str, list[Any]]) -> dict[str, Any]:
    rows = spans(e2e_columns)
    part = sorted({r.client for r in rows if r.supplier == "8447"})[0]
    visible = [r for r in rows if r.supplier == "8446" or r.client == part]
    her = sorted({r.resource_id for r in rows if r.supplier == "8446"})[0]
    other = sorted({r.supplier for r in rows} - {"8446", "8447"})[0]
    return {"rows": rows, "part": part, "visible": visible, "her": her, "other": other}


@pytest.fixture(scope="module")
def bot(make_bot: Any, tmp_path_factory: pytest.TempPathFactory, data: dict[str, Any]) -> BotProcess:
    path: Path = tmp_path_factory.mktemp("policy") / "acesso.csv"
    path.write_text(
        "user,role,resource_id,contracts\n"
        f"{GESTOR},gestor,,8446;{data['part']}\n"
        f"{COLABORADORA},colaborador,{data['her']},\n",
        encoding="utf-8",
    )
    return make_bot(ACCESS_POLICY=str(path), ALLOWED_TENANTS="contoso")


async def conversation(c: Client, questions: list[str], *, member: str, aad: str | None) -> list[str]:
    """Each question in one Teams conversation; the text a person reads of each reply (cards included)."""
    conversation_id = f"a:{uuid.uuid4().hex[:10]}"
    texts = []
    for question in questions:
        before = len(c.connector.messages(conversation_id))
        status, _ = await c.post(teams(c, conversation_id, question, member=member, aad=aad, name="Rogério"))
        assert status == 200
        (reply,) = c.connector.messages(conversation_id)[before:]
        cards = [a["content"].get("fallbackText", "") for a in reply.get("attachments") or []]
        texts.append("\n".join(t for t in (shown({**reply, "attachments": []}), *cards) if t))
    return texts


def hours_by(rows: list[Any], key: str) -> dict[Any, float]:
    totals: dict[Any, float] = defaultdict(float)
    for r in rows:
        totals[getattr(r, key)] += r.net or 0
    return totals


async def test_a_gestor_who_is_not_a_resource(
    bot: BotProcess, connector: FakeConnector, http: Any, data: dict[str, Any]
) -> None:
    c = Client(bot, connector, http)
    member = "29:rogerio"
    connector.members[member] = {"id": member, "name": "Rogério", "userPrincipalName": GESTOR.lower()}
    part, visible = data["part"], data["visible"]
    people = hours_by(visible, "name")
    top = max(people, key=lambda n: people[n])
    in_8446 = hours_by([r for r in visible if r.supplier == "8446"], "resource_id")
    first = max(in_8446, key=lambda p: in_8446[p])
    name = next(r.name for r in data["rows"] if r.resource_id == first)
    activities: dict[str, float] = defaultdict(float)
    for r in visible:
        if r.resource_id == first and r.activity:
            activities[normalize(r.activity)] += r.net or 0
    busiest = max(activities, key=lambda k: activities[k])
    team, me, whole, other, ranking, worked = await conversation(
        c,
        [
            "quanto a minha equipe fez?",
            "e eu, quanto fiz?",
            "total do 8447",
            f"quanto o {data['other']} fez?",
            "quem mais trabalhou no 8446?",
            "com o que ela trabalhou?",
        ],
        member=member,
        aad=None,
    )
    scope = f"No seu contrato 8446 e na parte {part} do contrato 8447: "
    assert team.startswith(scope) and fmt.hours(sum(r.net or 0 for r in visible)) in team
    assert f"{top}: {fmt.hours(people[top])}" in team
    assert me.startswith("Você não tem apontamentos") and "Não encontrei" not in me
    part_hours = fmt.hours(sum(r.net or 0 for r in visible if r.client == part))
    assert f"A parte {part} do contrato 8447 somou {part_hours}" in whole and "O contrato 8447" not in whole
    assert f"o contrato 8446 e a parte {part} do contrato 8447" in other and " h" not in other
    assert f"1. {name}: {fmt.hours(in_8446[first])}" in ranking
    assert name in worked and fmt.hours(activities[busiest]) in worked and busiest in normalize(worked)


async def test_a_colaboradora_keeps_to_her_rows(
    bot: BotProcess, connector: FakeConnector, http: Any, data: dict[str, Any]
) -> None:
    mine = [r for r in data["rows"] if r.resource_id == data["her"]]
    days_above = [d for d, h in hours_by(mine, "day").items() if h > 8]
    contract, team, above = await conversation(
        Client(bot, connector, http),
        ["e quanto o 8446 todo fez?", "me mostra o ranking da equipe", "passei de 8 horas algum dia?"],
        member=f"29:{uuid.uuid4().hex[:10]}",
        aad=COLABORADORA,
    )
    assert contract == OTHER_PEOPLE and team == OTHER_PEOPLE
    assert above.startswith("Somente os seus apontamentos")
    assert fmt.plural(len(days_above), "dia") + " no total" in above
