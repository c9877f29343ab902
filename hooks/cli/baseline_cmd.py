"""`mlsec baseline`: accept today's findings in files git tracks, so a reviewer of the baseline's
diff sees what was accepted, how severe it is and why.

- Only tracked files: an untracked file (a local `.env`, a Dockerfile not yet added) is never
  accepted behind the reviewer's back; it is named on stderr instead.
- Critical findings are refused unless `--accept-critical` is given (ones already in the file stay).
- `mlsec baseline PATH...` updates the entries of those paths and keeps the others; entries that
  match nothing any more are reported as stale and kept unless `--prune`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from hooks._core.baseline import BASELINE_FILE_NAME, Entry, load_baseline, render_entries, update_baseline
from hooks._core.destinations import check_destination
from hooks._core.display import printable
from hooks._core.errors import UsageError
from hooks._core.findings import Severity
from hooks._core.paths import display_path
from hooks._core.runner import Target, scan_targets
from hooks.catalog import HOOKS
from hooks.cli.args import EXIT_CLEAN, add_hook_options
from hooks.cli.run import prepare, targets_for

PROG = "mlsec"
LISTED = 10  # names printed before "and N more"


def add_baseline_parser(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    expand_paths: Callable[[Sequence[str]], list[str]],
) -> None:
    """The `baseline` command; `expand_paths` is `mlsec scan`'s (folders walked the same way)."""
    from hooks.cli.args import add_version

    baseline = commands.add_parser(
        "baseline", help=f"accept the current findings of files git tracks in {BASELINE_FILE_NAME}"
    )
    add_version(baseline)
    baseline.add_argument(
        "paths", nargs="*", metavar="PATH", help="update only these files or folders (default: every tracked file)"
    )
    baseline.add_argument("--config", metavar="FILE", help="policy file (default: .mlsec.yaml or [tool.mlsec])")
    baseline.add_argument("--output", metavar="FILE", help=f"where to write (default: {BASELINE_FILE_NAME})")
    baseline.add_argument("--reason", metavar="TEXT", help="why these findings are accepted (kept in new entries)")
    baseline.add_argument(
        "--accept-critical", action="store_true", help="also accept critical findings (refused by default)"
    )
    baseline.add_argument("--prune", action="store_true", help="remove entries that no longer match any finding")
    baseline.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    add_hook_options(baseline, HOOKS)
    baseline.set_defaults(handler=cmd_baseline, expand_paths=expand_paths)


def _tracked(root: Path) -> set[str]:
    try:
        completed = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "--cached", "--full-name"], capture_output=True, check=True
        )
    except FileNotFoundError:
        raise UsageError("mlsec baseline needs git: it only accepts findings in files git tracks") from None
    except subprocess.CalledProcessError:
        raise UsageError(
            "mlsec baseline needs a git repository: it only accepts findings in files git tracks"
        ) from None
    return {name for name in completed.stdout.decode("utf-8", "surrogateescape").split("\0") if name}


def _say(args: argparse.Namespace, line: str) -> None:
    if not args.quiet:
        print(line, file=sys.stderr)


def _names(paths: Sequence[str]) -> str:
    shown = ", ".join(printable(p) for p in paths[:LISTED])
    return shown + (f" and {len(paths) - LISTED} more" if len(paths) > LISTED else "")


def _by_severity(entries: Sequence[Entry]) -> str:
    counts: Counter[str] = Counter()
    for entry in entries:
        counts[entry.severity or "unknown"] += entry.count
    order = [s.value for s in sorted(Severity, key=lambda s: -s.rank)] + ["unknown"]
    return ", ".join(f"{counts[name]} {name}" for name in order if counts[name])


def cmd_baseline(args: argparse.Namespace) -> int:
    expand_paths: Callable[[Sequence[str]], list[str]] = args.expand_paths
    context = prepare(args, HOOKS)
    tracked = _tracked(context.root)
    destination = check_destination(
        Path(args.output) if args.output else context.root / BASELINE_FILE_NAME,
        context.root,
        "--output" if args.output else "baseline",
    )
    shown_destination = display_path(str(destination), context.root)
    if args.paths:
        named = expand_paths(args.paths)
    else:  # the index, less what was deleted from the work tree and folders (submodules)
        named = [str(context.root / p) for p in sorted(tracked)]
        named = [p for p in named if Path(p).is_symlink() or (os.path.lexists(p) and not Path(p).is_dir())]
    candidates = targets_for(named, context.root)
    candidates = [t for t in candidates if t.display != shown_destination]
    targets: list[Target] = [t for t in candidates if t.display in tracked]
    untracked = [t.display for t in candidates if t.display not in tracked]
    if untracked:
        print(f"{PROG}: not tracked by git, not accepted: {_names(untracked)}", file=sys.stderr)
    result = scan_targets(targets, HOOKS, context.tail, select=True, cache=context.cache)
    if result.errors:
        for error in result.errors:
            print(f"{PROG}: {printable(error.path)}: {error.message}", file=sys.stderr)
        raise UsageError("some files could not be read; fix that before writing a baseline")
    old = load_baseline(destination).entries if destination.is_file() else ()
    scanned: set[str] | None = None
    if args.paths:
        gone = {e.path for e in old if e.path and not os.path.lexists(context.root / e.path)}
        scanned = {t.display for t in targets} | gone
    update = update_baseline(old, result.findings, scanned, reason=args.reason, prune=args.prune)
    critical = [e for e in update.added if e.severity == Severity.CRITICAL.value]
    if critical and not args.accept_critical:
        for entry in critical:
            print(
                f"{PROG}: critical: {printable(entry.path)}: {entry.rule_id} {printable(entry.message)}",
                file=sys.stderr,
            )
        raise UsageError(
            f"{len(critical)} critical finding(s) not accepted and nothing written; fix them, or rerun with"
            " --accept-critical once a reviewer agrees"
        )
    try:
        destination.write_text(render_entries(update.entries), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{printable(str(destination))}: cannot write the baseline ({exc.strerror})") from None
    accepted = [e for e in update.entries if e not in update.stale]
    total = sum(e.count for e in accepted)
    summary = f"{PROG}: {printable(shown_destination)}: {total} accepted finding(s)"
    if total:
        summary += f" ({_by_severity(accepted)})"
    summary += f"; {sum(e.count for e in update.added)} new"
    _say(args, summary)
    for entry in update.stale:
        verb = "removed" if args.prune else "kept (--prune removes it)"
        _say(args, f"{PROG}: stale entry {verb}: {printable(entry.path)}: {entry.rule_id} {printable(entry.message)}")
    return EXIT_CLEAN
