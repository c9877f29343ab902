"""CVEs that NVD lists as disputed although the advisory records we read do not say so.

OSV records copy a CVE's description when they are created; when NVD later marks the CVE
`** DISPUTED **` (the project's position is that it is not a vulnerability), the copy in the PyPA
database is not always updated, so the `DISPUTED_MARK` check in osv.py misses it. These are the
ones we know of for packages ML repositories pin, each checked against its NVD entry (public
domain, https://nvd.nist.gov/); see ATTRIBUTION.md. A disputed advisory is still reported, low:
worth a look when upgrading, not a blocked commit.
"""

from __future__ import annotations

from collections.abc import Iterable

DISPUTED_CVES = frozenset(
    {
        "CVE-2021-33430",  # numpy: large-dimension array from Python code (vendor: not a vulnerability)
        "CVE-2021-34141",  # numpy: incomplete string comparison in numpy.core
        "CVE-2021-41495",  # numpy: NULL dereference in numpy.sort
        "CVE-2021-41496",  # numpy: negative dimensions in array_from_pyobj (f2py)
        "CVE-2023-25399",  # scipy: refcount leak in Py_FindObjects
        "CVE-2023-29824",  # scipy: use-after-free in Py_FindObjects (vendor and reporter: not security)
        "CVE-2022-42969",  # py: ReDoS in the svn info parser
    }
)


def disputed_by_vendor(identifiers: Iterable[str]) -> bool:
    """Whether any of an advisory's ids (its own and its aliases) is a CVE NVD lists as disputed."""
    return any(identifier in DISPUTED_CVES for identifier in identifiers)
