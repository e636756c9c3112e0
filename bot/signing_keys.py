"""The token issuers' signing keys, fetched without blocking the event loop.

The Bot Framework SDK fetches OpenID metadata with a blocking `requests.get`, no timeout and no
back-off, on the event loop: a slow issuer stalls every request of the process and a failing one is
retried by every request. This module replaces that fetch through the SDK's own per-URL cache
(`JwtTokenExtractor.metadataCache`), so validation itself stays the SDK's.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from typing import Any

import aiohttp
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
from jwt.algorithms import RSAAlgorithm

log = logging.getLogger(__name__)

FETCH_TIMEOUT_SECONDS = 5.0
REFRESH_SECONDS = 24 * 3600
UNKNOWN_KEY_REFRESH_SECONDS = 300  # a key id we do not know may be a rotation: look again, but rarely
FIRST_BACKOFF_SECONDS = 5.0
MAX_BACKOFF_SECONDS = 300.0


class SigningKeysUnavailable(Exception):
    """No signing keys could be fetched from the issuer (the request cannot be validated now: 503)."""


@dataclass(frozen=True)
class SigningKey:
    """What the SDK's validator reads from a key (the shape of its `_OpenIdConfig`)."""

    public_key: Any
    endorsements: list[str]


class SigningKeys:
    """The keys behind one OpenID metadata URL: cached for a day, fetched once at a time, backed off on failure."""

    def __init__(self, metadata_url: str, *, clock: Any = time.monotonic) -> None:
        self.url = metadata_url
        self._clock = clock
        self._keys: dict[str, SigningKey] = {}
        self._fetched_at: float | None = None
        self._retry_at = 0.0
        self._backoff = FIRST_BACKOFF_SECONDS
        self._lock = asyncio.Lock()
        self.fetches = 0

    async def get(self, key_id: str | None) -> SigningKey | None:
        """The key for `key_id`; None when the issuer does not have it (the token is then refused)."""
        now = self._clock()
        if self._fetched_at is None or now - self._fetched_at > REFRESH_SECONDS:
            await self._refresh()
        elif key_id not in self._keys and now - self._fetched_at > UNKNOWN_KEY_REFRESH_SECONDS:
            await self._refresh()
        if not self._keys:
            raise SigningKeysUnavailable(self.url)
        return self._keys.get(key_id or "")

    async def _refresh(self) -> None:
        """Fetch the keys unless another request is doing it or the last failure is too recent."""
        if self._lock.locked():
            async with self._lock:  # share the fetch in flight instead of starting another
                return
        if self._clock() < self._retry_at:
            return
        async with self._lock:
            self.fetches += 1
            try:
                self._keys = await self._fetch()
            except (aiohttp.ClientError, TimeoutError, ValueError, KeyError, TypeError) as err:
                self._retry_at = self._clock() + self._backoff
                log.warning(
                    "signing keys from %s not fetched (%s); next try in %.0f s",
                    self.url,
                    type(err).__name__,
                    self._backoff,
                )
                self._backoff = min(self._backoff * 2, MAX_BACKOFF_SECONDS)
                return
            self._fetched_at = self._clock()
            self._backoff = FIRST_BACKOFF_SECONDS

    async def _fetch(self) -> dict[str, SigningKey]:
        timeout = aiohttp.ClientTimeout(total=FETCH_TIMEOUT_SECONDS)
        async with aiohttp.ClientSession(timeout=timeout) as http:
            async with http.get(self.url) as response:
                response.raise_for_status()
                keys_url = (await response.json(content_type=None))["jwks_uri"]
            async with http.get(keys_url) as response:
                response.raise_for_status()
                keys = (await response.json(content_type=None))["keys"]
        return {
            str(key["kid"]): SigningKey(RSAAlgorithm.from_jwk(json.dumps(key)), list(key.get("endorsements", [])))
            for key in keys
            if key.get("kid")
        }


class _KeysByUrl(dict[str, SigningKeys]):
    """The SDK's metadata cache, answering every URL with a SigningKeys so the SDK never builds its own."""

    def get(self, url: str, default: Any = None) -> SigningKeys:  # type: ignore[override]
        if url not in self:
            self[url] = SigningKeys(url)
        return self[url]


def install() -> None:
    """Make the SDK's token validation use SigningKeys for every metadata URL (idempotent)."""
    if not isinstance(JwtTokenExtractor.metadataCache, _KeysByUrl):
        JwtTokenExtractor.metadataCache = _KeysByUrl()
