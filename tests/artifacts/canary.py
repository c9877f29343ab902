"""Harmless payload targets for oracle tests and the bench corpus: they only write a canary file.

Outside the scanner's allowlist on purpose. If one of them ever runs during an oracle load,
the canary file appears and the test that built the file fails.
"""

from __future__ import annotations

from pathlib import Path


def touch(path: str) -> None:
    Path(path).write_text("payload ran\n")


class Touch:
    """A class whose construction writes the canary (for NEWOBJ/INST payloads)."""

    def __init__(self, path: str) -> None:
        touch(path)
