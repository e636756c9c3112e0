"""Shapes batches BZ and CA showed: going back to an earlier turn ("volta em setembro, …"), comparing with
whom the talk was about ("compara c/ a Natália"), the people of a list summed ("e deles quanto foi de X?"),
"no total" after one person's month, waiting entries ("apontamentos pra validar"), and openers typed as
fragments ("horas ontem", "desculpa, e na semana passada?").

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from datetime import timedelta

import holidays
import pytest

from apontamentos.dataset import Dataset
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import TODAY, ask, by, day, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_drilling import scoped, two_people
from .test_shapes_periods_lists import LAST_WEEK, NOVEMBER, OCTOBER, SEPTEMBER, of_contract, one_contract_person, within

YESTERDAY = TODAY - timedelta(days=1)


def top(people: dict[str, float], n: int) -> list[str]:
    return sorted(people, key=lambda name: (-people[name], name))[:n]


def of(name: str, span: tuple) -> object:
    return lambda r: r.name == name and span[0] <= r.day <= span[1]


# -- comparing with whom the talk was about -------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["compara c/ a {other} em outubro", "compara com a {other}", "e comparando com a {other}?"],
)
def test_compared_with_the_one_talked_about(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    me, other = two_people(rows)
    _, reply = ask(generated, "qnts horas eu fiz em outubro", question.format(other=other), user=me)
    assert all(hours(total(rows, of(name, OCTOBER))) in reply for name in (me, other))


# -- the people of a list, summed ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["e deles quanto foi de {activity}", "quanto deles foi de {activity}?", "e desses, qnt foi {activity}"]
)
def test_the_listed_people_summed_in_an_activity_then_in_all(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
) -> None:
    people = top(by(rows, lambda r: r.name, of_contract(NOVEMBER)), 3)
    theirs = [r for r in rows if r.name in people and of_contract(NOVEMBER)(r)]
    activities = by(theirs, lambda r: plain(r.activity), lambda r: True)
    activity = max(activities, key=lambda a: (activities[a], a))
    _, one, everything = ask(
        generated, "top 3 do 8446 em novembro", question.format(activity=activity), "quanto eles fizeram no total?"
    )
    assert hours(activities[activity]) in one and "8446" in one
    assert hours(total(theirs, lambda r: True)) in everything


# -- going back to an earlier turn -------------------------------------------------------------------------


@pytest.mark.parametrize("back", ["volta em setembro, quem foi o top 3 la?", "voltando pra setembro, top 3?"])
def test_back_to_an_earlier_month(generated: Dataset, rows: list[Span], back: str) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(SEPTEMBER))
    *_, reply = ask(generated, "quantas horas o 8446 teve em setembro", "e em outubro", back)
    assert all(f"{name}: {hours(people[name])}" in reply for name in top(people, 3))
    assert day(SEPTEMBER[0]) in reply


def test_back_to_one_contract_of_a_list(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = by(rows, lambda r: r.supplier, within(OCTOBER))
    second = top(contracts, 2)[1]
    people = by(rows, lambda r: r.name, of_contract(NOVEMBER, second))
    replies = ask(
        generated,
        "quanto cada contrato fez em outubro?",
        f"e o {second} em novembro?",
        "quantos apontamentos foram?",
        f"volta no {second}, quem lidera em novembro?",
    )
    entries = sum(1 for r in rows if of_contract(NOVEMBER, second)(r))
    assert hours(total(rows, of_contract(NOVEMBER, second))) in replies[1]
    assert f"{entries:,} apontamentos".replace(",", ".") in replies[2]
    leader = top(people, 1)[0]
    assert f"{leader}: {hours(people[leader])}" in replies[3]


@pytest.mark.parametrize("sorry", ["desculpa, e na semana passada?", "desculpe ai, e semana passada?"])
def test_an_apology_before_the_follow_up(generated: Dataset, rows: list[Span], sorry: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, "quantas horas eu fiz ontem?", sorry, user=name)
    assert hours(total(rows, of(name, LAST_WEEK))) in reply and day(LAST_WEEK[0]) in reply


# -- "no total" -----------------------------------------------------------------------------------------------


def test_no_total_after_one_persons_month_is_all_her_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    first, last = min(r.day for r in rows), max(r.day for r in rows)
    _, reply = ask(generated, f"quantas horas a {name} fez em outubro?", "e no total?")
    assert hours(total(rows, lambda r: r.name == name)) in reply and day(first) in reply and day(last) in reply


def test_no_total_after_a_contracts_month_is_still_asked(generated: Dataset) -> None:
    _, reply = ask(generated, "quantas horas o 8446 fez em outubro?", "e no total?")
    assert reply.startswith("No total de quê?")


@pytest.mark.parametrize(
    "question", ["e no total, quantos meus ainda tao sem validar?", "e quantos meus estao sem validar ao todo?"]
)
def test_all_pending_after_a_months_missing_days(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    pending = sum(1 for r in rows if r.name == name and not r.validated)
    _, reply = ask(generated, "teve dia q eu esqueci de apontar em novembro?", question, user=name)
    assert f"{pending} apontamento" in reply and day(NOVEMBER[0]) not in reply


def test_pending_after_pending_keeps_the_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    pending = sum(1 for r in rows if of(name, OCTOBER)(r) and not r.validated)
    questions = ("quantos apontamentos meus nao foram validados em outubro?", "e quantos ainda estao sem validar?")
    _, reply = ask(generated, *questions, user=name)
    assert f"{pending} apontamento" in reply and day(OCTOBER[0]) in reply


# -- waiting for validation is not an order ------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["apontamentos pra validar no 8446 esse mes", "quantos tem pra validar no 8446 esse mes?"]
)
def test_entries_waiting_for_validation(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    pending = sum(1 for r in rows if of_contract(NOVEMBER)(r) and not r.validated)
    (reply,) = scoped(generated, Scope("gestor", contracts=("8446",)), question)
    assert f"{pending} apontamentos não validados" in reply.text


@pytest.mark.parametrize("order", ["pode validar os apontamentos do 8446?", "valida pra mim os apontamentos do 8446"])
def test_an_order_to_validate_is_still_refused(generated: Dataset, order: str) -> None:
    (reply,) = scoped(generated, Scope("gestor", contracts=("8446",)), order)
    assert reply.text.startswith("Eu só consulto os apontamentos")


# -- openers and parts ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("opener", ["horas ontem", "hrs ontem"])
def test_hours_alone_open_with_the_askers_own(generated: Dataset, rows: list[Span], opener: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    first, second = ask(generated, opener, "e hj", user=name)
    assert hours(total(rows, of(name, (YESTERDAY, YESTERDAY)))) in first and name in first
    assert hours(total(rows, of(name, (TODAY, TODAY)))) in second and name in second


def test_hours_of_a_contract_alone_are_the_contracts(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "horas 8446 ontem", user=name)
    assert hours(total(rows, of_contract((YESTERDAY, YESTERDAY)))) in reply


@pytest.mark.parametrize("only", ["quanto foi so de {activity}?", "quanto deu so de {activity}?"])
def test_one_activity_of_my_breakdown(generated: Dataset, rows: list[Span], only: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    activities = by(rows, lambda r: plain(r.activity), of(name, OCTOBER))
    activity = max(activities, key=lambda a: (activities[a], a))
    *_, reply = ask(generated, "no que eu mais gastei tempo em outubro?", only.format(activity=activity), user=name)
    assert hours(activities[activity]) in reply and day(OCTOBER[0]) in reply


@pytest.mark.parametrize(
    "question", ["quebra minhas atividades em % no mes passado", "minhas atividades em porcentagem em outubro"]
)
def test_my_activities_in_percent(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    activities = by(rows, lambda r: plain(r.activity), of(name, OCTOBER))
    whole = sum(activities.values())
    (reply,) = ask(generated, question, user=name)
    assert all(f"{100 * v / whole:.1f}%".replace(".", ",") in reply for v in activities.values())


def test_expected_hours_in_the_month_just_counted(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    off = holidays.country_holidays("BR", years=[2026])
    days = [OCTOBER[0] + timedelta(days=i) for i in range(31)]
    working = sum(1 for d in days if d.weekday() < 5 and d not in off)
    _, reply = ask(
        generated, "quantos dias uteis teve outubro?", "e quantas horas eu deveria ter feito nele?", user=name
    )
    assert hours(8.0 * working) in reply and hours(total(rows, of(name, OCTOBER))) in reply


@pytest.mark.parametrize("together", ["juntas", "somadas"])
def test_two_people_named_together(generated: Dataset, rows: list[Span], together: str) -> None:  # noqa: F811
    first, second = two_people(rows)
    both = lambda span: lambda r: r.name in (first, second) and within(span)(r)  # noqa: E731
    replies = ask(
        generated,
        f"quanto a {first} e a {second} fizeram {together} em outubro?",
        "e cada uma?",
        f"e em setembro, {together}?",
    )
    assert hours(total(rows, both(OCTOBER))) in replies[0]
    assert all(hours(total(rows, of(name, OCTOBER))) in replies[1] for name in (first, second))
    assert hours(total(rows, both(SEPTEMBER))) in replies[2]
