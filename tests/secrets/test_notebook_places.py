"""Every place a notebook keeps text (issue 15): a secret there is found at its cell, output and
line, and the look-alike that usually stands in the same place stays silent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.secrets.helpers import ALNUM, HEX, fake, scan_text
from tests.secrets.test_families import crc32_token
from tests.secrets.test_notebooks import code, markdown, notebook, stream

HF = fake("hf_", 34)
WANDB = fake("", 40, HEX)
PASSWORD = fake("", 14, ALNUM) + "!x9"
NGROK = f"2{fake('', 26)}_{fake('', 21)}"
GENERIC = fake("", 40)
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def with_metadata(metadata: dict[str, Any], *cells: dict[str, Any]) -> str:
    document = json.loads(notebook(*cells))
    document["metadata"] = metadata
    return json.dumps(document, indent=1)


def widget_state(model_name: str, description: str, value: str) -> dict[str, Any]:
    model = {"model_name": model_name, "model_module": "@jupyter-widgets/controls", "state": {"value": value}}
    model["state"]["description"] = description
    return {"widgets": {WIDGET_STATE: {"version_major": 2, "version_minor": 0, "state": {"a1b2": model}}}}


def execute_result(text: str) -> dict[str, Any]:
    return {"output_type": "execute_result", "execution_count": 1, "metadata": {}, "data": {"text/plain": text}}


def html(text: str) -> dict[str, Any]:
    return {"output_type": "display_data", "metadata": {}, "data": {"text/html": text, "text/plain": "<table>"}}


def error(text: str) -> dict[str, Any]:
    return {"output_type": "error", "ename": "HTTPError", "evalue": "401", "traceback": [f"\x1b[0;31m{text}\x1b[0m"]}


def tagged(source: str, tag: str) -> dict[str, Any]:
    cell = code(source)
    cell["metadata"] = {"tags": [tag]}
    return cell


# (place, notebook text, (rule, cell, output, line) expected)
FOUND = [
    ("source", notebook(code(f'login(token="{HF}")\n')), ("MLS201", 1, None, 1)),
    ("%env", notebook(code(f"%env WANDB_API_KEY={WANDB}\n")), ("MLS204", 1, None, 1)),
    ("%env name value", notebook(code(f"%env ACME_TOKEN {GENERIC}\n")), ("MLS223", 1, None, 1)),
    ("%set_env", notebook(code(f"import os\n%set_env ACME_API_KEY={GENERIC}\n")), ("MLS223", 1, None, 2)),
    ("%%writefile .env", notebook(code(f"%%writefile .env\nACME_SECRET={GENERIC}\n")), ("MLS223", 1, None, 2)),
    (
        "%%writefile config.yaml",
        notebook(code(f"%%writefile config.yaml\ndb:\n  password: {PASSWORD}\n")),
        ("MLS223", 1, None, 3),
    ),
    ("huggingface-cli login", notebook(code(f"!huggingface-cli login --token {HF}\n")), ("MLS201", 1, None, 1)),
    ("ngrok add-authtoken", notebook(code(f"!ngrok config add-authtoken {NGROK}\n")), ("MLS228", 1, None, 1)),
    (
        "dvc remote modify",
        notebook(code(f"!dvc remote modify --local storage password {PASSWORD}\n")),
        ("MLS223", 1, None, 1),
    ),
    (
        "npm _authToken",
        notebook(code(f"!npm config set //registry.npmjs.org/:_authToken={crc32_token('npm_')}\n")),
        ("MLS234", 1, None, 1),
    ),
    ("wandb login", notebook(code(f"!wandb login {WANDB}\n")), ("MLS204", 1, None, 1)),
    (
        "curl header",
        notebook(code(f'!curl -H "Authorization: Bearer {GENERIC}" https://api.example.com\n')),
        ("MLS223", 1, None, 1),
    ),
    (
        "%%bash cell",
        notebook(code(f"%%bash\nexport ACME_TOKEN={GENERIC}\n./run.sh\n")),
        ("MLS223", 1, None, 2),
    ),
    (
        "!cat .netrc stream",
        notebook(code("!cat ~/.netrc\n", stream(f"machine api.wandb.ai\n  login user\n  password {WANDB}\n"))),
        ("MLS204", 1, 0, 3),
    ),
    (
        "!env stream",
        notebook(code("!env\n", stream(f"PATH=/usr/bin\nACME_API_KEY={GENERIC}\n"))),
        ("MLS223", 1, 0, 2),
    ),
    (
        "execute_result repr",
        notebook(code("settings\n", execute_result(f"Settings(api_key='{GENERIC}', debug=False)"))),
        ("MLS223", 1, 0, 1),
    ),
    (
        "display html table",
        notebook(code("show()\n", html(f"<table><tr><td>ACME_TOKEN</td><td>{GENERIC}</td></tr></table>"))),
        ("MLS223", 1, 0, 2),
    ),
    (
        "error traceback",
        notebook(code("call()\n", error(f'requests.get(url, headers={{"X-API-Key": "{GENERIC}"}})'))),
        ("MLS223", 1, 0, 2),
    ),
    ("markdown", notebook(markdown(f"Set `export HF_TOKEN={HF}` first.\n")), ("MLS201", 1, None, 1)),
    (
        "injected-parameters",
        notebook(markdown("# Run\n"), tagged(f'api_key = "{GENERIC}"\n', "injected-parameters")),
        ("MLS223", 2, None, 1),
    ),
    ("papermill parameters", with_metadata({"papermill": {"parameters": {"hf_token": HF}}}), ("MLS201", None, None, 0)),
    (
        "papermill generic",
        with_metadata({"papermill": {"parameters": {"api_secret": GENERIC}}}),
        ("MLS223", None, None, 0),
    ),
    ("widget password", with_metadata(widget_state("PasswordModel", "", PASSWORD)), ("MLS223", None, None, 0)),
    ("widget text token", with_metadata(widget_state("TextModel", "HF token:", HF)), ("MLS201", None, None, 0)),
]


@pytest.mark.parametrize(("place", "text", "expected"), FOUND, ids=[f[0] for f in FOUND])
def test_place_is_read(
    tmp_path: Path, place: str, text: str, expected: tuple[str, int | None, int | None, int]
) -> None:
    findings = scan_text(tmp_path, "nb.ipynb", text)
    assert len(findings) == 1, findings
    (finding,) = findings
    rule, cell, output, line = expected
    assert (finding.rule_id, finding.cell, finding.output) == (rule, cell, output)
    assert finding.severity.value != "low"
    if line:
        assert finding.line == line
    else:  # metadata: the line of the raw .ipynb where the value is written
        assert 1 < finding.line <= text.count("\n") + 1
    assert finding.confidence in ("high", "medium")


LOOKALIKES = [
    ("%env reference", notebook(code("%env HF_TOKEN=$HF_TOKEN\n%env WANDB_API_KEY={key}\n"))),
    ("login from env", notebook(code("!huggingface-cli login --token $HF_TOKEN\n!wandb login --relogin\n"))),
    ("getpass", notebook(code('token = getpass.getpass("HF token: ")\nos.environ["HF_TOKEN"] = token\n'))),
    ("writefile placeholders", notebook(code("%%writefile .env\nHF_TOKEN=<your token>\nDB_PASSWORD=changeme\n"))),
    ("masked env output", notebook(code("!env | grep TOKEN\n", stream("HF_TOKEN=hf_****\nWANDB_API_KEY=***\n")))),
    (
        "image and plot outputs",
        notebook(
            code(
                "plot()\n",
                {
                    "output_type": "display_data",
                    "metadata": {},
                    "data": {"image/png": fake("", 4000, ALNUM + "+/"), "text/plain": "<Figure size 640x480>"},
                },
            )
        ),
    ),
    ("git log output", notebook(code("!git log -1\n", stream(f"commit {fake('', 40, HEX)}\nAuthor: a <a@b.c>\n")))),
    (
        "wandb run output",
        notebook(
            code(
                "wandb.init()\n",
                stream("wandb: Syncing run o7radfc9\nwandb: View run at https://wandb.ai/a/b/runs/o7radfc9\n"),
            )
        ),
    ),
    (
        "tokenizer repr",
        notebook(
            code(
                "tok\n", execute_result("PreTrainedTokenizerFast(name_or_path='bert-base-uncased', pad_token='[PAD]')")
            )
        ),
    ),
    ("papermill ordinary parameters", with_metadata({"papermill": {"parameters": {"alpha": 0.5, "model": "gpt2"}}})),
    ("widget text", with_metadata(widget_state("TextModel", "Prompt:", "a photo of an astronaut riding a horse"))),
    ("empty password widget", with_metadata(widget_state("PasswordModel", "Password:", ""))),
    (
        "kernel metadata",
        with_metadata({"kernelspec": {"name": "python3", "display_name": "Python 3"}, "colab": {"provenance": []}}),
    ),
    ("cell ids and tags", notebook(tagged("x = 1\n", "parameters"))),
]


@pytest.mark.parametrize(("place", "text"), LOOKALIKES, ids=[lookalike[0] for lookalike in LOOKALIKES])
def test_place_lookalike_silent(tmp_path: Path, place: str, text: str) -> None:
    assert [f for f in scan_text(tmp_path, "nb.ipynb", text) if f.severity.value != "low"] == []


def test_attachment_named_like_a_token_but_uuid_names_silent(tmp_path: Path) -> None:
    cell = markdown("![a](attachment:image.png)\n")
    cell["attachments"] = {"4c5c1883-5ab6-4fca-9b4f-c7b1584d50e3.png": {"image/png": "iVBORw0KGgo="}}
    assert scan_text(tmp_path, "a.ipynb", notebook(cell)) == []
    cell["attachments"] = {f"{HF}.png": {"image/png": "iVBORw0KGgo="}}
    findings = scan_text(tmp_path, "b.ipynb", notebook(cell))
    assert [(f.rule_id, f.cell) for f in findings] == [("MLS201", 1)]


def test_secret_in_metadata_never_printed(tmp_path: Path) -> None:
    text = with_metadata({"papermill": {"parameters": {"api_secret": GENERIC}}}, code("x = 1\n"))
    (finding,) = scan_text(tmp_path, "nb.ipynb", text)
    assert GENERIC[:8] not in finding.message and "papermill parameters" in finding.message


@pytest.mark.parametrize("shape", ["deep", "wide"])
def test_metadata_past_a_bound_is_a_finding(tmp_path: Path, shape: str) -> None:
    from hooks._core.notebooks import MAX_METADATA_DEPTH, MAX_METADATA_STRINGS

    if shape == "deep":
        tree: Any = {"token": GENERIC}
        for _ in range(MAX_METADATA_DEPTH + 2):
            tree = {"x": tree}
    else:
        tree = {"values": ["a"] * (MAX_METADATA_STRINGS + 1)}
    findings = scan_text(tmp_path, "nb.ipynb", with_metadata({"custom": tree}, code("x = 1\n")))
    assert [(f.rule_id, f.severity.value) for f in findings] == [("MLS906", "medium")]
    assert "not scanned" in findings[0].message


def test_svg_outputs_and_text_attachments_are_read(tmp_path: Path) -> None:
    import base64

    svg = {"output_type": "display_data", "metadata": {}, "data": {"image/svg+xml": f"<svg><text>{HF}</text></svg>"}}
    [found] = scan_text(tmp_path, "svg.ipynb", notebook(code("plot()", svg)))
    assert found.rule_id == "MLS201"
    for data in (f"HF_TOKEN={HF}\n", base64.b64encode(f"HF_TOKEN={HF}\n".encode()).decode()):
        cell = markdown("see ![notes](attachment:notes.txt)")
        cell["attachments"] = {"notes.txt": {"text/plain": data}}
        [attached] = scan_text(tmp_path, "att.ipynb", notebook(cell))
        assert attached.rule_id == "MLS201" and "in attachment notes.txt" in attached.message
    image = markdown("![x](attachment:x.png)")  # look-alike: an image attachment is not text
    image["attachments"] = {"x.png": {"image/png": base64.b64encode(HF.encode()).decode()}}
    assert scan_text(tmp_path, "img.ipynb", notebook(image)) == []


def test_an_assets_uuid_printed_in_an_output_is_low_and_a_token_printed_there_blocks(tmp_path: Path) -> None:
    """Watson ML's saved outputs print every asset's metadata: its `resource_key` is a UUID that
    names the asset (blind56). A generated token printed in the same place still blocks."""
    uuid = "6c16ce33-1b2a-4f4e-8e0d-3a9b7c5d2e1f"
    asset, space = "b04d570d-181c-45e9-a586-3f2c5b404334", "cbd87244-b000-4279-b991-3cefbf8b1555"
    printed = f"{{'metadata': {{'id': '{asset}', 'resource_key': '{uuid}', 'space_id': '{space}', 'owner': 'u1'}}}}"
    found = scan_text(tmp_path, "deploy.ipynb", notebook(code("details\n", execute_result(printed))))
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS223", "low")]
    token = printed.replace("'resource_key': '" + uuid, "'api_token': '" + GENERIC)
    found = scan_text(tmp_path, "deploy2.ipynb", notebook(code("details\n", execute_result(token))))
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS223", "medium")]
