"""Serves the bot for the end-to-end benchmark, with durable (Table Storage) or in-memory sessions.

    python -m bench.server --port N --store table|memory

The in-memory store stands for the old single-process design: the baseline the durable one is
compared with. Settings come from the environment, as for the real app.
"""

from __future__ import annotations

import argparse
import asyncio
import os
from dataclasses import replace
from datetime import UTC, datetime

import azure.functions as func
from aiohttp import web

from bot import http
from bot.app import build_access, build_app
from bot.handler import ApontamentosBot
from bot.settings import Settings
from sessions import CommitResult, Session, Turn, session_key
from sessions.keys import activity_fingerprint
from sessions.model import apply_turn


class MemorySessionStore:
    """Sessions in a dict: what the bot used before sessions moved to Table Storage."""

    def __init__(self, settings: Settings) -> None:
        self.timeout = settings.session_timeout
        self.max_messages = settings.session_max_messages
        self._sessions: dict[str, Session] = {}

    async def load(self, channel_id: str, conversation_id: str, user_id: str) -> Session:
        now = datetime.now(UTC)
        key = session_key(channel_id, conversation_id, user_id)
        stored = self._sessions.get(key)
        if stored is None:
            return Session.new(channel_id, conversation_id, user_id, now)
        return stored.restarted(now) if stored.is_idle(now, self.timeout) else stored

    async def commit(self, session: Session, turn: Turn) -> CommitResult:
        current = self._sessions.get(session.key, session)
        fingerprint = activity_fingerprint(turn.activity_id) if turn.activity_id else None
        if fingerprint and fingerprint in current.recent_activities:
            return CommitResult(current, duplicate=True)
        updated = apply_turn(current, turn, fingerprint, datetime.now(UTC), self.max_messages)
        self._sessions[session.key] = updated
        return CommitResult(updated, duplicate=False)

    async def claim_reply(self, session: Session, activity_id: str) -> None:
        return None  # one process: a reply is never abandoned by another one

    async def settle_reply(self, session: Session, activity_id: str, claim: str, *, delivered: bool) -> None:
        return None

    async def delete(self, channel_id: str, conversation_id: str, user_id: str) -> None:
        self._sessions.pop(session_key(channel_id, conversation_id, user_id), None)


async def serve(port: int, store_kind: str) -> None:
    app = build_app(Settings.from_env(os.environ))
    if store_kind == "memory":
        store = MemorySessionStore(app.settings)
        bot = ApontamentosBot(
            store=store,
            engine=app.engine,
            access=build_access(app.settings),
            today=app.bot._today,  # type: ignore[arg-type]
        )
        app = replace(app, store=store, bot=bot)  # type: ignore[arg-type]

    async def messages(request: web.Request) -> web.Response:
        req = func.HttpRequest(
            method="POST", url=str(request.url), headers=dict(request.headers), body=await request.read()
        )
        response = await http.messages(req, app)
        return web.Response(status=response.status_code, body=response.get_body())

    web_app = web.Application()
    web_app.router.add_post("/api/messages", messages)
    runner = web.AppRunner(web_app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    print("Host listening", flush=True)
    await asyncio.Event().wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--store", choices=["table", "memory"], default="table")
    args = parser.parse_args()
    asyncio.run(serve(args.port, args.store))


if __name__ == "__main__":
    main()
