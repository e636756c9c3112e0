"""Shapes the blind batches GX to HA showed (lists and tables and what people ask of them next, long
conversations, managers checking their team): each test a phrasing people typed that the engine answered with a
figure for another question, or did not read.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from datetime import date

from apontamentos.dataset import Dataset
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import FIGURE, OCTOBER, ask, by, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_gestor import ask as ask_as
from .test_shapes_conversations import person_of
from .test_shapes_periods_lists import NOVEMBER, SEPTEMBER, of_contract
from .test_shapes_recent import activity_of
from .test_shapes_returning import of

LAST_ROW = "Não sei a que pergunta isso se refere"


def people_of(rows: list[Span], span: tuple[date, date], contract: str = "8446") -> list[tuple[str, float]]:
    """Each person's net hours in `contract` over `span`, most first."""
    people = by(rows, lambda r: r.name, of_contract(span, contract))
    return sorted(people.items(), key=lambda p: (-p[1], p[0]))


# -- the whole list, its ends, one row --------------------------------------------------------------------------


def test_a_table_by_person_after_a_greeting(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446",))
    (reply,) = ask_as(generated, gestor, "boa tarde. preciso de uma tabela por pessoa do meu contrato em novembro")
    assert all(f"{name}: {hours(h)}" in reply.text for name, h in people_of(rows, NOVEMBER))


def test_everyone_listed_means_the_whole_list(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, OCTOBER)
    (reply,) = ask(
        generated, f"lista todo mundo do 8446 por horas em outubro, todos os {len(people)}, nao so os 3 primeiros"
    )
    assert all(f"{name}: {hours(h)}" in reply for name, h in people)


def test_the_bottom_of_the_list_just_shown(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, NOVEMBER)
    _, bottom, again = ask(generated, "horas por pessoa do 8446 em novembro", "agora os 3 de baixo", "e os 3 ultimos")
    for reply in (bottom, again):
        assert all(f"{name}: {hours(h)}" in reply for name, h in people[-3:])
        assert people[0][0] not in reply


def test_the_first_activity_of_a_ranking(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, activity_of, of_contract(SEPTEMBER))
    first, second = sorted(activities, key=lambda a: -activities[a])[:2]
    _, reply = ask(generated, "ranking das atividades do 8446 em setembro", "so a primeira")
    assert hours(activities[first]) in reply and hours(activities[second]) not in reply


def test_the_week_that_starts_on_a_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    week = (date(2026, 10, 26), date(2026, 11, 1))
    _, reply = ask(
        generated, f"horas da {plain(name)} por semana desde outubro", "me da so a semana que comeca dia 26/10"
    )
    assert hours(total(rows, of(name, week))) in reply and "26/10/2026 a 01/11/2026" in reply


def test_days_with_an_entry_since_ever(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    days = {r.day for r in rows if r.name == name}
    first, reply = ask(generated, f"quantos apontamentos a {plain(name)} fez desde sempre", "em qntos dias distintos")
    assert f"{sum(r.name == name for r in rows)} apontamentos" in first
    assert f"{len(days)} dias" in reply


# -- after a question that was not understood -------------------------------------------------------------------


def test_a_fragment_after_a_new_question_not_understood_is_not_the_old_one(generated: Dataset) -> None:
    *_, after = ask(
        generated,
        "horas do 8446 em outubro",
        "no geral, qual contrato zorbou mais gente em novembro?",
        "e com mais horas?",
    )
    assert after.startswith(LAST_ROW) and not FIGURE.search(after)


def test_a_fragment_after_a_follow_up_not_understood_is_still_the_old_one(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, after = ask(generated, "horas do 8446 em outubro", "lista os dias zorbados pfv", "e em setembro?")
    assert hours(total(rows, of_contract(SEPTEMBER))) in after
