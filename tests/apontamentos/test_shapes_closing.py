"""Shapes batches DL and DM showed: a refused question's subject and period kept for what follows ("quanto vou
receber esse mês…", then "só as horas, então"), the person a reason names ("preciso fechar o mês da X, … ela …"),
"quanto apontei no 8447", the answer to "Qual delas?", "set x out x nov", a contract's share after the ranking,
"no mesmo período", "em cada um" and "os dois lado a lado" after two periods, names listed with commas, "desde
segunda da semana passada", and "o gestor reclamou" after the question.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from apontamentos.dataset import Dataset
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import ask, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_gestor import ask as ask_as
from .test_shapes_billing import someone_with_open_entries
from .test_shapes_periods_lists import NOVEMBER, OCTOBER, of_contract, one_contract_person
from .test_shapes_returning import of

SEPTEMBER = (date(2026, 9, 1), date(2026, 9, 30))


def resource_of(rows: list[Span], name: str) -> str:
    return next(r.resource_id for r in rows if r.name == name)


def unique_first_name(rows: list[Span]) -> str:
    """Someone whose first name no one else has, and whose surnames are not words ("Dias")."""
    firsts: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        firsts[r.name.split()[0]].add(r.name)
    return sorted(next(iter(n)) for n in firsts.values() if len(n) == 1 and "Dias" not in next(iter(n)).split())[0]


@pytest.mark.parametrize(
    ("refused", "then"),
    [
        ("quanto vou receber esse mes com as horas q fiz", "ok entao so as horas msm"),
        ("qual o valor da minha hora em novembro?", "entao so as horas mesmo"),
    ],
)
def test_a_refused_question_keeps_its_subject_and_period(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    refused: str,
    then: str,
) -> None:
    name, _ = one_contract_person(rows)
    first, reply = ask_as(generated, Scope("colaborador", resource_id=resource_of(rows, name)), refused, then)
    assert "Salários" in first.text
    assert hours(total(rows, of(name, NOVEMBER))) in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "preciso fechar o mes da {first}, qnts horas ela tem em novembro",
        "preciso conferir o fechamento do {first}, qnts horas ele tem em novembro",
    ],
)
def test_the_person_a_reason_names(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name = unique_first_name(rows)
    (reply,) = ask(generated, question.format(first=name.split()[0].lower()))
    assert name in reply and hours(total(rows, of(name, NOVEMBER))) in reply


@pytest.mark.parametrize("question", ["quanto apontei no {c} esse mes", "quanto eu apontei no {c} esse mes"])
def test_my_hours_in_a_contract(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    me = Scope("colaborador", resource_id=resource_of(rows, name))
    (reply,) = ask_as(generated, me, question.format(c=contract))
    assert hours(total(rows, of(name, NOVEMBER))) in reply.text


def test_the_answer_to_which_of_them(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    names: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        names[r.name.split()[0]].add(r.name)
    first, many = next((f, sorted(n)) for f, n in sorted(names.items()) if len(n) > 2)
    chosen = next(n for n in many if sum(n.split()[1] == m.split()[1] for m in many) == 1)
    asked, reply = ask(
        generated, f"qnto a {first.lower()} apontou em outubro", f"a {plain(' '.join(chosen.split()[:2]))}"
    )
    assert "Qual delas" in asked or "Qual deles" in asked
    assert chosen in reply and hours(total(rows, of(chosen, OCTOBER))) in reply


def test_three_months_with_x_are_a_table_by_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, f"{plain(name)} set x out x nov")
    for span in (SEPTEMBER, OCTOBER, NOVEMBER):
        assert hours(total(rows, of(name, span))) in reply


def test_a_contracts_share_after_the_ranking_keeps_its_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "ranking dos contratos por hora em outubro top 5", "qnto % do total foi o 8446")
    part, whole = total(rows, of_contract(OCTOBER)), total(rows, lambda r: OCTOBER[0] <= r.day <= OCTOBER[1])
    assert f"{hours(part)} de {hours(whole)}" in reply


def test_the_same_period_only_is_one_figure(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "horas por semana do 8446 em outubro", "media por pessoa no mesmo periodo")
    people = {r.name for r in rows if of_contract(OCTOBER)(r)}
    assert f"média de {hours(total(rows, of_contract(OCTOBER)) / len(people))} por recurso" in reply


def test_each_of_two_periods_side_by_side(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "horas do 8446 out x nov", "qnta gente apontou em cada um")
    for span in (OCTOBER, NOVEMBER):
        assert f"{len({r.name for r in rows if of_contract(span)(r)})} recursos" in reply
    assert " h" not in reply.replace("hoje", "")


@pytest.mark.parametrize(
    "both", ["me mostra os dois lado a lado pra eu ver a diferenca", "compara os dois", "diferença entre os dois?"]
)
def test_the_two_periods_asked_in_turn_side_by_side(generated: Dataset, rows: list[Span], both: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    *_, reply = ask(generated, f"quantas horas a {plain(name)} fez em outubro", "e em novembro?", both)
    assert hours(total(rows, of(name, OCTOBER))) in reply and hours(total(rows, of(name, NOVEMBER))) in reply
    assert "lado a lado" in reply


def test_full_names_listed_with_commas(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    names = sorted({r.name for r in rows if r.supplier == "8447" and "Dias" not in r.name.split()})[:3]
    listed = f"{plain(names[0])}, {plain(names[1])} e {plain(names[2])}"
    for question in (f"{listed}: qm fez mais hora em out?", f"dos 3 do 8447 ({listed}) qm fez mais hora em out?"):
        (reply,) = ask(generated, question)
        lines = [line for line in reply.splitlines() if line.startswith("- ")]
        assert len(lines) == 3
        for name in names:
            assert f"{name}: {hours(total(rows, of(name, OCTOBER)))}" in reply


@pytest.mark.parametrize(
    "question",
    ["horas do 8446 desde segunda da semana passada", "horas do 8446 desde a segunda passada"],
)
def test_since_a_weekday_of_last_week(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    (reply,) = ask(generated, question)
    assert hours(total(rows, of_contract((date(2026, 11, 16), NOVEMBER[1])))) in reply


@pytest.mark.parametrize(
    "question",
    [
        "tenho algum apontamento sem saida? o gestor reclamou",
        "kkk brinks. tenho apontamento sem saida?",
    ],
)
def test_who_complained_is_not_the_subject(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    me, count = someone_with_open_entries(rows)
    (reply,) = ask_as(generated, Scope("colaborador", resource_id=me), question)
    assert f"{count} apontamento" in reply.text and "outras pessoas" not in reply.text
