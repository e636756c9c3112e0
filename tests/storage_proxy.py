"""A loopback HTTP proxy in front of Azurite that can lose a response after storage applied the request.

That is the fault behind "a committed answer that never reaches the user": the write lands, its answer
does not, and the storage client retries.
"""

from __future__ import annotations

import aiohttp
from aiohttp import web

from devhost.azurite import ACCOUNT, KEY

from .local_server import LocalServer

HOP_BY_HOP = {"connection", "content-length", "transfer-encoding", "keep-alive", "content-encoding", "host"}


class StorageProxy(LocalServer):
    def __init__(self, upstream_port: int) -> None:
        super().__init__()
        self.upstream = f"http://127.0.0.1:{upstream_port}"
        self.lose_responses: dict[str, int] = {}  # method -> how many of its next responses to lose
        self.lost = 0
        self.requests: list[str] = []
        self._http: aiohttp.ClientSession | None = None

    @property
    def connection_string(self) -> str:
        return (
            f"DefaultEndpointsProtocol=http;AccountName={ACCOUNT};AccountKey={KEY};"
            f"TableEndpoint=http://127.0.0.1:{self.port}/{ACCOUNT};"
        )

    async def _forward(self, request: web.Request) -> web.StreamResponse:
        if self._http is None:
            self._http = aiohttp.ClientSession(auto_decompress=False)
        self.requests.append(request.method)
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
        body = await request.read()
        async with self._http.request(
            request.method,
            self.upstream + request.path_qs,
            headers=headers,
            data=body or None,
            skip_auto_headers=("Content-Type",),  # part of the signed request: forward only the client's
        ) as upstream:
            answer = await upstream.read()
            status = upstream.status
            response_headers = {k: v for k, v in upstream.headers.items() if k.lower() not in HOP_BY_HOP}
        if self.lose_responses.get(request.method, 0) > 0:
            self.lose_responses[request.method] -= 1
            self.lost += 1
            assert request.transport is not None
            request.transport.close()  # storage applied it; the client never hears back
            return web.Response(status=status)
        return web.Response(status=status, body=answer, headers=response_headers)

    def routes(self, app: web.Application) -> None:
        app.router.add_route("*", "/{tail:.*}", self._forward)

    async def stop(self) -> None:
        if self._http is not None:
            await self._http.close()
        await super().stop()
