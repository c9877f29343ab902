"""Whether a load in the project's tests reads one of the tests' own local files.

A test's load is only the tests' own business when what it reads is built of constants that name
a local file (`"tests/data/tiny.pt"`, `Path("cache", "ones")`), or of a temporary folder pytest or
`tempfile` hands the test (`tmp_path / "m.pkl"`) that the same test writes into itself with a known
writer (`torch.save(m, tmp_path / "m.pkl")`, `write_bytes`, `open(..., "wb")`): an autouse fixture
may fill the same `tmp_path` with a download. Anything else (a fixture's or helper's parameter, an
environment variable, a URL in any piece, bytes from a client, a queue or a cache) may be someone
else's file, and the load keeps its severity.
"""

from __future__ import annotations

import ast

from hooks.code.command_origin import CommandOrigins, name_of
from hooks.code.dotted_names import dotted_name
from hooks.code.load_context import load_target
from hooks.code.serialisers import path_arguments
from hooks.code.tree_nodes import nodes_of

# pytest's own temporary-folder fixtures (a conftest may define any other name, and fill it).
_TEMPORARY_FIXTURES = frozenset({"tmp_path", "tmpdir", "tmp_path_factory", "tmpdir_factory"})
# Private temporary folders and files (`gettempdir()` is the machine's shared /tmp: not one).
_TEMPORARY_CALLS = frozenset({"mkdtemp", "mktemp", "TemporaryDirectory", "NamedTemporaryFile", "mkstemp"})
# Calls that write a file at a path they are given (besides the serialisers' WRITERS).
_WRITE_METHODS = frozenset({"write_bytes", "write_text", "write"})
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
_MAX_DEPTH = 12


# Modules whose functions build paths or text: `os.path.join(a, b)` reads only its arguments.
_PATH_MODULES = frozenset({"os", "os.path", "posixpath", "ntpath", "pathlib", "textwrap", "tempfile", "str"})


# Modules that fetch files or bytes from elsewhere, whatever a call of theirs is named or aliased
# to (`from requests import get as g`, `getattr(requests, "get")`): a test importing one may load
# what it fetched.
_FETCHING_MODULES = frozenset(
    "requests httpx urllib urllib3 aiohttp http socket ftplib paramiko pycurl wget gdown pooch huggingface_hub "
    "hf_transfer modelscope boto3 botocore s3fs gcsfs adlfs fsspec smart_open google azure datasets kaggle "
    "tensorflow_datasets torchvision mlflow wandb clearml dvc".split()
)


def imports_fetchers(module: ast.Module) -> bool:
    """Whether the module imports anything that can fetch files (also `torch.hub`)."""
    for node in nodes_of(module):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        else:
            continue
        for name in names:
            if name.split(".", 1)[0] in _FETCHING_MODULES or name.startswith("torch.hub"):
                return True
    return False


def reads_tests_own_file(call: ast.Call, origins: CommandOrigins) -> bool:
    """Whether the load reads a local file named by constants, or one the test wrote itself into
    its temporary folder."""
    source = load_target(call)
    return source is not None and tests_own_value(source, call, origins)


def tests_own_value(value: ast.AST, call: ast.Call, origins: CommandOrigins) -> bool:
    """Whether `value` (an argument of `call`) is built of constants, and of temporary folders the
    test writes into itself, and what is read from local files so named: a path, a handle, bytes or
    text the tests own."""
    function = origins.function_of(call)
    found: set[str] = set()  # temporary folders' names, and "\0" + each constant piece of the path
    if not _own(value, origins, function, set(), 0, reading=True, roots=found):
        return False
    roots = {r for r in found if not r.startswith("\0")}
    pieces = {r[1:].strip("/\\ ") for r in found if r.startswith("\0")} - {""}
    return not roots or _writes_into(function, roots, pieces, call, origins)


def _expand(node: ast.AST, origins: CommandOrigins, function: ast.AST | None, depth: int) -> tuple[set[str], set[str]]:
    """The names and constant texts a write's target is built of, following local names to what
    they are bound to (`p = os.path.join(d, "m.pkl")` ... `open(p, "wb")`)."""
    names: set[str] = set()
    texts: set[str] = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            texts.add(n.value.strip("/\\ "))
        elif isinstance(n, ast.Name):
            names.add(n.id)
            bound = origins.bound_values(n.id, function) if depth < 4 else None  # type: ignore[arg-type]
            for value in bound[0] if bound else []:
                if isinstance(value, ast.AST):
                    more_names, more_texts = _expand(value, origins, function, depth + 1)
                    names |= more_names
                    texts |= more_texts
    return names, texts


def _writes_into(
    function: ast.AST | None, roots: set[str], pieces: set[str], load: ast.Call, origins: CommandOrigins
) -> bool:
    """Whether `function` itself writes the loaded file into one of the temporary folders `roots`
    (names bound to them) with a known writer (a serialiser, `write_bytes`/`write_text`,
    `open(p, "w...")`), naming it with one of the load path's own `pieces` (`"m.pkl"`): a write of
    another file there says nothing about the one loaded."""
    if function is None:
        return False
    inside_load = {id(n) for n in ast.walk(load)}
    for node in ast.walk(function):
        if not isinstance(node, ast.Call) or id(node) in inside_load:
            continue
        targets: list[ast.AST] = list(path_arguments(node))
        name = name_of(node)
        if name in _WRITE_METHODS and isinstance(node.func, ast.Attribute):
            targets.append(node.func.value)
        if name == "open" and _write_mode(node):
            targets.extend(node.args[:1])
        for target in targets:
            names, texts = _expand(target, origins, function, 0)
            if names & roots and (not pieces or pieces & texts):
                return True
    return False


def _write_mode(call: ast.Call) -> bool:
    mode = next((k.value for k in call.keywords if k.arg == "mode"), call.args[1] if len(call.args) > 1 else None)
    return isinstance(mode, ast.Constant) and isinstance(mode.value, str) and any(c in mode.value for c in "wax+")


def _own(
    node: ast.AST,
    origins: CommandOrigins,
    function: object,
    seen: set[tuple[int, str]],
    depth: int,
    *,
    reading: bool,
    appended: bool = False,
    roots: set[str] | None = None,
) -> bool:
    """`reading`: the node is what a load reads (a path, a handle or bytes read from a path); else
    a part of a path. `appended`: text glued after other text (`f"{tmp_path}/m.pkl"`, `a + "/m"`),
    where a leading `/` is no root."""
    if depth > _MAX_DEPTH:
        return False
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str):
            if roots is not None:
                roots.add("\0" + node.value)
            return _local_text(node.value, appended=appended)
        return isinstance(node.value, (int, float)) and not reading
    if isinstance(node, (ast.Tuple, ast.List)):
        # `SNIPPET, EXPECTED = "x = 1", 1`: each name is bound to the whole tuple; all of it is own.
        return all(_own(e, origins, function, seen, depth + 1, reading=False, roots=roots) for e in node.elts)
    if isinstance(node, ast.JoinedStr):
        return all(
            _own(v, origins, function, seen, depth + 1, reading=False, appended=appended or i > 0, roots=roots)
            for i, v in enumerate(node.values)
        )
    if isinstance(node, ast.FormattedValue):
        return _own(node.value, origins, function, seen, depth + 1, reading=False, roots=roots)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.Add, ast.Mod)):
        # `a + "/m"` and `"%s/m" % a` glue text; `folder / "/etc/x"` starts again at the root.
        glued = not isinstance(node.op, ast.Div)
        return _own(node.left, origins, function, seen, depth + 1, reading=False, appended=appended, roots=roots) and (
            _own(node.right, origins, function, seen, depth + 1, reading=False, appended=glued, roots=roots)
        )
    if isinstance(node, ast.Attribute):
        # `handle.name`, `tmpdir.strpath`: an attribute of something the tests own.
        return _own(node.value, origins, function, seen, depth + 1, reading=False, roots=roots)
    if isinstance(node, ast.Name):
        return _own_name(node.id, origins, function, seen, depth, reading=reading, roots=roots)
    if isinstance(node, ast.Call):
        name = name_of(node)
        if name in _TEMPORARY_CALLS:
            return roots is not None  # the caller then asks whether the test writes there itself
        if name in _READERS or name in _PATH_BUILDERS:
            parts: list[ast.AST] = [*node.args, *(k.value for k in node.keywords if k.arg not in ("mode", "encoding"))]
            if isinstance(node.func, ast.Attribute) and dotted_name(node.func.value) not in _PATH_MODULES:
                parts.append(node.func.value)  # `Path("a").read_bytes()`, `tmp_path.joinpath("m")`
            modes = [k.value for k in node.keywords if k.arg == "mode"] + node.args[1:2]
            if name == "open" and any(not isinstance(m, ast.Constant) for m in modes):
                return False
            return bool(parts) and all(
                _own(part, origins, function, seen, depth + 1, reading=False, roots=roots)
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
        ":" in stripped  # a scheme (`s3:`, `https://`), a drive or a host, however the pieces are split
        or stripped.startswith("//")
        or (not appended and stripped.startswith(("/", "\\", "~")))
        or ".." in stripped.replace("\\", "/").split("/")
    )


def _test_function(function: ast.AST | None) -> bool:
    """A test or a pytest fixture: what pytest calls, with its own temporary folders."""
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    if function.name.startswith("test"):
        return True
    return any("fixture" in ast.unparse(decorator) for decorator in function.decorator_list)


def _own_name(
    name: str,
    origins: CommandOrigins,
    function: object,
    seen: set[tuple[int, str]],
    depth: int,
    *,
    reading: bool,
    roots: set[str] | None,
) -> bool:
    if name in _TEMPORARY_FIXTURES and _test_function(origins.parameter_scope(name, function)):  # type: ignore[arg-type]
        # pytest's own folder for this test (a helper's `tmp_path` parameter is whatever its caller
        # passes); the caller then asks whether the test writes into it itself.
        if roots is None:
            return False
        roots.add(name)
        return True
    key = (id(function), name)
    if key in seen:
        return True  # a loop: its other bindings decide
    seen.add(key)
    bound = origins.bound_values(name, function)  # type: ignore[arg-type]
    if bound is None:
        # A parameter: a fixture a conftest may fill with a download, or unknown; a test's own
        # `@pytest.mark.parametrize` values spelled out beside it are the test's text.
        scope = origins.parameter_scope(name, function)  # type: ignore[arg-type]
        spelled = _parametrized(scope, name) if _test_function(scope) else None
        return bool(spelled) and all(
            _own(value, origins, scope, seen, depth + 1, reading=reading, roots=roots) for value in spelled or []
        )
    values, scope = bound
    if roots is not None and any(
        isinstance(value, ast.Call) and name_of(value) in _TEMPORARY_CALLS for value in values
    ):
        roots.add(name)  # `d = tempfile.mkdtemp()`: writes into `d` make files of the test's own
    return bool(values) and all(
        isinstance(value, ast.AST) and _own(value, origins, scope, seen, depth + 1, reading=reading, roots=roots)
        for value in values
    )


def _parametrized(function: ast.AST | None, name: str) -> list[ast.expr] | None:
    """The values a test's `@pytest.mark.parametrize` gives its parameter `name`, when the
    decorator spells them out: a list or tuple of values (one name) or of tuples (several names,
    `"a,b"` or `("a", "b")`), `pytest.param(...)` entries included. None when the parameter is not
    parametrized there, the values are built elsewhere (a name, a call), or `indirect` hands them
    to a fixture."""
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    for decorator in function.decorator_list:
        if not (isinstance(decorator, ast.Call) and dotted_name(decorator.func).endswith("mark.parametrize")):
            continue
        if len(decorator.args) < 2 or any(k.arg in ("indirect", None) for k in decorator.keywords):
            continue
        names_node, values_node = decorator.args[0], decorator.args[1]
        if isinstance(names_node, ast.Constant) and isinstance(names_node.value, str):
            names = [n.strip() for n in names_node.value.split(",")]
        elif isinstance(names_node, (ast.List, ast.Tuple)) and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in names_node.elts
        ):
            names = [str(e.value) for e in names_node.elts if isinstance(e, ast.Constant)]
        else:
            return None
        if name not in names:
            continue
        if not isinstance(values_node, (ast.List, ast.Tuple)):
            return None
        index = names.index(name)
        values: list[ast.expr] = []
        for entry in values_node.elts:
            if isinstance(entry, ast.Call) and dotted_name(entry.func).endswith("param"):
                row: list[ast.expr] = list(entry.args)
            elif len(names) == 1:
                row = [entry]
            elif isinstance(entry, (ast.Tuple, ast.List)):
                row = list(entry.elts)
            else:
                return None
            if len(row) != len(names) or any(isinstance(e, ast.Starred) for e in row):
                return None
            values.append(row[index])
        return values
    return None
