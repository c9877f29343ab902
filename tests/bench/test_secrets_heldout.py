"""The held-out secrets benchmark: its generator is deterministic and labels the right lines,
its split keeps held-out material out of `tune`, and its scorer matches findings as documented."""

from __future__ import annotations

import binascii
import json
import random
from pathlib import Path

import pytest

from bench.secrets_heldout import decoys, generate, gitleaks_rules, providers, score, values
from bench.secrets_heldout.tools import Found


@pytest.fixture(scope="module")
def tune_tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("bench") / "tune"
    return root, generate.generate(root, "tune")


def _tree_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_tree_and_manifest(tune_tree: tuple[Path, dict], tmp_path: Path) -> None:
    root, manifest = tune_tree
    again = generate.generate(tmp_path / "tune", "tune")
    assert json.dumps(again, sort_keys=True) == json.dumps(manifest, sort_keys=True)
    assert _tree_bytes(tmp_path / "tune") == _tree_bytes(root)


def test_manifest_positions_hold_the_planted_values(tune_tree: tuple[Path, dict]) -> None:
    root, manifest = tune_tree
    for entry in manifest["entries"]:
        if entry["expected"] == "decoy":
            continue
        lines = (root / entry["file"]).read_text().split("\n")
        if "raw_line" in entry:
            raw = "\n".join(lines[entry["raw_line"] - 1 : entry["raw_end_line"]])
            probe = json.dumps(entry["value"])[1:-1].split("\\n")[0][:20]
            assert probe in raw, entry["id"]
        else:
            text = "\n".join(lines[entry["line"] - 1 : entry["end_line"]])
            forms = [entry["value"], *entry.get("also", [])]
            assert any(form.split("\n")[0][:15] in text for form in forms), entry["id"]


def test_held_out_material_never_reaches_tune(tune_tree: tuple[Path, dict]) -> None:
    _, manifest = tune_tree
    unnamed = [c.name for c in providers.UNNAMED]
    assert len(providers.HELDOUT_PROVIDERS) * 3 >= len(unnamed)
    used_types = {e.get("ctype") for e in manifest["entries"]}
    assert not used_types & providers.HELDOUT_PROVIDERS
    assert not {e["place"] for e in manifest["entries"]} & generate.heldout_places()
    held_variants = decoys.heldout_variants()
    assert not {(e.get("family"), e.get("variant")) for e in manifest["entries"]} & held_variants


def test_formats_carry_their_checksums() -> None:
    rng = random.Random(0)
    token = values.crc32_base62_token(rng, "ghp_")
    assert len(token) == 40
    assert token[-6:] == values.base62(binascii.crc32(token[4:34].encode()), 6)
    assert values.pypi_token(rng).startswith("pypi-AgEIcHlwaS5vcmc")


def _entries() -> list[dict]:
    return [
        {
            "id": "s1",
            "file": "a.py",
            "expected": "secret",
            "ctype": "groq",
            "group": "issue15",
            "place": "py_assign",
            "line": 3,
            "end_line": 3,
            "value": "gsk_x",
        },
        {
            "id": "s2",
            "file": "a.py",
            "expected": "secret",
            "ctype": "huggingface",
            "group": "rule",
            "place": "py_split",
            "line": 5,
            "end_line": 8,
            "value": "hf_y",
        },
        {
            "id": "d1",
            "file": "a.py",
            "expected": "decoy",
            "family": "uuid",
            "variant": "run_uuid",
            "place": "py",
            "line": 10,
            "end_line": 10,
            "value": "u",
        },
        {
            "id": "n1",
            "file": "n.ipynb",
            "expected": "secret",
            "ctype": "ngrok",
            "group": "issue15",
            "place": "nb_stream_netrc",
            "cell": 2,
            "part": "output",
            "output": 0,
            "line": 3,
            "end_line": 3,
            "raw_line": 40,
            "raw_end_line": 40,
            "value": "2abc",
        },
        {
            "id": "n2",
            "file": "n.ipynb",
            "expected": "secret",
            "ctype": "generic_password",
            "group": "generic",
            "place": "nb_widget_state",
            "part": "notebook_metadata",
            "raw_line": 90,
            "raw_end_line": 90,
            "value": "Pw-1234567!",
        },
        {
            "id": "c1",
            "file": "d.csv",
            "expected": "low",
            "ctype": "github_pat",
            "group": "rule",
            "place": "csv_dataset",
            "line": 2,
            "end_line": 2,
            "value": "ghp_z",
        },
    ]


def test_scorer_matches_by_line_cell_output_and_hash() -> None:
    import hashlib

    findings = [
        Found("mlsec", "a.py", 3),  # s1
        Found("mlsec", "a.py", 7),  # inside s2's range
        Found("mlsec", "a.py", 10, blocking=False),  # on a decoy, low
        Found("mlsec", "a.py", 12),  # on no entry
        Found("mlsec", "n.ipynb", 3, cell=2, output=0),  # n1 by unit line
        Found(
            "mlsec", "n.ipynb", 1, cell=None, sha256_prefix=hashlib.sha256(b"Pw-1234567!").hexdigest()[:8]
        ),  # n2 by hash
        Found("mlsec", "d.csv", 2, blocking=False),  # third-party token, low: fine
        Found("mlsec", "n.ipynb", 3, cell=2, output=1),  # another output: no entry
    ]
    summary = score.summarise(_entries(), score.match(_entries(), findings))
    assert (summary.found, summary.secrets) == (4, 4)
    assert (summary.decoys_fired, summary.fp_decoy_low, summary.fp_decoy_blocking) == (1, 1, 0)
    assert (summary.fp_none_blocking, summary.low_blocking) == (2, 0)
    assert summary.by_group["issue15"] == (2, 2)


def test_scorer_reads_raw_notebook_lines_for_plain_text_tools() -> None:
    findings = [
        Found("detect-secrets", "n.ipynb", 40),
        Found("detect-secrets", "n.ipynb", 41),
        Found("detect-secrets", "d.csv", 2),
    ]
    outcome = score.match(_entries(), findings)
    summary = score.summarise(_entries(), outcome)
    assert set(outcome.hits) == {"n1", "c1"}
    assert (summary.fp_none_blocking, summary.low_blocking) == (1, 1)


def test_gitleaks_rules_keywords_entropy_and_allowlists(tmp_path: Path) -> None:
    config = tmp_path / "gitleaks.toml"
    config.write_text(
        "[allowlist]\npaths = ['''fixtures/''']\nstopwords = [\"example\"]\n"
        "[[rules]]\nid = \"groq\"\nregex = '''\\b(gsk_[A-Za-z0-9]{10,})\\b'''\nentropy = 3.0\nkeywords = [\"gsk_\"]\n"
    )
    ruleset = gitleaks_rules.load(config)
    text = "a = 'gsk_Q7x9Lm2Vp4Rt8Wz'\nb = 'gsk_aaaaaaaaaaaa'\nc = 'gsk_exampleexample1'\n"
    assert list(gitleaks_rules.scan_text(ruleset, "src/a.py", text)) == [("groq", 1, "gsk_Q7x9Lm2Vp4Rt8Wz")]
    assert list(gitleaks_rules.scan_text(ruleset, "fixtures/a.py", text)) == []
