"""An OpenAI-compatible chat-completions server for tests, on both the OpenAI and the Azure paths.

Behaviour is scripted per test as a queue of steps; with the queue empty it echoes the last user
message. It records every request. It never branches on prompt text.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from .local_server import LocalServer

Step = Callable[[dict[str, Any]], Awaitable[web.Response]]


def _completion(message: dict[str, Any], finish: str, body: dict[str, Any]) -> web.Response:
    prompt_tokens = len(json.dumps(body.get("messages", []), ensure_ascii=False)) // 4
    return web.json_response(
        {
            "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
            "object": "chat.completion",
            "created": 1_764_000_000,
            "model": body.get("model", "fake"),
            "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": 20, "total_tokens": prompt_tokens + 20},
        }
    )


def text(content: str) -> Step:
    async def step(body: dict[str, Any]) -> web.Response:
        return _completion({"role": "assistant", "content": content}, "stop", body)

    return step


def tool_calls(*calls: tuple[str, Any]) -> Step:
    """Calls as (name, arguments); arguments a dict (JSON-encoded here) or a raw string."""

    async def step(body: dict[str, Any]) -> web.Response:
        encoded = [
            {
                "id": f"call_{uuid.uuid4().hex[:10]}",
                "type": "function",
                "function": {"name": name, "arguments": args if isinstance(args, str) else json.dumps(args)},
            }
            for name, args in calls
        ]
        return _completion({"role": "assistant", "content": None, "tool_calls": encoded}, "tool_calls", body)

    return step


def status(code: int, retry_after: str | None = None, error_code: str = "error") -> Step:
    async def step(body: dict[str, Any]) -> web.Response:
        headers = {"Retry-After": retry_after} if retry_after else {}
        return web.json_response(
            {"error": {"message": "scripted failure", "type": error_code, "code": error_code}},
            status=code,
            headers=headers,
        )

    return step


def content_filter() -> Step:
    async def step(body: dict[str, Any]) -> web.Response:
        return _completion({"role": "assistant", "content": None}, "content_filter", body)

    return step


def malformed() -> Step:
    async def step(body: dict[str, Any]) -> web.Response:
        return web.Response(text="<html>gateway says hi</html>", content_type="text/html")

    return step


def slow(seconds: float, then: Step) -> Step:
    async def step(body: dict[str, Any]) -> web.Response:
        await asyncio.sleep(seconds)  # the server being slow is the behaviour under test
        return await then(body)

    return step


async def echo(body: dict[str, Any]) -> web.Response:
    last = next((m["content"] for m in reversed(body.get("messages", [])) if m.get("role") == "user"), "")
    return _completion({"role": "assistant", "content": f"eco: {last}"}, "stop", body)


class FakeOpenAI(LocalServer):
    def __init__(self) -> None:
        super().__init__()
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self.azure_endpoint = f"http://127.0.0.1:{self.port}"
        self.script: list[Step] = []
        self.requests: list[dict[str, Any]] = []

    async def _handle(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.requests.append(
            {
                "path": request.path,
                "headers": dict(request.headers),
                "body": body,
                "raw": json.dumps(body, ensure_ascii=False),
            }
        )
        step = self.script.pop(0) if self.script else echo
        return await step(body)

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/v1/chat/completions", self._handle)
        app.router.add_post("/openai/deployments/{deployment}/chat/completions", self._handle)
