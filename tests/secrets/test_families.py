"""Issue 15's families: each credential type, place and format is found, and its look-alike
(the false-positive family it is confused with) stays silent."""

from __future__ import annotations

import base64
import binascii
import json
import random
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.secrets.helpers import ALNUM, HEX, fake, jwt, rules, scan_text, secret_value

URLSAFE = ALNUM + "_-"
BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def crc32_token(prefix: str, seed: int = 1, *, valid: bool = True) -> str:
    """GitHub's (and npm's) layout: 30 base62 characters and their CRC32 in 6 base62 characters."""
    rng = random.Random(f"{prefix}{seed}")
    entropy = "".join(rng.choice(BASE62) for _ in range(30))
    number = binascii.crc32(entropy.encode()) + (0 if valid else 1)
    digits = ""
    while number:
        number, rest = divmod(number, 62)
        digits = BASE62[rest] + digits
    return prefix + entropy + digits.rjust(6, "0")


PASSWORD = fake("", 14, ALNUM) + "!x9"
B64_KEY = base64.b64encode(random.Random(7).randbytes(32)).decode()
HEX_KEY = fake("", 64, HEX)
_DJANGO_RNG = random.Random(3)
DJANGO = "".join(_DJANGO_RNG.choice(string.ascii_lowercase + string.digits + "!@#%^&*(-_=+)") for _ in range(50))

# (rule, file name, text): one per type issue 15 lists and per place and format it names.
POSITIVES = [
    # credential types without a rule before
    (
        "MLS225",
        "notify.py",
        f'URL = "https://discord.com/api/webhooks/{fake("", 18, "0123456789")}/{fake("", 68, URLSAFE)}"\n',
    ),
    (
        "MLS225",
        "teams.yaml",
        "webhook: https://acme.webhook.office.com/webhookb2/5bf0b45f-10af-4894-abf8-b326ee0c1a2b@"
        f"e282542c-6d71-484c-9506-1bd2ae488bff/IncomingWebhook/{fake('', 32, HEX)}/"
        "af3cb810-bc25-487b-a634-5b28eaa9c544\n",
    ),
    (
        "MLS225",
        "chat.env",
        f"CHAT=https://chat.googleapis.com/v1/spaces/AAAA{fake('', 7)}/messages?key=AIzaSy{fake('', 33, URLSAFE)}"
        f"&token={fake('', 43, URLSAFE)}%3D\n",
    ),
    ("MLS226", ".env", f"MAILGUN_API_KEY=key-{fake('', 32, HEX)}\n"),
    ("MLS226", "mail.py", f'mailgun_key = "{fake("", 32, HEX)}-{fake("", 8, HEX)}-{fake("", 8, HEX)}"\n'),
    ("MLS227", "mail.py", f'SG = "SG.{fake("", 22, URLSAFE)}.{fake("", 43, URLSAFE)}"\n'),
    ("MLS228", "tunnel.sh", f"ngrok config add-authtoken 2{fake('', 26)}_{fake('', 21)}\n"),
    ("MLS229", ".env", f"GROQ_API_KEY={fake('gsk_', 52)}\n"),
    ("MLS230", "chat.py", f'client = Mistral(api_key="{fake("", 32)}")\n'),
    ("MLS231", ".env", f"PERPLEXITY_API_KEY={fake('pplx-', 48)}\n"),
    ("MLS232", "llm.py", f'DEEPSEEK_API_KEY = "sk-{fake("", 32, HEX)}"\n'),
    ("MLS233", "client_secret.json", f'{{"web": {{"client_secret": "{fake("GOCSPX-", 28, URLSAFE)}"}}}}\n'),
    ("MLS234", ".npmrc", f"//registry.npmjs.org/:_authToken={crc32_token('npm_')}\n"),
    ("MLS235", "ls.env", f"LABEL_STUDIO_API_KEY={fake('', 40, HEX)}\n"),
    ("MLS236", "bot.py", f'reddit = praw.Reddit(client_id="abc", client_secret="{fake("", 27, URLSAFE)}")\n'),
    ("MLS201", "org.env", f"HF_ORG_TOKEN={fake('api_org_', 34, string.ascii_letters)}\n"),
    ("MLS215", "ci.sh", f"export GH={crc32_token('ghp_')}\n"),
    (
        "MLS237",
        ".pypirc",
        "[pypi]\npassword = pypi-AgEIcHlwaS5vcmcCJDc5NDEyMzMwLTZhOTgtNDk0Mi04MGYzLWU0ODgyOGNiOWI4NQACInsi\n",
    ),
    ("MLS238", "bot.env", f"TELEGRAM_BOT_TOKEN={fake('', 10, '123456789')}:AA{fake('', 33, URLSAFE)}\n"),
    # providers nobody named: the context and the value's shape decide
    ("MLS223", "settings.py", f'ACME_API_KEY = "{fake("acme_live_", 32)}"\n'),
    ("MLS223", ".env", f"ENCRYPTION_KEY={B64_KEY}\n"),
    ("MLS223", "config.yaml", f"auth:\n  api_secret: {HEX_KEY}\n"),
    ("MLS223", "settings.py", f"SECRET_KEY = '{DJANGO}'\n"),
    ("MLS223", "profiles.yml", f'ml:\n  outputs:\n    prod:\n      type: postgres\n      password: "{PASSWORD}"\n'),
    ("MLS223", ".netrc", f"machine api.example.com login bot password {PASSWORD}\n"),
    ("MLS223", "clearml.conf", f'api {{\n    credentials {{\n        secret_key: "{fake("", 30)}"\n    }}\n}}\n'),
    ("MLS223", "call.sh", f'curl -H "Authorization: Bearer {fake("", 40)}" https://api.example.com/v1\n'),
    ("MLS223", "call.py", f'headers = {{"X-API-Key": "{fake("", 36)}"}}\n'),
    ("MLS223", "run.sh", f"python train.py --api-key {fake('', 32)}\n"),
    ("MLS223", "run.sh", f"python train.py --password={PASSWORD}\n"),
    ("MLS223", "setup.sh", f"dvc remote modify --local storage password {PASSWORD}\n"),
    ("MLS223", "table.html", f"<tr><td>VENDOR_TOKEN</td><td>{fake('', 40)}</td></tr>\n"),
    ("MLS223", "settings.xml", f"<server><id>x</id><password>{PASSWORD}</password></server>\n"),
    ("MLS223", "NOTES.md", f"The key for the staging server is `{fake('', 32)}`.\n"),
    ("MLS223", "split.py", f'ACME_TOKEN = (\n    "{fake("tok_", 12)}"\n    "{fake("", 24)}"\n)\n'),
    ("MLS223", "env.py", f'token = os.getenv("ACME_TOKEN", "{fake("", 40)}")\n'),
    ("MLS223", "client.py", f'session.headers.setdefault("X-Api-Key", "{fake("", 40)}")\n'),
    ("MLS223", "env.py", f'password = os.getenv("DB_PASSWORD_PROD", "{fake("", 24)}")\n'),
    ("MLS223", "db.py", 'DB_PASSWORD = "$uperS3cretPa$$"\n'),  # `$` for `s`: a password, not TeX
    ("MLS223", "tok.py", f'API_KEY_TO_TOKEN = "{fake("", 32)}"\n'),
    ("MLS222", "url.py", 'create_engine("postgresql://ml:$ecretPa$$@db.internal:5432/features")\n'),
    ("MLS223", "compose.yaml", f"    environment:\n      - ACME_TOKEN=${{ACME_TOKEN:-{fake('', 32)}}}\n"),
    # URLs with passwords: database, broker, curl -u
    ("MLS222", "celeryconfig.py", f'broker_url = "amqps://ml:{PASSWORD}@mq.internal:5671"\n'),
    ("MLS222", "celeryconfig.py", f'result_backend = "redis://:{PASSWORD}@cache.internal:6379/0"\n'),
    ("MLS222", "fetch.sh", f"curl -u deploy:{PASSWORD} https://repo.example.com/file\n"),
    ("MLS221", "auth.ini", f"access_token = {jwt({'sub': 'svc', 'role': 'service', 'exp': 4102444800})}\n"),
    ("MLS223", "notes.md", f"token: **{fake('', 24, ALNUM)}7**\n"),  # bold around a secret
    ("MLS223", "ids.yaml", "node_token: PR_kwXk3pTz9RmWvQ2sLd8Yb\n"),  # node-id shape, no MessagePack inside
    ("MLS223", "api.yaml", "api:\n  key: 'Xk3pTz9RmWvQ2sLd8Yb'\n  url: https://api.acme.io\n"),  # no Value beside it
    ("MLS223", "sign.py", 'x = sign(value=payload, key="Qm7vXk2pLr9TzW4sHq8nBc3d")\n'),  # a keyword, not a tag
    ("MLS223", "notes.md", "**api_key: QmvXkpLrTzWsHqnBcdRtYu**\n"),  # letters only, but no word
    ("MLS223", "hooks.py", 'STRIPE_WEBHOOK_SECRET = "G3(x7Q}H5upl/1g;"\n'),  # punctuation, not code
    ("MLS223", "keys.py", 'api_secret = "kf)-pMov#ok6$uhf"\n'),
    (
        "MLS223",
        "az.json",
        '{"AccountKey": "' + base64.b64encode(random.Random(9).randbytes(64)).decode().replace("/", "\\/") + '"}\n',
    ),  # JSON escapes `/` as `\/`: still an account key
    ("MLS223", "ci.env", "REGISTRY_TOKEN=registry.corp.io/ci:Qm7vXk2pLr9TzW4sHq8nBc3d\n"),  # a tag that is no tag
    ("MLS223", "svc.json", '{"service": "weather", "key": "Qm7vXk2pLr9TzW4sHq8nBc3d",\n"value": "on"}\n'),  # random
]


@pytest.mark.parametrize(
    ("rule", "name", "text"), POSITIVES, ids=[f"{p[0]}-{p[1]}-{i}" for i, p in enumerate(POSITIVES)]
)
def test_family_found(tmp_path: Path, rule: str, name: str, text: str) -> None:
    findings = scan_text(tmp_path, name, text)
    assert rules(findings) == [rule], findings
    assert findings[0].severity.value != "low", findings
    assert findings[0].confidence in ("high", "medium", "low")
    secret = secret_value(text)
    assert not any(secret[i : i + 8] in findings[0].message for i in range(0, len(secret) - 8, 4))


LOOKALIKES = [
    # names and structure, not values (MLS223 before)
    ("identifier", "deploy.yaml", "spec:\n  automountServiceAccountToken: false\n  serviceAccountName: trainer\n"),
    (
        "k8s reference",
        "deploy.yaml",
        "env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db-credentials\n",
    ),
    (
        "k8s secret name",
        "deploy.yaml",
        "volumes:\n  - secret:\n      secretName: my-secret\nimagePullSecrets:\n  - name: regcred\n",
    ),
    ("nested mapping", "model.yaml", "api_key:\n  from_env: OPENAI_API_KEY\ntoken:\n  source: keyring\n"),
    (
        "rhs reference",
        "a.py",
        'HF_TOKEN = userdata.get("HF_TOKEN")\npassword = getpass.getpass("Database password: ")\n',
    ),
    ("hydra", "conf.yaml", "db:\n  password: ${oc.env:DB_PASSWORD}\n  token: ${env:API_TOKEN}\n"),
    ("value equals key", ".env", "HF_TOKEN=HF_TOKEN\nWANDB_API_KEY=WANDB_API_KEY\n"),
    ("value equals key in code", "a.py", 'OPENAI_API_KEY = "OPENAI_API_KEY"\n'),
    (
        "placeholder words",
        "a.yaml",
        "api_key: my_api_key\ntoken: my_token\nsecret: Randomstr\npassword: nvidiaapikey\n",
    ),
    ("placeholder markup", "a.yaml", "username: <username>\npassword: <password>\n"),
    ("html escaped", "doc.md", "mlflow server --backend-store-uri postgresql://admin:&lt;password&gt;@db/mlflow\n"),
    (
        "placeholder url",
        "a.py",
        'URL = "postgresql://DB_USER:DB_PASSWORD@localhost/db"\nU2 = "mysql://user:password@h/db"\n',
    ),
    ("fstring url", "a.py", 'url = f"postgresql://{user}:{password}@{host}:{port}/{db}"\n'),
    (
        "masked",
        "a.env",
        "OPENAI_API_KEY=sk-...\nGITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\ntoken: xoxb-REDACTED\n",
    ),
    ("special tokens", "tok.yaml", 'bos_token: "<|begin_of_text|>"\npad_token: "[PAD]"\nmax_new_tokens: 512\n'),
    (
        "placeholder token flag",
        "train.sh",
        'accelerate launch t.py --placeholder_token="<cat-toy>" --initializer_token="toy"\n',
    ),
    ("textual inversion", "a.py", 'pipe.load_textual_inversion("sd-concepts/x", token="EasyNegative")\n'),
    (
        "clearml keys",
        "clearml.conf",
        'api {\n    credentials {\n        "access_key" = ""\n        "secret_key" = ""\n    }\n}\n',
    ),
    ("jwt.io", "doc.md", jwt({"sub": "1"}, alg="none")[:-43] + "\n"),
    ("alg none", "doc.md", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0LXVzZXIiLCJyb2xlIjoidmlld2VyIn0.\n"),
    ("supabase demo", "a.env", f"ANON_KEY={jwt({'iss': 'supabase-demo', 'role': 'anon', 'exp': 1983812996})}\n"),
    ("peptide", "seqs.fasta", ">p1\nAKIARTHQFYQCKRENAHIS\n>p2\nASIALQQGFIDEYPPFTDRK\n"),
    ("dna", "reads.fa", ">read_1\nTTTAGAGAGGCTATGGGTCGGTAGACGTGAGTCTCCGGCTACACTGTGCGCGAGACGGTA\n"),
    ("git sha", "a.py", f'model = AutoModel.from_pretrained("bert-base-uncased", revision="{fake("", 40, HEX)}")\n'),
    ("sha256", "a.py", f'DATA_SHA256 = "{fake("", 64, HEX)}"\n'),
    ("image digest", "k.yaml", f"image: ghcr.io/acme/serve@sha256:{fake('', 64, HEX)}\n"),
    ("package hash", "req.txt", f"numpy==1.26.4 --hash=sha256:{fake('', 64, HEX)}\n"),
    (
        "uuid ids",
        "a.yaml",
        "experiment_id: b1d45103-ecfc-4170-8bf6-7e44118f03a7\nrequest_id: f347dec7-006a-4e8c-8a37-023738e6719d\n",
    ),
    ("run ids", "a.py", 'run = wandb.init(project="nlp", id="o7radfc9", resume="allow")\n'),
    (
        "azurite",
        "a.py",
        'C = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey='
        'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"\n',
    ),
    (
        "path",
        ".env",
        "GOOGLE_APPLICATION_CREDENTIALS=/secrets/service-account.json\nprivate_key_file: ~/.ssh/id_ed25519\n",
    ),
    ("prose", "conf.yaml", 'api_key: "Set this to the key shown on your dashboard"\n'),
    ("argparse", "a.py", 'parser.add_argument("--token", help="Hugging Face token with write access")\n'),
    (
        "argparse default",
        "a.py",
        'parser.add_argument("--hub_token", type=str, default=None)\n'
        'p.add_argument("--jupyter_token", default=uuid.uuid1().hex)\n',
    ),
    ("code in other languages", "main.rs", 'let token = std::env::var("HF_TOKEN").unwrap();\n'),
    ("r member", "utils.R", "Sys.setenv(MLFLOW_TRACKING_TOKEN = json_resp$token)\n"),
    (
        "shell default",
        "c.yaml",
        "      - NGC_API_KEY=${NGC_API_KEY:-nvidiaapikey}\n      - X=${MYSQL_PASSWORD:-$MYSQL_ROOT_PASSWORD}\n",
    ),
    ("vendor placeholder", ".env", "NVIDIA_API_KEY=nvapi-CYBER_DEV_DAY\n"),
    (
        "shell variables",
        "env.sh",
        'export P=$(gcloud secrets versions access latest --secret="db-password-$PROJECT_ID")\n',
    ),
    ("local jupyter", "README.md", f"    http://127.0.0.1:8888/lab?token={fake('', 48, HEX)}\n"),
    (
        "presigned url",
        "out.txt",
        "https://s.example.com/a.jpg?X-Goog-Credential=sa%40proj.iam.gserviceaccount.com%2F2023"
        f"&Signature={fake('', 40)}\n",
    ),
    (
        "truncated pem",
        "app.js",
        "privKey: '-----BEGIN PRIVATE KEY-----\\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQ... (KMS)',\n",
    ),
    (
        "prose password",
        "r.json",
        '{"d": "this build will authenticate the user if the password passDs5Bu9Te7 was entered"}\n',
    ),
    ("datetime", "log.txt", "harvest account credentials:  2016-10-03T09:27:47 dir\n"),
    ("crypto signature", "run.sh", '"signature": "0x5a8a1c8fcf4f5d2b7e0d3c1a9c8b7f6e5d4c3b2a1"\n'),
    ("pasted image names", "doc.md", "![image.png](attachment:4c5c1883-5ab6-4fca-9b4f-c7b1584d50e3.png)\n"),
    (
        "image after an env flag",
        "agent.py",
        'args = ["run", "-i", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"]\n'
        'IMAGE_PULL_TOKEN_IMAGE = "nvcr.io/nvidia/pytorch:24.01-py3"\n',
    ),
    (
        "tag pairs",
        "stack.json",
        '{"Tags": [\n  {\n    "Key": "aws-cdk:cr-owned:af230d0d",\n    "Value": "true"\n  },\n'
        '  {"Value": "true", "Key": "aws-cdk:cr-owned:bf230d0e"}\n]}\n',
    ),
    ("yaml tag list", "t.yaml", "Tags:\n  - Key: aws-cdk:cr-owned:af230d0d\n    Value: 'true'\n"),
    ("call in prose", "lesson.md", "```python\n    answer, token_stats = llm(prompt, model=model)\n```\n"),
    ("expression in a comment", "trie.cc", "    // K=1, last block has >1 token (prompt%bs==3): partial node\n"),
    (
        "stand-in account key",
        "storage.md",
        '"connection_string": "DefaultEndpointsProtocol=https;AccountName=test;AccountKey=Yabc983f11822334455;"\n',
    ),
    ("bold phrase", "rbac.md", "- **Token Injector**: Adds the authorization token to each request header.\n"),
    (
        "github node ids",
        "labels.csv",
        "Id,Url,Name,NodeId\n4803279709,https://api.github.com/repos/o/r/labels/Area-Auth,Area-Auth,"
        "LA_kwDODgj8L88AAAABHkw7XQ\n2094097123,https://api.github.com/repos/o/r/labels/Auth,Auth,"
        "MDU6TGFiZWwyMDk0MDk3MTIz\n",
    ),
    # Typed examples in a generated format, and an identifier with a short suffix.
    ("typed stripe key", "demo.py", 'prompt = "my key is sk_live_51234567890abcdefghijklmnop"\n'),
    ("typed oauth secret", "demo.py", "google_client_secret = 'GOCSPX-AbCdEfGhIjKlMnOpQrStUv'\n"),
    (
        "jmespath output name",
        "run.sh",
        "aws cloudformation describe-stacks --query 'Stacks[0].Outputs[?OutputKey==`KnowledgeBaseIdS2`].OutputValue'\n",
    ),
]


@pytest.mark.parametrize(("what", "name", "text"), LOOKALIKES, ids=[n[0] for n in LOOKALIKES])
def test_lookalike_silent(tmp_path: Path, what: str, name: str, text: str) -> None:
    assert [f for f in scan_text(tmp_path, name, text) if f.severity.value != "low"] == []


def test_checksum_decides_github_and_npm_tokens(tmp_path: Path) -> None:
    good = scan_text(tmp_path, "a.env", f"T={crc32_token('ghp_')}\n")
    bad = scan_text(tmp_path, "b.env", f"T={crc32_token('ghp_', valid=False)}\n")
    assert [(f.rule_id, f.severity.value, f.confidence) for f in good] == [("MLS215", "high", "high")]
    assert [(f.rule_id, f.severity.value, f.confidence) for f in bad] == [("MLS215", "low", "low")]
    assert "checksum does not match" in bad[0].message


def test_expired_jwt_is_low(tmp_path: Path) -> None:
    (finding,) = scan_text(tmp_path, "a.ini", f"token = {jwt({'sub': 'x', 'exp': 1000000000})}\n")
    assert (finding.rule_id, finding.severity.value) == ("MLS221", "low")


def test_data_files_report_third_party_tokens_low(tmp_path: Path) -> None:
    """Tokens strangers pasted into a committed dataset are not the repository's: reported low,
    unless their checksum proves the live format."""
    text = (
        "id,body\n"
        f'1,"I set my token to {fake("sk-proj-", 120, URLSAFE)} and still get 401"\n'
        f'2,"my key is {crc32_token("ghp_")}"\n'
        f'3,"password = {PASSWORD}"\n'
    )
    findings = scan_text(tmp_path, "issues.csv", text)
    levels = sorted((f.rule_id, f.severity.value) for f in findings)
    assert levels == [("MLS202", "low"), ("MLS215", "high"), ("MLS223", "low")]
    for jsonl in ("issues.jsonl", "issues.tsv"):
        assert all(f.severity.value == "low" or f.rule_id == "MLS215" for f in scan_text(tmp_path, jsonl, text))


@pytest.mark.parametrize(
    "first_record",
    [
        '{"conversations": [{"from": "human", "value": "make me a password"}, {"from": "gpt", "value": "%s"}]}',
        '{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "%s"}]}',
        '{"instruction": "Generate a password", "input": "", "output": "%s"}',
        '{"chosen": "%s", "rejected": "no"}',
    ],
)
def test_a_json_list_of_training_records_is_data(tmp_path: Path, first_record: str) -> None:
    """LLaMA-Factory's demo datasets: a model's "Here is your new password: a9B7$#fG3&Z1" is the
    dataset's text, reported low like a `.jsonl` file's; a checksummed token still blocks."""
    said = f"Here is your new password: {PASSWORD}. Please save it."
    text = "[\n  " + first_record % said + ",\n  " + first_record % f"my token is {crc32_token('ghp_')}" + "\n]\n"
    levels = sorted((f.rule_id, f.severity.value) for f in scan_text(tmp_path, "glaive_demo.json", text))
    assert levels == [("MLS215", "high"), ("MLS223", "low")]


@pytest.mark.parametrize(
    "text",
    [
        '[{"name": "db", "password": "%s"}]\n',  # a list of settings, not of training records
        '{"conversations": "x", "password": "%s"}\n',  # an object, not a list of records
        '[\n  "prompt",\n  {"password": "%s"}\n]\n',
        # a config shaped like a dataset: a record with any field no dataset has (the red team's)
        '[{"prompt": "Summarise", "model": "gpt-4o", "password": "%s"}]\n',
        '[{"query": "q", "api": {"password": "%s"}}]\n',
        # training records first, then a config record
        '[{"instruction": "hi", "output": "ok"}, {"prompt": "x", "db_password": "%s"}]\n',
        '[{"messages": [{"role": "system", "content": "x", "password": "%s"}]}]\n',
    ],
)
def test_other_json_lists_still_block(tmp_path: Path, text: str) -> None:
    levels = [(f.rule_id, f.severity.value) for f in scan_text(tmp_path, "settings.json", text % PASSWORD)]
    assert levels == [("MLS223", "medium")]


def test_k8s_secret_base64_data(tmp_path: Path) -> None:
    token = fake("hf_", 34)
    password = PASSWORD
    text = (
        "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: aGVsbG8gd29ybGQgaGVsbG8=\n---\n"
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\ntype: Opaque\ndata:\n"
        f"  HF_TOKEN: {base64.b64encode(token.encode()).decode()}\n"
        f"  db-password: {base64.b64encode(password.encode()).decode()}\n"
        f"  username: {base64.b64encode(b'trainer').decode()}\n"
    )
    findings = scan_text(tmp_path, "secret.yaml", text)
    assert sorted((f.rule_id, f.line) for f in findings) == [("MLS201", 12), ("MLS223", 13)]
    assert all("Kubernetes Secret" in f.message or "base64" in f.message for f in findings)


def test_k8s_secret_entry_that_is_not_base64_is_low(tmp_path: Path) -> None:
    """The API server refuses a `data` value that is not base64 (`kubectl apply` fails), so it never
    becomes a working Secret: low (still committed text). The same text under a ConfigMap, or a
    Secret's valid base64 of a password, still blocks."""
    broken = "Xk3pTz9RmWvQ2sLd8YbNf4hJc7GtPq1aZe6VuKo5BwMy2Dr"  # 47 characters: not base64
    secret = f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: Opaque\ndata:\n  HF_TOKEN: {broken}\n"
    (finding,) = scan_text(tmp_path, "secret.yaml", secret)
    assert finding.severity.value == "low" and "not base64" in finding.message
    config = f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\ndata:\n  HF_TOKEN: {broken}\n"
    assert [f.rule_id for f in scan_text(tmp_path, "config.yaml", config)] == ["MLS223"]
    valid = secret.replace(broken, base64.b64encode(PASSWORD.encode()).decode())
    assert [f.rule_id for f in scan_text(tmp_path, "valid.yaml", valid)] == ["MLS223"]


def test_split_literal_generic_value(tmp_path: Path) -> None:
    findings = scan_text(tmp_path, "a.py", f'VENDOR_API_KEY = "{fake("vnd_", 6)}" "{fake("", 30)}"\n')
    assert rules(findings) == ["MLS223"]


def test_message_names_the_field_but_never_a_random_name(tmp_path: Path) -> None:
    (finding,) = scan_text(tmp_path, ".env", f"API_SECRET={HEX_KEY}\n")
    assert "API_SECRET" in finding.message
    random_name = fake("", 24)
    findings = scan_text(tmp_path, "b.yaml", f"{random_name}_token: {fake('', 40)}\n")
    assert all(random_name not in f.message for f in findings)


def test_json_output_carries_confidence(repo: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from hooks.cli.entry_points import mlsec_secrets

    (repo / ".env").write_text(f"ACME_API_KEY={fake('', 40)}\nHF_TOKEN={fake('hf_', 34)}\n")
    mlsec_secrets(["--format", "json", ".env"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {(f["rule_id"], f["confidence"]) for f in findings} == {("MLS223", "medium"), ("MLS201", "high")}


def test_sarif_results_carry_precision(repo: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from hooks.cli.entry_points import mlsec_secrets

    (repo / ".env").write_text(f"ACME_API_KEY={fake('', 40)}\nHF_TOKEN={fake('hf_', 34)}\n")
    mlsec_secrets(["--format", "sarif", ".env"])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert {(r["ruleId"], r["properties"]["precision"]) for r in results} == {("MLS223", "medium"), ("MLS201", "high")}


def _hs256(claims: dict[str, object], key: bytes) -> str:
    import hashlib
    import hmac

    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).decode().rstrip("=")

    signed = f"{part(json.dumps({'alg': 'HS256', 'typ': 'JWT'}).encode())}.{part(json.dumps(claims).encode())}"
    return f"{signed}.{part(hmac.new(key, signed.encode(), hashlib.sha256).digest())}"


@pytest.mark.parametrize("key", [b"secret", b"your-256-bit-secret"])
def test_jwt_signed_with_a_published_demo_key_is_low(tmp_path: Path, key: bytes) -> None:
    """PyJWT's README token and jwt.io's default verify under keys everyone knows: anyone can mint
    them (an example, or a server left on a default key): low. The same claims under any other
    key are a bearer token."""
    claims = {"sub": "svc", "role": "service"}
    demo = scan_text(tmp_path, "README.md", f"token = {_hs256(claims, key)}\n")
    assert [(f.rule_id, f.severity.value) for f in demo] == [("MLS221", "low")]
    assert "published demo key" in demo[0].message
    found = scan_text(tmp_path, "a.ini", f"token = {_hs256(claims, b'k8Fq2-unpublished-signing-key')}\n")
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS221", "medium")]


def test_typed_run_lowers_only_generated_formats(tmp_path: Path) -> None:
    """A run like `123456` in a vendor key's body marks a typed example (low for a provider format,
    silent for a vendor-prefixed generic value); in a password, or after a capitalised word, it is
    how people choose passwords, and the password still blocks. A checksum that holds wins."""
    stripe = scan_text(tmp_path, "a.py", f'STRIPE = "sk_live_{fake("", 24, ALNUM)}"\n')
    assert [(f.rule_id, f.severity.value) for f in stripe] == [("MLS219", "critical")]
    typed = scan_text(tmp_path, "t.py", 'STRIPE = "sk_live_51234567890abcdefghijklmnop"\n')
    assert [(f.rule_id, f.severity.value) for f in typed] == [("MLS219", "low")]
    assert "typed run" in typed[0].message
    passwords = scan_text(
        tmp_path,
        "pw.env",
        "DB_PASSWORD=Prod_Xk9m123456\nPOSTGRES_PASSWORD=acme-Rt7q!abcdef9\n"
        "DATABASE_URL=postgres://app:Prod_Xk9m123456@db.prod.acme.com:5432/app\n",
    )
    assert [f.severity.value for f in passwords] == ["medium", "medium", "high"]
    token = "ghp_" + "05ajOF1MoYsbTuvwxylO7AMtdUf3og" + "1gqAbV"  # checksum valid, holds `Tuvwxy`
    verified = scan_text(tmp_path, "gh.py", f'GITHUB_TOKEN = "{token}"\n')
    assert [(f.rule_id, f.severity.value) for f in verified] == [("MLS215", "high")]


def test_keys_typed_from_runs_are_stand_ins_but_passwords_are_not(tmp_path: Path) -> None:
    """`abc123XYZ987` given to an API key or a token is typed from alphabet and digit runs: a
    stand-in (no generator makes that). The same under a password name is how people choose
    passwords, and a random key of the same length still blocks."""
    stand_ins = scan_text(tmp_path, "values.yaml", 'vllmApiKey: "abc123XYZ987"\nVLLM_API_KEY=abc123xyz\n')
    assert stand_ins == []
    # The keyboard's digit row ends in 0: `...7890` is one run, as typed.
    keyboard = '{"access_token": "abcdefghijklmnopqrstuvwxyz1234567890ABCD", "api_key": "xyz0987654321cba"}\n'
    assert scan_text(tmp_path, "config.json", keyboard) == []
    assert [
        f.line for f in scan_text(tmp_path, "p.json", '{"password": "abcdefghijklmnopqrstuvwxyz1234567890ABCD"}')
    ] == [1]
    kept = scan_text(
        tmp_path,
        "kept.yaml",
        f'vllmApiKey: "{fake("", 12, ALNUM)}"\nadmin_password: "abc123XYZ987"\napiKey: "abc123XYZ98"\n'
        'adminPwd: "hijk5678MNOPqrst"\nSECRET_KEY: "hijk5678MNOPqrst"\nPASSCODE: "hijk5678MNOPqrst"\n'
        'DB_CREDENTIAL: "hijk5678MNOPqrst"\n',
    )
    assert [f.line for f in kept if f.severity.value != "low"] == [1, 2, 3, 4, 5, 6, 7]  # chosen secrets stay


def test_a_secret_names_arn_is_a_reference(tmp_path: Path) -> None:
    """`...:secret:name-AbC123` ends an AWS Secrets Manager ARN: the resource's name, the value is
    kept in the service. A `secret:` outside an ARN still blocks."""
    arn = "Example ARN: *arn:aws:secretsmanager:ap-southeast-2:111504783555:secret:cb-llm-oidc-Xk9mQ2*\n"
    assert scan_text(tmp_path, "docs.md", arn) == []
    plain = scan_text(tmp_path, "conf.yaml", f"secret: {fake('', 24, ALNUM)}\n")
    assert [f.rule_id for f in plain] == ["MLS223"]
    chained = scan_text(tmp_path, "conf2.yaml", f"arn:aws:iam::123456789012:role/x secret: {fake('', 24, ALNUM)}\n")
    assert [f.rule_id for f in chained] == ["MLS223"]
    # Only a Secrets Manager ARN's `:secret:`: other ARNs end in free paths where anything is written.
    other = f"role=arn:aws:iam::123456789012:role/etl,api_key:{fake('', 24, ALNUM)}\n"
    assert [f.rule_id for f in scan_text(tmp_path, "conf3.txt", other)] == ["MLS223"]


def test_storage_download_token_is_low_only_with_alt_media(tmp_path: Path) -> None:
    """Firebase Storage's `?alt=media&token=<uuid>` reads one object and is handed out for embedding;
    the same UUID under `token=` in any other query is a bearer token and blocks."""
    uuid = "0c9a7b1e-5f2d-4c11-9a3e-7d1b2c3d4e5f"
    shared = scan_text(
        tmp_path,
        "README.md",
        f"![diagram](https://firebasestorage.googleapis.com/v0/b/app.appspot.com/o/a%2Fb.png?alt=media&token={uuid})\n"
        f"![gif](https://gblobscdn.gitbook.com/assets%2Fx.gif?token={uuid}&amp;alt=media)\n",
    )
    assert [(f.rule_id, f.severity.value) for f in shared] == [("MLS223", "low"), ("MLS223", "low")]
    assert all("storage download token" in f.message for f in shared)
    export = scan_text(
        tmp_path,
        "b.md",
        f"curl 'https://api.acme.io/v1/export?format=csv&token={uuid}'\n"
        f"curl 'https://api.acme.io/v1/export?alt=mediax&token={uuid}'\n"
        f"curl 'https://api.heroku.com/account?alt=media&token={uuid}'\n"  # another host: a UUID API token
        f"curl 'https://firebasestorage.googleapis.com/v0/b/a/o/x?token={uuid}#&alt=media'\n",  # in the fragment
    )
    assert [(f.rule_id, f.severity.value) for f in export] == [("MLS223", "medium")] * 4


@pytest.mark.parametrize(
    ("name", "severity"),
    [
        ("SEGMENT_WRITE_KEY", "low"),
        ("analytics._writeKey", "low"),
        ("MIXPANEL_PROJECT_TOKEN", "low"),
        ("AML_APP_INSIGHTS_KEY", "low"),
        ("SEGMENT_ACCESS_TOKEN", "medium"),  # Segment's Public API token manages the workspace
        ("MIXPANEL_API_SECRET", "medium"),
        ("ANALYTICS_API_KEY", "medium"),
        ("DB_WRITE_KEY", "medium"),
        ("SEGMENT_DEMO_WRITE_KEY", "low"),
        ("CORTEX_TELEMETRY_SEGMENT_WRITE_KEY", "low"),  # the product's own words before the vendor's
        ("_segmentWriteKey", "low"),
        ("APP_RUDDERSTACK_WRITE_KEY", "low"),
        ("CORTEX_SEGMENT_ADMIN_TOKEN", "medium"),
        ("SEGMENT_S3_WRITE_KEY", "medium"),
        ("AMPLITUDE_API_KEY", "low"),  # Amplitude's API key is public; its secret key is not
        ("AMPLITUDE_SECRET_API_KEY", "medium"),
        ("MIXPANEL_SERVICE_ACCOUNT_TOKEN", "medium"),
        ("APPINSIGHTS_API_KEY", "medium"),  # App Insights' read API key
        ("LOG_ANALYTICS_WRITE_KEY", "medium"),  # an Azure workspace's shared key
        ("ANALYTICS_S3_WRITE_KEY", "medium"),
        ("OTEL_INSTRUMENTATION_KEY", "medium"),
        ("rudder" * 800 + "_api_token", "medium"),  # hostile length: judged without the pattern
        ("POSTHOG_API_KEY", "low"),  # PostHog's project key, which its browser snippet carries
        ("config.posthog_project_api_key", "low"),
        ("POSTHOG_PERSONAL_API_KEY", "medium"),  # a person's key to PostHog's management API
        ("OPENREPLAY_PROJECT_KEY", "low"),
        ("OPENREPLAY_API_KEY", "medium"),  # OpenReplay's organisation API key
        ("dev_mp_project_key", "low"),  # Mixpanel's project token by its SDKs' abbreviation
        ("prod_mp_project_token", "low"),
        ("MP_API_SECRET", "medium"),
        ("mp_project_secret", "medium"),
        ("ADMIN_POSTHOG_KEY", "medium"),  # a key that manages the account
        ("iKey", "medium"),  # low only for a GUID (below)
        ("apiKey", "medium"),
        ("POSTHOG_PERSONAL_KEY", "medium"),
    ],
)
def test_analytics_ingestion_keys_are_low(tmp_path: Path, name: str, severity: str) -> None:
    (finding,) = scan_text(tmp_path, "a.py", f'{name} = "Xk3pTz9RmWvQ2sLd8YbNc4Hf"\n')
    assert (finding.rule_id, finding.severity.value) == ("MLS223", severity)


def test_an_app_insights_envelope_key_is_low_only_as_a_guid(tmp_path: Path) -> None:
    """`"iKey"` carries an Application Insights instrumentation key, a GUID; anything else under
    that name is judged as any key."""
    (guid,) = scan_text(tmp_path, "a.json", '{"name": "Event", "iKey": "8b52b368-4c91-4226-b7f7-be52822f0509"}\n')
    (other,) = scan_text(tmp_path, "b.json", '{"name": "Event", "iKey": "Xk3pTz9RmWvQ2sLd8YbNc4Hf"}\n')
    assert (guid.severity.value, other.severity.value) == ("low", "medium")


def test_a_posthog_personal_key_under_a_project_keys_name_blocks(tmp_path: Path) -> None:
    """`phx_` is PostHog's personal API key, which reads and changes the whole account, whatever
    name it is given; the project key (`phc_`) under the same name is an ingestion key."""
    body = "Xk3pTz9RmWvQ2sLd8YbNc4HfXk3pTz9RmWvQ2sLd8Yb"
    (personal,) = scan_text(tmp_path, "a.py", f'POSTHOG_API_KEY = "phx_{body}"\n')
    (project,) = scan_text(tmp_path, "b.py", f'POSTHOG_API_KEY = "phc_{body}"\n')
    assert (personal.severity.value, project.severity.value) == ("medium", "low")


def test_a_posthog_project_key_is_low_by_its_prefix_under_any_name(tmp_path: Path) -> None:
    """axolotl's telemetry: `POSTHOG_WRITE_KEY = "phc_..."`. The `phc_` prefix is PostHog's
    project key, public by design, whatever the name; a personal key (`phx_`), the prefix with
    too short a body, or another vendor's key under the same name keeps blocking."""
    body = "1kUR0o04oJKKTTeSsIz2Mfm5mpiVsQEf2WOlzljMD7y"
    for name in ("POSTHOG_WRITE_KEY", "TELEMETRY_TOKEN", "api_key"):
        (found,) = scan_text(tmp_path, "a.py", f'{name} = "phc_{body}"\n')
        assert (found.rule_id, found.severity.value) == ("MLS223", "low"), name
        assert "PostHog project key" in found.message
    for value in (f"phx_{body}", "phc_Xk3pTz9RmWvQ2sLd8", f"pha_{body}"):
        found = scan_text(tmp_path, "b.py", f'POSTHOG_WRITE_KEY = "{value}"\n')
        assert [f.severity.value for f in found] == ["medium"], value


def test_an_algolia_search_widget_key_is_low_and_look_alikes_block(tmp_path: Path) -> None:
    """DocSearch's config object (`appId`, `indexName`, `apiKey`) runs in the reader's browser, so
    its key is Algolia's search-only key. The same name in any other object, in an object nested
    inside the settings, or a vendor's token pasted there, keeps blocking."""
    key = "e3b7d9f41c2a8b5e6f0d1c9a7b3e5f21"
    widget = (
        "docsearch({\n"
        '  container: "#search",\n'
        '  appId: "9H1PGK6NP7",\n'
        '  indexName: "determined-" + version,\n'
        f'  apiKey: "{key}",\n'
        "  transformItems(items) { return items.map((item) => { return item; }); },\n"
        "});\n"
    )
    (finding,) = scan_text(tmp_path, "docsearch.js", widget)
    assert (finding.rule_id, finding.severity.value) == ("MLS223", "low")
    assert "search widget" in finding.message
    called = f'docsearch({{ appId: "9H1PGK6NP7", indexName: "docs", apiKey: "{key}" }});\n'
    assert [f.severity.value for f in scan_text(tmp_path, "search.js", called)] == ["low"]
    look_alikes = {
        "llm.js": f'const llm = new OpenAI({{ model: "gpt-4o", apiKey: "{key}" }});\n',
        "nested.js": f'init({{ appId: "9H1PGK6NP7", indexName: "docs", auth: {{ apiKey: "{key}" }} }});\n',
        "apart.js": f'const a = {{ appId: "9H1PGK6NP7", indexName: "docs" }};\nconst b = {{ apiKey: "{key}" }};\n',
        # an indexing script's settings: a storage container, not a page element, and a write
        "index.js": f'const s = {{ appId: "B", indexName: "p", container: "uploads", apiKey: "{key}" }};\n'
        "algoliasearch(s.appId, s.apiKey).initIndex(s.indexName).saveObjects(records);\n",
        # another product's settings with the same fields (a search service's admin key)
        "search.py": f'SEARCH = {{"app_id": "rag", "index_name": "docs", "container": "c", "api_key": "{key}"}}\n',
        # gatsby-plugin-algolia's indexing job: the same three fields, an admin key, no widget
        "gatsby-config.js": f'{{ resolve: "gatsby-plugin-algolia", options: {{ appId: "9H1PGK6NP7",'
        f' apiKey: "{key}", indexName: "docs", queries }} }}\n',
        "vendor.js": 'docsearch({ appId: "9H1PGK6NP7", indexName: "docs", apiKey: "sk-proj-'
        + "Xk3pTz9RmWvQ2sLd8YbNc4HfXk3pTz9RmWvQ2sLd"
        + '" });\n',
    }
    for name, text in look_alikes.items():
        severities = [f.severity.value for f in scan_text(tmp_path, name, text)]
        assert severities and "low" not in severities, name


@given(
    st.lists(
        st.sampled_from(["{", "}", "appId: 'A',", "indexName: 'i',", "container: '#s',", "docsearch(", ")", "\n"]),
        max_size=40,
    )
)
def test_the_search_widgets_object_reader_takes_any_braces(parts: list[str]) -> None:
    """Unbalanced, nested or missing braces around the key: the reader answers, bounded, and a
    key it lowers always sits in an object naming appId and indexName at its own depth."""
    from hooks._shared.credential_context import Candidate
    from hooks.secrets.detection import _own_fields, _search_widget_key

    key = 'apiKey: "e3b7d9f41c2a8b5e6f0d1c9a7b3e5f21"'
    middle = len(parts) // 2
    text = "".join(parts[:middle]) + key + "".join(parts[middle:])
    start = text.index('"e3b7') + 1
    candidate = Candidate("e3b7d9f41c2a8b5e6f0d1c9a7b3e5f21", start, start + 32, "apiKey", "name", True, 2)
    lowered = text.lower()
    if _search_widget_key(candidate, lowered):
        found = _own_fields(lowered, candidate.start, candidate.end)
        assert found is not None and "appid" in found[1] and "indexname" in found[1]


def test_brackets_in_a_password_are_symbols_and_a_bracketed_name_is_a_slot(tmp_path: Path) -> None:
    """`<YOUR_API_KEY>` and `[REDACTED]` are slots the reader fills; a random password's `<`, `>`,
    `[` or `]` are symbols like any other (they were taken for slots, and such passwords passed)."""
    slots = scan_text(tmp_path, "a.env", "API_KEY=<YOUR_API_KEY>\nDB_PASSWORD=[REDACTED]\nTOKEN=sk-<your key>\n")
    assert slots == []
    real = scan_text(tmp_path, "b.yaml", 'DB_PASSWORD: "Zq<8]mK3vR7t>Lw"\nadmin_password: "aB3]x9<Qz!7pW"\n')
    assert [f.line for f in real if f.severity.value != "low"] == [1, 2]


def test_a_query_key_of_an_image_link_is_low_and_the_same_key_elsewhere_blocks(tmp_path: Path) -> None:
    """An image pasted from a shared document (`![](https://lh7-rt.googleusercontent.com/...?key=)`) or
    any `<img src>` URL carrying its own key: it fetches that image for whoever views the page."""
    key = "nSj5OwtjFXw0peMUG5DbZheN"
    images = (
        f"![](https://lh7-rt.googleusercontent.com/docsz/AD_4nXeOXc3VOVXwuZe?key={key})\n"
        f'<p><img alt="x" src="https://cdn.acme.io/chart.png?size=2&token={key}" width="40%"></p>\n'
    )
    elsewhere = (
        f"curl 'https://api.acme.io/v1/export?key={key}'\n"  # an API call, not an image
        f"[report](https://api.acme.io/v1/report?key={key})\n"  # a link, not an image
        f"![](https://img.acme.io/x.png) curl https://api.acme.io/?key={key}\n"  # after the image
        f'<img src="x.png"> api_key = "{key}"\n'  # an assignment next to an image
    )
    severities = {name: [(f.rule_id, f.severity.value) for f in scan_text(tmp_path, name, text)]
                  for name, text in (("README.md", images), ("b.md", elsewhere))}  # fmt: skip
    assert severities == {"README.md": [("MLS223", "low")] * 2, "b.md": [("MLS223", "medium")] * 4}
    assert all("image link" in f.message for f in scan_text(tmp_path, "README.md", images))


def test_an_image_link_lowers_only_keys_that_serve_the_image(tmp_path: Path) -> None:
    key = "nSj5OwtjFXw0peMUG5DbZheN"
    text = (
        f"![arch](https://gitlab.acme.io/api/v4/projects/12/files/a.png/raw?ref=main&private_token={key})\n"
        f"![x](https://hooks.acme.io/deploy.png?password={key}x)\n"
    )
    assert [f.severity.value for f in scan_text(tmp_path, "README.md", text)] == ["medium", "medium"]


def test_an_echo_reported_low_does_not_hide_the_same_value_blocking_in_an_output(tmp_path: Path) -> None:
    key = "nSj5OwtjFXw0peMUG5DbZheN"
    html = f'<img src="https://charts.acme.io/render.png?key={key}"><pre>api_key: {key}</pre>'
    notebook = {
        "cells": [{"cell_type": "code", "metadata": {}, "source": ["show()\n"], "execution_count": 1,
                   "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"text/html": [html]}}]}],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
    }  # fmt: skip
    findings = scan_text(tmp_path, "report.ipynb", json.dumps(notebook))
    assert [f.severity.value for f in findings] == ["medium"]


def test_an_image_link_does_not_lower_a_link_beside_it_or_a_vendor_token(tmp_path: Path) -> None:
    key = "nSj5OwtjFXw0peMUG5DbZheN"
    row = f"|![grafana](https://cdn.acme.io/g.png)|https://grafana.acme.io/api/export?token={key}|\n"
    assert [f.severity.value for f in scan_text(tmp_path, "links.md", row)] == ["medium"]
    vendor = "![](https://img.acme.io/a.png?token=dapi" + "3f9a2c7d81e04b6f95a2d3c8e7f1a0b4" + ")\n"
    assert [f.severity.value for f in scan_text(tmp_path, "img.md", vendor)] == ["medium"]


def test_a_digest_under_a_checksum_qualifier_is_no_secret(tmp_path: Path) -> None:
    # Helm's rollout annotation: `checksum/secret: {{ include ... | sha256sum }}`, rendered.
    digest = fake("", 64, HEX)
    annotations = (
        f"      annotations:\n        checksum/secret: {digest}\n        checksum/configuration-secret: {digest}\n"
    )
    assert scan_text(tmp_path, "deploy.yaml", annotations) == []
    # The qualifier must say digest and the value must be one: a password there, or a digest under
    # another qualifier (an annotation key naming the secret itself), still blocks.
    typed = "        checksum/secret: Xk9fQ2mL7vR3pT8wZ4\n"
    other = f"        vault.example.com/secret: {digest}\n"
    hmac_key = f"        hmac-sha256/secret: {digest}\n"  # a hex key named by its use, not a digest
    for text in (typed, other, hmac_key):
        found = scan_text(tmp_path, "deploy.yaml", "      annotations:\n" + text)
        assert [(f.rule_id, f.severity.value) for f in found] == [("MLS223", "medium")], text


def test_the_rest_of_a_comparison_or_version_pin_is_no_value(tmp_path: Path) -> None:
    # pip's own output in a notebook: `(from google-auth==1.6.1->kfp==0.1)`, and code comparing.
    pip_line = (
        "Requirement already satisfied: rsa>=3.1.4 in /opt/conda/lib/python3.6/site-packages "
        "(from google-auth==1.6.1->kfp==0.1) (4.0)\n"
    )
    assert scan_text(tmp_path, "install.log", pip_line) == []
    # An assignment with one `=` still blocks, and so does a value that itself starts with `=`.
    found = scan_text(tmp_path, "app.env", "GOOGLE_AUTH=Qm7vXk2pLr9TzW4sHq8nBc3d\n")
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS223", "medium")]
    for name, text in (
        ("settings.py", "SECRET_KEY = '=b4$k9z!q2m^x7w@r1p(e8t-u5y&i3o*a6s+d0f_g)h=j%lc'\n"),
        ("app.env", "SECRET_KEY==m2ZqXk9fQ2mL7vR3pT8w\n"),
        ("db.py", 'URL = "postgresql://admin:=Kq8vLz2mWp9xR7@db.internal/prod"\n'),
        ("conf.yaml", 'password: "=Kq8#vLz2mWp9xR7"\n'),
        ("app.env", "API_TOKEN==12345678-9abc-4def-8123-456789abcdef\n"),  # a UUID is no version
        ("app.env", "DB_PASSWORD==20240101-Xk7qPz\n"),
    ):
        assert [f for f in scan_text(tmp_path, name, text) if f.severity.value != "low"], text


def test_a_credential_word_inside_a_sentence_does_not_take_the_next_word_as_its_value(tmp_path: Path) -> None:
    assert scan_text(tmp_path, "main.tf", '# Configure Token Injection extension\nresource "a" "b" {}\n') == []
    # Two netrc entries on one line, and a random word in a sentence, are still passwords.
    netrc = "machine a login deploy password QkzvXbtrWplm machine b login ci password ZrtqPlmxWvkb\n"
    assert len(scan_text(tmp_path, "netrc", netrc)) == 2
    assert [f.rule_id for f in scan_text(tmp_path, "n.md", "# user deploy password QkzvXbtrWplm then\n")] == ["MLS223"]
    # A long run of letters is a passphrase, even inside a sentence.
    found = scan_text(tmp_path, "notes.md", "Staging admin password Wolfhoundwombatkazoo works.\n")
    assert [f.rule_id for f in found] == ["MLS223"]
    # The spaced form of a config file or netrc still counts: nothing prose-like around it.
    found = scan_text(tmp_path, "netrc", "machine example.com login ci password Xk9fQ2mL7vR3pT8w\n")
    assert [f.rule_id for f in found] == ["MLS223"]


def test_an_unquoted_value_that_is_a_call_an_item_or_a_keyword_argument_is_code(tmp_path: Path) -> None:
    # Python and Jinja snippets in Markdown: the "value" is an expression, whatever the file type.
    docs = (
        "```python\n    token = response.json()['session']['token']\n    pw = getpass.getpass()\n"
        "    secret = read_secret()\n```\n"
        "{{ doppler_secret_var('POSTGRES_PASSWORD', project='analytics', config='prd') }}\n"
    )
    assert scan_text(tmp_path, "guide.md", docs) == []
    # An item of a container read by a string key is code too.
    items = (
        "```python\nall_token_latencies = valid_df['end_to_end_latency_s'].apply(pd.Series).stack()\n"
        'inter_token_latencies = valid_df["inter_token_latency_s"] * 1000\n```\n'
    )
    assert scan_text(tmp_path, "README.md", items) == []
    # A name of separators only reads one way: no backtracking through a long run of them.
    assert scan_text(tmp_path, "app.env", "API_TOKEN=" + "_." * 200 + "x['\n") is not None
    # Look-alikes: a password with brackets, a padded base64 key, a CSV value after a quoted name.
    for name, text in (
        ("app.env", "DB_PASSWORD=Xk9fQ2mL[7]\n"),  # ends at its bracket: a password
        ("app.env", "API_KEY=Zq8vLp3Rt9Wm[0]x9\n"),  # goes on after it
        ("app.env", "DB_PASSWORD=kV9rTq2w[4].Qz!mT8w\n"),  # capitals, and not code after the bracket
        ("app.env", "DB_PASSWORD=kV9rTq2wX['Qz7!mT8w\n"),
        ("config.yaml", "password: Hn4tZ8qW[12](pL3x\n"),
        ("app.ini", "password = Pq7Lm2Xz[0][9fK!\n"),
        ("app.env", "API_TOKEN=xk9fq2ml7vr3[0].x\n"),  # lower case but random: digits
        ("app.env", 'DB_PASSWORD=qzkvmwptrxjhlbndyc["\n'),  # random lower case before a quote
        ("app.env", "API_TOKEN=kq.zvm_wptrxjhlbnd['x9\n"),
        ("app.env", "DB_PASSWORD=summer.sky[7].blue\n"),  # an index, then text: a value
        ("app.ini", "password = qwerty[123][!@#]\n"),
        ("app.env", "API_KEY=key[0](Xk9fQ2mLZq8vLp3Rt9Wm7Hd5Jf1Gs0Ya3Zu7)\n"),
        ("app.env", "DB_PASSWORD=Summer(2024)Xk7q\n"),
        ("notes.md", "token=Xk9fQ2mL7vR3pT8wZ4(\n"),
        ("keys.csv", '"api_key",Xk9fQ2mL7vR3pT8wZ4qR=\n'),
    ):
        assert [f.rule_id for f in scan_text(tmp_path, name, text)] == ["MLS223"], text


def test_the_fingerprints_of_public_signing_keys_are_no_secret(tmp_path: Path) -> None:
    dockerfile = (
        "FROM debian:12\n"
        'ENV GPG_KEY="0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D" \\\n    PYTHON_VERSION="3.6.5"\n'
        "ENV NODE_PGP_KEYS 4ED778F539E3634C779C87C6D7062848A1AB005C 94AE36675C464D64BAFA68DD7434390BDBE9B9C5\n"
        "ARG GNUPG_KEY_ID=0x7434390BDBE9B9C5\n"
    )
    assert scan_text(tmp_path, "Dockerfile", dockerfile) == []
    # Look-alikes: a passphrase or a private key under a PGP name, and a hex key under another name.
    for text in (
        'ENV GPG_PASSPHRASE="0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D"\n',
        "ENV PGP_PRIVATE_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D\n",
        "ENV SIGNING_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D\n",
    ):
        found = scan_text(tmp_path, "Dockerfile", "FROM debian:12\n" + text)
        assert [f.rule_id for f in found] == ["MLS223"], text


def test_red_team_look_alikes_of_code_values_and_key_ids_still_block(tmp_path: Path) -> None:
    # Padded base64 right before a closing quote is a value, not a keyword argument.
    for name, text in (
        ("api_client.py", 'headers = {"Authorization": "Basic YWRtaW46U3VwM3JTM2NyZXRQdzE="}\n'),
        ("docker-compose.yml", 'environment:\n  - "JWT_SECRET=jzocnit9T2oMXosdP3qcLkttjwocPlt9nypMbosNHzo="\n'),
        ("run.sh", 'docker run -e "WANDB_API_KEY=jzocnit9T2oMXosdP3qcLkttjwocPlt9nypMbosNHzo=" trainer\n'),
        ("app.env", "DB_PASSWORD=My.Pass(2024)xk\n"),  # starts like a call, goes on like a password
    ):
        assert [f.rule_id for f in scan_text(tmp_path, name, text)] == ["MLS223"], text
    # Other credential words under a PGP name, and hex of a length PGP never gives an id.
    for line in (
        "GPG_PASSWD=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D",
        "GPG_CREDENTIALS=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D",
        "GPG_HMAC_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D",
        "PGP_SECRETKEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D",
        "GPG_SIGNING_KEY=0D96DF4D4110E5C43FBFB17F2D347EA60D96DF4D4110E5C43FBFB17F2D347EA6",
        "OPENPGP_API_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6",
    ):
        assert [f.rule_id for f in scan_text(tmp_path, "release.env", line + "\n")] == ["MLS223"], line


@given(st.lists(st.sampled_from([8, 16, 40, 32, 64, 7]), min_size=1, max_size=4), st.sampled_from([" ", "", "\t"]))
def test_key_ids_are_whole_hex_words_of_pgp_lengths(lengths: list[int], separator: str) -> None:
    from hooks._shared.credential_context import _pgp_key_ids

    value = separator.join("a1" * (n // 2) + "f" * (n % 2) for n in lengths)
    words = lengths if separator else [sum(lengths)]  # without a blank, one longer word
    assert _pgp_key_ids(value) is all(n in (8, 16, 40) for n in words)


def test_a_long_run_of_hex_under_any_name_is_no_key_id() -> None:
    from hooks._shared.credential_context import _pgp_key_ids

    # A pattern of repeated id lengths backtracked for seconds on such a value.
    assert not _pgp_key_ids("ab" * 200 + "01z")
    assert not _pgp_key_ids("ab" * 1000 + "1")


def test_red_team_secret_key_kinds_under_a_pgp_name_and_case_mixed_repeats_still_block(tmp_path: Path) -> None:
    for line in (
        "GPG_MASTER_KEY=9F2C4A7E1B3D5F60",
        "GPG_ENCRYPTION_KEY=3A9F1C7E5B2D8F4A",
        "PGP_SESSION_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D",
        "DB_PASSWORD=Qz7kqZ7KQz7K",  # a block repeated with a case chosen letter by letter
        "JWT_SECRET=9fK2pL8q9Fk2Pl8Q9fK2pl8Q",
    ):
        assert [f.rule_id for f in scan_text(tmp_path, "app.env", line + "\n")] == ["MLS223"], line


def test_a_lock_files_version_range_is_no_secret_but_a_key_with_commas_in_it_is(tmp_path: Path) -> None:
    # poetry.lock lists each dependency's range under its name, and `google-auth` names auth.
    lock = (
        "[package.dependencies]\n"
        'google-auth = ">=2.14.1,<3.0.dev0"\n'
        'google-auth-oauthlib = ">=1.25.0,<3.0dev"\n'
        'keyring = ">=1.0,!=1.5.*,<2.0"\n'
    )
    assert scan_text(tmp_path, "poetry.lock", lock) == []
    # A value that only starts like a range, or a password with a comma in it, is still judged.
    for text in (
        'auth_token = ">=2.14.1,<3.0.dev0Xk9fQ2mL7vR3pT8w"\n',
        'auth_token = ">=2.1,Xk9fQ2mL7vR3pT8wZ4q"\n',
        'password = "Qk8,vLz2mWp9xR7"\n',
    ):
        found = scan_text(tmp_path, "settings.toml", text)
        assert [f.rule_id for f in found if f.severity.value != "low"] == ["MLS223"], text


def test_a_qualified_call_cut_at_its_quoted_argument_is_code_but_a_generated_run_before_it_is_not(
    tmp_path: Path,
) -> None:
    # A README's Rust, C++ or PHP reads the key at run time; the candidate stops at the quote.
    for text in (
        '```rust\nlet api_key = std::env::var("BASETEN_API_KEY").expect("set it");\n```\n',
        '```cpp\nauto token = config::secrets::get("HF_TOKEN");\n```\n',
        "```php\n$secret = $this->config->get('app.secret');\n```\n",
    ):
        assert scan_text(tmp_path, "README.md", text) == [], text
    # Random parts are no names: a key followed by `::x(`, or a password made of mixed-case runs
    # and a call's punctuation (red team, stop 40), still blocks.
    for name, text in (
        ("README.md", 'api_key = "a1B2c3D4e5F6g7H8q9Z0::x("\n'),
        ("settings.py", 'password = "Zq8.Rt5y::Wm3("\n'),
        ("settings.py", 'token = "hf.Xq7r.Lm9p("\n'),
        ("app.env", "DB_PASSWORD=k9Xz.Qw7m(\n"),
        ("app.env", "SECRET_KEY=aK9x->Qz7p(\n"),
    ):
        found = scan_text(tmp_path, name, text)
        assert [f.rule_id for f in found if f.severity.value != "low"] == ["MLS223"], text


def test_a_float_in_scientific_notation_is_a_number_but_a_key_with_an_e_in_it_is_not(tmp_path: Path) -> None:
    # A benchmark's log in a README: `pass` names a passed run, and the value is a metric.
    log = "```\npass_mean_latency2: 5.376289226632219e-05\nwindow_pass_mean_latency2: 5.376289226632219e-05\n```\n"
    assert scan_text(tmp_path, "README.md", log) == []
    for text in (
        "password: 5.376289226632219e-05Zq\n",  # letters after the exponent
        "api_token: 9f2c4a7e1b3d5f60e8a1c3\n",  # hex digits with an `e` among them
        "api_secret: 8675309e123\n",  # digits around one `e`: no point, no signed exponent
        "token: 31415926535897932384e5\n",
    ):
        assert [f.rule_id for f in scan_text(tmp_path, "settings.yaml", text)] == ["MLS223"], text


def test_a_credential_word_run_on_at_the_end_of_a_name_is_read_as_if_split_there(tmp_path: Path) -> None:
    # `PGPASSWORD` is PostgreSQL's own variable; the word split cannot see its two words.
    for line in ("PGPASSWORD=Zq7vR2mXk9LpW4tB", "HFTOKEN=Zq7vR2mXk9LpW4tD", "MYSQLPASSWORD=Zq7vR2mXk9LpW4tE"):
        assert [f.rule_id for f in scan_text(tmp_path, "app.env", line + "\n")] == ["MLS223"], line
    # Split there, these are a tokenizer's vocabulary and a page cursor, as their split spellings are.
    for line in ("EOSTOKEN=Zq7vR2mXk9LpW4tB", "NEXTTOKEN=Zq7vR2mXk9LpW4tD", "ov_tokenizers_branch=Zq7vR2mXk9LpW4tE"):
        assert scan_text(tmp_path, "app.env", line + "\n") == [], line


def test_a_final_pass_after_a_service_and_creds_name_a_password(tmp_path: Path) -> None:
    """Stop 79's red team: `DB_PASS=...`, `SMTP_PASS`, `DB_CREDS` are how .env files name a
    service's password; a short chosen password under them blocked nowhere. Only after a service's
    or account's word: elsewhere `pass` is a stage (`eval_pass`, `render_pass`)."""
    for line in ("DB_PASS=Xk9#mQ2vL", "SMTP_PASS=Hunter2Zq!8x", "DB_CREDS=Xk9#mQ2vLp7w", "aws_creds: Xk9#mQ2vLp7w"):
        assert [f.rule_id for f in scan_text(tmp_path, "app.env", line + "\n")] == ["MLS223"], line
    # A step, a filter or a count named `pass`, and where the credentials are kept, are no password.
    for line in (
        "FIRST_PASS=Xk9#mQ2vL",
        "HIGH_PASS=Xk9#mQ2vL",
        "forward_pass: Xk9#mQ2vL",
        "creds_path: /etc/x/y",
        # stop 79's red team: a stage or step named `pass` holds a model, a hash, a run id
        "EVAL_PASS=llama3_8b",
        "DATA_PASS=a1b2c3d4e5f6",
        "TRAIN_PASS=3kx9q2ab",
        "refine_pass: qwen2_7b",
    ):
        found = [f for f in scan_text(tmp_path, "app.env", line + "\n") if f.severity.value != "low"]
        assert found == [], line


def test_a_comparison_in_a_condition_is_no_assignment(tmp_path: Path) -> None:
    # Minified JavaScript in a notebook's HTML output (a chart library): `keyCode==27&&...` compares.
    script = 'el.on("keyup.zoom",function(){d.event.keyCode==27&&ks==3&&(Px[0]+=Qy[1],Px[1]+=$q[1],ks=0,redraw())});'
    output = {"output_type": "display_data", "metadata": {}, "data": {"text/html": [f"<div>{script}</div>"]}}
    cell = {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": "report.show()", "outputs": [output]}
    notebook = json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [cell]})
    assert scan_text(tmp_path, "report.ipynb", notebook) == []
    # Look-alikes: one `=` assigns, whatever follows the value; a .env value may start with `=`.
    # Red team (stop 42): Django's key alphabet holds both `=` and `&`, so a .env value may start
    # `=` and hold `&&`; only a property (`a.b==`) compared is skipped, and never a password.
    for name, text in (
        ("run.sh", "export API_TOKEN=Qm7vXk2pLr9TzW4sHq8n && python app.py\n"),
        ("app.env", "SECRET_KEY==m2ZqXk9fQ2mL7vR3pT8w\n"),
        ("app.env", "DEBUG=1\nSECRET_KEY==k3&&x9m2vq8zw4rt7yu1io5pa6sd0f\n"),
        ("app.env", "DEBUG=1\nDB_PASSWORD==Xk9qT2&&mW8vN4\n"),
        ("setup.sh", "export API_TOKEN==Xk9qT2mW8vN4bT8pL3jH&&echo ok\n"),
        ("application.properties", "a=1\nstripe.api_key==sk9&&Lm2Tz8Xm4Kc6Wn3Yb5Hd1Fs0GqR\n"),  # a strong name
    ):
        found = scan_text(tmp_path, name, text)
        assert [(f.rule_id, f.severity.value) for f in found] == [("MLS223", "medium")], text


def test_a_product_and_its_version_is_no_token(tmp_path: Path) -> None:
    # urllib3's debug log of the EC2 metadata service: `token HTTP/1.1` is a path and a protocol.
    log = 'DEBUG:urllib3.connectionpool:http://169.254.169.254:80 "PUT /latest/api/token HTTP/1.1" 200 56\n'
    assert scan_text(tmp_path, "debug.log", log) == []
    assert scan_text(tmp_path, "client.py", 'HEADERS = {"token": "Mozilla/5.0"}\n') == []
    # Look-alikes: a password of that shape is still one, and so is a key with a slash in it.
    for name, text in (
        ("db.env", "DB_PASSWORD=Qx7vLpWz/2024\n"),
        ("client.py", 'HEADERS = {"token": "Xk9fQ2mL7vR3/pT8wZ4a"}\n'),
        # Red team (stop 42): random letters and digits before the slash, a secret's name, a
        # four-digit "version" are no product.
        ("creds.env", "API_TOKEN=xK9mQ2vL8nR4tZ7wB3jH/5\n"),
        ("creds.env", "CLIENT_SECRET=kQ8zR2xW9mN4vB7tL3pJ6hF1/1.0.0\n"),
        ("app.py", 'API_KEY = "s3cr3tK3yW1thL0tsOfEntr0py9xQ/2"\n'),
        ("app.py", 'auth_token = "Tr0ub4dor/1234"\n'),
        ("app.py", 'ADMIN_TOKEN = "GHJKLM/123"\n'),  # no protocol's name and release
    ):
        found = scan_text(tmp_path, name, text)
        assert [(f.rule_id, f.severity.value) for f in found] == [("MLS223", "medium")], text
    # ... and with no name at all (a URL's or an option's password) the rule does not apply.
    for name, text in (
        ("app.py", 'MONGO = "mongodb+srv://app:Kj8sLq2Wz%2F2024@cluster0.example.mongodb.net/prod"\n'),
        ("app.py", 'REDIS = "redis://:Tz8qLm3Wx9Rv%2F42@cache.internal:6379/0"\n'),
        ("fetch.sh", "curl -u deploy:Kj8sLq2Wz%2F2024 https://x.example/a\n"),
    ):
        assert [f.rule_id for f in scan_text(tmp_path, name, text)] == ["MLS222"], text
    aws = (
        "[default]\naws_access_key_id = AKIAQX7VLPWZ9KMN3RT5\n"
        "aws_secret_access_key = sBLtTq26Y+pMOM097Y8bZEuFKH3te2caSz7zPf/2\n"
    )
    assert "MLS213" in {f.rule_id for f in scan_text(tmp_path, "credentials", aws)}


def test_a_local_notebook_servers_token_and_a_shared_documents_link_token_are_low(tmp_path: Path) -> None:
    hex_token = "9c1f0e27b4d85a3f6e0b2c7d914a8e5f03b6d2c1a7e94f58"
    slides = "https://docs.google.com/presentation/d/1Qx7vLpWz9KmN3rT5yB8cD2fG4hJ6kL0/present?token=AC4w5VgM6oQz7LpWx2R%3A15117&x=1"
    for name, text in (
        ("README.md", f"open `localhost:8888/?token={hex_token}` in a browser\n"),
        ("slides.md", f"* [slides]({slides})\n"),
    ):
        found = scan_text(tmp_path, name, text)
        assert [(f.rule_id, f.severity.value) for f in found] == [("MLS223", "low")], text
    with_scheme = f"Jupyter is at http://127.0.0.1:8888/lab?token={hex_token}\n"
    assert [f for f in scan_text(tmp_path, "run.md", with_scheme) if f.severity.value != "low"] == []
    # Look-alikes: another host, a host that only starts with localhost, another parameter, another
    # document site.
    for name, text in (
        ("a.md", f"open https://notebooks.example.com:8888/?token={hex_token}\n"),
        ("b.md", f"open `localhost.example.com:8888/?token={hex_token}`\n"),
        ("c.md", "open `localhost:8888/?secret=Qx7vLpWz9KmN3rT5yB8cD2fG4h`\n"),
        (
            "d.md",
            "see https://drive.example.com/presentation/d/1Qx7vLpWz9KmN3rT5yB8cD2fG4hJ6kL0/present?token=AC4w5VgM6oQz7LpWx2R\n",
        ),
        # Red team (stop 42): a link that goes on past a comma, and a proxy's or a local forwarder's
        # URL holding a remote one: the token belongs to the remote host.
        (
            "config.env",
            'HOOKS="http://localhost:8080/hook,https://hooks.example.com/n?token=q8Zr2LmX7vTn4KpW9sYd3HbF"\n',
        ),
        (
            "proxy.py",
            'URL = "http://127.0.0.1:3128/fetch?url=https://api.example.com/v1&token=q8Zr2LmX7vTn4KpW9sYd3H"\n',
        ),
        ("proxy.py", 'URL = "http://localhost:8080/https://api.example.com/v1/data?token=q8Zr2LmX7vTn4KpW9sYd3HbF"\n'),
        (
            "d2.md",
            "see https://docs.google.com/presentation/d/1AbCdEfGhIjKlMnOpQrStUvWxYz/edit?usp=sharing,"
            "api.example.com/v1?token=Wm4Xq8Zr2LmX7vTn4KpW9sYd\n",
        ),
    ):
        found = scan_text(tmp_path, name, text)
        assert [(f.rule_id, f.severity.value) for f in found] == [("MLS223", "medium")], text


def test_a_value_on_the_files_first_line_is_read_whole(tmp_path: Path) -> None:
    """The text's start is no query string's `?` or `&`: `&&` in a password on line 1 was cut there
    (and the rest too short to report), while the same line anywhere else was reported."""
    for text in ("db.password=Xk9qT2&&mW8vN4zR\n", "x=1\ndb.password=Xk9qT2&&mW8vN4zR\n"):
        (finding,) = scan_text(tmp_path, "app.properties", text)
        assert (finding.rule_id, finding.severity.value) == ("MLS223", "medium")
    # a URL's query parameters are still cut at `&`: the next parameter is no part of the value
    assert scan_text(tmp_path, "links.txt", "https://x.example/cb?token=abc&next=home\n") == []


def test_a_value_is_judged_as_the_text_its_escapes_spell(tmp_path: Path) -> None:
    """`"p(95)\\u003c1000"` is the text `p(95)<1000` (a k6 threshold), not a random token; a random
    token with an escaped character in it is still one."""
    escaped = 'const thresholdStatKey = "p(95)\\u003c1000";\nconst apiKey = "Xk3pTz9R\\u002bmWvQ2sLd8YbNc4Hf";\n'
    findings = scan_text(tmp_path, "helpers.ts", escaped)
    assert [(f.line, f.severity.value) for f in findings] == [(2, "medium")]


@pytest.mark.parametrize(
    ("alg", "wrong", "right"), [("HS256", 13, 32), ("HS512", 32, 64), ("ES256", 32, 64), ("RS256", 20, 256)]
)
def test_jwt_whose_signature_cannot_fit_its_algorithm_is_low(tmp_path: Path, alg: str, wrong: int, right: int) -> None:
    """phoenix's redaction test: `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.SflKxwRJSMeKKF2QT`, a
    signature of 13 bytes under HS256, which no key produces. The right length still blocks."""
    import base64
    import json

    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).decode().rstrip("=")

    head = f"{part(json.dumps({'alg': alg, 'typ': 'JWT'}).encode())}.{part(json.dumps({'sub': 'svc'}).encode())}"
    cut = scan_text(tmp_path, "a.ini", f"token = {head}.{part(bytes((7 + i) % 256 for i in range(wrong)))}\n")
    assert [(f.rule_id, f.severity.value) for f in cut] == [("MLS221", "low")]
    assert f"does not fit {alg}" in cut[0].message
    whole = scan_text(tmp_path, "b.ini", f"token = {head}.{part(bytes((7 + i) % 256 for i in range(right)))}\n")
    assert [(f.rule_id, f.severity.value) for f in whole] == [("MLS221", "medium")]


def test_jwt_with_an_unknown_algorithm_keeps_its_severity_and_never_shows_the_header(tmp_path: Path) -> None:
    import base64
    import json

    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).decode().rstrip("=")

    alg = "\x1b[31mXX999"
    claims = part(json.dumps({"sub": "svc"}).encode())
    token = f"{part(json.dumps({'alg': alg}).encode())}.{claims}.{part(bytes(range(40, 53)))}"
    found = scan_text(tmp_path, "a.ini", f"token = {token}\n")
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS221", "medium")]
    assert "\x1b" not in found[0].message and "XX999" not in found[0].message


def _jwt_with(alg: str, signature: bytes) -> str:
    import base64

    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).decode().rstrip("=")

    head = part(json.dumps({"alg": alg, "typ": "JWT"}).encode()) + "." + part(json.dumps({"sub": "svc"}).encode())
    return f"{head}.{part(signature)}"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # the red team's: a token in an HTML comment, the comment's `--` run on from the signature
        ("a.md", f"<!-- service key: {_jwt_with('HS256', bytes(range(40, 72)))}-->\n"),
        ("b.html", f"<p>x</p><!-- token {_jwt_with('RS256', bytes(range(256)))}-->\n"),
        # the token right after the comment's opening dashes, and right before its closing ones
        ("e.html", f"<div><!--{_jwt_with('HS256', bytes(range(40, 72)))}--></div>\n"),
        # an RSA modulus of no round size (2040 bits), and an ECDSA signature in DER
        ("c.ini", f"token = {_jwt_with('RS256', bytes(range(255)))}\n"),
        ("d.ini", f"token = {_jwt_with('ES256', bytes([0x30, 0x45, 0x02, 0x21]) + bytes(range(67)))}\n"),
    ],
)
def test_jwt_signatures_that_fit_some_verifier_still_block(tmp_path: Path, name: str, text: str) -> None:
    assert [(f.rule_id, f.severity.value) for f in scan_text(tmp_path, name, text)] == [("MLS221", "medium")]


def test_a_jwt_glued_to_other_token_characters_is_part_of_another_value(tmp_path: Path) -> None:
    # `ab-eyJ...`: the token's alphabet runs on to its left, so this is no token that starts there.
    text = f"x=ab-{_jwt_with('HS256', bytes(range(40, 72)))}\n"
    assert [f.rule_id for f in scan_text(tmp_path, "d.txt", text)] == []
    same = scan_text(tmp_path, "e.html", f"<!--{_jwt_with('HS256', bytes(range(40, 72)))}-->\n")
    spaced = scan_text(tmp_path, "f.html", f"<!-- {_jwt_with('HS256', bytes(range(40, 72)))} -->\n")
    assert [f.message for f in same] == [f.message for f in spaced]  # the same token, dashes left out
