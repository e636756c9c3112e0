"""The turn, claim and delivery rules every session store shares, written once over two primitives: a point
read of a session and a conditional write (insert, or replace / merge if the ETag still matches).

Table Storage and the in-memory store differ only in those primitives and in their scans, so the rules
that make a reply reach the user exactly once cannot drift between them.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import random
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from .entity import fit_to_limits
from .keys import activity_fingerprint, session_key
from .model import Reply, Session, Turn, apply_turn
from .protocol import (
    ClaimedReply,
    CommitResult,
    InvalidContinuation,
    ReplyInFlight,
    SessionCommitConflict,
    SessionPage,
)

MAX_COMMIT_ATTEMPTS = 40
# How long the writer that committed (or claimed) a reply is trusted to be sending it. A redelivery
# after that takes the reply over. Every send is bounded well inside it (see bot/handler.SEND_TIMEOUT),
# so a lease only expires when its writer died.
REPLY_LEASE = timedelta(seconds=20)
# While waiting for another writer's send, storage is read again this often: that writer may be another
# instance, whose outcome no event in this process can announce.
SETTLE_POLL_SECONDS = 0.5


def now_utc() -> datetime:
    return datetime.now(UTC)


class ConditionalStore(ABC):
    """Base of the session stores: `load`, `commit`, `claim_reply`, `settle_reply` and `list` over the primitives."""

    timeout: timedelta
    max_messages: int

    def __init__(self, *, timeout: timedelta, max_messages: int) -> None:
        self.timeout = timeout
        self.max_messages = max_messages
        # Wakes a redelivery waiting for a send in this process as soon as it is settled.
        self._settled: dict[tuple[str, str], asyncio.Event] = {}

    # -- primitives -----------------------------------------------------------------------------

    @abstractmethod
    async def _read(self, key: str) -> Session | None:
        """The stored session with its ETag, or None."""

    @abstractmethod
    async def _write(self, session: Session, *, outbox_only: bool = False) -> Session | None:
        """Insert (no ETag) or conditionally replace the session (only its outbox when `outbox_only`).

        The written session with its new ETag; None when another writer won (exists, modified, deleted).
        """

    @abstractmethod
    async def _active(self, cutoff: datetime) -> list[Session]:
        """Sessions active at or after `cutoff`, without their history."""

    # -- the contract ---------------------------------------------------------------------------

    async def load(
        self, channel_id: str, conversation_id: str, user_id: str, *, now: datetime | None = None
    ) -> Session:
        """The user's session in this conversation; a fresh one when absent or idle past the timeout."""
        now = now or now_utc()
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
            now_ = now or now_utc()
            if fingerprint is not None and fingerprint in current.recent_activities:
                reply = current.reply_for(turn.activity_id)
                own = reply is not None and reply.claim == claim
                return CommitResult(current, duplicate=not own, claim=claim if own else "")
            updated = fit_to_limits(apply_turn(current, turn, fingerprint, now_, self.max_messages, claim))
            written = await self._write(updated)
            if written is not None:
                return CommitResult(written, duplicate=False, claim=claim)
            await _backoff(attempt)
            current = await self.load(session.channel_id, session.conversation_id, session.user_id, now=now_)
        raise SessionCommitConflict(f"session {session.key[:12]} changed {MAX_COMMIT_ATTEMPTS} times")

    async def claim_reply(
        self,
        session: Session,
        activity_id: str,
        *,
        now: datetime | None = None,
        lease: timedelta = REPLY_LEASE,
        wait: float = 0.0,
    ) -> ClaimedReply | None:
        """Take over sending the committed reply to a redelivered activity.

        None when the reply was delivered or is no longer kept. A reply another writer is sending within its
        lease is waited for, up to `wait` seconds: delivered in that time gives None, released or its lease
        expired gives the claim, still being sent raises ReplyInFlight, so the caller does not report as
        done a reply that may yet be lost. Concurrent claims are serialised by the ETag: exactly one wins.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        fingerprint = activity_fingerprint(activity_id)
        current: Session | None = session
        while True:
            reply = current.reply_for(activity_id) if current is not None else None
            if current is None or reply is None or reply.delivered:
                return None
            at = now or now_utc()
            if current.etag is not None and reply.claimable(at, lease):
                claim = uuid.uuid4().hex
                written = await self._write(
                    current.with_reply(replace(reply, claim=claim, claimed_at=at)), outbox_only=True
                )
                if written is not None:
                    taken = written.reply_for(activity_id)
                    assert taken is not None
                    return ClaimedReply(written, taken)
            else:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    raise ReplyInFlight(f"reply to activity {fingerprint} is being sent by another writer")
                await self._await_settled(current.key, fingerprint, min(remaining, SETTLE_POLL_SECONDS))
            current = await self._read(session.key)

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

        try:
            await self._change_reply(session, activity_id, settle)
        finally:
            event = self._settled.pop((session.key, activity_fingerprint(activity_id)), None)
            if event is not None:
                event.set()

    async def list(
        self, *, limit: int = 100, continuation: str | None = None, now: datetime | None = None
    ) -> SessionPage:
        """Active sessions, most recently active first, `limit` at most, without their history.

        Table Storage has no server-side order, so every active session's small columns are read and
        sorted; the continuation is the (last activity, key) after which the next page starts.
        """
        after = _decode_token(continuation)
        ordered = sorted(await self._active((now or now_utc()) - self.timeout), key=_recency, reverse=True)
        if after is not None:
            ordered = [s for s in ordered if _recency(s) < after]
        page = ordered[:limit]
        token = _encode_token(_recency(page[-1])) if len(ordered) > limit else None
        return SessionPage(page, token)

    # -- helpers --------------------------------------------------------------------------------

    async def _await_settled(self, key: str, fingerprint: str, timeout: float) -> None:
        """Until a writer in this process settles this reply, or `timeout` seconds."""
        event = self._settled.setdefault((key, fingerprint), asyncio.Event())
        try:
            async with asyncio.timeout(timeout):
                await event.wait()
        except TimeoutError:
            # Settled elsewhere, if at all: forget the event (another waiter still polls storage).
            if self._settled.get((key, fingerprint)) is event:
                del self._settled[(key, fingerprint)]

    async def _change_reply(
        self, session: Session, activity_id: str, change: Callable[[Reply], Reply | None]
    ) -> Session | None:
        """Apply `change` to the stored reply with a conditional write of the outbox alone."""
        current = session
        for attempt in range(MAX_COMMIT_ATTEMPTS):
            reply = current.reply_for(activity_id)
            changed = change(reply) if reply is not None and current.etag is not None else None
            if changed is None:
                return None
            written = await self._write(current.with_reply(changed), outbox_only=True)
            if written is not None:
                return written
            await _backoff(attempt)
            current = await self._read(session.key) or Session.new(
                session.channel_id, session.conversation_id, session.user_id, now_utc()
            )
        raise SessionCommitConflict(f"session {session.key[:12]} changed {MAX_COMMIT_ATTEMPTS} times")


async def _backoff(attempt: int) -> None:
    await asyncio.sleep(random.uniform(0, 0.005 * (attempt + 1)))


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
