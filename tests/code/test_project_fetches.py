from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.paths import find_repo_root
from hooks.code.project_fetches import _cell_code, _is_import, fetched_by_project
from tests.code.helpers import notebook, scan_code

BATCH = "import joblib\nmodel = joblib.load('model.pkl')\nprint(model.predict([[1, 2]]))\n"


def write(root: Path, path: str, text: str) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)


def severities(findings: list) -> list[tuple[str, int, str]]:  # type: ignore[type-arg]
    return [(f.rule_id, f.line, f.severity.value) for f in findings if f.rule_id == "MLS301"]


# --- where the project's tooling is looked for -----------------------------------------------------
@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("jobs/Makefile", "model:\n\twget -O model.pkl $(MODEL_URL)\n"),  # beside the code
        ("Makefile", "fetch:\n\tcurl -sSL $(URL) \\\n\t  -o jobs/model.pkl\n"),  # above, a continued line
        ("jobs/fetch.sh", "aws s3 cp s3://bucket/prod/model.pkl .\n"),
        ("jobs/Dockerfile.batch", "RUN gsutil cp gs://b/model.pkl /app/model.pkl\n"),
        (".github/workflows/batch.yml", "steps:\n  - run: dvc pull model.pkl\n"),
        (".gitlab-ci.yml", "batch:\n  script:\n    - hf download org/m model.pkl --local-dir jobs\n"),
        ("jobs/Makefile", "MODEL = model.pkl\nfetch:\n\twget -O $(MODEL) $(URL)\n"),  # a variable put in
        ("Makefile", "jobs/model.pkl:\n\tcurl -fsSL -o $@ $(URL)\n"),  # Make's own $@
        ("jobs/get.sh", 'OUT=model.pkl\ncurl -o "${OUT}" "$URL"\n'),
        ("jobs/get.sh", "curl -L $URL -o model.pkl.gz\ngunzip model.pkl.gz\n"),  # unpacks to it
        ("jobs/docker-compose.yml", "  init:\n    command: wget -O /app/model.pkl ${URL}\n"),
        ("jobs/Containerfile", "ADD https://example.org/model.pkl /app/model.pkl\n"),
        ("jobs/fetch.ps1", "Invoke-WebRequest -Uri $url -OutFile model.pkl\n"),
        (".github/actions/model/action.yml", "runs:\n  steps:\n    - run: gsutil cp gs://b/model.pkl jobs/\n"),
        ("jobs/fetch.ipynb", '{"cells": [{"cell_type": "code", "source": ["!wget -q $URL -O model.pkl"]}]}'),
        ("jobs/dvc.yaml", "stages:\n  train:\n    outs:\n      - model.pkl\n"),
        (
            "jobs/download_model.py",
            "import urllib.request\nTARGET = 'model.pkl'\nurllib.request.urlretrieve(URL, TARGET)\n",
        ),
        ("jobs/Makefile", "model:\n\twget -Omodel.pkl $(MODEL_URL)\n"),  # an option glued to its value
        ("jobs/get.sh", 'curl -o "${OUT:-model.pkl}" "$URL"\n'),  # a default where nothing sets it
        (
            ".github/workflows/batch.yml",
            "env:\n  MODEL: jobs/model.pkl\njobs:\n  b:\n    steps:\n      - run: gsutil cp gs://b/m ${{env.MODEL}}\n",
        ),
    ],
)
def test_tooling_that_fetches_the_file_is_found(tmp_path: Path, path: str, text: str) -> None:
    write(tmp_path, path, text)
    assert fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "model.pkl")


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("jobs/Makefile", "train:\n\tpython train.py --out model.pkl\n"),  # names it, fetches nothing
        ("jobs/Makefile", "model:\n\twget -O model.pkl.sha256 $(URL)\n\twget -O old_model.pkl $(URL)\n"),
        ("other/Makefile", "model:\n\twget -O model.pkl $(URL)\n"),  # a folder beside, not above
        ("jobs/train.py", "import joblib\njoblib.dump(m, 'model.pkl')\n"),  # writes it, downloads nothing
        ("jobs/notes.md", "wget -O model.pkl https://example.org/model.pkl\n"),  # prose, not tooling
        ("jobs/get.sh", 'OUT=other.pkl\ncurl -o "${OUT:-model.pkl}" "$URL"\n'),  # set: the default is not used
        (
            ".github/workflows/batch.yml",
            "steps:\n  - uses: actions/checkout@v4\n    with:\n      path: jobs\n  - run: echo model.pkl\n",
        ),
    ],
)
def test_tooling_that_does_not_fetch_the_file_is_not(tmp_path: Path, path: str, text: str) -> None:
    write(tmp_path, path, text)
    assert not fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "model.pkl")


def test_a_folder_glued_to_its_option_is_filled(tmp_path: Path) -> None:
    write(tmp_path, "jobs/get.sh", "wget -q -Pmodels $URL\n")
    assert fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "models/model.pkl")
    assert not fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "reports/model.pkl")


def test_an_actions_step_that_downloads_into_a_folder_fills_it(tmp_path: Path) -> None:
    step = "steps:\n  - uses: actions/download-artifact@v4\n    with:\n      name: model\n      path: jobs/{}\n"
    write(tmp_path, ".github/workflows/batch.yml", step.format("models") + "  - run: ls jobs/reports\n")
    assert fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "models/model.pkl")
    assert not fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "reports/model.pkl")  # a later step's line
    write(tmp_path, ".github/workflows/batch.yml", step.format("reports").replace("download-artifact", "checkout"))
    assert not fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "reports/model.pkl")  # no fetch


def test_a_large_notebook_beside_the_code_is_read_and_so_is_a_large_ci(tmp_path: Path) -> None:
    # A notebook's outputs make it large; its code decides. Many CI workflows are all read.
    outputs = [{"output_type": "display_data", "data": {"image/png": "A" * (2 << 20)}}]
    cells = [{"cell_type": "code", "source": "joblib.dump(m, 'model.pkl')\n", "outputs": outputs}]
    write(tmp_path, "jobs/train.ipynb", json.dumps({"cells": cells}))
    for number in range(400):
        write(tmp_path, f".github/workflows/w{number}.yml", "steps:\n  - run: curl -o data.csv $URL\n")
    assert not fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "model.pkl")
    write(tmp_path, ".github/workflows/w400.yml", "steps:\n  - run: |\n      curl -o jobs/model.pkl $URL\n")
    find_repo_root(tmp_path)  # a new run: what reaches a folder is gathered once per run
    assert fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "model.pkl")


def test_a_line_of_repeated_uses_is_read_in_linear_time(tmp_path: Path) -> None:
    # Searched anywhere in a line, `uses:` repeated 100,000 times backtracked for minutes.
    import time

    write(tmp_path, "jobs/Makefile", "x:\n\techo " + "uses:" * 100_000 + "\nm:\n\twget -O model.pkl $(URL)\n")
    started = time.monotonic()
    assert fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "model.pkl")
    assert not fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "other.pkl")
    assert time.monotonic() - started < 10


def test_a_folder_of_thousands_of_scripts_is_read_once_per_run(tmp_path: Path) -> None:
    """Each of 3,000 scripts asking about its own load went through every neighbour again: 3,000
    squared reads of the folder (red team pass 3: 2,000 scripts took minutes)."""
    import time

    for number in range(3000):
        write(
            tmp_path, f"jobs/s{number}.py", f"import urllib.request\nurllib.request.urlretrieve(U, 'd{number}.csv')\n"
        )
    write(tmp_path, "jobs/get.py", "import urllib.request\nurllib.request.urlretrieve(U, 'model_7.pkl')\n")
    find_repo_root(tmp_path)
    started = time.monotonic()
    answers = [fetched_by_project(tmp_path / "jobs", "jobs", f"s{n}.py", f"model_{n}.pkl") for n in range(3000)]
    assert time.monotonic() - started < 20
    assert [n for n, fetched in enumerate(answers) if fetched] == [7]
    # A word only the scanned file itself names is its own business (judged from its code).
    assert not fetched_by_project(tmp_path / "jobs", "jobs", "get.py", "model_7.pkl")


def test_the_scanned_file_itself_is_judged_by_its_code_not_as_a_neighbour(tmp_path: Path) -> None:
    write(tmp_path, "jobs/score.py", "import requests\nr = requests.get(URL)\nopen('model.pkl', 'rb')\n")
    assert not fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "model.pkl")
    assert fetched_by_project(tmp_path / "jobs", "jobs", "other.py", "model.pkl")


def test_what_cannot_be_read_counts_as_fetching(tmp_path: Path) -> None:
    assert fetched_by_project(None, "", "score.py", "model.pkl")  # no folder on disk
    assert fetched_by_project(tmp_path / "jobs", "elsewhere", "score.py", "model.pkl")  # names do not line up
    write(tmp_path, "jobs/Makefile", "# " + "x" * (600 << 10) + "\n")
    assert fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "model.pkl")  # too long to read whole
    os.remove(tmp_path / "jobs" / "Makefile")
    write(tmp_path, "outside.sh", "wget -O model.pkl $URL\n")
    os.symlink(tmp_path / "outside.sh", tmp_path / "jobs" / "fetch.sh")
    assert fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "model.pkl")  # a link is not followed


@settings(max_examples=200, deadline=None)
@given(name=st.text(max_size=60), folder=st.text(max_size=30), own=st.text(max_size=20))
def test_garbage_names_never_raise(tmp_path_factory: pytest.TempPathFactory, name: str, folder: str, own: str) -> None:
    root = tmp_path_factory.getbasetemp() / "fetch-garbage"
    root.mkdir(exist_ok=True)
    assert fetched_by_project(root, folder, own, name) in (True, False)


_TOOLING_PIECES = st.sampled_from(
    [
        "wget ",
        "curl -o ",
        "-O",
        "-P",
        "$(",
        "${",
        ":-",
        "}",
        ")",
        "${{ env.",
        " }}",
        "uses: ",
        "- ",
        "with:\n",
        "actions/download-artifact@v4",
        "\t",
        "\n",
        "\\\n",
        "model.pkl",
        "=",
        ":",
        "$@",
        "X",
        "models/",
        " ",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    makefile=st.lists(_TOOLING_PIECES | st.text(max_size=5), max_size=60).map("".join),
    workflow=st.lists(_TOOLING_PIECES | st.text(max_size=5), max_size=60).map("".join),
)
def test_garbage_tooling_never_raises(tmp_path_factory: pytest.TempPathFactory, makefile: str, workflow: str) -> None:
    root = tmp_path_factory.mktemp("tooling-garbage")
    write(root, "jobs/Makefile", makefile)
    write(root, ".github/workflows/w.yml", workflow)
    assert fetched_by_project(root / "jobs", "jobs", "score.py", "models/model.pkl") in (True, False)


# --- the code hook ---------------------------------------------------------------------------------
def test_a_fixed_path_the_project_downloads_keeps_its_severity(tmp_path: Path) -> None:
    assert severities(scan_code(tmp_path, BATCH, "batch.py")) == [("MLS301", 2, "low")]
    write(tmp_path, "Makefile", "batch:\n\twget -q -O model.pkl $(MODEL_URL)\n\tpython batch.py\n")
    assert severities(scan_code(tmp_path, BATCH, "batch.py")) == [("MLS301", 2, "high")]


def test_exec_of_a_fixed_file_the_project_downloads_keeps_its_severity(tmp_path: Path) -> None:
    source = "exec(open('setup_env.py').read())\n"
    assert [f.severity.value for f in scan_code(tmp_path, source, "run.py") if f.rule_id == "B102"] == ["low"]
    write(tmp_path, "bootstrap.sh", "curl -fsSL https://example.org/setup_env.py -o setup_env.py\n")
    assert [f.severity.value for f in scan_code(tmp_path, source, "run.py") if f.rule_id == "B102"] == ["medium"]


def test_a_notebook_beside_a_downloading_notebook_keeps_its_severity(tmp_path: Path) -> None:
    loads = notebook("import joblib\nmodel = joblib.load('model.pkl')")
    assert severities(scan_code(tmp_path, loads, "2_predict.ipynb")) == [("MLS301", 2, "low")]
    fetches = notebook("import urllib.request\nurllib.request.urlretrieve(URL, 'model.pkl')")
    write(tmp_path, "1_fetch.ipynb", fetches)
    assert severities(scan_code(tmp_path, loads, "2_predict.ipynb")) == [("MLS301", 2, "high")]


def test_a_folder_the_tooling_fills_or_dvc_tracks_holds_the_file(tmp_path: Path) -> None:
    write(tmp_path, "jobs/Makefile", "data:\n\twget -P models $(URL)/weights.tar\n")
    assert fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "models/model.pkl")
    assert not fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "assets/model.pkl")
    write(tmp_path, "jobs/assets.dvc", "outs:\n- path: assets\n")
    assert fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "assets/model.pkl")


def test_the_top_is_the_nearest_repository_above_the_code(tmp_path: Path) -> None:
    # Scanned from outside the repository (`mlsec scan repo/jobs/batch.py`): its own CI still counts.
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    write(tmp_path, "repo/.github/workflows/b.yml", "steps:\n  - run: wget -O jobs/model.pkl $URL\n")
    write(tmp_path, "repo/jobs/batch.py", "")
    assert fetched_by_project(tmp_path / "repo" / "jobs", "repo/jobs", "batch.py", "model.pkl")


def test_a_folder_path_is_named_only_as_a_folder(tmp_path: Path) -> None:
    # `FAISS.load_local("./faiss-index/langchain/")`: the word langchain near a download (an
    # import line) does not fill that folder; `-P faiss-index` would.
    write(tmp_path, "jobs/fetch.py", "from langchain import x\nr = requests.get(URL)\n")
    assert not fetched_by_project(tmp_path / "jobs", "jobs", "app.py", "./faiss-index/langchain/")
    write(tmp_path, "jobs/get.sh", "wget -P faiss-index $URL/index.tar\n")
    assert fetched_by_project(tmp_path / "jobs", "jobs", "app.py", "./faiss-index/langchain/")


def test_import_lines_name_modules_not_files(tmp_path: Path) -> None:
    # A neighbour that downloads something imports modules near the call: `from langchain import x`
    # names a module, never the folder `./faiss-index/langchain/` (the real flow asks its leaf).
    write(tmp_path, "jobs/agent.py", "from langchain import x\nimport requests\nr = requests.get(URL).json()\n")
    assert not fetched_by_project(tmp_path / "jobs", "jobs", "app.py", "faiss-index/langchain")
    # A `%%bash` cell's `import weights.pkl` is a shell function's call, not a Python import.
    bash = notebook('%%bash\nimport() { curl -fsSLO "https://models.example.com/$1"; }\nimport weights.pkl')
    write(tmp_path, "jobs/setup.ipynb", bash)
    assert fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "weights.pkl")
    # A comment on an import line may name the file: the line's words count.
    write(tmp_path, "jobs/get.py", "from urllib.request import urlretrieve  # fetches weights.pkl\nurlretrieve(U, D)\n")
    assert fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "weights.pkl")
    # An import of a downloader is no download: the names near it are not fetched.
    write(tmp_path, "jobs/util.py", "from urllib.request import urlretrieve\nTARGET = 'model.pkl'\n")
    assert not fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "model.pkl")
    # A call of it is, and so is a write of the folder's name near a download (new files: what a
    # folder's tooling says is kept while the folder stays the same).
    write(tmp_path, "jobs/fetch.py", "from urllib.request import urlretrieve\nurlretrieve(URL, 'model.pkl')\n")
    assert fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "model.pkl")
    pull = "import requests\nr = requests.get(URL)\nopen('langchain', 'wb').write(r.content)\n"
    write(tmp_path, "jobs/pull.py", pull)
    assert fetched_by_project(tmp_path / "jobs", "jobs", "app.py", "faiss-index/langchain")


def test_a_committed_index_beside_a_notebook_that_imports_near_a_request_is_the_repositorys(
    tmp_path: Path,
) -> None:
    loads = notebook(
        "%pip install langchain faiss-cpu",
        "from langchain.vectorstores import FAISS\n"
        "vs = FAISS.load_local('./faiss-index/langchain/', emb, allow_dangerous_deserialization=True)",
    )
    neighbour = notebook("from langchain import LLMMathChain\nimport requests\nr = requests.get(url).json()")
    write(tmp_path, "agent.ipynb", neighbour)
    graded = [(f.rule_id, f.severity.value) for f in scan_code(tmp_path, loads, "chat.ipynb") if f.rule_id == "MLS313"]
    assert graded == [("MLS313", "low")]
    write(tmp_path, "fetch.ipynb", notebook("!wget -q -P faiss-index/langchain $URL/index.pkl"))
    graded = [(f.rule_id, f.severity.value) for f in scan_code(tmp_path, loads, "chat.ipynb") if f.rule_id == "MLS313"]
    assert graded == [("MLS313", "high")]


def test_hostile_import_like_lines_are_matched_in_linear_time(tmp_path: Path) -> None:
    # Lines that start like imports and fail at their end after 100,000 blanks or dots: each is
    # matched once (a pattern that backtracked over them took minutes), and a long line is never
    # taken as an import, so its words near a download still count.
    hostile = [
        "from a import b" + " " * 100_000 + "x!",
        "from " + "." * 100_000 + " import",
        "import a" + " " * 100_000 + "!",
        "import a" + " ,a" * 30_000 + "!",
    ]
    text = "\n".join([*hostile, "import requests", "r = requests.get(URL)", "open('model.pkl', 'wb').write(r.content)"])
    write(tmp_path, "jobs/fetch.py", text + "\n")
    assert fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "model.pkl")
    long_import = "from langchain import " + ", ".join(["x"] * 600) + "\nr = requests.get(URL)\n"
    write(tmp_path, "jobs/agent.py", long_import)
    assert fetched_by_project(tmp_path / "jobs", "jobs", "app.py", "faiss-index/langchain")


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_garbage_lines_never_raise_in_the_import_and_cell_checks(text: str) -> None:
    assert _is_import(text) in (True, False)
    assert _cell_code(text).count("\n") == text.count("\n")  # a cell keeps its lines, marked or not


def test_hostile_tooling_is_read_in_bounded_time_and_memory(tmp_path: Path) -> None:
    # A value of 200,000 blanks, and a variable that would expand to gigabytes: neither is put in.
    blanks = "X = a" + " " * 200_000 + "b\n"
    bomb = "Y = " + "$(Z)" * 60 + "\n" + "Z = " + "z" * 200 + "\n" + "fetch:\n\tcurl " + "$(Y)" * 50_000 + "\n"
    write(tmp_path, "jobs/Makefile", blanks + bomb + "model:\n\twget -O model.pkl $(URL)\n")
    assert fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "model.pkl")
    assert not fetched_by_project(tmp_path / "jobs", "jobs", "score.py", "other.pkl")


def _affected_one_by_one(display: str, changed: list[str], root: Path) -> bool:
    """The question as first written: every changed path looked at for the one file (the oracle)."""
    import posixpath

    from hooks.code.ci_definitions import in_ci
    from hooks.code.project_fetches import _consult, _script_words, is_tooling
    from hooks.code.pyyaml_releases import is_dependency_file, widens_loaders

    folder = posixpath.dirname(display)
    for other in changed:
        other_folder = posixpath.dirname(other)
        text = (root / other).read_bytes() if (root / other).exists() else b"pyyaml"
        if b"pyyaml" in text.lower() and (is_dependency_file(other) or other.endswith((".py", ".ipynb", ".txt"))):
            return True  # the repository's PyYAML: every file's FullLoader verdict
        if widens_loaders(text):
            return True  # a YAML constructor registered: every module's FullLoader
        if other_folder == folder and other.lower().endswith((".py", ".ipynb")) and other != display:
            words = _consult(root / other, [1], _script_words)
            if words is None or words:
                return True
            continue
        if not is_tooling(other):
            continue
        if in_ci(other) or other_folder in ("", "."):
            return True
        if folder == other_folder or folder.startswith(other_folder + "/"):
            return True
    return False


_FOLDERS = ["", "a", "a/b", "a/b/c", ".github/workflows", "d"]
_NAMES = ["x.py", "fetch.py", "n.ipynb", "Makefile", "run.sh", "Dockerfile", "README.md", "ci.py"]
_NAMES += ["requirements.txt", "pins.txt", "tags.py"]  # PyYAML held back; a YAML constructor registered


@settings(max_examples=200, deadline=None)
@given(
    changed=st.lists(st.tuples(st.sampled_from(_FOLDERS), st.sampled_from(_NAMES)), max_size=8),
    asking=st.tuples(st.sampled_from(_FOLDERS), st.sampled_from(["x.py", "n.ipynb", "fetch.py"])),
)
def test_the_changed_paths_index_answers_as_asking_each_path_does(
    tmp_path_factory: pytest.TempPathFactory, changed: list[tuple[str, str]], asking: tuple[str, str]
) -> None:
    """`--changed-since` indexes the changed paths once (asking each unchanged file about each
    changed path cost their product); the answers are the same."""
    from hooks.code.project_fetches import ChangedPaths

    root = tmp_path_factory.getbasetemp() / "changed-index-2"
    if not root.exists():
        for folder in _FOLDERS:
            (root / folder).mkdir(parents=True, exist_ok=True)
            for name in _NAMES:
                text = {
                    "fetch.py": "import requests\nrequests.get('https://x.example/d')\n",
                    "requirements.txt": "PyYAML==5.3.1\n",
                    "tags.py": "yaml.add_constructor('!env', env, Loader=yaml.FullLoader)\n",
                }.get(name, "x = 1\n")
                (root / folder / name).write_text(text)
    paths = sorted({f"{folder}/{name}".lstrip("/") for folder, name in changed})
    display = f"{asking[0]}/{asking[1]}".lstrip("/")
    if display in paths:
        return
    assert ChangedPaths(paths, root).affect(display) == _affected_one_by_one(display, paths, root)
