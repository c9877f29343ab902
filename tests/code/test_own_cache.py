"""A file the code keeps as its own cache (loaded when present, built and saved when not) is read
back low; an existence check whose other path saves nothing there is no cache (hooks/code/own_cache.py)."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.own_cache import OwnCaches, checked_path
from tests.code.helpers import notebook, scan_code

LOADS = ("B301", "MLS301", "MLS304", "MLS306", "MLS313")


def graded(findings: list) -> list[tuple[str, int, str]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.line, f.severity.value) for f in findings if f.rule_id in LOADS)


SCRIPT = """import os, pickle, joblib, torch
from pathlib import Path


def features(cache, rows):
    if os.path.exists(cache):
        with open(cache, "rb") as f:
            return pickle.load(f)
    data = compute(rows)
    with open(cache, "wb") as f:
        pickle.dump(data, f)
    return data


def model(path, data):
    if not os.path.isfile(path):
        clf = fit(data)
        joblib.dump(clf, path)
    else:
        clf = joblib.load(path)
    return clf


def weights(ckpt):
    if Path(ckpt).exists():
        state = torch.load(ckpt)
    else:
        state = train()
        torch.save(state, ckpt)
    return state
"""


def test_a_script_reading_back_its_own_cache_is_low(tmp_path: Path) -> None:
    findings = [f for f in scan_code(tmp_path, SCRIPT, "prepare.py") if f.rule_id in LOADS]
    assert findings and {f.severity.value for f in findings} == {"low"}
    assert {f.line for f in findings} == {8, 20, 26}
    assert all("own cache" in f.message for f in findings if f.line != 20)  # 20: saved on an earlier line


def test_a_notebook_vector_store_built_when_missing_is_low(tmp_path: Path) -> None:
    text = notebook(
        "import os\nfrom langchain_community.vectorstores import FAISS",
        "def store(path, docs, emb):\n"
        "    if os.path.exists(path):\n"
        "        return FAISS.load_local(path, emb, allow_dangerous_deserialization=True)\n"
        "    index = FAISS.from_documents(docs, emb)\n"
        "    index.save_local(path)\n"
        "    return index",
    )
    assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [("MLS313", 3, "low")]


LOOK_ALIKES = """import os, pickle, joblib, torch, urllib.request


def downloaded(path, url):
    if not os.path.exists(path):
        urllib.request.urlretrieve(url, path)
    return torch.load(path)


def required(path):
    if os.path.exists(path):
        return pickle.load(open(path, "rb"))
    raise FileNotFoundError(path)


def same_branch(path, other):
    if os.path.exists(path):
        clf = joblib.load(path)
        joblib.dump(other, path)


def elsewhere(path, backup):
    if os.path.exists(path):
        clf = joblib.load(path)
    else:
        joblib.dump(fit(), backup)


def overwritten_after(path):
    if os.path.exists(path):
        clf = joblib.load(path)
    joblib.dump(fit(), path)
"""


def test_checks_whose_other_path_saves_nothing_there_stay_high(tmp_path: Path) -> None:
    findings = [f for f in scan_code(tmp_path, LOOK_ALIKES, "job.py") if f.rule_id in LOADS]
    assert {f.line for f in findings} >= {7, 12, 18, 24, 31}
    assert "low" not in {f.severity.value for f in findings if f.line in (7, 12, 18, 24, 31)}


def test_the_checked_path_is_read_from_every_spelling() -> None:
    for test, path in (
        ("os.path.exists(p)", "p"),
        ("not os.path.isfile(p)", "p"),
        ("Path(p).exists()", "p"),
        ("p.is_file()", "p"),
        ("use_cache and os.path.exists(cfg.cache)", "cfg.cache"),
    ):
        found = checked_path(ast.parse(test, mode="eval").body)
        assert found is not None and ast.unparse(found) == path
    assert checked_path(ast.parse("p.endswith('.pkl')", mode="eval").body) is None


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "if os.path.exists(p):",
                "else:",
                "    x = joblib.load(p)",
                "    joblib.dump(x, p)",
                "    return x",
                "    with open(p, 'rb') as f:",
                "        x = pickle.load(f)",
                "x = 1",
                "if not p.exists():",
                "    pass",
            ]
        ),
        max_size=12,
    )
)
def test_any_arrangement_of_checks_loads_and_saves_is_read_without_error(lines: list[str]) -> None:
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return
    caches = OwnCaches()
    caches.scan(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            caches.reads_own_cache(node, node.args[0])


def test_helpers_that_serialise_to_a_parameter_are_found_by_position_and_name() -> None:
    from hooks.code.serialisers import writing_functions

    tree = ast.parse(
        "def a(obj, filename):\n    with open(filename, 'wb') as f:\n        pickle.dump(obj, f)\n"
        "def b(model, *, path):\n    joblib.dump(model, path)\n"
        "def c(index, out):\n    index.save_local(out)\n"
        "def reader(filename):\n    return pickle.load(open(filename, 'rb'))\n"  # look-alike: reads
        "def other(obj, filename):\n    pickle.dump(obj, open('fixed.pkl', 'wb'))\n"  # writes elsewhere
    )
    assert writing_functions(tree) == {"a": ((1, "filename"),), "b": ((-1, "path"),), "c": ((1, "out"),)}


def test_thousands_of_existence_checks_in_one_block_are_read_in_bounded_time() -> None:
    """What each check's rest of the block writes is gathered once per block (asked per check it
    was quadratic: 4,000 checks took 94 s)."""
    import time

    lines = ["def f():"]
    for index in range(4000):
        lines += [f"    if os.path.exists('p{index}'):", f"        return joblib.load('p{index}')"]
    lines.append("    joblib.dump(x, 'p3999')")
    caches = OwnCaches()
    start = time.perf_counter()
    caches.scan(ast.parse("\n".join(lines)))
    assert time.perf_counter() - start < 20  # about 0.2 s now
    assert [path for _, _, path, _ in caches.branches] == ["'p3999'"]  # the one check whose rest saves it
