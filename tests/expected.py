"""Independent expectations: figures recomputed in plain Python from export-shaped rows.

Shared by the domain tests and the end-to-end tests; never calls the code under test.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass
class Span:
    resource_id: str
    name: str
    supplier: str
    client: str
    technology: str | None
    day: date
    start: datetime
    end: datetime | None
    lunch_flag: bool
    validated: bool
    gross: float | None = None
    net: float | None = None
    profile: str | None = None
    level: str | None = None
    validator: str | None = None
    activity: str | None = None  # whitespace collapsed, original spelling


def spans(columns: dict[str, list[Any]]) -> list[Span]:
    """One Span per row, with gross hours and net hours (lunch once per person and day, first flagged span)."""
    out = []
    activities = columns.get("s_ds_atividade")  # optional in the export
    for i in range(len(columns["s_id_apontamento"])):
        role = columns["s_ds_cargo"][i].split("-")
        end = columns["d_dt_fim_apontamento"][i]
        out.append(
            Span(
                resource_id=columns["s_id_recurso"][i],
                name=columns["s_nm_recurso"][i],
                supplier=role[0],
                client=columns["s_nr_contrato"][i],
                technology=role[2] if len(role) == 5 else None,
                day=date.fromisoformat(columns["d_dt_data"][i]),
                start=datetime.fromisoformat(columns["d_dt_inicio_apontamento"][i]),
                end=datetime.fromisoformat(end) if end else None,
                lunch_flag=columns["n_fl_abatimento"][i] == 1,
                validated=columns["b_fl_validado"][i] == 1,
                profile=role[3] if len(role) == 5 else None,
                level=role[4] if len(role) == 5 else None,
                validator=columns["s_nm_usuario_valida"][i],
                activity=" ".join(activities[i].split()) if activities and activities[i] else None,
            )
        )
    lunch_taken: set[tuple[str, date]] = set()
    for span in sorted(out, key=lambda s: (s.resource_id, s.day, s.start)):
        if span.end is None:
            continue
        span.gross = (span.end - span.start).total_seconds() / 3600
        lunch = 0.0
        if span.lunch_flag and (span.resource_id, span.day) not in lunch_taken:
            lunch_taken.add((span.resource_id, span.day))
            lunch = min(1.0, span.gross)
        span.net = span.gross - lunch
    return out


def resources_by_supplier(rows: list[Span]) -> dict[str, int]:
    people: dict[str, set[str]] = defaultdict(set)
    for span in rows:
        people[span.supplier].add(span.resource_id)
    return {supplier: len(ids) for supplier, ids in people.items()}


def person_net_by_supplier(rows: list[Span]) -> dict[str, dict[str, float]]:
    """Each supplier contract's net hours per resource id."""
    hours: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for span in rows:
        hours[span.supplier][span.resource_id] += span.net or 0
    return hours


def net_by_supplier(rows: list[Span]) -> dict[str, float]:
    hours: dict[str, float] = defaultdict(float)
    for span in rows:
        hours[span.supplier] += span.net or 0
    return dict(hours)
