"""The loaded snapshot: an in-memory DuckDB table, and the provider that loads and refreshes it."""

from __future__ import annotations

import logging
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import duckdb
import numpy as np

from . import sources
from .errors import DatasetError, DatasetNotConfigured
from .rules import Calendar

if TYPE_CHECKING:
    import pyarrow as pa

log = logging.getLogger(__name__)

# The snapshot becomes three tables. `r`: one row per resource with a small integer key and their
# latest name and role. `v`: who validates each supplier contract. `e`: one row per span with short
# column names, ENUMs for the repeated strings (faster filters and grouping, less memory), and hours and
# calendar keys (weekday, week, month) computed once at load: computing them per row made a breakdown
# by month twice as slow. Ordered by day so that period filters skip whole row groups. Lunch is
# deducted once per person and day, from the first closed span carrying the flag.
_CREATE = """
CREATE TYPE supplier_t AS ENUM (
    SELECT DISTINCT s_nr_contrato_fornecedor FROM src WHERE s_nr_contrato_fornecedor IS NOT NULL ORDER BY 1);
CREATE TYPE contract_t AS ENUM (
    SELECT DISTINCT s_nr_contrato FROM src WHERE s_nr_contrato IS NOT NULL ORDER BY 1);
CREATE TYPE technology_t AS ENUM (
    SELECT DISTINCT s_ds_tecnologia FROM src WHERE s_ds_tecnologia IS NOT NULL ORDER BY 1);
CREATE TYPE profile_t AS ENUM (
    SELECT DISTINCT s_ds_perfil FROM src WHERE s_ds_perfil IS NOT NULL ORDER BY 1);
CREATE TYPE validator_t AS ENUM (
    SELECT DISTINCT s_nm_usuario_valida FROM src WHERE s_nm_usuario_valida IS NOT NULL ORDER BY 1);
CREATE TYPE activity_t AS ENUM (
    SELECT DISTINCT lower(strip_accents({activity})) FROM src WHERE {activity} IS NOT NULL ORDER BY 1);

CREATE TABLE r AS
SELECT
    row_number() OVER (ORDER BY s_id_recurso)::INTEGER AS rid,
    s_id_recurso AS resource_id,
    arg_max(s_nm_recurso, d_dt_inicio_apontamento) AS resource,
    arg_max(s_nr_contrato_fornecedor, d_dt_inicio_apontamento) AS supplier,
    arg_max(s_ds_tecnologia, d_dt_inicio_apontamento) AS technology,
    arg_max(s_ds_perfil, d_dt_inicio_apontamento) AS profile,
    arg_max(s_ds_nivel, d_dt_inicio_apontamento) AS level
FROM src GROUP BY s_id_recurso;

CREATE TABLE v AS
SELECT s_nr_contrato_fornecedor::supplier_t AS supplier, list(DISTINCT s_nm_usuario_valida ORDER BY 1) AS names
FROM src WHERE s_nm_usuario_valida IS NOT NULL GROUP BY 1;

CREATE TABLE e AS
WITH raw AS (
    SELECT
        r.rid,
        s_nr_contrato::contract_t AS contract,
        s_nr_contrato_fornecedor::supplier_t AS supplier,
        s_ds_tecnologia::technology_t AS technology,
        s_ds_perfil::profile_t AS profile,
        d_dt_data AS day,
        d_dt_inicio_apontamento AS start_ts,
        d_dt_fim_apontamento AS end_ts,
        coalesce(n_fl_abatimento, 0) = 1 AND d_dt_fim_apontamento IS NOT NULL AS lunch_flag,
        coalesce(b_fl_validado, 0) = 1 AS validated,
        s_nm_usuario_valida::validator_t AS validator,
        {activity} AS activity,
        date_diff('second', d_dt_inicio_apontamento, d_dt_fim_apontamento) / 3600.0 AS gross_h
    FROM src JOIN r ON r.resource_id = src.s_id_recurso
)
SELECT
    *,
    CASE WHEN lunch_flag AND row_number() OVER (PARTITION BY rid, day, lunch_flag ORDER BY start_ts) = 1
         THEN least(1.0, gross_h) ELSE 0.0 END AS lunch_h,
    gross_h - lunch_h AS net_h,
    isodow(day) >= 6 AS weekend,
    isodow(day)::TINYINT AS weekday,
    date_trunc('week', day)::DATE AS week,
    date_trunc('month', day)::DATE AS month,
    lower(strip_accents(activity))::activity_t AS activity_key
FROM raw
ORDER BY day;
"""


# The understanding normalises the same names, activities and technologies for every question.
@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Lower case, accents and punctuation removed, single spaces: the form names are matched in."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


@dataclass(frozen=True)
class ResourceRef:
    """A person as queries report them: id and display name."""

    id: str
    name: str


@dataclass(frozen=True)
class Resource:
    rid: int
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
            columns = {d[0] for d in self._con.execute("SELECT * FROM src LIMIT 0").description}
            # Snapshots from exports without s_ds_atividade (and older snapshots) have no activities.
            activity = "nullif(trim(s_ds_atividade), '')" if "s_ds_atividade" in columns else "NULL::VARCHAR"
            self._con.execute(_CREATE.replace("{activity}", activity))
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
        self.by_rid: dict[int, Resource] = {
            rid: Resource(rid, resource_id, name, tuple(normalize(name).split()))
            for rid, resource_id, name in self._con.execute("SELECT rid, resource_id, resource FROM r").fetchall()
        }
        self.resources: dict[str, Resource] = {r.id: r for r in self.by_rid.values()}
        self.refs: dict[int, ResourceRef] = {r.rid: ResourceRef(r.id, r.name) for r in self.by_rid.values()}
        # rank of each resource's name, indexed by rid: lets NumPy order people alphabetically
        self.name_rank = np.zeros(len(self.by_rid) + 1, dtype=np.int32)
        for rank, resource in enumerate(sorted(self.by_rid.values(), key=lambda r: r.name)):
            self.name_rank[resource.rid] = rank
        self.rids_by_word: dict[str, set[int]] = {}
        for resource in self.by_rid.values():
            for word in resource.words:
                self.rids_by_word.setdefault(word, set()).add(resource.rid)
        self.name_words: frozenset[str] = frozenset(self.rids_by_word)
        self.all_name_words = self.name_words  # a scoped view keeps everyone's: no name is "corrected" into a word
        self.supplier_contracts: frozenset[str] = frozenset(
            r[0] for r in self._con.execute("SELECT DISTINCT supplier FROM e WHERE supplier IS NOT NULL").fetchall()
        )
        self.client_contracts: frozenset[str] = frozenset(
            r[0] for r in self._con.execute("SELECT DISTINCT contract FROM e WHERE contract IS NOT NULL").fetchall()
        )
        self.activities: dict[str, str] = {
            # comparison key (no accents, lower case) -> the spelling used most often, for display
            key: shown
            for key, shown in self._con.execute(
                """SELECT activity_key, first(activity ORDER BY n DESC, activity) FROM (
                       SELECT activity_key, activity, count(*) AS n FROM e WHERE activity IS NOT NULL GROUP BY ALL)
                   GROUP BY activity_key"""
            ).fetchall()
        }
        self.activity_words: frozenset[str] = frozenset(w for key in self.activities for w in normalize(key).split())
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
            # Imported lazily: pyarrow costs ~70 MB resident, and the Parquet path does not need it.
            from .importer import import_csv

            result = import_csv(path)
            if result.rejected:
                log.warning("dataset %s: %d rows rejected at import", path.name, len(result.rejected))
            return cls(result.table, calendar)
        return cls.from_parquet(path, calendar)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own to the snapshot (temporary views made in it stay in it)."""
        return self._con.cursor()

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self._con.cursor().execute(sql, params or []).fetchall()

    def arrays(self, sql: str, params: list[Any] | None = None) -> dict[str, Any]:
        """Columns as NumPy arrays: for results too large to turn into Python tuples cheaply."""
        return self._con.cursor().execute(sql, params or []).fetchnumpy()

    def close(self) -> None:
        self._con.close()


class DatasetProvider:
    """Loads the snapshot on first use and re-checks the source for changes every `refresh_seconds`, in
    the background (see sources.Refreshing): a turn never waits for a refresh.

    A failed refresh keeps serving the last good snapshot; a source that never loaded raises
    DatasetError at every use, so the bot can say so instead of crashing at import time. An empty
    `source` means none is configured yet: DatasetNotConfigured at every use.
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
        self._blob_credential = blob_credential
        self._snapshot = sources.Refreshing(
            source,
            self._load,
            refresh_seconds=refresh_seconds,
            credential=blob_credential,
            failures=(DatasetError,),
            what="dataset",
        )

    @property
    def configured(self) -> bool:
        return bool(self.source)

    def get(self, wait: float = sources.FIRST_WAIT_SECONDS) -> Dataset:
        """The last good snapshot; with none yet, the first load is waited for at most `wait` seconds."""
        if not self.source:
            raise DatasetNotConfigured("no dataset source configured")
        try:
            return self._snapshot.get(wait)
        except sources.SourceUnavailable as err:
            raise DatasetError(str(err)) from err

    def refresh(self) -> None:
        """Check the source now, in this thread (the bot itself refreshes in the background)."""
        self._snapshot.refresh()

    def _load(self) -> Dataset:
        if sources.kind_of(self.source) == "file":
            return Dataset.from_file(Path(self.source), self.calendar)
        suffix = ".csv" if urlparse(self.source).path.lower().endswith(".csv") else ".parquet"
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / f"snapshot{suffix}"
            try:
                sources.download(self.source, target, self._blob_credential)
            except sources.SourceUnavailable as err:
                raise DatasetError(f"cannot download dataset: {err}") from err
            return Dataset.from_file(target, self.calendar)
