"""The per-file CPU-time budget: it stops runaway work, is never taken for a crash, and leaves
the process's signal state as it found it."""

from __future__ import annotations

import importlib
import json
import re
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hooks._core.cache import ResultCache
from hooks._core.policy import Policy
from hooks._core.runner import ScanResult, Target, scan_targets
from hooks._core.tail import TailContext
from hooks._core.time_budget import AnalysisTimeExceeded, cpu_budget
from hooks.catalog import registry, spec_for

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no interval timers on this platform")


@pytest.fixture(autouse=True)
def _signal_state_is_left_as_found() -> Iterator[None]:
    before = signal.getsignal(signal.SIGPROF)
    yield
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGPROF) == before


def _spin() -> None:
    while True:
        pass


def test_a_busy_loop_is_stopped_after_its_cpu_time() -> None:
    started = time.process_time()
    with pytest.raises(AnalysisTimeExceeded), cpu_budget(0.2) as active:
        assert active.active
        _spin()
    assert 0.15 <= time.process_time() - started < 5


def test_a_scanner_that_catches_every_exception_does_not_swallow_it() -> None:
    with pytest.raises(AnalysisTimeExceeded), cpu_budget(0.2):
        while True:
            try:
                sum(range(10_000))
            except Exception:  # noqa: BLE001 - what a scanner's crash guard does
                continue


def test_a_runaway_regular_expression_is_stopped() -> None:
    with pytest.raises(AnalysisTimeExceeded), cpu_budget(0.3):
        re.match(r"(a+)+$", "a" * 40 + "b")


def test_work_within_the_budget_is_untouched_and_the_timer_is_stopped() -> None:
    with cpu_budget(30) as active:
        assert active.active
        assert sum(range(1000)) == 499500
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_the_previous_handler_comes_back() -> None:
    calls: list[int] = []

    def mine(signum: int, frame: object) -> None:
        calls.append(signum)

    previous = signal.signal(signal.SIGPROF, mine)
    try:
        with pytest.raises(AnalysisTimeExceeded), cpu_budget(0.1):
            _spin()
        assert signal.getsignal(signal.SIGPROF) is mine
        with cpu_budget(5):
            pass
        assert signal.getsignal(signal.SIGPROF) is mine
        assert calls == []
    finally:
        signal.signal(signal.SIGPROF, previous)


def test_inside_a_running_budget_the_outer_one_governs() -> None:
    with pytest.raises(AnalysisTimeExceeded), cpu_budget(0.2) as outer, cpu_budget(100) as inner:
        assert outer.active and not inner.active
        _spin()


@pytest.mark.parametrize("seconds", [0, -1])
def test_no_budget_when_none_is_asked(seconds: float) -> None:
    with cpu_budget(seconds) as active:
        assert not active.active


def test_outside_the_main_thread_the_work_runs_without_a_budget() -> None:
    seen: list[bool] = []

    def work() -> None:
        with cpu_budget(0.01) as active:
            seen.append(active.active)
            sum(range(100_000))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [False]


# --- through the runner: the file is a finding, never a pass ----------------------------------


def _repo(tmp_path: Path, name: str, text: str) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir(exist_ok=True)
    (repo / name).write_text(text)
    return repo


def _scan(
    repo: Path, name: str, hook: str, sections: dict[str, dict[str, object]], cache: ResultCache | None = None
) -> ScanResult:
    context = TailContext(Policy(root=repo, sections=sections), registry())
    return scan_targets([Target(repo / name, name)], [spec_for(hook)], context, select=False, cache=cache)


def test_a_scanner_over_its_budget_gives_a_blocking_finding_that_is_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hooks.code.scanner import CodeScanner

    monkeypatch.setattr(CodeScanner, "scan_file", lambda *args, **kwargs: _spin())
    repo = _repo(tmp_path, "train.py", "print('hello')\n")
    for _ in range(2):
        cache = ResultCache.open(tmp_path / "cache")
        found = _scan(repo, "train.py", "mlsec-code", {"code": {"max_seconds": 1}}, cache)
        assert [(f.rule_id, f.severity.value) for f in found.findings] == [("MLS914", "medium")]
        assert "code.max_seconds" in found.findings[0].message
        assert cache.stats.hits == 0


def test_the_real_code_hook_on_a_file_built_to_be_slow_is_stopped(tmp_path: Path) -> None:
    calls = "".join(
        f"x{i} = subprocess.run(['ls', str(a{i % 50})])\nos.system(f'echo {{v{i}}}')\n" for i in range(6000)
    )
    repo = _repo(tmp_path, "generated.py", "import os, subprocess\n" + calls)
    started = time.process_time()
    found = _scan(repo, "generated.py", "mlsec-code", {"code": {"max_seconds": 1}})
    assert [(f.rule_id, f.message) for f in found.findings][:1] == [("MLS914", found.findings[0].message)], [
        f.message for f in found.findings
    ]
    assert [f.rule_id for f in found.findings] == ["MLS914"]
    assert time.process_time() - started < 30


def test_an_ordinary_file_is_analysed_as_before_under_the_default_budget(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "train.py", "import pickle\nmodel = pickle.loads(blob)\n")
    found = _scan(repo, "train.py", "mlsec-code", {})
    assert [f.rule_id for f in found.findings] == ["B301"]


@pytest.mark.parametrize("hook", ["mlsec-secrets", "mlsec-dockerfile", "mlsec-deps"])
def test_every_file_hook_has_the_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hook: str) -> None:
    spec = spec_for(hook)
    module_name, _, attribute = spec.scanner.partition(":")
    scanner_class = getattr(importlib.import_module(module_name), attribute)
    monkeypatch.setattr(scanner_class, "scan_file", lambda *args, **kwargs: _spin())
    name = {"mlsec-secrets": "config.py", "mlsec-dockerfile": "Dockerfile", "mlsec-deps": "requirements.txt"}[hook]
    repo = _repo(tmp_path, name, "x\n")
    found = _scan(repo, name, hook, {spec.policy_section: {"max_seconds": 1}})
    assert [f.rule_id for f in found.findings] == ["MLS914"]
    assert f"{spec.policy_section}.max_seconds" in found.findings[0].message


@pytest.mark.parametrize("hook_section", ["code", "secrets", "deps", "dockerfile", "data", "artifacts"])
def test_every_hook_section_takes_max_seconds_and_refuses_nonsense(tmp_path: Path, hook_section: str) -> None:
    from hooks._core.errors import UsageError
    from hooks._core.policy import load_policy

    (tmp_path / ".mlsec.yaml").write_text(f"{hook_section}:\n  max_seconds: 120\n")
    assert load_policy(tmp_path, registry()).section(hook_section)["max_seconds"] == 120
    for wrong in ("0", "'fast'", "true"):
        (tmp_path / ".mlsec.yaml").write_text(f"{hook_section}:\n  max_seconds: {wrong}\n")
        with pytest.raises(UsageError):
            load_policy(tmp_path, registry())


def test_the_files_a_notebook_writes_are_checked_within_its_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Red team: a `%%writefile Dockerfile` was checked by the Dockerfile hook after the code
    hook's budget had ended (its checks were then quadratic in ENV and RUN lines)."""
    from hooks.docker.scanner import DockerfileScanner

    monkeypatch.setattr(DockerfileScanner, "scan_text", lambda *args, **kwargs: _spin())
    cell: dict[str, Any] = {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": []}
    cell["source"] = "%%writefile Dockerfile\nFROM python:3.11\nRUN pip install torch==2.3.1\n"
    text = json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    repo = _repo(tmp_path, "build.ipynb", text)
    found = _scan(repo, "build.ipynb", "mlsec-code", {"code": {"max_seconds": 1}})
    assert [f.rule_id for f in found.findings] == ["MLS914"]


@pytest.mark.parametrize("lost", ["another error", "swallowed"])
def test_a_spent_budget_is_reported_even_when_its_exception_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lost: str
) -> None:
    """A scanner's cleanup that raises while the budget's exception unwinds (MLS900 otherwise),
    or code that swallows it, must not turn a stopped analysis into a crash or a pass."""
    from hooks._core.scanner import FileReport
    from hooks.code.scanner import CodeScanner

    def scan(*args: Any, **kwargs: Any) -> FileReport:
        try:
            _spin()
        except BaseException:  # noqa: BLE001 - what the test is about: code that loses it
            if lost == "another error":
                raise RuntimeError("cleanup failed") from None
        return FileReport([])

    monkeypatch.setattr(CodeScanner, "scan_file", scan)
    repo = _repo(tmp_path, "train.py", "print('hello')\n")
    found = _scan(repo, "train.py", "mlsec-code", {"code": {"max_seconds": 1}})
    assert [f.rule_id for f in found.findings] == ["MLS914"]


def test_the_tail_runs_within_the_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hooks._core.runner as runner

    real = runner.filter_file
    calls: list[int] = []

    def slow_first(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            _spin()
        return real(*args, **kwargs)

    monkeypatch.setattr(runner, "filter_file", slow_first)
    repo = _repo(tmp_path, "train.py", "print('hello')\n")
    found = _scan(repo, "train.py", "mlsec-code", {"code": {"max_seconds": 1}})
    assert [f.rule_id for f in found.findings] == ["MLS914"]
