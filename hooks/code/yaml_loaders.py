"""Which PyYAML loaders build only plain data.

`yaml.SafeLoader`, `CSafeLoader`, `BaseLoader` and `CBaseLoader` construct strings, numbers,
lists and dicts; the others (`Loader`, `FullLoader`, `UnsafeLoader`) construct Python objects.
A module's own subclass of a safe loader (`class FloatSafeLoader(yaml.SafeLoader, FloatResolver)`)
builds what its base builds, unless something widens it. It is trusted only when nothing can:

- the name is bound once, by that class (or a plain `X = yaml.SafeLoader` fallback), never by an
  import alias, a parameter, a loop or a tuple;
- its other bases are the module's own classes whose bases are, in turn, plain (`object`, a
  resolver, or such classes), with no metaclass;
- the module never names PyYAML's object constructors, an unsafe loader, a constructor
  registration or a class's `__bases__`/`__class__`/`__mro__`, and reaches nothing of yaml's (or of
  its own classes) through `getattr`/`setattr`/`import_module`.
"""

from __future__ import annotations

import ast
import re

from hooks.code.command_origin import module_aliases, name_of, qualified_name

UNSAFE_YAML_LOADERS = frozenset(
    {"yaml.Loader", "yaml.UnsafeLoader", "yaml.FullLoader", "yaml.CLoader", "yaml.CUnsafeLoader", "yaml.CFullLoader"}
)
SAFE_YAML_LOADERS = frozenset({"yaml.SafeLoader", "yaml.CSafeLoader", "yaml.BaseLoader", "yaml.CBaseLoader"})
# What changes a loader's constructors (PyYAML's Python-object constructors, an unsafe loader's
# table, any constructor registration): a module that does is not judged by its loader's base.
_PYTHON_CONSTRUCTORS = re.compile(
    r"construct_python|UnsafeConstructor|FullConstructor|^Constructor$|^C?(?:Unsafe|Full)?Loader$|"
    r"yaml_(?:multi_)?constructors|add_(?:multi_)?constructor|^__bases__$|^__class__$|^__mro__$"
)
_PLAIN_YAML_MIXINS = frozenset({"yaml.Resolver", "yaml.BaseResolver"})


def own_safe_loader(module: ast.Module, loader: str, aliases: dict[str, str]) -> bool:
    """Whether `loader` is the module's own, trusted subclass of a safe loader. `aliases` are the
    imports seen where it is used."""
    classes = {n.name: n for n in ast.walk(module) if isinstance(n, ast.ClassDef)}
    constant_constructors = {
        id(node.func) for node in ast.walk(module) if isinstance(node, ast.Call) and _registers_a_constant(node)
    }
    for node in ast.walk(module):
        if id(node) in constant_constructors:
            continue  # `add_multi_constructor("tag:...python/", lambda *a: None)`: builds less, not more
        if isinstance(node, (ast.Attribute, ast.Name)) and _PYTHON_CONSTRUCTORS.search(
            node.attr if isinstance(node, ast.Attribute) else node.id
        ):
            return False  # `add_constructor(...)`, `__bases__ = ...`, an unsafe loader named
        if isinstance(node, ast.Call) and _reaches_yaml_dynamically(node, loader, classes, aliases):
            return False  # `getattr(yaml, "Unsafe" + "Loader")`, `importlib.import_module(...)`
        if isinstance(node, ast.alias) and (node.asname or node.name).split(".")[-1] == loader:
            return False  # imported under the loader's name
        if isinstance(node, ast.arg) and node.arg == loader:
            return False  # a parameter named like it: any loader can be passed
        if isinstance(node, ast.Name) and node.id == loader and isinstance(node.ctx, ast.Store):
            value = _assigned_value(module, node)
            if value is None or qualified_name(value, aliases) not in SAFE_YAML_LOADERS:
                return False  # bound by a loop, a tuple or to anything but a safe loader
    definition = classes.get(loader)
    # Imports anywhere in the module name the bases (the loader may be used above them).
    everywhere = {**module_aliases(ast.walk(module)), **aliases}
    return definition is not None and _safe_bases(definition, classes, everywhere, set())


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


def _reaches_yaml_dynamically(
    call: ast.Call, loader: str, classes: dict[str, ast.ClassDef], aliases: dict[str, str]
) -> bool:
    """`importlib.import_module(...)`, `__import__(...)`, or `getattr`/`setattr` on yaml, on
    `sys.modules`/`globals()`, or on a class of this module: a name reached through text."""
    called = name_of(call)
    if called in ("import_module", "__import__", "locate"):
        return True
    if called not in ("getattr", "setattr", "delattr") or not call.args:
        return False
    yaml_names = {alias for alias, target in aliases.items() if target == "yaml" or target.startswith("yaml.")}
    watched = {"yaml", "sys", "globals", "vars", "modules", loader, *classes, *yaml_names}
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


def _assigned_value(module: ast.Module, target: ast.Name) -> ast.expr | None:
    """The value a simple `name = value` gives `target`; None for any other binding."""
    for node in ast.walk(module):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and node.targets[0] is target:
            return node.value
    return None
