"""The path from argv to findings to an exit code, the same for every hook and `mlsec scan`."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from hooks._core.cache import ResultCache
from hooks._core.decisions import one_decision_per_file
from hooks._core.destinations import check_destination
from hooks._core.display import printable
from hooks._core.errors import UsageError
from hooks._core.findings import Severity
from hooks._core.paths import BASELINE_FILE_NAME, display_path, find_repo_root
from hooks._core.policy import Policy, load_policy
from hooks._core.registry import RuleRegistry
from hooks._core.runner import ScanResult, Target, scan_targets
from hooks._core.spec import HookSpec
from hooks._core.tail import TailContext, apply_baseline, collapse_run_wide
from hooks.catalog import registry_for, spec_for
from hooks.cli.args import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_USAGE,
    add_hook_options,
    add_report_options,
    closed_pipe_exit,
    new_parser,
    separate_files,
    tolerant_output,
)
from hooks.cli.scale import add_cache_option, after_run

if TYPE_CHECKING:
    from hooks._core.baseline import Baseline


def apply_hook_options(policy: Policy, args: argparse.Namespace, specs: Sequence[HookSpec]) -> Policy:
    """Hook options on the command line override the same keys of the policy file."""
    sections = {name: dict(values) for name, values in policy.sections.items()}
    for spec in specs:
        for option in spec.options:
            value = getattr(args, option.flag.lstrip("-").replace("-", "_"), None)
            if value is not None:
                sections.setdefault(spec.policy_section, {})[option.key] = value
    return replace(policy, sections=sections)


# A NamedTuple, not a dataclass, like the other plain records a hook run defines: each dataclass
# costs about 0.3 ms to create at start-up, on every commit (bench artifacts: python -m bench artifacts).
class RunContext(NamedTuple):
    root: Path
    policy: Policy
    registry: RuleRegistry
    cache: ResultCache | None = None  # hooks/cli/scale.py

    @property
    def tail(self) -> TailContext:
        from hooks._shared.redaction import mask_credentials

        return TailContext(self.policy, self.registry, mask_credentials)


def prepare(args: argparse.Namespace, specs: Sequence[HookSpec] = ()) -> RunContext:
    root = find_repo_root()
    rules = registry_for(specs)
    policy = load_policy(root, rules, args.config)
    if getattr(args, "profile", None):
        policy = replace(policy, profile=args.profile)  # --profile wins over the policy's `profile`
    from hooks.cli.scale import open_cache

    cache = open_cache(args, root, specs[0].hook_id if len(specs) == 1 else "mlsec")
    return RunContext(root=root, policy=apply_hook_options(policy, args, specs), registry=rules, cache=cache)


def targets_for(paths: Sequence[str], root: Path) -> list[Target]:
    return [Target(Path(p), display_path(p, root)) for p in paths]


def _output_path(args: argparse.Namespace, root: Path) -> Path | None:
    if not args.output:
        return None
    return check_destination(Path(args.output), root, "--output")


class ReportOptions(NamedTuple):
    """The report options, checked: read before any file is scanned, so that a typo in `--select`,
    a broken baseline or a refused `--output` is one usage line at once, not after a long scan."""

    select: tuple[str, ...]
    ignore: tuple[str, ...]
    baseline_path: Path
    baseline: Baseline | None
    output: Path | None


def check_report_options(args: argparse.Namespace, context: RunContext) -> ReportOptions:
    from hooks.cli import output as shown

    select, ignore = shown.parse_rule_list(args.select), shown.parse_rule_list(args.ignore)
    shown.check_rule_list("--select", select, context.registry)
    shown.check_rule_list("--ignore", ignore, context.registry)
    baseline_path = Path(args.baseline) if args.baseline else context.root / BASELINE_FILE_NAME
    if args.baseline and not baseline_path.is_file():
        raise UsageError(f"--baseline {printable(args.baseline)}: no such file; create it with `mlsec baseline`")
    baseline = None
    if baseline_path.is_file():
        from hooks._core.baseline import load_baseline  # only a repository with a baseline pays for it

        baseline = load_baseline(baseline_path)
    return ReportOptions(select, ignore, baseline_path, baseline, _output_path(args, context.root))


def finish(
    args: argparse.Namespace,
    context: RunContext,
    result: ScanResult,
    prog: str,
    *,
    checked: ReportOptions | None = None,
    files: int | None = None,
    started: float | None = None,
) -> int:
    """Baseline, selection, report, exit code: the same tail for every hook and for `mlsec scan`.
    With `files` and `started` (mlsec scan), a one-line summary ends stderr; hooks print none."""
    from hooks.cli import output as shown

    options = checked if checked is not None else check_report_options(args, context)
    findings, covered = apply_baseline(result.findings, options.baseline)
    findings = collapse_run_wide(shown.select_findings(findings, options.select, options.ignore), context.registry)
    findings = one_decision_per_file(findings, context.registry, context.policy.profile)
    notes: list[str] = []
    if covered:
        notes.append(f"{prog}: {covered} finding(s) accepted by {options.baseline_path.name} not shown")

    from hooks.cli.scale import label_report, report_category
    from hooks.reporters import ReportContext, render

    output = options.output
    stream = sys.stdout
    color = output is None and args.format == "text" and shown.use_color(args.color, stream)
    category = report_category(args, prog)
    report_context = ReportContext(context.registry, context.root, context.policy, category=category, color=color)
    if args.statistics and args.format == "text":
        report = shown.statistics(findings, context.registry)
    else:
        report = label_report(render(args.format, findings, result.errors, report_context), args)
        if args.statistics:
            notes.append(shown.statistics(findings, context.registry).rstrip("\n"))
    if output is not None:
        try:
            output.write_text(report, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"--output {printable(args.output)}: cannot write ({exc.strerror})") from None
    else:
        stream.write(report)
    for error in result.errors:
        if args.format != "text" or args.output or args.statistics:
            print(f"{prog}: {printable(error.path)}: {error.message}", file=sys.stderr)
    if not args.quiet:
        lines = [*notes, *dict.fromkeys(result.notices)]
        if files is not None:
            elapsed = time.monotonic() - (started if started is not None else time.monotonic())
            lines.append(shown.summary_line(prog, files, findings, len(result.errors), elapsed))
        for line in lines:
            print(line, file=sys.stderr)
    if result.errors:
        return EXIT_USAGE
    fail_on: Severity = args.fail_on or context.policy.fail_on
    failing = [f for f in findings if f.severity.rank >= fail_on.rank]
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_CLEAN


def run_hook(hook_id: str, argv: Sequence[str] | None) -> int:
    """The whole of a pre-commit hook: filenames in, report out, exit code back."""
    tolerant_output()
    spec: HookSpec = spec_for(hook_id)
    parser = new_parser(hook_id, spec.description)
    parser.add_argument("filenames", nargs="*", help="files to check (pre-commit passes the staged ones)")
    add_report_options(parser)
    add_hook_options(parser, [spec])
    add_cache_option(parser)
    args = parser.parse_args(separate_files(parser, sys.argv[1:] if argv is None else argv))
    try:
        context = prepare(args, [spec])
        checked = check_report_options(args, context)
        targets = targets_for(args.filenames, context.root)
        result = scan_targets(targets, [spec], context.tail, select=False, cache=context.cache)
        code = finish(args, context, result, hook_id, checked=checked)
        after_run(args, context.cache, len(targets), hook_id)
        sys.stdout.flush()
        return code
    except UsageError as exc:
        print(f"{hook_id}: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return closed_pipe_exit()
