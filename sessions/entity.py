"""Mapping between a Session and its Table Storage entity, within the service's limits by construction.

Table Storage caps an entity at 1 MiB and a string property at 64 KiB (32,768 UTF-16 code units).
History and context are stored as ASCII-only JSON (`ensure_ascii`), so characters, bytes and UTF-16
code units are the same count and the limits below are exact rather than estimated.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import zlib
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from .model import Message, Reply, Session, trim_history

log = logging.getLogger(__name__)

ROW_KEY = "session"
MAX_PROPERTY_CHARS = 32_000
HISTORY_PROPERTIES = 12  # 12 x 32,000 chars at 2 bytes each = 768,000 bytes; the rest fits in 1 MiB.
HISTORY_BUDGET = HISTORY_PROPERTIES * MAX_PROPERTY_CHARS
MAX_MESSAGE_CHARS = 24_000  # serialized size of one message; larger ones are truncated
MAX_LABEL_CHARS = 1_024  # ids and names kept for display; the key hashes the full ids
TRUNCATION_MARKER = " […] [mensagem truncada: {omitted} caracteres omitidos]"

SMALL_COLUMNS = [
    "PartitionKey",
    "RowKey",
    "ChannelId",
    "ConversationId",
    "UserId",
    "UserName",
    "CreatedAt",
    "LastActivity",
    "MessageCount",
    "MessagesKept",
]

_CONTROL = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")


def _label(value: str) -> str:
    """Display copy of an id or name: control characters and lone surrogates replaced, length capped."""
    return _CONTROL.sub("\ufffd", value[:MAX_LABEL_CHARS])


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"))


def _message_to_json(message: Message) -> dict[str, Any]:
    data: dict[str, Any] = {"r": message.role, "c": message.content, "t": message.at.isoformat()}
    if message.tool_calls:
        data["k"] = list(message.tool_calls)
    if message.tool_call_id is not None:
        data["i"] = message.tool_call_id
    return data


def _message_from_json(data: dict[str, Any]) -> Message:
    return Message(
        role=data["r"],
        content=data["c"],
        at=datetime.fromisoformat(data["t"]),
        tool_calls=tuple(data.get("k", ())),
        tool_call_id=data.get("i"),
    )


def _fits(message: Message) -> bool:
    return len(_dumps(_message_to_json(message))) <= MAX_MESSAGE_CHARS


def _truncated(message: Message) -> Message:
    """The message cut so that its serialized form fits MAX_MESSAGE_CHARS, with a visible marker."""
    if _fits(message):
        return message
    if message.tool_calls and len(_dumps(list(message.tool_calls))) > MAX_MESSAGE_CHARS // 2:
        # Arguments that big are useless to replay; keep the call ids so results still pair up.
        calls = tuple(
            {**call, "function": {**call.get("function", {}), "arguments": "{}"}} for call in message.tool_calls
        )
        message = replace(message, tool_calls=calls)
    content = message.content

    def cut(keep: int) -> Message:
        marker = TRUNCATION_MARKER.format(omitted=len(content) - keep)
        return replace(message, content=content[:keep] + marker)

    # JSON escapes make the serialized size non-linear in the kept length, so search for it.
    low, high = 0, len(content)
    while low < high:
        middle = (low + high + 1) // 2
        if _fits(cut(middle)):
            low = middle
        else:
            high = middle - 1
    return cut(low)


def fit_to_limits(session: Session) -> Session:
    """Truncate oversized messages and drop the oldest ones until the history fits its budget."""
    history = [_truncated(m) for m in session.history]
    sizes = [len(_dumps(_message_to_json(m))) + 1 for m in history]
    total = sum(sizes) + 2
    start = 0
    while total > HISTORY_BUDGET and start < len(history):
        total -= sizes[start]
        start += 1
    fitted = trim_history(tuple(history[start:]), len(history))
    context = session.context
    if len(_dumps(context)) > MAX_PROPERTY_CHARS:
        log.warning("session context over %d characters dropped (session %s)", MAX_PROPERTY_CHARS, session.key[:12])
        context = {}
    return replace(session, history=fitted, context=context)


def _reply_to_json(reply: Reply) -> dict[str, Any]:
    return {
        "f": reply.fingerprint,
        "a": list(reply.activities),
        "c": reply.claim,
        "t": reply.claimed_at.isoformat() if reply.claimed_at else None,
        "d": reply.delivered,
        "k": reply.kind,
        "e": reply.engine,
        "s": list(reply.sent_ids),
    }


def _reply_from_json(data: dict[str, Any]) -> Reply:
    return Reply(
        fingerprint=data["f"],
        activities=tuple(data["a"]),
        claim=data["c"],
        claimed_at=datetime.fromisoformat(data["t"]) if data["t"] else None,
        delivered=data["d"],
        kind=data.get("k", ""),
        engine=data.get("e", ""),
        sent_ids=tuple(data.get("s", ())),
    )


def _pack(replies: list[Reply]) -> str:
    raw = _dumps([_reply_to_json(r) for r in replies]).encode("ascii")
    return base64.b64encode(zlib.compress(raw)).decode("ascii")


def _text_only(reply: Reply) -> Reply:
    return replace(
        reply, activities=tuple({k: v for k, v in a.items() if k != "attachments"} for a in reply.activities)
    )


def encode_outbox(outbox: tuple[Reply, ...]) -> str:
    """The replies as one compressed ASCII property. If it would not fit, delivered replies are dropped first
    (oldest first), then the oldest undelivered ones, then the last one's cards."""
    replies = list(outbox)
    packed = _pack(replies)
    while len(packed) > MAX_PROPERTY_CHARS and len(replies) > 1:
        replies.remove(next((r for r in replies if r.delivered), replies[0]))
        packed = _pack(replies)
    if len(packed) > MAX_PROPERTY_CHARS and replies:
        log.warning("reply over %d characters stored without its cards", MAX_PROPERTY_CHARS)
        packed = _pack([_text_only(replies[0])])
    return packed if len(packed) <= MAX_PROPERTY_CHARS else _pack([])


def decode_outbox(value: str | None) -> tuple[Reply, ...]:
    if not value:
        return ()
    return tuple(_reply_from_json(r) for r in json.loads(zlib.decompress(base64.b64decode(value))))


def outbox_entity(session: Session) -> dict[str, Any]:
    """The properties a MERGE writes to change only the session's replies."""
    return {"PartitionKey": session.key, "RowKey": ROW_KEY, "Outbox": encode_outbox(session.outbox)}


def to_entity(session: Session) -> dict[str, Any]:
    """The entity for a session already passed through `fit_to_limits`."""
    history = _dumps([_message_to_json(m) for m in session.history])
    chunks = [history[i : i + MAX_PROPERTY_CHARS] for i in range(0, len(history), MAX_PROPERTY_CHARS)]
    if len(chunks) > HISTORY_PROPERTIES:
        raise ValueError("history over budget; call fit_to_limits first")
    entity: dict[str, Any] = {
        "PartitionKey": session.key,
        "RowKey": ROW_KEY,
        "ChannelId": _label(session.channel_id),
        "ConversationId": _label(session.conversation_id),
        "UserId": _label(session.user_id),
        "UserName": _label(session.user_name),
        "CreatedAt": session.created_at.astimezone(UTC),
        "LastActivity": session.last_activity.astimezone(UTC),
        "MessageCount": session.message_count,
        "MessagesKept": len(session.history),
        "HistoryParts": len(chunks),
        "Context": _dumps(session.context),
        "RecentActivities": ",".join(session.recent_activities),
        "Outbox": encode_outbox(session.outbox),
        "Identity": _label(session.identity),
        "Reference": session.reference,
        "Scope": session.scope,
    }
    for index, chunk in enumerate(chunks):
        entity[f"History{index:02d}"] = chunk
    return entity


def from_entity(entity: dict[str, Any], etag: str | None) -> Session:
    """A Session from a full entity, or from one read with SMALL_COLUMNS (history then empty)."""
    parts = int(entity.get("HistoryParts") or 0)
    history_json = "".join(entity.get(f"History{i:02d}", "") for i in range(parts))
    history = tuple(_message_from_json(m) for m in json.loads(history_json)) if history_json else ()
    recent = entity.get("RecentActivities") or ""
    return Session(
        key=entity["PartitionKey"],
        channel_id=entity.get("ChannelId", ""),
        conversation_id=entity.get("ConversationId", ""),
        user_id=entity.get("UserId", ""),
        user_name=entity.get("UserName", ""),
        created_at=_utc(entity["CreatedAt"]),
        last_activity=_utc(entity["LastActivity"]),
        message_count=int(entity.get("MessageCount") or 0),
        messages_kept=int(entity.get("MessagesKept") or len(history)),
        history=history,
        context=json.loads(entity["Context"]) if entity.get("Context") else {},
        recent_activities=tuple(recent.split(",")) if recent else (),
        outbox=decode_outbox(entity.get("Outbox")),
        identity=entity.get("Identity") or "",
        reference=entity.get("Reference") or "",
        scope=entity.get("Scope") or "",
        etag=etag,
    )


def _utc(value: datetime) -> datetime:
    """Plain UTC datetime (the SDK returns a subclass that carries the service's raw string)."""
    value = value.astimezone(UTC)
    return datetime(
        value.year,
        value.month,
        value.day,
        value.hour,
        value.minute,
        value.second,
        value.microsecond,
        tzinfo=UTC,
    )
