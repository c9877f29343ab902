"""Time bounds of the secrets hook on hostile text: a dense run of `password=...` assignments
(tens of thousands per MiB, each judged by the value-shape checks) is judged up to a per-file
budget, and the file then says that the rest was not judged (fail closed)."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from hooks.cli.entry_points import __getattr__ as hook_main
from hooks.secrets import detection


def _values(count: int, seed: int = 0) -> list[str]:
    chooser = random.Random(seed)
    alphabet = string.ascii_letters + string.digits
    return ["".join(chooser.choice(alphabet) for _ in range(14)) for _ in range(count)]


@pytest.fixture
def judged(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    real = detection.judge

    def counting(*args: object, **kwargs: object) -> detection.Hit | None:
        calls[0] += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(detection, "judge", counting)
    return calls


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("config.txt", "password={} "),  # one dense line, as in the 10 MB case
        ("settings.py", 'password="{}",'),
        ("app.yaml", "api_key: {}\n"),  # or many lines
    ],
)
def test_a_dense_run_of_assignments_is_judged_up_to_the_budget(
    repo: Path, capsys: pytest.CaptureFixture[str], judged: list[int], name: str, line: str
) -> None:
    count = detection.MAX_JUDGED_VALUES * 3
    (repo / name).write_text("".join(line.format(value) for value in _values(count)) + "\n")
    assert hook_main("mlsec_secrets")([name]) == 1
    out = capsys.readouterr().out
    assert judged[0] <= detection.MAX_JUDGED_VALUES
    (budget,) = [row for row in out.splitlines() if "MLS906" in row]
    assert "[medium]" in budget and "were not judged" in budget


def test_a_flood_of_token_shaped_strings_is_judged_up_to_the_budget(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chooser = random.Random(1)
    alphabet = string.ascii_uppercase + "234567"
    count = detection.MAX_PROVIDER_MATCHES + 5_000
    ids = " ".join("AKIA" + "".join(chooser.choice(alphabet) for _ in range(16)) for _ in range(count))
    (repo / "aws_keys.txt").write_text(f"aws_access_key_id {ids}\n")
    assert hook_main("mlsec_secrets")(["aws_keys.txt"]) == 1
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) <= detection.MAX_PROVIDER_MATCHES + 1
    (budget,) = [row for row in rows if "MLS906" in row]
    assert "[medium]" in budget and "token-shaped strings" in budget


def test_a_token_past_the_budget_is_still_found(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    filler = "".join(f"password={value} " for value in _values(detection.MAX_JUDGED_VALUES + 10))
    token = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"
    (repo / "notes.txt").write_text(filler + f"token {token}\n")
    hook_main("mlsec_secrets")(["notes.txt"])
    out = capsys.readouterr().out
    assert "GitHub" in out and token not in out


def test_a_data_file_past_the_budget_is_low(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = "".join(f"user{n},password={value}\n" for n, value in enumerate(_values(detection.MAX_JUDGED_VALUES + 10)))
    (repo / "users.csv").write_text("name,cred\n" + rows)
    hook_main("mlsec_secrets")(["users.csv"])
    (budget,) = [row for row in capsys.readouterr().out.splitlines() if "MLS906" in row]
    assert "[low]" in budget


def test_a_file_within_the_budget_says_nothing_of_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The look-alike: a few hundred assignments are all judged and no budget finding appears."""
    (repo / "config.txt").write_text("".join(f"password={value}\n" for value in _values(300)))
    assert hook_main("mlsec_secrets")(["config.txt"]) == 1
    out = capsys.readouterr().out
    assert "MLS906" not in out and out.count("MLS223") >= 290  # a random value may read as a word
