"""Dockerfiles that are templates: a line that is only a placeholder (`{args}`, `{{ steps }}`,
`{% if gpu %}`, `${EXTRA}`) stands where a generator puts instructions before the image is built.

Such a line is no instruction, so the file cannot be parsed as it is; but every other line is
what the generator will write. The placeholders are blanked (line numbers kept) and the rest is
checked as usual, with one low finding that names the lines nobody can check here.
"""

from __future__ import annotations

import re

# A whole line that is one placeholder of Python's str.format, Jinja, Go/Helm, shell or ERB.
_PLACEHOLDER_LINE = re.compile(
    r"[ \t]*(?:\{[A-Za-z_][\w.]{0,60}\}|\{\{[^{}\n]{1,200}\}\}|\{%[^\n]{1,200}%\}|\$\{[A-Za-z_]\w{0,60}\}"
    r"|<%[^\n]{1,200}%>)[ \t]*"
)


def blank_placeholders(text: str) -> tuple[str, list[int]]:
    """The text with each placeholder-only line made a comment, and those lines' numbers."""
    lines = text.split("\n")
    blanked: list[int] = []
    for index, line in enumerate(lines):
        if _PLACEHOLDER_LINE.fullmatch(line.rstrip("\r")):
            lines[index] = "# (template placeholder)"
            blanked.append(index + 1)
    return "\n".join(lines), blanked
