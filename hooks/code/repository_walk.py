"""A bounded walk of a repository's folders, for the surveys that judge a whole checkout once
per run (pyyaml_releases.py, torch_releases.py): each entry once, with the tag its folder was
entered with; past `max_entries` entries the walk raises WalkBoundReached, which a survey keeps
as doubt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Generic, TypeVar

Tag = TypeVar("Tag")


class WalkBoundReached(Exception):
    """More entries than the walk may look at."""


class BoundedWalk(Generic[Tag]):
    """Iterate for (entry, its folder's tag); `enter(path, tag)` adds a folder to walk. Folders
    are walked last entered first, without following links (the caller decides what to enter)."""

    def __init__(self, top: str, tag: Tag, max_entries: int) -> None:
        self._folders: list[tuple[str, Tag]] = [(top, tag)]
        self._max_entries = max_entries

    def enter(self, folder: str, tag: Tag) -> None:
        self._folders.append((folder, tag))

    def __iter__(self) -> Iterator[tuple[os.DirEntry[str], Tag]]:
        entries = 0
        while self._folders:
            folder, tag = self._folders.pop()
            with os.scandir(folder) as listing:
                for entry in listing:
                    entries += 1
                    if entries > self._max_entries:
                        raise WalkBoundReached
                    yield entry, tag
