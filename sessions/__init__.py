"""Conversation sessions in Azure Table Storage: one entity per (channel, conversation, user)."""

from .keys import session_key
from .model import Message, Reply, Session, Turn
from .references import AlertLog, ConversationRef, FeedbackLog, ReferenceStore
from .store import (
    ClaimedReply,
    CommitResult,
    InvalidContinuation,
    SessionCommitConflict,
    SessionPage,
    SessionStore,
    SweepResult,
)
from .table import SessionStoreError, SessionStoreUnavailable

__all__ = [
    "AlertLog",
    "ConversationRef",
    "FeedbackLog",
    "ReferenceStore",
    "ClaimedReply",
    "CommitResult",
    "InvalidContinuation",
    "Message",
    "Reply",
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
