"""The Teams app package: the manifest validates against Microsoft's schema, the zip carries the app id."""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

import jsonschema
import pytest

from devhost.teams_package import PACKAGE, ROOT, Developer, build

SCHEMA = ROOT / "node_modules" / "@microsoft" / "app-manifest" / "build" / "json-schemas" / "teams"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_manifest_validates_against_the_official_schema() -> None:
    manifest = json.loads((PACKAGE / "manifest.json").read_text(encoding="utf-8"))
    schema = json.loads((SCHEMA / f"v{manifest['manifestVersion']}" / "MicrosoftTeams.schema.json").read_text())
    jsonschema.Draft4Validator(schema).validate(manifest)
    bot = manifest["bots"][0]
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    assert 1 <= len(bot["commandLists"][0]["commands"]) <= 10


def test_the_package_carries_the_app_id_and_the_icons(tmp_path: Path) -> None:
    app_id = "12345678-1234-1234-1234-1234567890ab"
    with zipfile.ZipFile(build(app_id, tmp_path / "app.zip")) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["id"] == app_id and manifest["bots"][0]["botId"] == app_id
        assert png_size(archive.read("color.png")) == (192, 192)
        assert png_size(archive.read("outline.png")) == (32, 32)


def test_an_app_id_that_is_not_a_guid_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="GUID"):
        build("not-a-guid", tmp_path / "app.zip")


LINKS = (
    "https://intranet.empresa.com.br/apontamentos",
    "https://empresa.com.br/privacidade",
    "https://empresa.com.br/termos",
)


def run_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str, **env: str) -> tuple[int, str]:
    """`make teams-package` with a chosen environment and no local.settings.json to fall back on."""
    import io
    from contextlib import redirect_stdout

    from devhost import teams_package

    monkeypatch.setattr(teams_package, "ROOT", tmp_path)
    for name in ("MicrosoftAppId", "TEAMS_WEBSITE_URL", "TEAMS_PRIVACY_URL", "TEAMS_TERMS_URL", "TEAMS_DEVELOPER_NAME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    output = io.StringIO()
    with redirect_stdout(output):
        code = teams_package.main([*args, "--out", str(tmp_path / "app.zip")])
    return code, output.getvalue()


def test_the_developer_links_are_arguments_or_settings_never_placeholders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_id = "12345678-1234-1234-1234-1234567890ab"
    code, output = run_cli(tmp_path, monkeypatch, "--app-id", app_id)
    assert code == 2 and "--website-url (or TEAMS_WEBSITE_URL)" in output and "--terms-url" in output
    assert not (tmp_path / "app.zip").exists()
    website, privacy, terms = LINKS
    code, _ = run_cli(
        tmp_path, monkeypatch, "--app-id", app_id, "--website-url", website, "--developer-name", "Empresa S.A.",
        TEAMS_PRIVACY_URL=privacy, TEAMS_TERMS_URL=terms,
    )  # fmt: skip
    assert code == 0
    with zipfile.ZipFile(tmp_path / "app.zip") as archive:
        developer = json.loads(archive.read("manifest.json"))["developer"]
    assert developer == {"name": "Empresa S.A.", "websiteUrl": website, "privacyUrl": privacy, "termsOfUseUrl": terms}
    assert "example.com" not in json.dumps(developer)
    code, output = run_cli(
        tmp_path, monkeypatch, "--app-id", app_id, "--website-url", "http://empresa.com.br",
        TEAMS_PRIVACY_URL=privacy, TEAMS_TERMS_URL=terms,
    )  # fmt: skip
    assert code == 2 and "--website-url must be an https URL" in output


def test_the_package_with_the_publishers_links_validates_against_the_schema(tmp_path: Path) -> None:
    app_id = "12345678-1234-1234-1234-1234567890ab"
    with zipfile.ZipFile(build(app_id, tmp_path / "app.zip", Developer(*LINKS, name="Empresa S.A."))) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    schema = json.loads((SCHEMA / f"v{manifest['manifestVersion']}" / "MicrosoftTeams.schema.json").read_text())
    jsonschema.Draft4Validator(schema).validate(manifest)
