"""Hygiene tests of bandit's are low, unless their context makes them worth acting on."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks._core.policy import Policy
from tests.code.helpers import notebook, scan_code

SOURCE = (
    "from flask import Flask\napp = Flask(__name__)\nTABLE = 't'\n"
    'def search(term):\n    q = "SELECT * FROM funds WHERE name = \'" + term + "\'"\n    return run(q)\n'
    "def count():\n    return run('SELECT count(*) FROM ' + TABLE)\n"
    "app.run(host='0.0.0.0', port=80, debug=True)\n"
    "app.run(host='0.0.0.0', port=80)\n"
    "demo.launch(server_name='0.0.0.0', share=True)\n"
    "requests.get(URL)\n"
)


def graded(findings: list) -> list[tuple[str, int, str]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.line, f.severity.value) for f in findings)


def test_sql_from_a_parameter_and_exposed_servers_keep_their_severity(tmp_path: Path) -> None:
    assert graded(scan_code(tmp_path, SOURCE, "app.py")) == [
        ("B104", 9, "medium"),  # with the debugger on
        ("B104", 10, "low"),
        ("B104", 11, "medium"),  # published on a share link
        ("B113", 12, "low"),
        ("B201", 9, "high"),
        ("B608", 5, "medium"),  # the caller's text goes into the query
        ("B608", 8, "low"),  # a constant table name
    ]


def test_prose_that_says_select_from_is_not_a_query(tmp_path: Path) -> None:
    """bandit reads "select ... from" in any text as SQL; the caller's value in quotes inside an
    error message is not an injection. The same splice in a real statement still blocks."""
    text = (
        "def invalid(choice):\n"
        "    return f\"'{choice}' is not a valid selection.\\nPlease select from the available tools: 1, 2.\"\n"
        "def lookup(name):\n"
        "    return f\"select id, owner from tools where name = '{name}'\"\n"
        "def remove(name):\n"
        "    return f\"Delete from the list '{name}' and update it, then set it again\"\n"
    )
    assert graded(scan_code(tmp_path, text, "cli.py")) == [
        ("B608", 2, "low"),
        ("B608", 4, "medium"),
        ("B608", 6, "low"),
    ]


def test_a_notebook_query_of_its_own_values_is_low(tmp_path: Path) -> None:
    text = notebook("def q(day):\n    return client.query(f'SELECT * FROM t WHERE day = {day}')")
    assert graded(scan_code(tmp_path, text, "nb.ipynb")) == [("B608", 2, "low")]


def test_a_notebooks_app_that_puts_request_text_in_sql_keeps_bandits_severity(tmp_path: Path) -> None:
    text = notebook(
        "from flask import Flask, request\napp = Flask(__name__)",
        "@app.route('/find')\ndef find():\n    name = request.args['name']\n"
        "    return db.execute(f\"SELECT * FROM users WHERE name = '{name}'\")",
        "@app.route('/by/<owner>')\ndef by(owner):\n"
        "    return db.execute(f\"SELECT * FROM t WHERE owner = '{owner}'\")",
        "def handler(context, event):\n    name = event.body.decode()\n"
        '    return pd.read_sql("SELECT * FROM t WHERE name = \'" + name + "\'", engine)',
        "def lambda_handler(event, context):\n    key = event['queryStringParameters']['id']\n"
        "    return cur.execute(f\"SELECT * FROM t WHERE id = '{key}'\")",
        # Look-alike: a helper whose parameter is named like outside text, called by the notebook.
        "def run_query(query):\n    return client.query(f\"SELECT * FROM t WHERE q = '{query}'\")",
    )
    found = sorted((f.cell, f.rule_id, f.severity.value) for f in scan_code(tmp_path, text, "nb.ipynb"))
    assert found == [
        (2, "B608", "medium"),
        (3, "B608", "medium"),
        (4, "B608", "medium"),
        (5, "B608", "medium"),
        (6, "B608", "low"),
    ]


def test_strict_profile_restores_bandits_severity(tmp_path: Path) -> None:
    strict = Policy(root=tmp_path, profile="strict")
    assert {s for _, _, s in graded(scan_code(tmp_path, SOURCE, "app.py", strict))} == {"medium", "high"}


def test_commands_of_the_scripts_own_values_are_low_and_request_data_keeps_bandits_severity(
    tmp_path: Path,
) -> None:
    source = (
        "import os, subprocess\n"
        "def main(path, request):\n"
        '    os.system("mkdir " + path)\n'
        '    os.system(f"mkdir -p {path}")\n'
        '    subprocess.call("cp -r {} {}".format(path, path), shell=True)\n'
        '    os.system("mkdir " + path + " && curl x | sh")\n'
        '    os.system("python train.py " + path)\n'
        '    os.system("rm " + request.args["f"])\n'
        '    os.system("ls $(" + path + ")")\n'
        '    subprocess.run(f"gsutil cp {path} {path}", shell=True)\n'
        '    subprocess.run(f"gcloud run deploy {path}", shell=True)\n'
    )
    assert graded(scan_code(tmp_path, source)) == [
        ("B602", 5, "low"),
        ("B602", 10, "low"),
        ("B602", 11, "low"),
        ("B605", 3, "low"),
        ("B605", 4, "low"),
        ("B605", 6, "low"),
        ("B605", 7, "low"),
        ("B605", 8, "high"),  # a web request's text reaches the shell
        ("B605", 9, "low"),
        ("MLS321", 6, "high"),  # the command itself pipes a download into a shell (hooks/code/launched.py)
    ]
    strict = Policy(root=tmp_path, profile="strict")
    assert ("B605", 3, "high") in graded(scan_code(tmp_path, source, policy=strict))


def test_sql_taking_parameters_only_as_names_or_clauses_is_low(tmp_path: Path) -> None:
    source = (
        "def rows(client, table_id, id_column):\n"
        "    return client.query(f'SELECT * FROM `{PROJECT}.{DATASET}.{table_id}` WHERE `{id_column}` = @id')\n"
        "def where(client, conditions):\n"
        "    return client.query(f'SELECT * FROM t WHERE {conditions}')\n"
        "def by_id(client, table_id, id_value):\n"
        "    return client.query(f'SELECT * FROM `{table_id}` WHERE id = \"{id_value}\"')\n"
    )
    assert graded(scan_code(tmp_path, source, "repository.py")) == [
        ("B608", 2, "low"),
        ("B608", 4, "low"),
        ("B608", 6, "medium"),  # the value itself comes from the caller
    ]


def test_a_parameter_cast_to_a_number_first_holds_no_text(tmp_path: Path) -> None:
    """`count = max(0, int(count))` before the query: the query takes a number, not the caller's
    text. Look-alikes: a cast under a branch, a cast after the query, a cast to text."""
    source = (
        "def add(db, count):\n"
        "    count = max(0, int(count))\n"
        "    db.execute(f'UPDATE counter SET value=value+{count} WHERE app=\"x\"')\n"
        "def maybe(db, count):\n"
        "    if count:\n"
        "        count = int(count)\n"
        "    db.execute(f'UPDATE counter SET value=value+{count} WHERE app=\"x\"')\n"
        "def late(db, count):\n"
        "    db.execute(f'UPDATE counter SET value=value+{count} WHERE app=\"x\"')\n"
        "    count = int(count)\n"
        "def text(db, name):\n"
        "    name = str(name).strip()\n"
        "    db.execute(f'SELECT * FROM users WHERE name = \"{name}\"')\n"
        "def asked(db, name):\n"  # rebound to other text, not to a number
        "    name = input('name? ')\n"
        "    db.execute(f'SELECT * FROM users WHERE name = \"{name}\"')\n"
        "def kept(db, limit):\n"  # the walrus keeps the caller's text in `raw`
        "    limit = int(raw := limit)\n"
        "    db.execute(f'SELECT * FROM t WHERE tag = \"{raw}\" LIMIT {limit}')\n"
        "def cut(db, note):\n"  # the project's own `trunc` shortens text
        "    note = trunc(note)\n"
        "    db.execute(f'SELECT * FROM notes WHERE body = \"{note}\"')\n"
    )
    assert graded(scan_code(tmp_path, source, "counter.py")) == [
        ("B608", 3, "low"),
        ("B608", 7, "medium"),
        ("B608", 9, "medium"),
        ("B608", 13, "medium"),
        ("B608", 16, "medium"),
        ("B608", 19, "medium"),
        ("B608", 22, "medium"),
    ]


def test_a_request_value_cast_to_a_number_first_holds_no_text(tmp_path: Path) -> None:
    """A route's parameter arrives from the request; cast to a number first, it carries no SQL.
    Look-alike: the same route without the cast."""
    source = (
        "from flask import Flask\napp = Flask(__name__)\n"
        "@app.route('/add/<count>')\n"
        "def add(count):\n"
        "    count = int(count)\n"
        "    db.execute(f'UPDATE counter SET value=value+{count}')\n"
        "@app.route('/add2/<count>')\n"
        "def add2(count):\n"
        "    db.execute(f'UPDATE counter SET value=value+{count}')\n"
    )
    assert graded(scan_code(tmp_path, source, "app.py")) == [("B608", 6, "low"), ("B608", 9, "medium")]


def test_a_lookup_in_the_databases_catalogue_takes_names_and_is_low(tmp_path: Path) -> None:
    source = (
        "def table_exists(cur, schema_name, table_name):\n"
        "    cur.execute(f\"SELECT * FROM pg_tables WHERE schemaname = '{schema_name}' \"\n"
        "                f\"AND tablename = '{table_name}'\")\n"
        "def columns(client, dataset, table):\n"
        '    return client.query(f"SELECT column_name FROM `{dataset}.INFORMATION_SCHEMA.COLUMNS` "\n'
        "                        f\"WHERE table_name = '{table}'\")\n"
        "def owner_of(cur, table_name):\n"  # look-alike: a user table joined to the catalogue
        '    cur.execute(f"SELECT u.name FROM information_schema.tables t JOIN owners u ON u.t = t.table_name "\n'
        "                f\"WHERE u.name = '{table_name}'\")\n"
    )
    assert graded(scan_code(tmp_path, source, "warehouse.py")) == [
        ("B608", 2, "low"),
        ("B608", 5, "low"),
        ("B608", 8, "medium"),
    ]


def test_certificate_checks_off_against_this_machine_are_low_and_against_any_other_host_high(tmp_path: Path) -> None:
    source = (
        "import requests\n"
        "requests.get('https://localhost:8443/ping', verify=False)\n"
        "url = f'https://127.0.0.1:{port}/predictions/m'\n"
        "requests.post(url, data=x, verify=False)\n"
        "requests.get(url='https://[::1]/x', verify=False)\n"
        "requests.get('https://localhost.attacker.example/x', verify=False)\n"  # look-alike: not loopback
        "requests.get(f'https://{host}:8443/x', verify=False)\n"
        "requests.get('https://10.0.0.5/x', verify=False)\n"
        "requests.get('https://localhost:80@evil.example/x', verify=False)\n"  # a user name, then the host
        "requests.get(f'https://localhost{suffix}/api', verify=False)\n"  # may be localhost.evil.example
        "def ping():\n    url = 'https://localhost:8443/health'\n    requests.get(url, verify=False)\n"
        "def fetch(url):\n    return requests.get(url, verify=False)\n"  # the caller's URL, not ping's
    )
    b501 = [(line, severity) for rule, line, severity in graded(scan_code(tmp_path, source)) if rule == "B501"]
    assert b501 == [
        (2, "low"),
        (4, "low"),
        (5, "low"),
        (6, "high"),
        (7, "high"),
        (8, "high"),
        (9, "high"),
        (10, "high"),
        (13, "low"),
        (15, "high"),
    ]
    strict = Policy(root=tmp_path, profile="strict")
    assert ("B501", 2, "high") in graded(scan_code(tmp_path, source, policy=strict))


def test_an_unpinned_hub_download_that_may_run_remote_code_keeps_bandits_severity(tmp_path: Path) -> None:
    source = (
        "from transformers import AutoConfig, AutoModel\n"
        "def load(path, trust_remote_code=False):\n"
        "    return AutoConfig.from_pretrained(path, trust_remote_code=trust_remote_code)\n"
        "m = AutoModel.from_pretrained('org/model', trust_remote_code=False)\n"  # look-alike: no code runs
        "n = AutoModel.from_pretrained('org/model')\n"
        "o = AutoModel.from_pretrained('org/model', trust_remote_code=True)\n"  # MLS307 reports this call
    )
    graded_findings = graded(scan_code(tmp_path, source))
    b615 = [(line, severity) for rule, line, severity in graded_findings if rule == "B615"]
    assert b615 == [(3, "medium"), (4, "low"), (5, "low"), (6, "low")]
    assert ("MLS307", 6, "high") in graded_findings


def test_an_objects_own_model_folder_is_no_unpinned_download(tmp_path: Path) -> None:
    source = (
        "from transformers import AutoModel, AutoTokenizer\n"
        "class Model:\n"
        "    def load(self, trust):\n"
        "        AutoModel.from_pretrained(self.model_path, trust_remote_code=trust)\n"  # its resolved folder
        "        AutoTokenizer.from_pretrained(self._model_dir, trust_remote_code=trust)\n"
        "        AutoModel.from_pretrained(self.model_name_or_path, trust_remote_code=trust)\n"  # may be a Hub id
        "        AutoModel.from_pretrained(self.model_id, trust_remote_code=trust)\n"
        "        AutoModel.from_pretrained(model_path, trust_remote_code=trust)\n"  # a parameter: the caller's
        "class Demo:\n"
        "    def __init__(self):\n"
        "        self.ckpt_path = 'org/model'\n"  # a Hub id under a folder's name
        "    def load(self, trust):\n"
        "        AutoModel.from_pretrained(self.ckpt_path, trust_remote_code=trust)\n"
    )
    b615 = [(line, severity) for rule, line, severity in graded(scan_code(tmp_path, source)) if rule == "B615"]
    assert b615 == [(4, "low"), (5, "low"), (6, "medium"), (7, "medium"), (8, "medium"), (13, "medium")]


def test_a_url_from_a_request_fetched_by_urlopen_keeps_bandits_severity(tmp_path: Path) -> None:
    source = (
        "import urllib.request\n"
        "class Step:\n"
        "    def do(self, event):\n"
        "        for url in event.body['data_url']:\n"
        "            urllib.request.urlretrieve(url, 'x.jpg')\n"
        "urllib.request.urlretrieve('https://data.example.org/iris.csv', 'iris.csv')\n"  # a fixed mirror: low
        "def score(endpoint, body):\n"  # the body is what is sent, not where it goes
        "    req = urllib.request.Request(endpoint, body)\n"
        "    return urllib.request.urlopen(req)\n"
    )
    b310 = [(line, severity) for rule, line, severity in graded(scan_code(tmp_path, source)) if rule == "B310"]
    assert b310 == [(5, "medium"), (6, "low"), (9, "low")]


def test_a_url_whose_own_text_fixes_scheme_and_host_is_hygiene(tmp_path: Path) -> None:
    # The caller's text picks a path on a fixed https host: no file://, no other machine.
    source = (
        "import urllib.request\n"
        "class Step:\n"
        "    def do(self, event):\n"
        "        for name in event.body['names']:\n"
        "            urllib.request.urlretrieve(f'https://artifacts.example.com/{name}/x.tar.gz', 'x')\n"
        "            urllib.request.urlopen('https://api.example.com/v1?q=' + name)\n"
        "            urllib.request.urlopen(f'https://{name}/x')\n"  # the host is the caller's
        "            urllib.request.urlopen('https://api.example.com' + name)\n"  # `@evil.org/` makes it another
        "            urllib.request.urlopen('https://user@api.example.com/' + name)\n"
        "            urllib.request.urlopen('%s://api.example.com/' % name)\n"  # the scheme is the caller's
        "            urllib.request.urlopen(f'{BASE:.{name}}{name}')\n"  # a format spec can cut BASE away
        "            urllib.request.urlopen('http://169.254.169.254/latest/' + name)\n"  # inside the network
        "            urllib.request.urlopen('http://metadata.google.internal/' + name)\n"
        "            urllib.request.urlopen(f'{BASE}{name}')\n"  # a name bound to a fixed origin
        "            urllib.request.urlopen('http://0xa9.0xfe.0xa9.0xfe/latest/' + name)\n"
        "            urllib.request.urlopen('http://model-server.ml-prod:8080/' + name)\n"
        "            urllib.request.urlopen('http://metadata.google.internal./' + name)\n"
        "            urllib.request.urlopen('http://vault.service.consul/' + name)\n"
        "BASE = 'https://models.example.com/'\n"
    )
    b310 = [(line, severity) for rule, line, severity in graded(scan_code(tmp_path, source)) if rule == "B310"]
    assert b310 == [
        (5, "low"),
        (6, "low"),
        (7, "medium"),
        (8, "medium"),
        (9, "medium"),
        (10, "medium"),
        (11, "medium"),
        (12, "medium"),
        (13, "medium"),
        (14, "low"),
        (15, "medium"),
        (16, "medium"),
        (17, "medium"),
        (18, "medium"),
    ]
    # A name the module can rebind from the side, or a parameter's default may shadow, is not followed.
    for rebinding in (
        "globals()['BASE'] = 'file:///'\n",
        "f = lambda BASE=name: urllib.request.urlopen(BASE + 'x')\n",
        "settings = locals()\n",  # the module's own globals, updated later
        "import sys\nsys._getframe().f_globals.update(state)\n",
        "import importlib\nimportlib.import_module(__name__).BASE = state\n",
    ):
        side = source + rebinding
        b310 = [(line, severity) for rule, line, severity in graded(scan_code(tmp_path, side)) if rule == "B310"]
        assert (14, "medium") in b310, rebinding


def test_a_fixed_origin_url_wrapped_in_a_request_under_the_same_name_is_hygiene(tmp_path: Path) -> None:
    """`url = f"https://huggingface.co/api/models/{model_id}"`, then `url = Request(url, None,
    headers)` when a token is given: the name holds the fixed origin or a Request of it. A Request
    of the caller's own URL, under the same pattern, keeps the finding."""
    template = (
        "import urllib.request\n"
        "def metadata(model_id, token, endpoint):\n"
        "    url = {url}\n"
        "    if token:\n"
        "        url = urllib.request.Request(url, None, {{'Authorization': token}})\n"
        "    return urllib.request.urlopen(url)\n"
    )
    fixed = template.format(url="f'https://huggingface.co/api/models/{model_id}'")
    outside = template.format(url="endpoint + model_id")
    severities = {
        name: [severity for rule, _, severity in graded(scan_code(tmp_path, source, name)) if rule == "B310"]
        for name, source in (("fixed.py", fixed), ("outside.py", outside))
    }
    assert severities == {"fixed.py": ["low"], "outside.py": ["medium"]}


def test_a_request_sent_elsewhere_after_it_is_built_is_not_judged_by_its_first_url(tmp_path: Path) -> None:
    """`req = Request(FIXED)` then `req.full_url = request.args["url"]` (or `req.set_proxy(...)`)
    fetches what the web request names: the fixed URL it was built with no longer says where it
    goes. Look-alike: reading `req.full_url` (a log line) leaves it judged by its fixed URL."""
    template = (
        "import urllib.request\n"
        "from flask import request\n"
        "def proxy():\n"
        "    req = urllib.request.Request('https://api.example.com/v1/items')\n"
        "    {change}\n"
        "    return urllib.request.urlopen(req).read()\n"
    )
    cases = {
        "retarget.py": ("req.full_url = request.args['url']", "medium"),
        "proxy.py": ("req.set_proxy(request.args['host'], 'https')", "medium"),
        "alias.py": ("other = req; other.full_url = request.args['url']", "medium"),
        "setattr.py": ("setattr(req, 'full_url', request.args['url'])", "medium"),
        "getattr.py": ("getattr(req, 'set_proxy')(request.args['host'], 'https')", "medium"),
        "bound.py": ("send = req.set_proxy; send(request.args['host'], 'https')", "medium"),
        "read.py": ("print(req.full_url)", "low"),
        "fixed.py": ("req.full_url = 'https://api.example.com/v2/items'", "low"),
        "other_attribute.py": ("setattr(req, 'timeout', request.args['t'])", "low"),
    }
    for name, (change, expected) in cases.items():
        findings = graded(scan_code(tmp_path, template.format(change=change), name))
        found = [severity for rule, _, severity in findings if rule == "B310"]
        assert found == [expected], (name, found)


def test_a_retarget_in_another_function_is_another_requests(tmp_path: Path) -> None:
    """Found by the stop's review: `req.full_url = request.args[...]` in one function does not
    make another function's fixed `req` medium; the same retarget in its own function does."""
    source = (
        "import urllib.request\n"
        "from flask import request\n"
        "def proxy():\n"
        "    req = urllib.request.Request('https://api.example.com/v1')\n"
        "    req.full_url = request.args['url']\n"
        "    return urllib.request.urlopen(req).read()\n"
        "def health():\n"
        "    req = urllib.request.Request('https://status.example.com/health')\n"
        "    return urllib.request.urlopen(req).read()\n"
    )
    found = [(line, sev) for rule, line, sev in graded(scan_code(tmp_path, source, "two.py")) if rule == "B310"]
    assert found == [(6, "medium"), (9, "low")]


def test_following_a_urls_names_is_bounded(tmp_path: Path) -> None:
    # 7 names, each bound 12 times to the next: 12**7 paths if every value were followed.
    lines = ["import urllib.request", "a7 = 'https://models.example.com/'"]
    for level in range(6, -1, -1):
        lines += [f"a{level} = a{level + 1}" for _ in range(12)]
    lines += ["def f(event):", "    urllib.request.urlopen(a0 + event.body['p'])"]
    source = "\n".join(lines) + "\n"
    b310 = [severity for rule, _, severity in graded(scan_code(tmp_path, source)) if rule == "B310"]
    assert b310 in ([], ["low"], ["medium"])


def test_an_unpinned_download_that_mls307_reports_is_not_reported_twice(tmp_path: Path) -> None:
    source = (
        "from transformers import AutoModel\n"
        "class Handler:\n"
        "    def __init__(self):\n"
        "        self.trust_remote_code = True\n"
        "    def load(self, model_id):\n"
        "        return AutoModel.from_pretrained(model_id, trust_remote_code=self.trust_remote_code)\n"
    )
    found = graded(scan_code(tmp_path, source))
    assert ("MLS307", 6, "high") in found and ("B615", 6, "low") in found


def test_a_hub_load_of_local_files_only_downloads_nothing(tmp_path: Path) -> None:
    source = (
        "from transformers import AutoModel\n"
        "a = AutoModel.from_pretrained(path, local_files_only=True, trust_remote_code=args.trust)\n"
        "b = AutoModel.from_pretrained(args.model, trust_remote_code=args.trust)\n"
        "c = AutoModel.from_pretrained('org/m', local_files_only=flag)\n"
    )
    found = sorted((f.rule_id, f.line, f.severity.value) for f in scan_code(tmp_path, source) if f.rule_id == "B615")
    assert found == [("B615", 3, "medium"), ("B615", 4, "low")]


def test_sql_taking_parameters_declared_numbers_or_dates_is_low_and_text_parameters_keep_bandits_severity(
    tmp_path: Path,
) -> None:
    source = (
        "from datetime import datetime\n"
        "from typing import Optional\n"
        "def window(conn, table, start: datetime, end: 'Optional[datetime]', limit: int | None):\n"
        "    end_str = end.strftime('%Y-%m-%d')\n"
        "    return conn.execute(f\"SELECT * FROM {table} WHERE ts BETWEEN '{start}' AND '{end_str}' LIMIT {limit}\")\n"
        "def window_text(conn, table, start: str, end: 'Optional[str]'):\n"
        "    return conn.execute(f\"SELECT * FROM {table} WHERE ts BETWEEN '{start}' AND '{end}'\")\n"
        "def rows(conn, keys):\n"
        "    placeholders = ','.join('?' * len(keys))\n"
        "    return conn.execute(f'SELECT * FROM t WHERE k IN ({placeholders})', keys)\n"
        "def rows_text(conn, keys):\n"
        "    listed = ','.join(keys)\n"
        "    return conn.execute(f'SELECT * FROM t WHERE k IN ({listed})')\n"
    )
    assert graded(scan_code(tmp_path, source, "store.py")) == [
        ("B608", 5, "low"),  # a datetime, an optional datetime, an int: no quote to close
        ("B608", 7, "medium"),  # declared text: the caller's value goes into the query
        ("B608", 10, "low"),  # only '?' placeholders, counted from the keys
        ("B608", 13, "medium"),  # the keys themselves
    ]


def test_remote_code_loads_that_download_nothing_or_run_no_code_by_default_are_low(tmp_path: Path) -> None:
    source = (
        "from transformers import AutoModel\n"
        "def local(path, trust_remote_code: bool = False, local_files_only: bool = True):\n"
        "    return AutoModel.from_pretrained(\n"
        "        path, trust_remote_code=trust_remote_code, local_files_only=local_files_only)\n"
        "def remote(name, trust_remote_code=False):\n"
        "    return AutoModel.from_pretrained(name, trust_remote_code=trust_remote_code)\n"
        "def switched(path, trust_remote_code, local_files_only=True):\n"
        "    if path.startswith('hub:'):\n"
        "        local_files_only = False\n"
        "    return AutoModel.from_pretrained(\n"
        "        path, trust_remote_code=trust_remote_code, local_files_only=local_files_only)\n"
        "def critic(path):\n"
        "    trust_remote_code = False\n"
        "    return AutoModel.from_pretrained(path, trust_remote_code=trust_remote_code)\n"
        "def actor(path, config):\n"
        "    trust_remote_code = config.trust_remote_code\n"
        "    return AutoModel.from_pretrained(path, trust_remote_code=trust_remote_code)\n"
        "@app.post('/load')\n"
        "def route(name: str, trust_remote_code: bool = False):\n"
        "    return AutoModel.from_pretrained(name, trust_remote_code=trust_remote_code)\n"
        "def required(name, trust_remote_code):\n"
        "    return AutoModel.from_pretrained(name, trust_remote_code=trust_remote_code)\n"
    )
    found = [f for f in graded(scan_code(tmp_path, source, "loaders.py")) if f[0] == "B615"]
    assert found == [
        ("B615", 3, "low"),  # local files only unless a caller asks otherwise
        ("B615", 6, "medium"),  # a caller turns trust_remote_code on: the latest code runs
        ("B615", 10, "medium"),  # the default is rebound to download
        ("B615", 14, "low"),  # bound only to False: no repository code runs
        ("B615", 17, "medium"),  # from the configuration
        ("B615", 20, "medium"),  # a route: the request decides
        ("B615", 22, "medium"),  # no default: every caller decides, none seen off
    ]


def test_chmod_to_an_executables_mode_is_low_and_to_a_world_writable_one_is_not(tmp_path: Path) -> None:
    source = (
        "import os, stat\nfrom pathlib import Path\n"
        "os.chmod('run.sh', 0o755)\n"
        "os.chmod('shared', 0o775)\n"
        "Path('ro').chmod(0o555)\n"
        "os.chmod('bin', stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)\n"
        "os.chmod('all', 0o777)\n"
        "os.chmod('suid', 0o4755)\n"
        "os.chmod('x', mode)\n"
    )
    found = [f for f in graded(scan_code(tmp_path, source, "setup_env.py")) if f[0] == "B103"]
    assert found == [
        ("B103", 3, "low"),
        ("B103", 4, "low"),
        ("B103", 7, "high"),  # every user may write it
        ("B103", 8, "medium"),  # setuid
    ]  # bandit itself reports no Path.chmod, stat flags or modes held in a variable


def test_chmod_modes_are_read_from_constants_and_stat_flags_only() -> None:
    import ast

    from hooks.code.hygiene_context import _mode_value

    def value(text: str) -> int | None:
        return _mode_value(ast.parse(text, mode="eval").body)

    assert value("0o755") == 0o755
    assert value("stat.S_IRWXU | stat.S_IWOTH") == 0o702
    assert value("mode") is None and value("0o755 | extra") is None and value("stat.S_IMODE") is None


def test_sql_through_decoders_other_languages_escaping_or_a_routes_annotation_keeps_bandits_severity(
    tmp_path: Path,
) -> None:
    source = (
        "import re, shlex\nfrom urllib.parse import unquote\n"
        "def a(conn, term):\n    return conn.execute(f\"SELECT * FROM t WHERE n = '{unquote(term)}'\")\n"
        "def b(conn, term):\n    return conn.execute(f\"SELECT * FROM t WHERE n REGEXP '{re.escape(term)}'\")\n"
        "def c(conn, term):\n    return conn.execute(f\"SELECT * FROM t WHERE n = '{shlex.quote(term)}'\")\n"
        "def d(conn, fmt):\n    return conn.execute(f\"SELECT * FROM t WHERE d = '{now.strftime(fmt)}'\")\n"
        "@app.route('/users/<user_id>')\n"
        "def e(user_id: int):\n    return conn.execute(f'SELECT * FROM users WHERE id = {user_id}')\n"
        'def f(conn, term):\n    return conn.execute(f"SELECT * FROM t WHERE n = {_sql_literal(term)}")\n'
    )
    found = [
        (line, severity) for rule, line, severity in graded(scan_code(tmp_path, source, "db.py")) if rule == "B608"
    ]
    assert found == [(4, "medium"), (6, "medium"), (8, "medium"), (10, "medium"), (13, "medium"), (15, "low")]


def test_sql_taint_follows_every_binding_and_frameworks_handed_a_function_without_a_decorator(
    tmp_path: Path,
) -> None:
    source = (
        "def a(conn, name):\n    term: str = name.strip()\n"
        "    return conn.execute(f\"SELECT * FROM t WHERE n = '{term}'\")\n"
        "def b(conn, name):\n    if (term := name.strip()):\n"
        "        return conn.execute(f\"SELECT * FROM t WHERE n = '{term}'\")\n"
        "def c(conn, names):\n    for n in names:\n"
        "        conn.execute(f\"SELECT * FROM t WHERE n = '{n}'\")\n"
        "def d(user_id: int):\n    return conn.execute(f'SELECT * FROM users WHERE id = {user_id}')\n"
        "app.add_url_rule('/users/<user_id>', view_func=d)\n"
        "def e(conn, name):\n    return conn.execute(f\"SELECT * FROM t WHERE n = '{dequote_sql(name)}'\")\n"
        "def f(conn, name):\n    return conn.execute(f\"SELECT * FROM t WHERE n = '{literal(name)}'\")\n"
    )
    found = [(line, grade) for rule, line, grade in graded(scan_code(tmp_path, source, "db.py")) if rule == "B608"]
    assert {grade for _, grade in found} == {"medium"} and len(found) == 6


def test_flask_debugger_on_loopback_is_low_and_on_the_network_blocks(tmp_path: Path) -> None:
    """Werkzeug's debugger runs code for whoever reaches it: on 0.0.0.0 or a host from a variable
    B201 keeps bandit's severity; with an explicit loopback host it is low, and so with no host for
    a Flask app whose config nothing can have given a SERVER_NAME (run() then binds 127.0.0.1)."""
    source = (
        "from flask import Flask\napp = Flask(__name__)\nHOST = '0.0.0.0'\n"
        "app.run(debug=True)\n"
        "app.run(host='127.0.0.1', port=5000, debug=True)\n"
        "app.run(host='0.0.0.0', debug=True)\n"
        "app.run(host=HOST, debug=True)\n"
        "app.run(debug=True, **options)\n"
    )
    found = [
        (line, severity) for rule, line, severity in graded(scan_code(tmp_path, source, "app.py")) if rule == "B201"
    ]
    assert found == [(4, "low"), (5, "low"), (6, "high"), (7, "high"), (8, "high")]


@pytest.mark.parametrize(
    "source",
    [
        # Dash reads HOST from the environment when no host is given.
        "import dash\nimport flask\napp = dash.Dash(__name__, server=flask.Flask(__name__))\napp.run(debug=True)\n",
        # SERVER_NAME from the environment, a file or a mapping: Flask's run() binds its host.
        "from flask import Flask\napp = Flask(__name__)\napp.config.from_prefixed_env()\napp.run(debug=True)\n",
        "from flask import Flask\napp = Flask(__name__)\napp.config[k] = v\napp.run(debug=True)\n",
        "from flask import Flask\napp = Flask(__name__)\napp.config.update(SERVER_NAME=n)\napp.run(debug=True)\n",
        # An app passed in, or a name bound to something else as well: not surely Flask.
        "import flask\ndef serve(app):\n    app.run(debug=True)\n",
        "from flask import Flask\napp = Flask(__name__)\nif x:\n    app = make()\napp.run(debug=True)\n",
        # Found by red-teaming: config changed without the text SERVER_NAME, or the app handed on.
        "from flask import Flask\napp = Flask(__name__)\ndict.update(app.config, **o)\napp.run(debug=True)\n",
        "from flask import Flask\nFlask.default_config = d\napp = Flask(__name__)\napp.run(debug=True)\n",
        "from flask import Flask\napp = Flask(__name__)\nc = app.config\nc.from_pyfile('d.cfg')\napp.run(debug=True)\n",
        "from flask import Flask\nfrom s import init_app\napp = Flask(__name__)\ninit_app(app)\napp.run(debug=True)\n",
        "from flask import Flask\napp = Flask(__name__)\nrun_with_ngrok(app)\napp.run(debug=True)\n",
        # A blueprint's callbacks receive the app; other attributes, side doors, another Flask.
        "from flask import Flask\nfrom v import bp\napp = Flask(__name__)\napp.register_blueprint(bp)\n"
        "app.run(debug=True)\n",
        "from flask import Flask\napp = Flask(__name__)\napp.wsgi_app = wrap(app.wsgi_app)\napp.run(debug=True)\n",
        "from flask import Flask\napp = Flask(__name__)\nglobals()['app'] = other\napp.run(debug=True)\n",
        "from flask import Flask\nfrom settings import *\napp = Flask(__name__)\napp.run(debug=True)\n",
        "import flask\nfrom quart import Quart as Flask\napp = Flask(__name__)\napp.run(debug=True)\n",
        "from flask import Flask\napp = Flask(__name__)\nsettings = {'SERVER_NAME': 'x:80'}\napp.run(debug=True)\n",
        # Stop 78's red team: the class name bound again, where a subclass's default_config may
        # hold a SERVER_NAME: a class of the same name, a fallback import, an assignment.
        "from flask import Flask\nclass Flask(Flask):\n    pass\napp = Flask(__name__)\napp.run(debug=True)\n",
        "try:\n    from web.app import Flask\nexcept ImportError:\n    from flask import Flask\n"
        "app = Flask(__name__)\napp.run(debug=True)\n",
        "from flask import Flask\nFlask = web.flask_class()\napp = Flask(__name__)\napp.run(debug=True)\n",
        "import flask\nflask = web\napp = flask.Flask(__name__)\napp.run(debug=True)\n",
        # Its second pass: the app handed to code that reaches its config through current_app,
        # another app under the same name (a parameter, a local import, a match capture), and
        # another class set as flask.Flask.
        "from flask import Flask\nfrom s import load\napp = Flask(__name__)\nwith app.app_context():\n    load()\n"
        "app.run(debug=True)\n",
        "from flask import Flask\napp = Flask(__name__)\ndef main(app=make()):\n    app.run(debug=True)\n",
        "from flask import Flask\napp = Flask(__name__)\ndef main():\n    from web import app\n"
        "    app.run(debug=True)\n",
        "from flask import Flask\napp = Flask(__name__)\nmatch make():\n    case app:\n        app.run(debug=True)\n",
        "import flask\nfrom web import Flask as F\nflask.Flask = F\napp = flask.Flask(__name__)\napp.run(debug=True)\n",
        # Its third pass: the class changed for every app (its config class, its run method).
        "from flask import Flask\nFlask.config_class = FileConfig\napp = Flask(__name__)\napp.run(debug=True)\n",
        "from flask import Flask\nFlask.run = partialmethod(Flask.run, host='0.0.0.0')\napp = Flask(__name__)\n"
        "app.run(debug=True)\n",
        "import flask\nclass C(flask.Config):\n    pass\napp = flask.Flask(__name__)\napp.run(debug=True)\n",
        # Its fourth pass: the class changed through the package's path.
        "import flask.app\nfrom flask import Flask\nflask.app.Flask.run = partialmethod(flask.app.Flask.run, host=h)\n"
        "app = Flask(__name__)\napp.run(debug=True)\n",
        # Its fifth pass: any imported module patched (werkzeug's server, flask through sys.modules,
        # importlib or getattr).
        "import werkzeug.serving\nfrom flask import Flask\nwerkzeug.serving.run_simple = wrap\napp = Flask(__name__)\n"
        "app.run(debug=True)\n",
        "import sys\nfrom flask import Flask\nsys.modules['flask'].Flask.run = r\napp = Flask(__name__)\n"
        "app.run(debug=True)\n",
        "import importlib\nfrom flask import Flask\nimportlib.import_module('flask').Flask.run = r\n"
        "app = Flask(__name__)\napp.run(debug=True)\n",
        "import flask\nfrom flask import Flask\nd = getattr(flask.Flask, 'default_config')\napp = Flask(__name__)\n"
        "app.run(debug=True)\n",
        # Its sixth pass: the app's run replaced, a module patched through a parameter, a patch by name.
        "from flask import Flask\napp = Flask(__name__)\napp.run = partial(app.run, host=h)\napp.run(debug=True)\n",
        "from flask import Flask\ndef patch(m):\n    m.run_simple = wrap\napp = Flask(__name__)\napp.run(debug=True)\n",
        "from flask import Flask\nfrom unittest import mock\nmock.patch('werkzeug.serving.run_simple', w).start()\n"
        "app = Flask(__name__)\napp.run(debug=True)\n",
        # Its seventh pass: a patch through self's attribute, patch.object, a module's __dict__.
        "from flask import Flask\nclass P:\n    def install(self):\n        self.serving.run_simple = self.run\n"
        "app = Flask(__name__)\napp.run(debug=True)\n",
        "from flask import Flask\nfrom unittest.mock import patch\nwith patch.object(s, 'run_simple', w):\n"
        "    app = Flask(__name__)\n    app.run(debug=True)\n",
        "import werkzeug.serving\nfrom flask import Flask\nwerkzeug.serving.__dict__.update(run_simple=w)\n"
        "app = Flask(__name__)\napp.run(debug=True)\n",
        # Its eighth pass: mock under another name, __globals__, __setattr__, a parameter named self.
        "from flask import Flask\nfrom unittest import mock as um\num.patch.object(s, 'run_simple', w).start()\n"
        "app = Flask(__name__)\napp.run(debug=True)\n",
        "from flask import Flask\nfrom werkzeug.serving import run_simple\nrun_simple.__globals__['run_simple'] = w\n"
        "app = Flask(__name__)\napp.run(debug=True)\n",
        "import werkzeug.serving\nfrom flask import Flask\nwerkzeug.serving.__setattr__('run_simple', w)\n"
        "app = Flask(__name__)\napp.run(debug=True)\n",
        "import werkzeug.serving\nfrom flask import Flask\ndef p(self):\n    self.run_simple = w\n"
        "p(werkzeug.serving)\napp = Flask(__name__)\napp.run(debug=True)\n",
    ],
)
def test_no_host_blocks(tmp_path: Path, source: str) -> None:
    found = [severity for rule, _, severity in graded(scan_code(tmp_path, source, "app.py")) if rule == "B201"]
    assert found == ["high"]


def test_a_routing_only_flask_app_without_a_host_is_low(tmp_path: Path) -> None:
    source = (
        "import flask\napp = flask.Flask(__name__)\napp.secret_key = 'dev'\n"
        "@app.route('/')\ndef index():\n    return 'hi'\n"
        "@app.errorhandler(404)\ndef missing(e):\n    return 'no', 404\n"
        "if __name__ == '__main__':\n    app.run(port=5001, debug=True)\n"
    )
    found = [f for f in scan_code(tmp_path, source, "app.py") if f.rule_id == "B201"]
    assert [f.severity.value for f in found] == ["low"]
    assert "127.0.0.1" in found[0].message


def test_a_positional_loopback_host_and_port(tmp_path: Path) -> None:
    source = "from flask import Flask\napp = Flask(__name__)\napp.run('localhost', 8080, debug=True)\n"
    found = [severity for rule, _, severity in graded(scan_code(tmp_path, source, "app.py")) if rule == "B201"]
    assert found == ["low"]
    anywhere = "from flask import Flask\napp = Flask(__name__)\napp.run('0.0.0.0', 8080, debug=True)\n"
    assert [s for r, _, s in graded(scan_code(tmp_path, anywhere, "app.py")) if r == "B201"] == ["high"]


def test_gradio_debug_is_not_a_debugger(tmp_path: Path) -> None:
    """Gradio's `launch(debug=True)` only blocks the main thread: on 0.0.0.0 it is the plain B104
    (low); `share=True` still publishes it, and Flask's `run(debug=True)` is the debugger."""
    source = (
        "import gradio as gr\ndemo = gr.Blocks()\n"
        "demo.launch(server_name='0.0.0.0', debug=True)\n"
        "demo.launch(server_name='0.0.0.0', share=True)\n"
        "app.run(host='0.0.0.0', debug=True)\n"
    )
    found = [
        (line, severity) for rule, line, severity in graded(scan_code(tmp_path, source, "ui.py")) if rule == "B104"
    ]
    assert found == [(3, "low"), (4, "medium"), (5, "medium")]


def test_a_query_a_test_compares_is_not_sent(tmp_path: Path) -> None:
    """`assert build(x) == f"DELETE FROM ... '{x}'"` compares text; the same text executed blocks."""
    text = (
        "def test_delete(schema, table, values):\n"
        "    assert schema.delete_query(table, values) == (\n"
        "        f\"DELETE FROM db.{table} WHERE tag LIKE '{values['tag']}';\"\n"
        "    )\n"
        "def delete(db, table, values):\n"
        "    return db.execute(f\"DELETE FROM db.{table} WHERE tag LIKE '{values['tag']}';\")\n"
    )
    # Named `schema_q.py`: in a test module every query is the tests' own (tests/code/test_tests_context.py).
    assert graded(scan_code(tmp_path, text, "schema_q.py")) == [("B608", 3, "low"), ("B608", 6, "medium")]
    named = (
        "def test_select(schema, table, start):\n"
        "    expected = f\"SELECT * FROM db.{table} WHERE ts >= '{start}';\"\n"
        "    assert schema.select_query(table, start) == expected\n"
        "def select(db, table, start):\n"
        "    query = f\"SELECT * FROM db.{table} WHERE ts >= '{start}';\"\n"
        "    assert query\n"
        "    return db.execute(query)\n"
    )
    assert graded(scan_code(tmp_path, named, "schema_s.py")) == [("B608", 2, "low"), ("B608", 5, "medium")]


def test_an_unpinned_configuration_class_with_a_forwarded_flag_stays_low(tmp_path: Path) -> None:
    """The flag does nothing on GenerationConfig, so B615 stays hygiene; AutoTokenizer keeps it."""
    text = (
        "from transformers import AutoTokenizer, GenerationConfig\n"
        "def load(path, trust_remote_code):\n"
        "    g = GenerationConfig.from_pretrained(path, trust_remote_code=trust_remote_code)\n"
        "    t = AutoTokenizer.from_pretrained(path, trust_remote_code=trust_remote_code)\n"
        "    return g, t\n"
    )
    found = [(f.line, f.severity.value) for f in scan_code(tmp_path, text, "lib.py") if f.rule_id == "B615"]
    assert found == [(3, "low"), (4, "medium")]


def test_an_auto_class_imported_under_a_config_name_keeps_b615(tmp_path: Path) -> None:
    text = (
        "from transformers import AutoModelForCausalLM as LMConfig\n"
        "def load(path, trust):\n"
        "    return LMConfig.from_pretrained(path, trust_remote_code=trust)\n"
    )
    assert [(f.line, f.severity.value) for f in scan_code(tmp_path, text, "lib.py") if f.rule_id == "B615"] == [
        (3, "medium")
    ]


def test_a_global_query_only_compared_here_may_run_elsewhere(tmp_path: Path) -> None:
    text = (
        "QUERY = ''\n"
        "def build(user_id):\n"
        "    global QUERY\n"
        "    QUERY = f\"SELECT * FROM users WHERE id = '{user_id}'\"\n"
        "    return QUERY != ''\n"
        "def run(cur):\n"
        "    return cur.execute(QUERY)\n"
    )
    assert [(f.line, f.severity.value) for f in scan_code(tmp_path, text, "q.py") if f.rule_id == "B608"] == [
        (4, "medium")
    ]


def test_an_import_of_the_crypto_package_is_hygiene_and_strict_restores_it(tmp_path: Path) -> None:
    # pycryptodome installs the same `Crypto` package pycrypto did: the import names no library.
    source = "from Crypto.Cipher import AES\nfrom Crypto.PublicKey import RSA\n"
    assert {s for r, _, s in graded(scan_code(tmp_path, source, "sign.py")) if r == "B413"} == {"low"}
    strict = Policy(root=tmp_path, profile="strict")
    assert {s for r, _, s in graded(scan_code(tmp_path, source, "sign.py", strict)) if r == "B413"} == {"high"}
    # An import of the look-alike `Cryptodome` namespace (pycryptodomex) is no finding at all.
    assert [r for r, _, _ in graded(scan_code(tmp_path, "from Cryptodome.Cipher import AES\n"))] == []


TEST_QUERY = (
    "import pytest\n"
    "@pytest.mark.parametrize('table', ['t1', 't2'])\n"
    "def test_rows(conn, table):\n"
    "    conn.execute(f\"SELECT * FROM rows WHERE name = '{table}'\")\n"
)


def test_sql_built_from_a_tests_own_parameters_is_low(tmp_path: Path) -> None:
    """In the project's tests a function's parameters are its fixtures and cases."""
    (tmp_path / "tests").mkdir()
    assert graded(scan_code(tmp_path, TEST_QUERY, "tests/test_rows.py")) == [("B608", 4, "low")]


def test_the_same_query_outside_the_tests_or_in_a_test_that_serves_keeps_bandits_severity(tmp_path: Path) -> None:
    """Named like a test is not enough: a module that also serves requests or reads a command line
    takes outside input wherever it sits, and the same function in the code keeps blocking."""
    (tmp_path / "tests").mkdir()
    assert graded(scan_code(tmp_path, TEST_QUERY, "rows.py")) == [("B608", 4, "medium")]
    served = "from flask import request\n" + TEST_QUERY
    assert graded(scan_code(tmp_path, served, "tests/test_served.py")) == [("B608", 5, "medium")]
    with_arguments = "import argparse\n" + TEST_QUERY
    assert graded(scan_code(tmp_path, with_arguments, "tests/test_cli.py")) == [("B608", 5, "medium")]


def test_strict_profile_keeps_a_tests_query_at_bandits_severity(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    strict = Policy(root=tmp_path, profile="strict")
    assert graded(scan_code(tmp_path, TEST_QUERY, "tests/test_rows.py", strict)) == [("B608", 4, "medium")]


ROUTES = (
    "from flask import Flask, request\n"
    "app = Flask(__name__)\n"
    "@app.route('/search')\n"
    "def search():\n"
    "    q = request.args.get('q')\n"
    "    return db.execute(f\"SELECT * FROM items WHERE name = '{q}'\")\n"
    "@app.route('/login', methods=['POST'])\n"
    "def login():\n"
    "    return db.execute(\"SELECT * FROM users WHERE user = '\" + request.form['user'] + \"'\")\n"
    "@app.route('/count')\n"
    "def count():\n"
    "    table = 'items'\n"
    "    return db.execute(f'SELECT count(*) FROM {table}')\n"
)


def test_request_text_spliced_into_a_query_keeps_bandits_severity(tmp_path: Path) -> None:
    """A route's query built from the request object itself (no parameter carries it); the
    route's own constant table name stays hygiene."""
    assert [(r, line, s) for r, line, s in graded(scan_code(tmp_path, ROUTES, "routes.py")) if r == "B608"] == [
        ("B608", 6, "medium"),
        ("B608", 9, "medium"),
        ("B608", 13, "low"),
    ]


def test_placeholders_counted_from_outside_rows_are_not_outside_text(tmp_path: Path) -> None:
    """`"?" * len(ids)` only counts the rows a query returned; the ids go as bound parameters."""
    source = (
        "def permissions(conn, source):\n"
        "    rows = conn.execute('SELECT * FROM users').fetchall()\n"
        "    ids = [r['id'] for r in rows]\n"
        "    placeholders = ','.join('?' * len(ids))\n"
        "    return conn.execute(f'SELECT * FROM perms WHERE user_id IN ({placeholders})', ids)\n"
        "def names(conn):\n"
        "    rows = conn.execute('SELECT name FROM users').fetchall()\n"
        "    joined = ','.join(r['name'] for r in rows)\n"
        "    return conn.execute(f'SELECT * FROM perms WHERE name IN ({joined})')\n"
    )
    assert graded(scan_code(tmp_path, source, "db.py")) == [("B608", 5, "low"), ("B608", 9, "medium")]


def test_an_apps_top_level_query_of_user_input_keeps_bandits_severity(tmp_path: Path) -> None:
    source = (
        "import streamlit as st\n"
        "name = st.text_input('Name')\n"
        "rows = db.execute(f\"SELECT * FROM people WHERE name = '{name}'\")\n"
        "limit = 10\n"
        "rows = db.execute(f'SELECT * FROM people LIMIT {limit}')\n"
    )
    assert graded(scan_code(tmp_path, source, "app.py")) == [("B608", 3, "medium"), ("B608", 5, "low")]


def test_only_a_module_that_defines_tests_has_fixtures_for_parameters(tmp_path: Path) -> None:
    """A product's module named like a test (`class TestRun` is a model) and a package in a folder
    named `tests` keep bandit's severity; a test module's fixture is hygiene, but text it downloads
    is outside text there too."""
    (tmp_path / "ci").mkdir()
    (tmp_path / "lims" / "tests").mkdir(parents=True)
    (tmp_path / "tests").mkdir()
    model = (
        "from dataclasses import dataclass\n@dataclass\nclass TestRun:\n    branch: str\n"
        "def runs_for(branch):\n    return db.execute(f\"SELECT * FROM runs WHERE branch = '{branch}'\")\n"
    )
    assert graded(scan_code(tmp_path, model, "ci/test_runs.py")) == [("B608", 6, "medium")]
    catalog = "def orders(db, mrn):\n    return db.execute(\"SELECT * FROM o WHERE mrn = '%s'\" % mrn)\n"
    assert graded(scan_code(tmp_path, catalog, "lims/tests/catalog.py")) == [("B608", 2, "medium")]
    conftest = (
        "import pytest\nimport requests\n"
        "def remote_rows(conn):\n"
        "    name = requests.get(URL).text\n"
        "    return conn.execute(f\"SELECT * FROM t WHERE name = '{name}'\")\n"
        "@pytest.fixture\ndef table(conn, name):\n"
        "    return conn.execute(f\"SELECT * FROM t WHERE name = '{name}'\")\n"
        "def udf(inputs):\n"
        "    return f\"SELECT * FROM source WHERE id = '{inputs['id']}'\"\n"
        "def test_udf():\n    assert Transformation(udf=udf).transform({'id': 42})\n"
    )
    assert [f for f in graded(scan_code(tmp_path, conftest, "tests/conftest.py")) if f[0] == "B608"] == [
        ("B608", 5, "medium"),  # a download's text
        ("B608", 8, "low"),  # a fixture
        ("B608", 10, "low"),  # a function the test hands to the code under test, with its own values
    ]
