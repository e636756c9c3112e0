"""The typed question: what is measured, about whom, over which period, on which basis.

Understanding produces it, the registry runs it, and the session keeps it as the conversation's context,
so a follow-up ("e em outubro?", "e o 8447?", "e brutas?") is a partial question merged into the last one.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any, Literal

from .rules import Period

CONTEXT_VERSION = 2

Basis = Literal["net", "gross"]
Order = Literal["desc", "asc"]
By = Literal["hours", "entries", "people"]

# The slots that say whom a question is about; a follow-up that names one replaces them together.
SUBJECT = ("person", "asker", "contract", "technology", "profile", "level", "everyone")


@dataclass(frozen=True)
class Question:
    """One question, fully specified. `kind` names the registry entry that answers it."""

    kind: str
    person: str | None = None  # resource id, resolved by the understanding
    asker: bool = False  # "eu", "meu": the person asking
    contract: str | None = None  # supplier (8446) or client (E0240282) contract
    technology: str | None = None
    profile: str | None = None
    level: str | None = None
    everyone: bool = False  # said "todos", "todo mundo", "geral"
    team: bool = False  # said "a equipe", "minha equipe", "meu pessoal": a total told person by person too
    period: Period | None = None
    basis: Basis = "net"
    order: Order = "desc"
    limit: int | None = None
    hours: float | None = None  # the threshold of "mais de N horas em um dia"
    count: bool = False  # "quantos": the number first
    activity: str | None = None  # words of an activity's description ("reunião", "code review")
    by: By = "hours"  # what ranks activities (hours, entries) or contracts (hours, people)
    page: int = 0  # of a long table: "ver mais" asks for the next one
    # The slots only a composition (kind "compose", see composition.py) uses:
    measure: str | None = None
    group: str | None = None
    weekday: tuple[int, ...] | None = None  # ISO 1 = Monday … 7 = Sunday; several ("sábado e domingo")
    validated: bool | None = None
    below: float | None = None  # `hours` is the bound above
    output: str | None = None
    share_of: str | None = None
    part: str | None = None  # the filter whose part of the whole a share is (composition.PartName)
    among: tuple[str, ...] | None = None  # the only groups a breakdown shows (people or contracts compared)
    versus: Period | None = None  # a second period, side by side with `period`
    people: tuple[str, ...] = ()  # "deles": the resource ids a previous answer named, ranked among themselves

    @property
    def has_subject(self) -> bool:
        return any(getattr(self, name) for name in SUBJECT)

    def with_subject_of(self, other: Question) -> Question:
        return replace(self, **{name: getattr(other, name) for name in SUBJECT})

    def to_context(self) -> dict[str, Any]:
        # Field by field, not asdict(): its deep copy was a tenth of a composed answer's time.
        data = {
            f.name: v
            for f in fields(self)
            if ((v := getattr(self, f.name)) not in (None, False, ()) or (f.name == "validated" and v is False))
            and f.name not in ("period", "versus")
        }
        for name in ("period", "versus"):
            if (value := getattr(self, name)) is not None:
                data[name] = [value.start.isoformat(), value.end.isoformat()]
        return {"v": CONTEXT_VERSION, "question": data}


def from_context(context: dict[str, Any]) -> Question | None:
    """The question a session's context holds; None for an empty, older or unreadable context."""
    if context.get("v") != CONTEXT_VERSION or not isinstance(context.get("question"), dict):
        return None
    data = dict(context["question"])
    known = {f.name for f in fields(Question)}
    if not isinstance(data.get("kind"), str) or not set(data) <= known:
        return None
    try:
        for name in ("period", "versus"):
            if name in data:
                start, end = data[name]
                data[name] = Period(date.fromisoformat(start), date.fromisoformat(end))
        for name in ("people", "among"):
            if name in data:
                data[name] = tuple(str(p) for p in data[name])
        if "weekday" in data:  # a list in JSON; one number in contexts written before weekdays were a set
            day = data["weekday"]
            data["weekday"] = (int(day),) if isinstance(day, int) else tuple(int(d) for d in day)
        return Question(**data)
    except (TypeError, ValueError):
        return None
