"""SessionStore: conversation sessions in Azure Table Storage, one entity per session.

Every turn costs one point read (`load`) and one conditional write (`commit`). Concurrent turns on
one session are serialised by the entity's ETag: a writer that loses re-reads and re-applies its
own turn, so no message is lost and no cross-session state lives in process memory. The rules above
the read and the write live in `conditional.py`, shared with the in-memory store.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from azure.core import MatchConditions
from azure.core.exceptions import (
    ResourceExistsError,
    ResourceModifiedError,
    ResourceNotFoundError,
)
from azure.data.tables import TableTransactionError, UpdateMode
from azure.data.tables.aio import TableClient

from .conditional import MAX_COMMIT_ATTEMPTS, REPLY_LEASE, ConditionalStore, now_utc
from .entity import ROW_KEY, SMALL_COLUMNS, from_entity, outbox_entity, to_entity
from .keys import session_key
from .model import Session
from .protocol import (
    ClaimedReply,
    CommitResult,
    InvalidContinuation,
    ReplyInFlight,
    SessionCommitConflict,
    SessionPage,
    SweepResult,
)
from .table import DEFAULT_OPERATION_TIMEOUT, TableStore, table_missing

__all__ = [
    "MAX_COMMIT_ATTEMPTS",
    "REPLY_LEASE",
    "ClaimedReply",
    "CommitResult",
    "InvalidContinuation",
    "ReplyInFlight",
    "SessionCommitConflict",
    "SessionPage",
    "SessionStore",
    "SweepResult",
]

SCAN_TIMEOUT = 120.0  # whole-table scans (count, sweep) for operators and the timer, not for a user's turn
# The sweep is background work sharing storage and the connection pool with live turns: few deletes at a
# time, in small batches, and one sweep at a time per process (overlapping timer runs queue, then find
# little left), so a turn never waits behind thousands of deletes.
SWEEP_CONCURRENCY = 4
SWEEP_BATCH = 100


class SessionStore(ConditionalStore, TableStore):
    def __init__(
        self,
        *,
        client_factory: Callable[[], TableClient],
        timeout: timedelta,
        max_messages: int,
        operation_timeout: float = DEFAULT_OPERATION_TIMEOUT,
    ) -> None:
        ConditionalStore.__init__(self, timeout=timeout, max_messages=max_messages)
        TableStore.__init__(self, client_factory=client_factory, operation_timeout=operation_timeout)
        self._sweeping: asyncio.Lock | None = None

    async def _read(self, key: str) -> Session | None:
        async def read(table: TableClient) -> Any:
            try:
                return await table.get_entity(key, ROW_KEY)
            except ResourceNotFoundError as err:
                if table_missing(err):
                    raise
                return None

        entity = await self._run("read", read)
        return None if entity is None else from_entity(entity, entity.metadata["etag"])

    async def _write(self, session: Session, *, outbox_only: bool = False) -> Session | None:
        """Insert, or conditionally replace (merge the outbox alone when `outbox_only`); None when another
        writer won."""
        entity = outbox_entity(session) if outbox_only else to_entity(session)

        async def write(table: TableClient) -> Any:
            try:
                if session.etag is None:
                    return await table.create_entity(entity)
                return await table.update_entity(
                    entity,
                    mode=UpdateMode.MERGE if outbox_only else UpdateMode.REPLACE,
                    etag=session.etag,
                    match_condition=MatchConditions.IfNotModified,
                )
            except (ResourceExistsError, ResourceModifiedError, ResourceNotFoundError) as err:
                if isinstance(err, ResourceNotFoundError) and table_missing(err):
                    raise
                # Exists: a concurrent first turn. Modified: a concurrent turn. Not found: swept.
                return None

        metadata = await self._run("write", write)
        return None if metadata is None else replace(session, etag=metadata["etag"])

    async def _active(self, cutoff: datetime) -> list[Session]:
        async def scan(table: TableClient) -> list[Session]:
            return [
                from_entity(e, e.metadata.get("etag"))
                async for e in table.query_entities(
                    "LastActivity ge @cutoff",
                    parameters={"cutoff": cutoff},
                    select=SMALL_COLUMNS,
                    results_per_page=1000,
                )
            ]

        return await self._run("list", scan, SCAN_TIMEOUT)

    async def delete(self, channel_id: str, conversation_id: str, user_id: str) -> None:
        """Forget the session; deleting an absent one is not an error."""
        key = session_key(channel_id, conversation_id, user_id)
        await self._run("delete", lambda table: table.delete_entity(key, ROW_KEY))

    async def count(self, *, now: datetime | None = None) -> int:
        """How many sessions are active (reads only the keys)."""
        cutoff = (now or now_utc()) - self.timeout

        async def scan(table: TableClient) -> int:
            total = 0
            async for _ in table.query_entities(
                "LastActivity ge @cutoff", parameters={"cutoff": cutoff}, select=["PartitionKey"], results_per_page=1000
            ):
                total += 1
            return total

        return await self._run("count", scan, SCAN_TIMEOUT)

    async def sweep(self, *, now: datetime | None = None) -> SweepResult:
        """Delete sessions idle past the timeout.

        Each delete is conditional on the ETag read in the scan, so a session that became active
        in between survives, and only deletes that removed a row are counted (overlapping sweeps
        do not count one session twice).
        """
        if self._sweeping is None:
            self._sweeping = asyncio.Lock()
        async with self._sweeping:
            return await self._sweep((now or now_utc()) - self.timeout)

    async def _sweep(self, cutoff: datetime) -> SweepResult:
        async def scan(table: TableClient) -> list[Any]:
            return [
                entity
                async for entity in table.query_entities(
                    "LastActivity lt @cutoff",
                    parameters={"cutoff": cutoff},
                    select=["PartitionKey", "RowKey"],
                    results_per_page=1000,
                )
            ]

        idle = await self._run("sweep scan", scan, SCAN_TIMEOUT)
        table = await self._table()
        # Every session is its own partition, so deletes cannot share a batch: they run concurrently.
        slots = asyncio.Semaphore(SWEEP_CONCURRENCY)

        async def remove(entity: Any) -> bool:
            # A one-operation transaction, because delete_entity reports a row that was already gone
            # as deleted.
            operation = (
                "delete",
                entity,
                {"etag": entity.metadata["etag"], "match_condition": MatchConditions.IfNotModified},
            )
            async with slots, self._guard("sweep delete"):
                try:
                    await table.submit_transaction([operation])
                    return True
                except TableTransactionError as err:
                    if err.status_code in (404, 412):
                        return False
                    raise

        deleted = 0
        for start in range(0, len(idle), SWEEP_BATCH):
            deleted += sum(await asyncio.gather(*(remove(entity) for entity in idle[start : start + SWEEP_BATCH])))
        return SweepResult(scanned=len(idle), deleted=deleted, kept=len(idle) - deleted)
