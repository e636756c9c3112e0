"""Shapes batches EX and EY showed: a director writing in full sentences. A summary with its figures listed after a
colon ("um breve resumo do 8446 em outubro: o total de horas e quantos profissionais registraram horas"), "… e se
deixei algum dia útil sem apontamento?", "solicito um comparativo das horas do 8446 entre setembro e outubro" (read
as the span of both), a worry before the question ("Preocupa-me o volume de horas extras. Quantas pessoas…", read
as overtime), "quem mais contribuiu para esse total?", "no mesmo mês", "e da equipe toda do 8446" after someone's
average, "teve trabalho em fim de semana tb?", "e as brutas dela" after her missing days, and "top 5" after a
message that asked two things.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import ask, by, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_periods_lists import OCTOBER, SEPTEMBER, of_contract, one_contract_person
from .test_shapes_reports import as_gestor
from .test_shapes_returning import of

LAST_WEEK = (date(2026, 11, 16), date(2026, 11, 22))


def test_a_summary_with_its_figures_listed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(
        generated,
        "Bom dia. Gostaria de um breve resumo do contrato 8446 referente ao mês de outubro: o total de horas "
        "apontadas e quantos profissionais registraram horas.",
    )
    assert hours(total(rows, of_contract(OCTOBER))) in reply
    assert f"{len({r.name for r in rows if of_contract(OCTOBER)(r)})} recursos" in reply


def test_hours_and_whether_a_day_was_missed(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(
        generated,
        "Boa tarde. Poderia me informar quantas horas eu registrei na semana passada e se deixei algum dia útil "
        "sem apontamento?",
        user=name,
    )
    assert hours(total(rows, of(name, LAST_WEEK))) in reply and "dias úteis" in reply


def test_a_comparison_between_two_months_is_side_by_side(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "Solicito um comparativo das horas do contrato 8446 entre setembro e outubro.")
    assert all(hours(total(rows, of_contract(span))) in reply for span in (SEPTEMBER, OCTOBER))


def test_a_worry_before_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(
        generated,
        "Preocupa-me o volume de horas extras. Quantas pessoas ultrapassaram 10 horas em um único dia em outubro?",
    )
    days: dict[tuple[str, date], float] = defaultdict(float)
    for r in rows:
        if OCTOBER[0] <= r.day <= OCTOBER[1]:
            days[(r.name, r.day)] += r.net or 0
    assert f"{len({name for (name, _), h in days.items() if h > 10})} recursos" in reply


def test_who_contributed_most(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(
        generated, "Qual foi o total de horas no contrato 8446 em outubro, e quem mais contribuiu para esse total?"
    )
    split = by(rows, lambda r: r.name, of_contract(OCTOBER))
    leader = max(split, key=lambda n: split[n])
    assert hours(total(rows, of_contract(OCTOBER))) in reply and f"{leader}: {hours(split[leader])}" in reply


def test_another_contract_in_the_same_month(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "horas do 8446 em outubro", "E o 7873 no mesmo mês: horas e número de pessoas.")
    assert hours(total(rows, of_contract(OCTOBER, "7873"))) in reply


def test_the_whole_team_after_someones_average(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, contract = one_contract_person(rows)
    _, reply = ask(generated, f"media diaria da {plain(name)} em outubro", f"e da equipe toda do {contract}")
    kept = [r for r in rows if of_contract(OCTOBER, contract)(r)]
    per_day = total(kept, lambda _: True) / len({(r.name, r.day) for r in kept})
    assert hours(per_day) in reply and "dia trabalhado" in reply


def test_weekend_work_too_keeps_the_talk(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "horas do 8446 em outubro", "teve trabalho em fim de semana tb?")
    weekend = {(r.name, r.day) for r in rows if of_contract(OCTOBER)(r) and r.day.isoweekday() >= 6}
    said = f"{len(weekend)} dia{'s' if len(weekend) != 1 else ''} de trabalho"
    assert said in reply and "01/10/2026" in reply


def test_her_gross_hours_after_her_missing_days(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, f"a {plain(name)} ficou sem apontar algum dia em outubro?", "e as brutas dela no mes")
    assert hours(total(rows, of(name, OCTOBER), basis="gross")) in reply


def test_top_five_after_two_questions_in_one_message(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(
        generated,
        "Quais contratos tiveram mais pessoas apontando em setembro? E quantos contratos tiveram algum apontamento?",
        "top 5",
    )
    people: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if SEPTEMBER[0] <= r.day <= SEPTEMBER[1]:
            people[r.supplier].add(r.name)
    fifth = sorted(people, key=lambda c: (-len(people[c]), c))[4]
    assert f"{len(people[fifth])} recursos" in reply and "recursos" in reply.splitlines()[1]


# -- batches EZ and FA --------------------------------------------------------------------------------------------


def test_his_complete_breakdown_after_one_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, f"quanto de reuniao a {plain(name)} fez em outubro?", "manda o breakdown completo dela")
    split = by(rows, lambda r: " ".join(plain(r.activity).split()), of(name, OCTOBER))
    top = max((a for a in split if a), key=lambda a: split[a])
    assert f": {hours(split[top])}" in reply and "por atividade" in reply


def test_plural_weekdays_without_an_article(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "sextas feiras de outubro qnts horas deu no total no 8446")
    assert hours(total(rows, lambda r: of_contract(OCTOBER)(r) and r.day.isoweekday() == 5)) in reply


def test_the_last_days_of_a_month_are_asked_back(generated: Dataset) -> None:
    _, reply = ask(generated, "horas do 8446 em outubro", "e nos ultimos dias de setembro")
    assert "quais dias" in reply and "h líquidas" not in reply


# -- batches FB and FC --------------------------------------------------------------------------------------------


def test_give_me_some_of_the_ranking(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "quem apontou menos no 8446 em setembro? me da uns 5")
    split = by(rows, lambda r: r.name, of_contract(SEPTEMBER))
    fifth = sorted(split, key=lambda n: split[n])[4]
    assert f"{fifth}: {hours(split[fifth])}" in reply


def test_the_days_he_actually_worked(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(
        generated, f"a {plain(name)} ficou sem apontar algum dia em outubro?", "e dias que ela trabalhou de fato"
    )
    assert f"{len({r.day for r in rows if of(name, OCTOBER)(r)})} dias" in reply


def test_the_people_ranked_after_the_weeks(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "horas do 8446 por semana em outubro", "ranking do pessoal de la no mes")
    split = by(rows, lambda r: r.name, of_contract(OCTOBER))
    leader = max(split, key=lambda n: split[n])
    assert f"{leader}: {hours(split[leader])}" in reply and "semana de" not in reply


def test_the_average_per_day_after_the_strongest_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, _, reply = ask(
        generated,
        f"horas por mes da {plain(name)}",
        "qual foi o dia q ela mais trabalhou",
        "e media por dia trabalhado",
    )
    kept = [r for r in rows if r.name == name]
    assert hours(total(kept, lambda _: True) / len({r.day for r in kept})) in reply


# -- batches FD and FE --------------------------------------------------------------------------------------------


def test_slang_and_a_reason_before_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(
        generated,
        "oi td bem? preciso fechar um relatorio aqui e queria saber o seguinte, do contrato 8446 no mes de setembro "
        "inteiro quanto foi de hora de treinamento",
    )
    assert hours(total(rows, lambda r: of_contract(SEPTEMBER)(r) and "treinamento" in plain(r.activity))) in reply
    (rolled,) = ask(generated, "quantas horas de reuniao rolaram no 8446 em outubro")
    assert hours(total(rows, lambda r: of_contract(OCTOBER)(r) and "reuni" in plain(r.activity))) in rolled


def test_how_many_entries_after_the_contracts_ranked(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "qual contrato teve mais horas em outubro?", "e qnts apontamentos foram no total?")
    count = sum(1 for r in rows if OCTOBER[0] <= r.day <= OCTOBER[1])
    assert f"{count:,} apontamentos".replace(",", ".") in reply


def test_the_five_contracts_at_the_other_end(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "qual contrato teve mais horas em outubro?", "agora os 5 com menos horas")
    split = by(rows, lambda r: r.supplier, lambda r: OCTOBER[0] <= r.day <= OCTOBER[1])
    fifth = sorted(split, key=lambda c: split[c])[4]
    assert f"{fifth}: {hours(split[fifth])}" in reply


def test_looking_at_the_whole_base(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(
        generated, f"horas da {plain(name)} em outubro", "olhando a base toda, em q dia da semana ela mais trabalha"
    )
    days = defaultdict(float)
    for r in rows:
        if r.name == name:
            days[r.day.isoweekday()] += r.net or 0
    assert hours(max(days.values())) in reply


def test_a_question_after_a_contract_out_of_scope_is_refused_with_it(generated: Dataset) -> None:
    # a gestor of the 8446: "e o 7873? qnto deu em setembro" is about the 7873, so nothing of his own is given
    _, reply = as_gestor(generated, ("8446",), "horas do 8446 em outubro", "e o 7873? qnto deu em setembro")
    assert "não está entre os que você pode consultar" in reply and "h líquidas" not in reply
    assert "\n\n" not in reply  # the second question is not answered on its own, for the contract he has
