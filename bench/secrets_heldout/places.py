"""Where credentials live in ML repositories: one renderer per place.

A renderer takes the generator's rng, a file index and the entries to plant (each already
holding its credential type and value) and returns the file's relative path and text, having
set each entry's line (and for notebooks cell/output/raw line). `accepts` says which credential
types a place can hold (a CLI login takes only its own provider's token, a URL only a password).
"""

from __future__ import annotations

import base64
import json
import random
from collections.abc import Callable
from dataclasses import dataclass

from bench.secrets_heldout import layout as lay
from bench.secrets_heldout import values as v
from bench.secrets_heldout.layout import Doc, Entry, Notebook
from bench.secrets_heldout.providers import BY_NAME, CredType

Render = Callable[[random.Random, int, list[Entry]], tuple[str, str]]


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # text | notebook
    accepts: Callable[[CredType], bool]
    render: Render
    per_file: int = 5


def _ct(entry: Entry) -> CredType:
    assert entry.ctype is not None
    return BY_NAME[entry.ctype]


def single_line(c: CredType) -> bool:
    return c.name != "pem_private_key"


def plain(c: CredType) -> bool:
    """One line, no escapes, no spaces: fits anywhere a token fits."""
    return c.name not in {"pem_private_key", "gcp_service_account"}


def prefixed_plain(c: CredType) -> bool:
    return c.prefixed and plain(c) and not c.name.startswith(("azure", "jwt"))


def any_type(c: CredType) -> bool:
    return True


def password_only(c: CredType) -> bool:
    return c.name == "generic_password"


def _yaml_scalar(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid YAML double-quoted scalar


MODELS = ["meta-llama/Meta-Llama-3-8B", "mistralai/Mistral-7B-v0.1", "bert-base-uncased", "openai/whisper-small"]


# --- Python -----------------------------------------------------------------------------
def _py_header(doc: Doc, rng: random.Random, index: int) -> None:
    doc.add(
        f'"""Experiment {index}: fine-tune and evaluate."""', "import os", "", f'MODEL_ID = "{rng.choice(MODELS)}"', ""
    )


def _py_footer(doc: Doc) -> None:
    doc.add(
        "",
        "",
        "def main() -> None:",
        '    print("training", MODEL_ID)',
        "",
        "",
        'if __name__ == "__main__":',
        "    main()",
    )


def render_py_assign(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    _py_header(doc, rng, index)
    for e in entries:
        c = _ct(e)
        if "\n" in e.value:
            e.line, e.end_line = doc.add(f'{c.env} = """{e.value}"""')
        else:
            e.line, e.end_line = doc.add(f'{c.env} = "{e.value}"')
        doc.add(f"# {rng.choice(['set up the client', 'used by the trainer', 'see README'])}")
    _py_footer(doc)
    return f"src/settings_{index:03d}.py", doc.text()


def render_py_kwarg(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    _py_header(doc, rng, index)
    for n, e in enumerate(entries):
        e.line, e.end_line = doc.add(f"client_{n} = {_ct(e).call.format(v=e.value)}")
    _py_footer(doc)
    return f"src/clients_{index:03d}.py", doc.text()


def render_py_dict(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    _py_header(doc, rng, index)
    doc.add("CONFIG = {", '    "model": MODEL_ID,')
    for e in entries:
        c = _ct(e)
        doc.add(f'    "{c.name}": {{')
        e.line, e.end_line = doc.add(f'        "{c.key}": "{e.value}",')
        doc.add('        "timeout": 30,', "    },")
    doc.add("}")
    _py_footer(doc)
    return f"configs/config_{index:03d}.py", doc.text()


def render_py_env_default(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    _py_header(doc, rng, index)
    for e in entries:
        c = _ct(e)
        form = rng.choice(
            [
                f'{c.env.lower()} = os.getenv("{c.env}", "{e.value}")',
                f'os.environ.setdefault("{c.env}", "{e.value}")',
                f'{c.env.lower()} = os.environ.get("{c.env}", default="{e.value}")',
            ]
        )
        e.line, e.end_line = doc.add(form)
    _py_footer(doc)
    return f"src/env_{index:03d}.py", doc.text()


def render_py_split(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    _py_header(doc, rng, index)
    for e in entries:
        c = _ct(e)
        cut1 = rng.randint(3, max(4, len(e.value) // 2))
        cut2 = rng.randint(cut1 + 1, len(e.value) - 1)
        a, b, rest = e.value[:cut1], e.value[cut1:cut2], e.value[cut2:]
        style = rng.choice(["implicit", "plus", "multiline"])
        if style == "implicit":
            e.line, e.end_line = doc.add(f'{c.env} = "{a}" "{b}" "{rest}"')
        elif style == "plus":
            e.line, e.end_line = doc.add(f'{c.env} = "{a}" + "{b}" + "{rest}"')
        else:
            e.line, e.end_line = doc.add(f"{c.env} = (", f'    "{a}"', f'    "{b}"', f'    "{rest}"', ")")
        e.also = [a, b, rest]
    _py_footer(doc)
    return f"src/split_{index:03d}.py", doc.text()


def render_py_fstring(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    _py_header(doc, rng, index)
    doc.add("import requests", "", "", "def call(run_id: str, payload: dict) -> None:")
    for e in entries:
        if e.value.startswith("https://"):
            e.line, e.end_line = doc.add(f'    requests.post(f"{e.value}&run={{run_id}}", json=payload, timeout=10)')
        else:
            e.line, e.end_line = doc.add(
                f'    headers = {{"Authorization": f"Bearer {e.value}", "X-Run": f"{{run_id}}"}}'
            )
            doc.add('    requests.get("https://api.example.org/v1/models", headers=headers, timeout=10)')
    return f"src/calls_{index:03d}.py", doc.text()


# --- config files -------------------------------------------------------------------------
def render_dotenv(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    doc.add("# local settings", f"MODEL_ID={rng.choice(MODELS)}", "BATCH_SIZE=16")
    for e in entries:
        c = _ct(e)
        style = rng.choice(["bare", "dq", "export", "sq"])
        if style == "bare" and not any(ch in e.value for ch in "#$ ;&()"):
            e.line, e.end_line = doc.add(f"{c.env}={e.value}")
        elif style == "export":
            e.line, e.end_line = doc.add(f'export {c.env}="{e.value}"')
        elif style == "sq":
            e.line, e.end_line = doc.add(f"{c.env}='{e.value}'")
        else:
            e.line, e.end_line = doc.add(f'{c.env}="{e.value}"')
    name = ".env" if index == 0 else f"envs/{rng.choice(['dev', 'prod', 'staging', 'local'])}{index}.env"
    return name, doc.text()


def render_yaml(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    doc.add("experiment:", f"  name: run-{index}", f"  model: {rng.choice(MODELS)}", "  epochs: 3", "providers:")
    for e in entries:
        c = _ct(e)
        doc.add(f"  {c.name}:")
        if "\n" in e.value:
            first, _ = doc.add(f"    {c.key}: |")
            _, last = doc.add(*("      " + line for line in e.value.split("\n")))
            e.line, e.end_line = first, last
        else:
            e.line, e.end_line = doc.add(f"    {c.key}: {_yaml_scalar(e.value)}")
        doc.add("    timeout: 30")
    return f"configs/train_{index:03d}.yaml", doc.text()


def render_json(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    doc.add("{", f'  "model_name_or_path": "{rng.choice(MODELS)}",', '  "learning_rate": 2e-05,', '  "services": {')
    for n, e in enumerate(entries):
        c = _ct(e)
        doc.add(f'    "{c.name}": {{')
        e.line, e.end_line = doc.add(f'      "{c.key}": {json.dumps(e.value)},')
        doc.add('      "enabled": true', "    }" + ("," if n < len(entries) - 1 else ""))
    doc.add("  }", "}")
    return f"configs/services_{index:03d}.json", doc.text()


def render_toml(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    doc.add("[experiment]", f'model = "{rng.choice(MODELS)}"', "seed = 42", "")
    for e in entries:
        c = _ct(e)
        doc.add(f"[services.{c.name}]")
        e.line, e.end_line = doc.add(f"{c.key} = {json.dumps(e.value)}")
        doc.add("retries = 3", "")
    return f"configs/settings_{index:03d}.toml", doc.text()


def render_ini(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    doc.add("[DEFAULT]", "log_level = INFO", "")
    for e in entries:
        c = _ct(e)
        doc.add(f"[{c.name}]")
        e.line, e.end_line = doc.add(f"{c.key} = {e.value}")
        doc.add("verify_ssl = true", "")
    return f"configs/credentials_{index:03d}.ini", doc.text()


def render_hocon(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    """ClearML's clearml.conf (HOCON): generic keys go in api.credentials, others in sdk blocks."""
    doc = Doc()
    doc.add(
        "# ClearML SDK configuration file",
        "api {",
        "    web_server: https://app.clear.ml",
        "    api_server: https://api.clear.ml",
    )
    generic = [e for e in entries if _ct(e).group == "generic"]
    other = [e for e in entries if _ct(e).group != "generic"]
    if generic:
        doc.add("    credentials {")
        access = Entry(
            entries[0].file, "hocon", "optional", value=v.pick(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 30)
        )
        access.line, access.end_line = doc.add(f'        "access_key" = "{access.value}"')
        entries.append(access)
        for e in generic:
            e.line, e.end_line = doc.add(f'        "secret_key" = "{e.value}"')
        doc.add("    }")
    doc.add("}", "sdk {")
    for e in other:
        c = _ct(e)
        doc.add(f"    {c.name} {{")
        e.line, e.end_line = doc.add(f'        {c.key}: "{e.value}"')
        doc.add("    }")
    doc.add("    development {", "        store_uncommitted_code_diff: true", "    }", "}")
    return ("clearml.conf" if index == 0 else f"ops/clearml_{index:03d}.conf"), doc.text()


def dbt_types(c: CredType) -> bool:
    return (c.group == "generic" and plain(c)) or c.name == "databricks"


def render_dbt(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    doc.add("feature_store:", "  target: prod", "  outputs:")
    for n, e in enumerate(entries):
        c = _ct(e)
        if c.name == "databricks":
            doc.add(
                f"    target{n}:",
                "      type: databricks",
                "      host: dbc-1234.cloud.databricks.com",
                "      http_path: /sql/1.0/warehouses/abc",
            )
            e.line, e.end_line = doc.add(f"      token: {_yaml_scalar(e.value)}")
        else:
            doc.add(
                f"    target{n}:", "      type: postgres", "      host: warehouse.internal", "      user: dbt_runner"
            )
            e.line, e.end_line = doc.add(f"      password: {_yaml_scalar(e.value)}")
        doc.add("      schema: analytics", "      threads: 4")
    return ("profiles.yml" if index == 0 else f"dbt/profiles_{index:03d}.yml"), doc.text()


def netrc_ok(c: CredType) -> bool:
    return plain(c) and not c.name.startswith(("slack_webhook", "discord", "teams", "google_chat", "azure"))


HOSTS = {
    "wandb": "api.wandb.ai",
    "huggingface": "huggingface.co",
    "kaggle": "www.kaggle.com",
    "github_pat": "github.com",
}


def render_netrc(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    for e in entries:
        c = _ct(e)
        host = HOSTS.get(c.name, f"api.{c.name.split('_')[0]}.example.com")
        if rng.random() < 0.5:
            e.line, e.end_line = doc.add(f"machine {host} login mlbot password {e.value}")
        else:
            doc.add(f"machine {host}", "  login mlbot")
            e.line, e.end_line = doc.add(f"  password {e.value}")
    return (".netrc" if index == 0 else f"ops/netrc_{index:03d}/.netrc"), doc.text()


def render_k8s_secret(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    doc.add("apiVersion: v1", "kind: Secret", "metadata:", f"  name: trainer-secrets-{index}", "type: Opaque")
    data = [e for e in entries if "\n" not in e.value and rng.random() < 0.6]
    string_data = [e for e in entries if e not in data]
    if data:
        doc.add("data:")
        for e in data:
            encoded = base64.b64encode(e.value.encode()).decode()
            e.also = [encoded]
            e.line, e.end_line = doc.add(f"  {_ct(e).env}: {encoded}")
    if string_data:
        doc.add("stringData:")
        for e in string_data:
            if "\n" in e.value:
                first, _ = doc.add(f"  {_ct(e).env}: |")
                _, last = doc.add(*("    " + line for line in e.value.split("\n")))
                e.line, e.end_line = first, last
            else:
                e.line, e.end_line = doc.add(f"  {_ct(e).env}: {_yaml_scalar(e.value)}")
    return f"deploy/k8s/secret_{index:03d}.yaml", doc.text()


def render_compose(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    doc.add("services:", "  trainer:", f"    image: ghcr.io/acme/trainer:1.{index}", "    environment:")
    list_style = rng.random() < 0.5
    for e in entries:
        c = _ct(e)
        if list_style:
            e.line, e.end_line = doc.add(f"      - {c.env}={e.value}")
        else:
            e.line, e.end_line = doc.add(f"      {c.env}: {_yaml_scalar(e.value)}")
    doc.add("    volumes:", "      - ./data:/data")
    return ("docker-compose.yml" if index == 0 else f"deploy/compose_{index:03d}/docker-compose.yml"), doc.text()


def render_url_db(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    doc.add('"""Database settings."""', "from sqlalchemy import create_engine", "")
    for n, e in enumerate(entries):
        template = rng.choice(
            [
                'engine_{n} = create_engine("postgresql+psycopg2://etl:{v}@db{n}.internal:5432/features")',
                'MONGO_URI_{n} = "mongodb+srv://ml_reader:{v}@cluster{n}.a1b2c.mongodb.net/?retryWrites=true"',
                'DATABASE_URL_{n} = "mysql+pymysql://labeler:{v}@10.0.3.{n}:3306/labels"',
                'FEATURE_STORE_DSN_{n} = "postgresql://feast:{v}@feast-db:5432/feast?sslmode=require"',
            ]
        )
        line = template.format(n=n, v=e.value)
        e.also = [line.split('"')[1]]
        e.line, e.end_line = doc.add(line)
    return f"src/db_{index:03d}.py", doc.text()


def render_url_celery(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    doc.add('"""Celery workers for batch inference."""', "")
    for e in entries:
        template = rng.choice(
            [
                'broker_url = "amqp://mlworker:{v}@rabbitmq:5672/inference"',
                'result_backend = "redis://:{v}@redis-master:6379/1"',
                'CELERY_BROKER_URL = "redis://default:{v}@cache.internal:6380/0"',
                'broker_url = "amqps://ml:{v}@b-1234.mq.eu-west-1.amazonaws.com:5671"',
            ]
        )
        line = template.format(v=e.value)
        e.also = [line.split('"')[1]]
        e.line, e.end_line = doc.add(line)
    doc.add("task_serializer = 'json'", "accept_content = ['json']")
    return f"workers/celeryconfig_{index:03d}.py", doc.text()


def render_shell(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    doc.add("#!/usr/bin/env bash", "set -euo pipefail", "")
    for e in entries:
        c = _ct(e)
        if "\n" in e.value:
            doc.add("cat > deploy_key.pem <<'EOF'")
            e.line, e.end_line = doc.add(e.value)
            doc.add("EOF", "chmod 600 deploy_key.pem")
        elif c.name in ("huggingface", "hf_org"):
            e.line, e.end_line = doc.add(f"huggingface-cli login --token {e.value}")
        elif e.value.startswith("https://"):
            e.line, e.end_line = doc.add(
                f"curl -X POST -H 'Content-Type: application/json' -d '{{\"text\":\"done\"}}' '{e.value}'"
            )
        elif rng.random() < 0.5:
            e.line, e.end_line = doc.add(f"export {c.env}='{e.value}'")
        else:
            e.line, e.end_line = doc.add(
                f"curl -sf -H '{c.header.format(v=e.value)}' https://api.example.org/v1/status"
            )
    doc.add("python -m train --config configs/train.yaml")
    return f"scripts/run_{index:03d}.sh", doc.text()


def render_dockerfile(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    doc.add("FROM python:3.11-slim", "WORKDIR /app", "COPY requirements.txt .", "RUN pip install -r requirements.txt")
    for e in entries:
        c = _ct(e)
        kind = rng.choice(["ENV", "ARG", "ENVSP"])
        if kind == "ENVSP":
            e.line, e.end_line = doc.add(f'ENV {c.env} "{e.value}"')
        else:
            e.line, e.end_line = doc.add(f"{kind} {c.env}={e.value}")
    doc.add("COPY . .", 'CMD ["python", "serve.py"]')
    return ("Dockerfile" if index == 0 else f"docker/{index:03d}/Dockerfile"), doc.text()


def render_markdown(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    doc = Doc()
    doc.add(f"# Project notes {index}", "", "## Setup", "")
    for e in entries:
        c = _ct(e)
        style = rng.choice(["fence", "table", "inline"]) if "\n" not in e.value else "fence"
        if style == "fence":
            doc.add("```bash")
            e.line, e.end_line = doc.add(f'export {c.env}="{e.value}"' if "\n" not in e.value else e.value)
            doc.add("```", "")
        elif style == "table":
            doc.add("| variable | value |", "|---|---|")
            e.line, e.end_line = doc.add(f"| `{c.env}` | `{e.value}` |")
            doc.add("")
        else:
            e.line, e.end_line = doc.add(f"The team key for {c.name} is `{e.value}` (ask before rotating).")
            doc.add("")
    return f"docs/notes_{index:03d}.md", doc.text()


def render_csv(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    """A committed dataset of GitHub issues: strangers' tokens in the text (reported low at most)."""
    doc = Doc()
    doc.add("id,repo,title,body,label")
    for n in range(rng.randint(3, 6)):
        doc.add(
            f'{1000 + n},acme/lib,"Crash on load","Stack trace attached, happens with model {rng.choice(MODELS)}",bug'
        )
    for n, e in enumerate(entries):
        e.line, e.end_line = doc.add(
            f'{2000 + n},someone/tool,"Auth fails","I set my token to {e.value} and still get 401, any idea?",question'
        )
        doc.add(f'{3000 + n},acme/lib,"Docs typo","Fix the README example",docs')
    return f"data/github_issues_{index:03d}.csv", doc.text()


# --- notebooks ------------------------------------------------------------------------------
def _nb(rng: random.Random) -> Notebook:
    nb = Notebook()
    nb.markdown(f"# Fine-tuning {rng.choice(MODELS)}\n\nRun the cells in order.")
    return nb


def nb_code(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    nb = _nb(rng)
    for e in entries:
        c = _ct(e)
        style = rng.choice(["assign", "environ", "call"])
        if "\n" in e.value:
            src = f'import io\nKEY_PEM = """{e.value}"""\n'
            cell = nb.code(src)
            nb.mark_source(e, cell, 2, 1 + e.value.count("\n") + 1)
            continue
        if style == "assign":
            src, line = f'import os\n{c.env} = "{e.value}"\nprint("configured")', 2
        elif style == "environ":
            src, line = f'import os\n\nos.environ["{c.env}"] = "{e.value}"', 3
        else:
            src, line = f"client = {c.call.format(v=e.value)}\nclient", 1
        nb.mark_source(e, nb.code(src), line)
    return f"notebooks/code_{index:03d}.ipynb", nb.render()


def nb_env_magic(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    nb = _nb(rng)
    for e in list(entries):
        c = _ct(e)
        cell = nb.code(
            f"%env {c.env}={e.value}\n%env MODEL_ID={rng.choice(MODELS)}", [lay.stream(f"env: {c.env}={e.value}\n")]
        )
        nb.mark_source(e, cell, 1)
        echo = Entry(e.file, e.place, "secret", e.ctype, e.group, value=e.value)
        nb.mark_output(echo, cell, 0, 1, ("text", 0))
        entries.append(echo)
    return f"notebooks/env_magic_{index:03d}.ipynb", nb.render()


def nb_writefile_env(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    nb = _nb(rng)
    lines = ["%%writefile .env", f"MODEL_ID={rng.choice(MODELS)}"]
    for e in entries:
        lines.append(f"{_ct(e).env}={e.value}")
        e.line = len(lines)
    cell = nb.code("\n".join(lines), [lay.stream("Writing .env\n")])
    for e in entries:
        assert e.line is not None
        nb.mark_source(e, cell, e.line)
    return f"notebooks/writefile_env_{index:03d}.ipynb", nb.render()


def nb_writefile_yaml(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    nb = _nb(rng)
    lines = ["%%writefile config.yaml", "trainer:", f"  model: {rng.choice(MODELS)}", "services:"]
    for e in entries:
        c = _ct(e)
        lines.append(f"  {c.name}:")
        lines.append(f"    {c.key}: {_yaml_scalar(e.value)}")
        e.line = len(lines)
    cell = nb.code("\n".join(lines), [lay.stream("Writing config.yaml\n")])
    for e in entries:
        assert e.line is not None
        nb.mark_source(e, cell, e.line)
    return f"notebooks/writefile_yaml_{index:03d}.ipynb", nb.render()


CLI_TYPES = {"huggingface", "hf_org", "ngrok", "npm", "wandb", "generic_password", "dockerhub", "kaggle"}


def cli_ok(c: CredType) -> bool:
    return c.name in CLI_TYPES


def nb_shell_cli(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    nb = _nb(rng)
    for e in entries:
        c = _ct(e)
        command = {
            "huggingface": f"!huggingface-cli login --token {e.value} --add-to-git-credential",
            "hf_org": f"!huggingface-cli login --token {e.value}",
            "ngrok": f"!ngrok config add-authtoken {e.value}",
            "npm": f"!npm config set //registry.npmjs.org/:_authToken={e.value}",
            "wandb": f"!wandb login --relogin {e.value}",
            "generic_password": f"!dvc remote modify --local storage password {e.value}",
            "dockerhub": f"!echo {e.value} | docker login -u mlbot --password-stdin",
            "kaggle": f"!kaggle config set -n key -v {e.value}",
        }[c.name]
        cell = nb.code(f"# authenticate\n{command}")
        nb.mark_source(e, cell, 2)
    return f"notebooks/shell_cli_{index:03d}.ipynb", nb.render()


def nb_shell_curl(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    nb = _nb(rng)
    for e in entries:
        c = _ct(e)
        if e.value.startswith("https://"):
            command = f'!curl -s -X POST -d \'{{"text": "training finished"}}\' "{e.value}"'
        else:
            command = f'!curl -s -H "{c.header.format(v=e.value)}" https://api.example.org/v1/models | head'
        nb.mark_source(e, nb.code(command), 1)
    return f"notebooks/shell_curl_{index:03d}.ipynb", nb.render()


def nb_stream_netrc(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    nb = _nb(rng)
    text_lines = []
    for e in entries:
        c = _ct(e)
        text_lines += [
            f"machine {HOSTS.get(c.name, 'api.' + c.name.split('_')[0] + '.example.com')}",
            "  login mlbot",
            f"  password {e.value}",
        ]
        e.line = len(text_lines)
    cell = nb.code("!cat ~/.netrc", [lay.stream("\n".join(text_lines) + "\n")])
    for e in entries:
        assert e.line is not None
        nb.mark_output(e, cell, 0, e.line, ("text", e.line - 1))
    return f"notebooks/netrc_output_{index:03d}.ipynb", nb.render()


def nb_stream_env(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    nb = _nb(rng)
    text_lines = ["HOME=/root", "PATH=/usr/local/bin:/usr/bin", "HF_HOME=/root/.cache/huggingface"]
    for e in entries:
        text_lines.append(f"{_ct(e).env}={e.value}")
        e.line = len(text_lines)
    cell = nb.code("!env | sort", [lay.stream("\n".join(text_lines) + "\n")])
    for e in entries:
        assert e.line is not None
        nb.mark_output(e, cell, 0, e.line, ("text", e.line - 1))
    return f"notebooks/env_output_{index:03d}.ipynb", nb.render()


def nb_execute_result(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    nb = _nb(rng)
    for e in entries:
        c = _ct(e)
        if rng.random() < 0.5:
            cell = nb.code(f'os.environ["{c.env}"]', [lay.result(repr(e.value))])
        else:
            rep = repr({"model": rng.choice(MODELS), c.key: e.value, "batch_size": 16})
            cell = nb.code("config", [lay.result(rep)])
        nb.mark_output(e, cell, 0, 1, ("data", "text/plain", 0))
    return f"notebooks/repr_output_{index:03d}.ipynb", nb.render()


def nb_display_html(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    nb = _nb(rng)
    for e in entries:
        c = _ct(e)
        html = (
            '<table border="1" class="dataframe">\n<thead><tr><th>setting</th><th>value</th></tr></thead>\n<tbody>\n'
            f"<tr><td>model</td><td>{rng.choice(MODELS)}</td></tr>\n"
            f"<tr><td>{c.env}</td><td>{e.value}</td></tr>\n</tbody>\n</table>"
        )
        plain_text = "<IPython.core.display.HTML object>"
        cell = nb.code("display(HTML(settings_table))", [lay.result(plain_text, html, kind="display_data")])
        # mlsec's unit text: text/plain, a newline, then text/html; the secret row is html line 5.
        nb.mark_output(e, cell, 0, 1 + 5, ("data", "text/html", 4))
    return f"notebooks/html_output_{index:03d}.ipynb", nb.render()


def nb_error(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    nb = _nb(rng)
    red, reset = "\x1b[0;31m", "\x1b[0m"
    for e in list(entries):
        c = _ct(e)
        if e.value.startswith("https://"):
            call = f'requests.post("{e.value}", json=msg)'
        else:
            name, template = c.header.split(": ", 1)
            call = f'requests.get(URL, headers={{"{name}": "{template.format(v=e.value)}"}})'
        traceback = [
            f"{red}---------------------------------------------------------------------------{reset}",
            f"{red}HTTPError{reset}                                 Traceback (most recent call last)",
            f"Cell {red}In[4], line 2{reset}\n      1 import requests\n"
            f"{red}----> 2{reset} resp = {call}\n      3 resp.raise_for_status()",
            f"{red}HTTPError{reset}: 401 Client Error: Unauthorized",
        ]
        out = lay.error("HTTPError", "401 Client Error: Unauthorized", traceback)
        cell = nb.code(f"import requests\nresp = {call}\nresp.raise_for_status()", [out])
        nb.mark_source(e, cell, 2)
        echo = Entry(e.file, e.place, "secret", e.ctype, e.group, value=e.value)
        # unit text: "ename: evalue", then the traceback entries joined by newlines (entry 2 has 4 lines).
        nb.mark_output(echo, cell, 0, 1 + 2 + 3, ("traceback", 2))
        entries.append(echo)
    return f"notebooks/traceback_{index:03d}.ipynb", nb.render()


def nb_meta_papermill(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    nb = _nb(rng)
    params: dict[str, object] = {"model_id": rng.choice(MODELS), "epochs": 3}
    keys = []
    for n, e in enumerate(entries):
        key = _ct(e).key if _ct(e).key not in params else f"{_ct(e).key}_{n}"
        params[key] = e.value
        keys.append(key)
    nb.metadata["papermill"] = {
        "default_parameters": {},
        "duration": 812.4,
        "environment_variables": {},
        "input_path": "train.ipynb",
        "output_path": f"runs/train_{index}.ipynb",
        "parameters": params,
        "version": "2.6.0",
    }
    nb.code("model_id = 'bert-base-uncased'\nepochs = 1", tags=["parameters"])
    for e, key in zip(entries, keys, strict=True):
        nb.mark_path(e, "notebook_metadata", ("metadata", "papermill", "parameters", key))
    return f"notebooks/papermill_run_{index:03d}.ipynb", nb.render()


def nb_injected_params(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    nb = _nb(rng)
    nb.code("model_id = 'bert-base-uncased'\napi_key = None", tags=["parameters"])
    lines = ["# Parameters", f'model_id = "{rng.choice(MODELS)}"']
    for e in entries:
        lines.append(f'{_ct(e).key}_{_ct(e).name} = "{e.value}"')
        e.line = len(lines)
    cell = nb.code("\n".join(lines), papermill={"status": "completed"}, tags=["injected-parameters"])
    for e in entries:
        assert e.line is not None
        nb.mark_source(e, cell, e.line)
    return f"notebooks/injected_{index:03d}.ipynb", nb.render()


def nb_widget_state(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    nb = _nb(rng)
    state: dict[str, object] = {}
    ids = []
    for e in entries:
        model_id = v.hexs(rng, 32)
        ids.append(model_id)
        state[model_id] = {
            "model_module": "@jupyter-widgets/controls",
            "model_module_version": "2.0.0",
            "model_name": "PasswordModel",
            "state": {"description": f"{_ct(e).env}:", "layout": f"IPY_MODEL_{v.hexs(rng, 32)}", "value": e.value},
        }
        view = {
            "application/vnd.jupyter.widget-view+json": {"model_id": model_id, "version_major": 2, "version_minor": 0},
            "text/plain": ["Password(description='key')"],
        }
        nb.code(
            f'pw = widgets.Password(description="{_ct(e).env}:")\ndisplay(pw)',
            [{"data": view, "metadata": {}, "output_type": "display_data"}],
        )
    nb.metadata["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {"state": state, "version_major": 2, "version_minor": 0}
    }
    for e, model_id in zip(entries, ids, strict=True):
        nb.mark_path(
            e,
            "notebook_metadata",
            ("metadata", "widgets", "application/vnd.jupyter.widget-state+json", "state", model_id, "state", "value"),
        )
    return f"notebooks/widgets_{index:03d}.ipynb", nb.render()


def nb_attachment(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    nb = _nb(rng)
    png = base64.b64encode(rng.randbytes(300)).decode()
    for e in entries:
        name = f"{e.value}.png"
        cell = nb.markdown(
            "Training curve:\n\n![curve](attachment:curve.png)",
            {"curve.png": {"image/png": png}, name: {"image/png": png}},
        )
        nb.mark_path(e, "attachment", ("cells", cell - 1, "attachments", name), cell=cell)
    return f"notebooks/attachments_{index:03d}.ipynb", nb.render()


def nb_markdown(rng: random.Random, index: int, entries: list[Entry]) -> tuple[str, str]:
    nb = _nb(rng)
    for e in entries:
        c = _ct(e)
        if "\n" in e.value:
            src = "Deploy key:\n\n```\n" + e.value + "\n```"
            nb.mark_source(e, nb.markdown(src), 4, 4 + e.value.count("\n"))
        else:
            nb.mark_source(e, nb.markdown(f"Set the key before running:\n\n```bash\nexport {c.env}={e.value}\n```"), 4)
    return f"notebooks/markdown_{index:03d}.ipynb", nb.render()


def _not_url(c: CredType) -> bool:
    return plain(c) and not c.name.endswith("webhook")


PLACES: tuple[Place, ...] = (
    Place("py_assign", "text", any_type, render_py_assign),
    Place("py_kwarg", "text", any_type, render_py_kwarg),
    Place("py_dict", "text", single_line, render_py_dict),
    Place("py_env_default", "text", plain, render_py_env_default),
    Place("py_split", "text", prefixed_plain, render_py_split),
    Place("py_fstring", "text", plain, render_py_fstring),
    Place("dotenv", "text", plain, render_dotenv),
    Place("yaml", "text", any_type, render_yaml),
    Place("json", "text", single_line, render_json),
    Place("toml", "text", single_line, render_toml),
    Place("ini", "text", plain, render_ini),
    Place("hocon", "text", plain, render_hocon),
    Place("dbt_profiles", "text", dbt_types, render_dbt),
    Place("netrc", "text", netrc_ok, render_netrc),
    Place("k8s_secret", "text", any_type, render_k8s_secret),
    Place("docker_compose", "text", plain, render_compose),
    Place("url_db", "text", password_only, render_url_db),
    Place("url_celery", "text", password_only, render_url_celery),
    Place("shell_script", "text", any_type, render_shell),
    Place("dockerfile", "text", plain, render_dockerfile),
    Place("markdown", "text", any_type, render_markdown),
    Place("nb_code", "notebook", any_type, nb_code),
    Place("nb_env_magic", "notebook", plain, nb_env_magic),
    Place("nb_writefile_env", "notebook", plain, nb_writefile_env),
    Place("nb_writefile_yaml", "notebook", single_line, nb_writefile_yaml),
    Place("nb_shell_cli", "notebook", cli_ok, nb_shell_cli),
    Place("nb_shell_curl", "notebook", plain, nb_shell_curl),
    Place("nb_stream_netrc", "notebook", netrc_ok, nb_stream_netrc),
    Place("nb_stream_env", "notebook", plain, nb_stream_env),
    Place("nb_execute_result", "notebook", single_line, nb_execute_result),
    Place("nb_display_html", "notebook", plain, nb_display_html),
    Place("nb_error", "notebook", _not_url, nb_error),
    Place("nb_meta_papermill", "notebook", single_line, nb_meta_papermill),
    Place("nb_injected_params", "notebook", plain, nb_injected_params),
    Place("nb_widget_state", "notebook", plain, nb_widget_state),
    Place("nb_attachment", "notebook", prefixed_plain, nb_attachment),
    Place("nb_markdown", "notebook", any_type, nb_markdown),
)
THIRD_PARTY_CSV = Place("csv_dataset", "text", prefixed_plain, render_csv, per_file=4)
BY_PLACE = {p.name: p for p in PLACES}

# In both splits: the places every scanner is expected to read already.
CORE_PLACES = frozenset({"py_assign", "dotenv", "yaml", "json", "nb_code", "nb_stream_env"})
