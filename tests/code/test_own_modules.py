"""Where a name a module imports is defined in the project: followed through the project's own
re-exports, never into a library (a project module that re-exports a library's name gives None),
and never by running anything: garbage files are read as no definition."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks.code.own_modules import project_definition


def _tree(root: Path) -> Path:
    (root / "pkg" / "sub").mkdir(parents=True, exist_ok=True)
    (root / "pkg" / "__init__.py").write_text("from .sub import Guard\nfrom transformers import AutoModel\n")
    (root / "pkg" / "sub" / "__init__.py").write_text("from .impl import Guard\n")
    (root / "pkg" / "sub" / "impl.py").write_text("class Guard:\n    pass\n")
    (root / "tests").mkdir(exist_ok=True)
    test = root / "tests" / "test_guard.py"
    test.write_text("")
    return test


def test_a_name_is_followed_through_the_projects_reexports(tmp_path: Path) -> None:
    test = _tree(tmp_path)
    assert project_definition(test, tmp_path, "pkg", 0, "Guard") == tmp_path / "pkg" / "sub" / "impl.py"


def test_a_librarys_name_reexported_by_the_project_is_no_definition(tmp_path: Path) -> None:
    test = _tree(tmp_path)
    assert project_definition(test, tmp_path, "pkg", 0, "AutoModel") is None
    assert project_definition(test, tmp_path, "transformers", 0, "AutoModel") is None
    assert project_definition(test, tmp_path, "pkg", 0, "Missing") is None


def test_a_module_import_is_its_file(tmp_path: Path) -> None:
    test = _tree(tmp_path)
    assert project_definition(test, tmp_path, "pkg.sub", 0, "") == tmp_path / "pkg" / "sub" / "__init__.py"


def test_a_reexport_loop_ends(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("from b import X\n")
    (tmp_path / "b.py").write_text("from a import X\n")
    test = tmp_path / "t.py"
    test.write_text("")
    assert project_definition(test, tmp_path, "a", 0, "X") is None


@settings(max_examples=50, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=300))
def test_garbage_module_files_are_no_definition(tmp_path_factory: object, data: bytes) -> None:
    root: Path = tmp_path_factory.mktemp("own")  # type: ignore[attr-defined]
    (root / "mod.py").write_bytes(data)
    test = root / "t.py"
    test.write_text("")
    found = project_definition(test, root, "mod", 0, "Guard")
    assert found is None or found == root / "mod.py"
