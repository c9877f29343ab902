"""torch.load with no weights_only restricts itself on torch 2.6 and later: the package's own
metadata decides, and anything in the repository that could bring an older torch, install the
package without its requirements, or widen the restricted unpickler keeps the finding."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks.code.torch_releases import (
    _excludes_old,
    _pyproject_entries,
    _setup_cfg_entries,
    _setup_py_entries,
    installs_old_torch,
)
from tests.code.helpers import scan_code

LOADER = "import torch\n\ndef restore(path):\n    return torch.load(path, map_location='cpu')\n"
PYPROJECT = '[project]\nname = "pkg"\ndependencies = [{deps}]\n'


def mls306(root: Path, source: str = LOADER, name: str = "pkg/model.py", policy: Policy | None = None) -> list[str]:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    found = scan_code(root, source, name, policy)
    return [f.severity.value for f in found if f.rule_id == "MLS306"]


def project(root: Path, deps: str = '"torch>=2.6", "numpy"', **files: str) -> Path:
    (root / ".git").mkdir()
    (root / "pyproject.toml").write_text(PYPROJECT.format(deps=deps))
    for name, text in files.items():
        path = root / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


@pytest.mark.parametrize(
    "deps",
    [
        '"torch>=2.6"',
        '"torch>=2.7.0,<3"',
        '"torch==2.6.0"',
        '"torch~=2.8"',
        '"Torch[opt-einsum] >= 2.6"',
    ],
)
def test_a_package_requiring_torch_2_6_makes_a_default_load_low(tmp_path: Path, deps: str) -> None:
    project(tmp_path, deps)
    assert mls306(tmp_path) == ["low"]


def test_the_low_finding_names_the_metadata_and_the_fix(tmp_path: Path) -> None:
    project(tmp_path)
    (tmp_path / "pkg").mkdir()
    found = [f for f in scan_code(tmp_path, LOADER, "pkg/model.py") if f.rule_id == "MLS306"]
    assert "pyproject.toml requires torch >= 2.6" in found[0].message and "weights_only=True" in found[0].message


@pytest.mark.parametrize(
    "files",
    [
        {"setup.py": "from setuptools import setup\nsetup(name='p', install_requires=['torch>=2.6', 'numpy'])\n"},
        {"setup.py": "from setuptools import setup\nREQS = ['torch>=2.7']\nsetup(name='p', install_requires=REQS)\n"},
        {"setup.cfg": "[metadata]\nname = p\n[options]\ninstall_requires =\n    numpy\n    torch>=2.6.0\n"},
        {"pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.10"\ntorch = "^2.6"\n'},
        {"pyproject.toml": '[tool.poetry.dependencies]\ntorch = {version = ">=2.6", source = "pytorch"}\n'},
    ],
)
def test_setup_py_setup_cfg_and_poetry_declare_it_too(tmp_path: Path, files: dict[str, str]) -> None:
    (tmp_path / ".git").mkdir()
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    assert mls306(tmp_path) == ["low"]


@pytest.mark.parametrize(
    ("deps", "files"),
    [
        # no package metadata: a requirements pin alone (lightllm's shape) is no guarantee
        (None, {"requirements.txt": "torch==2.6.0\n"}),
        ('"torch>=2.0"', {}),
        ('"numpy"', {}),  # the package does not require torch at all
        ('"torch"', {}),  # any release
        # one entry for older interpreters admits torch 2.2 (llms-from-scratch's shape)
        ("'torch>=2.6; python_version >= \"3.13\"', 'torch>=2.2.2; python_version < \"3.13\"'", {}),
        ('"torch @ https://download.pytorch.org/whl/cpu/torch-2.6.0-cp311-none-linux_x86_64.whl"', {}),
        # another file can install an older torch, or the package without its requirements
        ('"torch>=2.6"', {"requirements-dev.txt": "torch==2.1.0\n"}),
        ('"torch>=2.6"', {"environment.yml": "dependencies:\n  - pytorch=2.4\n"}),
        ('"torch>=2.6"', {"Dockerfile": "FROM python:3.11\nRUN pip install torch==$TORCH\n"}),
        ('"torch>=2.6"', {"Dockerfile": "FROM python:3.11\nCOPY . /app\nRUN pip install --no-deps -e .\n"}),
        (
            '"torch>=2.6"',
            {
                ".github__workflows__ci.yml": "env:\n  TORCH_VERSION: '2.4.0'\n"
                "run: pip install torch==${TORCH_VERSION}\n"
            },
        ),
        (
            '"torch>=2.6"',
            {
                ".github__workflows__ci.yml": "matrix:\n  torch: ['2.1', '2.8']\n"
                "run: pip install torch==${{ matrix.torch }}\n"
            },
        ),
        ('"torch>=2.6"', {"nb.ipynb": '{"cells": [{"cell_type": "code", "source": "!pip install torch==2.3.1"}]}'}),
        ('"torch>=2.6"', {"vendor__torch-2.1.0-cp311-cp311-linux_x86_64.whl": ""}),
        # the default turned off, or the restricted unpickler widened, anywhere in the repository
        ('"torch>=2.6"', {"scripts__run.sh": "export TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1\npython -m pkg\n"}),
        ('"torch>=2.6"', {"pkg____init__.py": "import torch\ntorch.serialization.add_safe_globals([eval])\n"}),
    ],
)
def test_anything_that_leaves_doubt_keeps_the_load_high(
    tmp_path: Path, deps: str | None, files: dict[str, str]
) -> None:
    if deps is None:
        (tmp_path / ".git").mkdir()
        for name, text in files.items():
            (tmp_path / name).write_text(text)
    else:
        project(tmp_path, deps, **files)
    assert mls306(tmp_path) == ["high"]


def test_the_same_file_setting_its_version_variable_to_a_new_release_is_kept(tmp_path: Path) -> None:
    """litgpt's CI installs `torch==${TORCH_VERSION}` with `TORCH_VERSION: "2.8.0"` in the same file."""
    ci = 'env:\n  TORCH_VERSION: "2.8.0"\nrun: |\n  uv pip install \'.[test]\' "torch==${TORCH_VERSION}" -U\n'
    project(tmp_path, '"torch>=2.7"', **{".github__workflows__tests.yml": ci})
    assert mls306(tmp_path) == ["low"]


@pytest.mark.parametrize(
    "call",
    [
        "torch.load(path, pickle_module=pickle)",  # a pickle_module makes the default False
        "torch.load(path, None, pickle)",  # ... also given positionally
        "torch.load(path, **options)",  # keywords the code does not show
        "torch.load(path, weights_only=False)",
    ],
)
def test_calls_that_opt_out_keep_their_severity(tmp_path: Path, call: str) -> None:
    project(tmp_path)
    source = f"import pickle\nimport torch\n\ndef restore(path, options):\n    return {call}\n"
    assert mls306(tmp_path, source) == ["high"]


def test_an_inner_package_with_its_own_metadata_is_judged_by_it(tmp_path: Path) -> None:
    """The outer project requires torch 2.6, the inner one reads its requirements at build time."""
    project(tmp_path, **{"plugins__extra__setup.py": "from setuptools import setup\nsetup(install_requires=read())\n"})
    assert mls306(tmp_path, name="plugins/extra/model.py") == ["high"]
    assert mls306(tmp_path, name="pkg/model.py") == ["low"]


def test_strict_profile_keeps_the_load_high(tmp_path: Path) -> None:
    project(tmp_path)
    assert mls306(tmp_path, policy=Policy(root=tmp_path, profile="strict")) == ["high"]


@pytest.mark.parametrize(
    ("text", "old"),
    [
        ("torch>=2.6.0\n", False),
        ("import torch\nx = torch.zeros(3)\n", False),
        ("pip install torch torchvision\n", False),  # a bare name keeps what the package installed
        ("torchvision==0.15.2\n", True),  # built for torch 2.0: forces it
        ("torchvision>=0.15\ntorchaudio\n", False),
        ("torchaudio<2.6\n", True),
        ("pip install torch==2.0.1\n", True),
        ("torch<2.6\n", True),
        ("conda install pytorch=1.13 -c pytorch\n", True),
        ("RUN pip install torch==${V}\n", True),
        ("ARG V=2.8.0\nRUN pip install torch==${V}\n", False),
        ("pip install --no-deps -e .\n", True),
        ("pip install --no-deps flash-attn\n", True),  # pip's flag anywhere: what it installs is not read
        ("pip install --no-dependencies .\n", True),
        ("ENV PIP_NO_DEPS=1\n", True),
        ("torch\\\n==2.1.0\n", True),  # continued on the next line
        ("torch (==2.1.0)\n", True),
        ("torch @ git+https://github.com/pytorch/pytorch@v2.1.0\n", True),
        ("  - pytorch 2.1.0\n", True),  # conda's spaced version
        ("  - pytorch[version='<2.6']\n", True),
        ("  - pytorch::pytorch==2.1.0\n", True),  # an earlier mention on the line hides nothing
        ('RUN echo "installing torch" && pip install torch==2.1.0\n', True),
        ("pip install torch torchvision torch==2.1.0\n", True),
        ('[[package]]\nname = "torch"\nversion = "2.1.0"\n', True),  # uv.lock, poetry.lock
        ('"torch": {"hashes": [], "version": "==2.1.0"}', True),  # Pipfile.lock
        ("FROM pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime\n", True),
        ("FROM nvcr.io/nvidia/pytorch:24.10-py3\n", True),
        ("FROM nvcr.io/nvidia/pytorch:25.04-py3\n", False),
        ("FROM pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime\n", False),
        ("ultralytics>=8.3.\n" + "9" * 5000, False),  # huge numbers are not a crash
    ],
)
def test_installs_of_torch_before_2_6(text: str, old: bool) -> None:
    assert installs_old_torch(text) is old


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_metadata_readers_and_the_survey_take_any_text(text: str) -> None:
    for read in (_pyproject_entries, _setup_cfg_entries, _setup_py_entries):
        entries = read(text)
        assert entries is None or all(isinstance(entry, str) for entry in entries)
    assert isinstance(installs_old_torch(text), bool)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["==", "!=", ">=", "<=", ">", "<", "~="]),
            st.sampled_from(["1.13.1", "2.0", "2.5", "2.5.1", "2.6", "2.6.0", "2.7.1", "2.8", "3"]),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_a_requirement_taken_as_new_admits_no_release_before_2_6(clauses: list[tuple[str, str]]) -> None:
    """Real releases as the oracle: a requirement judged new admits none of torch's releases before 2.6."""
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    spec = ",".join(op + version for op, version in clauses)
    try:
        specifier = SpecifierSet(spec)
    except InvalidSpecifier:
        return
    releases = ["1.13.1", "2.0.0", "2.0.1", "2.1.0", "2.1.2", "2.2.2", "2.3.1", "2.4.0", "2.4.1", "2.5.0", "2.5.1"]
    if _excludes_old("torch" + spec):
        assert not any(specifier.contains(release) for release in releases)


def test_changed_files_that_can_change_which_torch_runs_reach_every_file_for_changed_since(tmp_path: Path) -> None:
    from hooks.code.project_fetches import ChangedPaths

    files = {
        "svc/requirements.txt": "numpy==1.26.4\n",
        "lib/requirements.txt": "torch==2.1.0\n",
        "docker/Dockerfile": "FROM python:3.11\nRUN pip install --no-deps -e .\n",
        "app/train.py": "import torch\nmodel = torch.nn.Linear(2, 2)\n",  # uses torch, changes nothing
        "app/allow.py": "import torch\ntorch.serialization.add_safe_globals([Config])\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert not ChangedPaths(["svc/requirements.txt"], tmp_path).affect("pkg/model.py")
    assert not ChangedPaths(["app/train.py"], tmp_path).affect("pkg/model.py")
    for changed in ("lib/requirements.txt", "docker/Dockerfile", "app/allow.py"):
        assert ChangedPaths([changed], tmp_path).affect("pkg/model.py"), changed


@pytest.mark.parametrize(
    ("text", "old"),
    [
        # uv's sources: an index per extra, no version
        ('torch = [\n  { index = "pytorch-cpu", extra = "cpu" },\n  { index = "cu128", extra = "gpu" },\n]\n', False),
        # poetry's constraints per Python version: one admits torch 2.1
        ('torch = [\n  {version = "^2.1", python = "<3.9"},\n  {version = "^2.7", python = ">=3.9"}\n]\n', True),
        ('torch = [{version = ">=2.6", python = "<3.9"}, {version = "^2.7", python = ">=3.9"}]\n', False),
        ("torch = [" + "{" * 3000 + "\n", True),  # never closes within the bound
    ],
)
def test_toml_arrays_under_torch(text: str, old: bool) -> None:
    assert installs_old_torch(text) is old


@pytest.mark.parametrize(
    "patch",
    [
        "torch.load = functools.partial(torch.load, weights_only=False)\n",
        "def _load(*a, **k):\n    k.setdefault('weights_only', False)\n    return _orig(*a, **k)\ntorch.load = _load\n",
        "torch.load.__kwdefaults__['weights_only'] = False\n",
        "torch.serialization._default_to_weights_only = lambda m: False\n",
        "os.environ['TORCH_FORCE_NO_' + 'WEIGHTS_ONLY_LOAD'] = '1'\n",
        "setattr(torch, 'load', loader)\n",
    ],
)
def test_a_patched_load_anywhere_in_the_repository_keeps_it_high(tmp_path: Path, patch: str) -> None:
    project(tmp_path, **{"pkg____init__.py": "import functools, os, torch\n" + patch})
    assert mls306(tmp_path) == ["high"]


@pytest.mark.parametrize(
    "files",
    [
        {".env": "TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1\n"},
        {"run.bat": "set TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1\r\n"},
        {".vscode__launch.json": '{"env": {"TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD": "1"}}'},
        {"k8s__deploy.yaml": "# " + "x" * (2 << 20) + "\nenv:\n- name: TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD\n"},
        {"pins.cfg": "torch==2.1.0\n", "requirements.txt": "-c pins.cfg\n"},
        {"install.py": "subprocess.run('pip install torch==2.1.0', shell=True)\n"},
        {"pixi.toml": '[dependencies]\npytorch = "2.1.*"\n'},
        {"Dockerfile": "FROM pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime\nCOPY . /app\nCMD python -m pkg.model\n"},
        {"Dockerfile": "FROM python:3.11\nCOPY . /app\nRUN pip install --no-deps \\\n    -e /app\n"},
    ],
)
def test_files_the_first_survey_skipped_keep_it_high(tmp_path: Path, files: dict[str, str]) -> None:
    project(tmp_path, **files)
    assert mls306(tmp_path) == ["high"]


def test_a_utf16_requirements_file_is_read(tmp_path: Path) -> None:
    project(tmp_path)
    (tmp_path / "requirements.txt").write_bytes("torch==2.1.0\n".encode("utf-16"))
    assert mls306(tmp_path) == ["high"]


@pytest.mark.parametrize(
    "metadata",
    [
        {"pyproject.toml": PYPROJECT.format(deps="\"torch>=2.6; sys_platform == 'win32'\"")},  # nothing on Linux
        {"pyproject.toml": PYPROJECT.format(deps="\"torch>=2.6; extra == 'gpu'\"")},
        {"pyproject.toml": '[tool.poetry.dependencies]\ntorch = {version = ">=2.6", optional = true}\n'},
        # a stray nested pyproject does not speak for the project installed from the top
        {
            "pyproject.toml": PYPROJECT.format(deps='"numpy"'),
            "pkg/pyproject.toml": PYPROJECT.format(deps='"torch>=2.6"'),
        },
        {
            "setup.py": "from setuptools import setup\nREQ = ['torch>=2.6']\nREQ[0] = 'torch'\n"
            "setup(install_requires=REQ)\n"
        },
        {"setup.py": "import helper\nhelper.pin(install_requires=['torch>=2.6'])\n"},
        {"setup.py": "x = " + "-" * 300000 + "1\n"},  # the parser runs out of memory: no guarantee
    ],
)
def test_metadata_that_does_not_hold_torch_at_2_6_everywhere_is_no_guarantee(
    tmp_path: Path, metadata: dict[str, str]
) -> None:
    (tmp_path / ".git").mkdir()
    for name, text in metadata.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert mls306(tmp_path) == ["high"]


def test_a_pyproject_that_is_not_utf8_is_no_guarantee(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_bytes(PYPROJECT.format(deps='"torch>=2.6"').encode() + b"# \xff\xfe\n")
    assert mls306(tmp_path) == ["high"]


def test_pickle_module_through_starred_arguments_keeps_it_high(tmp_path: Path) -> None:
    project(tmp_path)
    source = "import dill, torch\nARGS = (None, dill)\n\ndef restore(path):\n    return torch.load(path, *ARGS)\n"
    assert mls306(tmp_path, source) == ["high"]


def test_hostile_repetition_is_judged_quickly(tmp_path: Path) -> None:
    import time

    project(tmp_path, **{"install.sh": "TORCH_VERSION=2.8.0\n" + "pip install torch==${TORCH_VERSION}\n" * 8000})
    (tmp_path / "notes.txt").write_text("torch " + "--no-dep " * 25000)
    started = time.monotonic()
    mls306(tmp_path)
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("change", ["emptied", "removed", "nested"])
def test_changed_since_rescans_loads_when_the_metadata_stops_requiring_torch_2_6(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], change: str
) -> None:
    import subprocess

    from hooks.cli.mlsec import main

    def git(*args: str) -> None:
        command = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
        subprocess.run([*command, *args], cwd=tmp_path, check=True, capture_output=True)

    (tmp_path / "pyproject.toml").write_text(PYPROJECT.format(deps='"torch>=2.6"'))
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "model.py").write_text(LOADER)
    git("init", "-q", "-b", "main")
    git("add", ".")
    git("commit", "-qm", "base")
    git("checkout", "-qb", "feature")
    if change == "emptied":
        (tmp_path / "pyproject.toml").write_text(PYPROJECT.format(deps=""))
    elif change == "removed":
        git("rm", "-q", "pyproject.toml")
    else:
        (tmp_path / "pkg" / "pyproject.toml").write_text(PYPROJECT.format(deps='"numpy"'))
    git("add", "-A")
    git("commit", "-qm", "change")
    monkeypatch.chdir(tmp_path)
    main(["scan", "--no-cache", "--changed-since", "main"])
    assert "pkg/model.py:4:12: MLS306 [high]" in capsys.readouterr().out


@pytest.mark.parametrize(
    "files",
    [
        {"README.md": "Tested with:\n\n```\ntorch==2.4.0.dev20240427+cu121\n```\n"},  # documents install nothing
        {"pkg__compat.py": 'raise ImportError("needs PyTorch 2.2 or higher")\n'},  # prose, not a conda spec
        {"tests__test_env.py": "def test(monkeypatch):\n    monkeypatch.setattr(torch.cuda, 'is_available', f)\n"},
    ],
)
def test_prose_documents_and_other_patches_leave_no_doubt(tmp_path: Path, files: dict[str, str]) -> None:
    project(tmp_path, **files)
    assert mls306(tmp_path) == ["low"]


@pytest.mark.parametrize(
    "files",
    [
        {"pkg____init__.py": 'import os\nos.environ["torch_force_no_weights_only_load".upper()] = "1"\n'},
        {"pkg____init__.py": 'import os\nos.environ["TORCH_FORCE_NO_WEIGHT" + "S_ONLY_LOAD"] = "1"\n'},
        {"pkg____init__.py": "import pickle, torch\ntorch.load.__defaults__ = (None, pickle)\n"},
        {"pkg____init__.py": "import torch as T\nT.load = _load\n"},
        {"pkg____init__.py": "import torch\ntorch.load: object = _load\n"},
        {"pkg____init__.py": "import torch\n(torch.load) = _load\n"},
        {"pkg____init__.py": "import torch\nvars(torch)['load'] = _load\n"},
        {"pkg____init__.py": "import torch\ndel torch.version.git_version\n"},
        {"torch.py": "import pickle\ndef load(f, *a, **k):\n    return pickle.load(open(f, 'rb'))\n"},
        {"install.sh": "pip install torch'<2.6'\n"},
        {"install.sh": "pip install torch\\<2.6\n"},
        {"install.sh": 'pip install "torch"==2.1.0\n'},
        {"install.sh": "pip install --no-depe .\n"},
        {"Dockerfile": "ARG BASE=pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime\nFROM ${BASE}\n"},
        {".gitlab-ci.yml": "test:\n  image: pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime\n"},
        {"Makefile": "image:\n\tdocker build --build-arg TORCH_VERSION=2.1.0 .\n"},
        {"install.sh": "pip install torch==${TORCH_VERSION:-2.7.0}\n"},  # the environment may set it
        {"demo.ipynb": '{"cells": [{"source": ["!pip install \\u0074orch==2.1.0\\n"]}]}'},
        {"environment.yml": "dependencies:\n  - pytorch-gpu=2.1.0\n"},
        {"conda-lock.yml": "package:\n- name: pytorch\n  version: 2.1.0\n"},
        {"spec-file.txt": "@EXPLICIT\nhttps://conda.anaconda.org/pytorch/linux-64/pytorch-2.1.0-py3.10_0.tar.bz2\n"},
        {"requirements.txt": "torchtext\n"},  # discontinued with torch 2.3: it brings an older torch
    ],
)
def test_the_second_red_teams_cases_keep_it_high(tmp_path: Path, files: dict[str, str]) -> None:
    project(tmp_path, **files)
    assert mls306(tmp_path) == ["high"]


def test_many_variables_and_long_arrays_are_judged_quickly(tmp_path: Path) -> None:
    import time

    lines = [f"V{i}=2.7.0\npip install torch==$V{i}\n" for i in range(500)]
    project(tmp_path, **{"install.sh": "".join(lines) + ("#" + "x" * 1000 + "\n") * 500})
    (tmp_path / "many.toml").write_text(("torch = [" + " " * 4000 + "]\n") * 1000)
    started = time.monotonic()
    mls306(tmp_path)
    assert time.monotonic() - started < 10
