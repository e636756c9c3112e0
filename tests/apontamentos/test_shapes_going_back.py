"""Shapes batches EB and EC showed: "volta na primeira pergunta" (the conversation's first question, changed),
a forecast said as "qual vai ser o total", "refaz" as a write or as the same figure again, one person picked
from the list just shown in its period, a self-introduction ("wagner aqui"), "digitei errado", "hm estranho.",
a meeting the answer is for ("pra reunião de diretoria: …"), and "outubro e não setembro".

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from datetime import date

import pytest

from apontamentos.dataset import Dataset
from apontamentos.understanding import REFUSALS

from ..expected import Span
from .test_composition_shapes import ask, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_periods_lists import NOVEMBER, OCTOBER, of_contract, one_contract_person
from .test_shapes_returning import of

SEPTEMBER = (date(2026, 9, 1), date(2026, 9, 30))


@pytest.mark.parametrize(
    "back", ["volta na primeira pergunta, mas pro mes passado", "volta naquele do inicio, o total, mas so outubro"]
)
def test_back_to_the_first_question(generated: Dataset, rows: list[Span], back: str) -> None:  # noqa: F811
    *_, reply = ask(
        generated,
        "quantas horas o 8446 fez em setembro?",
        "quem mais apontou?",
        "e quantos ficaram sem apontar?",
        "e o 8447 em novembro, quantas horas?",
        back,
    )
    assert hours(total(rows, of_contract(OCTOBER))) in reply and "8446" in reply


def test_back_to_the_first_question_as_it_was(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(generated, "quantas horas o 8446 fez em setembro?", "e o 8447?", "volta na primeira pergunta")
    assert hours(total(rows, of_contract(SEPTEMBER))) in reply


def test_back_with_nothing_asked_before_is_not_understood(generated: Dataset) -> None:
    (reply,) = ask(generated, "volta na primeira pergunta")
    assert " h " not in reply and "h líquidas" not in reply


def test_what_the_total_will_be_is_a_forecast(generated: Dataset) -> None:
    _, reply = ask(generated, "horas do 8446 essa semana", "qual vai ser o total da semana ate sexta?")
    assert reply == REFUSALS["forecast"] or reply.startswith("Não consigo prever")


def test_redo_is_a_write_or_the_same_figure(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (write,) = ask(generated, "refaz meu apontamento de ontem")
    assert write == REFUSALS["write"]
    _, again = ask(generated, "horas do 8446 em setembro", "refaz o total")
    assert hours(total(rows, of_contract(SEPTEMBER))) in again


def test_one_of_the_list_just_shown_in_its_period(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    in_october = [r for r in rows if of_contract(OCTOBER)(r)]
    second = sorted({r.name for r in in_october}, key=lambda n: -total(in_october, lambda r, n=n: r.name == n))[1]
    listed, picked = ask(generated, "quem mais apontou no 8446 em outubro, top 3", f"quanto o {plain(second)} fez?")
    assert second in listed and hours(total(rows, of(second, OCTOBER))) in picked


def test_a_self_introduction(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    first = plain(name).split()[0]
    (reply,) = ask(generated, f"{first} aqui, to no cel no cliente, qts hrs fiz em novembro", user=name)
    assert hours(total(rows, of(name, NOVEMBER))) in reply


def test_typed_it_wrong(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "horas do contrato 9999 em outubro", "foi mal, digitei errado, é 8446")
    assert hours(total(rows, of_contract(OCTOBER))) in reply


def test_an_interjection_before_a_follow_up(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, "horas do 8446 em outubro", f"hm estranho. e a {plain(name)}?")
    assert hours(total(rows, of(name, OCTOBER))) in reply


def test_the_meeting_it_is_for_is_no_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "preciso de um resumo pra reuniao de diretoria: top 3 contratos em horas em outubro")
    top = sorted({r.supplier for r in rows}, key=lambda c: -total(rows, of_contract(OCTOBER, c)))[0]
    assert f"{top}: {hours(total(rows, of_contract(OCTOBER, top)))}" in reply and "reunião" not in reply


def test_the_month_meant_and_not_the_other(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "horas do 8446 em setembro", "pera, eu queria outubro e nao setembro")
    assert hours(total(rows, of_contract(OCTOBER))) in reply


def test_the_first_question_is_one_answered_with_data(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(
        generated,
        "o 8418 vai bater as horas esperadas de novembro?",  # a forecast, declined: no first question yet
        "horas do 8446 em outubro",
        "e o 8447?",
        "volta na primeira pergunta",
    )
    assert hours(total(rows, of_contract(OCTOBER))) in reply
