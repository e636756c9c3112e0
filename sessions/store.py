"""SessionStore: conversation sessions in Azure Table Storage, one entity per session.

Every turn costs one point read (`load`) and one conditional write (`commit`). Concurrent turns on
one session are serialised by the entity's ETag: a writer that loses re-reads and re-applies its
own turn, so no message is lost and no cross-session state lives in process memory.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from azure.core import MatchConditions
from azure.core.exceptions import (
    ResourceExistsError,
    ResourceModifiedError,
    ResourceNotFoundError,
)
from azure.data.tables import TableTransactionError, UpdateMode
from azure.data.tables.aio import TableClient

from .entity import ROW_KEY, SMALL_COLUMNS, fit_to_limits, from_entity, outbox_entity, to_entity
from .keys import activity_fingerprint, session_key
from .model import Reply, Session, Turn, apply_turn
from .table import DEFAULT_OPERATION_TIMEOUT, SessionStoreError, TableStore, table_missing

T = TypeVar("T")

log = logging.getLogger(__name__)

SCAN_TIMEOUT = 120.0  # whole-table scans (count, sweep) for operators and the timer, not for a user's turn
SWEEP_CONCURRENCY = 16
MAX_COMMIT_ATTEMPTS = 40
# How long the writer that committed (or claimed) a reply is trusted to be sending it. A redelivery
# after that takes the reply over; the Bot Connector gives up on a turn after 15 s.
REPLY_LEASE = timedelta(seconds=20)


class SessionCommitConflict(SessionStoreError):
    """The session kept changing under a commit for MAX_COMMIT_ATTEMPTS attempts."""


class InvalidContinuation(SessionStoreError, ValueError):
    """A listing continuation token that this store did not produce."""


@dataclass(frozen=True)
class CommitResult:
    """The session after a commit; `duplicate` when another writer had already committed this activity.

    `claim` identifies this commit's writer as the one that may send the reply (see `settle_reply`).
    """

    session: Session
    duplicate: bool
    claim: str = ""


@dataclass(frozen=True)
class ClaimedReply:
    """A committed, undelivered reply this writer may now send."""

    session: Session
    reply: Reply


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


class SessionStore(TableStore):
    def __init__(
        self,
        *,
        client_factory: Callable[[], TableClient],
        timeout: timedelta,
        max_messages: int,
        operation_timeout: float = DEFAULT_OPERATION_TIMEOUT,
    ) -> None:
        super().__init__(client_factory=client_factory, operation_timeout=operation_timeout)
        self.timeout = timeout
        self.max_messages = max_messages

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
        written, which makes redelivered activities idempotent. A write that reached storage but whose
        answer was lost (the client's retry then meets its own write) is recognised by its claim.
        """
        fingerprint = activity_fingerprint(turn.activity_id) if turn.activity_id else None
        claim = uuid.uuid4().hex
        current = session
        for attempt in range(MAX_COMMIT_ATTEMPTS):
            now_ = now or _now()
            if fingerprint is not None and fingerprint in current.recent_activities:
                reply = current.reply_for(turn.activity_id)
                own = reply is not None and reply.claim == claim
                return CommitResult(current, duplicate=not own, claim=claim if own else "")
            updated = fit_to_limits(apply_turn(current, turn, fingerprint, now_, self.max_messages, claim))
            written = await self._write(updated)
            if written is not None:
                return CommitResult(written, duplicate=False, claim=claim)
            await asyncio.sleep(random.uniform(0, 0.005 * (attempt + 1)))
            current = await self._reload(session, now_)
        raise SessionCommitConflict(f"session {session.key[:12]} changed {MAX_COMMIT_ATTEMPTS} times")

    async def _reload(self, session: Session, now: datetime) -> Session:
        return await self.load(session.channel_id, session.conversation_id, session.user_id, now=now)

    async def _write(self, session: Session, entity: dict[str, Any] | None = None) -> Session | None:
        """Insert, or conditionally replace (merge when `entity` is partial); None when another writer won."""
        full = entity is None
        entity = to_entity(session) if entity is None else entity

        async def write(table: TableClient) -> Any:
            try:
                if session.etag is None:
                    return await table.create_entity(entity)
                return await table.update_entity(
                    entity,
                    mode=UpdateMode.REPLACE if full else UpdateMode.MERGE,
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

    async def claim_reply(
        self, session: Session, activity_id: str, *, now: datetime | None = None, lease: timedelta = REPLY_LEASE
    ) -> ClaimedReply | None:
        """Take over sending the committed reply to a redelivered activity, if nobody is sending it.

        None when the reply was delivered, is being sent by another writer within its lease, or is no
        longer kept. Concurrent claims are serialised by the ETag: exactly one of them wins.
        """
        now = now or _now()
        claim = uuid.uuid4().hex

        def take(reply: Reply) -> Reply | None:
            return replace(reply, claim=claim, claimed_at=now) if reply.claimable(now, lease) else None

        updated = await self._change_reply(session, activity_id, take)
        if updated is None:
            return None
        reply = updated.reply_for(activity_id)
        assert reply is not None
        return ClaimedReply(updated, reply)

    async def settle_reply(
        self, session: Session, activity_id: str, claim: str, *, delivered: bool, sent_ids: tuple[str, ...] = ()
    ) -> None:
        """Record the outcome of this writer's send: delivered (with the channel's message ids), or released
        for the next redelivery."""

        def settle(reply: Reply) -> Reply | None:
            if reply.claim != claim or reply.delivered:
                return None  # another writer took it over after our lease: its outcome counts
            if delivered:
                return replace(reply, delivered=True, sent_ids=sent_ids)
            return replace(reply, claimed_at=None)

        await self._change_reply(session, activity_id, settle)

    async def _change_reply(
        self, session: Session, activity_id: str, change: Callable[[Reply], Reply | None]
    ) -> Session | None:
        """Apply `change` to the stored reply with a conditional merge of that one property."""
        current = session
        for attempt in range(MAX_COMMIT_ATTEMPTS):
            reply = current.reply_for(activity_id)
            changed = change(reply) if reply is not None and current.etag is not None else None
            if changed is None:
                return None
            updated = current.with_reply(changed)
            written = await self._write(updated, outbox_entity(updated))
            if written is not None:
                return written
            await asyncio.sleep(random.uniform(0, 0.005 * (attempt + 1)))
            current = await self._read(session.key) or Session.new(
                session.channel_id, session.conversation_id, session.user_id, _now()
            )
        raise SessionCommitConflict(f"session {session.key[:12]} changed {MAX_COMMIT_ATTEMPTS} times")

    async def delete(self, channel_id: str, conversation_id: str, user_id: str) -> None:
        """Forget the session; deleting an absent one is not an error."""
        key = session_key(channel_id, conversation_id, user_id)
        await self._run("delete", lambda table: table.delete_entity(key, ROW_KEY))

    async def list(
        self, *, limit: int = 100, continuation: str | None = None, now: datetime | None = None
    ) -> SessionPage:
        """Active sessions, most recently active first, `limit` at most, reading only the small columns.

        Table Storage has no server-side order, so every active session's small columns are read and
        sorted; the continuation is the (last activity, key) after which the next page starts.
        """
        after = _decode_token(continuation)
        cutoff = (now or _now()) - self.timeout

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

        ordered = sorted(await self._run("list", scan, SCAN_TIMEOUT), key=_recency, reverse=True)
        if after is not None:
            ordered = [s for s in ordered if _recency(s) < after]
        page = ordered[:limit]
        token = _encode_token(_recency(page[-1])) if len(ordered) > limit else None
        return SessionPage(page, token)

    async def count(self, *, now: datetime | None = None) -> int:
        """How many sessions are active (reads only the keys)."""
        cutoff = (now or _now()) - self.timeout

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
        cutoff = (now or _now()) - self.timeout

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

        deleted = sum(await asyncio.gather(*(remove(entity) for entity in idle)))
        return SweepResult(scanned=len(idle), deleted=deleted, kept=len(idle) - deleted)


def _recency(session: Session) -> tuple[str, str]:
    return (session.last_activity.isoformat(), session.key)


def _encode_token(position: tuple[str, str]) -> str:
    return base64.urlsafe_b64encode(json.dumps({"t": position[0], "k": position[1]}).encode()).decode().rstrip("=")


def _decode_token(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    try:
        decoded = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError) as err:
        raise InvalidContinuation("continuation token is not valid") from err
    if not isinstance(decoded, dict) or not all(isinstance(decoded.get(k), str) for k in ("t", "k")):
        raise InvalidContinuation("continuation token is not valid")
    try:
        datetime.fromisoformat(decoded["t"])
    except ValueError as err:
        raise InvalidContinuation("continuation token is not valid") from err
    return (decoded["t"], decoded["k"])
