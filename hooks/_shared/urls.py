"""Showing a URL without its credentials: scheme, host and `***`, never the user or password.

Contract (used by every message that names an index, a channel or a download URL):

- `redact_url(text) -> str`: when `text` holds credentials (a user, a password or a token
  before an `@` in the authority, including passwords that themselves contain `@`, `/`, `?` or
  `#`), the result is `scheme://***@host` followed by `/…` when a path followed: nothing of
  the user, the password or the path is kept (a path can hold a token as well). Without
  credentials the URL is returned with its query and fragment replaced by `?…` (query values
  can be tokens). Text that is not a URL is returned unchanged.
- `has_credentials(text) -> bool`: whether `redact_url` would hide credentials.
- `embeds_secret(text) -> bool`: whether the URL itself holds a secret: a password with literal
  characters once environment references (`${NAME}`, `$NAME`, `%NAME%`, `{name}`) are removed,
  or a user alone that is token-long (20+ characters, `https://ghp_...@github.com`). pip expands
  `${NAME}` in requirements files and its documentation recommends
  `https://${USER}:${TOKEN}@host` for private indexes: that names a secret, it does not hold one.
- `url_host(text) -> str`: the host (lowercase, no port), or "" when there is none.
- `LOOPBACK_HOST`: a regular-expression fragment for this machine's own host names.
- `without_credentials(text) -> str`: the whole URL with only the credentials replaced by
  `***` (for fingerprint keys, which are hashed and never shown; stable across password changes).

Pure functions of the standard library; linear in the length of the text.
"""

from __future__ import annotations

import re

# This machine's own address, as a pattern to compose (the code and secrets hooks judge
# connections to it): localhost, 127.0.0.0/8, [::1].
LOOPBACK_HOST = r"(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])"
_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://")
_AUTHORITY_END = re.compile(r"[/?#]")


def _split(text: str) -> tuple[str, str, str, str] | None:
    """(scheme, credentials, host[:port], rest) or None when `text` is not `scheme://...`."""
    match = _SCHEME.match(text)
    if match is None:
        return None
    rest = text[match.end() :]
    end = _AUTHORITY_END.search(rest)
    authority = rest[: end.start()] if end else rest
    tail = rest[end.start() :] if end else ""
    if "@" in authority:
        credentials, _, host = authority.rpartition("@")
        if (not host or host.startswith(":")) and "@" in tail:
            # `0@:000/@host`: a user holding `@` and a password holding `/`; what parsed as the
            # host is the password's start, so the secret runs to the next `@`.
            secret_tail, _, after = tail.partition("@")
            end = _AUTHORITY_END.search(after)
            host = after[: end.start()] if end else after
            return match.group("scheme"), authority + secret_tail, host, after[end.start() :] if end else ""
        return match.group("scheme"), credentials, host, tail
    host, _, port = authority.partition(":")
    if port and not port.isdigit() and "@" in tail:
        # `user:pa/ss@host`: the password holds a `/` (or `?`, `#`), so the authority as a URL
        # parser sees it ends inside the password. Everything up to the first `@` is secret.
        secret_tail, _, after = tail.partition("@")
        end = _AUTHORITY_END.search(after)
        host = after[: end.start()] if end else after
        return match.group("scheme"), authority + secret_tail, host, after[end.start() :] if end else ""
    return match.group("scheme"), "", authority, tail


def has_credentials(text: str) -> bool:
    parts = _split(text.strip())
    return parts is not None and bool(parts[1])


# Environment references a tool or shell fills in at install time: `${TOKEN}`, `$TOKEN`,
# `%TOKEN%` (Windows), `{token}` (notebook/Jinja templating).
_REFERENCE = re.compile(r"\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|\{\{?[^}]*\}\}?")
_TOKEN_LONG_USER = 20


def embeds_secret(text: str) -> bool:
    parts = _split(text.strip())
    if parts is None or not parts[1]:
        return False
    user, colon, password = parts[1].partition(":")
    if colon:
        return bool(_REFERENCE.sub("", password).strip())
    return len(_REFERENCE.sub("", user)) >= _TOKEN_LONG_USER


def url_host(text: str) -> str:
    parts = _split(text.strip())
    if parts is None:
        return ""
    host = parts[2]
    if host.startswith("["):
        return host.partition("]")[0].lstrip("[").lower()
    return host.partition(":")[0].lower()


def redact_url(text: str) -> str:
    parts = _split(text.strip())
    if parts is None:
        return text
    scheme, credentials, host, tail = parts
    if credentials:
        return f"{scheme}://***@{host}" + ("/…" if tail.strip("/") else "")
    path, query_mark, _query = tail.partition("?")
    if not query_mark:
        path, fragment_mark, _fragment = tail.partition("#")
        return f"{scheme}://{host}{path}" + ("#…" if fragment_mark else "")
    return f"{scheme}://{host}{path.partition('#')[0]}?…"


def without_credentials(text: str) -> str:
    parts = _split(text.strip())
    if parts is None or not parts[1]:
        return text
    scheme, _credentials, host, tail = parts
    return f"{scheme}://***@{host}{tail}"
