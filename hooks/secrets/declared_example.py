"""A value its own comment declares not to be a working credential.

`key = "Gx5en9cE..."  # This is an example key and will not work.` is a course handing every
student the same sample key; the comment says, where the value stands, that the value logs in
nowhere. The same holds for a comment line right above the value (`# dummy password for the local
test server`). Such a value is reported low (`profile: strict` blocks it): the finding stays in the
report, but a commit is not held for a value its author marked as an example.

It holds only for what the author wrote about this value, in the file's own comment syntax:

- the comment is on the value's line, after it, or is the whole line right above it; a word in
  the value itself, in a string, in prose or in a URL fragment (`page#example`) is no comment;
- the comment says what the value is: an example/sample/dummy/fake/placeholder key (or token,
  password, secret, value), "this is an example", a comment of that one word, "not a real key",
  "will not work". A comment about something else (`# key of the example project`, `# replace
  with your own key`, `# for example, rotate it monthly`) declares nothing.

Only values judged by their shape alone ask this (hooks/secrets/scanner.py), and only in what the
author wrote (a file, a cell's source; not a notebook's output or a data file): a provider's own key
format (`sk-proj-...`, `hf_...`) or a vendor's key layout keeps its severity whatever a comment
says, because that format is what its issuer accepts.
"""

from __future__ import annotations

import re

_ADJECTIVE = r"(?:example|sample|dummy|fake|placeholder|made[- ]up|fictional|fictitious|bogus|mock)"
_NOUN = r"(?:api[ _-]?)?(?:keys?|tokens?|secrets?|passwords?|passwd|pwd|values?|credentials?|creds)"
_DECLARATION = re.compile(
    rf"\b{_ADJECTIVE}\s+{_NOUN}\b"  # "an example key", "dummy password"
    rf"|\b(?:this|it|that)\s+is\s+(?:(?:just|only)\s+)?(?:an?\s+|the\s+)?{_ADJECTIVE}\b"  # "this is an example"
    rf"|^\W*{_ADJECTIVE}\W*$"  # a comment of the one word: `# dummy`
    rf"|\bnot\s+(?:an?\s+)?(?:real|actual|working|live)\b"  # "not a real key"
    r"|\b(?:will|would|does|do|did)\s+not\s+work\b|\b(?:won'?t|doesn'?t|don'?t)\s+work\b",  # "will not work"
    re.IGNORECASE,
)
# Where a comment starts after the value on its line: a marker after a space (or a closing quote,
# bracket, comma or semicolon), so `http://x`, `a#b` and `--flag` are not comments.
_COMMENT_MARKER = re.compile(r"""(?<=[\s"'`,;)\]}])(?:#|//|/\*|<!--|--(?=\s))""")
# A line that is a comment and nothing else.
_COMMENT_LINE = re.compile(r"^\s*(?:#|//|/\*|\*|<!--|--\s)(?P<comment>.*)$")
_MAX_LINE = 2_000  # a longer line is read as no comment (minified code, data)


def declared_example(text: str, start: int, end: int) -> bool:
    """Whether a comment on the value's line (after it) or the comment line right above declares
    the value at `text[start:end]` an example rather than a working credential."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    if line_end - line_start > _MAX_LINE:
        return False
    marker = _COMMENT_MARKER.search(text, end, line_end)
    if marker is not None and _declares(text[marker.end() : line_end]):
        return True
    if line_start == 0:
        return False
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    above = text[above_start : line_start - 1]
    if len(above) > _MAX_LINE:
        return False
    comment_line = _COMMENT_LINE.match(above)
    return comment_line is not None and _declares(comment_line.group("comment"))


def _declares(comment: str) -> bool:
    comment = comment.removesuffix("-->").removesuffix("*/").strip()
    return _DECLARATION.search(comment) is not None
