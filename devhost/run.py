"""`make run`: Azurite (data kept in .local/azurite) plus `func start`, or this runner without Core Tools.

Everything started here is stopped on exit, Ctrl-C included.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys

from .azurite import ROOT, Azurite

TABLE_PORT = 10002


def _port_in_use(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def main() -> int:
    azurite = None
    if _port_in_use(TABLE_PORT):
        print(f"Table Storage already listening on {TABLE_PORT}; using it.")
    else:
        azurite = Azurite(port=TABLE_PORT, location=ROOT / ".local" / "azurite").start()
        print(f"Azurite Table Storage on http://127.0.0.1:{TABLE_PORT} (data in .local/azurite)")
    try:
        if shutil.which("func"):
            command = ["func", "start", "--port", "7071"]
        else:
            print("Azure Functions Core Tools not found: serving with python -m devhost.")
            command = [sys.executable, "-m", "devhost", "--port", "7071"]
        return subprocess.call(command, cwd=ROOT)
    except KeyboardInterrupt:
        return 0
    finally:
        if azurite is not None:
            azurite.stop()


if __name__ == "__main__":
    sys.exit(main())
