"""A Ploomber script task's load of `upstream[task][key]`, which every pipeline definition running
the script fills with another task's product, is low; a script not listed, an upstream task or key
the pipeline does not have, a remote product, an `upstream` the script binds or changes itself, a
commented magic, another file naming the script, an unreadable definition, serving code and
`profile: strict` keep the severity."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks._core.severity import Severity
from hooks.code.ploomber_tasks import _Facts, _facts_cache, _read_definition, pipelines_running, upstream_item
from tests.code.helpers import notebook, scan_code

PIPELINE = """\
tasks:
  - source: tasks/split.py
    product:
      X_train: output/split-X_train.pkl
      nb: output/split.ipynb
  - source: tasks/fit.py
    product:
      nb: output/fit.ipynb
"""

FIT = (
    "# %%\n"
    "import pickle\n"
    "from pathlib import Path\n"
    "\n"
    '# %% tags=["parameters"]\n'
    "upstream = ['split']\n"
    "product = None\n"
    "\n"
    "# %%\n"
    "X_train = pickle.loads(Path(upstream['split']['X_train']).read_bytes())\n"
)
LOAD_LINE = 10


def _project(tmp_path: Path, pipeline: str = PIPELINE, script: str = FIT) -> Path:
    _facts_cache.clear()
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / "tasks").mkdir(exist_ok=True)
    (tmp_path / "tasks" / "split.py").write_text("# %% tags=['parameters']\nupstream = None\n")
    (tmp_path / "pipeline.yaml").write_text(pipeline)
    (tmp_path / "tasks" / "fit.py").write_text(script)
    return tmp_path


def _b301(tmp_path: Path, script: str = FIT, policy: Policy | None = None) -> list[tuple[int, Severity]]:
    findings = scan_code(tmp_path / "tasks", script, "fit.py", policy or Policy(root=tmp_path))
    return sorted((f.line, f.severity) for f in findings if f.rule_id == "B301")


def test_an_upstream_product_of_the_same_pipeline_is_low(tmp_path: Path) -> None:
    _project(tmp_path)
    assert _b301(tmp_path) == [(LOAD_LINE, Severity.LOW)]


def test_handles_and_wrappers_of_the_product_path_are_low_too(tmp_path: Path) -> None:
    _project(tmp_path)
    for load in (
        "with open(upstream['split']['X_train'], 'rb') as f:\n    X_train = pickle.load(f)\n",
        "X_train = pickle.load(open(upstream['split']['X_train'], 'rb'))\n",
        "X_train = pickle.load(Path(str(upstream['split']['X_train'])).open('rb'))\n",
    ):
        script = FIT.replace("X_train = pickle.loads(Path(upstream['split']['X_train']).read_bytes())\n", load)
        assert [s for _, s in _b301(tmp_path, script)] == [Severity.LOW], load


def test_a_single_product_is_read_by_the_task_name_alone(tmp_path: Path) -> None:
    pipeline = PIPELINE.replace(
        "    product:\n      X_train: output/split-X_train.pkl\n      nb: output/split.ipynb\n",
        "    product: output/split.pkl\n",
    )
    _project(tmp_path, pipeline)
    script = FIT.replace("upstream['split']['X_train']", "upstream['split']")
    assert _b301(tmp_path, script) == [(LOAD_LINE, Severity.LOW)]
    # The look-alike: a key of a product that is one path is not a product.
    assert _b301(tmp_path) == [(LOAD_LINE, Severity.MEDIUM)]


def test_a_task_or_key_the_pipeline_lacks_keeps_the_severity(tmp_path: Path) -> None:
    _project(tmp_path)
    for read in ("upstream['other']['X_train']", "upstream['split']['model']", "upstream['fit']['nb']"):
        script = FIT.replace("upstream['split']['X_train']", read)
        assert _b301(tmp_path, script) == [(LOAD_LINE, Severity.MEDIUM)], read


def test_a_remote_or_templated_product_keeps_the_severity(tmp_path: Path) -> None:
    for product in ("s3://bucket/split.pkl", "output/split-[[seed]].pkl", "~/split.pkl"):
        _project(tmp_path, PIPELINE.replace("output/split-X_train.pkl", product))
        assert _b301(tmp_path) == [(LOAD_LINE, Severity.MEDIUM)], product


def test_an_upstream_task_of_another_class_or_a_grid_keeps_the_severity(tmp_path: Path) -> None:
    for extra in ("    class: Link\n", "    grid:\n      seed: [1, 2]\n"):
        _project(tmp_path, PIPELINE.replace("  - source: tasks/split.py\n", "  - source: tasks/split.py\n" + extra))
        assert _b301(tmp_path) == [(LOAD_LINE, Severity.MEDIUM)], extra


def test_a_script_no_pipeline_lists_keeps_the_severity(tmp_path: Path) -> None:
    _project(tmp_path, PIPELINE.replace("tasks/fit.py", "tasks/train.py"))
    assert _b301(tmp_path) == [(LOAD_LINE, Severity.MEDIUM)]
    _facts_cache.clear()
    (tmp_path / "pipeline.yaml").unlink()
    assert _b301(tmp_path) == [(LOAD_LINE, Severity.MEDIUM)]


def test_an_upstream_the_script_binds_or_changes_itself_keeps_the_severity(tmp_path: Path) -> None:
    _project(tmp_path)
    injected = "upstream = {'split': {'X_train': '/home/me/output/split-X_train.pkl'}}\n"
    for script in (
        FIT.replace("upstream = ['split']\n", "upstream = {'split': {'X_train': 'output/x.pkl'}}\n"),
        FIT.replace("product = None\n", "product = None\n" + injected),  # a committed injected cell
        FIT.replace("# %%\nX_train", "# %%\nupstream['split']['X_train'] = 'elsewhere.pkl'\nX_train"),
        FIT.replace("# %%\nX_train", "# %%\nrewrite(upstream)\nX_train"),
        FIT.replace("# %%\nX_train", "# %%\nupstream['split'].update(X_train='x.pkl')\nX_train"),
        FIT.replace("# %%\nX_train", "# %%\nglobals().update(settings)\nX_train"),
        FIT.replace("import pickle\n", "import pickle\nfrom settings import *\n"),
        FIT.replace("# %%\nX_train", "# %%\ndef f():\n    global upstream\n    upstream = {}\nX_train"),
        FIT.replace("# %%\nX_train", "# %%\nfor upstream in runs:\n    pass\nX_train"),
    ):
        assert [s for _, s in _b301(tmp_path, script)] == [Severity.MEDIUM], script


def test_a_commented_magic_keeps_the_severity(tmp_path: Path) -> None:
    # jupytext turns `# %store` and `# !cmd` back into magics when Ploomber runs the script.
    _project(tmp_path)
    for magic in ("# %store -r upstream\n", "# !cp /tmp/x.pkl output/split-X_train.pkl\n"):
        script = FIT.replace("# %%\nX_train", "# %%\n" + magic + "X_train")
        assert [s for _, s in _b301(tmp_path, script)] == [Severity.MEDIUM], magic


def test_another_file_naming_the_script_keeps_the_severity(tmp_path: Path) -> None:
    _project(tmp_path)
    (tmp_path / "Makefile").write_text("run:\n\tpapermill tasks/fit.py out.ipynb -p upstream '{}'\n")
    assert _b301(tmp_path) == [(LOAD_LINE, Severity.MEDIUM)]
    _facts_cache.clear()
    (tmp_path / "Makefile").unlink()
    (tmp_path / "notes.md").write_text("Run tasks/fit.py by hand.\n")  # prose runs nothing
    assert _b301(tmp_path) == [(LOAD_LINE, Severity.LOW)]


def test_remote_storage_imported_or_unreadable_definitions_keep_the_severity(tmp_path: Path) -> None:
    for pipeline in (
        "clients:\n  File: clients.get\n" + PIPELINE,
        "meta:\n  import_tasks_from: more.yaml\n" + PIPELINE,
        PIPELINE + "  - source: [unclosed\n",
        "x: &a [1]\n" + PIPELINE + "y: *a\n",
        PIPELINE.replace("tasks:\n", ""),  # a bare list may be imported by another definition
    ):
        _project(tmp_path, pipeline)
        assert _b301(tmp_path) == [(LOAD_LINE, Severity.MEDIUM)], pipeline


def test_a_second_definition_must_feed_it_too(tmp_path: Path) -> None:
    _project(tmp_path)
    (tmp_path / "pipeline.serve.yaml").write_text(
        "tasks:\n  - source: tasks/fit.py\n    product:\n      nb: output/serve.ipynb\n"
    )
    assert _b301(tmp_path) == [(LOAD_LINE, Severity.MEDIUM)]


def test_serving_code_notebooks_and_strict_keep_the_severity(tmp_path: Path) -> None:
    _project(tmp_path)
    serving = (
        FIT + "from fastapi import FastAPI\napp = FastAPI()\n@app.post('/p')\ndef predict(x: dict):\n    return x\n"
    )
    assert _b301(tmp_path, serving) == [(LOAD_LINE, Severity.MEDIUM)]
    assert _b301(tmp_path, FIT, Policy(root=tmp_path, profile="strict")) == [(LOAD_LINE, Severity.MEDIUM)]
    # A notebook task's cells are not read for Ploomber's parameters: its load keeps the severity.
    _project(tmp_path, PIPELINE.replace("tasks/fit.py", "tasks/fit.ipynb"))
    cells = notebook("import pickle\nfrom pathlib import Path\nupstream = ['split']", FIT.split("# %%\n")[-1])
    found = scan_code(tmp_path / "tasks", cells, "fit.ipynb", Policy(root=tmp_path))
    assert [f.severity for f in found if f.rule_id == "B301"] == [Severity.MEDIUM]


def test_pipelines_running_reads_names_and_dotted_functions(tmp_path: Path) -> None:
    pipeline = PIPELINE + "  - source: tasks.features.build\n    name: features\n    product: output/f.pkl\n"
    _project(tmp_path, pipeline)
    found = pipelines_running(tmp_path / "tasks" / "fit.py")
    assert found is not None and [t.name for t in found[0]] == ["split", "fit", "features"]
    assert found[0][2].product == "output/f.pkl"


def test_upstream_item_reads_only_items_of_items() -> None:
    module = ast.parse(FIT)
    load = next(n for n in ast.walk(module) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "loads")
    assert upstream_item(load.args[0], module) == ("split", "X_train")
    deep = ast.parse(FIT.replace("['X_train']", "['X_train']['a']"))
    load = next(n for n in ast.walk(deep) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "loads")
    assert upstream_item(load.args[0], deep) is None


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_garbage_definitions_never_raise(text: str) -> None:
    facts = _Facts()
    _read_definition(Path("/nowhere/pipeline.yaml"), "tasks: source\n" + text, facts)
    _read_definition(Path("/nowhere/pipeline.yaml"), text, facts)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["upstream['a']", "upstream = None", "open(x)", "f(upstream)", "x = 1", "[", "global upstream"]
        ),
        max_size=8,
    )
)
def test_garbage_scripts_never_raise(lines: list[str]) -> None:
    try:
        module = ast.parse("\n".join(lines))
    except SyntaxError:
        return
    for node in ast.walk(module):
        if isinstance(node, ast.expr):
            upstream_item(node, module)
