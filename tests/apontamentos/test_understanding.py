"""Phrasing → typed question: a table of Portuguese questions, typos and missing accents included.

The table predates the typed question; its expectations are kept in their original shape (intent name and
parameters) and mapped onto Question fields by `check`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from apontamentos.dataset import Dataset
from apontamentos.question import Question
from apontamentos.rules import Period
from apontamentos.understanding import Clarification, understand

from .conftest import SMALL_ROWS, dataset_from_columns, export_row, to_columns

TODAY = date(2025, 11, 26)  # a Wednesday
SEPTEMBER = Period(date(2025, 9, 1), date(2025, 9, 30))
NOVEMBER = Period(date(2025, 11, 1), date(2025, 11, 30))
OCTOBER = Period(date(2025, 10, 1), date(2025, 10, 31))
THIS_WEEK = Period(date(2025, 11, 24), TODAY)
LAST_WEEK = Period(date(2025, 11, 17), date(2025, 11, 23))
YESTERDAY = Period(date(2025, 11, 25), date(2025, 11, 25))
TODAY_P = Period(TODAY, TODAY)

EXTRA = [
    export_row(("7", "Bruno Costa"), "8446", "E0240282", "24/11/2025", "08:00", "17:00", lunch=True),
]


@pytest.fixture(scope="module")
def db() -> Dataset:
    rows = [*SMALL_ROWS, *EXTRA]
    columns = to_columns(rows)
    columns["s_ds_cargo"][-1] = "7873-2-PYTHON-ENGENHEIRO DE DADOS-NÍVEL PLENO"
    return dataset_from_columns(columns)


CASES: list[tuple[str, str, dict[str, Any]]] = [
    # greetings and help
    ("oi", "greeting", {}),
    ("Olá!", "greeting", {}),
    ("bom dia", "greeting", {}),
    ("Boa tarde, tudo bem?", "greeting", {}),
    ("ajuda", "help", {}),
    ("o que você faz?", "help", {}),
    ("me da exemplos", "help", {}),
    ("?!", "help", {}),
    # contracts
    ("Quais contratos temos?", "list_contracts", {}),
    ("quais contratos temos", "list_contracts", {}),
    ("Lista de contratos", "list_contracts", {}),
    ("quais os contratos em setembro?", "list_contracts", {"period": SEPTEMBER}),
    ("Mostre o contrato 8446", "contract_details", {"contract": "8446"}),
    # periods: two joined, two apart, half months, weekdays, and a word it cannot read beside one it can
    # each month's hours side by side (their sum beside): batch FK
    ("horas de setembro e outubro", "compose", {"period": SEPTEMBER, "versus": OCTOBER}),
    ("horas em setembro ou outubro", "compose", {"period": SEPTEMBER, "versus": OCTOBER}),
    ("horas em setembro e em outubro", "compose", {"period": SEPTEMBER, "versus": OCTOBER}),
    ("horas de setembro e novembro", "compose", {"period": SEPTEMBER, "versus": NOVEMBER}),
    ("horas na primeira quinzena de outubro", "total_hours", {"period": Period(OCTOBER.start, date(2025, 10, 15))}),
    ("horas da segunda quinzena de outubro", "total_hours", {"period": Period(date(2025, 10, 16), OCTOBER.end)}),
    ("horas do fim do mes de outubro na quinzena", "period", {}),
    (
        "horas da Ana Maria na quarta passada",
        "total_hours",
        {"resource": "ana maria", "period": Period(date(2025, 11, 19), date(2025, 11, 19))},
    ),
    ("horas da Ana Maria na segunda-feira", "total_hours", {"period": Period(date(2025, 11, 24), date(2025, 11, 24))}),
    ("horas do sabado passado", "total_hours", {"period": Period(date(2025, 11, 22), date(2025, 11, 22))}),
    # near questions the data cannot answer as asked: no figure for something else
    ("quem fez hora extra semana passada", "not_understood", {}),
    ("compara o 8446 com o 8447", "compose", {"among": ("8446", "8447"), "group": "contract"}),
    ("quantos contratos tem azure", "not_understood", {}),
    ("horas do contrato nº 8446 em outubro", "total_hours", {"contract": "8446", "period": OCTOBER}),
    # issue 17: compositions now (they were declined while only a catalogue kind could answer)
    ("qual o ultimo apontamento da Ana Maria", "compose", {"measure": "last_day", "resource": "ana maria"}),
    ("qual foi o dia com mais horas em outubro", "compose", {"group": "day", "limit": 1, "period": OCTOBER}),
    ("que horas o pessoal chegou ontem", "not_understood", {}),
    ("quantas horas os seniors fizeram", "not_understood", {}),
    ("a que horas a Ana Maria entrou ontem", "resource_days", {"resource": "ana maria", "period": YESTERDAY}),
    ("quantas horas o pessoal de azure fez", "hours_by_person", {"technology": "AZURE"}),
    ("qual contrato tem mais gente", "compose", {"measure": "people", "group": "contract", "limit": 1}),
    # breakdowns: "cada"/"por" asks for one line per contract or per person, never the grand total
    ("qts horas cada contrato teve no mes passado?", "list_contracts", {"period": OCTOBER}),
    ("total por contrato", "list_contracts", {}),
    ("quanto cada pessoa trabalhou semana passada", "hours_by_person", {"period": LAST_WEEK}),
    ("horas por pessoa no contrato 8446", "hours_by_person", {"contract": "8446"}),
    ("media de horas por pessoa em outubro", "hours_by_person", {"period": OCTOBER}),
    ("qnts horas cada um fez esse mes", "hours_by_person", {"period": Period(date(2025, 11, 1), TODAY)}),
    ("horas de cada pessoa por contrato", "not_understood", {}),
    ("quanto a Ana Paula Lima fez por contrato", "resource_contracts", {"resource": "ana paula lima"}),
    ("mostre o contrato 8446", "contract_details", {"contract": "8446"}),
    ("Mostra o contrato E0240282", "contract_details", {"contract": "E0240282"}),
    ("detalhes do contrato 7873", "contract_details", {"contract": "7873"}),
    ("contrato 8447", "contract_details", {"contract": "8447"}),
    ("mostre o contarto 8446", "contract_details", {"contract": "8446"}),
    ("e o 8447?", "contract_details", {"contract": "8447"}),
    ("contrato e0240282 em outubro", "contract_details", {"contract": "E0240282", "period": OCTOBER}),
    # resources of a contract
    ("Quem trabalha no contrato 7873?", "contract_resources", {"contract": "7873", "count_only": False}),
    ("quem trabalha no contrato 7873", "contract_resources", {"contract": "7873"}),
    ("Quantos recursos tem o contrato 8446?", "contract_resources", {"contract": "8446", "count_only": True}),
    ("quantos recusros tem o contrato 8446", "contract_resources", {"contract": "8446", "count_only": True}),
    ("quais recursos do contrato 8447", "contract_resources", {"contract": "8447", "count_only": False}),
    ("pessoas no contrato 8446 em setembro", "contract_resources", {"contract": "8446", "period": SEPTEMBER}),
    ("Quantos recursos tem?", "ask_contract", {}),
    ("equipe do contrato 8447", "contract_resources", {"contract": "8447"}),
    # ranking
    ("Ranking de horas do contrato 8446", "ranking", {"contract": "8446", "top": 10}),
    ("ranking de horas", "ranking", {"top": 10}),
    ("top 5 do contrato 8447", "ranking", {"contract": "8447", "top": 5}),
    ("quem mais trabalhou em outubro?", "ranking", {"period": OCTOBER}),
    ("quem trabalhou mais horas esta semana", "ranking", {"period": THIS_WEEK}),
    ("ranking java", "ranking", {"technology": "JAVA"}),
    ("Rankig de horas do contrato 8446", "ranking", {"contract": "8446"}),
    # hours
    (
        "Quantas horas o recurso Ana Maria trabalhou em setembro?",
        "total_hours",
        {"resource": "ana maria", "period": SEPTEMBER},
    ),
    ("quantas horas a ana paula lima trabalhou", "total_hours", {"resource": "ana paula lima"}),
    ("horas do joao da silva em novembro", "total_hours", {"resource": "joao da silva", "period": NOVEMBER}),
    ("Quantas horas eu trabalhei esta semana?", "total_hours", {"resource": None, "self": True, "period": THIS_WEEK}),
    ("quantas horas trabalhei hoje", "total_hours", {"self": True, "period": TODAY_P}),
    ("minhas horas do mes passado", "total_hours", {"self": True, "period": OCTOBER}),
    ("total de horas do contrato 8446", "total_hours", {"contract": "8446"}),
    ("quantas horas no contrato 8447 ontem?", "total_hours", {"contract": "8447", "period": YESTERDAY}),
    ("total de horas em setembro", "total_hours", {"period": SEPTEMBER}),
    ("qunatas horas foram apontadas semana passada", "total_hours", {"period": LAST_WEEK}),
    ("Quantas horas o recurso 3 trabalhou?", "total_hours", {"resource": "3"}),
    ("horas da Ana Maria Souza no contrato 8447", "total_hours", {"resource": "ana maria souza", "contract": "8447"}),
    # summaries and details
    ("resumo de setembro", "period_summary", {"period": SEPTEMBER}),
    ("resumo de 01/11 a 15/11", "period_summary", {"period": Period(date(2025, 11, 1), date(2025, 11, 15))}),
    ("dia a dia da Ana Maria Souza em novembro", "resource_days", {"resource": "ana maria souza", "period": NOVEMBER}),
    ("extrato do joao da silva", "resource_days", {"resource": "joao da silva"}),
    ("meus apontamentos por dia esta semana", "resource_days", {"self": True, "period": THIS_WEEK}),
    ("em quais contratos a ana paula lima trabalha?", "resource_contracts", {"resource": "ana paula lima"}),
    # "em que <coisa> … trabalha" asks which thing, not the activities ("com o que ela trabalha")
    ("em q contratos a ana paula lima trabalha?", "resource_contracts", {"resource": "ana paula lima"}),
    # a consultant's "meu contrato" is the contracts they worked on, not a manager's whole scope
    ("qual meu contrato?", "resource_contracts", {"resource": None, "self": True}),
    ("quais os meus contratos", "resource_contracts", {"resource": None, "self": True}),
    ("em que contrato a ana paula lima trabalhou em outubro?", "resource_contracts", {"resource": "ana paula lima"}),
    # working days and expected hours
    ("Quantos dias úteis tem em novembro?", "working_days", {"period": NOVEMBER}),
    ("quantos dias uteis tem em novembro", "working_days", {"period": NOVEMBER}),
    ("dias uteis de 01/09 a 30/09", "working_days", {"period": SEPTEMBER}),
    ("quais os feriados de novembro?", "holidays", {"period": NOVEMBER}),
    ("quantos dias utesi tem em outubro", "working_days", {"period": OCTOBER}),
    (
        "horas esperadas da ana maria souza em novembro",
        "expected_vs_worked",
        {"resource": "ana maria souza", "period": NOVEMBER},
    ),
    ("qual o meu saldo de horas?", "expected_vs_worked", {"self": True}),
    ("quanto eu deveria ter trabalhado mes passado", "expected_vs_worked", {"self": True, "period": OCTOBER}),
    # missing days
    ("Quem não apontou de 01/09 a 30/09?", "missing_days", {"period": SEPTEMBER}),
    ("quem nao apontou de 01/09 a 30/09", "missing_days", {"period": SEPTEMBER}),
    ("quem nao apontou em setembro", "missing_days", {"period": SEPTEMBER}),
    ("Quem não apontou em setembro no contrato 8446?", "missing_days", {"period": SEPTEMBER, "contract": "8446"}),
    ("quem faltou ontem", "missing_days", {"period": YESTERDAY}),
    ("dias sem apontamento esta semana", "missing_days", {"period": THIS_WEEK}),
    (
        "quem nao apontou entre 10/10/2025 e 20/10/2025",
        "missing_days",
        {"period": Period(date(2025, 10, 10), date(2025, 10, 20))},
    ),
    ("quem não apontou de 1/11 a 15/11?", "missing_days", {"period": Period(date(2025, 11, 1), date(2025, 11, 15))}),
    # open spans
    ("Quem esqueceu de bater a saída?", "open_spans", {}),
    ("quem esqueceu de bater a saida", "open_spans", {}),
    ("apontamentos em aberto no contrato 8446", "open_spans", {"contract": "8446"}),
    ("quem esta sem saida hoje", "open_spans", {"period": TODAY_P}),
    ("quem esqeuceu a saida ontem", "open_spans", {"period": YESTERDAY}),
    # validation
    ("Quantos apontamentos não foram validados?", "unvalidated", {}),
    ("quantos apontamentos nao foram validados", "unvalidated", {}),
    ("apontamentos pendentes de validação do contrato 8447", "unvalidated", {"contract": "8447"}),
    # a question about who validates, not about what is pending (it used to list pending entries)
    ("quem valida o contrato 8446?", "validators", {"contract": "8446"}),
    ("quantos nao validados em outubro", "unvalidated", {"period": OCTOBER}),
    # weekend, long days, outliers, averages
    ("quem trabalhou no fim de semana?", "weekend_work", {}),
    ("quem apontou no sabado ou domingo em novembro", "weekend_work", {"period": NOVEMBER}),
    ("Quem trabalhou mais de 10 horas em um dia esta semana?", "days_above", {"hours": 10.0, "period": THIS_WEEK}),
    ("quem trabalhou mais de 12h num dia", "days_above", {"hours": 12.0}),
    ("dias acima de 9,5 horas em outubro", "days_above", {"hours": 9.5, "period": OCTOBER}),
    # "alguém … trabalhou" asks who, but above a limit it is still the days above it
    (
        "alguém trabalhou mais de 9h em um dia esse mês?",
        "days_above",
        {"hours": 9.0, "period": Period(NOVEMBER.start, TODAY)},
    ),
    ("alguem fez mais de 11 horas num dia em outubro", "days_above", {"hours": 11.0, "period": OCTOBER}),
    ("apontamentos fora do padrão", "outliers", {}),
    ("tem algum apontamento muito longo em setembro?", "outliers", {"period": SEPTEMBER}),
    ("qual a duração média dos apontamentos?", "average_span", {}),
    ("media de horas por apontamento da ana paula lima", "average_span", {"resource": "ana paula lima"}),
    # weeks
    ("compare esta semana com a semana passada", "week_comparison", {}),
    ("resumo da semana", "week_comparison", {}),
    # people by role
    ("Quem trabalha com JAVA?", "people_by", {"technology": "JAVA"}),
    ("quem trabalha com java", "people_by", {"technology": "JAVA"}),
    ("quem sao os python?", "people_by", {"technology": "PYTHON"}),
    ("quais pessoas são .NET", "people_by", {"technology": "DOT NET"}),
    ("quem é sênior no contrato 8446?", "people_by", {"level": "senior", "contract": "8446"}),
    ("lista de arquitetos", "people_by", {"profile": "arquiteto"}),
    # unknown
    ("qual a capital da França?", "not_understood", {}),
    ("bla bla bla", "not_understood", {}),
]


ME = "1"  # the asker in this table is Ana Maria Souza
NAMES = {"ana maria": "1", "ana maria souza": "1", "ana paula lima": "2", "joao da silva": "3", "3": "3"}
LEVELS = {"senior": "SÊNIOR"}
PROFILES = {"arquiteto": "ARQUITETO DE SOLUÇÕES"}


def check(got: Question | Clarification, intent: str, params: dict[str, Any]) -> None:
    if isinstance(got, Clarification):
        assert got.reason == intent, got
        return
    assert got.kind == intent
    for key, value in params.items():
        if key == "resource":
            assert got.person == (ME if value is None else NAMES[value]), key
        elif key == "self":
            assert got.asker is value and got.person == ME
        elif key == "count_only":
            assert got.count is value
        elif key == "top":
            assert (got.limit or 10) == value
        elif key == "level":
            assert got.level == LEVELS[value]
        elif key == "profile":
            assert got.profile == PROFILES[value]
        else:
            assert getattr(got, key) == value, key


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 80


@pytest.mark.parametrize(("question", "intent", "params"), CASES, ids=[c[0] for c in CASES])
def test_phrasing(db: Dataset, question: str, intent: str, params: dict[str, Any]) -> None:
    check(understand(db, question, None, TODAY, ME), intent, params)


def test_every_kind_the_understanding_can_choose_has_a_registry_entry() -> None:
    import re
    from pathlib import Path

    from apontamentos.registry import BY_NAME

    source = Path(__file__).parents[2].joinpath("apontamentos", "understanding.py").read_text(encoding="utf-8")
    chosen = set(re.findall(r'(?:return|kind =) "(\w+)"', source)) | set(re.findall(r'Question\("(\w+)"', source))
    assert chosen <= set(BY_NAME), chosen - set(BY_NAME)


def test_a_question_about_contracts_is_not_the_previous_question_again(db: Dataset) -> None:
    """After "minha média diária em outubro?", "qual meu contrato?" asks something else, not the average again."""
    previous = understand(db, "minha media diaria em outubro?", None, TODAY, ME)
    assert isinstance(previous, Question) and previous.kind == "hours_per_day"
    got = understand(db, "qual meu contrato?", previous, TODAY, ME)
    assert isinstance(got, Question) and got.kind == "resource_contracts" and got.person == ME
