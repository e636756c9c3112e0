"""The registry of the kinds of question: one entry per kind, in the order the understanding tries them.

An entry holds the words that ask it, the renderer that answers it and the typed queries behind it, which
are also the LLM engine's tools. Adding a kind of question is adding an entry here (and its renderer).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import answers, compose_answer
from . import queries as q
from .answers import Renderer


@dataclass(frozen=True)
class Kind:
    """One kind of question. `words` (regular expressions matched at a word start) ask it when any matches,
    together with one of `also` when given, and none of `unless`. A kind without words is chosen by the
    understanding from what the question names (a group of people, a greeting)."""

    name: str
    render: Renderer
    queries: tuple[Callable[..., Any], ...] = ()
    words: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()

    def asked_by(self, text: str) -> bool:
        return (
            any_of(text, self.words)
            and (not self.also or any_of(text, self.also))
            and not (self.unless and any_of(text, self.unless))
        )


def any_of(text: str, patterns: tuple[str, ...]) -> bool:
    """Whether one of the patterns matches `text` at a word start."""
    return bool(patterns) and _alternation(patterns).search(text) is not None


@functools.lru_cache(maxsize=1024)
def _alternation(patterns: tuple[str, ...]) -> re.Pattern[str]:
    # One compiled regex per tuple: the understanding tries every kind's words on every question.
    return re.compile("|".join(rf"\b(?:{p})" for p in patterns))


# Asking for clock-in and clock-out times: a person's days, and nobody else's (see the understanding).
# The first person too ("que horas eu entrei"): the asker's days, as a named person's.
# "que horas ela chegou", "que horas eu costumo chegar", "ela entra q horas normalmente": when each day began
_CLOCK_VERB = (
    "(?:entr(?:ou|ei|a|am|o|ava|avam|ar|ando|ado)|cheg(?:ou|uei|a|am|o|ava|avam|ar|ando|ado)|sa(?:iu|i|em|ia|iam|ir|indo|ido)"
    "|comec(?:ou|ei|a|am|ava|ar|ando)|termin(?:ou|ei|a|am|ava|ar|ando)|bat(?:eu|i|e|em|ia|er|endo|ido))"
)
CLOCK_WORDS = (
    f"(?:que|qual) horas? (?:\\w+ ){{0,6}}{_CLOCK_VERB}\\b",
    f"{_CLOCK_VERB} (?:\\w+ ){{0,3}}?(?:as |a |por volta das )?(?:que|qual) horas?\\b",
    f"(?:a|as) horas? (?:que|q|em que) (?:\\w+ ){{0,2}}{_CLOCK_VERB}\\b",  # "a hora q ele chegou cada dia"
    "horarios?\\b",
    # "me mostra a entrada dela em cada dia dessa semana"
    "(?:a|as|minha|minhas|sua|suas) entradas? (?:d[ao]|dela|dele|em cada dia|de cada dia|por dia|nos dias|dessa|desta)"
    "\\b",
)


# The subjects each kind's answer can be narrowed to (the rest: a person or a contract). A question naming
# another is asked back, never answered with the figure for everyone. Calendar and fixed answers are the
# same for anyone.
PERSON_OR_CONTRACT = frozenset({"person", "contract"})
EVERYONE_ALIKE = frozenset({"person", "contract", "technology", "profile", "level"})
TAKES: dict[str, frozenset[str]] = {
    "validators": PERSON_OR_CONTRACT,
    "unvalidated": frozenset({"contract"}),
    "hours_by_person": frozenset({"contract", "technology"}),
    "ranking": frozenset({"contract", "technology"}),
    "contract_resources": frozenset({"contract", "technology"}),
    "people_by": frozenset({"contract", "technology", "profile", "level"}),
    "average_span": PERSON_OR_CONTRACT,
    "expected_vs_worked": PERSON_OR_CONTRACT,
    "resource_days": frozenset({"person"}),
    "resource_contracts": frozenset({"person"}),
    "person_activities": frozenset({"person"}),
    "contract_details": frozenset({"contract"}),
    "compose": frozenset({"person", "contract", "technology", "profile", "level"}),
    **dict.fromkeys(("working_days", "holidays", "greeting", "help", "thanks", "glossary"), EVERYONE_ALIKE),
    **dict.fromkeys(("contract_ranking", "list_contracts", "period_summary"), frozenset()),
}

# Activities asked without the word: "no que o 8447 gastou mais tempo", "o que a equipe fez", "trabalhou com oq".
IMPLICIT_ACTIVITY = (
    # the words between name who ("com o que ela trabalhou"), never what is asked ("em que contratos eu trabalho")
    "(?:no|com|em) (?:o )?(?:que|q|oq) (?:(?!contrat|dia|cliente|projet|mes\\b|semana|hora|periodo)\\w+ ){0,3}"
    "(?:trabalh|gast|ocup|dedic)",
    "\\btrabalh\\w* (?:com|em|no) (?:o que|oq|que|q)\\b",
    # "no que o pessoal do 8418 mais gastou hora?": a team and its contract between
    "(?:no|com|em) (?:o )?(?:que|q|oq) (?:o|a) (?:pessoal|time|equipe|galera) d[oa] \\w+ "
    "(?:mais )?(?:trabalh|gast|ocup)",
    "o que (?:\\w+ ){1,3}(?:fez|fizeram|faz|fazem)\\b",
)

# Order matters where phrasings overlap: "quem esqueceu de apontar" is missing days, not a forgotten clock-out.
REGISTRY: tuple[Kind, ...] = (
    Kind(
        "activity_distribution",
        answers.activity_distribution,
        (q.activity_summary,),
        ("distribu", "percentu", "porcent", "proporc", "divid", "fatia"),
        also=("atividade", "tarefa"),
    ),
    Kind(
        "activity_breakdown",
        answers.activity_breakdown,
        (q.activity_summary,),
        ("por atividade", "por tarefa", "em cada atividade"),
    ),
    Kind(
        "person_activities",
        answers.person_activities,
        (q.activity_summary,),
        (
            "no que (?:\\w+ )?trabalh",
            "com o que (?:\\w+ )?trabalh",
            *IMPLICIT_ACTIVITY,
            "em que atividade",
            "quais atividades",
            "que atividades",
        ),
    ),
    Kind(
        "activity_ranking",
        answers.activity_ranking,
        (q.activity_summary,),
        ("atividades?", "tarefas?"),
        also=("ranking", "mais", "menos", "top", "maiores", "principais", "frequentes", "comuns"),
    ),
    Kind(
        "activity_list", answers.activity_list, (q.activity_summary,), ("atividades", "tarefas", "tipos de atividade")
    ),
    Kind("activity_hours", answers.activity_hours, (q.activity_hours,)),
    Kind(
        "validators",
        answers.validators,
        (q.validators,),
        ("quem (?:e )?(?:que |q )?(?:valid|aprov)(?:a|ou|aram|am)", "validador", "aprovador", "responsavel por valid"),
    ),
    Kind(
        "missing_days",
        answers.missing_days,
        (q.missing_days, q.person_missing_days),
        (
            "nao apont",
            "sem apontar",
            "sem apontamento",
            "falt(?:ei|ou|aram|amos)\\b",
            "devendo dias?\\b",
            "faltas?\\b",
            "nao (?:fiz|fez|fizeram|tive|teve|houve) (?:nenhum )?apontamento",
            "dias? faltando\\b",
            "faltando (?:algum |uns |\\d+ )?dias?\\b",  # "quem tá faltando dia esse mês"
            "dias sem",
            "esquec\\w* de (?:apontar|lancar|registrar)(?! (?:a |as )?saidas?)",
            "deix\\w+ de (?:apontar|lancar|registrar)(?! (?:a |as )?saidas?)",
            "(?:deix|esquec)\\w+ de bater\\b(?! (?:a |as )?saidas?)",  # "esqueci de bater em outubro": a day missed
            "ausen",
            "nao lanc",
            "nao registr",
        ),
        unless=(
            "validar",
            "aprovar",
            "validad",
            "aprovad",
            "fechar",
            "cumprir",
            "meta",
            "bater as horas",
        ),  # "falta pra fechar"
    ),
    Kind(
        "open_spans",
        answers.open_spans,
        (q.open_spans,),
        (
            "esquec\\w* (?:de )?(?:bater|registrar|marcar|apontar) (?:a )?saida",
            "esquec\\w* (?:a )?saida",
            "esquec\\w* (?:de )?(?:fechar|encerrar)",  # "esqueci de fechar o ponto", not "falta pra fechar o mês"
            "(?:nao|sem) (?:fechou|fechei|fecharam|fechad|fechar)",
            "ponto (?:em )?aberto",
            "bat\\w* (?:a )?saida",  # "bati a saída ontem?"
            "bateu (?:a )?saida",
            "sem saida",
            "em aberto",
            "abertos?\\b",
            "abertas?\\b",
            "nao bat",
            "saida em aberto",
        ),
    ),
    Kind(
        "unvalidated",
        answers.unvalidated,
        (q.unvalidated,),
        (
            "nao (?:foram |estao )?validad",
            "sem (?:validar|validacao|aprovar|aprovacao)",  # "apontamentos sem validar"
            "pendentes?",
            "pendencias?",
            "falta\\w* validar",
            "falta\\w* aprovar",
            "nao aprovad",
            "aguardando",
            "validad",
            "aprovad",
        ),
    ),
    Kind(
        "holiday_work",
        answers.holiday_work,
        (q.holiday_work,),
        ("feriado",),
        also=("trabalh", "apont", "quem", "alguem", "registr"),
    ),
    Kind("working_days", answers.working_days, (q.working_days_in,), ("dias? ute?is", "dia util", "feriados?")),
    Kind("holidays", answers.holidays),
    Kind(
        "weekend_work",
        answers.weekend_work,
        (q.weekend_work,),
        ("fim de semana", "final de semana", "fins de semana", "finais de semana", "sabados?", "domingos?"),
    ),
    Kind(
        "outliers",
        answers.outliers,
        (q.outliers,),
        ("fora do padrao", "fora da curva", "anormai", "outlier", "atipic", "muito long", "longos? demais", "excessiv")
        + ("suspeit", "absurd", "mto long", "exagerad", "anormalmente"),
    ),
    Kind(
        "hours_per_day",
        answers.hours_per_day,
        (q.hours_per_day,),
        (
            "por dia trabalhado",
            "media diaria",
            "media por dia",
            "quant\\w* horas por dia",  # "minhas horas por dia na semana passada" is each day (a composition)
            "media de horas por dia",
            "por dia em media",
            "quant[oa]s dias (?:\\w+ ){0,3}(?:trabalh|apont)",  # "qts dias": the shorthand reads "quantas"
        ),
    ),
    Kind(
        "hours_by_person",
        answers.hours_by_person,
        (q.ranking,),
        (
            "cada (?:um|uma|pessoa|recurso|consultor|colaborador|profissional)\\b",
            "por (?:pessoa|recurso|consultor|colaborador|profissional|cabeca)\\b",
            "individualmente",
        ),
    ),
    # "quanto dura um apontamento dela normalmente": the average span too
    Kind(
        "average_span",
        answers.average_span,
        (q.average_span,),
        ("media", "medio", "duracao", "quanto tempo dura", "quanto dura"),
    ),
    Kind(
        "expected_vs_worked",
        answers.expected_vs_worked,
        (q.expected_vs_worked,),
        ("esperad", "deveria", "devia", "previst", "saldo", "banco de horas", "meta", "devendo", "a cumprir")
        + ("fechar\\b(?! o relatorio| relatorio| o ponto| a semana)",)  # "fechar o mês", not "fechar o relatório"
        + ("eram? (?:pra|para) (?:eu |ele |ela )?ter (?:feito|trabalhado|apontado)", "tinha que ter feito")
        + ("bat\\w* (?:as |minhas |suas |a )?(?:horas|meta)\\b",),  # "bati as horas de outubro?"
    ),
    Kind(
        "week_comparison",
        answers.week_comparison,
        (q.week_comparison,),
        ("compar", "versus", "vs\\b", "em relacao", "resumo da semana"),
    ),
    Kind(
        "contract_ranking",
        answers.contract_ranking,
        (q.list_contracts,),
        ("contratos?",),
        also=(
            "ranking",
            "mais horas",
            "menos horas",
            "mais trabalh",
            "menos trabalh",
            "maior",
            "menor",
            "qual deles",
            "tem mais",
            "tem menos",
            "teve mais",
            "teve menos",
        ),
    ),
    Kind(
        "ranking",
        answers.ranking,
        (q.ranking,),
        (
            "ranking",
            "rank\\b",
            "top",
            "quem mais",
            "quem menos",
            "quem trabalhou mais",
            "quem trabalhou menos",
            "mais horas",
            "menos horas",
            "maiores",
            "menores",
            "trabalhou menos",
            "trabalhou mais",
            "trabalharam mais",
            "trabalharam menos",
            "mais trabalh",
            "menos trabalh",
        ),
    ),
    Kind(
        "resource_days",
        answers.resource_days,
        (q.resource_days,),
        (
            "dia a dia",
            "por dia",
            "extrato",
            "detalh",
            "diari",
            *CLOCK_WORDS,
        ),
    ),
    Kind(
        "resource_contracts",
        answers.resource_contracts,
        (q.resource_contracts,),
        (
            "quais contratos",
            "que contratos",
            "em quais(?! dias?\\b| datas?\\b| semanas?\\b| meses\\b)",  # "em quais dias?" asks when, not where
            "em que contrato",
            "contratos (?:d[oa]|que)",
            "qual contrato",
            "(?:meus?|seus?) contratos? (?:e|sao) (?:qual|quais)\\b",  # "meu contrato é qual mesmo?"
            "qua(?:l|is) (?:(?:e|sao) )?(?:os? )?(?:meus?|seus?) contratos?",  # "qual é o meu contrato?": the person's
            "onde (?:\\w+ )?trabalh",
        ),
    ),
    Kind(
        "list_contracts",
        answers.list_contracts,
        (q.list_contracts,),
        ("contratos\\b", "cada contrato", "por contratos?\\b"),
    ),
    Kind(
        "contract_resources",
        answers.people,
        (q.contract_resources,),
        (
            "recursos",
            "pessoas",
            "consultor",
            "colaborador",
            "quem (?:(?:d|n)[oa]s? )?trabalha",  # "quem do 8422 apontou": the contract's words are consumed
            "quem (?:(?:d|n)[oa]s? )?atua",
            "equipe",
            "time\\b",
            "quem (?:(?:d|n)[oa]s? )?apont",
            "quem (?:(?:d|n)[oa]s? )?(?:lanc|registr)ou",  # "quem lançou hora no 8246 essa semana?"
            "quem esta",
            "list\\w* (?:o |os |a |as )?(?:pessoal|galera|turma|gente|nomes)",  # "lista o pessoal do 8301"
            "pessoal (?:\\w+ ){0,2}q(?:ue)? (?:apont|trabalh)",  # "o pessoal do 8301 q apontou"
        ),
    ),
    Kind("people_by", answers.people_by, (q.people_by,)),
    Kind("days_above", answers.days_above, (q.days_above,)),
    Kind(
        "total_hours",
        answers.total_hours,
        (q.total_hours,),
        (
            "horas?",
            "total",
            "trabalh",
            "fez",
            "fizeram",
            "fiz\\b",
            "fizemos",
            "somou",
            "deu\\b",
            "apontad",
            "quanto tempo",
        ),
    ),
    Kind(
        "period_summary",
        answers.period_summary,
        (q.period_summary,),
        ("resumo", "panorama", "visao geral", "como foi", "como esta"),
    ),
    Kind(
        "contract_details",
        answers.contract_details,
        (q.contract_details,),
        ("mostr", "detalh", "exib", "informac", "dados d", "ver\\b"),
    ),
    Kind("compose", compose_answer.render),  # chosen by the understanding (composition.py), never by words
    Kind("greeting", answers.static(answers.GREETING)),
    Kind("help", answers.static(answers.HELP)),
    Kind("glossary", answers.glossary),
    Kind("thanks", answers.static(answers.THANKS)),
)

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in REGISTRY}

# The typed queries the LLM engine offers as tools: every kind's, and name search for clarifying who.
TOOL_QUERIES: tuple[Callable[..., Any], ...] = tuple(
    dict.fromkeys([*(query for kind in REGISTRY for query in kind.queries), q.find_resources])
)


def kind_of(text: str) -> str | None:
    """The first kind whose words the (prepared) text uses."""
    return next((kind.name for kind in REGISTRY if kind.asked_by(text)), None)


def takes(kind: str) -> frozenset[str]:
    """The subjects (person, contract, technology, profile, level) an answer of `kind` can be narrowed to."""
    return TAKES.get(kind, PERSON_OR_CONTRACT)
