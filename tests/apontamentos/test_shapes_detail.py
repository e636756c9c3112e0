"""Shapes batches DR and DS showed: the detail behind a total (clock-in times asked many ways, "o que ela fez",
every day of a month listed, the shortest day), "em tabela", "só reunião" after a person's dates, a plain figure
after a share, and periods to "hoje" or "o fim do mês".

Expected figures are computed here in plain Python from the export rows and the `holidays` calendar, never through
the engine's queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import holidays
import pytest

from apontamentos.dataset import Dataset
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import ask, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_gestor import ask as ask_as
from .test_shapes_periods_lists import LAST_WEEK, NOVEMBER, OCTOBER, of_contract, one_contract_person
from .test_shapes_returning import of

TODAY = NOVEMBER[1]
YESTERDAY = date(2026, 11, 24)


def first_starts(rows: list[Span], name: str, span: tuple[date, date]) -> dict[date, str]:
    """The first clock-in of each day a person recorded in `span`, as HH:MM."""
    starts: dict[date, str] = {}
    for r in sorted(rows, key=lambda r: r.start):
        if r.name == name and span[0] <= r.day <= span[1]:
            starts.setdefault(r.day, f"{r.start:%H:%M}")
    return starts


def test_holidays_from_a_month_to_today(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    off = holidays.country_holidays("BR", years=[2026])
    asked = [d for d in off if date(2026, 9, 1) <= d <= TODAY]
    worked = {(r.name, r.day) for r in rows if r.day in asked}
    listed, who = ask(generated, "quais feriados nacionais caíram entre setembro e hoje?", "alguem trabalhou neles?")
    assert all(f"{d:%d/%m/%Y}" in listed for d in asked)
    assert who.startswith(f"{len(worked)} dias de trabalho em feriado")


@pytest.mark.parametrize(
    "question", ["horas do 8446 de 15/10 ate o fim do mes", "horas do 8446 entre 15/10 e o final do mes"]
)
def test_a_day_to_the_end_of_its_month(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    (reply,) = ask(generated, question)
    assert hours(total(rows, of_contract((date(2026, 10, 15), OCTOBER[1])))) in reply


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("qual foi o horario de entrada da {n} ontem", "e que horas ela entrava na semana passada"),
        ("quanto a {n} fez ontem", "e que horas ela ta batendo entrada semana passada?"),
        ("quanto a {n} fez ontem", "e a que horas ela bateu entrada semana passada"),
    ],
)
def test_clock_in_times_asked_many_ways(generated: Dataset, rows: list[Span], first: str, then: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, first.format(n=plain(name)), then)
    assert all(start in reply for start in first_starts(rows, name, LAST_WEEK).values())


def test_the_answer_to_which_of_them_keeps_the_clock_in_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    names: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r.day == YESTERDAY:
            names[r.name.split()[0]].add(r.name)
    first, chosen = next((f, sorted(n)[0]) for f, n in sorted(names.items()) if len(n) > 1)
    asked, reply = ask(
        generated, f"vc consegue me mostrar os horarios de entrada do {first.lower()}?", f"{chosen}, ontem"
    )
    assert "Qual del" in asked
    assert first_starts(rows, chosen, (YESTERDAY, YESTERDAY))[YESTERDAY] in reply


def test_my_clock_in_when_i_want_to_check_it(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    me = next(r.resource_id for r in rows if r.name == name)
    day = max(first_starts(rows, name, NOVEMBER))
    question = f"meu apontamento de {day:%d/%m} ta certo? quero ver a entrada"
    (reply,) = ask_as(generated, Scope("colaborador", resource_id=me), question)
    assert first_starts(rows, name, (day, day))[day] in reply.text


def test_what_she_did_is_her_activities(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    day = max(d for d in first_starts(rows, name, NOVEMBER) if d < TODAY)
    mine = [r for r in rows if r.name == name and r.day == day and r.activity]
    _, reply = ask(generated, f"horas da {plain(name)} em {day:%d/%m}", "detalha o que ela fez")
    assert mine and all(plain(r.activity) in plain(reply) for r in mine) and "Horas líquidas por atividade" in reply
    _, balance = ask(
        generated, f"horas da {plain(name)} em outubro", "qnt ela deveria ter feito no mes vs o q ela fez?"
    )
    assert "esperad" in balance


def test_every_day_of_a_month_is_listed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days: dict[str, int] = defaultdict(int)
    for r in rows:
        if NOVEMBER[0] <= r.day <= NOVEMBER[1]:
            days[r.name] += 1
    name = max(sorted(days), key=lambda n: len(first_starts(rows, n, NOVEMBER)) if "Dias" not in n else 0)
    starts = first_starts(rows, name, NOVEMBER)
    assert len(starts) > 15
    (reply,) = ask(generated, f"detalha os horarios de entrada do {plain(name)} em novembro")
    assert all(start in reply for start in starts.values()) and "e mais" not in reply


def test_the_shortest_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    days: dict[date, float] = defaultdict(float)
    for r in rows:
        if of(name, OCTOBER)(r):  # type: ignore[operator]
            days[r.day] += r.net or 0
    shortest = min(days, key=lambda d: days[d])
    (reply,) = ask(generated, f"qual foi o dia mais curto da {plain(name)} em outubro")
    assert f"{shortest:%d/%m/%Y}" in reply and hours(days[shortest]) in reply


@pytest.mark.parametrize(
    "question",
    [
        "monta uma tabela com as horas por dia da {n} na semana passada",
        "horas por dia da {n} na semana passada, em tabela se der",
    ],
)
def test_a_table_is_asked_for(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    days: dict[date, float] = defaultdict(float)
    for r in rows:
        if of(name, LAST_WEEK)(r):  # type: ignore[operator]
            days[r.day] += r.net or 0
    (reply,) = ask(generated, question.format(n=plain(name)))
    assert all(hours(h) in reply for h in days.values())


def test_only_an_activity_after_a_persons_dates(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    span = (date(2026, 11, 3), date(2026, 11, 14))
    _, reply = ask(generated, f"horas do {plain(name)} de 03/11 a 14/11", "so reuniao")
    meetings = total(rows, lambda r: of(name, span)(r) and "reuniao" in plain(r.activity))  # type: ignore[operator]
    assert hours(meetings) in reply and name in reply


def test_a_plain_figure_after_a_share(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = next(r.name for r in rows if of_contract(OCTOBER)(r) and "Dias" not in r.name)
    fridays = total(rows, lambda r: of_contract(OCTOBER)(r) and r.day.weekday() == 4)
    _, reply = ask(
        generated, f"qual % das horas do 8446 em outubro foi do {plain(name)}", "e qnto o 8446 fez so nas sextas"
    )
    assert hours(fridays) in reply and "%" not in reply


def test_a_day_with_nothing_says_zero(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    sunday = date(2026, 11, 22)
    assert not any(of(name, (sunday, sunday))(r) for r in rows)  # type: ignore[operator]
    (reply,) = ask(generated, f"me mostra os apontamentos do {plain(name)} do dia 22/11")
    assert "0,0 h" in reply
