"""Expected figures for the evaluation set, computed in plain Python from export-shaped rows.

Independent of the engines: it reads the rows through `tests.expected.spans` and the calendar through the
`holidays` library, never through `apontamentos` queries.

Formats, as a pt-BR reader expects them: hours `1.234,5 h`, counts `1.234`, days `25/11/2026`, shares `12,3%`
(as the activity shares already were), weekdays by their short name (`segunda`, `terça`, … `sábado`, which the
long form `segunda-feira` contains). A spec's `counted` gives a count its noun (`3 apontamentos`) and `named`
adds the person's name, where a bare figure would be in any reply. Besides person / contract / period, a spec
may narrow by `activity` (words of the description, without case or accents) and `weekday` (0 = Monday … 6 =
Sunday, a list) and `people` (names, a list: "deles" after a ranking).

A role-scoped conversation gets `Reference.scoped`: the same measures over the rows its scope allows, with
the data's dates and activity spellings unchanged, and a figure for part of a contract names that part.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

import holidays

from ..expected import Span

DAILY_HOURS = 8.0
WEEKDAYS = ("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo")


def plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def hours_text(value: float) -> str:
    text = f"{value + math.copysign(1e-9, value):,.1f}"  # a half (590,55 h of whole minutes) rounds up
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".") + " h"


def integer_text(value: int) -> str:
    return f"{value:,d}".replace(",", ".")


def entries_text(count: int) -> str:
    return f"{integer_text(count)} apontamento" + ("" if count == 1 else "s")


def day_text(value: date) -> str:
    return f"{value:%d/%m/%Y}"


def working_days(start: date, end: date) -> list[date]:
    off = holidays.country_holidays("BR", years=range(start.year, end.year + 1))
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    return [d for d in days if d.weekday() < 5 and d not in off]


def national_holidays(start: date, end: date) -> set[date]:
    off = holidays.country_holidays("BR", years=range(start.year, end.year + 1))
    return {d for d in off if start <= d <= end}


class Reference:
    """Answers to typed expectations over one dataset; each returns the strings a right answer contains."""

    MEASURES = (
        "net_hours",
        "gross_hours",
        "entries",
        "people_count",
        "people_list",
        "ranking",
        "contract_ranking",
        "contracts_count",
        "missing_days",
        "open_spans",
        "unvalidated",
        "working_days",
        "expected_hours",
        "weekend_days",
        "holiday_days",
        "days_above",
        "average_span",
        "hours_per_day",
        "validators",
        "person_contracts",
        "holidays",
        "people_by",
        "person_average",
        "week_comparison",
        "outliers",
        "contracts_by_people",
        "clock_in",
    )
    # measures of the batches written blind (batch_c.jsonl …); the project set need not cover them
    COMPOSED = (
        "by_month",
        "by_week",
        "by_weekday",
        "by_day",
        "share",
        "first_day",
        "last_day",
        "days_worked",
        "idle_people",
        "days_above_list",
        "granted_contracts",
        "activity_ranking",
        "activity_breakdown",
        "top_day",
    )

    def __init__(self, rows: list[Span], universe: list[Span] | None = None, granted: set[str] | None = None) -> None:
        self.rows = rows
        self.universe = rows if universe is None else universe  # the whole data: its dates, activity spellings
        self.granted = granted  # the contracts a scope grants (None: everything)
        self.first = min(r.day for r in self.universe)
        self.last = max(r.day for r in self.universe)
        self.names = {r.resource_id: r.name for r in rows}
        self.by_name = {r.name: r.resource_id for r in rows}

    def scoped(self, resource_id: str | None, contracts: list[str]) -> Reference:
        """The reference as an asker sees it: their own rows, rows of supplier contracts and of client contracts."""
        granted = set(contracts)
        rows = [r for r in self.rows if r.resource_id == resource_id or r.supplier in granted or r.client in granted]
        return Reference(rows, self.universe, granted)

    def part_labels(self, spec: dict[str, Any]) -> list[str]:
        """For a supplier contract the scope holds only part of: the client contracts granted in it."""
        contract = spec.get("contract")
        if self.granted is None or contract is None or contract.startswith("E") or contract in self.granted:
            return []
        return sorted({r.client for r in self.rows if r.supplier == contract and r.client in self.granted})

    # -- selection -----------------------------------------------------------------------------

    def period(self, spec: dict[str, Any]) -> tuple[date, date]:
        if "period" in spec:
            start, end = spec["period"]
            return date.fromisoformat(start), date.fromisoformat(end)
        return self.first, self.last

    def select(self, spec: dict[str, Any]) -> list[Span]:
        start, end = self.period(spec)
        rows = [r for r in self.rows if start <= r.day <= end]
        if "person" in spec:
            rows = [r for r in rows if r.resource_id == self.by_name[spec["person"]]]
        if "people" in spec:
            ids = {self.by_name[name] for name in spec["people"]}
            rows = [r for r in rows if r.resource_id in ids]
        if "contract" in spec:
            contract = spec["contract"]
            rows = [r for r in rows if (r.client if contract.startswith("E") else r.supplier) == contract]
        if "technology" in spec:
            rows = [r for r in rows if r.technology == spec["technology"]]
        if "activity" in spec:
            words = set(plain(spec["activity"]).split())
            rows = [r for r in rows if r.activity and words <= set(plain(r.activity).split())]
        if "weekday" in spec:
            rows = [r for r in rows if r.day.weekday() in spec["weekday"]]
        return rows

    # -- measures ------------------------------------------------------------------------------

    def expected(self, spec: dict[str, Any]) -> list[str]:
        """The strings a right answer to `spec` must contain (figures, names, and the period's dates)."""
        measure = spec["measure"]
        strings = getattr(self, measure)(spec)
        # a bare count ("3") is in any reply that holds a date: give it its noun, or name whom it is about
        if "counted" in spec:
            strings[0] += f" {spec['counted']}" + ("" if strings[0] == "1" else "s")
        if spec.get("named"):
            strings += [spec["person"]]
        strings += self.part_labels(spec)
        if spec.get("dates", True):
            start, end = self.period(spec)
            strings += [day_text(start)] + ([day_text(end)] if end != start else [])
        return strings

    def net_hours(self, spec: dict[str, Any]) -> list[str]:
        return [hours_text(sum(r.net or 0 for r in self.select(spec)))]

    def gross_hours(self, spec: dict[str, Any]) -> list[str]:
        return [hours_text(sum(r.gross or 0 for r in self.select(spec)))]

    def entries(self, spec: dict[str, Any]) -> list[str]:
        return [integer_text(len(self.select(spec)))]

    def people_count(self, spec: dict[str, Any]) -> list[str]:
        return [integer_text(len({r.resource_id for r in self.select(spec)}))]

    def people_list(self, spec: dict[str, Any]) -> list[str]:
        totals = self._totals(self.select(spec))
        ranked = sorted(totals.items(), key=lambda kv: (-kv[1], self.names[kv[0]]))
        return [integer_text(len(ranked))] + [self.names[rid] for rid, _ in ranked[:3]]

    def _totals(self, rows: list[Span], basis: str = "net") -> dict[str, float]:
        totals: dict[str, float] = defaultdict(float)
        for r in rows:
            totals[r.resource_id] += (r.net if basis == "net" else r.gross) or 0
        return totals

    def ranking(self, spec: dict[str, Any]) -> list[str]:
        totals = self._totals(self.select(spec), spec.get("basis", "net"))
        reverse = spec.get("order", "desc") == "desc"
        ranked = sorted(totals.items(), key=lambda kv: (-kv[1] if reverse else kv[1], self.names[kv[0]]))
        top = ranked[: spec.get("top", 3)]
        return [f"{self.names[rid]}: {hours_text(h)}" for rid, h in top]

    def person_average(self, spec: dict[str, Any]) -> list[str]:
        totals = self._totals(self.select(spec))
        return [integer_text(len(totals)), hours_text(sum(totals.values()) / len(totals))]

    def week_comparison(self, spec: dict[str, Any]) -> list[str]:
        """Net hours of this week so far and of the same days last week (`this` and `last` are the periods)."""
        this, last = ({**spec, "period": spec[key]} for key in ("this", "last"))
        return [hours_text(sum(r.net or 0 for r in self.select(p))) for p in (this, last)] + [
            day_text(date.fromisoformat(spec[key][0])) for key in ("this", "last")
        ]

    def outliers(self, spec: dict[str, Any]) -> list[str]:
        """How many of the subject's spans exceed the robust limit computed over every span of the period."""
        start, end = self.period(spec)
        everyone = [r.gross for r in self.rows if start <= r.day <= end and r.gross is not None]
        median = statistics.median(everyone)
        mad = statistics.median(abs(g - median) for g in everyone)
        limit = median + 3.5 * max(mad, 0.25) / 0.6745
        count = sum(1 for r in self.select(spec) if r.gross is not None and r.gross > limit)
        # with its noun: a bare "8" is in any reply that holds a date
        if count == 0:
            return ["0 apontamentos"]
        return [f"{integer_text(count)} apontamento{'s' if count > 1 else ''} muito longo{'s' if count > 1 else ''}"]

    def contracts_by_people(self, spec: dict[str, Any]) -> list[str]:
        people: dict[str, set[str]] = defaultdict(set)
        hours: dict[str, float] = defaultdict(float)
        for r in self.select(spec):
            people[r.supplier].add(r.resource_id)
            hours[r.supplier] += r.net or 0
        ranked = sorted(people, key=lambda c: (-len(people[c]), -hours[c]))
        return [f"{c}: {integer_text(len(people[c]))} recursos" for c in ranked[: spec.get("top", 3)]]

    def clock_in(self, spec: dict[str, Any]) -> list[str]:
        """The first clock-in of the person on each day of the period."""
        firsts: dict[date, datetime] = {}
        for r in self.select(spec):
            firsts[r.day] = min(firsts.get(r.day, r.start), r.start)
        return [f"{start:%H:%M}" for _, start in sorted(firsts.items())]

    def contract_ranking(self, spec: dict[str, Any]) -> list[str]:
        totals: dict[str, float] = defaultdict(float)
        for r in self.select(spec):
            totals[r.supplier] += r.net or 0
        reverse = spec.get("order", "desc") == "desc"
        ranked = sorted(totals.items(), key=lambda kv: -kv[1] if reverse else kv[1])
        return [f"{contract}: {hours_text(h)}" for contract, h in ranked[: spec.get("top", 3)]]

    def contracts_count(self, spec: dict[str, Any]) -> list[str]:
        return [integer_text(len({r.supplier for r in self.select(spec)}))]

    def missing_days(self, spec: dict[str, Any]) -> list[str]:
        start, end = self.period(spec)
        days = working_days(start, min(end, self.last))
        scoped = self.select(spec)
        # expected to record time: an entry in scope in the period or in the 30 days before it
        recent = self.select({**spec, "period": [(start - timedelta(days=30)).isoformat(), end.isoformat()]})
        active = {r.resource_id for r in recent}
        if "contract" in spec:
            # everyone with an entry in the contract in the period; their entries anywhere count as worked
            worked = {(r.resource_id, r.day) for r in self.rows if r.resource_id in active}
        else:
            worked = {(r.resource_id, r.day) for r in scoped}
        if "person" in spec:
            active = {self.by_name[spec["person"]]}
        missing = {rid: [d for d in days if (rid, d) not in worked] for rid in active}
        missing = {rid: ds for rid, ds in missing.items() if ds}
        if "person" in spec:
            ds = next(iter(missing.values()), [])
            return [integer_text(len(ds))] + [f"{d:%d/%m}" for d in ds[:3]]
        return [integer_text(len(missing))]

    def open_spans(self, spec: dict[str, Any]) -> list[str]:
        return [integer_text(sum(1 for r in self.select(spec) if r.end is None))]

    def unvalidated(self, spec: dict[str, Any]) -> list[str]:
        return [integer_text(sum(1 for r in self.select(spec) if not r.validated))]

    def working_days(self, spec: dict[str, Any]) -> list[str]:
        start, end = self.period(spec)
        return [integer_text(len(working_days(start, end)))]

    def expected_hours(self, spec: dict[str, Any]) -> list[str]:
        start, end = self.period(spec)
        expected = len(working_days(start, end)) * DAILY_HOURS
        return [hours_text(expected), hours_text(sum(r.net or 0 for r in self.select(spec)))]

    def weekend_days(self, spec: dict[str, Any]) -> list[str]:
        days = {(r.resource_id, r.day) for r in self.select(spec) if r.day.weekday() >= 5}
        return [f"{integer_text(len(days))} dia{'' if len(days) == 1 else 's'} de trabalho"]  # a bare count is weak

    def holiday_days(self, spec: dict[str, Any]) -> list[str]:
        start, end = self.period(spec)
        off = national_holidays(start, end)
        days = {(r.resource_id, r.day) for r in self.select(spec) if r.day in off}
        return [integer_text(len(days))]

    def days_above(self, spec: dict[str, Any]) -> list[str]:
        basis = spec.get("basis", "net")
        per_day: dict[tuple[str, date], float] = defaultdict(float)
        for r in self.select(spec):
            per_day[(r.resource_id, r.day)] += (r.net if basis == "net" else r.gross) or 0
        above = [k for k, h in per_day.items() if h > spec["hours"]]
        return [integer_text(len({rid for rid, _ in above})), integer_text(len(above))]

    def average_span(self, spec: dict[str, Any]) -> list[str]:
        closed = [r.gross for r in self.select(spec) if r.gross is not None]
        return [hours_text(sum(closed) / len(closed))]

    def hours_per_day(self, spec: dict[str, Any]) -> list[str]:
        rows = self.select(spec)
        days = {(r.resource_id, r.day) for r in rows}
        return [hours_text(sum(r.net or 0 for r in rows) / len(days))]

    def validators(self, spec: dict[str, Any]) -> list[str]:
        rid = self.by_name[spec["person"]]
        return sorted({r.validator for r in self.rows if r.resource_id == rid and r.validator})

    def person_contracts(self, spec: dict[str, Any]) -> list[str]:
        return sorted({r.supplier for r in self.select(spec)})

    def holidays(self, spec: dict[str, Any]) -> list[str]:
        start, end = self.period(spec)
        return [day_text(d) for d in sorted(national_holidays(start, end))]

    # -- activities: one per description, compared without case or accents, shown as spelled most often

    def _activities(self, rows: list[Span]) -> dict[str, tuple[str, int, float]]:
        spellings: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for r in self.universe:
            if r.activity:
                spellings[plain(r.activity)][r.activity] += 1
        shown = {key: min(counts, key=lambda s: (-counts[s], s)) for key, counts in spellings.items()}
        totals: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
        for r in rows:
            if r.activity:
                totals[plain(r.activity)][0] += 1
                totals[plain(r.activity)][1] += r.net or 0
        return {key: (shown[key], int(n), h) for key, (n, h) in totals.items()}

    def activity_list(self, spec: dict[str, Any]) -> list[str]:
        found = sorted(self._activities(self.select(spec)).values(), key=lambda a: (-a[1], a[0]))
        return [f"{shown}: {entries_text(n)}" for shown, n, _ in found[:3]]

    def activity_ranking(self, spec: dict[str, Any]) -> list[str]:
        found = self._activities(self.select(spec)).values()
        if spec.get("by") == "entries":
            ranked = sorted(found, key=lambda a: (-a[1], a[0]))
            return [f"{shown}: {entries_text(n)}" for shown, n, _ in ranked[: spec.get("top", 3)]]
        ranked = sorted(found, key=lambda a: (-a[2], a[0]))
        return [f"{shown}: {hours_text(h)}" for shown, _, h in ranked[: spec.get("top", 3)]]

    def activity_hours(self, spec: dict[str, Any]) -> list[str]:
        words = set(plain(spec["activity"]).split())
        rows = [r for r in self.select(spec) if r.activity and words <= set(plain(r.activity).split())]
        return [hours_text(sum(r.net or 0 for r in rows)), entries_text(len(rows))]

    def activity_breakdown(self, spec: dict[str, Any]) -> list[str]:
        rows = self.select(spec)
        total = sum(r.net or 0 for r in rows)
        ranked = sorted(self._activities(rows).values(), key=lambda a: (-a[2], a[0]))
        share = lambda h: f"{100 * h / total + 1e-9:,.1f}%".replace(".", ",")  # noqa: E731
        return [f"{shown}: {hours_text(h)} ({share(h)})" for shown, _, h in ranked[:3]]

    # -- groupings, shares and dates (issue 17's compositions) -----------------------------------------

    def _hours(self, rows: list[Span], spec: dict[str, Any]) -> float:
        return sum((r.gross if spec.get("basis") == "gross" else r.net) or 0 for r in rows)

    def _grouped(self, spec: dict[str, Any], key: Any) -> dict[Any, float]:
        groups: dict[Any, list[Span]] = defaultdict(list)
        for r in self.select(spec):
            groups[key(r.day)].append(r)
        return {k: self._hours(rows, spec) for k, rows in sorted(groups.items())}

    def by_month(self, spec: dict[str, Any]) -> list[str]:
        """The hours of each calendar month of the period (labels vary: `outubro`, `10/2026`; the figures do not);
        with `top`, only that many months, most hours first."""
        months = list(self._grouped(spec, lambda d: (d.year, d.month)).values())
        if "top" in spec:
            months = sorted(months, reverse=True)[: spec["top"]]
        return [hours_text(h) for h in months]

    def by_week(self, spec: dict[str, Any]) -> list[str]:
        """The hours of each Monday-to-Sunday week, cut at the period's ends."""
        return [hours_text(h) for h in self._grouped(spec, lambda d: d - timedelta(days=d.weekday())).values()]

    def by_day(self, spec: dict[str, Any]) -> list[str]:
        return [hours_text(h) for h in self._grouped(spec, lambda d: d).values()]

    def by_weekday(self, spec: dict[str, Any]) -> list[str]:
        """The `top` weekdays by hours (1 unless told; `order: asc` for the fewest), each its name and hours."""
        totals = self._grouped(spec, lambda d: d.weekday())
        reverse = spec.get("order", "desc") == "desc"
        ranked = sorted(totals.items(), key=lambda kv: -kv[1] if reverse else kv[1])
        return [s for day, h in ranked[: spec.get("top", 1)] for s in (WEEKDAYS[day], hours_text(h))]

    def share(self, spec: dict[str, Any]) -> list[str]:
        """The share of the scope's hours that `part` (more filters: activity, person, weekday…) holds, `12,3%`."""
        whole = self._hours(self.select(spec), spec)
        part = self._hours(self.select({**spec, **spec["part"]}), spec)
        return [f"{100 * part / whole + 1e-9:,.1f}%".replace(".", ",")]

    def top_day(self, spec: dict[str, Any]) -> list[str]:
        """The day with the most net hours in scope (the fewest with `order: asc`): its date and hours."""
        totals = self._grouped(spec, lambda d: d)
        pick = min if spec.get("order") == "asc" else max
        best = pick(totals, key=lambda d: totals[d])
        return [day_text(best), hours_text(totals[best])]

    def first_day(self, spec: dict[str, Any]) -> list[str]:
        return [day_text(min(r.day for r in self.select(spec)))]

    def last_day(self, spec: dict[str, Any]) -> list[str]:
        return [day_text(max(r.day for r in self.select(spec)))]

    def days_worked(self, spec: dict[str, Any]) -> list[str]:
        """Distinct days with an entry in scope, with its noun (a bare count is in any date)."""
        count = len({r.day for r in self.select(spec)})
        return [f"{integer_text(count)} dia{'' if count == 1 else 's'}"]

    def days_above_list(self, spec: dict[str, Any]) -> list[str]:
        """Each day (`16/11`) the scope passed `hours` in a day, with that day's hours."""
        per_day: dict[date, float] = defaultdict(float)
        for r in self.select(spec):
            per_day[r.day] += (r.gross if spec.get("basis") == "gross" else r.net) or 0
        above = sorted((d, h) for d, h in per_day.items() if h > spec["hours"])
        return [s for d, h in above for s in (f"{d:%d/%m}", hours_text(h))]

    def idle_people(self, spec: dict[str, Any]) -> list[str]:
        """People with an entry in scope in the 30 days before the period and none in it ("sem apontar desde …")."""
        start, end = self.period(spec)
        before = [(start - timedelta(days=30)).isoformat(), (start - timedelta(days=1)).isoformat()]
        active = {r.resource_id for r in self.select({**spec, "period": before})}
        idle = active - {r.resource_id for r in self.select(spec)}
        return [integer_text(len(idle))] + sorted(self.names[rid] for rid in idle)[:3]

    def granted_contracts(self, spec: dict[str, Any]) -> list[str]:
        """The contract numbers the asker's scope grants, each of which a description of that scope names."""
        return sorted(self.granted or ())

    def people_by(self, spec: dict[str, Any]) -> list[str]:
        rows = self.select(spec)
        if "profile" in spec:
            rows = [r for r in rows if r.profile and plain(spec["profile"]) in plain(r.profile)]
        if "level" in spec:
            rows = [r for r in rows if r.level and plain(spec["level"]) in plain(r.level)]
        return [integer_text(len({r.resource_id for r in rows}))]


FIGURE = re.compile(r"\d[\d.]*,\d h\b|\b\d+ (?:recursos?|pessoas?|apontamentos?|dias?|contratos?)\b")
