"""Shapes batches BP and BQ showed: drilling into an answer's rows ("a segunda semana por dia", "o de cima",
"no dia mais alto dessa semana"), people talked about one after the other ("quanto cada uma fez?"), weekdays
moved from the last one ("e na sexta anterior?"), and what a refused question leaves for the next.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import pytest

from apontamentos.dataset import Dataset
from apontamentos.engine import Answer, answer
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import FIGURE, TODAY, WEEKDAYS, ask, by, day, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_periods_lists import LAST_WEEK, NOVEMBER, OCTOBER, SEPTEMBER, of_contract, one_contract_person, within

YESTERDAY = TODAY - timedelta(days=1)


def scoped(db: Dataset, scope: Scope, *questions: str) -> list[Answer]:
    context: dict[str, Any] = {}
    replies = []
    for question in questions:
        reply = answer(db, question, context, TODAY, scope=scope)
        context = reply.context
        replies.append(reply)
    return replies


def weeks(span: tuple[date, date]) -> list[tuple[date, date]]:
    """The Monday-to-Sunday weeks of a period, cut at its ends (as a breakdown by week lists them)."""
    out, start = [], span[0]
    while start <= span[1]:
        end = min(span[1], start + timedelta(days=6 - start.weekday()))
        out.append((start, end))
        start = end + timedelta(days=1)
    return out


def busy_person(rows: list[Span], keep: Any) -> str:  # noqa: F811
    people = by(rows, lambda r: r.name, keep)
    return max(people, key=lambda n: (people[n], n))


# -- a row of the last breakdown, named by its position or by what it holds ---------------------------------


@pytest.mark.parametrize(("nth", "index"), [("a segunda semana", 1), ("a terceira semana", 2), ("a 4a semana", 3)])
def test_a_week_of_the_list_by_its_position(generated: Dataset, rows: list[Span], nth: str, index: int) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    start, end = weeks(OCTOBER)[index]
    days = by(rows, lambda r: r.day, lambda r: r.name == name and start <= r.day <= end)
    *_, reply = ask(generated, "qnt eu fiz mes passado", "abre por semana", f"{nth} por dia", user=name)
    assert f"de {day(start)} a {day(end)}" in reply
    assert all(f"{day(d)} ({WEEKDAYS[d.weekday()]}): {hours(v)}" in reply for d, v in days.items())


def test_who_did_most_in_a_week_of_the_list_keeps_the_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    start, end = weeks(OCTOBER)[2]
    people = by(rows, lambda r: r.name, of_contract((start, end)))
    top = max(people, key=lambda n: (people[n], n))
    *_, reply = ask(generated, "horas do 8446 por semana em outubro", "na terceira semana quem mais apontou?")
    assert f"{top}: {hours(people[top])}" in reply and "8446" in reply.splitlines()[0]


@pytest.mark.parametrize(
    "question",
    [
        "na semana mais pesada quem foram os 3 q mais apontaram?",
        "e na semana mais forte, quem foram os top 3?",
        "quem mais apontou na semana mais cheia? top 3",
    ],
)
def test_people_of_the_heaviest_week_keep_the_contract(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    totals = {w: total(rows, of_contract(w)) for w in weeks(OCTOBER)}
    heaviest = max(totals, key=lambda w: totals[w])
    people = by(rows, lambda r: r.name, of_contract(heaviest))
    top3 = sorted(people, key=lambda n: (-people[n], n))[:3]
    *_, reply = ask(generated, "horas do 8446 por semana em outubro", question)
    assert all(f"{n}: {hours(people[n])}" in reply for n in top3) and "8446" in reply.splitlines()[0]


@pytest.mark.parametrize("words", ["no dia mais alto dessa semana", "no dia mais puxado da lista", "no dia mais forte"])
def test_the_busiest_day_of_the_list_just_shown(generated: Dataset, rows: list[Span], words: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    start, end = weeks(OCTOBER)[1]
    days = by(rows, lambda r: r.day, lambda r: r.name == name and start <= r.day <= end)
    busiest = max(days, key=lambda d: (days[d], d))
    gross = total(rows, lambda r: r.name == name and r.day == busiest, basis="gross")
    *_, reply = ask(
        generated, f"horas de {name} por dia de {day(start)} a {day(end)}", f"{words}, qnt deu bruto?", user=name
    )
    assert hours(gross) in reply and day(busiest) in reply and "dois períodos" not in reply


@pytest.mark.parametrize("top", ["e o de cima", "e a pessoa do topo", "e o primeiro colocado", "e o lider"])
def test_the_top_of_the_list(generated: Dataset, rows: list[Span], top: str) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(OCTOBER))
    first = max(people, key=lambda n: (people[n], n))
    *_, reply = ask(generated, "top 5 do 8446 em outubro", f"{top}, qnt fez em novembro?")
    assert hours(total(rows, lambda r: r.name == first and within(NOVEMBER)(r))) in reply and first in reply


@pytest.mark.parametrize("whole", ["na semana toda", "na semana inteira"])
def test_the_whole_week_of_a_day(generated: Dataset, rows: list[Span], whole: str) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, of_contract(LAST_WEEK))
    busiest = max(days, key=lambda d: (days[d], d))
    people = by(rows, lambda r: r.name, of_contract((busiest, busiest)))
    first = max(people, key=lambda n: (people[n], n))
    *_, reply = ask(
        generated, "hrs por dia do 8446 sem passada", "no dia mais forte, quem puxou? top 3", f"e o de cima, {whole}?"
    )
    assert hours(total(rows, lambda r: r.name == first and within(LAST_WEEK)(r))) in reply
    assert f"de {day(LAST_WEEK[0])} a {day(LAST_WEEK[1])}" in reply


@pytest.mark.parametrize("question", ["e a semana de 12/10 por dia", "e a semana do dia 14/10, por dia"])
def test_a_week_named_by_one_of_its_days(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    week = (date(2026, 10, 12), date(2026, 10, 18))
    days = by(rows, lambda r: r.day, of_contract(week))
    *_, reply = ask(generated, "horas do 8446 por semana em outubro", question)
    assert all(f"{day(d)} ({WEEKDAYS[d.weekday()]}): {hours(v)}" in reply for d, v in days.items())


def test_a_count_of_people_after_the_weeks_is_one_count(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = {r.name for r in rows if of_contract(NOVEMBER)(r)}
    *_, reply = ask(generated, "horas do 8446 por semana esse mes", "qnts pessoas apontaram nele?")
    assert f"{len(people)} recursos" in reply and "semana de" not in reply


# -- people and contracts talked about one after the other --------------------------------------------------


def two_people(rows: list[Span]) -> tuple[str, str]:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(OCTOBER))
    first, second = sorted(people, key=lambda n: (-people[n], n))[:2]
    return first, second


@pytest.mark.parametrize("each", ["quanto cada uma fez?", "e qnt cada um fez no mes?"])
def test_each_of_the_two_just_asked_about(generated: Dataset, rows: list[Span], each: str) -> None:  # noqa: F811
    first, second = two_people(rows)
    *_, reply = ask(generated, f"qnts % das horas do 8446 em outubro foi da {first}?", f"e da {second}?", each)
    assert all(hours(total(rows, lambda r, n=n: r.name == n and within(OCTOBER)(r))) in reply for n in (first, second))


def test_the_two_just_asked_about_summed_by_week(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first, second = two_people(rows)
    *_, reply = ask(generated, f"quanto a {first} fez em outubro?", f"e a {second}?", "e as duas juntas por semana?")
    for start, end in weeks(OCTOBER):
        assert hours(total(rows, lambda r, s=start, e=end: r.name in (first, second) and s <= r.day <= e)) in reply


def test_the_two_summed_keep_the_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first, second = two_people(rows)
    activities = by(rows, lambda r: plain(r.activity), lambda r: r.name in (first, second) and within(NOVEMBER)(r))
    activity = max(activities, key=lambda a: (activities[a], a))
    *_, reply = ask(
        generated,
        f"qnto a {first} fez de {activity} em outubro?",
        f"e a {second}?",
        "e as duas juntas esse mes?",
    )
    assert hours(activities[activity]) in reply


@pytest.mark.parametrize(
    ("before", "question", "span"),
    [
        ("quando a {first} apontou pela ultima vez?", "e ela x a {other} em horas no total?", None),
        ("quanto a {first} fez em outubro?", "quem fez mais, ela ou a {other}?", OCTOBER),
        ("quanto a {first} fez em outubro?", "compara ela com a {other}", OCTOBER),
    ],
)
def test_her_against_another(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    before: str,
    question: str,
    span: tuple[date, date] | None,
) -> None:
    first, second = two_people(rows)
    *_, reply = ask(generated, before.format(first=first), question.format(other=second))
    for name in (first, second):
        assert hours(total(rows, lambda r, n=name: r.name == n and (span is None or within(span)(r)))) in reply


def test_the_first_two_of_an_earlier_list_summed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(OCTOBER))
    ranked = sorted(people, key=lambda n: (-people[n], n))
    *_, reply = ask(
        generated,
        "top 5 do 8446 em outubro",
        "e o terceiro, qnt fez em novembro?",
        "abre isso por semana",
        "e os dois primeiros somados em outubro?",
    )
    assert hours(people[ranked[0]] + people[ranked[1]]) in reply


def test_the_other_of_two_contracts(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = by(rows, lambda r: r.supplier, lambda r: r.supplier in ("8446", "8447") and within(OCTOBER)(r))
    first, other = sorted(contracts, key=lambda c: -contracts[c])
    people = {r.name for r in rows if of_contract(OCTOBER, other)(r)}
    *_, reply = ask(
        generated,
        "compara o 8446 e o 8447 em outubro",
        "o q ficou na frente, por semana",
        "e qnts pessoas tem no outro?",
    )
    assert f"{len(people)} recursos" in reply and other in reply


# -- periods moved from the last one -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "moved"),
    [
        ("na sexta passada", "e na sexta anterior?", date(2026, 11, 13)),
        ("no sabado 24/10", "e no domingo seguinte?", date(2026, 10, 25)),
        ("no sabado 24/10", "e na segunda seguinte?", date(2026, 10, 26)),
        ("em 20/11", "e na quinta anterior?", date(2026, 11, 19)),
    ],
)
def test_a_weekday_before_or_after_the_last_day(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    first: str,
    then: str,
    moved: date,
) -> None:
    people = {r.name for r in rows if r.day == moved}
    *_, reply = ask(generated, f"quantas pessoas apontaram {first}?", then)
    assert f"{len(people)} recursos" in reply and day(moved) in reply


def test_how_much_it_came_to_keeps_the_person(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    mondays = total(rows, lambda r: r.name == name and within(OCTOBER)(r) and r.day.weekday() == 0)
    *_, reply = ask(generated, "em q dia da semana eu mais trabalho?", "qnt deu so as segundas de outubro?", user=name)
    assert hours(mondays) in reply and name in reply


def test_a_monthly_breakdown_for_everyone(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    months = by(rows, lambda r: r.day.month, lambda r: True)
    (reply,) = ask(generated, "total de horas por mes, todo mundo")
    assert all(hours(value) in reply for value in months.values())


@pytest.mark.parametrize("versus", ["x", "vs"])
def test_x_is_versus(generated: Dataset, rows: list[Span], versus: str) -> None:  # noqa: F811
    october, september = total(rows, of_contract(OCTOBER)), total(rows, of_contract(SEPTEMBER))
    (reply,) = ask(generated, f"horas do 8446 em outubro {versus} setembro")
    assert hours(october) in reply and hours(september) in reply


# -- what a refused question leaves for the next ---------------------------------------------------------------


def test_a_refused_write_leaves_whom_she_means(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = busy_person(rows, within((YESTERDAY, YESTERDAY)))
    *_, reply = ask(
        generated,
        f"apaga o apontamento de ontem da {name}",
        "me passa o cpf dela",
        "qnt o 8446 vai faturar em R$ esse mes?",
        "ta bom, entao quantas horas ela fez ontem?",
    )
    assert hours(total(rows, lambda r: r.name == name and r.day == YESTERDAY)) in reply and name in reply


@pytest.mark.parametrize(
    "refused", ["quanto o meu contrato todo apontou esse mes?", "qnt o pessoal do meu contrato fez esse mes?"]
)
def test_a_colleague_asking_for_her_contract_then_herself(generated: Dataset, rows: list[Span], refused: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    me = next(r.resource_id for r in rows if r.name == name)
    first, second, third = scoped(generated, Scope("colaborador", resource_id=me), refused, "ta, e eu?", "qnts dias?")
    assert FIGURE.search(first.text) is None
    assert hours(total(rows, lambda r: r.name == name and within(NOVEMBER)(r))) in second.text
    assert f"{len({r.day for r in rows if r.name == name and within(NOVEMBER)(r)})} dias" in third.text


def test_a_part_of_the_month_after_an_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    activities = by(rows, lambda r: plain(r.activity), lambda r: r.name == name and within(SEPTEMBER)(r))
    activity = max(activities, key=lambda a: (activities[a], a))
    share = f"{100 * activities[activity] / sum(activities.values()):.1f}%".replace(".", ",")
    *_, reply = ask(generated, f"qnt tempo gastei com {activity} em setembro?", "e em % do meu mes?", user=name)
    assert share in reply


# -- gestores ---------------------------------------------------------------------------------------------------


def test_a_client_part_is_not_the_whole_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    client = sorted({r.client for r in rows if r.supplier == "8446" and r.client})[0]
    part = total(rows, lambda r: r.client == client and within(NOVEMBER)(r))
    replies = scoped(
        generated,
        Scope("gestor", contracts=(client,)),
        "qnt o 8446 apontou em novembro?",
        "e o contrato inteiro do 8446, com as outras partes?",
        "e o 8446 inteiro?",
    )
    assert hours(part) in replies[0].text
    assert FIGURE.search(replies[1].text) is None and client in replies[1].text
    assert FIGURE.search(replies[2].text) is None and client in replies[2].text  # refused, the part offered


def test_who_after_the_weekend_days_lists_the_people(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weekend: dict[str, float] = defaultdict(float)
    for r in rows:
        if r.supplier == "8446" and r.day.weekday() >= 5:
            weekend[r.name] += r.net or 0
    first = max(weekend, key=lambda n: (weekend[n], n))
    replies = scoped(
        generated,
        Scope("gestor", contracts=("8446",)),
        "alguem do meu time trabalhou em fim de semana?",
        "quem?",
        "e o primeiro deles, qnts horas fez em sab e dom?",
    )
    assert all(f"{n}: {hours(v)}" in replies[1].text for n, v in weekend.items())
    assert hours(weekend[first]) in replies[2].text and first in replies[2].text


def test_one_of_those_over_a_bound_keeps_the_period(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    per_day: dict[tuple[str, date], float] = defaultdict(float)
    for r in rows:
        if of_contract(OCTOBER)(r):
            per_day[(r.name, r.day)] += r.net or 0
    over = sorted((n, d) for (n, d), v in per_day.items() if v > 9)
    name = over[0][0]
    *_, reply = ask(generated, "quem do 8446 passou de 9h num dia em outubro?", f"quais dias a {name} passou das 9h?")
    assert all(day(d) in reply for n, d in over if n == name)
    assert f"de {day(OCTOBER[0])} a {day(OCTOBER[1])}" in reply


# -- batch BS: the talk coming back to something said before ---------------------------------------------------


@pytest.mark.parametrize(
    "lead", ["volta pro 8446,", "voltando pro 8446,", "muda de assunto: no 8446,", "outra pergunta: no 8446"]
)
def test_a_topic_shift_then_the_question(generated: Dataset, rows: list[Span], lead: str) -> None:  # noqa: F811
    pending = sum(1 for r in rows if of_contract(OCTOBER)(r) and not r.validated)
    *_, reply = ask(generated, "quanto o 8447 fez em outubro?", f"{lead} tem apontamento sem validar em outubro?")
    assert f"{pending} apontamentos" in reply and "8446" in reply


@pytest.mark.parametrize("said", ["que eu perguntei antes", "q eu falei agora pouco", "que eu mencionei"])
def test_someone_asked_about_before(generated: Dataset, rows: list[Span], said: str) -> None:  # noqa: F811
    first, second = two_people(rows)
    *_, reply = ask(
        generated,
        f"quanto a {first} fez em outubro?",
        f"e a {second}?",
        f"e a {first} {said}, quantos apontamentos em outubro?",
    )
    entries = sum(1 for r in rows if r.name == first and within(OCTOBER)(r))
    assert f"{entries} apontamentos" in reply


def test_expected_against_done(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, f"e a {name}, esperado vs realizado em outubro?")
    assert hours(total(rows, lambda r: r.name == name and within(OCTOBER)(r))) in reply and "esperad" in reply


def test_a_name_two_people_share_is_the_one_just_listed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    names = sorted({r.name for r in rows})
    shared = {}
    for name in names:
        first_two = " ".join(name.split()[:2])
        shared.setdefault(first_two, []).append(name)
    pairs = {k: v for k, v in shared.items() if len(v) == 2}
    if not pairs:
        pytest.skip("no two people share a first and second name in this data")
    short, (one, other) = next(iter(pairs.items()))
    contract = next(r.supplier for r in rows if r.name == one)
    if any(r.name == other and r.supplier == contract for r in rows):
        pytest.skip("both are on the same contract")
    mine = total(rows, lambda r: r.name == one and within(OCTOBER)(r))
    *_, reply = ask(generated, f"top 50 do {contract} em outubro", f"e a {short}, qnt fez em outubro?")
    assert hours(mine) in reply and one in reply


@pytest.mark.parametrize("who", ["e quem foi?", "quem?", "quem foram?"])
def test_who_after_a_count_of_weekend_days(generated: Dataset, rows: list[Span], who: str) -> None:  # noqa: F811
    weekend: dict[str, float] = defaultdict(float)
    for r in rows:
        if of_contract(OCTOBER)(r) and r.day.weekday() >= 5:
            weekend[r.name] += r.net or 0
    *_, reply = ask(generated, "qnts dias de fim de semana o pessoal do 8446 trabalhou em outubro", who)
    assert all(f"{n}: {hours(v)}" in reply for n, v in weekend.items())


@pytest.mark.parametrize("week", ["naquela semana toda", "naquela semana", "na semana toda"])
def test_the_week_of_the_busiest_day(generated: Dataset, rows: list[Span], week: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    days = by(rows, lambda r: r.day, lambda r: r.name == name and within(OCTOBER)(r))
    busiest = max(days, key=lambda d: (days[d], d))
    monday = busiest - timedelta(days=busiest.weekday())
    span = (monday, monday + timedelta(days=6))
    *_, reply = ask(generated, "qual foi meu dia mais puxado em outubro?", f"e qnt eu fiz {week}?", user=name)
    assert hours(total(rows, lambda r: r.name == name and within(span)(r))) in reply


def test_all_of_a_gestors_contracts_after_one_of_them(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = {r.name for r in rows if r.supplier in ("8446", "8447") and within(SEPTEMBER)(r)}
    replies = scoped(
        generated,
        Scope("gestor", contracts=("8446", "8447")),
        "quem mais apontou no 8447 em setembro?",
        "e qnts pessoas ao todo nos meus contratos em setembro?",
    )
    assert f"{len(people)} recursos" in replies[1].text


# -- batch BU: two things asked in one message ---------------------------------------------------------------


def days_of(rows: list[Span], name: str, span: tuple[date, date]) -> int:  # noqa: F811
    return len({r.day for r in rows if r.name == name and within(span)(r)})


@pytest.mark.parametrize(
    "message",
    ["qnt fiz em outubro e qnts dias foram", "quantas horas eu fiz em outubro? e em quantos dias?"],
)
def test_hours_and_days_in_one_message(generated: Dataset, rows: list[Span], message: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    reply, again = ask(generated, message, "e setembro?", user=name)
    assert hours(total(rows, lambda r: r.name == name and within(OCTOBER)(r))) in reply
    assert f"{days_of(rows, name, OCTOBER)} dias" in reply
    # "e setembro?" asks both again
    assert hours(total(rows, lambda r: r.name == name and within(SEPTEMBER)(r))) in again
    assert f"{days_of(rows, name, SEPTEMBER)} dias" in again


def test_most_and_least_in_one_message(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(NOVEMBER))
    most, least = max(people, key=lambda n: (people[n], n)), min(people, key=lambda n: (people[n], n))
    (reply,) = ask(generated, "quem mais apontou no 8446 esse mes e quem menos")
    assert f"{most}: {hours(people[most])}" in reply and f"{least}: {hours(people[least])}" in reply


def test_if_so_how_many_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = next(r.name for r in sorted(rows, key=lambda r: (r.name, r.day)) if r.day.weekday() >= 5)
    weekend = total(rows, lambda r: r.name == name and r.day.weekday() >= 5)
    (reply,) = ask(generated, "trabalhei algum fds? se sim qnts horas", user=name)
    assert hours(weekend) in reply


@pytest.mark.parametrize(
    "message",
    [
        "e isso é quanto % do total?",  # "é" is a verb, not "e"
        "quanto o 8446 e o 8447 fizeram em outubro?",  # one question about two contracts
        "no dia mais forte, quem puxou? top 3",  # a qualifier, not a question
    ],
)
def test_one_question_is_not_split(generated: Dataset, message: str) -> None:
    from apontamentos.language import compound_parts

    assert compound_parts(message) == [message]


def test_what_follows_a_refusal_is_not_answered_apart(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "meu cpf ta certo no cadastro? qual é?", user=name)
    assert "CPF" in reply and FIGURE.search(reply) is None


def test_a_greeting_before_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "oi, tudo bem? quantas horas eu fiz em outubro?", user=name)
    assert hours(total(rows, lambda r: r.name == name and within(OCTOBER)(r))) in reply and "\n\n" not in reply


def test_my_share_of_the_contract_just_asked_about(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    mine = total(rows, lambda r: r.name == name and within(OCTOBER)(r))
    whole = total(rows, of_contract(OCTOBER, contract))
    share = f"{100 * mine / whole:.1f}%".replace(".", ",")
    *_, reply = ask(
        generated, f"qnts horas eu fiz no {contract} em outubro", "e qnto isso representa do contrato", user=name
    )
    assert share in reply


def test_my_hours_after_an_activitys_share(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    activities = by(rows, lambda r: plain(r.activity), of_contract(OCTOBER, contract))
    activity = max(activities, key=lambda a: (activities[a], a))
    *_, reply = ask(
        generated,
        f"qual a porcentagem de {activity} no {contract} em outubro",
        "e eu, quanto fiz em outubro?",
        user=name,
    )
    assert hours(total(rows, lambda r: r.name == name and within(OCTOBER)(r))) in reply


def test_the_day_just_answered(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    last = max(r.day for r in rows if r.name == name)
    (reply,) = ask(generated, "qual foi o ultimo dia q eu apontei e qnts horas fiz nele", user=name)
    assert day(last) in reply and hours(total(rows, lambda r: r.name == name and r.day == last)) in reply


def test_an_activity_in_october_overall(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, lambda r: plain(r.activity), within(OCTOBER))
    activity = max(activities, key=lambda a: (activities[a], a))
    (reply,) = ask(generated, f"quanto tempo foi gasto com {activity} em outubro no geral?")
    assert hours(activities[activity]) in reply and f"de {day(OCTOBER[0])} a {day(OCTOBER[1])}" in reply


# -- batch BT ----------------------------------------------------------------------------------------------------


def test_my_activities_by_number_of_entries(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        if r.name == name and within(NOVEMBER)(r) and r.activity:
            counts[r.activity] += 1
    top = max(counts, key=lambda a: (counts[a], plain(a)))
    (reply,) = ask(generated, "quais minhas atividades principais em novembro por numero de apontamentos?", user=name)
    assert f"{counts[top]} apontamentos" in reply and "número de apontamentos" in reply


@pytest.mark.parametrize("who", ["lista quem ta no meu contrato", "quem está no meu contrato?"])
def test_who_is_in_my_contract(generated: Dataset, rows: list[Span], who: str) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, lambda r: r.supplier == "8446")
    replies = scoped(
        generated, Scope("gestor", contracts=("8446",)), "qnts apontamentos do 8446 tao sem validacao em novembro?", who
    )
    assert f"{len(people)} recursos" in replies[1].text
    assert all(f"{n}: {hours(v)}" in replies[1].text for n, v in people.items())


# -- batches BV and BW ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "refused"),
    [
        ("fecha os meus pontos abertos ai por favor", True),
        ("pode fechar meu ponto de ontem?", True),
        ("esqueci de fechar algum apontamento esse mes?", False),
        ("alguem do 8446 esqueceu de fechar o ponto essa semana?", False),
    ],
)
def test_closing_an_entry_is_a_write(generated: Dataset, message: str, refused: bool) -> None:
    (reply,) = ask(generated, message, user="x")
    assert ("só consulto os apontamentos" in reply) is refused


@pytest.mark.parametrize("weather", ["como ta o tempo la fora hj?", "vai chover amanha?"])
def test_the_weather_is_declined(generated: Dataset, weather: str) -> None:
    *_, reply = ask(generated, "qnto % das horas do 8446 foi reuniao hj?", weather)
    assert FIGURE.search(reply) is None


def test_pending_and_open_in_one_message(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    pending = sum(1 for r in rows if r.name == name and not r.validated)
    (reply,) = ask(generated, "tenho apontamento sem validar? e algum aberto?", user=name)
    assert f"{pending} apontamento" in reply and "sem saída" in reply


def test_another_profile_of_the_same_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(generated, "quantos scrum master tem no 8446?", "e quantos arquitetos de solucoes?")
    assert "8446" in reply.splitlines()[0]
    *_, overall = ask(generated, "quantos scrum master tem no 8446?", "e no geral, qnts arquitetos?")
    assert "8446" not in overall.splitlines()[0]


def test_the_hours_of_who_worked_on_a_holiday(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    holiday = date(2026, 11, 2)
    *_, reply = ask(generated, "alguem trabalhou no feriado de 02/11?", "qnts hrs no total?")
    assert hours(total(rows, lambda r: r.day == holiday)) in reply and day(holiday) in reply


def test_gross_against_net(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    *_, reply = ask(generated, f"quanto a {name} fez em outubro?", "e bruto x liquido dela no mes?")
    mine = lambda r: r.name == name and within(OCTOBER)(r)  # noqa: E731
    assert hours(total(rows, mine)) in reply and hours(total(rows, mine, basis="gross")) in reply


@pytest.mark.parametrize(
    "message", ["top 3 do 8446 e do 8447 em outubro", "ranking do 8446 e do 8447 em outubro, top 3"]
)
def test_the_top_of_each_of_two_contracts(generated: Dataset, rows: list[Span], message: str) -> None:  # noqa: F811
    (reply,) = ask(generated, message)
    for contract in ("8446", "8447"):
        people = by(rows, lambda r: r.name, of_contract(OCTOBER, contract))
        top = sorted(people, key=lambda n: (-people[n], n))[:3]
        assert all(f"{n}: {hours(people[n])}" in reply for n in top)
    (summed,) = ask(generated, "quanto o 8446 e o 8447 fizeram em outubro?")
    assert hours(total(rows, of_contract(OCTOBER, "8446"))) in summed  # one question: the two side by side


def test_each_of_the_two_contracts_just_ranked(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(generated, "top 3 do 8446 e do 8447 em outubro", "e qnts pessoas apontaram em cada um?")
    for contract in ("8446", "8447"):
        assert f"{len({r.name for r in rows if of_contract(OCTOBER, contract)(r)})} recursos" in reply


# -- batches BX and BY -----------------------------------------------------------------------------------------------


def test_a_colleague_asking_who_led_her_contract_is_refused(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    me = next(r.resource_id for r in rows if r.name == name)
    (reply,) = scoped(generated, Scope("colaborador", resource_id=me), "quais os 3 q mais apontaram no meu contrato?")
    assert FIGURE.search(reply.text) is None and "outras pessoas" in reply.text


def test_how_many_people_a_gestor_has(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = {r.name for r in rows if r.supplier in ("8446", "8447") and within(OCTOBER)(r)}
    replies = scoped(
        generated, Scope("gestor", contracts=("8446", "8447")), "horas do 8446 em outubro", "qnts recursos eu tenho?"
    )
    assert f"{len(people)} recursos" in replies[1].text


@pytest.mark.parametrize("more", ["me da os 5 primeiros", "me passa os 5 primeiros"])
def test_more_rows_of_a_contract_ranking(generated: Dataset, rows: list[Span], more: str) -> None:  # noqa: F811
    contracts = by(rows, lambda r: r.supplier, within(OCTOBER))
    top5 = sorted(contracts, key=lambda c: -contracts[c])[:5]
    *_, reply = ask(generated, "qual contrato teve mais hora em outubro?", more)
    assert all(f"{c}: {hours(contracts[c])}" in reply for c in top5)


def test_every_activity_after_one_activitys_share(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, lambda r: plain(r.activity), of_contract(OCTOBER))  # spellings vary in case
    top3 = sorted(activities, key=lambda a: -activities[a])[:3]
    *_, reply = ask(
        generated,
        "qual % das horas do 8446 foi reuniao de alinhamento em outubro?",
        "quais as 3 atividades q mais consumiram hora nesse contrato no mes",
    )
    assert all(hours(activities[a]) in reply for a in top3)
