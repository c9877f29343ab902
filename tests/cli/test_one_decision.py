"""A file's personal data blocks once in what a run shows, after overrides, the baseline and
--select/--ignore (hooks/cli/run.py `finish`, hooks/_core/decisions.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hooks.cli.mlsec import main
from tests.cli.conftest import git
from tests.data_hook.helpers import card


def _customers(columns: tuple[str, ...] = ("email", "card", "dob")) -> str:
    values = {
        "email": lambda i: f"person.{i}@gmail.com",
        "card": lambda i: card("4539", seed=i),
        "dob": lambda i: f"19{60 + i % 30}-0{1 + i % 9}-1{i % 10}",
        "phone": lambda i: f"(415) 867-{5300 + i}",
    }
    rows = [",".join(("id", "first_name", *columns))]
    rows += [",".join((str(i), f"Person{i}", *(values[c](i) for c in columns))) for i in range(40)]
    return "\n".join(rows) + "\n"


def _blocking(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    capsys.readouterr()
    main(["scan", "--no-cache", "--format", "json", *args])
    report = json.loads(capsys.readouterr().out)
    return sorted(f["rule_id"] for f in report["findings"] if f["severity"] in ("medium", "high", "critical"))


def test_a_table_of_people_blocks_once_and_strict_blocks_every_column(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (git_repo / "customers.csv").write_text(_customers())
    assert _blocking(capsys, "customers.csv") == ["MLS605"]
    assert _blocking(capsys, "--profile", "strict", "customers.csv") == ["MLS602", "MLS605", "MLS608"]
    (git_repo / "emails.csv").write_text(_customers(("email",)))
    assert _blocking(capsys, "customers.csv", "emails.csv") == ["MLS602", "MLS605"]  # one per file


def test_a_disabled_or_ignored_lead_hands_the_decision_to_the_next(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (git_repo / "customers.csv").write_text(_customers())
    assert _blocking(capsys, "--ignore", "MLS605", "customers.csv") == ["MLS608"]  # beside names: high
    (git_repo / ".mlsec.yaml").write_text("rules:\n  MLS605:\n    enabled: false\n")
    assert _blocking(capsys, "customers.csv") == ["MLS608"]


def test_a_new_column_in_a_file_whose_old_ones_were_accepted_blocks(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (git_repo / "customers.csv").write_text(_customers())
    git(git_repo, "add", "customers.csv")
    assert main(["baseline", "--reason", "synthetic sample, see data/README"]) == 0
    assert _blocking(capsys, "customers.csv") == []
    (git_repo / "customers.csv").write_text(_customers(("email", "card", "dob", "phone")))
    assert _blocking(capsys, "customers.csv") == ["MLS603"]
