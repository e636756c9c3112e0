"""Command line: import an export, generate synthetic data, ask a question.

python -m apontamentos import EXPORT.csv --out SNAPSHOT.parquet
python -m apontamentos generate --out FILE [--rows N] [--seed S] [--end-date D]
python -m apontamentos ask "pergunta" [--source FILE] [--user NOME]
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from .dataset import Dataset
from .engine import answer
from .errors import DatasetError
from .importer import columns_to_csv, import_columns, import_csv, write_snapshot
from .rules import DEFAULT_TIMEZONE, today_in
from .synthetic import DEFAULT_ROWS, generate

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
    gen.set_defaults(run=_generate)
    ask = commands.add_parser("ask", help="answer one question with the built-in engine")
    ask.add_argument("question")
    ask.add_argument("--source", default=os.environ.get("APONTAMENTOS_SOURCE", DEFAULT_SOURCE))
    ask.add_argument("--user", default="")
    ask.set_defaults(run=_ask)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except DatasetError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
