"""Hypothesis over the one rule that keeps file names from being read as options: whatever the
names pre-commit appends after the user's options, every name is read as a file and the user's
options are read as given, or the run stops with exit 2 naming an ambiguous file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooks.catalog import spec_for
from hooks.cli.args import add_hook_options, add_report_options, new_parser, separate_files

PIECES = ["-", "--", "=", "f", "q", "h", "o", "output", "fail-on", "config", "x.pkl", " ", "\n", "\x1b", "é"]
NAMES = (
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=5)
    .map("".join)
    .filter(lambda name: name not in (".", "..") and "/" not in name and "\x00" not in name)
)
USER_OPTIONS = st.sampled_from(
    [[], ["--fail-on", "high"], ["--fail-on=low"], ["-q"], ["--format", "json"], ["--config", "p.yaml", "-q"]]
)


def _parser() -> object:
    spec = spec_for("mlsec-artifacts")
    parser = new_parser(spec.hook_id, spec.description)
    parser.add_argument("filenames", nargs="*")
    add_report_options(parser)
    add_hook_options(parser, [spec])
    return parser


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(options=USER_OPTIONS, names=st.lists(NAMES, min_size=1, max_size=4, unique=True))
def test_appended_names_are_files_and_options_stay_options(
    tmp_path_factory: pytest.TempPathFactory, options: list[str], names: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("argv")
    here = Path.cwd()
    os.chdir(folder)
    try:
        for name in names:
            Path(name).write_bytes(b"")
        parser = _parser()
        try:
            argv = separate_files(parser, [*options, *names])  # type: ignore[arg-type]
        except SystemExit as stopped:
            assert stopped.code == 2  # an ambiguous name where options stand: refused, never guessed
            return
        args = parser.parse_args(argv)  # type: ignore[attr-defined]
    finally:
        os.chdir(here)
    assert args.filenames == names
    assert args.output is None and args.baseline is None and not args.exit_zero
    expected_fail_on = {"--fail-on": "high", "--fail-on=low": "low"}
    for option, level in expected_fail_on.items():
        if option in options:
            assert args.fail_on is not None and args.fail_on.value == level
    if "--fail-on" not in options and "--fail-on=low" not in options:
        assert args.fail_on is None
