"""A notebook past the secrets size cap still has its cell sources and metadata scanned (plots and
logs in outputs are what make notebooks large; credentials sit in code cells), says that its
outputs were not, and past the notebook bound it is a medium finding (the code went unread)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hooks.cli.entry_points import __getattr__ as hook_main
from hooks.secrets import scanner

SECRET_LINE = "password = 'Xk9f2LmQ7pZr44'\n"


def _notebook(path: Path, output_text: str, padding: int) -> None:
    image = {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBORw0KGgo" + "A" * padding}}
    printed = {"output_type": "stream", "name": "stdout", "text": output_text}
    cells = [
        {"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [printed], "source": SECRET_LINE},
        {"cell_type": "code", "metadata": {}, "execution_count": 2, "outputs": [image], "source": "plt.plot(x)"},
    ]
    path.write_text(json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells}))


@pytest.fixture
def small_caps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scanner, "MAX_BYTES", 64 << 10)
    monkeypatch.setattr(scanner, "MAX_NOTEBOOK_BYTES", 256 << 10)


@pytest.mark.usefixtures("small_caps")
def test_an_oversize_notebook_still_has_its_cells_scanned(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _notebook(repo / "plots.ipynb", "api_key = 'Qz8vK2mN7pL4xR9w'\n", 128 << 10)
    assert hook_main("mlsec_secrets")(["plots.ipynb"]) == 1
    out = capsys.readouterr().out
    assert "cell_1:1:" in out and "MLS223 [medium]" in out
    assert "cell sources and metadata scanned, outputs not" in out
    assert "api_key" not in out and out.count("MLS223") == 1  # the output was not read


@pytest.mark.usefixtures("small_caps")
def test_a_notebook_past_its_own_bound_is_medium(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _notebook(repo / "huge.ipynb", "", 512 << 10)
    assert hook_main("mlsec_secrets")(["huge.ipynb"]) == 1
    out = capsys.readouterr().out
    assert "MLS906 [medium]" in out and "not scanned for secrets" in out


@pytest.mark.usefixtures("small_caps")
def test_other_oversize_files_stay_low(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "log.txt").write_text(SECRET_LINE + "x" * (128 << 10))
    assert hook_main("mlsec_secrets")(["log.txt"]) == 0
    assert "MLS906 [low]" in capsys.readouterr().out


def test_a_notebook_under_the_cap_has_its_outputs_scanned(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The look-alike: below the cap, outputs are read as before."""
    _notebook(repo / "small.ipynb", "api_key = 'Qz8vK2mN7pL4xR9w'\n", 1000)
    assert hook_main("mlsec_secrets")(["small.ipynb"]) == 1
    out = capsys.readouterr().out
    assert out.count("MLS223") == 2 and "outputs not" not in out
