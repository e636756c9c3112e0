"""The session store's contract: what the bot needs of any store, and the values it gets back.

Two implementations keep it: `SessionStore` (Azure Table Storage) and `MemorySessionStore` (one process,
for benchmarks and tools). One contract test suite runs against both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from .model import Reply, Session, Turn
from .table import SessionStoreError


class SessionCommitConflict(SessionStoreError):
    """The session kept changing under a commit for MAX_COMMIT_ATTEMPTS attempts."""


class InvalidContinuation(SessionStoreError, ValueError):
    """A listing continuation token that this store did not produce."""


class ReplyInFlight(SessionStoreError):
    """Another writer is still sending this reply within its lease; ask again later (the channel retries)."""


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


class SessionStoreProtocol(Protocol):
    """Sessions of (channel, conversation, user): load, commit a turn, deliver its reply exactly once."""

    timeout: timedelta
    max_messages: int

    async def load(
        self, channel_id: str, conversation_id: str, user_id: str, *, now: datetime | None = None
    ) -> Session: ...

    async def commit(self, session: Session, turn: Turn, *, now: datetime | None = None) -> CommitResult: ...

    async def claim_reply(
        self,
        session: Session,
        activity_id: str,
        *,
        now: datetime | None = None,
        lease: timedelta = ...,
        wait: float = 0.0,
    ) -> ClaimedReply | None: ...

    async def settle_reply(
        self, session: Session, activity_id: str, claim: str, *, delivered: bool, sent_ids: tuple[str, ...] = ()
    ) -> None: ...

    async def delete(self, channel_id: str, conversation_id: str, user_id: str) -> None: ...

    async def list(
        self, *, limit: int = 100, continuation: str | None = None, now: datetime | None = None
    ) -> SessionPage: ...

    async def count(self, *, now: datetime | None = None) -> int: ...

    async def sweep(self, *, now: datetime | None = None) -> SweepResult: ...

    async def close(self) -> None: ...
