"""Shapes batches DJ and DK showed: an activity over every contract, "depois do dia 10" (the 10th left out), "e na
segunda quinzena" after October's first, two client contracts then "qual dos dois", "no total, desde o início"
after two contracts side by side, "quantos apontamentos cada um" after two people, newcomers' words ("não bateram
o ponto", "dia útil sem lançamento", "ficou sem a saída", "começou que horas"), "eu queria saber do contrato…",
"devs java", and the people who did an activity beside its hours.

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
from .test_shapes_periods_lists import LAST_WEEK, NOVEMBER, OCTOBER, of_contract, within

TODAY = NOVEMBER[1]
YESTERDAY = (date(2026, 11, 24), date(2026, 11, 24))
AFTER_THE_10TH = (date(2026, 11, 11), TODAY)


def of_activity(word: str, span: tuple[date, date], contract: str | None = None) -> object:
    return lambda r: (
        word in plain(r.activity).split() and span[0] <= r.day <= span[1] and contract in (None, r.supplier)
    )


def two_clients(rows: list[Span]) -> tuple[str, str, str]:
    """A supplier contract and two of its client contracts."""
    clients: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        clients[r.supplier].add(r.client)
    supplier = sorted(s for s, c in clients.items() if len(c) >= 2)[0]
    first, second = sorted(clients[supplier])[:2]
    return supplier, first, second


def someone_with_open_entries(rows: list[Span]) -> tuple[str, int]:
    """A person with entries left without an exit (their id), and how many."""
    open_by: dict[str, int] = defaultdict(int)
    for r in rows:
        if r.end is None:
            open_by[r.resource_id] += 1
    me = sorted(open_by)[0]
    return me, open_by[me]


def people(rows: list[Span], keep: object) -> set[str]:
    return {r.name for r in rows if keep(r)}  # type: ignore[operator]


@pytest.mark.parametrize(
    "question",
    [
        "quanto tempo foi gasto com reuniao de alinhamento semana passada, geral, todos contratos",
        "horas de reuniao de alinhamento semana passada em todos os contratos",
    ],
)
def test_an_activity_over_every_contract(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    (reply,) = ask(generated, question)
    assert f"{hours(total(rows, of_activity('alinhamento', LAST_WEEK)))} no total" in reply


@pytest.mark.parametrize(
    "question",
    [
        "horas do 8446 depois do dia 10 de novembro ate hoje",
        "quantas horas o 8446 teve depois do dia 10/11",
        "e ai, horas do contrato 8446 apos o dia 10/11?",
    ],
)
def test_after_a_day_leaves_it_out(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    (reply,) = ask(generated, question)
    assert hours(total(rows, of_contract(AFTER_THE_10TH))) in reply and "11/11/2026" in reply


def test_after_a_month_starts_the_next(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "horas do 8446 apos outubro")
    assert hours(total(rows, of_contract(NOVEMBER))) in reply


@pytest.mark.parametrize(
    ("first", "then", "span"),
    [
        ("primeira quinzena de outubro", "e na segunda quinzena", (date(2026, 10, 16), date(2026, 10, 31))),
        ("segunda quinzena de outubro", "e a primeira quinzena?", (date(2026, 10, 1), date(2026, 10, 15))),
    ],
)
def test_the_other_fortnight_of_the_month_talked_about(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    first: str,
    then: str,
    span: tuple[date, date],
) -> None:
    _, reply = ask(generated, f"horas do 8446 na {first}", then)
    assert hours(total(rows, of_contract(span))) in reply


@pytest.mark.parametrize("which", ["qual dos dois teve mais gente apontando?", "qual deles teve mais pessoas?"])
def test_which_of_two_client_contracts(generated: Dataset, rows: list[Span], which: str) -> None:  # noqa: F811
    _, first, second = two_clients(rows)
    *_, reply = ask(generated, f"me passa o {first} em outubro", f"e o {second}?", which)
    for client in (first, second):
        count = len(people(rows, lambda r, c=client: r.client == c and OCTOBER[0] <= r.day <= OCTOBER[1]))
        assert f"{client}: {count} recurso" in reply


def test_the_top_person_of_a_client_contract_compared_before(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, first, second = two_clients(rows)
    totals: dict[str, float] = defaultdict(float)
    for r in rows:
        if r.client == second and NOVEMBER[0] <= r.day <= NOVEMBER[1]:
            totals[r.name] += r.net or 0
    top = max(totals, key=lambda n: totals[n])
    *_, reply = ask(
        generated, f"qnt horas no {first} e no {second} em novembro, separado", f"quem mais apontou no {second}"
    )
    assert f"{top}: {hours(totals[top])}" in reply


@pytest.mark.parametrize("then", ["e no total, desde o inicio dos dados?", "e no periodo todo, desde o começo?"])
def test_all_the_data_after_two_contracts_side_by_side(generated: Dataset, rows: list[Span], then: str) -> None:  # noqa: F811
    _, reply = ask(generated, "qual contrato teve mais horas em outubro, 8446 ou 8447?", then)
    for contract in ("8446", "8447"):
        assert hours(total(rows, lambda r, c=contract: r.supplier == c)) in reply
    both = total(rows, lambda r: r.supplier in ("8446", "8447"))
    assert hours(both) not in reply  # side by side, not summed


def test_people_of_each_contract_after_a_comparison(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(
        generated, "qual contrato teve mais horas em outubro, 8446 ou 8447?", "e qntas pessoas cada um teve"
    )
    for contract in ("8446", "8447"):
        assert f"{len(people(rows, of_contract(OCTOBER, contract)))} recursos" in reply


@pytest.mark.parametrize(
    ("then", "measure"),
    [("quantos apontamentos cada um", "entries"), ("e a media de horas por dia de cada um", "per day")],
)
def test_each_of_two_people_after_they_were_compared(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    then: str,
    measure: str,
) -> None:
    names = sorted({r.name for r in rows if r.supplier == "8447" and "Dias" not in r.name.split()})[:2]
    *_, reply = ask(generated, f"o {names[0]} ou o {names[1]} fez mais em outubro?", then)
    lines = [line for line in reply.splitlines() if line.startswith("- ")]
    assert len(lines) == 2  # the two of them, not everyone
    for name in names:
        mine = [r for r in rows if r.name == name and OCTOBER[0] <= r.day <= OCTOBER[1]]
        if measure == "entries":
            assert f"{name}: {len(mine)} apontamentos" in reply
        else:
            assert f"{name}: {hours(sum(r.net or 0 for r in mine) / len({r.day for r in mine}))}" in reply


@pytest.mark.parametrize(
    ("newcomer", "usual"),
    [
        ("quantos do 8446 nao bateram o ponto ontem", "quantos do 8446 nao apontaram ontem"),
        ("oi bot quero saber quem do 8446 nao bateu o ponto ontem", "quem do 8446 nao apontou ontem"),
        (
            "quantos tem dia util sem lancamento esse mes no 8446?",
            "quantas pessoas do 8446 ficaram sem apontar algum dia esse mes",
        ),
        (
            "e quantos do 8446 deixaram algum dia util sem registro esse mes",
            "quantas pessoas do 8446 ficaram sem apontar algum dia esse mes",
        ),
    ],
)
def test_newcomers_words_for_missing_entries(generated: Dataset, newcomer: str, usual: str) -> None:
    (reply,) = ask(generated, newcomer)
    (expected,) = ask(generated, usual)
    assert reply == expected and "sem saída" not in reply.split("\n")[0] and "dias úteis (segunda" not in reply


@pytest.mark.parametrize("then", ["ele comecou que horas hj", "e ele chegou q horas hoje", "ele entrou que horas hj"])
def test_the_time_asked_after_the_verb(generated: Dataset, rows: list[Span], then: str) -> None:  # noqa: F811
    today = [r for r in rows if r.day == TODAY]
    counts: dict[str, int] = defaultdict(int)
    for r in today:
        counts[r.name] += 1
    name = sorted(n for n, c in counts.items() if c == 1 and "Dias" not in n.split())[0]
    start = next(r.start for r in today if r.name == name)
    _, reply = ask(generated, f"qtd de horas do {name} hj", then)
    assert f"{start:%H:%M}" in reply


@pytest.mark.parametrize(
    "question",
    [
        "tem algum lancamento meu que ficou sem a saida? em qualquer data",
        "algum registro meu ficou sem o registro de saida?",
    ],
)
def test_my_entries_left_without_the_exit(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    me, count = someone_with_open_entries(rows)
    (reply,) = ask_as(generated, Scope("colaborador", resource_id=me), question)
    assert f"{count} apontamento" in reply.text.split("\n")[0] and "sem saída" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "eu queria saber do contrato 8446 quantas horas teve em outubro",
        "entao eu preciso saber quantas horas o 8446 fez em outubro",
    ],
)
def test_who_wants_to_know_is_not_whose_hours(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    (reply,) = ask(generated, question, user="Alguém Sem Apontamentos")
    assert hours(total(rows, of_contract(OCTOBER))) in reply


def test_devs_of_a_technology_are_its_people(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    latest: dict[str, Span] = {}
    for r in sorted(rows, key=lambda r: r.start):
        latest[r.name] = r  # the most recent role of each
    week = people(rows, within(LAST_WEEK))
    technology = sorted({r.technology for r in rows if r.technology})[0]
    count = sum(1 for name in week if latest[name].technology == technology)
    (reply,) = ask(generated, f"quantos devs {plain(technology)} apontaram semana passada")
    assert f"{count} recurso" in reply


def test_an_activity_shows_who_did_it_beside_its_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "contrato 8446 em outubro, quantas pessoas e quantas horas", "so de code review")
    keep = of_activity("review", OCTOBER, "8446")
    assert hours(total(rows, keep)) in reply and f"{len(people(rows, keep))} recursos" in reply


def test_how_many_people_after_who_did_an_activity(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    keep = of_activity("suporte", AFTER_THE_10TH, "8446")
    *_, reply = ask(
        generated,
        "quantas horas de suporte ao usuario teve no 8446 depois do dia 10 de novembro",
        "e qual pessoa fez mais",
        "quantas pessoas fizeram suporte nesse periodo",
    )
    assert f"{len(people(rows, keep))} recursos" in reply and "\n" not in reply


def test_the_busiest_date_after_the_busiest_weekday(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    days: dict[date, float] = defaultdict(float)
    for r in rows:
        if r.supplier == "8446" and OCTOBER[0] <= r.day <= OCTOBER[1]:
            days[r.day] += r.net or 0
    best = max(days, key=lambda d: days[d])
    _, reply = ask(
        generated, "qual dia da semana o pessoal do 8446 mais aponta?", "e qual foi o dia com mais horas em outubro"
    )
    assert f"{best:%d/%m/%Y}" in reply and hours(days[best]) in reply


@pytest.mark.parametrize(
    "question", ["quanto vou receber esse mes com as horas que fiz", "e quanto eu ganho por hora nesse contrato"]
)
def test_pay_is_not_in_the_data(generated: Dataset, question: str) -> None:
    (reply,) = ask(generated, question)
    assert "Salários" in reply and " h " not in reply


def test_a_day_off_of_one_person_says_zero_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    holiday = date(2026, 10, 12)
    name = sorted({r.name for r in rows if r.day.month == 10} - {r.name for r in rows if r.day == holiday})[0]
    (reply,) = ask(generated, f"o {name} registrou horas no feriado de 12 de outubro? quantas")
    assert "0,0 h" in reply and "ninguém" not in reply


@pytest.mark.parametrize(
    ("question", "then"),
    [
        ("me responde numa linha so: horas do 8446 de hj", None),
        ("quantas horas o 8446 fez em outubro", "ok, ent quanto ele fez em setembro"),
    ],
)
def test_how_to_answer_and_shorthand_are_not_the_question(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
    then: str | None,
) -> None:
    replies = ask(generated, question, *([then] if then else []))
    if then is None:
        assert hours(total(rows, of_contract((TODAY, TODAY)))) in replies[0]
    else:
        assert hours(total(rows, of_contract((date(2026, 9, 1), date(2026, 9, 30))))) in replies[-1]


def test_a_share_after_an_average_is_a_share_of_the_hours(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    *_, reply = ask(
        generated,
        "horas por semana do 8446 em outubro",
        "media por pessoa no mesmo periodo",
        "e qnts % foi code review",
    )
    part, whole = total(rows, of_activity("review", OCTOBER, "8446")), total(rows, of_contract(OCTOBER))
    assert f"{hours(part)} de {hours(whole)}" in reply
