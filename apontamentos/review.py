"""What people asked and the bot did not understand, counted per ISO week so an operator sees what to teach
next (a VOCABULARY line, a new phrasing): the unknown words and the shapes of the questions.

No message text is stored. A shape keeps only the words the engine reads; every other word is a placeholder
(`<?>` unknown, `<nome>` a person's name, `<n>` a number, `<data>` a date), and a word that matches or
nearly matches a person's name in the dataset is never counted. Counts live in Table Storage, one entity per
(week, word or shape), incremented with conditional writes so that any number of instances can count at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import difflib
import hashlib
import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from azure.core import MatchConditions
from azure.core.exceptions import AzureError, ResourceExistsError, ResourceModifiedError, ResourceNotFoundError
from azure.data.tables import UpdateMode
from azure.data.tables.aio import TableClient

from .language import known, prepare

# The answers that mean "I did not understand": unknown words or shapes, and periods it could not read.
MISSED = frozenset({"not_understood", "period"})
MAX_SHAPE_WORDS = 14
MAX_WORD_CHARS = 40
MAX_ATTEMPTS = 25
TOTAL_ROW = "total"
CLIENT_OPTIONS: dict[str, Any] = {"retry_total": 2, "connection_timeout": 3, "read_timeout": 5}


class ReviewUnavailable(Exception):
    """The review table could not be read or written; the cause is chained."""


@dataclass(frozen=True)
class Miss:
    """One question not understood, reduced to what may be stored."""

    words: tuple[str, ...]  # unknown words, names masked out
    shape: str  # the question with every word the engine does not read replaced by a placeholder


@dataclass(frozen=True)
class WeekReport:
    week: str  # ISO week, "2026-W49"
    questions: int  # questions not understood that week
    words: tuple[tuple[str, int], ...]  # most frequent first
    shapes: tuple[tuple[str, int], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "week": self.week,
            "questions": self.questions,
            "words": [{"word": w, "count": c} for w, c in self.words],
            "shapes": [{"shape": s, "count": c} for s, c in self.shapes],
        }


def week_of(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def miss_of(question: str, names: frozenset[str], vocabulary: Any = None) -> Miss:
    """The unknown words and the shape of a question, with anything like a person's name masked."""
    tokens: list[str] = []
    unknown: list[str] = []
    for word in prepare(question, vocabulary).split():
        if "/" in word:
            tokens.append("<data>")
        elif any(c.isdigit() for c in word):
            tokens.append("<n>")
        elif _is_name(word, names):
            tokens.append("<nome>")
        elif known(word):
            tokens.append(word)
        else:
            tokens.append("<?>")
            if len(word) <= MAX_WORD_CHARS:
                unknown.append(word)
    shape = " ".join(tokens[:MAX_SHAPE_WORDS]) + (" …" if len(tokens) > MAX_SHAPE_WORDS else "")
    return Miss(tuple(dict.fromkeys(unknown)), shape)


def _is_name(word: str, names: frozenset[str]) -> bool:
    """A word of a person's name, or one or two letters off one ("mariaa"): a name must never be counted."""
    if word in names:
        return True
    return len(word) >= 3 and bool(difflib.get_close_matches(word, names, n=1, cutoff=0.8))


class ReviewLog:
    """The review counts in one table: PartitionKey the ISO week, RowKey `total`, `w-<word>` or `s-<hash>`."""

    def __init__(self, client_factory: Any) -> None:
        self._client_factory = client_factory
        self._client: TableClient | None = None
        self._ready = False
        self._lock: asyncio.Lock | None = None

    @classmethod
    def from_connection_string(cls, connection_string: str, table: str) -> ReviewLog:
        return cls(lambda: TableClient.from_connection_string(connection_string, table, **CLIENT_OPTIONS))

    @classmethod
    def from_endpoint(cls, endpoint: str, table: str, credential: Any) -> ReviewLog:
        return cls(lambda: TableClient(endpoint, table, credential=credential, **CLIENT_OPTIONS))

    async def _table(self) -> TableClient:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            if self._client is None:
                self._client = self._client_factory()
            if not self._ready:
                with contextlib.suppress(ResourceExistsError):
                    await self._client.create_table()
                self._ready = True
        return self._client

    async def record(self, miss: Miss, day: date) -> None:
        """Count one question not understood on `day`: the week's total, each unknown word and the shape."""
        week = week_of(day)
        rows = [(TOTAL_ROW, {})]
        rows += [(f"w-{word}", {"Word": word}) for word in miss.words]
        rows.append((f"s-{hashlib.sha256(miss.shape.encode()).hexdigest()[:32]}", {"Shape": miss.shape}))
        try:
            table = await self._table()
            await asyncio.gather(*(self._increment(table, week, row, extra) for row, extra in rows))
        except AzureError as err:
            raise ReviewUnavailable(f"review record: {type(err).__name__}") from err

    @staticmethod
    async def _increment(table: TableClient, week: str, row: str, extra: dict[str, str]) -> None:
        """Add one to a counter: create it, or merge the new count on the ETag read; retried on a race."""
        for attempt in range(MAX_ATTEMPTS):
            if attempt:
                # Writers that met on one counter spread out before reading it again.
                await asyncio.sleep(random.uniform(0, 0.01 * min(attempt, 10)))
            try:
                entity = await table.get_entity(week, row)
            except ResourceNotFoundError:
                try:
                    await table.create_entity({"PartitionKey": week, "RowKey": row, "Count": 1, **extra})
                    return
                except ResourceExistsError:
                    continue  # another instance created it first: read it and add to its count
            try:
                await table.update_entity(
                    {"PartitionKey": week, "RowKey": row, "Count": int(entity.get("Count", 0)) + 1},
                    mode=UpdateMode.MERGE,
                    etag=entity.metadata["etag"],
                    match_condition=MatchConditions.IfNotModified,
                )
                return
            except (ResourceModifiedError, ResourceNotFoundError):
                continue  # someone else counted in between: read again
        raise ResourceModifiedError(f"review counter {row} kept changing")

    async def weeks(self, today: date, count: int = 4, top: int = 20) -> list[WeekReport]:
        """The last `count` ISO weeks up to today's, newest first, each with its `top` words and shapes."""
        days = [today - timedelta(weeks=back) for back in range(count)]
        try:
            table = await self._table()
            return [await self._week(table, week_of(day), top) for day in days]
        except AzureError as err:
            raise ReviewUnavailable(f"review read: {type(err).__name__}") from err

    @staticmethod
    async def _week(table: TableClient, week: str, top: int) -> WeekReport:
        entities = [e async for e in table.query_entities("PartitionKey eq @week", parameters={"week": week})]
        total = sum(int(e.get("Count", 0)) for e in entities if e["RowKey"] == TOTAL_ROW)
        words = _ranked((e["Word"], int(e["Count"])) for e in entities if "Word" in e)
        shapes = _ranked((e["Shape"], int(e["Count"])) for e in entities if "Shape" in e)
        return WeekReport(week, total, words[:top], shapes[:top])

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None
            self._ready = False


def _ranked(counts: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts, key=lambda item: (-item[1], item[0])))


def render(reports: list[WeekReport]) -> str:
    """The review as plain text for the command line."""
    lines: list[str] = []
    for report in reports:
        lines.append(f"{report.week}: {report.questions} perguntas não entendidas")
        if report.words:
            lines.append("  palavras: " + ", ".join(f"{w} ({c})" for w, c in report.words))
        for shape, count in report.shapes:
            lines.append(f"  {count:>4} × {shape}")
    return "\n".join(lines) if lines else "Nenhuma semana."
