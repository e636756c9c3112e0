"""Import of the warehouse CSV: validation, rejections by line, personal data never kept."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from apontamentos.__main__ import main
from apontamentos.dataset import Dataset
from apontamentos.errors import DatasetError
from apontamentos.importer import columns_to_csv, import_csv, read_csv
from apontamentos.queries import list_contracts, total_hours
from apontamentos.schema import parse_role
from apontamentos.synthetic import as_clock_hours, generate
from tests.expected import net_by_supplier, spans

from .conftest import SMALL_ROWS, to_columns

CPF = "00011122233"


def csv_text(delimiter: str = ",", rows: list[dict] | None = None, extra: dict[str, str] | None = None) -> str:
    columns = to_columns(rows or SMALL_ROWS)
    for name, value in (extra or {}).items():
        columns[name] = [value] * len(columns["s_id_apontamento"])
    buffer = io.StringIO()
    columns_to_csv(columns, buffer, delimiter=delimiter)
    return buffer.getvalue()


def replace_field(text: str, line: int, column: str, value: str, delimiter: str = ",") -> str:
    lines = text.splitlines()
    header = lines[0].split(delimiter)
    import csv

    fields = next(csv.reader([lines[line - 1]], delimiter=delimiter))
    fields[header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="").writerow(fields)
    lines[line - 1] = out.getvalue()
    return "\n".join(lines) + "\n"


def test_clean_file_imports_every_row_without_cpf(tmp_path: Path) -> None:
    source = tmp_path / "export.csv"
    source.write_text(csv_text(extra={"s_nr_cpf_original": CPF, "s_nm_recurso_original": "x"}), encoding="utf-8")
    out = tmp_path / "snap.parquet"
    assert main(["import", str(source), "--out", str(out)]) == 0
    table = pq.read_table(out)
    assert table.num_rows == len(SMALL_ROWS)
    assert "s_nr_cpf" not in table.column_names
    assert not [c for c in table.column_names if c.endswith("_original")]
    assert CPF.encode() not in out.read_bytes()
    assert Dataset.from_parquet(out).rows == len(SMALL_ROWS)


def test_bom_and_semicolons_and_decimal_commas() -> None:
    text = "\ufeff" + csv_text(delimiter=";")
    text = replace_field(text, 2, "f_hr_hora_inicio", "8,18", delimiter=";")
    result = read_csv(io.StringIO(text))
    assert result.table.num_rows == len(SMALL_ROWS) and not result.rejected
    assert result.table.column("f_hr_hora_inicio")[0].as_py() == 8.18


def test_null_means_missing() -> None:
    text = replace_field(csv_text(), 2, "s_ds_operacao", "NULL")
    result = read_csv(io.StringIO(text))
    assert result.table.column("s_ds_operacao")[0].as_py() is None


def test_missing_column_is_named() -> None:
    text = csv_text().replace("s_nr_contrato,", "", 1)
    with pytest.raises(DatasetError, match="s_nr_contrato"):
        read_csv(io.StringIO(text))


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("d_dt_data", "31/02/2025", "not a date"),
        ("d_dt_data", "ontem", "not a date"),
        ("d_dt_inicio_apontamento", "2025-13-01 08:00:00", "not a timestamp"),
        ("d_dt_inicio_apontamento", "2025-11-17 08:00:00+00:00", "time zone"),
        ("f_hr_hora_fim", "oito", "not a number"),
        ("f_hr_hora_fim", "99", "out of range"),
        ("b_fl_validado", "talvez", "flag"),
        ("s_id_recurso", "", "missing value"),
        ("d_dt_fim_apontamento", "2025-11-17 07:00:00", "end before start"),
    ],
)
def test_bad_rows_are_reported_by_line_and_skipped(column: str, value: str, reason: str) -> None:
    text = replace_field(csv_text(), 3, column, value)
    result = read_csv(io.StringIO(text))
    assert result.table.num_rows == len(SMALL_ROWS) - 1
    assert [(r.line, reason in r.reason) for r in result.rejected] == [(3, True)]
    assert "line 3" in result.summary()


def test_duplicate_ids_and_wrong_field_counts_are_rejected() -> None:
    lines = csv_text().splitlines()
    text = "\n".join([*lines, lines[1], lines[2] + ",extra"]) + "\n"
    result = read_csv(io.StringIO(text))
    reasons = {r.line: r.reason for r in result.rejected}
    assert reasons[len(lines) + 1].startswith("duplicate s_id_apontamento")
    assert reasons[len(lines) + 2].startswith("wrong number of fields")


def test_empty_file_is_a_clear_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(DatasetError, match="empty"):
        import_csv(empty)
    header_only = tmp_path / "header.csv"
    header_only.write_text(csv_text().splitlines()[0] + "\n", encoding="utf-8")
    assert import_csv(header_only).table.num_rows == 0


def test_not_utf8_and_missing_file(tmp_path: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes(csv_text().encode("latin-1"))
    with pytest.raises(DatasetError, match="UTF-8"):
        import_csv(latin)
    with pytest.raises(DatasetError):
        import_csv(tmp_path / "absent.csv")
    with pytest.raises(DatasetError):
        Dataset.from_parquet(tmp_path / "absent.parquet")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "8446-3-JAVA-ANALISTA DESENVOLVEDOR-NÍVEL SÊNIOR",
            ("8446", "3", "JAVA", "ANALISTA DESENVOLVEDOR", "NÍVEL SÊNIOR"),
        ),
        (
            "8446-1-DOT NET-ARQUITETO DE SOLUÇÕES-NÍVEL PLENO",
            ("8446", "1", "DOT NET", "ARQUITETO DE SOLUÇÕES", "NÍVEL PLENO"),
        ),
        ("8246-Analista de Processos I", ("8246", None, None, "Analista de Processos I", None)),
        ("", (None, None, None, None, None)),
    ],
)
def test_role_shapes(text: str, expected: tuple) -> None:
    role = parse_role(text)
    assert (role.supplier_contract, role.item, role.technology, role.profile, role.level) == expected


def test_generate_cli_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    for out in (first, second):
        assert main(["generate", "--out", str(out), "--rows", "500", "--seed", "3", "--end-date", "2026-11-25"]) == 0
    assert first.read_bytes() == second.read_bytes()
    result = import_csv(first)
    assert result.table.num_rows == 500 and not result.rejected
    assert max(result.table.column("d_dt_data").to_pylist()).isoformat() <= "2026-11-25"


# -- the two shapes of the clock times: timestamps, or date + decimal hours (dados_*_separado.csv) -----------

SHAPES_END = date(2026, 11, 25)


def _write(columns: dict[str, list], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    columns_to_csv(columns, buffer, delimiter=delimiter)
    return buffer.getvalue()


def _mixed(columns: dict[str, list]) -> dict[str, list]:
    """All columns, with the timestamps left empty on every other row (those rows carry decimal hours only)."""
    mixed = {**columns, **{k: v for k, v in as_clock_hours(columns).items() if k.startswith("f_hr_")}}
    for name in ("d_dt_inicio_apontamento", "d_dt_fim_apontamento"):
        mixed[name] = [None if i % 2 else v for i, v in enumerate(columns[name])]
    return mixed


def test_both_shapes_and_a_mix_give_the_same_figures() -> None:
    columns = generate(rows=3_000, seed=11, end_date=SHAPES_END)
    clock_hours = as_clock_hours(columns)
    assert "d_dt_inicio_apontamento" not in clock_hours and "d_dt_fim_apontamento" not in clock_hours
    rows = spans(columns)
    assert any(s.end is not None and s.end.date() > s.day for s in rows), "the data must cross midnight"
    expected = {k: round(v, 6) for k, v in net_by_supplier(rows).items()}
    results = {
        "timestamps": read_csv(io.StringIO(_write(columns))),
        "clock hours": read_csv(io.StringIO(_write(clock_hours, delimiter=";"))),
        "mixed": read_csv(io.StringIO(_write(_mixed(columns)))),
    }
    for shape, result in results.items():
        assert not result.rejected, shape
        db = Dataset(result.table)
        figures = {c.contract: round(c.hours, 6) for c in list_contracts(db)}
        assert figures == expected, shape
        total = total_hours(db)
        assert (total.entries, total.open_spans) == (len(rows), sum(s.end is None for s in rows)), shape
    stamps = [results[s].table.select(["d_dt_inicio_apontamento", "d_dt_fim_apontamento"]) for s in results]
    assert stamps[0].equals(stamps[1]) and stamps[0].equals(stamps[2])


def _clock_row(**fields: str) -> dict[str, list]:
    columns = as_clock_hours(to_columns(SMALL_ROWS[:1]))
    for name, value in fields.items():
        columns[name] = [value]
    return columns


def test_a_span_past_midnight_ends_on_the_next_day() -> None:
    text = _write(
        _clock_row(
            d_dt_data="2025-11-17",
            d_dt_data_fim="2025-11-18",
            f_hr_hora_inicio="22.5",
            f_hr_hora_fim="6.25",
            n_fl_abatimento="",
        )
    )
    result = read_csv(io.StringIO(text))
    assert not result.rejected
    row = result.table.to_pylist()[0]
    assert row["d_dt_inicio_apontamento"] == datetime(2025, 11, 17, 22, 30)
    assert row["d_dt_fim_apontamento"] == datetime(2025, 11, 18, 6, 15)
    assert total_hours(Dataset(result.table)).gross_hours == 7.75


def test_clock_hours_bad_rows_are_reported_by_line() -> None:
    good = as_clock_hours(to_columns(SMALL_ROWS))
    bad = {  # line -> (column, value, reason)
        3: ("f_hr_hora_fim", "24.0", "hour out of range"),
        4: ("f_hr_hora_inicio", "-1", "hour out of range"),
        5: ("f_hr_hora_fim", "7.5", "end before start"),
        6: ("d_dt_data_fim", "2025-11-16", "end date before start date"),
        7: ("f_hr_hora_inicio", "", "missing value: d_dt_inicio_apontamento or f_hr_hora_inicio"),
    }
    for line, (column, value, _) in bad.items():
        good[column][line - 2] = value
    good["f_hr_hora_inicio"][5 - 2] = "9"  # 09:00 to 07:30 on the same day: a negative duration
    result = read_csv(io.StringIO(_write(good)))
    assert {r.line: r.reason.split(":")[0] for r in result.rejected} == {
        line: reason.split(":")[0] for line, (_, _, reason) in bad.items()
    }
    assert result.table.num_rows == len(SMALL_ROWS) - len(bad)
    assert "line 7" in result.summary()


@pytest.mark.parametrize(
    ("dropped", "named"),
    [
        (("d_dt_inicio_apontamento", "f_hr_hora_fim"), ("d_dt_inicio_apontamento", "f_hr_hora_fim")),
        (("d_dt_fim_apontamento", "f_hr_hora_inicio", "s_id_recurso"), ("d_dt_fim_apontamento", "s_id_recurso")),
    ],
)
def test_neither_shape_complete_names_the_missing_columns(dropped: tuple[str, ...], named: tuple[str, ...]) -> None:
    columns = {k: v for k, v in to_columns(SMALL_ROWS).items() if k not in dropped}
    with pytest.raises(DatasetError) as caught:
        read_csv(io.StringIO(_write(columns)))
    for name in (*named, "f_hr_hora_inicio"):
        assert name in str(caught.value)


def test_either_shape_alone_is_enough_in_the_header() -> None:
    full = to_columns(SMALL_ROWS)
    timestamps_only = {k: v for k, v in full.items() if not k.startswith("f_hr_") and k != "d_dt_data_fim"}
    for columns in (timestamps_only, as_clock_hours(full)):
        result = read_csv(io.StringIO(_write(columns)))
        assert result.table.num_rows == len(SMALL_ROWS) and not result.rejected
        assert result.table.column("f_hr_hora_inicio")[0].as_py() == 8.0
        assert result.table.column("d_dt_fim_apontamento")[0].as_py() == datetime(2025, 11, 17, 17)


def test_rows_with_timestamps_keep_their_decimal_hours_as_written() -> None:
    """Only decimal hours that make a timestamp must be clock times; with timestamps they are kept as exported."""
    columns = to_columns(SMALL_ROWS[:1])
    columns["d_dt_fim_apontamento"] = ["2025-11-18 01:30:00"]
    columns["f_hr_hora_fim"] = ["25.5"]
    result = read_csv(io.StringIO(_write(columns)))
    assert not result.rejected
    assert result.table.column("f_hr_hora_fim")[0].as_py() == 25.5
    assert total_hours(Dataset(result.table)).gross_hours == 17.5  # 08:00 to 01:30 the next day
