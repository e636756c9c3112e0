"""NCRONTAB schedules as the Functions host reads them: six fields, seconds first (croniter does the work)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from croniter import CroniterError, croniter


class CronError(ValueError):
    pass


@dataclass(frozen=True)
class Schedule:
    expression: str

    @classmethod
    def parse(cls, expression: str) -> Schedule:
        if len(expression.split()) != 6:
            raise CronError(f"NCRONTAB needs six fields (seconds first), got {expression!r}")
        try:
            croniter(expression, datetime(2026, 1, 1), second_at_beginning=True).get_next(datetime)
        except (CroniterError, ValueError, KeyError) as err:
            raise CronError(f"not a valid NCRONTAB schedule: {expression!r}") from err
        return cls(expression)

    def next_after(self, moment: datetime) -> datetime:
        """The first matching whole second strictly after `moment`."""
        return croniter(self.expression, moment, second_at_beginning=True).get_next(datetime)
