"""Whether a load inside `__setstate__` reads the state the object is being restored from.

`pickle` (and `copy.deepcopy`, and every loader that builds arbitrary objects: yaml's unsafe
loader, dill, cloudpickle) calls `obj.__setstate__(state)` with what the stream holds for that
object. A class that keeps a tensor batch as `torch.save` bytes in its state (verl's `DataProto`,
passed between Ray workers) loads them there:

    def __setstate__(self, data):
        batch_bytes, non_tensors, meta = data
        self.batch = torch.load(io.BytesIO(initial_bytes=batch_bytes), weights_only=False)

Whoever can write those bytes writes the outer stream, which runs any code it names without this
load; the exposure is the outer load, wherever the object is unpickled, not this one. So a load
here is low when what it reads is built only from the state parameter: the parameter itself, its
items and unpacked parts, and byte wrappers around them (`io.BytesIO(...)`, `bytes(...)`), through
names bound only that way in the method; a load that reads a file (`torch.load`, `pickle.load`)
must read the state's bytes through `BytesIO`, since a path the state names opens a file that
someone else may have written. Anything else the method reads (a file it opens by a fixed name,
an attribute set elsewhere, a download) keeps its severity.
"""

from __future__ import annotations

import ast

Function = ast.FunctionDef | ast.AsyncFunctionDef

_WRAPPERS = frozenset({"BytesIO", "bytes", "bytearray", "memoryview"})
_DEPTH = 16


def loads_restored_state(load: ast.Call, function: Function, name: str) -> bool:
    """Whether `load` (the call `name`, in `function`) reads only the state `__setstate__` was given."""
    if function.name != "__setstate__":
        return False
    positional = [*function.args.posonlyargs, *function.args.args]
    if len(positional) != 2 or function.args.vararg or function.args.kwonlyargs:
        return False
    source = load.args[0] if load.args else next((k.value for k in load.keywords if k.arg in ("f", "file")), None)
    if source is None:
        return False
    # `pickle.loads(blob)` reads bytes; a file loader reads a path or a stream: only a stream of the bytes
    need_stream = not name.endswith("loads")
    return _StateReader(function, positional[1].arg).from_state(source, 0, frozenset(), need_stream)


class _StateReader:
    def __init__(self, function: Function, state: str) -> None:
        self.state = state
        self.sites: dict[str, list[ast.AST | None]] = {}
        self.rebound: set[str] = set()
        for node in ast.walk(function):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    self._bind(target, node.value)
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
                self._bind(node.target, None)
            elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension, ast.withitem)):
                bound = node.optional_vars if isinstance(node, ast.withitem) else node.target
                if bound is not None:
                    self._bind(bound, None)
            elif isinstance(node, ast.NamedExpr):
                self._bind(node.target, node.value)
            elif isinstance(node, (ast.Global, ast.Nonlocal)):
                self.rebound.update(node.names)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                self.rebound.update((a.asname or a.name).partition(".")[0] for a in node.names)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node is not function:
                self.rebound.add(node.name)  # a nested def or class rebinds the name
            elif isinstance(node, ast.ExceptHandler) and node.name:
                self.rebound.add(node.name)
            elif isinstance(node, ast.Delete):
                self.rebound.update(t.id for t in node.targets if isinstance(t, ast.Name))

    def _bind(self, target: ast.AST, value: ast.AST | None) -> None:
        if isinstance(target, ast.Name):
            self.sites.setdefault(target.id, []).append(value)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                # `a, b, c = state`: each part is part of the value unpacked (a starred part too)
                self._bind(element.value if isinstance(element, ast.Starred) else element, value)

    def from_state(self, value: ast.AST, depth: int, seen: frozenset[str], need_stream: bool) -> bool:
        if depth > _DEPTH:
            return False
        if isinstance(value, ast.Subscript):
            return self.from_state(value.value, depth + 1, seen, need_stream) and _constant_index(value.slice)
        if isinstance(value, ast.Call):
            func = value.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if called in _WRAPPERS:
                parts = [*value.args, *(k.value for k in value.keywords if k.arg == "initial_bytes")]
                streamed = need_stream and called != "BytesIO"
                return len(parts) == 1 and self.from_state(parts[0], depth + 1, seen, streamed)
            if called == "get" and isinstance(func, ast.Attribute) and value.args:
                # `state.get("batch")`: an item of the state (a default given is a constant or None)
                default = value.args[1:] + [k.value for k in value.keywords]
                return self.from_state(func.value, depth + 1, seen, need_stream) and all(
                    isinstance(d, ast.Constant) for d in default
                )
            return False
        if not isinstance(value, ast.Name):
            return False
        if value.id == self.state:
            return not need_stream and self.state not in self.sites and self.state not in self.rebound
        if value.id in seen:
            return False
        if value.id in self.rebound or value.id not in self.sites:
            return False
        seen = seen | {value.id}
        return all(
            bound is not None and self.from_state(bound, depth + 1, seen, need_stream) for bound in self.sites[value.id]
        )


def _constant_index(index: ast.AST) -> bool:
    return isinstance(index, ast.Constant) and isinstance(index.value, (str, int))
