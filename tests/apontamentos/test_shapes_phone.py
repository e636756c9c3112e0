"""Shapes batches CJ to CM showed: a correction that names what it takes back ("do mes passado nao, quero
setembro", "opa, errei, era …"), a question started over mid-message ("… digo, que horas eu cheguei …"), a
boss's request before the question, asking the bot to look after it ("…, consegue ver?"), what I have "no
total" after one day, a new figure after gross hours is net again, the single top of a list with the
two after it, two contracts asked in turn then summed, a contract's part of everyone's hours, "pra mim" as a
courtesy, and the last (or first) weekend day worked.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

import pytest

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import TODAY, WEEKDAYS, ask, by, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_parts import percent
from .test_shapes_periods_lists import (
    LAST_WEEK,
    NOVEMBER,
    OCTOBER,
    SEPTEMBER,
    THIS_WEEK,
    of_contract,
    one_contract_person,
    within,
)
from .test_shapes_returning import of, top

YESTERDAY = TODAY - timedelta(days=1)


@pytest.mark.parametrize(
    "correction",
    [
        "nao pera, do mes passado nao, quero setembro",
        "outubro nao, era setembro",
        "opa, errei, era setembro",
        "ih, me enganei, é setembro",
    ],
)
def test_a_correction_naming_what_it_takes_back(generated: Dataset, rows: list[Span], correction: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, f"qnt o {name} apontou em outubro", correction)
    assert hours(total(rows, of(name, SEPTEMBER))) in reply and "01/09/2026" in reply


@pytest.mark.parametrize(
    "message",
    [
        "meu total do mes... digo, quantas horas eu fiz ontem",
        "qual meu ranking, ou melhor, qnt eu trabalhei ontem?",
    ],
)
def test_a_question_started_over(generated: Dataset, rows: list[Span], message: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, message, user=name)
    assert hours(total(rows, of(name, (YESTERDAY, YESTERDAY)))) in reply


@pytest.mark.parametrize(
    "message",
    [
        "bom dia, chefe pediu p eu ver o 8446: qto apontaram na semana passada",
        "minha chefe pediu pra eu levantar o 8446, quanto apontaram na semana passada?",
    ],
)
def test_a_bosss_request_keeps_its_contract(generated: Dataset, rows: list[Span], message: str) -> None:  # noqa: F811
    (reply,) = ask(generated, message)
    assert hours(total(rows, of_contract(LAST_WEEK))) in reply and "8446" in reply


@pytest.mark.parametrize("closing", ["consegue ver?", "pode me passar?", "vc consegue olhar pra mim?"])
def test_asking_the_bot_to_look_is_not_the_question(generated: Dataset, rows: list[Span], closing: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    activities = by(rows, lambda r: plain(r.activity), of(name, OCTOBER))
    activity = top(activities, 1)[0]
    message = (
        f"to fechando o relatorio do mes e preciso saber quanto eu gastei com {plain(activity)} em outubro, {closing}"
    )
    (reply,) = ask(generated, message, user=name)
    assert hours(activities[activity]) in reply


@pytest.mark.parametrize("question", ["quantos apontamentos eu tenho no total?", "e qnts apontamentos tenho ao todo?"])
def test_what_i_have_in_total_after_one_day(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    mine = [r for r in rows if r.name == name]
    _, reply = ask(generated, "quantas horas eu fiz ontem?", question, user=name)
    assert f"{len(mine)} apontamentos" in reply and f"{min(r.day for r in mine):%d/%m/%Y}" in reply


def test_what_i_did_in_total_yesterday_stays_yesterday(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, "quantas horas eu fiz em outubro?", "quantas horas eu fiz no total ontem?", user=name)
    assert hours(total(rows, of(name, (YESTERDAY, YESTERDAY)))) in reply


@pytest.mark.parametrize("new_figure", ["qual atividade pesou mais nele, com %", "quebra por semana"])
def test_a_new_figure_after_gross_hours_is_net(generated: Dataset, rows: list[Span], new_figure: str) -> None:  # noqa: F811
    *_, reply = ask(generated, "horas liquidas do 8446 em outubro", "e bruto?", new_figure)
    assert "líquidas" in reply and "brutas" not in reply


def test_gross_hours_stay_gross_for_another_period(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(generated, "horas liquidas do 8446 em outubro", "e bruto?", "e em setembro?")
    assert hours(total(rows, of_contract(SEPTEMBER), "gross")) in reply.split("—")[0]


def test_the_top_contract_comes_with_the_two_after_it(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if OCTOBER[0] <= r.day <= OCTOBER[1]:
            people[r.supplier].add(r.resource_id)
    counts = {contract: float(len(ids)) for contract, ids in people.items()}
    first, *after = top(counts, 3)
    (reply,) = ask(generated, "qual contrato teve mais gente em outubro?")
    head, _, runners = reply.partition("Em seguida:")
    assert f"{first}: {len(people[first])} recursos" in head
    assert all(f"{c}: {len(people[c])} recursos" in runners for c in after)


def test_the_heaviest_activity_with_its_share_and_the_two_after_it(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, lambda r: plain(r.activity), of_contract(OCTOBER))
    whole = sum(activities.values())
    first, *after = top(activities, 3)
    (reply,) = ask(generated, "qual atividade pesou mais no 8446 em outubro, com %")
    head, _, runners = reply.partition("Em seguida:")
    assert f"{hours(activities[first])} ({100 * activities[first] / whole:.1f}%)".replace(".", ",") in head
    assert all(hours(activities[a]) in runners for a in after)


def test_expected_hours_counting_a_working_day_of_8h(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    message = "quantas horas eu deveria ter em outubro contando 8h por dia util, e qnt eu fiz?"
    (reply,) = ask(generated, message, user=name)
    assert "h esperadas" in reply and hours(total(rows, of(name, OCTOBER))) in reply


# -- batches CL and CM --------------------------------------------------------------------------------------


@pytest.mark.parametrize("both", ["e no total?", "e os dois juntos?", "somando os dois"])
def test_two_contracts_asked_in_turn_then_both(generated: Dataset, rows: list[Span], both: str) -> None:  # noqa: F811
    *_, reply = ask(generated, "quantas horas o 8446 fez em outubro?", "e o 8447?", both)
    summed = total(rows, of_contract(OCTOBER)) + total(rows, of_contract(OCTOBER, "8447"))
    assert hours(summed) in reply and "8446" in reply and "8447" in reply


@pytest.mark.parametrize(
    "question",
    [
        "qual a % do 8446 no total de outubro?",
        "quanto % o 8446 representa do total de outubro?",
        "quanto o 8446 pesa no total de outubro, em %?",
    ],
)
def test_a_contracts_part_of_everyones_hours(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    (reply,) = ask(generated, question)
    assert percent(total(rows, of_contract(OCTOBER)), total(rows, within(OCTOBER))) in reply


def test_comparing_two_contracts_for_me_is_not_about_my_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "oi, compara o 8446 e o 8447 em outubro pra mim", user=name)
    assert hours(total(rows, of_contract(OCTOBER))) in reply
    assert hours(total(rows, of_contract(OCTOBER, "8447"))) in reply


def test_comparing_the_weeks_for_me_is_about_mine(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "compara essa semana com a passada pra mim, ate o mesmo dia", user=name)
    assert hours(total(rows, of(name, THIS_WEEK))) in reply


@pytest.mark.parametrize("weeks", ["essa semana e semana passada", "semana passada e essa semana"])
def test_two_weeks_for_one_amount_typed_short(generated: Dataset, rows: list[Span], weeks: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, f"qnt eu fiz {weeks}?", user=name)
    assert hours(total(rows, of(name, THIS_WEEK))) in reply and hours(total(rows, of(name, LAST_WEEK))) in reply


def weekend_worker(rows: list[Span]) -> tuple[str, list[Span]]:
    """Someone with entries on weekends, and those entries."""
    weekends: dict[str, list[Span]] = defaultdict(list)
    for r in rows:
        if r.day.weekday() >= 5:
            weekends[r.name].append(r)
    name = sorted(n for n in weekends if "Dias" not in n.split())[0]
    return name, weekends[name]


@pytest.mark.parametrize(
    "question", ["qual o ultimo dia q eu apontei no fds?", "qual a ultima vez que trabalhei num fim de semana?"]
)
def test_the_last_weekend_day_i_worked(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, weekend = weekend_worker(rows)
    (reply,) = ask(generated, question, user=name)
    assert f"{max(r.day for r in weekend):%d/%m/%Y}" in reply


def test_the_first_sunday_or_saturday_i_worked(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, weekend = weekend_worker(rows)
    first = min(weekend, key=lambda r: r.day).day
    which = "sabado" if first.weekday() == 5 else "domingo"
    (reply,) = ask(generated, f"qual o primeiro {which} que eu trabalhei?", user=name)
    assert f"{first:%d/%m/%Y}" in reply


@pytest.mark.parametrize(
    "question", ["como ta o 8446?", "o 8446, como anda?", "e o contrato 8446 como esta?", "o 8446 ta indo bem?"]
)
def test_how_a_contract_is_doing_asks_what_to_show(generated: Dataset, question: str) -> None:
    (reply,) = ask(generated, question)
    assert "O que você quer ver?" in reply and " h" not in reply  # no figure since the first day


def test_how_a_contract_is_doing_this_month_is_its_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "como ta o 8446 em outubro?")
    assert hours(total(rows, of_contract(OCTOBER))) in reply


# -- batches CN and CO --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opening",
    ["oii bom dia!! tudo bem?", "ahh entendi,", "Prezados, solicito o total de horas:"],
)
def test_greetings_typed_long_and_formal_requests(generated: Dataset, rows: list[Span], opening: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    question = "quantas horas eu ja coloquei essa semana?" if "solicito" not in opening else "registrei essa semana."
    (reply,) = ask(generated, f"{opening} {question}", user=name)
    assert hours(total(rows, of(name, THIS_WEEK))) in reply


@pytest.mark.parametrize("thanks", ["ai obrigada, vc salvou meu dia ❤️", "muito obrigado pela ajuda de hoje"])
def test_thanks_in_passing_is_not_a_question(generated: Dataset, rows: list[Span], thanks: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, "quanto eu fiz em outubro?", thanks, user=name)
    assert " h" not in reply


def test_a_named_week_then_its_days_said_formally(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    week = (LAST_WEEK[0] - timedelta(days=7), LAST_WEEK[1] - timedelta(days=7))
    asked = f"quantas horas registrei na semana de {week[0]:%d/%m} a {week[1]:%d/%m}?"
    _, reply = ask(generated, asked, "E o detalhamento diário dessa semana, por favor.", user=name)
    days = by(rows, lambda r: r.day, of(name, week))
    assert all(hours(value) in reply for value in days.values()) and f"{week[0]:%d/%m/%Y}" in reply


@pytest.mark.parametrize("months", ["de out", "out"])
def test_set_and_out_said_as_months(generated: Dataset, rows: list[Span], months: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    question = f"minhas horas {months}" if months.startswith("de") else "quanto eu fiz em setembro?"
    replies = ask(generated, question, *(["out"] if months == "out" else []), user=name)
    assert hours(total(rows, of(name, OCTOBER))) in replies[-1]


def test_expected_against_done_typed_short(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "horas esperadas x feitas set", user=name)
    assert "h esperadas" in reply and hours(total(rows, of(name, SEPTEMBER))) in reply


def test_the_top_weekday_then_the_two_first(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    days = by(rows, lambda r: r.day.weekday(), of(name, OCTOBER))
    first, second = sorted(days, key=lambda d: -days[d])[:2]
    _, reply = ask(generated, "qual meu dia da semana mais forte em outubro?", "me fala os dois primeiros", user=name)
    assert f"{hours(days[first])}" in reply and f"{hours(days[second])}" in reply


def test_the_weakest_week_then_every_week(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weekly = by(rows, lambda r: r.day - timedelta(days=r.day.weekday()), of_contract(OCTOBER))
    (reply,) = ask(generated, "qual semana de outubro foi a mais fraca no 8446? me mostra semana a semana")
    weakest, _, every_week = reply.partition("\n\n")
    assert hours(min(weekly.values())) in weakest and all(hours(value) in every_week for value in weekly.values())


@pytest.mark.parametrize("question", ["apontei ontem?", "e trabalhei ontem?"])
def test_did_i_record_a_day_after_my_missing_days_is_its_hours(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
) -> None:
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, "quais dias eu esqueci de apontar em outubro?", question, user=name)
    assert hours(total(rows, of(name, (YESTERDAY, YESTERDAY)))) in reply


def test_hours_of_an_activity_after_my_pending_ones_are_all_of_them(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    activities = by(rows, lambda r: plain(r.activity), of(name, OCTOBER))
    activity = top(activities, 1)[0]
    asked = ("tenho apontamento sem validar em outubro?", f"e quanto tempo em {activity} nesse mes")
    _, reply = ask(generated, *asked, user=name)
    assert hours(activities[activity]) in reply


def test_how_much_she_recorded_after_her_missing_days(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    asked = (f"quais dias a {name} nao apontou em novembro?", "e ela apontou qnt na semana passada?")
    _, reply = ask(generated, *asked)
    assert hours(total(rows, of(name, LAST_WEEK))) in reply


@pytest.mark.parametrize(
    "question",
    ["o 8446 cresceu ou caiu de setembro pra outubro?", "as horas do 8446 aumentaram de setembro para outubro?"],
)
def test_grew_or_fell_between_two_months(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    (reply,) = ask(generated, question)
    assert hours(total(rows, of_contract(SEPTEMBER))) in reply and hours(total(rows, of_contract(OCTOBER))) in reply


def test_by_month_since_she_started(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    months = by(rows, lambda r: r.day.month, lambda r: r.name == name)
    _, reply = ask(generated, f"quanto a {name} fez em outubro?", "e por mes desde q ela comecou?")
    assert all(hours(value) in reply for value in months.values())


@pytest.mark.parametrize("verb", ["corrigiu mais bug", "mais corrigiu bugs"])
def test_who_fixed_most_bugs(generated: Dataset, rows: list[Span], verb: str) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, lambda r: "bug" in plain(r.activity) and OCTOBER[0] <= r.day <= OCTOBER[1])
    (reply,) = ask(generated, f"quem {verb} em outubro?")
    assert f"{top(people, 1)[0]}: {hours(people[top(people, 1)[0]])}" in reply


def test_weekend_hours_if_so(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, weekend = weekend_worker(rows)
    (reply,) = ask(generated, "trabalhei algum fds? se sim qnts horas", user=name)
    assert reply.count(hours(sum(r.net or 0 for r in weekend))) >= 2  # the days listed, then their hours


def test_an_activity_asked_yes_or_no_then_how_much(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, lambda r: plain(r.activity), of_contract(LAST_WEEK))
    activity = top(activities, 1)[0]
    (reply,) = ask(generated, f"teve {activity} no 8446 semana passada? quantas horas")
    assert hours(activities[activity]) in reply and hours(total(rows, of_contract(LAST_WEEK))) not in reply


def test_a_belief_then_compare(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    message = "to achando q essa semana rendi menos q a passada, compara pra mim ate quarta"
    (reply,) = ask(generated, message, user=name)
    same_days = (LAST_WEEK[0], LAST_WEEK[0] + timedelta(days=2))
    assert hours(total(rows, of(name, THIS_WEEK))) in reply and hours(total(rows, of(name, same_days))) in reply


# -- batches CP and CQ --------------------------------------------------------------------------------------


def test_how_many_hours_in_total_after_who_did_an_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, lambda r: plain(r.activity), within(OCTOBER))
    activity = top(activities, 1)[0]
    _, reply = ask(generated, f"quem fez {activity} em outubro?", "qnts horas no total?")
    assert hours(activities[activity]) in reply and hours(total(rows, within(OCTOBER))) not in reply


@pytest.mark.parametrize("month", ["e setembro inteiro?", "e setembro todo?"])
def test_a_whole_month_keeps_the_activity(generated: Dataset, rows: list[Span], month: str) -> None:  # noqa: F811
    activities = by(rows, lambda r: plain(r.activity), of_contract(SEPTEMBER))
    activity = top(activities, 1)[0]
    _, reply = ask(generated, f"qnts horas de {activity} o 8446 teve em outubro?", month)
    assert hours(activities[activity]) in reply


@pytest.mark.parametrize("widened", ["e setembro inteiro, sem ser so sexta?", "e em setembro, todos os dias?"])
def test_every_day_again_after_fridays(generated: Dataset, rows: list[Span], widened: str) -> None:  # noqa: F811
    activities = by(rows, lambda r: plain(r.activity), of_contract(SEPTEMBER))
    activity = top(activities, 1)[0]
    _, reply = ask(generated, f"qnts horas de {activity} o 8446 teve nas sextas de outubro?", widened)
    assert hours(activities[activity]) in reply


def test_the_last_day_of_an_activity_after_my_first_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    mine = [r for r in rows if r.name == name]
    activity = plain(mine[0].activity)
    last = max(r.day for r in mine if plain(r.activity) == activity)
    _, reply = ask(generated, "quando foi meu primeiro apontamento?", f"e o ultimo de {activity}?", user=name)
    assert f"{last:%d/%m/%Y}" in reply


def test_these_three_each_in_another_week(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, within(LAST_WEEK))
    three = top(people, 3)
    this_week = by(rows, lambda r: r.name, within(THIS_WEEK))
    _, reply = ask(generated, "quem mais apontou horas semana passada? top 3", "e esses 3, quanto fizeram essa semana?")
    assert all(f"{name}: {hours(this_week.get(name, 0.0))}" in reply for name in three)


def test_everything_the_python_people_did_after_one_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    python = [r for r in rows if (r.technology or "").upper() == "PYTHON" and OCTOBER[0] <= r.day <= OCTOBER[1]]
    activity = plain(python[0].activity)
    asked = (f"quantas horas de {activity} o pessoal de python fez em outubro?", "e quanto de tudo eles fizeram?")
    _, reply = ask(generated, *asked)
    assert hours(sum(r.net or 0 for r in python)) in reply


def test_who_already_recorded_today_in_a_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    today = {r.name for r in rows if r.supplier == "8446" and r.day == TODAY}
    _, reply = ask(generated, "quantos apontamentos teve hj", "quem ja apontou hj no 8446?")
    assert f"{len(today)} recursos" in reply and all(name in reply for name in sorted(today)[:3])


def test_activities_summarised_with_their_share(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, lambda r: plain(r.activity), of_contract(OCTOBER))
    whole = sum(activities.values())
    (reply,) = ask(generated, "resumo das atividades do 8446 em outubro com o %")
    assert all(percent(value, whole) in reply for value in sorted(activities.values())[-3:])


def test_her_total_after_her_first_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, f"qnd a {name} comecou a apontar?", "e o total dela em outubro")
    assert hours(total(rows, of(name, OCTOBER))) in reply


# -- batches CR and CS --------------------------------------------------------------------------------------


def test_the_long_weekend_is_the_last_holiday_with_its_weekend(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    holiday = (date(2026, 11, 20), date(2026, 11, 22))  # Friday 20/11, Consciência Negra, then the weekend
    people = by(rows, lambda r: r.name, of_contract(holiday))
    for question in ("quem do 8446 apontou no feriadao?", "quem do 8446 apontou no feriadao (sexta a domingo)?"):
        (reply,) = ask(generated, question)
        assert "20/11/2026 a 22/11/2026" in reply and f"{len(people)} recursos" in reply


def test_back_from_the_long_weekend_asks_about_last_week(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "bom dia! voltei do feriadao, qnt eu apontei sem passada?", user=name)
    assert hours(total(rows, of(name, LAST_WEEK))) in reply


def test_weekend_days_named_with_their_numbers(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weekend = {r.name for r in rows if r.day in (date(2026, 11, 21), date(2026, 11, 22))}
    (reply,) = ask(generated, "qnts pessoas apontaram no fds do feriadao, sabado 21 e domingo 22?")
    assert f"{len(weekend)} recursos" in reply


def test_a_correction_after_the_question_mark(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "qnt eu fiz em setembro? ops, quis dizer outubro", user=name)
    assert hours(total(rows, of(name, OCTOBER))) in reply and "01/09/2026" not in reply


def test_an_aside_in_brackets_is_not_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    message = "quantas horas eu lancei de segunda a quinta da semana passada (sexta foi feriado)?"
    (reply,) = ask(generated, message, user=name)
    assert hours(total(rows, of(name, (LAST_WEEK[0], LAST_WEEK[0] + timedelta(days=3))))) in reply


def test_two_amounts_then_thanks(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    message = "oi, preciso conferir antes do fechamento: quanto eu fiz em outubro e quanto ja fiz em novembro? obrigada"
    (reply,) = ask(generated, message, user=name)
    assert hours(total(rows, of(name, OCTOBER))) in reply and hours(total(rows, of(name, NOVEMBER))) in reply


def test_compare_for_me_right_after_the_verb(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "compara pra mim o 8446 e o 8447 em outubro, horas liquidas", user=name)
    assert hours(total(rows, of_contract(OCTOBER, "8447"))) in reply


def test_a_weekday_alone_after_a_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    monday = TODAY - timedelta(days=TODAY.weekday())
    _, reply = ask(generated, "quanto eu fiz ontem?", "e segunda?", user=name)
    assert hours(total(rows, of(name, (monday, monday)))) in reply


def test_his_hours_after_his_pending_entries_are_all_of_them(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    asked = (f"qnts apontamentos do {name} tao sem validar?", "quanto ele fez em outubro?")
    _, reply = ask(generated, *asked)
    assert hours(total(rows, of(name, OCTOBER))) in reply


# -- batches CT and CU --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["quantas horas o 8446 teve no trimestre (set a nov)?", "horas do 8446 no trimestre (set-nov)"]
)
def test_a_quarter_spelled_out_is_those_months(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    (reply,) = ask(generated, question)
    assert hours(total(rows, of_contract((SEPTEMBER[0], TODAY)))) in reply


def test_a_quarter_then_its_months_listed_is_each_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "qnto eu fiz no trimestre? set out e nov", user=name)
    assert all(hours(total(rows, of(name, month))) in reply for month in (SEPTEMBER, OCTOBER, NOVEMBER))


@pytest.mark.parametrize("question", ["quem mais apontou no trimestre? top 3", "qual meu dia mais pesado do semestre"])
def test_a_bare_quarter_is_asked_back(generated: Dataset, question: str) -> None:
    (reply,) = ask(generated, question)
    assert reply.startswith("Não sei qual ") and reply.endswith("?") and not re.search(r"\d h\b", reply)


def test_this_quarter_is_the_calendars(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "quantas horas o 8446 teve neste trimestre?")
    assert hours(total(rows, of_contract((date(2026, 10, 1), TODAY)))) in reply


def test_who_stopped_with_an_explanation_after(generated: Dataset) -> None:
    (reply,) = ask(generated, "quem parou de apontar em novembro? tinha apontamento em outubro e nada em nov")
    assert "pararam de apontar" in reply and "01/11/2026" in reply


def test_one_last_thing_is_not_the_least(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    days = by(rows, lambda r: r.day, of(name, NOVEMBER))
    best = max(days, key=lambda d: days[d])
    _, reply = ask(
        generated,
        "quanto eu fiz ontem?",
        "ok, obrigada! ultima coisa: qual dia eu mais trabalhei em novembro?",
        user=name,
    )
    assert f"{best:%d/%m/%Y}" in reply and "(o maior)" in reply


def test_how_many_people_after_weekend_work(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weekend = {r.name for r in rows if r.supplier == "8446" and r.day.weekday() >= 5 and NOVEMBER[0] <= r.day}
    _, reply = ask(generated, "alguem do 8446 trabalhou em fim de semana esse mes?", "qnts pessoas?")
    assert f"{len(weekend)} recursos" in reply


def test_hours_after_a_refused_forecast(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "qnto vai dar em reais a fatura do 8446 esse mes?", "e em horas?")
    assert hours(total(rows, of_contract(NOVEMBER))) in reply


def test_her_contract_after_her_last_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    people = by(rows, lambda r: r.name, of_contract(NOVEMBER, contract))
    leader = top(people, 1)[0]
    _, reply = ask(
        generated, f"qual foi a ultima vez q a {name} apontou?", "e no contrato dela, quem mais apontou esse mes?"
    )
    assert f"{leader}: {hours(people[leader])}" in reply


def test_contracts_in_total_after_last_months_top(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = {r.supplier for r in rows}
    _, reply = ask(
        generated,
        "quais os 5 contratos com mais horas no mes passado",
        "e quantos contratos tiveram apontamento no total?",
    )
    assert f"{len(contracts)} contratos" in reply and f"{min(r.day for r in rows):%d/%m/%Y}" in reply


# -- batches CV and CW --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    ["minhas horas de outubro parecem menores, qto eu tenho?", "quanto eu fiz em outubro? acho q ta errado"],
)
def test_what_looks_off_around_the_question(generated: Dataset, rows: list[Span], message: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, message, user=name)
    assert hours(total(rows, of(name, OCTOBER))) in reply


def test_people_passing_a_limit_said_in_the_gerund(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days: dict[tuple[str, date], float] = defaultdict(float)
    for r in rows:
        if r.supplier == "8446" and OCTOBER[0] <= r.day <= OCTOBER[1]:
            days[(r.name, r.day)] += r.gross or 0
    above = [key for key, value in days.items() if value > 10]
    (reply,) = ask(generated, "quantos dias teve gente do 8446 passando de 10h brutas no dia em outubro?")
    assert f"{len({name for name, _ in above})} recursos" in reply and f"{len(above)} dias" in reply


@pytest.mark.parametrize("said", ["tenho q ter feito qnts horas em outubro?", "era pra ser quanto em outubro? 160h?"])
def test_hours_i_should_have_done_said_loosely(generated: Dataset, rows: list[Span], said: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, said, user=name)
    assert "h esperadas" in reply and name in reply


def test_the_same_part_of_last_week(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    same_days = (LAST_WEEK[0], LAST_WEEK[0] + timedelta(days=2))
    (reply,) = ask(generated, "como ta essa semana do 8446 comparado com a mesma parte da semana passada?")
    assert hours(total(rows, of_contract(THIS_WEEK))) in reply and hours(total(rows, of_contract(same_days))) in reply


def test_her_best_weekday(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    days = by(rows, lambda r: r.day.weekday(), of(name, OCTOBER))
    best = max(days, key=lambda d: days[d])
    _, reply = ask(generated, f"quanto a {name} fez em outubro?", "e qual foi o melhor dia da semana dela?")
    assert f"{WEEKDAYS[best]}: {hours(days[best])}" in reply


def test_who_stopped_said_as_had_recorded_before(generated: Dataset) -> None:
    (reply,) = ask(generated, "qnt gente ficou sem apontar em novembro q tinha apontado antes?")
    assert "pararam de apontar" in reply


def test_a_share_of_my_month_said_as_how_much_of_it(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    activities = by(rows, lambda r: plain(r.activity), of(name, OCTOBER))
    activity = top(activities, 1)[0]
    _, reply = ask(generated, "quanto eu fiz em outubro?", f"qnto do meu mes foi de {activity}?", user=name)
    assert percent(activities[activity], sum(activities.values())) in reply


def test_a_contract_to_reconcile_by_week(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weekly = by(rows, lambda r: r.day - timedelta(days=r.day.weekday()), of_contract(OCTOBER))
    (reply,) = ask(generated, "preciso conciliar o 8446, horas por semana em outubro")
    assert all(hours(value) in reply for value in weekly.values())


def test_his_clock_ins_said_as_his_entry(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    first = min((r for r in rows if r.name == name and THIS_WEEK[0] <= r.day), key=lambda r: r.start)
    _, reply = ask(generated, f"quanto o {name} fez essa semana?", "entrada dele essa semana")
    assert f"{first.start:%H:%M}" in reply


@pytest.mark.parametrize("total_asked", ["qnts horas no total", "e qnt horas no total?"])
def test_hours_in_total_after_my_last_day(generated: Dataset, rows: list[Span], total_asked: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, "qual foi o ultimo dia que eu apontei?", total_asked, user=name)
    assert hours(total(rows, lambda r: r.name == name)) in reply


def test_an_activitys_hours_in_total_after_its_last_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    activities = by(rows, lambda r: plain(r.activity), lambda r: r.name == name)
    activity = top(activities, 1)[0]
    asked = (f"qual foi o ultimo dia q eu apontei {activity}?", f"e qnt horas de {activity} no total?")
    _, reply = ask(generated, *asked, user=name)
    assert hours(activities[activity]) in reply
