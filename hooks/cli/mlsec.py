"""`mlsec`: the umbrella command. `scan` runs every scanner, `baseline` accepts today's
findings, `explain` shows what a model file's pickles would do, `rules` lists the registry,
`gate` judges a trained model against the policy's checks (hooks/gate/command.py)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from hooks._core.display import printable
from hooks._core.errors import UsageError
from hooks._core.paths import find_repo_root, walk_files
from hooks._core.runner import scan_targets
from hooks.catalog import HOOKS
from hooks.cli import merge, scale
from hooks.cli.args import (
    EXIT_CLEAN,
    EXIT_USAGE,
    add_hook_options,
    add_report_options,
    add_version,
    closed_pipe_exit,
    new_parser,
    separate_files,
    tolerant_output,
)
from hooks.cli.baseline_cmd import add_baseline_parser
from hooks.cli.run import check_report_options, finish, prepare, targets_for

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
    root = find_repo_root().resolve()
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and (not path.is_symlink() or _inside(path.resolve(), root)):
            # A folder named on the command line is walked, through a link too when the link stays
            # in the repository (`mlsec scan models` with models -> cache/...); one leaving it is
            # passed on as it is and reported (MLS910) without being read.
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


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def cmd_scan(args: argparse.Namespace) -> int:
    from hooks.cli.output import Progress

    started = time.monotonic()
    context = prepare(args, HOOKS)
    checked = check_report_options(args, context)
    targets = scale.narrow(args, context.root, context.policy, targets_for(expand_paths(args.paths), context.root))
    with Progress(PROG, len(targets)):
        result = scan_targets(targets, HOOKS, context.tail, select=True, cache=context.cache)
    code = finish(args, context, result, PROG, checked=checked, files=len(targets), started=started)
    scale.after_run(args, context.cache, len(targets), PROG)
    return code


def rules_markdown_table() -> str:
    """README's rule table (a test keeps README equal to it)."""
    from hooks.catalog import registry
    from hooks.code.bandit_rules import HYGIENE_BANDIT_IDS, bandit_rule
    from hooks.reporters.rule_docs import rules_table_markdown

    # Our rules, then the bandit tests whose default severity differs between the profiles.
    hygiene = [bandit_rule(rule_id) for rule_id in sorted(HYGIENE_BANDIT_IDS)]
    return rules_table_markdown([*registry(), *(rule for rule in hygiene if rule is not None)])


def cmd_rules(args: argparse.Namespace) -> int:
    import json

    from hooks.catalog import registry
    from hooks.cli.output import check_rule_list, parse_rule_list
    from hooks.reporters.rule_docs import rule_markdown, rule_record

    rules = registry()
    select = parse_rule_list(args.select)
    check_rule_list("--select", select, rules)
    chosen = [rule for rule in rules if not select or any(rule.rule_id.startswith(p) for p in select)]
    if args.format == "json":
        sys.stdout.write(json.dumps([rule_record(rule) for rule in chosen], indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write("\n".join(rule_markdown(rule) for rule in chosen))
    elif args.format == "table":
        for rule in chosen:
            sys.stdout.write(f"{rule.rule_id}  {rule.severity.value:<8}  {rule.scanner:<10}  {rule.title}\n")
    return EXIT_CLEAN


def cmd_rule(args: argparse.Namespace) -> int:
    """`mlsec rule MLS306`: one rule's page, ruff-style (bandit's ids too)."""
    import json

    from hooks.catalog import registry
    from hooks.reporters.rule_docs import rule_markdown, rule_record, rule_text

    rules = registry()
    wanted = args.rule_id.strip().upper()
    rule = rules.get(wanted)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(wanted, rules.ids(), n=1)
        hint = f"; did you mean {close[0]}?" if close else " (see `mlsec rules`)"
        raise UsageError(f"unknown rule {printable(args.rule_id)}{hint}")
    if args.format == "json":
        sys.stdout.write(json.dumps(rule_record(rule), indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(rule_markdown(rule))
    else:
        sys.stdout.write(rule_text(rule))
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


def cmd_advisories(args: argparse.Namespace) -> int:
    from hooks.deps.osv import AdvisoryError
    from hooks.deps.update import update

    try:
        print(printable(update(args.source)))
    except AdvisoryError as exc:
        raise UsageError(f"advisories update: {exc}") from None
    return EXIT_CLEAN


def build_parser() -> argparse.ArgumentParser:
    parser = new_parser(PROG, __doc__ or "")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=type(parser))
    commands.required = True
    scan = commands.add_parser("scan", help="run every scanner over files, folders or the git repo")
    scan.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: git ls-files)")
    add_version(scan)
    add_report_options(scan)
    add_hook_options(scan, HOOKS)
    scale.add_scale_options(scan)
    scan.set_defaults(handler=cmd_scan)
    add_baseline_parser(commands, expand_paths)
    explain = commands.add_parser(
        "explain", help="decompile the pickles in model files to Python (with fickling), without running them"
    )
    add_version(explain)
    explain.add_argument("files", nargs="+", metavar="FILE")
    explain.set_defaults(handler=cmd_explain)
    advisories = commands.add_parser("advisories", help="manage the offline advisory snapshot of mlsec-deps")
    advisories.add_argument("action", choices=("update",), help="update: refresh the snapshot in the user cache")
    advisories.add_argument(
        "--from",
        dest="source",
        metavar="ZIP|FOLDER|URL",
        help="an OSV zip export, OSV folder or URL (default: OSV's PyPI export)",
    )
    advisories.set_defaults(handler=cmd_advisories)
    from hooks.gate import command as gate_command

    gate = commands.add_parser(
        "gate", help="judge a trained model: accuracy, adversarial attacks, membership inference, bias"
    )
    add_version(gate)
    gate_command.configure(gate)
    gate.set_defaults(handler=gate_command.run)
    merge.configure(commands.add_parser("merge", help="join the JSON or SARIF reports of shards into one"))
    scale.configure_cache_command(commands.add_parser("cache", help="show, prune or clear the result cache"))
    rules = commands.add_parser("rules", help="list the rules (table), or their full documentation (json, markdown)")
    add_version(rules)
    rules.add_argument(
        "--format", "--output-format", dest="format", choices=("table", "json", "markdown"), default="table"
    )
    rules.add_argument("--select", metavar="IDS", help="only these rule ids or prefixes (MLS1,MLS3)")
    rules.set_defaults(handler=cmd_rules)
    rule = commands.add_parser("rule", help="explain one rule: what it finds, why it matters, an example, the fix")
    add_version(rule)
    rule.add_argument("rule_id", metavar="ID", help="a rule id, e.g. MLS306 or B301")
    rule.add_argument(
        "--format", "--output-format", dest="format", choices=("text", "json", "markdown"), default="text"
    )
    rule.set_defaults(handler=cmd_rule)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    tolerant_output()
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
