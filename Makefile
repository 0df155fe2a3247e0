# The two commands a contributor needs: `make site` and `make test`. Everything else is optional.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FACTS ?= seeds/facts
SITE ?= site
EXPLAINER := PYTHONPATH=scripts $(BIN)/python -m explainer
CHROMIUM := /usr/bin/chromium

.PHONY: site check generate serve test lint chromium clean venv-ready linkcheck linkcheck-external new translations bench-search fuzz bench bench-pages

# The virtual environment is rebuilt whenever the pinned requirements change.
$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements.txt
	$(BIN)/pip check
	touch $@

venv-ready: $(BIN)/.installed

site: $(BIN)/.installed
	$(EXPLAINER) build --facts $(FACTS) --site $(SITE)

check: $(BIN)/.installed
	$(EXPLAINER) check --facts $(FACTS)

# Start a fact file with every required field of its type, empty: make new TYPE=companies ID=zhipu-ai
new: $(BIN)/.installed
	@test -n "$(TYPE)" -a -n "$(ID)" || { echo "usage: make new TYPE=companies ID=zhipu-ai" >&2; exit 1; }
	@$(EXPLAINER) new --facts $(FACTS) '$(TYPE)' '$(ID)'

# Every text still missing in Chinese or English, as path:line:col lines.
translations: $(BIN)/.installed
	@$(EXPLAINER) translations --facts $(FACTS)

generate: $(BIN)/.installed
	$(EXPLAINER) generate --facts $(FACTS)

# Live preview of one language (LANG=zh or en) at http://127.0.0.1:8000/ (English: /en/).
LANG_PREVIEW ?= zh
serve: $(BIN)/.installed
	$(EXPLAINER) serve --facts $(FACTS) --lang $(LANG_PREVIEW)

# axe-core for the accessibility test, pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Debian's chromium for the browser tests (Playwright cannot download a browser here).
chromium:
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: $(BIN)/.installed
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

test: $(BIN)/.installed node_modules/.installed chromium lint
	$(BIN)/pytest

# Fuzz the loader and validator far longer than `make test` does (300 cases): prints the cases run, clear
# errors, successes and tracebacks (always 0; a traceback fails the run). FUZZ_CASES=n for another count.
fuzz: $(BIN)/.installed
	FUZZ_CASES=$${FUZZ_CASES:-10000} $(BIN)/pytest -q -p no:cacheprovider tests/test_fuzz.py

# Check the links of an already built site/ (make test builds and checks its own copy).
linkcheck: $(BIN)/.installed
	PYTHONPATH=scripts $(BIN)/python -m explainer.linkcheck $(SITE) --external build/external-links.txt

# Fetch every external link once (needs a network; CI never runs this).
linkcheck-external: linkcheck
	PYTHONPATH=scripts $(BIN)/python -m explainer.linkcheck $(SITE) --fetch-external

clean:
	rm -rf $(VENV) build site

# Search benchmark: every name and alias through Material's own search worker, top-1/top-3 per language.
bench-search: $(BIN)/.installed chromium
	PYTHONPATH=scripts $(BIN)/python -m bench.search --show-misses

# Build benchmark at the real size and synthetic sizes (writes build/docs like `make site`), then the time from
# saving a fact file to the updated page under `make serve` (it changes one fact file and restores it).
bench: $(BIN)/.installed
	PYTHONPATH=scripts $(BIN)/python -m bench.scale
	PYTHONPATH=scripts $(BIN)/python -m bench.incremental

# Page weight and Lighthouse on four pages per language (needs a built site/; Lighthouse comes from npm into
# build/tools on first use and drives Debian's chromium).
LIGHTHOUSE_VERSION := 12.8.2
build/tools/node_modules/.bin/lighthouse:
	npm install --prefix build/tools --no-audit --no-fund --silent lighthouse@$(LIGHTHOUSE_VERSION)

bench-pages: site chromium build/tools/node_modules/.bin/lighthouse
	PYTHONPATH=scripts $(BIN)/python -m bench.pages $(SITE)
