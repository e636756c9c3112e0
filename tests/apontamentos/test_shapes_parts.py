"""Shapes batch N showed: a share whose part is a weekday, a person, a contract or what was just answered;
the team's hours (not its head count); a forgotten clock-out; all the data said in words; a ranking after a
date; "a fatia … no total".

Expected figures are computed here in plain Python from the export rows (tests/expected.py), never through
the engine's queries; only the engine's public `answer` is used.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date

import pytest

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import TODAY, ask, by, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)

CONTRACT = "8446"
OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))
LAST_WEEK = (date(2026, 11, 16), date(2026, 11, 22))


def percent(part: float, whole: float) -> str:
    value = 100 * part / whole
    return f"{value + math.copysign(1e-9, value):.1f}".replace(".", ",") + "%"


def within(span: tuple[date, date]) -> Callable[[Span], bool]:
    return lambda r: span[0] <= r.day <= span[1]


def member(rows: list[Span], contract: str = CONTRACT) -> str:  # noqa: F811
    """Someone with October hours in the contract whose name holds no ordinary word ("Dias")."""
    names = sorted({r.name for r in rows if r.supplier == contract and within(OCTOBER)(r)})
    return next(n for n in names if "Dias" not in n.split())


# -- a share whose part is a filter the question names ------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "quanto % das horas do 8446 foi nas sextas?",
        "qnts % do 8446 foi às sextas-feiras?",
        "qual o percentual das horas do contrato 8446 nas sextas-feiras?",
    ],
)
def test_the_share_of_a_weekday(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    whole = total(rows, lambda r: r.supplier == CONTRACT)
    part = total(rows, lambda r: r.supplier == CONTRACT and r.day.isoweekday() == 5)
    (reply,) = ask(generated, question)
    assert percent(part, whole) in reply and hours(part) in reply and hours(whole) in reply


@pytest.mark.parametrize(
    "question",
    [
        "quanto % do 8446 foi d{name} em outubro?",
        "qnts % das horas do 8446 em outubro foram d{name}?",
        "em outubro, qual a porcentagem do 8446 que foi d{name}?",
    ],
)
def test_the_share_of_a_person_in_a_contract(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name = member(rows)
    whole = total(rows, lambda r: r.supplier == CONTRACT and within(OCTOBER)(r))
    part = total(rows, lambda r: r.supplier == CONTRACT and within(OCTOBER)(r) and r.name == name)
    (reply,) = ask(generated, question.format(name="o " + name.lower()))
    assert percent(part, whole) in reply and hours(whole) in reply


@pytest.mark.parametrize("question", ["qnts % das minhas horas foi no {c}?", "quanto % do meu total foi no {c}?"])
def test_the_share_of_a_contract_in_a_persons_hours(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    mine = {r.supplier for r in rows if r.name == member(rows)}
    name = member(rows)
    whole = total(rows, lambda r: r.name == name)
    part = total(rows, lambda r: r.name == name and r.supplier == CONTRACT)
    (reply,) = ask(generated, question.format(c=CONTRACT), user=name)
    assert CONTRACT in mine and percent(part, whole) in reply and hours(whole) in reply


@pytest.mark.parametrize(
    "follow_up",
    ["isso da qnts % do total do contrato no mes?", "e isso é quantos % do contrato?", "qnts % isso representa?"],
)
def test_the_share_of_what_was_just_answered(generated: Dataset, rows: list[Span], follow_up: str) -> None:  # noqa: F811
    in_october = within(OCTOBER)
    whole = total(rows, lambda r: r.supplier == CONTRACT and in_october(r))
    part = total(rows, lambda r: r.supplier == CONTRACT and in_october(r) and "suporte" in plain(r.activity))
    replies = ask(generated, "qnto tempo o pessoal do 8446 gastou com suporte em outubro?", follow_up)
    assert hours(part) in replies[0]
    assert percent(part, whole) in replies[1] and hours(whole) in replies[1]


@pytest.mark.parametrize(
    "follow_up",
    [
        "e qual a fatia das reunioes no total do contrato em outubro?",
        "e a fatia de reuniao no total do contrato?",
    ],
)
def test_a_slice_of_the_total_is_a_share_not_a_sum(generated: Dataset, rows: list[Span], follow_up: str) -> None:  # noqa: F811
    in_october = within(OCTOBER)
    whole = total(rows, lambda r: r.supplier == CONTRACT and in_october(r))
    part = total(rows, lambda r: r.supplier == CONTRACT and in_october(r) and "reuniao" in plain(r.activity))
    replies = ask(generated, "qnts horas o 8446 fez de reuniao mes passado?", follow_up)
    assert percent(part, whole) in replies[1]


# -- the team's hours, not its head count -------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "qnts horas o time do 8446 apontou semana passada?",
        "quantas horas a equipe do 8446 apontou semana passada?",
        "bom dia! qnts horas o pessoal do 8446 lançou semana passada?",
    ],
)
def test_the_teams_hours_are_hours(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    (reply,) = ask(generated, question)
    assert hours(total(rows, lambda r: r.supplier == CONTRACT and within(LAST_WEEK)(r))) in reply


def test_how_many_people_of_the_team_is_still_a_head_count(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "quantas pessoas do time do 8446 apontaram semana passada?")
    people = {r.resource_id for r in rows if r.supplier == CONTRACT and within(LAST_WEEK)(r)}
    assert f"{len(people)} recursos" in reply


# -- a forgotten clock-out ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["tem algum q eu esqueci de fechar?", "esqueci de fechar algum ponto?", "tenho ponto em aberto?"],
)
def test_forgetting_to_close_is_an_open_span(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name = next(n for n in sorted({r.name for r in rows if r.end is None}) if "Dias" not in n.split())
    count = sum(1 for r in rows if r.name == name and r.end is None)
    (reply,) = ask(generated, question, user=name)
    assert f"{count} apontamento{'s' if count > 1 else ''} sem saída" in reply


def test_closing_the_month_is_still_the_balance(generated: Dataset) -> None:
    (reply,) = ask(generated, "quanto falta pra fechar o mes?")
    assert "esperad" in reply and "sem saída" not in reply


# -- all the data, said in words ----------------------------------------------------------------------


@pytest.mark.parametrize("whole", ["e no geral", "e no periodo todo", "e desde o inicio"])
def test_all_the_data_in_words_replaces_the_conversations_period(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    whole: str,
) -> None:
    name = member(rows)
    days = by(rows, lambda r: r.day.isoweekday(), lambda r: r.name == name)
    best = max(days, key=lambda d: days[d])
    replies = ask(
        generated,
        "quanto eu apontei por semana em outubro?",
        f"{whole}, qual dia da semana eu mais trabalho?",
        user=name,
    )
    assert hours(days[best]) in replies[1] and "01/10/2026" not in replies[1]


def test_the_holidays_of_the_whole_period(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first = min(r.day for r in rows)
    (reply,) = ask(generated, "quais foram os feriados nesse periodo todo?")
    assert "07/09/2026" in reply and "12/10/2026" in reply and "20/11/2026" in reply
    assert first.strftime("%d/%m/%Y") in reply and TODAY.strftime("%d/%m/%Y") in reply


def test_from_the_start_until_a_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first = min(r.day for r in rows)
    (reply,) = ask(generated, "qnts dias uteis teve do inicio ate 15/9?")
    assert first.strftime("%d/%m/%Y") in reply and "15/09/2026" in reply and "Não encontrei" not in reply


# -- a ranking after a date ---------------------------------------------------------------------------


def test_who_recorded_least_after_a_last_day_ranks_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = member(rows)
    people = by(rows, lambda r: r.name, lambda r: r.supplier == CONTRACT and within(OCTOBER)(r))
    least = min(people, key=lambda n: (people[n], n))
    replies = ask(
        generated, f"qnd foi o ultimo apontamento d{'o ' + name.lower()}?", "e quem menos apontou no 8446 em outubro?"
    )
    assert f"{least}: {hours(people[least])}" in replies[1]


@pytest.mark.parametrize(
    "follow_up",
    ["qnts horas o time gastou com suporte nesse periodo?", "quanto deu de suporte no mesmo periodo?"],
)
def test_an_activity_in_the_same_period_keeps_the_contract(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    follow_up: str,
) -> None:
    since = date(2026, 10, 1)
    part = total(rows, lambda r: r.supplier == CONTRACT and r.day >= since and "suporte" in plain(r.activity))
    replies = ask(generated, "media de horas por pessoa no 8446 desde 1/10?", follow_up)
    assert hours(part) in replies[1]


# -- contracts compared in one question ----------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "compara as horas do 8446 com as do 8447 em outubro",
        "qual contrato apontou mais em outubro, o 8446 ou o 8447?",
        "8446 x 8447 em outubro",
        "qual a diferença de horas entre o 8446 e o 8447 em outubro?",
    ],
)
def test_two_contracts_side_by_side(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    a, b = (total(rows, lambda r, c=c: r.supplier == c and within(OCTOBER)(r)) for c in ("8446", "8447"))
    replies = ask(generated, question, "e em setembro?", "e o 8447?")
    assert f"8446: {hours(a)}" in replies[0] and f"8447: {hours(b)}" in replies[0]
    assert f"Diferença: {hours(abs(a - b))}" in replies[0]
    september = (date(2026, 9, 1), date(2026, 9, 30))
    for contract in ("8446", "8447"):
        assert (
            f"{contract}: {hours(total(rows, lambda r, c=contract: r.supplier == c and within(september)(r)))}"
            in (replies[1])
        )
    assert hours(total(rows, lambda r: r.supplier == "8447" and within(september)(r))) in replies[2]
    assert "8446" not in replies[2]


def test_people_counted_in_each_contract_listed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    replies = ask(generated, "quais contratos temos?", "qnts pessoas apontaram em cada um em outubro?")
    people = len({r.resource_id for r in rows if r.supplier == CONTRACT and within(OCTOBER)(r)})
    assert f"{CONTRACT}: {people} recursos" in replies[1]


@pytest.mark.parametrize("question", ["qm do 8446 apontou ontem?", "quem do 8446 trabalhou ontem?"])
def test_who_of_a_contract_recorded_a_day(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    yesterday = date(2026, 11, 24)
    people = {r.name for r in rows if r.supplier == CONTRACT and r.day == yesterday}
    (reply,) = ask(generated, question)
    assert f"{len(people)} recursos" in reply and all(name in reply for name in people)


# -- batch M: met the hours, weekends counted, clocked out ---------------------------------------------


@pytest.mark.parametrize(
    "question", ["bati as horas de outubro?", "e eu, bati as horas de outubro?", "eu bati minhas horas em outubro?"]
)
def test_meeting_the_hours_is_the_balance(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name = member(rows)
    (reply,) = ask(generated, question, user=name)
    assert "168,0 h esperadas" in reply and hours(total(rows, lambda r: r.name == name and within(OCTOBER)(r))) in reply


@pytest.mark.parametrize(
    "question", ["trabalhei qnts fins de semana esse mes?", "quantos fins de semana eu trabalhei em novembro?"]
)
def test_weekends_counted_are_days_of_work(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    november = (date(2026, 11, 1), TODAY)
    name = next(
        n
        for n in sorted({r.name for r in rows if within(november)(r) and r.day.isoweekday() >= 6})
        if "Dias" not in n.split()
    )
    days = {r.day for r in rows if r.name == name and within(november)(r) and r.day.isoweekday() >= 6}
    (reply,) = ask(generated, question, user=name)
    assert f"{len(days)} dia{'s' if len(days) > 1 else ''} de trabalho" in reply


def test_clocking_out_is_an_open_span_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = member(rows)
    (reply,) = ask(generated, "bati a saida ontem?", user=name)
    assert "sem saída" in reply


# -- people compared in one question ---------------------------------------------------------------------


def two_members(rows: list[Span]) -> tuple[str, str]:  # noqa: F811
    """Two people of the contract, each named by a full name no other person shares a word run with."""
    names = sorted({r.name for r in rows if r.supplier == CONTRACT and within(OCTOBER)(r)})
    plain_names = [n for n in names if "Dias" not in n.split()]
    return plain_names[0], plain_names[1]


@pytest.mark.parametrize(
    "question",
    [
        "compara as horas d{a} e d{b} em outubro",
        "quem fez mais hora em outubro, {a} ou {b}?",
        "horas d{a} x d{b} em outubro",
    ],
)
def test_two_people_side_by_side(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    a, b = two_members(rows)
    figures = {n: total(rows, lambda r, n=n: r.name == n and within(OCTOBER)(r)) for n in (a, b)}
    text = question.format(
        a=("o " if "{a} ou" not in question else "") + a.lower(), b=("o " if "d{b}" in question else "") + b.lower()
    )
    replies = ask(generated, text, "e os dois somados?")
    assert all(f"{n}: {hours(v)}" in replies[0] for n, v in figures.items())
    assert hours(sum(figures.values())) in replies[1]


@pytest.mark.parametrize(
    "question", ["qm fez mais hora em outubro, eu ou {b}?", "quem apontou mais em outubro, {b} ou eu?"]
)
def test_the_asker_against_someone(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    me, other = two_members(rows)
    (reply,) = ask(generated, question.format(b="o " + other.lower()), user=me)
    for name in (me, other):
        assert f"{name}: {hours(total(rows, lambda r, n=name: r.name == n and within(OCTOBER)(r)))}" in reply


# -- a team's days above a bound; weekdays beside a period ------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["quais dias o 8446 passou de {t}h semana passada?", "dias em que o 8446 passou de {t} horas semana passada"],
)
def test_a_contracts_days_above_more_hours_than_a_day_has(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, lambda r: r.supplier == CONTRACT and within(LAST_WEEK)(r))
    bound = int(sorted(days.values())[len(days) // 2])  # more than 24 h: the contract's days, not a person's
    above = {d: v for d, v in days.items() if v > bound}
    (reply,) = ask(generated, question.format(t=bound))
    assert bound > 24
    assert above and all(f"{d:%d/%m/%Y}" in reply and hours(v) in reply for d, v in above.items())
    assert not any(f"- {d:%d/%m/%Y}" in reply for d in days.keys() - above.keys())


@pytest.mark.parametrize(
    "question",
    [
        "de seg a sex, qual dia o 8446 menos aponta? olhando outubro",
        "de segunda a sexta, qual dia o 8446 menos apontou em outubro?",
    ],
)
def test_weekdays_beside_a_period_filter_it(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    weekdays = by(
        rows,
        lambda r: r.day.isoweekday(),
        lambda r: r.supplier == CONTRACT and within(OCTOBER)(r) and r.day.isoweekday() <= 5,
    )
    least = min(weekdays, key=lambda d: weekdays[d])
    names = ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira")
    (reply,) = ask(generated, question)
    assert f"{names[least - 1]}: {hours(weekdays[least])}" in reply and "01/10/2026" in reply


@pytest.mark.parametrize(
    "question",
    [
        "e essa semana ate agora, ta mais ou menos q nos mesmos dias da semana passada?",
        "o 8446 ta melhor essa semana q nos mesmos dias da semana passada?",
    ],
)
def test_this_week_against_the_same_days_of_last_week(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    this_week = (date(2026, 11, 23), TODAY)
    same_days = (date(2026, 11, 16), date(2026, 11, 18))
    replies = ask(generated, "horas do 8446 semana passada", question)
    for span in (this_week, same_days):
        assert hours(total(rows, lambda r, s=span: r.supplier == CONTRACT and within(s)(r))) in replies[1]


@pytest.mark.parametrize(
    "habit", ["qual dia da semana eu mais trabalho?", "em q dia da semana eu costumo apontar menos?"]
)
def test_a_habit_is_over_all_the_data(generated: Dataset, rows: list[Span], habit: str) -> None:  # noqa: F811
    name = member(rows)
    days = by(rows, lambda r: r.day.isoweekday(), lambda r: r.name == name)
    chosen = (max if "mais" in habit else min)(days, key=lambda d: days[d])
    replies = ask(generated, "quanto eu apontei em novembro?", habit, user=name)
    assert hours(days[chosen]) in replies[1] and "01/11/2026" not in replies[1]


# -- batch O ----------------------------------------------------------------------------------------------


def test_open_spans_left_without_closing(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = next(n for n in sorted({r.name for r in rows if r.end is None}) if "Dias" not in n.split())
    count = sum(1 for r in rows if r.name == name and r.end is None)
    (reply,) = ask(generated, "e qnts apontamentos meus ficaram sem fechar?", user=name)
    assert f"{count} apontamento{'s' if count > 1 else ''} sem saída" in reply


def test_qnt_the_team_recorded_is_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "qnt o time do 8446 apontou semana passada?")
    assert hours(total(rows, lambda r: r.supplier == CONTRACT and within(LAST_WEEK)(r))) in reply


@pytest.mark.parametrize(
    ("question", "most"),
    [
        ("qual o dia da semana mais fraco do 8446 em outubro?", False),
        ("qual foi o dia da semana mais forte do 8446 em outubro?", True),
    ],
)
def test_the_strongest_and_weakest_weekday(generated: Dataset, rows: list[Span], question: str, most: bool) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day.isoweekday(), lambda r: r.supplier == CONTRACT and within(OCTOBER)(r))
    chosen = (max if most else min)(days, key=lambda d: days[d])
    (reply,) = ask(generated, question)
    assert hours(days[chosen]) in reply and len([line for line in reply.splitlines() if line.startswith("- ")]) == 1


def test_which_contract_had_more_people_after_the_contracts(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = {
        c: len({r.resource_id for r in rows if r.supplier == c and within(OCTOBER)(r)})
        for c in {r.supplier for r in rows}
    }
    top = max(people, key=lambda c: people[c])
    replies = ask(generated, "quantas horas cada contrato fez em outubro?", "qual teve mais gente?")
    assert f"{top}: {people[top]} recursos" in replies[1]


def test_how_long_an_entry_lasts_is_a_habit(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = member(rows)
    replies = ask(generated, "qnt eu fiz esse mes", "quanto tempo dura em media meus apontamentos?", user=name)
    assert "01/11/2026" not in replies[1]


@pytest.mark.parametrize(
    "follow_up", ["e os 3 primeiros, qnto fizeram em setembro?", "os tres primeiros fizeram quanto em setembro?"]
)
def test_the_first_of_a_list_in_another_period(generated: Dataset, rows: list[Span], follow_up: str) -> None:  # noqa: F811
    october = by(rows, lambda r: r.name, lambda r: within(OCTOBER)(r))
    first = sorted(october, key=lambda n: (-october[n], n))[:3]
    september = (date(2026, 9, 1), date(2026, 9, 30))
    replies = ask(generated, "top 10 de quem mais apontou hora mes passado", follow_up)
    for name in first:
        assert f"{name}: {hours(total(rows, lambda r, n=name: r.name == n and within(september)(r)))}" in replies[1]


# -- batch P ----------------------------------------------------------------------------------------------


def test_sem_with_a_typo_is_still_last_week(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, lambda r: r.supplier == CONTRACT and within(LAST_WEEK)(r))
    top = max(people, key=lambda n: (people[n], n))
    (reply,) = ask(generated, "top 3 do 8446 sem pasada")
    assert f"{top}: {hours(people[top])}" in reply and "16/11/2026" in reply


def test_c_is_com(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = by(rows, lambda r: r.supplier, lambda r: within(OCTOBER)(r))
    top = max(contracts, key=lambda c: contracts[c])
    (reply,) = ask(generated, "quais os 5 contratos c mais hrs em outubro")
    assert f"{top}: {hours(contracts[top])}" in reply


def test_weekends_after_holidays_keep_the_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = {(r.resource_id, r.day) for r in rows if r.supplier == CONTRACT and r.day.isoweekday() >= 6}
    replies = ask(generated, "qnts dias de feriado o pessoal do 8446 trabalhou?", "e fds?")
    assert f"{len(days)} dias de trabalho" in replies[1]


def test_open_spans_of_a_named_contract_are_now(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    count = sum(1 for r in rows if r.supplier == CONTRACT and r.end is None)
    replies = ask(generated, "horas do 8446 em outubro por semana", "qnts apontamentos abertos tem no 8446?")
    assert f"{count} apontamentos sem saída" in replies[1]


def test_a_bare_contract_is_the_one_talked_about_or_asked(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (asked,) = ask(generated, "qnts % das hrs do contrato em outubro foi correcao de bugs")
    assert "De qual contrato?" in asked
    whole = total(rows, lambda r: r.supplier == CONTRACT and within(OCTOBER)(r))
    part = total(rows, lambda r: r.supplier == CONTRACT and within(OCTOBER)(r) and "correcao" in plain(r.activity))
    replies = ask(generated, "horas do 8446 em outubro", "qnts % das hrs do contrato foi correcao de bugs")
    assert percent(part, whole) in replies[1]


def test_against_last_week_until_a_weekday(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    this_week, same_days = (date(2026, 11, 23), TODAY), (date(2026, 11, 16), date(2026, 11, 18))
    (reply,) = ask(generated, "o 8446 ta apontando mais ou menos q sem passada ate quarta?")
    for span in (this_week, same_days):
        assert hours(total(rows, lambda r, s=span: r.supplier == CONTRACT and within(s)(r))) in reply


def test_no_geral_after_a_noun_widens_the_noun_not_the_period(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    replies = ask(generated, "qnts arquitetos seniors apontaram esse mes?", "e qnts seniors no geral?")
    assert "01/11/2026" in replies[1]


@pytest.mark.parametrize(
    ("question", "each_day"),
    [
        ("minhas hrs por dia na sem passada", True),
        ("horas por dia do 8446 semana passada", True),
        ("quantas horas por dia eu trabalho em media?", False),
    ],
)
def test_hours_per_day_lists_days_unless_asked_how_many(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
    each_day: bool,
) -> None:
    name = member(rows)
    (reply,) = ask(generated, question, user=name)
    days = by(
        rows,
        lambda r: r.day,
        lambda r: (r.name == name if "8446" not in question else r.supplier == CONTRACT) and within(LAST_WEEK)(r),
    )
    listed = all(hours(v) in reply for v in days.values())
    assert listed == each_day and ("por dia trabalhado" in reply) != each_day


# -- batches Q and R ------------------------------------------------------------------------------------------

NOVEMBER = (date(2026, 11, 1), TODAY)


def test_until_today_in_a_talk_about_this_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = member(rows)
    replies = ask(generated, "qnts horas eu fiz esse mes?", "e qnt eu deveria ter feito ate hj?", user=name)
    assert "128,0 h esperadas" in replies[1] and "01/11/2026" in replies[1]


def test_what_is_left_to_meet_the_hours_is_the_askers(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = member(rows)
    (reply,) = ask(generated, "qnt falta pra bater as horas de novembro?", user=name)
    assert name in reply and hours(total(rows, lambda r: r.name == name and within(NOVEMBER)(r))) in reply


def test_a_daily_breakdown_in_words(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, lambda r: r.supplier == CONTRACT and within(LAST_WEEK)(r))
    (reply,) = ask(generated, "quebra diaria do 8446 na sem passada")
    assert all(hours(v) in reply for v in days.values())


@pytest.mark.parametrize("whole", ["na base toda", "de todo mundo"])
def test_who_did_most_after_an_activitys_hours_ranks_inside_it(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    whole: str,
) -> None:
    people = by(rows, lambda r: r.name, lambda r: within(LAST_WEEK)(r) and "reuniao" in plain(r.activity))
    top = max(people, key=lambda n: (people[n], n))
    replies = ask(generated, f"qnts horas de reuniao foram feitas na semana passada {whole}?", "quem mais fez? top 3")
    assert hours(total(rows, lambda r: within(LAST_WEEK)(r) and "reuniao" in plain(r.activity))) in replies[0]
    assert f"{top}: {hours(people[top])}" in replies[1]


def test_the_whole_contract_by_its_number_after_a_ranking(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    replies = ask(generated, "quem mais apontou no 8446 em outubro? top 3", "e o 8446 todo no mes?")
    assert hours(total(rows, lambda r: r.supplier == CONTRACT and within(OCTOBER)(r))) in replies[1]


def test_a_share_keeps_its_part_when_the_whole_becomes_the_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = member(rows)
    whole = total(rows, lambda r: r.supplier == CONTRACT and within(OCTOBER)(r))
    part = total(rows, lambda r: r.supplier == CONTRACT and within(OCTOBER)(r) and "reuniao" in plain(r.activity))
    replies = ask(
        generated,
        "quanto % das minhas horas de outubro foram em reunião?",
        "e considerando o contrato 8446 inteiro em outubro?",
        user=name,
    )
    assert percent(part, whole) in replies[1]


def test_who_did_an_activity_is_counted_and_its_total_stays_in_the_period(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
) -> None:
    doing = {r.resource_id for r in rows if within(OCTOBER)(r) and "reuniao" in plain(r.activity)}
    replies = ask(generated, "quem fez reuniao em outubro?", "quantas horas de reuniao no total?")
    assert f"{len(doing)} recursos" in replies[0]
    assert hours(total(rows, lambda r: within(OCTOBER)(r) and "reuniao" in plain(r.activity))) in replies[1]


def test_open_spans_asked_after_another_question_are_now(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = next(n for n in sorted({r.name for r in rows if r.end is None}) if "Dias" not in n.split())
    count = sum(1 for r in rows if r.name == name and r.end is None)
    replies = ask(
        generated, f"quantas horas {'o ' + name.lower()} fez em outubro?", "e quantos apontamentos abertos ele tem?"
    )
    assert f"{count} apontamento{'s' if count > 1 else ''} sem saída" in replies[1]


def test_days_on_which_an_activity_was_done(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = next(n for n in sorted({r.name for r in rows if "review" in plain(r.activity)}) if "Dias" not in n.split())
    days = {r.day for r in rows if r.name == name and "review" in plain(r.activity)}
    (reply,) = ask(generated, "em qnts dias diferentes eu fiz code review?", user=name)
    assert f"{len(days)} dia" in reply


# -- batches S and T --------------------------------------------------------------------------------------


def test_the_top_share_of_a_breakdown_is_of_the_whole(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    in_october = lambda r: r.supplier == CONTRACT and within(OCTOBER)(r)  # noqa: E731
    activities = by(rows, lambda r: plain(r.activity), in_october)  # as the engine groups them
    top = max(activities, key=lambda a: activities[a])
    (reply,) = ask(generated, "qual atividade do 8446 teve mais horas em outubro, em %?")
    assert percent(activities[top], sum(activities.values())) in reply


def test_holidays_between_two_months(generated: Dataset) -> None:
    (reply,) = ask(generated, "quais feriados teve entre setembro e novembro?")
    assert all(day in reply for day in ("07/09/2026", "12/10/2026", "02/11/2026", "20/11/2026"))


@pytest.mark.parametrize(
    "question",
    ["quantas horas era pra eu ter feito em outubro e qnt eu fiz?", "qnt eu tinha que ter feito em outubro?"],
)
def test_what_one_should_have_done_is_the_balance(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name = member(rows)
    (reply,) = ask(generated, question, user=name)
    assert "168,0 h esperadas" in reply


def test_closing_a_report_is_not_the_balance(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "preciso fechar o relatorio semanal do 8446, qnts horas o contrato teve sem passada?")
    assert hours(total(rows, lambda r: r.supplier == CONTRACT and within(LAST_WEEK)(r))) in reply


def test_a_contracts_share_of_everyone(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    november = (date(2026, 11, 1), TODAY)
    whole = total(rows, lambda r: within(november)(r))
    replies = ask(generated, "qnto % das horas de novembro foram do contrato 8446?", "e do 8447?")
    for reply, contract in zip(replies, ("8446", "8447"), strict=True):
        assert percent(total(rows, lambda r, c=contract: r.supplier == c and within(november)(r)), whole) in reply


def test_another_bound_in_a_follow_up(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = member(rows)
    daily = by(rows, lambda r: r.day, lambda r: r.name == name and within(OCTOBER)(r))
    replies = ask(generated, "quais dias eu passei de 9h em outubro?", "e de 8h?", user=name)
    assert all(f"{d:%d/%m/%Y}" in replies[1] for d, v in daily.items() if v > 8)


def test_missing_days_of_the_one_talked_about(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = member(rows)
    replies = ask(generated, "semana passada por dia, minhas horas", "faltou apontar algum dia?", user=name)
    assert "16/11/2026" in replies[1] and "22/11/2026" in replies[1]


# -- batches U and V --------------------------------------------------------------------------------------


def test_a_habit_asked_as_a_follow_up_keeps_the_period(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = member(rows)
    days = by(rows, lambda r: r.day.isoweekday(), lambda r: r.name == name and within(OCTOBER)(r))
    best = max(days, key=lambda d: days[d])
    replies = ask(generated, "qnt eu fiz em outubro?", "e qual dia da semana eu mais trabalho?", user=name)
    assert hours(days[best]) in replies[1] and "01/10/2026" in replies[1]


def test_a_contracts_habit_is_over_all_the_data(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day.isoweekday(), lambda r: r.supplier == CONTRACT)
    least = min(days, key=lambda d: days[d])
    replies = ask(generated, "horas do 8446 em outubro", "qual o dia da semana q o 8446 menos trabalha?")
    assert hours(days[least]) in replies[1]


def test_deixei_is_the_asker(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = next(n for n in sorted({r.name for r in rows if r.end is None}) if "Dias" not in n.split())
    count = sum(1 for r in rows if r.name == name and r.end is None)
    (reply,) = ask(generated, "deixei algum apontamento aberto sem saida?", user=name)
    assert name in reply and f"{count} apontamento" in reply


def test_olhando_tudo_is_all_the_data(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = len({r.resource_id for r in rows if r.supplier == CONTRACT})
    replies = ask(
        generated,
        "quantos contratos tiveram apontamento em outubro?",
        "e quais contratos tem mais gente, olhando tudo?",
    )
    assert f"{CONTRACT}: {people} recursos" in replies[1]


def test_who_worked_most_on_weekends_ranks_weekend_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    november = (date(2026, 11, 1), TODAY)
    people = by(rows, lambda r: r.name, lambda r: within(november)(r) and r.day.isoweekday() >= 6)
    top = max(people, key=lambda n: (people[n], n))
    (reply,) = ask(generated, "quem mais trabalhou em fim de semana em novembro?")
    assert f"{top}: {hours(people[top])}" in reply


@pytest.mark.parametrize(
    ("follow_up", "whole"), [("e quantos ficaram sem saida?", False), ("e quantos apontamentos abertos ele tem?", True)]
)
def test_open_spans_then_or_now(generated: Dataset, rows: list[Span], follow_up: str, whole: bool) -> None:  # noqa: F811
    name = next(n for n in sorted({r.name for r in rows if r.end is None}) if "Dias" not in n.split())
    replies = ask(generated, f"quantas horas {'o ' + name.lower()} fez em outubro?", follow_up)
    assert ("01/10/2026" in replies[1]) != whole
