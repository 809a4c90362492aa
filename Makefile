# prereview — one command surface. `make help` lists the targets.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.DEFAULT_GOAL := help
.PHONY: help setup check test test-main test-paddle serve bench bench-load clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml scripts/system_packages.sh
	bash scripts/system_packages.sh
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,train]'
	touch $(STAMP)

setup: $(STAMP) ## system packages (CJK fonts), virtual environment, Python packages

check: setup ## ruff, ruff format --check, mypy
	$(BIN)/ruff check prereview api tests bench scripts
	$(BIN)/ruff format --check prereview api tests bench scripts
	$(BIN)/mypy prereview

test: test-main test-paddle ## the whole test suite (main lane, then the PaddleOCR lane)

test-main: setup ## main lane: everything except the optional PaddleOCR engine
	$(BIN)/pytest -m "not paddle" -n $(PYTEST_WORKERS) --dist loadfile -q

test-paddle: setup ## PaddleOCR engine lane, in its own virtual environment (.venv-paddle)
	bash scripts/paddle_lane.sh

serve: setup ## start the service on the embedded defaults (http://127.0.0.1:8000)
	$(BIN)/prereview serve

bench: setup ## print speed and memory figures (OCR vs extract, rules)
	$(BIN)/python -m bench

bench-load: setup ## service load: 50 applications x 3 materials submitted concurrently
	$(BIN)/python -m bench.load

clean: ## remove the virtual environments and caches
	rm -rf $(VENV) .venv-paddle .pytest_cache .mypy_cache .ruff_cache
