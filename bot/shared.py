"""Answers in shared conversations (Teams group chats and channels): what names a person or shows a person's
figures goes to the asker's personal chat, with a one-line note in the thread.

The other members' scopes are not checked (that would take a member list and a policy lookup per member on
every turn); any answer that names somebody, or any data answer to a colaborador (all of it is their own),
is diverted. Aggregates that name nobody stay in the thread.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from botbuilder.core import BotAdapter, TurnContext
from botbuilder.schema import Activity, ChannelAccount, ConversationAccount, ConversationParameters

from apontamentos.dataset import DatasetProvider, normalize
from apontamentos.errors import DatasetError
from apontamentos.scope import Scope

from .access import Access, channel_tenant
from .engines import EngineReply

log = logging.getLogger(__name__)

SHARED_TYPES = ("groupChat", "channel")
# Kinds that never show anybody's data: greetings and help, denials, alert commands.
NO_DATA_KINDS = ("greeting", "help", "thanks")
SEND_SECONDS = 5.0  # two connector calls inside the 15 s a channel gives a turn
SENT = "Enviei a resposta no seu chat pessoal comigo: ela mostra dados de pessoas."
NOT_SENT = (
    "Essa resposta mostra dados de pessoas, então não a mostro aqui, e não consegui enviá-la no seu chat pessoal "
    "comigo. Abra o chat pessoal comigo e pergunte lá."
)


def shared(activity: Activity) -> bool:
    """A conversation other people read: a Teams group chat or channel, or any conversation marked as group."""
    conversation = activity.conversation
    kind = getattr(conversation, "conversation_type", None)
    return kind in SHARED_TYPES or bool(getattr(conversation, "is_group", False))


class PeopleNames:
    """Tells whether texts name anybody in the dataset (full names, accent- and case-insensitive)."""

    def __init__(self, dataset: DatasetProvider) -> None:
        self._dataset = dataset

    def named(self, texts: Iterable[str]) -> bool:
        """True when any text holds a person's full name; True too when the dataset cannot be read (fail closed)."""
        try:
            db = self._dataset.get()
        except DatasetError:
            return True
        padded = f" {' '.join(normalize(t) for t in texts)} "
        words = set(padded.split())
        candidates: set[int] = set()
        for word in words:
            candidates |= db.rids_by_word.get(word, set())
        return any(f" {normalize(db.refs[rid].name)} " in padded for rid in candidates)


def personal(reply: EngineReply, access: Access, names: PeopleNames | None) -> bool:
    """Whether the reply names a person or shows a person's figures (see the module docstring)."""
    if not isinstance(access, Scope) or access.role == "open":
        return False  # no data, or a demo where everybody sees everything
    if reply.kind in NO_DATA_KINDS or reply.kind.startswith(("denied_", "alerts_")):
        return False
    if access.role == "colaborador" or names is None:
        return True
    texts = [reply.text, *(m.content for m in reply.history if m.role in ("tool", "assistant"))]
    if reply.table is not None:
        texts += [" ".join(row) for row in reply.table.rows]
    return names.named(texts)


async def send_privately(turn_context: TurnContext, message: Activity) -> bool:
    """Send `message` to the asker's personal chat (created, or found, through the channel's connector)."""
    activity = turn_context.activity
    connector = turn_context.turn_state.get(BotAdapter.BOT_CONNECTOR_CLIENT_KEY)
    if connector is None or activity.from_property is None:
        return False
    tenant = channel_tenant(activity.channel_data) or getattr(activity.conversation, "tenant_id", None)
    parameters = ConversationParameters(
        is_group=False,
        bot=activity.recipient,
        members=[ChannelAccount(id=activity.from_property.id)],
        tenant_id=tenant,
        channel_data={"tenant": {"id": tenant}} if tenant else None,
    )
    try:
        async with asyncio.timeout(SEND_SECONDS):
            created = await connector.conversations.create_conversation(parameters)
            message.conversation = ConversationAccount(id=created.id, tenant_id=tenant, conversation_type="personal")
            message.recipient = ChannelAccount(id=activity.from_property.id)
            message.from_property = activity.recipient
            message.service_url = activity.service_url
            await connector.conversations.send_to_conversation(created.id, message)
    except Exception as err:  # noqa: BLE001 - any failure means the same: the answer stays private, unsent
        log.warning("personal answer not sent (%s)", type(err).__name__)
        return False
    return True
