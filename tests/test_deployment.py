"""The deployed package starts: the files `.funcignore` keeps, with `requirements.txt` alone, index every function.

`azd deploy` and `func azure functionapp publish` upload the project folder minus `.funcignore` (gitignore
syntax) and install `requirements.txt`. These tests build that package the same way in a temporary folder,
install it into a fresh virtual environment (once per run; pip's cache makes repeats quick) and import
`function_app` there, as the Functions host's worker does, so a dropped data file or a module only
`requirements-dev.txt` installs fails here instead of in Azure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pathspec
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "apontamentos", "sessions")  # what function_app imports from the project
PROMPT = "bot/prompts/system.txt"

# The app settings of the deployed app that the import and the app's composition need (see infra/).
SETTINGS = {
    "MicrosoftAppId": "00000000-0000-0000-0000-000000000001",
    "MicrosoftAppPassword": "not-used",
    "MicrosoftAppType": "MultiTenant",
    "SESSIONS_STORAGE": "UseDevelopmentStorage=true",
    "SESSION_SWEEP_SCHEDULE": "0 */5 * * * *",
    "ALERTS_SCHEDULE": "0 0 11 * * 1-5",
    "ACCESS_POLICY": "open",
}

# Run in the package's venv: import as the worker does, build the app (no network), print the index.
INSPECT = """
import asyncio, json
import function_app
from bot.app import get_app

functions = {f.get_function_name(): json.loads(f.get_function_json()) for f in function_app.app.get_functions()}
asyncio.run(get_app().close())
print(json.dumps(functions))
"""


def deployment_files(root: Path, extra_ignores: tuple[str, ...] = ()) -> list[str]:
    """The project's files the deployment tools upload: all but those `.funcignore` excludes (gitignore rules)."""
    lines = (root / ".funcignore").read_text(encoding="utf-8").splitlines()
    spec = pathspec.GitIgnoreSpec.from_lines([*lines, *extra_ignores])
    kept = []
    for folder, dirs, files in os.walk(root):
        relative = Path(folder).relative_to(root).as_posix()
        prefix = "" if relative == "." else relative + "/"
        dirs[:] = sorted(d for d in dirs if not spec.match_file(prefix + d + "/"))
        kept += [prefix + f for f in sorted(files) if not spec.match_file(prefix + f)]
    return kept


def build_package(target: Path, extra_ignores: tuple[str, ...] = ()) -> Path:
    for name in deployment_files(ROOT, extra_ignores):
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    return target


def tracked_data_files() -> list[str]:
    """Files other than Python in the packages the app imports: data the code may read at run time."""
    listed = subprocess.run(
        ["git", "ls-files", "--", *PACKAGES], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return [name for name in listed if not name.endswith(".py")]


def test_every_file_of_the_app_packages_is_deployed() -> None:
    """Fast: no code file or data file of bot/, apontamentos/ or sessions/ is left out of the package."""
    kept = set(deployment_files(ROOT))
    data = tracked_data_files()
    assert PROMPT in data
    assert {"function_app.py", "host.json", "requirements.txt", PROMPT} <= kept
    assert not [name for name in data if name not in kept]
    assert not [name for name in kept if name.startswith(("tests/", "devhost/", "bench/", ".venv/", "node_modules/"))]


def test_funcignore_has_a_reason_for_every_pattern() -> None:
    lines = (ROOT / ".funcignore").read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if line and not line.startswith("#"):
            previous = lines[index - 1]
            assert previous.startswith("#") or (previous and not previous.startswith("#")), line
    assert not [line for line in lines if line.startswith("*.")], "drop files by name, never by extension"


@pytest.fixture(scope="module")
def package_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with `requirements.txt` alone (not the test tools), as the deployment installs it."""
    folder = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(folder)
    python = folder / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-compile", "-r", str(ROOT / "requirements.txt")],
        env=env,
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    return python


def start(python: Path, package: Path) -> subprocess.CompletedProcess[str]:
    """Import function_app from the package folder in a clean environment holding only the app settings."""
    env = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/tmp"), **SETTINGS}
    return subprocess.run(
        [str(python), "-c", INSPECT], cwd=package, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_deployed_package_starts_and_indexes_every_function(package_python: Path, tmp_path: Path) -> None:
    package = build_package(tmp_path / "wwwroot")
    assert (package / PROMPT).is_file() and not (package / "tests").exists()
    result = start(package_python, package)
    assert result.returncode == 0, result.stderr[-3000:]
    functions = json.loads(result.stdout.splitlines()[-1])
    assert set(functions) == {"messages", "sessions", "review", "sweep_sessions", "send_alerts"}
    trigger = {name: function["bindings"][0] for name, function in functions.items()}
    assert all(f["scriptFile"] == "function_app.py" for f in functions.values())
    messages, sessions, review = trigger["messages"], trigger["sessions"], trigger["review"]
    assert (messages["type"], messages["route"], messages["methods"], messages["authLevel"]) == (
        "httpTrigger",
        "api/messages",
        ["POST"],
        "ANONYMOUS",
    )
    assert (sessions["type"], sessions["route"], sessions["methods"], sessions["authLevel"]) == (
        "httpTrigger",
        "sessions",
        ["GET"],
        "FUNCTION",
    )
    assert (review["type"], review["route"], review["methods"], review["authLevel"]) == (
        "httpTrigger",
        "review",
        ["GET"],
        "FUNCTION",
    )
    assert (trigger["sweep_sessions"]["type"], trigger["sweep_sessions"]["schedule"]) == (
        "timerTrigger",
        "%SESSION_SWEEP_SCHEDULE%",
    )
    assert (trigger["send_alerts"]["type"], trigger["send_alerts"]["schedule"]) == ("timerTrigger", "%ALERTS_SCHEDULE%")
    assert {f["bindings"][1]["type"] for f in functions.values() if f["bindings"][0]["type"] == "httpTrigger"} == {
        "http"
    }


def test_the_check_catches_a_dropped_data_file(package_python: Path, tmp_path: Path) -> None:
    """The original bug (a pattern that drops the prompt): the same check fails on start."""
    package = build_package(tmp_path / "wwwroot", extra_ignores=("bot/prompts/",))
    assert not (package / PROMPT).exists()
    result = start(package_python, package)
    assert result.returncode != 0
    assert "FileNotFoundError" in result.stderr and "system.txt" in result.stderr


def test_the_venv_has_only_the_app_requirements(package_python: Path) -> None:
    """A module only requirements-dev.txt brings (pytest) is absent, so the import test proves something."""
    found = subprocess.run([str(package_python), "-c", "import pytest"], capture_output=True, text=True)
    assert found.returncode != 0 and sys.executable != str(package_python)
