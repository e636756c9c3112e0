"""The access policy: parsing with line-numbered errors, reloading, and failing closed."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from apontamentos.dataset import DatasetProvider
from apontamentos.scope import OPEN, Scope
from bot.access import (
    NOT_CONFIGURED,
    NOT_IN_POLICY,
    AccessControl,
    AccessPolicy,
    Denied,
    Identity,
    PolicyProvider,
)
from bot.engines import RulesEngine
from bot.settings import Settings, SettingsError
from sessions import Session

TODAY = date(2026, 11, 25)
GOOD = (
    "user,role,resource_id,contracts\n"
    "00000000-0000-0000-0000-0000000000AA,admin,,\n"
    "Gestora@Contoso.example,gestor,,8446;E0240282\n"
    "colab@contoso.example,colaborador,100007,\n"
)


def test_a_policy_with_bom_and_semicolons_parses() -> None:
    text = "\ufeff" + GOOD.replace(",", ";").replace("8446;E0240282", "8446 ; e0240282").replace(";;", ";;")
    text = text.replace("8446 ; e0240282", '"8446;E0240282"')
    policy, errors = AccessPolicy.parse(text.encode("utf-8"))
    assert errors == []
    gestor = policy.scope_for(object_id=None, upn="GESTORA@contoso.example", channel_user_id=None)
    assert gestor == Scope("gestor", None, ("8446", "E0240282"))
    admin = policy.scope_for(object_id="00000000-0000-0000-0000-0000000000aa", upn=None, channel_user_id=None)
    assert admin is not None and admin.everything


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (",colaborador,1,", "user is empty"),
        ("x@y,chefe,,", "role must be one of"),
        ("x@y,colaborador,,", "needs a resource_id"),
        ("x@y,gestor,,", "needs contracts"),
        ("x@y,gestor,,84A6", "not a contract number"),
        ("x@y,gestor", "expected 4 columns"),
        ("colab@contoso.example,admin,,", "already in the policy"),
    ],
)
def test_bad_rows_are_reported_with_their_line_and_skipped(row: str, message: str) -> None:
    policy, errors = AccessPolicy.parse((GOOD + row + "\n").encode())
    assert len(errors) == 1 and errors[0].startswith("line 5: ") and message in errors[0]
    assert len(policy.by_key) == 3


def test_the_display_name_or_another_channels_id_never_matches_an_entra_identity() -> None:
    policy, _ = AccessPolicy.parse((GOOD + "webchat-user-7,colaborador,100014,\n").encode())
    assert policy.scope_for(object_id=None, upn=None, channel_user_id="Webchat-User-7") is None
    assert policy.scope_for(object_id=None, upn=None, channel_user_id="webchat-user-7") is not None


COLAB = Identity("msteams", upn="colab@contoso.example")


def test_an_unreadable_policy_keeps_the_last_good_one_and_never_opens(tmp_path: Path) -> None:
    path = tmp_path / "acesso.csv"
    provider = PolicyProvider(str(path), refresh_seconds=3600)
    control = AccessControl("policy", provider, allowed_tenants=("contoso",))
    assert control.resolve_loaded(COLAB) == Denied(NOT_CONFIGURED, "unavailable")
    path.write_text(GOOD, encoding="utf-8")
    provider.refresh()
    assert control.resolve_loaded(COLAB) == Scope("colaborador", "100007")
    for broken in (b"\xff\xfe not utf-8", GOOD.replace("role", "papel").encode(), GOOD.encode("utf-16")):
        path.write_bytes(broken)
        os.utime(path, (1, 1))
        provider.refresh()
        assert control.resolve_loaded(COLAB) == Scope("colaborador", "100007")
    assert control.resolve_loaded(Identity("msteams", upn="nobody@contoso.example")) == Denied(
        NOT_IN_POLICY, "not_in_policy"
    )


def test_a_broken_header_at_start_is_closed_and_named_by_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "acesso.csv"
    path.write_text(GOOD.replace("contracts", "contratos"), encoding="utf-8")
    control = AccessControl("policy", PolicyProvider(str(path)), allowed_tenants=("contoso",))
    assert control.resolve_loaded(COLAB) == Denied(NOT_CONFIGURED, "unavailable")
    assert any(r.levelname == "ERROR" and "line 1: the header" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("env", "mode"),
    [
        ({"BOT_ALLOW_ANONYMOUS": "true"}, "open"),
        ({"MicrosoftAppId": "a", "MicrosoftAppPassword": "p"}, "closed"),
        ({"MicrosoftAppId": "a", "MicrosoftAppPassword": "p", "ACCESS_POLICY": "open"}, "open"),
        (
            {"MicrosoftAppId": "a", "MicrosoftAppPassword": "p", "ACCESS_POLICY": "/x/a.csv", "ALLOWED_TENANTS": "t"},
            "policy",
        ),
        (
            {
                "BOT_ALLOW_ANONYMOUS": "true",
                "ACCESS_POLICY": "https://x.blob.core.windows.net/c/a.csv",
                "MicrosoftAppTenantId": "t",
            },
            "policy",
        ),
    ],
)
def test_access_mode_fails_closed(env: dict[str, str], mode: str) -> None:
    assert Settings.from_env(env).access_mode == mode
    assert AccessControl("open").resolve_loaded(Identity("webchat", untrusted="channel")) == OPEN


async def test_closed_access_answers_greetings_and_help_only(provider: DatasetProvider) -> None:
    engine = RulesEngine(dataset=provider)
    denied = Denied(NOT_CONFIGURED, "not_configured")
    session = Session.new("msteams", "c", "u", __import__("datetime").datetime.now(__import__("datetime").UTC))
    today = date(2026, 11, 25)
    data = await engine.answer(
        question="Mostre o contrato 8446", session=session, user_name="", today=today, access=denied
    )
    assert data.text == NOT_CONFIGURED and data.kind == "denied_not_configured"
    hello = await engine.answer(question="oi", session=session, user_name="", today=today, access=denied)
    assert hello.text.startswith("Olá!")
    help_ = await engine.answer(question="ajuda", session=session, user_name="", today=today, access=denied)
    assert help_.text.startswith("Posso responder")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MicrosoftAppId": "a", "MicrosoftAppPassword": "p", "ACCESS_POLICY": "/x/a.csv"}, "ALLOWED_TENANTS"),
        (
            {"MicrosoftAppId": "a", "MicrosoftAppPassword": "p", "ACCESS_POLICY": "/x/a.csv", "ALLOWED_TENANTS": " "},
            "ALLOWED",
        ),
        (
            {"MicrosoftAppId": "a", "MicrosoftAppPassword": "p", "ACCESS_TRUSTED_CHANNELS": "msteams,terminal"},
            "terminal",
        ),
    ],
)
def test_trust_settings_fail_fast(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(env)


def test_only_what_the_channel_authenticates_is_an_identity() -> None:
    control = AccessControl("open", trusted_channels=("msteams", "directline"), allowed_tenants=("Contoso",))
    aad = "00000000-0000-0000-0000-0000000000aa"
    assert control.identify(channel_id="webchat", user_id=aad, object_id=aad, tenant_id=None).untrusted == "channel"
    teams = control.identify(channel_id="msteams", user_id="29:x", object_id=aad, tenant_id="contoso")
    assert teams == Identity("msteams", object_id=aad)
    other_tenant = control.identify(channel_id="msteams", user_id="29:x", object_id=aad, tenant_id="fabrikam")
    assert other_tenant.untrusted == "tenant"
    chosen = control.identify(channel_id="directline", user_id="dl_" + aad, object_id=aad, tenant_id=None)
    assert chosen.untrusted == "unverified_id"
    minted = control.identify(channel_id="directline", user_id="ana@contoso.example", object_id=aad, tenant_id=None)
    assert minted == Identity("directline", upn="ana@contoso.example", channel_user_id="ana@contoso.example")
