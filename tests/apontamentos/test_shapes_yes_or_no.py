"""Shapes batches EP and EQ showed: a yes or no about a figure ("já passei das 160h esse mês?", "o 7950 fechou
outubro acima de 2000h?", "o caio já bateu 8h hoje?"), answered with the total and which side of the figure it
is on; "entrou q horas hj?" after someone's figure; a day-by-day list in gross hours; "no final de outubro" (which
days?) asked back, never read as the whole month; a question about "disso"/"ali" after one left unanswered;
"horas esperadas x realizadas do contrato"; "e somando tudo" after one holiday; "ontem no geral"; "e o que mais
teve hora" after contracts ranked by people; a dictated reason before "me vê qnt de horas…".

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from datetime import date

import pytest

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import FIGURE, ask, by, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_periods_lists import NOVEMBER, OCTOBER, SEPTEMBER, of_contract, one_contract_person
from .test_shapes_returning import of

TODAY_ONLY = (NOVEMBER[1], NOVEMBER[1])
YESTERDAY = (date(2026, 11, 24), date(2026, 11, 24))


@pytest.mark.parametrize(
    ("question", "span", "limit"),
    [
        ("já passei das 100h esse mes?", NOVEMBER, 100.0),
        ("bom dia! ja passei das 300h esse mes?", NOVEMBER, 300.0),
        ("eu bati as 40h semana passada?", (date(2026, 11, 16), date(2026, 11, 22)), 40.0),
    ],
)
def test_a_yes_or_no_about_my_total(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
    span: tuple[date, date],
    limit: float,
) -> None:
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, question, user=name)
    done = total(rows, of(name, span))
    assert hours(done) in reply
    assert reply.splitlines()[-1].startswith("Sim" if done > limit else "Não")


@pytest.mark.parametrize(
    ("question", "limit"),
    [("o 8446 fechou outubro acima de 2000h?", 2000.0), ("o 8446 passou de 9000 horas em outubro?", 9000.0)],
)
def test_a_yes_or_no_about_a_contracts_total(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
    limit: float,
) -> None:
    (reply,) = ask(generated, question)
    done = total(rows, of_contract(OCTOBER))
    assert hours(done) in reply
    side = f"Sim: passou de {hours(limit)}" if done > limit else f"Não: ficou abaixo de {hours(limit)}"
    assert side.replace(".", "") in reply.replace(".", "")


def test_who_passed_a_figure_is_still_a_list(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    # a guard: "quem passou de 10h" and "dias em que … passou de" name people and days, not one total
    (reply,) = ask(generated, "quem passou de 10h ontem?")
    assert "Sim:" not in reply and "Não:" not in reply


def test_clock_times_after_someones_figure_are_hers(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = next(r.name for r in rows if r.day == YESTERDAY[0])
    first = min((r for r in rows if of(name, YESTERDAY)(r)), key=lambda r: r.start)
    _, reply = ask(generated, f"quanto a {plain(name)} fez ontem", "entrou q horas?")
    assert f"{first.start:%H:%M}–" in reply


def test_day_by_day_in_gross_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "minhas horas brutas de setembro, pode ser dia a dia?", user=name)
    kept = [r for r in rows if of(name, SEPTEMBER)(r)]
    first = min(r.day for r in kept)
    assert hours(total(kept, lambda _: True, basis="gross")) in reply and "brutas" in reply
    line = next(line for line in reply.splitlines() if f"{first:%d/%m/%Y}:" in line)
    assert line.endswith(hours(total(kept, lambda r: r.day == first, basis="gross")))


@pytest.mark.parametrize(
    "question",
    [
        "quanto o 8446 apontou no final de outubro",
        "horas do 8446 no comeco de outubro",
        "quantas horas o 8446 fez no finzinho do mes?",
    ],
)
def test_the_end_of_a_month_is_asked_back(generated: Dataset, question: str) -> None:
    (reply,) = ask(generated, question)
    assert "quais dias" in reply and FIGURE.search(reply.replace("25/10 a 31/10", "")) is None


def test_that_after_an_unanswered_question_is_not_everything(generated: Dataset) -> None:
    _, reply = ask(generated, "quanto o 8446 apontou no finzinho de outubro", "e quem puxou mais ali")
    assert reply.startswith("Não sei a que pergunta") and FIGURE.search(reply) is None


def test_expected_against_done_of_a_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "horas esperadas x realizadas do 8446 em outubro")
    assert hours(total(rows, of_contract(OCTOBER))) in reply and "168,0 h" in reply


def test_every_holiday_after_one(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    holidays = {date(2026, 9, 7), date(2026, 10, 12), date(2026, 11, 2), date(2026, 11, 15), date(2026, 11, 20)}
    _, reply = ask(
        generated, "qtas pessoas trabalharam no dia 20/11", "e somando tudo, quantas vezes alguem trabalhou em feriado"
    )
    worked = {(r.name, r.day) for r in rows if r.day in holidays}
    assert f"{len(worked)} dias de trabalho em feriado" in reply


def test_yesterday_in_general_is_yesterday(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "kkk ta bom. quantas horas o pessoal apontou ontem no geral")
    assert hours(total(rows, lambda r: r.day == YESTERDAY[0])) in reply


def test_hours_after_contracts_ranked_by_people(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "qual contrato tem mais gente?", "e o que mais teve hora em setembro?")
    split = by(rows, lambda r: r.supplier, lambda r: SEPTEMBER[0] <= r.day <= SEPTEMBER[1])
    top = max(split, key=lambda c: split[c])
    assert f"{top}: {hours(split[top])}" in reply


def test_a_dictated_reason_before_the_request(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(
        generated,
        "preciso fechar o relatorio do cliente ate as 17h me ve qnt de horas de reuniao no 8446 entre 05/10 e 30/10",
    )
    span = (date(2026, 10, 5), date(2026, 10, 30))
    assert hours(total(rows, lambda r: of_contract(span)(r) and "reuni" in plain(r.activity))) in reply
