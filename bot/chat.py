"""A terminal chat with the running bot, through /api/messages with deliveryMode expectReplies.

    python -m bot.chat [--url http://localhost:7071/api/messages] [--conversation ID] [--user NOME]

Replies come back in the HTTP response, so no channel connector is needed. Cards are printed as text.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.request
import uuid
from typing import Any

from .cards import card_as_text

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.chat", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://localhost:7071/api/messages")
    parser.add_argument("--conversation", default=f"chat-{uuid.uuid4().hex[:12]}")
    parser.add_argument("--user", default="Usuário do Terminal")
    args = parser.parse_args(argv)
    user = {"id": "terminal-" + uuid.uuid5(uuid.NAMESPACE_URL, args.user).hex[:12], "name": args.user}
    base = {
        "channelId": "terminal",
        "conversation": {"id": args.conversation},
        "from": user,
        "recipient": {"id": "bot", "name": "Bot de apontamentos"},
        "serviceUrl": "http://localhost/terminal",
        "deliveryMode": "expectReplies",
        "locale": "pt-BR",
    }
    print(f"Conversa {args.conversation} como {args.user}. Ctrl-D para sair.")
    try:
        for reply in send(
            args.url, {**base, "type": "conversationUpdate", "id": uuid.uuid4().hex, "membersAdded": [user]}
        ):
            if reply.get("type") == "message":
                print(f"bot> {render(reply)}\n")
        while True:
            try:
                question = input("você> ").strip()
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


if __name__ == "__main__":
    sys.exit(main())
