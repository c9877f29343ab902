"""One look-alike per credential rule: the text that rule's format is most easily confused with
(a placeholder in the provider's own docs, a value of the right length that is something else,
a name without a value) does not block. With `test_detectors` and `test_families`, every rule
has a positive and a look-alike; `test_every_rule_has_both` keeps it that way."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.secrets.rules import RULE_FOR_KIND
from tests.secrets import test_detectors, test_families
from tests.secrets.helpers import ALNUM, HEX, fake, scan_text

B64 = ALNUM + "+/"

# (rule that must not block, file name, text)
LOOKALIKES = [
    ("MLS201", "a.py", 'HF_TOKEN = "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\nrepo = "hf_internal_testing/tiny-model"\n'),
    ("MLS202", "a.md", "export OPENAI_API_KEY=sk-...\nclient = OpenAI()  # reads OPENAI_API_KEY\n"),
    ("MLS203", "a.env", "ANTHROPIC_API_KEY=sk-ant-api03-your-key-here\n"),
    ("MLS204", "a.py", f'run = wandb.init(project="x")\nrevision = "{fake("", 40, HEX)}"  # wandb artifact digest\n'),
    ("MLS205", "a.py", f'kaggle.api.dataset_download_files("a/b")\nmd5 = "{fake("", 32, HEX)}"\n'),
    ("MLS206", "a.py", 'exp = comet_ml.Experiment(project_name="nlp-experiments-2024")\n'),
    ("MLS207", "a.py", 'run = neptune.init_run(project="workspace/project", api_token=neptune.ANONYMOUS_API_TOKEN)\n'),
    (
        "MLS208",
        "a.py",
        'output = replicate.run("stability-ai/sdxl:'
        '39ed52f2a78e934b3ba6e2a89f5b1c712de7dfea535525255b1aa35c5565e08b")\n',
    ),
    ("MLS209", "a.py", 'co = cohere.Client(os.environ["CO_API_KEY"])\nmodel = "embed-english-v3.0"\n'),
    ("MLS210", "a.md", 'genai.configure(api_key="AIza...")\n'),
    ("MLS211", "sa.json", '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n"}\n'),
    ("MLS212", "seqs.fasta", ">p1\nAKIARTHQFYQCKRENAHIS\n"),
    ("MLS213", "a.py", f'aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]\nsha1 = "{fake("", 40, HEX)}"\n'),
    (
        "MLS214",
        "a.py",
        'C = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey='
        'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"\n',
    ),
    ("MLS215", "a.env", "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
    ("MLS216", "a.md", "pip install --index-url https://__token__:<your_personal_token>@gitlab.example.com/simple\n"),
    ("MLS217", "a.env", "SLACK_BOT_TOKEN=xoxb-your-bot-token\n"),
    # blind65 (read after its final figure): a test's placeholder tokens carry no numeric ids
    ("MLS217", "slack.test.ts", 'const token = "xoxb-secret-error-token-for-tests";\n'),
    ("MLS218", "a.md", "Set SLACK_WEBHOOK to https://hooks.slack.com/services/T000/B000/XXXX\n"),
    (
        "MLS219",
        "a.js",
        f'const stripe = Stripe("{fake("pk_live_", 24)}");\nSTRIPE_PUBLISHABLE_KEY = "{fake("pk_live_", 24)}"\n',
    ),
    ("MLS220", "a.md", "-----BEGIN PUBLIC KEY-----\n" + fake("", 64, B64) + "\n-----END PUBLIC KEY-----\n"),
    ("MLS221", "a.md", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0LXVzZXIiLCJyb2xlIjoidmlld2VyIn0.\n"),
    (
        "MLS222",
        "a.py",
        'url = f"postgresql://{user}:{password}@{host}/db"\nU = "redis://:${REDIS_PASSWORD}@cache:6379"\n',
    ),
    ("MLS223", "a.yaml", "api_key: my_api_key\ntoken: ${oc.env:API_TOKEN}\nsecretName: db-credentials\n"),
    ("MLS223", "a.py", 'ner = pipeline("token-classification", "lakshyakh93/deberta_finetuned_pii")\n'),
    ("MLS223", "ui.js", 'h={Authorization:"Basic "+utils_btoa(user+":"+pass)};\n'),
    ("MLS223", "seq2seq.md", "the decoder takes the previous step's target token $y_{t^\\prime}$ as input\n"),
    ("MLS223", "nli.md", "    vocab.idx_to_token = json.load(open(os.path.join(data_dir, 'vocab.json')))\n"),
    ("MLS223", "constructor.py", "key_node.tag = 'tag:yaml.org,2002:str'\n"),
    ("MLS223", "package.json", '{"dependencies": {"@aws-sdk/credential-providers": "^3.529.0"}}\n'),
    (
        "MLS223",
        ".secrets.baseline",
        '{"results": {"a.py": [{"type": "Secret Keyword",\n'
        '  "hashed_secret": "4f0a1b2c3d4e5f60718293a4b5c6d7e8f9012345"}]}}\n',
    ),
    (
        "MLS223",
        "push.sh",
        "aws ecr get-login-password | docker login --username AWS --password-stdin "
        "739275468103.dkr.ecr.us-west-2.amazonaws.com/${IMAGE_REPOSITORY}\n"
        "echo $CR_PAT | docker login ghcr.io -u octo --password-stdin xK9f2mQ7vL3pR8tW\n",
    ),
    ("MLS224", "a.py", 'ACCOUNT_SID = "ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n'),
    ("MLS225", "a.md", "DISCORD_WEBHOOK=https://discord.com/api/webhooks/<id>/<token>\n"),
    ("MLS226", "a.py", f'MAILGUN_DOMAIN = "mg.example.com"\nkey_hash = "key-{fake("", 20, HEX)}"\n'),
    ("MLS227", "a.env", "SENDGRID_API_KEY=SG.xxxxxxxx.yyyyyyyy\n"),
    ("MLS228", "a.sh", "ngrok config add-authtoken $NGROK_AUTHTOKEN\nngrok http 8000\n"),
    ("MLS229", "a.env", "GROQ_API_KEY=gsk_...\n"),
    (
        "MLS230",
        "a.py",
        f'client = Mistral(api_key=os.environ["MISTRAL_API_KEY"])\nmodel_hash = "{fake("", 32, HEX)}"\n',
    ),
    ("MLS231", "a.env", "PERPLEXITY_API_KEY=pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
    (
        "MLS232",
        "a.py",
        'client = OpenAI(base_url="https://api.deepseek.com", api_key=os.environ["DEEPSEEK_API_KEY"])\n',
    ),
    (
        "MLS233",
        "client_secret.json",
        '{"web": {"client_id": "1234-abc.apps.googleusercontent.com", "client_secret": "GOCSPX-<secret>"}}\n',
    ),
    ("MLS234", ".npmrc", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n"),
    (
        "MLS235",
        "a.py",
        f'ls = Client(url="http://localhost:8080", api_key=LABEL_STUDIO_API_KEY)\ncommit = "{fake("", 40, HEX)}"\n',
    ),
    (
        "MLS236",
        "a.py",
        'reddit = praw.Reddit(client_id="my_client_id", client_secret="my_client_secret", user_agent="bot")\n',
    ),
    ("MLS237", ".pypirc", "[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc...\n"),
    ("MLS238", "a.log", "12:34:56:AAbbccdd 2024-01-01 12345678:AA step\n"),
]


@pytest.mark.parametrize(("rule", "name", "text"), LOOKALIKES, ids=[f"{r}-{n}" for r, n, _ in LOOKALIKES])
def test_rule_lookalike_does_not_block(tmp_path: Path, rule: str, name: str, text: str) -> None:
    blocking = [f for f in scan_text(tmp_path, name, text) if f.severity.value != "low"]
    assert blocking == [], blocking


def test_every_rule_has_both() -> None:
    credential_rules = {rule.rule_id for rule in RULE_FOR_KIND.values()} | {"MLS224"}
    positives = {p[0] for p in test_detectors.POSITIVES} | {p[0] for p in test_families.POSITIVES}
    assert credential_rules <= positives, sorted(credential_rules - positives)
    assert credential_rules <= {entry[0] for entry in LOOKALIKES}, sorted(credential_rules - {e[0] for e in LOOKALIKES})
