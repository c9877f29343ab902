"""A pickle-format download (MLS311) that is only read by loaders refusing pickles is low."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks.code.pickle_free_reads import PickleFreeReads
from tests.code.helpers import notebook, scan_code

DOWNLOAD = "from huggingface_hub import hf_hub_download\nimport torch\nimport numpy as np\nimport pickle\n"


def _mls311(tmp_path: Path, source: str, name: str = "job.py", policy: Policy | None = None) -> list[str]:
    return [f.severity.value for f in scan_code(tmp_path, source, name, policy) if f.rule_id == "MLS311"]


@pytest.mark.parametrize(
    "reads",
    [
        "w = torch.load(p, weights_only=True)\n",
        "a = np.load(p)\nb = np.load(p, mmap_mode='r+')\nc = np.load(file=p, allow_pickle=False)\n",
        "def f():\n    return torch.load(p, map_location='cpu', weights_only=True)\n",
    ],
)
def test_a_download_only_read_by_loaders_that_refuse_pickles_is_low(tmp_path: Path, reads: str) -> None:
    source = DOWNLOAD + "p = hf_hub_download('org/m', 'consolidated.00.pth')\n" + reads
    assert _mls311(tmp_path, source) == ["low"]
    inline = DOWNLOAD + "w = torch.load(hf_hub_download('org/m', 'x.pt'), weights_only=True)\n"
    inline += "try:\n    __import__('cleanlab')\nexcept ImportError:\n    pass\n"  # a check that a package imports
    assert _mls311(tmp_path, inline) == ["low"]


def test_objects_the_libraries_return_are_not_the_libraries(tmp_path: Path) -> None:
    source = DOWNLOAD + (
        "cfg = {'dtype': torch.bfloat16}\nmodel = Model(cfg)\nx = torch.zeros(3)\nx.requires_grad = True\n"
        "model.weight = None\np = hf_hub_download('org/m', 'x.pt')\nw = torch.load(p, weights_only=True)\n"
    )
    assert _mls311(tmp_path, source) == ["low"]


def test_the_notebook_may_import_the_loader_after_the_download(tmp_path: Path) -> None:
    cells = notebook(
        "from huggingface_hub import hf_hub_download\nm = hf_hub_download('org/d', 'masks.npy', repo_type='dataset')",
        "import numpy as np",
        "labels = np.load(m, mmap_mode='r+')",
    )
    assert _mls311(tmp_path, cells, "tutorial.ipynb") == ["low"]


@pytest.mark.parametrize(
    "reads",
    [
        "w = torch.load(p)\n",  # torch's default before 2.6 unpickles
        "w = torch.load(p, weights_only=True)\nx = torch.load(p, weights_only=False)\n",
        "w = torch.load(p, weights_only=True, pickle_module=pickle)\n",
        "w = torch.load(p, weights_only=flag)\n",
        "a = np.load(p, allow_pickle=True)\n",
        "a = np.load(p, None, True)\n",  # allow_pickle given by position
        "a = np.load(p, **options)\n",
        "a = np.load(p)\nb = pickle.load(open(p, 'rb'))\n",  # another use unpickles it
        "a = np.load(p)\nhelper(p)\n",  # given away
        "a = np.load(p)\nq = p\n",  # copied to another name
        "a = np.load(p)\nos.system(f'python eval.py {p}')\n",
        "a = np.load(p)\nos.system('python eval.py $p')\n",  # a shell line's substitution
        "a = np.load(p)\nx = globals()['p']\n",
        "",  # never read here: whatever reads it is elsewhere
    ],
)
def test_any_other_read_keeps_the_download_blocking(tmp_path: Path, reads: str) -> None:
    source = DOWNLOAD + "import os\np = hf_hub_download('org/m', 'labels.pkl')\n" + reads
    assert _mls311(tmp_path, source) == ["medium"], reads


@pytest.mark.parametrize(
    "later",
    [
        "!python train.py --ckpt $m",
        "out = !python train.py {m}",
        "%run train.py --ckpt {m}",
        "%run -i finetune.py",  # runs in the notebook's namespace: it may read m without naming it
        "%env CKPT=$m",
        "%set_env CKPT={m}",
        "%store m",
        "%%bash -s $m\necho $1",
        "get_ipython().run_line_magic('run', '-i helper.py')",
        "ip = get_ipython()\nip.run_cell('%run -i helper.py')",
        "%alias_magic r run\n%r -i helper.py",
        "for v in get_ipython().user_ns.values():\n    pickle.load(open(v, 'rb'))",
        "%load_ext helperext",
        "%%capture\nget_ipython().safe_execfile('helper.py', get_ipython().user_ns)",
    ],
)
def test_a_notebooks_shell_or_magic_line_may_hand_the_path_on(tmp_path: Path, later: str) -> None:
    cells = notebook(
        "from huggingface_hub import hf_hub_download\nimport numpy as np, pickle\n"
        "m = hf_hub_download('org/d', 'm.npy')",
        "labels = np.load(m)",
        later,
    )
    assert _mls311(tmp_path, cells, "tutorial.ipynb") == ["medium"], later


@pytest.mark.parametrize(
    "tampering",
    [
        "old = np.load\nnp.load = lambda *a, **k: old(*a, allow_pickle=True, **k)\n",
        "def _patched(*a, **k):\n    return None\ntorch.load = _patched\n",
        "torch.serialization.add_safe_globals([exec])\n",
        "np.load.__defaults__ = (None, True)\n",
        "setattr(np, 'load', joblib.load)\n",
        "def read(np):\n    return np.load(p)\n",  # a parameter named np: which np is unknown
        "reader = lambda np: np.load(p)\n",
        "from helpers import *\n",  # may rebind np or torch
        "__import__('numpy').load = joblib.load\n",
        "w.allow_pickle = True\n",  # an .npz archive's own switch
        "fmt = np.lib.format\nold = fmt.read_array\nfmt.read_array = lambda fp, **k: old(fp, True)\n",
        "ser = torch.serialization\nalias = ser\nalias._load = None\n",
        "import sys\nsys.modules['numpy'] = joblib\n",
        "loader = np.load\nloader.__defaults__ = (None, True)\n",
        "np.__setattr__('load', joblib.load)\n",
        "np.__dict__['load'] = joblib.load\n",
        "import builtins\nbuiltins.setattr(np, 'load', joblib.load)\n",
        "import importlib\nimportlib.import_module('numpy').load = joblib.load\n",
        "match joblib:\n    case np:\n        pass\n",
        "try:\n    pass\nexcept ValueError as np:\n    pass\n",
        "torch._weights_only_unpickler._add_safe_globals([exec])\n",
        "import __main__\nfor v in __main__.__dict__.values():\n    pickle.load(open(v, 'rb'))\n",
    ],
)
def test_a_loader_that_may_not_be_the_librarys_own_keeps_the_download_blocking(tmp_path: Path, tampering: str) -> None:
    source = DOWNLOAD + "import joblib\np = hf_hub_download('org/m', 'x.pt')\nw = np.load(p)\n" + tampering
    assert _mls311(tmp_path, source) == ["medium"], tampering


def test_a_path_kept_as_a_class_attribute_may_be_read_through_it(tmp_path: Path) -> None:
    source = DOWNLOAD + (
        "class Cfg:\n    path = hf_hub_download('org/m', 'x.pkl')\n    preview = np.load(path)\nfit(Cfg.path)\n"
    )
    assert _mls311(tmp_path, source) == ["medium"]
    main = DOWNLOAD + "import __main__\np = hf_hub_download('org/m', 'x.pt')\nw = np.load(p)\nfit(__main__.p)\n"
    assert _mls311(tmp_path, main) == ["medium"]


def test_a_loader_name_bound_twice_is_not_trusted(tmp_path: Path) -> None:
    source = DOWNLOAD + "p = hf_hub_download('org/m', 'x.pt')\nnp = pickle\na = np.load(p)\n"
    assert _mls311(tmp_path, source) == ["medium"]
    attribute = DOWNLOAD + "self.p = hf_hub_download('org/m', 'x.pt')\nw = torch.load(self.p, weights_only=True)\n"
    assert _mls311(tmp_path, attribute) == ["medium"]


def test_the_strict_profile_keeps_the_download_blocking(tmp_path: Path) -> None:
    source = DOWNLOAD + "p = hf_hub_download('org/m', 'x.pt')\nw = torch.load(p, weights_only=True)\n"
    assert _mls311(tmp_path, source, policy=Policy(root=tmp_path, profile="strict")) == ["medium"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="pnt.()=,_ \n'[]", max_size=60))
def test_garbage_around_a_download_never_raises(tail: str) -> None:
    source = "p = hf_hub_download('o/r', 'x.pt')\n"
    try:
        module = ast.parse(source + tail)
    except SyntaxError:
        return
    download = next(n for n in ast.walk(module) if isinstance(n, ast.Call))
    assert PickleFreeReads(module).read_without_unpickling(download) in (True, False)
