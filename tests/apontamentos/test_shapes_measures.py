"""Measures that used to get a confident figure for another question: days worked, the asker's clock-in times,
several weekdays (the weekend) as a filter of hours, and the people who stopped recording time.

Expected figures are computed here in plain Python from the export rows (tests/expected.py), never through
the engine's queries; only the engine's public `answer` is used.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from apontamentos.dataset import Dataset

from ..expected import Span, spans
from .conftest import GENERATED_END, dataset_from_columns
from .test_composition_shapes import ask, hours, plain
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)

TODAY = GENERATED_END  # Wednesday 25/11/2026; the generated data ends on it
OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))
NOVEMBER = (date(2026, 11, 1), TODAY)
THIS_WEEK = (date(2026, 11, 23), TODAY)
LOOKBACK = 30  # who counts as having stopped: an entry in the 30 days before the period


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def within(span: tuple[date, date]) -> Callable[[Span], bool]:
    return lambda r: span[0] <= r.day <= span[1]


def someone(rows: list[Span], keep: Callable[[Span], bool]) -> str:
    """A person with rows that `keep` keeps, whose name holds no ordinary word ("Dias")."""
    return next(n for n in sorted({r.name for r in rows if keep(r)}) if "Dias" not in n.split())


# -- days worked: distinct days with an entry ------------------------------------------------------


def days_worked(rows: list[Span], keep: Callable[[Span], bool]) -> int:
    return len({r.day for r in rows if keep(r)})


@pytest.mark.parametrize(
    "question",
    [
        "qnts dias eu trabalhei em outubro?",
        "quantos dias eu apontei em outubro",
        "em quantos dias eu apontei em outubro?",
        "qtos dias trabalhei em outubro",
        "numero de dias que eu trabalhei em outubro",
    ],
)
def test_the_days_the_asker_worked(generated: Dataset, rows: list[Span], question: str) -> None:
    me = someone(rows, lambda r: r.supplier == "8446" and within(OCTOBER)(r))
    expected = days_worked(rows, lambda r: r.name == me and within(OCTOBER)(r))
    (reply,) = ask(generated, question, user=me)
    assert me in reply and "Dias com apontamento" in reply
    assert f": {plural(expected, 'dia')}." in reply
    assert " h " not in reply  # days, not hours


@pytest.mark.parametrize(
    "template",
    [
        "quantos dias o {name} apontou em outubro",
        "qnts dias a {name} trabalhou em outubro?",
        "em quantos dias o {name} teve apontamento em outubro?",
        "quantos dias com apontamento o {name} teve em outubro",
    ],
)
def test_the_days_a_named_person_worked(generated: Dataset, rows: list[Span], template: str) -> None:
    name = someone(rows, lambda r: r.supplier == "8447" and within(OCTOBER)(r))
    expected = days_worked(rows, lambda r: r.name == name and within(OCTOBER)(r))
    (reply,) = ask(generated, template.format(name=name))
    assert name in reply and f": {plural(expected, 'dia')}." in reply


@pytest.mark.parametrize(
    "question",
    [
        "em quantos dias o 8446 teve apontamento em outubro?",
        "quantos dias o contrato 8446 apontou em outubro",
        "qnts dias o 8446 trabalhou em outubro?",
        "numero de dias com registro do 8446 em outubro",
    ],
)
def test_the_days_a_contract_has_entries(generated: Dataset, rows: list[Span], question: str) -> None:
    expected = days_worked(rows, lambda r: r.supplier == "8446" and within(OCTOBER)(r))
    (reply,) = ask(generated, question)
    assert "8446" in reply and f": {plural(expected, 'dia')}." in reply


def test_the_days_she_worked_in_the_month_of_the_conversation(generated: Dataset, rows: list[Span]) -> None:
    """After a ranking of October, "ela" is its first and "no mês" is October, not the current month."""
    october_8446 = [r for r in rows if r.supplier == "8446" and within(OCTOBER)(r)]
    totals: dict[str, float] = {}
    for r in october_8446:
        totals[r.name] = totals.get(r.name, 0) + (r.net or 0)
    bottom = min(totals, key=lambda n: (totals[n], n))
    expected = days_worked(rows, lambda r: r.name == bottom and within(OCTOBER)(r))
    replies = ask(generated, "quem fez menos horas no 8446 em outubro?", "e qnts dias ela trabalhou no mes?")
    assert bottom in replies[1] and "01/10/2026 a 31/10/2026" in replies[1]
    assert f": {plural(expected, 'dia')}." in replies[1] and "por pessoa" not in replies[1]


def test_the_days_worked_after_a_breakdown_are_a_question_of_their_own(generated: Dataset, rows: list[Span]) -> None:
    me = someone(rows, lambda r: within(NOVEMBER)(r))
    expected = days_worked(rows, lambda r: r.name == me and within(NOVEMBER)(r))
    replies = ask(generated, "em q dia da semana eu mais trabalho?", "e qnts dias eu trabalhei em novembro?", user=me)
    assert "por dia da semana" not in replies[1] and f": {plural(expected, 'dia')}." in replies[1]


@pytest.mark.parametrize(
    "question",
    [
        "quantos dias eu nao apontei em outubro?",
        "quantos dias eu faltei em outubro",
        "qnts dias eu deixei de apontar em outubro?",
        "quantos dias uteis teve outubro?",
        "quantos dias eu trabalhei mais de 8 horas em outubro?",
    ],
)
def test_missing_and_working_days_are_not_days_worked(generated: Dataset, rows: list[Span], question: str) -> None:
    me = someone(rows, lambda r: within(OCTOBER)(r))
    (reply,) = ask(generated, question, user=me)
    assert "Dias com apontamento" not in reply


# -- the asker's clock-in times ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "que horas eu entrei essa semana?",
        "q horas eu cheguei essa semana?",
        "a q horas eu bati o ponto essa semana",
        "que horas cheguei essa semana",
        "a que horas eu comecei essa semana?",
    ],
)
def test_the_askers_clock_in_times(generated: Dataset, rows: list[Span], question: str) -> None:
    me = someone(rows, lambda r: within(THIS_WEEK)(r))
    firsts: dict[date, str] = {}
    for r in sorted((r for r in rows if r.name == me and within(THIS_WEEK)(r)), key=lambda r: r.start):
        firsts.setdefault(r.day, f"{r.start:%H:%M}")
    (reply,) = ask(generated, question, user=me)
    (named,) = ask(generated, f"a que horas o {me} chegou essa semana?")
    assert reply == named  # the same answer a named person gets
    for day, clock in firsts.items():
        assert f"{day:%d/%m/%Y}: {clock}" in reply


# -- several weekdays as a filter -------------------------------------------------------------


def weekend(r: Span) -> bool:
    return r.day.weekday() >= 5


def net(rows: list[Span], keep: Callable[[Span], bool]) -> float:
    return sum(r.net or 0 for r in rows if keep(r))


@pytest.mark.parametrize(
    "question",
    [
        "horas do 8446 nos fins de semana de outubro",
        "quantas horas o 8446 fez no fds em outubro?",
        "quanto o 8446 fez aos sabados e domingos em outubro",
        "qnts horas o 8446 teve no sabado ou domingo em outubro?",
        "total de horas do 8446 nos finais de semana de outubro",
    ],
)
def test_weekend_hours_of_a_contract(generated: Dataset, rows: list[Span], question: str) -> None:
    expected = net(rows, lambda r: r.supplier == "8446" and within(OCTOBER)(r) and weekend(r))
    (reply,) = ask(generated, question)
    assert "8446" in reply and "fins de semana" in reply and f": {hours(expected)} em" in reply


def test_saturday_and_sunday_after_the_weekdays(generated: Dataset, rows: list[Span]) -> None:
    expected = net(rows, lambda r: r.supplier == "8447" and within(NOVEMBER)(r) and weekend(r))
    replies = ask(
        generated,
        "qual dia da semana o 8447 mais trabalha?",
        "e em novembro?",
        "qnt foi no sabado e domingo?",
    )
    assert "8447" in replies[2] and "01/11/2026" in replies[2] and f": {hours(expected)} em" in replies[2]


def test_the_askers_hours_in_those_weekends(generated: Dataset, rows: list[Span]) -> None:
    me = someone(rows, weekend)
    expected = net(rows, lambda r: r.name == me and weekend(r))
    replies = ask(generated, "eu trabalhei algum fim de semana?", "qnts horas deu nesses fds?", user=me)
    assert me in replies[1] and f": {hours(expected)} em" in replies[1]


@pytest.mark.parametrize(
    ("question", "days"),
    [
        ("horas do 8446 nas segundas e sextas de outubro", {0, 4}),
        ("quanto o 8446 fez as tercas e quintas em outubro?", {1, 3}),
        ("quantas horas o 8446 fez nas segundas, quartas e sextas em outubro", {0, 2, 4}),
        ("horas do 8446 aos sabados ou domingos em outubro", {5, 6}),
    ],
)
def test_several_weekdays(generated: Dataset, rows: list[Span], question: str, days: set[int]) -> None:
    expected = net(rows, lambda r: r.supplier == "8446" and within(OCTOBER)(r) and r.day.weekday() in days)
    (reply,) = ask(generated, question)
    assert f": {hours(expected)} em" in reply


WEEKDAY_NAMES = ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira")


@pytest.mark.parametrize(
    ("question", "lowest"),
    [
        ("qual dia util o 8446 mais trabalha?", False),
        ("em que dia util o 8446 menos trabalhou?", True),
        ("qual o dia util com menos horas do 8446?", True),
        ("em qual dia util o contrato 8446 teve mais horas", False),
    ],
)
def test_the_top_working_weekday(generated: Dataset, rows: list[Span], question: str, lowest: bool) -> None:
    totals = [net(rows, lambda r, d=d: r.supplier == "8446" and r.day.weekday() == d) for d in range(5)]
    chosen = (min if lowest else max)(range(5), key=lambda d: totals[d])
    (reply,) = ask(generated, question)
    assert "de segunda a sexta-feira" in reply.splitlines()[0]
    assert f"{WEEKDAY_NAMES[chosen]}: {hours(totals[chosen])}" in reply
    listed = "\n".join(reply.splitlines()[1:])
    assert sum(name in listed for name in (*WEEKDAY_NAMES, "sábado", "domingo")) == 1  # the one asked for


def test_days_worked_after_the_working_weekdays_count_every_day(generated: Dataset, rows: list[Span]) -> None:
    me = someone(rows, lambda r: within(NOVEMBER)(r) and weekend(r))
    expected = days_worked(rows, lambda r: r.name == me and within(NOVEMBER)(r))
    replies = ask(generated, "qual dia util eu menos trabalho?", "e qnts dias eu trabalhei em novembro?", user=me)
    assert "segunda a sexta" not in replies[1] and f": {plural(expected, 'dia')}." in replies[1]


@pytest.mark.parametrize(
    "question",
    [
        "alguem trabalhou no fds em outubro?",
        "quem trabalhou em fim de semana em outubro?",
        "teve gente trabalhando sabado ou domingo em outubro?",
    ],
)
def test_who_worked_on_weekends_is_still_the_list(generated: Dataset, rows: list[Span], question: str) -> None:
    pairs = {(r.name, r.day) for r in rows if within(OCTOBER)(r) and weekend(r)}
    (reply,) = ask(generated, question)
    assert reply.startswith(f"{plural(len(pairs), 'dia')} de trabalho em fim de semana")


# -- people who stopped recording time --------------------------------------------------------

STOPPED = {"8446": date(2026, 11, 10), "8447": date(2026, 11, 1)}  # two people of each stop on that day


@pytest.fixture(scope="module")
def stopping(generated_columns: dict[str, list[Any]], rows: list[Span]) -> tuple[Dataset, list[Span]]:
    """The generated data with two people of 8446 and two of 8447 recording nothing from a day on."""
    chosen: dict[str, date] = {}
    for contract, day in STOPPED.items():
        active = sorted({r.resource_id for r in rows if r.supplier == contract and day - timedelta(days=9) <= r.day})
        chosen |= dict.fromkeys(active[:2], day)
    keep = [
        i
        for i, rid in enumerate(generated_columns["s_id_recurso"])
        if rid not in chosen or date.fromisoformat(generated_columns["d_dt_data"][i]) < chosen[rid]
    ]
    columns = {name: [values[i] for i in keep] for name, values in generated_columns.items()}
    return dataset_from_columns(columns), spans(columns)


def idle(rows: list[Span], start: date, end: date, keep: Callable[[Span], bool] = lambda r: True) -> list[str]:
    before = {r.name for r in rows if keep(r) and start - timedelta(days=LOOKBACK) <= r.day < start}
    during = {r.name for r in rows if keep(r) and start <= r.day <= end}
    return sorted(before - during)


@pytest.mark.parametrize(
    ("question", "start", "contract"),
    [
        ("quem ta sem apontar desde o dia 10?", date(2026, 11, 10), None),
        ("quem esta sem apontar desde 10/11", date(2026, 11, 10), None),
        ("quem parou de apontar esse mes?", date(2026, 11, 1), None),
        ("tem alguem do 8446 q parou de apontar desde o dia 10?", date(2026, 11, 10), "8446"),
        ("quem nao apontou nada em novembro no 8447?", date(2026, 11, 1), "8447"),
        ("alguem do 8447 parou de apontar esse mes?", date(2026, 11, 1), "8447"),
    ],
)
def test_the_people_who_stopped(
    stopping: tuple[Dataset, list[Span]], question: str, start: date, contract: str | None
) -> None:
    db, data = stopping
    expected = idle(data, start, TODAY, (lambda r: r.supplier == contract) if contract else (lambda r: True))
    assert expected, "the data must hold someone who stopped"
    (reply,) = ask(db, question)
    first = reply.splitlines()[0]
    assert f"{start:%d/%m/%Y} a {TODAY:%d/%m/%Y}" in first and (contract or "") in first
    assert first.endswith(f": {plural(len(expected), 'recurso')}:")
    listed = [line.removeprefix("- ").split(":")[0] for line in reply.splitlines()[1:] if line.startswith("- ")]
    assert listed == sorted(expected, key=plain)


def test_nobody_stopped(stopping: tuple[Dataset, list[Span]]) -> None:
    db, data = stopping
    assert not idle(data, date(2026, 10, 1), date(2026, 10, 31), lambda r: r.supplier == "8446")
    (reply,) = ask(db, "quem nao apontou nada em outubro no 8446?")
    assert reply.endswith(": 0 recursos.")


@pytest.mark.parametrize(
    "question",
    ["quem nao apontou semana passada?", "qnts pessoas nao apontaram ontem?", "quem deixou de apontar algum dia?"],
)
def test_a_missing_day_is_not_having_stopped(stopping: tuple[Dataset, list[Span]], question: str) -> None:
    db, _ = stopping
    (reply,) = ask(db, question)
    assert "pararam de apontar" not in reply and "ficaram sem apontar" in reply


def test_she_is_the_first_person_who_stopped(stopping: tuple[Dataset, list[Span]]) -> None:
    db, data = stopping
    first = sorted(idle(data, date(2026, 11, 10), TODAY), key=plain)[0]
    last = max(r.day for r in data if r.name == first)
    replies = ask(db, "tem alguem sem apontar desde 10/11?", "qual foi o ultimo dia q ela apontou?")
    assert first in replies[1] and f"{last:%d/%m/%Y}" in replies[1]


@pytest.mark.parametrize(
    "question", ["quem parou de apontar?", "alguem parou de apontar no 8446?", "quem nao apontou nada?"]
)
def test_having_stopped_asks_since_when(stopping: tuple[Dataset, list[Span]], question: str) -> None:
    """Over all the data nobody stopped (there is nothing before it): asked, then answered with the period."""
    db, data = stopping
    contract = "8446" if "8446" in question else None
    keep = (lambda r: r.supplier == contract) if contract else (lambda r: True)
    expected = idle(data, date(2026, 11, 10), TODAY, keep)
    first, second = ask(db, question, "desde o dia 10")
    assert "Desde quando?" in first and not any(ch.isdigit() for ch in first.split("por exemplo")[0])
    assert f": {plural(len(expected), 'recurso')}:" in second


# -- the first and last day, with no period said, are over all the data ---------------------------


@pytest.mark.parametrize(
    ("second", "which"),
    [
        ("meu primeiro apontamento foi qnd?", min),
        ("quando foi a primeira vez que eu apontei?", min),
        ("desde quando eu aponto?", min),
        ("qual foi meu ultimo apontamento?", max),
    ],
)
def test_the_first_or_last_day_ever_after_a_week(
    generated: Dataset, rows: list[Span], second: str, which: Callable[..., date]
) -> None:
    me = someone(rows, lambda r: within(THIS_WEEK)(r))
    expected = which(r.day for r in rows if r.name == me)
    replies = ask(generated, "que horas eu entrei essa semana?", second, user=me)
    assert f": {expected:%d/%m/%Y}" in replies[1]
