"""A Ploomber script task's load of `upstream[task][key]` is low when every pipeline definition
running the script fills it with a file another task of the same pipeline serialises itself;
the holes a red team found in the first version (committed products, packaged layouts, remote
storage, placeholders, upstream tasks that download, other runners, jupytext's commented code,
scripts that write the path themselves, look-alike wrappers) keep the severity."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks._core.severity import Severity
from hooks.code.ploomber_scripts import TaskScript
from hooks.code.ploomber_tasks import _Facts, _facts_cache, _read_definition, _scripts_cache, pipelines_running
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

SPLIT = (
    "# %%\n"
    "import pickle\n"
    "from pathlib import Path\n"
    "import pandas as pd\n"
    "\n"
    '# %% tags=["parameters"]\n'
    "upstream = None\n"
    "product = None\n"
    "\n"
    "# %%\n"
    "X_train = pd.DataFrame({'a': [1, 2]})\n"
    "Path(product['X_train']).write_bytes(pickle.dumps(X_train))\n"
)

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
LOAD = "X_train = pickle.loads(Path(upstream['split']['X_train']).read_bytes())\n"


def _project(tmp_path: Path, pipeline: str = PIPELINE, split: str = SPLIT) -> Path:
    _facts_cache.clear()
    _scripts_cache.clear()
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / "tasks").mkdir(exist_ok=True)
    (tmp_path / "tasks" / "split.py").write_text(split)
    (tmp_path / "pipeline.yaml").write_text(pipeline)
    (tmp_path / "tasks" / "fit.py").write_text(FIT)
    return tmp_path


def _b301(tmp_path: Path, script: str = FIT, policy: Policy | None = None, folder: str = "tasks") -> list[Severity]:
    _facts_cache.clear()
    _scripts_cache.clear()
    findings = scan_code(tmp_path / folder, script, "fit.py", policy or Policy(root=tmp_path))
    return [f.severity for f in findings if f.rule_id == "B301"]


LOW, MEDIUM = [Severity.LOW], [Severity.MEDIUM]


def test_a_product_the_upstream_task_serialises_itself_is_low(tmp_path: Path) -> None:
    _project(tmp_path)
    findings = scan_code(tmp_path / "tasks", FIT, "fit.py", Policy(root=tmp_path))
    assert [(f.line, f.severity) for f in findings if f.rule_id == "B301"] == [(LOAD_LINE, Severity.LOW)]
    assert "Ploomber" in next(f.message for f in findings if f.rule_id == "B301")


@pytest.mark.parametrize(
    "load",
    [
        "with open(upstream['split']['X_train'], 'rb') as f:\n    X_train = pickle.load(f)\n",
        "X_train = pickle.load(open(upstream['split']['X_train'], 'rb'))\n",
        "X_train = pickle.load(Path(str(upstream['split']['X_train'])).open('rb'))\n",
    ],
)
def test_handles_and_wrappers_of_the_product_path_are_low_too(tmp_path: Path, load: str) -> None:
    _project(tmp_path)
    assert _b301(tmp_path, FIT.replace(LOAD, load)) == LOW


@pytest.mark.parametrize(
    "write",
    [
        "pickle.dump(X_train, open(product['X_train'], 'wb'))\n",
        "with open(product['X_train'], 'wb') as f:\n    pickle.dump(X_train, f)\n",
        "X_train.to_pickle(product['X_train'])\n",
        "import joblib\njoblib.dump(X_train, product['X_train'])\n",
    ],
)
def test_the_upstream_task_may_serialise_its_product_any_known_way(tmp_path: Path, write: str) -> None:
    _project(tmp_path, split=SPLIT.replace("Path(product['X_train']).write_bytes(pickle.dumps(X_train))\n", write))
    assert _b301(tmp_path) == LOW


@pytest.mark.parametrize(
    "split",
    [
        # The product is not what the task serialises: it never writes it, copies it, downloads it.
        SPLIT.replace("Path(product['X_train']).write_bytes(pickle.dumps(X_train))\n", "print(product)\n"),
        SPLIT.replace(
            "Path(product['X_train']).write_bytes(pickle.dumps(X_train))\n",
            "import shutil\nshutil.copy('data/model.pkl', product['X_train'])\n",
        ),
        SPLIT.replace("import pandas as pd\n", "import pandas as pd\nfrom urllib.request import urlretrieve\n"),
        SPLIT.replace(
            "X_train = pd.DataFrame({'a': [1, 2]})\n",
            "X_train = pd.DataFrame({'a': [1, 2]})\nrequests = __import__('requests')\n",
        ),
        SPLIT.replace(
            "Path(product['X_train']).write_bytes(pickle.dumps(X_train))\n",
            "Path(product['X_train']).write_bytes(BLOB)\n",
        ),
        # jupytext runs more than the upstream script's tree shows
        SPLIT.replace("# %%\nX_train", "# %%\n# !curl -o output/split-X_train.pkl https://example.com/m.pkl\nX_train"),
        "this is not python(",
    ],
)
def test_an_upstream_task_that_may_write_other_bytes_keeps_the_severity(tmp_path: Path, split: str) -> None:
    _project(tmp_path, split=split)
    assert _b301(tmp_path) == MEDIUM


def test_a_single_product_is_read_by_the_task_name_alone(tmp_path: Path) -> None:
    pipeline = PIPELINE.replace(
        "    product:\n      X_train: output/split-X_train.pkl\n      nb: output/split.ipynb\n",
        "    product: output/split.pkl\n",
    )
    split = SPLIT.replace("product['X_train']", "product")
    _project(tmp_path, pipeline, split)
    assert _b301(tmp_path, FIT.replace("upstream['split']['X_train']", "upstream['split']")) == LOW
    # The look-alike: a key of a product that is one path is not a product.
    assert _b301(tmp_path) == MEDIUM


@pytest.mark.parametrize("read", ["upstream['other']['X_train']", "upstream['split']['nb']", "upstream['fit']['nb']"])
def test_a_task_or_key_the_pipeline_lacks_or_does_not_serialise_keeps_the_severity(tmp_path: Path, read: str) -> None:
    _project(tmp_path)
    assert _b301(tmp_path, FIT.replace("upstream['split']['X_train']", read)) == MEDIUM


@pytest.mark.parametrize(
    "product",
    [
        "s3://bucket/split.pkl",
        "output/split-[[seed]].pkl",
        "~/split.pkl",
        "{{data_dir}}/split.pkl",
        "/tmp/s.pkl",
        "../s.pkl",
    ],
)
def test_a_product_outside_the_project_or_filled_in_when_run_keeps_the_severity(tmp_path: Path, product: str) -> None:
    _project(tmp_path, PIPELINE.replace("output/split-X_train.pkl", product))
    assert _b301(tmp_path) == MEDIUM


@pytest.mark.parametrize("committed", ["output/split-X_train.pkl", "output/.split-X_train.pkl.metadata"])
def test_a_product_or_its_record_in_the_checkout_keeps_the_severity(tmp_path: Path, committed: str) -> None:
    # Ploomber takes a product with an up-to-date record as built and skips the task that writes it.
    _project(tmp_path)
    (tmp_path / "output").mkdir()
    (tmp_path / committed).write_bytes(b"\x80\x04N.")
    assert _b301(tmp_path) == MEDIUM


@pytest.mark.parametrize(
    "extra",
    [
        "    class: Link\n",
        "    grid:\n      seed: [1, 2]\n",
        "    product_client: clients.get\n",
        "    on_finish: hooks.f\n",
    ],
)
def test_an_upstream_task_run_some_other_way_keeps_the_severity(tmp_path: Path, extra: str) -> None:
    _project(tmp_path, PIPELINE.replace("  - source: tasks/split.py\n", "  - source: tasks/split.py\n" + extra))
    assert _b301(tmp_path) == MEDIUM


def test_a_script_no_pipeline_lists_keeps_the_severity(tmp_path: Path) -> None:
    _project(tmp_path, PIPELINE.replace("tasks/fit.py", "tasks/train.py"))
    assert _b301(tmp_path) == MEDIUM
    (tmp_path / "pipeline.yaml").unlink()
    assert _b301(tmp_path) == MEDIUM


def test_without_a_repository_top_nothing_is_fed(tmp_path: Path) -> None:
    _project(tmp_path)
    (tmp_path / ".git").rmdir()
    assert _b301(tmp_path) == MEDIUM


@pytest.mark.parametrize(
    "change",
    [
        ("upstream = ['split']\n", "upstream = {'split': {'X_train': 'output/x.pkl'}}\n"),
        ("product = None\n", "product = None\nupstream = {'split': {'X_train': '/home/me/split-X_train.pkl'}}\n"),
        ("# %%\nX_train", "# %%\nupstream['split']['X_train'] = 'elsewhere.pkl'\nX_train"),
        ("# %%\nX_train", "# %%\nrewrite(upstream)\nX_train"),
        ("# %%\nX_train", "# %%\nupstream['split'].update(X_train='x.pkl')\nX_train"),
        ("# %%\nX_train", "# %%\nglobals().update(settings)\nX_train"),
        ("import pickle\n", "import pickle\nfrom settings import *\n"),
        ("# %%\nX_train", "# %%\ndef f():\n    global upstream\n    upstream = {}\nX_train"),
        ("# %%\nX_train", "# %%\nfor upstream in runs:\n    pass\nX_train"),
        # the script writes the path itself before reading it
        ("# %%\nX_train", "# %%\nurlretrieve(URL, upstream['split']['X_train'])\nX_train"),
        ("# %%\nX_train", "# %%\nopen(upstream['split']['X_train'], 'w+b').write(BLOB)\nX_train"),
        ("# %%\nX_train", "# %%\nPath(upstream['split']['X_train']).write_bytes(BLOB)\nX_train"),
        # look-alike wrappers
        ("from pathlib import Path\n", "from dataio import Path\n"),
        ("# %%\nX_train", "# %%\ndef Path(p):\n    return FETCHED\nX_train"),
        ("import pickle\n", "import pickle\nimport builtins\nbuiltins.open = fs.open\n"),
    ],
)
def test_an_upstream_the_script_binds_changes_or_writes_keeps_the_severity(
    tmp_path: Path, change: tuple[str, str]
) -> None:
    _project(tmp_path)
    assert _b301(tmp_path, FIT.replace(*change)) == MEDIUM, change


@pytest.mark.parametrize(
    "commented",
    [
        "# %store -r upstream\n",
        "# !cp /tmp/x.pkl output/split-X_train.pkl\n",
        "# _ = !cp /tmp/x.pkl output/split-X_train.pkl\n",
        "# %%bash\n# cp /tmp/x.pkl output/split-X_train.pkl\n",
        "# cp /tmp/x.pkl output/split-X_train.pkl\n",
        "# %% active=\"ipynb\"\n# upstream = {'split': {'X_train': '/tmp/x.pkl'}}\n\n# %%\n",
        "# %% tags=[\"active-ipynb\"]\n# upstream = {'split': {'X_train': '/tmp/x.pkl'}}\n\n# %%\n",
        "# + active=\"ipynb\"\n# upstream = {'split': {'X_train': '/tmp/x.pkl'}}\n# -\n",
    ],
)
def test_comments_jupytext_turns_into_code_keep_the_severity(tmp_path: Path, commented: str) -> None:
    _project(tmp_path)
    assert _b301(tmp_path, FIT.replace("# %%\nX_train", "# %%\n" + commented + "X_train")) == MEDIUM


def test_plain_comments_and_cell_markers_are_no_code(tmp_path: Path) -> None:
    _project(tmp_path)
    script = FIT.replace("# %%\nX_train", "# %% [markdown]\n# Load the split made earlier.\n\n# %%\nX_train")
    assert _b301(tmp_path, script) == LOW


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Makefile", "run:\n\tpapermill tasks/fit.py out.ipynb -p upstream '{}'\n"),
        ("GNUmakefile", "run:\n\tjupytext --to ipynb tasks/fit.py\n"),
        ("Jenkinsfile", "sh 'python tasks/fit.py'\n"),
        ("run.ps1", "papermill tasks\\fit.ipynb out.ipynb\n"),  # the notebook jupytext pairs with it
        ("ci/pipeline.nf", "script: 'papermill fit.ipynb out.ipynb'\n"),
        ("deep/er/than/three/levels/run.sh", "papermill ../../../../../tasks/fit.ipynb out.ipynb\n"),
    ],
)
def test_another_file_naming_the_script_keeps_the_severity(tmp_path: Path, name: str, text: str) -> None:
    _project(tmp_path)
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text)
    assert _b301(tmp_path) == MEDIUM


def test_prose_and_binary_files_name_nothing(tmp_path: Path) -> None:
    _project(tmp_path)
    (tmp_path / "notes.md").write_text("Run tasks/fit.py by hand.\n")
    (tmp_path / "blob.bin").write_bytes(b"\x00tasks/fit.py")
    assert _b301(tmp_path) == LOW


def test_python_code_building_a_dag_that_globs_or_names_the_script_keeps_the_severity(tmp_path: Path) -> None:
    _project(tmp_path)
    dag = "from ploomber import DAG\nfrom ploomber.tasks import NotebookRunner\ndag = DAG()\n"
    (tmp_path / "dag.py").write_text(dag + "for p in Path('tasks').glob('*.py'):\n    NotebookRunner(p, dag=dag)\n")
    assert _b301(tmp_path) == MEDIUM
    (tmp_path / "dag.py").write_text(
        dag + "for name in ['fit']:\n    NotebookRunner(Path(f'tasks/{name}.py'), dag=dag)\n"
    )
    assert _b301(tmp_path) == MEDIUM
    (tmp_path / "dag.py").write_text(dag + "NotebookRunner(Path('tasks/other.py'), dag=dag)\n")
    assert _b301(tmp_path) == LOW


@pytest.mark.parametrize(
    "pipeline",
    [
        "clients:\n  File: clients.get\n" + PIPELINE,
        "meta:\n  import_tasks_from: more.yaml\n" + PIPELINE,
        PIPELINE + "  - source: [unclosed\n",
        "x: &a [1]\n" + PIPELINE + "y: *a\n",
        PIPELINE.replace("tasks:\n", ""),  # a bare list may be imported by another definition
    ],
)
def test_remote_storage_imported_or_unreadable_definitions_keep_the_severity(tmp_path: Path, pipeline: str) -> None:
    _project(tmp_path, pipeline)
    assert _b301(tmp_path) == MEDIUM


def test_a_packaged_pipeline_resolves_paths_elsewhere_and_keeps_the_severity(tmp_path: Path) -> None:
    # With setup.py above it, Ploomber resolves `src/pkg/pipeline.yaml`'s paths from the setup.py folder.
    _project(tmp_path)
    (tmp_path / "src" / "pkg").mkdir(parents=True)
    (tmp_path / "pipeline.yaml").rename(tmp_path / "src" / "pkg" / "pipeline.yaml")
    (tmp_path / "src" / "pkg" / "tasks").mkdir()
    for name in ("split.py", "fit.py"):
        (tmp_path / "src" / "pkg" / "tasks" / name).write_text((tmp_path / "tasks" / name).read_text())
        (tmp_path / "tasks" / name).unlink()
    assert _b301(tmp_path, folder="src/pkg/tasks") == LOW
    (tmp_path / "setup.py").write_text("from setuptools import setup\nsetup()\n")
    assert _b301(tmp_path, folder="src/pkg/tasks") == MEDIUM


def test_a_second_definition_must_feed_it_too(tmp_path: Path) -> None:
    _project(tmp_path)
    (tmp_path / "pipeline.serve.yaml").write_text(
        "tasks:\n  - source: tasks/fit.py\n    product:\n      nb: output/serve.ipynb\n"
    )
    assert _b301(tmp_path) == MEDIUM


def test_serving_code_notebooks_and_strict_keep_the_severity(tmp_path: Path) -> None:
    _project(tmp_path)
    serving = (
        FIT + "from fastapi import FastAPI\napp = FastAPI()\n@app.post('/p')\ndef predict(x: dict):\n    return x\n"
    )
    assert _b301(tmp_path, serving) == MEDIUM
    assert _b301(tmp_path, FIT, Policy(root=tmp_path, profile="strict")) == MEDIUM
    # A notebook task's cells are not read for Ploomber's parameters: its load keeps the severity.
    _project(tmp_path, PIPELINE.replace("tasks/fit.py", "tasks/fit.ipynb"))
    cells = notebook("import pickle\nfrom pathlib import Path\nupstream = ['split']", LOAD)
    found = scan_code(tmp_path / "tasks", cells, "fit.ipynb", Policy(root=tmp_path))
    assert [f.severity for f in found if f.rule_id == "B301"] == MEDIUM


def test_pipelines_running_reads_names_and_dotted_functions(tmp_path: Path) -> None:
    pipeline = PIPELINE + "  - source: tasks.features.build\n    name: features\n    product: output/f.pkl\n"
    _project(tmp_path, pipeline)
    found = pipelines_running(tmp_path / "tasks" / "fit.py")
    assert found is not None and [t.name for t in found[0]] == ["split", "fit", "features"]
    assert found[0][2].product is None  # a function's product: not followed


def test_upstream_item_reads_only_items_of_items_given_to_a_reader() -> None:
    def item(source: str) -> tuple[str, str | None] | None:
        module = ast.parse(source)
        script = TaskScript(module)
        load = next(n for n in ast.walk(module) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "loads")
        return script.upstream_item(load.args[0])

    assert item(FIT) == ("split", "X_train")
    assert item(FIT.replace("['X_train']", "['X_train']['a']")) is None
    assert item(FIT.replace("upstream = ['split']", "upstream = None")) == ("split", "X_train")
    assert item(FIT + "path = upstream['split']['X_train']\n") is None  # handed on


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
            [
                "upstream['a']['b']",
                "upstream = None",
                "product = None",
                "open(x)",
                "f(upstream)",
                "pickle.dump(x, open(product['a'], 'wb'))",
                "[",
                "global upstream",
                "with open(upstream['a']) as f:\n    pickle.load(f)",
            ]
        ),
        max_size=8,
    )
)
def test_garbage_scripts_never_raise(lines: list[str]) -> None:
    try:
        module = ast.parse("\n".join(lines))
    except SyntaxError:
        return
    script = TaskScript(module)
    script.serialised_products()
    script.fetches()
    for node in ast.walk(module):
        if isinstance(node, ast.expr):
            script.upstream_item(node)
