"""Shapes batches DT and DU showed: "… ou é impressão minha", last week against the one before, the week of a
holiday, "apontamento anormal", "? sumiu" after a question about a last day, "o 8446 todo" (not "o ano de 2025
todo"), "qual dia eu mais trabalhei" after a count, the whole supplier contract after one of its client parts,
and "a semana toda" after a day of another week.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from apontamentos.dataset import Dataset
from apontamentos.scope import Scope

from ..expected import Span
from .test_composition_shapes import ask, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_gestor import ask as ask_as
from .test_shapes_periods_lists import LAST_WEEK, NOVEMBER, OCTOBER, WEEK_BEFORE, of_contract, one_contract_person
from .test_shapes_returning import of

THIS_WEEK_SO_FAR = (date(2026, 11, 23), NOVEMBER[1])
SAME_DAYS_LAST_WEEK = (date(2026, 11, 16), date(2026, 11, 18))


def test_a_doubt_about_this_week(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    everyone, contract = ask(generated, "essa semana ta mais fraca q a passada ou é impressao minha", "e so no 8446?")
    assert hours(total(rows, lambda r: THIS_WEEK_SO_FAR[0] <= r.day <= THIS_WEEK_SO_FAR[1])) in everyone
    assert hours(total(rows, of_contract(SAME_DAYS_LAST_WEEK))) in contract
    assert hours(total(rows, of_contract(THIS_WEEK_SO_FAR))) in contract


def test_last_week_against_the_one_before(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, f"compara a {plain(name)} semana passada e retrasada")
    assert hours(total(rows, of(name, LAST_WEEK))) in reply and hours(total(rows, of(name, WEEK_BEFORE))) in reply


def test_the_week_of_a_holiday(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "horas do 8446 por semana em novembro", "e a semana do feriado de 02/11, qnt deu")
    assert hours(total(rows, of_contract((date(2026, 11, 2), date(2026, 11, 8))))) in reply


def test_an_abnormal_entry_is_an_unusually_long_one(generated: Dataset) -> None:
    (reply,) = ask(generated, "tem algum apontamento anormal esse mes? tipo muito longo")
    assert "muito long" in reply and "Resumo" not in reply


def test_why_it_is_asked_after_a_last_day(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    last = max(r.day for r in rows if r.name == name)
    (reply,) = ask(generated, f"qual foi o ultimo dia q a {plain(name)} apontou? sumiu")
    assert f"{last:%d/%m/%Y}" in reply and "Desde quando" not in reply


def test_a_whole_contract_in_the_period_talked_about(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    gestor = Scope("gestor", contracts=("8446",))
    _, whole, people = ask_as(
        generated, gestor, "qnts horas eu tenho esse mes", "ah sim, e o 8446 todo?", "quantas pessoas apontaram"
    )
    assert hours(total(rows, of_contract(NOVEMBER))) in whole.text
    assert f"{len({r.name for r in rows if of_contract(NOVEMBER)(r)})} recursos" in people.text
    _, year = ask(generated, "qnts horas a equipe apontou em janeiro de 2026?", "e no ano de 2025 todo?")
    assert "contrato 2025" not in year


def test_the_day_i_worked_most_after_a_count(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    me = Scope("colaborador", resource_id=next(r.resource_id for r in rows if r.name == name))
    days: dict[date, float] = defaultdict(float)
    for r in rows:
        if of(name, NOVEMBER)(r):  # type: ignore[operator]
            days[r.day] += r.net or 0
    best = max(days, key=lambda d: days[d])
    *_, reply = ask_as(
        generated, me, "quantos apontamentos eu tenho esse mes?", "qual dia eu mais trabalhei nesse periodo"
    )
    assert f"{best:%d/%m/%Y}" in reply.text and hours(days[best]) in reply.text


def test_the_whole_supplier_contract_after_one_client_part(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    clients: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        clients[r.supplier].add(r.client)
    supplier = sorted(s for s, c in clients.items() if len(c) >= 2)[0]
    client = sorted(clients[supplier])[0]
    _, reply = ask(generated, f"quanto foi apontado no {client} em outubro", "e o contrato todo?")
    assert hours(total(rows, of_contract(OCTOBER, supplier))) in reply


def test_the_whole_week_of_a_day_talked_about(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    day = min(r.day for r in rows if of(name, LAST_WEEK)(r))  # type: ignore[operator]
    _, reply = ask(generated, f"quanto o {plain(name)} fez em {day:%d/%m}", "e qnt ele fez na semana toda")
    assert hours(total(rows, of(name, LAST_WEEK))) in reply
