"""The azd templates against the settings the bot reads (the Bicep compiler cannot run here)."""

from __future__ import annotations

import json
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
            r"(?:appSettings|dataSettings|platformSettings|botSettings)\s*(?::|=)\s*\{(.*?)\n\s*\}", text, re.S
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


def binding_settings() -> set[str]:
    """App settings the function bindings reference as %NAME%: the host cannot index a function without them."""
    return set(re.findall(r"\"%(\w+)%\"", (ROOT / "function_app.py").read_text(encoding="utf-8")))


def test_settings_the_bindings_require_are_set_everywhere_and_documented_as_required() -> None:
    required = binding_settings()
    assert required == {"SESSION_SWEEP_SCHEDULE", "ALERTS_SCHEDULE"}
    assert required <= bicep_settings()
    example = json.loads((ROOT / "local.settings.json.example").read_text(encoding="utf-8"))["Values"]
    assert all(example.get(name) for name in required)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Settings the timers require", 1)[1].split("\n#", 1)[0]
    assert set(re.findall(r"^\| `([A-Za-z_][A-Za-z0-9_]*)`", section, re.M)) == required
    table = readme.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    for name in required:
        row = next(line for line in table.splitlines() if line.startswith(f"| `{name}`"))
        assert "required" in row, row


def test_the_deployer_can_upload_the_data_and_knows_where() -> None:
    main = (INFRA / "main.bicep").read_text(encoding="utf-8")
    resources = (INFRA / "resources.bicep").read_text(encoding="utf-8")
    parameters = (INFRA / "main.parameters.json").read_text(encoding="utf-8")
    assert "${AZURE_PRINCIPAL_ID=}" in parameters and "${AZURE_PRINCIPAL_TYPE=User}" in parameters
    # Storage Blob Data Contributor for the principal running azd, on the data container only.
    grant = resources.split("resource deployerWritesData", 1)[1].split("\n}\n", 1)[0]
    assert "var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'" in resources
    assert "roleDefinitions', blobDataContributor)" in grant and "scope: data\n" in grant
    assert "principalId: principalId" in grant and "principalType: principalType" in grant
    outputs = set(re.findall(r"^output (\w+) ", main, re.M))
    assert {"AZURE_STORAGE_ACCOUNT_NAME", "APONTAMENTOS_CONTAINER"} <= outputs
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    deploying = readme.split("## Deploying: `azd up`", 1)[1].split("\n## ", 1)[0]
    assert "var dataContainer = 'apontamentos'" in resources
    for blob in ("apontamentos.parquet", "acesso.csv"):
        assert f"${{dataContainer}}/{blob}'" in resources  # the default location the bot reads
        assert re.search(
            r"az storage blob upload --auth-mode login .*AZURE_STORAGE_ACCOUNT_NAME.*\\\n.*--container-name "
            rf"apontamentos --name {re.escape(blob)} ",
            deploying,
        ), blob
