"""Shapes that fresh eval batches (G, H) answered with another question's figure: shorthand periods, totals
and follow-ups that name something new, month lists, calendar months, and what a conversation carries.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

import holidays
import pytest

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import (
    CONTRACT,
    FIGURE,
    MONTHS,
    OCTOBER,
    TODAY,
    WEEKDAYS,
    activity_has,
    ask,
    by,
    day,
    hours,
    in_contract,
    in_october,
    total,
)
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)

OCTOBER_START = OCTOBER[0]
LAST_WEEK = (TODAY - timedelta(days=TODAY.weekday() + 7), TODAY - timedelta(days=TODAY.weekday() + 1))
THIS_WEEK = (TODAY - timedelta(days=TODAY.weekday()), TODAY)


def within(period: tuple[date, date]) -> Any:
    return lambda r: period[0] <= r.day <= period[1]


@pytest.fixture(scope="module")
def person(rows: list[Span]) -> str:  # noqa: F811
    """Someone of the contract with entries in October and last week (the busiest, so figures are not zero)."""
    counts = Counter(r.name for r in rows if in_contract(r) and in_october(r))
    return counts.most_common(1)[0][0]


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("horas do 8446 sem passada", LAST_WEEK),
        ("qnt o 8446 fez na sem passada?", LAST_WEEK),
        ("quanto o 8446 apontou essa sem", THIS_WEEK),
        ("horas do 8446 nessa sem?", THIS_WEEK),
    ],
)
def test_sem_is_shorthand_for_week(generated: Dataset, rows: list[Span], question: str, period: Any) -> None:  # noqa: F811
    (reply,) = ask(generated, question)
    assert hours(total(rows, lambda r: in_contract(r) and within(period)(r))) in reply
    assert day(period[0]) in reply


@pytest.mark.parametrize("question", ["quem esta sem saida hoje?", "quem ficou sem apontar essa semana?"])
def test_sem_as_without_stays(generated: Dataset, question: str) -> None:
    (reply,) = ask(generated, question)
    assert "Entendi dois períodos" not in reply and day(THIS_WEEK[0] if "semana" in question else TODAY) in reply


@pytest.mark.parametrize("ack", ["ok e o 8447?", "blz, e o 8447?", "valeu, e o 8447?", "ok e no 8447?"])
def test_a_question_after_an_acknowledgement(generated: Dataset, rows: list[Span], ack: str) -> None:  # noqa: F811
    replies = ask(generated, "horas do 8446 em outubro", ack)
    assert hours(total(rows, lambda r: r.supplier == "8447" and in_october(r))) in replies[1]


@pytest.mark.parametrize("thanks", ["valeu", "ok obrigado", "blz"])
def test_thanks_alone_is_still_thanks(generated: Dataset, thanks: str) -> None:
    replies = ask(generated, "horas do 8446 em outubro", thanks)
    assert not FIGURE.search(replies[1])


@pytest.mark.parametrize(
    "follow_up",
    [
        "e quantas horas de treinamento o contrato teve no total?",
        "e no total de treinamento?",
        "e o total de treinamento?",
    ],
)
def test_a_total_that_names_another_activity(generated: Dataset, rows: list[Span], follow_up: str) -> None:  # noqa: F811
    replies = ask(generated, "quem fez mais horas de suporte no 8446?", follow_up)
    assert hours(total(rows, lambda r: in_contract(r) and activity_has("treinamento")(r))) in replies[1]


@pytest.mark.parametrize(
    "follow_up", ["e o total dela em outubro?", "e o total dele em outubro?", "somando tudo em outubro?"]
)
def test_a_total_after_a_breakdown_keeps_the_person(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    person: str,
    follow_up: str,
) -> None:
    replies = ask(generated, f"em que dia da semana a {person} costuma trabalhar mais?", follow_up)
    assert hours(total(rows, lambda r: r.name == person and in_october(r))) in replies[1]
    assert "por dia da semana" not in replies[1]


@pytest.mark.parametrize("question", ["e o total dela?", "quanto ele fez em outubro?", "e as horas dela?"])
def test_a_pronoun_with_nobody_named_is_asked_back(generated: Dataset, question: str) -> None:
    (reply,) = ask(generated, question)
    assert not FIGURE.search(reply) and "De quem" in reply


@pytest.mark.parametrize(
    "question",
    [
        "quanto o 8446 fez em set, out e nov?",
        "horas do 8446 em setembro, outubro e novembro",
        "qnt o 8446 apontou em set out e nov",
        "horas do 8446 nos meses de setembro, outubro e novembro",
    ],
)
def test_a_list_of_months_is_each_month(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    replies = ask(generated, question, "somando tudo?")
    for month in (9, 10, 11):
        value = total(rows, lambda r, m=month: in_contract(r) and r.day.month == m and r.day.year == 2026)
        assert f"{MONTHS[month - 1]}/2026: {hours(value)}" in replies[0]
    assert "agosto" not in replies[0]
    assert hours(total(rows, lambda r: in_contract(r) and r.day >= date(2026, 9, 1))) in replies[1]


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("quantos dias uteis tem em dezembro?", date(2026, 12, 1)),
        ("feriados em janeiro", date(2027, 1, 1)),
        ("quantos dias úteis teve em outubro?", date(2026, 10, 1)),
        ("dias úteis em dezembro de 2025", date(2025, 12, 1)),
        ("quais os feriados de dezembro?", date(2026, 12, 1)),
    ],
)
def test_a_calendar_month_is_the_nearest_one(generated: Dataset, question: str, start: date) -> None:
    (reply,) = ask(generated, question)
    assert day(start) in reply


@pytest.mark.parametrize(
    "follow_up",
    [
        "quando foi o primeiro apontamento dela?",
        "desde quando ela aponta?",
        "qual a primeira vez que ela apontou?",
        "e o primeiro apontamento dele, qnd foi?",
    ],
)
def test_the_first_day_is_over_all_the_data(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    person: str,
    follow_up: str,
) -> None:
    first = min(r.day for r in rows if r.name == person)
    replies = ask(generated, f"quantas horas a {person} fez semana passada?", follow_up)
    assert day(first) in replies[1] and day(min(r.day for r in rows)) in replies[1]


@pytest.mark.parametrize(
    "follow_up", ["e mes a mes?", "me mostra as horas dela mes a mes", "quebra por mês", "e por mês?"]
)
def test_a_monthly_breakdown_after_one_month_shows_every_month(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    person: str,
    follow_up: str,
) -> None:
    replies = ask(generated, f"quantas horas a {person} fez em outubro?", follow_up)
    mine = by(rows, lambda r: (r.day.year, r.day.month), lambda r: r.name == person)
    for (year, month), value in mine.items():
        assert f"{MONTHS[month - 1]}/{year}: {hours(value)}" in replies[1]


@pytest.mark.parametrize(
    "questions",
    [
        ("horas do 8446 em outubro", "e a duração média de um apontamento?"),
        ("duração média de um apontamento no 8446 em outubro",),
        ("horas do 8446 em outubro", "e a duracao media dos apontamentos?"),
        ("qual a duração média dos apontamentos do contrato 8446 em outubro?",),
    ],
)
def test_the_average_span_of_a_contract(generated: Dataset, rows: list[Span], questions: tuple[str, ...]) -> None:  # noqa: F811
    closed = [r.gross for r in rows if in_contract(r) and in_october(r) and r.gross is not None]
    reply = ask(generated, *questions)[-1]
    assert "8446" in reply and hours(sum(closed) / len(closed)) in reply and f"{len(closed)} apontamentos" in reply


@pytest.mark.parametrize(
    "refused",
    [
        "quanto o 8446 faturou em R$ em outubro?",
        "qual o valor em reais do 8446 em outubro?",
        "qnto custa o 8446 em outubro",
    ],
)
def test_a_refused_question_keeps_its_subject(generated: Dataset, rows: list[Span], refused: str) -> None:  # noqa: F811
    replies = ask(generated, refused, "e em horas?")
    assert not FIGURE.search(replies[0])
    assert hours(total(rows, lambda r: in_contract(r) and in_october(r))) in replies[1] and CONTRACT in replies[1]


@pytest.mark.parametrize(
    "question",
    [
        "quem do 8446 trabalhou ontem?",
        "quem trabalhou no 8446 ontem?",
        "quem apontou no 8446 ontem?",
        "qm do 8446 trabalhou ontem",
    ],
)
def test_who_worked_lists_people(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    yesterday = TODAY - timedelta(days=1)
    people = by(rows, lambda r: r.name, lambda r: in_contract(r) and r.day == yesterday)
    (reply,) = ask(generated, question)
    top, value = max(people.items(), key=lambda kv: (kv[1], kv[0]))
    assert f"{len(people)} recursos" in reply and f"{top}: {hours(value)}" in reply


@pytest.mark.parametrize(
    "question",
    [
        "mostra os dez que mais apontaram no 8446 em outubro",
        "os 10 que mais apontaram no 8446 em outubro",
        "me mostra os dez q mais trabalharam no 8446 em outubro",
        "lista os dez que mais fizeram horas no 8446 em outubro",
    ],
)
def test_the_top_ten_in_words(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, lambda r: in_contract(r) and in_october(r))
    ranked = sorted(people.items(), key=lambda kv: (-kv[1], kv[0]))
    (reply,) = ask(generated, question)
    assert all(f"{name}: {hours(value)}" in reply for name, value in ranked[:9])
    assert ranked[11][0] not in reply


@pytest.mark.parametrize(
    "question",
    [
        "tenho algum apontamento pendente de validacao?",
        "tenho apontamento sem validar?",
        "quantos apontamentos meus nao foram validados?",
        "eu tenho algum apontamento sem saida?",
    ],
)
def test_a_state_question_is_about_now(generated: Dataset, rows: list[Span], person: str, question: str) -> None:  # noqa: F811
    replies = ask(generated, "quanto eu trabalhei em outubro?", question, user=person)
    assert day(min(r.day for r in rows)) in replies[1] and day(TODAY) in replies[1]


@pytest.mark.parametrize(
    "follow_up",
    [
        "qual dia da semana ele mais trabalhou em outubro?",
        "em que dia da semana ele trabalhou mais em outubro?",
        "e por dia da semana em outubro?",
    ],
)
def test_a_weekday_breakdown_drops_the_weekday_filter(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    person: str,
    follow_up: str,
) -> None:
    days = by(rows, lambda r: r.day.weekday(), lambda r: r.name == person and in_october(r))
    top = max(days, key=lambda k: days[k])
    replies = ask(generated, f"quanto a {person} fez nas segundas em outubro?", follow_up)
    assert f"{WEEKDAYS[top]}: {hours(days[top])}" in replies[1] and "às segunda" not in replies[1]


@pytest.mark.parametrize(
    "follow_up",
    ["e ele, quanto fez em outubro?", "e quanto ele fez no mes todo? (tudo, nao so suporte)", "e ela, qnt fez?"],
)
def test_a_person_after_a_ranking_is_a_figure_not_a_ranking(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    follow_up: str,
) -> None:
    people = by(rows, lambda r: r.name, lambda r: in_contract(r) and in_october(r) and activity_has("suporte")(r))
    top = max(people.items(), key=lambda kv: (kv[1], kv[0]))[0]
    replies = ask(generated, "quem mais fez suporte no 8446 em outubro?", follow_up)
    keep = in_october if "tudo" in follow_up else (lambda r: in_october(r) and activity_has("suporte")(r))
    if "tudo" not in follow_up and "suporte" not in replies[1].lower():
        keep = in_october
    assert hours(total(rows, lambda r: r.name == top and in_contract(r) and keep(r))) in replies[1]
    assert "por pessoa" not in replies[1]


@pytest.mark.parametrize(
    ("first", "activity"),
    [("quanto % das horas do 8446 em outubro foi suporte?", "bugs"), ("% de suporte no 8446 em outubro", "bugs")],
)
@pytest.mark.parametrize("follow_up", ["e de correcao de bug?", "e de bug?", "e correção de bugs?"])
def test_a_share_follow_up_names_another_activity(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    first: str,
    activity: str,
    follow_up: str,
) -> None:
    replies = ask(generated, first, follow_up, "e no 8447?")
    for reply, contract in ((replies[1], "8446"), (replies[2], "8447")):
        part = total(rows, lambda r, c=contract: r.supplier == c and in_october(r) and activity_has(activity)(r))
        whole = total(rows, lambda r, c=contract: r.supplier == c and in_october(r))
        assert f"{100 * part / whole:.1f}".replace(".", ",") + "%" in reply


@pytest.mark.parametrize("follow_up", ["qnts apontamentos nesse periodo?", "e quantos apontamentos no mesmo periodo?"])
def test_the_same_period_is_the_conversations(generated: Dataset, rows: list[Span], follow_up: str) -> None:  # noqa: F811
    replies = ask(generated, "quanto o 8446 fez em outubro?", follow_up)
    count = sum(1 for r in rows if in_contract(r) and in_october(r))
    assert f"{count} apontamentos" in replies[1]


@pytest.mark.parametrize(
    "question",
    ["quanto eu devia ter feito nesse periodo?", "qnto eu deveria ter feito no mesmo periodo e qnto fiz?"],
)
def test_expected_hours_in_the_same_period(generated: Dataset, rows: list[Span], person: str, question: str) -> None:  # noqa: F811
    replies = ask(generated, "quantos dias uteis teve em outubro?", question, user=person)
    assert hours(total(rows, lambda r: r.name == person and in_october(r))) in replies[1]
    assert day(OCTOBER_START) in replies[1] and "esperad" in replies[1]


@pytest.mark.parametrize("unknown", ["qnto o Zé Pimentão apontou em outubro?", "e o Zebedeu Pimentão em outubro?"])
def test_a_name_not_found_keeps_the_period(generated: Dataset, rows: list[Span], unknown: str) -> None:  # noqa: F811
    replies = ask(generated, unknown, "ok e o 8447?")
    assert not FIGURE.search(replies[0])
    assert hours(total(rows, lambda r: r.supplier == "8447" and in_october(r))) in replies[1]


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("quantas horas o 8446 fez em 5 de outubro?", date(2026, 10, 5), date(2026, 10, 5)),
        ("horas do 8446 desde 5 de outubro", date(2026, 10, 5), TODAY),
        ("horas do 8446 de 1 de outubro a 15 de outubro", date(2026, 10, 1), date(2026, 10, 15)),
        ("quanto o 8446 apontou de 1/11 pra ca?", date(2026, 11, 1), TODAY),
        ("horas do 8446 de setembro ate hoje", date(2026, 9, 1), TODAY),
        ("horas do 8446 de 1 de outubro ate agora", date(2026, 10, 1), TODAY),
        ("horas do 8446 em setembro desse ano", date(2026, 9, 1), date(2026, 9, 30)),
    ],
)
def test_periods_as_people_write_them(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    question: str,
    start: date,
    end: date,
) -> None:
    (reply,) = ask(generated, question)
    assert hours(total(rows, lambda r: in_contract(r) and start <= r.day <= end)) in reply
    assert day(start) in reply


@pytest.mark.parametrize(
    ("ranking", "bottom"),
    [
        ("ranking do 8446 em outubro", "e o ultimo colocado?"),
        ("ranking do 8446 em outubro", "e o último?"),
        ("quem mais apontou no 8446 em outubro?", "e a lanterna?"),
        ("ranking do 8446 em outubro", "e quem ficou em ultimo?"),
    ],
)
def test_the_last_of_a_ranking(generated: Dataset, rows: list[Span], ranking: str, bottom: str) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, lambda r: in_contract(r) and in_october(r))
    last = min(people.items(), key=lambda kv: (kv[1], kv[0]))
    replies = ask(generated, ranking, bottom)
    assert f"{last[0]}: {hours(last[1])}" in replies[1]


@pytest.mark.parametrize("follow_up", ["e o contrato todo somou quanto?", "e o contrato inteiro?", "e no total?"])
def test_the_whole_contract_after_a_top_ten(generated: Dataset, rows: list[Span], follow_up: str) -> None:  # noqa: F811
    replies = ask(generated, "os 10 que mais apontaram no 8446 em outubro", follow_up)
    assert hours(total(rows, lambda r: in_contract(r) and in_october(r))) in replies[1]


@pytest.mark.parametrize("versus", ["setembro vs outubro, horas do 8446", "horas do 8446 setembro x outubro"])
def test_two_months_side_by_side(generated: Dataset, rows: list[Span], versus: str) -> None:  # noqa: F811
    (reply,) = ask(generated, versus)
    for month in (9, 10):
        assert hours(total(rows, lambda r, m=month: in_contract(r) and r.day.month == m)) in reply


@pytest.mark.parametrize(
    "follow_up", ["e quem mais fez suporte la?", "e quem fez mais suporte?", "quem mais apontou suporte la?"]
)
def test_a_ranking_after_a_share_ranks_inside_its_part(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    follow_up: str,
) -> None:
    people = by(rows, lambda r: r.name, lambda r: in_contract(r) and in_october(r) and activity_has("suporte")(r))
    name, value = max(people.items(), key=lambda kv: (kv[1], kv[0]))
    replies = ask(generated, "quanto % das horas do 8446 em outubro foi suporte?", follow_up)
    assert f"{name}: {hours(value)}" in replies[1]


@pytest.mark.parametrize(
    "question",
    [
        "qnts do 8446 deixaram de apontar algum dia semana passada?",
        "quantos do 8446 deixaram de apontar semana passada?",
        "quem do 8446 deixou de apontar algum dia semana passada?",
    ],
)
def test_who_left_a_day_without_entries(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    off = holidays.country_holidays("BR", years=[2026])
    days = [LAST_WEEK[0] + timedelta(days=i) for i in range(7)]
    working = [d for d in days if d.weekday() < 5 and d not in off]
    people = {r.resource_id for r in rows if in_contract(r)}
    worked = {(r.resource_id, r.day) for r in rows if in_contract(r)}
    missing = {p for p in people if any((p, d) not in worked for d in working)}
    (reply,) = ask(generated, question)
    assert f"{len(missing)} recursos" in reply and day(LAST_WEEK[0]) in reply


@pytest.mark.parametrize(
    ("count", "which"),
    [
        ("quantas pessoas apontaram no 8446 ontem?", "quem foram?"),
        ("qts pessoas apontaram no 8446 ontem?", "quais foram?"),
        ("quantos recursos do 8446 trabalharam ontem?", "lista eles"),
        ("quantas pessoas apontaram no 8446 ontem?", "e quem sao?"),
    ],
)
def test_which_ones_after_a_count(generated: Dataset, rows: list[Span], count: str, which: str) -> None:  # noqa: F811
    yesterday = TODAY - timedelta(days=1)
    people = by(rows, lambda r: r.name, lambda r: in_contract(r) and r.day == yesterday)
    top = max(people.items(), key=lambda kv: (kv[1], kv[0]))
    replies = ask(generated, count, which)
    assert f"{len(people)} recursos" in replies[0] and f"{top[0]}: {hours(top[1])}" in replies[1]


def _people_above(rows: list[Span], bound: float, days: tuple[date, date]) -> set[str]:
    per_day: dict[tuple[str, date], float] = {}
    for r in rows:
        if in_contract(r) and days[0] <= r.day <= days[1]:
            per_day[(r.name, r.day)] = per_day.get((r.name, r.day), 0) + (r.net or 0)
    return {name for (name, _), value in per_day.items() if value > bound}


@pytest.mark.parametrize(
    ("question", "days"),
    [
        ("qnts pessoas passaram de oito horas ontem no 8446?", (TODAY - timedelta(days=1),) * 2),
        ("quantas pessoas passaram de 8h semana passada no 8446?", LAST_WEEK),
        ("quantos recursos do 8446 passaram de 9 horas semana passada?", LAST_WEEK),
        ("qts pessoas do 8446 fizeram mais de 9h ontem?", (TODAY - timedelta(days=1),) * 2),
    ],
)
def test_people_above_a_daily_bound(generated: Dataset, rows: list[Span], question: str, days: Any) -> None:  # noqa: F811
    bound = 9.0 if "9" in question else 8.0
    (reply,) = ask(generated, question)
    assert f"{len(_people_above(rows, bound, days))} recursos" in reply and "acima de 8 recursos" not in reply


@pytest.mark.parametrize("follow_up", ["e semana passada, qnt o 8446 fez?", "e qnt o 8446 fez semana passada?"])
def test_how_much_after_a_count_is_hours(generated: Dataset, rows: list[Span], follow_up: str) -> None:  # noqa: F811
    replies = ask(generated, "quantas pessoas apontaram no 8446 ontem?", follow_up)
    assert hours(total(rows, lambda r: in_contract(r) and within(LAST_WEEK)(r))) in replies[1]


@pytest.mark.parametrize(
    "question",
    [
        "quem do 8446 nao apontou segunda?",
        "quem do 8446 faltou segunda?",
        "quantas horas o 8446 apontou segunda?",
        "qnt o 8446 trabalhou segunda",
    ],
)
def test_a_bare_weekday_after_a_verb_is_that_day(generated: Dataset, question: str) -> None:
    monday = THIS_WEEK[0]
    (reply,) = ask(generated, question)
    assert day(monday) in reply and day(date(2026, 11, 1)) not in reply


@pytest.mark.parametrize(
    "question",
    [
        "alguem do 8446 esqueceu de bater saida semana passada?",
        "quem do 8446 esqueceu de bater saida semana passada?",
        "alguem do 8446 esqueceu saida semana passada?",
    ],
)
def test_forgot_to_clock_out_without_the_article(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    open_spans = [r for r in rows if in_contract(r) and within(LAST_WEEK)(r) and r.end is None]
    (reply,) = ask(generated, question)
    assert f"{len(open_spans)} apontamento" in reply


@pytest.mark.parametrize(
    "question",
    [
        "quem apontou menos no 8446 em outubro? os 5 ultimos",
        "os 5 que menos apontaram no 8446 em outubro",
        "quem trabalhou menos no 8446 em outubro? os 5 de baixo",
    ],
)
def test_the_bottom_five(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, lambda r: in_contract(r) and in_october(r))
    bottom = sorted(people.items(), key=lambda kv: (kv[1], kv[0]))
    (reply,) = ask(generated, question)
    assert all(f"{name}: {hours(value)}" in reply for name, value in bottom[:5])
    assert f"{bottom[6][0]}: " not in reply


MONTH_END = date(2026, 11, 30)


@pytest.mark.parametrize(
    "question",
    [
        "qnt falta pra eu fechar novembro?",
        "quanto falta pra eu fechar as horas do mes?",
        "to devendo hora esse mes?",
        "quantas horas eu deveria fazer no mes e qnts ja fiz?",
    ],
)
def test_closing_the_month_in_progress(generated: Dataset, rows: list[Span], person: str, question: str) -> None:  # noqa: F811
    off = holidays.country_holidays("BR", years=[2026])
    month = [date(2026, 11, d) for d in range(1, 31)]
    working = [d for d in month if d.weekday() < 5 and d not in off]
    so_far = [d for d in working if d <= TODAY]
    done = total(rows, lambda r: r.name == person and date(2026, 11, 1) <= r.day <= TODAY)
    (reply,) = ask(generated, question, user=person)
    assert hours(8 * len(so_far)) in reply and hours(8 * len(working)) in reply and hours(done) in reply
    assert hours(max(0.0, 8 * len(working) - done)) in reply and day(MONTH_END) in reply


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("quantas horas o 8446 fez na terca passada?", date(2026, 11, 17)),
        ("horas do 8446 na segunda passada", date(2026, 11, 16)),
        ("horas do 8446 no domingo passado", date(2026, 11, 22)),
        ("horas do 8446 na quarta passada", date(2026, 11, 18)),
    ],
)
def test_a_past_weekday_is_last_weeks(generated: Dataset, rows: list[Span], question: str, expected: date) -> None:  # noqa: F811
    (reply,) = ask(generated, question)
    assert day(expected) in reply and hours(total(rows, lambda r: in_contract(r) and r.day == expected)) in reply


@pytest.mark.parametrize(
    "follow_up",
    ["e qnts % do tempo dela foi reuniao?", "qnts % foi reuniao?", "e que % dela foi reunião de alinhamento?"],
)
def test_a_share_replaces_the_activity_it_follows(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    person: str,
    follow_up: str,
) -> None:
    mine = lambda r: r.name == person and in_october(r)  # noqa: E731
    part, whole = total(rows, lambda r: mine(r) and activity_has("reuniao")(r)), total(rows, mine)
    replies = ask(generated, f"quanto a {person} gastou com correcao de bug em outubro?", follow_up)
    assert f"{100 * part / whole + 1e-9:.1f}".replace(".", ",") + "%" in replies[1]


@pytest.mark.parametrize(
    "question",
    [
        "quem foi o campeao de horas em outubro?",
        "quem foi a campea de horas em outubro?",
        "qual o campeao de horas de outubro na empresa toda?",
    ],
)
def test_the_champion_is_the_top_one(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, in_october)
    ranked = sorted(people.items(), key=lambda kv: (-kv[1], kv[0]))
    (reply,) = ask(generated, question)
    champion, _, runners_up = reply.partition("Em seguida:")  # the two after the champion, set apart
    assert f"{ranked[0][0]}: {hours(ranked[0][1])}" in champion and ranked[1][0] not in champion
    assert f"{ranked[1][0]}: {hours(ranked[1][1])}" in runners_up


@pytest.mark.parametrize(
    "questions",
    [
        ("quantos arquitetos de solucoes apontaram no 8446 em outubro?",),
        ("quantos arquitetos de solucoes apontaram no 8446 em outubro?", "e seniors?"),
    ],
)
def test_people_by_role_in_a_period(generated: Dataset, rows: list[Span], questions: tuple[str, ...]) -> None:  # noqa: F811
    word = "senior" if len(questions) == 2 else "arquiteto"
    latest: dict[str, Span] = {}
    for r in sorted(rows, key=lambda r: r.start):
        latest[r.resource_id] = r
    active = {r.resource_id for r in rows if in_october(r)}
    people = {rid for rid, r in latest.items() if rid in active and r.supplier == CONTRACT and word in plain_role(r)}
    reply = ask(generated, *questions)[-1]
    assert f"{len(people)} recurso" in reply and day(date(2026, 10, 1)) in reply and CONTRACT in reply


def plain_role(r: Span) -> str:
    return f"{r.profile} {r.level}".casefold().replace("ê", "e")


@pytest.mark.parametrize("pronoun", ["tem alguem com apontamento sem saida nele?", "e quantos sem saida nele?"])
def test_nele_in_a_talk_about_a_contract_is_the_contract(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    pronoun: str,
) -> None:
    opened = [r for r in rows if in_contract(r) and in_october(r) and r.end is None]
    replies = ask(generated, "quem apontou mais horas no 8446 em outubro?", pronoun)
    assert f"{len(opened)} apontamento" in replies[1] and CONTRACT in replies[1]


@pytest.mark.parametrize(
    "question",
    ["compara set e out do 8446 pra mim", "set x out do 8446", "me mostra set vs out do 8446 por favor"],
)
def test_two_abbreviated_months_side_by_side(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    (reply,) = ask(generated, question, user="Quem Pergunta")
    for month in (9, 10):
        assert hours(total(rows, lambda r, m=month: in_contract(r) and r.day.month == m)) in reply


@pytest.mark.parametrize("question", ["trabalhei algum fim de semana nesse mes?", "quantos dias trabalhei nesse mes?"])
def test_nesse_mes_is_the_month_talked_about(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    person: str,
    question: str,
) -> None:
    replies = ask(generated, "quanto eu fiz em outubro?", question, user=person)
    assert day(date(2026, 10, 1)) in replies[1] and day(date(2026, 11, 1)) not in replies[1]


@pytest.mark.parametrize(
    "follow_up",
    ["e em novembro?", "e a media por pessoa?", "e por semana?", "e quantos dias?"],
)
def test_a_follow_up_after_an_unanswered_question_asks(generated: Dataset, follow_up: str) -> None:
    replies = ask(generated, "quem fez mais hora em outubro, a zebedeia ou o godofredo?", follow_up)
    assert not FIGURE.search(replies[1]) and "Diga de quem" in replies[1]


@pytest.mark.parametrize(
    "question",
    [
        "quanto o 8446 fez em outubro, considerando todo mundo que esta nele?",
        "preciso do total de horas do contrato 8446 em outubro, considerando todos nele",
    ],
)
def test_nele_beside_a_named_contract_is_that_contract(generated: Dataset, rows: list[Span], question: str) -> None:  # noqa: F811
    (reply,) = ask(generated, question)
    assert hours(total(rows, lambda r: in_contract(r) and in_october(r))) in reply


@pytest.mark.parametrize(
    "follow_up",
    [
        "e essa pessoa e de qual contrato?",
        "e de qual contrato essa pessoa e?",
        "essa pessoa trabalha em qual contrato?",
    ],
)
def test_essa_pessoa_is_the_one_named(generated: Dataset, rows: list[Span], follow_up: str) -> None:  # noqa: F811
    people = by(rows, lambda r: r.name, lambda r: in_contract(r) and in_october(r))
    top = max(people.items(), key=lambda kv: (kv[1], kv[0]))[0]
    replies = ask(generated, "quem mais apontou no 8446 em outubro?", follow_up)
    assert top in replies[1] and CONTRACT in replies[1]


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("qual dia da semana o 8446 rende mais em outubro?", "e de segunda a sexta, qual rende menos?"),
        ("horas do 8446 por dia da semana em outubro", "e de segunda a sexta, qual o menor?"),
    ],
)
def test_a_weekday_span_filters_a_weekday_breakdown(
    generated: Dataset,
    rows: list[Span],  # noqa: F811
    first: str,
    then: str,
) -> None:
    days = by(rows, lambda r: r.day.weekday(), lambda r: in_contract(r) and in_october(r) and r.day.weekday() < 5)
    low = min(days, key=lambda k: days[k])
    replies = ask(generated, first, then)
    assert f"{WEEKDAYS[low]}: {hours(days[low])}" in replies[1] and day(date(2026, 10, 1)) in replies[1]
