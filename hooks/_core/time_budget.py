"""A CPU-time budget for the analysis of one file.

Every scanner bounds what it reads (size caps), yet the work done on what it read can still grow
with the shape of the content: a 1 MiB script of 14,000 calls takes the code hook most of a
minute, and an attacker chooses the shape. The budget stops the analysis of a file after a fixed
amount of CPU time, and the caller reports the file as not fully analysed (fail closed).

CPU time of this process, user and system, not wall time (`ITIMER_PROF`): a loaded CI runner or a
pre-commit run beside other hooks slows every file down, but does not make a file's verdict
change, and time the kernel spends for the analysis (page faults of a large allocation) counts. The
signal's handler raises between two bytecodes, and `re` checks for signals while it matches, so a
runaway regular expression is stopped too. Where the timer cannot be set (Windows, a thread that
is not the main one) the analysis runs without a budget.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

DEFAULT_SECONDS = 60
MAX_SECONDS = 86_400.0  # what the policy schemas allow; setitimer overflows far above it


class AnalysisTimeExceeded(BaseException):
    """Raised inside the analysis when its budget is spent. A BaseException, so that a scanner's
    `except Exception` (which turns a crash into a finding) does not take it for a crash."""


class Budget:
    """What a `cpu_budget` block learns: whether a budget was in force, and whether it ran out.
    `spent` stays true even where the exception it raised was lost (a scanner's cleanup raising
    another error, a `__del__` swallowing it): whatever the analysis returned after that point is
    not a full analysis."""

    __slots__ = ("active", "spent")

    def __init__(self, active: bool) -> None:
        self.active = active
        self.spent = False


@contextmanager
def cpu_budget(seconds: float) -> Iterator[Budget]:
    """Run the body with at most `seconds` of CPU time. The previous handler is put back and the
    timer stopped on the way out, whatever happened. Inside a budget already running (a
    caller's), that budget governs and none is added."""
    if seconds <= 0 or not hasattr(signal, "setitimer") or signal.getitimer(signal.ITIMER_PROF)[0] > 0:
        yield Budget(active=False)
        return
    budget = Budget(active=True)

    def spend(signum: int, frame: FrameType | None) -> None:
        budget.spent = True
        raise AnalysisTimeExceeded

    try:
        previous_handler = signal.signal(signal.SIGPROF, spend)
    except ValueError:  # not the main thread: only it may handle signals
        yield Budget(active=False)
        return
    try:
        signal.setitimer(signal.ITIMER_PROF, min(seconds, MAX_SECONDS))  # one shot: it fires at most once
        yield budget
    finally:
        try:
            signal.setitimer(signal.ITIMER_PROF, 0)
        finally:  # the signal may land on the line above: the handler is put back all the same
            signal.signal(signal.SIGPROF, previous_handler)
