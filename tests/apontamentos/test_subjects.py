"""Each kind of question answers for the subject it was asked about, or says it cannot.

`registry.takes` lists the subjects (person, contract, ...) a kind's answer can be narrowed to. Both
directions are checked: the subject it takes changes the answer (a renderer that silently drops it would
answer for everyone), and the understanding refuses a subject a kind does not take.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from apontamentos import queries as q
from apontamentos.dataset import Dataset
from apontamentos.question import Question
from apontamentos.registry import BY_NAME, EVERYONE_ALIKE, REGISTRY, takes
from apontamentos.rules import Period
from apontamentos.understanding import Clarification, _narrowable

from .conftest import GENERATED_END

PERIOD = Period(date(2026, 9, 1), GENERATED_END)
# What some kinds need besides a subject to be asked at all.
NEEDS: dict[str, dict[str, Any]] = {
    "activity_hours": {"activity": "reuniao"},
    "days_above": {"hours": 8.0},
    "people_by": {"technology": "JAVA"},
}
NEEDS_A_SUBJECT = frozenset(
    {"validators", "contract_details", "activity_distribution", "resource_days", "resource_contracts"}
    | {"person_activities", "expected_vs_worked", "average_span"}
)
NARROWED = [
    (kind.name, subject)
    for kind in REGISTRY
    if takes(kind.name) != EVERYONE_ALIKE
    for subject in sorted(takes(kind.name) & {"person", "contract"})
    # a kind that needs its only subject cannot be asked without it: it is used by construction
    if kind.name not in NEEDS_A_SUBJECT or {"person", "contract"} <= takes(kind.name)
]


def _figures(text: str, *without: str) -> list[str]:
    """The numbers of an answer, without its dates and without the subject's own number."""
    text = re.sub(r"\d{2}/\d{2}(?:/\d{4})?", " ", text)
    for value in without:
        text = text.replace(value, " ")
    return re.findall(r"\d[\d.]*(?:,\d+)?", text)


def _subject(db: Dataset, subject: str) -> str:
    """The person (or contract) with the most hours in the period."""
    if subject == "person":
        return q.ranking(db, top=1, period=PERIOD)[0].resource.id
    return q.list_contracts(db, PERIOD)[0].contract


@pytest.mark.parametrize(("kind", "subject"), NARROWED, ids=[f"{k}-{s}" for k, s in NARROWED])
def test_the_subject_it_takes_changes_the_figures(generated: Dataset, kind: str, subject: str) -> None:
    """Narrowed to a person (or contract), a kind's figures differ from the figures with the other subject
    or, where it needs none, for everyone: a renderer that drops the subject would repeat them."""
    value = _subject(generated, subject)
    base = Question(kind, period=PERIOD, **NEEDS.get(kind, {}))
    narrowed = replace(base, **{subject: value})
    other = "contract" if subject == "person" else "person"
    if kind in NEEDS_A_SUBJECT:
        base = replace(base, **{other: _subject(generated, other)})
    render = BY_NAME[kind].render
    one, two = render(generated, narrowed, GENERATED_END).text, render(generated, base, GENERATED_END).text
    figures = _figures(one, value), _figures(two, _subject(generated, other))
    if figures == ([], []):
        assert one != two  # an answer of names (validators): they differ
    else:
        assert figures[0] != figures[1]


@pytest.mark.parametrize("kind", [k.name for k in REGISTRY])
def test_a_subject_a_kind_does_not_take_is_refused(kind: str) -> None:
    for subject in sorted(EVERYONE_ALIKE - takes(kind)):
        got = _narrowable(Question(kind, **{subject: "x"}))
        assert isinstance(got, Clarification) and "Não consigo responder" in got.text, (kind, subject)
    for subject in sorted(takes(kind)):
        assert _narrowable(Question(kind, **{subject: "x"})) == Question(kind, **{subject: "x"})
