"""The date the tests run at: chosen by the tests, never the machine's calendar.

`TESTS_TODAY=YYYY-MM-DD` picks the day (default DEFAULT_TODAY); `make test` runs the tests marked `dates` again
at each of its TEST_DATES. The app reads "today" only through the clock given to `bot.app.build_app`: in this
process the tests give it `now`; the bot processes the end-to-end tests start get the same clock through
tests/e2e/pinned_host.py (a test-only entry point; tests/ is never deployed). The clock ticks from 10:00 in
São Paulo on that day.
"""

from __future__ import annotations

import os
import time as _time
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

TIMEZONE = "America/Sao_Paulo"
DEFAULT_TODAY = date(2026, 12, 5)  # a Saturday; figures in some e2e tests were chosen from this date's data
TODAY = date.fromisoformat(os.environ.get("TESTS_TODAY") or DEFAULT_TODAY.isoformat())
START = datetime.combine(TODAY, time(10, 0), ZoneInfo(TIMEZONE)).astimezone(UTC)
OFFSET_VARIABLE = "TESTS_CLOCK_OFFSET"  # read by tests/e2e/pinned_host.py only

# Seconds from the system's time to the tests' time, fixed once so every process shares one clock.
OFFSET = START.timestamp() - _time.time()


def shifted(offset_seconds: float) -> Callable[[], datetime]:
    """A clock running `offset_seconds` ahead of (or behind) the system's time."""
    offset = timedelta(seconds=offset_seconds)
    return lambda: datetime.now(UTC) + offset


now = shifted(OFFSET)
"""The tests' clock (aware, UTC): START plus the time this run has taken so far."""


def child_env() -> dict[str, str]:
    """What a bot process needs to read the same clock (see tests/e2e/pinned_host.py)."""
    return {OFFSET_VARIABLE: repr(OFFSET)}
