"""Typed queries over the snapshot: one function per question, parameterised SQL only.

Every function takes the Dataset first and keyword-friendly typed arguments after it; the answer
engines (and the LLM tool schemas) are built on these signatures. A resource is named by id or by
name (whole words, accent- and case-insensitive); a contract is a supplier contract (`8446`) or a
client contract (`E0240282`). Hours are net of lunch unless a field says `gross`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal, NamedTuple

import numpy as np

from .dataset import Dataset, ResourceRef, normalize
from .errors import InvalidQuery
from .rules import Period, expected_hours, holidays_in, today_in, week_of, working_days

ACTIVE_LOOKBACK_DAYS = 30  # who counts as expected to record time, for missing days
Basis = Literal["net", "gross"]
Order = Literal["desc", "asc"]


class UnknownContract(InvalidQuery):
    def __init__(self, contract: str) -> None:
        super().__init__(f"Não encontrei o contrato {contract} nos apontamentos.")
        self.contract = contract


class UnknownResource(InvalidQuery):
    def __init__(self, text: str) -> None:
        # A bare number is an internal resource id (from a model or an old context), never echoed to a person.
        named = "essa pessoa" if text.strip().isdigit() else f"nenhum recurso chamado “{text}”"
        super().__init__(f"Não encontrei {named}.")
        self.text = text


class AmbiguousResource(InvalidQuery):
    """More than one person matches; the caller shows the candidates instead of guessing."""

    def __init__(self, text: str, candidates: list[ResourceRef]) -> None:
        super().__init__(f"Há {len(candidates)} recursos que correspondem a “{text}”.")
        self.text = text
        self.candidates = candidates


# -- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContractRef:
    """A contract as the user named it: kind is 'fornecedor' (8446) or 'cliente' (E0240282)."""

    number: str
    kind: str


@dataclass(frozen=True)
class ContractSummary:
    contract: str
    hours: float
    entries: int
    resources: int


@dataclass(frozen=True)
class ContractDetails:
    contract: ContractRef
    period: Period
    gross_hours: float
    net_hours: float
    entries: int
    resources: int
    open_spans: int
    technologies: list[str]
    profiles: list[str]
    related_contracts: list[str]
    first_day: date | None
    last_day: date | None


@dataclass(frozen=True)
class ResourceHours:
    resource: ResourceRef
    hours: float
    entries: int


@dataclass(frozen=True)
class ContractHours:
    contract: str
    client_contract: str
    hours: float
    entries: int


@dataclass(frozen=True)
class ResourceContracts:
    resource: ResourceRef
    contracts: list[ContractHours]


@dataclass(frozen=True)
class HoursTotal:
    period: Period
    gross_hours: float
    net_hours: float
    entries: int
    resources: int
    open_spans: int
    resource: ResourceRef | None = None
    contract: ContractRef | None = None


@dataclass(frozen=True)
class PeriodSummary:
    period: Period
    net_hours: float
    entries: int
    resources: int
    contracts: int
    open_spans: int
    unvalidated: int
    days_with_entries: int


@dataclass(frozen=True)
class DayDetail:
    day: date
    first_start: datetime
    last_end: datetime | None
    gross_hours: float
    lunch_hours: float
    net_hours: float
    spans: int
    open_spans: int


@dataclass(frozen=True)
class ResourceDays:
    resource: ResourceRef
    period: Period
    days: list[DayDetail]


@dataclass(frozen=True)
class WorkingDays:
    period: Period
    count: int
    holidays: list[tuple[date, str]]


@dataclass(frozen=True)
class ExpectedVsWorked:
    resource: ResourceRef
    period: Period
    working_days: int
    expected_hours: float
    worked_hours: float

    @property
    def balance(self) -> float:
        return self.worked_hours - self.expected_hours


class PersonMissing(NamedTuple):
    """A NamedTuple rather than a frozen dataclass: a month's answer can hold thousands of them."""

    resource: ResourceRef
    days: tuple[date, ...]


@dataclass(frozen=True)
class MissingDays:
    period: Period
    working_days: int
    people: list[PersonMissing]
    contract: ContractRef | None = None


@dataclass(frozen=True)
class AverageSpan:
    period: Period
    average_hours: float | None
    spans: int
    resource: ResourceRef | None = None


@dataclass(frozen=True)
class Span:
    resource: ResourceRef
    contract: str
    day: date
    start: datetime
    end: datetime | None
    hours: float | None


@dataclass(frozen=True)
class Outliers:
    period: Period
    median_hours: float
    threshold_hours: float
    total: int  # spans above the threshold; `spans` holds the longest of them
    spans: list[Span]


@dataclass(frozen=True)
class WeekTotals:
    period: Period
    net_hours: float
    entries: int
    resources: int


@dataclass(frozen=True)
class WeekComparison:
    this_week: WeekTotals
    last_week: WeekTotals


@dataclass(frozen=True)
class OpenSpans:
    period: Period
    total: int
    spans: list[Span]


@dataclass(frozen=True)
class ContractValidation:
    contract: str
    unvalidated: int
    validators: list[str]


@dataclass(frozen=True)
class Unvalidated:
    period: Period
    total: int
    by_contract: list[ContractValidation]


@dataclass(frozen=True)
class PersonRole:
    resource: ResourceRef
    contract: str
    technology: str | None
    profile: str | None
    level: str | None


@dataclass(frozen=True)
class PersonDay:
    resource: ResourceRef
    day: date
    hours: float


# -- argument resolution ----------------------------------------------------------------------

_SUPPLIER = re.compile(r"^\d{3,6}$")
_CLIENT = re.compile(r"^E\d{7}$")


def contract_ref(db: Dataset, contract: str) -> ContractRef:
    number = re.sub(r"\s+", "", str(contract)).upper()
    if _CLIENT.match(number):
        if number not in db.client_contracts:
            raise UnknownContract(number)
        return ContractRef(number, "cliente")
    if _SUPPLIER.match(number):
        if number not in db.supplier_contracts:
            raise UnknownContract(number)
        return ContractRef(number, "fornecedor")
    raise InvalidQuery(f"“{str(contract)[:40]}” não é um número de contrato (ex.: 8446 ou E0240282).")


def suppliers_of(db: Dataset, client: str) -> list[str]:
    """The supplier contracts a client contract's entries are recorded under (usually one)."""
    rows = db.query("SELECT DISTINCT supplier FROM e WHERE contract = ? AND supplier IS NOT NULL", [client])
    return sorted(str(supplier) for (supplier,) in rows)


def _contract_sql(ref: ContractRef | None) -> tuple[str, list[object]]:
    if ref is None:
        return "", []
    return (" AND contract = ?" if ref.kind == "cliente" else " AND supplier = ?"), [ref.number]


def _subject_sql(
    db: Dataset, resource: str | None, contract: str | None
) -> tuple[ResourceRef | None, ContractRef | None, str, list[object]]:
    """The person and contract a query is about, and the SQL condition (with parameters) that selects them."""
    who = resolve_resource(db, resource) if resource else None
    ref = contract_ref(db, contract) if contract else None
    where, params = _contract_sql(ref)
    if who:
        where += " AND rid = ?"
        params.append(_rid(db, who))
    return who, ref, where, params


def resolve_resource(db: Dataset, text: str) -> ResourceRef:
    """The one resource named by id or by whole words of the name; ambiguity is an error with candidates."""
    text = str(text).strip()
    if text in db.resources:
        return db.refs[db.resources[text].rid]
    candidates = find_resources(db, text)
    if not candidates:
        raise UnknownResource(text)
    if len(candidates) > 1:
        exact = [c for c in candidates if normalize(c.name) == normalize(text)]
        if len(exact) == 1:
            return exact[0]
        raise AmbiguousResource(text, candidates)
    return candidates[0]


def find_resources(db: Dataset, name: str, limit: int = 10) -> list[ResourceRef]:
    """Resources whose name contains every word given (accent- and case-insensitive, whole words)."""
    words = normalize(name).split()
    if not words:
        return []
    matching = set.intersection(*(db.rids_by_word.get(word, set()) for word in words))
    return sorted((db.refs[rid] for rid in matching), key=lambda r: r.name)[:limit]


def data_period(db: Dataset, period: Period | None) -> Period:
    """The period asked for, or the whole span of the data."""
    if period is not None:
        return period
    if db.first_day is None or db.last_day is None:
        today = today_in(db.calendar.timezone)
        return Period(today, today)
    return Period(db.first_day, db.last_day)


def _ref(db: Dataset, rid: int) -> ResourceRef:
    return db.refs[rid]


def _rid(db: Dataset, ref: ResourceRef) -> int:
    return db.resources[ref.id].rid


# -- queries ----------------------------------------------------------------------------------


def list_contracts(db: Dataset, period: Period | None = None) -> list[ContractSummary]:
    """Supplier contracts with net hours, entries and distinct resources, most hours first."""
    p = data_period(db, period)
    rows = db.query(
        """SELECT supplier, coalesce(sum(net_h), 0), count(*), count(DISTINCT rid) FROM e
           WHERE day BETWEEN ? AND ? AND supplier IS NOT NULL GROUP BY supplier ORDER BY 2 DESC, 1""",
        [p.start, p.end],
    )
    return [ContractSummary(c, h, n, r) for c, h, n, r in rows]


def contract_details(db: Dataset, contract: str, period: Period | None = None) -> ContractDetails:
    """Hours gross and net, entries, resources, technologies, profiles and dates of one contract."""
    ref = contract_ref(db, contract)
    p = data_period(db, period)
    where, params = _contract_sql(ref)
    (gross, net, entries, resources, open_, techs, profiles, related, first, last) = db.query(
        f"""SELECT coalesce(sum(gross_h), 0), coalesce(sum(net_h), 0), count(*), count(DISTINCT rid),
                   count(*) FILTER (WHERE end_ts IS NULL),
                   list(DISTINCT technology ORDER BY technology) FILTER (WHERE technology IS NOT NULL),
                   list(DISTINCT profile ORDER BY profile) FILTER (WHERE profile IS NOT NULL),
                   list(DISTINCT {"supplier" if ref.kind == "cliente" else "contract"} ORDER BY 1),
                   min(day), max(day)
            FROM e WHERE day BETWEEN ? AND ?{where}""",
        [p.start, p.end, *params],
    )[0]
    return ContractDetails(
        ref,
        p,
        gross,
        net,
        entries,
        resources,
        open_,
        techs or [],
        profiles or [],
        [r for r in related or [] if r],
        first,
        last,
    )


def contract_resources(
    db: Dataset, contract: str, period: Period | None = None, top: int | None = None
) -> list[ResourceHours]:
    """Resources who recorded time on a contract, ranked by net hours."""
    ref = contract_ref(db, contract)
    return ranking(db, top=top, contract=ref.number, period=period)


def ranking(
    db: Dataset,
    top: int | None = 10,
    contract: str | None = None,
    technology: str | None = None,
    period: Period | None = None,
    order: Order = "desc",
    basis: Basis = "net",
) -> list[ResourceHours]:
    """Resources by net (or gross) hours, most first (or least first with order "asc"); within a contract,
    technology, period."""
    p = data_period(db, period)
    where, params = _contract_sql(contract_ref(db, contract) if contract else None)
    if technology:
        where += " AND upper(technology) = upper(?)"
        params.append(technology.strip())
    limit = "" if top is None else " LIMIT ?"
    rows = db.query(
        f"""SELECT rid, coalesce(sum({"gross_h" if basis == "gross" else "net_h"}), 0), count(*) FROM e
            WHERE day BETWEEN ? AND ?{where} GROUP BY rid ORDER BY 2 {"ASC" if order == "asc" else "DESC"}, 1{limit}""",
        [p.start, p.end, *params, *([] if top is None else [max(1, int(top))])],
    )
    return [ResourceHours(_ref(db, rid), h, c) for rid, h, c in rows]


def resource_contracts(db: Dataset, resource: str, period: Period | None = None) -> ResourceContracts:
    """The contracts a resource recorded time on, with net hours."""
    ref = resolve_resource(db, resource)
    p = data_period(db, period)
    rows = db.query(
        """SELECT supplier, contract, coalesce(sum(net_h), 0), count(*) FROM e
           WHERE rid = ? AND day BETWEEN ? AND ? GROUP BY ALL ORDER BY 3 DESC""",
        [_rid(db, ref), p.start, p.end],
    )
    return ResourceContracts(ref, [ContractHours(s or "", c or "", h, n) for s, c, h, n in rows])


def total_hours(
    db: Dataset, resource: str | None = None, contract: str | None = None, period: Period | None = None
) -> HoursTotal:
    """Total hours of a resource, a contract, or everyone, over a period (default: all data)."""
    p = data_period(db, period)
    who, ref, where, params = _subject_sql(db, resource, contract)
    gross, net, entries, resources, open_ = db.query(
        f"""SELECT coalesce(sum(gross_h), 0), coalesce(sum(net_h), 0), count(*), count(DISTINCT rid),
                   count(*) FILTER (WHERE end_ts IS NULL)
            FROM e WHERE day BETWEEN ? AND ?{where}""",
        [p.start, p.end, *params],
    )[0]
    return HoursTotal(p, gross, net, entries, resources, open_, who, ref)


def period_summary(db: Dataset, period: Period) -> PeriodSummary:
    """Totals of a period: hours, entries, people, contracts, open and unvalidated entries."""
    row = db.query(
        """SELECT coalesce(sum(net_h), 0), count(*), count(DISTINCT rid), count(DISTINCT supplier),
                  count(*) FILTER (WHERE end_ts IS NULL), count(*) FILTER (WHERE NOT validated),
                  count(DISTINCT day)
           FROM e WHERE day BETWEEN ? AND ?""",
        [period.start, period.end],
    )[0]
    return PeriodSummary(period, *row)


def resource_days(db: Dataset, resource: str, period: Period) -> ResourceDays:
    """Day by day: first clock-in, last clock-out, gross, lunch and net hours, open spans."""
    ref = resolve_resource(db, resource)
    rows = db.query(
        """SELECT day, min(start_ts), max(end_ts), coalesce(sum(gross_h), 0), sum(lunch_h),
                  coalesce(sum(net_h), 0), count(*), count(*) FILTER (WHERE end_ts IS NULL)
           FROM e WHERE rid = ? AND day BETWEEN ? AND ? GROUP BY day ORDER BY day""",
        [_rid(db, ref), period.start, period.end],
    )
    return ResourceDays(ref, period, [DayDetail(*row) for row in rows])


def working_days_in(db: Dataset, period: Period) -> WorkingDays:
    """Working days (Monday to Friday minus national holidays) in a period, and the holidays."""
    days = working_days(period, db.calendar.subdivision)
    return WorkingDays(period, len(days), list(holidays_in(period, db.calendar.subdivision).items()))


def expected_vs_worked(db: Dataset, resource: str, period: Period) -> ExpectedVsWorked:
    """A resource's net hours against working days x daily hours over the period."""
    ref = resolve_resource(db, resource)
    count = len(working_days(period, db.calendar.subdivision))
    worked = db.query(
        "SELECT coalesce(sum(net_h), 0) FROM e WHERE rid = ? AND day BETWEEN ? AND ?",
        [_rid(db, ref), period.start, period.end],
    )[0][0]
    return ExpectedVsWorked(ref, period, count, expected_hours(count, db.calendar.daily_hours), worked)


def missing_days(db: Dataset, period: Period, contract: str | None = None) -> MissingDays:
    """People active (or active in a contract) and the working days of the period with no entry of theirs.

    Active means an entry in the period or in the ACTIVE_LOOKBACK_DAYS before it, so "quem não apontou
    ontem?" counts the people who usually record time, not only those who did that day. Days after the
    last day in the data are not counted: they have not happened yet.
    """
    ref = contract_ref(db, contract) if contract else None
    covered = period.clip(data_period(db, None)) if db.last_day else None
    days = working_days(covered, db.calendar.subdivision) if covered else []
    if not days:
        return MissingDays(period, 0, [], ref)
    scope, params = (
        ("TRUE", []) if ref is None else (("contract = ?" if ref.kind == "cliente" else "supplier = ?"), [ref.number])
    )
    # One pass builds a person x day grid; far cheaper than an anti-join returning thousands of lists.
    recent = db.arrays(
        f"SELECT DISTINCT rid FROM e WHERE day BETWEEN ? AND ? AND {scope}",
        [period.start - timedelta(days=ACTIVE_LOOKBACK_DAYS), period.end, *params],
    )
    pairs = db.arrays(
        "SELECT DISTINCT rid, (day - ?::DATE)::INTEGER AS offset FROM e WHERE day BETWEEN ? AND ?",
        [period.start, period.start, period.end],
    )
    active = np.unique(recent["rid"])
    worked = np.zeros((len(db.by_rid) + 1, period.days), dtype=bool)
    worked[pairs["rid"], pairs["offset"]] = True
    offsets = np.array([(d - period.start).days for d in days])
    person_index, day_index = np.nonzero(~worked[np.ix_(active, offsets)])
    # Group the (person, day) pairs and order people by most missing days, then name, without a
    # Python-level sort: the answer can list thousands of people.
    counts = np.bincount(person_index, minlength=len(active))
    starts = (np.cumsum(counts) - counts).tolist()
    with_missing = np.flatnonzero(counts)
    order = with_missing[np.lexsort((db.name_rank[active[with_missing]], -counts[with_missing]))].tolist()
    rids, sizes = active.tolist(), counts.tolist()
    missing = [days[j] for j in day_index.tolist()]
    # Slices of one list and untracked tuples: a month for everyone is thousands of people, and per-person
    # lists kept the garbage collector busy enough to triple this query's p95.
    people = [PersonMissing(db.refs[rids[i]], tuple(missing[starts[i] : starts[i] + sizes[i]])) for i in order]
    return MissingDays(period, len(days), people, ref)


def person_missing_days(db: Dataset, resource: str, period: Period) -> PersonMissing:
    """The working days of the period (up to the last day in the data) on which a person has no entry."""
    ref = resolve_resource(db, resource)
    covered = period.clip(data_period(db, None)) if db.last_day else None
    days = working_days(covered, db.calendar.subdivision) if covered else []
    worked = {
        d
        for (d,) in db.query(
            "SELECT DISTINCT day FROM e WHERE rid = ? AND day BETWEEN ? AND ?",
            [_rid(db, ref), period.start, period.end],
        )
    }
    return PersonMissing(ref, tuple(d for d in days if d not in worked))


def average_span(
    db: Dataset, resource: str | None = None, period: Period | None = None, contract: str | None = None
) -> AverageSpan:
    """Average gross duration of closed spans, overall, of one resource or of one contract."""
    p = data_period(db, period)
    who, _, where, params = _subject_sql(db, resource, contract)
    average, spans = db.query(
        f"SELECT avg(gross_h), count(gross_h) FROM e WHERE day BETWEEN ? AND ?{where}",
        [p.start, p.end, *params],
    )[0]
    return AverageSpan(p, average, spans, who)


def _spans(db: Dataset, rows: list[tuple]) -> list[Span]:
    return [Span(_ref(db, rid), c or "", d, s, e, h) for rid, c, d, s, e, h in rows]


_SPAN_COLUMNS = "rid, supplier, day, start_ts, end_ts, gross_h"


def outliers(
    db: Dataset,
    period: Period | None = None,
    limit: int = 50,
    contract: str | None = None,
    resource: str | None = None,
    above: float | None = None,
) -> Outliers:
    """Unusually long spans by a robust rule: modified z-score over 3.5 (median and MAD), or longer than `above`
    hours when the question names the bound. The norm is every span in the period; a contract or a person
    selects whose spans are checked against it."""
    p = data_period(db, period)
    _, _, where, params = _subject_sql(db, resource, contract)
    spans = db.arrays("SELECT gross_h FROM e WHERE day BETWEEN ? AND ? AND gross_h IS NOT NULL", [p.start, p.end])[
        "gross_h"
    ]
    if len(spans) == 0:
        return Outliers(p, 0.0, 0.0, 0, [])
    median = float(np.median(spans))
    mad = float(np.median(np.abs(spans - median)))
    # Iglewicz & Hoaglin: 0.6745 (x - median) / MAD > 3.5. A floor keeps a zero MAD meaningful.
    threshold = median + 3.5 * max(mad, 0.25) / 0.6745 if above is None else above
    rows = db.query(
        f"""SELECT {_SPAN_COLUMNS}, count(*) OVER () FROM e WHERE day BETWEEN ? AND ? AND gross_h > ?{where}
            ORDER BY gross_h DESC, day, rid LIMIT ?""",
        [p.start, p.end, threshold, *params, limit],
    )
    return Outliers(p, median, threshold, rows[0][-1] if rows else 0, _spans(db, [r[:-1] for r in rows]))


def _week_totals(db: Dataset, period: Period, where: str, params: list[object]) -> WeekTotals:
    net, entries, resources = db.query(
        f"""SELECT coalesce(sum(net_h), 0), count(*), count(DISTINCT rid) FROM e
            WHERE day BETWEEN ? AND ?{where}""",
        [period.start, period.end, *params],
    )[0]
    return WeekTotals(period, net, entries, resources)


def week_comparison(
    db: Dataset, today: date, contract: str | None = None, resource: str | None = None
) -> WeekComparison:
    """This week so far (Monday to today) against the same days of last week; of everyone, a contract or a
    person."""
    _, _, where, params = _subject_sql(db, resource, contract)
    this_week = Period(week_of(today).start, today)
    last_week = Period(this_week.start - timedelta(days=7), today - timedelta(days=7))
    return WeekComparison(_week_totals(db, this_week, where, params), _week_totals(db, last_week, where, params))


def open_spans(
    db: Dataset,
    period: Period | None = None,
    contract: str | None = None,
    limit: int = 100,
    resource: str | None = None,
) -> OpenSpans:
    """Spans with a clock-in and no clock-out ("sem saída"), newest first; of everyone, a contract or a person."""
    p = data_period(db, period)
    where, params = _contract_sql(contract_ref(db, contract) if contract else None)
    if resource:
        where += " AND rid = ?"
        params.append(_rid(db, resolve_resource(db, resource)))
    rows = db.query(
        f"""SELECT {_SPAN_COLUMNS}, count(*) OVER () FROM e WHERE day BETWEEN ? AND ? AND end_ts IS NULL{where}
            ORDER BY day DESC, rid LIMIT ?""",
        [p.start, p.end, *params, limit],
    )
    return OpenSpans(p, rows[0][-1] if rows else 0, _spans(db, [r[:-1] for r in rows]))


def unvalidated(db: Dataset, period: Period | None = None, contract: str | None = None) -> Unvalidated:
    """Entries not yet validated, by supplier contract, with the people who validate that contract."""
    p = data_period(db, period)
    where, params = _contract_sql(contract_ref(db, contract) if contract else None)
    rows = db.query(
        f"""WITH pending AS (SELECT supplier, count(*) AS n FROM e
                             WHERE day BETWEEN ? AND ? AND NOT validated{where} GROUP BY supplier)
            SELECT pending.supplier, n, coalesce(names, []) FROM pending LEFT JOIN v USING (supplier)
            ORDER BY n DESC, 1""",
        [p.start, p.end, *params],
    )
    by_contract = [ContractValidation(s or "", n, names) for s, n, names in rows]
    return Unvalidated(p, sum(c.unvalidated for c in by_contract), by_contract)


def people_by(
    db: Dataset,
    technology: str | None = None,
    profile: str | None = None,
    level: str | None = None,
    contract: str | None = None,
    period: Period | None = None,
) -> list[PersonRole]:
    """People by their latest technology, profile or level (case- and accent-insensitive, partial match); with
    a period, only those with entries in it."""
    ref = contract_ref(db, contract) if contract else None
    where, params = "", []
    if ref is not None:
        # A client contract is matched through the entries; a supplier contract through the latest role.
        where, params = (
            (" AND rid IN (SELECT rid FROM e WHERE contract = ?)", [ref.number])
            if ref.kind == "cliente"
            else (" AND supplier = ?", [ref.number])
        )
    if period is not None:
        where += " AND rid IN (SELECT rid FROM e WHERE day BETWEEN ? AND ?)"
        params += [period.start, period.end]
    for column, value in (("technology", technology), ("profile", profile), ("level", level)):
        if value:
            where += f" AND strip_accents(lower({column})) LIKE '%' || strip_accents(lower(?)) || '%'"
            params.append(value.strip())
    rows = db.query(
        f"SELECT rid, supplier, technology, profile, level FROM r WHERE TRUE{where} ORDER BY resource", params
    )
    return [PersonRole(_ref(db, rid), s or "", t, p, lv) for rid, s, t, p, lv in rows]


def weekend_work(
    db: Dataset, period: Period | None = None, contract: str | None = None, resource: str | None = None
) -> list[PersonDay]:
    """Who recorded time on a Saturday or Sunday, with the net hours of each such day."""
    p = data_period(db, period)
    _, _, where, params = _subject_sql(db, resource, contract)
    rows = db.query(
        f"""SELECT rid, day, coalesce(sum(net_h), 0) FROM e
           WHERE day BETWEEN ? AND ? AND weekend{where} GROUP BY rid, day ORDER BY day DESC, rid""",
        [p.start, p.end, *params],
    )
    return [PersonDay(_ref(db, rid), d, h) for rid, d, h in rows]


def days_above(
    db: Dataset,
    hours: float,
    period: Period | None = None,
    basis: Basis = "net",
    contract: str | None = None,
    resource: str | None = None,
) -> list[PersonDay]:
    """Person-days whose net (or gross) hours exceed `hours`, most first."""
    p = data_period(db, period)
    _, _, where, params = _subject_sql(db, resource, contract)
    column = "gross_h" if basis == "gross" else "net_h"
    rows = db.query(
        f"""SELECT rid, day, sum({column}) AS h FROM e
            WHERE day BETWEEN ? AND ?{where} GROUP BY rid, day HAVING sum({column}) > ?
            ORDER BY h DESC, rid""",
        [p.start, p.end, *params, float(hours)],
    )
    return [PersonDay(_ref(db, rid), d, h) for rid, d, h in rows]


def holiday_work(
    db: Dataset, period: Period | None = None, contract: str | None = None, resource: str | None = None
) -> list[PersonDay]:
    """Who recorded time on a national holiday (or the state's, when configured), with each day's net hours."""
    p = data_period(db, period)
    _, _, where, params = _subject_sql(db, resource, contract)
    days = list(holidays_in(p, db.calendar.subdivision))
    if not days:
        return []
    rows = db.query(
        f"""SELECT rid, day, coalesce(sum(net_h), 0) FROM e
            WHERE day IN ({", ".join("?" for _ in days)}){where} GROUP BY rid, day ORDER BY day DESC, rid""",
        [*days, *params],
    )
    return [PersonDay(_ref(db, rid), d, h) for rid, d, h in rows]


@dataclass(frozen=True)
class HoursPerDay:
    period: Period
    net_hours: float
    worked_days: int  # person-days with at least one entry
    resource: ResourceRef | None
    contract: ContractRef | None

    @property
    def average(self) -> float | None:
        return self.net_hours / self.worked_days if self.worked_days else None


def hours_per_day(
    db: Dataset, resource: str | None = None, contract: str | None = None, period: Period | None = None
) -> HoursPerDay:
    """Net hours per worked day (days with at least one entry, counted per person) of a person, contract or all."""
    p = data_period(db, period)
    who, ref, where, params = _subject_sql(db, resource, contract)
    net, days = db.query(
        f"""SELECT coalesce(sum(net_h), 0), count(DISTINCT (rid, day)) FROM e WHERE day BETWEEN ? AND ?{where}""",
        [p.start, p.end, *params],
    )[0]
    return HoursPerDay(p, net, days, who, ref)


@dataclass(frozen=True)
class Validators:
    resource: ResourceRef | None
    contract: ContractRef | None
    names: list[str]


def validators(db: Dataset, resource: str | None = None, contract: str | None = None) -> Validators:
    """Who validated the entries of a person, or of a contract, over the whole data."""
    who, ref, where, params = _subject_sql(db, resource, contract)
    rows = db.query(f"SELECT DISTINCT validator::VARCHAR FROM e WHERE validator IS NOT NULL{where} ORDER BY 1", params)
    return Validators(who, ref, [r[0] for r in rows])


def validators_by_contract(db: Dataset) -> list[tuple[str, list[str]]]:
    """Who validated entries, per supplier contract, over the whole data (the entries the asker may see)."""
    rows = db.query(
        """SELECT supplier::VARCHAR, list(DISTINCT validator::VARCHAR ORDER BY validator::VARCHAR) FROM e
           WHERE validator IS NOT NULL AND supplier IS NOT NULL GROUP BY 1 ORDER BY 1"""
    )
    return [(s, names) for s, names in rows]


# -- activities (the optional s_ds_atividade column) ------------------------------------------


class NoActivities(InvalidQuery):
    def __init__(self) -> None:
        super().__init__(
            "Os dados não têm informação de atividade: a exportação não trouxe a descrição das atividades "
            "(coluna s_ds_atividade) ou ela veio vazia."
        )


class UnknownActivity(InvalidQuery):
    def __init__(self, words: str, known: list[str]) -> None:
        listed = ", ".join(known[:10])
        super().__init__(f"Não encontrei nenhuma atividade com “{words}”. As atividades nos dados: {listed}.")
        self.words = words


@dataclass(frozen=True)
class ActivityHours:
    activity: str  # the spelling used most often; spellings differing in case or accents are one activity
    entries: int
    hours: float  # net
    share: float  # of the net hours of everything in scope, entries without a description included


@dataclass(frozen=True)
class ActivitySummary:
    period: Period
    activities: list[ActivityHours]
    total_hours: float
    undescribed_entries: int
    undescribed_hours: float
    resource: ResourceRef | None
    contract: ContractRef | None


@dataclass(frozen=True)
class ActivityMatch:
    period: Period
    words: str
    activities: list[str]  # every activity whose description holds all the words
    entries: int
    hours: float
    resource: ResourceRef | None
    contract: ContractRef | None
    people: int = 0  # how many people did them


def _activities_required(db: Dataset) -> None:
    if not db.activities:
        raise NoActivities()


def activity_summary(
    db: Dataset,
    period: Period | None = None,
    contract: str | None = None,
    resource: str | None = None,
    order: Literal["hours", "entries"] = "hours",
    top: int | None = None,
) -> ActivitySummary:
    """Activities with entries, net hours and share of the hours, most hours (or entries) first; within a
    period, a contract or a person. Descriptions differing only in case or accents are one activity."""
    _activities_required(db)
    p = data_period(db, period)
    who, ref, where, params = _subject_sql(db, resource, contract)
    rows = db.query(
        f"""SELECT activity_key, count(*), coalesce(sum(net_h), 0) FROM e
            WHERE day BETWEEN ? AND ?{where} GROUP BY activity_key""",
        [p.start, p.end, *params],
    )
    total = sum(h for _, _, h in rows)
    described = [
        ActivityHours(db.activities[k], n, h, h / total if total else 0.0) for k, n, h in rows if k is not None
    ]
    described.sort(key=lambda a: (-(a.hours if order == "hours" else a.entries), a.activity))
    undescribed = next(((n, h) for k, n, h in rows if k is None), (0, 0.0))
    shown = described[:top] if top else described
    return ActivitySummary(p, shown, total, undescribed[0], undescribed[1], who, ref)


def activity_hours(
    db: Dataset,
    words: str,
    period: Period | None = None,
    contract: str | None = None,
    resource: str | None = None,
    basis: Basis = "net",
) -> ActivityMatch:
    """Entries and net (or gross) hours of the activities whose description holds every word given (accent-
    and case-insensitive, whole words), within a period, a contract or a person."""
    _activities_required(db)
    wanted = normalize(words).split()
    matched = sorted(k for k in db.activities if wanted and set(wanted) <= set(k.split()))
    if not matched:
        raise UnknownActivity(words, sorted(db.activities.values()))
    p = data_period(db, period)
    who, ref, where, params = _subject_sql(db, resource, contract)
    entries, hours, people = db.query(
        f"""SELECT count(*), coalesce(sum({"gross_h" if basis == "gross" else "net_h"}), 0), count(DISTINCT rid)
            FROM e WHERE day BETWEEN ? AND ? AND activity_key IN ({", ".join("?" for _ in matched)}){where}""",
        [p.start, p.end, *matched, *params],
    )[0]
    return ActivityMatch(p, words, [db.activities[k] for k in matched], entries, hours, who, ref, people)


class PersonCount(NamedTuple):
    resource: ResourceRef
    count: int


def unvalidated_people(db: Dataset, period: Period | None = None) -> list[PersonCount]:
    """Whose entries are not validated yet, and how many each, most first (a manager's digest names them)."""
    p = data_period(db, period)
    rows = db.query(
        "SELECT rid, count(*) AS n FROM e WHERE day BETWEEN ? AND ? AND NOT validated GROUP BY rid",
        [p.start, p.end],
    )
    people = [PersonCount(_ref(db, rid), n) for rid, n in rows]
    return sorted(people, key=lambda person: (-person.count, person.resource.name))
