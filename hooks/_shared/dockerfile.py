"""A Dockerfile parser that follows BuildKit's rules and keeps every line number.

Parser directives (`# syntax=`, `# escape=`), line continuations with comments and blank lines
between them, heredocs (`RUN <<EOF`, `COPY <<EOF /dest`, `<<-EOF`, quoted delimiters), JSON and
shell forms, case-insensitive keywords, multi-stage builds and `ARG` before `FROM`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

# BuildKit's directive line (frontend/dockerfile/parser/directives.go): the comment mark, then
# `name = value`; Go's regexp \s is these five characters, not Unicode's spaces.
_DIRECTIVE_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9]*")
_GO_RE_SPACE = "\t\n\f\r "
# Go's unicode.IsSpace, which BuildKit trims with (Python's str.isspace also takes U+001C-U+001F).
_GO_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_GO_SPACE += "\u2028\u2029\u202f\u205f\u3000"
_KNOWN_DIRECTIVES = frozenset({"syntax", "escape", "check"})
# Every instruction BuildKit knows; any other word is refused when the file is built.
_INSTRUCTIONS = frozenset(
    {"ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER"}
    | {"ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"}
)
# A heredoc word as BuildKit reads one (frontend/dockerfile/parser: the line is cut into shell
# words, and a word `[fd]<<[-][spaces]NAME` opens a heredoc): `<<EOF`, `<<-EOF`, `<< 'EOF'`,
# `3<<"EOF"`, `<<file.txt`. A `<<` inside quotes, `<<<` (a here-string) or `<<` with no name after
# it opens none.
_HEREDOC = re.compile(r"(?<![<\w])\d*<<(-?)[ \t]*(?:\"([^\"<]+)\"|'([^'<]+)'|([A-Za-z_$][\w.$-]*))")
_FIRST_WORD = re.compile(r"(\S*)(\s*)")
_BUILDKIT_SPACES = re.compile(r"[\t\v\f\r ]+")  # how BuildKit splits an instruction's arguments into words
_FLAG = re.compile(r"^--([a-z-]+)(?:=(\S*))?$")
_VARIABLE = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+]([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))")


class DockerfileError(Exception):
    def __init__(self, message: str, line: int, *, empty: bool = False) -> None:
        super().__init__(message)
        self.line = line
        self.empty = empty  # nothing but comments and blank lines: `docker build` refuses it too


@dataclass
class Heredoc:
    delimiter: str
    body: str
    start_line: int  # first line of the body


@dataclass
class Instruction:
    keyword: str  # upper case
    arguments: str  # the text after the keyword, continuations joined, flags included
    line: int  # first line of the instruction
    end_line: int
    heredocs: list[Heredoc] = field(default_factory=list)
    stage: int = 0

    @property
    def json_arguments(self) -> list[str] | None:
        text = self.arguments.strip()
        if not text.startswith("["):
            return None
        try:
            value = json.loads(text)
        except ValueError:
            return None
        return [str(v) for v in value] if isinstance(value, list) else None

    def split_flags(self) -> tuple[dict[str, str], str]:
        """`--from=build --chown=a:b src dst` -> ({"from": "build", "chown": "a:b"}, "src dst")."""
        flags: dict[str, str] = {}
        rest = self.arguments.strip()
        while rest.startswith("--"):
            word, _, remainder = _split_word(rest)
            match = _FLAG.match(word)
            if match is None:
                break
            flags[match.group(1)] = match.group(2) or ""
            rest = remainder.strip()
        return flags, rest

    @property
    def text(self) -> str:
        """The whole instruction with heredoc bodies, for checks that read commands."""
        return "\n".join([self.arguments, *(h.body for h in self.heredocs)])


@dataclass
class Stage:
    index: int
    base: str  # image reference as written (variables substituted)
    name: str | None
    line: int
    instructions: list[Instruction] = field(default_factory=list)


@dataclass
class Dockerfile:
    stages: list[Stage]
    global_args: dict[str, str]
    instructions: list[Instruction]
    # No FROM at all: steps a tool appends to a base image named elsewhere (Azure ML's
    # `extra_docker_file_steps`, an `ONBUILD`-style include); one stage whose base is unknown ("").
    fragment: bool = False


def substitute(text: str, variables: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(3)
        default = match.group(2)
        value = variables.get(name)
        if value:
            return value
        return default if default is not None else match.group(0)

    return _VARIABLE.sub(replace, text)


def _split_word(text: str) -> tuple[str, str, str]:
    """The first word and the rest, split at the first run of whitespace: BuildKit splits an
    instruction from its arguments, and a flag from the next, at a tab as at a space."""
    match = _FIRST_WORD.match(text)
    assert match is not None  # both groups may be empty: it matches every text
    return match.group(1), match.group(2), text[match.end() :]


def _directive(text: str) -> tuple[str, str] | None:
    """`name = value` as BuildKit's directive regexp reads it (linear: no backtracking regexp
    over a long run of spaces); the name in lower case."""
    name, equals, value = text.partition("=")
    name = name.rstrip(_GO_RE_SPACE)
    value = value.strip(_GO_RE_SPACE)
    if not equals or not value or not _DIRECTIVE_NAME.fullmatch(name):
        return None
    return name.lower(), value


def _directives(lines: list[str], comment: str = "#", *, trim: bool = True) -> list[tuple[int, str, str]]:
    """The parser directives at the top of the file as BuildKit reads them: (index, name, value)
    for each line that holds the comment mark and a known `name = value`, until the first line
    that does not; a directive given twice is an error, as in BuildKit. The parser (escape) trims
    a line's leading space first; the frontend's detection (`trim=False`) does not."""
    found: list[tuple[int, str, str]] = []
    for index, line in enumerate(lines):
        line = line.lstrip(_GO_SPACE) if trim else line
        if not line.startswith(comment):
            break
        parsed = _directive(line[len(comment) :].lstrip(_GO_SPACE))
        if parsed is None or parsed[0] not in _KNOWN_DIRECTIVES:
            break
        name, value = parsed
        if any(seen == name for _, seen, _ in found):
            raise DockerfileError(f"only one {name} parser directive can be used", index + 1)
        found.append((index, name, value))
    return found


def _frontend(lines: list[str], text: str) -> str:
    """The image `# syntax=` names (BuildKit's DetectSyntax: a first `#!` line is skipped, then
    `#` directives, then `//` ones, then a JSON document's "syntax"), its first word; "" for none."""
    body = lines[1:] if lines and lines[0].startswith("#!") else lines
    for comment in ("#", "//"):
        try:
            named = [value for _, name, value in _directives(body, comment, trim=False) if name == "syntax"]
        except DockerfileError:
            named = []
        if named:
            return named[0].split(" ", 1)[0]
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return ""
    syntax = document.get("syntax") if isinstance(document, dict) else None
    return syntax if isinstance(syntax, str) else ""


def _continuation(escape: str) -> re.Pattern[str]:
    """BuildKit's line continuation: the escape character, not itself escaped, then only spaces
    and tabs to the end of the line (`a\\` ends a line; `a\\<no-break space>` does too)."""
    mark = re.escape(escape)
    return re.compile(rf"(?:^|(?<=[^{mark}])){mark}[ \t]*$")


def parse(text: str) -> Dockerfile:
    lines = text.split("\n")
    if lines:
        lines[0] = lines[0].removeprefix("\ufeff")
    lines = [line.rstrip("\r") for line in lines]  # BuildKit trims every CR before the newline
    escape = "\\"
    frontend = _frontend(lines, text)  # `# syntax=IMAGE`: BuildKit hands the whole file to that image
    # Parser directives: only before anything else, each once.
    directives = _directives(lines)
    for index, name, value in directives:
        if name == "escape":
            if value not in ("\\", "`"):
                raise DockerfileError(f"invalid escape character {value!r}", index + 1)
            escape = value
    index = len(directives)
    continuation = _continuation(escape)
    instructions: list[Instruction] = []
    while index < len(lines):
        stripped = lines[index].strip(_GO_SPACE)
        if not stripped or stripped.startswith("#"):
            index += 1
            continue
        start = index
        parts: list[str] = []
        while True:
            # The first line without its leading space; continuation lines as they are, joined
            # with nothing between, as BuildKit joins them (`RUN cur\` + `l x` runs `curl x`).
            current = lines[index].lstrip(_GO_SPACE) if index == start else lines[index]
            index += 1
            ending = continuation.search(current)
            if ending is None:
                parts.append(current)
                break
            parts.append(current[: ending.start()])
            # Comments and blank lines inside a continuation are skipped, as BuildKit does.
            while index < len(lines) and (
                not lines[index].strip(_GO_SPACE) or lines[index].lstrip(_GO_SPACE).startswith("#")
            ):
                index += 1
            if index >= len(lines):
                break
        joined = "".join(parts).strip(_GO_SPACE)
        keyword, _, arguments = _split_word(joined)
        if not re.fullmatch(r"[A-Za-z]+", keyword):
            raise DockerfileError(f"{keyword[:20]!r} is not an instruction", start + 1)
        if keyword.upper() not in _INSTRUCTIONS:
            # BuildKit refuses it; here it most often means a line read apart from its instruction.
            raise DockerfileError(f"unknown instruction {keyword[:20]!r}", start + 1)
        instruction = Instruction(keyword.upper(), arguments.strip(), start + 1, index)
        if instruction.keyword in ("RUN", "COPY", "ADD"):
            for match in _heredoc_words(arguments):
                strip_tabs = match.group(1) == "-"
                delimiter = match.group(2) or match.group(3) or match.group(4)
                body_start = index
                while index < len(lines):
                    candidate = lines[index].lstrip("\t") if strip_tabs else lines[index]
                    if candidate.rstrip("\r") == delimiter:
                        break
                    index += 1
                else:
                    raise DockerfileError(f"heredoc <<{delimiter} is never closed", instruction.line)
                body = "\n".join(lines[body_start:index])
                instruction.heredocs.append(Heredoc(delimiter, body, body_start + 1))
                index += 1
            instruction.end_line = index
        instructions.append(instruction)
    return _stages(instructions, frontend)


def _heredoc_words(arguments: str) -> list[re.Match[str]]:
    """The heredoc openers of an instruction's arguments, outside quoted text."""
    found: list[re.Match[str]] = []
    quote = ""
    index = 0
    while index < len(arguments):
        char = arguments[index]
        if quote:
            quote = "" if char == quote else quote
        elif char == "\\":
            index += 1  # an escaped character is never a quote or an opener
        elif char in "\"'":
            quote = char
        elif char == "<":
            match = _HEREDOC.match(arguments, _word_start(arguments, index))
            if match is not None and match.end() > index:
                found.append(match)
                index = match.end()
                continue
            while index < len(arguments) and arguments[index] == "<":
                index += 1  # `<<<` is passed whole, never read as `<` and then `<<`
            continue
        index += 1
    return found


def _word_start(text: str, index: int) -> int:
    """Where a `<<` at `index` begins its word: a file descriptor's digits go before it."""
    while index > 0 and text[index - 1].isdigit():
        index -= 1
    return index


# Dockerfile's instructions but FROM: a file of these alone is a fragment; any other word (prose, a
# typo BuildKit would refuse) leaves it a file that is not understood.
# ONBUILD, HEALTHCHECK and SHELL hold instructions and commands that run in an image built from
# another (ONBUILD), in the container (HEALTHCHECK) or decide how later RUN lines run (SHELL): with
# the base unknown a fragment holding them is not read (hooks/docker/checks.py reads them in a
# file with a FROM), so it stays a file that is not understood.
_FRAGMENT_KEYWORDS = _INSTRUCTIONS - {"FROM", "ONBUILD", "HEALTHCHECK", "SHELL"}  # SHELL: later RUNs run in it


def _stages(instructions: list[Instruction], frontend: str = "") -> Dockerfile:
    # Comments only build nothing, unless a custom frontend (`# syntax=` of anything but Docker's
    # own docker/dockerfile) reads the file its own way.
    own_frontend = not frontend or re.match(r"(?:docker\.io/)?docker/dockerfile(?:[:@]|$)", frontend)
    if instructions and own_frontend and all(i.keyword in _FRAGMENT_KEYWORDS for i in instructions):
        # Every line an instruction and none a FROM: a fragment. Its steps are what they are
        # whatever the base, so they are checked; only the base image is not known here.
        return Dockerfile([Stage(0, "", None, instructions[0].line, list(instructions))], {}, instructions, True)
    global_args: dict[str, str] = {}
    stages: list[Stage] = []
    for instruction in instructions:
        if instruction.keyword == "FROM":
            _platform, rest = instruction.split_flags()
            words = [word for word in _BUILDKIT_SPACES.split(rest) if word]
            if not words:
                raise DockerfileError("FROM without an image", instruction.line)
            # BuildKit takes `FROM image` or `FROM image AS name` and refuses anything else (a file
            # whose lines end in CR alone is one such FROM line holding every instruction).
            if len(words) not in (1, 3) or (len(words) == 3 and words[1].lower() != "as"):
                raise DockerfileError("FROM takes an image, or an image, AS and a name", instruction.line)
            name = words[2] if len(words) == 3 else None
            stages.append(Stage(len(stages), substitute(words[0], global_args), name, instruction.line))
        elif not stages:
            if instruction.keyword != "ARG":
                raise DockerfileError(f"{instruction.keyword} before the first FROM", instruction.line)
            for name, default in arg_pairs(instruction.arguments):
                global_args[name] = default
            continue
        instruction.stage = len(stages) - 1
        stages[-1].instructions.append(instruction)
    if not stages:
        if not instructions and own_frontend:
            raise DockerfileError("no instructions at all (only comments or blank lines)", 1, empty=True)
        raise DockerfileError("no FROM instruction", 1)
    return Dockerfile(stages, global_args, instructions)


def arg_pairs(arguments: str) -> list[tuple[str, str]]:
    """`ARG A=1 B="x y" C`: (name, default) pairs, a quoted default one value (spaces and all) as
    Docker reads it; "" for an ARG without a default."""
    from hooks._shared.words import split_words

    try:
        words = split_words(arguments)
    except ValueError:
        words = arguments.split()
    return [(name, default) for name, _, default in (word.partition("=") for word in words)]


def variable_pairs(instruction: Instruction) -> list[tuple[str, str]]:
    """The variables an ENV or ARG instruction sets, with their values ([] for any other)."""
    if instruction.keyword == "ENV":
        return env_pairs(instruction.arguments)
    if instruction.keyword == "ARG":
        return arg_pairs(instruction.arguments)
    return []


def env_pairs(arguments: str) -> list[tuple[str, str]]:
    """ENV/ARG/LABEL `k=v k2="v 2"` pairs, or the legacy `ENV key value` form."""
    from hooks._shared.words import split_words

    try:
        words = split_words(arguments)
    except ValueError:
        words = arguments.split()
    if words and "=" not in words[0]:
        return [(words[0], " ".join(words[1:]))]
    return [(w.partition("=")[0], w.partition("=")[2]) for w in words if "=" in w]
