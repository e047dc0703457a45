# eventwire: `make run` sets up and analyses the bundled examples; `make test` runs the linter,
# then the suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test lint docs bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) install -e ".[dev]"
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/eventwire ingest examples
	$(BIN)/eventwire summary

test: lint
	$(BIN)/pytest -q -p no:cacheprovider

# the linter over the package and the tests (rules in pyproject.toml's [tool.ruff])
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check --no-cache src tests

docs: $(VENV)/.installed
	$(BIN)/python -m eventwire.cli.docs docs

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
