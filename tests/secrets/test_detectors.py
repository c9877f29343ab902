"""Every secret rule: a positive in a realistic line, and a safe look-alike that stays silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.secrets.helpers import ALNUM, HEX, fake, jwt, rules, scan_text, secret_value

B64 = ALNUM + "+/"
HF = fake("hf_", 34)
OPENAI = fake("sk-proj-", 120, ALNUM + "_-")
ANTHROPIC = fake("sk-ant-api03-", 93, ALNUM + "_-")
WANDB = fake("", 40, HEX)
KAGGLE = fake("", 32, HEX)
AWS_ID = fake("AKIA", 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
AWS_SECRET = fake("", 40, B64)
GOOGLE = fake("AIza", 35, ALNUM + "_-")
PEM_BODY = fake("", 64, B64)

POSITIVES = [
    ("MLS201", "train.py", f'HF_TOKEN = "{HF}"\n'),
    ("MLS202", ".env", f"OPENAI_API_KEY={OPENAI}\n"),
    ("MLS202", "a.py", f'client = OpenAI(api_key="{fake("sk-", 20)}T3BlbkFJ{fake("", 20)}")\n'),
    ("MLS203", ".env", f"ANTHROPIC_API_KEY={ANTHROPIC}\n"),
    ("MLS204", "train.py", f'wandb.login(key="{WANDB}")\n'),
    ("MLS204", ".netrc", f"machine api.wandb.ai\n  login user\n  password {WANDB}\n"),
    ("MLS204", "setup.py", f'os.environ["WANDB_API_KEY"] = "{WANDB}"\n'),
    ("MLS204", "setup.sh", f"!wandb login --relogin {WANDB}\n"),
    ("MLS205", "nb.py", f"os.environ['KAGGLE_KEY'] = '{KAGGLE}'\n"),
    ("MLS205", "kaggle.json", f'{{\n  "username": "ml",\n  "key": "{KAGGLE}"\n}}\n'),
    ("MLS205", "setup.sh", f"export KAGGLE_KEY={KAGGLE}\n"),
    ("MLS206", ".env", f"COMET_API_KEY={fake('', 25)}\n"),
    ("MLS207", "run.py", f'NEPTUNE_API_TOKEN = "eyJ{fake("", 60)}"\n'),
    ("MLS208", "gen.py", f'client = replicate.Client(api_token="{fake("r8_", 37)}")\n'),
    ("MLS209", ".env", f"COHERE_API_KEY={fake('', 40)}\n"),
    ("MLS210", "maps.js", f'const key = "{GOOGLE}";\n'),
    (
        "MLS211",
        "sa.json",
        f'{{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n{PEM_BODY}'
        f'\\n-----END PRIVATE KEY-----\\n"}}\n',
    ),
    ("MLS212", "creds.ini", f"aws_access_key_id = {AWS_ID}\n"),
    ("MLS213", "creds.ini", f"aws_secret_access_key = {AWS_SECRET}\n"),
    ("MLS214", "app.yaml", f"conn: DefaultEndpointsProtocol=https;AccountName=x;AccountKey={fake('', 86, B64)}==\n"),
    ("MLS215", "ci.sh", f"git clone https://{fake('ghp_', 36)}@github.com/acme/x\n"),
    ("MLS216", "requirements.txt", f"--index-url https://__token__:{fake('glpat-', 20)}@gitlab.example/simple\n"),
    # A bot token's shape: workspace and bot ids, then 24 characters (Slack's token-types page).
    (
        "MLS217",
        "notify.py",
        f'SLACK = "xoxb-{fake("", 11, "0123456789")}-{fake("", 13, "0123456789")}-{fake("", 24, ALNUM)}"\n',
    ),
    (
        "MLS218",
        "notify.py",
        f'URL = "https://hooks.slack.com/services/T{fake("", 8, "ABCDEFGH0123456789")}/B'
        f'{fake("", 8, "ABCDEFGH0123456789")}/{fake("", 24)}"\n',
    ),
    ("MLS219", "billing.py", f'stripe.api_key = "{fake("sk_live_", 30)}"\n'),
    ("MLS220", "id_rsa", f"-----BEGIN RSA PRIVATE KEY-----\n{PEM_BODY}\n-----END RSA PRIVATE KEY-----\n"),
    ("MLS221", "auth.py", f'TOKEN_HEADER = "{jwt({"sub": "svc", "role": "admin"})}"\n'),
    ("MLS222", ".env", f"DATABASE_URL=postgres://etl:{fake('', 16)}@db.internal:5432/x\n"),
    ("MLS222", "track.py", f'mlflow.set_tracking_uri("https://admin:{fake("", 14)}_^x@mlflow.acme.io")\n'),
    ("MLS223", "docker-compose.yml", f"    POSTGRES_PASSWORD: {fake('', 12)}!x\n"),
    ("MLS223", "settings.py", f'DB_PASSWORD = "{fake("", 9)}#x"\n'),
    ("MLS227", "notify.py", f'SENDGRID = "SG.{fake("", 22)}.{fake("", 43)}"\n'),
    ("MLS224", "sms.py", f'TWILIO_KEY = "SK{fake("", 32, "0123456789abcdef")}"\n'),
]


@pytest.mark.parametrize(("rule", "name", "text"), POSITIVES, ids=[f"{p[0]}-{p[1]}" for p in POSITIVES])
def test_positive(tmp_path: Path, rule: str, name: str, text: str) -> None:
    findings = scan_text(tmp_path, name, text)
    assert rules(findings) == [rule], findings
    assert findings[0].confidence in ("high", "medium", "low")
    secret = secret_value(text)
    chunks = {secret[i : i + 8] for i in range(0, max(1, len(secret) - 8), 4)}
    assert not any(chunk in findings[0].message for chunk in chunks), findings[0].message


NEGATIVES = [
    ("placeholder", "nb.py", 'OPENAI_API_KEY = "YOUR_API_KEY"\nHF_TOKEN = "<token>"\nKEY = "sk-..."\n'),
    ("masked", "log.txt", "WANDB_API_KEY=****************\n"),
    (
        "repeated",
        "a.py",
        'WANDB_KEY = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n'
        'ANTHROPIC = "sk-ant-api03-XXXXXXXXXXXXXXXXXXXXXXXXXXXX"\n',
    ),
    ("template", "compose.yaml", "    WANDB_API_KEY: ${WANDB_API_KEY}\n    PASSWORD: '{{ vault_password }}'\n"),
    ("env read", "a.py", 'HF_TOKEN = os.environ["HF_TOKEN"]\npassword = os.getenv("DB_PASSWORD")\napi_key=api_key\n'),
    ("environ copy", "a.py", 'os.environ["WANDB_API_KEY"] = os.getenv("WB_KEY")\nwandb login --relogin\n'),
    ("prompt", "a.py", 'wandb_key = getpass.getpass("W&B key: ")\ntoken = userdata.get("HF_TOKEN")\n'),
    (
        "aws docs",
        "a.py",
        'aws_access_key_id = "AKIAIOSFODNN7EXAMPLE"\nsecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n',
    ),
    (
        "jwt.io",
        "a.md",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIy"
        "fQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\n",
    ),
    (
        "hashes",
        "check.py",
        f'EXPECTED_MD5 = "{fake("", 32, HEX)}"\nREVISION = "{fake("", 40, HEX)}"\n'
        f'SHA256 = "{fake("", 64, HEX)}"\nRUN_ID = "{fake("", 32, HEX)}"\n',
    ),
    ("uuid", "a.py", 'run = "5f0c2b8e-1c7d-4b8a-9a3e-2f6d7c1e9b40"\n'),
    ("model id", "a.py", 'AutoModel.from_pretrained("meta-llama/Meta-Llama-3-8B", revision="main")\n'),
    ("url placeholder", "a.py", 'DATABASE_URL = "postgresql://user:password@localhost:5432/db"\n'),
    ("url no password", "a.py", 'URL = "https://user@example.com/repo.git"\n'),
    ("stripe publishable", "a.js", f'Stripe("{fake("pk_live_", 24)}")\nconst key = "{fake("pk_test_", 24)}";\n'),
    ("tokenizer names", "a.py", 'pad_token = "[PAD]"\neos_token = "</s>"\nmax_new_tokens = 512\n'),
    ("weak password", "a.yaml", "password: changeme\nsecret_name: my-app-secret\n"),
    ("code expression", "a.py", "SECRET_KEY = settings.SECRET_KEY\npassword = make_password(raw)\n"),
    ("base64 image", "a.md", f"![plot](data:image/png;base64,{fake('', 400, B64)})\n"),
    ("pem placeholder", "README.md", "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n"),
    ("sequential", "a.py", 'API_KEY = "abcdefghijklmnopqrstuvwxyz"\n'),
]


@pytest.mark.parametrize(("what", "name", "text"), NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_safe_lookalike(tmp_path: Path, what: str, name: str, text: str) -> None:
    assert scan_text(tmp_path, name, text) == []
