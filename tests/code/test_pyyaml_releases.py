"""FullLoader builds Python objects only on PyYAML before 5.4: what the project installs decides."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.paths import find_repo_root
from hooks._core.policy import Policy
from hooks.code.project_fetches import is_tooling
from hooks.code.pyyaml_releases import is_dependency_file, text_is_old
from tests.code.helpers import scan_code

# Request data reaching each shape of the call: in a service, what it loads comes from outside.
SERVICE = (
    "import yaml\nfrom flask import Flask, request\napp = Flask(__name__)\n"
    "@app.post('/spec')\ndef spec():\n"
    "    a = yaml.load(request.data, Loader=yaml.FullLoader)\n"
    "    b = yaml.full_load(request.data)\n"
    "    c = yaml.load(request.data)\n"
    "    d = yaml.load(request.data, Loader=yaml.Loader)\n"  # look-alike: unsafe on every release
    "    e = yaml.unsafe_load(request.data)\n"
    "    return 'ok'\n"
)


def mls305(tmp_path: Path, name: str = "serve.py", policy: Policy | None = None) -> list[tuple[int, str]]:
    found = scan_code(tmp_path, SERVICE, name, policy)
    return sorted((f.line, f.severity.value) for f in found if f.rule_id == "MLS305")


@pytest.mark.parametrize(
    "declared",
    [
        "pyyaml==5.3.1",  # pinned before the fix
        "PyYAML<5.4",
        "pyyaml<=5.3",
        "pyyaml~=5.3.0",
        "pyyaml==4.*",
        "  - pyyaml=5.3",  # conda: any 5.3.x
        'pyyaml = "~5.3"',  # poetry's tilde
        'PyYAML = {version = "==5.3"}',  # Pipfile
        "pip install pyyaml==5.1.2 torch",
        "pyyaml @ git+https://github.com/yaml/pyyaml@5.1",  # any release
        'install_requires=["pyyaml==5.1", "numpy==6.0"]',
        "pyyaml<5.4.0",  # the same bound as <5.4
        "pyyaml>=5.1,<5.4.0",
        "pyyaml[libyaml]==5.3.1",
        "pyyaml \\\n    ==5.3.1",  # continued on the next line
        "./vendor/PyYAML-5.3.1.tar.gz",
        "https://files.example/PyYAML-5.3.1-cp38-cp38-manylinux1_x86_64.whl",
        "RUN pip install PyYAML==$V",  # a version held in a variable
        '"PyYAML==" + V',
        "!pip install pyyaml=={V}",
        'pyyaml = {extras = ["x"], version = "5.3.1"}',
        'pyyaml = [{version = "<5.4", python = "<3.8"}, {version = "6.0", python = ">=3.8"}]',
        "  - pyyaml=5.3",  # conda: any 5.3.x
    ],
)
def test_declarations_that_install_a_release_before_the_fix(declared: str) -> None:
    assert text_is_old(declared)


@pytest.mark.parametrize(
    "declared",
    [
        "pyyaml",
        "PyYAML==6.0.1",
        "pyyaml>=5.4.1, <7",
        "PyYAML>=3.12",  # a lower bound: pip installs the newest
        "pyyaml<6",  # 5.4.1
        "pyyaml~=5.3",  # below 6: 5.4.1
        'pyyaml = "^5.1"',
        "pyyaml==5.*",
        "pyyaml ; python_version < '3'",
        "types-PyYAML==5.1",  # another package
        "pyyaml-include==1.2",
        "pyyaml==6.0 numpy==1.19",
    ],
)
def test_declarations_that_install_a_fixed_release(declared: str) -> None:
    assert not text_is_old(declared)


def test_without_an_old_pyyaml_fullloader_and_no_loader_are_low_and_the_unsafe_loader_stays(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("flask==3.0.3\npyyaml>=5.4\n")
    assert mls305(tmp_path) == [(6, "low"), (7, "low"), (8, "low"), (9, "high"), (10, "high")]
    found = scan_code(tmp_path, SERVICE, "serve.py")
    assert "since PyYAML 5.4" in next(f.message for f in found if f.rule_id == "MLS305" and f.line == 6)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("requirements.txt", "pyyaml==5.3.1\n"),
        ("requirements/base.txt", "PyYAML<5.4\n"),
        ("setup.py", "setup(install_requires=['pyyaml==5.1.2'])\n"),
        ("environment.yml", "dependencies:\n  - pyyaml=5.3\n"),
        ("Dockerfile", "FROM ubuntu:20.04\nRUN apt-get install -y python3-yaml\n"),  # 5.3.1 there
        ("../Pipfile.lock", '{"default": {"pyyaml": {"hashes": ["sha256:00"], "version": "==5.3.1"}}}'),
        ("../docker/Dockerfile", "FROM fedora:33\nRUN dnf install -y python3-pyyaml\n"),  # not on the code's path
        ("../requirements/prod/base.txt", "PyYAML==5.3.1\n"),
        ("../dev-requirements.txt", "pyyaml<5.4.0\n"),
        ("../tox.ini", "[testenv]\ndeps =\n    pyyaml==5.3\n"),
        (
            "../uv.lock",
            '[[package]]\nname = "pyyaml"\nsource = { registry = "https://pypi.org/simple" }\nversion = "5.3.1"\n',
        ),
        (
            "../lib/tags.py",
            "yaml.add_multi_constructor('tag:yaml.org,2002:python/object', f, Loader=yaml.Full" + "Loader)\n",
        ),
        ("../lib/patch.py", "import yaml\nyaml.FullLoader = yaml.UnsafeLoader\n"),
        ("../.github/workflows/test.yml", "jobs:\n  t:\n    steps:\n      - run: pip install pyyaml==5.3.1\n"),
    ],
)
def test_a_project_holding_an_old_pyyaml_keeps_the_findings(tmp_path: Path, name: str, text: str) -> None:
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    code = project / "app"
    code.mkdir()
    declared = (code / name).resolve()
    declared.parent.mkdir(parents=True, exist_ok=True)
    declared.write_text(text)
    assert [s for _, s in mls305(project, "app/serve.py")] == ["high"] * 5


def test_a_notebook_installing_an_old_pyyaml_keeps_the_finding(tmp_path: Path) -> None:
    from tests.code.helpers import notebook

    cells = notebook("!pip install pyyaml==5.3.1", "import yaml\ncfg = yaml.load(open(path), Loader=yaml.FullLoader)")
    found = scan_code(tmp_path, cells, "eda.ipynb")
    assert [f.severity.value for f in found if f.rule_id == "MLS305"] == ["high"]
    fixed = notebook("!pip install pyyaml==6.0.2", "import yaml\ncfg = yaml.load(open(path), Loader=yaml.FullLoader)")
    assert [f.severity.value for f in scan_code(tmp_path, fixed, "eda.ipynb") if f.rule_id == "MLS305"] == ["low"]


def test_a_lock_file_is_read_for_its_own_entry_not_for_what_dependents_require(tmp_path: Path) -> None:
    lock = (
        '[[package]]\nname = "jupytext"\nversion = "1.2"\n\n[package.dependencies]\npyyaml = ">=3.08"\n\n'
        '[[package]]\nname = "pyyaml"\nversion = "6.0"\n'
    )
    (tmp_path / "poetry.lock").write_text(lock)
    assert [s for _, s in mls305(tmp_path)] == ["low", "low", "low", "high", "high"]
    (tmp_path / "poetry.lock").write_text(lock.replace('version = "6.0"', 'version = "5.3.1"'))
    find_repo_root(tmp_path)  # a new run: the repository is surveyed again
    assert [s for _, s in mls305(tmp_path)] == ["high"] * 5


def test_the_strict_profile_keeps_every_finding(tmp_path: Path) -> None:
    assert [s for _, s in mls305(tmp_path, policy=Policy(root=tmp_path, profile="strict"))] == ["high"] * 5


def test_the_whole_repository_is_surveyed_so_one_samples_old_pin_keeps_every_finding(tmp_path: Path) -> None:
    """What runs a module is not told by its folder: a Dockerfile or CI job elsewhere may install
    its environment. One old pin anywhere keeps the FullLoader findings of the whole repository."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "samples" / "new").mkdir(parents=True)
    (tmp_path / "samples" / "new" / "requirements.txt").write_text("PyYAML==6.0.2\n")
    assert [s for _, s in mls305(tmp_path, "samples/new/serve.py")] == ["low", "low", "low", "high", "high"]
    (tmp_path / "samples" / "old").mkdir()
    (tmp_path / "samples" / "old" / "requirements.txt").write_text("PyYAML==5.3.1\n")
    find_repo_root(tmp_path)
    assert [s for _, s in mls305(tmp_path, "samples/new/serve.py")] == ["high"] * 5


def test_installs_named_anywhere_in_the_repository_are_read(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "requirements.txt").write_text("PyYAML==6.0.2\n")
    cases = {
        "noxfile.py": "session.install('pyyaml==5.3.1')\n",
        "recipe/meta.yaml": "requirements:\n  run:\n    - pyyaml 5.3.1\n",
        "pixi.toml": '[dependencies]\npyyaml = "==5.3.1"\n',
        "pyproject.toml": '[tool.poetry.dependencies.pyyaml]\nversion = "5.3.1"\n',
        "Pipfile": '[packages]\npyyaml = {git = "https://github.com/yaml/pyyaml", ref = "5.3.1"}\n',
        "env.yml": "dependencies:\n  - pyyaml[version='<5.4']\n",
        "wheels/PyYAML-5.3.1-cp38-cp38-linux_x86_64.whl": "",
        "install.py": "subprocess.run(['pip', 'install', 'PyYAML' + SPEC])\n",
        "notebooks/setup.ipynb": '{"cells": [{"source": ["!pip install pyyaml==5.3.1"]}]}',
        "lib/patch.py": "import yaml\nyaml.load = functools.partial(yaml.load, Loader=yaml.Loader)\n",
        "lib/alias.py": "import yaml as y\ny.full_load = y.unsafe_load\n",
        "lib/split.py": "import yaml\ngetattr(yaml.FullLoader, 'add_' 'multi_constructor')(TAG, f)\n",
        "requirements-extra.txt": "pyyaml<6,!=5.4,!=5.4.1\n",  # only releases before 5.4 remain
        "docker/Dockerfile": "FROM python:3.5-slim\nRUN pip install pyyaml\n",  # 5.4 needs 3.6: 5.3.1
        "requirements-7.txt": "# -*- coding: utf-7 -*-\np+AHk-yaml==5.3.1\n",
        "notebooks/big.ipynb": '{"cells": [{"source": ["!pip install pyyaml==5.3.1"]}], "x": "'
        + "0" * (5 << 20)
        + '"}',
        "reqs-vcs.txt": "git+https://github.com/yaml/pyyaml.git@0123456789abcdef0123456789abcdef01234567\n",
        "setup-split.py": "setup(install_requires=['pyyaml' '<5.4'])\n",
        "pyproject-escaped.toml": '[project]\ndependencies = ["\\u0070yyaml==5.3.1"]\n',
        "ci.sh": 'pip install "pyyaml$SPEC"\n',
        "poetry.lock": '[[package]] # x\nname = "pyyaml" # x\nversion = "5.3.1"\n',
        "lib/tuple.py": "import yaml\nyaml.full_load, _ = yaml.unsafe_load, None\n",
        "lib/other.py": "import yaml\nm = yaml\nm.full_load = loader\n",
        "lib/code.py": "import yaml\nyaml.full_load.__code__ = yaml.unsafe_load.__code__\n",
        "lib/bases.py": "import yaml\nyaml.FullLoader.__bases__ = yaml.UnsafeLoader.__bases__\n",
        "lib/wide.py": "import yaml\nyaml.\uff46ull_load = yaml.unsafe_load\n",
        "bin/serve": "#!/usr/bin/env python3\nimport yaml\nyaml.add_multi_constructor('!x', f)\n",
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        find_repo_root(tmp_path)
        assert [s for _, s in mls305(tmp_path, "svc/serve.py")] == ["high"] * 5, name
        path.unlink()


def test_includes_are_followed_and_what_cannot_be_followed_counts_as_old(tmp_path: Path) -> None:
    (tmp_path / "pins").mkdir()
    (tmp_path / "pins" / "base.txt").write_text("PyYAML==5.3.1\n")
    (tmp_path / "requirements.txt").write_text("flask\n-r pins/base.txt\n")
    assert [s for _, s in mls305(tmp_path)] == ["high"] * 5
    (tmp_path / "pins" / "base.txt").write_text("PyYAML==6.0.2\n")
    find_repo_root(tmp_path)
    assert [s for _, s in mls305(tmp_path)] == ["low", "low", "low", "high", "high"]
    (tmp_path / "requirements.txt").write_text("-c ../outside.txt\n")  # outside the repository
    find_repo_root(tmp_path)
    assert [s for _, s in mls305(tmp_path)] == ["high"] * 5


def test_a_linked_or_utf16_dependency_file_is_judged_or_counts_as_old(tmp_path: Path) -> None:
    (tmp_path / "reqs.txt").write_text("pyyaml>=6\n")
    (tmp_path / "requirements.txt").symlink_to(tmp_path / "reqs.txt")
    assert [s for _, s in mls305(tmp_path)] == ["high"] * 5  # a link is not followed
    (tmp_path / "requirements.txt").unlink()
    (tmp_path / "requirements-win.txt").write_bytes("PyYAML==5.3.1\r\n".encode("utf-16"))
    find_repo_root(tmp_path)
    assert [s for _, s in mls305(tmp_path)] == ["high"] * 5


def test_other_objects_dunder_stores_do_not_count_as_widening() -> None:
    from hooks.code.pyyaml_releases import widens_loaders

    assert not widens_loaders(b"import yaml\nself._scheduler.__dict__[key] = value\nstep.__class__ = Other\n")
    assert widens_loaders(b"import yaml\nyaml.full_load.__code__ = yaml.unsafe_load.__code__\n")


@pytest.mark.parametrize(
    ("text", "widens"),
    [
        # a module named like a loader is no registration (`yaml_loader` inside `_yaml_loader`)
        ("from lm_eval.tasks._yaml_loader import load_yaml\n", False),
        # a constructor on the module's own loader class: PyYAML gives that class its own copy
        ("import yaml\nclass L(yaml.CSafeLoader): ...\nyaml.add_constructor('!function', f, Loader=L)\n", False),
        ("import yaml\ndef make():\n    class L(yaml.SafeLoader): ...\n    L.add_constructor('!f', f)\n", False),
        # yaml's default adds to Loader, FullLoader and UnsafeLoader; yaml's own loaders; a rebound name
        ("import yaml\nyaml.add_constructor('!function', f)\n", True),
        ("import yaml\nyaml.add_constructor('!f', f, Loader=yaml.FullLoader)\n", True),
        ("import yaml\nclass L(yaml.SafeLoader): ...\nL = yaml.FullLoader\nL.add_constructor('!f', f)\n", True),
        ("from yaml import Loader\nclass Loader: ...\nyaml.add_constructor('!f', f, Loader=Loader)\n", True),
        ("import yaml\nclass L(yaml.SafeLoader): ...\nwith x as L:\n    L.add_constructor('!f', f)\n", True),
        # a registration that is not such a call, or a module that does not parse
        ("import yaml\nclass L: ...\nL.add_constructor('!f', f)\ngetattr(yaml, 'add_constructor')('!g', g)\n", True),
        ("import yaml\nclass L: ...\nL.add_constructor('!f', f\n", True),
        ("class Conf(yaml.YAMLObject):\n    yaml_loader = yaml.FullLoader\n", True),
        # a decorator can return any class; a star import or globals() binds names unseen; a
        # class of another scope is not the one the registration names
        ("import yaml\n@swap\nclass L: ...\nyaml.add_constructor('!f', f, Loader=L)\n", True),
        (
            "from yaml import *\ndef g():\n    class FullLoader: ...\nadd_constructor('!f', f, Loader=FullLoader)\n",
            True,
        ),
        (
            "import yaml\nclass L: ...\nglobals()['L'] = yaml.FullLoader\nyaml.add_constructor('!f', f, Loader=L)\n",
            True,
        ),
        ("import yaml\ndef g():\n    class L: ...\nyaml.add_constructor('!f', f, Loader=L)\n", True),
        ("import yaml\nclass L(metaclass=pick): ...\nL.add_constructor('!f', f)\n", True),
        (
            "import sys, yaml\nclass L: ...\nsys.modules[__name__].L = yaml.FullLoader\nL.add_constructor('!f', f)\n",
            True,
        ),
        ("import yaml\nclass L: ...\nexec('L = yaml.FullLoader')\nL.add_constructor('!f', f)\n", True),
    ],
)
def test_registrations_widen_fullloader_unless_on_the_modules_own_class(text: str, widens: bool) -> None:
    from hooks.code.pyyaml_releases import widens_loaders

    assert widens_loaders(text.encode()) is widens


def test_an_outer_repositorys_pins_hold_for_a_submodules_code(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "requirements.txt").write_text("pyyaml==5.3.1\n")
    (tmp_path / "svc" / ".git").mkdir(parents=True)
    assert [s for _, s in mls305(tmp_path, "svc/serve.py")] == ["high"] * 5


def test_a_dependency_file_that_cannot_be_read_whole_counts_as_old(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("# " + "x" * (2 << 20) + "\npyyaml>=6\n")
    assert [s for _, s in mls305(tmp_path)] == ["high"] * 5


def test_a_changed_dependency_file_naming_yaml_reaches_every_file_for_changed_since(tmp_path: Path) -> None:
    from hooks.code.project_fetches import ChangedPaths

    for name in ("requirements.txt", "requirements-dev.in", "setup.cfg", "pyproject.toml", "Pipfile.lock"):
        assert is_dependency_file(name)
    assert not is_dependency_file("README.md") and not is_tooling("svc/notes.txt")
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "requirements.txt").write_text("numpy==1.21.0\n")
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "requirements.txt").write_text("PyYAML==5.3.1\n")
    assert not ChangedPaths(["svc/requirements.txt"], tmp_path).affect("app/config.py")
    assert ChangedPaths(["lib/requirements.txt"], tmp_path).affect("app/config.py")
    assert ChangedPaths(["gone/requirements.txt"], tmp_path).affect("app/config.py")  # deleted: it may have held one


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="pyamlPYAML=<>~^!.,*0123456789 \n\"';#[]{}-@:", max_size=300))
def test_any_text_is_judged_quickly_without_raising(text: str) -> None:
    started = time.monotonic()
    text_is_old(text)
    text_is_old("pyyaml" + text)
    text_is_old(("apt " * 2000 + "python3-yaml\n") if text else "")
    assert time.monotonic() - started < 1.0


@given(
    st.lists(
        st.sampled_from(
            ["add_constructor", "(", ")", "Loader=L", ",", "class L:", "\n", "    ", "L = x", "yaml.", "L.", "'!t'"]
        ),
        max_size=30,
    )
)
def test_judging_registrations_takes_any_text(parts: list[str]) -> None:
    """Garbage around registrations: an answer, never an error; a module without a class of its
    own that registers anything widens."""
    from hooks.code.pyyaml_releases import widens_loaders

    text = "".join(parts)
    verdict = widens_loaders(text.encode())
    if re.search(r"(?<!\w)add_constructor(?!\w)", text) and "class L" not in text:
        assert verdict


def test_many_registrations_on_the_own_class_are_one_verdict() -> None:
    """Thousands of registrations are judged in one walk of the module (the per-registration walk
    took minutes on such a file; speed itself is measured in bench/)."""
    from hooks.code.pyyaml_releases import widens_loaders

    text = "import yaml\nclass L(yaml.SafeLoader): ...\n" + "yaml.add_constructor('!t', f, Loader=L)\n" * 6000
    assert not widens_loaders(text.encode())
    assert widens_loaders((text + "yaml.add_constructor('!u', g)\n").encode())
