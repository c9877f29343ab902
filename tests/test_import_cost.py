"""A hook runs on every commit: its start-up must not pull in heavy libraries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = (
    "torch",
    "tensorflow",
    "numpy",
    "sklearn",
    "pandas",
    "scipy",
    "jsonschema",
    "yaml",
    "fickling",
    "py7zr",
    "detect_secrets",
    "nbformat",
    "requests",
)


def test_running_a_hook_on_plain_files_imports_nothing_heavy(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "train.py").write_text("print('hi')\n")
    (tmp_path / "m.pkl").write_bytes(b"\x80\x04N.")
    code = (
        "import sys; from hooks.check_artifacts import main; from hooks.check_secrets import main as secrets;"
        "rc = main(['train.py', 'm.pkl']) + secrets(['train.py']);"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]; print(rc, heavy)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "0 []"


def test_hook_modules_import_only_the_standard_library_at_top() -> None:
    code = (
        "import sys; import hooks.check_artifacts, hooks.check_secrets, hooks.mlsec_cli;"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
