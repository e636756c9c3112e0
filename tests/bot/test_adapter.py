"""Outbound credentials are built once and reused, so their token cache lives across turns."""

from botframework.connector.auth import PasswordServiceClientCredentialFactory

from bot.adapter import CachedCredentialsFactory


async def test_credentials_are_reused_across_turns() -> None:
    factory = CachedCredentialsFactory(PasswordServiceClientCredentialFactory("app", "secret"))
    first = await factory.create_credentials(
        "app", "https://api.botframework.com", "https://login.microsoftonline.com/botframework.com", True
    )
    second = await factory.create_credentials(
        "app", "https://api.botframework.com", "https://login.microsoftonline.com/botframework.com", True
    )
    other = await factory.create_credentials(
        "app", "https://other.scope", "https://login.microsoftonline.com/botframework.com", True
    )
    assert first is second and other is not first
    assert not await factory.is_authentication_disabled()
    assert await factory.is_valid_app_id("app") and not await factory.is_valid_app_id("intruder")
