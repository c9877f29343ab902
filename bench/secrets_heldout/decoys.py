"""Decoys: values a scanner must leave silent, by the false-positive families of issue 15.

Each family has variants; a variant is a small realistic snippet of one file kind whose marked
lines hold the look-alike. Which variants are held out is decided by name (README.md).
"""

from __future__ import annotations

import base64
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from bench.secrets_heldout import layout as lay
from bench.secrets_heldout import values as v
from bench.secrets_heldout.layout import Entry, Notebook
from bench.secrets_heldout.providers import held_out_names


@dataclass
class Snippet:
    kind: str  # py yaml k8s md env req csv fasta conf sh ini lock json
    lines: list[str]
    marks: list[tuple[int, int, str]] = field(default_factory=list)  # 0-based first, last line; value


def _one(kind: str, lines: list[str], mark_at: int, value: str, last: int | None = None) -> Snippet:
    return Snippet(kind, lines, [(mark_at, mark_at if last is None else last, value)])


TextVariant = Callable[[random.Random], Snippet]
NbVariant = Callable[[Notebook, random.Random, Callable[[str], Entry]], None]

PEPTIDE = "ACDEFGHIKLMNPQRSTVWY"
JWT_IO = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)
# The anon key the Supabase CLI prints for every local development stack (documented).
SUPABASE_DEMO_ANON = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9."
    "CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0"
)
# Azurite / storage emulator account key, published in Microsoft's docs for every developer.
AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="


def _peptide(rng: random.Random, start: str) -> str:
    return start + v.pick(rng, PEPTIDE, 20 - len(start))


def _png(rng: random.Random, n: int = 3000) -> str:
    return base64.b64encode(b"\x89PNG\r\n\x1a\n" + rng.randbytes(n)).decode()


TEXT_FAMILIES: dict[str, dict[str, TextVariant]] = {
    "identifier": {
        "yaml_camel_value": lambda r: _one(
            "yaml", ["auth:", "  password: passwordFromEnvironment", "  user: svc"], 1, "passwordFromEnvironment"
        ),
        "k8s_automount": lambda r: _one(
            "k8s",
            [
                "spec:",
                "  serviceAccountName: pipeline-runner",
                "  automountServiceAccountToken: false",
                "  containers: []",
            ],
            2,
            "automountServiceAccountToken",
        ),
        "py_identifier_string": lambda r: _one(
            "py",
            ['PASSWORD_FIELD = "passwordConfirmation"', 'TOKEN_CLASS = "PreTrainedTokenizerFast"'],
            0,
            "passwordConfirmation",
            1,
        ),
    },
    "k8s_secret_ref": {
        "volume_secret_name": lambda r: _one(
            "k8s",
            ["volumes:", "  - name: hf-cache", "    secret:", "      secretName: my-secret", "      optional: false"],
            2,
            "my-secret",
            3,
        ),
        "env_secret_key_ref": lambda r: _one(
            "k8s",
            [
                "env:",
                "  - name: DB_PASSWORD",
                "    valueFrom:",
                "      secretKeyRef:",
                "        name: db-credentials",
                "        key: password",
            ],
            1,
            "db-credentials",
            5,
        ),
        "image_pull_secrets": lambda r: _one(
            "k8s", ["imagePullSecrets:", "  - name: regcred-ml-images"], 0, "regcred", 1
        ),
    },
    "yaml_nested_mapping": {
        "api_key_from_env": lambda r: _one(
            "yaml", ["openai:", "  api_key:", "    from_env: OPENAI_API_KEY", "  model: gpt-4o"], 1, "from_env", 2
        ),
        "password_vault_block": lambda r: _one(
            "yaml",
            ["database:", "  password:", "    vault_path: secret/data/ml/db", "    field: password"],
            1,
            "vault_path",
            3,
        ),
        "token_keyring_block": lambda r: _one(
            "yaml", ["hub:", "  token:", "    source: keyring", "    service: huggingface"], 1, "keyring", 3
        ),
    },
    "rhs_reference": {
        "py_attribute": lambda r: _one(
            "py",
            ["client = OpenAI(", "    api_key=config.openai.api_key,", "    organization=settings.OPENAI_ORG,", ")"],
            1,
            "config",
            2,
        ),
        "hydra_interpolation": lambda r: _one(
            "yaml", ["db:", "  password: ${oc.env:DB_PASSWORD}", "  user: ${oc.env:DB_USER}"], 1, "${oc.env}", 2
        ),
        "colab_userdata": lambda r: _one(
            "py", ["from google.colab import userdata", 'HF_TOKEN = userdata.get("HF_TOKEN")'], 1, "userdata"
        ),
        "js_process_env": lambda r: _one(
            "md",
            ["```js", "const client = new OpenAI({", "  apiKey: process.env.OPENAI_API_KEY,", "});", "```"],
            2,
            "process.env",
        ),
        "getpass_prompt": lambda r: _one(
            "py", ["import getpass", 'password = getpass.getpass("Database password: ")'], 1, "getpass"
        ),
    },
    "value_equals_key": {
        "py_same": lambda r: _one(
            "py", ['OPENAI_API_KEY = "OPENAI_API_KEY"', 'HF_TOKEN = "HF_TOKEN"'], 0, "OPENAI_API_KEY", 1
        ),
        "env_same": lambda r: _one("env", ["HF_TOKEN=HF_TOKEN", "WANDB_API_KEY=WANDB_API_KEY"], 0, "HF_TOKEN", 1),
        "yaml_same": lambda r: _one(
            "yaml",
            ["secrets:", "  wandb_api_key: WANDB_API_KEY", "  comet_api_key: COMET_API_KEY"],
            1,
            "WANDB_API_KEY",
            2,
        ),
    },
    "placeholder_word": {
        "my_token": lambda r: _one(
            "py", ['login(token="my_token")', 'api.upload_folder(folder_path=".", token="my_token")'], 0, "my_token", 1
        ),
        "my_api_key": lambda r: _one(
            "yaml", ["llm:", "  api_key: my_api_key", "  base_url: http://localhost:8000/v1"], 1, "my_api_key"
        ),
        "randomstr": lambda r: _one("py", ['SECRET_KEY = "Randomstr"', 'password = "Randomstr"'], 0, "Randomstr", 1),
        "paste_here": lambda r: _one(
            "env", ["OPENAI_API_KEY=paste-your-openai-key-here", "HF_TOKEN=PASTE_YOUR_HF_TOKEN"], 0, "paste", 1
        ),
    },
    "placeholder_markup": {
        "angle_brackets": lambda r: _one(
            "yaml", ["registry:", "  username: <username>", "  password: <password>"], 1, "<password>", 2
        ),
        "html_escaped": lambda r: _one(
            "md",
            ["<pre>", "mlflow server --backend-store-uri postgresql://admin:&lt;password&gt;@db/mlflow", "</pre>"],
            1,
            "&lt;password&gt;",
        ),
        "shell_variable": lambda r: _one(
            "sh",
            ['export DB_PASSWORD="${DB_PASSWORD:?set it first}"', 'psql "postgresql://etl:${DB_PASSWORD}@db/features"'],
            0,
            "${DB_PASSWORD}",
            1,
        ),
        "jinja_template": lambda r: _one(
            "yaml", ["hub:", '  token: "{{ hf_token }}"', '  password: "{{ vault_db_password }}"'], 1, "{{ }}", 2
        ),
        "percent_interpolation": lambda r: _one(
            "ini", ["[database]", "password = %(db_password)s", "api_key = %(API_KEY)s"], 1, "%()s", 2
        ),
    },
    "placeholder_url": {
        "caps_placeholders": lambda r: _one(
            "md", ["Connect with:", "", "    postgresql://DB_USER:DB_PASSWORD@localhost:5432/DB_NAME"], 2, "DB_PASSWORD"
        ),
        "user_password_words": lambda r: _one(
            "py",
            ['ENGINE_URL = "mysql://user:password@localhost/db"', 'URI = "mongodb://username:password@host:27017"'],
            0,
            "password",
            1,
        ),
        "guest_guest": lambda r: _one("py", ['broker_url = "amqp://guest:guest@localhost:5672//"'], 0, "guest"),
        "fstring_url": lambda r: _one(
            "py", ['url = f"postgresql://{user}:{password}@{host}:{port}/{db}"'], 0, "{password}"
        ),
    },
    "placeholder_masked": {
        "x_run": lambda r: _one("env", ["GITHUB_TOKEN=ghp_" + "x" * 36, "HF_TOKEN=hf_" + "x" * 34], 0, "xxxx", 1),
        "stars": lambda r: _one("py", ['CONFIG = {"api_key": "****************", "password": "********"}'], 0, "****"),
        "ellipsis": lambda r: _one(
            "md", ["```bash", "export OPENAI_API_KEY=sk-...", "export HF_TOKEN=hf_...", "```"], 1, "sk-...", 2
        ),
        "redacted_word": lambda r: _one(
            "yaml",
            ["slack:", "  webhook_url: https://hooks.slack.com/services/REDACTED", "  token: xoxb-REDACTED"],
            1,
            "REDACTED",
            2,
        ),
    },
    "special_tokens": {
        "easynegative": lambda r: _one(
            "py",
            [
                'pipe.load_textual_inversion("sayakpaul/EasyNegative-test", '
                'weight_name="EasyNegative.safetensors", token="EasyNegative")'
            ],
            0,
            "EasyNegative",
        ),
        "placeholder_token_flag": lambda r: _one(
            "sh",
            [
                "accelerate launch textual_inversion.py \\",
                '  --placeholder_token="<cat-toy>" --initializer_token="toy" \\',
                "  --resolution=512",
            ],
            1,
            "<cat-toy>",
        ),
        "pad_token": lambda r: _one(
            "py", ['tokenizer.add_special_tokens({"pad_token": "[PAD]"})', 'eos_token = "<|endoftext|>"'], 0, "[PAD]", 1
        ),
        "chat_template_tokens": lambda r: _one(
            "yaml",
            ["special_tokens:", '  bos_token: "<|begin_of_text|>"', '  eos_token: "<|eot_id|>"'],
            1,
            "<|begin_of_text|>",
            2,
        ),
    },
    "clearml_config_keys": {
        "empty_credentials": lambda r: _one(
            "conf",
            ["api {", "    credentials {", '        "access_key" = ""', '        "secret_key" = ""', "    }", "}"],
            2,
            '""',
            3,
        ),
        "env_reference_credentials": lambda r: _one(
            "conf",
            [
                "api {",
                "    credentials {",
                "        access_key: ${CLEARML_API_ACCESS_KEY}",
                "        secret_key: ${CLEARML_API_SECRET_KEY}",
                "    }",
                "}",
            ],
            2,
            "${}",
            3,
        ),
        "aws_block_empty": lambda r: _one(
            "conf",
            [
                "sdk {",
                "    aws {",
                "        s3 {",
                '            key: ""',
                '            secret: ""',
                '            region: "eu-west-1"',
                "        }",
                "    }",
                "}",
            ],
            3,
            '""',
            4,
        ),
    },
    "jwt_doc_fixture": {
        "jwt_io_sample": lambda r: _one("md", ["An example token from jwt.io:", "", "    " + JWT_IO, ""], 2, JWT_IO),
        "supabase_local_demo": lambda r: _one(
            "env",
            ["SUPABASE_URL=http://localhost:54321", "SUPABASE_ANON_KEY=" + SUPABASE_DEMO_ANON],
            1,
            SUPABASE_DEMO_ANON,
        ),
        "unsigned_alg_none": lambda r: _one(
            "md",
            [
                "Tokens with `alg: none` are rejected, e.g.",
                "",
                "    eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0LXVzZXIiLCJyb2xlIjoidmlld2VyIn0.",
                "",
            ],
            2,
            "alg none",
        ),
    },
    "bio_sequence": {
        "peptide_csv": lambda r: Snippet(
            "csv",
            ["peptide,binder"]
            + [f"{_peptide(r, rng_start)},{r.randint(0, 1)}" for rng_start in ("AKIA", "MKT", "AKIA", "GLS", "ASIA")],
            [(1, 1, "AKIA"), (3, 3, "AKIA"), (5, 5, "ASIA")],
        ),
        "fasta_fragments": lambda r: Snippet(
            "fasta",
            [
                ">frag_1 epitope",
                _peptide(r, "AKIA"),
                ">frag_2 epitope",
                _peptide(r, "ASIA"),
                ">frag_3",
                _peptide(r, "MA"),
            ],
            [(1, 1, "AKIA"), (3, 3, "ASIA")],
        ),
        "dna_reads": lambda r: _one(
            "fasta",
            [
                ">read_1",
                "".join(r.choice("ACGT") for _ in range(60)),
                ">read_2",
                "".join(r.choice("ACGT") for _ in range(60)),
            ],
            1,
            "dna",
            3,
        ),
    },
    "git_sha": {
        "revision_kwarg": lambda r: _one(
            "py", [f'model = AutoModel.from_pretrained("bert-base-uncased", revision="{v.hexs(r, 40)}")'], 0, "sha"
        ),
        "pip_vcs_pin": lambda r: _one(
            "req", [f"git+https://github.com/huggingface/peft@{v.hexs(r, 40)}#egg=peft", "numpy==1.26.4"], 0, "sha"
        ),
        "commit_yaml": lambda r: _one(
            "yaml", ["provenance:", f"  commit: {v.hexs(r, 40)}", "  branch: main"], 1, "sha"
        ),
    },
    "sha256_digest": {
        "dataset_checksum": lambda r: _one(
            "py", [f'DATA_SHA256 = "{v.sha256_hex(r)}"', f'TOKENIZER_SHA256 = "{v.sha256_hex(r)}"'], 0, "sha256", 1
        ),
        "image_digest": lambda r: _one(
            "k8s",
            ["containers:", "  - name: serve", f"    image: ghcr.io/acme/serve@sha256:{v.sha256_hex(r)}"],
            2,
            "sha256",
        ),
        "checksum_yaml": lambda r: _one(
            "yaml",
            ["artifact:", "  uri: s3://models/bert.safetensors", f"  checksum: sha256:{v.sha256_hex(r)}"],
            2,
            "sha256",
        ),
    },
    "uuid": {
        "run_uuid": lambda r: _one("py", [f'RUN_ID = "{v.uuid4(r)}"', f'EXPERIMENT_ID = "{v.uuid4(r)}"'], 0, "uuid", 1),
        "mlflow_runs_uri": lambda r: _one(
            "py", [f'model = mlflow.pyfunc.load_model("runs:/{v.hexs(r, 32)}/model")'], 0, "runid"
        ),
        "yaml_ids": lambda r: _one(
            "yaml", ["tracking:", f"  experiment_id: {v.uuid4(r)}", f"  request_id: {v.uuid4(r)}"], 1, "uuid", 2
        ),
    },
    "model_id": {
        "py_model_id": lambda r: _one(
            "py",
            ['model_id = "meta-llama/Meta-Llama-3-8B-Instruct"', 'adapter = "tloen/alpaca-lora-7b"'],
            0,
            "model",
            1,
        ),
        "cli_model_flag": lambda r: _one(
            "sh",
            [
                "python train.py --model_name_or_path mistralai/Mistral-7B-Instruct-v0.2 \\",
                "  --dataset_name tatsu-lab/alpaca",
            ],
            0,
            "model",
            1,
        ),
        "yaml_model": lambda r: _one(
            "yaml",
            [
                "pretrained_model_name_or_path: stabilityai/stable-diffusion-xl-base-1.0",
                "vae: madebyollin/sdxl-vae-fp16-fix",
            ],
            0,
            "model",
            1,
        ),
    },
    "base64_image": {
        "md_data_uri": lambda r: _one(
            "md", ["Loss curve:", "", f"![loss](data:image/png;base64,{_png(r, 1500)})"], 2, "png"
        ),
        "html_img_tag": lambda r: _one(
            "md", [f'<img alt="sample" src="data:image/jpeg;base64,{_png(r, 1200)}"/>'], 0, "jpeg"
        ),
    },
    "wandb_run_id": {
        "init_id": lambda r: _one(
            "py",
            [f'run = wandb.init(project="nlp", id="{v.pick(r, v.HEX + "ghijklmnopqrstuvwxyz", 8)}", resume="allow")'],
            0,
            "runid",
        ),
        "run_path": lambda r: _one(
            "py", [f'run = wandb.Api().run("acme/nlp/{v.pick(r, v.HEX + "ghijklmnopqrstuvwxyz", 8)}")'], 0, "runid"
        ),
        "artifact_alias": lambda r: _one(
            "py",
            [f'art = run.use_artifact("acme/nlp/model-{v.pick(r, v.HEX + "ghijklmnopqrstuvwxyz", 8)}:v3")'],
            0,
            "runid",
        ),
    },
    "hf_revision": {
        "load_dataset_revision": lambda r: _one(
            "py", [f'ds = load_dataset("stanfordnlp/imdb", revision="{v.hexs(r, 40)}")'], 0, "sha"
        ),
        "yaml_dataset_revision": lambda r: _one(
            "yaml", ["data:", "  name: HuggingFaceFW/fineweb-edu", f"  revision: {v.hexs(r, 40)}"], 2, "sha"
        ),
        "snapshot_download_rev": lambda r: _one(
            "py", [f'path = snapshot_download("openai/whisper-small", revision="{v.hexs(r, 40)}")'], 0, "sha"
        ),
    },
    "package_hash": {
        "requirements_hash": lambda r: _one(
            "req",
            ["torch==2.3.1 \\", f"    --hash=sha256:{v.sha256_hex(r)} \\", f"    --hash=sha256:{v.sha256_hex(r)}"],
            1,
            "sha256",
            2,
        ),
        "constraints_hash": lambda r: _one("req", [f"numpy==1.26.4 --hash=sha256:{v.sha256_hex(r)}"], 0, "sha256"),
        "poetry_lock_hash": lambda r: _one(
            "lock",
            ["files = [", f'    {{file = "tokenizers-0.19.1.tar.gz", hash = "sha256:{v.sha256_hex(r)}"}},', "]"],
            1,
            "sha256",
        ),
    },
    "doc_example_key": {
        "aws_docs_pair": lambda r: _one(
            "md",
            [
                "```ini",
                "[default]",
                "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "```",
            ],
            2,
            "AKIAIOSFODNN7EXAMPLE",
            3,
        ),
        "azurite_account_key": lambda r: _one(
            "py",
            [
                f'CONN = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"'
            ],
            0,
            AZURITE_KEY,
        ),
        "stripe_docs_test_key": lambda r: _one(
            "py", ['stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"'], 0, "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
        ),
        "openai_example_suffix": lambda r: _one(
            "env", ["OPENAI_API_KEY=sk-proj-EXAMPLE0000000000000000000000000000EXAMPLE"], 0, "EXAMPLE"
        ),
    },
    "path_value": {
        "run_secrets_path": lambda r: _one(
            "py",
            ['token_path = "/run/secrets/hf_token"', 'password_file = "/etc/mlflow/db_password.txt"'],
            0,
            "path",
            1,
        ),
        "google_credentials_path": lambda r: _one(
            "env", ["GOOGLE_APPLICATION_CREDENTIALS=/secrets/service-account.json"], 0, "path"
        ),
        "ssh_key_file": lambda r: _one(
            "yaml", ["deploy:", "  private_key_file: ~/.ssh/id_ed25519", "  known_hosts: ~/.ssh/known_hosts"], 1, "path"
        ),
    },
    "prose_value": {
        "yaml_help_text": lambda r: _one(
            "yaml",
            [
                "fields:",
                '  api_key: "Set this to the key shown on your dashboard"',
                '  password: "Password of the read-only database user"',
            ],
            1,
            "prose",
            2,
        ),
        "argparse_help": lambda r: _one(
            "py",
            [
                'parser.add_argument("--token", help="Hugging Face token with write access")',
                'parser.add_argument("--password", help="Password for the registry")',
            ],
            0,
            "prose",
            1,
        ),
        "md_rule_sentence": lambda r: _one(
            "md",
            ["Requirements:", "", "- password: must be at least twelve characters and include a digit", ""],
            2,
            "prose",
        ),
    },
}


def _nb_png(nb: Notebook, rng: random.Random, new: Callable[[str], Entry]) -> None:
    out = {
        "data": {"image/png": _png(rng, 6000), "text/plain": ["<Figure size 640x480 with 1 Axes>"]},
        "metadata": {},
        "output_type": "display_data",
    }
    cell = nb.code("plt.plot(history['loss'])\nplt.show()", [out])
    nb.mark_path(new("png"), "output", ("cells", cell - 1, "outputs", 0, "data", "image/png"), cell=cell)
    nb.marks[-1].entry.output = 0


def _nb_git_log(nb: Notebook, rng: random.Random, new: Callable[[str], Entry]) -> None:
    sha = v.hexs(rng, 40)
    cell = nb.code(
        "!git log -1",
        [
            lay.stream(
                f"commit {sha}\nAuthor: ML Bot <bot@example.org>\nDate:   Mon Jun 3 10:00:00 2024\n\n    retrain\n"
            )
        ],
    )
    nb.mark_output(new(sha), cell, 0, 1, ("text", 0))


def _nb_wandb_log(nb: Notebook, rng: random.Random, new: Callable[[str], Entry]) -> None:
    run = v.pick(rng, v.HEX + "ghijklmnopqrstuvwxyz", 8)
    text = (
        f"wandb: Syncing run fluent-sky-42\nwandb: 🚀 View run at https://wandb.ai/acme/nlp/runs/{run}\n"
        f"wandb: Run data is saved locally in ./wandb/run-20240603_100000-{run}\n"
    )
    cell = nb.code("run = wandb.init(project='nlp')", [lay.stream(text, "stderr")])
    nb.mark_output(new(run), cell, 0, 2, ("text", 1))


def _nb_snapshot(nb: Notebook, rng: random.Random, new: Callable[[str], Entry]) -> None:
    sha = v.hexs(rng, 40)
    cell = nb.code(
        "path = snapshot_download('bert-base-uncased')\npath",
        [lay.result(f"'/root/.cache/huggingface/hub/models--bert-base-uncased/snapshots/{sha}'")],
    )
    nb.mark_output(new(sha), cell, 0, 1, ("data", "text/plain", 0))


def _nb_masked_env(nb: Notebook, rng: random.Random, new: Callable[[str], Entry]) -> None:
    cell = nb.code(
        "!env | grep KEY",
        [lay.stream("OPENAI_API_KEY=********\nWANDB_API_KEY=****************************************\n")],
    )
    nb.mark_output(new("****"), cell, 0, 1, ("text", 0))


def _nb_getpass(nb: Notebook, rng: random.Random, new: Callable[[str], Entry]) -> None:
    cell = nb.code(
        'from getpass import getpass\nHF_TOKEN = getpass("Hugging Face token: ")\nlogin(token=HF_TOKEN)',
        [lay.stream("Hugging Face token: ··········\n")],
    )
    nb.mark_source(new("getpass"), cell, 2)


def _nb_html_img(nb: Notebook, rng: random.Random, new: Callable[[str], Entry]) -> None:
    html = f'<img src="data:image/jpeg;base64,{_png(rng, 4000)}"/>'
    cell = nb.code(
        "display(HTML(sample_grid))", [lay.result("<IPython.core.display.HTML object>", html, kind="display_data")]
    )
    nb.mark_output(new("jpeg"), cell, 0, 2, ("data", "text/html", 0))


NB_FAMILIES: dict[str, dict[str, NbVariant]] = {
    "base64_image": {"nb_png_output": _nb_png, "nb_html_img_output": _nb_html_img},
    "git_sha": {"nb_git_log_output": _nb_git_log},
    "wandb_run_id": {"nb_wandb_stderr": _nb_wandb_log},
    "hf_revision": {"nb_snapshot_repr": _nb_snapshot},
    "placeholder_masked": {"nb_masked_env_output": _nb_masked_env},
    "rhs_reference": {"nb_getpass_cell": _nb_getpass},
}


def all_variants() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for family in sorted(set(TEXT_FAMILIES) | set(NB_FAMILIES)):
        names[family] = sorted([*TEXT_FAMILIES.get(family, {}), *NB_FAMILIES.get(family, {})])
    return names


def heldout_variants() -> frozenset[tuple[str, str]]:
    """Per family, the ceil(n/3) variants with the smallest SHA-256 name hash; a family with one
    variant keeps it in both splits."""
    chosen = set()
    for family, variants in all_variants().items():
        if len(variants) > 1:
            chosen |= {(family, name) for name in held_out_names(variants, f"variant:{family}:")}
    return frozenset(chosen)


def variants_for_split(split: str) -> list[tuple[str, str]]:
    held = heldout_variants()
    out = []
    for family, variants in all_variants().items():
        for name in variants:
            single = len(variants) == 1
            if single or ((family, name) in held) == (split == "heldout"):
                out.append((family, name))
    return out
