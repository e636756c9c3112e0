"""Loading the snapshot for the bot: lazily, refreshed on change, last good kept on failure."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from apontamentos.dataset import DatasetProvider
from apontamentos.errors import DatasetError
from apontamentos.importer import import_columns

from .conftest import SMALL_ROWS, to_columns


@pytest.fixture
def snapshots(tmp_path: Path) -> tuple[Path, Path]:
    """Two snapshots of different sizes, written through the real import path."""
    from apontamentos.importer import write_snapshot

    small, smaller = tmp_path / "small.parquet", tmp_path / "smaller.parquet"
    for path, rows in ((small, SMALL_ROWS), (smaller, SMALL_ROWS[:3])):
        write_snapshot(_table(rows), path)
    return small, smaller


def _table(rows: list[dict]) -> object:
    return import_columns(to_columns(rows)).table


def test_missing_source_is_a_clear_error_at_first_use(tmp_path: Path) -> None:
    provider = DatasetProvider(str(tmp_path / "absent.parquet"))  # constructing it never fails
    with pytest.raises(DatasetError, match="unavailable"):
        provider.get()


def test_reloads_when_the_file_changes_and_keeps_the_last_good(snapshots: tuple[Path, Path], tmp_path: Path) -> None:
    small, smaller = snapshots
    live = tmp_path / "live.parquet"
    shutil.copy(small, live)
    provider = DatasetProvider(str(live), refresh_seconds=0)
    assert provider.get().rows == len(SMALL_ROWS)
    shutil.copy(smaller, live)
    os.utime(live, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    provider.refresh()
    assert provider.get().rows == 3
    live.write_bytes(b"not parquet at all")
    provider.refresh()
    assert provider.get().rows == 3  # the broken refresh is logged, the last good snapshot served
    live.unlink()
    provider.refresh()
    assert provider.get().rows == 3


def test_csv_source_is_imported_on_load(tmp_path: Path) -> None:
    import io

    from apontamentos.importer import columns_to_csv

    buffer = io.StringIO()
    columns_to_csv(to_columns(SMALL_ROWS), buffer, delimiter=";")
    source = tmp_path / "export.csv"
    source.write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")
    assert DatasetProvider(str(source)).get().rows == len(SMALL_ROWS)


@pytest.fixture
def http_source(snapshots: tuple[Path, Path]) -> Iterator[tuple[str, dict[str, bytes]]]:
    served = {"body": snapshots[0].read_bytes(), "etag": b'"v1"'}

    class Handler(BaseHTTPRequestHandler):
        def _headers(self) -> None:
            self.send_response(200)
            self.send_header("ETag", served["etag"].decode())
            self.send_header("Content-Length", str(len(served["body"])))
            self.end_headers()

        def do_HEAD(self) -> None:  # noqa: N802 - the http.server naming
            self._headers()

        def do_GET(self) -> None:  # noqa: N802
            self._headers()
            self.wfile.write(served["body"])

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/snapshot.parquet", served
    server.shutdown()
    server.server_close()


def test_http_source_follows_the_etag(http_source: tuple[str, dict[str, bytes]], snapshots: tuple[Path, Path]) -> None:
    url, served = http_source
    provider = DatasetProvider(url, refresh_seconds=0)
    assert provider.get().rows == len(SMALL_ROWS)
    served["body"] = snapshots[1].read_bytes()
    provider.refresh()
    assert provider.get().rows == len(SMALL_ROWS)  # same ETag: not downloaded again
    served["etag"] = b'"v2"'
    provider.refresh()
    assert provider.get().rows == 3
