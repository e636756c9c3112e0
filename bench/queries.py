"""Domain benchmark at the real snapshot's scale: cold load, resident memory, p50/p95 of every query,
of understanding a question (text to typed Question) over every evaluation batch's phrasings, and of
composed questions (query builder + renderer), open and through a scope.

    python -m bench.queries [--rows 211863] [--repeat 100] [--compositions-only]

The snapshot is generated once into .local/bench/ and reused. Cold load and memory are measured in
a fresh interpreter; query latencies cycle through varied arguments. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from apontamentos import compose_answer
from apontamentos import queries as q
from apontamentos.composition import Composition
from apontamentos.dataset import Dataset
from apontamentos.engine import me_in
from apontamentos.importer import import_columns, write_snapshot
from apontamentos.question import from_context
from apontamentos.rules import Period, month_of
from apontamentos.scope import Scope, scoped
from apontamentos.synthetic import generate
from apontamentos.understanding import understand

ROOT = Path(__file__).resolve().parent.parent
END = date(2026, 11, 25)

_COLD = """
import json, sys, time
start = time.perf_counter()
from pathlib import Path
from apontamentos.dataset import Dataset
imported = time.perf_counter()
db = Dataset.from_parquet(Path(sys.argv[1]))
loaded = time.perf_counter()
rss = int(open('/proc/self/statm').read().split()[1]) * 4096 / 2**20
status = dict(line.split(":", 1) for line in open('/proc/self/status').read().splitlines())
peak = int(status["VmHWM"].split()[0]) / 1024  # ru_maxrss would include the parent's peak across exec
print(json.dumps({"import": imported - start, "load": loaded - imported, "rss": rss, "peak": peak, "rows": db.rows}))
"""


def snapshot(rows: int) -> Path:
    path = ROOT / ".local" / "bench" / f"apontamentos-{rows}-{END.isoformat()}.parquet"
    if not path.exists():
        started = time.perf_counter()
        write_snapshot(import_columns(generate(rows=rows, seed=7, end_date=END)).table, path)
        print(f"generated {path.name} in {time.perf_counter() - started:.1f} s")
    return path


def cold(path: Path) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", _COLD, str(path)], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=211_863)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--compositions-only", action="store_true", help="understanding and compositions only")
    args = parser.parse_args()
    path = snapshot(args.rows)
    if args.compositions_only:
        db = Dataset.from_parquet(path)
        understanding(db)
        compositions(db, args.repeat)
        return
    runs = [cold(path) for _ in range(3)]
    best = min(runs, key=lambda r: r["load"])
    print(f"snapshot: {best['rows']:,} rows, {path.stat().st_size / 2**20:.1f} MiB Parquet")
    print(
        f"cold load: {best['load']:.2f} s (+ {best['import']:.2f} s importing the modules); "
        f"resident after load {best['rss']:.0f} MiB, peak {best['peak']:.0f} MiB"
    )

    db = Dataset.from_parquet(path)
    people = sorted(db.resources)[:: max(1, len(db.resources) // args.repeat)][: args.repeat]
    names = [db.resources[p].name for p in people]
    contracts = sorted(db.supplier_contracts)
    clients = sorted(db.client_contracts)
    months = [month_of(2026, m) for m in (9, 10, 11)]
    weeks = [Period(END - timedelta(days=7 * k + 6), END - timedelta(days=7 * k)) for k in range(6)]
    cases: dict[str, Callable[[int], Any]] = {
        "list_contracts": lambda i: q.list_contracts(db, months[i % 3] if i % 2 else None),
        "contract_details (supplier)": lambda i: q.contract_details(db, contracts[i % len(contracts)]),
        "contract_details (client)": lambda i: q.contract_details(db, clients[i % len(clients)]),
        "contract_resources": lambda i: q.contract_resources(db, contracts[i % len(contracts)]),
        "resource_contracts": lambda i: q.resource_contracts(db, names[i % len(names)]),
        "total_hours (resource)": lambda i: q.total_hours(db, resource=names[i % len(names)], period=months[i % 3]),
        "total_hours (contract)": lambda i: q.total_hours(db, contract=contracts[i % len(contracts)]),
        "total_hours (everyone)": lambda i: q.total_hours(db, period=weeks[i % 6]),
        "period_summary": lambda i: q.period_summary(db, months[i % 3]),
        "resource_days": lambda i: q.resource_days(db, people[i % len(people)], months[i % 3]),
        "working_days_in": lambda i: q.working_days_in(db, months[i % 3]),
        "expected_vs_worked": lambda i: q.expected_vs_worked(db, people[i % len(people)], months[i % 3]),
        "missing_days (everyone, month)": lambda i: q.missing_days(db, months[i % 2]),
        "missing_days (contract, month)": lambda i: q.missing_days(db, months[i % 2], contracts[i % len(contracts)]),
        "ranking (top 10)": lambda i: q.ranking(db, 10, period=months[i % 3]),
        "ranking (technology)": lambda i: q.ranking(db, 10, technology=("JAVA", "SAP", "AZURE")[i % 3]),
        "average_span": lambda i: q.average_span(db, names[i % len(names)] if i % 2 else None),
        "outliers": lambda i: q.outliers(db, months[i % 3]),
        "week_comparison": lambda i: q.week_comparison(db, END - timedelta(days=i % 10)),
        "open_spans": lambda i: q.open_spans(db, months[i % 3] if i % 2 else None),
        "unvalidated": lambda i: q.unvalidated(db, months[i % 3] if i % 2 else None),
        "people_by": lambda i: q.people_by(db, technology=("JAVA", "SAP", "AZURE")[i % 3]),
        "weekend_work": lambda i: q.weekend_work(db, months[i % 3]),
        "days_above": lambda i: q.days_above(db, 10 + i % 3, weeks[i % 6]),
        "resolve_resource": lambda i: q.resolve_resource(db, names[i % len(names)]),
        "ranking (bottom 10)": lambda i: q.ranking(db, 10, period=months[i % 3], order="asc"),
        "days_above (gross)": lambda i: q.days_above(db, 10 + i % 3, weeks[i % 6], basis="gross"),
        "holiday_work": lambda i: q.holiday_work(db, months[i % 3]),
        "hours_per_day": lambda i: q.hours_per_day(db, resource=names[i % len(names)] if i % 2 else None),
        "validators": lambda i: q.validators(db, resource=names[i % len(names)]),
        "person_missing_days": lambda i: q.person_missing_days(db, names[i % len(names)], months[i % 3]),
        "activity_summary (everyone, month)": lambda i: q.activity_summary(db, months[i % 3]),
        "activity_summary (contract)": lambda i: q.activity_summary(db, contract=contracts[i % len(contracts)]),
        "activity_summary (person)": lambda i: q.activity_summary(db, resource=names[i % len(names)]),
        "activity_hours (words, month)": lambda i: q.activity_hours(
            db, ("reuniao", "code review", "testes")[i % 3], months[i % 3]
        ),
    }
    print(f"\n{'query':<32} {'p50 ms':>8} {'p95 ms':>8}")
    for name, call in cases.items():
        call(0)
        latencies = []
        for i in range(args.repeat):
            started = time.perf_counter()
            call(i)
            latencies.append((time.perf_counter() - started) * 1000)
        latencies.sort()
        p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]
        print(f"{name:<32} {statistics.median(latencies):>8.2f} {p95:>8.2f}")
    understanding(db)
    compositions(db, args.repeat)
    scope_cost(db, months, args.repeat)


def compositions(db: Dataset, repeat: int) -> None:
    """Composed questions rendered end to end (one query builder + renderer), open and through two scopes."""
    contracts = sorted(db.supplier_contracts)
    months = [month_of(2026, m) for m in (9, 10, 11)]
    everything = Period(db.first_day or END, db.last_day or END)
    cases: dict[str, Callable[[int], Composition]] = {
        "hours by month of a contract": lambda i: Composition(group="month", contract=contracts[i % len(contracts)]),
        "top weekday": lambda i: Composition(group="weekday", limit=1, period=months[i % 3]),
        "bottom 4 people": lambda i: Composition(group="person", order="asc", limit=4, period=months[i % 3]),
        "top people in an activity": lambda i: Composition(
            group="person", activity=("reuniao", "code review", "testes")[i % 3], period=months[i % 3], limit=10
        ),
        "share of an activity": lambda i: Composition(
            contract=contracts[i % len(contracts)], output="share", share_of="suporte"
        ),
        "hours since a day": lambda i: Composition(period=Period(END - timedelta(days=13 + i % 5), END)),
        "last day of a contract": lambda i: Composition(measure="last_day", contract=contracts[i % len(contracts)]),
        "two months side by side": lambda i: Composition(
            contract=contracts[i % len(contracts)], period=months[0], versus=months[1], output="compare"
        ),
        "people by week (everything)": lambda i: Composition(measure="people", group="week", period=everything),
        "gross hours by day, weekday filter": lambda i: Composition(
            basis="gross", group="day", weekday=1 + i % 5, period=months[i % 3]
        ),
    }
    person = sorted(db.resources)[len(db.resources) // 2]
    views = {
        "open": db,
        "gestor": scoped(db, Scope("gestor", contracts=(contracts[0], contracts[1]))),
        "colaborador": scoped(db, Scope("colaborador", resource_id=person)),
    }
    print(f"\n{'composition: p95 ms':<36} " + " ".join(f"{name:>12}" for name in views))
    everything_p95: list[float] = []
    for name, make in cases.items():
        cells = []
        for view_name, view in views.items():
            latencies = []
            for i in range(repeat + 1):
                composition = make(i)
                if view_name != "open" and composition.contract:
                    composition = Composition(**{**composition.__dict__, "contract": None})
                started = time.perf_counter()
                compose_answer.render(view, compose_answer.question_of(composition), END)
                if i:  # the first run warms the view
                    latencies.append((time.perf_counter() - started) * 1000)
            latencies.sort()
            cells.append(latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))])
            everything_p95.extend(latencies)
        print(f"{name:<36} " + " ".join(f"{c:>12.2f}" for c in cells))
    everything_p95.sort()
    print(f"all compositions: p95 {everything_p95[int(0.95 * len(everything_p95))]:.2f} ms")


def scope_cost(db: Dataset, months: list[Period], repeat: int) -> None:
    """The same queries through a gestor's and a colaborador's scope: what enforcing the scope adds."""
    contracts = sorted(db.supplier_contracts)
    person = sorted(db.resources)[len(db.resources) // 2]
    views = {
        "open": db,
        "gestor (2 contracts)": scoped(db, Scope("gestor", contracts=(contracts[0], contracts[1]))),
        "colaborador": scoped(db, Scope("colaborador", resource_id=person)),
    }
    calls: dict[str, Callable[[Any, int], Any]] = {
        "total_hours (everyone, month)": lambda v, i: q.total_hours(v, period=months[i % 3]),
        "ranking (top 10)": lambda v, i: q.ranking(v, 10, period=months[i % 3]),
        "missing_days (month)": lambda v, i: q.missing_days(v, months[i % 2]),
        "list_contracts": lambda v, i: q.list_contracts(v, months[i % 3]),
    }
    print(f"\n{'scope cost: p95 ms':<32} " + " ".join(f"{name:>22}" for name in views))
    for name, call in calls.items():
        cells = []
        for view in views.values():
            call(view, 0)
            latencies = []
            for i in range(repeat):
                started = time.perf_counter()
                call(view, i)
                latencies.append((time.perf_counter() - started) * 1000)
            latencies.sort()
            cells.append(latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))])
        extra = " ".join(f"{c:>14.2f} ({c - cells[0]:+.2f})" for c in cells[1:])
        print(f"{name:<32} {cells[0]:>22.2f} {extra}")
    started = time.perf_counter()
    scoped(db, Scope("gestor", contracts=(contracts[2],)))
    print(
        f"building a scope the first time (then cached per snapshot): {(time.perf_counter() - started) * 1000:.2f} ms"
    )


def understanding(db: Dataset) -> None:
    """Text to typed Question for every phrasing of the evaluation batches, follow-ups with their context."""
    conversations = [
        json.loads(line)
        for batch in sorted((ROOT / "tests" / "eval").glob("*.jsonl"))
        for line in batch.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    me = me_in(db, db.resources[sorted(db.resources)[0]].name)
    latencies: list[float] = []
    first: list[float] = []
    for round_ in range(3):
        for conversation in conversations:
            previous = None
            for turn in conversation["turns"]:
                started = time.perf_counter()
                understood = understand(db, turn["q"], previous, END, me)
                latencies.append((time.perf_counter() - started) * 1000)
                if not round_:
                    first.append(latencies[-1])
                if hasattr(understood, "to_context"):
                    previous = from_context(understood.to_context())
    latencies.sort()
    p95 = latencies[int(0.95 * len(latencies))]
    print(f"\nunderstanding ({len(latencies)} phrasings): p50 {statistics.median(latencies):.2f} ms, p95 {p95:.2f} ms")
    # The typo corrector remembers the words it has seen: the first pass is what new words cost.
    first.sort()
    first_p95 = first[int(0.95 * len(first))]
    print(f"  first pass alone ({len(first)}): p50 {statistics.median(first):.2f} ms, p95 {first_p95:.2f} ms")


if __name__ == "__main__":
    main()
