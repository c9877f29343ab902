"""uv's index settings in pyproject.toml's [tool.uv] and uv.toml: judged as pip's index options,
with uv's index strategy deciding whether an extra index can shadow a private name."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.cli.entry_points import mlsec_deps as main
from hooks.deps.spec import FILES
from hooks.deps.uv_settings import parse_uv_toml
from tests.deps.test_locks import lines_of

PYPROJECT = """\
[project]
name = "app"
version = "0.1"
dependencies = ["torch==2.5.1"]

[tool.uv]
extra-index-url = ["https://pkgs.internal.example/simple"]
allow-insecure-host = ["pkgs.internal.example"]
find-links = ["http://wheels.internal.example/"]

[[tool.uv.index]]
name = "cu121"
url = "https://download.pytorch.org/whl/cu121"
explicit = true

[[tool.uv.index]]
name = "mirror"
url = "http://nexus.internal.example/simple"
default = true
"""


def scan(repo: Path, name: str, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    (repo / name).write_text(text)
    code = main([name])
    return code, capsys.readouterr().out


def test_uv_indexes_under_its_default_strategy(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = scan(repo, "pyproject.toml", PYPROJECT, capsys)
    assert code == 1
    # uv takes each name from the first index that has it: an extra index is no dependency confusion.
    assert "MLS405" not in out
    assert lines_of(out, "MLS407") == [8]  # allow-insecure-host: TLS checks off
    assert lines_of(out, "MLS406") == [9, 18]  # plain http find-links and default index
    assert "[tool.uv] index mirror uses plain http" in out
    assert "cu121" not in out  # an explicit https index serves only what is pinned to it


def test_an_unsafe_strategy_makes_extra_indexes_shadow(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = PYPROJECT.replace("[tool.uv]\n", '[tool.uv]\nindex-strategy = "unsafe-best-match"\n')
    _, out = scan(repo, "pyproject.toml", text, capsys)
    assert lines_of(out, "MLS405") == [8]
    assert "index-strategy unsafe-best-match takes each name from any index" in out
    assert "cu121" not in out  # explicit: still no shadowing
    # `[tool.uv.pip]` holds the settings of `uv pip` commands, with its own strategy: `uv pip`
    # uses the top level's indexes under it too.
    pip = '[tool.uv.pip]\nindex-strategy = "unsafe-first-match"\nextra-index-url = ["https://p.internal.example/s"]\n'
    _, out = scan(repo, "pyproject.toml", PYPROJECT + pip, capsys)
    assert lines_of(out, "MLS405") == [7, PYPROJECT.count("\n") + 3]
    assert "[tool.uv] pip extra-index-url" in out
    assert "`uv pip` takes each name from any index ([tool.uv] pip index-strategy unsafe-first-match)" in out


def test_pypi_as_an_extra_index_beside_a_private_default(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """uv looks at extra indexes before the default one, whatever the strategy: PyPI there wins
    over a private default index for any name PyPI holds. Look-alikes: PyPI as the default with a
    private extra (first-index: no shadowing), and PyPI extra beside PyPI's own default."""
    text = '[tool.uv]\nindex-url = "https://pypi.corp.example/simple"\nextra-index-url = ["https://pypi.org/simple"]\n'
    _, out = scan(repo, "pyproject.toml", text, capsys)
    assert lines_of(out, "MLS405") == [3]
    assert "uv looks at it before https://pypi.corp.example/simple, and PyPI has any name" in out
    swapped = '[tool.uv]\nextra-index-url = ["https://pypi.corp.example/simple"]\n'
    _, out = scan(repo, "pyproject.toml", swapped, capsys)
    assert "MLS405" not in out
    _, out = scan(repo, "uv.toml", '[[index]]\nurl = "https://pypi.org/simple"\n', capsys)
    assert "MLS405" not in out
    tables = (
        '[[index]]\nurl = "https://pypi.org/simple"\n\n[[index]]\nurl = "https://nexus.corp/simple"\ndefault = true\n'
    )
    _, out = scan(repo, "uv.toml", tables, capsys)
    assert lines_of(out, "MLS405") == [2]


def test_uv_toml(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import re

    assert re.search(FILES, "tools/uv.toml") and not re.search(FILES, "uv.toml.bak")
    text = 'index-strategy = "unsafe-first-match"\n\n[[index]]\nurl = "https://download.pytorch.org/whl/cu121"\n'
    text += '\n[[index]]\nname = "corp"\nurl = "https://corp.example/simple"\n'
    code, out = scan(repo, "uv.toml", text, capsys)
    assert code == 1
    assert "uv.toml:4:1: MLS405 [low] uv.toml index https://download.pytorch.org/whl/cu121, a vendor's" in out
    assert "uv.toml:8:1: MLS405 [high] uv.toml index corp https://corp.example/simple" in out
    # Look-alike: the same indexes under uv's default strategy.
    code, out = scan(repo, "uv.toml", text.replace("unsafe-first-match", "first-index"), capsys)
    assert (code, out) == (0, "")


def test_malformed_uv_settings_are_what_uv_refuses(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """uv refuses a table of the wrong shape (nothing is installed from it); names are shown printable."""
    assert parse_uv_toml('index = "x"\nextra-index-url = 3\n[pip]\nfind-links = [1, {a = 2}]\n').indexes == []
    text = '[[index]]\nname = "a\\u001b[31mred"\nurl = "http://h.example/simple"\n'
    _, out = scan(repo, "uv.toml", text, capsys)
    assert "\x1b" not in out and "MLS406" in out


def test_an_explicit_index_leaves_ranges_judged_by_their_newest(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A range admitting a compromised release is low when the newest release is clean, unless an
    index of the file's own may serve older ones; an explicit index serves only what is pinned to it."""
    base = '[project]\nname = "app"\nversion = "0.1"\ndependencies = ["ultralytics>=8.3.0"]\n\n'
    explicit = '[[tool.uv.index]]\nname = "t"\nurl = "https://download.pytorch.org/whl/cpu"\nexplicit = true\n'
    _, out = scan(repo, "pyproject.toml", base + explicit, capsys)
    assert "MLS402 [low]" in out
    _, out = scan(repo, "pyproject.toml", base + explicit.replace("explicit = true", "default = true"), capsys)
    assert "MLS402 [high]" in out


def test_uv_overrides_constraints_and_archive_sources_decide_the_release(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What uv installs: an override replaces the dependency's own pin, a constraint bounds it, a
    source's wheel is the release its file name says. Look-alike: a git source is no release."""
    text = (
        '[project]\nname = "app"\nversion = "0.1"\ndependencies = ["ultralytics==8.3.40", "torch", "rich"]\n\n'
        '[tool.uv]\noverride-dependencies = ["ultralytics==8.3.41"]\n'
        'constraint-dependencies = ["ultralytics<=8.3.42"]\n\n'
        "[tool.uv.sources]\n"
        'torch = { url = "https://files.example/ultralytics-8.3.45-py3-none-any.whl" }\n'
        'rich = { git = "https://github.com/o/ultralytics-8.3.45.whl" }\n'
    )
    code, out = scan(repo, "pyproject.toml", text, capsys)
    assert code == 1
    assert lines_of(out, "MLS402") == [7, 8, 11], out


def test_indexes_are_looked_at_in_the_order_they_are_written(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """uv takes a name from the first index that has it, in the order the `[[index]]` tables are
    written: PyPI before a private index shadows it. Look-alike: the private one first."""
    pypi = '[[tool.uv.index]]\nname = "pypi"\nurl = "https://pypi.org/simple"\n'
    private = '[[tool.uv.index]]\nname = "private"\nurl = "https://nexus.example.com/repository/pypi/simple"\n'
    _, out = scan(repo, "pyproject.toml", pypi + private, capsys)
    assert lines_of(out, "MLS405") == [3]
    _, out = scan(repo, "pyproject.toml", private + pypi, capsys)
    assert "MLS405" not in out


def test_uv_toml_overrides_are_read(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = scan(repo, "uv.toml", 'override-dependencies = ["ultralytics==8.3.41"]\n', capsys)
    assert code == 1 and lines_of(out, "MLS402") == [1]


@pytest.mark.parametrize(
    "value", ['["unsafe-best-match"]', "{a = 1}", "3", "true", "[{url = 1}]", '"unsafe-best-match"']
)
def test_uv_settings_of_any_type_are_read_without_failing(
    repo: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    """uv refuses settings of the wrong type; the file's other checks still run."""
    text = '[project]\nname = "x"\nversion = "0.1"\ndependencies = ["ultralytics==8.3.41"]\n\n[tool.uv]\n'
    for key in ("index-strategy", "index", "extra-index-url", "allow-insecure-host"):
        _, out = scan(repo, "pyproject.toml", f"{text}{key} = {value}\n[tool.uv.pip]\n{key} = {value}\n", capsys)
        assert "MLS900" not in out and "MLS402" in out, (key, value, out)


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
_KEYS = st.sampled_from(
    ["index-url", "extra-index-url", "find-links", "allow-insecure-host", "index-strategy", "index", "pip", "sources"]
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_KEYS, _VALUES, max_size=6))
def test_any_uv_settings_are_read_or_skipped(uv: dict[str, object]) -> None:
    from hooks.deps.uv_settings import source_archives, uv_indexes

    for option in uv_indexes(uv, lambda text: 1, "[tool.uv]"):
        assert isinstance(option.value, str) and option.option.startswith(("-", "channel"))
    source_archives(uv.get("sources"), lambda text: 1)
