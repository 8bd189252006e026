# roadsec — set-up, demo and checks. `make demo` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out

.PHONY: demo test install browser lint typecheck archcheck bench schemas clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/roadsec parse examples/scds-quarterly-roadmap.md --format json -o $(OUT)/scds-roadmap.json
	$(BIN)/roadsec analyze examples/scds-quarterly-roadmap.md -o $(OUT)/scds-plan.md
	$(BIN)/roadsec analyze examples/scds-quarterly-roadmap.md --format json -o $(OUT)/scds-plan.json
	$(BIN)/roadsec analyze examples/scds-quarterly-roadmap.md --format csv -o $(OUT)/scds-plan.csv
	$(BIN)/roadsec analyze examples/scds-quarterly-roadmap.md --format html -o $(OUT)/scds-plan.html
	@echo "roadsec demo: the security plan of examples/scds-quarterly-roadmap.md, as a report to open:"
	@echo "  $(CURDIR)/$(OUT)/scds-plan.html"
	@echo "  (also $(OUT)/scds-plan.md, .csv and .json; what was read: $(OUT)/scds-roadmap.json)"

# Debian's Chromium for the browser tests of the HTML report (never a browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo "sudo -n" ); \
	  echo "installing Debian's chromium package for the browser tests"; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 || { \
	    $$SUDO apt-get update -q >/dev/null && \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; } || { \
	    echo "roadsec: could not install chromium; run: apt-get install chromium" >&2; exit 1; }; }

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

archcheck: $(STAMP)
	$(BIN)/lint-imports

test: $(STAMP) browser lint typecheck archcheck
	$(BIN)/python -m pytest

schemas: $(STAMP)
	$(BIN)/roadsec schema roadmap -o schemas/roadsec.roadmap-1.schema.json
	$(BIN)/roadsec schema plan -o schemas/roadsec.plan-1.schema.json

bench: $(STAMP)
	$(BIN)/python bench/pipeline_bench.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache .hypothesis
