"""Question shapes that used to get the nearest catalogue kind's figure (issue 17), each in several phrasings.

Expected figures are computed here in plain Python from the export rows (tests/expected.py), never through
the engine's queries. Only the engine's public `answer` is used, so these tests also run on older code.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import holidays
import pytest

from apontamentos.dataset import Dataset
from apontamentos.engine import answer

from ..expected import Span, spans
from .conftest import GENERATED_END

TODAY = GENERATED_END  # a Wednesday; the generated data ends on it
CONTRACT = "8446"
WEEKDAYS = ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo")
MONTHS = ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro")
MONTHS += ("novembro", "dezembro")
OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))
# A figure about the data, as tests/eval/runner.py reads one.
FIGURE = re.compile(r"\d[\d.]*,\d h\b|\b\d[\d.]*\s+(?:recursos?|apontamentos?|contratos?)\b|\d+,\d%", re.I)


def hours(value: float) -> str:
    text = f"{value + math.copysign(1e-9, value):,.1f}"  # halves round up, as the bot rounds
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".") + " h"


def day(value: date) -> str:
    return f"{value:%d/%m/%Y}"


def plain(text: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@pytest.fixture(scope="module")
def rows(generated_columns: dict[str, list[Any]]) -> list[Span]:
    return spans(generated_columns)


def ask(db: Dataset, *questions: str, user: str = "") -> list[str]:
    """The replies to one conversation's questions, in order."""
    context: dict[str, Any] = {}
    replies = []
    for question in questions:
        reply = answer(db, question, context, TODAY, user=user)
        context = reply.context
        replies.append(reply.text)
    return replies


def total(rows: list[Span], keep: Callable[[Span], bool], basis: str = "net") -> float:
    return sum((r.net if basis == "net" else r.gross) or 0 for r in rows if keep(r))


def by(rows: list[Span], key: Callable[[Span], Any], keep: Callable[[Span], bool]) -> dict[Any, float]:
    out: dict[Any, float] = defaultdict(float)
    for r in rows:
        if keep(r):
            out[key(r)] += r.net or 0
    return dict(out)


def in_contract(r: Span) -> bool:
    return r.supplier == CONTRACT


def in_october(r: Span) -> bool:
    return OCTOBER[0] <= r.day <= OCTOBER[1]


def activity_has(word: str) -> Callable[[Span], bool]:
    return lambda r: word in plain(r.activity).split()


# -- breakdowns ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["horas do 8446 mês a mês", "horas do contrato 8446 por mês", "quanto o 8446 fez em cada mês?"],
)
def test_hours_by_month_of_a_contract(generated: Dataset, rows: list[Span], question: str) -> None:
    expected = by(rows, lambda r: (r.day.year, r.day.month), in_contract)
    (reply,) = ask(generated, question)
    assert "por mês" in reply.splitlines()[0] and "8446" in reply.splitlines()[0]
    for (year, month), value in expected.items():
        assert f"{MONTHS[month - 1]}/{year}: {hours(value)}" in reply, (year, month)


@pytest.mark.parametrize(
    "question",
    [
        "em que dia da semana a equipe mais apontou?",
        "qual dia da semana tem mais horas?",
        "em qual dia da semana o pessoal trabalha mais?",
    ],
)
def test_the_top_weekday(generated: Dataset, rows: list[Span], question: str) -> None:
    expected = by(rows, lambda r: r.day.weekday(), lambda r: True)
    top = max(expected, key=lambda k: expected[k])
    (reply,) = ask(generated, question)
    assert f"{WEEKDAYS[top]}: {hours(expected[top])}" in reply
    others = [w for i, w in enumerate(WEEKDAYS) if i != top and expected.get(i, 0) != expected[top]]
    assert not any(f"{w}:" in reply for w in others), "the top one was asked for"


@pytest.mark.parametrize(
    "question", ["horas do 8446 por semana", "horas do contrato 8446 semana a semana", "quanto o 8446 fez cada semana"]
)
def test_hours_by_week(generated: Dataset, rows: list[Span], question: str) -> None:
    expected = by(rows, lambda r: r.day - timedelta(days=r.day.weekday()), in_contract)
    (reply,) = ask(generated, question)
    for monday, value in expected.items():
        assert f"semana de {day(monday)}: {hours(value)}" in reply


# -- rankings: the bottom, and the top inside a filter -----------------------------------------


@pytest.mark.parametrize(
    "question", ["os 4 que menos apontaram", "quais os 4 recursos com menos horas?", "os 4 que menos trabalharam"]
)
def test_the_bottom_four(generated: Dataset, rows: list[Span], question: str) -> None:
    people = by(rows, lambda r: r.name, lambda r: True)
    bottom = sorted(people.items(), key=lambda kv: (kv[1], kv[0]))[:4]
    (reply,) = ask(generated, question)
    for name, value in bottom:
        assert f"{name}: {hours(value)}" in reply
    fifth = sorted(people.items(), key=lambda kv: (kv[1], kv[0]))[4]
    assert f"{fifth[0]}: {hours(fifth[1])}" not in reply or fifth[1] == bottom[-1][1]


@pytest.mark.parametrize(
    "question",
    [
        "quem mais fez reunião em outubro?",
        "quem fez mais reunião de alinhamento em outubro?",
        "quem mais apontou reunião em outubro?",
    ],
)
def test_the_top_person_inside_an_activity(generated: Dataset, rows: list[Span], question: str) -> None:
    people = by(rows, lambda r: r.name, lambda r: in_october(r) and activity_has("reuniao")(r))
    name, value = max(people.items(), key=lambda kv: (kv[1], kv[0]))
    (reply,) = ask(generated, question)
    first = reply.splitlines()[0]
    assert "reunião" in first.lower() and day(OCTOBER[0]) in first
    assert reply.splitlines()[1] == f"- {name}: {hours(value)}"


# -- shares -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "quanto % das horas do 8446 foi suporte?",
        "qual o percentual de suporte no contrato 8446?",
        "% do contrato 8446 em suporte",
        "qual a porcentagem de suporte no 8446?",
    ],
)
def test_the_share_of_an_activity(generated: Dataset, rows: list[Span], question: str) -> None:
    part = total(rows, lambda r: in_contract(r) and activity_has("suporte")(r))
    whole = total(rows, in_contract)
    (reply,) = ask(generated, question)
    percent = f"{100 * part / whole:.1f}".replace(".", ",") + "%"
    assert percent in reply and hours(part) in reply and hours(whole) in reply


# -- open periods -------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["horas do 8446 desde 12/11", "horas do 8446 a partir de 12/11"])
def test_since_a_day(generated: Dataset, rows: list[Span], question: str) -> None:
    start = date(2026, 11, 12)
    (reply,) = ask(generated, question)
    assert hours(total(rows, lambda r: in_contract(r) and r.day >= start)) in reply
    assert day(start) in reply and day(TODAY) in reply


@pytest.mark.parametrize("question", ["horas do 8446 até 15/10", "quanto o 8446 fez até 15/10?"])
def test_until_a_day(generated: Dataset, rows: list[Span], question: str) -> None:
    end = date(2026, 10, 15)
    (reply,) = ask(generated, question)
    assert hours(total(rows, lambda r: in_contract(r) and r.day <= end)) in reply
    assert day(min(r.day for r in rows)) in reply and day(end) in reply


@pytest.mark.parametrize(
    "question",
    [
        "até que dia teve apontamento no 8446?",
        "qual o último dia com apontamento no 8446?",
        "último apontamento do contrato 8446",
    ],
)
def test_the_last_day(generated: Dataset, rows: list[Span], question: str) -> None:
    last = max(r.day for r in rows if in_contract(r))
    (reply,) = ask(generated, question)
    assert day(last) in reply and "Último dia" in reply


# -- follow-ups that change the operation, and "no total" --------------------------------------


def test_follow_ups_change_the_operation_and_keep_the_filters(generated: Dataset, rows: list[Span]) -> None:
    keep = lambda r: in_october(r) and activity_has("reuniao")(r)  # noqa: E731
    people = sorted(by(rows, lambda r: r.name, keep).items(), key=lambda kv: (-kv[1], kv[0]))
    replies = ask(
        generated,
        "horas de reunião em outubro",
        "e quem fez mais lá?",
        "e os que menos fizeram?",
        "e no total?",
    )
    assert hours(total(rows, keep)) in replies[0]
    assert replies[1].splitlines()[1] == f"- {people[0][0]}: {hours(people[0][1])}"
    low = min(people, key=lambda kv: (kv[1], kv[0]))
    assert replies[2].splitlines()[1] == f"- {low[0]}: {hours(low[1])}"
    assert hours(total(rows, keep)) in replies[3] and day(OCTOBER[0]) in replies[3]


@pytest.mark.parametrize("closing", ["e no total?", "e somando tudo?"])
def test_no_total_after_a_breakdown_sums_it(generated: Dataset, rows: list[Span], closing: str) -> None:
    replies = ask(generated, "horas do 8446 por mês", closing)
    assert hours(total(rows, in_contract)) in replies[1]


def test_no_total_after_a_narrowed_total_is_asked(generated: Dataset) -> None:
    replies = ask(generated, "horas do 8446 em outubro", "e no total?")
    assert FIGURE.search(replies[1]) is None and "?" in replies[1]


# -- the coverage rule: a word that changes the answer is honoured or named back --------------


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("quantos dias úteis tem em novembro por semana?", "por semana"),
        ("quem não apontou desde?", "desde"),
        ("feriados de novembro em média", "média"),
        ("quais os feriados por mês?", "por mês"),
    ],
)
def test_an_operator_it_cannot_honour_is_named_not_dropped(generated: Dataset, question: str, word: str) -> None:
    reply = answer(generated, question, {}, TODAY)
    assert FIGURE.search(reply.text) is None, reply.text
    assert f"“{word}”" in reply.text


def test_the_nearest_question_is_offered_not_answered(generated: Dataset) -> None:
    reply = answer(generated, "quantos dias úteis tem em novembro por semana?", {}, TODAY)
    assert reply.suggestions == ("Quantos dias úteis tem em novembro?",)
    assert "dias úteis" not in reply.text.split("—")[0].split("“")[0]  # no figure of the other question


# -- corrections are confirmed, never applied silently -----------------------------------------


def test_a_typo_turned_into_a_level_is_confirmed(generated: Dataset) -> None:
    first, second = ask(generated, "quais os lento do 8446?", "sim")
    assert "Você quis dizer “pleno”" in first and FIGURE.search(first) is None
    assert "pleno" in second.lower() and re.search(r"\d+ recursos?", second)


def test_a_declined_correction_answers_nothing(generated: Dataset) -> None:
    _, second = ask(generated, "quais os lento do 8446?", "não")
    assert FIGURE.search(second) is None


@pytest.mark.parametrize("question", ["horas em outubro no 8446", "horas de outubro no contrato 8446"])
def test_a_contract_after_a_month_is_not_a_year(generated: Dataset, rows: list[Span], question: str) -> None:
    (reply,) = ask(generated, question)
    assert hours(total(rows, lambda r: in_contract(r) and in_october(r))) in reply


# -- simple phrasings that used to work --------------------------------------------------------


def test_informations_of_a_contract(generated: Dataset, rows: list[Span]) -> None:
    (reply,) = ask(generated, "Mostre informações do contrato 8446")
    assert hours(total(rows, in_contract)) in reply


def test_the_validators_of_everyone(generated: Dataset, rows: list[Span]) -> None:
    reply = answer(generated, "quem são os validadores?", {}, TODAY)
    expected: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r.validator:
            expected[r.supplier].add(r.validator)
    assert reply.table is not None
    shown = {row[0]: set(row[1].split(", ")) for row in reply.table.rows}  # the first page of the card
    assert reply.table.total == len(expected) and shown and all(expected[c] == v for c, v in shown.items())


@pytest.mark.parametrize("question", ["quantas horas deveria fazer em outubro?", "qual a meta de horas de outubro?"])
def test_the_expected_hours_are_the_same_for_everyone(generated: Dataset, question: str) -> None:
    off = holidays.country_holidays("BR", years=[2026])
    days = [OCTOBER[0] + timedelta(days=i) for i in range(31)]
    working = [d for d in days if d.weekday() < 5 and d not in off]
    (reply,) = ask(generated, question)
    assert hours(8.0 * len(working)) in reply


@pytest.mark.parametrize(
    "question", ["quantos apontamentos de 1/10 a 15/10?", "numero de apontamentos de 1/10 a 15/10"]
)
def test_the_number_of_entries(generated: Dataset, rows: list[Span], question: str) -> None:
    count = sum(1 for r in rows if date(2026, 10, 1) <= r.day <= date(2026, 10, 15))
    (reply,) = ask(generated, question)
    assert f"{count:,d}".replace(",", ".") + " apontamentos" in reply


@pytest.mark.parametrize(
    "question", ["horas brutas de reunião em outubro", "quantas horas brutas de reunião teve em outubro?"]
)
def test_gross_hours_of_an_activity(generated: Dataset, rows: list[Span], question: str) -> None:
    keep = lambda r: in_october(r) and activity_has("reuniao")(r)  # noqa: E731
    (reply,) = ask(generated, question)
    assert hours(total(rows, keep, "gross")) in reply and hours(total(rows, keep)) not in reply


# -- the asker and the person the bot named -----------------------------------------------------


def test_to_devendo_is_the_asker(generated: Dataset, rows: list[Span]) -> None:
    name = max({r.name for r in rows if in_contract(r)})
    (reply,) = ask(generated, "to devendo horas esse mes?", user=name)
    assert name in reply and "esperad" in reply


def test_ela_is_the_person_the_ranking_named(generated: Dataset, rows: list[Span]) -> None:
    last_week = (date(2026, 11, 16), date(2026, 11, 22))
    people = by(rows, lambda r: r.name, lambda r: in_contract(r) and last_week[0] <= r.day <= last_week[1])
    top = max(people.items(), key=lambda kv: (kv[1], kv[0]))[0]
    november = total(rows, lambda r: r.name == top and date(2026, 11, 1) <= r.day)
    replies = ask(generated, "quem apontou mais horas no 8446 semana passada?", "e ela, quantas horas fez no mês todo?")
    assert top in replies[1] and hours(november) in replies[1]


def test_two_periods_side_by_side(generated: Dataset, rows: list[Span]) -> None:
    september = total(rows, lambda r: in_contract(r) and r.day.month == 9)
    october = total(rows, lambda r: in_contract(r) and in_october(r))
    for question in ("compara setembro e outubro do 8446", "setembro x outubro no 8446"):
        (reply,) = ask(generated, question)
        assert hours(september) in reply and hours(october) in reply, question


# -- names: surnames that are words, and "você quis dizer" that does not loop ----------------------


@pytest.mark.parametrize(
    "name",
    ["Felipe Mendes Dias", "Fábio Dias Carvalho", "Quirino Dias Ferreira", "Thiago Vieira Dias Nascimento"],
)
def test_a_surname_that_is_a_word_still_names_the_person(generated: Dataset, rows: list[Span], name: str) -> None:
    (reply,) = ask(generated, f"horas do {name} em outubro")
    assert name in reply and hours(total(rows, lambda r: r.name == name and in_october(r))) in reply


def test_a_name_suggestion_is_answered_by_yes(generated: Dataset, rows: list[Span]) -> None:
    name = "Quirino Dias Ferreira"
    first, second = ask(generated, "horas do Quirinno em outubro", "sim")
    assert "Você quis dizer" in first and name in first and FIGURE.search(first) is None
    assert hours(total(rows, lambda r: r.name == name and in_october(r))) in second


# -- ranks of what the noun names, and context that does not leak ---------------------------------


@pytest.mark.parametrize(
    "question", ["os 3 contratos com menos horas em outubro", "quais os 3 contratos com menos horas em outubro?"]
)
def test_the_bottom_contracts(generated: Dataset, rows: list[Span], question: str) -> None:
    contracts = sorted(by(rows, lambda r: r.supplier, in_october).items(), key=lambda kv: (kv[1], kv[0]))
    (reply,) = ask(generated, question)
    lines = reply.splitlines()[1:]
    assert lines == [f"- {c}: {hours(h)}" for c, h in contracts[:3]]


@pytest.mark.parametrize(
    "question", ["qual o dia com mais apontamentos em outubro?", "qual dia teve mais apontamentos em outubro"]
)
def test_the_day_with_most_entries(generated: Dataset, rows: list[Span], question: str) -> None:
    counts: dict[date, int] = defaultdict(int)
    for r in rows:
        if in_october(r):
            counts[r.day] += 1
    best = max(counts.values())
    (reply,) = ask(generated, question)
    assert all(f"{day(d)}" in reply for d, n in counts.items() if n == best)
    assert f"{best} apontamentos" in reply


def test_a_ranking_of_contracts_is_not_narrowed_to_the_last_contract(generated: Dataset, rows: list[Span]) -> None:
    replies = ask(generated, "horas do 8446 em outubro", "top 5 contratos")
    contracts = sorted(by(rows, lambda r: r.supplier, in_october).items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    assert all(f"{c}: {hours(h)}" in replies[1] for c, h in contracts)


def test_a_complete_question_does_not_inherit_the_previous_contract(generated: Dataset, rows: list[Span]) -> None:
    keep = lambda r: in_october(r) and activity_has("reuniao")(r)  # noqa: E731
    name, value = max(by(rows, lambda r: r.name, keep).items(), key=lambda kv: (kv[1], kv[0]))
    replies = ask(generated, "horas do 8447 em setembro", "quem mais fez reunião em outubro?")
    assert "8447" not in replies[1].splitlines()[0] and f"{name}: {hours(value)}" in replies[1]


def test_after_the_holidays_a_ranking_is_a_ranking(generated: Dataset) -> None:
    replies = ask(generated, "quais os feriados de novembro?", "quem mais trabalhou?")
    assert "Feriados" not in replies[1] and "Ranking" in replies[1]


# -- bounds, validation and roles inside a composition --------------------------------------------


@pytest.mark.parametrize(
    ("question", "keep"),
    [
        ("quem passou de 150 horas em outubro?", lambda h: h > 150),
        ("quem apontou menos de 160 horas em outubro?", lambda h: h < 160),
        ("quais pessoas fizeram mais de 170 horas em outubro?", lambda h: h > 170),
    ],
)
def test_people_above_or_below_a_number_of_hours(
    generated: Dataset, rows: list[Span], question: str, keep: Callable[[float], bool]
) -> None:
    people = by(rows, lambda r: r.name, in_october)
    chosen = {n for n, h in people.items() if keep(h)}
    reply = answer(generated, question, {}, TODAY)
    assert reply.table is not None and reply.table.total == len(chosen)
    shown = {row[0]: row[1] for row in reply.table.rows}  # the card's first page
    assert shown and all(name in chosen and value == hours(people[name]) for name, value in shown.items())


@pytest.mark.parametrize("question", ["quantas horas foram validadas em outubro?", "horas validadas em outubro"])
def test_validated_hours_are_not_the_pending_ones(generated: Dataset, rows: list[Span], question: str) -> None:
    (reply,) = ask(generated, question)
    assert hours(total(rows, lambda r: in_october(r) and r.validated)) in reply


def test_hours_of_a_level_by_month_match_the_latest_role(generated: Dataset, rows: list[Span]) -> None:
    latest: dict[str, tuple[Any, str | None]] = {}
    for r in rows:
        if r.resource_id not in latest or r.start > latest[r.resource_id][0]:
            latest[r.resource_id] = (r.start, r.level)
    seniors = {rid for rid, (_, level) in latest.items() if level and "SÊNIOR" in level}
    expected = by(rows, lambda r: (r.day.year, r.day.month), lambda r: r.resource_id in seniors)
    (reply,) = ask(generated, "horas dos seniors por mês")
    assert all(f"{MONTHS[m - 1]}/{y}: {hours(h)}" in reply for (y, m), h in expected.items())


def test_open_spans_by_person(generated: Dataset, rows: list[Span]) -> None:
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        if r.end is None and date(2026, 11, 1) <= r.day:
            counts[r.name] += 1
    reply = answer(generated, "quantos apontamentos sem saída por pessoa em novembro?", {}, TODAY)
    assert reply.table is not None and reply.table.total == len(counts)
    for name, value in ((row[0], row[1]) for row in reply.table.rows):
        assert value == f"{counts[name]} apontamento{'s' if counts[name] > 1 else ''} sem saída"


@pytest.mark.parametrize("question", ["saldo por pessoa em outubro", "saldo de horas de cada pessoa em outubro"])
def test_a_balance_per_person_is_not_answered_with_hours(generated: Dataset, question: str) -> None:
    (reply,) = ask(generated, question)
    assert FIGURE.search(reply) is None
