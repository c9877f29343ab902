"""A hook runs on every commit: its start-up must not pull in heavy libraries."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hooks.catalog import HOOK_MODULES
from hooks.catalog import HOOKS as HOOK_SPECS

ML_STACKS = ("torch", "tensorflow", "numpy", "sklearn", "pandas", "scipy", "jax")
BACKENDS = ("jsonschema", "yaml", "fickling", "py7zr", "detect_secrets", "nbformat", "requests", "bandit", "packaging")


def _modules_after(code: str, cwd: Path | None = None) -> str:
    probe = f"{code}; import sys; print(sorted({{m.split('.')[0] for m in sys.modules}}))"
    result = subprocess.run([sys.executable, "-c", probe], cwd=cwd, capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1]


def test_hook_modules_import_only_the_standard_library_and_ours() -> None:
    names = ", ".join(spec.hook_id.replace("-", "_") for spec in HOOK_SPECS)
    loaded = _modules_after(f"from hooks.cli.entry_points import {names}; import hooks.cli.mlsec")
    assert not [name for name in ML_STACKS + BACKENDS if f"'{name}'" in loaded], loaded


def test_running_each_hook_on_ordinary_files_imports_no_ml_stack(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "train.py").write_text("print('hi')\n")
    (tmp_path / "m.pkl").write_bytes(b"\x80\x04N.")
    (tmp_path / "requirements.txt").write_text("torch==2.3.1\n")
    (tmp_path / "Dockerfile").write_text("FROM python:3.11\nUSER app\n")
    calls = {
        "artifacts": "['train.py', 'm.pkl']",
        "secrets": "['train.py']",
        "code": "['train.py']",
        "deps": "['requirements.txt']",
        "dockerfile": "['Dockerfile']",
    }
    for hook, files in calls.items():
        loaded = _modules_after(f"from hooks.cli.entry_points import mlsec_{hook} as main; main({files})", tmp_path)
        assert not [name for name in ML_STACKS if f"'{name}'" in loaded], (hook, loaded)
        assert "'nbformat'" not in loaded and "'detect_secrets'" not in loaded, (hook, loaded)
        if hook != "code":
            assert "'bandit'" not in loaded, (hook, loaded)


def test_the_gate_imports_its_ml_stack_only_when_it_runs(tmp_path: Path) -> None:
    """The catalog carries the gate's rules and policy section, and `mlsec` knows the `gate`
    command, without numpy; the artifact hook's gate-record check is standard library too."""
    loaded = _modules_after("from hooks.cli.mlsec import build_parser; build_parser(); import hooks.gate.command")
    assert not [name for name in ML_STACKS if f"'{name}'" in loaded], loaded
    (tmp_path / ".git").mkdir()
    (tmp_path / ".mlsec.yaml").write_text("artifacts:\n  require_gate_record: true\n")
    (tmp_path / "m.pkl").write_bytes(b"\x80\x04N.")
    loaded = _modules_after("from hooks.cli.entry_points import mlsec_artifacts as main; main(['m.pkl'])", tmp_path)
    assert not [name for name in ML_STACKS if f"'{name}'" in loaded], loaded


def test_a_plain_hook_run_leaves_out_what_only_some_runs_need(tmp_path: Path) -> None:
    """No baseline file, no shard, a file whose verdict is cached: the baseline reader, the shard
    arithmetic and tempfile (random, shutil) are not imported; a baseline brings its reader in."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "m.pkl").write_bytes(b"\x80\x04N.")
    probe = (
        "from hooks.cli.entry_points import mlsec_artifacts as main; main(['m.pkl']); main(['m.pkl']); "
        "import sys; print(sorted(sys.modules))"
    )
    environment = {**os.environ, "MLSEC_CACHE_DIR": str(tmp_path / "cache")}
    environment.pop("MLSEC_NO_CACHE", None)

    def loaded() -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True, env=environment
        )
        return done.stdout.strip().splitlines()[-1].strip("[]").replace("'", "").split(", ")

    modules = loaded()
    assert "hooks._core.cache" in modules  # the cache was used
    other_hooks = [module for hook_id, module in HOOK_MODULES.items() if hook_id != "mlsec-artifacts"]
    unneeded = ["hooks._core.baseline", "hooks._core.shard", "tempfile", "random", "shutil", "tomllib", *other_hooks]
    assert not [name for name in unneeded if name in modules]
    (tmp_path / ".mlsec-baseline.json").write_text('{"version": 2, "findings": []}\n')
    assert "hooks._core.baseline" in loaded()
    # A policy is checked against every hook's section: then the whole catalog is loaded.
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert "tomllib" not in loaded()
    (tmp_path / "pyproject.toml").write_text('[tool.mlsec]\nfail_on = "high"\n')
    modules = loaded()
    toml = "tomllib" if sys.version_info >= (3, 11) else "tomli"
    assert toml in modules and all(name in modules for name in other_hooks)
