"""Reading pipeline definitions' files within bounds (azureml_jobs.py): the regular files below a
folder, the first bytes of a file as text, and YAML through the safe loader with aliases refused
(nested ones grow exponentially) and a cap on the values a document may hold."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path


class Unbounded(Exception):
    """The walk passed its bound, met a symbolic link or a folder it could not list: a definition
    or a runner it did not see may run the script."""


def regular_files(
    top: Path, max_entries: int, skip_folder: Callable[[os.DirEntry[str]], bool], *, unlistable_ok: bool = False
) -> Iterator[os.DirEntry[str]]:
    """The regular files below `top`, in a stable order; raises Unbounded past `max_entries`
    directory entries, at a symbolic link, or at a folder that cannot be listed (unless
    `unlistable_ok`). Folders `skip_folder` accepts are not entered."""
    entries = 0
    stack = [top]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as listing:
                found = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            if unlistable_ok:
                continue
            raise Unbounded from None
        for entry in found:
            entries += 1
            if entries > max_entries:
                raise Unbounded
            try:
                if entry.is_symlink():
                    raise Unbounded
                if entry.is_dir(follow_symlinks=False):
                    if not skip_folder(entry):
                        stack.append(Path(entry.path))
                    continue
                if not entry.is_file(follow_symlinks=False):
                    continue
            except OSError:
                continue
            yield entry


MAX_NODES = 50_000  # YAML values walked in one file


def read_head(path: Path, limit: int) -> str | None:
    """Up to `limit` bytes of the file, as text (undecodable bytes replaced); None if unreadable."""
    try:
        with path.open("rb") as handle:
            return handle.read(limit).decode("utf-8", "replace")
    except OSError:
        return None


def load_documents(text: str) -> list[object] | None:
    """Every document of a YAML text, or None when it cannot be read whole: a syntax error, an
    alias, more than MAX_NODES values."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        if "*" in text and any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=loader)):
            return None
        documents = list(yaml.load_all(text, Loader=loader))  # nosec B506 - CSafeLoader or SafeLoader
    except (yaml.YAMLError, ValueError, RecursionError, MemoryError):
        return None
    return None if node_count(documents) > MAX_NODES else documents


def node_count(value: object) -> int:
    """How many values a loaded document holds (counting stops past MAX_NODES)."""
    count = 0
    stack = [value]
    while stack and count <= MAX_NODES:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count
