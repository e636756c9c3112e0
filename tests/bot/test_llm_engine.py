"""The LLM engine with the real openai client against a local OpenAI-compatible server."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from typing import Any

import jsonschema
import pytest
from openai import AsyncOpenAI

from apontamentos import formatting as fmt
from apontamentos.dataset import DatasetProvider
from apontamentos.question import from_context
from apontamentos.registry import TOOL_QUERIES
from bot.engines import RulesEngine
from bot.llm import FALLBACK_NOTE, LlmEngine, build_client, trim_for_budget
from bot.tools import TOOLS, parse_arguments, run_tool
from sessions import Message, Session, Turn
from sessions.model import apply_turn
from tests.eval.reference import plain

from .. import fake_openai as fake
from ..expected import net_by_supplier, resources_by_supplier, spans
from .conftest import TODAY

BUDGET = 3.0


_open: list[LlmEngine] = []


def engine(
    server: fake.FakeOpenAI, provider: DatasetProvider, client: AsyncOpenAI | None = None, model: str = "fake-model"
) -> LlmEngine:
    client = client or AsyncOpenAI(base_url=server.base_url, api_key="test-key", max_retries=0)
    made = LlmEngine(
        client=client,
        model=model,
        dataset=provider,
        fallback=RulesEngine(dataset=provider),
        timeout_seconds=BUDGET,
        timezone="America/Sao_Paulo",
    )
    _open.append(made)
    return made


@pytest.fixture(autouse=True)
async def close_engines(fake_openai: fake.FakeOpenAI) -> Any:
    """Clients are closed before the fake server stops (it was set up first, so it is torn down last)."""
    yield
    while _open:
        await _open.pop().close()


def session(history: tuple[Message, ...] = ()) -> Session:
    now = datetime.now(UTC)
    return Session(
        key="k",
        channel_id="webchat",
        conversation_id="c",
        user_id="u",
        user_name="Ana",
        created_at=now,
        last_activity=now,
        history=history,
    )


async def ask(e: LlmEngine, question: str, s: Session | None = None) -> Any:
    return await e.answer(question=question, session=s or session(), user_name="Ana Souza", today=TODAY)


def test_tool_schemas_are_valid_json_schema() -> None:
    assert len(TOOLS) == len(TOOL_QUERIES) + 1 == 27  # the composition tool first, then the typed queries
    assert TOOLS[0]["function"]["name"] == "compor"
    assert "scope" not in TOOLS[0]["function"]["parameters"]["properties"]  # bound by the bot, never the model's
    for tool in TOOLS:
        jsonschema.Draft202012Validator.check_schema(tool["function"]["parameters"])
        assert tool["function"]["description"]
    names = {t["function"]["name"] for t in TOOLS}
    assert {"contract_details", "missing_days", "week_comparison", "find_resources"} <= names
    week = next(t for t in TOOLS if t["function"]["name"] == "week_comparison")
    # today is injected, never asked of the model; the subject is the model's to give
    assert set(week["function"]["parameters"]["properties"]) == {"contract", "resource"}


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("contract_details", "{}", "obrigatório"),
        ("contract_details", '{"contract": 8446}', "string"),
        ("contract_details", '{"contract": "8446", "mood": "x"}', "desconhecidos"),
        ("missing_days", '{"period": {"start": "2026-13-01", "end": "2026-11-30"}}', "data válida"),
        ("missing_days", '{"period": {"start": "2026-11-30", "end": "2026-11-01"}}', "termina antes"),
        ("ranking", '{"top": "ten"}', "integer"),
        ("ranking", "not json", "JSON"),
        ("no_such_tool", "{}", "desconhecida"),
    ],
)
def test_invalid_arguments_are_explained(name: str, raw: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_arguments(name, raw)


async def test_plain_text_with_date_and_user_in_the_prompt(
    fake_openai: fake.FakeOpenAI, provider: DatasetProvider
) -> None:
    fake_openai.script = [fake.text("Olá! Como posso ajudar?")]
    reply = await ask(engine(fake_openai, provider), "oi")
    assert reply.text == "Olá! Como posso ajudar?"
    system = fake_openai.requests[0]["body"]["messages"][0]
    assert system["role"] == "system"
    assert "25/11/2026" in system["content"] and "quarta-feira" in system["content"]
    assert "Ana Souza" in system["content"]
    assert fake_openai.requests[0]["body"]["tools"] == TOOLS


async def test_tool_call_result_goes_back_with_its_id(
    fake_openai: fake.FakeOpenAI, provider: DatasetProvider, bot_columns: dict[str, Any]
) -> None:
    fake_openai.script = [fake.tool_calls(("contract_details", {"contract": "8446"})), fake.text("Pronto.")]
    reply = await ask(engine(fake_openai, provider), "Mostre o contrato 8446")
    assert reply.text == "Pronto."
    second = fake_openai.requests[1]["body"]["messages"]
    call = second[-2]["tool_calls"][0]
    result = second[-1]
    assert result["role"] == "tool" and result["tool_call_id"] == call["id"]
    envelope = json.loads(result["content"])
    data = envelope["resultado"]
    rows = spans(bot_columns)
    # the result says what it was computed for, so the model can restate scope, period and basis
    assert envelope["calculado_para"]["escopo"] == {"contract": "8446"}
    assert set(envelope["calculado_para"]["periodo"]) == {"inicio", "fim"}
    assert data["resources"] == resources_by_supplier(rows)["8446"]
    assert data["net_hours"] == pytest.approx(net_by_supplier(rows)["8446"], abs=0.01)
    assert [m.role for m in reply.history] == ["user", "assistant", "tool", "assistant"]
    remembered = from_context(reply.context)  # a fallback next turn still knows the subject
    assert remembered is not None and remembered.contract == "8446"
    assert reply.history[1].tool_calls[0]["id"] == reply.history[2].tool_call_id


async def test_parallel_and_multi_round_tool_calls(fake_openai: fake.FakeOpenAI, provider: DatasetProvider) -> None:
    fake_openai.script = [
        fake.tool_calls(("contract_details", {"contract": "8446"}), ("contract_details", {"contract": "8447"})),
        fake.tool_calls(("working_days_in", {"period": {"start": "2026-11-01", "end": "2026-11-30"}})),
        fake.text("Comparação pronta."),
    ]
    reply = await ask(engine(fake_openai, provider), "Compare 8446 e 8447")
    assert reply.text == "Comparação pronta."
    second = fake_openai.requests[1]["body"]["messages"]
    ids = {c["id"] for c in second[-3]["tool_calls"]}
    assert {m["tool_call_id"] for m in second[-2:]} == ids
    third = fake_openai.requests[2]["body"]["messages"]
    # November 2026: 21 weekdays, 2 of them holidays
    assert json.loads(third[-1]["content"])["resultado"]["count"] == 19


async def test_an_unknown_person_is_an_error_for_the_model_never_everyones_figure(
    fake_openai: fake.FakeOpenAI, provider: DatasetProvider
) -> None:
    fake_openai.script = [
        fake.tool_calls(("total_hours", {"resource": "Robervaldo Inexistente"})),
        fake.text("Não encontrei ninguém chamado Robervaldo Inexistente."),
    ]
    await ask(engine(fake_openai, provider), "Quantas horas o Robervaldo Inexistente fez?")
    relayed = json.loads(fake_openai.requests[1]["body"]["messages"][-1]["content"])
    assert "Robervaldo Inexistente" in relayed["erro"] and "resultado" not in relayed
    system = fake_openai.requests[0]["body"]["messages"][0]["content"]
    assert "só lê os apontamentos" in system and "salários" in system and "datas explícitas" in system


async def test_invalid_arguments_go_back_to_the_model(fake_openai: fake.FakeOpenAI, provider: DatasetProvider) -> None:
    fake_openai.script = [
        fake.tool_calls(("contract_details", {"contrato": "8446"})),
        fake.tool_calls(("contract_details", {"contract": "8446"})),
        fake.text("Corrigido."),
    ]
    reply = await ask(engine(fake_openai, provider), "Mostre o contrato 8446")
    assert reply.text == "Corrigido."
    error = json.loads(fake_openai.requests[1]["body"]["messages"][-1]["content"])
    assert "desconhecidos" in error["erro"]


async def test_rate_limit_is_retried_after_the_server_delay(
    fake_openai: fake.FakeOpenAI, provider: DatasetProvider
) -> None:
    fake_openai.script = [fake.status(429, retry_after="0.2"), fake.text("Depois da espera.")]
    reply = await ask(engine(fake_openai, provider), "oi")
    assert reply.text == "Depois da espera."
    assert len(fake_openai.requests) == 2


FAILURES = {
    "rate limited past the budget": [fake.status(429, retry_after="30")],
    "server error": [fake.status(500)],
    "bad gateway then more": [fake.status(502), fake.status(503)],
    "content filter finish": [fake.content_filter()],
    "content filter refusal": [fake.status(400, error_code="content_filter")],
    "malformed": [fake.malformed()],
    "slower than the budget": [fake.slow(BUDGET + 2, fake.text("tarde demais"))],
    "endless tool calls": [fake.tool_calls(("list_contracts", {}))] * 6,
    "unauthorized": [fake.status(401)],
}


@pytest.mark.parametrize("failure", list(FAILURES))
async def test_failures_fall_back_to_the_built_in_engine(
    fake_openai: fake.FakeOpenAI, provider: DatasetProvider, failure: str
) -> None:
    fake_openai.script = list(FAILURES[failure])
    # The engine enforces its own budget; this outer deadline only turns a hang into a failure.
    async with asyncio.timeout(BUDGET + 5):
        reply = await ask(engine(fake_openai, provider), "Mostre o contrato 8446")
    assert "Contrato 8446" in reply.text and reply.text.endswith(FALLBACK_NOTE)
    assert "Traceback" not in reply.text
    # the built-in engine's whole reply, follow-up suggestions included, not a copy rebuilt without them
    rules = await RulesEngine(dataset=provider).answer(
        question="Mostre o contrato 8446", session=session(), user_name="Ana Souza", today=TODAY
    )
    assert rules.suggestions and reply.suggestions == rules.suggestions
    assert (reply.kind, reply.table, reply.context) == (rules.kind, rules.table, rules.context)


async def test_context_scenario_through_the_model(
    fake_openai: fake.FakeOpenAI, provider: DatasetProvider, bot_columns: dict[str, Any]
) -> None:
    e = engine(fake_openai, provider)
    fake_openai.script = [fake.tool_calls(("contract_details", {"contract": "8446"})), fake.text("Contrato 8446: …")]
    first = await ask(e, "Mostre o contrato 8446")
    s = apply_turn(session(), Turn(messages=first.history, context={}), None, datetime.now(UTC), 20)
    people = resources_by_supplier(spans(bot_columns))["8446"]
    fake_openai.script = [
        fake.tool_calls(("contract_resources", {"contract": "8446"})),
        fake.text(f"O contrato 8446 tem {fmt.integer(people)} recursos."),
    ]
    second = await ask(e, "E quantos recursos tem?", s)
    request = fake_openai.requests[2]["body"]["messages"]
    assert [m["role"] for m in request] == ["system", "user", "assistant", "tool", "assistant", "user"]
    assert request[2]["tool_calls"][0]["function"]["arguments"] == '{"contract": "8446"}'
    assert request[3]["tool_call_id"] == request[2]["tool_calls"][0]["id"]
    assert request[-1]["content"] == "E quantos recursos tem?"
    tool_result = json.loads(fake_openai.requests[3]["body"]["messages"][-1]["content"])["resultado"]
    assert len([r for r in tool_result if "resource" in r]) == min(people, 25)
    assert second.text == f"O contrato 8446 tem {fmt.integer(people)} recursos."


async def test_no_personal_or_unneeded_columns_reach_the_model(
    fake_openai: fake.FakeOpenAI, provider: DatasetProvider, bot_columns: dict[str, Any]
) -> None:
    fake_openai.script = [
        fake.tool_calls(("contract_resources", {"contract": "8446"}), ("open_spans", {}), ("unvalidated", {})),
        fake.text("ok"),
    ]
    await ask(engine(fake_openai, provider), "Quem trabalha no 8446?")
    sent = " ".join(r["raw"] for r in fake_openai.requests)
    assert not any(cpf in sent for cpf in set(bot_columns["s_nr_cpf"]))
    for column in ("cpf", "s_nr_cpf", "s_id_usuario", "s_nm_usuario_valida", "s_ds_divisao", "s_id_cargo"):
        assert column not in sent


async def test_azure_deployment_path_and_key(fake_openai: fake.FakeOpenAI, provider: DatasetProvider) -> None:
    client = build_client(
        azure_endpoint=fake_openai.azure_endpoint,
        azure_deployment="gpt-deploy",
        azure_api_key="azure-key",
        azure_api_version="2024-10-21",
        base_url=None,
        api_key=None,
    )
    e = engine(fake_openai, provider, client=client, model="gpt-deploy")
    fake_openai.script = [fake.text("Azure ok")]
    assert (await ask(e, "oi")).text == "Azure ok"
    request = fake_openai.requests[0]
    assert request["path"] == "/openai/deployments/gpt-deploy/chat/completions"
    assert request["headers"].get("api-key") == "azure-key"


def test_history_budget_never_splits_a_call_from_its_results() -> None:
    now = datetime.now(UTC)
    call = Message(
        "assistant",
        "",
        now,
        tool_calls=({"id": "a", "type": "function", "function": {"name": "x", "arguments": "{}"}},),
    )
    history = (
        Message("user", "q" * 400, now),
        call,
        Message("tool", "r" * 400, now, tool_call_id="a"),
        Message("tool", "s" * 40, now, tool_call_id="a"),
        Message("assistant", "fim", now),
    )
    assert trim_for_budget(history, budget_tokens=25) == history[-1:]  # the orphaned result is dropped too
    assert trim_for_budget(history, budget_tokens=200) == history[1:]  # the call stays with both results
    assert trim_for_budget(history, budget_tokens=10_000) == history


def test_run_tool_reports_ambiguous_names(provider: DatasetProvider) -> None:
    db = provider.get()
    words = [w for r in db.resources.values() for w in r.name.split()]
    shared = max(set(words), key=words.count)  # a surname many people have
    result = json.loads(run_tool(db, "total_hours", json.dumps({"resource": shared}), TODAY))
    assert "erro" in result and len(result["candidatos"]) > 1


async def test_fallback_after_model_turns_keeps_the_subject(
    fake_openai: fake.FakeOpenAI, provider: DatasetProvider, bot_columns: dict[str, Any]
) -> None:
    e = engine(fake_openai, provider)
    fake_openai.script = [fake.tool_calls(("contract_details", {"contract": "8446"})), fake.text("Contrato 8446: …")]
    first = await ask(e, "Mostre o contrato 8446")
    s = apply_turn(session(), Turn(messages=first.history, context=first.context), None, datetime.now(UTC), 20)
    fake_openai.script = [fake.status(500)]
    second = await ask(e, "E quantos recursos tem?", s)
    people = resources_by_supplier(spans(bot_columns))["8446"]
    assert f"O contrato 8446 tem {fmt.integer(people)} recursos" in second.text


async def test_activity_tools_give_the_model_independently_checked_figures(
    fake_openai: fake.FakeOpenAI, provider: DatasetProvider, bot_columns: dict[str, Any]
) -> None:
    fake_openai.script = [
        fake.tool_calls(
            ("activity_hours", {"words": "reuniao", "contract": "8446"}),
            ("activity_summary", {"contract": "8446", "order": "entries"}),
        ),
        fake.text("Pronto."),
    ]
    await ask(engine(fake_openai, provider), "Quantas horas de reunião no 8446? E as atividades mais comuns?")
    results = [json.loads(m["content"]) for m in fake_openai.requests[1]["body"]["messages"] if m["role"] == "tool"]
    rows = [r for r in spans(bot_columns) if r.supplier == "8446"]
    meetings = [r for r in rows if r.activity and "reuni" in r.activity.lower()]
    assert results[0]["resultado"]["entries"] == len(meetings)
    assert results[0]["resultado"]["hours"] == pytest.approx(sum(r.net or 0 for r in meetings), abs=0.01)
    counts: dict[str, int] = {}
    for r in rows:
        if r.activity:
            counts[plain(r.activity)] = counts.get(plain(r.activity), 0) + 1
    listed = results[1]["resultado"]["activities"]
    assert [a["entries"] for a in listed] == sorted(counts.values(), reverse=True)


async def test_the_composition_tool_answers_with_the_query_builders_figures(
    fake_openai: fake.FakeOpenAI, provider: DatasetProvider, bot_columns: dict[str, Any]
) -> None:
    """The model sends a Composition; the tool's result is the renderer's answer, figures from the builder."""
    arguments = {"measure": "hours", "group": "month", "contract": "8446", "start": "2026-09-01", "end": "2026-11-25"}
    fake_openai.script = [fake.tool_calls(("compor", arguments)), fake.text("Pronto.")]
    await ask(engine(fake_openai, provider), "horas do 8446 mês a mês")
    relayed = json.loads(fake_openai.requests[1]["body"]["messages"][-1]["content"])
    assert relayed["calculado_para"].startswith("Horas líquidas por mês do contrato 8446")
    expected: dict[int, float] = {}
    for span in spans(bot_columns):
        if span.supplier == "8446" and span.day.month >= 9:
            expected[span.day.month] = expected.get(span.day.month, 0.0) + (span.net or 0)
    for month, hours in expected.items():
        name = ("setembro", "outubro", "novembro")[month - 9]
        assert f"{name}/2026: {fmt.hours(hours)}" in relayed["resposta"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"measure": "salary"}, "salary"),
        ({"measure": "hours", "scope": "admin"}, "scope"),
        ({"measure": "hours", "contract": "9999"}, "9999"),
        ({"measure": "hours", "start": "2026-11-01"}, "period"),
        ({"measure": "hours", "person": "Robervaldo Inexistente"}, "Robervaldo"),
    ],
)
def test_a_composition_the_model_gets_wrong_is_an_error_to_relay(
    provider: DatasetProvider, arguments: dict[str, Any], message: str
) -> None:
    result = json.loads(run_tool(provider.get(), "compor", json.dumps(arguments), TODAY))
    assert message in result["erro"] and "resposta" not in result


def test_the_composition_tool_reads_only_the_askers_scope(provider: DatasetProvider) -> None:
    from apontamentos.scope import Scope, scoped

    view = scoped(provider.get(), Scope("gestor", contracts=("8447",)))
    outside = json.loads(run_tool(view, "compor", json.dumps({"measure": "hours", "contract": "8446"}), TODAY))
    assert "erro" in outside
    grouped = json.loads(run_tool(view, "compor", json.dumps({"measure": "hours", "group": "contract"}), TODAY))
    assert "8447:" in grouped["resposta"] and "8446:" not in grouped["resposta"]


async def test_the_prompt_states_a_granted_client_contract_as_the_part_it_is(
    fake_openai: fake.FakeOpenAI, provider: DatasetProvider, bot_columns: dict[str, Any]
) -> None:
    from apontamentos.scope import Scope

    # A client contract of 8447 that the gestor is granted without the rest of 8447, found from the rows.
    # The export's s_nr_contrato is the client contract; its supplier contract leads s_ds_cargo ("8447-2-…").
    pairs = {(r.split("-")[0], c) for r, c in zip(bot_columns["s_ds_cargo"], bot_columns["s_nr_contrato"], strict=True)}
    client = sorted(c for s, c in pairs if s == "8447")[0]
    fake_openai.script = [fake.text("Olá!")]
    gestor = Scope("gestor", contracts=("8446", client))
    await engine(fake_openai, provider).answer(
        question="oi", session=session(), user_name="Gestora", today=TODAY, access=gestor
    )
    system = fake_openai.requests[0]["body"]["messages"][0]["content"]
    assert f"parte {client} do contrato 8447" in system
