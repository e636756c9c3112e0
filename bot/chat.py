"""A terminal chat with the running bot, through /api/messages with deliveryMode expectReplies.

    python -m bot.chat [--url http://localhost:7071/api/messages] [--conversation ID] [--user NOME]
                       [--upn E-MAIL] [--aad OBJECT-ID] [--listen-port PORTA]

Replies come back in the HTTP response. Proactive messages (alerts) come the way a channel receives them: the
chat listens on a local port and sends it as the conversation's serviceUrl, so the bot's alert timer reaches
it. Cards are printed as text. `--upn` is sent as the channel user id (`from.id`) and `--aad` as
`from.aadObjectId`, the keys an access policy names; the identity sent is printed at start.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import threading
import urllib.error
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from .cards import card_as_text

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
CHANNEL = "terminal"
PROMPT = "você> "
# The Bot Connector's "send to conversation" and "reply to activity" paths, the only ones a proactive send uses.
_CONVERSATION_PATH = re.compile(r"^/v3/conversations/[^/]+/activities(?:/[^/]+)?/?$")


def send(url: str, activity: dict[str, Any]) -> list[dict[str, Any]]:
    request = urllib.request.Request(
        url, data=json.dumps(activity).encode(), method="POST", headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
    return json.loads(body).get("activities", []) if body else []


def render(activity: dict[str, Any]) -> str:
    parts = [activity.get("text") or ""]
    for attachment in activity.get("attachments") or []:
        if attachment.get("contentType") == ADAPTIVE_CARD:
            parts.append(card_as_text(attachment.get("content") or {}))
    return "\n".join(p for p in parts if p)


class _Inbox(BaseHTTPRequestHandler):
    """The connector endpoint the bot's proactive sends reach: each message is printed as an alert."""

    def do_POST(self) -> None:  # noqa: N802 - the name http.server dispatches to
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if not _CONVERSATION_PATH.match(self.path.split("?")[0]):
            self._reply(404, {"error": {"code": "NotFound", "message": "not a conversation activity path"}})
            return
        try:
            activity = json.loads(body)
        except ValueError:
            self._reply(400, {"error": {"code": "BadArgument", "message": "not JSON"}})
            return
        if isinstance(activity, dict) and activity.get("type") == "message":
            sys.stdout.write(f"\nbot (alerta)> {render(activity)}\n\n{PROMPT}")
            sys.stdout.flush()
        self._reply(200, {"id": f"terminal-{uuid.uuid4().hex[:12]}"})

    def _reply(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's signature
        """Quiet: the chat prints the alerts themselves, not an access log."""


def listen(port: int) -> ThreadingHTTPServer:
    """The inbox on 127.0.0.1:`port` (0: a free port), served from a daemon thread."""
    server = ThreadingHTTPServer(("127.0.0.1", port), _Inbox)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def identity(name: str, upn: str | None, aad: str | None) -> dict[str, str]:
    """The `from` account: the UPN as the channel user id when given, else an id derived from the name."""
    user = {"id": upn or "terminal-" + uuid.uuid5(uuid.NAMESPACE_URL, name).hex[:12], "name": name}
    if aad:
        user["aadObjectId"] = aad
    return user


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.chat", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://localhost:7071/api/messages")
    parser.add_argument("--conversation", default=f"chat-{uuid.uuid4().hex[:12]}")
    parser.add_argument("--user", default="Usuário do Terminal", help="display name (never grants access)")
    parser.add_argument("--upn", help="UPN / e-mail sent as the channel user id (from.id)")
    parser.add_argument("--aad", help="Entra object id sent as from.aadObjectId")
    parser.add_argument("--listen-port", type=int, default=0, help="local port for alerts (default: any free one)")
    args = parser.parse_args(argv)
    user = identity(args.user, args.upn, args.aad)
    try:
        inbox = listen(args.listen_port)
    except OSError as err:
        print(f"Não consegui escutar na porta {args.listen_port} para receber alertas: {err}", file=sys.stderr)
        return 1
    service_url = f"http://127.0.0.1:{inbox.server_address[1]}/"
    base = {
        "channelId": CHANNEL,
        "conversation": {"id": args.conversation},
        "from": user,
        "recipient": {"id": "bot", "name": "Bot de apontamentos"},
        "serviceUrl": service_url,
        "deliveryMode": "expectReplies",
        "locale": "pt-BR",
    }
    print(f"Conversa {args.conversation} como {args.user}. Ctrl-D para sair.")
    print(
        f"Identidade enviada: canal {CHANNEL}, from.id {user['id']}, aadObjectId {user.get('aadObjectId', '(nenhum)')}."
    )
    print(f"Alertas chegam aqui (serviceUrl {service_url}).")
    try:
        for reply in send(
            args.url, {**base, "type": "conversationUpdate", "id": uuid.uuid4().hex, "membersAdded": [user]}
        ):
            if reply.get("type") == "message":
                print(f"bot> {render(reply)}\n")
        while True:
            try:
                question = input(PROMPT).strip()
            except EOFError:
                print()
                return 0
            if not question:
                continue
            replies = send(args.url, {**base, "type": "message", "id": uuid.uuid4().hex, "text": question})
            for reply in replies:
                if reply.get("type") == "message":
                    print(f"bot> {render(reply)}\n")
    except KeyboardInterrupt:
        print()
        return 0
    except urllib.error.HTTPError as err:
        # The bot is running: it answered with an error (503: its session storage is unavailable).
        detail = err.read().decode("utf-8", "replace")[:200]
        print(f"O bot em {args.url} respondeu {err.code}: {detail}", file=sys.stderr)
        return 1
    except (urllib.error.URLError, OSError) as err:
        print(f"Não consegui falar com o bot em {args.url}: {err}. Ele está rodando (make run)?", file=sys.stderr)
        return 1
    finally:
        inbox.shutdown()
        inbox.server_close()


if __name__ == "__main__":
    sys.exit(main())
