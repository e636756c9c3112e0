"""Shapes batches CJ to CM showed: a correction that names what it takes back ("do mes passado nao, quero
setembro", "opa, errei, era …"), a question started over mid-message ("… digo, que horas eu cheguei …"), a
boss's request before the question, asking the bot to look after it ("…, consegue ver?"), what I have "no
total" after one day, a new figure after gross hours is net again, the single top of a list with the
two after it, two contracts asked in turn then summed, a contract's part of everyone's hours, "pra mim" as a
courtesy, and the last (or first) weekend day worked.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

import pytest

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import TODAY, ask, by, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_parts import percent
from .test_shapes_periods_lists import (
    LAST_WEEK,
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
