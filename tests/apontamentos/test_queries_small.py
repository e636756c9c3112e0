"""Every query on a dataset small enough to check by hand (figures worked out in conftest.SMALL_ROWS)."""

from datetime import UTC, date, datetime

import pytest

from apontamentos import queries as q
from apontamentos.dataset import Dataset
from apontamentos.errors import InvalidQuery
from apontamentos.rules import Period, today_in

WEEK = Period(date(2025, 11, 17), date(2025, 11, 23))


def test_contracts(small: Dataset) -> None:
    contracts = {c.contract: c for c in q.list_contracts(small)}
    assert contracts["8447"].hours == pytest.approx(30.0)
    assert contracts["8446"].hours == pytest.approx(29.5)
    assert (contracts["8446"].entries, contracts["8446"].resources) == (6, 2)
    assert [c.contract for c in q.list_contracts(small)] == ["8447", "8446"]


def test_contract_details_supplier_and_client(small: Dataset) -> None:
    d = q.contract_details(small, "8446")
    assert (d.gross_hours, d.net_hours, d.entries, d.resources, d.open_spans) == (31.5, 29.5, 6, 2, 1)
    assert d.technologies == ["AZURE", "JAVA"]
    assert d.related_contracts == ["E0000001"]
    assert (d.first_day, d.last_day) == (date(2025, 11, 17), date(2025, 11, 22))
    client = q.contract_details(small, "e0000002")
    assert (client.contract.kind, client.gross_hours, client.net_hours, client.resources) == ("cliente", 33, 30, 2)


def test_unknown_and_malformed_contracts(small: Dataset) -> None:
    with pytest.raises(q.UnknownContract):
        q.contract_details(small, "9999")
    with pytest.raises(InvalidQuery):
        q.contract_details(small, "'; DROP TABLE e; --")


def test_contract_resources_ranked(small: Dataset) -> None:
    people = q.contract_resources(small, "8446")
    assert [(p.resource.name, p.hours) for p in people] == [("Ana Maria Souza", 16.5), ("Ana Paula Lima", 13.0)]


def test_resource_contracts(small: Dataset) -> None:
    r = q.resource_contracts(small, "Ana Maria")
    assert [(c.contract, c.hours) for c in r.contracts] == [("8446", 16.5), ("8447", 7.0)]


def test_total_hours_scopes(small: Dataset) -> None:
    everyone = q.total_hours(small)
    assert (everyone.gross_hours, everyone.net_hours, everyone.entries, everyone.resources) == (64.5, 59.5, 10, 3)
    joao = q.total_hours(small, resource="joao")
    assert (joao.net_hours, joao.gross_hours) == (23.0, 25.0)
    monday = q.total_hours(small, contract="8446", period=Period(date(2025, 11, 17), date(2025, 11, 17)))
    assert monday.net_hours == 17.0


def test_period_summary(small: Dataset) -> None:
    s = q.period_summary(small, WEEK)
    assert (s.net_hours, s.entries, s.resources, s.contracts, s.open_spans, s.unvalidated) == (59.5, 10, 3, 2, 1, 2)
    assert s.days_with_entries == 5


def test_resource_days_lunch_once_per_person_and_day(small: Dataset) -> None:
    days = {d.day: d for d in q.resource_days(small, "João da Silva", WEEK).days}
    tuesday = days[date(2025, 11, 18)]
    assert (tuesday.gross_hours, tuesday.lunch_hours, tuesday.net_hours, tuesday.spans) == (11.0, 1.0, 10.0, 2)
    assert tuesday.first_start == datetime(2025, 11, 18, 8, 0) and tuesday.last_end == datetime(2025, 11, 18, 20, 0)
    ana = {d.day: d for d in q.resource_days(small, "Ana Maria Souza", WEEK).days}
    assert ana[date(2025, 11, 19)].open_spans == 1 and ana[date(2025, 11, 19)].net_hours == 0


def test_working_days_skip_weekends_and_holidays(small: Dataset) -> None:
    w = q.working_days_in(small, WEEK)
    assert w.count == 4
    assert [d for d, _ in w.holidays] == [date(2025, 11, 20)]


def test_expected_vs_worked(small: Dataset) -> None:
    e = q.expected_vs_worked(small, "1", WEEK)
    assert (e.working_days, e.expected_hours, e.worked_hours, e.balance) == (4, 32.0, 23.5, -8.5)


def test_missing_days(small: Dataset) -> None:
    m = q.missing_days(small, WEEK)
    missing = {p.resource.name: list(p.days) for p in m.people}
    assert missing == {
        "Ana Paula Lima": [date(2025, 11, 18), date(2025, 11, 19), date(2025, 11, 21)],
        "João da Silva": [date(2025, 11, 19), date(2025, 11, 21)],
    }
    in_8447 = {p.resource.name for p in q.missing_days(small, WEEK, contract="8447").people}
    assert in_8447 == {"João da Silva"}  # Ana Maria is active in 8447 but apontou every working day


def test_ranking_by_technology(small: Dataset) -> None:
    assert [p.resource.name for p in q.ranking(small)] == ["Ana Maria Souza", "João da Silva", "Ana Paula Lima"]
    assert [p.resource.name for p in q.ranking(small, technology="dot net")] == ["João da Silva"]
    assert [p.resource.name for p in q.ranking(small, top=1)] == ["Ana Maria Souza"]


def test_average_span(small: Dataset) -> None:
    assert q.average_span(small).average_hours == pytest.approx(64.5 / 9)
    assert q.average_span(small, resource="Ana Paula").average_hours == pytest.approx(7.0)


def test_outliers_none_in_a_normal_week(small: Dataset) -> None:
    o = q.outliers(small)
    assert o.median_hours == 8.0 and o.spans == []


def test_open_spans_unvalidated_weekend_days_above(small: Dataset) -> None:
    o = q.open_spans(small)
    assert o.total == 1 and o.spans[0].resource.name == "Ana Maria Souza"
    u = q.unvalidated(small)
    assert u.total == 2
    assert {(c.contract, c.unvalidated, tuple(c.validators)) for c in u.by_contract} == {
        ("8446", 1, ("Gestora Alfa",)),
        ("8447", 1, ("Gestor Beta",)),
    }
    assert [(d.resource.name, d.day, d.hours) for d in q.weekend_work(small)] == [
        ("Ana Paula Lima", date(2025, 11, 22), 4.0)
    ]
    assert [(d.resource.name, d.hours) for d in q.days_above(small, 10)] == [("João da Silva", 13.0)]


def test_week_comparison(small: Dataset) -> None:
    w = q.week_comparison(small, date(2025, 11, 25))  # Tuesday of the following week
    assert w.last_week.period == Period(date(2025, 11, 17), date(2025, 11, 18))
    assert w.last_week.net_hours == 8 + 8.5 + 9 + 13 + 10
    assert w.this_week.entries == 0


def test_people_by(small: Dataset) -> None:
    assert {p.resource.name for p in q.people_by(small, technology="java")} == {"Ana Maria Souza"}
    assert {p.resource.name for p in q.people_by(small, technology="azure")} == {"Ana Paula Lima"}
    assert {p.resource.name for p in q.people_by(small, level="senior")} == {
        "Ana Maria Souza",
        "Ana Paula Lima",
        "João da Silva",
    }


def test_names_match_whole_words_without_accents(small: Dataset) -> None:
    assert q.resolve_resource(small, "JOAO").name == "João da Silva"
    assert q.resolve_resource(small, "souza ana").name == "Ana Maria Souza"
    with pytest.raises(q.AmbiguousResource) as err:
        q.resolve_resource(small, "ana")
    assert {c.name for c in err.value.candidates} == {"Ana Maria Souza", "Ana Paula Lima"}
    with pytest.raises(q.UnknownResource):
        q.resolve_resource(small, "Mari")


def test_today_follows_the_bot_time_zone() -> None:
    late_evening_in_sao_paulo = datetime(2026, 11, 26, 2, 30, tzinfo=UTC)  # 23:30 on the 25th there
    assert today_in("America/Sao_Paulo", late_evening_in_sao_paulo) == date(2026, 11, 25)
    assert today_in("UTC", late_evening_in_sao_paulo) == date(2026, 11, 26)
