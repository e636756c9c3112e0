"""Answer engines behind one small interface: the built-in Portuguese engine (and the LLM one)."""

from __future__ import annotations

import asyncio
import functools
import logging
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any, Protocol

from apontamentos.answers import Table
from apontamentos.dataset import Dataset, DatasetProvider
from apontamentos.engine import answer, static_answer
from apontamentos.errors import DatasetError, DatasetNotConfigured
from apontamentos.scope import OPEN
from sessions import Message, Session

from .access import Access, Denied

log = logging.getLogger(__name__)

DATA_UNAVAILABLE = "Os dados de apontamentos não estão disponíveis no momento. Tente novamente em alguns minutos."
NOT_CONFIGURED = (
    "Ainda não há uma fonte de dados de apontamentos configurada, então não consigo responder perguntas sobre "
    "horas e contratos. Peça ao administrador do bot para configurá-la. Enquanto isso, diga “ajuda” para ver o "
    "que sei responder."
)


@dataclass(frozen=True)
class EngineReply:
    """What a turn produces: the reply, the context to keep, and the history entries to append."""

    text: str
    context: dict[str, Any]
    history: tuple[Message, ...]
    table: Table | None = None
    kind: str = ""  # what was asked, for the audit log and metrics (never the text)
    ai_generated: bool = False  # written by the model: the message carries the AI-generated marker
    suggestions: tuple[str, ...] = ()  # follow-up questions, offered as suggested actions or buttons


class AnswerEngine(Protocol):
    name: str

    async def answer(
        self, *, question: str, session: Session, user_name: str, today: date, access: Access = OPEN
    ) -> EngineReply: ...


class RulesEngine:
    """The built-in Portuguese question engine over the typed queries; no model needed."""

    name = "rules"

    def __init__(self, *, dataset: DatasetProvider) -> None:
        self._dataset = dataset

    async def answer(
        self, *, question: str, session: Session, user_name: str, today: date, access: Access = OPEN
    ) -> EngineReply:
        return await asyncio.to_thread(self._answer, question, session, user_name, today, access)

    def _answer(self, question: str, session: Session, user_name: str, today: date, access: Access) -> EngineReply:
        now = datetime.now(UTC)
        try:
            db = self._dataset.get()
        except DatasetNotConfigured:  # the operator was told once, when the app was built
            return _without_data(question, session, now, today, NOT_CONFIGURED, "not_configured")
        except DatasetError:
            log.exception("dataset unavailable")
            return _without_data(question, session, now, today, DATA_UNAVAILABLE, "unavailable")
        if isinstance(access, Denied):
            greeting = static_answer(db, question, today)
            if greeting is None:
                return _exchange(question, access.text, session.context, now, kind=f"denied_{access.reason}")
            return _exchange(question, greeting.text, session.context, now, kind=greeting.intent)
        result = answer(db, question, session.context, today, user_name, access)
        reply = _exchange(question, result.text, result.context, now, result.table, result.intent)
        return replace(reply, suggestions=result.suggestions)


def _without_data(question: str, session: Session, now: datetime, today: date, text: str, kind: str) -> EngineReply:
    """Greetings and help need no data: answered over an empty dataset; anything else gets `text`."""
    static = static_answer(_empty_dataset(), question, today)
    if static is None:
        return _exchange(question, text, session.context, now, kind=kind)
    return _exchange(question, static.text, session.context, now, kind=static.intent)


@functools.cache
def _empty_dataset() -> Dataset:
    from apontamentos.importer import SNAPSHOT_SCHEMA  # pyarrow: imported only when there is no data

    return Dataset(SNAPSHOT_SCHEMA.empty_table())


def _exchange(
    question: str, text: str, context: dict[str, Any], now: datetime, table: Table | None = None, kind: str = ""
) -> EngineReply:
    history = (Message("user", question, now), Message("assistant", text, now))
    return EngineReply(text=text, context=context, history=history, table=table, kind=kind)
