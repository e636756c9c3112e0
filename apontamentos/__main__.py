"""Command line: import an export, generate synthetic data, ask a question.

python -m apontamentos import EXPORT.csv --out SNAPSHOT.parquet
python -m apontamentos generate --out FILE [--rows N] [--seed S] [--end-date D] [--shape clock-hours]
python -m apontamentos ask "pergunta" [--source FILE] [--user NOME]
python -m apontamentos review [--weeks N] [--top N] [--json]   (the REVIEW_TABLE of SESSIONS_STORAGE, or of
                                                               SESSIONS_TABLE_ENDPOINT with your Azure login)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from datetime import date
from pathlib import Path

from .dataset import Dataset
from .engine import answer
from .errors import DatasetError
from .importer import columns_to_csv, import_columns, import_csv, write_snapshot
from .rules import DEFAULT_TIMEZONE, today_in
from .synthetic import DEFAULT_ROWS, as_clock_hours, generate

DEFAULT_SOURCE = "data/apontamentos.parquet"


def _import(args: argparse.Namespace) -> int:
    result = import_csv(Path(args.export))
    write_snapshot(result.table, Path(args.out))
    print(result.summary())
    print(f"snapshot written to {args.out}")
    return 0


def _generate(args: argparse.Namespace) -> int:
    end_date = args.end_date or today_in(os.environ.get("BOT_TIMEZONE", DEFAULT_TIMEZONE))
    columns = generate(rows=args.rows, seed=args.seed, end_date=end_date)
    if args.shape == "clock-hours":
        columns = as_clock_hours(columns)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".csv":
        with out.open("w", encoding="utf-8", newline="") as stream:
            columns_to_csv(columns, stream)
    else:
        write_snapshot(import_columns(columns).table, out)
    print(f"{len(columns['s_id_apontamento']):,} synthetic rows written to {out}")
    return 0


def _ask(args: argparse.Namespace) -> int:
    db = Dataset.from_file(Path(args.source))
    today = today_in(os.environ.get("BOT_TIMEZONE", DEFAULT_TIMEZONE))
    print(answer(db, args.question, {}, today, args.user).text)
    return 0


def _review(args: argparse.Namespace) -> int:
    from .review import ReviewLog, ReviewUnavailable, WeekReport, render

    if args.endpoint:
        from azure.identity.aio import DefaultAzureCredential

        log = ReviewLog.from_endpoint(args.endpoint, args.table, DefaultAzureCredential())
    else:
        log = ReviewLog.from_connection_string(args.storage, args.table)

    async def read() -> list[WeekReport]:
        try:
            return await log.weeks(today_in(os.environ.get("BOT_TIMEZONE", DEFAULT_TIMEZONE)), args.weeks, args.top)
        finally:
            await log.close()

    try:
        reports = asyncio.run(read())
    except ReviewUnavailable as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([r.to_json() for r in reports], ensure_ascii=False, indent=2))
    else:
        print(render(reports))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m apontamentos",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    imp = commands.add_parser("import", help="import a warehouse CSV export into a Parquet snapshot")
    imp.add_argument("export")
    imp.add_argument("--out", required=True)
    imp.set_defaults(run=_import)
    gen = commands.add_parser("generate", help="write deterministic synthetic data (.csv export or .parquet)")
    gen.add_argument("--out", required=True)
    gen.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    gen.add_argument("--seed", type=int, default=7)
    gen.add_argument("--end-date", type=date.fromisoformat, default=None)
    gen.add_argument(
        "--shape",
        choices=("timestamps", "clock-hours"),
        default="timestamps",
        help="clock times as timestamps, or as date + decimal hours (the dados_*_separado.csv export)",
    )
    gen.set_defaults(run=_generate)
    ask = commands.add_parser("ask", help="answer one question with the built-in engine")
    ask.add_argument("question")
    ask.add_argument("--source", default=os.environ.get("APONTAMENTOS_SOURCE", DEFAULT_SOURCE))
    ask.add_argument("--user", default="")
    ask.set_defaults(run=_ask)
    rev = commands.add_parser("review", help="questions not understood, counted per week (words and shapes)")
    rev.add_argument("--weeks", type=int, default=4)
    rev.add_argument("--top", type=int, default=20)
    rev.add_argument("--json", action="store_true")
    rev.add_argument("--storage", default=os.environ.get("SESSIONS_STORAGE") or "UseDevelopmentStorage=true")
    rev.add_argument("--endpoint", default=os.environ.get("SESSIONS_TABLE_ENDPOINT") or None)
    rev.add_argument("--table", default=os.environ.get("REVIEW_TABLE") or "review")
    rev.set_defaults(run=_review)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except DatasetError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
