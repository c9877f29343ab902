"""The rules of mlsec-secrets: credentials in text files and notebooks.

Examples in the docs are elided (`…`) on purpose: the project scans itself.
"""

from __future__ import annotations

from hooks._core.rules import Rule, RuleBook

BOOK = RuleBook("secrets")

_WHY = (
    "Anyone who can read the repository, a fork, a clone on a laptop, a CI log or a rendered notebook can "
    "use it until it is revoked; git history keeps it after the line is deleted."
)
_FIX = (
    "Revoke it at the provider first, then read it from the environment or a secrets manager "
    "(os.environ, getpass, Colab userdata, a CI secret); clear notebook outputs before committing."
)


def _credential(
    rule_id: str, name: str, severity: str, title: str, what: str, example: str, reference: str, *, cwe: int = 798
) -> Rule:
    return BOOK.rule(
        rule_id,
        name,
        severity,
        title,
        cwe=cwe,
        what=f"A {what} is written in the file, a notebook cell, a cell output or notebook metadata.",
        why=_WHY,
        example=example,
        fix=_FIX,
        references=(reference,),
    )


HUGGING_FACE_TOKEN = _credential(
    "MLS201",
    "HuggingFaceToken",
    "high",
    "Hugging Face token",
    "Hugging Face user access token (`hf_…`) or legacy organisation API token (`api_org_…`)",
    'HF_TOKEN = "hf_AbCd…"',
    "https://huggingface.co/docs/hub/security-tokens",
)
OPEN_AI_KEY = _credential(
    "MLS202",
    "OpenAIKey",
    "high",
    "OpenAI API key",
    "OpenAI API key (`sk-proj-`, `sk-svcacct-`, `sk-admin-` or a legacy `sk-` key)",
    'client = OpenAI(api_key="sk-proj-AbC…")',
    "https://platform.openai.com/docs/api-reference/authentication",
)
ANTHROPIC_KEY = _credential(
    "MLS203",
    "AnthropicKey",
    "high",
    "Anthropic API key",
    "Anthropic API key (`sk-ant-api03-…`)",
    "ANTHROPIC_API_KEY=sk-ant-api03-AbC…",
    "https://docs.anthropic.com/en/api/getting-started",
)
WANDB_KEY = _credential(
    "MLS204",
    "WandbKey",
    "high",
    "Weights & Biases API key",
    "Weights & Biases API key (40 hex digits next to a W&B name, call, `wandb login` or `.netrc` machine)",
    'wandb.login(key="<40 hex digits>")',
    "https://docs.wandb.ai/guides/track/environment-variables",
)
KAGGLE_KEY = _credential(
    "MLS205",
    "KaggleKey",
    "high",
    "Kaggle API key",
    "Kaggle API key (32 hex digits in `kaggle.json` or next to a Kaggle name)",
    'os.environ["KAGGLE_KEY"] = "<32 hex digits>"',
    "https://www.kaggle.com/docs/api",
)
COMET_KEY = _credential(
    "MLS206",
    "CometKey",
    "high",
    "Comet API key",
    "Comet API key (next to a Comet name or call)",
    "COMET_API_KEY=<25 letters and digits>",
    "https://www.comet.com/docs/v2/guides/experiment-management/configure-sdk/",
)
NEPTUNE_TOKEN = _credential(
    "MLS207",
    "NeptuneToken",
    "high",
    "Neptune API token",
    "Neptune API token (base64 JSON, next to a Neptune name or call)",
    'NEPTUNE_API_TOKEN = "eyJhcGlf…"',
    "https://docs.neptune.ai/setup/setting_api_token/",
)
REPLICATE_TOKEN = _credential(
    "MLS208",
    "ReplicateToken",
    "high",
    "Replicate API token",
    "Replicate API token (`r8_…`)",
    "REPLICATE_API_TOKEN=r8_AbC…",
    "https://replicate.com/docs/topics/security/api-tokens",
)
COHERE_KEY = _credential(
    "MLS209",
    "CohereKey",
    "high",
    "Cohere API key",
    "Cohere API key (next to a Cohere name or client)",
    'co = cohere.Client(api_key="<40 letters and digits>")',
    "https://docs.cohere.com/reference/about",
)
GOOGLE_API_KEY = _credential(
    "MLS210",
    "GoogleApiKey",
    "high",
    "Google API key",
    "Google API key (`AIza…`: Gemini, Maps and other Google Cloud APIs)",
    'genai.configure(api_key="AIzaSyAbC…")',
    "https://cloud.google.com/docs/authentication/api-keys",
)
GCP_SERVICE_ACCOUNT_KEY = _credential(
    "MLS211",
    "GcpServiceAccountKey",
    "critical",
    "GCP service-account private key",
    "Google Cloud service-account key (the `private_key` of its JSON key file)",
    '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----…"}',
    "https://cloud.google.com/iam/docs/keys-create-delete",
)
AWS_ACCESS_KEY_ID = _credential(
    "MLS212",
    "AwsAccessKeyId",
    "high",
    "AWS access key id",
    "AWS access key id (`AKIA…`, `ASIA…`; one without a digit only next to an AWS name, so protein "
    "sequences starting `AKIA` stay silent)",
    "aws_access_key_id = AKIA…",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
)
AWS_SECRET_ACCESS_KEY = _credential(
    "MLS213",
    "AwsSecretAccessKey",
    "critical",
    "AWS secret access key",
    "AWS secret access key (40 base64 characters next to an AWS secret-key name)",
    "aws_secret_access_key = <40 characters>",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
)
AZURE_STORAGE_KEY = _credential(
    "MLS214",
    "AzureStorageKey",
    "critical",
    "Azure storage account key",
    "Azure storage account key in a connection string (`AccountKey=…`; the Azurite emulator's published "
    "key is ignored)",
    "DefaultEndpointsProtocol=https;AccountName=ml;AccountKey=…",
    "https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage",
)
GIT_HUB_TOKEN = _credential(
    "MLS215",
    "GitHubToken",
    "high",
    "GitHub token",
    "GitHub token (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`, `github_pat_`; the CRC32 checksum of classic "
    "tokens is verified, and one whose checksum fails is reported low as a likely example)",
    "git clone https://ghp_AbC…@github.com/org/repo",
    "https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/",
)
GIT_LAB_TOKEN = _credential(
    "MLS216",
    "GitLabToken",
    "high",
    "GitLab token",
    "GitLab token (`glpat-`, `gldt-`, `glrt-`, …)",
    "--index-url https://__token__:glpat-AbC…@gitlab.example/simple",
    "https://docs.gitlab.com/ee/security/token_overview.html",
)
SLACK_TOKEN = _credential(
    "MLS217",
    "SlackToken",
    "high",
    "Slack token",
    "Slack token (`xoxb-`, `xoxp-`, …)",
    "SLACK_BOT_TOKEN=xoxb-…",
    "https://api.slack.com/authentication/token-types",
)
SLACK_WEBHOOK = _credential(
    "MLS218",
    "SlackWebhook",
    "medium",
    "Slack webhook URL",
    "Slack incoming-webhook URL (whoever has it can post into the channel)",
    "https://hooks.slack.com/services/T…/B…/…",
    "https://api.slack.com/messaging/webhooks",
)
STRIPE_LIVE_KEY = _credential(
    "MLS219",
    "StripeLiveKey",
    "critical",
    "Stripe live key",
    "Stripe live secret or restricted key (`sk_live_`, `rk_live_`; publishable `pk_` keys are public)",
    'stripe.api_key = "sk_live_…"',
    "https://docs.stripe.com/keys",
)
PRIVATE_KEY = _credential(
    "MLS220",
    "PrivateKey",
    "critical",
    "Private key (PEM)",
    "PEM private key block (RSA, EC, DSA, OpenSSH, PGP)",
    "-----BEGIN RSA PRIVATE KEY-----…",
    "https://cwe.mitre.org/data/definitions/321.html",
    cwe=321,
)
JSON_WEB_TOKEN = _credential(
    "MLS221",
    "JsonWebToken",
    "medium",
    "JSON Web Token",
    "signed JSON Web Token (unsigned `alg: none` tokens and published demo tokens are ignored; expired "
    "ones, and ones whose signature cannot have its algorithm's length, are reported low)",
    "Authorization: Bearer eyJhbGci…",
    "https://datatracker.ietf.org/doc/html/rfc7519",
)
URL_CREDENTIALS = BOOK.rule(
    "MLS222",
    "UrlCredentials",
    "high",
    "Credentials in a URL",
    cwe=522,
    what=(
        "A URL carries a user and password (database and broker URLs such as postgresql://, redis://, "
        "amqp://, MLflow tracking URIs, package index URLs), or `curl -u user:password` passes one. "
        "Placeholders (`user:password`, `<password>`, `${DB_PASSWORD}`, f-string fields) are ignored."
    ),
    why="Connection strings end up in logs, error messages and notebook outputs, and give direct access.",
    example='DATABASE_URL = "postgresql://etl:<password>@db.internal/ml"  (with a real password)',
    fix=(
        "Rotate the password, then build the URL from the environment (or let the client read "
        "PGPASSWORD, a .pgpass file or a secrets manager)."
    ),
    references=("https://cwe.mitre.org/data/definitions/522.html",),
)
SECRET_ASSIGNMENT = BOOK.rule(
    "MLS223",
    "SecretAssignment",
    "medium",
    "Secret assigned to a credential name",
    cwe=798,
    what=(
        "A value that looks generated or like a password (long, random for its alphabet, not words, not an "
        "identifier, path, placeholder or reference, not its own name) stands where a credential goes: "
        "assigned to a name such as PASSWORD, SECRET, TOKEN or API_KEY (code, .env, YAML, JSON, TOML, INI, "
        "HOCON, dbt profiles, .netrc, %env, an HTML table), given to a CLI flag (`--token`, `--password`, "
        "`add-authtoken`), sent in an `Authorization` header, or passed to a `login` command. It catches "
        "providers no rule names; the finding's confidence says how sure the judgement is. A bare UUID under a "
        "name that only may be a credential's (`key`, `resource_key`) is reported low in a record whose other "
        "UUIDs are named as ids (`id`, `space_id`: an asset's metadata); elsewhere it blocks, as many services' "
        "keys are bare UUIDs (`CYPRESS_RECORD_KEY`, `NB_SETUP_KEY`), and so does a UUID under a name that says "
        "credential (`token`, `client_secret`), one named for a service whose tokens are UUIDs (Heroku, Snyk, "
        "Consul, Nomad, Sauce Labs, Scaleway), an `Authorization` header's, or one beside an account name (`user:`)."
    ),
    why=_WHY,
    example='API_SECRET = "<a random 32-character value>"',
    fix=_FIX,
    references=("https://cwe.mitre.org/data/definitions/798.html",),
)
DETECT_SECRETS_PLUGIN_TOKEN = BOOK.rule(
    "MLS224",
    "DetectSecretsPluginToken",
    "high",
    "Token found by a detect-secrets plugin",
    cwe=798,
    what=(
        "One of detect-secrets' own plugins (Twilio, Mailchimp, Square, Artifactory, IBM Cloud, SoftLayer, "
        "Cloudant, Discord bot tokens) recognised a token."
    ),
    why=_WHY,
    fix=_FIX,
    references=("https://github.com/Yelp/detect-secrets",),
)
CHAT_WEBHOOK = _credential(
    "MLS225",
    "ChatWebhook",
    "medium",
    "Chat webhook URL",
    "Discord, Microsoft Teams or Google Chat incoming-webhook URL (whoever has it can post into the channel)",
    "https://discord.com/api/webhooks/<id>/…",
    "https://discord.com/developers/docs/resources/webhook",
)
MAILGUN_KEY = _credential(
    "MLS226",
    "MailgunKey",
    "high",
    "Mailgun API key",
    "Mailgun API key (`key-` and 32 hex digits, or a sending key next to a Mailgun name)",
    "MAILGUN_API_KEY=key-…",
    "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/",
)
SEND_GRID_KEY = _credential(
    "MLS227",
    "SendGridKey",
    "high",
    "SendGrid API key",
    "Twilio SendGrid API key (`SG.` and two dot-separated parts)",
    'SENDGRID_API_KEY = "SG.…"',
    "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
)
NGROK_TOKEN = _credential(
    "MLS228",
    "NgrokToken",
    "high",
    "ngrok authtoken",
    "ngrok agent authtoken (next to an ngrok name or command)",
    "!ngrok config add-authtoken <token>",
    "https://ngrok.com/docs/agent/#authtokens",
)
GROQ_KEY = _credential(
    "MLS229",
    "GroqKey",
    "high",
    "Groq API key",
    "Groq API key (`gsk_…`)",
    "GROQ_API_KEY=gsk_…",
    "https://console.groq.com/docs/quickstart",
)
MISTRAL_KEY = _credential(
    "MLS230",
    "MistralKey",
    "high",
    "Mistral API key",
    "Mistral AI API key (32 letters and digits next to a Mistral name or client)",
    'MISTRAL_API_KEY = "<32 letters and digits>"',
    "https://docs.mistral.ai/getting-started/quickstart/",
)
PERPLEXITY_KEY = _credential(
    "MLS231",
    "PerplexityKey",
    "high",
    "Perplexity API key",
    "Perplexity API key (`pplx-…`)",
    "PERPLEXITY_API_KEY=pplx-…",
    "https://docs.perplexity.ai/guides/getting-started",
)
DEEP_SEEK_KEY = _credential(
    "MLS232",
    "DeepSeekKey",
    "high",
    "DeepSeek API key",
    "DeepSeek API key (`sk-` and 32 hex digits next to a DeepSeek name or base URL)",
    'DEEPSEEK_API_KEY = "sk-<32 hex digits>"',
    "https://api-docs.deepseek.com/",
)
GOOGLE_OAUTH_CLIENT_SECRET = _credential(
    "MLS233",
    "GoogleOAuthClientSecret",
    "high",
    "Google OAuth client secret",
    "Google OAuth client secret (`GOCSPX-…`, as in client_secret.json)",
    '{"web": {"client_secret": "GOCSPX-…"}}',
    "https://developers.google.com/identity/protocols/oauth2",
)
NPM_TOKEN = _credential(
    "MLS234",
    "NpmToken",
    "high",
    "npm access token",
    "npm access token (`npm_…`, with the same CRC32 checksum as GitHub tokens, verified)",
    "//registry.npmjs.org/:_authToken=npm_…",
    "https://docs.npmjs.com/about-access-tokens",
)
LABEL_STUDIO_TOKEN = _credential(
    "MLS235",
    "LabelStudioToken",
    "high",
    "Label Studio API token",
    "Label Studio API token (40 hex digits next to a Label Studio name or `Authorization: Token` header)",
    "LABEL_STUDIO_API_KEY=<40 hex digits>",
    "https://labelstud.io/guide/api.html",
)
REDDIT_OAUTH_SECRET = _credential(
    "MLS236",
    "RedditOAuthSecret",
    "high",
    "Reddit OAuth secret",
    "Reddit OAuth client secret or token (next to a Reddit or PRAW name or call)",
    'praw.Reddit(client_id="…", client_secret="<27 characters>")',
    "https://github.com/reddit-archive/reddit/wiki/OAuth2",
)
PY_PI_TOKEN = _credential(
    "MLS237",
    "PyPiToken",
    "high",
    "PyPI API token",
    "PyPI API token (`pypi-AgE…`, a macaroon located at pypi.org, decoded and checked)",
    "password = pypi-AgEIcHlwaS5vcmc…",
    "https://pypi.org/help/#apitoken",
)
TELEGRAM_BOT_TOKEN = _credential(
    "MLS238",
    "TelegramBotToken",
    "high",
    "Telegram bot token",
    "Telegram bot token (`<bot id>:AA…`)",
    'TELEGRAM_BOT_TOKEN = "<bot id>:AA…"',
    "https://core.telegram.org/bots/api#authorizing-your-bot",
)
NOTEBOOK_UNPARSEABLE = BOOK.rule(
    "MLS905",
    "NotebookUnparseable",
    "low",
    "Notebook could not be parsed",
    cwe=20,
    what=(
        "The .ipynb file is not a readable notebook (broken JSON, wrong shape, nested too deeply), so it "
        "was scanned for secrets as plain text, without cell positions."
    ),
    why=(
        "Cell positions are unknown, so findings point at the raw file and cell-level suppressions "
        "cannot apply; it is reported rather than passed quietly."
    ),
    fix=(
        "Repair the notebook (open and save it in Jupyter, or check it with nbformat's validate); if it "
        "is not a notebook, rename it."
    ),
)
NOT_SCANNED_FOR_SECRETS = BOOK.rule(
    "MLS906",
    "NotScannedForSecrets",
    "low",
    "File not scanned for secrets",
    cwe=20,
    what=(
        "The file is binary or larger than 32 MiB, so it was not scanned for secrets (low; a larger notebook has "
        "its cell sources scanned and only its outputs skipped, and one past 128 MiB is medium); or a notebook's "
        "metadata is nested deeper or holds more strings than the hook reads, or the file holds more than 5,000 "
        "different values in a credential context (`password=`; a value repeated under one name counts once), "
        "50,000 in all, or 20,000 token-shaped strings, so part of it was not (medium;"
        " low in a data file)."
    ),
    why="A secret in it would not be found, so the file is named instead of passed silently.",
    fix=(
        "Keep credentials out of binary and very large files; if the file is text, split it, or review "
        "it and exclude its path in `.mlsec.yaml`; strip oversized notebook metadata (nbstripout)."
    ),
)


# The rule each credential kind (a detector's name in hooks/_shared/credential_patterns.py) reports.
RULE_FOR_KIND: dict[str, Rule] = {
    "huggingface": HUGGING_FACE_TOKEN,
    "huggingface_org": HUGGING_FACE_TOKEN,
    "anthropic": ANTHROPIC_KEY,
    "openai": OPEN_AI_KEY,
    "wandb": WANDB_KEY,
    "kaggle": KAGGLE_KEY,
    "comet": COMET_KEY,
    "neptune": NEPTUNE_TOKEN,
    "replicate": REPLICATE_TOKEN,
    "cohere": COHERE_KEY,
    "google_api_key": GOOGLE_API_KEY,
    "gcp_service_account": GCP_SERVICE_ACCOUNT_KEY,
    "aws_access_key_id": AWS_ACCESS_KEY_ID,
    "aws_secret_access_key": AWS_SECRET_ACCESS_KEY,
    "azure_storage_key": AZURE_STORAGE_KEY,
    "github": GIT_HUB_TOKEN,
    "gitlab": GIT_LAB_TOKEN,
    "slack_token": SLACK_TOKEN,
    "slack_webhook": SLACK_WEBHOOK,
    "stripe": STRIPE_LIVE_KEY,
    "private_key": PRIVATE_KEY,
    "jwt": JSON_WEB_TOKEN,
    "url_credentials": URL_CREDENTIALS,
    "password_assignment": SECRET_ASSIGNMENT,
    "chat_webhook": CHAT_WEBHOOK,
    "mailgun": MAILGUN_KEY,
    "sendgrid": SEND_GRID_KEY,
    "ngrok": NGROK_TOKEN,
    "groq": GROQ_KEY,
    "mistral": MISTRAL_KEY,
    "perplexity": PERPLEXITY_KEY,
    "deepseek": DEEP_SEEK_KEY,
    "google_oauth_client_secret": GOOGLE_OAUTH_CLIENT_SECRET,
    "npm": NPM_TOKEN,
    "label_studio": LABEL_STUDIO_TOKEN,
    "reddit": REDDIT_OAUTH_SECRET,
    "pypi": PY_PI_TOKEN,
    "telegram_bot": TELEGRAM_BOT_TOKEN,
}
