"""Derivation of the Table Storage key of a session."""

import hashlib
import json


def session_key(channel_id: str, conversation_id: str, user_id: str) -> str:
    """Hex SHA-256 of the three ids.

    The ids are JSON-encoded as a list before hashing, so no id content (separators, control
    characters, any length) can make two different triples collide, and the result is always a
    valid PartitionKey.
    """
    joined = json.dumps([channel_id, conversation_id, user_id], ensure_ascii=True)
    return hashlib.sha256(joined.encode("ascii")).hexdigest()


def activity_fingerprint(activity_id: str) -> str:
    """Short, fixed-size stand-in for an activity id, so hostile ids cannot grow the entity."""
    return hashlib.sha256(activity_id.encode("utf-8", "surrogatepass")).hexdigest()[:24]
