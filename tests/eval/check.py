"""Check a question batch against the reference, or print the data sheet its writers read; never runs a bot.

python -m tests.eval.check FILE.jsonl [-v]   # each expectation the reference cannot compute (-v: all of them)
python -m tests.eval.check --sheet           # people, contracts, activities and job titles of the eval data
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..expected import spans
from .reference import Reference, plain
from .runner import eval_columns, role_grant


def problems(path: Path, reference: Reference, verbose: bool = False) -> list[str]:
    """What is wrong with the batch at `path`: unreadable lines, repeated ids, expectations that cannot be computed."""
    found: list[str] = []
    ids: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            conversation = json.loads(line)
        except json.JSONDecodeError as exc:
            found.append(f"line {number}: not JSON: {exc}")
            continue
        if conversation.get("id") in ids:
            found.append(f"line {number}: id {conversation.get('id')} repeated")
        ids.add(conversation.get("id"))
        scoped = reference
        if "role" in conversation:
            role = conversation["role"]
            if role.get("kind") == "colaborador" and conversation["asker"] not in reference.by_name:
                found.append(f"{conversation['id']}: the colaborador {conversation['asker']!r} is not in the data")
                continue
            scoped = reference.scoped(*role_grant(conversation, reference))
        for index, turn in enumerate(conversation["turns"]):
            expect = turn["expect"]
            if any(expect.get(k) for k in ("decline", "chat", "outside_scope", "no_own_entries")):
                continue
            try:
                wanted = [s for spec in expect.get("all", [expect]) for s in scoped.expected(spec)]
            except Exception as exc:  # noqa: BLE001  (any spec the reference cannot compute is the writer's to mend)
                found.append(f"{conversation['id']}#{index} {turn['q']!r}: cannot compute {expect}: {exc!r}")
                continue
            if verbose:
                sys.stdout.write(f"{conversation['id']}#{index} {turn['q']!r}: {wanted}\n")
    return found


def sheet(columns: dict[str, list[Any]]) -> str:
    """The data sheet: what a writer may name (people, contracts, activities, job titles), nothing computed."""
    rows = spans(columns)
    clients: dict[str, set[str]] = defaultdict(set)
    people: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, Counter[str]] = defaultdict(Counter)
    for title, r in zip(columns["s_ds_cargo"], rows, strict=True):
        clients[r.supplier].add(r.client)
        people[r.name].add(r.supplier)
        titles[r.name]["-".join(title.split("-")[2:])] += 1
    days = sorted({r.day for r in rows})
    activities = Counter(plain(r.activity) for r in rows if r.activity)
    first_names = Counter(name.split()[0] for name in people)
    lines = [
        f"Rows: {len(rows)} time entries, days {days[0]} to {days[-1]} (today in the bot's world: {days[-1]}).",
        "",
        "## Supplier contracts -> client contracts",
        *(f"- {s}: {', '.join(sorted(c))}" for s, c in sorted(clients.items())),
        "",
        "## Activities (free text, spelled several ways; some entries have none)",
        ", ".join(a for a, _ in activities.most_common()),
        "",
        "## First names shared by several people (a bare first name is ambiguous)",
        ", ".join(f"{f} ({n})" for f, n in sorted(first_names.items()) if n > 1),
        "",
        "## People: full name — supplier contracts — job title",
        *(
            f"- {name} — {', '.join(sorted(people[name]))} — {titles[name].most_common(1)[0][0]}"
            for name in sorted(people)
        ),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    columns = eval_columns()
    if argv[:1] == ["--sheet"]:
        sys.stdout.write(sheet(columns))
        return 0
    if not argv:
        sys.stdout.write(__doc__ or "")
        return 2
    found = problems(Path(argv[0]), Reference(spans(columns)), verbose="-v" in argv)
    sys.stdout.write("\n".join([*found, f"{len(found)} problem(s)"]) + "\n")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
