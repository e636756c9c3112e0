"""Shapes the blind batches FF to FQ showed, each test a phrasing people typed that the engine misread (a
figure for another question, a refusal of the asker's own data, or "não entendi"); the sections say which batch.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from datetime import date, timedelta

import pytest

from apontamentos.dataset import Dataset
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import OCTOBER, TODAY, ask, by, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_gestor import ask as ask_as
from .test_shapes_closing import resource_of
from .test_shapes_detail import YESTERDAY, first_starts
from .test_shapes_periods_lists import NOVEMBER, SEPTEMBER, of_contract, one_contract_person
from .test_shapes_returning import of


@pytest.mark.parametrize("question", ["qual é o meu contrato?", "meus contratos", "qual e meu contrato msm"])
def test_my_contract_asked_by_a_colaborador(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    (reply,) = ask_as(generated, Scope("colaborador", resource_id=resource_of(rows, name)), question)
    assert f"{name} apontou em 1 contrato" in reply.text and f"- {contract}" in reply.text


def test_the_last_months_without_a_count_are_the_data(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    weekend = {r.day for r in rows if r.name == name and r.day.weekday() >= 5}
    me = Scope("colaborador", resource_id=resource_of(rows, name))
    (reply,) = ask_as(generated, me, "trabalhei algum fds nesses ultimos meses?")
    assert f"{len(weekend)} dias de trabalho em fim de semana" in reply.text and "por semana" not in reply.text


@pytest.mark.parametrize("question", ["quanto fiz nas 2 ultimas semanas", "quanto fiz nas ultimas 2 semanas"])
def test_the_last_two_weeks_either_way_round(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    span = (TODAY - timedelta(days=13), TODAY)
    (reply,) = ask_as(generated, Scope("colaborador", resource_id=resource_of(rows, name)), question)
    assert hours(total(rows, of(name, span))) in reply.text and f"{span[0]:%d/%m/%Y}" in reply.text


@pytest.mark.parametrize(
    ("question", "said"), [("quanto fiz nos ultimos 3 meses", "últimos 3 meses"), ("e nas ultimas semanas?", "últimas")]
)
def test_recent_months_or_weeks_with_no_edge_are_asked_back(
    generated: Dataset, rows: list[Span], question, said
) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask_as(generated, Scope("colaborador", resource_id=resource_of(rows, name)), question)
    assert f"período “{said}" in reply.text and "meados" not in reply.text and " h " not in reply.text


# The generated data's weeks and October's working days (12/10 is a national holiday), as the tests count them
THIS_WEEK = (TODAY - timedelta(days=TODAY.weekday()), TODAY)
LAST_WEEK = (TODAY - timedelta(days=TODAY.weekday() + 7), TODAY - timedelta(days=TODAY.weekday() + 1))
OCTOBER_WORKING_DAYS = [
    d for d in (date(2026, 10, n) for n in range(1, 32)) if d.weekday() < 5 and d != date(2026, 10, 12)
]


def entries_by_activity(rows: list[Span], keep: object) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        if keep(r):  # type: ignore[operator]
            counts[activity_of(r)] += 1
    return counts


def activity_of(r: Span) -> str:
    """An activity as the answers group it: case, accents and spacing aside."""
    plain_text = unicodedata.normalize("NFKD", r.activity or "").encode("ascii", "ignore").decode()
    return " ".join(plain_text.lower().split())


# -- batches FH and FI -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("whole", ["e o 8447 inteiro no mesmo mes?", "e do 8447 todo?"])
def test_the_whole_contract_of_a_granted_part_is_refused_naming_that_part(
    generated: Dataset, rows: list[Span], whole: str
) -> None:  # noqa: F811
    part = sorted({r.client for r in rows if r.supplier == "8447"})[0]
    gestor = Scope("gestor", contracts=("8446", part))
    first, reply = ask_as(generated, gestor, f"qtas horas o {part} teve em outubro", whole)
    october = total(rows, lambda r: r.client == part and OCTOBER[0] <= r.day <= OCTOBER[1])
    assert hours(october) in first.text
    # the whole of 8447 is not his: neither its total nor his part's figure given as if it were the whole
    assert f"o contrato 8447 inteiro: você só pode consultar a parte {part}" in reply.text
    assert "h líquidas" not in reply.text


@pytest.mark.parametrize("question", ["quem do {} fez mais hora q eu", "alguem fez menos horas do que eu em outubro?"])
def test_who_did_more_than_me_is_not_my_own_total(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    question = question.format(contract)
    (mine,) = ask_as(generated, Scope("colaborador", resource_id=resource_of(rows, name)), question)
    (open_,) = ask(generated, question, user=name)
    assert mine.text == "Não posso mostrar dados de outras pessoas."
    assert open_.startswith("Ainda não sei listar quem fez mais ou menos do que você")


def test_working_days_she_left_blank(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    september = [d for d in (date(2026, 9, n) for n in range(1, 31)) if d.weekday() < 5 and d != date(2026, 9, 7)]
    worked: dict[str, set[date]] = defaultdict(set)
    for r in rows:
        worked[r.name].add(r.day)
    name = min(
        n for n in worked if "Dias" not in n.split() and set(september) - worked[n] and worked[n] & set(september)
    )
    blank = [d for d in september if d not in worked[name]]
    _, reply = ask(
        generated,
        f"a {plain(name)} lancou qnts horas em setembro?",
        "e qnts dias uteis ela deixou em branco naquele mes",
    )
    assert f"ficou sem apontar em {len(blank)} dia" in reply and all(f"{d:%d/%m}" in reply for d in blank)


def test_an_activity_and_the_total_after_the_shares_of_activities(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    october = of_contract(OCTOBER)
    split = by(rows, activity_of, october)
    smallest = min((a for a in split if a), key=lambda a: split[a])
    _, _, one, whole = ask(
        generated,
        "o que o pessoal do 8446 mais fez em outubro",
        "consegue em % ?",
        f"e qnt tempo foi so de {smallest.lower()}",
        "e qnt deu o total",
    )
    assert hours(split[smallest]) in one and "%" not in one
    assert hours(total(rows, october)) in whole and smallest not in whole


def test_an_activity_of_the_whole_contract_after_her_part(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    september = of_contract(SEPTEMBER, contract)
    split = by(rows, activity_of, september)
    activity = max((a for a in split if a), key=lambda a: split[a])
    share = f"{100 * split[activity] / total(rows, september):.1f}%".replace(".", ",")
    _, reply = ask(
        generated,
        f"qual a participacao da {plain(name)} nas horas do {contract} em setembro",
        f"e de {activity.lower()}, no contrato todo, msm mes",
    )
    assert share in reply and name not in reply


def test_a_weekday_and_its_date_said_together_are_one_period(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    monday = TODAY - timedelta(days=TODAY.weekday() + 7)
    since = total(rows, of_contract((monday, TODAY)))
    (same,) = ask(generated, f"quanto o 8446 fez desde segunda passada ({monday:%d/%m})?")
    (other,) = ask(generated, f"quanto o 8446 fez desde segunda passada, dia {(monday + timedelta(days=1)).day}?")
    assert hours(since) in same and f"{monday:%d/%m/%Y}" in same
    assert other.startswith("Entendi dois períodos")


def test_an_example_of_an_absurd_entry_is_not_a_bound(generated: Dataset) -> None:
    (example,) = ask(generated, "tem algum apontamento absurdo tipo 14h direto em outubro?")
    (plain_,) = ask(generated, "tem algum apontamento absurdo em outubro?")
    assert example == plain_ and "o limite calculado" in example


def test_a_sound_before_the_question_is_not_a_word(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask_as(
        generated, Scope("colaborador", resource_id=resource_of(rows, name)), "hmm ta. quem valida meus apontamentos?"
    )
    assert "Quem validou os apontamentos" in reply.text


@pytest.mark.parametrize(
    ("question", "bound"),
    [
        ("algum apontamento com mais de 12h em outubro?", 12),
        ("quais apontamentos passaram de 10 horas em outubro", 10),
    ],
)
def test_entries_longer_than_a_bound(generated: Dataset, rows: list[Span], question: str, bound: int) -> None:  # noqa: F811
    long = [r for r in rows if OCTOBER[0] <= r.day <= OCTOBER[1] and (r.gross or 0) > bound]
    (reply,) = ask(generated, question)
    assert reply.startswith(f"{len(long)} apontamentos longos") and f"mais de {bound},0 h brutas" in reply
    assert max(long, key=lambda r: r.gross or 0).name in reply


def test_how_much_of_it_is_an_activity_after_the_shares(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    october = of_contract(OCTOBER)
    split = by(rows, activity_of, october)
    biggest = max((a for a in split if a), key=lambda a: split[a])
    share = f"{100 * split[biggest] / total(rows, october):.1f}%".replace(".", ",")
    *_, reply = ask(generated, "o que o pessoal do 8446 mais fez em outubro", "em % pfv", f"quanto disso é {biggest}?")
    assert share in reply and reply.count("%") == 1


# -- batches FJ and FK -----------------------------------------------------------------------------------------


def test_a_technology_whatever_the_profile(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    technology = sorted({r.technology for r in rows if r.technology})[0]
    people = {r.name for r in rows if r.technology == technology and NOVEMBER[0] <= r.day <= NOVEMBER[1]}
    *_, reply = ask(
        generated,
        "qts scrum master apontaram em novembro",
        f"e o pessoal de {technology.lower()}, independente do perfil?",
    )
    assert reply.startswith(f"{len(people)} recursos com {technology}") and "validad" not in reply


def test_owing_some_after_the_days_i_missed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    missed = [d for d in OCTOBER_WORKING_DAYS if d not in {r.day for r in rows if r.name == name}]
    me = Scope("colaborador", resource_id=resource_of(rows, name))
    _, reply = ask_as(
        generated, me, "to devendo qnts dias de apontamento esse mes?", "e outubro, fiquei devendo algum?"
    )
    assert f"em {len(missed)} dia" in reply.text and "esperadas" not in reply.text


def test_why_it_is_asked_after_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = next(r.name for r in rows if r.day == YESTERDAY and "Dias" not in r.name.split())
    me = Scope("colaborador", resource_id=resource_of(rows, name))
    (reply,) = ask_as(generated, me, "que horas eu entrei ontem? acho q esqueci de bater")
    assert first_starts(rows, name, (YESTERDAY, YESTERDAY))[YESTERDAY] in reply.text


def test_a_remark_then_the_team_of_a_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask_as(generated, Scope("gestor", contracts=("8446",)), "ah verdade kkk entao do time 8446 em novembro")
    assert hours(total(rows, of_contract(NOVEMBER))) in reply.text


def test_who_is_missing_days_this_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask_as(generated, Scope("gestor", contracts=("8446",)), "quem ta faltando dia esse mes")
    assert "ficaram sem apontar" in reply.text or "ficou sem apontar" in reply.text


def test_the_team_total_after_one_persons_missed_days(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = sorted({r.name for r in rows if r.supplier == "8446" and "Dias" not in r.name.split()})[0]
    _, reply = ask_as(
        generated,
        Scope("gestor", contracts=("8446",)),
        f"a {plain(name)} faltou qnts dias esse mes?",
        "ok, e o total de horas do time na semana passada",
    )
    assert hours(total(rows, of_contract(LAST_WEEK))) in reply.text and "sem apontar" not in reply.text


@pytest.mark.parametrize(
    ("breakdown", "follow_up"),
    [
        ("qual dia da semana rende mais no 8446 em novembro?", "e o dia com mais horas do mes"),  # FK
        ("me da as horas por semana do 8446 em novembro pfv", "qual foi o dia de pico"),  # FO
    ],
)
def test_the_busiest_date_after_a_breakdown(
    generated: Dataset, rows: list[Span], breakdown: str, follow_up: str
) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, of_contract(NOVEMBER))
    best = max(days, key=lambda d: days[d])
    _, reply = ask(generated, breakdown, follow_up)
    assert f"{best:%d/%m/%Y}" in reply and hours(days[best]) in reply


def test_my_hours_of_two_months_each(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    me = Scope("colaborador", resource_id=resource_of(rows, name))
    (reply,) = ask_as(generated, me, "minhas horas de outubro e novembro por favor")
    october, november = total(rows, of(name, OCTOBER)), total(rows, of(name, NOVEMBER))
    assert hours(october) in reply.text and hours(november) in reply.text and hours(october + november) in reply.text


# -- batches FL and FM -----------------------------------------------------------------------------------------


def test_a_bare_top_after_the_activities_counted(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    counts = entries_by_activity(rows, of_contract(OCTOBER))
    top = max(counts, key=lambda a: counts[a])
    *_, reply = ask(
        generated,
        "quais atividades mais consumiram hora no 8446 em outubro",
        "e por qtd de apontamentos",
        "mostra o top 5",
    )
    assert reply.startswith("Apontamentos por atividade do contrato 8446") and "(os que mais tiveram: 5)" in reply
    assert f"{counts[top]} apontamentos" in reply.split("\n")[1]


def test_an_activity_she_never_recorded_is_not_someone_else(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    done: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        done[r.name].update(activity_of(r).split())
    everything = sorted({activity_of(r) for r in rows if r.activity})
    name, other = next(
        (n, a) for n in sorted(done) if "Dias" not in n.split() for a in everything if not set(a.split()) & done[n]
    )
    me = Scope("colaborador", resource_id=resource_of(rows, name))
    (reply,) = ask_as(generated, me, f"quanto apontei de {other} em setembro")
    assert reply.text == f"Não encontrei “{other.title()}” nos seus apontamentos."


def test_the_months_of_data_are_all_of_it(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(
        generated, f"quanto a {plain(name)} fez?", "ela chegou a trabalhar em algum feriado nesses 3 meses de dados?"
    )
    first = min(r.day for r in rows)
    assert f"de {first:%d/%m/%Y} a {TODAY:%d/%m/%Y}" in reply and "tecnologia" not in reply


@pytest.mark.parametrize("question", ["meu contrato é qual mesmo kkk", "to indo melhor q semana passada?"])
def test_short_questions_about_myself(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    (reply,) = ask_as(generated, Scope("colaborador", resource_id=resource_of(rows, name)), question)
    assert (
        (f"- {contract}" in reply.text) if "contrato" in question else ("Mesmos dias da semana passada" in reply.text)
    )


# -- batches FN and FO -----------------------------------------------------------------------------------------


def test_since_the_start_of_a_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    split = by(rows, lambda r: r.name, of_contract((OCTOBER[0], TODAY)))
    fifth = sorted(split, key=lambda n: -split[n])[4]
    (reply,) = ask(generated, "top 5 do 8446 em horas desde o comeco de outubro")
    assert f"{fifth}: {hours(split[fifth])}" in reply and f"01/10/2026 a {TODAY:%d/%m/%Y}" in reply


def test_the_activity_with_most_entries_said_in_the_singular(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    counts = entries_by_activity(rows, of_contract(NOVEMBER))
    top = max(counts, key=lambda a: counts[a])
    (reply,) = ask(generated, "qual atividade tem mais lancamento no 8446 em novembro")
    assert reply.startswith("Apontamentos por atividade") and f"{counts[top]} apontamentos" in reply.split("\n")[1]


def test_who_leads_in_hours_after_the_contracts_by_people(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    split = by(rows, lambda r: r.supplier, lambda r: NOVEMBER[0] <= r.day <= NOVEMBER[1])
    best = max(split, key=lambda c: split[c])
    _, reply = ask(generated, "quais contratos tem mais gente apontando esse mes", "e em horas quem lidera")
    assert f"{best}: {hours(split[best])}" in reply and "por pessoa" not in reply


def test_working_days_again_after_a_months_expected_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(
        generated, "quantas horas era pra eu ter feito em outubro?", "quantos dias uteis teve mesmo", user=name
    )
    assert f"há {len(OCTOBER_WORKING_DAYS)} dias úteis" in reply and "01/10/2026 a 31/10/2026" in reply


def test_me_that_week_after_a_contracts_week(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = sorted({r.name for r in rows if r.supplier == "8446" and "Dias" not in r.name.split()})[0]
    week = (date(2026, 10, 12), date(2026, 10, 18))
    gestor = Scope("gestor", resource_id=resource_of(rows, name), contracts=("8446",))
    _, reply = ask_as(generated, gestor, "semana do feriado de 12/10 quanto o 8446 apontou", "e eu nessa semana?")
    assert hours(total(rows, of(name, week))) in reply.text and "De qual contrato" not in reply.text


def test_this_one_after_last_week(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    me = Scope("colaborador", resource_id=resource_of(rows, name))
    _, reply = ask_as(generated, me, "quantas horas eu fiz semana passada", "e nessa?")
    assert hours(total(rows, of(name, THIS_WEEK))) in reply.text and f"{THIS_WEEK[0]:%d/%m/%Y}" in reply.text


def test_saying_i_only_manage_before_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    question = "ah ta, eu so gerencio mesmo. e o time do 8446 em novembro quanto deu"
    (reply,) = ask_as(generated, Scope("gestor", contracts=("8446",)), question)
    assert hours(total(rows, of_contract(NOVEMBER))) in reply.text


def test_a_person_and_the_contracts_total_after_a_share_does_not_crash(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = sorted({r.name for r in rows if r.supplier == "8446" and "Dias" not in r.name.split()})[0]
    *_, reply = ask(
        generated,
        "qnt % das horas do 8446 em outubro foi reuniao",
        f"e a parte da {plain(name)} no total do contrato",
    )
    assert "%" in reply  # it raised TypeError: a person named twice to dataclasses.replace


# -- batches FP and FQ -----------------------------------------------------------------------------------------


def test_their_gross_hours_summed_after_who_they_are(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(
        generated,
        "qts pessoas apontaram no 8446 em novembro",
        "e quem sao elas",
        "soma tudo de horas brutas deles no mes pfv",
    )
    assert hours(total(rows, of_contract(NOVEMBER), basis="gross")) in reply and "Ranking" not in reply


def test_compare_with_mine_after_a_colleague(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    names = sorted({r.name for r in rows if r.supplier == "8446" and "Dias" not in r.name.split()})
    me, colleague = names[0], names[1]
    gestor = Scope("gestor", resource_id=resource_of(rows, me), contracts=("8446",))
    _, reply = ask_as(generated, gestor, f"e o {plain(colleague)}, quanto fez em outubro?", "compara com as minhas")
    assert (
        hours(total(rows, of(me, OCTOBER))) in reply.text and hours(total(rows, of(colleague, OCTOBER))) in reply.text
    )


def test_two_months_put_side_by_side(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    me = Scope("colaborador", resource_id=resource_of(rows, name))
    (reply,) = ask_as(generated, me, "quanto eu fiz em setembro e em outubro? poe lado a lado")
    assert hours(total(rows, of(name, SEPTEMBER))) in reply.text and hours(total(rows, of(name, OCTOBER))) in reply.text


def test_how_many_of_a_contract_recorded_today(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = {r.name for r in rows if r.supplier == "8446" and r.day == TODAY}
    _, reply = ask(generated, "qual atividade mais pesou essa semana no 8446", "e hj, quantos do 8446 ja apontaram?")
    assert f"{len(people)} recursos" in reply and "atividade" not in reply.lower()


def test_which_won_in_hours_after_the_contracts_by_people(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    split = by(rows, lambda r: r.supplier, lambda r: SEPTEMBER[0] <= r.day <= SEPTEMBER[1])
    best = max(split, key=lambda c: split[c])
    _, reply = ask(generated, "qual contrato teve mais gente apontando em setembro", "e em horas, qual ganhou?")
    assert f"{best}: {hours(split[best])}" in reply


def test_since_a_day_of_this_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, f"a {plain(name)} apontou qnts horas desde o dia 3 desse mes?")
    assert hours(total(rows, of(name, (date(2026, 11, 3), TODAY)))) in reply and "03/11/2026" in reply


def test_clock_ins_asked_as_a_habit_then_each_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = next(r.name for r in rows if r.day == YESTERDAY and "Dias" not in r.name.split())
    (reply,) = ask(generated, f"me mostra a entrada da {plain(name)} em cada dia dessa semana")
    assert all(start in reply for start in first_starts(rows, name, THIS_WEEK).values()), reply


def test_another_bound_after_the_days_above_one(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days: dict[tuple[str, date], float] = defaultdict(float)
    for r in rows:
        if of_contract(LAST_WEEK)(r):
            days[(r.name, r.day)] += r.gross or 0
    above = [k for k, v in days.items() if v > 9]
    _, reply = ask(
        generated,
        "qtas vezes o pessoal do 8446 passou de 10h liquidas num dia em outubro",
        "e no 8446 passando de 9h brutas semana passada?",
    )
    assert f"({len(above)} dias no total)" in reply and "Sim:" not in reply


def test_owing_an_entry_of_some_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    missed = [d for d in OCTOBER_WORKING_DAYS if d not in {r.day for r in rows if r.name == name}]
    me = Scope("colaborador", resource_id=resource_of(rows, name))
    (reply,) = ask_as(generated, me, "oi, to devendo apontamento de algum dia em outubro??")
    assert f"em {len(missed)} dia" in reply.text and "esperadas" not in reply.text


def test_more_than_one_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    _, reply = ask(generated, f"quanto a {plain(name)} fez em outubro?", "ela tem mais de um contrato?")
    assert f"{name} apontou em 1 contrato" in reply and f"- {contract}" in reply


def test_activities_counted_by_entries_said_as_launches(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    counts = entries_by_activity(rows, of_contract(SEPTEMBER))
    top = max(counts, key=lambda a: counts[a])
    (reply,) = ask(generated, "no 8446 oq mais se fez em setembro? conta por qtd de lancamento")
    assert (
        "por número de apontamentos" in reply.split("\n")[0] and f"{counts[top]} apontamentos" in reply.split("\n")[1]
    )


def test_how_many_people_in_all_after_the_weekend_list(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = {r.name for r in rows if OCTOBER[0] <= r.day <= OCTOBER[1] and r.day.weekday() >= 5}
    _, reply = ask(generated, "quem trabalhou no fim de semana em outubro?", "qnts recursos no total")
    assert f"{len(people)} recursos" in reply


def test_do_they_work_weekends_after_the_weekdays_ranked(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    worked = {(r.name, r.day) for r in rows if r.supplier == "8446" and r.day.weekday() >= 5}
    *_, reply = ask(
        generated,
        "qual dia da semana o 8446 mais rende em horas",
        "e o q menos rende?",
        "so por curiosidade, o pessoal de la trabalha sabado/domingo?",
    )
    assert reply.startswith(f"{len(worked)} dias de trabalho em fim de semana")


def test_the_peak_after_the_days(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, of_contract(LAST_WEEK))
    best = max(days, key=lambda d: days[d])
    _, reply = ask(generated, "horas por dia do 8446 semana passada", "qual foi o pico")
    assert f"{best:%d/%m/%Y}" in reply and hours(days[best]) in reply and reply.count("\n- ") == 1


def test_her_part_of_the_contract_after_an_activitys_part(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = sorted({r.name for r in rows if r.supplier == "8446" and "Dias" not in r.name.split()})[0]
    share = f"{100 * total(rows, of(name, OCTOBER)) / total(rows, of_contract(OCTOBER)):.1f}%".replace(".", ",")
    *_, reply = ask(
        generated, "qnt % das horas do 8446 em outubro foi reuniao", f"e a parte da {plain(name)} no total do contrato"
    )
    assert share in reply and "reunião" not in reply


# -- batches FR and FS -----------------------------------------------------------------------------------------


def test_who_records_most_is_a_question_not_an_order(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "qual dia da semana o pessoal do 8446 mais lanca hora")
    assert reply.startswith("Horas líquidas por dia da semana do contrato 8446")


def test_all_the_months_of_data_after_one(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    worked = {(r.name, r.day) for r in rows if r.supplier == "8446" and r.day.weekday() >= 5}
    _, reply = ask(generated, "quem trampou em fds em setembro no 8446?", "e nos 3 meses todos de dados")
    assert reply.startswith(f"{len(worked)} dias de trabalho em fim de semana")


@pytest.mark.parametrize("follow_up", ["e o 8446?", "e o 8446 todo junto?"])
def test_a_contracts_team_after_ones_expected_hours(generated: Dataset, rows: list[Span], follow_up: str) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    team = {r.name for r in rows if of_contract(OCTOBER)(r)}
    _, reply = ask(generated, f"a {plain(name)} bateu a carga esperada em outubro?", follow_up)
    assert "168,0 h líquidas esperadas de cada pessoa" in reply and hours(total(rows, of_contract(OCTOBER))) in reply
    assert f"com {len(team)} recursos" in reply and "junho" not in reply.lower()


def test_a_gestors_team_against_the_expected_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    so_far = (NOVEMBER[0], TODAY)
    gestor = Scope("gestor", contracts=("8446",))
    for question in (
        "o 8446 ta devendo hora esse mes? esperado x realizado",
        "quanto era pra ter dado de hora o time todo esse mes, e quanto deu",
    ):
        (reply,) = ask_as(generated, gestor, question)
        assert hours(total(rows, of_contract(so_far))) in reply.text and "esperadas de cada pessoa" in reply.text


def test_list_them_and_the_average_per_head(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    split = by(rows, lambda r: r.name, of_contract(OCTOBER))
    _, listed, average = ask(generated, "qnts pessoas apontaram no 8446 em outubro", "lista ai", "e a media por cabeca")
    assert all(name in listed for name in split) and hours(sum(split.values()) / len(split)) in average


def test_without_the_money_then_the_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(
        generated,
        f"quanto custa a hora da {plain(name)} pro cliente?",
        "ok sem valor entao, quantas horas ela apontou desde o comeco",
    )
    assert hours(total(rows, lambda r: r.name == name)) in reply


def test_the_end_of_a_month_with_its_days_said(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    span = (date(2026, 8, 28), date(2026, 8, 31))
    (reply,) = ask(generated, "quanto o 8446 teve no finzinho de agosto, de 28 a 31")
    assert hours(total(rows, of_contract(span))) in reply and "28/08/2026 a 31/08/2026" in reply


def test_how_many_people_left_working_days_blank(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "e quantos dias uteis a galera do 8446 deixou em branco em outubro? quantas pessoas")
    assert "ficaram sem apontar em algum dos 21 dias úteis" in reply or "ficou sem apontar" in reply


def test_the_day_she_worked_most_after_her_weekdays(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    days = by(rows, lambda r: r.day, lambda r: r.name == name)
    best = max(days, key=lambda d: days[d])
    _, reply = ask(
        generated,
        f"a {plain(name)} costuma trabalhar mais em q dia da semana?",
        "e o dia em q ela mais trabalhou, qual foi",
    )
    assert f"{best:%d/%m/%Y}" in reply and hours(days[best]) in reply


def test_clock_ins_with_a_judgement_after(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = next(r.name for r in rows if r.day == YESTERDAY and "Dias" not in r.name.split())
    (reply,) = ask(generated, f"q horas a {plain(name)} tem chegado essa semana? ela ta entrando cedo?")
    assert all(start in reply for start in first_starts(rows, name, THIS_WEEK).values()) and "cedo" not in reply


def test_month_by_month_after_two_months_side_by_side(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first = min(r.day for r in rows)
    _, both, everything = ask(
        generated, "compara set x out do 8446 em horas liquidas", "e mes a mes?", "me da mes a mes de tudo q tem dele"
    )
    assert "de 01/09/2026 a 31/10/2026" in both and hours(total(rows, of_contract(SEPTEMBER))) in both
    assert f"de {first:%d/%m/%Y} a {TODAY:%d/%m/%Y}" in everything and "Nos dois períodos" not in everything


def test_a_share_of_entries_is_said_in_the_masculine(generated: Dataset) -> None:
    *_, reply = ask(generated, "qual atividade tem mais lancamento no 8446 em outubro", "qual o % de reuniao ali")
    assert "dos apontamentos" in reply and "das apontamentos" not in reply


# -- batches FT and FU -----------------------------------------------------------------------------------------


def test_the_champion_day_after_the_weekdays(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, of_contract((SEPTEMBER[0], TODAY)))
    best = max(days, key=lambda d: days[d])
    *_, reply = ask(
        generated,
        "em qual dia da semana o pessoal do 8446 mais lanca hora? considerando de setembro ate hoje",
        "e qual foi o dia campeao nesse periodo",
    )
    assert f"{best:%d/%m/%Y}" in reply and hours(days[best]) in reply


def test_her_gross_days_after_her_net_ones(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    gross: dict[date, float] = defaultdict(float)
    for r in rows:
        if of(name, OCTOBER)(r):
            gross[r.day] += r.gross or 0
    above = [d for d, v in gross.items() if v > 9]
    _, reply = ask(
        generated, f"em q dias a {plain(name)} passou de 9h em outubro", "e contando bruto, quais passaram de 9h"
    )
    assert f"({len(above)} dia" in reply and "brutas" in reply and "por pessoa" not in reply


def test_pending_in_general_after_an_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    pending = sum(1 for r in rows if r.name == name and not r.validated)
    me = Scope("colaborador", resource_id=resource_of(rows, name))
    _, reply = ask_as(
        generated,
        me,
        "quantos apontamentos eu fiz de reuniao em setembro?",
        "e no geral, tenho algum apontamento sem validar?",
    )
    assert f"{pending} apontamento" in reply.text and "reunião" not in reply.text


def test_the_weekday_without_the_months_filter(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    split = by(rows, lambda r: r.day.weekday(), lambda r: r.supplier == "8446")
    best = max(split, key=lambda d: split[d])
    _, reply = ask(
        generated,
        "o 8446 trabalhou no fim de semana em outubro?",
        "e no geral, sem filtro de mes, qual dia da semana eles mais apontam",
    )
    assert hours(split[best]) in reply and "Não posso" not in reply


def test_what_the_manager_said_after_a_greeting(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    me = Scope("colaborador", resource_id=resource_of(rows, name))
    (reply,) = ask_as(generated, me, "oi bot, meu gestor falou q to devendo hora em outubro, é verdade?")
    assert hours(total(rows, of(name, OCTOBER))) in reply.text and "168,0 h esperadas" in reply.text


def test_that_half_month_again(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(
        generated,
        "quem menos apontou no 8446 na primeira quinzena de novembro",
        "e quantos dias uteis teve nessa quinzena",
    )
    assert "De 01/11/2026 a 15/11/2026 há 9 dias úteis" in reply


def test_all_the_data_said_in_other_words(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    first = min(r.day for r in rows)
    _, reply = ask(
        generated,
        f"a {plain(name)} ta apontando direitinho? ve os dias q ela nao apontou desde setembro",
        "ela chegou a trabalhar em algum feriado nesse periodo todo de dados?",
    )
    assert f"de {first:%d/%m/%Y} a {TODAY:%d/%m/%Y}" in reply and "tecnologia" not in reply


# -- batches FV and FW -----------------------------------------------------------------------------------------


def test_my_contract_by_its_number_is_the_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = sorted({r.name for r in rows if r.supplier == "8446" and "Dias" not in r.name.split()})[0]
    gestor = Scope("gestor", resource_id=resource_of(rows, name), contracts=("8446",))
    _, reply = ask_as(generated, gestor, "quanto eu fiz em outubro?", "e o meu 8446 no mesmo mes")
    assert hours(total(rows, of_contract(OCTOBER))) in reply.text


def test_a_day_she_did_not_record_says_zero_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    worked = {r.day for r in rows if r.name == name}
    day = next(d for d in (TODAY - timedelta(days=n) for n in range(1, 40)) if d not in worked)
    _, reply = ask(
        generated,
        f"que horas a {plain(name)} chegou cada dia na semana passada",
        f"ela apontou alguma coisa no dia {day.day}?",
    )
    assert f"{day:%d/%m/%Y}" in reply and "0,0 h" in reply


def test_the_day_with_most_hours_after_the_weekdays(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, lambda r: r.supplier == "8446")
    best = max(days, key=lambda d: days[d])
    _, reply = ask(generated, "qual dia da semana o 8446 mais trabalha", "e o dia que mais teve hora, qual foi")
    assert f"{best:%d/%m/%Y}" in reply and hours(days[best]) in reply


def test_each_day_after_the_top_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days = by(rows, lambda r: r.day, of_contract(LAST_WEEK))
    *_, reply = ask(
        generated,
        "horas por semana do 8446 em novembro",
        "qual foi o dia com mais horas",
        "e por dia, so semana passada",
    )
    assert all(hours(v) in reply for v in days.values()) and "(o maior)" not in reply


def test_wait_then_a_question_of_its_own(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446",))
    _, reply = ask_as(
        generated, gestor, "me passa o total do 8447 em outubro tb", "peraí, quais contratos eu consigo ver aqui?"
    )
    assert "- 8446:" in reply.text and "ficou sem resposta" not in reply.text


def test_who_they_were_after_a_contracts_week(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = {r.name for r in rows if of_contract(LAST_WEEK)(r)}
    *_, reply = ask(generated, "qts recursos apontaram no 8446 na semana passada", "e horas liquidas?", "quem foram")
    assert all(name in reply for name in sorted(people)[:5]) and f"{len(people)} recursos" in reply


# -- batches FX and FY -----------------------------------------------------------------------------------------


def test_people_days_on_a_holiday_asked_in_shorthand(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    holiday = date(2026, 11, 20)
    worked = {r.name for r in rows if r.day == holiday}
    (reply,) = ask(generated, "bom dia! alguem trabalhou no feriado de 20/11?? qro saber qts pessoas-dia foram")
    assert f"{len(worked)} " in reply and "20/11/2026" in reply and "Qro" not in reply


def test_holidays_asked_with_i_forgot_after(generated: Dataset) -> None:
    (reply,) = ask(generated, "quais feriados tem entre setembro e hj msm? esqueci")
    assert "07/09/2026" in reply and "12/10/2026" in reply and "20/11/2026" in reply


def test_my_own_hours_from_a_gestor(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name = sorted({r.name for r in rows if r.supplier == "8446" and "Dias" not in r.name.split()})[0]
    gestor = Scope("gestor", resource_id=resource_of(rows, name), contracts=("8446",))
    _, reply = ask_as(
        generated, gestor, "qnts apontamentos nao validados temos?", "e meus proprios, quantas horas semana passada"
    )
    assert hours(total(rows, of(name, LAST_WEEK))) in reply.text


def test_list_who_it_was_after_the_count(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    people = {r.name for r in rows if of_contract(OCTOBER)(r)}
    _, reply = ask(generated, "qntos recursos o 8446 teve em outubro", "lista quem foi")
    assert all(name in reply for name in sorted(people)[:5])


def test_the_days_i_forgot_after_a_months_working_days(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    missed = [d for d in OCTOBER_WORKING_DAYS if d not in {r.day for r in rows if r.name == name}]
    me = Scope("colaborador", resource_id=resource_of(rows, name))
    _, reply = ask_as(generated, me, "quantos dias uteis teve outubro msm?", "quais dias eu esqueci de apontar")
    assert f"em {len(missed)} dia" in reply.text and "01/10/2026 a 31/10/2026" in reply.text


def test_saturday_slash_sunday_in_a_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    worked = {(r.name, r.day) for r in rows if OCTOBER[0] <= r.day <= OCTOBER[1] and r.day.weekday() >= 5}
    (reply,) = ask(generated, "quantas pessoas-dia trabalharam sab/dom em outubro")
    assert reply.startswith(f"{len(worked)} dias de trabalho em fim de semana de 01/10/2026 a 31/10/2026")


# -- batches FZ and GA -----------------------------------------------------------------------------------------


def test_working_days_after_holiday_work(generated: Dataset) -> None:
    *_, reply = ask(
        generated, "alguem do 8446 trabalhou em feriado em setembro?", "e qnts dias uteis tem novembro ate hoje"
    )
    assert "até hoje, de 01/11/2026" in reply and "feriado nacional do contrato" not in reply


def test_without_lunch_after_gross_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    half = (date(2026, 10, 1), date(2026, 10, 15))
    *_, reply = ask(
        generated,
        f"qnts apontamentos a {plain(name)} fez na primeira quinzena de outubro",
        "e horas brutas nesse periodo",
        "descontando almoco",
    )
    assert f"{hours(total(rows, of(name, half)))} líquidas" in reply or reply.startswith("Horas líquidas")
    assert hours(total(rows, of(name, half))) in reply


def test_everything_i_see_from_a_gestor_without_entries(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446", "8447"))
    (reply,) = ask_as(generated, gestor, "total de horas de tudo q eu vejo em novembro")
    seen = total(rows, lambda r: r.supplier in ("8446", "8447") and NOVEMBER[0] <= r.day <= NOVEMBER[1])
    assert hours(seen) in reply.text


def test_a_level_without_the_profile_filter(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(
        generated,
        "qnts pessoas de arquiteto de solucoes apontaram em novembro?",
        "e nivel junior, no geral, sem filtrar perfil",
    )
    assert "com júnior" in reply and "arquiteto" not in reply.split("\n")[0].lower()


def test_thanks_in_advance_after_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(
        generated, "queria saber quantas horas o pessoal do 8446 lancou em outubro, se puder me ajudar agradeco"
    )
    assert hours(total(rows, of_contract(OCTOBER))) in reply
