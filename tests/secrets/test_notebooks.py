"""Notebook sources and outputs, reported by cell (1-based among all cells) and output index."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.secrets.helpers import ALNUM, HEX, fake, rules, scan_text

HF = fake("hf_", 34)
WANDB = fake("", 40, HEX)


def notebook(*cells: dict[str, Any]) -> str:
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": list(cells)}, indent=1)


def code(source: str, *outputs: dict[str, Any]) -> dict[str, Any]:
    return {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": source, "outputs": list(outputs)}


def markdown(source: str) -> dict[str, Any]:
    return {"cell_type": "markdown", "metadata": {}, "source": source}


def stream(text: str) -> dict[str, Any]:
    return {"output_type": "stream", "name": "stdout", "text": text}


def test_positions_in_sources_and_outputs(tmp_path: Path) -> None:
    text = notebook(
        markdown("# Setup\n"),
        code(f'import os\nlogin(token="{HF}")\n', stream("ok\n"), stream(f"WANDB_API_KEY={WANDB}\n")),
        markdown(f"Use this token:\n\n```bash\nexport HF_TOKEN={HF}\n```\n"),
    )
    findings = scan_text(tmp_path, "eda.ipynb", text)
    places = sorted((f.rule_id, f.cell, f.output, f.line) for f in findings)
    assert places == [("MLS201", 2, None, 2), ("MLS201", 3, None, 4), ("MLS204", 2, 1, 1)]


def test_error_traceback_with_ansi_codes(tmp_path: Path) -> None:
    password = fake("", 16)
    error = {
        "output_type": "error",
        "ename": "OperationalError",
        "evalue": "connection failed",
        "traceback": [f"\x1b[0;31mOperationalError\x1b[0m: url=postgresql://svc:{password}@10.0.0.5:5432/f"],
    }
    findings = scan_text(tmp_path, "nb.ipynb", notebook(code("engine.connect()\n", error)))
    assert [(f.rule_id, f.cell, f.output) for f in findings] == [("MLS222", 1, 0)]


def test_rich_outputs_are_read_and_images_skipped(tmp_path: Path) -> None:
    image = fake("", 3000, HEX + "ABCDEFGHIJKLMNOPQRSTUVWXYZ+/")
    display = {
        "output_type": "display_data",
        "metadata": {},
        "data": {"image/png": image, "text/plain": "<Figure size 640x480>"},
    }
    result = {
        "output_type": "execute_result",
        "execution_count": 2,
        "metadata": {},
        "data": {"text/html": f"<td>{HF}</td>", "application/json": {"token": HF}},
    }
    findings = scan_text(tmp_path, "nb.ipynb", notebook(code("plot()\n", display), code("df\n", result)))
    assert [(f.rule_id, f.cell, f.output) for f in findings] == [("MLS201", 2, 0)]


def test_split_across_source_lines(tmp_path: Path) -> None:
    source = f'HF_TOKEN = (\n    "{HF[:12]}"\n    "{HF[12:]}"\n)\n'
    findings = scan_text(tmp_path, "nb.ipynb", notebook(code(source)))
    assert [(f.rule_id, f.line) for f in findings] == [("MLS201", 2)]
    assert "split across strings" in findings[0].message


def test_split_with_plus_in_a_script(tmp_path: Path) -> None:
    findings = scan_text(tmp_path, "a.py", f'token = "{HF[:10]}" + \\\n    "{HF[10:]}"\n')
    assert rules(findings) == ["MLS201"]


def test_broken_notebook_is_scanned_as_text(tmp_path: Path) -> None:
    findings = scan_text(tmp_path, "bad.ipynb", '{"cells": [ {"source": "' + HF + '"')
    assert rules(findings) == ["MLS201", "MLS905"]


def test_deeply_nested_notebook_does_not_crash(tmp_path: Path) -> None:
    findings = scan_text(tmp_path, "deep.ipynb", "[" * 100_000 + "]" * 100_000)
    assert rules(findings) == ["MLS905"]


def test_nbformat_v3_notebook(tmp_path: Path) -> None:
    v3 = {
        "nbformat": 3,
        "nbformat_minor": 0,
        "metadata": {},
        "worksheets": [
            {"cells": [{"cell_type": "code", "input": f'token = "{HF}"', "outputs": [], "language": "python"}]}
        ],
    }
    findings = scan_text(tmp_path, "old.ipynb", json.dumps(v3))
    assert [(f.rule_id, f.cell) for f in findings] == [("MLS201", 1)]


# --- the rest of the notebook's JSON (red team, stop 58) ----------------------------------------
def _parts(token: str) -> dict[str, str]:
    cell = code("x = 1")
    with_id = dict(cell, id=token)
    extra = dict(cell, notes=f"token {token}")
    key_name = dict(cell, metadata={token: True})
    output_meta = code("x", {"output_type": "display_data", "data": {"text/plain": "ok"}, "metadata": {"n": token}})
    markdown_outputs = dict(markdown("notes"), outputs=[stream(token)])
    traceback = code("x", {"output_type": "error", "ename": "E", "evalue": "v", "traceback": f"token {token}"})
    return {
        "cell id": notebook(with_id),
        "extra key": notebook(extra),
        "metadata key": notebook(key_name),
        "output metadata": notebook(output_meta),
        "outputs of a markdown cell": notebook(markdown_outputs),
        "traceback as one string": notebook(traceback),
    }


def test_a_credential_anywhere_else_in_the_json_is_found(tmp_path: Path) -> None:
    expected = rules(scan_text(tmp_path, "nb.ipynb", notebook(code(f"token = '{HF}'"))))
    for where, text in _parts(HF).items():
        found = scan_text(tmp_path, "nb.ipynb", text)
        assert rules(found) == expected, where
        assert "no cell, output or known field" in found[0].message and HF not in found[0].message


def test_a_credential_the_cells_hold_is_reported_once_and_media_is_not_read(tmp_path: Path) -> None:
    once = scan_text(tmp_path, "nb.ipynb", notebook(code(f"token = '{HF}'")))
    assert len(once) == 1 and once[0].cell == 1
    # Look-alike: a key's shape inside a plot's base64 PNG is bytes of an image, not text.
    image = {"output_type": "display_data", "data": {"image/png": "iVBOR" + HF + "AAAA"}, "metadata": {}}
    assert scan_text(tmp_path, "nb.ipynb", notebook(code("plot()", image))) == []


def test_escaped_and_media_keyed_credentials_are_found_as_jupyter_reads_them(tmp_path: Path) -> None:
    escaped = "\\u0068" + HF[1:]  # `h` written as a JSON escape: Jupyter decodes it
    text = notebook(code("x = 1")).replace('"cells"', f'"notes": "{escaped}", "cells"', 1)
    assert rules(scan_text(tmp_path, "nb.ipynb", text)) != []
    plain = {"output_type": "display_data", "data": {"image/png": f"not base64: {HF}"}, "metadata": {}}
    assert rules(scan_text(tmp_path, "nb.ipynb", notebook(code("x", plain)))) != []


def test_base64_media_with_a_keys_shape_inside_is_not_read(tmp_path: Path) -> None:
    google_shape = "AIza" + "SyAbCdEfGhIjKlMnOpQrStUvWxYz0123456"  # all base64 characters
    payload = f"iVBORw0KGgo+{google_shape}+AAAA=="
    image = {"output_type": "display_data", "data": {"image/png": payload}, "metadata": {}}
    assert scan_text(tmp_path, "nb.ipynb", notebook(code("plot()", image))) == []
    # The same text under a key that is no media type is text, and the shape is found in it.
    other = {"output_type": "display_data", "data": {"image/png": "x"}, "metadata": {"note": payload}}
    assert rules(scan_text(tmp_path, "nb.ipynb", notebook(code("plot()", other)))) != []


def test_a_secret_in_a_file_a_defined_magic_writes(tmp_path: Path) -> None:
    password = fake("", 14, ALNUM + "#%", seed=5)
    save = (
        "from IPython.core.magic import register_cell_magic\n@register_cell_magic\n"
        'def save(line, cell):\n    open(line.split()[-1], "w").write(cell)\n'
    )
    text = notebook(code(save), code(f"%%save env.sh\nexport PASSWORD={password}"))
    (finding,) = scan_text(tmp_path, "nb.ipynb", text)
    assert (finding.rule_id, finding.cell, finding.line) == ("MLS223", 2, 2)
    assert "%%save" in finding.message and password not in finding.message
