"""The composition registry is consistent, and the one query builder computes what plain Python computes.

Every declared measure, grouping and filter is understood (has words), queried (has SQL) and rendered
(has a label): adding one is one entry in each table, and this test names the one that is missing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from apontamentos import compose_answer, compose_sql, compose_words
from apontamentos.composition import FILTERS, GROUPS, MEASURES, Composition, from_arguments, json_schema
from apontamentos.dataset import Dataset
from apontamentos.errors import InvalidQuery
from apontamentos.language import prepare
from apontamentos.rules import Period
from apontamentos.scope import Scope, scoped

from ..expected import Span, spans
from .conftest import GENERATED_END

PERIOD = Period(date(2026, 9, 1), GENERATED_END)
# A value for each filter that the generated data holds, to query and render it.
FILTER_VALUES: dict[str, Any] = {
    "person": None,  # the first resource, chosen from the data
    "contract": "8446",
    "activity": "reuniao",
    "technology": "JAVA",
    "profile": "ANALISTA DESENVOLVEDOR",
    "level": "NÍVEL SÊNIOR",
    "weekday": 2,
    "validated": False,
}
# Words that ask for each filter the composition words read themselves (the others are read by the
# understanding's own slots: person, contract, activity, technology, profile, level).
FILTER_WORDS = {"weekday": "horas por contrato às terças", "validated": "quantos meus não foram validados"}


@pytest.fixture(scope="module")
def rows(generated_columns: dict[str, list[Any]]) -> list[Span]:
    return spans(generated_columns)


def in_period(r: Span) -> bool:
    return PERIOD.start <= r.day <= PERIOD.end


# -- the registry is one entry per slot ----------------------------------------------------------


def test_every_measure_grouping_and_filter_is_understood_queried_and_rendered() -> None:
    assert set(compose_words.MEASURE_WORDS) == set(MEASURES), "a measure without words"
    assert set(compose_words.GROUP_WORDS) == set(GROUPS), "a grouping without words"
    assert set(compose_sql.FILTERS) == set(FILTERS), "a filter without SQL"
    assert set(compose_answer.FILTER_LABELS) == set(FILTERS), "a filter without words in the first line"
    assert set(FILTER_WORDS) | {"person", "contract", "activity", "technology", "profile", "level"} == set(FILTERS)
    for name in set(MEASURES) - {"hours"}:
        assert compose_answer.NOUNS.get(name) or MEASURES[name].unit != "count", name


@pytest.mark.parametrize("measure", list(MEASURES))
def test_every_measure_has_words_that_read_it(measure: str) -> None:
    samples = {
        "hours": "horas",
        "entries": "quantos apontamentos",
        "people": "quantas pessoas",
        "days": "quantos dias com apontamento",
        "open_spans": "apontamentos sem saida",
        "avg_person": "media por pessoa",
        "avg_day": "media por dia",
        "first_day": "primeiro dia com apontamento",
        "last_day": "ate que dia",
        "idle_people": "quem parou de apontar",
    }
    read = compose_words.read(samples[measure])
    assert (read.measure or "hours") == measure


@pytest.mark.parametrize("group", list(GROUPS))
def test_every_grouping_has_words_that_read_it(group: str) -> None:
    samples = {
        "person": "horas por pessoa",
        "contract": "horas por contrato",
        "client": "horas por contrato de cliente",
        "activity": "horas por atividade",
        "day": "horas dia a dia",
        "weekday": "horas por dia da semana",
        "week": "horas por semana",
        "month": "horas mes a mes",
    }
    assert compose_words.read(samples[group]).group == group


@pytest.mark.parametrize("name", list(FILTER_WORDS))
def test_the_filters_the_composition_words_read(name: str) -> None:
    text = prepare(FILTER_WORDS[name])
    if name == "weekday":
        assert compose_words.read(text).weekday == (2,)
    else:
        assert re.search(compose_words.VALIDATED_WORDS, text)


@pytest.mark.parametrize("measure", list(MEASURES))
@pytest.mark.parametrize("group", [None, *GROUPS])
def test_every_measure_by_every_grouping_queries_and_renders(
    generated: Dataset, measure: str, group: str | None
) -> None:
    composition = Composition(measure=measure, group=group, period=PERIOD, output="table" if group else "value")  # type: ignore[arg-type]
    question = compose_answer.question_of(composition)
    reply = compose_answer.render(generated, question, GENERATED_END)
    label = MEASURES[measure].label.format(basis="líquidas")
    if group == "person":
        label = label.replace(" (por pessoa)", "")  # said once, by the grouping
    assert reply.text.startswith(label), reply.text[:80]
    if group:
        assert GROUPS[group].label in reply.text.splitlines()[0]


@pytest.mark.parametrize("name", list(FILTERS))
def test_every_filter_queries_and_renders(generated: Dataset, name: str) -> None:
    value = FILTER_VALUES[name] if name != "person" else next(iter(generated.resources))
    composition = Composition(period=PERIOD, **{name: value})
    reply = compose_answer.render(generated, compose_answer.question_of(composition), GENERATED_END)
    first = reply.text.split(":")[0]
    unfiltered = compose_answer.render(generated, compose_answer.question_of(Composition(period=PERIOD)), GENERATED_END)
    assert first != unfiltered.text.split(":")[0], "the first line names the filter"
    assert reply.text.split(":")[-1] != unfiltered.text.split(":")[-1], "the filter changes the figure"


# -- the query builder against plain Python ------------------------------------------------------


KEYS: dict[str, Callable[[Span], Any]] = {
    "person": lambda r: r.name,
    "contract": lambda r: r.supplier,
    "client": lambda r: r.client,
    "weekday": lambda r: r.day.isoweekday(),
    "week": lambda r: r.day - timedelta(days=r.day.weekday()),
    "month": lambda r: date(r.day.year, r.day.month, 1),
    "day": lambda r: r.day,
}


@pytest.mark.parametrize("group", list(KEYS))
def test_hours_by_group_match_plain_python(generated: Dataset, rows: list[Span], group: str) -> None:
    expected: dict[Any, float] = defaultdict(float)
    for r in rows:
        if in_period(r):
            expected[KEYS[group](r)] += r.net or 0
    result = compose_sql.run(generated, Composition(group=group, period=PERIOD), PERIOD)  # type: ignore[arg-type]
    got = {(generated.refs[k].name if group == "person" else k): v for k, v in result.rows}
    assert got.keys() == expected.keys()
    assert all(abs(got[k] - expected[k]) < 1e-6 for k in expected)


def test_every_measure_matches_plain_python(generated: Dataset, rows: list[Span]) -> None:
    chosen = [r for r in rows if in_period(r) and r.supplier == "8447"]
    expected = {
        "hours": sum(r.net or 0 for r in chosen),
        "entries": len(chosen),
        "people": len({r.resource_id for r in chosen}),
        "days": len({r.day for r in chosen}),
        "open_spans": sum(r.end is None for r in chosen),
        "avg_person": sum(r.net or 0 for r in chosen) / len({r.resource_id for r in chosen}),
        "avg_day": sum(r.net or 0 for r in chosen) / len({(r.resource_id, r.day) for r in chosen}),
        "first_day": min(r.day for r in chosen),
        "last_day": max(r.day for r in chosen),
        # in 8447 in the 30 days before the period, and not in it
        "idle_people": len(
            {r.resource_id for r in rows if r.supplier == "8447" and 0 < (PERIOD.start - r.day).days <= 30}
            - {r.resource_id for r in chosen}
        ),
    }
    assert set(expected) == set(MEASURES)
    for measure, value in expected.items():
        c = Composition(measure=measure, contract="8447", period=PERIOD)  # type: ignore[arg-type]
        got = compose_sql.run(generated, c, PERIOD).rows[0][1]
        assert got == pytest.approx(value), measure


def _plain_measure(measure: str, chosen: list[Span]) -> Any:
    people = {r.resource_id for r in chosen}
    values = {
        "hours": sum(r.net or 0 for r in chosen),
        "entries": len(chosen),
        "people": len(people),
        "days": len({r.day for r in chosen}),
        "open_spans": sum(r.end is None for r in chosen),
        "avg_person": sum(r.net or 0 for r in chosen) / len(people) if people else None,
        "avg_day": sum(r.net or 0 for r in chosen) / len({(r.resource_id, r.day) for r in chosen}) if chosen else None,
        "first_day": min((r.day for r in chosen), default=None),
        "last_day": max((r.day for r in chosen), default=None),
    }
    return values[measure]


@pytest.mark.parametrize(
    "first, second",
    [
        # apart (October between them is not counted), overlapping, and one with no rows of the contract
        (Period(date(2026, 9, 1), date(2026, 9, 30)), Period(date(2026, 11, 1), date(2026, 11, 25))),
        (Period(date(2026, 10, 1), date(2026, 10, 31)), Period(date(2026, 10, 15), date(2026, 11, 15))),
        (Period(date(2026, 11, 1), date(2026, 11, 25)), Period(date(2026, 8, 1), date(2026, 8, 2))),
    ],
)
@pytest.mark.parametrize("measure", [m for m in MEASURES if not MEASURES[m].lookback])
def test_two_periods_side_by_side_match_plain_python(
    generated: Dataset, rows: list[Span], measure: str, first: Period, second: Period
) -> None:
    c = Composition(measure=measure, contract="8447", output="compare", period=first, versus=second)  # type: ignore[arg-type]
    got = compose_sql.side_by_side(generated, c, first, second)
    for value, period in zip(got, (first, second), strict=True):
        chosen = [r for r in rows if r.supplier == "8447" and period.start <= r.day <= period.end]
        assert value == pytest.approx(_plain_measure(measure, chosen)), (measure, period)


@pytest.mark.parametrize("group", ["person", "contract"])
def test_the_groups_compared_are_the_only_rows(generated: Dataset, rows: list[Span], group: str) -> None:
    key = (lambda r: r.resource_id) if group == "person" else (lambda r: r.supplier)
    chosen = sorted({key(r) for r in rows if in_period(r)})[:2]
    c = Composition(group=group, among=tuple(chosen), period=PERIOD)  # type: ignore[arg-type]
    got = compose_sql.run(generated, c, PERIOD).rows
    keys = [generated.refs[k].id if group == "person" else k for k, _ in got]
    assert sorted(keys) == chosen
    for k, value in zip(keys, (v for _, v in got), strict=True):
        assert value == pytest.approx(sum(r.net or 0 for r in rows if in_period(r) and key(r) == k))


def test_bottom_n_keeps_ties_and_says_so(small: Dataset) -> None:
    # In the small data 19/11, 21/11 and 22/11/2025 hold one person each (17/11 three, 18/11 two): the day
    # with the fewest people is a three-way tie.
    period = Period(date(2025, 11, 17), date(2025, 11, 23))
    c = Composition(measure="people", group="day", period=period, limit=1, order="asc")
    result = compose_sql.run(small, c, period)
    assert [k for k, _ in result.rows] == [date(2025, 11, 19), date(2025, 11, 21), date(2025, 11, 22)]
    assert result.ties == 2
    reply = compose_answer.render(small, compose_answer.question_of(c), date(2025, 11, 23))
    assert "Empate" in reply.text


def test_a_share_is_the_part_over_the_whole(generated: Dataset, rows: list[Span]) -> None:
    chosen = [r for r in rows if in_period(r) and r.supplier == "8446"]
    part = sum(r.net or 0 for r in chosen if r.activity and "suporte" in r.activity.lower())
    whole = sum(r.net or 0 for r in chosen)
    c = Composition(contract="8446", period=PERIOD, output="share", share_of="suporte")
    result = compose_sql.run(generated, c, PERIOD)
    assert result.rows[0][1] == pytest.approx(part) and result.total == pytest.approx(whole)


def test_values_are_parameters_never_sql_text(generated: Dataset) -> None:
    c = Composition(activity="reuniao", technology="JAVA'; DROP TABLE e; --", period=PERIOD)
    query = compose_sql.build(generated, c, PERIOD)
    assert "DROP" not in query.sql and "reuniao" not in query.sql and "JAVA" not in query.sql
    assert any("DROP" in str(p) for p in query.params)
    assert compose_sql.run(generated, c, PERIOD).rows[0][1] == 0  # no such technology: nothing, no error
    with pytest.raises(InvalidQuery):
        compose_sql.build(generated, Composition(contract="8446 OR 1=1", period=PERIOD), PERIOD)


def test_a_composition_reads_only_what_the_scope_allows(generated: Dataset, rows: list[Span]) -> None:
    view = scoped(generated, Scope("gestor", contracts=("8447",)))
    result = compose_sql.run(view, Composition(group="contract", period=PERIOD), PERIOD)  # type: ignore[arg-type]
    expected = sum(r.net or 0 for r in rows if in_period(r) and r.supplier == "8447")
    assert [k for k, _ in result.rows] == ["8447"] and result.rows[0][1] == pytest.approx(expected)


# -- the LLM tool's schema is the composition ----------------------------------------------------


def test_the_json_schema_names_every_slot_and_reads_back() -> None:
    schema = json_schema()
    assert schema["properties"]["measure"]["enum"] == list(MEASURES)
    assert schema["properties"]["group"]["enum"] == list(GROUPS)
    c = from_arguments(
        {"measure": "hours", "group": "month", "contract": "8446", "start": "2026-09-01", "end": "2026-11-25"}
    )
    assert c == Composition(group="month", contract="8446", period=PERIOD)
    for bad in ({"measure": "salary"}, {"group": "city"}, {"start": "2026-09-01"}, {"limit": 0}, {"scope": "admin"}):
        with pytest.raises(ValueError):
            from_arguments({"measure": "hours", **bad})
