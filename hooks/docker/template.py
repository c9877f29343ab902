"""Dockerfiles that are templates: a line that is only a placeholder (`{args}`, `{{ steps }}`,
`{% if gpu %}`, `${EXTRA}`, `<%= steps %>`) stands where a generator puts instructions before
the image is built.

Such a line is no instruction, so the file cannot be parsed as it is; but every other line is
what the generator will write. The placeholders are blanked (line numbers kept) and the rest is
checked as usual, with one low finding that names the lines nobody can check here:

- a placeholder that ends a continuation (`RUN pip install \\` then `{{ packages }}`) becomes a
  word of that instruction, so the continuation still ends there and the next instruction is
  read on its own (a comment would let the shell-style join run on into it);
- a line that is only a control tag (`{% else %}`, `{% endif %}`) inside a continuation is
  rendered as nothing, so the continuation goes on past it: the branches' lines are read joined;
- control tags around an instruction on one line (`{% if debug %}RUN curl ... | bash{% endif %}`)
  are removed and the instruction is checked: it is what the template writes when the
  condition holds;
- only a variable (`{{ name }}`, `{{ pkgs | join(' ') }}`) is a placeholder: an expression with a
  literal in it (`{{ 'RUN ...' }}`) is not, and keeps the file unparseable (fail closed);
- a variable naming the base image (`FROM {{ base_image }} AS server`) becomes one word, as the
  image reference it stands for: the stage and everything in it are read, its base is unknown.
"""

from __future__ import annotations

import re

_VARIABLE = r"[A-Za-z_][\w.]{0,60}"
_FILTERS = r"(?:[ \t]*\|[ \t]*[A-Za-z_]\w{0,30}(?:\([^()\n]{0,40}\))?){0,4}"
# A whole line that is one placeholder: str.format, Jinja/Go (`{{ x }}`, `{{ .X }}`), shell, ERB.
_PLACEHOLDER_LINE = re.compile(
    rf"[ \t]*(?:\{{{_VARIABLE}\}}|\{{\{{-?[ \t]*\.?{_VARIABLE}{_FILTERS}[ \t]*-?\}}\}}|\$\{{{_VARIABLE}\}}"
    rf"|<%=[ \t]*{_VARIABLE}[ \t]*%>|\{{%-?[^%\n]{{1,200}}-?%\}}|<%(?!=)[^%\n]{{1,200}}%>)[ \t]*"
)
# A control tag (`{% if x %}`, `{%- endfor -%}`, `<% end %>`) anywhere on a line.
_CONTROL_TAG = re.compile(r"\{%-?[^%\n]{1,200}-?%\}|<%(?!=)[^%\n]{1,200}%>")
_WORD = "__template_placeholder__"
PLACEHOLDER_WORD = _WORD
# A variable placeholder inside a line (Jinja/Go `{{ base }}`, str.format `{base}`), for FROM lines.
_INLINE_VARIABLE = re.compile(rf"\{{\{{-?[ \t]*\.?{_VARIABLE}{_FILTERS}[ \t]*-?\}}\}}|\{{{_VARIABLE}\}}")
_FROM_LINE = re.compile(r"[ \t]*FROM[ \t]", re.IGNORECASE)


def blank_placeholders(text: str) -> tuple[str, list[int]]:
    """The text with each placeholder-only line blanked and control tags removed from lines
    that hold an instruction besides; the numbers of the lines changed."""
    lines = text.split("\n")
    changed: list[int] = []
    continued = False  # the previous instruction line ends in `\`: this line is its argument
    for index, line in enumerate(lines):
        bare = line.rstrip("\r")
        if _PLACEHOLDER_LINE.fullmatch(bare):
            changed.append(index + 1)
            if continued and _CONTROL_TAG.fullmatch(bare.strip()):
                # `{% else %}` inside `RUN a && \`: Jinja writes nothing there, so the instruction
                # goes on past it (both branches are read, joined, as one command line)
                lines[index] = "# (template tag)"
                continue
            lines[index] = _WORD if continued else "# (template placeholder)"
            continued = False
            continue
        if _CONTROL_TAG.search(bare):
            rest = _CONTROL_TAG.sub("", bare)
            lines[index] = rest
            changed.append(index + 1)
            bare = rest
        if not continued and _FROM_LINE.match(bare) and _INLINE_VARIABLE.search(bare):
            bare = _INLINE_VARIABLE.sub(_WORD, bare)
            lines[index] = bare
            if not changed or changed[-1] != index + 1:
                changed.append(index + 1)
        stripped = bare.strip()
        if stripped.startswith("#") and continued:
            continue  # a comment inside a continuation keeps it going
        continued = stripped.endswith("\\")
    return "\n".join(lines), changed
