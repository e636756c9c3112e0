"""The one query builder: a Composition becomes parameterised SQL over the tables `e` and `r`.

Run against a ScopedDataset, `e` and `r` are the asker's views, so the scope holds for every composition.
Every value is a parameter; only expressions declared in composition.py and below are written into SQL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from . import queries as q
from .composition import GROUPS, MEASURES, PEOPLE, Composition
from .dataset import Dataset, normalize
from .rules import Period


@dataclass(frozen=True)
class Query:
    sql: str
    params: list[Any]


@dataclass(frozen=True)
class Result:
    """Rows of (key, value); key is None for a single value. `total` is the whole a share is taken of."""

    rows: list[tuple[Any, Any]]
    total: float | None = None
    ties: int = 0  # rows past the limit tied with the last row shown (they are shown too)
    entries: int | None = None  # a total of hours: the entries it comes from, read in the same query
    other_basis: float | None = None  # and its hours on the other basis (gross of net), in the same query


_CONTRACT_NUMBER = re.compile(r"^(?:\d{4}|[Ee]\d{7})$")  # supplier or client; a person is an id or a name


def among_people(c: Composition) -> bool:
    """Whether the people or contracts a composition compares (`among`) are people."""
    grouped_by_them = c.group in ("person", "contract", "client")
    return c.group == "person" or (not grouped_by_them and not _CONTRACT_NUMBER.match(str((c.among or ("",))[0])))


def activity_keys(db: Dataset, words: str) -> list[str]:
    wanted = set(normalize(words).split())
    keys = sorted(k for k in db.activities if wanted and wanted <= set(k.split()))
    if not db.activities:
        raise q.NoActivities()
    if not keys:
        raise q.UnknownActivity(words, sorted(db.activities.values()))
    return keys


def _in(column: str, values: list[Any]) -> str:
    return f"{column} IN ({', '.join('?' for _ in values)})"


def _person(db: Dataset, value: Any) -> tuple[str, list[Any]]:
    return "rid = ?", [db.resources[q.resolve_resource(db, value).id].rid]


def _contract(db: Dataset, value: Any) -> tuple[str, list[Any]]:
    ref = q.contract_ref(db, value)
    return ("contract = ?" if ref.kind == "cliente" else "supplier = ?"), [ref.number]


def _activity(db: Dataset, value: Any) -> tuple[str, list[Any]]:
    keys = activity_keys(db, value)
    return _in("activity_key", keys), keys


def _role(column: str) -> Callable[[Dataset, Any], tuple[str, list[Any]]]:
    # Profile and level are a person's latest role (table r), as the people-by-role answers read them.
    def condition(db: Dataset, value: Any) -> tuple[str, list[Any]]:
        # partial, as people_by reads it: the data says "NÍVEL SÊNIOR" where the question says "sênior"
        return (
            f"rid IN (SELECT rid FROM r WHERE strip_accents(lower({column})) LIKE "
            "'%' || strip_accents(lower(?)) || '%')",
            [str(value)],
        )

    return condition


# One entry per filter of composition.FILTERS: the condition on `e` and its parameters.
FILTERS: dict[str, Callable[[Dataset, Any], tuple[str, list[Any]]]] = {
    "person": _person,
    "contract": _contract,
    "activity": _activity,
    "technology": lambda db, v: ("upper(technology::VARCHAR) = upper(?)", [str(v)]),
    "profile": _role("profile"),
    "level": _role("level"),
    "weekday": lambda db, v: (_in("weekday", list(v)), [int(d) for d in v]),
    "validated": lambda db, v: ("validated = ?", [bool(v)]),
}


def build(db: Dataset, c: Composition, period: Period, value: str | None = None, key: Query | None = None) -> Query:
    """The SQL of a composition over `period` (already clipped to the data); `value` replaces the measure's
    aggregate (the last day of each idle person); `key` splits an ungrouped value (two periods side by side)."""
    declared = MEASURES[c.measure]
    measure = value or _measure_sql(db, c)
    filters, filter_params = [], []
    for name, condition in FILTERS.items():
        if getattr(c, name) is not None:
            sql, values = condition(db, getattr(c, name))
            filters.append(sql)
            filter_params.extend(values)
    if c.among:
        # only the people or contracts compared (or summed: "os dois somados")
        if among_people(c):
            column, keys = "rid", [db.resources[q.resolve_resource(db, v).id].rid for v in c.among]
        else:
            refs = [q.contract_ref(db, v) for v in c.among]
            column, keys = ("contract" if refs[0].kind == "cliente" else "supplier"), [r.number for r in refs]
        filters.append(_in(column, keys))
        filter_params.extend(keys)
    where, params = ["day BETWEEN ? AND ?"], [period.start, period.end]
    if declared.lookback:
        # the days before the period, of the people the same filters find no row of in the period
        where = ["day BETWEEN ? AND ?", f"rid NOT IN (SELECT rid FROM e WHERE {' AND '.join(where + filters)})"]
        before = period.start - timedelta(days=1)
        params = [period.start - timedelta(days=declared.lookback), before, *params, *filter_params]
    if declared.where:
        where.append(declared.where)
    where.extend(filters)
    params.extend(filter_params)
    having, having_params = [], []
    if c.above is not None:
        having.append("v > ?")
        having_params.append(float(c.above))
    if c.below is not None:
        having.append("v < ?")
        having_params.append(float(c.below))
    conditions = " AND ".join(where)
    if c.group is None and key is not None:
        return Query(f"SELECT {key.sql} AS k, {measure} AS v FROM e WHERE {conditions} GROUP BY k", key.params + params)
    if c.group is None:
        return Query(f"SELECT NULL AS k, {measure} AS v FROM e WHERE {conditions}", params)
    direction = "ASC" if c.order == "asc" else "DESC"
    # Time groupings read in calendar order unless an order was asked for (a limit, or the least first: "quebra por
    # dia da semana, qual o dia que ela menos trabalha")
    calendar = c.group in ("day", "weekday", "week", "month") and c.limit is None and c.order != "asc"
    ordering = "k" if calendar else f"v {direction}, k"
    top = []
    if c.limit is not None and c.group == "activity" and c.output != "share":
        where.append(
            "activity_key IS NOT NULL"
        )  # "as 3 atividades que ele mais fez": entries with no activity are none
        conditions = " AND ".join(where)
    if c.limit is not None and c.output != "share":
        # the first `limit` rows and those tied with the last of them: only they leave the database (a share's
        # rows are all read, for the whole they are parts of)
        top, having_params = [f"rank() OVER (ORDER BY v {direction}) <= ?"], [*having_params, c.limit]
    sql = (
        f"SELECT {GROUPS[c.group].sql} AS k, {measure} AS v FROM e WHERE {conditions} GROUP BY k"
        + (f" HAVING {' AND '.join(having)}" if having else "")
        + (f" QUALIFY {top[0]}" if top else "")
        + f" ORDER BY {ordering}"
    )
    return Query(sql, params + having_params)


def _measure_sql(db: Dataset, c: Composition) -> str:
    people = PEOPLE.format(rids=max(db.by_rid, default=1))
    return MEASURES[c.measure].sql.format(h="gross_h" if c.basis == "gross" else "net_h", people=people)


def _filtered(aggregate: str, condition: str) -> str | None:
    """An additive measure's aggregate counting only the rows of `condition` (None: not one it can filter)."""
    if aggregate.startswith("coalesce(sum(") and aggregate.endswith("), 0)"):
        return f"{aggregate[: -len(', 0)')]} FILTER (WHERE {condition}), 0)"
    return f"{aggregate} FILTER (WHERE {condition})" if aggregate == "count(*)" else None


def run(db: Dataset, c: Composition, period: Period) -> Result:
    """The composition's rows; a limit keeps the rows tied with the last one; a share gets its whole.

    A total of hours reads its entries, and a share of an activity its part, in the query of the whole:
    one scan instead of two."""
    if c.measure == "hours" and c.group is None and c.output == "value" and c.versus is None:
        other = _measure_sql(db, replace(c, basis="net" if c.basis == "gross" else "gross"))
        query = build(db, c, period, value=f"{_measure_sql(db, c)}, count(*), {other}")
        (_, hours, entries, other_hours), *_ = db.query(query.sql, query.params)
        return Result([(None, hours)], entries=int(entries), other_basis=other_hours)
    if c.output == "share" and c.part:
        # the part is the composition as asked; the whole is the same without the part's filter
        condition, values = FILTERS[c.part](db, getattr(c, c.part))
        whole = replace(c, **{c.part: None}, part=None, output="value")  # type: ignore[misc]
        part = _filtered(_measure_sql(db, c), condition)
        if part is not None:
            query = build(db, whole, period, value=f"{part}, {_measure_sql(db, c)}")
            (_, value, total), *_ = db.query(query.sql, values + query.params)
            return Result([(None, value)], total=float(total or 0))
        return Result(run(db, replace(c, part=None, output="value"), period).rows, total=_total(db, whole, period))
    if c.output == "share" and c.share_of and c.activity is None and c.group is None:
        condition, keys = _activity(db, c.share_of)
        part = _filtered(_measure_sql(db, c), condition)
        if part is not None:
            query = build(db, replace(c, share_of=None, output="value"), period, value=f"{part}, {_measure_sql(db, c)}")
            (_, value, whole), *_ = db.query(query.sql, keys + query.params)
            return Result([(None, value)], total=float(whole or 0))
    # "os 3 q menos" of eight people listed: who recorded nothing is among them, so the limit is applied here
    padded = c.limit is not None and c.among and c.group == "person" and MEASURES[c.measure].additive
    query = build(db, replace(c, limit=None) if padded else c, period)
    rows = [(k, v) for k, v in db.query(query.sql, query.params)]
    if padded:
        seen = {k for k, _ in rows}
        rids = [db.resources[q.resolve_resource(db, v).id].rid for v in c.among]
        rows += [(rid, 0) for rid in rids if rid not in seen]
        sign = 1 if c.order == "asc" else -1
        rows.sort(key=lambda row: (sign * float(row[1] or 0), row[0]))
    total = None
    if c.output == "share":
        if c.share_of:
            part = build(
                db, replace(c, activity=_joined(c.activity, c.share_of), share_of=None, output="value"), period
            )
            whole = rows[0][1] if rows else 0
            rows = [(None, v) for _, v in db.query(part.sql, part.params)]
            total = float(whole or 0)
        else:
            total = float(sum(v or 0 for _, v in rows))
    ties = 0
    if c.limit is not None and len(rows) > c.limit:
        last = rows[c.limit - 1][1]
        kept = c.limit
        while kept < len(rows) and rows[kept][1] == last:
            kept += 1
        ties, rows = kept - c.limit, rows[:kept]
    return Result(rows, total, ties)


def side_by_side(db: Dataset, c: Composition, first: Period, second: Period) -> tuple[Any, Any]:
    """The composition's value in each of two periods, in one scan when they do not overlap."""
    single = replace(c, versus=None, output="value")
    if MEASURES[c.measure].lookback or (first.start <= second.end and second.start <= first.end):
        return _value(run(db, single, first)), _value(run(db, single, second))
    hull = Period(min(first.start, second.start), max(first.end, second.end))
    which = Query(
        "CASE WHEN day BETWEEN ? AND ? THEN 1 WHEN day BETWEEN ? AND ? THEN 2 END",
        [first.start, first.end, second.start, second.end],
    )
    query = build(db, single, hull, key=which)
    found = dict(db.query(query.sql, query.params))
    # a period with no rows has no group: its value is the measure over nothing (0, or none for a date)
    a = found[1] if 1 in found else _value(run(db, single, first))
    b = found[2] if 2 in found else _value(run(db, single, second))
    return a, b


def _total(db: Dataset, c: Composition, period: Period) -> float:
    return float(_value(run(db, c, period)) or 0)


def _value(result: Result) -> Any:
    return result.rows[0][1] if result.rows else None


def idle(db: Dataset, c: Composition, period: Period) -> list[tuple[Any, Any]]:
    """Each person an idle-people measure counts, with their last day with an entry before the period."""
    each = replace(c, group="person", limit=None, above=None, below=None, output="table")
    query = build(db, each, period, "max(day)")
    return [(k, v) for k, v in db.query(query.sql, query.params)]


def _joined(activity: str | None, share_of: str) -> str:
    return f"{activity} {share_of}" if activity else share_of
