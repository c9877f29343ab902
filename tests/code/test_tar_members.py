"""A tar extraction without `filter=` after a loop that refuses (raises on) every member landing
outside the target is low: the loop may walk a member list the function bound once
(`members = tar.getmembers()`) and refuse through pathlib's `relative_to` raising. The message says
whether the loop also looks at links (the widely pasted check confines names only). A loop that
skips instead of refusing, a loop over another list, a check after the extraction, and a list bound
twice keep MLS315 high."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.code.helpers import scan_code

CHECKED = """
import tarfile
from pathlib import Path

def safe_extract(archive: Path, destination: Path) -> None:
    root = destination.resolve()
    with tarfile.open(archive, mode="r:gz") as tar:
        members = tar.getmembers()
        for member in members:
            target = (destination / member.name).resolve()
            target.relative_to(root)
            if member.issym() or member.islnk():
                link = (target.parent / member.linkname).resolve()
                if not link.is_relative_to(root):
                    raise RuntimeError("link outside the target")
        tar.extractall(path=destination, members=members)
"""
HELPER_AND_ALL_MEMBERS = """
import os, tarfile

def is_within_directory(directory, target):
    return os.path.commonprefix([os.path.realpath(directory), os.path.realpath(target)]) == os.path.realpath(directory)

def unpack(path, out):
    tar = tarfile.open(path)
    for member in tar.getmembers():
        if member.issym() or member.islnk() or not is_within_directory(out, os.path.join(out, member.name)):
            raise Exception("Attempted Path Traversal in Tar File")
    tar.extractall(out)
"""
# The check pasted into thousands of repositories: names only, so a symlink member followed by a
# file written through it still lands outside.
NAMES_ONLY = """
import os, tarfile

def is_within_directory(directory, target):
    abs_directory = os.path.abspath(directory)
    abs_target = os.path.abspath(target)
    prefix = os.path.commonprefix([abs_directory, abs_target])
    return prefix == abs_directory

def safe_extract(tar, path=".", members=None, *, numeric_owner=False):
    for member in tar.getmembers():
        member_path = os.path.join(path, member.name)
        if not is_within_directory(path, member_path):
            raise Exception("Attempted Path Traversal in Tar File")
    tar.extractall(path, members, numeric_owner=numeric_owner)
"""
SKIPS = CHECKED.replace('raise RuntimeError("link outside the target")', "continue")
OTHER_LIST = CHECKED.replace("for member in members:", "for member in tar.getmembers()[:1]:")
AFTER = """
import tarfile

def unpack(path, out):
    with tarfile.open(path) as tar:
        tar.extractall(out)
        for member in tar:
            if member.issym() or ".." in member.name:
                raise RuntimeError(member.name)
"""
APPENDED = CHECKED.replace(
    "        tar.extractall(path=destination, members=members)",
    "        members.append(tarfile.TarInfo('../x'))\n        tar.extractall(path=destination, members=members)",
)
REBOUND = CHECKED.replace(
    "        tar.extractall(path=destination, members=members)",
    "        members = tar.getmembers()\n        tar.extractall(path=destination, members=members)",
)


def mls315(tmp_path: Path, source: str) -> list[str]:
    return [f.severity.value for f in scan_code(tmp_path, source, "unpack.py") if f.rule_id == "MLS315"]


@pytest.mark.parametrize("source", [CHECKED, HELPER_AND_ALL_MEMBERS], ids=["members-list", "helper-all-members"])
def test_members_refused_before_extraction_are_low(tmp_path: Path, source: str) -> None:
    found = [f for f in scan_code(tmp_path, source, "unpack.py") if f.rule_id in ("MLS315", "B202")]
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS315", "low")]
    assert "link targets included" in found[0].message


@pytest.mark.parametrize(
    "source",
    [SKIPS, OTHER_LIST, AFTER, REBOUND, APPENDED],
    ids=["continue", "other-list", "after", "rebound", "appended"],
)
def test_checks_that_do_not_protect_keep_it_high(tmp_path: Path, source: str) -> None:
    assert mls315(tmp_path, source) == ["high"]


def test_a_names_only_check_is_low_and_says_links_are_unchecked(tmp_path: Path) -> None:
    found = [f for f in scan_code(tmp_path, NAMES_ONLY, "unpack.py") if f.rule_id in ("MLS315", "B202")]
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS315", "low")]
    assert "member names only" in found[0].message


def test_strict_profile_keeps_it_high(tmp_path: Path) -> None:
    from hooks._core.policy import Policy

    found = scan_code(tmp_path, CHECKED, "unpack.py", Policy(root=tmp_path, profile="strict"))
    assert [f.severity.value for f in found if f.rule_id == "MLS315"] == ["high"]
