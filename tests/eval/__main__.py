"""`make eval`: score an engine on the evaluation set (see runner.py)."""

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
    configured_engine,
    eval_columns,
    evaluate,
    load_questions,
    report,
    rules_engine,
    temporary_folder,
    write_eval_snapshot,
)


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", choices=["rules", "llm"], default="rules")
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--all", action="store_true", help="print right turns too")
    args = parser.parse_args()
    columns = eval_columns()
    reference = Reference(spans(columns))
    with temporary_folder() as folder:
        snapshot = write_eval_snapshot(columns, Path(folder))
        engine = rules_engine(snapshot) if args.engine == "rules" else configured_engine(snapshot, dict(os.environ))
        verdicts = await evaluate(engine, load_questions(args.questions), reference)
        if hasattr(engine, "close"):
            await engine.close()
    print(report(verdicts, args.all))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
