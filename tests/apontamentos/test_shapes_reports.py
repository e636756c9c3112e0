"""Shapes batches EN and EO showed: a monthly report in one long conversation. Two contracts named in the reason
("to montando o report do 7873 e do 8446, qual dos dois…"), "nos dois" from a gestor of two contracts, "nesse
contrato" after two asked one by one, a correction ("ops, falei setembro mas é outubro", "esse último eu queria do
8446 na verdade"), "e por horas" after activities counted, "quem ficou abaixo de todos", "e fim de semana, quantos
dias?" after someone's holidays, "a segunda quinzena até hj", "as atividades dele, com %", "tem coisa pra
validar?", a greeting typed long ("oii") and a request closing the message ("… pfv").

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from datetime import date

import pytest

from apontamentos.dataset import Dataset
from apontamentos.engine import answer
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import TODAY, ask, by, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_periods_lists import NOVEMBER, OCTOBER, SEPTEMBER, of_contract, one_contract_person
from .test_shapes_returning import of


def as_gestor(db: Dataset, contracts: tuple[str, ...], *questions: str) -> list[str]:
    scope = Scope("gestor", contracts=frozenset(contracts))
    context: dict = {}
    replies = []
    for question in questions:
        reply = answer(db, question, context, TODAY, user="Gestora Sem Apontamentos", scope=scope)
        context, replies = reply.context, [*replies, reply.text]
    return replies


def pending(rows: list[Span], keep: object) -> int:
    return sum(1 for r in rows if keep(r) and not r.validated)  # type: ignore[operator]


@pytest.mark.parametrize(
    "question",
    [
        "to montando o report mensal do 7873 e do 8446, qual dos dois teve mais horas em outubro?",
        "preciso fechar o relatorio do 7873 e do 8446: qual dos dois fez mais horas em outubro?",
    ],
)
def test_both_contracts_of_the_reason_are_compared(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    (reply,) = ask(generated, question)
    for contract in ("7873", "8446"):
        assert f"{contract}: {hours(total(rows, of_contract(OCTOBER, contract)))}" in reply


def test_nos_dois_from_a_gestor_of_two_is_both_of_his(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = as_gestor(generated, ("7873", "8446"), "qnts apontamentos sem validacao nos dois em outubro")
    for contract in ("7873", "8446"):
        assert f"{contract}: {pending(rows, of_contract(OCTOBER, contract))} apontamentos" in reply


def test_this_contract_after_two_asked_one_by_one_is_the_last(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(
        generated, "horas do 7873 em outubro", "e do 8446?", "qnts apontamentos pendentes nesse contrato em outubro"
    )
    assert f"{pending(rows, of_contract(OCTOBER))} apontamentos" in reply and "8446" in reply


@pytest.mark.parametrize(
    ("correction", "span", "contract"),
    [
        ("ops, falei setembro mas é outubro", OCTOBER, "7873"),
        ("desculpa, esse ultimo eu queria do 8446 na verdade", SEPTEMBER, "8446"),
    ],
)
def test_a_correction_of_the_last_question(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    correction: str,
    span: tuple[date, date],
    contract: str,
) -> None:
    # the asker is not in the data: "eu queria" is who asks, not whose entries
    _, reply = ask(generated, "horas do 7873 em setembro", correction, user="Marcelo Tavares Pinheiro")
    assert hours(total(rows, of_contract(span, contract))) in reply


def test_by_hours_after_activities_counted(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(
        generated, "quais atividades mais aparecem no 8446 em outubro, por qtd de lancamentos", "e por horas"
    )
    split = by(rows, lambda r: " ".join(plain(r.activity).split()), of_contract(OCTOBER))
    top = max((a for a in split if a), key=lambda a: split[a])
    assert f": {hours(split[top])}" in reply and "por atividade" in reply


@pytest.mark.parametrize(
    ("said", "last"), [("quem ficou abaixo de todos", True), ("e quem ficou acima de todos?", False)]
)
def test_below_or_above_everyone_is_an_end_of_the_ranking(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    said: str,
    last: bool,
) -> None:
    _, reply = ask(generated, "horas do 8446 em outubro", said)
    split = by(rows, lambda r: r.name, of_contract(OCTOBER))
    end = (min if last else max)(split, key=lambda n: split[n])
    assert f"{end}: {hours(split[end])}" in reply.splitlines()[1]


def test_weekend_days_after_someones_holidays_are_hers(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, f"a {plain(name)} trabalhou em algum feriado?", "e fim de semana, quantos dias?")
    days = {r.day for r in rows if r.name == name and r.day.isoweekday() >= 6}
    assert name in reply and f"{len(days)} dia" in reply


def test_the_second_fortnight_until_today(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "horas do 8446 na primeira quinzena de novembro", "e da segunda quinzena ate hj")
    assert hours(total(rows, of_contract((date(2026, 11, 16), NOVEMBER[1])))) in reply


def test_his_activities_with_percent(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, f"horas da {plain(name)} em outubro", "e as atividades dela no mesmo mes, com %")
    split = by(rows, lambda r: " ".join(plain(r.activity).split()), of(name, OCTOBER))
    top = max((a for a in split if a), key=lambda a: split[a])
    share = f"{100 * split[top] / sum(split.values()):.1f}%".replace(".", ",")
    assert f"{hours(split[top])} ({share})" in reply


def test_anything_left_to_validate_is_pending_entries(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = as_gestor(generated, ("8446",), "ainda tem coisa pra validar em outubro?")
    assert f"{pending(rows, of_contract(OCTOBER))} apontamentos" in reply and "não consigo" not in reply


def test_a_long_greeting_and_a_closing_request(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (greeted,) = ask(generated, "oii quantas horas eu fiz em outubro", user=name)
    assert hours(total(rows, of(name, OCTOBER))) in greeted
    _, side_by_side = ask(generated, "horas do 8446 em setembro", "e setembro x outubro lado a lado pfv")
    assert all(hours(total(rows, of_contract(span))) in side_by_side for span in (SEPTEMBER, OCTOBER))


def test_how_many_worked_on_the_weekend_is_still_everyone(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    # a guard: "quantos" about people after someone's holidays asks about everyone, not her
    name, _ = one_contract_person(rows)
    weekend = (date(2026, 11, 21), date(2026, 11, 22))
    _, reply = ask(generated, f"a {plain(name)} trabalhou em algum feriado?", "e quantos trabalharam no fds passado?")
    worked = {r.name for r in rows if weekend[0] <= r.day <= weekend[1]}
    assert f"{len(worked)} recursos" in reply


@pytest.mark.parametrize("then", ["top 5 pfv", "me da o top 5"])
def test_a_bare_top_after_how_many_people_ranks_them(generated: Dataset, rows: list[Span], then: str) -> None:  # noqa: F811
    *_, reply = ask(generated, "qnts horas o 8446 teve em outubro", "e quantas pessoas apontaram nele", then)
    split = by(rows, lambda r: r.name, of_contract(OCTOBER))
    fifth = sorted(split, key=lambda n: -split[n])[4]
    assert f"5. {fifth}: {hours(split[fifth])}" in reply
