"""Attacker-controlled text (file, member and global names, parsed values) on a terminal or in a
CI log: control characters (ESC, CR, LF, BEL, ...) and unpaired surrogates from undecodable file
names are shown escaped, so that no name can rewrite the screen or forge a `path:line:` line."""

from __future__ import annotations


def printable(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escape(char) for char in text)


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def line_list(numbers: list[int], limit: int) -> str:
    """Line numbers as a message lists them: the first `limit`, then `...` when there are more."""
    return ", ".join(str(number) for number in numbers[:limit]) + (", ..." if len(numbers) > limit else "")
