# Two commands set everything up on a fresh machine: `make report` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := data/raw/cqrb_2021-07-14_sample.txt
REPORTS := reports

.PHONY: install report test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the package metadata changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(STAMP)

report: $(STAMP)
	mkdir -p $(REPORTS)
	$(BIN)/bulletin articles $(SAMPLE) --format csv -o $(REPORTS)/articles.csv
	$(BIN)/bulletin articles $(SAMPLE) --format html -o $(REPORTS)/articles.html
	$(BIN)/bulletin figures $(SAMPLE) --format csv -o $(REPORTS)/figures.csv
	$(BIN)/bulletin figures $(SAMPLE) --format html -o $(REPORTS)/figures.html
	$(BIN)/bulletin topics $(SAMPLE) --format csv -o $(REPORTS)/keywords.csv
	$(BIN)/bulletin wordcloud $(SAMPLE) -o $(REPORTS)/wordcloud.png

test: $(STAMP)
	$(BIN)/python -m pytest

# Speed figures; JioNLP is installed here only, as the yardstick for figure extraction.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet jionlp
	$(BIN)/python benchmarks/articles.py
	$(BIN)/python benchmarks/figures.py

clean:
	rm -rf $(VENV) $(REPORTS) .pytest_cache .hypothesis
