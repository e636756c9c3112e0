"""A local runner for function_app.py where Azure Functions Core Tools are not installed.

    python -m devhost [--port 7071] [--enable-auth]

It serves the app the way `func start` would: functions discovered from the app's own metadata,
routePrefix from host.json, methods enforced, local.settings.json Values exported where unset,
timers on their NCRONTAB schedule, and POST /admin/functions/{name} to run a non-HTTP function.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import inspect
import json
import logging
import os
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import azure.functions as func
from aiohttp import web
from azure.functions.timer import TimerRequest
from opentelemetry import trace
from opentelemetry.trace import SpanKind

from .cron import CronError, Schedule

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("devhost")
_tracer = trace.get_tracer("devhost")


class HostError(RuntimeError):
    """The app cannot be served as the real host would serve it."""


@dataclass
class HttpFunction:
    name: str
    route: str
    methods: frozenset[str]
    auth_level: str
    call: Callable[..., Any]
    arg_name: str


@dataclass
class OtherFunction:
    name: str
    trigger: dict[str, Any]
    call: Callable[..., Any]
    arg_name: str


def load_settings(path: Path) -> dict[str, Any]:
    """Export local.settings.json Values to the environment where the variable is unset."""
    if not path.exists():
        return {}
    settings = json.loads(path.read_text(encoding="utf-8"))
    for name, value in (settings.get("Values") or {}).items():
        os.environ.setdefault(name, str(value))
    return settings


def route_prefix(host_json: Path) -> str:
    host = json.loads(host_json.read_text(encoding="utf-8")) if host_json.exists() else {}
    prefix = host.get("extensions", {}).get("http", {}).get("routePrefix", "api")
    return prefix.strip("/")


def _resolve(value: str) -> str:
    """%NAME% app-setting references, as the host resolves them."""
    if value.startswith("%") and value.endswith("%") and len(value) > 2:
        name = value[1:-1]
        if name not in os.environ:
            raise HostError(f"app setting {name} is referenced by a binding but not set")
        return os.environ[name]
    return value


def discover(app: func.FunctionApp, prefix: str) -> tuple[list[HttpFunction], list[OtherFunction]]:
    http: list[HttpFunction] = []
    other: list[OtherFunction] = []
    for function in app.get_functions():
        metadata = json.loads(function.get_function_json())
        name = function.get_function_name()
        user_function = function.get_user_function()
        parameters = set(inspect.signature(user_function).parameters)
        bindings = {b["name"] for b in metadata["bindings"] if b["name"] != "$return"}
        if parameters != bindings:
            raise HostError(
                f"function {name}: parameters {sorted(parameters)} do not match bindings {sorted(bindings)}"
            )
        trigger = next(b for b in metadata["bindings"] if b["type"].endswith("Trigger"))
        if trigger["type"] == "httpTrigger":
            route = "/".join(p for p in (prefix, trigger.get("route") or name) if p)
            methods = frozenset(m.upper() for m in trigger.get("methods") or ["GET", "POST", "PUT", "DELETE"])
            http.append(
                HttpFunction(
                    name,
                    "/" + route,
                    methods,
                    trigger.get("authLevel", "FUNCTION").upper(),
                    user_function,
                    trigger["name"],
                )
            )
        else:
            other.append(OtherFunction(name, trigger, user_function, trigger["name"]))
    return http, other


async def _invoke(call: Callable[..., Any], **kwargs: Any) -> Any:
    result = call(**kwargs)
    if isinstance(result, Awaitable):
        result = await result
    return result


class Host:
    def __init__(self, app: func.FunctionApp, prefix: str, keys: dict[str, str], enable_auth: bool) -> None:
        self.http, self.other = discover(app, prefix)
        self.keys = keys
        self.enable_auth = enable_auth
        self.timers: list[asyncio.Task[None]] = []

    def _authorized(self, request: web.Request, level: str) -> bool:
        if not self.enable_auth or level == "ANONYMOUS":
            return True
        given = request.headers.get("x-functions-key") or request.query.get("code")
        allowed = {self.keys.get("master")}
        if level == "FUNCTION":
            allowed.add(self.keys.get("function"))
        return given is not None and given in allowed - {None}

    def web_app(self) -> web.Application:
        application = web.Application(client_max_size=100 * 1024 * 1024)
        for function in self.http:
            application.router.add_route("*", function.route, self._http_handler(function))
        application.router.add_post("/admin/functions/{name}", self._admin)
        application.on_startup.append(self._start_timers)
        application.on_cleanup.append(self._stop_timers)
        return application

    def _http_handler(self, function: HttpFunction) -> Callable[[web.Request], Awaitable[web.Response]]:
        async def handle(request: web.Request) -> web.Response:
            if request.method not in function.methods:
                return web.Response(status=405, headers={"Allow": ", ".join(sorted(function.methods))})
            if not self._authorized(request, function.auth_level):
                return web.Response(status=401)
            req = func.HttpRequest(
                method=request.method,
                url=str(request.url),
                headers=dict(request.headers),
                params=dict(request.query),
                route_params=dict(request.match_info),
                body=await request.read(),
            )
            # The request telemetry the Functions host records (exported when the app configured telemetry).
            with _tracer.start_as_current_span(
                f"{request.method} {function.route}",
                kind=SpanKind.SERVER,
                attributes={
                    "http.request.method": request.method,
                    "url.path": function.route,
                    "faas.name": function.name,
                },
            ) as span:
                response: func.HttpResponse = await _invoke(function.call, **{function.arg_name: req})
                span.set_attribute("http.response.status_code", response.status_code)
                span.set_attribute("url.full", str(request.url))
            headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
            if response.mimetype:
                charset = f"; charset={response.charset}" if response.charset else ""
                headers["Content-Type"] = f"{response.mimetype}{charset}"
            return web.Response(status=response.status_code, body=response.get_body(), headers=headers)

        return handle

    async def _admin(self, request: web.Request) -> web.Response:
        if self.enable_auth and not self._authorized(request, "ADMIN"):
            return web.Response(status=401)
        function = next((f for f in self.other if f.name == request.match_info["name"]), None)
        if function is None:
            return web.Response(status=404)
        asyncio.get_running_loop().create_task(self._run(function))
        return web.Response(status=202)

    async def _run(self, function: OtherFunction) -> None:
        try:
            await _invoke(function.call, **{function.arg_name: TimerRequest(past_due=False)})
            log.info("executed %s", function.name)
        except Exception:
            log.exception("function %s failed", function.name)

    async def _start_timers(self, _: web.Application) -> None:
        for function in self.other:
            if function.trigger["type"] == "timerTrigger":
                schedule = Schedule.parse(_resolve(function.trigger["schedule"]))
                self.timers.append(asyncio.get_running_loop().create_task(self._timer(function, schedule)))

    async def _timer(self, function: OtherFunction, schedule: Schedule) -> None:
        while True:
            now = datetime.now().astimezone()
            await asyncio.sleep((schedule.next_after(now) - now).total_seconds())
            await self._run(function)

    async def _stop_timers(self, _: web.Application) -> None:
        for task in self.timers:
            task.cancel()
        for task in self.timers:
            with contextlib.suppress(asyncio.CancelledError):
                await task


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m devhost", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--port", type=int, default=7071)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--enable-auth", action="store_true", help="enforce function and admin keys")
    parser.add_argument("--settings", type=Path, default=ROOT / "local.settings.json")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    logging.getLogger("azure").setLevel(logging.WARNING)
    settings = load_settings(args.settings)
    sys.path.insert(0, str(ROOT))
    try:
        import function_app

        host = Host(
            function_app.app, route_prefix(ROOT / "host.json"), settings.get("DevhostKeys") or {}, args.enable_auth
        )
        for function in host.other:
            if function.trigger["type"] == "timerTrigger":
                Schedule.parse(_resolve(function.trigger["schedule"]))
    except (HostError, CronError) as err:
        print(f"devhost: {err}", file=sys.stderr)
        return 2
    print("Functions:")
    for f in host.http:
        print(f"  {f.name}: [{','.join(sorted(f.methods))}] http://{args.host}:{args.port}{f.route}")
    for f in host.other:
        print(f"  {f.name}: {f.trigger['type']}")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(host, args.host, args.port))
    return 0


async def serve(host: Host, address: str, port: int) -> None:
    runner = web.AppRunner(host.web_app(), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, address, port).start()
    # Tests and scripts wait for this line rather than polling the port.
    print(f"Host listening on http://{address}:{port}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    sys.exit(main())
