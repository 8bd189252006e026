# roadsec — set-up, demo and checks. `make demo` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out

.PHONY: demo test install lint typecheck archcheck bench schemas clean

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
	@echo "roadsec demo: the security plan is in $(OUT)/scds-plan.md (JSON: $(OUT)/scds-plan.json);"
	@echo "              what was read from the roadmap is in $(OUT)/scds-roadmap.json"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

archcheck: $(STAMP)
	$(BIN)/lint-imports

test: $(STAMP) lint typecheck archcheck
	$(BIN)/python -m pytest

schemas: $(STAMP)
	$(BIN)/roadsec schema roadmap -o schemas/roadsec.roadmap-1.schema.json
	$(BIN)/roadsec schema plan -o schemas/roadsec.plan-1.schema.json

bench: $(STAMP)
	$(BIN)/python bench/pipeline_bench.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache .hypothesis
