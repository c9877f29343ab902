"""Packages that notebooks and Dockerfiles install reach mlsec-deps' name and advisory checks
(malicious, typosquat, decoy, known-vulnerable), at the installing line; pins stay the hooks' own."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks._shared.shell import _REQUIREMENT, installed_requirements
from hooks.docker.spec import SPEC as DOCKER_SPEC
from tests.code.helpers import notebook, scan_code
from tests.scanning import findings_of


def places(findings: list) -> list[tuple[str, int | None, int]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.cell, f.line) for f in findings if f.rule_id.startswith("MLS40"))


def test_notebook_installs_of_trap_names_are_found_at_the_command(tmp_path: Path) -> None:
    text = notebook(
        "import os\n!pip install -q sklearn \\\n    pytorch-nightly-cpu",
        "%pip install torchtriton",
        "pip install sklearn",  # automagic: IPython runs it as %pip
    )
    findings = scan_code(tmp_path, text, "nb.ipynb")
    assert places(findings) == [("MLS402", 1, 2), ("MLS402", 2, 1), ("MLS404", 1, 2), ("MLS404", 3, 1)]
    malicious = next(f for f in findings if f.rule_id == "MLS402")
    assert malicious.message.endswith("(installed by the command on this line)")
    assert malicious.severity.value == "critical"


def test_look_alike_installs_stay_quiet(tmp_path: Path) -> None:
    """Real names, conda's own `pytorch`, files, paths, variables and URLs are not PyPI names;
    unpinned installs are not reported twice (MLS413 belongs to requirement files)."""
    text = notebook(
        "!pip install scikit-learn torch transformers -r requirements.txt ./sklearn $PKG {pkg}",
        "!conda install -y pytorch",
        "!pip install git+https://github.com/org/sklearn.git -e ./torchtriton",
        "# !pip install torchtriton\nx = 'pip install sklearn'",
        "!pip install -U pip==23.1.2 setuptools==59.5.0 -q! pip3 install future",
    )
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == []


def test_dockerfile_run_installs_reach_the_name_checks(tmp_path: Path) -> None:
    path = tmp_path / "Dockerfile"
    path.write_text(
        "FROM python:3.11\nRUN pip install --no-cache-dir torchtriton scikit-learn==1.5.0\n"
        "RUN conda install pytorch && pip install -r requirements.txt\nRUN <<EOF\npip install sklearn\nEOF\n"
    )
    findings = findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path))
    assert places(findings) == [("MLS402", None, 2), ("MLS404", None, 5)]


def test_project_managers_and_app_installers_reach_the_name_checks(tmp_path: Path) -> None:
    """`uv add`, `poetry add`, `pdm add`, `pipenv install`, `pipx install` and `uv tool install`
    install PyPI projects by name as pip does."""
    text = notebook(
        "!uv add --dev torchtriton",
        "!poetry add -G ml sklearn@latest",
        "!pdm add -d pytorch-nightly-cpu",
        "!pipenv install --dev sklearn",
        "!pipx install --include-deps torchtriton",
        "!uv tool install sklearn",
    )
    findings = scan_code(tmp_path, text, "nb.ipynb")
    assert places(findings) == [
        ("MLS402", 1, 1), ("MLS402", 3, 1), ("MLS402", 5, 1), ("MLS404", 2, 1), ("MLS404", 4, 1), ("MLS404", 6, 1)
    ]  # fmt: skip
    path = tmp_path / "Dockerfile"
    path.write_text("FROM python:3.11\nRUN pip install pipx && pipx install torchtriton\n")
    assert places(findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path))) == [("MLS402", None, 2)]


def test_hashes_inside_words_hide_no_install(tmp_path: Path) -> None:
    """A `#` inside a word (a substitution's `)#x`, a no-break space, an argv word) is no comment:
    the compromised release after it is read."""
    text = notebook(
        "!pip install --log=$(mktemp)#x ultralytics==8.3.41",
        "!pip install --log=/tmp/l\u00a0#x ultralytics==8.3.41",
        "import subprocess, sys\n"
        "subprocess.run([sys.executable, '-m', 'pip', 'install', '--log', '#', 'ultralytics==8.3.41'])",
        "!pip install requests  # ultralytics==8.3.41",  # look-alike: a comment
        "!uv add ./my\\ #pkg torchtriton",  # an escaped blank: `#pkg` is inside the word `./my #pkg`
        "!uv add 'ultralytics==8.3.41; sys_platform == \"linux\"'",  # a marker says where, not what
    )
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == [
        ("MLS402", 1, 1), ("MLS402", 2, 1), ("MLS402", 3, 2), ("MLS402", 5, 1), ("MLS402", 6, 1)
    ]  # fmt: skip


def test_look_alike_manager_commands_install_nothing(tmp_path: Path) -> None:
    """Other verbs, groups, extras and interpreters named by option are not projects."""
    text = notebook(
        "!git add sklearn torchtriton",
        "!uv run add.py sklearn && poetry show sklearn && pipenv run sklearn",
        "!poetry add --group sklearn --extras torchtriton scikit-learn",
        "!pdm add -G sklearn scikit-learn && pipx install --suffix sklearn black",
        "!pipenv install --categories sklearn --python 3.11 requests",
        "!uv add --optional sklearn --marker \"sys_platform == 'linux'\" torch",
    )
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == []


@given(st.text(max_size=300))
def test_installed_requirements_of_any_text_are_requirement_words(command: str) -> None:
    for _, names in installed_requirements([(1, command), (2, f"pip install {command}")]):
        assert names
        for name in names:
            assert _REQUIREMENT.match(name) and not name.startswith("-") and "/" not in name and "$" not in name


def test_pinned_installs_without_current_advisory_data_carry_the_runs_notice(
    tmp_path: Path, current_advisories: Path
) -> None:
    """A pinned install is looked up like a pinned requirement: with no advisory data (or old
    data) the run says so (MLS416) at the installing command; an unpinned install is judged
    by name only, so nothing was left unchecked for it."""
    current_advisories.unlink()  # no snapshot installed, nothing configured
    pinned = notebook("import os", "!pip install -q numpy==1.26.4 scikit-learn")
    notices = [f for f in scan_code(tmp_path, pinned, "nb.ipynb") if f.rule_id == "MLS416"]
    assert [(f.cell, f.line, f.severity.value) for f in notices] == [(2, 1, "medium")]
    assert "installed by" not in notices[0].message  # the run's notice reads the same wherever it stands
    unpinned = notebook("import os", "!pip install -q numpy scikit-learn>=1.3")
    assert [f for f in scan_code(tmp_path, unpinned, "nb.ipynb") if f.rule_id == "MLS416"] == []
    path = tmp_path / "Dockerfile"
    path.write_text("FROM python:3.11\nRUN pip install --no-cache-dir torch==2.3.1\nRUN pip install requests\n")
    notices = [f for f in findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path)) if f.rule_id == "MLS416"]
    assert [f.line for f in notices] == [2]


def test_the_runs_notice_shows_once_across_requirements_notebooks_and_dockerfiles(
    tmp_path: Path, current_advisories: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from hooks.cli.mlsec import main

    current_advisories.unlink()
    (tmp_path / "requirements.txt").write_text("numpy==1.26.4\n")
    (tmp_path / "nb.ipynb").write_text(notebook("import os", "!pip install -q numpy==1.26.4"))
    (tmp_path / "Dockerfile").write_text("FROM python:3.11\nRUN pip install --no-cache-dir torch==2.3.1\n")
    monkeypatch.chdir(tmp_path)
    main(["scan", "requirements.txt", "nb.ipynb", "Dockerfile"])
    lines = [line for line in capsys.readouterr().out.splitlines() if "MLS416" in line]
    assert len(lines) == 1 and "(and 2 more file(s) in this run)" in lines[0], lines


def test_a_quoted_requirement_with_spaces_is_read_as_pip_reads_it() -> None:
    assert installed_requirements([(1, 'pip install "pillow == 8.0.0" torch'), (2, "pip install 'a >= 1' b")]) == [
        (1, ["pillow==8.0.0", "torch"]),
        (2, ["a>=1", "b"]),
    ]


def test_an_installed_archive_is_the_release_its_file_name_says() -> None:
    """`pip install <url>.whl` in a notebook or RUN line reaches the deps checks as that file, which
    the deps hook reads as the release its name says."""
    marker = 'https://h/ultralytics-8.3.45-py3-none-any.whl; python_version>"3"'
    commands = [
        (1, "pip install https://example.org/ultralytics-8.3.41-py3-none-any.whl"),
        (2, "pip install ./dist/My_Pkg-0.2.0.tar.gz torch==2.6.0"),
        (3, "pip install https://example.org/latest.whl ./setup.py"),  # no release in the name
        (4, "pip install https://example.org/pip-24.0-py3-none-any.whl"),  # the installer itself
        # red team: a query, a hash fragment, a marker; a find-links archive; a name that is none
        (5, "pip install 'https://h/ultralytics-8.3.41-py3-none-any.whl?download=true'"),
        (6, "pip install 'https://h/ultralytics-8.3.42-py3-none-any.whl#sha256=" + "0" * 64 + "'"),
        (7, f"pip install '{marker}'"),
        (8, "pip install --no-index --find-links ./wheels/ultralytics-8.3.46-py3-none-any.whl ultralytics"),
        (9, "pip install https://h/x%0actx%0ay-1.0.tar.gz https://h/a%3D%3D1-1.0.zip"),
        (10, "pip install ./wheels/ultralytics-8.3.41-py3-none-any.whl[export]"),
    ]
    assert installed_requirements(commands) == [
        (1, ["https://example.org/ultralytics-8.3.41-py3-none-any.whl"]),
        (2, ["./dist/My_Pkg-0.2.0.tar.gz", "torch==2.6.0"]),
        (5, ["https://h/ultralytics-8.3.41-py3-none-any.whl?download=true"]),
        (6, ["https://h/ultralytics-8.3.42-py3-none-any.whl#sha256=" + "0" * 64]),
        (7, [marker]),
        (8, ["./wheels/ultralytics-8.3.46-py3-none-any.whl", "ultralytics"]),
        (10, ["./wheels/ultralytics-8.3.41-py3-none-any.whl[export]"]),
    ]


def test_notebook_and_dockerfile_installs_of_a_compromised_wheel_are_critical(tmp_path: Path) -> None:
    wheel = "https://example.org/w/ultralytics-8.3.41-py3-none-any.whl"
    findings = scan_code(tmp_path, notebook("import os", f"!pip install {wheel}"), "nb.ipynb")
    assert [(f.rule_id, f.cell, f.severity.value) for f in findings if f.rule_id == "MLS402"] == [
        ("MLS402", 2, "critical")
    ]
    path = tmp_path / "Dockerfile"
    path.write_text(f"FROM python:3.11\nRUN pip install --no-cache-dir {wheel}\n")
    found = findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path))
    assert [(f.rule_id, f.line) for f in found if f.rule_id == "MLS402"] == [("MLS402", 2)]
    # Look-alike: a clean release's wheel.
    path.write_text(f"FROM python:3.11\nRUN pip install --no-cache-dir {wheel.replace('8.3.41', '8.3.50')}\n")
    assert not [f for f in findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path)) if f.rule_id == "MLS402"]


def test_an_installed_local_build_is_no_typosquat(tmp_path: Path) -> None:
    """`RUN pip install ./dist/transformer-0.1.0-...whl`: the project's own build, fetched as a file."""
    path = tmp_path / "Dockerfile"
    path.write_text("FROM python:3.11\nRUN pip install ./dist/transformer-0.1.0-py3-none-any.whl\n")
    found = findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path))
    assert not [f for f in found if f.rule_id in ("MLS403", "MLS404")]
    # Look-alike: the same name installed from the index is judged by its name.
    path.write_text("FROM python:3.11\nRUN pip install transformer==0.1.0\n")
    found = findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path))
    assert [f.rule_id for f in found if f.rule_id == "MLS403"] == ["MLS403"]


def test_uv_index_strategy_set_in_the_notebook(tmp_path: Path) -> None:
    """`%env UV_INDEX_STRATEGY=...` in any cell: uv's extra indexes are judged as pip's."""
    install = "!uv pip install --extra-index-url https://pkgs.internal.example/simple acme==1.4.0"
    quiet = scan_code(tmp_path, notebook(install), "nb.ipynb")
    assert [f for f in quiet if f.rule_id == "MLS320"] == []
    loud = scan_code(tmp_path, notebook("%env UV_INDEX_STRATEGY=unsafe-best-match", install), "nb.ipynb")
    assert [(f.rule_id, f.cell) for f in loud if f.rule_id == "MLS320"] == [("MLS320", 2)]
    prefixed = scan_code(tmp_path, notebook("!UV_INDEX_STRATEGY=unsafe-first-match " + install[1:]), "nb.ipynb")
    assert [f.rule_id for f in prefixed if f.rule_id == "MLS320"] == ["MLS320"]


def test_tool_runners_install_the_tools_they_run(tmp_path: Path) -> None:
    """`uvx x`, `uv tool run x`, `pipx run x` fetch x from PyPI and run it; `--with` packages too.
    The words after the tool are its arguments, and `uv run script.py` runs the project's own."""
    text = notebook(
        "!uvx sklearn --help",
        "!uvx --with torchtriton jupyter lab",
        "!pipx run --spec sklearn tool",
        "!uv run script.py sklearn torchtriton",  # look-alike: arguments of the project's script
        "!uvx ruff check sklearn",  # look-alike: ruff's argument
        "!uv run pip install torchtriton",  # the runner's command installs
        "!uvx --env-file .env torchtriton",  # an option's value is not the tool
        "!uvx python@3.12 -c 'print(1)'",  # look-alike: an interpreter, no package
        "!uvx --unknown-option x sklearn",  # look-alike: the tool's place is not known
    )
    findings = scan_code(tmp_path, text, "nb.ipynb")
    assert places(findings) == [
        ("MLS402", 2, 1), ("MLS402", 6, 1), ("MLS402", 7, 1), ("MLS404", 1, 1), ("MLS404", 3, 1)
    ]  # fmt: skip
    assert not [f for f in findings if f.rule_id == "MLS403"]
    # A runner takes the newest by design; the pip install it runs is pip's (cell 6).
    assert [f.cell for f in findings if f.rule_id == "MLS319"] == [6]
