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

_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.j2", ".html.jinja", ".html.jinja2", ".jinja2", ".jinja")
_OPEN = "<script"
_CLOSE = "</script"


def is_page(path: str) -> bool:
    return path.lower().endswith(_PAGE_SUFFIXES)


@functools.lru_cache(maxsize=2)  # the file being scanned: its hits ask about the same text
def _script_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each script element's content, in one pass: every search starts past the
    previous one, so the text is read once whatever its tags."""
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    position = 0
    while True:
        start = lowered.find(_OPEN, position)
        if start < 0:
            break
        after = start + len(_OPEN)
        if after < len(lowered) and (lowered[after].isalnum() or lowered[after] in "-_:"):
            position = after  # `<scripts>`, `<script-x>`: another element
            continue
        opened = lowered.find(">", after)
        if opened < 0:
            break
        end = lowered.find(_CLOSE, opened + 1)
        if end < 0:
            break  # an unclosed element: not known to be script, judged as the rest of the page
        spans.append((opened + 1, end))
        position = end + len(_CLOSE)
    return tuple(spans)


def in_page_script(path: str, text: str | None, offset: int) -> bool:
    """Whether `offset` of a page's text falls inside one of its script elements."""
    if text is None or not is_page(path):
        return False
    spans = _script_spans(text)
    index = bisect.bisect_right(spans, (offset, len(text) + 1)) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]
