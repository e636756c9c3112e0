"""Settings: parsed once from the environment into one frozen object that fails fast.

No other module reads os.environ. Errors name the variable, so a misconfigured Function App says
exactly what to fix in its app settings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

APP_TYPES = ("MultiTenant", "SingleTenant", "UserAssignedMSI")
ENGINES = ("auto", "llm", "rules")
_TABLE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9]{2,62}$")
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")
# Channels with no authentication of their own: trusted only by a developer's explicit local choice.
LOCAL_CHANNELS = ("terminal", "emulator")


class SettingsError(ValueError):
    """A setting is missing, malformed, or inconsistent with another."""


@dataclass(frozen=True)
class Settings:
    sessions_storage: str
    sessions_table_endpoint: str | None
    sessions_table: str
    session_timeout: timedelta
    session_max_messages: int
    session_sweep_schedule: str
    app_id: str
    app_password: str
    app_type: str
    app_tenant_id: str
    allow_anonymous: bool
    openid_metadata_url: str | None
    azure_openai_endpoint: str | None
    azure_openai_deployment: str | None
    azure_openai_api_key: str | None
    azure_openai_api_version: str
    openai_base_url: str | None
    openai_api_key: str | None
    openai_model: str | None
    llm_timeout_seconds: float
    answer_engine: str
    apontamentos_source: str
    dataset_refresh_seconds: float
    timezone: str
    holiday_subdivision: str | None
    daily_hours: float
    access_policy: str | None
    access_trusted_channels: frozenset[str]
    allowed_tenants: frozenset[str]
    applicationinsights_connection_string: str | None
    alerts_schedule: str
    references_table: str
    alert_log_table: str
    feedback_table: str
    vocabulary: str | None
    review_table: str

    @property
    def access_mode(self) -> str:
        """`open` (ACCESS_POLICY=open, or unset in anonymous local development), `closed` (unset otherwise:
        fail closed) or `policy` (a CSV to read)."""
        if self.access_policy is None:
            return "open" if self.anonymous else "closed"
        return "open" if self.access_policy.lower() == "open" else "policy"

    @property
    def anonymous(self) -> bool:
        """Whether unauthenticated traffic is accepted: only with no app id and explicit local mode."""
        return not self.app_id and self.allow_anonymous

    @property
    def llm_configured(self) -> bool:
        azure = bool(self.azure_openai_endpoint and self.azure_openai_deployment)
        return azure or bool(self.openai_base_url and self.openai_model)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        def text(name: str, default: str = "") -> str:
            return (env.get(name) or default).strip()

        def optional(name: str) -> str | None:
            return text(name) or None

        def number(name: str, default: float, minimum: float, maximum: float) -> float:
            raw = text(name, str(default))
            try:
                value = float(raw)
            except ValueError as err:
                raise SettingsError(f"{name} must be a number, got {raw!r}") from err
            if not minimum <= value <= maximum:
                raise SettingsError(f"{name} must be between {minimum:g} and {maximum:g}, got {raw!r}")
            return value

        def integer(name: str, default: int, minimum: int, maximum: int) -> int:
            raw = text(name, str(default))
            if not raw.isdigit():
                raise SettingsError(f"{name} must be a whole number, got {raw!r}")
            value = int(raw)
            if not minimum <= value <= maximum:
                raise SettingsError(f"{name} must be between {minimum} and {maximum}, got {raw!r}")
            return value

        def flag(name: str) -> bool:
            raw = text(name).lower()
            if raw in _TRUE:
                return True
            if raw in _FALSE:
                return False
            raise SettingsError(f"{name} must be true or false, got {raw!r}")

        def url(name: str) -> str | None:
            value = optional(name)
            if value is not None and urlparse(value).scheme not in ("http", "https"):
                raise SettingsError(f"{name} must be an http(s) URL, got {value!r}")
            return value

        def names(name: str, default: str = "") -> frozenset[str]:
            return frozenset(n.strip().lower() for n in text(name, default).split(",") if n.strip())

        def table_name(name: str, default: str) -> str:
            value = text(name, default)
            if not _TABLE_NAME.match(value):
                raise SettingsError(f"{name} must be 3-63 letters and digits starting with a letter, got {value!r}")
            return value

        table = table_name("SESSIONS_TABLE", "sessions")
        app_id = text("MicrosoftAppId")
        app_type = text("MicrosoftAppType", "MultiTenant")
        if app_type not in APP_TYPES:
            raise SettingsError(f"MicrosoftAppType must be one of {', '.join(APP_TYPES)}, got {app_type!r}")
        tenant = text("MicrosoftAppTenantId")
        if app_id and app_type in ("SingleTenant", "UserAssignedMSI") and not tenant:
            raise SettingsError(f"MicrosoftAppTenantId is required when MicrosoftAppType is {app_type}")
        if app_id and app_type != "UserAssignedMSI" and not text("MicrosoftAppPassword"):
            raise SettingsError(f"MicrosoftAppPassword is required when MicrosoftAppType is {app_type}")
        engine = text("ANSWER_ENGINE", "auto").lower()
        if engine not in ENGINES:
            raise SettingsError(f"ANSWER_ENGINE must be one of {', '.join(ENGINES)}, got {engine!r}")
        timezone = text("BOT_TIMEZONE", "America/Sao_Paulo")
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError) as err:
            raise SettingsError(f"BOT_TIMEZONE is not a known time zone: {timezone!r}") from err
        # The Functions host marks local runs with AZURE_FUNCTIONS_ENVIRONMENT=Development.
        local = text("AZURE_FUNCTIONS_ENVIRONMENT").lower() == "development"
        trusted = names("ACCESS_TRUSTED_CHANNELS", "msteams")
        tenants = names("ALLOWED_TENANTS") or names("MicrosoftAppTenantId")
        settings = cls(
            sessions_storage=text("SESSIONS_STORAGE", "UseDevelopmentStorage=true"),
            sessions_table_endpoint=url("SESSIONS_TABLE_ENDPOINT"),
            sessions_table=table,
            session_timeout=timedelta(minutes=number("SESSION_TIMEOUT_MINUTES", 30, 0.01, 7 * 24 * 60)),
            session_max_messages=integer("SESSION_MAX_MESSAGES", 20, 2, 200),
            session_sweep_schedule=text("SESSION_SWEEP_SCHEDULE", "0 */5 * * * *"),
            app_id=app_id,
            app_password=text("MicrosoftAppPassword"),
            app_type=app_type,
            app_tenant_id=tenant,
            allow_anonymous=flag("BOT_ALLOW_ANONYMOUS") or local,
            openid_metadata_url=url("BOT_OPENID_METADATA_URL"),
            azure_openai_endpoint=url("AZURE_OPENAI_ENDPOINT"),
            azure_openai_deployment=optional("AZURE_OPENAI_DEPLOYMENT"),
            azure_openai_api_key=optional("AZURE_OPENAI_API_KEY"),
            azure_openai_api_version=text("AZURE_OPENAI_API_VERSION", "2024-10-21"),
            openai_base_url=url("OPENAI_BASE_URL"),
            openai_api_key=optional("OPENAI_API_KEY"),
            openai_model=optional("OPENAI_MODEL"),
            llm_timeout_seconds=number("LLM_TIMEOUT_SECONDS", 10, 1, 14),
            answer_engine=engine,
            apontamentos_source=text("APONTAMENTOS_SOURCE"),  # empty: no data yet (greetings and help still work)
            dataset_refresh_seconds=number("APONTAMENTOS_REFRESH_SECONDS", 300, 1, 86_400),
            timezone=timezone,
            holiday_subdivision=optional("BOT_HOLIDAY_STATE"),
            daily_hours=number("BOT_DAILY_HOURS", 8, 1, 24),
            access_policy=optional("ACCESS_POLICY"),
            access_trusted_channels=trusted,
            allowed_tenants=tenants,
            applicationinsights_connection_string=optional("APPLICATIONINSIGHTS_CONNECTION_STRING"),
            # 09:00 in São Paulo (UTC-3, no daylight saving time) on weekdays, written in UTC.
            alerts_schedule=text("ALERTS_SCHEDULE", "0 0 12 * * 1-5"),
            references_table=table_name("REFERENCES_TABLE", "conversationrefs"),
            alert_log_table=table_name("ALERT_LOG_TABLE", "alertlog"),
            feedback_table=table_name("FEEDBACK_TABLE", "feedback"),
            vocabulary=optional("VOCABULARY"),
            review_table=table_name("REVIEW_TABLE", "review"),
        )
        if engine == "llm" and not settings.llm_configured:
            raise SettingsError(
                "ANSWER_ENGINE=llm needs AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT "
                "(or OPENAI_BASE_URL and OPENAI_MODEL)"
            )
        local_trusted = sorted(trusted & set(LOCAL_CHANNELS))
        if local_trusted and not settings.anonymous:
            raise SettingsError(
                f"ACCESS_TRUSTED_CHANNELS may name {', '.join(local_trusted)} only in anonymous local development "
                "(BOT_ALLOW_ANONYMOUS=true and no MicrosoftAppId): nothing authenticates who is typing there"
            )
        if settings.access_mode == "policy" and "msteams" in trusted and not tenants and not settings.anonymous:
            raise SettingsError(
                "ALLOWED_TENANTS (or MicrosoftAppTenantId) is required when ACCESS_POLICY is a policy and "
                "ACCESS_TRUSTED_CHANNELS includes msteams: only your tenant's Teams identities may be trusted"
            )
        return settings
