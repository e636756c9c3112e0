"""SessionStore: conversation sessions in Azure Table Storage, one entity per session.

Every turn costs one point read (`load`) and one conditional write (`commit`). Concurrent turns on
one session are serialised by the entity's ETag: a writer that loses re-reads and re-applies its
own turn, so no message is lost and no cross-session state lives in process memory.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import json
import logging
import random
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from azure.core import MatchConditions
from azure.core.exceptions import (
    AzureError,
    HttpResponseError,
    ResourceExistsError,
    ResourceModifiedError,
    ResourceNotFoundError,
)
from azure.data.tables import UpdateMode
from azure.data.tables.aio import TableClient

from .entity import ROW_KEY, SMALL_COLUMNS, fit_to_limits, from_entity, to_entity
from .keys import activity_fingerprint, session_key
from .model import Session, Turn, apply_turn

log = logging.getLogger(__name__)

# Bounded SDK retries plus an overall deadline per operation: a storage outage must surface as
# SessionStoreUnavailable in seconds, so the bot can say so instead of leaving the user waiting.
_CLIENT_OPTIONS: dict[str, Any] = {
    "retry_total": 2,
    "retry_backoff_factor": 0.2,
    "retry_backoff_max": 1.0,
    "connection_timeout": 3,
    "read_timeout": 5,
}
DEFAULT_OPERATION_TIMEOUT = 6.0
SCAN_TIMEOUT = 120.0  # whole-table scans (count, sweep) for operators and the timer, not for a user's turn
SWEEP_CONCURRENCY = 16
MAX_COMMIT_ATTEMPTS = 40


class SessionStoreError(Exception):
    """Base of the errors the session store raises."""


class SessionStoreUnavailable(SessionStoreError):
    """Storage did not answer, or answered with a server error, within the operation's deadline."""


class SessionCommitConflict(SessionStoreError):
    """The session kept changing under a commit for MAX_COMMIT_ATTEMPTS attempts."""


class InvalidContinuation(SessionStoreError, ValueError):
    """A listing continuation token that this store did not produce."""


@dataclass(frozen=True)
class CommitResult:
    session: Session
    duplicate: bool


@dataclass(frozen=True)
class SessionPage:
    """Active sessions without their history, and the token for the next page (None when last)."""

    sessions: list[Session]
    continuation: str | None


@dataclass(frozen=True)
class SweepResult:
    scanned: int
    deleted: int
    kept: int


def _now() -> datetime:
    return datetime.now(UTC)


class SessionStore:
    def __init__(
        self,
        *,
        client_factory: Callable[[], TableClient],
        timeout: timedelta,
        max_messages: int,
        operation_timeout: float = DEFAULT_OPERATION_TIMEOUT,
    ) -> None:
        self._client_factory = client_factory
        self._client: TableClient | None = None
        self._table_ready = False
        self._ready_lock: asyncio.Lock | None = None
        self.timeout = timeout
        self.max_messages = max_messages
        self._operation_timeout = operation_timeout

    @classmethod
    def from_connection_string(cls, connection_string: str, table: str, **kwargs: Any) -> SessionStore:
        def factory() -> TableClient:
            return TableClient.from_connection_string(connection_string, table, **_CLIENT_OPTIONS)

        return cls(client_factory=factory, **kwargs)

    @classmethod
    def from_endpoint(cls, endpoint: str, table: str, credential: Any, **kwargs: Any) -> SessionStore:
        def factory() -> TableClient:
            return TableClient(endpoint, table, credential=credential, **_CLIENT_OPTIONS)

        return cls(client_factory=factory, **kwargs)

    # -- plumbing -------------------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def _guard(self, operation: str, timeout: float | None = None) -> AsyncIterator[None]:
        """Translate transport failures, server errors and the deadline into SessionStoreUnavailable."""
        timeout = timeout or self._operation_timeout
        try:
            async with asyncio.timeout(timeout):
                yield
        except TimeoutError as err:
            raise SessionStoreUnavailable(f"{operation}: no answer within {timeout}s") from err
        except (ResourceNotFoundError, ResourceExistsError, ResourceModifiedError):
            raise
        except HttpResponseError as err:
            raise SessionStoreUnavailable(f"{operation}: storage answered {err.status_code}") from err
        except AzureError as err:
            raise SessionStoreUnavailable(f"{operation}: {type(err).__name__}") from err

    async def _table(self) -> TableClient:
        """The table client, creating the table once per process."""
        if self._table_ready and self._client is not None:
            return self._client
        if self._ready_lock is None:
            self._ready_lock = asyncio.Lock()
        async with self._ready_lock:
            if self._client is None:
                self._client = self._client_factory()
            if not self._table_ready:
                async with self._guard("create table"):
                    with contextlib.suppress(ResourceExistsError):
                        await self._client.create_table()
                self._table_ready = True
        return self._client

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None
            self._table_ready = False

    async def _read(self, key: str) -> Session | None:
        table = await self._table()
        async with self._guard("read"):
            try:
                entity = await table.get_entity(key, ROW_KEY)
            except ResourceNotFoundError:
                return None
        return from_entity(entity, entity.metadata["etag"])

    # -- the contract ---------------------------------------------------------------------------

    async def load(
        self, channel_id: str, conversation_id: str, user_id: str, *, now: datetime | None = None
    ) -> Session:
        """The user's session in this conversation; a fresh one when absent or idle past the timeout."""
        now = now or _now()
        stored = await self._read(session_key(channel_id, conversation_id, user_id))
        if stored is None:
            return Session.new(channel_id, conversation_id, user_id, now)
        # Keep the caller's full ids: the stored ones are display copies.
        stored = replace(stored, channel_id=channel_id, conversation_id=conversation_id, user_id=user_id)
        return stored.restarted(now) if stored.is_idle(now, self.timeout) else stored

    async def commit(self, session: Session, turn: Turn, *, now: datetime | None = None) -> CommitResult:
        """Append the turn with one conditional write; on a conflict re-read and re-apply it.

        A turn whose activity id the session already recorded is reported as a duplicate and not
        written, which makes redelivered activities idempotent.
        """
        fingerprint = activity_fingerprint(turn.activity_id) if turn.activity_id else None
        current = session
        for attempt in range(MAX_COMMIT_ATTEMPTS):
            now_ = now or _now()
            if fingerprint is not None and fingerprint in current.recent_activities:
                return CommitResult(current, duplicate=True)
            updated = fit_to_limits(apply_turn(current, turn, fingerprint, now_, self.max_messages))
            written = await self._write(updated)
            if written is not None:
                return CommitResult(written, duplicate=False)
            await asyncio.sleep(random.uniform(0, 0.005 * (attempt + 1)))
            current = await self._reload(session, now_)
        raise SessionCommitConflict(f"session {session.key[:12]} changed {MAX_COMMIT_ATTEMPTS} times")

    async def _reload(self, session: Session, now: datetime) -> Session:
        return await self.load(session.channel_id, session.conversation_id, session.user_id, now=now)

    async def _write(self, session: Session) -> Session | None:
        """Insert or conditionally replace; None when another writer got there first."""
        table = await self._table()
        entity = to_entity(session)
        async with self._guard("write"):
            try:
                if session.etag is None:
                    metadata = await table.create_entity(entity)
                else:
                    metadata = await table.update_entity(
                        entity,
                        mode=UpdateMode.REPLACE,
                        etag=session.etag,
                        match_condition=MatchConditions.IfNotModified,
                    )
            except (ResourceExistsError, ResourceModifiedError, ResourceNotFoundError):
                # Exists: a concurrent first turn. Modified: a concurrent turn. Not found: swept.
                return None
        return replace(session, etag=metadata["etag"])

    async def delete(self, channel_id: str, conversation_id: str, user_id: str) -> None:
        """Forget the session; deleting an absent one is not an error."""
        table = await self._table()
        async with self._guard("delete"):
            await table.delete_entity(session_key(channel_id, conversation_id, user_id), ROW_KEY)

    async def list(
        self, *, limit: int = 100, continuation: str | None = None, now: datetime | None = None
    ) -> SessionPage:
        """Active sessions, `limit` at most, reading only the small columns (never the history)."""
        token = _decode_token(continuation)
        table = await self._table()
        found: list[Session] = []
        async with self._guard("list"):
            while len(found) < limit:
                pages = table.query_entities(
                    "LastActivity ge @cutoff",
                    parameters={"cutoff": (now or _now()) - self.timeout},
                    select=SMALL_COLUMNS,
                    results_per_page=limit - len(found),
                ).by_page(continuation_token=token)
                page = await anext(pages, None)
                if page is not None:
                    found.extend([from_entity(e, e.metadata.get("etag")) async for e in page])
                token = pages.continuation_token
                if not token:
                    break
        return SessionPage(found, _encode_token(token))

    async def count(self, *, now: datetime | None = None) -> int:
        """How many sessions are active (reads only the keys)."""
        table = await self._table()
        total = 0
        async with self._guard("count", SCAN_TIMEOUT):
            async for _ in table.query_entities(
                "LastActivity ge @cutoff",
                parameters={"cutoff": (now or _now()) - self.timeout},
                select=["PartitionKey"],
                results_per_page=1000,
            ):
                total += 1
        return total

    async def sweep(self, *, now: datetime | None = None) -> SweepResult:
        """Delete sessions idle past the timeout.

        Each delete is conditional on the ETag read in the scan, so a session that became active
        in between survives.
        """
        table = await self._table()
        async with self._guard("sweep scan", SCAN_TIMEOUT):
            idle = [
                entity
                async for entity in table.query_entities(
                    "LastActivity lt @cutoff",
                    parameters={"cutoff": (now or _now()) - self.timeout},
                    select=["PartitionKey", "RowKey"],
                    results_per_page=1000,
                )
            ]
        # Every session is its own partition, so no batch applies: deletes run concurrently instead.
        slots = asyncio.Semaphore(SWEEP_CONCURRENCY)

        async def remove(entity: Any) -> bool:
            async with slots, self._guard("sweep delete"):
                try:
                    await table.delete_entity(
                        entity["PartitionKey"],
                        entity["RowKey"],
                        etag=entity.metadata["etag"],
                        match_condition=MatchConditions.IfNotModified,
                    )
                    return True
                except (ResourceModifiedError, ResourceNotFoundError):
                    return False

        deleted = sum(await asyncio.gather(*(remove(entity) for entity in idle)))
        return SweepResult(scanned=len(idle), deleted=deleted, kept=len(idle) - deleted)


def _encode_token(token: dict[str, str] | None) -> str | None:
    if not token:
        return None
    return base64.urlsafe_b64encode(json.dumps(token).encode()).decode().rstrip("=")


def _decode_token(value: str | None) -> dict[str, str] | None:
    if not value:
        return None
    try:
        decoded = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError) as err:
        raise InvalidContinuation("continuation token is not valid") from err
    if not isinstance(decoded, dict) or not all(isinstance(decoded.get(k), str) for k in ("PartitionKey", "RowKey")):
        raise InvalidContinuation("continuation token is not valid")
    return {"PartitionKey": decoded["PartitionKey"], "RowKey": decoded["RowKey"]}
