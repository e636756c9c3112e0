"""The Teams app package: the manifest validates against Microsoft's schema, the zip carries the app id."""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

import jsonschema
import pytest

from devhost.teams_package import PACKAGE, ROOT, build

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
