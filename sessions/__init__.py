"""Conversation sessions in Azure Table Storage: one entity per (channel, conversation, user)."""

from .keys import session_key
from .model import Message, Session, Turn
from .store import (
    CommitResult,
    InvalidContinuation,
    SessionCommitConflict,
    SessionPage,
    SessionStore,
    SessionStoreError,
    SessionStoreUnavailable,
    SweepResult,
)

__all__ = [
    "CommitResult",
    "InvalidContinuation",
    "Message",
    "Session",
    "SessionCommitConflict",
    "SessionPage",
    "SessionStore",
    "SessionStoreError",
    "SessionStoreUnavailable",
    "SweepResult",
    "Turn",
    "session_key",
]
