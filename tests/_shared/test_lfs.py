from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hooks._shared.lfs import is_lfs_pointer

OID = b"\noid sha256:" + b"a" * 64 + b"\nsize 123\n"


def test_the_spec_line_and_the_aliases_git_lfs_reads_are_pointers() -> None:
    assert is_lfs_pointer(b"version https://git-lfs.github.com/spec/v1" + OID)
    assert is_lfs_pointer(b"version https://hawser.github.com/spec/v1" + OID)
    assert is_lfs_pointer(b"version http://git-media.io/v/2" + OID)
    assert is_lfs_pointer(b"\n\r\nversion https://git-lfs.github.com/spec/v1" + OID)  # blank lines first
    assert is_lfs_pointer(b"  version https://git-lfs.github.com/spec/v1" + OID)  # no spacing hides one


def test_look_alikes_are_not_pointers() -> None:
    assert not is_lfs_pointer(b"version https://example.org/spec/v1" + OID)
    assert not is_lfs_pointer(b"# see https://git-lfs.github.com/spec/v1\n")
    assert not is_lfs_pointer(b"")


@given(st.binary(max_size=200))
def test_garbage_never_raises(data: bytes) -> None:
    assert is_lfs_pointer(data) in (True, False)
