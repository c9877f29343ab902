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

An option counts as fed only when every job found that runs the script binds it, directly or
through the component's input, to another job's output, and at least one such job is found. A
registered asset (`azureml:model@latest`, `path: azureml:...`), a datastore or web URI, a local
folder, a literal, the pipeline's own input (`${{parent.inputs.x}}`), a search space, or an input a
job leaves unbound is not another job's output: the option is then not fed. A component no pipeline
beside it uses may be run by anyone with anything; its options are not fed either.

Only files close to the script are read (YAML in its folder and three above for the definitions
that run it; YAML, Python and notebooks in a component's folder and two above for the pipelines
that use it), regular files of at most 1 MiB, at most 200 per folder, YAML with the safe loader;
only the keys named here are looked at (never a recursive walk, so aliases cannot multiply the
work), and nothing from these files reaches a report: they can only lower the script's load
findings to low.
"""

from __future__ import annotations

import os
import posixpath
import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hooks.code.azureml_sdk import CODE_SUFFIXES, sdk_uses

_RUNNER_LEVELS = 4  # components/score/src/score.py <- components/score/score.yml, pipeline.yml two above
_USER_LEVELS = 3  # a component's folder and two above hold the pipelines that use it
_PER_FOLDER = 200
_MAX_BYTES = 1 << 20  # component and pipeline definitions are small; a bigger file is not read
_MAX_JOBS = 500  # jobs of one pipeline, inputs of one job: more is not a definition a person wrote
_MAX_TOKENS = 2000  # words of one command
_SUFFIXES = (".yml", ".yaml")
_CACHE_SIZE = 256
ARGUMENT_PARSER = "add_argument"  # a script without it takes no options to be fed

_JOB_OUTPUT = re.compile(r"\$\{\{\s*parent\.jobs\.[A-Za-z0-9_-]+\.outputs\.[A-Za-z0-9_-]+\s*\}\}")
# `${{inputs.model_dir}}`, or a folder inside it: `${{inputs.model_dir}}/model`
_INPUT = re.compile(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}(/[A-Za-z0-9_./-]*)?")
_SEPARATORS = frozenset({"&&", "||", ";", "|"})
_PYTHONS = re.compile(r"python(?:3(?:\.\d+)?)?")


_parsed: dict[tuple[str, int, int], list[dict[str, Any]]] = {}  # (path, size, mtime) -> its documents


def fed_options(script: Path) -> frozenset[str]:
    """The options (`--model_input`) that every Azure ML job beside `script` that runs it passes
    the output of another job of the same pipeline; empty when no job is found."""
    target = _normal(script)
    verdicts: list[dict[str, bool]] = []  # per job that runs the script: option -> fed
    for folder in _folders(script.parent, _RUNNER_LEVELS):
        for definition, document in _documents(folder):
            if _runs(document, definition.parent, target):
                if _is_component(document):
                    users = list(_uses(definition))
                    if not users:
                        return frozenset()  # a component anyone may run with anything
                    verdicts.extend(_fed(document, definition.parent, target, bindings) for bindings in users)
                else:
                    verdicts.append(_fed(document, definition.parent, target, _mapping(document.get("inputs"))))
            for job in _jobs(document):
                if _runs(job, definition.parent, target):
                    verdicts.append(_fed(job, definition.parent, target, _mapping(job.get("inputs"))))
    if not verdicts:
        return frozenset()
    options = set(verdicts[0])
    for verdict in verdicts:
        options &= {option for option, fed in verdict.items() if fed}
    return frozenset(options)


def definitions_read(script: Path) -> list[Path]:
    """The files `fed_options` may read for `script` (the cache keys its verdict on them)."""
    found = [path for folder in _folders(script.parent, _RUNNER_LEVELS) for path in _files(folder, _SUFFIXES)]
    above = {folder for path in found for folder in _folders(path.parent, _USER_LEVELS)}
    users = (path for folder in above for path in _files(folder, (*_SUFFIXES, *CODE_SUFFIXES)))
    return sorted({*found, *users})


# --- what runs the script ----------------------------------------------------------------


def _runs(document: dict[str, Any], folder: Path, target: str) -> bool:
    return any(True for _ in _invocations(document, folder, target))


def _invocations(document: dict[str, Any], folder: Path, target: str) -> Iterator[list[str]]:
    """The words after the script, once per time the document's command runs it."""
    command, code = document.get("command"), document.get("code", ".")
    if not isinstance(command, str) or not isinstance(code, str) or not _local(code):
        return
    words = _words(command)
    base = _place(folder, code.removeprefix("file:"))
    for index in range(len(words) - 1):
        if not _PYTHONS.fullmatch(posixpath.basename(words[index])):
            continue
        position = index + 1
        while position < len(words) and words[position].startswith("-") and words[position] != "-":
            position += 1  # `python -u script.py`: the interpreter's own switches
        if position >= len(words) or not words[position].endswith(".py") or not _local(words[position]):
            continue
        if _place(Path(base), words[position]) == target:
            rest = words[position + 1 :]
            end = next((i for i, word in enumerate(rest) if word in _SEPARATORS), len(rest))
            yield rest[:end]


def _fed(document: dict[str, Any], folder: Path, target: str, bindings: dict[str, Any]) -> dict[str, bool]:
    """Option -> whether this job passes another job's output for it (each time it runs the script)."""
    fed: dict[str, bool] = {}
    for rest in _invocations(document, folder, target):
        for option, value in _options(rest):
            match = _INPUT.fullmatch(value) if value is not None else None
            inside = match is not None and ".." not in (match.group(2) or "").split("/")
            ok = match is not None and inside and _job_output(bindings.get(match.group(1)))
            fed[option] = fed.get(option, True) and ok
    return fed


def _options(words: list[str]) -> Iterator[tuple[str, str | None]]:
    """`--name value`, `--name=value`; a switch without a value gives None."""
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if not word.startswith("-") or word in ("-", "--"):
            continue
        if "=" in word:
            option, _, value = word.partition("=")
            yield option, value
        elif index < len(words) and not words[index].startswith("-"):
            yield word, words[index]
            index += 1
        else:
            yield word, None


def _job_output(binding: Any) -> bool:
    """`${{parent.jobs.train.outputs.model}}`, or `{path: ${{parent.jobs...}}, type: ...}`."""
    if isinstance(binding, dict):
        binding = binding.get("path")
    return isinstance(binding, str) and _JOB_OUTPUT.fullmatch(binding.strip()) is not None


def _is_component(document: dict[str, Any]) -> bool:
    """A component's inputs are declarations, filled by the jobs that use it; a command job's are
    its values. Without a schema the document is taken as a job: its declarations (`type:` only)
    are then no job outputs, and nothing is fed."""
    schema = document.get("$schema")
    return isinstance(schema, str) and "component" in schema.lower()


# --- the pipelines that use a component -------------------------------------------------------


def _uses(component: Path) -> Iterator[dict[str, Any]]:
    """The inputs of every pipeline job (or sweep) beside `component` that uses it, in YAML or in
    Python (azureml_sdk.py)."""
    target = _normal(component)
    for folder in _folders(component.parent, _USER_LEVELS):
        for code in _files(folder, CODE_SUFFIXES):
            yield from sdk_uses(code, target)
        for definition, document in _documents(folder):
            for job in _jobs(document):
                reference = job.get("component", job.get("trial"))
                if not isinstance(reference, str):
                    continue
                reference = reference.removeprefix("file:")
                if _local(reference) and _place(definition.parent, reference) == target:
                    yield _mapping(job.get("inputs"))


def _jobs(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    jobs = document.get("jobs")
    if not isinstance(jobs, dict):
        return
    for count, job in enumerate(jobs.values()):
        if count >= _MAX_JOBS:
            return
        if isinstance(job, dict):
            yield job


def _mapping(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict) or len(value) > _MAX_JOBS:
        return {}
    return {str(key): item for key, item in value.items()}


# --- reading the files ----------------------------------------------------------------------------


def _folders(start: Path, levels: int) -> Iterator[Path]:
    folder = start
    for _ in range(levels):
        yield folder
        if folder.parent == folder:
            return
        folder = folder.parent


def _files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)[:_PER_FOLDER]
    except OSError:
        return []
    found = []
    for entry in entries:
        try:
            if (
                entry.name.lower().endswith(suffixes)
                and entry.is_file(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_size <= _MAX_BYTES
            ):
                found.append(Path(entry.path))
        except OSError:
            continue
    return found


def _documents(folder: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    """The documents of the folder's YAML files that could define a job or a pipeline."""
    for path in _files(folder, _SUFFIXES):
        for document in _parse(path):
            yield path, document


def _parse(path: Path) -> list[dict[str, Any]]:
    import yaml

    from hooks._core.textfile import read_text

    try:
        status = path.lstat()
        key = (str(path), status.st_size, status.st_mtime_ns)
        if key in _parsed:
            return _parsed[key]
        read = read_text(path, _MAX_BYTES)
    except (OSError, ValueError):
        return []
    documents: list[dict[str, Any]] = []
    # A pipeline that uses the component with only assets and literals holds no `${{`: it is read
    # all the same, as a use that feeds nothing.
    if read.ok and ("jobs" in read.text or "command" in read.text):
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            documents = [d for d in yaml.load_all(read.text, Loader=loader) if isinstance(d, dict)]
        except (yaml.YAMLError, ValueError, RecursionError, MemoryError):
            documents = []
    if len(_parsed) >= _CACHE_SIZE:
        _parsed.clear()
    _parsed[key] = documents
    return documents


def _words(command: str) -> list[str]:
    # `$[[--flag ${{inputs.x}}]]` is an optional part: present only when the input is bound.
    text = command.replace("$[[", " ").replace("]]", " ")
    try:
        words = shlex.split(text, comments=False, posix=True)
    except ValueError:
        words = text.split()
    return words[:_MAX_TOKENS]


def _local(path: str) -> bool:
    """A relative path on this machine: not `azureml:...`, a URI or an absolute path."""
    return bool(path) and ":" not in path and not path.startswith(("/", "\\", "~", "$"))


def _normal(path: Path) -> str:
    return _place(path)


def _place(folder: Path, *parts: str) -> str:
    """The absolute path `parts` name from `folder`, normalised as text: symbolic links are not
    followed (a definition names the layout it was written in, and a link out is not read)."""
    return os.path.normpath(os.path.join(Path.cwd(), folder, *parts))  # noqa: PTH118 - text, not the file system
