"""The composition root: settings, clients, store, engine, adapter and bot, built once per process."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar
from urllib.parse import urlparse

from azure.identity import DefaultAzureCredential as DefaultAzureCredentialSync
from azure.identity.aio import DefaultAzureCredential
from botbuilder.core import TurnContext

from apontamentos import sources
from apontamentos.dataset import DatasetProvider
from apontamentos.review import ReviewLog
from apontamentos.rules import Calendar, Clock, system_clock, today_in
from apontamentos.vocabulary import VocabularyProvider
from sessions import (
    AlertLog,
    FeedbackLog,
    ReferenceStore,
    SessionStore,
    SessionStoreProtocol,
    SessionStoreUnavailable,
    session_key,
)
from sessions.table import TableStore

from . import cards, telemetry
from .access import AccessControl, PolicyProvider
from .adapter import FunctionsAdapter, build_authentication
from .alerts import AlertRunner
from .engines import AnswerEngine, RulesEngine
from .handler import ApontamentosBot, ReplyNotDelivered
from .llm import LlmEngine, build_client
from .settings import Settings
from .shared import PeopleNames

log = logging.getLogger(__name__)
T = TypeVar("T", bound=TableStore)

UNAVAILABLE = "Estou temporariamente indisponível. Tente de novo em alguns instantes."
FAILED = "Desculpe, não consegui responder agora. Tente de novo em alguns instantes."


@dataclass(frozen=True)
class App:
    settings: Settings
    store: SessionStoreProtocol
    engine: AnswerEngine
    adapter: FunctionsAdapter
    bot: ApontamentosBot
    alerts: AlertRunner
    references: ReferenceStore
    alert_log: AlertLog
    feedback: FeedbackLog
    review: ReviewLog
    today: Callable[[], date]  # the bot's calendar day, from the one clock build_app was given

    async def close(self) -> None:
        """Release clients and connections (tests and tools that build an App in their own process)."""
        for store in (self.store, self.references, self.alert_log, self.feedback):
            await store.close()
        await self.review.close()
        await self.adapter.close()
        if hasattr(self.engine, "close"):
            await self.engine.close()


def build_access(settings: Settings) -> AccessControl:
    # No tenant named in anonymous local development: any tenant (nothing is authenticated there anyway).
    tenants = settings.allowed_tenants or (None if settings.anonymous else frozenset())
    trust = {"trusted_channels": settings.access_trusted_channels, "allowed_tenants": tenants}
    if settings.access_mode != "policy":
        return AccessControl(settings.access_mode, **trust)
    assert settings.access_policy is not None
    credential = DefaultAzureCredentialSync() if sources.kind_of(settings.access_policy) == "blob" else None
    provider = PolicyProvider(
        settings.access_policy, refresh_seconds=settings.dataset_refresh_seconds, credential=credential
    )
    return AccessControl("policy", provider, **trust)


def _table(kind: type[T], settings: Settings, table: str, **options: Any) -> T:
    """A store over one table of the sessions account (connection string, or endpoint and managed identity)."""
    if settings.sessions_table_endpoint:
        return kind.from_endpoint(settings.sessions_table_endpoint, table, DefaultAzureCredential(), **options)
    return kind.from_connection_string(settings.sessions_storage, table, **options)


def build_store(settings: Settings) -> SessionStore:
    options = {"timeout": settings.session_timeout, "max_messages": settings.session_max_messages}
    return _table(SessionStore, settings, settings.sessions_table, **options)


def build_dataset(settings: Settings) -> DatasetProvider:
    if not settings.apontamentos_source:
        # Once per process: every data question would otherwise be a silent "not configured".
        log.warning(
            "APONTAMENTOS_SOURCE is not set: greetings, help and alert commands work, data questions are "
            "answered that no data source is configured. Set it to the path or URL of the snapshot."
        )
    calendar = Calendar(settings.timezone, settings.holiday_subdivision, settings.daily_hours)
    return DatasetProvider(
        settings.apontamentos_source,
        calendar=calendar,
        refresh_seconds=settings.dataset_refresh_seconds,
        blob_credential=_blob_credential(settings.apontamentos_source),
    )


def _blob_credential(location: str) -> Any:
    """The app's identity for a private Blob URL (the deployment's default); none for a SAS URL, a file or http."""
    if sources.kind_of(location) != "blob" or "sig=" in urlparse(location).query:
        return None
    return DefaultAzureCredentialSync()


def build_vocabulary(settings: Settings) -> VocabularyProvider | None:
    if settings.vocabulary is None:
        return None
    return VocabularyProvider(
        settings.vocabulary,
        refresh_seconds=settings.dataset_refresh_seconds,
        credential=_blob_credential(settings.vocabulary),
    )


def build_review(settings: Settings) -> ReviewLog:
    if settings.sessions_table_endpoint:
        return ReviewLog.from_endpoint(
            settings.sessions_table_endpoint, settings.review_table, DefaultAzureCredential()
        )
    return ReviewLog.from_connection_string(settings.sessions_storage, settings.review_table)


def build_engine(
    settings: Settings, dataset: DatasetProvider | None = None, review: ReviewLog | None = None
) -> AnswerEngine:
    dataset = dataset or build_dataset(settings)
    rules = RulesEngine(dataset=dataset, vocabulary=build_vocabulary(settings), review=review)
    wants_llm = settings.answer_engine == "llm" or (settings.answer_engine == "auto" and settings.llm_configured)
    if not wants_llm:
        return rules
    azure = bool(settings.azure_openai_endpoint and settings.azure_openai_deployment)
    client = build_client(
        azure_endpoint=settings.azure_openai_endpoint,
        azure_deployment=settings.azure_openai_deployment,
        azure_api_key=settings.azure_openai_api_key,
        azure_api_version=settings.azure_openai_api_version,
        base_url=settings.openai_base_url,
        api_key=settings.openai_api_key,
    )
    return LlmEngine(
        client=client,
        model=(settings.azure_openai_deployment if azure else settings.openai_model) or "",
        dataset=dataset,
        fallback=rules,
        timeout_seconds=settings.llm_timeout_seconds,
        timezone=settings.timezone,
    )


def build_app(settings: Settings, clock: Clock = system_clock) -> App:
    """The app; `clock` is the only source of "today" (the bot's questions, the alerts' day), tests pass their own."""
    telemetry.configure(settings.applicationinsights_connection_string)
    store = build_store(settings)
    dataset = build_dataset(settings)
    review = build_review(settings)
    engine = build_engine(settings, dataset, review)
    adapter = FunctionsAdapter(build_authentication(settings))
    access = build_access(settings)
    references = _table(ReferenceStore, settings, settings.references_table)
    feedback = _table(FeedbackLog, settings, settings.feedback_table)
    bot = ApontamentosBot(
        store=store,
        engine=engine,
        access=access,
        references=references,
        feedback=feedback,
        alerts_schedule=settings.alerts_schedule,
        today=lambda: today_in(settings.timezone, clock()),
        names=PeopleNames(dataset),
    )
    alert_log = _table(AlertLog, settings, settings.alert_log_table)
    alerts = AlertRunner(
        references=references,
        log_store=alert_log,
        access=access,
        dataset=dataset,
        adapter=adapter,
        app_id=settings.app_id,
        today=lambda: today_in(settings.timezone, clock()),
    )

    async def on_turn_error(context: TurnContext, error: Exception) -> None:
        """The one error funnel of a turn: log once, tell the user in Portuguese, never the details."""
        activity = context.activity
        if isinstance(error, ReplyNotDelivered):
            # The answer is committed; the edge answers 503 so the channel redelivers and it is sent then.
            log.warning("reply not delivered (activity %s): %s", (activity.id or "-")[:64], error)
            raise error
        key = session_key(
            activity.channel_id or "",
            activity.conversation.id if activity.conversation else "",
            activity.from_property.id if activity.from_property else "",
        )
        unavailable = isinstance(error, SessionStoreUnavailable)
        log.error(
            "turn error session=%s activity=%s: %s",
            key[:16],
            (activity.id or "-")[:64],
            type(error).__name__,
            exc_info=not unavailable,
        )
        try:
            await context.send_activity(cards.message(UNAVAILABLE if unavailable else FAILED))
        except Exception:  # noqa: BLE001 - the channel may be what failed; the log above has the cause
            log.warning("could not tell the user about the error (activity %s)", (activity.id or "-")[:64])
        if unavailable:
            raise error  # the edge answers 503: nothing was written, the channel may retry

    adapter.on_turn_error = on_turn_error
    return App(
        settings=settings,
        store=store,
        engine=engine,
        adapter=adapter,
        bot=bot,
        alerts=alerts,
        references=references,
        alert_log=alert_log,
        feedback=feedback,
        review=review,
        today=lambda: today_in(settings.timezone, clock()),
    )


_app: App | None = None


def get_app() -> App:
    """The process's App, built on first use (never at import: the Functions host imports eagerly)."""
    global _app
    if _app is None:
        _app = build_app(Settings.from_env(os.environ))
    return _app
