"""CI at scale, as the command line sees it: the result cache (`--no-cache`, `mlsec cache`),
`--changed-since REF`, `--shard K/N` with its report label, and `--timing`.

run.py and mlsec.py call in here at a few points, so that the scanning path stays one path.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hooks._core.cache import CacheUnavailable, ResultCache, cache_home, disabled_by_environment
from hooks._core.display import printable
from hooks._core.errors import UsageError

if TYPE_CHECKING:
    from hooks._core.policy import Policy
    from hooks._core.runner import Target
    from hooks._core.shard import Shard
    from hooks.code.project_fetches import ChangedPaths

# Files whose change can move the verdict of any other file: the whole run is scanned again.
_RUN_WIDE = re.compile(r"(?:^|/)(?:\.gitattributes|[^/]*\.dvc)$")
_STARTED = time.perf_counter()


# --- options ------------------------------------------------------------------------------------


def add_cache_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="scan every file even if its verdict is cached (also MLSEC_NO_CACHE=1)",
    )


def add_scale_options(parser: argparse.ArgumentParser) -> None:
    add_cache_option(parser)
    parser.add_argument(
        "--changed-since",
        metavar="REF",
        help="scan only files changed since the merge-base of REF and HEAD (and files they affect)",
    )
    parser.add_argument(
        "--shard", metavar="K/N", type=_shard_arg, help="scan only the K-th of N path-hash shards (CI matrices)"
    )
    parser.add_argument("--timing", action="store_true", help="print files scanned, cache hits and time to stderr")


def _shard_arg(text: str) -> Shard:
    from hooks._core.shard import Shard  # only a sharded run pays for it

    try:
        return Shard.parse(text)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


# --- the cache ----------------------------------------------------------------------------------


def open_cache(args: argparse.Namespace, root: Path, prog: str) -> ResultCache | None:
    if getattr(args, "no_cache", False) or disabled_by_environment():
        return None
    try:
        return ResultCache.open(cache_home(), root)
    except CacheUnavailable as exc:
        print(f"{prog}: result cache not used: {printable(str(exc))}", file=sys.stderr)
        return None


def after_run(args: argparse.Namespace, cache: ResultCache | None, targets: int, prog: str) -> None:
    """Prune the cache when this run added to it and a prune is due; print `--timing`."""
    if cache is not None and cache.stats.misses:
        cache.prune_if_due()
    if getattr(args, "timing", False):
        seconds = time.perf_counter() - _STARTED
        verdicts = cache.stats.describe() if cache is not None else "cache off"
        print(f"{prog}: {targets} file(s); {verdicts}; {seconds:.2f} s", file=sys.stderr)


# --- which files ------------------------------------------------------------------------------------


def narrow(args: argparse.Namespace, root: Path, policy: Policy, targets: Sequence[Target]) -> list[Target]:
    """The targets `--changed-since` and `--shard` keep, in their original order."""
    kept = _outside_the_cache(root, list(targets))
    if getattr(args, "changed_since", None):
        kept = _changed_targets(args, root, policy, kept)
    shard: Shard | None = getattr(args, "shard", None)
    if shard is not None:
        kept = [t for t in kept if shard.holds(t.display)]
    return kept


def _outside_the_cache(root: Path, targets: list[Target]) -> list[Target]:
    """A cache folder inside the repository (GitLab caches only those) is never scanned."""
    home = cache_home().resolve()
    resolved = root.resolve()
    if home != resolved and resolved not in home.parents:
        return targets
    prefix = home.relative_to(resolved).as_posix() + "/"
    return [t for t in targets if not t.display.startswith(prefix)]


def run_wide_inputs(args: argparse.Namespace, root: Path, policy: Policy) -> set[str]:
    """Repo-relative paths whose change can alter any verdict: the policy, the baselines."""
    from hooks._core.baseline import BASELINE_FILE_NAME
    from hooks._core.paths import display_path

    names = {".mlsec.yaml", ".mlsec.yml", BASELINE_FILE_NAME, ".secrets.baseline"}
    source = policy.source or ""
    if source.endswith("[tool.mlsec]"):
        names.add(display_path(source.rsplit(" [", 1)[0], root))
    if getattr(args, "config", None):
        names.add(display_path(args.config, root))
    if getattr(args, "baseline", None):
        names.add(display_path(args.baseline, root))
    secrets_baseline = policy.section("secrets").get("detect_secrets_baseline")
    if isinstance(secrets_baseline, str):
        names.add(secrets_baseline)
    return names


def _changed_targets(args: argparse.Namespace, root: Path, policy: Policy, targets: list[Target]) -> list[Target]:
    from hooks._core.changed import changed_since
    from hooks.deps.spec import DEPENDENCY_FILES

    found = changed_since(args.changed_since, root)
    changed = set(found.paths)
    wide = run_wide_inputs(args, root, policy)
    if changed & wide or any(_RUN_WIDE.search(name) for name in changed):
        return targets  # the policy or a baseline moved: every verdict may have moved with it
    # Dependency files include each other (`-r base.txt`): when one changes, all are read again.
    # Only they: the deps hook also reads notebooks (their %%writefile cells), which include nothing.
    families = [re.compile(DEPENDENCY_FILES)]
    related = [family for family in families if any(family.search(name) for name in changed)]
    from hooks.code.project_fetches import ChangedPaths

    indexed = ChangedPaths(changed | set(found.deleted), root)  # once: every unchanged file asks it
    # A symbolic link is kept whatever changed: its target may have.
    return [
        target
        for target in targets
        if target.display in changed
        or target.path.is_symlink()
        or any(family.search(target.display) for family in related)
        or _inputs_changed(target, root, policy, changed, indexed)
    ]


def _inputs_changed(target: Target, root: Path, policy: Policy, changed: set[str], indexed: ChangedPaths) -> bool:
    """Whether a file the target's verdict depends on changed; the target's head is read once
    for both questions (which hooks read it)."""
    from hooks._core.selection import file_tags

    tags = file_tags(target.path)
    return _declared_input_changed(target, root, policy, changed, tags) or _tooling_changed(target, indexed, tags)


def _tooling_changed(target: Target, indexed: ChangedPaths, tags: set[str]) -> bool:
    """Code whose fixed-path loads the project's tooling decides (hooks/code/project_fetches.py):
    a Makefile, script, Dockerfile or CI file in its folder or above, or a script or notebook
    beside it, changed."""
    from hooks._core.selection import selects
    from hooks.code.spec import SPEC as CODE_SPEC

    # Whatever the code hook reads: `.py`, `.pyw`, notebooks and scripts named by their shebang.
    if not selects(CODE_SPEC, target.path, target.display, tags):
        return False
    return indexed.affect(target.display)


def _declared_input_changed(target: Target, root: Path, policy: Policy, changed: set[str], tags: set[str]) -> bool:
    """A file whose verdict a hook says depends on a changed file (the hooks' `cache_inputs`,
    the same declaration the result cache keys on): a model and its gate record, say."""
    import importlib

    from hooks._core.paths import display_path
    from hooks._core.selection import selects
    from hooks.catalog import HOOKS

    for spec in HOOKS:
        if spec.cache_inputs is None:
            continue
        if not selects(spec, target.path, target.display, tags):
            continue  # a hook's inputs matter only for the files it scans
        module_name, _, attribute = spec.cache_inputs.partition(":")
        inputs = getattr(importlib.import_module(module_name), attribute)(target.path, target.display, policy)
        if any(isinstance(item, Path) and display_path(str(item), root) in changed for item in inputs or ()):
            return True
    return False


# --- the report label -------------------------------------------------------------------------------


def report_category(args: argparse.Namespace, prog: str) -> str:
    """SARIF `automationDetails.id` without its slash: GitHub code scanning keeps one analysis per
    category, so each shard needs its own or the shards replace each other."""
    shard: Shard | None = getattr(args, "shard", None)
    return f"{prog}-{shard.label}" if shard is not None else prog


def label_report(report: str, args: argparse.Namespace) -> str:
    """A shard's JSON report says which shard it is (`mlsec merge` drops the label)."""
    shard: Shard | None = getattr(args, "shard", None)
    if shard is None or args.format != "json":
        return report
    document = json.loads(report)
    document["shard"] = {"index": shard.index, "count": shard.count}
    return json.dumps(document, indent=2) + "\n"


# --- `mlsec cache` ----------------------------------------------------------------------------------


def configure_cache_command(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("info", "prune", "clear"), help="show, bound or empty the result cache")
    parser.set_defaults(handler=cache_command)


def cache_command(args: argparse.Namespace) -> int:
    try:
        cache = ResultCache.open(cache_home())
    except CacheUnavailable as exc:
        raise UsageError(str(exc)) from None
    if args.action == "clear":
        print(f"mlsec: removed {cache.clear()} cache file(s) from {cache.folder}")
    elif args.action == "prune":
        print(f"mlsec: removed {cache.prune()} cache file(s) from {cache.folder}")
    else:
        count, size = cache.size()
        print(f"{cache.folder}: {count} entries, {size / (1 << 20):.1f} MiB (bound {cache.max_bytes >> 20} MiB)")
    return 0
