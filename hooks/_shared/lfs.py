"""Git LFS pointer files: the few lines git stores in place of a large file until `git lfs pull`.

The spec line, and the aliases git-lfs still reads as one (its pointer parser maps them to the
current spec): the `hawser` and `git-media` names of its early versions. Leading blank lines do
not stop git-lfs either; leading white space of any kind is skipped here, so no spacing hides a
pointer as text.
"""

from __future__ import annotations

_SPECS = (
    b"version https://git-lfs.github.com/spec/",
    b"version https://hawser.github.com/spec/",
    b"version http://git-media.io/v/",
)


def is_lfs_pointer(head: bytes) -> bool:
    """Whether a file starting with `head` is a pointer git-lfs would replace with its object."""
    return head.lstrip(b" \t\r\n\f\v").startswith(_SPECS)
