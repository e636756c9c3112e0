"""Telemetry through OpenTelemetry: to Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is
set, and nowhere otherwise (the API's instruments are no-ops until a provider is configured).

What is recorded never holds message text or names: per turn the outcome, engine, kind of question and
the time of each phase; model tokens; spans for the turn and, through the distro's instrumentations, for
Table Storage (azure-core) and the model (httpx); warnings and errors from the logs, exceptions included.
"""

from __future__ import annotations

import logging

from opentelemetry import metrics, trace

log = logging.getLogger(__name__)

tracer = trace.get_tracer("bot")
_meter = metrics.get_meter("bot")
TURNS = _meter.create_counter("bot.turns", description="Turns by outcome, engine and kind of question")
PHASE_MS = _meter.create_histogram("bot.turn.phase", unit="ms", description="Time of each phase of a turn")
TOKENS = _meter.create_counter("bot.llm.tokens", description="Model tokens, prompt and completion")
FEEDBACK = _meter.create_counter("bot.feedback", description="Verdicts on answers by reaction, engine and kind")

_configured = False


def configure(connection_string: str | None) -> bool:
    """Send traces, metrics and logs to Application Insights; nothing without a connection string."""
    global _configured
    if not connection_string or _configured:
        return _configured
    from azure.monitor.opentelemetry import configure_azure_monitor

    configure_azure_monitor(
        connection_string=connection_string,
        enable_live_metrics=False,
        # Only the libraries this app uses; the Functions host reports the HTTP requests itself.
        instrumentation_options={
            "azure_sdk": {"enabled": True},
            "django": {"enabled": False},
            "fastapi": {"enabled": False},
            "flask": {"enabled": False},
            "psycopg2": {"enabled": False},
        },
    )
    _configured = True
    log.info("telemetry to Application Insights enabled")
    return True


def record_turn(*, engine: str, outcome: str, kind: str, timings: dict[str, float]) -> None:
    attributes = {"engine": engine, "outcome": outcome, "kind": kind or "-"}
    TURNS.add(1, attributes)
    for phase, seconds in timings.items():
        PHASE_MS.record(seconds * 1000, {"phase": phase, "engine": engine})


def record_tokens(prompt: int, completion: int) -> None:
    TOKENS.add(prompt, {"type": "prompt"})
    TOKENS.add(completion, {"type": "completion"})


def record_feedback(*, reaction: str, engine: str, kind: str) -> None:
    FEEDBACK.add(1, {"reaction": reaction, "engine": engine, "kind": kind})
