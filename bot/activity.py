"""Validation of inbound activities before the SDK sees them: clear 400s instead of deep failures."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlparse

from botbuilder.schema import Activity, ChannelAccount, RoleTypes
from msrest.exceptions import DeserializationError

REPLYING_TYPES = frozenset({"message", "conversationUpdate"})
USER_TYPES = frozenset({"message", "conversationUpdate", "endOfConversation", "invoke"})
DELIVERY_MODES = frozenset({"normal", "notification", "expectReplies", "ephemeral"})
# Real activities (an Adaptive Card inside an attachment included) nest far less than this.
MAX_DEPTH = 64
# Longest accepted value of each field, far above what real channels send: Teams conversation ids run to a
# few hundred characters (and the Bot Framework keeps them under 2,048, as they travel in reply URLs), user
# and activity ids to about a hundred, service URLs to under a hundred. A longer value is refused with a 400
# before any work, instead of a reply URL the channel cannot serve (a 503 the channel would retry forever).
MAX_CHARS = {
    "type": 64,
    "channelId": 64,
    "deliveryMode": 64,
    "id": 1024,
    "replyToId": 1024,
    "serviceUrl": 2048,
    "locale": 64,
    "conversation.id": 4096,
    "conversation.name": 1024,
    "conversation.tenantId": 1024,
    "conversation.conversationType": 64,
}
MAX_ACCOUNT_CHARS = {"id": 1024, "name": 1024, "aadObjectId": 1024, "role": 64}  # from, recipient
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


class InvalidActivity(ValueError):
    """The body is JSON but not an Activity this bot can process; the message is safe to return."""


def valid_text(value: str) -> str:
    """The string with lone surrogates (which no UTF-8 response can carry) replaced by U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", value)


def clean(value: Any, depth: int = 0) -> Any:
    """Decoded JSON with every string made valid Unicode; InvalidActivity if nested beyond MAX_DEPTH."""
    if depth > MAX_DEPTH:
        raise InvalidActivity("the body is nested too deeply")
    if isinstance(value, str):
        return valid_text(value)
    if isinstance(value, dict):
        return {valid_text(k): clean(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [clean(v, depth + 1) for v in value]
    return value


def decode_body(body: bytes) -> Any:
    """The JSON body with valid strings only; ValueError (InvalidActivity when safe to show) otherwise."""
    try:
        return clean(json.loads(body))
    except RecursionError as err:
        raise InvalidActivity("the body is nested too deeply") from err


def _text(data: dict[str, Any], name: str, required: bool = False, *, path: str = "") -> str | None:
    full = f"{path}{name}"
    value = data.get(name)
    if value is None:
        if required:
            raise InvalidActivity(f"missing field: {full}")
        return None
    if not isinstance(value, str):
        raise InvalidActivity(f"field {full} must be a string")
    if required and not value.strip():
        raise InvalidActivity(f"field {full} must not be empty")
    limit = MAX_CHARS.get(full) or (MAX_ACCOUNT_CHARS.get(name) if path else None)
    if limit is not None and len(value) > limit:
        raise InvalidActivity(f"field {full} is longer than {limit} characters")
    return value


def _account(data: dict[str, Any], name: str, required: bool) -> None:
    value = data.get(name)
    if value is None:
        if required:
            raise InvalidActivity(f"missing field: {name}")
        return
    if not isinstance(value, dict):
        raise InvalidActivity(f"field {name} must be an object")
    _text(value, "id", required=True, path=f"{name}.")
    _text(value, "name", path=f"{name}.")
    for field in ("aadObjectId", "role", "tenantId", "conversationType"):
        if isinstance(value.get(field), str):  # other types are left for the SDK to refuse
            _text(value, field, path=f"{name}.")


def parse_activity(data: Any, bot_id: str = "bot") -> Activity:
    """An Activity from decoded JSON, or InvalidActivity naming what is wrong.

    A missing `recipient` (some Direct Line implementations omit it) is taken to be the bot.
    """
    if not isinstance(data, dict):
        raise InvalidActivity("the body must be a JSON object")
    kind = _text(data, "type", required=True)
    _text(data, "channelId", required=True)
    _text(data, "id")
    _text(data, "replyToId")
    _text(data, "locale")
    _text(data, "text")  # its length is the handler's: a long question gets a reply saying so
    _account(data, "conversation", required=True)
    _account(data, "from", required=kind in USER_TYPES)
    _account(data, "recipient", required=False)
    mode = _text(data, "deliveryMode")
    if mode is not None and mode not in DELIVERY_MODES:
        raise InvalidActivity("field deliveryMode is not a known delivery mode")
    service_url = _text(data, "serviceUrl")
    if kind in REPLYING_TYPES and mode != "expectReplies":
        if service_url is None:
            raise InvalidActivity("missing field: serviceUrl")
        parsed = urlparse(service_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise InvalidActivity("field serviceUrl must be an http(s) URL")
    for name in ("entities", "attachments", "membersAdded", "membersRemoved"):
        value = data.get(name)
        if value is not None and (not isinstance(value, list) or not all(isinstance(v, dict) for v in value)):
            raise InvalidActivity(f"field {name} must be a list of objects")
    for member in data.get("membersAdded") or []:
        _text(member, "id", required=True)
    try:
        activity = Activity().deserialize(data)
    except (DeserializationError, ValueError, TypeError, AttributeError, RecursionError) as err:
        raise InvalidActivity("the body is not a valid Activity") from err
    if activity.recipient is None:
        activity.recipient = ChannelAccount(id=bot_id, role=RoleTypes.bot)
    return activity
