# Two commands do all the set-up on a fresh clone (Python 3.11+, make, npm assumed):
#   make run   - create .venv, install, run the main job (kursk-analysis run -> reports/)
#   make test  - create .venv, install, run the whole test suite: unit and browser tests,
#                then nbval on the committed notebooks (twice: defaults, then another time
#                zone, locale and hash seed). The browser tests drive Debian's chromium,
#                which this installs with apt-get when /usr/bin/chromium is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
NBVAL := $(BIN)/python -m pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider notebooks/

.PHONY: setup run test nbval clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

# The widget manager's JavaScript, copied into each report so widgets render offline.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

setup: $(STAMP) $(NODE_STAMP)

# Never `playwright install`: it downloads a browser build, which cannot work here.
$(CHROMIUM):
	$(SUDO) apt-get update -q
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium

run: setup
	$(BIN)/kursk-analysis run

test: setup $(CHROMIUM)
	$(BIN)/python -m pytest
	$(MAKE) --no-print-directory nbval

# Strict nbval (no --nbval-lax). Exit code 5 ("no tests collected") is fine while
# notebooks/ is empty or its notebooks have no code yet.
nbval: setup
	@set -e; if ls notebooks/*.ipynb >/dev/null 2>&1; then \
	  $(NBVAL) || [ $$? -eq 5 ]; \
	  seed=$$(shuf -i 1-4294967295 -n 1); echo "nbval again with TZ=Pacific/Auckland LC_ALL=C.UTF-8 PYTHONHASHSEED=$$seed"; \
	  TZ=Pacific/Auckland LC_ALL=C.UTF-8 PYTHONHASHSEED=$$seed $(NBVAL) || [ $$? -eq 5 ]; \
	else echo "nbval: no notebooks in notebooks/ yet"; fi

clean:
	rm -rf $(VENV) node_modules reports .pytest_cache
