"""A development tool's denial-of-service advisory is hygiene (hooks/deps/tool_hangs.py)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hooks.cli.entry_points import mlsec_deps as main
from hooks.deps.tool_hangs import only_hangs_a_tool, says_only_denial
from tests.deps.conftest import osv_record

BLACK_REDOS = (
    "Versions of the package black before 24.3.0 are vulnerable to Regular Expression Denial of Service "
    "(ReDoS) via the lines_with_leading_tabs_expanded function in the strings.py file."
)


def _db(tmp_path: Path, *records: tuple[str, str, str]) -> Path:
    path = tmp_path / "db.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for number, (package, summary, fixed) in enumerate(records):
            record = osv_record(f"PYSEC-2024-{number + 1}", package, fixed=fixed)
            record["summary"] = summary
            archive.writestr(f"{number}.json", json.dumps(record))
    return path


def test_a_formatters_redos_is_low_and_does_not_block(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _db(tmp_path, ("black", BLACK_REDOS, "24.3.0"))
    (repo / "requirements.txt").write_text("black==23.3.0\n")
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "MLS401 [low] black 23.3.0 has known vulnerabilities that only make this development tool hang" in out
    # `profile: strict` keeps today's severity.
    assert main(["requirements.txt", "--advisory-db", str(db), "--profile", "strict"]) == 1
    assert "MLS401 [high] black 23.3.0 has known vulnerabilities: PYSEC-2024-1" in capsys.readouterr().out


def test_more_than_a_hang_or_a_library_that_reads_outside_data_stays_blocking(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _db(
        tmp_path,
        ("black", BLACK_REDOS, "24.3.0"),
        ("setuptools", "Remote code execution via download functions in the package_index module", "70.0"),
        ("setuptools", "ReDoS in package_index.py via a crafted PackageIndex page (denial of service)", "65.5.1"),
        ("pygments", "Regular expression denial of service in the SML lexer", "2.15.1"),
    )
    (repo / "requirements.txt").write_text("setuptools==59.5.0\npygments==2.14.0\nblack==23.3.0\n")
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 1
    out = capsys.readouterr().out
    # setuptools: the code-execution advisory blocks, the ReDoS beside it is reported low.
    assert "requirements.txt:1:1: MLS401 [high] setuptools 59.5.0 has known vulnerabilities: PYSEC-2024-2" in out
    assert "requirements.txt:1:1: MLS401 [low] setuptools 59.5.0" in out and "PYSEC-2024-3" in out
    assert "MLS401 [high] pygments 2.14.0" in out  # a library that may highlight a request's text
    assert "MLS401 [low] black 23.3.0" in out


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("remote attackers cause a denial of service via attacker controlled input to wheel cli", True),
        ("ReDoS in black", True),
        ("A denial of service via regular expression in the py.path.svnwc component", True),
        ("Mercurial configuration injectable in repo revision when installing via pip", False),
        ("Denial of service, or arbitrary code execution with a crafted file", False),
        ("Cross-site scripting in the search page", False),
        ("A ReDoS allows a denial of service or possibly have unspecified other impact", False),
        ("ReDoS in the index parser; a malicious page can also make it run shell commands", False),
        ("Infinite loop when a symlink points at its own folder (write outside the target)", False),
        ("x" * 70_000 + " denial of service", False),  # too long to judge whole
    ],
)
def test_only_a_text_saying_denial_and_nothing_worse_counts(summary: str, expected: bool) -> None:
    assert says_only_denial(summary) is expected


@pytest.mark.parametrize(("package", "expected"), [("Black", True), ("setuptools", True), ("jinja2", False)])
def test_only_a_listed_tool_counts(package: str, expected: bool) -> None:
    assert only_hangs_a_tool(package, True) is expected
    assert not only_hangs_a_tool(package, False)


def test_text_past_the_first_200_characters_is_judged_too(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = osv_record("PYSEC-2024-9", "black", fixed="24.3.0")
    record.pop("summary")
    record["details"] = "ReDoS in black. " + "Padding text. " * 20 + "It can also execute arbitrary code."
    db = tmp_path / "long.zip"
    with zipfile.ZipFile(db, "w") as archive:
        archive.writestr("a.json", json.dumps(record))
    (repo / "requirements.txt").write_text("black==23.3.0\n")
    assert main(["requirements.txt", "--advisory-db", str(db)]) == 1
    assert "MLS401 [high] black 23.3.0" in capsys.readouterr().out


@given(st.text(max_size=300), st.text(max_size=300))
def test_a_text_that_says_code_runs_is_never_a_hang(before: str, after: str) -> None:
    assert not says_only_denial(f"{before} ReDoS, then arbitrary code execution {after}")


@pytest.mark.parametrize(
    "summary",
    [
        "A crafted file causes a denial of service (crash) or lets an attacker obtain sensitive information",
        "An infinite loop in the uploader, which also logs the repository password in plain text",
        "An incorrect regular expression resolves a dependency link to a different index",
    ],
)
def test_red_team_texts_that_say_more_than_a_hang_stay_high(summary: str) -> None:
    assert not says_only_denial(summary)


def test_a_record_whose_cvss_hits_confidentiality_or_integrity_is_not_a_hang() -> None:
    from hooks.deps.osv import FLAG_DENIAL_ONLY, stored_entries

    record = osv_record("PYSEC-2024-5", "tox", fixed="4.0")
    record["details"] = "ReDoS: a crafted tox.ini makes tox hang (denial of service)."
    assert all(stored.flags & FLAG_DENIAL_ONLY for _, stored in stored_entries(record) or [])
    record["severity"] = [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]
    entries = stored_entries(record)
    assert entries and not any(stored.flags & FLAG_DENIAL_ONLY for _, stored in entries)
