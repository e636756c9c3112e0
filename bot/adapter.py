"""Bot Framework adapter for Azure Functions requests, and its authentication wiring."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from botbuilder.core import CloudAdapterBase, InvokeResponse, TurnContext
from botbuilder.schema import Activity, CallerIdConstants
from botframework.connector.auth import (
    AuthenticationConstants,
    BotFrameworkAuthentication,
    BotFrameworkAuthenticationFactory,
    ManagedIdentityServiceClientCredentialsFactory,
    PasswordServiceClientCredentialFactory,
    ServiceClientCredentialsFactory,
)
from msrest.authentication import Authentication

from .settings import Settings

log = logging.getLogger(__name__)


class Unauthorized(Exception):
    """The request's token is missing or invalid (the cause is chained, never shown to the caller)."""


class CachedCredentialsFactory(ServiceClientCredentialsFactory):
    """Reuses outbound credentials across turns, so their token cache is too.

    The SDK's factories build new credentials (and so request a new token) on every turn.
    """

    def __init__(self, inner: ServiceClientCredentialsFactory) -> None:
        self._inner = inner
        self._cache: dict[tuple[str, str, str, bool], Authentication] = {}

    async def is_valid_app_id(self, app_id: str) -> bool:
        return await self._inner.is_valid_app_id(app_id)

    async def is_authentication_disabled(self) -> bool:
        return await self._inner.is_authentication_disabled()

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> Authentication:
        key = (app_id, oauth_scope, login_endpoint, validate_authority)
        if key not in self._cache:
            self._cache[key] = await self._inner.create_credentials(
                app_id, oauth_scope, login_endpoint, validate_authority
            )
        return self._cache[key]


def build_authentication(settings: Settings) -> BotFrameworkAuthentication:
    """Public-cloud Bot Framework authentication; the OpenID metadata URL can be overridden.

    Overriding it serves sovereign clouds and lets tests sign tokens with their own keys.
    """
    if settings.app_type == "UserAssignedMSI":
        inner: ServiceClientCredentialsFactory = ManagedIdentityServiceClientCredentialsFactory(settings.app_id)
    else:
        tenant = settings.app_tenant_id if settings.app_type == "SingleTenant" else None
        inner = PasswordServiceClientCredentialFactory(settings.app_id, settings.app_password, tenant)
    tenant_for_login = settings.app_tenant_id or AuthenticationConstants.DEFAULT_CHANNEL_AUTH_TENANT
    return BotFrameworkAuthenticationFactory.create(
        channel_service="",
        validate_authority=True,
        to_channel_from_bot_login_url=AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX + tenant_for_login,
        to_channel_from_bot_oauth_scope=AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE,
        to_bot_from_channel_token_issuer=AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER,
        oauth_url=AuthenticationConstants.OAUTH_URL,
        to_bot_from_channel_open_id_metadata_url=(
            settings.openid_metadata_url or AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL
        ),
        to_bot_from_emulator_open_id_metadata_url=AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL,
        caller_id=CallerIdConstants.public_azure_channel,
        credential_factory=CachedCredentialsFactory(inner),
    )


class FunctionsAdapter(CloudAdapterBase):
    """CloudAdapterBase for requests that arrive through an Azure Functions HTTP trigger."""

    async def process(
        self, auth_header: str | None, activity: Activity, logic: Callable[[TurnContext], Awaitable[None]]
    ) -> InvokeResponse | None:
        """Authenticate, then run the turn; Unauthorized for any authentication failure."""
        try:
            authenticated = await self.bot_framework_authentication.authenticate_request(activity, auth_header)
        except Exception as err:  # noqa: BLE001 - the SDK raises PermissionError, PyJWT errors, IndexError...
            raise Unauthorized(type(err).__name__) from err
        return await self.process_activity(authenticated, activity, logic)
