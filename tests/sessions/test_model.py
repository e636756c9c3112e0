"""Pure session rules: trimming, limits, keys. No storage involved."""

import json
from dataclasses import replace
from datetime import UTC, datetime

from sessions import Message, session_key
from sessions.entity import (
    HISTORY_BUDGET,
    MAX_MESSAGE_CHARS,
    MAX_PROPERTY_CHARS,
    fit_to_limits,
    from_entity,
    to_entity,
)
from sessions.model import Session, Turn, apply_turn, trim_history

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def msg(role: str, content: str = "x", **kwargs) -> Message:
    return Message(role=role, content=content, at=NOW, **kwargs)  # type: ignore[arg-type]


def call(call_id: str) -> Message:
    return msg(
        "assistant",
        "",
        tool_calls=({"id": call_id, "type": "function", "function": {"name": "q", "arguments": "{}"}},),
    )


def session(history: tuple[Message, ...] = (), context: dict | None = None) -> Session:
    return Session(
        key="k",
        channel_id="c",
        conversation_id="v",
        user_id="u",
        user_name="n",
        created_at=NOW,
        last_activity=NOW,
        history=history,
        context=context or {},
    )


def test_trim_keeps_newest_messages() -> None:
    history = tuple(msg("user", str(i)) for i in range(30))
    assert [m.content for m in trim_history(history, 20)] == [str(i) for i in range(10, 30)]


def test_trim_never_keeps_a_tool_result_without_its_call() -> None:
    history = (
        msg("user"),
        call("a"),
        msg("tool", "r1", tool_call_id="a"),
        msg("tool", "r2", tool_call_id="a"),
        msg("assistant", "done"),
    )
    trimmed = trim_history(history, 3)
    assert [m.role for m in trimmed] == ["assistant"]
    assert trim_history(history, 4)[0].tool_calls  # the call survives together with its results


def test_keys_distinguish_every_triple() -> None:
    triples = [("a", "b", "c"), ("a", "b|c", ""), ("a|b", "c", ""), ("a", "b", "c\x00"), ("", "", "")]
    keys = {session_key(*t) for t in triples}
    assert len(keys) == len(triples)
    assert all(len(k) == 64 and set(k) <= set("0123456789abcdef") for k in keys)


def test_oversized_message_is_truncated_with_marker() -> None:
    huge = 'á"\\\x01' * 60_000  # escapes and non-ASCII make JSON far longer than the text
    fitted = fit_to_limits(session((msg("user", huge),)))
    content = fitted.history[0].content
    assert "mensagem truncada" in content
    assert content.startswith('á"\\\x01')
    assert len(json.dumps({"c": content}, ensure_ascii=True)) <= MAX_MESSAGE_CHARS


def test_history_over_budget_loses_oldest_and_round_trips() -> None:
    history = tuple(msg("user" if i % 2 else "assistant", f"{i:03d}" + "y" * 60_000) for i in range(20))
    fitted = fit_to_limits(session(history, {"contrato": "8446"}))
    entity = to_entity(fitted)
    strings = [v for v in entity.values() if isinstance(v, str)]
    assert all(len(v.encode("utf-16-le")) <= 64 * 1024 for v in strings)
    assert sum(len(v.encode("utf-16-le")) for v in strings) < 1024 * 1024
    assert len("".join(entity[f"History{i:02d}"] for i in range(entity["HistoryParts"]))) <= HISTORY_BUDGET
    assert fitted.history[-1].content.startswith("019")  # the newest is kept
    assert len(fitted.history) < 20
    restored = from_entity(entity, etag="e")
    assert restored.history == fitted.history
    assert restored.context == {"contrato": "8446"}


def test_oversized_context_is_dropped_not_failed() -> None:
    fitted = fit_to_limits(session(context={"big": "z" * (MAX_PROPERTY_CHARS + 1)}))
    assert fitted.context == {}


def test_a_turn_under_another_scope_replaces_what_the_old_scope_computed() -> None:
    history = (msg("user"), call("c1"), msg("tool", "names", tool_call_id="c1"))
    before = replace(session(history, {"q": 1}), scope="a")
    same = apply_turn(before, Turn(messages=(msg("user", "again"),), context={"q": 2}, scope="a"), None, NOW, 20)
    assert len(same.history) == 4 and same.scope == "a"
    other = apply_turn(before, Turn(messages=(msg("user", "new"),), context={}, scope="b"), None, NOW, 20)
    assert [m.content for m in other.history] == ["new"] and other.scope == "b" and other.context == {}
    assert from_entity(to_entity(fit_to_limits(other)), "etag").scope == "b"
    legacy = replace(before, scope="")  # stored before sessions kept a scope: its memory is not trusted
    assert legacy.under_scope("a").history == () and legacy.under_scope("a").context == {}
