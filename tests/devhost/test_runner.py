"""The local runner: NCRONTAB schedules and function discovery as the real host does them."""

from datetime import datetime

import azure.functions as func
import pytest

from devhost.__main__ import HostError, discover
from devhost.cron import CronError, Schedule


def test_every_five_minutes() -> None:
    schedule = Schedule.parse("0 */5 * * * *")
    assert schedule.next_after(datetime(2026, 11, 25, 10, 3, 7)) == datetime(2026, 11, 25, 10, 5, 0)
    assert schedule.next_after(datetime(2026, 11, 25, 10, 55, 0)) == datetime(2026, 11, 25, 11, 0, 0)


def test_seconds_weekdays_and_ranges() -> None:
    schedule = Schedule.parse("30 0 9 * * 1-5")  # 09:00:30 on weekdays
    assert schedule.next_after(datetime(2026, 11, 27, 10, 0)) == datetime(2026, 11, 30, 9, 0, 30)  # Fri -> Mon
    assert Schedule.parse("*/20 * * * * *").next_after(datetime(2026, 1, 1, 0, 0, 41)) == datetime(2026, 1, 1, 0, 1)


@pytest.mark.parametrize("expression", ["*/5 * * * *", "0 */0 * * * *", "61 * * * * *", "a * * * * *", ""])
def test_bad_schedules(expression: str) -> None:
    with pytest.raises(CronError):
        Schedule.parse(expression)


def test_discovery_uses_the_app_metadata_and_route_prefix() -> None:
    app = func.FunctionApp()

    @app.route(route="ping", methods=["GET"], auth_level=func.AuthLevel.ANONYMOUS)
    def ping(req: func.HttpRequest) -> func.HttpResponse:
        return func.HttpResponse("pong")

    http, other = discover(app, "api")
    assert [(f.name, f.route, sorted(f.methods), f.auth_level) for f in http] == [
        ("ping", "/api/ping", ["GET"], "ANONYMOUS")
    ]
    assert other == []


def test_parameter_names_must_match_bindings() -> None:
    app = func.FunctionApp()

    @app.route(route="ping")
    def ping(request: func.HttpRequest) -> func.HttpResponse:  # the binding is named "req"
        return func.HttpResponse("pong")

    with pytest.raises(HostError, match="do not match bindings"):
        discover(app, "")


def _private_app() -> func.FunctionApp:
    app = func.FunctionApp()

    @app.route(route="private", methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
    def private(req: func.HttpRequest) -> func.HttpResponse:
        return func.HttpResponse("segredo")

    @app.timer_trigger(schedule="0 0 0 1 1 *", arg_name="timer")
    def tick(timer: func.TimerRequest) -> None:
        pass

    return app


@pytest.mark.parametrize(("enable_auth", "expected"), [(False, [200, 200, 200, 202]), (True, [401, 200, 200, 401])])
async def test_keys_are_enforced_only_with_enable_auth(enable_auth: bool, expected: list[int]) -> None:
    from aiohttp.test_utils import TestClient, TestServer

    from devhost.__main__ import Host

    host = Host(_private_app(), "", {"function": "f-key", "master": "m-key"}, enable_auth)
    async with TestClient(TestServer(host.web_app())) as client:
        statuses = [
            (await client.get("/private")).status,
            (await client.get("/private", headers={"x-functions-key": "f-key"})).status,
            (await client.get("/private?code=m-key")).status,
            (await client.post("/admin/functions/tick", headers={"x-functions-key": "f-key"})).status,
        ]
        missing = await client.post("/admin/functions/nope", headers={"x-functions-key": "m-key"})
    assert statuses == expected
    assert missing.status == 404
