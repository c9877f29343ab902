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
        "A Hugging Face token is written in the file, a notebook cell or a cell output. Revoke it at the "
        "provider, then load it from the environment or a secrets manager; clear notebook outputs before "
        "committing."
    ),
)
OPEN_AI_KEY = BOOK.rule(
    "MLS202",
    "OpenAIKey",
    "high",
    "OpenAI API key",
    cwe=798,
    what=(
        "A OpenAI API key is written in the file, a notebook cell or a cell output. Revoke it at the "
        "provider, then load it from the environment or a secrets manager; clear notebook outputs before "
        "committing."
    ),
)
ANTHROPIC_KEY = BOOK.rule(
    "MLS203",
    "AnthropicKey",
    "high",
    "Anthropic API key",
    cwe=798,
    what=(
        "A Anthropic API key is written in the file, a notebook cell or a cell output. Revoke it at the "
        "provider, then load it from the environment or a secrets manager; clear notebook outputs before "
        "committing."
    ),
)
WANDB_KEY = BOOK.rule(
    "MLS204",
    "WandbKey",
    "high",
    "Weights & Biases API key",
    cwe=798,
    what=(
        "A Weights & Biases API key is written in the file, a notebook cell or a cell output. Revoke it "
        "at the provider, then load it from the environment or a secrets manager; clear notebook outputs "
        "before committing."
    ),
)
KAGGLE_KEY = BOOK.rule(
    "MLS205",
    "KaggleKey",
    "high",
    "Kaggle API key",
    cwe=798,
    what=(
        "A Kaggle API key is written in the file, a notebook cell or a cell output. Revoke it at the "
        "provider, then load it from the environment or a secrets manager; clear notebook outputs before "
        "committing."
    ),
)
COMET_KEY = BOOK.rule(
    "MLS206",
    "CometKey",
    "high",
    "Comet API key",
    cwe=798,
    what=(
        "A Comet API key is written in the file, a notebook cell or a cell output. Revoke it at the "
        "provider, then load it from the environment or a secrets manager; clear notebook outputs before "
        "committing."
    ),
)
NEPTUNE_TOKEN = BOOK.rule(
    "MLS207",
    "NeptuneToken",
    "high",
    "Neptune API token",
    cwe=798,
    what=(
        "A Neptune API token is written in the file, a notebook cell or a cell output. Revoke it at the "
        "provider, then load it from the environment or a secrets manager; clear notebook outputs before "
        "committing."
    ),
)
REPLICATE_TOKEN = BOOK.rule(
    "MLS208",
    "ReplicateToken",
    "high",
    "Replicate API token",
    cwe=798,
    what=(
        "A Replicate API token is written in the file, a notebook cell or a cell output. Revoke it at the"
        " provider, then load it from the environment or a secrets manager; clear notebook outputs before"
        " committing."
    ),
)
COHERE_KEY = BOOK.rule(
    "MLS209",
    "CohereKey",
    "high",
    "Cohere API key",
    cwe=798,
    what=(
        "A Cohere API key is written in the file, a notebook cell or a cell output. Revoke it at the "
        "provider, then load it from the environment or a secrets manager; clear notebook outputs before "
        "committing."
    ),
)
GOOGLE_API_KEY = BOOK.rule(
    "MLS210",
    "GoogleApiKey",
    "high",
    "Google API key",
    cwe=798,
    what=(
        "A Google API key is written in the file, a notebook cell or a cell output. Revoke it at the "
        "provider, then load it from the environment or a secrets manager; clear notebook outputs before "
        "committing."
    ),
)
GCP_SERVICE_ACCOUNT_KEY = BOOK.rule(
    "MLS211",
    "GcpServiceAccountKey",
    "critical",
    "GCP service-account private key",
    cwe=798,
    what=(
        "A GCP service-account private key is written in the file, a notebook cell or a cell output. "
        "Revoke it at the provider, then load it from the environment or a secrets manager; clear "
        "notebook outputs before committing."
    ),
)
AWS_ACCESS_KEY_ID = BOOK.rule(
    "MLS212",
    "AwsAccessKeyId",
    "high",
    "AWS access key id",
    cwe=798,
    what=(
        "A AWS access key id is written in the file, a notebook cell or a cell output. Revoke it at the "
        "provider, then load it from the environment or a secrets manager; clear notebook outputs before "
        "committing."
    ),
)
AWS_SECRET_ACCESS_KEY = BOOK.rule(
    "MLS213",
    "AwsSecretAccessKey",
    "critical",
    "AWS secret access key",
    cwe=798,
    what=(
        "A AWS secret access key is written in the file, a notebook cell or a cell output. Revoke it at "
        "the provider, then load it from the environment or a secrets manager; clear notebook outputs "
        "before committing."
    ),
)
AZURE_STORAGE_KEY = BOOK.rule(
    "MLS214",
    "AzureStorageKey",
    "critical",
    "Azure storage account key",
    cwe=798,
    what=(
        "A Azure storage account key is written in the file, a notebook cell or a cell output. Revoke it "
        "at the provider, then load it from the environment or a secrets manager; clear notebook outputs "
        "before committing."
    ),
)
GIT_HUB_TOKEN = BOOK.rule(
    "MLS215",
    "GitHubToken",
    "high",
    "GitHub token",
    cwe=798,
    what=(
        "A GitHub token is written in the file, a notebook cell or a cell output. Revoke it at the "
        "provider, then load it from the environment or a secrets manager; clear notebook outputs before "
        "committing."
    ),
)
GIT_LAB_TOKEN = BOOK.rule(
    "MLS216",
    "GitLabToken",
    "high",
    "GitLab token",
    cwe=798,
    what=(
        "A GitLab token is written in the file, a notebook cell or a cell output. Revoke it at the "
        "provider, then load it from the environment or a secrets manager; clear notebook outputs before "
        "committing."
    ),
)
SLACK_TOKEN = BOOK.rule(
    "MLS217",
    "SlackToken",
    "high",
    "Slack token",
    cwe=798,
    what=(
        "A Slack token is written in the file, a notebook cell or a cell output. Revoke it at the "
        "provider, then load it from the environment or a secrets manager; clear notebook outputs before "
        "committing."
    ),
)
SLACK_WEBHOOK = BOOK.rule(
    "MLS218",
    "SlackWebhook",
    "medium",
    "Slack webhook URL",
    cwe=798,
    what=(
        "A Slack webhook URL is written in the file, a notebook cell or a cell output. Revoke it at the "
        "provider, then load it from the environment or a secrets manager; clear notebook outputs before "
        "committing."
    ),
)
STRIPE_LIVE_KEY = BOOK.rule(
    "MLS219",
    "StripeLiveKey",
    "critical",
    "Stripe live key",
    cwe=798,
    what=(
        "A Stripe live key is written in the file, a notebook cell or a cell output. Revoke it at the "
        "provider, then load it from the environment or a secrets manager; clear notebook outputs before "
        "committing."
    ),
)
PRIVATE_KEY = BOOK.rule(
    "MLS220",
    "PrivateKey",
    "critical",
    "Private key (PEM)",
    cwe=321,
    what=(
        "A Private key (PEM) is written in the file, a notebook cell or a cell output. Revoke it at the "
        "provider, then load it from the environment or a secrets manager; clear notebook outputs before "
        "committing."
    ),
)
JSON_WEB_TOKEN = BOOK.rule(
    "MLS221",
    "JsonWebToken",
    "medium",
    "JSON Web Token",
    cwe=798,
    what=(
        "A JSON Web Token is written in the file, a notebook cell or a cell output. Revoke it at the "
        "provider, then load it from the environment or a secrets manager; clear notebook outputs before "
        "committing."
    ),
)
URL_CREDENTIALS = BOOK.rule(
    "MLS222",
    "UrlCredentials",
    "high",
    "Credentials in a URL",
    cwe=522,
    what=(
        "A URL carries a user and password (database URLs, MLflow tracking URIs, package index URLs). "
        "Move the password to an environment variable or a secrets manager and rotate it."
    ),
)
SECRET_ASSIGNMENT = BOOK.rule(
    "MLS223",
    "SecretAssignment",
    "medium",
    "Secret assigned to a credential name",
    cwe=798,
    what=(
        "A literal value is assigned to a name such as PASSWORD, SECRET or API_KEY. Read it from the "
        "environment instead, and rotate it if it was ever committed."
    ),
)
DETECT_SECRETS_PLUGIN_TOKEN = BOOK.rule(
    "MLS224",
    "DetectSecretsPluginToken",
    "high",
    "Token found by a detect-secrets plugin",
    cwe=798,
    what=(
        "One of detect-secrets' own plugins (Twilio, SendGrid, npm, PyPI, ...) recognised a token. Revoke"
        " it and load it from the environment."
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
)
NOT_SCANNED_FOR_SECRETS = BOOK.rule(
    "MLS906",
    "NotScannedForSecrets",
    "low",
    "File not scanned for secrets",
    cwe=20,
    what="The file is binary or larger than 32 MiB, so it was not scanned for secrets.",
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
