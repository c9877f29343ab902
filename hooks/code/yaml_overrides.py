"""Whether an own YAML loader's classes leave building to the safe constructor.

A subclass of `yaml.SafeLoader` builds what SafeConstructor builds until its class, or one of the
module's own classes among its bases, changes what PyYAML calls. Trust is given to an exact shape
only, because anything a loader's code can reach at load time can build anything:

- the classes are bound once each (no decorator, no metaclass, no second `class`, `def`, import
  or match capture of the name), and their bodies hold only a docstring, `pass`, constants and
  methods without decorators; no class hook (`__getattr__`, `__init_subclass__`, `__set_name__`,
  any dunder but `__init__`, `__repr__` and `__str__`);
- every method named like one of PyYAML's (`construct_object`, `compose_node`, `get_single_data`,
  ...; pyyaml_names.py), `__init__`, and every own helper such a method calls on itself, is a
  plain builder (yaml_loaders._PlainBuilders) or only delegates: its free names are pure
  builtins, exceptions, `super` and the loader itself; it calls PyYAML's methods on itself or its
  super (not the registrations), pure builtins, exceptions (builtin ones, PyYAML's, or the
  module's own with such bodies), plain methods of its local values (`seen.add(key)`, a call
  result's `.strip()`), a logger's methods and a few pure library functions (`warnings.warn`,
  `collections.OrderedDict`, `os.path.expandvars`, `re.sub`); it imports nothing, nests no
  function, declares no global, assigns no attribute of the loader and never rebinds it;
- the module reaches no name through text (`globals()`, `locals()`, `vars(module)`, `__dict__`,
  `exec`/`eval`/`compile`, `builtins` in any spelling, a star import, `setattr` on anything but a
  method's own instance outside the loader), and assigns no building name anywhere
  (`Loader.construct_object = f`).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field

from hooks.code.bindings import names_bound_by
from hooks.code.command_origin import module_aliases, qualified_name
from hooks.code.pyyaml_names import REGISTRATIONS, SAFE_LOADER_METHODS

_ALLOWED_DUNDERS = frozenset({"__init__", "__repr__", "__str__"})
_METHOD_KINDS = frozenset({"classmethod", "staticmethod"})
_PURE_BUILTINS = frozenset(
    {"len", "isinstance", "issubclass", "set", "dict", "list", "tuple", "frozenset", "str", "int", "float"}
    | {"bool", "sorted", "enumerate", "zip", "range", "hash", "repr", "any", "all", "min", "max", "reversed"}
    | {"map", "filter", "abs", "round", "sum", "bytes", "chr", "ord", "print"}
)
_BUILTIN_EXCEPTIONS = frozenset(
    {"Exception", "ValueError", "KeyError", "TypeError", "IndexError", "LookupError", "RuntimeError"}
    | {"AttributeError", "NotImplementedError", "AssertionError", "OSError", "FileNotFoundError"}
    | {"UnicodeError", "UnicodeDecodeError", "OverflowError", "Warning", "UserWarning", "RuntimeWarning"}
    | {"DeprecationWarning", "SyntaxWarning", "FutureWarning", "BaseException"}
)
_VALUE_METHODS = frozenset(
    {"add", "append", "extend", "get", "items", "keys", "values", "update", "setdefault", "pop", "copy"}
    | {"format", "join", "startswith", "endswith", "lower", "upper", "strip", "lstrip", "rstrip", "split"}
    | {"replace", "count", "index", "isdigit", "isidentifier", "encode", "decode", "most_common"}
)
_LIBRARY_CALLS = frozenset(
    {"warnings.warn", "collections.Counter", "collections.OrderedDict", "collections.defaultdict"}
    | {"os.path.expandvars", "os.path.expanduser", "os.path.join", "os.path.basename", "os.path.dirname"}
    | {"os.getenv", "os.environ.get", "re.sub", "re.match", "re.search", "re.fullmatch", "re.split"}
    | {"re.compile", "re.escape", "logging.debug", "logging.info", "logging.warning", "logging.error"}
)
_YAML_MODULES = frozenset(
    {"yaml", "yaml.constructor", "yaml.nodes", "yaml.error", "yaml.composer", "yaml.scanner", "yaml.parser"}
)
_LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical", "log"})
_NO_DELEGATE_NODES = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Lambda,
    ast.Import,
    ast.ImportFrom,
    ast.Global,
    ast.Nonlocal,
    ast.Yield,
    ast.YieldFrom,
    ast.Await,
    ast.Delete,
)
# Names whose reading reaches other names through text.
_DYNAMIC_NAMES = frozenset({"globals", "locals", "exec", "eval", "compile", "__import__", "__builtins__", "builtins"})
_DYNAMIC_ATTRIBUTES = frozenset({"__dict__", "__setattr__", "__builtins__", "__globals__", "modules"})


def is_building(name: str) -> bool:
    """A name a loader subclass changes PyYAML's reading or building through."""
    return name in SAFE_LOADER_METHODS or name.startswith("construct_") or name in ("yaml_constructors",)


@dataclass
class ModuleFacts:
    """What the trust of any own loader of one module depends on, read once."""

    binders: dict[str, list[ast.AST]] = field(default_factory=dict)  # every node binding each name
    aliases: dict[str, str] = field(default_factory=dict)
    classes: dict[str, ast.ClassDef] = field(default_factory=dict)  # classes bound once, by their def
    loggers: set[str] = field(default_factory=set)  # module names bound once to logging.getLogger(...)
    self_setattr_classes: set[str] = field(default_factory=set)  # classes whose methods setattr(self, ...)
    dynamic: bool = False
    stores_building_name: bool = False
    asked: set[int] = field(default_factory=set)  # attributes only tested for membership

    @classmethod
    def of(cls, module: ast.Module) -> ModuleFacts:
        facts = cls(aliases=module_aliases(ast.walk(module)))
        for node in ast.walk(module):
            for name in names_bound_by(node):
                facts.binders.setdefault(name, []).append(node)
            facts._note(node)
        for node in ast.walk(module):
            if isinstance(node, ast.ClassDef):
                others = [b for b in facts.binders.get(node.name, []) if b is not node]
                # Besides its def, only a plain assignment may bind the name (the caller checks
                # that it assigns a safe loader: `except ImportError: Loader = yaml.SafeLoader`).
                if all(isinstance(b, ast.Name) for b in others):
                    facts.classes[node.name] = node
        for statement in module.body:
            if (
                isinstance(statement, ast.Assign)
                and len(statement.targets) == 1
                and isinstance(statement.targets[0], ast.Name)
                and isinstance(statement.value, ast.Call)
                and qualified_name(statement.value.func, facts.aliases) == "logging.getLogger"
                and facts.bound_once(statement.targets[0].id)
            ):
                facts.loggers.add(statement.targets[0].id)
        for node in ast.walk(module):
            if isinstance(node, ast.ClassDef):
                facts._note_setattr(node)
            elif isinstance(node, (ast.Attribute, ast.Subscript)) and not isinstance(node.ctx, ast.Load):
                root = _root_name(node)
                if root and any(isinstance(b, ast.alias) for b in facts.binders.get(root, [])):
                    facts.dynamic = True  # `yaml.SafeLoader = Other`: an imported module patched
        return facts

    def _note(self, node: ast.AST) -> None:
        if isinstance(node, ast.Compare):
            # `'x' not in cls.__dict__` only asks; a namespace written through is what is dynamic
            self.asked.update(id(c) for c in node.comparators if isinstance(c, ast.Attribute))
        if (isinstance(node, ast.Name) and node.id in _DYNAMIC_NAMES) or (
            isinstance(node, ast.Attribute) and node.attr in _DYNAMIC_ATTRIBUTES and id(node) not in self.asked
        ):
            self.dynamic = True
        elif isinstance(node, ast.alias) and (node.name == "*" or node.name.split(".")[0] == "builtins"):
            self.dynamic = True  # `import builtins as b`, `from helpers import *`
        elif isinstance(node, ast.alias) and node.name.split(".")[-1] in REGISTRATIONS:
            self.dynamic = True  # `from yaml import add_constructor as register`: a registration renamed
        elif isinstance(node, ast.ImportFrom) and node.module == "builtins":
            self.dynamic = True
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "vars"
            and (not node.args or not self._local_value(node.args[0]))
        ):
            self.dynamic = True  # `vars()`, `vars(yaml)`: a namespace written through
        if isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Load) and is_building(node.attr):
            self.stores_building_name = True

    def _local_value(self, node: ast.expr) -> bool:
        """`args` in `vars(args)`: a name no import or class binds."""
        if not isinstance(node, ast.Name):
            return False
        return all(isinstance(b, (ast.arg, ast.Name)) for b in self.binders.get(node.id, [])) and node.id not in (
            self.aliases
        )

    def _note_setattr(self, owner: ast.ClassDef) -> None:
        """`setattr(self, k, v)` in a method of `owner` is the instance's own; any other setattr or
        delattr may reach a loader."""
        for statement in owner.body:
            if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            first = statement.args.posonlyargs[:1] or statement.args.args[:1]
            for node in ast.walk(statement):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                    if node.func.id not in ("setattr", "delattr"):
                        continue
                    target = node.args[0] if node.args else None
                    if first and isinstance(target, ast.Name) and target.id == first[0].arg:
                        self.self_setattr_classes.add(owner.name)
                    else:
                        self.dynamic = True
        return None

    def bound_once(self, name: str) -> bool:
        return len(self.binders.get(name, [])) == 1

    def imported_once(self, name: str) -> bool:
        """Bound only by one import: what the import gave it."""
        binders = self.binders.get(name, [])
        return len(binders) == 1 and isinstance(binders[0], ast.alias)

    def builtin(self, name: str) -> bool:
        """The builtin itself: the module binds no such name."""
        return name not in self.binders


def setattr_outside(facts: ModuleFacts, module: ast.Module) -> bool:
    """Any `setattr`/`delattr` call outside a class's methods reaches names by text."""
    inside = {id(n) for c in ast.walk(module) if isinstance(c, ast.ClassDef) for n in ast.walk(c)}
    return any(
        isinstance(n, ast.Call)
        and isinstance(n.func, ast.Name)
        and n.func.id in ("setattr", "delattr")
        and id(n) not in inside
        for n in ast.walk(module)
    )


@dataclass
class _Hierarchy:
    """The loader class and the module's own classes among its bases."""

    facts: ModuleFacts
    plain_builder: Callable[[ast.FunctionDef], bool]
    classes: list[ast.ClassDef] = field(default_factory=list)
    methods: dict[str, ast.FunctionDef] = field(default_factory=dict)  # first definition in the MRO walk
    checked: dict[str, bool] = field(default_factory=dict)

    def collect(self, definition: ast.ClassDef, seen: set[str]) -> bool:
        if definition.name in seen:
            return True
        seen.add(definition.name)
        if definition.decorator_list or definition.keywords or definition.name in self.facts.self_setattr_classes:
            return False
        self.classes.append(definition)
        for statement in definition.body:
            if not self._plain_statement(statement):
                return False
            if isinstance(statement, ast.FunctionDef):
                self.methods.setdefault(statement.name, statement)
        for base in definition.bases:
            if not isinstance(base, ast.Name):
                continue  # `yaml.SafeLoader`: the module's stores to yaml's names are checked apart
            own = self.facts.classes.get(base.id)
            if own is None and base.id in self.facts.binders and not self.facts.imported_once(base.id):
                return False  # `SafeLoader = Other`, a second class of the name, `object = Mixin`
            if own is not None and not self.collect(own, seen):
                return False
        return True

    def _plain_statement(self, statement: ast.stmt) -> bool:
        if isinstance(statement, ast.Pass):
            return True
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            return True  # the docstring
        if isinstance(statement, ast.FunctionDef):
            name = statement.name
            dunder = name.startswith("__") and name.endswith("__")
            # A helper of the class's own (`remove_implicit_resolver`, the no-dates loader) may be
            # a class or static method; PyYAML's names and dunders take no decorator.
            helper = not is_building(name) and not dunder
            decorated = all(
                helper and isinstance(d, ast.Name) and d.id in _METHOD_KINDS and self.facts.builtin(d.id)
                for d in statement.decorator_list
            )
            return decorated and (not dunder or name in _ALLOWED_DUNDERS)
        if isinstance(statement, (ast.Assign, ast.AnnAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            value = statement.value
            constant = value is None or _constant(value)
            named = all(
                isinstance(t, ast.Name) and not is_building(t.id) and not t.id.startswith("__") for t in targets
            )
            return constant and named
        return False  # `if`, `for`, `with`, `import`, a nested class: bindings not read

    def builds_plainly(self) -> bool:
        return all(
            self.delegates(name) for name, method in self.methods.items() if is_building(name) or name in ("__init__",)
        )

    def delegates(self, name: str) -> bool:
        """Whether the hierarchy's method `name` is a plain builder or only delegates."""
        if name in self.checked:
            return self.checked[name]
        self.checked[name] = True  # a method calling itself is judged by the rest of its body
        method = self.methods[name]
        verdict = self.plain_builder(method) or _Delegation(self, method).holds()
        self.checked[name] = verdict
        return verdict


class _Delegation:
    """One override's body against the delegating shape."""

    def __init__(self, hierarchy: _Hierarchy, function: ast.FunctionDef) -> None:
        self.hierarchy = hierarchy
        self.facts = hierarchy.facts
        self.function = function
        first = function.args.posonlyargs[:1] or function.args.args[:1]
        self.owner = first[0].arg if first else ""
        self.local: set[str] = set()
        self.rebound: set[str] = set()  # bound by the body itself, not as a parameter
        for node in ast.walk(function):
            if node is not function:
                bound = names_bound_by(node)
                self.local.update(bound)
                if not isinstance(node, ast.arg):
                    self.rebound.update(bound)
        # Names read as the root of an attribute chain: the chain itself is judged (`os.path.join`).
        self.attribute_roots = {id(n.value) for n in ast.walk(function) if isinstance(n, ast.Attribute)}

    def holds(self) -> bool:
        function = self.function
        if not self.owner or function.decorator_list:
            return False
        if self.owner in self.rebound:
            return False  # `self = other`, `case self`, `except E as self`
        for node in ast.walk(function):
            if node is function:
                continue
            if isinstance(node, _NO_DELEGATE_NODES):
                return False
            if (
                isinstance(node, ast.Attribute)
                and not isinstance(node.ctx, ast.Load)
                and (_root_name(node) == self.owner or is_building(node.attr))
            ):
                return False  # the loader's own state, or a building name
            if isinstance(node, ast.Call) and not self._call(node):
                return False
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and not self._free_name(node):
                return False
            if isinstance(node, ast.Attribute) and not self._chain(node):
                return False
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == self.owner
                and node.attr in self.hierarchy.methods
                and not self.hierarchy.delegates(node.attr)
            ):
                return False  # `key=self.evaluate`: a method of its own handed on runs too
        return True

    def _chain(self, node: ast.Attribute) -> bool:
        """An attribute read from an import (`os.path.expandvars`, `yaml.MappingNode`) names an
        allowed library part; reads from the loader's or a local value are the body's own."""
        root = _root_name(node)
        if not root or root in self.local or root == self.owner or not self.facts.imported_once(root):
            return True
        qualified = qualified_name(node, self.facts.aliases) or ""
        if qualified in _YAML_MODULES:
            return True  # `yaml.constructor` of `yaml.constructor.ConstructorError`: the chain goes on
        return any(allowed.startswith(qualified + ".") for allowed in _LIBRARY_CALLS) or _allowed_library(qualified)

    def _free_name(self, node: ast.Name) -> bool:
        """A name the body reads: its own, the loader, `super`, or what the module does not
        rebind: a pure builtin, an exception, an import of an allowed library, a logger."""
        name = node.id
        if name in self.local or name == self.owner or any(c.name == name for c in self.hierarchy.classes):
            return True  # its own, the instance, a class of the loader (`super(Loader, self)`)
        if name in ("super", *_PURE_BUILTINS, *_BUILTIN_EXCEPTIONS):
            return self.facts.builtin(name)
        if name in self.facts.loggers or _an_own_exception(name, self.facts, self.hierarchy.plain_builder):
            return True
        if self.facts.imported_once(name):
            # `from yaml.constructor import ConstructorError`, or the root of an allowed chain
            return id(node) in self.attribute_roots or _allowed_library(self.facts.aliases.get(name, name))
        return False

    def _call(self, call: ast.Call) -> bool:
        func = call.func
        if isinstance(func, ast.Name):
            if func.id == "super":
                return _is_super(call, self.owner)
            if func.id in self.local:
                return False  # a local bound to anything
            return (
                func.id in _PURE_BUILTINS
                or func.id in _BUILTIN_EXCEPTIONS
                or _an_own_exception(func.id, self.facts, self.hierarchy.plain_builder)
                or self._library(func)
            )
        if not isinstance(func, ast.Attribute):
            return False  # `handlers[tag](node)`, `f()()`
        receiver = func.value
        if _is_super(receiver, self.owner) or (isinstance(receiver, ast.Name) and receiver.id == self.owner):
            if func.attr in REGISTRATIONS:
                return False
            if func.attr in SAFE_LOADER_METHODS and func.attr not in self.hierarchy.methods:
                return True  # PyYAML's own
            return func.attr in self.hierarchy.methods and self.hierarchy.delegates(func.attr)
        if isinstance(receiver, ast.Name) and receiver.id in self.facts.loggers:
            return func.attr in _LOG_METHODS
        if self._library(func):
            return True
        if isinstance(receiver, ast.Name) and receiver.id in self.local:
            return func.attr in _VALUE_METHODS  # `seen.add(key)`
        if isinstance(receiver, (ast.Constant, ast.JoinedStr, ast.Call, ast.Subscript, ast.BinOp)):
            return func.attr in _VALUE_METHODS  # `", ".join(...)`, `super().construct_scalar(n).strip()`
        return False

    def _library(self, func: ast.expr) -> bool:
        """A pure library function, or PyYAML's exceptions and node classes, named through an
        import the module does not rebind."""
        root = _root_name(func)
        if not root or root in self.local or not self.facts.imported_once(root):
            return False
        return _allowed_library(qualified_name(func, self.facts.aliases) or "")


def _allowed_library(qualified: str) -> bool:
    """A pure library function, or one of PyYAML's exceptions and node classes (never one of its
    functions: `key=yaml.unsafe_load` would run it)."""
    return qualified in _LIBRARY_CALLS or (qualified.startswith("yaml.") and qualified.endswith(("Error", "Node")))


def _constant(value: ast.expr) -> bool:
    """A constant, or a tuple, list or set of them."""
    if isinstance(value, ast.Constant):
        return True
    return isinstance(value, (ast.Tuple, ast.List, ast.Set)) and all(_constant(e) for e in value.elts)


def _root_name(node: ast.expr) -> str:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def _is_super(node: ast.expr, owner: str) -> bool:
    """`super()` or `super(Class, self)`."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"):
        return False
    if node.keywords:
        return False
    return not node.args or (len(node.args) == 2 and isinstance(node.args[1], ast.Name) and node.args[1].id == owner)


def _an_own_exception(
    name: str, facts: ModuleFacts, plain_builder: Callable[[ast.FunctionDef], bool], seen: frozenset[str] = frozenset()
) -> bool:
    """The module's own exception class: bound once, its bases builtin or PyYAML's exceptions (or
    such classes), its body constants and `__init__`/`__str__` that only delegate."""
    definition = facts.classes.get(name)
    if definition is None or name in seen or definition.decorator_list or definition.keywords:
        return False
    if not definition.bases or facts.binders.get(name) != [definition]:
        return False
    for base in definition.bases:
        qualified = qualified_name(base, facts.aliases) or ""
        builtin = isinstance(base, ast.Name) and base.id in _BUILTIN_EXCEPTIONS and facts.builtin(base.id)
        yaml_error = qualified.startswith("yaml.") and qualified.endswith("Error")
        own = isinstance(base, ast.Name) and _an_own_exception(base.id, facts, plain_builder, seen | {name})
        if not (builtin or yaml_error or own):
            return False
    hierarchy = _Hierarchy(facts, plain_builder)
    for statement in definition.body:
        if isinstance(statement, ast.FunctionDef) and statement.name not in ("__init__", "__str__"):
            return False
        if not hierarchy._plain_statement(statement):
            return False
        if isinstance(statement, ast.FunctionDef):
            hierarchy.methods[statement.name] = statement
    # An exception's methods may keep what they are given on themselves (`self.key = key`).
    return all(_ExceptionBody(hierarchy, m).holds() for m in hierarchy.methods.values())


class _ExceptionBody(_Delegation):
    def holds(self) -> bool:
        function = self.function
        if not self.owner or function.decorator_list:
            return False
        for node in ast.walk(function):
            if node is function:
                continue
            if isinstance(node, _NO_DELEGATE_NODES):
                return False
            if isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Load) and is_building(node.attr):
                return False
            if isinstance(node, ast.Call) and not self._exception_call(node):
                return False
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and not self._free_name(node):
                return False
        return True

    def _exception_call(self, call: ast.Call) -> bool:
        func = call.func
        if isinstance(func, ast.Attribute) and _is_super(func.value, self.owner):
            return func.attr in ("__init__", "__str__")
        if isinstance(func, ast.Name) and func.id == "super":
            return _is_super(call, self.owner)
        if isinstance(func, ast.Name):
            return func.id in _PURE_BUILTINS and self.facts.builtin(func.id)
        receiver = func.value if isinstance(func, ast.Attribute) else None
        if isinstance(receiver, (ast.Constant, ast.JoinedStr, ast.Name)) and isinstance(func, ast.Attribute):
            local = not isinstance(receiver, ast.Name) or receiver.id in self.local
            return local and func.attr in _VALUE_METHODS
        return False


def trusted_definition(
    loader: str, module: ast.Module, facts: ModuleFacts, plain_builder: Callable[[ast.FunctionDef], bool]
) -> bool:
    """Whether the module's class `loader` and its own bases leave building to the safe
    constructor (the module docstring's shape)."""
    if facts.dynamic or facts.stores_building_name or setattr_outside(facts, module):
        return False
    definition = facts.classes.get(loader)
    if definition is None:
        return False
    hierarchy = _Hierarchy(facts, plain_builder)
    return hierarchy.collect(definition, set()) and hierarchy.builds_plainly()
