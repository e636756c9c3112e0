"""Shapes batch DU showed: a remark on the figure after the question ("? achei pouco", ", uns parecem mt curtos")
and a doubt about the last answer ("tem certeza?", "mas não era mais?"), which is the last question checked again.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

import re

import pytest

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import ask, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_periods_lists import NOVEMBER, OCTOBER, of_contract, one_contract_person
from .test_shapes_returning import of


@pytest.mark.parametrize(
    "remark",
    [
        "? achei pouco",
        "?? achei meio baixo esse numero",
        ", parece mt pouco",
        "? vi umas coisas estranhas",
        ". acho que ta errado",
        "? parece q ela nao apontou uns dias",
    ],
)
def test_a_remark_on_the_figure_is_not_the_question(generated: Dataset, rows: list[Span], remark: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, f"qnts horas a {plain(name)} fez em novembro{remark}")
    assert hours(total(rows, of(name, NOVEMBER))) in reply


def test_a_remark_about_one_of_two_contracts(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "no 8446 e no 8447 quantas horas tem em outubro? um deles parece com mt pouco")
    assert hours(total(rows, of_contract(OCTOBER))) in reply
    assert hours(total(rows, of_contract(OCTOBER, "8447"))) in reply


@pytest.mark.parametrize(
    "doubt",
    ["tem certeza?", "tem ctz? parece mt", "hmm mas nao era mais q isso? confere de novo pfv", "confere isso pra mim"],
)
def test_a_doubt_checks_the_last_question_again(generated: Dataset, rows: list[Span], doubt: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    first, again, gross = ask(generated, f"qnts horas a {plain(name)} fez em novembro", doubt, "e em horas brutas?")
    figure = hours(total(rows, of(name, NOVEMBER)))
    assert figure in first and figure in again and again.startswith("Conferi")
    assert hours(total(rows, of(name, NOVEMBER), "gross")) in gross


def test_a_doubt_with_a_reason_checks_the_contract_again(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, again = ask(generated, "quantas horas o 8446 fez em outubro", "tem certeza? achei baixo pra tanta gente")
    assert hours(total(rows, of_contract(OCTOBER))) in again and again.startswith("Conferi")


def test_an_agreement_is_not_a_doubt(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "quantas horas o 8446 fez em outubro", "ta certo, obrigado")
    assert "Conferi" not in reply


def test_a_doubt_with_nothing_asked_before(generated: Dataset) -> None:
    (reply,) = ask(generated, "tem certeza?")
    assert "resposta anterior para conferir" in reply and not re.search(r"\d h\b", reply)
    _, _, reply = ask(generated, "qnts horas o zzz fez", "e em outubro?", "tem ctz?")
    assert "resposta anterior para conferir" in reply
