"""Whether a load in the project's tests reads one of the tests' own local files.

A test's load is only the tests' own business when what it reads is built of constants that name
a local file (`"tests/data/tiny.pt"`, `Path("cache", "ones")`) and of the temporary folders pytest
and `tempfile` hand out (`tmp_path / "m.pkl"`): the file is committed with the tests or written by
the test itself. Anything else (a fixture's or helper's parameter, which a conftest may fill with
a download; an environment variable; a URL; bytes from a client, a queue or a cache) may be
someone else's file, and the load keeps its severity.
"""

from __future__ import annotations

import ast
import re

from hooks.code.command_origin import CommandOrigins
from hooks.code.serialisers import PATH_KEYWORDS

# pytest's temporary-folder fixtures (and the names tests commonly give `tempfile`'s folders).
_TEMPORARY_FIXTURES = frozenset(
    {"tmp_path", "tmpdir", "tmp_path_factory", "tmpdir_factory", "tmp_dir", "temp_dir", "tmp_directory", "tmpdirname"}
)
_TEMPORARY_CALLS = frozenset({"mkdtemp", "gettempdir", "mktemp", "TemporaryDirectory", "NamedTemporaryFile"})
# Calls that only build or reshape a path from their arguments.
_PATH_BUILDERS = frozenset(
    {
        "Path",
        "PurePath",
        "PosixPath",
        "join",
        "joinpath",
        "with_suffix",
        "with_name",
        "str",
        "fspath",
        "abspath",
        "realpath",
        "normpath",
        "expanduser",
        "resolve",
        "absolute",
        "dirname",
        "format",
        "compile",
        "dedent",
        "strip",
    }
)
# Calls that read a file's bytes or text: `Path(p).read_bytes()`, `open(p).read()`.
_READERS = frozenset({"read_bytes", "read_text", "read", "open"})
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://|^(?:s3|gs|gcs|az|abfss?|hf|hdfs|dbfs):")
_MAX_DEPTH = 12


# Modules whose functions build paths or text: `os.path.join(a, b)` reads only its arguments.
_PATH_MODULES = frozenset({"os", "os.path", "posixpath", "ntpath", "pathlib", "textwrap", "tempfile", "str"})


def _dotted(node: ast.AST) -> str:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def load_source(call: ast.Call) -> ast.expr | None:
    """What a load reads: its first argument, else a path keyword."""
    return call.args[0] if call.args else next((k.value for k in call.keywords if k.arg in PATH_KEYWORDS), None)


def reads_tests_own_file(call: ast.Call, origins: CommandOrigins) -> bool:
    """Whether the load reads a local file named by constants and temporary folders only."""
    source = load_source(call)
    return source is not None and tests_own_value(source, call, origins)


def tests_own_value(value: ast.AST, call: ast.Call, origins: CommandOrigins) -> bool:
    """Whether `value` (an argument of `call`) is built of constants, temporary folders and what
    is read from local files so named: a path, a handle, bytes or text the tests own."""
    return _own(value, origins, origins.function_of(call), set(), 0, reading=True)


def _own(
    node: ast.AST,
    origins: CommandOrigins,
    function: object,
    seen: set[tuple[int, str]],
    depth: int,
    *,
    reading: bool,
    appended: bool = False,
) -> bool:
    """`reading`: the node is what a load reads (a path, a handle or bytes read from a path); else
    a part of a path. `appended`: text glued after other text (`f"{tmp_path}/m.pkl"`, `a + "/m"`),
    where a leading `/` is no root."""
    if depth > _MAX_DEPTH:
        return False
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str):
            return _local_text(node.value, appended=appended)
        return isinstance(node.value, (int, float)) and not reading
    if isinstance(node, (ast.Tuple, ast.List)):
        # `SNIPPET, EXPECTED = "x = 1", 1`: each name is bound to the whole tuple; all of it is own.
        return all(_own(e, origins, function, seen, depth + 1, reading=False) for e in node.elts)
    if isinstance(node, ast.JoinedStr):
        return all(
            _own(v, origins, function, seen, depth + 1, reading=False, appended=appended or i > 0)
            for i, v in enumerate(node.values)
        )
    if isinstance(node, ast.FormattedValue):
        return _own(node.value, origins, function, seen, depth + 1, reading=False)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.Add, ast.Mod)):
        # `a + "/m"` and `"%s/m" % a` glue text; `folder / "/etc/x"` starts again at the root.
        glued = not isinstance(node.op, ast.Div)
        return _own(node.left, origins, function, seen, depth + 1, reading=False, appended=appended) and _own(
            node.right, origins, function, seen, depth + 1, reading=False, appended=glued
        )
    if isinstance(node, ast.Attribute):
        # `handle.name`, `tmpdir.strpath`: an attribute of something the tests own.
        return _own(node.value, origins, function, seen, depth + 1, reading=False)
    if isinstance(node, ast.Name):
        return _own_name(node.id, origins, function, seen, depth, reading=reading)
    if isinstance(node, ast.Call):
        name = _call_name(node)
        if name in _TEMPORARY_CALLS:
            return True
        if name in _READERS or name in _PATH_BUILDERS:
            parts: list[ast.AST] = [*node.args, *(k.value for k in node.keywords if k.arg not in ("mode", "encoding"))]
            if isinstance(node.func, ast.Attribute) and _dotted(node.func.value) not in _PATH_MODULES:
                parts.append(node.func.value)  # `Path("a").read_bytes()`, `tmp_path.joinpath("m")`
            modes = [k.value for k in node.keywords if k.arg == "mode"] + node.args[1:2]
            if name == "open" and any(not isinstance(m, ast.Constant) for m in modes):
                return False
            return bool(parts) and all(
                _own(part, origins, function, seen, depth + 1, reading=False)
                for part in parts
                if not (name == "open" and part in node.args[1:])
            )
        return False
    return False


def _local_text(text: str, *, appended: bool = False) -> bool:
    """A piece of a local path inside the checkout: no URL or scheme anywhere in it (`"ht" +
    "tp://..."` is judged piece by piece), not absolute (`/tmp/m.pkl` is shared with every process
    on the machine), not a home folder, not climbing out."""
    stripped = text.strip()
    return not (
        _SCHEME.match(stripped)
        or "://" in stripped
        or (not appended and stripped.startswith(("/", "\\", "~")))
        or ".." in stripped.replace("\\", "/").split("/")
        or re.match(r"[A-Za-z]:", stripped)
    )


def _test_function(function: ast.AST | None) -> bool:
    """A test or a pytest fixture: what pytest calls, with its own temporary folders."""
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    if function.name.startswith("test"):
        return True
    return any("fixture" in ast.unparse(decorator) for decorator in function.decorator_list)


def _own_name(
    name: str, origins: CommandOrigins, function: object, seen: set[tuple[int, str]], depth: int, *, reading: bool
) -> bool:
    if name in _TEMPORARY_FIXTURES and _test_function(origins.parameter_scope(name, function)):  # type: ignore[arg-type]
        return True  # pytest's own folder for this test; a helper's `tmp_path` parameter is whatever its caller passes
    key = (id(function), name)
    if key in seen:
        return True  # a loop: its other bindings decide
    seen.add(key)
    bound = origins.bound_values(name, function)  # type: ignore[arg-type]
    if bound is None:
        return False  # a parameter (a fixture a conftest may fill with a download) or unknown
    values, scope = bound
    return bool(values) and all(
        isinstance(value, ast.AST) and _own(value, origins, scope, seen, depth + 1, reading=reading) for value in values
    )
