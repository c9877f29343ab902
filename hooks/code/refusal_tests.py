"""Whether a `trust_remote_code=True` in a test module is the input of a check that refuses it.

A project that guards its loaders (it rejects configs or keyword arguments that turn the flag on)
tests that guard by feeding it the flag and asserting the refusal:
`with pytest.raises(ValueError, match="trust_remote_code is not allowed"): build(config)`. The flag
there is the test's hostile input, and nothing loads. What marks such a module is the assertion
itself: an expected-exception block (`pytest.raises`, `assertRaises`, `assertRaisesRegex`) whose
expected message names the flag. The flag is the guard's input when it reaches only *refused
calls*: a call that is a statement of its own (its result is dropped) directly in such a block (not
in a function or lambda defined there), of a function or class the module imports once, under its
own name, from the project itself: defined (`def`/`class`) in a module file of the repository
outside its tests, found through the project's own re-exports (a library's name re-exported by a
project module is still the library's; no list of loaders is ever complete). No call that keeps its
argument for later (`dict`, `partial`, `update`) counts. The flag reaches such a call as its
keyword, inside a literal argument, or through a name bound once to the literal (`UNSAFE = [...]`)
or a test's parameter (`@pytest.mark.parametrize("kwargs", UNSAFE)`: not an `indirect` one, and in
a test that takes no fixture besides pytest's own, since a fixture may take the case by its name)
whose every use is such an argument.

Anything else keeps its severity: a library's function given the flag anywhere, data that also
reaches another call, a block that expects another error (a load may run before it), and every flag
in a module that asserts no refusal of it. What this cannot see: a project function that forwards
the flag to a loader before raising the refusal the test expects (its body is not followed).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

# What an expected message names when it is about the flag (`match="trust_remote_code"`,
# "Trust remote code is disabled", "--trust-remote-code").
_NAMES_FLAG = re.compile(r"trust[\s_-]*remote[\s_-]*code", re.IGNORECASE)
# Calls that assert the block raises (pytest, unittest); the message is `match=` or, for the
# regex forms, the second positional argument.
_RAISES = frozenset({"raises", "assertRaises", "assertRaisesRegex", "assertRaisesRegexp"})
_REGEX_FORMS = frozenset({"assertRaisesRegex", "assertRaisesRegexp"})
# Library calls that load a model, tokenizer or dataset with the keyword arguments they are given:
# under these names even a project's own module (a re-export) loads.
_LIBRARY_LOADERS = frozenset(
    {"from_pretrained", "pipeline", "load_dataset", "SentenceTransformer", "CrossEncoder", "SparseEncoder", "LLM"}
)
# Calls that keep what they are given for a later call: the flag outlives the block.
_CARRIERS = frozenset(
    {"dict", "list", "tuple", "set", "partial", "partialmethod", "copy", "deepcopy", "update", "setdefault"}
    | {"append", "extend", "insert", "add", "setattr", "__setitem__", "put", "put_nowait", "send", "register"}
)
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
_LITERALS = (ast.List, ast.Tuple, ast.Set, ast.Dict)
# What a test may take besides its cases: pytest's own fixtures, which take no case, and the
# instance of a test class.
_PLAIN_FIXTURES = frozenset(
    {"self", "cls", "monkeypatch", "tmp_path", "tmp_path_factory", "tmpdir", "capsys", "capfd", "caplog"} | {"recwarn"}
)
# How far the flag is followed through names (`UNSAFE` -> `kwargs` -> a call).
_MAX_HOPS = 4


def _called_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _expected_message(call: ast.Call) -> str:
    """The text an expected-exception call asserts the error matches ("" when none is given)."""
    for keyword in call.keywords:
        if keyword.arg in ("match", "expected_regex") and isinstance(keyword.value, ast.Constant):
            return str(keyword.value.value)
    if _called_name(call) in _REGEX_FORMS and len(call.args) >= 2 and isinstance(call.args[1], ast.Constant):
        return str(call.args[1].value)
    return ""


def _raises_call(expression: ast.expr) -> ast.Call | None:
    if isinstance(expression, ast.Call) and _called_name(expression) in _RAISES:
        return expression
    return None


def _parameter_names(call: ast.Call) -> list[str]:
    """`parametrize("ef_class,config", ...)` or `parametrize(("a", "b"), ...)`: the names."""
    names = call.args[0] if call.args else None
    if isinstance(names, ast.Constant) and isinstance(names.value, str):
        return [name.strip() for name in names.value.split(",")]
    if isinstance(names, (ast.List, ast.Tuple)):
        return [str(e.value) for e in names.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return []


class RefusalTests:
    """The expected-exception blocks of one module, and whether it asserts the flag is refused."""

    def __init__(self, module: ast.Module, first_party: Callable[[str, int, str], bool]) -> None:
        """`first_party(module, level, name)`: whether `from module import name` (`level` leading
        dots; `import module` when `name` is empty) is the project's own code, outside its tests."""
        self.refuses_flag = False
        self._first_party = first_party
        self._blocks: set[int] = set()  # ids of the statements directly in a block refusing the flag
        self._parents: dict[int, ast.AST] = {}
        self._loads: dict[str, list[ast.Name]] = {}
        self._bindings: dict[str, int] = {}
        self._imported: dict[str, tuple[str, int, str]] = {}  # bound name -> (module, level, name there)
        nodes = list(ast.walk(module))
        for node in nodes:
            for child in ast.iter_child_nodes(node):
                self._parents[id(child)] = node
            if isinstance(node, ast.Name):
                if isinstance(node.ctx, ast.Load):
                    self._loads.setdefault(node.id, []).append(node)
                else:
                    self._bindings[node.id] = self._bindings.get(node.id, 0) + 1
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self._bindings[node.name] = self._bindings.get(node.name, 0) + 1
            elif isinstance(node, ast.arg):  # a parameter (a fixture) under an imported guard's name
                self._bindings[node.arg] = self._bindings.get(node.arg, 0) + 1
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    bound = alias.asname or alias.name.split(".")[0]
                    self._import(bound, (alias.name if alias.asname else bound, 0, ""))
            elif isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    self._import(alias.asname or alias.name, (node.module or "", node.level, alias.name))
            elif isinstance(node, (ast.With, ast.AsyncWith)):
                calls = [call for item in node.items if (call := _raises_call(item.context_expr)) is not None]
                if any(_NAMES_FLAG.search(_expected_message(call)) for call in calls):
                    self.refuses_flag = True
                    self._blocks.update(id(statement) for statement in node.body)

    def _import(self, bound: str, source: tuple[str, int, str]) -> None:
        """A name imported twice (a library's at the top, the project's in one test) may be either."""
        if bound in self._imported and self._imported[bound] != source:
            self._imported[bound] = ("", -1, "")
        else:
            self._imported[bound] = source

    def reason(self, node: ast.AST, *, data: bool) -> str | None:
        """Why the flag at `node` (a dict literal when `data`, else the call it is a keyword of)
        is a refusal test's input, or None."""
        if not self.refuses_flag:
            return None
        if not data:
            if isinstance(node, ast.Call) and self._refused_call(node):
                return "inside a block the test expects to raise, in a test that asserts trust_remote_code is refused"
            return None
        if isinstance(node, ast.expr) and self._reaches_only_refused_calls(node, _MAX_HOPS):
            return "test data for a check that refuses it (the module asserts trust_remote_code is refused)"
        return None

    def _refused_call(self, call: ast.Call) -> bool:
        """A call whose result the block drops, of the project's own function or class (imported
        from a module of the repository, under its own name), made directly in a block that
        expects the flag's refusal."""
        func = call.func
        root: ast.expr = func
        while isinstance(root, ast.Attribute):
            root = root.value
        if not isinstance(root, ast.Name):
            return False
        if isinstance(func, ast.Attribute) and func.attr in (_LIBRARY_LOADERS | _CARRIERS):
            return False
        roots = self._parametrised_names(root, call) if root.id not in self._imported else [root.id]
        if not roots or not all(self._own_class_or_function(name, called=func is root) for name in roots):
            return False
        statement = self._parents.get(id(call))
        if isinstance(statement, ast.Await):
            statement = self._parents.get(id(statement))
        return isinstance(statement, ast.Expr) and id(statement) in self._blocks

    def _own_class_or_function(self, name: str, *, called: bool) -> bool:
        """An imported name, bound by nothing else here, of a project module, under its own name
        (`from transformers import pipeline as make` hides what it is), and, when it is what is
        called, no library loader or carrier under that name."""
        if self._bindings.get(name) or name not in self._imported:
            return False  # defined, rebound or aliased here, or a builtin: not the guard under test
        module, level, imported = self._imported[name]
        if imported and imported != name:
            return False
        if level < 0 or (called and (imported in _LIBRARY_LOADERS or imported in _CARRIERS)):
            return False
        return self._first_party(module, level, imported)

    def _parametrised_names(self, parameter: ast.Name, call: ast.Call) -> list[str]:
        """`@parametrize("ef_class,config", [(OwnClass, {...}), ...])` then `ef_class.build(...)`:
        the names every case gives the parameter, or [] when a case gives anything else."""
        test = self._parents.get(id(call))
        while test is not None and not isinstance(test, (ast.FunctionDef, ast.AsyncFunctionDef)):
            test = self._parents.get(id(test))
        if test is None or any(
            isinstance(node, ast.Name) and node.id == parameter.id and not isinstance(node.ctx, ast.Load)
            for statement in test.body
            for node in ast.walk(statement)
        ):
            return []  # no test of its own, or the parameter rebound in it
        for decorator in test.decorator_list:
            if not (isinstance(decorator, ast.Call) and _called_name(decorator) == "parametrize"):
                continue
            names = _parameter_names(decorator)
            if parameter.id not in names or len(decorator.args) < 2:
                continue
            cases = decorator.args[1]
            if any(keyword.arg == "indirect" for keyword in decorator.keywords) or not isinstance(
                cases, (ast.List, ast.Tuple)
            ):
                return []
            position = names.index(parameter.id)
            given: list[str] = []
            for case in cases.elts:
                value = case.elts[position] if len(names) > 1 and isinstance(case, (ast.Tuple, ast.List)) else case
                if len(names) > 1 and not (isinstance(case, (ast.Tuple, ast.List)) and len(case.elts) == len(names)):
                    return []
                if not isinstance(value, ast.Name):
                    return []
                given.append(value.id)
            return given
        return []

    def _reaches_only_refused_calls(self, literal: ast.expr, hops: int) -> bool:
        """Whether the value at `literal` (climbing the literals around it) is handed only to
        refused calls: as an argument, through a name bound once to it, or a test's parameter."""
        node: ast.AST = literal
        chain = [node]  # from the flag's literal out to the outermost literal around it
        parent = self._parents.get(id(node))
        while isinstance(parent, _LITERALS) and not (isinstance(parent, ast.Dict) and node in parent.keys):
            node, parent = parent, self._parents.get(id(parent))
            chain.append(node)
        if isinstance(parent, (ast.keyword, ast.Starred)):
            node, parent = parent, self._parents.get(id(parent))
        if isinstance(parent, ast.Call) and node is not parent.func:
            if _called_name(parent) == "parametrize":
                # `[(Cls, {...}), ...]`: the flag's case is chain[-2], its place in the case chain[-3].
                case = chain[-2] if len(chain) >= 2 else None
                inner = chain[-3] if len(chain) >= 3 else None
                position = (
                    case.elts.index(inner) if isinstance(case, (ast.Tuple, ast.List)) and inner in case.elts else None
                )
                return hops > 0 and self._parameters_reach_refused_calls(parent, node, position, hops - 1)
            return self._refused_call(parent)
        targets = (
            parent.targets
            if isinstance(parent, ast.Assign)
            else [parent.target]
            if isinstance(parent, ast.AnnAssign)
            else []
        )
        if (
            isinstance(parent, (ast.Assign, ast.AnnAssign))
            and node is parent.value
            and len(targets) == 1
            and isinstance(targets[0], ast.Name)
        ):
            name = targets[0].id
            uses = self._loads.get(name, [])
            return (
                hops > 0
                and self._bindings.get(name) == 1
                and bool(uses)
                and all(self._reaches_only_refused_calls(use, hops - 1) for use in uses)
            )
        return False

    def _parameters_reach_refused_calls(self, call: ast.Call, given: ast.AST, position: int | None, hops: int) -> bool:
        """`@pytest.mark.parametrize("kwargs", CASES)` on a test: every use of the parameter that
        receives the flag, inside that test, is an argument of a refused call."""
        if len(call.args) < 2 or given is not call.args[1]:
            return False  # the flag sits in the names, ids or marks: not a case's value
        if any(keyword.arg == "indirect" for keyword in call.keywords):
            return False  # the cases go to fixtures, which may load with them
        test = self._parents.get(id(call))
        if not isinstance(test, (ast.FunctionDef, ast.AsyncFunctionDef)) or call not in test.decorator_list:
            return False
        names = _parameter_names(call)
        cased = {
            name
            for decorator in test.decorator_list
            if isinstance(decorator, ast.Call) and _called_name(decorator) == "parametrize"
            for name in _parameter_names(decorator)
        }
        taken = {argument.arg for argument in (*test.args.posonlyargs, *test.args.args, *test.args.kwonlyargs)}
        others = taken - cased
        if others - _PLAIN_FIXTURES:
            return False  # a fixture of the test may take the case by its name and load with it
        if len(names) > 1:
            if position is None or position >= len(names):
                return False
            names = [names[position]]
        if len(names) != 1:
            return False
        uses = [
            node
            for statement in test.body
            for node in ast.walk(statement)
            if isinstance(node, ast.Name) and node.id == names[0] and isinstance(node.ctx, ast.Load)
        ]
        return bool(uses) and all(self._reaches_only_refused_calls(use, hops) for use in uses)
