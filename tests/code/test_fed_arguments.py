"""Which loads read inside the folder a fed option names: the option's attribute on the parsed
command line, joined with relative constant parts; never an absolute part, `..`, text appended to
the folder's own name, another namespace, or an option the script rebinds."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.azureml_inputs import FedCommand
from hooks.code.command_origin import CommandOrigins, module_aliases, qualified_name
from hooks.code.fed_arguments import FedArguments, fed_destinations
from tests.code.helpers import scan_code

FED = FedCommand(frozenset({"--model_input", "--model-dir"}), frozenset({"--model_input", "--model-dir"}))
HEADER = (
    "import argparse, os, pickle, joblib\n"
    "from pathlib import Path\n"
    "parser = argparse.ArgumentParser()\n"
    "parser.add_argument('--model_input')\n"
    "parser.add_argument('--model-dir', default='./')\n"
    "parser.add_argument('--other')\n"
)


def arguments(source: str, command: FedCommand = FED) -> tuple[FedArguments, list[ast.AST]]:
    module = ast.parse(source)
    nodes = list(ast.walk(module))
    origins = CommandOrigins(module)
    aliases = module_aliases(nodes)

    def qualname(node: ast.AST) -> str | None:
        return qualified_name(node, aliases)

    destinations = fed_destinations(nodes, command, qualname)
    return FedArguments(destinations, nodes, lambda: origins, _constant, qualname), nodes


def quiet_loads(source: str, command: FedCommand = FED) -> list[bool]:
    """For each `pickle.load`/`joblib.load` call, in order: whether it reads inside a fed folder."""
    fed, nodes = arguments(source, command)
    loads = [
        n
        for n in nodes
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "load" and n.args
    ]
    return [fed.reads(call.args[0], call) for call in sorted(loads, key=lambda c: (c.lineno, c.col_offset))]


def _constant(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


@pytest.mark.parametrize(
    "line",
    [
        "joblib.load(args.model_input)",
        "joblib.load(os.path.join(args.model_input, 'model.pkl'))",
        "joblib.load(os.path.join(args.model_dir, 'sub', 'model.pkl'))",
        "pickle.load(open(Path(args.model_input) / 'model.sav', 'rb'))",
        "pickle.load(open(args.model_input + '/model.sav', 'rb'))",
        "joblib.load(f'{args.model_input}/model.pkl')",
        "joblib.load(str(Path(args.model_input)))",
    ],
)
def test_paths_inside_a_fed_folder(line: str) -> None:
    assert quiet_loads(HEADER + "args = parser.parse_args()\n" + line + "\n") == [True]


@pytest.mark.parametrize(
    "line",
    [
        "joblib.load(args.other)",
        "joblib.load(os.path.join(args.model_input, '/etc/model.pkl'))",  # an absolute part replaces the folder
        "joblib.load(Path(args.model_input) / '/model.pkl')",
        "joblib.load(os.path.join(args.model_input, '..', 'model.pkl'))",
        "joblib.load(args.model_input + '_old.pkl')",  # a file beside the folder, not in it
        "joblib.load(f'{args.model_input}.pkl')",
        "joblib.load(f'{args.model_input!r}/m.pkl')",
        "joblib.load(os.path.join(args.model_input, name))",
        "joblib.load(config.model_input)",
        "joblib.load(args.model_input.replace('a', 'b'))",
    ],
)
def test_other_paths_are_not_fed(line: str) -> None:
    assert quiet_loads(HEADER + "args = parser.parse_args()\nconfig = load()\nname = input()\n" + line + "\n") == [
        False
    ]


def test_names_bound_only_to_fed_paths_and_handles_of_them() -> None:
    source = HEADER + (
        "args, _ = parser.parse_known_args()\n"
        "path = os.path.join(args.model_input, 'model.pkl')\n"
        "with open(path, 'rb') as handle:\n"
        "    pickle.load(handle)\n"
        "maybe = path if args.other else args.other\n"
        "joblib.load(maybe)\n"
        "twice = os.path.join(args.model_input, 'model.pkl')\n"
        "if args.other:\n"
        "    twice = args.other\n"
        "joblib.load(twice)\n"
    )
    assert quiet_loads(source) == [True, False, False]


def test_a_rebound_name_or_attribute_is_not_fed() -> None:
    rebound = HEADER + "args = parser.parse_args()\nargs = load_config()\njoblib.load(args.model_input)\n"
    assert quiet_loads(rebound) == [False]
    assigned = HEADER + "args = parser.parse_args()\nargs.model_input = url\njoblib.load(args.model_input)\n"
    assert quiet_loads(assigned) == [False]


def test_main_given_only_the_parsed_command_line() -> None:
    source = HEADER + (
        "def main(args):\n"
        "    return joblib.load(args.model_input)\n"
        "def parse_args():\n"
        "    return parser.parse_args()\n"
        "if __name__ == '__main__':\n"
        "    args = parse_args()\n"
        "    main(args)\n"
    )
    assert quiet_loads(source) == [True]
    called_otherwise = source + "main(load_config())\n"
    assert quiet_loads(called_otherwise) == [False]
    handed_over = source + "callbacks = [main]\n"
    assert quiet_loads(handed_over) == [False]


def destinations(source: str, fed: set[str], passed: set[str] | None = None) -> frozenset[str]:
    nodes = list(ast.walk(ast.parse(source)))
    aliases = module_aliases(nodes)
    command = FedCommand(frozenset(fed), frozenset(fed if passed is None else passed | fed))
    return fed_destinations(nodes, command, lambda node: qualified_name(node, aliases))


def test_destinations_follow_argparse() -> None:
    source = (
        "p.add_argument('--model_input')\n"
        "p.add_argument('-m', '--model-dir')\n"
        "p.add_argument('--weights', dest='checkpoint')\n"
        "p.add_argument('--also-model', dest='model_input')\n"  # a second option storing there
        "p.add_argument('positional')\n"
    )
    assert destinations(source, {"--model-dir", "--weights"}) == {"model_dir", "checkpoint"}
    assert destinations(source, {"--model_input", "--also-model"}) == {"model_input"}
    assert destinations(source, set()) == frozenset()


def test_an_unfed_word_argparse_would_store_there_unfeeds_the_option() -> None:
    source = "p.add_argument('-m', '--model_input')\np.add_argument('--model_input_cache')\n"
    assert destinations(source, {"--model_input"}) == {"model_input"}
    assert destinations(source, {"--model_input"}, {"-m"}) == frozenset()  # argparse keeps the last
    assert destinations(source, {"--model_input"}, {"-m/mnt/shared"}) == frozenset()
    assert destinations(source, {"--model_input"}, {"--model"}) == frozenset()  # an abbreviation
    assert destinations(source, {"--model_input"}, {"--model_input_cache"}) == {"model_input"}


@pytest.mark.parametrize(
    "declaration",
    [
        "p.add_argument('--model_input', type=lambda s: '/mnt/shared')",
        "p.add_argument('--model_input', action=Rewrite)",
        "p.add_argument('--model_input', nargs='?')",
    ],
)
def test_an_option_argparse_does_not_store_as_given_is_not_fed(declaration: str) -> None:
    assert destinations(declaration + "\n", {"--model_input"}) == frozenset()
    kept = "from pathlib import Path\np.add_argument('--model_input', type=Path, help='x')\n"
    assert destinations(kept, {"--model_input"}) == {"model_input"}


@pytest.mark.parametrize(
    "line",
    [
        "p.add_argument('--fallback', dest=DEST)",
        "p.add_argument('--fallback', **{'dest': 'model_input'})",
        "p.add_argument(*FLAGS)",
        "sys.argv += ['--model_input', '/mnt/shared']",
        "setattr(args, 'model_input', '/mnt/shared')",
        "vars(args).update(model_input='/mnt/shared')",
        "args.__dict__['model_input'] = '/mnt/shared'",
        "os.path.join = lambda *parts: '/mnt/shared'",
    ],
)
def test_what_can_change_the_parsed_values_unfeeds_everything(line: str) -> None:
    source = "p.add_argument('--model_input')\n" + line + "\n"
    assert destinations(source, {"--model_input"}) == frozenset()


def test_a_scanned_script_only_quiets_the_fed_option(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "pipeline.yml").write_text(
        "jobs:\n  train:\n    component: ./train.yml\n  score:\n    code: src\n"
        "    command: python score.py --model_input ${{inputs.m}} --other ${{inputs.o}}\n"
        "    inputs:\n      m: ${{parent.jobs.train.outputs.model}}\n      o: azureml:registered@latest\n"
    )
    source = HEADER + "args = parser.parse_args()\njoblib.load(args.model_input)\njoblib.load(args.other)\n"
    findings = scan_code(tmp_path, source, "src/score.py")
    assert sorted((f.line, f.severity.value) for f in findings if f.rule_id == "MLS301") == [(8, "low"), (9, "high")]


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz_.,()'/+ \n=", max_size=200))
def test_garbage_scripts_never_raise(text: str) -> None:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError):
        return
    fed, nodes = arguments(text, FedCommand(frozenset({"--a", "--model_input"}), frozenset({"--a", "--model_input"})))
    for node in nodes:
        if isinstance(node, ast.expr):
            fed.reads(node, node)


@pytest.mark.parametrize(
    ("setup", "line"),
    [
        ("args = parser.parse_args(['--model_input', os.environ['M']])", "joblib.load(args.model_input)"),
        ("args = parser.parse_known_args(argv)[0]", "joblib.load(args.model_input)"),
        (
            "def parse():\n    return parser.parse_args(['--model_input', '/mnt'])\nargs = parse()",
            "joblib.load(args.model_input)",
        ),
        ("args = parser.parse_args()\nargs.model_input, n = '/mnt/shared', 1", "joblib.load(args.model_input)"),
        ("args = parser.parse_args()\nfor args.model_input in ['/mnt']: pass", "joblib.load(args.model_input)"),
        ("args = parser.parse_args()", "f = lambda args=other: joblib.load(args.model_input)"),
        ("args = parser.parse_args()\ndef join(a, b): return '/mnt/' + b", "joblib.load(join(args.model_input, 'm'))"),
        (
            "args = parser.parse_args()\nfrom urllib.parse import urljoin as join",
            "joblib.load(join(args.model_input, 'm'))",
        ),
        ("args = parser.parse_args()\ndef Path(p): return '/mnt'", "joblib.load(Path(args.model_input) / 'm')"),
        ("args = parser.parse_args()\nstr = lambda p: '/mnt'", "joblib.load(str(args.model_input))"),
    ],
)
def test_a_value_that_is_not_the_command_lines_option_is_not_fed(setup: str, line: str) -> None:
    assert quiet_loads(HEADER + setup + "\n" + line + "\n") == [False]


def test_the_scripts_own_parser_function_and_library_helpers_are_followed() -> None:
    source = HEADER + (
        "from os.path import join\n"
        "import pathlib\n"
        "def get_args():\n"
        "    parsed = parser.parse_args()\n"
        "    return parsed\n"
        "args = get_args()\n"
        "joblib.load(join(args.model_input, 'm.pkl'))\n"
        "joblib.load(pathlib.Path(args.model_input) / 'm.pkl')\n"
        "joblib.load(os.fspath(args.model_input))\n"
    )
    assert quiet_loads(source) == [True, True, True]


@pytest.mark.parametrize(
    "line",
    [
        "sub = parser.add_subparsers()",
        "parser.set_defaults(model_input='models:/prod/1')",
        "other = argparse.ArgumentParser(fromfile_prefix_chars='@')",
        "other = argparse.ArgumentParser(prefix_chars='-+')",
        "parser.add_argument('rest', nargs=argparse.REMAINDER)",
        "parser.add_argument('rest', nargs='...')",
        "parser.parse_args = lambda: Namespace(model_input='/mnt')",
        "class P(argparse.ArgumentParser):\n    def parse_args(self):\n        return Namespace(model_input='/mnt')",
        "args.__init__(model_input='/mnt')",
        "getattr(args, '__dict__')['model_input'] = '/mnt'",
        "args.__setattr__('model_input', '/mnt')",
        "import builtins",
        "str = lambda s: '/mnt'",
    ],
)
def test_parser_features_and_tampering_unfeed_every_option(line: str) -> None:
    source = HEADER.replace("parser.add_argument('--model_input')", "parser.add_argument('--model_input', type=str)")
    assert quiet_loads(source + "args = parser.parse_args()\n" + line + "\njoblib.load(args.model_input)\n") == [False]
    assert quiet_loads(source + "args = parser.parse_args()\njoblib.load(args.model_input)\n") == [True]


def test_only_argparses_own_parser_parses_the_command_line() -> None:
    own = HEADER.replace("parser = argparse.ArgumentParser()", "parser = MyParser()")
    assert quiet_loads(own + "args = parser.parse_args()\njoblib.load(args.model_input)\n") == [False]
    twice = HEADER + "parser = other_parser\n"
    assert quiet_loads(twice + "args = parser.parse_args()\njoblib.load(args.model_input)\n") == [False]


def test_a_clustered_short_switch_could_store_there() -> None:
    source = "p.add_argument('-m', '--model_input')\np.add_argument('-v', action='store_true')\n"
    assert destinations(source, {"--model_input"}, {"-vm/mnt/evil"}) == frozenset()
    assert destinations(source, {"--model_input"}, {"-v"}) == {"model_input"}
