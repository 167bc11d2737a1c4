# Masthead: `make demo` runs the product with demo content; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
NPM := $(shell command -v npm 2>/dev/null)

.PHONY: demo test lint format install lock clean serve locale messages

$(BIN)/masthead: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

install: $(BIN)/masthead

# The reader-facing translations: each catalogue compiled from its .po with Babel (no GNU gettext needed).
LOCALE_MO := $(patsubst %.po,%.mo,$(wildcard masthead/locale/*/LC_MESSAGES/django.po))
%.mo: %.po | $(BIN)/masthead
	$(BIN)/pybabel compile --statistics -i $< -o $@

locale: $(LOCALE_MO)

# Refresh the catalogues from the code and templates after adding strings (this one needs GNU gettext).
# The admin's own screens are left out: Wagtail translates its admin itself.
messages: $(BIN)/masthead
	cd masthead && SECRET_KEY=messages MASTHEAD_HOME=$$(mktemp -d) $(CURDIR)/$(BIN)/masthead manage makemessages --all \
		--no-obsolete --ignore 'desk/*' --ignore 'ingest/*' --ignore 'schedule/*' --ignore 'users/*' --ignore 'demo/*' \
		--ignore '*/migrations/*'

# The HTML checker and axe-core for the page-validity tests; skipped where npm is absent.
node_modules/.installed: package.json package-lock.json
	@if [ -n "$(NPM)" ]; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: HTML validation and axe tests will skip (install Node.js and npm to run them)"; fi

demo: $(BIN)/masthead $(LOCALE_MO)
	PORT=$(PORT) $(BIN)/masthead demo

test: lint $(BIN)/masthead node_modules/.installed $(LOCALE_MO)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Lint and format check (ruff, configured in pyproject.toml); `make format` applies both.
lint: $(BIN)/masthead
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/masthead
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-pin every dependency (with hashes) after changing pyproject.toml.
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links \
		--extra test --output-file requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) node_modules test-results
