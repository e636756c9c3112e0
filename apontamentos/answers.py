"""The pt-BR answers, one renderer per kind of question, over the typed queries.

Every answer's first line says what was computed: about whom, over which dates, on which basis.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from . import formatting as fmt
from . import queries as q
from . import rules
from .dataset import Dataset
from .errors import InvalidQuery
from .question import Question
from .rules import Period, month_of
from .scope import ScopedDataset, contract_words

TEXT_ROWS = 15  # rows listed in a text answer
CONTRACT_ROWS = 30  # contracts listed in a text answer
PAGE_ROWS = 15  # rows of a table card; "ver mais" shows the next page
MAX_TABLE_ROWS = 2_000  # rows an answer keeps for paging
RANK = "Nº"  # not "#": Teams reads a lone "#" in a card as an empty Markdown heading and shows nothing

EXAMPLES = (
    "Quais contratos temos?",
    "Mostre o contrato 8446",
    "Quem trabalha no contrato 7873?",
    "Ranking de horas do contrato 8446",
    "Quem não apontou semana passada?",
    "Quantos dias úteis tem em novembro?",
    "Quem esqueceu de bater a saída?",
    "Quantas horas eu trabalhei esta semana?",
)


@dataclass(frozen=True)
class Table:
    """Tabular data a channel can show as a card; the text answer stands alone without it.

    `rows` are the rows shown; `start` is the position of the first of them and `total` how many the
    answer has, so a card can say "1–15 de 239" and offer the next page.
    """

    title: str
    columns: list[str]
    rows: list[list[str]]
    omitted: int = 0  # rows after the ones shown
    start: int = 0

    @property
    def total(self) -> int:
        return self.start + len(self.rows) + self.omitted

    def page(self, number: int) -> Table | None:
        """Page `number` (from 0) of this table's rows; None past the last one."""
        start = number * PAGE_ROWS
        if start and start >= len(self.rows):
            return None
        rows = self.rows[start : start + PAGE_ROWS]
        return Table(self.title, self.columns, rows, self.total - start - len(rows), start)


@dataclass(frozen=True)
class Answer:
    text: str
    context: dict[str, Any]
    intent: str
    table: Table | None = None
    examples: tuple[str, ...] = field(default=())
    suggestions: tuple[str, ...] = ()  # up to three follow-up questions worth asking next


class NoData(InvalidQuery):
    """The period asked for lies outside the data: say what the data covers instead of answering 0 h."""


# -- what every answer says first ------------------------------------------------------------


def _dates(period: Period) -> str:
    if period.start == period.end:
        return f"em {fmt.day(period.start)}"
    return f"de {fmt.day(period.start)} a {fmt.day(period.end)}"


def _covered(db: Dataset, period: Period | None, today: date) -> tuple[Period, str]:
    """The period clipped to the data, and a note when it was clipped; NoData when nothing is left."""
    data = q.data_period(db, None)
    if period is None:
        return data, ""
    clipped = period.clip(data)
    if clipped is None:
        raise NoData(
            f"Não há apontamentos {_dates(period)}: os dados disponíveis vão de {fmt.day(data.start)} "
            f"a {fmt.day(data.end)}."
        )
    if clipped == period:
        return period, ""
    if clipped.end < period.end and clipped.end >= today - timedelta(days=1):
        return clipped, " (até hoje)"
    return clipped, " (o período com dados)"


def _basis(question: Question) -> str:
    return "brutas" if question.basis == "gross" else "líquidas"


def _person(db: Dataset, question: Question) -> q.ResourceRef:
    assert question.person is not None
    ref = q.resolve_resource(db, question.person)
    return ref


def _scope(db: Dataset, question: Question, person_label: bool = True) -> str:
    """ " do contrato 8446", " de JAVA", or "" for everyone: what a figure was computed over."""
    parts = []
    if question.person and person_label:
        parts.append(f" de {q.resolve_resource(db, question.person).name}")
    if question.contract:
        parts.append(_of_contract(db, q.contract_ref(db, question.contract).number))
    if question.technology:
        parts.append(f" em {question.technology}")
    return "".join(parts)


def _table(title: str, columns: list[str], rows: list[list[str]]) -> Table | None:
    """A card's table, or None when there is nothing to list (the text says so)."""
    if not rows:
        return None
    return Table(title, columns, rows[:MAX_TABLE_ROWS], max(0, len(rows) - MAX_TABLE_ROWS))


MONTH_DAYS = 31


def _lines(rows: list[str], most: int = TEXT_ROWS) -> str:
    most = most if len(rows) > most + 1 else len(rows)  # "… e mais 1." would take the line the row takes
    shown = "\n".join(f"- {r}" for r in rows[:most])
    if len(rows) > most:
        shown += f"\n… e mais {fmt.integer(len(rows) - most)}."
    return shown


def _done(question: Question, text: str, table: Table | None = None) -> Answer:
    return Answer(text, question.to_context(), question.kind, table, suggestions=suggestions(question))


SUGGESTION_LENGTH = 44  # Teams cuts off a card button's title near 50 characters


def suggestions(question: Question) -> tuple[str, ...]:
    """Up to three follow-ups relevant to what was just answered, phrased so the engine understands them
    and short enough to show whole on a button."""
    kind, contract = question.kind, question.contract
    if question.asker:
        return (
            "Meus apontamentos por dia esta semana",
            "Quais dias eu não apontei este mês?",
            "Qual meu saldo de horas este mês?",
        )
    if contract and kind in ("contract_details", "total_hours", "contract_resources", "hours_per_day"):
        return (
            f"Quem não apontou no {contract} semana passada?",
            f"Ranking de horas do contrato {contract}",
            f"Horas do {contract} no mês passado",
        )
    if contract and kind in ("ranking", "missing_days", "open_spans", "unvalidated"):
        return (
            f"Mostre o contrato {contract}",
            f"Horas por atividade do contrato {contract}",
            "Quais contratos temos?",
        )
    if kind in ("missing_days", "open_spans", "unvalidated", "weekend_work", "holiday_work", "days_above"):
        return (
            "Quem esqueceu de bater a saída?",
            "Quantos apontamentos não foram validados?",
            "Quais contratos temos?",
        )
    if kind in ("ranking", "list_contracts", "contract_ranking", "period_summary", "week_comparison"):
        return ("Quem não apontou semana passada?", "Ranking dos contratos", "Horas por atividade no mês passado")
    return ()


# -- renderers: one per kind of question -----------------------------------------------------

Renderer = Callable[[Dataset, Question, date], Answer]


def static(text: str) -> Renderer:
    def render(db: Dataset, question: Question, today: date) -> Answer:
        return Answer(text, {}, question.kind, examples=EXAMPLES)

    return render


def glossary(db: Dataset, question: Question, today: date) -> Answer:
    """What the words of the answers mean ("o que é hora líquida?", "de onde sai esse número?")."""
    daily = f"{db.calendar.daily_hours:g} h"  # said without a decimal: a rule, not a figure of the data
    text = (
        "Como eu conto as horas:\n"
        "- Horas brutas: da entrada à saída de cada apontamento.\n"
        "- Horas líquidas: as brutas menos o almoço, descontado uma vez por pessoa e dia. É o que respondo quando "
        "a pergunta não diz “brutas”.\n"
        f"- Horas esperadas: os dias úteis do período (segunda a sexta, menos os feriados nacionais) vezes {daily} "
        "líquidas por dia.\n"
        "- Apontamento sem saída: tem entrada e não tem saída, então não conta horas.\n"
        "- Apontamento muito longo: bem acima do que é comum no período (a régua é a mediana das durações; o "
        "limite aparece na resposta).\n"
        "Cada resposta diz o período e se as horas são líquidas ou brutas."
    )
    return Answer(text, {}, question.kind)


_EXAMPLE_LINES = "\n".join(f"- {e}" for e in EXAMPLES)
GREETING = (
    "Olá! Eu respondo perguntas sobre os apontamentos de horas dos contratos de outsourcing. "
    f"Experimente:\n{_EXAMPLE_LINES}"
)
HELP = (
    "Posso responder sobre horas (de uma pessoa, de um contrato ou de todos), quem não apontou, quem esqueceu a "
    "saída, validações, dias úteis e feriados, rankings, médias e trabalho em fim de semana ou feriado. Sempre "
    f"digo o período e se as horas são líquidas (sem o almoço) ou brutas. Por exemplo:\n{_EXAMPLE_LINES}"
)
THANKS = "Por nada! Se precisar, é só perguntar."


def total_hours(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today)
    t = q.total_hours(db, resource=question.person, contract=question.contract, period=period)
    main, other = (t.gross_hours, t.net_hours) if question.basis == "gross" else (t.net_hours, t.gross_hours)
    other_basis = "líquidas" if question.basis == "gross" else "brutas"
    details = [f"{fmt.hours(other)} {other_basis}", fmt.plural(t.entries, "apontamento")]
    if t.resource:
        where = _of_contract(db, t.contract.number).replace(" d", " n", 1) if t.contract else ""
        who = _person(db, question).name + where  # "Ana no contrato 8446", "… na parte E5067620 do contrato 8447"
        verb = "trabalhou"
    elif t.contract:
        words, part = contract_words(db, t.contract.number)
        who, verb = f"{'A' if part else 'O'} {words}", "somou"
        details.append(fmt.plural(t.resources, "recurso"))
    else:
        who, verb = "Todos os recursos", "somaram"
        details.append(fmt.plural(t.resources, "recurso"))
    if t.open_spans:
        details.append(f"{fmt.integer(t.open_spans)} sem saída, sem horas contadas")
    text = f"{who} {verb} {fmt.hours(main)} {_basis(question)} {_dates(period)}{note} — {', '.join(details)}."
    if question.team and not t.resource and not t.contract and question.basis != "gross":
        # "quanto a equipe fez?": the one total first, then each person's part of it as the detail
        lines, table = _hours_of_each(q.ranking(db, top=None, period=period), "Horas líquidas por pessoa")
        return _done(question, f"{text}\nPor pessoa, mais horas primeiro:\n{lines}", table)
    return _done(question, text)


def against(db: Dataset, question: Question, today: date, limit: float) -> str:
    """Which side of a figure a total is on ("já passei das 160h?"), said after the total."""
    period, _ = _covered(db, question.period, today)
    t = q.total_hours(db, resource=question.person, contract=question.contract, period=period)
    total = t.gross_hours if question.basis == "gross" else t.net_hours
    if total > limit:
        return f"Sim: passou de {fmt.hours(limit)} ({fmt.hours(total - limit)} acima)."
    if total == limit:
        return f"Chegou a {fmt.hours(limit)}, exatamente."
    return f"Não: ficou abaixo de {fmt.hours(limit)} (faltam {fmt.hours(limit - total)})."


def contract_details(db: Dataset, question: Question, today: date) -> Answer:
    assert question.contract is not None
    period, note = _covered(db, question.period, today)
    d = q.contract_details(db, question.contract, period)
    name = f"Contrato {d.contract.number}" + (" (cliente)" if d.contract.kind == "cliente" else "")
    if contract_words(db, d.contract.number)[1]:
        name = _part_label(db, d.contract.number)  # a gestor of one part: never the whole contract's name alone
    if d.entries == 0:
        return _done(question, f"{name}: nenhum apontamento {_dates(period)}{note}.")
    related = "Contratos de fornecedor" if d.contract.kind == "cliente" else "Contratos de cliente"
    text = (
        f"{name}, {_dates(period)}{note}:\n"
        f"- Horas: {fmt.hours(d.net_hours)} líquidas ({fmt.hours(d.gross_hours)} brutas)\n"
        f"- Apontamentos: {fmt.integer(d.entries)}"
        + (f" ({fmt.integer(d.open_spans)} sem saída)" if d.open_spans else "")
        + "\n"
        f"- Recursos: {fmt.integer(d.resources)}\n"
        f"- Tecnologias: {', '.join(d.technologies) or '—'}\n"
        f"- Perfis: {', '.join(d.profiles) or '—'}\n"
        f"- {related}: {', '.join(d.related_contracts) or '—'}"
    )
    return _done(question, text)


def people(db: Dataset, question: Question, today: date) -> Answer:
    """Who recorded time (in a contract, a technology, or anywhere), by hours; the count first for "quantos"."""
    period, note = _covered(db, question.period, today)
    people = q.ranking(db, top=None, contract=question.contract, technology=question.technology, period=period)
    scope = _scope(db, question, person_label=False)
    if question.contract:
        number = q.contract_ref(db, question.contract).number
        tech = f" em {question.technology}" if question.technology else ""
        people_text = fmt.plural(len(people), "recurso")
        words, part = contract_words(db, number)
        header = f"{'A' if part else 'O'} {words} tem {people_text}{tech} com apontamentos {_dates(period)}{note}"
    elif len(people) == 1:
        header = f"1 recurso{scope} apontou {_dates(period)}{note}"
    else:
        header = f"{fmt.plural(len(people), 'recurso')}{scope} apontaram {_dates(period)}{note}"
    if question.count or not people:  # nobody recorded: no empty list after the count
        return _done(question, header + ".")
    lines, table = _hours_of_each(people, f"Recursos{scope}")
    summed = fmt.hours(sum(p.hours for p in people))  # "e o time todo no mês?": the team's total first
    return _listing(_done(question, f"{header}, {summed} líquidas no total; por recurso:\n{lines}", table), people)


def _listing(answer: Answer, people: list[q.ResourceHours]) -> Answer:
    """The answer remembering the people it listed, in order: "a segunda", "deles" are among them next."""
    return replace(answer, context={**answer.context, "named_people": [p.resource.id for p in people]})


def _hours_of_each(people: list[q.ResourceHours], title: str) -> tuple[str, Table | None]:
    """One line (and table row) per person with their hours, as listed by the ranking query."""
    rows = [[p.resource.name, fmt.hours(p.hours), fmt.integer(p.entries)] for p in people]
    lines = _lines([f"{p.resource.name}: {fmt.hours(p.hours)}" for p in people])
    return lines, _table(title, ["Recurso", "Horas", "Apontamentos"], rows)


def ranking(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today)
    top = question.limit or 10
    people = q.ranking(
        db,
        top=None if question.people else top,
        contract=question.contract,
        technology=question.technology,
        period=period,
        order=question.order,
        basis=question.basis,
    )
    if question.people:  # "e as horas deles?": only the people the last answers named
        people = [p for p in people if p.resource.id in question.people]
    scope = _scope(db, question, person_label=False) or (
        " dessas pessoas" if question.people else " de todos os recursos"
    )
    which = "menos horas primeiro" if question.order == "asc" else "mais horas primeiro"
    if not people:
        return _done(question, f"Nenhum apontamento{scope} {_dates(period)}{note}.")
    # a few people chosen by name: their sum and average too ("e a média deles?")
    total = sum(p.hours for p in people)
    summary = (
        f" — {fmt.plural(len(people), 'recurso')}, {fmt.hours(total)} no total, "
        f"média de {fmt.hours(total / len(people))} por recurso"
        if question.people and len(people) > 1
        else ""
    )
    basis = "brutas" if question.basis == "gross" else "líquidas"
    shown = people[: question.limit] if question.people and question.limit else people  # "ranking deles, top 5"
    text = f"Ranking de horas {basis}{scope}, {_dates(period)}{note} ({which}){summary}:\n" + "\n".join(
        f"{i}. {p.resource.name}: {fmt.hours(p.hours)}" for i, p in enumerate(shown, 1)
    )
    rows = [[str(i), p.resource.name, fmt.hours(p.hours)] for i, p in enumerate(shown, 1)]
    answer = _done(question, text, _table(f"Ranking de horas{scope}", [RANK, "Recurso", "Horas"], rows))
    if question.people:
        return answer  # "ela" stays whom it meant: the list is about them all
    named = {"named": people[0].resource.id, "named_people": [p.resource.id for p in people]}
    return replace(answer, context={**answer.context, **named})  # who "ele"/"ela" and "deles" are next


def hours_by_person(db: Dataset, question: Question, today: date) -> Answer:
    """Everyone's hours, one line each, with the total and the average per person ("quanto cada um fez")."""
    period, note = _covered(db, question.period, today)
    people = q.ranking(db, top=None, contract=question.contract, technology=question.technology, period=period)
    scope = _scope(db, question, person_label=False)
    if not people:
        return _done(question, f"Nenhum apontamento{scope} {_dates(period)}{note}.")
    total = sum(p.hours for p in people)
    shown = people[: question.limit] if question.limit else people  # "…, top 10", "só os 3 primeiros"
    lines, table = _hours_of_each(shown, f"Horas por recurso{scope}")
    first = f" (os {len(shown)} primeiros)" if len(shown) < len(people) else ""
    text = (
        f"Horas líquidas por recurso{scope}, {_dates(period)}{note}: {fmt.plural(len(people), 'recurso')}, "
        f"{fmt.hours(total)} no total, média de {fmt.hours(total / len(people))} por recurso{first}:\n{lines}"
    )
    return _listing(_done(question, text, table), shown)


def contract_ranking(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today)
    contracts = q.list_contracts(db, period)
    people = question.by == "people"
    if people:
        contracts = sorted(contracts, key=lambda c: (-c.resources, -c.hours))
    if question.order == "asc":
        contracts = list(reversed(contracts))
    # "qual dos meus contratos teve mais horas?" with two or three of them: each, the first on top
    few = len(contracts) <= 3
    shown = contracts[: question.limit] if question.limit and not few else contracts
    measure = "recursos" if people else "horas"
    which = f"{'menos' if question.order == 'asc' else 'mais'} {measure} primeiro"
    text = f"Contratos por {'número de recursos' if people else 'horas líquidas'}, {_dates(period)}{note} ({which}):\n"
    text += "\n".join(
        f"{i}. {_part_label(db, c.contract)}: {fmt.plural(c.resources, 'recurso')}, {fmt.hours(c.hours)}"
        if people
        else f"{i}. {_part_label(db, c.contract)}: {fmt.hours(c.hours)}"
        for i, c in enumerate(shown, 1)
    )
    runners = contracts[1:3] if question.limit == 1 and not few else []
    if runners:
        # "qual contrato teve mais horas?": the answer, then the two after it, so its lead can be judged
        value = (lambda c: fmt.plural(c.resources, "recurso")) if people else (lambda c: fmt.hours(c.hours))
        text += "\nEm seguida:\n" + _lines([f"{_part_label(db, c.contract)}: {value(c)}" for c in runners])
    rows = [[str(i), c.contract, fmt.hours(c.hours), fmt.integer(c.resources)] for i, c in enumerate(shown, 1)]
    answer = _done(question, text, _table("Contratos por horas", [RANK, "Contrato", "Horas", "Recursos"], rows))
    return _naming_contracts(answer, [c.contract for c in shown])


def list_contracts(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today)
    contracts = q.list_contracts(db, period)
    # with several, their sum is what "o total de horas dos meus contratos" asks
    # ("qnts apontamentos nos meus contratos em setembro?": the entries summed too)
    entries = fmt.plural(sum(c.entries for c in contracts), "apontamento")
    summed = (
        f", {fmt.hours(sum(c.hours for c in contracts))} líquidas e {entries} no total" if len(contracts) > 1 else ""
    )
    text = f"Há {fmt.plural(len(contracts), 'contrato')} com apontamentos {_dates(period)}{note}{summed}:\n" + _lines(
        [
            f"{_part_label(db, c.contract)}: {fmt.hours(c.hours)} líquidas, {fmt.plural(c.entries, 'apontamento')}, "
            f"{fmt.plural(c.resources, 'recurso')}"
            for c in contracts
        ],
        most=CONTRACT_ROWS,  # a company has a few dozen contracts: "todos os contratos" lists each of them
    )
    rows = [[c.contract, fmt.hours(c.hours), fmt.integer(c.entries), fmt.integer(c.resources)] for c in contracts]
    answer = _done(question, text, _table("Contratos", ["Contrato", "Horas", "Apontamentos", "Recursos"], rows))
    return _naming_contracts(answer, [c.contract for c in contracts])


def _naming_contracts(answer: Answer, contracts: list[str]) -> Answer:
    """The answer, remembering the contracts it listed in order: "abre o segundo por semana" is one of them."""
    return replace(answer, context={**answer.context, "named_contracts": contracts})


def resource_contracts(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today)
    r = q.resource_contracts(db, question.person or "", period)
    who = _person(db, question).name
    if not r.contracts and question.period is not None:
        # "de qual contrato ela é?" about someone who stopped recording: where she recorded before
        ever = q.resource_contracts(db, question.person or "", None)
        if ever.contracts:
            shown = ", ".join(f"{c.contract} (cliente {c.client_contract})" for c in ever.contracts)
            return _done(
                question,
                f"{who} não apontou em nenhum contrato {_dates(period)}{note}. Nos dados, apontou em: {shown}.",
            )
    text = f"{who} apontou em {fmt.plural(len(r.contracts), 'contrato')} {_dates(period)}{note}:\n" + _lines(
        [f"{c.contract} (cliente {c.client_contract}): {fmt.hours(c.hours)} líquidas" for c in r.contracts]
    )
    answer = _done(question, text)
    if len(r.contracts) != 1:
        return answer
    # "quantas pessoas tem nesse contrato?" next: the one contract just shown
    return replace(answer, context={**answer.context, "named_contracts": [r.contracts[0].contract]})


def period_summary(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today)
    s = q.period_summary(db, period)
    text = (
        f"Resumo de todos os recursos, {_dates(period)}{note}:\n- Horas: {fmt.hours(s.net_hours)} líquidas\n"
        f"- Apontamentos: {fmt.integer(s.entries)}\n- Recursos: {fmt.integer(s.resources)}\n"
        f"- Contratos: {fmt.integer(s.contracts)}\n- Sem saída: {fmt.integer(s.open_spans)}\n"
        f"- Não validados: {fmt.integer(s.unvalidated)}"
    )
    return _done(question, text)


def _month_so_far(question: Question, today: date) -> Period:
    return question.period or Period(today.replace(day=1), today)


def resource_days(db: Dataset, question: Question, today: date) -> Answer:
    if question.versus:
        return _each_period(resource_days, db, question, today)  # "que horas entrei em 03/11 e em 05/11?"
    period, note = _covered(db, _month_so_far(question, today), today)
    r = q.resource_days(db, question.person or "", period)
    who = _person(db, question).name
    if not r.days:
        return _done(question, f"{who} não tem apontamentos {_dates(period)}{note} (0,0 h).")
    gross = question.basis == "gross"  # "minhas horas brutas de setembro, dia a dia"
    hours_of = {d.day: d.gross_hours if gross else d.net_hours for d in r.days}
    text = (
        f"{who}, {_dates(period)}{note}: {fmt.hours(sum(hours_of.values()))} {_basis(question)} em "
        f"{fmt.plural(len(r.days), 'dia')} com apontamento:\n"
        + _lines(
            [
                f"{fmt.day(d.day)}: {fmt.clock(d.first_start)}–{fmt.clock(d.last_end)}, {fmt.hours(hours_of[d.day])}"
                for d in r.days
            ],
            most=MONTH_DAYS,  # "detalha os horários de entrada dele no mês": every day of a month, in the text too
        )
    )
    rows = [
        [fmt.day(d.day), fmt.clock(d.first_start), fmt.clock(d.last_end), fmt.hours(hours_of[d.day])] for d in r.days
    ]
    done = _done(question, text, _table(who, ["Dia", "Entrada", "Saída", "Horas"], rows))
    # "no dia mais forte, quanto deu bruto?": a day of this list, as a breakdown by day remembers its rows
    named = [["day", d.day.isoformat(), d.day.isoformat(), d.net_hours] for d in r.days]
    return replace(done, context={**done.context, "named_rows": named})


def _calendar_period(question: Question, today: date) -> tuple[Period, str]:
    """Working days count whole months: "este mês" is the month up to its last day."""
    period = question.period or month_of(today.year, today.month)
    if period.start.day == 1 and period.end == today and period.start.month == today.month:
        return month_of(today.year, today.month), " (o mês inteiro)"
    return period, ""


def _each_period(
    kind: Callable[[Dataset, Question, date], Answer], db: Dataset, question: Question, today: date
) -> Answer:
    """ "feriados desse mês e do passado", "dias úteis em setembro e em outubro": each period on its line."""
    periods = sorted((question.period, question.versus), key=lambda p: p.start if p else date.min)
    first, second = (kind(db, replace(question, period=p, versus=None), today) for p in periods)
    return _done(question, f"{first.text}\n{second.text}")


def working_days(db: Dataset, question: Question, today: date) -> Answer:
    if question.versus:
        return _each_period(working_days, db, question, today)
    period, note = _calendar_period(question, today)
    w = q.working_days_in(db, period)
    text = (
        f"{_dates(period).capitalize()}{note} há {fmt.plural(w.count, 'dia útil', 'dias úteis')} "
        "(segunda a sexta, menos os feriados nacionais)."
    )
    if note or period.start <= today < period.end:  # the period is not over: the days so far too
        so_far = Period(period.start, today)
        count = fmt.plural(q.working_days_in(db, so_far).count, "dia útil", "dias úteis")
        text = text[:-1] + f"; até hoje, {_dates(so_far)}, {count}."
    if w.holidays:
        text += " Feriados no período: " + "; ".join(f"{fmt.day(d)} ({name})" for d, name in w.holidays) + "."
    return _done(replace(question, period=period), text)


def holidays(db: Dataset, question: Question, today: date) -> Answer:
    if question.versus:
        return _each_period(holidays, db, question, today)
    period, _ = _calendar_period(question, today)
    w = q.working_days_in(db, period)
    if not w.holidays:
        return _done(question, f"Não há feriados nacionais {_dates(period)}.")
    listed = "; ".join(f"{fmt.day(d)} ({name})" for d, name in w.holidays)
    done = _done(question, f"Feriados nacionais {_dates(period)}: {listed}.")
    # "qnt gente trabalhou nesse dia aí?": the holiday just named, as a breakdown by day remembers its rows
    named = [["holiday", d.isoformat(), d.isoformat(), 0.0] for d, _ in w.holidays]
    return replace(done, context={**done.context, "named_rows": named})


def expected_vs_worked(db: Dataset, question: Question, today: date) -> Answer:
    if not question.person:
        return _expected_for_anyone(db, question, today)
    if question.period is not None and question.period.start > today:
        # "qnts horas vou ter que fazer em dezembro?": the calendar's target; nothing is recorded yet
        count = len(rules.working_days(question.period, db.calendar.subdivision))
        text = (
            f"{_person(db, question).name}, {_dates(question.period)} (ainda por vir): "
            f"{fmt.plural(count, 'dia útil', 'dias úteis')}, {fmt.hours(count * db.calendar.daily_hours)} "
            f"esperadas ({fmt.hours(db.calendar.daily_hours)} líquidas por dia útil); 0,0 h apontadas até agora."
        )
        return _done(question, text)
    period, note = _covered(db, _month_so_far(question, today), today)
    e = q.expected_vs_worked(db, question.person or "", period)
    who = _person(db, question).name
    balance = "acima" if e.balance >= 0 else "abaixo"
    text = (
        f"{who}, {_dates(period)}{note}: {fmt.plural(e.working_days, 'dia útil', 'dias úteis')}, "
        f"{fmt.hours(e.expected_hours)} esperadas ({fmt.hours(db.calendar.daily_hours)} líquidas por dia útil) e "
        f"{fmt.hours(e.worked_hours)} líquidas trabalhadas: {fmt.hours(abs(e.balance))} {balance} do esperado."
    )
    month = month_of(period.start.year, period.start.month)
    if period.start == month.start and period.end == today < month.end:
        # the month is not over: what closing it takes ("quanto falta pra fechar novembro?")
        days = len(rules.working_days(month, db.calendar.subdivision))
        whole = days * db.calendar.daily_hours
        text += (
            f" No mês inteiro ({_dates(month)}): {fmt.plural(days, 'dia útil', 'dias úteis')}, "
            f"{fmt.hours(whole)} esperadas; faltam {fmt.hours(max(0.0, whole - e.worked_hours))} para fechar o mês."
        )
    return _done(replace(question, period=question.period or period), text)


def missing_days(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, _month_so_far(question, today), today)
    scope = _scope(db, question, person_label=False)
    where = f"{_dates(period)}{note}"
    if question.person:
        who = _person(db, question).name
        mine = q.person_missing_days(db, question.person, period)
        total = len(rules.working_days(period, db.calendar.subdivision))
        if not mine.days:
            every = "no único dia útil" if total == 1 else f"em todos os {total} dias úteis"
            text = f"{who} apontou {every} {where}: 0 dias sem apontamento."
        else:
            text = (
                f"{who} ficou sem apontar em {fmt.plural(len(mine.days), 'dia útil', 'dias úteis')} "
                f"dos {fmt.integer(total)} {where}: " + ", ".join(f"{d:%d/%m}" for d in mine.days) + "."
            )
        return _done(question, text)
    m = q.missing_days(db, period, question.contract)
    if m.working_days == 0:
        return _done(question, f"Não há dias úteis com dados {where}.")
    if not m.people:
        every = "no único dia útil" if m.working_days == 1 else f"em todos os {fmt.integer(m.working_days)} dias úteis"
        return _done(question, f"Todos os recursos{scope} apontaram {every} {where}: 0 recursos sem apontar.")
    days = f"{where} (dia útil)" if m.working_days == 1 else f"em algum dos {m.working_days} dias úteis {where}"
    text = f"{fmt.plural(len(m.people), 'recurso')}{scope} ficaram sem apontar {days}:\n" + _lines(
        [f"{p.resource.name}: {fmt.plural(len(p.days), 'dia')} ({_days_list(p.days)})" for p in m.people]
    )
    if len(m.people) == 1:
        text = text.replace("recurso" + scope + " ficaram", "recurso" + scope + " ficou", 1)
    rows = [[p.resource.name, str(len(p.days)), _days_list(p.days, 10)] for p in m.people]
    return _done(question, text, _table(f"Sem apontamento{scope}", ["Recurso", "Dias", "Datas"], rows))


def _days_list(days: list[date], limit: int = 5) -> str:
    shown = ", ".join(f"{d:%d/%m}" for d in days[:limit])
    return shown + (f" e mais {len(days) - limit}" if len(days) > limit else "")


def _span_line(s: q.Span) -> str:
    return f"{s.resource.name}, {fmt.day(s.day)}, entrada {s.start:%H:%M}" + (
        f", {fmt.hours(s.hours)}" if s.hours is not None else ", sem saída"
    )


def open_spans(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today)
    o = q.open_spans(db, period, question.contract, resource=question.person)
    scope = _scope(db, question)
    if not o.total:
        return _done(question, f"Nenhum apontamento sem saída{scope} {_dates(period)}{note}: 0 apontamentos.")
    shown = f" (os {len(o.spans)} mais recentes na tabela)" if o.total > len(o.spans) else ""
    text = f"{fmt.plural(o.total, 'apontamento')} sem saída{scope} {_dates(period)}{note}{shown}:\n" + _lines(
        [_span_line(s) for s in o.spans]
    )
    rows = [[s.resource.name, fmt.day(s.day), f"{s.start:%H:%M}", s.contract] for s in o.spans]
    return _done(question, text, _table("Sem saída", ["Recurso", "Dia", "Entrada", "Contrato"], rows))


def _part_label(db: Dataset, number: str) -> str:
    """A supplier contract as a line names it: the part the asker sees ("parte E6888780 do contrato 8447")."""
    words, part = contract_words(db, number)
    return words[0].upper() + words[1:] if part else number


def unvalidated(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today)
    u = q.unvalidated(db, period, question.contract)
    scope = _scope(db, question, person_label=False)
    text = f"{fmt.plural(u.total, 'apontamento')} não validados{scope} {_dates(period)}{note}."
    if u.total == 1:
        text = text.replace("validados", "validado", 1)
    if u.by_contract:
        text += "\n" + _lines(
            [
                f"{_part_label(db, c.contract)}: {fmt.plural(c.unvalidated, 'apontamento')} — validam: "
                + (", ".join(c.validators) or "—")
                for c in u.by_contract
            ]
        )
    rows = [[c.contract, fmt.integer(c.unvalidated), ", ".join(c.validators)] for c in u.by_contract]
    return _done(question, text, _table("Não validados", ["Contrato", "Pendentes", "Validadores"], rows))


def _person_days(
    db: Dataset, question: Question, days: list[q.PersonDay], what: str, period: Period, note: str, title: str
) -> Answer:
    people = len({d.resource.id for d in days})
    scope = _scope(db, question)
    if not days:
        nobody = "não trabalhou (0,0 h)" if question.person else "ninguém trabalhou (0 recursos, 0,0 h)"
        return _done(question, f"0 dias de trabalho {what}{scope} {_dates(period)}{note}: {nobody}.")
    summed = fmt.hours(sum(d.hours for d in days))  # "quantas horas no feriado de 7 de setembro?": the total too
    text = (
        f"{fmt.plural(len(days), 'dia')} de trabalho {what}{scope} {_dates(period)}{note} "
        f"({fmt.plural(people, 'recurso')}, {summed} líquidas no total):\n"
        + _lines([f"{d.resource.name}: {fmt.day_with_weekday(d.day)}, {fmt.hours(d.hours)}" for d in days])
    )
    rows = [[d.resource.name, fmt.day_with_weekday(d.day), fmt.hours(d.hours)] for d in days]
    done = _done(question, text, _table(title, ["Recurso", "Dia", "Horas"], rows))
    listed = list(dict.fromkeys(d.resource.id for d in days))  # "e a Renata Ferreira?": one of these
    return replace(done, context={**done.context, "named_people": listed})


def weekend_work(db: Dataset, question: Question, today: date) -> Answer:
    if question.versus:
        return _each_period(weekend_work, db, question, today)  # "em outubro e em novembro": each month's weekends
    period, note = _covered(db, question.period, today)
    days = q.weekend_work(db, period, question.contract, question.person)
    return _person_days(db, question, days, "em fim de semana", period, note, "Fim de semana")


def holiday_work(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today)
    days = q.holiday_work(db, period, question.contract, question.person)
    return _person_days(db, question, days, "em feriado nacional", period, note, "Feriados")


def days_above(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today)
    limit = float(question.hours or 0)
    days = q.days_above(db, limit, period, question.basis, question.contract, question.person)
    scope = _scope(db, question)
    threshold = f"{fmt.hours(limit)} {_basis(question)}"
    if not days:
        return _done(question, f"Nenhum dia{scope} passou de {threshold} {_dates(period)}{note}: 0 dias.")
    people = len({d.resource.id for d in days})
    who = _person(db, question).name if question.person else f"{fmt.plural(people, 'recurso')}{scope}"
    text = (
        f"{who} passaram de {threshold} em um dia {_dates(period)}{note} "
        f"({fmt.plural(len(days), 'dia')} no total):\n"
        # one person's days need no name on each line
        + _lines(
            [f"{'' if question.person else f'{d.resource.name}: '}{fmt.day(d.day)}, {fmt.hours(d.hours)}" for d in days]
        )
    )
    if people == 1:
        text = text.replace("passaram", "passou", 1)
    rows = [[d.resource.name, fmt.day(d.day), fmt.hours(d.hours)] for d in days]
    return _done(question, text, _table(f"Mais de {threshold} por dia", ["Recurso", "Dia", "Horas"], rows))


def average_span(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today)
    a = q.average_span(db, question.person, period, question.contract)
    who = f", de {_person(db, question).name}" if question.person else ""
    who += f", do contrato {question.contract}" if question.contract else ""
    if not a.spans:
        return _done(question, f"Nenhum apontamento com saída{who} {_dates(period)}{note}.")
    text = (
        f"Duração média de um apontamento (da entrada à saída, bruta){who}, {_dates(period)}{note}: "
        f"{fmt.hours(a.average_hours)} ({fmt.plural(a.spans, 'apontamento')} com saída)."
    )
    return _done(question, text)


def hours_per_day(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today)
    h = q.hours_per_day(db, resource=question.person, contract=question.contract, period=period)
    if h.resource:
        who = _person(db, question).name
    elif h.contract:
        who = (
            _part_label(db, h.contract.number)
            if contract_words(db, h.contract.number)[1]
            else f"Contrato {h.contract.number}"
        )
    else:
        who = "Todos os recursos"
    if h.average is None:
        return _done(question, f"{who}: nenhum dia com apontamento {_dates(period)}{note} (0,0 h).")
    text = (
        f"{who}: {fmt.hours(h.average)} líquidas por dia trabalhado {_dates(period)}{note} "
        f"({fmt.hours(h.net_hours)} em {fmt.plural(h.worked_days, 'dia')} com apontamento"
        + (", contando cada pessoa e dia" if not h.resource else "")
        + ")."
    )
    return _done(question, text)


def _gestor(db: Dataset) -> bool:
    return isinstance(db, ScopedDataset) and db.scope.role == "gestor"


def _expected_for_anyone(db: Dataset, question: Question, today: date) -> Answer:
    """The hours anyone is expected to record in a period: working days times the daily hours."""
    period = whole = _month_so_far(question, today)
    # "quanto era pra ter dado o time todo" from a gestor: his team, the contracts he sees
    team = bool(question.contract) or (_gestor(db) and (question.everyone or question.team))
    if team and period.start <= today < period.end:
        period = Period(period.start, today)  # what its people did so far beside what was expected so far
    count = len(rules.working_days(period, db.calendar.subdivision))
    expected = count * db.calendar.daily_hours
    text = (
        f"{_dates(period).capitalize()}: {fmt.plural(count, 'dia útil', 'dias úteis')}, então "
        f"{fmt.hours(expected)} líquidas esperadas de cada pessoa "
        f"({fmt.hours(db.calendar.daily_hours)} por dia útil)."
    )
    if period != whole:
        days = len(rules.working_days(whole, db.calendar.subdivision))
        text += (
            f" No período inteiro ({_dates(whole)}): {fmt.plural(days, 'dia útil', 'dias úteis')}, "
            f"{fmt.hours(days * db.calendar.daily_hours)} de cada pessoa."
        )
    if team:
        # "horas esperadas do 7712 em setembro": what its people did, beside what each was expected to do
        t = q.total_hours(db, contract=question.contract, period=period)
        text += (
            f" A equipe{_scope(db, question)} fez {fmt.hours(t.net_hours)} líquidas, com "
            f"{fmt.plural(t.resources, 'recurso')}; se cada um cumprisse todos os dias úteis, seriam "
            f"{fmt.hours(t.resources * expected)}."
        )
    else:
        text += " O saldo de alguém: “saldo de horas da Ana em outubro”."
    return _done(replace(question, period=period), text)


def validators(db: Dataset, question: Question, today: date) -> Answer:
    if not (question.person or question.contract):
        rows = q.validators_by_contract(db)
        if not rows:
            return _done(question, "Nenhum apontamento foi validado ainda.")
        lines = [f"{contract}: {', '.join(names)}" for contract, names in rows]
        table = _table("Validadores por contrato", ["Contrato", "Validadores"], [[c, ", ".join(n)] for c, n in rows])
        return _done(question, "Quem validou apontamentos, por contrato:\n" + _lines(lines), table)
    v = q.validators(db, resource=question.person, contract=question.contract)
    whose = f"de {_person(db, question).name}" if question.person else f"do contrato {v.contract.number}"  # type: ignore[union-attr]
    if not v.names:
        return _done(question, f"Nenhum apontamento {whose} foi validado ainda.")
    span = f" ({_dates(Period(db.first_day, db.last_day))})" if db.first_day and db.last_day else ""
    return _done(question, f"Quem validou os apontamentos {whose}{span}: {', '.join(v.names)}.")


def week_comparison(db: Dataset, question: Question, today: date) -> Answer:
    w = q.week_comparison(db, today, contract=question.contract, resource=question.person)
    change = w.this_week.net_hours - w.last_week.net_hours
    sign = "+" if change >= 0 else "−"  # a real minus sign, as the hours' difference has
    percent = f" ({sign}{fmt.number(abs(100 * change / w.last_week.net_hours))}%)" if w.last_week.net_hours else ""
    scope = _scope(db, question)
    text = (
        f"Esta semana{scope}, {_dates(w.this_week.period)}: {fmt.hours(w.this_week.net_hours)} líquidas, "
        f"{fmt.plural(w.this_week.entries, 'apontamento')}, {fmt.plural(w.this_week.resources, 'recurso')}.\n"
        f"Mesmos dias da semana passada, {_dates(w.last_week.period)}: {fmt.hours(w.last_week.net_hours)} líquidas, "
        f"{fmt.plural(w.last_week.entries, 'apontamento')}, {fmt.plural(w.last_week.resources, 'recurso')}.\n"
        f"Diferença: {'+' if change >= 0 else '−'}{fmt.hours(abs(change))}{percent}."
    )
    return _done(replace(question, period=w.this_week.period), text)  # "que horas entrei em cada dia?": this week


def outliers(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today)
    o = q.outliers(db, period, contract=question.contract, resource=question.person, above=question.hours)
    scope = _scope(db, question)
    norm = (
        f"acima de {fmt.hours(o.threshold_hours)} brutas, o limite calculado sobre todos os apontamentos do "
        f"período; a mediana é {fmt.hours(o.median_hours)}"
    )
    if question.hours is not None:  # "apontamentos com mais de 12h": the bound asked, from clock-in to clock-out
        norm = f"mais de {fmt.hours(question.hours)} brutas entre a entrada e a saída"
    if not o.spans:
        text = f"Nenhum apontamento fora do padrão{scope} {_dates(period)}{note} ({norm}): 0 apontamentos."
        if question.hours is not None:
            text = f"Nenhum apontamento com {norm}{scope} {_dates(period)}{note}: 0 apontamentos."
        return _done(question, text)
    shown = f"; os {len(o.spans)} mais longos na tabela" if o.total > len(o.spans) else ""
    long_spans = fmt.plural(o.total, "apontamento muito longo", "apontamentos muito longos")
    if question.hours is not None:
        long_spans = fmt.plural(o.total, "apontamento longo", "apontamentos longos")
    text = f"{long_spans}{scope} {_dates(period)}{note} ({norm}{shown}):\n" + _lines([_span_line(s) for s in o.spans])
    rows = [[s.resource.name, fmt.day(s.day), fmt.hours(s.hours)] for s in o.spans]
    return _done(question, text, _table("Fora do padrão", ["Recurso", "Dia", "Horas"], rows))


def people_by(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today) if question.period else (None, "")
    people = q.people_by(
        db,
        technology=question.technology,
        profile=question.profile,
        level=question.level,
        contract=question.contract,
        period=period,
    )
    filters = ", ".join(
        v.lower() if v != question.technology else v
        for v in (question.technology, question.profile, question.level)
        if v
    )
    scope = f" no contrato {question.contract}" if question.contract else ""
    if period is not None:
        when = f" com apontamentos {_dates(period)}{note}"
    elif db.first_day and db.last_day:
        when = f" nos dados {_dates(Period(db.first_day, db.last_day))}"  # which data the count is over
    else:
        when = ""
    what = f"{f'com {filters}' if filters else ''}{scope}{when} (pelo cargo mais recente de cada um)".lstrip()
    if not people:
        return _done(question, f"Não encontrei recursos {what}.")
    text = f"{fmt.plural(len(people), 'recurso')} {what}:\n" + _lines(
        [f"{p.resource.name} ({p.contract}, {p.profile or '—'}, {p.level or '—'})" for p in people]
    )
    rows = [[p.resource.name, p.contract, p.technology or "—", p.profile or "—", p.level or "—"] for p in people]
    done = _done(
        question, text, _table(f"Recursos: {filters}", ["Recurso", "Contrato", "Tecnologia", "Perfil", "Nível"], rows)
    )
    # "quem é o scrum master do 8418?", then "quantas horas ele lançou?": the one listed; "deles": all of them
    named = {"named_people": [p.resource.id for p in people]} | (
        {"named": people[0].resource.id} if len(people) == 1 else {}
    )
    return replace(done, context={**done.context, **named})


# -- activities -------------------------------------------------------------------------------


def _activity_scope(db: Dataset, question: Question) -> str:
    """ " de Fulano", " do contrato 8446", " de Fulano no contrato 8446", or "" for everyone."""
    who = f" de {_person(db, question).name}" if question.person else ""
    return who + (_of_contract(db, q.contract_ref(db, question.contract).number) if question.contract else "")


def _of_contract(db: Dataset, number: str) -> str:
    """ " do contrato 8446", or " da parte E5067620 do contrato 8447" for an asker who sees only that part."""
    words, part = contract_words(db, number)
    return f" {'da' if part else 'do'} {words}"


def _percent(share: float) -> str:
    return f"{fmt.number(100 * share)}%"


def activity_list(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today)
    s = q.activity_summary(db, period, question.contract, question.person, order="entries")
    scope = _activity_scope(db, question)
    text = (
        f"{fmt.plural(len(s.activities), 'atividade')}{scope} {_dates(period)}{note}, mais frequentes primeiro:\n"
        + _lines([f"{a.activity}: {fmt.plural(a.entries, 'apontamento')}, {fmt.hours(a.hours)}" for a in s.activities])
    )
    if s.undescribed_entries:
        text += f"\n(Sem descrição de atividade: {fmt.plural(s.undescribed_entries, 'apontamento')}.)"
    rows = [[a.activity, fmt.integer(a.entries), fmt.hours(a.hours)] for a in s.activities]
    return _done(question, text, _table(f"Atividades{scope}", ["Atividade", "Apontamentos", "Horas"], rows))


def activity_ranking(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today)
    s = q.activity_summary(
        db,
        period,
        question.contract,
        question.person,
        order="entries" if question.by == "entries" else "hours",
        top=question.limit,
    )
    scope = _activity_scope(db, question)
    measure = "número de apontamentos" if question.by == "entries" else "horas líquidas"
    if question.by == "entries":
        lines = [
            f"{i}. {a.activity}: {fmt.plural(a.entries, 'apontamento')} ({fmt.hours(a.hours)})"
            for i, a in enumerate(s.activities, 1)
        ]
    else:
        lines = [
            # "no que o pessoal gastou tempo?": each one's hours and its part of them all
            f"{i}. {a.activity}: {fmt.hours(a.hours)} ({_percent(a.share)}, {fmt.plural(a.entries, 'apontamento')})"
            for i, a in enumerate(s.activities, 1)
        ]
    text = f"Ranking de atividades por {measure}{scope}, {_dates(period)}{note}:\n" + "\n".join(lines)
    rows = [[str(i), a.activity, fmt.hours(a.hours), fmt.integer(a.entries)] for i, a in enumerate(s.activities, 1)]
    return _done(question, text, _table(f"Atividades{scope}", [RANK, "Atividade", "Horas", "Apontamentos"], rows))


def activity_hours(db: Dataset, question: Question, today: date) -> Answer:
    period, note = _covered(db, question.period, today)
    gross = question.basis == "gross"
    m = q.activity_hours(db, question.activity or "", period, question.contract, question.person, question.basis)
    scope = _activity_scope(db, question)
    if len(m.activities) == 1:
        which = m.activities[0][:1].upper() + m.activities[0][1:]
    else:
        which = f"Atividades com “{m.words}” ({', '.join(m.activities)})"
    text = (
        f"{which}{scope}, {_dates(period)}{note}: {fmt.hours(m.hours)} {'brutas' if gross else 'líquidas'} em "
        f"{fmt.plural(m.entries, 'apontamento')}"
        + ("." if question.person or not m.entries else f", {fmt.plural(m.people, 'recurso')}.")  # who did it, too
    )
    return _done(question, text)


def person_activities(db: Dataset, question: Question, today: date) -> Answer:
    return activity_breakdown(db, question, today)


def activity_breakdown(db: Dataset, question: Question, today: date) -> Answer:
    """Hours by activity with each one's share: everyone, a contract or a person, over a period."""
    period, note = _covered(db, question.period, today)
    s = q.activity_summary(db, period, question.contract, question.person, order="hours")
    scope = _activity_scope(db, question)
    lines = [f"{a.activity}: {fmt.hours(a.hours)} ({_percent(a.share)})" for a in s.activities]
    if s.undescribed_entries:
        share = s.undescribed_hours / s.total_hours if s.total_hours else 0.0
        lines.append(f"sem descrição: {fmt.hours(s.undescribed_hours)} ({_percent(share)})")
    text = (
        f"Horas líquidas por atividade{scope}, {_dates(period)}{note} (total {fmt.hours(s.total_hours)}):\n"
        + _lines(lines)
    )
    rows = [[a.activity, fmt.hours(a.hours), _percent(a.share), fmt.integer(a.entries)] for a in s.activities]
    return _done(
        question, text, _table(f"Horas por atividade{scope}", ["Atividade", "Horas", "%", "Apontamentos"], rows)
    )


def activity_distribution(db: Dataset, question: Question, today: date) -> Answer:
    return activity_breakdown(db, question, today)
