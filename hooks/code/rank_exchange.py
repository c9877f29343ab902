"""Whether a pickle load reads bytes that the ranks of one torch.distributed job exchange.

torch.distributed's own object collectives (`broadcast_object_list`, `all_gather_object`,
`recv_object_list`) pickle an object on one rank, move the bytes in a tensor through the process
group, and unpickle them on the others. Training code often writes the same helper itself
(sglang's and verl's `broadcast_pyobj`, accelerate's Neuron `gather_object`, StyleGAN2's
`all_gather`):

    if rank == src:
        tensor_data = torch.ByteTensor(np.frombuffer(pickle.dumps(data), dtype=np.uint8))
        dist.broadcast(tensor_data, src=src)
    else:
        tensor_data = torch.empty(size, dtype=torch.uint8)
        dist.broadcast(tensor_data, src=src)
        data = pickle.loads(bytes(tensor_data.cpu().numpy()))

Its bytes come from the job's own ranks, with the trust torch's collectives give them; not from a
request, a file or a key-value store (vLLM's PyNcclPipe unpickled what a TCPStore held:
CVE-2025-47277; a store's `get` is no collective here). The load counts only when, in one
function that also pickles (its own rank's side of the exchange):

- the loaded bytes are built only from a collective's output buffer (the tensor `broadcast`,
  `recv`, `irecv` or `scatter` fill; the list or tensor `all_gather`, `all_gather_into_tensor`,
  `gather`, `all_to_all` or `all_to_all_single` fill), through the conversions a tensor takes to
  bytes (`.cpu()`, `.numpy()`, `.tobytes()`, slices, `bytes(...)`) and names bound only that way,
  or a loop's item over such a buffer (`for i, t in enumerate(buffers)`, `zip(sizes, buffers)`
  by position); a name also bound to the sending rank's own `pickle.dumps(...)` (the other
  branch) is a round trip on that branch;
- every binding of a buffer's name in the function is a fresh tensor or a list of them (a
  constructor, `.to(device)`, a comprehension or list of those, a slice of one): not a parameter
  or a value from elsewhere that the collective might not overwrite.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

Function = ast.FunctionDef | ast.AsyncFunctionDef

# Collective -> the positions of the arguments it writes into (and their keyword names).
_FILLED_ARGUMENTS: dict[str, tuple[tuple[int, str], ...]] = {
    "broadcast": ((0, "tensor"),),
    "recv": ((0, "tensor"),),
    "irecv": ((0, "tensor"),),
    "scatter": ((0, "tensor"),),
    "all_gather": ((0, "tensor_list"),),
    "all_gather_into_tensor": ((0, "output_tensor"),),
    "gather": ((1, "gather_list"),),
    "all_to_all": ((0, "output_tensor_list"),),
    "all_to_all_single": ((0, "output"),),
}
_PICKLE_DUMPS = frozenset({"pickle.dumps", "cloudpickle.dumps", "dill.dumps", "_pickle.dumps"})
# Pickling on this rank: to bytes, or into a buffer (`pickle.dump(obj, io.BytesIO())`).
_PICKLING = _PICKLE_DUMPS | {"pickle.dump", "cloudpickle.dump", "dill.dump", "_pickle.dump"}
# What a tensor (or its numpy view) passes through on its way to bytes.
_TO_BYTES_METHODS = frozenset({"cpu", "numpy", "tobytes", "detach", "contiguous", "to", "cuda", "clone", "view"})
_BYTES_BUILTINS = frozenset({"bytes", "bytearray", "memoryview"})
# Fresh tensors a buffer may be bound to (then filled by the collective).
_TENSOR_MAKERS = frozenset(
    {
        "empty",
        "zeros",
        "ones",
        "full",
        "tensor",
        "ByteTensor",
        "IntTensor",
        "LongTensor",
        "FloatTensor",
        "empty_like",
        "zeros_like",
        "ones_like",
        "frombuffer",
        "from_numpy",
        "cat",
        "as_tensor",
    }
)
_TENSOR_CHAIN_METHODS = frozenset({"to", "cuda", "cpu", "contiguous", "resize_", "view", "reshape", "flatten"})
# What makes a tensor of given bytes on the sending rank (`torch.ByteStorage.from_buffer(blob)`).
_FROM_BYTES = frozenset({"from_buffer", "_from_buffer", "frombuffer", "ByteTensor", "cat", "tensor", "as_tensor"})
_DEPTH = 32  # syntax levels followed: `t[:n].cpu().numpy().tobytes()` is five
_BUDGET = 4000  # steps per load: a function built to make the search slow is not followed


def exchanged_between_ranks(load: ast.Call, function: Function, qualname: Callable[[ast.AST], str | None]) -> bool:
    """Whether `load` (a `pickle.loads`-like call in `function`) unpickles bytes the job's own
    ranks exchanged through a torch.distributed collective (module docstring)."""
    if len(load.args) != 1 or load.keywords:
        return False
    buffers: set[str] = set()
    pickles = False
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        name = qualname(node.func) or ""
        if name in _PICKLING:
            pickles = True
        module, _, collective = name.rpartition(".")
        if module == "torch.distributed" and collective in _FILLED_ARGUMENTS:
            for position, keyword in _FILLED_ARGUMENTS[collective]:
                filled = node.args[position] if len(node.args) > position else None
                filled = next((k.value for k in node.keywords if k.arg == keyword), filled)
                if isinstance(filled, ast.Name):
                    buffers.add(filled.id)
    if not pickles or not buffers:
        return False
    return _Reader(function, buffers, qualname).from_buffers(load.args[0], 0, frozenset())


class _Reader:
    def __init__(self, function: Function, buffers: set[str], qualname: Callable[[ast.AST], str | None]) -> None:
        self.function = function
        self.buffers = buffers
        self.qualname = qualname
        self.budget = _BUDGET
        self.parameters = {
            a.arg
            for a in [*function.args.posonlyargs, *function.args.args, *function.args.kwonlyargs]
            + [a for a in (function.args.vararg, function.args.kwarg) if a is not None]
        }
        self.sites: dict[str, list[tuple[ast.AST, ast.AST | None]]] = {}
        self.unknown: set[str] = set()  # names bound in a way not followed (global, del, import, ...)
        self._index()

    def _index(self) -> None:
        for node in ast.walk(self.function):
            if isinstance(node, (ast.Global, ast.Nonlocal)):
                self.unknown.update(node.names)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    self._bind(target, node.value, node)
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
                self._bind(node.target, node.value if isinstance(node, ast.AnnAssign) else None, node)
            elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
                self._bind(node.target, None, node)
            elif isinstance(node, ast.NamedExpr):
                self._bind(node.target, node.value, node)
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                self._bind(node.optional_vars, None, node)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                self.unknown.update((a.asname or a.name).partition(".")[0] for a in node.names)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node is not self.function:
                self.unknown.add(node.name)  # a nested def or class rebinds the name
            elif isinstance(node, ast.ExceptHandler) and node.name:
                self.unknown.add(node.name)
            elif isinstance(node, ast.Delete):
                self.unknown.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
                self.unknown.add(node.name)

    def _bind(self, target: ast.AST, value: ast.AST | None, site: ast.AST) -> None:
        if isinstance(target, ast.Name):
            self.sites.setdefault(target.id, []).append((site, value))
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                inner = element.value if isinstance(element, ast.Starred) else element
                if isinstance(inner, ast.Name):
                    self.sites.setdefault(inner.id, []).append((site, None))  # by position: see _loop_item
                else:
                    self._bind(inner, None, site)
        # a subscript or attribute target binds no name

    def _usable(self, name: str) -> bool:
        return name not in self.parameters and name not in self.unknown and name in self.sites

    def fresh_tensor_name(self, name: str, depth: int = 0, seen: frozenset[str] = frozenset()) -> bool:
        """Every binding of `name` here is a fresh tensor or a list of them."""
        if name in seen:
            return True  # `t = t.to(device)`: the cycle adds nothing
        if not self._usable(name):
            return False
        seen = seen | {name}
        return all(value is not None and self._fresh_tensor(value, depth + 1, seen) for _, value in self.sites[name])

    def _fresh_tensor(self, value: ast.AST, depth: int, seen: frozenset[str]) -> bool:
        self.budget -= 1
        if depth > _DEPTH or self.budget < 0:
            return False
        if isinstance(value, (ast.List, ast.Tuple)):
            return all(self._fresh_tensor(e, depth + 1, seen) for e in value.elts)
        if isinstance(value, (ast.ListComp, ast.GeneratorExp)):
            return self._fresh_tensor(value.elt, depth + 1, seen)
        if isinstance(value, ast.Subscript):
            return self._fresh_tensor(value.value, depth + 1, seen)
        if isinstance(value, ast.Name):
            return self.fresh_tensor_name(value.id, depth + 1, seen)
        if isinstance(value, ast.Call):
            func = value.func
            if isinstance(func, ast.Attribute) and func.attr in _TENSOR_CHAIN_METHODS:
                return self._fresh_tensor(func.value, depth + 1, seen)
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            return called in _TENSOR_MAKERS
        return False

    def from_buffers(self, value: ast.AST, depth: int, seen: frozenset[str]) -> bool:
        """Whether `value` is built only from the collectives' buffers, through conversions to
        bytes, and from this rank's own pickled bytes (the sending side of the same exchange)."""
        self.budget -= 1
        if depth > _DEPTH or self.budget < 0:
            return False
        if isinstance(value, ast.Subscript):
            return self.from_buffers(value.value, depth + 1, seen)
        if isinstance(value, ast.Constant):
            return isinstance(value.value, int)  # a dimension (`torch.cat((t, pad), 0)`)
        if isinstance(value, (ast.Tuple, ast.List)):
            return all(self.from_buffers(e, depth + 1, seen) for e in value.elts)
        if isinstance(value, ast.Call):
            return self._call_from_buffers(value, depth, seen)
        if not isinstance(value, ast.Name):
            return False
        if value.id in self.buffers:
            return self.fresh_tensor_name(value.id, depth + 1)
        if value.id in seen:
            return True  # a cycle (`t = torch.cat((t, pad))`) adds nothing from elsewhere
        if not self._usable(value.id):
            return False
        seen = seen | {value.id}
        for site, bound in self.sites[value.id]:
            if isinstance(site, (ast.For, ast.AsyncFor, ast.comprehension)):
                item = _loop_item(site, value.id)
                if item is None or not self.from_buffers(item, depth + 1, seen):
                    return False
            elif bound is None or not self.from_buffers(bound, depth + 1, seen):
                return False
        return True

    def _call_from_buffers(self, call: ast.Call, depth: int, seen: frozenset[str]) -> bool:
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr in _TO_BYTES_METHODS:
            return self.from_buffers(func.value, depth + 1, seen)
        if isinstance(func, ast.Name) and func.id in _BYTES_BUILTINS and len(call.args) == 1:
            return self.from_buffers(call.args[0], depth + 1, seen)
        if (self.qualname(func) or "") in _PICKLE_DUMPS:
            # The sending rank's own bytes (`data = pickle.dumps(obj)` on one branch, the received
            # bytes under the same name on the other): a round trip, nothing from elsewhere.
            return True
        called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if called in _FROM_BYTES or called in _TENSOR_MAKERS:
            # A tensor of those bytes (`torch.ByteTensor(storage)`), or of none yet (`size=(n,)`).
            return all(self.from_buffers(a, depth + 1, seen) for a in call.args)
        return False


def _loop_item(loop: ast.For | ast.AsyncFor | ast.comprehension, name: str) -> ast.AST | None:
    """The buffer list whose item `name` takes in `loop`: `for t in buffers`, `for i, t in
    enumerate(buffers)`, `for n, t in zip(sizes, buffers)` (by position); None otherwise."""
    target, iterable = loop.target, loop.iter
    if isinstance(target, ast.Name):
        return iterable if target.id == name else None
    if not isinstance(target, ast.Tuple) or not isinstance(iterable, ast.Call) or iterable.keywords:
        return None
    names = [e.id if isinstance(e, ast.Name) else None for e in target.elts]
    called = iterable.func.id if isinstance(iterable.func, ast.Name) else ""
    if called == "enumerate" and len(names) == 2 and names[1] == name and len(iterable.args) == 1:
        return iterable.args[0]
    if called == "zip" and len(names) == len(iterable.args) and name in names:
        if any(isinstance(a, ast.Starred) for a in iterable.args):
            return None
        return iterable.args[names.index(name)]
    return None
