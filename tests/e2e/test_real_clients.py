"""The real clients in headless Chromium: Bot Framework Web Chat through a local Direct Line
(offline-directline), and the Microsoft 365 Agents Playground (Teams channel). A table that lines up,
"Ver mais", a suggested action. Screenshots go to .local/screenshots/.

Run with `make e2e-clients` (it installs Chromium, Playwright and the client packages); `make test` skips it.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import holidays
import pytest

from devhost.azurite import ROOT, free_port

pytestmark = pytest.mark.clients
CLIENTS = ROOT / "clients"
SHOTS = ROOT / ".local" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def serve(command: list[str], ready: str, env: dict[str, str] | None = None) -> Iterator[None]:
    """Run a client's server until it prints `ready`; stop it afterwards."""
    if not (CLIENTS / "node_modules").exists() or not Path(CHROMIUM).exists():
        pytest.fail("run make e2e-clients: it installs Chromium and the client packages", pytrace=False)
    server = subprocess.Popen(
        command, cwd=CLIENTS, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )
    assert server.stdout is not None
    for line in server.stdout:
        if ready in line:
            break
    else:
        pytest.fail(f"{command[1]} exited before it was ready", pytrace=False)
    yield
    server.terminate()
    server.wait(timeout=10)
    server.stdout.close()


@pytest.fixture(scope="module")
def webchat(make_bot: Any) -> Iterator[str]:
    bot, port = make_bot(), free_port()
    command = ["node", "directline.js", str(port), f"{bot.url}/api/messages"]
    for _ in serve(command, "Routing messages to bot"):
        yield f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="module")
def playground(make_bot: Any) -> Iterator[str]:
    bot, port = make_bot(), free_port()
    cli = "node_modules/@microsoft/m365agentsplayground/cli.js"
    command = ["node", cli, "start", "-e", f"{bot.url}/api/messages", "-c", "msteams", "-p", str(port), "--dt"]
    env = {**os.environ, "TEAMSAPPTESTER_BROWSER": "none"}
    for _ in serve(command, f"Listening on {port}", env):
        yield f"http://127.0.0.1:{port}/"


def assert_columns_line_up(table: Any, columns: int = 4) -> None:
    """Every cell of a column starts at the same x as its header: a table that does not line up is a bug."""
    lefts = table.evaluate(
        """t => [...t.querySelectorAll('[role=row], tr')].map(
            r => [...r.querySelectorAll('[role=columnheader], [role=cell], th, td')]
                 .map(c => Math.round(c.getBoundingClientRect().left)))"""
    )
    header, *body = lefts
    assert len(header) == columns
    for row in body:
        assert row == header, (row, header)
    # and no header is broken over two lines: each header's text is as tall as the shortest text of the table
    # (one line), whatever the body rows do ("Desenvolvimento de funcionalidades" may wrap, "Apontamentos" not)
    header_heights, line = table.evaluate(
        """t => {
            const height = p => p.getBoundingClientRect().height;
            const header = [...t.querySelector('[role=row], tr').querySelectorAll('p')].map(height);
            return [header, Math.min(...[...t.querySelectorAll('p')].map(height))];
        }"""
    )
    assert all(h <= line * 1.2 for h in header_heights), (header_heights, line)


def contracts_table_then_more(page: Any, client: str) -> None:
    """Ask for the contracts; the card's table has a header and 15 aligned rows; "Ver mais" shows the rest."""
    from playwright.sync_api import expect

    box = page.get_by_role("textbox").last
    box.fill("Quais contratos temos?")
    box.press("Enter")
    table = page.get_by_role("table").last
    expect(table).to_be_visible(timeout=30_000)
    rows = table.get_by_role("row")
    expect(rows).to_have_count(16)  # header + 15
    page.screenshot(path=str(SHOTS / f"{client}-table.png"), full_page=True)
    header = [c.inner_text().strip() for c in rows.first.get_by_role("columnheader").all()]
    assert header == ["Contrato", "Horas", "Apontamentos", "Recursos"]
    assert_columns_line_up(table)
    page.get_by_role("button", name="Ver mais").last.click()
    expect(page.get_by_text("linhas 16–19 de 19").last).to_be_visible(timeout=30_000)
    page.screenshot(path=str(SHOTS / f"{client}-ver-mais.png"), full_page=True)


@contextmanager
def client_page(url: str) -> Iterator[Any]:
    """A page of the client at `url` in headless Chromium, once its message box is there."""
    from playwright.sync_api import expect, sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        page = browser.new_page(viewport={"width": 1100, "height": 1200}, locale="pt-BR")
        page.goto(url)
        expect(page.get_by_role("textbox").last).to_be_visible(timeout=30_000)
        yield page
        browser.close()


def browse(url: str, client: str, then: Callable[[Any], None]) -> None:
    with client_page(url) as page:
        contracts_table_then_more(page, client)
        then(page)


def test_webchat_table_ver_mais_and_a_suggested_action(webchat: str) -> None:
    from playwright.sync_api import expect

    def suggested_action(page: Any) -> None:
        page.get_by_role("button", name="Quem não apontou semana passada?").last.click()
        expect(page.get_by_text("ficaram sem apontar").last).to_be_visible(timeout=30_000)
        page.screenshot(path=str(SHOTS / "webchat-suggested-action.png"), full_page=True)

    browse(webchat, "webchat", suggested_action)


def test_agents_playground_table_ver_mais_and_feedback(playground: str) -> None:
    from playwright.sync_api import expect

    def welcome_and_feedback(page: Any) -> None:
        expect(page.get_by_text("Eu respondo perguntas sobre os apontamentos")).to_be_visible()
        page.get_by_role("button", name="Dislike").last.click()
        dialog = page.get_by_role("dialog")
        dialog.get_by_role("textbox").fill("Faltou separar por cliente")
        page.screenshot(path=str(SHOTS / "playground-feedback.png"), full_page=True)
        dialog.get_by_role("button", name="Submit").click()
        # the Playground's log shows the bot's answer to the feedback invoke
        expect(page.get_by_text("invoke 200").last).to_be_visible(timeout=30_000)

    browse(playground, "playground", welcome_and_feedback)


def mention_and_ask(page: Any, conversation: str, question: str) -> None:
    """Open a group chat or channel in the Playground and send the question with a real @mention."""
    page.get_by_role("button", name="Toggle app bar and conversation window").click()
    page.get_by_role("treeitem", name=conversation).click()
    box = page.get_by_role("textbox").last
    box.click()
    page.keyboard.type("@")
    page.get_by_role("menuitem", name="Test Bot").first.click()  # the typeahead makes it a mention entity
    page.keyboard.type(f" {question}")
    page.keyboard.press("Enter")


def test_agents_playground_group_chat_answers_a_mention_with_card_buttons(playground: str) -> None:
    from playwright.sync_api import expect

    with client_page(playground) as page:
        mention_and_ask(page, "Group Chat", "Mostre o contrato 8446")
        expect(page.get_by_text("Contrato 8446,").last).to_be_visible(timeout=30_000)
        # no suggested actions in a Teams group chat: the follow-ups are buttons on the card
        expect(page.get_by_role("button", name="Ranking de horas do contrato 8446").last).to_be_visible()
        page.screenshot(path=str(SHOTS / "playground-group-chat.png"), full_page=True)
        for title in ("Quem não apontou no 8446 semana passada?", "Ranking de horas do contrato 8446"):
            button = page.get_by_role("button", name=title).last
            fits = button.evaluate(
                "b => b.getBoundingClientRect().right <= b.closest('.ac-adaptiveCard').getBoundingClientRect().right"
            )
            assert fits, f"{title!r} is cut off by the card"
        page.get_by_role("button", name="Ranking de horas do contrato 8446").last.click()
        table = page.get_by_role("table").last
        expect(table).to_be_visible(timeout=30_000)
        assert [c.inner_text().strip() for c in table.get_by_role("columnheader").all()] == ["Nº", "Recurso", "Horas"]
        page.screenshot(path=str(SHOTS / "playground-group-ranking.png"), full_page=True)
        assert_columns_line_up(table, columns=3)


def test_agents_playground_channel_reply_comes_without_typing(playground: str) -> None:
    from playwright.sync_api import expect

    november = [date(2026, 11, d) for d in range(1, 31)]
    working = [d for d in november if d.weekday() < 5 and d not in holidays.country_holidays("BR", years=2026)]
    with client_page(playground) as page:
        mention_and_ask(page, "My Team - General", "quantos dias uteis tem em novembro de 2026?")
        expect(page.get_by_text(f"{len(working)} dias úteis").last).to_be_visible(timeout=30_000)
        page.screenshot(path=str(SHOTS / "playground-channel.png"), full_page=True)
        # the Playground's log panel: what the bot sent after the question reached it, and no typing among it
        log = page.locator("body").inner_text()
        sent = log[log.rindex("<at>Test Bot</at> quantos dias uteis") :]
        assert "message 201 De 01/11/2026" in sent and "typing" not in sent, sent


def ask_in_personal_chat(page: Any, question: str) -> int:
    """Send a question in the Playground's personal chat; the number of bot messages rated before it."""
    before = page.get_by_role("button", name="Like", exact=True).count()
    box = page.get_by_role("textbox").last
    box.fill(question)
    box.press("Enter")
    return before


def test_agents_playground_personal_chat_one_bubble_facts_and_follow_ups_that_fit(playground: str) -> None:
    """The personal chat (where Teams shows suggested actions): a contract's details as a FactSet, one
    message per answer (rated once), follow-ups that stay inside the chat column, an activities table whose
    "Apontamentos" header does not break."""
    from playwright.sync_api import expect

    with client_page(playground) as page:
        before = ask_in_personal_chat(page, "Mostre o contrato 8446")
        facts = page.locator(".ac-adaptiveCard").last.locator(".ac-fact-title")
        expect(facts).to_have_count(6, timeout=30_000)
        page.screenshot(path=str(SHOTS / "playground-personal-details.png"), full_page=True)
        expect(page.get_by_role("button", name="Like", exact=True)).to_have_count(before + 1)  # one answer, one bubble
        card = page.locator(".ac-adaptiveCard").last
        assert card.get_by_text("Contrato 8446, de").count() == 1  # the first line inside the card
        titles = [t.inner_text().strip() for t in facts.all()]
        assert titles == ["Horas", "Apontamentos", "Recursos", "Tecnologias", "Perfis", "Contratos de cliente"]
        tops = [round(t.bounding_box()["y"]) for t in facts.all()]
        assert tops == sorted(set(tops)), tops  # one row per fact, not a run-on paragraph
        values = card.locator(".ac-fact-value").all()
        assert [round(v.bounding_box()["y"]) for v in values] == tops  # each value beside its label

        before = ask_in_personal_chat(page, "Quais contratos temos?")
        table = page.get_by_role("table").last
        expect(table).to_be_visible(timeout=30_000)
        expect(page.get_by_role("button", name="Like", exact=True)).to_have_count(before + 1)
        assert page.locator(".ac-adaptiveCard").last.get_by_text("contratos", exact=False).count() >= 1

        before = ask_in_personal_chat(page, "Quantas horas o contrato 8446 teve no mês passado?")
        expect(page.get_by_role("button", name="Like", exact=True)).to_have_count(before + 1, timeout=30_000)
        first = page.get_by_role("button", name="Quem não apontou no 8446 semana passada?").last
        expect(first).to_be_visible()
        page.screenshot(path=str(SHOTS / "playground-personal-suggestions.png"), full_page=True)
        # every suggested action inside the column, its whole title drawn (Teams lays them out in one row)
        overflow = first.evaluate(
            """b => [...b.parentElement.children].map(x => ({
                   title: x.innerText,
                   out: x.getBoundingClientRect().right > b.parentElement.getBoundingClientRect().right,
                   clipped: x.scrollWidth > x.clientWidth + 1}))
                 .filter(x => x.out || x.clipped)"""
        )
        assert not overflow, overflow

        ask_in_personal_chat(page, "Horas por atividade no mês passado")
        table = page.get_by_role("table").last
        expect(table.get_by_role("columnheader", name="Apontamentos")).to_be_visible(timeout=30_000)
        page.screenshot(path=str(SHOTS / "playground-personal-activities.png"), full_page=True)
        assert_columns_line_up(table)  # and the "Apontamentos" header on one line
