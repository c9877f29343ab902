"""An installed distribution's METADATA (`lib/Werkzeug-0.16.0.dist-info/METADATA`) as a pin.

A tree that `pip install --target` wrote, or a committed virtualenv, ships the installed release
itself: its version is as fixed as an `==` pin, and a known-vulnerable or malicious release is as
much the reviewer's business as one named in requirements.txt. The code and secrets hooks leave
the lines of such a copy to this check (hooks/_shared/installed_copy.py).

METADATA is an email-style header block (the core metadata specification): `Name:` and `Version:`
before the first blank line. The pin is reported at the `Version:` line. A header block without
both, or with a value that is no distribution name or version, cannot be checked: that is said
(fail closed), never a silent pass.
"""

from __future__ import annotations

import re

from hooks.deps.reading import DependencyFileError

_MAX_HEADER_LINES = 2000  # a description in the header block (older METADATA) may be long
_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,198}[A-Za-z0-9])?")
_VERSION = re.compile(r"[A-Za-z0-9!+._-]{1,100}")
INSTALLED_METADATA = re.compile(r"(^|/)[^/]+\.dist-info/METADATA$")


def metadata_requirements(text: str) -> str:
    """requirements.txt text pinning the release at METADATA's `Version:` line, blank elsewhere."""
    lines = text.split("\n")
    name: str | None = None
    version: tuple[int, str] | None = None
    for number, line in enumerate(lines[:_MAX_HEADER_LINES]):
        if not line.strip():
            break
        key, colon, value = line.partition(":")
        if not colon or line[:1].isspace():
            continue  # a folded continuation of the header above
        key = key.strip().lower()
        if key == "name" and name is None:
            name = value.strip()
        elif key == "version" and version is None:
            version = (number, value.strip())
    if name is None or version is None:
        raise DependencyFileError("METADATA without a Name and a Version header")
    if not _NAME.fullmatch(name) or not _VERSION.fullmatch(version[1]):
        raise DependencyFileError("METADATA's Name or Version is not a distribution name and version")
    out = [""] * len(lines)
    out[version[0]] = f"{name}=={version[1]}"
    return "\n".join(out)
