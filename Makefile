# eventwire: `make run` sets up and analyses the bundled examples; `make test` runs the linters,
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

# the linters: ruff over the package and the tests, mypy --strict over the package (its
# configuration and allow-list in pyproject.toml)
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check --no-cache src tests
	$(BIN)/mypy

docs: $(VENV)/.installed
	$(BIN)/python -m eventwire.cli.docs docs

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
