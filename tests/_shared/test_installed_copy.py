"""A file a wheel installed, unmodified (its dist-info RECORD lists its hash): code and secrets
findings in it are low; a modified, unlisted or badly listed file keeps every severity."""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._shared.installed_copy import installed_copy
from hooks.cli.entry_points import mlsec_code, mlsec_secrets
from tests.secrets.helpers import fake

UNSAFE = "import pickle\n\n\ndef load(blob):\n    return pickle.loads(blob)\n"


def _digest(data: bytes, algorithm: str = "sha256") -> str:
    raw = hashlib.new(algorithm, data).digest()
    return f"{algorithm}=" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _install(
    site: Path, files: dict[str, str], *, name: str = "Werkzeug-0.16.0", record: str | None = None, add: bool = True
) -> None:
    """What `pip install --target site` leaves: the files and a dist-info RECORD listing them (and
    METADATA), added to git's index as a commit would carry them."""
    info = site / f"{name}.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    rows = []
    for relative, text in files.items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(text)
        rows.append(f"{relative},{_digest(text.encode())},{len(text.encode())}")
    rows.append(f"{name}.dist-info/RECORD,,")
    (info / "RECORD").write_text(record if record is not None else "\n".join(rows) + "\n")
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name.split('-')[0]}\nVersion: 1.0\n")
    if add:
        _git(site, "add", "-A", "--", ".")


def _git(where: Path, *args: str) -> None:
    top = next(p for p in (where, *where.parents) if (p / ".git").exists())
    if not (top / ".git" / "HEAD").exists():
        subprocess.run(["git", "init", "-q"], cwd=top, check=True)
    subprocess.run(["git", *args], cwd=where, check=True, capture_output=True)


def _severities(main, path: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    main([path])
    return [line.split(" ")[2] for line in capsys.readouterr().out.splitlines() if line.count(":") >= 3]


def test_code_findings_in_an_unmodified_installed_copy_are_low_and_name_the_release(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _install(repo / "app" / "lib", {"werkzeug/cache.py": UNSAFE})
    assert mlsec_code(["app/lib/werkzeug/cache.py"]) == 0
    out = capsys.readouterr().out
    assert "[low]" in out and "[high]" not in out and "[medium]" not in out
    assert "Werkzeug 0.16.0's own file" in out and "app/lib/Werkzeug-0.16.0.dist-info/RECORD" in out


def test_a_modified_copy_keeps_its_severity(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _install(repo / "lib", {"werkzeug/cache.py": UNSAFE})
    (repo / "lib" / "werkzeug" / "cache.py").write_text(UNSAFE + "# edited here\n")
    assert mlsec_code(["lib/werkzeug/cache.py"]) == 1


def test_a_file_beside_the_copy_that_record_does_not_list_keeps_its_severity(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _install(repo / "lib", {"werkzeug/cache.py": UNSAFE})
    (repo / "lib" / "werkzeug" / "mine.py").write_text(UNSAFE)
    (repo / "lib" / "mine.py").write_text(UNSAFE)
    assert mlsec_code(["lib/werkzeug/mine.py"]) == 1
    assert mlsec_code(["lib/mine.py"]) == 1


@pytest.mark.parametrize(
    "record",
    [
        "werkzeug/cache.py,md5=" + base64.urlsafe_b64encode(hashlib.md5(UNSAFE.encode()).digest()).decode() + ",1\n",
        "werkzeug/cache.py,,\n",  # listed without a hash
        "werkzeug/cache.py,sha256=AAAA,1\n",  # a wrong hash
        "../lib/werkzeug/cache.py," + _digest(UNSAFE.encode()) + ",1\n",  # outside its folder
        '"unterminated\n',
    ],
)
def test_a_record_that_does_not_vouch_for_the_bytes_changes_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str], record: str
) -> None:
    _install(repo / "lib", {"werkzeug/cache.py": UNSAFE}, record=record)
    assert mlsec_code(["lib/werkzeug/cache.py"]) == 1


def test_a_record_outside_the_repository_is_not_consulted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The distribution's files sit at the top of tmp_path; the repository is a folder inside it.
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    _install(tmp_path, {"repo/cache.py": UNSAFE}, add=False)
    monkeypatch.chdir(repo)
    assert mlsec_code(["cache.py"]) == 1


def test_profile_strict_keeps_the_severity(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _install(repo / "lib", {"werkzeug/cache.py": UNSAFE})
    (repo / ".mlsec.yaml").write_text("profile: strict\n")
    assert mlsec_code(["lib/werkzeug/cache.py"]) == 1


def test_secrets_in_an_installed_copy_are_low_and_not_shown(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    token = fake("sk_live_", 30)
    _install(repo / "lib", {"pkg/settings.py": f'stripe.api_key = "{token}"\n'}, name="pkg-1.0")
    assert mlsec_secrets(["lib/pkg/settings.py"]) == 0
    out = capsys.readouterr().out
    assert "[low]" in out and token not in out
    (repo / "mine.py").write_text(f'stripe.api_key = "{token}"\n')
    assert mlsec_secrets(["mine.py"]) == 1


def test_a_hostile_distribution_name_is_not_shown(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _install(repo / "lib", {"werkzeug/cache.py": UNSAFE}, name="evil\x1b[2J-1.0")
    assert mlsec_code(["lib/werkzeug/cache.py"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "a distribution's own file" in out


def test_direct_answer_names_release_and_record(repo: Path) -> None:
    _install(repo / "site-packages", {"numpy/core.py": "x = 1\n"}, name="numpy-1.26.4")
    copy = installed_copy(Path("site-packages/numpy/core.py"), repo)
    assert copy is not None
    assert (copy.name, copy.version, copy.record) == ("numpy", "1.26.4", "site-packages/numpy-1.26.4.dist-info/RECORD")
    assert installed_copy(repo / "site-packages" / "numpy-1.26.4.dist-info" / "nothing.py", repo) is None


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symlinked_record_is_not_read(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _install(repo / "elsewhere", {"werkzeug/cache.py": UNSAFE})
    (repo / "lib" / "werkzeug").mkdir(parents=True)
    (repo / "lib" / "werkzeug" / "cache.py").write_text(UNSAFE)
    (repo / "lib" / "Werkzeug-0.16.0.dist-info").mkdir()
    (repo / "lib" / "Werkzeug-0.16.0.dist-info" / "RECORD").symlink_to(
        repo / "elsewhere" / "Werkzeug-0.16.0.dist-info" / "RECORD"
    )
    assert mlsec_code(["lib/werkzeug/cache.py"]) == 1


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=600))
def test_garbage_records_never_raise_and_never_vouch(record: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / ".git").mkdir()
        site = root / "site"
        (site / "pkg").mkdir(parents=True)
        (site / "pkg" / "m.py").write_text(UNSAFE)
        (site / "pkg-1.0.dist-info").mkdir()
        (site / "pkg-1.0.dist-info" / "RECORD").write_bytes(record)
        (site / "pkg-1.0.dist-info" / "METADATA").write_text("Name: pkg\nVersion: 1.0\n")
        _git(site, "add", "-A", "--", ".")
        assert installed_copy(site / "pkg" / "m.py", root) is None
        # The same folder with the true line added does vouch: the garbage around it is skipped.
        line = f"\npkg/m.py,{_digest(UNSAFE.encode())},{len(UNSAFE)}\n".encode()
        (site / "pkg-1.0.dist-info" / "RECORD").write_bytes(record + line)
        try:
            record.decode("utf-8")
        except UnicodeDecodeError:
            return  # a RECORD that is not UTF-8 is not read at all
        if b"\r" not in record and b'"' not in record:
            assert installed_copy(site / "pkg" / "m.py", root) is not None


def test_a_local_or_vcs_install_vouches_for_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # `pip install --target lib .` of the team's own package writes a true RECORD and direct_url.json.
    _install(repo / "lib", {"acme_ml/settings.py": UNSAFE}, name="acme_ml-0.1")
    (repo / "lib" / "acme_ml-0.1.dist-info" / "direct_url.json").write_text('{"url": "file:///src/acme"}')
    assert mlsec_code(["lib/acme_ml/settings.py"]) == 1


def test_a_record_git_does_not_hold_vouches_for_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # An ignored or untracked dist-info never reaches the commit (nor its METADATA, which
    # mlsec-deps would check): the copy is judged as the project's own file.
    _install(repo / "lib", {"evil/x.py": UNSAFE}, name="evil-1.0", add=False)
    (repo / ".gitignore").write_text("lib/evil-1.0.dist-info/\n")
    _git(repo, "add", "lib/evil/x.py", ".gitignore")
    assert mlsec_code(["lib/evil/x.py"]) == 1
    _git(repo, "add", "-f", "lib/evil-1.0.dist-info")
    assert mlsec_code(["lib/evil/x.py"]) == 0  # staged with the change, as a commit carries it


def test_a_record_at_the_repository_top_vouches_for_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _install(repo, {"app.py": UNSAFE}, name="requests-2.31.0")
    assert mlsec_code(["app.py"]) == 1


def test_the_result_cache_follows_the_record(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    _install(repo / "lib", {"werkzeug/cache.py": UNSAFE})
    assert mlsec_code(["lib/werkzeug/cache.py"]) == 0
    shutil.rmtree(repo / "lib" / "Werkzeug-0.16.0.dist-info")
    assert mlsec_code(["lib/werkzeug/cache.py"]) == 1  # not the cached low verdict
    _install(repo / "lib", {"werkzeug/cache.py": UNSAFE})
    assert mlsec_code(["lib/werkzeug/cache.py"]) == 0
    (repo / "lib" / "Werkzeug-0.16.0.dist-info" / "direct_url.json").write_text("{}")
    assert mlsec_code(["lib/werkzeug/cache.py"]) == 1


def test_a_record_path_with_control_characters_is_not_shown(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _install(repo / "li\x1bb", {"werkzeug/cache.py": UNSAFE})
    capsys.readouterr()
    assert mlsec_code(["li\x1bb/werkzeug/cache.py"]) == 0
    out = capsys.readouterr().out
    assert "its dist-info RECORD lists it" in out and "\x1bb/Werkzeug" not in out


def test_past_the_runs_record_budget_nothing_more_is_vouched_for(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import hooks._shared.installed_copy as module

    _install(repo / "a", {"one/m.py": UNSAFE}, name="one-1.0")
    _install(repo / "b", {"two/m.py": UNSAFE}, name="two-1.0")
    size = (repo / "a" / "one-1.0.dist-info" / "RECORD").stat().st_size
    monkeypatch.setattr(module, "_MAX_RUN_RECORD_BYTES", size + 1)
    assert mlsec_code(["a/one/m.py", "b/two/m.py"]) == 1
    out = capsys.readouterr().out
    assert "a/one/m.py" in out and "[low]" in out.split("b/two/m.py")[0]
    assert "[high]" in out.split("b/two/m.py", 1)[1] or "[medium]" in out.split("b/two/m.py", 1)[1]
