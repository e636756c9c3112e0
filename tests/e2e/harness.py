"""End-to-end harness: the bot under the devhost runner in a subprocess, a fake Bot Connector that
records replies, and a local OpenID metadata server for signed tokens. All of it speaks the real
wire protocols; only the channel and the token issuer are fakes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import aiohttp
import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from bot.cards import card_as_text
from bot.settings import Settings
from devhost.azurite import ROOT, free_port

from .. import clock
from ..local_server import LocalServer


class _HtmlText(HTMLParser):
    """The text a person reads in Teams' HTML: list items as "- " lines, paragraphs and breaks as lines."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.parts.append({"li": "\n- ", "br": "\n", "p": "\n"}.get(tag, ""))

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def shown(activity: dict[str, Any]) -> str:
    """What a person reads in a message: its text (HTML as text) and then its cards, as the terminal prints them."""
    text = activity.get("text") or ""
    if activity.get("textFormat") == "xml":
        parser = _HtmlText()
        parser.feed(text)
        text = "".join(parser.parts).strip()
    cards = [
        card_as_text(a.get("content") or {}).strip()
        for a in activity.get("attachments") or []
        if a.get("contentType") == "application/vnd.microsoft.card.adaptive"
    ]
    return "\n".join(part for part in (text, *cards) if part)


class RecordingEnvironment(dict):
    """An environment that remembers every variable asked of it."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        self.asked.add(key)
        return super().get(key, default)


def setting_names() -> frozenset[str]:
    """Every variable the bot's settings read: kept out of the bot processes' inherited environment."""
    environment = RecordingEnvironment()
    Settings.from_env(environment)
    return frozenset(environment.asked)


SETTING_NAMES = setting_names()


class FakeConnector(LocalServer):
    """The Bot Connector endpoints the SDK calls for replies; any other call is recorded as unexpected."""

    def __init__(self) -> None:
        super().__init__()
        self.url = f"http://127.0.0.1:{self.port}"
        self.activities: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.unexpected: list[str] = []
        self.failing: set[str] = set()  # conversations whose messages the channel refuses (500)
        self.prefixes: list[str] = []  # serviceUrl path prefixes the replies came through
        self.members: dict[str, dict[str, Any]] = {}  # member id -> the TeamsChannelAccount the channel returns
        self.member_lookups: list[str] = []
        self.statuses: dict[str, list[int]] = {}  # conversation -> statuses to answer its next messages with
        self.created: list[dict[str, Any]] = []  # ConversationParameters of the conversations the bot created
        self.member_hold: asyncio.Event | None = None  # member lookups wait for this (a hanging channel)
        self.max_bytes: int | None = None  # a channel's message size limit: larger bodies get 413
        self.refused_sizes: list[int] = []  # the sizes of the bodies refused with 413
        self.held: list[str] = []  # conversations whose message is being held (see `hold`)
        self._holds: dict[str, tuple[asyncio.Event, int]] = {}
        self._arrived = asyncio.Condition()

    def hold(self, conversation: str, then: int = 200) -> asyncio.Event:
        """Hold the next message to `conversation` (a hanging channel) until the returned event is set, then
        answer it with the status `then`.

        A held message whose sender went away meanwhile (its connection closed) is not recorded.
        """
        event = asyncio.Event()
        self._holds[conversation] = (event, then)
        return event

    async def wait_held(self, conversation: str, timeout: float = 30) -> None:
        async with asyncio.timeout(timeout), self._arrived:
            await self._arrived.wait_for(lambda: conversation in self.held)

    async def wait_messages(self, conversation: str, count: int, timeout: float = 30) -> list[dict[str, Any]]:
        """Await until `conversation` has `count` messages (proactive sends arrive on their own schedule)."""
        async with asyncio.timeout(timeout), self._arrived:
            await self._arrived.wait_for(lambda: len(self.messages(conversation)) >= count)
        return self.messages(conversation)

    async def _member(self, request: web.Request) -> web.Response:
        member = request.match_info["member"]
        self.member_lookups.append(member)
        if self.member_hold is not None:
            await self.member_hold.wait()
        if member not in self.members:
            return web.json_response({"error": {"code": "MemberNotFound", "message": "no"}}, status=404)
        return web.json_response(self.members[member])

    async def _reply(self, request: web.Request) -> web.Response:
        body = await request.read()
        activity = json.loads(body)
        conversation = request.match_info["conversation"]
        if activity.get("type") == "message" and conversation in self._holds:
            release, then = self._holds.pop(conversation)
            async with self._arrived:
                self.held.append(conversation)
                self._arrived.notify_all()
            await release.wait()
            if request.transport is None or request.transport.is_closing():
                return web.Response(status=499)  # the sender is gone: the channel never took it
            if then != 200:
                return web.json_response({"error": {"code": "Refused", "message": str(then)}}, status=then)
        if self.max_bytes is not None and len(body) > self.max_bytes and activity.get("type") == "message":
            self.refused_sizes.append(len(body))
            return web.json_response({"error": {"code": "MessageSizeTooBig", "message": "too big"}}, status=413)
        if activity.get("conversation", {}).get("id") != conversation:
            self.unexpected.append(f"conversation mismatch on {request.path}")
        if conversation in self.failing and activity.get("type") == "message":
            return web.json_response({"error": {"code": "ServiceError", "message": "down"}}, status=500)
        if self.statuses.get(conversation) and activity.get("type") == "message":
            status = self.statuses[conversation].pop(0)
            headers = {"Retry-After": "1"} if status == 429 else {}
            return web.json_response(
                {"error": {"code": "Refused", "message": str(status)}}, status=status, headers=headers
            )
        if "prefix" in request.match_info:
            self.prefixes.append(request.match_info["prefix"])
        activity["id"] = activity.get("id") or uuid.uuid4().hex  # the channel's id for the message
        self.activities[conversation].append(activity)
        async with self._arrived:
            self._arrived.notify_all()
        return web.json_response({"id": activity["id"]})

    async def _create(self, request: web.Request) -> web.Response:
        """Create (or find) a conversation, as Teams does for a bot's 1:1 chat: one id per member."""
        parameters = await request.json()
        self.created.append(parameters)
        members = parameters.get("members") or [{}]
        return web.json_response({"id": f"a:personal-{members[0].get('id', '')}"})

    async def _other(self, request: web.Request) -> web.Response:
        self.unexpected.append(f"{request.method} {request.path}")
        return web.Response(status=404)

    def messages(self, conversation: str) -> list[dict[str, Any]]:
        return [a for a in self.activities.get(conversation, []) if a.get("type") == "message"]

    def texts(self, conversation: str) -> list[str]:
        return [shown(a) for a in self.messages(conversation)]

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/v3/conversations/{conversation}/activities/{activity}", self._reply)
        app.router.add_post("/v3/conversations/{conversation}/activities", self._reply)
        app.router.add_get("/v3/conversations/{conversation}/members/{member}", self._member)
        app.router.add_post("/v3/conversations", self._create)
        # A serviceUrl with a path (Teams has one per region and tenant) prefixes the same routes.
        app.router.add_post("/{prefix}/v3/conversations/{conversation}/activities/{activity}", self._reply)
        app.router.add_post("/{prefix}/v3/conversations/{conversation}/activities", self._reply)
        app.router.add_route("*", "/{tail:.*}", self._other)


class TokenIssuer(LocalServer):
    """Signs Bot Framework channel tokens with its own RSA key and serves the OpenID metadata for it."""

    ISSUER = "https://api.botframework.com"

    def __init__(self) -> None:
        super().__init__()
        self.metadata_url = f"http://127.0.0.1:{self.port}/v1/.well-known/openidconfiguration"
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "test-key-1"
        self.metadata_fetches = 0
        self.failing = False  # answer the metadata with 500
        self.stalled: asyncio.Event | None = None  # hold the metadata until this is set

    def token(
        self,
        *,
        audience: str,
        service_url: str,
        issuer: str = ISSUER,
        expires_in: int | None = 3600,
        key: rsa.RSAPrivateKey | None = None,
    ) -> str:
        """A signed channel token; `expires_in=None` leaves out `exp`."""
        now = int(time.time())
        claims = {
            "iss": issuer,
            "aud": audience,
            "serviceurl": service_url,
            "nbf": now - 60,
            "iat": now - 60,
        }
        if expires_in is not None:
            claims["exp"] = now + expires_in
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": self.kid})

    def routes(self, app: web.Application) -> None:
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk.update({"kid": self.kid, "use": "sig", "alg": "RS256"})

        async def metadata(_: web.Request) -> web.Response:
            self.metadata_fetches += 1
            if self.stalled is not None:
                await self.stalled.wait()
            if self.failing:
                return web.Response(status=500)
            return web.json_response(
                {
                    "issuer": self.ISSUER,
                    "jwks_uri": f"http://127.0.0.1:{self.port}/v1/keys",
                    "id_token_signing_alg_values_supported": ["RS256"],
                }
            )

        async def keys(_: web.Request) -> web.Response:
            return web.json_response({"keys": [jwk]})

        app.router.add_get("/v1/.well-known/openidconfiguration", metadata)
        app.router.add_get("/v1/keys", keys)


class BotProcess:
    """devhost in a subprocess with the given settings, its app on the tests' clock (tests/e2e/pinned_host.py);
    output is kept for assertions."""

    def __init__(self, settings: dict[str, str]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if k not in SETTING_NAMES}
        env.update(settings)
        env.update(clock.child_env())
        env["PYTHONUNBUFFERED"] = "1"
        self._env = env
        self.output: list[str] = []
        self._appended = threading.Condition()
        self._process: subprocess.Popen[str] | None = None
        self._drainer: threading.Thread | None = None

    def start(self, timeout: float = 60) -> BotProcess:
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.e2e.pinned_host",
                "--port",
                str(self.port),
                "--settings",
                str(ROOT / "absent.json"),
            ],
            cwd=ROOT,
            env=self._env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert self._process.stdout is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self._process.stdout.readline()
            if not line:
                break
            self.output.append(line)
            if line.startswith("Host listening"):
                self._drainer = threading.Thread(target=self._drain, daemon=True)
                self._drainer.start()
                return self
        self.stop()
        raise RuntimeError("the bot did not start:\n" + "".join(self.output[-30:]))

    def _drain(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            with self._appended:
                self.output.append(line)
                self._appended.notify_all()

    def wait_for_line(self, text: str, timeout: float = 10) -> bool:
        """Whether a line holding `text` is logged within `timeout`: a log line written while a request is
        handled can reach this pipe after the response reached the test."""
        with self._appended:
            return self._appended.wait_for(lambda: any(text in line for line in self.output), timeout)

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            if self._drainer is not None:
                self._drainer.join(timeout=10)
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process = None

    def kill(self) -> None:
        """SIGKILL: the process dies mid-whatever, nothing cleaned up."""
        assert self._process is not None
        self._process.kill()
        self._process.wait()

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None


class Client:
    """Posts activities to the bot as a channel would."""

    def __init__(
        self, bot: BotProcess, connector: FakeConnector, http: aiohttp.ClientSession, channel: str = "webchat"
    ) -> None:
        self.bot = bot
        self.connector = connector
        self.http = http
        self.channel = channel

    def activity(self, conversation: str, user: str, text: str, **extra: Any) -> dict[str, Any]:
        return {
            "type": "message",
            "id": uuid.uuid4().hex,
            "channelId": self.channel,
            "conversation": {"id": conversation},
            "from": {"id": user, "name": user},
            "recipient": {"id": "bot", "name": "Bot"},
            "serviceUrl": self.connector.url,
            "text": text,
            "timestamp": "2026-11-25T12:00:00.000Z",
            **extra,
        }

    async def post(
        self,
        body: Any,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
        method: str = "POST",
        path: str = "/api/messages",
    ) -> tuple[int, bytes]:
        data = raw if raw is not None else json.dumps(body).encode()
        merged = {"Content-Type": "application/json", **(headers or {})}
        async with self.http.request(method, self.bot.url + path, data=data, headers=merged) as response:
            return response.status, await response.read()

    async def say(self, conversation: str, user: str, text: str) -> str:
        """Send a message and return the text of the one reply it produced."""
        before = len(self.connector.messages(conversation))
        status, _ = await self.post(self.activity(conversation, user, text))
        assert status == 200, status
        replies = self.connector.messages(conversation)[before:]
        assert len(replies) == 1, replies
        return shown(replies[0])

    async def sessions(self, **params: str) -> tuple[int, dict[str, Any]]:
        async with self.http.get(self.bot.url + "/sessions", params=params) as response:
            return response.status, await response.json(content_type=None)


@contextlib.asynccontextmanager
async def http_session() -> Any:
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=200)) as session:
        yield session


async def run_in_thread(function: Any, *args: Any) -> Any:
    return await asyncio.to_thread(function, *args)


def unique_table() -> str:
    return "e2e" + uuid.uuid4().hex[:16]


def alert_bot_settings(connection_string: str, source: Path, policy: Path) -> dict[str, str]:
    """An anonymous local bot with an access policy and tables of its own for sessions, references and alerts."""
    return {
        "SESSIONS_STORAGE": connection_string,
        "SESSIONS_TABLE": unique_table(),
        "REFERENCES_TABLE": unique_table(),
        "ALERT_LOG_TABLE": unique_table(),
        "APONTAMENTOS_SOURCE": str(source),
        "BOT_ALLOW_ANONYMOUS": "true",
        "ACCESS_POLICY": str(policy),
    }


def repo_path(*parts: str) -> Path:
    return ROOT.joinpath(*parts)
