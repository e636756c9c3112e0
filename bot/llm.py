"""The Azure OpenAI answer engine: tool calling over the domain queries, inside the channel's time budget.

Any failure — timeout, 429 beyond the budget, content filter, 5xx, malformed response, client error —
falls back to the built-in engine's answer with a short note. The user never gets a stack trace or silence.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openai
from openai import AsyncOpenAI
from opentelemetry.trace import SpanKind

from apontamentos.dataset import DatasetProvider
from apontamentos.errors import DatasetError
from apontamentos.question import Question
from apontamentos.rules import WEEKDAYS
from apontamentos.scope import OPEN, Scope, scoped
from sessions import Message, Session

from . import telemetry
from .access import Access, Denied
from .engines import DATA_UNAVAILABLE, AnswerEngine, EngineReply
from .tools import TOOLS, run_tool

log = logging.getLogger(__name__)

SYSTEM_PROMPT = (Path(__file__).parent / "prompts" / "system.txt").read_text(encoding="utf-8")
FALLBACK_NOTE = "\n\n_(Resposta do mecanismo interno: o assistente de IA não respondeu a tempo.)_"
MAX_ROUNDS = 4
HISTORY_TOKEN_BUDGET = 6_000
CHARS_PER_TOKEN = 4  # a rough, conservative estimate for Portuguese text and JSON


ROLE_TEXT = {
    "open": "demonstração com acesso aberto a todos os apontamentos",
    "admin": "administrador: vê todos os apontamentos",
    "gestor": "gestor: vê os apontamentos dos seus contratos",
    "colaborador": "colaborador: vê somente os próprios apontamentos",
}


def _asker(db: Any, scope: Scope, user_name: str) -> str:
    """Who "eu" is for the model: the policy's resource when there is one, the display name only when open."""
    if scope.resource_id and scope.resource_id in db.resources:
        return db.resources[scope.resource_id].name
    return user_name if scope.role == "open" else "(sem recurso associado)"


class ModelFailure(Exception):
    """The model did not produce a usable answer within the budget; the cause is chained."""


@dataclass(frozen=True)
class Usage:
    prompt: int = 0
    completion: int = 0


class LlmEngine:
    name = "llm"

    def __init__(
        self,
        *,
        client: AsyncOpenAI,
        model: str,
        dataset: DatasetProvider,
        fallback: AnswerEngine,
        timeout_seconds: float,
        timezone: str,
    ) -> None:
        self._client = client
        self._model = model
        self._dataset = dataset
        self._fallback = fallback
        self._timeout = timeout_seconds
        self._timezone = timezone

    async def close(self) -> None:
        await self._client.close()

    async def answer(
        self, *, question: str, session: Session, user_name: str, today: date, access: Access = OPEN
    ) -> EngineReply:
        if isinstance(access, Denied) or not self._dataset.configured:  # no data to ask the model about
            return await self._fallback.answer(
                question=question, session=session, user_name=user_name, today=today, access=access
            )
        started = time.monotonic()
        deadline = started + self._timeout
        try:
            async with asyncio.timeout(self._timeout):
                return await self._converse(question, session, user_name, today, deadline, access)
        except (ModelFailure, TimeoutError, openai.OpenAIError, DatasetError) as err:
            log.warning("llm fallback after %.1fs: %s", time.monotonic() - started, _describe(err))
        reply = await self._fallback.answer(
            question=question, session=session, user_name=user_name, today=today, access=access
        )
        if reply.text == DATA_UNAVAILABLE:
            return reply
        # The engine's reply as it is (table, kind, follow-up suggestions), with the note added to its text.
        history = (*reply.history[:-1], Message("assistant", reply.text + FALLBACK_NOTE, reply.history[-1].at))
        return replace(reply, text=reply.text + FALLBACK_NOTE, history=history)

    async def _converse(
        self, question: str, session: Session, user_name: str, today: date, deadline: float, scope: Scope
    ) -> EngineReply:
        full = await asyncio.to_thread(self._dataset.get)
        # The tools read only what the asker may see: the model never receives an out-of-scope row.
        db = await asyncio.to_thread(scoped, full, scope)
        asker = _asker(full, scope, user_name)
        now = datetime.now(UTC)
        new: list[Message] = [Message("user", question, now)]
        parts = getattr(db, "part_of", None)  # a granted client contract is named as the part it is
        messages = [self._system(asker, today, scope, parts), *to_chat(trim_for_budget(session.history)), *to_chat(new)]
        called: list[str] = []
        usage = Usage()
        context = dict(session.context)
        for _ in range(MAX_ROUNDS):
            completion = await self._complete(messages, deadline)
            usage = Usage(
                usage.prompt + _tokens(completion, "prompt_tokens"),
                usage.completion + _tokens(completion, "completion_tokens"),
            )
            choice = _first_choice(completion)
            if choice.finish_reason == "content_filter":
                raise ModelFailure("content filter")
            message = choice.message
            calls = list(message.tool_calls or [])
            if not calls:
                text = (message.content or "").strip()
                if not text:
                    raise ModelFailure("empty answer")
                log.info("llm usage prompt_tokens=%d completion_tokens=%d", usage.prompt, usage.completion)
                telemetry.record_tokens(usage.prompt, usage.completion)
                new.append(Message("assistant", text, datetime.now(UTC)))
                kind = "+".join(dict.fromkeys(called)) or "llm_text"
                return EngineReply(text=text, context=context, history=tuple(new), kind=kind, ai_generated=True)
            request = Message(
                "assistant", message.content or "", datetime.now(UTC), tool_calls=tuple(_call_dict(c) for c in calls)
            )
            called += [c.function.name for c in calls]
            results = await asyncio.gather(
                *(asyncio.to_thread(run_tool, db, c.function.name, c.function.arguments, today) for c in calls)
            )
            answered = [
                Message("tool", result, datetime.now(UTC), tool_call_id=c.id)
                for c, result in zip(calls, results, strict=True)
            ]
            new += [request, *answered]
            messages += to_chat([request, *answered])
            context = _remember_contract(context, calls)
        raise ModelFailure(f"no answer after {MAX_ROUNDS} rounds of tool calls")

    def _system(self, user_name: str, today: date, scope: Scope, parts: dict[str, str] | None = None) -> dict[str, Any]:
        text = SYSTEM_PROMPT.format(
            today=f"{today:%d/%m/%Y}",
            weekday=WEEKDAYS[today.weekday()],
            timezone=self._timezone,
            user=user_name or "(nome desconhecido)",
            role=ROLE_TEXT[scope.role],
            scope=scope.describe(parts),
        )
        return {"role": "system", "content": text}

    async def _complete(self, messages: list[dict[str, Any]], deadline: float) -> Any:
        """One chat completion; 429s are retried honouring Retry-After while the budget allows."""
        attempt = 0
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ModelFailure("time budget spent")
            try:
                # The model is a dependency in Application Insights (openai's HTTP client is not instrumented).
                with telemetry.tracer.start_as_current_span(
                    f"chat {self._model}",
                    kind=SpanKind.CLIENT,
                    attributes={"gen_ai.operation.name": "chat", "gen_ai.request.model": self._model},
                ):
                    return await self._client.chat.completions.create(
                        model=self._model,
                        messages=messages,
                        tools=TOOLS,
                        tool_choice="auto",
                        timeout=remaining,
                    )
            except openai.RateLimitError as err:
                attempt += 1
                wait = _retry_after(err) or min(4.0, 0.5 * 2**attempt) * random.uniform(0.8, 1.2)
                if time.monotonic() + wait >= deadline:
                    raise ModelFailure("rate limited beyond the time budget") from err
                await asyncio.sleep(wait)


def to_chat(history: tuple[Message, ...] | list[Message]) -> list[dict[str, Any]]:
    """Session history as chat-completions messages, tool calls and results included."""
    out: list[dict[str, Any]] = []
    for m in history:
        entry: dict[str, Any] = {"role": m.role, "content": m.content}
        if m.tool_calls:
            entry["tool_calls"] = list(m.tool_calls)
        if m.tool_call_id is not None:
            entry["tool_call_id"] = m.tool_call_id
        out.append(entry)
    return out


def trim_for_budget(history: tuple[Message, ...], budget_tokens: int = HISTORY_TOKEN_BUDGET) -> tuple[Message, ...]:
    """The newest messages that fit the token budget, never separating a tool call from its results."""
    kept: list[Message] = []
    used = 0
    for message in reversed(history):
        size = (
            len(message.content) + len(json.dumps(message.tool_calls)) if message.tool_calls else len(message.content)
        ) // CHARS_PER_TOKEN + 4
        if used + size > budget_tokens:
            break
        kept.append(message)
        used += size
    kept.reverse()
    while kept and kept[0].role == "tool":  # results whose call was cut off
        kept.pop(0)
    return tuple(kept)


def _remember_contract(context: dict[str, Any], calls: list[Any]) -> dict[str, Any]:
    """The last contract the model asked about, as the built-in engine keeps it: a fallback on the
    next turn then still knows what "E quantos recursos tem?" refers to."""
    for call in calls:
        try:
            contract = json.loads(call.function.arguments or "{}").get("contract")
        except (ValueError, AttributeError):
            continue
        if isinstance(contract, str) and contract.strip():
            context = Question("contract_details", contract=contract.strip().upper()).to_context()
    return context


def _call_dict(call: Any) -> dict[str, Any]:
    return {
        "id": call.id,
        "type": "function",
        "function": {"name": call.function.name, "arguments": call.function.arguments},
    }


def _first_choice(completion: Any) -> Any:
    choices = getattr(completion, "choices", None)
    if not choices or getattr(choices[0], "message", None) is None:
        raise ModelFailure("malformed response: no choices")
    return choices[0]


def _tokens(completion: Any, name: str) -> int:
    usage = getattr(completion, "usage", None)
    return int(getattr(usage, name, 0) or 0) if usage else 0


def _retry_after(err: openai.RateLimitError) -> float | None:
    header = err.response.headers.get("retry-after") if err.response is not None else None
    try:
        return max(0.0, float(header)) if header else None
    except ValueError:
        return None


def _describe(err: BaseException) -> str:
    if isinstance(err, openai.APIStatusError):
        return f"{type(err).__name__} status={err.status_code}"
    return type(err).__name__ + (f": {err}" if isinstance(err, ModelFailure) else "")


def build_client(
    *,
    azure_endpoint: str | None,
    azure_deployment: str | None,
    azure_api_key: str | None,
    azure_api_version: str,
    base_url: str | None,
    api_key: str | None,
) -> AsyncOpenAI:
    """Azure OpenAI (key, or Entra ID through azure-identity) or any OpenAI-compatible endpoint."""
    if azure_endpoint and azure_deployment:
        if azure_api_key:
            return openai.AsyncAzureOpenAI(
                azure_endpoint=azure_endpoint, api_version=azure_api_version, api_key=azure_api_key, max_retries=0
            )
        from azure.identity.aio import DefaultAzureCredential, get_bearer_token_provider

        provider = get_bearer_token_provider(DefaultAzureCredential(), "https://cognitiveservices.azure.com/.default")
        return openai.AsyncAzureOpenAI(
            azure_endpoint=azure_endpoint,
            api_version=azure_api_version,
            azure_ad_token_provider=provider,
            max_retries=0,
        )
    return AsyncOpenAI(base_url=base_url, api_key=api_key or "not-needed", max_retries=0)
