"""Whether a value sits in a web page's own script: the `<script>` elements of an HTML page or
page template, whose text every visitor's browser receives.

A value there is a client-side key by construction (a docs search widget's search-only key, a
chat widget's account token): committing it discloses nothing the served page does not. So a value
judged only by its shape (MLS223) there is low. A provider's token keeps its severity (a secret
key pasted into a page is a leak the page makes), and so does anything outside the script
elements (a `<pre>` block quoting a config file).
"""

from __future__ import annotations

import bisect
import functools

_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.j2", ".html.jinja", ".html.jinja2")
_CLOSE = "</script"
_SERVER_TAGS = (("{%", "%}"), ("{#", "#}"), ("<%", "%>"), ("<?", "?>"))  # Jinja/Django, ERB/JSP, PHP
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def is_page(path: str) -> bool:
    return path.lower().endswith(_PAGE_SUFFIXES)


@functools.lru_cache(maxsize=2)  # the file being scanned: its hits ask about the same text
def _script_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each script element's content, read as a browser tokenises the page: a
    comment (`<!-- ... -->`) is skipped whole, a tag's attributes are read with their quotes (a
    `>` or `<script` inside `title="..."` is text), and a script's content runs to its first
    `</script`. Every search starts past the previous one, so the text is read once."""
    lowered = text.translate(_ASCII_LOWER)  # same length as the text: offsets stay the text's
    spans: list[tuple[int, int]] = []
    position = 0
    size = len(lowered)
    while True:
        start = lowered.find("<", position)
        if start < 0 or start + 1 >= size:
            break
        if lowered.startswith("<!--", start):
            close = lowered.find("-->", start + 4)
            if close < 0:
                break  # an unclosed comment hides the rest of the page
            position = close + 3
            continue
        name_end = start + 1
        while name_end < size and (lowered[name_end].isalnum() or lowered[name_end] in "-_:"):
            name_end += 1
        if name_end == start + 1:
            position = start + 1  # `<` in text, `</...>`: no element starts here
            continue
        tag_end = _tag_end(lowered, name_end)
        if tag_end < 0:
            break  # an unclosed tag: the rest is not known to be script
        if lowered[start + 1 : name_end] != "script":
            position = tag_end + 1
            continue
        end = lowered.find(_CLOSE, tag_end + 1)
        if end < 0:
            break  # an unclosed element: not known to be script, judged as the rest of the page
        spans.append((tag_end + 1, end))
        position = end + len(_CLOSE)
    return tuple(spans)


def _tag_end(lowered: str, position: int) -> int:
    """The index of the `>` that ends a start tag, skipping quoted attribute values (a quote opens
    one only right after `=`; `title=don't` is unquoted); -1 if none."""
    quote = ""
    after_equals = False
    for index in range(position, len(lowered)):
        character = lowered[index]
        if quote:
            if character == quote:
                quote = ""
            continue
        if character in "\"'" and after_equals:
            quote = character
        elif character == ">":
            return index
        if character == "=":
            after_equals = True
        elif not character.isspace():
            after_equals = False
    return -1


def in_page_script(path: str, text: str | None, offset: int) -> bool:
    """Whether `offset` of a page's text falls inside one of its script elements."""
    if text is None or not is_page(path):
        return False
    spans = _script_spans(text)
    index = bisect.bisect_right(spans, (offset, len(text) + 1)) - 1
    if index < 0 or not spans[index][0] <= offset < spans[index][1]:
        return False
    # Inside a template's own tag or comment (`{% set key = "..." %}`, `{# ... #}`), the value is
    # the server's: it never reaches a visitor.
    before = text[spans[index][0] : offset]
    return all(before.rfind(opening) <= before.rfind(closing) for opening, closing in _SERVER_TAGS)
