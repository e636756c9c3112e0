"""Shapes batches DB and DC showed: a month written as a report does ("10/2026"), a contract dictated in words,
"top5" and "idem", a correction that names both what is meant and what is not, "mesma pergunta", "estranho" for
an entry too long, thanks and reasons around every question (even the grouping said in the reason), the one of
two people who did none of an activity, both bases of a total, a contract's activities and "qual contrato dela"
in a talk about them, a new part of the same whole, and the long weekend one is leaving for.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from apontamentos.dataset import Dataset
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import activity_has, ask, by, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_gestor import ask as ask_as
from .test_shapes_parts import percent
from .test_shapes_periods_lists import NOVEMBER, OCTOBER, SEPTEMBER, of_contract, one_contract_person
from .test_shapes_returning import of, top


def people_hours(rows: list[Span], keep: object) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for r in rows:
        if keep(r):  # type: ignore[operator]
            totals[r.name] += r.net or 0
    return totals


@pytest.mark.parametrize("question", ["8446 hrs 10/2026", "horas do 8446 em 10/2026", "8446 10/2026"])
def test_a_month_as_a_report_writes_it(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    (reply,) = ask(generated, question)
    assert hours(total(rows, of_contract(OCTOBER))) in reply and "31/10/2026" in reply


def test_open_entries_of_a_month_written_as_a_report(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "8446 abertos 10/2026")
    assert f"{sum(1 for r in rows if of_contract(OCTOBER)(r) and r.end is None)} apontamentos" in reply


def test_top_n_glued_and_idem(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    ranked, again = ask(generated, "8446 top5 10/2026", "8447 idem")
    for contract, reply in (("8446", ranked), ("8447", again)):
        people = people_hours(rows, of_contract(OCTOBER, contract))
        assert all(f"{name}: {hours(people[name])}" in reply for name in top(people, 5))


@pytest.mark.parametrize(
    "question",
    [
        "horas do contrato oito quatro quatro seis em outubro",
        "quanto o contrato oito mil quatrocentos e quarenta e seis fez em outubro",
    ],
)
def test_a_contract_dictated_in_words(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    (reply,) = ask(generated, question)
    assert hours(total(rows, of_contract(OCTOBER))) in reply


@pytest.mark.parametrize("correction", ["opa errei, era setembro nao outubro", "ops, era setembro, nao outubro"])
def test_a_correction_naming_what_is_meant_then_what_is_not(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    correction: str,
) -> None:
    _, reply = ask(generated, "quantas horas a equipe do 8446 apontou em outubro", correction)
    assert hours(total(rows, of_contract(SEPTEMBER))) in reply and "dois períodos" not in reply


def test_the_same_question_of_another_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(
        generated,
        "quem apontou mais no 8446 em setembro",
        "pera, na vdd o contrato é o 8447, foi mal kkk. mesma pergunta",
    )
    people = people_hours(rows, of_contract(SEPTEMBER, "8447"))
    assert all(f"{name}: {hours(people[name])}" in reply for name in top(people, 3))


@pytest.mark.parametrize(
    "question",
    ["tem algum apontamento estranho, mto longo, no 8446?", "tem algum apontamento muito longo / estranho no 8446?"],
)
def test_strange_means_too_long(generated: Dataset, question: str) -> None:
    (reply,) = ask(generated, question)
    assert "muito longo" in reply and "Não entendi" not in reply


def test_a_contract_to_compare_with_is_not_mine(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    me = next(r.resource_id for r in rows if r.name == name)
    *_, reply = ask_as(
        generated,
        Scope("colaborador", resource_id=me),
        "qual minha media por dia trabalhado em outubro",
        f"e a media do contrato {contract} pra eu comparar",
    )
    assert " h" not in reply.text and name not in reply.text


@pytest.mark.parametrize(
    "message",
    [
        "Bom dia! Obrigada pela ajuda de sempre 😊 Estou fechando o relatório mensal do contrato 8446 e preciso saber"
        " o total de horas de outubro, pode me ajudar? Obrigada!",
        "Muito obrigada! Agora, pra completar o relatório, quantas horas o 8446 fez em outubro? Obrigada",
    ],
)
def test_thanks_around_the_question(generated: Dataset, rows: list[Span], message: str) -> None:  # noqa: F811
    (reply,) = ask(generated, message)
    assert hours(total(rows, of_contract(OCTOBER))) in reply


def test_the_grouping_said_in_the_reason(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(
        generated,
        "quantas horas o 8446 fez em outubro?",
        "Perfeito, obrigada. Meu gestor também pediu a quebra por atividade, quanto foi de cada uma?",
    )
    activities = by(rows, lambda r: plain(r.activity), lambda r: of_contract(OCTOBER)(r) and bool(r.activity))
    assert all(hours(value) in reply for value in sorted(activities.values())[-3:])


def test_the_one_of_two_who_did_none_of_an_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    november = [r for r in rows if NOVEMBER[0] <= r.day <= NOVEMBER[1]]
    did = {r.name for r in november if activity_has("treinamento")(r)}
    idle = sorted({r.name for r in november} - did)[0]
    busy = sorted(did)[0]
    *_, reply = ask(
        generated,
        f"quanto o {idle} fez esse mes",
        f"e o {busy}?",
        "qual dos dois fez mais treinamento no mes",
    )
    done = total(rows, lambda r: of(busy, NOVEMBER)(r) and activity_has("treinamento")(r))
    assert f"{busy}: {hours(done)}" in reply and f"{idle}: 0,0 h" in reply


def test_both_bases_of_a_total(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(
        generated, "quantas horas deu o 8446 em outubro no total?", "e as horas brutas e liquidas de novembro?"
    )
    keep = of_contract(NOVEMBER)
    assert hours(total(rows, keep)) in reply and hours(total(rows, keep, basis="gross")) in reply


def test_the_heaviest_activity_in_a_talk_about_a_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(
        generated, "quantas pessoas do 8446 apontaram em outubro", "qual atividade teve mais hora em novembro"
    )
    activities: dict[str, float] = defaultdict(float)
    for r in rows:
        if of_contract(NOVEMBER)(r) and r.activity:
            activities[plain(r.activity)] += r.net or 0
    assert hours(max(activities.values())) in reply


@pytest.mark.parametrize("question", ["qual contrato dela", "e qual o contrato dela?"])
def test_which_contract_of_the_person_talked_about(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    _, reply = ask(generated, f"a {name} apontou ontem?", question)
    assert contract in reply and "De quem" not in reply


def test_a_new_part_of_the_same_whole(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = sorted({r.name for r in rows if of_contract(NOVEMBER)(r)})[0]
    _, reply = ask(generated, f"qual % das horas do 8446 em novembro foi da {name}", "e code review, qto % foi")
    whole = total(rows, of_contract(NOVEMBER))
    part = total(rows, lambda r: of_contract(NOVEMBER)(r) and activity_has("review")(r))
    assert percent(part, whole) in reply and name not in reply


def test_the_long_weekend_one_is_leaving_for_is_not_a_period(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(
        generated, "oi, antes de sair pro feriadao queria ver se to com algum apontamento sem saida", user=name
    )
    assert f"{sum(1 for r in rows if r.name == name and r.end is None)} apontamento" in reply
