"""The built-in Portuguese question engine: understanding + typed queries + pt-BR answers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import formatting as fmt
from . import queries as q
from .dataset import Dataset
from .errors import InvalidQuery
from .rules import Period, month_of
from .understanding import interpret

TEXT_ROWS = 15  # rows listed in a text answer; cards carry up to CARD_ROWS
CARD_ROWS = 50

EXAMPLES = (
    "Quais contratos temos?",
    "Mostre o contrato 8446",
    "Quem trabalha no contrato 7873?",
    "Ranking de horas do contrato 8446",
    "Quem não apontou de 01/09 a 30/09?",
    "Quantos dias úteis tem em novembro?",
    "Quem esqueceu de bater a saída?",
    "Quantas horas eu trabalhei esta semana?",
)


@dataclass(frozen=True)
class Table:
    """Tabular data a channel can show as a card; the text answer stands alone without it."""

    title: str
    columns: list[str]
    rows: list[list[str]]
    omitted: int = 0


@dataclass(frozen=True)
class Answer:
    text: str
    context: dict[str, Any]
    intent: str
    table: Table | None = None
    examples: tuple[str, ...] = field(default=())


def answer(db: Dataset, question: str, context: dict[str, Any], today: date, user: str = "") -> Answer:
    """Answer one question; `context` is what earlier turns of this conversation left."""
    context = dict(context)
    try:
        intent, _ = interpret(db, question, _restore(context), today)
        handler = HANDLERS.get(intent.name)
        if handler is None:
            return _static(intent.name, context)
        params = dict(intent.params)
        if params.pop("self", False) and params.get("resource") is None:
            params["resource"] = _self_resource(db, user)
        return handler(db, params, context, today)
    except q.AmbiguousResource as err:
        names = "\n".join(f"- {c.name} (id {c.id})" for c in err.candidates)
        text = f"Encontrei mais de um recurso para “{err.text}”. Qual deles?\n{names}"
        return Answer(text, context, "ambiguous_resource")
    except SelfUnknown as err:
        return Answer(str(err), context, "unknown_self")
    except InvalidQuery as err:
        return Answer(str(err), context, "invalid")


class SelfUnknown(InvalidQuery):
    pass


def _self_resource(db: Dataset, user: str) -> str:
    if user.strip():
        try:
            return q.resolve_resource(db, user).id
        except InvalidQuery:
            pass
    shown = f" (procurei por “{user.strip()}”)" if user.strip() else ""
    raise SelfUnknown(
        f"Não consegui identificar você entre os recursos{shown}. Diga o nome completo, por exemplo: "
        "“Quantas horas o recurso Ana Silva trabalhou esta semana?”"
    )


def _restore(context: dict[str, Any]) -> dict[str, Any]:
    """The context with stored periods turned back into Period values."""
    params = dict(context.get("params", {}))
    if isinstance(params.get("period"), list):
        params["period"] = Period(date.fromisoformat(params["period"][0]), date.fromisoformat(params["period"][1]))
    return {**context, "params": params}


def _remember(context: dict[str, Any], intent: str, params: dict[str, Any], **subject: Any) -> dict[str, Any]:
    stored = {k: v for k, v in params.items() if isinstance(v, str | int | float | bool) or v is None}
    if isinstance(params.get("period"), Period):
        stored["period"] = [params["period"].start.isoformat(), params["period"].end.isoformat()]
    updated = {**context, "intent": intent, "params": stored}
    if "contract" in subject and subject["contract"]:
        updated["contract"] = subject["contract"]
        updated["subject"] = "contract"
    if "resource" in subject and subject["resource"]:
        ref: q.ResourceRef = subject["resource"]
        updated["resource"] = {"id": ref.id, "name": ref.name}
        updated["subject"] = "resource"
    return updated


def _static(name: str, context: dict[str, Any]) -> Answer:
    examples = "\n".join(f"- {e}" for e in EXAMPLES)
    if name == "greeting":
        text = (
            "Olá! Eu respondo perguntas sobre os apontamentos de horas dos contratos de outsourcing. "
            f"Experimente:\n{examples}"
        )
    elif name == "ask_contract":
        text = (
            "De qual contrato? Diga o número do contrato de fornecedor (4 dígitos) "
            "ou de cliente (E seguido de 7 dígitos)."
        )
    elif name == "help":
        text = (
            "Posso responder sobre contratos, recursos, horas, dias úteis, faltas e validações. "
            f"Por exemplo:\n{examples}"
        )
    else:
        text = f"Não entendi a pergunta. Alguns exemplos do que sei responder:\n{examples}"
    return Answer(text, context, name, examples=EXAMPLES)


def _table(title: str, columns: list[str], rows: list[list[str]]) -> Table | None:
    """A card's table, or None when there is nothing to list (the text says so)."""
    if not rows:
        return None
    return Table(title, columns, rows[:CARD_ROWS], max(0, len(rows) - CARD_ROWS))


def _lines(rows: list[str]) -> str:
    shown = "\n".join(f"- {r}" for r in rows[:TEXT_ROWS])
    if len(rows) > TEXT_ROWS:
        shown += f"\n… e mais {fmt.integer(len(rows) - TEXT_ROWS)}."
    return shown


def _period_text(period: Period) -> str:
    return period.label()


# -- handlers ---------------------------------------------------------------------------------

Handler = Callable[[Dataset, dict[str, Any], dict[str, Any], date], Answer]


def _list_contracts(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    contracts = q.list_contracts(db, params.get("period"))
    period = params.get("period") or q.data_period(db, None)
    rows = [[c.contract, fmt.hours(c.hours), fmt.integer(c.entries), fmt.integer(c.resources)] for c in contracts]
    text = f"Há {fmt.plural(len(contracts), 'contrato')} com apontamentos em {_period_text(period)}:\n" + _lines(
        [f"{c.contract}: {fmt.hours(c.hours)}, {fmt.plural(c.resources, 'recurso')}" for c in contracts]
    )
    table = _table("Contratos", ["Contrato", "Horas", "Apontamentos", "Recursos"], rows)
    return Answer(text, _remember(context, "list_contracts", params), "list_contracts", table)


def _contract_details(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    d = q.contract_details(db, params["contract"], params.get("period"))
    name = f"Contrato {d.contract.number}" + (" (cliente)" if d.contract.kind == "cliente" else "")
    if d.entries == 0:
        text = f"{name}: nenhum apontamento em {_period_text(d.period)}."
    else:
        related = "Contratos de fornecedor" if d.contract.kind == "cliente" else "Contratos de cliente"
        text = (
            f"{name}, {_period_text(d.period)}:\n"
            f"- Horas: {fmt.hours(d.net_hours)} líquidas ({fmt.hours(d.gross_hours)} brutas)\n"
            f"- Apontamentos: {fmt.integer(d.entries)}"
            + (f" ({fmt.integer(d.open_spans)} sem saída)" if d.open_spans else "")
            + "\n"
            f"- Recursos: {fmt.integer(d.resources)}\n"
            f"- Tecnologias: {', '.join(d.technologies) or '—'}\n"
            f"- Perfis: {', '.join(d.profiles) or '—'}\n"
            f"- {related}: {', '.join(d.related_contracts) or '—'}\n"
            f"- Datas: {fmt.day(d.first_day)} a {fmt.day(d.last_day)}"  # type: ignore[arg-type]
        )
    return Answer(text, _remember(context, "contract_details", params, contract=d.contract.number), "contract_details")


def _contract_resources(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    ref = q.contract_ref(db, params["contract"])
    people = q.contract_resources(db, ref.number, params.get("period"))
    period = params.get("period") or q.data_period(db, None)
    new_context = _remember(context, "contract_resources", params, contract=ref.number)
    header = (
        f"O contrato {ref.number} tem {fmt.plural(len(people), 'recurso')} com apontamentos em {_period_text(period)}"
    )
    if params.get("count_only"):
        return Answer(header + ".", new_context, "contract_resources")
    text = header + ", por horas:\n" + _lines([f"{p.resource.name}: {fmt.hours(p.hours)}" for p in people])
    rows = [[p.resource.name, fmt.hours(p.hours), fmt.integer(p.entries)] for p in people]
    return Answer(
        text,
        new_context,
        "contract_resources",
        _table(f"Recursos do contrato {ref.number}", ["Recurso", "Horas", "Apontamentos"], rows),
    )


def _ranking(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    top = int(params.get("top") or 10)
    people = q.ranking(
        db,
        top=top,
        contract=params.get("contract"),
        technology=params.get("technology"),
        period=params.get("period"),
    )
    period = params.get("period") or q.data_period(db, None)
    scope = "".join(
        [
            f" do contrato {q.contract_ref(db, params['contract']).number}" if params.get("contract") else "",
            f" em {params['technology']}" if params.get("technology") else "",
        ]
    )
    text = f"Ranking de horas{scope}, {_period_text(period)}:\n" + "\n".join(
        f"{i}. {p.resource.name}: {fmt.hours(p.hours)}" for i, p in enumerate(people, 1)
    )
    if not people:
        text = f"Nenhum apontamento{scope} em {_period_text(period)}."
    rows = [[str(i), p.resource.name, fmt.hours(p.hours)] for i, p in enumerate(people, 1)]
    subject = {"contract": q.contract_ref(db, params["contract"]).number} if params.get("contract") else {}
    return Answer(
        text,
        _remember(context, "ranking", params, **subject),
        "ranking",
        _table(f"Ranking de horas{scope}", ["#", "Recurso", "Horas"], rows),
    )


def _resource_contracts(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    r = q.resource_contracts(db, params["resource"], params.get("period"))
    text = f"{r.resource.name} apontou em {fmt.plural(len(r.contracts), 'contrato')}:\n" + _lines(
        [f"{c.contract} ({c.client_contract}): {fmt.hours(c.hours)}" for c in r.contracts]
    )
    return Answer(text, _remember(context, "resource_contracts", params, resource=r.resource), "resource_contracts")


def _total_hours(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    t = q.total_hours(db, resource=params.get("resource"), contract=params.get("contract"), period=params.get("period"))
    if t.resource:
        who = t.resource.name + (f" no contrato {t.contract.number}" if t.contract else "")
        subject: dict[str, Any] = {"resource": t.resource}
    elif t.contract:
        who = f"O contrato {t.contract.number}"
        subject = {"contract": t.contract.number}
    else:
        who = "Todos os recursos"
        subject = {}
    verb = "somou" if t.resource is None else "trabalhou"
    text = (
        f"{who} {verb} {fmt.hours(t.net_hours)} líquidas em {_period_text(t.period)} "
        f"({fmt.hours(t.gross_hours)} brutas, {fmt.plural(t.entries, 'apontamento')}"
        + (f", {fmt.plural(t.resources, 'recurso')}" if t.resource is None else "")
        + (f", {fmt.integer(t.open_spans)} sem saída" if t.open_spans else "")
        + ")."
    )
    return Answer(text, _remember(context, "total_hours", params, **subject), "total_hours")


def _period_summary(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    s = q.period_summary(db, params["period"])
    text = (
        f"Resumo de {_period_text(s.period)}:\n- Horas: {fmt.hours(s.net_hours)}\n"
        f"- Apontamentos: {fmt.integer(s.entries)}\n- Recursos: {fmt.integer(s.resources)}\n"
        f"- Contratos: {fmt.integer(s.contracts)}\n- Sem saída: {fmt.integer(s.open_spans)}\n"
        f"- Não validados: {fmt.integer(s.unvalidated)}"
    )
    return Answer(text, _remember(context, "period_summary", params), "period_summary")


def _default_month(params: dict[str, Any], today: date) -> Period:
    return params.get("period") or Period(today.replace(day=1), today)


def _resource_days(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    period = _default_month(params, today)
    r = q.resource_days(db, params["resource"], period)
    rows = [[fmt.day(d.day), fmt.clock(d.first_start), fmt.clock(d.last_end), fmt.hours(d.net_hours)] for d in r.days]
    text = (
        f"{r.resource.name}, {_period_text(period)}, dia a dia:\n"
        + _lines(
            [
                f"{fmt.day(d.day)}: {fmt.clock(d.first_start)}–{fmt.clock(d.last_end)}, {fmt.hours(d.net_hours)}"
                for d in r.days
            ]
        )
        if r.days
        else f"{r.resource.name} não tem apontamentos em {_period_text(period)}."
    )
    return Answer(
        text,
        _remember(context, "resource_days", {**params, "period": period}, resource=r.resource),
        "resource_days",
        _table(r.resource.name, ["Dia", "Entrada", "Saída", "Horas"], rows),
    )


def _working_days(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    period = params.get("period") or month_of(today.year, today.month)
    w = q.working_days_in(db, period)
    holidays = "; ".join(f"{fmt.day(d)} ({name})" for d, name in w.holidays)
    text = f"{_period_text(period).capitalize()} tem {fmt.plural(w.count, 'dia útil', 'dias úteis')}."
    if holidays:
        text += f" Feriados nacionais no período: {holidays}."
    return Answer(text, _remember(context, "working_days", {**params, "period": period}), "working_days")


def _expected(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    period = _default_month(params, today)
    e = q.expected_vs_worked(db, params["resource"], period)
    balance = "acima" if e.balance >= 0 else "abaixo"
    text = (
        f"{e.resource.name}, {_period_text(period)}: {fmt.plural(e.working_days, 'dia útil', 'dias úteis')}, "
        f"{fmt.hours(e.expected_hours)} esperadas e {fmt.hours(e.worked_hours)} trabalhadas "
        f"({fmt.hours(abs(e.balance))} {balance} do esperado)."
    )
    return Answer(
        text,
        _remember(context, "expected_vs_worked", {**params, "period": period}, resource=e.resource),
        "expected_vs_worked",
    )


def _missing(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    period = _default_month(params, today)
    m = q.missing_days(db, period, params.get("contract"))
    scope = f" do contrato {m.contract.number}" if m.contract else ""
    if m.working_days == 0:
        text = f"Não há dias úteis com apontamentos registrados em {_period_text(period)}."
    elif not m.people:
        text = f"Todos os recursos{scope} apontaram em todos os {m.working_days} dias úteis de {_period_text(period)}."
    else:
        text = (
            f"{fmt.plural(len(m.people), 'recurso')}{scope} não apontaram em algum dos "
            f"{fmt.plural(m.working_days, 'dia útil', 'dias úteis')} de {_period_text(period)}:\n"
            + _lines([f"{p.resource.name}: {fmt.plural(len(p.days), 'dia')} ({_days_list(p.days)})" for p in m.people])
        )
    rows = [[p.resource.name, str(len(p.days)), _days_list(p.days, 10)] for p in m.people]
    subject = {"contract": m.contract.number} if m.contract else {}
    return Answer(
        text,
        _remember(context, "missing_days", {**params, "period": period}, **subject),
        "missing_days",
        _table(f"Sem apontamento{scope}", ["Recurso", "Dias", "Datas"], rows),
    )


def _days_list(days: list[date], limit: int = 5) -> str:
    shown = ", ".join(f"{d:%d/%m}" for d in days[:limit])
    return shown + (f" e mais {len(days) - limit}" if len(days) > limit else "")


def _span_line(s: q.Span) -> str:
    return f"{s.resource.name}, {fmt.day(s.day)}, entrada {s.start:%H:%M}" + (
        f", {fmt.hours(s.hours)}" if s.hours is not None else ", sem saída"
    )


def _open_spans(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    o = q.open_spans(db, params.get("period"), params.get("contract"))
    if not o.spans:
        text = f"Nenhum apontamento sem saída em {_period_text(o.period)}."
    else:
        shown = f" (os {len(o.spans)} mais recentes na tabela)" if o.total > len(o.spans) else ""
        text = f"{fmt.plural(o.total, 'apontamento')} sem saída em {_period_text(o.period)}{shown}:\n" + _lines(
            [_span_line(s) for s in o.spans]
        )
    rows = [[s.resource.name, fmt.day(s.day), f"{s.start:%H:%M}", s.contract] for s in o.spans]
    return Answer(
        text,
        _remember(context, "open_spans", params),
        "open_spans",
        _table("Sem saída", ["Recurso", "Dia", "Entrada", "Contrato"], rows),
    )


def _unvalidated(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    u = q.unvalidated(db, params.get("period"), params.get("contract"))
    text = f"{fmt.plural(u.total, 'apontamento')} não validados em {_period_text(u.period)}."
    if u.by_contract:
        text += "\n" + _lines(
            [
                f"{c.contract}: {fmt.integer(c.unvalidated)} — validam: {', '.join(c.validators) or '—'}"
                for c in u.by_contract
            ]
        )
    rows = [[c.contract, fmt.integer(c.unvalidated), ", ".join(c.validators)] for c in u.by_contract]
    return Answer(
        text,
        _remember(context, "unvalidated", params),
        "unvalidated",
        _table("Não validados", ["Contrato", "Pendentes", "Validadores"], rows),
    )


def _weekend(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    days = q.weekend_work(db, params.get("period"))
    period = params.get("period") or q.data_period(db, None)
    text = (
        f"{fmt.plural(len(days), 'dia')} de trabalho em fim de semana em {_period_text(period)}:\n"
        + _lines([f"{d.resource.name}: {fmt.day_with_weekday(d.day)}, {fmt.hours(d.hours)}" for d in days])
        if days
        else f"Ninguém apontou em fim de semana em {_period_text(period)}."
    )
    rows = [[d.resource.name, fmt.day_with_weekday(d.day), fmt.hours(d.hours)] for d in days]
    return Answer(
        text,
        _remember(context, "weekend_work", params),
        "weekend_work",
        _table("Fim de semana", ["Recurso", "Dia", "Horas"], rows),
    )


def _days_above(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    limit = float(params["hours"])
    days = q.days_above(db, limit, params.get("period"))
    period = params.get("period") or q.data_period(db, None)
    people = len({d.resource.id for d in days})
    text = (
        f"{fmt.plural(people, 'recurso')} trabalharam mais de {fmt.hours(limit)} em um dia em "
        f"{_period_text(period)} ({fmt.plural(len(days), 'dia')}):\n"
        + _lines([f"{d.resource.name}: {fmt.day(d.day)}, {fmt.hours(d.hours)}" for d in days])
        if days
        else f"Ninguém trabalhou mais de {fmt.hours(limit)} em um dia em {_period_text(period)}."
    )
    rows = [[d.resource.name, fmt.day(d.day), fmt.hours(d.hours)] for d in days]
    return Answer(
        text,
        _remember(context, "days_above", params),
        "days_above",
        _table(f"Mais de {fmt.hours(limit)} por dia", ["Recurso", "Dia", "Horas"], rows),
    )


def _average(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    a = q.average_span(db, params.get("resource"), params.get("period"))
    who = a.resource.name if a.resource else "Todos os recursos"
    text = (
        f"{who}: duração média de {fmt.hours(a.average_hours)} por apontamento em {_period_text(a.period)} "
        f"({fmt.plural(a.spans, 'apontamento')} com saída)."
    )
    subject = {"resource": a.resource} if a.resource else {}
    return Answer(text, _remember(context, "average_span", params, **subject), "average_span")


def _outliers(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    o = q.outliers(db, params.get("period"))
    text = (
        f"Apontamentos muito longos em {_period_text(o.period)} (acima de {fmt.hours(o.threshold_hours)}; "
        f"a mediana é {fmt.hours(o.median_hours)}):\n" + _lines([_span_line(s) for s in o.spans])
        if o.spans
        else f"Nenhum apontamento fora do padrão em {_period_text(o.period)}."
    )
    rows = [[s.resource.name, fmt.day(s.day), fmt.hours(s.hours)] for s in o.spans]
    return Answer(
        text,
        _remember(context, "outliers", params),
        "outliers",
        _table("Fora do padrão", ["Recurso", "Dia", "Horas"], rows),
    )


def _week(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    w = q.week_comparison(db, today)
    change = w.this_week.net_hours - w.last_week.net_hours
    percent = f" ({fmt.number(100 * change / w.last_week.net_hours)}%)" if w.last_week.net_hours else ""
    text = (
        f"Esta semana ({_period_text(w.this_week.period)}): {fmt.hours(w.this_week.net_hours)}, "
        f"{fmt.plural(w.this_week.entries, 'apontamento')}, {fmt.plural(w.this_week.resources, 'recurso')}.\n"
        f"Mesmos dias da semana passada ({_period_text(w.last_week.period)}): {fmt.hours(w.last_week.net_hours)}, "
        f"{fmt.plural(w.last_week.entries, 'apontamento')}, {fmt.plural(w.last_week.resources, 'recurso')}.\n"
        f"Diferença: {'+' if change >= 0 else '−'}{fmt.hours(abs(change))}{percent}."
    )
    return Answer(text, _remember(context, "week_comparison", params), "week_comparison")


def _people_by(db: Dataset, params: dict[str, Any], context: dict[str, Any], today: date) -> Answer:
    people = q.people_by(
        db,
        technology=params.get("technology"),
        profile=params.get("profile"),
        level=params.get("level"),
        contract=params.get("contract"),
    )
    filters = ", ".join(str(v) for k, v in params.items() if v and k != "contract")
    text = (
        f"{fmt.plural(len(people), 'recurso')} com {filters}:\n"
        + _lines([f"{p.resource.name} ({p.contract}, {p.profile or '—'}, {p.level or '—'})" for p in people])
        if people
        else f"Não encontrei recursos com {filters}."
    )
    rows = [[p.resource.name, p.contract, p.technology or "—", p.profile or "—", p.level or "—"] for p in people]
    return Answer(
        text,
        _remember(context, "people_by", params),
        "people_by",
        _table(f"Recursos: {filters}", ["Recurso", "Contrato", "Tecnologia", "Perfil", "Nível"], rows),
    )


HANDLERS: dict[str, Handler] = {
    "list_contracts": _list_contracts,
    "contract_details": _contract_details,
    "contract_resources": _contract_resources,
    "ranking": _ranking,
    "resource_contracts": _resource_contracts,
    "total_hours": _total_hours,
    "period_summary": _period_summary,
    "resource_days": _resource_days,
    "working_days": _working_days,
    "expected_vs_worked": _expected,
    "missing_days": _missing,
    "open_spans": _open_spans,
    "unvalidated": _unvalidated,
    "weekend_work": _weekend,
    "days_above": _days_above,
    "average_span": _average,
    "outliers": _outliers,
    "week_comparison": _week,
    "people_by": _people_by,
}
