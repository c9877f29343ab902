"""Show what a value looks like, never the value: `j***@g***.com`, `4*** **** **** ****`."""

from __future__ import annotations

from hooks.data.detectors import find_candidates

_KEEP = frozenset(" -./()+:@")


def redact(value: str, kind: str) -> str:
    if kind == "email" and "@" in value:
        local, _, domain = value.partition("@")
        labels = domain.split(".")
        masked = [_first(label) for label in labels[:-1]] + [_printable(labels[-1])[:24]]
        return f"{_first(local)}@{'.'.join(masked)}"
    keep = 2 if kind == "iban" else 1
    out = []
    for index, char in enumerate(value[:48]):
        if (index < keep and char.isascii() and char.isalnum()) or char in _KEEP:
            out.append(char)
        else:
            out.append("*")
    return "".join(out)


def _first(text: str) -> str:
    head = text[:1]
    return (head if head.isascii() and head.isalnum() else "*") + "***"


def _printable(text: str) -> str:
    return "".join(c if c.isascii() and c.isalnum() else "?" for c in text)


def printable_name(name: str, limit: int = 40) -> str:
    """A column name or key for a message: personal values in it redacted (a headerless file's
    first row, an object keyed by email address), control characters escaped, long names cut."""
    text = _without_values(name.strip()[:_NAME_READ])
    cleaned = "".join(c if c.isprintable() and c != "`" else "?" for c in text)
    shown = _without_values(cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…")  # the cut can end a value
    return shown if len(shown) <= limit else _HIDDEN


def _without_values(text: str) -> str:
    for _ in range(_REDACTION_PASSES):  # a redacted value can leave a shorter one beside it (`a@b.com@c.com`)
        found = [c for c in find_candidates(text.encode()) if c.valid]
        if not found:
            return text
        for candidate in sorted(found, key=lambda c: -c.start):
            start = len(text.encode()[: candidate.start].decode("utf-8", "ignore"))
            end = len(text.encode()[: candidate.end].decode("utf-8", "ignore"))
            text = text[:start] + redact(text[start:end], candidate.kind) + text[end:]
    return text if not any(c.valid for c in find_candidates(text.encode())) else _HIDDEN


_HIDDEN = "(a name holding personal data)"
_NAME_READ = 256  # of a name, looked at for values: far more than a message shows
_REDACTION_PASSES = 4
