"""The bot's turn logic: load the session, answer, commit, then reply."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from botbuilder.core import ActivityHandler, InvokeResponse, TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, DeliveryModes
from botframework.connector import Channels
from opentelemetry import trace

from apontamentos.scope import Scope
from sessions import (
    FeedbackLog,
    Message,
    ReferenceStore,
    ReplyInFlight,
    Session,
    SessionStoreError,
    SessionStoreProtocol,
    Turn,
    session_key,
)

from . import alerts, cards, shared, telemetry
from .access import (
    UNCONFIRMED,
    Access,
    AccessControl,
    Denied,
    Identity,
    channel_tenant,
    scope_fingerprint,
    user_hash,
)
from .engines import AnswerEngine, EngineReply

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 2_000
TOO_LONG = (
    "Sua pergunta tem mais de 2.000 caracteres. Pode resumi-la? Por exemplo: “Quantas horas o contrato 8446 "
    "teve em setembro?”"
)
INTRODUCTION = (
    "Olá! Sou o bot de apontamentos: respondo perguntas sobre as horas apontadas nos contratos. Mencione-me "
    "com a pergunta, por exemplo: @Bot quem não apontou semana passada?"
)
TYPING_EVERY_SECONDS = 3.0
# Teams gives a turn 15 s: the member lookup (for the UPN) must leave time to answer within it.
MEMBER_LOOKUP_SECONDS = 5.0
DEMO_NOTE = "Demonstração com acesso aberto: qualquer pessoa vê todos os apontamentos."
NOT_TEXT = "Por enquanto eu só entendo perguntas em texto. Experimente: “Quais contratos temos?”"
# A send is bounded well inside the reply's lease (sessions.conditional.REPLY_LEASE, 20 s), so no other
# delivery takes a reply over while its sender may still succeed.
SEND_TIMEOUT_SECONDS = 10.0
# How long a redelivery waits for a send in progress before answering 503 (the channel waits ~15 s in all).
REDELIVERY_WAIT_SECONDS = 5.0


class ReplyNotDelivered(Exception):
    """The answer is committed but the channel did not take it; a redelivery of the activity sends it."""


class ApontamentosBot(ActivityHandler):
    def __init__(
        self,
        *,
        store: SessionStoreProtocol,
        engine: AnswerEngine,
        access: AccessControl,
        today: Callable[[], date],
        references: ReferenceStore | None = None,
        feedback: FeedbackLog | None = None,
        alerts_schedule: str = "",
        names: shared.PeopleNames | None = None,
    ) -> None:
        self._names = names  # tells answers that name people (None: every data answer counts as such)
        self._store = store
        self._engine = engine
        self._access = access
        self._today = today
        self._references = references
        self._feedback_log = feedback
        self._alerts_schedule = alerts_schedule

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        question = _question(turn_context)
        if not question:
            await turn_context.send_activity(cards.message(NOT_TEXT))
            return
        if len(question) > MAX_QUESTION_CHARS:
            await turn_context.send_activity(cards.message(TOO_LONG))
            return
        in_body = turn_context.activity.delivery_mode == DeliveryModes.expect_replies
        replies = await self._turn(turn_context, question, in_body=in_body)
        if in_body:
            await turn_context.send_activities([cards.for_teams(r) for r in replies])

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        """Universal Actions (`adaptiveCard/action`) answer with a card; Teams' feedback (`message/submitAction`)
        is recorded; other invokes are declined with a 400."""
        if turn_context.activity.name == "message/submitAction":
            return await self._feedback(turn_context)
        if turn_context.activity.name != "adaptiveCard/action":
            return _invoke_error(400, "NotSupported", "This invoke is not supported by this bot.")
        value = turn_context.activity.value
        action = value.get("action") if isinstance(value, dict) else None
        if not isinstance(action, dict) or action.get("type") != "Action.Execute":
            return _invoke_error(400, "BadRequest", "Expected an Action.Execute in value.action.")
        data = action.get("data")
        submitted = data.get("text") or data.get("command") if isinstance(data, dict) else None
        question = submitted.strip() if isinstance(submitted, str) else ""
        if not question:
            replies = [cards.message(NOT_TEXT)]
        elif len(question) > MAX_QUESTION_CHARS:
            replies = [cards.message(TOO_LONG)]
        else:
            replies = await self._turn(turn_context, question, in_body=True)
        card = cards.answer_card(replies)
        body = {"statusCode": 200, "type": "application/vnd.microsoft.card.adaptive", "value": card}
        return InvokeResponse(status=200, body=body)

    async def _turn(self, turn_context: TurnContext, question: str, *, in_body: bool) -> list[Activity]:
        """Answer the activity exactly once: load, answer, commit, then send (or return, when `in_body`).

        A redelivered activity is not answered again: its committed reply is returned when replies
        travel in the HTTP body, and sent only if it never reached the channel.
        """
        with telemetry.tracer.start_as_current_span("bot.turn", attributes={"bot.engine": self._engine.name}):
            return await self._answer_once(turn_context, question, in_body=in_body)

    async def _answer_once(self, turn_context: TurnContext, question: str, *, in_body: bool) -> list[Activity]:
        activity = turn_context.activity
        user = activity.from_property
        ids = (activity.channel_id, activity.conversation.id, user.id)
        timings: dict[str, float] = {}
        started = time.perf_counter()
        session = await self._store.load(*ids)
        timings["load"] = time.perf_counter() - started
        if session.has_processed(activity.id):
            replies, outcome = await self._redeliver(turn_context, session, in_body=in_body)
            _log_turn(ids, activity.id, self._engine.name, outcome, timings)
            return replies
        access, identity, asker = await self._asker(turn_context, session)
        session = session.under_scope(scope_fingerprint(access))
        reference = await self._remember(activity, session, identity)
        step = time.perf_counter()
        command = alerts.command_of(question)
        async with _typing(turn_context, enabled=not in_body and _shows_typing(activity)):
            if command is not None:
                reply = await self._alert_command(activity, session, access, identity, command, question)
            else:
                reply = await self._engine.answer(
                    question=question, session=session, user_name=user.name or "", today=self._today(), access=access
                )
        timings["answer"] = time.perf_counter() - step
        _audit(activity, identity, asker, access, reply.kind)
        trace.get_current_span().set_attribute("bot.kind", reply.kind or "-")
        lead = reply.text.split("\n", 1)[0]
        teams = activity.channel_id == Channels.ms_teams
        attachment = cards.answer_attachment(reply.text, reply.table, lead_inside=teams)
        # Teams shows a text and a card as two messages, each rated apart: there the card alone is the answer
        # (its first line inside), and the lead is the notification's summary. Web Chat draws the text above
        # the card in one message.
        text = (None if teams else lead) if attachment else reply.text
        message = cards.message(text, attachment, ai_generated=reply.ai_generated)
        message.channel_id = activity.channel_id
        if teams:
            message.channel_data = {"feedbackLoopEnabled": True}  # Teams' thumbs up / down on the answer
            if attachment:
                message.summary = lead
        replies = [
            cards.within_budget(
                cards.with_suggestions(message, reply.suggestions, personal_teams=_teams_personal(activity))
            )
        ]
        if shared.shared(activity) and await asyncio.to_thread(shared.personal, reply, access, self._names):
            private = cards.within_budget(cards.with_suggestions(message, reply.suggestions, personal_teams=True))
            sent = await shared.send_privately(turn_context, cards.for_teams(private))
            replies = [cards.message(shared.SENT if sent else shared.NOT_SENT)]
        step = time.perf_counter()
        turn = Turn(
            messages=reply.history,
            context=reply.context,
            activity_id=activity.id,
            user_name=user.name,
            replies=tuple(a.serialize() for a in replies),
            identity=identity if identity != session.identity else None,
            reference=reference,
            kind=reply.kind,
            engine=self._engine.name,
            scope=session.scope,
            in_body=in_body,
        )
        result = await self._store.commit(session, turn)
        timings["commit"] = time.perf_counter() - step
        outcome = "answered"
        if result.duplicate:  # a concurrent delivery of the same activity committed first
            replies, outcome = await self._redeliver(turn_context, result.session, in_body=in_body)
        elif not in_body:
            step = time.perf_counter()
            await self._send(turn_context, result.session, result.claim, replies)
            timings["send"] = time.perf_counter() - step
        _log_turn(ids, activity.id, self._engine.name, outcome, timings, reply.kind)
        return replies

    async def _asker(self, turn_context: TurnContext, session: Session) -> tuple[Access, str, Identity]:
        """The asker's access, the UPN to keep in the session when the channel had to be asked for it, and
        the identity the channel vouched for (see bot/access.py).

        On Teams without an object id, the member's UPN is asked of the channel once per session, within
        MEMBER_LOOKUP_SECONDS; when that fails nothing is shown. The display name never grants access.
        """
        activity = turn_context.activity
        user = activity.from_property
        identity = self._access.identify(
            channel_id=activity.channel_id or "",
            user_id=user.id,
            object_id=getattr(user, "aad_object_id", None),
            tenant_id=channel_tenant(activity.channel_data),
        )
        if not self._access.needs_identity:
            return await self._access.resolve(identity), session.identity, identity
        upn = session.identity or None
        if identity.trusted and activity.channel_id == Channels.ms_teams and not identity.object_id:
            upn = upn or await _teams_upn(turn_context, user.id)
            if not upn:
                return Denied(UNCONFIRMED, "identity_unconfirmed"), "", identity
            identity = replace(identity, upn=upn)
        return await self._access.resolve(identity), upn or "", identity

    async def _feedback(self, turn_context: TurnContext) -> InvokeResponse:
        """A thumbs up or down on an answer: stored with the engine and the kind of question, never the text.

        The answer is found by the message id the channel gave it when it was delivered; an answer no longer
        kept (or edited away) is still counted, as "unknown".
        """
        activity = turn_context.activity
        value = activity.value if isinstance(activity.value, dict) else {}
        action = value.get("actionValue") if isinstance(value.get("actionValue"), dict) else {}
        reaction = action.get("reaction")
        if value.get("actionName") != "feedback" or reaction not in ("like", "dislike"):
            return _invoke_error(400, "BadRequest", "Expected a feedback with a like or dislike reaction.")
        ids = (activity.channel_id, activity.conversation.id, activity.from_property.id)
        session = await self._store.load(*ids)
        answered = session.reply_sent_as(activity.reply_to_id or "")
        kind = answered.kind if answered else "unknown"
        engine = answered.engine if answered else "unknown"
        if self._feedback_log is not None:
            try:
                await self._feedback_log.record(
                    key=session_key(*ids),
                    message_id=activity.reply_to_id or "",
                    reaction=reaction,
                    engine=engine,
                    kind=kind,
                )
            except SessionStoreError:
                log.warning("feedback not stored")
        telemetry.record_feedback(reaction=reaction, engine=engine, kind=kind)
        log.info("feedback reaction=%s engine=%s kind=%s session=%s", reaction, engine, kind, session.key[:16])
        return InvokeResponse(status=200, body={})

    async def _remember(self, activity: Activity, session: Session, identity: str) -> str | None:
        """Store the personal chat's reference for alerts when it is new or changed; its fingerprint then."""
        if self._references is None or not alerts.personal(activity):
            return None
        reference = alerts.reference_of(activity, identity)
        fingerprint = reference.fingerprint()
        if fingerprint == session.reference:
            return None
        try:
            await self._references.save(reference)
        except SessionStoreError:
            log.warning("conversation reference not stored; alerts wait for the next message")
            return None
        return fingerprint

    async def _alert_command(
        self, activity: Activity, session: Session, access: Access, identity: str, command: str, question: str
    ) -> EngineReply:
        """ "parar alertas", "ativar alertas", "meus alertas": only in the personal chat, where alerts arrive."""
        now = datetime.now(UTC)
        scope = access if isinstance(access, Scope) else None
        if self._references is None or not alerts.personal(activity):
            text = "Os alertas chegam só na conversa pessoal comigo: diga isso lá."
        else:
            reference = alerts.reference_of(activity, identity)
            stored = await self._references.get(reference.channel_id, reference.user_id)
            opted_out = stored.opted_out if stored else False
            if command == "status":
                text = alerts.describe(scope, opted_out, _schedule_text(self._alerts_schedule))
            else:
                await self._references.set_opt_out(stored or reference, command == "off")
                text = (
                    "Pronto: você não vai mais receber alertas. Para voltar, diga “ativar alertas”."
                    if command == "off"
                    else "Pronto: alertas ativados. Eles chegam nos dias úteis pela manhã, só quando há algo a dizer."
                )
        history = (Message("user", question, now), Message("assistant", text, now))
        return EngineReply(text=text, context=session.context, history=history, kind=f"alerts_{command}")

    async def _redeliver(
        self, turn_context: TurnContext, session: Session, *, in_body: bool
    ) -> tuple[list[Activity], str]:
        """The committed reply of a redelivered activity, sent again only if it was never delivered."""
        activity_id = turn_context.activity.id
        stored = session.reply_for(activity_id)
        if stored is None or not activity_id:
            return [], "redelivery"
        replies = [Activity().deserialize(a) for a in stored.activities]
        if in_body:
            return replies, "redelivery"
        try:
            claimed = await self._store.claim_reply(session, activity_id, wait=REDELIVERY_WAIT_SECONDS)
        except ReplyInFlight as err:
            # Still being sent by another delivery: "done" now would be a lie if that send fails, and the
            # channel would not retry. The edge answers 503; the next redelivery finds it settled.
            raise ReplyNotDelivered("reply still being sent by another delivery") from err
        if claimed is None:  # delivered already
            return [], "redelivery"
        await self._send(turn_context, claimed.session, claimed.reply.claim, replies)
        return replies, "redelivered"

    async def _send(self, turn_context: TurnContext, session: Session, claim: str, replies: list[Activity]) -> None:
        """Send committed replies and record the outcome, so a redelivery neither repeats nor loses them."""
        activity_id = turn_context.activity.id or ""
        try:
            async with asyncio.timeout(SEND_TIMEOUT_SECONDS):
                try:
                    responses = await turn_context.send_activities([cards.for_teams(r) for r in replies])
                except Exception as err:
                    if alerts.error_status(err)[0] != 413:
                        raise
                    # The channel's size limit is below our budget: a short reply instead of silence.
                    log.warning("reply refused as too large (%d bytes)", max(map(cards.activity_size, replies)))
                    responses = await turn_context.send_activities([cards.message(cards.TOO_BIG)])
        except Exception as err:
            with contextlib.suppress(SessionStoreError):
                await self._store.settle_reply(session, activity_id, claim, delivered=False)
            raise ReplyNotDelivered(type(err).__name__) from err
        sent_ids = tuple(r.id for r in responses or [] if r is not None and getattr(r, "id", None))
        try:
            await self._store.settle_reply(session, activity_id, claim, delivered=True, sent_ids=sent_ids)
        except SessionStoreError:
            # The user has the answer; at worst a redelivery after the lease sends it again.
            log.warning("delivered reply not recorded (activity %s)", activity_id[:64])

    async def on_members_added_activity(self, members_added: list[ChannelAccount], turn_context: TurnContext) -> None:
        """The welcome goes to a person in their personal chat; a team or group gets one short introduction
        when the bot itself is added, and nothing when other people join."""
        activity = turn_context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        if not alerts.personal(activity):
            if any(member.id == bot_id for member in members_added):
                await turn_context.send_activity(cards.message(INTRODUCTION))
            return
        if self._references is not None and activity.from_property:
            # Installed in a personal chat: alerts can reach this person from now on.
            with contextlib.suppress(SessionStoreError):
                await self._references.save(alerts.reference_of(activity, ""))
        person = next((m for m in members_added if m.id != bot_id), None)
        if person is not None or any(member.id == bot_id for member in members_added):
            name = (person.name if person else activity.from_property.name if activity.from_property else "") or ""
            note = DEMO_NOTE if self._access.mode == "open" else ""
            await turn_context.send_activity(cards.message("", cards.welcome_card(name, note)))

    async def on_end_of_conversation_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        await self._store.delete(activity.channel_id, activity.conversation.id, activity.from_property.id)


async def _teams_upn(turn_context: TurnContext, member_id: str) -> str | None:
    """The member's UPN (or e-mail) from the Bot Connector's conversation member API; None if unavailable."""
    try:
        async with asyncio.timeout(MEMBER_LOOKUP_SECONDS):
            member = await TeamsInfo.get_member(turn_context, member_id)
    except Exception as err:  # noqa: BLE001 - any failure means the same: no identity, no data
        log.warning("member lookup failed (%s)", type(err).__name__)
        return None
    return getattr(member, "user_principal_name", None) or getattr(member, "email", None)


def _audit(activity: Activity, identity: str, asker: Identity, access: Access, kind: str) -> None:
    """One line per turn: who (hashed), channel, whether the channel vouched for the identity, role, kind
    of question, scope, decision; never text or names."""
    user = activity.from_property
    who = user_hash(getattr(user, "aad_object_id", None) or identity or f"{activity.channel_id}:{user.id}")
    if isinstance(access, Denied):
        role, scope, decision = "none", access.reason, "denied"
    else:
        role = access.role
        scope = (
            ";".join(access.contracts)
            if access.role == "gestor"
            else ("own" if access.role == "colaborador" else "all")
        )
        decision = "denied" if kind.startswith("out_of_scope") else "granted"
    log.info(
        "access user=%s channel=%s trusted=%s role=%s kind=%s scope=%s decision=%s",
        who,
        (activity.channel_id or "-")[:32],
        "yes" if asker.trusted else f"no({asker.untrusted})",
        role,
        kind or "-",
        scope,
        decision,
    )


def _teams_personal(activity: Activity) -> bool:
    return activity.channel_id == Channels.ms_teams and alerts.personal(activity)


def _shows_typing(activity: Activity) -> bool:
    """Personal and group chats show typing; in a channel nothing may precede the reply in its thread."""
    return getattr(activity.conversation, "conversation_type", None) != "channel"


@contextlib.asynccontextmanager
async def _typing(turn_context: TurnContext, *, enabled: bool) -> Any:
    """A typing indicator now and every few seconds while the answer takes (a slow model)."""
    if not enabled:
        yield
        return

    async def show_typing() -> None:
        with contextlib.suppress(Exception):  # a lost indicator must not fail the turn
            await turn_context.send_activity(Activity(type=ActivityTypes.typing))

    async def keep_typing() -> None:
        while True:
            await asyncio.sleep(TYPING_EVERY_SECONDS)
            await show_typing()

    # The first one is sent before the answer starts: a background task scheduled only after a fast answer
    # would leave the chat without any indicator, and the answer's reply could overtake it.
    await show_typing()
    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def _schedule_text(schedule: str) -> str:
    if schedule == "0 0 12 * * 1-5":
        return "às 9h, horário de Brasília"
    return f"agenda {schedule}, em UTC"


def _invoke_error(status: int, code: str, message: str) -> InvokeResponse:
    """The Universal Actions error shape, used for every invoke this bot does not handle."""
    body = {
        "statusCode": status,
        "type": "application/vnd.microsoft.error",
        "value": {"code": code, "message": message},
    }
    return InvokeResponse(status=status, body=body)


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
    ids: tuple[str, str, str],
    activity_id: str | None,
    engine: str,
    outcome: str,
    timings: dict[str, float],
    kind: str = "",
) -> None:
    telemetry.record_turn(engine=engine, outcome=outcome, kind=kind, timings=timings)
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
