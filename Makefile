# MoBio's commands. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Reinstall when the dependencies change.
DEPS_STAMP := $(VENV)/.deps-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
PG_TEST_URL ?= postgresql://postgres@127.0.0.1:5432/postgres

.DEFAULT_GOAL := help
.PHONY: help run client browser-deps test test-sqlite test-postgres lint format schema access-matrix bench clean

help: ## List the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

$(DEPS_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.deps-* && touch $@

# The web client (web-client/): `npm ci` when node_modules is missing or the lock file changed,
# `npm run build` (codegen, texts, tsc, vite) when a source, the SDL or a catalogue changed.
CLIENT := web-client
CLIENT_INSTALLED := $(CLIENT)/node_modules/.mobio-installed
CLIENT_SOURCES := $(shell find $(CLIENT)/src $(CLIENT)/public $(CLIENT)/scripts -type f \
	-not -path '$(CLIENT)/src/gql/*' -not -path '$(CLIENT)/src/generated/*' 2>/dev/null) \
	$(addprefix $(CLIENT)/,index.html package.json tsconfig.json vite.config.ts codegen.ts)

$(CLIENT_INSTALLED): $(CLIENT)/package-lock.json
	cd $(CLIENT) && npm ci --no-audit --no-fund
	touch $@

$(CLIENT)/dist/index.html: $(CLIENT_INSTALLED) $(CLIENT_SOURCES) docs/schema.graphql \
		$(wildcard locales/*/LC_MESSAGES/mobio.po)
	cd $(CLIENT) && npm run build
	touch $@

client: $(CLIENT)/dist/index.html ## Build the web client into web-client/dist (only when needed)

run: $(DEPS_STAMP) client ## Set up, build the client, migrate, load demo data, serve on http://127.0.0.1:8000
	$(BIN)/mobio migrate
	$(BIN)/mobio seed-demo --if-empty
	$(BIN)/mobio serve

# The browser tests (tests/web_client) need Debian's chromium and the built client; off CI
# they are skipped when either cannot be had, in CI they fail.
browser-deps: ## Debian's chromium and the built web client, for the browser tests
	./scripts/ensure-chromium.sh || [ "$$CI" != "true" ]
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory client; \
	elif [ "$$CI" = "true" ]; then echo "npm is required in CI (web client)" >&2; exit 1; \
	else echo "npm is missing: the browser tests will be skipped"; fi

test: $(DEPS_STAMP) browser-deps ## Run the whole suite on SQLite, then on PostgreSQL (required in CI)
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite: $(DEPS_STAMP) ## Run the suite on the embedded SQLite engine
	$(BIN)/python -m pytest

test-postgres: $(DEPS_STAMP) ## Run the suite on PostgreSQL ($(PG_TEST_URL))
	@if $(BIN)/python -m tests.support.reachable "$(PG_TEST_URL)"; then \
		MOBIO_TEST_DATABASE_URL="$(PG_TEST_URL)" $(BIN)/python -m pytest; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL is not reachable at $(PG_TEST_URL); CI requires it" >&2; exit 1; \
	else \
		echo "PostgreSQL is not reachable at $(PG_TEST_URL): PostgreSQL run skipped (not CI)"; \
	fi

lint: $(DEPS_STAMP) ## ruff and mypy (strict on mobio/); prettier on the web client
	$(BIN)/ruff check mobio tests bench
	$(BIN)/ruff format --check mobio tests bench
	$(BIN)/mypy
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(CLIENT_INSTALLED) \
		&& cd $(CLIENT) && npm run --silent format:check; \
	elif [ "$$CI" = "true" ]; then echo "npm is required in CI (web client)" >&2; exit 1; fi

format: $(DEPS_STAMP) ## Format and auto-fix the code
	$(BIN)/ruff format mobio tests bench
	$(BIN)/ruff check --fix mobio tests bench
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(CLIENT_INSTALLED) \
		&& cd $(CLIENT) && npm run --silent format; fi

schema: $(DEPS_STAMP) ## Regenerate docs/schema.graphql, the access matrix and the record of processing
	$(BIN)/mobio schema > docs/schema.graphql
	$(BIN)/mobio access-matrix > docs/access-matrix.md
	$(BIN)/mobio processing-record --lang de --output docs/processing-record.de.md
	$(BIN)/mobio processing-record --lang en --output docs/processing-record.en.md

BENCH_URL ?= postgresql://postgres@127.0.0.1:5432/mobio_bench
BENCH_NEWCOMERS ?= 10000
BENCH_ARGS ?=
BENCH_SIZES ?= 1000,10000,50000

bench: $(DEPS_STAMP) ## Benchmark on PostgreSQL ($(BENCH_URL)); FRESH=1 regenerates the district
	$(BIN)/python -m bench.generate --url "$(BENCH_URL)" --newcomers $(BENCH_NEWCOMERS) \
		$(if $(FRESH),,--if-missing)
	$(BIN)/python -m bench.run --url "$(BENCH_URL)" $(BENCH_ARGS)
	$(BIN)/python -m bench.growth --url "$(BENCH_URL)" --sizes $(BENCH_SIZES) $(BENCH_ARGS)
	$(BIN)/python -m bench.evaluation --url "$(BENCH_URL)" --sizes $(BENCH_SIZES) $(BENCH_ARGS)

clean: ## Remove the environment and caches (not the data folder)
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
