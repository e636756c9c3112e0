"""Who may see which rows: the asker's Scope, applied where the data is read.

A ScopedDataset answers the same calls as a Dataset, but every query runs in a connection of its own
where the tables `e` (entries) and `r` (people) are temporary views holding only the rows the scope
allows. No query, engine or renderer can read past it, and names resolve only among visible people.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any, Literal

from .dataset import Dataset, Resource, ResourceRef, normalize

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

    def describe(self, parts: dict[str, str] | None = None) -> str:
        """The scope in pt-BR, as the first line of a restricted answer names it. `parts` maps a granted client
        contract to its supplier contract, so that one is named as the part it is ("a parte E5067620 do 8447")."""
        if self.role == "colaborador":
            return "Somente os seus apontamentos"
        if self.role == "gestor":
            own = " e nos seus próprios apontamentos" if self.resource_id else ""
            text = granted(self.contracts, parts or {}, where=True)
            return f"{text[0].upper()}{text[1:]}{own}"
        return "Todos os apontamentos"


def granted(contracts: tuple[str, ...], parts: dict[str, str], where: bool = False) -> str:
    """ "o contrato 7873 e a parte E5067620 do contrato 8447" (with `where`: "no seu contrato … e na parte …")."""
    whole = [c for c in contracts if c not in parts]
    pieces = []
    if whole:
        one = len(whole) == 1
        if where:  # as the first line of an answer has always said it: "No seu contrato 8446"
            article = "no seu contrato" if one else "nos seus contratos"
        else:
            article = "o contrato" if one else "os contratos"
        pieces.append(f"{article} {_and(whole)}")
    for client in (c for c in contracts if c in parts):
        pieces.append(f"{'na' if where else 'a'} parte {client} do contrato {parts[client]}")
    return _and(pieces) if pieces else ("em nenhum contrato" if where else "nenhum contrato")


def contract_words(db: Any, number: str) -> tuple[str, bool]:
    """How a figure for supplier contract `number` is labelled for this view: ("contrato 8447", False) or, when
    the asker sees only some of its client contracts, ("parte E5067620 do contrato 8447", True) (feminine)."""
    part = db.parts.get(number) if isinstance(db, ScopedDataset) else None
    if not part:
        return f"contrato {number}", False
    noun = "parte" if len(part) == 1 else "partes"
    return f"{noun} {_and(list(part))} do contrato {number}", True


OPEN = Scope("open")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " e " + items[-1]


MAX_CACHED_SCOPES = 512
# Scoped views derived from a snapshot alone, so safe to share between conversations. They live on the
# snapshot itself: a view refers to its snapshot, so a weak-keyed cache outside it kept every replaced
# snapshot alive; as attribute and back-reference they are one cycle the collector frees together.
_CACHE_LOCK = threading.Lock()


def scoped(db: Dataset, scope: Scope) -> Dataset | ScopedDataset:
    """The dataset as `scope` sees it (the dataset itself when the scope sees everything)."""
    if scope.everything:
        return db
    with _CACHE_LOCK:
        views: dict[Scope, ScopedDataset] = db.__dict__.setdefault("_scoped_views", {})
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
        self._local = threading.local()
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
        # names outside the scope are still names: never "corrected" into another word and answered about the asker
        self.all_name_words = db.name_words
        self.supplier_contracts = frozenset(s for _, s, _ in visible if s)
        # supplier contracts seen only through granted client contracts: their figures are those parts'
        granted_clients = set(scope.contracts) if scope.role == "gestor" else set()
        parts: dict[str, set[str]] = {}
        for _, supplier, client in visible:
            if supplier and supplier not in scope.contracts and client in granted_clients:
                parts.setdefault(supplier, set()).add(client)
        self.parts: dict[str, tuple[str, ...]] = {s: tuple(sorted(c)) for s, c in parts.items()}
        self.part_of = {c: s for s, clients in self.parts.items() for c in clients}
        self.client_contracts = frozenset(c for _, _, c in visible if c)
        # the contracts seen through the grant itself, not only through the asker's own entries in them
        grant = set(scope.contracts) if scope.role == "gestor" else set()
        self.granted_contracts = frozenset(
            c
            for _, supplier, client in visible
            if supplier in grant or client in grant
            for c in (supplier, client)
            if c
        )
        keys = {k for (k,) in db.query(f"SELECT DISTINCT activity_key FROM e WHERE {self._filter}") if k}
        self.activities = {k: shown for k, shown in db.activities.items() if k in keys}
        self.activity_words = frozenset(w for key in self.activities for w in key.split())

    def named_outside(self, words: list[str]) -> bool:
        """Whether `words` are the whole name of someone this scope does not see ("hugo pinto cardoso" is not
        "Hugo Monteiro Pinto Cardoso", whom it sees)."""
        rids = set.intersection(*(self._db.rids_by_word.get(w, set()) for w in words)) if words else set()
        hidden = (self._db.refs[rid] for rid in rids if self._db.refs[rid].id not in self.resources)
        return any(normalize(ref.name).split() == words for ref in hidden)

    def _cursor(self) -> Any:
        # Creating the two views took ~1.7 ms, a third of a scoped query: each thread keeps its connection with
        # them. A connection is not safe to share between threads; one thread runs one query at a time.
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._db.cursor()
            # An in-memory DuckDB database is the catalog "memory"; the views shadow its tables in this connection.
            cursor.execute(f"CREATE TEMP VIEW e AS SELECT * FROM memory.main.e WHERE {self._filter}")
            cursor.execute("CREATE TEMP VIEW r AS SELECT * FROM memory.main.r WHERE rid IN (SELECT rid FROM e)")
            self._local.cursor = cursor
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
