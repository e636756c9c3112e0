"""A question as a composition: a measure, filters, a grouping, an order and limit, an output.

The slots a question can fill are declared here, each once: its pt-BR words for the first line of the
answer and its SQL. `compose_sql.py` turns a Composition into one parameterised query over the scoped
views; `compose_answer.py` renders it. Adding a measure, a filter or a grouping is one entry below (the
consistency test in tests/apontamentos/test_composition.py checks it is understood, queried and rendered).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Literal, get_args

from .rules import Period

MeasureName = Literal[
    "hours",
    "entries",
    "people",
    "days",
    "open_spans",
    "avg_person",
    "avg_day",
    "first_day",
    "last_day",
    "idle_people",
]
GroupName = Literal["person", "contract", "client", "activity", "day", "weekday", "week", "month"]
Output = Literal["value", "table", "share", "compare"]
Basis = Literal["net", "gross"]
Order = Literal["desc", "asc"]
# The filters whose part of the whole a share can ask for ("quanto % foi às quintas", "… foi da Yasmin").
PartName = Literal["person", "contract", "weekday", "technology", "profile", "level"]
Unit = Literal["hours", "count", "date"]


@dataclass(frozen=True)
class Measure:
    """What is computed. `sql` is an aggregate over `e`, with `{h}` for the hours column of the basis and
    `{people}` for the number of distinct people."""

    label: str  # the first line's noun phrase; "{basis}" becomes "líquidas" or "brutas"
    sql: str
    unit: Unit
    additive: bool  # a share of it is meaningful (the parts add up to the whole)
    where: str = ""  # rows it counts, when only some are: a breakdown then lists only groups that have them
    # > 0: it counts the rows of the `lookback` days before the period, of people with no row in the period
    # (the filters hold for both): who stopped recording time
    lookback: int = 0


# Person keys are dense (1 … number of people): a bitmap counts them without the hash table of
# count(DISTINCT rid), which made people by week twice as slow.
PEOPLE = "coalesce(bit_count(bitstring_agg(rid, 1, {rids})), 0)"

MEASURES: dict[str, Measure] = {
    "hours": Measure("Horas {basis}", "coalesce(sum({h}), 0)", "hours", True),
    "entries": Measure("Apontamentos", "count(*)", "count", True),
    "people": Measure("Pessoas com apontamento", "{people}", "count", False),
    "days": Measure("Dias com apontamento", "count(DISTINCT day)", "count", False),
    "open_spans": Measure("Apontamentos sem saída", "count(*)", "count", True, where="end_ts IS NULL"),
    "avg_person": Measure(
        "Média de horas {basis} por pessoa", "coalesce(sum({h}), 0) / nullif({people}, 0)", "hours", False
    ),
    "avg_day": Measure(
        "Média de horas {basis} por dia trabalhado (por pessoa)",
        "coalesce(sum({h}), 0) / nullif(count(DISTINCT (rid, day)), 0)",
        "hours",
        False,
    ),
    "first_day": Measure("Primeiro dia com apontamento", "min(day)", "date", False),
    "last_day": Measure("Último dia com apontamento", "max(day)", "date", False),
    # as the missing days count people expected to record time: active in the 30 days before
    "idle_people": Measure(
        "Recursos que pararam de apontar (nenhum apontamento no período, algum nos 30 dias antes)",
        "{people}",
        "count",
        False,
        lookback=30,
    ),
}


@dataclass(frozen=True)
class Group:
    """A breakdown: `sql` is the key expression over `e`; `label` follows the measure ("por mês")."""

    label: str
    sql: str


GROUPS: dict[str, Group] = {
    "person": Group("por pessoa", "rid"),
    "contract": Group("por contrato", "supplier::VARCHAR"),
    "client": Group("por contrato de cliente", "contract::VARCHAR"),
    "activity": Group("por atividade", "activity_key"),
    "day": Group("por dia", "day"),
    "weekday": Group("por dia da semana", "weekday"),  # calendar keys are columns of `e`, computed at load
    "week": Group("por semana", "week"),
    "month": Group("por mês", "month"),
}

# The filters a composition can hold (besides the period): each one's SQL is in compose_sql.FILTERS and its
# words in compose_answer.FILTER_LABELS; the consistency test checks the three lists agree.
FILTERS = ("person", "contract", "activity", "technology", "profile", "level", "weekday", "validated")


@dataclass(frozen=True)
class Composition:
    """One question, composed. `period` is closed (an open "desde"/"até" is closed against the data by the
    understanding); `above`/`below` bound each group's value; `share_of` holds activity words whose part of
    the measure is given in %; `part` names the filter whose part of the whole (the same without it) is."""

    measure: MeasureName = "hours"
    basis: Basis = "net"
    person: str | None = None  # resource id
    contract: str | None = None  # supplier (8446) or client (E0240282) contract
    activity: str | None = None  # words every matching activity description holds
    technology: str | None = None
    profile: str | None = None
    level: str | None = None
    weekday: tuple[int, ...] | None = None  # ISO days: 1 = Monday … 7 = Sunday; (6, 7) is the weekend
    validated: bool | None = None
    period: Period | None = None
    group: GroupName | None = None
    order: Order = "desc"
    limit: int | None = None
    above: float | None = None
    below: float | None = None
    output: Output = "value"
    share_of: str | None = None
    part: PartName | None = None
    among: tuple[str, ...] | None = None  # the only people or contracts counted ("8555 e 8556"); by them if grouped
    versus: Period | None = None  # a second period, side by side with `period` ("setembro x outubro")

    def __post_init__(self) -> None:
        if self.measure not in MEASURES:
            raise ValueError(f"unknown measure {self.measure!r}")
        if self.group is not None and self.group not in GROUPS:
            raise ValueError(f"unknown grouping {self.group!r}")
        if self.output not in get_args(Output):
            raise ValueError(f"unknown output {self.output!r}")
        if self.weekday is not None:
            # one day or several: kept sorted and once each, so equal filters compare equal
            days = (self.weekday,) if isinstance(self.weekday, int) else tuple(self.weekday)
            if not days or not all(isinstance(d, int) and 1 <= d <= 7 for d in days):
                raise ValueError("weekday is 1 (Monday) to 7 (Sunday)")
            object.__setattr__(self, "weekday", tuple(sorted(set(days))))
        if self.limit is not None and self.limit < 1:
            raise ValueError("limit is at least 1")
        if self.output == "share" and not (self.group or self.share_of or self.part):
            raise ValueError("a share is of a grouping, of an activity (share_of) or of a filter (part)")
        if self.output == "share" and not MEASURES[self.measure].additive:
            raise ValueError("a share is of a measure whose parts add up to the whole (hours, entries)")
        if self.part is not None and (
            self.part not in get_args(PartName) or getattr(self, self.part) is None or self.group or self.share_of
        ):
            raise ValueError("a part is one of the filters given (person, contract, weekday, role), with no grouping")
        if self.among is not None:
            object.__setattr__(self, "among", tuple(str(v) for v in self.among))
            if len(self.among) < 2:
                raise ValueError("the groups compared are two or more people or contracts")
        if self.versus is not None and (self.period is None or self.group is not None or self.share_of):
            raise ValueError("two periods side by side need a first period, and no grouping or share")


COMPOSITION_FIELDS = tuple(f.name for f in fields(Composition))


def json_schema() -> dict[str, Any]:
    """The Composition as a JSON schema (the LLM engine's main tool); the period is two ISO dates."""
    properties: dict[str, Any] = {
        "measure": {"type": "string", "enum": list(MEASURES)},
        "basis": {"type": "string", "enum": list(get_args(Basis))},
        "person": {"type": "string", "description": "id ou nome da pessoa"},
        "contract": {"type": "string", "description": "contrato de fornecedor (8446) ou de cliente (E0240282)"},
        "activity": {"type": "string", "description": "palavras da descrição da atividade"},
        "technology": {"type": "string"},
        "profile": {"type": "string"},
        "level": {"type": "string"},
        "weekday": {
            "type": "array",
            "items": {"type": "integer", "minimum": 1, "maximum": 7},
            "description": "dias da semana: 1 = segunda … 7 = domingo; [6, 7] é o fim de semana",
        },
        "validated": {"type": "boolean"},
        "start": {"type": "string", "format": "date", "description": "primeiro dia do período (AAAA-MM-DD)"},
        "end": {"type": "string", "format": "date", "description": "último dia do período (AAAA-MM-DD)"},
        "group": {"type": "string", "enum": list(GROUPS)},
        "order": {"type": "string", "enum": list(get_args(Order))},
        "limit": {"type": "integer", "minimum": 1},
        "above": {"type": "number", "description": "só grupos com valor acima deste"},
        "below": {"type": "number", "description": "só grupos com valor abaixo deste"},
        "output": {"type": "string", "enum": list(get_args(Output))},
        "share_of": {"type": "string", "description": "palavras da atividade cuja parte do total se quer em %"},
        "part": {
            "type": "string",
            "enum": list(get_args(PartName)),
            "description": "o filtro cuja parte do total (o mesmo sem esse filtro) se quer em %; output share",
        },
        "among": {
            "type": "array",
            "items": {"type": "string"},
            "minItems": 2,
            "description": (
                "só estes grupos (pessoas ou contratos): comparados com group person/contract/client, "
                "somados sem group ou com group day/week/month/weekday"
            ),
        },
        "versus_start": {
            "type": "string",
            "format": "date",
            "description": "início de um segundo período, lado a lado",
        },
        "versus_end": {"type": "string", "format": "date", "description": "fim do segundo período"},
    }
    declared = {name for name in COMPOSITION_FIELDS if name not in ("period", "versus")}
    declared |= {"start", "end", "versus_start", "versus_end"}
    assert set(properties) == declared, "the schema and the Composition must name the same slots"
    return {"type": "object", "properties": properties, "required": ["measure"], "additionalProperties": False}


def from_arguments(arguments: dict[str, Any]) -> Composition:
    """A Composition from the tool's JSON arguments; ValueError names what is wrong."""
    dates = ("start", "end", "versus_start", "versus_end")
    data = {k: v for k, v in arguments.items() if v is not None and k not in dates}
    unknown = set(data) - set(COMPOSITION_FIELDS)
    if unknown:
        raise ValueError(f"unknown slots: {', '.join(sorted(unknown))}")
    start, end = arguments.get("start"), arguments.get("end")
    if start or end:
        if not (start and end):
            raise ValueError("a period needs start and end")
        data["period"] = Period(date.fromisoformat(str(start)), date.fromisoformat(str(end)))
    v_start, v_end = arguments.get("versus_start"), arguments.get("versus_end")
    if v_start or v_end:
        if not (v_start and v_end and "period" in data):
            raise ValueError("a second period needs versus_start, versus_end and the first period")
        data["versus"] = Period(date.fromisoformat(str(v_start)), date.fromisoformat(str(v_end)))
        data["output"] = "compare"
    return Composition(**data)
