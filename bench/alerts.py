"""Alerts benchmark: one run over 3,000 people with stored references, at the real data scale.

    python -m bench.alerts [--people 3000]

Azurite holds the references and the alert log; a loopback Bot Connector accepts every alert; the access
policy makes every person a colaborador (and one in fifty a gestor of two contracts). Prints the run's
time, its outcome counts and the storage operations per person. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

from aiohttp import web
from azure.data.tables.aio import TableClient

from apontamentos.dataset import Dataset, DatasetProvider
from bot.access import AccessControl, PolicyProvider
from bot.adapter import FunctionsAdapter, build_authentication
from bot.alerts import AlertRunner
from bot.settings import Settings
from devhost.azurite import Azurite, free_port
from sessions import AlertLog, ConversationRef, ReferenceStore
from sessions.table import CLIENT_OPTIONS

from .queries import END, snapshot


async def connector() -> tuple[web.AppRunner, str, list[int]]:
    received: list[int] = []

    async def reply(_: web.Request) -> web.Response:
        received.append(1)
        return web.json_response({"id": uuid.uuid4().hex})

    app = web.Application()
    app.router.add_post("/v3/conversations/{conversation}/activities", reply)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return runner, f"http://127.0.0.1:{port}", received


async def run(people: int) -> None:
    path = snapshot(211_863)
    db = Dataset.from_parquet(path)
    resources = sorted(db.resources)[:people]
    contracts = sorted(db.supplier_contracts)
    with Azurite() as azurite, tempfile.TemporaryDirectory() as folder:
        requests: list[str] = []

        def factory(table: str):  # noqa: ANN202 - a TableClient factory counting every storage request
            return lambda: TableClient.from_connection_string(
                azurite.connection_string,
                table,
                raw_request_hook=lambda r: requests.append(r.http_request.method),
                **CLIENT_OPTIONS,
            )

        references = ReferenceStore(client_factory=factory("benchrefs"))
        log_store = AlertLog(client_factory=factory("benchlog"))
        runner, url, received = await connector()
        policy = Path(folder) / "acesso.csv"
        rows = ["user,role,resource_id,contracts"]
        for i, rid in enumerate(resources):
            if i % 50 == 0:
                pair = f"{contracts[i % len(contracts)]};{contracts[(i + 1) % len(contracts)]}"
                rows.append(f"u{i}@contoso.example,gestor,,{pair}")
            else:
                rows.append(f"u{i}@contoso.example,colaborador,{rid},")
        policy.write_text("\n".join(rows), encoding="utf-8")
        started = time.perf_counter()
        semaphore = asyncio.Semaphore(64)

        async def store(i: int) -> None:
            async with semaphore:
                await references.save(
                    ConversationRef(
                        "webchat", f"u{i}@contoso.example", f"conv-{i}", url, "bot", identity=f"u{i}@contoso.example"
                    )
                )

        await asyncio.gather(*(store(i) for i in range(len(resources))))
        print(f"stored {len(resources):,} references in {time.perf_counter() - started:.1f} s")
        settings = Settings.from_env({"BOT_ALLOW_ANONYMOUS": "true"})
        adapter = FunctionsAdapter(build_authentication(settings))
        alerts = AlertRunner(
            references=references,
            log_store=log_store,
            access=AccessControl("policy", PolicyProvider(str(policy)), trusted_channels=("webchat",)),
            dataset=DatasetProvider(str(path)),
            adapter=adapter,
            app_id="",
            today=lambda: END + timedelta(days=1),
            budget_seconds=600,
        )
        requests.clear()
        started = time.perf_counter()
        result = await alerts.run()
        elapsed = time.perf_counter() - started
        print(
            f"one run over {result.people:,} people: {elapsed:.1f} s "
            f"({1000 * elapsed / result.people:.1f} ms a person); "
            f"sent {result.sent:,}, nothing to say {result.nothing_to_say:,}, failed {result.failed:,}; "
            f"{len(received):,} messages received by the connector"
        )
        print(f"storage operations: {len(requests):,} ({len(requests) / result.people:.2f} a person)")
        requests.clear()
        started = time.perf_counter()
        again = await alerts.run()
        print(
            f"a second run the same day: {time.perf_counter() - started:.1f} s, sent {again.sent}, "
            f"already sent {again.already_sent:,}; storage operations {len(requests) / again.people:.2f} a person"
        )
        await adapter.close()
        await references.close()
        await log_store.close()
        await runner.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=3000)
    asyncio.run(run(parser.parse_args().people))


if __name__ == "__main__":
    main()
