"""Shapes batches CZ and DA showed: who the asker is said before the question ("sou do RH", "estou começando a
usar…") is not the question's subject, why it is asked after it ("…, porque quero colocar num slide", "? Queria
cobrar meu validador") is not part of it, English words an IT team mixes in, a word the data has no figure for
defined right after it ("overtime? quem passou de 8h por dia"), letters typed in the wrong order, terse turns
("1o apont da X", "ultimo", "dias trab."), one month said twice, "nesses dois meses" after two months, one of two
contracts asked in turn, activities counted in entries then "e em horas?", and a contract's expected hours.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

import holidays
import pytest

from apontamentos.dataset import Dataset
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import activity_has, ask, by, day, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_gestor import ask as ask_as
from .test_shapes_periods_lists import LAST_WEEK, NOVEMBER, OCTOBER, SEPTEMBER, THIS_WEEK, of_contract
from .test_shapes_returning import of, top

STRANGER = "Luciana Prates Moraes"  # an analyst who is not a resource of the data


def people_above(rows: list[Span], keep: Any, limit: float) -> tuple[int, int]:
    """How many people, and person-days, passed `limit` net hours in a day."""
    per_day: dict[tuple[str, date], float] = defaultdict(float)
    for r in rows:
        if keep(r):
            per_day[(r.name, r.day)] += r.net or 0
    above = [key for key, h in per_day.items() if h > limit]
    return len({name for name, _ in above}), len(above)


def working_days(start: date, end: date) -> int:
    off = holidays.country_holidays("BR", years=start.year)
    return sum(
        1
        for n in range((end - start).days + 1)
        if (d := date.fromordinal(start.toordinal() + n)).weekday() < 5 and d not in off
    )


@pytest.mark.parametrize(
    "message",
    [
        "oi, sou do RH e to fazendo a checagem de compliance. quanto o 8446 apontou semana passada?",
        "sou a nova coordenadora, qnt o 8446 apontou na semana passada?",
        "Bom dia! Estou começando a usar essa ferramenta e ainda estou me acostumando, então me desculpe se a pergunta"
        " for básica. Eu preciso montar um resumo e gostaria de saber quantas horas foram apontadas no contrato 8446 na"
        " semana passada, considerando as horas líquidas, sem o almoço.",
    ],
)
def test_who_the_asker_is_is_not_the_subject(generated: Dataset, rows: list[Span], message: str) -> None:  # noqa: F811
    (reply,) = ask(generated, message, user=STRANGER)
    assert hours(total(rows, of_contract(LAST_WEEK))) in reply and "Não encontrei" not in reply


@pytest.mark.parametrize(
    "message",
    [
        "me passa os 3 que mais apontaram no 8446 em outubro, porque eu quero colocar num slide.",
        "quem foram os 3 que mais apontaram no 8446 em outubro? Preciso dos nomes pra apresentar pro cliente.",
        "quais os 3 que mais apontaram no 8446 em outubro? Às vezes o pessoal esquece de apontar.",
    ],
)
def test_why_it_is_asked_after_the_question(generated: Dataset, rows: list[Span], message: str) -> None:  # noqa: F811
    (reply,) = ask(generated, message)
    people: dict[str, float] = defaultdict(float)
    for r in rows:
        if of_contract(OCTOBER)(r):
            people[r.name] += r.net or 0
    assert all(f"{name}: {hours(people[name])}" in reply for name in top(people, 3))


def test_a_reason_before_a_question_stays_out_of_it(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "bom dia, preciso montar o relatorio do cliente. qnt de horas o 8446 teve em outubro?")
    assert hours(total(rows, of_contract(OCTOBER))) in reply


@pytest.mark.parametrize("question", ["e o headcount do 8446 last week?", "qual o headcount do 8446 na last week"])
def test_headcount_and_last_week_in_english(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    (reply,) = ask(generated, question)
    assert f"{len({r.name for r in rows if of_contract(LAST_WEEK)(r)})} recursos" in reply and "16/11/2026" in reply


@pytest.mark.parametrize("question", ["qual foi o peak day do 8446 em outubro?", "e o busiest day do 8446 em outubro"])
def test_the_peak_day_in_english(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    days: dict[date, float] = defaultdict(float)
    for r in rows:
        if of_contract(OCTOBER)(r):
            days[r.day] += r.net or 0
    best = max(days, key=lambda d: days[d])
    (reply,) = ask(generated, question)
    assert day(best) in reply and hours(days[best]) in reply


def test_a_breakdown_by_weekday_in_english(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weekdays: dict[int, float] = defaultdict(float)
    for r in rows:
        if of_contract(OCTOBER)(r):
            weekdays[r.day.weekday()] += r.net or 0
    (reply,) = ask(generated, "qual o weekday com mais horas no 8446 em outubro?")
    assert hours(max(weekdays.values())) in reply


@pytest.mark.parametrize(
    "message",
    [
        "qual o overtime do 8446 essa semana? quem passou de 8h por dia",
        "quanto de hora extra o 8446 teve essa semana? quem passou de 8h por dia",
        "quem passou de 8h por dia no 8446 essa semana",
    ],
)
def test_overtime_defined_after_it(generated: Dataset, rows: list[Span], message: str) -> None:  # noqa: F811
    people, days = people_above(rows, of_contract(THIS_WEEK), 8)
    (reply,) = ask(generated, message)
    assert f"{people} recursos" in reply and f"{days} dias" in reply and "Não tenho hora extra" not in reply


def test_overtime_of_one_person_defined_after_it(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = sorted({r.name for r in rows if r.supplier == "8446"})[0]
    _, days = people_above(rows, of(name, OCTOBER), 8)
    (reply,) = ask(generated, f"quanto de overtime o {name} teve em outubro? dias acima de 8h")
    assert f"{days} dias" in reply and name in reply


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("qnts dais uteis tem em novmebro?", str(working_days(date(2026, 11, 1), date(2026, 11, 30)))),
        ("qaul o total de dias uteis de outubro?", str(working_days(*OCTOBER))),
    ],
)
def test_letters_typed_in_the_wrong_order(generated: Dataset, question: str, expected: str) -> None:
    (reply,) = ask(generated, question)
    assert f"{expected} dias úteis" in reply


def test_the_most_hours_typed_with_swapped_letters(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people: dict[str, float] = defaultdict(float)
    for r in rows:
        if of_contract(OCTOBER)(r):
            people[r.name] += r.net or 0
    (reply,) = ask(generated, "no 8446 em outubro, qeum fez mias hroas?")
    (first,) = top(people, 1)
    assert f"{first}: {hours(people[first])}" in reply


def test_a_letter_too_many_in_a_short_word(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    open_spans = sum(1 for r in rows if r.supplier == "8446" and r.end is None)
    (reply,) = ask(generated, "teim apontamneto abreto no 8446?")
    assert f"{open_spans} apontamentos" in reply


def test_terse_turns_about_one_person(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    names = {r.name for r in rows}
    # someone two of whose names no one else has, as a manager would type them
    name = next(n for n in sorted(names) if not any(set(n.split()[:2]) <= set(o.split()) for o in names - {n}))
    two_names = " ".join(name.split()[:2])
    mine = [r for r in rows if r.name == name]
    first, last, worked = ask(generated, f"1o apont {two_names.lower()}", "ultimo", "dias trab.")
    assert day(min(r.day for r in mine)) in first
    assert day(max(r.day for r in mine)) in last
    assert f"{len({r.day for r in mine})} dias" in worked and " h líquidas" not in worked


def test_one_month_said_twice(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    long = sum(1 for r in rows if of_contract(OCTOBER)(r) and r.gross and r.gross > 16)
    (reply,) = ask(generated, "tem lancamento muito longo, fora do normal, no 8446 nesse mes de outubro?")
    assert "01/10/2026" in reply and "31/10/2026" in reply and "dois períodos" not in reply
    assert long == 0 or "apontamento" in reply


def test_these_two_months_after_two_months_side_by_side(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    both = (OCTOBER[0], NOVEMBER[1])
    _, reply = ask(
        generated,
        "quanto o 8446 apontou em outubro e em novembro? lado a lado",
        "e nesses dois meses, qual atividade pesou mais?",
    )
    activities = by(rows, lambda r: plain(r.activity), lambda r: of_contract(both)(r) and bool(r.activity))
    heaviest = max(activities, key=lambda a: activities[a])
    assert "01/10/2026" in reply and "25/11/2026" in reply and hours(activities[heaviest]) in reply


def test_one_of_two_contracts_asked_in_turn(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, average = ask(
        generated,
        "bom dia pessoal, me ajuda rapidinho: quanto o 8446 apontou no mes passado e quanto o 8447 apontou",
        "media por pessoa no 8446?",
    )
    mine = [r for r in rows if of_contract(OCTOBER)(r)]
    people = {r.name for r in mine}
    assert hours(total(mine, lambda r: True) / len(people)) in average and "01/10/2026" in average


def test_activities_counted_in_entries_then_in_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    counted, in_hours = ask(generated, "quais as atividades mais apontadas em setembro no geral?", "e em horas?")
    entries: dict[str, int] = defaultdict(int)
    spent: dict[str, float] = defaultdict(float)
    for r in rows:
        if SEPTEMBER[0] <= r.day <= SEPTEMBER[1] and r.activity:
            entries[plain(r.activity)] += 1
            spent[plain(r.activity)] += r.net or 0
    assert f"{max(entries.values()):,d}".replace(",", ".") + " apontamentos" in counted
    assert hours(max(spent.values())) in in_hours and "por atividade" in in_hours


def test_how_much_of_one_activity_after_counting_entries(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, deploy = ask(
        generated,
        "no 8446 quais as 3 atividades que mais consumiram horas em outubro",
        "e por quantidade de apontamentos?",
        "quanto foi so de deploy em producao?",
    )
    assert hours(total(rows, lambda r: of_contract(OCTOBER)(r) and activity_has("deploy")(r))) in deploy


def test_a_contracts_expected_hours_shows_what_it_did(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "horas esperadas 8446 set")
    expected = working_days(*SEPTEMBER) * 8
    assert hours(expected) in reply and hours(total(rows, of_contract(SEPTEMBER))) in reply


def test_my_contracts_in_any_order(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = sorted({r.name for r in rows if r.supplier == "8446"})[2]
    (reply,) = ask(generated, "meus contratos quais sao", user=name)
    assert all(c in reply for c in {r.supplier for r in rows if r.name == name})


def test_a_gestor_who_does_not_record_asks_for_his_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    own, contract = ask_as(
        generated,
        Scope("gestor", contracts=("8446",)),
        "qnts horas eu fiz semana passada",
        "ah eh, eu nao aponto. entao do meu contrato",
    )
    assert own.intent == "no_own_entries"
    assert hours(total(rows, of_contract(LAST_WEEK))) in contract.text


def test_the_average_length_of_the_entries_after_weekdays(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(
        generated, "qual o dia da semana com mais horas no 8446 em outubro?", "e o avg span dos apontamentos?"
    )
    closed = [r.gross for r in rows if of_contract(OCTOBER)(r) and r.gross is not None]
    assert hours(sum(closed) / len(closed)) in reply
