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
    """A value loaded from a location on first use and reloaded when its version changes.

    The version is checked at most every `refresh_seconds`. A failed check or load keeps the last good
    value; with no value ever loaded the failure is raised at every use.
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
    ) -> None:
        self.location = location
        self._load = load
        self._refresh_seconds = refresh_seconds
        self._credential = credential
        self._failures = (SourceUnavailable, *failures)
        self._what = what
        self._lock = threading.Lock()
        self._value: T | None = None
        self._version: str | None = None
        self._checked_at = 0.0

    def get(self) -> T:
        with self._lock:
            if self._value is not None and time.monotonic() - self._checked_at < self._refresh_seconds:
                return self._value
            self._checked_at = time.monotonic()
            try:
                current = version(self.location, self._credential)
                if self._value is None or current != self._version:
                    self._value, self._version = self._load(), current
                    log.info("%s loaded, version %s", self._what, current)
            except self._failures:
                if self._value is None:
                    raise
                log.exception("%s refresh failed; keeping the last good one", self._what)
            return self._value
