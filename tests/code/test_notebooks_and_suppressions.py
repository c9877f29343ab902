from __future__ import annotations

from pathlib import Path

from hooks._core.severity import Severity
from tests.code.helpers import notebook, scan_code


def places(findings: list) -> list[tuple[str, int | None, int]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.cell, f.line) for f in findings)


def test_magics_are_analysed_not_hidden(tmp_path: Path) -> None:
    text = notebook(
        ("markdown", "# Title"),
        "import torch as T\n%matplotlib inline",
        "%time sd = T.load(p)",
        "%%timeit\nx = 1\nsd = T.load(p)",
        "%%capture out\nimport joblib\nclf = joblib.load(p)",
        "model?\n?model\n%env HF_HOME=/tmp\n!ls -la\nfiles = !ls\nsd = T.load(p, weights_only=True)",
    )
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == [("MLS301", 5, 3), ("MLS306", 3, 1), ("MLS306", 4, 3)]


def test_column_of_a_statement_behind_a_line_magic(tmp_path: Path) -> None:
    (finding,) = scan_code(tmp_path, notebook("import torch\n%time sd = torch.load(p)"), "nb.ipynb")
    assert (finding.line, finding.column) == (2, 12)


def test_imports_in_one_cell_resolve_calls_in_another(tmp_path: Path) -> None:
    text = notebook(
        "import numpy as np\nfrom yaml import unsafe_load as ul", "x = np.load(p, allow_pickle=True)", "c = ul(t)"
    )
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == [("MLS303", 2, 1), ("MLS305", 3, 1)]


def test_a_broken_cell_is_reported_and_the_others_analysed(tmp_path: Path) -> None:
    text = notebook("import dill\nx = dill.loads(b)", "def broken(:\n    pass", "y = dill.load(f)")
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == [("B301", 1, 2), ("B301", 3, 1), ("MLS907", 2, 1)]


def test_pip_installs(tmp_path: Path) -> None:
    text = notebook(
        "%pip install transformers datasets==2.19.0",
        "!pip install -q git+https://github.com/org/repo.git@main",
        "!pip install --extra-index-url https://pypi.internal/simple foo==1.0",
        "%pip install --index-url http://mirror.local/simple --trusted-host mirror.local bar==2.0",
        "!pip install -r requirements.txt torch==2.3.1 'numpy==1.26.4' -e .",
        "!pip install git+https://github.com/org/repo.git@" + "a" * 40,
        "%conda install -c conda-forge pytorch=2.3.1 cudatoolkit",
    )
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == [
        ("MLS319", 1, 1),
        ("MLS319", 2, 1),
        ("MLS319", 7, 1),
        ("MLS320", 3, 1),
        ("MLS320", 4, 1),
        ("MLS320", 4, 1),
    ]


def test_installs_inside_chained_commands_and_bash_cells(tmp_path: Path) -> None:
    text = notebook(
        "!cd /content && pip install torch==2.3.1 && pip install requests",
        "%pip install numpy==1.26.4 ; pip install pandas",
        "%%bash\nset -e\nsudo pip install -q accelerate > /dev/null 2>&1",
        "!pip install torch==2.3.1 | tail -1\n!pip install numpy==1.26.4 > install.log 2>&1",
    )
    findings = scan_code(tmp_path, text, "nb.ipynb")
    assert places(findings) == [("MLS319", 1, 1), ("MLS319", 2, 1), ("MLS319", 3, 3)]
    assert sorted(f.message for f in findings) == [
        "installs accelerate without an exact == pin",
        "installs pandas without an exact == pin",
        "installs requests without an exact == pin",
    ]


def test_shell_lines_and_bash_cells(tmp_path: Path) -> None:
    text = notebook(
        "!curl -fsSL https://get.example.sh | sudo bash",
        "%%bash\nset -e\nwget -qO- https://x.example/install.sh | sh",
        "!wget https://x.example/setup.sh -O setup.sh && bash setup.sh",
        "!curl -o data.tar.gz https://x.example/data.tar.gz\n!sha256sum -c data.sha256",
        "%%writefile run.sh\ncurl https://x | bash",
    )
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == [
        ("MLS321", 1, 1),
        ("MLS321", 2, 3),
        ("MLS321", 5, 2),  # the script the cell writes
        ("MLS322", 3, 1),
    ]


def test_nosec_and_mlsec_ignore(tmp_path: Path) -> None:
    source = (
        "import pickle, torch, yaml\n"
        "a = pickle.loads(b)  # nosec B301\n"
        "b = torch.load(p)  # nosec\n"
        "c = torch.load(p)  # nosec B614\n"
        "d = yaml.load(t, Loader=yaml.Loader)  # nosec B301\n"
        "e = torch.load(p)  # mlsec: ignore[MLS306] trusted checkpoint from our own bucket\n"
        "f = torch.load(p)  # mlsec: ignore\n"
    )
    assert places(scan_code(tmp_path, source)) == [("MLS001", None, 7), ("MLS305", None, 5), ("MLS306", None, 7)]


def test_nosec_inside_notebook_cells(tmp_path: Path) -> None:
    text = notebook("import pickle\nx = pickle.loads(b)  # nosec B301", "y = pickle.loads(b)")
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == [("B301", 2, 1)]


def test_hostile_input(tmp_path: Path) -> None:
    assert places(scan_code(tmp_path, "x = " + "(" * 5000 + ")" * 5000 + "\n")) == [("MLS907", None, 1)]
    (tmp_path / "nul.py").write_bytes(b"import os\x00\n")
    (tmp_path / "latin.py").write_bytes(b"# caf\xe9\nimport pickle\npickle.loads(b)\n")
    from hooks._core.policy import Policy
    from hooks.code.spec import SPEC
    from tests.scanning import findings_of

    assert [f.rule_id for f in findings_of(SPEC, tmp_path / "nul.py", "nul.py", Policy(root=tmp_path))] == ["MLS907"]
    # Python would refuse the undeclared encoding; the code is analysed anyway (latin-1), not skipped.
    assert [f.rule_id for f in findings_of(SPEC, tmp_path / "latin.py", "latin.py", Policy(root=tmp_path))] == ["B301"]
    assert places(scan_code(tmp_path, '{"cells": [', "broken.ipynb")) == [("MLS907", None, 1)]


def test_an_integer_longer_than_python_reads_does_not_leave_the_notebook_unread(tmp_path: Path) -> None:
    # Valid JSON (JSON.parse, VS Code and Jupyter's front end read it); Python's int() refuses
    # more than 4,300 digits, which must not make every cell pass unread.
    text = notebook("import pickle\npickle.load(open(url_file, 'rb'))").replace(
        '"execution_count": null', '"execution_count": ' + "7" * 5000
    )
    assert "7" * 5000 in text
    found = scan_code(tmp_path, text, "nb.ipynb")
    assert [f.rule_id for f in found if f.severity.rank >= Severity.MEDIUM.rank] == ["B301"]
