# Komora: `make run` starts the app on the sandbox demo catalog, `make test` runs every
# test. Both create .venv and install what they need when it is missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench package translations screenshots system-deps clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

system-deps:
	bash packaging/system-deps.sh

run: $(STAMP) system-deps
	$(PY) -m app

test: $(STAMP) system-deps
	$(PY) -m ruff check app tests
	$(PY) -m mypy app/domain app/api app/store app/hardware app/labels app/sandbox
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check app tests
	$(PY) -m ruff format --check app tests
	$(PY) -m mypy app/domain app/api app/store app/hardware app/labels app/sandbox

package: $(STAMP) system-deps
	bash packaging/build.sh

translations: $(STAMP)
	$(PY) scripts/translations.py update

screenshots: $(STAMP) system-deps
	xvfb-run -a -s "-screen 0 1280x800x24" $(PY) scripts/screenshot.py

bench: $(STAMP) system-deps
	$(PY) tests/benchmarks/run_all.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
