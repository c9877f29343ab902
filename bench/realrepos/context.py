"""Show the lines around a finding in the local checkout, for the person labelling it.

Notebook findings are shown inside their cell (or cell output); a line is 1-based within the
cell's source, as mlsec reports it. Long lines are cut so minified data does not flood the view.
Read-only: nothing here imports, runs or loads the repositories' files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

_WIDTH = 220


def _cut(line: str) -> str:
    line = line.rstrip("\n")
    return line if len(line) <= _WIDTH else line[:_WIDTH] + f" ...[+{len(line) - _WIDTH}]"


def _source(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value or "")


def _output_text(output: dict[str, Any]) -> str:
    if "text" in output:
        return _source(output["text"])
    if "traceback" in output:
        return "\n".join(_source(t) for t in output["traceback"])
    data = output.get("data", {})
    for kind in ("text/plain", "text/html", "application/json", "text/markdown"):
        if kind in data:
            value = data[kind]
            return value if isinstance(value, str) else _source(value) if isinstance(value, list) else json.dumps(value)
    return json.dumps(output)[:2000]


def notebook_lines(path: Path, cell: int, output: int | None) -> tuple[str, list[str]]:
    doc = json.loads(path.read_text(encoding="utf-8", errors="replace"))
    cells = doc.get("cells") or [c for ws in doc.get("worksheets", []) for c in ws.get("cells", [])]
    if not 1 <= cell <= len(cells):
        return "cell out of range", []
    entry = cells[cell - 1]
    header = f"cell_{cell} ({entry.get('cell_type')})"
    if output is not None:
        outputs = entry.get("outputs", [])
        text = _output_text(outputs[output]) if 0 <= output < len(outputs) else ""
        return header + f" output {output}", text.splitlines()
    return header, _source(entry.get("source", entry.get("input", ""))).splitlines()


def show(checkout: Path, finding: dict[str, Any], radius: int = 4, whole_cell_max: int = 30) -> str:
    path = checkout / str(finding["path"])
    line = int(finding.get("line") or 0)
    if not path.is_file():
        return "  (file not in checkout)"
    try:
        if finding.get("cell") is not None:
            header, lines = notebook_lines(path, int(finding["cell"]), finding.get("output"))
            if len(lines) <= whole_cell_max:
                lo, hi = 1, len(lines)
            else:
                lo, hi = max(1, line - radius), min(len(lines), line + radius)
        else:
            if path.stat().st_size > 20 << 20:
                return f"  ({path.stat().st_size} bytes, not shown)"
            raw = path.read_bytes()
            if b"\0" in raw[:4096]:
                return f"  (binary, {len(raw)} bytes, starts {raw[:16]!r})"
            # Lines as the scanners number them: a bare "\r" or "\x0c" inside a line (splitlines
            # breaks there) must not shift what is shown away from the finding's line.
            lines = [part.removesuffix("\r") for part in raw.decode("utf-8", errors="replace").split("\n")]
            header = str(finding["path"])
            lo, hi = max(1, line - radius), min(len(lines), line + radius)
    except (OSError, ValueError) as exc:
        return f"  (cannot read: {exc})"
    shown = [f"  -- {header}"]
    for number in range(lo, hi + 1):
        mark = ">" if number == line else " "
        shown.append(f"  {mark}{number:4}| {_cut(lines[number - 1])}")
    return "\n".join(shown)
