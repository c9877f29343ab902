"""Unsafe data ingestion (MLS330-332): each check with a positive and safe look-alikes."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks._core.policy import Policy
from hooks.code.rules import DATA_READ_OVER_HTTP, TLS_VERIFICATION_DISABLED_GLOBALLY, UNVERIFIED_DOWNLOAD_DESERIALISED
from tests.code.helpers import notebook, scan_code

HTTP = DATA_READ_OVER_HTTP.rule_id
UNVERIFIED = UNVERIFIED_DOWNLOAD_DESERIALISED.rule_id
TLS = TLS_VERIFICATION_DISABLED_GLOBALLY.rule_id

CASES = [
    (HTTP, 2, "import pandas as pd\ndf = pd.read_csv('http://archive.ics.uci.edu/ml/iris.data')\n"),
    (HTTP, 3, "import polars as pl\nURL = 'http://data.example.net/x.parquet'\ndf = pl.read_parquet(URL)\n"),
    (HTTP, 2, "from urllib.request import urlretrieve\nurlretrieve(f'http://host.org/{name}.zip', 'x.zip')\n"),
    (HTTP, 2, "import requests\nr = requests.get('http://files.org/train.csv')\n"),
    (UNVERIFIED, 3, "import requests, pickle\n\nr = requests.get(url)\nmodel = pickle.loads(r.content)\n"),
    (
        UNVERIFIED,
        2,
        "import urllib.request, joblib\nurllib.request.urlretrieve(u, 'clf.joblib')\nc = joblib.load('clf.joblib')\n",
    ),
    (
        UNVERIFIED,
        2,
        "import requests, pickle\nresp = requests.get(u, stream=True)\nwith open(p, 'wb') as fh:\n"
        "    for chunk in resp.iter_content(8192):\n        fh.write(chunk)\nwith open(p, 'rb') as fh:\n"
        "    data = pickle.load(fh)\n",
    ),
    (UNVERIFIED, 2, "import gdown, torch\nout = gdown.download(u, 'w.pt')\nsd = torch.load(out)\n"),
    (
        UNVERIFIED,
        2,
        "from huggingface_hub import hf_hub_download\np = hf_hub_download('o/r', 'x.data')\nimport pandas as pd\ndf = pd.read_pickle(p)\n",  # noqa: E501
    ),
    (UNVERIFIED, 2, "import numpy as np, wget\nf = wget.download(u)\na = np.load(f, allow_pickle=True)\n"),
    (TLS, 2, "import ssl\nssl._create_default_https_context = ssl._create_unverified_context\n"),
    (TLS, 2, "import os\nos.environ['CURL_CA_BUNDLE'] = ''\n"),
    (TLS, 2, "import os\nos.environ.update({'PYTHONHTTPSVERIFY': '0'})\n"),
]


@pytest.mark.parametrize(("rule_id", "line", "source"), CASES)
def test_positive(tmp_path: Path, rule_id: str, line: int, source: str) -> None:
    found = [(f.rule_id, f.line) for f in scan_code(tmp_path, source)]
    assert (rule_id, line) in found


LOOK_ALIKES = [
    "import pandas as pd\ndf = pd.read_csv('https://archive.ics.uci.edu/ml/iris.data')\n",
    "import pandas as pd\ndf = pd.read_csv('http://localhost:8000/x.csv')\nd2 = pd.read_json('http://10.1.2.3/a.json')\n",
    "import requests\nr = requests.get('http://metadata.google.internal/computeMetadata/v1/')\n",
    "import requests\nr = requests.post('http://api.service.org/v1/predict', json=x)\n",
    "import requests, pickle, hashlib\nr = requests.get(u)\nassert hashlib.sha256(r.content).hexdigest() == PIN\nm = pickle.loads(r.content)\n",  # noqa: E501
    "import urllib.request, joblib\nurllib.request.urlretrieve(u, 'c.joblib')\nverify_sha256('c.joblib', PIN)\nc = joblib.load('c.joblib')\n",  # noqa: E501
    "import requests, torch\nr = requests.get(u)\nopen('w.pt', 'wb').write(r.content)\nsd = torch.load('w.pt', weights_only=True)\n",  # noqa: E501
    "import tensorflow as tf, pickle\np = tf.keras.utils.get_file('d.pkl', u, file_hash=PIN)\nd = pickle.load(open(p, 'rb'))\n",  # noqa: E501
    "from huggingface_hub import hf_hub_download\nimport joblib\np = hf_hub_download('o/r', 'm.data', revision='"
    + "a" * 40
    + "')\nm = joblib.load(p)\n",
    "import requests, json\nr = requests.get(u)\ncfg = json.loads(r.content)\n",
    "import pooch, pickle\np = pooch.retrieve(u, known_hash='sha256:abc')\nd = pickle.load(open(p, 'rb'))\n",
    "import os\nos.environ['REQUESTS_CA_BUNDLE'] = '/etc/ssl/certs/ca.pem'\nos.environ['PYTHONHTTPSVERIFY'] = '1'\n",
    "import ssl\nctx = ssl.create_default_context()\n",
]


@pytest.mark.parametrize("source", LOOK_ALIKES)
def test_look_alike(tmp_path: Path, source: str) -> None:
    found = {f.rule_id for f in scan_code(tmp_path, source)}
    assert not found & {HTTP, UNVERIFIED, TLS}, found


def test_in_a_notebook_across_cells(tmp_path: Path) -> None:
    source = notebook("import requests, pickle", "r = requests.get(URL)", "m = pickle.loads(r.content)")
    found = [(f.rule_id, f.cell, f.line) for f in scan_code(tmp_path, source, "nb.ipynb") if f.rule_id == UNVERIFIED]
    assert found == [(UNVERIFIED, 2, 1)]


def test_tabular_or_text_data_over_http_is_low_and_pickle_capable_files_or_archives_keep_medium(
    tmp_path: Path,
) -> None:
    source = (
        "import pandas as pd, requests\n"
        "from urllib.request import urlretrieve\n"
        "df = pd.read_csv('http://archive.ics.uci.edu/ml/iris.data')\n"
        "r = requests.get('http://files.org/train.csv')\n"
        "urlretrieve('http://host.org/weights.pkl', 'w.pkl')\n"
        "urlretrieve('http://host.org/data.tar.gz', 'd.tgz')\n"
        "m = pd.read_pickle('http://host.org/frame.pkl')\n"
    )
    graded = sorted((f.line, f.severity.value) for f in scan_code(tmp_path, source) if f.rule_id == HTTP)
    assert graded == [(3, "low"), (4, "low"), (5, "medium"), (6, "medium"), (7, "medium")]


@pytest.mark.parametrize(
    "use",
    [
        "import subprocess\nsubprocess.run(['pip', 'install', '-r', 'r.txt'])\n",
        "import os\nos.system('bash r.txt')\n",
        "import pickle\nm = pickle.load(open('m.pkl', 'rb'))\n",
    ],
)
def test_text_saved_from_plain_http_where_the_code_starts_commands_keeps_medium(tmp_path: Path, use: str) -> None:
    source = "from urllib.request import urlretrieve\nurlretrieve('http://x.example/requirements.txt', 'r.txt')\n"
    assert [f.severity.value for f in scan_code(tmp_path, source) if f.rule_id == HTTP] == ["low"]
    assert [f.severity.value for f in scan_code(tmp_path, source + use) if f.rule_id == HTTP] == ["medium"], use


def test_the_strict_profile_keeps_plain_http_data_at_full_severity(tmp_path: Path) -> None:
    source = "import pandas as pd\ndf = pd.read_csv('http://files.org/train.csv')\n"
    strict = Policy(root=tmp_path, profile="strict")
    assert [f.severity.value for f in scan_code(tmp_path, source) if f.rule_id == HTTP] == ["low"]
    assert [f.severity.value for f in scan_code(tmp_path, source, policy=strict) if f.rule_id == HTTP] == ["medium"]
    unpacked = ARCHIVE + "import zipfile\nzipfile.ZipFile('a.zip').extractall('data')\n"
    assert [f.severity.value for f in scan_code(tmp_path, unpacked, policy=strict) if f.rule_id == HTTP] == ["medium"]


ARCHIVE = "from urllib.request import urlretrieve\nurlretrieve('http://ai.stanford.edu/aclImdb.zip', 'a.zip')\n"


@pytest.mark.parametrize(
    "use",
    [
        "import zipfile\nzipfile.ZipFile('a.zip').extractall('data')\n",
        "import tarfile\ntarfile.open('a.tgz').extractall('data', filter='data')\n",
        "import pandas as pd\ndf = pd.read_csv('a.zip')\n",
    ],
)
def test_a_data_archive_over_http_that_the_code_only_unpacks_or_reads_is_low(tmp_path: Path, use: str) -> None:
    found = [(f.line, f.severity.value) for f in scan_code(tmp_path, ARCHIVE + use) if f.rule_id == HTTP]
    assert found == [(2, "low")]


@pytest.mark.parametrize(
    "use",
    [
        "",  # download only: another file uses it, unseen here
        "import tarfile\ntarfile.open('a.zip').extractall('data')\n",  # unfiltered tar: members land anywhere
        "import zipfile, subprocess\nzipfile.ZipFile('a.zip').extractall('t')\nsubprocess.run(['bash', 't/i.sh'])\n",
        "import zipfile, sys\nzipfile.ZipFile('a.zip').extractall('t')\nsys.path.insert(0, 't')\n",
        "import zipfile, pickle\nzipfile.ZipFile('a.zip').extractall('t')\nx = pickle.load(open('t/x.pkl', 'rb'))\n",
    ],
)
def test_an_archive_over_http_that_may_become_running_code_stays_medium(tmp_path: Path, use: str) -> None:
    found = [(f.line, f.severity.value) for f in scan_code(tmp_path, ARCHIVE + use) if f.rule_id == HTTP]
    assert found == [(2, "medium")]


def test_executables_wheels_sources_and_models_over_http_stay_medium(tmp_path: Path) -> None:
    for name in ("install.sh", "pkg-1.0-py3-none-any.whl", "resnet.h5", "w.pt"):
        source = f"import zipfile\nfrom urllib.request import urlretrieve\nurlretrieve('http://h.org/{name}', 'x')\n"
        source += "zipfile.ZipFile('d.zip').extractall('d')\n"
        assert {f.severity.value for f in scan_code(tmp_path, source) if f.rule_id == HTTP} <= {"medium"}, name


def _unverified_lines(tmp_path: Path, source: str) -> list[int]:
    return [f.line for f in scan_code(tmp_path, source) if f.rule_id == UNVERIFIED]


# ms-swift's test helpers: a download written through one `open`, a result file another process
# wrote read through another. The function called (`open`), its mode and a module's name are no
# part of the data, so the two files do not share a root.
SEPARATE_FILES = [
    "import os, pickle, requests\n\ndef fetch(fpath, url):\n    r = requests.get(url, timeout=5)\n"
    "    with open(fpath, 'wb') as f:\n        f.write(r.content)\n\ndef results(res_file):\n"
    "    with open(res_file, 'rb') as f:\n        return pickle.load(f)\n",
    "import os, pickle, urllib.request\n\ndef fetch(url, d):\n"
    "    urllib.request.urlretrieve(url, os.path.join(d, 'data.tar'))\n\ndef results(e):\n"
    "    return pickle.load(open(os.path.join(e, 'res.pkl'), 'rb'))\n",
]


@pytest.mark.parametrize("source", SEPARATE_FILES)
def test_a_download_and_an_unrelated_load_share_no_root(tmp_path: Path, source: str) -> None:
    assert _unverified_lines(tmp_path, source) == []


SAME_FILE = [
    "import pickle, requests\n\ndef fetch(url):\n    r = requests.get(url, timeout=5)\n"
    "    with open('model.pkl', 'wb') as f:\n        f.write(r.content)\n"
    "    with open('model.pkl', 'rb') as f:\n        return pickle.load(f)\n",
    "import os, pickle, urllib.request\n\ndef fetch(url, d):\n"
    "    urllib.request.urlretrieve(url, os.path.join(d, 'model.pkl'))\n"
    "    return pickle.load(open(os.path.join(d, 'model.pkl'), 'rb'))\n",
    # the download made inside the written expression (missed at the start of stop 81)
    "import pickle, requests\nfrom pathlib import Path\n\ndef fetch(url, d):\n    p = Path(d) / 'model.pkl'\n"
    "    p.write_bytes(requests.get(url, timeout=5).content)\n    return pickle.loads(p.read_bytes())\n",
]


@pytest.mark.parametrize("source", SAME_FILE)
def test_a_download_written_and_loaded_from_the_same_path_still_reports(tmp_path: Path, source: str) -> None:
    assert len(_unverified_lines(tmp_path, source)) == 1


# The second round (the red team's cases): names are the function's own, a file name in both
# paths tells two files of one folder apart, calls pass paths to the module's own functions,
# and moves and renames carry the bytes. (A hash of the response before writing is not taken as a
# check of the file: the second red team showed hashes that are only logged, name a cache file or
# are compared without stopping anything.)
UNRELATED = [
    "import os, pickle, requests\nCACHE = '/tmp/cache'\nr = requests.get('https://h.example/data.csv')\n"
    "with open(os.path.join(CACHE, 'data.csv'), 'wb') as f:\n    f.write(r.content)\n"
    "with open(os.path.join(CACHE, 'model.pkl'), 'rb') as f:\n    m = pickle.load(f)\n",
    "import pickle, requests\nfrom pathlib import Path\nroot = Path('/tmp/cache')\n"
    "(root / 'data.csv').write_bytes(requests.get('https://h.example/data.csv').content)\n"
    "m = pickle.loads((root / 'model.pkl').read_bytes())\n",
    "import pickle, requests\nd = '/tmp/cache'\nwith open(f'{d}/data.csv', 'wb') as f:\n"
    "    f.write(requests.get('https://h.example/data.csv').content)\nwith open(f'{d}/model.pkl', 'rb') as f:\n"
    "    m = pickle.load(f)\n",
    "import pickle, requests\n\ndef fetch(path):\n    with open(path, 'wb') as f:\n"
    "        f.write(requests.get('https://h.example/a.csv').content)\n\ndef restore(path):\n"
    "    with open(path, 'rb') as f:\n        return pickle.load(f)\n\nfetch('a.csv')\nm = restore('m.pkl')\n",
    # pipeline components that each take `data_path` (kubeflow-examples): one downloads a CSV into
    # it and returns nothing, another unpickles what its own step wrote there
    "import pickle, wget\n\ndef fetch(data_path):\n    wget.download('https://h/t.csv', f'{data_path}/t.csv')\n\n"
    "def train(data_path):\n    with open(f'{data_path}/df', 'rb') as f:\n        return pickle.load(f)\n",
]


@pytest.mark.parametrize("source", UNRELATED)
def test_two_files_of_one_folder_or_two_functions_parameters_are_not_one_file(tmp_path: Path, source: str) -> None:
    assert _unverified_lines(tmp_path, source) == []


RELATED = [
    "import pickle, requests\n\nclass Loader:\n    def __init__(self):\n        self.path = 'm.pkl'\n"
    "    def fetch(self):\n        r = requests.get('https://h.example/m.pkl')\n"
    "        with open(self.path, 'wb') as f:\n            f.write(r.content)\n"
    "    def load(self):\n        with open(self.path, 'rb') as f:\n            return pickle.load(f)\n",
    "import pickle, requests\n\ndef model_path():\n    return '/tmp/m.pkl'\n\nr = requests.get('https://h/m.pkl')\n"
    "with open(model_path(), 'wb') as f:\n    f.write(r.content)\nwith open(model_path(), 'rb') as f:\n"
    "    m = pickle.load(f)\n",
    "import pickle, requests\n\ndef download(url, dst):\n    with open(dst, 'wb') as f:\n"
    "        f.write(requests.get(url).content)\n\ndef load(src):\n    with open(src, 'rb') as f:\n"
    "        return pickle.load(f)\n\ndownload('https://h/m.pkl', 'm.pkl')\nm = load('m.pkl')\n",
    "import os, pickle, requests\nr = requests.get('https://h/m.pkl')\nwith open('m.pkl.part', 'wb') as f:\n"
    "    f.write(r.content)\nos.replace('m.pkl.part', 'm.pkl')\nwith open('m.pkl', 'rb') as f:\n"
    "    m = pickle.load(f)\n",
    "import pickle, shutil, tempfile, requests\ntmp = tempfile.mktemp()\nwith open(tmp, 'wb') as f:\n"
    "    f.write(requests.get('https://h/m.pkl').content)\nshutil.move(tmp, 'model.pkl')\n"
    "m = pickle.load(open('model.pkl', 'rb'))\n",
    "import pickle, requests\nr = requests.get('https://h/clf.pkl')\nwith open('./clf.pkl', 'wb') as f:\n"
    "    f.write(r.content)\nwith open('clf.pkl', 'rb') as f:\n    m = pickle.load(f)\n",
    # a helper module (deeplearning-models' helper.py): one function downloads to `fpath`, another
    # unpickles the `fpath` its callers (a notebook) give it
    "import os, pickle\nfrom urllib.request import urlretrieve\n\ndef download(target_dir, url):\n"
    "    fpath = os.path.join(target_dir, os.path.basename(url))\n    urlretrieve(url, fpath)\n"
    "    return fpath\n\ndef unpickle(fpath):\n    with open(fpath, 'rb') as f:\n        return pickle.load(f)\n",
    "import hashlib, pickle, requests\nr = requests.get('https://h.example/m.pkl')\n"
    "print(hashlib.sha256(r.content).hexdigest())\n"
    "with open('m.pkl', 'wb') as f:\n    f.write(r.content)\nwith open('m.pkl', 'rb') as f:\n    m = pickle.load(f)\n",
]


@pytest.mark.parametrize("source", RELATED)
def test_one_file_through_an_attribute_a_call_a_parameter_or_a_move_still_reports(tmp_path: Path, source: str) -> None:
    assert len(_unverified_lines(tmp_path, source)) == 1
