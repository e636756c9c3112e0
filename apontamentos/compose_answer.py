"""The one renderer of compositions: the first line states the composition, then a value, a table or a share.

"Horas líquidas por mês do contrato 8446, de 01/09/2026 a 25/11/2026:" — measure, grouping, filters, dates.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from . import formatting as fmt
from . import queries as q
from .answers import MONTH_DAYS, TEXT_ROWS, Answer, Table, _covered, _dates, _lines, _table
from .compose_sql import Result, among_people, run, side_by_side
from .compose_sql import idle as idle_people
from .composition import GROUPS, MEASURES, Composition
from .dataset import Dataset, normalize
from .errors import InvalidQuery
from .question import Question
from .rules import MONTHS, WEEKDAYS, Period, month_of
from .scope import contract_words


def _person(db: Dataset, value: Any) -> str:
    return f"de {q.resolve_resource(db, value).name}"


def _contract(db: Dataset, value: Any) -> str:
    ref = q.contract_ref(db, value)
    words, part = contract_words(db, ref.number)
    if part:
        return f"da {words}"  # a gestor granted a client contract of it sees that part only
    return f"do contrato {'de cliente ' if ref.kind == 'cliente' else ''}{ref.number}"


def _activity(db: Dataset, value: Any) -> str:
    from .compose_sql import activity_keys

    shown = [db.activities[k] for k in activity_keys(db, value)]
    return f"em “{shown[0]}”" if len(shown) == 1 else f"nas atividades com “{value}” ({', '.join(shown)})"


# Weekdays as a recurring filter reads them: "às segundas-feiras", "aos sábados".
_ON_WEEKDAYS = ("às segundas-feiras", "às terças-feiras", "às quartas-feiras", "às quintas-feiras")
_ON_WEEKDAYS += ("às sextas-feiras", "aos sábados", "aos domingos")


def _weekdays(days: tuple[int, ...]) -> str:
    if tuple(days) == (6, 7):
        return "nos fins de semana (sábados e domingos)"
    if tuple(days) == (1, 2, 3, 4, 5):
        return "de segunda a sexta-feira"
    named = [_ON_WEEKDAYS[int(d) - 1] for d in days]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " e " + named[-1]


# One entry per filter of composition.FILTERS: how the first line names it.
FILTER_LABELS: dict[str, Any] = {
    "person": _person,
    "contract": _contract,
    "activity": _activity,
    "technology": lambda db, v: f"de {v}",
    "profile": lambda db, v: f"de perfil {str(v).lower()} (cargo mais recente)",
    "level": lambda db, v: f"de nível {str(v).lower()} (cargo mais recente)",
    "weekday": lambda db, v: _weekdays(v),
    "validated": lambda db, v: "de apontamentos validados" if v else "de apontamentos não validados",
}


def first_line(db: Dataset, c: Composition, dates: str) -> str:
    """What was computed, in words: measure, grouping, order and limit, filters, period."""
    label = MEASURES[c.measure].label.format(basis="brutas" if c.basis == "gross" else "líquidas")
    masculine = label.lower().startswith("apontamentos")  # "dos apontamentos", "das horas"
    if c.output == "share" and c.group:
        label = (
            f"Parte de cada {GROUPS[c.group].label.removeprefix('por ')} n{'o' if masculine else 'a'}s {label.lower()}"
        )
    elif c.output == "share" and c.part:
        label = f"Parte {FILTER_LABELS[c.part](db, getattr(c, c.part))} d{'o' if masculine else 'a'}s {label.lower()}"
    elif c.output == "share":
        label = f"Parte {_activity(db, c.share_of)} d{'o' if masculine else 'a'}s {label.lower()}"
    shown = [name for name in FILTER_LABELS if getattr(c, name) is not None and name != c.part]
    if c.measure == "entries" and c.validated is not None and c.output != "share":
        label = "Apontamentos validados" if c.validated else "Apontamentos não validados"  # not "… de apontamentos …"
        shown.remove("validated")
    if c.group == "person":
        label = label.replace(" (por pessoa)", "")  # not "… (por pessoa) por pessoa"
    parts = [label]
    if c.group and c.output != "share":
        parts.append(GROUPS[c.group].label)
    if c.among:
        person = among_people(c)
        shown_keys = [q.resolve_resource(db, v).name if person else v for v in c.among]
        if len(shown_keys) > 4:  # the eight people of the last list: named there, counted here
            parts.append(f"(dos {len(shown_keys)} {'recursos' if person else 'contratos'} listados antes)")
        else:
            parts.append(f"({', '.join(shown_keys[:-1])} e {shown_keys[-1]})")
    parts.extend(FILTER_LABELS[name](db, getattr(c, name)) for name in shown)
    if c.above is not None:
        parts.append(f"acima de {_value(c, c.above)}")
    if c.below is not None:
        parts.append(f"abaixo de {_value(c, c.below)}")
    line = " ".join(parts) + f", {dates}"
    if c.limit is not None and c.group:
        which = "os que menos tiveram" if c.order == "asc" else "os que mais tiveram"
        line += f" ({which}: {c.limit})" if c.limit > 1 else (" (o menor)" if c.order == "asc" else " (o maior)")
    elif c.group and (c.group not in ("day", "weekday", "week", "month") or c.order == "asc"):
        line += " (do menor para o maior)" if c.order == "asc" else " (do maior para o menor)"
    return line


# What a count counts, so a figure never stands bare ("397 apontamentos", "41 recursos").
NOUNS = {
    "entries": ("apontamento", "apontamentos"),
    "people": ("recurso", "recursos"),
    "days": ("dia", "dias"),
    "idle_people": ("recurso", "recursos"),
    "open_spans": ("apontamento sem saída", "apontamentos sem saída"),
}


def _value(c: Composition, value: Any) -> str:
    unit = MEASURES[c.measure].unit
    if value is None:
        return "—"
    if unit == "hours":
        return fmt.hours(float(value))
    if unit == "date":
        return fmt.day_with_weekday(value)
    singular, plural = NOUNS[c.measure]
    return fmt.plural(int(value), singular, plural)


def key_text(db: Dataset, c: Composition, key: Any) -> str:
    """A group's key in words: a person's name, a contract, an activity, a day, a week, a month."""
    if key is None:
        return "sem contrato" if c.group in ("contract", "client") else "sem descrição"
    if c.group == "person":
        return db.refs[int(key)].name
    if c.group in ("contract", "client"):
        return str(key)
    if c.group == "activity":
        return db.activities.get(key, str(key))
    if c.group == "weekday":
        return WEEKDAYS[int(key) - 1]
    if c.group == "week":
        return f"semana de {fmt.day(key)}"
    if c.group == "month":
        return f"{MONTHS[key.month - 1]}/{key.year}"
    if isinstance(key, date):
        return fmt.day_with_weekday(key)
    return str(key)


def _percent(part: float, whole: float) -> str:
    return f"{fmt.number(100 * part / whole)}%" if whole else "—"


def render(db: Dataset, question: Question, today: date) -> Answer:
    """The answer to a composed question (kind "compose")."""
    c = composition_of(question)
    period, note = _covered(db, c.period, today)
    if c.share_of and c.group:
        raise InvalidQuery("Não consigo dar a parte de uma atividade dividida por grupos; pergunte sem a divisão.")
    if c.versus is not None:
        return _compare(db, question, c, period, note, today)
    result, runners = _with_runners_up(db, c, period)
    line = first_line(db, c, _dates(period) + note)
    answer = _answer(db, question, c, result, line, period)
    if runners:
        # "qual contrato teve mais gente?": the answer, then the two after it, so its lead can be judged
        shown = [f"{key_text(db, c, key)}: {_runner_value(c, value, result.total)}" for key, value in runners]
        answer = replace(answer, text=f"{answer.text}\nEm seguida:\n{_lines(shown)}")
    if c.group == "person" and result.rows and result.rows[0][0] is not None:
        # the person the answer names first is who "ele"/"ela" means next; "a segunda", "deles": the list
        listed = [db.refs[int(key)].id for key, _ in result.rows if key is not None]
        answer = replace(answer, context={**answer.context, "named": listed[0], "named_people": listed})
    if c.group in ("contract", "client") and result.rows:
        # "abre o segundo por semana", "qual a fatia do maior deles?": a contract of this list
        contracts = [str(key) for key, _ in result.rows if key is not None]
        answer = replace(answer, context={**answer.context, "named_contracts": contracts})
    if c.group in ("day", "week", "month", "weekday") and result.rows and MEASURES[c.measure].unit != "date":
        # "abre a semana mais pesada por dia", "quem apontou no dia que teve mais hora?": a row of this list
        rows = [[c.group, *_row_span(c.group, key, period), float(value or 0)] for key, value in result.rows if key]
        answer = replace(answer, context={**answer.context, "named_rows": rows})
    if c.measure in ("first_day", "last_day") and c.group is None and result.rows:
        # "qual foi o último dia que eu apontei e qnts horas fiz nele?": that day is the row named next
        found = result.rows[0][1]
        if isinstance(found, date):
            answer = replace(answer, context={**answer.context, "named_rows": [["day", *[found.isoformat()] * 2, 0.0]]})
    return answer


_RUNNERS_UP_GROUPS = ("person", "contract", "client", "activity")


def _with_runners_up(db: Dataset, c: Composition, period: Period) -> tuple[Result, list[tuple[Any, Any]]]:
    """The composition's rows and, for the single top (or bottom) of a list, the two rows after it."""
    if c.limit != 1 or c.group not in _RUNNERS_UP_GROUPS or c.among:
        return run(db, c, period), []
    wider = run(db, replace(c, limit=3), period)
    if not wider.rows:
        return wider, []
    top = [row for row in wider.rows if row[1] == wider.rows[0][1]]
    return replace(wider, rows=top, ties=len(top) - 1), wider.rows[len(top) : len(top) + 2]


def _runner_value(c: Composition, value: Any, total: float | None) -> str:
    shown = _value(c, value)
    return f"{shown} ({_percent(float(value or 0), total)})" if c.output == "share" and total else shown


def _row_span(group: str, key: Any, period: Period) -> tuple[str, str]:
    """The dates a row of a breakdown covers, inside the period asked (a weekday: its number, twice)."""
    if group == "weekday":
        return str(key), str(key)
    if group == "day":
        return key.isoformat(), key.isoformat()
    end = key + timedelta(days=6) if group == "week" else month_of(key.year, key.month).end
    return max(key, period.start).isoformat(), min(end, period.end).isoformat()


def _compare(db: Dataset, question: Question, c: Composition, period: Period, note: str, today: date) -> Answer:
    """Two periods side by side, with the difference."""
    assert c.versus is not None
    other, other_note = _covered(db, c.versus, today)
    if other.start < period.start:  # the earlier first, so the difference reads as a change over time
        period, note, other, other_note = other, other_note, period, note
    a, b = side_by_side(db, c, period, other)
    line = first_line(db, replace(c, versus=None), "lado a lado")
    text = f"{line}:\n- {_dates(period)}{note}: {_value(c, a)}\n- {_dates(other)}{other_note}: {_value(c, b)}"
    if MEASURES[c.measure].unit != "date" and a is not None and b is not None:
        change = float(b) - float(a)
        shown = fmt.hours(abs(change)) if MEASURES[c.measure].unit == "hours" else fmt.number(abs(change), 0)
        percent = f" ({'+' if change >= 0 else '−'}{fmt.number(abs(100 * change / float(a)))}%)" if a else ""
        text += f"\nDiferença: {'+' if change >= 0 else '−'}{shown}{percent}."
        if MEASURES[c.measure].unit == "hours" and MEASURES[c.measure].additive:
            text += f"\nNos dois períodos: {fmt.hours(float(a) + float(b))}."  # "o total de set e de out": both
    return Answer(text, question.to_context(), "compose", suggestions=_suggest(c))


def _answer(db: Dataset, question: Question, c: Composition, result: Result, line: str, period: Period) -> Answer:
    entries = ""
    if c.measure == "hours" and c.group is None and c.output == "value":
        # hours alone hide how much was recorded: the entries they come from, as the catalogue said
        count = (
            result.entries if result.entries is not None else run(db, replace(c, measure="entries"), period).rows[0][1]
        )
        entries = f" em {_value(replace(c, measure='entries'), count)}"
        if result.other_basis is not None and result.rows[0][1] is not None and c.basis != "gross":
            # and the gross hours beside them, as the catalogue gave both ("e as horas brutas e líquidas de
            # novembro?"); gross hours asked for stay alone, so they are never taken for net ones
            entries += f" ({fmt.hours(float(result.other_basis))} brutas)"
    text, table = _body(db, c, result, line, entries)
    context = question.to_context()
    if MEASURES[c.measure].lookback and c.group is None and c.output == "value":
        # a count of people names them: who stopped, and since when
        idle = sorted(idle_people(db, c, period), key=lambda row: normalize(db.refs[int(row[0])].name))
        people = [db.refs[int(rid)] for rid, _ in idle]
        if people:
            rows = [[person.name, fmt.day(last)] for person, (_, last) in zip(people, idle, strict=True)]
            text = f"{text[:-1]}:\n{_lines([f'{name}: último apontamento em {last}' for name, last in rows])}"
            table = _table(line, ["Recurso", "Último apontamento"], rows)
            # "qual foi o último dia que ela apontou?": the first one named; "deles": all of them
            context = {**context, "named": people[0].id, "named_people": [p.id for p in people]}
    return Answer(text, context, "compose", table, suggestions=_suggest(c))


def _body(db: Dataset, c: Composition, result: Result, line: str, entries: str = "") -> tuple[str, Table | None]:
    if c.output == "share" and not c.group:
        part = float(result.rows[0][1] or 0) if result.rows else 0.0
        whole = result.total or 0.0
        return f"{line}: {_percent(part, whole)} ({_value(c, part)} de {_value(c, whole)}).", None
    if c.group is None:
        value = result.rows[0][1] if result.rows else None
        if value is None and MEASURES[c.measure].unit != "count":
            return f"{line}: nenhum apontamento.", None
        return f"{line}: {_value(c, value)}{entries}.", None
    if not result.rows:
        nothing = (
            "nenhum resultado nesse limite" if c.above is not None or c.below is not None else "nenhum apontamento"
        )
        return f"{line}: {nothing}.", None
    rows: list[list[str]] = []
    for key, value in result.rows:
        row = [key_text(db, c, key), _value(c, value)]
        if c.output == "share":
            row.append(_percent(float(value or 0), result.total or 0.0))
        rows.append(row)
    if c.group == "person" and c.among and MEASURES[c.measure].additive and c.output != "share" and not c.limit:
        # "qual dos dois fez mais reunião?": the one who did none is in the answer too, with nothing
        shown = {r[0] for r in rows}
        names = [q.resolve_resource(db, v).name for v in c.among]
        rows += [[name, _value(c, 0.0)] for name in names if name not in shown]
    lines = [f"{r[0]}: {r[1]}" + (f" ({r[2]})" if len(r) > 2 else "") for r in rows]
    ties = ""
    if result.ties:
        ties = f"\nEmpate na última posição: {fmt.plural(result.ties + 1, 'linha')} com o mesmo valor, todas listadas."
    total = ""
    if c.output == "share" and result.total is not None:
        total = f" (total {_value(c, result.total)})"
    bounded = c.above is not None or c.below is not None
    # "quanto de reunião semana passada, todos contratos": the contracts listed, and the figure asked for
    every_contract = c.group in ("contract", "client") and not c.among
    summed = MEASURES[c.measure].additive and MEASURES[c.measure].unit == "hours" and c.output != "share"
    whole = fmt.hours(sum(float(v or 0) for _, v in result.rows)) if summed and not bounded else ""
    if (bounded or c.group == "person" or every_contract) and c.limit is None and c.group in _COUNTED_GROUPS:
        line += f" — {fmt.plural(len(rows), *_COUNTED_GROUPS[c.group])}"  # "quantas passaram de 8 h?", "quem fez X?"
        if (c.group == "person" or every_contract) and whole:
            line += f", {whole} no total"  # who did it, and how much
    if c.group in ("day", "week", "month") and c.limit is None and whole and rows:
        total = f" (total {whole})"  # "meu timesheet da semana, por dia": the days and what they add up to
    compared = c.among and c.group in ("person", "contract", "client")  # not "os dois somados, por semana"
    if compared and len(result.rows) == 2 and MEASURES[c.measure].unit != "date" and c.output != "share":
        (first, a), (second, b) = result.rows
        gap = abs(float(a or 0) - float(b or 0))
        shown = fmt.hours(gap) if MEASURES[c.measure].unit == "hours" else fmt.number(gap, 0)
        ties += f"\nDiferença: {shown} ({key_text(db, c, first)} acima)." if gap else "\nSem diferença."
    columns = [GROUPS[c.group].label.removeprefix("por ").capitalize(), MEASURES[c.measure].label.split(" {")[0]]
    if c.output == "share":
        columns.append("%")
    table = _table(line, columns, rows)
    most = MONTH_DAYS if c.group == "day" else TEXT_ROWS  # "me mostra dia a dia": every day of a month, in the text
    return f"{line}{total}:\n{_lines(lines, most=most)}{ties}", table


# What a bounded breakdown's rows are, so their number is said ("5 recursos", "3 dias").
_COUNTED_GROUPS = {
    "person": ("recurso", "recursos"),
    "contract": ("contrato", "contratos"),
    "client": ("contrato de cliente", "contratos de cliente"),
    "day": ("dia", "dias"),
    "week": ("semana", "semanas"),
    "month": ("mês", "meses"),
}


def _suggest(c: Composition) -> tuple[str, ...]:
    if c.contract and c.group != "month":
        return (f"Horas do {c.contract} por mês", f"Horas por atividade do contrato {c.contract}")
    return ()


def composition_of(question: Question) -> Composition:
    """The Composition a composed Question holds."""
    return Composition(
        measure=question.measure or "hours",  # type: ignore[arg-type]
        basis=question.basis,
        person=question.person,
        contract=question.contract,
        activity=question.activity,
        technology=question.technology,
        profile=question.profile,
        level=question.level,
        weekday=question.weekday,
        validated=question.validated,
        period=question.period,
        group=question.group,  # type: ignore[arg-type]
        order=question.order,
        limit=question.limit,
        above=question.hours,
        below=question.below,
        output=question.output or ("compare" if question.versus else "value"),  # type: ignore[arg-type]
        share_of=question.share_of,
        part=question.part,  # type: ignore[arg-type]
        among=question.among,
        versus=question.versus,
    )


def question_of(c: Composition) -> Question:
    """The Question (kind "compose") that holds a Composition, as the session's context keeps it."""
    return Question(
        "compose",
        person=c.person,
        contract=c.contract,
        technology=c.technology,
        profile=c.profile,
        level=c.level,
        period=c.period,
        basis=c.basis,
        order=c.order,
        limit=c.limit,
        hours=c.above,
        activity=c.activity,
        measure=c.measure,
        group=c.group,
        weekday=c.weekday,
        validated=c.validated,
        below=c.below,
        output=c.output,
        share_of=c.share_of,
        part=c.part,
        among=c.among,
        versus=c.versus,
    )
