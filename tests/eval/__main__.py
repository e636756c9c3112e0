"""`make eval`: score an engine on the evaluation sets (see runner.py), right / declined / wrong per batch file.

    python -m tests.eval [--engine rules|llm] [--questions FILE ...] [--all]

Without --questions every tests/eval/*.jsonl is a batch; `--questions tests/eval/questions.jsonl` alone gives
the former output (the project set only, with no table of batches).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from ..expected import spans
from .reference import Reference
from .runner import (
    QUESTIONS,
    Verdict,
    configured_engine,
    eval_columns,
    evaluate,
    load_questions,
    report,
    rules_engine,
    summary,
    temporary_folder,
    write_eval_snapshot,
)


def batch_files(chosen: list[Path] | None) -> list[Path]:
    """The files named on the command line, or every evaluation batch next to the project set."""
    return chosen or sorted(QUESTIONS.parent.glob("*.jsonl"))


def batch_table(results: dict[str, list[Verdict]]) -> str:
    """One line per batch and one for all of them together."""
    rows = [*results.items(), ("all", [v for verdicts in results.values() for v in verdicts])]
    width = max(len(name) for name, _ in rows)
    lines = [f"{'batch':<{width}}  turns   right  declined   wrong  refusals declined"]
    for name, verdicts in rows:
        s = summary(verdicts)
        lines.append(
            f"{name:<{width}}  {s['turns']:>5}  {s['right']:>6.1%}  {s['declined']:>8.1%}  {s['wrong']:>6.1%}"
            f"  {s['refusals_declined']:>17.0%}"
        )
    return "\n".join(lines)


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", choices=["rules", "llm"], default="rules")
    parser.add_argument(
        "--questions", type=Path, action="append", help="a batch file (repeatable; default: tests/eval/*.jsonl)"
    )
    parser.add_argument("--all", action="store_true", help="print right turns too")
    args = parser.parse_args()
    files = batch_files(args.questions)
    columns = eval_columns()
    reference = Reference(spans(columns))
    results: dict[str, list[Verdict]] = {}
    with temporary_folder() as folder:
        snapshot = write_eval_snapshot(columns, Path(folder))
        engine = rules_engine(snapshot) if args.engine == "rules" else configured_engine(snapshot, dict(os.environ))
        for path in files:
            results[path.name] = await evaluate(engine, load_questions(path), reference)
        if hasattr(engine, "close"):
            await engine.close()
    for name, verdicts in results.items():
        if len(results) > 1:
            print(f"\n== {name} ==")
        print(report(verdicts, args.all))
    if len(results) > 1:
        print("\n" + batch_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
