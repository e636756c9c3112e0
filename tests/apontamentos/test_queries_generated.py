"""Queries on generated data, each expected figure computed independently in plain Python."""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import holidays
import pytest

from apontamentos import queries as q
from apontamentos.dataset import Dataset
from apontamentos.rules import Period

from ..expected import Span, spans
from .conftest import GENERATED_END

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))


@pytest.fixture(scope="module")
def recs(generated_columns: dict[str, list[Any]]) -> list[Span]:
    return spans(generated_columns)


def within(recs: list[Span], period: Period | None) -> list[Span]:
    return [r for r in recs if period is None or period.start <= r.day <= period.end]


def net(recs: list[Span]) -> float:
    return sum(r.net or 0 for r in recs)


def a_resource(recs: list[Span], index: int = 5) -> Span:
    return sorted({r.resource_id: r for r in recs}.values(), key=lambda r: r.resource_id)[index]


def working(period: Period) -> list[date]:
    br = holidays.Brazil(years=range(period.start.year, period.end.year + 1))
    days = [period.start + timedelta(days=i) for i in range((period.end - period.start).days + 1)]
    return [d for d in days if d.weekday() < 5 and d not in br]


def test_list_contracts(generated: Dataset, recs: list[Span]) -> None:
    by = defaultdict(list)
    for r in recs:
        by[r.supplier].append(r)
    got = {c.contract: c for c in q.list_contracts(generated)}
    assert set(got) == set(by)
    for supplier, rows in by.items():
        assert got[supplier].hours == pytest.approx(net(rows))
        assert got[supplier].entries == len(rows)
        assert got[supplier].resources == len({r.resource_id for r in rows})


@pytest.mark.parametrize("contract", ["8446", "7873"])
def test_contract_details_supplier(generated: Dataset, recs: list[Span], contract: str) -> None:
    rows = [r for r in recs if r.supplier == contract]
    d = q.contract_details(generated, contract, OCTOBER)
    in_period = within(rows, OCTOBER)
    assert d.net_hours == pytest.approx(net(in_period))
    assert d.gross_hours == pytest.approx(sum(r.gross or 0 for r in in_period))
    assert d.entries == len(in_period)
    assert d.resources == len({r.resource_id for r in in_period})
    assert d.open_spans == sum(r.end is None for r in in_period)
    assert set(d.technologies) == {r.technology for r in in_period if r.technology}


def test_contract_details_client(generated: Dataset, recs: list[Span]) -> None:
    client = sorted({r.client for r in recs})[0]
    rows = [r for r in recs if r.client == client]
    d = q.contract_details(generated, client)
    assert d.net_hours == pytest.approx(net(rows))
    assert d.related_contracts == sorted({r.supplier for r in rows})


def test_contract_resources_and_ranking(generated: Dataset, recs: list[Span]) -> None:
    hours: dict[str, float] = defaultdict(float)
    for r in recs:
        if r.supplier == "8446":
            hours[r.resource_id] += r.net or 0
    expected = sorted(hours.items(), key=lambda kv: -kv[1])
    got = q.contract_resources(generated, "8446")
    assert len(got) == len(expected)
    assert [g.hours for g in got] == pytest.approx([h for _, h in expected])
    top = q.ranking(generated, top=3, technology="JAVA", period=OCTOBER)
    java: dict[str, float] = defaultdict(float)
    for r in within(recs, OCTOBER):
        if r.technology == "JAVA":
            java[r.resource_id] += r.net or 0
    assert [t.resource.id for t in top] == [k for k, _ in sorted(java.items(), key=lambda kv: -kv[1])[:3]]


def test_resource_queries(generated: Dataset, recs: list[Span]) -> None:
    person = a_resource(recs)
    mine = [r for r in recs if r.resource_id == person.resource_id]
    total = q.total_hours(generated, resource=person.resource_id, period=OCTOBER)
    assert total.net_hours == pytest.approx(net(within(mine, OCTOBER)))
    days = q.resource_days(generated, person.resource_id, OCTOBER).days
    assert [d.day for d in days] == sorted({r.day for r in within(mine, OCTOBER)})
    for d in days:
        assert d.net_hours == pytest.approx(net([r for r in mine if r.day == d.day]))
    contracts = q.resource_contracts(generated, person.resource_id)
    assert {c.contract for c in contracts.contracts} == {r.supplier for r in mine}
    e = q.expected_vs_worked(generated, person.resource_id, OCTOBER)
    assert e.working_days == len(working(OCTOBER))
    assert e.expected_hours == 8 * len(working(OCTOBER))
    assert e.worked_hours == pytest.approx(net(within(mine, OCTOBER)))
    average = q.average_span(generated, resource=person.resource_id)
    assert average.average_hours == pytest.approx(statistics.mean(r.gross for r in mine if r.gross is not None))


def test_working_days_in_november(generated: Dataset) -> None:
    november = Period(date(2026, 11, 1), date(2026, 11, 30))
    assert q.working_days_in(generated, november).count == len(working(november))


@pytest.mark.parametrize("contract", [None, "8446"])
def test_missing_days(generated: Dataset, recs: list[Span], contract: str | None) -> None:
    # expected to record time: an entry (in the contract) in October or in the 30 days before it
    lookback = Period(OCTOBER.start - timedelta(days=30), OCTOBER.end)
    active = {r.resource_id for r in within(recs, lookback) if contract is None or r.supplier == contract}
    worked = {(r.resource_id, r.day) for r in within(recs, OCTOBER)}
    expected = {}
    for rid in active:
        missing = [d for d in working(OCTOBER) if (rid, d) not in worked]
        if missing:
            expected[rid] = missing
    got = q.missing_days(generated, OCTOBER, contract)
    assert {p.resource.id: list(p.days) for p in got.people} == expected
    assert got.working_days == len(working(OCTOBER))


def test_missing_days_do_not_count_days_after_the_data(generated: Dataset, recs: list[Span]) -> None:
    november = Period(date(2026, 11, 1), date(2026, 11, 30))
    got = q.missing_days(generated, november)
    assert got.working_days == len(working(Period(november.start, GENERATED_END)))
    assert all(d <= GENERATED_END for p in got.people for d in p.days)


def test_period_summary_and_week(generated: Dataset, recs: list[Span]) -> None:
    rows = within(recs, OCTOBER)
    s = q.period_summary(generated, OCTOBER)
    assert s.net_hours == pytest.approx(net(rows))
    assert (s.entries, s.resources, s.open_spans, s.unvalidated) == (
        len(rows),
        len({r.resource_id for r in rows}),
        sum(r.end is None for r in rows),
        sum(not r.validated for r in rows),
    )
    w = q.week_comparison(generated, GENERATED_END)  # a Wednesday
    this = within(recs, Period(date(2026, 11, 23), GENERATED_END))
    last = within(recs, Period(date(2026, 11, 16), date(2026, 11, 18)))
    assert (w.this_week.net_hours, w.last_week.net_hours) == (pytest.approx(net(this)), pytest.approx(net(last)))


def test_outliers_robust_rule(generated: Dataset, recs: list[Span]) -> None:
    spans = [r.gross for r in recs if r.gross is not None]
    median = statistics.median(spans)
    mad = statistics.median(abs(s - median) for s in spans)
    threshold = median + 3.5 * mad / 0.6745
    o = q.outliers(generated)
    assert o.threshold_hours == pytest.approx(threshold)
    assert sorted(s.hours for s in o.spans) == pytest.approx(sorted(s for s in spans if s > threshold))
    assert o.spans, "the generator plants a few very long spans"


def test_open_unvalidated_weekend_days_above_people(generated: Dataset, recs: list[Span]) -> None:
    assert q.open_spans(generated).total == sum(r.end is None for r in recs)
    u = q.unvalidated(generated)
    assert u.total == sum(not r.validated for r in recs)
    per = defaultdict(int)
    for r in recs:
        if not r.validated:
            per[r.supplier] += 1
    assert {c.contract: c.unvalidated for c in u.by_contract} == per
    weekend: dict[tuple[str, date], float] = defaultdict(float)
    for r in recs:
        if r.day.weekday() >= 5:
            weekend[(r.resource_id, r.day)] += r.net or 0
    assert {(d.resource.id, d.day): d.hours for d in q.weekend_work(generated)} == pytest.approx(weekend)
    daily: dict[tuple[str, date], float] = defaultdict(float)
    for r in recs:
        daily[(r.resource_id, r.day)] += r.net or 0
    above = {k: v for k, v in daily.items() if v > 10}
    assert {(d.resource.id, d.day): d.hours for d in q.days_above(generated, 10)} == pytest.approx(above)
    java = {r.resource_id for r in recs if r.technology == "JAVA"}
    assert {p.resource.id for p in q.people_by(generated, technology="java")} == java
