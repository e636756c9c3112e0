"""The local runner: NCRONTAB schedules and function discovery as the real host does them."""

from datetime import datetime

import azure.functions as func
import pytest

from devhost.__main__ import HostError, discover
from devhost.cron import CronError, Schedule

# Microsoft's NCRONTAB examples for timer triggers (Azure Functions docs), with the next firing after
# Friday 27/11/2026 10:00:00.
MICROSOFT_EXAMPLES = [
    ("0 */5 * * * *", datetime(2026, 11, 27, 10, 5)),  # once every five minutes
    ("0 0 * * * *", datetime(2026, 11, 27, 11, 0)),  # once at the top of every hour
    ("0 0 */2 * * *", datetime(2026, 11, 27, 12, 0)),  # once every two hours
    ("0 0 9-17 * * *", datetime(2026, 11, 27, 11, 0)),  # once every hour from 9 AM to 5 PM
    ("0 30 9 * * *", datetime(2026, 11, 28, 9, 30)),  # at 9:30 AM every day
    ("0 30 9 * * 1-5", datetime(2026, 11, 30, 9, 30)),  # at 9:30 AM every weekday
    ("0 30 9 * Jan Mon", datetime(2027, 1, 4, 9, 30)),  # at 9:30 AM every Monday in January
]


@pytest.mark.parametrize(("expression", "expected"), MICROSOFT_EXAMPLES, ids=[e for e, _ in MICROSOFT_EXAMPLES])
def test_microsoft_ncrontab_examples(expression: str, expected: datetime) -> None:
    assert Schedule.parse(expression).next_after(datetime(2026, 11, 27, 10, 0)) == expected


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
