"""Shapes batches DX and DY showed: a figure somebody else gave, to check ("o rh disse q eu fiz 150h em outubro,
confere?") is the question behind it, never a filter; "quantos apontaram" counts people; a follow-up that moves a
role count to another contract keeps the role; a rank after a first day ranks hours; "no total" after an average
sums; an e-mail pasted in; Portuguese from Portugal; the top activities leave out entries without one.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

import re

import pytest

from apontamentos.dataset import Dataset
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import ask, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_gestor import ask as ask_as
from .test_shapes_periods_lists import LAST_WEEK, NOVEMBER, OCTOBER, THIS_WEEK, of_contract, one_contract_person
from .test_shapes_returning import of


@pytest.mark.parametrize(
    "claim",
    [
        "a minha gestora falou que eu fiz so 120h em outubro, procede?",
        "o rh me disse que eu tinha umas 200 horas em outubro, ta certo?",
        "disseram q eu fiz mais de 150h em outubro, é verdade?",
    ],
)
def test_my_hours_somebody_claimed(generated: Dataset, rows: list[Span], claim: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, claim, user=name)
    assert reply.startswith("Conferi") and hours(total(rows, of(name, OCTOBER))) in reply


@pytest.mark.parametrize(
    "claim",
    [
        "o financeiro falou que o 8446 teve 5 mil horas em outubro, bate?",
        "o cliente acha que o 8446 fez quase 7000h em outubro, confere?",
    ],
)
def test_a_contract_total_somebody_claimed(generated: Dataset, rows: list[Span], claim: str) -> None:  # noqa: F811
    (reply,) = ask(generated, claim)
    assert hours(total(rows, of_contract(OCTOBER))) in reply
    assert not re.search(r"\bacima de|\bmais de|\b5\.000|\b7\.000", reply)  # the claimed figure is no bound


def test_a_claim_about_the_one_who_said_it(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, f"a {plain(name)} disse que fez 40h semana passada, confere?")
    assert hours(total(rows, of(name, LAST_WEEK))) in reply


def test_a_claim_about_the_most_shows_the_first_three(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "meu chefe acha que o 8447 foi o contrato com mais horas em outubro, confirma?")
    top3 = sorted({r.supplier for r in rows}, key=lambda c: -total(rows, of_contract(OCTOBER, c)))[:3]
    assert all(f"{c}: {hours(total(rows, of_contract(OCTOBER, c)))}" in reply for c in top3)


def test_missing_days_somebody_claimed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "meu gestor falou que eu faltei 2 dias esse mes, é isso mesmo?", user=name)
    assert "sem apontar" in reply and "01/11/2026" in reply


@pytest.mark.parametrize("remark", ["? o financeiro falou 6 mil", ", preciso fechar em 7000h"])
def test_a_figure_said_after_the_question(generated: Dataset, rows: list[Span], remark: str) -> None:  # noqa: F811
    (reply,) = ask(generated, f"qnts horas o 8446 fez em outubro{remark}")
    assert hours(total(rows, of_contract(OCTOBER))) in reply


@pytest.mark.parametrize(
    "asked", ["e quantos apontaram no 8446 essa semana", "quantos trabalharam no 8446 essa semana"]
)
def test_how_many_did_is_people(generated: Dataset, rows: list[Span], asked: str) -> None:  # noqa: F811
    replies = ask(generated, "alguem do 8446 parou de apontar essa semana?", asked)
    people = {r.name for r in rows if of_contract(THIS_WEEK)(r)}
    assert f"{len(people)} recursos" in replies[-1]


def test_a_role_count_in_another_contract(generated: Dataset) -> None:
    gestor = Scope("gestor", contracts=("8446", "8447"))
    first, other = ask_as(generated, gestor, "qnts analistas de testes do 8446 apontaram em novembro", "e no 8447")
    assert "analista de testes" in first.text and "analista de testes no contrato 8447" in other.text


def test_the_day_i_worked_most_after_my_first_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, "quando foi meu primeiro apontamento?", "e qual foi o dia q eu mais trabalhei", user=name)
    days: dict[object, float] = {}
    for r in rows:
        if r.name == name:
            days[r.day] = days.get(r.day, 0.0) + total([r], lambda _: True)
    best = max(days, key=days.__getitem__)
    assert f"{best:%d/%m/%Y}" in reply and hours(days[best]) in reply


def test_the_total_after_an_average(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(
        generated,
        "quantas horas o pessoal do 8446 faz em media por dia nas sextas",
        "e o total de horas nas sextas de novembro",
    )
    fridays = total(rows, lambda r: of_contract(NOVEMBER)(r) and r.day.weekday() == 4)
    assert hours(fridays) in reply and "Média" not in reply


def test_an_email_pasted_in(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    email = (
        "Prezados, boa tarde.\n\nConforme combinado na call de ontem, solicito o total de horas apontadas no "
        "contrato 8446 durante o mês de outubro.\n\nDesde já agradeço.\n\nAtenciosamente,\nFulana\nPMO"
    )
    (reply,) = ask(generated, email)
    assert hours(total(rows, of_contract(OCTOBER))) in reply and "24/11/2026" not in reply


def test_portuguese_from_portugal(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    hours_said, entries = ask(generated, "Quantas horas registei no mês passado?", "E quantos registos fiz?", user=name)
    assert hours(total(rows, of(name, OCTOBER))) in hours_said
    assert f"{sum(1 for r in rows if of(name, OCTOBER)(r))} apontamentos" in entries


def test_the_top_activities_leave_out_entries_without_one(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "quais as 3 atividades com mais horas no 8446 em outubro")
    assert "sem descrição" not in reply and reply.count("\n- ") == 3
