from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hooks.deps.side_environments import side_environment


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("docs/requirements.txt", "documentation"),
        ("doc/environment.yml", "documentation"),
        ("requirements-docs.txt", "documentation"),
        ("requirements/docs.txt", "documentation"),
        ("docs-requirements.txt", "documentation"),
        ("tests/requirements.txt", "tests"),
        ("src/tests/sim_test/requirements.txt", "tests"),
        ("tests/unit/bento/environment.yaml", "tests"),
        ("test-requirements.txt", "tests"),
        ("requirements_testing.in", "tests"),
        ("requirements/test.txt", "tests"),
    ],
)
def test_files_that_only_set_up_tests_or_docs(path: str, kind: str) -> None:
    found = side_environment(path)
    assert found is not None and kind in found


@pytest.mark.parametrize(
    "path",
    [
        "requirements.txt",
        "docs/examples/conda/environment.yml",  # an example readers install
        "docs/source/app.yaml",
        "overlays/test/requirements.txt",  # a deployment's test environment
        "serve/requirements.txt",
        "requirements-dev.txt",
        "contest/requirements.txt",
        "docs/pyproject.toml",
        "requirements/prod.txt",
        "latest-requirements.txt",
    ],
)
def test_look_alikes_are_what_users_install(path: str) -> None:
    assert side_environment(path) is None


@given(st.text(max_size=200))
def test_any_path_is_answered(path: str) -> None:
    assert side_environment(path) in (None, "the project's tests", "the project's documentation build")


def _db(tmp_path: Path) -> Path:
    import json
    import zipfile

    from tests.deps.conftest import osv_record

    malware = osv_record("MAL-2024-1", "evil-pkg", fixed=None)
    path = tmp_path / "db.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.json", json.dumps(osv_record("PYSEC-2024-9", "jinja2", fixed="9.0")))
        archive.writestr("m.json", json.dumps(malware))
    return path


@pytest.mark.parametrize("name", ["docs/requirements.txt", "tests/e2e/requirements.txt", "requirements-test.txt"])
def test_advisories_of_a_test_or_docs_environment_are_low(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    from hooks.cli.entry_points import mlsec_deps as main

    (repo / name).parent.mkdir(parents=True, exist_ok=True)
    (repo / name).write_text("jinja2==3.0.0\n")
    assert main([name, "--advisory-db", str(_db(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "MLS401 [low] jinja2 3.0.0 has known vulnerabilities" in out and "which no user installs" in out


def test_the_same_pin_elsewhere_malware_in_the_tests_and_strict_keep_blocking(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from hooks.cli.entry_points import mlsec_deps as main

    db = str(_db(tmp_path))
    (repo / "requirements.txt").write_text("jinja2==3.0.0\n")
    assert main(["requirements.txt", "--advisory-db", db]) == 1
    assert "MLS401 [high]" in capsys.readouterr().out
    (repo / "docs").mkdir()
    (repo / "docs" / "requirements.txt").write_text("evil-pkg==1.0\n")
    assert main(["docs/requirements.txt", "--advisory-db", db]) == 1
    assert "known malware" in capsys.readouterr().out
    (repo / "docs" / "requirements.txt").write_text("jinja2==3.0.0\n")
    (repo / ".mlsec.yaml").write_text("profile: strict\n")
    assert main(["docs/requirements.txt", "--advisory-db", db]) == 1
    assert "MLS401 [high]" in capsys.readouterr().out
