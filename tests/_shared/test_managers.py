"""managers.py: a manager's install words become `[manager, how, *index options, *requirements]`."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._shared.managers import MANAGER_VERBS, manager_install


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["poetry", "add", "x@1.2.3", "y@^2", "z@>=3", "w@=4.0"], ["poetry", "add", "x==1.2.3", "y", "z>=3", "w==4.0"]),
        (["uv", "tool", "install", "--with=a,b", "ruff@latest"], ["uv", "install", "a", "b", "ruff"]),
        (["uv", "add", "--frozen", "-r", "r.txt", "torch"], ["uv", "install", "torch"]),
        (["pdm", "-c", "cfg.toml", "add", "-dG", "docs", "mkdocs"], ["pdm", "add", "mkdocs"]),
        (["pipenv", "install", "--index", "internal", "--index=https://h.example/simple", "x"], [
            "pipenv", "add", "--index-url", "https://h.example/simple", "x"
        ]),
        (["pipx", "install", "--spec", "git+https://h.example/o/app.git", "app"], [
            "pipx", "install", "git+https://h.example/o/app.git"
        ]),
        (["pipx", "inject", "venv", "rich", ">", "log"], ["pipx", "install", "rich"]),
        # tool runners: the tool (or --from/--spec) and --with packages; the rest is the tool's
        (["uvx", "--with", "rich", "ruff@0.6.0", "check", "sklearn"], ["uvx", "run", "rich", "ruff==0.6.0"]),
        (["uvx", "--from", "httpie", "http", "GET", "x"], ["uvx", "run", "httpie"]),
        (["uv", "tool", "run", "black", "."], ["uv", "run", "black"]),
        (["uv", "run", "--with", "rich", "script.py", "torch"], ["uv", "run", "rich"]),
        (["pipx", "run", "--spec", "git+https://h.example/a.git", "app", "x"], [
            "pipx", "run", "git+https://h.example/a.git"
        ]),
        # look-alikes: no installing verb
        (["poetry", "show", "x"], None),
        (["uv", "run", "add"], ["uv", "run"]),  # the project's own command `add`: nothing installed
        (["pipx", "list"], None),
    ],
)  # fmt: skip
def test_manager_install(words: list[str], expected: list[str] | None) -> None:
    assert manager_install(words[0], words) == expected


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(MANAGER_VERBS)), st.lists(st.text(max_size=20), max_size=12))
def test_any_words_never_raise_and_keep_the_shape(manager: str, rest: list[str]) -> None:
    found = manager_install(manager, [manager, *rest])
    if found is not None:
        assert found[0] == manager and found[1] in ("add", "install", "run")
        assert all(isinstance(word, str) for word in found)
