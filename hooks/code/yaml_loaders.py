"""Which PyYAML loaders build only plain data.

`yaml.SafeLoader`, `CSafeLoader`, `BaseLoader` and `CBaseLoader` construct strings, numbers,
lists and dicts; the others (`Loader`, `FullLoader`, `UnsafeLoader`) construct Python objects.
A module's own subclass of a safe loader (`class FloatSafeLoader(yaml.SafeLoader, FloatResolver)`)
builds what its base builds, unless something widens it. It is trusted only when nothing can:

- the name is bound once, by that class (or a plain `X = yaml.SafeLoader` fallback), never by an
  import alias, a parameter, a loop or a tuple;
- its other bases are the module's own classes whose bases are, in turn, plain (`object`, a
  resolver, or such classes), with no metaclass;
- the module never names PyYAML's object constructors, an unsafe loader or a constructor
  registration, uses a class's `__bases__`/`__class__`/`__mro__` only to read its name
  (`x.__class__.__name__`), and reaches nothing of yaml's (or of its own classes) through
  `getattr`/`setattr`/`import_module`.

Two registrations build less or the same, so they are allowed: a constant for a tag
(`add_multi_constructor("tag:...python/", lambda *a: None)`), and a plain builder
(`_PlainBuilders`: `def construct_python_tuple(self, node): return tuple(self.construct_sequence(node))`,
EfficientViT's and Sana's `SafeLoaderWithTuple`), a container of what the safe constructor built,
while the loader's class and its own bases hold nothing but such builders and no name can be
rebound by text (`setattr`, `vars`, `builtins`, a star import).
"""

from __future__ import annotations

import ast
import re

from hooks.code.command_origin import module_aliases, name_of, qualified_name
from hooks.code.tree_nodes import nodes_of
from hooks.code.yaml_overrides import ModuleFacts, trusted_definition

UNSAFE_YAML_LOADERS = frozenset(
    {"yaml.Loader", "yaml.UnsafeLoader", "yaml.FullLoader", "yaml.CLoader", "yaml.CUnsafeLoader", "yaml.CFullLoader"}
)
SAFE_YAML_LOADERS = frozenset({"yaml.SafeLoader", "yaml.CSafeLoader", "yaml.BaseLoader", "yaml.CBaseLoader"})
# What changes a loader's constructors (PyYAML's Python-object constructors, an unsafe loader's
# table, any constructor registration): a module that does is not judged by its loader's base.
_PYTHON_CONSTRUCTORS = re.compile(
    r"construct_python|UnsafeConstructor|FullConstructor|^Constructor$|^C?(?:Unsafe|Full)?Loader$|"
    r"yaml_(?:multi_)?constructors|add_(?:multi_)?constructor|^__bases__$|^__class__$|^__mro__$|"
    # `class Config(yaml.YAMLObject): yaml_loader = MyLoader` registers a tag on that loader that
    # builds a Config from whatever state the document gives
    r"YAMLObject|^yaml_loader$"
)
_PLAIN_YAML_MIXINS = frozenset({"yaml.Resolver", "yaml.BaseResolver"})


class OwnLoaders:
    """Judges a module's own loaders. What does not depend on the loader (the module's walks, its
    names reached through text, what it registers) is read once, so a file of thousands of loaders
    and `yaml.load` calls is judged in time linear in its size, not in their product."""

    def __init__(self, module: ast.Module) -> None:
        self.classes = {n.name: n for n in nodes_of(module) if isinstance(n, ast.ClassDef)}
        self.facts = ModuleFacts.of(module)
        self.plain = _PlainBuilders(module, self.classes, self.facts)
        self.registered = [n for n in nodes_of(module) if isinstance(n, ast.Call) and self.plain.registers_one(n)]
        self.module_aliases = module_aliases(nodes_of(module))
        self.assigned = {
            id(node.targets[0]): node.value
            for node in nodes_of(module)
            if isinstance(node, ast.Assign) and len(node.targets) == 1
        }
        self.widened = self._widened(module)

    def _widened(self, module: ast.Module) -> bool:
        """Whether anything in the module may change any loader's constructors: PyYAML's object
        constructors or an unsafe loader named, a registration that is not a constant or a plain
        builder, a class's `__bases__`/`__class__`/`__mro__` used for more than its name, a name
        of yaml's or of the module's classes reached by text."""
        constant_constructors = {
            id(node.func) for node in nodes_of(module) if isinstance(node, ast.Call) and _registers_a_constant(node)
        }
        constant_constructors |= {id(part) for node in self.registered for part in (node.func, node.args[1])}
        # `x.__class__.__name__` only reads a name; any other use of a class's `__class__`,
        # `__bases__` or `__mro__` may reach the class to change it (`L.__class__.__setattr__(...)`).
        only_named = {
            id(n.value)
            for n in nodes_of(module)
            if isinstance(n, ast.Attribute) and n.attr in _NAME_ATTRIBUTES and isinstance(n.ctx, ast.Load)
        }
        for node in nodes_of(module):
            if id(node) in constant_constructors:
                continue  # `add_multi_constructor("tag:...python/", lambda *a: None)`: builds less, not more
            if isinstance(node, ast.Attribute) and node.attr in _CLASS_DUNDERS and id(node) in only_named:
                continue
            if isinstance(node, (ast.Attribute, ast.Name)) and _PYTHON_CONSTRUCTORS.search(
                node.attr if isinstance(node, ast.Attribute) else node.id
            ):
                return True  # `add_constructor(...)`, `__bases__ = ...`, an unsafe loader named
            if isinstance(node, ast.Call) and _reaches_yaml_dynamically(node, self.classes, self.module_aliases):
                return True  # `getattr(yaml, "Unsafe" + "Loader")`, `importlib.import_module(...)`
        return False

    def trusts(self, loader: str, aliases: dict[str, str]) -> bool:
        """Whether `loader` is the module's own, trusted subclass of a safe loader. `aliases` are
        the imports seen where it is used."""
        if self.widened or self.facts.dynamic:
            return False
        if self.registered and not self.plain.bare_hierarchy(self.classes.get(loader), set()):
            return False  # the loader (or a base) may change how the builder's items are built
        for binder in self.facts.binders.get(loader, []):
            if isinstance(binder, ast.ClassDef):
                continue
            if not isinstance(binder, ast.Name):
                return False  # imported, a parameter, a `def`, a match capture, `except ... as`
            value = self.assigned.get(id(binder))
            if value is None or qualified_name(value, aliases) not in SAFE_YAML_LOADERS:
                return False  # bound by a loop, a tuple or to anything but a safe loader
        definition = self.classes.get(loader)
        # Imports anywhere in the module name the bases (the loader may be used above them).
        everywhere = {**self.module_aliases, **aliases}
        if definition is None or not _safe_bases(definition, self.classes, everywhere, set()):
            return False
        # The class and its own bases hold no code of their own, and nothing changes them.
        return trusted_definition(
            loader, self.facts, lambda base: qualified_name(base, everywhere), self.plain.plain_method
        )


_CLASS_DUNDERS = frozenset({"__bases__", "__class__", "__mro__"})
_NAME_ATTRIBUTES = frozenset({"__name__", "__qualname__", "__module__", "__doc__"})


def _registers_a_constant(call: ast.Call) -> bool:
    """`Loader.add_constructor(tag, lambda loader, node: None)` (or `add_multi_constructor` with a
    three-argument lambda): the tag becomes a constant; nothing of the document is constructed."""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr not in ("add_constructor", "add_multi_constructor"):
        return False
    if len(call.args) != 2 or call.keywords:
        return False
    tag, constructor = call.args
    return (
        isinstance(tag, ast.Constant)
        and isinstance(tag.value, str)
        and isinstance(constructor, ast.Lambda)
        and isinstance(constructor.body, ast.Constant)
    )


# What a plain builder may call: containers of what the safe constructor built, and the safe
# constructor's own methods for the node's children.
_CONTAINERS = frozenset({"tuple", "list", "set", "frozenset", "dict"})
_SAFE_CONSTRUCTOR_METHODS = frozenset(
    {"construct_sequence", "construct_mapping", "construct_scalar", "construct_pairs"}
)


class _PlainBuilders:
    """Constructors a module registers that build only plain data from what the safe constructor
    builds (`def construct_python_tuple(self, node): return tuple(self.construct_sequence(node))`,
    registered with `SafeLoaderWithTuple.add_constructor("tag:...python/tuple", ...)`, the
    EfficientViT/Sana loader): a tuple of safely built items is as plain as the list it came from.

    A builder is the method of one of the module's classes, written in that class's body, or a
    module-level function, each defined once and never assigned to; its body is one `return` of
    `tuple`/`list`/`set`/`frozenset`/`dict` around the loader's own `construct_sequence`,
    `construct_mapping`, `construct_scalar` or `construct_pairs` of the node (with a constant
    `deep=`); the module rebinds none of those names and defines no method of them."""

    def __init__(self, module: ast.Module, classes: dict[str, ast.ClassDef], facts: ModuleFacts) -> None:
        self.classes = classes
        self.facts = facts
        self.functions: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        # Every binding but a `def` (a parameter, a match capture, `except ... as`, an import):
        # a builder or builtin of that name is not the one the code shows.
        self.rebound: set[str] = {
            name
            for name, binders in facts.binders.items()
            if any(not isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef)) for b in binders)
        }
        self.texts_reach_classes = False
        # A name spelled as text (`type.__setattr__(L, "construct_sequence", f)`, `L.__dict__[...]`)
        # may be rebound where no store shows it: such names build nothing trusted.
        for node in nodes_of(module):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions.setdefault(node.name, []).append(node)
            elif isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Load):
                self.rebound.add(node.attr)  # `Loader.make_tuple = other`, `self.construct_sequence = f`
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.isidentifier():
                self.rebound.add(node.value)
            if isinstance(node, ast.Attribute) and node.attr in ("__setattr__", "__dict__", "__builtins__"):
                self.texts_reach_classes = True
            elif isinstance(node, ast.Name) and node.id in ("builtins", "__builtins__", "setattr", "delattr", "vars"):
                self.texts_reach_classes = True  # `setattr(builtins, "tu" + "ple", f)`: names rebound by text
            elif isinstance(node, ast.alias) and node.name == "*":
                self.texts_reach_classes = True  # `from helpers import *` may rebind `tuple`
        self.module_functions = {n.name for n in module.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}

    def bare_hierarchy(self, definition: ast.ClassDef | None, seen: set[str]) -> bool:
        """Whether a loader class and the module's own classes among its bases hold nothing but a
        docstring, `pass` and plain builders: no method that changes how items are built
        (`construct_object`, `flatten_mapping`, `__init_subclass__`), no class attribute, no
        decorator. PyYAML's own bases are what they are; other names are not the module's."""
        if definition is None or definition.name in seen or definition.decorator_list or definition.keywords:
            return definition is None and not seen  # the loader is not a class of the module
        seen.add(definition.name)
        for statement in definition.body:
            if isinstance(statement, ast.Pass) or (
                isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
            ):
                continue
            if isinstance(statement, ast.FunctionDef) and self.plain_method(statement):
                continue
            return False
        return all(
            self.bare_hierarchy(self.classes[base.id], seen)
            for base in definition.bases
            if isinstance(base, ast.Name) and base.id in self.classes
        )

    def plain_method(self, function: ast.FunctionDef) -> bool:
        """Whether `function`, written in a class's body, is a plain builder defined once and never
        assigned to (registered or not: a plain builder builds what the safe constructor builds)."""
        defined = self.functions.get(function.name, [])
        return len(defined) == 1 and function.name not in self.rebound and self._plain(function)

    def registers_one(self, call: ast.Call) -> bool:
        """`X.add_constructor("tag", builder)` with a plain builder."""
        if self.texts_reach_classes:
            return False
        func = call.func
        if not isinstance(func, ast.Attribute) or func.attr != "add_constructor":
            return False
        if len(call.args) != 2 or call.keywords:
            return False
        tag, builder = call.args
        if not isinstance(tag, ast.Constant) or not isinstance(tag.value, str):
            return False
        definition = self._definition(builder)
        return definition is not None and self._plain(definition)

    def _definition(self, builder: ast.expr) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        if isinstance(builder, ast.Name):
            name, owner = builder.id, None
        elif isinstance(builder, ast.Attribute) and isinstance(builder.value, ast.Name):
            name, owner = builder.attr, self.classes.get(builder.value.id)
            if owner is None or self.facts.binders.get(owner.name) != [owner]:
                return None  # not a class, or its name bound again (`L = SimpleNamespace(...)`)
            if owner.decorator_list or owner.keywords:
                return None  # a decorator or metaclass may return another class
        else:
            return None
        defined = self.functions.get(name, [])
        if len(defined) != 1 or name in self.rebound:
            return None  # defined twice, or assigned somewhere: which one runs is not known
        if owner is None:
            return defined[0] if name in self.module_functions else None
        return defined[0] if defined[0] in owner.body else None

    def _plain(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        arguments = function.args
        if isinstance(function, ast.AsyncFunctionDef) or function.decorator_list:
            return False
        if arguments.posonlyargs or arguments.kwonlyargs or arguments.vararg or arguments.kwarg:
            return False
        if len(arguments.args) != 2 or arguments.defaults:
            return False
        loader, node = (a.arg for a in arguments.args)
        body = function.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            body = body[1:]  # the docstring
        if len(body) != 1 or not isinstance(body[0], ast.Return) or body[0].value is None:
            return False
        return self._plain_value(body[0].value, loader, node)

    def _plain_value(self, value: ast.expr, loader: str, node: str) -> bool:
        if not isinstance(value, ast.Call):
            return False
        func = value.func
        if (
            isinstance(func, ast.Name)
            and func.id in _CONTAINERS
            and func.id not in self.rebound | self.functions.keys()
        ):
            return len(value.args) == 1 and not value.keywords and self._plain_value(value.args[0], loader, node)
        if not (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == loader
            and func.attr in _SAFE_CONSTRUCTOR_METHODS
            and func.attr not in self.rebound
            and func.attr not in self.functions
        ):
            return False
        return (
            len(value.args) == 1
            and isinstance(value.args[0], ast.Name)
            and value.args[0].id == node
            and all(
                k.arg == "deep" and isinstance(k.value, ast.Constant) and isinstance(k.value.value, bool)
                for k in value.keywords
            )
        )


def _reaches_yaml_dynamically(call: ast.Call, classes: dict[str, ast.ClassDef], aliases: dict[str, str]) -> bool:
    """`importlib.import_module(...)`, `__import__(...)`, or `getattr`/`setattr` on yaml, on
    `sys.modules`/`globals()`, or on a class of this module: a name reached through text."""
    called = name_of(call)
    if called in ("import_module", "__import__", "locate"):
        return True
    if called not in ("getattr", "setattr", "delattr") or not call.args:
        return False
    yaml_names = {alias for alias, target in aliases.items() if target == "yaml" or target.startswith("yaml.")}
    watched = {"yaml", "sys", "globals", "vars", "modules", *classes, *yaml_names}
    return any(isinstance(n, ast.Name) and n.id in watched for n in ast.walk(call.args[0]))


def _safe_bases(
    definition: ast.ClassDef, classes: dict[str, ast.ClassDef], aliases: dict[str, str], seen: set[str]
) -> bool:
    """Some base is a safe loader, and every other base is a safe loader or the module's own
    class whose bases are (recursively) plain: `object`, a resolver, or such classes."""
    if definition.name in seen or definition.keywords:
        return False  # a loop, or a metaclass
    seen.add(definition.name)
    names = [qualified_name(base, aliases) or "" for base in definition.bases]
    if not any(name in SAFE_YAML_LOADERS for name in names):
        return False
    return all(name in SAFE_YAML_LOADERS or _plain_class(name, classes, aliases, set(seen)) for name in names)


def _plain_class(name: str, classes: dict[str, ast.ClassDef], aliases: dict[str, str], seen: set[str]) -> bool:
    if name in ("object", "") or name.startswith("yaml.resolver.") or name in _PLAIN_YAML_MIXINS:
        return name != ""
    definition = classes.get(name)
    if definition is None or name in seen or definition.keywords:
        return False
    seen.add(name)
    return all(_plain_class(qualified_name(base, aliases) or "", classes, aliases, seen) for base in definition.bases)
