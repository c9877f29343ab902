"""Columns are characters, as reports promise (SARIF counts code points): ast and bandit count
UTF-8 bytes, so a finding after non-ASCII text on its line was placed too far right."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.code.helpers import notebook, scan_code


@pytest.mark.parametrize(
    "line",
    [
        'x = "éééé"; pickle.loads(a)',
        'y = "日本"; pickle.loads(b)  # 日本',
        "z = 'ok'; pickle.loads(c)",  # the look-alike: ASCII, as before
        'w = "😀"; pickle.loads(d)',
    ],
)
def test_a_bandit_finding_stands_at_the_call_whatever_comes_before_it(tmp_path: Path, line: str) -> None:
    (found,) = [f for f in scan_code(tmp_path, f"import pickle\n{line}\n") if f.rule_id == "B301"]
    assert found.column == line.index("pickle.loads") + 1


def test_an_ml_rule_finding_and_a_notebook_line_count_characters_too(tmp_path: Path) -> None:
    line = 'état = "modèle"; m = torch.load(chemin)'
    (script,) = [f for f in scan_code(tmp_path, f"import torch\n{line}\n") if f.rule_id == "MLS306"]
    assert script.column == line.index("torch.load") + 1
    cell = '%time état = "modèle"; m = torch.load(chemin)'
    (in_cell,) = [f for f in scan_code(tmp_path, notebook("import torch", cell), "n.ipynb") if f.rule_id == "MLS306"]
    assert in_cell.column == cell.index("torch.load") + 1
