"""Conversation sessions in Azure Table Storage: one entity per (channel, conversation, user)."""

from .keys import session_key
from .memory import MemorySessionStore
from .model import Message, Reply, Session, Turn
from .protocol import (
    ClaimedReply,
    CommitResult,
    InvalidContinuation,
    ReplyInFlight,
    SessionCommitConflict,
    SessionPage,
    SessionStoreProtocol,
    SweepResult,
)
from .references import AlertLog, ConversationRef, FeedbackLog, ReferenceStore
from .store import SessionStore
from .table import SessionStoreError, SessionStoreUnavailable

__all__ = [
    "AlertLog",
    "ConversationRef",
    "FeedbackLog",
    "ReferenceStore",
    "ClaimedReply",
    "CommitResult",
    "InvalidContinuation",
    "MemorySessionStore",
    "Message",
    "Reply",
    "ReplyInFlight",
    "Session",
    "SessionCommitConflict",
    "SessionPage",
    "SessionStore",
    "SessionStoreError",
    "SessionStoreProtocol",
    "SessionStoreUnavailable",
    "SweepResult",
    "Turn",
    "session_key",
]
