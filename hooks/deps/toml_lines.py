"""TOML read for dependency files, and the lines of its strings and keys (tomllib gives none)."""

from __future__ import annotations

import re
import sys
from typing import Any

from hooks.deps.reading import DependencyFileError


def read_toml(text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DependencyFileError(f"invalid TOML ({exc})") from None
    except RecursionError:
        raise DependencyFileError("TOML nested too deeply") from None
    return data


_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'')
_KEY = re.compile(r"^\s*(?:\"([^\"]+)\"|'([^']+)'|([A-Za-z0-9_.-]+))\s*=")


class LineFinder:
    """TOML parsers give no positions: find each dependency string's line, in order.

    Every quoted string and every `key =` of the file is indexed once, so each look-up is a
    dictionary access (a scan per look-up made 60,000 dependencies take minutes)."""

    def __init__(self, lines: list[str]) -> None:
        self.strings: dict[str, list[int]] = {}
        self.keys: dict[str, list[int]] = {}
        for number, line in enumerate(lines, 1):
            if '"' in line or "'" in line:
                for match in _QUOTED.finditer(line):
                    text = match.group(1) if match.group(1) is not None else match.group(2)
                    self.strings.setdefault(text, []).append(number)
            key = _KEY.match(line)
            if key is not None:
                self.keys.setdefault(next(g for g in key.groups() if g is not None), []).append(number)
        self.next_string: dict[str, int] = {}
        self.next_key: dict[str, int] = {}

    @staticmethod
    def _take(table: dict[str, list[int]], cursor: dict[str, int], needle: str) -> int | None:
        numbers = table.get(needle)
        position = cursor.get(needle, 0)
        if not numbers or position >= len(numbers):
            return numbers[-1] if numbers else None
        cursor[needle] = position + 1
        return numbers[position]

    def find(self, needle: str, fallback: int = 1) -> int:
        found = self._take(self.strings, self.next_string, needle)
        return found if found is not None else fallback

    def find_key(self, name: str, fallback: int = 1) -> int:
        found = self._take(self.keys, self.next_key, name)
        return found if found is not None else self.find(name, fallback)
