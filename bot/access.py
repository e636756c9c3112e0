"""Who may see what: the access policy (a CSV the company publishes) and the asker's Scope from it.

The identity looked up in the policy is only what the channel authenticates: on Teams the `aadObjectId` the
Teams channel sets, in one of the ALLOWED_TENANTS; on another channel named in ACCESS_TRUSTED_CHANNELS the
`from.id` its token endpoint minted (never a Direct Line `dl_` id, which the client chose). Anyone else is
an unknown user.

Columns `user,role,resource_id,contracts`: `user` is an Entra object id (GUID, as in `from.aadObjectId`),
a UPN / e-mail (both case-insensitive) or, for channels without Entra identities, the channel's exact
`from.id`; `role` is `colaborador`, `gestor` or `admin`; `resource_id` is the person's `s_id_recurso`
(required for a colaborador); `contracts` are supplier or client contract numbers separated by `;`
(required for a gestor). A bad row is reported with its line number and skipped.
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import logging
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from apontamentos import sources
from apontamentos.scope import OPEN, Scope

log = logging.getLogger(__name__)

ROLES = ("colaborador", "gestor", "admin")
COLUMNS = ("user", "role", "resource_id", "contracts")
_CONTRACT = re.compile(r"^(?:\d{3,6}|E\d{7})$")
_RESOURCE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

NOT_CONFIGURED = (
    "O acesso aos dados de apontamentos ainda não foi configurado para este bot. Posso explicar o que sei "
    "responder, mas os dados só ficam disponíveis depois que o administrador publicar a política de acesso."
)
NOT_IN_POLICY = (
    "Você ainda não tem acesso aos dados de apontamentos. Peça acesso ao gestor do seu contrato ou à equipe "
    "que administra o bot: eles incluem você na política de acesso (com o seu e-mail corporativo e o seu "
    "perfil: colaborador ou gestor)."
)


UNTRUSTED = (
    "Por este canal não consigo confirmar quem você é, então não mostro dados de apontamentos. Converse "
    "comigo pelo Microsoft Teams da empresa ou por uma página que peça o seu login corporativo."
)
UNCONFIRMED = (
    "Não consegui confirmar sua identidade agora, então não posso mostrar dados de apontamentos. Tente de novo "
    "em alguns instantes."
)
TEAMS = "msteams"
LOCAL_CHANNELS = ("terminal", "emulator")  # no authentication at all: trusted only in anonymous local runs
UNVERIFIED_PREFIX = "dl_"  # Direct Line enhanced authentication marks the ids a client chose itself


class PolicyUnavailable(Exception):
    """No access policy could ever be read: access stays closed."""


class PolicyInvalid(ValueError):
    """The policy as a whole cannot be used (a broken header, bytes that are not UTF-8); names the line."""


@dataclass(frozen=True)
class Denied:
    """No data for this asker: only greetings and help are answered, with `text` for everything else."""

    text: str
    reason: str  # "not_configured" | "not_in_policy" | "unavailable"


Access = Scope | Denied


@dataclass(frozen=True)
class Identity:
    """Who the asker is for the policy, as far as the channel vouches for it.

    `untrusted` names why the channel's word is not taken ("channel", "tenant", "unverified_id"); the keys
    are then empty. `upn` is filled on Teams when the member had to be looked up.
    """

    channel: str
    object_id: str | None = None
    upn: str | None = None
    channel_user_id: str | None = None
    untrusted: str = ""

    @property
    def trusted(self) -> bool:
        return not self.untrusted


def channel_tenant(channel_data: Any) -> str | None:
    """The tenant the Teams channel put in `channelData.tenant.id`."""
    data = channel_data if isinstance(channel_data, dict) else {}
    tenant = data.get("tenant") if isinstance(data.get("tenant"), dict) else {}
    value = tenant.get("id")
    return value if isinstance(value, str) and value else None


def scope_fingerprint(access: Access) -> str:
    """What the session's history and context were computed under; changes when the asker's scope does."""
    if isinstance(access, Denied):
        return "denied"
    parts = (access.role, access.resource_id or "", ",".join(sorted(access.contracts)))
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class AccessPolicy:
    """The policy's rows by user key: lowercased for object ids and UPNs, exact for other channels' ids."""

    by_key: dict[str, Scope]
    by_exact_id: dict[str, Scope]

    def scope_for(self, *, object_id: str | None, upn: str | None, channel_user_id: str | None) -> Scope | None:
        for key in (object_id, upn):
            if key and key.strip().lower() in self.by_key:
                return self.by_key[key.strip().lower()]
        if channel_user_id is not None:
            return self.by_exact_id.get(channel_user_id)
        return None

    @classmethod
    def parse(cls, data: bytes) -> tuple[AccessPolicy, list[str]]:
        """The policy and one message per rejected line ("line 7: role must be ...").

        Raises PolicyInvalid when no row can be trusted: the header is not the expected one, or the file is
        not UTF-8 (a UTF-16 export, say).
        """
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line = data[: err.start].count(b"\n") + 1
            raise PolicyInvalid(f"line {line}: not UTF-8 text (save the policy as CSV UTF-8)") from err
        lines = text.splitlines()
        header = lines[0] if lines else ""
        delimiter = ";" if header.count(";") > header.count(",") else ","
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        errors: list[str] = []
        rows = list(reader)
        if not rows or [c.strip().lower() for c in rows[0]][:4] != list(COLUMNS):
            raise PolicyInvalid(f"line 1: the header must be {','.join(COLUMNS)}")
        by_key: dict[str, Scope] = {}
        by_exact_id: dict[str, Scope] = {}
        for number, row in enumerate(rows[1:], start=2):
            if not any(cell.strip() for cell in row):
                continue
            try:
                user, scope = _row(row)
            except ValueError as err:
                errors.append(f"line {number}: {err}")
                continue
            if user.lower() in by_key:
                errors.append(f"line {number}: user already in the policy")
                continue
            by_key[user.lower()] = scope
            by_exact_id[user] = scope
        return cls(by_key, by_exact_id), errors


def _row(row: list[str]) -> tuple[str, Scope]:
    if len(row) < 4:
        raise ValueError(f"expected 4 columns, got {len(row)}")
    user, role, resource_id, contracts = (cell.strip() for cell in row[:4])
    if not user:
        raise ValueError("user is empty")
    role = role.lower()
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if resource_id and not _RESOURCE.match(resource_id):
        raise ValueError("resource_id is not a resource id")
    numbers = tuple(dict.fromkeys(c.strip().upper() for c in contracts.split(";") if c.strip()))
    bad = [c for c in numbers if not _CONTRACT.match(c)]
    if bad:
        raise ValueError(f"not a contract number: {bad[0][:20]}")
    if role == "colaborador" and not resource_id:
        raise ValueError("a colaborador needs a resource_id")
    if role == "gestor" and not numbers:
        raise ValueError("a gestor needs contracts")
    return user, Scope(role, resource_id or None, numbers if role == "gestor" else ())  # type: ignore[arg-type]


class PolicyProvider:
    """Reads the policy on first use and re-reads it when it changes (checked every `refresh_seconds`).

    A failed or invalid refresh keeps the last good policy; a policy never read raises PolicyUnavailable,
    so access stays closed rather than open.
    """

    def __init__(self, source: str, *, refresh_seconds: float = 300.0, credential: Any = None) -> None:
        self.source = source
        self._credential = credential
        self._policy = sources.Refreshing(
            source,
            self._load,
            refresh_seconds=refresh_seconds,
            credential=credential,
            failures=(PolicyInvalid, csv.Error),
            what="access policy",
        )

    @property
    def loaded(self) -> bool:
        return self._policy.loaded

    def get(self) -> AccessPolicy:
        """The last good policy (never waiting for a refresh); PolicyUnavailable when none was ever read."""
        try:
            return self._policy.get()
        except sources.SourceUnavailable as err:
            log.error("access policy never read (%s); access stays closed", err)
            raise PolicyUnavailable(self.source) from err

    def refresh(self) -> None:
        """Re-read the policy now, in this thread (the bot itself refreshes in the background)."""
        self._policy.refresh()

    def _load(self) -> AccessPolicy:
        policy, errors = AccessPolicy.parse(sources.read_bytes(self.source, self._credential))
        for error in errors:
            log.warning("access policy %s", error)
        log.info("access policy: %d users, %d rows rejected", len(policy.by_key), len(errors))
        return policy


class AccessControl:
    """The asker's Access under the configured mode: open, closed (not configured) or a policy."""

    def __init__(
        self,
        mode: str,
        provider: PolicyProvider | None = None,
        *,
        trusted_channels: Collection[str] = (TEAMS,),
        allowed_tenants: Collection[str] | None = (),
    ) -> None:
        self.mode = mode
        self._provider = provider
        self._trusted = frozenset(c.lower() for c in trusted_channels)
        # None: any tenant (anonymous local development only, where nothing is authenticated anyway).
        self._tenants = None if allowed_tenants is None else frozenset(t.lower() for t in allowed_tenants)

    @property
    def needs_identity(self) -> bool:
        return self.mode == "policy"

    def identify(
        self, *, channel_id: str, user_id: str | None, object_id: str | None, tenant_id: str | None
    ) -> Identity:
        """The identity the channel vouches for (see the module docstring); untrusted ones carry no keys."""
        channel = (channel_id or "").lower()
        if channel not in self._trusted:
            return Identity(channel, untrusted="channel")
        if channel == TEAMS:
            if self._tenants is not None and (tenant_id or "").lower() not in self._tenants:
                return Identity(channel, untrusted="tenant")
            return Identity(channel, object_id=object_id or None)
        if channel in LOCAL_CHANNELS:  # Settings allow these only in anonymous local development
            return Identity(channel, object_id=object_id or None, upn=user_id or None, channel_user_id=user_id)
        if not user_id or user_id.startswith(UNVERIFIED_PREFIX):
            return Identity(channel, untrusted="unverified_id")
        # A token endpoint minted this id for the signed-in user: an object id, a UPN or the channel's own id.
        return Identity(channel, upn=user_id, channel_user_id=user_id)

    async def resolve(self, identity: Identity) -> Access:
        """The asker's access; the first read of the policy happens off the event loop."""
        if self.mode == "policy" and self._provider is not None and not self._provider.loaded:
            return await asyncio.to_thread(self.resolve_loaded, identity)
        return self.resolve_loaded(identity)

    def resolve_loaded(self, identity: Identity) -> Access:
        """`resolve` for callers off the event loop (it may wait for the policy's first read)."""
        if self.mode == "open":
            return OPEN
        if self.mode == "closed" or self._provider is None:
            return Denied(NOT_CONFIGURED, "not_configured")
        if not identity.trusted:
            return Denied(UNTRUSTED, f"untrusted_{identity.untrusted}")
        try:
            policy = self._provider.get()
        except PolicyUnavailable:
            return Denied(NOT_CONFIGURED, "unavailable")
        scope = policy.scope_for(
            object_id=identity.object_id, upn=identity.upn, channel_user_id=identity.channel_user_id
        )
        return scope if scope is not None else Denied(NOT_IN_POLICY, "not_in_policy")


def user_hash(*parts: str | None) -> str:
    """A stable, non-reversible tag for the audit log."""
    joined = "\x1f".join(p or "" for p in parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()[:16]
