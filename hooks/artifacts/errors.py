"""Why an artifact could not be analysed; each becomes an MLS9xx finding, never a pass."""

from __future__ import annotations


class AnalysisError(Exception):
    """The bytes do not form what they claim to be (corrupt, truncated, unknown opcode)."""

    def __init__(self, reason: str, offset: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.offset = offset


class Truncated(AnalysisError):
    """The data ended before the structure did."""


class LineTooLong(Truncated):
    """A text line longer than the reader's own cap: the data did not end, the analysis stopped.
    A loader has no such cap and reads on, so this is never evidence that a loader fails.
    `partial`: the bytes of the line read so far (the reader has moved past them)."""

    def __init__(self, reason: str, offset: int | None = None, partial: bytes = b"") -> None:
        super().__init__(reason, offset)
        self.partial = partial


class LimitExceeded(Exception):
    """A size, ratio, depth, opcode-count or time cap was reached: fail closed."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class SniffedLineTooLong(LimitExceeded):
    """While deciding whether text is a pickle, a line longer than even the sniff reads whole: a
    loader would read on, so the file is reported as not fully analysed, never cleared as text."""
