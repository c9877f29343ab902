"""Which of a module-level name's bindings reach a read of it, in the order the module runs.

A module (a script, or a notebook's cells in order) runs its top-level statements once, top to
bottom. In

    model = "tiiuae/falcon-7b"
    model = AutoModel.from_pretrained(model, revision=SHA, trust_remote_code=True)

the `model` passed to from_pretrained is the string bound one statement before: the call's result
is bound only after the call returns. Without the order, the name holds "a string or a model" and
is not a constant. This index answers only where the answer is certain, and leaves every other
read to the flow-insensitive view (all bindings):

- the read is in a simple top-level statement (an assignment or an expression), not in a
  function, a lambda or a generator expression (those run later, perhaps after a rebinding) nor
  in a comprehension (its `for` binds names of its own), not in a compound statement (a loop may
  run a later binding first);
- every binding of the name is a located assignment in the module's own statements (not in a
  function that declares it `global`, not an import, def or `except ... as`), and none is a
  walrus (`:=` may bind within the same expression, before the read);
- at least one binding comes before the read. What reaches it is the last plain top-level
  assignment before it and every binding after that one and before the read that may or may not
  run (inside an `if`, a `try`, a loop, a class body), or that adds to it (`+=`);
- nothing in the module can bind its names out of sight: no `exec`/`eval`, no `globals()`,
  `vars()` or `locals()`, no module object (`sys.modules`, `__main__`, `import_module(__name__)`,
  a frame's `f_globals`, a function's `__globals__`), no `from m import *`, no `get_ipython()`,
  and in a notebook no magic that binds names (`%run`, `%store -r`, `%pylab`, `%reset`, `%load`,
  `%macro`, `%rerun`, `%recall`, `%edit`, `%paste`, `%%capture NAME`, a cell magic's
  `--out`/`--err`/`--proc`). A name the module `del`s anywhere is left to every binding too (the
  lookup then falls through to builtins).
  Before the order was read, such a write went unseen only when the name had one binding; a
  later one made it "not constant" by accident, and that accident is kept.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass

from hooks.code.parsed_arguments import rebinds_unseen
from hooks.code.tree_nodes import nodes_of

# Statements a read may sit in and still be placed: they evaluate once, in order.
_SIMPLE = (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Expr, ast.Return)
# Expressions whose inside runs later (or again), or binds the same names itself (a
# comprehension's `for model in ...`): a read there may see any binding.
_DEFERRED = (
    ast.Lambda,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.GeneratorExp,
    ast.ListComp,
    ast.SetComp,
    ast.DictComp,
)


# Beyond what parsed_arguments.rebinds_unseen knows (star imports, `globals()`, `locals()`,
# `vars()`, `__builtins__`, `sys.modules`, a function's `__globals__`): names whose use lets code
# bind the module's names out of sight (`exec` text, the `__main__` module, IPython's shell).
_HIDDEN_WRITERS = frozenset({"vars", "exec", "eval", "execfile", "get_ipython", "__main__"})
# Attributes that reach a module's or a session's namespace (a frame's globals, IPython's user
# namespace); `sys.modules` under another name of `sys` too (torch's `model.modules()` is no namespace).
_NAMESPACE_ATTRIBUTES = frozenset({"f_globals", "f_locals", "user_ns", "user_global_ns"})
# IPython magics that bind names in the session (`%run -i`, `%store -r x`, `%pylab`'s star import).
_BINDING_MAGICS = frozenset(
    {"run", "store", "pylab", "reset", "reset_selective", "load", "macro", "rerun", "recall", "edit", "paste", "cpaste"}
)
_OUTPUT_OPTIONS = ("--out", "--err", "--proc")


def _magic_binds(magic: str) -> bool:
    name, _, arguments = magic.strip().partition(" ")
    words = arguments.split()
    return name in _BINDING_MAGICS or (name == "capture" and bool(words)) or any(o in words for o in _OUTPUT_OPTIONS)


def _writes_out_of_sight(node: ast.AST) -> bool:
    """Whether `node` lets code bind the module's names without an assignment the index sees."""
    if rebinds_unseen(node):
        return True
    if isinstance(node, ast.Name):
        return node.id in _HIDDEN_WRITERS
    if isinstance(node, ast.Attribute):
        return node.attr in _NAMESPACE_ATTRIBUTES or (
            node.attr == "modules" and isinstance(node.value, ast.Name) and node.value.id.endswith("sys")
        )
    if isinstance(node, ast.ImportFrom):
        return node.module == "sys" and any(alias.name == "modules" for alias in node.names)
    if isinstance(node, ast.Import):
        return any(alias.name == "__main__" for alias in node.names)
    if isinstance(node, ast.Call) and any(isinstance(a, ast.Name) and a.id == "__name__" for a in node.args):
        callee = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        return callee in ("import_module", "__import__", "reload")  # the module's own object
    return False


@dataclass(frozen=True)
class _Binding:
    index: int  # the top-level statement that binds
    resets: bool  # a plain assignment directly in the module body: what came before is gone


class ModuleOrder:
    def __init__(self, module: ast.Module, magics: Sequence[str] = ()) -> None:
        self._reads: dict[int, int] = {}  # id(Name read) -> its top-level statement
        self._bindings: dict[int, _Binding] = {}  # id(bound value) -> where it is bound
        # One walk: whether anything binds names out of sight, and which names are deleted.
        self.hidden = any(_magic_binds(magic) for magic in magics)
        self._deleted: set[str] = set()
        for node in nodes_of(module):
            if isinstance(node, ast.Delete):
                self._deleted.update(target.id for target in node.targets if isinstance(target, ast.Name))
            elif not self.hidden and _writes_out_of_sight(node):
                self.hidden = True
        if self.hidden:
            return  # every read keeps every binding
        for index, statement in enumerate(module.body):
            self._index_bindings(statement, index)
            if isinstance(statement, _SIMPLE):
                self._index_reads(statement, index)

    def _index_bindings(self, statement: ast.stmt, index: int) -> None:
        if isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None:
            # `repo, sha = "org/m", SHA` binds each element (command_origin.unpacked_pairs)
            values: list[ast.AST] = [statement.value]
            while values:
                value = values.pop()
                self._bindings[id(value)] = _Binding(index, True)
                if isinstance(value, (ast.Tuple, ast.List)):
                    values.extend(value.elts)
            return
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return  # its body binds the module's names only through `global`: left unlocated
        stack: list[ast.AST] = [statement]
        while stack:
            node = stack.pop()
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and node.value is not None:
                self._bindings[id(node.value)] = _Binding(index, False)
            elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
                self._bindings[id(node.iter)] = _Binding(index, False)
            elif isinstance(node, ast.withitem):
                self._bindings[id(node.context_expr)] = _Binding(index, False)
            stack.extend(ast.iter_child_nodes(node))

    def _index_reads(self, statement: ast.stmt, index: int) -> None:
        stack: list[ast.AST] = [statement]
        while stack:
            node = stack.pop()
            if isinstance(node, _DEFERRED):
                continue
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                self._reads[id(node)] = index
            stack.extend(ast.iter_child_nodes(node))

    def deleted(self, name: str) -> bool:
        return name in self._deleted

    def reaching(self, read: ast.AST, values: list[ast.AST]) -> list[ast.AST]:
        """Of `values` (everything the module binds to the name `read` reads), those that may
        be what it holds at that read; `values` itself where the order does not settle it."""
        at = self._reads.get(id(read))
        if at is None or (isinstance(read, ast.Name) and read.id in self._deleted):
            return values
        placed: list[tuple[_Binding, ast.AST]] = []
        for value in values:
            binding = self._bindings.get(id(value))
            if binding is None:
                return values  # an import, a def, a walrus, a function's `global` store: unplaced
            placed.append((binding, value))
        before = [(binding, value) for binding, value in placed if binding.index < at]
        if not before:
            return values
        resets = [binding.index for binding, _ in before if binding.resets]
        start = max(resets) if resets else -1
        return [value for binding, value in before if binding.index >= start]
