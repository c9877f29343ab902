"""Whether an own YAML loader's classes hold no code of their own, and nothing can change them.

A subclass of `yaml.SafeLoader` builds what SafeConstructor builds until its class, one of the
module's own classes among its bases, or the module itself changes what PyYAML calls. Anything a
loader's own code may reach at load time can build anything (two red teams showed a method that
"only delegates" still reaching the whole interpreter: handed-on methods, `__str__` run by an
f-string, frame attributes, a base's second definition), so trust is given to classes with no
code at all:

- each class is bound once, by its `class` statement (no decorator, metaclass, second `class`,
  `def`, import or match capture of the name; a plain `Loader = yaml.SafeLoader` fallback is the
  caller's to check), and its bases are PyYAML's safe loaders or resolvers (imported under names
  nothing rebinds; `try: from yaml import CSafeLoader as SafeLoader` with the plain fallback is
  one name), the module's own such classes, or `object`;
- the bodies hold a docstring, `pass`, constants, plain builders only
  (yaml_loaders._PlainBuilders: `return tuple(self.construct_sequence(node))`), each defined once,
  and at most an `__init__` that only hands its parameters to its bases' (`super().__init__(stream)`,
  `Resolver.__init__(self)`: clearml's float loader);
- the classes and yaml's names never go anywhere as values (only as bases, `Loader=` and the
  loader argument of yaml's own calls, `super(L, self)`, `isinstance`, and attribute reads): code
  they were handed to could change them;
- the module reaches no name through text (`globals()`, `locals()`, `vars(module)`,
  `exec`/`eval`/`compile`, `builtins` in any spelling, `print.__self__`, a frame's `f_globals`,
  `getattr`/`setattr` handed on or used on yaml's names, the module's classes or a call's result,
  `attrgetter`/`methodcaller`/`getmembers`, a star import, a renamed registration, a namespace
  written through `__dict__`), deletes none of the names, patches nothing of yaml's or of its own
  classes from outside (`yaml.SafeLoader = Other`, `L.timestamp_regexp = obj`, `x.__init__ = f`),
  assigns no building name anywhere, and gives resolvers only `re.compile` patterns of constants
  (PyYAML calls a pattern's `match` on every plain scalar; path resolvers are not trusted).
  Reflection on the code's other objects (`setattr(cfg, k, v)`, `args.__dict__`) and settings of
  other modules (`os.environ[...] = ...`) reach no loader.

A third red team found these (and that judging each loader walked the whole module: 2,000 loaders
took 721 s; yaml_loaders.OwnLoaders now reads the module once). What one file cannot show stays
open: another module of the project patching PyYAML (`yaml.SafeLoader.add_constructor` through an
alias elsewhere) changes every loader, own or PyYAML's.

A loader with methods of its own (a duplicate-key check, line numbers, environment expansion)
keeps bandit's B506: a reviewer reads its code once and accepts it with a marker or a baseline.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field

from hooks.code.bindings import names_bound_by
from hooks.code.pyyaml_names import REGISTRATIONS, SAFE_LOADER_METHODS
from hooks.code.tree_nodes import nodes_of

# What an own loader may derive from: PyYAML's loaders that build plain data, and its resolvers.
SAFE_BASES = frozenset(
    {"yaml.SafeLoader", "yaml.CSafeLoader", "yaml.BaseLoader", "yaml.CBaseLoader"}
    | {"yaml.loader.SafeLoader", "yaml.loader.BaseLoader", "yaml.cyaml.CSafeLoader", "yaml.cyaml.CBaseLoader"}
    | {"yaml.Resolver", "yaml.BaseResolver", "yaml.resolver.Resolver", "yaml.resolver.BaseResolver"}
)
# Names whose reading reaches other names through text.
_DYNAMIC_NAMES = frozenset({"globals", "locals", "exec", "eval", "compile", "__import__", "__builtins__", "builtins"})
# Reflection on an object: dynamic when handed on as a value, or called on what may be yaml's or a
# class of the module (the classes' names never escape, _escaped_classes), with a computed name.
_REFLECTION = frozenset({"getattr", "hasattr", "setattr", "delattr"})
# Attribute names whose assignment anywhere changes how a loader builds.
_BUILDING_STORES = frozenset(
    {"yaml_constructors", "yaml_multi_constructors", "yaml_implicit_resolvers", "yaml_path_resolvers"}
    | {"get_data", "get_single_data", "flatten_mapping", "compose_node", "compose_document", "timestamp_regexp"}
)
# Attributes that reach an object's namespace, a frame's names or the builtins module
# (`sys._getframe().f_globals`, `print.__self__`), and the reflection helpers that read names as text.
_DYNAMIC_ATTRIBUTES = frozenset(
    {"__setattr__", "__builtins__", "__globals__", "__self__", "__closure__", "__code__", "modules"}
    | {"f_globals", "f_builtins", "f_locals", "f_back", "gi_frame", "cr_frame", "ag_frame", "tb_frame"}
    | {"_getframe", "currentframe", "getmembers", "getattr_static", "attrgetter", "methodcaller"}
)
_RESOLVER_REGISTRATIONS = frozenset({"add_implicit_resolver", "add_path_resolver"})
_MUTATORS = frozenset({"update", "setdefault", "pop", "popitem", "clear", "__setitem__", "__delitem__"})


def is_building(name: str) -> bool:
    """A name a loader subclass changes PyYAML's reading or building through."""
    return name in SAFE_LOADER_METHODS or name.startswith("construct_") or name == "yaml_constructors"


@dataclass
class ModuleFacts:
    """What the trust of any own loader of one module depends on, read once."""

    binders: dict[str, list[ast.AST]] = field(default_factory=dict)  # every node binding each name
    imported: dict[int, str] = field(default_factory=dict)  # id(alias) -> the dotted name it imports
    classes: dict[str, ast.ClassDef] = field(default_factory=dict)  # classes bound by one `class`
    dynamic: bool = False
    asked: set[int] = field(default_factory=set)  # attributes only tested for membership

    @classmethod
    def of(cls, module: ast.Module) -> ModuleFacts:
        facts = cls()
        called = {id(n.func) for n in nodes_of(module) if isinstance(n, ast.Call)}
        for node in nodes_of(module):
            for name in names_bound_by(node, deletions=True):  # `del L` unbinds: another binding
                facts.binders.setdefault(name, []).append(node)
            facts._note(node)
            if isinstance(node, ast.Name) and node.id in _REFLECTION and id(node) not in called:
                facts.dynamic = True  # `reduce(getattr, ...)`: a name read as text, handed on
            elif isinstance(node, ast.Call) and _resolver_registration(node):
                facts.dynamic = True  # a resolver whose pattern is an object of the code's: its `match` runs
        for node in nodes_of(module):
            if isinstance(node, ast.ClassDef):
                others = [b for b in facts.binders.get(node.name, []) if b is not node]
                # Besides its `class`, only a plain assignment may bind the name (the caller checks
                # that it assigns a safe loader: `except ImportError: Loader = yaml.SafeLoader`).
                if all(isinstance(b, ast.Name) for b in others):
                    facts.classes[node.name] = node
            elif isinstance(node, (ast.Attribute, ast.Subscript)) and not isinstance(node.ctx, ast.Load):
                if facts._watched(_root_name(node)):
                    facts.dynamic = True  # `yaml.SafeLoader = Other`, `L.timestamp_regexp = obj`
                if isinstance(node, ast.Attribute) and _building_store(node.attr):
                    facts.dynamic = True  # `Loader.construct_object = f`, `x.__init__ = f`
        # Namespaces written through (`x.__dict__[k] = v`, `x.__dict__.update(...)`); a read of
        # another object's `__dict__` (`parse_args().__dict__`) changes nothing.
        written = {
            id(n.value)
            for n in nodes_of(module)
            if (isinstance(n, ast.Subscript) and not isinstance(n.ctx, ast.Load))
            or (isinstance(n, ast.Attribute) and n.attr in _MUTATORS)
        }
        for node in nodes_of(module):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _REFLECTION:
                target = node.args[0] if node.args else None
                if target is None or not _a_local_name(target) or facts._watched(_root_name(target)):
                    facts.dynamic = True  # `setattr(yaml.SafeLoader, ...)`, `getattr(L, name)`, `setattr(f(), ...)`
            elif (
                isinstance(node, ast.Attribute)
                and node.attr == "__dict__"
                and id(node) not in facts.asked
                and (id(node) in written or facts._watched(_root_name(node.value)))
            ):
                facts.dynamic = True  # `L.__dict__`, `yaml.__dict__`, `f().__dict__[k] = v`
        if _escaped_classes(module, facts):
            facts.dynamic = True  # a class handed on as a value may be changed wherever it goes
        return facts

    def _note(self, node: ast.AST) -> None:
        if isinstance(node, ast.Compare):
            # `'x' not in cls.__dict__` only asks; a namespace written through is what is dynamic
            self.asked.update(id(c) for c in node.comparators if isinstance(c, ast.Attribute))
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                self.imported[id(alias)] = f"{'.' * node.level}{node.module or ''}.{alias.name}"
                renamed = alias.name in REGISTRATIONS or alias.name in _DYNAMIC_ATTRIBUTES
                if alias.name == "*" or renamed or (node.module or "").startswith("builtins"):
                    self.dynamic = True  # a star import, `add_constructor as register`, `attrgetter`
        elif isinstance(node, ast.Import):
            for alias in node.names:
                self.imported[id(alias)] = alias.name
                if alias.name.split(".")[0] == "builtins":
                    self.dynamic = True  # `import builtins as b`
        if (isinstance(node, ast.Name) and node.id in _DYNAMIC_NAMES) or (
            isinstance(node, ast.Attribute) and node.attr in _DYNAMIC_ATTRIBUTES and id(node) not in self.asked
        ):
            self.dynamic = True
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "vars"
            and (not node.args or not self._local_value(node.args[0]))
        ):
            self.dynamic = True  # `vars()`, `vars(yaml)`: a namespace written through

    def yaml_name(self, name: str) -> bool:
        """A name only imports bind, of yaml's module or of a name in it."""
        binders = self.binders.get(name, [])
        return bool(binders) and all(
            isinstance(b, ast.alias) and self.imported.get(id(b), "").split(".")[0] == "yaml" for b in binders
        )

    def _watched(self, root: str) -> bool:
        """A name bound to a class of the module, or to an import of yaml's (or of `sys`,
        `builtins`, `importlib`, which reach every module): what an own loader is made of."""
        for binder in self.binders.get(root, []):
            if isinstance(binder, ast.ClassDef):
                return True
            imported = self.imported.get(id(binder), "") if isinstance(binder, ast.alias) else ""
            if imported.split(".")[0] in ("yaml", "sys", "builtins", "importlib", "_yaml"):
                return True
        return False

    def _local_value(self, node: ast.expr) -> bool:
        """`args` in `vars(args)`: a name only parameters and assignments bind."""
        binders = self.binders.get(node.id, []) if isinstance(node, ast.Name) else [None]
        return all(isinstance(b, (ast.arg, ast.Name)) for b in binders)

    def safe_base_name(self, name: str) -> bool:
        """A base named by imports of PyYAML's safe loaders only (`from yaml import CSafeLoader as
        SafeLoader`, then `from yaml import SafeLoader` where the C one is missing)."""
        binders = self.binders.get(name, [])
        return bool(binders) and all(
            isinstance(b, ast.alias) and self.imported.get(id(b)) in SAFE_BASES for b in binders
        )


def trusted_definition(
    loader: str,
    facts: ModuleFacts,
    qualified: Callable[[ast.expr], str | None],
    plain_builder: Callable[[ast.FunctionDef], bool],
) -> bool:
    """Whether the module's class `loader` and its own bases hold no code of their own and
    nothing in the module can change them (the module docstring's shape). `qualified` names a
    base through the module's imports (`yaml.SafeLoader`)."""
    definition = facts.classes.get(loader)
    if facts.dynamic or definition is None:
        return False
    return _bare(definition, facts, qualified, plain_builder, set()) and _derives_from_a_safe_loader(
        definition, facts, qualified, set()
    )


def _bare(
    definition: ast.ClassDef,
    facts: ModuleFacts,
    qualified: Callable[[ast.expr], str | None],
    plain_builder: Callable[[ast.FunctionDef], bool],
    seen: set[str],
) -> bool:
    if definition.name in seen:
        return True
    seen.add(definition.name)
    if definition.decorator_list or definition.keywords:
        return False
    for statement in definition.body:
        if not _bare_statement(statement, plain_builder, definition):
            return False
    for base in definition.bases:
        own = facts.classes.get(base.id) if isinstance(base, ast.Name) else None
        if own is not None:
            if not _bare(own, facts, qualified, plain_builder, seen):
                return False
        elif not _safe_base(base, facts, qualified):
            return False
    return True


def _bare_statement(statement: ast.stmt, plain_builder: Callable[[ast.FunctionDef], bool], owner: ast.ClassDef) -> bool:
    if isinstance(statement, ast.Pass):
        return True
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
        return True  # the docstring
    if isinstance(statement, ast.FunctionDef):
        # defined once, undecorated, a container of the safe result; or an `__init__` that only
        # hands its parameters to its bases' (clearml's `FloatSafeLoader` with a resolver mixin)
        return plain_builder(statement) or _init_of_its_bases(statement, owner)
    if isinstance(statement, (ast.Assign, ast.AnnAssign)):
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        names = all(isinstance(t, ast.Name) and not is_building(t.id) and not t.id.startswith("__") for t in targets)
        return names and (statement.value is None or _constant(statement.value))
    return False  # `if`, `for`, `with`, `import`, a nested class, any other method


def _init_of_its_bases(function: ast.FunctionDef, owner: ast.ClassDef) -> bool:
    """`def __init__(self, stream)` whose every statement is `super().__init__(stream)`,
    `super(Owner, self).__init__(stream)` or `Base.__init__(self, ...)` of one of the class's own
    bases (each judged as a base), passing its parameters and nothing else."""
    arguments = function.args
    if function.name != "__init__" or function.decorator_list or function.returns is not None:
        return False
    if arguments.vararg or arguments.kwarg or arguments.kwonlyargs or arguments.defaults or not arguments.args:
        return False
    parameters = [a.arg for a in (*arguments.posonlyargs, *arguments.args)]
    instance = parameters[0]
    bases = {b.id for b in owner.bases if isinstance(b, ast.Name)}
    body = function.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    for statement in body:
        call = statement.value if isinstance(statement, ast.Expr) else None
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "__init__"):
            return False
        receiver = call.func.value
        explicit = isinstance(receiver, ast.Name) and receiver.id in bases
        through_super = (
            isinstance(receiver, ast.Call)
            and isinstance(receiver.func, ast.Name)
            and receiver.func.id == "super"
            and not receiver.keywords
            and (
                not receiver.args
                or (
                    len(receiver.args) == 2
                    and isinstance(receiver.args[0], ast.Name)
                    and receiver.args[0].id == owner.name
                    and isinstance(receiver.args[1], ast.Name)
                    and receiver.args[1].id == instance
                )
            )
        )
        passed = call.args[1:] if explicit else call.args
        if explicit and not (call.args and isinstance(call.args[0], ast.Name) and call.args[0].id == instance):
            return False
        if not (explicit or through_super) or call.keywords:
            return False
        if not all(isinstance(a, ast.Name) and a.id in parameters[1:] for a in passed):
            return False
    return True


def _safe_base(base: ast.expr, facts: ModuleFacts, qualified: Callable[[ast.expr], str | None]) -> bool:
    """PyYAML's safe loader or resolver under a name nothing rebinds, or `object`."""
    if isinstance(base, ast.Name):
        if base.id == "object":
            return "object" not in facts.binders
        return facts.safe_base_name(base.id)
    root = _root_name(base)
    binders = facts.binders.get(root, [])
    imported = len(binders) == 1 and isinstance(binders[0], ast.alias)
    return imported and qualified(base) in SAFE_BASES


def _derives_from_a_safe_loader(
    definition: ast.ClassDef, facts: ModuleFacts, qualified: Callable[[ast.expr], str | None], seen: set[str]
) -> bool:
    """Some base, directly or through the module's own classes, is one of PyYAML's loaders."""
    if definition.name in seen:
        return False
    seen.add(definition.name)
    for base in definition.bases:
        own = facts.classes.get(base.id) if isinstance(base, ast.Name) else None
        if own is not None and _derives_from_a_safe_loader(own, facts, qualified, seen):
            return True
        if own is None and _loader_name(base, facts, qualified):
            return True
    return False


def _loader_name(base: ast.expr, facts: ModuleFacts, qualified: Callable[[ast.expr], str | None]) -> bool:
    if isinstance(base, ast.Name) and base.id in facts.binders:
        names = {facts.imported.get(id(b), "") for b in facts.binders[base.id]}
    else:
        names = {qualified(base) or ""}
    return bool(names) and all(n in SAFE_BASES and "Resolver" not in n for n in names)


def _building_store(attribute: str) -> bool:
    """An attribute whose assignment, on any object, may change how a loader builds."""
    dunder = attribute.startswith("__") and attribute.endswith("__")
    return attribute.startswith("construct_") or attribute in _BUILDING_STORES or dunder


def _a_local_name(node: ast.expr) -> bool:
    """A name, or attributes of one (`self.args`, `parsed_args`): not a call's or subscript's result."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


def _escaped_classes(module: ast.Module, facts: ModuleFacts) -> bool:
    """Whether a class of the module, or yaml's module or a name imported from it, is read
    anywhere but as a base, a `Loader=` argument, the
    loader argument of `yaml.load`/`load_all`, `super(Class, self)`, `isinstance`/`issubclass`, a
    registration's receiver or a name read (`L.__name__`): anywhere else it goes as a value
    (`patch(L)`, `x = L`, `[L]`) to code that may change it."""
    allowed: set[int] = set()
    for node in nodes_of(module):
        if isinstance(node, ast.ClassDef):
            allowed.update(id(b) for b in node.bases)
        elif isinstance(node, ast.Call):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            yaml_call = facts.yaml_name(_root_name(node.func))  # `yaml.load(...)`, `load(...)` from yaml
            if yaml_call:
                allowed.update(id(k.value) for k in node.keywords if k.arg == "Loader")
            if yaml_call and called in ("load", "load_all") and len(node.args) > 1:
                allowed.add(id(node.args[1]))
            if called in ("super", "isinstance", "issubclass") and node.args:
                allowed.add(id(node.args[0] if called == "super" else node.args[-1]))
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
            # `L.add_constructor(...)` (judged as a registration), `L.__name__`, `L.construct_x`
            allowed.add(id(node.value))
    return any(
        isinstance(node, ast.Name)
        and isinstance(node.ctx, ast.Load)
        and (node.id in facts.classes or facts.yaml_name(node.id))
        and id(node) not in allowed
        for node in nodes_of(module)
    )


def _resolver_registration(call: ast.Call) -> bool:
    """`add_implicit_resolver(tag, pattern, first)` whose pattern is not `re.compile` of a
    constant (PyYAML calls the pattern's `match` on every plain scalar), or any path resolver."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name not in _RESOLVER_REGISTRATIONS:
        return False
    if name == "add_path_resolver" or len(call.args) < 2:
        return True
    pattern = call.args[1]
    return not (
        isinstance(pattern, ast.Call)
        and isinstance(pattern.func, ast.Attribute)
        and pattern.func.attr == "compile"
        and isinstance(pattern.func.value, ast.Name)
        and pattern.func.value.id == "re"
        and bool(pattern.args)
        and all(_constant_text(a) for a in pattern.args)
    )


def _constant_text(node: ast.expr) -> bool:
    """A string or flags constant, or a concatenation or `|` of them."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.BinOp):
        return _constant_text(node.left) and _constant_text(node.right)
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "re"


def _constant(value: ast.expr) -> bool:
    """A constant, or a tuple, list or set of them."""
    if isinstance(value, ast.Constant):
        return True
    return isinstance(value, (ast.Tuple, ast.List, ast.Set)) and all(_constant(e) for e in value.elts)


def _root_name(node: ast.expr) -> str:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""
