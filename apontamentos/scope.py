"""Who may see which rows: the asker's Scope, applied where the data is read.

A ScopedDataset answers the same calls as a Dataset, but every query runs in a connection of its own
where the tables `e` (entries) and `r` (people) are temporary views holding only the rows the scope
allows. No query, engine or renderer can read past it, and names resolve only among visible people.
"""

from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass
from typing import Any, Literal

from .dataset import Dataset, Resource, ResourceRef

Role = Literal["open", "admin", "gestor", "colaborador"]
_SUPPLIER = re.compile(r"^\d{3,6}$")
_CLIENT = re.compile(r"^E\d{7}$")


@dataclass(frozen=True)
class Scope:
    """What one asker may see. `open` (no policy) and `admin` see everything; a `gestor` the entries of
    their contracts (and their own, with a resource id); a `colaborador` only their own entries."""

    role: Role
    resource_id: str | None = None
    contracts: tuple[str, ...] = ()

    @property
    def everything(self) -> bool:
        return self.role in ("open", "admin")

    def describe(self) -> str:
        """The scope in pt-BR, as the first line of a restricted answer names it."""
        if self.role == "colaborador":
            return "Somente os seus apontamentos"
        if self.role == "gestor":
            contracts = _and(list(self.contracts))
            where = "No seu contrato" if len(self.contracts) == 1 else "Nos seus contratos"
            own = " e nos seus próprios apontamentos" if self.resource_id else ""
            return f"{where} {contracts}{own}"
        return "Todos os apontamentos"


OPEN = Scope("open")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " e " + items[-1]


MAX_CACHED_SCOPES = 512
# Scoped views derived from a snapshot alone, so safe to share between conversations; they go with it.
_CACHE: weakref.WeakKeyDictionary[Dataset, dict[Scope, ScopedDataset]] = weakref.WeakKeyDictionary()
_CACHE_LOCK = threading.Lock()


def scoped(db: Dataset, scope: Scope) -> Dataset | ScopedDataset:
    """The dataset as `scope` sees it (the dataset itself when the scope sees everything)."""
    if scope.everything:
        return db
    with _CACHE_LOCK:
        views = _CACHE.setdefault(db, {})
        view = views.get(scope)
    if view is None:
        view = ScopedDataset(db, scope)
        with _CACHE_LOCK:
            if len(views) >= MAX_CACHED_SCOPES:
                views.pop(next(iter(views)))
            views[scope] = view
    return view


class ScopedDataset:
    """A Dataset seen through a Scope (see the module docstring)."""

    def __init__(self, db: Dataset, scope: Scope) -> None:
        self._db = db
        self.scope = scope
        self._filter = _row_filter(db, scope)
        self.calendar = db.calendar
        self.first_day, self.last_day, self.rows = db.first_day, db.last_day, db.rows
        self.by_rid, self.refs, self.name_rank, self.technologies = db.by_rid, db.refs, db.name_rank, db.technologies
        visible = db.query(f"SELECT DISTINCT rid, supplier::VARCHAR, contract::VARCHAR FROM e WHERE {self._filter}")
        rids = {rid for rid, _, _ in visible}
        self.resources: dict[str, Resource] = {r.id: r for r in db.resources.values() if r.rid in rids}
        self.rids_by_word: dict[str, set[int]] = {}
        for word, word_rids in db.rids_by_word.items():
            if word_rids & rids:
                self.rids_by_word[word] = word_rids & rids
        self.name_words: frozenset[str] = frozenset(self.rids_by_word)
        self.supplier_contracts = frozenset(s for _, s, _ in visible if s)
        self.client_contracts = frozenset(c for _, _, c in visible if c)
        keys = {k for (k,) in db.query(f"SELECT DISTINCT activity_key FROM e WHERE {self._filter}") if k}
        self.activities = {k: shown for k, shown in db.activities.items() if k in keys}
        self.activity_words = frozenset(w for key in self.activities for w in key.split())

    def _cursor(self) -> Any:
        cursor = self._db.cursor()
        # An in-memory DuckDB database is the catalog "memory"; the views shadow its tables in this connection.
        cursor.execute(f"CREATE TEMP VIEW e AS SELECT * FROM memory.main.e WHERE {self._filter}")
        cursor.execute("CREATE TEMP VIEW r AS SELECT * FROM memory.main.r WHERE rid IN (SELECT rid FROM e)")
        return cursor

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self._cursor().execute(sql, params or []).fetchall()

    def arrays(self, sql: str, params: list[Any] | None = None) -> dict[str, Any]:
        return self._cursor().execute(sql, params or []).fetchnumpy()

    def ref(self, rid: int) -> ResourceRef:
        return self.refs[rid]


def _row_filter(db: Dataset, scope: Scope) -> str:
    """The SQL condition on `e` for a scope. Values are validated before they are written into SQL."""
    own = db.resources.get(scope.resource_id or "")
    conditions = [f"rid = {int(own.rid)}"] if own else []
    if scope.role == "gestor":
        suppliers = [c for c in scope.contracts if _SUPPLIER.match(c) and c in db.supplier_contracts]
        clients = [c for c in scope.contracts if _CLIENT.match(c) and c in db.client_contracts]
        if suppliers:
            conditions.append("supplier IN (" + ", ".join(f"'{c}'" for c in suppliers) + ")")
        if clients:
            conditions.append("contract IN (" + ", ".join(f"'{c}'" for c in clients) + ")")
    return "(" + " OR ".join(conditions) + ")" if conditions else "FALSE"
