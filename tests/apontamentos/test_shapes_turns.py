"""Shapes batches AJ and AK showed: follow-ups that keep or change the operation ("e a média por pessoa
nesses dois meses?", "e qual o dia mais fraco dele?", "lista elas por horas", "… então?"), what a question
left unanswered or refused leaves behind, and everyday words ("vs", "feriados nacionais").

Expected figures are computed here in plain Python from the export rows (tests/expected.py), never through
the engine's queries; only the engine's public `answer` is used.
"""

from __future__ import annotations

from datetime import date

import pytest

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import FIGURE, WEEKDAYS, by, hours, plain, total
from .test_composition_shapes import ask as ask
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_periods_lists import NOVEMBER, OCTOBER, SEPTEMBER, of_contract, one_contract_person, within


def test_national_holidays_are_the_holidays(generated: Dataset) -> None:
    (reply,) = ask(generated, "quais feriados nacionais teve em outubro?")
    assert "12/10/2026" in reply and "Não entendi" not in reply


@pytest.mark.parametrize("question", ["como ta o {name} esse mes vs o esperado?", "{name} esse mês vs esperado"])
def test_vs_compares(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    worked = total(rows, lambda r: r.name == name and within(NOVEMBER)(r))
    (reply,) = ask(generated, question.format(name=name))
    assert hours(worked) in reply and "esperad" in reply


@pytest.mark.parametrize("fragment", ["por semana", "por dia", "em %"])
def test_a_fragment_after_an_unanswered_question_is_asked_back(generated: Dataset, fragment: str) -> None:
    _, reply = ask(generated, "como ta a fulana esse mes xpto o esperado?", fragment)
    assert "ficou sem resposta" in reply and FIGURE.search(reply) is None


@pytest.mark.parametrize("listing", ["lista elas por horas", "lista eles", "mostra por ordem de horas"])
def test_listing_the_people_just_counted(generated: Dataset, rows: list[Span], listing: str) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(OCTOBER))
    top = max(people, key=lambda n: (people[n], n))
    _, reply = ask(generated, "quantas pessoas apontaram no 8446 em outubro?", listing)
    assert f"{top}: {hours(people[top])}" in reply and f"{len(people)} recursos" in reply


def test_then_at_the_end_continues_the_talk(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    activities = by(rows, lambda r: plain(r.activity), lambda r: r.name == name and within(OCTOBER)(r))
    activity = max(activities, key=lambda a: (activities[a], a))
    *_, reply = ask(
        generated,
        f"quanto % das minhas horas em outubro foi {activity}?",
        f"quantas horas de {activity} entao?",
        user=name,
    )
    assert hours(activities[activity]) in reply and "10/2026" in reply


def test_a_question_of_ones_own_ending_in_then_is_not_a_follow_up(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    weeks = by(rows, lambda r: r.day.isocalendar().week, lambda r: r.name == name and within(NOVEMBER)(r))
    _, reply = ask(generated, "qnt eu tenho sem validar?", "ok, minhas horas por semana em novembro entao", user=name)
    assert all(hours(value) in reply for value in weeks.values()) and "não validados" not in reply


def test_average_per_person_after_two_months_side_by_side(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    def average(span: tuple[date, date]) -> float:
        people = {r.name for r in rows if of_contract(span)(r)}
        return total(rows, of_contract(span)) / len(people)

    _, reply = ask(
        generated, "media de horas por dia do 8446 em outubro vs setembro", "e a media por pessoa nesses dois meses?"
    )
    assert hours(average(OCTOBER)) in reply and hours(average(SEPTEMBER)) in reply and "lado a lado" in reply


@pytest.mark.parametrize("follow_up", ["e qual o dia mais fraco dele?", "e o dia que menos?", "e qual dia teve menos?"])
def test_the_weakest_day_after_the_weekdays_is_a_weekday(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    follow_up: str,
) -> None:
    weekdays = by(rows, lambda r: r.day.weekday(), of_contract(OCTOBER))
    weakest = min(weekdays, key=lambda d: (weekdays[d], d))
    _, reply = ask(generated, "em q dia da semana o 8446 mais trabalhou em outubro?", follow_up)
    assert f"{WEEKDAYS[weakest]}: {hours(weekdays[weakest])}" in reply and "-feira)" not in reply and "go)" not in reply


def test_a_refused_question_about_someone_keeps_the_conversation(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = sorted({r.name for r in rows if r.supplier == "8446" and "Dias" not in r.name.split()})[0]
    *_, september = ask(generated, "qnto o 8446 fez em outubro?", f"e o endereço do {name}?", "e em setembro?")
    assert hours(total(rows, of_contract(SEPTEMBER))) in september
    *_, theirs = ask(generated, "qnto o 8446 fez em outubro?", f"e o cpf do {name}?", "e quantas horas ele fez?")
    assert hours(total(rows, lambda r: r.name == name and within(OCTOBER)(r))) in theirs


def test_vs_the_same_days_of_last_week(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    this_week = (date(2026, 11, 23), NOVEMBER[1])
    same_days = (date(2026, 11, 16), date(2026, 11, 16) + (this_week[1] - this_week[0]))
    (reply,) = ask(generated, "essa semana ate agora vs mesmos dias da semana passada, qnt o 8446 fez?")
    assert hours(total(rows, of_contract(this_week))) in reply and hours(total(rows, of_contract(same_days))) in reply
