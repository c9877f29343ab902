"""Whatever the findings and files (lines past the end, columns past the line, notebooks that
are not JSON, names that are not UTF-8), the SARIF stays acceptable to GitHub."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.findings import make_finding
from hooks.catalog import registry
from hooks.reporters import ReportContext, render
from tests.reporters.github_sarif import problems

finding_places = st.lists(
    st.tuples(
        st.sampled_from(["a.py", "nb.ipynb", "bin.pt", "missing.py", "dir/b.txt"]),
        st.integers(1, 40),
        st.integers(1, 200),
        st.one_of(st.none(), st.integers(1, 50)),
        st.one_of(st.none(), st.integers(1, 4)),
        st.one_of(st.none(), st.integers(0, 2)),
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(places=finding_places, source=st.text(max_size=400), notebook=st.text(max_size=200), wellformed=st.booleans())
def test_any_findings_give_acceptable_sarif(
    places: list[tuple[str, int, int, int | None, int | None, int | None]], source: str, notebook: str, wellformed: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "dir").mkdir()
        (root / "a.py").write_text(source, encoding="utf-8", errors="replace")
        (root / "dir" / "b.txt").write_text(source[::-1], encoding="utf-8", errors="replace")
        cells = [{"cell_type": "code", "source": notebook.splitlines(True), "outputs": []}] * 2
        (root / "nb.ipynb").write_text(json.dumps({"cells": cells}) if wellformed else notebook, errors="replace")
        (root / "bin.pt").write_bytes(b"\x80\x02\x00" + source.encode("utf-8", "replace"))
        rule = registry()["MLS900"]
        findings = [
            make_finding(
                rule,
                path,
                "m",
                content_key=f"{n}",
                line=line,
                column=column,
                end_line=end,
                cell=cell if path.endswith(".ipynb") else None,
                output=output if cell is not None and path.endswith(".ipynb") else None,
            )
            for n, (path, line, column, end, cell, output) in enumerate(places)
        ]
        text = render("sarif", findings, [], ReportContext(registry(), root=root, category="mlsec"))
        assert problems(text) == []
        assert len(json.loads(render("gitlab", findings, [], ReportContext(registry(), root=root)))) == len(findings)
