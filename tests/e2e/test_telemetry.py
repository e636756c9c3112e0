"""Telemetry through the real exporter to a local ingestion endpoint: requests, dependencies, per-turn
metrics arrive; no message text and no name ever does; nothing is sent without a connection string."""

from __future__ import annotations

import asyncio
import gzip
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web

from ..expected import spans
from ..local_server import LocalServer
from .harness import BotProcess, Client, FakeConnector

SECRET = "Ranking de horas do contrato 8446"


class Ingestion(LocalServer):
    """Application Insights' ingestion endpoint (`/v2.1/track`): keeps every envelope it is sent."""

    def __init__(self) -> None:
        super().__init__()
        self.connection_string = (
            "InstrumentationKey=00000000-0000-0000-0000-000000000001;"
            f"IngestionEndpoint=http://127.0.0.1:{self.port}/;LiveEndpoint=http://127.0.0.1:{self.port}/"
        )
        self.envelopes: list[dict[str, Any]] = []
        self.raw: list[str] = []
        self.arrived = asyncio.Event()

    async def _track(self, request: web.Request) -> web.Response:
        body = await request.read()
        if request.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        text = body.decode("utf-8")
        self.raw.append(text)
        items = json.loads(text) if text.lstrip().startswith("[") else [json.loads(line) for line in text.splitlines()]
        self.envelopes += items
        self.arrived.set()
        return web.json_response({"itemsReceived": len(items), "itemsAccepted": len(items), "errors": []})

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/{tail:.*}", self._track)

    def of_type(self, base: str) -> list[dict[str, Any]]:
        return [e["data"]["baseData"] for e in self.envelopes if e.get("data", {}).get("baseType") == base]

    async def wait_for(self, check: Any, timeout: float = 30) -> None:
        """Await envelopes until `check()` holds (the exporter sends in batches, on its own schedule)."""
        try:
            async with asyncio.timeout(timeout):
                while not check():
                    self.arrived.clear()
                    await self.arrived.wait()
        except TimeoutError:
            raise AssertionError(f"not arrived; received: {self.summary()}") from None

    def summary(self) -> dict[str, Any]:
        kinds: dict[str, set[str]] = {}
        for e in self.envelopes:
            data = e.get("data", {})
            base = data.get("baseData", {})
            kinds.setdefault(data.get("baseType", "?"), set()).add(
                str(base.get("name") or [m.get("name") for m in base.get("metrics", [])] or base.get("message", ""))[
                    :60
                ]
                + " | "
                + str(base.get("type", ""))
            )
        return {k: sorted(v)[:25] for k, v in kinds.items()}


@pytest.fixture(scope="module")
async def ingestion() -> AsyncIterator[Ingestion]:
    server = await Ingestion().start()
    yield server
    await server.stop()


EXPORT_QUICKLY = {
    "OTEL_BSP_SCHEDULE_DELAY": "200",
    "OTEL_METRIC_EXPORT_INTERVAL": "500",
    "OTEL_BLRP_SCHEDULE_DELAY": "200",
    "OTEL_TRACES_SAMPLER": "always_on",  # the distro's default keeps 5 traces a second, starting from none
    # The exporter's own reporting to Microsoft is off: nothing leaves this machine.
    "APPLICATIONINSIGHTS_STATSBEAT_DISABLED_ALL": "true",
    "APPLICATIONINSIGHTS_SDKSTATS_DISABLED": "true",
    "APPLICATIONINSIGHTS_CONTROLPLANE_DISABLED": "true",
}


async def test_requests_dependencies_and_turn_metrics_arrive_without_text(
    make_bot: Any, ingestion: Ingestion, connector: FakeConnector, http: Any, e2e_columns: dict[str, list[Any]]
) -> None:
    bot: BotProcess = make_bot(APPLICATIONINSIGHTS_CONNECTION_STRING=ingestion.connection_string, **EXPORT_QUICKLY)
    c = Client(bot, connector, http)
    # The first message of a process builds the app (and its telemetry): the second is a full request.
    await c.say("telemetria", "beatriz", SECRET)
    await c.say("telemetria", "beatriz", "E quantos recursos tem?")
    status, _ = await c.sessions()
    assert status == 200

    def requests() -> list[str]:
        return [r.get("name", "") for r in ingestion.of_type("RequestData")]

    def metric_names() -> set[str]:
        return {m["name"] for d in ingestion.of_type("MetricData") for m in d.get("metrics", [])}

    await ingestion.wait_for(lambda: {"POST /api/messages", "GET /sessions"} <= set(requests()))

    def turn_kinds() -> set[str]:
        return {
            d.get("properties", {}).get("kind", "")
            for d in ingestion.of_type("MetricData")
            if any(m["name"] == "bot.turns" for m in d.get("metrics", []))
        }

    await ingestion.wait_for(lambda: {"bot.turns", "bot.turn.phase"} <= metric_names())
    # both turns' metrics: an export may carry the first turn's alone
    await ingestion.wait_for(lambda: {"ranking", "contract_resources"} <= turn_kinds())
    await ingestion.wait_for(
        lambda: any(
            d.get("type", "").lower().startswith("azure") or "table" in str(d).lower()
            for d in ingestion.of_type("RemoteDependencyData")
        )
    )
    message = next(r for r in ingestion.of_type("RequestData") if r["name"] == "POST /api/messages")
    assert message["responseCode"] == "200" and message["success"]
    turns = [m for d in ingestion.of_type("MetricData") for m in d["metrics"] if m["name"] == "bot.turns"]
    properties = [
        d.get("properties", {})
        for d in ingestion.of_type("MetricData")
        if any(m["name"] == "bot.turns" for m in d["metrics"])
    ]
    assert turns and any(p.get("engine") == "rules" and p.get("kind") == "ranking" for p in properties)
    assert any(p.get("kind") == "contract_resources" for p in properties)
    sent = "".join(ingestion.raw)
    assert "Ranking de horas" not in sent and "ranking de horas" not in sent
    names = {r.name for r in spans(e2e_columns)}
    assert not [n for n in names if n in sent]


async def test_without_a_connection_string_nothing_is_sent(make_bot: Any, connector: FakeConnector, http: Any) -> None:
    bot: BotProcess = make_bot(**EXPORT_QUICKLY)
    await Client(bot, connector, http).say("sem-telemetria", "caio", "Mostre o contrato 8446")
    assert not any("telemetry to Application Insights enabled" in line for line in bot.output)
