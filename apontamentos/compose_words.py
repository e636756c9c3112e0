"""The words that fill a composition's slots: groupings, measures, ranks, shares, weekdays, validation.

Works on prepared text (see language.prepare). Every pattern that matches is consumed, so what is left is
checked word by word (the coverage rule in understanding.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# One entry per grouping of composition.GROUPS.
GROUP_WORDS: dict[str, str] = {
    "weekday": r"\b(?:(?:por|cada|em cada|qual|que|em que|em qual|de cada) )?dias? da semana\b",
    "month": r"\b(?:(?:por|cada|em cada|a cada) mes(?:es)?|mes a mes|mensal(?:mente)?|qual (?:o )?mes|em que mes)\b",
    "week": r"\b(?:(?:por|cada|em cada|a cada) semanas?|semana a semana|semanal(?:mente)?|qual (?:a )?semana)\b",
    "day": r"\b(?:(?:cada|em cada) dia|(?<!horas )(?<!media )por dia(?! trabalhado| util| em media)|dia a dia"
    r"|diariamente|qual (?:o )?dia|em que dia)\b",
    "activity": r"\b(?:(?:por|cada|em cada) (?:atividades?|tarefas?)|qual (?:a )?(?:atividade|tarefa)"
    r"|(?:no|com o|em) que(?= (?:\w+ ){0,3}(?:gast|dedic|invest)))\b",
    "client": r"\b(?:por|cada) contratos? de cliente\b",
    "contract": r"\b(?:(?:por|cada|em cada) contratos?|qual (?:o )?contrato)\b",
    "person": r"\b(?:por|cada|de cada) (?:pessoa|recurso|consultor|colaborador|profissional|cabeca|um|uma)\b",
}
# One entry per measure of composition.MEASURES ("hours" is what a composition measures unless told).
MEASURE_WORDS: dict[str, str] = {
    "last_day": r"\b(?:ate que dia|ultimo dia(?! util)(?: (?:com|que teve|de|em que|que)\b)?|ultimo apontamento"
    r"|ultima vez que)",
    "first_day": r"\b(?:desde quando|primeiro dia(?! util)(?: (?:com|que teve|de|em que|que)\b)?|primeiro apontamento"
    r"|quando comec\w+)",
    "avg_person": r"\bmedia (?:de horas )?(?:por|de cada) (?:pessoa|recurso|consultor|cabeca)\b",
    "avg_day": r"\bmedia (?:de horas )?(?:por|ao) dia\b(?: trabalhado)?",
    "open_spans": r"\b(?:apontamentos )?sem saida\b",
    "people": r"\b(?:(?:quantas|numero de|quantidade de|em) (?:pessoas|recursos|consultores|colaboradores)"
    r"|(?:(?<=mais )|(?<=menos ))(?:gente|pessoas))\b",  # the rank word stays for the rank
    "days": r"\b(?:(?:quant[oa]s|numero de) dias (?:com apontamento|apontados|com registro)|em dias(?! ute?is))\b",
    "entries": r"\b(?:(?:quantos|numero de|quantidade de) )?(?:apontamentos|registros|lancamentos)\b",
    "hours": r"\b(?:quantas |total de )?horas\b",
}
# A plural article makes a weekday recurring ("às sextas", "aos sábados"; the corrector may have dropped the
# plural "s"); "na sexta" is one date, read by dates.py.
WEEKDAY_WORDS = (
    r"\b(?:as|nas|aos|nos|das|dos|todas as|todos os|toda|todo) (segunda|terca|quarta|quinta|sexta|sabado|domingo)s?"
    r"(?: ?feiras?)?\b"
)
WEEKDAY_NUMBERS = {"segunda": 1, "terca": 2, "quarta": 3, "quinta": 4, "sexta": 5, "sabado": 6, "domingo": 7}
VALIDATED_WORDS = r"\b(?:nao (?:foram |estao )?(?:validad|aprovad)\w*|(?:validad|aprovad)\w*)"
SHARE_WORDS = r"\b(?:quanto )?(?:por cento|porcentagem|percentual|proporcao|fatia)\b(?: (?:d[aoe]s?|em))?"
RANK_WORDS = re.compile(
    r"\b(?:(?:os|as) )?(?:(\d{1,3}|um|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez) )?(?:que |com |de )?"
    r"(mais|menos)\b(?! de \d)"
    r"|\b(top|maiores|menores|ranking|piores|melhores|primeiros|primeiras|ultimos|ultimas)\b(?: (\d{1,3}))?"
)
# Numbers in words as a rank's size ("os cinco que mais"): language normalisation may already give digits.
_SMALL = {"um": 1, "dois": 2, "duas": 2, "tres": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8}
_SMALL |= {"nove": 9, "dez": 10}
_COUNTED = re.compile(
    r"\b(\d{1,3}|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez) (?:contratos|atividades|tarefas|pessoas"
    r"|recursos|consultores|colaboradores|meses|semanas|dias)\b"
)
_BEFORE_RANK = re.compile(r"\b(\d{1,3}|um|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez) $")
_PEOPLE = r"\b(?:pessoas?|recursos?|consultor(?:es|as?)?|colaborador(?:es|as?)?|profissionais)\b"
TOTAL_WORDS = r"\b(?:no total|(?<=e )o total|somando tudo|somando|no geral|ao todo|tudo junto|somad[oa]s?)\b"


_GROUPS = {name: re.compile(pattern) for name, pattern in GROUP_WORDS.items()}
_MEASURES = {name: re.compile(pattern) for name, pattern in MEASURE_WORDS.items()}
_SHARE, _WEEKDAY, _TOTAL = re.compile(SHARE_WORDS), re.compile(WEEKDAY_WORDS), re.compile(TOTAL_WORDS)
# What a rank without "por"/"cada" ranks, by the noun it names ("os 3 contratos com mais horas").
# ("do contrato E6888780" names a filter, not what is ranked)
_RANKED = re.compile(
    r"(?<!\bdo )(?<!\bno )(?<!\bda )(?<!\bna )(?<!desse )(?<!nesse )(?<!deste )(?<!neste )"
    r"\b(contratos?|atividades?|tarefas?|meses|mes|semanas?|dias?)\b"
)
_RANKED_GROUPS = {"contratos": "contract", "atividades": "activity", "tarefas": "activity", "meses": "month"}
_RANKED_GROUPS |= {"semanas": "week", "dias": "day", "contrato": "contract", "atividade": "activity"}
_RANKED_GROUPS |= {"tarefa": "activity", "mes": "month", "semana": "week", "dia": "day"}
_WHO, _PEOPLE_RE = re.compile(r"\bquem\b"), re.compile(_PEOPLE)
_SINGULAR = re.compile(r"(?:qual|que|em que|em qual)\b")


@dataclass
class Read:
    """What the composition words of a question said, and the text left once they are consumed."""

    rest: str
    group: str | None = None
    measure: str | None = None
    weekday: int | None = None
    validated: bool | None = None
    share: bool = False
    rank: str | None = None  # "desc" or "asc": a ranking was asked for
    limit: int | None = None
    singular: bool = False  # "qual mês", "em que dia da semana", "quem": the top one
    second_group: str | None = None
    said_group: bool = False  # the grouping was said ("por dia"), not inferred from a ranked noun
    inferred: bool = False  # the grouping by person was inferred from a rank ("os 4 que menos"), not said
    total: bool = False
    said: list[str] = field(default_factory=list)  # the words consumed, as the user wrote them

    @property
    def composes(self) -> bool:
        return bool(self.group or self.share or self.weekday or self.measure in _ONLY_COMPOSED)


# Measures the catalogue kinds never answered: saying one of them is a composition by itself.
_ONLY_COMPOSED = frozenset({"first_day", "last_day"})


def read(text: str) -> Read:
    """The composition slots named in `text` (prepared), each consumed from the returned rest."""
    found = Read(f" {text} ")

    def take(pattern: re.Pattern[str]) -> re.Match[str] | None:
        match = pattern.search(found.rest)
        if match:
            found.said.append(match.group(0).strip())
            found.rest = found.rest[: match.start()] + " " + found.rest[match.end() :]
        return match

    for name, pattern in _MEASURES.items():
        if name != "hours" and take(pattern):
            found.measure = name
            break
    if match := take(_SHARE):
        found.share = bool(match)
    if match := take(_WEEKDAY):
        found.weekday = WEEKDAY_NUMBERS[match.group(1)]
    for name, pattern in _GROUPS.items():
        if found.group is None and (match := take(pattern)):
            found.group, found.said_group = name, True
            found.singular = bool(_SINGULAR.match(match.group(0)))
        elif found.group is not None and pattern.search(found.rest):
            found.second_group = name  # "horas de cada pessoa por contrato": two breakdowns at once
    if match := RANK_WORDS.search(found.rest):
        found.rank = (
            "asc"
            if (match.group(2) == "menos" or match.group(3) in ("menores", "piores", "ultimos", "ultimas"))
            else "desc"
        )
        number = match.group(1) or match.group(4)
        if number is None and (before := _BEFORE_RANK.search(found.rest[: match.start()])):
            number = before.group(1)  # "os cinco primeiros"
            found.rest = found.rest[: before.start()] + " " + found.rest[before.end() :]
            match = RANK_WORDS.search(found.rest) or match
        elif number is None and (counted := _COUNTED.search(found.rest)):
            number = counted.group(1)  # "os 3 contratos com menos horas"
            found.rest = found.rest[: counted.start(1)] + " " + found.rest[counted.end(1) :]
            match = RANK_WORDS.search(found.rest) or match
        found.limit = (int(number) if number.isdigit() else _SMALL[number]) if number else None
        found.said.append(match.group(0).strip())
        found.rest = found.rest[: match.start()] + " " + found.rest[match.end() :]
        if found.group is None and (who := _WHO.search(found.rest)):
            found.group, found.singular = "person", True
            found.rest = found.rest[: who.start()] + " " + found.rest[who.end() :]
        elif found.group is None and (noun := _RANKED.search(found.rest)):
            found.group = _RANKED_GROUPS[noun.group(1)]  # "os 3 contratos com mais horas"
            found.singular = not noun.group(1).endswith("s") or noun.group(1) == "mes"  # "qual o dia com mais"
        elif found.group is None and (found.limit or _PEOPLE_RE.search(found.rest) or "que" in match.group(0)):
            found.group, found.inferred = "person", True  # "os 4 que menos apontaram", "as pessoas que mais"
        elif found.group is None and match.group(3) in ("primeiros", "primeiras", "ultimos", "ultimas", "top"):
            found.group, found.inferred = "person", True  # "os 5 primeiros do 8600"
    if take(_TOTAL):
        found.total = True
    found.rest = " ".join(found.rest.split())
    return found
