"""Which files a notebook or script wrote itself, so that loading them again is not a blocker.

`joblib.dump(model, "model.pkl")` a few cells before `joblib.load("model.pkl")` reloads the
notebook's own object: whoever could swap that file could already change the notebook. Loads of
a constant path (or, in a notebook, the same variable) that the same file serialised earlier are
reported low; loads of downloaded files, parameters, environment values and request data are not
writes of this file and stay high.

Paths are compared as keys: `c:<text>` for a constant string (literals, names bound to one,
`os.path.join`/`Path`/f-strings of constants), `n:<expression>` for a path a notebook builds of
its variables, attributes and constants (`folder + "/m.pkl"`; a notebook's variables are its
author's own). A script's variables may be parameters, so across the script only constants
count; inside one function, a path expression it serialised to on an earlier line (directly or
through an `open()` handle) is the file it just wrote (`torch.save(sd, ckpt)` ... `torch.load(ckpt)`).
"""

from __future__ import annotations

import ast
import bisect
import posixpath
import re
import string
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from hooks._core.paths import resolved_folder
from hooks._shared.shell import only_installs_packages
from hooks.code.bindings import names_bound_by
from hooks.code.command_origin import MAX_TEXT, name_of
from hooks.code.launched import CommandFinder, Wrapper
from hooks.code.mlflow_store import MlflowStore, last_name
from hooks.code.own_cache import EXISTENCE_CHECKS, OwnCaches
from hooks.code.own_jobs import OwnJobs
from hooks.code.pipeline_inputs import FedFolders, under
from hooks.code.project_fetches import FETCHING_COMMAND, fetched_by_project
from hooks.code.serialisers import PATH_KEYWORDS, bound_parameters, opened_to_read, path_arguments
from hooks.code.started_code import command_starts_code
from hooks.code.text_mentions import TextMentions
from hooks.code.tree_nodes import nodes_of

_NOT_THE_REPOSITORY = ("~", "/tmp/", "/var/tmp/", "/dev/shm/")  # noqa: S108 - the folders looked for
_MAX_FLAG_READS = 200_000  # nodes read while finding tests of a file's presence (a hostile file's flags)
_MAX_FLAG_DEPTH = 4
_OPENERS = frozenset({"open", "builtins.open", "io.open", "gzip.open", "bz2.open", "lzma.open"})
_OPENING_MODULES = frozenset({"io", "builtins", "gzip", "bz2", "lzma"})
QualName = Callable[[ast.AST], "str | None"]


Memo = dict[int, "str | None"]


def _text(node: ast.AST, constants: dict[str, str], memo: Memo | None = None) -> str | None:
    """The constant string an expression evaluates to, when it is built only of constants (and
    is at most MAX_TEXT characters long: `a = a + a` 40 times would otherwise build a terabyte).
    `memo` (id of a node -> its text) keeps each part's answer while one pass asks about every
    node of a tree: a long sum is then folded once, not again for each of its parts."""
    if memo is not None and id(node) in memo:
        return memo[id(node)]
    text = _built_text(node, constants, memo)
    text = text if text is None or len(text) <= MAX_TEXT else None
    if memo is not None:
        memo[id(node)] = text
    return text


def _built_text(node: ast.AST, constants: dict[str, str], memo: Memo | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        # `__file__`: the script itself, so `dirname(__file__)` is its folder ("") and paths built
        # on it are the repository's files beside it.
        return _OWN_FILE if node.id == "__file__" else constants.get(node.id)
    if isinstance(node, ast.Attribute) and node.attr == "parent":
        inner = _text(node.value, constants, memo)  # Path(__file__).parent
        return None if inner is None else _dirname(inner)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("resolve", "absolute")
        and not node.args
        and not node.keywords
    ):
        return _text(node.func.value, constants, memo)  # Path(p).resolve(): the same place
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                inner = _text(value.value, constants, memo)
                # `{p!r}` spells the value with quotes (and a Path's as `PosixPath('...')`): only
                # `{p}` and `{p!s}` spell the text itself.
                if inner is None or value.format_spec is not None or value.conversion not in (-1, ord("s")):
                    return None
                parts.append(inner)
            else:
                text = _text(value, constants, memo)
                if text is None:
                    return None
                parts.append(text)
        return "".join(parts) if sum(map(len, parts)) <= MAX_TEXT else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.Add)):
        left, right = _text(node.left, constants, memo), _text(node.right, constants, memo)
        if left is None or right is None:
            return None
        return posixpath.join(left, right) if isinstance(node.op, ast.Div) else left + right
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _percent_formatted(node, constants, memo)  # `"%s.pkl" % name`
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Constant)
    ):
        # `"{}_{}.pkl".format(a, b)`, `"_".join([a, b])`: methods of a text the code spells.
        return _text_method(node, node.func.attr, node.func.value.value, constants, memo)
    if isinstance(node, ast.Call) and node.args and not node.keywords:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in ("join", "Path", "PurePath", "PosixPath", "str", "abspath", "realpath", "expanduser", "normpath"):
            texts = [_text(arg, constants, memo) for arg in node.args]
            if any(t is None for t in texts):
                return None
            return posixpath.join(*(t for t in texts if t is not None))
        if name == "dirname" and len(node.args) == 1:
            inner = _text(node.args[0], constants, memo)
            return None if inner is None else _dirname(inner)
    return None


_OWN_FILE = "__file__"


def _percent_formatted(node: ast.BinOp, constants: dict[str, str], memo: Memo | None) -> str | None:
    """`"%s_%s.pkl" % (a, b)` with texts only and no specifier but `%s` (and `%%`)."""
    template = _text(node.left, constants, memo)
    if template is None:
        return None
    given = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
    values = [_text(value, constants, memo) for value in given]
    pieces = template.split("%%")
    if any(v is None for v in values) or any(re.search(r"%(?!s)", piece) for piece in pieces):
        return None
    holes = sum(piece.count("%s") for piece in pieces)
    if holes != len(values):
        return None
    known = [v for v in values if v is not None]
    if len(template) + sum(map(len, known)) > MAX_TEXT:
        return None
    filled = iter(known)
    return "%".join(re.sub("%s", lambda _: next(filled), piece) for piece in pieces)


def _text_method(
    node: ast.Call, method: str, template: object, constants: dict[str, str], memo: Memo | None
) -> str | None:
    """`"{}_{}.pkl".format(a, b)` (automatic or numbered fields, no specs) and `"_".join([a, b])`."""
    if not isinstance(template, str) or node.keywords:
        return None
    if method == "join" and len(node.args) == 1 and isinstance(node.args[0], (ast.List, ast.Tuple)):
        parts = [_text(element, constants, memo) for element in node.args[0].elts[: MAX_TEXT + 1]]
        if any(p is None for p in parts) or sum(len(p or "") + len(template) for p in parts) > MAX_TEXT:
            return None
        return template.join(p for p in parts if p is not None)
    if method != "format":
        return None
    values = [_text(arg, constants, memo) for arg in node.args]
    if any(v is None for v in values):
        return None
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:
        return None
    built: list[str] = []
    length = 0
    automatic = 0
    for literal, field, spec, conversion in fields:
        built.append(literal)
        length += len(literal)
        if field is None:
            continue
        if spec or conversion or not (field == "" or (field.isascii() and field.isdigit() and len(field) < 6)):
            return None
        index = automatic if field == "" else int(field)
        automatic += field == ""
        if index >= len(values):
            return None
        built.append(values[index] or "")
        length += len(built[-1])
        if length > MAX_TEXT:
            return None  # `"{0}" * 100000`: no path is this long
    return "".join(built)


def _dirname(text: str) -> str:
    """The folder of a path text; `..` for the folder above a path that is already a folder."""
    stripped = text.rstrip("/")
    if stripped in ("", "."):
        return ".."
    if stripped == ".." or stripped.endswith("/.."):
        return stripped + "/.."
    return posixpath.dirname(stripped)


def _path_of_names(node: ast.AST, depth: int = 0) -> bool:
    """A path a notebook builds from its own variables and constants (`folder`, `cfg.out`,
    `folder + "/m.pkl"`, `f"{folder}/m.pkl"`, `os.path.join(folder, "m.pkl")`): the same text twice
    is the same file."""
    if depth > 20:
        return False
    if isinstance(node, (ast.Name, ast.Attribute)):
        return isinstance(node, ast.Name) or _path_of_names(node.value, depth + 1)
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.Add)):
        return _path_of_names(node.left, depth + 1) and _path_of_names(node.right, depth + 1)
    if isinstance(node, ast.JoinedStr):
        return all(
            _path_of_names(v.value if isinstance(v, ast.FormattedValue) else v, depth + 1)
            and not (isinstance(v, ast.FormattedValue) and v.format_spec is not None)
            for v in node.values
        )
    if isinstance(node, ast.Call) and node.args and not node.keywords:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        return name in ("join", "Path") and all(_path_of_names(arg, depth + 1) for arg in node.args)
    return False


def _within(path: str, target: str) -> bool:
    """Whether `path` is `target` or lies in the folder `target` (both normalised, relative)."""
    return target in (".", path) or path.startswith(target.rstrip("/") + "/")


def _normal(path: str) -> str:
    return posixpath.normpath(path.replace("\\", "/")).removeprefix("./")


# Loads that read a file or folder named by their first argument (or these keywords).
_READING_CALL = re.compile(r"(?i)^(?:load|load_local|load_model|load_state_dict|read_pickle|from_pretrained)$")
_PATH_KEYWORDS = frozenset({"folder_path", "path", "filepath", "file_path", "f"})


_FETCHING_CALLS = frozenset(
    "urlretrieve snapshot_download hf_hub_download download_file download_fileobj download extractall extract "
    "unpack_archive copyfile copy copy2 copytree move sync_folder urlopen "
    # Cloud storage clients (boto3, google-cloud-storage, azure-storage-blob, fsspec/gcsfs/s3fs).
    "get_object download_to_filename download_to_file download_as_bytes download_as_string download_as_text "
    "download_blob get_file "
    # MinIO, MLflow artifacts, torch.hub and torchvision's downloaders.
    "fget_object download_artifacts download_url_to_file download_url download_and_extract_archive "
    "download_file_from_google_drive clone_from load_state_dict_from_url "
    # Kaggle's API and kagglehub, gdown's folders.
    "dataset_download_files dataset_download_file competition_download_files competition_download_file "
    "model_download dataset_download model_instance_version_download download_folder".split()
)
# A copy, move or link of the code's files as (line, source keys, paths it fills, whether it is a
# link): a link reads its source whenever it is read, so the source must still be the code's then.
Copy = tuple[int, tuple[str, ...], frozenset[str], bool]
# Calls that put another file's bytes at a path (shutil's copies and moves, os's renames and
# links: `os.symlink(src, dst)` makes dst read src's bytes).
_PLACING_CALLS = frozenset({"copy", "copy2", "copyfile", "move", "replace", "rename", "copytree", "symlink", "link"})
# pathlib's moves and links, by where the bytes come from: `Path(src).replace(dst)` and
# `.rename(dst)` move the receiver's bytes to the argument; `Path(dst).symlink_to(src)` and
# `.hardlink_to(src)` make the receiver read the argument's.
_PATH_MOVES = frozenset({"replace", "rename"})
_PATH_LINKS = frozenset({"symlink_to", "hardlink_to"})
# Where a download call writes its file: (position, keyword).
_FILE_ARGUMENTS = {
    "download_to_filename": (0, "filename"),
    "fget_object": (2, "file_path"),
    "download_url_to_file": (1, "dst"),
}
# Where a fetch or copy puts files, as a folder: (position or None, keywords).
_FOLDER_ARGUMENTS: dict[str, tuple[int | None, tuple[str, ...]]] = {
    "snapshot_download": (None, ("local_dir",)),
    "hf_hub_download": (None, ("local_dir",)),
    "download_artifacts": (None, ("dst_path",)),
    "dataset_download_files": (None, ("path",)),
    "competition_download_files": (None, ("path",)),
    "download_url": (1, ("root",)),
    "download_and_extract_archive": (1, ("download_root", "extract_root")),
    "copy": (1, ("dst",)),
    "copy2": (1, ("dst",)),
    "move": (1, ("dst",)),
    "copytree": (1, ("dst",)),
    "clone_from": (1, ("to_path",)),  # GitPython's Repo.clone_from(url, to_path)
    "load_state_dict_from_url": (None, ("model_dir",)),
}
# Azure ML's downloads into a folder (`_azure_folders`): a datastore's or dataset's
# `download(target_path, prefix=...)`, a registered model's `download(target_dir)`, azure-ai-ml's
# `ml_client.models.download(name, download_path=...)` and `.jobs.download(...)`.
_DOWNLOAD_FOLDER_KEYWORDS = ("target_path", "target_dir", "download_path")
_MAX_FOLDERS = 256  # beyond this, every file may have been replaced
_MAX_COPY_DEPTH = 4  # copies of copies of the code's file followed; deeper, the bytes are not its own
# Calls that pour a stream into a file handle: (position, keyword) of the handle.
_STREAM_INTO = {"readinto": (0, "stream"), "download_to_stream": (0, "stream"), "download_fileobj": (2, "Fileobj")}
_HANDLE_MOVES = frozenset({"seek", "read", "read1", "readline", "readlines", "readinto", "peek"})
# Fetching calls that move the project's own bytes (unpacking an archive, copying a file): the
# archive or the source is judged where it is read (pipeline_inputs.py follows unpacked folders).
_LOCAL_FILE_CALLS = frozenset(
    {"extract", "extractall", "unpack_archive", "copyfile", "copy", "copy2", "copytree", "move"}
)
# HTTP clients: what they fetch may be written anywhere (`open(name, "wb").write(r.content)`).
_HTTP_CLIENTS = ("requests.", "httpx.", "urllib.", "urllib3.", "aiohttp.")
_RUNNERS = frozenset({"run", "call", "check_call", "check_output", "Popen", "system", "popen"})


def _folder_changed_to(call: ast.Call, qualname: str, constant_text: Callable[[ast.AST], str | None]) -> str | None:
    """The folder `os.chdir(d)` or an exported notebook's `get_ipython().run_line_magic("cd", d)`
    (or `pushd`, `popd`; or the older `get_ipython().magic("cd d")`) changes to ("" when not
    known); None for any other call."""
    if qualname == "os.chdir":
        argument = call.args[0] if call.args else None
    elif qualname == "get_ipython.magic" and call.args:
        line = constant_text(call.args[0])
        words = (line or "").lstrip("%").split(None, 1)
        if line is not None and (not words or words[0] not in ("cd", "pushd", "popd")):
            return None
        if line is None or words[0] == "popd" or len(words) < 2:
            return ""  # a line not known, `popd` or a bare `cd` (home): a folder not known
        folder = [w for w in words[1].split() if not w.startswith("-")]
        return folder[0].strip("'\"") if len(folder) == 1 else ""
    elif (
        qualname == "get_ipython.run_line_magic"
        and len(call.args) > 1
        and isinstance(call.args[0], ast.Constant)
        and call.args[0].value in ("cd", "pushd", "popd")
    ):
        argument = None if call.args[0].value == "popd" else call.args[1]  # popd: back to a folder not known
    else:
        return None
    text = constant_text(argument) if argument is not None else None
    return text.strip() if text else ""


def _fetching_call(call: ast.Call) -> bool:
    """A call that downloads, copies or unpacks files, an HTTP client's request, or a program
    started with a fetching command line (`subprocess.run(["git", "pull"])`)."""
    name = name_of(call)
    if name in _FETCHING_CALLS:
        return True
    if name == "retrieve" and isinstance(call.func, ast.Attribute) and name_of(call.func.value) == "pooch":
        return True  # pooch.retrieve(url, known_hash, fname=..., path=...)
    func = call.func
    dotted = ""
    while isinstance(func, ast.Attribute):
        dotted = f"{func.attr}.{dotted}"
        func = func.value
    if isinstance(func, ast.Name) and f"{func.id}.{dotted}".startswith(_HTTP_CLIENTS):
        return True
    if name in _RUNNERS and call.args:
        command = call.args[0]
        if not isinstance(command, (ast.List, ast.Tuple, ast.Constant, ast.JoinedStr)):
            # A command held in a variable may fetch anything; `asyncio.run(main())` or
            # `trainer.run(cfg)` runs no program.
            return _program_runner(call)
        words = [n.value for n in ast.walk(command) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
        return FETCHING_COMMAND.search(" ".join(words)) is not None
    return False


# Where a program is started: `subprocess.run(cmd)`, `os.system(cmd)`, `sp.Popen(cmd)`; a bare name
# only for the functions no other library commonly names so (`from subprocess import Popen`).
_PROGRAM_MODULES = frozenset({"subprocess", "os", "sp", "commands", "sh"})
_BARE_PROGRAM_RUNNERS = frozenset({"Popen", "check_call", "check_output", "system", "popen"})


def _program_runner(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Attribute):
        return isinstance(func.value, ast.Name) and func.value.id in _PROGRAM_MODULES
    return isinstance(func, ast.Name) and func.id in _BARE_PROGRAM_RUNNERS


# Where web frameworks put a request's uploaded files and body: Flask/Werkzeug `request.files`,
# `request.stream`, Django `request.FILES`, Starlette/FastAPI `await request.form()`.
_UPLOAD_ATTRIBUTES = frozenset({"files", "FILES", "stream", "form", "body", "data", "get_data"})
_REQUEST_NAMES = frozenset({"request", "req", "flask_request"})


def _uploaded(node: ast.AST, upload_names: set[str]) -> bool:
    """Whether `node` is (a part of) a request's uploaded data: `request.files["f"]`,
    `request.files.get("f")`, `request.FILES["f"]`, or a name bound to one."""
    attributes: set[str] = set()
    for _ in range(32):  # a chain this long is built to be slow, not a request
        if isinstance(node, ast.Attribute):
            attributes.add(node.attr)
            node = node.value
        elif isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Await):
            node = node.value
        else:
            break
    if not isinstance(node, ast.Name):
        return False
    if node.id in upload_names:
        return True
    # `request.files`, `flask.request.files`, `self.request.FILES`: a request object's uploads.
    requested = node.id in _REQUEST_NAMES or "request" in attributes
    return requested and bool(attributes & _UPLOAD_ATTRIBUTES)


# Calls that look at a file without changing it: whether it is there, how big or old it is.
_LOOKING_CALLS = frozenset({"exists", "isfile", "is_file", "isdir", "is_dir", "getsize", "getmtime", "stat"})
_PATH_CLASSES = frozenset({"Path", "PurePath", "PosixPath"})
_READ_MODES = frozenset({"r", "rb", "rt", "br", "tr"})


def read_texts_of(call: ast.Call) -> list[str]:
    """The path texts a call named like a load (`load`, `load_model`, `read_pickle`) is given
    (its first argument, a path keyword): what it reads."""
    if _READING_CALL.match(name_of(call)) is None:
        return []
    given = [*call.args[:1], *(k.value for k in call.keywords if k.arg in _PATH_KEYWORDS)]
    return [a.value for a in given if isinstance(a, ast.Constant) and isinstance(a.value, str)]


def looked_texts_of(call: ast.Call) -> list[str]:
    """The path texts a call only looks at: `open` in a read mode, an existence or size check
    (`os.path.exists(p)`, `Path(p).is_file()`)."""
    name = name_of(call)
    if call.args and (
        (name == "open" and isinstance(call.func, ast.Name) and _read_mode(call)) or name in _LOOKING_CALLS
    ):
        given = call.args[:1]
    elif (
        name in _LOOKING_CALLS
        and isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Call)
        and name_of(call.func.value) in _PATH_CLASSES
    ):
        given = call.func.value.args[:1]
    else:
        return []
    return [a.value for a in given if isinstance(a, ast.Constant) and isinstance(a.value, str)]


def _read_mode(call: ast.Call) -> bool:
    mode = call.args[1] if len(call.args) > 1 else next((k.value for k in call.keywords if k.arg == "mode"), None)
    if mode is None:
        return True  # open(p): "r"
    return isinstance(mode, ast.Constant) and mode.value in _READ_MODES


class _FolderBefore(str):
    """A folder change back to a folder `_folder_at` gave (`with contextlib.chdir(d):` ending), not
    a path to join to the current one. Its own type: no text of the code can pass for one."""


# Folder changes followed in one notebook; a generated one with more is not followed past them.
_MAX_FOLDER_CHANGES = 1_000
# What `mentions` answers when counting is too costly: named more often than any exemption allows.
_COUNTLESS = 1 << 30


class LoadContext:
    """What the file has written so far; the visitor asks it about each load."""

    def __init__(self, notebook: bool) -> None:
        self.notebook = notebook
        # `python -c` code the shell or IPython fills text into before it runs: a constant that
        # holds such a place (`'$CKPT'`, `'{path}'`) is not the path that is read.
        self.filled_in: re.Pattern[str] | None = None
        self.constants: dict[str, str] = {}
        self.handles: dict[str, str] = {}  # variable -> key of the file `open()` gave it
        # key -> every line that serialises to it, in the order written: what the file wrote
        # (`key in write_lines`), first (`[0]`), and how often (`len`).
        self.write_lines: dict[str, list[int]] = {}
        self.first_write: dict[str, int] = {}  # key -> its first line in write_lines
        # key -> lines where a download (`!wget -O`, `curl -o`, `urlretrieve`) writes that path: a
        # download after the code's own write replaces the file with someone else's bytes.
        self.download_lines: dict[str, list[int]] = {}
        # (normalised path, line) a fetch, copy or unpack fills: any file in it may be replaced.
        self.download_folders: list[tuple[str, int]] = []
        self._folders_seen: set[tuple[str, int]] = set()  # a script's calls are recorded twice
        # Shell copies, moves and links (`!cp best.pt m.pt`): (line, source keys, paths they fill).
        # Whose bytes they place is decided at the load: the code's own file may be written later
        # in the visit than the command was read.
        self.shell_copies: list[Copy] = []
        self._copies_seen: set[Copy] = set()
        self._own_memo: dict[tuple[str, int, int], bool] = {}  # cleared whenever a write or copy is added
        self.mlflow = MlflowStore(self.constant_text)
        # Runs the code submitted itself (own_jobs.py), and the keys of the files it downloaded
        # from one: the job's own output, written where the download puts it.
        self.own_jobs = OwnJobs()
        self.job_outputs: set[str] = set()
        # A notebook's top-level changes of the working folder (`%cd d`, `os.chdir(d)`), as (line,
        # folder; None when not known): a relative path written in one folder and loaded in
        # another names two files. Inside a function, when it runs is not known: not followed.
        self.folder_changes: list[tuple[int, str | None]] = []
        self.folder_tracking_stopped: int | None = None  # the first line of a change not kept (too many)
        self.prescanning = False  # a script's prescan is recording its calls (prescan_writes)
        self.function_depth = 0  # functions the visit is inside
        self.lines_in_functions: set[int] = set()  # lines of writes made inside a function
        self.texts: list[str] = []  # string constants and shell commands (remember_texts)
        self.read_texts: Counter[str] = Counter()  # of those, the ones loads read (remember_texts)
        self.look_texts: Counter[str] = Counter()  # and those existence checks and read opens look at
        self.fetches = False  # the code downloads, unpacks or copies files somewhere (remember_texts)
        self.upload_names: set[str] = set()  # names bound to a client's uploaded file (remember_texts)
        self.moved_handles: set[str] = set()  # handles sought or read before a load (remember_texts)
        self.open_rebound = False  # the code binds the name `open` to something else (remember_texts)
        self.consulted_tooling = False  # project_fetches was asked: the verdict reads other files
        self.fetch_argument_names: set[str] = set()  # names and texts fetching calls are given
        self.fetch_argument_texts: set[str] = set()
        # Which texts, and which texts loads read, name a file (text_mentions.py; remember_texts)
        self._named_in = TextMentions({})
        self._read_in = TextMentions({})
        # The scanned file's folder in the repository (`docs/tutorials`): where a `../` path of
        # its loads lands. Empty when unknown, and then a `../` path is outside.
        self.source_folder = ""
        # The scanned file on disk, around which the project's tooling is looked up
        # (project_fetches.py); None when not known (then no fixed path is the repository's).
        self.code_file: Path | None = None
        # A script's paths held in variables count within one function: (function line, path
        # text) -> first line it is serialised to; calls -> the line of the function they are in.
        self.scoped_writes: dict[tuple[int, str], int] = {}
        # ... and the lines where a write is a statement of its own naming the path itself (not
        # through a handle opened earlier, not inside a conditional expression, lambda or
        # comprehension): the write a load after it reads back when nothing rebinds the name between.
        self.standing_writes: dict[tuple[int, str], list[int]] = {}
        # Lines of the statements a test of absence guards (`if not os.path.isfile(p): save(p)`),
        # as sorted first and last lines: a write there may not have run, and the file is then
        # someone else's (own_cache.py judges such caches).
        self.absence_guarded: tuple[list[int], list[int]] = ([], [])
        # A script's statement lines -> the branches, loops, `try` and `with` parts they stand in
        # (block_paths), and the calls that are whole statements.
        self.block_paths: dict[int, tuple[tuple[int, str], ...]] = {}
        self.statement_calls: set[int] = set()
        # Loops (id -> first and last line): a name bound anywhere in one holds another value at a
        # load in it on the next pass. Names some function declares `global`: any call may rebind them.
        self.loop_spans: dict[int, tuple[int, int]] = {}
        self.declared_global: dict[str, set[int]] = {}  # name -> the functions declaring it
        self.declared_names: set[str] = set()  # the same names, for the visit's constants
        # (function line, attribute or item text) -> lines storing into it (`args.out = x`); a store
        # through `__dict__` counts for the object itself (`args.__dict__["out"] = x`).
        self.store_lines: dict[tuple[int, str], list[int]] = {}
        self.statement_ends: dict[int, int] = {}  # a statement's lines -> its last line
        # (function line, path text) -> lines where a download, copy, move or link puts other bytes there.
        self.scoped_replaced: dict[tuple[int, str], list[int]] = {}
        # function line -> lines where a fetch, copy or unpack fills a folder there, or a command
        # downloads or places files (`shutil.unpack_archive(a, d)`, `snapshot_download(r,
        # local_dir=d)`): any file of the function may be replaced, whatever its path is built of.
        self.scoped_fills: dict[int, list[int]] = {}
        # (function line, line) of the `open()` calls a serialiser of the function writes through.
        self.serialised_opens: set[tuple[int, int]] = set()
        self.scope_of: dict[int, int] = {}
        # For a script: (function line, name) -> lines where the name is bound there (any way;
        # "*" for a call that may bind any name: exec, globals(), setattr): a variable path rebound
        # between the write and the load names another file (prescan_writes). And the module names
        # bound more than once or declared global (names_bound_more_than_once, set by the visitor
        # before the prescan): inside a function their value depends on when it runs.
        self.binding_lines: dict[tuple[int, str], list[int]] = {}
        self.rebound_module_names: set[str] = set()
        # Names the code rebinds through the module object (names_bound_from_the_side): never a
        # constant, whatever they are assigned; None: any name may be rebound so.
        self.never_constant: set[str] | None = set()
        self.shell_commands: list[tuple[int, str]] = []  # a notebook's shell lines, for `{name}`/`$name`
        # Names a notebook binds once, to a string literal, that its shell lines may interpolate
        # (`!wget -O {path} URL` with `path = "m.pkl"`): IPython fills them in before the shell runs.
        self.shell_literals: dict[str, str] = {}
        # Where the code starts code it does not hold (started_code.py): a script, a notebook, a
        # module re-run, executed text. After one, a file it wrote may hold what that code wrote.
        self.code_started_lines: list[int] = []
        self._local_modules: dict[str, bool] = {}
        # A notebook's top-level functions (first line, last line, name) and the lines that call
        # each by name: code a helper starts runs where the helper is called.
        self.function_spans: list[tuple[int, int, str]] = []
        self.call_lines: dict[str, list[int]] = {}
        self._started_cache: tuple[int, list[int]] | None = None
        # Names whose value inside the function being visited is not known (module names bound
        # more than once): neither a constant nor a notebook's name-path there.
        self.opaque: set[str] = set()
        # An instance's own paths (`self.snapshot_path`) count across its class's methods, which run
        # in any order: calls -> the line of the class they are in (0: none); writes are recorded
        # under the negated class line.
        self.class_of: dict[int, int] = {}
        # (function line, handle variable) -> (line, path text) of each `open(path)` bound to it.
        self.scoped_handles: dict[tuple[int, str], list[tuple[int, str]]] = {}
        # (function line, handle variable) -> (line, key of the file or None) of each binding: which
        # file `pickle.dump(x, f)` writes is the `f` bound last before it in the same function,
        # not whichever `with open(...) as f` of the file was read last.
        self.handle_keys: dict[tuple[int, str], list[tuple[int, str | None]]] = {}
        self.own_caches = OwnCaches()  # load-if-present, else build and save (hooks/code/own_cache.py)
        # Functions of this code that serialise to a parameter: a call of one writes its argument.
        self.writing_functions: dict[str, tuple[tuple[int, str], ...]] = {}
        # ... and those that serialise to a path built of their parameters (serialisers.built_writes).
        self.built_writes: dict[str, tuple[ast.FunctionDef, tuple[ast.expr, ...]]] = {}
        self.module_level_calls: set[int] = set()  # calls that run when the code runs (serialisers.py)
        # Folders another step of the notebook's own pipeline fills (pipeline_inputs.py), and the
        # folders this script unpacked an archive from one of them into.
        self.pipeline_fed = FedFolders()
        self.unpacked_from_pipeline: set[str] = set()

    # --- keys --------------------------------------------------------------------------------
    def constant_text(self, node: ast.AST) -> str | None:
        """The text an expression evaluates to when it is built of constants only."""
        return _text(node, self.constants)

    def key(self, node: ast.AST | None) -> str | None:
        if node is None:
            return None
        text = _text(node, self.constants)
        if text is not None and text.strip():
            return "c:" + _normal(text)
        if self.notebook and _path_of_names(node) and not self._mentions_opaque(node) and not self._side_bound(node):
            try:
                return "n:" + ast.unparse(node)
            except (ValueError, RecursionError):
                return None
        return None

    def forget(self, names: set[str] | None) -> None:
        """Names bound some way whose value is not followed (a loop, `+=`, a tuple target, an
        import, a def, `except ... as`, a match capture): no longer a constant or a handle.
        None: any name may have been rebound (`globals()[k] = v`, `exec(text)`)."""
        if names is None:
            self.constants.clear()
            self.handles.clear()
            return
        for name in names:
            self.constants.pop(name, None)
            self.handles.pop(name, None)

    def _side_bound(self, node: ast.AST) -> bool:
        """Whether the expression names a variable the code rebinds through the module object."""
        names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        return bool(names) and (self.never_constant is None or not names.isdisjoint(self.never_constant))

    def _mentions_opaque(self, node: ast.AST) -> bool:
        return bool(self.opaque) and any(isinstance(n, ast.Name) and n.id in self.opaque for n in ast.walk(node))

    def hide_constants(self, names: set[str]) -> dict[str, str]:
        """Forget the module constants a function's parameters hide; returns them, to restore."""
        return {name: self.constants.pop(name) for name in names if name in self.constants}

    def enter_function(self, parameters: set[str]) -> tuple[dict[str, str], dict[str, str]]:
        """A function's parameters hide the module constants and handles of their names (`def
        predict(model_path)` reads what the caller passes); returns what they hid."""
        self.function_depth += 1
        handles = {name: self.handles.pop(name) for name in parameters if name in self.handles}
        return self.hide_constants(parameters), handles

    def leave_function(self, parameters: set[str], hidden: tuple[dict[str, str], dict[str, str]]) -> None:
        """What the function bound to its parameters' names ends with it; the outer values return."""
        self.function_depth -= 1
        for name in parameters:
            self.constants.pop(name, None)
            self.handles.pop(name, None)
        self.constants.update(hidden[0])
        self.handles.update(hidden[1])

    def remember_assignment(self, target: ast.AST, value: ast.AST) -> None:
        if not isinstance(target, ast.Name):
            return
        self.mlflow.remember_assignment(target, value)
        text = _text(value, self.constants)
        # A name some function declares `global` may be rebound by any call: never a constant.
        taken = self.never_constant is not None and target.id not in self.never_constant
        if text is not None and taken and target.id not in self.declared_names:
            self.constants[target.id] = text
        else:
            self.constants.pop(target.id, None)
        handle = self._opened(value)
        if handle is None and isinstance(value, ast.Name):
            handle = self.handles.get(value.id)  # `h = f`: another name for the same open file
        if handle is not None:
            self.handles[target.id] = handle
        else:
            self.handles.pop(target.id, None)

    def _opened(self, value: ast.AST, qualname: QualName | None = None) -> str | None:
        """The key of the local file `open(path)` opens: the builtin, `io.open` and the
        compression modules' `open` (which the artifact hook unwraps the same way), or
        `Path(path).open()`. Any other object's `open` reads something else (an archive's member,
        an SFTP host's or a bucket's file); lzma with a `format` reads what no header announces."""
        if not isinstance(value, ast.Call):
            return None
        func = value.func
        if _keeps_old_bytes(value):
            return None  # `open(p, "ab")`: what was there stays first, and a load reads it
        if isinstance(func, ast.Name):
            if func.id != "open" or not value.args or self.open_rebound:
                return None  # `open = fs.open`: the name no longer reads local files
            return self.key(value.args[0])
        if not isinstance(func, ast.Attribute) or func.attr != "open":
            return None
        owner = func.value
        if isinstance(owner, ast.Name) and owner.id in _OPENING_MODULES and value.args:
            if owner.id == "lzma" and any(k.arg in ("format", None) for k in value.keywords):
                return None  # a raw stream, or options this pass cannot read
            return self.key(value.args[0])
        if (
            isinstance(owner, ast.Call)
            and isinstance(owner.func, ast.Name)
            and owner.func.id in ("Path", "PurePath", "PosixPath", "WindowsPath")
            and len(owner.args) == 1
        ):
            return self.key(owner.args[0])
        return None

    # --- writes --------------------------------------------------------------------------------
    def record_call(self, call: ast.Call, qualname: str) -> None:
        """Note the file a serialiser call writes (and, for a notebook, the first line it does)."""
        uploaded, target = self._client_upload(call)
        if uploaded:
            # A client's upload saved or handed to a writer: the client's bytes, a download.
            key = self.key(target) if target is not None else None
            if key is not None:
                self.download_lines.setdefault(key, []).append(call.lineno)
            return
        folder = _folder_changed_to(call, qualname, self.constant_text)
        if folder is not None:
            # A script's prescan sees every function's calls at depth 0: its folder changes are
            # taken from the visit, which knows which calls are the module's own.
            if self.function_depth == 0 and not self.prescanning:
                self._add_folder_change(call.lineno, folder or None)
            return
        self.mlflow.record_call(call, qualname, top_level=self.function_depth == 0 and not self.prescanning)
        job_output = self.own_jobs.downloaded_to(call)
        job_key = self.key(job_output) if job_output is not None else None
        if job_key is not None:
            self.job_outputs.add(job_key)
        # A constant path saved under a test of its presence stays a write: if the save did not run,
        # the file there is the repository's own (mlsec-artifacts judges it when it is committed).
        for key in self._written_by(call, qualname) + ([job_key] if job_key is not None else []):
            self.write_lines.setdefault(key, []).append(call.lineno)
            if self.function_depth:
                self.lines_in_functions.add(call.lineno)
            self.first_write[key] = min(call.lineno, self.first_write.get(key, call.lineno))
            self._own_memo.clear()
        linked = self._python_link(call, qualname)
        if linked is not None:
            self._add_copy((call.lineno, linked[0], frozenset({linked[1]}), True))
            return
        downloaded = self._downloaded_by(call, qualname)
        if downloaded is not None:
            self.download_lines.setdefault(downloaded, []).append(call.lineno)
        for folder in self._filled_folders(call, qualname):
            self._add_folder(folder, call.lineno)
        written = self._response_written_to(call)
        if written is not None:
            self.download_lines.setdefault(written, []).append(call.lineno)
        for key in self._raw_writes(call) + self._paths_beside_a_source(call):
            self.download_lines.setdefault(key, []).append(call.lineno)
            if key.startswith("c:"):
                self._add_folder(key[2:], call.lineno)  # a folder given: any file in it
            self._own_memo.clear()

    def _raw_writes(self, call: ast.Call) -> list[str]:
        """Keys of the files bytes are written into by hand, not by a serialiser: `open(p,
        "wb").write(data)`, `f.write(data)` on a handle of p, `Path(p).write_bytes(data)`,
        `shutil.copyfileobj(src, f)`, `stream.readinto(f)`, `s3.download_fileobj(b, k, f)`:
        whatever the bytes are, they are not a serialiser's."""
        func = call.func
        target: ast.AST | None = None
        if isinstance(func, ast.Attribute) and func.attr in ("write", "writelines"):
            target = func.value
        elif isinstance(func, ast.Attribute) and func.attr in ("write_bytes", "write_text"):
            owner = func.value
            key = self.key(_path_named_by(owner) or owner)  # Path(p).write_bytes(...), or p.write_bytes
            return [key] if key is not None else []
        elif name_of(call) == "copyfileobj" and len(call.args) > 1:
            target = call.args[1]
        elif isinstance(func, ast.Attribute) and func.attr in _STREAM_INTO:
            # `blob_client.download_blob().readinto(f)`, `.download_to_stream(f)`,
            # `s3.download_fileobj(bucket, key, f)`: a stream's bytes into f.
            position, keyword = _STREAM_INTO[func.attr]
            target = _keyword_value(call, keyword) or (call.args[position] if len(call.args) > position else None)
        if target is None:
            return []
        if isinstance(target, ast.Name):
            bound = self._handle_at(target.id, call)
            key = bound[1] if bound is not None else self.handles.get(target.id)
            return [key] if key is not None else []
        opened = self._opened(target)
        return [opened] if opened is not None else []

    def _paths_beside_a_source(self, call: ast.Call) -> list[str]:
        """A call given a remote address and a local path fetches to that path (`fs.get(
        "s3://b/w.bin", "out/w.bin")`, `fetch(url="https://...", dest="out")`, the address in a
        constant `U`): the constant paths among its other arguments, each a file or a folder;
        more than 16 of them: any file."""
        if _fetching_call(call):
            return []  # its own targets are recorded as a fetch's
        arguments = [*call.args, *(k.value for k in call.keywords if k.arg not in _SOURCE_KEYWORDS)]
        texts = [self.constant_text(argument) for argument in arguments]
        if not (any(text is not None and "://" in text for text in texts) or _names_a_source(call)):
            return []
        keys = ["c:" + _normal(text) for text in texts if text is not None and "://" not in text and text.strip()]
        return ["c:."] if len(keys) > 16 else keys

    def _client_upload(self, call: ast.Call) -> tuple[bool, ast.expr | None]:
        """Whether `call` writes a client's upload, and where: `request.files["model"].save(path)`,
        `default_storage.save(path, request.FILES["model"])`, `shutil.copyfileobj(upload, f)`."""
        func = call.func
        given = [*call.args, *(k.value for k in call.keywords)]
        if isinstance(func, ast.Attribute) and _uploaded(func.value, self.upload_names):
            saves = func.attr.startswith("save")
            return True, (call.args[0] if call.args else _keyword_value(call, "dst")) if saves else None
        handed = [a for a in given if _uploaded(a, self.upload_names)]
        if handed:
            return True, next((a for a in given if a not in handed), None)
        return False, None

    def _response_written_to(self, call: ast.Call) -> str | None:
        """The file an HTTP response's bytes are written to: `open(p, "wb").write(r.content)`,
        `f.write(requests.get(url).content)` or `shutil.copyfileobj(r.raw, f)` on a handle of p."""
        func = call.func
        if not isinstance(func, ast.Attribute):
            return None
        if func.attr == "write" and call.args and _response_bytes(call.args[0]):
            handle = func.value
        elif func.attr == "copyfileobj" and len(call.args) > 1 and _response_bytes(call.args[0]):
            handle = call.args[1]
        else:
            return None
        if isinstance(handle, ast.Name):
            return self.handles.get(handle.id)
        return self._opened(handle)

    def _places_other_bytes(self, call: ast.Call, qualname: str) -> bool:
        """`shutil.copy(src, dst)`, `os.replace(src, dst)` and the like put the source's bytes at
        the destination: someone else's, unless the source is a file the code serialised itself
        and nothing fetched over it."""
        if qualname.split(".", 1)[0] not in ("shutil", "os"):
            return False  # `df.copy()`, `text.replace(a, b)`
        source = _placement_source(call, qualname)
        source_key = self.key(source) if source is not None else None
        return source_key is None or not self._own_source(source_key, call.lineno, 0)

    def _filled_folders(self, call: ast.Call, qualname: str) -> list[str]:
        """The folders a fetch or copy fills (`snapshot_download(repo, local_dir="ckpt")`,
        `shutil.copy(src, "models/")`, `download_artifacts(..., dst_path=".")`): any file in them
        may be replaced. Only the arguments that say where files go, never a bucket or a name."""
        name = qualname.rsplit(".", 1)[-1]
        if name in ("download", "download_files", "download_file"):
            return self._azure_folders(call, name)
        where = _FOLDER_ARGUMENTS.get(name)
        if where is None or (name in _PLACING_CALLS and not self._places_other_bytes(call, qualname)):
            return []
        position, keywords = where
        given = call.args[position] if position is not None and len(call.args) > position else None
        given = next((k.value for k in call.keywords if k.arg in keywords), given)
        key = self.key(given) if given is not None else None
        return [key[2:]] if key is not None and key.startswith("c:") else []

    def _azure_folders(self, call: ast.Call, name: str) -> list[str]:
        """The folders Azure ML's downloads fill (each a file or a folder any file of which it may
        write): a run's `download_files(prefix, output_directory, output_paths, batch_size,
        append_prefix)` fills `output_directory/prefix` (the SDK ends the prefix with "/"), or
        `output_directory` when the prefix may be dropped; a datastore's `download(target_path,
        prefix)` fills the folder of the prefix below the target (a prefix starts names: "model"
        matches model.pkl); a registered model's `download(target_dir=".")` its target;
        `ml_client.models.download(name, download_path=".")` fills `path/name`, and
        `ml_client.jobs.download(...)` its download path; another run's `download_file(name,
        folder)` puts the file in the folder, and without a path the name's last part here (not
        boto3's `Object(b, k).download_file(f)`, which writes f whole). A download named by no
        folder argument (`nltk.download("punkt")`, an URL) fills none; Azure's with `*args` or
        `**options` the current folder."""
        unknown = any(k.arg is None for k in call.keywords) or any(isinstance(a, ast.Starred) for a in call.args)
        owner = _last_attribute(call.func)
        if name == "download_file":
            return [] if self.own_jobs.downloaded_to(call) is not None else self._run_file_folders(call, owner)
        if name == "download_files":
            if unknown or _keyword_value(call, "output_paths") is not None or len(call.args) > 2:
                return ["."]
            folder = _keyword_value(call, "output_directory") or (call.args[1] if len(call.args) > 1 else None)
            prefix = _keyword_value(call, "prefix") or (call.args[0] if call.args else None)
            keep_prefix = _keyword_value(call, "append_prefix")
            kept = keep_prefix is None or (isinstance(keep_prefix, ast.Constant) and keep_prefix.value is True)
            return [self._joined_folder(folder, prefix if kept else None)]
        azure = owner in ("models", "jobs") or any(
            _keyword_value(call, keyword) is not None for keyword in ("prefix", "exist_ok", "overwrite")
        )
        if unknown:
            return ["."] if azure else []
        folder = next((v for k in _DOWNLOAD_FOLDER_KEYWORDS if (v := _keyword_value(call, k)) is not None), None)
        if folder is None and call.args and azure and owner not in ("models", "jobs"):
            first = self.constant_text(call.args[0])
            # `datastore.download(".", prefix=...)`, `model.download("out", exist_ok=True)`: a path
            # first only beside Azure's own keywords; `nltk.download("punkt")` names a package.
            if first is None or "://" not in first:
                folder = call.args[0]
        if folder is None and not azure:
            return []
        if owner == "models":
            return [self._joined_folder(folder, _keyword_value(call, "name") or (call.args[0] if call.args else None))]
        names = self.constant_text(_keyword_value(call, "prefix") or ast.Constant(""))
        below = names.rsplit("/", 1)[0] if names and "/" in names and owner != "jobs" else None
        return [self._joined_folder(folder, ast.Constant(below) if below else None)]

    def _run_file_folders(self, call: ast.Call, owner: str) -> list[str]:
        """Where another run's `download_file(name, output_file_path=None)` puts the file besides
        the path it is given (_download_target): into that path when it is a folder (".", "x/",
        or a name without a suffix, which the SDK joins the file name to when it is a folder),
        and the name's last part in the current folder when no path is given (not for boto3's
        `Object(...)`, whose one argument is the whole local path)."""
        target = _keyword_value(call, "output_file_path") or (call.args[1] if len(call.args) > 1 else None)
        if target is not None:
            if isinstance(target, ast.Constant) and isinstance(target.value, bool):
                return []  # `(name, path, validate)` read by _download_target
            text = self.constant_text(target)
            if text is None:
                return []
            last = text.rstrip("/").rsplit("/", 1)[-1]
            return [_normal(text)] if text.endswith("/") or last in ("", ".", "..") or "." not in last else []
        remote = self.constant_text(_keyword_value(call, "name") or (call.args[0] if call.args else ast.Constant("")))
        receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
        boto3_object = (
            isinstance(receiver, ast.Call) and last_name(receiver.func) == "Object"
        ) or "obj" in owner.lower()
        return [remote.rsplit("/", 1)[-1]] if remote and not boto3_object else []

    def _joined_folder(self, folder: ast.expr | None, below: ast.expr | None) -> str:
        """`folder/below` as a normalised text; the current folder where the folder is not known,
        and the folder itself where what lies below it is not."""
        base = "." if folder is None else self.constant_text(folder)
        if base is None or not base.strip():
            return "."
        part = self.constant_text(below) if below is not None else None
        return _normal(posixpath.join(base, part.strip("/"))) if part and part.strip("/") else _normal(base)

    def _downloaded_by(self, call: ast.Call, qualname: str) -> str | None:
        """The key of the file a download, copy, move or link call puts other bytes at."""
        return self.key(self._download_target(call, qualname))

    def _download_target(self, call: ast.Call, qualname: str) -> ast.expr | None:
        """The path a download or copy call writes: `urlretrieve(url, path)`,
        `wget.download(url, out=path)`, `gdown.download(url, output=path)`, a cloud client's
        `download_to_filename(path)` / `fget_object(bucket, key, path)`, `shutil.copy(src, path)`,
        `os.replace(src, path)` (not when the source is a file the code serialised itself)."""
        name = qualname.rsplit(".", 1)[-1]
        if name == "urlretrieve":
            target = call.args[1] if len(call.args) > 1 else _keyword_value(call, "filename")
        elif name == "download_file" and _keyword_value(call, "Filename") is not None:
            target = _keyword_value(call, "Filename")  # boto3: `s3.download_file(Bucket, Key, Filename)`
        elif name == "download_file" and len(call.args) == 3 and not _is_bool(call.args[2]):
            target = call.args[2]
        elif name == "download_file" and self.own_jobs.downloaded_to(call) is None:
            # Azure ML's `run.download_file(name, output_file_path=None, _validate_checksum=False)`
            # of a run the code did not submit, other clients' `download_file(remote, local)`, and
            # boto3's `Object(b, k).download_file(Filename)`: its one argument, whole (a run's
            # puts the name's last part here: _run_file_folders).
            target = _keyword_value(call, "output_file_path") or (call.args[1] if len(call.args) > 1 else None)
            if target is None and len(call.args) == 1:
                target = call.args[0]
        elif name == "download" and qualname.split(".", 1)[0] in ("wget", "gdown"):
            target = (
                call.args[1] if len(call.args) > 1 else _keyword_value(call, "out") or _keyword_value(call, "output")
            )
        elif name in _FILE_ARGUMENTS:
            # `blob.download_to_filename("m.pth")`, `minio.fget_object(bucket, key, "m.pth")`.
            position, keyword = _FILE_ARGUMENTS[name]
            target = call.args[position] if len(call.args) > position else _keyword_value(call, keyword)
        elif name in _PLACING_CALLS and self._places_other_bytes(call, qualname):
            target = call.args[1] if len(call.args) > 1 else _keyword_value(call, "dst")
        else:
            return self._path_placed(call)
        return target

    def _path_placed(self, call: ast.Call) -> ast.expr | None:
        """The path a pathlib move or link puts other bytes at: `Path(src).replace(dst)`,
        `src.rename(dst)` (src a path), `Path(dst).symlink_to(src)`; not when the source is a file
        the code serialised itself. One positional argument and no keywords, as pathlib takes them
        (`text.replace(a, b)`, `df.rename(columns=...)` take more); a receiver that is no path
        (`df.replace({...})`) has no key and places nothing."""
        func = call.func
        if not isinstance(func, ast.Attribute) or len(call.args) != 1 or call.keywords:
            return None
        receiver = _path_named_by(func.value)
        if receiver is None:
            receiver = func.value
            if self.key(receiver) is None:
                return None  # `df.replace("a")`, `name.rename(x)`: no path this pass can name
        if func.attr in _PATH_MOVES:
            source, target = receiver, call.args[0]
        elif func.attr in _PATH_LINKS:
            source, target = call.args[0], receiver
        else:
            return None
        source_key = self.key(source)
        return None if source_key is not None and self._own_source(source_key, call.lineno, 0) else target

    def record_shell_downloads(self, commands: Sequence[tuple[int, str]], *, unpacks: bool = True) -> None:
        """The files shell lines download to (`!wget -O models/x.pt URL`), and the files and folders
        their copies, cloud copies and unpacks fill (`!cp -r /drive/ckpts .`), with their lines.
        `unpacks=False` for the commands a script starts: its functions run in any order, and an
        archive it unpacks is judged where it is read, as `ZipFile.extractall()` is."""
        from hooks._shared.shell import download_targets, placements

        for line, command in commands:
            if self.notebook and len(self.shell_commands) < _MAX_FOLDERS:
                self.shell_commands.append((line, command))
            if command_starts_code(command, self.local_module):
                self.code_started_lines.append(line)
                self._own_memo.clear()
            if self.notebook and self.shell_literals:
                command = _interpolated(command, self.shell_literals)
            for target in download_targets(command):
                lines = self.download_lines.setdefault("c:" + _normal(target), [])
                if line not in lines:
                    lines.append(line)
                    self._own_memo.clear()
            for placed in placements(command):
                if placed.kind == "unpack" and not unpacks:
                    continue
                # `cp x m.pt` replaces m.pt; `cp -r ckpts .`, `cp /drive/*.pt models/` fill a folder.
                sources = tuple("c:" + _normal(source) for source in placed.sources)
                paths = frozenset(_normal(path) for path in placed.paths)
                self._add_copy((line, sources, paths, placed.kind == "link"))

    def _add_copy(self, copy: Copy) -> None:
        if copy not in self._copies_seen:
            self._copies_seen.add(copy)
            self.shell_copies.append(copy)
            self._own_memo.clear()

    def _python_link(self, call: ast.Call, qualname: str) -> tuple[tuple[str, ...], str] | None:
        """(source keys, link path) of `os.symlink(src, dst)`, `os.link(src, dst)`,
        `Path(dst).symlink_to(src)`, `Path(dst).hardlink_to(src)`; a symbolic link's relative
        source is read from the link's folder. None for anything else or a path this pass cannot name."""
        func = call.func
        name = qualname.rsplit(".", 1)[-1]
        if name in ("symlink", "link") and qualname.split(".", 1)[0] == "os" and len(call.args) >= 2:
            source, target, symbolic = call.args[0], call.args[1], name == "symlink"
        elif isinstance(func, ast.Attribute) and func.attr in _PATH_LINKS and len(call.args) == 1:
            receiver = _path_named_by(func.value) or func.value
            source, target, symbolic = call.args[0], receiver, func.attr == "symlink_to"
        else:
            return None
        target_key = self.key(target)
        if target_key is None or not target_key.startswith("c:"):
            return None
        source_key = self.key(source)
        if source_key is None or not source_key.startswith("c:"):
            return (), target_key[2:]  # from a path this pass cannot name: other bytes
        read = source_key[2:]
        if symbolic and not read.startswith("/") and "/" in target_key[2:]:
            read = _normal(target_key[2:].rsplit("/", 1)[0] + "/" + read)
        return ("c:" + read,), target_key[2:]

    def _add_folder(self, folder: str, line: int) -> None:
        if (folder, line) not in self._folders_seen:
            self._folders_seen.add((folder, line))
            self.download_folders.append((folder, line))

    def _own_bytes(self, sources: tuple[str, ...], line: int, depth: int) -> bool:
        """Whether a shell copy at `line` places only files the code serialised itself: `!cp
        best.pt model.pt` after `torch.save(m, "best.pt")`. A copy from anywhere else, an unpack
        or a pattern places other bytes."""
        return bool(sources) and all(self._own_source(source, line, depth) for source in sources)

    def _own_source(self, key: str, line: int, depth: int) -> bool:
        """Whether the file a copy at `line` reads holds the code's bytes: serialised by the code
        (before that line, in a notebook), never a download's target, and not replaced since by
        a copy, link, unpack or fetch into its folder (followed through a few copies of copies)."""
        memo = (key, line, depth)
        if memo not in self._own_memo:
            first = self.first_write.get(key)
            own = first is not None and not (self.notebook and first >= line) and key not in self.download_lines
            self._own_memo[memo] = (
                own and depth < _MAX_COPY_DEPTH and not self._replaced_by_download(key, line, depth + 1)
            )
        return self._own_memo[memo]

    def _replaced_by_download(self, key: str, line: int, depth: int = 0) -> bool:
        """A download (or a copy, or a fetch into a folder holding it) writes the path after the
        code's last own write before `line` (for a script, whose functions run in any order: any
        download of it at all)."""
        downloads = list(self.download_lines.get(key, []))
        if key.startswith("c:") and len(self.download_folders) + len(self.shell_copies) > _MAX_FOLDERS:
            # too many to follow: any may be it
            downloads += [d for _, d in self.download_folders] + [c[0] for c in self.shell_copies]
        elif key.startswith("c:"):
            downloads += [d for folder, d in self.download_folders if _within(key[2:], folder)]
            # A link reads its source at the load, so the source must still be the code's then.
            downloads += [
                copied_at
                for copied_at, sources, paths, link in self.shell_copies
                if any(_within(key[2:], path) for path in paths)
                and not self._own_bytes(sources, max(line, copied_at + 1) if link else copied_at, depth)
            ]
        if not downloads:
            return False
        if not self.notebook:
            return True
        writes = [w for w in self.write_lines.get(key, []) if w < line]
        last_write = max(writes, default=-1)
        return any(last_write < d < line for d in downloads)

    def _written_by(self, call: ast.Call, qualname: str) -> list[str]:
        """The keys of the files `call` writes (one per path it is given)."""
        written: list[str] = []
        func = call.func
        attribute = func.attr if isinstance(func, ast.Attribute) else qualname.rsplit(".", 1)[-1]
        if isinstance(func, ast.Name) and func.id in self.writing_functions:
            for position, parameter in self.writing_functions[func.id]:
                given = call.args[position] if 0 <= position < len(call.args) else None
                given = given or next((k.value for k in call.keywords if k.arg == parameter), None)
                key = self.key(given) if given is not None else None
                if key is not None:
                    written.append(key)
        if isinstance(func, ast.Name) and func.id in self.built_writes and id(call) in self.module_level_calls:
            written += self._built_paths(call, *self.built_writes[func.id])
        folder_and_name = _folder_and_file_keywords(call, attribute)
        if folder_and_name is not None:
            folder, file_name = (_text(part, self.constants) for part in folder_and_name)
            if folder is not None and file_name is not None and file_name.strip():
                written.append("c:" + _normal(posixpath.join(folder, file_name)))
        suffix = _numpy_suffix(qualname)
        for candidate in path_arguments(call, attribute):
            if suffix is not None:
                # `np.save("feats", a)` writes feats.npy: the name with its suffix, and only a text known
                key = self.key(candidate)
                if key is not None and key.startswith("c:"):
                    written.append(key if key.endswith(suffix) else key + suffix)
                continue
            if isinstance(candidate, ast.Name) and (bound := self._handle_at(candidate.id, call)) is not None:
                if bound[1] is not None:
                    written.append(bound[1])
                continue
            if isinstance(candidate, ast.Name) and candidate.id in self.handles:
                written.append(self.handles[candidate.id])
                continue
            opened = self._opened(candidate)
            key = opened if opened is not None else self.key(candidate)
            if key is not None:
                written.append(key)
        return written

    def _built_paths(self, call: ast.Call, function: ast.FunctionDef, paths: tuple[ast.expr, ...]) -> list[str]:
        """The keys of the files a call of the code's own helper writes to paths built of its
        parameters (`build()` of `def build(root="./"): torch.save(x, root + "m.pt")` writes
        `m.pt`): each parameter holds what the call passes, else its default. Only texts known
        here count: a constant argument, or a default that is a constant text (it is computed where
        the function is defined, so a name there may have held something else); a parameter whose
        value is not known writes nothing known."""
        bound = bound_parameters(function, call)
        if bound is None:
            return []
        defaults = {id(d) for d in (*function.args.defaults, *function.args.kw_defaults) if d is not None}
        values = {}
        for name, value in bound.items():
            text = _text(value, {} if id(value) in defaults else self.constants)
            if text is not None:
                values[name] = text
        written = []
        for path in paths:
            text = _text(path, values)  # its names are the parameters only (serialisers.built_writes)
            if text is not None and text.strip():
                written.append("c:" + _normal(text))
        return written

    def _handle_at(self, name: str, call: ast.Call) -> tuple[int, str | None] | None:
        """The binding of `name` in the call's own function that is the latest before the call."""
        scope = self.scope_of.get(id(call))
        line = getattr(call, "lineno", 0)
        return _latest(self.handle_keys.get((scope or 0, name), []), line)

    def record_scoped_handle(self, target: ast.AST, value: ast.AST, line: int, scope: int) -> None:
        """For a script: `with open(path) as f` / `f = open(path)` inside a function (any other
        value bound to the name ends its time as a handle)."""
        if not isinstance(target, ast.Name):
            return
        key = self._opened(value)
        opens = isinstance(value, ast.Call) and _is_open(value) and not _keeps_old_bytes(value)
        text = (_scoped_text(value.args[0]) or "") if isinstance(value, ast.Call) and opens else ""
        if isinstance(value, ast.Name):
            # `h = f`: another name for the handle `f` holds at this line, writes through it included
            latest_key = _latest(self.handle_keys.get((scope, value.id), []), line)
            latest_text = _latest(self.scoped_handles.get((scope, value.id), []), line)
            key = latest_key[1] if latest_key else None
            text = (latest_text[1] or "") if latest_text else ""
        # Kept in line order (the prescan meets them in any order), so the latest is found by bisection.
        bisect.insort(self.handle_keys.setdefault((scope, target.id), []), (line, key), key=_line_of)
        bisect.insort(self.scoped_handles.setdefault((scope, target.id), []), (line, text), key=_line_of)

    def _opened_at(self, node: ast.AST, scope: int, line: int) -> int:
        """The line a handle variable was opened on (`f = open(P, "wb")` ... `pickle.dump(x, f)`):
        the path is taken there, whatever the name holds later; `line` for anything else."""
        if isinstance(node, ast.Name) and (scope, node.id) in self.scoped_handles:
            latest = _latest(self.scoped_handles[(scope, node.id)], line)
            if latest and latest[1]:
                return latest[0]
        return line

    def _scoped_path(self, node: ast.AST, scope: int, line: int) -> str | None:
        """The path text a serialiser or loader argument stands for: an `open(path)` call, a
        handle variable bound to one earlier in the function, or the path expression itself."""
        if isinstance(node, ast.Call) and _is_open(node):
            return _scoped_text(node.args[0])
        if isinstance(node, ast.Name) and (scope, node.id) in self.scoped_handles:
            latest = _latest(self.scoped_handles[(scope, node.id)], line)
            if latest and latest[1]:
                return latest[1]  # a handle: the file it was opened on
        return _scoped_text(node)

    def record_scoped_placement(self, call: ast.Call, scope: int, qualname: str) -> None:
        """For a script, once its scoped writes are known: the variable paths a download, copy,
        move or link puts other bytes at inside one function (`Path(args.init).replace(path)`,
        `urlretrieve(url, path)`)."""
        line = getattr(call, "lineno", 0)
        placed = self._download_target(call, qualname)
        func = call.func
        if placed is None and isinstance(func, ast.Attribute) and func.attr in _PATH_LINKS and len(call.args) == 1:
            receiver_text = self._scoped_path(func.value, scope, line)
            if receiver_text is not None and (scope, receiver_text) in self.scoped_writes:
                placed = func.value  # `path.symlink_to(args.init)` on a path the function serialised to
        placed_text = self._scoped_path(placed, scope, line) if placed is not None else None
        source = _placement_source(call, qualname) if placed_text is not None else None
        source_text = self._scoped_path(source, scope, line) if source is not None else None
        own_source = source_text is not None and self.scoped_writes.get((scope, source_text), line) < line
        if placed_text is not None and not own_source:
            # `shutil.copyfile(last, best)`, `os.replace(tmp, path)` after `torch.save(sd, tmp)`
            # place the function's own bytes; anything else is someone else's.
            self.scoped_replaced.setdefault((scope, placed_text), []).append(line)
        if not own_source and _fills_a_folder(call, qualname):
            # also a copy, move or link: `shutil.copytree(src, d)` fills the folder `d` names
            self.scoped_fills.setdefault(scope, []).append(line)
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "open"
            and not opened_to_read(
                ast.Call(func=ast.Name("open"), args=[func.value, *call.args], keywords=call.keywords)
            )
        ):
            # `Path(p).open("wb").write(response.content)`
            reopened = self._scoped_path(_path_named_by(func.value) or func.value, scope, line)
            if reopened is not None and (scope, line) not in self.serialised_opens:
                self.scoped_replaced.setdefault((scope, reopened), []).append(line)
        rewrites = isinstance(func, ast.Attribute) and func.attr in ("write_bytes", "write_text")
        if rewrites and isinstance(func, ast.Attribute) and call.args and (scope, line) not in self.serialised_opens:
            # `Path(p).write_bytes(response.content)`: bytes no serialiser of the function made
            written = self._scoped_path(_path_named_by(func.value) or func.value, scope, line)
            if written is not None:
                self.scoped_replaced.setdefault((scope, written), []).append(line)
        if _is_open(call) and not opened_to_read(call) and (scope, line) not in self.serialised_opens:
            # `open(p, "wb").write(response.content)`: bytes no serialiser of the function made
            opened = _scoped_text(call.args[0]) if call.args else None
            if opened is not None:
                self.scoped_replaced.setdefault((scope, opened), []).append(line)

    def record_scoped_command(self, scope: int, line: int, text: str) -> None:
        """For a script: a command a function starts that downloads, copies or links over one of
        its variable paths (`subprocess.run(["cp", args.init, path])`, `os.system(f"wget -O {path}
        {url}")`): the path stands in the command as the placeholder `{path}`."""
        from hooks._shared.shell import download_targets, placements

        def scoped(word: str) -> str | None:
            held = _PLACEHOLDER.fullmatch(word)
            return held.group(1) if held else None

        replaced = [scoped(target) for target in download_targets(text)]
        found = placements(text)
        # `git clone {url} {d}`, `scp host:x {d}`: fetching commands the placements do not parse
        fills = bool(replaced) or (not found and FETCHING_COMMAND.search(text) is not None)
        for placed in found:
            sources = [scoped(source) for source in placed.sources]
            own = bool(sources) and all(
                s is not None and self.scoped_writes.get((scope, s), line) < line for s in sources
            )
            if not own:
                replaced.extend(scoped(path) for path in placed.paths)
                fills = True
        if fills:
            # A command that fetches or places other bytes may fill the folder of any path the
            # function wrote (`tar -xf a -C {d}`), not only the paths it names whole.
            self.scoped_fills.setdefault(scope, []).append(line)
        for held in replaced:
            if held is not None:
                self.scoped_replaced.setdefault((scope, held), []).append(line)

    def record_scoped_write(self, call: ast.Call, scope: int, qualname: str = "") -> None:
        """For a script: the variable paths (`checkpoint_path`, `os.path.join(out, "m.pt")`) a
        serialiser call writes inside one function; not numpy's, which may add a suffix to them."""
        if _numpy_suffix(qualname) is not None:
            return
        if _within_spans(getattr(call, "lineno", 0), self.absence_guarded):
            return  # `if not os.path.isfile(p): torch.save(x, p)`: p may be someone else's file
        for candidate in path_arguments(call):
            line = getattr(call, "lineno", 0)
            text = self._scoped_path(candidate, scope, line)
            if text is not None:
                line = self._opened_at(candidate, scope, line)  # through a handle: where it was opened
                self.serialised_opens.add((scope, line))
                key = (scope, text)
                self.scoped_writes[key] = min(line, self.scoped_writes.get(key, line))
                if id(call) in self.statement_calls and _scoped_text(candidate) == text:
                    self.standing_writes.setdefault(key, []).append(line)
                owner = self.class_of.get(id(call), 0)
                if owner and _instance_path(text):
                    self.scoped_writes[(-owner, text)] = 0

    def _scoped_own_file(self, call: ast.Call, target: ast.AST) -> bool:
        scope = self.scope_of.get(id(call))
        if scope is None:
            return False
        line = getattr(call, "lineno", 0)
        text = self._scoped_path(target, scope, line)
        if text is None:
            return False
        # Through a handle (`g = open(P, "rb")` ... `pickle.load(g)`): the path was taken where it was opened.
        line = self._opened_at(target, scope, line)
        owner = self.class_of.get(id(call), 0)
        if owner and _instance_path(text) and (-owner, text) in self.scoped_writes:
            return True  # the class saves to the same attribute path (a training snapshot it resumes from)
        written = self.scoped_writes.get((scope, text))
        if written is None or written >= line or self._exclusive(written, line):
            return False  # not written before, or only when the load does not run (`if train: save else: load`)
        # A name set again between save/load pairs (`FILE = "ckpt.pth"`): the last standing write
        # before the load that always runs when the load does names what the load reads. Any
        # other write may not have run: then the first write, and everything since, decides.
        standing = [w for w in self.standing_writes.get((scope, text), []) if written < w < line]
        last = max(standing, default=None)
        if last is not None and self._always_before(last, line):
            written = last
        # Bindings on the write's and the load's own lines count too (`save(m, P); P = argv[1]`,
        # `P = argv[1]; load(P)`), and so do placements on the write's line.
        end = self.statement_ends.get(line, line)  # `[torch.load(P)\n for P in argv]`: the whole statement
        if self._rebound_between(text, scope, written - 1, end + 1):
            return False  # `P = sys.argv[1]` between `torch.save(m, P)` and `torch.load(P)`
        if self._rebound_in_loop_around(text, scope, written, line):
            return False  # `for p in argv: load(P); P = p`: the next pass reads another path
        if any(written <= filled < line for filled in self.scoped_fills.get(scope, ())):
            return False  # `shutil.unpack_archive(a, d)` between: the folder may hold other bytes now
        # Other bytes put there between the function's write and this load make it someone else's.
        return not any(written <= placed < line for placed in self.scoped_replaced.get((scope, text), []))

    def _always_before(self, written: int, line: int) -> bool:
        """Whether the statement on line `written` runs whenever the one on `line` does: every
        branch, loop, `try` or `with` holding it holds the load too (block_paths, one statement
        per line; a `with` may swallow an exception or change folder, so it is a block too)."""
        write_path, load_path = self.block_paths.get(written), self.block_paths.get(line)
        return write_path is not None and load_path is not None and load_path[: len(write_path)] == write_path

    def _exclusive(self, written: int, line: int) -> bool:
        """Whether the write and the load stand in different parts of one `if`, `try` or `match`
        (the first place their block paths part): the load runs only where the write did not."""
        write_path, load_path = self.block_paths.get(written), self.block_paths.get(line)
        if write_path is None or load_path is None:
            return False
        for write_entry, load_entry in zip(write_path, load_path, strict=False):
            if write_entry != load_entry:
                return write_entry[0] == load_entry[0]
        return False

    def _rebound_in_loop_around(self, text: str, scope: int, written: int, line: int) -> bool:
        """Whether a loop holds the load but not the write and binds a name of the path text (or
        may bind any name) anywhere in it, after the load too."""
        write_path, load_path = self.block_paths.get(written, ()), self.block_paths.get(line)
        if load_path is None:
            return True  # not known where the load stands
        chains = _path_chains(text)
        if chains is None:
            return True
        bound = self._binding_lines(chains, scope)
        always = self._always_before(written, line)
        for entry in load_path:
            span = self.loop_spans.get(entry[0])
            if span is None or (entry in write_path and always):
                continue  # a loop that writes on every pass before it loads reads its own write
            if any(span[0] <= at <= span[1] for at in bound):
                return True
        return False

    def _binding_lines(self, chains: set[str], scope: int) -> list[int]:
        """Where, in the function, a name of a path's text (its chains, `_path_chains`) is bound,
        anything may bind any name (`exec`, `os.chdir`), or one of its attributes or items is
        stored into (`args.out = x`, not `args.lr = x`)."""
        return [
            at
            for chain in [*chains, "*"]
            for at in (*self.binding_lines.get((scope, chain), ()), *self.store_lines.get((scope, chain), ()))
        ]

    def _rebound_between(self, text: str, scope: int, written: int, line: int) -> bool:
        """Whether a name of the path text (`args.out`, `os.path.join(out, "m.pt")`; a handle is
        followed to the path it was opened on) may hold another value at the load than at the
        write: bound in the same function (or the module) between them, a call there that may
        bind any name, or, for a module name a function reads, bound more than once or declared
        global."""
        chains = _path_chains(text)
        if chains is None:
            return True
        bound = self._binding_lines(chains, scope)
        names = {chain for chain in chains if chain.isidentifier()}
        if self.never_constant is None or not names.isdisjoint(self.never_constant):
            return True  # rebound through the module object (`sys.modules[__name__].P = x`) or restored
        if any(self.declared_global.get(name, set()) - {scope} for name in names):
            return True  # another function declaring it `global` may run between (`choose()`)
        if any(written < at < line for at in bound):
            return True
        return scope != 0 and any(
            (scope, name) not in self.binding_lines and name in self.rebound_module_names for name in names
        )

    # --- loads ---------------------------------------------------------------------------------
    def fixed_path(self, call: ast.Call) -> str | None:
        """The constant local path a load reads (directly, through `open()` or a handle), or None
        for anything else: variables, parameters, environment values, URLs, bytes in memory."""
        target = load_target(call)
        if target is None:
            return None
        if isinstance(target, ast.Name) and target.id in self.handles:
            key: str | None = self.handles[target.id]
        else:
            opened = self._opened(target)
            key = opened if opened is not None else (None if isinstance(target, ast.Call) else self.key(target))
        if key is None or not key.startswith("c:"):
            return None
        path = key[2:]
        # A URL (`https:/x` after normalising) is a download; a shared temporary folder can hold
        # anyone's file; a home folder is not the repository.
        if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", path) or path.startswith(_NOT_THE_REPOSITORY):
            return None
        if self.filled_in is not None and self.filled_in.search(path):
            return None
        return path

    def read_fixed_file(self, node: ast.AST) -> str | None:
        """The constant local path whose text `node` reads: `open(p).read()`, `f.read()` on a
        handle of such a file, `Path(p).read_text()`; None for anything else."""
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            return None
        if node.func.attr not in ("read", "read_text"):
            return None
        owner = node.func.value
        if isinstance(owner, ast.Call) and owner.args and isinstance(owner.func, (ast.Name, ast.Attribute)):
            name = owner.func.id if isinstance(owner.func, ast.Name) else owner.func.attr
            if name in ("Path", "PurePath", "PosixPath"):
                owner = owner.args[0]  # Path(p).read_text(): p
        path = self.fixed_path(ast.Call(func=ast.Name(id="read", ctx=ast.Load()), args=[owner], keywords=[]))
        if path is None or path.startswith(("/", "\\")) or not self.inside_checkout(path):
            return None  # an absolute path or one above the checkout is not the repository's code
        if self.mentions(path) > 1 or self.fetches or self.project_fetches(path):
            return None  # also named by (or possibly written by) a download, a write or a copy
        return path

    def mentions(self, path: str) -> int:
        """How many texts of the code (constants, shell commands) name the file's own name; when
        that is too costly to tell (text_mentions.py), more than any code has."""
        name = posixpath.basename(path.rstrip("/"))
        if not name:
            return 0
        found = self._named_in.count(name)
        return _COUNTLESS if found is None else found

    def read_mentions(self, path: str) -> int:
        """How many of those texts are given straight to a load, or (in code that fetches
        nothing) to a read-mode `open` or an existence check: reading a file again neither writes
        nor replaces it. Code that fetches anything may check for the file and fetch it when it is
        missing, under a name no text spells (`gdown.download(url)`), so there a check is a naming."""
        name = posixpath.basename(path.rstrip("/"))
        if not name:
            return 0
        found = self._read_in.count(name)
        return 0 if found is None else found  # too costly to tell: no read is taken off the namings

    def remember_texts(self, nodes: Sequence[ast.AST], shell: Sequence[str], magics: Sequence[str] = ()) -> None:
        """Every string constant of the code (`nodes`: all of its tree) and its shell commands, to
        tell whether a fixed path is named anywhere but in its load (downloaded to, written, copied
        there); `magics`, a notebook's magic lines, only to see whether it sets pip's settings."""
        # A text is a whole string expression: a literal, or a name the code builds of constants
        # (`"model" + ".pkl"`, `f"{stem}.pkl"`, a join of constants) counted once as what it
        # builds, so a write or download to `"model" + ".pkl"` names model.pkl as a literal would.
        built: list[str] = []
        inside: set[int] = set()
        memo: Memo = {}
        for n in nodes:  # parents before children (ast.walk order)
            if id(n) in inside or not isinstance(n, (ast.BinOp, ast.JoinedStr, ast.Call)):
                continue
            folded = _text(n, self.constants, memo)
            if folded is not None:
                built.append(folded)
                inside.update(id(child) for child in ast.walk(n))
        self.texts = built + [
            n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in inside
        ]
        # A package install's words are package names: pip writes into the environment, never a
        # file of that name where the code runs (`%pip install langchain` beside `./index/langchain/`),
        # unless the code sets pip's own settings (`%env PIP_TARGET=.`, `os.environ["PIP_PREFIX"]`).
        configures_pip = any("PIP_" in text for text in (*self.texts, *shell, *magics))
        self.texts.extend(line for line in shell if configures_pip or not only_installs_packages(line))
        # Whether anything in the code fetches, unpacks or copies files: such a call may write a
        # file under a name no single text spells (`"checkpoint" + ".pth"`, a synced folder).
        self.fetches = any(FETCHING_COMMAND.search(line) for line in shell) or any(
            isinstance(n, ast.Call) and _fetching_call(n) for n in nodes
        )
        # What fetching calls are given (`fs.get(remote, MODEL_PATH)`, `fget_object(b, k, "m.pkl")`):
        # a fixed path among them is a download's target, whatever the call's argument order.
        self.fetch_argument_names = set()
        self.fetch_argument_texts = set()
        for n in nodes:
            if (
                isinstance(n, ast.Call)
                and _fetching_call(n)
                and name_of(n) not in _LOCAL_FILE_CALLS
                and self.own_jobs.downloaded_to(n) is None  # the job's output: recorded as a write
            ):
                arguments = [*n.args, *(k.value for k in n.keywords)]
                # `subprocess.run(["aws", "s3", "sync", SRC, "."])`: a command's words too.
                arguments += [e for a in arguments if isinstance(a, (ast.List, ast.Tuple)) for e in a.elts]
                for argument in arguments:
                    if isinstance(argument, ast.Name):
                        self.fetch_argument_names.add(argument.id)
                    elif isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                        self.fetch_argument_texts.add(_normal(argument.value))
        # `open = s3fs.S3FileSystem().open`, `from smart_open import open`: another file system's.
        self.open_rebound = any(
            (isinstance(n, ast.Name) and n.id == "open" and isinstance(n.ctx, ast.Store))
            or (isinstance(n, ast.alias) and (n.asname or n.name) == "open")
            or (isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == "open")
            for n in nodes
        )
        # Handles the code moves in or reads from itself (`f.seek(64)`, `f.read(8)`): a load from
        # one reads from somewhere inside the file, not the file as the artifact hook reads it.
        self.moved_handles = {
            n.func.value.id
            for n in nodes
            if isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute)
            and n.func.attr in _HANDLE_MOVES
            and isinstance(n.func.value, ast.Name)
        }
        # Names bound to a file a client uploaded (`f = request.files["model"]`): what `f.save(p)`
        # writes is the client's bytes, not the code's own output.
        self.upload_names = {
            target.id
            for n in nodes
            if isinstance(n, (ast.Assign, ast.AnnAssign)) and n.value is not None and _uploaded(n.value, set())
            for target in (n.targets if isinstance(n, ast.Assign) else [n.target])
            if isinstance(target, ast.Name)
        }
        # Paths given straight to another load (`FAISS.load_local('./index/')` in three cells):
        # reading a file again does not make it anything but the repository's.
        self.read_texts = Counter(text for n in nodes if isinstance(n, ast.Call) for text in read_texts_of(n))
        self.look_texts = Counter(text for n in nodes if isinstance(n, ast.Call) for text in looked_texts_of(n))
        self._named_in = TextMentions(Counter(self.texts))
        self._read_in = TextMentions(self.read_texts if self.fetches else self.read_texts + self.look_texts)

    def repository_file(self, call: ast.Call) -> bool:
        """Whether a load reads a fixed path inside the repository: relative (the code runs from
        its checkout) and named nowhere else. An absolute path is a mount, a volume, an upload
        folder or another machine's layout, not a file the repository holds."""
        path = self.fixed_path(call)
        if path is None or path.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", path):
            return False
        target = load_target(call)
        if isinstance(target, ast.Name) and target.id in self.moved_handles:
            return False  # `f.seek(64)` then `pickle.load(f)`: bytes from inside the file
        if isinstance(call.func, ast.Attribute) and name_of(call.func.value) in ("shelve", "dbm"):
            return False  # `shelve.open("cache")` reads `cache.db`/`cache.dat`, not the path it names
        return self.inside_checkout(path) and self.named_once(call) and not self.project_fetches(path)

    def project_fetches(self, path: str) -> bool:
        """Whether the project's Makefiles, scripts, images or CI may download, copy or unpack the
        file before the code runs (project_fetches.py); True when that cannot be told."""
        self.consulted_tooling = True  # the verdict depends on files beside the code: not cached
        if self.code_file is None:
            return True
        try:  # resolved once per folder and run (core's cache): its names then match the display's
            folder = Path(resolved_folder(str(self.code_file.parent)))
        except (OSError, RuntimeError):
            return True
        return fetched_by_project(folder, self.source_folder, self.code_file.name, path)

    def inside_checkout(self, path: str) -> bool:
        return inside_checkout(path, self.source_folder)

    def named_once(self, call: ast.Call) -> bool:
        """Whether the file a fixed-path load reads is named in one text only: its own path,
        never a download's, a write's or a copy's target."""
        path = self.fixed_path(call)
        if path is None:
            return False
        name = posixpath.basename(path.rstrip("/"))  # a folder (`./faiss-index/langchain/`) by its own name
        if not name or name in (".", ".."):
            return False
        if self._given_to_a_fetch(_normal(path)):
            # A download's target, or a folder one fills (`MODEL_PATH` given to `fs.get` or
            # `pooch.retrieve`, `download_artifacts(..., dst_path=".")`).
            return False
        named = self.mentions(path)
        reads = self.read_mentions(path)
        # Its own mention, plus any other load's of the very same path, and nothing else.
        return named - max(reads - 1, 0) <= 1

    def pipeline_path(self, node: ast.AST | None) -> bool:
        """Whether `node` is a constant path inside a folder the notebook's own pipeline fills."""
        key = self.key(node)
        return key is not None and key.startswith("c:") and self.pipeline_fed.holds(key[2:])

    def unpacked(self, archive: ast.AST | None, destination: ast.AST | None) -> bool:
        """For `tarfile.open(archive).extractall(destination)`: whether the archive is a pipeline
        step's output; if so, what lands in the destination folder is that output too."""
        if not self.pipeline_path(archive):
            return False
        folder = "." if destination is None else self.constant_text(destination)
        if folder is not None and folder.strip():
            self.unpacked_from_pipeline.add(posixpath.normpath(folder))
        return True

    def loads_pipeline_output(self, call: ast.Call) -> bool:
        """Whether a load reads a file another step of the notebook's pipeline wrote: a fixed path
        in a folder the pipeline fills, or named nowhere else in a folder unpacked from one."""
        if not self.pipeline_fed:
            return False
        path = self.fixed_path(call)
        if path is None:
            return False
        if self.pipeline_fed.holds(path):
            return True
        return under(path, self.unpacked_from_pipeline) and self.named_once(call)

    def own_mlflow_run(self, call: ast.Call, qualname: str) -> bool:
        """Whether an MLflow load reads the model of a run this code started and logged it in."""
        return _mlflow_load(qualname) and self.mlflow.own_run(_model_uri(call))

    def own_registered_model(self, call: ast.Call, qualname: str, in_function: bool) -> bool:
        """Whether an MLflow load reads a registered model this code registers from its own models."""
        return _mlflow_load(qualname) and self.mlflow.registered_here(_model_uri(call), in_function)

    def local_tracking_store(self, call: ast.Call, qualname: str) -> str | None:
        """The tracking store on this machine an MLflow load resolves its `runs:/` or `models:/`
        URI against (`set_tracking_uri("sqlite:///mlflow.db")` earlier), if any."""
        return self.mlflow.local_model(_model_uri(call)) if _mlflow_load(qualname) else None

    def reads_own_cache(self, call: ast.Call) -> bool:
        """Whether this load reads the file the other path of its existence check saves."""
        target = load_target(call)
        return target is not None and self.own_caches.reads_own_cache(call, target)

    def loads_own_file(self, call: ast.Call, qualname: str) -> bool:
        """Whether this load reads a file this notebook or script serialised earlier."""
        target = load_target(call)
        if target is None:
            return False
        if isinstance(target, ast.Name) and target.id in self.handles:
            key: str | None = self.handles[target.id]
        else:
            opened = self._opened(target)
            key = opened if opened is not None else self.key(target)
        if self._other_code_may_write(key, call.lineno):
            return False
        if key is not None and not self.notebook and self._fetched_to(key):
            # A script's functions run in any order: a download to the same path (a model fetched
            # when missing, `s3.download_file(b, k, MODEL)`) may be what the load reads.
            return False
        if key is not None and key in self.write_lines:
            if self._handed_to_a_command(target, key, call.lineno):
                return False
            return not self.moved_away(key, call.lineno) and not self._replaced_by_download(key, call.lineno)
        return not self.notebook and self._scoped_own_file(call, target)

    def reads_job_output(self, call: ast.Call) -> bool:
        """Whether the file a load reads (`loads_own_file` said it is the code's own) was
        downloaded from a run the code submitted, not serialised by the code itself."""
        target = load_target(call)
        if target is None:
            return False
        if isinstance(target, ast.Name) and target.id in self.handles:
            return self.handles[target.id] in self.job_outputs
        opened = self._opened(target)
        return (opened if opened is not None else self.key(target)) in self.job_outputs

    def local_module(self, top: str) -> bool:
        """Whether a module name is the project's own: a package (a folder with `__init__.py`) or a
        `.py` file of that name beside the scanned file, at the top of its checkout or in its `src/`
        (unknown location: taken as the project's)."""
        if not top.isidentifier() or len(top) > 200:
            return True  # `-m {module}`: known only at run time; a name no file system holds: not looked up
        if self.code_file is None:
            return True
        known = self._local_modules.get(top)
        if known is None:
            if len(self._local_modules) >= _MAX_FOLDERS:
                return True  # past the cap, any name may be the project's
            folder = self.code_file.parent
            depth = len([part for part in self.source_folder.split("/") if part and part != "."])
            roots = [folder, *([folder.parents[depth - 1]] if 0 < depth <= len(folder.parents) else [])]
            roots += [root / "src" for root in roots]  # the src layout
            try:
                # A folder without `__init__.py` is only a namespace portion: an installed package of
                # that name (`tensorflow/` holding a course's notebooks) is imported before it.
                known = any((root / top / "__init__.py").is_file() or (root / f"{top}.py").is_file() for root in roots)
            except OSError:
                known = True  # unreadable: taken as the project's
            self._local_modules[top] = known
        return known

    def _other_code_may_write(self, key: str | None, line: int) -> bool:
        """Whether code the file starts but does not hold (started_code.py) may have written the
        load's file: in a notebook, started after the notebook's last own write and before the
        load (any time after the write when the load is inside a function: it runs when called);
        in a script, whose functions run in any order, started anywhere."""
        if not self.code_started_lines:
            return False
        if not self.notebook or key is None:
            return True
        last_write = max((w for w in self.write_lines.get(key, []) if w < line), default=-1)
        until = line if self.function_depth == 0 else float("inf")
        return any(last_write < started < until for started in self._started_where_run())

    def _started_where_run(self) -> list[int]:
        """The lines where started code runs: where it stands outside the notebook's functions,
        and where a function that starts it is called (through functions that call functions);
        a function only defined starts nothing. Linear in lines and calls, kept until more
        started lines are known."""
        cached = self._started_cache
        if cached is not None and cached[0] == len(self.code_started_lines):
            return cached[1]
        spans = sorted(self.function_spans)
        firsts = [first for first, _, _ in spans]

        def function_at(line: int) -> str | None:
            index = bisect.bisect_right(firsts, line) - 1
            return spans[index][2] if index >= 0 and spans[index][1] >= line else None

        lines: set[int] = set()
        pending = list(self.code_started_lines)
        reached: set[str] = set()
        while pending:
            line = pending.pop()
            name = function_at(line)
            if name is None:
                lines.add(line)
            elif name not in reached:
                reached.add(name)
                pending.extend(self.call_lines.get(name, []))
        found = sorted(lines)
        self._started_cache = (len(self.code_started_lines), found)
        return found

    def _handed_to_a_command(self, target: ast.AST, key: str, line: int) -> bool:
        """A notebook shell line between the write and the load that may put bytes somewhere and
        is handed one of the path's names (`!cp /tmp/x {P}`, `!tool get $P`): IPython puts the
        value in, so the command may write the file. Past _MAX_FOLDERS lines, any may."""
        from hooks._shared.shell import placements

        names = [node.id for node in ast.walk(target) if isinstance(node, ast.Name)]
        if not self.notebook or not names:
            return False
        writes = [w for w in self.write_lines.get(key, []) if w < line]
        last_write = max(writes, default=-1)
        if len(self.shell_commands) >= _MAX_FOLDERS:
            return True
        for at, command in self.shell_commands:
            if not last_write < at < line:
                continue
            handed = any(re.search(r"(?:\{|\$\{?)" + re.escape(name) + r"\b", command) for name in names)
            if handed and placements(command):
                return True
        return False

    def record_folder_changes(self, changes: Sequence[tuple[int, str]]) -> None:
        """A notebook's `%cd folder` lines (cells.py keeps them out of the Python)."""
        for line, arguments in changes:
            words = [w for w in arguments.split() if not w.startswith("-") or w == "-"]
            folder = words[0].strip("'\"") if len(words) == 1 else ""
            known = folder and folder != "-" and not any(c in folder for c in "${}`*?")
            self._add_folder_change(line, folder if known else None)

    def record_block_folder(self, call: ast.Call, qualname: str, block_end: int, other_calls: bool) -> None:
        """`with contextlib.chdir(d):` at a notebook's top level: the block's lines run in `d`,
        the lines after it in the folder before it. `other_calls`: the `with` line makes other
        calls (`open(os.chdir(d) or "log")`), which may change the folder before the block starts,
        after what the line shows: where it returns is then not known."""
        if qualname != "contextlib.chdir" or self.function_depth:
            return
        if self.folder_tracking_stopped is not None:
            self._add_folder_change(call.lineno - 1, None)  # past the cap: only where it stopped
            return
        text = self.constant_text(call.args[0]) if call.args else None
        after: str | None = None if other_calls else _FolderBefore(self._folder_at(call.lineno))
        # From the `with` line itself on: a one-line block (`with chdir(d): m = load(p)`) and the
        # items after this one run in `d` too.
        self._add_folder_change(call.lineno - 1, text.strip() if text and text.strip() else None)
        # Blocks ending on one line leave inner first (nested, or later items of one `with`): a
        # way back recorded later goes before those already there.
        self._add_folder_change(block_end, after, leaving=True)

    def _add_folder_change(self, line: int, target: str | None, *, leaving: bool = False) -> None:
        """Keep a folder change in line order, up to _MAX_FOLDER_CHANGES: past that, tracking
        each costs too much (every load replays them), and every load after is taken as moved."""
        if self.folder_tracking_stopped is not None:
            self.folder_tracking_stopped = min(self.folder_tracking_stopped, line)
            return
        if len(self.folder_changes) >= _MAX_FOLDER_CHANGES:
            self.folder_tracking_stopped = line
            return
        insert = bisect.insort_left if leaving else bisect.insort_right
        insert(self.folder_changes, (line, target), key=lambda change: change[0])
        self._own_memo.clear()

    def moved_away(self, key: str, line: int) -> bool:
        """Whether a top-level save of this relative path and this top-level load run in different
        working folders (`%cd ..` or `os.chdir(d)` between them, not back): a notebook's cells and
        a script's module-level statements run in order, a function's when called."""
        if not self.folder_changes or self.function_depth:
            return False
        if key.startswith("c:") and key[2:].startswith(("/", "~")):
            return False
        last_write = max((w for w in self.write_lines.get(key, []) if w < line), default=-1)
        if last_write < 0 or last_write in self.lines_in_functions:
            return False  # saved by a function: when it ran is not known
        if self.folder_tracking_stopped is not None and line > self.folder_tracking_stopped:
            return True  # too many changes to follow: this one may have moved (fail closed)
        return self._folder_at(last_write) != self._folder_at(line)

    def _folder_at(self, line: int) -> str:
        """The working folder at `line`, relative to the notebook's start ("." there); a change
        to a folder not known is a folder of its own (marked with NUL, which no folder's path holds)."""
        folder = "."
        for changed_at, target in self.folder_changes:
            if changed_at >= line:
                break
            if isinstance(target, _FolderBefore):
                folder = str(target)  # back where a block started, known or not (record_block_folder)
            elif target is None or "\0" in target:
                # a folder not known, its own for each change; a path with NUL names no folder
                folder = f"\0unknown {changed_at}"
            elif target.startswith(("/", "~")):
                folder = posixpath.normpath(target)
            elif folder.startswith("\0"):
                # a relative change from a folder not known (`..` of it) is a folder not known either:
                # normpath would make `<unknown>/..` the notebook's own start folder
                folder = f"\0unknown {changed_at}"
            else:
                folder = posixpath.normpath(posixpath.join(folder, target))
        return folder

    def _fetched_to(self, key: str) -> bool:
        """Whether a fetching call of the code (a download, copy or sync) is given this path, or
        a folder holding it, as a constant or through a name bound to one."""
        if not key.startswith("c:"):
            return False
        return self._given_to_a_fetch(key[2:]) or self._replaced_by_download(key, 0)

    def _given_to_a_fetch(self, normal: str) -> bool:
        """Whether a fetching call is given the (normalised) path or a folder holding it, as a
        constant or through a name bound to one."""
        named = {_normal(self.constants[held]) for held in self.fetch_argument_names if held in self.constants}
        # `normal` itself, or a folder holding it: its ancestors, looked up (not every target tried:
        # a generated script gives thousands of fetches and loads)
        parts = normal.split("/")
        candidates = [".", *("/".join(parts[:end]) for end in range(1, len(parts) + 1))]
        return any(place in self.fetch_argument_texts or place in named for place in candidates)


# A save helper given a folder and a file name (`utils.save_model(model=m, target_dir="models",
# model_name="effnet.pth")`, the course pattern) writes the file at their join.
_FOLDER_KEYWORDS = frozenset(
    {"target_dir", "save_dir", "output_dir", "out_dir", "model_dir", "checkpoint_dir", "folder"}
)
_FILE_KEYWORDS = frozenset({"model_name", "filename", "file_name", "fname", "checkpoint_name"})


def inside_checkout(path: str, source_folder: str) -> bool:
    """A relative path that does not climb out of the checkout from the code's folder:
    `../faiss-index/` from `workshops/l200/notebook.ipynb` is `workshops/faiss-index`, still the
    repository's. With the folder unknown, any `..` is judged as climbing out."""
    if ".." not in path.split("/"):
        return True
    known = source_folder not in ("", ".") and not source_folder.startswith("/")
    inside = posixpath.normpath(posixpath.join(source_folder or ".", path))
    return known and inside != ".." and not inside.startswith("../")


def _folder_and_file_keywords(call: ast.Call, attribute: str) -> tuple[ast.expr, ast.expr] | None:
    if not attribute.startswith("save") or _FETCHING_NAME.search(attribute) or _names_a_source(call):
        return None  # `save_from_url(url=..., target_dir=..., filename=...)` saves a download
    folder = next((k.value for k in call.keywords if k.arg in _FOLDER_KEYWORDS), None)
    file_name = next((k.value for k in call.keywords if k.arg in _FILE_KEYWORDS), None)
    return (folder, file_name) if folder is not None and file_name is not None else None


_FETCHING_NAME = re.compile(r"(?i)url|uri|download|fetch|remote|http|hub|pull|from")
_SOURCE_KEYWORDS = frozenset({"url", "uri", "source", "src", "link", "href", "remote", "repo_id", "endpoint"})


def _names_a_source(call: ast.Call) -> bool:
    """The call is given somewhere to read from: a `url=`-like keyword or a text with `://`."""
    if any(k.arg in _SOURCE_KEYWORDS for k in call.keywords):
        return True
    return any(
        isinstance(node, ast.Constant) and isinstance(node.value, str) and "://" in node.value
        for argument in (*call.args, *(k.value for k in call.keywords))
        for node in ast.walk(argument)
    )


def _is_bool(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, bool)


def _last_attribute(func: ast.expr) -> str:
    """The name a method is called on: `models` for `ml_client.models.download(...)`."""
    if isinstance(func, ast.Attribute):
        owner = func.value
        if isinstance(owner, ast.Attribute):
            return owner.attr
        if isinstance(owner, ast.Name):
            return owner.id
    return ""


def _keyword_value(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def load_target(call: ast.Call) -> ast.expr | None:
    """The path a load reads: its first argument, else a path keyword (`path=`, `f=`, ...)."""
    return call.args[0] if call.args else next((k.value for k in call.keywords if k.arg in PATH_KEYWORDS), None)


def _numpy_suffix(qualname: str) -> str | None:
    """The suffix numpy's savers add to a file name without it (`np.save("x", a)` writes x.npy).
    The script prescan sees names before imports are resolved: `np.` is taken for numpy there (a
    wrong guess only keeps a load blocking)."""
    module, _, function = qualname.rpartition(".")
    if module not in ("numpy", "np"):
        return None
    return {"save": ".npy", "savez": ".npz", "savez_compressed": ".npz"}.get(function)


def _keeps_old_bytes(call: ast.Call) -> bool:
    """`open(p, "ab")`, `open(p, "r+b")`: writes through it leave what the file held before (a
    load reads that first); a mode not written out is not known."""
    mode = call.args[1] if len(call.args) > 1 else next((k.value for k in call.keywords if k.arg == "mode"), None)
    if mode is None:
        return False
    return not (isinstance(mode, ast.Constant) and isinstance(mode.value, str)) or any(c in mode.value for c in "a+")


def _is_open(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or not node.args:
        return False
    func = node.func
    return (func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else "") == "open"


# A value a started command's text holds as a placeholder (launched.py writes `{name}`).
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w.]{0,120})\}")
_INTERPOLATED = re.compile(r"\{([A-Za-z_]\w{0,120})\}|\$([A-Za-z_]\w{0,120})")


def _interpolated(command: str, literals: dict[str, str]) -> str:
    """A notebook shell line as IPython runs it, for the names bound once to a literal: `{path}`
    and `$path` replaced by the text (others, `{cfg.out}` or `$HOME`, stay as written; past
    MAX_TEXT characters filled in, the rest stays as written too)."""

    grown = 0  # a line of many `{name}`s of a long literal must not grow without bound

    def filled(match: re.Match[str]) -> str:
        nonlocal grown
        text = literals.get(match.group(1) or match.group(2), match.group(0))
        grown += len(text)
        return text if grown <= MAX_TEXT else match.group(0)

    return _INTERPOLATED.sub(filled, command)


def _path_named_by(node: ast.expr) -> ast.expr | None:
    """`Path("m.pt")` -> the expression `"m.pt"`: the path a pathlib constructor is given, or None."""
    if isinstance(node, ast.Call) and name_of(node) in _PATH_CLASSES and len(node.args) == 1:
        return node.args[0]
    return None


def _placement_source(call: ast.Call, qualname: str) -> ast.expr | None:
    """The path whose bytes a copy, move or link call places: `shutil.copy(src, dst)`,
    `os.replace(src, dst)`, `os.symlink(src, dst)`, `Path(src).replace(dst)`, `Path(dst).symlink_to(src)`."""
    func = call.func
    name = qualname.rsplit(".", 1)[-1]
    if name in _PLACING_CALLS and qualname.split(".", 1)[0] in ("shutil", "os"):
        return call.args[0] if call.args else _keyword_value(call, "src")
    if isinstance(func, ast.Attribute) and len(call.args) == 1:
        receiver = _path_named_by(func.value) or func.value
        if func.attr in _PATH_MOVES:
            return receiver
        if func.attr in _PATH_LINKS:
            return call.args[0]
    return None


def _scoped_text(node: ast.AST) -> str | None:
    """A path expression of names, attributes and constants that is not a constant alone (those
    are compared across the whole script), as text."""
    if isinstance(node, ast.Constant) or not _path_of_names(node):
        return None
    try:
        return ast.unparse(node)
    except (ValueError, RecursionError):
        return None


def _response_bytes(node: ast.AST) -> bool:
    """Bytes of an HTTP response: `.content`/`.raw` of anything, or an HTTP client's call."""
    for child in ast.walk(node):
        if isinstance(child, ast.Attribute) and child.attr in ("content", "raw", "iter_content"):
            return True
        if isinstance(child, ast.Call):
            dotted = ast.unparse(child.func) if isinstance(child.func, (ast.Attribute, ast.Name)) else ""
            if dotted.startswith(_HTTP_CLIENTS):
                return True
    return False


def _instance_path(text: str) -> bool:
    """A path expression built on the instance's own attributes (`self.snapshot_path`)."""
    return text.startswith("self.")


def _mlflow_load(qualname: str) -> bool:
    return qualname.startswith("mlflow.") and qualname.endswith("load_model")


def _model_uri(call: ast.Call) -> ast.AST | None:
    return call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "model_uri"), None)


def prescan_writes(
    module: ast.Module, context: LoadContext, qualname: QualName, wrappers: dict[str, Wrapper] | None = None
) -> None:
    """For a script: every constant path it serialises anywhere (functions run in any order), and
    within each function the variable paths it serialises to. One pass over the tree."""
    for statement in _top_level_statements(module):
        if isinstance(statement, ast.Assign):
            for target in statement.targets:
                context.remember_assignment(target, statement.value)
    calls: list[ast.Call] = []
    bindings: dict[int, list[ast.Assign]] = {}  # function line (0: module) -> its assignments
    # node, line of its innermost function (0: module), line of its innermost class (0: none)
    stack: list[tuple[ast.AST, int, int]] = [(module, 0, 0)]
    parameters: dict[int, set[str]] = {}  # function line -> its parameters, which hide module constants
    aliases: list[tuple[ast.Assign, int]] = []  # `h = f` and the function it is in
    tests: list[ast.If | ast.While | ast.IfExp | ast.Try] = []
    flag_values: dict[str, list[ast.expr]] = {}  # name -> every value assigned to it anywhere
    while stack:
        node, scope, owner = stack.pop()
        for name in names_bound_by(node):
            context.binding_lines.setdefault((scope, name), []).append(getattr(node, "lineno", 0))
        if isinstance(node, ast.Call):
            context.scope_of[id(node)] = scope
            context.class_of[id(node)] = owner
            calls.append(node)
            # `os.chdir(d)`: every relative path names another file after it, as if rebound.
            if _writes_namespace(node) or name_of(node.func) == "chdir":
                for where in {scope, 0}:
                    context.binding_lines.setdefault((where, "*"), []).append(node.lineno)
        elif isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.ctx, ast.Store):
            # `args.out = args.resume`: `args.out` holds another path (`args.lr = x` does not)
            try:
                chain = ast.unparse(node)
            except (ValueError, RecursionError):
                chain = ""
            root = node.value
            while isinstance(root, (ast.Attribute, ast.Subscript)):
                root = root.value
            if "__dict__" in chain and isinstance(root, ast.Name):
                chain = root.id
            context.store_lines.setdefault((scope, chain), []).append(node.lineno)
        elif isinstance(node, ast.Global):
            for name in node.names:
                context.declared_global.setdefault(name, set()).add(scope)
        elif isinstance(node, (ast.If, ast.While, ast.IfExp, ast.Try)):
            tests.append(node)
        elif isinstance(node, ast.With):
            for item in node.items:
                if item.optional_vars is not None:
                    context.remember_assignment(item.optional_vars, item.context_expr)
                    context.record_scoped_handle(item.optional_vars, item.context_expr, node.lineno, scope)
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            if isinstance(node.targets[0], ast.Name):
                flag_values.setdefault(node.targets[0].id, []).append(node.value)
            if isinstance(node.value, ast.Name):
                aliases.append((node, scope))  # `h = f`: followed once every handle is known
            else:
                context.record_scoped_handle(node.targets[0], node.value, node.lineno, scope)
            bindings.setdefault(scope, []).append(node)
        # A lambda's body runs when it is called, like a function's: its own scope.
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            parameters[node.lineno] = {a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg)}
        inner = node.lineno if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) else scope
        inner_class = node.lineno if isinstance(node, ast.ClassDef) else owner
        stack.extend((child, inner, inner_class) for child in ast.iter_child_nodes(node))

    context.absence_guarded = _merged(_guarded_spans(tests, flag_values))
    # In source order, so a chain (`g = f; h = g`) reaches the file `f` was opened on.
    for assignment, scope in sorted(aliases, key=lambda entry: (entry[0].lineno, entry[0].col_offset)):
        context.record_scoped_handle(assignment.targets[0], assignment.value, assignment.lineno, scope)
    # Handles are all known now; then the serialiser calls that write through them, and the
    # commands the script starts (`os.system("cp /mnt/m.pt m.pt")` in any function).
    # One finder per function, fed that function's assignments in source order, so `cmd = [...]`
    # then `subprocess.run(cmd)` is read as the visitor reads it, and never across functions.
    finders: dict[int, CommandFinder] = {}
    position = {scope: 0 for scope in bindings}
    for assigned in bindings.values():
        assigned.sort(key=lambda a: (a.lineno, a.col_offset))
    started_by: list[tuple[int, int, str]] = []  # (function line, line, command text)
    # In source order: a move of a file is judged once the write of its source is known.
    calls.sort(key=lambda c: (getattr(c, "lineno", 0), getattr(c, "col_offset", 0)))
    context.block_paths, context.statement_calls, context.loop_spans, context.statement_ends = block_paths(module)
    context.prescanning = True
    for call in calls:
        scope = context.scope_of[id(call)]
        hidden = context.hide_constants(parameters.get(scope, set()))
        name = qualname(call.func) or ""
        context.record_call(call, name)
        commands = finders.get(scope)
        if commands is None:
            commands = finders[scope] = CommandFinder(context.constant_text)
            commands.wrappers = wrappers or {}
        assigned = bindings.get(scope, [])
        while position.get(scope, 0) < len(assigned) and assigned[position[scope]].lineno < call.lineno:
            commands.remember(assigned[position[scope]].targets[0], assigned[position[scope]].value)
            position[scope] += 1
        started = len(commands.commands)
        commands.record_call(call, name)
        new_commands = commands.commands[started:]
        context.record_shell_downloads([(c.line, c.text) for c in new_commands], unpacks=False)
        started_by.extend((context.scope_of[id(call)], c.line, c.text) for c in new_commands)
        context.constants.update(hidden)
        context.record_scoped_write(call, context.scope_of[id(call)], name)
    context.prescanning = False
    # Then what the functions put over their own paths, knowing every path they serialise to.
    for call in calls:
        hidden = context.hide_constants(parameters.get(context.scope_of[id(call)], set()))
        context.record_scoped_placement(call, context.scope_of[id(call)], qualname(call.func) or "")
        context.constants.update(hidden)
    for scope, line, text in started_by:
        context.record_scoped_command(scope, line, text)


_BLOCK_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")


# Calls whose answer says whether a file is there: a save they decide may not run when it is.
_EXISTENCE_CALLS = (
    EXISTENCE_CHECKS
    | {"access", "stat", "getsize", "getmtime"}
    | {
        "glob",
        "iglob",
        "rglob",
        "listdir",
        "scandir",
        "iterdir",
        "walk",
    }
)


def _guarded_spans(
    tests: Sequence[ast.If | ast.While | ast.IfExp | ast.Try], flag_values: dict[str, list[ast.expr]]
) -> list[tuple[int, int]]:
    """The lines of statements that run only on some answer about a file: both branches of an
    `if`, `while` or conditional expression whose test asks whether files are there (directly,
    or through a name given such a value anywhere: `hit = os.path.isfile(p)`), and every
    `except` handler (it runs when something failed, a read of the file perhaps). A save there may
    not have run, so the file may be someone else's."""
    spans: list[tuple[int, int]] = []
    budget = [_MAX_FLAG_READS]
    asked: dict[str, bool] = {}

    def asks(node: ast.AST, depth: int) -> bool:
        for part in ast.walk(node):
            budget[0] -= 1
            if budget[0] <= 0:
                return True  # a hostile web of flags: every test may ask
            if isinstance(part, ast.Call) and name_of(part) in _EXISTENCE_CALLS:
                return True
            if isinstance(part, ast.Name) and part.id in flag_values and depth < _MAX_FLAG_DEPTH:
                if part.id not in asked:
                    asked[part.id] = False  # a name given itself: no answer through it
                    asked[part.id] = any(asks(value, depth + 1) for value in flag_values[part.id])
                if asked[part.id]:
                    return True
        return False

    for test in tests:
        if isinstance(test, ast.Try):
            spans.extend(_span_of(handler.body) for handler in test.handlers if handler.body)
        elif isinstance(test, ast.IfExp):
            if asks(test.test, 0):
                spans.append((test.lineno, test.end_lineno or test.lineno))
        elif asks(test.test, 0):
            spans.extend(_span_of(part) for part in (test.body, test.orelse) if part)
    return spans


def _span_of(statements: list[ast.stmt]) -> tuple[int, int]:
    return statements[0].lineno, max(statement.end_lineno or statement.lineno for statement in statements)


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Line spans joined where they overlap or nest, as their sorted first and last lines."""
    firsts: list[int] = []
    lasts: list[int] = []
    for first, last in sorted(spans):
        if lasts and first <= lasts[-1] + 1:
            lasts[-1] = max(lasts[-1], last)
        else:
            firsts.append(first)
            lasts.append(last)
    return firsts, lasts


def _within_spans(line: int, spans: tuple[list[int], list[int]]) -> bool:
    firsts, lasts = spans
    at = bisect.bisect_right(firsts, line) - 1
    return at >= 0 and line <= lasts[at]


def _fills_a_folder(call: ast.Call, qualname: str = "") -> bool:
    """A fetch, copy or unpack that writes files somewhere (`shutil.unpack_archive(a, d)`,
    `tar.extractall(d)`, `snapshot_download(repo, local_dir=d)`, `shutil.copytree(src, d)`, under
    any name they are imported as), a command this pass cannot read (`subprocess.run(cmd)`,
    `subprocess.getoutput(...)`, asyncio's subprocesses, `sh.wget(...)`); not a request that only
    reads (`requests.get(url)`, `urlopen(url)`, `blob.download_as_bytes()`), nor a Hub download
    into its own cache (`snapshot_download(repo)` with no `local_dir`); `d.copy()` of a dict
    copies no file."""
    names = {name_of(call), qualname.rsplit(".", 1)[-1]}
    if names & _READS_ONLY:
        return False
    if names & _UNREAD_RUNNERS:
        return True
    if "get" in names and len(call.args) >= 2 and isinstance(call.func, ast.Attribute):
        # sftp's, fsspec's and other file clients' `get(remote, local)` (not a dict's `get(k, d)`)
        receiver = call.func.value
        if isinstance(receiver, ast.Call) or _FILE_CLIENT.search(name_of(receiver)):
            return True
    handed = [*call.args, *(keyword.value for keyword in call.keywords)]
    if any(isinstance(a, (ast.Name, ast.Attribute)) and name_of(a) in _FILLING_FUNCTIONS for a in handed):
        return True  # `executor.submit(urlretrieve, url, p)`, `Thread(target=shutil.unpack_archive, ...)`
    if names & _FOLDER_ARGUMENTS.keys() and names & {
        "snapshot_download",
        "hf_hub_download",
        "load_state_dict_from_url",
    }:
        return any(keyword.arg in ("local_dir", "cache_dir", "model_dir") for keyword in call.keywords)
    if names & _FETCHING_CALLS:
        return bool(names & {"extractall", "extract"}) or bool(call.args or call.keywords)
    if "retrieve" in names:
        return True  # pooch.retrieve(url, known_hash, path=...)
    runner = qualname.startswith(("subprocess.", "os.system", "os.popen")) or _program_runner(call)
    if not (names & _RUNNERS and runner):
        return False  # an HTTP client's request: what it returns is written, if at all, by the code
    # A command spelled in the call is read by record_scoped_command, which knows a copy of the
    # function's own file; one held in a variable may fetch anything.
    command = call.args[0] if call.args else None
    return not isinstance(command, (ast.List, ast.Tuple, ast.Constant, ast.JoinedStr))


# Programs started in ways the command finder does not read, fetching programs called as
# functions (`sh.wget(url)`), and other libraries' fetches and unpacks (patool, distutils, ClearML,
# W&B, paramiko's sftp): any may fill any folder.
_UNREAD_RUNNERS = frozenset(
    {"getoutput", "getstatusoutput", "create_subprocess_shell", "create_subprocess_exec", "spawn", "execv"}
    | {"wget", "curl", "rsync", "scp", "aria2c", "gsutil", "azcopy", "rclone"}
    | {"extract_archive", "copy_tree", "get_local_copy", "restore", "copy_file", "get_file"}
)
_FILE_CLIENT = re.compile(r"(?i)sftp|ftp|^fs$|_fs$|filesystem|s3|gcs|hdfs|remote|storage|bucket")
# Functions that fill folders when something else calls them with the arguments handed beside.
_FILLING_FUNCTIONS = frozenset(_FETCHING_CALLS - {"copy", "move", "download"}) | {"extract_archive", "copy_tree"}


# Fetching calls that hand the bytes back rather than write a file.
_READS_ONLY = frozenset({"urlopen", "get_object", "download_as_bytes", "download_as_string", "download_as_text"})


def _line_of(entry: tuple[int, object]) -> int:
    return entry[0]


def _latest(entries: list[tuple[int, str]] | list[tuple[int, str | None]], line: int) -> tuple[int, str | None] | None:
    """The last entry at or before `line` of a list kept in line order (bisect.insort)."""
    index = bisect.bisect_right(entries, line, key=_line_of)
    return entries[index - 1] if index else None


def _path_chains(text: str) -> set[str] | None:
    """The names, attributes and items a path text reads (`args.out`, `cfg["dir"]`, `args`)."""
    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return {ast.unparse(n) for n in nodes_of(tree) if isinstance(n, (ast.Name, ast.Attribute, ast.Subscript))}


def block_paths(
    module: ast.Module,
) -> tuple[dict[int, tuple[tuple[int, str], ...]], set[int], dict[int, tuple[int, int]], dict[int, int]]:
    """For a script's lines: the blocks each statement (or a compound statement's header) stands
    in, outermost first, as (id of an `if`, loop, `try`, `with`, `match`, class or function, which
    of its parts; a loop's header is a part of its own, run again on every pass); the ids of the
    calls that are whole statements; the loops' first and last lines; and each line's statement's
    last line. A line two statements share (`a; b`) or past the cap is left out: not known."""
    paths: dict[int, tuple[tuple[int, str], ...]] = {}
    ends: dict[int, int] = {}
    calls: set[int] = set()
    loops: dict[int, tuple[int, int]] = {}
    claimed: set[int] = set()
    budget = 200_000  # lines mapped: linear in the file, bounded for a hostile one
    stack: list[tuple[ast.stmt, tuple[tuple[int, str], ...]]] = [(s, ()) for s in module.body]
    while stack and budget > 0:
        statement, path = stack.pop()
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
            calls.add(id(statement.value))
        line, end = statement.lineno, statement.end_lineno or statement.lineno
        header = path
        if isinstance(statement, (ast.For, ast.AsyncFor, ast.While)):
            loops[id(statement)] = (line, end)
            header = (*path, (id(statement), "header"))
        # A compound statement's own lines end where its first body statement or case starts.
        body, cases = getattr(statement, "body", None), getattr(statement, "cases", None)
        first = body[0].lineno if isinstance(body, list) and body else None
        first = cases[0].pattern.lineno if isinstance(cases, list) and cases else first
        if first is not None:
            end = max(line, min(end, first - 1))
        for number in range(line, end + 1):
            budget -= 1
            if number in claimed:
                paths.pop(number, None)
                ends.pop(number, None)
            else:
                claimed.add(number)
                paths[number] = header
                ends[number] = end
        for part in _BLOCK_FIELDS:
            children = getattr(statement, part, None)
            if not isinstance(children, list):
                continue
            inner = (*path, (id(statement), part))
            for position, child in enumerate(children):
                if isinstance(child, (ast.ExceptHandler, ast.match_case)):
                    # Each handler or case a part of the statement's own: one runs, not the others.
                    stack.extend((s, (*path, (id(statement), f"{part}{position}"))) for s in child.body)
                elif isinstance(child, ast.stmt):
                    stack.append((child, inner))
    return paths, calls, loops, ends


def _top_level_statements(module: ast.Module) -> list[ast.stmt]:
    """The module's own statements, then the assignments of its `if __name__ == "__main__":`
    block (each name bound once, so where they go makes no difference): that block runs once, at
    the top level, when the file is run as a script. A
    name the module binds anywhere else too (`if args.model: MODEL = args.model`, a loop, a
    function's `global`) may hold something else when a function reads it: not taken, nor any
    when the module writes names another way (`globals().update(...)`, `setattr`, `exec`)."""
    statements: list[ast.stmt] = []
    guarded: list[ast.Assign] = []
    for statement in module.body:
        statements.append(statement)
        if isinstance(statement, ast.If) and _is_main_guard(statement.test):
            guarded.extend(s for s in statement.body if isinstance(s, ast.Assign))
    if guarded and not any(isinstance(node, ast.Call) and _writes_namespace(node) for node in nodes_of(module)):
        bindings = Counter(name for node in nodes_of(module) for name in names_bound_by(node))
        statements.extend(s for s in guarded if all(isinstance(t, ast.Name) and bindings[t.id] == 1 for t in s.targets))
    return statements


# Calls that can bind a module's names without an assignment: `globals().update(MODEL=arg)`,
# `setattr(sys.modules[__name__], ...)`, `exec("MODEL = ...")`.
_NAMESPACE_WRITERS = frozenset({"globals", "locals", "vars", "setattr", "exec", "eval", "__import__"})
_BUILTIN_ONLY = frozenset({"locals", "eval"})  # `model.eval()` is no builtin: only the bare name counts


def _writes_namespace(call: ast.Call) -> bool:
    """Whether a call may bind the module's names unseen (`globals().update(...)`, `exec(text)`)."""
    name = name_of(call.func)
    if name not in _NAMESPACE_WRITERS:
        return False
    if name in _BUILTIN_ONLY:
        func = call.func
        owner = func.value if isinstance(func, ast.Attribute) else None
        return isinstance(func, ast.Name) or (isinstance(owner, ast.Name) and owner.id in ("builtins", "__builtins__"))
    return True


def names_bound_more_than_once(module: ast.Module) -> set[str]:
    """The module-level names bound more than once (any way: an assignment, a loop, an import, a
    def...), and those a function declares `global`: which of the values a function reads depends
    on when it runs. Function and class bodies bind their own names and are not counted."""
    counts: Counter[str] = Counter()
    stack: list[ast.AST] = list(module.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            counts[node.name] += 1
            stack.extend(node.decorator_list)
            continue
        if isinstance(node, ast.Lambda):
            continue
        counts.update(names_bound_by(node))
        stack.extend(ast.iter_child_nodes(node))
    declared = {name for node in nodes_of(module) if isinstance(node, ast.Global) for name in node.names}
    return {name for name, count in counts.items() if count > 1} | declared


def names_bound_from_the_side(module: ast.Module) -> set[str] | None:
    """The module-level names the code rebinds through the module object rather than by an
    assignment the visit follows: `sys.modules[__name__].P = x`, `setattr(mod, "P", x)` with
    `mod = sys.modules[__name__]`, `__main__.P = x`, `importlib.import_module(__name__).P = x`.
    None when a name is given at run time (`setattr(sys.modules[__name__], name, x)`): any may be."""
    holders: set[str] = set()  # names bound to the module object anywhere
    for node in nodes_of(module):
        if isinstance(node, ast.Assign) and _module_object(node.value, holders):
            holders.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.Import):
            holders.update(alias.asname or alias.name for alias in node.names if alias.name == "__main__")
    rebound: set[str] = set()
    for node in nodes_of(module):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            for part in ast.walk(target):
                if isinstance(part, ast.Attribute) and _module_object(part.value, holders):
                    rebound.add(part.attr)
                elif (
                    isinstance(part, ast.Subscript)
                    and isinstance(part.value, ast.Attribute)
                    and part.value.attr == "__dict__"
                    and _module_object(part.value.value, holders)
                ):
                    # `sys.modules[__name__].__dict__["P"] = x`
                    if not (isinstance(part.slice, ast.Constant) and isinstance(part.slice.value, str)):
                        return None
                    rebound.add(part.slice.value)
        if isinstance(node, ast.Call) and name_of(node.func) == "setattr" and node.args:
            if not _module_object(node.args[0], holders):
                continue
            if len(node.args) < 2 or not (
                isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)
            ):
                return None
            rebound.add(node.args[1].value)
    return rebound


def _module_object(node: ast.AST, holders: set[str]) -> bool:
    """The code's own module object: `sys.modules[__name__]` (or `["__main__"]`, or through `from
    sys import modules`), `sys.modules.get(__name__)`, `importlib.import_module(__name__)`,
    `__import__(__name__)`, or a name bound to one of them. Another module (`sys.modules["config"]`,
    `import_module("config")`) holds other names."""
    if isinstance(node, ast.Name):
        return node.id in holders
    if isinstance(node, ast.Subscript):
        return _modules_table(node.value) and _own_module_name(node.slice)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "get" and _modules_table(func.value):
            return bool(node.args) and _own_module_name(node.args[0])
        return name_of(func) in ("import_module", "__import__") and bool(node.args) and _own_module_name(node.args[0])
    return False


def _modules_table(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "modules") or (
        isinstance(node, ast.Name) and node.id == "modules"
    )


def _own_module_name(node: ast.AST) -> bool:
    return (isinstance(node, ast.Name) and node.id == "__name__") or (
        isinstance(node, ast.Constant) and node.value == "__main__"
    )


def _is_main_guard(test: ast.expr) -> bool:
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    sides = (test.left, test.comparators[0])
    names = [s for s in sides if isinstance(s, ast.Name) and s.id == "__name__"]
    texts = [s for s in sides if isinstance(s, ast.Constant) and s.value == "__main__"]
    return len(names) == 1 and len(texts) == 1
