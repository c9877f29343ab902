"""Each dependency rule with a positive and a safe look-alike, through the hook."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.cli.entry_points import mlsec_deps as main
from tests.secrets.helpers import fake


def run(repo: Path, text: str, capsys: pytest.CaptureFixture[str], *args: str, name: str = "requirements.txt"):
    (repo / name).write_text(text)
    code = main([name, *args])
    out = capsys.readouterr()
    return code, [line.split(" ")[1] for line in out.out.splitlines()], out


CASES = [
    ("MLS402", "torchtriton==2.0.0\n", "triton==2.3.1\n"),
    ("MLS402", "ultralytics==8.3.41\n", "ultralytics==8.3.40\n"),
    ("MLS403", "tourch==1.0.0\n", "torch==2.3.1\n"),
    ("MLS403", "reqeusts==2.32.3\n", "requests==2.32.3\n"),
    ("MLS404", "sklearn==0.0.post12\n", "scikit-learn==1.5.2\n"),
    ("MLS404", "cv2==4.0\n", "opencv-python==4.10.0.84\n"),
    (
        "MLS405",
        "--extra-index-url https://x.example/simple\ntorch==2.3.1\n",
        "--index-url https://x.example/simple\ntorch==2.3.1\n",
    ),
    (
        "MLS406",
        "--index-url http://mirror.local/simple\ntorch==2.3.1\n",
        "--index-url https://mirror.local/simple\ntorch==2.3.1\n",
    ),
    ("MLS407", "--trusted-host mirror.local\ntorch==2.3.1\n", "torch==2.3.1\n"),
    (
        "MLS408",
        f"--index-url https://ci:{fake('', 12)}@pkgs.example/simple\ntorch==2.3.1\n",
        "--index-url https://pkgs.example/simple\ntorch==2.3.1\n",
    ),
    (
        "MLS410",
        "git+https://github.com/org/apex.git@v0.1\n",
        "git+https://github.com/org/apex.git@0123456789abcdef0123456789abcdef01234567\n",
    ),
    (
        "MLS411",
        "mylib @ https://files.example/mylib-2.0.tar.gz\n",
        "mylib @ https://files.example/mylib-2.0.tar.gz#sha256=" + "a" * 64 + "\n",
    ),
    (
        "MLS412",
        "torch==2.3.1 --hash=sha256:aa\nnumpy==1.26.4\n",
        "torch==2.3.1 --hash=sha256:aa\nnumpy==1.26.4 --hash=sha256:bb\n",
    ),
    ("MLS413", "torch\n", "torch==2.3.1\n"),
    ("MLS414", "numpy>=1.26\n", "numpy==1.26.4\n"),
    ("MLS415", "-r ../../outside.txt\n", "torch==2.3.1\n"),
]


@pytest.mark.parametrize(("rule", "positive", "safe"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule(repo: Path, capsys: pytest.CaptureFixture[str], rule: str, positive: str, safe: str) -> None:
    assert rule in run(repo, positive, capsys)[1]
    assert rule not in run(repo, safe, capsys)[1]


def test_a_malformed_version_still_has_its_name_judged(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A typosquat behind a version pip rejects is still reported; the unreadable version is low."""
    code, rules, _ = run(repo, "tourch>=1.0<2.0\n", capsys)
    assert "MLS403" in rules and code == 1
    code, rules, _ = run(repo, "sagemaker>=2.0.0<3.0.0\n", capsys)
    assert "MLS403" not in rules and code == 0


def test_allowed_indexes_and_allow_names(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".mlsec.yaml").write_text("deps:\n  allowed_indexes: ['https://proxy.corp/']\n  allow_names: [tourch]\n")
    _, rules, _ = run(repo, "-i https://pypi.org/simple\ntourch==1.0\n", capsys)
    assert rules == ["MLS409"]
    _, rules, _ = run(repo, "-i https://proxy.corp/simple\ntorch==2.3.1\n", capsys)
    assert rules == []


def test_library_pyproject_ranges_are_normal(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = '[project]\nname = "lib"\nlicense = "MIT"\nclassifiers = []\ndependencies = ["numpy>=1.26", "torch"]\n'
    assert run(repo, text, capsys, name="pyproject.toml")[1] == []
    (repo / ".mlsec.yaml").write_text("deps:\n  project_kind: application\n")
    assert run(repo, text, capsys, name="pyproject.toml")[1] == ["MLS413", "MLS414"]


def test_pin_severity_is_low_by_default_and_policy_can_raise_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(repo, "torch\n", capsys)[0] == 0
    (repo / ".mlsec.yaml").write_text("rules:\n  MLS413: {severity: high}\n")
    assert run(repo, "torch\n", capsys)[0] == 1


def test_moving_vcs_refs_and_unhashed_urls_are_pinning_hygiene_low_unless_strict(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "git+https://github.com/org/apex.git@main\nmylib @ https://files.example/mylib-2.0.tar.gz\n"
    code, rules, _ = run(repo, text, capsys)
    assert code == 0 and rules == ["MLS410", "MLS411"]
    (repo / ".mlsec.yaml").write_text("profile: strict\n")
    assert run(repo, text, capsys)[0] == 1


def test_suppression_on_the_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "--extra-index-url https://download.pytorch.org/whl/cu121  # mlsec: ignore[MLS405] wheels only\n"
    assert run(repo, text, capsys)[1] == []


def test_suppression_in_an_included_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "deps").mkdir()
    (repo / "deps" / "base.in").write_text("tourch==1.0.0  # mlsec: ignore[MLS403] internal fork\nreqeusts==2.32.3\n")
    code, rules, out = run(repo, "-r deps/base.in\n", capsys)
    assert code == 1
    assert rules == ["MLS403"]
    assert "deps/base.in:2:" in out.out


def test_no_advisory_source_is_one_finding_per_run_counting_the_files(
    repo: Path, cache_in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (cache_in_tmp / "advisories.snapshot.gz").unlink()  # no snapshot installed, nothing configured
    (repo / "requirements-dev.txt").write_text("torch==1.13.0\n")
    (repo / "requirements.txt").write_text("numpy==1.19.0\n")
    assert main(["requirements.txt", "requirements-dev.txt"]) == 1  # pre-commit shows it
    out = capsys.readouterr().out.splitlines()
    assert [line.split(" ")[:2] for line in out] == [["requirements-dev.txt:1:1:", "MLS416"]]
    assert "known vulnerabilities were NOT checked" in out[0] and "(and 1 more file(s) in this run)" in out[0]
    assert main(["requirements.txt"]) == 1  # alone, the file carries it itself
    assert "more file" not in capsys.readouterr().out
    # A file with nothing to look up (no PyPI or conda pins) has nothing unchecked: advisory data
    # judges pinned releases only, so ranges and bare names are checked alike with current data.
    for unpinned in ("-e ./local\n", "numpy>=1.20\ntorch\nscikit-learn~=1.3\n"):
        (repo / "requirements.txt").write_text(unpinned)
        assert main(["requirements.txt"]) == 0, unpinned
    (repo / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools>=48", "wheel"]\n[tool.black]\nline-length = 100\n'
    )
    assert main(["pyproject.toml"]) == 0
    capsys.readouterr()
    # One pin among ranges is looked up, so the gap concerns that file; the run's notice goes to
    # the first file that has one.
    (repo / "requirements.txt").write_text("numpy>=1.20\ntorch==1.13.0\n")
    assert main(["pyproject.toml", "requirements.txt"]) == 1
    out = [line for line in capsys.readouterr().out.splitlines() if "MLS416" in line]
    assert [line.split(" ")[:2] for line in out] == [["requirements.txt:1:1:", "MLS416"]]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("requirements.txt", b"\x00\x01\x02binary"),
        ("requirements.txt", ("x" * 200_000 + "\n").encode()),
        ("environment.yml", b"dependencies: [unclosed\n"),
        ("environment.yml", b"[" * 100_000),
        ("pkg/pyproject.toml", b"[project\nname = 1\n"),  # at the root it is a policy error (exit 2)
        ("requirements.txt", b"\xff\xfe not utf8"),
    ],
)
def test_hostile_input_is_a_finding_not_a_traceback(
    repo: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes
) -> None:
    (repo / name).parent.mkdir(exist_ok=True)
    (repo / name).write_bytes(content)
    code = main([name])
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    assert code == 1 and "MLS908" in out.out


@pytest.mark.parametrize(
    ("index", "blocks"),
    [
        ("https://download.pytorch.org/whl/cu121", False),  # a vendor's public index: low, as in notebooks
        ("https://pypi.nvidia.com", False),
        ("https://download.pytorch.org/whl/nightly/cu121", True),  # the channel torchtriton came through
        ("https://pkgs.internal.example/simple", True),  # a private index: the confusion case
        ("http://download.pytorch.org/whl/cu121", True),  # not over https: anyone on the path serves it
        ("https://user:pw@download.pytorch.org/whl/cu121", True),  # credentials: not the public index
        ("https://storage.googleapis.com/some-bucket/simple", True),  # shared hosting is anyone's
    ],
)
def test_extra_index_of_a_vendor_is_low_and_any_other_blocks(
    repo: Path, capsys: pytest.CaptureFixture[str], index: str, blocks: bool
) -> None:
    code, rules, _ = run(repo, f"--extra-index-url {index}\ntorch==2.3.1\n", capsys)
    assert "MLS405" in rules and code == int(blocks)
    (repo / ".mlsec.yaml").write_text("profile: strict\n")
    assert run(repo, f"--extra-index-url {index}\ntorch==2.3.1\n", capsys)[0] == 1
