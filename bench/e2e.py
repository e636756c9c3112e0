"""End-to-end benchmark through HTTP: turns/s, p50 and p99 at 1, 10 and 100 concurrent conversations.

    python -m bench.e2e [--turns 400]

The bot uses the built-in engine and Azurite; in the same run the same bot with sessions kept in
process memory is measured as the baseline. Replies travel in the HTTP body (`expectReplies`: one
read and one conditional write per turn); the durable bot is also measured sending its replies to a
loopback connector (normal delivery: the read, the write, and the merge that records the delivery).
Also: cold start, from process start to the first answered message under the devhost runner.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from apontamentos.importer import import_columns, write_snapshot
from apontamentos.rules import today_in
from apontamentos.synthetic import generate
from devhost.azurite import ROOT, Azurite, free_port

QUESTIONS = (
    "Mostre o contrato 8446",
    "E quantos recursos tem?",
    "Qual o total de horas?",
    "Agora mostre contrato 8447",
    "Quantos recursos?",
)


def demo_data() -> Path:
    path = ROOT / ".local" / "bench" / f"demo-{today_in('America/Sao_Paulo').isoformat()}.parquet"
    if not path.exists():
        write_snapshot(import_columns(generate(end_date=today_in("America/Sao_Paulo"))).table, path)
    return path


def start(command: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[str], float]:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("Host listening"):
            return process, started
    raise RuntimeError("server did not start")


def stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    process.wait(timeout=10)
    if process.stdout is not None:
        process.stdout.close()


async def start_connector() -> tuple[web.AppRunner, str]:
    """A loopback Bot Connector that accepts every reply."""

    async def reply(_: web.Request) -> web.Response:
        return web.json_response({"id": uuid.uuid4().hex})

    app = web.Application()
    app.router.add_post("/v3/conversations/{conversation}/activities", reply)
    app.router.add_post("/v3/conversations/{conversation}/activities/{activity}", reply)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return runner, f"http://127.0.0.1:{port}"


def activity(conversation: str, text: str, service_url: str, delivery: str = "expectReplies") -> dict[str, object]:
    body: dict[str, object] = {
        "type": "message",
        "id": uuid.uuid4().hex,
        "channelId": "bench",
        "conversation": {"id": conversation},
        "from": {"id": conversation, "name": "Bench"},
        "recipient": {"id": "bot"},
        "text": text,
        "serviceUrl": service_url,
        "deliveryMode": delivery,
    }
    return body


async def load(
    url: str, concurrency: int, turns: int, service_url: str = "", delivery: str = "expectReplies"
) -> dict[str, float]:
    latencies: list[float] = []
    per_conversation = max(1, turns // concurrency)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as http:

        async def conversation(index: int) -> None:
            name = f"c{concurrency}-{index}-{uuid.uuid4().hex[:6]}"
            for turn in range(per_conversation):
                started = time.perf_counter()
                body = activity(name, QUESTIONS[turn % len(QUESTIONS)], service_url or url, delivery)
                async with http.post(url, json=body) as response:
                    await response.read()
                    assert response.status == 200, response.status
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(conversation(i) for i in range(concurrency)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "turns": len(latencies),
        "tps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
    }


def cpu_ms(pid: int) -> float:
    """CPU time (user + system) a process has used so far, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


async def costed(pids: dict[str, int], run_load: Any) -> dict[str, float]:
    """A load run's figures plus the CPU each process spent per turn: unlike latency on a shared machine,
    CPU per turn does not depend on what else is running."""
    before = {name: cpu_ms(pid) for name, pid in pids.items()}
    figures = await run_load
    for name, pid in pids.items():
        figures[f"{name}_cpu"] = (cpu_ms(pid) - before[name]) / figures["turns"]
    return figures


async def cold_start(env: dict[str, str]) -> float:
    port = free_port()
    process, started = start(
        [sys.executable, "-m", "devhost", "--port", str(port), "--settings", str(ROOT / "absent.json")], env
    )
    url = f"http://127.0.0.1:{port}/api/messages"
    try:
        async with aiohttp.ClientSession() as http, http.post(url, json=activity("cold", QUESTIONS[0], url)) as r:
            await r.read()
        return time.perf_counter() - started
    finally:
        stop(process)


async def run(turns: int, delivery_only: bool = False) -> None:
    source = demo_data()
    with Azurite() as azurite:
        env = {
            **os.environ,
            "SESSIONS_STORAGE": azurite.connection_string,
            "APONTAMENTOS_SOURCE": str(source),
            "BOT_ALLOW_ANONYMOUS": "true",
            "SESSION_SWEEP_SCHEDULE": "0 0 0 1 1 *",
            "ALERTS_SCHEDULE": "0 0 0 1 1 *",
            "PYTHONUNBUFFERED": "1",
        }
        results: dict[str, dict[int, dict[str, float]]] = {}
        connector, connector_url = await start_connector()
        for store in ("table",) if delivery_only else ("table", "memory"):
            port = free_port()
            env["SESSIONS_TABLE"] = "bench" + uuid.uuid4().hex[:8]
            process, _ = start([sys.executable, "-m", "bench.server", "--port", str(port), "--store", store], env)
            url = f"http://127.0.0.1:{port}/api/messages"
            try:
                await load(url, 10, 100)  # warm-up: dataset loaded, table created, connections open
                levels = (1, 10) if delivery_only else (1, 10, 100)
                assert azurite._process is not None
                pids = {"bot": process.pid, "storage": azurite._process.pid}
                results[store] = {c: await costed(pids, load(url, c, turns)) for c in levels}
                if store == "table":
                    await load(url, 10, 100, connector_url, "normal")
                    results["sent"] = {
                        c: await costed(pids, load(url, c, turns, connector_url, "normal")) for c in (1, 10)
                    }
            finally:
                stop(process)
        await connector.cleanup()
        if delivery_only:
            print_delivery(results)
            return
        print(
            f"{'concurrency':>11} {'durable t/s':>11} {'p50 ms':>7} {'p99 ms':>7} {'memory t/s':>10} "
            f"{'p50 ms':>7} {'p99 ms':>7} {'p50 ratio':>9}"
        )
        for c in (1, 10, 100):
            d, m = results["table"][c], results["memory"][c]
            print(
                f"{c:>11} {d['tps']:>11.0f} {d['p50']:>7.1f} {d['p99']:>7.1f} {m['tps']:>10.0f} {m['p50']:>7.1f} "
                f"{m['p99']:>7.1f} {d['p50'] / m['p50']:>9.2f}"
            )
        print_delivery(results)
        env["SESSIONS_TABLE"] = "cold" + uuid.uuid4().hex[:8]
        print(f"\ncold start (devhost process start to first answered message): {await cold_start(env):.2f} s")


def print_delivery(results: dict[str, dict[int, dict[str, float]]]) -> None:
    """The delivered turn (reply sent to the connector, delivery recorded) against the in-body turn."""
    print(
        f"\n{'concurrency':>11} {'in-body p50':>11} {'sent t/s':>8} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'sent / in-body p50':>18} {'CPU ms/turn in-body':>19} {'sent':>6} {'sent / in-body CPU':>18}"
    )
    for c in (1, 10):
        n, d = results["sent"][c], results["table"][c]
        cpu_in_body, cpu_sent = d["bot_cpu"] + d["storage_cpu"], n["bot_cpu"] + n["storage_cpu"]
        print(
            f"{c:>11} {d['p50']:>11.1f} {n['tps']:>8.0f} {n['p50']:>7.1f} {n['p99']:>7.1f} "
            f"{n['p50'] / d['p50']:>18.2f} {cpu_in_body:>19.2f} {cpu_sent:>6.2f} {cpu_sent / cpu_in_body:>18.2f}"
        )
    print("(CPU: the bot's process and storage's, per turn; the loopback connector runs in the load generator)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=400)
    parser.add_argument(
        "--delivery-only", action="store_true", help="only the delivered turn against the in-body turn (durable)"
    )
    args = parser.parse_args()
    asyncio.run(run(args.turns, args.delivery_only))


if __name__ == "__main__":
    main()
