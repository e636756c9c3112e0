"""`make teams-package`: the Teams app package (manifest and icons) with the bot's app id.

    python -m devhost.teams_package [--app-id GUID] [--out build/teams-app.zip]

The app id comes from --app-id, else MicrosoftAppId in the environment, else local.settings.json. The
zip is what an admin uploads in Teams (Apps > Manage your apps > Upload an app) or publishes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "appPackage"
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def app_id_from_settings() -> str:
    if os.environ.get("MicrosoftAppId"):
        return os.environ["MicrosoftAppId"]
    settings = ROOT / "local.settings.json"
    if settings.exists():
        return json.loads(settings.read_text(encoding="utf-8")).get("Values", {}).get("MicrosoftAppId", "")
    return ""


def build(app_id: str, out: Path) -> Path:
    """The zip with the manifest's app and bot ids set to `app_id`."""
    if not _GUID.match(app_id):
        raise ValueError(f"the bot's app id must be a GUID, got {app_id!r}")
    manifest = json.loads((PACKAGE / "manifest.json").read_text(encoding="utf-8"))
    manifest["id"] = app_id
    for bot in manifest["bots"]:
        bot["botId"] = app_id
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        for icon in (manifest["icons"]["color"], manifest["icons"]["outline"]):
            archive.write(PACKAGE / icon, icon)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devhost.teams_package", description=__doc__)
    parser.add_argument("--app-id", default="")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "teams-app.zip")
    args = parser.parse_args(argv)
    app_id = args.app_id or app_id_from_settings()
    try:
        path = build(app_id, args.out)
    except ValueError as err:
        print(f"teams-package: {err}. Pass it: make teams-package ARGS='--app-id <MicrosoftAppId>'")
        return 2
    print(f"Teams app package: {path} (upload it in Teams: Apps > Manage your apps > Upload an app)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
