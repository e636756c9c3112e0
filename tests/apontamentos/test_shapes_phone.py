"""Shapes batches CJ and CK showed: a correction that names what it takes back ("do mes passado nao, quero
setembro", "opa, errei, era …"), a question started over mid-message ("… digo, que horas eu cheguei …"), a
boss's request before the question, asking the bot to look after it ("…, consegue ver?"), what I have "no
total" after one day, a new figure after gross hours is net again, and the single top of a list with the
two after it.

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
from .test_shapes_periods_lists import LAST_WEEK, OCTOBER, SEPTEMBER, of_contract, one_contract_person
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
