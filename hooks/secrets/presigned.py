"""Presigned S3 URLs: an access key id there is part of a link that stops working at a known time.

A presigned URL carries the signer's access key id (never its secret key) and a signature that is
valid until an expiry the URL itself states: SigV4 `X-Amz-Date=YYYYMMDDTHHMMSSZ` plus
`X-Amz-Expires=<seconds>` (at most seven days), SigV2 `Expires=<epoch seconds>`. Once that time
has passed the link grants nothing and the key id alone signs nothing, so an id found inside an
expired presigned URL (test mocks and docs copy real responses) is reported low; one inside a
URL that is still valid stays at its rule's severity, since the link itself is a bearer credential
until then.
"""

from __future__ import annotations

import re
import time
from calendar import timegm

_WINDOW = 4096  # a URL's query string is looked for this far around the key id
_URL_END = re.compile(r"[\s\"'<>`]")
_NEXT_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*://")
_SCHEME_NAME = re.compile(r"[a-z][a-z0-9+.-]*$")
_SIGV4_DATE = re.compile(r"x-amz-date=(\d{8})t(\d{6})z")
_SIGV4_EXPIRES = re.compile(r"x-amz-expires=(\d{1,7})(?!\d)")
_SIGV2_EXPIRES = re.compile(r"[?&]expires=(\d{9,11})(?!\d)")
_SIGNATURE = re.compile(r"[?&](?:x-amz-signature|signature)=")


def _url_around(lowered: str, start: int, end: int) -> tuple[str, int] | None:
    """The one URL holding [start, end) and the key id's offset in it: from the last scheme
    before the id to the next whitespace, quote or scheme after it (URLs joined by commas are
    separate links, each with its own expiry)."""
    left = max(0, start - _WINDOW)
    before = lowered[left:start]
    scheme = before.rfind("://")
    if scheme < 0:
        return None
    name = _SCHEME_NAME.search(before, 0, scheme)
    cut = name.start() if name is not None else scheme
    after = lowered[end : end + _WINDOW]
    stops = [m.start() for m in (_URL_END.search(after), _NEXT_SCHEME.search(after)) if m is not None]
    stop = min(stops) if stops else len(after)
    url = before[cut:] + lowered[start:end] + after[:stop]
    return url, len(before) - cut


def expired_presigned_url(lowered: str, start: int, end: int, now: float | None = None) -> str | None:
    """The UTC date a presigned URL holding the key id at [start, end) expired on, if it has;
    None when the id is not in a presigned URL or the URL is still valid."""
    found = _url_around(lowered, start, end)
    if found is None:
        return None
    url, at = found
    prefix = url[:at]
    if not _SIGNATURE.search(url):
        return None
    expiry: float | None = None
    if prefix.endswith("x-amz-credential="):
        date, expires = _SIGV4_DATE.search(url), _SIGV4_EXPIRES.search(url)
        if date is None or expires is None:
            return None
        day, clock = date.groups()
        try:
            signed = time.strptime(day + clock, "%Y%m%d%H%M%S")
        except ValueError:
            return None
        expiry = timegm(signed) + int(expires.group(1))
    elif prefix.endswith(("?awsaccesskeyid=", "&awsaccesskeyid=")):
        expires = _SIGV2_EXPIRES.search(url)
        if expires is None:
            return None
        expiry = int(expires.group(1))
    if expiry is None or expiry >= (time.time() if now is None else now):
        return None
    return time.strftime("%Y-%m-%d", time.gmtime(expiry))
