"""environment.yml: conda channels and dependencies, and the `pip:` section, with line numbers."""

from __future__ import annotations

import gc
import re
from dataclasses import replace
from pathlib import Path

from hooks._core.findings import Issue
from hooks._shared.requirements import conda_build, parse_conda_spec
from hooks.deps import rules
from hooks.deps.model import Dependency, DependencyFile, IndexOption
from hooks.deps.reading import DependencyFileError
from hooks.deps.requirements import describe, parse_requirements

# conda names of projects whose PyPI name differs; advisories are keyed by the PyPI name. Most
# are conda-forge's split outputs (`-base`, `-core`: the project without optional extras) and
# names taken by a C library on conda (`python-`, `py-`, `-python`), as the feedstocks name them;
# a table, not a rule: `python-dateutil` and `python-multipart` are PyPI's own names.
CONDA_TO_PYPI = {
    "pytorch": "torch",
    "pytorch-cpu": "torch",
    "pytorch-gpu": "torch",
    "py-opencv": "opencv-python",
    "tensorflow-base": "tensorflow",
    "pyyaml": "pyyaml",
    "pillow": "pillow",
    "matplotlib-base": "matplotlib",
    "dask-core": "dask",
    "geopandas-base": "geopandas",
    "seaborn-base": "seaborn",
    "nbconvert-core": "nbconvert",
    "pyarrow-core": "pyarrow",
    "numpy-base": "numpy",
    "qtconsole-base": "qtconsole",
    "jupyterhub-base": "jupyterhub",
    "uvicorn-standard": "uvicorn",
    "brotli-python": "brotli",
    "sentencepiece-python": "sentencepiece",
    "python-build": "build",
    "python-duckdb": "duckdb",
    "python-fastjsonschema": "fastjsonschema",
    "python-tzdata": "tzdata",
    "python-xxhash": "xxhash",
    "python-installer": "installer",
    "python-annoy": "annoy",
    "python-kaleido": "kaleido",
    "python-lmdb": "lmdb",
    "python-graphviz": "graphviz",
    "python-flatbuffers": "flatbuffers",
    "redis-py": "redis",
    "py-xgboost": "xgboost",
    "py-lief": "lief",
    "msgpack-python": "msgpack",
    "cachecontrol-with-filecache": "cachecontrol",
    "cachecontrol-with-redis": "cachecontrol",
    "googleapis-common-protos-grpc": "googleapis-common-protos",
}
_NOT_PACKAGES = frozenset({"python", "pip", "conda", "cudatoolkit", "cuda-version", "nodejs"})
# conda-build names a Python package's build after the interpreter it was built for (`py310h...`,
# `cuda112py310h...`, `cpu_py39h...`) or, for pure-Python packages, `pyh<hash>`/`py_<n>`; a
# C library's or tool's build carries no such part (`zstd=1.5.5=hc292b87_0`, which is no PyPI
# project even where PyPI holds one of that name).
_PYTHON_BUILD = re.compile(r"py(?:\d|h|_)", re.IGNORECASE)


def python_build(build: str) -> bool:
    """Whether a conda build string is a Python package's build."""
    return _PYTHON_BUILD.search(build) is not None


def compose_yaml(text: str) -> object:
    """The YAML node tree of a conda file (line marks kept), or DependencyFileError: invalid
    YAML, aliases, nesting too deep."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        if "*" in text and any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=loader)):
            # One alias repeated inside another multiplies the entries to read (a 36 KB file
            # expands to millions); conda environment files and locks have no
            # use for them.
            raise DependencyFileError("YAML aliases (*name) are not supported in conda files")
        # The collector walks every node of a lock's million-node tree many times over while
        # it is built (pixi.lock, 7 MB: 4 s with it, 0.6 s without); the tree holds no cycles.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return yaml.compose(text, Loader=loader)
        finally:
            if collecting:
                gc.enable()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise DependencyFileError(f"invalid YAML{where}") from None
    except RecursionError:
        raise DependencyFileError("YAML nested too deeply") from None


def parse_environment(text: str, path: Path, root: Path) -> DependencyFile:
    import yaml

    document = compose_yaml(text)
    result = DependencyFile(lines=text.splitlines())
    if document is None:
        return result
    if not isinstance(document, yaml.MappingNode):
        raise DependencyFileError("not a conda environment (top level is not a mapping)")
    sections = {key.value: value for key, value in document.value if isinstance(key, yaml.ScalarNode)}
    channels = sections.get("channels")
    if isinstance(channels, yaml.SequenceNode):
        for item in channels.value:
            if isinstance(item, yaml.ScalarNode):
                result.indexes.append(IndexOption(item.start_mark.line + 1, "channel", str(item.value)))
    dependencies = sections.get("dependencies")
    if not isinstance(dependencies, yaml.SequenceNode):
        return result
    for item in dependencies.value:
        if isinstance(item, yaml.ScalarNode):
            text = str(item.value)
            if _conda_name(text) in _NOT_PACKAGES:
                continue  # the interpreter and pip themselves, not packages to vet
            dependency = _conda_dependency(text, item.start_mark.line + 1)
            if dependency is not None:
                result.dependencies.append(dependency)
            elif text.strip():
                result.problems.append(
                    Issue(
                        rules.DEPENDENCY_FILE_UNREADABLE,
                        f"cannot read the conda dependency on this line ({describe(text)})",
                        f"bad:{item.value}",
                        line=item.start_mark.line + 1,
                    )
                )
        elif isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                if isinstance(key, yaml.ScalarNode) and key.value == "pip" and isinstance(value, yaml.SequenceNode):
                    _pip_section(value, path, root, result)
    result.hash_checking = any(d.hashes for d in result.dependencies if d.source != "conda")
    return result


def _pip_section(node: object, path: Path, root: Path, result: DependencyFile) -> None:
    import yaml

    assert isinstance(node, yaml.SequenceNode)
    for entry in node.value:
        if not isinstance(entry, yaml.ScalarNode):
            continue
        line = entry.start_mark.line + 1
        parsed, _includes = parse_requirements(str(entry.value), path, root, include=False)
        for dependency in parsed.dependencies:
            dependency.line = line
            result.dependencies.append(dependency)
        result.indexes.extend(IndexOption(line, option.option, option.value) for option in parsed.indexes)
        for problem in parsed.problems:
            # Each entry is read as a one-line file: its own "line 1" is this line of the YAML.
            message = problem.message.replace("line 1: ", f"line {line}: ", 1) if problem.line == 1 else problem.message
            result.problems.append(replace(problem, line=line, message=message))


def _conda_name(text: str) -> str:
    requirement = parse_conda_spec(text)
    return requirement.key if requirement else ""


def _conda_dependency(text: str, line: int) -> Dependency | None:
    requirement = parse_conda_spec(text)
    if requirement is None:
        return None
    pypi_name = CONDA_TO_PYPI.get(requirement.key)
    requirement.name = pypi_name or requirement.name
    dependency = Dependency.of(requirement, line, text)
    build = conda_build(text)
    # An exported environment's C library or tool (a build string naming no interpreter) is no
    # PyPI project: judged by name as before, not looked up in PyPI's advisories.
    dependency.channel_only = build is not None and not python_build(build) and pypi_name is None
    return dependency
