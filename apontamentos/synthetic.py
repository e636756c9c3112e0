"""Deterministic synthetic data in exactly the export's shape, for demos, tests and benchmarks.

Every name is made up by combining lists of common pt-BR first names and surnames; CPFs are random
digits. No real person's data is involved.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import holidays

from .schema import EXPORT_COLUMNS, OPTIONAL_COLUMNS

FIRST_NAMES = (
    "Ana",
    "Bruno",
    "Carla",
    "Diego",
    "Eduarda",
    "Felipe",
    "Gabriela",
    "Heitor",
    "Isabela",
    "João",
    "Júlia",
    "Lucas",
    "Mariana",
    "Nicolas",
    "Otávio",
    "Paula",
    "Rafael",
    "Sofia",
    "Thiago",
    "Valéria",
    "Vinícius",
    "Yasmin",
    "André",
    "Beatriz",
    "Caio",
    "Débora",
    "Érica",
    "Fábio",
    "Giovana",
    "Hugo",
    "Íris",
    "Leonardo",
    "Márcia",
    "Natália",
    "Patrícia",
    "Renata",
    "Sérgio",
    "Tânia",
    "Ulisses",
    "Vitória",
)
SURNAMES = (
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Rodrigues",
    "Ferreira",
    "Alves",
    "Pereira",
    "Lima",
    "Gomes",
    "Costa",
    "Ribeiro",
    "Martins",
    "Carvalho",
    "Almeida",
    "Lopes",
    "Soares",
    "Fernandes",
    "Vieira",
    "Barbosa",
    "Rocha",
    "Dias",
    "Nascimento",
    "Andrade",
    "Moreira",
    "Nunes",
    "Marques",
    "Machado",
    "Mendes",
    "Freitas",
    "Cardoso",
    "Ramos",
    "Gonçalves",
    "Santana",
    "Teixeira",
    "Araújo",
    "Monteiro",
    "Correia",
    "Pinto",
    "Moura",
)
# First names given to one person each (every 50th resource), so "quantas horas o wagner fez?" names
# exactly one person, as a rare first name does in a real company.
RARE_FIRST_NAMES = (
    "Wagner",
    "Zuleica",
    "Quirino",
    "Yolanda",
    "Xavier",
    "Ivone",
    "Jurema",
    "Kléber",
    "Odete",
    "Raimundo",
)
SUPPLIER_CONTRACTS = (
    "7873",
    "7874",
    "8446",
    "8447",
    "7689",
    "8418",
    "8422",
    "8246",
    "8301",
    "8302",
    "7950",
    "7951",
    "8120",
    "8121",
    "8555",
    "8556",
    "7712",
    "8033",
    "8600",
)
OLD_SHAPE_CONTRACTS = frozenset({"8246", "7712"})
TECHNOLOGIES = ("JAVA", "DOT NET", "AZURE", "PYTHON", "SAP", "DADOS", "FRONTEND", "MOBILE", "QA", "DEVOPS")
PROFILES = (
    "ANALISTA DESENVOLVEDOR",
    "ARQUITETO DE SOLUÇÕES",
    "ANALISTA DE TESTES",
    "ENGENHEIRO DE DADOS",
    "ANALISTA DE SUPORTE",
    "SCRUM MASTER",
)
LEVELS = ("NÍVEL JÚNIOR", "NÍVEL PLENO", "NÍVEL SÊNIOR", "NÍVEL ESPECIALISTA")
OLD_ROLES = (
    "Analista de Processos I",
    "Analista de Processos II",
    "Analista de Sistemas III",
    "Técnico de Suporte",
)
DIVISIONS = (
    ("10", "Diretoria de Tecnologia", "DTI"),
    ("20", "Diretoria de Operações", "DOP"),
    ("30", "Diretoria Comercial", "DCO"),
    ("40", "Diretoria de Dados", "DDA"),
)
OPERATIONS = ("Sustentação", "Projetos", "Service Desk", "Infraestrutura", None)
CLIENTS = ("Varejo", "Logística", "Financeiro", "Atendimento", None)

# What the hours were spent on, as people type it: recurring descriptions with the spelling variants a
# free-text field collects (case, accents, doubled spaces), weighted by how often each comes up.
ACTIVITIES: tuple[tuple[int, tuple[str, ...]], ...] = (
    (
        30,
        (
            "Desenvolvimento de funcionalidades",
            "desenvolvimento de funcionalidades",
            "Desenvolvimento  de funcionalidades",
        ),
    ),
    (14, ("Correção de bugs", "Correcao de bugs", "correção de bugs")),
    (12, ("Reunião de alinhamento", "Reuniao de alinhamento", "reunião de alinhamento")),
    (9, ("Code review", "code review", "Code Review")),
    (8, ("Testes integrados", "testes integrados")),
    (7, ("Suporte ao usuário", "Suporte ao usuario")),
    (5, ("Documentação técnica", "Documentacao tecnica")),
    (4, ("Deploy em produção", "deploy em produção")),
    (4, ("Análise de requisitos", "Analise de requisitos")),
    (2, ("Treinamento",)),
)
EMPTY_ACTIVITY = 0.07  # share of entries with no description (empty or NULL in the export)

DEFAULT_ROWS = 25_000
CLOCK_TIMESTAMPS = ("d_dt_inicio_apontamento", "d_dt_fim_apontamento")


@dataclass
class _Resource:
    id: str
    name: str
    cpf: str
    supplier: str
    client_contract: str
    role_id: str
    role: str
    validator: tuple[str, str]
    division: tuple[str, str, str]
    operation: str | None
    client: str | None
    attendance: float
    split_days: float


def _names(rng: random.Random) -> Iterator[str]:
    seen: set[str] = set()
    while True:
        parts = [rng.choice(FIRST_NAMES), rng.choice(SURNAMES), rng.choice(SURNAMES)]
        if rng.random() < 0.4:
            parts.insert(2, rng.choice(SURNAMES))
        name = " ".join(parts)
        if name not in seen:
            seen.add(name)
            yield name


def _resources(rng: random.Random) -> Iterator[_Resource]:
    """An endless, deterministic stream of resources; the caller takes as many as its rows need."""
    clients = {
        s: [f"E{rng.randrange(2_000_000, 9_999_999):07d}" for _ in range(rng.randint(1, 3))] for s in SUPPLIER_CONTRACTS
    }
    validators = {
        s: [(str(900_000 + i * 37 + k), next(_names(rng))) for k in range(2)] for i, s in enumerate(SUPPLIER_CONTRACTS)
    }
    weights = [3 if s in ("7873", "8446", "8447") else 1 for s in SUPPLIER_CONTRACTS]
    names = _names(rng)
    index = -1
    while True:
        index += 1
        supplier = rng.choices(SUPPLIER_CONTRACTS, weights)[0]
        if supplier in OLD_SHAPE_CONTRACTS:
            role = f"{supplier}-{rng.choice(OLD_ROLES)}"
        else:
            item = rng.randint(1, 6)
            role = f"{supplier}-{item}-{rng.choice(TECHNOLOGIES)}-{rng.choice(PROFILES)}-{rng.choice(LEVELS)}"
        name = next(names)
        if index % 50 == 7 and index // 50 < len(RARE_FIRST_NAMES):
            name = " ".join((RARE_FIRST_NAMES[index // 50], *name.split()[1:]))
        yield _Resource(
            id=str(100_000 + index * 7),
            name=name,
            cpf=f"{rng.randrange(10**11):011d}",
            supplier=supplier,
            client_contract=rng.choice(clients[supplier]),
            role_id=str(50_000 + index),
            role=role,
            validator=rng.choice(validators[supplier]),
            division=rng.choice(DIVISIONS),
            operation=rng.choice(OPERATIONS),
            client=rng.choice(CLIENTS),
            attendance=rng.uniform(0.82, 0.99),
            split_days=rng.uniform(0.1, 0.46),
        )


def _hour(value: datetime) -> float:
    return round(value.hour + value.minute / 60, 2)


def generate(*, end_date: date, rows: int = DEFAULT_ROWS, seed: int = 7) -> dict[str, list]:
    """Export-shaped columns with exactly `rows` rows over the 90 days ending at `end_date` (the caller's today)."""
    rng = random.Random(seed)
    # Its own stream, so adding activities left every other generated value as it was.
    activity_rng = random.Random(seed * 7_919 + 1)
    end = end_date
    days = [end - timedelta(days=offset) for offset in range(89, -1, -1)]
    national = holidays.country_holidays("BR", years={d.year for d in days})
    columns: dict[str, list] = {c: [] for c in (*EXPORT_COLUMNS, *OPTIONAL_COLUMNS)}
    entry = 10_000_000
    for resource in _resources(rng):
        for day in days:
            working = day.weekday() < 5 and day not in national
            if not working and rng.random() > 0.015:
                continue
            if working and rng.random() > resource.attendance:
                continue
            start = datetime.combine(day, datetime.min.time()) + timedelta(
                hours=rng.choice((7, 8, 8, 8, 9, 9, 10)), minutes=rng.randrange(0, 60)
            )
            if working and rng.random() < resource.split_days:
                morning = start + timedelta(hours=rng.uniform(3.5, 4.5))
                back = morning + timedelta(minutes=rng.randrange(50, 90))
                spans = [
                    (start, morning, False),
                    (back, back + timedelta(hours=rng.uniform(3.5, 5.5)), False),
                ]
            else:
                length = rng.uniform(4, 6) if not working else max(2.0, rng.gauss(9.0, 0.8))
                if rng.random() < 0.004:
                    length = rng.uniform(17, 22)  # a forgotten clock-out closed late: outlier questions
                spans = [(start, start + timedelta(hours=length), length > 6)]
            for begin, finish, lunch in spans:
                if len(columns["s_id_apontamento"]) >= rows:
                    return columns
                entry += 1
                open_span = rng.random() < 0.01 or (day == end and rng.random() < 0.5)
                recent = (end - day).days < 10
                validated = not open_span and rng.random() > (0.4 if recent else 0.03)
                _append(columns, resource, entry, day, begin, None if open_span else finish, lunch, validated)
                columns["s_ds_atividade"].append(_activity(activity_rng))
    return columns


def _activity(rng: random.Random) -> str | None:
    if rng.random() < EMPTY_ACTIVITY:
        return rng.choice(("", None))
    spellings = rng.choices([a[1] for a in ACTIVITIES], [a[0] for a in ACTIVITIES])[0]
    return rng.choice(spellings)


def _append(
    columns: dict[str, list],
    r: _Resource,
    entry: int,
    day: date,
    begin: datetime,
    finish: datetime | None,
    lunch: bool,
    validated: bool,
) -> None:
    values = {
        "s_id_apontamento": str(entry),
        "s_ds_operacao": r.operation,
        "s_nr_contrato": r.client_contract,
        "s_nr_cpf": r.cpf,
        "s_id_recurso": r.id,
        "s_nm_recurso": r.name,
        "s_id_cargo": r.role_id,
        "s_ds_cargo": r.role,
        "d_dt_data": day.isoformat(),
        "d_dt_data_fim": finish.date().isoformat() if finish else None,
        "d_dt_inicio_apontamento": begin.isoformat(sep=" ", timespec="seconds"),
        "d_dt_fim_apontamento": finish.isoformat(sep=" ", timespec="seconds") if finish else None,
        "f_hr_hora_inicio": _hour(begin),
        "f_hr_hora_fim": _hour(finish) if finish else None,
        "n_fl_abatimento": 1 if lunch and finish else None,
        "b_fl_validado": 1 if validated else 0,
        "s_id_usuario_valida": r.validator[0] if validated else None,
        "s_nm_usuario_valida": r.validator[1] if validated else None,
        "s_id_usuario": r.id,
        "s_nm_usuario": r.name,
        "s_id_tipo_jornada": "1",
        "s_ds_tipo_jornada": "Padrão",
        "s_id_divisao": r.division[0],
        "s_ds_divisao": r.division[1],
        "s_nm_sigla": r.division[2],
        "s_nm_cliente_operacional": r.client,
    }
    for name, value in values.items():
        columns[name].append(value)


def as_clock_hours(columns: dict[str, list]) -> dict[str, list]:
    """The same rows in the company's current export shape: no timestamp columns, the clock times as decimal
    hours on `d_dt_data` / `d_dt_data_fim` (to the second, so both shapes give the same figures)."""
    out = {name: list(values) for name, values in columns.items() if name not in CLOCK_TIMESTAMPS}
    for timestamps, hours in zip(CLOCK_TIMESTAMPS, ("f_hr_hora_inicio", "f_hr_hora_fim"), strict=True):
        out[hours] = [None if t is None else _exact_hour(datetime.fromisoformat(t)) for t in columns[timestamps]]
    return out


def _exact_hour(value: datetime) -> float:
    return round(value.hour + value.minute / 60 + value.second / 3600, 6)
