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
from apontamentos.review import MISSED, Miss, ReviewLog, ReviewUnavailable, miss_of
from apontamentos.scope import OPEN
from apontamentos.vocabulary import BUILTIN, VocabularyProvider
from sessions import Message, Session

from .access import Access, Denied

log = logging.getLogger(__name__)

REVIEW_SECONDS = 2.0  # counting a miss must not hold the answer back
DATA_UNAVAILABLE = "Os dados de apontamentos não estão disponíveis no momento. Tente novamente em alguns minutos."
# A bug in understanding one question must not cost the turn: the user gets this, the log the traceback.
FAILED = (
    "Não consegui responder essa pergunta: algo deu errado do meu lado, e o erro foi registrado. Tente "
    "perguntar de outro jeito, por exemplo em partes."
)
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
    """The built-in Portuguese question engine over the typed queries; no model needed.

    With a `vocabulary` it reads the company's words too; with a `review` it counts what it did not
    understand (words and shapes, never the text), best effort: a failed count never fails the answer.
    """

    name = "rules"

    def __init__(
        self,
        *,
        dataset: DatasetProvider,
        vocabulary: VocabularyProvider | None = None,
        review: ReviewLog | None = None,
    ) -> None:
        self._dataset = dataset
        self._vocabulary = vocabulary
        self._review = review

    async def answer(
        self, *, question: str, session: Session, user_name: str, today: date, access: Access = OPEN
    ) -> EngineReply:
        reply, miss = await asyncio.to_thread(self._answer, question, session, user_name, today, access)
        if miss is not None and self._review is not None:
            try:
                async with asyncio.timeout(REVIEW_SECONDS):
                    await self._review.record(miss, today)
            except (ReviewUnavailable, TimeoutError) as err:
                log.warning("review count not recorded: %s", type(err).__name__)
        return reply

    def _answer(
        self, question: str, session: Session, user_name: str, today: date, access: Access
    ) -> tuple[EngineReply, Miss | None]:
        now = datetime.now(UTC)
        try:
            db = self._dataset.get()
        except DatasetNotConfigured:  # the operator was told once, when the app was built
            return _without_data(question, session, now, today, NOT_CONFIGURED, "not_configured"), None
        except DatasetError:
            log.exception("dataset unavailable")
            return _without_data(question, session, now, today, DATA_UNAVAILABLE, "unavailable"), None
        if isinstance(access, Denied):
            greeting = static_answer(db, question, today)
            if greeting is None:
                return _exchange(question, access.text, session.context, now, kind=f"denied_{access.reason}"), None
            return _exchange(question, greeting.text, session.context, now, kind=greeting.intent), None
        vocabulary = self._vocabulary.get() if self._vocabulary is not None else BUILTIN
        try:
            result = answer(db, question, session.context, today, user_name, access, vocabulary=vocabulary)
        except Exception:  # noqa: BLE001 - an engine bug: retrying the same question would fail the same way
            log.exception("the rules engine failed on a question")
            return _exchange(question, FAILED, session.context, now, kind="failed"), None
        reply = _exchange(question, result.text, result.context, now, result.table, result.intent)
        miss = miss_of(question, db.name_words, vocabulary) if result.intent in MISSED and self._review else None
        return replace(reply, suggestions=result.suggestions), miss


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
