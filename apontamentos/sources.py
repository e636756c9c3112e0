"""Files the bot reads by location: a local path, an http(s) URL or an Azure Blob URL, with a version to
tell when they changed (mtime and size, ETag or Last-Modified). The dataset and the access policy use it."""

from __future__ import annotations

import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlparse


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
