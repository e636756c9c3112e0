"""From a Portuguese question to an intent and its parameters (no data is read here except names).

Kept apart from the engine so the mapping from phrasing to query can be tested on its own.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .dataset import Dataset, normalize
from .dates import MONTH_NAMES, find_period
from .rules import Period

# Words the intent rules look for; typos are corrected towards them before matching.
VOCABULARY = frozenset(
    """
    oi ola bom boa dia tarde noite ajuda exemplos ajudar pode fazer
    contrato contratos recurso recursos pessoa pessoas consultor consultores colaborador colaboradores
    quantos quantas quais quem qual mostre mostrar mostra detalhe detalhes detalhado extrato resumo
    horas hora total trabalhou trabalharam trabalhei trabalhado trabalha trabalham trabalho apontou apontaram
    apontei apontamento apontamentos apontado faltou faltaram faltando faltas validado validados validada
    validadas validou valida validacao validador validadores aprovado aprovados esqueceu esqueceram
    esqueci saida bater aberto abertos aberta abertas ranking maiores media medio duracao jornada esperado
    esperadas esperada esperados deveria previsto previstas saldo banco comparado comparacao comparar
    semana semanas passada anterior uteis util feriado feriados fim final sabado domingo sabados domingos
    tecnologia perfil nivel acima mais menos dias cada agora tem temos anormais atipicos fora padrao longos
    longas outliers excessivos excessivas lista listar todos todas ontem hoje mes ultimos periodo
""".split()
) | frozenset(MONTH_NAMES)

_CONTRACT_CLIENT = re.compile(r"\be\s?(\d{7})\b")
_CONTRACT_NUMBER = re.compile(r"\bcontratos?\s+(?:n\s+|numero\s+|no\s+|do\s+|de\s+)?(\d{3,6})\b")
_BARE_NUMBER = re.compile(r"(?<![/\d])\b(\d{4})\b(?![/\d])")
_TOP = re.compile(r"\btop\s+(\d{1,3})\b|\b(\d{1,3})\s+(?:recursos|pessoas|maiores|primeiros)\b")
_ABOVE = re.compile(r"\b(?:mais de|acima de|superior a|mais que)\s+(\d{1,2}(?:[.,]\d+)?)\s*(?:h|horas?)\b")
_RESOURCE_ID = re.compile(r"\b(?:recurso|id)\s+(\d{1,9})\b")

_SELF = frozenset({"eu", "meu", "minha", "meus", "minhas", "trabalhei", "apontei", "esqueci", "mim"})
_STOP = frozenset(
    """a o as os de do da dos das e em no na nos nas um uma com por para que quem qual quais
    quanto quantos quantas tem temos foi ser esta este essa esse ele ela me mostre mostra mostrar
    agora ainda tambem ja so horas hora dia dias mes semana recurso recursos contrato""".split()
)


@dataclass(frozen=True)
class Intent:
    name: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Parsed:
    """What a question names, before choosing the intent."""

    text: str  # normalized, typos corrected, the period text removed
    words: frozenset[str]
    period: Period | None
    contract: str | None
    resource_text: str | None
    self_reference: bool
    technology: str | None
    number: float | None
    top: int | None


def correct_typos(words: list[str], protected: frozenset[str]) -> list[str]:
    """Replace words close to a known keyword (one or two letters off); names and numbers untouched."""
    fixed = []
    for word in words:
        known = word in VOCABULARY or word in _SELF or word in _STOP or word in protected
        if len(word) >= 4 and not word.isdigit() and not known:
            close = difflib.get_close_matches(word, VOCABULARY, n=1, cutoff=0.8)
            word = close[0] if close else word
        fixed.append(word)
    return fixed


def _normalize_question(question: str) -> str:
    # Keep "/" between digits (dates) and decimal commas in numbers, drop other punctuation.
    text = re.sub(r"(\d)/(\d)", r"\1 SLASH \2", question)
    text = re.sub(r"(\d),(\d)", r"\1 COMMA \2", text)
    text = normalize(text)
    return text.replace(" slash ", "/").replace(" comma ", ",")


def _technology(db: Dataset, text: str) -> str | None:
    padded = f" {text} "
    for technology in sorted(db.technologies, key=len, reverse=True):
        if f" {normalize(technology)} " in padded:
            return technology
    if " net " in padded and "DOT NET" in db.technologies:
        return "DOT NET"
    return None


def _resource_text(db: Dataset, words: list[str]) -> str | None:
    """The longest run of words that names at least one resource (whole-word match)."""
    names = db.name_words
    best: str | None = None
    for start in range(len(words)):
        if words[start] not in names or words[start] in _STOP:
            continue
        end = start
        while (
            end < len(words)
            and words[end] in names
            and (end == start or words[end] not in _STOP or words[end] in ("de", "da", "do", "dos"))
        ):
            end += 1
        while end > start and words[end - 1] in ("de", "da", "do", "dos"):
            end -= 1
        for stop in range(end, start, -1):
            candidate = " ".join(words[start:stop])
            single = stop - start == 1
            preceded = start > 0 and words[start - 1] in (
                "recurso",
                "colaborador",
                "consultor",
                "consultora",
                "pessoa",
                "colaboradora",
            )
            if single and not preceded:
                continue
            if any(all(w in r.words for w in words[start:stop]) for r in db.resources.values()):
                if best is None or len(candidate.split()) > len(best.split()):
                    best = candidate
                break
    return best


def parse(db: Dataset, question: str, today: date) -> Parsed:
    text = _normalize_question(question)
    found = find_period(text, today)
    if found is not None:
        text = text.replace(found.text, " ")
    raw_words = text.split()
    words = correct_typos(raw_words, db.name_words)
    text = " ".join(words)
    contract = None
    if match := _CONTRACT_CLIENT.search(text):
        contract = "E" + match.group(1)
    elif match := _CONTRACT_NUMBER.search(text):
        contract = match.group(1)
    else:
        for match in _BARE_NUMBER.finditer(text):
            if match.group(1) in db.supplier_contracts:
                contract = match.group(1)
                break
    resource = None
    if match := _RESOURCE_ID.search(text):
        if match.group(1) in db.resources:
            resource = match.group(1)
    if resource is None:
        resource = _resource_text(db, raw_words)
    number = None
    if match := _ABOVE.search(text):
        number = float(match.group(1).replace(",", "."))
    top = None
    if match := _TOP.search(text):
        top = int(match.group(1) or match.group(2))
    return Parsed(
        text=text,
        words=frozenset(words),
        period=found.period if found else None,
        contract=contract,
        resource_text=resource,
        self_reference=bool(_SELF & set(words)),
        technology=_technology(db, text),
        number=number,
        top=top,
    )


def _has(p: Parsed, *patterns: str) -> bool:
    return any(re.search(rf"\b{pattern}", p.text) for pattern in patterns)


GREETINGS = ("oi", "ola", "bom dia", "boa tarde", "boa noite", "e ai", "hello", "hey", "opa", "salve")


def interpret(db: Dataset, question: str, context: dict[str, Any], today: date) -> tuple[Intent, Parsed]:
    """Choose the intent for a question, filling parameters from the question and then the context."""
    p = parse(db, question, today)
    params: dict[str, Any] = {}
    if p.period:
        params["period"] = p.period

    def contract() -> str | None:
        return p.contract or context.get("contract")

    def who() -> dict[str, Any]:
        if p.resource_text:
            return {"resource": p.resource_text}
        if p.self_reference:
            return {"resource": None, "self": True}
        if context.get("resource") and _has(p, "ele", "ela", "dele", "dela"):
            return {"resource": context["resource"]["id"]}
        return {}

    if not p.text.strip() and p.period is None:
        return Intent("help"), p
    if any(p.text == g or p.text.startswith(g + " ") for g in GREETINGS) and len(p.words) <= 4:
        return Intent("greeting"), p
    if _has(p, "ajuda", "o que voce (faz|pode|sabe)", "como (funciona|usar|uso)", "exemplos", "comandos"):
        return Intent("help"), p
    if _has(p, "dias uteis", "dia util", "feriados?"):
        return Intent("working_days", params), p
    if _has(p, "nao apont", "sem apontamento", "faltou", "faltaram", "faltando", "dias sem", "ausen"):
        return Intent("missing_days", {**params, "contract": p.contract}), p
    if _has(p, "esquec", "sem saida", "bater a saida", "bateu a saida", "em aberto", "abertos?", "abertas?"):
        return Intent("open_spans", {**params, "contract": p.contract}), p
    if _has(p, "validad", "validou", "valida", "aprovad", "pendentes? de valida"):
        return Intent("unvalidated", {**params, "contract": p.contract}), p
    if _has(p, "fim de semana", "final de semana", "fins de semana", "sabados?", "domingos?"):
        return Intent("weekend_work", params), p
    if p.number is not None and _has(p, "dia"):
        return Intent("days_above", {**params, "hours": p.number}), p
    if _has(p, "fora do padrao", "anormai", "outlier", "atipic", "muito long", "excessiv", "suspeit"):
        return Intent("outliers", params), p
    if _has(p, "media", "medio", "duracao media"):
        return Intent("average_span", {**params, **who()}), p
    if _has(p, "esperad", "deveria", "previst", "saldo", "banco de horas", "meta", "devendo"):
        return Intent("expected_vs_worked", {**params, **(who() or {"resource": None, "self": True})}), p
    if _has(p, "compar", "versus", "em relacao", "resumo da semana", "como (foi|esta) a semana"):
        return Intent("week_comparison", {}), p
    if _has(p, "ranking", "top", "quem mais", "quem trabalhou mais", "mais horas", "maiores"):
        scope = {"contract": p.contract} if p.contract else {}
        return Intent("ranking", {**params, **scope, "technology": p.technology, "top": p.top or 10}), p
    if (
        p.technology
        or _has(
            p,
            "perfil",
            "nivel",
            "junior",
            "pleno",
            "senior",
            "especialista",
            "arquitet",
            "analista",
            "engenheir",
            "scrum",
        )
    ) and _has(p, "quem", "quais", "pessoas", "lista"):
        return Intent("people_by", _role_filters(p)), p
    person = who()
    if person and _has(p, "dia a dia", "por dia", "detalh", "extrato", "diari"):
        return Intent("resource_days", {**params, **person}), p
    if person and _has(p, "contratos?") and not p.contract:
        return Intent("resource_contracts", {**params, **person}), p
    if _has(p, "contratos") and not p.contract and not person:
        return Intent("list_contracts", params), p
    if _has(p, "recursos", "pessoas", "consultor", "colaborador", "quem trabalha", "quem atua", "equipe", "time"):
        target = contract()
        if target is None:
            return Intent("ask_contract", {"for": "contract_resources"}), p
        count_only = _has(p, "quantos", "quantas", "numero de", "qtd")
        return Intent("contract_resources", {**params, "contract": target, "count_only": count_only}), p
    if _has(p, "horas?", "total", "trabalh"):
        if person:
            return Intent("total_hours", {**params, **person, "contract": p.contract}), p
        if p.contract:
            return Intent("total_hours", {**params, "contract": p.contract}), p
        if context.get("subject") == "resource" and context.get("resource") and not _has(p, "todos", "geral"):
            return Intent("total_hours", {**params, "resource": context["resource"]["id"]}), p
        if context.get("contract") and not _has(p, "todos", "geral"):
            return Intent("total_hours", {**params, "contract": context["contract"]}), p
        return Intent("total_hours", params), p
    if _has(p, "resumo", "panorama", "visao geral") and p.period:
        return Intent("period_summary", params), p
    if p.contract:
        return Intent("contract_details", {**params, "contract": p.contract}), p
    if person:
        return Intent("total_hours", {**params, **person}), p
    if p.period and context.get("intent"):
        # "E em outubro?": the previous question again, over another period.
        previous = dict(context.get("params", {}))
        return Intent(context["intent"], {**previous, "period": p.period}), p
    if p.period:
        return Intent("period_summary", params), p
    return Intent("unknown"), p


def _role_filters(p: Parsed) -> dict[str, Any]:
    filters: dict[str, Any] = {"contract": p.contract}
    if p.technology:
        filters["technology"] = p.technology
    for level in ("junior", "pleno", "senior", "especialista"):
        if level in p.words:
            filters["level"] = level
    for profile in ("arquiteto", "analista de testes", "engenheiro", "scrum", "suporte", "desenvolvedor"):
        if re.search(rf"\b{profile}", p.text):
            filters["profile"] = profile
    return filters
