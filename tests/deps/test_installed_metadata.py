"""An installed distribution's METADATA (`lib/X-1.0.dist-info/METADATA`) is checked as the pin
it is: advisories and malicious names at its Version line; a header block that names no release
is a finding, never a silent pass."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.cli.entry_points import mlsec_deps as main
from hooks.deps.installed_metadata import metadata_requirements
from hooks.deps.reading import DependencyFileError
from hooks.deps.spec import FILES

HEADER = "Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: x\n  folded summary line\n\nVersion: 0.0\n"


def _metadata(repo: Path, name: str, version: str, folder: str = "lib") -> str:
    info = repo / folder / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(HEADER.format(name=name, version=version))
    return f"{folder}/{name}-{version}.dist-info/METADATA"


def test_a_vulnerable_installed_release_is_reported_at_its_version_line(
    repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _metadata(repo, "torch", "1.13.0")
    assert main([path, "--advisory-db", str(advisory_db)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:3:1: MLS401 [high] torch 1.13.0 has known vulnerabilities" in out


def test_the_fixed_release_is_clean(repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _metadata(repo, "torch", "1.13.1")
    assert main([path, "--advisory-db", str(advisory_db)]) == 0


def test_a_malicious_installed_release_is_critical(
    repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _metadata(repo, "sneaky-utils", "1.0")
    assert main([path, "--advisory-db", str(advisory_db)]) == 1
    assert "MLS402 [critical] sneaky-utils 1.0 is known malware" in capsys.readouterr().out


@pytest.mark.parametrize(
    "text",
    ["Metadata-Version: 2.1\nName: torch\n", "Name: torch\nVersion: 1.0; rm -rf /\n", "", "\n\nName: a\nVersion: 1\n"],
)
def test_metadata_that_names_no_release_is_a_finding(repo: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    info = repo / "lib" / "torch-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(text)
    assert main(["lib/torch-1.0.dist-info/METADATA"]) == 1
    assert "MLS908 [medium]" in capsys.readouterr().out
    with pytest.raises(DependencyFileError):
        metadata_requirements(text)


def test_the_hook_is_handed_metadata_only_inside_a_dist_info_folder() -> None:
    files = re.compile(FILES)
    assert files.search("app/lib/Werkzeug-0.16.0.dist-info/METADATA")
    assert not files.search("docs/METADATA")
    assert not files.search("lib/Werkzeug-0.16.0.egg-info/METADATA")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_garbage_metadata_is_a_pin_or_a_clear_error(text: str) -> None:
    try:
        out = metadata_requirements(text)
    except DependencyFileError:
        return
    pins = [line for line in out.split("\n") if line]
    assert len(pins) == 1 and re.fullmatch(r"[A-Za-z0-9._-]+==[A-Za-z0-9!+._-]+", pins[0])
    assert out.count("\n") == text.count("\n")
