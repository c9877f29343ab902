"""Which command-line options of a script another job of the same AzureML pipeline fills.

An AzureML (CLI v2) pipeline hands one job's output to the next through the platform. A
component YAML says how its script is run and which input each option gets:

    code: ./predict_src
    command: >-
      python predict.py --model_input ${{inputs.model_input}} --test_data ${{inputs.test_data}}

and the pipeline YAML that uses the component binds each input, here to what the training job
wrote:

    jobs:
      predict_job:
        component: ./predict.yml
        inputs:
          model_input: ${{parent.jobs.train_job.outputs.model_output}}

Before `predict.py` starts, the platform mounts the training job's output at the path it passes
as `--model_input`. Loading the model from there reads a file the pipeline's own training job
wrote, like a SageMaker step reading the previous step's output (pipeline_inputs.py).

An option is fed only when every use of the component that can be seen binds its input to
another job's output (`${{parent.jobs.<job>.outputs.<name>}}`): an input given a data asset, a
path, a URI, a literal or the pipeline's own input is someone's file, and so is any use that
cannot be seen (the component's YAML named by Python code or a notebook, which may bind it to
anything). A job that runs the script inline (`command:` and `code:` in the pipeline's own job)
counts as a use with its own bindings.

Where the YAML lives: the script's folder and every folder above it up to the repository's top,
each folder's `*.yml`/`*.yaml` files (not its subfolders). What is read is bounded (files per
question, bytes per file); past a bound nothing is fed. Parsed with the safe loader only.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from hooks._core.paths import run_generation

_MAX_FILES = 256  # YAML files looked at for one script
_MAX_BYTES = 256 << 10  # of each YAML file
_MAX_ENTRIES = 4096  # entries of one folder looked through
_STEP_OUTPUT = re.compile(r"\$\{\{\s*parent\.jobs\.[\w-]{1,128}\.outputs\.[\w-]{1,128}\s*\}\}")
_OPTION_INPUT = re.compile(r"(--[\w-]{1,128})(?:[ \t]+|=)\$\{\{\s*inputs\.([\w-]{1,128})\s*\}\}")
_RUNS = re.compile(r"\bpython[\d.]*[ \t]+(?:-u[ \t]+)?([\w./-]{1,512}\.py)\b")


@dataclass(frozen=True)
class FedOptions:
    """The options of one script that every use binds to another job's output, and where."""

    options: frozenset[str]  # `--model_input`
    pipeline: str  # a pipeline YAML that binds them (repository path), for the message


def fed_options(script: Path, top: Path) -> FedOptions | None:
    """The script's options every seen AzureML pipeline use fills from another job's output;
    None when there are none (or when that cannot be told)."""
    try:
        return _fed(str(script.resolve()), str(top.resolve()), run_generation())
    except (OSError, ValueError, RecursionError):
        return None


@lru_cache(maxsize=256)
def _fed(script: str, top: str, generation: int) -> FedOptions | None:
    del generation  # one answer per run: the YAML files may change between runs
    documents = _documents(Path(script).parent, Path(top))
    if documents is None:
        return None
    mentioned = _named_by_code(Path(script).parent, Path(top))
    if mentioned is None:
        return None
    uses: list[tuple[dict[str, str], dict[str, str], str]] = []  # (option -> input, input -> binding, pipeline)
    components: dict[str, dict[str, str]] = {}  # component file -> its option -> input map for this script
    for path, document in documents.items():
        if _is_pipeline(document):
            continue
        options = _options_if_runs(document, Path(path).parent, script)
        if options is not None:
            if Path(path).name in mentioned:
                return None  # Python code or a notebook loads the component: uses not seen
            components[path] = options
    for path, document in documents.items():
        if not _is_pipeline(document):
            continue
        jobs = document.get("jobs")
        if not isinstance(jobs, dict):
            continue
        for job in jobs.values():
            if not isinstance(job, dict):
                continue
            bindings = _bindings(job.get("inputs"))
            inline = _options_if_runs(job, Path(path).parent, script)
            if inline is not None:
                uses.append((inline, bindings, path))
                continue
            component = job.get("component")
            if isinstance(component, str):
                target = _local_file(component, Path(path).parent)
                if target is not None and target in components:
                    uses.append((components[target], bindings, path))
    if not uses or any(not options for options, _, _ in uses):
        return None
    used = {id(options) for options, _, _ in uses}
    if any(id(options) not in used for options in components.values()):
        return None  # a component of the script no pipeline here uses: run some other way
    fed: set[str] | None = None
    for options, bindings, _ in uses:
        here = {option for option, name in options.items() if _STEP_OUTPUT.fullmatch(bindings.get(name, "").strip())}
        fed = here if fed is None else fed & here
    if not fed:
        return None
    return FedOptions(frozenset(fed), os.path.relpath(uses[0][2], top))


def _is_pipeline(document: dict[str, Any]) -> bool:
    return document.get("type") == "pipeline" or isinstance(document.get("jobs"), dict)


def _options_if_runs(definition: dict[str, Any], folder: Path, script: str) -> dict[str, str] | None:
    """Option -> input name when the definition's `command` runs the script from its `code`."""
    command, code = definition.get("command"), definition.get("code")
    if not isinstance(command, str) or not isinstance(code, str) or len(command) > 8192:
        return None
    code_folder = _local_folder(code, folder)
    if code_folder is None:
        return None
    runs = [os.path.normpath(Path(code_folder) / found) for found in _RUNS.findall(command)]
    if runs != [script]:
        return None  # not this script, or several commands: not judged
    return {option: name for option, name in _OPTION_INPUT.findall(command)}


def _bindings(inputs: Any) -> dict[str, str]:
    """Input name -> what it is bound to, when that is text (`${{parent...}}`); else empty text."""
    if not isinstance(inputs, dict):
        return {}
    return {str(name): value if isinstance(value, str) else "" for name, value in inputs.items()}


def _local_folder(reference: str, folder: Path) -> str | None:
    if "://" in reference or reference.startswith(("azureml:", "/")):
        return None
    return os.path.normpath(folder / reference.removeprefix("file:"))


def _local_file(reference: str, folder: Path) -> str | None:
    resolved = _local_folder(reference, folder)
    return resolved if resolved is not None and resolved.endswith((".yml", ".yaml")) else None


def _folders(start: Path, top: Path) -> list[Path]:
    if start != top and top not in start.parents:
        return []
    return [start, *(p for p in start.parents if p == top or top in p.parents)]


def _documents(start: Path, top: Path) -> dict[str, dict[str, Any]] | None:
    """Every YAML mapping in the script's folder and the folders above it, by resolved path."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    found: dict[str, dict[str, Any]] = {}
    count = 0
    for folder in _folders(start, top):
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)[: _MAX_ENTRIES + 1]
        except OSError:
            return None
        if len(entries) > _MAX_ENTRIES:
            return None
        for entry in entries:
            if not entry.name.endswith((".yml", ".yaml")):
                continue
            count += 1
            if count > _MAX_FILES:
                return None
            try:
                info = entry.stat(follow_symlinks=False)
                if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_BYTES:
                    continue  # a link or a long file: not a definition this reads
                with open(entry.path, "rb") as handle:
                    text = handle.read(_MAX_BYTES)
                document = yaml.load(text, Loader=loader)  # noqa: S506 - the safe loader
            except (OSError, yaml.YAMLError, RecursionError, ValueError):
                continue
            if isinstance(document, dict) and ("command" in document or "jobs" in document):
                found[os.path.normpath(entry.path)] = document
    return found


def _named_by_code(start: Path, top: Path) -> frozenset[str] | None:
    """The YAML file names that Python code or notebooks in the same folders mention (an SDK
    `load_component(source="predict.yml")` may bind the component to anything)."""
    names: set[str] = set()
    pattern = re.compile(rb"[\w.-]{1,128}\.ya?ml")
    for folder in _folders(start, top):
        try:
            entries = list(os.scandir(folder))[: _MAX_ENTRIES + 1]
        except OSError:
            return None
        if len(entries) > _MAX_ENTRIES:
            return None
        for entry in entries:
            if not entry.name.endswith((".py", ".ipynb")):
                continue
            try:
                if not entry.is_file(follow_symlinks=False) or entry.stat().st_size > 32 << 20:
                    return None
                with open(entry.path, "rb") as handle:
                    names.update(found.decode("ascii", "replace") for found in pattern.findall(handle.read()))
            except OSError:
                return None
    return frozenset(names)


def is_pipeline_definition(display: str) -> bool:
    """Whether a repository path may be an AzureML component or pipeline definition."""
    return posixpath.basename(display).lower().endswith((".yml", ".yaml"))
