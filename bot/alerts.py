"""Proactive alerts: forgotten clock-outs and missing days reach people the next morning, and a manager gets
a short digest of their contracts. Plus the chat commands that turn them off, on, or describe them.

One run (the `send_alerts` timer) reads every stored personal-chat reference, resolves each person's scope
from the access policy, computes their alert with the typed queries inside that scope, claims the
(person, day) row of the alert log with a conditional insert, and only then sends: a second run, or a
second instance, sends nothing. A send that fails releases the row so the next run tries again; 403 and
404 (the bot was blocked or removed, the conversation is gone) delete the reference; 429 is retried after
Retry-After while the run's time budget allows.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from botbuilder.core import CloudAdapterBase, TurnContext
from botbuilder.schema import Activity, ChannelAccount, ConversationAccount, ConversationReference

from apontamentos import queries as q
from apontamentos.dataset import DatasetProvider
from apontamentos.rules import Period, holidays_in
from apontamentos.scope import Scope, scoped
from sessions import AlertLog, ConversationRef, ReferenceStore, SessionStoreError

from . import cards
from .access import AccessControl, channel_tenant

log = logging.getLogger(__name__)

CONCURRENCY = 16
BUDGET_SECONDS = 45.0  # inside the function timeout (host.json: 1 minute)
SEND_TIMEOUT_SECONDS = 10.0  # one send; a channel that hangs costs this, never the run
MAX_RETRIES = 3

COMMANDS = {
    "parar alertas": "off",
    "desativar alertas": "off",
    "desligar alertas": "off",
    "ativar alertas": "on",
    "ligar alertas": "on",
    "meus alertas": "status",
}


def command_of(text: str) -> str | None:
    """ "off", "on" or "status" for the alert commands, in any case, with or without accents."""
    from apontamentos.dataset import normalize

    return COMMANDS.get(normalize(text))


@dataclass(frozen=True)
class Alert:
    text: str
    lines: list[str]
    actions: list[str]  # follow-up questions offered as buttons
    lists: list[list[tuple[str, str]]] = field(default_factory=list)  # per line: (person, detail) behind "Ver todos"


@dataclass
class RunResult:
    people: int = 0
    sent: int = 0
    nothing_to_say: int = 0
    already_sent: int = 0
    not_eligible: int = 0  # opted out, not in the policy, or a role without alerts
    failed: int = 0
    removed: int = 0
    deferred: int = 0  # not reached within the run's budget: the next run picks them up


def last_working_day(today: date, subdivision: str | None = None) -> date:
    """The last Monday-Friday before today that is not a holiday."""
    day = today - timedelta(days=1)
    while day.weekday() >= 5 or day in holidays_in(Period(day, day), subdivision):
        day -= timedelta(days=1)
    return day


NAMES_SHOWN = 5  # people named in a line of the digest; "Ver todos" lists the rest
FULL_LIST = 200  # people listed behind "Ver todos" (a card has a size limit)


def short_names(names: list[str]) -> dict[str, str]:
    """Each full name's shortest telling form among `names`: the first name, then with the last surname's
    initial ("Ana S."), then with the last surname, else the full name."""

    def forms(name: str) -> list[str]:
        words = name.split() or [name]
        first, last = words[0], words[-1]
        if len(words) == 1:
            return [first]
        return [first, f"{first} {last[0]}.", f"{first} {last}", name]

    candidates = {name: forms(name) for name in dict.fromkeys(names)}
    shown: dict[str, str] = {}
    for name, own in candidates.items():
        others = {form for other, theirs in candidates.items() if other != name for form in theirs}
        shown[name] = next((form for form in own if form not in others), name)
    return shown


def _named(names: list[str]) -> str:
    """Up to NAMES_SHOWN people by their telling short names, then how many more: "Ana S., Caio e mais 3 pessoas"."""
    short = short_names(names)
    shown = [short[name] for name in names[:NAMES_SHOWN]]
    rest = len(names) - len(shown)
    if rest:
        return ", ".join(shown) + f" e mais {_count(rest, 'pessoa')}"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + f" e {shown[-1]}"


def _full_list(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The list behind "Ver todos": everyone, up to FULL_LIST, then a last row saying how many more."""
    if len(rows) <= FULL_LIST:
        return rows
    return [*rows[:FULL_LIST], ("…", f"e mais {_count(len(rows) - FULL_LIST, 'pessoa')}")]


def colaborador_alert(db: Any, scope: Scope, today: date) -> Alert | None:
    """Their spans without a clock-out on the last working day and their working days without any entry
    in the last 7 days; None when there is nothing to say."""
    if not scope.resource_id or scope.resource_id not in db.resources:
        return None
    day = last_working_day(today, db.calendar.subdivision)
    lines = []
    open_spans = q.open_spans(db, Period(day, day), resource=scope.resource_id).spans
    for span in open_spans[:3]:
        lines.append(f"Sem saída em {day:%d/%m}: entrada às {span.start:%H:%M}.")
    week = Period(today - timedelta(days=7), today - timedelta(days=1))
    missing = q.person_missing_days(db, scope.resource_id, week).days
    if missing:
        days = ", ".join(f"{d:%d/%m}" for d in missing)
        lines.append(f"Dias úteis sem apontamento nos últimos 7 dias: {days}.")
    if not lines:
        return None
    return Alert("Bom dia! Lembretes dos seus apontamentos:", lines, ["Quais dias eu não apontei?"])


def gestor_alert(db: Any, scope: Scope, today: date) -> Alert | None:
    """A digest of the manager's contracts in three parts, each naming people and counting them, with the
    full list behind "Ver todos": working days without entries last week, spans without a clock-out on the
    last working day, entries not validated for more than 5 working days. None when there is nothing to say."""
    day = last_working_day(today, db.calendar.subdivision)
    lines: list[str] = []
    lists: list[list[tuple[str, str]]] = []
    actions: list[str] = []
    last_week = Period(today - timedelta(days=today.weekday() + 7), today - timedelta(days=today.weekday() + 1))
    missing = q.missing_days(db, last_week).people
    if missing:
        names = [p.resource.name for p in missing]
        lines.append(
            f"{_count(len(missing), 'pessoa')} com dias úteis sem apontamento de {last_week.start:%d/%m} a "
            f"{last_week.end:%d/%m}: {_named(names)}."
        )
        lists.append(_full_list([(p.resource.name, f"{_count(len(p.days), 'dia')}: {_days(p.days)}") for p in missing]))
        actions.append("Quem não apontou semana passada?")
    open_spans = q.open_spans(db, Period(day, day), limit=100_000).spans
    if open_spans:
        by_person: dict[str, list[q.Span]] = {}
        for span in open_spans:
            by_person.setdefault(span.resource.name, []).append(span)
        names = sorted(by_person, key=lambda name: (-len(by_person[name]), name))
        lines.append(
            f"{_count(len(open_spans), 'apontamento')} sem saída em {day:%d/%m}, de "
            f"{_count(len(names), 'pessoa')}: {_named(names)}."
        )
        lists.append(
            _full_list(
                [
                    (name, ", ".join(f"entrada às {s.start:%H:%M} ({s.contract})" for s in by_person[name]))
                    for name in names
                ]
            )
        )
        actions.append(f"Quem esqueceu de bater a saída em {day:%d/%m}?")
    cutoff = _working_days_before(today, 5, db.calendar.subdivision)
    if db.first_day is not None and db.first_day <= cutoff:
        pending = q.unvalidated_people(db, Period(db.first_day, cutoff))
        if pending:
            total = sum(p.count for p in pending)
            lines.append(
                f"{_count(total, 'apontamento')} sem validação há mais de 5 dias úteis, de "
                f"{_count(len(pending), 'pessoa')}: {_named([p.resource.name for p in pending])}."
            )
            lists.append(_full_list([(p.resource.name, _count(p.count, "apontamento")) for p in pending]))
            actions.append("Quantos apontamentos não foram validados?")
    if not lines:
        return None
    parts = getattr(db, "part_of", None)  # a granted client contract is named as the part it is
    return Alert(f"Bom dia! {scope.describe(parts)}:", lines, actions[:3], lists)


def _days(days: tuple[date, ...]) -> str:
    return ", ".join(f"{d:%d/%m}" for d in days)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _working_days_before(today: date, count: int, subdivision: str | None) -> date:
    day = today
    for _ in range(count):
        day = last_working_day(day, subdivision)
    return day - timedelta(days=1)


def describe(scope: Scope | None, opted_out: bool, schedule: str) -> str:
    """The reply to "meus alertas": what this person would receive, and when."""
    if scope is None or scope.role not in ("colaborador", "gestor"):
        return "Você não recebe alertas: eles são para colaboradores e gestores cadastrados na política de acesso."
    what = (
        "apontamentos sem saída no último dia útil e dias úteis sem apontamento nos últimos 7 dias"
        if scope.role == "colaborador"
        else "um resumo dos seus contratos: apontamentos sem saída, pessoas com dias sem apontamento e "
        "apontamentos sem validação há mais de 5 dias úteis"
    )
    state = "desativados (diga “ativar alertas” para voltar a recebê-los)" if opted_out else "ativados"
    return (
        f"Seus alertas estão {state}. Eles trazem {what}, nos dias úteis pela manhã ({schedule}), "
        "só quando há algo a dizer."
    )


class AlertRunner:
    def __init__(
        self,
        *,
        references: ReferenceStore,
        log_store: AlertLog,
        access: AccessControl,
        dataset: DatasetProvider,
        adapter: CloudAdapterBase,
        app_id: str,
        today: Callable[[], date],
        budget_seconds: float = BUDGET_SECONDS,
        send_timeout_seconds: float = SEND_TIMEOUT_SECONDS,
    ) -> None:
        self._references = references
        self._log = log_store
        self._access = access
        self._dataset = dataset
        self._adapter = adapter
        self._app_id = app_id
        self._today = today
        self._budget = budget_seconds
        self._send_timeout = send_timeout_seconds

    async def run(self, today: date | None = None) -> RunResult:
        day = today or self._today()
        deadline = time.monotonic() + self._budget
        result = RunResult()
        if not self._dataset.configured:  # nothing to compute alerts from; the log at start said which setting
            log.warning("alerts run day=%s skipped: no data source configured", day.isoformat())
            return result
        references = await self._references.all()
        result.people = len(references)
        already = await self._log.sent_on(day)
        db = await asyncio.to_thread(self._dataset.get, self._budget / 2)  # a cold start may take a while
        slots = asyncio.Semaphore(CONCURRENCY)

        async def one(index: int, ref: ConversationRef) -> None:
            async with slots:
                if time.monotonic() > deadline:
                    result.deferred += 1  # out of time: nothing claimed, the next run picks them up
                    return
                if ref.key in already:
                    result.already_sent += 1
                else:
                    await self._alert(db, ref, day, deadline, result)
                if index and index % 500 == 0:
                    log.info("alerts progress %d/%d", index, len(references))

        await asyncio.gather(*(one(i, ref) for i, ref in enumerate(references)))
        log.info(
            "alerts run day=%s people=%d sent=%d nothing=%d already=%d not_eligible=%d failed=%d removed=%d "
            "deferred=%d",
            day.isoformat(),
            result.people,
            result.sent,
            result.nothing_to_say,
            result.already_sent,
            result.not_eligible,
            result.failed,
            result.removed,
            result.deferred,
        )
        return result

    async def _alert(self, db: Any, ref: ConversationRef, day: date, deadline: float, result: RunResult) -> None:
        scope = await self._scope(ref)
        if ref.opted_out or scope is None or scope.role not in ("colaborador", "gestor"):
            result.not_eligible += 1
            return
        if scope.role == "colaborador":
            # Every query of a colaborador's alert is filtered to their own resource: exactly their scope's
            # rows, without building a scoped view per person (3,000 of them in one run).
            alert = await asyncio.to_thread(colaborador_alert, db, scope, day)
        else:
            alert = await asyncio.to_thread(gestor_alert, scoped(db, scope), scope, day)
        if alert is None:
            result.nothing_to_say += 1
            return
        if time.monotonic() > deadline:
            result.deferred += 1  # computed too late to send within the budget: not claimed
            return
        try:
            if not await self._log.claim(ref.key, day):
                result.already_sent += 1
                return
        except SessionStoreError:
            result.failed += 1
            return
        status = await self._send(ref, alert, deadline)
        if status is None:
            result.sent += 1
            return
        result.failed += 1
        try:
            if status in (403, 404):
                await self._references.delete(ref)
                result.removed += 1
                result.failed -= 1
            else:
                await self._log.release(ref.key, day)
        except SessionStoreError:
            log.warning("alert outcome not recorded (status %s)", status)

    async def _scope(self, ref: ConversationRef) -> Scope | None:
        """The person's scope, under the same trust rules as a turn (an untrusted channel gets no alert)."""
        identity = self._access.identify(
            channel_id=ref.channel_id, user_id=ref.user_id, object_id=ref.object_id, tenant_id=ref.tenant_id
        )
        if ref.identity and identity.trusted and not identity.object_id:
            identity = replace(identity, upn=ref.identity)
        access = await self._access.resolve(identity)
        return access if isinstance(access, Scope) else None

    async def _send(self, ref: ConversationRef, alert: Alert, deadline: float) -> int | None:
        """None when the channel took the message, else the HTTP status (0 when there was none)."""
        reference = ConversationReference(
            channel_id=ref.channel_id,
            service_url=ref.service_url,
            conversation=ConversationAccount(
                id=ref.conversation_id, tenant_id=ref.tenant_id or None, conversation_type="personal"
            ),
            user=ChannelAccount(id=ref.user_id),
            bot=ChannelAccount(id=ref.bot_id),
        )
        message = cards.within_budget(
            cards.message(
                "\n".join([alert.text, *alert.lines]),
                cards.alert_card(alert.text, alert.lines, alert.actions, alert.lists),
            )
        )
        for _attempt in range(MAX_RETRIES):
            failure = await self._deliver(reference, message, deadline)
            if failure is None:
                return None
            status, retry_after = error_status(failure)
            if status != 429 or retry_after is None or time.monotonic() + retry_after > deadline:
                log.warning("alert not sent: %s status=%s", type(failure).__name__, status)
                return status or 0
            await asyncio.sleep(retry_after)
        return 429

    async def _deliver(
        self, reference: ConversationReference, message: Activity, deadline: float
    ) -> BaseException | None:
        """Send through the adapter's proactive path with the bot's identity; the error, if any.

        Bounded by the send timeout and by what is left of the run's budget: a channel that hangs fails
        this send (released for the next run), never the run.
        """
        failure: list[BaseException] = []

        async def deliver(turn_context: TurnContext) -> None:
            # Caught here: a failed send must never reach the turn error handler's "Desculpe…".
            try:
                await turn_context.send_activity(message)
            except Exception as err:  # noqa: BLE001 - sorted by status by the caller
                failure.append(err)

        limit = min(self._send_timeout, deadline - time.monotonic())
        try:
            async with asyncio.timeout(max(limit, 0.0)):
                await self._adapter.continue_conversation(reference, deliver, self._app_id)
        except TimeoutError as err:
            return err
        return failure[0] if failure else None


def error_status(err: BaseException) -> tuple[int | None, float | None]:
    """The HTTP status of a connector error and its Retry-After seconds, when it has them."""
    response = getattr(err, "response", None)
    status = getattr(response, "status_code", None) or getattr(response, "status", None)
    headers = getattr(response, "headers", None) or {}
    try:
        retry_after = float(headers.get("Retry-After")) if headers.get("Retry-After") else None
    except (TypeError, ValueError):
        retry_after = None
    return (int(status) if status else None), retry_after


def personal(activity: Activity) -> bool:
    """Teams says "personal"; channels without conversation types (Web Chat, Emulator) are one-to-one."""
    conversation = activity.conversation
    kind = getattr(conversation, "conversation_type", None)
    return kind == "personal" or (kind is None and not getattr(conversation, "is_group", False))


def reference_of(activity: Activity, identity: str) -> ConversationRef:
    user = activity.from_property
    return ConversationRef(
        channel_id=activity.channel_id,
        user_id=user.id,
        conversation_id=activity.conversation.id,
        service_url=activity.service_url or "",
        bot_id=activity.recipient.id if activity.recipient else "",
        tenant_id=getattr(activity.conversation, "tenant_id", None) or channel_tenant(activity.channel_data) or "",
        object_id=getattr(user, "aad_object_id", None) or "",
        identity=identity,
    )
