"""Options every hook and `mlsec scan` share, and the one rule that keeps file names from
ever being read as options.

pre-commit runs `entry + args + file names`: a committed file named `--output=.git/hooks/x` or
`--fail-on=critical` arrives exactly where options stand. So, as the command line is read left
to right: everything after `--` is a file; an argument that names an existing file or folder is
a file, never an option (unless it is the value an option asked for, as in `--config
.mlsec.yaml`); only the remaining arguments that begin with `-` are options.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from hooks._core.display import printable
from hooks._core.findings import Severity
from hooks._core.spec import HookSpec

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for a process ended by SIGPIPE
BASELINE_HELP = "accepted findings (default: .mlsec-baseline.json when present)"


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line that says what to fix, and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {printable(message)} (see {self.prog} --help)\n")

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse makes a formatter for every add_argument and asks shutil for the terminal
        # width; shutil imports bz2, lzma and zlib: 2 ms of every hook run, for a help text.
        # Every argparse formatter takes width; typeshed's protocol names only prog.
        return self.formatter_class(prog=self.prog, width=help_width())  # type: ignore[call-arg]


def help_width() -> int:
    """The width argparse would use (shutil.get_terminal_size's rule, less argparse's margin)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return (columns if columns > 0 else 80) - 2


def new_parser(prog: str, description: str) -> Parser:
    parser = Parser(prog=prog, description=description)
    add_version(parser)
    return parser


def add_version(parser: argparse.ArgumentParser) -> None:
    from hooks._version import VERSION

    parser.add_argument("--version", action="version", version=f"%(prog)s (mlsec-hooks) {VERSION}")


def add_report_options(parser: argparse.ArgumentParser) -> None:
    from hooks.reporters import FORMATS

    parser.add_argument(
        "--format",
        "--output-format",
        dest="format",
        choices=FORMATS,
        default="text",
        help="report format (default: text; gitlab is GitLab Code Quality JSON)",
    )
    parser.add_argument("--output", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument("--config", metavar="FILE", help="policy file (default: .mlsec.yaml or [tool.mlsec])")
    parser.add_argument("--baseline", metavar="FILE", help=BASELINE_HELP)
    parser.add_argument(
        "--fail-on",
        metavar="SEVERITY",
        type=_severity_arg,
        help="lowest severity that fails the run: low, medium, high or critical (default: medium)",
    )
    parser.add_argument(
        "--profile",
        choices=("default", "strict"),
        help="severity profile: strict reports hygiene (pins, digests, root, timeouts, /tmp) at medium "
        "(default: the policy's `profile`, else default)",
    )
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run")
    parser.add_argument(
        "--select",
        metavar="IDS",
        help="report only these rule ids or prefixes, comma-separated (MLS1,B3); MLS9xx stay unless ignored",
    )
    parser.add_argument("--ignore", metavar="IDS", help="do not report these rule ids or prefixes (MLS105,B1)")
    parser.add_argument("--statistics", action="store_true", help="print counts per rule instead of each finding")
    parser.add_argument("-q", "--quiet", action="store_true", help="print the findings and nothing else")
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report (default: auto: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces)",
    )


def add_hook_options(parser: argparse.ArgumentParser, specs: Sequence[HookSpec]) -> None:
    for spec in specs:
        for option in spec.options:
            if option.is_flag:
                parser.add_argument(option.flag, action="store_true", default=None, help=option.help)
            else:
                parser.add_argument(option.flag, metavar=option.metavar, help=option.help)


def _severity_arg(text: str) -> Severity:
    try:
        return Severity.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _takes_value(parser: argparse.ArgumentParser, word: str) -> bool:
    """Whether `word` is an option that reads the next argument as its value."""
    if "=" in word:
        return False
    action = parser._option_string_actions.get(word)  # argparse has no public lookup
    return action is not None and action.nargs != 0


def _names_option(parser: argparse.ArgumentParser, word: str) -> bool:
    """Whether argparse would read `word` as one of the parser's options (abbreviations included)."""
    if not word.startswith("-") or word in ("-", "--"):
        return False
    name = word.split("=", 1)[0]
    known = parser._option_string_actions  # argparse has no public lookup
    if name in known:
        return True
    if name.startswith("--"):
        return parser.allow_abbrev and any(option.startswith(name) for option in known)
    return len(name) > 2 and name[:2] in known  # `-qh`, `-ofile`


def separate_files(parser: argparse.ArgumentParser, argv: Sequence[str]) -> list[str]:
    """argv rewritten as `options -- files`, so that no file name is ever parsed as an option.

    One case cannot be told apart: before the first file, a word that is both one of our options
    and the name of a file here. It is either the user's option (`args: [--fail-on=low]` in
    .pre-commit-config.yaml) or a committed file of that name at the head of pre-commit's list;
    reading it either way lets a committed file steer the run (drop the user's option, or set
    one), so it is a usage error (exit 2) that names the file to rename."""
    options: list[str] = []
    files: list[str] = []
    tokens = list(argv)
    index = 0
    while index < len(tokens):
        word = tokens[index]
        index += 1
        if word == "--" and not os.path.lexists(word):  # a committed file named `--` is still a file
            files.extend(tokens[index:])
            break
        exists = os.path.lexists(word)
        if exists and not files and _names_option(parser, word):
            parser.error(
                f"{word!r} is both an option and a file name here; rename or remove the file "
                "(or give the hook's options in the policy file)"
            )
        if not word.startswith("-") or word == "-" or exists:
            files.append(word)
            continue
        options.append(word)
        if _takes_value(parser, word) and index < len(tokens):
            options.append(tokens[index])
            index += 1
    return [*options, "--", *files] if files else options


def closed_pipe_exit() -> int:
    """The reader went away (`mlsec rules | head -1`): end quietly, as command-line tools do.

    Python would print a second error while flushing stdout at exit, so stdout is pointed at
    the null device first."""
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return EXIT_BROKEN_PIPE


def tolerant_output() -> None:
    """A terminal or CI log whose encoding cannot show a name (`café.pkl` under
    PYTHONIOENCODING=ascii, a non-UTF-8 locale) gets it escaped instead of a UnicodeEncodeError
    traceback halfway through the report."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError, TypeError):
                pass
