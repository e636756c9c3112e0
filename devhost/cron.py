"""NCRONTAB schedules as the Functions host reads them: six fields, seconds first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

_RANGES = ((0, 59), (0, 59), (0, 23), (1, 31), (1, 12), (0, 6))  # sec min hour day month weekday


class CronError(ValueError):
    pass


def _field(text: str, low: int, high: int) -> frozenset[int]:
    values: set[int] = set()
    for part in text.split(","):
        step = 1
        if "/" in part:
            part, step_text = part.split("/", 1)
            if not step_text.isdigit() or int(step_text) == 0:
                raise CronError(f"bad step in {text!r}")
            step = int(step_text)
        if part == "*":
            start, end = low, high
        elif "-" in part:
            a, b = part.split("-", 1)
            if not (a.isdigit() and b.isdigit()):
                raise CronError(f"bad range in {text!r}")
            start, end = int(a), int(b)
        elif part.isdigit():
            start = int(part)
            end = high if step > 1 else start
        else:
            raise CronError(f"bad value {part!r}")
        if start < low or end > high or start > end:
            raise CronError(f"{text!r} is outside {low}-{high}")
        values.update(range(start, end + 1, step))
    return frozenset(values)


@dataclass(frozen=True)
class Schedule:
    fields: tuple[frozenset[int], ...]

    @classmethod
    def parse(cls, expression: str) -> Schedule:
        parts = expression.split()
        if len(parts) != 6:
            raise CronError(f"NCRONTAB needs six fields (seconds first), got {expression!r}")
        weekday = parts[5].replace("7", "0") if parts[5] != "*" else parts[5]
        parts[5] = weekday
        return cls(tuple(_field(p, lo, hi) for p, (lo, hi) in zip(parts, _RANGES, strict=True)))

    def matches(self, moment: datetime) -> bool:
        second, minute, hour, day, month, weekday = self.fields
        return (
            moment.second in second
            and moment.minute in minute
            and moment.hour in hour
            and moment.day in day
            and moment.month in month
            and (moment.isoweekday() % 7) in weekday
        )

    def next_after(self, moment: datetime) -> datetime:
        """The first matching whole second strictly after `moment` (searched minute by minute)."""
        candidate = moment.replace(microsecond=0) + timedelta(seconds=1)
        for _ in range(366 * 24 * 60 + 1):
            if (
                candidate.minute in self.fields[1]
                and candidate.hour in self.fields[2]
                and candidate.day in self.fields[3]
                and candidate.month in self.fields[4]
                and (candidate.isoweekday() % 7) in self.fields[5]
            ):
                seconds = [s for s in sorted(self.fields[0]) if s >= candidate.second]
                if seconds:
                    return candidate.replace(second=seconds[0])
            candidate = candidate.replace(second=0) + timedelta(minutes=1)
        raise CronError("schedule never fires")
