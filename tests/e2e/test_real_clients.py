"""The real clients in headless Chromium: Bot Framework Web Chat through a local Direct Line
(offline-directline), and the Microsoft 365 Agents Playground (Teams channel). A table that lines up,
"Ver mais", a suggested action. Screenshots go to .local/screenshots/.

Run with `make e2e-clients` (it installs Chromium, Playwright and the client packages); `make test` skips it.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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


def assert_columns_line_up(table: Any) -> None:
    """Every cell of a column starts at the same x as its header: a table that does not line up is a bug."""
    lefts = table.evaluate(
        """t => [...t.querySelectorAll('[role=row], tr')].map(
            r => [...r.querySelectorAll('[role=columnheader], [role=cell], th, td')]
                 .map(c => Math.round(c.getBoundingClientRect().left)))"""
    )
    header, *body = lefts
    assert len(header) == 4
    for row in body:
        assert row == header, (row, header)
    # and no header word is broken over two lines: header text is as tall as one line of a body cell
    heights = table.evaluate(
        """t => [...t.querySelectorAll('[role=row], tr')].slice(0, 2).map(
            r => Math.max(...[...r.querySelectorAll('p, .ac-textBlock')].map(p => p.getBoundingClientRect().height)))"""
    )
    assert heights[0] <= heights[1] * 1.2, heights


def contracts_table_then_more(page: Any, client: str) -> None:
    """Ask for the contracts; the card's table has a header and 15 aligned rows; "Ver mais" shows the rest."""
    from playwright.sync_api import expect

    box = page.get_by_role("textbox").last
    expect(box).to_be_visible(timeout=30_000)
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


def browse(url: str, client: str, then: Callable[[Any], None]) -> None:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        page = browser.new_page(viewport={"width": 1100, "height": 1200}, locale="pt-BR")
        page.goto(url)
        contracts_table_then_more(page, client)
        then(page)
        browser.close()


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
