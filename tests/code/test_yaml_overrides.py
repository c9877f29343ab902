"""An own safe loader stays safe only while it holds no code of its own and nothing can change it
(hooks/code/yaml_overrides.py): B506 stays off for bare loaders and plain builders, and stays on
for loaders with methods of their own (bandit's verdict: a reviewer reads them and accepts them)
and for every way a loader's class, its bases or the module can make loading build by other
means. The attacks call `os.system` (not `eval`, which alone makes a module reach names by text)
so each test exercises one check."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.code.helpers import scan_code

HEAD = "import os\nimport yaml\n"
TAIL = "def read(text):\n    return yaml.load(text, Loader=L)\n"


def loader(body: str, before: str = "", after: str = "", bases: str = "yaml.SafeLoader") -> str:
    return f"{HEAD}{before}class L({bases}):\n{body}{after}{TAIL}"


UNIQUE_KEYS = loader(
    "    def construct_mapping(self, node, deep=False):\n"
    "        seen = set()\n"
    "        for key_node, _ in node.value:\n"
    "            key = self.construct_object(key_node, deep=deep)\n"
    "            if key in seen:\n"
    "                mark = key_node.start_mark\n"
    "                raise yaml.constructor.ConstructorError(None, None, f'duplicate key {key!r}', mark)\n"
    "            seen.add(key)\n"
    "        return super().construct_mapping(node, deep)\n"
)
SCALAR = "    def construct_scalar(self, node):\n        value = super().construct_scalar(node)\n"


def _b506(tmp_path: Path, source: str) -> bool:
    """The load is reported unsafe: bandit's B506, or MLS305 where the code names an unsafe loader."""
    return bool({"B506", "MLS305"} & {f.rule_id for f in scan_code(tmp_path, source, "config.py")})


SAFE = {
    "bare": loader("    pass\n"),
    "documented": loader('    """Floats as YAML 1.2 reads them."""\n    version = (1, 2)\n'),
    "a plain builder": loader(
        "    def construct_python_tuple(self, node: yaml.Node) -> tuple:\n"
        "        return tuple(self.construct_sequence(node))\n",
        after="L.add_constructor('tag:yaml.org,2002:python/tuple', L.construct_python_tuple)\n",
    ),
    "a resolver mixin": loader(
        "    pass\n",
        before="from yaml.resolver import Resolver\nclass Mixin(Resolver):\n    pass\n",
        bases="yaml.SafeLoader, Mixin",
    ),
    "the C loader with its fallback": loader(
        "    pass\n",
        before="try:\n    from yaml import CSafeLoader as SafeLoader\n"
        "except ImportError:\n    from yaml import SafeLoader\n",
        bases="SafeLoader",
    ),
    "timestamps as text": loader(
        "    def construct_yaml_timestamp(self, node):\n        return self.construct_scalar(node)\n"
    ),
    "reflection on other objects": loader(
        "    pass\n",
        after="def merge(args, cfg):\n    for k in vars(args):\n        setattr(cfg, k, getattr(args, k))\n"
        "    return cfg.__dict__\n",
    ),
    "another module's settings": loader("    pass\n", after="os.environ['MODE'] = 'quiet'\n"),
    "an init handing its stream to its bases (clearml)": loader(
        "    def __init__(self, stream):\n        super(L, self).__init__(stream)\n"
        "        FloatResolver.__init__(self)\n",
        before="import re\nfrom yaml.resolver import Resolver\nclass FloatResolver(Resolver):\n    pass\n"
        "FloatResolver.add_implicit_resolver('tag:yaml.org,2002:float', re.compile(r'^[-+]?[0-9]+\\.[0-9]*$', re.X),"
        " list('-+0123456789.'))\n",
        bases="yaml.SafeLoader, FloatResolver",
        after="def parse(args):\n    return args.__dict__\n",
    ),
    "vars of a parameter": loader("    pass\n", after="def show(args):\n    return vars(args)\n"),
}


@pytest.mark.parametrize("name", SAFE)
def test_loaders_without_code_of_their_own_stay_safe(tmp_path: Path, name: str) -> None:
    assert not _b506(tmp_path, SAFE[name]), name


OWN_CODE = {
    "duplicate keys": UNIQUE_KEYS,
    "line numbers": loader(
        "    def compose_node(self, parent, index):\n        line = self.line\n"
        "        node = super().compose_node(parent, index)\n        node.__line__ = line + 1\n        return node\n"
    ),
    "environment expansion": loader(SCALAR + "        return os.path.expandvars(value)\n"),
    "a helper of its own": loader("    def describe(self):\n        return 'plain'\n"),
}


@pytest.mark.parametrize("name", OWN_CODE)
def test_a_loader_with_code_of_its_own_keeps_bandits_b506(tmp_path: Path, name: str) -> None:
    """Two red teams reached the interpreter from overrides that "only delegate" (a method handed
    on as `key=`, `__str__` run by an f-string, frame attributes, a base's second definition): a
    loader's own code is for a reviewer to read once and accept with a marker or a baseline."""
    assert _b506(tmp_path, OWN_CODE[name]), name


RUN = "        return os.system(value)\n"
# A resolver pattern whose `match` (called on every plain scalar) runs a command.
PATTERN = "class Pattern:\n    def match(self, value):\n        return os.system(value)\n"
TUPLE_BODY = "    def construct_python_tuple(self, node):\n        return tuple(self.construct_sequence(node))\n"
REG_LINE = "L.add_constructor('tag:yaml.org,2002:python/tuple', L.construct_python_tuple)\n"
ATTACKS = {
    # the override's own body
    "a library call": loader(SCALAR + RUN),
    "a function handed on": loader(SCALAR + "        return sorted([value], key=os.system)[0]\n"),
    "a module value handed on": loader(
        SCALAR + "        return max([value], key=HANDLERS['run'])\n", "HANDLERS = {}\n"
    ),
    "an own method handed on": loader(
        "    def evaluate(self, text):\n        return os.system(text)\n"
        + SCALAR
        + "        return sorted([value], key=self.evaluate)[0]\n"
    ),
    "an own helper called": loader(
        "    def evaluate(self, text):\n        return os.system(text)\n"
        + SCALAR
        + "        return self.evaluate(value)\n"
    ),
    "a module object's item": loader(SCALAR + "        return EXPRESSIONS[value]\n", "EXPRESSIONS = {}\n"),
    "a format spec": loader(SCALAR + "        return f'{EXPR:{value}}'\n", "EXPR = object()\n"),
    "self rebound by match": loader(
        SCALAR
        + "        match OTHER:\n            case self:\n                pass\n"
        + "        return self.construct_scalar(node)\n",
        "OTHER = None\n",
    ),
    "self rebound by except": loader(
        SCALAR + "        try:\n            pass\n        except ValueError as self:\n            pass\n"
        "        return self.construct_scalar(node)\n"
    ),
    "an import named like an exception": loader(
        SCALAR + "        raise ShellError(value)\n", "from os import system as ShellError\n"
    ),
    "a method named like an exception": loader(
        SCALAR + "        return Tools.checkError(value)\n", "class Tools:\n    pass\n"
    ),
    "an exception with a busy base": loader(
        SCALAR + "        raise Duplicate(value)\n",
        "class Reporter(Exception):\n    def __init__(self, text):\n        os.system(text)\n"
        "class Duplicate(Reporter):\n    pass\n",
    ),
    "the registration called": loader(SCALAR + "        self.add_constructor('!x', None)\n        return value\n"),
    "a decorated override": loader("    @staticmethod\n" + SCALAR + "        return value\n"),
    "an attribute of the loader set": loader(SCALAR + "        self.cache = value\n        return value\n"),
    # the class bodies
    "a class hook": loader("    def __getattr__(self, name):\n        return os.system\n"),
    "init_subclass under if": loader(
        "    pass\n",
        before="class Base:\n    if True:\n        def __init_subclass__(cls):\n            pass\n",
        bases="yaml.SafeLoader, Base",
    ),
    "a def under if": loader(
        "    if True:\n        def construct_scalar(self, node):\n            return os.system(node.value)\n"
    ),
    "an import into the class": loader("    from os import system as construct_scalar\n"),
    "a nested class": loader("    class construct_scalar:\n        pass\n"),
    "a loop target": loader("    for construct_scalar in [os.system]:\n        pass\n"),
    "a class attribute of a call": loader("    option = Option()\n", before="class Option:\n    pass\n"),
    "a building attribute": loader("    construct_scalar = staticmethod(os.system)\n"),
    "a property": loader("    @property\n    def yaml_constructors(self):\n        return {}\n"),
    "a base with an override": loader(
        "    pass\n",
        before="class Mixin:\n    def construct_scalar(self, node):\n        return os.system(node.value)\n",
        bases="yaml.SafeLoader, Mixin",
    ),
    "init writing its namespace": loader(
        "    def __init__(self, stream):\n        super().__init__(stream)\n"
        "        self.__dict__['construct_scalar'] = os.system\n"
    ),
    "init setattr on itself": loader(
        "    def __init__(self, stream):\n        super().__init__(stream)\n"
        "        setattr(self, 'yaml_constructors', {})\n"
    ),
    "compose_node running a command": loader(
        "    def compose_node(self, parent, index):\n        os.system(self.peek_event().value)\n"
        "        return super().compose_node(parent, index)\n"
    ),
    # the module: names bound or reached by text
    "globals": loader("    pass\n", after="globals()['L'] = yaml.FullLoader\n"),
    "vars of yaml": loader("    pass\n", after="UNSAFE = vars(yaml)['Unsafe' + 'Loader']\n"),
    "a match capture of the loader": loader("    pass\n", after="match yaml.FullLoader:\n    case L:\n        pass\n"),
    "a def of the loader's name": loader("    pass\n", after="def L(stream):\n    return yaml.FullLoader(stream)\n"),
    "a second class": loader("    pass\n", after="class L(yaml.FullLoader):\n    pass\n"),
    "a class decorator": loader("    pass\n", before="def widen(cls):\n    return yaml.FullLoader\n").replace(
        "class L(", "@widen\nclass L("
    ),
    "a base rebound": loader(
        "    pass\n", before="from yaml import SafeLoader\nSafeLoader = yaml.FullLoader\n", bases="SafeLoader"
    ),
    "yaml patched": loader("    pass\n", before="yaml.SafeLoader = yaml.FullLoader\n"),
    "object rebound": loader("    pass\n", before="object = yaml.FullLoader\n", bases="object, yaml.SafeLoader"),
    "builtins by an alias": loader(
        SCALAR + "        return sorted(value)\n", before="import builtins as b\nb.sorted = os.system\n"
    ),
    "a registration by an alias": loader(
        "    pass\n", after="from yaml import add_constructor as register\nregister('!x', None, Loader=L)\n"
    ),
    "yaml's namespace": loader("    pass\n", after="yaml.__dict__['add_constructor']('!x', None, Loader=L)\n"),
    "a descriptor's setattr": loader(
        "    pass\n",
        before="def patch(owner):\n    setattr(owner, 'construct_scalar', os.system)\n",
        after="patch(L)\n",
    ),
    "a building name assigned": loader("    pass\n", after="L.construct_object = os.system\n"),
    "an init doing more": loader(
        "    def __init__(self, stream):\n        super().__init__(stream)\n        os.system('true')\n"
    ),
    "the loader passed by keyword elsewhere": loader(
        "    pass\n", before="def patch(Loader):\n    pass\n", after="patch(Loader=L)\n"
    ),
    "yaml handed on": loader("    pass\n", before="def patch(module):\n    pass\n", after="patch(yaml)\n"),
    "a namespace written through": loader(
        "    pass\n", before="def get():\n    return None\n", after="get().__dict__['x'] = 1\n"
    ),
    "a resolver's pattern object": loader(
        "    pass\n",
        before=PATTERN,
        after="L.add_implicit_resolver('tag:yaml.org,2002:str', Pattern(), None)\n",
    ),
    "a resolver registered through yaml": loader(
        "    pass\n",
        before=PATTERN,
        after="yaml.add_implicit_resolver('!x', Pattern(), None, Loader=L)\n",
    ),
    "a path resolver": loader("    pass\n", after="L.add_path_resolver('!x', [], str)\n"),
    "a class attribute set from outside": loader(
        "    pass\n",
        before=PATTERN,
        after="L.timestamp_regexp = Pattern()\n",
    ),
    "a dunder set from outside": loader("    pass\n", after="L.__init__ = os.system\n"),
    "methodcaller": loader(
        "    pass\n", before="from operator import methodcaller\n", after="methodcaller('add_' + 'constructor')(L)\n"
    ),
    "getattr handed on": loader(
        "    pass\n", before="import functools\n", after="RUN = functools.reduce(getattr, ['system'], os)\n"
    ),
    "getattr by text": loader("    pass\n", after="getattr(L, 'add_' + 'constructor')('!x', os.system)\n"),
    "the loader handed on": loader("    pass\n", after="LOADERS = [L]\n"),
    "getmembers": loader("    pass\n", before="import inspect\n", after="TABLE = dict(inspect.getmembers(L))\n"),
    "a frame's names": loader(
        "    pass\n", before="import sys\n", after="sys._getframe().f_globals.update(L=yaml.FullLoader)\n"
    ),
    "the builtins module by __self__": loader("    pass\n", after="print.__self__.sorted = os.system\n"),
    "the loader deleted": loader("    pass\n", after="del L\nfrom yaml import FullLoader as L\n"),
    "a builder's owner bound again": loader(TUPLE_BODY, after=REG_LINE + "L = yaml.FullLoader\n"),
    "a builder's name a parameter": loader(TUPLE_BODY, after=REG_LINE + "def f(construct_python_tuple):\n    pass\n"),
    "the container rebound by a match capture": loader(
        TUPLE_BODY, after=REG_LINE + "match os.system:\n    case tuple:\n        pass\n"
    ),
}


@pytest.mark.parametrize("name", ATTACKS)
def test_a_loader_that_may_build_by_other_means_keeps_b506(tmp_path: Path, name: str) -> None:
    source = ATTACKS[name]
    assert "eval(" not in source
    assert _b506(tmp_path, source), name


def test_the_plain_tuple_builder_alone_stays_safe(tmp_path: Path) -> None:
    assert not _b506(tmp_path, loader(TUPLE_BODY, after=REG_LINE))


def test_a_module_of_many_loaders_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The module's facts are read once however many loaders it has (a file of 2,000 loaders took
    721 s when every loader walked the module)."""
    from hooks.code import yaml_loaders

    built: list[int] = []
    original = yaml_loaders.OwnLoaders.__init__

    def counting(self: yaml_loaders.OwnLoaders, module: object) -> None:
        built.append(1)
        original(self, module)  # type: ignore[arg-type]

    monkeypatch.setattr(yaml_loaders.OwnLoaders, "__init__", counting)
    source = "import yaml\n" + "".join(
        f"class L{i}(yaml.SafeLoader):\n    pass\ndef read{i}(t):\n    return yaml.load(t, Loader=L{i})\n"
        for i in range(200)
    )
    assert not _b506(tmp_path, source)
    assert len(built) == 1
