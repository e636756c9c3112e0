"""Shapes batches DZ and EA showed: a little story before the question ("o sindicato tá pegando no pé… .",
"antes da daily queria saber…", "a Ana falou que…, quanto ela…"), several things asked in one message (a list
after a colon, "… e teve dia sem apontamento?", "… e a duração média"), what was expected ("tinha q fazer"),
"quero ver se …" after the question, days said as "do dia 10/11 pra cá", "até o dia 10 desse mês", "de 1 a 10
desse mês", "a segunda quinzena de novembro até agora", and a share of the whole after a share of the Mondays.

Expected figures are computed here in plain Python from the export rows, never through the engine's queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from apontamentos.dataset import Dataset

from ..expected import Span
from .test_composition_shapes import ask, hours, plain, total
from .test_composition_shapes import rows as rows  # noqa: F401  (the module's fixture)
from .test_shapes_periods_lists import NOVEMBER, OCTOBER, TODAY, of_contract, one_contract_person
from .test_shapes_returning import of

YESTERDAY = (date(2026, 11, 24), date(2026, 11, 24))


def people_above(rows: list[Span], span: tuple[date, date], limit: float) -> int:
    days: dict[tuple[str, date], float] = defaultdict(float)
    for r in rows:
        if span[0] <= r.day <= span[1]:
            days[(r.name, r.day)] += total([r], lambda _: True)
    return len({name for (name, _), h in days.items() if h > limit})


def test_a_story_sentence_before_the_question(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(
        generated,
        "o sindicato ta pegando no pe por causa de hora extra. quantas pessoas passaram de 10h num dia em novembro?",
    )
    assert f"{people_above(rows, NOVEMBER, 10.0)} recursos" in reply


def test_before_a_meeting(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "oi, antes da reuniao queria saber quem do 8446 apontou ontem")
    assert f"{len({r.name for r in rows if of_contract(YESTERDAY)(r)})} recursos" in reply


def test_what_somebody_said_then_the_question_about_them(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(
        generated, f"a {plain(name)} falou q passou outubro todo fazendo reuniao, quanto ela apontou de reuniao?"
    )
    meetings = total(rows, lambda r: of(name, OCTOBER)(r) and "reuni" in plain(r.activity))
    assert name in reply and hours(meetings) in reply


def test_things_listed_after_a_colon(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(
        generated,
        "to fechando outubro do 8446 e preciso do seguinte: total de horas, quantos recursos apontaram e quantos "
        "apontamentos tao sem saida",
    )
    october = [r for r in rows if of_contract(OCTOBER)(r)]
    assert hours(total(october, lambda _: True)) in reply
    assert f"{len({r.name for r in october})} recursos" in reply
    open_ones = sum(1 for r in october if r.end is None)
    assert f"{open_ones} apontamento{'s' if open_ones != 1 else ''} sem saída" in reply


def test_hours_and_whether_a_day_is_missing(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, "quantas horas eu fiz em outubro e teve dia sem apontamento?", user=name)
    assert hours(total(rows, of(name, OCTOBER))) in reply and "sem apontar" in reply


def test_an_average_and_the_average_entry(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "qual a media de horas por dia do 8446 em outubro e a duracao media de cada apontamento?")
    closed = [r for r in rows if of_contract(OCTOBER)(r) and r.end is not None]
    assert "por dia trabalhado" in reply
    assert f"{sum(r.gross for r in closed) / len(closed):.1f} h".replace(".", ",") in reply


def test_what_was_expected_and_what_was_done(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    name, _ = one_contract_person(rows)
    (reply,) = ask(generated, f"quantas horas a {plain(name)} tinha q fazer em outubro e quanto fez de fato?")
    assert "168,0 h esperadas" in reply and hours(total(rows, of(name, OCTOBER))) in reply  # 21 working days


def test_who_wants_it_before_an_ambiguous_name(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    first_names: dict[str, list[str]] = defaultdict(list)
    for name in sorted({r.name for r in rows}):
        first_names[name.split()[0]].append(name)
    first, names = next((f, n) for f, n in first_names.items() if len(n) > 1 and "Dias" not in n[0].split())
    asked, chosen = ask(generated, f"o diretor pediu as horas da {plain(first)} no mes passado", plain(names[0]))
    assert "Qual delas" in asked or "Qual deles" in asked
    assert hours(total(rows, of(names[0], OCTOBER))) in chosen


def test_what_the_reader_will_look_for_is_no_filter(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    (reply,) = ask(generated, "quantas horas por semana o 8446 fez em outubro? quero ver se alguma passou de 1500h")
    assert "acima de" not in reply and reply.count("\n- ") == 5  # the five weeks October touches


@pytest.mark.parametrize(
    ("said", "span"),
    [
        ("do dia 10/11 pra ca", (date(2026, 11, 10), TODAY)),
        ("do dia 3 de novembro em diante", (date(2026, 11, 3), TODAY)),
        ("ate o dia 10 desse mes", (date(2026, 11, 1), date(2026, 11, 10))),
        ("de 1 a 10 desse mes", (date(2026, 11, 1), date(2026, 11, 10))),
        ("na segunda quinzena de novembro ate agora", (date(2026, 11, 16), TODAY)),
    ],
)
def test_days_said_every_way(generated: Dataset, rows: list[Span], said: str, span: tuple[date, date]) -> None:  # noqa: F811
    (reply,) = ask(generated, f"quantas horas o 8446 fez {said}")
    assert hours(total(rows, of_contract(span))) in reply and f"{span[0]:%d/%m/%Y}" in reply


def test_a_share_of_the_whole_after_the_mondays(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(
        generated, "no 8446 em outubro qual o % das horas que foi nas segundas?", "e reuniao, qnt % foi no mes?"
    )
    whole = total(rows, of_contract(OCTOBER))
    meetings = total(rows, lambda r: of_contract(OCTOBER)(r) and "reuni" in plain(r.activity))
    assert f"{100 * meetings / whole:.1f}%".replace(".", ",") in reply and "segunda" not in reply


def test_summing_everything(generated: Dataset, rows: list[Span]) -> None:  # noqa: F811
    _, reply = ask(generated, "quantos recursos apontaram no 8446 desde o dia 16?", "somando tudo da quantas horas?")
    assert hours(total(rows, of_contract((date(2026, 11, 16), TODAY)))) in reply
