"""Shapes batches ED and EE showed: questions in the negative or by exclusion. "quem não fez deploy" and "sem
contar reunião" are declined (no composition counts who did not, or leaves an activity out) instead of answered
with who did or with that activity; a number of people or entries is no bound in hours; "não apontei nada hoje?"
is how much I did; and short follow-ups: "em %?" after an activity's hours, "por quantidade" after a breakdown,
"e das sextas?" after a person's part.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import ask, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_periods_lists import OCTOBER, TODAY, of_contract, one_contract_person
from .test_shapes_returning import of

FIGURE = re.compile(r"\d h\b|\d recursos?\b")


@pytest.mark.parametrize("asked", ["quem nao fez deploy no 8446", "tem alguem no 8446 que nunca fez deploy?"])
def test_who_did_not_is_declined(generated: Dataset, asked: str) -> None:
    (reply,) = ask(generated, asked)
    assert not FIGURE.search(reply) and "Não" in reply


@pytest.mark.parametrize("asked", ["sem contar reuniao", "tirando code review", "fora suporte"])
def test_an_activity_left_out_is_declined(generated: Dataset, asked: str) -> None:
    (reply,) = ask(generated, f"quantas horas o 8446 fez em outubro {asked}")
    assert not FIGURE.search(reply) and "Não sei tirar uma atividade" in reply


def test_who_did_the_least_of_an_activity_is_still_a_ranking(generated: Dataset) -> None:
    (reply,) = ask(generated, "qm fez menos reuniao no 8446 em outubro?")
    assert "do menor para o maior" in reply


def test_a_number_of_people_is_no_bound_in_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "o 8447 tem menos de 30 pessoas apontando?")
    assert f"{len({r.name for r in rows if r.supplier == '8447'})} recursos" in reply and "abaixo de" not in reply
    (entries,) = ask(generated, "alguem do 8446 teve mais de 10 apontamentos ontem?")
    assert "acima de 10,0 h" not in entries and not FIGURE.search(entries)


def test_nothing_recorded_is_how_much(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (mine,) = ask(generated, "nao apontei nada hoje ne?", user=name)
    assert hours(total(rows, of(name, (TODAY, TODAY)))) in mine and "pararam" not in mine
    (hers,) = ask(generated, f"a {plain(name)} nao apontou nada ontem?")
    yesterday = date(2026, 11, 24)
    assert hours(total(rows, of(name, (yesterday, yesterday)))) in hers
    (who,) = ask(generated, "e quem nao apontou nada hoje?")
    assert "pararam de apontar" in who or "sem apontar" in who


def test_in_percent_after_an_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "quantas horas de code review o 8446 teve em outubro?", "em %?")
    reviews = total(rows, lambda r: of_contract(OCTOBER)(r) and "review" in plain(r.activity))
    assert f"{100 * reviews / total(rows, of_contract(OCTOBER)):.1f}%".replace(".", ",") in reply


def test_by_count_after_a_breakdown_in_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "quais atividades mais consumiram horas no 8446 em outubro", "por quantidade")
    counts: dict[str, int] = {}
    for r in rows:
        if of_contract(OCTOBER)(r) and r.activity:
            counts[plain(r.activity)] = counts.get(plain(r.activity), 0) + 1
    top = max(counts, key=counts.__getitem__)
    assert f"{counts[top]} apontamentos" in reply and "h" not in reply.split("\n")[1]


def test_the_fridays_part_after_a_persons_part(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    _, reply = ask(generated, f"quanto % das horas do {contract} em outubro foi da {plain(name)}", "e das sextas?")
    fridays = total(rows, lambda r: of_contract(OCTOBER, contract)(r) and r.day.weekday() == 4)
    whole = total(rows, of_contract(OCTOBER, contract))
    assert f"{100 * fridays / whole:.1f}%".replace(".", ",") in reply and name not in reply


def test_a_tag_question_is_no_negation(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "essa semana o 8446 ta apontando menos que semana passada, nao?")
    this_week = (date(2026, 11, 23), TODAY)
    assert hours(total(rows, of_contract(this_week))) in reply
