"""The loaded snapshot: an in-memory DuckDB table, and the provider that loads and refreshes it."""

from __future__ import annotations

import logging
import tempfile
import threading
import time
import unicodedata
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import duckdb
import pyarrow as pa

from .errors import DatasetError
from .importer import import_csv
from .rules import Calendar

log = logging.getLogger(__name__)

# Short names for the export's columns, plus hours computed once at load. Lunch is deducted once
# per person and day: from the first closed span of that day that carries the flag.
_CREATE = """
CREATE TABLE e AS
WITH raw AS (
    SELECT
        s_id_apontamento AS entry_id,
        s_ds_operacao AS operation,
        s_nr_contrato AS contract,
        s_id_recurso AS resource_id,
        s_nm_recurso AS resource,
        s_ds_cargo AS role,
        s_nr_contrato_fornecedor AS supplier,
        s_ds_tecnologia AS technology,
        s_ds_perfil AS profile,
        s_ds_nivel AS level,
        d_dt_data AS day,
        d_dt_inicio_apontamento AS start_ts,
        d_dt_fim_apontamento AS end_ts,
        coalesce(n_fl_abatimento, 0) = 1 AND d_dt_fim_apontamento IS NOT NULL AS lunch_flag,
        coalesce(b_fl_validado, 0) = 1 AS validated,
        s_nm_usuario_valida AS validator,
        s_nm_sigla AS division,
        date_diff('second', d_dt_inicio_apontamento, d_dt_fim_apontamento) / 3600.0 AS gross_h
    FROM src
)
SELECT
    *,
    CASE WHEN lunch_flag AND row_number() OVER (
            PARTITION BY resource_id, day, lunch_flag ORDER BY start_ts, entry_id) = 1
         THEN least(1.0, gross_h) ELSE 0.0 END AS lunch_h,
    gross_h - lunch_h AS net_h,
    isodow(day) >= 6 AS weekend
FROM raw
ORDER BY resource_id, day, start_ts
"""


def normalize(text: str) -> str:
    """Lower case, accents and punctuation removed, single spaces: the form names are matched in."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


@dataclass(frozen=True)
class Resource:
    id: str
    name: str
    words: tuple[str, ...]


class Dataset:
    """One snapshot in an in-memory DuckDB database. Thread-safe: each query uses its own cursor."""

    def __init__(self, source: pa.Table | Path, calendar: Calendar | None = None) -> None:
        self.calendar = calendar or Calendar()
        self._con = duckdb.connect(":memory:", config={"threads": 2, "memory_limit": "512MB"})
        try:
            if isinstance(source, Path):
                # DuckDB reads Parquet itself: no intermediate Arrow copy of the snapshot in memory.
                self._con.read_parquet(str(source)).create_view("src")
            else:
                self._con.register("src", source)
            self._con.execute(_CREATE)
        except duckdb.Error as err:
            raise DatasetError(f"snapshot is not in the expected shape: {err}") from err
        if isinstance(source, Path):
            self._con.execute("DROP VIEW src")
        else:
            self._con.unregister("src")
        first, last, rows = self._con.execute("SELECT min(day), max(day), count(*) FROM e").fetchone()
        self.first_day: date | None = first
        self.last_day: date | None = last
        self.rows: int = rows
        self.resources: dict[str, Resource] = {
            rid: Resource(rid, name, tuple(normalize(name).split()))
            for rid, name in self._con.execute(
                "SELECT resource_id, any_value(resource) FROM e GROUP BY resource_id ORDER BY 1"
            ).fetchall()
        }
        self.name_words: frozenset[str] = frozenset(w for r in self.resources.values() for w in r.words)
        self.supplier_contracts: frozenset[str] = frozenset(
            r[0] for r in self._con.execute("SELECT DISTINCT supplier FROM e WHERE supplier IS NOT NULL").fetchall()
        )
        self.client_contracts: frozenset[str] = frozenset(
            r[0] for r in self._con.execute("SELECT DISTINCT contract FROM e WHERE contract IS NOT NULL").fetchall()
        )
        self.technologies: frozenset[str] = frozenset(
            r[0] for r in self._con.execute("SELECT DISTINCT technology FROM e WHERE technology IS NOT NULL").fetchall()
        )

    @classmethod
    def from_parquet(cls, path: Path, calendar: Calendar | None = None) -> Dataset:
        if not path.is_file():
            raise DatasetError(f"snapshot not found: {path}")
        return cls(path, calendar)

    @classmethod
    def from_file(cls, path: Path, calendar: Calendar | None = None) -> Dataset:
        """A Parquet snapshot, or a raw export CSV imported on the fly."""
        if path.suffix.lower() == ".csv":
            result = import_csv(path)
            if result.rejected:
                log.warning("dataset %s: %d rows rejected at import", path.name, len(result.rejected))
            return cls(result.table, calendar)
        return cls.from_parquet(path, calendar)

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self._con.cursor().execute(sql, params or []).fetchall()

    def close(self) -> None:
        self._con.close()


class DatasetProvider:
    """Loads the snapshot on first use and re-checks the source for changes every `refresh_seconds`.

    A failed refresh keeps serving the last good snapshot; a source that never loaded raises
    DatasetError at every use, so the bot can say so instead of crashing at import time.
    """

    def __init__(
        self,
        source: str,
        *,
        calendar: Calendar | None = None,
        refresh_seconds: float = 300.0,
        blob_credential: Any = None,
    ) -> None:
        self.source = source
        self.calendar = calendar
        self._refresh_seconds = refresh_seconds
        self._blob_credential = blob_credential
        self._lock = threading.Lock()
        self._dataset: Dataset | None = None
        self._version: str | None = None
        self._checked_at = 0.0

    def get(self) -> Dataset:
        with self._lock:
            if self._dataset is not None and time.monotonic() - self._checked_at < self._refresh_seconds:
                return self._dataset
            self._checked_at = time.monotonic()
            try:
                version = self._current_version()
                if self._dataset is None or version != self._version:
                    self._dataset, self._version = self._load(), version
                    log.info("dataset loaded: %d rows, version %s", self._dataset.rows, version)
            except DatasetError:
                if self._dataset is None:
                    raise
                log.exception("dataset refresh failed; serving the last good snapshot")
            return self._dataset

    def _kind(self) -> str:
        scheme = urlparse(self.source).scheme.lower()
        if scheme in ("http", "https"):
            return "blob" if ".blob.core." in urlparse(self.source).netloc else "http"
        return "file"

    def _current_version(self) -> str:
        kind = self._kind()
        try:
            if kind == "file":
                stat = Path(self.source).stat()
                return f"{stat.st_mtime_ns}-{stat.st_size}"
            if kind == "blob":
                return str(self._blob().get_blob_properties().etag)
            request = urllib.request.Request(self.source, method="HEAD")
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.headers.get("ETag") or response.headers.get("Last-Modified") or str(time.time())
        except Exception as err:  # noqa: BLE001 - any failure to reach the source means the same here
            raise DatasetError(f"dataset source unavailable ({self._kind()}): {type(err).__name__}") from err

    def _blob(self) -> Any:
        from azure.storage.blob import BlobClient

        return BlobClient.from_blob_url(self.source, credential=self._blob_credential)

    def _load(self) -> Dataset:
        kind = self._kind()
        if kind == "file":
            return Dataset.from_file(Path(self.source), self.calendar)
        suffix = ".csv" if urlparse(self.source).path.lower().endswith(".csv") else ".parquet"
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / f"snapshot{suffix}"
            try:
                if kind == "blob":
                    with target.open("wb") as out:
                        self._blob().download_blob().readinto(out)
                else:
                    with (
                        urllib.request.urlopen(self.source, timeout=60) as response,
                        target.open("wb") as out,
                    ):
                        while chunk := response.read(1 << 20):
                            out.write(chunk)
            except Exception as err:  # noqa: BLE001
                raise DatasetError(f"cannot download dataset ({kind}): {type(err).__name__}") from err
            return Dataset.from_file(target, self.calendar)
