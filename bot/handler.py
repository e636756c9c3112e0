"""The bot's turn logic: load the session, answer, commit, then reply."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from botbuilder.core import ActivityHandler, TurnContext
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount

from sessions import SessionStore, Turn, session_key

from . import cards
from .engines import AnswerEngine

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 2_000
TOO_LONG = (
    "Sua pergunta tem mais de 2.000 caracteres. Pode resumi-la? Por exemplo: “Quantas horas o contrato 8446 "
    "teve em setembro?”"
)
NOT_TEXT = "Por enquanto eu só entendo perguntas em texto. Experimente: “Quais contratos temos?”"


class ApontamentosBot(ActivityHandler):
    def __init__(self, *, store: SessionStore, engine: AnswerEngine, today: Callable[[], date]) -> None:
        self._store = store
        self._engine = engine
        self._today = today

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        question = _question(turn_context)
        if not question:
            await turn_context.send_activity(cards.message(NOT_TEXT))
            return
        if len(question) > MAX_QUESTION_CHARS:
            await turn_context.send_activity(cards.message(TOO_LONG))
            return
        user = activity.from_property
        ids = (activity.channel_id, activity.conversation.id, user.id)
        timings: dict[str, float] = {}
        started = time.perf_counter()
        session = await self._store.load(*ids)
        timings["load"] = time.perf_counter() - started
        outcome = "answered"
        if session.has_processed(activity.id):
            outcome = "redelivery"
        else:
            await turn_context.send_activity(Activity(type=ActivityTypes.typing))
            step = time.perf_counter()
            reply = await self._engine.answer(
                question=question, session=session, user_name=user.name or "", today=self._today()
            )
            timings["answer"] = time.perf_counter() - step
            step = time.perf_counter()
            turn = Turn(messages=reply.history, context=reply.context, activity_id=activity.id, user_name=user.name)
            result = await self._store.commit(session, turn)
            timings["commit"] = time.perf_counter() - step
            if result.duplicate:
                outcome = "redelivery"
            else:
                step = time.perf_counter()
                attachment = cards.table_card(reply.table, reply.text) if reply.table else None
                text = reply.text.split("\n", 1)[0] if attachment else reply.text
                await turn_context.send_activity(cards.message(text, attachment))
                timings["send"] = time.perf_counter() - step
        _log_turn(ids, activity.id, self._engine.name, outcome, timings)

    async def on_members_added_activity(self, members_added: list[ChannelAccount], turn_context: TurnContext) -> None:
        bot_id = turn_context.activity.recipient.id if turn_context.activity.recipient else None
        for member in members_added:
            if member.id != bot_id:
                await turn_context.send_activity(cards.message("", cards.welcome_card(member.name or "")))

    async def on_end_of_conversation_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        await self._store.delete(activity.channel_id, activity.conversation.id, activity.from_property.id)


def _question(turn_context: TurnContext) -> str:
    """The user's text, without Teams @mentions of the bot; a card's Action.Submit data counts as text."""
    activity = turn_context.activity
    text = _without_bot_mentions(activity)
    if not text.strip() and isinstance(activity.value, dict):
        submitted: Any = activity.value.get("text") or activity.value.get("command")
        text = submitted if isinstance(submitted, str) else ""
    return (text or "").strip()


def _without_bot_mentions(activity: Activity) -> str:
    """Remove the mention markup (`<at>Bot</at>`) of mentions of the bot, literally.

    The SDK's remove_recipient_mention treats the mentioned name as a regular expression and fails
    on entities without `mentioned`; channel input is not trusted that far.
    """
    text = activity.text if isinstance(activity.text, str) else ""
    bot_id = activity.recipient.id if activity.recipient else None
    for entity in activity.entities or []:
        properties = entity.additional_properties or {}
        mentioned = properties.get("mentioned")
        markup = properties.get("text")
        if (
            str(entity.type or "").lower() == "mention"
            and isinstance(mentioned, dict)
            and mentioned.get("id") == bot_id
            and isinstance(markup, str)
            and markup
        ):
            text = text.replace(markup, " ")
    return text


def _log_turn(
    ids: tuple[str, str, str], activity_id: str | None, engine: str, outcome: str, timings: dict[str, float]
) -> None:
    spent = " ".join(f"{name}_ms={seconds * 1000:.1f}" for name, seconds in timings.items())
    log.info(
        "turn session=%s channel=%s activity=%s engine=%s outcome=%s %s",
        session_key(*ids)[:16],
        ids[0],
        (activity_id or "-")[:64],
        engine,
        outcome,
        spent,
    )
