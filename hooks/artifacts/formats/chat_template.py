"""Jinja chat templates (GGUF metadata, Hugging Face tokenizer configs): sandbox escapes.

A chat template only formats messages: it indexes `message['role']`, loops, compares and calls
a few filters. Escapes from Jinja's sandbox (CVE-2024-34359 in llama-cpp-python rendered GGUF
templates without one) all need Python's object internals: a dunder attribute (`__class__`,
`__globals__`, ...), the `attr` filter, or a global's module (`lipsum.__globals__.os`). The code
spans (`{{ }}`, `{% %}`) are read with string escapes decoded and literal concatenations joined,
so `'\\x5f\\x5fclass\\x5f\\x5f'` or `'__cla' ~ 'ss__'` read as what they build. Text outside the
spans is what the template prints and is not judged.
"""

from __future__ import annotations

import re

MAX_TEMPLATE = 1 << 20  # longer templates are judged on their first MiB and reported as capped

_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3})")
_JOIN = re.compile(r"""(['"])\s*(?:[~+]\s*)?(['"])""")
_DUNDER_ACCESS = re.compile(r"""(?:\.\s*|\[\s*['"]|\battribute\s*=\s*['"])_{1,2}[A-Za-z]\w*""")
_DANGEROUS_DUNDER = re.compile(
    r"__(?:class|mro|subclasses|globals|builtins|base|bases|init|import|dict|getattribute|code|func"
    r"|self|module|loader|spec|reduce|reduce_ex|getitem|closure)__"
)
_FILTER_ATTR = re.compile(r"\|\s*attr\b")
_NAMES = re.compile(
    r"\b(?:os|subprocess|popen|__import__|importlib|eval|exec|getattr|setattr|"
    r"lipsum|cycler|joiner|url_for|get_flashed_messages)\b"
    r"(?!\s*[=:])"
)
_STATEMENTS = re.compile(r"\{%-?\s*(?:import|from|include|extends)\b")
_FORMAT = re.compile(r"\|\s*format\b")
_STRING = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\"""", re.DOTALL)


def _decode_escape(match: re.Match[str]) -> str:
    code = match.group(1)
    value = int(code[1:], 16) if code[0] in "xuU" else int(code, 8)
    return chr(value) if value < 0x110000 else ""


def _normalise(span: str) -> str:
    return _JOIN.sub("", _ESCAPE.sub(_decode_escape, span))


def code_spans(template: str) -> list[str]:
    """The `{{ ... }}` and `{% ... %}` spans, an unclosed one running to the end (linear time)."""
    spans: list[str] = []
    position = 0
    while True:
        starts = [at for at in (template.find("{{", position), template.find("{%", position)) if at != -1]
        if not starts:
            return spans
        start = min(starts)
        end = template.find("}}" if template[start + 1] == "{" else "%}", start + 2)
        if end == -1:
            spans.append(template[start:])
            return spans
        spans.append(template[start : end + 2])
        position = end + 2


def problems(template: str) -> list[str]:
    """Why this template looks like a sandbox escape (empty for an ordinary chat template)."""
    found: list[str] = []
    for raw in code_spans(template[:MAX_TEMPLATE]):
        span = _normalise(raw)
        code = _STRING.sub("''", span)  # names outside string literals
        for reason, hit in (
            ("dunder attribute", _DUNDER_ACCESS.search(span)),
            ("Python internals", _DANGEROUS_DUNDER.search(span)),
            ("attr filter", _FILTER_ATTR.search(code)),
            ("name outside a chat template's vocabulary", _NAMES.search(code)),
            ("template loading statement", _STATEMENTS.match(span)),
            ("characters built with format", _FORMAT.search(span) if "%c" in span else None),
        ):
            if hit is not None:
                shown = hit.group(0)[:40].encode("unicode_escape").decode()
                note = f"{reason} `{shown}`"
                if note not in found:
                    found.append(note)
        if len(found) >= 4:
            break
    return found
