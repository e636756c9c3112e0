"""Shapes batches DN and DO showed: one person named by role ("o scrum master do 8418", "a arquiteta do 8033",
then "a de python"), a first name narrowed by contract ("o hugo do 8121", "o outro caio do 8033"), "volta pro
primeiro" after two people, "quais os 3 do 7950 que mais…", "volta pra setembro, top 5", the same question in
gross hours, a contract said in pairs of words, a share of someone's own total, "eles" after who has a role, and
"deles" with no one named before.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import ask, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_periods_lists import LAST_WEEK, NOVEMBER, OCTOBER, of_contract
from .test_shapes_returning import of

SEPTEMBER = (date(2026, 9, 1), date(2026, 9, 30))


def latest_roles(rows: list[Span]) -> dict[str, Span]:
    """Each person's most recent row: the role the data gives them now."""
    latest: dict[str, Span] = {}
    for r in sorted(rows, key=lambda r: r.start):
        latest[r.name] = r
    return latest


def roles_in(rows: list[Span], profile: str) -> dict[str, list[Span]]:
    """People with `profile` as their latest role, by supplier contract."""
    found: dict[str, list[Span]] = defaultdict(list)
    for r in latest_roles(rows).values():
        if r.profile == profile and "Dias" not in r.name.split():
            found[r.supplier].append(r)
    return found


def test_the_one_person_a_role_names_in_a_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contract, (one,) = next((c, p) for c, p in sorted(roles_in(rows, "SCRUM MASTER").items()) if len(p) == 1)
    (reply,) = ask(generated, f"o scrum master do {contract} trabalhou quantas horas em outubro?")
    assert one.name in reply and hours(total(rows, of(one.name, OCTOBER))) in reply
    (both,) = ask(generated, f"quem e o scrum master do {contract} e quantas horas ele lancou em outubro")
    who, how_much = both.split("\n\n")
    assert one.name in who and hours(total(rows, of(one.name, OCTOBER))) in how_much


def test_several_with_the_role_are_asked_then_told_apart(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    def apart(people: list[Span]) -> bool:
        technologies = [p.technology for p in people]
        return len(people) > 1 and all(technologies.count(t) == 1 for t in technologies)

    contract, people = next((c, p) for c, p in sorted(roles_in(rows, "ARQUITETO DE SOLUÇÕES").items()) if apart(p))
    chosen = people[0]
    asked, reply = ask(
        generated, f"a arquiteta do {contract} apontou qnto em novembro?", f"a de {plain(chosen.technology)}"
    )
    assert "Qual delas?" in asked and all(p.name in asked for p in people) and " h " not in asked
    assert chosen.name in reply and hours(total(rows, of(chosen.name, NOVEMBER))) in reply


def first_names(rows: list[Span]) -> dict[str, set[str]]:
    names: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        names[r.name.split()[0]].add(r.name)
    return names


def one_of_many_there(rows: list[Span]) -> tuple[str, str, str]:
    """A first name several people have, a contract where just one of them works now, and that person."""
    latest = latest_roles(rows)
    for first, names in sorted(first_names(rows).items()):
        by_contract: dict[str, list[str]] = defaultdict(list)
        for name in names:
            by_contract[latest[name].supplier].append(name)
        for contract, there in sorted(by_contract.items()):
            if len(names) > 1 and len(there) == 1 and "Dias" not in there[0].split():
                return first, contract, there[0]
    raise AssertionError("no such name in the data")


def test_a_first_name_narrowed_by_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first, contract, name = one_of_many_there(rows)
    asked, reply, then = ask(
        generated,
        f"qnts horas o {first.lower()} fez semana passada",
        f"o {first.lower()} do {contract}",
        "e em outubro?",
    )
    assert "Qual del" in asked
    assert name in reply and hours(total(rows, of(name, LAST_WEEK))) in reply
    assert hours(total(rows, of(name, OCTOBER))) in then


def test_the_other_one_of_a_first_name(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    latest = latest_roles(rows)
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, r in latest.items():
        pairs[(name.split()[0], r.supplier)].append(name)
    (first, contract), (one, other) = next(
        (k, sorted(v)) for k, v in sorted(pairs.items()) if len(v) == 2 and not any("Dias" in n.split() for n in v)
    )
    _, reply, both, back = ask(
        generated,
        f"horas do {plain(one)} em novembro",
        f"e o outro {first.lower()} do {contract}",
        "os dois juntos, por semana",
        "volta pro primeiro: quantos dias de novembro ele trabalhou",
    )
    assert other in reply and hours(total(rows, of(other, NOVEMBER))) in reply
    assert one in both and other in both
    days = len({r.day for r in rows if of(one, NOVEMBER)(r)})  # type: ignore[operator]
    assert one in back and f"{days} dias" in back


@pytest.mark.parametrize(
    "question",
    ["quais os 3 do 8446 que mais apontaram em outubro", "os 3 do contrato 8446 que mais apontaram em outubro"],
)
def test_the_top_three_of_a_contract_said_as_a_count(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    totals: dict[str, float] = defaultdict(float)
    for r in rows:
        if of_contract(OCTOBER)(r):
            totals[r.name] += r.net or 0
    top = sorted(totals, key=lambda n: -totals[n])[:3]
    (reply,) = ask(generated, question)
    assert all(f"{name}: {hours(totals[name])}" in reply for name in top)
    assert sum(line[:2].strip(". ").isdigit() for line in reply.splitlines()) == 3


def test_back_to_a_month_keeps_the_ranking_of_contracts(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    totals: dict[str, float] = defaultdict(float)
    for r in rows:
        if SEPTEMBER[0] <= r.day <= SEPTEMBER[1]:
            totals[r.supplier] += r.net or 0
    top = sorted(totals, key=lambda c: -totals[c])[:5]
    *_, reply = ask(
        generated, "qual contrato tem mais gente apontando em outubro", "volta pra setembro, top 5 por horas"
    )
    assert all(f"{contract}: {hours(totals[contract])}" in reply for contract in top)


@pytest.mark.parametrize("then", ["e considerando horas brutas", "e em horas brutas?", "e se for bruto"])
def test_the_same_days_above_in_gross_hours(generated: Dataset, rows: list[Span], then: str) -> None:  # noqa: F811
    days: dict[tuple[str, date], float] = defaultdict(float)
    for r in rows:
        if of_contract(OCTOBER)(r):
            days[(r.name, r.day)] += r.gross or 0
    above = [k for k, v in days.items() if v > 8]
    _, reply = ask(generated, "quantos passaram de 8h em algum dia em outubro no 8446", then)
    assert f"{len({n for n, _ in above})} recursos" in reply and f"({len(above)} dias no total)" in reply
    assert "brutas" in reply


def test_a_contract_said_in_pairs_of_words(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "qnts horas o contrato oitenta e quatro quarenta e seis teve em outubro")
    assert hours(total(rows, of_contract(OCTOBER))) in reply


def test_a_share_of_someones_own_total(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = next(
        (r.name, r.supplier) for r in rows if r.activity and "review" in plain(r.activity) and "Dias" not in r.name
    )
    first = plain(name.split()[0])
    _, reply = ask(
        generated,
        f"{plain(name)} do {contract} quanto de code review ele fez em outubro",
        "isso e qnts % do total dele no mes?",
    )
    mine = [r for r in rows if r.name == name and OCTOBER[0] <= r.day <= OCTOBER[1]]
    part = sum(r.net or 0 for r in mine if r.activity and "review" in plain(r.activity))
    assert f"{hours(part)} de {hours(sum(r.net or 0 for r in mine))}" in reply, first


def test_they_after_who_has_a_role(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    latest = latest_roles(rows)
    september = {r.name for r in rows if SEPTEMBER[0] <= r.day <= SEPTEMBER[1]}
    people = {n for n, r in latest.items() if "SÊNIOR" in (r.level or "") and n in september}
    counted, summed = ask(generated, "qnts seniors apontaram em setembro", "e qnto de hora eles fizeram em setembro")
    assert f"{len(people)} recursos" in counted
    assert hours(total(rows, lambda r: r.name in people and SEPTEMBER[0] <= r.day <= SEPTEMBER[1])) in summed
    _, narrowed = ask(generated, "qnts seniors apontaram em setembro", "e quantos deles sao de java?")
    java = {n for n in people if latest[n].technology == "JAVA"}
    assert f"{len(java)} recurso" in narrowed


def test_them_with_no_one_named_before_is_asked(generated: Dataset) -> None:
    (reply,) = ask(generated, "quem foram os que mais apontaram deles")
    assert "De quem você está falando?" in reply and " h" not in reply


@pytest.mark.parametrize(
    ("question", "then"),
    [
        ("media de horas por pessoa no 8446 em outubro", "e quem ta acima de todo mundo? top 3"),
        ("horas do 8446 sem passada", None),
    ],
)
def test_shorthand_keeps_the_subject(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
    then: str | None,
) -> None:
    replies = ask(generated, question, *([then] if then else []))
    if then is None:
        assert hours(total(rows, of_contract(LAST_WEEK))) in replies[0]
    else:
        assert "8446" in replies[-1] and "todos os recursos" not in replies[-1]
