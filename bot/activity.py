"""Validation of inbound activities before the SDK sees them: clear 400s instead of deep failures."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from botbuilder.schema import Activity
from msrest.exceptions import DeserializationError

REPLYING_TYPES = frozenset({"message", "conversationUpdate"})
USER_TYPES = frozenset({"message", "conversationUpdate", "endOfConversation"})
DELIVERY_MODES = frozenset({"normal", "notification", "expectReplies", "ephemeral"})


class InvalidActivity(ValueError):
    """The body is JSON but not an Activity this bot can process; the message is safe to return."""


def _text(data: dict[str, Any], name: str, required: bool = False) -> str | None:
    value = data.get(name)
    if value is None:
        if required:
            raise InvalidActivity(f"missing field: {name}")
        return None
    if not isinstance(value, str):
        raise InvalidActivity(f"field {name} must be a string")
    if required and not value.strip():
        raise InvalidActivity(f"field {name} must not be empty")
    return value


def _account(data: dict[str, Any], name: str, required: bool) -> None:
    value = data.get(name)
    if value is None:
        if required:
            raise InvalidActivity(f"missing field: {name}")
        return
    if not isinstance(value, dict):
        raise InvalidActivity(f"field {name} must be an object")
    _text(value, "id", required=True)
    _text(value, "name")


def parse_activity(data: Any) -> Activity:
    """An Activity from decoded JSON, or InvalidActivity naming what is wrong."""
    if not isinstance(data, dict):
        raise InvalidActivity("the body must be a JSON object")
    kind = _text(data, "type", required=True)
    _text(data, "channelId", required=True)
    _text(data, "id")
    _text(data, "text")
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
        return Activity().deserialize(data)
    except (DeserializationError, ValueError, TypeError, AttributeError) as err:
        raise InvalidActivity("the body is not a valid Activity") from err
