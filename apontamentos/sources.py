"""Files the bot reads by location: a local path, an http(s) URL or an Azure Blob URL, with a version to
tell when they changed (mtime and size, ETag or Last-Modified). The dataset and the access policy use it."""

from __future__ import annotations

import logging
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar
from urllib.parse import urlparse

log = logging.getLogger(__name__)
T = TypeVar("T")

# How long a caller waits for a first load before hearing "unavailable" (the load goes on meanwhile): well
# inside the 15 s a channel gives a turn. A refresh running longer than STUCK_SECONDS is abandoned for a new one.
FIRST_WAIT_SECONDS = 8.0
STUCK_SECONDS = 120.0


class SourceUnavailable(Exception):
    """The location could not be read; the cause is chained."""


def kind_of(location: str) -> str:
    parsed = urlparse(location)
    if parsed.scheme.lower() in ("http", "https"):
        return "blob" if ".blob.core." in parsed.netloc else "http"
    return "file"


def _blob(location: str, credential: Any) -> Any:
    from azure.storage.blob import BlobClient

    return BlobClient.from_blob_url(location, credential=credential)


def version(location: str, credential: Any = None) -> str:
    """What changes when the content changes."""
    kind = kind_of(location)
    try:
        if kind == "file":
            stat = Path(location).stat()
            return f"{stat.st_mtime_ns}-{stat.st_size}"
        if kind == "blob":
            return str(_blob(location, credential).get_blob_properties().etag)
        request = urllib.request.Request(location, method="HEAD")
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.headers.get("ETag") or response.headers.get("Last-Modified") or str(time.time())
    except Exception as err:  # noqa: BLE001 - any failure to reach the source means the same here
        raise SourceUnavailable(f"{kind} source unavailable: {type(err).__name__}") from err


def download(location: str, target: Path, credential: Any = None) -> None:
    """Copy a remote location to `target` in chunks."""
    kind = kind_of(location)
    try:
        with target.open("wb") as out:
            if kind == "blob":
                _blob(location, credential).download_blob().readinto(out)
            else:
                with urllib.request.urlopen(location, timeout=60) as response:
                    while chunk := response.read(1 << 20):
                        out.write(chunk)
    except Exception as err:  # noqa: BLE001
        raise SourceUnavailable(f"cannot download ({kind}): {type(err).__name__}") from err


def read_bytes(location: str, credential: Any = None, limit: int = 16 << 20) -> bytes:
    """The whole content of a small file (an access policy), at most `limit` bytes."""
    if kind_of(location) == "file":
        try:
            data = Path(location).read_bytes()
        except OSError as err:
            raise SourceUnavailable(f"file source unavailable: {type(err).__name__}") from err
    else:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "content"
            download(location, target, credential)
            data = target.read_bytes()
    if len(data) > limit:
        raise SourceUnavailable(f"larger than {limit} bytes")
    return data


class Refreshing(Generic[T]):
    """A value loaded from a location, re-checked in the background and reloaded when its version changes.

    Once a value is loaded, `get` never waits for the source: at most every `refresh_seconds` it starts one
    background check (and reload when the version changed) and returns the value it has, so a slow or
    hanging source never holds a caller. A failed check or load keeps the last good value. With no value
    ever loaded, `get` waits for the load under way at most `wait` seconds, then raises SourceUnavailable.
    """

    def __init__(
        self,
        location: str,
        load: Callable[[], T],
        *,
        refresh_seconds: float,
        credential: Any = None,
        failures: tuple[type[Exception], ...] = (),
        what: str = "source",
        stuck_seconds: float = STUCK_SECONDS,
    ) -> None:
        self.location = location
        self._load = load
        self._refresh_seconds = refresh_seconds
        self._credential = credential
        self._failures = (SourceUnavailable, *failures)
        self._what = what
        self._stuck_seconds = stuck_seconds
        self._lock = threading.Lock()
        self._value: T | None = None
        self._version: str | None = None
        self._error: Exception | None = None
        self._checked_at = 0.0
        self._worker: threading.Thread | None = None
        self._generation = 0

    @property
    def loaded(self) -> bool:
        return self._value is not None

    def get(self, wait: float = FIRST_WAIT_SECONDS) -> T:
        with self._lock:
            value, worker = self._value, self._start_if_due()
        if value is not None:
            return value
        if worker is not None:
            worker.join(wait)
        with self._lock:
            if self._value is not None:
                return self._value
            error = self._error
        reason = f"{type(error).__name__}: {error}" if error else f"still loading after {wait:g} s"
        raise SourceUnavailable(f"{self._what} unavailable ({reason})") from error

    def refresh(self) -> None:
        """Check the source now, in the caller's thread (tools and tests; the bot refreshes in the background)."""
        with self._lock:
            self._checked_at = time.monotonic()
            self._generation += 1
            generation = self._generation
        self._refresh(generation)

    def _start_if_due(self) -> threading.Thread | None:
        """The background refresh under way or just started, if one is due; called with the lock held."""
        now = time.monotonic()
        if self._worker is not None and self._worker.is_alive():
            if now - self._checked_at < self._stuck_seconds:
                return self._worker
            log.warning("%s refresh running for over %.0f s; starting another", self._what, self._stuck_seconds)
        elif self._value is not None and now - self._checked_at < self._refresh_seconds:
            return None
        self._checked_at = now
        self._generation += 1
        self._worker = threading.Thread(
            target=self._refresh, args=(self._generation,), name=f"refresh {self._what}", daemon=True
        )
        self._worker.start()
        return self._worker

    def _refresh(self, generation: int) -> None:
        try:
            current = version(self.location, self._credential)
            if self._value is not None and current == self._version:
                return
            value = self._load()
        except self._failures as err:
            with self._lock:
                if generation == self._generation:
                    self._error = err
                kept = self._value is not None
            # An unreachable source is a warning while a good value is kept; unusable content is an error.
            level = logging.WARNING if kept and isinstance(err, SourceUnavailable) else logging.ERROR
            outcome = "keeping the last good one" if kept else "nothing loaded yet"
            log.log(level, "%s refresh failed (%s: %s); %s", self._what, type(err).__name__, err, outcome)
            return
        with self._lock:
            if generation != self._generation:  # a newer refresh started meanwhile: its result wins
                return
            self._value, self._version, self._error = value, current, None
        log.info("%s loaded, version %s", self._what, current)
