"""Datasets for the domain tests: a small hand-checkable one and a generated one with its raw rows."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from apontamentos.dataset import Dataset
from apontamentos.importer import import_columns
from apontamentos.schema import EXPORT_COLUMNS
from apontamentos.synthetic import generate

GENERATED_END = date(2026, 11, 25)


def export_row(
    resource: tuple[str, str],
    supplier: str,
    client: str,
    day: str,
    start: str,
    end: str | None,
    lunch: bool = False,
    validated: bool = True,
    entry: str = "",
    technology: str = "JAVA",
) -> dict:
    """One export-shaped row; times are 'HH:MM' on `day` (dd/mm/yyyy)."""
    d, m, y = day.split("/")
    iso = f"{y}-{m}-{d}"
    validator = {"8446": ("900", "Gestora Alfa"), "8447": ("901", "Gestor Beta")}[supplier]
    return {
        "s_id_apontamento": entry,
        "s_ds_operacao": "Sustentação",
        "s_nr_contrato": client,
        "s_nr_cpf": "00011122233",
        "s_id_recurso": resource[0],
        "s_nm_recurso": resource[1],
        "s_id_cargo": "1",
        "s_ds_cargo": f"{supplier}-1-{technology}-ANALISTA DESENVOLVEDOR-NÍVEL SÊNIOR",
        "d_dt_data": iso,
        "d_dt_data_fim": iso if end else None,
        "d_dt_inicio_apontamento": f"{iso} {start}:00",
        "d_dt_fim_apontamento": f"{iso} {end}:00" if end else None,
        "f_hr_hora_inicio": int(start[:2]) + int(start[3:]) / 60,
        "f_hr_hora_fim": (int(end[:2]) + int(end[3:]) / 60) if end else None,
        "n_fl_abatimento": 1 if lunch else None,
        "b_fl_validado": 1 if validated else 0,
        "s_id_usuario_valida": validator[0] if validated else None,
        "s_nm_usuario_valida": validator[1] if validated else None,
        "s_id_usuario": resource[0],
        "s_nm_usuario": resource[1],
        "s_id_tipo_jornada": "1",
        "s_ds_tipo_jornada": "Padrão",
        "s_id_divisao": "10",
        "s_ds_divisao": "Diretoria de Tecnologia",
        "s_nm_sigla": "DTI",
        "s_nm_cliente_operacional": None,
    }


ANA_MARIA = ("1", "Ana Maria Souza")
ANA_PAULA = ("2", "Ana Paula Lima")
JOAO = ("3", "João da Silva")

# The week of 17/11/2025 (Monday); 20/11 is a national holiday (Consciência Negra). Hours by hand:
# 8446: gross 9+4+4.5+10+4 = 31.5, net 8+4+4.5+9+4 = 29.5, 6 entries (1 open), 2 resources.
# 8447: gross 14+9+2+8 = 33, net 13+8+2+7 = 30 (João's second flagged span on 18/11 loses no lunch).
SMALL_ROWS = [
    export_row(ANA_MARIA, "8446", "E0000001", "17/11/2025", "08:00", "17:00", lunch=True),
    export_row(ANA_MARIA, "8446", "E0000001", "18/11/2025", "08:00", "12:00"),
    export_row(ANA_MARIA, "8446", "E0000001", "18/11/2025", "13:00", "17:30"),
    export_row(ANA_MARIA, "8446", "E0000001", "19/11/2025", "08:00", None, validated=False),
    export_row(ANA_PAULA, "8446", "E0000001", "17/11/2025", "09:00", "19:00", lunch=True, technology="AZURE"),
    export_row(ANA_PAULA, "8446", "E0000001", "22/11/2025", "09:00", "13:00", technology="AZURE"),
    export_row(JOAO, "8447", "E0000002", "17/11/2025", "07:00", "21:00", lunch=True, technology="DOT NET"),
    export_row(
        JOAO, "8447", "E0000002", "18/11/2025", "08:00", "17:00", lunch=True, validated=False, technology="DOT NET"
    ),
    export_row(JOAO, "8447", "E0000002", "18/11/2025", "18:00", "20:00", lunch=True, technology="DOT NET"),
    export_row(ANA_MARIA, "8447", "E0000002", "21/11/2025", "08:00", "16:00", lunch=True),
]


def to_columns(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    columns = {name: [] for name in EXPORT_COLUMNS}
    for index, row in enumerate(rows, start=1):
        for name in EXPORT_COLUMNS:
            value = row[name]
            if name == "s_id_apontamento" and not value:
                value = str(index)
            columns[name].append(value)
    return columns


def dataset_from_columns(columns: dict[str, list[Any]]) -> Dataset:
    result = import_columns(columns)
    assert not result.rejected, result.rejected[:3]
    return Dataset(result.table)


@pytest.fixture(scope="session")
def small() -> Dataset:
    return dataset_from_columns(to_columns(SMALL_ROWS))


@pytest.fixture(scope="session")
def generated_columns() -> dict[str, list[Any]]:
    return generate(rows=8000, seed=11, end_date=GENERATED_END)


@pytest.fixture(scope="session")
def generated(generated_columns: dict[str, list[Any]]) -> Dataset:
    return dataset_from_columns(generated_columns)
