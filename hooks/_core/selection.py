"""Which files each hook receives: the rule behind `.pre-commit-hooks.yaml` and `mlsec scan`.

pre-commit picks files by `types`/`types_or` tags (from the `identify` library) and a `files`
regex; `mlsec scan` must hand each scanner the same files, so the tags used here are
recognised the same way, with the standard library only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from hooks._core.spec import HookSpec
from hooks._core.textfile import UTF_BOMS, named_text

_PYTHON_SHEBANG = re.compile(rb"^#!.*\bpython[0-9.]*\b")
# identify's `shell` tag: these suffixes, or a shell's shebang (`#!/bin/bash`, `#!/usr/bin/env sh`)
# on a name without a suffix or a batch job's. The code hook reads a file as shell by the same rule.
_SHELL_SUFFIXES = (".sh", ".bash", ".zsh", ".ksh")
_JOB_SUFFIXES = (".slurm", ".sbatch", ".pbs", ".lsf", ".job")
_SHELL_SHEBANG = re.compile(rb"^#![ \t]*\S*?(?:/|env[ \t]+(?:-\S+[ \t]+)*)(?:sh|bash|zsh|ksh|dash)\b")


def shell_by_name(name: str) -> bool | None:
    """True for a shell script's suffix, None when the shebang decides (no suffix, a batch job's),
    False for any other name (`.py`, `.txt`: a shell's shebang there changes nothing)."""
    lowered = name.lower()
    if lowered.endswith(_SHELL_SUFFIXES):
        return True
    return None if "." not in lowered or lowered.endswith(_JOB_SUFFIXES) else False


def shell_tagged(name: str, head: bytes) -> bool:
    """Whether a file of this name whose first bytes are `head` is a shell script."""
    by_name = shell_by_name(name)
    return by_name if by_name is not None else _SHELL_SHEBANG.match(head) is not None


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
    # Text by its name (as identify tags it), by a UTF-16/32 byte-order mark, or by its bytes.
    by_name = named_text(path)
    if by_name or head.startswith(tuple(mark for mark, _ in UTF_BOMS)) or not head.translate(None, _TEXT_BYTES):
        tags.add("text")
    else:
        tags.add("binary")
    suffix = path.suffix.lower()
    if suffix in (".py", ".pyi", ".pyw") or _PYTHON_SHEBANG.match(head):
        tags.add("python")
    if suffix == ".ipynb":
        tags.add("jupyter")
    if shell_tagged(name, head):
        tags.add("shell")
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


def render_hooks_yaml(specs: Sequence[HookSpec]) -> str:
    """`.pre-commit-hooks.yaml` as it must read; a test keeps the checked-in file equal to it."""
    lines = ["# Generated from each hook's spec.py (listed in hooks/catalog.py); edit there, not here.", ""]
    for spec in specs:
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
