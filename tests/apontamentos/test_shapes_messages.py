"""Shapes batches CB and CC showed: pleasantries and a reason before the question ("oi, tudo joia? vou sair de
férias e queria conferir …"), an explanation after it ("… ? tipo, apontava em outubro e sumiu"), three people
side by side ("entre eu, a Paula e o Fábio"), two periods listed for one amount ("sem passada e essa semana"),
a contract's calendar kept ("qual foi o dia mais forte em novembro?") and rankings said loosely ("top 3 que
mais trabalharam no fds", "… esse mes? os 3", "quais atividades mais consomem hora").

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import TODAY, WEEKDAYS, ask, by, day, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_drilling import two_people, weeks
from .test_shapes_periods_lists import (
    LAST_WEEK,
    NOVEMBER,
    OCTOBER,
    THIS_WEEK,
    of_contract,
    one_contract_person,
    within,
)
from .test_shapes_returning import of, top

YESTERDAY = TODAY - timedelta(days=1)


# -- around the question -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "oi, tudo joia? quantas horas eu fiz ontem?",
        "olá! espero que esteja bem. quantas horas eu fiz ontem?",
        "oi! uma duvida rapida: quantas horas eu fiz ontem?",
        "rs brincadeira. qnts horas fiz ontem?",
    ],
)
def test_pleasantries_before_the_question(generated: Dataset, rows: list[Span], message: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, message, user=name)
    assert hours(total(rows, of(name, (YESTERDAY, YESTERDAY)))) in reply and name in reply


def test_a_reason_then_a_teams_activities(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, lambda r: plain(r.activity), of_contract(OCTOBER))
    message = (
        "boa tarde pessoal, estou montando a apresentação mensal pro cliente e queria entender em que "
        "atividades o time do 8446 gastou mais horas em outubro"
    )
    (reply,) = ask(generated, message)
    assert all(f": {hours(value)}" in reply for value in activities.values())


def test_a_request_passed_on_then_my_activities(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    activities = by(rows, lambda r: plain(r.activity), of(name, OCTOBER))
    message = (
        "olá! espero que esteja bem. minha gestora pediu pra eu detalhar em quais atividades gastei meu tempo "
        "no mes passado, consegue me mostrar?"
    )
    (reply,) = ask(generated, message, user=name)
    assert all(f": {hours(value)}" in reply for value in activities.values())


def test_a_reason_with_its_own_period_then_the_days_asked(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    days = by(rows, lambda r: r.day, of(name, LAST_WEEK))
    message = (
        "oi, tudo joia? vou sair de ferias semana q vem e queria conferir como ficou minha semana passada, "
        "pode me passar as horas por dia?"
    )
    (reply,) = ask(generated, message, user=name)
    lines = {line.split(":")[0].strip("- "): line for line in reply.splitlines()[1:]}
    assert len(lines) == len(days) and all(hours(v) in lines[day(d)] for d, v in days.items())


def test_an_explanation_after_the_question_is_not_a_second_period(generated: Dataset) -> None:
    explained, plain_reply = (
        ask(generated, question)[0]
        for question in (
            "quem parou de apontar em novembro? tipo, apontava em outubro e sumiu",
            "quem parou de apontar em novembro?",
        )
    )
    assert explained == plain_reply and day(NOVEMBER[0]) in explained


# -- people side by side --------------------------------------------------------------------------------------


def test_me_and_two_colleagues_then_our_average(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first, second = two_people(rows)
    me, _ = one_contract_person(rows)
    three = (me, first, second)
    each = {name: total(rows, of(name, NOVEMBER)) for name in three}
    replies = ask(
        generated,
        f"boa tarde! to organizando a escala do time e queria saber, entre eu, a {first} e a {second}, "
        "quem trabalhou mais em novembro?",
        "e a media por pessoa entre nos tres em novembro?",
        user=me,
    )
    assert all(f"{name}: {hours(value)}" in replies[0] for name, value in each.items())
    assert f"média de {hours(sum(each.values()) / 3)} por recurso" in replies[1]


@pytest.mark.parametrize("between", ["sem passada e essa semana", "semana passada e essa semana"])
def test_two_weeks_listed_for_one_amount_are_each(generated: Dataset, rows: list[Span], between: str) -> None:  # noqa: F811
    first, second = two_people(rows)
    replies = ask(generated, f"quanto a {first} fez {between}?", f"e a {second}?")
    for name, reply in zip((first, second), replies, strict=True):
        assert hours(total(rows, of(name, LAST_WEEK))) in reply and hours(total(rows, of(name, THIS_WEEK))) in reply
        assert hours(total(rows, of(name, (LAST_WEEK[0], THIS_WEEK[1])))) in reply  # the two summed, beside


# -- a contract's calendar, rankings said loosely --------------------------------------------------------------


def test_the_busiest_day_of_a_month_in_a_talk_about_a_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, of_contract(NOVEMBER))
    busiest = max(days, key=lambda d: (days[d], d))
    _, reply = ask(generated, "horas por mes do 8446", "qual foi o dia mais forte em novembro?")
    assert f"{day(busiest)} ({WEEKDAYS[busiest.weekday()]}): {hours(days[busiest])}" in reply


def test_fridays_in_a_talk_about_a_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    fridays = total(rows, lambda r: of_contract(OCTOBER)(r) and r.day.weekday() == 4)
    _, reply = ask(
        generated, "qual dia da semana o contrato 8446 rende mais?", "quanto foi feito nas sextas de outubro?"
    )
    assert hours(fridays) in reply


def test_my_heaviest_day_of_the_month_after_last_weeks_days(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    days = by(rows, lambda r: r.day, of(name, NOVEMBER))
    heaviest = max(days, key=lambda d: (days[d], d))
    *_, reply = ask(
        generated, "quebra por dia minhas horas da semana passada", "qual foi meu dia mais pesado no mes?", user=name
    )
    assert f"{day(heaviest)} ({WEEKDAYS[heaviest.weekday()]}): {hours(days[heaviest])}" in reply


@pytest.mark.parametrize(
    "question", ["top 3 que mais trabalharam no fds em novembro", "top 3 q mais apontaram no fds em novembro"]
)
def test_the_top_people_of_the_weekends(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, lambda r: NOVEMBER[0] <= r.day <= NOVEMBER[1] and r.day.weekday() >= 5)
    (reply,) = ask(generated, question)
    assert all(f"{name}: {hours(people[name])}" in reply for name in top(people, 3))
    assert "semana de" not in reply  # the people, not the weeks


def test_how_many_said_after_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(NOVEMBER))
    bottom = sorted(people, key=lambda n: (people[n], n))[:3]
    (reply,) = ask(generated, "quem menos apontou no 8446 esse mes? os 3")
    assert all(f"{name}: {hours(people[name])}" in reply for name in bottom)
    assert sum(1 for line in reply.splitlines() if line.startswith(("- ", "1.", "2.", "3.", "4."))) == 3


@pytest.mark.parametrize("verb", ["mais consomem hora", "mais consumiram horas", "levam mais tempo"])
def test_activities_that_take_the_most_hours(generated: Dataset, rows: list[Span], verb: str) -> None:  # noqa: F811
    everyone = by(rows, lambda r: plain(r.activity), lambda r: NOVEMBER[0] <= r.day <= NOVEMBER[1])
    contract = by(rows, lambda r: plain(r.activity), of_contract(NOVEMBER))
    first, second = ask(generated, f"quais atividades {verb} no mes?", "e no 8446?")
    assert all(hours(value) in first for value in everyone.values())
    assert all(hours(value) in second for value in contract.values()) and "8446" in second


def test_activities_divided_in_a_talk_about_a_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, lambda r: plain(r.activity), of_contract(NOVEMBER))
    _, reply = ask(generated, "quantas horas o 8446 fez em novembro", "divide por atividade")
    assert all(f": {hours(value)}" in reply for value in activities.values()) and "8446" in reply


def test_a_weekday_breakdown_after_one_days_figure_is_over_all_weeks(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weekdays = by(rows, lambda r: r.day.weekday(), lambda r: r.supplier == "8446")
    least = min(weekdays, key=lambda d: (weekdays[d], d))
    *_, reply = ask(
        generated, "qnts pessoas apontaram no 8446 hj?", "e ontem?", "qual dia da semana o contrato rende menos?"
    )
    assert f"{WEEKDAYS[least]}: {hours(weekdays[least])}" in reply


@pytest.mark.parametrize("days", ["e segunda, ontem e hj?", "e na segunda, terça e quarta?"])
def test_three_days_listed_are_each(generated: Dataset, rows: list[Span], days: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    each = by(rows, lambda r: r.day, of(name, THIS_WEEK))
    _, reply = ask(generated, "quanto apontei sem passada?", days, user=name)
    assert all(f"{day(d)} ({WEEKDAYS[d.weekday()]}): {hours(v)}" in reply for d, v in each.items())


def test_how_much_of_that_after_hours_and_days_is_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    activities = by(rows, lambda r: plain(r.activity), of(name, OCTOBER))
    activity = max(activities, key=lambda a: (activities[a], a))
    *_, reply = ask(
        generated,
        "qnt eu apontei em outubro e quantos dias eu trabalhei?",
        f"quanto disso foi em {activity}?",
        user=name,
    )
    assert hours(activities[activity]) in reply


# -- batches CD and CE ------------------------------------------------------------------------------------------


def test_how_many_people_in_each_contract_typed_short(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people: dict[str, set[str]] = {}
    for r in rows:
        if NOVEMBER[0] <= r.day <= NOVEMBER[1]:
            people.setdefault(r.supplier, set()).add(r.resource_id)
    _, reply = ask(generated, "ranking dos contratos por hora em novembro", "qnt pessoas em cada contrato?")
    shown = {contract: ids for contract, ids in people.items() if len(ids) >= 5}  # the first page of the list
    assert shown and all(f"{contract}: {len(ids)} recursos" in reply for contract, ids in shown.items())


def test_h_for_hours_and_the_month_before_last(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    september = (date(2026, 9, 1), date(2026, 9, 30))
    october, before = ask(generated, "qnts h eu fiz mes passado", "e mes retrasado", user=name)
    assert hours(total(rows, of(name, OCTOBER))) in october
    assert hours(total(rows, of(name, september))) in before and day(september[0]) in before


def test_more_than_hours_a_day_on_some_day_is_days_above(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    daily = by(rows, lambda r: (r.name, r.day), of_contract(LAST_WEEK))
    above = [key for key, value in daily.items() if value > 8]
    (reply,) = ask(generated, "quem do 8446 trabalhou mais de 8h por dia em algum dia da sem passada?")
    people = len({name for name, _ in above})
    assert reply.startswith(f"{people} recursos") and f"({len(above)} dias no total)" in reply


def test_this_contract_after_the_one_i_am_in(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    people = {r.resource_id for r in rows if r.supplier == contract}
    _, reply = ask(generated, "em qual contrato eu to alocada", "quantas pessoas tem nesse contrato?", user=name)
    assert f"O contrato {contract} tem {len(people)} recursos" in reply


def test_a_persons_share_after_the_contracts_top_keeps_the_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(NOVEMBER))
    leader = top(people, 1)[0]
    share = f"{100 * people[leader] / sum(people.values()):.1f}%".replace(".", ",")
    _, reply = ask(
        generated, "quem foram os 3 q mais apontaram no 8446 esse mes", f"qnt % do contrato foi da {leader}?"
    )
    assert share in reply and day(NOVEMBER[0]) in reply


def test_last_week_up_to_a_weekday_is_in_that_week(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "quanto fiz semana passada ate quarta", user=name)
    wednesday = LAST_WEEK[0] + timedelta(days=2)
    assert hours(total(rows, of(name, (LAST_WEEK[0], wednesday)))) in reply and day(wednesday) in reply


@pytest.mark.parametrize(
    "question", ["qual meu primeiro e ultimo dia apontado em novembro", "meu primeiro e o último dia em novembro?"]
)
def test_the_first_and_the_last_day_in_one_message(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    days = sorted(r.day for r in rows if of(name, NOVEMBER)(r))
    (reply,) = ask(generated, question, user=name)
    assert f"Primeiro dia com apontamento de {name}" in reply and f"Último dia com apontamento de {name}" in reply
    assert day(days[0]) in reply and day(days[-1]) in reply


def test_a_breakdown_and_its_total_in_one_message(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, f"quebra semanal da {name} em novembro e o total")
    assert "semana de 02/11/2026" in reply and hours(total(rows, of(name, NOVEMBER))) in reply


# -- batches CF and CG ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opener", ["enfim, qnto eu fiz em novembro", "beleza! qnto eu fiz em novembro", "ok. qnto eu fiz em novembro"]
)
def test_a_word_that_closes_the_last_topic_before_the_question(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    opener: str,
) -> None:
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, opener, user=name)
    assert hours(total(rows, of(name, NOVEMBER))) in reply and name in reply


@pytest.mark.parametrize(
    "message", ["qnt eu fiz em setembro, digo, outubro", "qnt eu fiz em setembro ou melhor outubro"]
)
def test_a_month_taken_back_within_the_message(generated: Dataset, rows: list[Span], message: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, message, user=name)
    assert hours(total(rows, of(name, OCTOBER))) in reply and day(OCTOBER[0]) in reply


def test_an_activitys_share_in_a_talk_about_a_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, lambda r: plain(r.activity), of_contract(OCTOBER))
    activity = max(activities, key=lambda a: (activities[a], a))
    share = f"{100 * activities[activity] / sum(activities.values()):.1f}%".replace(".", ",")
    _, reply = ask(
        generated, "qual atividade mais consumiu hora no 8446 no mes passado", f"qnts % foi {activity} nesse mes"
    )
    assert share in reply and "8446" in reply


def test_a_person_of_the_contracts_top_opened_by_week(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(OCTOBER))
    leader = top(people, 1)[0]
    *_, reply = ask(
        generated, "horas do 8446 em outubro", "quem foram os 3 q mais apontaram?", f"abre a {leader} por semana"
    )
    assert "8446" in reply and day(OCTOBER[0]) in reply and day(OCTOBER[1]) in reply
    for start, end in weeks(OCTOBER):
        assert hours(total(rows, lambda r, s=start, e=end: r.name == leader and of_contract((s, e))(r))) in reply


def test_the_consolidated_figure_of_a_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    september = (date(2026, 9, 1), date(2026, 9, 30))
    (reply,) = ask(generated, "preciso do consolidado do contrato 8446 em setembro")
    assert hours(total(rows, of_contract(september))) in reply


def test_compare_what_a_contract_did_is_its_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "compara o q o 8446 fez essa semana ate agora com os mesmos dias da semana passada")
    same_days = (LAST_WEEK[0], LAST_WEEK[0] + timedelta(days=2))
    assert hours(total(rows, of_contract(THIS_WEEK))) in reply and hours(total(rows, of_contract(same_days))) in reply


# -- batches CH and CI ------------------------------------------------------------------------------------------


def test_each_activity_in_percent_after_the_activities(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, lambda r: plain(r.activity), of_contract(OCTOBER))
    whole = sum(activities.values())
    _, reply = ask(generated, "no que o 8446 gastou mais tempo em outubro?", "em %?")
    assert all(f"({100 * value / whole:.1f}%)".replace(".", ",") in reply for value in activities.values())


def test_one_activity_of_my_list_without_only(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    activities = by(rows, lambda r: plain(r.activity), of(name, NOVEMBER))
    activity = max(activities, key=lambda a: (activities[a], a))
    _, reply = ask(generated, "em q atividades eu mais gastei hora esse mes", f"qnto foi de {activity}?", user=name)
    assert hours(activities[activity]) in reply and day(NOVEMBER[0]) in reply


def test_who_after_the_contract_that_did_most_of_an_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, lambda r: plain(r.activity), within(NOVEMBER))
    activity = max(activities, key=lambda a: (activities[a], a))
    people = by(rows, lambda r: r.name, lambda r: within(NOVEMBER)(r) and plain(r.activity) == activity)
    leader = top(people, 1)[0]
    _, reply = ask(generated, f"qual contrato fez mais {activity} em novembro?", "e quem?")
    assert f"{leader}: {hours(people[leader])}" in reply


@pytest.mark.parametrize(("best", "pick"), [("o melhor dia", max), ("o pior dia", min)])
def test_the_best_and_the_worst_day(generated: Dataset, rows: list[Span], best: str, pick: object) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, of_contract(NOVEMBER))
    chosen = pick(days, key=lambda d: days[d])  # type: ignore[operator]
    (reply,) = ask(generated, f"qual foi {best} do 8446 em novembro?")
    assert f"{day(chosen)} ({WEEKDAYS[chosen.weekday()]}): {hours(days[chosen])}" in reply


def test_how_much_said_after_the_verb_is_her_total(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first, second = two_people(rows)
    _, reply = ask(
        generated,
        f"qual a duracao media dos apontamentos da {first} em outubro?",
        f"a {second} apontou qnto em outubro?",
    )
    assert hours(total(rows, of(second, OCTOBER))) in reply


def test_the_day_i_worked_most_after_my_weeks(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    days = by(rows, lambda r: r.day, of(name, OCTOBER))
    busiest = max(days, key=lambda d: (days[d], d))
    *_, reply = ask(
        generated,
        "quantas horas eu fiz em outubro",
        "quebra por semana",
        "e qual foi o dia q eu mais trabalhei no mes?",
        user=name,
    )
    assert f"{day(busiest)} ({WEEKDAYS[busiest.weekday()]}): {hours(days[busiest])}" in reply


def test_a_day_of_another_month_after_last_weeks_days(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    september = (date(2026, 9, 1), date(2026, 9, 30))
    days = by(rows, lambda r: r.day, of(name, september))
    busiest = max(days, key=lambda d: (days[d], d))
    _, reply = ask(generated, f"{name} horas por dia semana passada", "e o dia q mais fez em setembro")
    assert f"{day(busiest)} ({WEEKDAYS[busiest.weekday()]}): {hours(days[busiest])}" in reply
