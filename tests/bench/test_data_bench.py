"""The benchmark's generated look-alike and realistic tables stay silent (a small slice of the 1M rows)."""

from __future__ import annotations

from pathlib import Path

from bench.data_bench import LOOKALIKE_HEADER, REALISTIC_HEADER, lookalike_row, realistic_row, write_csv
from hooks._core.policy import Policy
from hooks.data.spec import SPEC
from tests.scanning import findings_of


def test_generated_pii_free_tables_have_no_findings(tmp_path: Path) -> None:
    for name, header, row in (("l.csv", LOOKALIKE_HEADER, lookalike_row), ("r.csv", REALISTIC_HEADER, realistic_row)):
        path = write_csv(tmp_path / name, header, row, rows=5_000)
        assert findings_of(SPEC, path, name, Policy(root=tmp_path, sections={"data": {"full": True}})) == []
