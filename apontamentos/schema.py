"""The shape of the business export and of the snapshot the bot loads."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The columns of gold_999_portal_outsourcing_apontamento_ultimos_90_dias, in export order.
EXPORT_COLUMNS: tuple[str, ...] = (
    "s_id_apontamento",
    "s_ds_operacao",
    "s_nr_contrato",
    "s_nr_cpf",
    "s_id_recurso",
    "s_nm_recurso",
    "s_id_cargo",
    "s_ds_cargo",
    "d_dt_data",
    "d_dt_data_fim",
    "d_dt_inicio_apontamento",
    "d_dt_fim_apontamento",
    "f_hr_hora_inicio",
    "f_hr_hora_fim",
    "n_fl_abatimento",
    "b_fl_validado",
    "s_id_usuario_valida",
    "s_nm_usuario_valida",
    "s_id_usuario",
    "s_nm_usuario",
    "s_id_tipo_jornada",
    "s_ds_tipo_jornada",
    "s_id_divisao",
    "s_ds_divisao",
    "s_nm_sigla",
    "s_nm_cliente_operacional",
)

# Columns some exports carry and others do not; both shapes import (a missing one is all empty).
OPTIONAL_COLUMNS: tuple[str, ...] = ("s_ds_atividade",)

# Personal data: dropped at import, never stored in a snapshot, never shown.
PERSONAL_COLUMNS = frozenset({"s_nr_cpf"})

# Derived from s_ds_cargo at import.
DERIVED_COLUMNS: tuple[str, ...] = (
    "s_nr_contrato_fornecedor",
    "s_nr_item",
    "s_ds_tecnologia",
    "s_ds_perfil",
    "s_ds_nivel",
)

SNAPSHOT_COLUMNS: tuple[str, ...] = (
    *(c for c in EXPORT_COLUMNS if c not in PERSONAL_COLUMNS),
    *OPTIONAL_COLUMNS,
    *DERIVED_COLUMNS,
)

_ROLE_NEW = re.compile(r"^\s*(\d+)-(\d+)-([^-]+)-(.+)-([^-]+)\s*$")
_ROLE_OLD = re.compile(r"^\s*(\d+)-(.+?)\s*$")


@dataclass(frozen=True)
class Role:
    supplier_contract: str | None
    item: str | None
    technology: str | None
    profile: str | None
    level: str | None


def parse_role(text: str | None) -> Role:
    """Split a role text in either shape.

    New: `8446-3-JAVA-ANALISTA DESENVOLVEDOR-NÍVEL SÊNIOR` (contract, item, technology, profile,
    level). Old: `8246-Analista de Processos I` (contract, then the role name, kept as profile).
    """
    if not text:
        return Role(None, None, None, None, None)
    match = _ROLE_NEW.match(text)
    if match:
        contract, item, technology, profile, level = (g.strip() for g in match.groups())
        return Role(contract, item, technology, profile, level)
    match = _ROLE_OLD.match(text)
    if match:
        return Role(match.group(1), None, None, match.group(2).strip(), None)
    return Role(None, None, None, text.strip(), None)
