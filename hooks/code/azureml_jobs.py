"""Which command-line options of a script the Azure ML pipelines that run it fill with another
job's output.

An Azure ML pipeline hands one job's output to the next through the platform. The definition
says what runs and where each input comes from, in YAML

    jobs:
      train_model:
        code: ../src
        command: python train.py --model_output ${{outputs.model_output}}
      evaluate_model:
        code: ../src
        command: python evaluate.py --model_input ${{inputs.model_input}}
        inputs:
          model_input: ${{parent.jobs.train_model.outputs.model_output}}

or with the Python SDK (`azure.ai.ml`): `evaluate = command(code=..., command="python evaluate.py
--model_input ${{inputs.model_input}}", ...)` or `evaluate = load_component(source="evaluate.yml")`,
then `evaluate(model_input=train.outputs.model_output)` inside the pipeline. Before `evaluate.py`
starts, the platform puts what the training job wrote where `--model_input` points, so
`mlflow.sklearn.load_model(args.model_input)` reads the pipeline's own model, as a SageMaker step
reads the previous step's (pipeline_inputs.py).

An option counts as fed only when every Azure ML definition found that runs the script passes it
`${{inputs.X}}`, and every use of that definition gives X another job's output
(`${{parent.jobs.J.outputs.Y}}`, `job.outputs.y`). A pipeline input, a path, a registered asset,
a job submitted on its own (`ml_client.jobs.create_or_update(evaluate)`), a component no use of
which is found, or a definition that cannot be read keeps the load's finding: whoever starts
the job chooses those. Definitions are looked for below the folder three levels above the
script's (pipelines live beside the code they run: `mlops/azureml/train/pipeline.yml` next to
`data-science/src/`), within bounds; past a bound nothing is fed (fail closed). Other ways of
running the script (a test, a Makefile) start it with their own files and are not looked at.
Only YAML and syntax trees are read; nothing is imported or run.
"""

from __future__ import annotations

import ast
import json
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from hooks._core.paths import run_generation
from hooks.code.command_origin import CommandOrigins
from hooks.code.dotted_names import dotted_name

_LEVELS = 3  # folders above the script's where its pipeline definitions may live
_MAX_ENTRIES = 20_000  # directory entries looked through below that folder
_MAX_READ = 2_000  # candidate files read
_MAX_YAML_BYTES = 1 << 20
_MAX_PYTHON_BYTES = 16 << 20  # a notebook with its outputs
_MAX_NODES = 50_000  # YAML values walked in one file
_SKIPPED_FOLDERS = frozenset({".git", "node_modules", "__pycache__", ".venv", "venv", ".tox", "site-packages"})
_INPUT = re.compile(r"\$\{\{\s*inputs\.([A-Za-z_][\w-]*)\s*\}\}")
_JOB_OUTPUT = re.compile(r"\$\{\{\s*parent\.jobs\.[A-Za-z_][\w-]*\.outputs\.[A-Za-z_][\w-]*\s*\}\}")
_PYTHON_RUN = re.compile(r"python[\w.]*\s+(?:-\w+\s+)*([^\s'\"]+\.py)\b")
_PYTHON = re.compile(r"(?:.*/)?python(?:\d+(?:\.\d+)?)?")
_SDK = "azure.ai.ml"


@dataclass(frozen=True)
class Command:
    """One `python script.py --option ${{inputs.name}} ...` a definition runs."""

    script: str  # the script's real path
    options: tuple[tuple[str, str], ...]  # (option, input)


@dataclass
class _Facts:
    """What the definitions below one folder say."""

    definitions: dict[str, list[Command]] = field(default_factory=dict)  # definition -> what it runs
    uses: dict[str, list[frozenset[str] | None]] = field(default_factory=dict)  # fed inputs; None: unread
    unknown: set[str] = field(default_factory=set)  # names of scripts a definition runs that was not read
    complete: bool = True

    def use(self, definition: str, fed: frozenset[str] | None) -> None:
        self.uses.setdefault(definition, []).append(fed)


_facts_cache: dict[tuple[str, int], _Facts] = {}


def fed_options(script: Path) -> frozenset[str]:
    """The options (`--model_input`) every Azure ML definition found that runs `script` gives
    another job's output, in every use of it; empty when any of that cannot be told."""
    try:
        real = os.path.realpath(script)
    except (OSError, ValueError):
        return frozenset()
    folder = Path(real).parent
    for _ in range(_LEVELS):
        if os.path.lexists(folder / ".git") or folder.parent == folder:
            break
        folder = folder.parent
    key = (str(folder), run_generation())
    if key not in _facts_cache:
        if len(_facts_cache) > 64:
            _facts_cache.clear()
        _facts_cache[key] = _facts_under(folder)
    facts = _facts_cache[key]
    if not facts.complete or posixpath.basename(real) in facts.unknown:
        return frozenset()
    fed: set[str] | None = None
    for definition, commands in facts.definitions.items():
        for command in commands:
            if command.script != real:
                continue
            uses = facts.uses.get(definition, [])
            if not uses:
                return frozenset()  # a component nobody is seen using: whoever uses it chooses
            for use in uses:
                if use is None:
                    return frozenset()
                given = {option for option, name in command.options if name in use}
                fed = given if fed is None else fed & given
    return frozenset(fed or ())


def _facts_under(folder: Path) -> _Facts:
    facts = _Facts()
    entries = 0
    read = 0
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as listing:
                found = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in found:
            entries += 1
            if entries > _MAX_ENTRIES:
                facts.complete = False
                return facts
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in _SKIPPED_FOLDERS:
                        stack.append(Path(entry.path))
                    continue
                if not entry.is_file(follow_symlinks=False):
                    continue
                name = entry.name.lower()
                yaml_file = name.endswith((".yml", ".yaml"))
                if not (yaml_file or name.endswith((".py", ".ipynb"))):
                    continue
                size = entry.stat(follow_symlinks=False).st_size
            except OSError:
                continue
            read += 1
            if read > _MAX_READ:
                facts.complete = False
                return facts
            limit = _MAX_YAML_BYTES if yaml_file else _MAX_PYTHON_BYTES
            text = _read(Path(entry.path), limit)
            if text is None:
                continue
            if size > limit and ("${{" in text or _SDK in text):
                facts.complete = False  # a definition we cannot read whole may run anything
                return facts
            if yaml_file:
                _read_yaml(Path(entry.path), text, facts)
            elif _SDK in text:
                _read_python(Path(entry.path), text, facts)
    return facts


def _read(path: Path, limit: int) -> str | None:
    try:
        with path.open("rb") as handle:
            return handle.read(limit).decode("utf-8", "replace")
    except OSError:
        return None


def _unreadable(text: str, facts: _Facts) -> None:
    """A definition that cannot be read: the scripts it names are run in ways nobody saw."""
    facts.unknown.update(posixpath.basename(match.group(1)) for match in _PYTHON_RUN.finditer(text))


# YAML ---------------------------------------------------------------------------------------


def _read_yaml(path: Path, text: str, facts: _Facts) -> None:
    if "${{" not in text and "component" not in text:
        return  # neither a definition with inputs nor a pipeline that uses components
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        # Aliases are not followed (nested ones grow exponentially): such a file is not read.
        if "*" in text and any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=loader)):
            _unreadable(text, facts)
            return
        documents = list(yaml.load_all(text, Loader=loader))  # nosec B506 - CSafeLoader or SafeLoader
    except (yaml.YAMLError, ValueError, RecursionError, MemoryError):
        _unreadable(text, facts)
        return
    if _size(documents) > _MAX_NODES:
        _unreadable(text, facts)
        return
    for document in documents:
        if isinstance(document, dict):
            _read_definition(path, document, facts)


def _size(value: object) -> int:
    count = 0
    stack = [value]
    while stack and count <= _MAX_NODES:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def _read_definition(path: Path, document: dict[object, object], facts: _Facts) -> None:
    here = path.parent
    jobs = document.get("jobs")
    if isinstance(jobs, dict):
        for name, job in jobs.items():
            if isinstance(job, dict):
                _read_job(path, str(name), job, facts)
        return
    if "command" not in document:
        return
    commands = _commands(document, here)
    if commands is None:
        _unreadable(str(document.get("command", "")), facts)
        return
    definition = os.path.realpath(path)
    facts.definitions[definition] = commands
    if "component" not in str(document.get("$schema", "")).lower():
        facts.use(definition, frozenset())  # a job started on its own: its inputs are paths, not outputs


def _read_job(path: Path, name: str, job: dict[object, object], facts: _Facts) -> None:
    inputs = job.get("inputs")
    fed = frozenset(
        str(key)
        for key, value in (inputs.items() if isinstance(inputs, dict) else ())
        if isinstance(value, str) and _JOB_OUTPUT.fullmatch(value.strip())
    )
    component = job.get("component")
    if isinstance(component, str):
        reference = component.strip()
        if reference.startswith("file:"):
            reference = reference[len("file:") :]
        if ":" in reference or not reference:
            return  # a registered component (`azureml:name:1`): its code is not here
        facts.use(os.path.realpath(path.parent / reference), fed)
        return
    if "command" not in job:
        return
    commands = _commands(job, path.parent)
    if commands is None:
        _unreadable(str(job.get("command", "")), facts)
        return
    definition = f"{os.path.realpath(path)}#{name}"
    facts.definitions[definition] = commands
    facts.use(definition, fed)


def _commands(spec: dict[object, object], here: Path) -> list[Command] | None:
    """What a command job or component runs; None when it cannot be read."""
    code, command = spec.get("code"), spec.get("command")
    if not isinstance(command, str):
        return None
    if code is None:
        return []  # no code folder: it runs what its image holds, none of this repository's scripts
    if not isinstance(code, str):
        return None
    return _parsed_command(code, command, [here])


def _parsed_command(code: str, command: str, folders: list[Path]) -> list[Command] | None:
    code = code.strip()
    if code.startswith("file:"):
        code = code[len("file:") :]
    if not code or re.match(r"[A-Za-z][\w+.-]*:", code):
        return [] if code else None  # `azureml:`, `git+https:`: code from elsewhere
    # `$[[--option ${{inputs.x}}]]` is an option Azure ML drops when the input is not given.
    text = command.replace("$[[", " ").replace("]]", " ")
    import shlex

    try:
        words = shlex.split(text, comments=False, posix=True)
    except ValueError:
        return None
    found: list[Command] = []
    index = 0
    while index < len(words):
        if not _PYTHON.fullmatch(words[index]):
            index += 1
            continue
        index += 1
        while index < len(words) and words[index].startswith("-") and not words[index].endswith(".py"):
            if words[index] in ("-m", "-c"):
                break  # a module or a string of code: no script file of the code folder
            index += 1
        if index >= len(words) or not words[index].endswith(".py"):
            continue
        relative = words[index]
        index += 1
        options: list[tuple[str, str]] = []
        while index < len(words) and not _PYTHON.fullmatch(words[index]) and words[index] not in ("&&", ";", "|"):
            word = words[index]
            value: str | None = None
            option = word
            if word.startswith("--") and "=" in word:
                option, value = word.split("=", 1)
            elif word.startswith("-") and index + 1 < len(words):
                value = words[index + 1]
            matched = _INPUT.fullmatch(value.strip()) if value is not None else None
            if matched and option.startswith("-"):
                options.append((option, matched.group(1)))
            index += 1
        script = _script(code, relative, folders)
        if script is None:
            return None
        found.append(Command(script, tuple(options)))
    return found


def _script(code: str, relative: str, folders: list[Path]) -> str | None:
    """The script's real path: the code folder taken from each candidate folder in turn (the
    definition's own, then for an SDK script the folders above it), the first that holds it."""
    if code.startswith("/") or relative.startswith("/"):
        return None
    for folder in folders:
        candidate = folder / code / relative
        try:
            if candidate.is_file():
                return os.path.realpath(candidate)
        except OSError:
            continue
    return None


# Python SDK ---------------------------------------------------------------------------------


def _read_python(path: Path, text: str, facts: _Facts) -> None:
    if path.suffix.lower() == ".ipynb":
        sources = _notebook_sources(text)
        if sources is None:
            _unreadable(text, facts)
            return
        folders = [path.parent]  # a notebook runs in its own folder
    else:
        sources = [text]
        folders = [path.parent, *list(path.parent.parents)[:_LEVELS]]  # a script runs from somewhere above
    body: list[ast.stmt] = []
    for source in sources:
        try:
            body.extend(ast.parse(source).body)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            if "command(" in source or "load_component" in source:
                _unreadable(source, facts)
                for name in re.findall(r"[\w.-]+\.ya?ml", source):
                    facts.use(os.path.realpath(path.parent / name), None)
    _SdkDefinitions(path, folders, facts).read(ast.Module(body=body, type_ignores=[]))


def _notebook_sources(text: str) -> list[str] | None:
    try:
        notebook = json.loads(text)
    except (ValueError, RecursionError):
        return None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        return None
    sources = []
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        # Shell lines and magics are not Python; what they run is not a definition.
        sources.append("\n".join("" if line.lstrip().startswith(("!", "%")) else line for line in source.splitlines()))
    return sources


class _SdkDefinitions:
    """`V = command(code=..., command=...)` and `V = load_component(source=...)` at any level, and
    every use of V: a call with keyword inputs (inside a pipeline function), or anything else."""

    def __init__(self, path: Path, folders: list[Path], facts: _Facts) -> None:
        self.path = path
        self.folders = folders
        self.facts = facts
        self.constants: dict[str, str] = {}
        self.bound: dict[str, str] = {}  # name -> definition

    def read(self, module: ast.Module) -> None:
        counts: dict[str, int] = {}
        for node in ast.walk(module):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                counts[node.id] = counts.get(node.id, 0) + 1
        for node in ast.walk(module):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                name = node.targets[0].id
                text = self._text(node.value)
                if text is not None and counts.get(name) == 1:
                    self.constants[name] = text
        builders: set[int] = set()
        for node in ast.walk(module):
            if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
                continue
            definition = self._definition(node.value)
            if definition is None:
                continue
            builders.add(id(node.value))
            target = node.targets[0] if len(node.targets) == 1 else None
            if isinstance(target, ast.Name) and counts.get(target.id) == 1:
                self.bound[target.id] = definition
            else:
                self.facts.use(definition, None)
        for node in ast.walk(module):
            if isinstance(node, ast.Call) and id(node) not in builders and self._builder(node) is not None:
                definition = self._definition(node)
                if definition is not None:
                    self.facts.use(definition, frozenset())  # built and submitted as it is
        called: set[int] = set()
        for node in ast.walk(module):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in self.bound:
                called.add(id(node.func))
                self.facts.use(self.bound[node.func.id], _fed_keywords(node))
        for node in ast.walk(module):
            if (
                isinstance(node, ast.Name)
                and isinstance(node.ctx, ast.Load)
                and node.id in self.bound
                and id(node) not in called
            ):
                self.facts.use(self.bound[node.id], None)  # handed on: submitted or changed elsewhere

    def _builder(self, call: ast.Call) -> str | None:
        name = dotted_name(call.func).rsplit(".", 1)[-1]
        return name if name in ("command", "load_component") else None

    def _definition(self, call: ast.Call) -> str | None:
        builder = self._builder(call)
        if builder == "load_component":
            given = call.args[0] if call.args else _keyword(call, "source") or _keyword(call, "path")
            source = self._text(given) if given is not None else None
            if source is None:
                return None
            for folder in self.folders:
                candidate = folder / source
                if candidate.is_file():
                    return os.path.realpath(candidate)
            return None
        if builder != "command":
            return None
        code, command = _keyword(call, "code"), _keyword(call, "command")
        code_text = self._text(code) if code is not None else None
        command_text = self._text(command) if command is not None else None
        definition = f"{os.path.realpath(self.path)}@{call.lineno}:{call.col_offset}"
        if command_text is None or (code is not None and code_text is None):
            self.facts.unknown.update(
                posixpath.basename(match.group(1)) for match in _PYTHON_RUN.finditer(ast.unparse(call))
            )
            return None
        commands = [] if code_text is None else _parsed_command(code_text, command_text, self.folders)
        if commands is None:
            _unreadable(command_text, self.facts)
            return None
        self.facts.definitions[definition] = commands
        return definition

    def _text(self, node: ast.AST | None, depth: int = 0) -> str | None:
        """A string the code spells out: constants, `+` of them, names bound once to them,
        `os.path.join` and `Path(...) / ...` of them."""
        if node is None or depth > 16:
            return None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return self.constants.get(node.id)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Div)):
            left, right = self._text(node.left, depth + 1), self._text(node.right, depth + 1)
            if left is None or right is None:
                return None
            return left + right if isinstance(node.op, ast.Add) else posixpath.join(left, right)
        if isinstance(node, ast.Call) and not node.keywords:
            name = dotted_name(node.func)
            parts = [self._text(argument, depth + 1) for argument in node.args]
            if any(part is None for part in parts) or not parts:
                return None
            texts = [part for part in parts if part is not None]
            if name in ("os.path.join", "posixpath.join", "path.join"):
                return posixpath.join(*texts)
            if name in ("Path", "pathlib.Path", "str") and len(texts) == 1:
                return texts[0]
        return None


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((keyword.value for keyword in call.keywords if keyword.arg == name), None)


def _fed_keywords(call: ast.Call) -> frozenset[str] | None:
    """The inputs a use of a definition gives another job's output (`train.outputs.model`)."""
    if call.args or any(keyword.arg is None for keyword in call.keywords):
        return None  # positional or `**inputs`: which input gets what is not written here
    return frozenset(keyword.arg for keyword in call.keywords if keyword.arg and _job_output(keyword.value))


def _job_output(node: ast.AST) -> bool:
    """`train.outputs.model_output`, `train.outputs["model_output"]`: an output of a job the
    pipeline function built (a name; a pipeline's own inputs are its parameters, read bare)."""
    if isinstance(node, ast.Attribute):
        holder: ast.AST = node.value
    elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        holder = node.value
    else:
        return False
    return isinstance(holder, ast.Attribute) and holder.attr == "outputs" and isinstance(holder.value, ast.Name)


# The script's side ---------------------------------------------------------------------------


def option_destinations(module: ast.Module, options: frozenset[str]) -> frozenset[str]:
    """The attributes `parse_args()` sets for the options (`--model_input` -> `model_input`), from
    the script's `add_argument` calls; an option defined twice, or not at all, gives none."""
    found: dict[str, list[str]] = {}
    for node in ast.walk(module):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr != "add_argument":
            continue
        names = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        dest = _keyword(node, "dest")
        if dest is not None and not (isinstance(dest, ast.Constant) and isinstance(dest.value, str)):
            continue
        longs = [name for name in names if name.startswith("--")]
        shorts = [name for name in names if name.startswith("-") and not name.startswith("--")]
        if isinstance(dest, ast.Constant):
            attribute = str(dest.value)
        elif longs:
            attribute = longs[0][2:].replace("-", "_")
        elif shorts:
            attribute = shorts[0][1:].replace("-", "_")
        else:
            continue
        for name in names:
            found.setdefault(name, []).append(attribute)
    return frozenset(attributes[0] for option in options if len(attributes := found.get(option, [])) == 1)


_PATH_CALLS = frozenset(
    {"os.path.join", "posixpath.join", "Path", "pathlib.Path", "str", "os.fspath", "os.path.abspath"}
)


def built_from_options(
    node: ast.AST,
    function: ast.FunctionDef | ast.AsyncFunctionDef | None,
    attributes: frozenset[str],
    origins: CommandOrigins,
) -> bool:
    """Whether a load's path is one of those options (`args.model_input`), or a path built from
    one and constants (`os.path.join(args.model_dir, "model.pt")`, `Path(args.model) / "m.pkl"`,
    a name bound only to such a value): a file inside what the pipeline put there."""
    found: list[str] = []

    def built(value: ast.AST, function: ast.FunctionDef | ast.AsyncFunctionDef | None, depth: int) -> bool:
        if depth > 12:
            return False
        if isinstance(value, ast.Constant):
            return isinstance(value.value, str)
        option = origins.parsed_option(value, function)
        if option is not None:
            found.append(option)
            return option in attributes
        if isinstance(value, ast.Name):
            bound = origins.bound_values(value.id, function)
            if bound is None or not bound[0]:
                return False  # a parameter, or bound nowhere: whatever the caller passes
            values, scope = bound
            return all(isinstance(v, ast.expr) and built(v, scope, depth + 1) for v in values)
        if isinstance(value, ast.BinOp) and isinstance(value.op, (ast.Add, ast.Div)):
            return built(value.left, function, depth + 1) and built(value.right, function, depth + 1)
        if isinstance(value, ast.JoinedStr):
            return all(built(part, function, depth + 1) for part in value.values)
        if isinstance(value, ast.FormattedValue):
            return value.format_spec is None and built(value.value, function, depth + 1)
        if isinstance(value, ast.Call) and not value.keywords and dotted_name(value.func) in _PATH_CALLS:
            return bool(value.args) and all(built(argument, function, depth + 1) for argument in value.args)
        return False

    return built(node, function, 0) and bool(found)
