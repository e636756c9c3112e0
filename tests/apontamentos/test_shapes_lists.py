"""Shapes the blind batches GX to HM showed (lists and tables and what people ask of them next, long
conversations, managers checking their team): each test a phrasing people typed that the engine answered with a
figure for another question, or did not read.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from apontamentos.dataset import Dataset
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import FIGURE, OCTOBER, TODAY, WEEKDAYS, ask, by, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_gestor import ask as ask_as
from .test_shapes_closing import resource_of
from .test_shapes_conversations import FIRST_HALF_OF_OCTOBER, NOVEMBER_WORKING_DAYS, bugs, colaborador, person_of
from .test_shapes_periods_lists import LAST_WEEK, NOVEMBER, SEPTEMBER, THIS_WEEK, of_contract
from .test_shapes_recent import activity_of
from .test_shapes_returning import of

LAST_ROW = "Não sei a que pergunta isso se refere"


def people_of(rows: list[Span], span: tuple[date, date], contract: str = "8446") -> list[tuple[str, float]]:
    """Each person's net hours in `contract` over `span`, most first."""
    people = by(rows, lambda r: r.name, of_contract(span, contract))
    return sorted(people.items(), key=lambda p: (-p[1], p[0]))


def latest_entries(rows: list[Span]) -> dict[str, Span]:
    """Each person's last entry, whose role ("pelo cargo mais recente") the answers count people by."""
    return {r.name: r for r in sorted(rows, key=lambda r: r.start)}


def busiest_day(rows: list[Span], name: str, span: tuple[date, date] | None = None) -> tuple[date, float]:
    """The day `name` recorded most net hours (within `span`), and those hours."""
    days = by(rows, lambda r: r.day, lambda r: r.name == name and (span is None or span[0] <= r.day <= span[1]))
    day = max(days, key=lambda d: days[d])
    return day, days[day]


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


# -- a row, a part or the total of what was just shown ------------------------------------------------------------


def test_a_weekday_after_the_weekdays_is_every_one_of_them(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    fridays = total(rows, lambda r: of_contract(SEPTEMBER)(r) and r.day.weekday() == 4)
    _, reply = ask(
        generated, "em q dia da semana o pessoal do 8446 mais apontou em setembro", "e sexta-feira especificamente?"
    )
    assert hours(fridays) in reply and "01/09/2026 a 30/09/2026" in reply


def test_the_peak_day_of_the_days_shown(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, of_contract(LAST_WEEK))
    peak = max(days, key=lambda d: days[d])
    _, reply = ask(generated, "horas por dia do 8446 na semana passada", "qual dia foi o pico?")
    assert f"{peak:%d/%m/%Y}" in reply and hours(days[peak]) in reply
    assert f"{LAST_WEEK[0]:%d/%m/%Y} a {LAST_WEEK[1]:%d/%m/%Y}" in reply


def test_a_fortnight_with_its_days_in_brackets(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "total de horas do 8446 na primeira quinzena de outubro (1 a 15)")
    assert hours(total(rows, of_contract(FIRST_HALF_OF_OCTOBER))) in reply


def test_how_many_recorded_on_a_day_of_the_list(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    day = LAST_WEEK[0] + timedelta(days=3)
    people = {r.name for r in rows if r.supplier == "8446" and r.day == day}
    _, reply = ask(
        generated, "horas por dia do 8446 semana passada", f"no dia {day.day} teve alguem apontando? quantos"
    )
    assert f"{len(people)} recursos" in reply


def test_entries_in_all_after_who_recorded_there(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    entries = sum(r.supplier == "8446" and r.day == TODAY for r in rows)
    _, reply = ask(generated, "quem apontou no 8446 hoje?", "quantos apontamentos no total hj")
    assert f"{entries} apontamentos" in reply and "8446" in reply


def test_gross_hours_of_an_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "quanto de correcao de bugs o 8446 teve em outubro?", "e em horas brutas?")
    assert f"{hours(total(rows, lambda r: bugs(r) and of_contract(OCTOBER)(r), 'gross'))} brutas" in reply


def test_who_recorded_most_after_an_activitys_share_is_everyone(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, OCTOBER)
    *_, reply = ask(
        generated, "do total de horas do 8446 em outubro qnt % foi correcao de bugs", "e quem mais apontou la nesse mes"
    )
    assert f"{people[0][0]}: {hours(people[0][1])}" in reply


def test_an_announced_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people: dict[str, set[str]] = {}
    for r in rows:
        if NOVEMBER[0] <= r.day <= NOVEMBER[1]:
            people.setdefault(r.supplier, set()).add(r.name)
    top = max(people, key=lambda c: (len(people[c]), c))
    (reply,) = ask(generated, "pergunta geral: qual contrato teve mais gente apontando em novembro?")
    assert f"{top}: {len(people[top])}" in reply


# -- batches HB and HC ------------------------------------------------------------------------------------------


def test_a_little_table_month_by_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    october = total(rows, of_contract(OCTOBER))
    (reply,) = ask(generated, "me monta uma tabelinha com as horas do 8446 mes a mes")
    assert f"outubro/2026: {hours(october)}" in reply


def test_week_by_week_over_two_months_is_one_table(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    both = (OCTOBER[0], NOVEMBER[1])
    (reply,) = ask(generated, "horas do 8446 semana a semana em outubro e novembro")
    assert f"total {hours(total(rows, of_contract(both)))}" in reply and "semana de 26/10/2026" in reply


def test_contracts_ordered_by_people_after_by_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people: dict[str, set[str]] = {}
    for r in rows:
        if OCTOBER[0] <= r.day <= OCTOBER[1]:
            people.setdefault(r.supplier, set()).add(r.name)
    top = max(people, key=lambda c: (len(people[c]), c))
    _, reply = ask(generated, "ranking de contratos por hora em outubro", "agora ordena por qtd de gente")
    assert reply.startswith("Pessoas com apontamento por contrato") and f"{top}: {len(people[top])}" in reply


def test_a_remark_about_oneself_before_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446",))
    this_week = (date(2026, 11, 23), TODAY)
    _, reply = ask_as(
        generated, gestor, "quantas horas eu apontei essa semana", "ah sim, eu n aponto. e o 8446 essa semana por dia?"
    )
    assert f"total {hours(total(rows, of_contract(this_week)))}" in reply.text


def test_entries_then_the_average_per_entry_of_the_same_person(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    spans = [r for r in rows if r.name == name and SEPTEMBER[0] <= r.day <= SEPTEMBER[1] and r.gross is not None]
    *_, entries, average = ask(generated, f"{plain(name)} fez qnt em setembro", "em entradas?", "media por lancamento")
    assert f"{sum(r.name == name and SEPTEMBER[0] <= r.day <= SEPTEMBER[1] for r in rows)} apontamentos" in entries
    assert hours(sum(r.gross or 0 for r in spans) / len(spans)) in average and name in average


def test_an_odd_long_entry_is_an_outlier(generated: Dataset) -> None:
    (reply,) = ask(generated, "tem lancamento muito comprido esquisito no 8446?")
    assert "muito longo" in reply and "requisitos" not in reply


def test_many_thanks(generated: Dataset) -> None:
    (reply,) = ask(generated, "mt obrigada!!")
    assert reply.startswith("Por nada")


def test_each_of_my_contracts(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446", "8447"))
    (reply,) = ask_as(generated, gestor, "quanto cada um dos meus dois contratos fez em outubro")
    for contract in ("8446", "8447"):
        assert f"{contract}: {hours(total(rows, of_contract(OCTOBER, contract)))}" in reply.text


def test_the_guys_of_a_contract_and_who_is_on_top(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, OCTOBER)
    count, top = ask(generated, "quantos caras do 8446 apontaram em outubro", "quem ta no topo la")
    assert f"{len(people)} recursos" in count and f"{people[0][0]}: {hours(people[0][1])}" in top


# -- batches HD and HE ------------------------------------------------------------------------------------------


def two_of_a_first_name(rows: list[Span]) -> tuple[str, str, str]:  # noqa: F811
    """A first name two people share who each record on one contract only, different ones: (first, name, contract)
    of the first of them."""
    contracts: dict[str, set[str]] = {}
    for r in rows:
        contracts.setdefault(r.name, set()).add(r.supplier)
    alone = {n: next(iter(c)) for n, c in contracts.items() if len(c) == 1 and "Dias" not in n.split()}
    by_first: dict[str, list[str]] = {}
    for name in sorted(alone):
        by_first.setdefault(name.split()[0], []).append(name)
    first, names = next((f, ns) for f, ns in sorted(by_first.items()) if len(ns) >= 2)
    return plain(first), names[0], alone[names[0]]


def test_which_one_by_contract_after_which_one_was_asked(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first, name, contract = two_of_a_first_name(rows)
    asked, answered = ask(generated, f"quanto o {first} fez em outubro", f"o do {contract}")
    assert "Qual delas?" in asked and hours(total(rows, of(name, OCTOBER))) in answered and name in answered


def test_which_one_by_surname_then_a_follow_up(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first, name, _ = two_of_a_first_name(rows)
    surnames = plain(" ".join(name.split()[1:]))
    *_, named, then = ask(generated, f"quanto o {first} fez em outubro", f"o {surnames}", "e em setembro?")
    assert hours(total(rows, of(name, OCTOBER))) in named and hours(total(rows, of(name, SEPTEMBER))) in then


def test_a_hesitation_before_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "hm ok. e o time todo do 8446 mes passado")
    assert hours(total(rows, of_contract(OCTOBER))) in reply


def test_gross_hours_of_the_same_breakdown(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    weekdays: dict[int, float] = {}
    for r in rows:
        if r.name == name:
            weekdays[r.day.weekday()] = weekdays.get(r.day.weekday(), 0) + (r.net or 0)
    top = max(weekdays, key=lambda d: weekdays[d])
    gross = total(rows, lambda r: r.name == name and r.day.weekday() == top, "gross")
    _, reply = ask(generated, f"a {plain(name)} aponta mais em qual dia da semana?", "e em horas brutas?")
    assert reply.startswith("Horas brutas por dia da semana") and hours(gross) in reply


def test_a_ranking_in_gross_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people: dict[str, float] = {}
    for r in rows:
        if of_contract(OCTOBER)(r):
            people[r.name] = people.get(r.name, 0) + (r.gross or 0)
    first = max(people, key=lambda n: (people[n], n))
    _, reply = ask(generated, "ranking do 8446 em outubro", "e em horas brutas?")
    assert "Ranking de horas brutas" in reply and f"1. {first}: {hours(people[first])}" in reply


def test_her_grand_total_after_one_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    *_, reply = ask(
        generated, f"horas da {plain(name)} mes a mes", "so outubro", "e o total geral dela, todos os meses somados?"
    )
    assert hours(total(rows, lambda r: r.name == name)) in reply and name in reply


def test_weeks_of_two_people_are_not_summed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    one, other = (p for p, _ in people_of(rows, OCTOBER)[:2])
    _, reply = ask(generated, f"compara as horas da {plain(one)} e do {plain(other)} em outubro", "e por semana?")
    assert "Não consigo dividir por semana e por pessoa" in reply and not FIGURE.search(reply)


# -- batches HF and HG ------------------------------------------------------------------------------------------


def test_two_months_one_beside_the_other(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    (reply,) = ask(generated, f"me da as horas da {plain(name)} em setembro e outubro, um do lado do outro")
    assert "lado a lado" in reply
    assert hours(total(rows, of(name, SEPTEMBER))) in reply and hours(total(rows, of(name, OCTOBER))) in reply


def test_the_three_biggest_activities_of_the_breakdown(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, activity_of, of_contract(OCTOBER))
    ranked = sorted(activities, key=lambda a: -activities[a])
    _, reply = ask(generated, "horas por atividade do 8446 em outubro", "so as 3 maiores")
    assert all(hours(activities[a]) in reply for a in ranked[:3]) and hours(activities[ranked[3]]) not in reply


def test_someone_outside_the_ranking_there(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    outside = sorted({r.name for r in rows if r.supplier != "8446"} - {r.name for r in rows if r.supplier == "8446"})[0]
    _, reply = ask(generated, "top 3 do 8446 em outubro", f"e o {plain(outside)} quanto fez la")
    assert "no contrato 8446" in reply and "0,0 h" in reply


def test_what_else_the_bot_does(generated: Dataset) -> None:
    (reply,) = ask(generated, "o q mais vc consegue fazer?")
    assert reply.startswith("Posso responder") and not FIGURE.search(reply)


# -- batches HH and HI (the last pair: scored first, then fixed) -------------------------------------------------


def test_hours_summed_after_people_per_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(
        generated, "quais contratos tem mais gente apontando em outubro", "e somando tudo, qts horas foram no mes todo"
    )
    assert hours(total(rows, lambda r: OCTOBER[0] <= r.day <= OCTOBER[1])) in reply


def test_a_table_of_hours_by_week_then_filtered_and_summed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, filtered, summed = ask(
        generated, "tabela de horas por semana do 8446 em outubro", "filtra so correcao de bugs", "total disso"
    )
    bugs_october = total(rows, lambda r: bugs(r) and of_contract(OCTOBER)(r))
    assert f"total {hours(bugs_october)}" in filtered and hours(bugs_october) in summed


def test_working_days_of_the_month_until_today(generated: Dataset) -> None:
    _, reply = ask(generated, "quem do 8446 ficou devendo dia util em novembro?", "qnts dias uteis teve o mes ate hj")
    assert f"{len(NOVEMBER_WORKING_DAYS)} dias úteis" in reply and "28/08/2026" not in reply


def test_the_contract_meant_after_one_not_found(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, of_contract(LAST_WEEK))
    _, reply = ask(generated, "horas por dia do contrato 9999 semana passada", "foi mal, é o 8446")
    assert all(hours(h) in reply for h in days.values()) and reply.startswith("Horas líquidas por dia do contrato 8446")


def test_the_whole_team_after_my_activities_is_the_contracts(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    activities = by(rows, activity_of, of_contract(NOVEMBER))
    top = max(activities, key=lambda a: activities[a])
    _, reply = ask(generated, f"ranking das atividades da {plain(name)} em novembro", "e da equipe toda do 8446?")
    assert hours(activities[top]) in reply and "De quem?" not in reply
    (_, refused) = ask_as(
        generated, colaborador(rows, name), "ranking das minhas atividades em novembro", "e da equipe toda do 8446?"
    )
    assert not FIGURE.search(refused.text)


# -- batches HJ to HM (four at once: scored first, then fixed) ---------------------------------------------------


def test_saturday_and_sunday_after_the_weekdays(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weekend = {(r.name, r.day) for r in rows if of_contract(OCTOBER)(r) and r.day.weekday() >= 5}
    monday_tuesday = total(rows, lambda r: of_contract(OCTOBER)(r) and r.day.weekday() < 2)
    _, who, summed = ask(
        generated,
        "horas por dia da semana do 8446 em outubro",
        "sabado e domingo teve alguem?",
        "e segunda e terca juntas?",
    )
    assert f"{len(weekend)} dia" in who and "fim de semana" in who  # not the Saturdays' hours alone
    assert hours(monday_tuesday) in summed and "segunda-feira:" not in summed


def test_the_grand_total_in_net_hours_then_broken_down(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    activities = by(rows, activity_of, lambda r: r.name == name)
    *_, grand, broken = ask(
        generated,
        f"horas por mes da {plain(name)}",
        "e em brutas?",
        "e o total geral liquido",
        "divide isso por atividade",
    )
    assert hours(total(rows, lambda r: r.name == name)) in grand and "líquidas" in grand and name in grand
    assert name in broken and all(hours(h) in broken for h in sorted(activities.values())[-3:])


def test_everything_broken_down_after_a_share(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    activities = by(rows, activity_of, of(name, OCTOBER))
    _, reply = ask(
        generated, f"qnto % do tempo da {plain(name)} em outubro foi correcao de bugs", "quebra td por atividade"
    )
    assert name in reply and all(hours(h) in reply for h in activities.values())


def test_the_day_she_worked_most_after_her_best_weekday(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    best, most = busiest_day(rows, name)
    _, reply = ask(generated, f"em qual dia da semana a {plain(name)} rende mais", "e o dia q ela mais trabalhou")
    assert f"{best:%d/%m/%Y}" in reply and hours(most) in reply


def test_any_of_those_entries_left_open_is_in_their_period(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    open_ones = [r for r in rows if of(name, OCTOBER)(r) and r.end is None]
    _, reply = ask(
        generated, f"qnts apontamentos a {plain(name)} fez em outubro", "algum deles ficou sem hora de saida?"
    )
    assert "01/10/2026 a 31/10/2026" in reply and f"{len(open_ones)} apontamento" in reply


def test_a_table_asked_for_with_its_article_then_one_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    days = by(rows, lambda r: r.day, lambda r: of(name, NOVEMBER)(r) and bugs(r))
    table, only = ask(
        generated,
        f"me passa a tabela de horas da {plain(name)} por dia em novembro",
        "entao so os dias com correcao de bugs",
    )
    assert name in table and "Tabela" not in table
    assert all(f"{d:%d/%m/%Y} ({WEEKDAYS[d.weekday()]}): {hours(h)}" in only for d, h in days.items())


def test_why_i_ask_is_not_whose_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    net, gross = (total(rows, of_contract(OCTOBER), basis) for basis in ("net", "gross"))
    first, second = ask(
        generated, "quantas horas o 8446 fez em outubro q eu calculo aqui", "brutas", user="Fulana Inventada"
    )
    assert hours(net) in first and hours(gross) in second and "31/10/2026" in second


def test_my_hours_after_my_pending_entries_are_all_of_them(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    months = by(rows, lambda r: r.day.month, lambda r: r.name == name)
    _, reply = ask_as(generated, colaborador(rows, name), "tenho apontamento sem validar?", "e minhas horas por mes")
    assert "não validados" not in reply.text and all(hours(h) in reply.text for h in months.values())


def test_what_time_she_has_been_clocking_in(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    starts = [r.start for r in rows if of(name, THIS_WEEK)(r)]
    (reply,) = ask(generated, f"que horas a {plain(name)} tem batido entrada essa semana")
    assert all(f"{s:%H:%M}–" in reply for s in starts)


# -- batches HN to HQ (four at once, scored on the fixes of HJ to HM, then fixed) ---------------------------------


def test_the_first_five_contracts_then_since_last_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = by(rows, lambda r: r.supplier, lambda r: SEPTEMBER[0] <= r.day <= SEPTEMBER[1])
    first = sorted(contracts, key=lambda c: -contracts[c])[:5]
    _, five = ask(generated, "ranking dos contratos por hora em setembro", "mostra os 5 primeiros so")
    assert all(f"{c}: {hours(contracts[c])}" in five for c in first) and "por pessoa" not in five
    (weeks,) = ask(generated, "horas do 8446 por semana desde o mes passado")
    assert f"01/10/2026 a {TODAY:%d/%m/%Y}" in weeks


def test_a_month_left_out_then_one_person_month_by_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    months = by(rows, lambda r: r.day.month, lambda r: r.name == name and r.day >= SEPTEMBER[0])
    *_, theirs = ask(
        generated,
        "horas por mes do contrato 8446",
        "tira agosto, de setembro pra ca",
        "quanto isso da em media por pessoa?",
        f"e da {plain(name)} mes a mes, mesmo periodo",
    )
    assert theirs.startswith("Horas líquidas por mês") and all(hours(h) in theirs for h in months.values())
    assert "agosto" not in theirs


def test_the_top_two_activities_by_entries_then_one_of_them(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    entries: dict[str, int] = {}
    for r in rows:
        if of(name, SEPTEMBER)(r):
            entries[activity_of(r)] = entries.get(activity_of(r), 0) + 1
    top = sorted(entries.values(), reverse=True)[:2]
    _, two, testing = ask(
        generated,
        f"em q atividades a {plain(name)} gastou tempo em setembro?",
        "top 2 por qtd de lancamento",
        "e correcao de bugs deu qts horas",
    )
    assert all(f"{n} apontamento" in two for n in top)
    assert hours(total(rows, lambda r: of(name, SEPTEMBER)(r) and bugs(r))) in testing and name in testing


def test_a_forecast_said_with_vamos_is_declined(generated: Dataset) -> None:
    _, reply = ask(
        generated, "horas do 8446 por semana em novembro", "e qnts horas vcs acham q vamos fechar em dezembro?"
    )
    assert "prever" in reply and not FIGURE.search(reply)


def test_the_top_ten_only_on_weekends(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, lambda r: NOVEMBER[0] <= r.day <= NOVEMBER[1] and r.day.weekday() >= 5)
    first = max(people, key=lambda n: (people[n], n))
    _, reply = ask(generated, "top 10 geral de horas em novembro", "e so nos fins de semana")
    assert f"{first}: {hours(people[first])}" in reply and "fins de semana" in reply


def test_one_out_of_the_ordinary_among_those_entries(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    _, reply = ask(
        generated, f"tempo medio de cada apontamento da {plain(name)} em outubro", "tem algum muito fora da curva?"
    )
    assert "01/10/2026 a 31/10/2026" in reply


def test_people_above_a_bound_after_a_contracts_days(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: (r.name, r.day), of_contract(OCTOBER))
    above = {name for (name, _), h in days.items() if h > 10}
    contract_days = by(rows, lambda r: r.day, of_contract(OCTOBER))
    _, people, listed = ask(
        generated,
        "horas por dia do contrato 8446 em outubro",
        "e quantas pessoas passaram de 10h em algum dia",
        "lista esses dias com as horas",
    )
    assert f"{len(above)} recurso" in people
    assert all(hours(h) in listed for h in contract_days.values() if h > 10)


def test_my_average_over_both_months_is_every_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    both = (SEPTEMBER[0], OCTOBER[1])
    days = by(rows, lambda r: r.day, of(name, both))
    _, reply = ask_as(
        generated,
        colaborador(rows, name),
        "quanto eu fiz de correcao de bugs em setembro e outubro junto",
        "qual minha media de horas por dia nesses 2 meses",
    )
    assert hours(sum(days.values()) / len(days)) in reply.text and "correção" not in reply.text


def test_mondays_and_tuesdays_after_the_fridays(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    monday_tuesday = total(rows, lambda r: of_contract(OCTOBER)(r) and r.day.weekday() < 2)
    _, reply = ask(generated, "quanto o 8446 fez so nas sextas de outubro", "e segundas e tercas")
    assert hours(monday_tuesday) in reply


def test_what_each_activity_represents_in_a_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, activity_of, of_contract(SEPTEMBER))
    whole = sum(activities.values())
    top = max(activities, key=lambda a: activities[a])
    _, reply = ask(generated, "quem apontou no 8446 em setembro", "quanto cada atividade representa nele")
    assert f"{hours(activities[top])} ({100 * activities[top] / whole:.1f}%)".replace(".", ",", 1) in reply


def test_either_week_then_compared_by_the_same_measure(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    one, other = (p for p, _ in people_of(rows, OCTOBER)[:2])
    span = (LAST_WEEK[0], TODAY)
    either, _, compared, summed = ask(
        generated,
        f"a {plain(one)} passou de 9h em algum dia essa semana ou na passada?",
        "e a media por dia dela",
        f"compara com a {plain(other)}",
        "soma as horas das duas nesse periodo",
    )
    assert f"{LAST_WEEK[0]:%d/%m/%Y} a {TODAY:%d/%m/%Y}" in either
    for name in (one, other):
        days = by(rows, lambda r: r.day, of(name, span))  # noqa: B023
        assert hours(sum(days.values()) / len(days)) in compared
    assert hours(total(rows, lambda r: r.name in (one, other) and span[0] <= r.day <= span[1])) in summed


def test_what_a_contracts_people_spent_most_on(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, activity_of, of_contract(NOVEMBER))
    (reply,) = ask(generated, "no que o pessoal do 8446 mais gastou hora esse mes?")
    assert hours(max(activities.values())) in reply


def test_how_many_times_a_contract_worked_on_weekends(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    since = (OCTOBER[0], TODAY)
    weekend = {(r.name, r.day) for r in rows if of_contract(since)(r) and r.day.weekday() >= 5}
    (reply,) = ask(generated, "qnts vezes o pessoal do 8446 trabalhou no fds desde 01/10")
    assert f"{len(weekend)} dia" in reply and "de trabalho em fim de semana" in reply


# -- batches HR to HU (four at once, scored on the fixes of HN to HQ, then fixed) ---------------------------------


def test_who_logged_most_of_an_activity_after_activities_counted(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    since = (date(2026, 11, 12), TODAY)
    people = by(rows, lambda r: r.name, lambda r: of_contract(since)(r) and bugs(r))
    first = max(people, key=lambda n: (people[n], n))
    _, reply = ask(
        generated,
        "quais as 5 atividades mais lancadas no 8446 em qtd de apontamento, desde 12/11",
        "e quem mais apontou correcao de bugs la nesse periodo",
    )
    assert f"{first}: {hours(people[first])}" in reply


@pytest.mark.parametrize(
    ("days_asked", "busiest_asked"),
    [
        ("me mostra a tabela do meu dia a dia de outubro", "qual foi meu dia mais puxado"),  # HS
        ("qnts dias eu trabalhei em outubro", "e o dia q eu mais trabalhei no mes passado?"),  # ID
    ],
)
def test_my_busiest_day_after_my_days(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    days_asked: str,
    busiest_asked: str,
) -> None:
    name = person_of(rows)
    busiest, most = busiest_day(rows, name, OCTOBER)
    days, top = ask_as(generated, colaborador(rows, name), days_asked, busiest_asked)
    assert "Não entendi" not in days.text
    assert f"{busiest:%d/%m/%Y}" in top.text and hours(most) in top.text


def test_the_whole_name_after_which_one_keeps_the_daily_list(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    sharing: dict[str, set[str]] = {}
    for r in rows:
        sharing.setdefault(r.name.split()[0], set()).add(r.name)
    # a whole name of four words (the reply "o Hugo Nunes Teixeira Martins"), its first name shared
    name = min(n for ns in sharing.values() if len(ns) > 1 for n in ns if len(n.split()) == 4 and "Dias" not in n)
    starts: dict[date, datetime] = {}
    for r in rows:
        if r.name == name and THIS_WEEK[0] <= r.day <= THIS_WEEK[1]:
            starts[r.day] = min(starts.get(r.day, r.start), r.start)  # each day from its first clock-in
    which, reply = ask(generated, f"lista diaria do {plain(name.split()[0])} essa semana", f"o {name}")
    assert "Qual delas?" in which
    assert starts and all(f"{s:%H:%M}–" in reply for s in starts.values())


def test_the_other_one_of_a_name_is_never_the_same_one(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    by_first: dict[str, set[str]] = {}
    for r in rows:
        by_first.setdefault(r.name.split()[0], set()).add(r.name)
    first, names = next((f, sorted(ns)) for f, ns in sorted(by_first.items()) if len(ns) >= 3)
    _, reply = ask(
        generated,
        f"quanto {'a' if first.endswith('a') else 'o'} {plain(names[0])} fez em outubro",
        f"e o outro {plain(first)}?",
    )
    assert "Qual delas?" in reply and names[0] not in reply and all(n in reply for n in names[1:4])


def test_every_day_of_the_month_after_its_top_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, of_contract(OCTOBER))
    _, reply = ask(generated, "qual foi o dia com mais horas no 8446 em outubro", "e mostra todos os dias do mes")
    assert all(hours(h) in reply for h in days.values()) and "contrato 8446" in reply


def test_the_contract_meant_keeps_the_grouping_asked(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weeks = by(rows, lambda r: r.day - timedelta(days=r.day.weekday()), of_contract(NOVEMBER))
    _, meant, november = ask(generated, "horas por semana do contrato 9123", "foi mal, é o 8446", "so novembro")
    assert meant.startswith("Horas líquidas por semana do contrato 8446")
    assert all(hours(h) in november for h in weeks.values())


# -- batches HV to HY (four at once, scored on the fixes of HR to HU, then fixed) ---------------------------------


def test_two_of_her_months_side_by_side(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    _, side = ask(generated, f"horas por mes da {plain(name)}", "so setembro e outubro lado a lado")
    assert name in side and all(hours(total(rows, of(name, m))) in side for m in (SEPTEMBER, OCTOBER))


def test_the_time_of_an_activitys_entries_counted_then_how_many(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    yesterday = TODAY - timedelta(days=1)
    _, _, summed = ask(
        generated, "quem apontou correcao de bugs ontem no 8446", "qnts apontamentos", "e qnto tempo somado"
    )
    assert hours(total(rows, lambda r: bugs(r) and of_contract((yesterday, yesterday))(r))) in summed
    span = (date(2026, 11, 9), date(2026, 11, 13))
    entries = [r for r in rows if bugs(r) and span[0] <= r.day <= span[1]]
    _, counted = ask(generated, "quem fez correcao de bugs entre 9 e 13/11", "qnts apontamentos disso")
    assert f"{len(entries)} apontamentos" in counted and "por pessoa" not in counted


def test_the_top_five_contracts_over_all_the_data(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = by(rows, lambda r: r.supplier, lambda r: True)
    first = sorted(contracts, key=lambda c: -contracts[c])[:5]
    _, reply = ask(generated, "qual contrato apontou mais semana passada", "top 5 considerando tudo")
    assert all(f"{c}: {hours(contracts[c])}" in reply for c in first)


def test_the_first_one_after_the_bottom_is_the_top_one(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = dict(people_of(rows, OCTOBER))
    first = max(people, key=lambda n: (people[n], n))
    _, reply = ask(generated, "quem ficou com menos horas no 8446 em outubro", "e quem fez mais? so o primeiro")
    assert f"{first}: {hours(people[first])}" in reply


def test_less_in_one_month_than_in_another_is_both(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    (reply,) = ask(generated, f"a {plain(name)} fez menos hora em novembro do q em outubro?")
    assert all(hours(total(rows, of(name, m))) in reply for m in (OCTOBER, NOVEMBER))


def test_the_whole_contract_after_a_client_part_keeps_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    client = sorted({r.client for r in rows if r.supplier == "8446"})[0]
    weekend = {(r.name, r.day) for r in rows if of_contract(OCTOBER)(r) and r.day.weekday() >= 5}
    _, reply = ask(generated, f"alguem do {client} trabalhou sabado ou domingo em outubro?", "e no 8446 inteiro")
    assert f"{len(weekend)} dia" in reply and "fim de semana do contrato 8446" in reply


def test_holidays_in_the_talk_and_of_all_the_data(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    _, holiday = ask(
        generated,
        f"horas por dia da {plain(name)} na primeira quinzena de setembro",
        "ela trabalhou no feriado do dia 7?",
    )
    assert "07/09/2026" in holiday
    *_, considered = ask(
        generated, "alguem do 8446 trabalhou em feriado?", "e fim de semana", "quais feriados vc ta considerando ai"
    )
    assert "07/09/2026" in considered and "12/10/2026" in considered


def test_a_long_entry_with_its_likely_cause_beside_it(generated: Dataset) -> None:
    (reply,) = ask(generated, "tem algum apontamento absurdamente longo, tipo esqueceram de fechar, no 8446 esse mes?")
    assert "fora do padrão" in reply and "sem saída" not in reply


def test_deploy_em_prod_is_production(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    deploys = total(rows, lambda r: of_contract(OCTOBER)(r) and activity_of(r) == "deploy em producao")
    (reply,) = ask(generated, "qnts horas o 8446 fez de deploy em prod em outubro")
    assert hours(deploys) in reply and "Não entendi" not in reply


# -- batches HZ to IC (four at once, scored on the fixes of HV to HY, then fixed) ---------------------------------


def test_working_days_until_today_in_a_talk_about_this_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    _, reply = ask_as(generated, colaborador(rows, name), "to devendo hora esse mes?", "qnts dias uteis teve ate hj")
    assert f"{len(NOVEMBER_WORKING_DAYS)} dias úteis" in reply.text and "28/08/2026" not in reply.text


def test_the_grand_total_after_contracts_by_people_is_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(
        generated,
        "ranking dos contratos por hora em outubro",
        "e qual contrato teve mais gente apontando?",
        "e o total geral de outubro?",
    )
    assert hours(total(rows, lambda r: OCTOBER[0] <= r.day <= OCTOBER[1])) in reply


def test_switch_to_months_then_only_the_first(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    months = by(rows, lambda r: r.day.month, lambda r: r.supplier == "8446")
    _, switched = ask(
        generated, "horas por semana do contrato 8446 em setembro", "troca pra mes, desde o inicio dos dados"
    )
    assert switched.startswith("Horas líquidas por mês") and all(hours(h) in switched for h in months.values())
    people = dict(people_of(rows, OCTOBER))
    first = max(people, key=lambda n: (people[n], n))
    _, only = ask(generated, "quem mais apontou no 8446 em outubro?", "so o primeiro")
    assert f"{first}: {hours(people[first])}" in only


def test_without_recording_said_as_sem_lancar(generated: Dataset) -> None:
    (reply,) = ask(generated, "qnts pessoas ficaram algum dia util sem lançar em setembro no 8446")
    assert "ficaram sem apontar" in reply


def test_open_entries_among_those_counted_then_the_whole_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    _, _, reply = ask_as(
        generated,
        colaborador(rows, name),
        "minhas horas em outubro",
        "quantos apontamentos foram",
        "tem algum sem hora de saida?",
    )
    assert "01/10/2026 a 31/10/2026" in reply.text
    _, whole = ask(generated, f"a {plain(name)} apontou quanto no 8446 em setembro", "e o contrato todo no mesmo mes")
    assert hours(total(rows, of_contract(SEPTEMBER))) in whole


def test_the_holiday_after_the_weekends(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    worked = {(r.name, r.day) for r in rows if r.day == date(2026, 11, 20)}
    _, reply = ask(generated, "alguem trabalhou fim de semana em outubro?", "e no feriado da consciencia negra")
    assert "feriado" in reply and f"{len(worked)} dia" in reply and "20/11/2026" in reply


# -- batches ID to IG (the last four: scored on the final engine; these few fixed after) --------------------------


def test_the_contracts_entries_after_its_bottom_two(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    entries = [r for r in rows if of_contract(FIRST_HALF_OF_OCTOBER)(r)]
    *_, reply = ask(
        generated,
        "top 5 do 8446 na primeira quinzena de outubro (1 a 15)",
        "agora os 2 q menos apontaram",
        "qnts apontamentos o contrato teve nessa quinzena",
    )
    assert f"{len(entries)} apontamentos" in reply and "por pessoa" not in reply


def test_the_list_again_without_the_figure_refused(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, NOVEMBER)
    _, reply = ask(
        generated,
        "me passa a tabela de horas por pessoa do 8446 com o valor em R$ de cada um pra eu faturar",
        f"sem valor entao, so horas por pessoa em novembro, todos os {len(people)}",
    )
    assert all(f"{name}: {hours(h)}" in reply for name, h in people)


def test_the_bottom_three_after_who_is_on_top(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, OCTOBER)
    *_, reply = ask(generated, "horas por semana do 8446 em outubro", "quem ta no topo?", "e os 3 ultimos?")
    assert all(f"{name}: {hours(h)}" in reply for name, h in people[-3:]) and people[0][0] not in reply


def test_a_table_month_by_month_or_daily(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    months = by(rows, lambda r: r.day.month, lambda r: r.supplier == "8446")
    (monthly,) = ask(generated, "tabela mes a mes do 8446 pfv")
    assert monthly.startswith("Horas líquidas por mês") and all(hours(h) in monthly for h in months.values())
    name = person_of(rows)
    (daily,) = ask(generated, f"me passa a tabela diaria da {plain(name)} em novembro")
    assert name in daily and hours(total(rows, of(name, NOVEMBER))) in daily and "tabela" not in daily


# -- batches IL to IO (a new session's four, from a rewritten brief) --------------------------------------------


def test_the_whole_contract_from_a_gestor_of_one_part_is_refused_and_the_part_offered(
    generated: Dataset, rows: list[Span]
) -> None:  # noqa: F811
    client = sorted({r.client for r in rows if r.supplier == "8447"})[0]
    gestor = Scope("gestor", contracts=(client,))
    _, refused = ask_as(generated, gestor, "horas do meu contrato em novembro", "e o contrato 8447 inteiro, qnto deu?")
    assert refused.text.startswith("Não posso mostrar o contrato 8447 inteiro")
    assert f"você só pode consultar a parte {client} dele" in refused.text
    assert not FIGURE.search(refused.text) and refused.suggestions
    *_, offered = ask_as(
        generated, gestor, "horas do meu contrato em novembro", "e o 8447 inteiro?", refused.suggestions[0]
    )
    part = total(rows, lambda r: r.client == client and NOVEMBER[0] <= r.day <= NOVEMBER[1])
    assert hours(part) in offered.text and hours(total(rows, of_contract(NOVEMBER, "8447"))) not in offered.text


@pytest.mark.parametrize(
    "question",
    [
        "e previsao pra dezembro?",
        "e a previsão dele pra dezembro?",
        "e qnt vai ficar o banco de horas dela em dezembro?",
    ],
)
def test_a_forecast_named_without_hours_is_refused(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    _, reply = ask(generated, f"horas da {plain(person_of(rows))} em novembro", question)
    assert "prever" in reply and not FIGURE.search(reply)


def test_these_three_first_summed_then_the_ranking_in_gross_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, SEPTEMBER)
    _, summed, gross = ask(
        generated,
        "ranking do 8446 em setembro inteiro, top 5",
        "esses 3 primeiros, qnto deram somados?",
        "e o ranking em horas brutas, top 5",
    )
    assert hours(sum(h for _, h in people[:3])) in summed and people[3][0] not in summed
    names = {r.name for r in rows if of_contract(SEPTEMBER)(r)}
    in_gross = {n: total(rows, lambda r, n=n: r.name == n and of_contract(SEPTEMBER)(r), "gross") for n in names}
    top = sorted(in_gross.items(), key=lambda p: (-p[1], p[0]))[:5]
    assert all(f"{name}: {hours(h)}" in gross for name, h in top)


def test_mine_alone_after_a_gestors_contract_is_the_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446",))
    _, reply = ask_as(generated, gestor, "horas do meu contrato em outubro", "ok. quem mais trabalhou no meu?")
    name, h = people_of(rows, OCTOBER)[0]
    assert f"{name}: {hours(h)}" in reply.text


def test_how_many_people_after_a_technologys_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    technology = sorted({r.technology for r in rows if r.technology})[0]
    people = {r.name for r in rows if r.technology == technology and SEPTEMBER[0] <= r.day <= SEPTEMBER[1]}
    _, reply = ask(generated, f"qnts horas o pessoal de {technology} apontou em setembro", "e qnts pessoas sao")
    assert reply.startswith(f"{len(people)} recursos")


def test_a_share_after_a_split_keeps_whom_it_was_about(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    mine = total(rows, of(name, NOVEMBER))
    meetings = total(rows, lambda r: of(name, NOVEMBER)(r) and "reuniao" in activity_of(r))
    _, reply = ask(generated, f"divisao por atividade da {plain(name)} em novembro, em %", "qnto % foi reuniao no mes")
    assert name in reply and f"{100 * meetings / mine:.1f}%".replace(".", ",") in reply


def test_someones_part_of_the_contracts_weeks(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    whole, his = (
        total(rows, of_contract(NOVEMBER)),
        total(rows, lambda r: of(name, NOVEMBER)(r) and r.supplier == "8446"),
    )
    _, reply = ask(generated, "qnt o 8446 fez em novembro, quebra por semana", f"qual o % da {plain(name)} nisso")
    assert f"{100 * his / whole:.1f}%".replace(".", ",") in reply and "semana de" not in reply


def test_the_contract_meant_said_alone_after_one_not_found(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, h = people_of(rows, OCTOBER)[0]
    _, reply = ask(generated, "ranking do contrato 9999 em outubro", "foi mal, 8446")
    assert reply.startswith("Ranking") and f"{name}: {hours(h)}" in reply


@pytest.mark.parametrize("question", ["ela apontou td dia util?", "ela lançou hora em todos os dias úteis?"])
def test_every_working_day_recorded_is_the_days_missed(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name = person_of(rows)
    worked = {r.day for r in rows if of(name, NOVEMBER)(r)}
    missed = [d for d in NOVEMBER_WORKING_DAYS if d not in worked]
    _, reply = ask(generated, f"horas da {plain(name)} em novembro", question)
    assert name in reply and "dias úteis" in reply and f"{len(missed)} dia" in reply


def test_who_stopped_recording_is_not_a_write(generated: Dataset) -> None:
    (reply,) = ask(generated, "quem parou de lançar hora esse mes? tava lançando antes e sumiu")
    assert reply.startswith("Recursos que pararam de apontar")


def test_another_bound_said_alone(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    per_day = by(rows, lambda r: (r.name, r.day), lambda r: LAST_WEEK[0] <= r.day <= LAST_WEEK[1])
    above = {name for (name, _), h in per_day.items() if h > 12}
    _, reply = ask(generated, "quem passou de 10h num dia semana passada?", "e de 12?")
    assert f"{len(above)} recurso" in reply and "12,0 h" in reply


def test_the_three_weekdays_with_most_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weekdays = by(rows, lambda r: r.day.weekday(), lambda r: r.supplier == "8446")
    top = sorted(weekdays.items(), key=lambda p: -p[1])[:3]
    _, reply = ask(generated, "qual dia da semana o 8446 mais aponta?", "os 3 dias da semana com mais horas")
    assert all(f"{WEEKDAYS[d]}: {hours(h)}" in reply for d, h in top)


def test_the_daily_journey_is_the_expected_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    worked = total(rows, of(name, NOVEMBER))
    expected, other = ask(generated, f"a {plain(name)} bateu as 8h por dia util esse mes?", "e ela fez 6h por dia?")
    assert "esperadas" in expected and hours(worked) in expected
    assert "8 h líquidas por dia útil" in other and not FIGURE.search(other)


def test_a_technologys_part_of_the_month_after_its_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    technology = sorted({r.technology for r in rows if r.technology})[0]
    month = total(rows, lambda r: OCTOBER[0] <= r.day <= OCTOBER[1])
    theirs = total(rows, lambda r: OCTOBER[0] <= r.day <= OCTOBER[1] and r.technology == technology)
    _, reply = ask(
        generated, f"qnts horas o pessoal de {technology} fez em outubro", "e qnto isso da em % do total de outubro?"
    )
    assert f"{100 * theirs / month:.1f}%".replace(".", ",") in reply


def test_a_first_name_back_to_whom_the_talk_began_with(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first_names: dict[str, set[str]] = {}
    for r in rows:
        first_names.setdefault(r.name.split()[0], set()).add(r.name)
    name = sorted(n for n in {r.name for r in rows if r.supplier == "8446"} if len(first_names[n.split()[0]]) > 1)[0]
    validators = sorted({r.validator for r in rows if r.name == name and r.validator})
    *_, reply = ask(
        generated,
        f"qnts horas a {plain(name)} fez em outubro?",
        "e o 8447, quem mais apontou nesse periodo?",
        f"voltando pra {plain(name.split()[0])}, quem valida os apontamentos dela?",
    )
    assert name in reply and all(v in reply for v in validators)


def test_not_only_the_month_talked_about(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    pending = [r for r in rows if r.name == name and not r.validated]
    _, reply = ask_as(
        generated,
        colaborador(rows, name),
        "minhas horas em novembro",
        "qnts apontamentos meus ainda nao foram validados? no geral, nao so nov",
    )
    assert f"{len(pending)} apontamento" in reply.text and "01/11/2026" not in reply.text


# -- batches IP to IS --------------------------------------------------------------------------------------------


def test_a_first_name_then_what_of_her_is_one_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first_names: dict[str, set[str]] = {}
    for r in rows:
        first_names.setdefault(r.name.split()[0], set()).add(r.name)
    shared = sorted(f for f, names in first_names.items() if len(names) > 1)[0]
    _, reply = ask(
        generated, f"horas da {plain(person_of(rows))} em outubro", f"e a {plain(shared)}? quanto fez em setembro"
    )
    assert "Qual del" in reply and not FIGURE.search(reply)


def test_what_an_hour_is_worth_is_money(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask_as(generated, colaborador(rows, person_of(rows)), "quanto que vale minha hora?")
    assert not FIGURE.search(reply.text) and "valores" in reply.text


def test_the_top_asked_after_the_bottom(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, OCTOBER)
    for follow_up in ("me da o top 5 entao", "mostra os 5 primeiros entao, dos q mais fizeram"):
        *_, reply = ask(generated, "quem mais apontou hora no 8446 em outubro", "e os que menos?", follow_up)
        assert all(f"{name}: {hours(h)}" in reply for name, h in people[:5]) and people[-1][0] not in reply
    *_, bare = ask(generated, "quem apontou menos no 8446 em outubro", "top 5")  # the size of the list shown
    assert all(f"{name}: {hours(h)}" in bare for name, h in people[-5:])


def test_someones_part_after_the_weekends_part(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    whole = total(rows, of_contract(OCTOBER))
    hers = total(rows, lambda r: of(name, OCTOBER)(r) and r.supplier == "8446")
    _, reply = ask(
        generated, "que % das horas do 8446 foi em fim de semana no mes passado?", f"e qnt % foi da {plain(name)}?"
    )
    assert f"{100 * hers / whole:.1f}%".replace(".", ",") in reply and "fins de semana" not in reply


def test_the_contract_meant_with_its_preposition(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weeks = by(rows, lambda r: r.day - timedelta(days=r.day.weekday()), lambda r: r.supplier == "8446")
    _, reply = ask(generated, "horas por semana do contrato 9999", "e do 8446?")
    assert reply.startswith("Horas líquidas por semana do contrato 8446") and all(
        hours(h) in reply for h in weeks.values()
    )


def test_how_many_of_a_profile_after_how_many_of_a_technology(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    technology = sorted({r.technology for r in rows if r.technology})[0]
    testers = {r.name for r in rows if NOVEMBER[0] <= r.day <= NOVEMBER[1] and "testes" in plain(r.profile)}
    _, reply = ask(generated, f"qnts recursos {technology} apontaram hora esse mes?", "e analistas de testes?")
    assert reply.startswith(f"{len(testers)} recursos") and "01/11/2026" in reply


def test_this_week_against_the_last_over_a_gestors_contracts(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446", "8447"))
    this = total(rows, lambda r: r.supplier in ("8446", "8447") and THIS_WEEK[0] <= r.day <= THIS_WEEK[1])
    (reply,) = ask_as(generated, gestor, "compara essa semana com a passada, nos meus contratos")
    assert hours(this) in reply.text and "Mesmos dias da semana passada" in reply.text


def test_how_many_days_after_the_busiest_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = {r.day for r in rows if of_contract(OCTOBER)(r)}
    *_, reply = ask(
        generated, "horas do 8446 em outubro", "qual foi o dia com mais horas?", "e em qnts dias teve apontamento"
    )
    assert f"{len(days)} dias" in reply and "1 dia\n" not in reply


def test_that_share_in_another_month_and_that_average_in_another(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    meetings = total(rows, lambda r: of_contract(OCTOBER)(r) and "reuniao" in activity_of(r))
    *_, share = ask(
        generated, "qnto % das horas do 8446 foi reuniao em setembro", "e em outubro esse percentual mudou?"
    )
    assert f"{100 * meetings / total(rows, of_contract(OCTOBER)):.1f}%".replace(".", ",") in share
    people = people_of(rows, SEPTEMBER)
    *_, average = ask(generated, "media de horas por pessoa no 8446 em outubro", "e em setembro como foi isso")
    assert hours(sum(h for _, h in people) / len(people)) in average


def test_contracts_in_total_in_the_period_talked_about(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = {r.supplier for r in rows if NOVEMBER[0] <= r.day <= NOVEMBER[1]}
    _, reply = ask(
        generated, "qual contrato teve mais horas esse mes", "qnts contratos tiveram apontamento no total nesse periodo"
    )
    assert f"{len(contracts)} contratos" in reply and "01/11/2026" in reply


def test_the_rest_of_a_contract_seen_in_part_is_refused(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    client = sorted({r.client for r in rows if r.supplier == "8447"})[0]
    _, reply = ask_as(
        generated,
        Scope("gestor", contracts=(client,)),
        "horas do meu contrato em outubro",
        "e o resto do 8447, como ta?",
    )
    assert f"a parte {client} do contrato 8447" in reply.text and not FIGURE.search(reply.text)


def test_the_most_common_activity_is_counted_in_entries(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    counts: dict[str, int] = {}
    for r in rows:
        if of_contract(OCTOBER)(r) and r.activity:
            counts[activity_of(r)] = counts.get(activity_of(r), 0) + 1
    (reply,) = ask(generated, "qual atividade mais comum no 8446 em outubro")
    assert f"{max(counts.values())} apontamentos" in reply and "Não entendi" not in reply


def test_open_entries_on_any_day_after_todays(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    open_ones = [r for r in rows if r.end is None]
    _, reply = ask(generated, "tem apontamento em aberto hj?", "e no total, qualquer dia")
    assert reply.startswith(f"{len(open_ones)} apontamentos sem saída")


def test_the_data_as_a_whole_is_not_a_technology(generated: Dataset) -> None:
    (reply,) = ask(generated, "me passa os dados ai")
    assert not FIGURE.search(reply) and "DADOS" not in reply


# -- batches IT to IW --------------------------------------------------------------------------------------------


def test_an_odd_length_then_the_average_entry_that_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    closed = [r.gross for r in rows if OCTOBER[0] <= r.day <= OCTOBER[1] and r.gross is not None]
    odd, average = ask(
        generated,
        "tem apontamento com duracao estranha, tipo mto longo, em outubro?",
        "e qual a duracao media de um apontamento nesse mes?",
    )
    assert "muito longo" in odd and "01/10/2026 a 31/10/2026" in average and hours(sum(closed) / len(closed)) in average


def test_a_courtesy_asking_for_help_after_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(
        generated, "to fechando o relatorio e preciso das horas do 8446 de 1/10 a 15/10, se puder me ajuda ai"
    )
    assert hours(total(rows, of_contract(FIRST_HALF_OF_OCTOBER))) in reply


def test_the_other_way_round(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, OCTOBER)
    *_, said = ask(
        generated, "top 10 do 8446 em outubro", "so os 5 primeiros", "e agora ao contrario, os 5 q menos fizeram"
    )
    assert all(f"{name}: {hours(h)}" in said for name, h in people[-5:]) and "por contrato" not in said
    _, alone = ask(generated, "top 10 do 8446 em outubro", "e o contrario?")
    assert f"{people[-1][0]}: {hours(people[-1][1])}" in alone and people[0][0] not in alone


def test_which_contracts_she_works_in(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    contracts = sorted({r.supplier for r in rows if r.name == name})
    (reply,) = ask(generated, f"a {plain(name)} trabalha em q contratos?")
    assert all(c in reply for c in contracts) and "atividade" not in reply


def test_back_to_mine_after_one_refused(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    clients = sorted({r.client for r in rows if r.supplier == "8447"})
    gestor = Scope("gestor", contracts=(clients[0],))
    *_, reply = ask_as(
        generated,
        gestor,
        "horas por mes do meu contrato",
        f"e o {clients[1]}?",
        "volta pro meu, quebra outubro por atividade",
    )
    assert f"parte {clients[0]}" in reply.text and "por atividade" in reply.text


def test_every_day_above_a_bound_after_the_day_with_least(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, lambda r: r.supplier == "8446" and NOVEMBER[0] <= r.day <= date(2026, 11, 15))
    bound = int(sorted(days.values())[len(days) // 2])
    above = [d for d, h in days.items() if h > bound]
    *_, reply = ask(
        generated,
        "8446 dia a dia na primeira quinzena de novembro",
        "qual foi o dia com menos horas?",
        f"e em quais dias passou de {bound}h?",
    )
    assert len(above) > 1 and all(f"{d:%d/%m/%Y}" in reply for d in above)


def test_a_terse_count_in_a_contracts_talk(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    today = [r for r in rows if r.supplier == "8446" and r.day == TODAY]
    *_, reply = ask(generated, "quem lancou hora no 8446 ontem?", "e hj?", "qnts apontamentos hj?")
    assert f"{len(today)} apontamentos" in reply and "8446" in reply


def test_her_split_after_a_table_in_a_talk_that_began_with_her(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    *_, reply = ask(
        generated,
        f"qnt % das horas do 8446 em outubro foi da {plain(name)}?",
        "me manda a tabela por pessoa do 8446 em outubro, td mundo",
        "e a quebra por atividade dela em outubro",
    )
    assert name in reply and hours(total(rows, of(name, OCTOBER))) in reply


def test_which_of_the_two_has_more_days_worked(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    one, two = (name for name, _ in people_of(rows, OCTOBER)[:2])
    days = {n: len({r.day for r in rows if r.name == n}) for n in (one, two)}
    _, reply = ask(
        generated,
        f"compara a {plain(one)} e a {plain(two)} em outubro",
        "qual delas tem mais dias trabalhados no total, desde o inicio",
    )
    assert all(f"{n}: {d} dias" in reply for n, d in days.items())


def test_how_much_a_technology_did_then_its_top_five(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    technology = sorted({r.technology for r in rows if r.technology})[0]
    people = by(rows, lambda r: r.name, lambda r: r.technology == technology and OCTOBER[0] <= r.day <= OCTOBER[1])
    top = sorted(people.items(), key=lambda p: (-p[1], p[0]))[:5]
    hours_of, ranked = ask(generated, f"quanto o pessoal de {technology} fez em outubro", "quem mais? top 5")
    assert hours(sum(people.values())) in hours_of and all(f"{n}: {hours(h)}" in ranked for n, h in top)


def test_every_month_after_the_busiest(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    months = by(rows, lambda r: r.day.month, lambda r: True)
    _, reply = ask(generated, "qual o mes com mais horas lancadas no geral", "mostra todos os meses")
    assert all(hours(h) in reply for h in months.values())


def test_people_in_total_after_each_contracts_people(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446", "8447"))
    people = {r.name for r in rows if r.supplier in ("8446", "8447") and NOVEMBER[0] <= r.day <= NOVEMBER[1]}
    *_, reply = ask_as(
        generated,
        gestor,
        "qual dos meus contratos teve mais horas esse mes",
        "e qnts pessoas em cada um",
        "no total qnts recursos apontaram",
    )
    assert f"{len(people)} recursos" in reply.text and "01/11/2026" in reply.text


def test_what_the_team_should_have_done_and_whether_one_is_up_to_date(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446",))
    name = person_of(rows)
    expected = len(NOVEMBER_WORKING_DAYS) * 8
    team, one = ask_as(
        generated, gestor, "e qnts horas era pra gente ter feito esse mes? e qnto fez", f"e a {plain(name)}, ta em dia?"
    )
    assert hours(expected) in team.text and hours(total(rows, of_contract(NOVEMBER))) in team.text
    assert name in one.text and hours(expected) in one.text and hours(total(rows, of(name, NOVEMBER))) in one.text


# -- batches IX to JA --------------------------------------------------------------------------------------------


def test_the_biggest_month_of_all_after_two_side_by_side(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    months = by(rows, lambda r: r.day.month, lambda r: r.supplier == "8446")
    best = max(months.values())
    _, reply = ask(
        generated, "qnts horas o 8446 teve em setembro e outubro, lado a lado?", "e qual mes foi o maior de todos?"
    )
    assert hours(best) in reply and "(o maior)" in reply


def test_every_contract_listed_when_all_are_asked(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = by(rows, lambda r: r.supplier, lambda r: OCTOBER[0] <= r.day <= OCTOBER[1])
    (reply,) = ask(generated, "me passa uma tabela de horas por contrato de outubro, todos os contratos")
    assert all(f"{c}: {hours(h)}" in reply for c, h in contracts.items()) and "e mais" not in reply


def test_the_total_of_the_fortnight_talked_about(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, net, gross = ask(
        generated,
        "tabela de horas por dia no 8446 na primeira quinzena de outubro",
        "qual foi o pior dia",
        "e o total da quinzena",
        "e brutas?",
    )
    span = of_contract(FIRST_HALF_OF_OCTOBER)
    assert hours(total(rows, span)) in net and hours(total(rows, span, "gross")) in gross and "por dia" not in gross


def test_his_whole_contract_named_after_him(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    people = {r.name for r in rows if of_contract(NOVEMBER)(r)}
    _, reply = ask(
        generated,
        f"quantas horas a {plain(name)} fez em novembro?",
        "blz. agora olhando o contrato inteiro dela, 8446, nesse mesmo periodo, qnts recursos lançaram hora?",
    )
    assert f"{len(people)} recursos" in reply


def test_how_much_i_did_said_as_bati_quanto(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    gestor = Scope("gestor", resource_id=resource_of(rows, name), contracts=("8446",))
    _, reply = ask_as(generated, gestor, "quem passou de 10h num dia esse mes?", "e eu bati quanto essa semana?")
    assert hours(total(rows, of(name, THIS_WEEK))) in reply.text and "passou de" not in reply.text


def test_the_teams_entries_are_counted(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    yesterday = [r for r in rows if r.supplier == "8446" and r.day == date(2026, 11, 24)]
    (reply,) = ask_as(generated, Scope("gestor", contracts=("8446",)), "qnts apontamentos o time fez ontem")
    assert f"{len(yesterday)} apontamentos" in reply.text


def test_the_day_she_worked_most_after_her_last_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    day, h = busiest_day(rows, name, NOVEMBER)
    *_, reply = ask(
        generated,
        f"qual foi o primeiro dia que a {plain(name)} apontou?",
        "e o ultimo?",
        "em que dia ela trabalhou mais esse mes",
    )
    assert f"{day:%d/%m/%Y}" in reply and hours(h) in reply


def test_two_days_of_this_month_said_bare(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weekend = total(rows, lambda r: r.supplier == "8446" and date(2026, 11, 21) <= r.day <= date(2026, 11, 22))
    (reply,) = ask(generated, "quantas horas o 8446 fez no fds de 21 e 22?")
    assert "21/11/2026 a 22/11/2026" in reply and hours(weekend) in reply


# -- batches JB to JE (the last four: scored on the engine of this stop's end; these fixed after) ----------------


def test_the_whole_week_said_with_td(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    _, reply = ask(generated, f"qnt a {plain(name)} fez ontem", "e essa semana td")
    assert name in reply and hours(total(rows, of(name, THIS_WEEK))) in reply


def test_the_weeks_shown_and_who_stopped(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weeks = by(rows, lambda r: r.day - timedelta(days=r.day.weekday()), lambda r: NOVEMBER[0] <= r.day <= NOVEMBER[1])
    (shown,) = ask(generated, "entao so mostra as semanas de novembro")
    assert shown.startswith("Horas líquidas por semana") and all(hours(h) in shown for h in weeks.values())
    (stopped,) = ask(generated, "quem ficou parado esse mes, que tinha apontado antes?")
    assert stopped.startswith("Recursos que pararam de apontar")


def test_those_three_summed_in_another_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    three = [name for name, _ in people_of(rows, OCTOBER)[:3]]
    summed = total(rows, lambda r: r.name in three and of_contract(SEPTEMBER)(r))
    *_, reply = ask(
        generated, "quem mais apontou no 8446 em outubro? so os 3 primeiros", "e qnt esses 3 somam em setembro?"
    )
    assert hours(summed) in reply


def test_the_entries_in_all_after_the_weeks(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    entries = [r for r in rows if of_contract(NOVEMBER)(r)]
    _, reply = ask(generated, "horas do 8446 em novembro por semana", "show, e qnts apontamentos foram?")
    assert f"{len(entries)} apontamentos" in reply and "semana de" not in reply


def test_my_heaviest_day_after_my_weeks_and_the_lightest(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    day, h = busiest_day(rows, name, OCTOBER)
    *_, reply = ask_as(
        generated,
        colaborador(rows, name),
        "quantas horas eu fiz no mes passado",
        "quebra por semana",
        "qual foi meu dia mais puxado nesse periodo",
    )
    assert f"{day:%d/%m/%Y}" in reply.text and hours(h) in reply.text
    days = by(rows, lambda r: r.day, of_contract(OCTOBER))
    lightest = min(days, key=lambda d: days[d])
    *_, light = ask(generated, "horas do 8446 dia a dia em outubro", "qual foi o dia mais pesado?", "e o mais leve?")
    assert f"{lightest:%d/%m/%Y}" in light


def test_who_after_the_entries_counted(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, THIS_WEEK)
    *_, reply = ask(generated, "quem apontou no 8446 semana passada", "qnts apontamentos foram", "e essa semana, quem?")
    assert all(f"{name}: {hours(h)}" in reply for name, h in people[:3])


def test_one_of_a_gestors_two_contracts_keeps_the_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446", "8447"))
    *_, reply = ask_as(generated, gestor, "horas por contrato no mes passado", "top 3 pessoas do 8447")
    name, h = people_of(rows, OCTOBER, "8447")[0]
    assert f"{name}: {hours(h)}" in reply.text and "01/10/2026" in reply.text


def test_a_profile_in_general_whatever_the_technology(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    testers = {r.name for r in rows if NOVEMBER[0] <= r.day <= NOVEMBER[1] and "testes" in plain(r.profile)}
    technology = sorted({r.technology for r in rows if r.technology})[0]
    _, reply = ask(
        generated,
        f"qnts recursos {technology} apontaram hora esse mes?",
        "e analista de testes no geral, qualquer tecnologia?",
    )
    assert reply.startswith(f"{len(testers)} recursos")


def test_three_of_a_longer_list_summed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, OCTOBER)
    _, reply = ask(generated, "top 10 do 8446 em outubro", "e qnt esses 3 somam juntos?")
    assert hours(sum(h for _, h in people[:3])) in reply and people[3][0] not in reply


def test_mine_in_the_middle_of_a_gestors_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weeks = by(rows, lambda r: r.day - timedelta(days=r.day.weekday()), of_contract(NOVEMBER))
    gestor = Scope("gestor", contracts=("8446",))
    _, reply = ask_as(
        generated, gestor, "horas do meu contrato em outubro", "ok. e no meu, como foi semana a semana esse mes?"
    )
    assert all(hours(h) in reply.text for h in weeks.values())


# -- batches JF to JM (JF to JI left as scored by the stop before; JJ to JM scored on 048a17f) -------------------


def test_back_to_the_whole_contract_after_one_of_its_people(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    *_, reply, people = ask(
        generated,
        "qnts horas o contrato 8446 teve em outubro?",
        f"e a {plain(name)}, qnto ela fez la em outubro?",
        "quebra isso por semana",
        "volta pro contrato todo, e em novembro como ta?",
        "qnts recursos apontaram nesse periodo?",
    )
    assert hours(total(rows, of_contract(NOVEMBER))) in reply
    assert f"{len({r.name for r in rows if of_contract(NOVEMBER)(r)})} recursos" in people


def test_the_list_turned_around(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, NOVEMBER)
    for turn in ("inverte ai, do menor pro maior", "inverte a ordem", "ordena do menor pro maior"):
        _, reply = ask(generated, "quem mais apontou hora no 8446 esse mes? top 10", turn)
        assert reply.index(people[-1][0]) < reply.index(people[-2][0]) and people[0][0] not in reply.split("\n")[1]


def test_the_first_of_a_contracts_list_day_by_day_and_how_many_in_all(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
) -> None:
    first = people_of(rows, OCTOBER)[0][0]
    days = by(rows, lambda r: r.day, lambda r: r.name == first and of_contract(OCTOBER)(r))
    *_, daily, count = ask(
        generated,
        "horas do 8446 por semana em outubro",
        "e quem mais contribuiu",
        "o primeiro ai, dia a dia",
        "e qnts pessoas ao todo",
    )
    assert hours(sum(days.values())) in daily and "8446" in daily
    assert f"{len({r.name for r in rows if of_contract(OCTOBER)(r)})} recursos" in count


def test_the_top_days_of_a_table_of_weekdays(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weekdays = by(rows, lambda r: r.day.weekday(), lambda r: r.supplier == "8446")
    top = sorted(weekdays, key=lambda d: -weekdays[d])[:3]
    _, reply = ask(generated, "em q dia da semana o pessoal do 8446 mais aponta hora?", "me da os 3 dias top")
    assert all(f"{WEEKDAYS[d]}: {hours(weekdays[d])}" in reply for d in top)


def test_a_gestors_two_contracts_summed_keep_the_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446", "8447"))
    both = lambda r: r.supplier in ("8446", "8447") and NOVEMBER[0] <= r.day <= NOVEMBER[1]  # noqa: E731
    people = sorted(by(rows, lambda r: r.name, both).items(), key=lambda p: (-p[1], p[0]))
    for turn in ("top 5 recursos somando os dois", "top 5 pessoas nos dois contratos"):
        _, reply = ask_as(generated, gestor, "horas por contrato esse mes", turn)
        assert all(f"{name}: {hours(h)}" in reply.text for name, h in people[:5])


def test_every_activity_of_his_broken_down(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    activities = by(rows, activity_of, lambda r: r.name == name and OCTOBER[0] <= r.day <= OCTOBER[1])
    _, reply = ask(
        generated, f"qnto tempo o {plain(name)} passou em reuniao em outubro", "quebra todas as atividades dele"
    )
    assert all(hours(h) in reply for h in activities.values())


def test_her_pending_entries_are_all_of_them_asked_anew(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    pending = [r for r in rows if r.name == name and not r.validated]
    _, reply = ask(
        generated, f"a {plain(name)} apontou quanto desde segunda?", "tem algum apontamento dela sem validar?"
    )
    assert f"{len(pending)} apontamentos" in reply


def test_how_many_testers_a_gestor_has(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    latest = latest_entries(rows)
    worked = {r.name for r in rows if of_contract(NOVEMBER)(r)}
    testers = {n for n in worked if latest[n].profile == "ANALISTA DE TESTES"}
    gestor = Scope("gestor", contracts=("8446",))
    (reply,) = ask_as(generated, gestor, "quantos analistas de testes tenho lançando esse mês")
    assert f"{len(testers)} recurso" in reply.text


def test_which_three_of_the_contracts_just_listed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = by(rows, lambda r: r.supplier, lambda r: LAST_WEEK[0] <= r.day <= LAST_WEEK[1])
    top = sorted(contracts, key=lambda c: -contracts[c])[:3]
    _, reply = ask(generated, "quantos contratos tiveram apontamento semana passada", "quais os 3 com mais horas")
    assert all(f"{c}: {hours(contracts[c])}" in reply for c in top)


def test_one_contract_of_a_months_table_keeps_the_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(
        generated, "tabela de horas por contrato em outubro", "so os 5 primeiros", "o 8447 quebra por semana pfv"
    )
    assert hours(total(rows, of_contract(OCTOBER, "8447"))) in reply and "31/10/2026" in reply


def test_which_contract_has_more_people_in_the_day_talked_about(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
) -> None:
    gestor = Scope("gestor", contracts=("8447", "7873"))
    yesterday = (TODAY - timedelta(days=1),) * 2
    counts = {c: len({r.name for r in rows if of_contract(yesterday, c)(r)}) for c in ("8447", "7873")}
    _, reply = ask_as(
        generated,
        gestor,
        "qnts recursos tenho no total ontem, somando os dois contratos",
        "qual contrato tem mais gente",
    )
    assert all(f"{c}: {n} recursos" in reply.text for c, n in counts.items())


def test_my_people_are_my_team(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    mine = person_of(rows)
    gestor = Scope("gestor", resource_id=resource_of(rows, mine), contracts=("8446",))
    team = total(rows, of_contract(OCTOBER))
    (reply,) = ask_as(generated, gestor, "qnts horas os meus recursos fizeram em outubro")
    assert hours(team) in reply.text


def test_how_much_of_that_is_a_share(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    mine = lambda r: r.name == name and SEPTEMBER[0] <= r.day <= SEPTEMBER[1]  # noqa: E731
    meetings = total(rows, lambda r: mine(r) and "reuniao" in activity_of(r))
    share = f"{100 * meetings / total(rows, mine):.1f}%".replace(".", ",")
    _, reply = ask(
        generated, f"divisao do tempo do {plain(name)} por atividade em setembro", "quanto disso foi reuniao?"
    )
    assert share in reply and hours(meetings) in reply


def test_top_people_after_the_weeks(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, NOVEMBER)
    _, reply = ask(generated, "horas do 8446 por semana em novembro", "top 5 pessoas nesse periodo")
    assert all(f"{name}: {hours(h)}" in reply for name, h in people[:5]) and "semana de" not in reply


@pytest.mark.parametrize("greeting", ["bom diaa", "opaaa"])
def test_a_greeting_with_its_vowel_held(generated: Dataset, greeting: str) -> None:
    (reply,) = ask(generated, greeting)
    assert reply.startswith("Olá")


# -- batches JN to JQ ----------------------------------------------------------------------------------------------


def test_what_the_client_will_pay_is_refused(generated: Dataset) -> None:
    gestor = Scope("gestor", contracts=("8446",))
    _, reply = ask_as(generated, gestor, "horas do meu contrato esse mes", "e qnto o cliente vai pagar esse mes")
    assert "Não tenho essa informação" in reply.text and not FIGURE.search(reply.text)


def test_the_period_stays_through_a_gestors_own_hours_he_does_not_have(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
) -> None:
    name = person_of(rows)
    gestor = Scope("gestor", contracts=("8446",))
    *_, reply = ask_as(
        generated,
        gestor,
        "qnts hrs meu contrato teve semana passada?",
        "e as minhas horas nesse periodo?",
        f"e o {plain(name)}, quanto fez nesse periodo?",
    )
    assert hours(total(rows, lambda r: r.name == name and of_contract(LAST_WEEK)(r))) in reply.text


def test_weekend_days_from_a_month_on(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    worked = {(r.name, r.day) for r in rows if r.day.weekday() >= 5 and r.day >= SEPTEMBER[0]}
    name = sorted(worked)[0][0]
    days = {d for n, d in worked if n == name}
    _, reply = ask(
        generated, f"qnts horas a {plain(name)} fez no mes?", "quantos dias ela trabalhou no fds de setembro pra ca"
    )
    assert f"{len(days)} dia" in reply and "01/09/2026" in reply and "30/09/2026" not in reply


def test_the_sum_of_those_three(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, OCTOBER)
    _, reply = ask(generated, "top 10 do 8446 em outubro", "soma desses 3")
    assert hours(sum(h for _, h in people[:3])) in reply and people[3][0] not in reply


def test_the_last_contract_named_month_by_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    months = by(rows, lambda r: r.day.month, lambda r: r.supplier == "8121")
    *_, reply = ask(
        generated, "horas por contrato no mes passado, os 5 maiores", "e os 3 q menos", "o ultimo ai, o 8121, mes a mes"
    )
    assert all(hours(h) in reply for h in months.values())


def test_the_activities_counted_in_entries_if_asked_so(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    counts: dict[str, int] = {}
    for r in rows:
        if of_contract(SEPTEMBER)(r):
            counts[activity_of(r)] = counts.get(activity_of(r), 0) + 1
    top = sorted(counts.values(), reverse=True)[:3]
    _, reply = ask(
        generated,
        "top 3 atividades do 8446 em setembro",
        "e se for por qtd de apontamentos em vez de horas?",
    )
    assert all(f"{n} apontamentos" in reply for n in top)


def test_the_weeks_of_a_gestors_only_contract_in_the_month_talked_about(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
) -> None:
    weeks = by(rows, lambda r: r.day - timedelta(days=r.day.weekday()), of_contract(NOVEMBER))
    gestor = Scope("gestor", contracts=("8446",))
    _, reply = ask_as(generated, gestor, "ranking da minha equipe esse mes, top 5", "quebra por semana do contrato")
    assert all(hours(h) in reply.text for h in weeks.values()) and "01/11/2026" in reply.text


def test_a_forecast_said_with_prever_then_the_talk_goes_on(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = by(rows, lambda r: r.supplier, lambda r: date(2026, 10, 16) <= r.day <= OCTOBER[1])
    top = sorted(contracts, key=lambda c: -contracts[c])[:5]
    _, refused, reply = ask(
        generated,
        "na primeira quinzena de outubro, quais os 5 contratos com mais horas?",
        "e qual vai ser o top 5 em dezembro? da pra prever?",
        "e na segunda quinzena, top 5 em horas",
    )
    assert "prever" in refused and not FIGURE.search(refused)
    assert all(f"{c}: {hours(contracts[c])}" in reply for c in top)


def test_how_a_contract_stands_after_its_people(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(
        generated, "horas do 8446 em outubro", "qnts recursos apontaram nele?", "volta pro 8447, e em novembro como ta?"
    )
    assert hours(total(rows, of_contract(NOVEMBER, "8447"))) in reply


def test_the_average_per_person_over_the_period_after_the_weekdays(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
) -> None:
    people = by(rows, lambda r: r.name, of_contract(OCTOBER))
    _, reply = ask(generated, "qual dia da semana rende mais no 8446 em outubro?", "media por pessoa nesse periodo")
    assert hours(sum(people.values()) / len(people)) in reply and "feira" not in reply


def test_open_entries_in_general_after_a_months_pending(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446",))
    open_ones = [r for r in rows if r.supplier == "8446" and r.end is None]
    _, _, reply = ask_as(
        generated,
        gestor,
        "qnts apontamentos pendentes de validacao em outubro?",
        "e so de outubro",
        "e ponto aberto, sem saida, tem algum? no geral msm",
    )
    assert f"{len(open_ones)} apontamentos sem saída" in reply.text


def test_how_much_one_activity_was_after_the_shares(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    meetings = total(rows, lambda r: of_contract(OCTOBER)(r) and "reuniao" in activity_of(r))
    share = f"{100 * meetings / total(rows, of_contract(OCTOBER)):.1f}%".replace(".", ",")
    *_, reply = ask(generated, "horas por atividade do 8446 em outubro", "mostra em %", "qnto foi reuniao?")
    assert share in reply and hours(meetings) in reply


def test_a_month_put_beside_the_one_talked_about(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "horas do 8446 mes passado?", "e setembro? poe os dois lado a lado")
    assert hours(total(rows, of_contract(SEPTEMBER))) in reply and hours(total(rows, of_contract(OCTOBER))) in reply


# -- batches JR to JU ----------------------------------------------------------------------------------------------


def test_a_persons_share_of_the_contract_that_told_which_one(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first_names = {}
    for r in rows:
        first_names.setdefault(r.name.split()[0], set()).add(r.name)
    # a first name two people share, one of them only in the 8446: the contract says which, and is the whole
    name = next(
        n
        for names in first_names.values()
        if len(names) > 1
        for n in sorted(names)
        if {r.supplier for r in rows if r.name == n} == {"8446"}
        and sum(1 for m in names if "8446" in {r.supplier for r in rows if r.name == m}) == 1
    )
    mine = total(rows, lambda r: r.name == name and of_contract(OCTOBER)(r))
    share = f"{100 * mine / total(rows, of_contract(OCTOBER)):.1f}%".replace(".", ",")
    (reply,) = ask(generated, f"qual % das horas do 8446 em outubro foi do {plain(name.split()[0])}")
    assert share in reply and hours(total(rows, of_contract(OCTOBER))) in reply


def test_an_aside_that_names_the_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    one, two = (n for n, _ in people_of(rows, LAST_WEEK)[:2])
    *_, reply = ask(
        generated,
        f"qnt o {plain(one)} fez na semana passada?",
        f"e o {plain(two)}?",
        "os dois sao do 8446 ne? quanto o contrato todo fez nesse periodo",
    )
    assert hours(total(rows, of_contract(LAST_WEEK))) in reply


def test_two_questions_joined_by_e_tb_and_both_again_for_dates(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first_half = (date(2026, 10, 1), date(2026, 10, 15))
    people = len({r.name for r in rows if of_contract(SEPTEMBER)(r)})
    both, again = ask(
        generated,
        "opa, td bem? preciso do total de horas do 8446 setembro inteiro e tb qnts pessoas apontaram la",
        "e de 1/10 a 15/10?",
    )
    assert hours(total(rows, of_contract(SEPTEMBER))) in both and f"{people} recursos" in both
    assert hours(total(rows, of_contract(first_half))) in again


def test_who_did_most_hours_on_weekends_then_on_saturdays(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446",))
    weekend = by(
        rows, lambda r: r.name, lambda r: r.supplier == "8446" and r.day >= SEPTEMBER[0] and r.day.weekday() >= 5
    )
    saturday = by(
        rows, lambda r: r.name, lambda r: r.supplier == "8446" and r.day >= SEPTEMBER[0] and r.day.weekday() == 5
    )
    _, most, saturdays = ask_as(
        generated,
        gestor,
        "qnt % das horas do 8446 foi em fim de semana desde setembro?",
        "quem fez mais horas em fim de semana?",
        "e so no sabado?",
    )
    top = max(weekend, key=lambda n: (weekend[n], n))
    assert f"{top}: {hours(weekend[top])}" in most.text
    assert all(f"{n}: {hours(h)}" in saturdays.text for n, h in saturday.items())


def test_the_first_of_the_ranking_after_the_weeks(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446",))
    since = (date(2026, 11, 3), TODAY)
    people = people_of(rows, since)
    *_, reply = ask_as(
        generated, gestor, "de 3 de novembro pra ca quanto o time fez?", "por semana", "so os 3 primeiros do ranking"
    )
    assert all(f"{name}: {hours(h)}" in reply.text for name, h in people[:3]) and "semana de" not in reply.text


def test_the_first_of_an_ascending_order_and_those_summed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, LAST_WEEK)
    _, bottom, summed = ask(
        generated,
        "quem apontou no 8446 semana passada",
        "ordena do q menos fez pro q mais fez, 5 primeiros",
        "soma esses 5",
    )
    assert all(name in bottom for name, _ in people[-5:]) and people[0][0] not in bottom
    assert hours(sum(h for _, h in people[-5:])) in summed


def test_the_days_over_a_bound_with_their_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    days = by(rows, lambda r: r.day, lambda r: r.name == name)
    over = {d: h for d, h in days.items() if h > 9}
    (reply,) = ask(generated, f"os dias que o {plain(name)} passou de 9h, com as horas de cada um")
    assert over and f"{len(over)} dias" in reply and all(hours(h) in reply for h in over.values())


def test_a_ranking_considered_in_gross_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gross = by_gross = {}
    for r in rows:
        if OCTOBER[0] <= r.day <= OCTOBER[1]:
            by_gross[r.name] = by_gross.get(r.name, 0) + (r.gross or 0)
    least = min(gross, key=lambda n: (gross[n], n))
    _, reply = ask(generated, "quem apontou menos horas em outubro, geral?", "e considerando horas brutas?")
    assert f"{least}: {hours(gross[least])}" in reply


def test_who_worked_more_days(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = {
        n: len({r.day for r in rows if r.name == n and of_contract(OCTOBER)(r)}) for n, _ in people_of(rows, OCTOBER)
    }
    most = max(days.values())
    (reply,) = ask(generated, "quem do 8446 trabalhou mais dias em outubro?")
    assert f"{most} dias" in reply and " h\n" not in reply
    one, two = (n for n, _ in people_of(rows, OCTOBER)[:2])
    *_, pair = ask(
        generated,
        f"quantas horas o {plain(one)} fez em outubro?",
        f"e o {plain(two)}?",
        "qual dos dois trabalhou mais dias nesse periodo?",
    )
    assert f"{one}: {days[one]} dias" in pair and f"{two}: {days[two]} dias" in pair


def test_those_who_did_most_of_an_activity_after_the_activities_counted(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
) -> None:
    people = by(rows, lambda r: r.name, lambda r: of_contract(OCTOBER)(r) and bugs(r))
    top = sorted(people.items(), key=lambda p: (-p[1], p[0]))[:3]
    *_, reply = ask(
        generated,
        "qnts horas por atividade no 8446 em outubro? quero a quebra com %",
        "top 3 atividades por numero de apontamentos, mesmo periodo",
        "me da os 3 q mais fizeram correcao de bugs la nesse mes",
    )
    assert all(f"{name}: {hours(h)}" in reply for name, h in top)


# -- batches JV to JY ----------------------------------------------------------------------------------------------


def test_what_time_someone_clocked_in_said_with_bater_o_ponto(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    day = max(r.day for r in rows if r.name == name and r.day < TODAY)
    first = min(r.start for r in rows if r.name == name and r.day == day)
    (reply,) = ask(generated, f"blz? a {plain(name)} bateu o ponto dia {day:%d/%m} q horas?")
    assert f"{first:%H:%M}" in reply


def test_the_bottom_with_its_size_said_after_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, OCTOBER)
    _, reply = ask(generated, "ranking do 8446 em outubro", "e os que menos? uns 5")
    assert all(name in reply for name, _ in people[-5:]) and people[-6][0] not in reply


def test_which_week_and_the_weeks(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weeks = by(rows, lambda r: r.day - timedelta(days=r.day.weekday()), of_contract(OCTOBER))
    _, reply = ask(generated, "horas do 8446 mes a mes", "e em outubro, qual semana teve mais hora? quebra por semana")
    assert all(hours(h) in reply for h in weeks.values())


def test_two_months_side_by_side_for_whom_the_talk_is_about(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    *_, reply = ask(
        generated,
        f"qnts horas a {plain(name)} fez na primeira quinzena de outubro",
        "poe outubro e novembro lado a lado",
    )
    assert hours(total(rows, of(name, OCTOBER))) in reply and hours(total(rows, of(name, NOVEMBER))) in reply


def test_the_list_turned_around_after_a_table_of_everyone(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, NOVEMBER)
    _, reply = ask(generated, "tabela de horas por recurso no 8446 em novembro", "inverte a ordem")
    assert reply.index(people[-1][0]) < reply.index(people[0][0])


def test_a_gestors_two_contracts_summed_after_one_of_them(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446", "8447"))
    both = total(rows, lambda r: r.supplier in ("8446", "8447") and NOVEMBER[0] <= r.day <= NOVEMBER[1])
    for turn in ("e o total dos dois contratos juntos nesse periodo", "e o total dos meus contratos nesse periodo"):
        _, reply = ask_as(generated, gestor, "tabela de horas por recurso no 8446 em novembro", turn)
        assert hours(both) in reply.text


def test_the_top_of_a_technologys_people_then_in_one_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    latest = latest_entries(rows)
    java = lambda r: latest[r.name].technology == "JAVA" and NOVEMBER[0] <= r.day <= NOVEMBER[1]  # noqa: E731
    people = sorted(by(rows, lambda r: r.name, java).items(), key=lambda p: (-p[1], p[0]))
    there = sorted(by(rows, lambda r: r.name, lambda r: java(r) and r.supplier == "8446").items(), key=lambda p: -p[1])
    _, top, narrowed = ask(
        generated, "qnts horas o pessoal de java fez nesse mes?", "quem foi o top 3 deles?", "e so no 8446?"
    )
    assert all(f"{name}: {hours(h)}" in top for name, h in people[:3])
    assert all(f"{name}: {hours(h)}" in narrowed for name, h in there[:2])


# -- batches JZ to KC ----------------------------------------------------------------------------------------------


def test_a_surname_the_data_does_not_have_is_not_someone_else(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    first, *_, last = name.split()
    # ("mota" is a letter off "mostra": corrected, the name left would match her)
    _, reply = ask(generated, f"horas da {plain(name)} em outubro", f"e a {plain(first)} {plain(last)} mota?")
    assert name not in reply and not FIGURE.search(reply)


def test_my_total_after_people_counted(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    mine = person_of(rows)
    gestor = Scope("gestor", resource_id=resource_of(rows, mine), contracts=("8446",))
    _, reply = ask_as(
        generated,
        gestor,
        "qnts pessoas do 8446 apontaram em setembro e em outubro? lado a lado",
        "e meu total em novembro",
    )
    assert hours(total(rows, of(mine, NOVEMBER))) in reply.text


def test_the_same_table_for_another_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = by(rows, lambda r: r.supplier, lambda r: OCTOBER[0] <= r.day <= OCTOBER[1])
    _, reply = ask(generated, "tabela de horas por contrato em novembro", "agora a mesma tabela pra outubro")
    assert all(hours(h) in reply for h in contracts.values())


def test_one_contracts_people_after_the_contracts_by_people(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, NOVEMBER, "8447")
    _, reply = ask(generated, "quais contratos tem mais gente em novembro", "no 8447 quem mais apontou?")
    assert all(f"{name}: {hours(h)}" in reply for name, h in people[:3])


def test_a_ranking_of_the_people_just_listed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    latest = latest_entries(rows)
    java = lambda r: latest[r.name].technology == "JAVA" and OCTOBER[0] <= r.day <= OCTOBER[1]  # noqa: E731
    people = sorted(by(rows, lambda r: r.name, java).items(), key=lambda p: (-p[1], p[0]))
    _, reply = ask(generated, "qnts horas o pessoal de java fez em outubro", "ranking dos 3 q mais fizeram")
    assert all(f"{name}: {hours(h)}" in reply for name, h in people[:3])


def test_saturday_or_sunday_last_is_last_weekend(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weekend = (date(2026, 11, 21), date(2026, 11, 22))
    worked = {(r.name, r.day) for r in rows if r.supplier == "8446" and weekend[0] <= r.day <= weekend[1]}
    gestor = Scope("gestor", contracts=("8446",))
    (reply,) = ask_as(generated, gestor, "alguem do time trabalhou sab ou dom passado?")
    assert f"{len(worked)} dia" in reply.text and "lado a lado" not in reply.text


# -- batches KD to KG ----------------------------------------------------------------------------------------------


def test_the_whole_contract_said_with_td(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, summed = ask(
        generated, "horas por pessoa do 8447 esse mes", "e os 5 q menos apontaram?", "soma td do contrato nesse mes"
    )
    assert hours(total(rows, of_contract(NOVEMBER, "8447"))) in summed
    _, whole = ask(generated, "horas do 8447 em outubro", "qnto deu o contrato td em setembro")
    assert hours(total(rows, of_contract(SEPTEMBER, "8447"))) in whole


def test_my_people_said_after_the_noun(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446",))
    (reply,) = ask_as(generated, gestor, "quantos recursos meus tao devendo apontamento essa semana?")
    assert "recursos" in reply.text and "não aparece como recurso" not in reply.text


def test_a_summary_of_nothing_named_is_asked_back(generated: Dataset) -> None:
    (reply,) = ask(generated, "e ai, td bem? preciso de um resumo")
    assert reply.startswith("Resumo de quê?") and not FIGURE.search(reply)


# -- batches KH to KK ----------------------------------------------------------------------------------------------


def test_why_before_the_question_is_not_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446",))
    (reply,) = ask_as(generated, gestor, "preciso fechar o mes, qm do 8446 tem dia util sem apontamento em novembro?")
    assert "ficaram sem apontar" in reply.text and "há 19 dias úteis" not in reply.text


def test_in_that_time_is_the_period_talked_about(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    mine = person_of(rows)
    gestor = Scope("gestor", resource_id=resource_of(rows, mine), contracts=("8446",))
    _, reply = ask_as(generated, gestor, "horas do 8446 na semana passada", "eu fiz qnt nesse tempo")
    assert hours(total(rows, of(mine, LAST_WEEK))) in reply.text


def test_the_ranking_of_her_contract_after_her_weeks(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    people = people_of(rows, OCTOBER)
    _, reply = ask(generated, f"horas da {plain(name)} por semana em outubro", "e o ranking do contrato dela, top 5")
    assert all(f"{n}: {hours(h)}" in reply for n, h in people[:5]) and "semana de" not in reply


def test_how_many_people_after_one_persons_missing_days(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    _, reply = ask(
        generated,
        f"a {plain(name)} deixou de apontar algum dia util em novembro?",
        "e na semana passada, qnts recursos ficaram com algum dia util sem apontamento?",
    )
    assert "recursos ficaram sem apontar" in reply


def test_an_activity_by_contract_after_who_did_most_of_it(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = by(rows, lambda r: r.supplier, lambda r: OCTOBER[0] <= r.day <= OCTOBER[1] and bugs(r))
    _, reply = ask(generated, "quem mais corrigiu bug em outubro? top 5", "e por contrato?")
    top = sorted(contracts.items(), key=lambda c: -c[1])[:10]  # (the text lists the first rows; the card has all)
    assert all(f"{c}: {hours(h)}" in reply for c, h in top) and hours(sum(contracts.values())) in reply


# -- batches KL to KO ----------------------------------------------------------------------------------------------


def test_from_the_start_of_a_month_to_a_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    span = (SEPTEMBER[0], date(2026, 10, 15))
    (reply,) = ask(generated, f"{plain(name)} apontou qnto desde o inicio de setembro ate 15/10?")
    assert hours(total(rows, of(name, span))) in reply and "15/10/2026" in reply


def test_the_share_of_saturday_and_sunday(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    october = of_contract(OCTOBER)
    weekend = total(rows, lambda r: october(r) and r.day.weekday() >= 5)
    share = f"{100 * weekend / total(rows, october):.1f}%".replace(".", ",")
    _, reply = ask(generated, "horas do 8446 em outubro", "qual o % de sabado e domingo em outubro la")
    assert share in reply and "sábados e domingos" in reply


def test_how_many_people_and_their_average(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(OCTOBER))
    (reply,) = ask(generated, "quantas pessoas no 8446 em outubro e qual a media de horas delas")
    assert f"{len(people)} recursos" in reply and hours(sum(people.values()) / len(people)) in reply


def test_by_activity_in_mine_from_a_gestor_with_no_entries(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, activity_of, of_contract(OCTOBER))
    gestor = Scope("gestor", contracts=("8446",))
    (reply,) = ask_as(generated, gestor, "ok, entao por atividade no meu mesmo, outubro")
    top = sorted(activities.values(), reverse=True)[:3]
    assert all(hours(h) in reply.text for h in top)


def test_who_worked_most_between_a_gestors_two_contracts(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446", "8447"))
    both = lambda r: r.supplier in ("8446", "8447") and OCTOBER[0] <= r.day <= OCTOBER[1]  # noqa: E731
    people = sorted(by(rows, lambda r: r.name, both).items(), key=lambda p: (-p[1], p[0]))
    (reply,) = ask_as(generated, gestor, "entre 8446 e 8447 quem mais trabalhou em outubro? top 5")
    assert all(f"{name}: {hours(h)}" in reply.text for name, h in people[:5])


def test_those_three_in_another_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    three = [name for name, _ in people_of(rows, OCTOBER)[-3:]]
    summed = total(rows, lambda r: r.name in three and of_contract(NOVEMBER)(r))
    for turn in ("e esses 3 em novembro?", "e qnt esses 3 fizeram em novembro?"):
        _, reply = ask(generated, "quem do 8446 menos fez em outubro? os 3", turn)
        assert hours(summed) in reply and all(name in reply for name in three)


def test_closing_open_entries_is_a_write(generated: Dataset) -> None:
    gestor = Scope("gestor", contracts=("8446",))
    (reply,) = ask_as(generated, gestor, "fecha os abertos pra mim, coloca saida 18h")
    assert "não consigo criar, alterar" in reply.text and not FIGURE.search(reply.text)


# -- batches KP to KS (scored on the engine this stop ends with; this one fixed after) ---------------------------------


def test_from_the_largest_to_the_smallest_is_the_top(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, NOVEMBER, "8447")
    (reply,) = ask(generated, "top 10 recursos do 8447 em novembro, do maior pro menor")
    assert reply.index(people[0][0]) < reply.index(people[1][0]) and people[-1][0] not in reply


def test_each_activitys_share_said_with_cada_uma(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, activity_of, of_contract(SEPTEMBER))
    meetings = next(h for a, h in activities.items() if "reuniao" in a)
    *_, reply = ask(
        generated,
        "tabela por atividade do contrato 8446 em setembro, com a % de cada uma",
        "qnto deu so de reuniao de alinhamento?",
    )
    assert hours(meetings) in reply and "09/2026" in reply


# -- batches KT to KW ----------------------------------------------------------------------------------------------


def test_those_three_month_by_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    everyone = by(rows, lambda r: r.name, lambda r: True)
    three = sorted(everyone, key=lambda n: (-everyone[n], n))[:3]
    months = by(rows, lambda r: r.day.month, lambda r: r.name in three)
    _, reply = ask(generated, "top 3 recursos em horas no geral", "esses 3 mes a mes")
    assert all(hours(h) in reply for h in months.values()) and all(name in reply for name in three)


def test_the_bottom_three_of_a_ranking_of_those_listed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, SEPTEMBER)
    *_, reply = ask(generated, "quem apontou no 8446 em setembro?", "ranking completo deles", "e os 3 q menos")
    assert all(f"{name}: {hours(h)}" in reply for name, h in people[-3:]) and people[-4][0] not in reply


def test_expected_against_worked_from_a_gestor_with_no_entries(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446",))
    september = total(rows, of_contract(SEPTEMBER))
    _, reply = ask_as(generated, gestor, "total do 8446 em setembro", "horas esperadas x feitas")
    assert "168,0 h" in reply.text and hours(september) in reply.text and "apontamentos próprios" not in reply.text


def test_in_how_many_after_the_working_days(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    days = {r.day for r in rows if r.name == name and NOVEMBER[0] <= r.day <= NOVEMBER[1]}
    *_, reply = ask(generated, "quantos dias uteis teve em novembro ate hj", "e em qnts eu apontei?", user=name)
    assert f"{len(days)} dias" in reply and "dias úteis" not in reply


def test_what_he_was_meant_to_have_done(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    worked = total(rows, lambda r: r.name == name and OCTOBER[0] <= r.day <= OCTOBER[1])
    *_, reply = ask(generated, "qnts dias uteis tem em outubro", f"e qnts horas era pra o {name} ter feito nesse mes?")
    assert "168,0 h" in reply and hours(worked) in reply


def test_overall_after_a_contracts_idle_people(generated: Dataset) -> None:
    turn = "quantos recursos deixaram de apontar algum dia util semana passada?"
    (everyone,) = ask(generated, turn)
    _, reply = ask(
        generated, "quem do 8446 nao apontou nada essa semana mas tava apontando antes?", f"e no geral, {turn}"
    )
    assert reply.split(":")[0] == everyone.split(":")[0] and "8446" not in reply


def test_the_weekends_part_after_an_activitys_part(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weekend = total(rows, lambda r: of_contract(OCTOBER)(r) and r.day.weekday() >= 5)
    fridays = total(rows, lambda r: of_contract(OCTOBER)(r) and r.day.weekday() == 4)
    question = "qnto % das horas do 8446 em outubro foi reuniao?"
    for turn, part in (("e de fim de semana?", weekend), ("e nas sextas?", fridays)):
        _, reply = ask(generated, question, turn)
        share = f"{100 * part / total(rows, of_contract(OCTOBER)):.1f}%".replace(".", ",")
        assert share in reply and hours(part) in reply


@pytest.mark.parametrize(("said", "weekday"), [("domingo", 6), ("nas sextas", 4)])
def test_who_worked_on_one_weekday_of_a_month(generated: Dataset, rows: list[Span], said: str, weekday: int) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, lambda r: of_contract(OCTOBER)(r) and r.day.weekday() == weekday)
    (reply,) = ask(generated, f"quem trabalhou {said} em outubro no 8446?")
    assert f"{len(people)} recurso" in reply and all(f"{n}: {hours(h)}" in reply for n, h in people.items())


def test_one_day_of_the_weekends_just_listed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    saturdays = by(rows, lambda r: r.name, lambda r: of_contract(OCTOBER)(r) and r.day.weekday() == 5)
    sundays = by(rows, lambda r: r.name, lambda r: of_contract(OCTOBER)(r) and r.day.weekday() == 6)
    question = "quem trabalhou no fim de semana em outubro no 8446?"
    for turn, people in (("e de sabado?", saturdays), ("e no domingo?", sundays)):
        _, reply = ask(generated, question, turn)
        assert "10/2026" in reply and all(f"{n}: {hours(h)}" in reply for n, h in people.items())
        assert ("nenhum apontamento" in reply) == (not people)


def test_the_top_people_of_that_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    week = (date(2026, 11, 19), TODAY)
    dev = lambda r: activity_of(r) == "desenvolvimento de funcionalidades" and week[0] <= r.day <= week[1]  # noqa: E731
    people = sorted(by(rows, lambda r: r.name, dev).items(), key=lambda p: (-p[1], p[0]))
    _, reply = ask(
        generated,
        "qnto o pessoal de desenvolvimento de funcionalidades somou nos ultimos 7 dias",
        "top 3 pessoas nessa atividade",
    )
    assert all(f"{n}: {hours(h)}" in reply for n, h in people[:3]) and "Ranking de atividades" not in reply


def test_how_many_in_all_after_a_top_ten(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = {r.name for r in rows if OCTOBER[0] <= r.day <= OCTOBER[1]}
    _, reply = ask(generated, "top 10 recursos com mais horas no mes passado", "quantas pessoas lançaram no total?")
    assert f"{len(people)} recursos" in reply and "01/10/2026 a 31/10/2026" in reply


def test_stopped_recording_said_other_ways(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    before = (LAST_WEEK[0] - timedelta(days=30), LAST_WEEK[0] - timedelta(days=1))
    active = {r.name for r in rows if before[0] <= r.day <= before[1]}
    idle = sorted(active - {r.name for r in rows if LAST_WEEK[0] <= r.day <= LAST_WEEK[1]})
    for question in (
        "quem parou de lançar hora semana passada?",
        "tem alguem q apontava antes e parou semana passada?",
    ):
        (reply,) = ask(generated, question)
        assert "pararam de apontar" in reply and f"{len(idle)} recurso" in reply and all(n in reply for n in idle)


def test_the_top_of_a_roles_people_and_their_activities(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    devops = lambda r: r.technology == "DEVOPS" and SEPTEMBER[0] <= r.day <= SEPTEMBER[1]  # noqa: E731
    people = sorted(by(rows, lambda r: r.name, devops).items(), key=lambda p: (-p[1], p[0]))
    activities = by(rows, activity_of, devops)
    _, top, split = ask(
        generated, "qnts horas o pessoal de DEVOPS fez em setembro?", "ranking deles top 5", "e por atividade?"
    )
    assert all(f"{n}: {hours(h)}" in top for n, h in people[:5]) and people[5][0] not in top
    assert all(hours(h) in split for h in activities.values()) and "DEVOPS" in split


def test_a_new_table_after_activities_counted_is_in_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    months = by(rows, lambda r: r.day.month, lambda r: r.supplier == "8447" and bugs(r))
    *_, reply = ask(
        generated,
        "quais as 3 atividades com mais apontamentos em setembro?",
        "e correcao de bugs no 8447 mes a mes, desde o comeco da base",
    )
    assert all(hours(h) in reply for h in months.values())


def test_her_part_of_a_contracts_month_after_her_months(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows, "8447")
    hers = total(rows, lambda r: r.name == name and of_contract(OCTOBER, "8447")(r))
    share = f"{100 * hers / total(rows, of_contract(OCTOBER, '8447')):.1f}%".replace(".", ",")
    _, reply = ask(generated, f"mes a mes da {name}, td o periodo", "e qnts % das horas do 8447 em outubro sao dela?")
    assert share in reply and hours(hers) in reply and "cada mês" not in reply


def test_the_activities_ranked_with_their_part(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = by(rows, activity_of, of_contract(OCTOBER))
    whole = sum(activities.values())
    first = max(activities, key=lambda a: activities[a])
    (reply,) = ask(generated, "no que o pessoal do 8446 gastou tempo em outubro?")
    share = f"{100 * activities[first] / whole:.1f}%".replace(".", ",")
    assert f"{hours(activities[first])} ({share}" in reply


def test_summing_all_of_a_contracts_weeks(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    october = total(rows, of_contract(OCTOBER))
    for turn in ("soma td isso da quanto?", "soma td ai, qnt deu o contrato no mes"):
        _, reply = ask(generated, "horas do 8446 por semana em outubro", turn)
        assert hours(october) in reply and hours(total(rows, lambda r: OCTOBER[0] <= r.day <= OCTOBER[1])) not in reply


def test_a_table_by_person_cut_to_its_top(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, OCTOBER)
    ten, three = ask(generated, "horas por pessoa do 8446 em outubro, top 10", "só os 3 primeiros")
    assert all(f"{n}: {hours(h)}" in ten for n, h in people[:10]) and people[10][0] not in ten
    assert all(f"{n}: {hours(h)}" in three for n, h in people[:3]) and people[3][0] not in three


def test_her_days_then_the_first_and_the_last(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    days = sorted({r.day for r in rows if r.name == name and SEPTEMBER[0] <= r.day <= SEPTEMBER[1]})
    (reply,) = ask(generated, f"qnts dias a {name} trabalhou em setembro e qual foi o primeiro e o ultimo")
    count, first, last = reply.split("\n\n")
    assert f"{len(days)} dias" in count and f"{days[0]:%d/%m/%Y} (" in first and f"{days[-1]:%d/%m/%Y} (" in last


def test_back_to_the_contract_after_one_of_its_people(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    pending = [r for r in rows if of_contract(NOVEMBER)(r) and not r.validated]
    *_, reply = ask(
        generated,
        "qnts horas o contrato 8446 teve em outubro?",
        f"a {name}, qnto ela fez nesse periodo?",
        "voltando pro contrato, qnts apontamentos sem validacao tem la esse mes?",
    )
    assert f"{len(pending)} apontamentos" in reply and "8446" in reply and name not in reply


def test_who_most_after_a_technologys_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    java = by(rows, lambda r: r.name, lambda r: r.technology == "JAVA" and OCTOBER[0] <= r.day <= OCTOBER[1])
    top = sorted(java.items(), key=lambda p: (-p[1], p[0]))[:3]
    _, reply = ask(generated, "qnts horas o pessoal de java fez em outubro?", "quem mais?")
    assert all(f"{n}: {hours(h)}" in reply for n, h in top) and "10/2026" in reply


def test_two_counts_in_one_message(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    hers = [r for r in rows if r.name == name and OCTOBER[0] <= r.day <= OCTOBER[1]]
    (reply,) = ask(generated, f"{name.lower()}, qnts apontamentos em outubro e qnts horas?")
    assert f"{len(hers)} apontamentos" in reply and hours(sum(r.net or 0 for r in hers)) in reply


def test_the_weekdays_least_first_when_the_least_is_asked(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    days = by(rows, lambda r: r.day.weekday(), lambda r: r.name == name and OCTOBER[0] <= r.day <= OCTOBER[1])
    least_first = [f"- {WEEKDAYS[d]}: {hours(h)}" for d, h in sorted(days.items(), key=lambda d: (d[1], d[0]))]
    _, reply = ask(
        generated, f"horas da {name} em outubro", "quebra por dia da semana, qual o dia q ela menos trabalha"
    )
    assert reply.split("\n")[1:] == least_first


# -- batches KX to LI ----------------------------------------------------------------------------------------------


def test_the_contracts_he_looks_after(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446", "8447"))
    (reply,) = ask_as(generated, gestor, "ranking dos contratos q eu cuido em outubro")
    assert all(hours(total(rows, of_contract(OCTOBER, c))) in reply.text for c in ("8446", "8447"))
    assert "apontamentos próprios" not in reply.text


def test_the_bottom_contracts_said_from_below(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = by(rows, lambda r: r.supplier, lambda r: SEPTEMBER[0] <= r.day <= SEPTEMBER[1])
    bottom = sorted(contracts.items(), key=lambda c: (c[1], c[0]))
    (reply,) = ask(generated, "ranking de contratos por hora em setembro, os 3 de baixo")
    assert all(f"{c}: {hours(h)}" in reply for c, h in bottom[:3]) and bottom[3][0] not in reply


def test_the_first_fortnight_and_the_second(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first = total(rows, of_contract((date(2026, 10, 1), date(2026, 10, 15))))
    second = total(rows, of_contract((date(2026, 10, 16), date(2026, 10, 31))))
    (reply,) = ask(generated, "quanto o 8446 fez na primeira quinzena de outubro e na segunda?")
    assert hours(first) in reply and hours(second) in reply and "segundas-feiras" not in reply


def test_the_least_after_a_top_ten_and_its_first_three(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    everyone = by(rows, lambda r: r.name, lambda r: OCTOBER[0] <= r.day <= OCTOBER[1])
    least = sorted(everyone.items(), key=lambda p: (p[1], p[0]))
    _, ten, three = ask(
        generated,
        "quem foram os 10 que mais trabalharam mes passado",
        "e os que menos?",
        "so os 3 primeiros desses que menos",
    )
    assert all(f"{n}: {hours(h)}" in ten for n, h in least[:10]) and least[10][0] not in ten
    assert all(f"{n}: {hours(h)}" in three for n, h in least[:3]) and least[3][0] not in three


def test_the_largest_rows_of_an_activity_table(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activities = sorted(
        by(rows, activity_of, lambda r: NOVEMBER[0] <= r.day <= NOVEMBER[1]).items(), key=lambda a: -a[1]
    )
    _, reply = ask(generated, "divisao das horas por atividade esse mes, com %", "mostra so as 3 maiores")
    assert all(hours(h) in reply for _, h in activities[:3]) and hours(activities[3][1]) not in reply


def test_a_guess_at_the_lists_size_is_an_aside(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, OCTOBER)
    (reply,) = ask(generated, "ranking do 8446 em outubro, todo mundo (sao uns 10)")
    assert f"{people[0][0]}: {hours(people[0][1])}" in reply and "Não entendi" not in reply


def test_one_of_the_list_by_name_after_anothers_part(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, OCTOBER)
    (first, _), (last, _) = people[0], people[-1]
    weeks = by(
        rows, lambda r: r.day - timedelta(days=r.day.weekday()), lambda r: r.name == last and of_contract(OCTOBER)(r)
    )
    *_, reply = ask(
        generated,
        "ranking do 8446 em outubro",
        f"quanto % do contrato foi do {first}",
        f"e a ultima da lista, {last}, por semana",
    )
    assert all(hours(h) in reply for h in weeks.values()) and "(o menor)" not in reply


def test_by_activity_across_both_after_one_of_them(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446", "8447"))
    both = lambda r: r.supplier in ("8446", "8447") and NOVEMBER[0] <= r.day <= NOVEMBER[1]  # noqa: E731
    activities = by(rows, activity_of, both)
    _, reply = ask_as(generated, gestor, "top 3 pessoas do 8446 em novembro", "por atividade, os dois juntos")
    assert all(hours(h) in reply.text for h in activities.values()) and "11/2026" in reply.text


def test_a_level_after_a_technologys_people_this_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    latest = latest_entries([r for r in rows if NOVEMBER[0] <= r.day <= NOVEMBER[1]])
    juniors = [n for n, r in latest.items() if "junior" in plain(r.level)]
    _, reply = ask(generated, "quantos recursos de JAVA apontaram esse mes", "quantos juniors?")
    assert f"{len(juniors)} recursos" in reply and "01/11/2026" in reply


def test_is_she_recording_properly(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    worked = {r.day for r in rows if r.name == name}
    missed = [d for d in NOVEMBER_WORKING_DAYS if d not in worked]
    (reply,) = ask(generated, f"a {name} ta apontando direitinho esse mes?")
    assert all(f"{d:%d/%m}" in reply for d in missed) and (f"{len(missed)} dias" in reply or "todos os" in reply)


def test_another_contract_and_a_period_after_one_not_found(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weeks = by(rows, lambda r: r.day - timedelta(days=r.day.weekday()), of_contract(NOVEMBER, "8447"))
    _, reply = ask(generated, "horas por semana do contrato 9999", "foi mal, 8447, so novembro")
    assert all(hours(h) in reply for h in weeks.values()) and "semana" in reply


def test_one_contracts_top_after_the_contracts_ranked(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446", "8447"))
    people = people_of(rows, NOVEMBER)
    _, reply = ask_as(
        generated,
        gestor,
        "qual dos meus dois contratos teve mais horas em outubro?",
        "so no 8446, top 3 de horas esse mes",
    )
    assert all(f"{n}: {hours(h)}" in reply.text for n, h in people[:3]) and people[3][0] not in reply.text


def test_his_weeks_in_calendar_order_after_the_least(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first = people_of(rows, OCTOBER)[0][0]
    *_, reply = ask(
        generated,
        "top 5 de horas do 8446 em outubro",
        "e os 5 q menos fizeram?",
        f"e o {first}, quebra ele por semana no mes",
    )
    weeks = [line.split(":")[0] for line in reply.split("\n")[1:]]
    assert weeks == sorted(weeks, key=lambda w: datetime.strptime(w.removeprefix("- semana de "), "%d/%m/%Y"))


def test_the_whole_contract_by_week_the_same_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weeks = by(rows, lambda r: r.day - timedelta(days=r.day.weekday()), of_contract(OCTOBER))
    first = people_of(rows, OCTOBER)[0][0]
    *_, reply = ask(
        generated,
        "top 5 de horas do 8446 em outubro",
        f"e o {first}, quebra ele por semana no mes",
        "agora quebra o contrato td por semana, mesmo mes",
    )
    assert all(hours(h) in reply for h in weeks.values()) and "01/10/2026 a 31/10/2026" in reply


def test_the_top_of_them_after_a_technologys_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    java = by(rows, lambda r: r.name, lambda r: r.technology == "JAVA" and OCTOBER[0] <= r.day <= OCTOBER[1])
    name, value = min(java.items(), key=lambda p: (-p[1], p[0]))
    _, reply = ask(generated, "qnts horas o pessoal de java fez em outubro?", "e quem foi o top deles?")
    assert name in reply and hours(value) in reply


def test_which_day_was_the_least_after_the_weekdays(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, lambda r: r.supplier == "8446")
    least = min(days, key=lambda d: (days[d], d))
    _, reply = ask(generated, "qual dia da semana tem menos hora no 8446?", "e qual foi o dia com menos horas la?")
    assert f"{least:%d/%m/%Y}" in reply and hours(days[least]) in reply


def test_my_month_after_the_weekends_part(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    mine = total(rows, lambda r: r.name == name and NOVEMBER[0] <= r.day <= NOVEMBER[1])
    *_, reply = ask(
        generated, "qnto por cento das horas de novembro foi em sabado/domingo", "e eu, qnt fiz no mes?", user=name
    )
    assert hours(mine) in reply and "fins de semana" not in reply


def test_everyones_days_after_one_persons(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    days = by(rows, lambda r: r.day, lambda r: NOVEMBER[0] <= r.day <= NOVEMBER[1])
    _, reply = ask(generated, f"e o {name} dia a dia em novembro", "e dia a dia do total")
    assert all(hours(h) in reply for h in days.values()) and name not in reply


def test_the_bottom_contracts_said_now_after_the_top(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = by(rows, lambda r: r.supplier, lambda r: SEPTEMBER[0] <= r.day <= SEPTEMBER[1])
    bottom = sorted(contracts.items(), key=lambda c: (c[1], c[0]))
    _, reply = ask(generated, "me mostra os 5 contratos q mais apontaram em setembro", "agora os 3 lanterninhas")
    assert all(f"{c}: {hours(h)}" in reply for c, h in bottom[:3]) and "pessoa" not in reply


def test_a_ranking_after_her_weeks_ranks_people(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    people = people_of(rows, OCTOBER)
    *_, reply = ask(generated, f"horas da {name} por semana no 8446 em outubro", "e ranking do 8446 em outubro top 5")
    assert all(f"{n}: {hours(h)}" in reply for n, h in people[:5]) and "semana" not in reply


def test_who_did_most_in_both_after_the_two_side_by_side(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446", "8447"))
    both = lambda r: r.supplier in ("8446", "8447") and OCTOBER[0] <= r.day <= OCTOBER[1]  # noqa: E731
    top = sorted(by(rows, lambda r: r.name, both).items(), key=lambda p: (-p[1], p[0]))[:3]
    _, reply = ask_as(
        generated,
        gestor,
        "qnts horas 8446 e 8447 fizeram em setembro? lado a lado",
        "quem mais trabalhou nos dois em outubro",
    )
    assert all(f"{n}: {hours(h)}" in reply.text for n, h in top)


def test_hours_indeed_month_by_month_is_no_same_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    months = by(rows, lambda r: r.day.month, lambda r: r.supplier == "8447")
    _, reply = ask(generated, "qnt o 8447 faturou mes a mes?", "e em horas mesmo, mes a mes")
    assert all(hours(h) in reply for h in months.values())


def test_back_to_the_contracts_after_drilling_into_one(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    contracts = by(rows, lambda r: r.supplier, lambda r: OCTOBER[0] <= r.day <= OCTOBER[1])
    bottom = sorted(contracts.items(), key=lambda c: (c[1], c[0]))[:5]
    *_, reply = ask(
        generated,
        "me manda uma tabela de horas por contrato, do maior pro menor",
        "e o primeiro desses mes a mes?",
        "agora só outubro, os 5 q menos tiveram hora",
    )
    assert all(f"{c}: {hours(h)}" in reply for c, h in bottom)


# -- batches LO to LQ ----------------------------------------------------------------------------------------------


def test_the_days_without_the_weekend(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    week = (date(2026, 11, 19), TODAY)
    weekend = total(rows, lambda r: week[0] <= r.day <= week[1] and r.day.weekday() >= 5)
    _, reply = ask(generated, "horas por dia nos ultimos 7 dias, geral", "tira o fim de semana")
    assert "sábado" not in reply and "domingo" not in reply and hours(weekend) not in reply and "segunda" in reply


def test_the_names_and_hours_after_a_refused_cpf(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, OCTOBER)
    _, reply = ask(
        generated,
        "preciso de uma tabela com nome e cpf do pessoal do 8446",
        "so os nomes e as horas entao, mes passado",
    )
    assert all(f"{n}: {hours(h)}" in reply for n, h in people[:10])


def test_the_period_talked_about_said_as_no_periodo(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446", "8447"))
    week = (date(2026, 11, 19), TODAY)
    both = lambda r: r.supplier in ("8446", "8447") and week[0] <= r.day <= week[1]  # noqa: E731
    top = sorted(by(rows, lambda r: r.name, both).items(), key=lambda p: (-p[1], p[0]))[:3]
    first, then = ask_as(
        generated,
        gestor,
        "oi! qnts horas nos ultimos 7 dias somando meus dois contratos?",
        "quem ta com mais horas no periodo?",
    )
    assert hours(total(rows, both)) in first.text and all(f"{n}: {hours(h)}" in then.text for n, h in top)


def test_two_people_side_by_side_after_a_last_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    one, other = (n for n, _ in people_of(rows, OCTOBER)[:2])
    theirs = {n: total(rows, lambda r, n=n: r.name == n and OCTOBER[0] <= r.day <= OCTOBER[1]) for n in (one, other)}
    _, reply = ask(generated, f"qual o ultimo dia do {one}?", f"compara ele com o {other} em outubro, lado a lado")
    assert all(hours(h) in reply for h in theirs.values())


# -- batches LR to LU ----------------------------------------------------------------------------------------------


def test_her_days_after_her_teams_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446",))
    name = person_of(rows)
    days = by(rows, lambda r: r.day, lambda r: r.name == name and of_contract(OCTOBER)(r))
    *_, reply = ask_as(
        generated,
        gestor,
        f"a {name} bateu as horas de outubro? qnto deveria ter feito e qnto fez",
        "e o time todo do 8446 fez qnto no mes?",
        f"me mostra dia a dia da {name.split()[0].lower()} {name.split()[1].lower()} pfv",
    )
    assert all(hours(h) in reply.text for h in days.values()) and "10/2026" in reply.text


def test_my_long_days_after_the_months_working_days(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    days = by(rows, lambda r: r.day, lambda r: r.name == name and NOVEMBER[0] <= r.day <= NOVEMBER[1])
    above = [d for d, h in days.items() if h > 9]
    *_, reply = ask(generated, "quantos dias uteis teve novembro ate hj?", "lista os dias que passei de 9h", user=name)
    assert f"{len(above)} dia" in reply and "01/11/2026" in reply


def test_a_contracts_top_after_its_weeks(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = people_of(rows, NOVEMBER)
    _, reply = ask(generated, "horas por semana do 8446 em novembro", "e o top 3 do 8446 em novembro")
    assert all(f"{n}: {hours(h)}" in reply for n, h in people[:3])


def test_how_many_entries_after_who_did_an_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    count = sum(1 for r in rows if bugs(r) and SEPTEMBER[0] <= r.day <= SEPTEMBER[1])
    _, reply = ask(
        generated, "quem fez correcao de bugs em setembro?", "e quantos apontamentos de correcao de bugs foram"
    )
    assert f"{count} apontamentos" in reply and "por pessoa" not in reply


# -- batches LV to LY ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["faltou eu lançar algum dia util em novembro?", "meus dias uteis sem lançamento em novembro"]
)
def test_recording_said_with_lancar_is_no_write(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name = person_of(rows)
    worked = {r.day for r in rows if r.name == name}
    missed = [d for d in NOVEMBER_WORKING_DAYS if d not in worked]
    (reply,) = ask(generated, question, user=name)
    assert "não consigo criar" not in reply and all(f"{d:%d/%m}" in reply for d in missed)


def test_which_contracts_she_records_in(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    contracts = {r.supplier for r in rows if r.name == name and SEPTEMBER[0] <= r.day <= SEPTEMBER[1]}
    _, reply = ask(generated, f"qnto a {name} fez em setembro?", "em quais contratos ela lança?")
    assert "não consigo criar" not in reply and all(c in reply for c in contracts)


def test_the_list_of_the_team_with_its_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446",))
    (reply,) = ask_as(generated, gestor, "oi, quero a lista do pessoal do meu contrato com as horas de novembro")
    assert all(f"{n}: {hours(h)}" in reply.text for n, h in people_of(rows, NOVEMBER))


def test_the_first_fortnight_after_the_second(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first = sum(1 for r in rows if date(2026, 10, 1) <= r.day <= date(2026, 10, 15))
    *_, reply = ask(
        generated,
        "na primeira quinzena de outubro, horas por contrato, top 5",
        "e na segunda quinzena?",
        "qnts apontamentos no total na primeira?",
    )
    assert f"{first:,} apontamentos".replace(",", ".") in reply and "01/10/2026 a 15/10/2026" in reply


def test_the_top_of_that_week_in_a_contracts_talk(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    week = (date(2026, 9, 14), date(2026, 9, 20))
    people = people_of(rows, week)
    *_, reply = ask(
        generated,
        "horas do 8446 por semana em setembro",
        "qual dia teve mais na semana de 14/9 a 20/9?",
        "quem foram os 3 q mais apontaram nessa semana",
    )
    assert all(f"{n}: {hours(h)}" in reply for n, h in people[:3])


def test_his_clock_in_times_after_his_days(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = person_of(rows)
    first = min((r for r in rows if r.name == name and THIS_WEEK[0] <= r.day <= THIS_WEEK[1]), key=lambda r: r.start)
    _, reply = ask(generated, f"lista diaria do {name} no 8446 essa semana", "e a hora de entrada dele em cada dia")
    assert f"{first.start:%H:%M}" in reply


def test_without_a_clock_out_record_stays_open_entries(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    open_ones = [r for r in rows if r.supplier == "8446" and r.end is None]
    (reply,) = ask(generated, "Quantos apontamentos ainda estão em aberto, sem registro de saída, no contrato 8446?")
    assert f"{len(open_ones)} apontamentos sem saída" in reply
