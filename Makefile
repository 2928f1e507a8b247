# tidings — developer and CI entry points.  Needs only GNU make and Python 3.11.
#
#   make demo    set up .venv, ingest demo/pages, show stats, an exported article and a search
#   make test    set up .venv, lint (ruff) and run the tests (pytest)
#   make bench   run the ingest benchmark (BENCH_ARGS="--pages 2000 --json" to change it)
#   make lint    ruff check
#   make lock    regenerate requirements.lock (needs the network; uses uv in a scratch venv)
#   make clean   remove demo and benchmark outputs and caches (distclean: the venv too)

SHELL       := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.tidings-installed

DEMO_DB     ?= demo.db
DEMO_EXPORT ?= demo-export.jsonl
BENCH_ARGS  ?=
PYTEST_ARGS ?=

.PHONY: help venv demo test lint bench lock clean distclean

help:
	@sed -n 's/^#   make /make /p' $(firstword $(MAKEFILE_LIST))

# ---------------------------------------------------------------------------- environment

venv: $(STAMP)

# Everything comes from the hashed lock; the project itself is installed without
# resolving anything (--no-deps) and built with the locked setuptools
# (--no-build-isolation), so nothing unpinned is fetched besides pip's own upgrade.
$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

# ---------------------------------------------------------------------------- demo

demo: venv
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_EXPORT)
	$(BIN)/tidings ingest demo/pages --db $(DEMO_DB)
	@echo
	$(BIN)/tidings stats --db $(DEMO_DB)
	@echo
	$(BIN)/tidings export --db $(DEMO_DB) --format jsonl -o $(DEMO_EXPORT)
	@echo
	@echo "== first exported article ($(DEMO_EXPORT), body cut to 400 characters)"
	@head -n 1 $(DEMO_EXPORT) | $(BIN)/python demo/show_article.py --body-chars 400
	@echo
	@echo "== search: tidings search \"ministry\" --db $(DEMO_DB)"
	$(BIN)/tidings search "ministry" --db $(DEMO_DB)

# ---------------------------------------------------------------------------- checks

lint: venv
	$(BIN)/ruff check src tests bench scripts

# Lint and tests both run, so one failing does not hide the other's report.
# pytest's exit status 5 (no tests collected) is reported loudly but is not a failure.
test: venv
	@lint=0; $(BIN)/ruff check src tests bench scripts || lint=$$?; \
	tests=0; $(BIN)/pytest -q $(PYTEST_ARGS) || tests=$$?; \
	if [ $$tests -eq 5 ]; then echo "make test: WARNING: pytest collected no tests" >&2; tests=0; fi; \
	if [ $$lint -ne 0 ]; then echo "make test: ruff check failed (exit $$lint)" >&2; fi; \
	if [ $$tests -ne 0 ]; then echo "make test: pytest failed (exit $$tests)" >&2; fi; \
	[ $$lint -eq 0 ] && [ $$tests -eq 0 ]

bench: venv
	$(BIN)/python bench/bench_ingest.py $(BENCH_ARGS)

# ---------------------------------------------------------------------------- lock

# uv runs from a throwaway venv so the project venv's versions are never touched.
LOCK_VENV := $(or $(TMPDIR),/tmp)/tidings-lock-venv
lock:
	@test -x $(LOCK_VENV)/bin/uv || { $(PYTHON) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install --quiet uv; }
	$(LOCK_VENV)/bin/uv pip compile pyproject.toml --extra dev -c constraints.txt --generate-hashes --universal \
	    --python-version 3.11 -o requirements.lock

# ---------------------------------------------------------------------------- cleaning

clean:
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_EXPORT)
	rm -rf bench/_work build dist .pytest_cache .ruff_cache src/*.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
