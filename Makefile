# Two commands set everything up on a fresh machine: `make report` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := data/raw/cqrb_2021-07-14_sample.txt
REPORTS := reports

.PHONY: install report lint test bench lab clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the package metadata changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(STAMP)

# Runs every notebook on the bundled sample and writes HTML to reports/<sample stem>/.
report: $(STAMP)
	$(BIN)/bulletin report $(SAMPLE) -o $(REPORTS)

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root,)

# ruff's formatter and linter (rules in pyproject.toml); make test runs it first.
lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

test: lint
	bash .ci/ensure-chromium
	$(BIN)/python -m pytest

# Speed figures; JioNLP is installed here only, as the yardstick for figure extraction.
bench: $(STAMP)
	$(BIN)/python benchmarks/articles.py
	$(BIN)/python benchmarks/figures.py
	$(BIN)/python benchmarks/archive.py
	$(BIN)/python benchmarks/report.py
	$(BIN)/python benchmarks/terms.py

clean:
	rm -rf $(VENV) $(REPORTS) .pytest_cache .hypothesis
