"""Unsafe data ingestion, found in the code hook's AST: data read over plain http, downloads
unpickled without a checksum check, TLS verification switched off for the whole process.

One walk over the module collects downloads (what they return or write), derivations (a file
opened from a path, a response's `.content`), checksum calls and pickle-capable loads; the
verdicts are drawn at the end, so a hash checked after the download but before the load in
another function still counts. A name is the function's own when the function binds it (a
parameter, an assignment, a loop's or a `with`'s target) and the module's otherwise, so two
functions' `path` parameters are two values; a file name written in both paths tells two files in
one folder apart (`root / "data.csv"` is not `root / "model.pkl"`). A call of one of the module's
own functions hands its arguments to the parameters; a loader's parameter is also matched by name
with a path another function downloads to and returns (callers elsewhere hand one to the other).
This is a heuristic for precision, not a full data-flow analysis.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass

from hooks._core.findings import Issue
from hooks._core.severity import Severity
from hooks.code import rules
from hooks.code.bindings import assigned_names

Resolver = Callable[[ast.AST], "str | None"]

_READERS = re.compile(
    r"^(?:pandas\.read_\w+|polars\.(?:read|scan)_\w+|dask\.dataframe\.read_\w+|numpy\.(?:loadtxt|genfromtxt)"
    r"|pyarrow\.(?:csv|parquet|json)\.read_\w+)$"
)
_FILE_DOWNLOADS = re.compile(
    r"(?:^|\.)(?:urlretrieve|download_url_to_file|get_file|download_url)$|^wget\.download$|^gdown\.(?:cached_)?download$"
)
_HTTP_CLIENTS = re.compile(r"^(?:requests|httpx)\.(?:get|post|request|stream)$|^urllib\.request\.urlopen$")
_DATA_URL = re.compile(
    r"(?i)\.(?:csv|tsv|jsonl?|parquet|feather|arrow|zip|gz|tgz|tar|bz2|xz|zst|pkl|pickle|pt|pth|bin|npy|npz|h5|hdf5"
    r"|xlsx?|joblib|ckpt|safetensors|onnx|model|txt|data)(?:[?#].*)?$"
)
# Readers and files of data no loader executes: a CSV swapped in transit poisons results, not the
# machine (pickle-capable files and archives, which can hold them, keep the rule's severity).
_INERT_READERS = re.compile(
    r"(?:^|\.)(?:read_(?:csv|table|fwf|json|ndjson|parquet|feather|ipc|excel|xml|html|orc)|scan_(?:csv|parquet|ndjson|ipc)"
    r"|loadtxt|genfromtxt)$"
)
_INERT_URL = re.compile(r"(?i)\.(?:csv|tsv|jsonl?|parquet|feather|arrow|txt|data|xlsx?)$")
_LOCAL_HOST = re.compile(
    r"^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+"
    r"|172\.(?:1[6-9]|2\d|3[01])\.\d+\.\d+|[\w.-]+\.(?:local|internal|lan|localhost))(?::\d+)?$"
)
_PICKLE_SINKS = frozenset(
    {
        "pickle.load", "pickle.loads", "pickle.Unpickler", "_pickle.load", "_pickle.loads", "cPickle.load",
        "cPickle.loads", "cloudpickle.load", "cloudpickle.loads", "dill.load", "dill.loads", "joblib.load",
        "sklearn.externals.joblib.load", "pandas.read_pickle", "pandas.io.pickle.read_pickle", "torch.load",
        "torch.serialization.load", "numpy.load",
    }
)  # fmt: skip
_CHECKSUM_NAME = re.compile(r"(?i)sha\d*|md5|hash|digest|checksum|integrity|verif")
_PICKLE_SUFFIXES = (".bin", ".pkl", ".pickle", ".pt", ".pth", ".ckpt", ".joblib", ".jbl", ".sav", ".npy")
_CA_VARIABLES = frozenset({"CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE"})
_ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".gz", ".bz2", ".tbz2", ".xz", ".txz", ".zst", ".7z")
_ARCHIVE_READERS = re.compile(
    r"^(?:zipfile\.(?:ZipFile|is_zipfile)|tarfile\.(?:open|TarFile)|gzip\.(?:open|GzipFile)|bz2\.(?:open|BZ2File)"
    r"|lzma\.open|shutil\.unpack_archive|py7zr\.SevenZipFile|pandas\.read_\w+)$"
)
_RUNNERS = re.compile(
    r"^(?:subprocess\.\w+|os\.(?:system|popen|exec\w*|spawn\w*)|importlib\.\w+|runpy\.\w+|pip\._internal\.\w+"
    r"|zipimport\.\w+|sys\.path\.(?:append|insert|extend))$"
)
_COMMIT = re.compile(r"^[0-9a-f]{40}$")


_OPEN_CALLS = frozenset({"open", "io.open", "builtins.open", "codecs.open", "gzip.open", "bz2.open", "lzma.open"})


@dataclass(frozen=True)
class Download:
    node: ast.Call
    name: str


def _constant_str(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _keyword(call: ast.Call, *names: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg in names:
            return keyword.value
    return None


def _argument(call: ast.Call, index: int, *names: str) -> ast.expr | None:
    found = _keyword(call, *names)
    if found is not None:
        return found
    return call.args[index] if len(call.args) > index else None


class IngestionChecker(ast.NodeVisitor):
    def __init__(self, resolve: Resolver, strict: bool = False) -> None:
        self.strict = strict  # `profile: strict`: plain-http data keeps its full severity
        self.resolve = resolve
        self.issues: list[Issue] = []
        self.strings: dict[str, str] = {}  # name -> the string literal last assigned to it
        self.derived: dict[str, set[str]] = {}  # name -> roots (names or "lit:path") it came from
        self.downloads: dict[str, Download] = {}  # root -> the download that produced it
        self.checked: set[str] = set()  # roots passed to a checksum
        self.sinks: list[tuple[ast.Call, str, set[str]]] = []
        self.archives_over_http: list[Issue] = []  # MLS330 of archives: judged in finish()
        # MLS330 of text saved to disk: (low, full) verdicts, one picked in finish()
        self.text_files_over_http: list[tuple[Issue, Issue]] = []
        self.runs_or_unpacks = False  # the code starts commands, imports from paths or unpacks unfiltered tars
        self.reads_archives = False  # the code opens or unpacks archives itself (zipfile, tarfile, gzip, ...)
        self.modules: set[str] = set()  # names an import binds: a module or a function, never data
        self.scopes: list[tuple[str, frozenset[str]]] = []  # enclosing functions: (key prefix, names they bind)
        self.written_names: dict[str, set[str]] = {}  # tainted root -> file names of the paths written there
        # the module's functions, by the one name each is defined under (none defined twice)
        self.functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
        self.passed: dict[str, set[str]] = {}  # a function's parameter key -> roots of what its calls pass
        self.parameters: set[str] = set()  # every function's parameter keys
        self.returned: set[str] = set()  # roots of what the module's functions return

    # --- helpers -------------------------------------------------------------------------
    def roots(self, node: ast.AST | None) -> set[str]:
        """The names and literal paths a value is made of. What a call does is no part of its data:
        the function called (`open`, `load_results`), a module a function is taken from (`os` of
        `os.path.join`) and `open`'s mode (`"wb"`) are left out, or every file opened for writing
        would share the root `open` with every file read later (ms-swift's test helpers: a
        download written through one `open`, an unrelated result read through another)."""
        found: set[str] = set()
        pending: list[ast.AST] = [] if node is None else [node]
        while pending:
            child = pending.pop()
            if isinstance(child, ast.Call):
                callee = self.resolve(child.func) or ""
                if callee in _OPEN_CALLS:
                    path = _argument(child, 0, "file")
                    pending.extend([path] if path is not None else [])
                    continue
                if all(isinstance(a, ast.Constant) for a in (*child.args, *(k.value for k in child.keywords))):
                    # `model_path()`, `cache_file("m.pkl")`: the same call gives the same path
                    found.add("call:" + ast.unparse(child)[:200])
                pending.extend(child.args)
                pending.extend(keyword.value for keyword in child.keywords)
                if isinstance(child.func, ast.Attribute):
                    pending.append(child.func.value)  # `Path(p).open()`, `buffer.getvalue()`: the receiver is data
                continue
            if (
                isinstance(child, ast.Attribute)
                and isinstance(child.value, ast.Name)
                and child.value.id in ("self", "cls")
            ):
                found.add(f"attr:{child.value.id}.{child.attr}")  # `self.path`: one object's, in every method
            elif isinstance(child, ast.Name):
                if child.id not in self.modules:
                    key = self.key(child.id)
                    found |= self.derived.get(key, {key})
            elif isinstance(child, ast.Constant) and isinstance(child.value, str) and len(child.value) < 512:
                text = child.value
                while text.startswith("./"):
                    text = text[2:]  # `./clf.pkl` is `clf.pkl`
                found.add("lit:" + text)
            else:
                pending.extend(ast.iter_child_nodes(child))
        return found

    def key(self, name: str) -> str:
        """The name as this checker keys it: `function@line/name` for a name the innermost enclosing
        function binds, the bare name for the module's."""
        for prefix, bound in reversed(self.scopes):
            if name in bound:
                return f"{prefix}/{name}"
        return name

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> None:
        arguments = node.args
        prefix = _scope_prefix(node)
        named = (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)
        self.parameters.update(f"{prefix}/{argument.arg}" for argument in named)
        self.scopes.append((prefix, _bound_in(node)))
        try:
            self.generic_visit(node)
        finally:
            self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_Lambda = visit_FunctionDef

    def visit_Return(self, node: ast.Return) -> None:
        self.generic_visit(node)
        if self.scopes and node.value is not None:
            self.returned |= self.roots(node.value)

    def visit_Import(self, node: ast.Import) -> None:
        self.modules.update((alias.asname or alias.name).split(".")[0] for alias in node.names)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        self.modules.update(alias.asname or alias.name for alias in node.names if alias.name != "*")

    def url_of(self, node: ast.AST | None) -> str | None:
        if node is None:
            return None
        text = _constant_str(node)
        if text is not None:
            return text
        if isinstance(node, ast.Name):
            return self.strings.get(self.key(node.id))
        if isinstance(node, ast.JoinedStr) and node.values:
            return _constant_str(node.values[0])
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.url_of(node.left)
        return None

    def _taint(self, target: ast.AST | None, download: Download) -> None:
        if target is None:
            return
        if isinstance(target, ast.Name):
            self.downloads[self.key(target.id)] = download
            self.derived.pop(self.key(target.id), None)
        elif isinstance(target, (ast.Tuple, ast.List)) and target.elts:
            self._taint(target.elts[0], download)
        else:
            text = _constant_str(target)
            if text is not None:
                self.downloads["lit:" + text] = download
            elif isinstance(target, (ast.Call, ast.BinOp, ast.JoinedStr, ast.Attribute, ast.Subscript)):
                # Path("x") / os.path.join(d, "x.pkl") / f"{d}/x.pkl"
                self._taint_roots(self.roots(target), download)

    # --- assignments and flow ------------------------------------------------------------
    def visit_Assign(self, node: ast.Assign) -> None:
        self.generic_visit(node)
        for target in node.targets:
            self._assigned(target, node.value)
            self._tls_assignment(target, node.value)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self.generic_visit(node)
        if node.value is not None:
            self._assigned(node.target, node.value)

    def visit_With(self, node: ast.With) -> None:
        for item in node.items:
            self.visit(item.context_expr)
            if item.optional_vars is not None:
                self._assigned(item.optional_vars, item.context_expr)
        for statement in node.body:
            self.visit(statement)

    visit_AsyncWith = visit_With  # type: ignore[assignment]

    def visit_For(self, node: ast.For) -> None:
        self.visit(node.iter)
        if isinstance(node.target, ast.Name):
            self.derived[self.key(node.target.id)] = self.roots(node.iter)
        for statement in [*node.body, *node.orelse]:
            self.visit(statement)

    def _assigned(self, target: ast.AST, value: ast.AST) -> None:
        download = self._download(value) if isinstance(value, ast.Call) else None
        if download is not None:
            self._taint(target, download)
            return
        if not isinstance(target, ast.Name):
            return
        text = _constant_str(value)
        if text is not None:
            self.strings[self.key(target.id)] = text
        self.derived[self.key(target.id)] = self.roots(value)

    # --- calls ---------------------------------------------------------------------------
    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        name = self.resolve(node.func) or ""
        self._http_read(node, name)
        self._passes(node)
        download = self._download(node)
        if download is not None:
            for target in self._written_paths(node, name):
                self._taint(target, download)
        self._writes(node, name)
        self._checksums(node, name)
        self._sink(node, name)
        self._tls_environment(node, name)
        self._runs_or_unpacks(node, name)

    def _runs_or_unpacks(self, node: ast.Call, name: str) -> None:
        """What can turn a fetched archive into running code in this file: a command started
        (a shell line of a notebook is one too), an import from a path, or a tar extraction
        without a filter (members can land anywhere, a startup script among them)."""
        attribute = node.func.attr if isinstance(node.func, ast.Attribute) else ""
        unpacks = attribute in ("extractall", "extract") or name == "shutil.unpack_archive"
        if (
            _RUNNERS.match(name)
            or attribute in ("system", "getoutput", "run_line_magic", "run_cell_magic")
            or (unpacks and not _keyword(node, "filter") and not name.startswith("zipfile."))
        ):
            self.runs_or_unpacks = True
        if _ARCHIVE_READERS.match(name) or unpacks or _keyword(node, "extract", "untar") is not None:
            self.reads_archives = True  # what it does with an archive: unpack or read it as data

    def _download(self, node: ast.Call) -> Download | None:
        name = self.resolve(node.func) or ""
        if _HTTP_CLIENTS.match(name) or _FILE_DOWNLOADS.search(name):
            if _keyword(node, "file_hash", "md5_hash", "hash_prefix", "md5", "hash", "known_hash") is not None:
                return None
            return Download(node, ".".join(name.split(".")[-2:]))
        if name.endswith("hf_hub_download"):
            revision = _constant_str(_keyword(node, "revision"))
            filename = _constant_str(_argument(node, 1, "filename"))
            if (revision is not None and _COMMIT.match(revision)) or (
                filename is not None and filename.lower().endswith(_PICKLE_SUFFIXES)
            ):
                return None  # pinned to a commit, or already MLS311 at this call
            return Download(node, "hf_hub_download")
        if name.endswith("pooch.retrieve") or name == "pooch.retrieve":
            known = _argument(node, 1, "known_hash")
            if isinstance(known, ast.Constant) and known.value is None:
                return Download(node, "pooch.retrieve")
        return None

    @staticmethod
    def _written_paths(node: ast.Call, name: str) -> list[ast.expr]:
        """The destination a file download writes, besides what it returns."""
        if name.endswith("urlretrieve"):
            return [x for x in (_argument(node, 1, "filename"),) if x is not None]
        if name.endswith("download_url_to_file"):
            return [x for x in (_argument(node, 1, "dst"),) if x is not None]
        if name == "wget.download":
            return [x for x in (_argument(node, 1, "out"),) if x is not None]
        if name.startswith("gdown."):
            return [x for x in (_argument(node, 1, "output", "path"),) if x is not None]
        return []

    def _writes(self, node: ast.Call, name: str) -> None:
        """`f.write(r.content)`, `Path(p).write_bytes(data)`, `shutil.copyfileobj(r.raw, f)`."""
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("write", "write_bytes", "writelines") and node.args:
            source = self._tainted(self.roots(node.args[0])) or self._fetched_inside(node.args[0])
            if source is not None:
                self._taint_roots(self.roots(func.value), source)  # `open(p, "wb").write(...)`: roots of p
        if name == "shutil.copyfileobj" and len(node.args) > 1:
            source = self._tainted(self.roots(node.args[0]))
            if source is not None:
                self._taint_roots(self.roots(node.args[1]), source)
        moved = _moved(node, name)
        if moved is not None:
            # `os.replace(part, final)`, `shutil.move(tmp, dest)`, `Path(tmp).rename(dest)`: the
            # downloaded bytes now sit at the destination
            source = self._tainted(self.roots(moved[0]))
            if source is not None:
                self._taint_roots(self.roots(moved[1]), source)

    def _passes(self, node: ast.Call) -> None:
        """`load("m.pkl")` of the module's own `def load(path)`: the parameter holds what is passed."""
        if not isinstance(node.func, ast.Name) or node.func.id not in self.functions:
            return
        function = self.functions[node.func.id]
        arguments = function.args
        positional = [a.arg for a in (*arguments.posonlyargs, *arguments.args)]
        prefix = _scope_prefix(function)
        given = list(zip(positional, node.args, strict=False))
        given += [(k.arg, k.value) for k in node.keywords if k.arg is not None]
        for parameter, value in given:
            if isinstance(value, ast.Starred):
                continue
            self.passed.setdefault(f"{prefix}/{parameter}", set()).update(self.roots(value))

    def _expanded(self, roots: set[str]) -> set[str]:
        """The roots, and what the module's calls pass for those that are parameters."""
        found = set(roots)
        for root in roots:
            found |= self.passed.get(root, set())
        return found

    def _taint_roots(self, roots: set[str], download: Download) -> None:
        names = _file_names(roots)
        for root in roots:
            self.downloads.setdefault(root, download)
            if names:
                self.written_names.setdefault(root, set()).update(names)

    def _fetched_inside(self, node: ast.AST) -> Download | None:
        """A download made in the written expression itself (`p.write_bytes(requests.get(u).content)`)."""
        for child in ast.walk(node):
            if isinstance(child, ast.Call):
                download = self._download(child)
                if download is not None:
                    return download
        return None

    def _tainted(self, roots: set[str]) -> Download | None:
        for root in sorted(roots):
            if root in self.downloads:
                return self.downloads[root]
        return None

    def _checksums(self, node: ast.Call, name: str) -> None:
        last = name.rsplit(".", 1)[-1]
        if name.startswith("hashlib.") or _CHECKSUM_NAME.search(last):
            for argument in [*node.args, *(k.value for k in node.keywords)]:
                self.checked |= self.roots(argument)
            if isinstance(node.func, ast.Attribute):
                self.checked |= self.roots(node.func.value)

    def _sink(self, node: ast.Call, name: str) -> None:
        if name not in _PICKLE_SINKS:
            return
        weights_only = _keyword(node, "weights_only")
        if name.startswith("torch.") and isinstance(weights_only, ast.Constant) and weights_only.value is True:
            return
        if name == "numpy.load":
            allow = _keyword(node, "allow_pickle")
            if not (isinstance(allow, ast.Constant) and allow.value is True):
                return
        argument = _argument(node, 0, "file", "f", "filepath_or_buffer", "filename", "data")
        if argument is not None:
            self.sinks.append((node, name, self.roots(argument)))

    # --- plain http ----------------------------------------------------------------------
    def _http_read(self, node: ast.Call, name: str) -> None:
        reader = _READERS.match(name) is not None
        file_download = _FILE_DOWNLOADS.search(name) is not None
        client = _HTTP_CLIENTS.match(name) is not None
        if not (reader or file_download or client):
            return
        url = None
        for candidate in (*node.args[:2], _keyword(node, "origin", "url", "filepath_or_buffer", "source")):
            url = self.url_of(candidate)
            if url is not None and url.lower().startswith("http://"):
                break
            url = None
        if url is None:
            return
        host = url[7:].split("/", 1)[0].split("@")[-1].lower()
        if _LOCAL_HOST.match(host):
            return
        if client and not _DATA_URL.search(url.split("?", 1)[0]):
            return  # an API call, not a file
        what = name.rsplit(".", 1)[-1]
        path = url.split("?", 1)[0].split("#", 1)[0].lower()
        parsed_in_place = _INERT_READERS.search(name) is not None  # pd.read_csv(url): parsed, never saved
        inert = not self.strict and (parsed_in_place or _INERT_URL.search(path) is not None)
        note = "; tabular or text data that no loader runs, so a swap changes results, not code" if inert else ""
        issue = Issue(
            rules.DATA_READ_OVER_HTTP,
            f"{what}() fetches {_host(host)} over plain http: the data can be swapped in transit; use https{note}",
            "",
            line=node.lineno,
            column=node.col_offset + 1,
            severity=Severity.LOW if inert else None,
        )
        if path.endswith(_ARCHIVE_SUFFIXES) and not inert:
            self.archives_over_http.append(issue)  # judged in finish(), once the whole code is seen
        elif inert and file_download and not parsed_in_place:
            # A text file saved to disk (`urlretrieve(".../requirements.txt", "r.txt")`) may be
            # handed to a command (`pip install -r r.txt`): judged in finish(), which picks the
            # low verdict or the full one.
            full = Issue(
                rules.DATA_READ_OVER_HTTP,
                f"{what}() fetches {_host(host)} over plain http: the data can be swapped in transit; use https"
                + _STARTS_COMMANDS,
                "",
                line=node.lineno,
                column=node.col_offset + 1,
            )
            self.text_files_over_http.append((issue, full))
        else:
            self.issues.append(issue)

    # --- TLS off for the process ---------------------------------------------------------
    def _tls_assignment(self, target: ast.AST, value: ast.AST) -> None:
        if (
            isinstance(target, ast.Attribute)
            and target.attr == "_create_default_https_context"
            and isinstance(value, ast.Attribute)
            and value.attr == "_create_unverified_context"
        ):
            self._tls(target, "ssl's default context replaced by _create_unverified_context")
        if isinstance(target, ast.Subscript) and (self.resolve(target.value) or "") == "os.environ":
            self._environment(target, _constant_str(target.slice), value)

    def _tls_environment(self, node: ast.Call, name: str) -> None:
        if name in ("os.environ.update", "os.environ.setdefault", "os.putenv"):
            if name == "os.environ.update" and node.args and isinstance(node.args[0], ast.Dict):
                for key, value in zip(node.args[0].keys, node.args[0].values, strict=False):
                    self._environment(node, _constant_str(key), value)
            elif len(node.args) > 1:
                self._environment(node, _constant_str(node.args[0]), node.args[1])

    def _environment(self, node: ast.AST, variable: str | None, value: ast.AST) -> None:
        text = _constant_str(value)
        if variable in _CA_VARIABLES and text is not None and not text.strip():
            self._tls(node, f"{variable} set to an empty string turns off certificate checks in requests")
        elif variable == "PYTHONHTTPSVERIFY" and text is not None and text.strip() == "0":
            self._tls(node, "PYTHONHTTPSVERIFY=0 turns off certificate checks")

    def _tls(self, node: ast.AST, what: str) -> None:
        message = f"{what}: every later download (data, models) can be swapped in transit"
        line, column = getattr(node, "lineno", 1), getattr(node, "col_offset", 0) + 1
        self.issues.append(Issue(rules.TLS_VERIFICATION_DISABLED_GLOBALLY, message, "", line=line, column=column))

    # --- verdicts ------------------------------------------------------------------------
    def finish(self) -> list[Issue]:
        # A data archive fetched over http by code that unpacks or reads it itself and unpickles
        # nothing, starts no command, imports nothing from a path and unpacks no tar without a
        # filter: a swap changes the data, not the code that runs. A script that only downloads
        # (another file uses the archive) shows nothing of the kind, and stays medium.
        # Saved text data stays low only in code that starts no command and unpickles nothing: a
        # requirements file or a script saved as .txt is code for the command that takes it.
        for low, full in self.text_files_over_http:
            self.issues.append(full if self.sinks or self.runs_or_unpacks else low)
        for issue in self.archives_over_http:
            if self.reads_archives and not self.sinks and not self.runs_or_unpacks and not self.strict:
                note = "; this code only unpacks or reads it (no unpickling, commands, unfiltered tars): data at stake"
                issue = Issue(
                    issue.rule, issue.message + note, "", line=issue.line, column=issue.column, severity=Severity.LOW
                )
            self.issues.append(issue)
        reported: set[int] = set()
        # A download written to a parameter's path is written to what the module's calls pass for it.
        downloads = dict(self.downloads)
        written_names = {root: set(names) for root, names in self.written_names.items()}
        for root, fetched in self.downloads.items():
            for passed in self.passed.get(root, set()):
                downloads.setdefault(passed, fetched)
                written_names.setdefault(passed, set()).update(self.written_names.get(root, set()))
        checked = self._expanded(self.checked)
        # A helper module's loader given its path as a parameter (`def unpickle(fpath)`, used by a
        # notebook) is matched, as a module's shared name would be, with what another function
        # downloads to under that name and returns (`urlretrieve(url, fpath)` ... `return fpath`):
        # callers elsewhere hand one to the other. The file names the module's own calls
        # pass for a parameter still tell two files apart (`fetch("a.csv")`, `restore("m.pkl")`).
        for parameter, given in self.passed.items():
            if parameter in downloads:
                written_names.setdefault(parameter, set()).update(_file_names(given))
        by_name: dict[str, list[str]] = {}
        for root in downloads:
            # only a path the downloading function gives back to its caller (`return fpath`)
            if "/" in root and not root.startswith(("lit:", "call:", "attr:")) and root in self.returned:
                by_name.setdefault(root.rsplit("/", 1)[1], []).append(root)
        for sink, sink_name, sink_roots in self.sinks:
            roots = self._expanded(sink_roots)
            for root in list(roots):
                if root in self.parameters:
                    roots.update(by_name.get(root.rsplit("/", 1)[1], []))
            loaded_names = _file_names(roots)
            for root in sorted(roots):
                download = downloads.get(root)
                if download is None or root in checked or id(download.node) in reported:
                    continue
                written = written_names.get(root, set())
                if not _file_names({root}) and loaded_names and written and not loaded_names & written:
                    continue  # one folder, two files: `root / "data.csv"` written, `root / "model.pkl"` loaded
                reported.add(id(download.node))
                self.issues.append(
                    Issue(
                        rules.UNVERIFIED_DOWNLOAD_DESERIALISED,
                        f"{download.name}() fetches a file that {sink_name} at line {sink.lineno} unpickles with no "
                        "checksum check: whoever serves or intercepts it runs code; verify a pinned sha256 first",
                        "",
                        line=download.node.lineno,
                        column=download.node.col_offset + 1,
                    )
                )
        return self.issues


_STARTS_COMMANDS = "; saved where this code also starts commands or unpickles"


_FILE_NAME = re.compile(r"[^/\\]*\.[A-Za-z0-9]{1,8}$")
_MOVES = frozenset({"os.replace", "os.rename", "shutil.move", "shutil.copy", "shutil.copy2", "shutil.copyfile"})


def _file_names(roots: set[str]) -> set[str]:
    """The file names (`model.pkl`) among a path's literal roots."""
    names = set()
    for root in roots:
        if root.startswith("lit:"):
            tail = root[4:].replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
            if _FILE_NAME.fullmatch(tail):
                names.add(tail)
    return names


def _moved(node: ast.Call, name: str) -> tuple[ast.expr, ast.expr] | None:
    """(source, destination) of a move or copy of a file."""
    if name in _MOVES and len(node.args) >= 2:
        return node.args[0], node.args[1]
    func = node.func
    if (
        isinstance(func, ast.Attribute)
        and func.attr in ("rename", "replace")
        and len(node.args) == 1
        and not name.startswith("os.")
        and not isinstance(func.value, ast.Constant)  # `"a-b".replace("-", "_")` is text, not a file
    ):
        return func.value, node.args[0]
    return None


def _scope_prefix(function: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> str:
    return f"{getattr(function, 'name', 'lambda')}@{function.lineno}:{function.col_offset}"


def _functions_by_name(module: ast.Module) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef]:
    """Plain functions of the module (not methods) by name, leaving out names defined twice."""
    found: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
    twice: set[str] = set()
    pending: list[ast.AST] = [module]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.ClassDef):
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if node.name in found:
                twice.add(node.name)
            found[node.name] = node
        pending.extend(ast.iter_child_nodes(node))
    return {name: function for name, function in found.items() if name not in twice}


def _bound_in(function: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> frozenset[str]:
    """The names a function binds itself: its parameters and what its own body assigns."""
    arguments = function.args
    names = {a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)}
    names.update(a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None)
    if not isinstance(function, ast.Lambda):
        names |= assigned_names(function)
    return frozenset(names)


def _host(host: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in host)[:60]


def ingestion_issues(module: ast.Module, resolve: Resolver, *, strict: bool = False) -> list[Issue]:
    checker = IngestionChecker(resolve, strict)
    checker.functions = _functions_by_name(module)
    checker.visit(module)
    return checker.finish()
