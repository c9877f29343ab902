"""A value its own comment declares not to be a working credential.

`key = "Gx5en9cE..."  # This is an example key and will not work.` is a course handing every
student the same sample key; the comment says, where the value stands, that the value logs in
nowhere. The same holds for a comment line right above the value (`# dummy password for the local
test server`). Such a value is reported low (`profile: strict` blocks it): the finding stays in the
report, but a commit is not held for a value its author marked as an example.

It holds only for what the author wrote about this value, in the file's own comment syntax:

- the comment follows the value on its line with only a closing quote, bracket, comma or
  semicolon between (`"...",  # example key`), or is the whole line right above it; a comment after
  other code on the line may be about that code, and JSON, data files and prose have no comments
  (a `# Example` line in Markdown is a heading);
- the whole comment is the declaration and nothing more: "example key", "dummy password",
  "placeholder", "this is an example", "not a real key", "will not work", or a declaration followed
  by "and will not work". A sentence that says more can say the opposite ("replace the placeholder
  below with your own key", "this is not an example key", "old key was not working"), so it
  declares nothing; above the value, a bare word (`# Example`) is a section's title.

Only values judged by their shape alone ask this (hooks/secrets/scanner.py), and only in what the
author wrote (a file, a cell's source; not a notebook's output or a data file): a provider's own key
format (`sk-proj-...`, `hf_...`) or a vendor's key layout keeps its severity whatever a comment
says, because that format is what its issuer accepts.
"""

from __future__ import annotations

import re

_ADJECTIVE = r"(?:example|sample|dummy|fake|placeholder|made-up|made up|fictional|fictitious|bogus|mock)"
_NOUN = r"(?:api )?(?:key|token|secret|password|passwd|pwd|value|credential|cred)s?"
# Only the future or the conditional says the value is made up: "doesn't work" is what a learner
# writes about a real key that fails (quota, permissions).
_DOES_NOT_WORK = r"(?:(?:it|this|that|this key|the key) )?(?:will not|won't|wont|would not|wouldn't) work"
# The whole comment, read as a sentence about the value (lower case, spaces collapsed, outer
# brackets and end punctuation dropped): "This is an example key and will not work.", "dummy
# password", "placeholder", "not a real key", "won't work". Anchored at both ends, so a comment
# that says more ("replace the placeholder below with your own", "this is not an example key",
# "requests won't work without it", "sample tokens from the model") declares nothing.
_DECLARATION = re.compile(
    rf"(?:(?:this|it|that) is (?:(?:just|only) )?)?(?:(?:an?|the) )?{_ADJECTIVE}(?P<noun> {_NOUN})?(?: only)?"
    rf"(?:(?:,| and|;|:| -|--| so| that) {_DOES_NOT_WORK})?"
    rf"|(?:(?:this|it) is )?not (?:an? )?real {_NOUN}"
    rf"|{_DOES_NOT_WORK}"
)
# After the value: its closing quote, then only what ends an expression or an entry (`,` `;` `)`
# `]` `}`) and spaces before the comment marker: `"...",  # example key`. Anything else between
# (another string, more code) means the comment may be about that.
_COMMENT_AFTER = re.compile(r"""["'`]?[\s,;)\]}]*?(?<=[\s"'`,;)\]}])(?:#|//|/\*|<!--|--(?=\s))""")
# A line that is a comment and nothing else.
_COMMENT_LINE = re.compile(r"^\s*(?:#|//|/\*|\*|<!--|--\s)(?P<comment>.*)$")
_MAX_LINE = 2_000  # a longer line is read as no comment (minified code, data)
# Files where `#` or `//` starts no comment: JSON and data have none, and in prose a `# Example`
# line is a heading (a `%%writefile README.md` cell is prose too: the name is the written file's).
_NO_COMMENTS = (
    *(".json", ".jsonl", ".ndjson", ".csv", ".tsv"),
    *(".md", ".markdown", ".mdx", ".qmd", ".rmd", ".rst", ".txt", ".adoc", ".org"),
)
# The bare word, maybe with an article (`# Example`): above a value it is a section's title, not a
# declaration about that value.
_BARE = re.compile(rf"(?:(?:an?|the) )?{_ADJECTIVE}(?: only)?")


def declared_example(text: str, start: int, end: int, file_name: str = "") -> bool:
    """Whether a comment right after the value on its line, or the comment line right above it,
    declares the value at `text[start:end]` an example rather than a working credential.
    `file_name`: the name whose format the text has (comments mean nothing in JSON or prose)."""
    if file_name.lower().endswith(_NO_COMMENTS):
        return False
    line_start = text.rfind("\n", max(0, start - _MAX_LINE), start) + 1
    line_end = text.find("\n", end, end + _MAX_LINE + 1)
    if line_end == -1:
        line_end = len(text) if len(text) - end <= _MAX_LINE else -1
    if line_end == -1 or (line_start == 0 and start > _MAX_LINE) or line_end - line_start > _MAX_LINE:
        return False  # a line too long to be read as one with a comment (minified code, data)
    comment = _COMMENT_AFTER.match(text, end, line_end)
    if comment is not None and _declares(text[comment.end() : line_end]):
        return True
    if line_start == 0:
        return False
    above_start = text.rfind("\n", max(0, line_start - 1 - _MAX_LINE), line_start - 1) + 1
    above = text[above_start : line_start - 1]
    if len(above) >= _MAX_LINE:
        return False
    comment_line = _COMMENT_LINE.match(above)
    if comment_line is None:
        return False
    if above_start > 0:
        higher = text[text.rfind("\n", max(0, above_start - 1 - _MAX_LINE), above_start - 1) + 1 : above_start - 1]
        if _COMMENT_LINE.match(higher):
            return False  # the last line of a longer comment, which may say anything before it
    # Above the value, a bare word (`# Example`) is a section's title: the comment must say what it
    # declares (`# dummy password`, `# this is an example`).
    words = _words(comment_line.group("comment"))
    return _DECLARATION.fullmatch(words) is not None and _BARE.fullmatch(words) is None


def _words(comment: str) -> str:
    """The comment as one lower-case line: spaces collapsed, an HTML or C comment's end, outer
    brackets and end punctuation dropped."""
    comment = comment.removesuffix("-->").removesuffix("*/")
    return " ".join(comment.lower().split()).strip(" .!()[]")


def _declares(comment: str) -> bool:
    return _DECLARATION.fullmatch(_words(comment)) is not None
