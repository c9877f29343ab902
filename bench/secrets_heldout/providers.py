"""Credential types the generator plants, in four groups:

- `rule`: types mlsec-secrets names today (its own detectors or the delegated detect-secrets plugins);
- `issue15`: types issue 15 lists as having no rule;
- `unnamed`: providers nobody on the team named, formats from public docs (ATTRIBUTION.md);
- `generic`: credentials with no provider prefix (passwords, base64/hex keys) in credential contexts.

Which unnamed providers are held out is decided by `split_of_provider` (see README.md), never by
what any scanner finds.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from bench.secrets_heldout import values as v


@dataclass(frozen=True)
class CredType:
    name: str
    group: str
    make: Callable[[random.Random], str]
    env: str  # the environment variable people keep it in
    key: str  # the key a config file uses for it
    call: str  # a Python call that takes it, `{v}` is the value
    prefixed: bool  # recognisable by its shape alone (a provider prefix or structure)
    header: str = "Authorization: Bearer {v}"


def _c(
    name: str,
    group: str,
    make: Callable[[random.Random], str],
    env: str,
    call: str,
    *,
    key: str = "api_key",
    prefixed: bool = True,
    header: str = "Authorization: Bearer {v}",
) -> CredType:
    return CredType(name, group, make, env, key, call, prefixed, header)


def _fixed(prefix: str, alphabet: str, n: int) -> Callable[[random.Random], str]:
    return lambda rng: prefix + v.pick(rng, alphabet, n)


RULE_NAMED: tuple[CredType, ...] = (
    _c("huggingface", "rule", _fixed("hf_", v.LETTERS, 34), "HF_TOKEN", 'login(token="{v}")', key="hf_token"),
    _c(
        "openai",
        "rule",
        lambda r: "sk-proj-" + v.pick(r, v.URLSAFE, 58) + "T3BlbkFJ" + v.pick(r, v.URLSAFE, 58),
        "OPENAI_API_KEY",
        'OpenAI(api_key="{v}")',
    ),
    _c(
        "anthropic",
        "rule",
        lambda r: "sk-ant-api03-" + v.pick(r, v.URLSAFE, 93) + "AA",
        "ANTHROPIC_API_KEY",
        'anthropic.Anthropic(api_key="{v}")',
        header="x-api-key: {v}",
    ),
    _c(
        "wandb",
        "rule",
        lambda r: v.hexs(r, 40),
        "WANDB_API_KEY",
        'wandb.login(key="{v}")',
        key="wandb_api_key",
        prefixed=False,
    ),
    _c(
        "kaggle",
        "rule",
        lambda r: v.hexs(r, 32),
        "KAGGLE_KEY",
        'kaggle_auth(key="{v}")',
        key="kaggle_key",
        prefixed=False,
    ),
    _c(
        "comet",
        "rule",
        _fixed("", v.ALNUM, 25),
        "COMET_API_KEY",
        'comet_ml.Experiment(api_key="{v}", project_name="nlp")',
        key="comet_api_key",
        prefixed=False,
    ),
    _c("neptune", "rule", v.neptune_token, "NEPTUNE_API_TOKEN", 'neptune.init_run(api_token="{v}")', key="api_token"),
    _c("replicate", "rule", _fixed("r8_", v.ALNUM, 37), "REPLICATE_API_TOKEN", 'replicate.Client(api_token="{v}")'),
    _c(
        "cohere",
        "rule",
        _fixed("", v.ALNUM, 40),
        "COHERE_API_KEY",
        'cohere.ClientV2(api_key="{v}")',
        key="cohere_api_key",
        prefixed=False,
    ),
    _c("google_api_key", "rule", _fixed("AIza", v.URLSAFE, 35), "GOOGLE_API_KEY", 'genai.configure(api_key="{v}")'),
    _c(
        "aws_secret_access_key",
        "rule",
        lambda r: v.pick(r, v.ALNUM + "/+", 40),
        "AWS_SECRET_ACCESS_KEY",
        'boto3.client("s3", aws_access_key_id=KEY_ID, aws_secret_access_key="{v}")',
        key="aws_secret_access_key",
        prefixed=False,
    ),
    _c(
        "azure_storage_key",
        "rule",
        lambda r: (
            "DefaultEndpointsProtocol=https;AccountName=mlstore"
            + v.hexs(r, 4)
            + ";AccountKey="
            + v.b64_key(r, 64)
            + ";EndpointSuffix=core.windows.net"
        ),
        "AZURE_STORAGE_CONNECTION_STRING",
        'BlobServiceClient.from_connection_string("{v}")',
        key="connection_string",
    ),
    _c("github_pat", "rule", lambda r: v.crc32_base62_token(r, "ghp_"), "GITHUB_TOKEN", 'Github("{v}")', key="token"),
    _c("github_fine_grained", "rule", v.github_fine_grained, "GH_TOKEN", 'Github(auth=Auth.Token("{v}"))', key="token"),
    _c("gitlab", "rule", _fixed("glpat-", v.URLSAFE, 20), "GITLAB_TOKEN", 'gitlab.Gitlab(URL, private_token="{v}")'),
    _c(
        "slack_bot",
        "rule",
        lambda r: f"xoxb-{r.randint(10**10, 10**12)}-{r.randint(10**11, 10**13)}-{v.pick(r, v.ALNUM, 24)}",
        "SLACK_BOT_TOKEN",
        'WebClient(token="{v}")',
        key="token",
    ),
    _c(
        "slack_webhook",
        "rule",
        lambda r: (
            "https://hooks.slack.com/services/T"
            + v.pick(r, v.string.ascii_uppercase + v.string.digits, 10)
            + "/B"
            + v.pick(r, v.string.ascii_uppercase + v.string.digits, 10)
            + "/"
            + v.pick(r, v.ALNUM, 24)
        ),
        "SLACK_WEBHOOK_URL",
        'requests.post("{v}", json=payload)',
        key="webhook_url",
    ),
    _c("stripe", "rule", _fixed("sk_live_", v.ALNUM, 99), "STRIPE_SECRET_KEY", 'stripe.StripeClient("{v}")'),
    _c(
        "telegram_bot",
        "rule",
        lambda r: f"{r.randint(10**8, 10**10 - 1)}:AA{v.pick(r, v.URLSAFE, 33)}",
        "TELEGRAM_BOT_TOKEN",
        'Bot(token="{v}")',
        key="bot_token",
    ),
    _c("pypi", "rule", v.pypi_token, "TWINE_PASSWORD", 'upload(password="{v}")', key="password"),
    _c(
        "pem_private_key",
        "rule",
        lambda r: "\n".join(v.pem_rsa_private_key(r)),
        "SSH_PRIVATE_KEY",
        'paramiko.RSAKey.from_private_key(io.StringIO("""{v}"""))',
        key="private_key",
    ),
    _c(
        "gcp_service_account",
        "rule",
        lambda r: "\\n".join(v.pem_rsa_private_key(r)) + "\\n",
        "GCP_SA_PRIVATE_KEY",
        'service_account.Credentials.from_service_account_info({{"private_key": "{v}"}})',
        key="private_key",
    ),
    _c(
        "jwt_session",
        "rule",
        lambda r: v.jwt(r, {"sub": v.uuid4(r), "role": "service", "iat": 1717000000 + r.randint(0, 10**7)}),
        "API_JWT",
        'Client(bearer_token="{v}")',
        key="access_token",
    ),
)

ISSUE15: tuple[CredType, ...] = (
    _c(
        "discord_webhook",
        "issue15",
        lambda r: f"https://discord.com/api/webhooks/{r.randint(10**17, 10**19 - 1)}/{v.pick(r, v.URLSAFE, 68)}",
        "DISCORD_WEBHOOK_URL",
        'DiscordWebhook(url="{v}")',
        key="webhook_url",
    ),
    _c(
        "teams_webhook",
        "issue15",
        lambda r: (
            f"https://contoso{v.hexs(r, 4)}.webhook.office.com/webhookb2/{v.uuid4(r)}@{v.uuid4(r)}"
            f"/IncomingWebhook/{v.hexs(r, 32)}/{v.uuid4(r)}"
        ),
        "TEAMS_WEBHOOK_URL",
        'pymsteams.connectorcard("{v}")',
        key="webhook_url",
    ),
    _c(
        "google_chat_webhook",
        "issue15",
        lambda r: (
            f"https://chat.googleapis.com/v1/spaces/AAAA{v.pick(r, v.URLSAFE, 7)}/messages?key=AIzaSy"
            f"{v.pick(r, v.URLSAFE, 33)}&token={v.pick(r, v.URLSAFE, 43)}%3D"
        ),
        "GOOGLE_CHAT_WEBHOOK",
        'httpx.post("{v}", json=message)',
        key="webhook_url",
    ),
    _c(
        "mailgun",
        "issue15",
        lambda r: "key-" + v.hexs(r, 32) if r.random() < 0.5 else f"{v.hexs(r, 32)}-{v.hexs(r, 8)}-{v.hexs(r, 8)}",
        "MAILGUN_API_KEY",
        'requests.post(MAILGUN_URL, auth=("api", "{v}"), data=msg)',
    ),
    _c(
        "sendgrid",
        "issue15",
        lambda r: f"SG.{v.pick(r, v.URLSAFE, 22)}.{v.pick(r, v.URLSAFE, 43)}",
        "SENDGRID_API_KEY",
        'SendGridAPIClient("{v}")',
    ),
    _c(
        "ngrok",
        "issue15",
        lambda r: "2" + v.pick(r, v.ALNUM, 26) + "_" + v.pick(r, v.ALNUM, 21),
        "NGROK_AUTHTOKEN",
        'ngrok.set_auth_token("{v}")',
        key="authtoken",
    ),
    _c("groq", "issue15", _fixed("gsk_", v.ALNUM, 52), "GROQ_API_KEY", 'Groq(api_key="{v}")'),
    _c(
        "mistral",
        "issue15",
        _fixed("", v.ALNUM, 32),
        "MISTRAL_API_KEY",
        'Mistral(api_key="{v}")',
        key="mistral_api_key",
        prefixed=False,
    ),
    _c(
        "perplexity",
        "issue15",
        _fixed("pplx-", v.ALNUM, 48),
        "PERPLEXITY_API_KEY",
        'OpenAI(api_key="{v}", base_url=PPLX)',
    ),
    _c(
        "deepseek",
        "issue15",
        lambda r: "sk-" + v.hexs(r, 32),
        "DEEPSEEK_API_KEY",
        'OpenAI(api_key="{v}", base_url="https://api.deepseek.com")',
    ),
    _c(
        "google_oauth_client_secret",
        "issue15",
        _fixed("GOCSPX-", v.URLSAFE, 28),
        "GOOGLE_CLIENT_SECRET",
        'Flow.from_client_config({{"web": {{"client_secret": "{v}"}}}}, scopes)',
        key="client_secret",
    ),
    _c(
        "npm",
        "issue15",
        lambda r: v.crc32_base62_token(r, "npm_"),
        "NPM_TOKEN",
        'subprocess.run(["npm", "publish"], env={{"NPM_TOKEN": "{v}"}})',
        key="npm_token",
    ),
    _c(
        "label_studio",
        "issue15",
        lambda r: v.hexs(r, 40),
        "LABEL_STUDIO_API_KEY",
        'LabelStudio(base_url=LS_URL, api_key="{v}")',
        key="label_studio_api_key",
        prefixed=False,
        header="Authorization: Token {v}",
    ),
    _c(
        "reddit_oauth",
        "issue15",
        _fixed("", v.URLSAFE, 27),
        "REDDIT_CLIENT_SECRET",
        'praw.Reddit(client_id="p9Xk2LmQ7vRt3w", client_secret="{v}", user_agent="scraper")',
        key="client_secret",
        prefixed=False,
    ),
    _c("hf_org", "issue15", _fixed("api_org_", v.LETTERS, 34), "HF_ORG_TOKEN", 'HfApi(token="{v}")', key="org_token"),
)

UNNAMED: tuple[CredType, ...] = (
    _c(
        "databricks",
        "unnamed",
        lambda r: "dapi" + v.hexs(r, 32) + ("-2" if r.random() < 0.3 else ""),
        "DATABRICKS_TOKEN",
        'WorkspaceClient(host=HOST, token="{v}")',
        key="token",
    ),
    _c(
        "digitalocean",
        "unnamed",
        lambda r: "dop_v1_" + v.hexs(r, 64),
        "DIGITALOCEAN_TOKEN",
        'digitalocean.Manager(token="{v}")',
        key="token",
    ),
    _c(
        "dockerhub",
        "unnamed",
        _fixed("dckr_pat_", v.URLSAFE, 27),
        "DOCKERHUB_TOKEN",
        'docker.from_env().login(username="mlbot", password="{v}")',
        key="password",
    ),
    _c(
        "shopify",
        "unnamed",
        lambda r: "shpat_" + v.hexs(r, 32),
        "SHOPIFY_ACCESS_TOKEN",
        'shopify.Session(SHOP, "2024-07", "{v}")',
    ),
    _c(
        "grafana",
        "unnamed",
        lambda r: (lambda s: "glsa_" + s + "_" + format(v.binascii.crc32(s.encode()), "08x"))(v.pick(r, v.ALNUM, 32)),
        "GRAFANA_SERVICE_ACCOUNT_TOKEN",
        'GrafanaApi.from_url(URL, credential="{v}")',
        key="token",
    ),
    _c("linear", "unnamed", _fixed("lin_api_", v.ALNUM, 40), "LINEAR_API_KEY", 'LinearClient(api_key="{v}")'),
    _c(
        "openrouter",
        "unnamed",
        lambda r: "sk-or-v1-" + v.hexs(r, 64),
        "OPENROUTER_API_KEY",
        'OpenAI(base_url="https://openrouter.ai/api/v1", api_key="{v}")',
    ),
    _c(
        "notion",
        "unnamed",
        lambda r: "ntn_" + v.pick(r, v.string.digits, 11) + v.pick(r, v.ALNUM, 35),
        "NOTION_TOKEN",
        'notion_client.Client(auth="{v}")',
        key="token",
    ),
    _c(
        "airtable",
        "unnamed",
        lambda r: "pat" + v.pick(r, v.ALNUM, 14) + "." + v.hexs(r, 64),
        "AIRTABLE_API_KEY",
        'Api("{v}")',
    ),
    _c("together", "unnamed", _fixed("tgp_v1_", v.URLSAFE, 43), "TOGETHER_API_KEY", 'Together(api_key="{v}")'),
    _c(
        "pinecone",
        "unnamed",
        lambda r: "pcsk_" + v.pick(r, v.ALNUM, 6) + "_" + v.pick(r, v.ALNUM, 63),
        "PINECONE_API_KEY",
        'Pinecone(api_key="{v}")',
    ),
    _c("fireworks", "unnamed", _fixed("fw_", v.ALNUM, 24), "FIREWORKS_API_KEY", 'Fireworks(api_key="{v}")'),
    _c("xai", "unnamed", _fixed("xai-", v.ALNUM, 80), "XAI_API_KEY", 'Client(api_key="{v}")'),
    _c(
        "heroku",
        "unnamed",
        _fixed("HRKU-AA", v.URLSAFE, 58),
        "HEROKU_API_KEY",
        'heroku3.from_key("{v}")',
    ),
    _c(
        "voyage",
        "unnamed",
        _fixed("pa-", v.URLSAFE, 43),
        "VOYAGE_API_KEY",
        'voyageai.Client(api_key="{v}")',
    ),
    _c(
        "elevenlabs",
        "unnamed",
        lambda r: "sk_" + v.hexs(r, 48),
        "ELEVENLABS_API_KEY",
        'ElevenLabs(api_key="{v}")',
        header="xi-api-key: {v}",
    ),
    _c(
        "langsmith",
        "unnamed",
        lambda r: f"lsv2_{r.choice(['pt', 'sk'])}_{v.hexs(r, 32)}_{v.hexs(r, 10)}",
        "LANGSMITH_API_KEY",
        'langsmith.Client(api_key="{v}")',
    ),
    _c(
        "tavily",
        "unnamed",
        lambda r: "tvly-" + ("dev-" if r.random() < 0.5 else "") + v.pick(r, v.ALNUM, 32),
        "TAVILY_API_KEY",
        'TavilyClient(api_key="{v}")',
    ),
    _c(
        "nvidia",
        "unnamed",
        _fixed("nvapi-", v.URLSAFE, 64),
        "NVIDIA_API_KEY",
        'ChatNVIDIA(model="meta/llama3-70b-instruct", api_key="{v}")',
    ),
    _c(
        "newrelic",
        "unnamed",
        _fixed("NRAK-", v.string.ascii_uppercase + v.string.digits, 27),
        "NEW_RELIC_API_KEY",
        'NerdGraph(api_key="{v}")',
        header="API-Key: {v}",
    ),
    _c(
        "sentry_user",
        "unnamed",
        lambda r: "sntryu_" + v.hexs(r, 64),
        "SENTRY_AUTH_TOKEN",
        'SentryApi(token="{v}")',
        key="auth_token",
    ),
    _c(
        "supabase",
        "unnamed",
        lambda r: "sbp_" + v.hexs(r, 40),
        "SUPABASE_ACCESS_TOKEN",
        'SupabaseMgmt(token="{v}")',
        key="access_token",
    ),
    _c(
        "atlassian",
        "unnamed",
        lambda r: "ATATT3xFfGF0" + v.pick(r, v.URLSAFE, 171) + "=" + v.hexs(r, 8).upper(),
        "JIRA_API_TOKEN",
        'JIRA(server=URL, basic_auth=("bot@example.org", "{v}"))',
        key="api_token",
    ),
    _c(
        "datadog",
        "unnamed",
        lambda r: v.hexs(r, 32),
        "DD_API_KEY",
        'initialize(api_key="{v}", app_key=APP_KEY)',
        key="api_key",
        prefixed=False,
        header="DD-API-KEY: {v}",
    ),
    _c(
        "cloudflare",
        "unnamed",
        _fixed("", v.URLSAFE, 40),
        "CLOUDFLARE_API_TOKEN",
        'Cloudflare(api_token="{v}")',
        key="api_token",
        prefixed=False,
    ),
    _c(
        "postmark",
        "unnamed",
        v.uuid4,
        "POSTMARK_SERVER_TOKEN",
        'PostmarkClient(server_token="{v}")',
        key="server_token",
        prefixed=False,
        header="X-Postmark-Server-Token: {v}",
    ),
    _c(
        "assemblyai",
        "unnamed",
        lambda r: v.hexs(r, 32),
        "ASSEMBLYAI_API_KEY",
        'aai.settings.api_key = "{v}"',
        key="assemblyai_api_key",
        prefixed=False,
        header="authorization: {v}",
    ),
    _c(
        "deepgram",
        "unnamed",
        lambda r: v.hexs(r, 40),
        "DEEPGRAM_API_KEY",
        'DeepgramClient("{v}")',
        key="deepgram_api_key",
        prefixed=False,
        header="Authorization: Token {v}",
    ),
)

GENERIC: tuple[CredType, ...] = (
    _c(
        "generic_password",
        "generic",
        v.password,
        "DB_PASSWORD",
        'psycopg.connect(host=HOST, user="etl", password="{v}")',
        key="password",
        prefixed=False,
    ),
    _c(
        "generic_b64_key",
        "generic",
        v.b64_key,
        "ENCRYPTION_KEY",
        'Fernet_like(key="{v}")',
        key="secret_key",
        prefixed=False,
    ),
    _c(
        "generic_hex_key",
        "generic",
        lambda r: v.hexs(r, 64),
        "API_SECRET",
        'hmac_client(secret="{v}")',
        key="api_secret",
        prefixed=False,
    ),
    _c(
        "django_secret_key",
        "generic",
        lambda r: v.pick(r, v.string.ascii_lowercase + v.string.digits + "!@#$%^&*(-_=+)", 50),
        "DJANGO_SECRET_KEY",
        'settings.configure(SECRET_KEY="{v}")',
        key="secret_key",
        prefixed=False,
    ),
)

ALL_TYPES: tuple[CredType, ...] = (*RULE_NAMED, *ISSUE15, *UNNAMED, *GENERIC)
BY_NAME = {c.name: c for c in ALL_TYPES}


def held_out_names(names: list[str], salt: str) -> frozenset[str]:
    """The ceil(n/3) names with the smallest SHA-256(salt + name): fixed by the names alone,
    before any scanner runs, and at least a third of them."""
    ranked = sorted(names, key=lambda n: hashlib.sha256((salt + n).encode()).hexdigest())
    return frozenset(ranked[: math.ceil(len(names) / 3)])


HELDOUT_PROVIDERS = held_out_names([c.name for c in UNNAMED], "provider:")


def types_for_split(split: str) -> list[CredType]:
    """tune: every named and generic type plus the unnamed providers not held out;
    heldout: every type (the held-out providers appear only here)."""
    if split == "heldout":
        return list(ALL_TYPES)
    return [c for c in ALL_TYPES if c.name not in HELDOUT_PROVIDERS]


def subgroup(cred: CredType) -> str:
    if cred.group == "unnamed":
        return "unnamed-heldout" if cred.name in HELDOUT_PROVIDERS else "unnamed-tune"
    return cred.group
