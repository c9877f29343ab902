"""A Ploomber task's loads of what an upstream task of the same pipeline.yaml wrote."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.ploomber_tasks import fed_products
from tests.code.helpers import scan_code

PIPELINE = """tasks:
  - source: tasks/split.py
    product:
      X_train: output/X_train.pkl
      y: output/y.pkl
      nb: output/split.ipynb
  - source: tasks/clean.py
    name: cleaned
    product: output/clean.pkl
  - source: tasks/fit.py
    product:
      nb: output/fit.ipynb
  - source: tasks/remote.py
    product:
      data: s3://bucket/data.pkl
  - source: tasks/shared.py
    product:
      data: /tmp/shared.pkl
"""

FIT = """import pickle
from pathlib import Path

# %% tags=["parameters"]
upstream = ["split", "cleaned", "remote", "shared", "missing"]
product = None

# %%
X = pickle.loads(Path(upstream["split"]["X_train"]).read_bytes())
with open(upstream["split"]["y"], "rb") as f:
    y = pickle.load(f)
clean = pickle.load(open(upstream["cleaned"], "rb"))
remote = pickle.loads(Path(upstream["remote"]["data"]).read_bytes())
shared = pickle.loads(Path(upstream["shared"]["data"]).read_bytes())
missing = pickle.loads(Path(upstream["missing"]["data"]).read_bytes())
unknown_key = pickle.loads(Path(upstream["split"]["X_test"]).read_bytes())
own = pickle.loads(Path(product["nb"]).read_bytes())
"""


def graded(findings: list) -> list[tuple[int, str]]:  # type: ignore[type-arg]
    return sorted((f.line, f.severity.value) for f in findings if f.rule_id in ("B301", "MLS304"))


def _project(tmp_path: Path, pipeline: str = PIPELINE) -> None:
    (tmp_path / "tasks").mkdir(exist_ok=True)
    (tmp_path / "pipeline.yaml").write_text(pipeline)


def test_a_task_reading_an_upstream_product_of_its_own_pipeline_is_low(tmp_path: Path) -> None:
    """Declared upstream tasks and their declared products, read through Path().read_bytes(), a
    handle, or open(): low. Look-alikes: a product that is a URL or in /tmp, a task the pipeline
    lacks, a key the task does not declare, the task's own product."""
    _project(tmp_path)
    found = graded(scan_code(tmp_path, FIT, "tasks/fit.py"))
    low = {line for line, severity in found if severity == "low"}
    assert low == {9, 11, 12}, found
    assert {line for line, severity in found if severity != "low"} == {13, 14, 15, 16, 17}, found


def test_the_same_reads_without_the_pipeline_listing_the_script_stay_blocking(tmp_path: Path) -> None:
    """No pipeline.yaml; one that lists another script under this name; `upstream` rebound."""
    (tmp_path / "tasks").mkdir()
    assert {severity for _, severity in graded(scan_code(tmp_path, FIT, "tasks/fit.py"))} == {"medium"}
    _project(tmp_path, PIPELINE.replace("tasks/fit.py", "tasks/other.py"))
    assert {severity for _, severity in graded(scan_code(tmp_path, FIT, "tasks/fit.py"))} == {"medium"}
    (tmp_path / "pipeline.yaml").write_text(PIPELINE)
    rebound = FIT.replace("product = None\n", "product = None\nupstream = load_config()\n")
    assert {severity for _, severity in graded(scan_code(tmp_path, rebound, "tasks/fit.py"))} == {"medium"}
    in_function = FIT + "def f(upstream):\n    return upstream\n"
    assert {severity for _, severity in graded(scan_code(tmp_path, in_function, "tasks/fit.py"))} == {"medium"}


def test_an_injected_cell_kept_in_the_script_must_name_the_pipelines_files(tmp_path: Path) -> None:
    """Ploomber's editor plug-in injects `upstream = {...}` with the products' absolute paths; a kept
    cell naming the same files counts as Ploomber's, one naming other files does not."""
    _project(tmp_path)
    kept = (
        'import pickle\nfrom pathlib import Path\nupstream = ["split"]\n'
        'upstream = {"split": {"X_train": "/home/me/project/output/X_train.pkl",\n'
        '                      "y": "/home/me/project/output/y.pkl"}}\n'
        'X = pickle.loads(Path(upstream["split"]["X_train"]).read_bytes())\n'
    )
    assert graded(scan_code(tmp_path, kept, "tasks/fit.py")) == [(6, "low")]
    elsewhere = kept.replace("/home/me/project/output/X_train.pkl", "/tmp/evil.pkl")
    assert graded(scan_code(tmp_path, elsewhere, "tasks/fit.py")) == [(6, "medium")]


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=400))
def test_any_pipeline_file_is_read_without_error(tmp_path_factory, text: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("p")
    (folder / "tasks").mkdir()
    (folder / "pipeline.yaml").write_text(text)
    script = folder / "tasks" / "fit.py"
    script.write_text(FIT)
    assert isinstance(fed_products(ast.parse(FIT), script), dict)
