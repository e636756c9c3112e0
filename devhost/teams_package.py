"""`make teams-package`: the Teams app package (manifest and icons) with the bot's app id and the publisher's links.

    python -m devhost.teams_package [--app-id GUID] --website-url URL --privacy-url URL --terms-url URL
                                    [--developer-name NOME] [--out build/teams-app.zip]

Each value comes from its argument, else the environment, else local.settings.json's Values: MicrosoftAppId,
TEAMS_WEBSITE_URL, TEAMS_PRIVACY_URL, TEAMS_TERMS_URL, TEAMS_DEVELOPER_NAME. Teams shows the developer's name
and links on the app's page, so the three https URLs are required. The zip is what an admin uploads in Teams
(Apps > Manage your apps > Upload an app) or publishes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "appPackage"
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


# manifest field -> (argument, setting), for the publisher's details Teams shows on the app's page.
DEVELOPER_FIELDS = {
    "websiteUrl": ("--website-url", "TEAMS_WEBSITE_URL"),
    "privacyUrl": ("--privacy-url", "TEAMS_PRIVACY_URL"),
    "termsOfUseUrl": ("--terms-url", "TEAMS_TERMS_URL"),
    "name": ("--developer-name", "TEAMS_DEVELOPER_NAME"),
}


@dataclass(frozen=True)
class Developer:
    """The publisher's name and links as the manifest's `developer` object holds them."""

    website_url: str
    privacy_url: str
    terms_url: str
    name: str = ""  # empty: the manifest's own

    def fields(self) -> dict[str, str]:
        values = {"websiteUrl": self.website_url, "privacyUrl": self.privacy_url, "termsOfUseUrl": self.terms_url}
        for field, url in values.items():
            parsed = urlparse(url)
            if parsed.scheme != "https" or not parsed.netloc or len(url) > 2048:
                raise ValueError(f"{DEVELOPER_FIELDS[field][0]} must be an https URL, got {url!r}")
        if len(self.name) > 32:  # the manifest schema's limit
            raise ValueError(f"--developer-name must be at most 32 characters, got {len(self.name)}")
        return {**values, **({"name": self.name} if self.name else {})}


def setting(name: str) -> str:
    """A value from the environment, else from local.settings.json's Values; empty when neither has it."""
    if os.environ.get(name):
        return os.environ[name]
    settings = ROOT / "local.settings.json"
    if settings.exists():
        return str(json.loads(settings.read_text(encoding="utf-8")).get("Values", {}).get(name, ""))
    return ""


def app_id_from_settings() -> str:
    return setting("MicrosoftAppId")


def build(app_id: str, out: Path, developer: Developer | None = None) -> Path:
    """The zip with the manifest's app and bot ids set to `app_id`, and the publisher's details when given."""
    if not _GUID.match(app_id):
        raise ValueError(f"the bot's app id must be a GUID, got {app_id!r}")
    manifest = json.loads((PACKAGE / "manifest.json").read_text(encoding="utf-8"))
    manifest["id"] = app_id
    for bot in manifest["bots"]:
        bot["botId"] = app_id
    if developer is not None:
        manifest["developer"].update(developer.fields())
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        for icon in (manifest["icons"]["color"], manifest["icons"]["outline"]):
            archive.write(PACKAGE / icon, icon)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devhost.teams_package", description=__doc__)
    parser.add_argument("--app-id", default="")
    for argument, name in DEVELOPER_FIELDS.values():
        parser.add_argument(argument, default="", help=f"default: the {name} setting")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "teams-app.zip")
    args = parser.parse_args(argv)
    app_id = args.app_id or app_id_from_settings()
    given = {
        field: getattr(args, argument[2:].replace("-", "_")) or setting(name)
        for field, (argument, name) in DEVELOPER_FIELDS.items()
    }
    missing = [f"{a} (or {n})" for f, (a, n) in DEVELOPER_FIELDS.items() if f != "name" and not given[f]]
    if missing:
        print(
            "teams-package: Teams shows the publisher's links on the app's page; give "
            + ", ".join(missing)
            + ". For example: make teams-package ARGS='--website-url https://… --privacy-url https://… "
            "--terms-url https://…'"
        )
        return 2
    developer = Developer(given["websiteUrl"], given["privacyUrl"], given["termsOfUseUrl"], given["name"])
    try:
        path = build(app_id, args.out, developer)
    except ValueError as err:
        hint = "--app-id <MicrosoftAppId>" if "app id" in str(err) else "https:// URLs"
        print(f"teams-package: {err}. Pass it: make teams-package ARGS='{hint} …'")
        return 2
    print(f"Teams app package: {path} (upload it in Teams: Apps > Manage your apps > Upload an app)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
