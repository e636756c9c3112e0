"""From a Portuguese question to a typed Question, or to the reason it cannot be answered as asked.

Honesty before coverage: a word it does not know, a person or contract that does not exist, a period it
cannot read, a request to change data or for data it does not have — each is answered with what was not
understood (and close matches), never with the figure of a broader question.
"""

from __future__ import annotations

import difflib
import re
from calendar import monthrange
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from . import compose_words
from . import queries as q
from .compose_answer import question_of
from .compose_sql import activity_keys
from .composition import GROUPS, MEASURES, Composition
from .dataset import Dataset, ResourceRef, normalize
from .dates import (
    ANY_DAY,
    LONG_WEEKEND,
    MONTH_NAMES,
    WEEKDAYS,
    Found,
    apart,
    find_period,
    joined,
    only_working_days,
    the_one_before,
    this_and_last_week,
    this_or_last_week,
    unreadable_period,
)
from .errors import InvalidQuery
from .language import AM_I_THE_ONE, FILLERS, VOCABULARY, Rewriter, correct, known, prepare, refusal
from .question import SUBJECT, Question
from .registry import BY_NAME, CLOCK_WORDS, IMPLICIT_ACTIVITY, any_of, kind_of, takes
from .rules import Period, holidays_in, month_of
from .scope import ScopedDataset, granted
from .vocabulary import BUILTIN

MAX_CANDIDATES = 8


@dataclass(frozen=True)
class Clarification:
    """Why a question is not answered with data: `reason` for logs and tests, `text` for the person."""

    reason: str
    text: str
    pending: Question | None = None  # what was understood, kept so the answer to the clarification completes it
    suggestion: str | None = None  # the nearest question it can answer, offered (never answered) instead
    replace: tuple[str, str] | None = None  # a word and the one name it is close to: "sim" asks with that name


Understood = Question | Clarification

REFUSALS = {
    "write": (
        "Eu só consulto os apontamentos: não consigo criar, alterar, corrigir, aprovar nem apagar registros. "
        "Para isso, use o sistema de apontamentos ou fale com o gestor do contrato."
    ),
    "personal": (
        "Não tenho essa informação: só conheço os apontamentos de horas (quem apontou, quando, quanto e em qual "
        "contrato). Salários, valores, custos e dados pessoais como CPF, telefone ou e-mail não estão nos dados."
    ),
    "out_of_scope": (
        "Não posso fazer isso: eu só respondo perguntas sobre os apontamentos de horas, como “Quantas horas o "
        "contrato 8446 teve em outubro?”."
    ),
    "forecast": (
        "Não consigo prever horas que ainda não foram apontadas: só conheço o que já foi registrado. Posso dizer "
        "quanto já foi feito, ou quantas horas um período pede pelos dias úteis, por exemplo: “quantas horas são "
        "esperadas neste mês?”."
    ),
}

_GREETING = re.compile(r"^(?:oi+|ola+|opa+|salve|hey|hello|e ai|bom dia+|boa tarde+|boa noite+)\b")
_PRAISE = re.compile(
    r"(?:(?:muito|mt|super|mto) (?:top|show|bom|boa|util)|top (?:demais|d\+|mesmo)|show de bola|sensacional|excelente"
    r"|maravilha|incrivel|(?:ajudou|salvou) (?:muito|demais|mt)|(?:top|show|massa|demais|otimo|perfeito)(?= *$)"
    r"|era (?:isso|so isso)(?= *$))"  # "valeu, era isso": what was wanted, not a correction
    r"(?: (?:demais|mesmo|hein|viu|bot))*"
)
_THANKS = re.compile(r"^(?:valeu|obrigad[oa]|brigad[oa]|beleza|ok|blz|show|perfeito|otimo|legal)\b")
_THANKED = re.compile(r"\b(?:valeu|obrigad[oa]|brigad[oa]|agradec\w*)\b")
_SAME_PERIOD = re.compile(
    r"\b(?:(?:n|d)?(?:esse|este|aquele) (?:periodo|intervalo|mesmo periodo|mesmo mes|dia)"
    r"|(?:n|d)?o mesmo (?:periodo|dia|mes)"
    r"|mesmo periodo|mesmo mes(?! a mes)|(?:n|d)o periodo$"  # "quem tá com mais horas no período?": the one talked of
    r"|(?:n|d)?(?:essa|aquela) data|(?:n|d)?aquela semana|(?:n|d)?aquele mes"
    r"|(?:n|d)?(?:essa|esta) conta|(?:n|d)?esse calculo"  # "quais feriados entraram nessa conta?"
    r"|(?:n|d)?(?:esses|estes|aqueles|essas|estas|aquelas) \d{1,2} (?:meses|semanas|dias))\b"  # "nesses 2 meses"
    r"(?! (?:todo|inteiro)\b)"  # "nesse período todo" is all the data (dates._ALL_DATA)
)
# "a duração média de um apontamento", "o tamanho médio dos meus apontamentos": the average span, not per day
_OF_AN_ENTRY = re.compile(r"\b(?:dura\w*|tamanho|apontamentos?|registros?|lancamentos?|brut[oa]s?|tempo)\b")
_RELATIVE_TO_AVERAGE = re.compile(r"\b(?:abaixo|acima|em cima|embaixo|fora|dentro) da media\b")
_BELOW_AVERAGE = (
    "Ainda não sei separar quem ficou acima ou abaixo da média. Posso mostrar as horas de cada um, com a média "
    "por pessoa, para você comparar, por exemplo: “horas por pessoa do contrato 8446 em outubro”."
)
_AVERAGE_OF_WHAT = (
    "Média de quê? Sei a média de horas por dia trabalhado, por pessoa ou a duração média de um apontamento; "
    "diga de quem ou de qual contrato, por exemplo: “média de horas por dia da Ana Souza em outubro”."
)
_AVERAGES = frozenset({"hours_per_day", "average_span"})
_CONTRACT_WHOLE = re.compile(r"\b(?:\d{4}|e\d{7}) (?:tod[oa]|inteir[oa])\b")
# "e ela somou qnt no mês?": a person doing something ("a semana anterior a ela" is no one)
_SHE_DID = re.compile(
    r"\bela (?:somou|soma|fez|faz|trabalhou|trabalha|apontou|aponta|lancou|registrou|teve|tem|ficou|bateu)\b"
)
_WITHOUT_FILTER = re.compile(r"\bsem (?:o |os )?filtros? (?:d[eo] |por )?(\w+),?")
_WHOLE_TEAM_OF = re.compile(
    r"(?:e )?(?:(?:n|d)?(?:o|a) )?(?:time|equipe|pessoal|galera)(?: tod[oa]| inteir[oa])? (?:d[oa] )?(?:contrato )?"
    r"(\d{4}|e\d{7})\??"
)
_HOW_MANY_PEOPLE_IN_ALL = re.compile(
    r"(?:e )?(?:quant[oa]s|qnts|qts) (?:recursos|pessoas|consultores)(?: foram| sao| deu)?(?: no total| ao todo)?\??"
)
_HOW_MANY_WERE = re.compile(r"(?:e )?quant[oa]s (?:foram|sao|eram|deu|deram)(?: (?:no total|ao todo|entao))?\??")
# "top 5", "me da o top 5": the first rows of the list just shown (the engine also reads it after two questions)
BARE_TOP = re.compile(
    r"(?:e )?(?:quem (?:fez )?mais )?(?:(?:me )?(?:da|passa|mostra|manda|lista) )?(?:o |os |so o |so os )?top (\d{1,2})"
    r"(?: entao)?"
)
_THE_FORTNIGHT = re.compile(r"\b(?:d|n)a quinzena\b(?! (?:passada|anterior|que vem|de|d[oa]))")


_THE_OTHER_WAY = re.compile(
    r"(?:e )?(?:agora )?(?:(?:ao|o|pelo) )?(?:contrario|inverso|inverte|ordem inversa)(?: entao)?"
)
_ANY_DAY = re.compile(
    r"(?:e )?(?:no total,? |no geral,? |ao todo,? )?(?:de |em |n?o )?"
    r"(?:qualquer (?:dia|data|periodo|epoca)|todos os dias|desde sempre|(?:periodo|base) (?:tod[oa]|inteir[oa]))"
)
_BARE_DAY_OF_MONTH = re.compile(r"\bdia (\d{1,2})\b(?! ?(?:/|de \w|a \d|e \d|ate|h\b|horas))")
_NUMBERED_WHOLE_TURN = re.compile(r"(?:e )?(?:n|d)?o (?:contrato )?(\d{4}|e\d{7}) (?:tod[oa]|inteir[oa])\W*")
_TOP_OVERALL = re.compile(
    r"(?:e )?(?:o |os )?top (\d{1,2}),? (?:considerando tudo|no geral|de tudo|desde o inicio|no periodo todo)"
)
_WITH_MINE = re.compile(
    r"(?:e )?(?:compara|comparar|comparando|compare|e comparado)(?: isso)? (?:com|c/|as|os) (?:as |os |o |a )?"
    r"(?:minhas|meus|minha|meu)(?: horas)?(?: pfv| por favor)?"
)
# "compara isso com a Íris": the previous figure beside another person's (her name is already taken out)
_COMPARE_WITH = re.compile(r"(?:e )?(?:compara|comparar|compare|comparando)(?: isso| ele| ela)? (?:com|c/)(?: o| a)?")
_WHOLE_WEEKEND = re.compile(r"\b(?:fds|fim de semana|final de semana) (?:todo|inteiro)\b")
_BARE_DAYS = re.compile(r"\b(?:de|do dia|entre) (\d{1,2}) (?:a|ate|e) (\d{1,2})\b(?! ?(?:/|de \w|h\b|horas|hrs))")
_ONLY_HOURS = re.compile(
    r"(?:(?:eu )?(?:preciso|quero|queria|gostaria)(?: de)?(?: d?as)? |(?:me )?(?:passa|da|manda|mostra)(?: as)? )?horas"
)
HOURS_OF_WHAT = (
    "Não sei de quem nem de quando são as horas que você quer. Diga a pessoa ou o contrato e o período, por exemplo: "
    "“horas do contrato 8446 em outubro” ou “horas da Ana Souza nesta semana”."
)
_THIS_ONE = re.compile(r"e (?:n|d)?e(ssa|sta|sse|ste)(?: agora| atual)?")
_WHO_LEADS = re.compile(r"e ((?:em|por) (?:horas|apontamentos|pessoas|gente) )?(?:quem|qual) mais apontou")
_FEW_OF_THE_LIST = re.compile(
    r"(?:e |agora |e agora )?(?:os|as|me (?:da|passa|mostra) os) (\d{1,2}) (?:com|de) (mais|menos)"
    r" (horas|gente|pessoas|recursos)\??"
)
_BARE_WEEKDAY = re.compile(
    r"(?:e )?(?:n?a )?(segunda|terca|quarta|quinta|sexta|sabado|domingo)\b(?! (?:passad|retrasad|dia)\w*)"
    r"(?!(?: feira)? (?:e|ou|a) (?:n?[ao] )?(?:segunda|terca|quarta|quinta|sexta|sabado|domingo))"  # "sábado e domingo"
)
_HOURS_OF_WHOM = (
    "Não sei de quem nem de quando você quer as horas. Diga a pessoa ou o contrato e o período, por exemplo: "
    "“horas do contrato 8446 em outubro” ou “quantas horas a Ana Souza fez semana passada?”."
)
_THIS_WHOLE_PERIOD = re.compile(r"\b(?:n|d)(?:ess|est)[ea] periodo (?:todo|inteiro)\b(?! d[oe]s? dados)")
# "e no retrasado?", "e na anterior?": the period of the same kind before the one just answered
_THE_ONE_BEFORE = re.compile(
    r"(?:e )?(?:(?:n|d)?[oa] )?(?:retrasad[oa]|anterior|(?P<unit>mes|semana|dia) anterior(?: a ess[ea]| a est[ea])?)"
)
_THESE_PERIODS = re.compile(
    r"\b(?:n|d)?(?:esses|estes|aqueles|essas|estas|aquelas|os|as) \d (?:meses|semanas)\b"
    r"|\b(?:n|d)?(?:esse|este|aquele) (?:mesmo )?periodo\b(?! (?:todo|inteiro)\b)"  # after two side by side: both
)
_WHICH_ONES = re.compile(
    r"^(?:e |entao |ta )?(?:quais|quem|qual|quem que) (?:foram|sao|eram|seriam|e|foi)(?: (?:eles|elas|esses|essas))?$"
    r"|^(?:e )?(?:quais|quem)$"
    r"|^(?:lista|liste|mostra|mostre|manda)"
    r"(?: (?:eles|elas|quais|os nomes|quem(?: foi| foram| sao)?|pra mim|ai|ae|la))?"
    r"(?: (?:por|com|e) (?:as )?horas?| (?:por|em) ordem de horas?)?$"
    # "em quais dias? e qnto em cada" after a count of days: those days, each with its hours
    r"|^(?:e )?(?:em )?(?:quais|que) dias(?: foram| sao)?(?: (?:esses?|essas?|eles))?"
    r"(?: e (?:quanto|quantidade)(?: foi)? em cada(?: um)?)?$"
)
# Answers that already list what they count: "quais foram?" shows them again.
_LISTING_KINDS = frozenset(
    {"days_above", "missing_days", "open_spans", "weekend_work", "holiday_work", "unvalidated", "contract_resources"}
)
_MY_ACCESS = re.compile(r"\bcontratos?\b.*\b(?:consigo|posso|pode|tenho acesso|acesso|acessar|enxergo|vejo)\b")
_SELF_WORDS = re.compile(r"\b(?:eu|meus?|minhas?)\b")
# the whole of a supplier contract, beyond the client part granted ("com as outras partes"); "o 8447 inteiro" is
# answered with the part, named as such
_ALL_PARTS = re.compile(r"\b(?:com|incluindo|e|somando) (?:as|todas as) (?:outras|demais) partes\b|\btodas as partes\b")
_THAN_ME = re.compile(r"\b(?:quem|alguem)\b(?: \w+){0,6} (?:mais|menos)\b(?: \w+){0,2} (?:do )?(?:que|q) eu\b")
THAN_ME = (
    "Ainda não sei listar quem fez mais ou menos do que você. Posso mostrar o ranking do período, com você nele: "
    "por exemplo, “ranking de horas em outubro”."
)
_WHOLE_COMPANY = re.compile(r"\b(?:d?a |n?a )?(?:empresa|firma|companhia)(?: (?:toda|inteira))?\b")
WHOLE_COMPANY = (
    "Não posso responder pela empresa toda: você só consulta o que o seu acesso permite. Pergunte pelos seus "
    "contratos ou pelos seus apontamentos."
)
# A question of its own, even when it starts with "e": "e no fds retrasado, alguém trabalhou?"
_ASKS_ITSELF = re.compile(r"\b(?:quem|alguem|ninguem|trabalh\w*|apont\w*|fez|fizeram|teve|tiveram)\b")
NOTHING_TO_FOLLOW = (
    "Não sei a que pergunta isso se refere: não respondi nenhuma antes nesta conversa. Diga de quem ou de qual "
    "contrato, por exemplo: “quantas horas o contrato 8446 fez em novembro?”."
)
LAST_UNANSWERED = (
    "Não sei a que pergunta isso se refere: a anterior ficou sem resposta. Diga de quem ou de qual contrato, por "
    "exemplo: “horas da Ana Souza por semana em novembro”."
)
_ASKS = re.compile(r"^ e |\d|\b(?:quant\w*|quem|qual|quais|como|quando|onde|horas?|contratos?)\b")
_MORE = re.compile(
    r"^(?:(?:e )?(?:ver|mostrar?|mostre|manda|traz|quero ver) )?mais(?: (?:linhas|resultados|nomes|itens))?$"
    r"|^(?:proxima|seguinte) pagina$|^continua(?:r)?$|^ver o resto$"
)
_HELP = re.compile(
    r"\b(?:ajuda|o que (?:voce )?(?:faz|pode|sabe)|como (?:funciona|usar|uso)|exemplos?|comandos)\b"
    r"|^(?:e )?(?:voce|vc|tu) (?:funciona|trabalha|atende|responde|fica)\b"  # "vc funciona no fim de semana tb?"
)
# A question about what the answers' words mean, not about the data
_WHAT_IT_MEANS = re.compile(
    r"\b(?:o que (?:e|eh|seria|significa|quer dizer)|como assim|qual a diferenca entre|diferenca de|e diferente de)"
    r" (?:uma |a |o |as |os )?(?:horas? )?(?:liquid|brut|esperad|sem saida|muito long|longo demais|dia util|dias uteis)"
    r"|\bisso (?:e|eh|sao|foi|foram) (?:em )?(?:horas? )*(?:liquid\w*|brut\w*) (?:ou|e) (?:horas? )?(?:liquid|brut)"
    r"|\bde onde (?:sai|saiu|vem|veio) (?:esse|essa|esses|o|a) (?:numero|valor|conta|calculo|total)"
    r"|\bo que (?:voce|vc) (?:consider\w*|chama de|entende por) (?:muito )?(?:longo|longa|estranho)"
)
_CLIENT_CONTRACT = re.compile(r"\be\s?(\d{7})\b")
_CONTRACT_NUMBER = re.compile(r"\bcontratos?\s+(?:n\s+|numero\s+|no\s+|do\s+|de\s+)?(\d{3,6})\b")
_NUMBER = re.compile(r"(?<![/\d,])\b(\d{1,9})\b(?![/\d]|,\d)")
# a bound in hours; "mais de 10 apontamentos", "mais de 30 pessoas" bound something else, which no composition
# bounds, so those words stay unread and the question is declined
_NOT_HOURS = (
    r"(?![\d,])(?!\s*(?:apontamentos?|registros?|lancamentos?|pessoas|recursos|gente|dias|contratos|semanas|meses)\b)"
)
_THRESHOLD = re.compile(
    r"\b(?:mais de|acima de|superior a|mais que|passou de|passaram de|passei de|passando de|passa de|maior que)\s+"
    rf"(\d{{1,4}}(?:,\d+)?){_NOT_HOURS}\s*(?:horas?)?"
)
_BELOW = re.compile(
    rf"\b(?:menos de|abaixo de|inferior a|menos que|menor que)\s+(\d{{1,4}}(?:,\d+)?){_NOT_HOURS}\s*(?:horas?)?"
)
_TOP = re.compile(
    r"\btop\s+(\d{1,3})\b|\b(\d{1,3})\s+(?:recursos|pessoas|maiores|primeiros|menores|ultimos|que|nomes"
    r"|profissionais|consultores|colaboradores)\b"
)
# "me mostra os cinco primeiros", "top 5", "e os 3 menores?" after a ranking: the same ranking, that many
# "e em horas brutas?", "em brutas", "e líquidas?": the same question on the other basis
_BASIS_TURN = re.compile(
    r"(?:e |so |agora |mas )?(?:em |nas |as |de |por )?(?:horas? |hrs? )?(brut|liquid)[oa]s?(?: entao| agora| ai)?\W*"
)
# "lista esses dias com as horas", "quais foram os dias?" after who passed 10 h in a day
_THOSE_DAYS_LISTED = re.compile(
    r"(?:e )?(?:(?:me )?(?:lista|mostra|manda|passa)|quais (?:foram|sao)?)\s*(?:ess[ea]s?|os|quais) dias"
    r"(?: (?:com|e) (?:as )?horas(?: de cada um)?)?(?: pfv| por favor| pra mim)?\W*"
)
# "e só nos fins de semana", "só às sextas" after a list: the same list, over those weekdays
_ONLY_ON_DAYS = re.compile(
    rf"(?:e |mas )?(?:so |somente |apenas )?(?:contando (?:so )?)?"
    rf"(?P<days>{compose_words.WEEKDAY_SET_WORDS}|{compose_words.WEEKDAY_WORDS})(?: entao| agora)?\W*"
)
_LISTED_GROUPS = frozenset({"person", "contract", "client", "activity", "day", "week", "month"})
_LIMIT_TURN = re.compile(
    r"(?:e )?(?:so |somente |apenas )?"
    r"(?:(?:me )?(?:mostra|mostre|lista|liste|manda|traz|ve|quero|da|de|passa|passe|fala|fale|diz|diga)"
    r"(?: ai)? )?(?:(?:o|os|as) )?"
    r"(?:top )?(\d{1,3})(?: (primeir[oa]s|maiores|mais|menores|menos|ultim[oa]s))?(?: so| somente| apenas)?"
    # "top 2 por qtd de lançamento" after the activities: the same list, counted in entries
    r"(?P<counted> (?:por|em) (?:quantidade|numero) de (?:lancamentos?|apontamentos?|registros?|entradas?))?"
)
_RESOURCE_ID = re.compile(r"\b(?:recurso|id|matricula)\s+(\d{1,9})\b")

_SELF = frozenset(
    {"eu", "meu", "minha", "meus", "minhas", "mim", "trabalhei", "apontei", "fiz", "esqueci", "faltei", "tenho", "devo"}
    | {"passei", "registrei", "lancei", "gastei", "fiquei", "deixei", "rendi", "produzi"}
    | {"entrei", "cheguei", "comecei", "terminei", "bati", "fechei", "faco", "fecho", "aponto", "costumo"}
)
# "to devendo", "tô acima?": the asker, in the first person without "eu"
_SELF_PHRASE = re.compile(
    r"\b(?:to|tou|estou|fiquei) (?:mais |menos )?(?:devendo|acima|abaixo|com saldo|positivo|negativo|adiantad[oa]"
    r"|atrasad[oa])\b"
    r"|\b(?:to|tou|estou) (?:fazendo|trabalhando|apontando|rendendo|indo|melhor|pior|bem|mal)\b"
    r"|\b(?:to|tou|estou) com (?:algum|alguma|algo|apontamentos?|horas?|pendencias?)\b"  # "se to com algum aberto"
    r"|\bcomo (?:to|tou|estou)\b"
    r"|\bfalta (?:pra|para) (?:eu )?bater (?:as|minhas) horas\b(?! d[oa] (?:contrato|\d|e\d))"  # one's own target
)
_EVERYONE = re.compile(
    # ("todos os dias do mês", "todas as semanas", "todos os 8": every row of the subject's list, not everyone)
    r"\b(?:todos(?! os (?:\d+|dias|meses|apontamentos|registros|lancamentos)\b)|todas(?! as semanas\b)|todo mundo|geral"
    r"|empresa toda|equipe|base (?:toda|inteira)"
    r"|(?:pessoal|galera|time) tod[oa]|tod[oa] (?:o|a) (?:pessoal|galera|time))\b"  # "e o pessoal todo em novembro?"
)
_COUNT = re.compile(r"\b(?:quantos|quantas|quantidade|numero de)\b")
_ASC = re.compile(r"\b(?:menos|menor|menores|pior|piores)\b")
_DESCENDING = re.compile(
    r"\bdo maior (?:para|pro|ao) (?:o )?menor\b|\bdo (?:que|q) mais \w+ (?:para|pro) o (?:que|q) menos\b"
)
_GROSS = re.compile(r"\b(?:brutas?|brutos?|sem descontar|sem desconto)\b")
_FOLLOW_UP = re.compile(
    r"^(?:e|e ai|entao|tambem)\b|^compar\w* com\b"  # "compara com o mês passado": this against that
    # "só setembro e outubro lado a lado": the same subject, narrowed
    r"|^(?:so|somente|apenas) (?!(?:queria|quero|preciso|uma|pra|para|pergunt|confirm)\w*)"
    r"|^agora (?:(?:so|somente|apenas) )?(?:os|as) \d+\b"  # "agora os 3 lanterninhas": of the same list
    r"|^(?:agora )?(?:por|em) (?:quantidade|numero|qtd) de (?:apontamentos?|lancamentos?|registros?)\W*$"  # re-count
    r"|\btambem\W*$"  # "teve trabalho em fim de semana tb?": the same talk, another question
    r"|\bdeu (?:no total|ao todo|tudo)\b"  # "qnts horas deu no total": of what was shown
    # "quantas horas deu": the same; "qnt deu só às segundas de outubro?": the same subject, narrowed
    r"|^(?:quanto|quantas horas|quantidade de horas|quantidade) (?:isso )?(?:deu|ficou|somou)\b"
    r"|\b(?:d|n)(?:a equipe|o time|o pessoal)$"  # "top 5 da equipe" after the contract's month: its people then
    r"|\b(?:la|ali|dele|dela|deles|delas|ele|ela|eles|elas|nele|nela|isso|disso|nisso|desses|dessas|esses|essas"
    r"|nesse contrato|"
    r"desse contrato|neste contrato|deste contrato|esse contrato|este contrato|mesmo contrato"
    r"|(?:n|d)?(?:esse|este|essa|esta) (?:pessoal|gente|time|equipe|turma|galera))\b"
)
# "então" closing a question continues the talk; "minhas horas por semana, então" is a question of its own
_THEN_LAST = re.compile(r"\bentao\W*$")
# "sábado e domingo", "segundas e terças": two weekdays joined, one filter
_TWO_WEEKDAYS = re.compile(
    r"\b(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)s?(?: feiras?)? e (?:(?:n|d)?[ao]s? )?"
    r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)"
)
# "quanto foi só de code review?" after her activities: a part of what was just shown
_SUMMED_TOGETHER = re.compile(r"\bos \d+ somados\b|\b(?:junt[oa]s|somad[oa]s)\b")
_ONLY_PART = re.compile(r"\b(?:foi|foram|deu|deram) (?:so|somente|apenas) (?:de|com|em)\b")
_THIS_CONTRACT = re.compile(
    r"\b(?:n|d)?(?:esse|este|aquele) contrato\b|\bno mesmo contrato\b"
    # "e o Leonardo, quanto fez lá?" after a contract's ranking: there
    r"|\b(?:fez|fizeram|trabalhou|trabalharam|apontou|apontaram|lancou|lancaram) (?:la|ali)\b"
)
_THE_SECOND = re.compile(r"\b((?:d|n)?a segunda|desde (?:a )?segunda)\b(?! feira| quinzena)")
# "nós dois", "nós duas" (accents gone: "nos 2"), not "nos 2 contratos"
_WE_TWO = re.compile(r"\bnos (?:2|dois|duas)\b(?! (?:\w+ )?(?:contrat|mes|semana|dia|period|ultim|primeir|turno)\w*)")
_AMONG_THOSE = re.compile(r"\b(?:desses|dessas|destes|destas|entre eles|entre elas|deles|delas)\b")
_GROUP_SLOTS = ("technology", "profile", "level")
_BARE_WEEKDAY_TURN = re.compile(
    r"(?:e )?(?:so |somente |apenas )?(?:(?:n|d)?[oa]s? |aos? )?(segunda|terca|quarta|quinta|sexta|sabado|domingo)s?"
    r"(?: feira)?(?: so)?\W*"
)
_COUNTING_KINDS = frozenset({"holiday_work", "weekend_work", "missing_days", "open_spans", "unvalidated", "days_above"})
_NEXT_DAY = re.compile(r"\b(?:n?o )?(?:dia|data) (?:(seguinte|depois)|anterior|antes)\b|\bno outro dia()\b")
# "e no sábado e domingo depois?", "e no fds seguinte?": the weekend after the period talked about
_WEEKEND_AFTER = re.compile(
    r"\b(?:n?o )?(?:sabado e (?:no )?domingo|(?:fim|final) de semana|fds)"
    r" (?:logo )?(?:seguintes?|depois|que veio depois)\b"
)
_TOP_OF_LIST = re.compile(
    r"\b(?:(?:a|o) (?:pessoa|cara|recurso|consultora?) )?(?:d|n)o topo(?: da lista| do ranking)?\b"
    r"|\b(?:o|a) de cima\b|\b(?:o|a) (?:lider|primeir[oa] colocad[oa])(?: da lista| do ranking)?\b"
    r"|\b(?:o|a) (?:que|q) ficou (?:na frente|em primeiro|no topo)\b"
)
# a whole sentence counting people ("quantas pessoas apontaram nele?", "qnts pessoas tem no outro?")
_HOW_MANY_PEOPLE = re.compile(
    r"\bquant[oa]s (?:pessoas|recursos|consultores|colaboradores)\b(?: \w+)? (?:apontaram|trabalharam|tem|teve|ha)\b"
)
_THEIR_HOURS = re.compile(
    r"(?:e )?(?:quantas|quanto|quantidade de) (?:horas )?(?:no total|ao todo|deu|foram|somou|somaram)"
)  # "qnts hrs no total?": the hours of what was just listed
_WHOLE_MONTH_NAMED = re.compile(rf"\b({'|'.join(MONTH_NAMES)}) (?:todo|inteiro)\b")
_EVERY_DAY_SAID = re.compile(r",?\s*\b(?:em |n?os )?todos os dias\b")
_HOW_MANY_OF_THEM = re.compile(r"(?:e )?(?:quantas|quantidade de) (?:pessoas|recursos)(?: (?:foram|sao|no total))?")
_HOW_MUCH_WORDS = frozenset({"quantas", "quanto", "horas", "foram", "deu", "foi"})
_HOW_MANY_HOURS = re.compile(
    r"(?:e )?(?:quantas|quanto|quantidade de) horas(?: (?:foram|deu|trabalhei|trabalhou|fiz|fez|apontei|apontou))?"
)
_WHOLE_UNIT = re.compile(r"\b(?:n|d)?(?:a (?P<unit>semana)|o mes) (?:toda|todo|inteira|inteiro)\b")
# "e na sexta anterior?" after last Friday, "e no domingo seguinte?" after a Saturday: that weekday, moved
_WEEKDAY_MOVED = re.compile(
    r"\b(?:n|d)?[oa] (?P<day>segunda|terca|quarta|quinta|sexta|sabado|domingo)(?:\s*-?\s*feira)?"
    r" (?:(?P<after>seguinte|depois|da semana seguinte)|anterior|antes|de antes|da semana anterior)\b"
)
_WEEK_BEFORE = re.compile(r"\b(?:n|d)?a semana anterior\b|\b(?:n|d)?a anterior\b")
# "em outubro … do meu total no mês": the month just said, not this one
_THE_MONTH = re.compile(r"(?:n|d)?o (?:mesmo )?mes")
_ONE_END_OF_THE_LIST = re.compile(r"\b(?:o|a) (?:que|q) (mais|menos) (?:apontou|trabalhou|fez|registrou|lancou)\b")
_EVER = re.compile(r"\bja\b.*\b(?:algum|alguma)\b|\balguma vez\b|\bnunca\b|\bdesde sempre\b")
_WHO_BOUNDED = re.compile(r"\b(?:quem|quais|pessoas|recursos|consultores|colaboradores)\b")
_VALIDATED_YES = re.compile(r"\b(?:validad|aprovad)\w*")
_VALIDATED_NO = re.compile(
    r"\bnao (?:foram |estao |esta |foi )?(?:validad|aprovad)|\bsem (?:validar|validacao|aprovar|aprovacao)\b"
    r"|\bpendentes?\b|\bpendencias?\b|\bfalta\w* (?:validar|aprovar)|\baguardando\b"  # ("independente": no)
)
_COMPARING = r"\b(?:comparando|compara\w*|versus|vs|x|contra|frente a|lado a lado|diferenca)\b"
_NAMED_SUBJECT = tuple(name for name in SUBJECT if name != "everyone")
# A comparison with last week: a comparative, then last week ("melhor que a passada", "comparado com a semana
# anterior", "mais ou menos que semana passada"). _COMPARED: its words, once the week itself was read as a period.
_COMPARATIVE = (
    r"(?:(?:melhor|pior|mais|menos|acima|abaixo|igual|diferente)(?: ou (?:melhor|pior|mais|menos|igual))?"
    r"(?: do que| que| a| ao| com| da| do)|do que|comparad[oa](?: com| a)|em relacao a|vs|versus|x|frente a|contra)"
)
_MORE_THAN_IN = re.compile(r"\b(?:mais|menos|melhor|pior)\b(?: \w+){0,5} (?:do )?(?:que|q) (?:em|no|na|n[oa]s)\b")
_AGAINST_LAST_WEEK = re.compile(
    rf"\b(?:{_COMPARATIVE}|(?:melhor|pior|mais|menos)(?: \w+){{1,3}}? (?:do )?que)"  # "mais essa semana que"
    r" (?:(?:n?a|com a) |(?:n|com )?os mesmos dias d[ae] |(?:n?a |com a )?mesma altura d[ae] )?"
    r"(?:semana |ultima semana )?(?:passada|anterior)\b"
    r"|\b(?:mais|menos) (?:\w+ ){0,3}ou (?:n?a )?semana (?:passada|anterior)\b"  # "mais essa semana ou na passada?"
    r"|\bcompar\w* (?:\w+ ){0,3}com (?:os mesmos dias d[ae] )?(?:a )?semana (?:passada|anterior)\b"
)
_COMPARED = re.compile(
    r"\b(?:(?:melhor|pior|mais|menos|acima|abaixo|igual|diferente)(?: ou (?:melhor|pior|mais|menos|igual))?"
    rf"|{_COMPARATIVE})(?: (?:n?a|com a|(?:n|com )?os mesmos dias d[ae]|(?:n?a |com a )?mesma altura d[ae]))?"
    r"(?: semana)?"
    r"(?: (?:passada|anterior))?(?=\s|$)"
)
# "quanto o 8418 fez?", "qnt ela apontou", "apontou qnto?": hours, whatever the previous answer counted
_HOURS_DONE = re.compile(
    r"\b(?:quanto|quanta|quantidade)(?: \w+){0,4} (?:fez|fizeram|fiz|trabalh\w*|apont\w*|somou|somaram|deu)\b"
    r"|\b(?:fez|fizeram|trabalh\w*|apont\w*|somou|somaram|deu) (?:quanto|quantidade)$"
)
# "quem mais/menos apontou": people ranked by hours, unless another measure is said; a date or a head count
# carried from the previous question is no ranking of people.
_WHO_WORKED_MOST = re.compile(
    r"\bquem (?:\w+ ){0,4}(?:mais|menos) (?:apont|trabalh|fez|fizeram|lanc|registr)\w*"
    r"|\bquem (?:\w+ ){0,2}(?:fez|fizeram|trabalhou|trabalharam|apontou|apontaram) (?:mais|menos)\b"  # "fez mais horas"
)
_MOST_WORKED = re.compile(
    r"\b(?:mais|menos) (?:trabalhei|trabalhou|trabalhamos|trabalharam|apontei|apontou|fiz|fez)\b"
    r"|\b(?:trabalhei|trabalhou|trabalharam|apontei|apontou) (?:mais|menos)\b"  # "em que dia ela trabalhou mais"
)
_NOT_RANKED_BY = frozenset({"first_day", "last_day", "people", "idle_people"})
_MAX_COMPARED = 5
# "apontamento com mais de 12 horas", "registros acima de 10h": how long one entry is, not a total
_LONG_ENTRY = re.compile(
    r"\b(?:apontamentos?|registros?|lancamentos?)(?: \w+){0,3} (?:com|de|acima de|passaram de|passou de|passando de"
    r"|maior(?:es)? que|mais longos? que)(?: mais de)? \d{1,2}(?:,\d+)? horas\b"
)
# "o dia com mais horas do mês", "meu dia mais puxado desde setembro": one date of a period, not a weekday
_A_DATE_NOT_A_WEEKDAY = re.compile(
    r"\b(?:o|meu|seu) dia\b(?! da semana)(?: \w+){0,4} "
    rf"(?:d[oe] mes|do periodo|desde|em (?:{'|'.join(MONTH_NAMES)}))\b"
    r"|\bo dia em (?:que|q)\b|\bdia campeao\b"  # "e o dia em que ela mais trabalhou", "o dia campeão": a date
    r"|\bo dia (?:que|q) (?:mais|menos) (?:teve|tem|deu)\b"  # "e o dia que mais teve hora"
    r"|\bo dia (?:que|q) (?:ela|ele|eu) (?:mais|menos) (?:trabalh|apont|fez|fiz)"  # "e o dia q ela mais trabalhou"
)
_OTHER_BOUND = re.compile(r"e (?:de|com|acima de) (\d{1,3}(?:,\d+)?) horas\b")
# "do contrato", "no contrato" with no number: one contract, the one being talked about
_BARE_CONTRACT = re.compile(
    r"(?<!cada )(?<!por )(?<!qual )(?<!que )(?<!meu )(?<!seu )(?<!esse )(?<!este )(?<!mesmo )"
    r"\b(?:d|n)o contrato\b(?! (?:todo|inteiro|de cliente|\d|e\d))"
)
# "bateu as 8h por dia útil", "fez 8 horas diárias": the daily journey, a rule the expected hours follow
_DAILY_JOURNEY = re.compile(
    r"\b(bat\w*|fez|fiz|fizeram|faz|fazem|cumpr\w*|atingi\w*) (?:as |a meta de |suas |minhas |os )?"
    r"(\d{1,2}(?:,\d)?) horas? (?:por dia|ao dia|diarias|todo dia)(?: util| uteis)?\b"
)
_OTHER_JOURNEY = (
    "As horas esperadas aqui seguem {} h líquidas por dia útil; não sei comparar com outra jornada. Pergunte, por "
    "exemplo: “ela fez as horas esperadas esse mês?”."
)
_ENDS_OF_LIST = re.compile(
    r"\b(?:os|as|esses|essas|estes|estas) (?:(\d{1,2}) +)?(primeiros|primeiras|ultimos|ultimas)\b"
)
# "e esses 3, quanto fizeram?" (read as "eles"): each of those listed; "quanto eles fizeram?" is their sum
_THESE = re.compile(r"\b(?:esses|estes|essas|estas) (\d{1,2})\b")
_THESE_HOW_MUCH = frozenset(
    {"e", "esses", "estes", "essas", "estas", "eles", "elas", "quanto", "quantas", "horas", "cada", "um"}
    | {"fizeram", "apontaram", "trabalharam", "lancaram", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}
)
_SUMMED = r"\b(?:no total|ao todo|juntos|juntas|somad[oa]s|somando|somaram)\b"
_THEIR_FIGURES = re.compile(
    r"\b(?:quanto|quantas horas|fizeram|apontaram|trabalharam|somaram|lancaram|somad[oa]s|juntos|juntas)\b"
)
# A habit, in the present ("eu mais trabalho", "costumo apontar"): not the conversation's last period
_HABITUAL = re.compile(
    r"\beu (?:\w+ )?(?:trabalho|aponto|rendo)\b|\b(?:mais|menos|que|quem) (?:trabalha|aponta|trabalham|apontam)\b"
    r"|\b(?:dura|duram|costum\w*|geralmente|normalmente|em geral)\b"
)  # not "horas de trabalho": a noun
_ME_OR_THEM = re.compile(
    r"\b(?:eu (?:ou|e|x|vs)|(?:ou|e|x|vs|com) eu)\b"
    r"|\beu\b(?: \w+){0,6} compar\w* (?:com|a|ao)\b"  # "qnts horas eu fiz em outubro comparado com o Diego?"
)
_AMONG_ME = re.compile(r"\bentre (?:mim|eu)\b")  # "entre eu, a Paula e o Fábio, quem trabalhou mais?"
_MOST_NAMED = 8  # people named side by side in one question
_HER_OR_THEM = re.compile(
    r"\b(?:ele|ela)\b(?= (?:e|ou|x|vs|versus|contra|com|comparad\w*)\b)|\b(?:ou|x|vs|versus|com) (?:ele|ela)\b"
)
# "compara com a Natália", "e comparando com o Caio?": side by side with whom the talk was about
_COMPARED_WITH = re.compile(r"^\s*(?:e\s+)?(?:compar\w*|em relacao|frente)\s+(?:com|a|ao|c)\b")
_EACH_OF_THEM = re.compile(r"\b(?:em |de |para |pra )?cada(?: (?:um|uma)\b|\s*$)")  # "quantas pessoas em cada?"
_THAT = re.compile(r"\b(?:isso|isto|esse valor|essas horas|disso)\b")
_EVERY_ACTIVITY = re.compile(
    r"\b(?:(?:em|de|com|n?as) )?(?:todas as|todas|qualquer) (?:atividades?|tarefas?)\b|\b(?:de|em) tudo\b"
    r"|\b(?:tudo )?nao (?:so|somente|apenas)\b"  # "tudo, não só bug"
)
_PLURAL_PRONOUN = re.compile(r"\b(?:deles|delas)\b")
_PRONOUN = re.compile(
    r"\b(?:ele|ela|dele|dela|nele|nela"
    r"|(?:ess|dess|nest|dest)[ae] (?:pessoa|recurso|consultora?|colaboradora?|cara|moca))\b"
)
# A position in the list the last answer showed, after an article: "a segunda", "o 3o da lista". Never a
# period ("a primeira semana", "segunda-feira") nor a weekday with its preposition ("na segunda": Monday).
_ORDINAL_WORDS = {
    "primeir": 1,
    "segund": 2,
    "terceir": 3,
    "quart": 4,
    "quint": 5,
    "sext": 6,
    "setim": 7,
    "oitav": 8,
    "non": 9,
    "decim": 10,
}
_ORDINAL = re.compile(
    r"\b(?:o|a|do|da|pro|pra|pelo|pela|ao|com o|com a) "
    rf"(?:(?P<word>{'|'.join(_ORDINAL_WORDS)})[oa]|(?P<number>\d{{1,2}})[oa])\b"
    r"(?: (?:colocad[oa]|lugar|pessoa|recurso|nome))?(?: (?:d[ae]ss?a|d[ae]sta|da) (?:lista|ranking|relacao))?"
    r"(?! (?:semana|quinzena|dia|mes|feira|vez|metade|parte|apontamento|periodo|trimestre|semestre|hora|contrato"
    r"|atividade|tarefa|cliente|projeto|ano|turno|registro|lancamento)s?\b)"  # another list's position
    # "o primeiro e o último dia", "o primeiro a chegar" (but "o primeiro, em que dia …?" is the list's first)
    r"(?! e (?:o|a) ultim| (?:a|de)\b| em\b(?! (?:que|qual|quais)\b))"
)
_END_OF_OTHER_LIST = re.compile(r"(?:e |so |somente |agora |me da )*(?:[oa] )?(primeir|ultim)[oa](?: da lista)?\W*")


def _lists_rows(question: Question) -> bool:
    """Whether the answer was a ranked list of activities or contracts ("a primeira" of days or months is the
    earliest, not the top)."""
    return question.kind in ("contract_ranking", "activity_ranking") or question.group in (
        "activity",
        "contract",
        "client",
    )


NO_LIST = (
    "De qual lista? Não mostrei uma lista de pessoas antes desta pergunta. Diga o nome da pessoa, ou peça a "
    "lista primeiro, por exemplo: “top 5 do 8446 em outubro”."
)
_SHORT_LIST = "A lista anterior tinha só {}. Diga o nome ou uma posição dessa lista."
_BARE_SUMMARY = re.compile(
    r"(?:e )?(?:preciso (?:de )?|quero |queria |me (?:da|passa|manda|mostra) )?(?:o |um )?resumo"
    r"(?: (?:geral|rapido|por favor|ai))?"
)
_SUMMARY_OF_WHAT = (
    "Resumo de quê? Diga o contrato, a pessoa ou o período, por exemplo: “resumo do 8446 em novembro” ou “resumo "
    "da semana passada”."
)
_HOW_MUCH_OF_WHAT = (
    "Não sei a que “quanto deu” se refere: ainda não respondi nada nesta conversa. Diga de quem ou de qual "
    "contrato e o período, por exemplo: “quanto o 8446 fez em novembro?”."
)


def _follows(text: str) -> bool:
    """Whether the question continues the previous one: "e …", a pronoun, a position in its list, or "nesse
    período"."""
    then = _THEN_LAST.search(text) is not None and not _SELF & set(text.split())  # "… de code review então?"
    return bool(
        _FOLLOW_UP.search(text) or _ORDINAL.search(text) or _SAME_PERIOD.search(text) or then or _ONLY_PART.search(text)
    )


# A position in a list of contracts: "o segundo (contrato)", "o maior deles", "esse contrato" (the first)
_CONTRACT_OF_LIST = re.compile(
    r"(?:\b(?:o|do|no|pro|para o|pelo|ao) "
    rf"(?:(?P<word>{'|'.join(_ORDINAL_WORDS)})o|(?P<number>\d{{1,2}})o)(?: contrato)?(?: d[ae]ss?a (?:lista|relacao))?"
    r"|\b(?P<top>(?:(?:o|do|no) )?(?:maior|primeiro) deles|(?:n|d)?(?:esse|este) contrato|(?:n|d)?o mesmo contrato)"
    r"|\b(?P<last>(?:(?:o|do|no|pro) )?(?:ultimo|menor) (?:deles|(?:d[ae]ss?a|da) (?:lista|relacao))))"
    r"\b(?! (?:semana|quinzena|dia|mes|feira|vez|metade|parte|trimestre|semestre|ano)s?\b)"
)


def _position(match: re.Match[str]) -> int:
    return _ORDINAL_WORDS[match.group("word")] if match.group("word") else int(match.group("number"))


EACH_OF_WHAT = (
    "Não sei a que “cada um” se refere: a conversa era sobre uma pessoa só, {name}. Diga, por exemplo, “duração "
    "média dos apontamentos de {name}” ou “horas de {name} por dia”."
)
WHO_ARE_THEY = (
    "De quem você está falando? Não sei a quem “eles” se refere aqui. Diga os nomes, por exemplo: “quanto a Ana "
    "Souza e o Caio Lima fizeram essa semana?”."
)
WHO_IS_IT = (
    "De quem você está falando? Não sei a quem “ele” ou “ela” se refere aqui. Diga o nome, por exemplo: "
    "“quantas horas a Ana Souza fez em setembro?”."
)
_PERSON_POSITION = frozenset(
    "o a do da de dos das pro pra para com recurso consultor consultora colaborador colaboradora pessoa".split()
)

LEVELS = {"junior": "JÚNIOR", "pleno": "PLENO", "senior": "SÊNIOR", "especialista": "ESPECIALISTA"}
PROFILES = (
    (re.compile(r"\banalistas? de (?:testes?|qa)\b|\btesters?\b"), "ANALISTA DE TESTES"),
    (re.compile(r"\banalistas? de suporte\b"), "ANALISTA DE SUPORTE"),
    (
        re.compile(r"\banalistas? desenvolvedor(?:es|as?)?\b|\bdesenvolvedor(?:es|as?)?\b|\bdevs?\b"),
        "ANALISTA DESENVOLVEDOR",
    ),
    (re.compile(r"\barquitet[oa]s?(?: de solucoes)?\b"), "ARQUITETO DE SOLUÇÕES"),
    (re.compile(r"\bengenheir[oa]s?(?: de dados)?\b"), "ENGENHEIRO DE DADOS"),
    (re.compile(r"\bscrum masters?\b"), "SCRUM MASTER"),
)
# Profile phrases people use that the data has no profile for: asking beats a near guess.
_UNKNOWN_PROFILE = re.compile(r"\b(?:lider(?:es)? tecnic[oa]s?|tech leads?|gerentes? de projetos?|coordenador\w*)\b")


def _names_role(text: str) -> bool:
    """Whether the question names a level or a profile ("seniors", "arquitetos")."""
    levels = any(re.search(rf"\b{word}(?:es|s)?\b", text) for word in LEVELS)  # as the level slot reads them
    return levels or any(pattern.search(text) for pattern, _ in PROFILES)


def _has(text: str, *patterns: str) -> bool:
    return any_of(text, patterns)


OTHER_PEOPLE = "Não posso mostrar dados de outras pessoas."
_NOT_RECORDED = r"\b(?:nao|sem) (?:apont|lanc|registr)\w*(?: nada)?"  # the period someone stopped in
# "qual (é) o meu contrato?", "em que contrato eu to?": which contract, not its figures
_WHICH_CONTRACT = re.compile(
    r"\b(?:qual|quais|que|em que|em qual|onde)\b(?: \w+){0,3} (?:meus? )?contratos?\b"
    r"|\bmeus? contratos?,? (?:quais|qual) (?:sao|e)\b"  # "meus contratos quais são"
    r"|\bmeus? contratos? (?:e|sao) (?:qual|quais)\b"  # "meu contrato é qual mesmo"
)
# "meus contratos" typed alone asks which they are, not for their figures
_MY_CONTRACTS_ALONE = re.compile(r"(?:e )?(?:(?:quais|quais sao) )?(?:os )?meus contratos(?: \w+)?")
# A gestor's own people and contracts ("minha equipe", "o meu pessoal", "nos meus contratos"): his whole scope.
_TEAM = re.compile(
    r"\b(?:(?:d|n)?as? |pra |para )?minhas? (?:equipes?|galera|turma)\b"
    r"|\b(?:(?:d|n)?o |pro |pra )?meu (?:pessoal|time)\b"
    r"|\b(?:(?:d|n)?os? )?(?P<contracts>meus (?:\d )?contratos|meu contrato|contratos? meus?)\b"  # "cada contrato meu"
)
NO_OWN_ENTRIES = (
    "Você não tem apontamentos próprios: não aparece como recurso nos dados, então não há horas suas para somar. "
    "Sua equipe, sim: pergunte, por exemplo, “quanto a minha equipe fez esta semana?”."
)
_TEAM_OFFER = "Quanto a minha equipe fez esta semana?"


def understand(
    db: Dataset,
    question: str,
    previous: Question | None,
    today: date,
    me: str | None,
    restricted: bool = False,
    vocabulary: Rewriter = BUILTIN,  # i17-lang: the company's words, applied while the text is normalised
    named: str | None = None,
    role: str = "open",
    named_people: tuple[str, ...] = (),
    named_contracts: tuple[str, ...] = (),
    unanswered: bool = False,
    named_rows: tuple[tuple[str, str, str, float], ...] = (),
    named_periods: tuple[Period, ...] = (),
    talked_before: tuple[str, ...] = (),
) -> Understood:
    """The typed question (merged with `previous` when it is a follow-up), or a Clarification.

    `me` is the asker's resource id when known: "eu", "meu" resolve to it; `named` is the person the last
    answer named first (a ranking's top), whom "ele"/"ela" then mean. `db` is the data the asker may
    see; when `restricted`, a name or contract it does not hold gets one answer, whether or not it exists
    elsewhere, so the reply reveals nothing about other people. `role` is the asker's (scope.Role): for a
    gestor "minha equipe", "meus contratos" mean everything he may see. `talked_before`: people the conversation
    was about earlier (its first question's), whom a first name alone may still mean.
    """
    prepared = prepare(question.replace("%", " porcentagem "), vocabulary)
    if previous is not None and _listed_people(previous) and (rank_only := _RANK_ONLY.fullmatch(prepared)):
        # "ranking dos 3 q mais fizeram" right after a list of people: the top of that list
        prepared = f"e o top {rank_only.group(1)}" if rank_only.group(1) else f"e {prepared}"
    a_few = previous is not None and previous.limit is not None and 2 <= len(named_people) <= 10  # a top or bottom N
    those = _THOSE_AGAIN.fullmatch(prepared) if a_few else None
    if those is not None:
        # "e esses 3 em novembro?", "e qnt esses 3 fizeram em novembro?" after a list of three: those three, not
        # another month's three
        prepared = f"e os {len(named_people)} somados{those.group(1) or ''}"
    if role == "gestor" and me is None:  # "quebra o meu por mês" from a gestor with no entries: his contract's
        prepared = _MINE_BROKEN_DOWN.sub(r"\1 o meu contrato ", prepared)
        prepared = _IN_MINE.sub(r"\1o meu contrato", prepared)  # "por atividade no meu mesmo": his contract
    prepared = _reworded_after(db, prepared, question, previous, role, me)
    typed = prepared.split()
    fixed = _activity_typos(db, correct(typed, _protected(db) | _near_names(db, typed) | _name_tails(db, typed)))
    corrections = [(a, b) for a, b in zip(typed, fixed, strict=True) if a != b]  # confirmed below if into a filter
    two = (previous.period, previous.versus) if previous is not None and previous.period and previous.versus else ()
    text = _one_of_the_two(_row_named(" ".join(fixed), named_rows), two or named_periods)
    if previous is not None and previous.person and previous.measure == "entries" and not previous.among:
        # "duração média de cada um" after one person's count of entries: of each entry
        text = re.sub(r"\b(?:de |d[oa] )?cada (?:um|uma)\b(?! d[oa]s)", "dos apontamentos", text)
    if text != " ".join(fixed) and not re.match(r"\s*e\b", text):
        text = f"e {text.strip()}"  # a row of the last breakdown: its subject and filters go on
    if previous is not None and (unfiltered := _WITHOUT_FILTER.search(text)):
        # "e sem o filtro de java, contrato todo?": the last question without the filter named
        said = unfiltered.group(1)
        dropped = {n: None for n in _ROLE_SLOTS if said in normalize(str(getattr(previous, n) or "")).split()}
        if dropped:
            previous, text = replace(previous, **dropped), " ".join(text.replace(unfiltered.group(0), " ").split())
            if previous.contract:  # "…, contrato todo?": the one it was about
                text = re.sub(
                    r"\b(?:o |no |do )?contrato (?:tod[oa]|inteir[oa])\b", f"o {previous.contract} todo", text
                )
    if (journey := _DAILY_JOURNEY.search(text)) is not None:
        # "o quirino bateu as 8h por dia útil?": the expected hours, when 8 h is the journey the company set
        if float(journey.group(2).replace(",", ".")) != db.calendar.daily_hours:
            return Clarification("not_understood", _OTHER_JOURNEY.format(f"{db.calendar.daily_hours:g}"))
        text = f"{text[: journey.start()]}{journey.group(1)} as horas esperadas{text[journey.end() :]}"
    that_half = _THE_FORTNIGHT.search(text) if previous is not None and previous.period is not None else None
    if that_half and _half_month(previous.period):  # type: ignore[union-attr, arg-type]
        # "e o total da quinzena" in a talk about October's first half: that fortnight
        start, end = previous.period.start, previous.period.end  # type: ignore[union-attr]
        text = f"{text[: that_half.start()]} de {start:%d/%m/%Y} a {end:%d/%m/%Y}{text[that_half.end() :]}"
    talked = previous.period if previous is not None and previous.period is not None else None
    days_of_month = _BARE_DAYS.search(text)
    # ("no fds de 21 e 22" with no month talked about: this month's, when they have come)
    this_month = talked is None and days_of_month is not None and int(days_of_month.group(2)) <= today.day
    if (
        days_of_month
        and (talked or this_month)
        and 1 <= int(days_of_month.group(1)) <= int(days_of_month.group(2)) <= 31
    ):
        # "e antes disso, de 1 a 11?" in a talk about November: those days of that month
        month = talked.start if talked is not None else today
        first, last = (f"{int(days_of_month.group(n))}/{month.month}/{month.year}" for n in (1, 2))
        text = f"{text[: days_of_month.start()]}de {first} a {last}{text[days_of_month.end() :]}"
    talked_month = previous.period if previous is not None and previous.period is not None else None
    talked_month = talked_month if talked_month and _within_one(talked_month, "month") and _follows(text) else None
    if talked_month and "feriado" in text and (day := _BARE_DAY_OF_MONTH.search(text)):
        # "ele trabalhou no feriado do dia 7?" in a talk about early September: the holiday of that month
        # ("e no dia 3?" alone is this month's)
        year, month = talked_month.start.year, talked_month.start.month
        if int(day.group(1)) <= monthrange(year, month)[1]:
            that_day = date(year, month, int(day.group(1)))
            if holidays_in(Period(that_day, that_day), db.calendar.subdivision):
                text = f"{text[: day.start()]}dia {that_day:%d/%m/%Y}{text[day.end() :]}"
    if previous is not None and previous.kind not in STATIC and (team := _WHOLE_TEAM_OF.fullmatch(text.strip())):
        text = f"e o {team.group(1)}"  # "e o time todo do 7689?" after my entries without exit: the contract's
    if previous is not None and previous.kind == "weekend_work" and re.match(r"e (?:n?o )?feriado\b", text):
        previous = replace(previous, kind="holiday_work")  # "e no feriado da consciência negra" after the weekends
    if previous is not None and previous.kind == "holiday_work" and re.match(r"e\b", text) and "feriado" not in text:
        said = find_period(text, today, subdivision=db.calendar.subdivision, first_day=db.first_day)
        if said is not None and not holidays_in(said.period, db.calendar.subdivision):
            # "e no dia 19?" after who worked on the 20/11 holiday: who recorded time that day (no holiday in it)
            kind = "contract_resources" if previous.contract else "total_hours" if previous.person else "ranking"
            previous = replace(previous, kind=kind)
    if previous is not None and previous.kind == "contract_resources" and _HOW_MANY_WERE.fullmatch(text.strip()):
        return replace(previous, count=True, page=0)  # "qntos foram no total" after who worked on the 20/11
    listed_people = previous is not None and previous.kind in ("holiday_work", "weekend_work", "days_above")
    if listed_people and _HOW_MANY_PEOPLE_IN_ALL.fullmatch(text.strip()):
        return replace(previous, count=True, page=0)  # type: ignore[arg-type]  # "qnts recursos no total" after them
    those_days = previous is not None and _THOSE_DAYS_LISTED.fullmatch(text.strip()) is not None
    if those_days and previous.kind == "compose" and previous.group == "day":  # type: ignore[union-attr]
        return replace(previous, page=0)  # type: ignore[arg-type]  # "lista esses dias com as horas" after them
    if those_days and previous.kind == "days_above":  # type: ignore[union-attr]
        if previous.person:  # type: ignore[union-attr]
            return replace(previous, count=False, page=0)  # type: ignore[arg-type]  # her days, each with its hours
        # after who of a contract passed 10 h in a day: its days and their hours, as the composition states them
        kept = ("contract", "technology", "profile", "level", "period", "basis", "activity")
        filters = {name: getattr(previous, name) for name in kept if getattr(previous, name) is not None}
        return question_of(Composition(group="day", above=previous.hours, output="table", **filters))  # type: ignore[union-attr]
    contracts_ranked = previous is not None and _listed_contracts(previous)
    if contracts_ranked and (who := _WHO_LEADS.fullmatch(text.strip())):
        text = f"e {who.group(1) or ''}qual contrato mais apontou"  # "e em horas quem lidera?" after the contracts
    top = BARE_TOP.fullmatch(text.strip()) if previous is not None else None
    if top and previous.kind == "contract_resources":  # type: ignore[union-attr]
        # "top 5" after how many people a contract had: the first five of them by hours
        return Question("ranking", contract=previous.contract, period=previous.period, limit=int(top.group(1)))  # type: ignore[union-attr]
    # "top 5" of those rows, in their order; "me dá o top 5 então" after the ones with least: the top end
    top_end = top and re.search(r"\bo top\b|\bmais\b", text)  # "o top 5", "quem fez mais? só o primeiro"
    order = "desc" if top_end else (previous.order if previous else "desc")  # type: ignore[union-attr]
    if top and previous.kind == "compose" and previous.group:  # type: ignore[union-attr]
        return replace(previous, limit=int(top.group(1)), order=order, page=0)  # type: ignore[arg-type]
    if top and previous.kind == "hours_by_person":  # type: ignore[union-attr]
        return replace(previous, limit=int(top.group(1)), order="desc", page=0)  # type: ignore[arg-type]  # Java's top 5
    if top and previous.kind == "contract_ranking":  # type: ignore[union-attr]
        return replace(previous, limit=int(top.group(1)), order=order, page=0)  # type: ignore[arg-type]
    if previous is not None and previous.limit and _THE_OTHER_WAY.fullmatch(prepared.strip()):
        end = "menos" if previous.order == "desc" else "mais"  # "e o contrário?" after a top 10: the bottom 10
        text = f"e os {previous.limit} que {end}"
    elif previous is not None and _listed_people(previous) and _THE_OTHER_WAY.fullmatch(prepared.strip()):
        text = f"e os que {'menos' if previous.order == 'desc' else 'mais'}"  # "inverte a ordem" after a whole list
    if (
        previous is not None
        and previous.kind in _COUNTING_KINDS
        and previous.period
        and _ANY_DAY.fullmatch(text.strip())
    ):
        return replace(previous, period=None, page=0)  # "e no total, qualquer dia" after today's open entries: all
    whole = _NUMBERED_WHOLE_TURN.fullmatch(text.strip()) if previous is not None else None
    if whole and previous.kind in _COUNTING_KINDS and not previous.person and whole.group(1) != previous.contract:  # type: ignore[union-attr]
        # "e no 7874 inteiro" after who of one of its client contracts worked on weekends: the whole contract's
        return replace(previous, contract=whole.group(1).upper(), page=0)  # type: ignore[arg-type]
    narrowed_before = previous is not None and previous.kind == "compose" and (previous.activity or previous.technology)
    if narrowed_before and re.fullmatch(r"(?:e )?(?:por|cada|em cada) contrato\W*", text.strip()):
        # "e por contrato?" after who did most bug fixing: the bug fixing, by contract
        return replace(previous, group="contract", person=None, limit=None, order="desc", output="table", page=0)  # type: ignore[arg-type]
    only_first = previous is not None and re.fullmatch(r"(?:e )?(?:so|somente|apenas) o primeiro\W*", text.strip())
    if only_first and (previous.kind == "ranking" or (previous.kind == "compose" and previous.group == "person")):  # type: ignore[union-attr]
        return replace(previous, limit=1, page=0)  # type: ignore[arg-type]  # "só o primeiro" after who did most
    overall_top = _TOP_OVERALL.fullmatch(text.strip()) if previous is not None else None
    if overall_top and previous.kind in ("contract_ranking", "list_contracts"):  # type: ignore[union-attr]
        # "top 5 considerando tudo" after the contracts of a few days: the five with most hours, all the data
        return Question("contract_ranking", limit=int(overall_top.group(1)))
    if overall_top and previous.kind == "compose" and previous.group:  # type: ignore[union-attr]
        return replace(previous, limit=int(overall_top.group(1)), period=None, versus=None, page=0)  # type: ignore[arg-type]
    few = _FEW_OF_THE_LIST.fullmatch(text.strip()) if previous is not None else None
    if few:
        # "agora os 5 com menos horas" after the contracts of November: the five contracts at that end
        by = "people" if few.group(3) in ("gente", "pessoas", "recursos") else "hours"
        order, limit = ("asc" if few.group(2) == "menos" else "desc"), int(few.group(1))
        if previous.kind == "compose" and previous.group in ("contract", "client"):  # type: ignore[union-attr]
            return replace(previous, limit=limit, order=order, measure=by, page=0)  # type: ignore[arg-type]
        if previous.kind in ("list_contracts", "contract_ranking"):  # type: ignore[union-attr]
            return Question("contract_ranking", period=previous.period, limit=limit, order=order, by=by)  # type: ignore[union-attr, arg-type]
    if top and previous.kind in ("list_contracts",):  # type: ignore[union-attr]
        # "top 5" after the contracts of September: the five with most hours then
        return Question("contract_ranking", period=previous.period, limit=int(top.group(1)))  # type: ignore[union-attr]
    if previous is not None and previous.period:
        # "e o total nesse período todo" after a talk about September to today: that period, whole
        text = _THIS_WHOLE_PERIOD.sub("nesse periodo", text)
    if previous is not None and previous.period is not None and _half_month(previous.period):
        # "e quantos dias úteis teve nessa quinzena?" after the first half of November: that half
        text = re.sub(r"\b(?:n|d)?essa (?:mesma )?quinzena\b", "nesse periodo", text)
    if previous is not None and previous.period and (this_one := _THIS_ONE.fullmatch(text.strip())):
        # "e nessa?" after last week: this week ("e nesse?" after last month: this month)
        week, month = _within_one(previous.period, "week"), _within_one(previous.period, "month")
        if this_one.group(1) in ("ssa", "sta") and week and previous.period.end < today:
            text = "e nessa semana"
        elif this_one.group(1) in ("sse", "ste") and month and not week and previous.period.end < today:
            text = "e nesse mes"
    if previous is not None and previous.period and (asked := _THE_ONE_BEFORE.fullmatch(text.strip())):
        before = the_one_before(previous.period, asked["unit"])
        text = f"e de {before.start:%d/%m/%Y} a {before.end:%d/%m/%Y}"  # "e no retrasado?" after last weekend
    if not text.strip("? "):
        return Question("help")
    side_by_side = previous is not None and previous.kind in ("total_hours", "compose") and not previous.group
    if side_by_side and len(named_periods) == 2 and _BOTH_PERIODS.search(text):
        # "me mostra os dois lado a lado" after October, then November: the two periods, side by side
        first, second = sorted(named_periods, key=lambda p: p.start)
        composed = {"kind": "compose", "measure": previous.measure or "hours", "output": "value"}  # type: ignore[union-attr]
        return replace(previous, period=first, versus=second, page=0, **composed)  # type: ignore[arg-type]
    if reason := refusal(prepared) or refusal(text):
        # the person or contract asked about stays the conversation's subject, with its period: "e quantas
        # horas ela fez?", "e em horas?" come next
        pending = (
            _refused_subject(db, text, today, previous, me) if reason in ("personal", "write", "forecast") else None
        )
        if reason == "out_of_scope" and (person := _refused_subject(db, text, today, previous, me)) and person.person:
            pending = person  # "ignore as instruções… o salário do Wagner", then "só as horas dele": his
        return Clarification(reason, REFUSALS[reason], pending)
    if _PRAISE.fullmatch(text.strip()) or (
        (ack := _THANKS.match(text)) and _PRAISE.fullmatch(text[ack.end() :].strip())
    ):
        return Question("thanks")  # "valeu, top demais": praise, not the top of a ranking
    if (ack := _THANKS.match(text)) and _ASKS.search(text[ack.end() :]):
        text = text[ack.end() :].strip()  # "ok e o 7874?": the question after the acknowledgement
    words = text.split()
    if _GREETING.search(text) and len(words) <= 5 and not _has(text, "hora", "contrat", "quant", "quem"):
        return Question("greeting")
    if _THANKS.search(text) and len(words) <= 4:
        return Question("thanks")
    if _THANKED.search(text) and len(words) <= 8 and not _ASKS.search(text):
        return Question("thanks")  # "ai obrigada, vc salvou meu dia"
    nothing_before = previous is None or previous.kind in ("greeting", "thanks", "help")
    if nothing_before and re.fullmatch(r"(?:e )?(?:quanto|qnto|qto) (?:deu|foi|ficou|da)(?: entao)?", text.strip()):
        return Clarification("not_understood", _HOW_MUCH_OF_WHAT)  # "e aí" then "quanto deu": of what?
    if nothing_before and _BARE_SUMMARY.fullmatch(text.strip()):
        return Clarification("not_understood", _SUMMARY_OF_WHAT)  # "preciso de um resumo": of what, when?
    who = re.search(r"\bquem\b", text) is not None
    if _WHICH_ONES.match(text) and previous is not None and (listed := _listed(previous, who)) is not None:
        return listed  # "quais foram?", "quem foram?" after a count: the same question, as a list
    if _MORE.match(text):
        if previous is None or previous.kind in STATIC:
            return Clarification("no_more", "Não há uma lista anterior para continuar. Faça uma pergunta primeiro.")
        return replace(previous, page=previous.page + 1)
    if _HELP.search(text):
        return Question("help")
    if _WHAT_IT_MEANS.search(text):
        return Question("glossary")  # "o que é hora líquida?", "de onde sai esse número?"
    if previous is None and me is None and re.fullmatch(r"(?:horas?|hrs?|hs)\W*", text.strip()):
        return Clarification("not_understood", _HOURS_OF_WHOM)  # "horas", typed alone: of whom, when?
    if _UNKNOWN_PROFILE.search(text):
        return Clarification(
            "unknown_profile",
            "Os dados não têm esse perfil. Os perfis que existem são: analista desenvolvedor, analista de testes, "
            "analista de suporte, arquiteto de soluções, engenheiro de dados e scrum master.",
        )
    try:
        token, role_token = _ORIGINAL.set(question), _ROLE.set(role)
        unanswered_token = _UNANSWERED.set(unanswered)
        people_token = _NAMED_PEOPLE.set(named_people)
        talked = tuple(p for p in (previous.person if previous is not None else None, named, *talked_before) if p)
        talked = tuple(dict.fromkeys(talked))  # one person named twice is still one
        talked_token = _TALKED_ABOUT.set(talked)
        known = db.supplier_contracts | db.client_contracts
        contracts_token = _NAMED_CONTRACTS.set(tuple(c for c in named_contracts if c in known))
        try:
            understood = _understand(db, text, previous, today, me, named)
            mine = role == "colaborador" and me is not None and isinstance(understood, Question)
            if mine and understood.kind in ("period_summary", "total_hours") and not understood.has_subject:  # type: ignore[union-attr]
                # "então me fala qnt ficou ontem" from someone who sees only her own entries: hers, said as hers
                understood = replace(understood, kind="total_hours", person=me)  # type: ignore[arg-type]
            if isinstance(understood, Question) and previous is not None and previous.weekday:
                if understood.weekday == previous.weekday and _EVERY_DAY_OF.search(text):
                    understood = replace(understood, weekday=None)  # "e ela no mês todo?" after her Tuesdays
        finally:
            _ORIGINAL.reset(token)
            _ROLE.reset(role_token)
            _NAMED_PEOPLE.reset(people_token)
            _TALKED_ABOUT.reset(talked_token)
            _NAMED_CONTRACTS.reset(contracts_token)
            _UNANSWERED.reset(unanswered_token)
    except InvalidQuery as err:
        return Clarification("invalid", str(err))
    if isinstance(understood, Clarification) and understood.replace:
        # "Você quis dizer Ana Souza?": the question with that name is kept, so "sim" answers it (no loop)
        typed, name = understood.replace
        try:
            retried: Understood = _understand(db, re.sub(rf"\b{re.escape(typed)}\b", name, text), previous, today, me)
        except InvalidQuery:
            retried = understood
        if isinstance(retried, Question):
            return Clarification("confirm", understood.text, retried)
    if restricted and _WHOLE_COMPANY.search(text):
        # "o total de todos os contratos da empresa": not answered with the part this asker may see
        return Clarification("out_of_scope_person", WHOLE_COMPANY)
    if isinstance(db, ScopedDataset) and db.parts and _ALL_PARTS.search(text):
        said = _contract(db, f" {text} ")
        whole = said[0] if isinstance(said, tuple) else previous.contract if previous is not None else None
        if whole in db.parts:
            # "e o contrato inteiro do 8447, com as outras partes?" from a gestor of one of its parts: not his
            shown = granted(tuple(db.scope.contracts), db.part_of)
            return Clarification(
                "out_of_scope_contract",
                f"Você só pode consultar {shown}: o contrato {whole} inteiro, com as outras partes, não.",
                _period_said(db, text, today) or _period_only(previous),
            )
    plain = normalize(question)
    if _THAN_ME.search(plain) and not (
        isinstance(understood, Clarification) and understood.reason.startswith("out_of_scope")
    ):
        # "quem do 7951 fez mais hora q eu": a bound the composition cannot take from the asker's own total
        asked = _period_only(understood) if isinstance(understood, Question) else None
        if role == "colaborador":
            return Clarification("out_of_scope_person", OTHER_PEOPLE, asked)
        return Clarification("not_understood", THAN_ME, asked)
    if restricted and isinstance(understood, Clarification):
        return _restricted(db, understood)
    compared = AM_I_THE_ONE.search(plain) is not None  # "sou eu quem mais apontou?"
    if role == "colaborador" and isinstance(understood, Question) and (compared or _about_others(understood)):
        # her view holds her rows only: a contract's total or a ranking would be hers, told as the contract's
        return Clarification("out_of_scope_person", OTHER_PEOPLE, _period_only(understood))
    if previous is None and me is None and _ONLY_HOURS.fullmatch(prepared):
        # "preciso das horas", with nothing said before: whose and when are unknown, not everyone's all-time total
        return Clarification("not_understood", HOURS_OF_WHAT)
    if role == "gestor" and isinstance(understood, Question) and _only_own_rows_of(db, understood, me):
        # "e o 8121 todo?" from a gestor of 8246 who records time on the 8121: only his own rows are there
        shown = granted(tuple(db.scope.contracts), db.part_of)  # type: ignore[union-attr]
        return Clarification(
            "out_of_scope_contract",
            f"Você só pode consultar {shown}. Do contrato {understood.contract}, só os seus próprios apontamentos: "
            f"pergunte, por exemplo, “quanto eu fiz no contrato {understood.contract}?”.",
            _period_only(understood),
        )
    if isinstance(understood, Question) and (changed := _filter_corrections(db, corrections)):
        # A typo corrected into a filter value ("lento" → "pleno") narrows the question: asked, not applied.
        typed = _or([f"“{typed}”" for typed, _ in changed]).replace(" ou ", " nem ")
        fixed = _or([f"“{fixed}”" for _, fixed in changed]).replace(" ou ", " e ")
        text = f"Não encontrei {typed} nos dados. Você quis dizer {fixed}? Responda “sim” para eu seguir assim."
        return Clarification("confirm", text, understood)
    return understood


def _listed(previous: Question, who: bool = False) -> Question | None:
    """The previous question as a list of what it counted (`who`: of the people), or None when it counted
    nothing listable."""
    if who and previous.kind == "weekend_work" and not previous.person:
        # "quem?" after the weekend days worked: the people, each with their weekend hours ("o primeiro deles" next)
        return Question(
            "compose",
            contract=previous.contract,
            technology=previous.technology,
            profile=previous.profile,
            level=previous.level,
            period=previous.period,
            measure="hours",
            group="person",
            weekday=(6, 7),
            output="table",
        )
    if previous.count:
        return replace(previous, count=False, page=0)
    if who and previous.kind == "compose" and previous.group in ("contract", "client", "activity") and previous.limit:
        # "e quem?" after the contract that did most deploys: the people who did most, the same way
        return replace(previous, group="person", page=0)
    if previous.kind == "compose" and previous.measure == "people" and previous.group is None:
        return replace(previous, measure="hours", group="person", output="table", page=0)
    if previous.kind == "compose" and previous.measure == "days" and previous.group is None:
        # "quais?" after "passou de 9h em algum (dia)?": those days, each with its hours
        return replace(previous, measure="hours", group="day", output="table", page=0)
    if who and previous.kind == "total_hours" and previous.contract and not previous.person and not previous.activity:
        # "quem foram?" after a contract's hours of a week: its people then, by their hours
        return Question("contract_resources", contract=previous.contract, period=previous.period)
    return replace(previous, page=0) if previous.kind in _LISTING_KINDS else None


_BOTH_PERIODS = re.compile(
    r"\b(?:os|as) (?:dois|duas|2)\b.*\b(?:lado a lado|comparad[oa]s|juntos|juntas)\b"
    r"|\bcompar\w* (?:os|as) (?:dois|duas|2)\b|\bdiferenca entre (?:os|as) (?:dois|duas|2)\b"
)
_FIRST_PERSON_REFUSED = re.compile(r"\b(?:eu|meu|minha|meus|minhas|fiz|tenho|trabalhei|apontei|vou|recebo|ganho)\b")


def _refused_subject(
    db: Dataset, text: str, today: date, previous: Question | None = None, me: str | None = None
) -> Question | None:
    """The hours of whom a refused question was about (a person, else a contract, else the asker speaking of
    themself), over the period it named (or, about the same subject again, the period the conversation was in)."""
    person = _person(db, text.split())
    contract = _contract(db, f" {text} ")
    if isinstance(person, tuple):
        subject = {"person": person[0]}
    elif isinstance(contract, tuple):
        subject = {"contract": contract[0]}
    elif me is not None and _FIRST_PERSON_REFUSED.search(text):
        subject = {"person": me}  # "quanto vou receber esse mês com as horas que fiz?": then "só as horas, então"
    else:
        return None
    found = find_period(text, today, subdivision=db.calendar.subdivision, first_day=db.first_day)
    same = previous is not None and all(getattr(previous, name) == value for name, value in subject.items())
    period = found.period if found is not None else previous.period if same and previous else None
    return Question("total_hours", period=period, **subject)


_ABOUT_PEOPLE = frozenset({"ranking", "hours_by_person", "contract_resources", "people_by", "person_average"})


def _only_own_rows_of(db: Dataset, question: Question, me: str | None) -> bool:
    """A gestor's question about a whole contract he sees only through his own entries (not granted to him)."""
    if not isinstance(db, ScopedDataset) or not question.contract or (question.person and question.person == me):
        return False
    return question.contract not in db.granted_contracts


def _about_others(question: Question) -> bool:
    """A question a colaborador asks about other people: a whole contract, or the team ranked or counted. "Quanto
    todo mundo fez?" and "ranking de horas" are answered: their first line says the figures are her own."""
    if question.kind == "compose" and question.output == "share" and question.part == "person":
        return True  # "qual minha participação nas horas do 8033?": the whole is everyone's hours
    if question.person or question.kind in STATIC or question.kind in ("working_days", "holidays", "list_contracts"):
        return False
    by_person = question.kind in _ABOUT_PEOPLE or (question.kind == "compose" and question.group == "person")
    # "qual contrato teve mais horas?": a ranking of contracts, which her own rows would only pretend to be
    by_contract = question.kind == "contract_ranking" or (
        question.kind == "compose" and question.group in ("contract", "client") and not question.person
    )
    return bool(question.contract or (by_person and question.everyone) or by_contract)


def _activity_typos(db: Dataset, words: list[str]) -> list[str]:
    """Unknown words one or two letters off a word of an activity ("reviw", "alinhamneto") as that word."""

    def unread(w: str) -> bool:  # "reunioes", "bug": forms the activity reader takes already are not typos
        return (
            len(w) >= 4
            and not w.isdigit()
            and not _known(w)
            and w not in db.all_name_words
            and _activity_word(db, w) is None
        )

    if not any(unread(w) for w in words):
        return words  # most questions: nothing to compare, no sort
    targets = sorted(db.activity_words)
    return [
        (close[0] if unread(w) and (close := difflib.get_close_matches(w, targets, n=1, cutoff=0.8)) else w)
        for w in words
    ]


def _filter_corrections(db: Dataset, corrections: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The corrections that turned a word into a value of a filter (level, profile, technology, activity)."""
    values = _FILTER_VALUES | {w for t in db.technologies for w in normalize(t).split()} | db.activity_words
    return [
        (a, b)
        for a, b in corrections
        if b in values and not (a.startswith(b) or b.startswith(a))  # "juniores" is "junior"
    ]


_FILTER_VALUES = frozenset(
    "junior pleno senior especialista teste testes tester testers qa suporte desenvolvedor desenvolvedores dev devs "
    "arquiteto arquitetos arquiteta engenheiro engenheiros engenheira dados scrum master".split()
    # a holiday's name is a day: "pendencia" → "independencia" would answer about 07/09
    + "finados proclamacao republica consciencia negra zumbi independencia aparecida tiradentes natal".split()
)


def _restricted(db: Dataset, clarification: Clarification) -> Clarification:
    """A clarification worded for an asker who sees only part of the data: nothing about anyone else."""
    said = re.search(r"“([^”]+)”", clarification.text)
    a_name = said is None or bool(set(normalize(said.group(1)).split()) & db.all_name_words)
    if clarification.reason == "unknown_person" and not clarification.replace and not a_name:
        # "quanto apontei de treinamento?" with no such entry of hers: not found in her view, whatever it is
        mine = "no que você pode consultar"
        if isinstance(db, ScopedDataset) and db.scope.role == "colaborador":
            mine = "nos seus apontamentos"
        return Clarification("unknown_person", f"Não encontrei “{said.group(1)}” {mine}.", clarification.pending)  # type: ignore[union-attr]
    if clarification.reason == "unknown_person" and not clarification.replace:
        # a suggestion names one person of the asker's own view ("André Costa Ferreira" for "ferrera"): kept
        return Clarification("out_of_scope_person", OTHER_PEOPLE, _period_only(clarification.pending))
    if clarification.reason == "unknown_contract":
        if isinstance(db, ScopedDataset) and db.scope.role == "gestor":
            # as granted: "o contrato 7873 e a parte E5067620 do contrato 8447", not "7873, 8447"
            mine = f"Você pode consultar {granted(db.scope.contracts, db.part_of)}."
        else:
            mine = f"Os seus contratos: {', '.join(sorted(db.supplier_contracts)) or 'nenhum'}."
        return Clarification(
            "out_of_scope_contract",
            f"Esse contrato não está entre os que você pode consultar. {mine}",
            _period_only(clarification.pending),
        )
    return clarification


def _period_said(db: Dataset, text: str, today: date) -> Question | None:
    found = find_period(text, today, subdivision=db.calendar.subdivision, first_day=db.first_day)
    return _period_only(Question("total_hours", period=found.period)) if found is not None else None


def _period_only(question: Question | None) -> Question | None:
    """What a declined question leaves for the next: its period ("e eu?" after "quanto o 8302 fez esse mês?")."""
    return Question("total_hours", period=question.period) if question is not None and question.period else None


def _near_names(db: Dataset, words: list[str]) -> frozenset[str]:
    """Unknown words one letter off a name ("correa"): a typo'd name, never corrected into another word."""
    return frozenset(
        w
        for w in words
        if len(w) >= 5 and not known(w) and difflib.get_close_matches(w, db.name_words, n=1, cutoff=0.85)
    )


def _name_tails(db: Dataset, words: list[str]) -> frozenset[str]:
    """An unknown word right after a first name and a surname ("ulisses pereira mota"): a surname the data does
    not have, never corrected into another word ("mostra") that would leave the rest of the name to match someone."""
    return frozenset(
        w
        for a, b, w in zip(words, words[1:], words[2:], strict=False)
        if a in db.name_words and b in db.name_words and not known(w)
    )


def _protected(db: Dataset) -> frozenset[str]:
    technology = frozenset(w for t in db.technologies for w in normalize(t).split())
    return db.all_name_words | technology | db.activity_words


def _second_fortnight(match: re.Match[str]) -> str:
    return "na segunda quinzena" if match.group(1).startswith("desde") else f"{match.group(1)} quinzena"


# "volta pro primeiro: quantos dias ele…" (read "e no primeiro …") after two people: the first of them
_BACK_TO = re.compile(r"^(?:e )?no (primeiro|segundo|ultimo)\b(?= .*\b(?:ele|ela)\b)")
_BASIS_KINDS = frozenset({"days_above", "ranking", "hours_by_person", "contract_ranking"})
_ONLY_BASIS = re.compile(
    r"(?:e )?(?:(?:considerando|contando|em|nas|as|so|pelas|pelo|no|se for|e se for) )?(?:as )?(?:horas? |valor )?"
    r"(brut[ao]s?|liquid[ao]s?)(?: (?:entao|tambem|ai))?\W*"
)


def _understand(
    db: Dataset, text: str, previous: Question | None, today: date, me: str | None, named: str | None = None
) -> Understood:
    slots: dict[str, Any] = {}
    if previous is not None and previous.kind in _BASIS_KINDS and (basis := _ONLY_BASIS.fullmatch(text.strip())):
        # "e considerando horas brutas" after who passed 8 h a day: the same question, in gross hours
        return replace(previous, basis="gross" if basis.group(1).startswith("brut") else "net", page=0)
    if previous is not None and previous.weekday and re.match(r"\s*e\b", text):
        if _EVERY_DAY_OF.search(text):
            previous = replace(previous, weekday=None)  # "e setembro inteiro, sem ser só sexta?": every day
            text = _EVERY_DAY_SAID.sub(" ", text) if text.strip() != "e todos os dias" else text
    text = _WHOLE_MONTH_NAMED.sub(r"\1", text)  # "e setembro inteiro?": September, every filter kept
    total_of_her = re.fullmatch(r"e (?:o )?total (dela|dele)\b(.*)", text.strip())
    if total_of_her and previous is not None and previous.measure in _EVER_MEASURES:
        text = f"e quantas horas {total_of_her.group(1)}{total_of_her.group(2)}"  # after her first day: her hours
    if previous is not None and previous.kind == "missing_days" and _RECORDED_ON.fullmatch(text.strip()):
        text = f"quantas horas {text.strip()}"  # "apontei ontem?" after my missing days: that day's hours
    if LONG_WEEKEND.search(text):
        without = LONG_WEEKEND.sub(" ", text)
        if find_period(without, today, subdivision=db.calendar.subdivision, first_day=db.first_day) is not None:
            text = without  # "voltei do feriadão, qnt apontei sem passada?", "no fds do feriadão, sábado 21 …"
    if (
        previous is not None
        and previous.kind == "hours_by_person"
        and re.fullmatch(r"(?:e )?(?:a media )?por dia", text)
    ):
        text = "e a media por dia trabalhado"  # "e por dia" after each one's hours and their average: per day worked
    about_contracts = previous is not None and (previous.kind == "list_contracts" or previous.group == "contract")
    if about_contracts and (
        biggest := re.fullmatch(r"(?:e )?(?:o|qual o|qual e o) (maior|menor)(?: em horas)?", text.strip())
    ):
        # "e o maior em horas" after how many contracts had entries: the contract with the most hours
        text = f"e qual contrato teve {'mais' if biggest.group(1) == 'maior' else 'menos'} horas"
    if previous is not None and previous.person and _HER_CONTRACT.search(text) and _WHICH_CONTRACT.search(text):
        text = "em quais contratos ela apontou"  # "qual contrato dela?": which, not a figure of it
    elif previous is not None and previous.person and (hers := _HER_CONTRACT.search(text)):
        rid = db.resources[previous.person].rid if previous.person in db.resources else None
        found = db.query("SELECT DISTINCT supplier::VARCHAR FROM e WHERE rid = ?", [rid]) if rid is not None else []
        if len(found) == 1:
            text = text.replace(hers.group(0), f" no {found[0][0]} ", 1)  # "e no contrato dela, quem mais …?"
    status = _HOW_IS_IT.fullmatch(text.strip())
    number = str(re.findall(r"\d{4}|e\d{7}", status.group(0))[0]) if status else ""
    if status and number.upper() in db.supplier_contracts | db.client_contracts:
        # "como tá o 8446?": a status has no one figure; its totals since the first day would answer another question
        return Clarification("not_understood", _HOW_IS_IT_REPLY.format(number=number.upper()))
    ends = re.fullmatch(r"e (?:o|a) (primeir|ultim)[oa]((?: (?:de|do|da|no|na|em) .+)?)", text.strip())
    if ends and previous is not None and previous.measure in ("first_day", "last_day"):
        # "e o primeiro?" after the last day: the first day, not a list's first; "e o último de X?": in X
        text = f"e o {ends.group(1)}o dia{ends.group(2)}"
    told = previous.period if previous is not None else None
    if told and told.start.day == 1 and told.end.day == 15 and _THE_SECOND.search(text):
        # "e da segunda até agora?" after the first fortnight: the second one, so far
        text = _THE_SECOND.sub(_second_fortnight, text)
    if previous is not None and previous.weekday and (bare := _BARE_WEEKDAY_TURN.fullmatch(text.strip())):
        text = f"e nos {bare.group(1)}s"  # "e só no domingo?" after the weekends' hours: every Sunday, not the last
    elif previous is not None and (
        day_alone := re.fullmatch(r"e (segunda|terca|quarta|quinta|sexta|sabado|domingo)", text.strip())
    ):
        text = f"e na {day_alone.group(1)}"  # "e segunda?" after yesterday's hours: last Monday's
    one_day = (
        previous.period
        if previous is not None and previous.period and previous.period.start == previous.period.end
        else None
    )
    if one_day and (after := _NEXT_DAY.search(text)):
        # "e no dia seguinte, q horas eu comecei?" after the 7th: the 8th
        moved = one_day.start + timedelta(days=1 if after.group(1) or after.group(2) is not None else -1)
        text = text.replace(after.group(0), f"em {moved.day}/{moved.month}/{moved.year}", 1)
    worked_days = previous if previous is not None and previous.kind in ("holiday_work", "weekend_work") else None
    longer = worked_days is not None and (worked_days.period is None or worked_days.period.days > 3)
    if longer and _HOW_MANY_OF_THEM.fullmatch(text.strip()):
        return replace(worked_days, page=0)  # "qnts pessoas?" after who worked on weekends: that answer counts them
    their_hours = worked_days is not None and not worked_days.person and _THEIR_HOURS.fullmatch(text)
    if worked_days is not None and (their_hours or _HOW_MANY_HOURS.fullmatch(text.strip())):
        # "qnts hrs no total?" after who worked on the 20/11 holiday (or on weekends): those days' hours, summed;
        # "trabalhei algum fds? se sim qnts horas": mine on those days
        previous = worked_days
        weekend = (6, 7) if previous.kind == "weekend_work" else None
        holidays_only = previous.kind == "holiday_work" and (
            previous.period is None or previous.period.start != previous.period.end
        )
        if not holidays_only:  # the hours of several holidays are not a filter the compositions have
            return Question(
                "compose",
                person=previous.person,
                contract=previous.contract,
                period=previous.period,
                weekday=weekend,
                output="value",
            )
        return replace(previous, page=0)  # the hours of several holidays: that answer gives them, summed
    if previous is not None and previous.kind == "holidays":
        # "e teve gente trabalhando neles?" after the holidays listed: work on those holidays
        text = re.sub(
            r"\b(?:em algum (?:deles|desses)|neles|nesses (?:dias|feriados)|nessas datas|nestes (?:dias|feriados))\b",
            "nos feriados",
            text,
        )
    if one_day is not None and re.search(r"\b(?:n|d)?(?:ess|est)es [2-9] dias\b", text):
        # "q horas eu entrei nesses dois dias" after one day, then another: only the last one is remembered
        return Clarification("period", SEVERAL_DAYS)
    if previous is not None and previous.contract and "mesmos dias" in text:
        # "compara com os mesmos dias da semana passada, o contrato todo" after its top 5: the contract's week
        text = re.sub(r" (?:n|d)?o contrato (?:todo|inteiro)\b", f" do contrato {previous.contract}", text)
    averaged = {"avg_day": "media de horas por dia", "avg_person": "media por pessoa"}
    average = (previous.measure if previous.kind != "hours_per_day" else "avg_day") if previous is not None else None
    if average in averaged and re.match(r"e (?:qual )?(?:a )?media\b(?! de| por)", text):
        # "e a média do time?" after his average per day: the team's average per day
        text = re.sub(r"\bmedia\b", averaged[str(average)], text, count=1)
    text = _TOP_OF_LIST.sub("o primeiro", text)  # "e a pessoa do topo, em novembro?", "e o de cima?"
    if told and (whole := _WHOLE_UNIT.search(text)):
        # "qnt fez na semana toda?" after one day of it: that day's Monday-to-Sunday week (or its month)
        if whole.group("unit") == "semana":
            start = told.start - timedelta(days=told.start.weekday())
            widened = Period(start, start + timedelta(days=6))
        else:
            widened = month_of(told.start.year, told.start.month)
        if widened.start <= told.start and told.end <= widened.end and widened != told:
            text = text.replace(whole.group(0), f"de {widened.start:%d/%m/%Y} a {widened.end:%d/%m/%Y}", 1)
    if told and (moved_day := _WEEKDAY_MOVED.search(text)):
        weekday = WEEKDAYS[moved_day.group("day")]
        if moved_day.group("after"):
            day = told.end + timedelta(days=(weekday - told.end.weekday() - 1) % 7 + 1)
        else:
            day = told.start - timedelta(days=(told.start.weekday() - weekday - 1) % 7 + 1)
        text = text.replace(moved_day.group(0), f"em {day:%d/%m/%Y}", 1)
    told_end = previous.period.end if previous is not None and previous.period else None
    if told_end and told_end.weekday() < 5 and (weekend := _WEEKEND_AFTER.search(text)):
        # "e no sábado e domingo depois?" after the Friday of a holiday: that Saturday and Sunday
        saturday = told_end + timedelta(days=5 - told_end.weekday())
        sunday = saturday + timedelta(days=1)
        text = text.replace(weekend.group(0), f"de {saturday:%d/%m/%Y} a {sunday:%d/%m/%Y}", 1)
    week = previous.period if previous is not None and previous.period else None
    if week and week.start.weekday() == 0 and (week.end - week.start).days <= 6 and _WEEK_BEFORE.search(text):
        # "e na semana anterior?" after last week: the week before that one (alone, "semana anterior" is last week)
        monday = week.start - timedelta(days=7)
        sunday = monday + timedelta(days=6)
        text = _WEEK_BEFORE.sub(f"de {monday:%d/%m/%Y} a {sunday:%d/%m/%Y}", text, count=1)
    if _COUNTS_WEEKENDS.search(text):  # "quantos fins de semana": counted as the weekend days worked, like "fds"
        text = re.sub(r"\b(?:fins|finais) de semana\b", "fim de semana", text)
    rest = f" {text} "
    if _ROLE.get() == "gestor" and isinstance(db, ScopedDataset) and re.search(r"\b(?:qual|quais) del[ea]s\b", rest):
        said = re.search(r"\b(?:qual|quais) d[oa]s (dois|duas|tres|2|3)\b", normalize(_ORIGINAL.get()))
        count = {"dois": 2, "duas": 2, "tres": 3}.get(said.group(1), 0) or int(said.group(1)) if said else 0
        lists = (_NAMED_PEOPLE.get(), _NAMED_CONTRACTS.get())
        if count and count == len(db.scope.contracts) and not any(len(listed) == count for listed in lists):
            # "qual dos três fez mais horas ontem?" from a gestor of three contracts: which of his contracts
            rest = re.sub(r"\b(qual|quais) del[ea]s\b", r"\1 dos meus contratos", rest, count=1)
            text = " ".join(rest.split())
    between = _BETWEEN_MINE.search(rest) if _ROLE.get() == "gestor" and isinstance(db, ScopedDataset) else None
    if between and {between.group(1), between.group(2)} == set(db.scope.contracts) and _has(rest, "quem"):
        # "entre 8446 e 8447 quem mais trabalhou?" from a gestor of the two: his people, across both
        rest = rest.replace(between.group(0), " ", 1)
        text = " ".join(rest.split())
    both = _BOTH_CONTRACTS.search(rest)
    if both and _ROLE.get() == "gestor" and isinstance(db, ScopedDataset):
        count = 3 if re.search(r"tres|3", both.group(0)) else 2
        named = _NAMED_CONTRACTS.get()
        if count == len(db.scope.contracts) and (len(named) in (0, count) or set(named) < set(db.scope.contracts)):
            # "qnts apontamentos sem validação nos dois em outubro?" from a gestor of two contracts: both of his;
            # "top 5 recursos somando os dois" after each of them this month: everyone he sees, this month
            whole = previous is not None and not (previous.contract or previous.person or previous.asker)
            whole = whole and not _UNANSWERED.get() and not re.search(r"\b(?:fatia|porcentagem|parte)\b", rest)
            rest = rest.replace(both.group(0), " " if whole else f" {both.group(1) or 'n'}os meus contratos ", 1)
            text = " ".join(rest.split())
            if previous is not None and not text.startswith("e "):
                rest = f" e{rest}"  # "por atividade, os dois juntos": the two the talk was about, then
                text = f"e {text}"
    whole_team = re.search(r" (?:(?:d|n)?o time|(?:d|n)?a equipe)(?: tod[oa]| inteir[oa])? ", rest)
    if whole_team and _ROLE.get() == "gestor" and previous is not None and previous.person:
        rest = rest.replace(whole_team.group(0), " todos ", 1)  # "e a média do time?" after one of his people
        text = " ".join(rest.split())
    team = _TEAM.search(rest)
    if team is not None and team.group("contracts") == "meu contrato":
        said = team.group(0)[: team.group(0).index("meu")]  # "do ", "no ", or nothing
        number = re.match(r" *(?:\d{4}|e\d{7})\b", rest[team.end() :])
        only = next(iter(db.supplier_contracts)) if len(db.supplier_contracts) == 1 else None
        if number or (_ROLE.get() == "gestor" and only):
            # "meu contrato E5067620": that one; a gestor's "top 3 do meu contrato": his only contract
            rest = rest.replace(team.group(0), f" {said}contrato{'' if number else f' {only}'} ", 1)
            text, team = " ".join(rest.split()), None
    others = _has(rest, "pessoal", "equipe", "time", "galera", "colegas", "gente", "pessoas", "recursos", "quem")
    if (
        team is not None
        and team.group("contracts") == "meu contrato"
        and others
        and _ROLE.get() not in ("gestor", "colaborador")
        and me is not None
        and (mine := _only_contract(db, me))
    ):
        # "quem mais aponta no meu contrato?" from someone who may see everyone: the people of the contract he is on
        rest = rest.replace(team.group(0), f" {team.group(0)[: team.group(0).index('meu')]}contrato {mine} ", 1)
        text, team = " ".join(rest.split()), None
    if team is not None and team.group("contracts") and _ROLE.get() != "gestor" and me is not None and not others:
        # "quais os 3 que mais apontaram no meu contrato?" asks about its people, not which contract is mine
        which = (_WHICH_CONTRACT.search(text) or _MY_CONTRACTS_ALONE.fullmatch(text)) and not re.search(
            r"\b(?:mais|menos) (?:apontaram|trabalharam|fizeram)\b", text
        )
        mine = None if which else _only_contract(db, me)
        if mine and not (_SELF - {"meu", "meus"}) & set(_TEAM.sub(" ", rest).split()):
            # "qnt o meu contrato fez?", "e o meu contrato inteiro?": that contract's figures, everyone's
            if _ROLE.get() == "colaborador":
                return Clarification("out_of_scope_person", OTHER_PEOPLE, _period_said(db, text, today))
            rest = _TEAM.sub(f" o contrato {mine} ", rest, count=1)
            text = " ".join(rest.split())
        team = None  # "qual meu contrato?" from someone with entries: the contracts they worked on, not a scope
    if team is not None:
        if _ROLE.get() == "colaborador":
            # "o pessoal do meu contrato": "e eu?" next is her own figure for the period asked about
            return Clarification("out_of_scope_person", OTHER_PEOPLE, _period_said(db, text, today))
        # a gestor's "minha equipe" / "meus contratos": everyone and every contract he may see, not himself
        people = _has(rest, "recursos", "pessoas", "gente", "consultores", "colaboradores", "quem")
        # "compara os meus dois contratos", "quantas pessoas em cada contrato meu?": one line per contract
        each = re.search(rf"{_COMPARING}|\bcada\b", rest) is not None
        # ("compara essa semana com a passada, nos meus contratos": the weeks compared, over all of them)
        each = each and not re.search(r"\bcom (?:a |o )?(?:passad[oa]|anterior|semana passada|mes passado)\b", rest)
        rest = _TEAM.sub(
            lambda m: (
                " por contrato "
                if m.group("contracts") and each
                else " "
                if people
                else " contratos "
                if m.group("contracts")
                else " todos "
            ),
            rest,
        )
        text = " ".join(rest.split())

    def consume(fragment: str) -> None:
        nonlocal rest
        rest = rest.replace(f" {fragment.strip()} ", " ", 1)

    for pattern, reply in _UNANSWERABLE:
        if pattern.search(text):
            return Clarification("not_understood", reply)
    # i17-lang: the data's calendar and first day (working days, open starts); see dates.Found's flags
    calendar = {"subdivision": db.calendar.subdivision, "first_day": db.first_day}
    found = find_period(text, today, **calendar)
    overall = found is not None and re.fullmatch(r"(?:e )?no geral", found.text.strip()) is not None
    besides = find_period(text.replace(found.text.strip(), " ", 1), today, **calendar) if overall and found else None
    period_named = besides is not None and (
        "/" in besides.text
        or any(word in MONTH_NAMES for word in besides.text.split())
        or re.search(r"\b(?:ontem|anteontem|hoje|passad[oa]|retrasad[oa])\b", besides.text) is not None
    )  # "em outubro", "de 01/10 a 15/10", "ontem no geral", not "no mês" (which month is the talk's)
    if found is not None and overall and (_names_role(text) or period_named):
        # "e qnts seniors no geral?": any profile, in the same period (or the one said besides); not all the data;
        # "reunião em outubro no geral": everyone's October
        rest = rest.replace(f" {found.text.strip()} ", " ", 1)
        found = besides
    beside: tuple[int, ...] | None = None  # weekdays said beside another period ("de seg a sex, em outubro")
    if found is not None and found.working_days_only:
        return Clarification("period", only_working_days(found))
    if found is not None:
        slots["period"] = found.period
        month = previous.period if previous is not None else None
        since_talked = found.open_start and month is not None and month.start <= found.period.end
        owed = _has(text, "deveria", "esperad\\w*") and not _has(found.text, "desde")  # a month's target so far
        if (
            since_talked
            and (_follows(text) or owed)
            and not re.search(r"\b(?:inicio|comeco|geral|todo|inteiro|tudo|tempos|qualquer|dados)\b", found.text)
        ):
            # "e qnt eu deveria ter feito até hj?" in a talk about November: November so far, not all the data
            slots["period"] = Period(month.start, found.period.end)  # type: ignore[union-attr]
        elif owed and found.open_start and month is None:
            slots["period"] = Period(month_of(today.year, today.month).start, found.period.end)  # this month so far
        whole_week = re.fullmatch(r"(?:(?:n|d)?a )?semana (?:toda|inteira)", found.text.strip())
        if whole_week and month is not None and _within_one(month, "week") and month.end < found.period.start:
            # "e qnt ele fez na semana toda?" after his 17/11: that day's week, not this one
            monday = month.start - timedelta(days=month.start.weekday())
            slots["period"] = Period(monday, monday + timedelta(days=6))
        half = re.fullmatch(r"(?:(?:n|d)?a )?(primeira|segunda|1a|2a) quinzena", found.text.strip())
        if half and month is not None and _within_one(month, "month") and month.start.month != today.month:
            # "e na segunda quinzena?" after October's first: October's second, not this month's
            whole = month_of(month.start.year, month.start.month)
            second = half.group(1) in ("segunda", "2a")
            slots["period"] = (
                Period(whole.start.replace(day=16), whole.end)
                if second
                else Period(whole.start, whole.start.replace(day=15))
            )
        if (
            re.fullmatch(r"(?:n|d)?o mes(?: todo| inteiro)?|nesse mes|naquele mes|no mesmo mes", found.text.strip())
            and not re.search(r"\bate (?:agora|hoje|aqui)\b", text)  # "e nesse mês até agora?": this one
            and not re.fullmatch(r"e nesse mes\W*", text.strip())  # "e nesse mês?" after last month: this one
            and month
            and _within_one(month, "month")
        ):
            slots["period"] = month_of(month.start.year, month.start.month)  # "no mês (todo)" of an October talk
        if (
            re.fullmatch(r"(?:n|d)essa semana|(?:n|d)aquela semana|(?:n|d)a mesma semana", found.text.strip())
            and not re.match(r"e (?:n|d)essa semana\b", text.strip())  # "e nessa semana(, quem …)?": this one
            and month
            and _within_one(month, "week")
        ):
            # "quem deixou de apontar nessa semana?" in a talk about the week before last: that week, whole
            monday = month.start - timedelta(days=month.start.weekday())
            slots["period"] = Period(monday, min(monday + timedelta(days=6), today))
        if (opened := _open_ended(db, rest, found, today)) is not None:
            slots["period"], said = opened
            consume(said)
        consume(found.text)
        if re.search(r"\b(?:fim|final) de semana\b", found.text) and _has(rest, "trabalh", "quem", "alguem", "gente"):
            rest += " fim de semana "  # "teve gente trabalhando no fim de semana passado?": work on that weekend
        second = find_period(rest, today, **calendar)
        if second is not None and _THE_MONTH.fullmatch(found.text.strip()) and _within_one(second.period, "month"):
            found, second = second, None  # "… em outubro e qual % do meu total no mês": October's month
            slots["period"] = found.period
            consume(found.text)
        said_month = second is not None and _THE_MONTH.fullmatch(second.text.strip()) is not None
        if second is not None and (
            second.period == found.period
            or (said_month and _within_one(found.period, "month"))
            or _date_beside(found, second, text)
        ):
            consume(second.text)  # "no dia 20 de novembro, consciência negra": one day, said twice
            second = find_period(rest, today, **calendar)
        if second is not None:
            consume(second.text)
            comparing = _has(
                rest, "compar", "versus\\b", "vs\\b", "x\\b", "contra\\b", "frente a", "lado a lado", "diferenca"
            )
            comparing = comparing or bool(_AGAINST_LAST_WEEK.search(text))  # "essa semana fiz mais que a passada?"
            # "a jurema fez menos hora em novembro do q em outubro?": the two, side by side
            comparing = comparing or bool(_MORE_THAN_IN.search(text))
            if found.open_start and this_or_last_week(second, today) and _AGAINST_LAST_WEEK.search(text):
                # "ta apontando mais q sem passada até quarta?": this week so far against the same days of last
                found, comparing = second, False
                slots["period"] = second.period
            elif comparing and re.search(r"\b(?:mes a mes|(?:por|cada) mes|mensal\w*)\b", text):
                # "compara setembro e outubro, mês a mês": the months of the span, each on its line
                slots["period"] = Period(
                    min(found.period.start, second.period.start), max(found.period.end, second.period.end)
                )
                rest = re.sub(_COMPARING, " ", rest)
            elif comparing and not this_and_last_week(found, second, today):
                slots["versus"] = second.period  # "setembro x outubro", "compara setembro e outubro": side by side
                rest = re.sub(_COMPARING, " ", rest)
            elif (days := _weekday_span(found) or _weekday_span(second)) and not (
                _weekday_span(found) and _weekday_span(second)
            ):
                # "de segunda a sexta, em outubro": those weekdays of the other period, a filter
                beside, slots["period"] = days, (second if _weekday_span(found) else found).period
            elif _ANY_DAY_OF_EITHER.search(text) and (span := _adjacent(found.period, second.period)):
                slots["period"] = span  # "passou de 9h em algum dia essa semana ou na passada?": either, so both
            elif _each_amount(*sorted((found, second), key=lambda f: text.find(f.text)), text, rest):
                # "quanto eu fiz essa semana e semana passada?": each one, side by side (their sum beside)
                slots["period"], slots["versus"] = sorted((found.period, second.period), key=lambda p: p.start)
            elif apart(*(pair := sorted((found, second), key=lambda f: text.find(f.text))), text):
                slots["period"], slots["versus"] = pair[0].period, pair[1].period  # "setembro ou outubro": each
            elif (span := joined(*sorted((found, second), key=lambda f: text.find(f.text)), text)) is not None:
                slots["period"] = span
            elif re.search(rf"\b{re.escape(found.text.strip())} ate {re.escape(second.text.strip())}\b", text):
                if found.period.start > second.period.end:
                    return Clarification("period", TWO_PERIODS)
                slots["period"] = Period(found.period.start, second.period.end)  # "novembro até ontem"
                rest = rest.replace(" ate ", " ", 1)
            elif stopped := [p for p in (found, second) if re.search(rf"{_NOT_RECORDED} {re.escape(p.text)}", text)]:
                slots["period"] = stopped[0].period  # "apontava em outubro e não apontou nada em novembro"
            elif not (this_and_last_week(found, second, today) and comparing):
                return Clarification("period", TWO_PERIODS)
        side_by_side = re.search(r"\blado a lado\b", rest) is not None and previous is not None
        if second is None and side_by_side and previous.period and previous.period != found.period:  # type: ignore[union-attr]
            # "e setembro? põe os dois lado a lado" after October: September beside October
            slots["versus"] = previous.period  # type: ignore[union-attr]
            rest = re.sub(r"(?: (?:os|as) 2)? lado a lado ", " ", rest, count=1)
    same_period = None
    if found is None and previous is not None and (same := _SAME_PERIOD.search(rest)):
        # "nesse período", "no mesmo período": the one the conversation is in (all of the data when it had none)
        whole = Period(db.first_day, db.last_day) if db.first_day and db.last_day else None
        same_period = previous.period or whole
        consume(same.group(0))
    # "essa semana tá melhor que a passada?", "to fazendo mais ou menos que semana passada?": the week
    # comparison (this week so far against the same days of last week), whichever of the two weeks is named
    against_last_week = (
        found is not None
        and slots.get("period") == found.period
        and "versus" not in slots
        and this_or_last_week(found, today)
        and bool(_AGAINST_LAST_WEEK.search(text))
    )
    if against_last_week and _has(rest, *_RANKS_PEOPLE_OR_CONTRACTS):
        return Clarification("not_understood", WEEK_RANKED)  # "quem trabalhou mais essa semana que na passada?"
    if against_last_week:
        rest = _COMPARED.sub(" ", rest)
    weekday_range = _weekday_range(found, text, previous) if beside is None else None
    if weekday_range is not None and found is not None:  # "e de segunda a sexta, qual rende menos?": a filter
        rest = rest.replace(f" {found.text.strip()} ", " ", 1)
        slots.pop("period", None)
        found = None
    if word := unreadable_period(rest):
        # even beside a period it can read: "primeira quinzena de outubro" is not all of October
        return Clarification("period", _unreadable(word))
    said_self = bool({"passei", "passamos"} & set(rest.split()))  # "passei de 8 horas": the threshold takes the verb
    if match := _THRESHOLD.search(rest):
        slots["hours"] = float(match.group(1).replace(",", "."))
        consume(match.group(0))
    elif previous is not None and previous.hours is not None and (other := _OTHER_BOUND.match(rest.strip())):
        slots["hours"] = float(other.group(1).replace(",", "."))  # "e de 8h?" after the days above 9 h
        consume(other.group(0))
    if match := _BELOW.search(rest):
        slots["below"] = float(match.group(1).replace(",", "."))  # "quem apontou menos de 100 horas"
        consume(match.group(0))
    if match := _TOP.search(rest):
        number = match.group(1) or match.group(2)
        slots["limit"] = int(number)
        consume(number)
    ranked = previous is not None and (
        previous.kind in _RANKING_KINDS
        or (previous.kind == "compose" and previous.limit)
        # "só as 3 maiores" after each activity's hours: the list just shown, ordered by size
        or (previous.kind == "compose" and previous.group in ("activity", "contract", "client", "person"))
    )
    basis = _BASIS_TURN.fullmatch(text.strip())
    hours_before = previous is not None and (previous.kind != "compose" or previous.measure == "hours")
    if basis and hours_before and previous.kind in ("compose", "ranking", "activity_hours"):  # type: ignore[union-attr]
        # "e em horas brutas?" after the weekday she records most on: that weekday, gross
        return replace(previous, basis="gross" if basis.group(1) == "brut" else "net", page=0)
    only_on = _ONLY_ON_DAYS.fullmatch(text.strip())
    days = compose_words.read(only_on.group("days"), weekday_sets=True).weekday if only_on else None
    if days and previous is not None and previous.kind == "ranking":
        # "e só nos fins de semana" after the top 10: the same ranking, over those days
        kept = ("contract", "technology", "profile", "level", "period", "basis", "activity")
        filters = {name: getattr(previous, name) for name in kept if getattr(previous, name) is not None}
        limit, order = previous.limit, previous.order
        return question_of(
            Composition(group="person", limit=limit, order=order, weekday=days, output="table", **filters)
        )
    if days and previous is not None and previous.kind == "compose" and previous.group in _LISTED_GROUPS:
        return replace(previous, weekday=days, page=0)  # "só às sextas" after the hours by person or by week
    activities_listed = previous is not None and previous.kind in (*_ACTIVITY_LISTS, "activity_list")
    if activities_listed and (top := _LIMIT_TURN.fullmatch(text.strip())):
        if top.group(2) not in ("menores", "menos", "ultimos", "ultimas"):
            # "só as 3 maiores" after each activity's hours: the activities' ranking, that many
            by = "entries" if top.group("counted") else previous.by  # type: ignore[union-attr]
            return replace(previous, kind="activity_ranking", limit=int(top.group(1)), by=by, page=0)  # type: ignore[type-var]
    if ranked and previous is not None and (top := _LIMIT_TURN.fullmatch(text.strip())):
        # "e os 3 últimos" after the bottom three is still the bottom, not the top: the words name an end
        bottom = top.group(2) in ("menores", "menos", "ultimos", "ultimas")
        order = "asc" if bottom else "desc" if top.group(2) in ("maiores", "mais") else previous.order
        if previous.kind == "contract_resources":
            # "e os 3 últimos?" after who recorded time on the contract: its ranking, from that end
            kept = {name: getattr(previous, name) for name in ("contract", "period", "basis")}
            return Question("ranking", limit=int(top.group(1)), order=order, **kept)
        if top.group("counted") and previous.kind == "compose":
            return replace(previous, limit=int(top.group(1)), order=order, measure="entries", page=0)
        if top.group("counted"):
            return replace(previous, limit=int(top.group(1)), order=order, by="entries", page=0)
        return replace(previous, limit=int(top.group(1)), order=order, page=0)
    unfiltered = _UNFILTERED_TURN.fullmatch(text.strip())
    all_contracts = unfiltered is not None and unfiltered.group(1) == "todos os contratos"
    widened = previous is not None and (
        previous.kind in _UNNARROWABLE
        or (all_contracts and previous.contract and previous.kind in _WHOLE_CONTRACT_KINDS)
    )
    if unfiltered and widened and previous is not None:
        dropped = {
            "todas as atividades": ("activity", "share_of"),
            "todos os contratos": ("contract",),
            "todas as tecnologias": ("technology",),
            "todos os dias": ("weekday",),
        }[unfiltered.group(1)]
        kind = "total_hours" if previous.kind == "activity_hours" and "activity" in dropped else previous.kind
        return replace(previous, **dict.fromkeys(dropped), kind=kind, page=0)
    narrowed = previous is not None and any(
        getattr(previous, n) for n in ("technology", "profile", "level", "activity", "share_of", "person")
    )
    narrowed = narrowed and previous is not None and previous.kind in _UNNARROWABLE
    people_narrowed = previous is not None and any(
        getattr(previous, n) for n in ("technology", "profile", "level", "person")
    )
    if previous is not None and previous.contract and people_narrowed and _WHOLE_TEAM_TURN.fullmatch(text.strip()):
        # "e o time todo?" after the 8301's DevOps people's documentation: everyone's documentation in it
        return replace(
            previous, **dict.fromkeys(("technology", "profile", "level", "person", "part")), asker=False, page=0
        )
    team_total = _TEAM_TOTAL.fullmatch(text.strip())
    of_people = previous is not None and (previous.kind in _ABOUT_PEOPLE or previous.group == "person")
    if team_total and of_people and previous.contract and not people_narrowed:  # type: ignore[union-attr]
        # "e quantas horas o time todo?" after the 7873's top 5: the contract's total, that week
        return Question("total_hours", contract=previous.contract, period=previous.period)  # type: ignore[union-attr]
    still = _STILL_ONLY.search(text)
    kept_activity = still is not None and previous is not None and bool(previous.activity)
    said = {word for word in (still.group(1).split() if still else ()) if len(word) > 2}  # not "de", "em"
    if kept_activity and previous is not None and said <= set(str(previous.activity).split()):
        # "e o contrato todo, ainda só deploy?" after its DevOps people's deploys: everyone's deploys
        text = text[: still.start()].strip()
        if previous.contract and _WHOLE_CONTRACT_TURN.fullmatch(text):
            return replace(previous, **dict.fromkeys(("technology", "profile", "level", "person", "part")), page=0)
    if previous is not None and previous.contract and narrowed and _WHOLE_CONTRACT_TURN.fullmatch(text.strip()):
        # "e no contrato todo?" after its Python people, its bug fixing or one of its people: the same question,
        # the contract without the narrowing
        unnarrowed = dict.fromkeys(("technology", "profile", "level", "activity", "share_of", "person", "part"))
        return replace(
            previous, **unnarrowed, asker=False, output=None if previous.output == "share" else previous.output, page=0
        )
    client_of = previous is not None and previous.contract in db.client_contracts
    if client_of and _WHOLE_CONTRACT_TURN.fullmatch(text.strip()):
        # "e o contrato todo?" after one client part of the 8301: the 8301 (the supplier contract it is part of)
        suppliers = q.suppliers_of(db, previous.contract)  # type: ignore[union-attr, arg-type]
        if len(suppliers) == 1:
            return replace(previous, contract=suppliers[0], page=0)  # type: ignore[arg-type]
    if previous is not None and (whole := _WHOLE_CONTRACT.search(rest)) and not _CONTRACT_NUMBER.search(rest):
        # "e no contrato todo?" after a person: her contract (when she has one), everyone in it
        theirs = None if previous.contract else _only_contract(db, previous.person)
        if theirs:  # (with a contract already, "o contrato todo" is its total: see compose_words.TOTAL_WORDS)
            rest = rest.replace(whole.group(0), f" no {theirs} ", 1)
            text = text.replace(whole.group(0).strip(), f"no {theirs}", 1)
    contract = _contract(db, rest)
    if isinstance(contract, Clarification):
        # what else was asked stays, so "e do 8418?" answers it for a contract that exists
        period = slots.get("period") or (previous.period if previous is not None else None)
        kept = Question(kind_of(rest) or "total_hours", period=period)
        return replace(contract, pending=kept) if contract.reason == "unknown_contract" else contract
    if contract is None and (bare := _BARE_CONTRACT.search(rest)) and not _TEAM.search(text):
        # "qnts % das hrs do contrato foi X": the contract talked about, or asked; never everyone's figure
        talked = previous.contract if previous is not None else None
        only = next(iter(db.supplier_contracts)) if len(db.supplier_contracts) == 1 else None
        if not (talked or only):
            return Clarification("ask_contract", ASK_CONTRACT)
        slots["contract"] = talked or only  # the one talked about, or the only one the asker sees
        consume(bare.group(0))
        team_talk = previous is not None and not (previous.person or previous.asker or previous.contract)
        team_talk = team_talk and "contratos" not in bare.group(0) and not _STATE_WORDS.search(rest)
        if only and team_talk and previous.period and "period" not in slots:  # type: ignore[union-attr]
            # "quebra por semana do contrato" after the ranking of a gestor's team this month: his one contract,
            # which is what that talk was about, this month
            slots["period"] = previous.period  # type: ignore[union-attr]
    if contract is not None:
        slots["contract"], fragment = contract
        consume(fragment)
        if re.search(rf"\b{re.escape(slots['contract'].lower())} (?:tod[oa]|inteir[oa])\b", text):
            # "e o 8447 todo?" after a part's hours: its total; after another measure ("duração média", the
            # week against the last), the same measure over the whole contract
            same_measure = previous is not None and (
                previous.kind in _WHOLE_CONTRACT_KINDS
                or (previous.kind == "compose" and (previous.measure != "hours" or previous.group in _CALENDAR_GROUPS))
            )  # "e o 7689 inteiro?" after her busiest weekday: the contract's weekdays
            rest = re.sub(r"\b(?:tod[oa]|inteir[oa])\b", " " if same_measure else " no total ", rest, count=1)
        compared = [slots["contract"]]
        while (other := _contract(db, rest)) is not None and not isinstance(other, Clarification):
            compared.append(other[0])
            consume(other[1])
        kinds = {q.contract_ref(db, number).kind for number in compared}
        if isinstance(other, Clarification) or len(kinds) > 1 or len(compared) > _MAX_COMPARED:
            return Clarification("not_understood", TWO_CONTRACTS)
        if len(compared) > 1:  # "compara o 8555 com o 8556": the breakdown by contract, only theirs
            slots["among"] = tuple(dict.fromkeys(compared))
            slots["contract"] = None
            rest = re.sub(_COMPARING, " ", rest)
    if match := _RESOURCE_ID.search(rest):
        if match.group(1) not in db.resources:
            return Clarification("unknown_person", f"Não encontrei o recurso de id {match.group(1)}.")
        slots["person"] = match.group(1)
        consume(match.group(0))
    for pattern, profile in PROFILES:
        if match := pattern.search(rest):
            consume(match.group(0))
            slang = re.fullmatch(r"devs?", match.group(0)) and _technology(db, rest) is not None
            if not slang:  # "devs java": the people who work with Java, whatever their profile
                slots["profile"] = profile
            break
    technology = _technology(db, rest)
    if technology is not None:
        slots["technology"], fragment = technology
        consume(fragment)
    for word, level in LEVELS.items():
        if re.search(rf"\b{word}(?:es|s)?\b", rest):
            slots["level"] = level
            rest = re.sub(rf"\b{word}(?:es|s)?\b", " ", rest)
    ambiguous: Clarification | None = None
    if "person" not in slots:
        person = _person(db, rest.split())
        if isinstance(person, Clarification) and person.reason != "ambiguous_person":
            # what else was asked stays, so "e o 7874?" after an unknown name keeps the period
            # (or the one the talk was in: "desculpa, era o 8121" after two names not found keeps October)
            period = slots.get("period") or (previous.period if previous is not None else None)
            asked = kind_of(f" {' '.join(rest.split())} ")  # "que horas o roberto entrou": then "e a vitória?"
            pending_kind = asked if asked in ("resource_days", "open_spans", "missing_days") else "total_hours"
            return replace(person, pending=Question(pending_kind, period=period))
        if person is not None:
            if isinstance(person, Clarification):
                ambiguous, used = person, person.pending_words
                other = previous.person if previous is not None and re.search(r"\boutr[oa]\b", text) else None
                there = _one_there(db, used, slots.get("contract"), other)  # "e o outro caio do 8033"
                if there is not None:  # "o hugo do 8121": the one Hugo of that contract
                    ambiguous, slots["person"] = None, there
                    if not _has(rest, "porcentagem", "percentual", "fatia", "parte", "proporcao"):
                        slots.pop("contract", None)  # (in "qual % do 8446 foi do thiago", the whole he is part of)
            elif _taken_out(rest, person[1]):
                those = _NAMED_PEOPLE.get() or (previous.among if previous is not None else None) or ()
                left = [p for p in those if p != person[0]]
                if not left or len(left) == len(those):
                    # "e sem a Júlia?" after a contract's total: no composition takes one person out
                    return Clarification("not_understood", _CANNOT_TAKE_OUT.format(name=db.resources[person[0]].name))
                # "e sem o otávio?" after three people summed: the others
                if len(left) > 1:
                    slots["among"] = tuple(left)
                else:
                    slots["person"] = left[0]
                used, at = person[1], _name_at(rest, person[1])
                rest = f"{_TAKEN_OUT.sub(' ', rest[:at])} {rest[at:]}"
            else:
                slots["person"], used = person
                again = previous is not None and slots["person"] == previous.person
                there = _one_there(db, used[:1], slots.get("contract")) if again and len(used) == 1 else None
                if there is not None and there != slots["person"]:
                    # "e a beatriz do 8556" after another Beatriz: the one of that contract
                    slots["person"], again = there, False
                    slots.pop("contract", None)
                if again and re.search(rf"\boutr[oa] {used[0]}\b", rest):
                    # "e o outro caio do 8033" after Caio Martins Pereira: the other Caio (there)
                    there = _one_there(db, used[:1], slots.get("contract"), previous.person)  # type: ignore[union-attr]
                    if there is None:
                        return _which_other(db, used[0], slots.get("contract"), previous.person)  # type: ignore[union-attr]
                    slots["person"] = there
                    slots.pop("contract", None)
            rest = _without_name(rest, used)
            other = _person(db, rest.split()) if "person" in slots else None
            if isinstance(other, tuple) and other[0] != slots["person"]:
                # "compara a Julia e o Lucas", "quem fez mais, a Giovana, o Heitor ou eu?": all, side by side
                people = [slots["person"]]
                while isinstance(other, tuple) and other[0] not in people and len(people) < _MOST_NAMED:
                    people.append(other[0])
                    rest = _without_name(rest, other[1])
                    other = _person(db, rest.split())
                if me is not None and me not in people and (_ME_OR_THEM.search(text) or _AMONG_ME.search(text)):
                    people.insert(0, me)
                slots["among"], slots["person"] = tuple(people), None
                rest = re.sub(_COMPARING, " ", _AMONG_ME.sub(" ", rest))
            elif me is not None and "person" in slots and _ME_OR_THEM.search(text):
                # "qm fez mais hora, eu ou o Caio?": the asker and the one named, side by side
                slots["among"], slots["person"] = (me, slots["person"]), None
                rest = re.sub(_COMPARING, " ", _ME_OR_THEM.sub(" ", rest))
            elif (
                "person" in slots
                and previous is not None
                and previous.person not in (None, slots["person"])
                and (them := _HER_OR_THEM.search(rest))
            ):
                # "e ela x a Giovana em horas no total?": the one talked about and the one named, side by side
                slots["among"], slots["person"] = (previous.person, slots["person"]), None
                rest = re.sub(_COMPARING, " ", rest.replace(them.group(0), " ", 1))
            elif (
                "person" in slots
                and previous is not None
                and previous.person not in (None, slots["person"])
                and _COMPARED_WITH.search(rest)
            ):
                # "compara c/ a Natália em outubro" after my hours (or hers): the one talked about and the one named
                slots["among"], slots["person"] = (previous.person, slots["person"]), None
                rest = _COMPARED_WITH.sub(" ", rest)
    by_role = _one_of_role(db, slots, text, previous)
    if isinstance(by_role, Clarification):
        return by_role
    if by_role is not None:
        slots["person"] = by_role  # "a arquiteta do 8033": the one person with that role there
        for name in ("technology", "profile", "level", "contract"):
            slots.pop(name, None)
    listed = tuple(p for p in _NAMED_PEOPLE.get() if p in db.resources)
    back = _BACK_TO.search(text) if "person" not in slots and len(listed) >= 2 else None
    if back is not None:
        # "volta pro primeiro: quantos dias ele…" after the two Caios together: the first of them
        slots["person"] = listed[{"primeiro": 0, "segundo": 1}.get(back.group(1), -1)]
        rest = re.sub(rf"\bno {back.group(1)}\b|\b(?:ele|ela)\b", " ", rest, count=2)
    if "person" not in slots and listed and (end := _ONE_END_OF_THE_LIST.search(rest)):
        # "e qnts dias o q menos apontou trabalhou?" after "quem menos apontou?": the list's first; after the
        # ones who did most, its last
        first = previous is not None and previous.order == ("asc" if end.group(1) == "menos" else "desc")
        slots["person"] = listed[0] if first else listed[-1]
        rest = rest.replace(end.group(0), " ", 1)
    contracts = _NAMED_CONTRACTS.get()
    if not listed and contracts and not slots.get("contract") and (which := _CONTRACT_OF_LIST.search(rest)):
        # "abre o segundo por semana", "o maior deles" after a list of contracts: that contract
        position = 1 if which.group("top") else len(contracts) if which.group("last") else _position(which)
        if position > len(contracts):
            return Clarification("not_understood", _SHORT_LIST.format(f"{len(contracts)} contratos"))
        slots["contract"] = contracts[position - 1]
        this_one = re.search(r"\b(?:(?:n|d)?(?:esse|este)|mesmo) contrato\b", which.group(0)) is not None
        if this_one and previous is not None and previous.contract in contracts:
            slots["contract"] = previous.contract  # "nesse contrato" after two asked one by one: the last one
        rest = rest.replace(which.group(0), " ", 1)
    in_turn = previous is not None and previous.contract in contracts  # asked one by one, not rows of a ranking
    if (
        in_turn
        and not listed
        and len(contracts) > 1
        and not slots.get("contract")
        and re.search(r"\bqual del[ea]s\b", rest)
    ):
        # "qual dos dois teve mais hora em outubro?" after the 7950 and the 7951: the two, side by side
        measure = "people" if re.search(r"\b(?:gente|pessoas|recursos)\b", rest) else "hours"
        measure = "entries" if re.search(r"\bapontamentos\b", rest) else measure
        period = slots.get("period") or (previous.period if previous is not None else None)
        group = "client" if all(c in db.client_contracts for c in contracts) else "contract"
        return Question("compose", measure=measure, group=group, among=contracts, period=period, output="table")
    other = re.search(r"\b(?:n|d|pr)?o outro(?: contrato)?\b", rest) if len(contracts) == 2 else None
    if other and previous is not None and previous.contract in contracts and not slots.get("contract"):
        # "e qnts pessoas tem no outro?" after one of the two contracts listed: the other one
        slots["contract"] = contracts[1 - contracts.index(previous.contract)]
        rest = rest.replace(other.group(0), " ", 1)
    if (
        len(contracts) == 2
        and previous is not None
        and previous.contract in contracts
        and (previous.kind == "total_hours" or (previous.kind == "compose" and not previous.group))
        and previous.measure in (None, "hours")
        and _BOTH_SUMMED.fullmatch(text)
    ):
        # "e no total?" after the 8555's hours, then the 8121's: the two contracts summed
        return Question("compose", measure="hours", among=contracts, period=previous.period, output="value")
    if "person" not in slots and (ordinal := _ORDINAL.search(rest)):
        # "e a segunda?", "o quinto da lista": the person at that position of the list the bot just showed
        end = _END_OF_OTHER_LIST.fullmatch(text.strip())
        if not listed and end and previous is not None and _lists_rows(previous):
            # "só a primeira" after the activities' ranking: its top row (the last: its other end)
            first = end.group(1) == "primeir"
            order = previous.order if first else ("asc" if previous.order != "asc" else "desc")
            return replace(previous, limit=1, order=order, page=0)
        if not listed:
            return Clarification("not_understood", NO_LIST)
        position = _position(ordinal)
        if position > len(listed):
            return Clarification(
                "not_understood", _SHORT_LIST.format("1 pessoa" if len(listed) == 1 else f"{len(listed)} pessoas")
            )
        slots["person"] = listed[position - 1]
        rest = rest.replace(ordinal.group(0), " ", 1)
    ends = _ENDS_OF_LIST.search(rest) if "person" not in slots and listed else None
    if ends is None and "person" not in slots and listed:
        # "esses 3 primeiros, qnto deram somados?": preparing reads "esses 3" as "eles", the count is in what was said
        ends = _ENDS_OF_LIST.search(normalize(_ORIGINAL.get()))
    ranks_anew = re.search(r"\b(?:que|q) (?:mais|menos)\b", text) is not None  # "…, dos q mais fizeram": a ranking
    if ends and (ends.group(1) or slots.get("limit")) and _THEIR_FIGURES.search(rest) and not ranks_anew:
        # "e os 3 primeiros, qnto fizeram em setembro?": those people of the list just shown, in that period
        count, end = int(ends.group(1) or slots.get("limit") or 0), ends.group(2)  # the number may be read already
        chosen = listed[:count] if end.startswith("primeir") else listed[-count:]
        period = slots.get("period") or (previous.period if previous is not None else None)
        if re.search(r"\b(?:juntos|juntas|somad[oa]s|somaram|somando|no total|ao todo)\b", rest):
            # "quanto os 5 primeiros somaram juntos?": their sum, each beside it (in the contract ranked)
            contract = slots.get("contract") or (previous.contract if previous is not None else None)
            return Question(
                "compose", measure="hours", among=tuple(chosen), contract=contract, period=period, output="value"
            )
        return Question("ranking", people=chosen, period=period, order=slots.get("order", "desc"))
    these = _THESE.search(normalize(_ORIGINAL.get())) if "person" not in slots and len(listed) > 1 else None
    only_how_much = not set(rest.split()) - _THESE_HOW_MUCH
    if these and only_how_much and _THEIR_FIGURES.search(rest) and not re.search(_SUMMED, text):
        # "e esses 3, quanto fizeram essa semana?" after a top 3: each of them, in that period
        count = int(these.group(1) or len(listed))
        period = slots.get("period") or (previous.period if previous is not None else None)
        return Question("ranking", people=listed[:count], period=period, order="desc")
    if (
        me is not None
        and previous is not None
        and previous.person not in (None, me)
        and "person" not in slots
        and _WE_TWO.search(text)
        and re.search(r"\b(?:somando|somad[oa]s|juntos|juntas|no total|ao todo)\b", text)
    ):
        # "e no mês todo, somando nós duas?" after her own hours and a colleague's: the two of them, summed
        period = slots.get("period") or previous.period
        return Question("compose", measure="hours", among=(me, previous.person), period=period, output="value")
    if (
        me is not None
        and previous is not None
        and previous.person not in (None, me)
        and "person" not in slots
        and _WITH_MINE.fullmatch(text.strip())
    ):
        # "compara com as minhas" after a colleague's hours: the two side by side, the same period
        period = slots.get("period") or previous.period
        among = (previous.person, me)
        return Question("compose", measure="hours", group="person", among=among, period=period, output="table")
    every_holiday = re.search(r"\btodos os feriados\b", text) is not None
    if previous is not None and previous.kind == "holiday_work" and every_holiday and not _has(rest, "quais"):
        # "e somando todos os feriados da base inteira" after who worked on the 20/11: every holiday, all the data
        return replace(previous, period=slots.get("period"), versus=None, page=0)
    other = slots.get("person")
    if (
        previous is not None
        and previous.person not in (None, other)
        and other
        and _COMPARE_WITH.fullmatch(rest.strip())
    ):
        measure = previous.measure if previous.kind == "compose" else _MEASURE_OF.get(previous.kind)
        measure = "hours" if previous.kind == "total_hours" else measure
        if measure is not None and previous.group is None:
            # "compara isso com a Íris" after Yolanda's hours per day worked: the two side by side, that measure
            kept = {name: getattr(previous, name) for name in ("activity", "weekday", "basis", "validated")}
            period = slots.get("period") or previous.period
            among = (previous.person, other)
            return Question(
                "compose", measure=measure, group="person", among=among, period=period, output="table", **kept
            )
    if slots.get("among") and slots["among"][0] in db.resources and re.search(_SUMMED_TOGETHER, text):
        # "qnt eu e o Hugo fizemos mês passado, somando os dois?", "… fizeram juntas": the two of them, summed
        period = slots.get("period") or (previous.period if previous is not None else None)
        return Question("compose", measure="hours", among=slots["among"], period=period, output="value")
    if (
        previous is not None
        and previous.kind == "compose"
        and previous.versus is not None
        and re.search(r"\bcada (?:um|uma|periodo|mes|semana)\b", text)
        and not any(slots.get(name) for name in SUBJECT)
        and "period" not in slots
    ):
        # "qnta gente apontou em cada um?" after October beside November: that measure, the two side by side
        each = "people" if re.search(r"\b(?:gente|pessoas|recursos|quem)\b", rest) else None
        each = "entries" if re.search(r"\bapontamentos\b", rest) else each
        each = "days" if re.search(r"\bdias\b", rest) else each
        if each is not None:
            return replace(previous, measure=each, page=0)
    each_or_both = (
        re.search(r"\bcada um\b", text) and _PLURAL_PRONOUN.search(rest) or re.search(r"\bos \d+ somados\b", text)
    )
    if "person" not in slots and len(listed) < 2 and each_or_both:
        if previous is not None and previous.person and not previous.among:
            # "qnt cada um deles fez?" after two people asked one by one: who "they" are is not kept
            return Clarification("not_understood", WHO_ARE_THEY)
    bare_each = re.search(r"\bcada (?:um|uma)\b(?! d[oa]s)", text) and not any(slots.get(n) for n in SUBJECT)
    if bare_each and len(listed) < 2 and _UNANSWERED.get():
        return Clarification("not_understood", LAST_UNANSWERED)  # "quanto cada um fez" after "Não entendi …"
    if bare_each and len(listed) < 2 and previous is not None and previous.person and not previous.among:
        # "duração média de cada um" after one person's entries: each entry? each day? not each person
        return Clarification("not_understood", EACH_OF_WHAT.format(name=db.resources[previous.person].name))
    all_of_them = (
        rf"\b(?:eles|elas|deles|delas|junt[oa]s|somad[oa]s)\b|\bos \d+ somados\b"
        rf"|\b(?:d|n)?(?:os|as) {len(listed)}\b(?! \w*(?:primeir|ultim))"  # "soma as horas das 2"
        # "e desses, qnt foi X?", but not "dessas horas"
        r"|\b(?:desses|dessas)\b(?! (?:horas|apontamentos|dias|semanas|meses|contratos|atividades))"
    )
    # "e quantas delas são sênior?" after who has a role: the role narrowed, not their hours
    narrowing = any(slots.get(name) for name in ("technology", "profile", "level"))
    other_topic = _has(rest, "feriados?", "fim de semana", "fins de semana")  # "e nos feriados de … juntos"
    other_topic = other_topic or bool(_TWO_WEEKDAYS.search(rest))  # "e segunda e terça juntas?": those days summed
    they = (
        re.search(all_of_them, rest)
        if "person" not in slots and len(listed) > 1 and not narrowing and not other_topic
        else None
    )
    summed = (
        r"\b(?:no total|ao todo|juntos|juntas|somad[oa]s|somando|soma|somam|somaram)\b"
        r"|\b(?:foram|fizeram|apontaram|lancaram) de\b|\bfoi\b"
    )
    # "e qnto de hora eles fizeram em setembro?" after who they are: theirs, summed (not "quem … entre eles")
    how_much = re.search(r"\b(?:quant[oa]|qnto|qto)\b", text) and re.search(r"\b(?:eles|elas)\b", rest)
    # "quanto cada um fez": each, not summed; "quanto de tudo eles fizeram?": every activity, read below
    how_much = how_much and not re.search(r"\bcada\b|\btudo\b", text)
    which_of = re.search(r"\bqual (?:del[ae]s|dos dois|das duas)\b", text)  # "qual delas tem mais …, no total"
    # "esses 3 mês a mês" after a top 3: their sum, each month (the engine does not split by person and month)
    grouped = they and re.fullmatch(
        r"(?:e )?(?:eles|elas) (?:por (dia|semana|mes)|(dia|semana|mes) a \2)\W*", rest.strip()
    )
    if (
        they
        and not which_of
        and (grouped or re.search(summed, text) or (how_much and not _has(text, "quem", "quais", "qual")))
    ):
        # "quantos apontamentos eles fizeram no total?", "qntas horas deles foram de X?" after a list: theirs, summed
        entries = bool(re.search(r"\bapontamentos\b", rest)) and not re.search(r"\bhoras?\b", rest)
        period = slots.get("period") or (previous.period if previous is not None else None)
        named_activity = _activity(db, rest)  # (read here: activities are read after names and people)
        # "e as duas juntas por semana?", "esses 3 mês a mês": their sum, each week or month
        per = re.search(r"\bpor (dia|semana|mes)\b|\b(dia|semana|mes) a \2\b", rest)
        return Question(
            "compose",
            measure="entries" if entries else "hours",
            basis="gross" if re.search(r"\bbrut", rest) else "net",  # "soma tudo de horas brutas deles"
            # "os 3 somados", "e qnt esses 3 somam juntos?" (preparing reads "esses 3" as "eles": the count is in
            # what was said): the first of them
            among=tuple(
                listed[: int(count.group(1))]
                if (count := re.search(r"\bos (\d+) somados\b", rest) or _THESE.search(normalize(_ORIGINAL.get())))
                else listed
            ),
            period=period,
            # the people of a contract's ranking: their hours in that contract, as ranked
            contract=slots.get("contract") or (previous.contract if previous else None),
            # "e os dois juntos no mês todo?" after their development hours: still development
            # but "e no total?" once their sum was given: every activity
            activity=named_activity[0]
            if isinstance(named_activity, tuple)
            else previous.activity
            if previous and not (previous.among and re.search(r"\b(?:no total|ao todo)\b", rest))
            else None,
            group={"dia": "day", "semana": "week", "mes": "month"}[per.group(1) or per.group(2)] if per else None,
            output="table" if per else "value",
        )
    plural = _PLURAL_PRONOUN.search(rest) or re.search(r"\bcada (?:um|uma)\b|\bentre (?:eles|elas)\b", rest)
    unknown_they = _PLURAL_PRONOUN.search(rest) or re.search(r"\bentre (?:eles|elas)\b", rest)
    if unknown_they and not listed and "person" not in slots and not slots.get("among") and not slots.get("contract"):
        unknown_they = previous is None or _UNANSWERED.get()
    else:
        unknown_they = False
    if unknown_they:
        # "quem foram os que mais apontaram deles" after a question left unanswered: who "they" are is unknown
        return Clarification("not_understood", WHO_ARE_THEY)
    if "person" not in slots and listed and plural and not narrowing:
        # "e as horas deles em outubro?", "quanto cada uma fez?": the people the last list (or the last two
        # turns) named, ranked among themselves
        without = rest.replace(plural.group(0), " ", 1)
        each = None  # "quantos apontamentos cada um", "e a média de horas por dia de cada um": that measure, theirs
        if re.search(r"\bapontamentos\b", without) and not re.search(r"\bhoras?\b", without):
            each = "entries"
        elif re.search(r"\bmedia\b", without) and re.search(r"\bpor dia\b", without):
            each = "avg_day"
        elif re.search(
            r"\bquant[oa]s dias\b|\bdias (?:trabalhados|com apontamento|apontados)\b|\b(?:mais|menos) dias\b", without
        ):
            each = "days"  # "qual delas tem mais dias trabalhados?": each one's days
        if each is not None and _activity(db, without) is None:
            return Question(
                "compose",
                measure=each,
                group="person",
                among=tuple(listed),
                period=slots.get("period") or (previous.period if previous is not None else None),
                order=slots.get("order", "desc"),
                output="table",
            )
        if kind_of(f" {' '.join(without.split())} ") in (None, "total_hours", "ranking", "hours_by_person"):
            period = slots.get("period") or (previous.period if previous is not None else None)
            if isinstance(named := _activity(db, without), tuple):
                # "qual dos dois fez mais reunião de alinhamento no mês?": each of them, in that activity
                return Question(
                    "compose",
                    measure="hours",
                    group="person",
                    among=tuple(listed),
                    activity=named[0],
                    period=period,
                    order=slots.get("order", "desc"),
                    output="table",
                )
            # "ranking deles top 5" after DEVOPS's people: five of them, still in DEVOPS (what "e por atividade?"
            # then breaks down)
            kept = ("contract", "technology", "profile", "level", "activity")
            filters = {n: getattr(previous, n) for n in kept if previous is not None and getattr(previous, n)}
            return Question(
                "ranking",
                people=listed,
                period=period,
                order=slots.get("order", "desc"),
                limit=slots.get("limit"),
                **filters,
            )
    pronoun = _PRONOUN.search(rest)
    if pronoun and pronoun.group(0) in ("nele", "nela") and (slots.get("contract") or (previous and previous.contract)):
        pronoun = None  # "tem alguém sem saída nele?" in a talk about a contract: in it, the contract
    if pronoun and pronoun.group(0) in ("nele", "nela") and previous is not None and previous.kind in _CALENDAR:
        pronoun = None  # "e quantas horas eu deveria ter feito nele?" after October's working days: in October
    if "person" not in slots and pronoun:
        # "e ela, quantas horas fez?": whom a ranking named first, else the person the conversation is about
        him_or_her = named if named in db.resources else previous.person if previous is not None else None
        if him_or_her in db.resources:
            slots["person"] = him_or_her
            rest = rest.replace(pronoun.group(0), " ", 1)
        elif previous is None or not (previous.contract or previous.person or previous.people):
            # "e o total dela?" with nobody named before: never everyone's total in her place
            return Clarification("not_understood", WHO_IS_IT)
        elif _SHE_DID.search(rest) and not (previous.person or previous.people):
            # "e ela somou qnt?" after a contract's figure: "o contrato" is no "ela", so someone not named now
            return Clarification("not_understood", WHO_IS_IT)
    about_activity = previous is not None and bool(previous.activity or previous.share_of)
    every_activity = about_activity and bool(_EVERY_ACTIVITY.search(rest))
    if every_activity:
        rest = _EVERY_ACTIVITY.sub(" ", rest)  # "e no total, todas as atividades?": not everyone's, nor one
    activity = _activity(db, rest, about_activity)
    if isinstance(activity, Clarification):
        return activity
    if activity is not None:
        slots["activity"], used = activity
        if _taken_out(rest, used, _ACTIVITY_LEFT_OUT) and not every_activity:
            # "quantas horas o 8120 fez sem contar reunião?": no composition leaves one activity out
            keys = activity_keys(db, slots["activity"])
            shown = db.activities[keys[0]] if len(keys) == 1 else slots["activity"]
            return Clarification("not_understood", _CANNOT_LEAVE_OUT.format(activity=shown))
        if every_activity:
            del slots["activity"]  # "tudo, não só bug": the activity it widens from, named to be left out
        elif widened := re.search(rf"\bnao (?:so|apenas|somente) (?:(?:de|com|em) )?{used[0]}\b", rest):
            every_activity = True  # "tudo, não só bug": every activity, whatever the conversation's was
            del slots["activity"]
            rest = rest.replace(widened.group(0), " ", 1)
        for word in used:
            rest = re.sub(rf"\b{word}\b", " ", rest, count=1)
    if _has(rest, "atividade", "tarefa") and _has(rest, "frequen", "comuns", "vezes", "apontamentos", "registros"):
        slots["by"] = "entries"
    elif _has(
        rest, "por (?:numero de |quantidade de |qtd de )?(?:apontamentos?|lancamentos?)", "por vezes", "por frequencia"
    ):
        slots["by"] = "entries"
    elif _has(rest, "por horas"):
        slots["by"] = "hours"
    if team is not None:
        rest = " ".join(w for w in rest.split() if w not in _SELF)  # "quantos recursos tenho nos meus contratos"
        rest = f" {rest} "
    named = slots.get("contract") or slots.get("person") or slots.get("among")
    if named and not re.match(r"\s*(?:e )?para mim\b", rest):
        rest = re.sub(r"\bpara mim\b", " ", rest)  # "compara set e out do 7873 pra mim": shown to me, not mine
    if _ROLE.get() == "gestor" and _MY_ACCESS.search(rest):
        rest = _SELF_WORDS.sub(" ", rest)  # "quais contratos eu consigo ver?": what he may see, not his own entries
    # "horas ontem", "hrs hj", typed alone to open a chat: the asker's own, as a timesheet shows them
    bare_hours = previous is None and me is not None and _ROLE.get() != "gestor" and set(slots) <= {"period", "basis"}
    if (said_self or _SELF & set(rest.split()) or _SELF_PHRASE.search(text)) and "person" not in slots:
        if me is None and _ROLE.get() == "gestor":
            # the period stays, so "e a minha equipe?" is the team's hours then
            # ("e as minhas horas nesse período?" in a talk about last week: that week, for what comes next)
            period = slots.get("period") or same_period
            kept = Question("total_hours", period=period)
            return Clarification("no_own_entries", NO_OWN_ENTRIES, kept, suggestion=_TEAM_OFFER)
        if me is None:
            return Clarification(
                "unknown_self",
                "Não sei quem você é entre os recursos, então não posso responder sobre você. Pergunte pelo nome, "
                "por exemplo: “Quantas horas a Ana Souza trabalhou esta semana?”.",
            )
        slots["asker"] = True
        slots["person"] = me
    elif bare_hours and _BARE_HOURS.fullmatch(rest):
        slots["asker"], slots["person"] = True, me
    if _EVERYONE.search(rest):
        slots["everyone"] = True
    if team is not None or re.search(r"\bequipe\b", rest):
        slots["team"] = True
    if team is not None and _ROLE.get() == "gestor" and not slots.get("contract"):
        slots["everyone"] = True  # "e qnts pessoas ao todo nos meus contratos?" after one of them: all of his
    if _COUNT.search(rest) and not re.search(r"\be (?:quem|quais) (?:foram|sao|eram|sao eles|foram eles)\b", text):
        slots["count"] = True  # "qnts pessoas apontaram e quem foram?": the list, which gives the count too
    if _ASC.search(_DESCENDING.sub(" ", rest)):  # ("do maior pro menor" names the usual order, not the bottom)
        slots["order"] = "asc"
    both = _GROSS.search(rest) and re.search(r"\bliquid[ao]s?\b", rest)
    if both:
        # "qual o bruto e o líquido do 8033?": the hours' summary, which gives both
        rest = re.sub(r"\b(?:o |as )?(?:brut|liquid)[ao]s?\b", " horas ", _GROSS.sub(" horas ", rest))
    elif _GROSS.search(rest):
        slots["basis"] = "gross"
    elif re.search(r"\bliquid[ao]s?\b", rest):
        slots["basis"] = "net"  # "e líquidas?" after gross hours
    nothing_before = previous is None or _UNANSWERED.get()
    bare_rank = re.fullmatch(r"(?:e )?quem (?:mais|menos|fez mais|fez menos|apontou mais|apontou menos)", text)
    bare_period = found is not None and not [w for w in rest.split() if w not in FILLERS] and len(slots) == 1
    if previous is None and _UNANSWERED.get() and ((bare_rank and not slots) or bare_period):
        # "qm fez mais", "sem passada" right after a question left unanswered (a typo asked back) continue
        # that question, not one about everyone
        return Clarification("not_understood", LAST_UNANSWERED)
    fragment = not _QUESTION_WORD.search(f" {text} ") and "period" not in slots
    names = bool(set(text.split()) & db.all_name_words)  # "a yasmin lopes" after "qual delas?": the answer
    if _UNANSWERED.get() and previous is not None and not previous.has_subject and fragment and not slots and not names:
        # "por semana" right after a question left unanswered: its figure was never given, so whose weeks
        # are meant is unknown; everyone's would be a guess
        return Clarification("not_understood", LAST_UNANSWERED)
    back = re.search(r"\b(?:disso|nisso|desse total|dessas horas|ali|la)\b", text) is not None
    if _UNANSWERED.get() and nothing_before and back and not any(slots.get(n) for n in (*SUBJECT, "team")):
        # "quanto disso foi nas sextas?" right after a question left unanswered: of what was never given
        return Clarification("not_understood", LAST_UNANSWERED)
    compare_to = re.match(r"(?:e )?compar\w* (?:com|c/)\b", text) is not None
    if _UNANSWERED.get() and nothing_before and compare_to and not any(slots.get(n) for n in (*SUBJECT, "team")):
        # "compara com outubro" right after "Você quis dizer …?" went unanswered: compared with what is unknown
        return Clarification("not_understood", LAST_UNANSWERED)
    # "em qntos dias distintos" right after a question left unanswered: a fragment of it, like "e …"
    preposition = _UNANSWERED.get() and re.match(r"(?:em|no|na|nos|nas|por|com)\b", text) is not None
    if nothing_before and (re.match(r"e\b", text) or preposition) and not any(slots.get(n) for n in (*SUBJECT, "team")):
        known_words = all(_known(w) for w in rest.split())  # an unknown word (a name?) is told as such below
        if not _EVERYONE.search(rest) and (preposition or not _ASKS_ITSELF.search(text)) and known_words:
            # "e em novembro?" after a question declined (or as the first question)
            return Clarification("not_understood", LAST_UNANSWERED if _UNANSWERED.get() else NOTHING_TO_FOLLOW)
    if previous is not None and _AMONG_THOSE.search(text) and any(slots.get(n) for n in _GROUP_SLOTS):
        for name in _GROUP_SLOTS:
            if not slots.get(name) and getattr(previous, name):
                slots[name] = getattr(previous, name)  # "desses, qnts são especialistas?": specialist architects
        if previous.contract and not slots.get("contract") and not slots.get("person"):
            slots["contract"] = previous.contract  # "e qnts deles são de devops?" after the 8033's juniors: its
    if previous is not None and previous.contract and not slots.get("contract") and _THIS_CONTRACT.search(text):
        slots["contract"] = previous.contract  # "quantos arquitetos júnior tem nesse contrato?": the one talked about
    listed_people = previous is not None and (
        previous.kind in ("contract_resources", "ranking")
        or (previous.kind == "compose" and previous.group == "person")
    )
    if listed_people and previous.contract and not any(slots.get(n) for n in (*SUBJECT, "team")):  # type: ignore[union-attr]
        if _IN_ALL.search(text) and not _EVERYONE.search(rest) and slots.get("period"):
            # "quantos apontamentos no total hj" after who recorded on the 8301 today: that list's total (a
            # question with a period of its own would otherwise be everyone's)
            slots["contract"] = previous.contract  # type: ignore[union-attr]
    both_periods = same_period is not None and previous is not None and previous.versus and _THESE_PERIODS.search(text)
    if both_periods:
        pass  # "nesses 2 meses" after two side by side: the two, as inheriting them gives (see _resolve)
    elif same_period is not None and (any(slots.get(name) for name in SUBJECT) or _has(rest, "feriados?", "uteis")):
        slots["period"] = same_period  # a question without a subject of its own inherits it as a follow-up
    kind = "week_comparison" if against_last_week else kind_of(f" {' '.join(rest.split())} ")
    if slots.get("hours") is not None and _LONG_ENTRY.search(text) and not _has(rest, "dias?", "diari\\w*"):
        kind = "outliers"  # "algum apontamento com mais de 12h?": entries that long, not a total above 12 h
    if kind == "average_span" and _RELATIVE_TO_AVERAGE.search(rest):
        return Clarification("not_understood", _BELOW_AVERAGE)  # "quem ficou abaixo da média?": not an average
    if kind == "average_span" and not _OF_AN_ENTRY.search(rest) and not _RELATIVE_TO_AVERAGE.search(rest):
        # "a média" alone: hours per day worked, of whom or what the talk is about; about nothing, asked back
        talked = previous is not None and previous.has_subject and previous.kind not in STATIC
        if not (any(slots.get(name) for name in SUBJECT) or talked or me is not None and _SELF & set(rest.split())):
            return Clarification("not_understood", _AVERAGE_OF_WHAT)
        kind = "hours_per_day"
    days_again = previous is not None and previous.kind == "days_above" and slots.get("hours") is not None
    if days_again and re.match(r"e\b", text) and not _has(rest, "quem", "pessoas?", "recursos?", "alguem"):
        kind = "days_above"  # "e contando bruto, quais passaram de 10h?" after her days above 9 h: her days
    owing_days = previous is not None and previous.kind == "missing_days" and not _has(rest, "horas?", "h")
    if kind == "expected_vs_worked" and owing_days and re.search(r"\bdevendo (?:algum|alguns|nenhum|mais)\b", rest):
        kind = "missing_days"  # "e outubro, fiquei devendo algum?" after the days I missed: days, not hours
    if kind == "expected_vs_worked" and "period" not in slots and previous is not None and previous.period:
        if previous.kind == "working_days":
            slots["period"] = previous.period  # "quanto eu deveria ter feito então?" after October's working days
    if (
        kind == "week_comparison"
        and not against_last_week
        and found is not None
        and not this_or_last_week(found, today)
    ):
        # "e comparado com mês passado?": this period beside that one, not this week against the last
        kind = None
        ahead = previous is not None and previous.period is not None and previous.period.start > today
        if previous is not None and previous.period and previous.period != found.period and "versus" not in slots:
            if not ahead:  # "e quanto fiz em outubro pra comparar" after December's target: October, on its own
                slots["period"], slots["versus"] = sorted((previous.period, found.period), key=lambda p: p.start)
        rest = re.sub(_COMPARING, " ", rest)
    ranks_people = kind in ("ranking", "hours_by_person") or bool(_WHO_WORKED_MOST.search(text))
    who_did = re.fullmatch(r"(?:e )?quem (?:fez|apontou|trabalhou|lancou)(?: isso)?", text) is not None
    if (ranks_people or who_did) and previous is not None and previous.activity and not slots.get("activity"):
        if not any(slots.get(name) for name in _NAMED_SUBJECT) and previous.kind in _ACTIVITY_KINDS:
            slots["activity"] = previous.activity  # "quem mais fez?" after an activity's hours: in that activity
            if who_did:
                kind = "contract_resources"  # "e quem fez?": the people in it, by their hours
    one_day = previous is not None and previous.period is not None and previous.period.start == previous.period.end
    if one_day and "period" not in slots and _WHOLE_WEEKEND.search(text) and previous.period.start.weekday() >= 5:  # type: ignore[union-attr]
        # "qnts lançamentos no fds todo" after Saturday's and then Sunday's: that weekend, both days
        saturday = previous.period.start - timedelta(days=previous.period.start.weekday() - 5)  # type: ignore[union-attr]
        slots["period"] = Period(saturday, saturday + timedelta(days=1))
    # a period said from a day on ("desde o dia 16"); "quantos dias sem apontar desde" counts missing days
    since = found is not None and bool(_SINCE_SAID.search(text)) and not re.search(r"\bdias?\b", rest)
    sets = _HOW_MUCH.search(rest) is not None and not _WHO_ON.search(rest) and not _COUNTS_WEEKENDS.search(rest)
    sets = sets or bool(_WHO_WORKED_MOST.search(rest))  # "quem mais trabalhou em fim de semana?": hours ranked
    sets = sets or bool(_FIRST_OR_LAST_DAY.search(rest))  # "qual o último dia que apontei no fds?": on weekends
    # "e segundas e terças" after the Fridays' hours: those days, as the Fridays were a filter
    sets = sets or (previous is not None and bool(previous.weekday) and bool(_TWO_WEEKDAYS.search(rest)))
    read = compose_words.read(rest, weekday_sets=sets, since=since)
    after_weekends = previous is not None and previous.kind == "weekend_work" and _follows(text)
    if after_weekends and read.weekday is None and re.search(r"\b(?:n|d)?(?:esses|aqueles) dias\b|\bnisso\b", text):
        read.weekday = (6, 7)  # "e qntas horas nesses dias?" after the weekend days worked: those weekends' hours
    row_day = _BARE_WEEKDAY.match(text) if previous is not None and previous.group == "weekday" else None
    if row_day and read.weekday is None and (found is None or found.text.strip() == row_day.group(1)):
        # "e sexta, quanto dá no total?" after the hours by weekday: that row, over the same period
        read.weekday = (WEEKDAYS[row_day.group(1)] + 1,)
        slots["period"] = previous.period  # type: ignore[union-attr]
        if slots["period"] is None:
            del slots["period"]
    if weekday_range is not None and read.weekday is None:
        read.weekday = weekday_range
        if not read.total:  # "só de seg a sex, quanto deu no total?": one figure
            read.group = "weekday" if read.group in (None, "day") else read.group  # "qual dia": which weekday
    if beside is not None and read.weekday is None:
        read.weekday = beside
        if read.group in (None, "day") and re.search(r"\b(?:qual|que|em que) dia\b(?! \d)", text):
            read.group = "weekday"  # "de seg a sex, qual dia menos?": which weekday
    if found is not None and found.months >= 3 and read.group is None and not read.total:
        read.group = "month"  # "set, out e nov": each month, as listed
    contracts_listed = previous is not None and _listed_contracts(previous)
    those_who = _THOSE_WHO.search(text) is not None and not contracts_listed  # "e os 3 q menos apontaram?": contracts
    if those_who and not read.said_group:
        # "me dá os 5 q mais fizeram correção de bug" after the activities counted: people, in hours
        read.group, read.said_group, read.inferred = "person", True, False
        read.measure = read.measure or "hours"
    if _TOP_PEOPLE.search(text):
        read.group, read.said_group, read.inferred = "person", True, False  # "top 5 pessoas nesse período": people
    shares_shown = previous is not None and previous.output == "share" and previous.group == "activity"
    shares_shown = shares_shown and not re.search(r"\b(?:tempo|horas?|hrs?)\b", text)  # "qnt tempo foi": hours
    if shares_shown and slots.get("activity") and not (read.measure or read.group) and _HOW_MUCH.search(rest):
        read.share = True  # "qnto foi reunião?" after each activity's part in %: that part, in % (and hours)
    weekdays_shown = previous is not None and previous.group == "weekday" and "period" not in slots
    weekdays_shown = weekdays_shown and not any(slots.get(name) for name in SUBJECT)
    if weekdays_shown and read.group == "day" and read.rank and _WEEKDAY_ROWS.search(rest):
        read.group = "weekday"  # "me dá os 3 dias top" after the hours by weekday: the top 3 weekdays
    # Counts a catalogue answer gives and a composition would miscount: "quantos dias eu trabalhei no fim de
    # semana" (the weekend days worked), "e qntos contratos existem no total?" (contracts, not their people)
    counted_elsewhere = (kind == "weekend_work" and read.measure == "days" and read.weekday is None) or (
        kind == "list_contracts" and bool(re.search(r"\bquant\w* contratos\b", text))
    )
    composed = (
        None
        if against_last_week or counted_elsewhere or (kind == "outliers" and slots.get("hours") is not None)
        else _compose(db, read, slots, rest, text, previous, kind, every_activity)
    )
    if every_activity and isinstance(composed, Question):
        composed = replace(composed, activity=None)
    if composed is not None:
        if ambiguous is not None:
            pending = composed if isinstance(composed, Question) else previous
            return _still_ambiguous(ambiguous, pending)
        return composed
    unknown = [w for w in rest.split() if not _known(w)]
    if unknown:
        return _kept(_not_understood(db, rest.split(), unknown), slots, previous)
    rest = f" {' '.join(rest.split())} "
    if kind in (None, "total_hours") and slots.get("person") and re.search(r"\b(?:em |de )?cada dia\b", rest):
        kind = "resource_days"  # "quanto eu fiz em cada dia dessa semana?": her days, each with its hours
    understood = _resolve(kind, slots, rest, text, previous)
    if every_activity and isinstance(understood, Question):
        understood = replace(understood, activity=None)
    if isinstance(understood, Question) and understood.activity and understood.kind not in _ACTIVITY_KINDS:
        understood = _with_activity(understood)
    if isinstance(understood, Question) and understood.kind in _NEAREST_MONTH and found is not None:
        understood = _coming(understood, found, today)
    open_start = found is not None and found.open_start and previous is not None and previous.period is not None
    open_start = open_start and re.fullmatch(r"ate (?:hoje|hj|agora)", found.text.strip()) is not None  # type: ignore[union-attr]
    if open_start and isinstance(understood, Question) and understood.kind == "working_days" and understood.period:
        from_the_start = db.first_day is not None and understood.period.start <= db.first_day  # nothing else said
        if from_the_start and previous.period.start <= understood.period.end <= previous.period.end:  # type: ignore[union-attr]
            # "qnts dias úteis teve até hj" after "tô devendo hora esse mês?": this month's, up to today
            understood = replace(understood, period=Period(previous.period.start, understood.period.end))  # type: ignore[union-attr]
    all_data = previous is not None and previous.kind in ("holiday_work", "weekend_work") and not previous.period
    if isinstance(understood, Question) and understood.kind == "holidays" and not understood.period and all_data:
        if db.first_day and db.last_day:  # "quais feriados vc tá considerando aí?" after who ever worked on one
            understood = replace(understood, period=Period(db.first_day, db.last_day))
    if isinstance(understood, Question) and (uncovered := _uncovered(understood, rest, slots, text)) is not None:
        return uncovered
    if ambiguous is not None:
        pending = understood if isinstance(understood, Question) else previous
        if isinstance(understood, Clarification) and kind and "person" in takes(kind):
            # "os horários de entrada do lucas?": whichever Lucas is meant, the question is his clock-in times
            pending = Question(kind, period=slots.get("period"), contract=slots.get("contract"))
        return _still_ambiguous(ambiguous, pending)
    return understood


def _still_ambiguous(ambiguous: Clarification, pending: Question | None) -> Clarification:
    """ "Qual delas?", keeping what was asked and the name's words, so the reply can say which one."""
    words = ambiguous.pending_words if isinstance(ambiguous, Ambiguous) else []
    return Ambiguous(ambiguous.reason, ambiguous.text, pending, pending_words=words)


def _resolve(kind: str | None, slots: dict[str, Any], rest: str, text: str, previous: Question | None) -> Understood:
    """Choose the kind and fill what the question leaves open from the previous one (a follow-up)."""
    group = slots.get("technology") or slots.get("profile") or slots.get("level")
    # ("quanto o pessoal de java fez em outubro": how much, in hours)
    how_much = re.search(r"\bquant[oa] (?:\w+ ){0,5}(?:fez|fizeram|apont\w+|trabalh\w+|lanc\w+)\b", text) is not None
    hours_of = _has(rest, "horas?") or how_much or _WHO_WORKED_MOST.search(text)
    if group and hours_of and not _has(rest, *_ASKS_FOR_PEOPLE):
        # "quantas horas o time de java fez": hours of a group, which only the per-person query filters
        if slots.get("profile") or slots.get("level"):
            return Clarification("not_understood", GROUP_HOURS)
        kind = "hours_by_person"
        if re.search(r"\bquant\w* horas\b", rest):
            slots["count"] = False  # "qnts horas o time de QA fez de testes?": their hours, not how many they are
    if kind == "contract_ranking" and _has(rest, "gente", "pessoas", "recursos", "consultores", "colaboradores"):
        slots["by"] = "people"
    if kind == "resource_days" and not slots.get("person") and any_of(rest, CLOCK_WORDS):
        everyone = slots.get("everyone") or _has(rest, "pessoal", "equipe", "time", "todos", "galera", "gente", "quem")
        if previous is None or not previous.person or everyone:
            return Clarification("not_understood", CLOCK_TIMES)  # "entrou q horas hj?" after Caio's: his
    kind = _refine(kind, slots, rest)
    someone = any(slots.get(name) for name in ("person", "asker", "contract", "technology"))
    if kind == "holidays" and someone and _has(rest, "fez", "fiz", "fizeram", "trabalh\\w*", "apont\\w*", "horas?"):
        kind = "holiday_work"  # "qnts horas eu fiz no feriado de 20/11?": the work done on it, not the calendar
    if (
        kind == "expected_vs_worked"
        and not slots.get("person")
        and not _has(rest, "saldo", "banco", "devendo", "acima", "abaixo")
        and not (previous is not None and previous.person and _follows(text))  # "e qnto deveria ter feito?"
    ):
        said_nothing = not any(slots.get(name) for name in SUBJECT) and "period" not in slots
        slots["everyone"] = True  # the expected hours of a period are the same for everyone
        if previous is not None and previous.contract and not slots.get("contract") and not previous.person:
            if _follows(text) or said_nothing:
                # "e quanto era o esperado?", "horas esperadas x feitas" in a talk about the 8121: its team, then
                slots["contract"] = previous.contract
                if said_nothing and previous.period is not None:
                    slots["period"] = previous.period
    per_person = BY_NAME["hours_by_person"].asked_by(rest)
    if kind in ("hours_by_person", "list_contracts") and _PER_CONTRACT.search(rest) and per_person:
        return Clarification("not_understood", TWO_BREAKDOWNS)
    if previous is not None and previous.kind in STATIC:
        previous = None
    follow_up = previous is not None and _follows(text)
    has_subject = any(slots.get(name) for name in SUBJECT)
    if previous is not None:
        people = _has(rest, "pessoal", "pessoas", "recursos", "galera", "turma", "equipe", "time", "quem")
        if kind == "ranking" and previous.kind in ("list_contracts", "contract_ranking") and not has_subject:
            kind = "ranking" if people else "contract_ranking"  # "ranking do pessoal" after them: its people
        which_holidays = re.search(r"\b(?:quais|que) (?:foram )?(?:os )?feriados\b", text) is not None
        weekends = previous.kind in ("weekend_work", "holiday_work") or (
            previous.kind == "compose" and previous.weekday == (6, 7)
        )  # "e feriado?" after the hours on weekends: work on holidays
        working_days_asked = _has(rest, "dias? ute?is", "dia util")  # "e qnts dias úteis tem novembro?": the calendar
        if kind in ("working_days", "holidays") and follow_up and weekends and not working_days_asked:
            kind = "holidays" if which_holidays else "holiday_work"  # "q feriados teve nesse período?": the list
    ranked_people = previous is not None and (
        previous.kind in ("ranking", "hours_by_person") or (previous.kind == "compose" and previous.group == "person")
    )
    only_activity = re.match(r"e\b", text) and not _has(text, "quant\\w*", "total", "horas?", "soma\\w*")
    if only_activity and ranked_people and slots.get("activity") and kind in (None, "activity_hours", "total_hours"):
        # "e só em correção de bugs?" after the top 5: the same ranking inside that activity
        assert previous is not None
        return Question(
            "compose",
            measure="hours",
            group="person",
            order=previous.order,
            limit=slots.get("limit", previous.limit),
            activity=slots["activity"],
            contract=previous.contract,
            technology=previous.technology,  # "e só de code review?" after the 8446's Azure people: theirs
            profile=previous.profile,
            level=previous.level,
            period=slots.get("period", previous.period),
            output="table",
        )
    if follow_up and previous is not None and previous.kind.startswith("activity") and "by" in slots:
        if kind in (None, "total_hours", "ranking"):
            return _needs_subject(_merge(previous, slots))  # "e por horas?" re-ranks the same activities
    if kind == "contract_ranking" and "limit" not in slots and _has(rest, "qual", "quem"):
        slots["limit"] = 1
    only_hours = re.fullmatch(r"(?:e )?(?:em |as |e as |quantas |qnts )?(?:horas|hrs?)(?: brutas| liquidas)?", text)
    if follow_up and previous is not None and previous.activity and only_hours and not has_subject:
        # "e horas?" after how many code review entries he made: the hours of those entries
        return _needs_subject(_merge(previous, {**slots, "count": False}))
    uncounted = ("missing_days", "open_spans", "unvalidated", "validators", "working_days", "holidays")
    if kind is None and previous is not None and previous.kind in uncounted and _GROSS.search(rest):
        kind = "total_hours"  # "e as brutas dela no mês" after her missing days: her gross hours then
    if kind is None:
        # a bare "contrato" names something the previous question did not ask about: not a follow-up of it
        asks_other = not follow_up and _has(rest, "contratos?") and not slots.get("contract")
        subject = slots.get("person") or slots.get("contract")  # "e a Márcia, quanto apontou?", "quanto o 8120 apontou"
        if (
            previous is not None
            and subject
            and _HOURS_DONE.search(text)
            and previous.kind not in ("total_hours", "compose")
        ):
            kind = "total_hours"  # "e a Márcia, quanto apontou?" after her days missed: her hours
        elif previous is not None and slots and not asks_other:
            return _needs_subject(_merge(previous, slots))  # "e em outubro?", "quantos são?"
        if _has(rest, "quantos", "quantas", "quem", "quais", "qual"):
            # It asks something about what it names, and no rule says what: not the details of everything.
            return Clarification("not_understood", NOT_UNDERSTOOD)
        if previous is None and _UNANSWERED.get() and re.match(r"e\b", text):
            # "e no 8556 especificamente?" right after a question not understood: that question, which is unknown
            return Clarification("not_understood", LAST_UNANSWERED)
        if slots.get("contract"):
            kind = "contract_details"
        elif slots.get("person"):
            kind = "total_hours"
        elif slots.get("technology") or slots.get("profile") or slots.get("level"):
            kind = "people_by"
        elif slots.get("period"):
            kind = "period_summary"
        else:
            return Clarification("not_understood", NOT_UNDERSTOOD)
    question = Question(kind, **slots)
    if (
        kind == "contract_resources"
        and not has_subject
        and not slots.get("everyone")
        and re.search(r"\btem$", rest.strip())
    ):
        # "Quantos recursos tem?" asks about something already named: the previous contract, or ask which.
        if previous is None or not previous.contract:
            return Clarification("ask_contract", ASK_CONTRACT, question)
    if previous is None:
        return _needs_subject(question)
    # "faltou apontar algum dia?" after a person's hours: that person's; "quem faltou?" is everyone's
    theirs = kind == "missing_days" and not _has(rest, "quem", "alguem", "pessoas?", "recursos?", "quant\\w*")
    # "qnto foi de code review?" after my activities: one row of that list, still mine
    activities_shown = previous.kind in _ACTIVITY_LISTS or (previous.kind == "compose" and previous.group == "activity")
    one_of_the_activities = bool(slots.get("activity")) and activities_shown
    inherit_subject = not has_subject and not slots.get("everyone") and (follow_up or kind in SUBJECT_KINDS or theirs)
    inherit_subject = inherit_subject or (not has_subject and not slots.get("everyone") and one_of_the_activities)
    if not has_subject and not slots.get("everyone") and previous.contract and kind in CONTRACT_THREAD_KINDS:
        inherit_subject = True  # in a conversation about a contract, "quem mais apontou?" is about it
    roles = previous.technology or previous.profile or previous.level
    if not has_subject and not slots.get("everyone") and roles and kind in ("ranking", "hours_by_person"):
        inherit_subject = True  # "quem mais?" after Java's hours: Java's people
    if not has_subject and not slots.get("everyone") and previous.person and kind == "activity_distribution":
        inherit_subject = True  # "qual foi a distribuição por atividade?" after my week: mine, not a contract's
    if not has_subject and not slots.get("everyone") and previous.person and kind in PERSON_THREAD_KINDS:
        # "quantos trabalharam no fds?" is everyone's; "e fim de semana, quantos dias?" after hers is hers
        inherit_subject = not _has(
            text, "alguem", "ninguem", "todo mundo", "gente", "pessoas", "quem", "quantos(?! dias)"
        )
    if not has_subject and not inherit_subject and previous.person and kind in ("open_spans", "unvalidated"):
        # "tem algo sem saída?" after Zuleica's missing days: hers ("quem tem …?", "alguém …?": everyone's)
        inherit_subject = not _has(text, "alguem", "ninguem", "todo mundo", "gente", "pessoas", "quem", "quantos")
    people_asked = kind == "missing_days" and _has(rest, "quem", "alguem", "pessoas?", "recursos?")
    if people_asked and previous.person and not previous.contract:
        inherit_subject = False  # "e na semana passada, qnts recursos ficaram com dia útil sem apontar?": everyone
    if inherit_subject and "period" in slots and previous.contract and not previous.person and _has(text, "no geral"):
        # "e no geral, quantos recursos deixaram de apontar … semana passada?" after the 7950's: everyone's (with
        # a period said, "no geral" is not all the data)
        inherit_subject = False
    if inherit_subject and _accepts(kind, previous):
        question = question.with_subject_of(previous)
        if kind == "contract_resources" and question.person and question.contract:
            # "e qnts pessoas ao todo?" after one of the 8033's people day by day: the 8033's people
            question = replace(question, person=None, asker=False)
    roles_only = any(slots.get(n) for n in _ROLE_SLOTS) and not any(slots.get(n) for n in ("person", "contract"))
    everywhere = _has(text, "no geral", "no total", "ao todo", "todos", "todo mundo", "empresa")
    role_lists = ("people_by", "hours_by_person")  # "e quantas horas esses de java fizeram?": the 8447's
    if (
        follow_up
        and roles_only
        and kind in role_lists
        and previous.kind in role_lists
        and previous.contract
        and not everywhere
    ):
        # "e quantos arquitetos?" after the 8446's scrum masters: the 8446's architects
        question = replace(question, contract=previous.contract)
    their_roles = {n: getattr(previous, n) for n in _ROLE_SLOTS if getattr(previous, n)}
    of_those = (
        follow_up and previous.kind in role_lists and not has_subject and not everywhere and not slots.get("activity")
    )
    if of_those and kind == "contract_resources" and their_roles:
        # "e qnts pessoas são?" after the hours of DEVOPS: how many of them, not everyone
        question = replace(question, kind="people_by", contract=previous.contract, **their_roles)
    # "asker" is only how the person was named ("eu" or her name): the same person is the same subject
    compared = [n for n in SUBJECT if n != "asker" or not (question.person and question.person == previous.person)]
    same_subject = question.has_subject and all(
        getattr(question, n) == getattr(previous, n)
        or (n == "contract" and _asked_in_turn(question.contract, previous))
        for n in compared
    )
    overall = _has(text, "no total", "ao todo", "no geral")  # "quantos contratos tiveram apontamento no total?"
    in_calendar = ("holiday_work", "weekend_work", "missing_days", "days_above")  # "lista os dias que passei de 9h"
    if previous.kind in _CALENDAR and question.kind in in_calendar and not overall:
        same_subject = True  # "eu trabalhei em algum feriado?" after November's holidays: in November
    if question.kind in _CALENDAR and previous.kind not in STATIC and not question.has_subject:
        same_subject = True  # "quantos dias úteis teve mesmo?" after October's expected hours: October's
    everyones_talk = not any(getattr(previous, n) for n in _NAMED_SUBJECT) and not previous.people
    # "quantos arquitetos temos apontando?" in a talk about everyone in November: everyone's architects then
    # ("quantos arquitetos a gente tem?" is the headcount, whatever the period)
    only_roles = not (question.person or question.contract or question.everyone) and _has(
        text, "apont\\w*", "trabalh\\w*"
    )
    if (not question.has_subject or only_roles) and everyones_talk and not overall:
        # after "quanto a equipe fez desde segunda?" (or "qnt o time apontou sem passada?", no one named),
        # "quem mais trabalhou?" is about that time
        same_subject = True
    roles_again = question.kind == previous.kind == "people_by" and not (question.person or question.contract)
    # ("quantas pessoas nível júnior a gente tem?", "qnts trabalham com sap?": the headcount, whenever)
    headcount = _has(text, "tem", "temos", "gente", "trabalham", "existem", "ha", "possui\\w*", "sao")
    if roles_again and not overall and not headcount and not _HABITUAL.search(text):
        same_subject = True  # "quantos juniors?" after how many of Java recorded this month: this month's juniors
    if overall and previous.group in ("contract", "client") and not question.has_subject:
        same_subject = True  # "no total qnts recursos apontaram" after each contract's people: all, that month
    if overall and previous.limit and (previous.kind == "ranking" or previous.group == "person"):
        # "quantas pessoas lançaram no total?" after October's top 10: all of them, not only ten; still October
        same_subject = same_subject or not question.has_subject
    ever = bool(_EVER.search(text))  # "já trabalhei em algum fds?": over all the data, not the last period
    one_day = previous.period is not None and previous.period.start == previous.period.end
    ever = ever or (one_day and bool(re.search(r"\balgum feriado\b", text)))  # after the 20/11: any holiday
    # "e somando tudo, quantas vezes alguém trabalhou em feriado?" after the 20/11: every holiday of the data
    ever = ever or (one_day and question.kind == "holiday_work" and _has(text, "somando tudo", "no total", "ao todo"))
    # "e quantos contratos tiveram … no total?" ("… no total nesse período": in the period talked about)
    that_period = re.search(r"\b(?:n|d)?(?:esse|este|aquele|mesmo) (?:periodo|mes)\b", text) is not None
    ever = ever or (overall and question.kind == "list_contracts" and not that_period)
    # "e ponto aberto, tem algum? no geral" after October's pending entries: any, whenever
    ever = ever or (overall and question.kind in ("open_spans", "unvalidated") and not that_period)
    named_now = bool(question.person) or bool(slots.get("contract"))  # "qnts abertos tem no 8120?": now
    # "e quantos abertos ele tem?" after another kind of question: now ("e quantos ficaram sem saída?": then)
    changed = (
        previous.kind != question.kind
        and "period" not in slots
        and _has(text, "tem", "tenho", "ta", "esta", "tao", "estao")
    )
    now = question.kind in _STATE_KINDS and named_now and (not re.match(r"e\b", text) or changed)
    # "tem algum muito fora da curva?" after her average entry in October, "tem algum sem hora de saída?" after
    # her entries counted: one of those ("tem algum apontamento …?" is now)
    elliptic = not _has(text, "apontamentos?", "registros?", "lancamentos?")
    now = now and not (elliptic and (question.kind == "outliers" or previous.measure == "entries"))
    # "teve algum …?", "algum deles ficou sem saída?" (of the entries just counted): then
    then = _has(text, "teve", "tiveram", "houve", "deles", "delas", "desses", "dessas")
    then = then or (_has(text, "ficou", "ficaram") and not _has(text, "tem", "tenho", "ta", "esta", "tao", "estao"))
    now = now and not (previous.period and then)
    if now:  # "tenho apontamento sem validar?", "ele tem apontamento aberto?": a person's now, not the last period
        same_subject = follow_up = False
    # "quanto tempo dura meu apontamento?", "em quais contratos eu apontei?": all the data, not the last period
    # ("em que contrato eu tô alocada?": the assignment, whatever period was talked about; the vocabulary has
    # already read "alocada" as "recurso", so the words as typed tell)
    allocated = re.search(r"\baloca[dc]", normalize(_ORIGINAL.get())) is not None
    ever_worked = question.kind == "resource_contracts" and (_has(text, "apontei", "trabalhei", "ja") or allocated)
    habit = (bool(_HABITUAL.search(text)) or ever_worked) and not follow_up
    # "quais dias o Caio passou das 9h?" after who on the 8422 passed 9h in October: one of them, in October
    narrowed = question.kind == previous.kind and bool(question.person) and not previous.person and not previous.people
    narrowed = narrowed and question.kind in _NARROWED_KINDS
    # "quanto o diego fez?" right after a list of October's devops juniors, one Diego among them: his October
    picked = bool(question.person) and question.person in _NAMED_PEOPLE.get() and not question.asker
    # "me mostra dia a dia da tânia" after her team's October, in a talk that began with her October: hers then
    talked = question.person in _TALKED_ABOUT.get() and question.person != previous.person
    picked = picked or (bool(question.person) and talked and not question.asker)
    narrowed = narrowed or (picked and question.kind not in _STATE_KINDS)
    # "me dá o 8447 inteiro" right after one of its client contracts: the whole of it, in the same period
    widened = str(previous.contract or "")[:1] == "E" and _CONTRACT_WHOLE.search(text) is not None
    # "no 7712 quem mais apontou?" right after the contracts of November: its people, in November
    contracts_shown = _listed_contracts(previous)
    drilled = contracts_shown and bool(question.contract) and not question.person and question.kind not in _STATE_KINDS
    drilled = drilled and not (question.kind == "contract_resources" and _has(text, "tem", "ha"))  # its team, now
    if (
        "period" not in slots
        and previous.period
        and (follow_up or same_subject or narrowed or widened or drilled)
        and not ever
        and not habit
    ):
        question = replace(question, period=previous.period)
        if picked and previous.contract and not question.contract and question.kind == "resource_days":
            question = replace(question, contract=previous.contract)  # "o primeiro aí, dia a dia": in that contract
        if previous.versus and _THESE_PERIODS.search(text):
            # "nesses 2 meses, qual atividade pesou mais?" after two months side by side, in an answer that has
            # one period: the two together (a composition shows them side by side instead)
            both = (previous.period, previous.versus)
            question = replace(question, period=Period(min(p.start for p in both), max(p.end for p in both)))
    return _needs_subject(question)


_CALENDAR = frozenset({"working_days", "holidays"})
# Counts over a team whose question, asked again of one person, keeps the team's period
_NARROWED_KINDS = frozenset({"days_above", "weekend_work", "holiday_work", "missing_days"})
_NEAREST_MONTH = _CALENDAR | {"expected_vs_worked"}  # "horas esperadas em dezembro": the coming one
_CALENDAR_GROUPS = frozenset({"day", "weekday", "week", "month"})
# Measures a whole contract has as a person has them: "e do contrato todo?" after one asks the same of it
_WHOLE_CONTRACT_KINDS = frozenset(
    {"average_span", "week_comparison", "hours_per_day", "missing_days", "open_spans", "unvalidated", "days_above"}
    | {"outliers"}
)
_BARE_HOURS = re.compile(r"\s*(?:horas?|hrs?)\s*")
_ONE_AMOUNT = re.compile(
    r"^(?:e )?(?:quanto|qnto|qnt|qto|quantidade(?! de)|(?:quantas|qnts|qntas|qts) (?:horas|hrs))\b"
    r"|^(?:e )?(?:as )?(?:minhas |suas )?horas\b"  # "minhas horas de outubro e novembro": each month's
)
_NOT_ONE_FIGURE = re.compile(
    r"\b(?:por|cada|quem|quais|qual|top|ranking|mais|menos|media|dias?|lista|juntos?|juntas?)\b"
)


def _each_amount(first: Found, second: Found, text: str, rest: str) -> bool:
    """Two closed periods listed with "e" in a question for one amount: each is asked for, not their span."""
    between = text[text.find(first.text) + len(first.text) : text.find(second.text)].split()
    closed = not (first.open_start or second.open_start)
    return closed and between == ["e"] and bool(_ONE_AMOUNT.search(text)) and not _NOT_ONE_FIGURE.search(rest)


_ACTIVITY_LISTS = frozenset({"activity_ranking", "person_activities", "activity_breakdown", "activity_distribution"})
_NOW_ON = re.compile(r"\b(?:no total|ao todo)\b")
# "tem algum apontamento dela sem validar?", "quantos ainda não foram validados?": pending now, whenever recorded
_PENDING_NOW = re.compile(r"\b(?:tem|tenho|temos|ainda|ta|esta|estao|tao)\b")
_PENDING_THEN = re.compile(
    r"\b(?:teve|tiveram|houve|ficou|ficaram|deles|delas|desses|dessas|nesse|nessa|naquele|naquela|isso|disso|esses|essas)\b"
)
_RECORDED_ON = re.compile(
    r"(?:e )?(?:(?:eu|ele|ela) )?(?:apontei|apontou|trabalhei|trabalhou|lancei|lancou|registrei|registrou)"
    r"(?: (?!nao\b|sem\b|esquec|falt)\w+){1,3}"
)
# "me mostra semana a semana" after the weakest week: every row, not the one picked
_EVERY_ROW = re.compile(r"\b(dia|semana|mes) a \1\b|\b(?:todas as semanas|todos os (?:dias|meses)|a lista toda)\b")
_HER_CONTRACT = re.compile(r"\b(?:(?:n|d)?o )?contrato (?:dela|dele)\b")
_HOW_IS_IT = re.compile(
    r"(?:e )?(?:como (?:ta|esta|anda|vai|tao) (?:o |a )?(?:contrato )?(?:\d{4}|e\d{7})"
    r"|(?:o |a )?(?:contrato )?(?:\d{4}|e\d{7}),? (?:como (?:ta|esta|anda|vai)"
    r"|(?:ta|esta) (?:indo )?(?:bem|ok|certo|em dia|tranquilo)))"
)
_HOW_IS_IT_REPLY = (
    "Sobre o contrato {number}, posso mostrar, por exemplo: “horas do {number} este mês”, “quem não apontou no "
    "{number} semana passada”, “apontamentos sem saída do {number}” ou “pendentes de validação do {number}”. "
    "O que você quer ver?"
)
_FIRST_OR_LAST_DAY = re.compile(r"\b(?:ultim[oa]|primeir[oa]) (?:dia|vez)\b")
_HELD_IN_TOTAL = re.compile(r"\b(?:tenho|tem|temos)\b(?:\s+\w+){0,3}\s+(?:no total|ao todo)\b")
_STATE_KINDS = frozenset({"unvalidated", "open_spans", "outliers"})  # "tenho …?": about now, all the data
# Asking how much (hours, days, entries), where several weekdays are a filter ("qnt foi no sábado e domingo?");
# asking who, or for the weekend days worked ("dias de trabalho"), is the weekend answer's list.
_HOW_MUCH = re.compile(r"\b(?:quant\w*|horas?|total|soma\w*|somou|somaram|deu|junt[oa]s)\b")
_SINCE_SAID = re.compile(r"\b(?:desde|a partir d[eoa]s?)\b")
# "trabalhei quantos fins de semana?" counts the weekend days worked, it does not filter hours by them
_COUNTS_WEEKENDS = re.compile(r"\bquant\w* (?:vezes|fins|finais|fim|final|fds|sabados|domingos)\b")
_WHO_ON = re.compile(r"\b(?:quem|quais|alguem|algum|alguma|gente|pessoas?|dias)\b")


def _coming(question: Question, found: Found, today: date) -> Question:
    """A calendar question about a month named without its year asks about its nearest occurrence ("quantos
    dias úteis tem em dezembro?" in November is this December, "feriados em janeiro" the coming January)."""
    period = question.period
    month = rf"(?:{'|'.join(MONTH_NAMES)})"
    bare = re.fullmatch(rf"(?:(?:em|no mes de|mes de) )?{month}", found.text.strip())
    # "feriados em dezembro e janeiro": the coming two, the first month's nearest occurrence deciding the year
    pair = re.fullmatch(rf"(?:(?:em|de|entre) )?{month} (?:e|a|ate) {month}", found.text.strip())
    if period is None or not (bare or pair):
        return question
    months = [month_of(today.year + shift, period.start.month) for shift in (-1, 0, 1)]

    def distance(month: Period) -> int:
        return 0 if month.start <= today <= month.end else min(abs((d - today).days) for d in (month.start, month.end))

    nearest = min(months, key=distance)
    years = nearest.start.year - period.start.year
    if _within_one(period, "month"):
        return replace(question, period=nearest)
    if not years:
        return question  # "outubro e novembro": both, as said
    end = month_of(period.end.year + years, period.end.month)
    return replace(question, period=Period(nearest.start, end.end))


# Catalogue kinds whose answer is narrowed by an activity; any other must not drop one ("quem fez testes?").
_ACTIVITY_KINDS = frozenset({"activity_hours", "compose"})


def _with_activity(question: Question) -> Understood:
    """A catalogue question that names an activity: its people's hours in that activity, or asked back."""
    if question.kind in ("contract_resources", "ranking", "hours_by_person"):
        values = {name: getattr(question, name) for name in ("contract", "technology", "period", "basis", "activity")}
        limit = question.limit if question.kind == "ranking" else None
        filters = {k: v for k, v in values.items() if v is not None}
        if question.count:  # "quantas pessoas fizeram deploy?": how many, not who
            return question_of(Composition(measure="people", **filters))
        return question_of(Composition(group="person", limit=limit, output="table", order=question.order, **filters))
    if question.kind == "list_contracts" and question.contract is None:
        # "quanto tempo de reunião semana passada, geral, todos contratos": that activity's hours, contract by contract
        filters = {n: getattr(question, n) for n in ("period", "basis", "activity") if getattr(question, n) is not None}
        return question_of(Composition(group="contract", output="table", **filters))
    return Clarification(
        "not_understood",
        f"Não sei responder essa pergunta só para a atividade “{question.activity}”. Pergunte pelas horas da "
        f"atividade, por exemplo: “quantas horas de {question.activity} em outubro?”.",
    )


def _refine(kind: str | None, slots: dict[str, Any], rest: str) -> str | None:
    """Kinds whose words are shared: settled by what else the question names."""
    if kind == "contract_resources" and (
        _has(rest, "quant\\w* (?:de )?horas?")
        or (
            _has(rest, "horas?", "quanto\\b", "quantidade (?!de\\b)", "fez\\b", "fizeram\\b")
            and not _has(rest, "quem", "quais", "quantos", "quantas")
        )
    ):  # "quanto a equipe do 8556 fez?", "qnts horas o time apontou?" ask for hours, not for the people
        kind = "total_hours"
    if kind == "contract_resources" and _has(rest, "quant\\w* (?:de )?apontamentos"):
        return None  # "qnts apontamentos o time fez ontem": entries counted, not the people
    if kind == "hours_by_person" and slots.get("person"):
        return "total_hours"
    if (
        kind == "total_hours"
        and not slots.get("person")
        and _has(rest, "alguem")
        and not _has(rest, "quant", "horas?", "\\d")
        and slots.get("hours") is None
        and slots.get("below") is None
    ):
        return "contract_resources"  # "alguém trabalhou no fds?" asks who did, not how much
    if kind == "total_hours" and not slots.get("person") and _has(rest, "quem") and not _has(rest, "quant", "horas?"):
        if slots.get("hours") is None and slots.get("below") is None:
            return "contract_resources"  # "quem do 7873 trabalhou no domingo?" asks who, not how much
    if kind == "hours_by_person" and _has(rest, "saldo", "banco de horas", "devendo", "esperad", "deveria"):
        return "expected_vs_worked"  # "saldo por pessoa" asks balances, not hours: one person at a time
    if kind == "contract_ranking" and slots.get("contract"):
        return "ranking"  # "ranking de horas do contrato E6888780": its people, not all contracts
    group = slots.get("technology") or slots.get("profile") or slots.get("level")
    if group and kind is None and slots.get("technology") and _WHO_WORKED_MOST.search(rest):
        return "hours_by_person"  # "quem do 8418 mais apontou de dot net?": their hours, ranked
    if (
        kind in (None, "contract_resources", "list_contracts", "total_hours")
        and group
        and _has(rest, "quem", "quais", "quantos", "quantas", "lista", "pessoas", "consultor", "temos", "sao")
        and not (kind == "list_contracts" and not _has(rest, "quem", "pessoas", "consultor", "recursos"))
    ):
        return "people_by"  # but "quantos contratos têm java" asks about contracts (and is refused)
    if slots.get("activity") and (kind is None or kind in ("total_hours", "activity_list", "activity_ranking")):
        return "activity_hours"
    if kind in ("activity_list", "activity_ranking") and slots.get("person") and slots.get("by") != "entries":
        return "person_activities"  # (counted in entries, "por número de apontamentos", the ranking takes her)
    if kind == "person_activities" and not slots.get("person"):
        # "o que a equipe fez?" asks where the hours went; "quais atividades?" lists them
        return "activity_ranking" if any_of(rest, IMPLICIT_ACTIVITY) else "activity_list"
    if kind == "contract_details" and not slots.get("contract"):
        return None
    if kind == "period_summary" and (slots.get("contract") or slots.get("person")):
        return "contract_details" if slots.get("contract") and not slots.get("person") else "total_hours"
    if kind == "resource_days" and not slots.get("person") and not any_of(rest, CLOCK_WORDS):
        return "total_hours" if _has(rest, "horas?") else None  # ("entrou q horas?": whose, the talk says)
    if kind == "resource_contracts" and not slots.get("person"):
        return "list_contracts"
    if kind == "list_contracts" and slots.get("person"):
        return "resource_contracts"
    if kind == "working_days" and _has(rest, "quais", "feriados?") and not _has(rest, "dias? ute?is", "dia util"):
        return "holidays"
    if _team_days(slots, rest):
        return None  # "quais dias o time passou de 130h?": the days' totals, bounded (a composition)
    if kind == "days_above" or (slots.get("hours") is not None and _has(rest, "dias?", "diaria")):
        return "days_above"
    return kind


def again_activity_of(previous: Question | None, slots: dict[str, Any]) -> bool:
    """Whether the question names the activity the previous one was about."""
    said, talked = str(slots.get("activity") or "").split(), str(previous.activity if previous else "").split()
    return bool(said) and set(said) <= set(talked)  # "deploy" after "deploy em produção": the same one


def _client_contracts_only(db: ScopedDataset) -> bool:
    """Whether a gestor was granted client contracts only (parts of supplier contracts)."""
    return (
        db.scope.role == "gestor" and bool(db.scope.contracts) and all(c[:1].upper() == "E" for c in db.scope.contracts)
    )


# "e ela no mês todo?", "e outubro todo?", "e setembro inteiro, sem ser só sexta?" ("todos os dias" once
# prepared) after her Tuesdays: every day of the period
_EVERY_DAY_OF = re.compile(
    rf"\b(?:(?:{'|'.join(MONTH_NAMES)}|mes|semana) (?:todo|toda|inteiro|inteira)|todos os dias)\b"
)
# A row of the breakdown just shown, named by what it holds: "a semana mais pesada", "o dia que teve mais hora",
# "o mês que eu mais fiz", "a última semana dessa lista", "nesse dia da semana" (after the top weekday)
_ROW_UNIT = r"(?P<unit>semana|mes|dia da semana|dia)"
_TOP_ROW = re.compile(
    rf"\b(?:(?:n|d)?[oa] |(?:n|d)?ess[ea] )?{_ROW_UNIT} "
    r"(?:com (?P<most>mais|menos) horas?|mais (?P<heavy>(?:pesad|lev|alt|puxad|chei|baix|frac|vazi)[oa]|forte)"
    r"|(?:que|q|em que) (?:\w+ ){0,2}?(?P<rank>mais|menos) (?:horas?|fez|fiz|fizeram|trabalhou|trabalhei|trabalharam"
    r"|apontou|apontei|apontaram|teve|rendeu|lancou|lancei)(?: horas?)?)\b"
)
_END_ROW = re.compile(
    rf"\b(?:(?:n|d)?[oa] )?(?P<end>primeir|ultim)[oa] {_ROW_UNIT} (?:(?:dessa|desta|da) (?:lista|tabela)|ai|dai|ali)\b"
)
_THAT_ROW = re.compile(
    rf"\b(?:(?:n|d)?ess[ea]|(?:n|d)aquel[ea]) {_ROW_UNIT}\b(?! (?:passad|anterior|que vem))|\bnele\b"
)
# "a segunda semana por dia", "na terceira semana", "o segundo mês" (a bare "segunda" is Monday: the unit must follow)
_NTH_ROW = re.compile(
    r"\b(?:(?:n|d)?[oa] )?(?P<nth>primeir|segund|terceir|quart|quint|sext|penultim|2|3|4|5)[oa]? (?P<unit>semana|mes)\b"
    rf"(?! (?:passad|anterior|que vem|de (?:{'|'.join(MONTH_NAMES)})\b|d[eo] mes|do ano))"
)
_WEEK_OF_THE_DAY = re.compile(
    r"\b(?:n|d)aquela semana(?: toda| inteira)?\b|\b(?:n|d)?(?:ess|aquel)?a semana (?:toda|inteira)\b"
)
_IN_ALL = re.compile(r"\b(?:no total|ao todo|somando tudo)\b")
_ONE_WEEKDAY = re.compile(
    r"(?<!ultima )(?<!ultimo )(?<!proxima )(?<!proximo )(?<!essa )(?<!esse )(?<!dessa )(?<!nessa )"
    r"\b(?:(?:n|d)?[ao] )?(segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)?\b"
    r"(?! (?:passad|retrasad|que vem|dia\b|\d))"
)
_ROW_GROUPS = {"semana": "week", "mes": "month", "dia": "day", "dia da semana": "weekday"}


def _row_named(text: str, rows: tuple[tuple[str, str, str, float], ...]) -> str:
    """The text with a row of the last breakdown named by its dates (or its weekday)."""
    if not rows:
        return text
    group = rows[0][0]
    if group == "holiday":
        # "qnt gente trabalhou nesse dia aí?" after the one holiday named; "nele" may be the week asked about
        said = _THAT_ROW.search(text)
        day = said is not None and said.group("unit") == "dia" and len(rows) == 1
        return f"{text[: said.start()]} {_row_words(rows[0])} {text[said.end() :]}" if day else text  # type: ignore[union-attr]
    ranged = re.search(r"\b(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)\w* (?:a|ate|e) \w", text)
    if group == "weekday" and not ranged and (weekday := _ONE_WEEKDAY.search(text)):
        # "e sexta-feira especificamente?" after the weekdays: every Friday of that period, not last Friday
        plural = WEEKDAY_PLURALS[compose_words.WEEKDAY_NUMBERS[weekday.group(1)] - 1]
        return f"{text[: weekday.start()]} nas {plural} {text[weekday.end() :]}"
    if group == "day" and len(rows) == 1 and (week := _WEEK_OF_THE_DAY.search(text)):
        # "e qnt eu fiz naquela semana toda?" after my busiest day: that day's Monday-to-Sunday week
        first = date.fromisoformat(rows[0][1]) - timedelta(days=date.fromisoformat(rows[0][1]).weekday())
        row = ("week", first.isoformat(), (first + timedelta(days=6)).isoformat(), rows[0][3])
        return f"{text[: week.start()]} {_row_words(row)} {text[week.end() :]}"
    for pattern in (_TOP_ROW, _END_ROW, _THAT_ROW, _NTH_ROW):
        match = pattern.search(text)
        if match is None or _ROW_GROUPS[match.group("unit") or "dia"] != group:  # "nele": the one day
            continue
        if re.search(
            r"\b(?:qual|quais|que)(?: foi| foram| e)?(?: meu| minha| seu| sua| dele| dela)?\s*$", text[: match.start()]
        ):
            continue  # "qual foi (meu) dia da semana com menos horas?" asks for the row; it does not name one
        if pattern is _TOP_ROW and len(rows) == 1:
            continue  # the one row shown is not the least of anything
        # "no dia mais alto dessa semana": the row is in the list just shown, not in this week
        after = re.sub(r"^\s*(?:d|n)?(?:ess|est)?[ae] (?:semana|lista|mes)\b", "", text[match.end() :])
        if find_period(f"{text[: match.start()]} {after}", ANY_DAY) is not None:
            continue  # "e o dia que mais fez em setembro" after last week's days: a day of September
        if pattern is _TOP_ROW:
            least = "menos" in (match.group("most"), match.group("rank")) or match.group("heavy") in _LIGHT
            row = (min if least else max)(rows, key=lambda r: r[3])
        elif pattern is _END_ROW:
            row = rows[0] if match.group("end") == "primeir" else rows[-1]
        elif pattern is _NTH_ROW:
            nth = match.group("nth")
            # the list's own order: "a segunda semana" is its second row (positions as in _ORDINAL_WORDS)
            index = len(rows) - 2 if nth == "penultim" else (int(nth) if nth.isdigit() else _ORDINAL_WORDS[nth]) - 1
            if not 0 <= index < len(rows):
                continue
            row = rows[index]
        elif len(rows) == 1:
            row = rows[0]  # "nesse dia da semana" after the one weekday shown, "nele" after the one day
        else:
            continue
        return f"{text[: match.start()]} {_row_words(row)} {after}"
    return text


_LIGHT = frozenset({"leve", "leva", "baixo", "baixa", "fraco", "fraca", "vazio", "vazia"})
_ONE_OF_THE_TWO = re.compile(
    r"\b(?:(?:n|d)?[oa] )?(?P<end>primeir|segund|ultim)[oa] (?:desses|destes|dos|daqueles|dessas|destas|das) "
    r"(?:dois |duas )?(?:meses|periodos|semanas)\b"
)


def _one_of_the_two(text: str, periods: tuple[Period, ...]) -> str:
    """ "o primeiro desses meses" after two periods side by side (or one after the other): that one, by its dates."""
    match = _ONE_OF_THE_TWO.search(text)
    if match is None or len(periods) != 2:
        return text
    first, second = sorted(periods, key=lambda p: p.start)
    chosen = first if match.group("end") == "primeir" else second
    return f"{text[: match.start()]} de {chosen.start:%d/%m/%Y} a {chosen.end:%d/%m/%Y} {text[match.end() :]}"


def _row_words(row: tuple[str, str, str, float]) -> str:
    group, start, end = row[0], row[1], row[2]
    if group == "weekday":
        return f"nas {WEEKDAY_PLURALS[int(start) - 1]}"
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    return f"em {first:%d/%m/%Y}" if first == last else f"de {first:%d/%m/%Y} a {last:%d/%m/%Y}"


WEEKDAY_PLURALS = ("segundas", "tercas", "quartas", "quintas", "sextas", "sabados", "domingos")


def _team_days(slots: dict[str, Any], rest: str) -> bool:
    """Days bounded by more hours than one person's day holds: each day's total, not a person's days."""
    return (slots.get("hours") or 0) > 24 and _has(rest, "dias?")


def _merge(previous: Question, slots: dict[str, Any]) -> Question:
    """A follow-up that names only slots: the previous question with those slots replaced."""
    changes = {"page": 0, **slots}
    if "period" in changes and "versus" not in changes:
        changes["versus"] = None  # "e em dezembro?" after two months side by side: December alone
    roles_only = not changes.get("person") and not changes.get("contract")
    if roles_only and any(changes.get(name) for name in ("technology", "profile", "level")) and previous.contract:
        changes["contract"] = previous.contract  # "e seniors?" after the architects of 7874: the 7874's seniors
    if any(changes.get(name) for name in SUBJECT):
        changes.update(
            {name: changes.get(name, None if name not in ("asker", "everyone") else False) for name in SUBJECT}
        )
    kind = previous.kind
    if kind == "people_by" and changes.get("contract") and not any(changes.get(n) for n in _ROLE_SLOTS):
        # "e no 8556?" after the 8555's test analysts: the 8556's test analysts
        changes.update({name: getattr(previous, name) for name in _ROLE_SLOTS})
    if kind in ("ranking", "hours_by_person") and changes.get("person"):
        kind = "total_hours"  # "e o terceiro?" after a ranking: that person's hours, not a ranking of one
    if changes.get("count") and kind in ("ranking", "people_by", "contract_resources"):
        kind = "people_by" if kind == "people_by" else "contract_resources"
    if kind == "contract_ranking" and changes.get("contract"):
        kind = "contract_details"
    if kind in ("contract_details", "period_summary") and (changes.get("person") or changes.get("asker")):
        kind = "total_hours"  # "e eu nessa semana?" after a contract's week: my hours that week
    if kind == "list_contracts" and changes.get("contract"):
        kind = "total_hours"  # "e o 7951 em novembro?" after each contract's hours: that one's hours
    if kind in ("total_hours", "activity_hours") and any(changes.get(name) for name in _ROLE_SLOTS):
        # "e só o pessoal de dados?" after a contract's hours: its data people's hours, a composition
        kind = "compose"
        changes.update(measure="hours", group=None, output="value")
    if kind == "unvalidated" and any(changes.get(name) for name in _ROLE_SLOTS):
        kind = "compose"  # "e só do pessoal de SAP?" after a contract's pending entries: theirs
        changes.update(measure="entries", validated=False, group=None, output="value")
    if kind == "unvalidated" and changes.get("person"):
        # "e do Wagner?" after a contract's pending entries: his pending entries, a composition
        kind = "compose"
        changes.update(measure="entries", validated=False, group=None, output="value")
    if kind == "week_comparison" and changes.get("period"):
        kind = "total_hours"  # "e a semana passada inteira?" after this week against the same days: that week
    if changes.get("count") and kind == "compose" and previous.group == "person":
        # "quantos são?" after a breakdown by person: how many people, not the breakdown again
        changes.update(measure="people", group=None, output="value", limit=None, order="desc", count=False)
    if kind == "activity_list" and "by" in changes:
        kind = "activity_ranking"
    if kind == "contract_resources" and changes.get("period") and _HOW_IT_STANDS.search(normalize(_ORIGINAL.get())):
        kind = "total_hours"  # "volta pro 8447, e em novembro como tá?" after its people: its month, people too
    return replace(previous, kind=kind, **changes)


_HOW_IT_STANDS = re.compile(r"\bcomo (?:ta|esta|ficou|anda|vai|foi)\W*$")


def _accepts(kind: str, previous: Question) -> bool:
    if previous.person and kind in PERSON_KINDS:
        return True
    if previous.technology and not (previous.person or previous.contract) and "technology" in takes(kind):
        return True  # "quem mais?" after Java's hours: Java's ranking
    return bool(previous.contract) and kind in CONTRACT_KINDS


_NARROWED = {
    "person": "para uma pessoa",
    "contract": "para um contrato",
    "technology": "para uma tecnologia",
    "profile": "para um perfil",
    "level": "para um nível",
}


def _narrowable(question: Question) -> Understood:
    """The question, or a Clarification when it names a subject its kind cannot be narrowed to."""
    extra = [name for name in _NARROWED if getattr(question, name) and name not in takes(question.kind)]
    clock = any_of(normalize(_ORIGINAL.get()), CLOCK_WORDS)
    if extra == ["contract"] and question.person and question.kind == "resource_days" and not clock:
        # "o primeiro aí, dia a dia" after a contract's ranking: her days in that contract, not in every one
        values = {name: getattr(question, name) for name in ("person", "contract", "period", "basis")}
        return question_of(Composition(group="day", output="table", **{k: v for k, v in values.items() if v}))
    if extra == ["contract"] and question.person:
        return replace(question, contract=None)  # "que horas a Renata do 7712 chegou?": the contract says who
    if not extra:
        return question
    if question.kind == "hours_by_person" and question.count and set(extra) <= {"profile", "level"}:
        return replace(question, kind="people_by")  # "e analistas de testes?" after how many SAP people: how many
    return Clarification(
        "not_understood",
        f"Não consigo responder essa pergunta só {_NARROWED[extra[0]]}: a resposta que tenho vale para todos. "
        "Pergunte sem esse filtro, ou de outro jeito.",
    )


def _needs_subject(question: Question) -> Understood:
    if question.kind == "expected_vs_worked" and not question.person and (question.everyone or question.contract):
        # "quantas horas deveria fazer em outubro?": the same for everyone; "o 8446 tá devendo hora?": its team
        # beside what each was expected to do
        return question
    if question.kind == "resource_days" and question.contract and not question.person:
        # "horas por dia do 7874 essa semana" (once the contract is said again): the contract's days
        values = {"contract": question.contract, "period": question.period, "basis": question.basis}
        kept = {k: v for k, v in values.items() if v is not None}
        return question_of(Composition(group="day", output="table", **kept))
    if question.kind == "person_activities" and question.contract and not question.person:
        return replace(question, kind="activity_breakdown")  # "e da equipe toda do 8033?" after my activities
    if question.kind in PERSON_ONLY and not question.person:
        return Clarification("no_person", "De quem? Diga o nome da pessoa, por exemplo: “saldo de horas da Ana Souza”.")
    if question.kind == "activity_distribution" and not question.contract:
        # "a distribuição por atividade" in a talk about me: mine; with no one named, of all the asker sees
        return replace(question, kind="activity_breakdown")
    if question.kind == "contract_details" and not question.contract:
        return Clarification("ask_contract", ASK_CONTRACT)
    if question.person and question.kind in ("contract_details", "period_summary"):
        # "quanto apontei no 8447 esse mês": my hours in it; "a beatriz nunes" after "qnto a beatriz apontou?"
        question = replace(question, kind="total_hours")
    return _narrowable(question)


ASK_CONTRACT = (
    "De qual contrato? Diga o número do contrato de fornecedor (4 dígitos) ou de cliente (E seguido de 7 dígitos)."
)
NOT_UNDERSTOOD = (
    "Não entendi a pergunta. Eu respondo sobre apontamentos de horas: horas de uma pessoa ou de um contrato, "
    "quem não apontou, quem esqueceu a saída, validações, dias úteis, rankings. Por exemplo: “Quais contratos "
    "temos?”, “Quantas horas o contrato 8446 teve em outubro?”, “Quem não apontou semana passada?”."
)
_PER_CONTRACT = re.compile(r"\b(?:cada|por) contratos?\b")
TWO_BREAKDOWNS = (
    "Não consigo dividir as horas por recurso e por contrato ao mesmo tempo. Qual das duas divisões prefere? "
    "Por exemplo: “Horas por recurso no contrato 8446” ou “Horas por contrato em outubro”."
)
_ASKS_FOR_PEOPLE = ("quem", "quais", "lista", "quantos", "quantas pessoas", "pessoas", "consultor", "temos", "sao")
GROUP_HOURS = (
    "Não consigo somar horas por perfil ou nível, que vêm do cargo mais recente de cada pessoa; por tecnologia, "
    "sim (“horas de JAVA em outubro”). Posso listar quem tem o perfil: “quais arquitetos temos?”."
)
# Questions near ones the engine answers, whose figure would answer something else: say what it can do.
_UNANSWERABLE: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"\bhoras? extras?\b|\bextras?\b"),
        "Não tenho hora extra nos dados. Posso mostrar quem passou de 8 h líquidas em um dia (“quem trabalhou "
        "mais de 8 h em um dia semana passada?”) ou o saldo de uma pessoa contra as horas esperadas (“saldo de "
        "horas da Ana em outubro”).",
    ),
    (
        re.compile(r"\bdias? mais (?:longo|curto|cheio|movimentado)s?\b"),
        "Ainda não consigo comparar os dias entre si. Posso dar as horas de um dia (“horas de 15/10”) ou os "
        "dias de uma pessoa (“apontamentos da Ana por dia em outubro”).",
    ),
]
CLOCK_TIMES = (
    "Não consigo dar os horários de todos de uma vez; digo os de uma pessoa, dia a dia: “a que horas a Ana "
    "entrou ontem?” ou “horários da Ana semana passada”."
)
SINCE_WHEN = (
    "Desde quando? Diga o período sem apontamentos, por exemplo: “quem parou de apontar desde o dia 16?” ou "
    "“quem não apontou nada em outubro?”."
)
TWO_CONTRACTS = (
    "Não consigo comparar contratos numa pergunta: respondo sobre um de cada vez. Pergunte por um deles, ou "
    "veja todos lado a lado em “quais contratos temos?”."
)
_RANKS_PEOPLE_OR_CONTRACTS = (
    "quem",
    "quais",
    "qual (?:o )?(?:contrato|pessoa|recurso|consultor)",
    "ranking",
    "top",
    "cada",
    "por (?:pessoa|recurso|contrato)",
)
WEEK_RANKED = (
    "Consigo comparar esta semana com os mesmos dias da semana passada para uma pessoa, um contrato ou todos "
    "(“essa semana tá melhor que a passada no 8446?”), mas não ordenar pessoas ou contratos por essa diferença."
)
CLIENT_SHARE = (
    "Não consigo dar a parte de um contrato de cliente dentro do contrato de fornecedor. Posso mostrar as "
    "horas de cada contrato de cliente do fornecedor, por exemplo: “horas do 7873 por contrato de cliente”."
)
SEVERAL_DAYS = (
    "Não sei de quais dias você está falando: só guardo o último período da conversa. Diga as datas, por exemplo: "
    "“que horas entrei em 03/11 e em 05/11?” ou “de 03/11 a 05/11”."
)
TWO_PERIODS = (
    "Entendi dois períodos, e não consigo responder sobre os dois de uma vez. Pergunte por um deles ou pelo "
    "intervalo todo, por exemplo: “de 01/09 a 31/10”."
)


_ANY_DAY_OF_EITHER = re.compile(r"\b(?:algum dia|alguma vez|algum apontamento)\b.*\bou\b")


def _adjacent(one: Period, other: Period) -> Period | None:
    """The two periods as one span when one ends the day before the other starts."""
    first, second = sorted((one, other), key=lambda p: p.start)
    return Period(first.start, second.end) if first.end + timedelta(days=1) == second.start else None


def _date_beside(found: Found, second: Found, text: str) -> bool:
    """ "desde segunda passada (16/11)", "segunda passada, dia 16": the first period's edge, said again beside it."""
    day = second.period.start
    if day != second.period.end or day not in (found.period.start, found.period.end):
        return False
    return (
        re.search(rf"{re.escape(found.text.strip())}\W*(?:(?:no )?dia )?{re.escape(second.text.strip())}", text)
        is not None
    )


def _unreadable(word: str) -> str:
    if word in ("trimestre", "semestre"):
        return (
            f"Não sei qual {word} você quer: o do calendário (“neste {word}”, até hoje), o anterior "
            f"(“{word} passado”) ou alguns meses (por exemplo, “de setembro a novembro”)?"
        )
    if re.match(
        r"(?:in[ií]cio|come[cç]o|comecinho|fim|final|finalzinho|finzinho|meados|(?:primeiros|[uú]ltimos) dias)\b", word
    ):
        return (
            "Não sei quais dias você quer dizer com “início”, “meados” ou “fim” do mês. Diga as datas, por exemplo: "
            "“de 25/10 a 31/10”."
        )
    return (
        f"Não sei ler o período “{word}”. Diga, por exemplo, “em outubro”, “semana passada”, "
        "“últimos 15 dias” ou “de 01/10 a 15/10”."
    )


STATIC = frozenset({"greeting", "help", "thanks", "glossary"})
PERSON_ONLY = frozenset({"resource_days", "resource_contracts", "expected_vs_worked", "person_activities"})
PERSON_KINDS = frozenset(
    {
        "activity_hours",
        "activity_breakdown",
        "person_activities",
        "total_hours",
        "resource_days",
        "resource_contracts",
        "expected_vs_worked",
        "average_span",
        "hours_per_day",
        "missing_days",
        "open_spans",
        "week_comparison",
        "outliers",
        "validators",
        "days_above",
        "weekend_work",
        "holiday_work",
    }
)
CONTRACT_KINDS = frozenset(
    {
        "activity_hours",
        "activity_ranking",
        "activity_breakdown",
        "activity_distribution",
        "total_hours",
        "contract_details",
        "contract_resources",
        "ranking",
        "hours_by_person",
        "average_span",
        "missing_days",
        "open_spans",
        "unvalidated",
        "hours_per_day",
        "people_by",
        "validators",
        "days_above",
        "week_comparison",
        "outliers",
        "weekend_work",
        "holiday_work",
    }
)
CONTRACT_THREAD_KINDS = frozenset(
    {"ranking", "hours_by_person", "missing_days", "open_spans", "unvalidated", "days_above", "activity_hours"}
    | {"outliers", "average_span", "hours_per_day", "weekend_work", "holiday_work", "activity_distribution"}
    | {"activity_ranking"}  # "qual atividade teve mais hora em novembro?" in a talk about the 8418
)
# In a talk about one person, "teve dia acima de 8h?", "trabalhou no fim de semana?" are about her
PERSON_THREAD_KINDS = frozenset({"days_above", "weekend_work", "holiday_work", "outliers"})
SUBJECT_KINDS = frozenset(
    {
        "total_hours",
        "contract_resources",
        "hours_per_day",
        "expected_vs_worked",
        "resource_days",
        "resource_contracts",
        "validators",
        "week_comparison",
        "activity_breakdown",  # "me dá a quebra por atividade de outubro" in a talk about someone: hers
    }
)


# "atividade de suporte", "horas de testes", "gastou com suporte": after these, activity words count even
# when they are also ordinary vocabulary ("suporte", "testes"), so the question is not taken for one about
# all hours.
_ACTIVITY_TRIGGER = re.compile(r"\b(?:atividades?|tarefas?|horas?|gast\w*|dedic\w*|invest\w*|tempo)\b")
_PREPOSITIONS = frozenset({"de", "da", "do", "em", "na", "no", "com", "a", "ao"})


def _activity(db: Dataset, text: str, about_activity: bool = False) -> tuple[str, list[str]] | Clarification | None:
    """Words of an activity's description the question names, and whether any activity has them all.

    In a conversation about an activity (`about_activity`), "e de testes?" names another one, although
    "testes" is also a profile's word."""
    words = text.split()
    # a role's word left once profiles are read ("quem mais fez suporte") names the activity, never nothing
    ordinary = frozenset() if about_activity else VOCABULARY - _FILTER_VALUES
    spelled = {w: _activity_word(db, w) for w in words}  # "bug" is the "bugs" of "correção de bugs"
    # a preposition alone names no activity ("e em todas?" is not "deploy em produção")
    used = [w for w in words if spelled[w] and w not in ordinary and w not in CONNECTORS | _PREPOSITIONS]
    for match in _ACTIVITY_TRIGGER.finditer(text):
        following = text[match.end() :].split()[:5]
        if following and following[0] in _PREPOSITIONS:
            following = following[1:]
        for word in following:
            if word in _PREPOSITIONS:
                continue  # "horas do 7873 em cada mês": "em" alone is no activity ("deploy em produção")
            if not spelled.get(word) or word in CONNECTORS:
                break
            used.append(word)
    used = list(dict.fromkeys(used))
    terms = list(dict.fromkeys(str(spelled[w]) for w in used))
    if not terms:
        return None
    if not any(set(terms) <= set(key.split()) for key in db.activities):
        shown = ", ".join(sorted(db.activities.values())[:10])
        return Clarification(
            "unknown_activity", f"Não encontrei nenhuma atividade com “{' '.join(terms)}”. As atividades: {shown}."
        )
    return " ".join(terms), used


def _activity_word(db: Dataset, word: str) -> str | None:
    """The word of an activity's description `word` is, as written or, for a word the engine does not know
    otherwise, in the singular or plural the description uses ("bug" for "correção de bugs")."""
    if word in db.activity_words:
        return word
    if _known(word):
        return None
    forms = (f"{word}s", f"{word}es", word.removesuffix("s"), re.sub(r"oes$", "ao", word))  # "reuniões"
    return next((w for w in forms if w in db.activity_words), None)


def _contract(db: Dataset, text: str) -> tuple[str, str] | Clarification | None:
    """The contract named in the text and the fragment that named it; unknown numbers are a clarification."""
    if match := _CLIENT_CONTRACT.search(text):
        number = "E" + match.group(1)
        if number not in db.client_contracts:
            return Clarification("unknown_contract", _unknown_contract(db, number))
        return number, match.group(0)
    if match := _CONTRACT_NUMBER.search(text):
        number = match.group(1)
        if number not in db.supplier_contracts:
            return Clarification("unknown_contract", _unknown_contract(db, number))
        return number, match.group(0)
    for match in _NUMBER.finditer(text):
        if match.group(1) in db.supplier_contracts:
            return match.group(1), match.group(0)
        if len(match.group(1)) == 4 and not 2000 <= int(match.group(1)) <= 2100:
            return Clarification("unknown_contract", _unknown_contract(db, match.group(1)))
    return None


def _unknown_contract(db: Dataset, number: str) -> str:
    close = difflib.get_close_matches(number, sorted(db.supplier_contracts | db.client_contracts), n=3, cutoff=0.6)
    hint = f" Você quis dizer {_or(close)}?" if close else ""
    return f"Não encontrei o contrato {number} nos apontamentos.{hint}"


def _technology(db: Dataset, text: str) -> tuple[str, str] | None:
    for technology in sorted(db.technologies, key=len, reverse=True):
        words = normalize(technology)
        if f" {words} " in f" {text} ":
            return technology, words
    if re.search(r"\bnet\b", text) and "DOT NET" in db.technologies:
        return "DOT NET", "net"
    return None


# Words the catalogue's kinds read that the shared vocabulary lacks ("mostre informações do contrato 8446").
_READ_HERE = frozenset("informacoes informacao info infos dado ok meta metas".split())


def _known(word: str) -> bool:
    return known(word) or word in _READ_HERE or "/" in word


def _name_word(db: Dataset, word: str) -> bool:
    return word in db.name_words and word not in VOCABULARY


CONNECTORS = frozenset({"de", "da", "do", "dos", "das"})


_NAME_PARTICLES = frozenset({"da", "de", "do", "das", "dos"})


# One person named by role: "a arquiteta do 8033", "o scrum master do 8418", and "a de python" once asked which
_ONE_BY_ROLE = re.compile(
    r"\b(?:o|a|do|da|pro|pra|ao|pela|pelo)\s+(?:arquitet[oa]|scrum master|analista|engenheir[oa]|desenvolvedora?"
    r"|tester)\b(?!s)|^(?:e\s+)?(?:o|a|do|da)\s+de\s+\w+"
)
_ASKS_WHO_OR_HOW_MANY = re.compile(r"\b(?:quem|quais|quant[oa]s (?:arquitet|scrum|analista|engenheir|dev|pesso))")


def _one_of_role(
    db: Dataset, slots: dict[str, Any], text: str, previous: Question | None
) -> str | Clarification | None:
    """The one person a role names within a contract (their id), a question back when several have it, or None."""
    said = any(slots.get(name) for name in ("technology", "profile", "level"))
    if not said or "person" in slots or slots.get("among") or _ASKS_WHO_OR_HOW_MANY.search(text):
        return None
    if not _ONE_BY_ROLE.search(text):
        return None
    role = {name: slots.get(name) for name in ("technology", "profile", "level", "contract")}
    if previous is not None and (previous.profile or previous.technology) and not previous.person:
        for name in role:  # "a de python" after "Qual delas?": the architects of the 8033 asked about
            role[name] = role[name] or getattr(previous, name)
    elif previous is not None and previous.person:
        before = next((p for p in q.people_by(db) if p.resource.id == previous.person), None)
        if before is not None and role["contract"] is None:  # "e a de QA?" after the Python one: her colleague
            role["contract"], role["profile"] = before.contract, role["profile"] or before.profile
    if not role["contract"]:
        return None
    people = q.people_by(db, **role)
    if len(people) == 1:
        return people[0].resource.id
    if 1 < len(people) <= MAX_CANDIDATES:
        names = "\n".join(f"- {p.resource.name} ({p.technology or '—'}, {(p.level or '—').lower()})" for p in people)
        pending = Question("total_hours", period=slots.get("period"), **{k: v for k, v in role.items() if v})
        text = f"Há {len(people)} pessoas com esse cargo no contrato {role['contract']}. Qual delas?\n{names}"
        return Clarification("ambiguous_person", text, pending)
    return None


def _one_there(db: Dataset, words: list[str], contract: str | None, other_than: str | None = None) -> str | None:
    """Of the people a first name (or a partial name) fits, the one who works in `contract` (or who is not
    `other_than`, the one just talked about), if just one is."""
    if not contract and not other_than:
        return None
    fits = {c.id for c in _matching(db, words)} - {other_than}
    if contract:
        fits &= {p.resource.id for p in q.people_by(db, contract=contract)}
    return next(iter(fits)) if len(fits) == 1 else None


def _which_other(db: Dataset, word: str, contract: str | None, other_than: str) -> Clarification:
    """ "e o outro diego do 8301?" when more than one other Diego (or none) works there: asked back, never the same."""
    fits = [c for c in _matching(db, [word]) if c.id != other_than]
    if contract:
        there = {p.resource.id for p in q.people_by(db, contract=contract)}
        fits = [c for c in fits if c.id in there]
    shown = word.title()
    if not fits:
        where = f" no contrato {contract}" if contract else ""
        return Clarification("unknown_person", f"Não encontrei outra pessoa chamada “{shown}”{where}.")
    names = "\n".join(f"- {c.name}" for c in fits[:MAX_CANDIDATES])
    return Ambiguous("ambiguous_person", f"Há {len(fits)} outras pessoas chamadas “{shown}”. Qual delas?\n{names}")


def _asked_in_turn(contract: str | None, previous: Question) -> bool:
    """Whether `contract` is one of the contracts the talk went through one by one ("média por pessoa no 8555?"
    after the 8555 and the 8556 in October): the same subject, so the same period. Rows of a ranking are not."""
    if contract and previous.among and previous.group in ("contract", "client") and contract in previous.among:
        return True  # "quem mais apontou no E9951270?" after it and another side by side
    # ("qnts pessoas tem no 8600?" asks about now, not the month talked about)
    has_now = re.search(r"\b(?:tem|temos|tenho)\b", normalize(_ORIGINAL.get())) is not None
    if (
        contract
        and _ROLE.get() == "gestor"
        and not previous.contract
        and contract in _NAMED_CONTRACTS.get()
        and not has_now
    ):
        return True  # "quebra por atividade só do 7689" after his two contracts in October: one of them, then
    return bool(contract and previous.contract and contract in _NAMED_CONTRACTS.get())


def _person(db: Dataset, words: list[str]) -> tuple[str, list[str]] | Ambiguous | Clarification | None:
    """The one person the question names (any order, case or accents), with the words that named them."""
    runs: list[list[str]] = []
    current: list[str] = []
    bridged: dict[int, list[str]] = {}  # "joao da silva": the particles typed inside each run of names
    for index, word in enumerate(words):
        if _name_word(db, word) or (current and word in db.name_words and _matching(db, [*current, word])):
            current.append(word)  # "Rafael Martins Dias": "dias" is a word, and here a surname
        elif word in CONNECTORS and current and index + 1 < len(words) and _name_word(db, words[index + 1]):
            bridged.setdefault(len(runs), []).append(f"{current[-1]} {word} {words[index + 1]}")
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    if not runs:
        return None
    run = max(runs, key=len)
    candidates = _matching(db, run)
    if not candidates and len(run) >= 4:
        # "beatriz marques monteiro barbosa, natalia correia souza, …": full names one after another (the
        # commas are gone); the first of them that is one person's whole name
        for size in range(len(run) - 1, 1, -1):
            whole = [c for c in _matching(db, run[:size]) if normalize(c.name).split() == run[:size]]
            if len(whole) == 1:
                return whole[0].id, run[:size]
    particles = [p for p in bridged.get(runs.index(run), []) if p.split()[1] in _NAME_PARTICLES]
    if len(candidates) == 1 and particles and not all(p in normalize(candidates[0].name) for p in particles):
        # "e o joao da silva?": no one is called that; João Mendes Fernandes Silva is someone else, maybe
        typed = " ".join(w if w in _NAME_PARTICLES else w.title() for w in particles[0].split())
        return Clarification(
            "unknown_person", f"Não encontrei ninguém chamado “{typed}”. Você quis dizer {candidates[0].name}?"
        )
    after = _word_after(words, run)
    if len(candidates) == 1 and after in db.name_words and not _matching(db, [*run, after]):
        candidates, run = [], [*run, after]  # "e a Sofia Dias?": not the one Sofia who is not a Dias
    exact = [c for c in candidates if normalize(c.name).split() == run]
    if len(candidates) > 1 and len(run) >= 3 and len(exact) == 1:
        candidates = exact  # "hugo pinto cardoso" is him, not also "Hugo Monteiro Pinto Cardoso"
    listed = [c for c in candidates if c.id in _NAMED_PEOPLE.get()]
    if len(candidates) > 1 and len(listed) == 1:
        candidates = listed  # "e a Renata Ferreira?" after a list holding one of the two Renata Ferreiras: her
    talked = [c for c in candidates if c.id in _TALKED_ABOUT.get()]
    if len(candidates) > 1 and len(talked) == 1:
        candidates = talked  # "quantos dias a Ana trabalhou?" in a talk about Ana Soares Lima: her
    outside = isinstance(db, ScopedDataset) and len(candidates) == 1 and not exact and len(run) >= 2
    if outside and db.named_outside(run):  # type: ignore[union-attr]
        return Clarification("out_of_scope_person", OTHER_PEOPLE)
    if len(candidates) == 1:
        return candidates[0].id, run
    shown = " ".join(run).title()
    if not candidates:
        close = _matching(db, run[:1])
        hint = f" Encontrei: {_or([c.name for c in close[:MAX_CANDIDATES]])}." if close else ""
        return Clarification("unknown_person", f"Não encontrei ninguém chamado “{shown}” nos apontamentos.{hint}")
    names = "\n".join(f"- {c.name}" for c in candidates[:MAX_CANDIDATES])
    more = f"\n… e mais {len(candidates) - MAX_CANDIDATES}." if len(candidates) > MAX_CANDIDATES else ""
    text = f"Há {len(candidates)} pessoas chamadas “{shown}”. Qual delas? Diga também o sobrenome.\n{names}{more}"
    return Ambiguous("ambiguous_person", text, pending_words=run)


# The words that leave out what follows them: "e sem o otávio?", "sem contar reunião"
_LEAVING_OUT = r"sem(?: contar| considerar)?|tirando|exceto|fora|excluindo|descontando"
_LEFT_OUT_ARTICLE = r"(?: (?:o|a|os|as|com|de|d[oa]s?))?\s*$"
_TAKEN_OUT = re.compile(rf"\b(?:{_LEAVING_OUT}|menos){_LEFT_OUT_ARTICLE}")  # "todos menos a Ana"
# "sem contar reunião" leaves it out; "quem fez menos reunião" ranks by it
_ACTIVITY_LEFT_OUT = re.compile(rf"\b(?:{_LEAVING_OUT}){_LEFT_OUT_ARTICLE}")
_CANNOT_LEAVE_OUT = (
    "Não sei tirar uma atividade de um total (“sem {activity}”). Posso mostrar as horas por atividade, para você "
    "descontar, ou o total e as horas de {activity} separadas."
)
_CANNOT_TAKE_OUT = (
    "Não sei tirar uma pessoa de um total (“sem {name}”). Posso mostrar as horas por pessoa, para você descontar, "
    "ou somar só as pessoas que você nomear."
)


def _name_at(rest: str, used: list[str]) -> int:
    """Where the name made of `used` starts in `rest` (its end when not found)."""
    at = re.search(r"\b" + re.escape(used[0]) + r"\b", rest) if used else None
    return at.start() if at is not None else len(rest)


def _taken_out(rest: str, used: list[str], leaving: re.Pattern[str] = _TAKEN_OUT) -> bool:
    """Whether the name in `rest` follows "sem", "tirando", "exceto"…: it is left out, not asked about."""
    at = _name_at(rest, used)
    return at < len(rest) and leaving.search(rest[:at]) is not None


def _without_name(rest: str, used: list[str]) -> str:
    """The question without the words that named a person."""
    # the name as written, in one piece: "quantos dias o rafael martins dias" keeps its first "dias"
    name = re.compile(r"\b" + r"(?: (?:de|da|do|dos|das))? ".join(used) + r"\b")
    if name.search(rest):
        return name.sub(" ", rest, count=1)
    for word in used:
        rest = re.sub(rf"\b{word}\b", " ", rest, count=1)
    return rest


def _word_after(words: list[str], run: list[str]) -> str | None:
    """The word right after a one-word name ("sofia" in "e a sofia dias"), where a surname would be."""
    if len(run) != 1 or run[0] not in words:
        return None
    index = words.index(run[0]) + 1
    return words[index] if index < len(words) else None


@dataclass(frozen=True)
class Ambiguous(Clarification):
    pending_words: list[str] = field(default_factory=list)


def _matching(db: Dataset, words: list[str]) -> list[ResourceRef]:
    sets = [db.rids_by_word.get(w, set()) for w in words]
    rids = set.intersection(*sets) if sets else set()
    return sorted((db.refs[rid] for rid in rids), key=lambda r: r.name)


def _closest_people(db: Dataset, words: list[str], close_names: list[str]) -> tuple[str, list[ResourceRef]]:
    """The name word meant by a typo, and its people: those sharing most other name words of the question.

    "beatriz cardozo ramos" is Beatriz Cardoso Ramos, not the eight people called Cardoso.
    """
    # the whole question's words: a name it already read ("andre pereira") is no longer in `words`
    others = {w for w in normalize(_ORIGINAL.get()).split() + words if w in db.name_words}
    best: tuple[int, str, list[ResourceRef]] = (0, close_names[0], _matching(db, close_names[:1]))
    for close in close_names:
        people = _matching(db, [close])
        shared = {p.id: len(others & set(db.resources[p.id].words)) for p in people if p.id in db.resources}
        most = max(shared.values(), default=0)
        if most > best[0]:
            best = (most, close, [p for p in people if shared.get(p.id) == most])
    return best[1], best[2]


def _not_understood(db: Dataset, words: list[str], unknown: list[str]) -> Clarification:
    """A question with a word the engine does not know: a person it cannot find, or a word it cannot read."""
    outside = [w for w in unknown if w in db.all_name_words and w not in db.name_words]
    if outside:  # someone outside the asker's scope: a person, whom a restricted asker may not see
        return Clarification(
            "unknown_person", f"Não encontrei “{outside[0].title()}” entre as pessoas que você pode ver."
        )
    # "o hugo correa moura araujo": the typo ("correa"), not the name words around it, is what was not found
    first = next((w for w in unknown if w not in db.name_words), unknown[0])
    position = words.index(first)
    in_person_position = position > 0 and words[position - 1] in _PERSON_POSITION
    close_names = difflib.get_close_matches(first, sorted(db.name_words), n=3, cutoff=0.8)
    if close_names:
        close, people = _closest_people(db, words, close_names)
        people = people[:MAX_CANDIDATES]
        if close == first and len(people) == 1:
            # "hugo correa moura araujo": "hugo" is a name; the typo is the word beside it that is near hers
            theirs = db.resources[people[0].id].words
            said = normalize(_ORIGINAL.get()).split()
            typo = next((w for w in said if w not in theirs and difflib.get_close_matches(w, theirs, 1, 0.8)), None)
            if typo is not None:
                first, close = typo, difflib.get_close_matches(typo, theirs, 1, 0.8)[0]
        return Clarification(
            "unknown_person",
            f"Não encontrei ninguém chamado “{first.title()}”. Você quis dizer {_or([p.name for p in people])}?",
            replace=(first, close) if len(people) == 1 and first != close else None,
        )
    if in_person_position and _has(" ".join(words), "horas?", "trabalh", "apont", "fez", "saldo", "faltou", "dias"):
        shown = " ".join(w.title() for w in unknown if w not in ("de", "da", "do"))
        nor = " nem nenhuma atividade" if db.activities else ""
        return Clarification("unknown_person", f"Não encontrei ninguém{nor} com o nome “{shown}” nos apontamentos.")
    quoted = ", ".join(f"“{w}”" for w in unknown[:3])
    # "e o Zebedeu Pimentão?": maybe a name; the rest of the question is kept as for a name not found
    pending = Question("total_hours") if in_person_position else None
    return Clarification(
        "not_understood", f"Não entendi {quoted}. {NOT_UNDERSTOOD[len('Não entendi a pergunta. ') :]}", pending
    )


def _kept(clarification: Clarification, slots: dict[str, Any], previous: Question | None) -> Clarification:
    """A person not found leaves the rest of the question, so "e o 7874?" next keeps its period."""
    period = slots.get("period") or (previous.period if previous is not None else None)
    if clarification.reason == "unknown_person" and clarification.pending is None:
        return replace(clarification, pending=Question("total_hours", period=period))
    if clarification.pending is not None and clarification.pending.kind == "total_hours":
        return replace(clarification, pending=replace(clarification.pending, period=period))
    return clarification


def _or(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " ou " + items[-1]


# -- open periods ("desde 12/11", "até 15/10") --------------------------------------------------

_SINCE = re.compile(r"\b(?:desde|a partir d[eoa]s?|apos|depois d[eoa])(?: (?:o )?dia)?\s*$")
_UNTIL = re.compile(r"\b(?:ate|antes d[eoa])(?: (?:o )?dia)?\s*$")


def _open_ended(db: Dataset, rest: str, found: Found, today: date) -> tuple[Period, str] | None:
    """A period written after "desde" / "até": open at one end, closed against the data; and the words said."""
    said = found.text.strip()
    if said.startswith(("desde ", "ate ")):
        before, said = said.split(" ", 1)[0], said.split(" ", 1)[1]  # "desde segunda": the weekday read it
        opened = Period(found.period.start, max(today, found.period.start))
        return (opened, "") if before == "desde" else None
    before = rest[: rest.find(f" {said} ") + 1] if f" {said} " in rest else ""
    if (match := re.search(r"\b(?:apos|depois)\s*$", before)) and said.startswith(("do ", "da ", "de ")):
        # "depois do dia 10 até hoje": the range said, from the day after
        start = found.period.start + timedelta(days=1)
        return Period(min(start, found.period.end), found.period.end), match.group(0)
    if match := _SINCE.search(before):
        # "depois do dia 10" / "após outubro" leave the day or month said out, as "antes de" does
        start = found.period.end + timedelta(days=1) if match.group(0).startswith(("apos", "depois")) else None
        start = start or found.period.start
        if start > today:
            raise InvalidQuery(f"Não há apontamentos depois de {found.period.end:%d/%m/%Y}.")
        return Period(start, today), match.group(0)
    if match := _UNTIL.search(before):
        first = db.first_day or found.period.start
        end = found.period.start - timedelta(days=1) if match.group(0).startswith("antes") else found.period.end
        if end < first:
            raise InvalidQuery(f"Não há apontamentos antes de {found.period.start:%d/%m/%Y}.")
        return Period(min(first, end), end), match.group(0)
    return None


# -- compositions -----------------------------------------------------------------------------

# Catalogue kinds that already answer a breakdown as asked (the composition is used for the rest).
_LEGACY_GROUPS = {
    "person": frozenset({"hours_by_person", "ranking", "contract_resources", "people_by"}),
    "contract": frozenset({"list_contracts", "contract_ranking", "resource_contracts", "unvalidated"}),
    "client": frozenset(),
    "activity": frozenset(
        {"activity_breakdown", "activity_distribution", "activity_ranking", "activity_list", "person_activities"}
    ),
    "day": frozenset(
        {"resource_days", "hours_per_day", "missing_days", "days_above", "weekend_work", "holiday_work", "open_spans"}
    ),
    "week": frozenset({"week_comparison"}),
    "month": frozenset(),
    "weekday": frozenset(),
}
_RANKING_KINDS = frozenset({"ranking", "hours_by_person", "contract_resources", "contract_ranking", "activity_ranking"})
_FILTER_SLOTS = ("person", "contract", "activity", "technology", "profile", "level", "weekday", "validated")
_NEW_FILTERS = ("activity", "profile", "level")  # filters the catalogue's rankings cannot take


def _compose(
    db: Dataset,
    read: compose_words.Read,
    slots: dict[str, Any],
    rest: str,
    text: str,
    previous: Question | None,
    kind: str | None,
    every_activity: bool = False,
) -> Understood | None:
    """The composition the question asks for, a Clarification, or None for a catalogue kind (`kind`: the
    catalogue's reading of the same words; `every_activity`: "todas as atividades" after an activity)."""
    if previous is not None and previous.kind in STATIC:
        previous = None
    follow_up = previous is not None and _follows(text)
    legacy = _refine(kind, slots, rest)
    if read.share and legacy == "people_by" and not read.measure and re.search(r"\bhoras?\b", text):
        legacy = None  # "qnts % das horas foram de java?": Java's part of the hours, not how many people
    if read.working_weekdays and legacy == "working_days":
        legacy = None  # "qual dia útil eu menos trabalho?": the words were the weekdays compared
    # "qnts horas no total?" after who did an activity: what is left of the question is how much, in hours
    bare = previous is not None and not any(slots.get(n) for n in SUBJECT) and set(read.rest.split()) <= _HOW_MUCH_WORDS
    own_question = slots.get("hours") is not None or read.measure is not None  # "e no total, qnts passaram de 9h?"
    own_question = own_question or bool(slots.get("among"))  # "e ela x a Giovana no total?": the two, overall
    # "e no total, qnts dias de trabalho em feriado?" after the holidays: that count, not a sum of the list
    own_question = own_question or (legacy in _COUNTING_KINDS and (previous is None or previous.kind != legacy))
    if again_activity_of(previous, slots) and read.measure in (None, "hours") and slots.get("hours") is None:
        own_question = False  # "qnts horas de deploy no total?" after who did deploys: their hours, summed
    total_of = (read.total or every_activity) and not read.share  # "a fatia de X no total": a share, not a sum
    # "quantas horas de treinamento no total?" after its people: the activity talked about, summed
    again_activity = again_activity_of(previous, slots)
    if total_of and (follow_up or bare or again_activity) and not read.group and not read.rank and not own_question:
        back_to_whole = previous is not None and previous.person and previous.contract and not slots.get("person")
        back_to_whole = back_to_whole and not slots.get("activity") and not read.share
        if back_to_whole and read.measure is None and _WHOLE_CONTRACT_SAID.search(text):
            # "volta pro contrato todo, e em novembro como tá?" after one of its people's weeks: the contract's total
            period = slots.get("period") or previous.period  # type: ignore[union-attr]
            return Question("total_hours", contract=previous.contract, period=period)  # type: ignore[union-attr]
        if previous is not None and previous.kind == "expected_vs_worked" and slots.get("contract"):
            # "e o 7712 todo junto?" after one person's expected hours: the contract's team against the same
            return replace(previous, person=None, asker=False, contract=slots["contract"], page=0)
        all_of_his = slots.get("everyone") and _ROLE.get() == "gestor" and not slots.get("contract")
        if previous is not None and previous.contract and all_of_his and read.total:
            # "e o total dos meus contratos nesse período" after one of them: his contracts summed
            return _total_of(replace(previous, contract=None), every_activity, True, read.total)
        if previous is not None and previous.contract and _ALL_CONTRACTS.search(text):
            # "e somando todos os contratos?" after the 8446's open spans: the same question, every contract
            return replace(previous, contract=None, page=0)
        same_question = "period" not in slots and not re.search(r"\bhoras?\b", text)  # else a question of its own
        if previous is not None and (previous.person or previous.asker) and slots.get("everyone") and same_question:
            # "e meu time todo, somando os dois contratos?" after my own week: everyone's, the same question
            contract = slots.get("contract") or previous.contract  # "e o 8246 no geral?": its people, all of them
            return replace(previous, person=None, asker=False, everyone=True, contract=contract, page=0)
        if previous is not None and previous.measure in _EVER_MEASURES and not every_activity:
            # "qnts horas no total?" after my first or last day: my hours, all of them ("… de treinamento no
            # total?" after the last day of it: that activity's; "ela tem no total?" after her first code review: all)
            return Question(
                "compose",
                person=previous.person,
                contract=slots.get("contract") or previous.contract,
                activity=slots.get("activity"),
                period=slots.get("period") or previous.period,
                output="value",
            )
        asked_hours = bool(re.search(r"\b(?:horas|tempo|total geral)\b", text))  # "e o total geral de outubro?"
        total = _total_of(previous, every_activity, asked_hours, read.total)  # type: ignore[arg-type]
        if isinstance(total, Question) and total.kind == "compose" and slots.get("basis"):
            total = replace(total, basis=slots["basis"])  # "e o total geral líquido" after her months in gross hours
        named = {name: slots[name] for name in (*_FILTER_SLOTS, "period") if slots.get(name) is not None}
        averaged = previous is not None and (previous.kind in _AVERAGES or previous.kind == "hours_by_person")
        # "e no 8302 todo" after its client contract's testing hours: the same question over the whole contract
        widened = bool(named.get("contract")) and _CONTRACT_WHOLE.search(text) is not None and not every_activity
        by_activity = previous is not None and (previous.group == "activity" or previous.kind in _ACTIVITY_LISTS)
        widened = widened and previous is not None and bool(previous.activity or by_activity)
        # "e qto o 8446 inteiro gastou com isso?" after the 8446's top 5 in it: its total, not the top 5 again
        widened = widened and (named.get("contract") != previous.contract or bool(previous.person))  # type: ignore[union-attr]
        if (averaged or widened) and any(name in named for name in SUBJECT):
            # "e do contrato dela inteiro?" after her hours per day: the contract's, per day; "e no 8033 todo?"
            # after the average per person of one of its client contracts: the same for all of it
            cleared = dict.fromkeys(("person", "contract", "technology", "profile", "level"))
            return replace(previous, **{**cleared, **named}, page=0)  # type: ignore[arg-type]
        activity_said = previous is not None and bool(named.get("activity")) and named["activity"] == previous.activity
        if activity_said:
            del named["activity"]  # "quantas horas de treinamento no total?" after its people: that activity's total
        if read.weekday is not None:
            named["weekday"] = read.weekday  # "somando todos os domingos desde setembro"
        if (
            previous is not None
            and previous.among
            and previous.group
            and set(named) == {"period"}
            and db.first_day is not None
            and named["period"].start <= db.first_day  # all the data, as `dates` reads "desde o início"
        ):
            # "e no total, desde o início dos dados?" after two contracts side by side: the same two, all the data
            return replace(previous, period=named["period"], page=0)
        if not named and isinstance(total, Clarification) and previous.kind == "total_hours" and previous.person:
            # "e no total?" after her October hours: all her hours; a contract's month is asked (all time, or
            # every contract that month?)
            return replace(previous, period=None, versus=None, page=0)
        if not named:
            return total
        if previous is not None and previous.output == "share" and named.get("contract"):
            # "e considerando o contrato 7951 inteiro?" after a share of hers: the same part of the contract
            if named.get("person"):
                # "e a parte da Sofia no total do contrato" after an activity's part of it: her part of the contract
                cleared = dict.fromkeys(("technology", "profile", "level", "activity", "share_of"))
                return replace(previous, **{**cleared, **named}, part="person", page=0)
            return replace(previous, **{**dict.fromkeys(("person", "technology", "profile", "level")), **named})
        if (
            isinstance(total, Question)
            and previous is not None
            and previous.kind == "weekend_work"
            and "period" in named
        ):
            total = replace(total, weekday=None)  # "e quantas horas registrei em outubro, no total?": all of October
        if isinstance(total, Question):
            only_narrowing = set(named) & set(SUBJECT) <= {"technology", "profile", "level"}
            if any(name in named for name in SUBJECT) and not only_narrowing:
                # "e o total dela?": her total, not the contract's ("e o pessoal de QA?" narrows it instead)
                total = replace(total, **dict.fromkeys(("person", "contract", "technology", "profile", "level")))
                if _listed_people(previous) and not activity_said:  # type: ignore[arg-type]
                    # her row of a list inside an activity was its figure already: her total is every activity
                    total = replace(total, activity=None, share_of=None)
            return replace(total, **named)
        if named.get("contract") and not read.rest.split():
            return Question("total_hours", **named)  # "e o contrato 7689 inteiro em outubro?": its total
        read.total = False  # "e quantas horas ela fez no total essa semana?": a question of its own
    if read.second_group:
        first, second = (GROUPS[g].label for g in (read.group, read.second_group))  # type: ignore[index]
        return Clarification(
            "not_understood",
            f"Não consigo dividir {first} e {second} ao mesmo tempo. Qual das duas divisões prefere? "
            f"Por exemplo: “horas {first} em outubro” ou “horas {second} em outubro”.",
        )
    recomposed = follow_up and previous is not None and previous.kind == "compose"
    if follow_up and previous is not None and previous.kind == "resource_days" and slots.get("activity"):
        if read.group is None and not (read.measure or read.total or read.rank or read.share):
            read.group = "day"  # "então só os dias com code review" after his days: those days, each
    counted_before = previous is not None and previous.measure == "entries"
    if recomposed and counted_before and read.measure is None and re.search(r"\b(?:liquid|brut)\w*", text):
        read.measure = "hours"  # "e desde 12/11 quanto foi de líquido?" after its entries: the hours
    # "e por quantidade de apontamento?" after the activities, "e por qtd de gente" after the contracts by hours:
    # the same list, each row counted
    listed_by = None
    if previous is not None and previous.kind in _ACTIVITY_LISTS:
        listed_by = "activity"
    elif previous is not None and (previous.kind == "contract_ranking" or previous.group == "contract"):
        listed_by = "contract"
    counted = re.search(r"\b(?:por|em) (?:quantidade|numero|qtd|apontamentos|pessoas)\b", text)
    if follow_up and listed_by and read.group is None and counted and read.measure in ("entries", "people"):
        if not slots.get(listed_by):
            read.group = listed_by
    # "e quantos dias?" measures the same breakdown; "e qnts dias ela trabalhou no mês?" names a measure, whom
    # and when: a question of its own, not the previous breakdown
    anew = bool(read.measure) and any(slots.get(name) for name in (*SUBJECT, "period"))
    if slots.get("among") and slots["among"][0] in db.resources:
        read.group, read.said_group = "person", True
        before = None if previous is None else previous.measure if previous.kind == "compose" else None
        before = before or (_MEASURE_OF.get(previous.kind) if previous is not None else None)
        if read.measure is None and before and _COMPARED_WITH.search(text):
            read.measure = before  # "compara com a Júlia" after her hours per day worked: that measure, each
    elif slots.get("among"):
        read.group = "client" if q.contract_ref(db, slots["among"][0]).kind == "cliente" else "contract"
        read.said_group = True
    if read.group == "contract" and isinstance(db, ScopedDataset) and _client_contracts_only(db):
        read.group = "client"  # "compara os meus dois contratos" from a gestor of two client contracts: those
    listed = (_KIND_GROUPS.get(previous.kind) or previous.group) if previous is not None else None
    if read.group in ("person", None) and listed not in (None, "person") and _EACH_OF_THEM.search(text):
        read.group = listed  # "qnts pessoas apontaram em cada um?" after the contracts: each contract
    which_of_them = read.rank and read.group is None and _has(text, "qual", "quais", "deles", "delas")
    if previous is not None and which_of_them and listed in ("contract", "client"):
        read.group = listed  # "qual teve mais gente?" after the contracts: which contract
    if follow_up and previous is not None and read.inferred and previous.kind in _KIND_GROUPS:
        read.group = _KIND_GROUPS[previous.kind]  # "e os 3 com menos?" after contracts ranks contracts
    if recomposed and previous is not None and slots.get("activity") and previous.group == "activity":
        if read.group is None:
            read.group = "none"  # "e quanto foi de deploy?" after the activities: that one activity
    if recomposed and previous is not None:
        if read.weekday is None and previous.weekday and (day := _bare_weekday(read.rest)):
            read.weekday = (day,)  # "e domingo?" after "aos sábados"
        which_day = any(re.fullmatch(r"(?:qual|que|em que)(?: foi)?(?: o)? dia", said) for said in read.said)
        which_day = which_day or bool(re.search(r"\b(?:qual|que|em que)(?: foi)?(?: o)? dia\b", read.rest))
        # ("e qual foi o dia com menos horas lá?" after the weekdays: a date, as the past tense says)
        a_date = (which_day and _has(text, "foi")) or _has(
            text, "dia do mes"
        )  # "e qual foi o dia com mais horas em outubro?", "e qual dia do mês…"
        a_date = a_date or bool(_A_DATE_NOT_A_WEEKDAY.search(text))
        if (
            read.group == "day"
            and not a_date
            and (
                previous.group in ("weekday", "week", "month")
                and not read.said_group
                and not (which_day and previous.group != "weekday")
                or previous.group == "weekday"
                and which_day
            )
        ):
            # "e o dia que menos?", "e qual o dia mais fraco?" after the weekdays: the weekday ("e qual foi o
            # dia que eu mais trabalhei?" after the weeks: a day)
            read.group = previous.group
        of_activity = read.share and slots.get("activity")  # "e que % dele foi reunião?": one part, not per group
        # "qto isso representa do total do contrato?" after an activity's people: the activity's part, once
        of_activity = of_activity or (read.share and previous.activity and _has(text, "isso", "disso"))
        of_activity = of_activity or (read.share and read.weekday is not None)  # "qnt % foi nas sextas?": one part
        # "e qnts % das horas do 8447 em outubro são dela?" after her months: one month's part, not each month's
        one_of_them = previous.group in ("month", "week") and slots.get("period") and not read.said_group
        of_activity = of_activity or bool(read.share and one_of_them and _within_one(slots["period"], previous.group))
        remeasured = read.measure and not anew
        # "e em horas?" after the activities counted in entries: the same breakdown, in hours
        remeasured = remeasured or (
            previous.measure not in (None, "hours") and re.search(r"\b(?:em|por) horas\b", text)
        )
        # "ela tem algum apontamento pendente?" after her weekdays: whether she has any, not per weekday
        any_at_all = read.group is None and not read.rank and re.search(r"\b(?:tem|teve|ha|existe) algu[mn]", text)
        if any_at_all:
            read.group = "none"
        if read.group is None and read.measure == "people" and _HOW_MANY_PEOPLE.search(text):
            read.group = "none"  # "qnts pessoas apontaram nele?" after its weeks: how many in all, not per week
        entries_in_all = re.search(r"\bquant\w* apontamentos (?:foram|foi|deu|deram|teve|tiveram)\b", text)
        if read.group is None and read.measure == "entries" and entries_in_all and previous.group in _CALENDAR_GROUPS:
            read.group = "none"  # "e qnts apontamentos foram?" after its weeks: how many in all
        people_named = read.group == "person" and re.search(r"\b(?:pessoas|recursos|nomes|quem)\b", text) is not None
        plural_verb = re.search(r"\b(?:que|q) (?:mais|menos) (?:apontaram|trabalharam|fizeram)\b", text)
        counted = re.search(r"\bquant\w* (?:apontamentos|registros|lancamentos)\b", text) is not None
        ranked = previous.group in ("contract", "client") and bool(previous.limit) and not previous.among
        if counted and ranked and read.group is None and not read.rank:
            read.group = "none"  # "e qnts apontamentos foram nessas sextas?" after the contracts ranked: how many
        if re.search(r"\branking d[oa]s? (?:pessoal|pessoas|recursos|equipe|time|galera)\b", text):
            read.group, read.inferred = "person", False  # "ranking do pessoal de lá" after its weeks: its people
        if read.measure in ("avg_day", "avg_person") and previous.group == "day" and not read.said_group:
            read.group = "none"  # "e média por dia trabalhado" after her strongest day: one average
        if read.measure == "days" and previous.group == "day" and read.group is None and not read.rank:
            read.group = "none"  # "e em qnts dias teve apontamento" after the busiest day: how many days in all
        if read.group == "person" and plural_verb and previous.group in _CALENDAR_GROUPS:
            read.inferred = False  # "agora os cinco q menos apontaram" after the months: people, not months
        other_contract = slots.get("contract") and slots["contract"] != previous.contract and previous.group != "person"
        if people_named and other_contract:
            read.inferred = False  # "e o segundo, top 3 pessoas" after the contracts: that contract's people
        summed = read.total and not read.rank  # "e qntos apontamentos no total" after a ranking: one figure
        # "média por pessoa no mesmo período" after the weeks: only the period is kept, one figure
        same_period = re.search(r"\bmesmo periodo\b", text) is not None
        # "média por pessoa nesse período" after the strongest weekday: one average over the period
        same_period = same_period or (
            read.measure == "avg_person" and re.search(r"\bness?e periodo\b", text) is not None
        )
        summed = summed or (same_period and not read.said_group and not read.rank)
        if previous.group and (read.group is None or read.inferred) and (read.rank or remeasured or read.share):
            read.group = "none" if of_activity or summed else previous.group  # "e o dia que menos?": the same
        a_day = r"\b(?:o|meu|seu|qual|que) dia\b(?! da semana)|\bdia mais\b"  # "qual foi meu dia mais puxado"
        if read.group in ("week", "month") and read.rank and re.search(a_day, text):
            read.group = "day"  # "e o dia q ele mais trabalhou no mês" after his weeks: a day, not a week
        said_weekdays = re.search(r"\bdias? da semana\b", text) is not None  # "quebra por dia da semana, qual o dia …"
        if read.group == "weekday" and read.rank and _A_DATE_NOT_A_WEEKDAY.search(text) and not said_weekdays:
            read.group = "day"  # "e o dia com mais horas do mês" after the weekdays: a date
        if read.measure == "people" and read.group == "person":
            read.group = None  # "quantas pessoas?" after a ranking of people counts them
        by_person = read.group is None or (read.group == "person" and not read.said_group)
        if slots.get("person") and previous.group == "person" and by_person and not read.rank:
            read.group = "none"  # "e ela fez quantos apontamentos?" after a list of people: her figure alone
        if read.group is None and not (read.rank or read.measure or read.share) and _HOW_MUCH.search(read.rest):
            read.group = "none"  # "e eu, quanto fiz em outubro?" after hours by week: one figure, not the weeks
    bounded = slots.get("hours") is not None or slots.get("below") is not None
    if bounded and read.group is None and _team_days(slots, rest):
        read.group = "day"  # more hours than a day has: the day's total over everyone asked about
    if read.weekday and read.group is None and not read.measure and _WHO_WORKED.search(text):
        read.group = "person"  # "quem trabalhou nas sextas de outubro?": who, each with those days' hours
    if bounded and read.group is None and legacy != "days_above" and _WHO_BOUNDED.search(rest):
        read.group = "person"  # "quem passou de 150 horas em outubro": each person's hours, bounded
    if legacy == "unvalidated" and _VALIDATED_YES.search(text) and not _VALIDATED_NO.search(text):
        read.validated = True  # "quantas horas foram validadas": the validated ones, not the pending ones
        read.measure = read.measure or ("entries" if not re.search(r"\bhoras\b", text) else None)
    pending_hours = legacy == "unvalidated" and not read.validated and re.search(r"\bquant\w* horas\b", text)
    if pending_hours and read.measure in (None, "hours") and not re.search(r"\bapontamentos\b", text):
        read.validated, read.measure = False, "hours"  # "quantas horas sem validar?": those entries' hours
    # "e do time todo do 8302?" after a share names a new subject, not the catalogue's list of its people
    team_subject = legacy == "contract_resources" and not _has(rest, "quem", "quais", "quant\\w*", "lista\\w*")
    again = recomposed and (legacy in _RECOMPOSABLE or read.weekday is not None or team_subject)
    if not again and not _composes(read, slots, legacy, previous, follow_up):
        return None
    weekdays_ranked = previous is not None and previous.group == "weekday" and previous.limit is not None
    yes_or_no = not (read.rank or read.group or read.measure or read.share) and not _has(text, "quant\\w*", "horas?")
    if legacy == "weekend_work" and weekdays_ranked and yes_or_no and _has(text, "trabalh\\w*", "apont\\w*"):
        return None  # "o pessoal de lá trabalha sábado/domingo?" after the weekdays ranked: the weekend days worked
    if legacy in ("missing_days", "days_above") and read.measure == "people" and read.group in (None, "day", "person"):
        # "quantas pessoas deixaram de apontar em algum dia?", "e quantas pessoas passaram de 10h em algum dia"
        # after a contract's days: the catalogue counts them
        return None
    days_of_activity = legacy == "resource_days" and read.group == "day" and bool(slots.get("activity"))
    if legacy == "resource_days" and read.group == "day" and not slots.get("activity") and not read.rank:
        return None  # "a que horas entrei em cada dia da semana passada?": the catalogue lists each day already
    if (
        not again
        and legacy not in _COMPOSABLE
        and legacy not in _READ_AS.get(read.measure or "", ())
        and not days_of_activity
    ):
        if legacy in _MEASURE_OF and read.measure in (None, _MEASURE_OF[legacy]):
            read.measure = _MEASURE_OF[legacy]  # "quem esqueceu a saída por mês?": open spans by month
        elif not (legacy == "unvalidated" and read.validated is not None):
            # "dias úteis por semana": the composition would count hours, another question; say so
            if not read.said:
                return Clarification("not_understood", NOT_UNDERSTOOD)
            return _cannot_apply(read.said[0], text)
    if bounded and not (read.group or (recomposed and previous and previous.group)):
        return _cannot_apply("mais de" if slots.get("hours") is not None else "menos de", text)
    activity_list = previous is not None and (
        previous.kind in _ACTIVITY_LISTS or (previous.kind == "compose" and previous.group == "activity")
    )
    if read.share and read.group is None and activity_list and not previous.activity:
        if not (slots.get("activity") or _activity_terms(db, read)):
            read.group = "activity"  # "em %?" after the activities' hours: each activity's part
    someone_of_it = previous is not None and bool(previous.contract) and not previous.person and slots.get("person")
    his_part = read.share and not read.said_group and someone_of_it
    his_part = his_part and re.search(r"\b(?:n|d)?isso\b|\bdo total\b", text) is not None
    if his_part:
        read.group = None  # "qual o % do leonardo nisso" after the 8556's weeks: his part of its total, one figure
    named_part = read.share and read.group in (None, "none")
    whole_contract = previous.contract if previous is not None and follow_up else None
    if named_part and read.weekday is None and previous is not None and previous.weekday and _THAT.search(text):
        read.weekday = previous.weekday  # "qnto isso representa do total do mês?" after the weekends' hours
    her_part = named_part and previous is not None and previous.person and previous.contract and not previous.activity
    if her_part and _THAT.search(text) and not slots.get("person") and read.weekday is None:
        # "e qnto isso representa do contrato?" after my hours in the 7873: my part of the 7873's hours
        slots = {**slots, "person": previous.person}
    with_whole = {**slots, "contract": slots.get("contract") or whole_contract}
    part = _share_part(db, read, with_whole, text) if named_part else None
    their_role = next((n for n in _ROLE_SLOTS if previous is not None and getattr(previous, n)), None)
    role_talk = their_role and not (previous.person or previous.activity)  # type: ignore[union-attr]
    if part is None and named_part and role_talk and _THAT.search(text):
        if not (slots.get("activity") or _activity_terms(db, read) or slots.get("person")):
            # "e qnto isso dá em % do total de outubro?" after Java's hours: Java's part of everyone's
            part, slots = their_role, {**slots, their_role: getattr(previous, their_role)}
    talked = previous.contract if previous is not None else None
    if (
        part == "contract"
        and str(talked or "")[:1].upper() == "E"
        and slots.get("contract") != talked
        and _THAT.search(text)
    ):
        # "e qnt % isso é do 7873?" after its client contract's hours: a part this engine cannot take
        return Clarification("not_understood", CLIENT_SHARE)
    if part is not None:
        named_part = False  # the part is a filter the question names (its weekday, person or contract)
        slots = {**slots, "part": part, "share_of": None}
        if part == "person" and not slots.get("contract"):
            slots["contract"] = whole_contract  # "e eu, qnts % fiz do total do time?": of the contract talked about
    if named_part:
        share = _share_words(db, read, slots, previous, text)
        if isinstance(share, Clarification):
            return share
        slots = {**slots, "share_of": share, "activity": None}
        read.rest = " ".join(w for w in read.rest.split() if w not in share.split())
    unknown = [w for w in read.rest.split() if not _known(w)]
    if unknown:
        return _kept(_not_understood(db, read.rest.split(), unknown), slots, previous)
    split_before = previous is not None and previous.output == "share"
    split_before = split_before and (previous.group == "activity" or bool(previous.share_of))  # type: ignore[union-attr]
    if split_before and named_part and not any(slots.get(name) for name in SUBJECT):
        follow_up = True  # "qnto % foi reunião nesse mês" after her time split by activity, in %: her part
    values = _inherited(slots, read, previous, follow_up)
    if read.share and read.weekday is None and previous is not None and previous.part == "weekday":
        values["weekday"] = None  # "e qnt % foi da Carla?" after the weekends' part of the 8033: her part of it all
    if named_part:
        values["activity"] = None  # "e qnts % foi reunião?" after a question about bugs: reunião's part of all
        if previous is not None and previous.part == "person" and not slots.get("person"):
            values["person"] = values["part"] = None  # "e suporte, qto % foi?" after Márcia's part of the 8422
        if previous is not None and previous.part == "weekday" and read.weekday is None:
            values["weekday"] = values["part"] = None  # "e reunião, qnt % foi?" after the Mondays' part: of all
    if read.group == "weekday" and "period" not in slots and _HABITUAL.search(text) and not follow_up:
        values["period"] = None  # "qual dia da semana eu mais trabalho?": a habit, over all the data
    if anew and read.weekday is None:
        values["weekday"] = None  # "e qnts dias eu trabalhei em novembro?" after the weekdays: every day
    for grouped, name in (("contract", "contract"), ("client", "contract"), ("person", "person")):
        if read.group == grouped and slots.get(name) is None:
            values[name] = None  # "top 5 contratos" after a question about 8600 ranks all contracts
    if read.group == "activity" and slots.get("activity") is None:
        values["activity"] = None
    if read.group == "weekday" and read.weekday is None:
        values["weekday"] = None  # "qual dia da semana ele mais trabalhou?" after "nas segundas": every weekday
    listed = _NAMED_CONTRACTS.get()
    drilled_in = previous is not None and previous.contract in listed and len(listed) >= 3 and not previous.person
    # ("quem puxou mais horas nele? top 3" is about its people)
    drilled_in = drilled_in and not _has(text, "quem", "pessoas", "recursos", "nele", "nela", "la", "dele", "dela")
    if drilled_in and read.rank and not read.said_group and slots.get("limit") and not slots.get("contract"):
        # "agora só outubro, os 5 q menos tiveram hora" after one of the contracts month by month: the contracts
        read.group, values["contract"] = "contract", None
    contracts_ranked = previous is not None and _listed_contracts(previous)
    one_of_them = contracts_ranked and bool(slots.get("contract")) and not slots.get("person")
    if one_of_them and read.rank and read.group in (None, "contract") and not read.said_group and slots.get("limit"):
        read.group = "person"  # "só no 8446, top 3 de horas esse mês" after the contracts ranked: its people
    group = read.group if read.group is not None or not recomposed or anew else previous.group  # type: ignore[union-attr]
    ranked_anew = not read.said_group and group in _CALENDAR_GROUPS
    # "e ranking do E8889348 em outubro", "e o top 3 do 8422 em novembro" after its weeks: its people ranked
    ranked_anew = ranked_anew and re.search(r"\branking\b|\btop \d+ d[oa] (?:contrato )?(?:\d{4}|e\d{7})\b", text)
    if ranked_anew and not values.get("person"):
        group = "person"  # "e ranking do E8889348 em outubro, top 5" after her weeks: its people ranked
    if his_part:
        group = None
    if group is None and read.rank and not values.get("person") and re.search(r"\b(?:ranking|top \d+)\b", text):
        group = "person"  # "e o ranking em horas brutas, top 5" after three of a ranking summed: people ranked again
    contracts_shown = previous is not None and previous.kind in ("list_contracts", "contract_ranking")
    if group == "person" and not read.said_group and contracts_shown and _WHICH_OF_THEM.search(text):
        group = "contract"  # "quais os 3 com mais horas" after the contracts of last week: 3 of those contracts
    if group == "none" or (group == "person" and values.get("person") and not read.said_group):
        group = None  # "e ele, quanto fez?" after a ranking: his figure, not a ranking of one
    if group in ("contract", "client") and values.get("contract") and not read.said_group:
        group = None  # "e o 8447?" after two contracts side by side: its figure, not a breakdown of one
    in_all = r"\bquant\w* \w+ (?:disso|nisso)\b|\bquant\w* apontamentos\b(?:(?! cada| por).)* foram\W*$"
    if group == "person" and not read.said_group and re.search(in_all, text):
        group = None  # "qnts apontamentos disso", "e quantos apontamentos de deploy foram" after who did deploys
    if group == "person" and not read.said_group and re.search(r"\bo contrato (?:todo |inteiro )?(?:teve|tem)\b", text):
        group = None  # "qnts apontamentos o contrato teve nessa quinzena" after its bottom two: the contract's
    if group in _CALENDAR_GROUPS and not read.said_group and "versus" in slots and "lado a lado" in text:
        group = None  # "só setembro e outubro lado a lado" after her months: the two, each one figure
    limit = read.limit or slots.get("limit")
    # ("e os que menos?" after the catalogue's top 10: the ten with least)
    ranked = follow_up and previous is not None and previous.kind == "ranking" and bool(previous.limit)
    shown_group = "person" if ranked else getattr(previous, "group", None)
    if (recomposed or ranked) and limit is None and previous is not None and group == shown_group:
        every_row = _EVERY_ROW.search(text) or (read.said_group and not read.rank)  # "e por dia, só semana passada"
        if (not read.rank or not read.singular) and not every_row:
            limit = previous.limit  # "e os que mais?" after the 3 with least: the other end, as many
    if slots.get("hours") is not None and previous is not None and previous.hours is None and not read.rank:
        limit = None  # "e em quais dias passou de 200h?" after the day with least: every day above the bound
    if group is None:
        limit = None
    if limit is None and read.singular and read.rank and group != "person":
        limit = 1
    said_limit = read.limit or slots.get("limit")
    if values.get("among") and not (said_limit and said_limit < len(values["among"])):
        # the people or contracts compared are all shown, the first being the answer ("e os 3 q menos" after the
        # ranking of eight listed: three of them)
        limit = None
    # "e eu, qnt fiz de deploy?" after deploy's share: my hours; "e reunião?" after it: reunião's share
    own_figure = re.search(
        r"\b(?:quant\w*|qnt\w*) (?:\w+ ){0,2}(?:fiz|fez|fizeram|trabalhei|trabalhou|apontei|apontou)\b",
        text,
    )
    # "e qnt tempo foi só de treinamento?" after each activity's part: that activity's hours ("quanto disso é
    # reunião?" is its part; "e reunião, qnto foi?" after one activity's part is reunião's part)
    amount = (
        r"(?:de )?(?:tempo|horas?)"
        if previous is None or previous.group != "activity"
        else r"(?:de )?(?:tempo|horas?)|foi|deu"
    )
    hours_of_named = slots.get("activity") and re.search(
        rf"\b(?:quant\w*|qnt\w*) (?:{amount})\b(?! (?:disso|desse|dessas?|do total))", text
    )
    share = read.share or (
        recomposed
        and previous is not None
        and previous.output == "share"
        and not read.measure
        and not read.rank
        and not own_figure
        and not hours_of_named
        # "e a ana, por semana" after Thiago's part of the contract: her weeks (no part is drawn week by week)
        and not (read.said_group and read.group in _CALENDAR_GROUPS and previous.part == "person")
    )
    if part is None and share and read.weekday is not None and previous is not None and not slots.get("person"):
        if previous.part in ("person", "weekday"):
            part = "weekday"  # "e das sextas?" after Ana's part of the 8422: the Fridays' part of it
    if part is not None:
        values["part"], values["share_of"] = part, None
        if part == "weekday":
            values["weekday"] = read.weekday
            if previous is not None and previous.part == "person" and not slots.get("person"):
                values["person"] = None  # "e das sextas?" after Ana's part of the 8422: the Fridays' part of it
    elif not share or values.get("share_of"):
        values.pop("part", None)  # a part asked before is not this question's
    if not share and values.get("share_of"):
        # "e quem mais fez code review lá?" after its share: the part becomes the filter of the new question;
        # "e eu, quanto fiz em outubro?": all my hours (an activity said again is in slots)
        part = values.pop("share_of")
        # ("e quem mais apontou lá nesse mês?" ranks everyone of the contract: the part was its numerator)
        ranks_all = read.group == "person" and read.rank is not None
        if read.group != "activity":  # "quais as 3 atividades que mais consumiram hora?" ranks all of them
            values["activity"] = values.get("activity") or (None if own_figure or ranks_all else part)
    weekdays_part = not share and previous is not None and previous.part == "weekday" and read.weekday is None
    if weekdays_part and own_figure:
        values["weekday"] = None  # "e eu, qnt fiz no mês?" after the weekends' part of the hours: all my month
    of_the_total = re.search(r"\bd?o total\b", text) is not None and previous is not None
    her_part_of_all = share and of_the_total and bool(previous.share_of and previous.contract)  # type: ignore[union-attr]
    her_part_of_all = her_part_of_all and bool(slots.get("person")) and not slots.get("activity")
    if her_part_of_all and not slots.get("contract"):
        # "e quanto do total foi só a Renata?" after an activity's part of the 8556: her part of the 8556
        values.update(contract=previous.contract, part="person", share_of=None, activity=None)  # type: ignore[union-attr]
    of_the_whole = re.search(r"\b(?:n?o contrato (?:todo|inteiro)|todo o contrato)\b", text) is not None
    if share and previous is not None and previous.part == "person" and slots.get("activity") and of_the_whole:
        # "e de testes integrados, no contrato todo" after Ana's part of the 8422: that activity's part of it all
        values.update(person=None, part=None, share_of=slots["activity"], activity=None)
    elif (
        share
        and previous is not None
        and previous.group == "activity"
        and slots.get("activity")
        and read.group in (None, "none")
        and re.search(r"\b(?:disso|desse total|do total)\b", text)
    ):
        # "quanto disso é reunião?" after each activity's part: that activity's part, one figure
        values.update(share_of=slots["activity"], activity=previous.activity)
        group = None
    elif recomposed and share and previous is not None and previous.share_of and not read.share and not her_part_of_all:
        values["share_of"] = slots.get("activity") or previous.share_of  # "e de reunião?" after a share
        if slots.get("activity"):
            values["activity"] = previous.activity
    # "qnto líquido no mês?": hours, whatever the previous answer counted
    said_hours = (
        re.search(r"\bhoras\b|\b(?:teve|tem|fez|mais|menos) hora\b|\bquanto (?:de )?(?:liquid|brut)\w*", text)
        or _HOURS_DONE.search(text)
    ) and not read.measure
    measure = read.measure or ("hours" if said_hours else None)
    kept = previous.measure if recomposed and previous else None
    if kept in (*_NOT_RANKED_BY, "days") and (_WHO_WORKED_MOST.search(text) or _MOST_WORKED.search(text)):
        # "e quem menos apontou?", "e qual o dia q eu mais trabalhei?" after a last day or a head count: hours,
        # the only thing ranked so
        kept = None
    if kept == "entries" and re.search(
        r"\bquem (?:mais|menos) (?:fez|trabalhou|apontou)\b|\bquem (?:fez|trabalhou) (?:mais|menos)\b"
        r"|\b(?:mais|menos) (?:trabalhei|trabalhou|trabalhamos|trabalharam)\b",  # "qual dia eu mais trabalhei": hours
        text,
    ):
        kept = None  # "quem mais fez isso lá?" after its count of entries: who did most of it, in hours
    if kept == "entries" and slots.get("activity") and re.search(r"\bquanto (?:foi|deu|tempo)\b", text):
        kept = None  # "quanto foi só de deploy?" after the activities counted: how much time, not how many
    if kept in _EVER_MEASURES and slots.get("among") and "period" in slots:
        kept = None  # "compara ele com o thiago … em outubro, lado a lado" after his last day: their hours
    regrouped = read.said_group and previous is not None and group != previous.group
    if kept == "entries" and regrouped and (slots.get("activity") or "period" in slots):
        # "e correção de bugs no 7873 mês a mês, desde o começo" after the activities counted: a new table, in hours
        kept = None
    who_now = kept == "entries" and read.measure is None and read.group is None and not read.rank
    if who_now and group is None and re.search(r"(?:^|\s)quem\W*$", text):
        measure, group = "hours", "person"  # "e essa semana, quem?" after its entries counted: who recorded, each
    measure = measure or kept or "hours"
    if share and not MEASURES[measure].additive:
        measure = "hours"  # "e qnts % foi desenvolvimento?" after an average per person: its part of the hours
    if bounded and measure == "people" and (slots.get("hours") or 0) <= 24 and slots.get("below") is None:
        # "quantas pessoas passaram de 8 horas ontem?": a day's hours, each person's days above it
        subject = {name: values.get(name) for name in ("person", "contract", "technology", "period")}
        return Question("days_above", hours=slots["hours"], **{k: v for k, v in subject.items() if v is not None})
    if bounded and measure == "people":
        # "quantas pessoas passaram de 150 horas?": the bound is on each person's hours; the rows are counted
        measure, group = "hours", group or "person"
    his_total = re.search(r"\bd[oa] (?:total|tempo|horas?) (?:dele|dela|meu|seu)\b", text)
    if share and his_total and values.get("person") and values.get("activity") and values.get("part") == "person":
        # "isso é qnts % do total dele no mês?" after his code review in the 8447: its part of all his hours
        values.update(share_of=values.pop("activity"), contract=None, part=None)
    if measure == "people" and group == "person" and not read.said_group:
        group, limit = None, None  # "quantas pessoas fizeram suporte?" after who did it: how many, not per person
    inherited_versus = bool(values.get("versus")) and "versus" not in slots and read.said_group
    if inherited_versus and group and "period" in slots and not _THESE_PERIODS.search(text):
        values["versus"] = None  # "mês a mês de tudo" after two months side by side: the period said, alone
    elif inherited_versus and group in _CALENDAR_GROUPS - {"weekday"} and values.get("period") and "cada" not in text:
        # "e mês a mês?" after two months side by side: a breakdown of both ("em cada mês" keeps them apart)
        both = (values["period"], values.pop("versus"))
        values["period"] = Period(min(p.start for p in both), max(p.end for p in both))
    of_all = re.search(r"\b(?:de todos|no geral|de todo o periodo|de toda a base)\b", text) is not None
    if of_all and read.rank and group in _CALENDAR_GROUPS and "period" not in slots:
        values["period"] = values["versus"] = None  # "e qual mês foi o maior de todos?" after two months: all of them
    inherited = values.get("period") if "period" not in slots else None
    if inherited is not None and group in ("month", "week") and _within_one(inherited, group):
        values.pop("period")  # "minhas horas mês a mês" after an October question: every month, not one
    if measure == "avg_person" and values.get("person") and "por pessoa" not in text:
        measure = "hours"  # "e do Thiago mês a mês" after the contract's average per person: his hours
    same_measure = previous is not None and previous.measure == measure
    same_measure = same_measure or (follow_up and previous is not None and previous.measure in _EVER_MEASURES)
    if measure in ("first_day", "last_day") and "period" not in slots and not same_measure:
        values.pop("period", None)  # "meu primeiro apontamento foi quando?" asks about all the data, not last week
    among = values.get("among") or ()
    if group == "person" and among and among[0] not in db.resources:
        # "quem mais trabalhou nos dois em outubro?" after the two contracts side by side: their people, all
        values["among"], among = None, ()
    if group in _CALENDAR_GROUPS and len(among) > 1 and among[0] in db.resources:
        # "e por semana?" after two people side by side: each one's weeks is a table the composition cannot draw,
        # and the two summed is not what was compared
        label = GROUPS[group].label
        return Clarification(
            "not_understood",
            f"Não consigo dividir {label} e por pessoa ao mesmo tempo. Pergunte por uma pessoa de cada vez, por "
            f"exemplo: “horas da {db.resources[among[0]].name.split()[0]} {label}”.",
        )
    # "semana a semana em outubro e novembro": one table over both ("lado a lado" keeps them apart)
    joined = read.group in ("day", "week", "month") and "versus" in slots and "lado a lado" not in text
    if values.get("versus") and values.get("period") and group and (joined or _THESE_PERIODS.search(text)):
        # "as 3 atividades que ele mais fez nesse período" after two months side by side: both months together
        both = (values["period"], values.pop("versus"))
        values["period"] = Period(min(p.start for p in both), max(p.end for p in both))
    # ("quebra ele por semana" after the five with least: his weeks in calendar order, not the least first)
    inherits_order = recomposed and previous is not None and not (group in _CALENDAR_GROUPS and limit is None)
    try:
        composition = Composition(
            measure=measure,  # type: ignore[arg-type]
            group=group,  # type: ignore[arg-type]
            order=read.rank or slots.get("order") or (previous.order if inherits_order else "desc"),  # type: ignore[arg-type]
            limit=limit,
            above=slots.get("hours") if group else None,
            below=slots.get("below") if group else None,
            output="share" if share else ("table" if group else "value"),
            **{k: v for k, v in values.items() if v is not None},
        )
    except ValueError:
        return Clarification("not_understood", NOT_UNDERSTOOD)
    if MEASURES[composition.measure].lookback and composition.period is None:
        # over all the data nobody "stopped" (there is no before): ask from when, keeping the rest
        return Clarification("period", SINCE_WHEN, question_of(composition))
    return question_of(composition)


def _half_month(period: Period) -> bool:
    """Whether `period` is the first or the second half of a month (1 to 15, 16 to its end or to today)."""
    same_month = (period.start.year, period.start.month) == (period.end.year, period.end.month)
    return same_month and period.start.day in (1, 16) and 9 <= (period.end - period.start).days <= 15


def _within_one(period: Period, group: str) -> bool:
    """Whether `period` lies inside one month (or one week): breaking it down by that unit shows one row."""
    if group == "month":
        return (period.start.year, period.start.month) == (period.end.year, period.end.month)
    return (period.end - period.start).days < 7 and period.start.weekday() <= period.end.weekday()


# The breakdown a catalogue kind's answer was, for a follow-up that re-ranks it ("e os 3 com menos?").
_KIND_GROUPS = {
    "list_contracts": "contract",
    "contract_ranking": "contract",
    "ranking": "person",
    "hours_by_person": "person",
    "contract_resources": "person",
    "activity_breakdown": "activity",
    "activity_ranking": "activity",
    "activity_list": "activity",
}

# Catalogue kinds whose question a composition can answer with its own measures (and the measure of those
# that count something else). A breakdown of any other kind ("feriados por mês") is declined, not composed.
_COMPOSABLE = frozenset(
    {None, "total_hours", "activity_hours", "ranking", "hours_by_person", "contract_resources", "list_contracts"}
    | {"contract_ranking", "activity_breakdown", "activity_ranking", "activity_list", "activity_distribution"}
    | {"person_activities", "contract_details", "period_summary", "weekend_work"}
)
_MEASURE_OF = {"open_spans": "open_spans", "hours_per_day": "avg_day"}
# Catalogue kinds whose words a measure's also are, where the measure is what was asked: "quantos dias ela
# trabalhou" (days with an entry, not hours per day), "quem parou de apontar" (nothing at all, not a missing day).
_READ_AS = {
    "days": frozenset({"hours_per_day", "resource_days"}),
    "idle_people": frozenset({"missing_days", "contract_resources"}),
    "avg_day": frozenset({"hours_by_person"}),  # "média por pessoa por dia": one figure, not a list of people
}

# Catalogue kinds a follow-up to a composition may name and still mean the composition with a change.
_RECOMPOSABLE = frozenset({None, "total_hours", "activity_hours", "ranking", "contract_details", "period_summary"})


def _composes(
    read: compose_words.Read, slots: dict[str, Any], legacy: str | None, previous: Question | None, follow_up: bool
) -> bool:
    """Whether the question is a composition rather than one of the catalogue's kinds."""
    new_filter = any(slots.get(name) for name in _NEW_FILTERS) or read.weekday is not None
    if (
        legacy in ("holidays", "working_days", "resource_days", "weekend_work")
        and slots.get("versus")
        and not read.group
    ):
        return False  # the calendar, or someone's days, of two periods: each period's own answer
    if slots.get("among"):
        return True  # contracts compared: only a composition shows just them
    if legacy == "unvalidated" and read.validated is False and read.measure == "hours":
        return True  # "quantas horas sem validar?": the catalogue counts the entries, not their hours
    activity = slots.get("activity") or (follow_up and previous is not None and previous.activity)
    if activity and slots.get("technology") and legacy in (None, "activity_hours", "total_hours"):
        return True  # "e só do pessoal de QA?" after the testing hours: the catalogue counts activities for all
    if follow_up and previous is not None and read.measure and not (read.group or read.rank):
        if legacy is None or previous.activity or previous.versus:
            # "e em apontamentos?", "e em pessoas?" after reunião's hours, "e a média por pessoa?" after two
            # months side by side: that measure, same filters
            return True
    weekend_again = previous is not None and previous.kind in ("holiday_work", "weekend_work") and follow_up
    hours_asked = re.search(r"\b(?:horas?|hrs?)\b", normalize(_ORIGINAL.get()))
    weekend_again = weekend_again and not hours_asked  # "e qntas horas nesses dias?": hours
    if weekend_again and read.weekday == (6, 7) and not (read.measure or read.group or read.rank or read.share):
        return False  # "e fim de semana esse mês, quantos?" after who worked on a holiday: the days worked, again
    if slots.get("versus") or read.measure in ("first_day", "last_day") or read.weekday is not None or read.share:
        return True
    if read.measure in _READ_AS and (legacy in _COMPOSABLE or legacy in _READ_AS[read.measure]):
        return True  # "quantos dias eu trabalhei em outubro": days with an entry, not the hours
    if read.group in ("month", "week", "weekday", "client"):
        return True
    if read.group == "day":
        # "me dá por dia quanto eu fiz de desenvolvimento": the catalogue's days of a person count every activity
        return not slots.get("person") or bool(read.rank) or bool(slots.get("activity"))
    if read.group in ("activity", "contract"):
        if read.group == "activity" and slots.get("activity"):
            return False  # "horas de reunião por atividade": the catalogue asks back
        extra = new_filter or slots.get("basis") == "gross" or read.rank == "asc" or read.limit
        extra = extra or (read.rank and legacy in ("activity_list", "list_contracts"))  # a list is not a rank
        # "e por atividade?" after DEVOPS's hours: theirs, which the catalogue's breakdown cannot narrow to
        roles = previous is not None and any(getattr(previous, n) for n in ("technology", "profile", "level"))
        extra = extra or (follow_up and roles and read.group == "activity")
        return bool(extra or read.measure not in (None, "hours") or legacy not in _LEGACY_GROUPS[read.group])
    if read.group == "person" and read.said_group and not read.rank and legacy not in _LEGACY_GROUPS["person"]:
        return legacy is not None  # "sem saída por pessoa": that measure by person (or named back below)
    if read.group == "person" and read.rank:
        changes_operation = follow_up and previous is not None and previous.kind not in _RANKING_KINDS
        limited = read.limit or (slots.get("limit") and legacy not in _RANKING_KINDS)  # "mostra os dez que mais…"
        bottom = read.rank == "asc"  # "quem apontou menos?": the catalogue's lists run from the most
        return bool(
            new_filter or legacy in (None, "total_hours", "activity_hours") or limited or changes_operation or bottom
        )
    if slots.get("activity") and slots.get("basis") == "gross" and legacy in (None, "total_hours", "activity_hours"):
        return True  # "horas brutas de reunião": the catalogue counted activities in net hours only
    if (
        read.measure == "entries"
        and legacy in (None, "total_hours")
        and _COUNT.search(read.rest + " " + " ".join(read.said))
    ):
        return True  # "quantos apontamentos de 1/10 a 15/10?"
    person_or_activity = slots.get("person") or slots.get("activity") or slots.get("technology")
    if legacy == "unvalidated" and (person_or_activity or (follow_up and previous is not None and previous.person)):
        read.validated, read.measure = False, "entries"  # "quantos meus não foram validados?"
        return True
    if read.validated is True or (read.group == "person" and (slots.get("hours") or slots.get("below"))):
        return True
    return False


# Measures of a date that, with no period said, ask about all the data: the first or last entry ever.
_EVER_MEASURES = frozenset({"first_day", "last_day"})


def _inherited(
    slots: dict[str, Any], read: compose_words.Read, previous: Question | None, follow_up: bool
) -> dict[str, Any]:
    """The filters of a composition: what the question says, over what a follow-up or an incomplete question
    (no subject, no period) takes from the previous one."""
    values: dict[str, Any] = {}
    incomplete = not any(slots.get(name) for name in SUBJECT) and "period" not in slots
    named_subject = [name for name in SUBJECT if slots.get(name)]
    same_person = previous is not None and slots.get("person") and slots.get("person") == previous.person
    compared = [name for name in named_subject if name != "asker" or not same_person]  # "eu" or her name: her
    if (
        previous is not None
        and not follow_up
        and not incomplete
        and "period" not in slots
        and read.measure not in _EVER_MEASURES
        and named_subject
        and (
            all(slots.get(name) == getattr(previous, name) for name in compared)
            or (same_person and read.share)
            or (compared == ["contract"] and _asked_in_turn(slots.get("contract"), previous))
        )
        and previous.period is not None
        and read.validated is not False
        and read.measure != "open_spans"  # "tenho algum pendente?" asks about now, whatever the last period was
    ):
        values["period"] = previous.period  # the same subject again: the conversation's period, as the catalogue does
    if (
        previous is not None
        and read.share
        and previous.contract
        and slots.get("contract") == previous.contract
        and previous.period
        and "period" not in slots
    ):
        # "qnt % do contrato foi do Bruno?" after the contract's top 3 this month: his part of it this month
        values["period"] = previous.period
    ranked_contracts = previous is not None and _listed_contracts(previous)
    drilled = ranked_contracts and slots.get("contract") and not slots.get("person")
    drilled = drilled and (not read.rank or read.group == "person")  # "no 7712 quem mais apontou?": its people
    drilled = drilled and read.measure != "open_spans" and read.validated is None  # states are now
    if drilled and previous.period and "period" not in slots and read.measure not in _EVER_MEASURES:  # type: ignore[union-attr]
        values["period"] = previous.period  # type: ignore[union-attr]  # "o 8447 quebra por semana" after October's contracts
    if ranked_contracts and read.share and slots.get("contract") and previous.period and "period" not in slots:
        # "qnto % do total foi o 8446" after the contracts ranked in October: its part of October
        values["period"] = previous.period  # type: ignore[union-attr]
    same_topic = again_activity_of(previous, slots)
    if same_topic and previous is not None and previous.period and "period" not in slots and not follow_up:
        # "quem do 7951 mais corrigiu bug?" after my October bug fixing: the same topic, in the same period
        values["period"] = previous.period
    if previous is not None and previous.contract and not named_subject and read.group == "person" and same_topic:
        if not follow_up and not slots.get("everyone"):
            # "quem fez mais deploy esse mês?" in a talk about the 7950's deploys: its people; a question that
            # brings its own topic ("quem mais fez reunião em outubro?" after the 8447's hours) is everyone's
            values["contract"] = previous.contract
    calendar = read.group in _CALENDAR_GROUPS or read.weekday is not None
    if previous is not None and previous.contract and (calendar or read.share) and not named_subject:
        # "qual foi o dia mais forte em novembro?", "quanto foi feito nas sextas?", "qnts % foi reunião?" in a
        # talk about the 7874: its days and its hours, as "quem mais apontou?" would be its people
        if not slots.get("everyone"):
            values["contract"] = previous.contract
    # ("me mostra dia a dia da tânia" in a talk that began with her October: her October too)
    talked_person = slots.get("person") in _TALKED_ABOUT.get() and slots.get("person") != getattr(previous, "person", 0)
    listed_person = (slots.get("person") in _NAMED_PEOPLE.get() or talked_person) and not slots.get("asker")
    that_time = re.search(
        r"\b(?:n|d)?(?:essa|esse|aquela|aquele) (?:semana|mes|dia|periodo|quinzena)\b|\bla\b",
        normalize(_ORIGINAL.get()),
    )
    if previous is not None and previous.contract and not named_subject and read.group == "person" and that_time:
        # "quem foram os 3 q mais apontaram nessa semana" in a talk about the 8120's September: its people
        if not slots.get("everyone"):
            values["contract"] = previous.contract
    if previous is not None and listed_person and previous.period and "period" not in slots:
        # "abre a Patrícia por semana" after the contract's top 3 in October: her October, in that contract
        values["period"] = previous.period
        values["contract"] = slots.get("contract") or previous.contract
    fragment = not _QUESTION_WORD.search(f" {read.rest} {' '.join(read.said)} ")
    if previous is not None and fragment and not follow_up and not named_subject and not slots.get("everyone"):
        # "por mês desde setembro, líquido" (no question of its own) in a conversation about the 7873 (or a
        # person) is still about it; a breakdown by contract or person is not about one of them
        if previous.contract and read.group not in ("contract", "client"):
            values["contract"] = previous.contract
        if previous.person and (read.group in ("day", "week", "month", "weekday", "activity") or "versus" in slots):
            values["person"] = previous.person  # ("outubro e novembro lado a lado" after hers: hers, side by side)
    if previous is not None and (follow_up or incomplete):
        values = {
            name: getattr(previous, name)
            for name in (*_FILTER_SLOTS, "period", "basis", "versus", "share_of", "part", "among")
        }
        if previous.kind != "compose":
            values["weekday"] = values["validated"] = None
        if previous.kind == "ranking" and previous.people:
            values["among"] = previous.people  # "e os 3 q menos" after the ranking of those listed: of them
        if values["basis"] == "gross" and (read.group or read.rank or read.share):
            values["basis"] = None  # "qual atividade pesou mais, com %?" after "e bruto?": a new figure, net again
        if (
            not follow_up
            and read.measure == "people"
            and read.group in ("contract", "client")
            # "qual contrato tem mais gente?", not "quais tem mais gente?" after the contracts
            and any("contrato" in said for said in (*read.said, read.rest))
            and _IS_NOW.search(read.rest)
            and "apontando" not in read.rest.split()  # "… tem mais gente apontando?": in the period talked about
            # (after "74 recursos apontaram em novembro", the people of that period are the talk)
            and (
                previous.measure != "people"
                and previous.kind != "contract_resources"
                or "aloca" in normalize(_ORIGINAL.get())
            )
        ):
            values["period"] = None  # "qual contrato tem mais gente?": its team, not the people of the last period
        if any(re.search(r"\b(?:no total|ao todo|no geral)\b", said) for said in read.said) and read.validated is None:
            values["validated"] = None  # "e quantas horas foram no total?" after the pending ones: all of them
        asked = normalize(_ORIGINAL.get())
        if re.search(r"\b(?:no geral|em geral)\b", asked) and read.validated is not None and not slots.get("activity"):
            values["activity"] = None  # "e no geral, tenho algum sem validar?" after my bug fixing: any activity
        pending_said = re.search(r"\b(?:valid|pendent|aprov)", asked)
        hours_asked = re.search(r"\b(?:horas?|hrs?|tempo)\b", asked) and slots.get("activity")
        work_asked = re.search(r"\bquant\w* (?:\w+ )?(?:fez|fiz|fizeram|trabalhou|trabalhei|apontou|apontei)\b", asked)
        work_asked = work_asked or _MOST_WORKED.search(asked)  # "qual o dia q ele mais trabalhou?": all his work
        # "e minhas horas brutas do mês?" after my pending entries: a month's hours, all of them
        work_asked = work_asked or (re.search(r"\b(?:horas?|hrs?)\b", asked) and "period" in slots)
        # "e minhas horas por mês" after my pending entries: all my hours
        whose_hours = re.search(r"\b(?:minhas|suas|nossas) (?:horas|hrs)\b|\bhoras (?:dela|dele)\b", asked)
        work_asked = work_asked or whose_hours
        if (hours_asked or work_asked) and not pending_said and read.validated is None and not read.share:
            # "e quanto tempo em suporte?", "quanto ele fez em novembro?" after pending entries: all the work
            values["validated"] = None
        if read.measure in _EVER_MEASURES and read.validated is None:
            values["validated"] = None  # "qual o último dia que ela apontou?" after her pending entries: any entry
        whole_mine = whose_hours or re.search(r"\b(?:minha|sua|nossa) media\b", asked)
        if whole_mine and not slots.get("activity") and not read.share:
            values["activity"] = None  # "qual minha média de horas por dia nesses 2 meses" after my meetings: all
        if _MOST_WORKED.search(asked) and "period" in slots and not slots.get("activity"):
            values["activity"] = None  # "e qual dia eu mais trabalhei em novembro?" after my support hours: all work
        narrowing = not any(slots.get(n) for n in ("person", "asker", "contract", "everyone", "among"))
        if any(slots.get(name) for name in SUBJECT) and narrowing and previous.contract:
            # "e só do pessoal de QA?" after the 8555's testing hours: its QA people, not everyone's QA
            values.update(technology=None, profile=None, level=None)
        elif any(slots.get(name) for name in SUBJECT):
            whole = previous.contract if previous.part == "person" and not slots.get("contract") else None
            values.update(dict.fromkeys(("person", "contract", "technology", "profile", "level", "among")))
            values["contract"] = whole  # "e da Júlia?" after Ana's share of the 8446: Júlia's share of it
            if previous.part in _ROLE_SLOTS:
                values[previous.part] = getattr(previous, previous.part)  # "e no 8446?" after Azure's part of the 8033
            only_there = named_subject == ["contract"] and re.match(
                r"(?:e )?(?:so|somente|apenas) (?:no|do|n[oa] contrato)\b", asked
            )
            if only_there and previous.group == "person":
                # "e só no 8418?" after the top 3 of SAP: SAP's top 3 there, the list narrowed
                values.update({name: getattr(previous, name) for name in ("technology", "profile", "level")})
        if "period" in slots:
            values["versus"] = None
        if previous.person and previous.contract and not named_subject and _WHOLE_CONTRACT_SAID.search(asked):
            values["person"] = None  # "e no contrato todo, em novembro?" after one of its people: everyone in it
        own_period = "period" in slots or read.total
        if previous.weekday and read.weekday is None and own_period and (read.rank or read.total or read.measure):
            # "quais os cinco com mais horas em outubro?" after October without weekends: every day again
            values["weekday"] = None
        limit = read.limit or slots.get("limit")
        if previous.among and read.rank and limit and (previous.group != "person" or limit >= len(previous.among)):
            # "e no mês passado, top 3?" after those three summed: the top 3 of everyone ("e os 2 q menos" after
            # the eight listed ranked: two of them)
            values["among"] = None
        if read.measure in ("idle_people", "people") and "person" not in slots:
            values["person"] = None  # "e quem parou de apontar?" after one person's figure: everyone's people
        everyones = read.group and not read.share and re.search(r"\b(?:do|no) total\b|\bde todos\b", asked)
        if everyones and not named_subject and values.get("person"):
            values["person"] = None  # "e dia a dia do total" after Caio's days: everyone's days
        if (
            not follow_up
            and read.measure == "people"
            and not any(slots.get(n) for n in ("technology", "profile", "level"))
        ):
            # "quais contratos tem mais gente?" after the senior architects: people, not those architects again
            values.update(technology=None, profile=None, level=None)
    the_other_end = follow_up and previous is not None and previous.measure in _EVER_MEASURES  # "e o primeiro?"
    if read.measure in _EVER_MEASURES and "period" not in slots and not the_other_end:
        values["period"] = values["versus"] = None  # "meu primeiro apontamento foi quando?": ever, not this week
    said = f" {read.rest} {' '.join(read.said)} "
    pending_before = previous is not None and (previous.validated is False or previous.kind == "unvalidated")
    # (as the catalogue reads state: "e …" continues the talk's period; writers split evenly on those)
    asked = normalize(_ORIGINAL.get())
    asked_now = _PENDING_NOW.search(asked) and not _PENDING_THEN.search(said) and not re.match(r"e\b", asked)
    if read.validated is False and not pending_before and "period" not in slots and (_NOW_ON.search(said) or asked_now):
        # "e no total, quantos meus tão sem validar?" after her missing days in November: now, all of them
        values["period"] = values["versus"] = None
    if "period" not in slots and _HELD_IN_TOTAL.search(said) and not read.group and not read.rank:
        # "quantos apontamentos eu tenho no total?" after a day of mine: what I have, all of it
        values["period"] = values["versus"] = None
    terse = len(normalize(_ORIGINAL.get()).split()) <= 4 and read.measure == "entries" and not named_subject
    if terse and "period" in slots and previous is not None and previous.contract and not previous.person:
        values["contract"] = previous.contract  # "qnts apontamentos hj?" in a talk about the 8555: the 8555's
    for name in (*_FILTER_SLOTS, "period", "basis", "versus", "share_of", "part", "among"):
        if slots.get(name) is not None:
            values[name] = slots[name]
    if read.weekday is not None:
        values["weekday"] = read.weekday
    elif read.group == "weekday":
        values["weekday"] = None  # "qual dia da semana ele mais trabalhou?" after his Mondays: every weekday
    if read.validated is not None:
        values["validated"] = read.validated
    kept_period = values.get("period")
    if (
        read.group == "weekday"
        and "period" not in slots
        and kept_period
        and (kept_period.end - kept_period.start).days < 6
    ):
        # "qual dia da semana o contrato rende menos?" after yesterday's figures: every week, not one day of one
        values["period"] = values["versus"] = None
    return values


_QUESTION_WORD = re.compile(r"\b(?:quem|qual|quais|quant\w*|como|quando|onde|que|teve|tem|fez|fizeram|apont\w*)\b")


def _reworded_after(
    db: Dataset, prepared: str, question: str, previous: Question | None, role: str, me: str | None
) -> str:
    """The words of a question that only the last one explains, rewritten into words the engine reads: "e de fim
    de semana?" after a part of the hours, "e em qnts eu apontei?" after the working days, "na primeira" after
    the second fortnight."""
    one_part = previous is not None and previous.output == "share" and previous.group is None
    one_part = one_part and bool(previous.part or previous.share_of)  # type: ignore[union-attr]
    if one_part and (days := _WEEKDAYS_PART.fullmatch(prepared)):
        # "e de fim de semana?", "e sexta?" after reunião's part of the hours: that part of the same hours
        day = days.group(1).split()[0].removesuffix("s")
        said = (
            "no fim de semana"
            if day in ("fim", "fin")
            else f"aos {day}s"
            if day in ("sabado", "domingo")
            else f"as {day}s"
        )
        prepared = f"e quanto porcentagem foi {said}"
    if previous is not None and previous.activity and previous.group != "activity":
        # "top 3 pessoas nessa atividade" after an activity's hours: that activity, not the activities ranked
        prepared = _THAT_ACTIVITY.sub("nisso", prepared)
    halves = previous is not None and previous.period is not None and _half_month(previous.period)
    if halves and (half := _THE_OTHER_HALF.search(prepared)):
        # "qnts apontamentos no total na primeira?" after the second fortnight of October: the first one
        month = next(name for name, n in MONTH_NAMES.items() if n == previous.period.start.month)  # type: ignore[union-attr]
        prepared = prepared.replace(half.group(0), f"{half.group(0)} quinzena de {month}", 1)
    weekend = previous is not None and previous.kind == "weekend_work"
    if weekend and (day := _WEEKEND_DAY.fullmatch(prepared)):
        # "e de sábado?", "e no domingo?" after who worked on weekends: that day of those weekends
        who = "" if previous.person else "quem trabalhou "  # type: ignore[union-attr]
        prepared = f"e {who}aos {day.group(1)}s"
    pointer = _LIST_POINTER.search(prepared)
    after = prepared[pointer.end() :].split()[:2] if pointer else []
    if len(after) == 2 and all(word in db.all_name_words for word in after):
        # "e a última da lista, ana soares lima, por semana": the name says whom; the position is no rank
        prepared = " ".join(prepared.replace(pointer.group(0), " e ", 1).split())
    counted_days = previous is not None and previous.measure == "days" and bool(previous.person)
    if counted_days and (ends := _FIRST_OF_THEM.fullmatch(prepared)):
        # "e qual foi o primeiro (e o último)?" after her days counted: her first day (then last), not a list's end
        span = f" de {previous.period.start:%d/%m/%Y} a {previous.period.end:%d/%m/%Y}" if previous.period else ""  # type: ignore[union-attr]
        prepared = f"e qual {ends.group(1) or 'foi'} o primeiro dia dela{span}"
    days_talk = previous is not None and (
        previous.kind in ("working_days", "missing_days") or previous.measure == "days"
    )
    if days_talk and (elided := _IN_HOW_MANY.search(prepared)):
        prepared = prepared.replace(elided.group(0), "em quantos dias ", 1)  # "e em qnts eu apontei?" after days
    mine_expected = "quantas horas eu deveria ter feito e quanto eu fiz"
    about_team = (role == "gestor" and me is None) or (
        previous is not None and previous.contract and not previous.person
    )
    if mine_expected in prepared and about_team and not _SELF & set(normalize(question).split()):
        # "horas esperadas x feitas" from a gestor with no entries of his own, or in a contract's talk: the team's
        prepared = prepared.replace(mine_expected, "esperado vs trabalhado")
    return prepared


def _listed_contracts(previous: Question) -> bool:
    """Whether the previous answer was a list of contracts (the contracts ranked or listed, a breakdown by them)."""
    return previous.kind in ("contract_ranking", "list_contracts") or previous.group in ("contract", "client")


def _listed_people(previous: Question) -> bool:
    """Whether the previous answer was a list of people (a ranking, a breakdown by person)."""
    return previous.kind in ("ranking", "hours_by_person") or (
        previous.kind == "compose" and previous.group == "person"
    )


_WHO_WORKED = re.compile(r"\bquem (?:trabalhou|apontou|lancou|registrou|fez hora|bateu ponto)\b")
_WEEKDAY_ALONE = re.compile(r"(?:n?[oa] |d?[oa] |em )?(segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)?")
_WEEKDAY_SPAN = re.compile(
    r"(?:de |da |entre )?(segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)? (?:a|ate|e) (?:a )?"
    r"(segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)?"
)


def _weekday_span(found: Found) -> tuple[int, ...] | None:
    """The weekdays of "de segunda a sexta" (or of one weekday, "sábado"), when that is all a period's words
    said."""
    if one := _WEEKDAY_ALONE.fullmatch(found.text.strip()):
        return (compose_words.WEEKDAY_NUMBERS[one.group(1)],)  # "quem trabalhou sábado em outubro?": its Saturdays
    if not (match := _WEEKDAY_SPAN.fullmatch(found.text.strip())):
        return None
    first, last = (compose_words.WEEKDAY_NUMBERS[day] for day in match.groups())
    return tuple(range(first, last + 1)) if first < last else None


def _weekday_range(found: Found | None, text: str, previous: Question | None) -> tuple[int, ...] | None:
    """ "de segunda a sexta" beside a breakdown by weekday: those weekdays (ISO numbers), not last week's days."""
    if found is None or not (match := _WEEKDAY_SPAN.fullmatch(found.text.strip())):
        return None
    # ("só de seg a sex quanto deu?" after the busiest date of the weekday ranking: those weekdays too)
    by_weekday = (previous is not None and previous.group in ("weekday", "day")) or bool(
        re.search(r"\b(?:dia da semana|qual dia|que dia)\b", text)
    )
    first, last = (compose_words.WEEKDAY_NUMBERS[day] for day in match.groups())
    return tuple(range(first, last + 1)) if by_weekday and first < last else None


_BETWEEN_MINE = re.compile(r" (?:entre|n?os|d?os) (?:o |contratos )?(\d{4}) e (?:o )?(\d{4}),? ")
_BOTH_CONTRACTS = re.compile(
    r" (?:(n|d)os|(?:somando|juntando|considerando|entre) os|em ambos os|os(?= \w+ (?:somad|junt)[oa]s))"
    r" (?:dois|2|tres|3)"
    r"(?: contratos)?(?! \w*(?:meses|dias|semanas|periodos|anos|pessoas|recursos))(?: somad[oa]s| junt[oa]s)? "
)
_STATE_WORDS = re.compile(r"\b(?:valid\w*|pendente\w*|aberto\w*|sem saida|aprova\w*)")  # now, not then
_RANK_ONLY = re.compile(
    r"(?:me (?:da|passa|mostra) )?(?:o |um )?ranking(?: d?os)? ?(\d{1,2})?"
    r"(?: (?:que|q) mais (?:fizeram|apontaram|trabalharam))?"
)
_MINE_BROKEN_DOWN = re.compile(
    r"\b(quebra|abre|detalha|divide|mostra) o meu (?=por |mes a mes|semana a semana|dia a dia)"
)
_IN_MINE = re.compile(r"\b(n|d)o meu\b(?! (?:contrato|time|pessoal|proprio)\b)")
# "e de fim de semana?", "e nas sextas?" after one part of the hours in %: that part
_WEEKDAYS_PART = re.compile(
    r"(?:e )?(?:de |d?o |d?a |d?os |d?as |n?o |n?a |n?os |n?as |aos |em )?"
    r"((?:fim de semana|fins de semana|sabados?|domingos?|segundas?|tercas?|quartas?|quintas?|sextas?)(?: feiras?)?)\W*"
)
_THE_OTHER_HALF = re.compile(r"\b(?:n|d)?a (?:primeira|segunda)\b(?! (?:quinzena|semana|feira|metade|vez|parte))")
_THAT_ACTIVITY = re.compile(r"\b(?:n|d)?(?:essa|esta|aquela|mesma) atividade\b")
_WEEKEND_DAY = re.compile(r"(?:e )?(?:so )?(?:de |d?o |n?o |n?os |aos |em )?(sabado|domingo)s?\W*")
_LIST_POINTER = re.compile(
    r"^(?:e )?(?:o|a) (?:primeir|segund|terceir|ultim|penultim)[oa] (?:da lista|dessa lista|do ranking|da tabela)\b"
)
_FIRST_OF_THEM = re.compile(r"(?:e )?(?:qual|quais) (?:(foi|foram|e|sao) )?(?:o )?primeiro\W*")
# "e em qnts eu apontei?" after the working days: the noun left out is days
_IN_HOW_MANY = re.compile(r"\bem quant[oa]s (?=(?:(?:eu|ele|ela|[a-z]+) )?(?:apont|trabalh|lanc|registr)\w*\b)")
_THOSE_AGAIN = re.compile(
    r"(?:e )?(?:(?:quanto|quantidade|quantas horas) )?(?:eles|elas)(?: (?:fizeram|apontaram|trabalharam|somaram))?"
    r"( (?:em|no|na|nessa|nesse|de|do|da|desde) .+)?"
)
_THOSE_WHO = re.compile(
    r"\b(?:os|as) \d+ (?:que|q) (?:mais|menos) (?:fizeram|apontaram|trabalharam|lancaram|registraram)\b"
)
_TOP_PEOPLE = re.compile(
    r"\btop \d+ (?:pessoas|recursos|consultores|colaboradores)\b"
    r"|\b(?:(?:os|as) \d+ (?:primeir|ultim)[oa]s|top \d+) do ranking\b"  # "só os 3 primeiros do ranking" after weeks
)
# "os 3 dias top", "os dias com mais": rows of a table of weekdays ("dia a dia", "por dia", a date: calendar days)
_WEEKDAY_ROWS = re.compile(r"\bdias\b(?! a dia| com apontamento| uteis| corridos)")
# "quais os 3 com mais horas", "qual o maior" with no noun: rows of the list just shown
_WHICH_OF_THEM = re.compile(
    r"^(?:e )?(?:quais|qual) (?:os|o|as|a) (?:\d+ |tres |dois |cinco )?(?:com|que|q|de|maior|menor)\b"
)
_WHOLE_CONTRACT = re.compile(r"\b(?:n|d)?o contrato (?:todo|inteiro)\b")
_WHOLE_CONTRACT_SAID = re.compile(r"\bcontrato (?:todo|inteiro)\b")  # "volta pro contrato todo", as typed
# The kinds whose question stands without a narrowing filter (a count of a profile's people does not)
_UNNARROWABLE = frozenset(
    {"compose", "ranking", "total_hours", "activity_hours", "hours_by_person", "contract_ranking"}
)
# "e sem filtrar atividade?" (read "todas as atividades"), "e em todos os contratos?": the same, unnarrowed
_UNFILTERED_TURN = re.compile(
    r"(?:e )?(?:no geral )?(?:(?:em|de|com|n?as|n?os) )?"
    r"(todas as atividades|todos os contratos|todas as tecnologias|todos os dias)\W*"
)
_TEAM_TOTAL = re.compile(
    r"(?:e )?(?:quant[oa]s? horas? |qnt[oa]s? horas? |e )?(?:d?o time (?:todo|inteiro)|d?a equipe (?:toda|inteira))"
    r"(?: (?:fez|teve|somou))?\W*"
)
_WHOLE_TEAM_TURN = re.compile(
    r"(?:e )?(?:(?:d|n)?o time (?:todo|inteiro)|(?:d|n)?a equipe (?:toda|inteira)|todo mundo)\W*"
)
# "…, ainda só deploy?", "… mas só de bug": the activity talked about, kept
_STILL_ONLY = re.compile(
    r"\W* (?:ainda|mas|mantendo|continuando)(?: so| somente| apenas)? (?:de |em |n?o |n?a )?(.+?)\W*$"
)
_WHOLE_CONTRACT_TURN = re.compile(
    r"(?:e )?(?:(?:n|d)?o contrato (?:todo|inteiro)|(?:d|n)?e todo mundo do contrato|(?:d|n)?o contrato sem filtro)"
    r"(?: (?:n|d)?(?:o )?(?:esse|nesse|mesmo) (?:periodo|mes))?\W*"  # "e o contrato todo no mesmo mês"
)


def _only_contract(db: Dataset, person: str | None) -> str | None:
    """The one supplier contract a person recorded time on, or None."""
    if not person or person not in db.resources:
        return None
    contracts = {c.contract for c in q.resource_contracts(db, person).contracts if c.contract}
    return contracts.pop() if len(contracts) == 1 else None


def _bare_weekday(text: str) -> int | None:
    words = [compose_words.WEEKDAY_NUMBERS.get(w.removesuffix("s")) for w in text.split()]
    found = [w for w in words if w]
    return found[0] if len(found) == 1 else None


def _activity_terms(db: Dataset, read: compose_words.Read) -> list[str]:
    return [
        w
        for w in read.rest.split()
        if w in db.activity_words and w not in CONNECTORS and w not in _PREPOSITIONS and w != "horas"
    ]


# In "quanto % do 7873 foi da Yasmin", the part is what follows the verb; "… da Yasmin foi no 7873": the contract.
_PART_IS_CONTRACT = re.compile(
    r"\b(?:foi|foram|sao|e|eh|ficou|ficaram) (?:n|d|pr)?[oa]s? (?:contrato )?(?:\d{4}|e\d{7})\b"
)

_PART_IS_SOMEONE = re.compile(
    r"\b(?:foi|foram|e|eh|sao|ficou|ficaram) d[oa]s? (?!total|todo|tempo|mes|contrato|horas?|semana|periodo|geral)"
    r"|\b(?:foi|foram|e|eh|sao|ficou|ficaram) (?:dele|dela)\b"  # "qnts % do contrato foi dele?"
    r"|\brepresent(?:ou|a|aram|am)\b"  # "qual % o Felipe representou das horas do time"
)


_ROLE_SLOTS = ("technology", "profile", "level")
_OF_THE_WHOLE = re.compile(r"\b(?:no|do|ao|sobre o|em relacao ao) total\b|\brepresent\w*\b|\bpes(?:a|ou|aram|am)\b")
_WHOLE_IS_CONTRACT = re.compile(r"\btotal d[oa] (?:contrato )?(?:\d{4}|e\d{7})\b")
_IS_NOW = re.compile(r"\b(?:tem|possui|conta com)\b")


def _share_part(db: Dataset, read: compose_words.Read, slots: dict[str, Any], text: str) -> str | None:
    """The filter a share asks the part of when it names no activity: a weekday ("quanto % do meu total foi
    nas quintas"), a person in a contract ("quanto % do 7873 foi da Yasmin") or the contract of a person."""
    part = None
    if slots.get("activity") or _activity_terms(db, read):
        pass
    elif read.weekday is not None:
        part = "weekday"
    elif slots.get("person") and slots.get("contract"):
        part = "contract" if _PART_IS_CONTRACT.search(text) else "person"
    elif slots.get("contract") and _PART_IS_CONTRACT.search(text):
        part = "contract"  # "qnto % das horas de novembro foram do contrato 8600?": of everyone's
    elif (
        slots.get("contract")
        and not slots.get("person")
        and not any(slots.get(n) for n in _ROLE_SLOTS)
        and not _THAT.search(text)
        and _OF_THE_WHOLE.search(text)
        and not _WHOLE_IS_CONTRACT.search(text)
    ):
        part = "contract"  # "qual a % do 8446 no total de novembro?": the contract's part of everyone's
    elif slots.get("person") and not slots.get("asker") and _PART_IS_SOMEONE.search(text):
        part = "person"  # "quantos % das horas de novembro foram da Paula?": of everyone's (all this asker sees)
    elif (
        not slots.get("person")
        and not _THAT.search(text)
        and (role := next((n for n in _ROLE_SLOTS if slots.get(n)), None))
    ):
        part = role  # "quanto java pesa no total de outubro, em %?": Java's part of everyone's (or the contract's)
    return part


def _share_words(
    db: Dataset, read: compose_words.Read, slots: dict[str, Any], previous: Question | None, text: str
) -> str | Clarification:
    """The activity whose part of the total a share asks for ("quanto % das horas foi suporte"); "isso é
    quantos % do total?" after an activity's hours: that activity."""
    if slots.get("activity"):
        return str(slots["activity"])
    terms = _activity_terms(db, read)
    if terms and any(set(terms) <= set(key.split()) for key in db.activities):
        return " ".join(dict.fromkeys(terms))
    bare = re.fullmatch(r"(?:e )?(?:em |isso em |e em |quanto (?:e|da) em |qnt |quanto )?porcentagem\W*", text.strip())
    if (
        not terms
        and previous is not None
        and previous.activity
        and (_THAT.search(text) or re.match(r"e\b", text) or bare)
    ):
        return previous.activity  # "e em % do meu mês?" after my code review hours: code review's part
    that = _THAT.search(text) or bare
    if that and previous is not None and previous.share_of and not terms:
        # "em porcentagem", "isso dá qtos % do total?" after "quanto disso foi suporte" (a share already): the same
        return previous.share_of
    return Clarification(
        "not_understood",
        "Entendi que você quer uma porcentagem, mas não entendi de quê. Diga a atividade, por exemplo: “quanto % "
        "das horas do contrato 8446 foi suporte?”, ou peça a divisão: “% das horas por atividade”.",
    )


# "e somando todos os contratos?", "e o total dos meus contratos?" (a gestor's: all he sees)
_ALL_CONTRACTS = re.compile(r"\b(?:tod[oa]s os|todos|em todos os|de todos os|(?:d|n)?os meus) contratos\b")


def _total_of(previous: Question, every_activity: bool = False, hours: bool = False, summed: bool = True) -> Understood:
    """ "e no total?" after a breakdown or a ranking: the same filters, summed; after a total narrowed to an
    activity, every activity (`every_activity`: said "todas as atividades"); after another narrowed total, asked."""
    if previous.kind == "compose" and previous.measure in ("avg_day", "avg_person"):
        previous = replace(previous, measure="hours")  # "e quantas horas no total nas sextas?" after an average
    if previous.kind in ("period_summary", "contract_details") and hours:
        # "qnts horas no total" after August's summary: its hours, one figure
        values = {name: getattr(previous, name) for name in ("contract", "period", "basis")}
        return question_of(Composition(**{k: v for k, v in values.items() if v is not None}))
    if previous.kind in _AVERAGES and not previous.group:
        # "e no total?" after Otávio's hours per day in October: his hours then
        kept = ("person", "contract", "technology", "profile", "level", "period", "basis", "activity", "weekday")
        values = {name: getattr(previous, name) for name in kept}
        return question_of(Composition(**{k: v for k, v in values.items() if v is not None}))
    if previous.kind == "compose" and previous.group in _CALENDAR_GROUPS and every_activity and not summed:
        return replace(previous, activity=None, share_of=None, page=0)  # "e sem ser só bug?" after its days: all
    if previous.kind == "compose" and (previous.group or previous.limit):
        total = replace(previous, group=None, limit=None, output="value", order="desc", page=0)
        if hours and previous.measure != "hours":
            total = replace(total, measure="hours")  # "e somando tudo, qts horas?" after people per contract
        return replace(total, activity=None, share_of=None) if every_activity else total
    if previous.kind in _RANKING_KINDS or previous.kind in ("list_contracts", "activity_breakdown"):
        values = {name: getattr(previous, name) for name in ("contract", "technology", "period", "basis")}
        return question_of(Composition(**{k: v for k, v in values.items() if v is not None}))
    if hours and previous.kind == "compose" and previous.measure == "entries" and not previous.group:
        # "e qnto tempo somado" after its entries: their hours ("no total": pending or not)
        return replace(previous, measure="hours", validated=None, page=0)
    if previous.activity or previous.share_of:
        # the activity was what narrowed it: the same subject and period over every activity
        kept = ("person", "contract", "technology", "profile", "level", "period", "basis")
        if previous.kind == "compose":
            kept += ("weekday",)  # (validated or not: "no total" is every entry)
        values = {name: getattr(previous, name) for name in kept}
        total = question_of(Composition(**{k: v for k, v in values.items() if v is not None}))
        return replace(total, asker=previous.asker)
    if previous.kind in ("holiday_work", "weekend_work") and previous.period and hours:
        # "qnts horas no total nesse dia?" after who worked on the 20th: everyone's hours then
        weekend = (6, 7) if previous.kind == "weekend_work" else None
        values = {name: getattr(previous, name) for name in ("person", "contract", "period", "basis")}
        whole = Composition(**{k: v for k, v in values.items() if v is not None}, weekday=weekend)
        return (
            question_of(whole)
            if previous.kind == "weekend_work" or previous.period.start == previous.period.end
            else _no_total()
        )
    if previous.kind == "compose" and previous.weekday:
        return replace(previous, weekday=None, page=0)  # "e no total?" after my weekends' hours: every day
    if previous.kind == "compose" and previous.validated is not None:
        return replace(previous, validated=None, page=0)  # "e qnts no total?" after her pending entries: all of hers
    if hours and previous.kind == "compose" and previous.measure not in (None, "hours") and not previous.group:
        return replace(previous, measure="hours", page=0)  # "e horas no total?" after its entries: its hours
    if previous.kind == "resource_days" or (previous.kind == "days_above" and previous.person):
        # "e no total?" after Heitor's days: his hours over the same period, whatever the breakdown was
        values = {name: getattr(previous, name) for name in ("person", "contract", "technology", "period", "basis")}
        return question_of(Composition(**{k: v for k, v in values.items() if v is not None}))
    return _no_total()


def _no_total() -> Clarification:
    return Clarification(
        "not_understood",
        "No total de quê? A pergunta anterior já dava um total. Diga o que somar, por exemplo: “horas de todos "
        "no mesmo período” ou “horas em todo o período”.",
        suggestion="Horas de todos no mesmo período",
    )


# -- the coverage rule ------------------------------------------------------------------------


# ("… que semana passada, não?" ends in a tag asking for agreement, no negation)
_NEGATION = re.compile(
    r"\b(?:nao|nunca|ninguem|nenhum|nenhuma|jamais)\b(?! (?:so|somente|apenas|sei|entendi)\b)(?!\s*$)"
)
# Words that change what is computed: a kind that does not honour one must not answer without it.
_OPERATORS: tuple[tuple[str, re.Pattern[str], frozenset[str]], ...] = (
    ("desde", re.compile(r"\b(?:desde|a partir d[eoa]s?)\b"), frozenset()),
    ("até", re.compile(r"\bate (?:o dia |dia )?(?=\d|hoje|ontem|o fim|o final)"), frozenset()),
    (
        "%",
        re.compile(r"\b(?:por cento|porcentagem|percentual|proporcao)\b"),
        frozenset({"activity_distribution", "activity_breakdown", "person_activities"}),
    ),
    (
        # "quem não fez deploy no 7689?": who did not, never the ones who did instead
        "não",
        _NEGATION,
        frozenset(
            {
                "missing_days",
                "unvalidated",
                "open_spans",
                "expected_vs_worked",
                "weekend_work",
                "holiday_work",
                "holidays",
                "working_days",
            }
        ),
    ),
    (
        "média",
        re.compile(r"\bmedi[ao]s?\b"),
        frozenset({"average_span", "hours_per_day", "hours_by_person", "expected_vs_worked", "ranking"}),
    ),
    (
        "menos",
        re.compile(r"(?<!pelo )(?<!mais ou )\bmenos\b"),
        frozenset(
            {
                "ranking",
                "contract_ranking",
                "activity_ranking",
                "hours_by_person",
                "contract_resources",
                "people_by",
                "expected_vs_worked",
                "days_above",
                "missing_days",
            }
        ),
    ),
)


def _uncovered(question: Question, rest: str, slots: dict[str, Any], text: str) -> Clarification | None:
    """A Clarification when the question holds a word that changes the answer and the kind would drop it."""
    read = compose_words.read(rest)
    negated = question.validated is False or question.measure in ("idle_people", "open_spans")
    if question.kind == "compose" and not negated and (no := _NEGATION.search(read.rest)):
        return _cannot_apply(no.group(0), text)  # "quem não fez deploy?": never the ones who did instead
    if question.kind == "compose":
        return None  # a composition consumed its operator words when it was composed
    if read.group and question.kind not in _LEGACY_GROUPS[read.group] and question.kind not in STATIC:
        said = next((s for s in read.said if s.split()[0] in ("por", "cada", "em", "a", "de")), None)
        if said:
            return _cannot_apply(said, text)
    if slots.get("hours") is not None and question.kind not in ("days_above", "outliers"):
        return _cannot_apply("mais de", text)
    if slots.get("below") is not None:
        return _cannot_apply("menos de", text)
    for word, pattern, honoured in _OPERATORS:
        if question.kind not in honoured and question.kind not in STATIC and pattern.search(rest):
            return _cannot_apply(word, text)
    return None


# The question as typed, for the suggestion a refusal offers (with its accents, which `text` has lost).
_ORIGINAL: ContextVar[str] = ContextVar("original_question", default="")
_ROLE: ContextVar[str] = ContextVar("asker_role", default="open")
_NAMED_PEOPLE: ContextVar[tuple[str, ...]] = ContextVar("named_people", default=())
# The contracts the last answer listed, in its order: "abre o segundo por semana" is one of them.
_NAMED_CONTRACTS: ContextVar[tuple[str, ...]] = ContextVar("named_contracts", default=())
_TALKED_ABOUT: ContextVar[tuple[str, ...]] = ContextVar("talked_about", default=())
_BOTH_SUMMED = re.compile(
    r"(?:e )?(?:(?:quanto|quantas horas) (?:deu |foi |da |fizeram )?)?"
    r"(?:no total|ao todo|(?:os|as) (?:dois|2) (?:juntos|somados)|somando (?:os )?(?:dois|2)|juntos|somados)"
    r"(?: dos (?:dois|2))?"
)
# The previous turn was not answered (a name not found): it left only a period, which a follow-up naming
# someone may use; a follow-up naming no one has nothing to follow.
_UNANSWERED: ContextVar[bool] = ContextVar("unanswered", default=False)


def _without(word: str, original: str) -> tuple[str, str]:
    """The question as typed without the words of `word` (compared without accents or case), and those words
    as typed."""
    typed = original.replace("?", " ").split()
    plain = [normalize(t) for t in typed]
    target = normalize(word).split()
    for i in range(len(plain) - len(target) + 1):
        if plain[i : i + len(target)] == target:
            kept = typed[:i] + typed[i + len(target) :]
            return " ".join(kept).strip(" ,") + ("?" if "?" in original else ""), " ".join(typed[i : i + len(target)])
    return "", word


def _cannot_apply(word: str, text: str) -> Clarification:
    nearest, word = _without(word, _ORIGINAL.get())
    suggestion = nearest[:1].upper() + nearest[1:] if len(nearest.split()) >= 3 else None
    offer = f" Sem isso, eu saberia responder: “{suggestion}” — mas seria outra pergunta." if suggestion else ""
    return Clarification(
        "not_understood",
        f"Não sei aplicar “{word}” nessa pergunta, e não quero responder outra coisa no lugar.{offer}",
        suggestion=suggestion,
    )
