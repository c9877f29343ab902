"""Every suppression form behaves the same in every file type (the one filtering tail).

Each case is a file with one known finding on line `line`; `{eol}` is where an end-of-line
comment goes and `{above}` a comment line just above it. The forms: the rule's id on the line,
the id on the comment line above, a bare marker (MLS001), an unknown id (MLS002) and an id of
the same hook that reports nothing there (MLS003).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from hooks._core.findings import Finding
from hooks._core.policy import Policy
from hooks._core.spec import HookSpec
from hooks.catalog import spec_for
from tests.scanning import findings_of
from tests.secrets.helpers import fake

HF_TOKEN = fake("hf_", 34)  # generated: the repository holds no token-shaped literal


@dataclass(frozen=True)
class Case:
    name: str
    hook: str
    template: str
    rule: str
    other: str  # a rule of the same hook that does not fire on the line
    line: int
    eol: bool = True  # the format has end-of-line comments


def _notebook(source: str) -> str:
    cells = [{"cell_type": "markdown", "metadata": {}, "source": "# Title"}]
    cells.append({"cell_type": "code", "metadata": {}, "source": source, "outputs": [], "execution_count": None})
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells})


CASES = [
    Case("job.py", "mlsec-code", "import torch\n{above}model = torch.load(path){eol}\n", "MLS306", "MLS301", 2),
    Case("nb.ipynb", "mlsec-code", "import torch\n{above}model = torch.load(path){eol}", "MLS306", "MLS301", 2),
    Case(
        "requirements.txt",
        "mlsec-deps",
        "{above}--extra-index-url https://pkgs.example.com/simple{eol}\nnumpy==1.26.4\n",
        "MLS405",
        "MLS402",
        1,
    ),
    Case(
        "environment.yml",
        "mlsec-deps",
        "channels:\n{above}  - http://conda.example.com/main{eol}\ndependencies:\n  - numpy=1.26.4\n",
        "MLS406",
        "MLS402",
        2,
    ),
    Case(
        "pyproject.toml",
        "mlsec-deps",
        '[project]\nname = "x"\ndependencies = [\n{above}  "sklearn",{eol}\n]\n',
        "MLS404",
        "MLS402",
        4,
    ),
    Case("Dockerfile", "mlsec-dockerfile", "{above}FROM python:3.11\nUSER app\n", "MLS501", "MLS513", 1, eol=False),
    Case(
        "settings.yaml",
        "mlsec-secrets",
        "{above}hf_token: " + HF_TOKEN + "{eol}\n",
        "MLS201",
        "MLS202",
        1,
    ),
]


def _write(tmp_path: Path, case: Case, eol: str = "", above: str = "") -> Path:
    text = case.template.format(eol=eol, above=above + "\n" if above else "")
    if case.name.endswith(".ipynb"):
        text = _notebook(text)
    path = tmp_path / case.name
    path.write_text(text)
    return path


def _scan(tmp_path: Path, case: Case, eol: str = "", above: str = "") -> list[Finding]:
    path = _write(tmp_path, case, eol, above)
    spec: HookSpec = spec_for(case.hook)
    return findings_of(spec, path, case.name, Policy(root=tmp_path))


def _ids(findings: list[Finding]) -> list[str]:
    return sorted(f.rule_id for f in findings)


@pytest.fixture(params=CASES, ids=lambda c: c.name)
def case(request: pytest.FixtureRequest) -> Case:
    return request.param  # type: ignore[no-any-return]


def test_the_finding_is_there_without_a_marker(tmp_path: Path, case: Case) -> None:
    assert case.rule in _ids(_scan(tmp_path, case))


def test_the_rule_id_on_the_line_silences_it(tmp_path: Path, case: Case) -> None:
    if not case.eol:
        pytest.skip("no end-of-line comments in this format")
    found = _scan(tmp_path, case, eol=f"  # mlsec: ignore[{case.rule.lower()}] reviewed in #12")
    assert case.rule not in _ids(found) and "MLS003" not in _ids(found)


def test_the_rule_id_on_the_comment_line_above_silences_it(tmp_path: Path, case: Case) -> None:
    found = _scan(tmp_path, case, above=f"# mlsec: ignore[{case.rule}] reviewed in #12")
    assert case.rule not in _ids(found) and "MLS003" not in _ids(found)


def test_a_bare_marker_silences_nothing_and_is_reported(tmp_path: Path, case: Case) -> None:
    found = _scan(tmp_path, case, above="# mlsec: ignore")
    assert case.rule in _ids(found)
    (bare,) = [f for f in found if f.rule_id == "MLS001"]
    assert bare.severity.value == "low" and bare.line == case.line
    if case.name.endswith(".ipynb"):
        assert bare.cell == 2


def test_an_unknown_id_is_reported(tmp_path: Path, case: Case) -> None:
    found = _scan(tmp_path, case, above="# mlsec: ignore[MLS999] typo")
    assert case.rule in _ids(found)
    (unknown,) = [f for f in found if f.rule_id == "MLS002"]
    assert "MLS999" in unknown.message and unknown.line == case.line


def test_an_unused_id_is_reported(tmp_path: Path, case: Case) -> None:
    found = _scan(tmp_path, case, above=f"# mlsec: ignore[{case.other}] stale")
    assert case.rule in _ids(found)
    (unused,) = [f for f in found if f.rule_id == "MLS003"]
    assert case.other in unused.message and unused.severity.value == "low"


def test_another_hooks_id_is_left_to_that_hook(tmp_path: Path) -> None:
    """`# mlsec: ignore[MLS201]` in a script is the secrets hook's to judge, not mlsec-code's."""
    case = CASES[0]
    found = _scan(tmp_path, case, eol="  # mlsec: ignore[MLS201] a token on this line")
    assert _ids(found) == ["MLS306"]


def test_a_marker_in_a_string_is_text(tmp_path: Path) -> None:
    path = tmp_path / "job.py"
    path.write_text('import torch\nm = torch.load(p, map_location="# mlsec: ignore[MLS306]")\n')
    assert _ids(findings_of(spec_for("mlsec-code"), path, "job.py", Policy(root=tmp_path))) == ["MLS306"]


def test_a_bare_nosec_silences_bandit_and_its_equivalents_only(tmp_path: Path) -> None:
    path = tmp_path / "job.py"
    path.write_text(
        "import pickle, torch\nfrom transformers import AutoModel\n"
        "a = pickle.loads(b)  # nosec\n"
        "b = torch.load(p)  # nosec\n"
        "c = AutoModel.from_pretrained(n, trust_remote_code=True)  # nosec\n"
        "d = AutoModel.from_pretrained(n, trust_remote_code=True)  # nosec MLS307 reviewed\n"
    )
    found = findings_of(spec_for("mlsec-code"), path, "job.py", Policy(root=tmp_path))
    assert [(f.rule_id, f.line) for f in found] == [("MLS307", 5), ("B615", 6)]


def test_detect_secrets_pragmas(tmp_path: Path) -> None:
    token = HF_TOKEN
    path = tmp_path / "settings.yaml"
    lines = [
        f"a: {token}  # pragma: allowlist secret",
        "# pragma: allowlist nextline secret",
        f"b: {token}",
        f"c: {token}",
    ]
    path.write_text("\n".join(lines) + "\n")
    found = findings_of(spec_for("mlsec-secrets"), path, "settings.yaml", Policy(root=tmp_path))
    assert [(f.rule_id, f.line) for f in found] == [("MLS201", 4)]


def test_marker_hygiene_in_prose_is_not_reported(tmp_path: Path) -> None:
    path = tmp_path / "NOTES.md"
    path.write_text("Write `# mlsec: ignore` with an id, e.g. # mlsec: ignore[MLS999]\n")
    assert findings_of(spec_for("mlsec-secrets"), path, "NOTES.md", Policy(root=tmp_path)) == []


def test_exact_duplicates_are_reported_once(tmp_path: Path) -> None:
    from hooks._core.findings import make_finding
    from hooks._core.scanner import FileReport
    from hooks._core.tail import TailContext, filter_file
    from hooks.catalog import registry
    from hooks.code.rules import TORCH_LOAD_WITHOUT_WEIGHTS_ONLY

    finding = make_finding(TORCH_LOAD_WITHOUT_WEIGHTS_ONLY, "a.py", "m", content_key="k", line=3)
    report = FileReport([finding, finding])
    context = TailContext(Policy(root=tmp_path), registry())
    kept = filter_file(report, spec_for("mlsec-code"), context, path=tmp_path / "a.py", display="a.py")
    assert kept == [finding]


def test_policy_rule_ids_are_case_insensitive(tmp_path: Path) -> None:
    from hooks._core.policy import load_policy
    from hooks.catalog import registry

    (tmp_path / ".mlsec.yaml").write_text("rules:\n  mls501: {severity: high}\n")
    policy = load_policy(tmp_path, registry())
    case = next(c for c in CASES if c.name == "Dockerfile")
    path = _write(tmp_path, case)
    (found,) = [f for f in findings_of(spec_for(case.hook), path, case.name, policy) if f.rule_id == "MLS501"]
    assert found.severity.value == "high"


def test_a_run_wide_condition_is_reported_once_on_the_first_file_it_concerns() -> None:
    from hooks._core.severity import Severity
    from hooks._core.tail import collapse_run_wide
    from hooks.catalog import registry

    def finding(rule_id: str, path: str, message: str) -> Finding:
        return Finding(rule_id, Severity.MEDIUM, path, 1, 1, message, "0123456789abcdef01234567")

    stale = "vulnerabilities checked against old data"
    findings = [
        finding("MLS401", "b/requirements.txt", "numpy 1.19.0 has known vulnerabilities"),
        finding("MLS416", "b/requirements.txt", stale),
        finding("MLS416", "a/requirements.txt", stale),
        finding("MLS416", "c/requirements.txt", "no advisory data"),
        finding("MLS401", "a/requirements.txt", "numpy 1.19.0 has known vulnerabilities"),
        finding("MLS416", "d/requirements.txt", stale),
    ]
    shown = collapse_run_wide(findings, registry())
    assert [(f.rule_id, f.path) for f in shown] == [
        ("MLS401", "b/requirements.txt"),
        ("MLS416", "a/requirements.txt"),  # in its own place, for the two other files too
        ("MLS416", "c/requirements.txt"),  # another cause, its own finding
        ("MLS401", "a/requirements.txt"),  # per-file rules are never collapsed
    ]
    assert shown[1].message == f"{stale} (and 2 more file(s) in this run)"
    assert shown[2].message == "no advisory data"
    assert collapse_run_wide(findings[:1], registry()) == findings[:1]
