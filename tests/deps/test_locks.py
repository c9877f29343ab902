"""Lock files: every release an index serves is judged by its advisories and compromised releases,
at its entry's line; sources that are no index's release are not; broken files fail closed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hooks.cli.entry_points import mlsec_deps as main
from hooks.deps.locks import lock_kind, parse_lock
from hooks.deps.reading import DependencyFileError

POETRY = """\
[[package]]
name = "requests"
version = "2.28.0"
description = "HTTP"
optional = false

[package.dependencies]
torch = ">=1"

[[package]]
name = "torch"
version = "1.12.0"

[[package]]
name = "mylib"
version = "0.1.0"

[package.source]
type = "git"
url = "https://github.com/org/mylib.git"
reference = "main"
resolved_reference = "0123456789abcdef0123456789abcdef01234567"

[[package]]
name = "sneaky-utils"
version = "1.0"

[package.source]
type = "legacy"
url = "https://pypi.internal.example/simple"
reference = "internal"

[metadata]
lock-version = "2.0"
"""

UV = """\
version = 1
requires-python = ">=3.10"

[[package]]
name = "app"
version = "0.1.0"
source = { editable = "." }
dependencies = [
    { name = "torch" },
]

[[package]]
name = "torch"
version = "1.12.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "numpy" },
]

[[package]]
name = "pillow"
version = "9.4.0"
source = { git = "https://github.com/python-pillow/Pillow?rev=9.4.0#abc" }

[[package]]
name = "numpy"
version = "1.26.4"
source = { registry = "https://pypi.org/simple" }
"""

PDM = """\
[metadata]
groups = ["default", "dev"]

[[package]]
name = "torch"
version = "1.12.0"
requires_python = ">=3.7"
groups = ["default"]

[[package]]
name = "pillow"
version = "9.4.0"
path = "./vendor/pillow"
"""

PYLOCK = """\
lock-version = "1.0"
created-by = "test"

[[packages]]
name = "torch"
version = "1.12.0"
wheels = [{ name = "torch-1.12.0-cp310-cp310-manylinux1_x86_64.whl", url = "https://files.example/t.whl" }]

[[packages]]
name = "pillow"
version = "9.4.0"
vcs = { type = "git", url = "https://github.com/python-pillow/Pillow", commit-id = "abc" }
"""

PIPFILE = {
    "_meta": {
        "hash": {"sha256": "x"},
        "pipfile-spec": 6,
        "sources": [{"name": "pypi", "url": "https://pypi.org/simple"}],
    },
    "default": {
        "torch": {"hashes": ["sha256:aa"], "index": "pypi", "version": "==1.12.0"},
        "mylib": {"git": "https://github.com/org/mylib.git", "ref": "abc"},
        "local": {"path": ".", "editable": True},
    },
    "develop": {
        "torch": {"hashes": ["sha256:aa"], "index": "pypi", "version": "==1.12.0"},
        "pillow": {"version": "==9.4.0"},
        "sneaky-utils": {"version": "==1.0"},
    },
}


def run(repo: Path, name: str, text: str, advisory_db: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    code = main([name, "--advisory-db", str(advisory_db)])
    return code, capsys.readouterr().out


def lines_of(out: str, rule: str) -> list[int]:
    return sorted(int(line.split(":")[1]) for line in out.splitlines() if f" {rule} " in line)


def test_poetry_lock(repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(repo, "poetry.lock", POETRY, advisory_db, capsys)
    assert code == 1
    # Every transitive release is in a lock: an advisory there is low by default, high when strict.
    assert "poetry.lock:11:1: MLS401 [low] torch 1.12.0 has known vulnerabilities: PYSEC-1" in out
    assert "in a lock file, which lists every transitive release: reported low" in out
    # A private index's release of a known-malicious name is that release: poetry's "legacy" source.
    assert lines_of(out, "MLS402") == [25]
    assert "requests" not in out  # no advisory known for it
    assert "mylib" not in out  # a git checkout is not the index's release


def test_uv_lock(repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(repo, "sub/uv.lock", UV, advisory_db, capsys)
    assert code == 0  # only a low advisory finding
    assert lines_of(out, "MLS401") == [13]
    assert main(["--profile", "strict", "sub/uv.lock", "--advisory-db", str(advisory_db)]) == 1
    assert "sub/uv.lock:13:1: MLS401 [high] torch 1.12.0" in capsys.readouterr().out
    assert "Pillow" not in out and "pillow" not in out  # a git source of an affected version: not PyPI's release


def test_pdm_and_pylock(repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(repo, "pdm.lock", PDM, advisory_db, capsys)
    assert lines_of(out, "MLS401") == [5]
    assert "pillow" not in out  # a local folder
    _, out = run(repo, "pylock.toml", PYLOCK, advisory_db, capsys)
    assert lines_of(out, "MLS401") == [5]
    assert "pillow" not in out  # a VCS checkout
    _, out = run(repo, "pylock.gpu.toml", PYLOCK, advisory_db, capsys)
    assert lines_of(out, "MLS401") == [5]


def test_pipfile_lock(repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(repo, "Pipfile.lock", json.dumps(PIPFILE, indent=4), advisory_db, capsys)
    assert code == 1
    # torch pinned in both sections: one finding, at its first entry
    assert [line for line in out.splitlines() if " MLS401 " in line and "torch" in line] == [
        "Pipfile.lock:15:1: MLS401 [low] torch 1.12.0 has known vulnerabilities: PYSEC-1 (CVE-2022-45907); "
        "fixed in 1.13.1 (in a lock file, which lists every transitive release: reported low; `profile: strict` "
        "blocks it)"
    ]
    assert "Pillow 9.4.0" in out or "pillow 9.4.0" in out  # a develop pin inside the advisory's range
    assert lines_of(out, "MLS402") == [42]
    assert "mylib" not in out and "local" not in out


def test_look_alikes_no_advisory_no_finding(repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Fixed releases, names that only resemble popular ones, and files merely named like locks."""
    clean = POETRY.replace('"1.12.0"', '"1.13.1"').replace('name = "sneaky-utils"', 'name = "sneaky-util"')
    code, out = run(repo, "poetry.lock", clean.replace('name = "requests"', 'name = "reqeusts"'), advisory_db, capsys)
    assert code == 0, out
    assert "MLS403" not in out and "MLS404" not in out  # a lock's names are the resolver's, not typed by hand
    assert lock_kind("poetry.lock.bak") is None and lock_kind("docs/uv.lock.md") is None
    assert lock_kind("requirements.txt.lock") == "requirements" and lock_kind("requirements.lock.txt") is None


RYE_LOCK = """\
# generated by rye
# use `rye lock` or `rye sync` to update this lockfile
--extra-index-url https://download.example/whl

-e file:.
torch==1.12.0
    # via app
sneaky-utils==1.0
mylib @ git+https://github.com/org/mylib@0123456789abcdef0123456789abcdef01234567
pillow==9.6.0
"""


def test_rye_requirements_lock(repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """rye's and `uv pip compile`'s lock: pip's format, every release pinned, judged as a lock's."""
    assert lock_kind("requirements.lock") == lock_kind("requirements-dev.lock") == "requirements"
    code, out = run(repo, "requirements-dev.lock", RYE_LOCK, advisory_db, capsys)
    assert code == 1
    assert "requirements-dev.lock:6:1: MLS401 [low] torch 1.12.0" in out  # transitive: low, as in any lock
    assert lines_of(out, "MLS402") == [8]
    # Its index options are what pip takes (rye documents `pip install -r requirements.lock`).
    assert lines_of(out, "MLS405") == [3]
    assert "MLS301" not in out and "mylib" not in out and "file:." not in out
    assert "pillow" not in out.lower()  # 9.6.0 is past the advisory's range
    # Look-alike: the same pins in a requirements file are declared pins, high.
    _, out = run(repo, "requirements.txt", "torch==1.12.0\n", advisory_db, capsys)
    assert "MLS401 [high] torch 1.12.0" in out


def test_no_inline_marker_is_read_in_a_lock(repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A generated file's markers would sit in values: a description must not silence its release."""
    text = (
        '[[package]]\ndescription = """Utils\n# mlsec: ignore[MLS402] vetted"""\nname = "sneaky-utils"\n'
        'version = "1.0"\n\n[[package]]\nname = "sneaky-utils"\ndescription = "x\u2028# mlsec: ignore[MLS402] ok"\n'
        'version = "1.1"\n'
    )
    _, out = run(repo, "poetry.lock", text, advisory_db, capsys)
    assert lines_of(out, "MLS402") == [4, 8]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "poetry.lock",
            '[[package]]\nname = "torch"\nversion = "1.12.0"\n\n[package.source]\ntype = "url"\n'
            'url = "https://files.example/torch-1.12.0-cp310-cp310-linux_x86_64.whl"\n',
        ),
        (
            "uv.lock",
            '[[package]]\nname = "torch"\nversion = "1.12.0"\n'
            'source = { path = "wheels/torch-1.12.0-cp310-cp310-linux_x86_64.whl" }\n',
        ),
        (
            "uv.lock",
            '[[package]]\nname = "torch"\nversion = "1.12.0"\n'
            'source = { url = "https://files.example/torch-1.12.0.tar.gz" }\n',
        ),
        (
            "pdm.lock",
            '[[package]]\nname = "torch"\nversion = "1.12.0"\nurl = "https://files.example/torch-1.12.0.tar.gz"\n',
        ),
        (
            "pylock.toml",
            '[[packages]]\nname = "torch"\nversion = "1.12.0"\n'
            'archive = { url = "https://files.example/torch-1.12.0.tar.gz" }\n',
        ),
        ("Pipfile.lock", '{"default": {\n"torch": {"file": "https://files.example/torch-1.12.0.tar.gz"}}}'),
    ],
)
def test_an_archive_in_a_lock_is_the_release_its_file_name_says(
    repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    _, out = run(repo, name, text, advisory_db, capsys)
    assert lines_of(out, "MLS401") == [2], out
    # Look-alike: an archive of another project is not this release.
    _, out = run(repo, name, text.replace("torch-1.12.0", "other-1.12.0"), advisory_db, capsys)
    assert "MLS401" not in out


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # a local archive recorded as a path (pipenv, pdm)
        ("Pipfile.lock", '{"default": {\n"ultralytics": {"path": "./ultralytics-8.3.41-py3-none-any.whl"}}}'),
        ("pdm.lock", '[[package]]\nname = "ultralytics"\nversion = "8.3.41"\npath = "./ultralytics-8.3.41.tar.gz"\n'),
        # an archive whose file name says no version: the lock's version
        (
            "uv.lock",
            '[[package]]\nname = "ultralytics"\nversion = "8.3.41"\nsource = { path = "ultralytics.tar.gz" }\n',
        ),
        # PEP 751: no version, the wheel's file name says it
        (
            "pylock.toml",
            '[[packages]]\nname = "ultralytics"\n'
            'wheels = [{ name = "ultralytics-8.3.41-py3-none-any.whl", url = "https://f.example/u.whl" }]\n',
        ),
        # what the installer fetches from an index whatever the other keys say
        ("pdm.lock", '[[package]]\nname = "ultralytics"\nversion = "8.3.41"\neditable = true\n'),
        ("Pipfile.lock", '{"default": {\n"ultralytics": {"version": "==8.3.41", "editable": false}}}'),
        ("poetry.lock", '[[package]]\nname = "ultralytics"\nversion = "8.3.41"\n\n[package.source]\ntype = "mirror"\n'),
        # a file of another project: the file's own release
        (
            "Pipfile.lock",
            '{"default": {\n"requests": {"file": "https://f.example/ultralytics-8.3.41-py3-none-any.whl"}}}',
        ),
        # a CRLF checkout
        ("uv.lock", '[[package]]\r\nname = "ultralytics"\r\nversion = "8.3.41"\r\nsource = { registry = "x" }\r\n'),
    ],
)
def test_compromised_releases_however_the_lock_records_them(
    repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    code, out = run(repo, name, text, advisory_db, capsys)
    assert code == 1 and lines_of(out, "MLS402") == [2], out
    assert "[critical] ultralytics 8.3.41" in out


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("uv.lock", '[[package]]\nname = "torchtriton"\nversion = "latest"\nsource = { registry = "x" }\n'),
        ("uv.lock", '[[package]]\nname = "torchtriton"\nversion = "2.0"\nsource = "registry+https://x"\n'),
        ("uv.lock", '[[package]]\nname = "torchtriton"\nversion = "2.0"\nsource = { index = "x" }\n'),
        ("Pipfile.lock", '{"default": {\n"torchtriton[x]": {"version": "==2.0; python_version>\\"0\\""}}}'),
        ("Pipfile.lock", '{"default": {\n"torchtriton==2.0": {}}}'),
        ("Pipfile.lock", '{"default": {\n"torchtriton": "==2.0"}}'),
    ],
)
def test_a_malicious_name_in_an_entry_of_the_wrong_shape_stays_critical(
    repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    """The entry fails closed (MLS908) and its name is still judged by name."""
    code, out = run(repo, name, text, advisory_db, capsys)
    assert code == 1 and "MLS908" in out and "MLS402 [critical] torchtriton" in out, out


def test_a_malicious_name_is_judged_without_a_version(
    repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipfile = {"default": {"torchtriton": {"index": "pypi", "version": "*"}, "requests": {"index": "pypi"}}}
    code, out = run(repo, "Pipfile.lock", json.dumps(pipfile, indent=1), advisory_db, capsys)
    assert code == 1 and "MLS402 [critical] torchtriton" in out and "requests" not in out
    uv = '[[package]]\nname = "torch"\nsource = { registry = "https://pypi.org/simple" }\n'
    code, out = run(repo, "uv.lock", uv, advisory_db, capsys)
    assert code == 1 and "uv.lock:2:1: MLS908" in out and "without a version" in out


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("poetry.lock", "[[package]\nname = 'x'", "not valid TOML"),
        ("uv.lock", "package = 3\n", "is not a list of tables"),
        ("uv.lock", "", "no `package` list"),
        ("pylock.toml", '[[package]]\nname = "torch"\nversion = "1.12.0"\n', "no `packages` list"),
        ("Pipfile.lock", '{"_meta": {}}', "no package section"),
        ("Pipfile.lock", "{'default': {}}", "not valid JSON"),
        ("Pipfile.lock", "[1, 2]", "not a JSON object"),
        ("uv.lock", "[" * 5000, "not valid TOML"),
        ("Pipfile.lock", "[" * 100_000, "not valid JSON"),
    ],
)
def test_a_broken_lock_fails_closed(
    repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, reason: str
) -> None:
    code, out = run(repo, name, text, advisory_db, capsys)
    assert code == 1
    assert "MLS908 [medium]" in out and reason in out


def test_entries_of_the_wrong_shape_are_findings_at_their_line(
    repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = '[[package]]\nversion = "1.0"\n\n[[package]]\nname = "torch"\nversion = 1.12\n'
    code, out = run(repo, "poetry.lock", text, advisory_db, capsys)
    assert code == 1
    assert "poetry.lock:1:1: MLS908" in out and "entry 1 has no name" in out
    assert "poetry.lock:5:1: MLS908" in out and "torch has a version that is no release's" in out
    pipfile = {"default": {"torch": "==1.12.0", "x\u001b[31m": {"version": ">=1"}}}
    code, out = run(repo, "Pipfile.lock", json.dumps(pipfile, indent=2), advisory_db, capsys)
    assert code == 1
    assert "Pipfile.lock:3:1: MLS908" in out and "torch is not an object" in out and "is no project name" in out
    assert "\u001b" not in out  # a name from the file never reaches the terminal raw


def test_entries_are_found_at_their_own_lines(
    repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A `name =` of another table and a Pipfile key of `_meta` or a section are not the entry."""
    text = (
        'version = 1\n\n[[manifest.dependency-metadata]]\nname = "torch"\nversion = "1.12.0"\n\n'
        '[[distribution]]\nname = "torch"\nversion = "1.12.0"\nsource = { registry = "https://pypi.org/simple" }\n'
    )
    _, out = run(repo, "uv.lock", text, advisory_db, capsys)
    assert lines_of(out, "MLS401") == [8]  # uv's first format called the list `distribution`
    pipfile = (
        '{"_meta": {"hash": {"sha256": "x"}},\n"default": {\n"x": {"version": "==1"}},\n"develop": {\n'
        '"torch": {"version": "==1.12.0"},\n"default": {"version": "==1.0"}}}'
    )
    _, out = run(repo, "Pipfile.lock", pipfile, advisory_db, capsys)
    assert lines_of(out, "MLS401") == [5]
    bad = '[[package]]\nname = "torch"\nversion = "1.12.0"\nsource = "registry+https://pypi.org/simple"\n'
    _, out = run(repo, "uv.lock", bad, advisory_db, capsys)
    assert "uv.lock:2:1: MLS908" in out and "source of an unknown shape" in out


def test_a_pipfile_range_is_a_range(repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Some pipenv releases lock a range (`"version": ">=1.26.4"`): read as one, not unreadable;
    a malicious name in it is still judged."""
    pipfile = {"default": {"urllib3": {"version": ">=1.26.4"}, "torchtriton": {"version": ">=2.0"}}}
    code, out = run(repo, "Pipfile.lock", json.dumps(pipfile, indent=1), advisory_db, capsys)
    assert code == 1 and "MLS908" not in out and "MLS402 [critical] torchtriton" in out


def test_a_lock_without_packages_is_empty(repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """tomlkit leaves out an empty package list: pdm's and poetry's locks of a project with no
    dependencies have their metadata only. A file with neither is no lock (MLS908)."""
    meta = '[metadata]\ngroups = ["default"]\nlock_version = "4.4.1"\ncontent_hash = "sha256:e3"\n'
    code, out = run(repo, "pdm.lock", meta, advisory_db, capsys)
    assert code == 0 and out == ""
    code, out = run(repo, "pdm.lock", "[tool]\nx = 1\n", advisory_db, capsys)
    assert code == 1 and "MLS908" in out


def test_an_entry_without_a_version_pins_nothing(
    repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """uv's dynamic or editable projects carry no version: nothing is pinned, nothing is wrong."""
    code, out = run(repo, "uv.lock", '[[package]]\nname = "app"\nsource = { editable = "." }\n', advisory_db, capsys)
    assert code == 0 and out == ""


def test_many_malformed_entries_are_bounded(repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "".join(f'[[package]]\nname = "p{n}"\nversion = {n}\n\n' for n in range(5000))
    code, out = run(repo, "poetry.lock", text, advisory_db, capsys)
    assert code == 1
    assert out.count("MLS908") == 21 and "4980 more entries could not be read" in out


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["poetry", "uv", "pdm", "pylock", "pipfile", "requirements", "pixi", "conda-lock"]),
    st.text(max_size=400),
)
@example("pixi", "packages:\n- conda: a-1-b.conda\n  purls: [pkg:pypi/x%0A]\n")
@example("conda-lock", "package:\n- {name: a, version: '1', manager: conda, dependencies: {python: x}}\n")
@example("uv", '[[package]]\nname = "a"\nversion = "1"\nsource = { registry = "x" }\n' * 3)
@example("pipfile", '{"default": {"a": {"version": "==1"}}, "_meta": 1}')
@example("poetry", '[[package]]\nname = """a\nname = "b"\n"""\nversion = "1"\n')
def test_any_text_parses_or_fails_closed(kind: str, text: str) -> None:
    try:
        parsed = parse_lock(kind, text)
    except DependencyFileError:
        return
    for dependency in parsed.dependencies:
        # a release, or an index's name judged alone (known-malicious names)
        assert dependency.pinned_version or (dependency.source == "pypi" and not dependency.url)
        assert 1 <= dependency.line <= max(1, len(text.splitlines()))


def test_old_advisory_data_is_noticed_for_a_lock_only_when_strict(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """By default what the data says of a lock's releases is low but for known malware, so the
    run's notice of old data stands with the files whose verdicts block (strict: here too)."""
    old = tmp_path / "old-osv"
    old.mkdir()
    record = {
        "id": "PYSEC-9",
        "modified": "2020-01-01T00:00:00Z",
        "affected": [{"package": {"name": "torch", "ecosystem": "PyPI"}, "ranges": [
            {"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.13.1"}]}
        ]}],
    }  # fmt: skip
    (old / "PYSEC-9.json").write_text(json.dumps(record))
    (repo / "uv.lock").write_text(UV)
    assert main(["uv.lock", "--advisory-db", str(old)]) == 0
    out = capsys.readouterr().out
    assert "MLS416" not in out and "MLS401 [low] torch 1.12.0" in out
    assert main(["--profile", "strict", "uv.lock", "--advisory-db", str(old)]) == 1
    assert "MLS416 [medium]" in capsys.readouterr().out
    (repo / "requirements.txt").write_text("torch==1.12.0\n")  # look-alike: a declared pin
    assert main(["requirements.txt", "--advisory-db", str(old)]) == 1
    assert "MLS416 [medium]" in capsys.readouterr().out


def test_an_include_in_a_requirements_lock_fails_closed(
    repo: Path, advisory_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """pip and `uv pip sync` follow `-r`; the included file may hold any release. Look-alike: a
    requirements file's include is followed as before."""
    (repo / "more.txt").write_text("sneaky-utils==1.0\n")
    code, out = run(repo, "requirements.lock", "torch==1.12.0\n-r more.txt\n--constraint=c.txt\n", advisory_db, capsys)
    assert code == 1 and lines_of(out, "MLS908") == [2, 3]
    _, out = run(repo, "requirements.txt", "-r more.txt\n", advisory_db, capsys)
    assert "MLS402" in out
