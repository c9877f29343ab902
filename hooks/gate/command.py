"""`mlsec gate`: scan the model file, load it safely, run the policy's checks, write the gate
record and report. Exit 0 pass, 1 fail, 2 usage, configuration or data error (one line).

This module is the gate's entry point, at the level of `hooks/cli`: it alone reaches the catalog
(to run `mlsec-artifacts`), the artifact scanner's allowlist (handed to the loader as a
predicate) and the shared SARIF reporter. The rest of `hooks/gate` imports only core, _shared
and itself."""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from hooks._core.errors import UsageError
from hooks._core.findings import Finding
from hooks._core.policy import Policy
from hooks._core.severity import Severity
from hooks.gate.text import safe_text

PROG = "mlsec gate"
EXIT_PASS, EXIT_FAIL, EXIT_ERROR = 0, 1, 2
REPORT_FORMATS = ("text", "json", "sarif", "markdown")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="PATH", help="model file (default: gate.model in the policy)")
    parser.add_argument(
        "--data", metavar="PATH", help="held-out rows: .csv, .parquet, .npz or .npy (default: gate.data)"
    )
    parser.add_argument(
        "--train-data", metavar="PATH", help="training rows, for membership inference (default: gate.train_data)"
    )
    parser.add_argument("--config", metavar="FILE", help="policy file (default: .mlsec.yaml or [tool.mlsec])")
    parser.add_argument("--format", choices=REPORT_FORMATS, default="text", help="report format (default: text)")
    parser.add_argument("--output", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument("--record", metavar="FILE", help="where to write the gate record (default: <model>.gate.json)")
    parser.add_argument("--no-record", action="store_true", help="do not write the gate record")
    parser.add_argument("--engine", choices=("builtin", "art"), help="attack engine (default: gate.engine or builtin)")


def run(args: argparse.Namespace) -> int:
    import warnings

    # Libraries warn with text from the model file (sklearn's "unpickled from version ..."), and
    # numpy reports errors in objects a broken pickle built through sys.unraisablehook: neither
    # may reach the terminal raw, and the report says all the gate has to say.
    previous_hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _run(args)
    except UsageError as exc:
        print(f"{PROG}: error: {safe_text(exc, 400)}", file=sys.stderr)
        return EXIT_ERROR
    except (MemoryError, RecursionError) as exc:
        print(f"{PROG}: error: {type(exc).__name__}; the model or data is too large for this machine", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback; exit 2 is never a pass
        print(f"{PROG}: error: internal error ({type(exc).__name__}: {safe_text(exc, 200)})", file=sys.stderr)
        return EXIT_ERROR
    finally:
        sys.unraisablehook = previous_hook


def _artifact_findings(model: Any, policy: Policy) -> list[Finding]:
    """`mlsec-artifacts` on exactly the bytes that will be loaded (a private copy, so the file
    cannot change between the scan and the load)."""
    import tempfile

    from hooks._core.runner import scan_file
    from hooks._core.tail import TailContext
    from hooks._shared.redaction import mask_credentials
    from hooks.catalog import registry, spec_for

    # The record is what this run produces: requiring it here would refuse every model.
    sections = {name: dict(values) for name, values in policy.sections.items()}
    sections.setdefault("artifacts", {})["require_gate_record"] = False
    scan_policy = replace(policy, sections=sections)
    name = Path(model.display).name
    if name in ("", ".", ".."):
        name = "model" + model.suffix
    with tempfile.TemporaryDirectory(prefix="mlsec-gate-") as folder:
        copy = Path(folder) / name
        copy.write_bytes(model.data)
        context = TailContext(scan_policy, registry(), mask_credentials)
        findings = scan_file(spec_for("mlsec-artifacts"), copy, model.display, context)
    return [finding for finding in findings if finding.severity.rank >= Severity.MEDIUM.rank]


def _allowed_globals(policy: Policy) -> Any:
    """The scanner's allowlist and the project's `allow_globals` (never a denylisted one)."""
    from hooks.artifacts.globals_policy import GlobalsPolicy, Verdict, is_dangerous

    extra = [(entry["module"], entry["name"]) for entry in policy.section("artifacts").get("allow_globals", [])]
    globals_policy = GlobalsPolicy([pair for pair in extra if not is_dangerous(*pair)])

    def allowed(module: str, name: str) -> bool:
        return globals_policy.classify(module, name) is Verdict.ALLOWED

    return allowed


def _require_stack() -> None:
    try:
        import numpy  # noqa: F401
    except ImportError:
        raise UsageError("the gate needs numpy and scikit-learn: pip install 'mlsec-hooks[gate]'") from None


def _display(path: Path, root: Path) -> str:
    from hooks._core.paths import display_path

    return safe_text(display_path(str(path), root), 200)


def _features(config: Any, model: Any, columns: list[str], label: str, sensitive: str | None) -> list[str]:
    named = getattr(model, "feature_names_in_", None)
    if named is not None:
        names = [str(name) for name in named]
        if config.features is not None and set(config.features) != set(names):
            raise UsageError("gate.features differ from the columns the model was fitted on; remove gate.features")
        return names
    if config.features is not None:
        return list(config.features)
    return [name for name in columns if name not in (label, sensitive)]


def _label(config: Any, columns: list[str], suffix: str) -> str:
    if config.label is not None:
        return str(config.label)
    if suffix == ".npz":
        return "label"
    if suffix == ".npy":
        return columns[-1]
    raise UsageError("gate.label: name the label column of the data")


def _run(args: argparse.Namespace) -> int:
    from hooks._core.paths import find_repo_root
    from hooks._core.policy import load_policy
    from hooks.catalog import registry
    from hooks.gate.config import build_config
    from hooks.gate.loading import read_model_bytes

    started = time.perf_counter()
    root = find_repo_root()
    policy = load_policy(root, registry(), args.config)
    config = build_config(
        policy.section("gate"),
        root,
        model=args.model,
        data=args.data,
        train_data=args.train_data,
        engine=args.engine,
        write_record=False if args.no_record else None,
    )
    _require_stack()
    from hooks.gate.data import file_sha256
    from hooks.gate.record import Outcome

    model_display = _display(config.model, root)
    data_display = _display(config.data, root)
    model_bytes = read_model_bytes(config.model, model_display, config.max_model_bytes)
    if not config.data.is_file():
        raise UsageError(f"{data_display}: no such data file")
    outcome = Outcome(
        model_display=model_display,
        model_sha256=model_bytes.sha256,
        data_display=data_display,
        data_sha256="",
        policy_sha256=config.policy_sha256,
        policy_source=policy.source,
        section=config.section,
        timestamp=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    )
    outcome.blocked = _artifact_findings(model_bytes, policy)
    if not outcome.blocked:
        _judge(config, policy, model_bytes, outcome, root)
    if not outcome.data_sha256:  # not read: the model was refused
        outcome.data_sha256 = file_sha256(config.data)
    outcome.seconds = time.perf_counter() - started
    return _finish(args, config, outcome, root)


def _judge(config: Any, policy: Policy, model_bytes: Any, outcome: Any, root: Path) -> None:
    import numpy as np

    from hooks.gate.adapters.choose import adapter_for
    from hooks.gate.checks import Context, encode_labels, run_checks
    from hooks.gate.data import read_table, to_dataset
    from hooks.gate.loading import RefusedGlobal, load_model

    try:
        loaded = load_model(
            model_bytes,
            _allowed_globals(policy),
            root=root,
            model_class=config.model_class,
            model_kwargs=config.model_kwargs,
            max_bytes=config.max_model_bytes,
        )
    except RefusedGlobal as exc:
        outcome.refused = str(exc)
        return
    table = read_table(
        config.data,
        outcome.data_display,
        arrays=config.arrays,
        label=config.label,
        max_bytes=config.max_data_bytes,
        max_rows=config.max_rows,
    )
    outcome.data_sha256 = table.sha256  # hashed as read
    label = _label(config, table.columns, config.data.suffix.lower())
    sensitive = config.bias.sensitive if config.bias is not None else None
    features = _features(config, loaded.model, table.columns, label, sensitive)
    as_frame = getattr(loaded.model, "feature_names_in_", None) is not None
    holdout = to_dataset(
        table, features=features, label=label, immutable=config.immutable, sensitive=sensitive, as_frame=as_frame
    )
    train = None
    if config.membership is not None and config.train_data is not None:
        train_display = _display(config.train_data, root)
        train_table = read_table(
            config.train_data,
            train_display,
            arrays=config.arrays,
            label=config.label,
            max_bytes=config.max_data_bytes,
            max_rows=config.max_rows,
        )
        train = to_dataset(
            train_table, features=features, label=label, immutable=config.immutable, sensitive=None, as_frame=as_frame
        )
        outcome.train_display, outcome.train_sha256 = train_display, train_table.sha256
    try:
        adapter = adapter_for(loaded.kind, loaded.model, holdout)
        truth = encode_labels(holdout.labels, adapter.classes, holdout.display)
        context = Context(config, adapter, holdout, truth, loaded.model)
        with np.errstate(all="ignore"):
            outcome.measurements = run_checks(context, train)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise UsageError(f"the model rejects the data ({type(exc).__name__}: {safe_text(exc, 160)})") from None
    outcome.adapter = adapter.description
    outcome.rows = holdout.rows


def _finish(args: argparse.Namespace, config: Any, outcome: Any, root: Path) -> int:
    from hooks.gate.record import write_record
    from hooks.gate.report import render

    record = outcome.as_record()
    written: Path | None = None
    if config.write_record:
        written = write_record(outcome, config.model, Path(args.record) if args.record else None, root)
    if args.format == "sarif":
        from hooks.catalog import registry
        from hooks.gate.report import failed_findings
        from hooks.reporters import ReportContext
        from hooks.reporters.sarif_report import render as sarif

        context = ReportContext(registry(), root=root, category="mlsec-gate")
        text = sarif(sorted(failed_findings(outcome), key=lambda f: f.sort_key), [], context)
    else:
        text = render(args.format, outcome, record)
    if args.output:
        from hooks._core.destinations import check_destination

        destination = check_destination(Path(args.output), root, "--output")
        try:
            destination.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"--output: cannot write ({exc.strerror})") from None
    else:
        sys.stdout.write(text)
    if written is not None and (args.format != "text" or args.output):
        print(f"{PROG}: record written to {safe_text(written, 200)}", file=sys.stderr)
    return EXIT_PASS if outcome.verdict == "pass" else EXIT_FAIL
