"""Shapes batches W and X showed: two periods asked apart or in a row, a week named by the conversation,
"meu contrato", which of the contracts just listed, a list's total, the other end of a first/last day,
weekend work, and a typo'd surname among the question's other name words.

Expected figures are computed here in plain Python from the export rows (tests/expected.py), never through
the engine's queries; only the engine's public `answer` is used.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from apontamentos.dataset import Dataset
from apontamentos.engine import answer
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import FIGURE, TODAY, ask, by, day, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)

CONTRACT = "8446"
SEPTEMBER = (date(2026, 9, 1), date(2026, 9, 30))
OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))
NOVEMBER = (date(2026, 11, 1), TODAY)
THIS_WEEK = (date(2026, 11, 23), TODAY)
LAST_WEEK = (date(2026, 11, 16), date(2026, 11, 22))
WEEK_BEFORE = (date(2026, 11, 9), date(2026, 11, 15))


def within(span: tuple[date, date]) -> Callable[[Span], bool]:
    return lambda r: span[0] <= r.day <= span[1]


def of_contract(span: tuple[date, date], contract: str = CONTRACT) -> Callable[[Span], bool]:
    return lambda r: r.supplier == contract and span[0] <= r.day <= span[1]


def one_contract_person(rows: list[Span]) -> tuple[str, str]:  # noqa: F811
    """Someone who recorded time on one supplier contract only, and that contract."""
    contracts: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        contracts[r.name].add(r.supplier)
    name = sorted(n for n, c in contracts.items() if len(c) == 1 and "Dias" not in n.split())[0]
    return name, next(iter(contracts[name]))


# -- two periods: apart, or in a row -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("o 8446 teve mais horas em setembro ou outubro?", SEPTEMBER, OCTOBER),
        ("total do 8446 em setembro e em outubro", SEPTEMBER, OCTOBER),
        ("horas do 8446 em setembro e novembro", SEPTEMBER, NOVEMBER),  # not a span: October is skipped
        ("qnt o 8446 fez em outubro ou em novembro", OCTOBER, NOVEMBER),
    ],
)
def test_two_periods_apart_are_each_shown(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
    first: tuple[date, date],
    second: tuple[date, date],
) -> None:
    a, b = total(rows, of_contract(first)), total(rows, of_contract(second))
    (reply,) = ask(generated, question)
    assert f"{day(first[0])} a {day(first[1])}: {hours(a)}" in reply
    assert f"{day(second[0])} a {day(second[1])}" in reply and hours(b) in reply
    assert f"Nos dois períodos: {hours(a + b)}" in reply
    if second == NOVEMBER:  # the month between is in neither figure
        assert hours(total(rows, of_contract((SEPTEMBER[0], TODAY)))) not in reply


def test_two_months_in_a_row_without_a_repeated_preposition_are_one_span(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
) -> None:
    (reply,) = ask(generated, "quantas horas o 8446 fez em setembro e outubro")
    assert hours(total(rows, of_contract((SEPTEMBER[0], OCTOBER[1])))) in reply


@pytest.mark.parametrize(
    "question",
    ["quantas horas o 8446 fez dessa semana e da passada?", "horas do 8446 da semana passada e dessa semana"],
)
def test_this_week_and_last_said_together_are_one_span(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
) -> None:
    (reply,) = ask(generated, question)
    assert hours(total(rows, of_contract((LAST_WEEK[0], TODAY)))) in reply and day(LAST_WEEK[0]) in reply


@pytest.mark.parametrize("follow_up", ["e na retrasada?", "e a retrasada", "e da retrasada?"])
def test_a_bare_retrasada_is_the_week_before_last(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    follow_up: str,
) -> None:
    _, reply = ask(generated, "quanto o 8446 fez na semana passada?", follow_up)
    assert hours(total(rows, of_contract(WEEK_BEFORE))) in reply and day(WEEK_BEFORE[0]) in reply


# -- "nessa semana": the conversation's week; "e nessa semana?" turns to this one ---------------------


@pytest.mark.parametrize(
    "question",
    ["quantas pessoas apontaram no 8446 nessa semana?", "e qnts pessoas apontaram no 8446 nessa semana"],
)
def test_nessa_semana_is_the_week_talked_about(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
) -> None:
    people = {r.name for r in rows if of_contract(WEEK_BEFORE)(r)}
    _, reply = ask(generated, "quanto o 8446 fez na semana retrasada?", question)
    assert f"{len(people)} recursos" in reply and day(WEEK_BEFORE[0]) in reply


def test_e_nessa_semana_after_last_week_is_this_week(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "quanto o 8446 fez na semana passada?", "e nessa semana?")
    assert hours(total(rows, of_contract(THIS_WEEK))) in reply


# -- "quais dias eu não apontei nada", "apontei em quantos dias" --------------------------------------


def test_days_i_recorded_nothing_are_my_missing_days(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (with_nothing,) = ask(generated, "quais dias eu nao apontei nada em novembro", user=name)
    (without,) = ask(generated, "quais dias eu nao apontei em novembro", user=name)
    assert with_nothing == without and "pararam de apontar" not in with_nothing


@pytest.mark.parametrize("question", ["e eu apontei em quantos dias?", "e eu trabalhei em quantos dias?"])
def test_recorded_in_how_many_days_counts_days(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
) -> None:
    name, _ = one_contract_person(rows)
    days = {r.day for r in rows if r.name == name and within(NOVEMBER)(r)}
    _, reply = ask(generated, "quantos dias uteis tem esse mes ate hj", question, user=name)
    assert f"{len(days)} dias" in reply and name in reply


# -- "meu contrato": the asker's contract, everyone in it -------------------------------------------


@pytest.mark.parametrize("question", ["qnt o meu contrato fez em outubro", "quanto deu meu contrato em outubro?"])
def test_my_contract_is_its_figures(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    (reply,) = ask(generated, question, user=name)
    assert hours(total(rows, of_contract(OCTOBER, contract))) in reply and contract in reply


def test_my_contract_after_my_hours_is_the_whole_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    _, reply = ask(generated, "qnt eu fiz em outubro", "e o meu contrato inteiro?", user=name)
    assert hours(total(rows, of_contract(OCTOBER, contract))) in reply


def test_a_colaboradoras_contract_is_declined(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    resource = next(r.resource_id for r in rows if r.name == name)
    scope = Scope("colaborador", resource_id=resource)
    reply = answer(generated, "qnt o meu contrato fez em outubro", {}, TODAY, user=name, scope=scope)
    assert "Não posso mostrar dados de outras pessoas" in reply.text and FIGURE.search(reply.text) is None


def test_which_is_my_contract_still_lists_them(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    (reply,) = ask(generated, "qual meu contrato?", user=name)
    assert contract in reply and hours(total(rows, lambda r: r.name == name)) in reply


# -- which of the contracts just listed; who leads; a list's total ----------------------------------


@pytest.mark.parametrize("question", ["quais tem mais gente esse mes?", "qual deles teve mais gente esse mes?"])
def test_which_contracts_have_most_people_after_a_list(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
) -> None:
    people: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if within(NOVEMBER)(r):
            people[r.supplier].add(r.name)
    top = max(people, key=lambda c: (len(people[c]), c))
    _, reply = ask(generated, "os 3 contratos com menos horas em outubro", question)
    assert f"{top}: {len(people[top])} recursos" in reply and "recursos" in reply.splitlines()[1]


@pytest.mark.parametrize("question", ["quem lidera no 8446 em outubro?", "quem ta na frente no 8446 em outubro"])
def test_who_leads_is_the_top_of_the_ranking(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
) -> None:
    people = by(rows, lambda r: r.name, of_contract(OCTOBER))
    top = max(people, key=lambda n: (people[n], n))
    (reply,) = ask(generated, question)
    assert f"{top}: {hours(people[top])}" in reply


@pytest.mark.parametrize("follow_up", ["qnts horas deu no total", "quanto deu ao todo?"])
def test_a_lists_total_keeps_its_filters(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    follow_up: str,
) -> None:
    keep = lambda r: within(LAST_WEEK)(r) and "reuniao" in plain(r.activity)  # noqa: E731
    _, reply = ask(generated, "quem apontou reunião semana passada?", follow_up)
    assert hours(total(rows, keep)) in reply


def test_top_of_the_team_keeps_the_contracts_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(OCTOBER))
    top = sorted(people, key=lambda n: (-people[n], n))[:5]
    context: dict = {}
    for question in ("qnts horas o 8446 fez mes passado", "top 5 da equipe"):  # a gestor of 8446
        reply = answer(
            generated, question, context, TODAY, user="Rogério Gestor", scope=Scope("gestor", contracts=("8446",))
        )
        context = reply.context
    assert all(f"{name}: {hours(people[name])}" in reply.text for name in top)


# -- the other end of a first / last day -------------------------------------------------------------


def test_the_first_day_after_the_last_keeps_the_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    days = sorted(r.day for r in rows if r.name == name and within(OCTOBER)(r))
    last, first = ask(generated, "qual foi meu ultimo dia em outubro?", "e o primeiro?", user=name)
    assert day(days[-1]) in last and f"Primeiro dia com apontamento de {name}" in first and day(days[0]) in first
    (again,) = ask(generated, "e o primeiro?", user=name)  # with no first or last day before: not a day
    assert day(days[0]) not in again


# -- weekend work, then another period ---------------------------------------------------------------


def test_work_on_last_weekend_then_octobers_weekends(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    def worked(span: tuple[date, date]) -> set[tuple[str, date]]:
        return {(r.name, r.day) for r in rows if within(span)(r) and r.day.isoweekday() >= 6}

    weekend, october = worked((date(2026, 11, 21), date(2026, 11, 22))), worked(OCTOBER)
    first, second = ask(generated, "teve gente trabalhando no fim de semana passado?", "e em outubro inteiro")
    assert f"{len(weekend)} dias de trabalho em fim de semana" in first
    assert f"{len(october)} dias de trabalho em fim de semana" in second and day(OCTOBER[0]) in second


# -- a typo'd surname: the one person the other name words point to, confirmed ------------------------


def test_a_typod_surname_among_the_other_name_words_names_one_person(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
) -> None:
    names = sorted({r.name for r in rows})
    # a three-word name whose last word is shared by several people, typo'd by a dropped letter
    name = next(
        n
        for n in names
        if len(n.split()) == 3 and len(n.split()[-1]) >= 6 and sum(n.split()[-1] in m.split() for m in names) > 2
    )
    first_name, middle, last = name.split()
    typo = last[:2] + last[3:]
    question = f"quantas horas {first_name} {middle} {typo.lower()} fez em outubro?"
    suggestion, confirmed = ask(generated, question, "sim")
    assert f"Você quis dizer {name}?" in suggestion and FIGURE.search(suggestion) is None
    assert hours(total(rows, lambda r: r.name == name and within(OCTOBER)(r))) in confirmed


@pytest.mark.parametrize("position", [1, 2])
def test_a_typo_inside_a_full_name_is_the_one_asked_back(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    position: int,
) -> None:
    """The typo'd word is named (not the first name beside it), and never corrected into another word."""
    name = next(n for n in sorted({r.name for r in rows}) if len(n.split()) == 4 and len(n.split()[position]) >= 6)
    words = name.split()
    typo = words[position][:3] + words[position][4:]
    typed = " ".join([*words[:position], typo, *words[position + 1 :]]).lower()
    suggestion, confirmed = ask(generated, f"quantas horas o {typed} fez em outubro?", "sim")
    assert f"“{typo.title()}”" in suggestion and f"Você quis dizer {name}?" in suggestion
    assert hours(total(rows, lambda r: r.name == name and within(OCTOBER)(r))) in confirmed


# -- batch Y: words for a day owed, this week's state, the whole team, a list of who, who stopped ------


def test_owing_a_day_is_a_missing_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    owing, missing = (
        ask(generated, "quantas pessoas do 8446 nao apontaram ontem?", f"e na semana passada, qnts {words}?")[1]
        for words in ("ficaram devendo algum dia", "ficaram sem apontar algum dia")
    )
    assert owing == missing and "recurso" in owing and "saldo" not in plain(owing)


@pytest.mark.parametrize("question", ["como ta a semana do 8446? horas por dia", "como anda a semana no 8446, por dia"])
def test_how_is_the_week_is_this_week(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, of_contract(THIS_WEEK))
    (reply,) = ask(generated, question)
    assert all(
        f"{day(d)} ({'segunda-feira terça-feira quarta-feira'.split()[d.weekday()]}): {hours(h)}" in reply
        for d, h in days.items()
    )
    assert day(LAST_WEEK[0]) not in reply


@pytest.mark.parametrize("everyone", ["e o pessoal todo", "e todo o pessoal", "e a galera toda"])
def test_the_whole_team_after_ones_own_weekends(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    everyone: str,
) -> None:
    name, _ = one_contract_person(rows)
    worked = {(r.name, r.day) for r in rows if within(NOVEMBER)(r) and r.day.isoweekday() >= 6}
    _, reply = ask(generated, "trabalhei em qnts dias de fim de semana?", f"{everyone} em novembro?", user=name)
    assert f"{len(worked)} dias de trabalho em fim de semana" in reply and f"de {name}" not in reply


@pytest.mark.parametrize(
    "question", ["lista o pessoal do 8446 q apontou em outubro", "o pessoal do 8446 q apontou em outubro"]
)
def test_a_list_of_who_recorded_time(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(OCTOBER))
    (reply,) = ask(generated, question)
    assert f"{len(people)} recursos" in reply and all(f"{n}: {hours(h)}" in reply for n, h in people.items())


def test_who_stopped_names_the_period_they_stopped_in(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    question = "quem parou de apontar? tipo, apontava em outubro e nao apontou nada em novembro"
    before = {r.name for r in rows if date(2026, 10, 2) <= r.day <= date(2026, 10, 31)}  # the 30 days before
    stopped = before - {r.name for r in rows if within(NOVEMBER)(r)}
    (reply,) = ask(generated, question)
    assert f"{day(NOVEMBER[0])} a {day(NOVEMBER[1])}" in reply and "pararam de apontar" in reply
    assert f"{len(stopped)} recurso" in reply and all(name in reply for name in stopped)


@pytest.mark.parametrize("question", ["quanto os 3 primeiros somaram juntos?", "e os 3 primeiros, qnto deu ao todo?"])
def test_the_first_of_a_list_summed(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(OCTOBER))
    top = sorted(people, key=lambda n: (-people[n], n))[:3]
    _, reply = ask(generated, "top 5 do 8446 em outubro", question)
    assert hours(sum(people[n] for n in top)) in reply and all(n in reply for n in top)


# -- batches Z and AA: typo'd activities, "meu contrato" of a gestor, the whole contract's same measure ----


def activity_word_typo(rows: list[Span]) -> tuple[str, str, str]:  # noqa: F811
    """An activity of two or more words, its longest word, and that word with two letters swapped."""
    activity = sorted({r.activity for r in rows if r.activity and len(r.activity.split()) >= 2})[0]
    word = max(plain(activity).split(), key=len)
    return activity, word, word[:2] + word[3] + word[2] + word[4:]


def test_a_typod_activity_is_asked_back_and_yes_answers_it(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activity, word, typo = activity_word_typo(rows)
    question = f"qnts horas de {plain(activity).replace(word, typo)} no 8446 em outubro?"
    first, second = ask(generated, question, "sim")
    assert f"Não encontrei “{typo}”" in first and f"Você quis dizer “{word}”?" in first
    assert FIGURE.search(first) is None
    same = plain(activity)  # the data spells an activity with and without accents; the bot reads them as one
    assert hours(total(rows, lambda r: plain(r.activity) == same and of_contract(OCTOBER)(r))) in second


def test_a_plural_of_an_activity_word_is_not_a_typo(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "quantas horas de reuniões o 8446 teve em outubro?")
    assert "Você quis dizer" not in reply and FIGURE.search(reply)


def test_an_acknowledgement_does_not_shift_what_was_corrected(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "quanto o 8446 fez em outubro?", "ok e o 8447 em novembro")
    assert "Você quis dizer" not in reply and hours(total(rows, of_contract(NOVEMBER, "8447"))) in reply


def test_a_gestors_my_contract_is_his_one_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(OCTOBER))
    top = sorted(people, key=lambda n: (-people[n], n))[:3]
    scope = Scope("gestor", contracts=("8446",))
    reply = answer(generated, "top 3 do meu contrato em outubro", {}, TODAY, user="Rogério Gestor", scope=scope)
    assert [f"{i}. {n}: {hours(people[n])}" in reply.text for i, n in enumerate(top, 1)] == [True] * 3


def test_my_contract_followed_by_its_number_is_that_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    scope = Scope("gestor", contracts=("8446", "8447"))
    reply = answer(
        generated, "qnto meu contrato 8447 apontou em outubro", {}, TODAY, user="Rogério Gestor", scope=scope
    )
    assert hours(total(rows, of_contract(OCTOBER, "8447"))) in reply.text


def test_ranking_of_the_people_after_the_contracts(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, within(OCTOBER))
    top = max(people, key=lambda n: (people[n], n))
    _, reply = ask(generated, "quais contratos temos?", "ranking do pessoal em outubro")
    assert f"1. {top}: {hours(people[top])}" in reply


def test_the_whole_contract_keeps_the_measure(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    spans = [r for r in rows if of_contract(OCTOBER, contract)(r) and r.gross]
    average = sum(r.gross for r in spans) / len(spans)
    _, reply = ask(
        generated, "duracao media dos meus apontamentos em outubro", f"e do contrato {contract} todo", user=name
    )
    assert "Duração média" in reply and hours(average) in reply and contract in reply


def test_what_i_should_have_until_today_is_this_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "qnts horas eu deveria ter ate hj?", user=name)
    assert f"{day(NOVEMBER[0])} a {day(TODAY)}" in reply and "esperadas" in reply


def test_a_person_said_with_her_contract_is_her(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    (reply,) = ask(generated, f"que horas a {name} do {contract} chegou na semana passada?")
    first = min((r for r in rows if r.name == name and within(LAST_WEEK)(r)), key=lambda r: (r.day, r.start))
    assert name in reply and f"{first.start:%H:%M}" in reply


@pytest.mark.parametrize(
    "question", ["quais feriados caem no periodo q vc tem de dados?", "quais feriados tem em todos os dados?"]
)
def test_holidays_of_all_the_data(generated: Dataset, question: str) -> None:
    (reply,) = ask(generated, question)
    assert "07/09/2026" in reply and "20/11/2026" in reply


def test_a_holidays_name_beside_its_date_is_read(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = {r.name for r in rows if r.day == date(2026, 11, 20)}
    (reply,) = ask(generated, "quantas pessoas apontaram no dia 20 de novembro, consciencia negra?")
    assert f"{len(people)} recursos apontaram em 20/11/2026" in reply


def test_who_did_most_after_an_unconfirmed_typo_is_asked_back(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    activity, word, typo = activity_word_typo(rows)
    _, reply = ask(generated, f"qnts horas de {plain(activity).replace(word, typo)} em outubro?", "qm fez mais")
    assert "Não sei a que pergunta isso se refere" in reply and FIGURE.search(reply) is None


def test_any_holiday_after_one_holiday_is_all_of_them(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = sorted({r.name for r in rows if r.day in (date(2026, 9, 7), date(2026, 10, 12))})[0]
    holidays = {date(2026, 9, 7), date(2026, 10, 12), date(2026, 11, 2), date(2026, 11, 15), date(2026, 11, 20)}
    days = {r.day for r in rows if r.name == name and r.day in holidays}
    _, reply = ask(
        generated, "alguem trabalhou no feriado de 20 de novembro?", "e eu trabalhei em algum feriado", user=name
    )
    assert f"{len(days)} dia" in reply and all(f"{d:%d/%m/%Y}" in reply for d in days)


def test_a_gestor_is_offered_a_typod_name_he_may_see_and_nobody_else(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
) -> None:
    scope = Scope("gestor", contracts=("8446",))
    inside = next(n for n in sorted({r.name for r in rows if r.supplier == "8446"}) if len(n.split()[-1]) >= 6)
    outside = next(
        n for n in sorted({r.name for r in rows if r.supplier == "7712"}) if len(n.split()[-1]) >= 6 and n != inside
    )

    def typod(name: str) -> str:
        *first, last = name.split()
        return " ".join([*first, last[:3] + last[4:]]).lower()

    def reply(question: str, context: dict | None = None) -> Any:
        return answer(generated, question, context or {}, TODAY, user="Rogério Gestor", scope=scope)

    offered = reply(f"quanto o {typod(inside)} fez em outubro?")
    assert f"Você quis dizer {inside}?" in offered.text
    assert (
        hours(total(rows, lambda r: r.name == inside and of_contract(OCTOBER)(r))) in reply("sim", offered.context).text
    )
    refused = reply(f"quanto o {typod(outside)} fez em outubro?")
    assert outside not in refused.text and FIGURE.search(refused.text) is None


@pytest.mark.parametrize("follow_up", ["e a {name}, apontou qnto?", "e a {name}, quanto apontou?"])
def test_how_much_someone_recorded_after_days_missed_is_hours(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    follow_up: str,
) -> None:
    me, _ = one_contract_person(rows)
    other = next(n for n in sorted({r.name for r in rows}) if n != me and "Dias" not in n.split())
    _, reply = ask(generated, "quais dias eu nao apontei em novembro?", follow_up.format(name=other), user=me)
    assert hours(total(rows, lambda r: r.name == other and within(NOVEMBER)(r))) in reply


# -- batches AB and AC: follow-ups that change one thing, a head count, lists of days, the team's time ----


def test_how_many_people_in_the_singular(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    yesterday = date(2026, 11, 24)
    (reply,) = ask(generated, "qnta gente apontou ontem?")
    assert f"{len({r.name for r in rows if r.day == yesterday})} recursos apontaram em 24/11/2026" in reply


def test_the_whole_contracts_weekdays_after_mine(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    weekdays = by(rows, lambda r: r.day.isoweekday(), lambda r: r.supplier == contract)
    top = max(weekdays, key=lambda d: weekdays[d])
    _, reply = ask(generated, "em q dia da semana eu mais trabalho?", f"e o {contract} inteiro?", user=name)
    assert "dia da semana" in reply and contract in reply and hours(weekdays[top]) in reply


def test_people_counted_anew_drop_the_roles_asked_before(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        people[r.supplier].add(r.name)
    top = max(people, key=lambda c: (len(people[c]), c))
    _, reply = ask(generated, "qnts engenheiros de dados senior tem no 8446?", "quais contratos tem mais gente? top 5")
    assert f"{top}: {len(people[top])} recursos" in reply and "perfil" not in reply


@pytest.mark.parametrize("follow_up", ["em quais dias? e qnto em cada", "quais dias?"])
def test_which_days_after_a_count_of_weekend_days(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    follow_up: str,
) -> None:
    name = sorted({r.name for r in rows if r.day.isoweekday() >= 6})[0]
    days = by(rows, lambda r: r.day, lambda r: r.name == name and r.day.isoweekday() >= 6)
    _, reply = ask(generated, "qnts fins de semana eu trabalhei?", follow_up, user=name)
    assert all(f"{day(d)}" in reply and hours(h) in reply for d, h in days.items())


def test_which_after_days_above_a_bound_lists_them(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    days = by(rows, lambda r: r.day, lambda r: r.name == name and within(OCTOBER)(r))
    above = {d: h for d, h in days.items() if h > 8}
    _, _, reply = ask(generated, f"em qnts dias o {name} apontou em outubro", "passou de 8h em algum?", "quais?")
    assert all(f"{day(d)}" in reply and hours(h) in reply for d, h in above.items())


@pytest.mark.parametrize(
    "question", ["alguem deixou de apontar algum dia?", "qnts pessoas deixaram de apontar algum dia"]
)
def test_the_teams_time_carries_to_a_question_about_no_one(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
) -> None:
    scope = Scope("gestor", contracts=("8446",))
    context: dict[str, Any] = {}
    for said in ("qnt o time apontou sem passada", question):
        reply = answer(generated, said, context, TODAY, user="Rogério Gestor", scope=scope)
        context = reply.context
    assert f"{day(LAST_WEEK[0])} a {day(LAST_WEEK[1])}" in reply.text


def test_how_many_contracts_in_all_is_all_the_data(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "quanto apontaram semana passada?", "quantos contratos tiveram apontamento no total?")
    assert f"{len({r.supplier for r in rows})} contratos" in reply and day(LAST_WEEK[0]) not in reply


def test_only_an_activity_after_a_ranking_ranks_inside_it(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, lambda r: of_contract(OCTOBER)(r) and "reuniao" in plain(r.activity))
    top = sorted(people, key=lambda n: (-people[n], n))[:5]
    whole = total(rows, of_contract(OCTOBER))
    part = sum(people.values())
    _, ranked, share = ask(
        generated, "top 5 do 8446 em outubro", "e so em reuniao?", "qto isso representa do total do contrato? em %"
    )
    assert all(f"{n}: {hours(people[n])}" in ranked for n in top)
    assert f"{100 * part / whole:.1f}".replace(".", ",") + "%" in share


def test_another_persons_share_of_the_same_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(OCTOBER))
    first, second = sorted(people)[:2]
    whole = total(rows, of_contract(OCTOBER))
    _, reply = ask(generated, f"qual a % do {first} nas horas do 8446 em outubro?", f"e do {second}?")
    assert f"{hours(people[second])} de {hours(whole)}" in reply


def test_these_two_months_are_the_conversations(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    span = (SEPTEMBER[0], OCTOBER[1])
    months, weekdays = ask(
        generated,
        "compara minhas horas de setembro e outubro, mes a mes",
        "qual dia da semana eu mais trabalhei nesses dois meses?",
        user=name,
    )
    for month in (SEPTEMBER, OCTOBER):
        assert hours(total(rows, lambda r, m=month: r.name == name and within(m)(r))) in months
    assert f"{day(span[0])} a {day(span[1])}" in weekdays and "(os que mais tiveram: 2)" not in weekdays


def test_holidays_of_two_months(generated: Dataset) -> None:
    (reply,) = ask(generated, "quais feriados teve em outubro e novembro?")
    assert all(d in reply for d in ("12/10/2026", "02/11/2026", "15/11/2026", "20/11/2026"))


def test_a_gestor_without_entries_asks_for_his_team_next(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    scope = Scope("gestor", contracts=("8446",))
    context: dict[str, Any] = {}
    for said in ("qnto eu apontei esse mes", "e a minha equipe?"):
        reply = answer(generated, said, context, TODAY, user="Rogério Gestor", scope=scope)
        context = reply.context
    assert hours(total(rows, of_contract(NOVEMBER))) in reply.text and day(NOVEMBER[0]) in reply.text


# -- batches AD and AE: the month's report, gross and net, shares of what was just said, the whole data ---


def test_months_of_a_span_after_a_comparison(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "compara o 8446 em setembro e outubro", "quebra por mes de setembro ate hj")
    assert "lado a lado" not in reply and "por mês" in reply
    for month, span in (("setembro", SEPTEMBER), ("outubro", OCTOBER), ("novembro", NOVEMBER)):
        assert f"{month}/2026: {hours(total(rows, of_contract(span)))}" in reply


def test_a_colaboradoras_ranking_of_contracts_is_declined(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    scope = Scope("colaborador", resource_id=next(r.resource_id for r in rows if r.name == name))
    reply = answer(generated, "qual contrato teve mais horas em novembro?", {}, TODAY, user=name, scope=scope)
    assert "Não posso mostrar dados de outras pessoas" in reply.text and FIGURE.search(reply.text) is None


def test_a_gestors_two_contracts_counted_in_words(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    scope = Scope("gestor", contracts=("8446", "8447"))
    reply = answer(generated, "ranking dos meus 2 contratos em outubro", {}, TODAY, user="Rogério Gestor", scope=scope)
    assert all(f"{c}: {hours(total(rows, of_contract(OCTOBER, c)))}" in reply.text for c in ("8446", "8447"))


def test_any_date_is_all_the_data(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    open_spans = sum(1 for r in rows if r.supplier == CONTRACT and r.end is None)
    _, reply = ask(
        generated, "qnts horas o 8446 fez em outubro?", "e qnts apontamentos do 8446 em aberto, de qualquer data?"
    )
    assert f"{open_spans} apontamentos sem saída" in reply


def test_gross_and_net_asked_together(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "qual o bruto e o liquido do 8446 em outubro?")
    net, gross = total(rows, of_contract(OCTOBER)), total(rows, of_contract(OCTOBER), "gross")
    assert hours(net) in reply and hours(gross) in reply


def test_hours_and_minutes_as_a_bound(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: (r.name, r.day), of_contract(OCTOBER))
    above = {k for k, h in days.items() if h > 9.5}
    (reply,) = ask(generated, "no 8446 quantas pessoas passaram de 9h30 num dia em outubro?")
    assert f"({len(above)} dias no total)" in reply and "9,5 h" in reply


def test_the_calendars_own_day_said_again(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (eight,) = ask(generated, "qnto eu deveria ter feito no mes, considerando 8h/dia?", user=name)
    (six,) = ask(generated, "qnto eu deveria ter feito no mes, considerando 6h/dia?", user=name)
    assert "esperadas" in eight and FIGURE.search(six) is None  # another day's length is not silently ignored


def test_the_whole_month_of_november(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "horas do 8446 em outubro", "e no mes todo de novembro?")
    assert hours(total(rows, of_contract(NOVEMBER))) in reply


def test_who_did_an_activity_and_its_share(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    keep = lambda r: of_contract(NOVEMBER)(r) and "reuniao" in plain(r.activity)  # noqa: E731
    people = by(rows, lambda r: r.name, keep)
    whole = total(rows, of_contract(NOVEMBER))
    _, who, share = ask(
        generated, "horas de reuniao no 8446 em novembro", "e quem fez?", "qnto isso representa do 8446 em novembro?"
    )
    assert (
        all(f"{n}: {hours(h)}" in who for n, h in people.items()) and f"{hours(sum(people.values()))} no total" in who
    )
    assert f"({hours(sum(people.values()))} de {hours(whole)})" in share


def test_the_weekends_share_of_the_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weekend = total(rows, lambda r: of_contract(OCTOBER)(r) and r.day.isoweekday() >= 6)
    whole = total(rows, of_contract(OCTOBER))
    _, reply = ask(
        generated, "qnts horas o 8446 fez em sabados e domingos em outubro?", "qnto isso representa do total do mes?"
    )
    assert f"({hours(weekend)} de {hours(whole)})" in reply


def test_net_hours_after_a_refused_price_keep_the_contract_and_month(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
) -> None:
    *_, reply = ask(
        generated,
        "qnt vou faturar em R$ do 8446 em outubro?",
        "qual o valor hora do 8446?",
        "ok so as horas liquidas entao",
    )
    assert hours(total(rows, of_contract(OCTOBER))) in reply


def test_how_much_net_after_a_count_of_entries(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    client = sorted({r.client for r in rows if r.supplier == CONTRACT})[0]
    hours_of_client = total(rows, lambda r: r.client == client and within(OCTOBER)(r))
    _, reply = ask(
        generated, "qnts apontamentos o 8446 teve em outubro?", f"e o {client} sozinho, qnto liquido no mes?"
    )
    assert hours(hours_of_client) in reply


def test_what_i_was_supposed_to_do(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, "qnt eu fiz esse mes", "e quantas eram pra eu ter feito?", user=name)
    assert "esperadas" in reply


def test_how_many_hours_it_came_to(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    keep = lambda r: of_contract(LAST_WEEK)(r) and "reuniao" in plain(r.activity)  # noqa: E731
    _, reply = ask(generated, "quem apontou reuniao na semana passada no 8446?", "quantas horas deu")
    assert hours(total(rows, keep)) in reply


def test_overall_is_the_period_unless_a_role_is_named(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        people[r.supplier].add(r.name)
    top = max(people, key=lambda c: (len(people[c]), c))
    _, everything = ask(
        generated, "quais contratos tiveram mais horas em outubro?", "e quais tem mais gente, no geral?"
    )
    assert f"{top}: {len(people[top])} recursos" in everything
    _, seniors = ask(generated, "qnts arquitetos apontaram em outubro?", "e qnts seniors no geral?")
    assert f"{day(OCTOBER[0])} a {day(OCTOBER[1])}" in seniors


def test_the_activities_of_the_person_talked_about(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    mine = total(rows, lambda r: r.name == name and within(OCTOBER)(r))
    _, reply = ask(generated, "quantas horas eu fiz em outubro?", "me da a quebra por atividade de outubro", user=name)
    assert f"de {name}" in reply and f"total {hours(mine)}" in reply


def test_since_the_data_began(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "quantas horas o 8446 fez desde q comecou a base?")
    assert hours(total(rows, lambda r: r.supplier == CONTRACT)) in reply


# -- batches AF and AG: two weeks apart, a contract's thread, "eles", who fell behind, an exact name -------


def test_last_week_and_the_one_before_each(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "qnt o 8446 fez semana passada e na retrasada?")
    assert hours(total(rows, of_contract(LAST_WEEK))) in reply and hours(total(rows, of_contract(WEEK_BEFORE))) in reply


def test_a_ranking_in_a_talk_about_a_contract_is_inside_it(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, lambda r: of_contract(NOVEMBER)(r) and "reuniao" in plain(r.activity))
    top = max(people, key=lambda n: (people[n], n))
    _, reply = ask(generated, "quanto tempo foi de reuniao no 8446 em outubro", "quem fez mais reuniao esse mes?")
    assert f"{top}: {hours(people[top])}" in reply and "8446" in reply


def test_they_are_the_contracts_people(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    weekdays = by(rows, lambda r: r.day.isoweekday(), lambda r: of_contract(OCTOBER)(r) and r.day.isoweekday() <= 5)
    least = min(weekdays, key=lambda d: weekdays[d])
    _, reply = ask(generated, "qnt o 8446 fez em outubro?", "qual dia util eles menos apontaram em outubro?")
    assert hours(weekdays[least]) in reply and "8446" in reply


def test_who_fell_behind_is_the_bottom(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, of_contract(LAST_WEEK))
    bottom = min(people, key=lambda n: (people[n], n))
    _, reply = ask(generated, "quem do 8446 apontou mais na semana passada?", "e quem ficou mais pra tras?")
    assert f"{bottom}: {hours(people[bottom])}" in reply.splitlines()[1]


def test_holidays_frame_holiday_work_but_not_a_new_ranking(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, mine = ask(generated, "quais feriados teve em novembro?", "eu trabalhei em algum feriado?", user=name)
    assert day(NOVEMBER[0]) in mine
    people = by(rows, lambda r: r.name, lambda r: r.supplier == CONTRACT)
    top = max(people, key=lambda n: (people[n], n))
    _, ranking = ask(generated, "quais feriados teve em novembro?", "quem mais trabalhou no 8446?")
    assert f"{top}: {hours(people[top])}" in ranking


def test_an_exact_full_name_inside_a_longer_one(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    names = sorted({r.name for r in rows})
    pairs = [
        (short, long)
        for short in names
        for long in names
        if short != long and len(short.split()) == 3 and set(short.split()) < set(long.split())
    ]
    if not pairs:
        pytest.skip("no full name inside another in this data")
    short, _ = pairs[0]
    (reply,) = ask(generated, f"qnt o {short.lower()} fez em outubro?")
    assert hours(total(rows, lambda r: r.name == short and within(OCTOBER)(r))) in reply


@pytest.mark.parametrize("each", ["qnt cada um deles fez essa semana?", "e quanto cada um fez?"])
def test_each_of_them_after_people_asked_one_by_one_means_those_two(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    each: str,
) -> None:
    first, second, third = sorted({r.name for r in rows if "Dias" not in r.name.split()})[:3]
    *_, reply = ask(generated, f"qnt o {first} fez essa semana?", f"e o {second}?", each)
    for name in (first, second):
        assert hours(total(rows, lambda r, n=name: r.name == n and within(THIS_WEEK)(r))) in reply
    assert third not in reply


# -- batches AH and AI: a gestor's "posso", weekend days and their hours, habits on a weekday -------------


def test_which_contracts_can_i_see_with_posso(generated: Dataset) -> None:
    scope = Scope("gestor", contracts=("8446", "8447"))
    reply = answer(generated, "quais contratos eu posso ver?", {}, TODAY, user="Rogério Gestor", scope=scope)
    assert "8446" in reply.text and "8447" in reply.text and "não tem apontamentos próprios" not in reply.text


def test_my_weekend_days_and_their_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = sorted({r.name for r in rows if r.day.isoweekday() >= 6})[0]
    mine = [r for r in rows if r.name == name and r.day.isoweekday() >= 6]
    days, spent = ask(generated, "quantos dias eu trabalhei no fim de semana", "e qntas horas nesses dias?", user=name)
    assert f"{len({r.day for r in mine})} dia" in days and "fim de semana" in days
    assert hours(sum(r.net or 0 for r in mine)) in spent


@pytest.mark.parametrize("question", ["tirando fim de semana, q dia da semana o 8446 menos aponta?"])
def test_weekdays_without_the_weekend(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    weekdays = by(rows, lambda r: r.day.isoweekday(), lambda r: r.supplier == CONTRACT and r.day.isoweekday() <= 5)
    least = min(weekdays, key=lambda d: weekdays[d])
    (reply,) = ask(generated, question)
    assert hours(weekdays[least]) in reply and "sábado" not in reply and "domingo" not in reply


def test_who_works_most_on_fridays_is_a_habit(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, lambda r: r.supplier == CONTRACT and r.day.isoweekday() == 5)
    top = max(people, key=lambda n: (people[n], n))
    (reply,) = ask(generated, "quem mais trabalha na sexta-feira no 8446?")
    assert f"{top}: {hours(people[top])}" in reply and "sextas" in reply


def test_what_the_people_just_listed_add_up_to(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, within(OCTOBER))
    top = sorted(people, key=lambda n: (-people[n], n))[:5]
    entries = sum(1 for r in rows if r.name in top and within(OCTOBER)(r))
    meetings = total(rows, lambda r: r.name in top and within(OCTOBER)(r) and "reuniao" in plain(r.activity))
    _, counted, spent = ask(
        generated,
        "top 5 pessoas q mais apontaram em outubro",
        "quantos apontamentos eles fizeram no total?",
        "e qntas horas deles foram de reuniao",
    )
    assert f"{entries} apontamentos" in counted and hours(meetings) in spent


def test_how_many_contracts_after_people_by_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "quais contratos tem mais gente?", "e qntos contratos existem no total")
    assert f"{len({r.supplier for r in rows})} contratos" in reply


# -- batch AK: comparisons ---------------------------------------------------------------------------------


def test_me_compared_with_a_colleague_and_both_together(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    me, _ = one_contract_person(rows)
    other = next(n for n in sorted({r.name for r in rows}) if n != me and "Dias" not in n.split())
    mine = total(rows, lambda r: r.name == me and within(OCTOBER)(r))
    theirs = total(rows, lambda r: r.name == other and within(OCTOBER)(r))
    compared, together = ask(
        generated, f"qnts horas eu fiz em outubro comparado com o {other}?", "e os dois juntos?", user=me
    )
    assert hours(mine) in compared and hours(theirs) in compared and "Esta semana" not in compared
    assert hours(mine + theirs) in together


def test_compared_with_last_month_is_side_by_side(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    october = total(rows, lambda r: r.name == name and within(OCTOBER)(r))
    november = total(rows, lambda r: r.name == name and within(NOVEMBER)(r))
    _, reply = ask(generated, "quanto eu apontei esse mes?", "e comparado com mes passado?", user=name)
    assert reply.index(hours(october)) < reply.index(hours(november)) and "lado a lado" in reply


def test_the_whole_week_after_the_same_days_compared(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(
        generated, "essa semana ate agora vs os mesmos dias da semana passada no 8446", "e a semana passada inteira?"
    )
    assert hours(total(rows, of_contract(LAST_WEEK))) in reply and "Mesmos dias" not in reply


def test_both_together_after_people_asked_one_by_one_sums_those_two(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
) -> None:
    first, second = sorted({r.name for r in rows if "Dias" not in r.name.split()})[:2]
    *_, reply = ask(
        generated, f"qnt o {first} fez semana passada", f"e o {second}?", "e os dois juntos na semana retrasada?"
    )
    assert hours(total(rows, lambda r: r.name in (first, second) and within(WEEK_BEFORE)(r))) in reply
