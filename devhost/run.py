"""`make run`: Azurite (data kept in .local/azurite) plus `func start`, or this runner without Core Tools.

    python -m devhost.run [--port 7071] [--azurite-port 10002]

Everything started here is stopped on exit, Ctrl-C included. A taken port is a one-line message naming
it and the fix; a storage port held by something that is not Table Storage is refused, never used.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request

from .azurite import ROOT, Azurite, AzuriteError


def port_in_use(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def answers_as_table_storage(port: int) -> bool:
    """Whether what listens on `port` is Azurite's (or Azure's) Table service."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/devstoreaccount1/Tables", method="GET")
    try:
        with urllib.request.urlopen(request, timeout=3) as response:
            headers = response.headers
    except urllib.error.HTTPError as err:  # an unauthenticated request: the error still carries the headers
        headers = err.headers
    except (urllib.error.URLError, OSError):
        return False
    return "Azurite-Table" in (headers.get("Server") or "") or bool(headers.get("x-ms-request-id"))


HINTS = """
The bot is up: http://localhost:{port}/api/messages
  In another terminal:       make chat{chat_port}
  Bot Framework Emulator:    Open Bot -> http://localhost:{port}/api/messages, App ID and password empty
  Web Chat:                  point a local Direct Line (npm offline-directline) at the same URL
  Live sessions:             http://localhost:{port}/sessions
Ctrl-C stops the bot{and_azurite}.
"""


def main(argv: list[str] | None = None) -> int:
    # A terminate (from a test, a supervisor) stops everything started here, as Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    parser = argparse.ArgumentParser(prog="python -m devhost.run", description=__doc__)
    parser.add_argument("--port", type=int, default=7071)
    parser.add_argument("--azurite-port", type=int, default=10002)
    args = parser.parse_args(argv)
    if port_in_use(args.port):
        print(f"Port {args.port} is already in use; stop what uses it, or run: make run PORT={args.port + 1}")
        return 1
    azurite = None
    if port_in_use(args.azurite_port):
        if not answers_as_table_storage(args.azurite_port):
            print(
                f"Port {args.azurite_port} is in use by something that is not Table Storage; "
                f"free it, or run: make run AZURITE_PORT={args.azurite_port + 10}"
            )
            return 1
        print(f"Table Storage already listening on {args.azurite_port}; using it.")
    else:
        try:
            azurite = Azurite(port=args.azurite_port, location=ROOT / ".local" / "azurite").start()
        except AzuriteError as err:
            print(f"Azurite did not start on {args.azurite_port}: {str(err).splitlines()[0]}")
            return 1
        print(f"Azurite Table Storage on http://127.0.0.1:{args.azurite_port} (data in .local/azurite)")
    env = {**os.environ, "SESSIONS_STORAGE": Azurite(port=args.azurite_port).connection_string}
    hints = HINTS.format(
        port=args.port,
        chat_port="" if args.port == 7071 else f" PORT={args.port}",
        and_azurite=" and Azurite" if azurite is not None else "",
    )
    try:
        if shutil.which("func"):
            print(hints)
            return subprocess.call(["func", "start", "--port", str(args.port)], cwd=ROOT, env=env)
        print("Azure Functions Core Tools not found: serving with python -m devhost.")
        return _serve_with_devhost(args.port, env, hints)
    except KeyboardInterrupt:
        return 0
    finally:
        if azurite is not None:
            azurite.stop()


def _serve_with_devhost(port: int, env: dict[str, str], hints: str) -> int:
    process = subprocess.Popen(
        [sys.executable, "-m", "devhost", "--port", str(port)],
        cwd=ROOT,
        env={**env, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    try:
        for line in process.stdout:
            print(line, end="", flush=True)
            if line.startswith("Host listening"):
                print(hints, flush=True)
        return process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)
        process.stdout.close()


if __name__ == "__main__":
    sys.exit(main())
