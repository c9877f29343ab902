"""A tar extraction without `filter=` after a loop that refuses (raises on) every member landing
outside the target is low (tar_member_checks.py): the loop may walk a member list the function
bound once (`members = tar.getmembers()`) and refuse through `relative_to` of a resolved path. The
message says whether the loop also refuses links (the widely pasted check confines names only). A
loop that skips members, a loop over another list, a check after the extraction, a list or member
changed after the check, another archive under the same name, and an unresolved `relative_to` keep
MLS315 high."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from hooks.code.tar_member_checks import ModuleContext, checked_extractions
from tests.code.helpers import scan_code

# Statements a loop or the code after it may hold, for the garbage test.
_STATEMENTS = [
    "continue\n",
    "break\n",
    "pass\n",
    "m.name = 'x'\n",
    "members.append(m)\n",
    "raise ValueError(m)\n",
    "if '..' in m.name:\n    raise ValueError\n",
    "tar = None\n",
    "del members\n",
    "x = m\n",
    "try:\n    pass\nexcept ValueError:\n    raise\n",
    "global tar\n",
    "print(members, tar)\n",
]

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
    assert "tests links" in found[0].message


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


def _with(loop_body: str, after: str = "", before: str = "") -> str:
    """A pathlib check like CHECKED's, with lines put in its loop, before it or after it."""
    return (
        "import tarfile\nfrom pathlib import Path\n\n"
        "def unpack(path, dest):\n"
        "    root = Path(dest).resolve()\n"
        "    with tarfile.open(path) as tar:\n"
        "        members = tar.getmembers()\n"
        f"{before}"
        "        for m in members:\n"
        f"{loop_body}"
        "            (root / m.name).resolve().relative_to(root)\n"
        f"{after}"
        "        tar.extractall(root, members=members)\n"
    )


_CHECK_LINE = "            (root / m.name).resolve().relative_to(root)\n"
SAFE_HELPER = (
    "import os\ndef is_within_directory(d, t):\n    return os.path.abspath(t).startswith(os.path.abspath(d))\n"
)
GETNAMES_RELPATH = (
    "import os, tarfile\ndef unpack(data, dest):\n    with tarfile.open(fileobj=data) as tar:\n"
    "        for path in tar.getnames():\n            if os.path.relpath(path).startswith('..'):\n"
    "                raise ValueError(path)\n        tar.extractall(path=dest)\n"
)


def _instead(check: str) -> str:
    """The template with `check` in its loop instead of its relative_to line."""
    return _with(check).replace(_CHECK_LINE, "")


def test_the_template_is_low(tmp_path: Path) -> None:
    assert mls315(tmp_path, _with("")) == ["low"]


@pytest.mark.parametrize(
    "source",
    [
        # Stop 78's red team: each writes outside the target at run time.
        # relative_to compares parts as written: unresolved, `dest/../x` passes.
        _with("").replace("(root / m.name).resolve().relative_to(root)", "(root / m.name).relative_to(root)"),
        # The check only in a lambda never called; a `finally: continue` swallowing the refusal.
        _with("            check = lambda: (root / m.name).resolve().relative_to(root)\n").replace(
            "            (root / m.name).resolve().relative_to(root)\n", "            pass\n"
        ),
        _with("").replace(
            "            (root / m.name).resolve().relative_to(root)\n",
            "            try:\n                (root / m.name).resolve().relative_to(root)\n"
            "            except ValueError:\n                raise\n            finally:\n                pass\n",
        ),
        # Members skipped before the check: directories, links.
        _with("            if m.isdir():\n                continue\n"),
        _with("            if m.issym() or m.islnk():\n                continue\n"),
        # The list or its members changed after the check, however it is reached.
        _with("", after="        extra = members\n        extra.extend(more)\n"),
        _with("", after="        grow(members)\n"),
        _with("", after="        list.extend(members, more)\n"),
        _with("", after="        (lambda: members.extend(more))()\n"),
        _with("", after="        tar.members.extend(more)\n"),
        _with("", after="        operator.iadd(members, more)\n"),
        _with("", after="        for m in members:\n            m.name = m.name[4:]\n"),
        _with("", after="        m.name = '../x'\n"),
        _with("", after="        setattr(members[0], 'name', '../x')\n"),
        # Another archive under the same name, or the archive's member list replaced.
        _with("", after="        tar = tarfile.open('other.tar')\n"),
        _with("").replace(
            "tar.extractall(root, members=members)", "tar.members = members + more\n        tar.extractall(root)"
        ),
        # A check that breaks off after the first member.
        _with("            break\n"),
        # Its second pass: `tar.members` right after open() holds the first member only; the
        # extraction inside the loop; `startswith("..")`; an alias renamed; the refusal swallowed
        # by a context manager; a check against the target's anchor.
        _with("").replace("members = tar.getmembers()", "members = tar.members"),
        _with("", after="            tar.extractall(root, members=members)\n").replace(
            "        tar.extractall(root, members=members)\n", "", 1
        ),
        _instead("            if m.name.startswith(('/', '..')):\n                raise ValueError(m.name)\n"),
        _with("            info = m\n            info.name = info.name.split('/', 1)[-1]\n"),
        _with("").replace(
            "        for m in members:", "        with contextlib.suppress(ValueError):\n         for m in members:"
        ),
        _with("").replace(".relative_to(root)", ".relative_to(root.anchor)"),
        # Its third pass: only the folder resolved; a second loop renaming the same members; the
        # list changed through getmembers() again; a refusal for files only; a named suppress.
        _with("").replace("(root / m.name).resolve().relative_to(root)", "(root.resolve() / m.name).relative_to(root)"),
        _with("", after="        for info in tar.getmembers():\n            info.name = info.name.split('/', 1)[-1]\n"),
        _with("", after="        tar.getmembers().extend(more)\n"),
        _instead(
            "            if m.isfile() and not is_within(root, root / m.name):\n                raise ValueError(m)\n"
        ),
        _with("").replace(
            "        for m in members:",
            "        quiet = contextlib.suppress(ValueError)\n        with quiet:\n         for m in members:",
        ),
        # Its fourth pass: normpath keeps `..` under a relative target; a path resolved only in the
        # link branch; the link's target checked and the name not; relative_to(walk_up=True);
        # is_relative_to and commonpath of an unnormalised path.
        _instead(
            "            t = Path(os.path.normpath(os.path.join(root, m.name)))\n            t.relative_to(root)\n"
        ),
        _instead(
            "            t = root / m.name\n            if m.issym():\n"
            "                t = (t.parent / m.linkname).resolve()\n"
            "            t.relative_to(root)\n"
        ),
        _with("").replace("(root / m.name).resolve()", "(root / m.linkname).resolve()"),
        _with("").replace(".relative_to(root)", ".relative_to(root, walk_up=True)"),
        _instead("            if not (root / m.name).is_relative_to(root):\n                raise ValueError(m)\n"),
        _instead(
            "            if os.path.commonpath([root, os.path.join(root, m.name)]) != str(root):\n"
            "                raise ValueError(m)\n"
        ),
        # Its fifth pass: a module helper that strips names; the name changed before the check; a
        # refusal of existing files or of suffixes; `"/../" in name`; a module's own `within` helper
        # that compares unnormalised text.
        "def strip(info):\n    info.name = info.name.split('/', 1)[-1]\n"
        + _with("", after="        strip(members[0])\n"),
        _with("").replace("(root / m.name).resolve()", "(root / m.name.lstrip('./')).resolve()"),
        _instead(
            "            if os.path.exists(os.path.abspath(os.path.join(root, m.name))):\n"
            "                raise ValueError(m)\n"
        ),
        _instead("            if '/../' in m.name or os.path.isabs(m.name):\n                raise ValueError(m)\n"),
        "def is_within_directory(d, t):\n    return t.startswith(d)\n"
        + _instead(
            "            if not is_within_directory(root, os.path.join(root, m.name)):\n"
            "                raise ValueError(m)\n"
        ),
        # Its sixth pass: the loop variable rebound to a copy; only the basename checked; `..`
        # looked for in the basename; a check before the path it reads is bound; a method helper
        # comparing unnormalised text; the member handed to another function.
        _with("            m = m.replace(name=m.name.lstrip('./'))\n"),
        _with("").replace("(root / m.name).resolve()", "(root / os.path.basename(m.name)).resolve()"),
        _instead(
            "            n = os.path.basename(m.name)\n            if '..' in n or os.path.isabs(m.name):\n"
            "                raise ValueError(m)\n"
        ),
        _instead("            t.relative_to(root)\n            t = (root / m.name).resolve()\n"),
        _with("", after="        for info in members:\n            fix(info)\n"),
        _with("            normalise(m)\n"),
        # Its seventh pass: relpath of the joined path without a start; a helper given a folder
        # beside the target; a helper defined twice; `split()` on spaces.
        _instead(
            "            if os.path.relpath(os.path.join(root, m.name)).startswith('..'):\n"
            "                raise ValueError(m)\n"
        ),
        "import os\ndef is_within_directory(d, t):\n    return os.path.abspath(t).startswith(os.path.abspath(d))\n"
        + _instead(
            "            if not is_within_directory(cache, os.path.join(root, m.name)):\n"
            "                raise ValueError(m)\n"
        ),
        "import os\ndef is_within_directory(d, t):\n    return os.path.abspath(t).startswith(os.path.abspath(d))\n"
        "def is_within_directory(d, t):\n    return True\n"
        + _instead(
            "            if not is_within_directory(root, os.path.join(root, m.name)):\n"
            "                raise ValueError(m)\n"
        ),
        _instead(
            "            if '..' in m.name.split() or os.path.isabs(m.name):\n                raise ValueError(m)\n"
        ),
        # Its eighth pass: `Path(name).name` and `basename(...)` keep the last part only; a static
        # helper or a lambda comparing text; `startswith('../')` misses a member named `..`; the
        # members renamed through another list of the same archive or through self.
        _with("").replace("(root / m.name).resolve()", "(root / Path(m.name).name).resolve()"),
        _instead(
            "            if not os.path.realpath(os.path.join(root, os.path.basename(m.name))).startswith(str(root)):\n"
            "                raise ValueError(m)\n"
        ),
        "class U:\n    @staticmethod\n    def is_within_directory(d, t):\n        return t.startswith(d)\n"
        + _instead(
            "            if not U.is_within_directory(root, os.path.join(root, m.name)):\n"
            "                raise ValueError(m)\n"
        ),
        "is_within_directory = lambda d, t: t.startswith(d)\n"
        + _instead(
            "            if not is_within_directory(root, os.path.join(root, m.name)):\n"
            "                raise ValueError(m)\n"
        ),
        # The bare name relpath'd from the working folder (determined's check): an absolute name
        # under that folder passes, and `'../'` lets a member named `..` through.
        GETNAMES_RELPATH,
        GETNAMES_RELPATH.replace("startswith('..')", "startswith('../')"),
        _with("", after="        everything = tar.getmembers()\n        strip(everything)\n"),
        _with("            self.current = m\n            self.current.name = m.name[4:]\n"),
    ],
)
def test_a_loop_that_does_not_stand_between_archive_and_extraction_keeps_it_high(tmp_path: Path, source: str) -> None:
    assert mls315(tmp_path, source) == ["high"], source


@pytest.mark.parametrize(
    "source",
    [
        _with("").replace(
            "        for m in members:", "        with tempfile.TemporaryDirectory() as t:\n         for m in members:"
        ),
        _with("").replace("tar.extractall(root, members=members)", "tar.extractall(str(root), members=members)"),
        _with("").replace("        for m in members:", "        with FileLock(lock):\n         for m in members:"),
        _instead(
            "            if os.path.commonpath([root, os.path.realpath(os.path.join(root, m.name))]) != str(root):\n"
            "                raise ValueError(m)\n"
        ),
    ],
)
def test_managers_that_let_errors_through_and_a_wrapped_target_still_count(tmp_path: Path, source: str) -> None:
    assert mls315(tmp_path, source) == ["low"]


@pytest.mark.parametrize(
    "source",
    [
        # Another loop over the members that only reads them, after the extraction.
        _with("", after="").replace(
            "        tar.extractall(root, members=members)\n",
            "        tar.extractall(root, members=members)\n        for m in tar.getmembers():\n"
            "            os.chmod(root / m.name, m.mode)\n",
        ),
        # pathlib's joinpath; a logged member; normpath of the name before the join.
        _with("").replace("(root / m.name).resolve()", "root.joinpath(m.name).resolve()"),
        _with("            logger.log(10, 'checking %s', m)\n"),
        _with("").replace("(root / m.name).resolve()", "(root / os.path.normpath(m.name)).resolve()"),
        # The eighth pass: the mass patch's helper defined twice, both making paths absolute; a
        # relpath bound to a name first.
        SAFE_HELPER
        + SAFE_HELPER
        + _instead(
            "            if not is_within_directory(root, os.path.join(root, m.name)):\n"
            "                raise ValueError(m)\n"
        ),
        _instead(
            "            rel = os.path.relpath(os.path.join(root, m.name), root)\n"
            "            if rel.startswith(os.pardir):\n                raise ValueError(m)\n"
        ),
    ],
)
def test_checks_of_the_red_teams_later_passes_that_do_protect_are_low(tmp_path: Path, source: str) -> None:
    assert mls315(tmp_path, source) == ["low"], source


def test_an_objects_own_path_or_mode_elsewhere_in_the_module_is_no_renamed_member(tmp_path: Path) -> None:
    others = "class Data:\n    def __init__(self, path):\n        self.path = path\n        self.mode = 'r'\n"
    assert mls315(tmp_path, others + _with("")) == ["low"]


def test_dots_and_absolute_names_refused_together_are_a_check(tmp_path: Path) -> None:
    check = "            if '..' in m.name or m.name.startswith('/'):\n                raise ValueError(m.name)\n"
    assert mls315(tmp_path, _instead(check)) == ["low"]


def test_an_assignment_of_the_refusing_call_refuses_too(tmp_path: Path) -> None:
    source = _with("").replace("            (root / m.name)", "            kept = (root / m.name)")
    assert mls315(tmp_path, source) == ["low"]


@settings(max_examples=60, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_STATEMENTS), max_size=4), st.lists(st.sampled_from(_STATEMENTS), max_size=3))
def test_any_statements_around_the_loop_never_raise(body: list[str], after: list[str]) -> None:
    source = _with(textwrap.indent("".join(body), " " * 12), after=textwrap.indent("".join(after), " " * 8))
    module = ast.parse(source)
    for function in ast.walk(module):
        if isinstance(function, ast.FunctionDef):
            list(checked_extractions(function, ModuleContext.of(module)))
