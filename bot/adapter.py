"""Bot Framework adapter for Azure Functions requests, and its authentication wiring."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from botbuilder.core import CloudAdapterBase, InvokeResponse, TurnContext
from botbuilder.schema import Activity, CallerIdConstants
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    BotFrameworkAuthenticationFactory,
    ClaimsIdentity,
    ManagedIdentityServiceClientCredentialsFactory,
    PasswordServiceClientCredentialFactory,
    ServiceClientCredentialsFactory,
)
from botframework.connector.auth.user_token_client import UserTokenClient
from msrest.authentication import Authentication

from . import signing_keys
from .settings import Settings
from .signing_keys import SigningKeysUnavailable

__all__ = ["FunctionsAdapter", "SigningKeysUnavailable", "Unauthorized", "build_authentication"]

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
    signing_keys.install()
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
    """CloudAdapterBase for requests that arrive through an Azure Functions HTTP trigger.

    It runs turns as CloudAdapterBase.process_activity does, but reuses the connector and token
    clients across turns: the SDK builds new ones every turn, and each costs ~6 ms of CPU in
    msrest's retry configuration alone, besides a fresh connection pool.
    """

    MAX_CONNECTORS = 64

    def __init__(self, authentication: BotFrameworkAuthentication) -> None:
        super().__init__(authentication)
        self._connectors: OrderedDict[tuple[str, str, str], ConnectorClient] = OrderedDict()
        self._token_clients: dict[str, UserTokenClient] = {}

    async def process(
        self, auth_header: str | None, activity: Activity, logic: Callable[[TurnContext], Awaitable[None]]
    ) -> InvokeResponse | None:
        """Authenticate, then run the turn; Unauthorized for any authentication failure."""
        try:
            authenticated = await self.bot_framework_authentication.authenticate_request(activity, auth_header)
        except SigningKeysUnavailable:
            raise
        except Exception as err:  # noqa: BLE001 - the SDK raises PermissionError, PyJWT errors, IndexError...
            raise Unauthorized(type(err).__name__) from err
        # PyJWT checks `exp` only when present; a token that never expires is not accepted.
        if auth_header is not None and "exp" not in (authenticated.claims_identity.claims or {}):
            raise Unauthorized("token without exp")
        activity.caller_id = authenticated.caller_id
        identity = authenticated.claims_identity
        connector = await self._connector(authenticated, activity.service_url or "")
        context = self._create_turn_context(
            activity,
            identity,
            authenticated.audience,
            connector,
            await self._token_client(identity),
            logic,
            authenticated.connector_factory,
        )
        await self.run_pipeline(context, logic)
        return self._process_turn_results(context)

    async def close(self) -> None:
        """Close the cached connector clients (their HTTP sessions)."""
        while self._connectors:
            _, client = self._connectors.popitem()
            await client.__aexit__(None, None, None)

    async def _connector(self, authenticated: AuthenticateRequestResult, service_url: str) -> ConnectorClient:
        app_id = _app_id(authenticated.claims_identity)
        key = (service_url, authenticated.audience or "", app_id)
        client = self._connectors.get(key)
        if client is None:
            client = await authenticated.connector_factory.create(service_url, authenticated.audience)
            self._connectors[key] = client
            if len(self._connectors) > self.MAX_CONNECTORS:
                _, evicted = self._connectors.popitem(last=False)
                # ConnectorClient has no close(); its async context exit closes the HTTP session.
                try:
                    await evicted.__aexit__(None, None, None)
                except Exception:  # noqa: BLE001 - a client that fails to close must not fail this turn
                    log.warning("evicted connector client did not close cleanly", exc_info=True)
        else:
            self._connectors.move_to_end(key)
        return client

    async def _token_client(self, identity: ClaimsIdentity) -> UserTokenClient:
        app_id = _app_id(identity)
        if app_id not in self._token_clients:
            self._token_clients[app_id] = await self.bot_framework_authentication.create_user_token_client(identity)
        return self._token_clients[app_id]


def _app_id(identity: ClaimsIdentity) -> str:
    claims = identity.claims or {}
    return str(
        claims.get(AuthenticationConstants.AUDIENCE_CLAIM) or claims.get(AuthenticationConstants.APP_ID_CLAIM) or ""
    )
