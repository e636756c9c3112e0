"""Shapes batches EF and EG showed: "me dá um ranking…, top 5" (one ranking, five rows), people ranked "considerando
todos os contratos", two months "separado", the day someone worked most after their pending entries, "tinha q ter
feito nele vs o q ela realmente fez", "e se considerar hora bruta?", "nessa conta" and "valeu, era isso".

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import ask, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_periods_lists import OCTOBER, of_contract, one_contract_person
from .test_shapes_returning import of

SEPTEMBER = (date(2026, 9, 1), date(2026, 9, 30))


def test_one_ranking_of_five(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "me da um ranking dos contratos em outubro, top 5")
    ranked = sorted({r.supplier for r in rows}, key=lambda c: -total(rows, of_contract(OCTOBER, c)))
    assert all(f"{c}: {hours(total(rows, of_contract(OCTOBER, c)))}" in reply for c in ranked[:5])
    assert ranked[5] not in reply


def test_people_ranked_over_every_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "top 3 pessoas com mais horas em outubro considerando todos os contratos")
    in_october = [r for r in rows if OCTOBER[0] <= r.day <= OCTOBER[1]]
    best = max({r.name for r in in_october}, key=lambda n: total(in_october, lambda r, n=n: r.name == n))
    assert best in reply and "Contratos por" not in reply


def test_two_months_separately(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, f"horas da {plain(name)} em setembro e outubro, separado")
    assert hours(total(rows, of(name, SEPTEMBER))) in reply and hours(total(rows, of(name, OCTOBER))) in reply


def test_the_day_worked_most_after_pending_entries(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, f"a {plain(name)} tem apontamentos nao validados?", "qual foi o dia q ela mais trabalhou")
    days: dict[date, float] = defaultdict(float)
    for r in rows:
        if r.name == name:
            days[r.day] += total([r], lambda _: True)
    best = max(days, key=days.__getitem__)
    assert f"{best:%d/%m/%Y}" in reply and "não validados" not in reply


def test_expected_against_done_in_the_month_talked_about(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(
        generated,
        "qtos dias uteis teve em outubro?",
        f"e qnt hora a {plain(name)} tinha q ter feito nele vs o q ela realmente fez",
    )
    assert "168,0 h esperadas" in reply and hours(total(rows, of(name, OCTOBER))) in reply


def test_the_same_bound_in_gross_hours(generated: Dataset) -> None:
    _, reply = ask(
        generated, "qntas pessoas do 8446 passaram de 10h num dia em setembro", "e se considerar hora bruta?"
    )
    assert "10,0 h brutas" in reply


def test_the_holidays_in_that_count(generated: Dataset) -> None:
    _, reply = ask(generated, "qtos dias uteis teve em outubro?", "quais feriados entraram nessa conta")
    assert "12/10/2026" in reply and "02/11/2026" not in reply


def test_that_was_it_is_thanks(generated: Dataset) -> None:
    _, reply = ask(generated, "horas do 8446 em setembro", "valeu, era isso")
    assert "Por nada" in reply


def test_a_month_day_by_day_lists_every_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "quanto o 8446 fez em outubro", "me mostra dia a dia")
    days = {r.day for r in rows if of_contract(OCTOBER)(r)}
    assert len(days) > 15 and all(f"{d:%d/%m/%Y}" in reply for d in days) and "e mais" not in reply


def test_weekend_days_of_two_months(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "qntos dias de fds o pessoal do 8446 trabalhou em setembro e em outubro")
    for span in (SEPTEMBER, OCTOBER):
        worked = {(r.name, r.day) for r in rows if of_contract(span)(r) and r.day.weekday() >= 5}
        assert f"{len(worked)} dias de trabalho em fim de semana" in reply or f"{len(worked)} dia de trabalho" in reply


def test_the_client_contracts_of_a_contract(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "quais os contratos cliente do 8446?")
    clients = {r.client for r in rows if r.supplier == "8446"}
    assert clients and all(c in reply for c in clients) and "Não" not in reply


def test_each_one_after_a_message_not_understood(generated: Dataset) -> None:
    _, reply = ask(generated, "a vibe do time ta boa?", "quanto cada um fez em setembro")
    assert " h\n" not in reply and "anterior" in reply


def test_asking_whether_the_bot_works_is_help(generated: Dataset) -> None:
    (reply,) = ask(generated, "vc funciona no fim de semana tb? kkk")
    assert reply.startswith("Posso responder") and "fim de semana de" not in reply


def test_how_many_people_typed_short(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "qnt gente apontou no 8446 em outubro")
    assert f"{len({r.name for r in rows if of_contract(OCTOBER)(r)})} recursos" in reply and "Horas:" not in reply


def test_what_there_was_to_be(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, "quanto eu fiz em outubro", "e qnts eram pra ter?", user=name)
    assert "168,0 h esperadas" in reply


def test_the_day_of_the_month_after_the_weekdays(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "em outubro qual dia da semana o 8446 mais apontou?", "e qual dia do mes teve mais hora")
    days: dict[date, float] = defaultdict(float)
    for r in rows:
        if of_contract(OCTOBER)(r):
            days[r.day] += total([r], lambda _: True)
    best = max(days, key=days.__getitem__)
    assert f"{best:%d/%m/%Y}" in reply and hours(days[best]) in reply


def test_a_week_and_a_month_said_in_one_word(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, week, month = ask(generated, "horas hj", "semana", "mes", user=name)
    this_week = (date(2026, 11, 23), date(2026, 11, 25))
    assert hours(total(rows, of(name, this_week))) in week
    assert hours(total(rows, of(name, (date(2026, 11, 1), date(2026, 11, 25))))) in month


def test_a_state_question_about_the_person_talked_about(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    _, reply = ask(generated, f"qts horas a {plain(name)} apontou em outubro", "tem algo sem saida?")
    open_ones = sum(1 for r in rows if r.name == name and r.end is None)
    assert (name in reply or open_ones == 0) and "os 100 mais recentes" not in reply
