"""Shapes batches DD and DE showed: "evolução mês a mês", "qual dos dois" after two contracts, counting the
activities after their hours, "o que o pessoal mais fez", a measure taken back ("não em horas, em quantidade"),
"meu mês" said in the reason, "não quero quantidade, quero saber quem", weekends after a holiday, "o mês passado
e deste", "quanto apontei e se falta algum dia", a contract's expected hours as a follow-up, a colaboradora's
"quanto ficou ontem", and a name with a particle no one has.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from apontamentos.dataset import Dataset
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import ask, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_gestor import ask as ask_as
from .test_shapes_periods_lists import NOVEMBER, OCTOBER, SEPTEMBER, of_contract, one_contract_person
from .test_shapes_returning import of

YESTERDAY = (date(2026, 11, 24), date(2026, 11, 24))


def by_activity(rows: list[Span], keep: object, count: bool = False) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for r in rows:
        if keep(r) and r.activity:  # type: ignore[operator]
            totals[plain(r.activity)] += 1 if count else (r.net or 0)
    return totals


def by_month(rows: list[Span], contract: str) -> list[float]:
    months: dict[int, float] = defaultdict(float)
    for r in rows:
        if r.supplier == contract:
            months[r.day.month] += r.net or 0
    return list(months.values())


def test_evolution_month_by_month_then_another_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first, second = ask(generated, "evolucao mes a mes do 8446", "e do 8447?")
    assert all(hours(value) in first for value in by_month(rows, "8446"))
    assert all(hours(value) in second for value in by_month(rows, "8447"))


def test_which_of_two_contracts_after_both(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(generated, "horas por mes do 8446", "e do 8447", "qual dos dois teve mais hora em outubro?")
    assert hours(total(rows, of_contract(OCTOBER))) in reply
    assert hours(total(rows, of_contract(OCTOBER, "8447"))) in reply


def test_counting_the_activities_after_their_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "quais as atividades com mais horas em novembro", "e por quantidade de apontamento?")
    counts = by_activity(rows, lambda r: NOVEMBER[0] <= r.day <= NOVEMBER[1], count=True)
    assert f"{int(max(counts.values())):,d}".replace(",", ".") + " apontamentos" in reply


def test_what_a_team_did_most_then_counted(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    most, counted = ask(
        generated, "o que o pessoal do 8446 mais fez em setembro", "nao em horas, em quantidade de apontamentos"
    )
    assert hours(max(by_activity(rows, of_contract(SEPTEMBER)).values())) in most
    assert f"{int(max(by_activity(rows, of_contract(SEPTEMBER), count=True).values()))} apontamentos" in counted


def test_my_month_said_in_the_reason(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "bom dia, preciso fechar meu mes passado, qnt deu?", user=name)
    assert hours(total(rows, of(name, OCTOBER))) in reply and name in reply


def test_who_not_how_many(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "quantas pessoas apontaram ontem no 8446", "nao quero quantidade, quero saber QUEM")
    people = {r.name for r in rows if of_contract(YESTERDAY)(r)}
    assert all(name in reply for name in people)


def test_weekends_after_a_holiday(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "alguem trabalhou no feriado de 20/11?", "e fim de semana esse mes, quantos")
    days = {(r.name, r.day) for r in rows if NOVEMBER[0] <= r.day <= NOVEMBER[1] and r.day.weekday() >= 5}
    assert f"{len(days)} dias de trabalho" in reply


def test_last_month_and_this_one_side_by_side(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(
        generated, "horas do 8446 em outubro", "so o total", "nao, total do mes passado E deste, lado a lado"
    )
    assert hours(total(rows, of_contract(OCTOBER))) in reply and hours(total(rows, of_contract(NOVEMBER))) in reply


def test_how_much_and_whether_a_day_is_missing(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "me diz qnto apontei em novembro e se falta algum dia", user=name)
    assert hours(total(rows, of(name, NOVEMBER))) in reply and "dia" in reply.split("\n\n")[-1]


def test_expected_hours_in_a_talk_about_a_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(generated, "media de horas por pessoa no 8446 em setembro", "e quanto era o esperado")
    assert hours(total(rows, of_contract(SEPTEMBER))) in reply and "8446" in reply


def test_a_colaboradoras_yesterday_after_a_refused_delete(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    me = next(r.resource_id for r in rows if r.name == name)
    refused, reply = ask_as(
        generated,
        Scope("colaborador", resource_id=me),
        "apontei errado ontem, consegue apagar aquele das 14h pra mim?",
        "entao me fala qnt ficou ontem",
    )
    assert "só consulto" in refused.text
    assert hours(total(rows, of(name, YESTERDAY))) in reply.text and "todos os recursos" not in reply.text


def test_a_name_with_a_particle_no_one_has(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    first, *_, last = name.split()
    (reply,) = ask(generated, f"quanto o {first.lower()} da {last.lower()} fez esse mes")
    assert " h " not in reply and "Não encontrei" in reply and name in reply


# -- batches DF and DG: "essa quinzena", "e por dia" after an average, "e horas no total?", "tá chegando",
# "quem menos trabalha segunda", a bare "quanto deu", "e o maior em horas", "no total" after a ranking, "volta no
# primeiro", "entao," before a reason, and "que ficou faltando"


def test_this_fortnight_and_the_one_before(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    this, before = ask(generated, f"quanto o {name} apontou essa quinzena", "e na quinzena passada")
    second_half = (date(2026, 11, 16), NOVEMBER[1])
    first_half = (date(2026, 11, 1), date(2026, 11, 15))
    assert hours(total(rows, of(name, second_half))) in this and "16/11/2026" in this
    assert hours(total(rows, of(name, first_half))) in before and "15/11/2026" in before


def test_per_day_after_the_average_per_person(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "media de horas por pessoa no 8446 em setembro", "e por dia")
    days = {(r.name, r.day) for r in rows if of_contract(SEPTEMBER)(r)}
    assert hours(total(rows, of_contract(SEPTEMBER)) / len(days)) in reply


def test_hours_in_total_after_counting_entries(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(generated, "quantos apontamentos o 8446 teve em outubro", "e horas no total?")
    assert hours(total(rows, of_contract(OCTOBER))) in reply


def test_arriving_this_week(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    week = (date(2026, 11, 23), NOVEMBER[1])
    firsts: dict[date, str] = {}
    for r in sorted(rows, key=lambda r: r.start):
        if of(name, week)(r):
            firsts.setdefault(r.day, f"{r.start:%H:%M}")
    (reply,) = ask(generated, f"que horas o {name} ta chegando essa semana")
    assert all(time in reply for time in firsts.values())


def test_who_works_least_on_mondays(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(generated, "ranking de quem mais trabalha na sexta no 8446", "e quem menos trabalha segunda")
    mondays: dict[str, float] = defaultdict(float)
    for r in rows:
        if r.supplier == "8446" and r.day.weekday() == 0:
            mondays[r.name] += r.net or 0
    least = min(mondays, key=lambda n: (mondays[n], n))
    assert f"{least}: {hours(mondays[least])}" in reply


def test_a_bare_how_much_with_nothing_before(generated: Dataset) -> None:
    _, reply = ask(generated, "e ai", "quanto deu")
    assert " h " not in reply and "Não sei" in reply


def test_the_biggest_in_hours_after_counting_contracts(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(generated, "quantos contratos tiveram apontamento em novembro", "e o maior em horas")
    contracts: dict[str, float] = defaultdict(float)
    for r in rows:
        if NOVEMBER[0] <= r.day <= NOVEMBER[1]:
            contracts[r.supplier] += r.net or 0
    biggest = max(contracts, key=lambda c: contracts[c])
    assert f"{biggest}: {hours(contracts[biggest])}" in reply


def test_entries_in_total_after_a_ranking(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "quem menos apontou no 8446 em novembro", "e qntos apontamentos no total")
    assert f"{sum(1 for r in rows if of_contract(NOVEMBER)(r))} apontamentos" in reply and "\n-" not in reply


def test_back_to_the_first_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(generated, "horas do 8446 em setembro", "e do 8447", "volta no primeiro, e em outubro?")
    assert hours(total(rows, of_contract(OCTOBER))) in reply and "8446" in reply


def test_a_day_left_missing_after_a_reason(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(
        generated,
        "oi tudo bem? entao, to fechando meu mes aqui, vc consegue me dizer quantas horas eu apontei em novembro ate"
        " agora e se tem algum dia util que ficou faltando? obg",
        user=name,
    )
    hours_part, days_part = reply.split("\n\n")
    assert hours(total(rows, of(name, NOVEMBER))) in hours_part and "dias úteis" not in days_part.split(":")[0]


@pytest.mark.parametrize("question", ["to devendo algum dia esse mes?", "tô devendo quantos dias em novembro?"])
def test_owing_a_day_is_a_day_without_entries(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    """Batch DH: "tô devendo algum dia" counts the days I did not record, not the hours I owe."""
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, question, user=name)
    assert "sem apontar" in reply and "esperadas" not in reply and name in reply
