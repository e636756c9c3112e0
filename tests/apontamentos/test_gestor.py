"""A gestor in his own words and a colaboradora kept to her rows (issue 22), through the engine and a Scope.

The gestor is not a resource himself: he is granted supplier contract 8446 and one client contract of 8447.
Every expected figure is computed here from the generated rows in plain Python.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import pytest

from apontamentos import formatting as fmt
from apontamentos.dataset import Dataset, normalize
from apontamentos.engine import Answer, answer
from apontamentos.scope import Scope

from ..expected import spans
from .conftest import GENERATED_END

LAST_WEEK = (date(2026, 11, 16), date(2026, 11, 22))  # GENERATED_END is Wednesday 25/11/2026
WEEK_BEFORE = (date(2026, 11, 9), date(2026, 11, 15))
OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))


@pytest.fixture(scope="module")
def rows(generated_columns: dict[str, list[Any]]) -> list[Any]:
    return spans(generated_columns)


@pytest.fixture(scope="module")
def part(rows: list[Any]) -> str:
    """The one client contract of 8447 the gestor is granted."""
    return sorted({r.client for r in rows if r.supplier == "8447"})[0]


@pytest.fixture(scope="module")
def gestor(part: str) -> Scope:
    return Scope("gestor", contracts=("8446", part))


def visible(rows: list[Any], part: str) -> list[Any]:
    return [r for r in rows if r.supplier == "8446" or r.client == part]


def within(rows: list[Any], period: tuple[date, date]) -> list[Any]:
    return [r for r in rows if period[0] <= r.day <= period[1]]


def hours_by(rows: list[Any], key: str) -> dict[Any, float]:
    totals: dict[Any, float] = defaultdict(float)
    for r in rows:
        totals[getattr(r, key)] += r.net or 0
    return totals


def ask(db: Dataset, scope: Scope, *questions: str) -> list[Answer]:
    """A conversation: each answer's context goes into the next question, as the bot does."""
    context: dict[str, Any] = {}
    replies = []
    for question in questions:
        reply = answer(db, question, context, GENERATED_END, user="Rogério Gestor", scope=scope)
        context = reply.context
        replies.append(reply)
    return replies


@pytest.mark.parametrize(
    "question",
    [
        "quanto a minha equipe fez semana passada?",
        "qnto meu pessoal fez semana passada?",
        "quanto a equipe toda apontou semana passada?",
        "meu time fez quanto semana passada?",
        "quanto a equipe fez na semana passada?",
    ],
)
def test_the_team_is_the_gestors_whole_scope_one_total_first(
    generated: Dataset, rows: list[Any], part: str, gestor: Scope, question: str
) -> None:
    week = within(visible(rows, part), LAST_WEEK)
    total = fmt.hours(sum(r.net or 0 for r in week))
    people = hours_by(week, "name")
    top = max(people, key=lambda n: people[n])
    (reply,) = ask(generated, gestor, question)
    assert "Não encontrei" not in reply.text
    assert f"{top}: {fmt.hours(people[top])}" in reply.text
    assert reply.text.index(total) < reply.text.index(top)  # the one total first, people as the detail
    assert reply.table is not None and reply.table.total == len(people)


def test_the_gestors_contracts_and_people(generated: Dataset, rows: list[Any], part: str, gestor: Scope) -> None:
    mine = visible(rows, part)
    contracts, people, only_8446 = ask(
        generated, gestor, "quais são meus contratos?", "quantos recursos tenho nos meus contratos?", "e só no 8446?"
    )
    assert "8446" in contracts.text and f"parte {part} do contrato 8447" in contracts.text
    assert fmt.plural(len({r.resource_id for r in mine}), "recurso") in people.text
    assert fmt.plural(len({r.resource_id for r in mine if r.supplier == "8446"}), "recurso") in only_8446.text


@pytest.mark.parametrize(
    "question",
    [
        "quantas horas eu apontei esse mês?",
        "tenho algum apontamento sem validar?",
        "e eu, quanto fiz desde segunda?",
        "minhas horas da semana passada",
        "quanto eu trabalhei em outubro?",
    ],
)
def test_a_gestor_who_is_not_a_resource_is_told_so_plainly(generated: Dataset, gestor: Scope, question: str) -> None:
    (reply,) = ask(generated, gestor, question)
    assert reply.intent == "no_own_entries"
    assert reply.text.startswith("Você não tem apontamentos")
    assert "Não encontrei" not in reply.text and "Rogério" not in reply.text
    assert reply.suggestions  # the team's figure is offered instead


@pytest.mark.parametrize(
    "question", ["total do 8447 em outubro", "quanto o 8447 fez em outubro?", "horas do contrato 8447 em outubro"]
)
def test_a_figure_for_part_of_a_contract_is_labelled_as_that_part(
    generated: Dataset, rows: list[Any], part: str, gestor: Scope, question: str
) -> None:
    figure = fmt.hours(sum(r.net or 0 for r in within(rows, OCTOBER) if r.client == part))
    (reply,) = ask(generated, gestor, question)
    assert reply.text.startswith(f"No seu contrato 8446 e na parte {part} do contrato 8447: ")
    assert f"A parte {part} do contrato 8447 somou {figure}" in reply.text
    assert "O contrato 8447" not in reply.text


@pytest.mark.parametrize(
    "question", ["no que o 8447 gastou mais tempo em outubro?", "horas por atividade do 8447 em outubro"]
)
def test_activities_of_part_of_a_contract_are_labelled_as_that_part(
    generated: Dataset, part: str, gestor: Scope, question: str
) -> None:
    (reply,) = ask(generated, gestor, question)
    body = reply.text.split(": ", 1)[1]
    assert f"parte {part} do contrato 8447" in body.split("\n")[0]


@pytest.mark.parametrize("question", ["quanto o 8301 fez em outubro?", "e o contrato E5799996?"])
def test_another_contract_is_declined_with_the_scope_as_granted(
    generated: Dataset, part: str, gestor: Scope, question: str
) -> None:
    (reply,) = ask(generated, gestor, question)
    assert " h" not in reply.text
    assert f"o contrato 8446 e a parte {part} do contrato 8447" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "e qnto o 8446 todo fez?",
        "me mostra o ranking da equipe",
        "quem mais trabalhou no 8446 esse mês?",
        "o pessoal do meu contrato fez quanto?",
        "qual minha participacao nas horas do 8446 em outubro",  # her share: the whole is everyone's
    ],
)
def test_a_colaboradora_asking_about_others_gets_no_figure(generated: Dataset, rows: list[Any], question: str) -> None:
    me = sorted({r.resource_id for r in rows if r.supplier == "8446"})[0]
    (reply,) = ask(generated, Scope("colaborador", resource_id=me), question)
    assert reply.text == "Não posso mostrar dados de outras pessoas."


def test_a_colaboradora_in_the_first_person(generated: Dataset, rows: list[Any]) -> None:
    me = sorted({r.resource_id for r in rows if r.supplier == "8446"})[0]
    mine = [r for r in rows if r.resource_id == me]
    days = hours_by(within(mine, LAST_WEEK), "day")
    above = sorted(day for day, h in days.items() if h > 8)
    activities = hours_by([r for r in within(mine, OCTOBER) if r.activity], "activity")
    by_key: dict[str, float] = defaultdict(float)
    for activity, h in activities.items():
        by_key[normalize(activity)] += h
    top = max(by_key, key=lambda k: by_key[k])
    passed, worked = ask(
        generated,
        Scope("colaborador", resource_id=me),
        "passei de oito horas algum dia semana passada?",
        "no q eu mais trabalhei em outubro?",
    )
    for day in above:
        assert f"{day:%d/%m/%Y}, {fmt.hours(days[day])}" in passed.text
    assert f"{fmt.hours(by_key[top])}" in worked.text and top in normalize(worked.text)


def test_follow_ups_about_the_people_the_bot_named(
    generated: Dataset, rows: list[Any], part: str, gestor: Scope
) -> None:
    week = within([r for r in visible(rows, part) if r.supplier == "8446"], WEEK_BEFORE)
    people = hours_by(week, "resource_id")
    first = max(people, key=lambda p: people[p])
    name = next(r.name for r in rows if r.resource_id == first)
    hers = [r for r in week if r.resource_id == first]
    days = hours_by(hers, "day")
    activities: dict[str, float] = defaultdict(float)
    for r in hers:
        activities[normalize(r.activity) if r.activity else "sem descricao"] += r.net or 0
    top = max(activities, key=lambda k: activities[k])
    ranked = sorted(people, key=lambda p: -people[p])[:10]
    names = {r.resource_id: r.name for r in rows}
    october = hours_by(within(visible(rows, part), OCTOBER), "resource_id")
    ranking, above, theirs, missing, worked = ask(
        generated,
        gestor,
        "quem mais trabalhou no 8446 na semana retrasada?",
        "ela passou de 8 horas em algum dia?",
        "e as horas deles em outubro?",
        "e ela, faltou algum dia em novembro?",
        "com o que ela trabalhou na semana retrasada?",
    )
    assert name in ranking.text.split("\n")[1]
    assert all(f"{day:%d/%m/%Y}, {fmt.hours(h)}" in above.text for day, h in days.items() if h > 8)
    # "deles": the people the ranking named, each with October's hours, and nobody else
    assert theirs.table is not None and theirs.table.total == len([p for p in ranked if october.get(p)])
    assert all(f"{names[p]}: {fmt.hours(october[p])}" in theirs.text for p in ranked if october.get(p))
    assert {row[1] for row in theirs.table.rows} <= {names[p] for p in ranked}
    assert name in missing.text  # after the list about them all, "ela" is still the one she was
    assert name in worked.text and fmt.hours(activities[top]) in worked.text


@pytest.mark.parametrize(
    ("question", "contract"),
    [
        ("o que a equipe fez semana passada?", None),
        ("no que o 8446 gastou mais tempo semana passada?", "8446"),
        ("com o que o pessoal do 8446 trabalhou semana passada?", "8446"),
    ],
)
def test_activities_in_implicit_words(
    generated: Dataset, rows: list[Any], part: str, gestor: Scope, question: str, contract: str | None
) -> None:
    week = [r for r in within(visible(rows, part), LAST_WEEK) if contract is None or r.supplier == contract]
    activities: dict[str, float] = defaultdict(float)
    for r in week:
        if r.activity:
            activities[normalize(r.activity)] += r.net or 0
    top = max(activities, key=lambda k: activities[k])
    (reply,) = ask(generated, gestor, question)
    first = next(line for line in reply.text.split("\n")[1:] if line.strip())
    assert top in normalize(first) and fmt.hours(activities[top]) in first


def test_a_team_figure_keeps_its_period_for_the_next_question(generated: Dataset, rows: list[Any], part: str) -> None:
    since_monday = (GENERATED_END - timedelta(days=2), GENERATED_END)
    people = hours_by(within(visible(rows, part), since_monday), "name")
    top = max(people, key=lambda n: people[n])
    gestor = Scope("gestor", contracts=("8446", part))
    _, ranking = ask(generated, gestor, "quanto a equipe fez desde segunda?", "quem mais trabalhou?")
    assert f"1. {top}: {fmt.hours(people[top])}" in ranking.text


@pytest.mark.parametrize(
    "question", ["alguém trabalhou no fim de semana retrasado?", "e no fds retrasado, alguem trabalhou?"]
)
def test_someone_worked_asks_who(generated: Dataset, rows: list[Any], part: str, gestor: Scope, question: str) -> None:
    """Who worked that weekend: each person's day with its hours (the weekend's work, not its hours' total)."""
    weekend = within(visible(rows, part), (date(2026, 11, 14), date(2026, 11, 15)))
    days: dict[tuple[str, date], float] = defaultdict(float)
    for r in weekend:
        days[(r.name, r.day)] += r.net or 0
    (reply,) = ask(generated, gestor, question)
    assert f"{fmt.plural(len(days), 'dia')} de trabalho em fim de semana" in reply.text
    assert all(
        f"{name}: {day:%d/%m/%Y}" in reply.text and fmt.hours(h) in reply.text for (name, day), h in days.items()
    )


def test_a_conversation_about_a_contract_keeps_it_for_an_activity(
    generated: Dataset, rows: list[Any], part: str, gestor: Scope
) -> None:
    week = [r for r in within(rows, LAST_WEEK) if r.supplier == "8446" and r.activity]
    meetings = [r for r in week if "reuniao" in normalize(r.activity)]
    *_, meeting = ask(
        generated, gestor, "o que a equipe fez semana passada?", "e só o 8446?", "qnto tempo foi de reunião?"
    )
    assert f"{fmt.hours(sum(r.net or 0 for r in meetings))} líquidas em {fmt.plural(len(meetings), 'apontamento')}" in (
        meeting.text
    )


def test_quanto_eu_fiz_is_hours_after_another_kind_of_question(generated: Dataset, rows: list[Any]) -> None:
    me = sorted({r.resource_id for r in rows if r.supplier == "8446"})[0]
    mine = within([r for r in rows if r.resource_id == me], (date(2026, 11, 16), date(2026, 11, 18)))
    *_, hours = ask(
        generated,
        Scope("colaborador", resource_id=me),
        "faltei algum dia em novembro?",
        "qnto eu fiz de segunda a quarta da semana passada?",
    )
    assert f"trabalhou {fmt.hours(sum(r.net or 0 for r in mine))} líquidas de 16/11/2026 a 18/11/2026" in hours.text


def test_everyone_without_the_team_word_stays_an_aggregate(
    generated: Dataset, rows: list[Any], part: str, gestor: Scope
) -> None:
    week = within(visible(rows, part), LAST_WEEK)
    (reply,) = ask(generated, gestor, "quanto todo mundo fez semana passada?")
    assert fmt.hours(sum(r.net or 0 for r in week)) in reply.text
    assert reply.table is None and not any(r.name in reply.text for r in week)  # a group chat may show it


@pytest.mark.parametrize("follow_up", ["e a {name}, qnto fez?", "e {name}?", "qnto a {name} fez sem passada?"])
def test_a_colleagues_name_is_never_corrected_into_the_askers_question(
    generated: Dataset, rows: list[Any], follow_up: str
) -> None:
    me = sorted({r.resource_id for r in rows if r.supplier == "8446"})[0]
    other = next(r.name for r in rows if r.resource_id != me and "Dias" not in r.name.split())
    first, *_, last = other.lower().split()
    replies = ask(
        generated,
        Scope("colaborador", resource_id=me),
        "qnt eu fiz sem passada",
        follow_up.format(name=f"{first} {last}"),
    )
    assert replies[1].text == "Não posso mostrar dados de outras pessoas."


def test_pending_validations_name_the_part_of_a_contract(
    generated: Dataset, rows: list[Any], part: str, gestor: Scope
) -> None:
    pending = sum(1 for r in visible(rows, part) if r.supplier == "8447" and not r.validated)
    (reply,) = ask(generated, gestor, "qnts apontamentos sem validacao no 8447?")
    assert f"{pending} apontamentos" in reply.text
    lines = [line for line in reply.text.splitlines() if "8447" in line]
    assert lines and all(part in line for line in lines)


def test_which_of_my_two_contracts_shows_both(generated: Dataset, rows: list[Any], part: str, gestor: Scope) -> None:
    """With two contracts in view, "qual teve mais" ranks both: the answer to "which" and by how much."""
    october = within(visible(rows, part), OCTOBER)
    totals = hours_by(october, "supplier")
    (reply,) = ask(generated, gestor, "qual dos meus contratos teve mais horas em outubro?")
    label = {"8446": "8446", "8447": f"Parte {part} do contrato 8447"}  # the part seen, never the whole 8447
    first, second = sorted(totals, key=lambda c: -totals[c])
    assert f"1. {label[first]}: {fmt.hours(totals[first])}" in reply.text
    assert f"2. {label[second]}: {fmt.hours(totals[second])}" in reply.text
