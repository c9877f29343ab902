"""Whether a downloaded pickle-format file is only ever read by loaders that refuse pickles.

`hf_hub_download(repo, "consolidated.00.pth")` names a pickle format (MLS311), but a file that the
code then opens only with `torch.load(path, weights_only=True)` or `numpy.load(path)` (whose
`allow_pickle` is off unless it is switched on) is never unpickled: torch's weights-only reader
and numpy's array reader refuse the opcodes that run code. Every use of the path must be such a
load, and those loads must be the libraries' own:

- a path used any other way (given to a function, copied to another name, put in a string, an
  attribute of that name anywhere, a notebook's shell or magic line such as `!x $path`,
  `%store path`, or any `%run`, which may run a script in the notebook's namespace) may reach a
  pickle loader this file does not show, and so may code that reaches names dynamically
  (`globals()`, `eval`, `getattr`);
- `np.load = ...`, `torch.load = ...`, `setattr(np, ...)` or anything else assigned into numpy or
  torch, torch's safe-globals allowlists (public or private), and any side door into modules,
  functions or the session (`sys.modules`, `__dict__`, `__defaults__`, `importlib`, `builtins`,
  `get_ipython().run_line_magic`, `user_ns`; magics that run other code: `%run`, `%load_ext`,
  `%alias_magic`, ...) change what those loads do or read the path unseen;
- `np` and `torch` must be the modules: a name imported twice, bound otherwise (a parameter, an
  assignment, `except ... as`, a `match` capture) or possibly rebound by a star import resolves
  to nothing.

The module is indexed once (scan time stays linear in the number of downloads).
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from hooks.code.tree_nodes import nodes_of

_TORCH_LOADS = frozenset({"torch.load", "torch.serialization.load"})
_NUMPY_LOADS = frozenset({"numpy.load"})
_LOADER_MODULES = ("numpy", "torch")
_ALLOWLISTS = re.compile(r"^torch\.(?:serialization\.)?(?:add_safe_globals|safe_globals)$")
_DYNAMIC_NAMES = frozenset(
    {"globals", "locals", "vars", "eval", "exec", "getattr", "setattr", "delattr"}
    | {"importlib", "builtins", "__builtins__", "__main__"}
)
# Attributes that reach into modules, functions or the IPython session from the side: a module
# table (`sys.modules["numpy"] = ...`), a namespace (`np.__dict__`, `user_ns`), a function's
# defaults (`loader.__defaults__`), or code the session runs (`run_line_magic("run", "-i x.py")`).
_SIDE_DOORS = frozenset(
    {"__dict__", "__setattr__", "__defaults__", "__kwdefaults__", "__globals__", "__code__", "__builtins__"}
    | {"modules", "import_module", "user_ns", "user_global_ns", "push", "ex", "ev", "magic"}
    | {"run_line_magic", "run_cell_magic", "run_cell", "safe_execfile", "safe_execfile_ipy", "safe_run_module"}
    | {"allow_pickle"}  # `data = np.load(p); data.allow_pickle = True`: an .npz archive then unpickles its arrays
)
_TORCH_ALLOWLISTS = re.compile(r"safe_globals|weights_only_unpickler")
# Magics that run code this file does not hold, in the notebook's namespace or as new magics.
_CODE_MAGICS = frozenset(
    {"run", "alias_magic", "load_ext", "reload_ext", "rerun", "macro", "load", "loadpy", "autoreload", "aimport"}
)
_WORD = re.compile(r"[A-Za-z_]\w*")

QualName = Callable[[ast.AST], "str | None"]


def module_qualname(module: ast.Module) -> QualName:
    """Dotted names resolved through every import of the module, wherever it stands (a notebook
    imports numpy in a later cell than the one that downloads). A name imported as two different
    things, or also bound otherwise, resolves to nothing; after a star import nothing does.
    Stricter than command_origin's module_aliases/qualified_name, which keep a name's first
    import and read an unimported name as itself: here a wrong `np` would lower a finding."""
    bound: dict[str, set[str]] = defaultdict(set)
    star = False
    for node in nodes_of(module):
        if isinstance(node, ast.Import):
            for alias in node.names:
                local = alias.asname or alias.name.split(".")[0]
                bound[local].add(alias.name if alias.asname else local)
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name == "*":
                    star = True
                elif node.module and not node.level:
                    bound[alias.asname or alias.name].add(f"{node.module}.{alias.name}")
                else:
                    bound[alias.asname or alias.name].add("")  # a relative import: the project's own
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            bound[node.id].add("")
        elif isinstance(node, ast.arg):
            bound[node.arg].add("")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound[node.name].add("")
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            for name in node.names:
                bound[name].add("")
        elif isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and node.name:
            bound[node.name].add("")  # `except E as np`, `case np:`
        elif isinstance(node, ast.MatchMapping) and node.rest:
            bound[node.rest].add("")

    def resolve(node: ast.AST) -> str | None:
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if star or not isinstance(node, ast.Name):
            return None
        targets = bound.get(node.id)
        if targets is None or len(targets) != 1 or "" in targets:
            return None
        return ".".join([next(iter(targets)), *reversed(parts)])

    return resolve


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _constant(node: ast.AST | None, value: bool) -> bool:
    return isinstance(node, ast.Constant) and node.value is value


def read_argument(call: ast.Call) -> ast.expr | None:
    """The file argument of a torch or numpy load: the first positional, or `f=`/`file=`."""
    if call.args:
        return call.args[0]
    return _keyword(call, "f") or _keyword(call, "file")


def refuses_pickles(call: ast.Call, qualname: QualName) -> bool:
    """A load that cannot unpickle: torch.load(weights_only=True) without a pickle_module,
    numpy.load without allow_pickle=True. `*args` or `**options` may switch either back on."""
    if any(k.arg is None for k in call.keywords) or any(isinstance(a, ast.Starred) for a in call.args):
        return False
    name = qualname(call.func)
    if name in _TORCH_LOADS:
        return (
            _constant(_keyword(call, "weights_only"), True)
            and _keyword(call, "pickle_module") is None
            and len(call.args) < 3  # pickle_module is torch.load's 3rd
        )
    if name in _NUMPY_LOADS:
        allow = _keyword(call, "allow_pickle")
        return (allow is None or _constant(allow, False)) and len(call.args) < 3  # allow_pickle is its 3rd
    return False


def _root_name(node: ast.AST) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def loader_aliases(module: ast.Module, qualname: QualName) -> set[str]:
    """Names bound to numpy or torch or a part of them (`fmt = np.lib.format`, `ser =
    torch.serialization`, and names bound to those): assigning into them changes the loaders.
    Objects the libraries return (`x = torch.zeros(3)`; `x.requires_grad = True`) are not parts."""
    roots = {name for name in (_root_name(n) for n in nodes_of(module) if isinstance(n, ast.Attribute)) if name}
    aliases = {name for name in roots if (qualname(ast.Name(id=name)) or "").startswith(_LOADER_MODULES)}
    bindings: list[tuple[str, ast.AST]] = []
    for node in nodes_of(module):
        if isinstance(node, ast.Assign):
            bindings += [(t.id, node.value) for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)) and isinstance(node.target, ast.Name) and node.value:
            bindings.append((node.target.id, node.value))
    changed = True
    while changed:  # at most one pass per binding
        changed = False
        for name, value in bindings:
            if name not in aliases and _refers_to(value, aliases):
                aliases.add(name)
                changed = True
    return aliases


def _refers_to(value: ast.AST, aliases: set[str]) -> bool:
    """Whether `value` may be one of `aliases` itself (a name, an attribute of one, a container
    or a choice holding one): not a call's result (`torch.device("cpu")`, `Model(cfg)` are
    objects the loaders never read)."""
    pending = [value]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Name) and node.id in aliases:
            return True
        if not isinstance(node, ast.Call):
            pending.extend(ast.iter_child_nodes(node))
    return False


class PickleFreeReads:
    """One walk of a module (and the texts outside its tree: a notebook's shell and magic lines)
    answering, for each download, whether only loads that refuse pickles read its file."""

    def __init__(self, module: ast.Module, other_texts: Sequence[str] = ()) -> None:
        qualname = module_qualname(module)
        aliases = loader_aliases(module, qualname)
        self.parent: dict[int, ast.AST] = {}
        self.loads_of_name: dict[str, list[int]] = defaultdict(list)  # name -> ids of its Load nodes
        self.safe_reads: set[int] = set()  # ids of Name nodes that are a refusing load's file argument
        self.safe_calls: set[int] = set()  # ids of refusing load calls
        self.unsafe_names: set[str] = set()  # attributes, global/nonlocal names, words of strings
        self.tampered = any(text.split()[:1] and text.split()[0] in _CODE_MAGICS for text in other_texts)
        self.class_bodies: set[int] = set()  # ids of the statements directly in a class body
        for node in nodes_of(module):
            for child in ast.iter_child_nodes(node):
                self.parent[id(child)] = node
            if isinstance(node, ast.ClassDef):
                self.class_bodies.update(id(statement) for statement in node.body)
            if isinstance(node, ast.Name):
                if node.id in _DYNAMIC_NAMES or (node.id == "__import__" and not self._result_dropped(node)):
                    self.tampered = True
                if isinstance(node.ctx, ast.Load):
                    self.loads_of_name[node.id].append(id(node))
            elif isinstance(node, ast.Attribute):
                self.unsafe_names.add(node.attr)  # `Cfg.path`, `__main__.ckpt`, `self.path`
                if node.attr in _SIDE_DOORS or _TORCH_ALLOWLISTS.search(node.attr):
                    self.tampered = True
                if not isinstance(node.ctx, ast.Load) and _root_name(node) in aliases:
                    self.tampered = True  # `np.load = ...`, `fmt = np.lib.format; fmt.read_array = ...`
            elif isinstance(node, (ast.Global, ast.Nonlocal)):
                self.unsafe_names.update(node.names)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                self.unsafe_names.update(_WORD.findall(node.value[:100_000]))
            elif isinstance(node, ast.Call):
                if _ALLOWLISTS.match(qualname(node.func) or ""):
                    self.tampered = True  # weights-only loads then build whatever was allowed
                elif refuses_pickles(node, qualname):
                    self.safe_calls.add(id(node))
                    argument = read_argument(node)
                    if isinstance(argument, ast.Name):
                        self.safe_reads.add(id(argument))
        for text in other_texts:
            self.unsafe_names.update(_WORD.findall(text[:100_000]))

    def _result_dropped(self, name: ast.Name) -> bool:
        """`__import__(dependency)` as a statement (a check that a package imports): the module it
        returns goes nowhere, so nothing is assigned into it."""
        call = self.parent.get(id(name))
        return isinstance(call, ast.Call) and call.func is name and isinstance(self.parent.get(id(call)), ast.Expr)

    def read_without_unpickling(self, download: ast.Call) -> bool:
        """Whether the file `download` fetches is read only by loads that refuse pickles: the
        call is itself such a load's file argument, or it is assigned (outside a class body) to
        a plain name whose every use is."""
        if self.tampered:
            return False
        parent = self.parent.get(id(download))
        if isinstance(parent, ast.Call):
            return id(parent) in self.safe_calls and read_argument(parent) is download
        if not (
            isinstance(parent, ast.Assign)
            and len(parent.targets) == 1
            and isinstance(parent.targets[0], ast.Name)
            and id(parent) not in self.class_bodies
        ):
            return False
        target = parent.targets[0].id
        if target in self.unsafe_names:
            return False
        uses = self.loads_of_name.get(target, [])
        return bool(uses) and all(use in self.safe_reads for use in uses)
