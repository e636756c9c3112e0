"""Settings fail fast and name the variable."""

from datetime import timedelta

import pytest

from bot.settings import Settings, SettingsError


def test_defaults_are_local_friendly() -> None:
    s = Settings.from_env({})
    assert s.sessions_storage == "UseDevelopmentStorage=true"
    assert s.session_timeout == timedelta(minutes=30) and s.session_max_messages == 20
    assert s.sessions_table == "sessions" and s.timezone == "America/Sao_Paulo"
    assert not s.anonymous  # fail closed: no app id is not enough
    assert not s.llm_configured


def test_local_development_allows_anonymous() -> None:
    assert Settings.from_env({"BOT_ALLOW_ANONYMOUS": "true"}).anonymous
    assert Settings.from_env({"AZURE_FUNCTIONS_ENVIRONMENT": "Development"}).anonymous
    assert not Settings.from_env(
        {"BOT_ALLOW_ANONYMOUS": "true", "MicrosoftAppId": "x", "MicrosoftAppPassword": "y"}
    ).anonymous


def test_decimal_timeout() -> None:
    assert Settings.from_env({"SESSION_TIMEOUT_MINUTES": "0.5"}).session_timeout == timedelta(seconds=30)


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"SESSION_TIMEOUT_MINUTES": "abc"}, "SESSION_TIMEOUT_MINUTES"),
        ({"SESSION_TIMEOUT_MINUTES": "-1"}, "SESSION_TIMEOUT_MINUTES"),
        ({"SESSION_MAX_MESSAGES": "1"}, "SESSION_MAX_MESSAGES"),
        ({"SESSION_MAX_MESSAGES": "2.5"}, "SESSION_MAX_MESSAGES"),
        ({"SESSIONS_TABLE": "no-dashes"}, "SESSIONS_TABLE"),
        ({"SESSIONS_TABLE_ENDPOINT": "ftp://x"}, "SESSIONS_TABLE_ENDPOINT"),
        ({"MicrosoftAppType": "Whatever"}, "MicrosoftAppType"),
        (
            {"MicrosoftAppId": "a", "MicrosoftAppPassword": "p", "MicrosoftAppType": "SingleTenant"},
            "MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant",
        ),
        ({"MicrosoftAppId": "a"}, "MicrosoftAppPassword"),
        ({"BOT_ALLOW_ANONYMOUS": "maybe"}, "BOT_ALLOW_ANONYMOUS"),
        ({"BOT_TIMEZONE": "Mars/Olympus"}, "BOT_TIMEZONE"),
        ({"ANSWER_ENGINE": "magic"}, "ANSWER_ENGINE"),
        ({"ANSWER_ENGINE": "llm"}, "ANSWER_ENGINE=llm needs"),
        ({"LLM_TIMEOUT_SECONDS": "30"}, "LLM_TIMEOUT_SECONDS"),
        ({"REVIEW_TABLE": "review-counts"}, "REVIEW_TABLE"),
    ],
)
def test_bad_settings_name_the_variable(env: dict[str, str], names: str) -> None:
    with pytest.raises(SettingsError, match=names):
        Settings.from_env(env)


def test_managed_identity_needs_no_password() -> None:
    s = Settings.from_env({"MicrosoftAppId": "a", "MicrosoftAppType": "UserAssignedMSI", "MicrosoftAppTenantId": "t"})
    assert s.app_type == "UserAssignedMSI" and not s.anonymous


def test_vocabulary_and_review_table() -> None:
    default = Settings.from_env({})
    assert default.vocabulary is None and default.review_table == "review"
    s = Settings.from_env(
        {"VOCABULARY": " https://x.blob.core.windows.net/c/vocabulario.csv ", "REVIEW_TABLE": "naoentendidas"}
    )
    assert s.vocabulary == "https://x.blob.core.windows.net/c/vocabulario.csv" and s.review_table == "naoentendidas"
