"""Hostile contents for the secrets hook (issue 12): lines built to make a backtracking pattern
quadratic finish (the suite would hang otherwise; speed itself is measured in bench/, not here),
and no report, in any format, ever holds the secret it flags."""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path

import pytest

from tests.secrets.helpers import fake, scan_text

# Each is a repetition that once made a pattern scan the rest of the line from every occurrence.
HOSTILE_LINES = [
    ("sk-", "sk-" * 200_000),
    ("hf_", "hf_" * 200_000),
    ("a.a.a", 'x = "' + "a." * 100_000 + '"'),
    ("password=", "password=" * 20_000),
    ("token: ", "token: " * 80_000),
    ("quotes", "'" * 300_000),
    ("url userinfo", "://a:" * 120_000),
    ("eyJ", "eyJ" + "a" * 20 + ".eyJ" * 100_000),
    ("literals", '"a" ' * 150_000),
    ("base64", base64.b64encode(random.Random(15).randbytes(450_000)).decode()),
    ("key-", "key-" * 150_000),
    (":AA", "12345678:AA" * 50_000),
    ("--token", "--token " * 70_000),
    ("login", "login " * 100_000),
    ("backticks", "key is `" * 70_000),
    # UUIDs under `key` among long dotted names: the record search around each stays linear.
    (
        "uuid records",
        ("a_" * 300 + "id: 3f9c2a71-8d4e-4b6a-9c1f-2e7d5a8b0c4f key: c41e8b27-95fa-4d03-b6e1-2a7f0d9c5e84 ") * 600,
    ),
]


@pytest.mark.parametrize(("what", "line"), HOSTILE_LINES, ids=[h[0] for h in HOSTILE_LINES])
@pytest.mark.parametrize("name", ["one_line.txt", "one_line.py"])
def test_hostile_line_finishes(tmp_path: Path, what: str, line: str, name: str) -> None:
    findings = scan_text(tmp_path, name, line + "\n")
    assert len(findings) < 1000


def test_hostile_notebook_output_finishes(tmp_path: Path) -> None:
    output = {"output_type": "stream", "name": "stdout", "text": "sk-" * 200_000}
    cell = {"cell_type": "code", "metadata": {}, "source": "print()", "outputs": [output], "execution_count": 1}
    document = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [cell]}
    assert scan_text(tmp_path, "nb.ipynb", json.dumps(document)) == []


SECRET = fake("", 20) + "x9"
LEAKY = {
    "url": f"DATABASE_URL=postgresql://etl:{SECRET}@db.internal/ml\n",
    "curl -u": f"curl -u deploy:{SECRET} https://repo.example.com/f\n",
    "pip index": f"--index-url https://user:{SECRET}@pypi.example.com/simple\n",
    "password with @": f"PIP_INDEX_URL=https://user:{SECRET[:10]}@{SECRET[10:]}@pypi.example.com/simple\n",
    "header": f'curl -H "Authorization: Bearer {SECRET}" https://api.example.com\n',
    "named": f"ACME_API_KEY={SECRET}\n",
}


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
@pytest.mark.parametrize("what", sorted(LEAKY))
def test_report_never_holds_the_secret(repo: Path, capsys, what: str, fmt: str) -> None:  # type: ignore[no-untyped-def]
    from hooks.cli.entry_points import mlsec_secrets

    (repo / "leak.env").write_text(LEAKY[what])
    status = mlsec_secrets(["--format", fmt, "leak.env"])
    out = capsys.readouterr()
    assert status == 1
    for part in (SECRET, SECRET[:10], SECRET[10:]):
        assert part not in out.out and part not in out.err


def test_a_value_repeated_under_one_name_is_judged_once_and_the_file_is_read_whole(tmp_path: Path) -> None:
    # A TensorFlow graph in text: thousands of `key: "_output_shapes"` attributes, a few names.
    node = 'node {{\n  name: "n{i}"\n  attr {{\n    key: "_output_shapes"\n  }}\n'
    node += '  attr {{\n    key: "dtype"\n  }}\n}}\n'
    graph = "".join(node.format(i=i) for i in range(4000)) + f'attr {{\n  key: "{fake("", 32)}Qz"\n}}\n'
    assert [f.rule_id for f in scan_text(tmp_path, "graph.pbtxt", graph)] == ["MLS223"]


def test_too_many_different_values_or_places_still_stop_the_reading(tmp_path: Path) -> None:
    from hooks.secrets.detection import MAX_CONTEXT_VALUES, MAX_JUDGED_VALUES

    different = "".join(f'key: "value{i:06d}"\n' for i in range(MAX_JUDGED_VALUES + 10))
    assert "MLS906" in {f.rule_id for f in scan_text(tmp_path, "different.pbtxt", different)}
    repeated = 'key: "dtype"\n' * (MAX_CONTEXT_VALUES + 10)
    assert "MLS906" in {f.rule_id for f in scan_text(tmp_path, "repeated.pbtxt", repeated)}
