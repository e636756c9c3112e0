"""Shapes the blind batches GD to GG showed (long conversations, managers closing the month, people in a hurry):
each test a phrasing people typed that the engine answered with a figure for another question, or did not read.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest

from apontamentos.answers import TEXT_ROWS
from apontamentos.dataset import Dataset
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import FIGURE, OCTOBER, TODAY, ask, by, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_gestor import ask as ask_as
from .test_shapes_closing import resource_of
from .test_shapes_detail import first_starts
from .test_shapes_parts import percent
from .test_shapes_periods_lists import NOVEMBER, SEPTEMBER, of_contract, one_contract_person
from .test_shapes_recent import LAST_WEEK, activity_of
from .test_shapes_returning import of

# National holidays inside the generated data (28/08 to 25/11/2026); 15/11 is a Sunday
HOLIDAYS = (date(2026, 9, 7), date(2026, 10, 12), date(2026, 11, 2), date(2026, 11, 15), date(2026, 11, 20))
NOVEMBER_WORKING_DAYS = [
    d
    for d in (NOVEMBER[0] + timedelta(days=n) for n in range((NOVEMBER[1] - NOVEMBER[0]).days + 1))
    if d.weekday() < 5 and d not in HOLIDAYS
]
FIRST_HALF_OF_OCTOBER = (date(2026, 10, 1), date(2026, 10, 15))


def person_of(rows: list[Span], contract: str = "8446") -> str:
    """Someone of `contract` whose surnames are not words ("Dias")."""
    return sorted({r.name for r in rows if r.supplier == contract and "Dias" not in r.name.split()})[0]


def colaborador(rows: list[Span], name: str) -> Scope:
    return Scope("colaborador", resource_id=resource_of(rows, name))


def bugs(r: Span) -> bool:
    return activity_of(r) == "correcao de bugs"


# -- what a phrase means ---------------------------------------------------------------------------------------


def test_the_pronoun_of_the_person_the_first_clause_names(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    gestor = Scope("gestor", contracts=("8446",))
    (reply,) = ask_as(generated, gestor, f"preciso ver a {plain(name)}, qnto ela apontou em novembro")
    assert hours(total(rows, of(name, NOVEMBER))) in reply.text and "De quem" not in reply.text


@pytest.mark.parametrize("question", ["qnts dias to devendo?", "quantos dias eu to devendo em novembro"])
def test_days_owed_are_working_days_without_entries(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    worked = {r.day for r in rows if r.name == name}
    missed = [d for d in NOVEMBER_WORKING_DAYS if d not in worked]
    _, reply = ask_as(generated, colaborador(rows, name), "qnt eu tenho em novembro", question)
    assert f"em {len(missed)} dia" in reply.text and "esperadas" not in reply.text


@pytest.mark.parametrize(
    "question", ["fechei minhas horas do mes?", "to em dia com as horas do mes?", "bati as horas esse mes?"]
)
def test_meeting_the_months_hours_is_the_balance(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask_as(generated, colaborador(rows, name), question)
    expected = hours(8.0 * len(NOVEMBER_WORKING_DAYS))
    assert f"{expected} esperadas" in reply.text and hours(total(rows, of(name, NOVEMBER))) in reply.text


def test_reason_clause_is_no_filter(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    span = (date(2026, 10, 5), date(2026, 10, 17))
    (reply,) = ask(
        generated,
        f"preciso das horas brutas do {plain(name)} de 05/10 ate 16/10, alias, ate 17/10 pq acho q ele foi no sab",
    )
    assert f"{hours(total(rows, of(name, span), 'gross'))} brutas" in reply and "fim de semana" not in reply


def test_the_hour_he_arrived_each_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    *_, reply = ask(
        generated,
        f"qual foi o dia q o {plain(name)} mais trabalhou em setembro",
        "e a hora q ele chegou cada dia na semana passada",
    )
    assert all(start in reply for start in first_starts(rows, name, LAST_WEEK).values())


def test_pending_hours_are_those_entries_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    pending = total(rows, lambda r: r.supplier == "8446" and not r.validated)
    (reply,) = ask(generated, "quantas horas estao pendentes de validacao no 8446?")
    assert hours(pending) in reply


# -- a follow-up that changes one thing ------------------------------------------------------------------------


def test_hours_after_an_activitys_entries(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = sorted({r.name for r in rows if r.supplier == "8446" and bugs(r) and "Dias" not in r.name.split()})[0]
    since = (SEPTEMBER[0], TODAY)
    fixed = total(rows, lambda r: of(name, since)(r) and bugs(r))
    _, reply = ask(generated, f"qnts lançamentos de correcao de bugs o {plain(name)} fez desde 1/9", "e horas?")
    assert hours(fixed) in reply and hours(total(rows, of(name, since))) not in reply


def test_the_whole_contract_in_an_activity_after_its_top_5(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    fixed = total(rows, lambda r: of_contract(FIRST_HALF_OF_OCTOBER)(r) and bugs(r))
    _, reply = ask(
        generated,
        "na primeira quinzena de outubro quem mais corrigiu bug no 8446? top 5",
        "e qto o 8446 inteiro gastou com correcao de bug nessa quinzena",
    )
    assert hours(fixed) in reply and "\n- " not in reply


def test_a_persons_part_of_the_total_after_an_activitys_part(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    whole = total(rows, of_contract(OCTOBER))
    hers = total(rows, lambda r: of_contract(OCTOBER)(r) and r.name == name)
    _, reply = ask(
        generated,
        "quanto % das horas do 8446 em outubro foi reuniao de alinhamento?",
        f"e quanto do total foi so a {plain(name)}",
    )
    assert percent(hers, whole) in reply and hours(whole) in reply


def test_compare_that_with_another_person(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first, second = sorted({r.name for r in rows if r.supplier == "8447" and "Dias" not in r.name.split()})[:2]

    def per_day(name: str) -> float:
        days = {r.day for r in rows if r.name == name and (r.net or 0) > 0}
        return total(rows, lambda r: r.name == name) / len(days)

    _, reply = ask(
        generated,
        f"quantas horas liquidas a {plain(first)} faz por dia trabalhado em media",
        f"compara isso com a {plain(second)}",
    )
    assert hours(per_day(first)) in reply and hours(per_day(second)) in reply and "semana passada" not in reply


def test_every_holiday_after_one(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    worked = {(r.name, r.day) for r in rows if r.day in HOLIDAYS}
    _, reply = ask(generated, "alguem trabalhou no feriado de 12 de outubro??", "e somando todos os feriados da base")
    assert reply.startswith(f"{len(worked)} dias de trabalho em feriado")


def test_the_whole_team_after_one_person(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    gestor = Scope("gestor", contracts=("8446",))
    _, reply = ask_as(
        generated,
        gestor,
        f"o {plain(name)} faltou algum dia em outubro?",
        "ok, e o time inteiro em outubro, qnt horas deu",
    )
    assert hours(total(rows, of_contract(OCTOBER))) in reply.text and name not in reply.text


def test_long_entries_in_a_talk_about_someone(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    _, reply = ask(
        generated, f"me ve as horas do {plain(name)} em novembro", "teve algum apontamento muito longo fora do normal?"
    )
    assert name in reply and "01/11/2026 a 25/11/2026" in reply


def test_the_contract_said_twice(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    *_, reply = ask(
        generated,
        f"qnts horas o {plain(name)} fez desde 12/11?",
        "media diaria?",
        "e o contrato dele, o 8446, no mesmo periodo",
    )
    assert hours(total(rows, of_contract((date(2026, 11, 12), TODAY)))) in reply


def test_a_months_hours_after_pending_entries_are_all_of_them(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask_as(
        generated,
        colaborador(rows, name),
        "quantos apontamentos meus ainda tao sem validar?",
        "e minhas horas brutas do mes?",
    )
    assert hours(total(rows, of(name, NOVEMBER), "gross")) in reply.text and "não validados" not in reply.text


# -- a list asked for --------------------------------------------------------------------------------------------


def test_client_contracts_ranked_for_their_gestor(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    parts: dict[str, float] = defaultdict(float)
    for r in rows:
        if of_contract(NOVEMBER, "7874")(r):
            parts[r.client] += r.net or 0
    gestor = Scope("gestor", contracts=("7874",))
    (reply,) = ask_as(generated, gestor, "qual dos dois contratos cliente do 7874 teve mais hora em novembro?")
    assert all(f"{client}: {hours(value)}" in reply.text for client, value in parts.items())


def test_the_days_and_their_hours_after_days_above(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, of_contract(NOVEMBER))
    _, reply = ask(generated, "no 8446 quem passou de 10h num dia esse mes", "lista os dias e as horas")
    # the contract's days over the bound, each with its hours (the days under it are not "those days")
    assert all(hours(value) in reply for value in days.values() if value > 10) and "acima de 10,0 h" in reply


# -- batches GH and GI -----------------------------------------------------------------------------------------


def test_a_name_of_someone_outside_the_scope_is_not_a_longer_name_inside(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        contracts[r.name].add(r.supplier)
    # a whole name outside a contract whose words all belong to a longer name inside it
    pairs = [
        (short, long, next(iter(contracts[long])))
        for short in sorted(contracts)
        for long in sorted(contracts)
        if len(contracts[long]) == 1
        and not contracts[short] & contracts[long]
        and set(plain(short).split()) < set(plain(long).split())
    ]
    assert pairs, "the generated data has no such pair"
    short, long, contract = pairs[0]
    gestor = Scope("gestor", contracts=(contract,))
    (reply,) = ask_as(generated, gestor, f"quanto o {plain(short)} fez em outubro")
    assert long not in reply.text and "h líquidas" not in reply.text


def test_the_same_comparison_in_another_month_after_two_people(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first, second = sorted({r.name for r in rows if r.supplier == "8447" and "Dias" not in r.name.split()})[:2]
    _, reply = ask(
        generated,
        f"qnts horas a {plain(first)} fez em outubro? e a {plain(second)} tb",
        "mesma comparacao so q em setembro",
    )
    assert hours(total(rows, of(first, SEPTEMBER))) in reply and hours(total(rows, of(second, SEPTEMBER))) in reply


def test_the_day_i_worked_most_after_an_activity_is_all_my_work(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    days = by(rows, lambda r: r.day, lambda r: of(name, NOVEMBER)(r))
    best = max(days, key=lambda d: days[d])
    _, reply = ask_as(
        generated,
        colaborador(rows, name),
        "qnto eu fiz de correcao de bugs em novembro",
        "e qual dia eu mais trabalhei em novembro",
    )
    assert f"{best:%d/%m/%Y}" in reply.text and hours(days[best]) in reply.text


def test_the_people_of_a_contract_called_o_povo(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, activity_of, of_contract(OCTOBER))
    top = max(activities, key=lambda a: activities[a])
    (reply,) = ask(generated, "o q o povo do 8446 mais fez em outubro? em horas")
    assert hours(activities[top]) in reply and "Povo" not in reply


# -- batches GJ and GK -----------------------------------------------------------------------------------------


def test_what_took_most_hours_is_an_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, activity_of, of_contract(OCTOBER))
    top = max(activities, key=lambda a: activities[a])
    (reply,) = ask(generated, "no 8446 o q mais consumiu hora em outubro")
    assert hours(activities[top]) in reply and "atividade" in reply.split("\n")[0]


def test_who_is_furthest_below_is_the_bottom(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(OCTOBER))
    bottom = sorted(people, key=lambda n: people[n])[:3]
    (reply,) = ask(generated, "quem do 8446 ta mais abaixo em outubro? os 3 q menos apontaram")
    assert all(f"{name}: {hours(people[name])}" in reply for name in bottom)


def test_this_month_named_again_in_brackets(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "quantas horas o 8446 fez nesse mes (outubro)")
    assert hours(total(rows, of_contract(OCTOBER))) in reply and "dois períodos" not in reply


def test_a_share_of_that_with_e_for_is(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    fixed = total(rows, lambda r: of_contract(OCTOBER)(r) and bugs(r))
    _, reply = ask(
        generated, "quantas horas de correcao de bugs no 8446 em outubro", "e isso e qnts % do total do contrato"
    )
    assert reply.startswith("Parte") and percent(fixed, total(rows, of_contract(OCTOBER))) in reply


def test_abnormally_long_entries_are_the_outliers(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(
        generated, "alguem do 8446 passou de 10h num dia em setembro?", "tem algum apontamento anormalmente longo?"
    )
    assert "muito longo" in reply and "passaram de" not in reply


def test_a_new_topic_forgets_the_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    yesterday = TODAY - timedelta(days=1)
    people = {r.name for r in rows if r.day == yesterday}
    _, reply = ask(generated, "qts horas no 8446 semana passada", "muda de assunto, quantas pessoas apontaram ontem")
    assert reply.startswith(f"{len(people)} recursos apontaram")


def test_the_next_person_after_a_refused_one_gets_the_refused_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    gestor = Scope("gestor", contracts=("8446",))
    *_, reply = ask_as(
        generated,
        gestor,
        "quantas pessoas do 8446 nao apontaram ontem",
        "quantas horas o fulano de tal fez esse mes",
        f"e o {plain(name)}",
    )
    assert hours(total(rows, of(name, NOVEMBER))) in reply.text and "sem apontar" not in reply.text


def test_the_contract_in_general_from_a_colaborador_is_refused(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    _, reply = ask_as(
        generated, colaborador(rows, name), "minhas horas em outubro", f"e o {contract} no geral quanto deu"
    )
    assert hours(total(rows, of(name, OCTOBER))) not in reply.text and " h" not in reply.text


def test_one_persons_days_above_are_all_listed_without_her_name(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: (r.name, r.day), lambda r: "Dias" not in r.name.split())
    above: dict[str, dict[date, float]] = defaultdict(dict)
    for (name, day), value in days.items():
        if value > 9:
            above[name][day] = value
    # the longest list a reply shows whole: one row more than its lines is shown, not "… e mais 1"
    name = max(sorted(n for n in above if len(above[n]) <= TEXT_ROWS + 1), key=lambda n: len(above[n]))
    (reply,) = ask(generated, f"em quais dias o {plain(name)} passou de 9h")
    assert all(f"{d:%d/%m/%Y}, {hours(v)}" in reply for d, v in above[name].items()) and f"- {name}" not in reply


# -- batches GL and GM -----------------------------------------------------------------------------------------


def test_who_was_it_that_did_most_is_a_person(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(OCTOBER))
    top = max(people, key=lambda n: people[n])
    _, reply = ask(generated, "horas do 8446 em outubro", "qm foi o q mais fez")
    assert f"{top}: {hours(people[top])}" in reply and "atividades" not in reply


def test_normal_hours_are_her_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    _, reply = ask(generated, f"horas da {plain(name)} em setembro", "ok e as horas normais dela em outubro")
    assert hours(total(rows, of(name, OCTOBER))) in reply and "fora do padrão" not in reply


def test_a_supplier_is_a_supplier_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = by(rows, lambda r: r.supplier, lambda r: SEPTEMBER[0] <= r.day <= SEPTEMBER[1])
    top = max(contracts, key=lambda c: contracts[c])
    (reply,) = ask(generated, "qual fornecedor mais apontou hora em setembro")
    assert f"{top}: {hours(contracts[top])}" in reply


def test_the_busiest_date_then_weekdays_summed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, lambda r: r.supplier == "8446")
    best = max(days, key=lambda d: days[d])
    weekdays = total(rows, lambda r: r.supplier == "8446" and r.day.weekday() < 5)
    _, busiest, summed = ask(
        generated, "dia da semana q o 8446 mais aponta", "e o dia com mais hrs", "so de seg a sex quanto deu no total"
    )
    assert f"{best:%d/%m/%Y}" in busiest and hours(days[best]) in busiest
    assert hours(weekdays) in summed and "\n- " not in summed


def test_a_day_without_a_holiday_after_holiday_work_is_who_recorded(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    day = date(2026, 11, 19)
    people = {r.name for r in rows if r.supplier == "8446" and r.day == day}
    _, reply = ask(generated, "quem apontou no 8446 no feriado de 20/11?", "e no dia 19?")
    assert f"{len(people)} recursos com apontamentos em 19/11/2026" in reply


def test_by_count_of_entries_without_e(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "top atividades do 8446 em outubro", "por qtd de apontamento")
    entries = defaultdict(int)
    for r in rows:
        if of_contract(OCTOBER)(r):
            entries[activity_of(r)] += 1
    assert reply.startswith("Apontamentos por atividade") and f"{max(entries.values())} apontamentos" in reply


# -- batches GN and GO -----------------------------------------------------------------------------------------


def test_a_whole_contract_a_gestor_sees_only_his_own_rows_of(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        contracts[r.name].add(r.supplier)
    name, theirs = next((n, c) for n, c in sorted(contracts.items()) if "8446" not in c and "Dias" not in n.split())
    other = sorted(theirs)[0]
    gestor = Scope("gestor", resource_id=resource_of(rows, name), contracts=("8446",))
    (reply,) = ask_as(generated, gestor, f"e o {other} todo em outubro?")
    mine = total(rows, lambda r: r.name == name and r.supplier == other and OCTOBER[0] <= r.day <= OCTOBER[1])
    assert hours(mine) not in reply.text and f"Do contrato {other}, só os seus próprios apontamentos" in reply.text


def test_days_the_team_recorded_after_its_entries(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = {r.day for r in rows if r.supplier == "8446"}
    *_, reply = ask(
        generated,
        "horas por mes do 8446",
        "isso da qnts apontamentos no total",
        "e quantos dias a gente teve lancamento",
    )
    assert f"{len(days)} dias" in reply


def test_net_hours_after_a_count_of_entries(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    since = (date(2026, 11, 12), TODAY)
    *_, reply = ask(
        generated, "horas brutas do 8446 em setembro", "qnts apontamentos", "e desde 12/11 quanto foi de liquido"
    )
    assert hours(total(rows, of_contract(since))) in reply


def test_the_whole_weekend_after_its_two_days(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weekend = (date(2026, 11, 21), date(2026, 11, 22))
    entries = sum(1 for r in rows if of_contract(weekend)(r))
    *_, reply = ask(generated, "quem apontou no 8446 sabado passado?", "e no domingo", "qnts lancamentos no fds todo")
    assert f"{entries} apontamento" in reply and "21/11/2026 a 22/11/2026" in reply


# -- batches GP and GQ -----------------------------------------------------------------------------------------


def test_his_after_a_first_clause_that_names_him(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    activities = by(rows, activity_of, of(name, OCTOBER))
    (reply,) = ask(
        generated, f"to montando a avaliacao do {plain(name)}, como ficou a distribuicao por atividade dele em outubro?"
    )
    assert name in reply and all(hours(v) in reply for v in activities.values())


def test_what_they_asked_me_for_is_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    two_weeks_ago = (date(2026, 11, 9), date(2026, 11, 15))
    people = {r.name for r in rows if of_contract(two_weeks_ago)(r)}
    first, second = ask(
        generated,
        "boa tarde! vou fechar um relatorio pro cliente e me pediram as horas do 8446 da semana retrasada, consegue?",
        "qts pessoas apontaram nessa semana",
    )
    assert hours(total(rows, of_contract(two_weeks_ago))) in first and f"{len(people)} recursos" in second


def test_last_week_whole_after_who_they_are(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(LAST_WEEK))
    *_, reply = ask(generated, "qtas pessoas apontaram no 8446 essa semana", "quem sao", "e na semana passada inteira")
    assert f"{len(people)} recursos" in reply and all(f"{n}: {hours(v)}" in reply for n, v in list(people.items())[:5])


# -- batches GR and GS -----------------------------------------------------------------------------------------


def test_bare_days_are_days_of_the_month_talked_about(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first_days = (date(2026, 11, 1), date(2026, 11, 11))
    *_, gross = ask(generated, "preciso do total do 8446 desde 12/11", "e antes disso, de 1 a 11?", "em bruto")
    assert (
        f"{hours(total(rows, of_contract(first_days), 'gross'))} brutas" in gross and "01/11/2026 a 11/11/2026" in gross
    )


def test_back_to_hours_after_a_count(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, activity_of, of_contract(OCTOBER))
    top = max(activities, key=lambda a: activities[a])
    *_, reply = ask(
        generated,
        "quais as atividades q mais consumiram horas em outubro no 8446",
        "e por quantidade de apontamentos?",
        "volta pra horas",
    )
    assert hours(activities[top]) in reply and "apontamentos:" not in reply


def test_hours_on_a_holiday_are_the_work_on_it(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    holiday = date(2026, 11, 20)
    worked = total(rows, lambda r: r.supplier == "8446" and r.day == holiday)
    (reply,) = ask(generated, "qnts horas o 8446 fez no feriado de 20/11")
    assert hours(worked) in reply and "Feriados nacionais" not in reply


def test_the_contract_that_led_shows_the_next_two(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = by(rows, lambda r: r.supplier, lambda r: SEPTEMBER[0] <= r.day <= SEPTEMBER[1])
    first, second, third = sorted(contracts, key=lambda c: -contracts[c])[:3]
    (reply,) = ask(generated, "qual contrato teve mais horas em setembro")
    assert f"1. {first}: {hours(contracts[first])}" in reply
    assert f"Em seguida:\n- {second}: {hours(contracts[second])}\n- {third}: {hours(contracts[third])}" in reply


def test_the_whole_contract_after_its_client_part_keeps_the_period(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    client = sorted({r.client for r in rows if r.supplier == "8447"})[0]
    _, reply = ask(generated, f"e o {client} em outubro?", "me da o 8447 inteiro")
    assert hours(total(rows, of_contract(OCTOBER, "8447"))) in reply and "01/10/2026 a 31/10/2026" in reply


# -- batches GT and GU -----------------------------------------------------------------------------------------


def test_everyone_after_a_contracts_week_against_the_last(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    this_week = (date(2026, 11, 23), TODAY)
    _, reply = ask(generated, "essa semana ta melhor ou pior q a passada no 8446?", "e no geral, todo mundo")
    assert hours(total(rows, lambda r: this_week[0] <= r.day <= this_week[1])) in reply and "Mesmos dias" in reply


def test_back_to_the_team_keeps_the_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    people = by(rows, lambda r: r.name, of_contract(NOVEMBER))
    top = sorted(people, key=lambda n: -people[n])[:5]
    gestor = Scope("gestor", contracts=("8446",))
    *_, reply = ask_as(
        generated,
        gestor,
        f"qnts horas a {plain(name)} fez no mes",
        "e comparado com o esperado?",
        "volta pro time: top 5 q mais apontaram",
    )
    assert all(f"{n}: {hours(people[n])}" in reply.text for n in top)


def test_these_three_months_are_the_data(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    worked = {r.day for r in rows if r.name == name and r.day in HOLIDAYS}
    _, reply = ask_as(
        generated,
        colaborador(rows, name),
        "qual dia eu mais trabalhei em novembro",
        "nesses 3 meses eu trabalhei em algum feriado?",
    )
    assert f"{len(worked)} dia" in reply.text and "28/08/2026 a 25/11/2026" in reply.text


# -- batches GV and GW (the last pair: scored first, then these two fixed) -----------------------------------


def test_the_days_i_forgot_to_record_after_my_balance(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    worked = {r.day for r in rows if r.name == name}
    missed = [d for d in NOVEMBER_WORKING_DAYS if d not in worked]
    _, reply = ask_as(
        generated, colaborador(rows, name), "to devendo hora esse mes??", "quais dias eu esqueci de lancar entao"
    )
    assert f"em {len(missed)} dia" in reply.text and "esperadas" not in reply.text


def test_hours_alone_with_nothing_before_are_asked_back(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    asked, answered = ask(generated, "preciso das horas", f"do {plain(name)} em setembro")
    assert asked.startswith("Não sei de quem nem de quando") and not FIGURE.search(asked)
    assert hours(total(rows, of(name, SEPTEMBER))) in answered
