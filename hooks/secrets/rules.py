"""The rules of mlsec-secrets: credentials in text files and notebooks."""

from __future__ import annotations

from hooks._core.rules import Rule, RuleBook

BOOK = RuleBook("secrets")

HUGGING_FACE_TOKEN = BOOK.rule(
    "MLS201",
    "HuggingFaceToken",
    "high",
    "Hugging Face token",
    cwe=798,
    what=(
        "A Hugging Face token written in a file, a notebook cell or a cell output. Reports show its type "
        "and a short hash, never the value."
    ),
    why=(
        "It reads, and for write tokens replaces, your models, datasets and Spaces: a leaked write token "
        "lets anyone publish a poisoned model under your name. A committed secret stays in the git "
        "history, every clone and every fork after the line is deleted, and bots scan public "
        "repositories for new credentials within minutes."
    ),
    example='login(token="hf_…")',
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["HF_TOKEN"]`) or a secrets manager. In notebooks, clear outputs before committing '
        "(nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://huggingface.co/docs/hub/security-tokens",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
OPEN_AI_KEY = BOOK.rule(
    "MLS202",
    "OpenAIKey",
    "high",
    "OpenAI API key",
    cwe=798,
    what=(
        "A OpenAI API key written in a file, a notebook cell or a cell output. Reports show its type and "
        "a short hash, never the value."
    ),
    why=(
        "It runs requests billed to your organisation and reaches its files, fine-tuned models and "
        "assistants. A committed secret stays in the git history, every clone and every fork after the "
        "line is deleted, and bots scan public repositories for new credentials within minutes."
    ),
    example='client = OpenAI(api_key="sk-…")',
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["OPENAI_API_KEY"]`) or a secrets manager. In notebooks, clear outputs before '
        "committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://platform.openai.com/api-keys",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
ANTHROPIC_KEY = BOOK.rule(
    "MLS203",
    "AnthropicKey",
    "high",
    "Anthropic API key",
    cwe=798,
    what=(
        "A Anthropic API key written in a file, a notebook cell or a cell output. Reports show its type "
        "and a short hash, never the value."
    ),
    why=(
        "It runs requests billed to your organisation. A committed secret stays in the git history, "
        "every clone and every fork after the line is deleted, and bots scan public repositories for new "
        "credentials within minutes."
    ),
    example='client = Anthropic(api_key="sk-ant-…")',
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["ANTHROPIC_API_KEY"]`) or a secrets manager. In notebooks, clear outputs before '
        "committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://console.anthropic.com/settings/keys",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
WANDB_KEY = BOOK.rule(
    "MLS204",
    "WandbKey",
    "high",
    "Weights & Biases API key",
    cwe=798,
    what=(
        "A Weights & Biases API key written in a file, a notebook cell or a cell output. Reports show "
        "its type and a short hash, never the value."
    ),
    why=(
        "It reads and writes your projects, runs and artifacts, including the model files others "
        "download from them. A committed secret stays in the git history, every clone and every fork "
        "after the line is deleted, and bots scan public repositories for new credentials within "
        "minutes."
    ),
    example='wandb.login(key="…40 hex characters…")',
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["WANDB_API_KEY"]`) or a secrets manager. In notebooks, clear outputs before '
        "committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://docs.wandb.ai/guides/hosting/iam/authentication/",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
KAGGLE_KEY = BOOK.rule(
    "MLS205",
    "KaggleKey",
    "high",
    "Kaggle API key",
    cwe=798,
    what=(
        "A Kaggle API key written in a file, a notebook cell or a cell output. Reports show its type and "
        "a short hash, never the value."
    ),
    why=(
        "It downloads and publishes datasets, models and notebooks as you. A committed secret stays in "
        "the git history, every clone and every fork after the line is deleted, and bots scan public "
        "repositories for new credentials within minutes."
    ),
    example='{"username": "you", "key": "…"}  (kaggle.json)',
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["KAGGLE_KEY"]`) or a secrets manager. In notebooks, clear outputs before '
        "committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://www.kaggle.com/docs/api",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
COMET_KEY = BOOK.rule(
    "MLS206",
    "CometKey",
    "high",
    "Comet API key",
    cwe=798,
    what=(
        "A Comet API key written in a file, a notebook cell or a cell output. Reports show its type and "
        "a short hash, never the value."
    ),
    why=(
        "It reads and changes your experiments and model registry. A committed secret stays in the git "
        "history, every clone and every fork after the line is deleted, and bots scan public "
        "repositories for new credentials within minutes."
    ),
    example='comet_ml.init(api_key="…")',
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["COMET_API_KEY"]`) or a secrets manager. In notebooks, clear outputs before '
        "committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://www.comet.com/docs/v2/",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
NEPTUNE_TOKEN = BOOK.rule(
    "MLS207",
    "NeptuneToken",
    "high",
    "Neptune API token",
    cwe=798,
    what=(
        "A Neptune API token written in a file, a notebook cell or a cell output. Reports show its type "
        "and a short hash, never the value."
    ),
    why=(
        "It reads and changes your projects and their logged metadata. A committed secret stays in the "
        "git history, every clone and every fork after the line is deleted, and bots scan public "
        "repositories for new credentials within minutes."
    ),
    example='neptune.init_run(api_token="…")',
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["NEPTUNE_API_TOKEN"]`) or a secrets manager. In notebooks, clear outputs before '
        "committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://docs.neptune.ai/",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
REPLICATE_TOKEN = BOOK.rule(
    "MLS208",
    "ReplicateToken",
    "high",
    "Replicate API token",
    cwe=798,
    what=(
        "A Replicate API token written in a file, a notebook cell or a cell output. Reports show its "
        "type and a short hash, never the value."
    ),
    why=(
        "It runs models billed to your account and manages your deployments. A committed secret stays in "
        "the git history, every clone and every fork after the line is deleted, and bots scan public "
        "repositories for new credentials within minutes."
    ),
    example='replicate.Client(api_token="r8_…")',
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["REPLICATE_API_TOKEN"]`) or a secrets manager. In notebooks, clear outputs before '
        "committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://replicate.com/account/api-tokens",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
COHERE_KEY = BOOK.rule(
    "MLS209",
    "CohereKey",
    "high",
    "Cohere API key",
    cwe=798,
    what=(
        "A Cohere API key written in a file, a notebook cell or a cell output. Reports show its type and "
        "a short hash, never the value."
    ),
    why=(
        "It runs requests billed to your account. A committed secret stays in the git history, every "
        "clone and every fork after the line is deleted, and bots scan public repositories for new "
        "credentials within minutes."
    ),
    example='cohere.Client("…")',
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["CO_API_KEY"]`) or a secrets manager. In notebooks, clear outputs before '
        "committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://dashboard.cohere.com/api-keys",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
GOOGLE_API_KEY = BOOK.rule(
    "MLS210",
    "GoogleApiKey",
    "high",
    "Google API key",
    cwe=798,
    what=(
        "A Google API key written in a file, a notebook cell or a cell output. Reports show its type and "
        "a short hash, never the value."
    ),
    why=(
        "It calls every Google API enabled for the project (Gemini, Maps, ...), billed to it, unless the "
        "key is restricted. A committed secret stays in the git history, every clone and every fork "
        "after the line is deleted, and bots scan public repositories for new credentials within "
        "minutes."
    ),
    example='genai.configure(api_key="AIza…")',
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["GOOGLE_API_KEY"]`) or a secrets manager. In notebooks, clear outputs before '
        "committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://cloud.google.com/docs/authentication/api-keys",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
GCP_SERVICE_ACCOUNT_KEY = BOOK.rule(
    "MLS211",
    "GcpServiceAccountKey",
    "critical",
    "GCP service-account private key",
    cwe=798,
    what=(
        "A GCP service-account private key written in a file, a notebook cell or a cell output. Reports "
        "show its type and a short hash, never the value."
    ),
    why=(
        "It acts as the service account: whatever its IAM roles allow, typically storage buckets of data "
        "and models, Vertex AI and BigQuery. A committed secret stays in the git history, every clone "
        "and every fork after the line is deleted, and bots scan public repositories for new credentials "
        "within minutes."
    ),
    example='{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----…"}',
    fix=(
        "Delete the key in the Cloud console first, then use workload identity or attached service "
        "accounts instead of key files; if a key file is unavoidable, point "
        "GOOGLE_APPLICATION_CREDENTIALS at a path outside the repository."
    ),
    references=(
        "https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
AWS_ACCESS_KEY_ID = BOOK.rule(
    "MLS212",
    "AwsAccessKeyId",
    "high",
    "AWS access key id",
    cwe=798,
    what=(
        "A AWS access key id written in a file, a notebook cell or a cell output. Reports show its type "
        "and a short hash, never the value."
    ),
    why=(
        "With its secret key (often a few lines away) it acts as the IAM user: S3 buckets of data and "
        "models, SageMaker, and whatever else its policies allow. A committed secret stays in the git "
        "history, every clone and every fork after the line is deleted, and bots scan public "
        "repositories for new credentials within minutes."
    ),
    example="aws_access_key_id = AKIA…",
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["AWS_ACCESS_KEY_ID"]`) or a secrets manager. In notebooks, clear outputs before '
        "committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
AWS_SECRET_ACCESS_KEY = BOOK.rule(
    "MLS213",
    "AwsSecretAccessKey",
    "critical",
    "AWS secret access key",
    cwe=798,
    what=(
        "A AWS secret access key written in a file, a notebook cell or a cell output. Reports show its "
        "type and a short hash, never the value."
    ),
    why=(
        "It signs requests as the IAM user: S3 buckets of data and models, SageMaker, and whatever else "
        "its policies allow. A committed secret stays in the git history, every clone and every fork "
        "after the line is deleted, and bots scan public repositories for new credentials within "
        "minutes."
    ),
    example="aws_secret_access_key = …",
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["AWS_SECRET_ACCESS_KEY"]`) or a secrets manager. In notebooks, clear outputs '
        "before committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
AZURE_STORAGE_KEY = BOOK.rule(
    "MLS214",
    "AzureStorageKey",
    "critical",
    "Azure storage account key",
    cwe=798,
    what=(
        "A Azure storage account key written in a file, a notebook cell or a cell output. Reports show "
        "its type and a short hash, never the value."
    ),
    why=(
        "It gives full control of the storage account: every container, blob and file share in it. A "
        "committed secret stays in the git history, every clone and every fork after the line is "
        "deleted, and bots scan public repositories for new credentials within minutes."
    ),
    example="DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…",
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["AZURE_STORAGE_KEY"]`) or a secrets manager. In notebooks, clear outputs before '
        "committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
GIT_HUB_TOKEN = BOOK.rule(
    "MLS215",
    "GitHubToken",
    "high",
    "GitHub token",
    cwe=798,
    what=(
        "A GitHub token written in a file, a notebook cell or a cell output. Reports show its type and a "
        "short hash, never the value."
    ),
    why=(
        "It acts as you within its scopes: read private repositories, push code, change workflows. A "
        "committed secret stays in the git history, every clone and every fork after the line is "
        "deleted, and bots scan public repositories for new credentials within minutes."
    ),
    example='GITHUB_TOKEN = "ghp_…"',
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["GITHUB_TOKEN"]`) or a secrets manager. In notebooks, clear outputs before '
        "committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
GIT_LAB_TOKEN = BOOK.rule(
    "MLS216",
    "GitLabToken",
    "high",
    "GitLab token",
    cwe=798,
    what=(
        "A GitLab token written in a file, a notebook cell or a cell output. Reports show its type and a "
        "short hash, never the value."
    ),
    why=(
        "It acts as you within its scopes: read private projects, push code, change pipelines. A "
        "committed secret stays in the git history, every clone and every fork after the line is "
        "deleted, and bots scan public repositories for new credentials within minutes."
    ),
    example='private_token = "glpat-…"',
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["GITLAB_TOKEN"]`) or a secrets manager. In notebooks, clear outputs before '
        "committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://docs.gitlab.com/ee/user/profile/personal_access_tokens.html",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
SLACK_TOKEN = BOOK.rule(
    "MLS217",
    "SlackToken",
    "high",
    "Slack token",
    cwe=798,
    what=(
        "A Slack token written in a file, a notebook cell or a cell output. Reports show its type and a "
        "short hash, never the value."
    ),
    why=(
        "It reads and posts messages in your workspace as the bot or user it belongs to. A committed "
        "secret stays in the git history, every clone and every fork after the line is deleted, and bots "
        "scan public repositories for new credentials within minutes."
    ),
    example='client = WebClient(token="xoxb-…")',
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["SLACK_BOT_TOKEN"]`) or a secrets manager. In notebooks, clear outputs before '
        "committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://api.slack.com/authentication/token-types",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
SLACK_WEBHOOK = BOOK.rule(
    "MLS218",
    "SlackWebhook",
    "medium",
    "Slack webhook URL",
    cwe=798,
    what=(
        "A Slack webhook URL written in a file, a notebook cell or a cell output. Reports show its type "
        "and a short hash, never the value."
    ),
    why=(
        "Anyone with it posts into the channel, for example phishing links that look like your training "
        "notifications. A committed secret stays in the git history, every clone and every fork after "
        "the line is deleted, and bots scan public repositories for new credentials within minutes."
    ),
    example='requests.post("https://hooks.slack.com/services/…", json=msg)',
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["SLACK_WEBHOOK_URL"]`) or a secrets manager. In notebooks, clear outputs before '
        "committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://api.slack.com/messaging/webhooks",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
STRIPE_LIVE_KEY = BOOK.rule(
    "MLS219",
    "StripeLiveKey",
    "critical",
    "Stripe live key",
    cwe=798,
    what=(
        "A Stripe live key written in a file, a notebook cell or a cell output. Reports show its type "
        "and a short hash, never the value."
    ),
    why=(
        "It makes charges and refunds and reads customer data of your live account. A committed secret "
        "stays in the git history, every clone and every fork after the line is deleted, and bots scan "
        "public repositories for new credentials within minutes."
    ),
    example='stripe.api_key = "sk_live_…"',
    fix=(
        "Revoke the key at the provider first, then read it from the environment "
        '(`os.environ["STRIPE_API_KEY"]`) or a secrets manager. In notebooks, clear outputs before '
        "committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://docs.stripe.com/keys",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
)
PRIVATE_KEY = BOOK.rule(
    "MLS220",
    "PrivateKey",
    "critical",
    "Private key (PEM)",
    cwe=321,
    what=("A PEM private key (RSA, EC, OpenSSH, PKCS#8) written in a file, a notebook cell or a cell output."),
    why=(
        "Whoever has it impersonates the server, user or service it belongs to (TLS, SSH, code signing). "
        "A committed secret stays in the git history, every clone and every fork after the line is "
        "deleted, and bots scan public repositories for new credentials within minutes."
    ),
    example="-----BEGIN OPENSSH PRIVATE KEY-----",
    fix=(
        "Replace the key pair and remove the public key (or revoke the certificate) wherever it is "
        "trusted; keep keys outside the repository."
    ),
    references=("https://cwe.mitre.org/data/definitions/321.html",),
)
JSON_WEB_TOKEN = BOOK.rule(
    "MLS221",
    "JsonWebToken",
    "medium",
    "JSON Web Token",
    cwe=798,
    what="A JSON Web Token written in a file, a notebook cell or a cell output.",
    why=(
        "It is a bearer credential: whoever holds it is authenticated until it expires, and its claims "
        "may carry personal data."
    ),
    example='headers = {"Authorization": "Bearer eyJhbGciOi…"}',
    fix=(
        "If it has not expired, end the session or rotate the signing key; do not commit tokens captured "
        "from requests, and clear notebook outputs."
    ),
    references=("https://datatracker.ietf.org/doc/html/rfc7519",),
)
URL_CREDENTIALS = BOOK.rule(
    "MLS222",
    "UrlCredentials",
    "high",
    "Credentials in a URL",
    cwe=522,
    what=("A URL that carries a user and password: database URLs, MLflow tracking URIs, package index URLs."),
    why=(
        "The password opens the database, tracking server or index the URL names. A committed secret "
        "stays in the git history, every clone and every fork after the line is deleted, and bots scan "
        "public repositories for new credentials within minutes."
    ),
    example='MLFLOW_TRACKING_URI = "https://user:password@mlflow.example.org"',
    fix=(
        "Rotate the password, then build the URL from environment variables or use the tool's own "
        "credential store (netrc, keyring, MLFLOW_TRACKING_PASSWORD)."
    ),
    references=("https://cwe.mitre.org/data/definitions/798.html",),
)
SECRET_ASSIGNMENT = BOOK.rule(
    "MLS223",
    "SecretAssignment",
    "medium",
    "Secret assigned to a credential name",
    cwe=798,
    what="A literal value assigned to a name such as PASSWORD, SECRET or API_KEY.",
    why=("A literal under a credential name is usually a real secret, or a default that ends up used in production."),
    example='DB_PASSWORD = "…"',
    fix=(
        "Read it from the environment or a secrets manager, and rotate it if it was ever committed. For "
        "a harmless placeholder, mark the line `# pragma: allowlist secret`."
    ),
    references=("https://cwe.mitre.org/data/definitions/798.html",),
)
DETECT_SECRETS_PLUGIN_TOKEN = BOOK.rule(
    "MLS224",
    "DetectSecretsPluginToken",
    "high",
    "Token found by a detect-secrets plugin",
    cwe=798,
    what="A token recognised by one of detect-secrets' own plugins (Twilio, SendGrid, npm, PyPI, ...).",
    why=(
        "It is a credential for another service, with whatever access that service grants. A committed "
        "secret stays in the git history, every clone and every fork after the line is deleted, and bots "
        "scan public repositories for new credentials within minutes."
    ),
    fix=(
        "Revoke it at the provider, then load it from the environment or a secrets manager. In "
        "notebooks, clear outputs before committing (nbstripout, or `jupyter nbconvert --clear-output`)."
    ),
    references=(
        "https://github.com/Yelp/detect-secrets",
        "https://cwe.mitre.org/data/definitions/798.html",
    ),
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
    what="The file is binary or larger than 32 MiB, so it was not scanned for secrets.",
    why="A secret in it would not be found, so the file is named instead of passed silently.",
    fix=(
        "Keep credentials out of binary and very large files; if the file is text, split it, or review "
        "it and exclude its path in `.mlsec.yaml`."
    ),
)


# The rule each credential kind (a detector's name in hooks/_shared/credential_patterns.py) reports.
RULE_FOR_KIND: dict[str, Rule] = {
    "huggingface": HUGGING_FACE_TOKEN,
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
}
