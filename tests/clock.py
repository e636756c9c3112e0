"""The date the tests run at: chosen by the tests, never the machine's calendar.

`TESTS_TODAY=YYYY-MM-DD` picks the day (default DEFAULT_TODAY); `make test` runs the tests marked `dates` again
at each of its TEST_DATES. In this process the app gets `now` as its injected clock; the bot processes the
end-to-end tests start run under libfaketime (Debian's `faketime`) shifted to the same moment, so every "now"
in the test run, in or out of process, reads the same clock, ticking from 10:00 in São Paulo on that day.
"""

from __future__ import annotations

import glob
import os
import subprocess
import time as _time
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

TIMEZONE = "America/Sao_Paulo"
DEFAULT_TODAY = date(2026, 11, 25)  # a Wednesday
TODAY = date.fromisoformat(os.environ.get("TESTS_TODAY") or DEFAULT_TODAY.isoformat())
START = datetime.combine(TODAY, time(10, 0), ZoneInfo(TIMEZONE)).astimezone(UTC)
FAKETIME_LIBRARIES = "/usr/lib/*/faketime/libfaketime.so.1"


def _real_time() -> float:
    """The system's time even when this process itself runs under faketime (a child without the preload)."""
    if "faketime" not in os.environ.get("LD_PRELOAD", ""):
        return _time.time()
    env = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "FAKETIME")}
    return float(subprocess.run(["date", "+%s.%N"], env=env, capture_output=True, text=True, check=True).stdout)


_STARTED = _time.time()
_OFFSET = START.timestamp() - _real_time()  # seconds from the system's time to the tests' time


def now() -> datetime:
    """The tests' clock (aware, UTC): START plus the time this run has taken so far."""
    return START + timedelta(seconds=_time.time() - _STARTED)


def today() -> date:
    return TODAY


def faketime_env() -> dict[str, str]:
    """Environment variables that put a child process on the tests' clock (libfaketime, relative offset)."""
    found = sorted(glob.glob(FAKETIME_LIBRARIES))
    if not found:
        raise RuntimeError(
            "libfaketime is missing: the bot processes run at the tests' date through it. "
            "`make test` installs it (apt-get install faketime)."
        )
    return {
        "LD_PRELOAD": found[0],
        "FAKETIME": f"{_OFFSET:+.0f}",
        # asyncio's timers and timeouts keep the real monotonic clock; only the calendar moves.
        "FAKETIME_DONT_FAKE_MONOTONIC": "1",
    }
