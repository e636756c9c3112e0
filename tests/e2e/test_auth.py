"""JWT validation with MicrosoftAppId set: the SDK's own validation against a local OpenID issuer."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from .harness import BotProcess, Client, FakeConnector, TokenIssuer

APP_ID = "00000000-aaaa-bbbb-cccc-000000000001"


@pytest.fixture(scope="module")
async def issuer() -> AsyncIterator[TokenIssuer]:
    server = await TokenIssuer().start()
    yield server
    await server.stop()


@pytest.fixture(scope="module")
def bot(make_bot: Any, issuer: TokenIssuer) -> BotProcess:
    return make_bot(
        MicrosoftAppId=APP_ID,
        MicrosoftAppPassword="not-a-real-secret",
        BOT_ALLOW_ANONYMOUS="false",
        BOT_OPENID_METADATA_URL=issuer.metadata_url,
        ACCESS_POLICY="open",  # this module is about tokens; test_access.py covers who sees what
    )


def activity(c: Client, conversation: str) -> dict[str, Any]:
    # expectReplies: the reply comes back in the body, so no outbound token is needed from Entra ID.
    return c.activity(conversation, "lia", "Mostre o contrato 8446", deliveryMode="expectReplies")


def bad_tokens(issuer: TokenIssuer, service_url: str) -> dict[str, str | None]:
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return {
        "no token": None,
        "garbage": "Bearer garbage",
        "not a bearer": "Basic dXNlcjpwYXNz",
        "three garbage parts": "Bearer abc.def.ghi",
        "wrong audience": "Bearer " + issuer.token(audience="someone-else", service_url=service_url),
        "wrong issuer": "Bearer "
        + issuer.token(audience=APP_ID, service_url=service_url, issuer="https://evil.example.com"),
        "expired": "Bearer " + issuer.token(audience=APP_ID, service_url=service_url, expires_in=-3600),
        "bad signature": "Bearer " + issuer.token(audience=APP_ID, service_url=service_url, key=other_key),
        "wrong service url": "Bearer " + issuer.token(audience=APP_ID, service_url="https://elsewhere.example"),
        "no expiry": "Bearer " + issuer.token(audience=APP_ID, service_url=service_url, expires_in=None),
    }


async def test_invalid_tokens_are_refused(
    bot: BotProcess, issuer: TokenIssuer, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    for name, header in bad_tokens(issuer, connector.url).items():
        headers = {"Authorization": header} if header else {}
        status, body = await c.post(activity(c, f"auth-{name}"), headers=headers)
        assert status == 401, name
        assert json.loads(body) == {"error": "unauthorized"}, name
    _, listing = await c.sessions()
    assert listing["total_sessions"] == 0


async def test_correctly_signed_token_is_accepted(
    bot: BotProcess, issuer: TokenIssuer, connector: FakeConnector, http: Any
) -> None:
    c = Client(bot, connector, http)
    token = issuer.token(audience=APP_ID, service_url=connector.url)
    status, body = await c.post(activity(c, "auth-ok"), headers={"Authorization": f"Bearer {token}"})
    assert status == 200
    assert "Contrato 8446" in json.loads(body)["activities"][-1]["text"]


async def test_without_app_id_and_without_local_mode_everything_is_refused(
    make_bot: Any, connector: FakeConnector, http: Any
) -> None:
    closed = make_bot(BOT_ALLOW_ANONYMOUS="false")
    c = Client(closed, connector, http)
    status, _ = await c.post(c.activity("closed", "mia", "oi"))
    assert status == 401
    assert await asyncio.to_thread(closed.wait_for_line, "BOT_ALLOW_ANONYMOUS")
