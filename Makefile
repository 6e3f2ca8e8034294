# Two commands do all the set-up on a fresh clone (Python 3.11+ and make assumed):
#   make run   - create .venv, install, run the main job
#   make test  - create .venv, install, run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/kursk-analysis corpus

test: setup
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) reports .pytest_cache
