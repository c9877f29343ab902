from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.deps.conda import parse_environment
from hooks.deps.pyproject import parse_pyproject
from hooks.deps.requirements import parse_requirements, read_with_includes


def _parse(text: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    parsed, includes = parse_requirements(text, tmp_path / "requirements.txt", tmp_path)
    return parsed, includes


def test_requirements_read_as_pip_reads_them(tmp_path: Path) -> None:
    text = (
        "# comment\n"
        "torch==2.3.1  # inline comment\n"
        'numpy>=1.26 ; python_version >= "3.9"\n'
        "einops==0.8.1 \\\n    --hash=sha256:aa --hash sha256:bb\n"
        "Scikit_Learn[alldeps]==1.5.2\n"
        "-e .\n"
        "mylib @ https://example.org/mylib-2.0.tar.gz\n"
        "git+https://github.com/org/flash-attn.git@main#egg=flash-attn\n"
        "https://files.example.org/custom_kernels-1.0-py3-none-any.whl\n"
        "--extra-index-url https://extra.example/simple\n"
        "-i https://pypi.org/simple\n"
    )
    parsed, _ = _parse(text, tmp_path)
    got = [(d.name, d.line, d.source, d.specifier, d.hashes) for d in parsed.dependencies]
    assert got == [
        ("torch", 2, "pypi", "==2.3.1", []),
        ("numpy", 3, "pypi", ">=1.26", []),
        ("einops", 4, "pypi", "==0.8.1", ["sha256:aa", "sha256:bb"]),
        ("Scikit_Learn", 6, "pypi", "==1.5.2", []),
        ("mylib", 8, "url", "", []),
        ("flash-attn", 9, "vcs", "", []),
        ("custom_kernels", 10, "url", "", []),
    ]
    assert [(i.line, i.option) for i in parsed.indexes] == [(11, "--extra-index-url"), (12, "--index-url")]
    assert parsed.hash_checking and parsed.problems == []


def test_includes_are_followed_inside_the_repository_only(tmp_path: Path) -> None:
    (tmp_path / "base.in").write_text("-r dev.in\ntorch==2.3.1\n")
    (tmp_path / "dev.in").write_text("-r base.in\npytest\n")
    (tmp_path / "requirements.txt").write_text("-r base.in\n-r ../outside.txt\n-r missing.txt\n")
    main, included = read_with_includes(tmp_path / "requirements.txt", tmp_path)
    assert [name for name, _ in included] == ["base.in", "dev.in"]
    assert sorted(p.key.split(":")[0] for p in main.problems) == ["missing", "outside"]
    cycles = [p for _, parsed in included for p in parsed.problems]
    assert [p.rule.rule_id for p in cycles] == ["MLS415"] and "cycle" in cycles[0].message


def test_conda_environment(tmp_path: Path) -> None:
    text = (
        "name: x\nchannels:\n  - conda-forge\n  - http://conda.internal/ml\ndependencies:\n  - python=3.11\n"
        "  - numpy\n  - pillow=9.0.0\n  - pytorch::pytorch=2.3.1\n  - scikit-learn>=1.3\n  - pip\n"
        "  - pip:\n      - --extra-index-url https://x.example/simple\n      - mlflow==2.9.2\n"
    )
    parsed = parse_environment(text, tmp_path / "environment.yml", tmp_path)
    got = [(d.name, d.line, d.source, d.pinned_version) for d in parsed.dependencies]
    assert got == [
        ("numpy", 7, "conda", None),
        ("pillow", 8, "conda", "9.0.0"),
        ("torch", 9, "conda", "2.3.1"),
        ("scikit-learn", 10, "conda", None),
        ("mlflow", 14, "pypi", "2.9.2"),
    ]
    assert [(i.line, i.option) for i in parsed.indexes] == [(3, "channel"), (4, "channel"), (13, "--extra-index-url")]


def test_a_pip_entry_of_an_environment_file_names_its_own_line(tmp_path: Path) -> None:
    """Each pip entry is read alone; its problem names the YAML's line, not "line 1"."""
    text = "name: x\ndependencies:\n  - pip:\n    - torch\n    - tensorflow=>1.12.1\n"
    (problem,) = parse_environment(text, tmp_path / "environment.yml", tmp_path).problems
    assert problem.line == 5 and problem.message.startswith("line 5: ")


def test_conda_matchspecs_written_with_spaces_read_as_conda_reads_them(tmp_path: Path) -> None:
    """`name version [build]` is MatchSpec's other spelling of `name=version[=build]`: a dotted
    release pins, a prefix, a pattern, a choice or a range does not."""
    text = (
        "dependencies:\n  - pytorch 1.13.0\n  - numpy 1.19.0 py38h_0\n  - conda-forge::scipy 1.5.2\n"
        "  - pandas 1.3\n  - pillow 9.0.*\n  - h5py 3.1.0|3.2.0\n  - tqdm >=4.60,<5\n  - click ==8.0.1\n"
        "  - six *\n  - pillow == 8.0.0\n  - pillow = 8.1.0\n"
    )
    parsed = parse_environment(text, tmp_path / "environment.yml", tmp_path)
    assert [(d.name, d.pinned_version) for d in parsed.dependencies] == [
        ("torch", "1.13.0"),
        ("numpy", "1.19.0"),
        ("scipy", "1.5.2"),
        ("pandas", "1.3"),  # a bare version is exact to conda (`pandas=1.3` is the prefix)
        ("pillow", None),
        ("h5py", None),
        ("tqdm", None),
        ("click", "8.0.1"),
        ("six", None),
        ("pillow", "8.0.0"),
        ("pillow", "8.1.0"),
    ]
    assert parsed.problems == []
    # Not plain release words: read as before, unreadable and never quoted (a URL may hold a token).
    for line in ("pillow 10.4.0=*[version=8.0.0]", "pillow 9.5.0[version=8.0.0]", "x @ https://u:SECRET@h/x.tar.gz"):
        odd = parse_environment(f"dependencies:\n  - {line}\n", tmp_path / "environment.yml", tmp_path)
        assert odd.dependencies == [] and len(odd.problems) == 1, line
        assert "SECRET" not in odd.problems[0].message
    include = parse_environment("dependencies:\n  - -r requirements.txt\n", tmp_path / "environment.yml", tmp_path)
    assert [d.name for d in include.dependencies] == []
    choice = parse_environment("dependencies:\n  - h5py=3.1.0|3.2.0\n", tmp_path / "environment.yml", tmp_path)
    assert [d.pinned_version for d in choice.dependencies] == [None]  # a choice of two, not a pin


def test_a_closed_range_of_one_release_is_a_pin(tmp_path: Path) -> None:
    parsed, _ = _parse("pillow>=8.0.0,<=8.0.0\nnumpy<=1.19.0, >=1.19.0\nscipy>=1.5.0,<=1.5.2\n", tmp_path)
    assert [(d.name, d.pinned_version) for d in parsed.dependencies] == [
        ("pillow", "8.0.0"),
        ("numpy", "1.19.0"),
        ("scipy", None),
    ]
    from hooks._shared.requirements import Requirement

    assert Requirement("pillow", specifier="<=8.0.0|0,>=8.0.0|0").pinned_version is None  # conda's choice


def test_pyproject_application_library_and_poetry(tmp_path: Path) -> None:
    app = (
        '[project]\nname = "app"\ndependencies = [\n  "torch==2.3.1",\n  "numpy>=1.26",\n]\n'
        '[project.optional-dependencies]\nserve = ["gradio==4.0.0"]\n[build-system]\nrequires = ["setuptools>=68"]\n'
    )
    parsed = parse_pyproject(app, tmp_path / "pyproject.toml", tmp_path)
    assert [(d.name, d.line, d.library, d.build_only) for d in parsed.dependencies] == [
        ("torch", 4, False, False),
        ("numpy", 5, False, False),
        ("gradio", 8, False, False),
        ("setuptools", 10, False, True),
    ]
    library = '[project]\nname = "lib"\nlicense = "MIT"\ndependencies = ["numpy>=1.26"]\n'
    assert parse_pyproject(library, tmp_path / "pyproject.toml", tmp_path).dependencies[0].library
    poetry = (
        '[tool.poetry.dependencies]\npython = "^3.10"\ntorch = "2.3.1"\nnumpy = "^1.26"\n'
        'peft = {git = "https://github.com/org/peft.git", branch = "main"}\n'
    )
    deps = parse_pyproject(poetry, tmp_path / "pyproject.toml", tmp_path).dependencies
    assert [(d.name, d.line, d.source, d.specifier) for d in deps] == [
        ("torch", 3, "pypi", "==2.3.1"),
        ("numpy", 4, "pypi", "^1.26"),
        ("peft", 5, "vcs", ""),
    ]


def test_pyproject_dependency_groups_and_tool_dev_dependencies(tmp_path: Path) -> None:
    text = (
        '[project]\nname = "app"\n[dependency-groups]\ntest = ["pytest>=8", {include-group = "lint"}]\n'
        'lint = ["ruff==0.6.0"]\n[tool.uv]\ndev-dependencies = ["tourch==1.0"]\n'
    )
    names = [d.name for d in parse_pyproject(text, tmp_path / "pyproject.toml", tmp_path).dependencies]
    assert names == ["pytest", "ruff", "tourch"]


@given(st.text(alphabet=" \t#ab=\\", max_size=40))
@settings(max_examples=300, deadline=None)
def test_comment_stripping_matches_pips_rule(line: str) -> None:
    import re

    from hooks.deps.requirements import strip_comment

    assert strip_comment(line).rstrip() == re.sub(r"(^|\s+)#.*$", "", line).rstrip()


def test_unreadable_lines_are_one_finding_per_file(tmp_path: Path) -> None:
    text = "".join(f"'pkg{i}>=1.0',\n" for i in range(12)) + "torch==2.3.1\n"
    parsed, _ = parse_requirements(text, tmp_path / "requirements.txt", tmp_path)
    (problem,) = parsed.problems
    assert problem.line == 1 and problem.rule.rule_id == "MLS908"
    assert "12 lines cannot be read" in problem.message and "pkg" not in problem.message
    assert [d.name for d in parsed.dependencies] == ["torch"]


def test_template_placeholder_lines_are_low_and_the_rest_is_checked(tmp_path: Path) -> None:
    """A cookiecutter project's requirements (`kedro~={{ cookiecutter.kedro_version }}`) are
    rendered before pip reads them: noted low, the readable lines still parsed."""
    text = "kedro~={{ cookiecutter.kedro_version }}\n{% if tools %}\ntourch==1.0\n"
    parsed, _ = parse_requirements(text, tmp_path / "requirements.txt", tmp_path)
    (problem,) = parsed.problems
    assert problem.rule.rule_id == "MLS908" and problem.severity is not None and problem.severity.value == "low"
    assert "template placeholder" in problem.message and "lines 1, 2" in problem.message
    assert [d.name for d in parsed.dependencies] == ["kedro", "tourch"]  # kedro: its fixed part
    project = '[project]\nname = "x"\ndependencies = ["kedro~={{ cookiecutter.kedro_version }}", "numpy"]\n'
    (problem,) = parse_pyproject(project, tmp_path / "pyproject.toml", tmp_path).problems
    assert problem.severity is not None and problem.severity.value == "low"


def test_options_after_a_requirement_are_split_as_pip_splits_them(tmp_path: Path) -> None:
    """pip splits at the first space-separated token starting with `-` (short options too) and
    installs what precedes it: a placeholder among the options does not make the line a template."""
    text = "ultralytics==8.3.41 -i {{ cookiecutter.index_url }}\ntrasnformers==4.44.0 -f{{cookiecutter.wheels}}\n"
    parsed, _ = parse_requirements(text, tmp_path / "requirements.txt", tmp_path)
    assert [(d.name, d.line) for d in parsed.dependencies] == [("ultralytics", 1), ("trasnformers", 2)]
    assert parsed.problems == []
    hashed = "torch==2.3.1 --hash=sha256:" + "a" * 64 + "\n"
    (dependency,) = parse_requirements(hashed, tmp_path / "r.txt", tmp_path)[0].dependencies
    assert dependency.hashes == ["sha256:" + "a" * 64]


def test_a_template_lines_fixed_part_is_judged(tmp_path: Path) -> None:
    """Tags and placeholders removed, what is left is what any rendering installs: a compromised
    pin inside `{% if %}`, extras from a placeholder, or at least the project's name."""
    text = (
        '{% if cookiecutter.use_yolo == "y" %}ultralytics==8.3.41{% endif %}\n'
        "ultralytics[{{ x }}]==8.3.41\nkedro~={{ cookiecutter.kedro_version }}\n"
    )
    parsed, _ = parse_requirements(text, tmp_path / "requirements.txt", tmp_path)
    assert [(d.name, d.line) for d in parsed.dependencies] == [("ultralytics", 1), ("ultralytics", 2), ("kedro", 3)]
    assert [d.specifier for d in parsed.dependencies][:2] == ["==8.3.41", "==8.3.41"]
    assert [p.severity.value for p in parsed.problems if p.severity] == ["low"]
    project = '[project]\nname = "x"\ndependencies = ["{% if a %}ultralytics==8.3.41{% endif %}"]\n'
    names = [d.name for d in parse_pyproject(project, tmp_path / "pyproject.toml", tmp_path).dependencies]
    assert names == ["ultralytics"]


def test_an_unreadable_line_beside_template_lines_keeps_blocking(tmp_path: Path) -> None:
    text = "kedro~={{ cookiecutter.kedro_version }}\n'torch>=2',\n"
    (problem,) = parse_requirements(text, tmp_path / "requirements.txt", tmp_path)[0].problems
    assert problem.severity is None and problem.line == 2  # the rule's own severity
    text = "{ not a placeholder }\n"
    (problem,) = parse_requirements(text, tmp_path / "requirements.txt", tmp_path)[0].problems
    assert problem.severity is None


def test_a_readable_name_with_a_malformed_version_is_judged_unpinned_and_low(tmp_path: Path) -> None:
    """`sagemaker>=2.0.0<3.0.0` (a comma left out) and conda's `numpy=1.21`: pip refuses the file,
    or (before 22) installs some release of the project; the name is what can be judged."""
    text = "sagemaker>=2.0.0<3.0.0\nnumpy=1.21\npkg[gpu] >= 1.0 < 2\ntorch==2.3.1\nazure-mgmt-compute=>30.0.0\n"
    parsed, _ = parse_requirements(text, tmp_path / "requirements.txt", tmp_path)
    assert [(d.name, d.specifier) for d in parsed.dependencies] == [
        ("sagemaker", ""),
        ("numpy", ""),
        ("pkg", ""),
        ("torch", "==2.3.1"),
        ("azure-mgmt-compute", ""),  # `=>`: `>=` typed the other way round, which pip rejects too
    ]
    (problem,) = parsed.problems
    assert problem.rule.rule_id == "MLS908" and problem.severity is not None and problem.severity.value == "low"
    assert "lines 1, 2, 3, 5" in problem.message and "judged unpinned" in problem.message
    project = '[project]\nname = "x"\ndependencies = ["sagemaker>=2.0.0<3.0.0"]\n'
    pyproject = parse_pyproject(project, tmp_path / "pyproject.toml", tmp_path)
    assert [d.name for d in pyproject.dependencies] == ["sagemaker"]
    assert [p.severity.value for p in pyproject.problems if p.severity] == ["low"]


def test_lines_that_only_look_like_a_malformed_version_keep_blocking(tmp_path: Path) -> None:
    """A setting (`TOKEN=abc`, `version = 1.0`), two requirements on one line, a marker: not a
    single project with a broken version, so nothing is judged from them and the file blocks."""
    for text in (
        "TOKEN=abc\n",
        "version = 1.0\n",
        "torch==1.13.1 torchvision==0.14.1\n",
        'foo>=1<2; python_version < "3.9"\n',
        "pip install torch==2.3.1\n",
        "numpy=1.21\n'torch>=2',\n",
        "AWS_SECRET_ACCESS_KEY=9xQ2abcDEF\n",  # a secret that starts with a digit is no release
        "PIN=12345678\n",  # an environment variable's name, not a package's
        "password=123456\n",  # a setting: conda's single `=` pins a dotted release
        "TIMEOUT=>30\n",  # `=>` after a setting's name, no dotted release
        "db_password=>1.2.3\n",  # a credential's name is no project's, whatever follows it
        "ultralytics=<8.3.46\n",  # `=<`: an intended upper bound; judged as no version, it would be lost
        "pkg>=" + " " * 1992 + "1<2 @ https://example.org/pkg.tar.gz\n",  # longer than any requirement
    ):
        parsed, _ = parse_requirements(text, tmp_path / "requirements.txt", tmp_path)
        blocking = [p for p in parsed.problems if p.severity is None]
        assert len(blocking) == 1 and blocking[0].rule.rule_id == "MLS908", text
    parsed, _ = parse_requirements("numpy=1.21\n'torch>=2',\n", tmp_path / "requirements.txt", tmp_path)
    assert parsed.problems[0].line == 2  # the line that is not judged at all


def test_a_malformed_version_keeps_its_hashes(tmp_path: Path) -> None:
    """Red team: `numpy=1.26.4 --hash=...` in hash-checking mode must not read as a line without one."""
    text = "numpy=1.26.4 --hash=sha256:" + "a" * 64 + "\ntorch==2.3.1 --hash=sha256:" + "b" * 64 + "\n"
    parsed, _ = parse_requirements(text, tmp_path / "requirements.txt", tmp_path)
    assert [d.hashes for d in parsed.dependencies] == [["sha256:" + "a" * 64], ["sha256:" + "b" * 64]]


def test_the_malformed_version_pattern_is_linear_on_hostile_lines(tmp_path: Path) -> None:
    import time

    from hooks.deps.requirements import broken_specifier

    hostile = ["a" + " " * 1990 + "x", "a>=1" + " " * 1990 + "x", "a[" + " " * 399 + ">=1" + " " * 1500, "a>=1!" * 400]
    started = time.perf_counter()
    for text in hostile * 20:
        assert broken_specifier(text, 1, text) is None
    assert time.perf_counter() - started < 2.0


def test_utf16_and_utf32_requirements_are_read_as_pip_reads_them(tmp_path: Path) -> None:
    from hooks.deps.reading import DependencyFileError, read_text

    for codec in ("utf-16", "utf-16-be", "utf-32"):
        path = tmp_path / f"requirements-{codec}.txt"
        data = "torch==2.3.1\ntourch==1.0\n".encode(codec)
        if codec == "utf-16-be":
            data = b"\xfe\xff" + data
        path.write_bytes(data)
        assert read_text(path).splitlines() == ["torch==2.3.1", "tourch==1.0"]
    # Look-alikes: NUL bytes without a mark stay binary; TOML is read as UTF-8 only.
    (tmp_path / "blob.txt").write_bytes(b"torch\x00\x00==1\n")
    (tmp_path / "pyproject.toml").write_bytes("[project]\n".encode("utf-16"))
    for path, wide in ((tmp_path / "blob.txt", True), (tmp_path / "pyproject.toml", False)):
        try:
            read_text(path, wide=wide)
        except DependencyFileError:
            continue
        raise AssertionError(path)


@pytest.mark.parametrize(
    "text",
    [
        '[project]\nname = "app"\ndependencies = "torchtriton"\n',
        '[project]\nname = "app"\n[project.optional-dependencies]\ndev = "torchtriton"\n',
        '[dependency-groups]\ntest = "torchtriton"\n',
        '[build-system]\nrequires = "torchtriton"\n',
        '[tool.uv]\ndev-dependencies = "torchtriton"\n',
    ],
)
def test_a_requirements_field_that_is_no_list_makes_the_file_unread_not_read_letter_by_letter(
    tmp_path: Path, text: str
) -> None:
    from hooks.deps.reading import DependencyFileError

    with pytest.raises(DependencyFileError, match="not a list"):
        parse_pyproject(text, tmp_path / "pyproject.toml", tmp_path)


def test_an_exported_environments_build_string_pins_one_release(tmp_path: Path) -> None:
    """`conda env export` writes `name=version=build`: one build of one release, exact whatever
    the version's dots (`pandas=1.3` alone is a prefix). A build pattern pins nothing."""
    text = "dependencies:\n  - _libgcc_mutex=0.1=conda_forge\n  - pandas=1.3=py39_0\n  - pandas=1.3\n  - x=1.2=py*\n"
    parsed = parse_environment(text, tmp_path / "environment.yml", tmp_path)
    assert [d.pinned_version for d in parsed.dependencies] == ["0.1", "1.3", None, None]
    assert [d.channel_only for d in parsed.dependencies] == [True, False, False, False]
