"""Which command-line options of a script the Azure ML pipelines beside it fill with another job's output.

An Azure ML component names its script and how each of its inputs reaches it:

    code: ./predict_src
    command: >-
      python predict.py --model_input ${{inputs.model_input}} --test_data ${{inputs.test_data}}

and a pipeline that uses the component (in YAML, below, or in Python: azureml_sdk.py) says where
each input comes from:

    predict_job:
      component: ./predict.yml
      inputs:
        model_input: ${{parent.jobs.train_job.outputs.model_output}}

`${{parent.jobs.train_job.outputs.model_output}}` is what the same pipeline's train job wrote: Azure
ML mounts it and passes its path as `--model_input`. So `mlflow.sklearn.load_model(args.model_input)`
in predict.py reads back the pipeline's own output, as a notebook's `joblib.load` reads a file it
dumped a few cells earlier (pipeline_inputs.py reasons the same way about SageMaker's mounts).

What counts, all of it or nothing:
- Every definition found that mentions the script must run it as `python [-switches] <script>`
  in a command this module understands whole: words of plain characters, `${{inputs.x}}` and
  `${{outputs.x}}` (a folder inside one allowed), options and their values, commands split at
  `;`, `&&`, `||`, `|`, `&` and line ends. A launcher (`torchrun`, `bash -c`, `cd src && python
  x.py` from another folder), an environment variable, a redirection or a quote the shell would
  expand make the script's options not fed.
- Every run of the script in every job passes the option, and every job binds its input to an
  output of another job of the same pipeline that exists, is a command, sweep, pipeline or
  parallel job, and does not pin that output to a datastore path. A registered asset, a URI, a
  local folder, a literal, the pipeline's own input, an import or data-transfer job, or an input
  whose text could add words to the command (a string with spaces or shell characters, a default
  of the component's) is not fed.
- A component must be used by at least one pipeline beside it, and by no pipeline that names the
  registered component (`component: azureml:<its name>...`): anyone may run that one with anything.
- Every file that could hold such a definition must be read whole: a YAML file that is too large,
  a symbolic link, not parsed, with a command over the length cap, or a folder with more entries
  than are listed, leaves the wiring unknown, and nothing is fed.

Only files close to the script and inside the repository are read (YAML in its folder and three
above for the definitions that run it; YAML, Python and notebooks in a component's folder and two
above for the pipelines that use it), at most 1 MiB each, YAML with the safe loader. Each file is
reduced once to the few strings this module needs (commands capped at 16 KiB, never walked
recursively, so aliases cannot multiply the work or the memory kept), and nothing from these
files reaches a report: they can only lower the script's load findings to low. Definitions
elsewhere in the repository that run the same script are not seen (README.md says so).
"""

from __future__ import annotations

import os
import posixpath
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hooks.code.azureml_sdk import CODE_SUFFIXES, JOB_OUTPUT, SAFE, UNSAFE, SdkFile, plain_literal, sdk_file

_RUNNER_LEVELS = 4  # components/score/src/score.py <- components/score/score.yml, pipeline.yml two above
_USER_LEVELS = 3  # a component's folder and two above hold the pipelines that use it
_PER_FOLDER = 200
_MAX_BYTES = 1 << 20  # component and pipeline definitions are small; a bigger file is not read
_MAX_COMMAND = 16 << 10  # one command's text
_MAX_ITEMS = 500  # jobs of one pipeline, inputs of one job, documents of one file
_MAX_BINDINGS = 20_000  # inputs bound in all of one file's jobs
_MAX_NODES = 100_000  # values walked in one file (each once, aliases included)
_MAX_STRINGS = 256 << 10  # characters of one file's other text kept
_MAX_RUN_WORDS = 256  # words passed to one run of the script
_SUFFIXES = (".yml", ".yaml")
_CACHE_SIZE = 256  # files; each keeps its commands' words and at most _MAX_STRINGS of other text
ARGUMENT_PARSER = "add_argument"  # a script without it takes no options to be fed

_PIPELINE_OUTPUT = re.compile(r"\$\{\{\s*parent\.outputs\.([A-Za-z0-9_-]+)\s*\}\}")
_JOB_OUTPUT_REFERENCE = re.compile(r"\$\{\{\s*parent\.jobs\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\s*\}\}")
# `${{inputs.model_dir}}` or `${{outputs.x}}`, or a folder inside one: `${{inputs.model_dir}}/model`
_REFERENCE = re.compile(r"\$\{\{\s*(inputs|outputs)\.([A-Za-z0-9_-]+)\s*\}\}(/[A-Za-z0-9_./-]*)?")
_PLAIN = re.compile(r"[A-Za-z0-9_.:/@+=,%-]{0,500}")  # a word or a value the shell leaves as it is
_OPTIONAL_MARKS = re.compile(r"\$\[\[|\]\]")  # `$[[ ... ]]`: an optional part, taken as given
_INPUT_NAME = re.compile(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")
_SEPARATORS = frozenset({"&&", "||", ";", "|", "&", ";;", "|&"})
_FOLDER_CHANGES = frozenset({"cd", "pushd", "popd"})
_PYTHONS = re.compile(r"python(?:3(?:\.\d+)?)?")
_PRODUCING_JOBS = frozenset({None, "command", "sweep", "pipeline", "parallel"})


@dataclass(frozen=True)
class FedCommand:
    """What the jobs that run a script pass it: the options every run fills with another job's
    output, and every option word any run passes (fed or not)."""

    fed: frozenset[str] = frozenset()
    passed: frozenset[str] = frozenset()


_NOT_FED = FedCommand()


@dataclass(frozen=True)
class _Runner:
    """A command that may run scripts: a top-level document's or a pipeline job's."""

    code: str | None  # the folder its command runs in, relative; None when not local
    words: tuple[str, ...] | None  # its command's words; None when they cannot be told
    bindings: tuple[tuple[str, str], ...]  # input -> JOB_OUTPUT / SAFE / UNSAFE (a job's own)
    defaults: tuple[tuple[str, str], ...]  # input -> kind of the declared default (a component's)
    component: bool  # a top-level component: its jobs are the pipelines that use it
    name: str | None  # the component's registered name


@dataclass(frozen=True)
class _Use:
    """A pipeline job (or sweep) that uses a component: by a local file or a registered name."""

    reference: str
    bindings: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Definition:
    runners: tuple[_Runner, ...] = ()
    uses: tuple[_Use, ...] = ()
    strings: tuple[str, ...] = ()  # every other text of the file: where else it may name a script
    unknown: bool = False  # not read whole: the wiring around it is not known


_UNKNOWN = _Definition(unknown=True)
_parsed: dict[tuple[str, int, int], _Definition] = {}  # (path, size, mtime) -> what it defines


def fed_options(script: Path, root: Path) -> FedCommand:
    """What every Azure ML job beside `script` (inside `root`) that runs it passes; nothing fed
    when no job is found or any of them is not understood whole."""
    target = _normal(script)
    runs: list[list[list[tuple[str, str | None, bool]]]] = []  # per job: per run: (option, value, fed)
    for folder in _folders(script.parent, _RUNNER_LEVELS, root):
        found = _definitions(folder)
        if found is None or not _code_says_nothing_else(folder, script):
            return _NOT_FED
        for path, definition in found:
            if _mentioned(definition.strings, script.name):
                return _NOT_FED  # `entry_script: predict.py`, a parallel or spark job: not followed
            for runner in definition.runners:
                invocations = _invocations(runner, path.parent, target, script.name)
                if invocations is None:
                    return _NOT_FED  # names the script in a way not understood whole
                if not invocations:
                    continue
                if not runner.component:
                    runs.append(_judged(invocations, dict(runner.bindings), runner))
                    continue
                uses = _uses(path, runner, root, script.name)
                if uses is None or not uses:
                    return _NOT_FED  # a component no pipeline beside it uses, or one anyone may run
                runs.extend(_judged(invocations, bindings, runner) for bindings in uses)
    if not runs:
        return _NOT_FED
    passed = {option for job in runs for run in job for option, _, _ in run}
    fed: set[str] | None = None
    for job in runs:
        for run in job:
            # an option fed in a run only when every time the run passes it (argparse keeps the last)
            here = {option for option, _, ok in run if ok} - {option for option, _, ok in run if not ok}
            fed = here if fed is None else fed & here
    return FedCommand(frozenset(fed or ()), frozenset(passed))


def definitions_read(script: Path, root: Path) -> list[Path | str]:
    """The files `fed_options` may read for `script` (the cache keys its verdict on them), and a
    mark for each folder with more entries than are listed (its growing past the cap changes the
    verdict too)."""
    runner_folders = list(_folders(script.parent, _RUNNER_LEVELS, root))
    user_folders = {above for folder in runner_folders for above in _folders(folder, _USER_LEVELS, root)}
    found: set[Path] = set()
    crowded: set[str] = set()
    for folder in user_folders:
        paths, complete = _listing(folder, (*_SUFFIXES, *CODE_SUFFIXES))
        found.update(paths)
        if not complete:
            crowded.add(f"azureml-crowded:{folder}")
    return [*sorted(found), *sorted(crowded)]


def _code_says_nothing_else(folder: Path, script: Path) -> bool:
    """Whether the Python files and notebooks of the folder (but the script) are read whole and
    neither name the script (`command(code=..., command="python predict.py ...")`, `%%writefile`)
    nor submit jobs another way (`command(...)`, `load_job`), which could run it with anything."""
    paths, complete = _listing(folder, CODE_SUFFIXES)
    if not complete:
        return False
    target = _normal(script)
    for path in paths:
        if _normal(path) == target:
            continue
        found = sdk_file(path, _MAX_BYTES)
        if found is None or found.runs_jobs or found.unknown or _mentioned(found.strings, script.name):
            return False
    return True


# --- the runs of the script ----------------------------------------------------------------------


def _invocations(runner: _Runner, folder: Path, target: str, name: str) -> list[list[str]] | None:
    """The words after the script, once per run of it in the runner's command; None when the
    command names the script in a way not understood whole (a launcher, `cd`, `python -m`)."""
    words = runner.words
    if words is None:
        return None  # a command that cannot be split: whether it runs the script is not known
    if not any(_names_script(word, name) for word in words) and not _runs_module(words, name):
        return []
    if runner.code is None or _runs_module(words, name) or any(word in _FOLDER_CHANGES for word in words):
        return None  # `cd src && python x.py`, `python -m x`, code not on this machine: not followed
    base = _place(folder, runner.code)
    found: list[list[str]] = []
    for index, word in enumerate(words):
        if not _names_script(word, name):
            continue
        if word.endswith(".py") and _local(word) and _place(Path(base), word) != target:
            continue  # another script of the same name, in another folder
        start = index - 1
        while start >= 0 and words[start].startswith("-") and _PLAIN.fullmatch(words[start]):
            start -= 1  # `python -u script.py`: the interpreter's own switches
        first = start <= 0 or words[start - 1] in _SEPARATORS
        python = start >= 0 and _PYTHONS.fullmatch(posixpath.basename(words[start])) is not None
        if not (word.endswith(".py") and python and first):
            return None
        rest = words[index + 1 :]
        end = next((i for i, part in enumerate(rest) if part in _SEPARATORS), len(rest))
        found.append(list(rest[:end]))
    return found


def _names_script(text: str, name: str) -> bool:
    return name in text


def _runs_module(words: tuple[str, ...] | list[str], name: str) -> bool:
    """`python -m predict`: the script run as a module."""
    stem = name.removesuffix(".py")
    return any(
        word == "-m" and index + 1 < len(words) and words[index + 1].split(".")[-1] == stem
        for index, word in enumerate(words)
    )


def _mentioned(strings: tuple[str, ...], name: str) -> bool:
    """Whether other text of a definition names the script (`entry_script: predict.py`, a
    Python `command(...)` string, `python -m predict`)."""
    stem = re.escape(name.removesuffix(".py"))
    module = re.compile(rf"-m\s+(?:[\w.]+\.)?{stem}\b")
    return any(name in text or module.search(text) is not None for text in strings)


def _judged(
    invocations: list[list[str]], bindings: dict[str, str], runner: _Runner
) -> list[list[tuple[str, str | None, bool]]]:
    """Per run: (option, value, whether it is another job's output). A run whose words could
    change in the shell (an input bound to text with spaces, a word the shell expands) passes
    only unfed options, so nothing it passes is fed."""
    defaults = dict(runner.defaults)
    kinds = {name: bindings.get(name, defaults.get(name, SAFE)) for name in _input_names(invocations)}
    judged: list[list[tuple[str, str | None, bool]]] = []
    for words in invocations:
        run: list[tuple[str, str | None, bool]] = []
        whole = "--" not in words and len(words) <= _MAX_RUN_WORDS  # `--` ends the options
        for option, value in _options(words):
            if option is None:  # a positional word
                whole = whole and value is not None and _safe_word(value, kinds)
                continue
            whole = whole and _PLAIN.fullmatch(option) is not None
            if value is not None:
                whole = whole and _safe_word(value, kinds)
            match = _REFERENCE.fullmatch(value) if value is not None else None
            fed = (
                match is not None
                and match.group(1) == "inputs"
                and ".." not in (match.group(3) or "").split("/")
                and kinds.get(match.group(2)) == JOB_OUTPUT
            )
            run.append((option, value, fed))
        judged.append(run if whole else [(option, value, False) for option, value, _ in run])
    return judged


def _input_names(invocations: list[list[str]]) -> set[str]:
    return {m.group(1) for words in invocations for word in words for m in _INPUT_NAME.finditer(word)}


def _safe_word(word: str, kinds: dict[str, str]) -> bool:
    """A word the shell passes as it is: plain text, or a reference whose value is a mount path
    or a plain literal (never text that could split into more words)."""
    match = _REFERENCE.fullmatch(word)
    if match is not None:
        return match.group(1) == "outputs" or kinds.get(match.group(2)) in (JOB_OUTPUT, SAFE)
    return _PLAIN.fullmatch(word) is not None and "$" not in word


def _options(words: list[str]) -> Iterator[tuple[str | None, str | None]]:
    """(`--name`, value) for `--name value` and `--name=value`, (`--name`, None) for a switch,
    (None, word) for a positional word."""
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if not word.startswith("-") or word == "-":
            yield None, word
        elif "=" in word:
            option, _, value = word.partition("=")
            yield option, value
        elif index < len(words) and not words[index].startswith("-"):
            yield word, words[index]
            index += 1
        else:
            yield word, None


# --- the pipelines that use a component -------------------------------------------------------


def _uses(component: Path, runner: _Runner, root: Path, script_name: str) -> list[dict[str, str]] | None:
    """The bindings of every job beside `component` that uses it (YAML pipelines, sweeps and
    Python pipelines); None when one is not known whole, one names the registered component, or
    a file there could run the script another way (it names it, or submits jobs itself)."""
    target = _normal(component)
    uses: list[dict[str, str]] = []
    for folder in _folders(component.parent, _USER_LEVELS, root):
        code_files, complete = _listing(folder, CODE_SUFFIXES)
        if not complete:
            return None
        for code in code_files:
            found: SdkFile | None = sdk_file(code, _MAX_BYTES)
            if found is None or found.unknown or found.runs_jobs or _mentioned(found.strings, script_name):
                return None  # not read whole, wired in a way not followed, or running jobs itself
            for loaded, bindings in found.uses:
                if loaded == target:
                    if bindings is None:
                        return None  # a use not seen whole, or the component handed on
                    uses.append(dict(bindings))
        definitions = _definitions(folder)
        if definitions is None:
            return None
        for path, definition in definitions:
            if _mentioned(definition.strings, script_name):
                return None
            for use in definition.uses:
                reference = use.reference.removeprefix("file:")
                if not _local(reference):
                    # `azureml:predict@latest`, `azureml://registries/.../components/predict/...`:
                    # possibly the registered component, which anyone may run with anything
                    if runner.name is None or runner.name in reference:
                        return None
                    continue
                if _place(path.parent, reference) == target:
                    uses.append(dict(use.bindings))
    return uses


# --- reading the files ----------------------------------------------------------------------------


def _definitions(folder: Path) -> list[tuple[Path, _Definition]] | None:
    """What the folder's YAML files define; None when one of them cannot be read whole."""
    paths, complete = _listing(folder, _SUFFIXES)
    if not complete:
        return None
    found = []
    for path in paths:
        definition = _definition(path)
        if definition.unknown:
            return None
        found.append((path, definition))
    return found


def _listing(folder: Path, suffixes: tuple[str, ...]) -> tuple[list[Path], bool]:
    """The folder's files with these suffixes, and whether the list is whole: False when the
    folder has more entries than are looked at. Symbolic links and files over the size cap are
    listed: reading them says they are not known."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return [], True  # no folder, nothing defined there
    complete = len(entries) <= _PER_FOLDER
    found = []
    for entry in entries[:_PER_FOLDER]:
        try:
            if entry.name.lower().endswith(suffixes) and not entry.is_dir(follow_symlinks=False):
                found.append(Path(entry.path))
        except OSError:
            return found, False
    return found, complete


def _definition(path: Path) -> _Definition:
    import yaml

    from hooks._core.textfile import read_text

    try:
        status = path.lstat()
        key = (str(path), status.st_size, status.st_mtime_ns)
        if key in _parsed:
            return _parsed[key]
        if not path.is_file() or path.is_symlink() or status.st_size > _MAX_BYTES:
            return _UNKNOWN
        read = read_text(path, _MAX_BYTES)
    except (OSError, ValueError):
        return _UNKNOWN
    definition = _UNKNOWN
    if read.ok:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            documents = []
            for count, document in enumerate(yaml.load_all(read.text, Loader=loader)):
                if count >= _MAX_ITEMS:
                    raise ValueError("too many documents")
                documents.append(document)
            definition = _reduced(documents)
        except (yaml.YAMLError, ValueError, TypeError, RecursionError, MemoryError):
            definition = _UNKNOWN
    if len(_parsed) >= _CACHE_SIZE:
        _parsed.clear()
    _parsed[key] = definition
    return definition


def _reduced(documents: list[Any]) -> _Definition:
    """The runners, uses and other text of a file's documents, kept as short strings. ValueError
    when something is over a cap (too many jobs, inputs, values or characters): the file is then
    not known whole."""
    runners: list[_Runner] = []
    uses: list[_Use] = []
    commands: dict[int, tuple[str, ...] | None] = {}  # each command string's words, split once
    budget = [_MAX_BINDINGS]
    for document in documents:
        if not isinstance(document, dict):
            continue
        schema = document.get("$schema")
        component = isinstance(schema, str) and "component" in schema.lower()
        runner = _runner(document, {}, component=component, commands=commands)
        if runner is not None:
            runners.append(runner)
        jobs = document.get("jobs", {})
        if not isinstance(jobs, dict) or len(jobs) > _MAX_ITEMS:
            raise ValueError("jobs not known whole")
        trial = document.get("trial")  # a sweep job file of its own
        if trial is not None:
            uses.append(_Use(trial if isinstance(trial, str) else "", ()))  # inputs from outside any pipeline
        outputs = document.get("outputs")
        pipeline_outputs = outputs if isinstance(outputs, dict) else {}
        for job_name, job in jobs.items():
            if not isinstance(job, dict):
                continue
            bindings = _bindings(job.get("inputs"), jobs, str(job_name), pipeline_outputs, budget)
            inline = _runner(job, dict(bindings), component=False, commands=commands)
            if inline is not None:
                runners.append(inline)
            for key in ("component", "trial"):
                reference = job.get(key)
                if isinstance(reference, dict):  # an inline component: runs with this job's inputs
                    defined = _runner(reference, dict(bindings), component=False, commands=commands)
                    if defined is not None:
                        runners.append(defined)
                elif reference is not None:
                    uses.append(_Use(str(reference).strip(), bindings))
    return _Definition(tuple(runners), tuple(uses), _other_text(documents, commands))


def _other_text(documents: list[Any], commands: dict[int, tuple[str, ...] | None]) -> tuple[str, ...]:
    """Every string of the documents (keys too) but the runners' commands, each value visited
    once (an alias is one value), within the caps."""
    found: list[str] = []
    seen: set[int] = set()
    pending: list[Any] = list(documents)
    size = 0
    while pending:
        value = pending.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if len(seen) > _MAX_NODES:
            raise ValueError("too many values")
        if isinstance(value, str):
            if id(value) not in commands:
                found.append(value)
                size += len(value)
        elif isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        if size > _MAX_STRINGS:
            raise ValueError("too much text")
    return tuple(found)


def _runner(
    document: dict[Any, Any],
    bindings: dict[str, str],
    *,
    component: bool,
    commands: dict[int, tuple[str, ...] | None],
) -> _Runner | None:
    command = document.get("command")
    if command is None:
        return None
    if not isinstance(command, str) or len(command) > _MAX_COMMAND:
        raise ValueError("a command not known whole")
    if id(command) not in commands:  # an alias: one string for many jobs, split once
        split = _words(command)
        commands[id(command)] = tuple(split) if split is not None else None
    code = document.get("code", ".")
    code = code.removeprefix("file:") if isinstance(code, str) and _local(code.removeprefix("file:")) else None
    name = document.get("name")
    declared = document.get("inputs") if component else None
    if declared is not None and (not isinstance(declared, dict) or len(declared) > _MAX_ITEMS):
        raise ValueError("inputs not known whole")
    defaults = tuple(
        (str(key), _kind(value.get("default"), {}, ""))
        for key, value in (declared or {}).items()
        if isinstance(value, dict) and "default" in value
    )
    return _Runner(
        code,
        commands[id(command)],
        tuple(bindings.items()),
        defaults,
        component,
        name if isinstance(name, str) and component else None,
    )


def _bindings(
    inputs: Any, jobs: dict[Any, Any], job_name: str, pipeline_outputs: dict[Any, Any], budget: list[int]
) -> tuple[tuple[str, str], ...]:
    if inputs is None:
        return ()
    if not isinstance(inputs, dict) or len(inputs) > _MAX_ITEMS:
        raise ValueError("inputs not known whole")
    budget[0] -= len(inputs)
    if budget[0] < 0:
        raise ValueError("too many inputs")
    return tuple((str(key), _kind(value, jobs, job_name, pipeline_outputs)) for key, value in inputs.items())


def _kind(value: Any, jobs: dict[Any, Any], job_name: str, pipeline_outputs: dict[Any, Any] | None = None) -> str:
    """JOB_OUTPUT: another existing job's unpinned output; SAFE: a value that is substituted as a
    mount path or as one plain word; UNSAFE: anything else."""
    if isinstance(value, dict):
        value = value.get("path")
        if not isinstance(value, str):
            return UNSAFE
    if isinstance(value, bool | int | float):
        return SAFE
    if not isinstance(value, str):
        return UNSAFE
    match = _JOB_OUTPUT_REFERENCE.fullmatch(value.strip())
    if match is not None:
        producer = jobs.get(match.group(1))
        if match.group(1) == job_name or not isinstance(producer, dict):
            return SAFE  # no such job (or itself): not another job's output
        kind = producer.get("type")
        outputs = producer.get("outputs")
        declared = outputs.get(match.group(2)) if isinstance(outputs, dict) else None
        promoted = _PIPELINE_OUTPUT.fullmatch(declared.strip()) if isinstance(declared, str) else None
        if promoted is not None:  # `model: ${{parent.outputs.trained_model}}`: stored where the pipeline says
            declared = (pipeline_outputs or {}).get(promoted.group(1))
        pinned = (isinstance(declared, dict) and declared.get("path") is not None) or isinstance(declared, str)
        if kind in _PRODUCING_JOBS and not pinned:
            return JOB_OUTPUT
        return SAFE
    return SAFE if plain_literal(value) else UNSAFE


def _words(command: str) -> list[str] | None:
    """The command's words as the shell splits them (quotes removed), with `;` at each line end;
    None when it cannot be split. Words the shell would expand or redirect are kept as written:
    a run that holds one is not understood whole (`_safe_word`)."""
    text = _OPTIONAL_MARKS.sub(" ", command)
    text = re.sub(r"\\\n", " ", text).replace("\n", " ; ")
    try:
        lexer = shlex.shlex(text, posix=True, punctuation_chars=";&|")
        lexer.whitespace_split = True
        lexer.commenters = ""  # `#` is a word's character here; a run holding one is not plain
        return list(lexer)
    except ValueError:
        return None


def _folders(start: Path, levels: int, root: Path) -> Iterator[Path]:
    """`start` and the folders above it, `levels` in all, never above `root`."""
    top = _normal(root)
    folder = Path(_normal(start))
    for _ in range(levels):
        text = str(folder)
        if text != top and not text.startswith(top.rstrip(os.sep) + os.sep):
            return
        yield folder
        if folder.parent == folder or text == top:
            return
        folder = folder.parent


def _local(path: str) -> bool:
    """A relative path on this machine: not `azureml:...`, a URI or an absolute path."""
    return bool(path) and ":" not in path and not path.startswith(("/", "\\", "~", "$"))


def _normal(path: Path) -> str:
    return _place(path)


def _place(folder: Path, *parts: str) -> str:
    """The real absolute path `parts` name from `folder`: symbolic links are followed, as Azure
    ML's uploader follows a `code` folder's (a linked folder runs the real script)."""
    return os.path.realpath(os.path.join(Path.cwd(), folder, *parts))  # noqa: PTH118 - text joined first
