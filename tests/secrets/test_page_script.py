"""A value judged by its shape inside a web page's own script is a client-side key (low); the
same value elsewhere in the page, a provider's token, or strict mode keeps blocking."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks.secrets.page_script import _script_spans, in_page_script
from tests.secrets.helpers import fake, scan_text

# A chat widget's client key (an Algolia search widget's has its own rule, test_families.py).
WIDGET = "ChatWidget.init({\n  workspace: 'proj',\n  apiKey: 'a44b754f3d890a27dcbd9b4f860fea6b',\n});\n"


def _page(script: str, body: str = "") -> str:
    return f'<html><head>\n<script type="text/javascript">\n{script}</script>\n</head><body>\n{body}</body></html>\n'


def test_a_shape_only_value_in_a_pages_script_is_low(tmp_path: Path) -> None:
    for name in ("docs/_templates/layout.html", "site/index.htm", "templates/base.html.j2"):
        [finding] = scan_text(tmp_path, name, _page(WIDGET))
        assert (finding.rule_id, finding.severity.value) == ("MLS223", "low"), name
        assert "web page's script" in finding.message
    [strict] = scan_text(tmp_path, "layout.html", _page(WIDGET), Policy(root=tmp_path, profile="strict"))
    assert strict.severity.value == "medium"


def test_what_only_sits_in_a_page_keeps_blocking(tmp_path: Path) -> None:
    quoted = _page("", '<pre>\nDB_PASSWORD = "Zq8XrT2vLp9WmN4cQs7B"\n</pre>\n')  # shown, not run
    [shown] = scan_text(tmp_path, "docs/config.html", quoted)
    assert shown.severity.value == "medium"
    [script_file] = scan_text(tmp_path, "static/search.js", WIDGET)  # a script file: not known to be a page's
    assert script_file.severity.value == "medium"
    token = fake("hf_", 34, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    provider = scan_text(tmp_path, "index.html", _page(f'const t = "{token}";\n'))
    assert any(f.rule_id == "MLS201" and f.severity.value != "low" for f in provider)
    unclosed = "<html><script>\n" + WIDGET  # no end tag: not known to be script
    assert [f.severity.value for f in scan_text(tmp_path, "broken.html", unclosed)] == ["medium"]
    for opening in ("<!-- a <script> tag is added below -->", '<p title="<script>">'):  # not a tag
        page = f'<html>{opening}\n<pre>\npassword = "Vq7#rT2!mXz9Lp4w"\n</pre>\n<script>x()</script></html>\n'
        assert [f.severity.value for f in scan_text(tmp_path, "runbook.html", page)] == ["medium"], opening
    for server_side in (
        "{% set key = 'a44b754f3d890a27dcbd9b4f860fea6b' %}",
        "{# apiKey: 'a44b754f3d890a27dcbd9b4f860fea6b' #}",
    ):
        found = scan_text(tmp_path, "base.html", _page(server_side + "\n"))  # the server's, never sent
        assert [f.severity.value for f in found] == ["medium"], server_side
    [template] = scan_text(tmp_path, "settings.py.jinja", WIDGET)  # a template of another file type
    assert template.severity.value == "medium"
    other = "<html><scripts>\n" + WIDGET + "</scripts></html>\n"  # another element's name
    assert [f.severity.value for f in scan_text(tmp_path, "other.html", other)] == ["medium"]


def test_offsets_are_judged_by_the_element_they_fall_in() -> None:
    text = "a<script>x</script>b<SCRIPT src='y>'>z</SCRIPT>"
    assert _script_spans(text) == ((9, 10), (37, 38))
    assert _script_spans("<!--<script>-->t<script a='</script>'>v</script>") == ((38, 39),)
    assert [in_page_script("p.html", text, offset) for offset in (0, 9, 10, 20, 37)] == [
        False,
        True,
        False,
        False,
        True,
    ]
    assert not in_page_script("p.txt", text, 9)
    assert _script_spans("<a title=don't>x</a><script>v</script>") == ((28, 29),)  # no quote opened
    turkish = "\u0130" * 3 + "<script>v</script>"  # lower() would lengthen the text
    assert _script_spans(turkish) == ((11, 12),)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="<>/scriptSCRIPT x-", max_size=200), st.integers(min_value=0, max_value=220))
def test_garbage_pages_never_raise_and_spans_are_ordered(text: str, offset: int) -> None:
    spans = _script_spans(text)
    assert all(0 <= start <= end <= len(text) for start, end in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    in_page_script("p.html", text, offset)
