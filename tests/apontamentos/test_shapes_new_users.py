"""Shapes batches ET and EU showed: people new to the bot. What the words of an answer mean ("o que é hora
líquida?", "isso é hora líquida ou bruta?", "de onde sai esse número?", "o que vc considera longo demais?"),
answered with what they mean and no figure, the talk kept for the next question; "horas" typed alone asked back;
"o que eu consigo ver por esse bot?" from a gestor; "ah eu não aponto mesmo. e o 7874?"; "desculpa kk, quero…";
"…, se der separa tb qnts apontamentos foram"; "e sexta, quanto dá no total?" after the hours by weekday.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from datetime import date

import pytest

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import FIGURE, ask, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_periods_lists import OCTOBER, SEPTEMBER, of_contract
from .test_shapes_reports import as_gestor


@pytest.mark.parametrize(
    "question",
    [
        "o que é hora liquida? é diferente de bruta?",
        "isso é hora liquida ou bruta? nao entendi",
        "como assim horas esperadas? de onde sai esse numero",
        "o que vc considera longo demais?",
    ],
)
def test_what_a_word_means_is_explained_and_the_talk_goes_on(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
) -> None:
    _, explained, gross = ask(generated, "horas do 8446 em outubro", question, "e bruta entao, quanto deu?")
    assert "Horas líquidas: as brutas menos o almoço" in explained and FIGURE.search(explained) is None
    assert explained.count("Como eu conto as horas") == 1
    assert hours(total(rows, of_contract(OCTOBER), basis="gross")) in gross


def test_hours_typed_alone_is_asked_back(generated: Dataset) -> None:
    (reply,) = ask(generated, "horas")
    assert reply.startswith("Não sei de quem nem de quando") and FIGURE.search(reply) is None


def test_what_a_new_gestor_can_see(generated: Dataset) -> None:
    (reply,) = as_gestor(generated, ("8446",), "ola, sou gestor novo aqui, o que eu consigo ver por esse bot?")
    assert "8446" in reply and "não tem apontamentos próprios" not in reply


@pytest.mark.parametrize(
    "question",
    [
        "ah eu nao aponto mesmo. e o 7873 em outubro?",
        "ah ta eu nao aponto mesmo. me ve entao o total do 7873 em outubro",
    ],
)
def test_not_recording_said_in_passing(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    (reply,) = as_gestor(generated, ("7873", "8446"), question)
    assert hours(total(rows, of_contract(OCTOBER, "7873"))) in reply


def test_a_short_laugh_before_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "desculpa kk, quero as horas totais do contrato 8446 em setembro")
    assert hours(total(rows, of_contract(SEPTEMBER))) in reply


def test_a_second_question_asked_politely(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    span = (date(2026, 11, 12), date(2026, 11, 25))
    (reply,) = ask(
        generated,
        "queria saber quantas horas de reuniao o 8446 teve desde 12/11 ate hoje,"
        " se der separa tb qnts apontamentos foram",
    )
    kept = [r for r in rows if of_contract(span)(r) and "reuni" in plain(r.activity)]
    assert hours(total(kept, lambda _: True)) in reply and f"{len(kept)} apontamentos" in reply


def test_a_weekday_after_the_hours_by_weekday_is_that_row(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "qual dia da semana o pessoal mais aponta?", "e sexta, quanto da no total?")
    assert hours(total(rows, lambda r: r.day.isoweekday() == 5)) in reply
