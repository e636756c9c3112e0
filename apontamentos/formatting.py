"""pt-BR number and date formatting for everything a user reads."""

from __future__ import annotations

import math
from datetime import date, datetime

from .rules import WEEKDAYS


def number(value: float, decimals: int = 1) -> str:
    """1234.5 -> '1.234,5' (thousands with '.', decimals with ','); halves round up.

    Hours are whole minutes, so 590,55 h is exact: the nudge keeps a sum's float noise (590.5499999…) from
    rounding it down in one place and up in another."""
    text = f"{value + math.copysign(1e-9, value):,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def integer(value: int) -> str:
    return number(value, 0)


def hours(value: float | None) -> str:
    return "—" if value is None else f"{number(value)} h"


def day(value: date) -> str:
    return f"{value:%d/%m/%Y}"


def day_with_weekday(value: date) -> str:
    return f"{value:%d/%m/%Y} ({WEEKDAYS[value.weekday()]})"


def clock(value: datetime | None) -> str:
    return "sem saída" if value is None else f"{value:%H:%M}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{integer(count)} {singular if count == 1 else (plural_form or singular + 's')}"
