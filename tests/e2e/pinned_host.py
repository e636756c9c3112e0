"""`python -m tests.e2e.pinned_host [devhost options]`: devhost serving function_app with the app's clock set to
the tests' clock (TESTS_CLOCK_OFFSET seconds from the system's time). Test-only: tests/ is never deployed, and
the deployed app has no setting that moves its clock."""

from __future__ import annotations

import os
import sys

from bot import app as composition
from bot.settings import Settings
from devhost.__main__ import main

from ..clock import OFFSET_VARIABLE, shifted


def pin_clock(offset_seconds: float) -> None:
    """Replace the composition root's get_app (before function_app imports it) with one on the shifted clock."""
    built: list[composition.App] = []
    clock = shifted(offset_seconds)

    def get_app() -> composition.App:
        if not built:
            built.append(composition.build_app(Settings.from_env(os.environ), clock=clock))
        return built[0]

    composition.get_app = get_app


if __name__ == "__main__":
    pin_clock(float(os.environ[OFFSET_VARIABLE]))
    sys.exit(main())
