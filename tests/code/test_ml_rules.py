"""Each ML rule: a positive (through the aliases ML code uses) and a safe look-alike."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from hooks._core.policy import Policy
from tests.code.helpers import ids, scan_code

CASES = [
    ("MLS301", "import joblib\nclf = joblib.load('m.joblib')\n", "import joblib\njoblib.dump(clf, 'm.joblib')\n"),
    ("MLS301", "from joblib import load as jl\nclf = jl(p)\n", "from json import load as jl\nclf = jl(p)\n"),
    ("MLS302", "import cloudpickle as cp\nf = cp.loads(blob)\n", "import cloudpickle as cp\nblob = cp.dumps(f)\n"),
    ("MLS302", "import _pickle\nx = _pickle.loads(b)\n", "import _pickle\nb = _pickle.dumps(x)\n"),
    (
        "MLS303",
        "import numpy as np\nx = np.load(p, allow_pickle=True)\n",
        "import numpy as np\nx = np.load(p)\ny = np.load(p, allow_pickle=False)\n",
    ),
    ("MLS304", "import pandas as pd\ndf = pd.read_pickle(p)\n", "import pandas as pd\ndf = pd.read_parquet(p)\n"),
    ("MLS305", "import yaml\nc = yaml.unsafe_load(t)\n", "import yaml\nc = yaml.safe_load(t)\n"),
    (
        "MLS305",
        "from yaml import load, FullLoader\nc = load(t, Loader=FullLoader)\n",
        "from yaml import load, CSafeLoader\nc = load(t, Loader=CSafeLoader)\n",
    ),
    (
        "MLS305",
        "from ruamel.yaml import YAML\nyaml = YAML(typ='unsafe')\nc = yaml.load(t)\n",
        "from ruamel.yaml import YAML\nyaml = YAML(typ='safe')\nc = yaml.load(t)\nd = YAML().load(t)\n",
    ),
    ("MLS306", "import torch as T\nsd = T.load(p)\n", "import torch as T\nsd = T.load(p, weights_only=True)\n"),
    (
        "MLS306",
        "from torch import load as tl\nsd = tl(p, map_location='cpu', weights_only=False)\n",
        "from safetensors.torch import load_file as tl\nsd = tl(p)\n",
    ),
    (
        "MLS307",
        "from transformers import pipeline\np = pipeline('x', model=m, trust_remote_code=True)\n",
        "from transformers import pipeline\np = pipeline('x', model=m, trust_remote_code=False)\n",
    ),
    (
        "MLS307",
        "kwargs = {'trust_remote_code': True}\nm = AutoModel.from_pretrained(n, **kwargs)\n",
        "kwargs = {'trust_remote_code': False}\nm = AutoModel.from_pretrained(n, revision=SHA, **kwargs)\n",
    ),
    (
        "MLS308",
        "import torch\nm = torch.hub.load('org/repo', 'model')\n",
        "import torch\nsd = torch.hub.load_state_dict_from_url(u, weights_only=True)\n",
    ),
    (
        "MLS309",
        "from tensorflow import keras\nm = keras.models.load_model(p, safe_mode=False)\n",
        "from tensorflow import keras\nm = keras.models.load_model(p)\n",
    ),
    (
        "MLS310",
        "from tensorflow import keras\nlayer = keras.layers.Lambda(lambda x: x * 2)\n",
        "from tensorflow import keras\nlayer = keras.layers.Dense(2)\n",
    ),
    (
        "MLS311",
        "from huggingface_hub import hf_hub_download\nf = hf_hub_download('org/m', 'pytorch_model.bin')\n",
        "from huggingface_hub import hf_hub_download\nf = hf_hub_download('org/m', filename='model.safetensors')\n",
    ),
    (
        "MLS312",
        "import mlflow\nm = mlflow.sklearn.load_model(uri)\n",
        "import mlflow\nmlflow.sklearn.log_model(m, 'x')\n",
    ),
    (
        "MLS313",
        "db = FAISS.load_local(p, emb, allow_dangerous_deserialization=True)\n",
        "db = FAISS.load_local(p, emb)\n",
    ),
    ("MLS314", "answer = llm.invoke(prompt).content\nexec(answer)\n", "config = '1 + 1'\nresult = eval(config)\n"),
    (
        "MLS314",
        "out = model.generate(ids)\nvalue = eval(tokenizer.decode(out[0]))\n",
        "value = ast.literal_eval(tokenizer.decode(out[0]))\n",
    ),
    (
        "MLS314",
        "reply = client.chat(messages)\nscore = eval(reply['output'])\n",
        "expected = eval(config['expected_output'])\ngolden = eval(case.golden_response)\n",
    ),
    ("MLS314", "exec(generated_reference_code)\n", "exec(reference_code)\n"),
    (
        "MLS315",
        "import tarfile\nwith tarfile.open(p) as tar:\n    tar.extractall(dest)\n",
        "import tarfile\nwith tarfile.open(p) as tar:\n    tar.extractall(dest, filter='data')\n",
    ),
    (
        "MLS316",
        "import os, zipfile\nz = zipfile.ZipFile(p)\nfor n in z.namelist():\n    t = os.path.join(d, n)\n"
        "    open(t, 'wb').write(z.read(n))\n",
        "import os, zipfile\nz = zipfile.ZipFile(p)\nfor n in z.namelist():\n"
        "    t = os.path.join(d, os.path.basename(n))\n"
        "    open(t, 'wb').write(z.read(n))\n",
    ),
    (
        "MLS317",
        "import requests\ns = requests.Session()\ns.verify = False\n",
        "import requests\ns = requests.Session()\ns.verify = '/etc/ssl/ca.pem'\n",
    ),
    (
        "MLS317",
        "def make(client):\n    client.session.verify = False\n",
        # a program's options: `args.verify` is its own flag (blind40: ramalama's model verification)
        "def test_pull(args):\n    args.verify = False  # skip model verification\n    self.args.verify = False\n",
    ),
]


@pytest.mark.parametrize(("rule", "positive", "safe"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule(tmp_path: Path, rule: str, positive: str, safe: str) -> None:
    found = [r for r, _ in ids(scan_code(tmp_path, positive))]
    assert rule in found, found
    assert rule not in [r for r, _ in ids(scan_code(tmp_path, safe))]


def test_one_finding_per_line_where_bandit_says_the_same(tmp_path: Path) -> None:
    findings = scan_code(tmp_path, "import torch, yaml\nsd = torch.load(p)\nc = yaml.load(t, Loader=yaml.Loader)\n")
    assert ids(findings) == [("MLS305", 3), ("MLS306", 2)]


def test_bandit_findings_pass_through_with_their_ids(tmp_path: Path) -> None:
    findings = scan_code(tmp_path, "import subprocess\nsubprocess.run(cmd, shell=True)\n")
    assert ids(findings) == [("B602", 2)]
    assert findings[0].severity.value == "high" and "(bandit, confidence high)" in findings[0].message


def test_noisy_bandit_tests_are_skipped_unless_asked_for(tmp_path: Path) -> None:
    source = "import subprocess\nassert x\nsubprocess.run(['ls', p])\n"
    assert scan_code(tmp_path, source) == []
    everything = Policy(root=tmp_path, sections={"code": {"bandit_skip": []}})
    assert {"B101", "B404", "B603", "B607"} <= {f.rule_id for f in scan_code(tmp_path, source, policy=everything)}


def test_yaml_base_loader_builds_no_objects_so_bandit_b506_is_dropped(tmp_path: Path) -> None:
    source = (
        "import yaml\n"
        "a = yaml.load(stream, Loader=yaml.BaseLoader)\n"
        "b = yaml.load(stream, Loader=yaml.CBaseLoader)\n"
        "c = yaml.load(stream, Loader=yaml.FullLoader)\n"  # look-alike: builds Python objects
        "d = yaml.load(stream, Loader=yaml.UnsafeLoader)\n"
    )
    found = sorted((f.rule_id, f.line) for f in scan_code(tmp_path, source) if f.rule_id in ("B506", "MLS305"))
    assert ("B506", 2) not in found and ("B506", 3) not in found
    assert {line for _, line in found} == {4, 5}


def test_torch_hub_loads_of_local_pytorch_owned_or_commit_pinned_repositories_are_low(tmp_path: Path) -> None:
    source = (
        "import torch\n"
        "a = torch.hub.load('pytorch/vision', 'resnet18', pretrained=True)\n"
        "b = torch.hub.load('pytorch/vision:v0.10.0', 'resnet18')\n"
        "c = torch.hub.load('./hub', 'model', source='local')\n"
        "d = torch.hub.load('owner/repo:" + "0123456789abcdef0123456789abcdef01234567" + "', 'm')\n"
        "e = torch.hub.load('facebookresearch/dino:main', 'dino_vits16')\n"  # look-alikes below: high
        "f = torch.hub.load('pytorch-community/vision', 'resnet18')\n"
        "g = torch.hub.load('owner/repo:0123abc', 'm')\n"
        "h = torch.hub.load(repo, 'm')\n"
        "i = torch.hub.load('pytorch/vision:"
        + "1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c"
        + "', 'm', skip_validation=True)\n"
        "j = torch.hub.load('pytorch/vision:refs/pull/1234/head', 'm')\n"
        "def default():\n    repo = 'pytorch/vision'\n    return torch.hub.load(repo, 'resnet50')\n"
        "def load(repo, name):\n    return torch.hub.load(repo, name)\n"
    )
    graded = sorted((f.line, f.severity.value) for f in scan_code(tmp_path, source) if f.rule_id == "MLS308")
    assert graded == [
        *[(line, "low") for line in (2, 3, 4, 5)],
        *[(line, "high") for line in (6, 7, 8, 9, 10, 11)],
        (14, "low"),  # its own constant
        (16, "high"),  # the caller's repository, though another function names pytorch/vision
    ]


def test_a_function_of_the_code_named_eval_or_exec_is_not_the_builtin(tmp_path: Path) -> None:
    own = "def eval(model, X, y):\n    return model.score(X, y)\nacc = eval(m, X, y)\n"
    nested = "def f(t):\n    def exec(x):\n        return x\n    return exec(t)\n"
    later_in_module = "def run(t):\n    return eval(t)\ndef eval(x):\n    return x\n"  # resolved when run() runs
    # Fed a model's predictions, the code's own `eval` is still no eval of model output (MLS314).
    predictions = (
        "def eval(labelpred):\n    return sum(1 for l, p in labelpred if l == p)\n"
        "prediction = model.predict(X)\nprint(eval(prediction))\n"
    )
    # A star import above the def: the def binds the name after it (wandb/edu's `eval(cfg)`).
    after_star = (
        "from fastai.vision.all import *\ndef eval(cfg):\n    return cfg\nif __name__ == '__main__':\n    eval(c)\n"
    )
    for source in (own, nested, later_in_module, predictions, after_star):
        assert not [f for f in scan_code(tmp_path, source) if f.rule_id in ("B307", "B102", "MLS314")], source
    builtin = "prediction = model.predict(X)\nprint(eval(prediction))\n"
    assert "MLS314" in [f.rule_id for f in scan_code(tmp_path, builtin)]


@pytest.mark.parametrize(
    "source",
    [
        "x = eval(open('f').read())\n",
        "def eval(a):\n    return a\neval = __builtins__.eval\nx = eval(open('f').read())\n",  # rebound
        "class Trainer:\n    def eval(self):\n        pass\ndef calc(q):\n    return eval(q)\n",  # a method
        "rules = eval(open('f').read())\ndef eval(model):\n    return model\n",  # called before the def
        "try:\n    def eval(x):\n        return x\nexcept ImportError:\n    pass\ny = eval(open('f').read())\n",
        "def exec(x):\n    pass\ntry:\n    pass\nexcept ImportError as exec:\n    pass\nexec(open('f').read())\n",
        # A wrapper of the builtin, a decorator, and names rebound without being named.
        "import builtins\ndef eval(e):\n    return builtins.eval(e)\nx = eval(open('f').read())\n",
        "import builtins\ndef _b(f):\n    return builtins.eval\n"
        "@_b\ndef eval(e):\n    pass\nx = eval(open('f').read())\n",
        "def eval(e):\n    return e\nfrom builtins import *\nx = eval(open('f').read())\n",
        "from a import *\ndef eval(e):\n    return e\nfrom builtins import *\nx = eval(open('f').read())\n",
        "try:\n    from builtins import *\nexcept ImportError:\n    pass\n"
        "def eval(e):\n    return e\nx = eval(open('f').read())\n",
        # third red team: a function called while the module loads, above the def, ran the builtin
        "from fastai.vision.all import *\ndef load_cfg(p):\n    return eval(open(p).read())\n"
        "cfg = load_cfg('f')\ndef eval(cfg):\n    return cfg\n",
        "def load_cfg(p):\n    return eval(open(p).read())\n@load_cfg\ndef g():\n    pass\n"
        "def eval(cfg):\n    return cfg\n",
        # another def of the name anywhere, and names a notebook's %run brings in
        "def eval(e):\n    return e\nif cond:\n    def eval(s):\n        return s\nx = eval(open('f').read())\n",
        "def eval(e):\n    return e\nget_ipython().run_line_magic('run', 'helpers.py')\nx = eval(open('f').read())\n",
        "import builtins\ndef eval(e):\n    return e\nglobals()['eval'] = builtins.eval\nx = eval(open('f').read())\n",
        "class eval(str):\n    pass\nx = eval(open('f').read())\n",
    ],
)
def test_the_builtin_eval_or_exec_keeps_bandits_finding(tmp_path: Path, source: str) -> None:
    assert [f.rule_id for f in scan_code(tmp_path, source) if f.rule_id in ("B307", "B102")] != []
    # Fed a model's output, it is eval of model output (MLS314) as well.
    fed = source.replace("open('f').read()", "model.generate(prompt)")
    if fed != source:
        assert "MLS314" in [f.rule_id for f in scan_code(tmp_path, fed)], fed


def test_model_output_through_an_own_function_named_eval_is_still_checked(tmp_path: Path) -> None:
    source = (
        "class Evaluator:\n    def eval(self, ds):\n        pass\n"
        "def answer(client):\n    resp = client.chat.completions.create(model='m', messages=[])\n"
        "    return eval(resp.choices[0].message.content)\n"
    )
    assert "MLS314" in [f.rule_id for f in scan_code(tmp_path, source)]


def test_eval_of_text_a_regex_limited_to_arithmetic_is_low_and_other_guards_are_not(tmp_path: Path) -> None:
    guarded = (
        "import re\n"
        "def reward(completion):\n"
        "    equation = completion.split('<answer>')[1]\n"
        "    if not re.match(r'^[\\d+\\-*/().\\s]+$', equation):\n"
        "        return 0.0\n"
        "    return eval(equation, {'__builtins__': None}, {})\n"
    )
    found = scan_code(tmp_path, guarded, "reward.py")
    assert [(f.rule_id, f.severity.value) for f in found] == [("B307", "low")]
    for weaker in (
        guarded.replace("\\d+", "\\w+"),  # \\w admits letters and underscores: names
        guarded.replace("'^[", "'[").replace("]+$'", "]+'"),  # unanchored: a prefix passes
        guarded.replace("        return 0.0\n", "        print('odd')\n"),  # the check does not stop it
        guarded.replace("    return eval(", "    equation += completion\n    return eval("),  # changed after
    ):
        severities = {f.severity.value for f in scan_code(tmp_path, weaker, "reward.py") if f.rule_id == "B307"}
        assert severities == {"medium"}, weaker


def test_yaml_load_with_the_codes_own_subclass_of_a_safe_loader_is_safe(tmp_path: Path) -> None:
    source = (
        "import yaml\n"
        "try:\n"
        "    class FloatSafeLoader(yaml.SafeLoader):\n"
        "        pass\n"
        "except Exception:\n"
        "    FloatSafeLoader = yaml.SafeLoader\n"
        "def parse(text):\n"
        "    return yaml.load(text, Loader=FloatSafeLoader)\n"
    )
    assert [f.rule_id for f in scan_code(tmp_path, source, "args.py")] == []
    unsafe_subclass = source.replace("yaml.SafeLoader):", "yaml.FullLoader):")
    assert "B506" in [f.rule_id for f in scan_code(tmp_path, unsafe_subclass, "args.py")]
    widened = source.replace(
        "        pass\n",
        "        pass\n"
        "    FloatSafeLoader.add_constructor('tag:yaml.org,2002:python/object/apply',"
        " yaml.constructor.UnsafeConstructor.construct_python_object_apply)\n",
    )
    assert "B506" in [f.rule_id for f in scan_code(tmp_path, widened, "args.py")]
    copied = source.replace(
        "        pass\n",
        "        pass\n    FloatSafeLoader.yaml_constructors = dict(yaml.FullLoader.yaml_constructors)\n",
    )
    assert "B506" in [f.rule_id for f in scan_code(tmp_path, copied, "args.py")]
    # Registering a constant for Python's tags makes it build less: still the code's safe loader.
    ignoring = source.replace(
        "        pass\n",
        "        pass\n    FloatSafeLoader.add_multi_constructor('tag:yaml.org,2002:python/', lambda l, s, n: None)\n",
    )
    assert [f.rule_id for f in scan_code(tmp_path, ignoring, "args.py")] == []
    calling = ignoring.replace("lambda l, s, n: None", "lambda l, s, n: yaml.unsafe_load(n.value)")
    assert "B506" in [f.rule_id for f in scan_code(tmp_path, calling, "args.py")]


_TUPLE_LOADER = (
    "import yaml\n"
    "class SafeLoaderWithTuple(yaml.SafeLoader):\n"
    '    """A yaml safe loader with python tuple loading capabilities."""\n'
    "    def construct_python_tuple(self, node):\n"
    "        return tuple(self.construct_sequence(node))\n"
    "SafeLoaderWithTuple.add_constructor(\n"
    "    'tag:yaml.org,2002:python/tuple', SafeLoaderWithTuple.construct_python_tuple)\n"
    "def describe(module):\n"
    "    return module.__class__.__name__\n"
    "def read(f):\n"
    "    return yaml.load(f, Loader=SafeLoaderWithTuple)\n"
)


def test_a_safe_loader_with_a_plain_tuple_builder_is_still_safe(tmp_path: Path) -> None:
    # EfficientViT's and Sana's loader: a tuple of what the safe constructor built is plain data
    assert [f.rule_id for f in scan_code(tmp_path, _TUPLE_LOADER, "misc.py")] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # the builder runs more than the safe constructor
        ("return tuple(self.construct_sequence(node))", "return eval(self.construct_scalar(node))"),
        ("return tuple(self.construct_sequence(node))", "return tuple(self.construct_object(node))"),
        ("return tuple(self.construct_sequence(node))", "x = 1\n        return tuple(self.construct_sequence(node))"),
        # the safe constructor's method or the builder is replaced where the file shows it, or by text
        (
            "def describe(module):",
            "SafeLoaderWithTuple.construct_sequence = yaml.FullLoader.construct_sequence\ndef describe(module):",
        ),
        (
            "def describe(module):",
            "type.__setattr__(SafeLoaderWithTuple, 'construct_sequence', f)\ndef describe(module):",
        ),
        ("def describe(module):", "SafeLoaderWithTuple.construct_python_tuple = f\ndef describe(module):"),
        ("def describe(module):", "def tuple(x):\n    return x\ndef describe(module):"),
        # the class changed through a dunder
        ("return module.__class__.__name__", "module.__class__ = SafeLoaderWithTuple"),
        ("return module.__class__.__name__", "SafeLoaderWithTuple.__class__.x = 1"),
        # red team: the loader or a base changes how the builder's items are built
        (
            "    def construct_python_tuple",
            "    def construct_object(self, node, deep=False):\n        return eval(node.value)\n"
            "    def construct_python_tuple",
        ),
        (
            "class SafeLoaderWithTuple(yaml.SafeLoader):",
            "class Mixin:\n    def construct_document(self, node):\n        return eval(node.value)\n"
            "class SafeLoaderWithTuple(yaml.SafeLoader, Mixin):",
        ),
        ("class SafeLoaderWithTuple(yaml.SafeLoader):", "@widen\nclass SafeLoaderWithTuple(yaml.SafeLoader):"),
        ("    def construct_python_tuple", "    flatten_mapping = evil\n    def construct_python_tuple"),
        # names rebound through text, a star import, or a class reached through its dunders
        ("def describe(module):", "setattr(builtins, 'tu' + 'ple', f)\ndef describe(module):"),
        ("def describe(module):", "from helpers import *\ndef describe(module):"),
        ("return module.__class__.__name__", "SafeLoaderWithTuple.__class__.__setattr__(SafeLoaderWithTuple, 'c', f)"),
        ("return module.__class__.__name__", "SafeLoaderWithTuple.__mro__[2].__dict__['yaml_constructors']['!e'] = f"),
        # a YAMLObject whose yaml_loader is the loader: its tag builds that class from the document
        (
            "def describe(module):",
            "class Config(yaml.YAMLObject):\n    yaml_loader = SafeLoaderWithTuple\ndef describe(module):",
        ),
        # registered on a builder the module does not define in that class
        (", SafeLoaderWithTuple.construct_python_tuple)", ", Other.construct_python_tuple)"),
        (", SafeLoaderWithTuple.construct_python_tuple)", ", yaml.FullLoader.construct_python_tuple)"),
    ],
)
def test_a_tuple_builder_that_builds_more_or_is_replaced_keeps_b506(tmp_path: Path, old: str, new: str) -> None:
    assert old in _TUPLE_LOADER
    source = _TUPLE_LOADER.replace(old, new)
    assert "B506" in [f.rule_id for f in scan_code(tmp_path, source, "misc.py")]


@pytest.mark.parametrize(
    "rebinding",
    [
        "FloatSafeLoader, _ = getattr(yaml, 'Unsafe' + 'Loader'), None\n",  # a tuple, a lookup by text
        "for FloatSafeLoader in loaders:\n    pass\n",  # a loop
        "FloatSafeLoader.__bases__ = (Base,)\n",  # the bases changed
        "import importlib\nm = importlib.import_module('yaml')\n",  # a module reached by text
    ],
)
def test_an_own_safe_loader_rebound_or_reached_through_text_is_not_trusted(tmp_path: Path, rebinding: str) -> None:
    source = (
        "import yaml\nfrom yaml.resolver import Resolver\n"
        "class Mixin(Resolver):\n    pass\n"
        "class FloatSafeLoader(yaml.SafeLoader, Mixin):\n    pass\n"
        f"{rebinding}"
        "def parse(text):\n    return yaml.load(text, Loader=FloatSafeLoader)\n"
    )
    assert "B506" in [f.rule_id for f in scan_code(tmp_path, source, "args.py")]
    clean = source.replace(rebinding, "")
    assert [f.rule_id for f in scan_code(tmp_path, clean, "args.py")] == []  # a resolver mixin is plain


def test_a_ruamel_instance_named_yaml_is_scoped_to_its_function(tmp_path: Path) -> None:
    """`yaml = YAML()` inside one function does not turn PyYAML's `yaml.load` in another function,
    or after `import yaml` rebinds the name, into ruamel's safe method."""
    source = (
        "from ruamel.yaml import YAML\n"
        "def a(t):\n"
        "    yaml = YAML()\n"
        "    return yaml.load(t)\n"
        "import yaml\n"
        "def b(t):\n"
        "    return yaml.load(t)\n"
        "def c(t, v):\n"
        "    return YAML(typ=v).load(t)\n"
    )
    assert ids([f for f in scan_code(tmp_path, source) if f.rule_id == "MLS305"]) == [("MLS305", 7), ("MLS305", 9)]
    fallback = (
        "try:\n    import yaml\nexcept ImportError:\n    from ruamel.yaml import YAML\n    yaml = YAML()\n"
        "def f(body):\n    return yaml.full_load(body)\n"
    )
    assert ids([f for f in scan_code(tmp_path, fallback) if f.rule_id == "MLS305"]) == [("MLS305", 7)]
    attribute = (
        "from ruamel.yaml import YAML\nclass Config:\n    yaml = YAML(typ='safe')\n"
        "def f(t):\n    return yaml.load(t, Loader=yaml.UnsafeLoader)\n"
    )
    assert ids([f for f in scan_code(tmp_path, attribute) if f.rule_id == "MLS305"]) == [("MLS305", 5)]


def test_tar_filters_are_judged(tmp_path: Path) -> None:
    """A filter that branches on or rewrites members is validation (no bandit B202); one that
    passes members through keeps B202; `fully_trusted` is an explicit no-check (MLS315)."""
    source = (
        "import os, tarfile\n"
        "def keep_uv(member, path):\n"
        "    if os.path.basename(member.name) != 'uv':\n"
        "        return None\n"
        "    member.path = os.path.basename(member.path)\n"
        "    return member\n"
        "def anything(member, path):\n"
        "    return member\n"
        "def run(p, d):\n"
        "    with tarfile.open(p) as tar:\n"
        "        tar.extractall(d, filter=keep_uv)\n"
        "        tar.extractall(d, filter='fully_trusted')\n"
        "        tar.extractall(d, filter=anything)\n"
        "        tar.extractall(d, filter=tarfile.data_filter)\n"
        "        tar.extractall(d, filter='data')\n"
    )
    found = sorted((f.rule_id, f.line) for f in scan_code(tmp_path, source) if f.rule_id in ("B202", "MLS315"))
    assert ("MLS315", 12) in found and ("B202", 13) in found
    assert not [line for _, line in found if line in (11, 14, 15)]
    # Filters that only look like checks: logging, normalising, falling back to no filter.
    for weak in (
        "def anything(member, path):\n    if member.isdir():\n        print(member.name)\n    return member\n",
        "def anything(member, path):\n    member.name = os.path.normpath(member.name)\n    return member\n",
        "def anything(member, path):\n    try:\n        return tarfile.data_filter(member, path)\n"
        "    except tarfile.FilterError:\n        return member\n",
    ):
        weakened = source.replace("def anything(member, path):\n    return member\n", weak)
        lines = weakened.splitlines()
        line = next(i for i, text in enumerate(lines, 1) if "filter=anything" in text)
        found = [f.line for f in scan_code(tmp_path, weakened) if f.rule_id == "B202"]
        assert line in found, weak


def test_an_extraction_after_a_check_of_member_names_is_low(tmp_path: Path) -> None:
    """CVE-2007-4559's mass-patched `safe_extract` raises on a member name outside the target
    before extractall: validation bandit's B202 says is missing. Link targets stay unchecked, so it
    is MLS315 low with that said. Look-alikes: no check, a check after the extraction, strict."""
    source = (
        "import os, tarfile\n"
        "def safe_extract(tar, path='.'):\n"
        "    for member in tar.getmembers():\n"
        "        if not os.path.abspath(os.path.join(path, member.name)).startswith(os.path.abspath(path)):\n"
        "            raise Exception('Attempted Path Traversal in Tar File')\n"
        "    tar.extractall(path)\n"
        "def unchecked(p, d):\n"
        "    with tarfile.open(p) as tar:\n"
        "        tar.extractall(d)\n"
        "def late(p, d):\n"
        "    with tarfile.open(p) as tar:\n"
        "        tar.extractall(d)\n"
        "        for m in tar.getmembers():\n"
        "            if '..' in m.name:\n"
        "                raise ValueError(m.name)\n"
    )
    found = sorted((f.rule_id, f.line, f.severity.value) for f in scan_code(tmp_path, source))
    found = [f for f in found if f[0] in ("B202", "MLS315")]
    assert ("MLS315", 6, "low") in found and not [f for f in found if f[1] == 6 and f != ("MLS315", 6, "low")]
    assert [f for f in found if f[1] in (9, 12) and f[2] != "low"], found
    strict = scan_code(tmp_path, source, policy=Policy(root=tmp_path, profile="strict"))
    assert [f for f in strict if f.line == 6 and f.rule_id in ("B202", "MLS315") and f.severity.value != "low"]
    # Checks that check nothing about these members: a loop that only prints, a raise on something
    # else, another archive's members, a checking function defined and never called.
    unchecked = (
        "import os, tarfile\n"
        "def a(path, dest, names):\n"
        "    for name in names:\n"
        "        print(name)\n"
        "    if not os.path.exists(path):\n"
        "        raise FileNotFoundError(path)\n"
        "    tarfile.open(path).extractall(dest)\n"
        "def b(path, dest):\n"
        "    tar = tarfile.open(path)\n"
        "    for member in tar.getmembers():\n"
        "        print(member.name)\n"
        "    if dest is None:\n"
        "        raise ValueError\n"
        "    tar.extractall(dest)\n"
        "def c(path, other_path, dest):\n"
        "    checked = tarfile.open(other_path)\n"
        "    for m in checked.getmembers():\n"
        "        if '..' in m.name:\n"
        "            raise ValueError\n"
        "    real = tarfile.open(path)\n"
        "    real.extractall(dest)\n"
        "def d(path, dest):\n"
        "    tar = tarfile.open(path)\n"
        "    def check(tar):\n"
        "        for m in tar.getmembers():\n"
        "            if '..' in m.name:\n"
        "                raise ValueError\n"
        "    tar.extractall(dest)\n"
        "def e(path, dest):\n"  # a size check keeps no path inside
        "    with tarfile.open(path) as tar:\n"
        "        for m in tar.getmembers():\n"
        "            if m.size > 2 * 1024**3:\n"
        "                raise ValueError(m.name)\n"
        "        tar.extractall(dest)\n"
        "def f(path, dest, validate=False):\n"  # a check that may not run
        "    with tarfile.open(path) as tar:\n"
        "        if validate:\n"
        "            for m in tar.getmembers():\n"
        "                if '..' in m.name:\n"
        "                    raise ValueError(m.name)\n"
        "        tar.extractall(dest)\n"
        "def g(path, dest):\n"  # a raise the function catches itself
        "    with tarfile.open(path) as tar:\n"
        "        try:\n"
        "            for m in tar.getmembers():\n"
        "                if '..' in m.name:\n"
        "                    raise ValueError(m.name)\n"
        "        except ValueError:\n"
        "            print('bad')\n"
        "        tar.extractall(dest)\n"
    )
    found = [(f.rule_id, f.line, f.severity.value) for f in scan_code(tmp_path, unchecked) if f.rule_id == "MLS315"]
    assert found == [("MLS315", line, "high") for line in (7, 14, 21, 28, 34, 41, 50)]


def test_pipeline_of_already_loaded_model_and_tokenizer_is_low(tmp_path: Path) -> None:
    """`pipeline(model=model, tokenizer=tokenizer, trust_remote_code=True)` after both were loaded
    with from_pretrained fetches nothing: low (the loads keep their own findings). Without a
    tokenizer object, or with names as strings, the pipeline loads by name with the flag: blocking."""
    source = (
        "import transformers\n"
        "from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline\n"
        "def model_fn(model_dir):\n"
        "    tokenizer = AutoTokenizer.from_pretrained(model_dir)\n"
        "    model = AutoModelForCausalLM.from_pretrained(model_dir, trust_remote_code=True)\n"
        "    return transformers.pipeline('text-generation', model=model, tokenizer=tokenizer,\n"
        "        trust_remote_code=True)\n"
        "def no_tokenizer(model_dir):\n"
        "    model = AutoModelForCausalLM.from_pretrained(model_dir)\n"
        "    return pipeline('text-generation', model=model, trust_remote_code=True)\n"
        "def by_name(name):\n"
        "    return pipeline('text-generation', model=name, tokenizer=name, trust_remote_code=True)\n"
        "def rebound(model_dir):\n"
        "    model = AutoModelForCausalLM.from_pretrained(model_dir)\n"
        "    tokenizer = AutoTokenizer.from_pretrained(model_dir)\n"
        "    model = 'org/other'\n"
        "    return pipeline('text-generation', model=model, tokenizer=tokenizer, trust_remote_code=True)\n"
    )
    found = sorted((f.line, f.severity.value) for f in scan_code(tmp_path, source, "serve.py") if f.rule_id == "MLS307")
    assert found == [(5, "high"), (6, "low"), (10, "high"), (12, "high"), (17, "high")]


def test_pipeline_arguments_that_fetch_code_keep_it_blocking(tmp_path: Path) -> None:
    """With the model and tokenizer loaded, a config, processor or feature extractor given by name,
    a config object (it may declare a custom pipeline), `**kwargs`, another function named
    `...pipeline`, a parameter re-loaded only when missing, or a name a `nonlocal` may rebind,
    each lets the flag fetch code: blocking."""
    head = (
        "from transformers import AutoModel, AutoTokenizer, pipeline\n"
        "def build(name, extra, model=None, tokenizer=None):\n"
        "    m = AutoModel.from_pretrained('./ckpt')\n"
        "    t = AutoTokenizer.from_pretrained('./ckpt')\n"
    )
    calls = [
        "pipeline('t', model=m, tokenizer=t, config='org/repo', trust_remote_code=True)",
        "pipeline('t', model=m, tokenizer=t, processor='org/repo', trust_remote_code=True)",
        "pipeline('t', model=m, tokenizer=t, feature_extractor='org/repo', trust_remote_code=True)",
        "pipeline('t', model=m, tokenizer=t, config=m.config, trust_remote_code=True)",
        "pipeline('t', model=m, tokenizer=t, trust_remote_code=True, **extra)",
        "pipeline('t', m, 'org/repo', t, trust_remote_code=True)",
        "my_pipeline('t', model=m, tokenizer=t, trust_remote_code=True)",
    ]
    rebound = (
        "    if model is None:\n        model = AutoModel.from_pretrained(name)\n"
        "    if tokenizer is None:\n        tokenizer = AutoTokenizer.from_pretrained(name)\n"
        "    return pipeline('t', model=model, tokenizer=tokenizer, trust_remote_code=True)\n"
    )
    source = head + "".join(f"    {call}\n" for call in calls) + rebound
    found = [f.severity.value for f in scan_code(tmp_path, source, "serve.py") if f.rule_id == "MLS307"]
    assert found == ["high"] * (len(calls) + 1)


def test_trust_remote_code_on_a_configuration_class_is_low(tmp_path: Path) -> None:
    """`GenerationConfig.from_pretrained(d, trust_remote_code=True)` reads generation_config.json
    and imports nothing, nor do an image processor's or a feature extractor's (imported inside the
    function, as NeMo does); AutoConfig resolves a class from the repository's auto_map (code
    runs), a concrete generating model loads the repository's custom generate function, a
    concrete tokenizer may ask AutoConfig, and a class of the project's own that happens to share
    the name is not transformers'."""
    text = (
        "import transformers\n"
        "from transformers import AutoConfig, GenerationConfig\n"
        "def load(d):\n"
        "    a = GenerationConfig.from_pretrained(d, trust_remote_code=True)\n"
        "    b = transformers.LlamaConfig.from_pretrained(d, trust_remote_code=True)\n"
        "    c = AutoConfig.from_pretrained(d, trust_remote_code=True)\n"
        "    e = transformers.LlamaForCausalLM.from_pretrained(d, trust_remote_code=True)\n"
        "    from transformers import SiglipImageProcessor, WhisperFeatureExtractor, LlamaTokenizer\n"
        "    f = SiglipImageProcessor.from_pretrained(d, trust_remote_code=True)\n"
        "    g = WhisperFeatureExtractor.from_pretrained(d, trust_remote_code=True)\n"
        "    h = LlamaTokenizer.from_pretrained(d, trust_remote_code=True)\n"
        "    i = transformers.LlavaNextForConditionalGeneration.from_pretrained(d, trust_remote_code=True)\n"
        "    j = transformers.AutoImageProcessor.from_pretrained(d, trust_remote_code=True)\n"
        "    k = transformers.TFLlamaConfigFeatureExtractor.from_pretrained(d, trust_remote_code=True)\n"
        "    return a, b, c, e, f, g, h, i, j, k\n"
    )
    found = {(f.line, f.severity.value) for f in scan_code(tmp_path, text, "load.py") if f.rule_id == "MLS307"}
    assert found == {
        (4, "low"),
        (5, "low"),
        (6, "high"),
        (7, "high"),
        (9, "low"),
        (10, "low"),
        (11, "high"),
        (12, "high"),
        (13, "high"),
        (14, "high"),
    }
    own = "from mylib import GenerationConfig\ng = GenerationConfig.from_pretrained(d, trust_remote_code=True)\n"
    assert [f.severity.value for f in scan_code(tmp_path, own, "own.py") if f.rule_id == "MLS307"] == ["high"]


def test_trust_remote_code_pinned_to_a_commit_of_a_named_repository_is_low(tmp_path: Path) -> None:
    """The rule's own fix: `revision="<commit>"` on a repository the code names fixes the code that
    runs to that commit's. Look-alikes keep blocking: a branch or tag, a revision or repository
    from a parameter, a commit with `code_revision` left on a branch, and a pipeline whose model
    (its second argument) comes from a parameter."""
    sha = "2f5c3cd4eace6be6c0f12981f377fb35e5bf6ee5"
    text = (
        "from transformers import AutoModelForCausalLM as Auto, pipeline\n"
        f"REVISION = '{sha}'\n"
        "def load(name, rev):\n"
        "    a = Auto.from_pretrained('tiiuae/falcon-7b', trust_remote_code=True, revision=REVISION)\n"
        f"    b = pipeline('text-generation', model='mosaicml/mpt-7b', revision='{sha}', trust_remote_code=True)\n"
        "    c = Auto.from_pretrained('tiiuae/falcon-7b', trust_remote_code=True, revision='main')\n"
        "    d = Auto.from_pretrained('tiiuae/falcon-7b', trust_remote_code=True, revision=rev)\n"
        "    e = Auto.from_pretrained(name, trust_remote_code=True, revision=REVISION)\n"
        "    f = Auto.from_pretrained(\n"
        "        'tiiuae/falcon-7b', trust_remote_code=True, revision=REVISION, code_revision='main')\n"
        "    g = pipeline('text-generation', name, revision=REVISION, trust_remote_code=True)\n"
        f"    h = Auto.from_pretrained('tiiuae/falcon-7b', trust_remote_code=True, revision='{sha[:12]}')\n"
        "    return a, b, c, d, e, f, g, h\n"
    )
    found = {(f.line, f.severity.value) for f in scan_code(tmp_path, text, "load.py") if f.rule_id == "MLS307"}
    blocking = {(line, "high") for line in (6, 7, 8, 9, 11, 12)}
    assert found == {(4, "low"), (5, "low"), *blocking}
    strict = Policy(root=tmp_path, profile="strict")
    assert {f.severity.value for f in scan_code(tmp_path, text, "load.py", strict) if f.rule_id == "MLS307"} == {"high"}


def test_a_pinned_commit_does_not_pin_what_else_the_call_may_load(tmp_path: Path) -> None:
    """Pinned, but the call can still load other code: `**options` (a request's JSON may set
    code_revision or config), a tokenizer or config named by a parameter, a further positional
    argument of pipeline, a local folder (its config's auto_map fetches another repository
    unpinned), a lambda's parameter shadowing the module's constant."""
    sha = "2f5c3cd4eace6be6c0f12981f377fb35e5bf6ee5"
    text = (
        "from transformers import AutoModel, pipeline\n"
        f"REPO, SHA = 'org/model', '{sha}'\n"
        "REPOSITORY = 'org/model'\n"
        "def load(options, tok):\n"
        f"    a = AutoModel.from_pretrained(REPOSITORY, revision='{sha}', trust_remote_code=True, **options)\n"
        f"    b = pipeline('t', model=REPOSITORY, tokenizer=tok, revision='{sha}', trust_remote_code=True)\n"
        f"    c = pipeline('t', REPOSITORY, tok, revision='{sha}', trust_remote_code=True)\n"
        f"    d = AutoModel.from_pretrained('./model', revision='{sha}', trust_remote_code=True)\n"
        f"    e = lambda REPOSITORY: AutoModel.from_pretrained(REPOSITORY, revision='{sha}', trust_remote_code=True)\n"
        f"    f = AutoModel.from_pretrained('org/model', revision='{sha}', trust_remote_code=True, config='org/m')\n"
        "    return a, b, c, d, e, f\n"
    )
    found = {(f.line, f.severity.value) for f in scan_code(tmp_path, text, "load.py") if f.rule_id == "MLS307"}
    assert found == {(5, "high"), (6, "high"), (7, "high"), (8, "high"), (9, "high"), (10, "low")}


def test_a_pinned_pipeline_given_a_tokenizer_already_loaded_is_low(tmp_path: Path) -> None:
    """`pipeline(model=REPO, tokenizer=tokenizer, revision=SHA, trust_remote_code=True)` where
    `tokenizer` holds only what `from_pretrained` returned: the pipeline uses that object and
    loads no other repository (the tokenizer's own load is judged on its line). Look-alikes keep
    blocking: the tokenizer a parameter, a name also bound to a string, and a config object (its
    auto_map still says which repository's code runs)."""
    sha = "2f5c3cd4eace6be6c0f12981f377fb35e5bf6ee5"
    text = (
        "import transformers\n"
        "from transformers import AutoTokenizer, AutoConfig\n"
        f"model = 'tiiuae/falcon-7b-instruct'; revision = '{sha}'\n"
        "tokenizer = AutoTokenizer.from_pretrained(model, padding_side='left')\n"
        "a = transformers.pipeline('t', model=model, tokenizer=tokenizer, revision=revision, trust_remote_code=True)\n"
        "def load(tok):\n"
        "    return transformers.pipeline('t', model=model, tokenizer=tok, revision=revision, trust_remote_code=True)\n"
        "other = AutoTokenizer.from_pretrained(model) if a else 'org/other-tokenizer'\n"
        "b = transformers.pipeline('t', model=model, tokenizer=other, revision=revision, trust_remote_code=True)\n"
        "config = AutoConfig.from_pretrained('org/other')\n"
        "c = transformers.AutoModel.from_pretrained(model, config=config, revision=revision, trust_remote_code=True)\n"
    )
    found = {(f.line, f.severity.value) for f in scan_code(tmp_path, text, "load.py") if f.rule_id == "MLS307"}
    assert found == {(5, "low"), (7, "high"), (9, "high"), (11, "high")}


def test_a_configuration_class_name_rebound_in_the_module_keeps_blocking(tmp_path: Path) -> None:
    text = (
        "import transformers\n"
        "from transformers import LlamaConfig\n"
        "LlamaConfig = transformers.AutoModel\n"
        "m = LlamaConfig.from_pretrained(name, trust_remote_code=True)\n"
    )
    found = [f.severity.value for f in scan_code(tmp_path, text, "x.py") if f.rule_id == "MLS307"]
    assert found == ["high"]


def test_a_configuration_class_name_shadowed_by_a_parameter_or_class_keeps_blocking(tmp_path: Path) -> None:
    for shadow in (
        "def load(LlamaConfig=AutoModel):\n    ",
        "class LlamaConfig(AutoModel):\n    pass\ndef load():\n    ",
    ):
        text = (
            "from transformers import AutoModel, LlamaConfig\n"
            + shadow
            + "return LlamaConfig.from_pretrained(name, trust_remote_code=True)\n"
        )
        found = [f.severity.value for f in scan_code(tmp_path, text, "x.py") if f.rule_id == "MLS307"]
        assert found == ["high"], shadow


def test_mlflow_flavours_with_their_own_format_say_how_loading_runs_code(tmp_path: Path) -> None:
    [native] = [
        f for f in scan_code(tmp_path, "import mlflow\nm = mlflow.xgboost.load_model(uri)\n") if f.rule_id == "MLS312"
    ]
    assert "XGBoost's own format" in native.message and "cloudpickle" not in native.message
    assert "bundled code first on sys.path" in native.message  # an untrusted model still runs code
    [pickled] = [
        f for f in scan_code(tmp_path, "import mlflow\nm = mlflow.pyfunc.load_model(uri)\n") if f.rule_id == "MLS312"
    ]
    assert "cloudpickle" in pickled.message


def test_a_ploomber_tasks_load_of_its_upstream_product_still_blocks(tmp_path: Path) -> None:
    """Lowering this was built and withdrawn (stop 62): two red teams ran 36 layouts end to end with
    real Ploomber where the load read someone else's bytes while the scan of the repository saw a
    pipeline.yaml wiring it to another task's product: the task itself downloading to the product's
    path first, a committed product with its .metadata record (Ploomber skips the task that writes
    it), `papermill_params` replacing `upstream`, Jinja and `product_relative_to_source` moving the
    path, entry points and DAG factories no text names, the upstream task writing other bytes in
    ways no list of fetching calls covers, IPython automagic running shell lines."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "tasks").mkdir()
    (tmp_path / "pipeline.yaml").write_text(
        "tasks:\n  - source: tasks/split.py\n    product:\n      X_train: output/split-X_train.pkl\n"
        "  - source: tasks/fit.py\n    product: output/fit.ipynb\n"
    )
    (tmp_path / "tasks" / "split.py").write_text(
        "import pickle\nfrom pathlib import Path\nupstream = None\nproduct = None\n"
        "Path(product['X_train']).write_bytes(pickle.dumps([1, 2]))\n"
    )
    source = (
        "import pickle\nfrom pathlib import Path\nupstream = ['split']\nproduct = None\n"
        "X_train = pickle.loads(Path(upstream['split']['X_train']).read_bytes())\n"
    )
    found = [f for f in scan_code(tmp_path / "tasks", source, "fit.py") if f.rule_id == "B301"]
    assert [f.severity.value for f in found] == ["medium"]


def test_trust_remote_code_in_a_test_module_still_blocks(tmp_path: Path) -> None:
    """A pull request that adds a test loading a repository it names runs that repository's code in
    CI: the file's name must not lower it (the labellers called lmdeploy's such tests noise)."""
    source = (
        "import pytest\nfrom transformers import AutoTokenizer\n"
        "@pytest.mark.parametrize('model_path', ['internlm/internlm2-chat-7b'])\n"
        "def test_chat_template(model_path):\n"
        "    tok = AutoTokenizer.from_pretrained(model_path, trust_remote_code=True)\n"
    )
    (tmp_path / "tests").mkdir()
    found = [f for f in scan_code(tmp_path, source, "tests/test_tokenizer.py") if f.rule_id == "MLS307"]
    assert [f.severity.value for f in found] == ["high"]


WEIGHTS_ONLY_DECIDED = """\
import torch


class Converter:
    def __init__(self, unsafe_deserialization=False):
        self._unsafe = unsafe_deserialization

    def load(self, path):
        return torch.load(path, map_location="cpu", weights_only=not self._unsafe)


def cli(args):
    return torch.load(args.checkpoint, weights_only=args.weights_only)
"""


def test_weights_only_decided_at_run_time_is_low_and_bandit_gives_way(tmp_path: Path) -> None:
    found = scan_code(tmp_path, WEIGHTS_ONLY_DECIDED)
    assert sorted((f.rule_id, f.line, f.severity.value) for f in found) == [
        ("MLS306", 9, "low"),
        ("MLS306", 13, "low"),
    ]
    assert "decides at run time" in found[0].message
    # The strict profile keeps bandit's own judgement of the same lines.
    strict = scan_code(tmp_path, WEIGHTS_ONLY_DECIDED, policy=Policy(root=tmp_path, profile="strict"))
    assert sorted((f.rule_id, f.line) for f in strict) == [("B614", 9), ("B614", 13)]


def test_weights_only_through_a_name_set_to_constants(tmp_path: Path) -> None:
    unsafe = "import torch\nsafe = False\nif fast:\n    safe = True\nsd = torch.load(p, weights_only=safe)\n"
    found = scan_code(tmp_path, unsafe)
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS306", "high")]
    assert "set False" in found[0].message
    safe = "import torch\nsafe = True\nsd = torch.load(p, weights_only=safe)\n"
    assert scan_code(tmp_path, safe) == []
    # A parameter is the caller's decision, never taken for a truthy default; a falsy default is
    # what every caller that says nothing gets, so it blocks.
    parameter = "import torch\ndef f(p, safe=True):\n    return torch.load(p, weights_only=safe)\n"
    assert [(f.rule_id, f.severity.value) for f in scan_code(tmp_path, parameter)] == [("MLS306", "low")]
    unsafe_default = "import torch\ndef f(p, safe=False):\n    return torch.load(p, weights_only=safe)\n"
    assert [(f.rule_id, f.severity.value) for f in scan_code(tmp_path, unsafe_default)] == [("MLS306", "high")]
    # Rewritten where the binding index does not see the value: the code's run-time decision.
    flipped = "import torch, sys\nsafe = True\nsafe ^= True\nsd = torch.load(sys.argv[1], weights_only=safe)\n"
    assert [(f.rule_id, f.severity.value) for f in scan_code(tmp_path, flipped)] == [("MLS306", "low")]


@pytest.mark.parametrize("expression", ["not True", "bool(0)", "0", "False or 0", "int(False)"])
def test_weights_only_folded_to_a_false_value_blocks(tmp_path: Path, expression: str) -> None:
    found = scan_code(tmp_path, f"import torch\nsd = torch.load(p, weights_only={expression})\n")
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS306", "high")]


def test_weights_only_folding_trusts_no_rebound_builtin(tmp_path: Path) -> None:
    # `bool` rebound by the code: bool(1) may be anything, so it is the code's run-time decision.
    source = "import torch\nbool = lambda value: False\nsd = torch.load(p, weights_only=bool(1))\n"
    assert [(f.rule_id, f.severity.value) for f in scan_code(tmp_path, source)] == [("MLS306", "low")]
    plain = "import torch\nsd = torch.load(p, weights_only=bool(1))\n"
    assert scan_code(tmp_path, plain) == []


def test_a_ruamel_typ_from_a_variable_is_judged_by_the_values_it_can_hold(tmp_path: Path) -> None:
    head = "from ruamel.yaml import YAML\n"

    def graded(body: str) -> list[tuple[str, str]]:
        return [(f.rule_id, f.severity.value) for f in scan_code(tmp_path, head + body) if f.rule_id == "MLS305"]

    # Bound only to a safe kind here: nothing to report.
    assert graded("def load(t):\n    kind = 'safe'\n    return YAML(typ=kind).load(t)\n") == []
    # A parameter: callers decide; low unless its default is itself unsafe.
    assert graded("def load(t, typ='safe'):\n    return YAML(typ=typ).load(t)\n") == [("MLS305", "low")]
    assert graded("def load(t, typ):\n    return YAML(typ=typ).load(t)\n") == [("MLS305", "low")]
    assert graded("def load(t, typ='unsafe'):\n    return YAML(typ=typ).load(t)\n") == [("MLS305", "high")]
    assert graded("def load(t):\n    kind = 'full'\n    return YAML(typ=kind).load(t)\n") == [("MLS305", "high")]


@pytest.mark.parametrize(
    "body",
    [
        "import os\ndef load(t):\n    return YAML(typ=os.environ.get('YAML_TYP', 'unsafe')).load(t)\n",
        "import argparse\np = argparse.ArgumentParser()\np.add_argument('--typ', default='unsafe')\n"
        "args = p.parse_args()\ndef load(t):\n    return YAML(typ=args.typ).load(t)\n",
        "KIND = ['unsafe']\ndef load(t):\n    return YAML(typ=KIND).load(t)\n",
        "def load(t):\n    kind = 'un' + 'safe'\n    return YAML(typ=kind).load(t)\n",
        "def load(t, fast):\n    kind = 'unsafe' if fast else 'safe'\n    return YAML(typ=kind).load(t)\n",
        "def load(t, typ='safe'):\n    return YAML(typ=typ).load(t)\nx = load(open('f').read(), typ='unsafe')\n",
        "def load(t, typ='safe'):\n    if t.endswith('.x'):\n        typ = 'unsafe'\n"
        "    return YAML(typ=typ).load(t)\n",
        "typ = 'safe'\ntyp += '_unsafe'[1:]\nyaml = YAML(typ=typ)\ndef read(p):\n    return yaml.load(open(p))\n",
        # What this does not follow is not a run-time choice: a call, a subscript, an attribute
        # that is no argparse option, an imported name; a list with an unsafe kind among others.
        "import sys\ny = YAML(typ='UNSAFE'.lower())\ny.load(sys.stdin)\n",
        "import sys\nCONFIG = {'typ': 'unsafe'}\ny = YAML(typ=CONFIG['typ'])\ny.load(sys.stdin)\n",
        "import sys\nclass L:\n    typ = 'unsafe'\n"
        "    def load(self):\n        return YAML(typ=self.typ).load(sys.stdin)\n",
        "import sys\nfrom settings import KIND\ny = YAML(typ=KIND)\ny.load(sys.stdin)\n",
        "import sys\ny = YAML(typ=['unsafe', 'pure'])\ny.load(sys.stdin)\n",
    ],
)
def test_an_unsafe_ruamel_typ_reached_through_the_module_blocks(tmp_path: Path, body: str) -> None:
    source = "from ruamel.yaml import YAML\n" + body
    graded = [(f.rule_id, f.severity.value) for f in scan_code(tmp_path, source) if f.rule_id == "MLS305"]
    assert graded == [("MLS305", "high")], source


def test_weights_only_none_is_torchs_default_as_when_left_out(tmp_path: Path) -> None:
    for call in ("torch.load(p, weights_only=None, pickle_module=pickle)", "torch.load(p, weights_only=None)"):
        found = scan_code(tmp_path, f"import pickle, torch\nsd = {call}\n")
        assert [(f.rule_id, f.severity.value) for f in found] == [("MLS306", "high")], call


@pytest.mark.parametrize(
    "call",
    [
        "import builtins\nbuiltins.eval(data)\n",
        "from builtins import exec as run\nrun(data)\n",
        "import builtins as b\nb.exec(data)\n",
        "__builtins__.eval(data)\n",
        "__builtins__['exec'](data)\n",
        "import builtins\ngetattr(builtins, 'eval')(data)\n",
    ],
)
def test_eval_or_exec_under_another_name_is_found(tmp_path: Path, call: str) -> None:
    source = "import requests\ndata = requests.get('https://example.com/x', timeout=5).text\n" + call
    assert [(f.rule_id, f.severity.value) for f in scan_code(tmp_path, source) if f.rule_id == "MLS333"] == [
        ("MLS333", "medium")
    ]


@pytest.mark.parametrize(
    "call",
    [
        "eval(data)\n",  # bandit's B307, not this rule
        "import ast\nast.literal_eval(data)\n",
        "model.eval()\n",
        "import builtins\ngetattr(builtins, 'print')(data)\n",
        "getattr(model, 'eval')()\n",
        "import builtins\nbuiltins.compile(data, 'x', 'exec')\n",  # compiles, runs nothing
    ],
)
def test_look_alikes_of_a_hidden_eval_are_not_it(tmp_path: Path, call: str) -> None:
    assert "MLS333" not in [f.rule_id for f in scan_code(tmp_path, "data = input()\n" + call)]


def test_a_shell_placeholder_in_str_format_is_not_a_shell_call(tmp_path: Path) -> None:
    """blind17 (horovod's gloo_run): `.format(shell='env', ...)` builds a command line's text."""
    source = (
        "import subprocess\n"
        "cmd = '{shell} {env} {cmd}'.format(shell='env', env=env_text, cmd=command)\n"
        "run_helper(cmd, shell=True)\n"  # a real call given shell=True: bandit's B604 stays
        "run_helper('{x}'.format(shell='env', x=1), shell=True)\n"  # the same line: kept too
    )
    findings = {f.line for f in scan_code(tmp_path, source, "launch.py") if f.rule_id == "B604"}
    assert findings == {3, 4}


def test_a_tokenizer_object_counts_only_from_transformers_and_where_nothing_rebinds_it(tmp_path: Path) -> None:
    """The pinned pipeline is low only when `tokenizer` holds what transformers' own
    `from_pretrained` returned: a class of the project's own named so may return its argument (a
    repository's name), and `globals()` or `del` may change the name unseen."""
    sha = "2f5c3cd4eace6be6c0f12981f377fb35e5bf6ee5"
    call = f"p = pipeline('t', model='org/m', revision='{sha}', trust_remote_code=True, tokenizer=tok)\n"
    head = "import sys\nfrom transformers import AutoTokenizer, pipeline\n"
    for middle in (
        "class T:\n    @classmethod\n    def from_pretrained(cls, name):\n        return name\n"
        "tok = T.from_pretrained(sys.argv[1])\n",
        "tok = AutoTokenizer.from_pretrained('org/m')\nglobals()['tok'] = sys.argv[1]\n",
        "tok = AutoTokenizer.from_pretrained('org/m')\ndel tok\n",
    ):
        found = [f.severity.value for f in scan_code(tmp_path, head + middle + call, "p.py") if f.rule_id == "MLS307"]
        assert found == ["high"], middle
    plain = head + "tok = AutoTokenizer.from_pretrained('org/m')\n" + call
    assert [f.severity.value for f in scan_code(tmp_path, plain, "p.py") if f.rule_id == "MLS307"] == ["low"]


PEER_RANK = """import pickle
import torch
import torch.distributed as dist


def receive_generate_info(src, group):
    array_size = torch.empty(1, dtype=torch.int64, device=torch.cuda.current_device())
    dist.broadcast(array_size, src, group)
    string_tensor = torch.empty(array_size[0], dtype=torch.int8, device=torch.cuda.current_device())
    torch.distributed.broadcast(string_tensor, src, group)
    bytes = string_tensor.cpu().numpy().tobytes()
    end_strings = pickle.loads(bytes)
    idx_tensor = torch.empty(array_size[0], dtype=torch.int8)
    torch.distributed.broadcast(idx_tensor, src, group)
    bytes = idx_tensor.cpu().numpy().tobytes()
    context_idx = pickle.loads(bytes)
    return end_strings, context_idx


def receive_small(src):
    flags = torch.zeros(8, dtype=torch.uint8)
    dist.broadcast(flags, src)
    return pickle.loads(bytes(flags[:4].tolist()))
"""


def test_bytes_a_peer_rank_broadcast_into_a_fresh_tensor_are_low(tmp_path: Path) -> None:
    """Megatron's and NeMo's text generation sends its end strings to the other ranks as a pickled
    byte tensor; torch's own broadcast_object_list unpickles the same way."""
    found = [(f.line, f.severity.value) for f in scan_code(tmp_path, PEER_RANK, "gen.py") if f.rule_id == "B301"]
    assert found == [(12, "low"), (16, "low"), (23, "low")]


_BEFORE_BYTES = "    bytes = string_tensor.cpu()"


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("not made here", ("    string_tensor = torch.empty(", "    unused = torch.empty(")),
        ("made from data", ("string_tensor = torch.empty(", "string_tensor = torch.tensor(data, ")),
        ("filled in place", (_BEFORE_BYTES, "    string_tensor.copy_(payload)\n" + _BEFORE_BYTES)),
        ("stored into", (_BEFORE_BYTES, "    string_tensor[:] = payload\n" + _BEFORE_BYTES)),
        ("handed to another function", (_BEFORE_BYTES, "    read_socket(string_tensor)\n" + _BEFORE_BYTES)),
        ("not torch.distributed", ("torch.distributed.broadcast(string_tensor", "mpi.broadcast(string_tensor")),
        ("a file's bytes", ("    bytes = string_tensor.cpu().numpy().tobytes()", "    bytes = open(p, 'rb').read()")),
        ("made of data", ("string_tensor = torch.empty(", "string_tensor = torch.ByteTensor(list(data)) or f(")),
        ("a view filled", (_BEFORE_BYTES, "    string_tensor.view(-1).copy_(payload)\n" + _BEFORE_BYTES)),
        ("a slice filled", (_BEFORE_BYTES, "    string_tensor[:4].copy_(payload)\n" + _BEFORE_BYTES)),
        ("its array filled", (_BEFORE_BYTES, "    np.copyto(string_tensor.numpy(), payload)\n" + _BEFORE_BYTES)),
        ("its data replaced", (_BEFORE_BYTES, "    string_tensor.data = payload\n" + _BEFORE_BYTES)),
        ("its storage filled", (_BEFORE_BYTES, "    string_tensor.untyped_storage().copy_(payload)\n" + _BEFORE_BYTES)),
    ],
)
def test_bytes_of_anything_else_keep_bandits_severity(tmp_path: Path, name: str, change: tuple[str, str]) -> None:
    source = PEER_RANK.replace(*change)
    assert source != PEER_RANK, name
    ast.parse(source)
    found = {f.line: f.severity.value for f in scan_code(tmp_path, source, "gen.py") if f.rule_id == "B301"}
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "end_strings = pickle.loads" in text)
    assert found[line] == "medium", (name, found)


DYNAMIC_MODULE_CLASS = """from transformers.dynamic_module_utils import get_class_from_dynamic_module
from transformers import dynamic_module_utils

SHA = "0123456789abcdef0123456789abcdef01234567"


def tokenizer_class(model_dir):
    return get_class_from_dynamic_module("tokenization_qwen.QWenTokenizer", model_dir)


model = dynamic_module_utils.get_class_from_dynamic_module("modeling_x.XModel", "org/model")
other = get_class_from_dynamic_module("other/repo--modeling_x.XModel", "org/model", revision=SHA)
pinned = get_class_from_dynamic_module("modeling_x.XModel", "org/model", revision=SHA)
pinned_code = get_class_from_dynamic_module("other/repo--modeling_x.XModel", "org/model", code_revision=SHA)


def guarded(config, model_id, trust_remote_code):
    if trust_remote_code and "AutoModel" in config.auto_map:
        return get_class_from_dynamic_module(config.auto_map["AutoModel"], model_id)
    if not trust_remote_code:
        return get_class_from_dynamic_module(config.auto_map["AutoModel"], model_id)
    return None
"""


def test_a_class_imported_from_a_repositorys_module_is_code_from_the_repository(tmp_path: Path) -> None:
    """transformers' get_class_from_dynamic_module downloads and imports the repository's module
    with no trust_remote_code asked: high, low when the code's commit is pinned (code_revision, or
    revision when the class names no other repository), not reported under an `if` that asks a
    trust_remote_code flag (the flag decides, judged where it is set); `--profile strict` keeps
    pinned ones high."""
    findings = scan_code(tmp_path, DYNAMIC_MODULE_CLASS, "loader.py")
    found = [(f.line, f.severity.value) for f in findings if f.rule_id == "MLS307"]
    assert found == [(8, "high"), (11, "high"), (12, "high"), (13, "low"), (14, "low"), (21, "high")]
    strict = scan_code(tmp_path, DYNAMIC_MODULE_CLASS, "loader.py", Policy(root=tmp_path, profile="strict"))
    assert {f.severity.value for f in strict if f.rule_id == "MLS307"} == {"high"}


def test_a_function_of_the_same_name_that_is_not_transformers_is_not_reported(tmp_path: Path) -> None:
    source = (
        "def get_class_from_dynamic_module(reference, folder):\n    return registry[reference]\n\n"
        "cls = get_class_from_dynamic_module('modeling_x.XModel', 'org/model')\n"
    )
    assert "MLS307" not in ids(scan_code(tmp_path, source, "loader.py"))


def test_only_the_trust_flag_itself_and_never_one_set_true_guards_a_dynamic_module_class(tmp_path: Path) -> None:
    """Red team stop 83: `if no_trust_remote_code:` is another flag; a flag the module sets True
    (a constant, a class attribute, a default) guards nothing."""
    call = "        return get_class_from_dynamic_module('m.X', repo)\n"
    head = "from transformers.dynamic_module_utils import get_class_from_dynamic_module\n"
    for source in (
        head + "def f(repo, no_trust_remote_code):\n    if no_trust_remote_code:\n" + call,
        head + "trust_remote_code = True\ndef f(repo):\n    if trust_remote_code:\n" + call,
        head + "def f(repo, trust_remote_code=True):\n    if trust_remote_code:\n" + call,
        head
        + "class L:\n    trust_remote_code = True\n    def f(self, repo):\n        if self.trust_remote_code:\n    "
        + call,
    ):
        found = [f.severity.value for f in scan_code(tmp_path, source, "loader.py") if f.rule_id == "MLS307"]
        assert found == ["high"], source
    source = head + "def f(repo, trust_remote_code=False):\n    if trust_remote_code:\n" + call
    assert "MLS307" not in ids(scan_code(tmp_path, source, "loader.py"))
