"""Follow-up shapes that used to get a confident figure for another question, each in several phrasings:
this week against last week in everyday words, ordinals into the list just shown ("e a segunda?"), "no total"
that widens a question narrowed to an activity, and follow-ups that change only the measure.

Expected figures are computed here in plain Python from the export rows (tests/expected.py), never through
the engine's queries; only the engine's public `answer` is used.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from apontamentos.dataset import Dataset

from ..expected import Span
from .conftest import GENERATED_END
from .test_composition_shapes import FIGURE, ask, day, hours, plain
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)

TODAY = GENERATED_END  # a Wednesday; the generated data ends on it
CONTRACT = "8446"
OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))
THIS_WEEK = (TODAY - timedelta(days=TODAY.weekday()), TODAY)
LAST_WEEK_SO_FAR = (THIS_WEEK[0] - timedelta(days=7), TODAY - timedelta(days=7))  # the same weekdays


def total(rows: list[Span], keep: Callable[[Span], bool]) -> float:
    return sum(r.net or 0 for r in rows if keep(r))


def between(period: tuple[date, date]) -> Callable[[Span], bool]:
    return lambda r: period[0] <= r.day <= period[1]


def both(*tests: Callable[[Span], bool]) -> Callable[[Span], bool]:
    return lambda r: all(t(r) for t in tests)


def named(name: str) -> Callable[[Span], bool]:
    return lambda r: r.name == name


def in_contract(r: Span) -> bool:
    return r.supplier == CONTRACT


def activity_has(word: str) -> Callable[[Span], bool]:
    return lambda r: word in plain(r.activity).split()


def ranked(rows: list[Span], keep: Callable[[Span], bool], ascending: bool = False) -> list[str]:
    """The people of the rows kept, by net hours (most first, or least first)."""
    per_person: dict[str, float] = defaultdict(float)
    for r in rows:
        if keep(r):
            per_person[r.name] += r.net or 0
    return sorted(per_person, key=lambda name: per_person[name] if ascending else -per_person[name])


# -- this week against last week, in everyday words ---------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "essa semana ta melhor q a passada no 8446?",
        "essa semana ta melhor ou pior q a passada no 8446?",
        "comparado com a semana passada, como ta o 8446?",
        "o 8446 ta pior q semana passada?",
        "essa semana o 8446 fez mais ou menos q na passada?",
        "essa semana x semana passada no 8446",
        "essa semana ta abaixo da passada no 8446?",
        "o 8446 fez mais horas essa semana que na passada?",
    ],
)
def test_this_week_against_last_week_of_a_contract(generated: Dataset, rows: list[Span], question: str) -> None:
    (reply,) = ask(generated, question)
    this = total(rows, both(in_contract, between(THIS_WEEK)))
    last = total(rows, both(in_contract, between(LAST_WEEK_SO_FAR)))
    assert hours(this) in reply and hours(last) in reply, reply
    assert day(LAST_WEEK_SO_FAR[1]) in reply  # the same weekdays of last week, not the whole week


@pytest.fixture(scope="module")
def worker(rows: list[Span]) -> str:
    """Someone of the contract who worked both this week and the same days of last week."""
    return next(
        name
        for name in sorted({r.name for r in rows if in_contract(r)})
        if total(rows, both(named(name), between(THIS_WEEK)))
        and total(rows, both(named(name), between(LAST_WEEK_SO_FAR)))
    )


@pytest.mark.parametrize(
    "question",
    [
        "to fazendo mais ou menos q semana passada?",
        "to melhor q semana passada?",
        "essa semana eu fiz mais q a semana passada?",
        "to trabalhando mais q na semana anterior?",
    ],
)
def test_the_asker_this_week_against_last_week(
    generated: Dataset, rows: list[Span], worker: str, question: str
) -> None:
    (reply,) = ask(generated, question, user=worker)
    this = total(rows, both(named(worker), between(THIS_WEEK)))
    last = total(rows, both(named(worker), between(LAST_WEEK_SO_FAR)))
    assert worker in reply and hours(this) in reply and hours(last) in reply, reply


@pytest.mark.parametrize("closing", ["e pra mim?", "e so eu?", "e eu?"])
def test_a_week_comparison_follow_up_for_the_asker(
    generated: Dataset, rows: list[Span], worker: str, closing: str
) -> None:
    replies = ask(generated, "essa semana ta melhor q a passada no 8446?", closing, user=worker)
    this = total(rows, both(named(worker), between(THIS_WEEK)))
    last = total(rows, both(named(worker), between(LAST_WEEK_SO_FAR)))
    assert worker in replies[1] and hours(this) in replies[1] and hours(last) in replies[1], replies[1]


@pytest.mark.parametrize(
    "question",
    [
        "quem trabalhou mais essa semana q na passada?",
        "qual contrato ta melhor q semana passada?",
        "quais pessoas fizeram menos essa semana do q na passada?",
        "top 5 q mais fizeram essa semana comparado com a passada",
    ],
)
def test_ranking_by_the_week_difference_is_asked_not_answered(generated: Dataset, question: str) -> None:
    (reply,) = ask(generated, question)
    assert FIGURE.search(reply) is None, reply


def test_one_week_alone_is_still_that_week(generated: Dataset, rows: list[Span], worker: str) -> None:
    last_week = (THIS_WEEK[0] - timedelta(days=7), THIS_WEEK[0] - timedelta(days=1))
    (reply,) = ask(generated, "quanto eu fiz semana passada?", user=worker)
    assert hours(total(rows, both(named(worker), between(last_week)))) in reply


# -- ordinals into the list the bot just showed -----------------------------------------------


@pytest.fixture(scope="module")
def top5(rows: list[Span]) -> list[str]:
    return ranked(rows, both(in_contract, between(OCTOBER)))[:5]


@pytest.mark.parametrize(
    ("question", "position"),
    [
        ("e o terceiro?", 3),
        ("e a segunda, qnts horas fez em out?", 2),
        ("e o quinto colocado?", 5),
        ("e o 4o da lista?", 4),
        ("e a primeira dessa lista, qnto ela fez em out?", 1),
    ],
)
def test_an_ordinal_is_the_person_at_that_position(
    generated: Dataset, rows: list[Span], top5: list[str], question: str, position: int
) -> None:
    replies = ask(generated, "top 5 do 8446 em outubro", question)
    person = top5[position - 1]
    assert person in replies[1] and hours(total(rows, both(named(person), between(OCTOBER)))) in replies[1]
    assert not any(other in replies[1] for other in top5 if other != person), replies[1]


def test_an_ordinal_with_a_breakdown_and_a_share(generated: Dataset, rows: list[Span], top5: list[str]) -> None:
    second, fifth = top5[1], top5[4]
    replies = ask(
        generated,
        "top 5 do 8446 em outubro",
        "e a segunda? quebra por semana dela",
        "e o quinto, q % das horas dele foi reuniao?",
    )
    weeks: dict[date, float] = defaultdict(float)
    for r in rows:
        if r.name == second and OCTOBER[0] <= r.day <= OCTOBER[1]:
            weeks[r.day - timedelta(days=r.day.weekday())] += r.net or 0
    assert second in replies[1]
    for monday, value in weeks.items():
        assert f"semana de {day(monday)}: {hours(value)}" in replies[1]
    part = total(rows, both(named(fifth), between(OCTOBER), activity_has("reuniao")))
    whole = total(rows, both(named(fifth), between(OCTOBER)))
    assert fifth in replies[2] and f"({hours(part)} de {hours(whole)})" in replies[2], replies[2]


@pytest.mark.parametrize("question", ["e o sexto?", "e a 7a da lista?", "e o decimo colocado?", "e a oitava?"])
def test_a_position_past_the_list_is_asked(generated: Dataset, question: str) -> None:
    replies = ask(generated, "top 5 do 8446 em outubro", question)
    assert FIGURE.search(replies[1]) is None and "5 pessoas" in replies[1]


@pytest.mark.parametrize("question", ["e na segunda?", "e segunda-feira?", "e na segunda feira?"])
def test_a_weekday_with_its_preposition_stays_a_day(generated: Dataset, top5: list[str], question: str) -> None:
    monday = THIS_WEEK[0]
    replies = ask(generated, "top 5 do 8446 em outubro", question)
    assert day(monday) in replies[1] and day(OCTOBER[0]) not in replies[1], replies[1]


@pytest.mark.parametrize(
    "question", ["e o primeiro contrato?", "e a segunda semana?", "e o primeiro dia?", "e a primeira vez?"]
)
def test_an_ordinal_of_something_else_is_not_a_listed_person(
    generated: Dataset, top5: list[str], question: str
) -> None:
    replies = ask(generated, "top 5 do 8446 em outubro", question)
    assert not any(f"{name} trabalhou" in replies[1] for name in top5), replies[1]


@pytest.mark.parametrize("question", ["e a segunda?", "e o terceiro?", "e a primeira dessa lista, qnto ela fez?"])
def test_an_ordinal_without_a_list_names_nobody(generated: Dataset, question: str) -> None:
    replies = ask(generated, "horas do 8446 em outubro", question)
    assert FIGURE.search(replies[1]) is None or day(OCTOBER[0]) not in replies[1], replies[1]


# -- "no total" widens a question narrowed to an activity -------------------------------------


@pytest.fixture(scope="module")
def meeter(rows: list[Span]) -> str:
    """Someone with meeting hours in October and other hours too."""
    keep = both(between(OCTOBER), activity_has("reuniao"))
    return next(
        name
        for name in sorted({r.name for r in rows if keep(r)})
        if total(rows, both(named(name), between(OCTOBER))) > total(rows, both(named(name), keep))
    )


@pytest.mark.parametrize(
    "closing",
    ["e no total, todas as atividades?", "e no total?", "e em todas as atividades?", "e somando tudo?"],
)
def test_no_total_after_an_activity_is_every_activity(
    generated: Dataset, rows: list[Span], meeter: str, closing: str
) -> None:
    replies = ask(generated, "qnts horas eu fiz de reuniao em outubro?", closing, user=meeter)
    assert hours(total(rows, both(named(meeter), between(OCTOBER), activity_has("reuniao")))) in replies[0]
    everything = total(rows, both(named(meeter), between(OCTOBER)))
    assert meeter in replies[1] and hours(everything) in replies[1], replies[1]
    assert "reuni" not in replies[1].lower()


def test_no_total_after_a_narrowed_total_without_activity_is_still_asked(generated: Dataset) -> None:
    replies = ask(generated, "horas do 8446 em outubro", "e no total?")
    assert FIGURE.search(replies[1]) is None and "?" in replies[1]


@pytest.mark.parametrize(
    "closing",
    [
        "e a primeira dessa lista, qnto ela fez no total em out?",
        "e a primeira, quanto fez no total em outubro?",
        "e o total da primeira em out?",
        "e o primeiro colocado, qnto fez no total?",
    ],
)
def test_no_total_of_someone_listed_inside_an_activity(generated: Dataset, rows: list[Span], closing: str) -> None:
    keep = both(in_contract, between(OCTOBER), activity_has("reuniao"))
    first = ranked(rows, keep, ascending=True)[0]
    replies = ask(generated, "qm fez menos reuniao no 8446 em outubro? os 3 ultimos", closing)
    assert first in replies[0]
    assert first in replies[1] and hours(total(rows, both(named(first), between(OCTOBER)))) in replies[1], replies[1]


# -- follow-ups that change only the measure ---------------------------------------------------


@pytest.mark.parametrize(
    "first",
    [
        "qnts pessoas apontaram no 8446 em outubro?",
        "qnto o 8446 faturou em outubro?",
        "qual o valor cobrado pelo 8446 em outubro?",
        "quantos apontamentos o 8446 teve em outubro?",
    ],
)
def test_e_em_horas_keeps_the_contract_and_the_period(generated: Dataset, rows: list[Span], first: str) -> None:
    replies = ask(generated, first, "e em horas?")
    assert hours(total(rows, both(in_contract, between(OCTOBER)))) in replies[1], replies[1]


@pytest.mark.parametrize(
    "closing",
    [
        "e ela fez qnts apontamentos?",
        "e a primeira, quantos apontamentos?",
        "e qnts apontamentos ela fez?",
        "e o numero de apontamentos dela?",
    ],
)
def test_a_count_of_entries_of_the_person_a_list_named(generated: Dataset, rows: list[Span], closing: str) -> None:
    first = ranked(rows, both(in_contract, between(OCTOBER)))[0]
    replies = ask(generated, "qm mais trabalhou no 8446 em outubro? os 3 maiores", closing)
    entries = sum(1 for r in rows if r.name == first and OCTOBER[0] <= r.day <= OCTOBER[1])
    assert first in replies[1] and f"{entries} apontamentos" in replies[1], replies[1]
    assert "por pessoa" not in replies[1]


@pytest.mark.parametrize("closing", ["e eu, qnto fiz em out?", "e eu, quanto fiz?", "e quanto eu fiz em outubro?"])
def test_quanto_after_a_breakdown_is_one_figure(
    generated: Dataset, rows: list[Span], worker: str, closing: str
) -> None:
    replies = ask(generated, "horas do 8446 por semana em outubro", closing, user=worker)
    assert hours(total(rows, both(named(worker), between(OCTOBER)))) in replies[1], replies[1]
    assert "semana de" not in replies[1]


@pytest.mark.parametrize("closing", ["e os q mais?", "e os que mais fizeram?", "e os com mais horas?"])
def test_the_other_end_of_a_short_list_keeps_its_size(generated: Dataset, rows: list[Span], closing: str) -> None:
    keep = both(in_contract, between(OCTOBER))
    replies = ask(generated, "os 3 q menos apontaram no 8446 em outubro", closing)
    top = ranked(rows, keep)
    assert all(name in replies[1] for name in top[:3]) and top[3] not in replies[1], replies[1]


@pytest.mark.parametrize(
    "closing",
    [
        "e ele, qnt fez em outubro todo? (tudo, nao so reuniao)",
        "e ela, quanto fez em outubro, nao so reuniao?",
        "e o primeiro, qnt fez em out? tudo, nao so reuniao",
        "e ele em outubro, nao apenas reuniao?",
    ],
)
def test_nao_so_widens_to_every_activity(generated: Dataset, rows: list[Span], closing: str) -> None:
    top = ranked(rows, both(between(OCTOBER), activity_has("reuniao")))[0]
    replies = ask(generated, "qm mais apontou reuniao em outubro?", closing)
    assert top in replies[1] and hours(total(rows, both(named(top), between(OCTOBER)))) in replies[1], replies[1]


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("quantas horas de bug o 8446 teve em outubro?", "bugs"),
        ("quanto o 8446 gastou com bug em outubro?", "bugs"),
        ("horas de requisito do 8446 em outubro", "requisitos"),
        ("horas de funcionalidade no 8446 em outubro", "funcionalidades"),
        ("horas de reunioes do 8446 em outubro", "reuniao"),
    ],
)
def test_an_activity_word_in_the_other_number(generated: Dataset, rows: list[Span], question: str, word: str) -> None:
    (reply,) = ask(generated, question)
    assert hours(total(rows, both(in_contract, between(OCTOBER), activity_has(word)))) in reply, reply


@pytest.mark.parametrize(
    "listing",
    [
        "top 5 do 8446 em outubro",
        "quanto cada um fez no 8446 em outubro?",
        "horas por pessoa do 8446 em outubro, os 5 maiores",
        "qm mais trabalhou no 8446 em outubro? os 5 primeiros",
    ],
)
def test_every_list_of_people_answers_an_ordinal(
    generated: Dataset, rows: list[Span], top5: list[str], listing: str
) -> None:
    replies = ask(generated, listing, "e a segunda, qnts horas fez?")
    second = top5[1]
    assert second in replies[1] and hours(total(rows, both(named(second), between(OCTOBER)))) in replies[1]


def meetings_of_the_contract_in_october(r: Span) -> bool:
    return in_contract(r) and OCTOBER[0] <= r.day <= OCTOBER[1] and "reuniao" in plain(r.activity).split()


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        ("e em apontamentos?", lambda kept: f"{len(kept)} apontamentos"),
        ("e em pessoas?", lambda kept: f"{len({r.resource_id for r in kept})} recursos"),
        ("e em dias?", lambda kept: f"{len({r.day for r in kept})} dias"),
        ("e qnts apontamentos foram?", lambda kept: f"{len(kept)} apontamentos"),
    ],
)
def test_a_measure_alone_after_an_activity_keeps_it(
    generated: Dataset, rows: list[Span], closing: str, expected: Callable[[list[Span]], str]
) -> None:
    kept = [r for r in rows if meetings_of_the_contract_in_october(r)]
    replies = ask(generated, "qnts horas de reuniao o 8446 teve em outubro?", closing)
    assert expected(kept) in replies[1] and "reuni" in replies[1].lower(), replies[1]


@pytest.mark.parametrize(
    "question",
    [
        "mostra a quebra por dia do terceiro",
        "quebra por semana do terceiro",
        "horas do terceiro por semana",
        "qnts horas fez o terceiro?",
    ],
)
def test_a_position_in_the_list_keeps_its_period(
    generated: Dataset, rows: list[Span], top5: list[str], question: str
) -> None:
    replies = ask(generated, "top 5 do 8446 em outubro", question)
    third = top5[2]
    assert third in replies[1] and day(OCTOBER[0]) in replies[1] and day(OCTOBER[1]) in replies[1], replies[1]


@pytest.mark.parametrize(
    "question",
    ["comparando com semana passada, como estou?", "como to em relacao a semana passada?"],
)
def test_como_estou_against_last_week_is_the_asker(
    generated: Dataset, rows: list[Span], worker: str, question: str
) -> None:
    (reply,) = ask(generated, question, user=worker)
    this = total(rows, both(named(worker), between(THIS_WEEK)))
    assert worker in reply and hours(this) in reply, reply


@pytest.mark.parametrize(
    "closing",
    [
        "e qnts horas ela fez no mes?",
        "e ela, quanto fez no mes todo?",
        "e a primeira, qnto fez no mes?",
        "e quanto ela trabalhou no mes inteiro?",
    ],
)
def test_no_mes_in_a_follow_up_is_the_month_talked_about(generated: Dataset, rows: list[Span], closing: str) -> None:
    first = ranked(rows, both(in_contract, between(OCTOBER)), ascending=True)[0]
    replies = ask(generated, "qm fez menos horas no 8446 em outubro? os 3 ultimos", closing)
    assert first in replies[1] and hours(total(rows, both(named(first), between(OCTOBER)))) in replies[1], replies[1]


def test_no_mes_in_a_new_question_is_this_month(generated: Dataset, rows: list[Span], worker: str) -> None:
    this_month = (TODAY.replace(day=1), TODAY)
    (reply,) = ask(generated, "quantas horas eu fiz no mes?", user=worker)
    assert hours(total(rows, both(named(worker), between(this_month)))) in reply, reply


@pytest.mark.parametrize(
    "closing",
    [
        "e semana passada, qnt o 8446 fez?",
        "e quanto o 8446 fez semana passada?",
        "e semana passada, qnto eles trabalharam?",
        "e semana passada, quanto deu?",
    ],
)
def test_quanto_fez_after_a_count_of_people_is_hours(generated: Dataset, rows: list[Span], closing: str) -> None:
    last_week = (THIS_WEEK[0] - timedelta(days=7), THIS_WEEK[0] - timedelta(days=1))
    replies = ask(generated, "qnts pessoas apontaram no 8446 em outubro?", closing)
    assert hours(total(rows, both(in_contract, between(last_week)))) in replies[1], replies[1]
