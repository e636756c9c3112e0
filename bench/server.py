"""Serves the bot for the end-to-end benchmark, with durable (Table Storage) or in-memory sessions.

    python -m bench.server --port N --store table|memory

The in-memory store (sessions/memory.py, the same rules as the durable store without the network)
stands for the old single-process design: the baseline the durable one is compared with. Settings
come from the environment, as for the real app.
"""

from __future__ import annotations

import argparse
import asyncio
import os
from dataclasses import replace

import azure.functions as func
from aiohttp import web

from bot import http
from bot.app import build_access, build_app
from bot.handler import ApontamentosBot
from bot.settings import Settings
from sessions import MemorySessionStore


async def serve(port: int, store_kind: str) -> None:
    app = build_app(Settings.from_env(os.environ))
    if store_kind == "memory":
        store = MemorySessionStore(timeout=app.settings.session_timeout, max_messages=app.settings.session_max_messages)
        bot = ApontamentosBot(
            store=store,
            engine=app.engine,
            access=build_access(app.settings),
            today=app.bot._today,  # type: ignore[arg-type]
        )
        app = replace(app, store=store, bot=bot)

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
