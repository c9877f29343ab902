"""`mlsec`: the umbrella command. `scan` runs every scanner, `baseline` accepts today's
findings, `explain` shows what a model file's pickles would do, `rules` lists the registry,
`gate` judges a trained model against the policy's checks (hooks/gate/command.py)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from hooks._core.baseline import BASELINE_FILE_NAME, render_baseline
from hooks._core.display import printable
from hooks._core.errors import UsageError
from hooks._core.paths import walk_files
from hooks._core.runner import scan_targets
from hooks.catalog import HOOKS
from hooks.cli import merge, scale
from hooks.cli.args import (
    EXIT_CLEAN,
    EXIT_USAGE,
    add_hook_options,
    add_report_options,
    closed_pipe_exit,
    new_parser,
    separate_files,
)
from hooks.cli.run import finish, prepare, targets_for

PROG = "mlsec"


def _git_ls_files() -> list[str]:
    try:
        completed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True,
            check=True,
        )
    except FileNotFoundError:
        raise UsageError("no PATH given and git is not installed; name the files or folders to scan") from None
    except subprocess.CalledProcessError:
        raise UsageError("no PATH given and this is not a git repository; name the files or folders to scan") from None
    return [name for name in completed.stdout.decode("utf-8", "surrogateescape").split("\0") if name]


def expand_paths(paths: Sequence[str]) -> list[str]:
    """No path: the repository's files (tracked and not ignored); folders are walked. Links are
    kept (the runner decides what they may reach); an unreadable folder stops the run."""
    if not paths:
        return [p for p in _git_ls_files() if Path(p).is_symlink() or (os.path.lexists(p) and not Path(p).is_dir())]
    expanded: list[str] = []
    errors: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and not path.is_symlink():
            expanded.extend(str(p) for p in walk_files(path, errors))
        elif os.path.lexists(path):
            expanded.append(raw)
        else:
            raise UsageError(f"{printable(raw)}: no such file or folder")
    if errors:
        folder, reason = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise UsageError(f"{printable(str(folder))}: cannot read the folder ({reason}){more}")
    return expanded


def cmd_scan(args: argparse.Namespace) -> int:
    context = prepare(args, HOOKS)
    targets = scale.narrow(args, context.root, context.policy, targets_for(expand_paths(args.paths), context.root))
    result = scan_targets(targets, HOOKS, context.tail, select=True, cache=context.cache)
    code = finish(args, context, result, PROG)
    scale.after_run(args, context.cache, len(targets), PROG)
    return code


def cmd_baseline(args: argparse.Namespace) -> int:
    context = prepare(args, HOOKS)
    targets = targets_for(expand_paths(args.paths), context.root)
    result = scan_targets(targets, HOOKS, context.tail, select=True, cache=context.cache)
    scale.after_run(args, context.cache, len(targets), PROG)
    if result.errors:
        for error in result.errors:
            print(f"{PROG}: {printable(error.path)}: {error.message}", file=sys.stderr)
        raise UsageError("some files could not be read; fix that before writing a baseline")
    destination = Path(args.output) if args.output else context.root / BASELINE_FILE_NAME
    try:
        destination.write_text(render_baseline(result.findings), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{destination}: cannot write the baseline ({exc.strerror})") from None
    print(f"{PROG}: wrote {len(result.findings)} accepted finding(s) to {destination}", file=sys.stderr)
    return EXIT_CLEAN


def rules_markdown_table() -> str:
    """README's rule table (a test keeps README equal to it)."""
    from hooks.catalog import registry

    lines = ["| id | scanner | severity | title | CWE |", "|---|---|---|---|---|"]
    for rule in registry():
        cwe = f"CWE-{rule.cwe}" if rule.cwe else ""
        lines.append(f"| {rule.rule_id} | {rule.scanner} | {rule.severity.value} | {rule.title} | {cwe} |")
    return "\n".join(lines)


def cmd_rules(args: argparse.Namespace) -> int:
    from hooks.catalog import registry

    if args.format == "markdown":
        print(rules_markdown_table())
        return EXIT_CLEAN
    for rule in registry():
        print(f"{rule.rule_id}  {rule.severity.value:<8}  {rule.scanner:<10}  {rule.title}")
    return EXIT_CLEAN


def cmd_explain(args: argparse.Namespace) -> int:
    try:
        import fickling.fickle  # noqa: F401 - the decompiler is an optional extra
    except ImportError:
        print(f"{PROG}: error: explain needs fickling: pip install 'mlsec-hooks[explain]'", file=sys.stderr)
        return EXIT_USAGE
    from hooks.artifacts.explain import explain_paths

    problems = explain_paths(args.files, sys.stdout)
    for problem in problems:
        print(f"{PROG}: error: {problem}", file=sys.stderr)
    return EXIT_USAGE if problems else EXIT_CLEAN


def build_parser() -> argparse.ArgumentParser:
    parser = new_parser(PROG, __doc__ or "")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=type(parser))
    commands.required = True
    scan = commands.add_parser("scan", help="run every scanner over files, folders or the git repo")
    scan.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: git ls-files)")
    add_report_options(scan)
    add_hook_options(scan, HOOKS)
    scale.add_scale_options(scan)
    scan.set_defaults(handler=cmd_scan)
    baseline = commands.add_parser("baseline", help=f"accept every current finding in {BASELINE_FILE_NAME}")
    baseline.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: git ls-files)")
    baseline.add_argument("--config", metavar="FILE", help="policy file (default: .mlsec.yaml or [tool.mlsec])")
    baseline.add_argument("--output", metavar="FILE", help=f"where to write (default: {BASELINE_FILE_NAME})")
    add_hook_options(baseline, HOOKS)
    scale.add_cache_option(baseline)
    baseline.set_defaults(handler=cmd_baseline)
    explain = commands.add_parser(
        "explain", help="decompile the pickles in model files to Python (with fickling), without running them"
    )
    explain.add_argument("files", nargs="+", metavar="FILE")
    explain.set_defaults(handler=cmd_explain)
    from hooks.gate import command as gate_command

    gate = commands.add_parser(
        "gate", help="judge a trained model: accuracy, adversarial attacks, membership inference, bias"
    )
    gate_command.configure(gate)
    gate.set_defaults(handler=gate_command.run)
    merge.configure(commands.add_parser("merge", help="join the JSON or SARIF reports of shards into one"))
    scale.configure_cache_command(commands.add_parser("cache", help="show, prune or clear the result cache"))
    rules = commands.add_parser("rules", help="list the rule registry")
    rules.add_argument("--format", choices=("table", "markdown"), default="table")
    rules.set_defaults(handler=cmd_rules)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    subparsers = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
    if words and subparsers is not None and words[0] in subparsers.choices:
        # File names after the command never become options (see hooks/cli/args.py).
        words = [words[0], *separate_files(subparsers.choices[words[0]], words[1:])]
    args = parser.parse_args(words)
    try:
        code: int = args.handler(args)
        sys.stdout.flush()
        return code
    except UsageError as exc:
        print(f"{PROG}: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return closed_pipe_exit()


if __name__ == "__main__":
    raise SystemExit(main())
