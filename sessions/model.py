"""The session of one user in one conversation, and the pure rules that change it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Literal

from .keys import activity_fingerprint, session_key

Role = Literal["user", "assistant", "tool"]

# How many activity fingerprints a session remembers for redelivery detection. Channels redeliver
# within seconds, so the recent ones are all that matter.
RECENT_ACTIVITIES = 32
# How many delivered answers a session keeps (re-sent only as the body of an expectReplies redelivery, and
# found again by the message id a feedback refers to).
OUTBOX_SIZE = 4
# Undelivered answers are kept apart from those, so newer delivered turns never push one out before its
# activity comes again: only more undelivered ones than this do (the channel stopped retrying long before).
MAX_UNDELIVERED = 8


@dataclass(frozen=True)
class Message:
    """One history entry. Assistant tool requests carry `tool_calls`; tool results carry `tool_call_id`."""

    role: Role
    content: str
    at: datetime
    tool_calls: tuple[dict[str, Any], ...] = ()
    tool_call_id: str | None = None


@dataclass(frozen=True)
class Reply:
    """The answer committed for one activity, and who may send it now.

    `claim` names the writer that committed or last claimed the reply; `claimed_at` is when (None once
    a failed send released it). A reply is `delivered` once its sender confirmed the channel took it.
    """

    fingerprint: str
    activities: tuple[dict[str, Any], ...]
    claim: str
    claimed_at: datetime | None
    delivered: bool = False
    kind: str = ""  # what was asked and which engine answered: a feedback verdict is filed under them
    engine: str = ""
    sent_ids: tuple[str, ...] = ()  # the channel's ids of the delivered messages (feedback refers to them)

    def claimable(self, now: datetime, lease: timedelta) -> bool:
        """Undelivered and nobody sending it: never claimed, released, or its sender's lease expired."""
        return not self.delivered and (self.claimed_at is None or now - self.claimed_at > lease)


@dataclass(frozen=True)
class Turn:
    """What one processed activity adds to a session: history, context and the reply to deliver."""

    messages: tuple[Message, ...]
    context: dict[str, Any]
    activity_id: str | None = None
    user_name: str | None = None
    replies: tuple[dict[str, Any], ...] = ()
    identity: str | None = None  # the asker's UPN, when the channel had to be asked for it
    reference: str | None = None  # fingerprint of the conversation reference just stored for alerts
    kind: str = ""
    engine: str = ""
    scope: str | None = None  # fingerprint of the access scope the turn was answered under
    in_body: bool = False  # the reply travels in the HTTP response: delivered with it, nothing to send later


@dataclass(frozen=True)
class Session:
    """A session as read from storage; `etag` is None for one that has never been stored."""

    key: str
    channel_id: str
    conversation_id: str
    user_id: str
    user_name: str
    created_at: datetime
    last_activity: datetime
    message_count: int = 0  # every message ever exchanged in this session
    history: tuple[Message, ...] = ()
    context: dict[str, Any] = field(default_factory=dict)
    recent_activities: tuple[str, ...] = ()
    outbox: tuple[Reply, ...] = ()
    identity: str = ""  # kept with the session so the channel is asked once per session, never cached in memory
    messages_kept: int = 0  # the history's length as stored (listings read it without the history)
    reference: str = ""  # fingerprint of the stored conversation reference: rewritten only when it changes
    scope: str = ""  # fingerprint of the access scope the history and context were computed under
    etag: str | None = None

    @classmethod
    def new(cls, channel_id: str, conversation_id: str, user_id: str, now: datetime) -> Session:
        """A session never stored: no history, no context, no ETag."""
        return cls(
            key=session_key(channel_id, conversation_id, user_id),
            channel_id=channel_id,
            conversation_id=conversation_id,
            user_id=user_id,
            user_name="",
            created_at=now,
            last_activity=now,
        )

    def has_processed(self, activity_id: str | None) -> bool:
        """Whether a turn for this activity id was already committed (a redelivery)."""
        return activity_id is not None and activity_fingerprint(activity_id) in self.recent_activities

    def reply_for(self, activity_id: str | None) -> Reply | None:
        """The committed reply to this activity, while the session still keeps it."""
        if activity_id is None:
            return None
        fingerprint = activity_fingerprint(activity_id)
        return next((r for r in self.outbox if r.fingerprint == fingerprint), None)

    def reply_sent_as(self, message_id: str) -> Reply | None:
        """The kept reply the channel knows by `message_id` (the id a feedback or reaction refers to)."""
        return next((r for r in self.outbox if message_id in r.sent_ids), None)

    def with_reply(self, reply: Reply) -> Session:
        """The session with `reply` replacing the stored reply to the same activity."""
        return replace(self, outbox=tuple(reply if r.fingerprint == reply.fingerprint else r for r in self.outbox))

    def is_idle(self, now: datetime, timeout: timedelta) -> bool:
        return now - self.last_activity > timeout

    def under_scope(self, scope: str) -> Session:
        """The session as a turn under `scope` may use it: history and context computed under another
        scope (or an unknown one) are forgotten, so nothing seen before a downgrade reaches the answer."""
        if scope == self.scope or not (self.history or self.context):
            return replace(self, scope=scope)
        return replace(self, history=(), context={}, messages_kept=0, scope=scope)

    def restarted(self, now: datetime) -> Session:
        """The same identity with nothing remembered, keeping the ETag so the next write replaces it."""
        return replace(
            self,
            created_at=now,
            last_activity=now,
            message_count=0,
            history=(),
            context={},
            recent_activities=(),
            outbox=(),
            identity="",
        )


def trim_history(history: tuple[Message, ...], max_messages: int) -> tuple[Message, ...]:
    """Keep the newest `max_messages`, never leaving a tool result without the call that produced it.

    Calls precede their results, so dropping from the front can only orphan results; those are
    dropped too. A call whose results were all cut cannot happen for the same reason.
    """
    kept = history[-max_messages:] if max_messages > 0 else ()
    start = 0
    while start < len(kept) and kept[start].role == "tool":
        start += 1
    return kept[start:]


def apply_turn(
    session: Session, turn: Turn, fingerprint: str | None, now: datetime, max_messages: int, claim: str = ""
) -> Session:
    """The session after `turn`: messages appended and trimmed, context replaced, activity and reply recorded.

    The reply is recorded as claimed by `claim` (the committing writer), which is how a writer whose
    response from storage was lost recognises its own write.
    """
    if turn.scope is not None:
        session = session.under_scope(turn.scope)
    recent = session.recent_activities
    outbox = session.outbox
    if fingerprint is not None:
        recent = (*recent, fingerprint)[-RECENT_ACTIVITIES:]
        reply = Reply(fingerprint, turn.replies, claim, now, delivered=turn.in_body, kind=turn.kind, engine=turn.engine)
        outbox = kept_outbox((*outbox, reply))
    return replace(
        session,
        user_name=turn.user_name or session.user_name,
        identity=turn.identity or session.identity,
        reference=turn.reference or session.reference,
        last_activity=now,
        message_count=session.message_count + len(turn.messages),
        history=trim_history((*session.history, *turn.messages), max_messages),
        context=dict(turn.context),
        recent_activities=recent,
        outbox=outbox,
    )


def kept_outbox(outbox: tuple[Reply, ...]) -> tuple[Reply, ...]:
    """The newest OUTBOX_SIZE delivered replies and the newest MAX_UNDELIVERED undelivered ones, in order.

    Delivered replies never take an undelivered one's place: that answer still has to reach the user.
    """
    delivered = [r for r in outbox if r.delivered][-OUTBOX_SIZE:]
    undelivered = [r for r in outbox if not r.delivered][-MAX_UNDELIVERED:]
    keep = {id(r) for r in (*delivered, *undelivered)}
    return tuple(r for r in outbox if id(r) in keep)
