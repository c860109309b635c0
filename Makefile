# One entry point for people and CI. `make serve` and `make test` set everything up on first use.
PYTHON ?= python3
# The site engine: mkdocs (default) or properdocs, the maintained MkDocs 1.x fork (macros/engine/run.py).
ENGINE ?= mkdocs
export ENGINE
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: serve build test test-browser lint format validate schema lock benchmark benchmark-quick chromium clean

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@rm -f $(VENV)/.installed-* && touch $@

NPM_STAMP := node_modules/.installed-$(shell cat package-lock.json | cksum | cut -d' ' -f1)

# Test tools from the npm registry: axe-core and the Nu HTML checker (vnu.jar).
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@rm -f node_modules/.installed-* && touch $@

## Build the site and serve it with live reload on http://127.0.0.1:8000; STRATEGI=<id> previews one strategy
serve: $(STAMP)
	KS_STRATEGI="$(STRATEGI)" NO_MKDOCS_2_WARNING=1 $(BIN)/python -m $(ENGINE) serve --strict

## Build the site into site/ (the old site/ is kept if the build fails)
build: $(STAMP)
	$(BIN)/python -m macros.build

## Regenerate the JSON Schemas in schema/ from macros/model.py
schema: $(STAMP)
	$(BIN)/python -m macros.jsonschema

## Check data/ only (seconds, no build); FORMAT=github or FORMAT=gitlab for pipelines
validate: $(STAMP)
	$(BIN)/python -m macros.validate $(if $(FORMAT),--format $(FORMAT))

## The whole test suite: the lint and type gate first, then unit, build and browser tests
test: lint $(NPM_STAMP) chromium
	$(BIN)/python -m pytest

## Lint, format check and type check (configured in pyproject.toml)
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## Format the code and apply ruff's safe fixes
format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Only the browser checks
test-browser: $(STAMP) $(NPM_STAMP) chromium
	$(BIN)/python -m pytest tests/browser

## Build benchmark: 10, 100 and 1000 synthetic strategies vs plain Material; writes bench/RESULTATER.md
benchmark: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m bench

## A quick benchmark run: 10 and 100 strategies, one repeat, printed only
benchmark-quick: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m bench --quick

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installerer Debians chromium til browsertestene ..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## Regenerate the lock file after changing dependencies in pyproject.toml
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 --generate-hashes -o requirements.lock -q

clean:
	rm -rf $(VENV) site

HOST_PORT ?= 8080

## Build site/ for GitHub/GitLab Pages: the CSP as <meta> in every page, and .gz files beside text files
pages: build
	$(BIN)/python -m macros.csp site --meta --gzip

## Build site/ for your own server: CSP header in build/csp-header.conf (for deploy/nginx.conf), .gz files
csp: build
	$(BIN)/python -m macros.csp site --gzip

## Serve site/ with deploy/nginx.conf (production headers and CSP) on http://127.0.0.1:$(HOST_PORT)
host: csp nginx
	$(BIN)/python -m macros.hosting --port $(HOST_PORT)

nginx:
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { \
	  echo "Installerer Debians nginx til make host og hostingtestene ..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }

## Only the hosting checks: deploy/nginx.conf's headers, CSP in Chromium, search and glossary under the CSP
test-hosting: $(STAMP) chromium nginx
	$(BIN)/python -m pytest tests/browser/test_hosting.py
