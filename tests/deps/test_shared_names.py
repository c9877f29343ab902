"""Shared name and URL judgement (hooks/_shared/names.py, urls.py) as the deps hook reports it:
established projects are not typosquats, real releases are not decoys, placeholders held by the
real project are low, credentials never shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hooks._shared.names import decoy_reason, is_established, typosquat_target
from hooks._shared.urls import has_credentials, redact_url
from hooks.cli.entry_points import mlsec_deps as main


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("tourch", "torch"),
        ("transfomers", "transformers"),
        ("reqeusts", "requests"),
        ("scikitlearn", "scikit-learn"),
        ("langchian", "langchain"),
        ("t0rch", "torch"),  # a look-alike character
        ("tiem", "timm"),  # near `time` as well, but not a module of the standard library
        ("ktransformer", "transformers"),  # not the vetted project's name
        ("xtransformers", "transformers"),
    ],
)
def test_near_misses_of_popular_names_are_typosquats(name: str, target: str) -> None:
    assert typosquat_target(name) == target


@pytest.mark.parametrize(
    "name",
    [
        "ppft",
        "peft",
        "torch",
        "scikit_learn",
        "Scikit-Learn",
        "tensorflow-cpu",
        "torchnet",
        "time",
        "typing",
        "ktransformers",
    ],
)
def test_established_and_popular_projects_are_not_typosquats(name: str) -> None:
    """`ppft` (pathos' parallel python fork) is one edit from `peft` and a real, popular project."""
    assert typosquat_target(name) is None


def test_the_established_list_is_shipped_and_read() -> None:
    assert is_established("ppft") and is_established("requests")
    assert not is_established("tourch")


@pytest.mark.parametrize(
    ("name", "version", "decoy"),
    [
        ("tensorflow-gpu", "2.5.3", False),  # a real release from when the name was TensorFlow
        ("tensorflow-gpu", "2.11.0", False),
        ("tensorflow-gpu", "2.12.0", True),  # the stub
        ("tensorflow-gpu", None, True),
        ("sklearn", None, True),
        ("cv2", None, True),
        ("scikit-learn", None, False),
    ],
)
def test_decoys_and_real_releases(name: str, version: str | None, decoy: bool) -> None:
    assert (decoy_reason(name, version) is not None) is decoy


def test_placeholders_held_by_the_project_are_low_unclaimed_names_block(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "requirements.txt").write_text("sklearn==0.0\npytorch\ntensorflow-gpu==2.5.3\nppft==1.7.6.8\n")
    assert main(["requirements.txt"]) == 0
    out = capsys.readouterr().out
    assert "MLS404 [low] sklearn" in out and "MLS404 [low] pytorch" in out
    assert "tensorflow-gpu" not in out and "ppft" not in out
    (repo / "requirements.txt").write_text("cv2==4.0\n")
    assert main(["requirements.txt"]) == 1
    assert "MLS404 [high] cv2" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://deploy:p@ss/W0rd@pypi.corp.example/simple", "https://***@"),
        ("https://user:tok@host.example/x?token=abc", "https://***@host.example/…"),
        ("git+https://x-access-token:ghp_abc@github.com/o/r", "git+https://***@github.com/…"),
        ("https://host.example/simple", "https://host.example/simple"),
    ],
)
def test_redacted_urls(url: str, shown: str) -> None:
    redacted = redact_url(url)
    assert redacted.startswith(shown)
    for secret in ("p@ss", "W0rd", "tok", "ghp_abc", "abc"):
        if secret in url and secret not in "https://host.example/simple":
            assert secret not in redacted


@given(user=st.text(min_size=1, max_size=20), password=st.text(min_size=1, max_size=30))
@example(user="0@", password="000/")  # a user holding `@`, a password holding `/` (found by hypothesis)
@settings(max_examples=200, deadline=None)
def test_no_password_survives_redaction(user: str, password: str) -> None:
    url = f"https://{user}:{password}@pypi.corp.example/simple/"
    if has_credentials(url):
        redacted = redact_url(url)
        assert f":{password}@" not in redacted
        if len(password) >= 4 and password not in "https://***@pypi.corp.example/…":
            assert password not in redacted


@pytest.mark.parametrize(
    "line",
    ["ultralytics", "ultralytics>=8.0.144", "ultralytics!=8.3.41", "ultralytics>8.0,!=8.3.42", "Ultralytics[export]"],
)
def test_ranges_whose_newest_release_is_clean_are_low(
    repo: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    """pip, uv and conda install the newest release a requirement admits. Ultralytics says every
    release from 8.3.47 on is clean, so a range with no upper bound never installs 8.3.41-46,
    even from a mirror that still keeps them: the range only fails to exclude them (hygiene)."""
    (repo / "requirements.txt").write_text(line + "\n")
    assert main(["requirements.txt"]) == 0
    out = capsys.readouterr().out
    assert "MLS402 [low]" in out and "8.3.47 or later" in out


@pytest.mark.parametrize(
    ("line", "severity"),
    [
        ("ultralytics==8.3.41", "critical"),  # the compromised release itself
        ("ultralytics<8.3.47", "high"),  # the newest it admits is 8.3.46
        ("ultralytics<=8.3.46,>=8.3.40", "high"),
        ("ultralytics~=8.3.0", "high"),  # bounded below 8.4: a capped range is not judged by its newest
        ("ultralytics==8.3.*", "high"),
        ("ctx", "high"),  # the hijacked releases were the newest ever: no clean release after them
        ("ctx>=0.1", "high"),
    ],
)
def test_pins_capped_ranges_and_projects_without_a_clean_successor_block(
    repo: Path, capsys: pytest.CaptureFixture[str], line: str, severity: str
) -> None:
    (repo / "requirements.txt").write_text(line + "\n")
    assert main(["requirements.txt"]) == 1
    assert f"MLS402 [{severity}]" in capsys.readouterr().out


def test_strict_profile_keeps_open_ranges_of_compromised_projects_high(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "requirements.txt").write_text("ultralytics>=8.0\n")
    assert main(["--profile", "strict", "requirements.txt"]) == 1
    assert "MLS402 [high]" in capsys.readouterr().out


# What an installer can choose from: the compromised releases and clean ones on both sides.
_RELEASES = (
    "8.0.144",
    "8.3.40",
    "8.3.41",
    "8.3.42",
    "8.3.43",
    "8.3.44",
    "8.3.45",
    "8.3.46",
    "8.3.47",
    "8.3.100",
    "8.4.0",
    "9.0.0",
    "10.1",
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["==", "!=", ">=", "<=", ">", "<", "~="]),
            st.sampled_from((*_RELEASES, "8", "8.3", "8.3.*", "9")),
        ),
        max_size=3,
    )
)
def test_a_low_range_never_lets_the_newest_admitted_release_be_compromised(clauses: list[tuple[str, str]]) -> None:
    """The installer's choice as oracle: whenever the finding is low, the newest release the
    specifier admits, out of releases on both sides of the incident, is clean."""
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    from hooks._shared.names import MALICIOUS, NameRules, name_issues
    from hooks._shared.requirements import parse_requirement
    from hooks.deps import rules

    text = "ultralytics" + ",".join(op + version for op, version in clauses)
    requirement = parse_requirement(text)
    try:
        specifier = SpecifierSet(",".join(op + version for op, version in clauses))
    except InvalidSpecifier:
        return
    if requirement is None:
        return
    issues = name_issues(requirement, 1, NameRules(rules.MALICIOUS_PACKAGE, None, None))
    if any(issue.severity is not None and issue.severity.value == "low" for issue in issues):
        admitted = [v for v in _RELEASES if specifier.contains(v)]
        assert admitted
        newest = max(admitted, key=lambda v: tuple(int(p) for p in v.split(".")))
        releases = MALICIOUS["ultralytics"].releases
        assert releases is not None and newest not in releases


@pytest.mark.parametrize("line", ["ultralytics==8.3.41.0", "ultralytics==v8.3.41", "ultralytics==8.3.041"])
def test_pins_spelled_another_way_are_the_compromised_release(
    repo: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    (repo / "requirements.txt").write_text(line + "\n")
    assert main(["requirements.txt"]) == 1
    assert "MLS402 [critical]" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("beside", "text"),
    [
        ("uv.lock", '[[package]]\nname = "ultralytics"\nversion = "8.3.41"\n'),
        ("poetry.lock", '[[package]]\nname = "ultralytics"\nversion = "8.3.41"\n'),
        ("pyproject.toml", '[project]\nname = "x"\n[tool.uv]\nresolution = "lowest-direct"\n'),
    ],
)
def test_a_lock_or_resolution_setting_beside_the_range_keeps_it_high(
    repo: Path, capsys: pytest.CaptureFixture[str], beside: str, text: str
) -> None:
    (repo / "requirements.txt").write_text("ultralytics>=8.3.0\n")
    (repo / beside).write_text(text)
    assert main(["requirements.txt"]) == 1
    assert "MLS402 [high]" in capsys.readouterr().out


def test_an_index_option_of_the_file_keeps_the_range_high(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "requirements.txt").write_text("--no-index\n--find-links ./wheels\nultralytics>=8.3.0\n")
    assert main(["requirements.txt"]) == 1
    assert "MLS402 [high]" in capsys.readouterr().out


def test_a_number_too_long_to_convert_is_no_crash(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "requirements.txt").write_text("ultralytics>=8.3." + "9" * 5000 + "\ntorchtriton\n")
    assert main(["requirements.txt"]) == 1
    out = capsys.readouterr().out
    assert "MLS402 [critical] torchtriton" in out and "MLS900" not in out


@pytest.mark.parametrize(
    "line",
    [
        "ultralytics @ https://files.pythonhosted.org/packages/aa/ultralytics-8.3.41-py3-none-any.whl",
        "https://mirror.example.org/simple/ultralytics/ultralytics-8.3.42-py3-none-any.whl#egg=ultralytics",
        "./wheels/ultralytics-8.3.45.tar.gz",
        "https://example.org/ultralytics-8.3.46-py3-none-any.whl?download=1",
        # red team: percent-encoded, a `v` release, a bare file name, Windows paths, other sdist suffixes
        "https://h.example/%75ltralytics-8.3.41-py3-none-any.whl",
        "https://h.example/ultralytics-v8.3.41.tar.gz",
        "ultralytics-8.3.41-py3-none-any.whl",
        "ultralytics-8.3.42.tar.gz",
        ".\\wheels\\ultralytics-8.3.41-py3-none-any.whl",
        "C:\\wheels\\ultralytics-8.3.41-py3-none-any.whl",
        "https://h.example/ultralytics-8.3.45.tgz",
        "./wheels/ultralytics-8.3.45.TAR.GZ",
        # second red team: extras after a local archive, a URL's trailing slash
        "./ultralytics-8.3.41-py3-none-any.whl[export]",
        "ultralytics-8.3.41-py3-none-any.whl[export]",
        "https://h/ultralytics-8.3.41-py3-none-any.whl/",
    ],
)
def test_an_archive_of_a_compromised_release_by_url_or_path_is_critical(
    repo: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    """The wheel and sdist file names say which release they are, whatever the host."""
    (repo / "requirements.txt").write_text(line + "\n")
    assert main(["requirements.txt"]) == 1
    assert "MLS402 [critical] ultralytics 8.3.4" in capsys.readouterr().out


@pytest.mark.parametrize(
    "line",
    [
        "https://example.org/ultralytics-8.3.50-py3-none-any.whl",  # a clean release
        "foo @ https://example.org/ultralytics-8.3.41-py3-none-any.whl",  # pip refuses the mismatch
        "https://example.org/downloads/ultralytics-latest.whl",  # no wheel name: no release read
        "git+https://github.com/ultralytics/ultralytics@v8.3.41",  # a VCS ref is judged as a ref
    ],
)
def test_archives_that_name_no_compromised_release_are_not_one(
    repo: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    (repo / "requirements.txt").write_text(line + "\n")
    main(["requirements.txt"])
    assert "MLS402" not in capsys.readouterr().out


@pytest.mark.parametrize(
    "line",
    [
        "./dist/transformer-0.1.0-py3-none-any.whl",  # the project's own build, near `transformers`
        "https://artifacts.example/transformer-0.1.0-py3-none-any.whl",
        "./vendor/tokenizer-2.0.tar.gz",
    ],
)
def test_an_archive_is_no_typosquat_it_is_fetched_as_a_file(
    repo: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    """No index resolves an archive by its name, so no index can hand a look-alike in its place."""
    (repo / "requirements.txt").write_text(line + "\n")
    main(["requirements.txt"])
    assert "MLS403" not in capsys.readouterr().out


def test_a_local_archive_has_its_release_looked_up(
    repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The vendored wheels of an offline build are PyPI's releases: their advisories apply."""
    (repo / "requirements.txt").write_text("pydist/torch-1.12.0-cp39-cp39-manylinux1_x86_64.whl\n")
    assert main(["requirements.txt", "--advisory-db", str(advisory_db)]) == 1
    assert "MLS401 [high] torch 1.12.0 has known vulnerabilities" in capsys.readouterr().out


def test_an_archive_by_url_has_its_release_looked_up(
    repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wheel = "https://download.pytorch.org/whl/cu113/torch-1.12.0%2Bcu113-cp39-cp39-linux_x86_64.whl"
    (repo / "requirements.txt").write_text(wheel + "\n")
    assert main(["requirements.txt", "--advisory-db", str(advisory_db)]) == 1
    assert "MLS401 [high] torch 1.12.0+cu113 has known vulnerabilities: PYSEC-1" in capsys.readouterr().out
    # Look-alike: the fixed release's wheel.
    (repo / "requirements.txt").write_text(wheel.replace("1.12.0", "1.13.1") + "\n")
    main(["requirements.txt", "--advisory-db", str(advisory_db)])
    assert "MLS401" not in capsys.readouterr().out


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
@example("https://x/a-1.0-py3-none-any.whl")
@example("%00-%ff.whl")
@example("a-" + "9" * 5000 + ".tar.gz")
def test_reading_a_release_from_any_archive_name_never_raises(word: str) -> None:
    from hooks._shared.requirements import archive_file, archive_release

    for candidate in (word, word + ".whl", word + ".tar.gz", "https://h/" + word + ".zip"):
        assert archive_release("a", candidate) is None or isinstance(archive_release("a", candidate), str)
        named = archive_file(candidate)
        # A project name is one line of name characters: it can never split into two requirements.
        assert named is None or (named[0].strip() == named[0] and "\n" not in named[0] and "=" not in named[0])
