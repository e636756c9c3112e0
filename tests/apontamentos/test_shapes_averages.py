"""Shapes batches EL and EM showed: averages asked bare ("média?", "e a média no mês", "qual a média?" with nothing
before it), "num dia típico", "e no total?" after an average, what time someone usually arrives ("costuma
chegar", "tá chegando q horas", "entra normalmente"), "quanto dura um apontamento", "qnto do tempo dela vai pra
reunião", "quem ficou abaixo da média?", "lá" after a message that asked two things, "nesse período todo", "e ela"
after a contract's figure, and an example after the question ("? tipo gente com 14h seguidas").

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from datetime import date

import pytest

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import FIGURE, ask, by, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_periods_lists import LAST_WEEK, NOVEMBER, OCTOBER, SEPTEMBER, of_contract, one_contract_person
from .test_shapes_returning import of


def per_day(rows: list[Span], keep: object) -> float:
    kept = [r for r in rows if keep(r)]  # type: ignore[operator]
    return total(kept, lambda _: True) / len({(r.name, r.day) for r in kept})


def mean_span(rows: list[Span], keep: object) -> float:
    spans = [r.gross for r in rows if keep(r) and r.gross is not None]  # type: ignore[operator]
    return sum(spans) / len(spans)


@pytest.mark.parametrize("then", ["media?", "e a media no mes", "qual a média dela?"])
def test_a_bare_average_after_someones_hours_is_per_day(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    then: str,
) -> None:
    name, _ = one_contract_person(rows)
    first = f"quanto a {plain(name)} fez em outubro" if "dela" in then else "quanto eu fiz em outubro"
    _, reply = ask(generated, first, then, user=name)
    assert hours(per_day(rows, of(name, OCTOBER))) in reply and "dia trabalhado" in reply


@pytest.mark.parametrize("question", ["qual a media?", "média?"])
def test_an_average_of_nothing_is_asked_back(generated: Dataset, question: str) -> None:
    (reply,) = ask(generated, question)
    assert reply.startswith("Média de quê?") and FIGURE.search(reply) is None


@pytest.mark.parametrize(
    "question",
    ["num dia tipico, qntas horas o pessoal do 8446 aponta?", "como é um dia normal do 8446 em horas"],
)
def test_a_typical_day_is_the_hours_per_day_worked(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
) -> None:
    (reply,) = ask(generated, question)
    assert hours(per_day(rows, lambda r: r.supplier == "8446")) in reply and "muito long" not in reply


@pytest.mark.parametrize("then", ["e no total?", "e o total"])
def test_the_total_after_an_average_is_the_same_hours_summed(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    then: str,
) -> None:
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, f"qnts horas em media por dia a {plain(name)} fez em outubro?", then)
    assert hours(total(rows, of(name, OCTOBER))) in reply


def test_the_whole_contract_after_an_average_keeps_the_average(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    _, reply = ask(generated, f"media diaria da {plain(name)} em outubro", "e do contrato dela inteiro?")
    assert hours(per_day(rows, of_contract(OCTOBER, contract))) in reply and f"{contract}" in reply


@pytest.mark.parametrize(
    "question",
    [
        "que horas a {name} costuma chegar? ve a semana passada",
        "a {name} ta chegando q horas? semana passada",
        "que horas a {name} entra normalmente na semana passada",
    ],
)
def test_what_time_someone_usually_arrives(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name = next(r.name for r in rows if of(name_of_week(rows), LAST_WEEK)(r))
    (reply,) = ask(generated, question.format(name=plain(name)))
    first = min((r for r in rows if of(name, LAST_WEEK)(r)), key=lambda r: r.start)
    assert f"{first.start:%H:%M}–" in reply


def name_of_week(rows: list[Span]) -> str:
    return sorted({r.name for r in rows if LAST_WEEK[0] <= r.day <= LAST_WEEK[1]})[0]


def test_how_long_an_entry_lasts(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(
        generated, f"quanto a {plain(name)} fez em setembro", "e quanto dura um apontamento dela normalmente"
    )
    assert hours(mean_span(rows, of(name, SEPTEMBER))) in reply and "Duração média" in reply


def test_how_much_of_her_time_goes_to_an_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, f"normalmente qnto do tempo da {plain(name)} vai pra reuniao?")
    meetings = total(rows, lambda r: r.name == name and "reuni" in plain(r.activity))
    share = f"{100 * meetings / total(rows, lambda r: r.name == name):.1f}%".replace(".", ",")
    assert share in reply


def test_who_is_below_the_average_is_declined_not_an_average(generated: Dataset) -> None:
    _, reply = ask(generated, "horas do 8446 em outubro", "quem ficou abaixo da media?")
    assert "abaixo da média" in reply and FIGURE.search(reply) is None


def test_there_after_a_message_that_asked_two_things(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(
        generated,
        f"me passa a media de horas por pessoa no 8446 esse mes e quanto a {plain(name)} fez",
        "quem mais fez hora la",
    )
    split = by(rows, lambda r: r.name, of_contract(NOVEMBER))
    leader = max(split, key=lambda n: split[n])
    assert "8446" in reply and f"{leader}: {hours(split[leader])}" in reply


def test_this_whole_period_is_the_one_talked_about(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    since = (date(2026, 9, 1), NOVEMBER[1])
    *_, reply = ask(generated, f"horas por semana da {plain(name)} de setembro pra ca", "e o total nesse periodo todo")
    assert hours(total(rows, of(name, since))) in reply


def test_she_after_a_contracts_figure_is_asked_back(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(generated, "horas do 8446 em outubro", "e ela somou qnt no mes")
    assert reply.startswith("De quem você está falando?")


def test_an_example_after_the_question_is_no_filter(generated: Dataset) -> None:
    (reply,) = ask(generated, "tem algum apontamento muito fora da curva no 8446? tipo gente com 14h seguidas")
    assert "muito longo" in reply and "8446" in reply
