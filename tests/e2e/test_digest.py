"""A manager's morning digest, through Azurite, the real adapter's proactive path and the fake connector:
each of its three parts names people (telling apart those who share a first name), counts them right, and
lists them all behind "Ver todos". Expected figures come from the generated rows in plain Python."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import holidays
import pytest

from apontamentos.importer import import_columns, write_snapshot
from apontamentos.synthetic import generate
from bot.alerts import NAMES_SHOWN, short_names
from bot.app import App, build_app
from bot.settings import Settings
from sessions import ConversationRef

from ..expected import Span, spans
from .harness import FakeConnector, unique_table

TODAY = date(2026, 3, 18)  # a Wednesday; the data ends on it, as the daily export does
GESTOR = "00000000-0000-0000-0000-0000000000d1"
OFF = holidays.country_holidays("BR", years=[2026])


def working(day: date) -> bool:
    return day.weekday() < 5 and day not in OFF


@pytest.fixture(scope="module")
def rows() -> list[Span]:
    return spans(generate(rows=6000, seed=5, end_date=TODAY))


@pytest.fixture
async def app(rows: list[Span], azurite: Any, tmp_path: Path) -> AsyncIterator[App]:
    source = tmp_path / "apontamentos.parquet"
    write_snapshot(import_columns(generate(rows=6000, seed=5, end_date=TODAY)).table, source)
    # the manager of every supplier contract: the whole team in the digest, many people, shared first names
    contracts = ";".join(sorted({r.supplier for r in rows}))
    policy = tmp_path / "acesso.csv"
    policy.write_text(f"user,role,resource_id,contracts\n{GESTOR},gestor,,{contracts}\n", encoding="utf-8")
    settings = {
        "SESSIONS_STORAGE": azurite.connection_string,
        "SESSIONS_TABLE": unique_table(),
        "REFERENCES_TABLE": unique_table(),
        "ALERT_LOG_TABLE": unique_table(),
        "APONTAMENTOS_SOURCE": str(source),
        "BOT_ALLOW_ANONYMOUS": "true",
        "ACCESS_POLICY": str(policy),
        "SESSION_SWEEP_SCHEDULE": "0 0 0 1 1 *",
        "ALERTS_SCHEDULE": "0 0 0 1 1 *",
    }
    application = build_app(Settings.from_env(settings))
    yield application
    await application.close()


def expected_parts(rows: list[Span]) -> dict[str, tuple[int, Counter[str]]]:
    """Per part: the figure its line counts (entries, or people) and how many of it each person has."""
    lwd = TODAY - timedelta(days=1)
    while not working(lwd):
        lwd -= timedelta(days=1)
    monday = TODAY - timedelta(days=TODAY.weekday()) - timedelta(days=7)
    week = [monday + timedelta(days=i) for i in range(7) if working(monday + timedelta(days=i))]
    active = {r.name for r in rows if monday - timedelta(days=30) <= r.day <= monday + timedelta(days=6)}
    worked = {(r.name, r.day) for r in rows}
    missing = Counter({name: sum((name, d) not in worked for d in week) for name in active})
    missing = +missing  # people with at least one such day
    open_spans = Counter(r.name for r in rows if r.day == lwd and r.end is None)
    fifth = TODAY
    for _ in range(5):
        fifth -= timedelta(days=1)
        while not working(fifth):
            fifth -= timedelta(days=1)
    pending = Counter(r.name for r in rows if r.day < fifth and not r.validated)
    return {
        "missing": (len(missing), missing),
        "open": (open_spans.total(), open_spans),
        "pending": (pending.total(), pending),
    }


def people_named(line: str, everyone: Counter[str]) -> tuple[list[str], int]:
    """The short names a line shows and the "e mais N pessoas" it adds (0 when it names everyone)."""
    listed = line.split(": ", 1)[1].rstrip(".")
    more = re.search(r" e mais (\d+) pessoas?$", listed)
    if more:
        listed = listed[: more.start()]
    names = re.split(r", | e ", listed)
    return names, int(more[1]) if more else 0


def telling(short: str, everyone: Counter[str]) -> list[str]:
    """The people of `everyone` a short name could stand for."""

    def forms(name: str) -> set[str]:
        first, last = name.split()[0], name.split()[-1]
        return {first, f"{first} {last[0]}.", f"{first} {last}", name}

    return [name for name in everyone if short in forms(name)]


async def test_the_digest_names_and_counts_people_in_each_part(
    app: App, connector: FakeConnector, rows: list[Span]
) -> None:
    conversation = f"a:digest-{uuid.uuid4().hex[:6]}"
    await app.references.save(
        ConversationRef("msteams", "29:gestor", conversation, connector.url, "bot", "contoso", GESTOR)
    )
    result = await app.alerts.run(today=TODAY)
    assert result.sent == 1, result
    digest = (await connector.wait_messages(conversation, 1))[-1]
    card = digest["attachments"][0]["content"]
    lines = [b["text"].removeprefix("• ") for b in card["body"][1:] if b["type"] == "TextBlock"]
    lists = [b["actions"][0] for b in card["body"] if b["type"] == "ActionSet"]
    expected = expected_parts(rows)
    assert all(expected[part][0] for part in expected), "the chosen day must have something in every part"
    assert len(lines) == len(lists) == 3, lines
    for part, line, full in zip(("missing", "open", "pending"), lines, lists, strict=True):
        figure, everyone = expected[part]
        counted = re.match(r"(\d+) ", line)
        assert counted and int(counted[1]) == figure, (part, line, figure)
        people = re.search(r"(\d+) pessoas?[ :]", line)  # "3 pessoas com…", "…, de 3 pessoas: …"
        assert people and int(people[1]) == len(everyone), (part, line)
        named, more = people_named(line, everyone)
        # five names (fewer when there are fewer people), each standing for exactly one person, plus the rest
        assert len(named) == min(NAMES_SHOWN, len(everyone)) and len(named) + more == len(everyone), (part, line)
        assert all(len(telling(short, everyone)) == 1 for short in named), (part, named)
        # "Ver todos" opens everyone, one row each, with their own figure
        assert full["type"] == "Action.ShowCard" and full["title"] == "Ver todos"
        facts = full["card"]["body"][0]["facts"]
        assert {f["title"] for f in facts} == set(everyone) and len(facts) == len(everyone)
        for fact in facts:
            figure_of = int(re.match(r"(\d+) ", fact["value"])[1]) if part != "open" else fact["value"].count("entrada")
            assert figure_of == everyone[fact["title"]], (part, fact)
    assert digest["text"].startswith("Bom dia! Nos seus contratos")
    first_names = Counter(name.split()[0] for name in expected["pending"][1])
    assert any(n > 1 for n in first_names.values()), "the data must have people sharing a first name"


def test_short_names_tell_people_apart() -> None:
    names = ["Ana Souza Lima", "Ana Moura Lima", "Ana Costa Souza", "Caio Dias", "Bia"]
    assert short_names(names) == {
        "Ana Souza Lima": "Ana Souza Lima",  # "Ana L." and "Ana Lima" are Ana Moura Lima's too
        "Ana Moura Lima": "Ana Moura Lima",
        "Ana Costa Souza": "Ana S.",
        "Caio Dias": "Caio",
        "Bia": "Bia",
    }
