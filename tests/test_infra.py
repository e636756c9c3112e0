"""The azd templates against the settings the bot reads (the Bicep compiler cannot run here)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.e2e.harness import setting_names

ROOT = Path(__file__).resolve().parent.parent
INFRA = ROOT / "infra"
# Read by the Functions host or the Azure SDKs, not by bot.settings.
PLATFORM = re.compile(r"^(?:AzureWebJobsStorage__\w+|AZURE_CLIENT_ID|APPLICATIONINSIGHTS_AUTHENTICATION_STRING)$")


def bicep_settings() -> set[str]:
    """Keys of the app settings objects in the templates."""
    found: set[str] = set()
    for path in (INFRA / "main.bicep", INFRA / "resources.bicep"):
        text = path.read_text(encoding="utf-8")
        for block in re.finditer(
            r"(?:appSettings|platformSettings|botSettings)\s*(?::|=)\s*\{(.*?)\n\s*\}", text, re.S
        ):
            found |= set(re.findall(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:", block.group(1), re.M))
    return found


def documented_optional() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Settings the templates leave unset", 1)[1].split("\n#", 1)[0]
    return set(re.findall(r"^\| `([A-Za-z_][A-Za-z0-9_]*)`", section, re.M))


def test_every_setting_the_bot_reads_is_deployed_or_documented_as_optional() -> None:
    read = setting_names()
    deployed, optional = bicep_settings(), documented_optional()
    assert read - deployed - optional == set()
    assert deployed & optional == set(), "a setting is either deployed or optional, not both"


def test_every_deployed_setting_is_read_by_the_bot_or_the_platform() -> None:
    read = setting_names()
    assert {s for s in bicep_settings() if s not in read and not PLATFORM.match(s)} == set()
    assert documented_optional() <= read


def test_the_templates_hold_what_the_deployment_needs() -> None:
    main = (INFRA / "main.bicep").read_text(encoding="utf-8")
    resources = (INFRA / "resources.bicep").read_text(encoding="utf-8")
    azure_yaml = (ROOT / "azure.yaml").read_text(encoding="utf-8")
    assert "targetScope = 'subscription'" in main
    assert "'FlexConsumption'" in resources and "name: 'python'" in resources and "version: '3.11'" in resources
    assert "Microsoft.ManagedIdentity/userAssignedIdentities" in resources
    assert "msaAppType: 'UserAssignedMSI'" in resources and "'MsTeamsChannel'" in resources
    assert (
        "/api/messages" in resources and "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3" in resources
    )  # Table Data Contributor
    assert "host: function" in azure_yaml and "language: python" in azure_yaml
    assert "telemetryMode" in (ROOT / "host.json").read_text(encoding="utf-8")
