# The two commands a contributor needs: `make site` and `make test`. `make` alone lists every command.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
FACTS ?= seeds/facts
SITE ?= site
SITE_URL ?=
PORT ?= 8000
LANG_PREVIEW ?=
EXPLAINER := PYTHONPATH=scripts $(BIN)/python -m explainer

.PHONY: help site check generate serve test lint browser clean venv linkcheck linkcheck-external new translations bench-search fuzz bench bench-pages

help: ## this list
	@echo "make TARGET [VARIABLE=value ...]   (the two that matter: make site, make test)"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /\1\t/' | expand -t 22 | sed 's/^/  /'
	@echo "variables: FACTS=$(FACTS) SITE=$(SITE) SITE_URL=$(or $(SITE_URL),(mkdocs.yml's)) PORT=$(PORT) LANG_PREVIEW=$(or $(LANG_PREVIEW),(the site's root language))"
	@echo "           PYTHON=$(PYTHON) (3.11 or newer) CHROMIUM=path-to-a-browser (make test finds one otherwise)"

# Made by $(PYTHON) with the pins of requirements.txt; made again when either changes (scripts/venv.sh).
venv: ## make .venv (every other command does this first)
	@PYTHON='$(PYTHON)' VENV='$(VENV)' scripts/venv.sh

site: venv ## validate, generate and build site/ (zh) and site/en/; SITE_URL=https://owner.github.io/repo/
	$(EXPLAINER) build --facts $(FACTS) --site $(SITE) $(if $(SITE_URL),--site-url '$(SITE_URL)')

check: venv ## validate the fact base only (FACTS=dir for another)
	$(EXPLAINER) check --facts $(FACTS)

new: venv ## start a fact file: make new TYPE=companies ID=zhipu-ai
	@test -n "$(TYPE)" -a -n "$(ID)" || { echo "usage: make new TYPE=companies ID=zhipu-ai" >&2; exit 1; }
	@$(EXPLAINER) new --facts $(FACTS) '$(TYPE)' '$(ID)'

translations: venv ## every text still missing in Chinese or English, as path:line:col lines
	@$(EXPLAINER) translations --facts $(FACTS)

generate: venv ## write the Markdown of both languages into build/docs/ (no MkDocs)
	$(EXPLAINER) generate --facts $(FACTS)

serve: venv ## live preview at http://127.0.0.1:PORT/ (PORT=8000; LANG_PREVIEW=en for another language)
	@$(EXPLAINER) serve --facts $(FACTS) $(if $(LANG_PREVIEW),--lang $(LANG_PREVIEW)) --port $(PORT)

# axe-core for the accessibility test, pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "error: npm is missing; the accessibility tests need Node.js 18 or newer with npm" >&2; exit 1; }
	npm ci --no-audit --no-fund --silent
	touch $@

# A browser for the browser tests: CHROMIUM, else chromium, chromium-browser or google-chrome on PATH, else one that
# Playwright installed. Only as root on Debian is one installed when none is found (Debian's chromium).
browser: venv ## find the browser the tests drive (install Debian's chromium only as root on Debian)
	@PYTHONPATH=scripts $(BIN)/python -m explainer.chromium --quiet || { \
	  if [ "$$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian's chromium for the browser tests (root on Debian)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else PYTHONPATH=scripts $(BIN)/python -m explainer.chromium; fi; }

lint: venv ## ruff check, ruff format --check and mypy
	$(BIN)/ruff check scripts tests overrides/hooks
	$(BIN)/ruff format --check scripts tests overrides/hooks
	$(BIN)/mypy

test: venv node_modules/.installed browser lint ## lint, unit tests, strict builds, link check, browser tests
	$(BIN)/pytest

# Every property and fuzz test with its full count of examples (`make test` draws a few of each: tests/examples.py),
# and the loader and validator fuzzed far longer: prints the cases run, clear errors, successes and tracebacks
# (always 0; a traceback fails the run). FUZZ_CASES=n for another count of fuzz cases.
PROPERTY_TESTS := tests/factbase/test_fuzz.py tests/factbase/test_fast_check.py tests/factbase/test_labels.py \
  tests/render/test_hostile_input.py
fuzz: venv ## every property test at full count, and 10,000 fuzz cases of the loader and validator (FUZZ_CASES=n)
	EXAMPLES=full FUZZ_CASES=$${FUZZ_CASES:-10000} $(BIN)/pytest -q -p no:cacheprovider $(PROPERTY_TESTS)

linkcheck: venv ## check the links of an already built site/
	PYTHONPATH=scripts $(BIN)/python -m explainer.linkcheck $(SITE) --external build/external-links.txt

linkcheck-external: linkcheck ## also fetch every external link once (needs a network)
	PYTHONPATH=scripts $(BIN)/python -m explainer.linkcheck $(SITE) --fetch-external

clean: ## remove everything make made: .venv, build/, site/, node_modules/, caches
	rm -rf $(VENV) build site site.old .site-* node_modules .pytest_cache .ruff_cache .hypothesis
	find scripts tests -name __pycache__ -type d -prune -exec rm -rf {} +

bench-search: venv browser ## search benchmark: every name and alias through Material's search worker
	PYTHONPATH=scripts $(BIN)/python -m bench.search --show-misses

# Build benchmark at the real size and synthetic sizes (writes build/docs like `make site`), then the time from
# saving a fact file to the updated page under `make serve` (it changes one fact file and restores it).
bench: venv ## build times by size, and save-to-page time under make serve
	PYTHONPATH=scripts $(BIN)/python -m bench.scale
	PYTHONPATH=scripts $(BIN)/python -m bench.incremental

# Page weight and Lighthouse on four pages per language (needs a built site/; Lighthouse comes from npm into
# build/tools on first use and drives the browser the tests use).
LIGHTHOUSE_VERSION := 12.8.2
build/tools/node_modules/.bin/lighthouse:
	npm install --prefix build/tools --no-audit --no-fund --silent lighthouse@$(LIGHTHOUSE_VERSION)

bench-pages: site browser build/tools/node_modules/.bin/lighthouse ## page weight and Lighthouse of the built site
	PYTHONPATH=scripts $(BIN)/python -m bench.pages $(SITE)
