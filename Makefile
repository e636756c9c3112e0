# One entry point for developers and CI. Everything installs into the project (.venv, node_modules).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install test lint format bench run chat clean eval

DATA := data/apontamentos.parquet

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
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

# Score an engine on the evaluation set: make eval [ARGS="--engine llm --questions FILE --all"]
eval: install
	$(PY) -m tests.eval $(ARGS)

bench: install
	$(PY) -m bench.queries
	$(PY) -m bench.store
	$(PY) -m bench.e2e
	$(PY) -m bench.llm

$(DATA):
	$(PY) -m apontamentos generate --out $(DATA)

local.settings.json:
	cp local.settings.json.example local.settings.json

# Azurite + the bot on http://localhost:7071 (func start if Core Tools are installed, else devhost).
run: install local.settings.json
	@test -f $(DATA) || $(MAKE) --no-print-directory $(DATA)
	$(PY) -m devhost.run

# A terminal conversation with the running bot.
chat: $(STAMP)
	@$(PY) -m bot.chat $(ARGS)

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache
