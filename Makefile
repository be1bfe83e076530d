# Every target installs first if needed. `make install` is idempotent: it reinstalls only when
# pyproject.toml or constraints.txt changed since the last install.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install test verify quiz bench lint clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[all,dev]'
	touch $(STAMP)

test: install
	$(BIN)/pytest

verify: install
	$(BIN)/bank verify

quiz: install
	$(BIN)/bank quiz

bench: install
	$(BIN)/python benchmarks/bench.py

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
