"""A file the code keeps as its own cache (loaded when present, built and saved when not) is read
back low; an existence check whose other path saves nothing there is no cache (hooks/code/own_cache.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.code.own_cache import OwnCaches, checked_path
from tests.code.helpers import notebook, scan_code

LOADS = ("B301", "MLS301", "MLS304", "MLS306", "MLS313")


def torch_load_severities(tmp_path: Path, source: str) -> list[str]:
    """The severity of each MLS306 finding of a script, in order."""
    return [f.severity.value for f in scan_code(tmp_path, source, "job.py") if f.rule_id == "MLS306"]


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
                "p = d + '.npy'",
                "if rank == 0 and not os.path.exists(p):",
                "    try:",
                "    np.save(p, x, allow_pickle=True)",
                "x = np.load(p, allow_pickle=True)",
                "try:",
                "except OSError:",
                "    finally:",
                "hit = os.path.isfile(p) and os.path.isfile(q)",
                "if not hit:",
                "if not all(map(os.path.isfile, [p, q])):",
                "d = snapshot_download(r)",
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


BUILT_FIRST = """import os, pickle, numpy as np, torch


def samples_mapping(prefix, rank):
    index_file = prefix + "_indexmap.npy"
    if rank == 0 and not os.path.isfile(index_file):
        mapping = build(prefix)
        np.save(index_file, mapping, allow_pickle=True)
    torch.distributed.barrier()
    return np.load(index_file, allow_pickle=True, mmap_mode="r")


def index_mappings(prefix, rank):
    doc_file, sample_file = prefix + "_doc.npy", prefix + "_sample.npy"
    if rank == 0:
        if (not os.path.isfile(doc_file)) or (not os.path.isfile(sample_file)):
            np.save(doc_file, docs(), allow_pickle=True)
            np.save(sample_file, samples(), allow_pickle=True)
    torch.distributed.barrier()
    if doc_file:
        doc_idx = np.load(doc_file, allow_pickle=True)
    sample_idx = np.load(sample_file, allow_pickle=True)
    return doc_idx, sample_idx


def features(folder):
    cache = os.path.join(folder, "features.pkl")
    try:
        if not os.path.exists(cache):
            with open(cache, "wb") as f:
                pickle.dump(compute(), f)
    finally:
        pass
    with open(cache, "rb") as f:
        return pickle.load(f)
"""


def test_a_file_built_when_missing_and_loaded_after_is_its_own_cache(tmp_path: Path) -> None:
    """Megatron's index maps: one rank builds and saves the file when it is missing, every rank
    loads it after the check, in the same block or an enclosing one of the same function."""
    findings = [f for f in scan_code(tmp_path, BUILT_FIRST, "dataset.py") if f.rule_id in ("MLS303", "B301")]
    assert {f.line for f in findings if f.rule_id == "MLS303"} == {10, 21, 22}
    assert {f.severity.value for f in findings} == {"low"}, findings
    assert all("own cache" in f.message for f in findings if f.rule_id == "MLS303")


BUILT_FIRST_LOOK_ALIKES = """import os, sys, numpy as np, torch, urllib.request


def downloaded(path, url):
    if not os.path.isfile(path):
        urllib.request.urlretrieve(url, path)
    return np.load(path, allow_pickle=True)


def present_checked(path):
    if os.path.isfile(path):
        np.save(path, build(), allow_pickle=True)
    return np.load(path, allow_pickle=True)


def other_file(path, other):
    if not os.path.isfile(path):
        np.save(other, build(), allow_pickle=True)
    return np.load(path, allow_pickle=True)


def loaded_before(path):
    state = torch.load(path)
    if not os.path.exists(path):
        torch.save(build(), path)
    return state


def other_function(path):
    if not os.path.exists(path):
        torch.save(build(), path)


def reader(path):
    return torch.load(path)


def saved_in_a_nested_function(path):
    if not os.path.exists(path):
        def later():
            torch.save(build(), path)
    return torch.load(path)


def given_whole():
    for path in sys.argv[1:]:
        if not os.path.exists(path):
            torch.save(build(), path)
        state = torch.load(path)
"""


def test_a_check_that_builds_nothing_there_before_the_load_keeps_it_high(tmp_path: Path) -> None:
    """Downloaded when missing, saved when present, saved to another file, loaded before the
    check, loaded in another function, saved only by a function defined under the check, and a
    path the command line gives whole (created when missing, someone else's file when present)."""
    findings = [f for f in scan_code(tmp_path, BUILT_FIRST_LOOK_ALIKES, "job.py") if f.rule_id in (*LOADS, "MLS303")]
    lines = {7, 13, 19, 23, 35, 42, 49}
    assert {f.line for f in findings} >= lines, findings
    assert "low" not in {f.severity.value for f in findings if f.line in lines}, findings


def test_the_missing_path_is_read_from_not_and_and_or() -> None:
    from hooks.code.own_cache import missing_paths

    for test, paths in (
        ("not os.path.isfile(p)", ["p"]),
        ("rank == 0 and not os.path.exists(cfg.cache)", ["cfg.cache"]),
        ("(not os.path.isfile(a)) or (not Path(b).exists())", ["a", "b"]),
        ("os.path.isfile(p)", []),
        ("not (os.path.isfile(p) and q)", ["p"]),  # p missing: the `and` is false, its `not` true
        ("not (os.path.isfile(p) or q)", []),  # p missing and q true: false
        ("not all(map(os.path.isfile, [a, b]))", ["a", "b"]),
        ("not all(os.path.exists(x) for x in (a, b))", ["a", "b"]),
        ("not all(os.path.exists(y) for x in (a, b))", []),
        ("not any(map(os.path.isfile, [a, b]))", []),
        ("not p.endswith('.npy')", []),
    ):
        assert [ast.unparse(found) for found in missing_paths(ast.parse(test, mode="eval").body)] == paths, test


def test_thousands_of_build_first_checks_in_one_block_are_read_in_bounded_time() -> None:
    import time

    lines = ["def f():"]
    for index in range(4000):
        lines += [f"    if not os.path.exists('p{index}'):", f"        joblib.dump(x, 'p{index}')"]
        lines += [f"    with open('p{index}', 'rb') as h{index}:", f"        y = pickle.load(h{index})"]
    caches = OwnCaches()
    start = time.perf_counter()
    caches.scan(ast.parse("\n".join(lines)))
    assert time.perf_counter() - start < 20
    assert len(caches.branches) == 4000
    call = ast.parse("pickle.load(h3999)").body[0].value  # type: ignore[attr-defined]
    call.lineno = 16000
    assert caches.reads_own_cache(call, call.args[0])


BUILT_FIRST_BYPASSES = {
    "rebound after": "    torch.distributed.barrier()\n    index_file = sys.argv[1]\n",
    "looped over": "    for index_file in sys.argv[1:]:\n        pass\n",
    "rebound by :=": "    if (index_file := os.environ.get('IDX')):\n        pass\n",
    "grown after": "    index_file += suffix\n",
    "copied over": "    shutil.copy(sys.argv[1], index_file)\n",
    "moved over": "    os.replace(sys.argv[1], index_file)\n",
    "downloaded over": "    urllib.request.urlretrieve(url, index_file)\n",
    "fetched by a command": "    subprocess.run(['wget', '-O', index_file, url])\n",
    "fetched by a shell line": "    os.system(f'curl -o {index_file} {url}')\n",
    "written from stdin": "    open(index_file, 'wb').write(sys.stdin.buffer.read())\n",
    "copied over an alias": "    other = index_file\n    shutil.copy(url, other)\n",
    "its folder copied over": "    shutil.copytree(url, prefix, dirs_exist_ok=True)\n",
    "handed to a helper": "    stage(url, index_file)\n",
    "swapped by a nested function": (
        "    def swap():\n        nonlocal index_file\n        index_file = url\n    swap()\n"
    ),
}


@pytest.mark.parametrize("name", sorted(BUILT_FIRST_BYPASSES))
def test_a_path_changed_between_the_check_and_the_load_keeps_it_high(tmp_path: Path, name: str) -> None:
    """Red team, stop 82: after the build-if-missing block, the name is rebound or other bytes are
    put at the path before the load; the load then reads what someone else chose."""
    source = (
        "import os, sys, shutil, subprocess, urllib.request, numpy as np, torch\n"
        "def samples_mapping(prefix, rank, suffix, url):\n"
        "    index_file = prefix + '_indexmap.npy'\n"
        "    if rank == 0 and not os.path.isfile(index_file):\n"
        "        np.save(index_file, build(prefix), allow_pickle=True)\n"
        + BUILT_FIRST_BYPASSES[name]
        + "    return np.load(index_file, allow_pickle=True)\n"
    )
    found = [f for f in scan_code(tmp_path, source, "dataset.py") if f.rule_id == "MLS303"]
    assert [f.severity.value for f in found] == ["high"], name


@pytest.mark.parametrize(
    ("name", "path", "setup"),
    [
        ("numpy adds .npy", "prefix + '_indexmap'", ""),
        ("a constant folder, then the argument", "os.path.join('cache', sys.argv[1])", ""),
        ("a constant folder / the argument", "Path('cache') / sys.argv[1]", ""),
        ("rebound in the block", "prefix + '_indexmap.npy'", "        index_file = sys.argv[1]\n"),
    ],
)
def test_a_built_first_file_the_code_does_not_name_keeps_it_high(
    tmp_path: Path, name: str, path: str, setup: str
) -> None:
    """Red team, stop 82: numpy's save adds `.npy` to a name without it (the load reads another
    file); a constant before the argument names nothing (an absolute argument replaces it); a
    rebinding inside the block after the save."""
    source = (
        "import os, sys, numpy as np\nfrom pathlib import Path\n"
        "def samples_mapping(prefix):\n"
        f"    index_file = {path}\n"
        "    if not os.path.isfile(index_file):\n"
        "        np.save(index_file, build(prefix), allow_pickle=True)\n"
        + setup
        + "    return np.load(index_file, allow_pickle=True)\n"
    )
    found = [f for f in scan_code(tmp_path, source, "dataset.py") if f.rule_id == "MLS303"]
    assert [f.severity.value for f in found] == ["high"], name


def test_a_download_in_the_checks_else_or_a_namespace_write_keeps_it_high(tmp_path: Path) -> None:
    """Red team, stop 82 pass 2: the check's `else` downloads to the path (the load reads the
    download when the file is present); a module that writes its namespace (`globals()[...] =`)
    may rebind the path where no assignment shows."""
    in_else = (
        "import os, urllib.request, numpy as np\n"
        "def build(prefix, url):\n"
        "    p = prefix + '_indexmap.npy'\n"
        "    if not os.path.isfile(p):\n"
        "        np.save(p, make(), allow_pickle=True)\n"
        "    else:\n"
        "        urllib.request.urlretrieve(url, p)\n"
        "    return np.load(p, allow_pickle=True)\n"
    )
    namespace = (
        "import os, sys, numpy as np\n"
        "p = sys.argv[1] + '_indexmap.npy'\n"
        "if not os.path.isfile(p):\n"
        "    np.save(p, make(), allow_pickle=True)\n"
        "globals()['p'] = sys.argv[2]\n"
        "data = np.load(p, allow_pickle=True)\n"
    )
    for source in (in_else, namespace):
        found = [f.severity.value for f in scan_code(tmp_path, source, "build.py") if f.rule_id == "MLS303"]
        assert found == ["high"], source


def test_a_bare_isfile_imported_from_os_path_is_a_check(tmp_path: Path) -> None:
    source = (
        "import numpy as np\nfrom os.path import isfile\n"
        "def mapping(prefix):\n"
        "    a, b = prefix + '_doc.npy', prefix + '_sample.npy'\n"
        "    if not isfile(a) or not isfile(b):\n"
        "        np.save(a, docs(), allow_pickle=True)\n"
        "        np.save(b, samples(), allow_pickle=True)\n"
        "    return np.load(a, allow_pickle=True), np.load(b, allow_pickle=True)\n"
    )
    found = [f.severity.value for f in scan_code(tmp_path, source, "dataset.py") if f.rule_id == "MLS303"]
    assert found == ["low", "low"]


def test_a_built_first_cache_in_a_folder_every_user_writes_keeps_it_high(tmp_path: Path) -> None:
    """Another user of the machine may put the file in /tmp before the code builds it."""
    for folder in ("'/tmp/cache'", "tempfile.gettempdir()"):
        source = (
            "import os, tempfile, numpy as np\n"
            "def mapping(name):\n"
            f"    p = os.path.join({folder}, name + '_indexmap.npy')\n"
            "    if not os.path.isfile(p):\n"
            "        np.save(p, build(), allow_pickle=True)\n"
            "    return np.load(p, allow_pickle=True)\n"
        )
        found = [f.severity.value for f in scan_code(tmp_path, source, "dataset.py") if f.rule_id == "MLS303"]
        assert found == ["high"], folder


def test_a_save_inside_a_function_defined_in_the_other_path_is_no_cache(tmp_path: Path) -> None:
    """The other path only defines a function that would save (called later, or never): the
    file may be anyone's when the load runs."""
    source = (
        "import os, joblib\n"
        "def model(path):\n"
        "    if os.path.exists(path):\n"
        "        return joblib.load(path)\n"
        "    def later():\n"
        "        joblib.dump(fit(), path)\n"
        "    return None\n"
    )
    found = [f.severity.value for f in scan_code(tmp_path, source, "job.py") if f.rule_id == "MLS301"]
    assert found == ["high"]
    called = source.replace("    return None\n", "    joblib.dump(fit(), path)\n    return None\n")
    found = [f.severity.value for f in scan_code(tmp_path, called, "job.py") if f.rule_id == "MLS301"]
    assert found == ["low"]


FETCHED_FOLDER = """import os, pickle, torch
from huggingface_hub import snapshot_download


def built_first(repo):
    folder = snapshot_download(repo, revision="0123456789abcdef0123456789abcdef01234567")
    cache = os.path.join(folder, "cache.pt")
    if not os.path.isfile(cache):
        torch.save(build(), cache)
    return torch.load(cache, weights_only=False)


def loaded_if_present(url):
    root = download_dataset(url)
    cache = os.path.join(root, "features.pkl")
    if os.path.exists(cache):
        with open(cache, "rb") as f:
            return pickle.load(f)
    with open(cache, "wb") as f:
        pickle.dump(compute(), f)


ROOT = fetch_corpus()


def from_the_module():
    cache = os.path.join(ROOT, "index.pt")
    if not os.path.isfile(cache):
        torch.save(build(), cache)
    return torch.load(cache, weights_only=False)
"""


def test_a_cache_in_a_folder_a_fetch_fills_is_not_the_codes_own(tmp_path: Path) -> None:
    """A snapshot, a downloaded dataset, a module-level fetch: the download may bring the file,
    and the check then finds it and loads it, whether the cache is built first or loaded first."""
    findings = graded(scan_code(tmp_path, FETCHED_FOLDER, "job.py"))
    assert findings == [("B301", 18, "medium"), ("MLS306", 10, "high"), ("MLS306", 30, "high")]


def test_a_cache_beside_a_fetch_of_other_files_stays_its_own(tmp_path: Path) -> None:
    """Look-alike: the function downloads something else (the weights it trains from) and caches
    features in a folder it is given; the fetch does not fill the cache's folder."""
    source = (
        "import os, torch\nfrom huggingface_hub import hf_hub_download\n"
        "REVISION = '0123456789abcdef0123456789abcdef01234567'\n"
        "def features(out):\n"
        "    weights = hf_hub_download('org/model', 'model.safetensors', revision=REVISION)\n"
        "    cache = os.path.join(out, 'features.pt')\n"
        "    if not os.path.isfile(cache):\n"
        "        torch.save(compute(weights), cache)\n"
        "    return torch.load(cache, weights_only=False)\n"
    )
    assert graded(scan_code(tmp_path, source, "job.py")) == [("MLS306", 9, "low")]


FLAGGED = """import os, numpy as np, torch


class Blended:
    def __init__(self, cache, name):
        index_path = os.path.join(cache, name + "_index.npy")
        sample_path = os.path.join(cache, name + "_sample_index.npy")
        cache_hit = os.path.isfile(index_path) and os.path.isfile(sample_path)
        if torch.distributed.get_rank() == 0 and not cache_hit:
            os.makedirs(os.path.dirname(index_path), exist_ok=True)
            np.save(index_path, build(), allow_pickle=True)
            np.save(sample_path, build(), allow_pickle=True)
        torch.distributed.barrier()
        self.index = np.load(index_path, allow_pickle=True, mmap_mode="r")
        self.sample = np.load(sample_path, allow_pickle=True, mmap_mode="r")


def listed(cache):
    doc, sample = os.path.join(cache, "doc.npy"), os.path.join(cache, "sample.npy")
    present = all(map(os.path.isfile, [doc, sample]))
    if not present:
        np.save(doc, build(), allow_pickle=True)
        np.save(sample, build(), allow_pickle=True)
    return np.load(doc, allow_pickle=True), np.load(sample, allow_pickle=True)


def generated(cache):
    doc = os.path.join(cache, "doc.npy")
    if not all(os.path.isfile(p) for p in [doc]):
        np.save(doc, build(), allow_pickle=True)
    return np.load(doc, allow_pickle=True)
"""


def test_a_flag_that_holds_an_existence_test_guards_a_built_first_cache(tmp_path: Path) -> None:
    """Megatron's blended index: `cache_hit = isfile(a) and isfile(b)`, then `if rank == 0 and not
    cache_hit:` builds both (after making their folder); `all(map(isfile, [...]))` and a generator
    of checks the same."""
    findings = [f for f in scan_code(tmp_path, FLAGGED, "dataset.py") if f.rule_id == "MLS303"]
    assert [(f.line, f.severity.value) for f in findings] == [
        (14, "low"),
        (15, "low"),
        (24, "low"),
        (24, "low"),
        (31, "low"),
    ]


FLAGGED_LOOK_ALIKES = """import os, sys, numpy as np


def bound_twice(cache):
    p = os.path.join(cache, "doc.npy")
    hit = os.path.isfile(p)
    hit = refresh()
    if not hit:
        np.save(p, build(), allow_pickle=True)
    return np.load(p, allow_pickle=True)


def path_rebound_after_the_flag(cache):
    p = os.path.join(cache, "doc.npy")
    hit = os.path.isfile(p)
    p = sys.argv[1]
    if not hit:
        np.save(p, build(), allow_pickle=True)
    return np.load(p, allow_pickle=True)


def either_present(cache):
    a, b = os.path.join(cache, "a.npy"), os.path.join(cache, "b.npy")
    hit = os.path.isfile(a) or os.path.isfile(b)
    if not hit:
        np.save(a, build(), allow_pickle=True)
    return np.load(a, allow_pickle=True)


def flag_bound_after(cache):
    p = os.path.join(cache, "doc.npy")
    if not hit:
        np.save(p, build(), allow_pickle=True)
    hit = os.path.isfile(p)
    return np.load(p, allow_pickle=True)


def flag_of_another_kind(cache):
    p = os.path.join(cache, "doc.npy")
    hit = os.path.getsize(p) > 0
    if not hit:
        np.save(p, build(), allow_pickle=True)
    return np.load(p, allow_pickle=True)


def folder_made_from_the_argument(cache):
    p = os.path.join(cache, "doc.npy")
    hit = os.path.isfile(p)
    if not hit:
        np.save(p, build(), allow_pickle=True)
    for p in sys.argv[1:]:
        pass
    return np.load(p, allow_pickle=True)
"""


def test_flags_that_do_not_say_the_file_is_missing_keep_the_load_high(tmp_path: Path) -> None:
    """A flag bound twice, a path rebound between the flag and its test, `or` (true when either
    is present: the other may be missing and not built), a flag bound after the test, a flag of
    another test, a path rebound by a loop after the build."""
    findings = [f for f in scan_code(tmp_path, FLAGGED_LOOK_ALIKES, "dataset.py") if f.rule_id == "MLS303"]
    assert {f.severity.value for f in findings} == {"high"}
    assert len(findings) == 6


TRIED = """import os, pickle, urllib.request, torch


def features(args):
    cached = args.train_file + "_{0}_{1}".format(args.model, args.max_len)
    try:
        with open(cached, "rb") as reader:
            feats = pickle.load(reader)
    except Exception:
        feats = convert(args)
        if args.local_rank in (-1, 0):
            with open(cached, "wb") as writer:
                pickle.dump(feats, writer)
    return feats


def downloaded_first(path, url):
    try:
        urllib.request.urlretrieve(url, path)
        return torch.load(path)
    except OSError:
        torch.save(build(), path)


def other_file(path, other):
    try:
        return torch.load(path)
    except OSError:
        torch.save(build(), other)


def logged_only(path):
    try:
        return torch.load(path)
    except OSError:
        print("no cache at", path)


def rebound_in_the_body(path):
    try:
        path = os.environ["CACHE"]
        return torch.load(path)
    except OSError:
        torch.save(build(), path)


def fetched(repo):
    folder = snapshot_download(repo)
    path = os.path.join(folder, "cache.pt")
    try:
        return torch.load(path)
    except OSError:
        torch.save(build(), path)
"""


def test_a_load_tried_first_whose_handler_builds_and_saves_the_file_stays_blocking(tmp_path: Path) -> None:
    """Built and withdrawn at stop 83: `try: load(p)` `except: build(); save(p)` reads whatever
    is at the path when the load does not fail, and the path may be an argument, a request's, or
    in a folder unpacked before; BERT SQuAD's feature cache keeps its severity."""
    findings = graded(scan_code(tmp_path, TRIED, "squad.py"))
    assert findings and "low" not in {severity for _, _, severity in findings}


def test_a_cache_in_a_folder_handed_to_a_fetch_or_an_aliased_one_is_not_the_codes_own(tmp_path: Path) -> None:
    """Red team stop 83: `snapshot_download(repo, local_dir=d)`, `shutil.unpack_archive(a, d)`, a
    clone started into `d`, and a fetch imported under another name fill the cache's folder."""
    head = "import os, shutil, subprocess, torch\nfrom modelscope import snapshot_download as fetch_model\n"
    cache = (
        "    p = os.path.join(d, 'feat.pt')\n    if not os.path.isfile(p):\n        torch.save(build(), p)\n"
        "    return torch.load(p, weights_only=False)\n"
    )
    for filling in (
        "    snapshot_download(repo, local_dir=d)\n",
        "    shutil.unpack_archive(repo, d)\n",
        "    subprocess.run(['git', 'clone', repo, d])\n",
        "    d = fetch_model(repo)\n",
    ):
        source = head + "def f(repo, d):\n" + filling + cache
        found = torch_load_severities(tmp_path, source)
        assert found == ["high"], filling
    plain = head + "def f(repo, d):\n" + cache
    assert torch_load_severities(tmp_path, plain) == ["low"]


def test_a_folder_handed_to_a_fetch_in_another_function_is_only_shared_through_the_instance(tmp_path: Path) -> None:
    """`self.cache_dir` filled by a download in `__init__` is the same folder in every method; a
    local `d` handed to a download in another function is another name (look-alike)."""
    shared = (
        "import os, torch\nfrom huggingface_hub import snapshot_download\n"
        "class Model:\n    def __init__(self, repo, cache_dir):\n        self.cache_dir = cache_dir\n"
        "        snapshot_download(repo, local_dir=self.cache_dir)\n"
        "    def features(self):\n        p = os.path.join(self.cache_dir, 'feat.pt')\n"
        "        if not os.path.isfile(p):\n            torch.save(build(), p)\n"
        "        return torch.load(p, weights_only=False)\n"
    )
    assert torch_load_severities(tmp_path, shared) == ["high"]
    other = (
        "import os, torch\nfrom huggingface_hub import snapshot_download\n"
        "def fetch(repo, d):\n    snapshot_download(repo, local_dir=d)\n"
        "def features(d):\n    p = os.path.join(d, 'feat.pt')\n"
        "    if not os.path.isfile(p):\n        torch.save(build(), p)\n"
        "    return torch.load(p, weights_only=False)\n"
    )
    assert torch_load_severities(tmp_path, other) == ["low"]
