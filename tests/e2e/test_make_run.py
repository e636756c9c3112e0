"""`make run` explains itself: custom ports, a taken port, a storage port that is not Table Storage."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from devhost.azurite import ROOT, free_port

from .harness import SETTING_NAMES


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    base = {k: v for k, v in os.environ.items() if k not in SETTING_NAMES}
    return subprocess.Popen(
        [sys.executable, "-m", "devhost.run", *args],
        cwd=ROOT,
        env={**base, **(env or {}), "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_a_taken_port_is_one_line_naming_it_and_the_fix() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        process = run("--port", str(port), "--azurite-port", str(free_port()))
        output, _ = process.communicate(timeout=60)
    assert process.returncode == 1
    assert output.strip().splitlines() == [
        f"Port {port} is already in use; stop what uses it, or run: make run PORT={port + 1}"
    ]


@pytest.fixture
def not_table_storage() -> Iterator[int]:
    class Plain(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the standard library's name
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"hello")

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Plain)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_a_storage_port_that_is_not_table_storage_is_refused(not_table_storage: int) -> None:
    process = run("--port", str(free_port()), "--azurite-port", str(not_table_storage))
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 1
    assert f"Port {not_table_storage} is in use by something that is not Table Storage" in output
    assert f"make run AZURITE_PORT={not_table_storage + 10}" in output


def test_custom_ports_serve_and_make_chat_talks_to_them(e2e_source: Path) -> None:
    port, azurite_port = free_port(), free_port()
    settings = {
        "APONTAMENTOS_SOURCE": str(e2e_source),
        "BOT_ALLOW_ANONYMOUS": "true",
        "SESSIONS_TABLE": "makerun",
        "SESSION_SWEEP_SCHEDULE": "0 0 0 1 1 *",
        "ALERTS_SCHEDULE": "0 0 0 1 1 *",
    }
    process = run("--port", str(port), "--azurite-port", str(azurite_port), env=settings)
    assert process.stdout is not None
    try:
        lines = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("Ctrl-C stops"):
                break
        text = "".join(lines)
        assert f"Azurite Table Storage on http://127.0.0.1:{azurite_port}" in text
        assert f"The bot is up: http://localhost:{port}/api/messages" in text
        assert f"make chat PORT={port}" in text
        chat = subprocess.run(
            [sys.executable, "-m", "bot.chat", "--url", f"http://localhost:{port}/api/messages"],
            cwd=ROOT,
            input="Mostre o contrato 8446\n",
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert chat.returncode == 0, chat.stderr
        assert "Contrato 8446" in chat.stdout
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stdout.close()
