"""Names from files (paths, columns, class labels, group values) are attacker-influenced: they
reach a terminal, a CI log or a job summary only escaped and shortened."""

from __future__ import annotations


def safe_text(value: object, limit: int = 80) -> str:
    """One printable line: control characters escaped, at most `limit` characters."""
    text = str(value)
    if not text.isprintable():
        text = "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def markdown_cell(value: object, limit: int = 80) -> str:
    """Text for a Markdown table cell: no markup, links, HTML or column breaks survive."""
    text = safe_text(value, limit)
    for char in "\\`*_[]<>|#!~":
        text = text.replace(char, "\\" + char)
    return text
