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
then, inside an `@pipeline` function, `trained = train(...)` and
`evaluate(model_input=trained.outputs.model_output)`. Before `evaluate.py` starts, the platform
puts what the training job wrote where `--model_input` points, so
`mlflow.sklearn.load_model(args.model_input)` reads the pipeline's own model, as a SageMaker step
reads the previous step's (pipeline_inputs.py). What the script does with the option is judged
in azureml_script.py.

`runs_of` gives every run of the script found: each definition's command, read whole, with the
inputs each use of it feeds from another job; azureml_script.py decides which word of a command
argparse takes for an option and what the script does with it. Read whole means `python[3] [-u]
script.py` followed only by options whose values are `${{inputs.x}}`, `${{outputs.x}}` or plain
words: a shell operator, a `$` expansion, a backtick, an `@file`, `--`, an optional `$[[...]]`
block, a no-break space, `cd`, `torchrun`, `python -m` or a second command makes the scripts it
names unknown, as does any other text of a definition that names the script (a spark or parallel
job's entry, a sweep's trial, another script's option, a `%%writefile` body). A pipeline input, a
path, a registered asset, a job submitted on its own, a component nobody is seen using (or that a
module could import, or that a registered reference may name by any part of it) keep the load's
finding: whoever starts the job chooses those.

Definitions are looked for below the folder three levels above the script's (pipelines live
beside the code they run: `mlops/azureml/train/pipeline.yml` next to `data-science/src/`), within
bounds. Nothing there is fed when anything may run the script unseen: a bound passed, a symbolic
link, a YAML or JSON file that does not parse (or uses aliases), SDK code or a notebook cell that
does not parse, a builder whose command or file is not spelled out, SDK code touching a job's
`inputs` (`step.inputs.x = ...`, `load_job(...)` then a change), or `az ml job create --set ...
inputs...` in any script, task or settings file. A definition farther away is not seen: that is
the limit of this reading. Other ways of starting the script (a test, a Makefile) pass their own
files and are not looked at. Only YAML, JSON and syntax trees are read; nothing is imported or run.
"""

from __future__ import annotations

import ast
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from hooks._core.paths import run_generation
from hooks.code.definition_files import Unbounded, load_documents, read_head, regular_files
from hooks.code.dotted_names import dotted_name
from hooks.code.tree_nodes import nodes_of

_LEVELS = 3  # folders above the script's where its pipeline definitions may live
_MAX_ENTRIES = 20_000  # directory entries looked through below that folder
_MAX_READ = 5_000  # candidate files read
_MAX_YAML_BYTES = 1 << 20
_MAX_PYTHON_BYTES = 16 << 20  # a notebook with its outputs
_SKIPPED_FOLDERS = frozenset({".git", "node_modules", "__pycache__", "site-packages"})
_MAX_TEXT = 4096  # characters of a string the SDK reader spells out (`a1 = a0 + a0` doubles it)
_INPUT = re.compile(r"\$\{\{inputs\.([A-Za-z_][\w-]{0,100})\}\}")
_PLACEHOLDER = re.compile(r"\$\{\{(?:inputs|outputs)\.[A-Za-z_][\w-]{0,100}\}\}")
_JOB_OUTPUT = re.compile(r"\$\{\{\s*parent\.jobs\.[A-Za-z_][\w-]{0,100}\.outputs\.[A-Za-z_][\w-]{0,100}\s*\}\}")
_PLAIN_WORD = re.compile(r"[\w./:=,+-]{1,1000}")  # a value with nothing a shell or argparse expands
_PYTHON = re.compile(r"python(?:3(?:\.\d{1,2})?)?")
_SDK_BUILDERS = frozenset({"command", "load_component"})
_PIPELINE_DECORATORS = frozenset({"pipeline", "dsl.pipeline"})
_MODULE_RUN = re.compile(r"(?<!\S)-m\s{1,100}([A-Za-z_][\w.]{0,200})")
_WORD = re.compile(r"[^\s'\"`;&|<>()=\[\]{},]{1,1000}")  # a word of a text, for the names it mentions


@dataclass(frozen=True)
class Command:
    """One `python script.py --option ${{inputs.name}} ...` a definition runs."""

    script: str  # the script's real path
    options: tuple[tuple[str, str], ...]  # (option, input) for each option given `${{inputs.x}}`
    words: tuple[str, ...] = ()  # every option word given, as written before any `=`


@dataclass
class _Facts:
    """What the definitions below one folder say."""

    definitions: dict[str, list[Command]] = field(default_factory=dict)  # definition -> what it runs
    uses: dict[str, list[frozenset[str] | None]] = field(default_factory=dict)  # fed inputs; None: unread
    unknown: set[str] = field(default_factory=set)  # names of scripts run in ways not read
    component_names: dict[str, str] = field(default_factory=dict)  # component's `name:` -> its definition
    registered: set[str] = field(default_factory=set)  # names used as registered components
    unknown_yaml: set[str] = field(default_factory=set)  # file names of definitions used in ways not read
    complete: bool = True

    def use(self, definition: str, fed: frozenset[str] | None) -> None:
        self.uses.setdefault(definition, []).append(fed)

    def mentioned(self, text: str, accounted: set[str] | None = None) -> None:
        """Scripts and definition files a text names that no command read from it accounts for
        (`python -m package.evaluate` runs `evaluate.py`)."""
        for module in _MODULE_RUN.findall(text):
            self.unknown.add(module.rsplit(".", 1)[-1].lower() + ".py")
        for word in _WORD.findall(text):
            name = posixpath.basename(word).lower()
            if name.endswith(".py") and name not in (accounted or set()):
                self.unknown.add(name)
            elif name.endswith((".yml", ".yaml")):
                self.unknown_yaml.add(name)


_facts_cache: dict[tuple[str, int], _Facts] = {}


Run = tuple[Command, frozenset[str]]  # a command, and the inputs one use of it feeds from other jobs


def runs_of(script: Path) -> list[Run] | None:
    """Every Azure ML run of `script` found: each definition's command with each use's fed
    inputs. None when any run may go unseen (see the module's doc)."""
    try:
        return _runs_of(script)
    except (OSError, ValueError, RecursionError, MemoryError):
        return None


def _runs_of(script: Path) -> list[Run] | None:
    real = os.path.realpath(script)
    folder = Path(real).parent
    for _ in range(_LEVELS):
        # A repository's top holds a `.git` folder; a `.git` file (a submodule's, a worktree's) is
        # not where the definitions that may run the script end.
        if (folder / ".git").is_dir() or folder.parent == folder:
            break
        folder = folder.parent
    key = (str(folder), run_generation())
    if key not in _facts_cache:
        if len(_facts_cache) > 64:
            _facts_cache.clear()
        _facts_cache[key] = _facts_under(folder)
    facts = _facts_cache[key]
    if not facts.complete or posixpath.basename(real).lower() in facts.unknown:
        return None
    runs: list[Run] = []
    for definition, commands in facts.definitions.items():
        for command in commands:
            if command.script != real:
                continue
            uses = facts.uses.get(definition, [])
            if not uses or _used_unseen(definition, facts):
                return None  # nobody is seen using it, or someone uses it in a way not read
            for use in uses:
                if use is None:
                    return None
                runs.append((command, use))
    return runs


def _used_unseen(definition: str, facts: _Facts) -> bool:
    """A definition file named where no use was read (a `load_job`, an `--set` override, an SDK
    entity class), or a component whose `name:` a pipeline uses as a registered component."""
    path = definition.split("#", 1)[0]
    if posixpath.basename(path).lower() in facts.unknown_yaml:
        return True
    names = {name for name, named in facts.component_names.items() if named == definition}
    return bool(names & facts.registered)


def _facts_under(folder: Path) -> _Facts:
    facts = _Facts()
    read = 0
    try:
        for entry in regular_files(folder, _MAX_ENTRIES, _skipped, unlistable_ok=True):
            kind = _kind(entry.name.lower())
            if kind is None:
                continue
            try:
                size = entry.stat(follow_symlinks=False).st_size
            except OSError:
                continue
            read += 1
            if read > _MAX_READ:
                facts.complete = False
                return facts
            limit = _MAX_PYTHON_BYTES if kind == "python" else _MAX_YAML_BYTES
            text = read_head(Path(entry.path), limit)
            if text is None:
                continue
            if _overrides_inputs(text):
                facts.complete = False  # `az ml job create --set ...inputs...`: the wiring changes at submit time
                return facts
            if size > limit and (".py" in text or "azure" in text):
                facts.complete = False  # a definition we cannot read whole may run anything
                return facts
            if kind == "yaml":
                _read_yaml(Path(entry.path), text, facts)
            elif kind == "python" and "azure" in text:
                _read_python(Path(entry.path), text, facts)
            if not facts.complete:
                return facts  # a definition that could not be read may run the script any way
    except Unbounded:
        facts.complete = False  # past the bounds, or a symbolic link: a definition would go unseen
        return facts
    _registered_components(facts)
    return facts


def _skipped(entry: os.DirEntry[str]) -> bool:
    """Folders that hold no definitions: VCS data, dependencies, caches, and a virtual
    environment (it holds `pyvenv.cfg`), which is installed code."""
    return entry.name in _SKIPPED_FOLDERS or (Path(entry.path) / "pyvenv.cfg").is_file()


def _kind(name: str) -> str | None:
    """What a file is read as: YAML (JSON is YAML too: a `load_job("job.json")`), Python, or other
    text that may submit a job with overrides (scripts, task runners, project settings)."""
    if name.endswith((".yml", ".yaml", ".json")):
        return "yaml"
    if name.endswith((".py", ".ipynb")):
        return "python"
    if name.endswith(_SUBMITTING_SUFFIXES) or name in _SUBMITTING_NAMES or "." not in name:
        return "shell"
    return None


_SUBMITTING_SUFFIXES = (".sh", ".bash", ".zsh", ".ps1", ".bat", ".cmd", ".mk", ".toml", ".cfg", ".ini", ".txt")
_SUBMITTING_NAMES = frozenset({"makefile", "justfile", "taskfile", "dockerfile"})


def _overrides_inputs(text: str) -> bool:
    """`az ml job create ... --set jobs.evaluate.inputs.model_input.path=...` (or `.command=`,
    `.environment_variables.PYTHONPATH=`: any override changes what the definition says)."""
    return "az ml" in text and "--set" in text


def _registered_components(facts: _Facts) -> None:
    """Components a registered reference may name (`azureml:evaluate@latest`,
    `azureml://registries/r/components/evaluate/versions/1`, an ARM id, `components.get("evaluate")`)
    are used unseen: every part of the reference counts as a name."""
    for name, definition in facts.component_names.items():
        if name in facts.registered:
            facts.use(definition, None)


# YAML ---------------------------------------------------------------------------------------


def _read_yaml(path: Path, text: str, facts: _Facts) -> None:
    if path.suffix.lower() == ".json" and "command" not in text and "component" not in text:
        return  # data, not a job (YAML escapes may hide words; JSON's `\u` ones are judged below)
    documents = load_documents(text)
    if documents is None:
        _unreadable(text, facts)
        return
    parsed: set[int] = set()  # command strings read whole (by identity)
    for document in documents:
        if isinstance(document, dict):
            _read_definition(path, document, facts, parsed)
    # Any other text of the file that names a script runs it in a way not read.
    stack: list[object] = list(documents)
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and id(item) not in parsed and ".py" in item.lower():
            facts.mentioned(item)


def _unreadable(text: str, facts: _Facts) -> None:
    """A YAML file that cannot be read: if it may be a definition, nothing below the folder is fed."""
    lowered = text.lower()
    if "command" in lowered or "component" in lowered or ".py" in lowered or "\\" in text:
        facts.complete = False
    facts.mentioned(text)


def _read_definition(path: Path, document: dict[object, object], facts: _Facts, parsed: set[int]) -> None:
    jobs = document.get("jobs")
    if isinstance(jobs, dict):
        for name, job in jobs.items():
            if isinstance(job, dict):
                _read_job(path, str(name), job, facts, parsed)
        return
    if "command" not in document:
        return
    definition = os.path.realpath(path)
    commands = _commands(document, path.parent, facts, parsed)
    if commands is None:
        return
    facts.definitions[definition] = commands
    name = document.get("name")
    if isinstance(name, str):
        facts.component_names[name.strip()] = definition
    if "component" not in str(document.get("$schema", "")).lower():
        facts.use(definition, frozenset())  # a job started on its own: its inputs are paths, not outputs


def _read_job(path: Path, name: str, job: dict[object, object], facts: _Facts, parsed: set[int]) -> None:
    inputs = job.get("inputs")
    fed = frozenset(
        str(key)
        for key, value in (inputs.items() if isinstance(inputs, dict) else ())
        if isinstance(value, str) and _JOB_OUTPUT.fullmatch(value.strip())
    )
    reference = job.get("component", job.get("trial"))
    variables = job.get("environment_variables")
    if variables is not None and (
        not isinstance(variables, dict) or any(str(k).upper().startswith("PYTHON") for k in variables)
    ):
        fed = frozenset()  # `PYTHONPATH` set for this use: the script may import another `argparse`
        if not isinstance(reference, str):
            facts.mentioned(str(job.get("command", "")))
            return
    if isinstance(reference, str):
        text = reference.strip()
        if text.startswith("file:"):
            text = text[len("file:") :]
        if not text or ":" in text or "\x00" in text or text.startswith("/"):
            # `azureml:evaluate:1`, `azureml://registries/...`, an ARM id: a registered component
            # built from a definition of one of these names
            facts.registered.update(part for part in re.split(r"[:/@]", text) if part)
            return
        facts.use(os.path.realpath(path.parent / text), fed)
        return
    if isinstance(reference, dict):
        if "jobs" in reference:
            _read_definition(path, reference, facts, parsed)  # an inline pipeline component
            return
        job = {**reference, "inputs": inputs}  # an inline component: its command, the job's inputs
    if "command" not in job:
        return
    commands = _commands(job, path.parent, facts, parsed)
    if commands is None:
        return
    definition = f"{os.path.realpath(path)}#{name}"
    facts.definitions[definition] = commands
    facts.use(definition, fed)


def _sets_python(variables: object) -> bool:
    """`environment_variables` a definition cannot be read past, or that set `PYTHONPATH`,
    `PYTHONSTARTUP`, ...: the script may import other modules than the ones it names."""
    if variables is None:
        return False
    return not isinstance(variables, dict) or any(str(key).upper().startswith("PYTHON") for key in variables)


def _commands(spec: dict[object, object], here: Path, facts: _Facts, parsed: set[int]) -> list[Command] | None:
    """What a command job or component runs; None (its scripts made unknown) when it cannot be read."""
    code, command = spec.get("code"), spec.get("command")
    if not isinstance(command, str):
        return None
    variables = spec.get("environment_variables")
    if variables is not None and (
        not isinstance(variables, dict) or any(str(k).upper().startswith("PYTHON") for k in variables)
    ):
        facts.mentioned(command)  # `PYTHONPATH: shim`: the script imports other modules than its own
        return None
    if code is None:
        facts.mentioned(command)  # no code folder: whatever it names is not this repository's file
        return None
    if not isinstance(code, str):
        facts.mentioned(command)
        return None
    found = parsed_command(code, command, [here])
    if found is None:
        facts.mentioned(command)
        return None
    parsed.add(id(command))
    # `python launch.py --script evaluate.py`: another script the command names runs unseen
    facts.mentioned(command, {posixpath.basename(c.script).lower() for c in found})
    return found


def parsed_command(code: str, command: str, folders: list[Path]) -> list[Command] | None:
    """The script a command runs and the options it gives `${{inputs.x}}`, when the command is
    read whole (see the module's doc); None otherwise."""
    code = code.strip()
    if code.startswith("file:"):
        code = code[len("file:") :]
    if not code or "\x00" in code or re.match(r"[A-Za-z][\w+.-]*:", code):
        return None  # `azureml:`, `git+https:`: code from elsewhere
    if re.search(r"[^\S \t\n]", command):
        return None  # a no-break space or a carriage return: the shell does not split there, Python does
    words = command.replace("\\\n", " ").split()
    if not words or len(words) > 1000 or "\n" in command.replace("\\\n", " ").strip():
        return None  # several lines of a literal block are several commands
    index = 0
    if not _PYTHON.fullmatch(words[0]):
        return None
    index = 1
    if index < len(words) and words[index] == "-u":
        index += 1
    if index >= len(words) or not words[index].endswith(".py") or not _PLAIN_WORD.fullmatch(words[index]):
        return None
    relative = words[index]
    rest = words[index + 1 :]
    options: list[tuple[str, str]] = []
    given: list[str] = []
    position = 0
    while position < len(rest):
        word = rest[position]
        if not word.startswith("-") or word == "--" or word.startswith("---"):
            return None  # a positional word: which option it belongs to is argparse's guess
        value: str | None = None
        option = word
        if "=" in word:
            option, value = word.split("=", 1)
        elif position + 1 < len(rest) and not rest[position + 1].startswith("-"):
            position += 1
            value = rest[position]
        if not _PLAIN_WORD.fullmatch(option):
            return None
        if value is not None and not (_PLACEHOLDER.fullmatch(value) or _PLAIN_WORD.fullmatch(value)):
            return None  # `$VAR`, `$(...)`, a backtick, `@file`, `$[[`: the shell or argparse adds words
        given.append(option)
        matched = _INPUT.fullmatch(value) if value is not None else None
        if matched:
            options.append((option, matched.group(1)))
        position += 1
    # argparse keeps the last of repeated options and matches unique prefixes (`--model_in`):
    # an option counts only when no other word of the command may stand for it.
    # Which of these words argparse takes for which option (repeats, prefixes, other spellings of
    # the same option) is the script's to say: azureml_script.py judges them against its parser.
    script = _script(code, relative, folders)
    if script is None:
        return None
    return [Command(script, tuple(options), tuple(given))]


def _script(code: str, relative: str, folders: list[Path]) -> str | None:
    """The script's real path: the code folder taken from the candidate folders (the definition's
    own; for an SDK script also the folders above it, where it may be run from). None when no
    folder holds it, or more than one does (which one the SDK resolves depends on where it runs)."""
    if code.startswith("/") or relative.startswith("/") or ".." in Path(relative).parts:
        return None
    found = set()
    for folder in folders:
        candidate = folder / code / relative
        try:
            if candidate.is_file():
                found.add(os.path.realpath(candidate))
        except (OSError, ValueError):
            return None
    return found.pop() if len(found) == 1 else None


# Python SDK ---------------------------------------------------------------------------------


def _read_python(path: Path, text: str, facts: _Facts) -> None:
    notebook = path.suffix.lower() == ".ipynb"
    if notebook:
        read = _notebook_sources(text)
        if read is None:
            _unreadable(text, facts)
            return
        sources, texts = read
        for other in texts:
            facts.mentioned(other)  # shell lines, magics, `%%writefile` bodies: the names they give
        folders = [path.parent]  # a notebook runs in its own folder
    else:
        sources = [text]
        folders = [path.parent, *list(path.parent.parents)[:_LEVELS]]  # a script runs from somewhere above
    body: list[ast.stmt] = []
    for source in sources:
        try:
            body.extend(ast.parse(source).body)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            facts.complete = False  # SDK code that cannot be read may define or use anything
            return
    _SdkDefinitions(path, folders, facts, importable=not notebook).read(ast.Module(body=body, type_ignores=[]))


def _notebook_sources(text: str) -> tuple[list[str], list[str]] | None:
    """A notebook's code cells as IPython runs them (hooks/code/cells.py), and the text of their
    shell lines, magics and `%%writefile` bodies."""
    from hooks._core.notebooks import load_json
    from hooks.code.cells import transform_cell

    try:
        notebook = load_json(text)
    except (ValueError, RecursionError):
        return None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        return None
    sources: list[str] = []
    texts: list[str] = []
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(str(part) for part in source) if isinstance(source, list) else str(source)
        transformed = transform_cell(source)
        if transformed.other_language is not None or transformed.unknown_magic is not None:
            texts.append(source)  # `%%bash`, `%%html`, a magic IPython does not ship: its words
            continue
        sources.append(transformed.python)
        texts.extend(command for _, command in transformed.shell)
        texts.extend(magic for _, magic in transformed.magic_lines)
        texts.extend(embedded.text for embedded in transformed.embedded)
    return sources, texts


class _SdkDefinitions:
    """`V = command(code=..., command=...)` and `V = load_component(source=...)` with the builders
    imported from `azure.ai.ml`, and every use of V: a call with keyword inputs inside an
    `@pipeline` function, or anything else (unfed)."""

    def __init__(self, path: Path, folders: list[Path], facts: _Facts, *, importable: bool) -> None:
        self.path = path
        self.folders = folders
        self.facts = facts
        self.importable = importable
        self.constants: dict[str, str] = {}
        self.bound: dict[str, str] = {}  # name -> definition
        self.builders: dict[str, str] = {}  # local name -> command / load_component
        self.accounted: set[str] = set()  # scripts and definition files the builders account for
        self.read_strings: set[int] = set()  # string constants a builder read

    def read(self, module: ast.Module) -> None:
        for node in nodes_of(module):
            if isinstance(node, ast.ImportFrom) and node.module == "azure.ai.ml" and node.level == 0:
                for alias in node.names:
                    if alias.name in _SDK_BUILDERS:
                        self.builders[alias.asname or alias.name] = alias.name
        if any(
            (isinstance(node, ast.Attribute) and node.attr in ("inputs", "environment_variables"))
            or (isinstance(node, ast.Constant) and node.value in ("inputs", "environment_variables"))
            or (isinstance(node, ast.keyword) and node.arg == "environment_variables")
            for node in nodes_of(module)
        ):
            # `step.inputs.x = ...`, `setattr(step.inputs, ...)`, `pj.jobs["e"].inputs`: the wiring
            # may change after the call; what it becomes is not read
            self.facts.complete = False
            return
        counts = _store_counts(module)
        for node in nodes_of(module):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                text = self._text(node.value)
                if text is not None and counts.get(node.targets[0].id) == 1:
                    self.constants[node.targets[0].id] = text
        built: set[int] = set()
        module_level = {id(statement) for statement in module.body}
        for node in nodes_of(module):
            if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
                continue
            if self._builder(node.value) is None:
                continue
            built.add(id(node.value))
            definition = self._definition(node.value)
            target = node.targets[0] if len(node.targets) == 1 else None
            if definition is None:
                continue
            if isinstance(target, ast.Name) and counts.get(target.id) == 1:
                self.bound[target.id] = definition
                if self.importable and id(node) in module_level:
                    self.facts.use(definition, None)  # another module may import it and use it unseen
            else:
                self.facts.use(definition, None)
        for node in nodes_of(module):
            if isinstance(node, ast.Call) and id(node) not in built and self._builder(node) is not None:
                definition = self._definition(node)
                if definition is not None:
                    self.facts.use(definition, None)  # built and used as it is
        self._uses(module)
        unread = [
            node.value
            for node in nodes_of(module)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in self.read_strings
        ]
        for value in unread:
            if ".py" in value or ".y" in value:
                self.facts.mentioned(value, self.accounted)
            # `ml_client.components.get("evaluate")`, `load_component(name="evaluate")`: a
            # registered component built from a definition of that name
            self.facts.registered.update(part for part in re.split(r"[:/@\s]", value[:_MAX_TEXT]) if part)

    def _uses(self, module: ast.Module) -> None:
        called: set[int] = set()
        for function in nodes_of(module):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            if not any(
                dotted_name(d.func if isinstance(d, ast.Call) else d) in _PIPELINE_DECORATORS
                for d in function.decorator_list
            ):
                continue
            jobs = self._jobs_of(function)
            for node in ast.walk(function):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in self.bound:
                    called.add(id(node.func))
                    self.facts.use(self.bound[node.func.id], _fed_keywords(node, jobs))
        for node in nodes_of(module):
            if (
                isinstance(node, ast.Name)
                and isinstance(node.ctx, ast.Load)
                and node.id in self.bound
                and id(node) not in called
            ):
                self.facts.use(self.bound[node.id], None)  # handed on, or called outside a pipeline

    def _jobs_of(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
        """Names bound once in the pipeline function, to a call of a definition: its jobs."""
        counts = _store_counts(function)
        return {
            node.targets[0].id
            for node in ast.walk(function)
            if isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and counts.get(node.targets[0].id) == 1
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id in self.bound
        }

    def _builder(self, call: ast.Call) -> str | None:
        return self.builders.get(call.func.id) if isinstance(call.func, ast.Name) else None

    def _definition(self, call: ast.Call) -> str | None:
        builder = self._builder(call)
        for node in ast.walk(call):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                self.read_strings.add(id(node))
        if builder == "load_component":
            given = call.args[0] if call.args else _keyword(call, "source") or _keyword(call, "path")
            source = self._text(given) if given is not None else None
            if source is None or "\x00" in source:
                self.facts.complete = False  # a component whose file is not known may run anything
                return None
            found = {os.path.realpath(folder / source) for folder in self.folders if (folder / source).is_file()}
            if len(found) != 1:
                self.facts.complete = False  # which file the SDK opens depends on where it runs
                return None
            definition = found.pop()
            self.accounted.add(posixpath.basename(definition).lower())
            return definition
        code, command = _keyword(call, "code"), _keyword(call, "command")
        code_text = self._text(code) if code is not None else None
        command_text = self._text(command) if command is not None else None
        commands = None
        if command_text is not None and code_text is not None:
            commands = parsed_command(code_text, command_text, self.folders)
        if commands is None:
            self.facts.complete = False  # a command not read whole (or built at run time) may run anything
            return None
        definition = f"{os.path.realpath(self.path)}@{call.lineno}:{call.col_offset}"
        self.facts.definitions[definition] = commands
        self.accounted.update(posixpath.basename(c.script).lower() for c in commands)
        return definition

    def _text(self, node: ast.AST | None, depth: int = 0) -> str | None:
        """A string the code spells out: constants, `+` of them, names bound once to them,
        `os.path.join` and `Path(...) / ...` of them."""
        if node is None or depth > 16:
            return None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value if len(node.value) <= _MAX_TEXT else None
        if isinstance(node, ast.Name):
            return self.constants.get(node.id)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Div)):
            left, right = self._text(node.left, depth + 1), self._text(node.right, depth + 1)
            if left is None or right is None:
                return None
            joined = left + right if isinstance(node.op, ast.Add) else posixpath.join(left, right)
            return joined if len(joined) <= _MAX_TEXT else None
        if isinstance(node, ast.Call) and not node.keywords and node.args:
            name = dotted_name(node.func)
            parts = [self._text(argument, depth + 1) for argument in node.args]
            texts = [part for part in parts if part is not None]
            if len(texts) != len(parts):
                return None
            if name in ("os.path.join", "posixpath.join"):
                joined = posixpath.join(*texts)
                return joined if len(joined) <= _MAX_TEXT else None
            if name in ("Path", "pathlib.Path", "str") and len(texts) == 1:
                return texts[0]
        return None


def _store_counts(node: ast.AST) -> dict[str, int]:
    """How often each name is bound below `node`, by any binder: assignment, loop, `with`,
    parameter (of a def or a lambda), import, `except ... as`, match capture, `del`, `global`."""
    from hooks.code.bindings import names_bound_by

    counts: dict[str, int] = {}
    for inner in ast.walk(node):
        for name in names_bound_by(inner, deletions=True):
            counts[name] = counts.get(name, 0) + (2 if isinstance(inner, (ast.Global, ast.Nonlocal)) else 1)
    return counts


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((keyword.value for keyword in call.keywords if keyword.arg == name), None)


def _fed_keywords(call: ast.Call, jobs: set[str]) -> frozenset[str] | None:
    """The inputs a use of a definition gives another job's output (`trained.outputs.model`,
    `trained` a job of the same pipeline function)."""
    if call.args or any(keyword.arg is None for keyword in call.keywords):
        return None  # positional or `**inputs`: which input gets what is not written here
    return frozenset(keyword.arg for keyword in call.keywords if keyword.arg and _job_output(keyword.value, jobs))


def _job_output(node: ast.AST, jobs: set[str]) -> bool:
    if isinstance(node, ast.Attribute):
        holder: ast.AST = node.value
    elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        holder = node.value
    else:
        return False
    return (
        isinstance(holder, ast.Attribute)
        and holder.attr == "outputs"
        and isinstance(holder.value, ast.Name)
        and holder.value.id in jobs
    )
