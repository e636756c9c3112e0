"""An aiohttp application on a free loopback port: the base of the tests' wire-level fakes."""

from __future__ import annotations

from typing import Self

from aiohttp import web

from devhost.azurite import free_port


class LocalServer:
    def __init__(self) -> None:
        self.port = free_port()
        self._runner: web.AppRunner | None = None

    def routes(self, app: web.Application) -> None:
        raise NotImplementedError

    async def start(self) -> Self:
        app = web.Application()
        self.routes(app)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
