"""Where the text of a shell command comes from: the script's operator, or someone else.

Bandit reports every `os.system(x)` and `subprocess.run(x, shell=True)` whose command is not a
literal, and in ML repositories almost all of them are a script running its own command: an
install script's `pip install -r {requirements}`, a launcher's `mpirun ... {args.hosts}`, a job's
`gsutil cp {bucket}/x .`. Whoever can change those values (constants, command-line arguments, the
environment, the output of the operator's own tools) already runs code as the operator; there is
nothing to inject. A command is an injection risk when text from outside reaches it: data read
from a file, a socket or an HTTP response, a web request, an LLM's output, or the arguments of a
function that someone else calls (an LLM tool, a web route, a UI callback).

`CommandOrigins(module)` answers, for one command expression, whether such text can reach it
within this file. It follows names to their assignments in the same function (then the module),
and a function's parameters to the callers in this file when the function is exposed or called
from an exposed function with those values. It does not follow values across files; a
parameter of a function nobody in this file exposes is the caller's value, like bandit's literal.
"""

from __future__ import annotations

import ast
import builtins
import re
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from typing import TypeVar

from hooks.code.bindings import root_name, writes_namespace
from hooks.code.dotted_names import dotted_name
from hooks.code.module_order import ModuleOrder
from hooks.code.parsed_arguments import InputChanges
from hooks.code.tree_nodes import nodes_of

_DEPTH = 12
# Methods of a text that give text made only of it and their arguments.
_CONSTANT_TEXT_METHODS = frozenset(
    {"title", "lower", "upper", "capitalize", "casefold", "strip", "lstrip", "rstrip", "replace", "format", "join"}
)
_EVERY_NAME: frozenset[str] = frozenset({"*"})  # every name is in doubt
MAX_TEXT = 4096  # characters of a text built of constants; a longer one is no path nor command
_MAX_LEADING = 256  # values a name may start with; more are not told apart
_BUDGET = 200_000
# Calls whose result is text from outside the program (files, sockets, HTTP, UIs, dataframes).
_DATA_CALLS = frozenset(
    {
        "read",
        "readline",
        "readlines",
        "read_text",
        "read_bytes",
        "recv",
        "recvfrom",
        "urlopen",
        "json",
        "get_json",
        "load",  # json.load(f), yaml.safe_load(stream): a file's text (`loads` is its argument's nature)
        "safe_load",
        "text_input",
        "text_area",
        "chat_input",
        "read_csv",
        "read_json",
        "read_parquet",
        "read_sql",
        "read_excel",
        "getvalue",
        "get_data",
        # messages and rows arriving from brokers and databases
        "consume",
        "poll",
        "receive",
        "recv_json",
        "recv_string",
        "recv_multipart",
        "get_message",
        "basic_get",
        "KafkaConsumer",
        "fetchone",
        "fetchall",
        "fetchmany",
    }
)
# Programs whose output is a download: `subprocess.check_output(["curl", url])` is a response body.
_DOWNLOADERS = frozenset({"curl", "wget"})
_DATA_MODULES = ("requests.", "httpx.", "urllib.", "aiohttp.", "socket.")
# Response attributes that hold its body.
_BODY_ATTRIBUTES = frozenset({"text", "content", "body", "data", "form", "args", "values", "files", "json"})
_OUTSIDE_NAMES = re.compile(
    r"(?i)^(?:request|req|payload|body|query|form|params|user_input|prompt|completion|response|event|msg|"
    r"message|messages|llm_\w*|\w*_(?:output|response|completion)|tool_call\w*|function_call\w*|arguments)$"
)
# What a framework hands a handler: a web request, a serverless or Nuclio event.
_REQUEST_NAMES = re.compile(r"(?i)^(?:request|req|event)$")
# Decorators and registrations that hand a function to someone else to call.
_EXPOSING_DECORATORS = re.compile(
    r"(?i)(?:^|\.)(?:tool|function_tool|route|get|post|put|patch|delete|websocket|api|endpoint|"
    r"command|callback|handler|on_message|event|action|task|shared_task|actor|subscriber|subscribe|listener|"
    r"consumer)$"
)
_REGISTRATIONS = frozenset(
    {"click", "Interface", "ChatInterface", "add_api_route", "add_url_rule", "Tool", "from_function"}
    # aiohttp's `web.get("/x", handler)`, its router's `add_get`, Starlette's `Route`, Socket.IO's `on`
    | {"get", "post", "put", "patch", "delete", "route", "view", "Route", "WebSocketRoute", "on"}
    | {"add_get", "add_post", "add_put", "add_patch", "add_delete", "add_route", "add_view", "add_websocket_route"}
    # A connection's handler (`websockets.serve(handler, host, port)`, asyncio's `start_server`) and
    # LlamaIndex's `FunctionTool.from_defaults(fn=f)`: called with what a client or a model sends.
    | {"serve", "start_server", "from_defaults"}
)
# UI events whose names other APIs share (`executor.submit(fn, x)` passes its own values): a
# registration only with the UI's `inputs=`/`outputs=`/`fn=` keywords.
_UI_EVENTS = frozenset({"submit", "change", "input", "select", "upload"})
_UI_KEYWORDS = frozenset({"inputs", "outputs", "fn"})
# Classes whose methods a server calls with the request (`self.path`, `self.get_argument()`).
_HANDLER_BASES = re.compile(
    r"(?:RequestHandler|Handler|View|APIView|ViewSet|MethodView|Resource|HTTPEndpoint|WebSocketEndpoint"
    r"|Consumer|Servicer)$"
)
# Names that mark a file as dispatching an LLM's tool calls to its functions by name.
_TOOL_CALLING = frozenset({"tool_calls", "tool_call", "function_call"})
_SERVING_HANDLERS = frozenset(
    {"handle", "predict", "preprocess", "inference", "postprocess", "predict_fn", "input_fn", "transform_fn"}
)

# Values the operator provides: the command line and the environment.
_OPERATOR_SOURCES = ("sys.argv", "os.environ")
_OPERATOR_CALLS = frozenset({"os.getenv", "os.environ.get", "input"})
# Calls whose result has their arguments' origin (eval of the operator's text is the operator's value).
_CONVERSIONS = frozenset(
    {
        *("str", "int", "float", "bool", "dict", "list", "tuple", "json.loads", "ast.literal_eval", "eval"),
        *("len", "min", "max", "abs", "round", "sorted", "sum"),
    }
)
_TEXT_METHODS = frozenset(
    {"strip", "lower", "upper", "replace", "format", "split", "join", "get", "items", "values", "keys"}
)

Function = ast.FunctionDef | ast.AsyncFunctionDef
DEFINED = ast.Constant(value=None)  # the value bound by an import, a def or a class
# What `from flask import request` binds: stands for text received from outside (a `recv()`).
_REQUEST_OBJECT = ast.Call(func=ast.Name(id="recv", ctx=ast.Load()), args=[], keywords=[])
_BUILTINS = frozenset(dir(builtins)) | {"__file__", "__path__", "__cached__"}  # what the interpreter sets


class ParameterValue(ast.expr):
    """What a parameter held when its function was called, as one of the values of a parameter
    the function also rebinds: `cmd = cmd.strip()` or `if path is None: path = "m.pkl"` leaves
    the caller's value possible, so the assignment alone does not say what the name holds."""

    _fields = ()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class InnerWrite(ast.expr):
    """A value an inner function stores into this scope's name through `nonlocal`; the value
    itself is in `stored`, with the inner function it is read in."""

    _fields = ()


def name_of(node: ast.AST) -> str:
    """The last name of a call, attribute or name: `get` of `requests.get(...)`."""
    if isinstance(node, ast.Call):
        return name_of(node.func)
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def module_aliases(nodes: Iterable[ast.AST]) -> dict[str, str]:
    """What every import of the module binds (`import numpy as np`, `from os import system`),
    the first binding of a name kept: for look-aheads that need the imports before the visit
    has met them (a name may be used above its import)."""
    aliases: dict[str, str] = {}
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                aliases.setdefault(alias.asname or alias.name, f"{node.module}.{alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases.setdefault(alias.asname, alias.name)
    return aliases


def qualified_name(node: ast.AST, aliases: dict[str, str]) -> str | None:
    """The dotted name a call, attribute or name resolves to through the imports in `aliases`:
    `yaml.SafeLoader` for `SafeLoader` after `from yaml import SafeLoader`."""
    if isinstance(node, ast.Name):
        return aliases.get(node.id, node.id)
    if isinstance(node, ast.Attribute):
        base = qualified_name(node.value, aliases)
        return f"{base}.{node.attr}" if base else None
    if isinstance(node, ast.Call):
        return qualified_name(node.func, aliases)
    return None


def parameters_of(function: Function) -> list[str]:
    arguments = function.args
    names = [a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)]
    names += [a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None]
    return names


def parameter_default(function: Function, name: str) -> ast.expr | None:
    """The default a parameter has when a caller leaves it out, or None when it has none."""
    arguments = function.args
    positional = [*arguments.posonlyargs, *arguments.args]
    for argument, default in zip(
        positional[len(positional) - len(arguments.defaults) :], arguments.defaults, strict=True
    ):
        if argument.arg == name:
            return default
    for argument, kw_default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
        if argument.arg == name:
            return kw_default
    return None


def _own_statements(scope: Function | ast.ClassDef) -> list[ast.AST]:
    """The nodes of a function's or class's body, not those of the functions and classes defined
    in it (their `global`, `nonlocal` and annotations are their own)."""
    found: list[ast.AST] = []
    stack: list[ast.AST] = list(scope.body)
    while stack:
        node = stack.pop()
        found.append(node)
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            stack.extend(ast.iter_child_nodes(node))
    return found


def _captures(pattern: ast.pattern, subject: ast.expr, depth: int = 0) -> list[tuple[str, ast.expr]]:
    """The names a `case` pattern binds, each with the part of the subject it takes: a mapping
    value is `subject[key]`, a keyword of a class pattern `subject.attr`, an item of a sequence
    `subject[i]`; a positional class pattern takes an attribute `__match_args__` names (which
    one is not followed: on `self` that could be any attribute, so it counts as unknown text)."""
    if depth > 50:
        # Deeper than any real pattern: every name in the rest takes the part reached so far.
        return [
            (name, subject)
            for part in ast.walk(pattern)
            for name in (
                (part.name,)
                if isinstance(part, (ast.MatchAs, ast.MatchStar))
                else (part.rest,)
                if isinstance(part, ast.MatchMapping)
                else ()
            )
            if name
        ]
    found: list[tuple[str, ast.expr]] = []
    if isinstance(pattern, ast.MatchAs):
        if pattern.name:
            found.append((pattern.name, subject))
        if pattern.pattern is not None:
            found += _captures(pattern.pattern, subject, depth + 1)
    elif isinstance(pattern, ast.MatchStar) and pattern.name:
        found.append((pattern.name, subject))
    elif isinstance(pattern, ast.MatchSequence):
        for index, item in enumerate(pattern.patterns):
            found += _captures(item, ast.Subscript(value=subject, slice=ast.Constant(index), ctx=ast.Load()), depth + 1)
    elif isinstance(pattern, ast.MatchMapping):
        for key, item in zip(pattern.keys, pattern.patterns, strict=False):
            found += _captures(item, ast.Subscript(value=subject, slice=key, ctx=ast.Load()), depth + 1)
        if pattern.rest:
            found.append((pattern.rest, subject))
    elif isinstance(pattern, ast.MatchClass):
        positional: ast.expr = ast.Attribute(value=subject, attr="__match_args__", ctx=ast.Load())
        if root_name(subject) in ("self", "cls"):
            positional = _REQUEST_OBJECT
        for item in pattern.patterns:
            found += _captures(item, positional, depth + 1)
        for attribute, item in zip(pattern.kwd_attrs, pattern.kwd_patterns, strict=False):
            found += _captures(item, ast.Attribute(value=subject, attr=attribute, ctx=ast.Load()), depth + 1)
    elif isinstance(pattern, ast.MatchOr):
        for item in pattern.patterns:
            found += _captures(item, subject, depth + 1)
    return found


def _self_attribute(node: ast.AST) -> str | None:
    """`x` of `self.x`."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
        return node.attr
    return None


def _bound_names(target: ast.AST) -> Iterator[str]:
    """Names an assignment target binds: `x`, `a, (b, *c)`; not `obj.attr` or `d[k]`, which change
    an object and rebind no name."""
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from _bound_names(element)
    elif isinstance(target, ast.Starred):
        yield from _bound_names(target.value)


def unpacked_pairs(target: ast.AST, value: ast.AST) -> Iterator[tuple[ast.AST, ast.AST]]:
    """(target, value) pairs of an assignment, a tuple or list of targets taken apart against a
    literal tuple or list of as many values (`repo, sha = "org/m", "2f5c..."`); anything else,
    starred parts included, stays one pair."""
    if (
        isinstance(target, (ast.Tuple, ast.List))
        and isinstance(value, (ast.Tuple, ast.List))
        and len(target.elts) == len(value.elts)
        and not any(isinstance(part, ast.Starred) for part in (*target.elts, *value.elts))
    ):
        for inner_target, inner_value in zip(target.elts, value.elts, strict=True):
            yield from unpacked_pairs(inner_target, inner_value)
        return
    yield target, value


class CommandOrigins:
    """Per module: which functions are exposed, where each name is assigned, which calls pass
    which values to which functions."""

    def __init__(
        self,
        module: ast.Module,
        *,
        unbound_outside: bool = True,
        self_contained: bool = False,
        magics: Sequence[str] = (),
    ) -> None:
        # A name bound nowhere in a script is of unknown origin; in a notebook it is the session's
        # (defined by `%run`, `%store -r` or a cell that is gone), the author's own.
        self.unbound_outside = unbound_outside
        # A notebook's functions are called by its own cells only (nothing imports a notebook), so
        # a parameter holds what those calls pass; a script's may be imported and called by anyone.
        self.self_contained = self_contained
        self._by_parameter_name = True  # set for the length of one from_outside question
        self._module = module
        self._in_place: frozenset[str] | None = None
        self._looped: frozenset[str] | None = None
        self._uses: tuple[dict[str, list[tuple[Function | None, ast.Call]]], set[str]] | None = None
        # Attribute names stored on anything but `self` inside a method (`c.formula = text`,
        # `setattr(c, "formula", text)`): an object's attribute may then hold what any code put there.
        self.foreign_attributes: set[str] = set()
        self.enclosing: dict[int, Function] = {}  # id(node) -> innermost function holding it
        self.bindings: dict[tuple[int, str], list[ast.AST]] = {}  # (id(function) or 0, name) -> values
        # Answers of constant_value and leading_texts per (node, scope, depth), each worked out
        # once: a name bound many times to itself (`a += a`, 40 times) is otherwise walked
        # 40^depth times. The depth is part of the question, so the answers are what they were.
        self._constants_seen: dict[tuple[int, int, int], str | None] = {}
        self._of_constants_seen: dict[tuple[int, int, int], bool] = {}
        self._leading_seen: dict[tuple[int, int, int], list[str] | None] = {}
        self.functions: dict[str, list[Function]] = {}
        self._input_changes: InputChanges | None = None  # built on the first operator question
        self.calls: list[tuple[Function | None, ast.Call]] = []
        self.constants: set[str] = set()  # every string constant (tool schemas name functions)
        self.handler_methods: set[int] = set()  # methods of request-handler classes: `self` is the request
        self.global_names: dict[int, set[str]] = {}  # id(function) -> names it declares `global`
        self.nonlocal_names: dict[int, set[str]] = {}  # id(function) -> names it declares `nonlocal`
        # (name, inner function, value) of each `nonlocal` store, until attached to its scope
        self._inner_writes: list[tuple[str, Function, ast.AST]] = []
        self._declared: dict[int, set[str]] = {}  # id(function) -> names only annotated (`cmd: str`)
        # id(class) -> (global names, nonlocal names) its body declares
        self._class_declarations: dict[int, tuple[set[str], set[str]]] = {}
        self.dispatched: set[str] = set()  # names used as values of a dict literal (dispatch tables)
        self.tool_calling = False  # the file handles an LLM's tool calls
        self.class_of: dict[int, int] = {}  # id(method) -> id(its class)
        # Values stored into a container or an object a name holds, and where they were written:
        # (root name, function storing, value) until resolved, then (scope, name) -> [(value, function)].
        self.mutations: list[tuple[str, Function | None, ast.AST]] = []
        self.stored: dict[tuple[int, str], list[tuple[ast.AST, Function | None]]] = {}
        self.constructors: dict[str, list[Function]] = {}  # class name -> its __init__
        # (id(class), attribute) -> (value, method) of each `self.attribute = value` in its methods
        self.attributes: dict[tuple[int, str], list[tuple[ast.AST, Function]]] = {}
        self.budget = _BUDGET  # nodes looked at, over every question about this module
        self._order: ModuleOrder | None = None  # the order module-level statements run in, once asked
        self._magics = magics  # a notebook's magic lines: some bind names (`%run`, `%store -r`)
        self._collect(module)
        self._resolve_inner_writes()
        self._keep_parameters()
        self._resolve_mutations()
        self.exposed: set[int] = set()  # id(function)
        self._expose()

    # --- indexing -------------------------------------------------------------------------
    def _collect(self, module: ast.Module) -> None:
        # An explicit stack: hostile files nest deeper than Python's recursion limit.
        stack: list[tuple[ast.AST, Function | None, ast.ClassDef | None]] = [(module, None, None)]
        while stack:
            node, function, owner = stack.pop()
            if function is not None:
                self.enclosing[id(node)] = function
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node is not function:
                self.functions.setdefault(node.name, []).append(node)
                self._bind(node, function, owner)
                if owner is not None:
                    self.class_of[id(node)] = id(owner)
                    if node.name == "__init__":
                        self.constructors.setdefault(owner.name, []).append(node)
                    if any(_HANDLER_BASES.search(dotted_name(base)) for base in owner.bases):
                        self.handler_methods.add(id(node))
                # Its own statements only: a nested function's or class body's `global x` is its own.
                own = _own_statements(node)
                self.global_names[id(node)] = {n for child in own if isinstance(child, ast.Global) for n in child.names}
                self.nonlocal_names[id(node)] = {
                    n for child in own if isinstance(child, ast.Nonlocal) for n in child.names
                }
                # Names the function itself declares without a value (`cmd: str`): its locals. Not
                # a class body's annotations, which are the class's attributes.
                self._declared[id(node)] = {
                    child.target.id
                    for child in own
                    if isinstance(child, ast.AnnAssign) and child.value is None and isinstance(child.target, ast.Name)
                }
                # Decorators and defaults run where the function is defined; the body runs in it.
                defaults = (*node.args.defaults, *(d for d in node.args.kw_defaults if d is not None))
                stack.extend((child, function, owner) for child in (*node.decorator_list, *defaults))
                stack.extend((child, node, None) for child in node.body)
                continue
            if isinstance(node, ast.ClassDef):
                # A class body's own `global`/`nonlocal` apply to the names its statements bind.
                body = _own_statements(node)
                self._class_declarations[id(node)] = (
                    {n for child in body if isinstance(child, ast.Global) for n in child.names},
                    {n for child in body if isinstance(child, ast.Nonlocal) for n in child.names},
                )
            self._bind(node, function, owner)
            if isinstance(node, ast.Call):
                self.calls.append((function, node))
                if name_of(node.func) in ("setattr", "object.__setattr__"):
                    attribute = node.args[1] if len(node.args) > 1 else None
                    # A name set by a non-constant (`setattr(obj, key, v)`) could be any attribute.
                    named = attribute.value if isinstance(attribute, ast.Constant) else "*"
                    self.foreign_attributes.add(str(named))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) < 100:
                self.constants.add(node.value)
                self.tool_calling = self.tool_calling or node.value in _TOOL_CALLING
            elif isinstance(node, ast.Attribute) and node.attr in _TOOL_CALLING:
                self.tool_calling = True
            elif isinstance(node, ast.Dict):
                self.dispatched.update(name_of(v) for v in node.values if isinstance(v, (ast.Name, ast.Attribute)))
            inner = node if isinstance(node, ast.ClassDef) else owner
            stack.extend((child, function, inner) for child in ast.iter_child_nodes(node))

    def _bind(self, node: ast.AST, function: Function | None, class_body: ast.ClassDef | None = None) -> None:
        """Record what `node` binds, in `function` (None: the module); `class_body` is the class
        whose body holds the statement, whose names this index keeps in the function around it."""
        scope = id(function) if function is not None else 0
        declared_global = self.global_names.get(scope, set()) if function is not None else set()
        declared_nonlocal = self.nonlocal_names.get(scope, set()) if function is not None else set()
        if class_body is not None and function is not None:
            class_global, class_nonlocal = self._class_declarations.get(id(class_body), (set(), set()))
            # `global x` in the class body: the module's x; `nonlocal x`: the function's own x,
            # which is the enclosing one's only when the function is nonlocal for it too.
            declared_global = class_global
            declared_nonlocal = class_nonlocal & declared_nonlocal

        def defined(name: str, value: ast.AST = DEFINED) -> None:
            # `global config` then `from settings import config` (or a def, or `except ... as`)
            # in a function binds the module's name, as an assignment would.
            self.bindings.setdefault((0 if name in declared_global else scope, name), []).append(value)

        pairs: list[tuple[ast.AST, ast.AST]] = []
        if isinstance(node, ast.Assign):
            pairs = [pair for target in node.targets for pair in unpacked_pairs(target, node.value)]
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
            pairs = [(node.target, node.value)]
        elif isinstance(node, ast.AsyncFor):
            pairs = [(node.target, _REQUEST_OBJECT)]  # `async for msg in ws`: messages as they arrive
        elif isinstance(node, (ast.For, ast.comprehension)):
            pairs = [(node.target, node.iter)]
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            pairs = [(node.optional_vars, node.context_expr)]
        elif isinstance(node, ast.NamedExpr):
            pairs = [(node.target, node.value)]
        elif isinstance(node, ast.Match):
            # `case {"cmd": cmd}`, `case [first, *rest]`, `case Job(cmd=cmd)`: parts of the subject.
            pairs = [
                (ast.Name(id=name, ctx=ast.Store()), part)
                for case in node.cases
                for name, part in _captures(case.pattern, node.subject)
            ]
        elif isinstance(node, ast.ExceptHandler) and node.name:
            defined(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bound = alias.asname or alias.name.partition(".")[0]
                # A module or what it defines is code, not text from outside, except the request
                # objects web frameworks hand out as module globals (`from flask import request`).
                outside = isinstance(node, ast.ImportFrom) and _OUTSIDE_NAMES.match(alias.name.rpartition(".")[2])
                defined(bound, _REQUEST_OBJECT if outside else DEFINED)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined(node.name)
        owner = self.class_of.get(scope) if function is not None else None
        for target, value in pairs:
            if owner is not None and function is not None and _self_attribute(target) is not None:
                self.attributes.setdefault((owner, str(_self_attribute(target))), []).append((value, function))
            elif isinstance(target, (ast.Subscript, ast.Attribute)):
                if isinstance(target, ast.Attribute):
                    self.foreign_attributes.add(target.attr)
                root = root_name(target)
                if root is not None:  # `JOBS["last"] = request.json["script"]`: JOBS now holds it
                    self.mutations.append((root, function, value))
            for name in _bound_names(target):
                if function is not None and name in declared_nonlocal:
                    # `nonlocal cmd` then `cmd = request.form[...]`: the enclosing function's cmd changes.
                    self._inner_writes.append((name, function, value))
                    continue
                # `global CMD` in a route, then `CMD = request.form[...]`: the module's CMD changes.
                self.bindings.setdefault((0 if name in declared_global else scope, name), []).append(value)

    def _resolve_inner_writes(self) -> None:
        """Attach each `nonlocal` store to the enclosing function whose name it changes: its
        bindings get an InnerWrite (so no question about that name is answered by the enclosing
        function's own assignments alone) and `stored` the value, read in the inner function.
        What else the inner function binds to the name (an import, a def, `except ... as`) moves
        there too, so the inner function's own reads see every value."""
        for name, function, value in self._inner_writes:
            scope = self._nonlocal_scope(name, function)
            if scope is None:
                self.bindings.setdefault((id(function), name), []).append(value)  # not valid Python
                continue
            key = (id(scope), name)
            self.bindings.setdefault(key, []).append(InnerWrite())
            self.stored.setdefault(key, []).append((value, function))
        for functions in list(self.functions.values()):
            for function in functions:
                for name in self.nonlocal_names.get(id(function), set()):
                    scope = self._nonlocal_scope(name, function)
                    own = self.bindings.get((id(function), name)) if scope is not None else None
                    if scope is not None and own is not None:
                        del self.bindings[(id(function), name)]
                        self.bindings.setdefault((id(scope), name), []).extend(own)

    def _nonlocal_scope(self, name: str, function: Function) -> Function | None:
        """The function whose local a `nonlocal name` in `function` is: the nearest enclosing one
        that binds it, takes it as a parameter or declares it (`name: str`) and is not itself
        `nonlocal` for it; the nearest enclosing function when none does."""
        nearest = scope = self.enclosing.get(id(function))
        while scope is not None:
            local = (
                (id(scope), name) in self.bindings
                or name in parameters_of(scope)
                or name in self._declared.get(id(scope), set())
            )
            if local and name not in self.nonlocal_names.get(id(scope), set()):
                return scope
            scope = self.enclosing.get(id(scope))
        return nearest

    def _keep_parameters(self) -> None:
        """A parameter its function also rebinds may still hold what the caller passed."""
        for functions in self.functions.values():
            for function in functions:
                for name in parameters_of(function):
                    values = self.bindings.get((id(function), name))
                    if values is not None:
                        values.insert(0, ParameterValue(name))

    def _resolve_mutations(self) -> None:
        """Attach each stored value to the binding of the name whose object it changes (a module
        dict filled by a route); a parameter's object is its caller's and is left alone."""
        for name, function, value in self.mutations:
            scope = function
            while True:
                key = (id(scope) if scope is not None else 0, name)
                if key in self.bindings:
                    self.stored.setdefault(key, []).append((value, function))
                    break
                if scope is None or name in parameters_of(scope):
                    break
                scope = self.enclosing.get(id(scope))

    # --- exposure -------------------------------------------------------------------------
    def _is_exposed(self, function: Function) -> bool:
        for decorator in function.decorator_list:
            if _EXPOSING_DECORATORS.search(dotted_name(decorator)):
                return True
        if function.name in self.constants and not function.name.startswith("__"):
            return True  # named in a tool schema ({"name": "exec_bash_command", ...})
        if self.tool_calling and function.name in self.dispatched:
            return True  # {"shell": run_shell}: called with the arguments of a model's tool call
        return function.name in _SERVING_HANDLERS or id(function) in self.handler_methods

    def _expose(self) -> None:
        for functions in self.functions.values():
            for function in functions:
                if self._is_exposed(function):
                    self.exposed.add(id(function))
        for _, call in self.calls:
            called = name_of(call.func)
            if called in _REGISTRATIONS or (called in _UI_EVENTS and any(k.arg in _UI_KEYWORDS for k in call.keywords)):
                for argument in (*call.args, *(k.value for k in call.keywords)):
                    for function in self.functions.get(name_of(argument), []):
                        if isinstance(argument, (ast.Name, ast.Attribute)):
                            self.exposed.add(id(function))
        # A function called from an exposed one with values from its parameters is exposed too:
        # a worklist, so each function's calls are followed once.
        calls_by_caller: dict[int, list[ast.Call]] = {}
        for caller, call in self.calls:
            if caller is not None:
                calls_by_caller.setdefault(id(caller), []).append(call)
        callers = {id(f): f for functions in self.functions.values() for f in functions}
        pending = list(self.exposed)
        while pending:
            caller = callers.get(pending.pop())
            if caller is None:
                continue
            for call in calls_by_caller.get(id(caller), []):
                arguments = [*call.args, *(k.value for k in call.keywords)]
                # Called directly, or handed over with its arguments: `Thread(target=f, args=(x,))`,
                # `background_tasks.add_task(f, x)`, `executor.submit(f, x)`.
                called = name_of(call.func)
                targets = [(self.functions.get(called, []) + self.constructors.get(called, []), arguments)]
                for argument in arguments:
                    if isinstance(argument, (ast.Name, ast.Attribute)) and name_of(argument) in self.functions:
                        others = [a for a in arguments if a is not argument]
                        targets.append((self.functions[name_of(argument)], others))
                for functions, passed in targets:
                    callees = [f for f in functions if id(f) not in self.exposed]
                    if callees and any(self.from_outside(argument, caller) for argument in passed):
                        for function in callees:
                            self.exposed.add(id(function))
                            pending.append(id(function))

    # --- provenance -----------------------------------------------------------------------
    def _module_order(self) -> ModuleOrder:
        if self._order is None:
            self._order = ModuleOrder(self._module, self._magics)
        return self._order

    def deleted(self, name: str) -> bool:
        """Whether the module `del`s the name somewhere (a read may then fall through to builtins)."""
        return self._module_order().deleted(name)

    def bindings_hidden(self) -> bool:
        """Whether the module (or a notebook's magics) may bind its names where no assignment
        shows it: `exec`, `globals()`, the module object, `from m import *`, `%run`..."""
        return self._module_order().hidden

    def function_of(self, node: ast.AST) -> Function | None:
        return self.enclosing.get(id(node))

    def from_outside(self, node: ast.AST, function: Function | None, *, by_parameter_name: bool = True) -> bool:
        """Whether text from outside the operator can reach the value of `node`, evaluated in
        `function` (None: module level). `by_parameter_name` off: a parameter is outside text only
        in a function handed to a framework to call (a route, a handler) or when it is the request
        or event a handler is given, not for a name such as `query` or `prompt` alone: in a notebook
        its own cells are a helper's only callers."""
        previous, self._by_parameter_name = self._by_parameter_name, by_parameter_name
        try:
            return self._reaches(node, function, set(), 0)
        finally:
            self._by_parameter_name = previous

    def _reaches(self, node: ast.AST, function: Function | None, seen: set[tuple[int, str]], depth: int) -> bool:
        if depth > _DEPTH:
            return True  # too far to follow: keep bandit's judgement
        for child in ast.walk(node):
            self.budget -= 1
            if self.budget < 0:
                return True  # a file built to make this slow: keep bandit's judgement
            if isinstance(child, ast.Call) and self._data_call(child):
                return True
            if (
                isinstance(child, ast.Attribute)
                and child.attr in _BODY_ATTRIBUTES
                and _OUTSIDE_NAMES.match(name_of(child.value))
            ):
                return True
            if isinstance(child, ast.Name) and self._name_reaches(child.id, function, seen, depth):
                return True
            if (
                isinstance(child, ParameterValue)
                and function is not None
                and self._parameter_reaches(child.name, function)
            ):
                return True
            attribute = _self_attribute(child)
            if (
                attribute is not None
                and function is not None
                and self._attribute_reaches(attribute, function, seen, depth)
            ):
                return True
        return False

    def _attribute_reaches(self, attribute: str, function: Function, seen: set[tuple[int, str]], depth: int) -> bool:
        """`self.name` in a method: what the class's methods assign to it (`self.name = name` in
        `__init__`, whose parameter is outside text when an exposed function builds the object)."""
        owner = self.class_of.get(id(function))
        if owner is None:
            return False
        key = (owner, "self." + attribute)
        if key in seen:
            return False
        seen.add(key)
        return any(
            self._reaches(value, method, seen, depth + 1)
            for value, method in self.attributes.get((owner, attribute), [])
        )

    def _data_call(self, call: ast.Call) -> bool:
        dotted = dotted_name(call.func)
        if any(dotted.startswith(prefix) for prefix in _DATA_MODULES):
            return True
        if dotted.startswith("subprocess.") and call.args:
            command = call.args[0]
            first = command.elts[0] if isinstance(command, (ast.List, ast.Tuple)) and command.elts else command
            if isinstance(first, ast.Constant) and str(first.value).split(" ", 1)[0] in _DOWNLOADERS:
                return True
        return name_of(call.func) in _DATA_CALLS

    def _name_reaches(self, name: str, function: Function | None, seen: set[tuple[int, str]], depth: int) -> bool:
        scope = function
        while True:
            key = (id(scope) if scope is not None else 0, name)
            values = self.bindings.get(key)
            if values is not None:
                if key in seen:
                    return False  # a loop (`x = x + 1`): its other bindings decide
                seen.add(key)
                if any(self._reaches(value, writer, seen, depth + 1) for value, writer in self.stored.get(key, [])):
                    return True
                return any(self._reaches(value, scope, seen, depth + 1) for value in values)
            if scope is None:
                # Bound nowhere in this file (a star import, another cell, a typo): its origin is
                # unknown, so bandit's judgement stands; builtins are the interpreter's.
                return self.unbound_outside and name not in _BUILTINS
            if name in parameters_of(scope):
                return self._parameter_reaches(name, scope)
            scope = self.enclosing.get(id(scope))

    def _parameter_reaches(self, name: str, function: Function) -> bool:
        if name in ("self", "cls"):
            # The object's own state (judged where it is set), except a request handler's.
            return id(function) in self.handler_methods
        if id(function) in self.exposed:
            return True
        # By name alone: every name outside text is usually called, or only a request's or an
        # event's (what a framework passes a handler) when names of helpers' parameters do not count.
        return bool((_OUTSIDE_NAMES if self._by_parameter_name else _REQUEST_NAMES).match(name))

    # --- constants, as the scope sees them ----------------------------------------------------
    def constant_value(self, node: ast.AST, function: Function | None, depth: int = 0) -> str | None:
        """The text `node` evaluates to when it is built of string constants only, names resolved
        in their own scope (a parameter or a name bound more than one way is not constant), and
        at most MAX_TEXT characters long."""
        if depth > _DEPTH:
            return None
        return _remembered(
            self._constants_seen,
            (id(node), id(function), depth),
            MAX_TEXT,
            lambda: self._constant_value(node, function, depth),
        )

    def _constant_value(self, node: ast.AST, function: Function | None, depth: int) -> str | None:
        if isinstance(node, ast.Constant):
            return node.value if isinstance(node.value, str) else None
        if isinstance(node, ast.Name):
            found = self.bound_values(node.id, function)
            if found is None:
                return None
            values, scope = found
            if scope is None:  # a module-level name: only the bindings run before this read
                values = self._module_order().reaching(node, values)
            texts = {self.constant_value(value, scope, depth + 1) for value in values}
            return texts.pop() if len(texts) == 1 else None
        if isinstance(node, ast.JoinedStr):
            parts = [
                self.constant_value(v.value if isinstance(v, ast.FormattedValue) else v, function, depth + 1)
                if not (isinstance(v, ast.FormattedValue) and v.format_spec is not None)
                else None
                for v in node.values
            ]
            return None if any(part is None for part in parts) else "".join(p for p in parts if p is not None)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left = self.constant_value(node.left, function, depth + 1)
            right = self.constant_value(node.right, function, depth + 1)
            return left + right if left is not None and right is not None else None
        return None

    def of_constants(self, node: ast.AST, function: Function | None, depth: int = 0) -> bool:
        """Whether every text `node` may hold is built of string constants: `constant_value`'s, and
        also a name a loop takes from a sequence of such texts (`for m in ["llama", "qwen2"]:` ...
        `exec(f"import transformers.models.{m}")`), and the case, strip, replace and format
        methods of such texts with such arguments. A sequence the module changes in place
        (`MODELS.append(x)`) may hold anything."""
        if depth > _DEPTH:
            return False
        key = (id(node), id(function), depth)
        if key not in self._of_constants_seen:  # worked out once per question, as constant_value's
            self._of_constants_seen[key] = self._of_constants(node, function, depth)
        return self._of_constants_seen[key]

    def _of_constants(self, node: ast.AST, function: Function | None, depth: int) -> bool:
        if self.constant_value(node, function) is not None:
            return True
        if isinstance(node, ast.Name):
            found = self.bound_values(node.id, function)
            if found is None:
                return False
            values, scope = found
            changed = self._changed_in_place()
            # A name assigned a sequence (not a loop's name, bound to the sequence it walks: a
            # literal there has no name anything else could change it through).
            holds_a_sequence = node.id not in self._loop_names() and any(
                isinstance(value, (ast.List, ast.Tuple, ast.Set)) for value in values
            )
            if holds_a_sequence and (changed is _EVERY_NAME or node.id in changed):
                return False  # a sequence the module may change or hand to code that changes it
            if scope is None:
                values = self._module_order().reaching(node, values)
            return bool(values) and all(self._taken_of_constants(value, scope, depth + 1) for value in values)
        if isinstance(node, ast.JoinedStr):
            return all(
                self.of_constants(v.value, function, depth + 1)
                and (v.format_spec is None or self.of_constants(v.format_spec, function, depth + 1))
                if isinstance(v, ast.FormattedValue)
                else self.of_constants(v, function, depth + 1)
                for v in node.values
            )
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            return self.of_constants(node.left, function, depth + 1) and self._taken_of_constants(
                node.right, function, depth + 1
            )
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _CONSTANT_TEXT_METHODS
        ):
            parts = [node.func.value, *node.args, *(k.value for k in node.keywords if k.arg is not None)]
            if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
                return False
            return all(self._taken_of_constants(part, function, depth + 1) for part in parts)
        return False

    def _taken_of_constants(self, node: ast.AST, function: Function | None, depth: int) -> bool:
        """`of_constants`, where a list, tuple or set counts by its items: what a loop over it
        takes, a `%` operand tuple or `join`'s argument."""
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return all(self._taken_of_constants(item, function, depth + 1) for item in node.elts)
        return self.of_constants(node, function, depth)

    def _loop_names(self) -> frozenset[str]:
        """Names a `for` loop or a comprehension binds anywhere in the module."""
        if self._looped is None:
            self._looped = frozenset(
                name.id
                for node in nodes_of(self._module)
                if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension))
                for name in ast.walk(node.target)
                if isinstance(name, ast.Name)
            )
        return self._looped

    def _changed_in_place(self) -> frozenset[str]:
        """Names whose value the module may change or hand on: any read of the name but a loop
        over it, an item taken from it, a comparison or `len()` (`NAMES.append(x)`, `L = NAMES`,
        `add_user(NAMES)`), any store into it (`NAMES[0] = x`); every name when the module writes
        its namespace in ways not seen here (`globals()`, `vars()`, `setattr`, `sys.modules`)."""
        if self._in_place is None:
            reads: set[int] = set()  # ids of Name nodes read in one of the harmless ways
            doubted: set[str] = {root for root, _, _ in self.mutations}
            every = False
            for node in nodes_of(self._module):
                if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
                    reads.add(id(node.iter))
                elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load):
                    reads.add(id(node.value))
                elif isinstance(node, ast.Compare):
                    reads.update(id(part) for part in (node.left, *node.comparators))
                elif isinstance(node, ast.Call) and name_of(node.func) == "len":
                    reads.update(id(argument) for argument in node.args)
                elif isinstance(node, ast.Delete):
                    # `del NAMES` (then a star import or `builtins.NAMES` gives the name a value)
                    doubted.update(target.id for target in node.targets if isinstance(target, ast.Name))
                every = every or writes_namespace(node)
            for node in nodes_of(self._module):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and id(node) not in reads:
                    doubted.add(node.id)
            self._in_place = _EVERY_NAME if every else frozenset(doubted)
        return self._in_place

    def leading_texts(self, node: ast.AST, function: Function | None, depth: int = 0) -> list[str] | None:
        """The constant text each value `node` may hold starts with (`f"https://localhost:{port}/x"`
        starts `https://localhost:`); None when one of them starts with something not constant, or
        there are more than _MAX_LEADING of them."""
        if depth > _DEPTH:
            return None
        return _remembered(
            self._leading_seen,
            (id(node), id(function), depth),
            _MAX_LEADING,
            lambda: self._leading_texts(node, function, depth),
        )

    def _leading_texts(self, node: ast.AST, function: Function | None, depth: int) -> list[str] | None:
        if isinstance(node, ast.Constant):
            return [node.value] if isinstance(node.value, str) else None
        if isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            return self.leading_texts(
                first.value if isinstance(first, ast.FormattedValue) else first, function, depth + 1
            )
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            return self.leading_texts(node.left, function, depth + 1)
        if isinstance(node, ast.Name):
            found = self.bound_values(node.id, function)
            if found is None:
                return None
            values, scope = found
            texts: list[str] = []
            for value in values:
                leading = self.leading_texts(value, scope, depth + 1)
                if leading is None:
                    return None
                texts.extend(leading)
            return texts
        return None

    # --- operator's own values only (for code text) -------------------------------------------
    def operator_only(self, node: ast.AST, function: Function | None) -> bool:
        """Whether `node` is built only of what the operator provides: constants, command-line
        arguments (`args.x` of `parse_args()`, `sys.argv`), the environment (`os.environ`,
        `os.getenv`) and names bound to those, while the file changes none of them unseen
        (hooks/code/parsed_arguments.py). Stricter than `not from_outside`: any other value (an
        object's attribute, a call's result, a parameter) is not known to be the operator's."""
        return self._operator(node, function, set(), 0)

    def _operator(self, node: ast.AST, function: Function | None, seen: set[tuple[int, str]], depth: int) -> bool:
        self.budget -= 1
        if depth > _DEPTH or self.budget < 0:
            return False
        if isinstance(node, ast.Constant):
            # Not what an import, a def or a class binds (`from state import code`): an object
            # whose text the file cannot see.
            return node is not DEFINED
        if _client_environment(node):
            return False  # os.environ["QUERY_STRING"]: a CGI client's or an SSH client's text
        dotted = dotted_name(node)
        if _is_source(dotted):
            return self._source_untouched(dotted, seen, depth)
        if isinstance(node, ast.Call):
            name = dotted_name(node.func)
            if name in _OPERATOR_CALLS:
                # os.getenv("X", default): the default is a value like any other
                return self._source_untouched(name, seen, depth) and all(
                    self._operator(part, function, seen, depth + 1)
                    for part in [*node.args[1:], *(k.value for k in node.keywords)]
                )
            if self._is_arguments(node, function, seen, depth + 1):
                return True
            method = isinstance(node.func, ast.Attribute) and node.func.attr in _TEXT_METHODS
            if not method and (name not in _CONVERSIONS or not self.input_changes().standard(name)):
                return False  # `def max(*a): return download` makes max(...) the file's own function
            parts = [*node.args, *(k.value for k in node.keywords)]
            if method and isinstance(node.func, ast.Attribute):
                parts.append(node.func.value)
            return all(self._operator(part, function, seen, depth + 1) for part in parts)
        if isinstance(node, (ast.Attribute, ast.Subscript)):
            root: ast.expr = node
            while isinstance(root, (ast.Attribute, ast.Subscript)):
                if isinstance(root, ast.Attribute) and _is_source(dotted_name(root)):
                    return self._source_untouched(dotted_name(root), seen, depth)  # os.environ["X"], sys.argv[1]
                attribute = _self_attribute(root)
                if attribute is not None and function is not None:
                    return self._attribute_operator(attribute, function, seen, depth)  # self.args[0]
                root = root.value
            return isinstance(root, ast.Name) and self._name_is_arguments(root.id, function, seen, depth)
        if isinstance(node, ast.Name):
            return self._name_operator(node.id, function, seen, depth)
        if isinstance(node, ParameterValue):
            # The name's own key is in `seen` already (its bindings are being judged): the callers'
            # check keys its recursion guard the same way, so it gets the set without it.
            outer = seen - {(id(function), node.name)} if function is not None else seen
            return function is not None and self._callers_operator(node.name, function, outer, depth)
        if isinstance(node, InnerWrite):
            return True  # the stored value is judged by _stored_operator
        if isinstance(node, ast.IfExp):
            # The test only chooses which branch is the value (`"For" + a if len(a) else ""`).
            return all(self._operator(c, function, seen, depth + 1) for c in (node.body, node.orelse))
        if isinstance(node, (ast.JoinedStr, ast.FormattedValue, ast.BinOp, ast.BoolOp, ast.Compare)):
            children = [c for c in ast.iter_child_nodes(node) if isinstance(c, ast.expr)]
            return all(self._operator(c, function, seen, depth + 1) for c in children)
        return False

    def parsed_option(self, node: ast.AST, function: Function | None) -> str | None:
        """`args.model_input`: the attribute read from the command line as `parse_args()` returns
        it (judged as `operator_only` judges it), else None."""
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)):
            return None
        self.budget -= 1
        if self.budget < 0:
            return None
        name = node.value.id
        if self._name_is_arguments(name, function, set(), 0):
            return node.attr
        scope = self.parameter_scope(name, function)
        if scope is not None and self._callers_pass_arguments(name, scope):
            return node.attr  # `def main(args)` called as `main(parse_args())`
        return None

    def _callers_pass_arguments(self, name: str, scope: Function) -> bool:
        """A parameter of a module-level function the file calls only by name, every call passing
        the parsed command line for it (`main(args)` below `args = parse_args()`). Another module
        importing the function could pass something else: the script's own entry point is what
        a job runs, and that is what this reads."""
        if id(scope) in self.class_of or id(scope) in self.exposed or id(scope) in self.handler_methods:
            return False
        arguments = scope.args
        if arguments.vararg is not None and arguments.vararg.arg == name:
            return False
        positional = [a.arg for a in (*arguments.posonlyargs, *arguments.args)]
        callee = scope.name
        if len(self.bindings.get((0, callee), [])) != 1 or callee in self.dispatched or callee in self.constants:
            return False
        calls, used_otherwise = self._name_uses()
        if callee in used_otherwise or not calls.get(callee):
            return False
        for caller, call in calls[callee]:
            if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
                return False
            given = [k.value for k in call.keywords if k.arg == name]
            if name in positional and positional.index(name) < len(call.args):
                given = [call.args[positional.index(name)]]
            if len(given) != 1 or not isinstance(given[0], (ast.Name, ast.Call)):
                return False
            value = given[0]
            if isinstance(value, ast.Name):
                if not self._name_is_arguments(value.id, caller, set(), 0):
                    return False
            elif not self._is_arguments(value, caller, set(), 0):
                return False
        return True

    def _stored_operator(self, key: tuple[int, str], seen: set[tuple[int, str]], depth: int) -> bool:
        """Whether everything stored into the object bound at `key` is the operator's too
        (`args.fit_args[k] = eval(text)` of the command line's text is)."""
        return all(self._operator(value, writer, seen, depth + 1) for value, writer in self.stored.get(key, []))

    def bound_values(self, name: str, function: Function | None) -> tuple[list[ast.AST], Function | None] | None:
        """What `name` may hold where `function` reads it, and the scope that binds it; None for a
        parameter or a name bound nowhere."""
        scope = function
        while True:
            values = self.bindings.get((id(scope) if scope is not None else 0, name))
            if values is not None:
                return values, scope
            if scope is None or name in parameters_of(scope):
                return None
            scope = self.enclosing.get(id(scope))

    def _attribute_operator(self, attribute: str, function: Function, seen: set[tuple[int, str]], depth: int) -> bool:
        """`self.name` in a notebook's method: everything the class's methods assign to it is the
        operator's, and nothing else stores that attribute on any object. A script's class may be
        imported and its objects changed by anyone."""
        if not self.self_contained or attribute in self.foreign_attributes or "*" in self.foreign_attributes:
            return False
        owner = self.class_of.get(id(function))
        assigned = self.attributes.get((owner, attribute), []) if owner is not None else []
        if not assigned:
            return False
        key = (owner or 0, "self." + attribute)
        if key in seen:
            return True  # a loop: its other assignments decide
        seen.add(key)
        return all(self._operator(value, method, seen, depth + 1) for value, method in assigned)

    def parameter_scope(self, name: str, function: Function | None) -> Function | None:
        """The function whose parameter `name` is, where `function` reads it; None otherwise."""
        scope = function
        while scope is not None:
            if (id(scope), name) in self.bindings:
                return None
            if name in parameters_of(scope):
                return scope
            scope = self.enclosing.get(id(scope))
        return None

    def _name_uses(self) -> tuple[dict[str, list[tuple[Function | None, ast.Call]]], set[str]]:
        """Calls of each name (`f(...)`), and the names also used any other way (passed as a
        callback, stored, decorated with)."""
        if self._uses is None:
            called: dict[str, list[tuple[Function | None, ast.Call]]] = {}
            callees: set[int] = set()
            for caller, call in self.calls:
                if isinstance(call.func, ast.Name):
                    called.setdefault(call.func.id, []).append((caller, call))
                    callees.add(id(call.func))
            other = set()
            for node in nodes_of(self._module):
                self.budget -= 1
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and id(node) not in callees:
                    other.add(node.id)
            self._uses = (called, other)
        return self._uses

    def _callers_operator(self, name: str, scope: Function, seen: set[tuple[int, str]], depth: int) -> bool:
        """In a notebook: a parameter of a function (or of a class's `__init__`) that only its own
        cells call, by name, always passing the operator's own values for it
        (`display('df1', 'df2')` for `display(*args)`). A function handed to anything else
        (`df.apply(f)`, a UI callback, a dispatch table) or exposed gets text it cannot see."""
        if not self.self_contained or id(scope) in self.exposed or id(scope) in self.handler_methods:
            return False
        key = (id(scope), name)
        if key in seen:
            return True  # recursion: the other calls decide
        seen.add(key)
        arguments = scope.args
        positional = [a.arg for a in (*arguments.posonlyargs, *arguments.args)]
        callee = scope.name
        if id(scope) in self.class_of:
            callee = next((c for c, inits in self.constructors.items() if scope in inits), "")
            if scope.name != "__init__" or not callee or not positional:
                return False
            if any(isinstance(c.func, ast.Attribute) and c.func.attr == "__init__" for _, c in self.calls):
                return False  # `obj.__init__(text)`, `super().__init__(text)`: built again with other values
            positional = positional[1:]  # self
        if len(self.bindings.get((0, callee), [])) != 1 or callee in self.dispatched or callee in self.constants:
            return False  # rebound, or named in a table or a tool schema
        calls, used_otherwise = self._name_uses()
        if callee in used_otherwise or not calls.get(callee):
            return False
        defaults = dict(zip(positional[len(positional) - len(arguments.defaults) :], arguments.defaults, strict=True))
        defaults.update(
            (a.arg, d) for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True) if d is not None
        )
        for caller, call in calls[callee]:
            if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
                return False  # f(*xs), f(**kw): which value lands where is not known
            given = [k.value for k in call.keywords if k.arg == name]
            if arguments.vararg is not None and name == arguments.vararg.arg:
                given = list(call.args[len(positional) :])
            elif name in positional and positional.index(name) < len(call.args):
                given = [call.args[positional.index(name)]]
            elif not given:
                default = defaults.get(name)
                if default is None:
                    return False  # `**kwargs`, or a call that does not pass it
                given = [default]
            if not all(self._operator(value, caller, seen, depth + 1) for value in given):
                return False
        return True

    def _name_operator(self, name: str, function: Function | None, seen: set[tuple[int, str]], depth: int) -> bool:
        if name in self.input_changes().filled_names:
            return False  # `parts = []` then `parts.append(text)`: holds more than its bindings show
        found = self.bound_values(name, function)
        if found is None:
            scope = self.parameter_scope(name, function)
            return scope is not None and self._callers_operator(name, scope, seen, depth)
        values, scope = found
        key = (id(scope) if scope is not None else 0, name)
        if key in seen:
            return True  # a loop: its other bindings decide
        seen.add(key)
        if not self._stored_operator(key, seen, depth):
            return False  # something else is stored into it
        return all(self._operator(value, scope, seen, depth + 1) for value in values)

    def _name_is_arguments(self, name: str, function: Function | None, seen: set[tuple[int, str]], depth: int) -> bool:
        """`args` in `args.lr`: a name bound to what an argument parser returned, and changed only
        by stores the code shows (`args.lr = ...` is judged; `setattr(args, ...)`, `vars(args)`
        and `args.__dict__` may put anything there)."""
        if name in self.input_changes().changed_unseen:
            return False
        found = self.bound_values(name, function)
        if found is None:
            return False
        values, scope = found
        key = (id(scope) if scope is not None else 0, "\x00arguments " + name)
        if key in seen:
            return True  # bound again from itself (`args = parser.parse_args(namespace=args)`): the others decide
        seen.add(key)
        return all(self._is_arguments(value, scope, seen, depth + 1) for value in values) and self._stored_operator(
            (id(scope) if scope is not None else 0, name), seen, depth
        )

    def _own_parse_wrapper(self, call: ast.Call, seen: set[tuple[int, str]], depth: int) -> bool:
        """`args = parse_args()`: the file's own module-level function of that name, bound no
        other way, called without arguments, that returns only what argparse parsed."""
        if call.args or call.keywords or not isinstance(call.func, ast.Name):
            return False
        function = self.input_changes().only_def(call.func.id)
        if function is None:
            return False
        key = (id(function), "\x00returns")
        if key in seen:
            return False
        seen.add(key)
        returned = returned_values(function)
        # `args = parser.parse_args()` then `return args`: a name bound only to the parsed command line
        return bool(returned) and all(
            item is not None
            and (
                self._name_is_arguments(item.id, function, seen, depth + 1)
                if isinstance(item, ast.Name)
                else self._is_arguments(item, function, seen, depth + 1)
            )
            for item in returned
        )

    def _argparse_parser(self, receiver: ast.AST, scope: Function | None) -> bool:
        """`argparse.ArgumentParser(...)`, or a name bound only to such parsers (or to their
        `add_parser(...)` subparsers)."""
        bindings = self.input_changes()

        def made_by_argparse(node: ast.AST) -> bool:
            if not isinstance(node, ast.Call):
                return False
            if isinstance(node.func, ast.Attribute) and node.func.attr == "add_parser":
                return True  # subparsers.add_parser(...): argparse's own parsers
            return bindings.argparse_parser_class(dotted_name(node.func))

        if isinstance(receiver, ast.Name):
            found = self.bound_values(receiver.id, scope)
            return found is not None and bool(found[0]) and all(made_by_argparse(v) for v in found[0])
        return made_by_argparse(receiver)

    def _source_untouched(self, dotted: str, seen: set[tuple[int, str]], depth: int) -> bool:
        """`sys.argv` and `os.environ` are the operator's while whatever the file writes into
        them is too (`os.environ["NEURON_RT_NUM_CORES"] = "1"`; not a download's text)."""
        bindings = self.input_changes()
        argv = dotted.startswith("sys.argv")
        key = (0, "\x00written " + ("sys.argv" if argv else "os.environ"))
        if key in seen:
            return True  # being judged: its other writes decide
        seen.add(key)
        if bindings.argv_unseen if argv else bindings.environ_unseen:
            return False
        values = bindings.argv_values if argv else bindings.environ_values
        return all(self._operator(value, self.enclosing.get(id(value)), seen, depth + 1) for value in values)

    def input_changes(self) -> InputChanges:
        if self._input_changes is None:
            self._input_changes = InputChanges(self._module)
        return self._input_changes

    def _is_arguments(self, value: ast.AST, scope: Function | None, seen: set[tuple[int, str]], depth: int) -> bool:
        """Whether `value` is the command line, parsed: what an argument parser returns
        (`_parses_arguments`) when it reads `sys.argv` the file leaves alone, or only the
        operator's words, and its definitions put nothing else there (hooks/code/parsed_arguments.py);
        or a name bound only to that."""
        self.budget -= 1
        if depth > _DEPTH or self.budget < 0:
            return False
        if isinstance(value, ast.Subscript):
            value = value.value  # parse_known_args()[0]
        if not isinstance(value, ast.Call) or not _parses_arguments(value):
            # Another name (`ns = args`) is not followed: what is stored through it is not seen.
            return False
        if any(isinstance(a, ast.Starred) for a in value.args) or any(k.arg is None for k in value.keywords):
            return False  # *words, **options: anything may be passed
        bindings = self.input_changes()
        if isinstance(value.func, ast.Attribute) and not self._argparse_parser(value.func.value, scope):
            return False  # `Remote().parse_args()`: another class's method of that name
        if isinstance(value.func, ast.Name):
            return self._own_parse_wrapper(value, seen, depth)
        given = [*value.args, *(k.value for k in value.keywords)]
        if not given and not self._source_untouched("sys.argv", seen, depth):
            return False  # it reads sys.argv, which the file rewrites with someone else's words
        if bindings.odd_parser:
            return False  # a type= or action= of the file's own may put anything there
        return all(self._operator(part, scope, seen, depth + 1) for part in [*given, *bindings.parser_defaults])


def _is_source(dotted: str) -> bool:
    """`sys.argv`, `os.environ` or a part of them (`os.environ.get`); not `sys.argv2` or `os.environb`."""
    return any(dotted == source or dotted.startswith(source + ".") for source in _OPERATOR_SOURCES)


def returned_values(function: Function) -> list[ast.expr | None]:
    """What the function's own `return` statements give back (None for a bare `return`, for
    falling off its end, and for a generator)."""
    found: list[ast.expr | None] = []
    stack: list[ast.AST] = list(function.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return [None]
        if isinstance(node, ast.Return):
            found.append(node.value)
        stack.extend(ast.iter_child_nodes(node))
    if not function.body or not isinstance(function.body[-1], (ast.Return, ast.Raise)):
        found.append(None)
    return found


# Environment variables a web server sets from a request for a CGI script (RFC 3875's
# meta-variables, `HTTP_*` headers) and sshd sets from the client (a forced command's
# `SSH_ORIGINAL_COMMAND`): text of someone other than the operator.
_CLIENT_VARIABLES = re.compile(
    r"(?:QUERY_STRING|PATH_INFO|PATH_TRANSLATED|CONTENT_TYPE|CONTENT_LENGTH|REQUEST_METHOD|REQUEST_URI"
    r"|SCRIPT_NAME|AUTH_TYPE|REMOTE_\w+|HTTP_\w+|SSH_ORIGINAL_COMMAND|SSH_CLIENT|SSH_CONNECTION)"
)


def _client_environment(node: ast.AST) -> bool:
    """`os.environ["QUERY_STRING"]`, `os.getenv("HTTP_X")`, `os.environ.get("SSH_ORIGINAL_COMMAND")`."""
    key: ast.AST | None = None
    if isinstance(node, ast.Subscript) and dotted_name(node.value) == "os.environ":
        key = node.slice
    elif isinstance(node, ast.Call) and dotted_name(node.func) in ("os.getenv", "os.environ.get") and node.args:
        key = node.args[0]
    return isinstance(key, ast.Constant) and isinstance(key.value, str) and bool(_CLIENT_VARIABLES.fullmatch(key.value))


def _parses_arguments(value: ast.AST) -> bool:
    """`parser.parse_args()`, `parser.parse_known_args()[0]`: the command line, parsed."""
    if isinstance(value, ast.Subscript):
        value = value.value
    if not isinstance(value, ast.Call):
        return False
    name = dotted_name(value.func).rpartition(".")[2]
    return name in ("parse_args", "parse_known_args")  # argparse's, or the script's own wrapper of it


_Answer = TypeVar("_Answer", bound=Sized)


def _remembered(
    seen: dict[tuple[int, int, int], _Answer | None],
    key: tuple[int, int, int],
    longest: int,
    work_out: Callable[[], _Answer | None],
) -> _Answer | None:
    """The answer kept under `key`, else worked out and kept; None past `longest` items."""
    if key not in seen:
        answer = work_out()
        seen[key] = answer if answer is None or len(answer) <= longest else None
    return seen[key]
