"""The domain's typed queries as LLM tools: JSON schemas generated from their signatures.

One source of truth: a query's parameters, their types and defaults, and its docstring become the
tool definition. Arguments are validated before the query runs; an invalid one goes back to the
model as a tool error it can correct. Results are compact and bounded.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from apontamentos import compose_answer
from apontamentos import queries as q
from apontamentos.composition import from_arguments, json_schema
from apontamentos.dataset import Dataset
from apontamentos.errors import InvalidQuery
from apontamentos.registry import TOOL_QUERIES
from apontamentos.rules import Period

MAX_LIST_ITEMS = 25  # longer lists are cut, with a count of what was left out
INJECTED = frozenset({"db", "today"})

QUERIES: tuple[Callable[..., Any], ...] = TOOL_QUERIES

_PERIOD_SCHEMA = {
    "type": "object",
    "description": "Período inclusivo, datas ISO (AAAA-MM-DD).",
    "properties": {"start": {"type": "string", "format": "date"}, "end": {"type": "string", "format": "date"}},
    "required": ["start", "end"],
    "additionalProperties": False,
}
_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    date: {"type": "string", "format": "date"},
    Period: _PERIOD_SCHEMA,
}


class ToolArgumentError(ValueError):
    """Arguments the model must correct; the message goes back to it."""


def _literal_schema(kind: Any) -> dict[str, Any] | None:
    """The schema of a Literal of strings (an enum), or None for any other type."""
    if typing.get_origin(kind) is typing.Literal and all(isinstance(v, str) for v in typing.get_args(kind)):
        return {"type": "string", "enum": list(typing.get_args(kind))}
    return None


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return members[0], True
    return annotation, False


def _parameters(function: Callable[..., Any]) -> dict[str, tuple[Any, inspect.Parameter]]:
    hints = typing.get_type_hints(function)
    return {
        name: (_unwrap_optional(hints[name])[0], parameter)
        for name, parameter in inspect.signature(function).parameters.items()
        if name not in INJECTED
    }


def tool_schema(function: Callable[..., Any]) -> dict[str, Any]:
    """The chat-completions tool definition of a query."""
    properties: dict[str, Any] = {}
    required: list[str] = []
    for name, (kind, parameter) in _parameters(function).items():
        schema = _literal_schema(kind) or _SCALARS.get(kind)
        if schema is None:
            raise TypeError(f"{function.__name__}.{name}: no JSON schema for {kind!r}")
        properties[name] = dict(schema)
        if parameter.default is inspect.Parameter.empty:
            required.append(name)
    description = " ".join((inspect.getdoc(function) or function.__name__).split())
    return {
        "type": "function",
        "function": {
            "name": function.__name__,
            "description": description,
            "parameters": {
                "type": "object",
                "properties": properties,
                "required": required,
                "additionalProperties": False,
            },
        },
    }


COMPOSE = "compor"
# The main tool: a question as a composition (the JSON schema *is* apontamentos.composition.Composition), so
# both engines share understanding's target and every figure comes from the one query builder. The scope is
# not a parameter: the tool reads the asker's scoped views.
COMPOSE_TOOL: dict[str, Any] = {
    "type": "function",
    "function": {
        "name": COMPOSE,
        "description": (
            "Responde uma pergunta composta: uma medida (horas líquidas ou brutas, apontamentos, pessoas, dias, "
            "sem saída, médias, primeiro/último dia), filtros (pessoa, contrato, atividade, tecnologia, perfil, "
            "nível, período, dia da semana, validação), um agrupamento (pessoa, contrato, atividade, dia, dia da "
            "semana, semana, mês), ordem e limite (top/bottom N), parte em % ou dois períodos lado a lado. "
            "Devolve o texto da resposta, com a primeira linha dizendo o que foi calculado."
        ),
        "parameters": json_schema(),
    },
}
TOOLS: list[dict[str, Any]] = [COMPOSE_TOOL, *(tool_schema(f) for f in QUERIES)]
_BY_NAME = {f.__name__: f for f in QUERIES}


def _parse_date(value: Any, name: str) -> date:
    if not isinstance(value, str):
        raise ToolArgumentError(f"{name} deve ser uma data AAAA-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise ToolArgumentError(f"{name} não é uma data válida (AAAA-MM-DD): {value[:20]!r}") from err


def _convert(kind: Any, value: Any, name: str) -> Any:
    if (literal := _literal_schema(kind)) is not None:
        if value not in literal["enum"]:
            raise ToolArgumentError(f"{name} deve ser um de: {', '.join(literal['enum'])}")
        return value
    if kind is Period:
        if not isinstance(value, dict) or set(value) != {"start", "end"}:
            raise ToolArgumentError(f"{name} deve ser um objeto com start e end")
        try:
            return Period(_parse_date(value["start"], f"{name}.start"), _parse_date(value["end"], f"{name}.end"))
        except InvalidQuery as err:
            raise ToolArgumentError(str(err)) from err
    if kind is date:
        return _parse_date(value, name)
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind is str and isinstance(value, str):
        return value
    if kind is bool and isinstance(value, bool):
        return value
    raise ToolArgumentError(f"{name} deve ser do tipo {_SCALARS[kind]['type']}")


def parse_arguments(name: str, raw: str) -> dict[str, Any]:
    """Validated keyword arguments for tool `name` from the model's JSON, or ToolArgumentError."""
    function = _BY_NAME.get(name)
    if function is None:
        raise ToolArgumentError(f"ferramenta desconhecida: {name[:60]}")
    try:
        given = json.loads(raw or "{}")
    except ValueError as err:
        raise ToolArgumentError("os argumentos não são JSON válido") from err
    if not isinstance(given, dict):
        raise ToolArgumentError("os argumentos devem ser um objeto JSON")
    parameters = _parameters(function)
    unknown = sorted(set(given) - set(parameters))
    if unknown:
        raise ToolArgumentError(f"argumentos desconhecidos: {', '.join(unknown)[:200]}")
    arguments: dict[str, Any] = {}
    for arg, (kind, parameter) in parameters.items():
        if arg not in given or given[arg] is None:
            if parameter.default is inspect.Parameter.empty:
                raise ToolArgumentError(f"falta o argumento obrigatório {arg}")
            continue
        arguments[arg] = _convert(kind, given[arg], arg)
    return arguments


def run_compose(db: Dataset, raw_arguments: str, today: date) -> str:
    """The composition tool: the answer the one query builder and renderer give, or a JSON error to relay."""
    try:
        given = json.loads(raw_arguments or "{}")
        if not isinstance(given, dict):
            raise ToolArgumentError("os argumentos devem ser um objeto JSON")
        if isinstance(given.get("person"), str) and given["person"].strip():
            given["person"] = q.resolve_resource(db, given["person"]).id  # a name or an id, resolved in scope
        composition = from_arguments(given)
        reply = compose_answer.render(db, compose_answer.question_of(composition), today)
    except q.AmbiguousResource as err:
        return _dumps({"erro": str(err), "candidatos": [compact(c) for c in err.candidates]})
    except (ValueError, TypeError, InvalidQuery) as err:
        message = str(err) if isinstance(err, InvalidQuery | ToolArgumentError) else f"argumentos inválidos: {err}"
        return _dumps({"erro": message[:300], "instrucao": "Diga isso ao usuário; não responda com outro escopo."})
    lines = reply.text.splitlines()
    return _dumps({"calculado_para": lines[0].rstrip(":"), "resposta": reply.text})


def run_tool(db: Dataset, name: str, raw_arguments: str, today: date) -> str:
    """Execute one tool call; the JSON result with what it was computed for, or a JSON error to relay."""
    if name == COMPOSE:
        return run_compose(db, raw_arguments, today)
    try:
        arguments = parse_arguments(name, raw_arguments)
        function = _BY_NAME[name]
        if "today" in inspect.signature(function).parameters:
            arguments["today"] = today
        result = function(db, **arguments)
    except q.AmbiguousResource as err:
        return _dumps({"erro": str(err), "candidatos": [compact(c) for c in err.candidates]})
    except (ToolArgumentError, InvalidQuery) as err:
        # An unknown person or contract is an error to relay, never a reason to answer for everyone.
        return _dumps({"erro": str(err), "instrucao": "Diga isso ao usuário; não responda com outro escopo."})
    return _dumps({"calculado_para": computed_for(db, function, arguments), "resultado": compact(result)})


SCOPE_ARGUMENTS = ("resource", "contract", "technology", "profile", "level")


def computed_for(db: Dataset, function: Callable[..., Any], arguments: dict[str, Any]) -> dict[str, Any]:
    """The scope, period and basis a result holds, so the model can restate them in its answer."""
    parameters = inspect.signature(function).parameters
    described: dict[str, Any] = {
        "escopo": {k: arguments[k] for k in SCOPE_ARGUMENTS if arguments.get(k)} or "todos os recursos"
    }
    if "period" in parameters:
        period = arguments.get("period") or q.data_period(db, None)
        described["periodo"] = {"inicio": period.start.isoformat(), "fim": period.end.isoformat()}
    if "basis" in parameters or function in (q.total_hours, q.ranking, q.hours_per_day, q.list_contracts):
        described["base"] = "horas brutas" if arguments.get("basis") == "gross" else "horas líquidas (sem almoço)"
    return described


def compact(value: Any) -> Any:
    """JSON-ready, bounded: floats to 2 decimals, dates ISO, long lists cut with a count of the rest."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: compact(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {k: compact(v) for k, v in value._asdict().items()}
    if isinstance(value, list | tuple):
        items = [compact(v) for v in value[:MAX_LIST_ITEMS]]
        if len(value) > MAX_LIST_ITEMS:
            items.append({"omitidos": len(value) - MAX_LIST_ITEMS})
        return items
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
