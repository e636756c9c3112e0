"""Import of the warehouse CSV export into a Parquet snapshot: validate, drop personal data, derive.

Two shapes of export carry the clock times: timestamps (`d_dt_inicio_apontamento`, `d_dt_fim_apontamento`)
or a date and decimal hours (`d_dt_data`/`d_dt_data_fim` with `f_hr_hora_inicio`/`f_hr_hora_fim`, 8.5 = 08:30),
as the company's current `dados_<timestamp>_separado.csv` does. Each row uses its timestamps when present and
the date plus decimal hours otherwise; the snapshot always holds both. Bad rows are reported by line number
and reason and skipped; nothing is silently coerced.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .errors import DatasetError
from .schema import DERIVED_COLUMNS, EXPORT_COLUMNS, OPTIONAL_COLUMNS, PERSONAL_COLUMNS, SNAPSHOT_COLUMNS, parse_role

MISSING = frozenset({"", "null", "NULL", "Null"})
REQUIRED = frozenset({"s_id_apontamento", "s_id_recurso", "s_nm_recurso", "d_dt_data"})
# The clock times come in either shape; a file needs every column of at least one of them.
TIMESTAMP_SHAPE = ("d_dt_inicio_apontamento", "d_dt_fim_apontamento")
CLOCK_HOURS_SHAPE = ("f_hr_hora_inicio", "f_hr_hora_fim")
# Columns derived from the other shape when a file lacks them; every other export column is required.
SHAPE_COLUMNS = frozenset({*TIMESTAMP_SHAPE, *CLOCK_HOURS_SHAPE, "d_dt_data_fim"})
DATE_COLUMNS = ("d_dt_data", "d_dt_data_fim")
TIMESTAMP_COLUMNS = ("d_dt_inicio_apontamento", "d_dt_fim_apontamento")
NUMBER_COLUMNS = ("f_hr_hora_inicio", "f_hr_hora_fim")
FLAG_COLUMNS = ("n_fl_abatimento", "b_fl_validado")

SNAPSHOT_SCHEMA = pa.schema(
    [
        pa.field(
            name,
            pa.date32()
            if name in DATE_COLUMNS
            else pa.timestamp("s")
            if name in TIMESTAMP_COLUMNS
            else pa.float64()
            if name in NUMBER_COLUMNS
            else pa.int8()
            if name in FLAG_COLUMNS
            else pa.string(),
        )
        for name in SNAPSHOT_COLUMNS
    ]
)

_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
_TIMESTAMP_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
)
_FRACTION = re.compile(r"\.\d+$")
_SPACES = re.compile(r"\s+")


class RowError(ValueError):
    pass


@dataclass(frozen=True)
class Rejection:
    line: int
    reason: str


@dataclass
class ImportResult:
    table: pa.Table
    rejected: list[Rejection] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"rows kept: {self.table.num_rows:,}", f"rows rejected: {len(self.rejected):,}"]
        for reason, count in Counter(r.reason.split(":")[0] for r in self.rejected).most_common():
            lines.append(f"  {count:,} x {reason}")
        for rejection in self.rejected[:10]:
            lines.append(f"  line {rejection.line}: {rejection.reason}")
        activities = pc.count_distinct(self.table.column("s_ds_atividade")).as_py()
        lines.append(
            f"activities: present, {activities:,} distinct descriptions"
            if activities
            else "activities: none (no s_ds_atividade column, or all empty)"
        )
        if self.table.num_rows:
            days = self.table.column("d_dt_data")
            lines.append(f"dates: {pc.min(days).as_py():%d/%m/%Y} to {pc.max(days).as_py():%d/%m/%Y}")
            for label, column in (
                ("client contracts", "s_nr_contrato"),
                ("supplier contracts", "s_nr_contrato_fornecedor"),
                ("resources", "s_id_recurso"),
            ):
                lines.append(f"{label}: {pc.count_distinct(self.table.column(column)).as_py():,}")
        return "\n".join(lines)


def _parse_date(text: str) -> date:
    text = text.strip()
    text = text.split(" ")[0].split("T")[0] if len(text) > 10 else text
    try:
        return date.fromisoformat(text)  # the warehouse's own format; much faster than strptime
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise RowError(f"not a date: {text[:40]!r}")


def _parse_timestamp(text: str) -> datetime:
    text = _FRACTION.sub("", text.strip())
    try:
        parsed = datetime.fromisoformat(text) if len(text) > 10 else None
    except ValueError:
        parsed = None
    if parsed is not None:
        if parsed.tzinfo is not None:
            raise RowError(f"timestamp with a time zone: {text[:40]!r}")
        return parsed
    for fmt in _TIMESTAMP_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise RowError(f"not a timestamp: {text[:40]!r}")


def _parse_number(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError as err:
        raise RowError(f"not a number: {text[:40]!r}") from err
    if not 0 <= value < 48:
        raise RowError(f"hour out of range: {text[:40]!r}")
    return value


def _parse_flag(text: str) -> int:
    lowered = text.strip().lower()
    if lowered in ("1", "1.0", "true"):
        return 1
    if lowered in ("0", "0.0", "false"):
        return 0
    raise RowError(f"not a 0/1 flag: {text[:40]!r}")


_PARSERS: dict[str, Callable[[str], Any]] = {
    **dict.fromkeys(DATE_COLUMNS, _parse_date),
    **dict.fromkeys(TIMESTAMP_COLUMNS, _parse_timestamp),
    **dict.fromkeys(NUMBER_COLUMNS, _parse_number),
    **dict.fromkeys(FLAG_COLUMNS, _parse_flag),
}


def _convert(raw: dict[str, str | None]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name in EXPORT_COLUMNS:
        if name in PERSONAL_COLUMNS:
            continue
        text = raw.get(name)
        if text is None or text.strip() in MISSING:
            if name in REQUIRED:
                raise RowError(f"missing value: {name}")
            row[name] = None
            continue
        parser = _PARSERS.get(name)
        try:
            row[name] = parser(text) if parser else text.strip()
        except RowError as err:
            raise RowError(f"{err} in {name}") from None
    for name in OPTIONAL_COLUMNS:
        # Free text typed by people: runs of whitespace become one space; the original spelling is kept.
        text = raw.get(name)
        row[name] = None if text is None or text.strip() in MISSING else _SPACES.sub(" ", text.strip())
    _settle_clock(row)
    if row["b_fl_validado"] is None:
        row["b_fl_validado"] = 0
    role = parse_role(row["s_ds_cargo"])
    row.update(
        zip(
            DERIVED_COLUMNS,
            (role.supplier_contract, role.item, role.technology, role.profile, role.level),
            strict=True,
        )
    )
    return row


def _at(day: date, hours: float, column: str) -> datetime:
    """The clock time `hours` (decimal, 8.5 = 08:30) on `day`, to the second."""
    if hours >= 24:
        # A span that crosses midnight ends on the next day (d_dt_data_fim), never at hour 24 or later. (Rows
        # with timestamps keep such values as the export wrote them: the timestamps are what counts there.)
        raise RowError(f"hour out of range: {hours:g} (0 to 23.99) in {column}")
    return datetime.combine(day, datetime.min.time()) + timedelta(seconds=round(hours * 3600))


def _hours_of(moment: datetime) -> float:
    return round(moment.hour + moment.minute / 60 + moment.second / 3600, 6)


def _settle_clock(row: dict[str, Any]) -> None:
    """Fill the start and end timestamps from the date and decimal hours where a row lacks them, then the
    decimal hours and end date from the timestamps, so the snapshot always has both; reject what cannot be."""
    if row["d_dt_data_fim"] is not None and row["d_dt_data_fim"] < row["d_dt_data"]:
        raise RowError("end date before start date: d_dt_data_fim")
    if row["d_dt_inicio_apontamento"] is None:
        if row["f_hr_hora_inicio"] is None:
            raise RowError("missing value: d_dt_inicio_apontamento or f_hr_hora_inicio")
        row["d_dt_inicio_apontamento"] = _at(row["d_dt_data"], row["f_hr_hora_inicio"], "f_hr_hora_inicio")
    if row["d_dt_fim_apontamento"] is None and row["f_hr_hora_fim"] is not None:
        day = row["d_dt_data_fim"] or row["d_dt_data"]
        row["d_dt_fim_apontamento"] = _at(day, row["f_hr_hora_fim"], "f_hr_hora_fim")
    start, end = row["d_dt_inicio_apontamento"], row["d_dt_fim_apontamento"]
    if end is not None and end < start:
        raise RowError(f"end before start: ends {start - end} before it starts (past midnight needs d_dt_data_fim)")
    if row["f_hr_hora_inicio"] is None:
        row["f_hr_hora_inicio"] = _hours_of(start)
    if end is not None:
        row["f_hr_hora_fim"] = row["f_hr_hora_fim"] if row["f_hr_hora_fim"] is not None else _hours_of(end)
        row["d_dt_data_fim"] = row["d_dt_data_fim"] or end.date()


def _check_header(header: list[str]) -> None:
    """Every export column but the clock columns, and all the clock columns of at least one shape."""
    missing = [c for c in EXPORT_COLUMNS if c not in header and c not in SHAPE_COLUMNS]
    shapes = [[c for c in shape if c not in header] for shape in (TIMESTAMP_SHAPE, CLOCK_HOURS_SHAPE)]
    if all(shapes):
        missing.append(
            "clock times: either " + " and ".join(TIMESTAMP_SHAPE) + " (missing " + ", ".join(shapes[0]) + ")"
            " or " + " and ".join(CLOCK_HOURS_SHAPE) + " (missing " + ", ".join(shapes[1]) + ")"
        )
    if missing:
        raise DatasetError(f"missing column(s): {'; '.join(missing)}")


def import_rows(header: list[str], rows: Iterable[list[str]], first_line: int = 2) -> ImportResult:
    """Validate and convert data rows given the header; `first_line` numbers the first data row."""
    _check_header(header)
    columns: dict[str, list[Any]] = {name: [] for name in SNAPSHOT_COLUMNS}
    rejected: list[Rejection] = []
    seen: set[str] = set()
    width = len(header)
    for line, values in enumerate(rows, start=first_line):
        if not any(v.strip() for v in values):
            continue
        if len(values) != width:
            rejected.append(Rejection(line, f"wrong number of fields: {len(values)} instead of {width}"))
            continue
        try:
            row = _convert(dict(zip(header, values, strict=True)))
        except RowError as err:
            rejected.append(Rejection(line, str(err)))
            continue
        if row["s_id_apontamento"] in seen:
            rejected.append(Rejection(line, f"duplicate s_id_apontamento: {row['s_id_apontamento'][:40]}"))
            continue
        seen.add(row["s_id_apontamento"])
        for name in SNAPSHOT_COLUMNS:
            columns[name].append(row[name])
    return ImportResult(pa.table(columns, schema=SNAPSHOT_SCHEMA), rejected)


def read_csv(stream: IO[str]) -> ImportResult:
    """Import a CSV as the warehouse tools write it: comma or semicolon, with or without BOM."""
    text = stream.read()
    if text.startswith("\ufeff"):
        text = text[1:]
    first = text.split("\n", 1)[0]
    if not first.strip():
        raise DatasetError("the file is empty: no header line")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().strip('"').lower() for h in next(reader)]
    # Warehouse exports may carry pre-transformation copies of columns; they are never kept.
    return import_rows(header, reader)


def import_csv(path: Path) -> ImportResult:
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            return read_csv(stream)
    except UnicodeDecodeError as err:
        raise DatasetError(f"{path} is not UTF-8 text") from err
    except OSError as err:
        raise DatasetError(f"cannot read {path}: {err.strerror}") from err


def write_snapshot(table: pa.Table, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    pq.write_table(table, tmp, compression="zstd")
    tmp.replace(out)


def import_columns(columns: dict[str, list[Any]]) -> ImportResult:
    """Export-shaped columns (synthetic data) through the same CSV import as a real export."""
    buffer = io.StringIO()
    columns_to_csv(columns, buffer)
    buffer.seek(0)
    return read_csv(buffer)


def columns_to_csv(columns: dict[str, list[Any]], stream: IO[str], delimiter: str = ",") -> None:
    """Write export-shaped columns as the warehouse tools would (missing values empty)."""
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
    names = list(columns)
    writer.writerow(names)
    for values in zip(*(columns[n] for n in names), strict=True):
        writer.writerow("" if v is None else v for v in values)
