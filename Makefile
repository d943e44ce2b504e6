# Data Academie — the two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
FLASK  := FLASK_APP=wsgi $(BIN)/flask
HOST   ?= 127.0.0.1
PORT   ?= 5000
# Two workers on two cores; pass PYTEST_ARGS="-n 0 tests/auth" (say) to run a part serially.
PYTEST_ARGS ?= -n 2

.PHONY: run test lint format bench translations extract-messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# Compiled catalogues are build output, made from the committed .po files.
translations: $(VENV)/.installed
	$(BIN)/pybabel compile --use-fuzzy -d translations

run: $(VENV)/.installed translations
	$(FLASK) init-db
	$(FLASK) seed-demo
	$(FLASK) index ensure
	@# First start only: measure the demo themes' findability, so the pages show figures.
	$(FLASK) findability scan --if-never
	@echo ""
	@echo "Data Academie: http://$(HOST):$(PORT)  (stop with Ctrl+C)"
	@# The job worker (imports; keeps this node's search index in step) runs beside the
	@# web server and stops with it.
	$(FLASK) jobs worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(FLASK) run --host $(HOST) --port $(PORT)

test: $(VENV)/.dev-installed translations
	$(BIN)/python -m pytest -W error $(PYTEST_ARGS)

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy academy search_module

format: $(VENV)/.dev-installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Collect UI strings into the catalogue template and merge them into each language.
extract-messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l --ignore-dirs=".* __pycache__" -o translations/messages.pot --no-location --sort-output academy templates
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete

bench: $(VENV)/.dev-installed
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
