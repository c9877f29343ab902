"""What a message may say about a URL found in code: its scheme, host and path, never a credential.

Findings are printed into CI logs, JSON and SARIF; a URL they quote may carry a password or a
token in its userinfo (`https://user:ghp_...@github.com/...`) or its query (`?sig=...`,
`?access_token=...`). Messages of the code and Dockerfile hooks quote URLs only through
`redact_url`/`redact_urls`: userinfo becomes `***`, a query or fragment becomes `?***`, and the
path is cut to a readable length. (mlsec-deps names indexes through `hooks._shared.urls`, which
shows even less: scheme and host.)
"""

from __future__ import annotations

import re

# scheme://[userinfo@]host[:port][/path][?query][#fragment], with `git+`/`hg+` VCS prefixes.
# The password runs to the last `@` before the path (passwords may hold `@`); when no `@` comes
# before the path, a password may itself hold `/`, `?`, `#` or quotes (`user:pa/ss@host`: pip and
# curl send it whole, so it is secret up to its `@`). Every part is bounded and each URL is matched
# once from its scheme, so the time stays linear in the text.
_URL = re.compile(
    r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.-]{0,30}://)"
    r"(?:(?P<userinfo>[^\s/?#@:]{0,256}(?::(?:[^\s/?#]{0,512}|[^\s]{0,512}?))?)@)?"
    r"(?P<host>[^\s/?#'\"<>@]*)"
    r"(?P<path>/[^\s?#'\"<>]*)?"
    r"(?P<rest>[?#][^\s'\"<>]*)?"
)
MAX_PATH = 80


def redact_url(url: str) -> str:
    match = _URL.match(url)
    if match is None:
        return url if len(url) <= MAX_PATH else url[:MAX_PATH] + "..."
    return _redacted(match) + url[match.end() :][:MAX_PATH]


def _redacted(match: re.Match[str]) -> str:
    userinfo = "***@" if match.group("userinfo") is not None else ""
    host = match.group("host") or ""
    path = match.group("path") or ""
    if len(path) > MAX_PATH:
        path = path[:MAX_PATH] + "..."
    rest = "?***" if match.group("rest") else ""
    return f"{match.group('scheme')}{userinfo}{host}{path}{rest}"


def redact_urls(text: str) -> str:
    """`text` with every URL in it redacted."""
    if "://" not in text:
        return text
    return _URL.sub(_redacted, text)


def has_userinfo(url: str) -> bool:
    match = _URL.match(url)
    return match is not None and match.group("userinfo") is not None
