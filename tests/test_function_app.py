"""The five functions' metadata, read the way the Functions host reads it."""

import json

import function_app


def test_function_metadata() -> None:
    functions = {f.get_function_name(): json.loads(f.get_function_json()) for f in function_app.app.get_functions()}
    assert set(functions) == {"messages", "sessions", "review", "sweep_sessions", "send_alerts"}
    alerts = functions["send_alerts"]["bindings"][0]
    assert (alerts["type"], alerts["schedule"]) == ("timerTrigger", "%ALERTS_SCHEDULE%")
    messages = functions["messages"]["bindings"][0]
    assert (messages["type"], messages["route"], messages["methods"], messages["authLevel"]) == (
        "httpTrigger",
        "api/messages",
        ["POST"],
        "ANONYMOUS",
    )
    sessions = functions["sessions"]["bindings"][0]
    assert (sessions["route"], sessions["methods"], sessions["authLevel"]) == ("sessions", ["GET"], "FUNCTION")
    review = functions["review"]["bindings"][0]
    assert (review["route"], review["methods"], review["authLevel"]) == ("review", ["GET"], "FUNCTION")
    timer = functions["sweep_sessions"]["bindings"][0]
    assert (timer["type"], timer["schedule"], timer["runOnStartup"]) == (
        "timerTrigger",
        "%SESSION_SWEEP_SCHEDULE%",
        False,
    )


def test_host_json_routes_without_prefix() -> None:
    with open(function_app.__file__.replace("function_app.py", "host.json"), encoding="utf-8") as handle:
        host = json.load(handle)
    assert host["version"] == "2.0"
    assert host["extensions"]["http"]["routePrefix"] == ""


def test_example_settings_list_every_setting() -> None:
    from tests.e2e.harness import setting_names

    with open(function_app.__file__.replace("function_app.py", "local.settings.json.example"), encoding="utf-8") as f:
        values = json.load(f)["Values"]
    assert setting_names() <= set(values), setting_names() - set(values)
    assert len(setting_names()) >= 25
    assert values["SESSION_SWEEP_SCHEDULE"] == "0 */5 * * * *"


def test_host_json_is_set_for_opentelemetry() -> None:
    with open(function_app.__file__.replace("function_app.py", "host.json"), encoding="utf-8") as handle:
        host = json.load(handle)
    # The host then exports its request telemetry with OpenTelemetry semantics, correlated with the worker's
    # spans; the Application Insights SDK sampling section no longer applies.
    assert host["telemetryMode"] == "OpenTelemetry"
    assert "applicationInsights" not in host["logging"]
