"""What a module does to its command line and environment that makes them someone else's text.

`eval`/`exec` of the operator's own text is low (command_origin.py, `operator_only`): the
command line as `parser.parse_args()` returns it, `sys.argv`, `os.environ`. That holds only while
the file leaves them alone. This module records, once per module, what it can see going against
that (each found by one of three red teams):

- names filled by a method (`lines = []` then `lines.append(cell.source)`): not only what they
  were bound to; names put into a container (`holder = [args]`) or given first to a function that
  changes it (`list.append(x, d)`, `operator.setitem(x, k, d)`), an attribute or item store inside
  an unpacking, loop, `with` or comprehension target, and any of these through another name;
- which builtins and module functions (`max`, `json.loads`) the file rebinds itself;
- names whose object is changed where the stores cannot be judged: `setattr(args, ...)`,
  `vars(args).update(...)`, `args.__dict__[k] = v`, `object.__setattr__(args, ...)`, `args.__init__(...)`,
  a mutating method on something it holds (`args.exprs.append(...)`), or any of these through
  another name bound to it (`a = args`);
- `sys.argv` written (`sys.argv = [...]`, `sys.argv[1:] = ...`, `sys.argv.extend(...)`), so the
  parser reads the file's words, not the operator's, or imported by name or handed to a function
  that may change it;
- `os.environ` written (`os.environ["X"] = ...`, `os.environ.update(...)`, `os.putenv(...)`);
- the argument parser's definitions: a `type=` that is not a plain conversion (`type=fetch`), an
  `action=` that is not one of argparse's own names, and the defaults (`default=`,
  `set_defaults(...)`), which command_origin.py judges like any other value;
- whether a parser class is argparse's (`argparse.ArgumentParser` imported and bound no other
  way), and whether a wrapper (`args = parse_args()`) is the file's own module-level `def`, bound
  no other way and with nothing that rebinds names unseen (a star import, `globals()`,
  `sys.modules`, `f.__globals__`).

What is passed to a function (`fill(args)`) may still be changed there: not followed.
Only the syntax tree is read; nothing is imported or run.
"""

from __future__ import annotations

import ast

from hooks.code.dotted_names import dotted_name
from hooks.code.tree_nodes import nodes_of

# Calls that change the object they are called on (a list, dict or set an argument holds).
_MUTATING_METHODS = frozenset(
    {"append", "extend", "insert", "update", "setdefault", "add", "__setitem__", "__setattr__", "__init__"}
)
_OBJECT_METHODS = frozenset({"__setitem__", "__setattr__", "__init__"})  # change the object they are called on
# Methods of os.environ / sys.argv (and os.putenv) by what they do to them.
_READING_METHODS = frozenset({"get", "copy", "items", "keys", "values", "index", "count", "__contains__"})
_REMOVING_METHODS = frozenset({"pop", "popitem", "remove", "clear", "unsetenv"})
_WRITING_METHODS = frozenset({"update", "setdefault", "putenv", "append", "extend", "insert"})
# Conversions of the operator's words that add no text of their own.
_PLAIN_TYPES = frozenset(
    {"str", "int", "float", "bool", "complex", "list", "tuple", "Path", "pathlib.Path"}
    | {"json.loads", "ast.literal_eval"}
)
_ARGPARSE_ACTIONS = frozenset(
    {
        "store",
        "store_const",
        "store_true",
        "store_false",
        "append",
        "append_const",
        "extend",
        "count",
        "help",
        "version",
    }
)


class InputChanges:
    """What a module does to its parsed arguments, `sys.argv` and `os.environ` (see the doc)."""

    def __init__(self, module: ast.Module) -> None:
        self.changed_unseen: set[str] = set()
        # Names whose container is filled by a method (`parts.append(x)`, `d.update(y)`): what they
        # hold is more than what they were bound to.
        self.filled_names: set[str] = set()
        # Values the file writes into sys.argv / os.environ (judged like any value), and whether it
        # writes them in a way whose value is not seen (an alias, an unknown method).
        self.argv_values: list[ast.expr] = []
        self.environ_values: list[ast.expr] = []
        self.argv_unseen = False
        self.environ_unseen = False
        self.parser_defaults: list[ast.expr] = []  # what add_argument/set_defaults put there unparsed
        self.odd_parser = False  # a type= or action= that may put anything into the arguments
        self._named_types = False
        self._registers = False
        aliases: dict[str, set[str]] = {}  # name -> names bound to it (`a = args`)
        # Names bound by importing argparse (`import argparse`, `from argparse import
        # ArgumentParser as AP`) and names bound any other way: a parser class must be argparse's.
        self._argparse_names: dict[str, str] = {}
        self._other_bound: set[str] = set()
        self._bindings: dict[str, int] = {}  # how many places bind each name
        self._imports: dict[str, list[str]] = {}  # name -> the modules `import m` binds it to
        self._unseen_rebinding = False  # a star import or globals(): any name may be rebound
        self._module = module
        self._stored_roots: set[str] = set()  # names an attribute or item store goes through
        for node in nodes_of(module):
            self._note_binding(node)
            if isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) and node.value is not None:
                held = dotted_name(node.value)
                if held in ("sys.argv", "os.environ"):  # env = os.environ: written through env unseen
                    self._unseen(held)
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(node.value, ast.Name) and isinstance(target, ast.Name):
                        aliases.setdefault(node.value.id, set()).add(target.id)
                    self._note_store(target, node.value)
            elif isinstance(node, ast.AugAssign):
                self._note_store(node.target, node.value)
            elif isinstance(node, ast.Call):
                self._note_call(node)
        self._note_escapes(module)
        # A type named by a string is argparse's registry entry: unknown once the file registers
        # its own (`parser.register("type", "bool", fetch)`); without one argparse refuses it.
        if self._named_types and self._registers:
            self.odd_parser = True
        # Changed or filled through another name bound to it (`a = args; a.code = x`): the object
        # is the same, so every name of it is; followed to a fixpoint (chains `b = a = args`).
        touched = self.changed_unseen | self.filled_names | self._stored_roots
        changed = True
        while changed:
            changed = False
            for name, others in aliases.items():
                if others & touched and name not in touched:
                    touched.add(name)
                    changed = True
        for name, others in aliases.items():
            if others & touched:
                self.changed_unseen.add(name)
                self.filled_names.add(name)

    def argparse_parser_class(self, dotted: str) -> bool:
        """Whether `dotted` (`argparse.ArgumentParser`, `ArgumentParser`, an alias) is argparse's
        parser class, imported and bound no other way."""
        root, _, rest = dotted.partition(".")
        if root in self._other_bound:
            return False
        imported = self._argparse_names.get(root)
        return (imported == "argparse" and rest == "ArgumentParser") or (imported == "ArgumentParser" and not rest)

    def standard(self, dotted: str) -> bool:
        """Whether `dotted` is what its name says: a builtin (`max`) the file binds nowhere, or a
        function of a module (`json.loads`) whose name only `import json` binds."""
        if self._unseen_rebinding:
            return False
        root, _, rest = dotted.partition(".")
        bound = self._bindings.get(root, 0)
        if not rest:
            return bound == 0
        imports = self._imports.get(root, [])
        return bound > 0 and bound == len(imports) and all(module == root for module in imports)

    def only_def(self, name: str) -> ast.FunctionDef | None:
        """The module-level `def name` when it is the name's one binding anywhere in the file."""
        if self._unseen_rebinding or self._bindings.get(name) != 1:
            return None
        for statement in self._module.body:
            if isinstance(statement, ast.FunctionDef) and statement.name == name and not statement.decorator_list:
                return statement
        return None

    def _note_binding(self, node: ast.AST) -> None:
        names = _bound_names(node)
        for bound in names:
            self._bindings[bound] = self._bindings.get(bound, 0) + 1
        if rebinds_unseen(node):
            self._unseen_rebinding = True
        if isinstance(node, ast.Import):
            for alias in node.names:
                bound = alias.asname or alias.name.partition(".")[0]
                if alias.asname is None:
                    self._imports.setdefault(bound, []).append(alias.name.partition(".")[0])
                if alias.name == "argparse":
                    self._argparse_names[bound] = "argparse"
                else:
                    self._other_bound.add(bound)
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                bound = alias.asname or alias.name
                if node.module == "argparse" and node.level == 0 and alias.name == "ArgumentParser":
                    self._argparse_names[bound] = "ArgumentParser"
                else:
                    self._other_bound.add(bound)
        elif not isinstance(node, (ast.Global, ast.Nonlocal)):  # a declaration binds nothing itself
            self._other_bound.update(names)

    def _note_escapes(self, module: ast.Module) -> None:
        """What the per-statement notes cannot follow: an attribute or item store inside an
        unpacking, loop, `with` or comprehension target (`args.code, _ = x, 1`); a name put into a
        container or handed to a function (`holder = [args]`, `fill(ns)`, `list.append(x, d)`);
        `sys.argv`/`os.environ` handed on or imported by name (`from sys import argv`)."""
        direct: set[int] = set()
        for node in nodes_of(module):
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    direct.add(id(target))
            elif isinstance(node, ast.ImportFrom) and node.module in ("sys", "os") and node.level == 0:
                for alias in node.names:
                    if alias.name in ("argv", "environ", "environb", "putenv", "*"):
                        self._unseen("sys.argv" if alias.name == "argv" else "os.environ")
        for node in nodes_of(module):
            if isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.ctx, (ast.Store, ast.Del)):
                root = _root_name(node)
                if root is not None:
                    self._stored_roots.add(root)
                    if id(node) not in direct:
                        self.changed_unseen.add(root)
                source = _source_of(node)
                if source is not None and id(node) not in direct:
                    self._unseen(source)
            elif isinstance(node, (ast.List, ast.Tuple, ast.Set, ast.Dict)) and not isinstance(
                getattr(node, "ctx", None), (ast.Store, ast.Del)
            ):
                for element in node.values if isinstance(node, ast.Dict) else node.elts:
                    if element is not None:
                        self._escapes(element, whole=True)
            elif isinstance(node, ast.Call):
                name = dotted_name(node.func)
                if (name in _CHANGERS or name.startswith("operator.")) and node.args:
                    self._escapes(node.args[0], whole=True)  # list.append(x, d), operator.setitem(x, k, d)
                elif name not in _READERS:
                    for argument in [*node.args, *(k.value for k in node.keywords)]:
                        self._escapes(argument, whole=False)

    def _escapes(self, node: ast.AST, *, whole: bool) -> None:
        """A value put into a container (`whole`: or handed to a function that changes its first
        argument): whoever holds it may change it. `sys.argv`/`os.environ` handed to any function
        but a reader may be changed there. (A name passed to an ordinary function, `main(args)`,
        is not followed: the module doc's limit.)"""
        if isinstance(node, ast.Starred):
            node = node.value
        if isinstance(node, ast.Name) and whole:
            self.changed_unseen.add(node.id)
            self.filled_names.add(node.id)
        if isinstance(node, ast.Attribute):
            source = _source_of(node)
            if source is not None:
                self._unseen(source)

    def _unseen(self, dotted: str) -> None:
        if dotted.startswith("sys.argv"):
            self.argv_unseen = True
        else:
            self.environ_unseen = True

    def _note_store(self, target: ast.AST, value: ast.expr) -> None:
        if isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._note_store(element, value)  # the whole value: which part lands where is not told
            return
        if isinstance(target, ast.Subscript) and _holds_dict_of(target.value) is not None:
            self.changed_unseen.add(_holds_dict_of(target.value) or "")  # args.__dict__["x"] = v
        while isinstance(target, (ast.Subscript, ast.Starred)):
            target = target.value
        dotted = dotted_name(target)
        if dotted == "sys.argv":
            self.argv_values.append(value)
        elif dotted == "os.environ":
            self.environ_values.append(value)

    def _note_call(self, call: ast.Call) -> None:
        name = dotted_name(call.func)
        if name in ("setattr", "delattr", "object.__setattr__", "object.__delattr__") and call.args:
            root = _root_name(call.args[0])
            if root is not None:
                self.changed_unseen.add(root)
        elif name in ("os.putenv", "os.unsetenv") or name.startswith("os.environ."):
            self._note_source_call(call, name.rpartition(".")[2], self.environ_values, "os.environ")
        elif name.startswith("sys.argv."):
            self._note_source_call(call, name.rpartition(".")[2], self.argv_values, "sys.argv")
        elif isinstance(call.func, ast.Attribute) and call.func.attr in _MUTATING_METHODS:
            receiver = call.func.value
            owner = _holds_dict_of(receiver)  # vars(args).update(...), args.__dict__.update(...)
            if owner is None and (
                call.func.attr in _OBJECT_METHODS or isinstance(receiver, (ast.Attribute, ast.Subscript))
            ):
                owner = _root_name(receiver)  # args.__init__(...), args.exprs.append(x); not parser.add(x)
            if owner is not None:
                self.changed_unseen.add(owner)
            elif isinstance(receiver, ast.Name):
                self.filled_names.add(receiver.id)  # lines = []; lines.append(cell.source)
        if isinstance(call.func, ast.Attribute) and call.func.attr in ("add_argument", "set_defaults"):
            self.parser_defaults.extend(_defaults_of(call))
            for keyword in call.keywords:
                if keyword.arg == "type" and isinstance(keyword.value, ast.Constant):
                    self._named_types = True  # type="bool": a name in the parser's registry
                elif keyword.arg is None or not _plain_option(keyword):
                    self.odd_parser = True  # **options, type=fetch, a custom action: may put anything there
        if isinstance(call.func, ast.Attribute) and call.func.attr == "register":
            # parser.register("type", "bool", fn): fn converts the words; a comparison gives a bool
            converter = call.args[2] if len(call.args) == 3 else None
            if converter is None or not (_plain_conversion(converter) or _tests_only(converter)):
                self._registers = True

    def _note_source_call(self, call: ast.Call, method: str, values: list[ast.expr], source: str) -> None:
        """`os.environ.update(d)`, `os.putenv(k, v)`, `sys.argv.extend(words)`: what they put in."""
        if method in _READING_METHODS or method in _REMOVING_METHODS:
            return
        if method in _WRITING_METHODS and not any(isinstance(a, ast.Starred) for a in call.args):
            values.extend([*call.args, *(k.value for k in call.keywords)])
            return
        self._unseen(source)


def _plain_option(keyword: ast.keyword) -> bool:
    if keyword.arg == "type":
        return _plain_conversion(keyword.value)
    if keyword.arg == "action":
        if dotted_name(keyword.value) == "argparse.BooleanOptionalAction":
            return True
        return isinstance(keyword.value, ast.Constant) and keyword.value.value in _ARGPARSE_ACTIONS
    return True


def _plain_conversion(value: ast.expr) -> bool:
    """`type=int`, or `type=lambda s: ast.literal_eval(s)`: a plain conversion of the word given."""
    if isinstance(value, ast.Lambda):
        arguments = value.args
        if len(arguments.args) != 1 or arguments.posonlyargs or arguments.kwonlyargs or arguments.vararg:
            return False
        body = value.body
        return (
            isinstance(body, ast.Call)
            and dotted_name(body.func) in _PLAIN_TYPES
            and len(body.args) == 1
            and not body.keywords
            and isinstance(body.args[0], ast.Name)
            and body.args[0].id == arguments.args[0].arg
        )
    return not isinstance(value, ast.Call) and dotted_name(value) in _PLAIN_TYPES


def _tests_only(value: ast.expr) -> bool:
    """`lambda v: v.lower() in ("yes", "true")`: a one-argument lambda whose value is a comparison."""
    return isinstance(value, ast.Lambda) and len(value.args.args) == 1 and isinstance(value.body, ast.Compare)


def _defaults_of(call: ast.Call) -> list[ast.expr]:
    """The values an `add_argument` or `set_defaults` call puts into the arguments unparsed."""
    if isinstance(call.func, ast.Attribute) and call.func.attr == "set_defaults":
        return [k.value for k in call.keywords]
    return [k.value for k in call.keywords if k.arg in ("default", "const")]


def rebinds_unseen(node: ast.AST) -> bool:
    """A star import, `globals()`, `vars()`, `f.__globals__`, `sys.modules`: names may change unseen."""
    if isinstance(node, ast.ImportFrom):
        return any(alias.name == "*" for alias in node.names)
    if isinstance(node, ast.Name):
        return node.id in ("globals", "locals", "__builtins__")
    if isinstance(node, ast.Call):
        return dotted_name(node.func) == "vars" and not node.args
    if isinstance(node, ast.Attribute):
        return node.attr in ("__globals__", "__code__") or dotted_name(node) == "sys.modules"
    return False


def _bound_names(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
        return [node.id]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, ast.arg):
        return [node.arg]
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return [alias.asname or alias.name.partition(".")[0] for alias in node.names]
    if isinstance(node, ast.ExceptHandler) and node.name:
        return [node.name]
    if isinstance(node, (ast.Global, ast.Nonlocal)):
        return list(node.names)  # a store elsewhere may then rebind the module's name
    return []


# Calls that only read what they are given (handing sys.argv or os.environ to them changes nothing).
_READERS = frozenset(
    {"len", "print", "str", "repr", "int", "float", "bool", "list", "tuple", "dict", "set", "sorted", "min", "max"}
    | {"sum", "abs", "round", "enumerate", "iter", "zip", "isinstance", "hasattr", "format", "type"}
    | {"json.dumps", "logging.info", "logging.debug", "logging.warning", "logger.info", "logger.debug"}
    | {"os.getenv", "os.environ.get", "eval", "exec", "compile", "ast.literal_eval", "json.loads"}
    | {"copy.copy", "copy.deepcopy", "subprocess.run", "subprocess.Popen", "subprocess.call"}
    | {"subprocess.check_call", "subprocess.check_output", "os.execvpe", "os.execve"}
)
# Calls that change the object given first (`list.append(x, d)`, `getattr(x, "append")(d)`).
_CHANGERS = frozenset(
    {"list.append", "list.extend", "list.insert", "list.__setitem__", "list.__iadd__", "dict.update"}
    | {"dict.__setitem__", "dict.setdefault", "set.add", "set.update", "getattr", "object.__setattr__"}
    | {"type.__setattr__"}
)


def _source_of(node: ast.AST) -> str | None:
    """ "sys.argv" or "os.environ" when `node` is one of them (`sys.argv`, `sys.argv[1]` as a
    target is the list itself being changed)."""
    while isinstance(node, ast.Subscript):
        node = node.value
    dotted = dotted_name(node) if isinstance(node, ast.Attribute) else ""
    return dotted if dotted in ("sys.argv", "os.environ", "os.environb") else None


def _holds_dict_of(node: ast.AST) -> str | None:
    """`vars(args)` or `args.__dict__`: the name whose attributes this dict is."""
    if isinstance(node, ast.Call) and dotted_name(node.func) == "vars" and node.args:
        return _root_name(node.args[0])
    if isinstance(node, ast.Attribute) and node.attr == "__dict__":
        return _root_name(node.value)
    return None


def _root_name(node: ast.AST) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Starred)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None
