"""The built-in Portuguese question engine: understanding, the registry's typed queries, pt-BR answers.

A question the engine cannot answer as asked gets the reason (and close matches or a question back),
never a figure for a broader question.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import replace
from datetime import date
from typing import Any

from . import queries as q
from .answers import EXAMPLES, Answer, NoData, Table, against
from .dataset import Dataset, normalize
from .errors import InvalidQuery
from .language import SAME_AGAIN, claim_checked, compound_parts, corrected, doubts, threshold_checked
from .question import Question, from_context
from .registry import BY_NAME
from .rules import Period
from .scope import OPEN, Scope, ScopedDataset, granted, scoped
from .understanding import BARE_TOP, REFUSALS, STATIC, Ambiguous, Clarification, understand
from .vocabulary import BUILTIN, Vocabulary

__all__ = ["EXAMPLES", "Answer", "Table", "answer", "me_in", "static_answer"]


def answer(
    db: Dataset,
    question: str,
    context: dict[str, Any],
    today: date,
    user: str = "",
    scope: Scope = OPEN,
    vocabulary: Vocabulary = BUILTIN,
) -> Answer:
    """Answer one message within what `scope` may see; `context` is what earlier turns left.

    With open access (no policy: local development) "eu" is the person named like the user; otherwise it
    is the scope's own resource id, never a display name. A message that asks two things ("qnt fiz em
    outubro e qnts dias foram") gets both answers, the second read as a follow-up of the first.
    """
    first = context.get("first") if isinstance(context.get("first"), dict) else None
    if first is not None and (back := _BACK_TO_FIRST.match(normalize(question))):
        # "volta na primeira pergunta, mas pro mês passado": the conversation's first question, changed so
        rest = _STILL.sub("", normalize(question)[back.end() :].strip()).strip()
        question, context = (f"e {rest}" if rest else ""), {**first, "first": first}
    return _keeping_first(_answered(db, question, context, today, user, scope, vocabulary), first)


def _keeping_first(result: Answer, first: dict[str, Any] | None) -> Answer:
    """The answer whose context remembers the conversation's first question with data ("volta na primeira")."""
    answered = result.intent in BY_NAME and result.intent not in STATIC  # not a refusal nor a question back
    if first is None and isinstance(result.context.get("question"), dict) and answered:
        first = {"v": result.context.get("v"), "question": result.context["question"]}
    return replace(result, context={**result.context, "first": first}) if first is not None else result


# "volta naquele do início", "volta na primeira pergunta", "voltando na primeira": the first question again
_BACK_TO_FIRST = re.compile(
    r"(?:e |ok |entao )?(?:volta|voltando|voltemos|retomando|de volta)(?: (?:n|pr|para |pra )?(?:a|o|aquel[ae]))?"
    r" (?:(?:primeira|1a) pergunta|primeir[oa]|(?:pergunta|conta) do (?:inicio|comeco)|do (?:inicio|comeco))\b"
)
# what names the first question again ("…, das atividades, mas só do 7950"), not a change to it
_STILL = re.compile(
    r"^(?:(?:o|a) (?:total|pergunta|conta)\b|d[aoe]s? \w+\b|mas\b|agora\b|so que\b|e\b)"
    r"(?:\s+(?:mas|agora|so que|e)\b)*"
)


def _answered(
    db: Dataset,
    question: str,
    context: dict[str, Any],
    today: date,
    user: str,
    scope: Scope,
    vocabulary: Vocabulary,
) -> Answer:
    """The answer to one message, which may ask several things (see `answer`)."""
    plain = normalize(question)
    if _NEW_TOPIC.match(plain):
        context = {}  # "muda de assunto, quantas pessoas apontaram ontem?": nothing said before applies
    parts = compound_parts(question)
    earlier = context.get("compound")
    each = _EACH_OF_THEM.search(plain) if isinstance(earlier, list) and _subjects(earlier) > 1 else None
    if len(parts) == 1 and isinstance(earlier, list) and (_SAME_QUESTIONS_AGAIN.fullmatch(plain) or each):
        # "e setembro?" after "qnt fiz em outubro e qnts dias foram": both questions again, in September;
        # "e qnts pessoas apontaram em cada um?" after the top 3 of two contracts: that, for each of them
        asked = " ".join(plain.replace(each.group(0), " ").split()) if each else question
        answers = [
            _answer_one(db, asked, part if isinstance(part, dict) else {}, today, user, scope, vocabulary)
            for part in earlier
        ]
        return _combined(answers)
    if len(parts) == 1 and isinstance(earlier, list) and BARE_TOP.fullmatch(plain.strip(" ?")):
        # "top 5" after "quais contratos tiveram mais pessoas? e quantos contratos…?": the list the message showed
        context = next((c for c in reversed(earlier) if _lists(c)), context)
    if len(parts) == 1 and isinstance(earlier, list) and _THERE.search(plain):
        # "quem mais fez hora lá?" after "a média por pessoa no 7951 e quanto a Érica fez": the contract asked about
        context = _part_with_contract(earlier, context) or context
    if len(parts) == 1:
        return _answer_one(db, parts[0], context, today, user, scope, vocabulary)
    answers = []
    for part in parts:
        answers.append(_answer_one(db, part, context, today, user, scope, vocabulary))
        context = answers[-1].context
        if answers[-1].intent == "not_understood":
            context = {**context, "unanswered": True}  # "…? lista só quem não fez": of what was not understood
        if answers[-1].intent in REFUSALS or answers[-1].intent.startswith("out_of_scope"):
            # "meu cpf tá certo? qual é?", "e o 7950? qnto deu em setembro": what follows a refused question is
            # about it too, and is refused with it
            break
    return _combined(answers) if len(answers) > 1 else answers[0]


def _subjects(contexts: list[Any]) -> int:
    """How many people or contracts the questions in these contexts were about ("cada um" means them)."""
    questions = [from_context(c) for c in contexts if isinstance(c, dict)]
    return len({(q.person, q.contract) for q in questions if q is not None})


def _lists(context: Any) -> bool:
    question = from_context(context) if isinstance(context, dict) else None
    return question is not None and (bool(question.group) or question.kind in ("contract_ranking", "ranking"))


def _part_with_contract(contexts: list[Any], context: dict[str, Any]) -> dict[str, Any] | None:
    """The context of the last question of a message that was about a contract, when its last one was not."""
    last = from_context(context)
    if last is None or last.contract:
        return None
    for part in reversed(contexts):
        question = from_context(part) if isinstance(part, dict) else None
        if question is not None and question.contract:
            return part
    return None


def _combined(answers: list[Answer]) -> Answer:
    """The answers to the questions of one message, as one; a table would show only one of them, so none is
    sent. The context is the last answer's, and each one's for a follow-up that changes only what they share."""
    last = answers[-1]
    context = {**last.context, "compound": [{k: v for k, v in a.context.items() if k != "compound"} for a in answers]}
    texts = list(dict.fromkeys(a.text for a in answers))  # "o que é hora líquida? é diferente de bruta?": once
    return Answer("\n\n".join(texts), context, last.intent, suggestions=last.suggestions)


_THERE = re.compile(r"\b(?:la|ali|nesse contrato|desse contrato|naquele contrato|daquele contrato)\b")
_EACH_OF_THEM = re.compile(r"\b(?:em |de |para |pra |n)?cada (?:um|uma)(?: deles| delas)?\b")
# A follow-up that changes only the period, the person or the contract ("e setembro?", "e o 8447?", "e ela?"):
# after a message that asked two things, it asks both again
_NEW_TOPIC = re.compile(
    r"\W*(?:(?:ok|bom|blz|beleza|enfim|agora|outra coisa)\W+)?"
    r"(?:muda(?:ndo)? de assunto|mudando o assunto|outro assunto)\b"
)
_SAME_QUESTIONS_AGAIN = re.compile(
    # "e setembro?", "mesma comparação só q em setembro"
    rf"(?:e |{SAME_AGAIN})"
    r"(?!.*\b(?:horas?|dias?|apontamentos?|pessoas?|recursos?|quem|qual|quais|quant\w*|qnt\w*|top|media|porcentagem"
    r"|por|contratos|ranking|total)\b)(?:\S+ ?){1,7}"  # "e de 1/10 a 15/10?" is seven words once normalized
)


_CONTRACT = r"(\d{4}|e\d{7})"  # a supplier or client contract's number, as normalize() leaves it
_A_CONTRACT = re.compile(rf"\b{_CONTRACT}\b")
_STARTING_OVER = re.compile(r"\b(?:no geral|pergunta geral|outra pergunta)\b")


def _starts_over(question: str, previous: Question | None, db: Dataset) -> bool:
    """Whether a question names a subject of its own (another contract, someone's first name, "no geral")
    rather than continuing the one before it ("lista os dias", "em quais ela passou de 9h?")."""
    text = normalize(question)
    said = set(_A_CONTRACT.findall(text))
    contracts = said - {normalize(previous.contract or "")} if previous is not None else set()
    first_names = {resource.words[0] for resource in db.resources.values() if resource.words}
    return bool(contracts or _STARTING_OVER.search(text) or first_names & set(text.split()))


_OTHER_CONTRACT = re.compile(
    r"(?:(?:foi mal|desculpa|desculpe|ops|opa|errei|perdao)\W+)?(?:na verdade\W+)?(?:(?:e|era|eh|quis dizer) )?"
    rf"(?:(?:d|n)?o )?(?:contrato )?{_CONTRACT}\W*"
)
_OTHER_CONTRACT_THEN = re.compile(
    _OTHER_CONTRACT.pattern.removesuffix(r"\W*")
    + r"[\s,.;:-]+(?P<when>(?:(?:so|somente|apenas|em|no|na|de|do|da|desde|ate|a|o)\s+)*"
    + r"(?:janeiro|fevereiro|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"
    + r"|semana passada|essa semana|esse mes|este mes|mes passado|ontem|hoje|\d{1,2}/\d{1,2}(?:/\d{2,4})?)"
    + r"(?:\s+(?:a|ate|e)\s+\S+)?)\W*"
)
_NEW_BOUND = re.compile(
    r"\s*e (?:(?:de|acima de|mais de|passando de|com mais de|quem passou de|que passaram de) )?"
    r"(\d{1,3}(?:[.,]\d)?) ?(?:h|hs|hrs?|horas?)?\W*"
)
# "o do 8121", "a que trabalha no 7950", "e a do E6699778?": which of the people just listed
_OF_CONTRACT = re.compile(
    rf"(?:e )?(?:[oa] )?(?:d[oa]|que (?:trabalha|ta|esta|e) n[oa]|no|na) (?:contrato )?{_CONTRACT}\W*"
)
_NAME_ONLY = re.compile(r"(?:e )?(?:[oa] )?([a-z]+(?: [a-z]+){0,4})\W*")


def _with_the_one_meant(question: str, context: dict[str, Any], db: Dataset) -> str:
    """The question "Qual delas?" (or "Não encontrei o contrato …") was asked about, with the contract or the
    surname the reply gives; the reply as it came otherwise."""
    unknown = context.get("unknown_contract")
    if isinstance(unknown, dict) and isinstance(unknown.get("question"), str):
        reply = normalize(question).strip()
        meant = _OTHER_CONTRACT.fullmatch(reply)
        # "foi mal, 8422, só novembro": the contract, and the period the question is now about
        then = None if meant else _OTHER_CONTRACT_THEN.fullmatch(reply)
        said = normalize(unknown["question"])
        number = re.escape(normalize(str(unknown.get("number", ""))))
        if (meant or then) and number and re.search(rf"\b{number}\b", said):
            contract = (meant or then).group(1)  # type: ignore[union-attr]
            fixed = re.sub(rf"\b{number}\b", contract, said, count=1)  # "horas por semana do contrato 8121"
            return f"{fixed} {then.group('when')}" if then else fixed
    asked = context.get("ambiguous")
    if not isinstance(asked, dict) or not isinstance(asked.get("question"), str):
        return question
    reply, words = normalize(question).strip(), [str(w) for w in asked.get("words") or []]
    if contract := _OF_CONTRACT.fullmatch(reply):
        return f"{asked['question']} do {contract.group(1)}"  # "quanto o hugo fez ontem do 8121"
    named = _NAME_ONLY.fullmatch(reply)
    more = [w for w in named.group(1).split() if w not in words] if named else []
    if more and all(w in db.all_name_words for w in more):
        said = normalize(asked["question"])
        run = re.compile(rf"\b{re.escape(' '.join(words))}\b")
        if run.search(said):
            return run.sub(" ".join([*words, *more]), said, count=1)  # "quanto o hugo cardoso fez ontem"
    return question


def _answer_one(
    db: Dataset,
    question: str,
    context: dict[str, Any],
    today: date,
    user: str,
    scope: Scope,
    vocabulary: Vocabulary,
) -> Answer:
    view = scoped(db, scope)
    previous = _usable(from_context(context), view)
    if context.get("confirm") and previous is not None:
        # the reply to "Você quis dizer …?": yes runs the question as corrected; anything else is a new question
        reply = normalize(question)
        if _YES.match(reply):
            context = previous.to_context()
            question = ""
        elif _NO.match(reply):
            return Answer("Tudo bem, não vou usar a correção. Pergunte de novo com outras palavras.", {}, "declined")
        elif previous.contract and (other := _OTHER_CONTRACT.fullmatch(reply)):
            # "foi mal, é o 7874" after "Não encontrei o contrato 9999. Você quis dizer …?": that one instead
            context = replace(previous, contract=other.group(1).upper()).to_context()
            question = ""
        elif previous.person and _HIM_OR_HER.search(reply):
            # "quantas horas ele fez?" right after "Você quis dizer Hugo …?": the correction, taken as said
            context = {**previous.to_context(), "named": previous.person}
        elif corrected(question) or reply.startswith("e "):
            # "errei o nome, é a Giovana Souza", "e a Érica?": the question asked, with the name said now
            context = previous.to_context()
        else:
            context = {"unanswered": True}  # the corrected question was not taken: nothing to follow from
            previous = None
    me = me_in(db, user) if scope.role == "open" else scope.resource_id
    question = _with_the_one_meant(question, context, db)
    if previous is not None and previous.hours is not None and (bound := _NEW_BOUND.fullmatch(normalize(question))):
        # "e de 12?" after who passed 10 h in a day: the same question, the other bound
        previous, question = replace(previous, hours=float(bound.group(1).replace(",", ".")), page=0), ""
    rechecked = doubts(question)
    if rechecked and (previous is None or context.get("unanswered")):
        return Answer(_NOTHING_TO_RECHECK, context, "not_understood", examples=EXAMPLES)
    claim = None if rechecked else claim_checked(question)
    limit = None if rechecked or claim else threshold_checked(question)
    if limit and previous is not None and previous.kind == "days_above" and re.match(r"\s*e\b", question.lower()):
        limit = None  # "e no 8555 passando de 9h?" after the days above 10 h: those days again, another bound
    if rechecked:
        question = ""  # "tem certeza?", "mas não era mais?": the last question, checked again
    elif claim:
        question = claim  # "o rh disse q eu fiz 150h em outubro, confere?": how many I did, from the data
    elif limit:
        question = limit[0]  # "já passei das 160h esse mês?": my hours this month, then which side of 160 h
    if question == "" and previous is not None:
        understood: Question | Clarification = previous
    else:
        named = context.get("named") if isinstance(context.get("named"), str) else None
        listed = _strings(context, "named_people")
        first = _first_person(context)
        began = _first_question(context)
        if began is not None and (contract := began.contract) and (previous is None or not previous.contract):
            # "voltando pro contrato, …" after one of its people: the contract the conversation began with
            question = _BACK_TO_THE_CONTRACT.sub(rf"\g<0> {contract}", question, count=1)
        if named is None and first and previous is not None and not previous.person and first[0] in listed:
            named = first[0]  # "e a quebra dela" after the 8422's table, in a talk that began with Paula: her
        understood = understand(
            view,
            question,
            previous,
            today,
            me,
            restricted=not scope.everything,
            named=named,
            vocabulary=vocabulary,
            role=scope.role,
            named_people=_strings(context, "named_people"),
            named_contracts=_strings(context, "named_contracts") or _two_granted(db, scope),
            named_periods=_periods(context),
            unanswered=bool(context.get("unanswered")),
            named_rows=_rows(context),
            talked_before=first,
        )
    if isinstance(understood, Clarification):
        kept = understood.pending.to_context() if understood.pending else context
        if understood.reason in ("not_understood", "period") and understood.pending is None:
            if not context or _starts_over(question, previous, db):
                # "em qntos dias distintos", "e com mais horas?" next follow the new question that was not
                # understood, not the one answered before it
                kept = {"unanswered": True}
        refused = understood.reason in ("personal", "write")
        refused_person = understood.pending.person if refused and understood.pending else None
        if refused_person and previous is not None and previous.has_subject and not context.get("unanswered"):
            # "e o endereço da Júlia?" amid questions about the 8422: "e em setembro?" is still the 8422's,
            # while "e quantas horas ela fez?" means her
            kept = {**context, "named": refused_person}
        elif refused and understood.pending and not refused_person and (her := _whom_she_means(context)):
            # "quanto o 8301 vai faturar?" after asking for Gabriela's CPF: "ela" still means Gabriela
            kept = {**kept, "named": her}
        if understood.reason == "confirm":
            kept = {**kept, "confirm": True}
        elif understood.reason == "period" and understood.pending is not None and not understood.pending.period:
            # "quanto o 8600 fez no finzinho de agosto?" asked back: "e quem puxou mais ali?" has no period to use
            kept = {**kept, "unanswered": True}
        elif understood.pending is not None and not understood.pending.has_subject:
            # only its period is kept: "e o 7874?" may use it, "e ontem?" not; a contract talked about before
            # the name that was not found stays the one "nele" means
            kept = {**kept, "unanswered": True}
            # (never a person: "ele" must not become the one asked about before the name that was not found)
            if (
                previous is not None
                and previous.contract
                and not previous.person
                and understood.reason in _NAME_NOT_FOUND
            ):
                # ("e a Yasmin?" after "quantas horas o Xavier fez esse mês?" refused: her hours this month)
                period = understood.pending.period or previous.period
                asked = replace(understood.pending, contract=previous.contract, period=period)
                kept = {**asked.to_context(), "unanswered": True}
        if understood.reason == "unknown_contract" and (unknown := re.search(r"contrato (\S+) nos", understood.text)):
            # "foi mal, é o 8121" next says which contract: the question is asked again with it
            kept = {**kept, "unknown_contract": {"question": question, "number": unknown.group(1)}}
        if isinstance(understood, Ambiguous) and understood.pending_words:
            # "o do 8121", "a lopes" next say which one: the question is asked again with it
            kept = {**kept, "ambiguous": {"question": question, "words": understood.pending_words}}
        text = understood.text
        if understood.reason == "unknown_self" and user.strip():
            text = (
                f"Não encontrei “{user.strip()}” entre os recursos dos apontamentos, então não sei quais são os seus "
                "dados. Pergunte pelo nome, por exemplo: “Quantas horas a Ana Souza trabalhou esta semana?”."
            )
        examples = EXAMPLES if understood.reason == "not_understood" and not understood.suggestion else ()
        offered = (understood.suggestion,) if understood.suggestion else ()
        return Answer(text, kept, understood.reason, examples=examples, suggestions=offered)
    if _ranks_one_contract(understood, scope):
        # "qual contrato mais apontou?" from a gestor of one contract: his is the only one he sees, not the top
        parts = view.part_of if isinstance(view, ScopedDataset) else {}
        text = (
            f"Você só pode consultar {granted(scope.contracts, parts)}, então não consigo dizer qual contrato mais "
            "apontou entre todos. Posso mostrar os números do seu contrato."
        )
        return Answer(text, context, "out_of_scope_contract")
    if (rest := _rest_of_a_part(view, understood, question)) is not None:
        return Answer(rest, context, "out_of_scope_contract")
    if (whole := _whole_of_a_part(view, understood, question)) is not None:
        # what follows ("e o 7712 no mesmo mês?", "qnts pessoas?") is about the part he sees, in that period
        part = replace(understood, contract=whole[1], page=0)
        return Answer(whole[0], part.to_context(), "out_of_scope_contract", suggestions=(f"E o {whole[1]}?",))
    try:
        result = _paged(BY_NAME[understood.kind].render(view, understood, today), understood.page)  # type: ignore[arg-type]
        result = _remembering(result, context, understood, previous, view.resources)
        if understood.kind == "glossary":
            return replace(result, context=context)  # an aside: "e bruta então, quanto deu?" follows what was before
        if not (scope.everything or understood.kind in STATIC):
            parts = view.part_of if isinstance(view, ScopedDataset) else None
            result = replace(result, text=f"{scope.describe(parts)}: {result.text}")
        if rechecked or claim:
            return replace(result, text=f"{_RECHECKED if rechecked else _CHECKED}\n{result.text}")
        if limit and understood.kind == "total_hours":
            return replace(result, text=f"{result.text}\n{against(view, understood, today, limit[1])}")
        return result
    except NoData as err:
        return Answer(str(err), understood.to_context(), "no_data")
    except q.AmbiguousResource as err:
        names = "\n".join(f"- {c.name}" for c in err.candidates)
        return Answer(f"Há mais de uma pessoa chamada “{err.text}”. Qual delas?\n{names}", context, "ambiguous")
    except InvalidQuery as err:
        return Answer(str(err), context, "invalid")


def _remembering(
    result: Answer, context: dict[str, Any], question: Question, previous: Question | None, people: Container[str]
) -> Answer:
    """The answer's context, still holding the people (or contracts) an earlier list named ("deles", "o outro")
    and whom "ela" meant, while the conversation stays on them (a question about one of them, or about them all)."""
    contracts = context.get("named_contracts")
    if isinstance(contracts, list) and "named_contracts" not in result.context and question.contract in contracts:
        # "o primeiro, por semana" after two contracts ranked: "e no outro?" is still the other one
        result = replace(result, context={**result.context, "named_contracts": contracts})
    swapped_contract = previous is not None and previous.contract and question.contract != previous.contract
    if swapped_contract and question.contract and "named_contracts" not in result.context and not question.among:
        # "e o 8121?" after the 8555: "e no total?", "e o outro?" mean those two
        contracts = [previous.contract, question.contract]  # type: ignore[list-item]
        result = replace(result, context={**result.context, "named_contracts": contracts})
    same_subject = previous is not None and (previous.kind, previous.person, previous.contract) == (
        question.kind,
        question.person,
        question.contract,
    )
    kept_periods = _periods(context)
    if question.versus is not None and question.period is not None:
        # "horas em setembro e outubro, lado a lado": "o primeiro desses meses" next means September
        periods = [[p.start.isoformat(), p.end.isoformat()] for p in (question.period, question.versus)]
        result = replace(result, context={**result.context, "named_periods": periods})
    elif question.period in kept_periods and "named_periods" not in result.context:
        # "e o primeiro desses meses, só bug?": "e no segundo?" is still one of those two
        periods = [[p.start.isoformat(), p.end.isoformat()] for p in kept_periods]
        result = replace(result, context={**result.context, "named_periods": periods})
    if same_subject and previous.period and question.period and previous.period != question.period:  # type: ignore[union-attr]
        # "quantas horas fiz em outubro?", "e em novembro?": "me mostra os dois lado a lado" means those two
        periods = [[p.start.isoformat(), p.end.isoformat()] for p in (previous.period, question.period)]  # type: ignore[union-attr]
        result = replace(result, context={**result.context, "named_periods": periods})
    listed = context.get("named_people")
    if "named_people" in result.context:
        return result
    if question.among and all(person in people for person in question.among):
        # "quanto deles foi de X?", then "e no total?": still those people
        return replace(result, context={**result.context, "named_people": list(question.among)})
    if not isinstance(listed, list):
        swapped = previous is not None and previous.person and question.person and previous.person != question.person
        if swapped and not question.people:
            # "e da Isabela?" after Giovana: "quanto cada uma fez?", "e as duas juntas?" mean those two
            people = [previous.person, question.person]
            return replace(result, context={**result.context, "named_people": people, "named": question.person})
        return result
    if not (question.people or (question.person and question.person in listed)):
        return result
    kept = {"named_people": listed}
    if question.people and isinstance(context.get("named"), str):
        kept["named"] = context["named"]
    elif question.person:
        kept["named"] = question.person
    return replace(result, context={**result.context, **kept})


def _usable(previous: Question | None, view: Dataset | ScopedDataset) -> Question | None:
    """The previous question when this deployment and this view can still answer it; None starts fresh.

    A kind a later deployment renamed or removed, or a person the view no longer holds (the data changed,
    or the asker's scope did), would otherwise fail the follow-up or name an internal id back.
    """
    if previous is None or previous.kind not in BY_NAME:
        return None
    if previous.person is not None and previous.person not in view.resources:
        return None
    return previous


def _first_question(context: dict[str, Any]) -> Question | None:
    """The conversation's first question with data ("voltando pra carla", "voltando pro contrato" go back to it)."""
    first = context.get("first")
    return from_context(first) if isinstance(first, dict) else None


def _first_person(context: dict[str, Any]) -> tuple[str, ...]:
    """The person the conversation's first question was about ("voltando pra carla" means her), if any."""
    question = _first_question(context)
    return (question.person,) if question is not None and question.person else ()


_BACK_TO_THE_CONTRACT = re.compile(
    r"\b(?:volt\w*|retomando) (?:pro|pra|para o|ao|no) contrato\b(?!\s*(?:\d|[eE]\d|tod|inteir))", re.IGNORECASE
)


def _whom_she_means(context: dict[str, Any]) -> str | None:
    """The person "ele"/"ela" points at after this context: the one it names, else its question's person."""
    if isinstance(named := context.get("named"), str):
        return named
    question = from_context(context)
    return question.person if question is not None else None


def _ranks_one_contract(question: Question, scope: Scope) -> bool:
    """A ranking of contracts asked by a gestor who sees a single contract: no ranking he may see answers it."""
    # ("qual contrato cliente do 7874 mais apontou?" ranks the parts of his own contract: those he sees)
    client_parts = question.group == "client" and question.contract is not None
    ranks = question.kind == "contract_ranking" or (
        question.kind == "compose"
        and question.group in ("contract", "client")
        and question.limit is not None
        and not client_parts
    )
    return ranks and scope.role == "gestor" and len(scope.contracts) == 1 and not question.among


_WHOLE = re.compile(r"\b(?:inteir[oa]|complet[oa]|tod[oa](?! (?:mundo|dia|semana|mes)\b))\b")


def _whole_of_a_part(view: Dataset, question: Question, text: str) -> tuple[str, str] | None:
    """The refusal of "e o 8447 inteiro?" from a gestor who sees only part of 8447, and the part to offer
    instead: the part's figure given for the whole would answer another question."""
    parts = view.parts.get(question.contract or "") if isinstance(view, ScopedDataset) else None
    if not parts or not _WHOLE.search(normalize(text)):
        return None
    part = _the_parts(parts)
    refusal = (
        f"Não posso mostrar o contrato {question.contract} inteiro: você só pode consultar {part} dele. "
        f"Posso mostrar os números d{part}."
    )
    return refusal, parts[0]


_REST = re.compile(r"\b(?:o )?resto d[oa]\b|\b(?:as )?(?:outras|demais) partes\b")


def _rest_of_a_part(view: Dataset, question: Question, text: str) -> str | None:
    """The refusal of "e o resto do 8447?" from a gestor who sees only part of 8447: nothing of it is his."""
    parts = view.parts.get(question.contract or "") if isinstance(view, ScopedDataset) else None
    if not parts or not _REST.search(normalize(text)):
        return None
    return (
        f"Você só pode consultar {_the_parts(parts)} do contrato {question.contract}: o resto do contrato não está "
        "entre os que você pode ver."
    )


def _the_parts(parts: tuple[str, ...]) -> str:
    """ "a parte E5067620", "as partes E2789620 e E5067620": the client contracts a gestor sees of a contract."""
    return f"a parte {parts[0]}" if len(parts) == 1 else f"as partes {', '.join(parts[:-1])} e {parts[-1]}"


def _two_granted(db: Dataset, scope: Scope) -> tuple[str, ...]:
    """A gestor's two supplier contracts ("e o outro contrato?" is the other of his), or ()."""
    two = len(scope.contracts) == 2 and not any(c in db.client_contracts for c in scope.contracts)
    return scope.contracts if scope.role == "gestor" and two else ()


def _rows(context: dict[str, Any]) -> tuple[tuple[str, str, str, float], ...]:
    """The rows of the breakdown the last answer showed (group, first day, last day, value), as stored."""
    rows = context.get("named_rows")
    if not isinstance(rows, list):
        return ()
    valid = [r for r in rows if isinstance(r, list) and len(r) == 4 and all(isinstance(v, str) for v in r[:3])]
    return tuple((r[0], r[1], r[2], float(r[3])) for r in valid if isinstance(r[3], int | float))


def _periods(context: dict[str, Any]) -> tuple[Period, ...]:
    """The two periods the last two answers were about, one after the other, or ()."""
    try:
        return tuple(Period(date.fromisoformat(a), date.fromisoformat(b)) for a, b in context.get("named_periods", []))
    except (TypeError, ValueError):
        return ()


def _strings(context: dict[str, Any], key: str) -> tuple[str, ...]:
    """The list of ids an earlier answer left under `key` (the people or contracts it listed), or ()."""
    listed = context.get(key)
    return tuple(item for item in listed if isinstance(item, str)) if isinstance(listed, list) else ()


_RECHECKED = "Conferi de novo nos apontamentos, com a mesma pergunta, e o resultado é este:"
_CHECKED = "Conferi nos apontamentos:"
_NOTHING_TO_RECHECK = (
    "Não tenho uma resposta anterior para conferir nesta conversa. Faça a pergunta de novo, com quem ou qual "
    "contrato e o período, e eu calculo."
)
_HIM_OR_HER = re.compile(r"\b(?:ele|ela|dele|dela|nele|nela)\b")
_NAME_NOT_FOUND = frozenset({"unknown_person", "out_of_scope_person"})
_YES = re.compile(r"^(?:sim|s|isso|isso mesmo|exato|exatamente|correto|certo|pode ser|pode|quis|quis sim|sim quis)$")
_NO = re.compile(r"^(?:nao|n|errado|nao quis|negativo)$")


def _paged(result: Answer, page: int) -> Answer:
    """The answer with its table cut to one page; past the first page the text lists that page's rows."""
    if result.table is None:
        if page:
            return replace(result, text="Essa resposta não tem mais linhas para mostrar.")
        return result
    table = result.table.page(page)
    if table is None:
        return replace(result, text=f"Não há mais linhas: a lista tem {result.table.total}.", table=None)
    if page == 0:
        return replace(result, table=table)
    end = table.start + len(table.rows)
    lines = "\n".join("- " + " · ".join(row) for row in table.rows)
    text = f"{table.title}, linhas {table.start + 1}–{end} de {table.total}:\n{lines}"
    return replace(result, text=text, table=table)


def me_in(db: Dataset, user: str) -> str | None:
    """The resource id of the person asking, from their display name (exact name, or one unique match)."""
    if not user.strip():
        return None
    exact = [r for r in db.resources.values() if normalize(r.name) == normalize(user)]
    if len(exact) == 1:
        return exact[0].id
    found = q.find_resources(db, user, limit=2)
    return found[0].id if len(found) == 1 else None


def static_answer(db: Dataset, question: str, today: date) -> Answer | None:
    """The reply to a greeting, thanks or a request for help; None for anything that needs data."""
    understood = understand(db, question, None, today, None)
    if isinstance(understood, Clarification) or understood.kind not in STATIC:
        return None
    return BY_NAME[understood.kind].render(db, understood, today)
