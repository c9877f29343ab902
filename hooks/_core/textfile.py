"""Reading a text file the one way every scanner does: regular files only, a size cap, a
binary check, the UTF-8 byte-order mark dropped (editors on Windows write it; Python, Docker
and Jupyter ignore it, so must we)."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

BOM = b"\xef\xbb\xbf"
# UTF-16 and UTF-32 text starts with its byte-order mark (Windows PowerShell's `>` writes UTF-16):
# its NULs are halves of characters, not binary content. Longest marks first.
UTF_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Files whose name says they are text (as pre-commit's `identify` tags them, by the name alone):
# a NUL in one does not make it binary, so it is read as text, NULs and all.
TEXT_SUFFIXES = frozenset(
    ".py .pyi .pyw .ipynb .yaml .yml .toml .json .jsonl .cfg .ini .conf .txt .md .markdown .rst .sh .bash "
    ".zsh .env .properties .xml .html .htm .csv .tsv .sql .js .ts .tf .tfvars .hcl .pem .netrc .ps1 .psm1 "
    ".bat .cmd .go .java .kt .scala .rb .php .pl .r .jl .lua .rs .c .h .cc .cpp .hpp .cs .swift .gradle .mk "
    ".tex .jsx .tsx .vue .css .scss .lock .pypirc .npmrc .gitconfig".split()
)
# Names without such a suffix that identify tags as text.
TEXT_NAMES = frozenset(
    "makefile gnumakefile dockerfile containerfile jenkinsfile vagrantfile procfile gemfile pipfile "
    ".pypirc .npmrc .netrc .gitconfig .bashrc .bash_profile .profile .zshrc .dockerignore .gitignore".split()
)


class NotRegularFile(OSError):
    """A FIFO, device or socket named like a file: reading it could block forever."""


def open_regular(path: Path) -> BinaryIO:
    """Open for reading without following a FIFO's writer: non-blocking open, then refuse
    anything that is not a regular file."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(f"{path}: not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


@dataclass(frozen=True)
class TextFile:
    text: str  # "" when not read
    problem: str | None = None  # why the text was not read, for a finding's message
    kind: str = ""  # "too-large", "binary" or "encoding": the finding's content key

    @property
    def ok(self) -> bool:
        return self.problem is None


def named_text(path: Path) -> bool:
    """Whether the file's name says it is text (as pre-commit's `identify` tags it, by name alone)."""
    name = path.name.lower()
    return (
        path.suffix.lower() in TEXT_SUFFIXES
        or name in TEXT_NAMES
        or name.startswith((".env", "dockerfile", "containerfile"))
    )


def wide_text_codec(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by where its NULs fall (ASCII text in
    UTF-16-LE has a NUL after every byte): the codec, or None."""
    head = data[:4096]
    if len(head) < 8:
        return None
    for width, codec in ((4, "utf-32-le"), (4, "utf-32-be"), (2, "utf-16-le"), (2, "utf-16-be")):
        units = [head[i : i + width] for i in range(0, len(head) - width + 1, width)]
        if codec.endswith("le"):
            wide = sum(1 for unit in units if unit[0] != 0 and not any(unit[1:]))
        else:
            wide = sum(1 for unit in units if unit[-1] != 0 and not any(unit[:-1]))
        if wide >= 0.9 * len(units):
            return codec
    return None


def decode(data: bytes, *, strict: bool = False) -> str | None:
    """UTF-8 without its BOM; else Latin-1 (every byte kept, so nothing is skipped), or None when strict."""
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None if strict else data.decode("latin-1")


def read_text(path: Path, max_bytes: int, *, binary_check: bool = True, strict: bool = False) -> TextFile:
    """The file's text, or the reason it was not read (never a partial read passed off as whole)."""
    with open_regular(path) as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        return TextFile("", f"larger than {max_bytes >> 20} MiB", "too-large")
    if binary_check and b"\x00" in data[:8192]:
        return TextFile("", "binary content", "binary")
    text = decode(data, strict=strict)
    if text is None:
        return TextFile("", "not UTF-8 text", "encoding")
    return TextFile(text)


def read_any_text(path: Path, max_bytes: int) -> TextFile:
    """The characters a file holds, for a search that is about its bytes rather than how a loader
    reads it (credentials): UTF-16/32 decoded by its byte-order mark, and a file whose name says
    text read as text whatever NULs it holds; anything else as `read_text` reads it."""
    read = read_text(path, max_bytes)
    if read.kind != "binary":
        return read
    with open_regular(path) as handle:
        data = handle.read(max_bytes + 1)
    for mark, codec in UTF_BOMS:
        if data.startswith(mark):
            return TextFile(data[len(mark) :].decode(codec, errors="replace"))
    wide = wide_text_codec(data)
    if wide is not None:
        return TextFile(data.decode(wide, errors="replace"))
    if named_text(path):
        return TextFile(decode(data) or "")
    return read
