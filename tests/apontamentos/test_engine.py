"""The built-in engine end to end: answers carry the right figures, in pt-BR, and context carries over."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from apontamentos import formatting as fmt
from apontamentos.dataset import Dataset
from apontamentos.engine import Answer, answer
from apontamentos.question import from_context

from ..expected import net_by_supplier, resources_by_supplier, spans
from .conftest import GENERATED_END

TODAY = date(2025, 11, 26)


def conversation(db: Dataset, questions: list[str], today: date, user: str = "") -> list[Answer]:
    context: dict[str, Any] = {}
    answers = []
    for question in questions:
        reply = answer(db, question, context, today, user)
        context = reply.context
        answers.append(reply)
    return answers


def test_number_formatting() -> None:
    assert fmt.hours(1234.5) == "1.234,5 h"
    assert fmt.hours(0.04) == "0,0 h"
    assert fmt.integer(211863) == "211.863"
    assert fmt.plural(1, "dia útil", "dias úteis") == "1 dia útil"


def test_context_follows_the_contract(generated: Dataset, generated_columns: dict[str, list[Any]]) -> None:
    a = conversation(
        generated,
        [
            "Mostre o contrato 8446",
            "E quantos recursos tem?",
            "Qual o total de horas?",
            "Agora mostre contrato 8447",
            "Quantos recursos?",
        ],
        GENERATED_END,
    )
    assert [x.intent for x in a] == [
        "contract_details",
        "contract_resources",
        "total_hours",
        "contract_details",
        "contract_resources",
    ]
    rows = spans(generated_columns)
    people, hours = resources_by_supplier(rows), net_by_supplier(rows)
    assert f"tem {fmt.integer(people['8446'])} recursos" in a[1].text
    assert "8446" in a[2].text and fmt.hours(hours["8446"]) in a[2].text
    assert f"tem {fmt.integer(people['8447'])} recursos" in a[4].text
    assert "8446" not in a[4].text


def test_without_context_asks_which_contract(generated: Dataset) -> None:
    reply = answer(generated, "Quantos recursos tem?", {}, GENERATED_END)
    assert reply.intent == "ask_contract" and "qual contrato" in reply.text.lower()


def test_context_is_never_shared_between_conversations(generated: Dataset) -> None:
    first = answer(generated, "Mostre o contrato 8446", {}, GENERATED_END)
    remembered = from_context(first.context)
    assert remembered is not None and remembered.contract == "8446"
    other = answer(generated, "Quantos recursos tem?", {}, GENERATED_END)
    assert "8446" not in other.text


def test_follow_up_with_only_a_period_repeats_the_question(small: Dataset) -> None:
    a = conversation(small, ["horas do contrato 8446 em novembro", "E em 18/11?"], TODAY)
    assert a[1].intent == "total_hours"
    # by hand: Ana Maria 08:00-12:00 and 13:00-17:30, no lunch flag
    assert a[1].text.startswith("O contrato 8446 somou 8,5 h líquidas em 18/11/2025")


def test_a_period_outside_the_data_is_said_not_answered_with_zero(small: Dataset) -> None:
    # It used to answer "0,0 h" for October, a month the data does not cover.
    a = conversation(small, ["horas do contrato 8446 em novembro", "E em outubro?"], TODAY)
    assert a[1].intent == "no_data"
    assert "01/10/2025 a 31/10/2025" in a[1].text and "17/11/2025 a 22/11/2025" in a[1].text
    assert not re.search(r"\d h\b", a[1].text)


def test_self_reference(small: Dataset) -> None:
    mine = answer(small, "Quantas horas eu trabalhei em novembro?", {}, TODAY, user="João da Silva")
    assert "João da Silva trabalhou 23,0 h líquidas" in mine.text
    unknown = answer(small, "Quantas horas eu trabalhei?", {}, TODAY, user="Visitante Qualquer")
    assert unknown.intent == "unknown_self" and "Visitante Qualquer" in unknown.text
    anonymous = answer(small, "Quantas horas eu trabalhei?", {}, TODAY, user="")
    assert anonymous.intent == "unknown_self"


def test_ambiguous_name_lists_candidates(small: Dataset) -> None:
    reply = answer(small, "Quantas horas o recurso Ana trabalhou?", {}, TODAY)
    assert reply.intent == "ambiguous_person"
    assert "Ana Maria Souza" in reply.text and "Ana Paula Lima" in reply.text


def test_unknown_contract_and_bad_date_are_polite(small: Dataset) -> None:
    assert "Não encontrei o contrato 9999" in answer(small, "Mostre o contrato 9999", {}, TODAY).text
    assert "não é uma data válida" in answer(small, "quem não apontou em 31/02?", {}, TODAY).text


def test_greeting_and_unknown_offer_examples(small: Dataset) -> None:
    for question in ("oi", "qual a capital da França?"):
        reply = answer(small, question, {}, TODAY)
        assert "Quais contratos temos?" in reply.text and reply.examples


def test_tables_come_with_text(small: Dataset) -> None:
    reply = answer(small, "Quem trabalha no contrato 8446?", {}, TODAY)
    assert reply.table is not None and reply.table.rows[0][0] == "Ana Maria Souza"
    assert "Ana Maria Souza: 16,5 h" in reply.text
    missing = answer(small, "quem não apontou de 17/11 a 23/11?", {}, TODAY)
    assert "Ana Paula Lima: 3 dias" in missing.text and "4 dias úteis" in missing.text


def test_hours_by_person_lists_everyone_with_total_and_average(
    generated: Dataset, generated_columns: dict[str, list[Any]]
) -> None:
    rows = [r for r in spans(generated_columns) if r.supplier == "8446"]
    per_person: dict[str, float] = {}
    for r in rows:
        per_person[r.name] = per_person.get(r.name, 0.0) + (r.net or 0)
    reply = conversation(generated, ["Mostre o contrato 8446", "e por pessoa?"], GENERATED_END)[-1]
    assert reply.intent == "hours_by_person"
    total = sum(per_person.values())
    assert f"{fmt.plural(len(per_person), 'recurso')}, {fmt.hours(total)} no total" in reply.text
    assert f"média de {fmt.hours(total / len(per_person))} por recurso" in reply.text
    assert reply.table is not None and reply.table.total == len(per_person)
    assert {row[0]: row[1] for row in reply.table.rows} == {n: fmt.hours(h) for n, h in per_person.items()}
