# One entry point for developers and CI. Everything installs into the project (.venv, node_modules).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install test lint format bench run chat clean eval teams-package e2e-clients

DATA := data/apontamentos.parquet
PORT ?= 7071
AZURITE_PORT ?= 10002

$(STAMP): requirements.txt requirements-dev.txt
	@echo "[install 1/3] Python virtual environment in $(VENV)"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@echo "[install 2/3] Python packages (the first time takes about a minute)"
	$(PY) -m pip install --quiet --progress-bar off -r requirements-dev.txt
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	@echo "[install 3/3] Azurite from npm (node_modules)"
	npm ci --no-audit --no-fund --loglevel=error

install: $(STAMP) node_modules/.package-lock.json

test: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Score an engine on every evaluation batch (tests/eval/*.jsonl), right / declined / wrong per batch:
# make eval [ARGS="--engine llm --questions FILE [--questions FILE2] --all"]
eval: install
	$(PY) -m tests.eval $(ARGS)

bench: install
	$(PY) -m bench.queries
	$(PY) -m bench.store
	$(PY) -m bench.e2e
	$(PY) -m bench.llm
	$(PY) -m bench.alerts

$(DATA):
	$(PY) -m apontamentos generate --out $(DATA)

local.settings.json:
	cp local.settings.json.example local.settings.json

# Azurite + the bot on http://localhost:$(PORT) (func start if Core Tools are installed, else devhost).
run: install local.settings.json
	@test -f $(DATA) || (echo "Generating the demo data ($(DATA))" && $(MAKE) --no-print-directory $(DATA))
	@$(PY) -m devhost.run --port $(PORT) --azurite-port $(AZURITE_PORT)

# A terminal conversation with the running bot: make chat [PORT=7071] [ARGS="--user 'Ana Souza'"]
chat: $(STAMP)
	@$(PY) -m bot.chat --url http://localhost:$(PORT)/api/messages $(ARGS)

# The Teams app package with the bot's app id: make teams-package [ARGS="--app-id <MicrosoftAppId>"]
teams-package: $(STAMP)
	@$(PY) -m devhost.teams_package $(ARGS)

# Real clients (Web Chat through a local Direct Line) in headless Chromium; screenshots in .local/screenshots.
# Installs Debian's chromium (as root), Playwright and the client packages; not part of make test.
e2e-clients: install
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)
	$(PY) -m pip install --quiet -r clients/requirements.txt
	cd clients && npm ci --no-audit --no-fund --loglevel=error
	$(PY) -m pytest -m clients tests/e2e

clean:
	rm -rf $(VENV) node_modules clients/node_modules .pytest_cache .ruff_cache
