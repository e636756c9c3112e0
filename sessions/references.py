"""Conversation references for proactive messages, and the once-per-day alert log, in Table Storage.

A reference is kept per person (channel and user id) for their personal chat with the bot: written when
they talk to it there or install it, rewritten only when it changes, deleted when the channel says the
conversation is gone. The alert log holds one row per person and day, inserted conditionally before an
alert is sent, so two runs (a timer firing twice, two instances) send one alert.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import random
import uuid
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from azure.core import MatchConditions
from azure.core.exceptions import ResourceExistsError, ResourceModifiedError, ResourceNotFoundError
from azure.data.tables import UpdateMode
from azure.data.tables.aio import TableClient

from .keys import session_key
from .table import SessionStoreUnavailable, TableStore, table_missing

ROW_KEY = "reference"
SCAN_TIMEOUT = 120.0
MAX_WRITE_ATTEMPTS = 20
CLAIM_ATTEMPTS = 3


@dataclass(frozen=True)
class ConversationRef:
    """What a proactive message needs to reach a person's personal chat, and who that person is."""

    channel_id: str
    user_id: str  # the channel's id of the person
    conversation_id: str
    service_url: str
    bot_id: str
    tenant_id: str = ""
    object_id: str = ""  # Entra object id, when the channel sent one
    identity: str = ""  # UPN / e-mail, when the bot had to ask the channel for it
    opted_out: bool = False

    @property
    def key(self) -> str:
        return person_key(self.channel_id, self.user_id)

    def fingerprint(self) -> str:
        """Changes whenever a stored field that matters for sending or identity changes (not the opt-out)."""
        fields = {k: v for k, v in asdict(self).items() if k != "opted_out"}
        return hashlib.sha256(json.dumps(fields, sort_keys=True).encode("utf-8", "surrogatepass")).hexdigest()[:24]


def person_key(channel_id: str, user_id: str) -> str:
    return session_key(channel_id, "personal", user_id)


def _entity(ref: ConversationRef) -> dict[str, Any]:
    return {
        "PartitionKey": ref.key,
        "RowKey": ROW_KEY,
        "ChannelId": ref.channel_id,
        "UserId": ref.user_id,
        "ConversationId": ref.conversation_id,
        "ServiceUrl": ref.service_url,
        "BotId": ref.bot_id,
        "TenantId": ref.tenant_id,
        "ObjectId": ref.object_id,
        "Identity": ref.identity,
        "OptedOut": ref.opted_out,
        "UpdatedAt": datetime.now(UTC),
    }


def _from_entity(entity: dict[str, Any]) -> ConversationRef:
    return ConversationRef(
        channel_id=entity["ChannelId"],
        user_id=entity["UserId"],
        conversation_id=entity["ConversationId"],
        service_url=entity["ServiceUrl"],
        bot_id=entity.get("BotId") or "",
        tenant_id=entity.get("TenantId") or "",
        object_id=entity.get("ObjectId") or "",
        identity=entity.get("Identity") or "",
        opted_out=bool(entity.get("OptedOut")),
    )


class ReferenceStore(TableStore):
    async def save(self, ref: ConversationRef) -> None:
        """Write the reference and leave the person's opt-out choice alone.

        A merge without `OptedOut`: a turn that stores the reference while the same person says "parar
        alertas" cannot write back the choice it read before (a new row reads as opted in).
        """
        entity = {k: v for k, v in _entity(ref).items() if k != "OptedOut"}
        await self._run("save reference", lambda t: t.upsert_entity(entity, mode=UpdateMode.MERGE))

    async def get(self, channel_id: str, user_id: str) -> ConversationRef | None:
        async def read(table: TableClient) -> Any:
            try:
                return await table.get_entity(person_key(channel_id, user_id), ROW_KEY)
            except ResourceNotFoundError as err:
                if table_missing(err):
                    raise
                return None

        entity = await self._run("read reference", read)
        return None if entity is None else _from_entity(entity)

    async def set_opt_out(self, ref: ConversationRef, opted_out: bool) -> None:
        """Store the choice with a write conditional on what was read (the reference created if absent).

        On a conflict (a concurrent turn stored the reference) it reads again and writes again, so the
        choice the bot confirms is the one stored whatever else happens at the same moment.
        """
        wanted = _entity(replace(ref, opted_out=opted_out))

        async def write(table: TableClient) -> bool:
            try:
                current = await table.get_entity(ref.key, ROW_KEY)
            except ResourceNotFoundError as err:
                if table_missing(err):
                    raise
                try:
                    await table.create_entity(wanted)
                except ResourceExistsError:
                    return False
                return True
            change = {"PartitionKey": ref.key, "RowKey": ROW_KEY, "OptedOut": opted_out, "UpdatedAt": datetime.now(UTC)}
            try:
                await table.update_entity(
                    change,
                    mode=UpdateMode.MERGE,
                    etag=current.metadata["etag"],
                    match_condition=MatchConditions.IfNotModified,
                )
            except (ResourceModifiedError, ResourceNotFoundError) as err:
                if isinstance(err, ResourceNotFoundError) and table_missing(err):
                    raise
                return False
            return True

        for attempt in range(MAX_WRITE_ATTEMPTS):
            if await self._run("opt out", write):
                return
            await asyncio.sleep(random.uniform(0, 0.005 * (attempt + 1)))
        raise SessionStoreUnavailable("opt out: the reference kept changing")

    async def delete(self, ref: ConversationRef) -> None:
        await self._run("delete reference", lambda t: t.delete_entity(ref.key, ROW_KEY))

    async def all(self) -> list[ConversationRef]:
        async def scan(table: TableClient) -> list[ConversationRef]:
            return [_from_entity(e) async for e in table.list_entities(results_per_page=1000)]

        return await self._run("list references", scan, SCAN_TIMEOUT)


class AlertLog(TableStore):
    """One row per (person, day) an alert was sent, inserted before the send."""

    async def claim(self, key: str, day: date) -> bool:
        """True for the one caller that may send this person's alert of this day.

        The row carries an id of this claim. When storage's answer to the insert is lost (the insert may
        have landed), the row is read back: our id means the claim is ours, not someone else's.
        """
        claim = uuid.uuid4().hex
        row = {"PartitionKey": key, "RowKey": day.isoformat(), "At": datetime.now(UTC), "Claim": claim}

        async def insert(table: TableClient) -> bool:
            try:
                await table.create_entity(row)
                return True
            except ResourceExistsError:
                return await self._claimed_by(table, key, day) == claim

        async def read_back(table: TableClient) -> str | None:
            return await self._claimed_by(table, key, day)

        for attempt in range(CLAIM_ATTEMPTS):
            try:
                return await self._run("claim alert", insert)
            except SessionStoreUnavailable:
                if attempt == CLAIM_ATTEMPTS - 1:
                    raise
            holder = await self._run("read alert claim", read_back)
            if holder is not None:
                return holder == claim
        raise AssertionError("unreachable")

    @staticmethod
    async def _claimed_by(table: TableClient, key: str, day: date) -> str | None:
        """The claim id of the (person, day) row; None when there is no row ("" for rows without an id)."""
        try:
            entity = await table.get_entity(key, day.isoformat())
        except ResourceNotFoundError as err:
            if table_missing(err):
                raise
            return None
        return str(entity.get("Claim") or "")

    async def sent_on(self, day: date) -> set[str]:
        """The people whose alert of `day` is already claimed (one query, so a run skips them up front)."""

        async def scan(table: TableClient) -> set[str]:
            rows = table.query_entities("RowKey eq @day", parameters={"day": day.isoformat()}, select=["PartitionKey"])
            return {e["PartitionKey"] async for e in rows}

        return await self._run("alerts sent", scan, SCAN_TIMEOUT)

    async def release(self, key: str, day: date) -> None:
        """The send failed: the next run may try again."""
        await self._run("release alert", lambda t: t.delete_entity(key, day.isoformat()))


class FeedbackLog(TableStore):
    """Verdicts on answers (Teams' thumbs up / down): the reaction, the engine and the kind of question,
    never any text. One row per answer and person; a changed mind overwrites it."""

    async def record(self, *, key: str, message_id: str, reaction: str, engine: str, kind: str) -> None:
        entity = {
            "PartitionKey": key,
            "RowKey": hashlib.sha256(message_id.encode("utf-8", "surrogatepass")).hexdigest()[:32],
            "Reaction": reaction,
            "Engine": engine,
            "Kind": kind,
            "At": datetime.now(UTC),
        }
        await self._run("record feedback", lambda t: t.upsert_entity(entity, mode=UpdateMode.REPLACE))
