"""Options every hook shares, and the path from argv to findings to an exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from hooks._core.baseline import BASELINE_FILE_NAME, load_baseline
from hooks._core.errors import UsageError
from hooks._core.findings import Severity
from hooks._core.paths import display_path, find_repo_root
from hooks._core.policy import Policy, load_policy
from hooks._core.runner import ScanResult, Target, scan_targets
from hooks._core.selection import HookSpec, spec_for

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line that says what to fix, and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def new_parser(prog: str, description: str) -> argparse.ArgumentParser:
    return _Parser(prog=prog, description=description)


def add_report_options(parser: argparse.ArgumentParser) -> None:
    from hooks.reporters import FORMATS

    parser.add_argument("--format", choices=FORMATS, default="text", help="report format (default: text)")
    parser.add_argument("--output", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument("--config", metavar="FILE", help="policy file (default: .mlsec.yaml or [tool.mlsec])")
    parser.add_argument("--baseline", metavar="FILE", help=f"accepted findings (default: {BASELINE_FILE_NAME})")
    parser.add_argument(
        "--fail-on",
        metavar="SEVERITY",
        type=_severity_arg,
        help="lowest severity that fails the run: low, medium, high or critical (default: medium)",
    )


def add_hook_options(parser: argparse.ArgumentParser, specs: Sequence[HookSpec]) -> None:
    for spec in specs:
        for option in spec.options:
            if option.is_flag:
                parser.add_argument(option.flag, action="store_true", default=None, help=option.help)
            else:
                parser.add_argument(option.flag, metavar=option.metavar, help=option.help)


def apply_hook_options(policy: Policy, args: argparse.Namespace, specs: Sequence[HookSpec]) -> Policy:
    """Hook options on the command line override the same keys of the policy file."""
    sections = {name: dict(values) for name, values in policy.sections.items()}
    for spec in specs:
        for option in spec.options:
            value = getattr(args, option.flag.lstrip("-").replace("-", "_"), None)
            if value is not None:
                sections.setdefault(spec.policy_section, {})[option.key] = value
    return replace(policy, sections=sections)


def _severity_arg(text: str) -> Severity:
    try:
        return Severity.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


@dataclass(frozen=True)
class RunContext:
    root: Path
    policy: Policy


def prepare(args: argparse.Namespace, specs: Sequence[HookSpec] = ()) -> RunContext:
    root = find_repo_root()
    return RunContext(root=root, policy=apply_hook_options(load_policy(root, args.config), args, specs))


def targets_for(paths: Sequence[str], root: Path) -> list[Target]:
    return [Target(Path(p), display_path(p, root)) for p in paths]


def finish(args: argparse.Namespace, context: RunContext, result: ScanResult, prog: str) -> int:
    """Baseline, report, exit code: the same tail for every hook and for `mlsec scan`."""
    findings = result.findings
    baseline_path = Path(args.baseline) if args.baseline else context.root / BASELINE_FILE_NAME
    if args.baseline and not baseline_path.is_file():
        raise UsageError(f"--baseline {args.baseline}: no such file; create it with `mlsec baseline`")
    if baseline_path.is_file():
        findings, covered = load_baseline(baseline_path).split(findings)
        if covered:
            print(f"{prog}: {covered} finding(s) accepted by {baseline_path.name} not shown", file=sys.stderr)

    from hooks.reporters import render

    report = render(args.format, findings, result.errors)
    if args.output:
        try:
            Path(args.output).write_text(report, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"--output {args.output}: cannot write ({exc.strerror})") from None
    else:
        sys.stdout.write(report)
    for notice in dict.fromkeys(result.notices):
        print(notice, file=sys.stderr)
    for error in result.errors:
        if args.format != "text" or args.output:
            print(f"{prog}: {error.path}: {error.message}", file=sys.stderr)
    if result.errors:
        return EXIT_USAGE
    fail_on: Severity = args.fail_on or context.policy.fail_on
    failing = [f for f in findings if f.severity.rank >= fail_on.rank]
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def run_hook(hook_id: str, argv: Sequence[str] | None) -> int:
    """The whole of a pre-commit hook: filenames in, report out, exit code back."""
    spec: HookSpec = spec_for(hook_id)
    parser = new_parser(hook_id, spec.description)
    parser.add_argument("filenames", nargs="*", help="files to check (pre-commit passes the staged ones)")
    add_report_options(parser)
    add_hook_options(parser, [spec])
    args = parser.parse_args(argv)
    try:
        context = prepare(args, [spec])
        result = scan_targets(targets_for(args.filenames, context.root), [spec], context.policy, select=False)
        return finish(args, context, result, hook_id)
    except UsageError as exc:
        print(f"{hook_id}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
