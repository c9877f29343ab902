"""Just enough of Python's tokenizer to know, line by line, where statements start.

IPython recognises its special syntax (`!cmd`, `%magic`, `x = !cmd`, `obj?`) only at the start of
a logical line, outside strings and brackets, so the cell transformer needs to know for each
physical line whether it starts a statement, whether it ends in a backslash continuation, where
its first top-level `=` is and what its last significant character is. Strings follow the
grammar of Python 3.12 (PEP 701: f-strings nest quotes and replacement fields), because the
kernel that runs a notebook may be newer than the Python that runs the hook; the lexer also
records where each f-string and each replacement-field expression is, for `fstrings.py`.

One pass over the characters with no backtracking: time is linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_PREFIXES = frozenset({"", "r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt"})
_OPEN = "([{"
_CLOSE = ")]}"
# Characters that make an `=` part of another operator when they stand right before it.
_NOT_ASSIGN_BEFORE = frozenset("=<>!+-*/%&|^@:~")

Position = tuple[int, int]  # (0-based line, column)


@dataclass
class FString:
    """An f-string: where its prefix starts, where its closing quote ends, and the spans of the
    expressions in its replacement fields (nested f-strings are recorded on their own)."""

    start: Position
    end: Position | None = None
    expressions: list[tuple[Position, Position]] = field(default_factory=list)


@dataclass
class _Code:
    depth: int = 0
    # Inside an f-string replacement field: where the expression started, until it ends at
    # `!conversion`, `=`, `:spec` or the closing brace.
    owner: FString | None = None
    expression_start: Position | None = None


@dataclass
class _String:
    quote: str  # the closing sequence: ', ", ''' or \"\"\"
    formatted: FString | None


@dataclass
class _FormatSpec:
    """The format spec of a replacement field (`{x:>{width}}`): text with nested fields."""


@dataclass(frozen=True)
class LineInfo:
    starts_statement: bool  # begins a logical line (no open bracket or string, no `\` before)
    continued: bool  # ends in a backslash that joins the next line (outside strings)
    assign_column: int | None  # first `=` at bracket depth 0, when the line starts a statement
    last_significant: int | None  # last character outside comments
    comment_column: int | None  # where a top-level comment starts
    open_at_end: bool = False  # a bracket or string is still open when the line ends
    string_open_at_end: bool = False  # a string (not only a bracket) is still open


class Lexer:
    """Feed physical lines in order; each call says what that line is."""

    def __init__(self) -> None:
        self.stack: list[_Code | _String | _FormatSpec] = [_Code()]
        self.continued = False
        self.escaped = False  # inside an IPython escape line (`!cmd`, `%magic`) and its `\` continuations
        self.fstrings: list[FString] = []

    @property
    def at_statement_start(self) -> bool:
        top = self.stack[0]
        return len(self.stack) == 1 and isinstance(top, _Code) and top.depth == 0 and not self.continued

    def feed(self, line: str, number: int = 0) -> LineInfo:
        starts = self.at_statement_start
        if self.escaped or (starts and line.lstrip()[:1] in ("!", "%")):
            return self._escape_line(line, starts)
        assign: int | None = None
        last: int | None = None
        comment: int | None = None
        continued = False
        stack = self.stack
        index = 0
        length = len(line)
        content_end = len(line.rstrip("\r"))
        while index < length:
            top = stack[-1]
            char = line[index]
            if isinstance(top, _String):
                index = self._in_string(line, index, top, number)
                last = index - 1
                continue
            if isinstance(top, _FormatSpec):
                index = self._in_format_spec(line, index, number)
                continue
            if char == "#":
                if len(stack) == 1:
                    comment = index
                break
            if char in " \t\f\r":
                index += 1
                continue
            if char == "\\":
                if index == content_end - 1:
                    continued = len(stack) == 1
                index += 1
                continue
            if char in "'\"" or char.isalpha() or char == "_":
                index = self._word_or_string(line, index, number)
                last = index - 1
                continue
            if top.owner is not None and top.depth == 0 and self._field_boundary(line, index, top, number):
                index = self._after_boundary(line, index, top, number)
                last = index - 1
                continue
            if char in _OPEN:
                top.depth += 1
            elif char in _CLOSE:
                top.depth = max(0, top.depth - 1)
            elif (
                char == "="
                and starts
                and assign is None
                and len(stack) == 1
                and top.depth == 0
                and not line.startswith("==", index)
                and (index == 0 or line[index - 1] not in _NOT_ASSIGN_BEFORE)
            ):
                assign = index
            last = index
            index += 1
        self._end_of_line(line, number)
        self.continued = continued
        base = self.stack[0]
        still_open = len(self.stack) > 1 or (isinstance(base, _Code) and base.depth > 0)
        return LineInfo(starts, continued, assign, last, comment, still_open, len(self.stack) > 1)

    def _escape_line(self, line: str, starts: bool) -> LineInfo:
        r"""A shell command or magic line is text, not Python: IPython joins its `\` continuations
        and turns the whole into one call with a string argument, so a bracket or quote inside it
        opens nothing for the lines after it (`!pip install a \` / `w = (1 +` ends there)."""
        content = line.rstrip("\r")
        continued = content.endswith("\\")
        self.escaped = continued
        self.continued = continued
        stripped = content.rstrip()
        last = len(stripped) - 1 if stripped.strip() else None
        return LineInfo(starts, continued, None, last, None)

    # --- strings ---------------------------------------------------------------------------
    def _word_or_string(self, line: str, index: int, number: int) -> int:
        end = index
        length = len(line)
        while end < length and (line[end].isalnum() or line[end] == "_"):
            end += 1
        if end < length and line[end] in "'\"" and line[index:end].lower() in _PREFIXES:
            prefix = line[index:end].lower()
            quote = line[end]
            closing = quote * 3 if line.startswith(quote * 3, end) else quote
            formatted = None
            if "f" in prefix or "t" in prefix:
                formatted = FString((number, index))
                self.fstrings.append(formatted)
            self.stack.append(_String(closing, formatted))
            return end + len(closing)
        return max(end, index + 1)

    def _in_string(self, line: str, index: int, string: _String, number: int) -> int:
        """Advance inside a string, to just after its closing quote or a field's opening brace."""
        length = len(line)
        closing = string.quote
        while index < length:
            char = line[index]
            if char == "\\":
                index += 2
                continue
            if string.formatted is not None and char == "{":
                if line.startswith("{{", index):
                    index += 2
                    continue
                self.stack.append(_Code(owner=string.formatted, expression_start=(number, index + 1)))
                return index + 1
            if string.formatted is not None and char == "}":
                index += 2 if line.startswith("}}", index) else 1
                continue
            if line.startswith(closing, index):
                self.stack.pop()
                if string.formatted is not None:
                    string.formatted.end = (number, index + len(closing))
                return index + len(closing)
            index += 1
        return length

    def _in_format_spec(self, line: str, index: int, number: int) -> int:
        char = line[index]
        if char == "{":
            if line.startswith("{{", index):
                return index + 2
            field_code = self.stack[-2]
            owner = field_code.owner if isinstance(field_code, _Code) else None
            self.stack.append(_Code(owner=owner, expression_start=(number, index + 1)))
        elif char == "}":
            self.stack.pop()  # the spec
            if isinstance(self.stack[-1], _Code) and self.stack[-1].owner is not None:
                self.stack.pop()  # and the field it belongs to
        elif char == "\\":
            return index + 2
        return index + 1

    @staticmethod
    def _field_boundary(line: str, index: int, top: _Code, number: int) -> bool:
        """Whether this character ends the expression of a replacement field (depth 0)."""
        char = line[index]
        if char == "}":
            return True
        if char == "!" and not line.startswith("!=", index):
            return True
        if char == ":":
            return True
        return (
            char == "="
            and not line.startswith("==", index)
            and (index == 0 or line[index - 1] not in "=<>!:")
            and top.expression_start is not None
        )

    def _after_boundary(self, line: str, index: int, top: _Code, number: int) -> int:
        char = line[index]
        if top.expression_start is not None and top.owner is not None:
            top.owner.expressions.append((top.expression_start, (number, index)))
            top.expression_start = None
        if char == "}":
            self.stack.pop()
            return index + 1
        if char == ":":
            self.stack.append(_FormatSpec())
            return index + 1
        if char == "!":
            return min(len(line), index + 2)  # the conversion letter
        return index + 1  # `=`: the self-documenting form

    def _end_of_line(self, line: str, number: int) -> None:
        """A single-quoted string cannot run past its line unless an odd number of backslashes
        ends it: close it (and any field inside it) here, as Python's tokenizer reports it."""
        content = line.rstrip("\r")
        joined = (len(content) - len(content.rstrip("\\"))) % 2 == 1
        for position, entry in enumerate(self.stack):
            if isinstance(entry, _String) and len(entry.quote) == 1 and not joined:
                if entry.formatted is not None and entry.formatted.end is None:
                    entry.formatted.end = (number, -1)  # unterminated
                del self.stack[position:]
                break


def scan_lines(lines: list[str]) -> tuple[list[LineInfo], list[FString]]:
    lexer = Lexer()
    return [lexer.feed(line, number) for number, line in enumerate(lines)], lexer.fstrings
