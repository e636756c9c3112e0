"""Portuguese as people type it in Teams: normalisation, abbreviations, typos, and what the bot must refuse.

Everything here works on words, before any intent is read, so that "qts hrs o wagner fez em otubro" reaches
the understanding as "quantas horas o wagner fez em outubro".
"""

from __future__ import annotations

import calendar
import difflib
import re
import threading
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

import numpy as np
import Stemmer

from .dataset import normalize
from .dates import ANY_DAY, MONTH_NAMES, PERIOD_WORDS, find_period
from .numbers import digits

# Chat abbreviations, expanded before typos are corrected (values may be several words).
ABBREVIATIONS = {
    "qts": "quantas",
    "qtas": "quantas",
    "qnts": "quantas",
    "qntas": "quantas",
    "qto": "quanto",
    "qtos": "quantos",
    "qntos": "quantos",
    "qtd": "quantidade",
    "qtde": "quantidade",
    "qnt": "quantidade",
    "qnto": "quanto",
    "qnta": "quanta",  # "qnta gente apontou?"
    "qta": "quanta",
    "qdo": "quando",
    "qnd": "quando",
    "qndo": "quando",
    "ql": "qual",
    "qls": "quais",
    "dnv": "de novo",
    "qro": "quero",
    # Portuguese from Portugal: the same words as spelled in Brazil
    "registei": "registrei",
    "registou": "registrou",
    "registaram": "registraram",
    "registar": "registrar",
    "registo": "registro",
    "registos": "registros",
    "registado": "registrado",
    "registados": "registrados",
    "equipa": "equipe",
    "tmb": "tambem",
    "ctz": "certeza",
    "sfv": "por favor",
    "hrs": "horas",
    "hr": "horas",
    "h": "horas",  # "qnts h eu fiz mes passado"
    "hs": "horas",
    "hj": "hoje",
    "ent": "entao",
    "hoj": "hoje",
    "vc": "voce",
    "vcs": "voces",
    "pfv": "por favor",
    "pf": "por favor",
    "pfvr": "por favor",
    "pls": "por favor",
    "fds": "fim de semana",
    "tb": "tambem",
    "tbm": "tambem",
    "q": "que",
    "qm": "quem",
    "c": "com",  # "os 5 contratos c mais hrs"
    # weekdays as a calendar writes them ("de seg a sex"); "ter", "qua", "qui" stay words ("ter" is a verb)
    "seg": "segunda",
    "sex": "sexta",
    "sab": "sabado",
    "dom": "domingo",
    "d": "de",
    "oq": "o que",
    "pq": "por que",
    "td": "todos",
    "tds": "todos",
    "msm": "mesmo",
    "prod": "producao",  # "deploy em prod"
    "mt": "muito",
    "mto": "muito",
    "dps": "depois",
    "ngm": "ninguem",
    "alg": "alguem",
    "obg": "obrigado",
    "obgd": "obrigado",
    "vlw": "valeu",
    "rolaram": "foram",  # "quantas horas de deploy rolaram": slang for happened
    "rolou": "foi",
    "trampou": "trabalhou",  # slang for work
    "trampei": "trabalhei",
    "tramparam": "trabalharam",
    "trampar": "trabalhar",
    "trampando": "trabalhando",
    "blz": "beleza",
    "ctt": "contrato",
    "contr": "contrato",
    "pra": "para",
    "pro": "para o",
    "pras": "para as",
    "pros": "para os",
    "n": "nao",
    "num": "em um",
    "numa": "em uma",
    "mes": "mes",
    "sem": "sem",
    "agr": "agora",
    "qq": "qualquer",
    "qlq": "qualquer",
    "ont": "ontem",
    "tel": "telefone",
    "gnt": "gente",
    "x": "vs",  # "deveria ter feito x o que fez", "outubro x setembro"
    "coloquei": "apontei",  # "quantas horas eu já coloquei essa semana"
    "colocou": "apontou",
    "colocaram": "apontaram",
    "apont": "apontamento",  # "1o apont da natalia", "apont abertos hj"
    "aponts": "apontamentos",
    "trab": "trabalhados",  # "dias trab."
    "1o": "primeiro",
    "1a": "primeira",
    "thanks": "obrigado",
    "thx": "obrigado",
}

# Words the understanding reads: domain words and the Portuguese around them. A question with a word
# outside this vocabulary (and not a name, number, contract or period) is not answered with a figure.
DOMAIN = """
contrato contratos fornecedor cliente recurso recursos pessoa pessoas consultor consultores consultora consultoras
colaborador colaboradores colaboradora colaboradoras funcionario funcionarios analista analistas
profissional profissionais equipe time gente galera mundo todos todas todo toda geral ninguem alguem
hora horas total totais soma somou somaram somado trabalhou trabalharam trabalhei trabalhado trabalhada
trabalhadas trabalhados trabalha trabalham trabalho trabalhar trabalhando fez fizeram fiz feito feitas feitos
apontou apontaram apontei apontamento apontamentos apontado apontados apontada apontadas apontar apontando
lancou lancado lancadas registrou registrado registradas bateu bater bati batido
entrou entrei chegou cheguei saiu sai comecou terminou horario horarios extra extras
entra entram entro entrava entravam chega chegam chego chegava chegavam saem saia saiam
faco fecho fechei absurdo absurdos tamanho data datas exagerado exagerada exageradamente
frente topo cima lider colocado colocada outro outra naquela naquele daquela daquele
faltou faltaram faltei falta faltas faltando faltante faltantes ausencia ausencias ausente ausentes
validado validados validada validadas validou valida validam validacao validacoes validador validadores
validadora aprovado aprovados aprovada aprovadas aprovou aprova aprovam aprovador aprovadores aprovacao
pendente pendentes pendencia pendencias esqueceu esqueceram esqueci esquecido esquecida saida saidas entrada entradas
aberto abertos aberta abertas ranking rank maiores maior menores menor mais menos top primeiros ultimos
media medio medias duracao jornada jornadas esperado esperadas esperada esperados deveria deveriam previsto
previstas prevista saldo positivo negativo banco cai caem caiu cairam cair
comparado comparacao comparar compare compara versus vs contra relacao adiantado adiantada adiantados adiantadas
semana semanas passada passado anterior atual corrente uteis util feriado feriados nacional nacionais fim
final finais
finados proclamacao republica consciencia negra zumbi independencia aparecida tiradentes natal carnaval
consumiu consumiram consumo consumidas consumidos
sabado domingo sabados domingos tecnologia tecnologias perfil perfis nivel niveis cargo cargos acima
abaixo dias dia diaria diario diarias diarios cada agora anormais anormal atipicos atipico padrao longos longas
longo longa outliers excessivos excessivas excessivo excessiva suspeito suspeitos lista listar liste listagem
ontem anteontem hoje mes meses periodo retrasada quinze resumo panorama visao extrato detalhe detalhes
detalhado detalhada mostrar mostre mostra mostrou ver veja exibir exiba consultar consulta informe informar
junior pleno senior especialista arquiteto arquitetos arquiteta solucoes desenvolvedor desenvolvedores
desenvolvedora teste testes engenheiro engenheiros engenheira dados suporte scrum master lider lideres
numero quantidade quantos quantas quanto quanta quem qual quais onde quando como brutas bruta bruto brutos
liquidas liquida liquido liquidos almoco descontar desconto trabalhou pior melhores melhor
esta estao estava estavam ficou ficaram deu deram teve tiveram tem tinha temos tenho ha existe existem
nome nomes dele dela deles delas ele ela eles elas la ai nele nela nesse nessa neste nesta desse dessa deste desta
esse essa este esta isso isto aquele aquela mesmo mesma tambem ainda so apenas somente
""".split()

FUNCTION_WORDS = """
a o as os um uma uns umas de do da dos das em no na nos nas e ou com sem por para pelo pela pelos pelas
ao aos que se me mim eu meu minha meus minhas nosso nossa nossos nossas voce voces seu sua seus suas
lhe nao sim ja foi foram ser sao era eram eramos sera seria estar esta estou fazer faz fazem fazendo posso
enxergo acessar
favor por ola oi opa salve hey hello bom boa dia tarde noite tudo bem beleza valeu obrigado obrigada brigado
ajuda ajudar ajude exemplos exemplo comandos pode podes poderia consegue conseguir queria quero gostaria
saber sabe diga diz dizer fala falar me mostrar preciso precisava por gentileza entao ai agora alguma algum
algumas alguns vez vezes ate entre desde apos antes depois durante sobre quanto vai vou
ter tido tive tiver teria muito muita muitos muitas pouco pouca poucos poucas tanto tanta tantos tantas quase cerca
nenhum nenhuma outro outra outros outras qualquer quaisquer certo certa aqui ali fora dentro ne hein afinal
realmente exatamente mais menos bem mal ver olhar dar dá deu dado tem haver houve havia fica fiquei ficou
precisa pegar puxar trazer traz manda mande passa gera gere liste listar retorna calcula calcule some somar
conte contar checar verifica verificar verifique confere conferir quero queremos tentar tenta seria pessoal
funciona funcionar funcionando
acho acha sei vem veio vieram estamos estavam estive esteve dele pra nessa nisso disso daquilo daquele daquela
cade qual quais porque por que lado tipo assim coisa coisas favorzinho rapidinho urgente please thanks
to ta tao tou devendo devo deve devem estou esta estamos quantidade bot robo assistente
tentando entender entendendo perdido perdida confuso confusa rh financeiro diretoria reportar reporte
cumpriu cumpriram cumpri cumprir cumpre simplesmente apontava apontavam trabalhava
prezados prezado prezada compreendo entendo caso efetivamente disponivel disponiveis completas completos
criterio criterios separadamente confirmar confirmando mas tranquilo tranquila
abre abra abrir abrindo detalha detalhe detalhar puxou puxaram puxei ue uai rendo
atividade atividades tarefa tarefas distribuem distribui distribuiram divididas dividem repartem
distribuicao distribuidas distribuidos percentual percentuais porcentagem
comuns frequentes frequente principais cada tipos registros gastou gastaram gastei gasto gastos dedicou
dedicaram dediquei investiu tempo
validar aprovar validarem aprovarem registrar lancar faltam faltaria deixou deixaram deixei deixar
costuma costumo costumam costumava geralmente normalmente usualmente habitualmente inteiro inteira inteiros
consigo rendeu rende renderam fechar fecho fechei dura duram durou separando separado separada
dividindo dividido dividida quebrando quebrado quebrada baixo cima
tirar tirando tirou empresa firma puder possivel gentileza demais bastante
relatorio relatorios fechando fechamento curva diferentes diferente distintas distintos fato realmente
perfeito agora dentro considerando considerar incluindo
olhando olhar vendo representa representam representou representaram equivale
aconteceu acontece aconteceram ocorreu ocorreram base altura sumiu sumiram apontava apontavam
unico unica unicos unicas lancamento lancamentos lancados lancadas anda andam andando
independente independentemente indo junto juntos junta juntas
""".split()

# Words that never change what is asked: politeness, discourse markers, verbs of asking. A question made of
# these and the words of a complete question is that question.
FILLERS = frozenset(
    """
    favor ola oi opa salve hey bom boa noite bem beleza valeu obrigado obrigada brigado informacao informacoes
    gentileza favorzinho rapidinho urgente please thanks ai ne hein afinal entao tipo assim realmente exatamente
    ah eh uai pois bora vamos ok okay certeza novo saber sabe diga diz dizer fala falar mostrar mostre mostra
    ver veja exibir exiba consultar consulta informe informar queria quero gostaria preciso precisava pode
    podes poderia consegue conseguir me mim bot robo assistente aqui nada sozinho sozinha isolado isoladamente
    especificamente precisamente algo ve hmm hmmm hum humm uhum aham ahh verdade curiosidade direitinho certinho
    perai pera proprio proprios propria proprias agradeco agradecido agradecida
    """.split()
)

# Words that change what is asked (the measure, a filter, the grouping, the order, the period): a question
# whose engine cannot honour one must say so, never answer without it. Value: the part of the question it
# changes. Their inflections are not absorbed by stem matching (`known`): "semanais" is not "semana".
OPERATORS: dict[str, str] = {
    **dict.fromkeys(
        "por cada semanal semanais mensal mensais diariamente semanalmente mensalmente".split(), "grouping"
    ),
    **dict.fromkeys("mais menos maior menor maiores menores pior piores melhor melhores top".split(), "order"),
    **dict.fromkeys("primeiros primeiras ultimos ultimas".split(), "limit"),
    **dict.fromkeys("media medias medio total totais soma somando somar tudo".split(), "measure"),
    **dict.fromkeys(
        "percentual percentuais porcentagem porcento proporcao parcela fatia participacao".split(), "share"
    ),
    **dict.fromkeys("sem nao nunca nenhum nenhuma ninguem exceto tirando fora salvo".split(), "negation"),
    **dict.fromkeys("so apenas somente".split(), "restriction"),
    **dict.fromkeys("acima abaixo superior inferior".split(), "threshold"),
    **dict.fromkeys("desde ate antes depois entre durante".split(), "period"),
    **dict.fromkeys("cedo tarde atrasado atrasados atrasada atrasadas".split(), "clock"),
    **dict.fromkeys("versus vs contra compara comparar comparado comparacao".split(), "comparison"),
    **dict.fromkeys("brutas bruta bruto brutos liquidas liquida liquido liquidos".split(), "basis"),
}

VOCABULARY: frozenset[str] = (
    frozenset(DOMAIN) | frozenset(FUNCTION_WORDS) | frozenset(MONTH_NAMES) | PERIOD_WORDS | (FILLERS - {"tarde"})
)
# Words typos are corrected towards; short function words are left alone (too many false friends).
_TARGETS = sorted(w for w in VOCABULARY if len(w) >= 4)
_CUTOFF = 0.8

# difflib's quick_ratio (2 x letters in common / total length) bounds its ratio from above, and
# get_close_matches drops any target under the cutoff on it. Computed for all targets at once from letter
# counts, it leaves difflib a handful of targets instead of all of them: same answer, a fraction of the time
# (difflib over every target was most of understanding's time, and all of its tail).
_LETTERS = {c: i for i, c in enumerate(sorted({c for w in _TARGETS for c in w}))}
_TARGET_COUNTS = np.zeros((len(_TARGETS), len(_LETTERS)), dtype=np.int32)
for _row, _target in enumerate(_TARGETS):
    for _c in _target:
        _TARGET_COUNTS[_row, _LETTERS[_c]] += 1
_TARGET_LENGTHS = np.array([len(w) for w in _TARGETS], dtype=np.int64)

# Snowball's Portuguese stemmer: "apontaram", "apontou", "apontadas" are one word to the engine. Stemmer
# objects are not safe to share between threads (answers run in worker threads): one per thread.
_local = threading.local()


def stem(word: str) -> str:
    """The Snowball stem of a normalised word."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("portuguese")
    return str(stemmer.stemWord(word))


@lru_cache(maxsize=1)
def _stems() -> dict[str, tuple[str, ...]]:
    """Each stem of the vocabulary and the vocabulary words that have it."""
    found: dict[str, list[str]] = {}
    for word in sorted(VOCABULARY):
        found.setdefault(stem(word), []).append(word)
    return {key: tuple(words) for key, words in found.items()}


def forms_of(word: str) -> tuple[str, ...]:
    """The vocabulary words that share `word`'s stem ("apontaram" -> apontado, apontou, ...)."""
    return _stems().get(stem(word), ())


def known(word: str) -> bool:
    """Whether the engine knows `word`, in any inflection of a vocabulary word. An inflection of an operator
    that the vocabulary does not list ("semanais", "diariamente") is not known: it would change the question."""
    if word in VOCABULARY:
        return True
    if word in OPERATORS or len(word) < 4 or any(c.isdigit() for c in word):
        return False
    return bool(forms_of(word))


def role(word: str) -> str | None:
    """What a word does to a question: an operator's part ("grouping", "order", ...), "filler", "known", or
    None for a word the engine does not know."""
    if word in OPERATORS:
        return OPERATORS[word]
    if word in FILLERS:
        return "filler"
    return "known" if known(word) else None


class Rewriter(Protocol):
    """A vocabulary that rewrites words into ones the engine reads (apontamentos.vocabulary.Vocabulary)."""

    def rewrite(self, words: list[str]) -> list[str]: ...


# Requests to change data: the bot only reads. Infinitives and imperatives, never participles
# ("validados" is a question about data; "valide" is a request).
_WRITE = re.compile(
    r"\b(?:apag\w*|delet\w*|exclu[ai]\w*|remov\w*|alter[ae]\w*|mud[ae]r?|edit[ae]r?|corrij\w*|corrig[ei]r?|"
    r"atualiz[ae]r?|cadastr[ae]\w*|lanc[ae]r?|insir\w*|inser[ei]r?|inclu[ai]r?|registr[ae]r?|ajust[ae]r?|"
    r"aprove\w*|aprovar|valide\w*|validar|marc[ae]r?)\b"
)
# "aprova"/"valida" are also 3rd-person verbs ("quem valida a ana?"); as the first word they are orders.
_WRITE_FIRST = re.compile(
    r"^(?:(?:por favor|entao|ai|agora|tb|tambem|ja|ok|blz|beleza|oi|ei|bot|aproveita e)\s+)*"
    r"(?:aprova|valida|corrige|apaga|altera|muda|exclui|remove|refaz|refaca)\b"
)
# Data the bot does not have: pay, rates, money, contact and identity data.
_PERSONAL = re.compile(
    r"\b(?:salari\w*|remunera\w*|ganha\w*|ganho|ganhei|ganhamos|receber|recebo|recebi|pagament\w*|pago|paga|valor|valores|preco\w*|custo\w*|custa\w*|"
    r"pagar|pagam|pagou|pagamos|pagaram|pagara|cobrar|cobra|cobram|cobrou|cobrad[oa]s?|cobramos|cobranca\w*|"
    r"fatur\w*|dinheiro|reais|r|tarifa\w*|taxa\w*|cpf|rg|telefone\w*|celular\w*|whatsapp|zap|e ?mail\w*|"
    r"endereco\w*|aniversario\w*|data de nascimento|nasceu|idade|senha\w*|login|conta bancaria|pix|"
    r"avaliac\w*|demiss\w*|ferias|atestado\w*|doenc\w*"
    r"|quanto (?:que )?(?:vale|valem)|vale (?:a )?(?:minha|sua|nossa|a) hora)\b"
)
# Text that tries to change the bot's instructions is refused like any other out-of-scope request.
_INJECTION = re.compile(
    r"\b(?:ignor[ae]\w*|esqueca\w*|desconsider\w*)\b.*\b(?:instruc\w*|regras?|prompt|anteriores?)\b|"
    r"\b(?:system prompt|prompt do sistema|voce agora eh?|agora voce eh?|finja|aja como|modo desenvolvedor|jailbreak|"
    r"modo admin|(?:me )?(?:libera|liberar|libere|conceda|concede) (?:o )?acesso|me (?:da|de) acesso"
    r"|libera\w* (?:o )?(?:contrato )?\d{4}|"
    r"sem regras|sem filtros?(?! d[eo] (?:mes|periodo|data|datas|atividade|contrato|tecnologia|dia|semana))|revele"
    r"|suas instrucoes)\b"
)

_DATE_SLASH = re.compile(r"(\d)/(\d)")
# "06-11", "6-11-2026", "2026-11-06": a date written with dashes, as a slashed one
_DATE_DASH = re.compile(r"(?<![\w-])(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})-(\d{1,2})(?:-(\d{4}|\d{2}))?)(?![\w-])")


def _dashed_date(match: re.Match[str]) -> str:
    year, month, day = (match.group(1), match.group(2), match.group(3))
    if year is None:
        day, month, year = match.group(4), match.group(5), match.group(6)
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return match.group(0)
    return f"{day}/{month}" + (f"/{year}" if year else "")


_DECIMAL = re.compile(r"(\d),(\d)")
_HOURS_SUFFIX = re.compile(r"\b(\d{1,3}(?:,\d+)?)\s?h\b")  # "9h", "130h"; four digits are a contract
# "contrato nº 8446": dropped before "n" is read as "não"
# (a lowercase "no 8446" is the preposition: "alocado no 8446" must keep it)
_NUMBER_SIGN = re.compile(r"\b(?:[nN][º°.]|N[oO]\.?|no\.)\s*(?=\d)")


# "p/ o 8446", "c/ suporte", "s/ validação": the slash goes with the punctuation, the word must not.
_SLASH_WORDS = {"p": "para", "c": "com", "s": "sem"}
_SLASH_ABBREVIATION = re.compile(r"(?<![\w/])([pcsPCS])/(?=\s|[^\W\d])")
_PERCENT = re.compile(r"%|\bpor\s*cento\b", re.IGNORECASE)


# "sem pass", "mes pass": "passado" cut short, in the gender of its noun
_PAST_CUT = re.compile(r"\b(?:(sem|semana)|(mes|ano)) pass\b")


def _past(match: re.Match[str]) -> str:
    return "semana passada" if match.group(1) else f"{match.group(2)} passado"


# "sem passada", "essa sem": chat shorthand for "semana", told from "sem" (without) by the words around it.
_SEM_WEEK = re.compile(
    r"\bsem(?= (?:pass?ada|retrasada|anterior|atual|que vem)\b)"  # "sem pasada": the typo is fixed later
    r"|(?:(?<=\bessa )|(?<=\bnessa )|(?<=\bnesta )|(?<=\bdessa )|(?<=\bdesta )|(?<=\bultima )|(?<=\bproxima ))"
    r"sem\b(?! (?:\w+r|saidas?|entradas?|validacao|aprovacao|apontamentos?|registros?)\b)"
)


# "de 1/11 pra cá", "de setembro até agora": open at today's end, as "desde" is
_UNTIL_NOW = re.compile(
    r"(?<!fim )(?<!final )(?<!fins )(?<!finais )"  # "no fim de semana de setembro pra cá": since September
    r"\bd[ea] (?!(?:horas?|tempo|apontamentos?|dias?|trabalho)\b)((?:\S+ ){0,2}?\S+) (?:para|ate) (?:ca|agora|hoje)\b"
)


# "o relatório mensal": the report's name, not a breakdown by month
_REPORT_NAME = re.compile(r"\b(relatorio|fechamento|resumo|extrato)s? (?:mensal|mensais|semanal|semanais)\b")
# "5 de outubro", "1º de nov de 2026": the date as digits, so every period reads it ("os 3 de outubro" is a rank)
_DAY_OF_NAMED_MONTH = re.compile(
    rf"(?<!\btop )(?<!\bos )(?<!\bas )\b([0-3]?\d)o? de ({'|'.join(sorted(MONTH_NAMES, key=len, reverse=True))})\b"
    r"(?: de ((?:19|20)\d{2}))?"
)


def _as_date(match: re.Match[str]) -> str:
    day, month, year = int(match.group(1)), MONTH_NAMES[match.group(2)], match.group(3)
    if not 1 <= day <= 31:
        return match.group(0)
    return f"{day}/{month}" + (f"/{year}" if year else "")


# A ranking said in adjectives: "o dia mais forte / cheio" is the most, "mais fraco / vazio" the least.
_BUSIEST = re.compile(
    r"\bmais (?:fortes?|cheios?|cheias?|movimentad[oa]s?|produtiv[oa]s?|puxad[oa]s?|alt[oa]s?|pesad[oa]s?"
    r"|intens[oa]s?)\b"
)
_QUIETEST = re.compile(
    r"\bmais (?:fracos?|fracas?|vazi[oa]s?|parad[oa]s?|tranquil[oa]s?|baix[oa]s?|leves?|(?:para|pra) tras)\b"
)
# "teve dia útil q passou batido?": a day without entries
_SLIPPED = re.compile(r"\b(?:que|q) (?:passou|passaram|ficou|ficaram) batidos?\b")
# "alguém sumiu?": stopped recording
_VANISHED = re.compile(r"\b(?:sumiu|sumiram|desapareceu|desapareceram)\b")
# "e na retrasada?", "dessa semana e da passada": a feminine "passada" with no noun is a week ("sexta passada"
# has its noun; a month is "passado")
_BARE_WEEK = re.compile(r"\b((?:n|d)?a) (retrasada|passada|anterior)\b")
# "quantas pessoas já apontaram nesse contrato no total?": ever, the whole data
_EVER_TOTAL = re.compile(
    r"\b(ja (?:apontaram|apontou|trabalharam|trabalhou|lancaram|lancou|passaram|passou)\b.*?)\bno total\b"
)
# "quanto ela deveria ter feito vs o que ela fez?": what she worked, not what she did (her activities)
_WHAT_WAS_DONE = re.compile(r"\b(?:vs|x|versus|e) o (?:que|q) (?:ela|ele|eu) (?:fez|fiz|trabalhou|trabalhei)\b")
# Words that repeat the question or define what the bot already means: "nas mesmas condições", "contando cada
# pessoa em cada dia", "embora tivessem apontado nos trinta dias anteriores" (what "parou de apontar" is)
_SAME_CONDITIONS = re.compile(r"\b(?:n?as mesmas condicoes|com os mesmos filtros|do mesmo jeito|no sistema)\b")
# "muda de assunto: …", "volta pro 8033, …": the talk moves; what follows is the question
_TOPIC_SHIFT = re.compile(
    r"\b(?:muda(?:ndo)? de assunto|mudando o assunto|outra pergunta"
    r"|(?:volta|voltando|voltar|retomando) (?:pro|pra|para o|para a|ao|a|para|em|no|na|nos|nas)(?= \w))"
)
# "volta pro time: top 5", "volta pro contrato todo, …", "volta pro 8120": back to the team (or the one named
# alone), a follow-up of the talk
_GOING_BACK = re.compile(
    r"^(?:e )?(?:volta|voltando|voltar|retomando) (?:pro|pra|para o|para a|ao|a|para|em|no|na|nos|nas)"
    r"(?= (?:(?P<team>time|pessoal)|(?P<crew>equipe)|(?P<whole>contrato (?:todo|inteiro)(?!.*\b\d{4}\b)))\b| \S+$)"
)
# "e a Tânia que eu perguntei antes": she is named; when she was asked about does not matter
_ASKED_BEFORE = re.compile(
    r"\b(?:que|q) (?:eu )?(?:te )?(?:perguntei|falei|mencionei|citei)(?: antes| agora pouco| ha pouco| no comeco)?\b"
)
# "lista quem tá no meu contrato", "quem está no 8446": who works there
_WHO_IS_IN = re.compile(
    r"\bquem (?:ta|esta|estao|fica|faz parte)"
    r"(?= (?:n|d)[oa]s? (?:meus? |minhas? )?(?:contratos?|time|equipe|\d{4}\b|e\d{7}))"
)
# "bruto x líquido dele no mês": both figures, which an answer about hours gives
_BOTH_BASES = re.compile(
    r"\b(?:brut[oa]s? (?:e|x|vs|ou|versus) liquid[oa]s?|liquid[oa]s? (?:e|x|vs|ou|versus) brut[oa]s?)\b"
)
# "qnts recursos eu tenho no total?" from a gestor: his team's size, not his own entries
_MY_PEOPLE = re.compile(
    r"\b(quant[oa]s (?:recursos|pessoas|consultores|colaboradores|analistas|desenvolvedores|devs|arquitetos"
    r"|engenheiros|scrum masters|testers|juniors?|plenos?|seniors?|especialistas|java|sap|devops|python|azure"
    r"|mobile|frontend|dados|qa|dot net|net)(?: (?:de|da|do) \w+)?(?: (?:junior|pleno|senior|especialista)s?)?) "
    r"(?:eu )?tenho\b"
)
_DONE_WORK = re.compile(r"\brealizad[oa]s?\b")  # "esperado vs realizado": the hours worked
_EACH_PERSON_EACH_DAY = re.compile(r"\bcontando cada (?:pessoa|recurso) (?:em|por) cada dia\b")
_STOPPED_DEFINED = re.compile(
    r"\b(?:ficaram|ficou) sem apontar\b(.*?)\b(?:(?:embora|mas|apesar de) (?:\w+ )?"
    r"(?:tivessem|tenham|tinham|tenha|tinha) apontado nos (?:30|trinta) dias anteriores"
    r"|(?:que|q) (?:tinha|tinham) apontad[oa]s? antes)\b"
)
_CONCENTRATED = re.compile(r"\b(?:concentrou|concentraram|concentra|concentram)\b")
# "quantas horas esses 10 fizeram de deploy?": the people just listed
_THESE_N = re.compile(
    r"\b(?:esses|estes|essas|estas) \d{1,3}\b(?! (?:dias?|horas?|h|apontamentos?|contratos?|semanas?)\b)"
)
# "nos ult 30 dias", "ult semana", "ult mes": "último" cut short, in the gender of its noun
_LAST_CUT = re.compile(r"\bult (?:(\d+)|(semana)|(mes|dia|apontamento))\b")


def _last_cut(match: re.Match[str]) -> str:
    if match.group(1):
        return f"ultimos {match.group(1)}"
    return f"ultima {match.group(2)}" if match.group(2) else f"ultimo {match.group(3)}"


# "esse mês e no passado", "de outubro e do anterior": a masculine one with no noun, after a month, is a month
_BARE_MONTH = re.compile(r"(\bmes\b.*?\b(?:(?:n|d)?o)) (retrasado|passado|anterior)\b")
# "qnts ficaram devendo algum dia?": a day without entries, not the hours' balance
# "quem ta devendo apontamento essa semana?": days without entries, not the hours' balance
_OWING_ENTRIES = re.compile(r"\b(?:ta|esta|estao|tao|ficou|ficaram) devendo (?:algum |os |o )?apontamentos?\b")
_OWING_A_DAY = re.compile(
    r"\b(?:(to|tou|estou|(?:eu )?fiquei)|ficaram|ficou|fica|ficam|esta|estao|ta|tao) devendo "
    r"(?:algum|alguns|um|uns|(quant[oa]s)) dias?\b"
)


def _owing_a_day(match: re.Match[str]) -> str:
    """ "tô devendo algum dia?": mine; "ela tá devendo qnts dias": how many."""
    days = "quantos dias" if match.group(2) else "algum dia"
    return f"eu fiquei sem apontar {days}" if match.group(1) else f"ficaram sem apontar {days}"


# "como tá a semana do time?": this week so far
_HOW_IS_THE_WEEK = re.compile(r"\bcomo (?:ta|esta|anda|vai|foi) a semana\b(?! passada| retrasada| anterior)")
# "passaram de 9h30": nine and a half hours
_HOURS_MINUTES = re.compile(r"\b(\d{1,2}) ?h ?([0-5]\d)\b(?: ?min)?")
# "considerando 8h/dia": the day the calendar counts already, said again ("6h/dia" stays, and is not understood)
_DEFAULT_DAY = re.compile(
    r"\b(?:considerando|contando|calculando|com|de|a) 8 ?(?:h|horas)(?: ?/ ?| por | ao | )dia(?: util| de trabalho)?\b"
)
# "no mês todo de novembro": November, the whole of it
_WHOLE_MONTH_OF = re.compile(
    rf"\b(?:n?o |d?o )?mes (?:todo|inteiro) de ({'|'.join(sorted(MONTH_NAMES, key=len, reverse=True))})\b"
)


def _as_hours(match: re.Match[str]) -> str:
    value = int(match.group(1)) + int(match.group(2)) / 60
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",") + " horas"


# "dez de novembro", "primeiro de outubro": a day in words ("dez" was read as December's abbreviation)
_DAY_IN_WORDS = re.compile(rf"\b(?:(dezembro)|primeiro) de ({'|'.join(sorted(MONTH_NAMES, key=len, reverse=True))})\b")
# "o hugo tá atrasado nas horas?": below the expected hours, not a late arrival; "tá em dia com as horas do mês?",
# "fechei minhas horas?": whether the expected hours are met, the same balance
_BEHIND = re.compile(
    r"\b(?:(?:atrasad[oa]s?|devendo) (?:n?as|com as|nas suas|em) horas"
    r"|em dia com (?:as |suas |minhas )?horas"
    r"|(?:fechei|fechou|fecharam|completei|completou|completaram|cumpri|cumpriu|cumpriram|bati|bateu|bateram)"
    r" (?:as |suas |minhas )?horas(?= d[oa] (?:mes|semana)\b| (?:esse|este|nesse|neste|em|de) \w+|\s*\??$))"
)


def _behind(match: re.Match[str]) -> str:
    """ "fechei minhas horas?": mine; "ele tá em dia com as horas?": his."""
    mine = re.match(r"(?:fechei|completei|cumpri|bati)\b|.*\bminhas\b", match.group(0))
    return "eu estou abaixo do esperado" if mine else "abaixo do esperado"


# "qnts dias to devendo?", "quantos dias ela ta devendo": days without entries (read as "tô devendo quantos dias")
_DAYS_OWED = re.compile(
    r"\b(?:quant[oa]s|qnts?|qts?|qntos) dias (?:(?:que|q) )?(\w+ )??"
    r"((?:to|tou|estou|ta|esta|tao|estao|fiquei|ficou|ficaram) devendo)\b"
)
# "… de 05/10 até 17/10 pq acho q ele trabalhou no sábado": why it is asked, not what (the sábado is no filter)
_BECAUSE_I_THINK = re.compile(
    r"\s*,?\s*\b(?:pq|porque|por que|pois|ja que)\s+(?:eu\s+)?"
    r"(?:acho|acredito|imagino|lembro|desconfio)\s+(?:que|q)\b.*$"
)
# "preciso fechar o relatório até amanhã, me passa …": a deadline, not the period asked about
_DEADLINE = re.compile(r"\b((?:preciso|tenho que|fechar|entregar|mandar|enviar)\b.*?) (?:ate|para) amanha\b")
# "quebra isso por semana pra mim": a courtesy, not the asker as the subject
_FOR_ME = re.compile(
    r"\b((?:quebra|quebre|mostra|mostre|manda|mande|passa|passe|lista|liste|traz|traga|faz|faca|calcula|calcule"
    r"|separa|separe|divide|divida|abre|abra|puxa|puxe|gera|gere|ve|veja|confere|confira|checa|cheque"
    r"|soma|some|levanta|levante|ordena|ordene)\b"
    r"(?: \w+){0,9}?) para mim\b"
)


# "quem mais corrigiu bug?", "quem corrigiu mais bug": the activity "correção de bugs", said as a verb
def _fixed_bugs(match: re.Match[str]) -> str:
    more = re.search(r"\b(mais|menos)\b", match.group(0))
    return f"{more.group(1)} fez correcao de {match.group(1)}" if more else f"correcao de {match.group(1)}"


_FIXED_BUGS = re.compile(r"\bcorrig\w* (?:(?:mais|menos) )?(?:os |o |de |uns |algum |alguns )?(bugs?)\b")
# "sou eu q mais aponto no meu contrato?", "fui eu que mais fiz hora em outubro?": the ranking, where the asker
# stands in it; the verb is put in the third person so that it is not read as the asker's own figure
AM_I_THE_ONE = re.compile(
    r"\b(?:sera (?:que|q) )?(?:sou eu|fui eu|eu sou (?:o|a)|eu fui (?:o|a)|eu que sou (?:o|a)) (?:q|que|quem) "
    r"(mais|menos) (\w+)"
)
_THIRD_PERSON = {
    "aponto": "aponta", "apontei": "apontou", "fiz": "fez", "faco": "faz", "trabalho": "trabalha",
    "trabalhei": "trabalhou", "lanco": "lanca", "lancei": "lancou", "registro": "registra", "registrei": "registrou",
}  # fmt: skip
# "sou só gestora", "eu sou o coordenador": who the asker is, said in passing (the scope says it already)
_I_AM_THE = re.compile(
    r"\b(?:eu )?sou (?:so |apenas |somente )?(?:o |a )?(?:gestor|gestora|coordenador|coordenadora|gerente|lider)\b"
    r"|^(?:oi |ola )?sou eu(?: (?:o|a) \w+)?\b"  # "sou eu o xavier, quantas horas eu tenho?": the asker, said
    # "ah ta, eu so gerencio mesmo. e o time …": that the asker records no time, said in passing
    r"|\beu (?:so |apenas |somente )?gerencio(?: mesmo)?\b(?=\W+\w)"
    r"|\beu (?:nao aponto|nao registro)(?: mesmo| nada)?(?=\s*[.!;]\W*\w)"
)
# "quantas pessoas tem no 8301 hoje em dia?": now, that is the team as the data has it, not today
_NOWADAYS = re.compile(r"\b(?:hoje em dia|atualmente|hj em dia)\b")  # read as "considerando tudo"
# "alguém com dia útil em branco?": a day without entries
_BLANK_DAY = re.compile(
    r"\b(dias?(?: uteis| util)?) em branco\b"
    r"|\b(dias?(?: uteis| util)?)((?: \w+){1,4}) (?:deixou|deixaram|deixei|ficou|ficaram|esta|estao|ta|tao)"
    r" em branco\b"
)
# "e sem filtrar atividade?", "sem ser só desenvolvimento": the filter said dropped
_UNFILTERED = re.compile(
    r"\b(?:(?:sem|tirando|tira|removendo|ignorando) (?:o |os )?(?:filtrar|filtros? de|filtros? por|filtros?"
    r"|separar por|considerar)|independente|independentemente|qualquer que seja)"
    r" (?:a |o |por |pela |pelo |da |do |de )?"
    r"(?:(atividades?|tarefas?)|(contratos?)|(tecnologias?)|(dias? da semana)|(mes|meses|periodo|datas?)"
    r"|(perfil|perfis|cargos?))\b"
)
_NOT_ONLY = re.compile(r"\bsem ser (?:so|somente|apenas)\b")
# "sem ser só sexta", "não só nas segundas": the weekday filter dropped
_EVERY_WEEKDAY_AGAIN = re.compile(
    r"\b(?:sem ser|nao) (?:so |somente |apenas )?(?:n?[oa]s? )?"
    r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)s?(?: feiras?)?(?! \d)\b"
)


def _unfiltered(match: re.Match[str]) -> str:
    if match.group(4):
        return "todos os dias"  # "tirando o filtro de dia da semana"
    if match.group(5):
        return "em todo o periodo"  # "sem filtro de mês": all the data
    if match.group(6):
        return " "  # "e nível júnior, sem filtrar perfil": the level alone names who
    return (
        "todas as atividades" if match.group(1) else "todos os contratos" if match.group(2) else "todas as tecnologias"
    )


# "no sábado dia 14", "domingo 18/10": the weekday only describes the date beside it
_WEEKDAY_OF_A_DATE = re.compile(
    r"\b(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)? "
    r"(?=(?:dia )?\d{1,2}(?:/\d{1,2})?\b(?! (?:horas|h)\b))"
)
# "e em todas as sextas?": every Friday in the data, not those of the period talked about
_EVERY_WEEKDAY = re.compile(
    r"\b(?:em |n)?(?:todas as|todos os) (segunda|terca|quarta|quinta|sexta|sabado|domingo)s\W*$"
)
# "8447 semana passada vs a anterior": the week before that one, not last week again
_LAST_AND_BEFORE = re.compile(
    r"\bsemana passada (?:vs|versus|x|contra|comparad[oa] com|com|e) (?:a |na )?(?:semana )?(?:anterior|retrasada)\b"
)
# "top 3 na semana": the week talked about (or this one), like "nessa semana"
_IN_THE_WEEK = re.compile(r"\bna semana\b(?! (?:passada|retrasada|anterior|atual|que vem|de|do|da|toda|inteira)\b)")
# "alguém que apontava e simplesmente parou?": who stopped recording time
_STOPPED = re.compile(
    r"\b(?:apontava|trabalhava|lancava)(?: (?:antes|direito|normal))? e (?:\w+ )?parou\b"
    r"|\bparou de (?:lancar|registrar|apontar|bater)(?: (?:horas?|hr|hrs|ponto))?\b"  # "quem parou de lançar hora"
)
# Formal ways to say what the engine reads: "sob minha gestão", "fora do comum", "sem horário de saída", …
# A day named on its own in a list of days ("segunda, ontem e hoje")
_LISTED_DAY = r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)?|anteontem|ontem|hoje"

_CHANGED = r"(?:cresc|aument|diminu|sub|baix|melhor|pior|mud|vari)(?:eu|iu|ou|eram|iram|aram)|caiu|cairam"
_MONTHS = "|".join(sorted(MONTH_NAMES, key=len, reverse=True))


def _to_month_end(match: re.Match[str]) -> str:
    """ "de 15/10 até o fim do mês": to the last day of that month (February taken as 28 days)."""
    day, month = int(match.group(1)), int(match.group(2))
    last = 28 if month == 2 else calendar.monthrange(2001, month)[1] if 1 <= month <= 12 else day
    return f"de {day:02d}/{month:02d} a {last:02d}/{month:02d}"


_WHO_WORDS = frozenset("quem ninguem alguem quantos quantas quais pessoas gente q que tem teve semana mes".split())


def _hers(match: re.Match[str]) -> str:
    """ "a ana soares lima não apontou nada ontem?": her hours then; "e quem não apontou nada?" stays as asked."""
    if _WHO_WORDS & set(match.group(1).split()):
        return match.group(0)
    return f"quanto {match.group(1)} {match.group(2)}"


# "mesma comparação só q em setembro", "faz a mesma conta para agosto": the question before, something changed
SAME_AGAIN = r"(?:e )?(?:faz |faca )?(?:a )?mesma (?:comparacao|coisa|conta|pergunta)(?: (?:so|mas))?(?: (?:que|q))? "
_FORMAL = (
    # "qm foi o q mais fez": who did most (not "o que fez", the activities)
    (re.compile(r"\bquem foi (?:o|a) (?:que|q) (mais|menos) (fez|trabalhou|apontou|lancou)\b"), r"quem \1 \2"),
    # "as horas normais dela": her hours (not "fora do normal", the outliers)
    (re.compile(r"\bhoras normais\b"), "horas"),
    # "qual fornecedor mais apontou": the supplier contracts
    (re.compile(r"\bfornecedor(es)?\b"), lambda m: "contratos" if m.group(1) else "contrato"),
    # "e o dia com mais hrs" after the weekdays: the date (not the weekday) with most hours
    (re.compile(r"\bo dia (?:com|que teve|de) mais (horas|apontamentos)\b"), r"o dia que mais teve \1"),
    # "entre setembro e hoje", "de setembro até hoje": from that month's first day
    (re.compile(rf"(?<!\d )(?<!quinzena )\b(?:entre|de) ({_MONTHS}) (?:e|a|ate) hoje\b"), r"desde \1"),
    # "na segunda quinzena de novembro até agora": that fortnight, which the data ends within
    (re.compile(rf"\b(quinzena(?: (?:de|do mes de) (?:{_MONTHS}))?) (?:ate hoje|ate agora)\b"), r"\1"),
    # "do dia 10/11 pra cá", "do dia 3 de novembro em diante": since that day
    (
        re.compile(
            rf"\b(?:(?:a partir )?d?o )?(?:dia )?(\d{{1,2}}(?:/\d{{1,2}}(?:/\d{{2,4}})?| de (?:{_MONTHS})))"
            r" (?:em diante|pra ca|para ca)\b"
        ),
        r"desde \1",
    ),
    (re.compile(r"\b(?:a partir )?do dia (\d{1,2}) (?:em diante|pra ca|para ca)\b"), r"desde o dia \1"),
    # "do início do mês até dia 10": this month's first days
    (re.compile(r"\b(?:desde o|do) (?:inicio|comeco) do mes ate (?:o )?dia (\d{1,2})\b"), r"ate o dia \1"),
    # "do início do mês pra cá", "desde o começo da semana": this month, week or year up to today
    (
        re.compile(
            r"\b(?:desde o|do|a partir do) (?:inicio|comeco) d([oa]) (mes|semana|ano)"
            r"(?: (?:pra ca|para ca|em diante|ate agora|ate hoje)\b|(?! ate\b))\b"
        ),
        lambda m: f"neste {m.group(2)}" if m.group(1) == "o" else "nesta semana",
    ),
    # "até o dia 10 desse mês", "de 1 a 10 desse mês": those days of this month
    (re.compile(r"\bate o dia (\d{1,2}) (?:desse|deste|do) mes\b"), r"ate o dia \1"),
    (re.compile(r"\bde (\d{1,2}) a (\d{1,2}) (?:desse|deste) mes\b"), r"do dia \1 ao dia \2"),
    (re.compile(r"\b(?:entre|de) (\d{1,2})/(\d{1,2}) (?:e|a|ate) (?:o )?(?:fim|final) do mes\b"), _to_month_end),
    (re.compile(r"\bsomando (?:todos )?(?:os )?feriados\b"), "em todos os feriados"),  # "e somando todos os feriados"
    # "coloca setembro do lado pra eu comparar": that period beside the one just answered
    (
        re.compile(
            r"^(?:e )?(?:coloca|poe|bota|mostra|põe)\s+(?:o |a )?(\w+(?: \w+)?)\s+(?:do lado|lado a lado|junto)\b"
        ),
        r"e comparado com \1",
    ),
    # "qnts horas vou ter q fazer em dezembro?": what is expected, not what was done
    (re.compile(r"\b(?:vou|vamos) ter (?:que|q|de) (fazer|trabalhar|cumprir|apontar)\b"), r"eu deveria \1"),
    # "quantas horas ele tinha q fazer em outubro": what was expected of him
    (
        re.compile(r"\b(?:tinha|tinham|teria|teriam) (?:que|q|de) (fazer|trabalhar|cumprir|apontar|ter feito)\b"),
        r"deveria \1",
    ),
    (re.compile(r"\b(?:vai|vao) ter (?:que|q|de) (fazer|trabalhar|cumprir|apontar)\b"), r"deveria \1"),
    # "volta pra setembro, top 5 por horas": the same question, in September
    (re.compile(rf"^volta (?:pra|para|pro|no|em) (?=(?:{_MONTHS}|semana|mes|ontem|hoje)\b)"), "e em "),
    # "quais os 3 do 7950 que mais apontaram": the top of that contract (the number is how many, not a name)
    (
        re.compile(
            r"\b(?:quais |quem (?:sao|foram) )?(?:os|as) (\d{1,2}) (d[oa] (?:contrato )?(?:\d{4}|e\d{7})) "
            r"(?=(?:que|q) (?:mais|menos)\b)"
        ),
        r"top \1 \2 ",
    ),
    (re.compile(r"\bcontrato ([1-9]\d) ([1-9]\d)\b"), r"contrato \1\2"),  # "contrato oitenta e quatro quarenta e seis"
    (re.compile(r"\bsem (passada|retrasada|anterior)\b"), r"semana \1"),  # "sem passada qnt deu?": last week
    # "e quem tá acima de todo mundo? top 3" after a contract's average: its top, not everyone's
    (re.compile(r"\bquem (?:ta|esta|fica|ficou|ficaram) (?:acima|na frente) de todo mundo\b"), "quem fez mais"),
    # "jurema set x out x nov": three months or more side by side are a table by month, as "set, out e nov" is
    (
        re.compile(rf"\b({_MONTHS}) (?:x|vs|versus) ({_MONTHS})((?: (?:x|vs|versus) (?:{_MONTHS}))+)\b"),
        lambda m: (
            " ".join([m.group(1), *re.split(r" (?:x|vs|versus) ", f"{m.group(2)}{m.group(3)}")[:-1], "e"])
            + " "
            + re.split(r" (?:x|vs|versus) ", m.group(3))[-1]
        ),
    ),
    # "ele começou que horas hj", "cheguei q horas ontem": the time asked, said after the verb
    (
        re.compile(
            r"\b((?:ele|ela|eu|voce) )?(entrou|entrei|chegou|cheguei|comecou|comecei|saiu|sai) (?:as |a )?que horas\b"
        ),
        r"que horas \1\2",
    ),
    # "quantos do meu contrato não bateram o ponto ontem": who recorded nothing (the exit forgotten is "a saída")
    (
        re.compile(r"\bnao (bateram|bateu|bati|batemos|batem) (?:o )?ponto\b(?! de saida)"),
        lambda m: "nao " + {"bateram": "apontaram", "bateu": "apontou", "bati": "apontei"}.get(m.group(1), "apontam"),
    ),
    # "quantos têm dia útil sem lançamento?", "quantos deixaram algum dia útil sem registro": people, not the calendar
    (
        re.compile(
            r"\bquant[oa]s (?:pessoas |recursos )?((?:\w+ ){0,3}?)(?:tem|teve|tiveram|deixaram|ficaram com) "
            r"(?:algum |algun?s? )?dias? (?:util|uteis) sem (?:lancamentos?|registros?|apontamentos?|apontar|lancar"
            r"|registrar)\b"
        ),
        r"quantas pessoas \1ficaram sem apontar algum dia",
    ),
    (re.compile(r"\bsem (?:a|o) (?:registro de |marcacao de |batida de )?saida\b"), "sem saida"),  # "ficou sem a saída"
    # "eu queria saber do contrato 8600 quantas horas…": who wants to know, not whose hours
    (
        re.compile(
            r"^((?:(?:oi|ola|opa|ei|bom dia|boa tarde|boa noite|e ai|entao|ah|bom|pessoal|gente) )*)"
            r"eu (queria|quero|gostaria de|preciso|precisava) (saber|ver|conferir)\b"
        ),
        r"\1\2 \3",
    ),
    # a contract dictated: "oito quatro quatro seis", "sete nove cinco um", "oito mil cento e vinte"
    (
        re.compile(r"\b(\d) (\d) (\d) (\d|um)\b"),
        lambda m: "".join("1" if d == "um" else d for d in m.groups()),
    ),
    (re.compile(r"\b([1-9]) mil(?: e)? (\d{1,3})\b"), lambda m: str(int(m.group(1)) * 1000 + int(m.group(2)))),
    (re.compile(r"\bsob (?:a )?minha (?:gestao|responsabilidade)\b"), "meus"),
    # "quem passou de 8h por dia": in a day, unless it is an average ("mais de 8h por dia em média")
    (
        re.compile(r"\b(passou|passaram|acima|mais) de (\d+(?:,\d+)? horas) por dia\b(?! (?:em|de|na) media)"),
        r"\1 de \2 em um dia",
    ),
    (re.compile(rf"\b(?:n|d)?(?:esse|este) mes de ({_MONTHS})\b"), r"em \1"),
    (re.compile(r"^(?:e )?(?:o )?(ultimo|ultima)$"), r"e o \1"),
    (re.compile(r"\btop(\d{1,2})\b"), r"top \1"),  # "8447 top5 10/2026"
    # "total do mês passado e deste": the two months
    (re.compile(r"\bmes passado e (?:o )?(?:deste|desse|este|esse|o atual)\b(?! mes)"), "mes passado e esse mes"),
    (
        re.compile(r"\bsemana passada e (?:a )?(?:desta|dessa|esta|essa|a atual)\b(?! semana)"),
        "semana passada e essa semana",
    ),
    # "tem algum dia útil que ficou faltando?": a day without an entry
    (
        re.compile(r"\b(dias?)(?: util| uteis)? (?:que |q )?(?:ficou|ficaram|esta|estao|ta|tao) faltando\b"),
        r"\1 sem apontamento",
    ),
    # "que horas a jurema tá chegando essa semana": when she arrived each day
    (
        re.compile(r"\b(?:ta|esta|tao|estao) (cheg|entr)ando\b"),
        lambda m: "chegou" if m.group(1) == "cheg" else "entrou",
    ),
    # "volta no primeiro, e em outubro?": the first of the contracts talked about
    (re.compile(r"\b(?:volta|voltando|voltar|retomando) (?:no|pro|para o|ao) (primeiro|segundo|ultimo)\b"), r"e no \1"),
    # "quanto era pra eu ter até hoje?": the hours expected of me
    (
        re.compile(r"\bquanto (?:era|seria) (?:pra|para) (eu|ela|ele) ter(?: feito| apontado)?\b"),
        r"quanto \1 deveria ter feito",
    ),
    (re.compile(r",?\s*\b(?:ou )?(?:e|eh) (?:so )?impressao minha\b"), " "),  # "… ou é impressão minha": not me
    # "e o 8447 todo?": the whole contract, in the period talked about (as "o contrato 8447 inteiro")
    (
        re.compile(r"\b(?:(o|do|no) )?((?!(?:19|20)\d\d\b)\d{4}|e\d{7}) (?:todo|inteiro)\b"),  # not "2025 todo"
        lambda m: f"{m.group(1) or 'o'} contrato {m.group(2)} inteiro",
    ),
    # "tem algum apontamento anormal esse mês? tipo muito longo": the entries far longer than usual
    (re.compile(r"\bapontamentos? (?:anorma(?:l|is)|fora do normal|esquisitos?)\b"), "apontamentos muito longos"),
    # "a semana do feriado de 02/11": the week that day is in
    (
        re.compile(r"\b(?:a |na |da )?semana do (?:feriado (?:de |do dia )?|dia )?(\d{1,2}/\d{1,2})\b"),
        r"na semana de \1",
    ),
    # "em tabela se der", "monta uma tabela com as horas por dia…": the answer is a table wherever it can be
    (re.compile(r",?\s*\b(?:em|numa|em uma|na|como) tabela(?: se (?:der|puder|possivel)| por favor| pfv)?\b"), " "),
    (
        re.compile(
            r"\b(?:(?:me )?(?:monta|montar|faz|faca|fazer|gera|gerar)|me (?:da|de|manda|passa|mostra|mostre))"
            r" (?:uma |a )?(?:tabela|tabelinha|planilha) (?:com |de |(?=d[oa] (?:meu|minha|seu|sua)\b))?"
        ),
        "",
    ),
    (re.compile(r"^(?:e )?(?:a|uma) (?:tabela|tabelinha|planilha) (?:com|de) (?=(?:as )?horas\b)"), ""),
    # "tabela mês a mês do 7951", "me passa a tabela diária do hugo": hours, so grouped
    (
        re.compile(
            r"\b(?:(?:me )?(?:mostra|mostre|manda|passa|da|de) )?(?:a |uma )?(?:tabela|tabelinha|planilha) "
            r"(?=(?:mes a mes|semana a semana|dia a dia|semanal|mensal|diari[oa])\b)"
        ),
        "horas ",
    ),
    # "preciso de uma tabela por pessoa do meu contrato": hours by person
    (
        re.compile(
            r"\b(?:(?:preciso|precisava|quero|queria) (?:de )?)?(?:uma |a )?(?:tabela|tabelinha|planilha) "
            r"(?:de horas )?(?=por\b)"
        ),
        "horas ",
    ),
    # "lista todo mundo do 7951 por horas", "lista as pessoas do 8121": each person's hours there
    (
        re.compile(
            r"\b(?:lista|liste|listar|mostra|mostre|traz|traga|manda|passa) (?:todo mundo|todos|todas as pessoas"
            r"|as pessoas|o pessoal|a galera|os recursos|a equipe toda|o time todo)(?: por horas?)?"
            r"(?= (?:do|da|no|na|de) (?:contrato )?(?:\d{4}|e\d{7})\b)"
        ),
        "horas por pessoa",
    ),
    # "agora os 3 de baixo", "mostra os 2 de cima" alone: that end of the list just shown
    (
        re.compile(
            r"^(?:e |agora |entao |ai )?(?:me )?(?:mostra |manda |lista |passa |ve )?(?:so )?(?:os|as) (\d{1,2}) "
            r"(?:la )?de (baixo|cima)(?: da lista)?\W*$"
        ),
        lambda m: f"e os {m.group(1)} com {'menos' if m.group(2) == 'baixo' else 'mais'}",
    ),
    # "em qntos dias distintos", "quantos dias diferentes ela apontou": the days with an entry
    (re.compile(r"\b(dias?) (?:distintos|diferentes|unicos)\b(?! (?:de|da|do)\b)"), r"\1 com apontamento"),
    # "a primeira quinzena de outubro (1 a 15)": the days the fortnight already says; "outubro (1 a 10)": those
    (
        re.compile(rf"\b(quinzena (?:de|do mes de) (?:{_MONTHS})),? (?:dia )?\d{{1,2}} (?:a|ate) \d{{1,2}}\b(?!/)"),
        r"\1",
    ),
    (re.compile(rf"\b(?:de |em )?({_MONTHS}),? (\d{{1,2}}) (?:a|ate) (\d{{1,2}})\b(?![/\d]| ?h)"), r"de \2 a \3 de \1"),
    # "hm ok. e o time todo…": a hesitation
    (re.compile(r"^(?:h+m+|hu+m+|u+h+m+)\b\W*(?=\w)"), ""),
    # "pergunta geral: qual contrato…", "dúvida rápida:": an announcement, not part of the question
    (
        re.compile(r"^(?:(?:uma|outra|1) )?(?:pergunta|duvida)(?: (?:geral|rapida|rapidinha|simples|aqui))?\s+(?=\w)"),
        "",
    ),
    # "no dia 20 teve alguém apontando? quantos": how many people recorded
    (
        re.compile(r"\b(?:teve|tem|tinha|houve) alguem (?:apontando|trabalhando|lancando)\b(?: quantos\b)?"),
        "quantas pessoas apontaram",
    ),
    # "agora ordena por qtd de lançamentos em vez de horas": the same list, by that measure
    (
        re.compile(
            r"^(?:e |agora |entao )?(?:me )?(?:ordena|ordene|ordenar|classifica|organiza)(?: (?:isso|a lista|ai))? por "
            r"(?:(?:qtd|quantidade|numero) de )?(gente|pessoas|recursos)?"
        ),
        lambda m: "e por numero de pessoas" if m.group(1) else "e por ",
    ),
    (re.compile(r",?\s*\b(?:em vez|ao inves|no lugar) de (?:horas|apontamentos|lancamentos|pessoas)\b"), " "),
    # "ah sim, eu n aponto. e o 8121 essa semana?": a remark about oneself before the question
    (
        re.compile(
            r"^(?:(?:ah|a|ok|ta|sim|verdade|entendi|e mesmo)\W+)*"
            r"(?:eu )?nao (?:aponto|lanco|registro|bato ponto)\W+(?=e )"
        ),
        "",
    ),
    # "e em entradas?" after someone's hours: the entries (not the clock-in times)
    (re.compile(r"^(?:e )?(?:em|por) (?:qtd de |quantidade de |numero de )?entradas\W*$"), "e em apontamentos"),
    # "quem tá no topo lá": who did most
    (re.compile(r"\bquem (?:ta|esta|fica|ficou) (?:no topo|na frente|em primeiro|na lideranca)\b"), "quem fez mais"),
    # "lançamento muito comprido esquisito": abnormal entries
    (
        re.compile(
            r"\b(apontamentos?|lancamentos?|registros?)((?: muito)? (?:comprid|long)[oa]s?)?,? "
            r"(?:esquisit|estranh)[oa]s?\b"
        ),
        r"\1 anormais",
    ),
    (re.compile(r"\bmuito comprid[oa]s?\b"), "muito longo"),
    # "media por lancamento" alone after someone's entries: theirs, as "e a média por apontamento?"
    (re.compile(r"^(?:e )?(?:a )?media (?:por|de cada) (?:lancamento|apontamento)\W*$"), "e a media por apontamento"),
    # "quantos caras de SAP", "os caras do 8446": people
    (
        re.compile(r"\b(?:quantos|os|dos|pros|aos|esses|desses) caras\b"),
        lambda m: (
            m.group(0)
            .replace("caras", "pessoas")
            .replace("quantos", "quantas")
            .replace("esses", "essas")
            .replace("desses", "dessas")
            .replace("os pessoas", "as pessoas")
        ),
    ),
    # "e por qtd de gente" after the contracts by hours: by how many people
    (re.compile(r"\bpor (?:qtd|quantidade|numero) de (?:gente|pessoas|recursos)\b"), "por numero de pessoas"),
    # "quanto cada um dos meus dois contratos fez": by contract
    (
        re.compile(
            r"\b(?:em |de |para |pra )?cada um dos (?:meus |seus |nossos |teus )?(?:dois |2 |tres |3 )?contratos\b"
        ),
        "por contrato",
    ),
    # "o total geral dela, todos os meses somados": hers, over all the data
    (re.compile(r"\btotal geral (dela|dele|deles|delas|meu|minha|seu|sua)\b"), r"total \1 no geral"),
    # "e o total geral líquido" after her months: hers, summed
    (re.compile(r"\btotal geral( (?:liquid|brut)[oa]s?)?\b(?! d[eoa]s?\b)"), r"total\1 no geral"),
    # "mostra todos os meses" after the busiest month: every month, each (else all of them, as one)
    (re.compile(r"\b(?:mostra|lista|manda|passa|abre|ve) (?:todos os|cada) (?:meses|mes)\b"), "mes a mes"),
    (re.compile(r",?\s*\b(?:de |em )?todos os meses(?: somados| juntos)?\b"), " no geral"),
    # "divide isso por atividade", "quebra td por atividade": what was just answered, broken down (not everyone's)
    (
        re.compile(
            r"\b(?:divide|divida|dividir|separa|separe|quebra|quebre|abre|abra|detalha|detalhe)"
            r" (?:tudo|todos|isso|isto) por\b"
        ),
        "quebra isso por",
    ),
    (re.compile(r"\b(?:divide|divida|dividir) por\b"), "quebra por"),
    # "tira agosto, de setembro pra cá": the period said after, not two periods
    (
        re.compile(
            r"\b(?:tira|tirando|sem|exclui|excluindo|remove|removendo) (?:o )?(?:mes de )?"
            rf"(?:{'|'.join(MONTH_NAMES)})\b,?\s*(?=(?:e |so |mas )?(?:de|desde|a partir de) )"
        ),
        "",
    ),
    # "e quem fez mais? só o primeiro": the top one, not the first of the list shown before
    (
        re.compile(r"^((?:e )?quem (?:\w+ ){0,2}(?:mais|menos)\b.*?)\W+(?:so|somente|apenas) (?:o|a) primeir[oa]\W*$"),
        r"\1 top 1",
    ),
    # "apontamento absurdamente longo, tipo esqueceram de fechar": a long entry, its likely cause said beside it
    (
        re.compile(r"(\blong[oa]s?\b[^?]*?),? tipo (?:esqueceram|esqueceu|esqueci) de (?:fechar|bater a saida|sair)\b"),
        r"\1",
    ),
    # "troca pra mês", "muda pra por semana": the same list, grouped another way
    (
        re.compile(
            r"^(?:e )?(?:troca|trocar|muda|mudar|passa|agora)(?: isso)? (?:pra|para) (?:por )?"
            r"(dia|semana|mes|pessoa|atividade|contrato)\b"
        ),
        r"e por \1",
    ),
    # "qnts pessoas ficaram algum dia útil sem lançar": without recording
    (re.compile(r"\bsem lancar\b"), "sem apontar"),
    # "sem valor então, só horas por pessoa": the figure refused left out, the rest asked again
    (
        re.compile(
            r"^(?:(?:ta|ok|blz|entao)\W+)?sem (?:o )?(?:valor(?:es)?|reais|custos?|precos?)(?: entao)?\W+(?=\w)"
        ),
        "",
    ),
    # "quem mais trabalhou no meu?", "e no meu, como foi semana a semana?" (a gestor, after his contract's
    # figures): "meu" with no noun, at the end or before a question word, is the contract
    (re.compile(r"\b((?:n|d)o) meu(?:$| (?=(?:como|quanto|quantas?|quantos|qual|quais|quem)\b))"), r"\1 meu contrato "),
    (re.compile(r"\b(volta\w*) (?:pro|pra|para o|ao|no) meu\b(?! contrato)"), r"\1 pro meu contrato"),
    # "ela apontou td dia útil?", "lançou hora em todos os dias úteis?": whether a working day went without entries
    (
        re.compile(
            r"\b(?:apont\w*|lanc\w*|registr\w*)(?: (?:as |suas )?(?:horas?|hrs?|ponto))? (?:em |n?os )?"
            r"(?:tod[oa]s?|tds?) (?:os )?dias? (?:uteis|util|de trabalho)\b"
        ),
        "ficou algum dia util sem apontar",
    ),
    # "no geral, não só nov": the period named is the one the question does not want to be limited to
    (
        re.compile(
            r"\b(?:e )?nao (?:so|somente|apenas) (?:(?:n|d)?[oa] |em )?(?:mes (?:de )?)?(?:jan|janeiro|fev|fevereiro"
            r"|mar|marco|abr|abril|mai|maio|jun|junho|jul|julho|ago|agosto|set|setembro|out|outubro|nov|novembro"
            r"|dez|dezembro|esse mes|este mes|essa semana|esta semana|hoje|ontem)\b"
        ),
        "",
    ),
    # "e em outubro esse percentual mudou?": the share just given, asked again
    (
        re.compile(
            r"\b(?:esse|essa|este|esta|o mesmo|a mesma) (?:percentual|porcentagem|proporcao|fatia|participacao)\b"
        ),
        "isso",
    ),
    # "e em setembro como foi isso": the same question, another period ("como foi" alone is a month's summary)
    (re.compile(r"\bcomo (?:foi|ficou|fica|ta|esta|estava) (?:isso|isto)\b"), ""),
    # "me passa os dados aí": the data as a whole, not the people of the DADOS technology
    (re.compile(r"(?<!todos )\b(?:os|esses|estes) dados\b(?! (?:todos|inteiros))"), "as informacoes"),
    # "… de 1/10 a 15/10, se puder me ajuda aí": a courtesy after the question, not a request for help
    (re.compile(r"(?<=\w) (?:se (?:puder|possivel|der|conseguir) (?:me )?ajud\w*|me ajuda ai)(?: ai| aqui| ae)?$"), ""),
    # "e agora ao contrário, os 5 q menos": the order turned, which the rest says (not a contract)
    (re.compile(r"\b(?:ao|o|pelo) contrario\b(?=.*\b(?:mais|menos)\b)"), ""),
    # "ela trabalha em q contratos?": which contracts, as "em quais contratos ela trabalha" (not her activities)
    (
        re.compile(r"\b(trabalh\w*|apont\w*|atua\w*|esta|ta|lanca\w*) em (?:que|quais|qual) contratos?\b"),
        r"em quais contratos \1",
    ),
    # "qnts horas era pra gente ter feito?": the expected hours; "ele tá em dia?": his hours against them
    (
        re.compile(
            r"\bera (?:pra|para|pro) (?:((?:a )?gente|eu|mim|ele|ela|eles|elas|nos|o time|a equipe) )?"
            r"ter (feito|trabalhado|apontado)\b"
        ),
        lambda m: f"{m.group(1) or ''} deveria ter {m.group(2)}".replace("mim deveria", "eu deveria").strip(),
    ),
    (re.compile(r"\b(?:ta|esta|estao|tao|tava|estava) em dia\b(?! com)"), "fez as horas esperadas"),
    # "qual mês foi o maior de todos?": of every one of them, not of everyone
    (re.compile(r"\b(maior|menor|melhor|pior|mais forte|mais fraco) de todos\b"), r"\1 de todo o periodo"),
    # "qual mês foi o maior?": the one with most hours
    (
        re.compile(r"\b(qual (?:mes|semana|dia|contrato|atividade)) (?:foi|e|eh) (?:o|a) (maior|menor)\b"),
        lambda m: f"{m.group(1)} teve {'mais' if m.group(2) == 'maior' else 'menos'} horas",
    ),
    # "o contrato inteiro dele, 8447, …": the contract named, which is his
    (re.compile(r"\bcontrato (?:inteiro |todo )?(?:dele|dela),? (\d{4}|e\d{7})\b"), r"contrato \1"),
    # "e eu bati quanto essa semana?": how much I did
    (
        re.compile(
            r"\b(bati|bateu|bateram|batemos) quanto\b|\bquanto (?:eu |ele |ela )?(bati|bateu|bateram|batemos)\b"
        ),
        lambda m: (
            "quanto "
            + {"bati": "fiz", "bateu": "fez", "bateram": "fizeram", "batemos": "fizemos"}[m.group(1) or m.group(2)]
        ),
    ),
    # "e essa semana td": the whole week ("td" is "todos" by now), not everyone
    (re.compile(r"\b((?:n|d)?(?:essa|esta) (?:semana|quinzena)) todos\b(?! os| as)"), r"\1 toda"),
    (re.compile(r"\b((?:n|d)?(?:esse|este) (?:mes|periodo)) todos\b(?! os| as)"), r"\1 todo"),
    # "os contratos q eu cuido": the asker's contracts (a gestor's grant), not his own hours
    (
        re.compile(r"\b(?:os )?contratos (?:que|q) eu (?:cuido|gerencio|acompanho|coordeno|administro|tomo conta)\b"),
        "meus contratos",
    ),
    # "só os 3 primeiros desses que menos": the three with least, not the top three
    (
        re.compile(r"\b(os|as) (\d+) primeir[oa]s (?:desses |dessa lista |da lista )?(?:que|q) menos\b"),
        r"\1 \2 que menos",
    ),
    # "mostra só as 3 maiores" after a table: its first three rows (the list's own order)
    (
        re.compile(
            r"^(?:e )?(?:(?:me )?(?:mostra|mostre|da|passa|manda) )?(?:so|somente|apenas) (?:os|as) (\d+) maior(?:es)?$"
        ),
        r"so os \1 primeiros",
    ),
    (
        re.compile(
            r"^(?:e )?(?:(?:me )?(?:mostra|mostre|da|passa|manda) )?(?:so|somente|apenas) (?:os|as) (\d+) menor(?:es)?$"
        ),
        r"so os \1 que menos",
    ),
    # "todo mundo (são uns 10)": the asker's guess at the list's size, an aside
    (
        re.compile(
            r"\b(?:que )?(?:sao|deve(?:m)? ser|deve(?:m)? ter|tem) (?:uns|umas|cerca de|mais ou menos|quase) \d+\b"
        ),
        " ",
    ),
    # "a renata tá apontando direitinho?": whether she recorded every working day
    (
        re.compile(
            r"\b(?:ta|esta|tao|estao|anda|andam) (?:apontando|lancando|registrando|batendo ponto) "
            r"(?:direitinho|certinho|direito|certo|em dia|corretamente|todo dia|todos os dias)\b"
        ),
        "deixou de apontar algum dia util",
    ),
    # "dias úteis sem lançamento": without entries ("lançamento" is an entry)
    (re.compile(r"\bsem (?:lancamentos?|lancar)\b(?! d[ae] saida)"), "sem apontamento"),  # not "sem registro de saída"
    # "a lista do pessoal do meu contrato com as horas": who recorded, each with the hours
    (
        re.compile(
            r"\b(?:a )?(?:lista|relacao) (?:do pessoal|das pessoas|dos recursos|do time|da equipe)\b"
            r"(.*?)\bcom (?:as )?horas\b"
        ),
        r"quem apontou\1com as horas",
    ),
    # "somando meus dois contratos": all the asker's contracts, together
    (
        re.compile(r"\b(?:somando|juntando|considerando) (?:os )?meus (?:dois|2|tres|3) contratos\b"),
        "nos meus contratos",
    ),
    # "tira o fim de semana", "sem os fds": the same, Monday to Friday
    (
        re.compile(
            r"^(?:e )?(?:(?:tira|tire|remove|exclui)(?: o| os)? (?:fim de semana|fins de semana|fds))"
            r"(?: (?:pra mim|por favor|pfv|pf))?$"
        ),
        "e sem fim de semana",
    ),
    # "só os nomes e as horas, mês passado, todo mundo" (after a refusal of their CPFs): each person's hours
    (re.compile(r"\b(?:so |somente |apenas )?(?:os )?nomes e (?:as )?horas\b"), "horas por pessoa"),
    # "e quem foi o top deles?": the first of them
    (re.compile(r"\b(?:o|a) top (deles|delas|desses|dessas)\b"), r"o primeiro \1"),
    # "os 3 de baixo", "os 5 de cima": the bottom and the top of the list
    (re.compile(r"\b(os|as) (\d+) (?:de baixo|lanterninhas?)\b"), r"\1 \2 que menos"),
    (re.compile(r"\b(os|as) (\d+) de cima\b"), r"\1 \2 que mais"),
    # "na primeira quinzena de outubro e na segunda": the second fortnight, not Monday
    (
        re.compile(rf"\b(primeira quinzena (?:de|do mes de) ({_MONTHS})) e (?:na|a) segunda\b(?! quinzena| feira)"),
        r"\1 e na segunda quinzena de \2",
    ),
    (re.compile(r"\b((?:n|d)?a semana (?:passada|retrasada|anterior)) todos\b(?! os| as)"), r"\1 toda"),
    (re.compile(r"\b((?:n|d)?o mes (?:passado|retrasado|anterior)) todos\b(?! os| as)"), r"\1 todo"),
    # "soma td isso", "soma td aí": all of it ("td" is "todos" by now), not everyone
    (re.compile(r"\b(soma|somando|somar|some|somei) todos\b(?! os| as)"), r"\1 tudo"),
    # "mostra as semanas de novembro": each of them
    (
        re.compile(r"\b(?:mostra|lista|passa|manda|abre|quero ver) (?:as|os) (semanas|meses)\b"),
        lambda m: {"semanas": "semana a semana", "meses": "mes a mes"}[m.group(1)],
    ),
    # "quem ficou parado esse mês, que tinha apontado antes?": who stopped recording
    (re.compile(r"\b(?:ficou|ficaram|esta|estao|ta|tao) parad[oa]s?\b"), "parou de apontar"),
    # "e analista de testes no geral, qualquer tecnologia?": no other filter, as "no geral" says
    (re.compile(r"\b(?:de |em )?qualquer (?:tecnologia|perfil|nivel|cargo|senioridade)\b"), ""),
    # "inverte aí, do menor pro maior", "ordena do menor pro maior": the direction said is the question
    (
        re.compile(
            r"^(?:e |agora )?(?:invert[ea]|inverter|ordena|ordene|ordenar|ordenad[oa]|reordena|classifica)"
            r"(?: (?:ai|isso|a ordem|a lista|o ranking|a tabela|para mim|por favor))*[, ]*"
            r"(?=(?:d?[oa] )?(?:que )?(?:menor|maior|mais|menos)\b)"
        ),
        "",
    ),
    # "inverte aí", "inverte a ordem": the other end of the list just shown
    (
        re.compile(
            r"^(?:e |agora )?(?:invert[ea]|inverter)"
            r"(?: (?:ai|isso|a ordem|a lista|o ranking|a tabela|para mim|por favor))*\W*$"
        ),
        "ordem inversa",
    ),
    # "quebra todas as atividades dele": his hours by activity ("todas as atividades" is otherwise no filter)
    (re.compile(r"\b(quebra|abre|detalha|divide|separa)r? (?:todas )?(?:as |em )?atividades\b"), r"\1 por atividade"),
    # "média por dia dos meus recursos", "os meus consultores": a gestor's team, not his own entries
    (
        re.compile(r"\b(?:(d|n)?os )?meus (?:recursos|consultores|colaboradores|funcionarios|liderados)\b"),
        lambda m: f"{m.group(1) or ''}{'a ' if m.group(0).startswith(('os', 'dos', 'nos')) else ''}minha equipe",
    ),
    # "quanto disso foi reunião?": a part of what was just shown, as a share (whose answer says the hours too)
    (
        re.compile(
            r"\bquant(?:o|as horas) (disso|daquilo|desse total|dessas horas|desse tempo) (?=(?:foi|foram|era|eram) )"
        ),
        r"quanto porcentagem \1 ",
    ),
    # "o último aí, o 7712, mês a mês": the row named, so its position says nothing more (not "the least")
    (
        re.compile(
            r"\b(?:o|a) (?:ultim[oa]|primeir[oa]|segund[oa]|terceir[oa])(?: (?:ai|dai|da lista|dessa lista))?,? "
            r"(?:o |a |contrato )?(?=\d{4}\b|e\d{7}\b)"
        ),
        "o ",
    ),
    # "e se for por qtd de apontamentos?", "e se fosse em horas brutas?": the same, measured so
    (re.compile(r"^(e |mas |agora )?se (?:for|fosse|contar|contasse|olhar|olhasse) (?=por |em |pel[oa] |so )"), r"\1"),
    # "e setembro? põe os dois lado a lado": side by side, the two talked about
    (re.compile(r"\b(?:poe|coloca|bota|deixa) (?=(?:(?:os|as) (?:2|3) )?lado a lado\b)"), ""),
    # "os dois são do 8446 né? quanto o contrato todo fez": an aside that names the contract the question is about
    (
        re.compile(
            r"^(?:e )?(?:(?:os|as) (?:2|ambos)|ambos|ambas|eles|elas|ele|ela) (?:sao|e|trabalham|estao|ficam) "
            r"(?:no |do |n[oa] contrato |d[oa] contrato )(\d{4}|e\d{7}),? (?:ne|certo|nao e|correto)\b\W*"
        ),
        r"no \1 ",
    ),
    # "soma os 3 primeiros do ranking": those of the list, summed
    (
        re.compile(r"\bsoma (?:os|as|esses|essas) (\d{1,2}) (primeir|ultim)([oa]s)(?: d[oa] (?:ranking|lista))?\b"),
        r"os \1 \2\3 somados",
    ),
    # "os dias que ele passou de 9h, com as horas de cada um": each of those days with its hours, as listed anyway
    (re.compile(r"(\bdias\b.*?),? (?:com|e) (?:as )?(?:horas|hrs) de cada (?:um|uma|dia)\b"), r"\1"),
    # "e considerando horas brutas?": the same, in gross hours
    (
        re.compile(
            r"^(e |mas )?(?:considerando|contando|olhando|vendo|usando|pegando) (?:as |o |a )?"
            r"(?=(?:horas? )?(?:brut|liquid))"
        ),
        r"\1em ",
    ),
    # "e o mês a mês real do 8600": the hours recorded, which are what the bot has ("reais" is money)
    (re.compile(r"(?<!\bem )(?<!\bde )(?<!\bvalor )\b(?:o )?real\b(?! ?\d)"), " "),
    # "qual semana teve mais hora? quebra por semana": the weeks, whose table shows the top one too
    (
        re.compile(r"\bqual (?:a |o )?(semana|mes|dia)\b(?: \w+){1,4}? (?:quebra|mostra|abre) (?:por \1|\1 a \1)\b"),
        r"quebra por \1",
    ),
    # "e os que menos? uns 5", "e os que menos fizeram? 3 tb": the size said after the question
    (
        re.compile(r"\bos que (mais|menos)((?: \w+)?) (?:uns |umas |so |top )?(\d{1,2})(?: tb| tambem)?\s*$"),
        r"os \3 que \1\2",
    ),
    # "põe outubro e novembro lado a lado": side by side
    (re.compile(r"^(?:e |agora )?(?:poe|coloca|bota) (?=.*\blado a lado\b)"), ""),
    # "quem tá mais atrasado?": who recorded least
    (re.compile(r"\bquem (?:ta|esta|estao|tao) mais atrasad[oa]s?\b"), "quem fez menos horas"),
    # "quebra por contrato, horas de cada um": each contract's hours
    (re.compile(r"\b(por contrato)\W* (?:as )?(?:horas|hrs) de cada (?:um|contrato)\b"), r"\1"),
    # "quem foi o top 3 deles?" after a list of people: the top of that list
    (
        re.compile(r"\bquem (?:foi|foram|e|sao) (?:o |os )?top (\d{1,2}) (?:deles|delas|desses|dessas)\b"),
        r"quem foram os \1 que mais",
    ),
    (re.compile(r"\b(top \d{1,2}) (?:deles|delas|dessa lista|desses|dessas)\b"), r"\1"),
    # "e meu total em novembro": my hours, whatever was counted before
    (
        re.compile(r"\b(?:o )?(meu|seu) total\b(?! (?:de|d[oa]s?) (?!horas))"),
        lambda m: "minhas horas" if m.group(1) == "meu" else "suas horas",
    ),
    # "e por nro de apontamentos?"
    (re.compile(r"\bnro\b"), "numero"),
    # "as 2 atividades principais dele": the top two
    (re.compile(r"\b(?:as|os) (\d) (atividades|contratos|pessoas|recursos) (?:principais|maiores)\b"), r"top \1 \2"),
    # "agora a mesma tabela pra outubro": the same question, in October
    (
        re.compile(
            r"^(?:e |agora )*(?:a |o )?mesm[oa] (?:tabela|lista|quebra|ranking|coisa) (?:pra|para|em|de|no|na)\b"
        ),
        "e em",
    ),
    # "trabalhou sáb ou dom passado?": last weekend, either day
    (re.compile(r"\b(?:n?o )?sabado (?:ou|e) (?:n?o )?domingo (passado|retrasado)\b"), r"no fim de semana \1"),
    # "soma td do contrato nesse mês", "qnto deu o contrato td": the whole contract's total
    (re.compile(r"\bsoma (?:tudo|todos) (?:d|n)o contrato\b"), "e o contrato todo"),
    (re.compile(r"\bcontrato todos\b(?! os)"), "contrato todo"),
    # "quantos recursos meus tão devendo": a gestor's team
    (re.compile(r"\b(recursos|consultores|colaboradores|pessoas) meus\b"), r"\1 da minha equipe"),
    # "preciso fechar o mês, qm do 8302 tem dia útil sem apontamento?": why, before the question
    (
        re.compile(
            r"^(?:(?:eu )?(?:preciso|vou|tenho que|to|estou) )?(?:fechar|fechando) o mes(?: aqui)?,? (?=\w+ \w+)"
        ),
        "",
    ),
    # "eu fiz qnt nesse tempo": in that period
    (re.compile(r"\bnesse (?:tempo|meio tempo)\b"), "nesse periodo"),
    # "e o ranking do contrato dela, top 5" after her weeks: the contract's people
    (re.compile(r"\bo ranking d[oa] (contrato (?:dela|dele)|equipe|time)\b"), r"o ranking de pessoas do \1"),
    # "quantas pessoas … e qual a média de horas delas": the average per person
    (
        re.compile(r"(?<!duracao )\bmedia (?:de horas )?(?:delas|deles|dessas pessoas|desse pessoal)\b"),
        "media por pessoa",
    ),
    # "tabela por atividade …, com a % de cada uma": each activity's share, not a breakdown by person too
    (re.compile(r"(\bpor atividade\b.*?),? com (?:a )?porcentagem de cada (?:uma|um)\b"), r"\1 com porcentagem"),
    # "filtra só testes integrados": the same list, narrowed
    (re.compile(r"^(?:e |agora )?(?:filtra|filtre|filtrar)(?: (?:so|somente|apenas|por|pra|para))? "), "e so "),
    # "qnts dias úteis teve o mês até hj": this month
    (re.compile(r"\bo mes (?=ate (?:hoje|agora)\b)"), "esse mes "),
    # "setembro e outubro, um do lado do outro": side by side
    (re.compile(r"\b(?:um|uma) do lado d[oa] outr[oa]\b"), "lado a lado"),
    # "quais eu esqueci?" after my days with entries: the days I did not record
    (
        re.compile(r"^(?:e )?quais (?:dias )?(?:que )?(?:eu )?esqueci(?: de (?:apontar|lancar|bater))?\W*$"),
        "quais dias eu esqueci de lancar",
    ),
    # "o q mais vc consegue fazer?": what the bot answers
    (re.compile(r"\bo (?:que|q) mais (?:voce|vc) (?:consegue|sabe|pode) (?:fazer|responder)\b"), "ajuda"),
    # "todos os 13, não só os 3 primeiros": the whole list
    (
        re.compile(r",?\s*\b(?:quero )?(?:todos|todas) (?:os|as) \d{1,3}\b(?! (?:dias|horas|h|semanas|meses|primeir))"),
        " a lista toda",  # (not "todos": the list of the subject talked about, not everyone's)
    ),
    (re.compile(r",?\s*\bnao (?:so|somente|apenas) (?:os|as) \d{1,2} (?:primeir[oa]s|de cima|maiores)\b"), " "),
    # "me dá só a semana que começa dia 26/10": the Monday-to-Sunday week of that day
    (
        re.compile(
            r"\b(?:a |na |da )?semana (?:que (?:comeca|comecou|inicia|iniciou)|comecando|iniciando)"
            r"(?: (?:em|no|dia|no dia))* (\d{1,2}/\d{1,2})\b"
        ),
        r"na semana de \1",
    ),
    # "qual foi meu dia mais curto?": the fewest hours ("o mais longo" is asked back: hours, or clock-in to out?)
    (re.compile(r"\b(dias?|semanas?|mes|meses) mais curt[oa]s?\b"), r"\1 com menos horas"),
    # "só reunião", "só de code review": the last question narrowed, as "e só reunião?"
    (
        re.compile(
            r"^(?:so|somente|apenas) "
            r"(?!(?:quero|queria|preciso|me|isso|tem|teve|quant\w*|qnt\w*|qual|quais|quem|pra|para)\b)"
            r"(?=(?:\w+ ?){1,5}\W*$)"
        ),
        "e so ",
    ),
    # "quero ver a entrada", "que horas ele tá batendo entrada": the clock-in times
    (
        re.compile(r"\b(?:quero|queria|preciso|gostaria de) ver (?:a|o|minha|meu) (?:entrada|horario de entrada)\b"),
        "que horas eu entrei",
    ),
    (re.compile(r"\b(?:ta|esta|tem|anda|vem) batendo (?:a )?entrada\b"), "entrou"),
    (re.compile(r"\bbateu (?:a )?entrada\b"), "entrou"),
    (re.compile(r"\bque horas (ele|ela|eu|voce) (?:entrava|chegava|comecava)\b"), r"que horas \1 entrou"),
    (re.compile(r"\bbati (?:a )?entrada\b"), "entrei"),
    # "hr de entrada yolanda essa semana", "minha hora de chegada": the clock-in times (the hours are the clock's)
    (
        re.compile(r"\b(?:minhas?|meus?) horas? (?:de|da) (?:entrada|chegada)s?\b(?! e saida)"),
        "que horas eu entrei",
    ),
    (
        re.compile(
            r"\b(?:(?:a|as|qual|quais) )?horas? (?:de|da) (?:entrada|chegada)s?(?: (?:d[aoe]|n[oa]))?\b(?! e saida)"
        ),
        "que horas entrou",
    ),
    # "detalha o que ela fez", "e oq eu fiz ontem?": the activities, not the clock
    (
        re.compile(
            r"(?<!vs )(?<!x )(?<!versus )(?<!contra )(?<!e )(?<!com )"  # "deveria ter feito vs o q ela fez": hours
            r"\b(?:o que|oq|o q) (ele|ela|eu|voce|vc) (fez|fiz|fizeram|andou fazendo|tava fazendo)\b(?! de)"
        ),
        r"quais atividades \1 fez",
    ),
    # "no 8422 o q mais consumiu hora em outubro" (read "o que mais horas"): which activity took most hours
    (
        re.compile(
            r"\bo (?:que|q) mais (?:consumiu|consumiram|gastou|tomou|levou|ocupou|comeu) (?:hora|horas|tempo)\b"
        ),
        "qual atividade teve mais horas",
    ),
    # "quem tá mais abaixo? os 3 q menos apontaram": the bottom, not the top
    (
        re.compile(r"\bquem ((?:(?:d|n)[oa] \S+ )?)(?:ta|esta|esteve|ficou) mais abaixo\b(?! d)"),
        r"quem \1menos apontou",
    ),
    # "e na semana passada inteira": that week (already whole), not a total of the last answer
    (re.compile(r"\b(semana (?:passada|retrasada)|mes (?:passado|retrasado)) (?:inteir[oa]|tod[oa])\b"), r"\1"),
    # "e no geral, todo mundo": everyone (not all the data's period)
    (re.compile(r"\bno geral (todo mundo|todos|a empresa toda)\b"), r"\1"),
    # "nesses 3 meses eu trabalhei em algum feriado?": the months the data holds
    (
        re.compile(r"\b(?:n|d)?(?:esses|estes) (?:[3-9]|tres|quatro) (?:ultimos )?meses(?: de dados)?\b"),
        "nesses ultimos meses",
    ),
    # "volta pra horas" after a count of entries: the same, in hours (not a new topic)
    (
        re.compile(r"^(?:e )?(?:volta|voltando|voltar|volte) (?:pra|para|a|as|pras) (?:as )?(horas|apontamentos)$"),
        r"e em \1",
    ),
    # "… e me pediram as horas do 8418": what was asked for is the question
    (re.compile(r"\b(?:e )?(?:me|nos) pediram (?:para |pra )?(?:eu )?(?:levantar |passar |mandar |enviar )?"), " "),
    # "nesse mes (outubro)": the month named again, one period
    (re.compile(r"\b(?:n|d)?(?:esse|este) mes,? (" + "|".join(MONTH_NAMES) + r")\b"), r"em \1"),
    # "o que o pessoal do 8302 mais fez em setembro": which activity
    (
        re.compile(r"(?:^|\bo )(?:que|q) ((?:\w+ ){1,4}?)mais (fez|fizeram|fiz|faz|fazem|faco)\b"),
        r"qual atividade \1mais \2",
    ),
    # "evolução mês a mês do 8556": its hours over time, by month unless another step is said
    (
        re.compile(
            r"\b(?:a )?evolucao(?: d[ao]s? horas)?\b(?=.*\b(?:mes a mes|semana a semana|dia a dia|por|mensal|semanal))"
        ),
        "horas",
    ),
    (re.compile(r"\b(?:a )?evolucao(?: d[ao]s? horas)?\b"), "horas por mes"),
    (re.compile(r"\b(?:muito longos? )?estranhos?\b"), "muito longos"),  # "algum apontamento estranho?"
    # "antes de sair pro feriadão, queria ver se…": the one coming, not a period to answer about
    (
        re.compile(r"\bantes de (?:sair|ir|viajar|entrar) (?:pro|para o|no|de) (?:feriadao|feriado|ferias|recesso)\b"),
        " ",
    ),
    # "e a média do contrato 8555 pra eu comparar": why, not whose
    (re.compile(r"\b(?:pra|para) (?:eu|mim|a gente) (?:comparar|conferir|ter uma ideia|saber|ver)\s*$"), " "),
    # "quantas horas o 8555 fez em outubro q eu calculo aqui": why, not whose
    (
        re.compile(
            r",?\s*\b(?:que|pra|para) (?:eu|a gente) (?:calcul|confir|confer|compar|fech|lanc|anot|coloc|bot|mont)\w*"
            r"(?: (?:aqui|ai|la|a fatura|o relatorio|a planilha))?\W*$"
        ),
        " ",
    ),
    (re.compile(r"^(?:e )?(.+?),? (?:idem|tambem|mesma coisa)$"), r"e \1"),  # "E2789620 idem": the same, of it
    # "mesma comparação só q em setembro": the question before (the two compared), in September
    (re.compile(rf"^{SAME_AGAIN}"), "e "),
    # "8447 hrs 11/2026": a month and its year, as a report names them
    (
        re.compile(r"(?<![\d/])(0?[1-9]|1[0-2])/(20\d{2})\b"),
        lambda m: f"{next(n for n, i in MONTH_NAMES.items() if i == int(m.group(1)))} de {m.group(2)}",
    ),
    (
        re.compile(r"^e (?:o|a) (?:que|q) (tem|teve|tiveram|fez|fizeram) (mais|menos)\b"),
        r"e qual \1 \2",
    ),  # "e o que teve mais gente?"
    # "quantas pessoas de SAP, independente do contrato em que estão alocadas": no filter, said
    (
        re.compile(r"\bindependente(?:mente)? d[oa]s? (?:contratos?|equipes?|times?)(?: (?:em )?(?:que|q) \w+ \w+)?"),
        " ",
    ),
    # "quanto foi cada atividade, tipo quanto foi desenvolvimento, quanto foi reunião e assim por diante": examples
    (re.compile(r"\btipo (?:quanto|qnto) (?:foi|deu) .*? (?:e assim por diante|etc)\b"), " "),
    (re.compile(r"\bpode ser em (porcentagem|horas)\b"), r"em \1"),
    # "em quais atividades essas horas foram gastas?": those hours by activity
    (
        re.compile(
            r"\b(?:em|com) (?:quais|que) atividades? (?:essas |as |estas )?horas (?:foram|foi)"
            r" (?:gast|usad|distribuid)\w*"
        ),
        "horas por atividade",
    ),
    # "as atividades mais apontadas": counted in entries, as "apontar" counts them
    (
        re.compile(r"\b(atividades?) mais (?:apontadas?|registradas?|lancadas?|frequentes?|comu(?:m|ns))\b"),
        r"\1 com mais apontamentos",
    ),  # "1o apont da Natália" then "ultimo"
    (re.compile(r"\b(duracao media|tempo medio)(?: d(?:e|os) (?:um |cada )?apontamentos?)\b"), r"\1 de um apontamento"),
    (re.compile(r"\b(?:duracao )?fora do (?:comum|normal|padrao)\b"), "muito longos"),
    # "apontamento com duração estranha, tipo mto longo": an outlier, as the rest of the sentence says
    (re.compile(r"\b(?:com )?duracao (?:estranha|esquisita|anormal|absurda)\b"), "muito longo"),
    (re.compile(r"\bsem (?:horario|hora|registro|marcacao) de saida\b"), "sem saida"),
    (re.compile(r"\btenho (?:permissao|acesso|autorizacao) (?:para|de|a) (consultar|ver|acessar)\b"), r"posso \1"),
    (
        re.compile(r"\bdeix(ei|ou|aram|amos) de (?:registrar|lancar)(?: apontamentos?| horas?)?\b"),
        lambda m: f"deix{m.group(1)} de apontar",  # the verb the engine reads, in the person said
    ),
    (re.compile(r"\b(?:desta|dessa|esta|essa|nesta|nessa) semana,? ate (?:hoje|agora)\b"), "esta semana"),
    (re.compile(r"\bquem (?:costuma|costumam|vai|pode|deve) (?:validar|aprovar)\b"), "quem valida"),
    # "o Thiago bateu ponto que horas essa semana?": when he clocked in
    (
        re.compile(r"\bbat(eu|i|eram) (?:o )?ponto (?:a |as )?(?:que|q) horas\b"),
        lambda m: "que horas " + {"eu": "entrou", "i": "entrei", "eram": "entraram"}[m.group(1)],
    ),
    (
        re.compile(
            r"\bdetalh\w* (?=(?:\w+ ){0,6}?(?:por|cada) (?:semana|mes|dia da semana|atividade|pessoa|contrato)\b)"
        ),
        "",
    ),
    (
        re.compile(
            r"\b(?:quem|quais) (?:sao|foram) (?:as pessoas|os gestores|os validadores) "
            r"que (?:validaram|aprovaram|validam|aprovam)\b"
        ),
        "quem valida",
    ),
    (re.compile(r"\b,? ?contando cada (?:pessoa|um|recurso) separadamente\b"), " "),
    (re.compile(r"\bou seja\b"), " "),
    (re.compile(r"\b(?:com|pelo|pelos) (?:os )?mesmos? criterios?\b"), " "),
    (re.compile(r"\baguarda(?:m)? (validacao|aprovacao)\b"), r"pendentes de \1"),
    # "top 3 que mais trabalharam no fds": the people, as "quem mais" asks ("semana" is not a breakdown here)
    (re.compile(r"\btop (\d{1,2}) (?:que|q) (mais|menos)\b"), r"top \1 quem \2"),
    # "quem menos apontou no 7950 esse mes? os 3": how many, said last
    (re.compile(r"\b((?:mais|menos)\b.*) (?:os|as) (\d{1,2})$"), r"\1 top \2"),
    # "quais atividades mais consomem hora?": the most hours
    (
        re.compile(
            r"\b(?:mais )?(?:consom\w*|consum\w*|tomam|tomaram|levam|levaram|ocupam|ocuparam)"
            r" (?:mais )?(?:horas?|tempo)\b"
        ),
        "mais horas",
    ),
    # "a zuleica apontou qnto em outubro?": how much she recorded, said in the other order
    (
        re.compile(
            r"(?<!\bmais )(?<!\bmenos )\b(apont\w+|trabalh\w+|fez|fiz|fizeram|lanc\w+)"
            r" (quanto|quantas horas|quantidade)\b(?! de)"
        ),
        lambda m: f"{'quanto' if m.group(2) == 'quantidade' else m.group(2)} {m.group(1)}",
    ),
    # "qual foi o melhor dia do 8446?": the one with most hours ("o pior", the fewest)
    (re.compile(r"\bmelhor(es)? (dias?|semanas?|mes|meses)\b(?! da semana)"), r"\2 com mais horas"),
    (re.compile(r"\bpior(es)? (dias?|semanas?|mes|meses)\b(?! da semana)"), r"\2 com menos horas"),
    # "preciso do consolidado do 8446 em setembro": its total
    (re.compile(r"\bconsolidad[oa]s?\b"), "total"),
    # "compara o q o 7873 fez essa semana com …": how much it did, not what
    (re.compile(r"\b(compar\w*) o (?:que|q)\b"), r"\1 quanto"),
    # "qnt pessoas em cada contrato?": how many, not an amount of hours
    (re.compile(r"\bquantidade (pessoas|horas)\b"), r"quantas \1"),
    (re.compile(r"\bquantidade (recursos|dias|apontamentos|contratos|consultores|colaboradores)\b"), r"quantos \1"),
    # "trabalhou mais de 8h por dia em algum dia": days above 8 hours
    (re.compile(r"\b(mais de \d+(?:,\d+)? horas) por dia (?=em algum dia|em um dia|num dia)"), r"\1 "),
    # "quantos tão com dia útil faltando no mês?": who missed a working day
    (
        re.compile(
            r"\b(?:com|tem|tinham|ficaram com) (?:algum )?dias? (?:util |uteis )?(?:faltando|em aberto|sem apontar)\b"
        ),
        "ficaram sem apontar algum dia",
    ),
    # "quanto disso foi em correção de bugs?" after hours and days: an amount of the hours
    (re.compile(r"\bquanto (disso|desse total|desse tempo)\b"), r"quantas horas \1"),
    # "e segunda, ontem e hj?": three days or more listed, each one
    (
        re.compile(
            rf"\b(?:n?[ao]s? )?({_LISTED_DAY})(?:,? (?:{_LISTED_DAY}))+,? e (?:n?[ao]s? )?({_LISTED_DAY})\b"
            r"(?! passad| retrasad)"
        ),
        r"de \1 a \2 por dia",
    ),
    # "a média entre nós três": the people just compared, the asker among them
    (re.compile(r"\bentre nos (?:3|4|5|tres|quatro|cinco|todos)\b"), "deles"),
    # "quebra minhas atividades em %": the share of each activity
    (re.compile(r"\batividades (?:em|por|na|com) (?:porcentagem|percentual|proporcao)\b"), "porcentagem por atividade"),
    (re.compile(r"\b(?:o+i{2,}|o{2,}i+|ola{2,})\b"), "oi"),  # "oii quantas horas eu tenho"
    (re.compile(r"\b(?:breve|rapido|pequeno|curto) resumo\b"), "resumo"),  # "um breve resumo do 8447"
    (re.compile(r"\bo seguinte\b"), " "),  # "queria saber o seguinte, do contrato 8121 …": what follows is the question
    # "olhando a base toda, em q dia da semana ela mais trabalha": all the data
    (re.compile(r"\b(?:olhando|considerando) (?:a )?base (?:toda|inteira)\b"), "em todo o periodo"),
    # "algum apontamento absurdo tipo 14h direto?": an example of what looks wrong, not a bound ("mais de 14h" is)
    (
        re.compile(r"\b((?:absurd|exagerad|suspeit)\w*) tipo (?:de )?\d{1,2} ?(?:h|horas)(?: direto| seguidas?)?\b"),
        r"\1",
    ),
    # "desde o dia 3 desse mês": "dia 3" is this month's already
    (re.compile(r"\b(dia \d{1,2}) d(?:esse|este) mes\b"), r"\1"),
    # "ele tem mais de um contrato?": which contracts he has (the list answers it)
    (
        re.compile(r"\b(?:tem|teve|trabalha em|aponta em) (?:mais de (?:um|1)|outros?|varios|dois|2) contratos?\b"),
        "apontou em quais contratos",
    ),
    # "me da mes a mes de tudo q tem dele": all of it
    (re.compile(r"\bde tudo (?:o )?(?:que|q) (?:tem|teve|ha)\b"), "em todo o periodo"),
    # "nesse período todo de dados": all the data there is ("dados" is no technology here)
    (re.compile(r"\b(?:n|d)?(?:esse|o) periodo (?:todo |inteiro )?(?:de dados|da base)\b"), "em todo o periodo"),
    # "e o meu 8121 no mesmo mês": the contract, not the asker's hours in it
    (re.compile(r"\b(?:o |do |no )?meu (?:contrato )?(\d{4}|e\d{7})\b"), r"o contrato \1"),
    # "sab/dom em outubro": the weekend days of October, not one Saturday
    (re.compile(r"\b(?:n?os? )?(?:sab|sabado)s?(?:\s*/\s*|\s+)(?:dom|domingo)s?\b"), "no fim de semana"),
    # "descontando almoço" after gross hours: net hours
    (
        re.compile(r"\b(?:descontando|tirando|sem|menos) (?:o )?(?:almoco|intervalo|horario de almoco)\b"),
        "horas liquidas",
    ),
    # "total de horas de tudo q eu vejo": everything the asker may see, not her own hours
    (re.compile(r"\bde tudo (?:o )?(?:que|q) eu (?:vejo|posso ver|consigo ver|tenho acesso|acesso)\b"), "de todos"),
    # "qts pessoas-dia foram": days of work, one per person and day
    (re.compile(r"\bpessoas?[- ]dias?\b"), "dias de trabalho"),
    # "a média por cabeça": per person
    (re.compile(r"\bpor cabeca\b"), "por pessoa"),
    # "ok sem valor então, quantas horas…": the money dropped, the hours asked
    (re.compile(r"^(?:ok |ta |ah )?sem (?:o )?valor(?:es)?(?: em r\$| em reais)?(?: entao)?\b"), " "),
    # "no finzinho de agosto, de 28 a 31": the days said are the period
    (
        re.compile(
            r"\b(?:n?o )?(?:finzinho|finalzinho|fim|final|inicio|comeco|comecinho|meados) "
            rf"d[eo] ({'|'.join(MONTH_NAMES)})\W+(?:de |do dia |dia )?(\d{{1,2}}) (?:a|ate) (\d{{1,2}})\b"
        ),
        r"de \2 a \3 de \1",
    ),
    # "quantos do 8302 já apontaram?": how many people of it
    (
        re.compile(
            r"\bquant[oa]s ((?:d[oa]|n[oa]) (?:\d{4}|e\d{7}) )((?:ja |nao )?(?:apontaram|trabalharam|lancaram))\b"
        ),
        r"quantas pessoas \1\2",
    ),
    # "qual foi o dia de pico", "qual foi o pico" after the days: the day with the most hours
    (re.compile(r"\b(dia|semana|mes) (?:de|do) pico\b"), r"\1 com mais horas"),
    (re.compile(r"\b(?:qual|que) (dia|semana|mes) (?:foi|e) o pico\b(?! d)"), r"qual foi o \1 com mais horas"),
    (re.compile(r"\bo pico\b(?! d)"), "o dia com mais horas"),
    # "quanto eu fiz em setembro e em outubro? poe lado a lado"
    (
        re.compile(r"\b(?:poe|poem|bota|coloca|coloque|mostra|deixa)(?: (?:os|as|eles|elas|isso))? (lado a lado)\b"),
        r"\1",
    ),
    # "desde o começo de outubro": from its first day
    (
        re.compile(
            rf"\b(desde|a partir d)(?:o|e)? (?:o )?(?:inicio|comeco|primeiro dia) d[eo] ({'|'.join(MONTH_NAMES)})\b"
        ),
        r"\1 o dia 1 de \2",
    ),
    # "nesses 3 meses de dados", "na base toda": all the data there is
    (
        re.compile(
            r"\b(?:n|d)?(?:esses|os) (?:\d|dois|tres|quatro) meses(?: todos| inteiros)? (?:de dados|da base|que tem)\b"
        ),
        "em todo o periodo",
    ),
    # "trabalhei algum fds nesses ultimos meses?": no count of months, so the recent data, all of it
    (re.compile(r"\b(?:n|d)?(?:esses|os) ultimos (?:meses|tempos)\b"), "em todo o periodo"),
    # "quem apontou menos no 8121? me da uns 5": that many of the ranking
    (re.compile(r"\b(?:me )?(?:da|passa|mostra|lista|traz) (?:uns|umas|os|as) (\d{1,2})(?: nomes)?\W*$"), r"top \1"),
    # "do q menos fez pro q mais fez, 5 nomes": the ranking from the bottom, that many
    (re.compile(r"\bdo (?:que|q) menos \w+ (?:para|pro|ate) o (?:que|q) mais \w+\b"), "do menor para o maior"),
    (re.compile(r"\b(\d{1,2}) nomes\W*$"), r"top \1"),
    # "e dias que ele trabalhou de fato nesse período": how many days
    (
        re.compile(r"^(?:e )?(?:os )?dias (?:que|q|em que) (ele|ela|eu) (trabalh\w+|apont\w+)(?: de fato| mesmo)?\b"),
        r"e quantos dias \1 \2",
    ),
    # "manda o breakdown completo dele" after one activity's hours: every activity, each with its hours
    (re.compile(r"\bquebra complet[oa] (?=d(?:ele|ela|eles|elas)\b)"), "quebra por atividade, todas as atividades "),
    # "solicito um comparativo das horas do 7873 entre setembro e outubro": the two side by side
    (re.compile(r"\b(?:qual |um )*comparativo (?:d[aeo]s? )?"), "compara "),
    # "quem mais contribuiu para esse total?": who recorded most of it
    (
        re.compile(r"\b(?:contribuiu|contribuiram|contribui|contribuem)(?: (?:para|com) (?:esse|este|o) total)?\b"),
        "apontou",
    ),
    # "compara setembro e outubro do contrato pra mim": shown to me, not about me
    (re.compile(r"^((?:e )?(?:me )?(?:compar\w*|mostra|manda|passa|lista|traz|ve)\b.*?)\s+para mim\s*$"), r"\1"),
    # "sou gestor novo, o que eu consigo ver por esse bot?": what his access covers
    (
        re.compile(
            r"\bo que (?:eu )?(?:consigo|posso) (?:ver|consultar|acessar|enxergar)"
            r"(?: (?:por|nesse|neste|com esse|aqui)\b.*)?$"
        ),
        "quais contratos eu consigo ver",
    ),
    # "…, se der separa tb qnts apontamentos foram": a second question, asked politely
    (
        re.compile(
            r",?\s*\bse (?:der|puder|possivel),? (?:separa|me passa|passa|manda|mostra|coloca)(?: tambem| tb)?\b"
        ),
        " e",
    ),
    # "teve gente apontando em agosto?": whether anyone did, answered with how many
    (
        re.compile(
            r"^(?:e )?teve (?:gente|pessoas|alguem) (?:apontando|trabalhando|lancando|registrando)\b"
            r"(?!.*\b(?:fds|fim de semana|finais de semana|feriados?|sabados?|domingos?)\b)"  # weekend work: its kind
        ),
        "quantas pessoas apontaram",
    ),
    # "… lado a lado por favor": the request closes the message, so what reads its end reads the question's
    (re.compile(r"(?<!^muito)(?<!^mto)(?:\s+(?:por favor|por gentileza|obrigad[oa]|valeu))+\s*$"), ""),
    # "e as atividades dele no mesmo mês, com %": each activity's part
    (
        re.compile(r"\batividades((?: \w+){0,5}?) (?:em|com|na|por) (?:porcentagem|percentual|proporcao)\b"),
        r"porcentagem por atividade\1",
    ),
    # "ainda tem coisa pra validar desse mês?": entries waiting, not an order to validate them
    (
        re.compile(
            r"\b(tem|ha|sobrou|resta|falta)(?: ainda)? (?:coisa|coisas|algo|alguma coisa|muita coisa)"
            r"(?: ainda)? (?:pra|para|a) validar\b"
        ),
        r"\1 apontamentos pendentes de validacao",
    ),
    # "quem ficou abaixo de todos?": the last of the ranking; "acima de todos": the first
    (
        re.compile(r"\b(?:ficou|esta|ta|tava|estava|fica) (abaixo|acima|atras|na frente) de todos\b"),
        lambda m: "ficou em ultimo lugar" if m.group(1) in ("abaixo", "atras") else "foi o campeao",
    ),
    # "num dia típico, qntas horas o pessoal aponta?": the hours of a day worked, on average (not the outliers)
    (re.compile(r"\b(?:num|em um|um|no|de um|d?o) dia (?:tipico|normal|comum|padrao)\b"), "em media por dia"),
    # "normalmente qnto do tempo da Ana vai pra reunião?", "quanto % do tempo dela vai para suporte": a share
    (
        re.compile(
            r"\b(?:quanto|qnto|qto|qnt|quanta parte|que parte)(?: porcentagem)? do (?:tempo|trabalho|horario)\b"
            r"(?P<whose>(?: \w+){0,5}?) (?:vai|vao|foi|foram|ia|iam|fica|ficou) (?:pra|para|com|em)\b"
        ),
        lambda m: f"qual porcentagem das horas{m['whose']} foi de",
    ),
    # "a distribuição de atividades do 8556, em %": the hours split by activity, each one's part
    (
        re.compile(r"\b(distribuicao|divisao|reparticao) (?:de|das|entre|entre as) (?:atividades|tarefas)\b"),
        r"\1 por atividade",
    ),
    (
        re.compile(r"\b(apontamentos?|horas|registros?|tem|ha|restam?|sobr\w+)(?: ainda)? (?:pra|para|a) validar\b"),
        r"\1 pendentes de validacao",  # "apontamentos pra validar no 8555": waiting, not an order
    ),
    # "o detalhamento diário dessa semana": by day
    (re.compile(r"\b(?:detalhamento|detalhe|quebra|abertura|visao) (?:diari[oa]|dia a dia)\b"), "por dia"),
    (re.compile(r"\b(?:detalhamento|detalhe|quebra|abertura|visao) semanal\b"), "por semana"),
    (re.compile(r"\b(?:detalhamento|detalhe|quebra|abertura|visao) mensal\b"), "por mes"),
    # "quanto tempo em suporte", "quanto tempo gastei com reunião": hours
    (
        re.compile(r"\bquanto tempo (?=(?:eu |ele |ela |voce )?(?:em|de|com|gast\w+|dediq\w+|dedic\w+)\b)"),
        "quantas horas ",
    ),
    # "o 8447 cresceu ou caiu de setembro pra outubro?": the two months side by side
    (
        re.compile(rf"\b(?:{_CHANGED})(?: ou (?:{_CHANGED}))? (?:de|entre) ({_MONTHS}) (?:para|e|a) ({_MONTHS})\b"),
        r"quanto fez em \1 vs \2",
    ),
    # "horas esperadas x feitas": what I should have done, and what I did; of a contract or team, theirs
    (
        re.compile(r"\b(?:horas )?esperadas (?:vs|e|contra) (?:as )?(?:feitas|trabalhadas|realizadas|apontadas)\b"),
        lambda m: (
            "esperado vs trabalhado"
            if re.search(r"\b(?:\d{4}|e\d{7}|contrato|equipe|time|pessoal)\b", m.string)
            else "quantas horas eu deveria ter feito e quanto eu fiz"
        ),
    ),
    # "quem já apontou hj?": who recorded time ("já" says nothing more)
    (re.compile(r"\bquem ja (apont\w+|trabalh\w+|lanc\w+|registr\w+)\b"), r"quem \1"),
    # "resumo das atividades do 8556 com o %": the share of each activity
    (
        re.compile(
            r"\b(?:resumo|quebra|divisao) (?:das|de) atividades\b(.*?)\bcom (?:o |a )?(?:porcentagem|percentual)\b"
        ),
        r"porcentagem por atividade\1",
    ),
    # "compara pra mim o 8446 e o 7873": a courtesy right after the verb, not the asker compared
    (re.compile(r"\b(compar\w*) para mim\b"), r"\1"),
    # "tenho q ter feito qnts horas em novembro?", "era pra ser quanto?": the hours expected
    (re.compile(r"\b(?:eu )?(?:tenho|tinha|preciso) (?:que |q |de )?ter feito\b"), "eu deveria ter feito"),
    (
        re.compile(r"\bera (?:para|pra) (?:ser|dar|eu ter) (?:quanto|quantas horas)\b"),
        "quantas horas eu deveria ter feito",
    ),
    # "comparado com a mesma parte da semana passada": the same days
    (re.compile(r"\b(?:a mesma parte|o mesmo ponto|a mesma altura|o mesmo trecho) d[ae]\b"), "os mesmos dias da"),
    # "qual foi o melhor dia da semana dela?": the weekday with most hours
    (re.compile(r"\b(?:melhor|mais forte) dia da semana\b"), "dia da semana com mais horas"),
    (re.compile(r"\b(?:pior|mais fraco) dia da semana\b"), "dia da semana com menos horas"),
    # "qnto do meu mês foi de correção de bugs?": a share of my month
    (
        re.compile(r"\bquanto d[oa] (meu|minha|seu|sua|nosso|nossa) (mes|semana|tempo|total)\b"),
        r"qual porcentagem do \1 \2",
    ),
    # "quais dias faltam no mês": days without an entry
    (
        re.compile(r"\b(?:quais|que|quantos) dias (?:faltam|faltaram|estao faltando|ficaram faltando)\b"),
        "quais dias eu nao apontei",
    ),
    # "entrada dele essa semana": his clock-in times
    (
        re.compile(r"^(?:e )?(?:a |as )?(?:hora (?:de|da) )?entradas? (dele|dela|minhas?)\b"),
        lambda m: "que horas " + {"dele": "ele entrou", "dela": "ela entrou"}.get(m.group(1), "eu entrei"),
    ),
    # "até o momento", "até o presente momento": so far
    (re.compile(r"\bate (?:o )?(?:presente )?momento\b"), "ate hoje"),
    # "o diretor pediu as horas da mariana no mês passado": who wants it, then what is wanted
    (
        re.compile(
            r"^(?:o|a|meu|minha) (?:diretor|diretora|gerente|chefe|cliente|coordenador|coordenadora|gestor|gestora|rh"
            r"|financeiro|pmo|lider)(?: \w+)? (?:pediu|pediram|quer|querem|mandou|solicitou)(?: (?:pra|para) (?:eu )?"
            r"(?:ver|levantar|saber|passar))?\b"
        ),
        "",
    ),
    # "não apontei nada hoje né?", "ela não apontou nada em fim de semana?": how much, which says whether any
    (
        re.compile(
            r"^(?:e |ta bom |ok |entao )?(?:(eu|ele|ela) )?(?:ainda )?(?:nao|n)"
            r" (apontei|apontou|lancei|lancou|registrei|registrou) nada\b"
        ),
        lambda m: f"quanto {m.group(1) or 'eu'} {m.group(2)}",
    ),
    # "a ana soares lima não apontou nada ontem?": hers ("quem não apontou nada" asks who, another question)
    (
        re.compile(
            r"^(?:e )?((?:(?:o|a) )?[a-z]+(?: [a-z]+){0,4}) (?:ainda )?(?:nao|n) (apontou|lancou|registrou) nada\b"
        ),
        _hers,
    ),
    # "e se considerar hora bruta?": the same question, in gross hours
    (
        re.compile(
            r"^(?:e )?(?:se|e se) (?:considerar|contar|usar|pegar|for|olhar)(?: (?:a|as|em|pela|pelas))?"
            r" (?:horas?|hr|hrs) (brutas?|liquidas?)$"
        ),
        r"e em horas \1",
    ),
    # "e qnts eram pra ter?" after my hours, "era pra o thiago ter feito": what was expected
    (
        re.compile(
            r"\b(?:eram|era|seriam|seria) (?:pra|para) ((?:(?!ter\b)[a-z]+ ){0,4})(?:ter|ser|fazer)\b(?: feito)?"
        ),
        r"\1deveria ter feito",
    ),
    # "quanto ela deveria ter feito nele vs o que ela realmente fez": expected against worked, one answer
    (
        re.compile(
            r"\b(deveria (?:ter feito|fazer|trabalhar))\b(.*?)\s+(?:vs|versus|x|contra|e) (?:o )?(?:que|q) "
            r"(?:ela|ele|eu|elas|eles) (?:realmente |de fato |efetivamente )?(?:fez|fiz|fizeram|trabalhou|trabalhei"
            r"|apontou|apontei)\b"
        ),
        r"\1\2",
    ),
    # "me dá um ranking dos contratos, top 5": one ranking, not the top one
    (re.compile(r"\b(?:um|uma) (ranking|top|resumo|panorama|relatorio|lista|tabela|quebra)\b"), r"\1"),
    # "setembro e outubro, separado": each month
    (re.compile(rf"\b({_MONTHS}) e ({_MONTHS}),? separad[oa]s?\b(?! por)"), r"\1 e \2 por mes"),
    # "top 10 pessoas com mais horas considerando todos os contratos": everyone, not a ranking of contracts
    (
        re.compile(
            r"\b((?:pessoas|quem|recursos|consultores|colaboradores)\b.*?) (?:considerando|contando|somando|juntando)"
            r" todos os contratos\b"
        ),
        r"\1",
    ),
    # "quais os contratos cliente do 8556?": its client contracts, each with its hours
    (
        re.compile(
            r"\b(?:quais|quantos) (?:sao )?(?:os )?contratos? (?:de )?clientes? (?:do|no|d[oa] contrato) (\d{4})\b"
        ),
        r"horas por contrato cliente do \1",
    ),
    # "horas hj", then "semana", then "mes": the same, this week and this month
    (re.compile(r"^(?:e )?(?:(?:n|d)?a )?semana$"), "e essa semana"),
    (re.compile(r"^(?:e )?(?:(?:n|d)?o )?mes$"), "e esse mes"),
    # "por quantidade" after a breakdown in hours: the same breakdown, in entries
    (re.compile(r"^(?:e )?(?:por|em) (?:quantidade|numero|qtd)$"), "e em numero de apontamentos"),
    # "o 8447 tem menos de 30 pessoas apontando?": the count is asked; the number is the asker's guess, no bound
    (
        re.compile(
            r"\b((?:\d{4}|e\d{7}|contrato|time|equipe) (?:tem|teve|tinha)) (?:menos|mais|pelo menos|no minimo) de \d+"
            r" (?:pessoas|recursos|gente)\b"
        ),
        r"\1 quantas pessoas",
    ),
    # "queria outubro e não setembro", "refaz o total": the month meant, and the same question again
    (re.compile(rf"\b({_MONTHS}) e nao (?:(?:em|de|o|a) )?(?:{_MONTHS})\b"), r"\1"),
    (
        re.compile(
            r"\b(?:refaz|refaca|refazer|recalcula|recalcule)(?: (?:a conta|o calculo|isso))?"
            r"(?=\s+(?:o total|a soma|a media|o ranking|as horas)\b|\s*$)"  # "refaz meu apontamento" is a write
        ),
        " ",
    ),
    # "um panorama rápido pra reunião de diretoria: …": what it is for; that meeting is no activity
    (
        re.compile(
            r"\b(?:pra|para|pro|antes da|antes do) (?:a |uma |o )?(?:reuniao|apresentacao|daily|comite|call|weekly"
            r"|diretoria|board|cliente)(?: (?:de|da|do|com) (?:a |o )?\w+)?"
            r"(?= (?:top|quais|quantas|quantos|qual|quem|o total|total|horas|ranking|me)\b|$)"
        ),
        "",
    ),
    # "conforme alinhado na reunião de ontem, solicito …": why it is asked; its "ontem" is not the period asked
    (
        re.compile(
            r"^(?:conforme|como) (?:alinhado|combinado|conversado|falado|acordado|solicitado|pedido)\b.*?"
            r"(?=\b(?:solicito|solicitamos|peco|pedimos|gostaria|preciso|precisamos|poderia|poderiam)\b)"
        ),
        "",
    ),
    (
        re.compile(r"\b(?:se encontra|se encontram|encontram se|encontra se)\b"),
        "estao",
    ),  # "… que se encontram pendentes"
    # "solicito o total de horas …", "gostaria de saber …": a request, the question follows
    (re.compile(r"^(?:solicito|solicitamos|peco|pedimos)(?: (?:por gentileza|gentilmente|por favor))?\b"), "qual"),
    (
        re.compile(r"^qual (?:um )?(?:comparativo|compara)\b(?: d[aeo]s?\b)?"),
        "compara",
    ),  # "solicito um comparativo das …"
    # "compara … entre setembro e outubro": the two months side by side, not the span from one to the other
    (re.compile(rf"^(compar\w*\b.*?)\bentre ({_MONTHS}) e ({_MONTHS})\b"), r"\1 \2 vs \3"),
    # "quem mais escreveu documentação", "quem testou mais": doing the activity named next
    (re.compile(r"\b(?:escreveu|escreveram|escreve|escrevem|produziu|produziram|elaborou|elaboraram)\b"), "fez"),
    # "ela esqueceu algum dia?", "esqueci de apontar algum dia?": days without an entry
    (
        re.compile(r"\b(esqueceu|esqueci|esqueceram)(?: de apontar| de lancar)? (algum|alguns|quantos|qnts) dias?\b"),
        r"\1 de apontar \2 dia",
    ),
    # "qual o último sábado que eu trabalhei?": the last day worked among Saturdays, not last Saturday's hours
    (
        re.compile(
            r"\b(ultim|primeir)[oa] (segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)? (?=(?:que|em que) )"
        ),
        r"\1o dia nos \2s ",
    ),
)
# "rs", "kkkk", "haha": laughter, not a word of the question
_LAUGHTER = re.compile(r"\b(?:r+s+|k{2,}|(?:ha){2,}h?|(?:he){2,}|(?:hi){2,})\b")
# "desde que começou o registro": since the data began
_SINCE_THE_START = re.compile(
    r"\bdesde sempre\b|\bde todos os tempos\b"  # "quantos apontamentos a ivone fez desde sempre"
    r"|\bdesde (?:que|quando) (?:(?:ela|ele|eu|eles|elas) )?"
    r"(?:comecou|comecaram|comecei|iniciou|iniciaram|entrou|entrei|entraram|chegou|cheguei|tem|temos|existe)"
    r"(?: (?:o|os|a|as) (?:registros?|apontamentos?|dados|base|sistema|bot))?\b"
)


def _day_in_words(match: re.Match[str]) -> str:
    return f"{10 if match.group(1) else 1} de {match.group(2)}"


# "qual dos dois fez mais?": which of those just listed ("dois" is a digit by then)
# "quais contratos eu tenho acesso?": the ones the asker may see
_MY_ACCESS = re.compile(
    r"\b(?:a )?(quais|que) (contratos?|projetos?) (?:eu )?"
    r"(?:(?:tenho|tem|temos) acesso|acompanho|gerencio|gero|coordeno|cuido|sou responsavel)\b"
)
_WHICH_OF_TWO = re.compile(r"\b(qual|quem|quais) d([oa])s (?:2|dois|duas|3|tres)\b")
# "quem lidera no 8446?", "quem tá na frente?": the top of the ranking
_LEADS = re.compile(
    r"\bquem (?:lidera|liderou|(?:ta|esta) (?:liderando|na frente|em primeiro))\b"
    r"|\b(?:quem|qual) (?:ganhou|venceu)\b"  # "e em horas, qual ganhou?"
)


# "quais dias eu não apontei nada": "nada" only stresses the days missed (people who stopped are idle_people)
_MISSED_DAYS_NOTHING = re.compile(r"(\bdias?\b(?: \w+){0,5} (?:nao|sem) (?:apont|lanc|registr)\w*) nada\b")


# "tirando fim de semana, que dia…": the weekdays, Monday to Friday
_BUT_WEEKENDS = re.compile(
    r"\b(?:(?:apenas |so |somente )?(?:n?os |em )dias uteis,? )?"  # "só nos dias úteis, sem contar sábados": said twice
    r"(?:tirando|sem contar|exceto|fora|descontando|desconsiderando|desconsiderar|excluindo|excluir|sem considerar"
    r"|sem)(?: os?| as?)? (?:(?:fim|fins|final|finais) de semana|sabados? e domingos?)\b"
    r"|\b(?:so )?(?:em|nos|n?os) dias de semana\b(?! (?:d?a semana|passad))"
)
# "quem mais trabalha na sexta?", "quem menos trabalha segunda": a habit, every Friday, not last Friday
_HABITUAL_WEEKDAY = re.compile(
    r"\b((?:trabalha|trabalham|aponta|apontam|costuma\w*)\b(?: \w+){0,4}?) (?:na |de )?"
    r"(segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)?\b(?! passad| \d)"
)
# "qnt % das minhas horas foi na sexta?", "… foi sábado e domingo": a share of every such weekday, not last Friday
_SHARE_ON_WEEKDAYS = re.compile(
    r"((?:porcentagem|percentual|proporcao|fatia|parte|quanto d[ao]s?|quantas d[ao]s?)\b(?: \w+){0,8}? "
    r"(?:foi|foram|sao|e|cai|caem|caiu|cairam|caiam|ficou|ficaram|de))"
    r" (?:(?:n|d)?[ao]s? )?(segunda|terca|quarta|quinta|sexta|sabado|domingo)s?(?: feira)?"
    r"(?: (?:e|ou) (?:(?:n|d)?[ao]s? )?(segunda|terca|quarta|quinta|sexta|sabado|domingo)s?(?: feira)?)?\b"
)


def _on_weekdays(match: re.Match[str]) -> str:
    days = " e ".join(f"{day}s" for day in match.groups()[1:] if day)
    return f"{match.group(1)} nas {days}"


# "e os dois juntos?": the ones compared, summed
_TOGETHER = re.compile(
    r"\b(?:os|as) (?P<n>\d{1,2}|dois|duas|tres) (?:junt[oa]s|somad[oa]s|somaram|juntos somaram|fizeram juntos)\b"
    r"|\bsomando (?:os|as) (?P<m>\d{1,2}|dois|duas|tres)\b(?! contratos)"
    # "soma desses 3", "o total dos 5" after a list: those, summed
    r"|\b(?:(?:a )?soma d(?:esses|estes|essas|estas|os|as)|(?:o )?total d(?:esses|estes|essas|estas))"
    r" (?P<k>\d{1,2}|dois|duas|tres)\b"
    r"(?! (?:contratos|dias|meses|semanas|primeir|ultim)\w*)"
)


def _together(match: re.Match[str]) -> str:
    said = match.group("n") or match.group("m") or match.group("k")
    return f"os {({'dois': '2', 'duas': '2', 'tres': '3'}).get(said, said)} somados"  # how many stays


# "somando os dois contratos": all the contracts talked about (for a gestor, his); "qnts recursos tenho …, somando
# os dois contratos": everyone of them, not a list of contracts
_CONTRACTS_SUMMED = re.compile(
    r"(?P<people>\b(?:pessoas|quem|recursos|consultores|colaboradores)\b.*?)?"
    r"\bsomando (?:os )?(?:2|3|4|dois|tres|quatro) contratos\b"
)
# "em média qnts horas cada um faz por dia?": the average per person per day
_EACH_A_DAY = re.compile(
    r"\bcada (?:um|uma|pessoa|recurso|consultor) (?:faz|fez|trabalha|trabalhou|aponta|apontou)(?: em media)? por dia\b"
)
# "quantos dias somando todo mundo": everyone's, summed
_EVERYONE_SUMMED = re.compile(r"\bsomando (?:todo mundo|todos(?! os| as)|a galera|o pessoal|geral|tudo)\b")
# "qnta gente apontou ontem?": a head count
_HOW_MANY_PEOPLE = re.compile(
    r"\b(?:quanta|quantidade de|quantidade) gente\b"  # "qnt gente apontou": "qnt" reads "quantidade"
    # "quantos apontaram no 8556?", "quantos trabalharam mais de 9h?": how many people did
    r"|\bquant[oa]s (?=(?:trabalharam|apontaram|fizeram|passaram|ficaram|lancaram|registraram|bateram)\b)"
)

_BY = {"day": "por dia", "week": "por semana", "month": "por mes", "person": "por pessoa"}
_BY |= {"activity": "por atividade", "contract": "por contrato", "weekday": "por dia da semana"}

# Phrases rewritten, in this order, into the words the engine reads (each pattern's comment says why).
# English an IT team mixes in ("o headcount do 8600 last week", "manda um breakdown", "qual o peak day?")
_ENGLISH = (
    (re.compile(r"\b(?:the )?(?:last|past) week\b"), "semana passada"),
    (re.compile(r"\b(?:the )?this week\b"), "essa semana"),
    (re.compile(r"\b(?:the )?(?:last|past) month\b"), "mes passado"),
    (re.compile(r"\b(?:the )?this month\b"), "esse mes"),
    (re.compile(r"\b(?:o |a )?(?:peak|busiest|top) day\b"), "o dia com mais horas"),
    (re.compile(r"\b(?:o |a )?weekdays?\b"), "o dia da semana"),
    (re.compile(r"\b(?:qual (?:e |foi )?)?(?:o )?head ?count\b"), "quantas pessoas apontaram"),
    (re.compile(r"\b(?:um |o )?break ?down\b"), "a quebra"),
    # "breakdown de atividades nov": the hours split by activity, not the list of activities
    (
        re.compile(r"\ba quebra (?:de|das|dos|por) (atividade|pessoa|contrato|dia|semana|mes|tarefa)(?:e?s)?\b"),
        r"horas por \1",
    ),
    (re.compile(r"\b(?:by|per) (day|week|month|person|activity|contract|weekday)\b"), lambda m: _BY[m.group(1)]),
    (re.compile(r"\b(?:wow|week over week|semana contra semana)\b"), "compara"),
    (re.compile(r"\b(?:mom|month over month|mes contra mes)\b"), "compara"),
    (re.compile(r"\bstatus(?: report)?\b"), "um relatorio"),
    (re.compile(r"\b(?:(?:o|a|de) )?(?:avg|average) (?:span|duration)\b"), "a duracao media"),
    (re.compile(r"\b(?:avg|average)\b"), "media"),
    (re.compile(r"\b(?:um |o )?report\b"), "um relatorio"),
    (re.compile(r"\b(?:o |de )?over ?time\b"), "hora extra"),
    (re.compile(r"\bworked on (?:the )?weekends?\b"), "trabalhou no fim de semana"),
    (re.compile(r"\bweekends?\b"), "fim de semana"),
    (re.compile(r"\bcompare\b"), "compara"),
)


_PHRASES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    *_ENGLISH,
    (_PAST_CUT, _past),
    (_SEM_WEEK, "semana"),
    (_LAUGHTER, " "),
    *_FORMAL,
    (_STOPPED, "parou de apontar"),
    (_LAST_AND_BEFORE, "semana passada vs semana retrasada"),
    (_IN_THE_WEEK, "nessa semana"),
    (
        _WEEKDAY_OF_A_DATE,
        lambda m: "" if m.string[m.end() :].startswith("dia ") or "/" in m.string[m.end() :].split()[0] else "dia ",
    ),
    (_EVERY_WEEKDAY, r"nas \1s no geral"),
    (_UNFILTERED, _unfiltered),
    (_EVERY_WEEKDAY_AGAIN, "todos os dias"),
    (_NOT_ONLY, "nao so"),
    (AM_I_THE_ONE, lambda m: f"quem {m.group(1)} {_THIRD_PERSON.get(m.group(2), m.group(2))}"),
    (_I_AM_THE, " "),
    (_NOWADAYS, "considerando tudo"),
    # "qnts dias uteis ela deixou em branco": the days she recorded nothing
    (_BLANK_DAY, lambda m: f"{m.group(1)} sem apontamento" if m.group(1) else f"{m.group(2)}{m.group(3)} nao apontou"),
    (_FIXED_BUGS, _fixed_bugs),
    (_FOR_ME, r"\1"),
    (_DEADLINE, r"\1"),
    (_BECAUSE_I_THINK, ""),
    (_SINCE_THE_START, "desde o inicio"),
    (re.compile(r"\bpovo\b"), "pessoal"),  # "o q o povo do 7712 mais fez": its people
    # "e no contrato dele todo, o 8447", "o contrato dele, o 8246": the contract named, said twice
    (
        re.compile(
            r"\b(n|d)?o contrato (?:dele|dela|seu|meu)( tod[oa]| inteir[oa])?,? (?:(?:n|d)?o )?(\d{4}|e\d{7})\b,?"
        ),
        r"\1o contrato \3\2",
    ),
    (_BEHIND, _behind),
    (_DAY_IN_WORDS, _day_in_words),
    (_DAY_OF_NAMED_MONTH, _as_date),
    # "desde o início de setembro até 15/10": a closed span, not since then
    (re.compile(r"\bdesde o dia (\d{1,2}(?:/\d{1,2})?) (?=ate (?:o dia )?\d)"), r"de \1 "),
    (_REPORT_NAME, r"\1"),
    (_QUIETEST, "com menos horas"),
    (_BUSIEST, "com mais horas"),
    (_VANISHED, "parou de apontar"),
    (_SLIPPED, "sem apontamento"),
    (_LEADS, "quem mais apontou"),
    (_LAST_CUT, _last_cut),
    (_THESE_N, "eles"),
    (_SAME_CONDITIONS, " "),
    (
        _GOING_BACK,
        lambda m: "e o" if m.group("team") else "e a" if m.group("crew") else "e no" if m.group("whole") else "e",
    ),
    (_TOPIC_SHIFT, " "),
    (_ASKED_BEFORE, " "),
    (_DONE_WORK, "trabalhado"),
    (_MY_PEOPLE, r"\1 tem na minha equipe"),
    (_BOTH_BASES, "horas brutas e liquidas"),
    (_WHO_IS_IN, "quem trabalha"),
    (_EACH_PERSON_EACH_DAY, " "),
    (_STOPPED_DEFINED, r"pararam de apontar\1"),
    (_CONCENTRATED, "teve"),
    (_WHAT_WAS_DONE, "e quanto trabalhou"),
    (_EVER_TOTAL, r"\1considerando tudo"),
    (_BARE_WEEK, r"\1 semana \2"),
    (_BARE_MONTH, r"\1 mes \2"),
    (_MY_ACCESS, r"\1 \2 posso ver"),
    (_WHICH_OF_TWO, lambda m: f"{m.group(1)} {'delas' if m.group(2) == 'a' else 'deles'}"),
    (_DAYS_OWED, lambda m: f"{m.group(1) or ''}{m.group(2)} quantos dias"),
    (_OWING_A_DAY, _owing_a_day),
    # "to devendo apontamento de algum dia?": mine
    (
        re.compile(r"\b(?:to|tou|estou|(?:eu )?fiquei) devendo (?:algum |os |o )?apontamentos?(?: de algum dia)?\b"),
        "eu fiquei sem apontar algum dia",
    ),
    (_OWING_ENTRIES, "ficaram sem apontar algum dia"),
    (_HOW_IS_THE_WEEK, "como foi essa semana"),
    (_HOW_MANY_PEOPLE, "quantas pessoas "),
    (_CONTRACTS_SUMMED, lambda m: m.group("people") or "somando todos os contratos"),
    (_TOGETHER, _together),
    (_EVERYONE_SUMMED, "no total"),
    (_EACH_A_DAY, "por pessoa por dia"),
    (_BUT_WEEKENDS, "nas segundas tercas quartas quintas e sextas"),
    (_HABITUAL_WEEKDAY, r"\1 nas \2s"),
    (_SHARE_ON_WEEKDAYS, _on_weekdays),
    (_HOURS_MINUTES, _as_hours),
    (_DEFAULT_DAY, " "),
    (_WHOLE_MONTH_OF, r"em \1"),
    (_UNTIL_NOW, r"desde \1"),
    (_MISSED_DAYS_NOTHING, r"\1"),
)


# A turn that corrects the one before: "nao pera, quis dizer o mes passado", "na vdd era o 8447, foi mal",
# "errei o nome, é a ...", "ops, so as de bug", "digo, anteontem". Read on the text with its punctuation: a
# "não" needs its comma to be a correction ("não apontei ontem?" is a question).
_CORRECTION_WORD = (
    r"(?:pera(?:i|ai)?|espera(?: ai)?|ops|oops|foi mal|desculp[ae](?: ai)?|perdao|digo|me enganei|"
    r"errei(?: (?:o|a) (?:nome|contrato|numero|mes|periodo|dia|data|semana|atividade|filtro|pessoa))?|"
    r"na (?:verdade|vdd)|(?:eu )?(?:quis|queria) dizer|quer dizer|corrigindo|melhor dizendo"
    r"|(?:era|foi) (?:isso|esse|essa)|(?:me )?confundi"
    r"|(?:digitei|escrevi|coloquei|botei|mandei|passei) (?:errado|o numero errado|o contrato errado|o nome errado))"
)
_CORRECTION = re.compile(
    r"^\s*(?:(?:opa|ah|ih|eita|putz|ixi|xi)\b[\s,.!]*)?"
    rf"(?:(?:nao|n)(?:\s*[,.!;:]+\s*|\s+(?={_CORRECTION_WORD}\b))|{_CORRECTION_WORD}\b[\s,.!;:-]*)+"
    r"(?:(?:eu )?(?:era|e|eh|seria|sao|queria|quero)\s+(?!(?:so|isso|tudo|nada)\b))?"
)
# "do mes passado nao, quero setembro", "outubro nao, era setembro": what is taken back, then what is meant
_NOT_THAT = re.compile(
    r"^(?!(?:quem|que|q|qual|quais|qnt\w*|qt\w*|quant\w*|como|quando|tem|teve)\b)"
    r"(?:(?:d|n)?[oa]s? |em |de )?(?:\w+ ){0,2}\w+ nao\s*[,.;:!]+\s*"
    r"(?:(?:era|e|eh|seria|quero|queria)\s+(?!(?:so|isso|tudo|nada)\b))?"
)
_SORRY_AT_THE_END = re.compile(
    r"[\s,.!;:-]*\b(?:foi mal|desculpa|desculpe|perdao|mals|me confundi|confundi|me enganei)[\s.!]*$"
)
_NOT_A_CORRECTION = re.compile(r"^(?:obrigad\w*|valeu|brigad\w*|tchau|ok|blz|beleza|era (?:so )?isso|so isso|nada)\b")


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def corrected(question: str) -> str | None:
    """A turn correcting the previous one, as the follow-up it means ("e o mes passado"), or None."""
    folded = _folded(question)
    if _NOT_HOW_MANY.match(folded):
        return "quem foram"  # "nao quero quantidade, quero saber QUEM": the people counted, by name
    if way := _NOT_THIS_WAY.match(folded):
        return f"e {folded[way.end() :].strip(' ?!.')}"  # "nao em horas, em quantidade de apontamentos"
    match = _CORRECTION.match(folded) or _NOT_THAT.match(folded)
    if match is None or match.end() == 0:
        return None
    rest = folded[match.end() :]
    rest = rest[taken.end() :] if (taken := _NOT_THAT.match(rest)) else rest
    rest = _SORRY_AT_THE_END.sub("", rest).strip(" ,.!;:-")
    rest = _NOT_THIS_ONE.sub("", rest)  # "opa errei, era setembro nao outubro": what is meant, then what is not
    rest = _SAME_QUESTION.sub("", rest).strip(" ,.!;:-")  # "na vdd o contrato é o 7873. mesma pergunta"
    rest = _SAID_INSTEAD.sub("", rest)  # "ops, falei setembro mas é outubro": what is meant comes last
    rest = _TRAILING_ACTUALLY.sub("", rest).strip(" ,.!;:-")  # "esse último eu queria do 8446 na verdade"
    if not rest or _NOT_A_CORRECTION.match(rest):
        return None
    if re.match(r"pera", folded) and re.match(r"(?:quais|quem|qual|quant\w*|qnt\w*|qts?|como|quando)\b", rest):
        return rest  # "peraí, quais contratos eu consigo ver?": a question of its own, not a correction
    return rest if rest.startswith("e ") else f"e {rest}"


_SAID_INSTEAD = re.compile(
    r"^(?:(?:esse|essa|o|a) (?:ultim[oa]|anterior|de antes)(?: pergunta)?\s*,?\s*)?(?:eu )?"
    r"(?:(?:falei|disse|escrevi|coloquei|pedi|perguntei) .+? mas (?:e|eh|era|seria|queria|quero|quis dizer) "
    r"|(?<=ultimo )(?:eu )?(?:queria|quero|era)\s+|(?<=ultima )(?:eu )?(?:queria|quero|era)\s+)"
)
_TRAILING_ACTUALLY = re.compile(r"[\s,]+(?:na verdade|na vdd)\W*$")
_NOT_HOW_MANY = re.compile(
    r"^(?:nao|n),? (?:quero |queria |era |e )?(?:a |o )?(?:quantidade|numero|total|qtd)[,.!]? "
    r"(?:(?:eu )?(?:quero|queria|preciso)(?: saber)? )?(?:quem|os nomes|quais (?:pessoas|recursos))\b"
)
_NOT_THIS_WAY = re.compile(r"^(?:nao|n),? (?:em|por|de) \w+,\s*(?:e |mas |quero |queria )?(?=(?:em|por) \w)")
_NOT_THIS_ONE = re.compile(r",?\s+(?:e )?(?:nao|n) (?:(?:o|a|em|de|do|da|no|na) )?\w+\s*[.!]*$")
_SAME_QUESTION = re.compile(
    r"(?:[,.!;]\s*|\s+)(?:(?:foi mal|desculpa)\W*)?(?:k+|rs+)?\W*(?:a )?mesma (?:pergunta|coisa)\W*$"
)


# A first clause that only tells why the question is asked ("to fechando o mes aqui e queria saber…", "preciso
# justificar pro meu gestor, quantas horas…"): its words ("fechar", "esperado", "gestor") are not the question's.
_CONTEXT_CLAUSE = re.compile(
    r"^\s*(?:(?:oi|ola|bom dia|boa tarde|boa noite|e ai|opa|ei)\b[\s,!.]*)?"
    r"(?P<context>(?:eu )?(?:to|estou|preciso|precisava|tenho que|tenho q|vou|meu gestor|minha gestora|meu coordenador"
    r"|minha coordenadora|o rh|a gente|me pediram|pediram|(?:(?:o|a|meu|minha) )?chefe|(?:o|a|meu|minha) lider"
    # "sou do RH e to fazendo a checagem, quantas…", "para eu ter uma ideia de como o time distribui o tempo, …"
    r"|voltei|acabei de voltar|sou (?:d[oa]|um|uma|o|a|novo|nova)"
    # "Preocupa-me o volume de horas extras. Quantas pessoas…": a worry, then the question
    r"|preocupa[- ]me|me preocupa|(?:estou|to|fiquei|ando) preocupad[oa]"
    r"|(?:pra|para) (?:eu|mim|a gente) (?:ter|entender|saber)|(?:pra|para) (?:completar|fechar|montar|terminar)"
    # "minhas horas de novembro parecem menores, qto eu tenho?": what looks off, then the question
    r"|(?:\w+ ){1,5}?(?:parece|parecem|parecia|pareciam|ficou|ficaram)"
    r" (?:menor|menores|maior|maiores|baix[oa]s?|alt[oa]s?|errad[oa]s?|estranh[oa]s?|pouc[oa]s?|esquisit[oa]s?)"
    r"|(?:o|a|meu|minha) gerente|o cliente"
    # "o sindicato tá pegando no pé por causa de hora extra. quantas…", "antes da daily queria saber quem…"
    r"|(?:o|a) \w+ (?:ta|esta|anda|vive|vem) \w+ndo|antes d[ao] \w+|(?:eu )?acho (?:que|q) (?:eu )?esqueci"
    # "o Heitor falou q passou outubro fazendo deploy, quanto ele apontou de deploy?": what somebody said
    r"|(?:o|a) (?:\w+ ){1,5}?(?:falou|disse|comentou|contou|acha)\s+(?:que|q))\b[^?!;]*?)"
    r"(?:\s*[,.;:!]\s+"
    r"|\s+(?:e\s+)?(?:queria|quero|gostaria de|preciso|precisava)\s+(?:saber|ver|conferir|entender)?\s*[,:]?\s*"
    r"|\s+(?:pra|para) (?:eu |mim )?(?:detalhar|levantar|mostrar|listar|saber|ver)\s+"
    r"|\s+(?=me (?:ve|veja|diz|fala|passa|manda|mostra)\b))"  # dictated: "… até as 17h me vê qnt de horas …"
    r"(?P<question>(?:e |mas |entao )?(?:se possivel |por favor )?(?:(?:voce |vc )?(?:consegue|conseguiria|poderia) )?"
    r"(?:considerando [^,?]*,\s*)?"  # "…e preciso saber, considerando só outubro, quantas pessoas…"
    r"(?:qnts?|qts?|qnto|qto|qtos|qntos|qtas?|qntas?|quant[oa]s?|horas|hrs|(?:o |a )?(?:total|soma|quantidade)"
    r"|qual|quais|quem|tem|teve|como|em que|em quais|que"
    r"|q|quando|me (?:diz|dizer|fala|falar|mostra|mostrar|passa|passar|ve|veja|manda)|pode|compar\w*|entre)\b"
    r"[^.!;]*)$"
)
# Pleasantries before the question: "oi, tudo joia?", "olá! espero que esteja bem.", "uma duvida rapida:",
# "rs brincadeira." (each closed by its punctuation, so "oi quantas horas" is left as typed)
_OPENING = re.compile(
    r"^(?:\s*(?:"
    r"(?:o+i+|ola+|opa+|ei|e ai|eai|eae|e ae|hey|bom dia|boa tarde|boa noite|prezad[oa]s?)"
    r"(?: (?:o+i+|ola+|bom dia|boa tarde|boa noite|pessoal|galera|gente|time|bot))*"
    r"|tudo (?:bem|bom|joia|certo|tranquilo|ok|em ordem)(?: (?:com voce|contigo|por ai|ai))?"
    r"|espero que (?:esteja|estejam|voce esteja|esteja tudo|tudo esteja) bem"
    r"|(?:uma |so uma |mais uma )?(?:duvida|pergunta|perguntinha)(?: rapida| rapidinha| simples)?"
    r"|(?:uma |so uma |e )?(?:ultima|outra) (?:coisa|pergunta|duvida)(?: rapida)?|(?:e )?por ultimo|aproveitando"
    r"|(?:e )?seguindo (?:a mesma linha|nessa linha|na mesma linha)(?: de raciocinio)?"
    r"|ok|okay|(?:muito )?obrigad[oa](?: de novo| novamente| pela ajuda(?: de sempre)?| pelo retorno)?|valeu|vlw"
    r"|agora"
    r"|(?:aqui e (?:o|a) )?[a-z]+ aqui|(?:oi,? )?(?:aqui e|quem fala e) (?:o|a) [a-z]+"  # "wagner aqui, …"
    r"|(?:hm+|hum+|eita|vish|xi+|putz|(?:que )?estranho|esquisito)(?: (?:que )?estranho)?"
    r"|(?:(?:rs+|k{3,}|(?:ha){2,}h?)\s*)?(?:brincadeira|brinks|to brincando|so brincando|zoeira|zoando)"
    r"|(?:desculp[ae]|perdao) (?:incomodar|o incomodo|a demora)"
    r"|enfim|entao|bom|certo|ta bom|beleza|blz|show|perfeito|otimo|(?:a+h+|ok|ta|certo|hum+) entendi|entendi|a+h+"
    r"|(?:a+h+,? )?(?:eh|e mesmo|verdade|e verdade|sim|ta|entendi)"
    # a gestor: "ah é verdade eu não aponto rs."
    r"|(?:a+h+,? )?(?:ta,? )?(?:(?:e )?verdade,? |e mesmo,? )?(?:eu )?nao (?:aponto|registro|lanco)(?: horas?)?"
    r"(?: mesmo| ne| rs+| k+)*"
    r"|me ajuda(?: aqui| ai| rapidinho| por favor)*"
    r"|(?:me )?responde(?: ai)? (?:numa|em uma|em 1) linha(?: so)?"  # how to answer, not what
    r"|(?:(?!(?:quant\w*|qual|quais|quem|como|tem|teve)\b)\w+ ){1,5}ne"  # "segunda pos fechamento ne...": chatter
    r")\s*(?:[,.!?:;-]|[\u2600-\u27bf\U0001f300-\U0001faff])+)+"  # an emoji closes a pleasantry too
)
_CONTRACT_NUMBER = re.compile(r"\b(?:\d{4}|e\d{7})\b")


# "quem parou de apontar em novembro? tipo, apontava em outubro e sumiu": the words after explain the question
_EXPLAINED = re.compile(
    r"\?\s*(?:tipo|ou seja|quer dizer|assim|(?:eu )?acho (?:que |q )?(?:ta|esta|tem|falta)"
    r"|(?:(?:ela|ele|eles|elas|gente|pessoas?|q|que|quem) )?"
    r"(?:tinha|tinham|apontava|apontavam|estava|estavam|trabalhava|trabalhavam))\b[^?]*\??\s*$"
)


# "qnt eu fiz em setembro, digo, outubro": a month, a contract or a day taken back within the message
_TAKEN_BACK = re.compile(
    rf"\b(?:{'|'.join(MONTH_NAMES)}|\d{{4}}|e\d{{7}}|segunda|terca|quarta|quinta|sexta|sabado|domingo|ontem|hoje)"
    r"\s*[,?]?\s*(?:(?:ops|opa|ih|ah|nao),?\s*)?"
    r"(?:digo|ou melhor|quer dizer|(?:eu )?quis dizer|melhor dizendo|na verdade|errei,? (?:e|era))\s*,?\s+(?=\w)"
)


# "meu entrada mais cedo... digo, que horas eu cheguei cada dia": the question started over
_STARTED_OVER = re.compile(
    r"^[^?]*?\b(?:digo|ou melhor|melhor dizendo|quer dizer)\s*[,:]?\s+"
    r"(?=(?:que|qual|quais|quant[oa]s?|qnt\w*|qto|qts?|quem|a que|em que|como|tem|teve)\b)"
)


# "no trimestre? set out e nov", "no trimestre (set a nov)": the months said are the period
_PART_LISTED = re.compile(rf"\b(?:n?o |d?o )?(?:trimestre|semestre)\s*[?:,]\s*(?=(?:{_MONTHS})\b)")
_PART_SPELLED = re.compile(
    rf"\b(?:n?o |d?o )?(?:trimestre|semestre)\s*[(-]?\s*(?:de )?({_MONTHS})"
    rf"(?:\s*(?:-|,|a|ate|e)?\s*(?:{_MONTHS}))*?\s*(?:-|a|ate|e)\s*({_MONTHS})\s*\)?"
)
_LONG_WEEKEND_SPELLED = re.compile(r"(feriad[aã]o)\s*\([^)]*\)", re.IGNORECASE)
# "quantas horas lancei de segunda a quinta (sexta foi feriado)?": an aside that explains, not asks
_COUNTED_LIST = re.compile(
    r"\b(?:d?[oa]s|entre [oa]s) (?:\d+|dois|duas|tres|quatro|cinco|seis)\b[^()?]*\(([^)]*)\)\s*", re.IGNORECASE
)
_ASIDE = re.compile(r"\s*\((?=[^)]*\b(?:foi|era|e|eh|teve|tive|estava|estive|ficou)\b)[^)]*\)")


def _unsaid(question: str) -> str:
    if _PART_LISTED.search(_folded(question)):
        question = _PART_LISTED.sub("em ", _folded(question))  # "no trimestre? set out e nov": each month listed
    if defined := _PART_SPELLED.search(_folded(question)):
        # "no trimestre (set a nov)", "no trimestre? set out e nov": the months said are the period
        folded = _folded(question)
        question = f"{folded[: defined.start()]} de {defined.group(1)} a {defined.group(2)} {folded[defined.end() :]}"
    question = _COUNTED_LIST.sub(r"\1: ", question)  # "dos 4 java do 8447 (a, b, c e d) qm fez mais": those four
    question = _ASIDE.sub("", question) if _ASIDE.sub("", question).strip() else question
    question = _LONG_WEEKEND_SPELLED.sub(r"\1", question)  # "no feriadão (sexta a domingo)": said twice
    folded = _folded(question)
    if restart := _STARTED_OVER.match(folded):
        return folded[restart.end() :]
    return _TAKEN_BACK.sub("", folded) if _TAKEN_BACK.search(folded) else question


# "…em outubro, consegue ver?", "…, pode me passar?": asking the bot to answer is not part of the question
_PLEASE_ANSWER = re.compile(
    r",\s*(?:(?:voce|vc|tu)\s+)?(?:consegue|conseguiria|pode|poderia|da pra|daria pra|tem como)"
    r"(?:\s+(?:me|pra mim))?"
    r"(?:\s+(?:ver|dizer|passar|checar|olhar|conferir|informar|responder|mostrar|levantar|ajudar))?"
    r"(?:\s+(?:isso|pra mim|pfv|por favor|ai))*\s*\??\s*$"
)


# "era pra ser quanto? 40h?": a guess after the question, not part of it
_GUESS = re.compile(r"\?\s*\d{1,3}(?:,\d)?\s*(?:h|hrs?|horas)?\s*\??\s*$")


# "…, porque eu quero colocar num slide", "? Queria cobrar meu validador", "? Às vezes o pessoal esquece de fechar":
# why the question is asked, after it
_REASON_AFTER = re.compile(
    # said without punctuation, as dictated: "… nos últimos 7 dias se puder me manda rapidinho que to numa call"
    r"(?:[?.]\s+|,\s*|\s+(?=se (?:puder|possivel|der|for possivel) (?:me )?(?:manda|passa|diz|fala|responde)"
    r"(?: (?:rapidinho|rapido|logo|ai|isso|por favor|pfv|que|q|pq|porque)\b|\W*$)))"
    r"(?:e\s+)?(?:(?:porque|pq|pois|ja que)\s+(?:eu|a gente|o cliente|preciso|quero|vou|tenho"
    r"|parece|acho)\b"
    r"|(?:queria|quero|preciso|vou|tenho que|a gente vai|vamos)\s+(?:\w+\s+){0,3}?"
    r"(?:cobrar|colocar|apresentar|mandar|enviar|montar|levar|mostrar|incluir|falar|usar|botar|comparar"
    # "preciso de uma tabela por pessoa": the preposition, not "pôr"
    r"|por(?! (?:pessoa|recurso|colaborador|dia|semana|mes|contrato|atividade|hora|cliente|data)s?\b))\b"
    r"|(?:as vezes|geralmente|normalmente)\s+(?:o|a|os|as|eu|a gente)\b"
    r"|(?:o|a) (?:fechamento|mes|semana|entrega) (?:foi|ta|esta|vai|anda)\b"
    r"|se (?:puder|possivel|der|for possivel) (?:me )?(?:responder|mandar|passar)\b"
    r"|se (?:puder|possivel|der|for possivel) (?:me )?(?:manda|passa|diz|fala|responde)"
    r"(?: (?:rapidinho|rapido|logo|ai|isso|por favor|pfv|que|q|pq|porque)\b|\W*$)"
    # "tenho algum apontamento sem saída esse mês? o gestor reclamou": who wants it, not whose entries
    r"|(?:o|a|meu|minha) (?:gestor|gestora|chefe|lider|coordenador|coordenadora|rh|cliente)"
    r" (?:reclamou|pediu|cobrou|perguntou|mandou|quer|falou)\b)[^?]*\??\s*$"
)


# what a question the remark may follow has: "bom dia! queria conferir se…" is the question itself
_ASKS_BEFORE = re.compile(
    r"\b(?:quant\w*|qnt\w*|qts?|qto\w*|qual|quais|quem|quando|tem|teve|horas?|hrs?|me (?:passa|mostra|da|diz)"
    r"|duracao|media|total|soma|ranking|top|apontamentos?)\b"
    r"|\b(?:\d{4}|e\d{7})\b|\?"
)
# "…em novembro? achei pouco", "…? um deles parece com mt pouco", "…, uns parecem mt curtos": what the asker makes
# of the figure, said after the question, is not part of it
_REMARK_AFTER = re.compile(
    r"(?:[?.!]\s*|,\s*)(?:(?:mas|e|pq|porque|hmm*|sei la)\s+)?"
    r"(?:(?:eu\s+)?(?:achei|acho|achamos|to achando|estou achando)\s+(?:\w+\s+){0,4}?"
    r"(?:pouc[oa]s?|baix[oa]s?|alt[oa]s?|muit[oa]s?|mt|demais|estranh\w*|esquisit\w*|errad[oa]s?|exagerad[oa]s?)\b"
    r"|(?:(?:um|uma) (?:deles|delas|dos dois|das duas)|uns|umas|alguns|algumas|isso|ela|ele|o numero|o total"
    r"|esse numero|esse total)?\s*(?:parece|parecem|pareceu|pareciam)\b"
    r"|vi\s+(?:umas?|uns|algo|algumas?|alguns)\b[^?]*?\b(?:estranh\w*|esquisit\w*|errad\w*)"
    # "? o financeiro falou 17", ", preciso chegar em 160": somebody's figure, or a goal, not a filter
    r"|(?:o|a|os|as|meu|minha|um|uma)\s+(?:\w+\s+){0,3}?(?:falou|falaram|disse|disseram|acha|acham|mandou|diz)\b"
    r"|(?:eu\s+)?(?:preciso|tenho que|tenho de|quero|devia|deveria)\s+(?:chegar|bater|fechar|completar|fazer)\s+"
    r"(?:em|a|as|os|nas|nos)?\s*\d+"
    # "quais feriados tem entre setembro e hj msm? esqueci": why it is asked
    r"|(?:(?:eu\s+)?(?:ja\s+)?esqueci|nao lembro|nao me lembro)\W*$"
    # "q horas a jurema tem chegado? ela ta entrando cedo?": what the reader will judge from the answer
    r"|(?:ela|ele|eu|eles|elas)\s+(?:ta|esta|to|estou|tao|estao|anda|andam)\s+(?:entrando|chegando|saindo|batendo)"
    r"\s+(?:muito\s+)?(?:cedo|tarde)\b"
    # "que horas eu entrei ontem? acho q esqueci de bater": why it is asked, not what
    r"|(?:eu\s+)?(?:acho|axo)\s+(?:que|q)\s+(?:eu\s+)?(?:esqueci|esqueceu|nao bati|nao apontei|errei|bati errado)\b"
    # "tem algum apontamento fora da curva? tipo gente com 14h seguidas": an example of what is asked, no filter
    r"|tipo\s+(?:gente|alguem|pessoas?|apontamentos?|registros?|uns|umas|um|uma|algo)\b"
    # "…? quero ver se alguma passou de 200h": what the reader will look for in the answer, not a filter of it
    r"|(?:so\s+)?(?:quero|queria|pra|para|preciso)\s+(?:ver|saber|conferir|checar|entender)\s+se)[^?]*[?.!]*\s*$"
)


# "qual o overtime do 7950 essa semana? quem passou de 8h por dia": a word the data has no figure for, then what
# it means; the meaning is the question, with the first part's subject and period
_DEFINED_AFTER = re.compile(
    r"^(?P<ask>.*?)\b(?:qual (?:e |foi )?(?:o |a )?|quant[oa]s? (?:de |foi )?(?:o |a )?)?"
    r"(?:overtime|horas? extras?)\b(?P<rest>[^?]*)\?\s*(?:(?:ou seja|tipo|quer dizer)\s*,?\s*)?"
    r"(?P<meaning>[^?]*\b(?:passou|passaram|acima|mais) de \d+(?:,\d+)?\s*(?:h|hs|hrs|horas)\b[^?]*)\??\s*$"
)


def _unexplained(question: str) -> str:
    """The question without a closing explanation of it, when the question already names its period."""
    if defined := _DEFINED_AFTER.match(_folded(question)):
        question = f"{defined['ask']}{defined['meaning'].strip()} {defined['rest'].strip()}?"
    reason = _REASON_AFTER.search(_folded(question))
    if reason and _folded(question)[: reason.start()].strip() and not re.search(rf"\b{_ASKING}", reason.group(0)):
        question = question[: reason.start()] + ("?" if "?" in question[reason.start() : reason.end()][:2] else "")
    remark = _REMARK_AFTER.search(_folded(question))
    asked_before = remark is not None and _ASKS_BEFORE.search(_folded(question)[: remark.start()]) is not None
    if remark and asked_before and not re.search(rf"\b{_ASKING}", remark.group(0)):
        question = question[: remark.start()] + ("?" if "?" in question[remark.start() : remark.end()][:2] else "")
    if guess := _GUESS.search(question):
        question = question[: guess.start() + 1]
    if polite := _PLEASE_ANSWER.search(_folded(question)):
        question = question[: polite.start()] + "?"
    vanished = re.search(r"\?\s*(?:(?:ela|ele) )?(?:sumiu|sumiram|desapareceu)\W*$", _folded(question))
    if vanished and re.search(r"\b(?:ultim\w*|quando|qnd|qndo)\b", _folded(question)[: vanished.start()]):
        return question[: vanished.start() + 1]  # "qual foi o último dia que ela apontou? sumiu": why it is asked
    tail = _EXPLAINED.search(question)
    if tail is None or find_period(_folded(question[: tail.start()]), ANY_DAY) is None:
        return question
    return question[: tail.start() + 1]


_BARE_COMPARE = re.compile(r"(?:e )?compar\w*(?: (?:pra|para) mim)?(?: (?:ate|so ate) \w+)?")
_BELIEF = re.compile(r"(?:eu )?(?:to|estou) (?:achando|com a impressao de|sentindo|desconfiando) (?:que|q) ")


# "preciso fechar o mês da zuleica", "conferir o fechamento do wagner rocha": whom "ela" / "ele" then means
# "preciso fechar o mês da zuleica", "preciso ver a renata freitas": the person the question's "ela" means
_WHOSE = re.compile(r"\bd[oa] ([a-z]+(?: [a-z]+){0,3})\s*$")
_SEEN = re.compile(r"\b(?:ver|olhar|conferir|checar|acompanhar) (?:o|a) ([a-z]+(?: [a-z]+){0,3})\s*$")
_WHO_SAID = re.compile(r"(?:o|a) ([a-z]+(?: [a-z]+){0,4}) (?:falou|disse|comentou|contou|acha)\b")
_CLAUSE_NOUNS = (
    r"\b(?:mes|semana|contrato|time|equipe|pessoal|ponto|fechamento|folha|relatorio|cliente|rh|gestor|gestora)\b"
)


def without_context(question: str) -> str:
    """The question without a first clause that only gives its reason; a contract the clause names is kept
    ("preciso fechar a folha do 7873, qnts horas o contrato teve?"). A clause with a period of its own stays,
    unless the question has one too."""
    folded = _folded(question)
    opening = _OPENING.match(folded)
    rest = folded[opening.end() :] if opening is not None else ""
    # "sexta passada foi feriado né? alguém apontou?": a remark that holds the period is part of the question
    told = opening is not None and find_period(folded[: opening.end()], ANY_DAY) is not None
    if rest.strip(" ?!.,") and not (told and find_period(rest, ANY_DAY) is None):
        question = folded = rest.strip()
    match = _CONTEXT_CLAUSE.match(folded.rstrip(" ."))  # "…, sem o almoço.": a closing period ends no clause
    if match is None:
        return question
    context, asked = match.group("context"), match.group("question")
    if _BARE_COMPARE.fullmatch(asked.strip(" ?!.")) and (belief := _BELIEF.match(context)):
        # "to achando q essa semana rendi menos q a passada, compara pra mim": what to compare is the belief
        return f"{context[belief.end() :]}, {asked}"
    kept = []
    if find_period(asked, ANY_DAY) is None:
        # "preciso fechar meu ponto de novembro, qts horas…": the clause's period is the question's
        if (period := find_period(context, ANY_DAY)) is not None:
            kept.append(period.text)
        elif unit := re.search(r"\b(mes|semana)\b", context):
            kept.append(f"{'esse' if unit.group(1) == 'mes' else 'essa'} {unit.group(1)}")  # "to fechando o mes aqui"
    others = r"\b(?:meu|minha)s? (?:gestor|gestora|coordenador|coordenadora|chefe|lider|gerente|time|equipe|pessoal"
    others += r"|contrato)"
    if re.search(r"\b(?:meu|minha|meus|minhas)\b", context) and not re.search(others, context):
        if not re.search(r"\b(?:eu|meu|minha|meus|minhas|mim|fiz|apontei|trabalhei|tenho)\b", asked):
            kept.append("meu")  # "preciso fechar meu mês passado, qnt deu?": mine
    grouping = re.search(r"\b(?:por|cada) (atividade|semana|mes|dia|pessoa|contrato)\b", context)
    each = re.sub(r"\b(?:de |d[ae] )?cada (?:uma?|qual)\b", " ", asked)
    if grouping and not _BREAKDOWN.search(each):
        asked = each  # "meu gestor pediu a quebra por atividade, quanto foi de cada uma?": each activity
        kept.append(f"por {grouping.group(1)}")
    whom = _WHOSE.search(context) or _SEEN.search(context) or _WHO_SAID.match(context)
    if whom and re.search(r"\b(?:d?ele|d?ela)\b", asked) and not re.search(_CLAUSE_NOUNS, whom.group(1)):
        # "preciso fechar o mês da zuleica, …ela…", "to montando a avaliação do otávio, … por atividade dele"
        asked = re.sub(r"\bd(?:ele|ela)\b", f"de {whom.group(1)}", asked, count=1)
        asked = re.sub(r"\b(?:ele|ela)\b", whom.group(1), asked, count=1)
    contracts = [n for n in _CONTRACT_NUMBER.findall(context) if n not in asked]
    if contracts and not _CONTRACT_NUMBER.search(asked):
        # "to montando o report do 7873 e do 8446, qual dos dois teve mais horas?": both, when both are named
        kept.append(f"do contrato {' e '.join(dict.fromkeys(contracts))}")
    return " ".join([asked.rstrip(" ?"), *kept]) + ("?" if asked.rstrip().endswith("?") else "")


# Where a second question starts inside one message: after a "?" with more to come, or at "e" before a question
# word ("qnt fiz em outubro e qnts dias foram", "quem mais apontou e quem menos").
_ASKING = r"(?:qnts?|qntas?|qts?|qnto|quant[oa]s?|quem|qual|quais|em (?:qnts?|qntas?|quant[oa]s?|que|qual))\b"
# "… ? me mostra semana a semana": a second request (a list the first question picked from)
_SHOW_ME = r"(?:me )?(?:mostra|mostre|manda|mande|passa|passe|lista|liste|fala|fale)\b"
# "qnto apontei em novembro e se falta algum dia": whether, the second question
_SECOND_QUESTION = re.compile(
    rf"\?\s+(?=\S)|,?\s+e\s+(?:tb\s+|tambem\s+|também\s+)?(?={_ASKING})"  # "… e tb qnts pessoas apontaram"
    r"|,?\s+e\s+se\s+(?=(?:falta|faltou|tem|teve|ficou|deixei|deixou|esqueci|esqueceu)\b)"
    # "quantas horas eu fiz e teve dia sem apontamento?", "a média por dia e a duração média de cada apontamento"
    r"|,?\s+e\s+(?=(?:teve|tem|houve|faltou|ficou) (?:algum |alguma )?(?:dia|apontamento)s?\b)"
    r"|,?\s+e\s+(?=(?:a|o) (?:duracao|duração|media|média|soma|quantidade|numero|número)(?: \w+)? d)"
)
# "preciso de umas coisas: total de horas, quantos recursos apontaram e quantos sem saída": things listed
_LISTED_AFTER_COLON = re.compile(
    r"\b(?:(?:umas|algumas|tres|duas) coisas|(?:os|as|esses|estes) (?:dados|numeros|informacoes|itens)|o seguinte"
    r"|seguinte|resumo\b[^:?]{0,80})\s*:\s*(?P<items>[^:]+)$"  # "um resumo do 8120 em novembro: horas, …"
)
_LIST_ITEM_WORDS = 8  # an item of such a list is a figure's name, not a story
_LIST_ITEM = re.compile(
    rf",\s*(?:e\s+)?|\s+e\s+(?=(?:{_ASKING}|(?:o |a |os |as )?(?:total|media|quantidade|numero)\b))"
)
# A first part that compares, or bounds, with what follows: one question ("a diferença entre o que fiz e quanto …")
_ONE_QUESTION = re.compile(r"\b(?:diferenca|entre|compar\w*|versus|vs|x|contra|mais que|menos que|do que)\b")
_RANKS_PEOPLE = re.compile(r"\b(?:top ?\d+|ranking|quem (?:mais|menos)|(?:os|as) \d+ (?:que|q) mais)\b")
_TWO_CONTRACTS = re.compile(r"\b(d[oa]|n[oa]) (\d{4}|e\d{7}) e (d[oa]|n[oa]) (\d{4}|e\d{7})\b")
_EXPECTED = re.compile(
    r"\b(?:devia|deveria|deveriam|esperad[oa]s?|previst[oa]s?|tinha (?:que|q|de)|era (?:pra|para|pro) (?:\w+ )?ter)\b"
)
_BARE_AMOUNT = re.compile(
    r"(?:e )?(?:quantas horas|qnts horas|qntas horas|quanto|qnto|qto)(?: (?:foram|deu|foi))?[?!. ]*"
)
_IF_SO = re.compile(r"^(?:e\s+)?(?:se sim|se tiver|se teve|caso sim|se for o caso|e se sim)\b[\s,]*")


_THANKS_AFTER = re.compile(
    r"\?\s*(?:(?:muito )?obrigad[oa]|valeu|vlw|obg|brigad[oa]|agrade[cç]o)(?: desde j[aá])?[\s!.]*$", re.IGNORECASE
)


# "tem certeza?", "hmm mas não era mais q isso? confere de novo pfv": each clause doubts the last answer
_DOUBT_CLAUSE = re.compile(
    r"(?:(?:hm+|hum+|ue|ah+|mas|e|ok|pera|pera ai|sera)\s+)*(?:"
    r"(?:(?:voce |vc )?(?:tem|tens) )?(?:certeza|ctz)(?: (?:disso|mesmo|absoluta))?"
    r"|(?:(?:voce |vc )?(?:pode|poderia|consegue) )?(?:confer\w*|confirm\w*|chec\w*|verific\w*|refaz\w*|revis\w*"
    r"|olh\w* de novo|ve de novo|calcul\w* de novo)(?: (?:a conta|isso|ai|de novo|dnv|novamente|pra mim|por favor"
    r"|pfv|pf))*"
    r"|(?:mas )?(?:nao )?(?:era|deu|da|seria) (?:mais|menos|so isso)(?: (?:q|que|do que) isso)?(?: mesmo)?"
    r"|(?:isso )?(?:ta|esta) errado(?: isso)?|acho que (?:ta|esta) errado"
    r")(?:\s+(?:pfv|pf|por favor|ai|pra mim))*"
)
# "tá certo", "isso mesmo", "sério": a doubt only when asked ("tá certo, obrigado" agrees)
_ASKED_DOUBT_CLAUSE = re.compile(
    r"(?:(?:mas|e|hm+)\s+)*(?:(?:isso )?(?:ta|esta) certo(?: isso)?|(?:e )?isso mesmo|serio)"
)


_DOUBT_WORD = re.compile(
    r"\b(?:certeza|ctz|confer|confirm|chec|verific|refaz|revis|de novo|dnv|era|deu|da|seria|errado|certo|mesmo|serio)"
)


def doubts(question: str) -> bool:
    """Whether the message only doubts the last answer ("tem certeza?", "mas não era mais?"): a cue to check the
    last question again, not a new one."""
    if not _DOUBT_WORD.search(_folded(question)):
        return False  # most messages: no need to read them clause by clause
    folded = _folded(_unexplained(question))
    clauses = [c.strip() for c in re.split(r"[,.!?;]+", folded) if c.strip()]
    asked = "?" in folded
    return bool(clauses) and all(
        _DOUBT_CLAUSE.fullmatch(c) or (asked and _ASKED_DOUBT_CLAUSE.fullmatch(c)) for c in clauses
    )


# "o rh disse q eu fiz 150h em outubro, confere?": somebody's figure to check. The claim names what is asked (who,
# what, when); its figure is what the data must give, never a filter or a threshold.
_CLAIM_VERBS = (
    r"(?:disse|disseram|falou|falaram|fala|falam|diz|dizem|dizendo|acha|acham|achou|mandou|mandaram|informou"
    r"|informaram|afirmou|comentou|garante|garantiu|jura|mostra|mostrou|aparece|consta|reclamou|passou"
    # "to achando q a galera do 7873 ta apontando menos essa semana, confere pra mim?": a hunch to check
    r"|acho|achando|desconfio|suspeito|imagino)"
)
_CHECK = (
    r"(?:confere|conferem|bate|bate com (?:o )?(?:q|que) (?:vc|voce) tem|procede|(?:e|eh) isso mesmo|(?:e|eh) isso msm"
    r"|isso mesmo|(?:e|eh) (?:vdd|verdade)|(?:ta|esta) certo|(?:ta|esta) correto|confirma|correto|certo|sera|e real"
    r"|compara|ve|olha|checa)"
)
_CLAIM = re.compile(
    rf"^(?:(?:oi|ola|opa|bom dia|boa tarde)(?: bot| pessoal)?\W+)?(?P<who>(?:[\w/]+\s+){{0,7}}?){_CLAIM_VERBS}"
    rf"(?:\s+(?:pra mim|para mim|aqui|hoje|ontem))?\s+(?:que|q)\s+(?P<claim>.+?)\s*[,.;?!]*\s*{_CHECK}"
    r"(?:\s+(?:pra mim|para mim|ai|pfv|por favor))*[\s?!.]*$"
)
_CLAIMED_HOURS = re.compile(
    r"\b(?:(?:umas|uns|cerca de|quase|mais de|menos de|so|apenas|mais ou menos|por volta de)\s+)?"
    r"\d+(?:[.,]\d+)?\s*(?:mil\s*)?(?:h|hs|hrs?|horas?)\b(?:\s+(?:liquidas|brutas))?"
)
_CLAIMED_COUNT = re.compile(
    r"\b(?:(?:uns|umas|so|apenas|mais de|menos de|quase)\s+)?\d+\s+"
    r"(?P<unit>dias?|apontamentos?|pessoas|recursos|registros?|lancamentos?)\b"
)
_CLAIMED_SHARE = re.compile(
    r"\b(?:metade|um terco|um quarto|a maior parte|a maioria|\d+\s*(?:%|por cento))\s+d(?=[oa]s?\s+horas\b)"
)
_CLAIMED_TOP = re.compile(r"^(?:o|a)\s+(?:\d{4}|e\d{7}|\w+(?:\s+\w+){0,3}?)\s+(?:e|eh|foi|seria)\s+(?=(?:o|a)\s)")
_CLAIMED_DAY = re.compile(r"\b(?:foi|e|eh|era)\s+(?:(?:n?o\s+)?dia\s+)?\d{1,2}(?:/\d{1,2})?\b")
# a claim that starts with its verb in the third person is about who said it ("o caio disse que fez 180h")
_THIRD_PERSON_FIRST = re.compile(
    r"(?:fez|faz|trabalhou|trabalha|apontou|aponta|lancou|registrou|faltou|falta|teve|tem|bateu|passou|ficou|ta|esta"
    r"|estava)\b"
)
_COUNT_WORDS = {"dia": "dias", "apontamento": "apontamentos", "registro": "apontamentos", "lancamento": "apontamentos"}


def claim_checked(question: str) -> str | None:
    """The question behind a figure somebody gave, to be checked ("o rh disse q eu fiz 150h em outubro,
    confere?" asks how many hours I did in October), or None when the message checks no such figure."""
    match = _CLAIM.match(_folded(question).strip())
    if match is None or re.search(rf"\b{_ASKING}", match["claim"]):
        return None
    claim = match["claim"]
    who = re.sub(r"^(?:o|a|os|as|meu|minha|me)\s+", "", match["who"].strip())
    if _THIRD_PERSON_FIRST.match(claim) and who and not re.search(_CLAUSE_NOUNS, who):
        claim = f"{who} {claim}"  # "o caio disse que fez 180h": he did
    elif (whose := _WHOSE.search(match["who"].strip())) and not re.search(_CLAUSE_NOUNS, whose.group(1)):
        claim = re.sub(r"\b(?:ele|ela)\b", whose.group(1), claim, count=1)  # "o gestor do rafael falou q ele …"
    if hours := _CLAIMED_HOURS.search(claim):
        return " ".join(f"quantas horas {claim[: hours.start()]} {claim[hours.end() :]}".split())
    if count := _CLAIMED_COUNT.search(claim):
        unit = _COUNT_WORDS.get(count["unit"].rstrip("s"), count["unit"])
        return " ".join(f"quantos {unit} {claim[: count.start()]} {claim[count.end() :]}".split())
    if share := _CLAIMED_SHARE.search(claim):
        return " ".join(f"{claim[: share.start()]} qual porcentagem d{claim[share.end() :]}".split())
    if top := _CLAIMED_TOP.match(claim):
        # "o 7873 é o contrato com mais horas": the first three, so where the one named stands shows too
        ranked = re.sub(r"^(?:o|a) (\w+?)s? (?=com|que|q)\b", r"quais os 3 \1s ", claim[top.end() :])
        return ranked if ranked != claim[top.end() :] else f"qual {claim[top.end() :]}"
    if day := _CLAIMED_DAY.search(claim):
        return " ".join(f"qual {claim[: day.start()]} {claim[day.end() :]}".split())  # "meu último … foi dia 20"
    return f"{claim}?"


# "já passei das 160h esse mês?", "o 7950 fechou outubro acima de 2000h?": a total held against a figure. The
# figure is no filter: the question is the total, and the answer says on which side of it the total is.
_THRESHOLD_CHECK = re.compile(
    r"^(?P<before>.*?)\b(?:ja |sera (?:que|q) )?(?:(?:ta|esta|to|estou) )?"
    r"(?P<verb>passei|passou|passamos|passaram|bati|bateu|batemos|bateram|fechei|fechou|fechamos|fecharam|cheguei"
    r"|chegou|chegamos|chegaram|atingi|atingiu|atingimos|ultrapassei|ultrapassou|batendo|passando|chegando)"
    r"(?P<mid>(?: (?!acima|abaixo|de|das|dos)\w+){0,2}?)"  # "fechou outubro acima de 2000h"
    r"(?: (?:acima|abaixo|a marca))?(?: (?:de|das|dos|a|as|aos|em|nas|nos|na|no))? (?P<limit>\d{1,5}(?:[.,]\d+)?) ?"
    r"(?:h|hs|hrs?|horas?)\b(?P<after>.*)$"
)
_FIRST_PERSON_VERB = frozenset({"passei", "bati", "fechei", "cheguei", "atingi", "ultrapassei"})


def threshold_checked(question: str) -> tuple[str, float] | None:
    """The total a yes/no about a figure asks for, and that figure ("já passei das 160h esse mês?" asks how many
    hours I did this month, against 160), or None. "Quem passou de 10h?" and "por dia" are other questions."""
    folded = _folded(question).strip()
    if (opening := _OPENING.match(folded)) is not None and folded[opening.end() :].strip():
        folded = folded[opening.end() :].strip()  # "bom dia! já passei das 160h?"
    match = _THRESHOLD_CHECK.match(folded)
    if match is None or re.search(r"\b(?:quem|quant\w*|qnt\w*|qts?|alguem|algum|alguma|quais|qual)\b", folded):
        return None
    after = match["after"]
    if re.search(r"\b(?:por|num|em um|cada) (?:dia|semana|pessoa|mes)\b|\bdiari", after):
        return None
    if re.search(r"\b(?:dias?|semanas?|meses|vezes|quando|em que)\b", match["before"]):
        return None  # "dias em que o 8446 passou de 100 horas": which days, not the total
    did = "eu fiz" if match["verb"] in _FIRST_PERSON_VERB else "fez"
    if re.search(r"\beu\s*$", match["before"]):
        did = did.removeprefix("eu ")  # "eu bati as 40h?"
    asked = " ".join(f"quantas horas {match['before']} {did}{match['mid']} {after}".split())
    return asked, float(match["limit"].replace(".", "").replace(",", "."))


_AS_WELL_AS = re.compile(r",?\s+bem como (?:a|o) (?:quantidade|n[uú]mero|total) de\b", re.IGNORECASE)
# The close of an e-mail pasted into the chat, with its signature: "desde" there is no period
_SIGN_OFF = re.compile(
    r"[\s.,;!]*(?:\b(?:desde j[aá]|antecipadamente)\s+(?:agrade[cç]o|obrigad[oa])\b"
    r"|\b(?:atenciosamente|cordialmente|att\.?|abs\.?|abra[cç]os|sauda[cç][oõ]es|grat[oa] desde j[aá])(?=\W|$))"
    r"[\s\S]*$",
    re.IGNORECASE,
)


def compound_parts(question: str) -> list[str]:
    """The questions one message asks, in order: "trabalhei algum fds? se sim qnts horas" is two, the second
    a follow-up of the first ("e qnts horas"). A message that asks one thing is a list of one."""
    question = _THANKS_AFTER.sub("?", question)  # "… e quanto já fiz em novembro? obrigada": the thanks ends it
    question = _SIGN_OFF.sub("", question) or question  # "Desde já agradeço. Atenciosamente, Cláudia": no question
    question = _AS_WELL_AS.sub(" e quantos ", question)  # "…, bem como a quantidade de apontamentos …": a second one
    lowered = question.casefold()  # accents kept: "isso é quanto %" is one question, "isso e quanto" two
    folded = _folded(lowered)
    if _RANKS_PEOPLE.search(folded) and (both := _TWO_CONTRACTS.search(folded)):
        # "top 3 do 8446 e do 8447 em novembro": each contract's top 3, not the two contracts compared
        first = folded[: both.start()] + f" {both.group(1)} {both.group(2)} " + folded[both.end() :]
        return [" ".join(first.split()), f"e {both.group(3)} {both.group(4)}"]
    if both_ends := _FIRST_AND_LAST.search(folded):
        # "qual meu primeiro e último dia apontado em novembro": the first, then "e o último?" of the same
        first = folded[: both_ends.start()] + both_ends.group(1) + folded[both_ends.end() :]
        # ("qnts dias ela trabalhou e qual foi o primeiro e o último": the count, the first, the last)
        return [*compound_parts(" ".join(first.split())), "e o ultimo?"]
    if (total := _AND_THE_TOTAL.search(folded)) and _BREAKDOWN.search(folded[: total.start()]):
        # "quebra semanal do Ulisses em novembro e o total": the breakdown, then its sum
        return [folded[: total.start()].strip(" ,;"), "e no total?"]
    listed = _LISTED_AFTER_COLON.search(folded)
    items = _LIST_ITEM.split(listed["items"]) if listed else []
    if listed and len(items) > 1 and all(len(item.split()) <= _LIST_ITEM_WORDS for item in items):
        # "preciso de umas coisas: total de horas, quantos recursos apontaram e quantos sem saída": each, in turn
        first = f"{folded[: listed.start('items')]} {items[0]}"
        return [" ".join(first.split()), *(f"e {item.strip(' ?.!')}" for item in items[1:] if item.strip(" ?.!"))]
    cuts = list(_SECOND_QUESTION.finditer(lowered))
    if not cuts or _DEFINED_AFTER.match(folded):  # "qual o overtime …? quem passou de 8h": one question, defined
        return [question]
    parts, start = [], 0
    for cut in cuts:
        parts.append(_folded(lowered[start : cut.start()]).strip(" ,;"))
        start = cut.end()
    parts.append(_folded(lowered[start:]).strip(" ,;"))
    if _GREETING_ONLY.fullmatch(parts[0]):
        parts = parts[1:]  # "oi, tudo bem? quantas horas eu fiz?": the question
    if len(parts) == 1:
        return parts
    if re.fullmatch(r"(?:e )?(?:isso|isto)", parts[0]):
        return [question]  # "e isso e qnts % do contrato": "é" typed without its accent, one question
    if any(len(part.split()) < 2 for part in parts) or any(_ONE_QUESTION.search(part) for part in parts[:-1]):
        return [question]  # "quem? e quanto?" is too short to stand alone; "a diferença entre …" is one question
    # ("jurema, qnts apontamentos em outubro e qnts horas?": two counts, each its own answer)
    if any(_BARE_AMOUNT.fullmatch(part) for part in parts[1:]) and not re.search(rf"\b{_ASKING}", parts[0]):
        return [question]  # "teve deploy semana passada? quantas horas": how much of it, one question
    if any(_EXPECTED.search(part) for part in parts[:-1]):
        return [question]  # "eu devia ter feito quantas horas? e fiz quanto?": expected against worked, one answer
    if len(parts) == 2 and _BARE_SUBJECT.fullmatch(parts[0]) and not parts[1].startswith("e "):
        return [question]  # "e a paula? quanto fez em setembro": whom, then what of her, one question
    later = rf"e |{_ASKING}|se sim\b|caso sim\b|se tiver\b|{_SHOW_ME}"
    later += r"|(?:falta|faltou|tem|teve|houve|ficou|deixei|deixou)\b"
    later += r"|(?:a|o) (?:duracao|media|soma|quantidade|numero)\b"
    if not all(re.match(later, part) for part in parts[1:]):
        return [question]  # "e o lucas souza? msm contrato q eu", "quem puxou? top 3": the same question
    shown = [parts[0]]
    for part in parts[1:]:
        plain = _IF_SO.sub("", part)
        if not plain:
            return [question]
        # the later questions follow the first: "se sim, qnts horas" is "e qnts horas" (about the same thing)
        shown.append(plain if plain.startswith("e ") else f"e {plain}")
    return shown


_BARE_SUBJECT = re.compile(r"e (?:o|a|os|as|do|da|no|na)(?: \w+){1,4}")
_FIRST_AND_LAST = re.compile(r"\b(primeir[oa]) e (?:o |a )?ultim[oa]\b")
_AND_THE_TOTAL = re.compile(r"[\s,]+e (?:o|no) total\s*[?!.]*$")
_BREAKDOWN = re.compile(r"\b(?:por|cada|quebra\w*|semanal|mensal|diari[oa]|separad\w*)\b")
_GREETING_ONLY = re.compile(
    r"(?:oi+|ola+|opa+|e ai|bom dia+|boa tarde+|boa noite+)"
    r"(?:[\s,!.]+(?:tudo bem|tudo bom|tudo certo|td bem|td bom|tdb|blz|beleza|pessoal|bot))*[\s,!.]*"
    r"|(?:tudo bem|tudo bom|td bem|td bom)[\s,!.]*"
)


def prepare(question: str, vocabulary: Rewriter | None = None) -> str:
    """Lower case, accents and punctuation removed, abbreviations expanded, numbers in words as digits and
    the vocabulary's terms rewritten; "/" in dates and decimal commas kept."""
    question = corrected(question) or without_context(_unexplained(_unsaid(question)))
    text = _SLASH_ABBREVIATION.sub(lambda m: f" {_SLASH_WORDS[m.group(1).lower()]} ", question)
    text = _PERCENT.sub(" porcentagem ", text)
    text = _NUMBER_SIGN.sub(" ", text)
    text = _DATE_SLASH.sub(r"\1 SLASH \2", _DATE_DASH.sub(_dashed_date, text))
    text = _DECIMAL.sub(r"\1 COMMA \2", text)
    text = normalize(text).replace(" slash ", "/").replace(" comma ", ",")
    text = _HOURS_SUFFIX.sub(r"\1 horas", text)
    text = digits(" ".join(ABBREVIATIONS.get(word, word) for word in text.split()))
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    words = text.split()
    return " ".join(vocabulary.rewrite(words) if vocabulary is not None else words)


def correct(words: list[str], protected: frozenset[str]) -> list[str]:
    """Words one or two letters off a vocabulary word replaced by it; names, numbers and dates untouched."""
    fixed = []
    for word in words:
        if (
            len(word) >= 4
            and not known(word)
            and word not in OPERATORS  # "semanais" is not a typo of "semanas": it asks for a grouping
            and word not in protected
            and not any(c.isdigit() for c in word)
        ):
            guess = _closest(word)
            # "campos" is not a typo of "após": a word that changes the composition is guessed only from a near
            # miss of it ("porcetagem"), never from another word that happens to share its letters
            changes = guess in OPERATORS or guess in _PERIOD_OPERATORS
            near = guess[:1] == word[:1] and abs(len(guess) - len(word)) <= 1
            word = guess if near or not changes else word
        fixed.append(word)
    return fixed


_PERIOD_OPERATORS = frozenset({"apos", "partir"})


@lru_cache(maxsize=4096)
def _closest(word: str) -> str:
    """The vocabulary word `word` is a typo of, or `word` itself: two letters typed in the wrong order ("qeum",
    "dais", "novmebro"), else what get_close_matches over every target says."""
    # a short word's swap is under difflib's cutoff ("qaul" and "qual" share 3 of 4 letters in order)
    swapped = {w for i in range(len(word) - 1) if (w := word[:i] + word[i + 1] + word[i] + word[i + 2 :]) in VOCABULARY}
    if len(word) == 4 and not swapped:  # one letter too many in a three-letter word ("teim"): under the cutoff too
        swapped = {w for i in range(4) if (w := word[:i] + word[i + 1 :]) in VOCABULARY}
    if len(swapped) == 1:
        return swapped.pop()
    counts = np.zeros(len(_LETTERS), dtype=np.int32)
    for c in word:
        index = _LETTERS.get(c)
        if index is not None:  # a letter no target has matches none
            counts[index] += 1
    common = np.minimum(_TARGET_COUNTS, counts).sum(axis=1)
    # a hair under the cutoff, so rounding can only keep a target for difflib to judge, never drop one
    bound = 2.0 * common / (_TARGET_LENGTHS + len(word))
    candidates = [_TARGETS[i] for i in np.flatnonzero(bound >= _CUTOFF - 1e-9)]
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=_CUTOFF)
    return close[0] if close else word


# A write verb after these is part of a question about data: "esqueceu de registrar a saída", "faltam validar".
# "costumo registrar mais horas": a habit, not an order to register anything
_NOT_AN_ORDER = re.compile(
    r"\b(?:esquec\w*|deix\w*|falt(?:a|ou|aram|ando)\w*|sem|nao|pendentes?|costum\w*|cheguei a|chegou a|mais|menos"
    r"|par[oa]\w*)\s+(?:(?:eu|ele|ela|alguem)\s+)?(?:de\s+|a\s+)?$"  # "faltou eu lançar algum dia útil?": a question
    r"|\b(?:ele|ela|eles|elas|quem|onde)\s+$"  # "em quais contratos ela lança?": what she does, not an order
)  # "qual dia o pessoal mais lança hora?": who records most, a question


# "fecha os meus pontos abertos aí", "encerra o apontamento de hoje": closing an entry is a write
_CLOSE_ORDER = re.compile(
    r"^(?:(?:por favor|pode|consegue|voce pode|vc pode|da para|tem como|ai|agora|entao|oi|bot)\s+)*"
    r"(?:fecha|feche|fechar|encerra|encerre|encerrar|finaliza|finalize|finalizar)\b(?: \w+){0,3}? "
    r"(?:pontos?|apontamentos?|registros?|saidas?|abertos|em aberto)\b"
    r"|\b(?:coloca|coloque|bota|poe|põe) (?:a )?saida\b"  # "fecha os abertos, coloca saída 18h"
)  # not "esqueci de fechar algum apontamento?", a question about open entries
# The weather is not in the data: "como tá o tempo lá fora hj?"
_WEATHER = re.compile(
    r"\b(?:tempo|clima) la fora\b|\bclima\b|\bprevisao do tempo\b|\b(?:vai chover|chuva|temperatura)\b"
)


def _orders_a_write(text: str) -> bool:
    if _WRITE_FIRST.search(text) or _CLOSE_ORDER.search(text):
        return True
    return any(not _NOT_AN_ORDER.search(text[: match.start()]) for match in _WRITE.finditer(text))


# A forecast: hours not recorded yet ("previsão pro ano que vem", "quanto o 8446 vai fazer mês que vem")
_FUTURE = re.compile(
    r"\b(?:(?:ano|mes|semana|trimestre|semestre) (?:que|q) vem|proxim[oa]s? (?:ano|mes|semana|trimestre|semestre|dias)"
    r"|amanha|depois de amanha)\b"
)
_FORECAST = re.compile(
    r"\b(?:previsao|projecao|projetar|estimativa|estimar|prever|preve|tendencia"
    r"|(?:vai|vao|vou|iremos|vamos|irao|ira) (?:fazer|apontar|trabalhar|lancar|bater|registrar|dar)"
    # "qnts horas vou fechar no fim do mês?" ("vou fechar um relatório pro cliente": the asker's reason)
    r"|(?:vai|vao|vou|iremos|vamos|irao|ira) fechar"
    r"(?! (?:(?:um|uma|1|o|a|meu|minha) )?(?:relatorio|report|planilha|ponto|folha|fechamento|apresentacao)\b)"
    r"|(?:vai|vao) (?:ser|ficar) (?:o|a) (?:total|soma)|(?:total|soma) (?:vai|vao) (?:ser|ficar|dar)"
    r"|(?:vai|vao) ficar (?:o |a |meu |minha |seu |sua )?(?:banco|saldo))\b"  # "qnt vai ficar meu banco de horas?"
)

_ABOUT_HOURS = re.compile(r"\b(?:horas?|apont\w*|trabalh\w*|fazer|contratos?|lancar|bater|total|\d{4}|e\d{7})\b")


def refusal(text: str) -> str | None:
    """Why a (prepared, corrected) question must not be answered with data, or None."""
    if _INJECTION.search(text) or _WEATHER.search(text):
        return "out_of_scope"
    future = _FUTURE.search(text) or re.search(r"\b(?:vai|vao|vou|iremos|vamos|irao|ira)\b", text)
    future = future or re.search(r"\b(?:previsao|projecao|estimativa|tendencia)\b", text)  # a forecast, named
    if _FORECAST.search(text) and future and _ABOUT_HOURS.search(text):
        return "forecast"  # (the weather's forecast is out of scope, below)
    if re.search(r"\b(?:previsao|projecao|estimativa|prever|projetar)\b", text):
        return "forecast"  # "e a previsão dele pra dezembro?": a forecast named needs no word of hours
    if _orders_a_write(text):
        return "write"
    if _PERSONAL.search(text) and "banco de horas" not in text:
        return "personal"
    return None
