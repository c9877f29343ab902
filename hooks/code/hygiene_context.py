"""When a hygiene finding of bandit's is more than hygiene, so it keeps bandit's severity.

B608 (SQL built as a string) and B104 (binding all interfaces) are low by default: in ML code
they are mostly queries built from a notebook's constants and servers inside containers. Two
shapes are worth acting on and stay at bandit's severity:

- B608 where the SQL text takes text received from outside (a web request object, a UI input, a
  message, a model's output: command_origin.py's `from_outside`, in a script's functions or at
  its top level, in its tests too; in a notebook only in a function it hands to a framework to
  call: a route, an agent's tool, a UI callback), or a parameter of the function that builds it (in a script,
  not a notebook, and not a module that defines the project's tests, whose parameters are
  fixtures), at a place the database reads as data (a quoted literal, a comparison, an IN or VALUES list;
  hooks/code/sql_position.py): the caller's value, often a user's search text, goes into the
  query. Not a query that reads only the database's catalogue (`information_schema`, `pg_tables`,
  `sqlite_master`): what it compares are names of tables and schemas, as hygiene as a name spliced
  into `FROM`. Parameters spliced in as table or column names, or as clauses the code assembles,
  stay low; so do parameters declared numbers, dates or UUIDs (`start: datetime`), and values only
  counted, formatted as dates or passed through the code's quoting function;
- B104 on a call that also turns on Flask/Werkzeug's debugger (`debug=True`) or publishes the app
  on a public share link (Gradio's `share=True`): the service is reachable and runs code or is
  exposed beyond the network;
- B615 (a Hub download without a revision) on a call that passes `trust_remote_code` anything but
  a false constant: the repository's latest code runs, whoever pushed it. Not on the object's own
  model folder (`self.model_path`): it was resolved, pinned or not, before this call;
- B103 (chmod with group or other bits) when the mode makes the file writable by every user,
  setuid/setgid, or cannot be read as a constant; 0o755/0o775/0o555 are an executable's modes;
- B310 (urlopen/urlretrieve of a URL) when the URL is text from outside (hooks/code/command_origin.py):
  a request's URL list fetched by a serving step lets the caller read `file://` and internal hosts;
  not when the URL's own text fixes its scheme and host (`https://host/` + the caller's path).
"""

from __future__ import annotations

import ast
import functools
import re
import stat
from collections.abc import Callable, Iterable, Iterator

from hooks.code.command_origin import CommandOrigins, name_of, parameter_default, parameters_of
from hooks.code.sql_position import query_text, reads_like_sql, reads_only_catalogue, spliced_values, text_names
from hooks.code.tree_nodes import nodes_of

_SQL = re.compile(r"(?is)\b(?:select\b.{0,500}?\bfrom|insert\s+into|update\b.{0,200}?\bset|delete\s+from)\b")
_ALL_INTERFACES = frozenset({"0.0.0.0", "::", ""})  # noqa: S104 - the values looked for
_HUB_LOADERS = frozenset({"from_pretrained", "snapshot_download", "hf_hub_download", "pipeline"})
_NOT_TEXT_TYPES = frozenset(
    {"int", "float", "bool", "complex", "Decimal", "datetime", "date", "time", "timedelta", "Timestamp", "UUID"}
)
# Decorators that make a function an entry point a framework calls with a request's text.
_ENTRY_DECORATORS = frozenset(
    "route get post put patch delete head options websocket api_route endpoint tool task shared_task command "
    "callback view handler".split()
)
# A function of a notebook that takes one of these is shaped as a framework's handler (Nuclio's
# and Lambda's `handler(context, event)`, a web view's `request`): the framework calls it.
_REQUEST_PARAMETERS = frozenset({"request", "req", "event"})
_CONTAINERS = frozenset(
    {"Optional", "Union", "List", "list", "Sequence", "Tuple", "tuple", "Set", "set", "FrozenSet", "Iterable"}
)
# A configuration class named directly (`GenerationConfig`, `LlamaConfig`, not `AutoConfig`).
_CONFIG_CLASS = re.compile(r"(?!Auto)[A-Z][A-Za-z0-9]*Config")
_CHMODS = frozenset({"chmod", "fchmod", "lchmod"})
# A URL whose own text fixes the scheme and the host, up to the path's first `/` (or a `?`/`#`):
# what follows cannot make it `file://` or another machine (`https://host` + `@evil/` could).
_FIXED_ORIGIN = re.compile(r"(?i)https?://(?P<host>[^/?#@\s\\%{}:\[\]]+)(?::\d{1,5})?[/?#]")
# A public host: ASCII labels under a top-level domain of the public internet. Anything else may
# be inside the network, where a path the caller picks still reaches what the internet cannot (a
# cloud's metadata service at 169.254.169.254 or 0xa9.0xfe.0xa9.0xfe, `metadata.google.internal.`,
# a cluster's `model-server.ml-prod`, `kubernetes.default`, `*.service.consul`).
_PUBLIC_HOST = re.compile(r"(?i)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?P<tld>[a-z]{2,24})")
_PUBLIC_TLDS = frozenset(
    "com org net io ai dev app co edu gov info biz me tv cloud tech xyz site page run sh so gg ly to"
    " us uk de fr nl eu ch at be se no fi dk es it pt pl cz ru ua cn jp kr in au nz ca br mx ar sg hk tw il za".split()
)
# Code that reaches names from the side, where the binding index cannot follow a name's values.
_NAME_SIDE_DOORS = frozenset(
    {"globals", "locals", "vars", "setattr", "delattr", "__globals__", "__dict__", "modules"}
    | {"_getframe", "f_globals", "f_locals", "f_back", "import_module", "__import__", "currentframe", "stack"}
)
# What changes where a urllib Request goes after it is built: `req.full_url = ...` (and the
# parts it sets: `host`, `selector`, `type`), `req.set_proxy(host, type)`.
_REQUEST_RETARGETS = frozenset({"full_url", "host", "selector", "type", "_full_url", "set_proxy"})
_BUDGET = 256  # values followed per URL: a name bound to names bound to names, each many times


class _FixedOrigins:
    """Whether a URL's own text fixes its scheme and a public host, for one module: its lambda
    and function parameters (a default can shadow a module name) and its side doors, read once."""

    def __init__(self, module: ast.Module, origins: CommandOrigins) -> None:
        self.origins = origins
        self.parameters: set[str] = set()
        self.side_doors = False
        # names whose object is sent elsewhere after it is built (`req.full_url = url`): a name
        # of a Request built on a fixed URL is judged by its URL only when nothing retargets it
        self.retargeted: set[str] = set()
        self.retargets: dict[str, list[ast.expr]] = {}  # name -> the values it is retargeted to
        self.aliases: dict[str, set[str]] = {}  # `r2 = req`: each name -> the names bound to it
        self.unread_retargets: set[str] = set()  # names whose retarget's value is not read
        called: set[int] = set()  # the functions of the calls walked (a walk meets a call first)
        self.budget = 0  # values still to follow for the URL being judged
        self._following: set[tuple[str, int]] = set()  # names being followed (a name bound to itself)
        for node in nodes_of(module):
            if isinstance(node, ast.arg):
                self.parameters.add(node.arg)
            elif (isinstance(node, ast.Name) and node.id in _NAME_SIDE_DOORS) or (
                isinstance(node, ast.Attribute) and node.attr in _NAME_SIDE_DOORS
            ):
                self.side_doors = True
            if (
                isinstance(node, ast.Attribute)
                and node.attr in _REQUEST_RETARGETS
                and isinstance(node.value, ast.Name)
                and (not isinstance(node.ctx, ast.Load) or node.attr == "set_proxy")
            ):
                self.retargeted.add(node.value.id)
            if isinstance(node, ast.Call):
                called.add(id(node.func))
            elif (
                isinstance(node, ast.Attribute)
                and node.attr == "set_proxy"
                and isinstance(node.value, ast.Name)
                and id(node) not in called
            ):
                self.unread_retargets.add(node.value.id)  # `send = req.set_proxy`: called unseen
            self._record_retarget(node)

    def _record_retarget(self, node: ast.AST) -> None:
        """`req.full_url = value` (and its parts), `req.set_proxy(host, type)`,
        `setattr(req, "full_url", value)`, `getattr(req, "set_proxy")(host, type)`: the values. A
        `set_proxy` read without being called (`send = req.set_proxy`) retargets it to anything."""
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.aliases.setdefault(target.id, set()).add(node.value.id)
                    self.aliases.setdefault(node.value.id, set()).add(target.id)
        if isinstance(node, ast.Call) and name_of(node) == "setattr" and len(node.args) == 3:
            owner, attribute, value = node.args
            if isinstance(owner, ast.Name) and not (
                isinstance(attribute, ast.Constant) and attribute.value not in _REQUEST_RETARGETS
            ):
                self.retargets.setdefault(owner.id, []).append(value)
            return
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Call)
            and name_of(node.func) == "getattr"
            and len(node.func.args) >= 2
            and isinstance(node.func.args[0], ast.Name)
            and not (isinstance(node.func.args[1], ast.Constant) and node.func.args[1].value not in _REQUEST_RETARGETS)
        ):
            values = [*node.args, *(keyword.value for keyword in node.keywords)]
            self.retargets.setdefault(node.func.args[0].id, []).extend(values)
            return
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                retargeted = isinstance(target, ast.Attribute) and target.attr in _REQUEST_RETARGETS
                if retargeted and isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
                    self.retargets.setdefault(target.value.id, []).append(node.value)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "set_proxy"
            and isinstance(node.func.value, ast.Name)
        ):
            values = [*node.args, *(keyword.value for keyword in node.keywords)]
            self.retargets.setdefault(node.func.value.id, []).extend(values)

    def retargets_of(self, name: str) -> list[ast.expr] | None:
        """The values `name`'s Request (or a name bound to it, either way) is retargeted to; None
        when it is retargeted in a way whose value cannot be read (a bound `set_proxy`)."""
        names = {name}
        pending = [name]
        while pending and len(names) < 64:
            for other in self.aliases.get(pending.pop(), ()):
                if other not in names:
                    names.add(other)
                    pending.append(other)
        if names & self.unread_retargets:
            return None
        return [value for other in sorted(names) for value in self.retargets.get(other, [])]

    def public(self, url: ast.AST, function: ast.FunctionDef | ast.AsyncFunctionDef | None) -> bool:
        """Every text `url` may hold starts with `http(s)://<public host>/`, written in the code:
        a constant, or the first part of an f-string, `+` or `%` whose leading value is one (a name
        is followed to all it is bound to). A format spec or conversion on that leading value
        (`f"{BASE:.{n}}{p}"` keeps none of BASE) makes it unknown, and so does running out of the
        budget of values to follow."""
        if self.side_doors:
            return False
        self.budget = _BUDGET
        return self._public(url, function, 0)

    def _public(self, url: ast.AST, function: ast.FunctionDef | ast.AsyncFunctionDef | None, depth: int) -> bool:
        self.budget -= 1
        if depth > 8 or self.budget < 0:
            return False
        if isinstance(url, ast.BinOp) and isinstance(url.op, (ast.Add, ast.Mod)):
            return self._public(url.left, function, depth + 1)
        if isinstance(url, ast.JoinedStr) and url.values:
            first = url.values[0]
            if isinstance(first, ast.FormattedValue):
                plain = first.format_spec is None and first.conversion == -1
                return plain and self._public(first.value, function, depth + 1)
            return self._public(first, function, depth + 1)
        if isinstance(url, ast.Constant) and isinstance(url.value, str):
            match = _FIXED_ORIGIN.match(url.value)
            host = _PUBLIC_HOST.fullmatch(match["host"]) if match else None
            return host is not None and host["tld"].lower() in _PUBLIC_TLDS
        if isinstance(url, ast.Call) and name_of(url) == "Request":
            # `req = urllib.request.Request(url, None, headers)`: it fetches its URL argument
            target = url.args[0] if url.args else next((k.value for k in url.keywords if k.arg == "url"), None)
            return target is not None and self._public(target, function, depth + 1)
        if isinstance(url, ast.Name) and url.id not in self.parameters and url.id not in self.retargeted:
            key = (url.id, id(function))
            if key in self._following:
                # `url = f"https://host/{x}"; url = Request(url, ...)`: the name's other values are
                # judged where it is first followed; coming back to it adds no new text
                return True
            found = self.origins.bound_values(url.id, function)
            if found is None or not found[0]:
                return False
            values, scope = found
            keys = {key, (url.id, id(scope))} - self._following
            self._following |= keys
            try:
                return all(isinstance(v, ast.AST) and self._public(v, scope, depth + 1) for v in values)
            finally:
                self._following -= keys
        return False


_URL_OPENERS = frozenset({"urlopen", "urlretrieve", "Request", "URLopener", "FancyURLopener"})


def _strings(node: ast.AST) -> str:
    return " ".join(n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str))[:4000]


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _lines(node: ast.AST) -> range:
    start = getattr(node, "lineno", 0)
    return range(start, (getattr(node, "end_lineno", None) or start) + 1)


def _binding(node: ast.AST) -> tuple[ast.expr | None, list[ast.expr]]:
    """(value, targets) of an assignment, an annotated or augmented one, a walrus or a loop."""
    if isinstance(node, ast.Assign):
        return node.value, list(node.targets)
    if isinstance(node, (ast.AnnAssign, ast.AugAssign)):
        return node.value, [node.target]
    if isinstance(node, ast.NamedExpr):
        return node.value, [node.target]
    if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
        return node.iter, [node.target]
    return None, []


def _typed_not_text(annotation: ast.expr | None) -> bool:
    """A parameter declared a number, bool, date or UUID (or an optional or list of them): its
    text has no quote a caller could close."""
    if annotation is None:
        return False
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            annotation = ast.parse(annotation.value, mode="eval").body  # "datetime" in quotes
        except SyntaxError:
            return False
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        return _typed_not_text(annotation.left) and _typed_not_text(annotation.right)
    if isinstance(annotation, ast.Subscript) and name_of(annotation.value) in _CONTAINERS:
        items = annotation.slice.elts if isinstance(annotation.slice, ast.Tuple) else [annotation.slice]
        return all(_typed_not_text(i) for i in items if not (isinstance(i, ast.Constant) and i.value is ...))
    if isinstance(annotation, ast.Constant) and annotation.value is None:
        return True
    return name_of(annotation) in _NOT_TEXT_TYPES


def _sql_from_parameters(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    found: dict[tuple[int, str], str],
    registered: set[str],
    received: Callable[[ast.Name], bool],
    *,
    parameters: bool = True,
) -> None:
    """B608 kept where the query takes, as a value, a parameter of the function that builds it
    (unless `parameters` is off: the project's tests, whose parameters are fixtures) or text that
    `received` says comes from outside (a request object, a message, a model's output)."""
    arguments = function.args
    # A declared type is a contract its callers keep; a route, a tool or a task is called by a
    # framework that passes what the request held, whatever the annotation says.
    typed = not any(name_of(d) in _ENTRY_DECORATORS for d in function.decorator_list) and (
        function.name not in registered
    )
    # Parameters first rebound to a number hold no text, whoever calls the function.
    numbers = _recast_first(function, {a.arg for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]})
    tainted: set[str] = set()
    if parameters:
        tainted = {
            a.arg
            for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
            if a.arg != "self" and not (typed and _typed_not_text(a.annotation))
        }
        if arguments.vararg:
            tainted.add(arguments.vararg.arg)
        if arguments.kwarg:
            tainted.add(arguments.kwarg.arg)
        tainted -= numbers
    bindings = _bindings_in(ast.walk(function))
    for _ in range(2):  # twice: a name tainted later in the walk taints what it feeds
        for value, names in bindings:
            if text_names(value) & tainted:
                tainted.update(names)
    compared = _only_compared(function)
    _sql_splices(ast.walk(function), compared, tainted, received, found, _bound(bindings), numbers)


def _recast_first(function: ast.FunctionDef | ast.AsyncFunctionDef, parameters: set[str]) -> set[str]:
    """The parameters the function's own body rebinds, before any other statement reads them, to a
    number (`count = max(0, int(count))`, `limit = int(limit)`): every later use sees a number,
    which carries no SQL. Only unconditional statements of the body count (a rebinding under `if`,
    `try` or a loop may not run), and a statement that reads the parameter otherwise first (the
    query built before the cast) ends the search for it."""
    recast: set[str] = set()
    read: set[str] = set()
    for statement in function.body:
        target = statement.targets[0] if isinstance(statement, ast.Assign) and len(statement.targets) == 1 else None
        if isinstance(statement, ast.AnnAssign):
            target = statement.target
        value = getattr(statement, "value", None)
        if (
            isinstance(target, ast.Name)
            and target.id in parameters
            and target.id not in read
            and value is not None
            and _numeric(value)
        ):
            recast.add(target.id)
        read |= {n.id for n in ast.walk(statement) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return recast


_NUMBER_CALLS = frozenset({"int", "float", "bool", "len", "round"})
_MATH_NUMBER_CALLS = frozenset({"floor", "ceil", "trunc"})
_NUMBER_OF_NUMBERS = frozenset({"max", "min", "abs", "sum"})


def _numeric(node: ast.expr) -> bool:
    """Whether the value is a number whatever the names in it hold: a numeric constant, int(),
    float(), len() and the like, max/min/abs of numbers, arithmetic on numbers; nothing that binds
    a name on the way (`int(raw := text)` keeps the text in `raw`)."""
    if any(isinstance(n, ast.NamedExpr) for n in ast.walk(node)):
        return False
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (int, float))  # (bool is an int)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        return _numeric(node.operand)
    if isinstance(node, ast.BinOp) and not isinstance(node.op, ast.Mod):
        return _numeric(node.left) and _numeric(node.right)
    if isinstance(node, ast.Call) and not node.keywords:
        func = node.func
        # Python's own functions, by their own names (a project's `trunc(text)` may cut text)
        if isinstance(func, ast.Name) and func.id in _NUMBER_CALLS:
            return True
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "math":
            return func.attr in _MATH_NUMBER_CALLS
        if isinstance(func, ast.Name) and func.id in _NUMBER_OF_NUMBERS:
            return bool(node.args) and all(_numeric(argument) for argument in node.args)
    return False


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


def _walk_outside_scopes(node: ast.AST) -> Iterator[ast.AST]:
    """`node` and what it holds, not entering functions, classes or lambdas (judged with their
    scope). A stack, not recursion: nesting is the file's to choose."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(child for child in ast.iter_child_nodes(current) if not isinstance(child, _SCOPES))


def _bindings_in(nodes: Iterable[ast.AST]) -> list[tuple[ast.expr, list[str]]]:
    """(value, names bound to it) for each binding among `nodes`, in their order."""
    found = []
    for node in nodes:
        value, targets = _binding(node)
        if value is not None:
            found.append((value, [n.id for target in targets for n in ast.walk(target) if isinstance(n, ast.Name)]))
    return found


def _bound(bindings: list[tuple[ast.expr, list[str]]]) -> dict[str, list[ast.expr]]:
    """Name -> the values it is bound to (`placeholders = ",".join("?" * len(ids))`)."""
    bound: dict[str, list[ast.expr]] = {}
    for value, names in bindings:
        for name in names:
            bound.setdefault(name, []).append(value)
    return bound


def _sql_splices(
    nodes: Iterable[ast.AST],
    compared: set[int],
    tainted: set[str],
    received: Callable[[ast.Name], bool],
    found: dict[tuple[int, str], str],
    bound: dict[str, list[ast.expr]],
    numbers: frozenset[str] | set[str] = frozenset(),
) -> None:
    """Each SQL text built in `nodes` that takes, where the database reads a value, one of the
    `tainted` names or a name `received` from outside whose text reaches the query: not a name
    bound only to what counts or quotes outside values (`"?" * len(rows)` placeholders), nor
    one of `numbers` (parameters first cast to a number)."""
    for node in nodes:
        built = isinstance(node, (ast.BinOp, ast.JoinedStr)) or (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
        )
        if not built or id(node) in compared or not isinstance(node, ast.expr) or not _SQL.search(_strings(node)):
            continue
        names = _names(node)
        outside = {
            n.id
            for n in ast.walk(node)
            if isinstance(n, ast.Name)
            and n.id not in tainted
            and n.id not in numbers
            and (n.id not in bound or any(text_names(value) for value in bound[n.id]))
            and received(n)
        }
        if not names & (tainted | outside):
            continue
        text = query_text(node)
        if not reads_like_sql(text) or reads_only_catalogue(text):
            continue
        if outside and spliced_values(node, outside):
            reason = "text from outside (a request, a message, a model's output) goes into the query as a value"
        elif tainted and spliced_values(node, tainted):
            reason = "the query takes a parameter of the function that builds it as a value"
        else:
            continue
        for line in _lines(node):
            found[(line, "B608")] = reason


def _only_compared(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[int]:
    """The ids of the expressions in `function` that are only ever compared: an operand of a
    comparison (`assert build(x) == f"SELECT ... {x}"`, the text a test expects), or the value of
    an assignment to names used nowhere else (`expected = f"SELECT ..."`). Not a `global` or
    `nonlocal` name (another function may run it), nothing when `locals()`/`vars()` hand every
    local out."""
    compared: set[int] = set()
    names: list[ast.Name] = []
    assignments: list[ast.Assign] = []
    shared: set[str] = set()
    escapes = False
    for node in ast.walk(function):
        if isinstance(node, ast.Compare):
            compared.update(id(operand) for operand in (node.left, *node.comparators))
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            names.append(node)
        elif isinstance(node, ast.Assign):
            assignments.append(node)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            shared.update(node.names)
        elif isinstance(node, ast.Call) and name_of(node.func) in ("locals", "vars"):
            escapes = True
    if escapes:
        return compared
    uses: dict[str, list[bool]] = {}
    for name in names:
        uses.setdefault(name.id, []).append(id(name) in compared)
    only = {name for name, compared_uses in uses.items() if all(compared_uses) and name not in shared}
    for assignment in assignments:
        if all(isinstance(target, ast.Name) and target.id in only for target in assignment.targets):
            compared.add(id(assignment.value))
    return compared


def _registered_handlers(module: ast.Module) -> set[str]:
    """Functions a framework is handed without a decorator (`app.add_url_rule(..., view_func=f)`,
    `router.add_api_route(path, f)`, `Tool(func=f)`): any function passed to a call by name."""
    found: set[str] = set()
    for node in nodes_of(module):
        if isinstance(node, ast.Call):
            for value in [*node.args, *(k.value for k in node.keywords)]:
                if isinstance(value, ast.Name):
                    found.add(value.id)
    return found


def _exposed_server(call: ast.Call, found: dict[tuple[int, str], str]) -> None:
    keywords = {k.arg: k.value for k in call.keywords if k.arg}
    host = keywords.get("host") or keywords.get("server_name")
    if not (isinstance(host, ast.Constant) and host.value in _ALL_INTERFACES):
        return
    debug = keywords.get("debug")
    share = keywords.get("share")
    # Flask's and Werkzeug's `run(debug=True)` start the debugger; Gradio's `launch(debug=True)`
    # only keeps the main thread waiting and prints errors: no console to reach.
    debugger = isinstance(call.func, ast.Attribute) and call.func.attr == "run"
    if debugger and isinstance(debug, ast.Constant) and debug.value is True:
        reason = "with the debugger on (debug=True): anyone who reaches it runs code"
    elif isinstance(share, ast.Constant) and share.value is True:
        reason = "and published on a public share link (share=True)"
    else:
        return
    for line in _lines(host):
        found[(line, "B104")] = reason


def _unpinned_remote_code(
    call: ast.Call,
    origins: Callable[[], CommandOrigins],
    found: dict[tuple[int, str], str],
    imported_as: dict[str, str],
    hub_id_attributes: Callable[[], frozenset[str]],
) -> None:
    """B615 (a Hub download without `revision=`) on a call that may also run the repository's
    code: `trust_remote_code` given anything but a false constant. Not when it loads the object's
    own model folder (`self.model_path`, `self._model_dir`): a serving framework's model class is
    built on a folder resolved before, where a revision is given or not; this call downloads
    nothing the class could pin."""
    if not isinstance(call.func, ast.Attribute) or call.func.attr not in _HUB_LOADERS:
        return
    receiver = name_of(call.func.value)
    if _CONFIG_CLASS.fullmatch(imported_as.get(receiver, receiver).rsplit(".", 1)[-1]):
        return  # `GenerationConfig.from_pretrained`: reads a JSON file; the flag imports nothing there
    keywords = {k.arg: k.value for k in call.keywords if k.arg}
    trust = keywords.get("trust_remote_code")
    # A constant True is MLS307's finding on the same call; a value from a parameter or a
    # config (`trust_remote_code=args.trust_remote_code`) is not, and runs the latest code too.
    if trust is None or isinstance(trust, ast.Constant) or "revision" in keywords:
        return
    repository = call.args[0] if call.args else keywords.get("pretrained_model_name_or_path", keywords.get("repo_id"))
    if _instance_model_folder(repository, hub_id_attributes):
        return  # the object's own model folder, resolved (and downloaded, pinned or not) before
    local = keywords.get("local_files_only")
    if _always(local, True, call, origins) or _always(trust, False, call, origins):
        return  # nothing is downloaded by default, or no code of the repository runs
    for line in _lines(call):
        found[(line, "B615")] = "with trust_remote_code, an unpinned download runs the repository's latest code"


# An attribute that names a folder on disk (`model_path`, `_local_dir`, `ckpt_folder`), not one that
# may hold a Hub id (`model_name_or_path`, `model_id_or_path`, `model_id`, `tokenizer`).
_FOLDER_ATTRIBUTE = re.compile(r"_?(?:[a-z0-9]+_)*(?:path|dir|folder|directory)")
_HUB_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+")


def _instance_model_folder(node: ast.expr | None, hub_id_attributes: Callable[[], frozenset[str]]) -> bool:
    """`self.<folder attribute>`, when the module never sets that attribute to a Hub id
    (`self.model_path = "org/model"` names a repository of the Hub, not a folder)."""
    if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"):
        return False
    name = node.attr
    return bool(_FOLDER_ATTRIBUTE.fullmatch(name)) and "_or_" not in name and name not in hub_id_attributes()


def attributes_given_hub_ids(module: ast.Module) -> frozenset[str]:
    """The `self.<name>` attributes the module assigns a constant that reads like a Hub id."""
    found: set[str] = set()
    for node in nodes_of(module):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Constant):
            value = node.value.value
            if isinstance(value, str) and _HUB_ID.fullmatch(value) and not value.startswith("."):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                found.update(t.attr for t in targets if isinstance(t, ast.Attribute))
    return frozenset(found)


def _always(value: ast.expr | None, constant: bool, call: ast.Call, origins: Callable[[], CommandOrigins]) -> bool:
    """Whether `value` is `constant` as the code stands: the constant itself, a local name bound
    only to it, or, for True, a parameter whose default is True and that nothing rebinds (a
    loader whose own default is `local_files_only=True` downloads only when a caller asks).
    A parameter defaulting to False proves nothing: callers pass True to turn a feature on."""
    if isinstance(value, ast.Constant):
        return value.value is constant
    if not isinstance(value, ast.Name):
        return False
    index = origins()
    function = index.function_of(call)
    bound = index.bound_values(value.id, function)
    rebound_only_to_it = bound is None or all(isinstance(v, ast.Constant) and v.value is constant for v in bound[0])
    parameter = function is not None and value.id in parameters_of(function)
    if parameter and function is not None:
        return rebound_only_to_it and constant is True and _default_of(function, value.id) is True
    return bound is not None and rebound_only_to_it


def _default_of(function: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> object:
    default = parameter_default(function, name)
    return default.value if isinstance(default, ast.Constant) else None


def _permissive_mode(call: ast.Call, found: dict[tuple[int, str], str]) -> None:
    """B103 (chmod to a mode with group or other bits) where the mode is more than an executable's
    or a shared folder's: writable by every user (o+w), setuid/setgid, or a mode this cannot read.
    0o755, 0o775 and 0o555 let others run or read a file, which is what scripts and binaries need."""
    if name_of(call) not in _CHMODS:
        return
    mode = next((k.value for k in call.keywords if k.arg == "mode"), None)
    if mode is None:
        # `os.chmod(path, mode)`; `Path(p).chmod(mode)`
        mode = call.args[1] if len(call.args) > 1 else call.args[0] if call.args else None
    value = _mode_value(mode) if mode is not None else None
    if value is None:
        reason = "a mode that is not a constant: it may make the file writable by every user"
    elif value & 0o002:
        reason = "writable by every user on the machine (o+w): anyone can change what runs or is read"
    elif value & 0o6000:
        reason = "setuid/setgid: the file runs with its owner's or group's rights"
    else:
        return
    for line in _lines(call):
        found[(line, "B103")] = reason


def _mode_value(node: ast.expr) -> int | None:
    """A chmod mode of constants and `stat.S_*` flags joined with `|`; None when it is anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = _mode_value(node.left), _mode_value(node.right)
        return None if left is None or right is None else left | right
    flag = name_of(node)
    return getattr(stat, flag) if flag.startswith("S_I") and isinstance(getattr(stat, flag, None), int) else None


def _url_from_outside(
    calls: list[ast.Call], origins: CommandOrigins, found: dict[tuple[int, str], str], fixed: _FixedOrigins
) -> None:
    """B310 (urlopen of a URL) where the URL is text from outside (a request, a route's or a
    tool's argument, a file's content): the caller picks what the server fetches (`file://`,
    internal hosts), not only a mirror of a dataset."""
    for call in calls:
        url = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "url"), None)
        function = origins.function_of(call)
        if url is None:
            continue
        if _built_request(origins, url, function):
            # `urlopen(req)` of a `Request(url, body)`: not judged by the Request's URL here.
            # Judging it with this test raised 10 findings on the benchmark, none labelled true
            # (an API's next-page link, an operator's environment or flag counted as outside); the
            # case of a web request's own URL is left open (stop 71's closing note). A Request sent
            # elsewhere afterwards (`req.full_url = request.args["url"]`, `req.set_proxy(...)`) is
            # judged by where it is sent.
            retargets = fixed.retargets_of(url.id) if isinstance(url, ast.Name) else []
            if retargets is not None:
                # a name is a function's own: another function's `req` is another Request
                retargets = [value for value in retargets if origins.function_of(value) is function]
            if retargets is None or any(origins.from_outside(value, function) for value in retargets):
                for line in _lines(call):
                    found[(line, "B310")] = (
                        "the request is sent to text from outside after it is built (full_url, set_proxy)"
                    )
            continue
        if fixed.public(url, function):
            continue  # `f"https://artifacts.vendor.com/{version}/x.tar.gz"`: the caller picks a path, not where
        if origins.from_outside(url, function):
            for line in _lines(call):
                found[(line, "B310")] = (
                    "the URL is text from outside: the caller picks what is fetched (file://, internal hosts)"
                )


def _built_request(
    origins: CommandOrigins, url: ast.AST, function: ast.FunctionDef | ast.AsyncFunctionDef | None
) -> bool:
    """`req` bound only to `urllib.request.Request(...)` calls (whose body is what is sent)."""
    if isinstance(url, ast.Call):
        return name_of(url) == "Request"
    if not isinstance(url, ast.Name):
        return False
    found = origins.bound_values(url.id, function)
    return found is not None and all(isinstance(v, ast.Call) and name_of(v) == "Request" for v in found[0])


def blocking_hygiene(
    module: ast.Module, notebook: bool, origins: Callable[[], CommandOrigins], *, in_tests: bool = False
) -> dict[tuple[int, str], str]:
    """(line, bandit id) -> why that hygiene finding keeps bandit's severity. `origins` gives the
    module's command-origin index (built once per module, shared with the ML rules). In the
    project's test modules (`in_tests`: files that define tests, not code that serves or reads a
    command line) a function's parameters are the tests' own fixtures and cases, so SQL built
    from them stays hygiene; what a request or a model's output feeds is judged as anywhere."""
    found: dict[tuple[int, str], str] = {}
    functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
    fetches: list[ast.Call] = []
    sql = False
    # `from transformers import AutoConfig as HFConfig`: the name a class was imported as says
    # nothing; the imported name does.
    imported_as = {
        alias.asname: alias.name
        for node in nodes_of(module)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
        if alias.asname
    }
    hub_id_attributes = functools.cache(lambda: attributes_given_hub_ids(module))
    for node in nodes_of(module):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append(node)
        elif isinstance(node, ast.Call):
            _exposed_server(node, found)
            _unpinned_remote_code(node, origins, found, imported_as, hub_id_attributes)
            _permissive_mode(node, found)
            if name_of(node) in _URL_OPENERS:
                fetches.append(node)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and not sql:
            sql = _SQL.search(node.value[:4000]) is not None
    # Functions are walked again only when some string of the module reads like SQL. A notebook's
    # cells and helpers run the author's own session: there only a function the notebook hands to
    # a framework to call (a route, an agent's tool, a UI callback, a serving handler, one taking
    # a request or an event) receives text from outside, in its parameters or the request it
    # reads; the notebook's own values, downloads and model outputs stay hygiene, as a helper's
    # parameter named `query` does.
    if sql:
        index = origins()

        verdicts: dict[int, bool] = {}  # a name inside nested built strings is asked once

        def received(name: ast.Name) -> bool:
            if id(name) not in verdicts:
                function = index.function_of(name)
                # a test's parameters are its fixtures, even of a function it hands on
                fixture = in_tests and function is not None and name.id in parameters_of(function)
                if notebook:
                    handed = function is not None and (
                        id(function) in index.exposed
                        or id(function) in index.handler_methods
                        or bool(_REQUEST_PARAMETERS & set(parameters_of(function)))
                    )
                    verdicts[id(name)] = handed and index.from_outside(name, function, by_parameter_name=False)
                else:
                    verdicts[id(name)] = not fixture and index.from_outside(name, function)
            return verdicts[id(name)]

        registered = _registered_handlers(module)
        for function in functions:
            _sql_from_parameters(function, found, registered, received, parameters=not (in_tests or notebook))
        if not notebook:
            # The module's own statements (a script's or an app's top level): only text from outside.
            top = [n for s in module.body if not isinstance(s, _SCOPES) for n in _walk_outside_scopes(s)]
            _sql_splices(top, set(), set(), received, found, _bound(_bindings_in(top)))
    if fetches:
        index = origins()
        _url_from_outside(fetches, index, found, _FixedOrigins(module, index))
    return found
