"""MemorySessionStore: the session store in one process's memory, for benchmarks and tools.

It keeps the same entities Table Storage would (through `to_entity`, so the same limits apply) with an
ETag per entity, and shares every rule above the read and the write with `SessionStore`. Sessions do not
survive the process and are not shared between instances: never the store of a deployed bot.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import datetime
from typing import Any

from .conditional import ConditionalStore, now_utc
from .entity import SMALL_COLUMNS, from_entity, outbox_entity, to_entity
from .keys import session_key
from .model import Session
from .protocol import SweepResult


class MemorySessionStore(ConditionalStore):
    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._entities: dict[str, tuple[dict[str, Any], str]] = {}
        self._versions = itertools.count(1)

    async def _read(self, key: str) -> Session | None:
        stored = self._entities.get(key)
        return None if stored is None else from_entity(*stored)

    async def _write(self, session: Session, *, outbox_only: bool = False) -> Session | None:
        stored = self._entities.get(session.key)
        if session.etag is None:
            if stored is not None:
                return None
            entity = to_entity(session)
        else:
            if stored is None or stored[1] != session.etag:
                return None
            entity = {**stored[0], **outbox_entity(session)} if outbox_only else to_entity(session)
        etag = f'W/"{next(self._versions)}"'
        self._entities[session.key] = (entity, etag)
        return replace(session, etag=etag)

    async def _active(self, cutoff: datetime) -> list[Session]:
        return [
            from_entity({k: entity[k] for k in SMALL_COLUMNS if k in entity}, etag)
            for entity, etag in self._entities.values()
            if entity["LastActivity"] >= cutoff
        ]

    async def delete(self, channel_id: str, conversation_id: str, user_id: str) -> None:
        """Forget the session; deleting an absent one is not an error."""
        self._entities.pop(session_key(channel_id, conversation_id, user_id), None)

    async def count(self, *, now: datetime | None = None) -> int:
        return len(await self._active((now or now_utc()) - self.timeout))

    async def sweep(self, *, now: datetime | None = None) -> SweepResult:
        cutoff = (now or now_utc()) - self.timeout
        idle = [key for key, (entity, _) in self._entities.items() if entity["LastActivity"] < cutoff]
        for key in idle:
            del self._entities[key]
        return SweepResult(scanned=len(idle), deleted=len(idle), kept=0)

    async def close(self) -> None:
        return None
