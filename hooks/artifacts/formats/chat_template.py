"""Jinja chat templates (GGUF metadata, Hugging Face tokenizer configs): sandbox escapes.

A chat template only formats messages: it indexes `message['role']`, loops, compares and calls
a few filters. Escapes from Jinja's sandbox (CVE-2024-34359 in llama-cpp-python rendered GGUF
templates without one) all need Python's object internals: a dunder attribute (`__class__`,
`__globals__`, ...), the `attr` filter, or a global's module (`lipsum.__globals__.os`). The code
spans (`{{ }}`, `{% %}`) are read with string escapes decoded, literal concatenations joined,
names that earlier `{% set %}` spans bound to constant text substituted and the text filters
(`reverse`, `lower`, `upper`) applied, so `'\\x5f\\x5fclass\\x5f\\x5f'`, `'__cla' ~ 'ss__'`,
`{% set u = '_' ~ '_' %}...''[u ~ 'class' ~ u]` and `'__ssalc__'|reverse` read as what they
build. Names built in ways no folding follows (`"a_b"[1] * 2`, `"ap"|last`) show in the code's
shape instead: a string literal indexed or taken apart by a filter (`'a_b'|list|select(...)|first`,
`'x'|replace('x', '_')`), a call of what an item lookup returned, or an attribute filter given a
name that is not a literal (`map(attribute=c)`), which no chat template does. Literals are found
before escapes are decoded, so a quote of the other kind inside one (`'"image": '`) stays text.
Text outside the spans is what the template prints and is not judged.
"""

from __future__ import annotations

import re

MAX_TEMPLATE = 1 << 20  # longer templates are judged on their first MiB and reported as capped

_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3})")
_LITERAL_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|.)", re.DOTALL)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r"}
_JOINER = re.compile(r"\s*(?:[~+]\s*)?")  # fullmatch: what may stand between two joined literals
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
# A string-keyed lookup of a module or a function of Python's own (`x['os']['popen']`): Jinja's
# item lookup falls back to attributes, so these reach the OS whatever built the object before.
_STRING_KEY = re.compile(
    r"""\[\s*['"](?:os|posix|nt|popen|subprocess|sys|modules|builtins|__builtins__|eval|exec|__import__|"""
    r"""import_module|importlib|getattr|globals|open|spawnv?p?e?|execv?p?e?)['"]\s*\]"""
)
# An item lookup on one of Jinja's global callables (`namespace['__init__']`): a chat template
# calls them, it never indexes them.
_GLOBAL_LOOKUP = re.compile(r"\b(?:namespace|range|dict|lipsum|cycler|joiner)\s*\[")
_STATEMENTS = re.compile(r"\{%-?\s*(?:import|from|include|extends)\b")
_FORMAT = re.compile(r"\|\s*format\b")
# Names built at render time (`"a_b"[1] * 2`, `"ap"|last`) escape any reading of constant text,
# but they show in the shape of the code: a chat template neither indexes a string literal nor
# calls what an item lookup returns (`""[c][b][s]()`, `k[i][g][p]("...")`).
_LITERAL_INDEXED = re.compile(r"''\s*\[")  # on the code with its string literals emptied
_CALLED_LOOKUP = re.compile(r"\]\s*\(")
# Text built from a literal by a filter chain (`'a_b'|list|select(...)|first`, `'x'|replace('x',
# '_')`): no chat template pipes a literal through a filter that takes it apart or rebuilds it
# (181 real templates: none). Output-only filters and the folded text filters are left alone.
_LITERAL_FILTERED = re.compile(
    r"''\s*\|\s*(?!(?:trim|safe|e|escape|length|count|tojson|lower|upper|reverse|default|d|int|float"
    r"|string|striptags|wordcount|format)\b)[A-Za-z_]"
)
# An attribute chosen by a filter from anything but a literal (`map(attribute=c)`,
# `selectattr(c)`): Jinja's filters fetch attributes by name, so a built name reaches internals.
_ATTRIBUTE_FROM_NAME = re.compile(
    r"(?:\battribute\s*=\s*|\b(?:selectattr|rejectattr|groupby)\s*\(\s*)(?!''\s*[,)])[^\s,)]"
)
_STRING = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\"""", re.DOTALL)


def _decode_escape(match: re.Match[str]) -> str:
    code = match.group(1)
    value = int(code[1:], 16) if code[0] in "xuU" else int(code, 8)
    return chr(value) if value < 0x110000 else ""


def _decode_literal_escape(match: re.Match[str]) -> str:
    code = match.group(1)
    if len(code) == 1 and not code.isdigit():
        return _SIMPLE_ESCAPES.get(code, code)
    return _decode_escape(match)


def _normalise(span: str) -> str:
    """`span` with each string literal's escapes decoded and adjacent literals (`'a' 'b'`,
    `'a' ~ 'b'`, `'a' + 'b'`) joined into one, written back single-quoted. Literals are found
    before anything is decoded, so a quote inside a literal (`'"image": '`) stays inside it."""
    pieces: list[str] = []
    pending: list[str] | None = None  # the texts of the literals being joined
    position = 0
    for literal in _STRING.finditer(span):
        between = span[position : literal.start()]
        text = _LITERAL_ESCAPE.sub(_decode_literal_escape, literal.group(0)[1:-1])
        if pending is not None and _JOINER.fullmatch(between):
            pending.append(text)
        else:
            if pending is not None:
                pieces.append(_quoted("".join(pending)))
            pieces.append(_ESCAPE.sub(_decode_escape, between))
            pending = [text]
        position = literal.end()
    if pending is not None:
        pieces.append(_quoted("".join(pending)))
    pieces.append(_ESCAPE.sub(_decode_escape, span[position:]))
    return "".join(pieces)


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


_SET = re.compile(r"\{%-?[ \t\n]*set[ \t\n]+([A-Za-z_]\w*)[ \t\n]*=")
_IDENTIFIER = re.compile(r"(?<![\w.])[A-Za-z_]\w*(?!\w)")
_LITERAL_ONLY = re.compile(r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""", re.DOTALL)  # fullmatch, stripped
_TEXT_FILTER = re.compile(r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*\|\s*(reverse|lower|upper)\b""")
MAX_FOLDED = 256  # a name's folded text longer than this is not substituted (`a = b ~ b` doubles)
MAX_FOLD_GROWTH = 4 << 20  # characters substitution may add to one template


def _quoted(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _unquoted(literal: str) -> str:
    return re.sub(r"\\(.)", r"\1", literal[1:-1])


def _apply_filter(match: re.Match[str]) -> str:
    text = _unquoted(match.group(1))
    changed = {"reverse": text[::-1], "lower": text.lower(), "upper": text.upper()}[match.group(2)]
    return _quoted(changed)


class FoldBudget:
    """How many characters substitution may still add to one template's spans: `{{ a a a ... }}`
    with a 256-character `a` must not grow a 1 MiB template a hundredfold."""

    def __init__(self, characters: int = MAX_FOLD_GROWTH) -> None:
        self.left = characters


class _TooLarge(Exception):
    pass


def _substitute(code: str, constants: dict[str, str], budget: FoldBudget) -> str:
    """`code` with each name a `{% set %}` bound to a constant text written as that text, outside
    string literals (`u ~ 'class' ~ u` with `u = '_' ~ '_'` is `'__' ~ 'class' ~ '__'`)."""
    if not constants:
        return code

    def replace(match: re.Match[str]) -> str:
        name = match.group(0)
        if name not in constants:
            return name
        text = _quoted(constants[name])
        budget.left -= len(text)
        if budget.left < 0:
            raise _TooLarge
        return text

    pieces: list[str] = []
    position = 0
    for literal in _STRING.finditer(code):
        pieces.append(_IDENTIFIER.sub(replace, code[position : literal.start()]))
        pieces.append(literal.group(0))
        position = literal.end()
    pieces.append(_IDENTIFIER.sub(replace, code[position:]))
    return "".join(pieces)


def _folded(raw: str, constants: dict[str, str], budget: FoldBudget) -> str:
    """A span as Jinja evaluates its constant text: names bound by earlier `{% set %}` spans to
    constant strings substituted, escapes decoded, literal concatenations joined and the text
    filters (`reverse`, `lower`, `upper`) applied to literals. A `{% set %}` whose value folds to
    one literal binds its name for the spans after it."""
    assignment = _SET.match(raw)
    if assignment is not None and raw.endswith("%}"):
        expression = raw[assignment.end() : -2].rstrip("-")  # `{% set x = ... -%}`: no regex over the value
        value = _filtered(_normalise(_substitute(expression, constants, budget)))
        # Stripped first, then one literal alone (in brackets): no two runs of spaces meet in
        # the pattern, so a value of 250,000 escaped spaces costs one pass.
        bare = value.strip()
        if bare.startswith("(") and bare.endswith(")"):
            bare = bare[1:-1].strip()
        literal = _LITERAL_ONLY.fullmatch(bare)
        if literal is not None and len(literal.group(1)) <= MAX_FOLDED:
            constants[assignment.group(1)] = _unquoted(literal.group(1))
        else:
            constants.pop(assignment.group(1), None)  # rebound to something not constant
        return f"{{% set {assignment.group(1)} = {value} %}}"
    return _filtered(_normalise(_substitute(raw, constants, budget)))


def _filtered(code: str) -> str:
    """`code` with the text filters applied to literals until nothing changes (at most 8 rounds:
    `'__SSALC__'|reverse|lower`)."""
    for _ in range(8):
        changed = _normalise(_TEXT_FILTER.sub(_apply_filter, code))
        if changed == code:
            break
        code = changed
    return code


# `{% set f = x[a][b] %}`: a name bound to what an item lookup returned; calling it later is the
# same call as `x[a][b](...)` (a red team built its names in `{% set a %}...{% endset %}` text).
_NAME_CALLED = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\s*\(")
_LOOKUP_BOUND = re.compile(r"\{%-?\s*set\s+([A-Za-z_]\w*)\s*=\s*[A-Za-z_][\w.]*\s*\[")


def problems(template: str) -> list[str]:
    """Why this template looks like a sandbox escape (empty for an ordinary chat template)."""
    found: list[str] = []
    constants: dict[str, str] = {}
    budget = FoldBudget()
    template = template[:MAX_TEMPLATE]
    # Python's internal names have no place in a chat template's text either: block sets
    # (`{% set a %}__init__{% endset %}`) and macro bodies turn text into names.
    internal = _DANGEROUS_DUNDER.search(template)
    if internal is not None:
        found.append(f"Python internals in the template's text `{internal.group(0)[:40]}`")
    looked_up: set[str] = set()
    for raw in code_spans(template):
        try:
            span = _folded(raw, constants, budget)
        except _TooLarge:
            found.append(f"names bound to constant text that fold past {MAX_FOLD_GROWTH >> 20} MiB")
            break
        code = _STRING.sub("''", span)  # names outside string literals
        bound = _LOOKUP_BOUND.match(raw)
        # one pass over the span's calls, not one search per bound name (a template may bind thousands)
        called = next((call.group(1) for call in _NAME_CALLED.finditer(code) if call.group(1) in looked_up), None)
        if called is not None:
            note = f"a call of {called}, bound to what an item lookup returned"
            if note not in found:
                found.append(note)
        if bound is not None:
            looked_up.add(bound.group(1))
        else:
            assigned = _SET.match(raw)
            if assigned is not None:
                looked_up.discard(assigned.group(1))
        for reason, hit in (
            ("dunder attribute", _DUNDER_ACCESS.search(span)),
            ("Python internals", _DANGEROUS_DUNDER.search(span)),
            ("attr filter", _FILTER_ATTR.search(code)),
            ("string-keyed lookup of Python's own names", _STRING_KEY.search(span)),
            ("item lookup on a Jinja global", _GLOBAL_LOOKUP.search(code)),
            ("name outside a chat template's vocabulary", _NAMES.search(code)),
            ("template loading statement", _STATEMENTS.match(span)),
            ("characters built with format", _FORMAT.search(span) if "%c" in span else None),
            ("a string literal indexed (characters picked to build a name)", _LITERAL_INDEXED.search(code)),
            ("a call of what an item lookup returned", _CALLED_LOOKUP.search(code)),
            (
                "a string literal taken apart by a filter (characters picked to build a name)",
                _LITERAL_FILTERED.search(code),
            ),
            ("an attribute picked by a filter from a built name", _ATTRIBUTE_FROM_NAME.search(code)),
        ):
            if hit is not None:
                shown = hit.group(0)[:40].encode("unicode_escape").decode()
                note = f"{reason} `{shown}`"
                if note not in found:
                    found.append(note)
        if len(found) >= 4:
            break
    return found
