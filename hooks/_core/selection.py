"""Which files each hook receives: the one table behind `.pre-commit-hooks.yaml` and `mlsec scan`.

pre-commit picks files by `types`/`types_or` tags (from the `identify` library) and a `files`
regex; `mlsec scan` must hand each scanner the same files, so the tags used here are
recognised the same way, with the standard library only.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CliOption:
    """A hook-specific option that sets a key of the hook's policy section (the CLI wins)."""

    flag: str
    key: str
    help: str
    is_flag: bool = False
    metavar: str = "VALUE"


@dataclass(frozen=True)
class HookSpec:
    hook_id: str
    name: str
    description: str
    scanner: str  # "module:attribute" of the Scanner, imported only when the hook runs
    policy_section: str
    types: tuple[str, ...] = ("file",)
    types_or: tuple[str, ...] = ()
    files: str | None = None
    options: tuple[CliOption, ...] = ()

    @property
    def entry(self) -> str:
        return self.hook_id


HOOK_SPECS: tuple[HookSpec, ...] = (
    HookSpec(
        hook_id="mlsec-artifacts",
        name="mlsec: model artifacts (pickle, torch, joblib, numpy, keras)",
        description="Find code execution in model files by content, without loading them",
        scanner="hooks.artifacts.scanner:ArtifactScanner",
        policy_section="artifacts",
        # Extensions lie and protocol-0 pickles are text, so every file is offered and the
        # content decides; a file that is clearly no artifact costs a few bytes of reading.
        types=("file",),
    ),
    HookSpec(
        hook_id="mlsec-secrets",
        name="mlsec: secrets in code, configs and notebooks",
        description="Find credentials in text files and in notebook cell sources and outputs",
        scanner="hooks.secrets.scanner:SecretScanner",
        policy_section="secrets",
        types=("text",),
    ),
    HookSpec(
        hook_id="mlsec-code",
        name="mlsec: unsafe calls in Python and notebooks",
        description="bandit plus ML rules on scripts and notebook cells, magics and shell lines included",
        scanner="hooks.code.scanner:CodeScanner",
        policy_section="code",
        types=("file",),
        types_or=("python", "jupyter"),
    ),
    HookSpec(
        hook_id="mlsec-deps",
        name="mlsec: vulnerable, malicious and unsafe dependencies",
        description="Check requirements, constraints, environment.yml and pyproject.toml, offline first",
        scanner="hooks.deps.scanner:DepsScanner",
        policy_section="deps",
        types=("file",),
        files=r"(^|/)((requirements|constraints)[^/]*\.(txt|in)|requirements/[^/]+\.(txt|in)"
        r"|environment[^/]*\.ya?ml|pyproject\.toml)$",
        options=(
            CliOption(
                "--advisory-db",
                "advisory_db",
                "OSV records: a folder of JSON/YAML files or an OSV zip export",
                metavar="PATH",
            ),
            CliOption("--online", "online", "query the OSV API (cached on disk, short timeouts)", is_flag=True),
        ),
    ),
    HookSpec(
        hook_id="mlsec-dockerfile",
        name="mlsec: Dockerfiles of training and serving images",
        description="Check Dockerfiles and Containerfiles statically, without a Docker engine",
        scanner="hooks.docker.scanner:DockerfileScanner",
        policy_section="dockerfile",
        types=("file",),
        files=r"(^|/)(Dockerfile|Containerfile)(\.[^/]+)?$|\.(Dockerfile|dockerfile|Containerfile)$",
    ),
)


def spec_for(hook_id: str) -> HookSpec:
    for spec in HOOK_SPECS:
        if spec.hook_id == hook_id:
            return spec
    raise KeyError(hook_id)


_PYTHON_SHEBANG = re.compile(rb"^#!.*\bpython[0-9.]*\b")
_TEXT_BYTES = bytes({7, 8, 9, 10, 11, 12, 13, 27} | set(range(0x20, 0x100)) - {0x7F})


def file_tags(path: Path) -> set[str]:
    """The subset of identify's tags our hooks select on."""
    tags = {"file"}
    name = path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError:
        return tags
    if not head.translate(None, _TEXT_BYTES):
        tags.add("text")
    else:
        tags.add("binary")
    suffix = path.suffix.lower()
    if suffix in (".py", ".pyi", ".pyw") or _PYTHON_SHEBANG.match(head):
        tags.add("python")
    if suffix == ".ipynb":
        tags.add("jupyter")
    if name == "Dockerfile" or name == "Containerfile":
        tags.add("dockerfile")
    if suffix in (".yaml", ".yml"):
        tags.add("yaml")
    if suffix == ".toml":
        tags.add("toml")
    return tags


def selects(spec: HookSpec, path: Path, display: str, tags: set[str] | None = None) -> bool:
    if spec.files is not None and not re.search(spec.files, display):
        return False
    tags = tags if tags is not None else file_tags(path)
    if not set(spec.types) <= tags:
        return False
    return not spec.types_or or bool(set(spec.types_or) & tags)


def render_hooks_yaml() -> str:
    """`.pre-commit-hooks.yaml` as it must read; a test keeps the checked-in file equal to it."""
    lines = ["# Generated from hooks/_core/selection.py (HOOK_SPECS); edit there, not here.", ""]
    for spec in HOOK_SPECS:
        lines += [
            f"- id: {spec.hook_id}",
            f"  name: {json.dumps(spec.name)}",
            f"  description: {json.dumps(spec.description)}",
            f"  entry: {spec.entry}",
            "  language: python",
            "  require_serial: false",
            f"  types: [{', '.join(spec.types)}]",
        ]
        if spec.types_or:
            lines.append(f"  types_or: [{', '.join(spec.types_or)}]")
        if spec.files is not None:
            lines.append(f"  files: {json.dumps(spec.files)}")
        lines.append("")
    return "\n".join(lines)
