"""The words that fill a composition's slots: groupings, measures, ranks, shares, weekdays, validation.

Works on prepared text (see language.prepare). Every pattern that matches is consumed, so what is left is
checked word by word (the coverage rule in understanding.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# One entry per grouping of composition.GROUPS.
GROUP_WORDS: dict[str, str] = {
    "weekday": r"\b(?:(?:por|cada|em cada|qual(?: o| foi o| e o)?(?: meu| seu| nosso)?|que|em que|em qual(?: o)?"
    r"|de cada) )?dias? da semana\b",
    "month": r"\b(?:(?:por|cada|em cada|a cada) mes(?:es)?|mes a mes|mensal(?:mente)?|qual (?:o )?mes|em que mes)\b",
    "week": r"\b(?:(?:por|cada|em cada|a cada) semanas?|semana a semana|semanal(?:mente)?|qual (?:a )?semana)\b",
    # "minhas horas por dia na semana passada" lists the days; "quantas horas por dia", an average, does not
    "day": r"\b(?:(?:cada|em cada) dia|(?<!quantas horas )(?<!horas em media )(?<!media )(?<!media de horas )"
    r"por dia(?! trabalhado| util| em media)|dia a dia"
    r"|diariamente|(?:quebra|visao|divisao|detalhe) diari[oa]|qual (?:o )?dia|em que dia"
    r"|(?<=lista )(?:os )?dias e (?:as )?horas|(?<=mostra )(?:os )?dias e (?:as )?horas)\b",  # each day, its hours
    "activity": r"\b(?:(?:por|cada|em cada) (?:atividades?|tarefas?)|qual (?:a )?(?:atividade|tarefa)"
    r"|(?:no|com o|em) que(?= (?:\w+ ){0,3}(?:gast|dedic|invest)))\b",
    # "qual dos dois contratos cliente do 7874 teve mais hora?": its client contracts, ranked
    "client": r"\b(?:(?:por|cada|em cada) contratos?|qual (?:deles|dos (?:dois|\d+)) contratos?)"
    r" (?:de |do )?clientes?\b",
    "contract": r"\b(?:(?:por|cada|em cada) contratos?|qual (?:o )?contrato)\b",
    "person": r"\b(?:por|cada|de cada) (?:pessoa|recurso|consultor|colaborador|profissional|cabeca|um|uma)\b",
}
# One entry per measure of composition.MEASURES ("hours" is what a composition measures unless told).
MEASURE_WORDS: dict[str, str] = {
    # who stopped recording time: nothing in the period ("sem apontar desde": see read's `since`)
    "idle_people": r"\b(?:(?:ta|esta|estao|ficou|ficaram) )?(?:par(?:ou|aram|ado|ados|ada|adas) de apontar"
    r"|sem apontar nada|nao (?:apont|lanc|registr)\w* nada)\b",
    "last_day": r"\b(?:ate que dia|ultimo dia(?! util)(?: (?:com|que teve|de|em que|que)\b)?|ultimo apontamento"
    r"|ultima vez(?: que)?)",
    "first_day": r"\b(?:desde quando|primeiro dia(?! util)(?: (?:com|que teve|de|em que|que)\b)?|primeiro apontamento"
    r"|primeira vez(?: que)?|quando\s+(?:\w+\s+){0,3}?comec\w+)",
    # "média por dia por pessoa" is this one, per person and day (not a breakdown by person)
    "avg_day": r"\bmedia (?:(?:de|quantas) horas )?(?:(?:por|ao) dia\b(?: trabalhado)?"
    r"(?: (?:por|de cada) (?:pessoa|recurso|consultor))?"
    r"|(?:por|de cada) (?:pessoa|recurso|consultor) (?:por|ao) dia\b)",
    "avg_person": r"\bmedia (?:(?:de|quantas) horas )?(?:por|de cada) (?:pessoa|recurso|consultor|cabeca)\b",
    "open_spans": r"\b(?:apontamentos )?sem saida\b",
    "people": r"\b(?:(?:quantas|quantos|quanta|numero de|quantidade de|qtd de|em)"
    r" (?:pessoas|recursos|consultores|colaboradores|gente)"
    r"|(?:(?<=mais )|(?<=menos ))(?:gente|pessoas))\b",  # the rank word stays for the rank
    # "quantos dias eu trabalhei", "em quantos dias o 8446 teve apontamento": only words about whom between
    # "dias" and the verb, so "dias (que) eu não apontei", "dias úteis", "dias de trabalho" are not read here;
    # "e em dias?" after hours asks the same in days
    "days": r"\b(?:(?:em )?(?:quantos|quantas|numero de|quantidade de) dias?\s+"
    r"(?:com apontamento|apontados|com registro"
    r"|(?:(?:diferentes|distintos|eu|ele|ela|eles|elas|voce|o|a|os|as|que|ja|tem|teve|tiveram|houve|gente)\s+)*"
    r"(?:trabalh\w*|apont\w*|registr\w*|lanc\w*|fiz|fez|fizeram))|em dias(?! ute?is)"
    r"|(?:trabalh\w*|apont\w*|registr\w*|lanc\w*) (?:em )?(?:quantos|quantas) dias"  # "apontei em quantos dias"
    r"(?! (?:de|d[eo]s?|n[oa]s?|em) (?:fim|fins|final|finais|fds|feriados?|sabados?|domingos?)\b))\b"
    # "e qnts dias?" alone (its "quantos" may be read already)
    r"|^ *(?:e )?(?:em )?(?:(?:quantos|quantas) )?dias(?: (?:foram|ao todo|no total))? *$"
    r"|^ *(?:e )?(?:os )?dias (?:trabalhados|apontados|com apontamento)\b"  # "dias trab. da Natália": a count
    # "quem trabalhou mais dias", "qual dos dois apontou menos dias": days with an entry, ranked (the rank word stays)
    r"|(?:(?<=mais )|(?<=menos ))dias\b(?! (?:uteis|sem|de|d[eo]s|n[oa]s?|com|acima|abaixo)\b)",
    "entries": r"\b(?:(?:quantos|numero de|quantidade de) )?(?:apontamentos|registros|lancamentos)\b"
    r"|\b(?:numero|quantidade|qtd) de (?:apontamento|registro|lancamento)\b"  # "e por quantidade de apontamento?"
    r"|\b(?:mais|menos) (?:apontamento|registro|lancamento)\b",  # "qual atividade tem mais lançamento?"
    "hours": r"\b(?:quantas |total de )?horas\b",
}
# A plural article makes a weekday recurring ("às sextas", "aos sábados"; the corrector may have dropped the
# plural "s"); "na sexta" is one date, read by dates.py.
WEEKDAY_WORDS = (
    r"\b(?:as|nas|aos|nos|das|dos|todas as|todos os|toda|todo) (segunda|terca|quarta|quinta|sexta|sabado|domingo)s?"
    r"(?: ?feiras?)?\b"
)
WEEKDAY_NUMBERS = {"segunda": 1, "terca": 2, "quarta": 3, "quinta": 4, "sexta": 5, "sabado": 6, "domingo": 7}
# Several weekdays as one filter: the weekend ("nos fins de semana", "nesses fds") or weekdays joined by "e" /
# "ou" ("no sábado e domingo", "às segundas e sextas"). Recurring ones ("às segundas e sextas") are always
# read; the others only where the question asks how much (see understanding): "alguém trabalhou sábado ou
# domingo?" asks who, which the weekend answer lists.
_DAY = r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)s?(?:\s*-?\s*feiras?)?"
_ARTICLE = r"(?:(?:n|d|a)?[oa]s?|em|todos os|todas as|todo|toda)\s+"
_MORE_DAYS = rf"(?:\s+(?:(?:e|ou)\s+)?(?:{_ARTICLE})?{_DAY})+"  # commas are gone: "segundas quartas e sextas"
WEEKDAY_SET_WORDS = (
    rf"\b(?:(?:{_ARTICLE}|(?:n|d)?(?:esses|estes)\s+)?(?:fim|fins|final|finais) de semana"
    rf"|(?:{_ARTICLE})?{_DAY}{_MORE_DAYS})\b"
)
RECURRING_WEEKDAYS_WORDS = rf"\b(?:as|nas|aos|nos|das|dos|todas as|todos os)\s+{_DAY}{_MORE_DAYS}\b"
_WEEKDAY_NAME = re.compile(r"segunda|terca|quarta|quinta|sexta|sabado|domingo")
# "qual dia útil eu menos trabalho?": the weekdays Monday to Friday, compared (not the count of working days)
WORKING_WEEKDAY_WORDS = r"\b(?:(?:em )?(?:qual|que) (?:o )?dia util|(?:por|cada) dia util da semana)\b"
VALIDATED_WORDS = r"\b(?:nao (?:foram |estao )?(?:validad|aprovad)\w*|(?:validad|aprovad)\w*)"
SHARE_WORDS = (
    r"\b(?:quanto )?(?:por cento|porcentagem|percentual|proporcao|fatia|participacao)\b(?: (?:d[aoe]s?|em)\b)?"
    r"|\b(?:isso|isto) (?:representa|equivale)(?: a)?\b"  # "qnto isso representa do 8446?": a share of it
    r"|\b(?:representou|representa|representaram)(?= d[aeo]s? )"  # "qual % o Felipe representou das horas do time"
    r"|\b(?:representou|representa|representaram)(?= n(?:ele|ela|eles|elas|o|a|os|as)\b)"  # "cada uma representa nele"
    r"|\bquant[oa] d[ao]s(?= (?:\w+ )?horas\b(?: \w+)* (?:foi|foram)\b)"  # "quanto das minhas horas foi nas sextas"
)
RANK_WORDS = re.compile(
    r"\b(?:(?:os|as) )?(?:(\d{1,3}|um|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez) )?(?:que |com |de )?"
    r"(mais|menos)\b(?! de \d)"
    r"|\b(top|maiores|menores|ranking|piores|melhores|primeiros|primeiras|ultimos|ultimas|lanterna"
    r"|campeao|campea|(?<=o )ultimo(?: colocado| lugar)?|(?<=em )ultimo(?: lugar)?|(?<=a )ultima(?: colocada)?)\b"
    r"(?: (\d{1,3}))?"
)
# Numbers in words as a rank's size ("os cinco que mais"): language normalisation may already give digits.
_SMALL = {"um": 1, "dois": 2, "duas": 2, "tres": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8}
_SMALL |= {"nove": 9, "dez": 10}
_COUNTED = re.compile(
    r"\b(\d{1,3}|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez) (?:contratos|atividades|tarefas|pessoas"
    r"|recursos|consultores|colaboradores|meses|semanas|dias)\b"
)
_RANK_SIZE = re.compile(
    r"\b(?:os|as) (\d{1,3}|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez) "
    r"(?:ultimos|ultimas|primeiros|primeiras|de baixo|de cima|piores|melhores)\b"
)
_FIRST = ("primeiros", "primeiras", "top")
_ASCENDING = re.compile(r"\bdo menor (?:para|pro|ao) (?:o )?maior\b|\bcrescente\b")
_BEFORE_RANK = re.compile(r"\b(\d{1,3}|um|dois|duas|tres|quatro|cinco|seis|sete|oito|nove|dez) $")
_PEOPLE = r"\b(?:pessoas?|recursos?|consultor(?:es|as?)?|colaborador(?:es|as?)?|profissionais)\b"
TOTAL_WORDS = (
    r"\b(?:no total|(?:(?<=e )|(?<=deu )|(?<=foi )|(?<=ficou ))o total|(?:o|do|no) contrato (?:todo|inteiro)"
    r"|somando tudo|somando|soma tudo|no geral|ao todo"
    r"|tudo junto|somad[oa]s?|inteir[oa])\b"
)


def _rank_size(text: str) -> bool:
    """Whether a ranking in `text` says how many: "os 3 com mais", "top 5", "os 3 top"."""
    match = RANK_WORDS.search(text)
    return bool(match and (match.group(1) or match.group(4) or _BEFORE_RANK.search(text[: match.start()])))


_GROUPS = {name: re.compile(pattern) for name, pattern in GROUP_WORDS.items()}
_MEASURES = {name: re.compile(pattern) for name, pattern in MEASURE_WORDS.items()}
_SHARE, _WEEKDAY, _TOTAL = re.compile(SHARE_WORDS), re.compile(WEEKDAY_WORDS), re.compile(TOTAL_WORDS)
# "sextas feiras de novembro", "domingos": a plural weekday recurs without its article too
_PLURAL_WEEKDAY = re.compile(r"\b(segunda|terca|quarta|quinta|sexta|sabado|domingo)s(?:[ -]?feiras)?\b")
_WEEKDAY_SET, _RECURRING = re.compile(WEEKDAY_SET_WORDS), re.compile(RECURRING_WEEKDAYS_WORDS)
_WORKING_WEEKDAY = re.compile(WORKING_WEEKDAY_WORDS)
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
    weekday: tuple[int, ...] | None = None
    validated: bool | None = None
    share: bool = False
    rank: str | None = None  # "desc" or "asc": a ranking was asked for
    limit: int | None = None
    singular: bool = False  # "qual mês", "em que dia da semana", "quem": the top one
    second_group: str | None = None
    said_group: bool = False  # the grouping was said ("por dia"), not inferred from a ranked noun
    inferred: bool = False  # the grouping by person was inferred from a rank ("os 4 que menos"), not said
    total: bool = False
    working_weekdays: bool = False  # "qual dia útil": the weekday breakdown, Monday to Friday
    said: list[str] = field(default_factory=list)  # the words consumed, as the user wrote them

    @property
    def composes(self) -> bool:
        return bool(self.group or self.share or self.weekday or self.measure in _ONLY_COMPOSED)


# Measures the catalogue kinds never answered: saying one of them is a composition by itself.
_ONLY_COMPOSED = frozenset({"first_day", "last_day"})


# With a period said from a day on ("desde o dia 16"), not recording is having stopped: "quem tá sem apontar
# desde o dia 16?" asks who has nothing since, not who missed a day.
_IDLE_SINCE = re.compile(
    r"\b(?:(?:ta|esta|estao|ficou|ficaram) )?"
    r"(?:sem (?:apontar|apontamento|lancar|registrar)|nao (?:apont|lanc|registr)\w*|parad[oa]s?|par(?:ou|aram))\b"
    r"(?! (?:a |de )?(?:saida|entrada))"  # "não apontou a saída desde segunda" is a forgotten clock-out
)


def read(text: str, weekday_sets: bool = False, since: bool = False) -> Read:
    """The composition slots named in `text` (prepared), each consumed from the returned rest; several weekdays
    ("no sábado e domingo", "nos fins de semana") only with `weekday_sets`; not recording as having stopped
    (idle people) with `since`, a period said from a day on."""
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
    if found.measure is None and since and take(_IDLE_SINCE):
        found.measure = "idle_people"
    if match := take(_SHARE):
        found.share = bool(match)
    if match := take(_WORKING_WEEKDAY):
        found.group, found.said_group, found.weekday, found.working_weekdays = "weekday", True, (1, 2, 3, 4, 5), True
        found.singular = not match.group(0).startswith(("por", "cada"))
    elif (match := take(_RECURRING)) or (weekday_sets and (match := take(_WEEKDAY_SET))):
        days = [WEEKDAY_NUMBERS[name] for name in _WEEKDAY_NAME.findall(match.group(0))]
        found.weekday = tuple(sorted(set(days))) if days else (6, 7)
    if found.weekday is None and (match := take(_WEEKDAY) or take(_PLURAL_WEEKDAY)):
        found.weekday = (WEEKDAY_NUMBERS[match.group(1)],)
    for name, pattern in _GROUPS.items():
        if found.group is None and (match := take(pattern)):
            found.group, found.said_group = name, True
            found.singular = bool(_SINGULAR.match(match.group(0)))
        elif found.group is not None and (second := pattern.search(found.rest)):
            if found.group == "weekday" and name == "day" and re.match(r"(?:qual|em que)\b", second.group(0)):
                continue  # "por dia da semana, qual dia rende mais": which of those weekdays
            found.second_group = name  # "horas de cada pessoa por contrato": two breakdowns at once
    joined = " ".join(found.rest.split())
    if _rank_size(joined) and not _rank_size(found.rest):
        found.rest = joined  # "os 3 dias da semana com mais": "os 3 com mais", once the group is read
    if match := RANK_WORDS.search(found.rest):
        bottom = (match.group(3) or "").startswith(("menores", "piores", "ultim", "lanterna"))
        # "do menor para o maior, 5 primeiros": the first five of that order, the least
        bottom = bottom or ((match.group(3) or "") in _FIRST and _ASCENDING.search(text) is not None)
        found.rank = "asc" if match.group(2) == "menos" or bottom else "desc"
        number = match.group(1) or match.group(4)
        if number is None and (before := _BEFORE_RANK.search(found.rest[: match.start()])):
            number = before.group(1)  # "os cinco primeiros"
            found.rest = found.rest[: before.start()] + " " + found.rest[before.end() :]
            match = RANK_WORDS.search(found.rest) or match
        elif number is None and (counted := _COUNTED.search(found.rest)):
            number = counted.group(1)  # "os 3 contratos com menos horas"
            found.rest = found.rest[: counted.start(1)] + " " + found.rest[counted.end(1) :]
            match = RANK_WORDS.search(found.rest) or match
        if number is None and (counted_rank := _RANK_SIZE.search(found.rest)):
            number = counted_rank.group(1)  # "quem apontou menos? os 5 últimos"
            found.rest = found.rest[: counted_rank.start()] + " " + found.rest[counted_rank.end() :]
        found.limit = (int(number) if number.isdigit() else _SMALL[number]) if number else None
        if found.limit is None and (match.group(3) or "").startswith(("ultimo", "ultima", "lanterna", "campe")):
            found.limit = 1  # "e o último colocado?", "e o lanterna?": the one at the bottom
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
