"""What a secret looks like: one detector per credential type, each with its own rule id.

A detector is a regular expression whose `secret` group is the value. Values that are only
recognisable with their name (a 40-hex W&B key looks like a git SHA) are matched together with
a credential-like name or call; bare hashes, SHAs, UUIDs and model ids never are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Detector:
    name: str  # the credential kind: stable, used in policy `secrets.disable` and to pick the rule
    label: str  # what the finding calls it; never the value
    pattern: re.Pattern[str]


# `NAME = "v"`, `NAME: v`, `"NAME": "v"`, `name="v"`, and `os.environ["NAME"] = "v"` (the `"]`).
_ASSIGN = r"""["']?\]?\s*(?:=|:|=>|,)\s*[(\[{]?\s*(?:b|r|u|f)?["'`]?"""


def keyed(names: str, value: str) -> re.Pattern[str]:
    """`NAME = "value"`, `NAME: value`, `"NAME": "value"`, `name="value"` with a credential name."""
    return re.compile(rf"(?i)(?:{names}){_ASSIGN}(?P<secret>{value})(?![A-Za-z0-9_+/=-])")


def _d(name: str, label: str, pattern: str | re.Pattern[str]) -> Detector:
    return Detector(name, label, pattern if isinstance(pattern, re.Pattern) else re.compile(pattern))


DETECTORS: tuple[Detector, ...] = (
    _d("huggingface", "Hugging Face token", r"\b(?P<secret>hf_[A-Za-z0-9]{34,40})\b"),
    _d("anthropic", "Anthropic API key", r"\b(?P<secret>sk-ant-(?:api|admin|oat)\d{2}-[A-Za-z0-9_-]{40,})"),
    _d(
        "openai",
        "OpenAI API key",
        r"\b(?P<secret>sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{40,}"
        r"|sk-[A-Za-z0-9]{16,}T3BlbkFJ[A-Za-z0-9_-]{16,}|sk-(?!ant-)[A-Za-z0-9]{48})(?![A-Za-z0-9_-])",
    ),
    _d(
        "wandb",
        "Weights & Biases API key",
        keyed(
            r"wandb[a-z0-9_]*(?:api)?[_-]?key|wandb\.login\([^)\n]*?key|api\.wandb\.ai[^\n]*?password",
            r"[0-9a-f]{40}",
        ),
    ),
    _d("wandb", "Weights & Biases API key", r"\bwandb\s+login(?:\s+--?[a-z-]+)*\s+(?P<secret>[0-9a-f]{40})\b"),
    _d("kaggle", "Kaggle API key", keyed(r"kaggle[_-]?key|\"username\"[^\n{}]*\"key\"", r"[0-9a-f]{32}")),
    _d(
        "comet",
        "Comet API key",
        keyed(r"comet[a-z0-9_]*api[_-]?key|comet_ml\.\w+\([^)\n]*?api_key", r"[A-Za-z0-9]{20,40}"),
    ),
    _d(
        "neptune",
        "Neptune API token",
        keyed(r"neptune[a-z0-9_]*(?:api)?[_-]?token|neptune\.\w+\([^)\n]*?api_token", r"eyJ[A-Za-z0-9+/=_-]{40,}"),
    ),
    _d("replicate", "Replicate API token", r"\b(?P<secret>r8_[A-Za-z0-9]{37})\b"),
    _d(
        "cohere",
        "Cohere API key",
        keyed(r"co(?:here)?[_-]?api[_-]?key|cohere\.\w*Client\(\s*(?:api_key\s*=\s*)?", r"[A-Za-z0-9]{40}"),
    ),
    _d("google_api_key", "Google API key", r"\b(?P<secret>AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])"),
    _d(
        "gcp_service_account",
        "GCP service-account private key",
        r"\"private_key\"\s*:\s*\"-----BEGIN (?:RSA )?PRIVATE KEY-----(?:\\n|\s)*(?P<secret>[A-Za-z0-9+/=]{40,})",
    ),
    _d("aws_access_key_id", "AWS access key id", r"\b(?P<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b"),
    _d(
        "aws_secret_access_key",
        "AWS secret access key",
        keyed(r"aws_?secret(?:_access)?_?key|secret_?access_?key|aws_secret", r"[A-Za-z0-9/+]{40}"),
    ),
    _d("azure_storage_key", "Azure storage account key", r"AccountKey=(?P<secret>[A-Za-z0-9+/]{80,}={0,2})"),
    _d(
        "github",
        "GitHub token",
        r"\b(?P<secret>gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})(?![A-Za-z0-9_])",
    ),
    _d("gitlab", "GitLab token", r"\b(?P<secret>gl(?:pat|dt|rt|ptt|cbt|oas)-[A-Za-z0-9_-]{20,})"),
    _d("slack_token", "Slack token", r"\b(?P<secret>xox[abposre]-[A-Za-z0-9-]{10,})"),
    _d(
        "slack_webhook",
        "Slack webhook URL",
        r"(?P<secret>https://hooks\.slack\.com/(?:services|workflows)/T[A-Z0-9]+/[A-Z0-9]+/[A-Za-z0-9]{16,})",
    ),
    _d("stripe", "Stripe live key", r"\b(?P<secret>(?:sk|rk)_live_[A-Za-z0-9]{20,})"),
    _d(
        "private_key",
        "private key (PEM)",
        r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"
        r"(?:\\n|\s)*(?P<secret>[A-Za-z0-9+/=]{40,})",
    ),
    _d("jwt", "JSON Web Token", r"\b(?P<secret>eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,})"),
    _d(
        "url_credentials",
        "credentials in a URL",
        r"\b(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]{1,20})://(?P<user>[^\s:/@'\"<>]{1,128})"
        r":(?P<secret>[^\s@/'\"<>]{3,256})@(?P<host>[A-Za-z0-9.\-_\[\]]+)",
    ),
    _d(
        "password_assignment",
        "secret assigned to a credential name",
        re.compile(
            r"(?i)(?P<name>\b[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|api[_-]?key|apikey|access[_-]?key"
            r"|auth[_-]?token|access[_-]?token|private[_-]?key|client[_-]?secret|token))"
            r"[\"']?\]?\s*(?::|=|=>)\s*(?P<quote>[\"'`])?"
            r"(?P<secret>(?(quote)[^\"'`\n]{8,200}|[^\s\"'`,;#]{8,200}))(?(quote)(?P=quote))"
        ),
    ),
)

# Credential files whose format gives the value its meaning without a name on the same line.
FILE_DETECTORS: dict[str, tuple[Detector, ...]] = {
    "kaggle.json": (_d("kaggle", "Kaggle API key", r'"key"\s*:\s*"(?P<secret>[0-9a-f]{32})"'),),
    ".netrc": (
        _d(
            "wandb",
            "Weights & Biases API key",
            r"machine\s+api\.wandb\.ai\s+(?:login\s+\S+\s+)?password\s+(?P<secret>[0-9a-f]{40})",
        ),
    ),
}

# detect-secrets plugins for the credential types not covered above; each runs only when
# its cheap anchor occurs, so the library is imported only when it can matter.
DELEGATED_PLUGINS: dict[str, tuple[str, str]] = {
    "ArtifactoryDetector": ("detect_secrets.plugins.artifactory", r"AKC[a-zA-Z0-9]{10}|AP[0-9ABCDEF][a-zA-Z0-9]{8}"),
    "CloudantDetector": ("detect_secrets.plugins.cloudant", r"(?i:cloudant)"),
    "DiscordBotTokenDetector": ("detect_secrets.plugins.discord", r"[MNO][a-zA-Z\d_-]{23,25}\.[a-zA-Z\d_-]{6}\."),
    "IbmCloudIamDetector": ("detect_secrets.plugins.ibm_cloud_iam", r"(?i:ibm)"),
    "IbmCosHmacDetector": ("detect_secrets.plugins.ibm_cos_hmac", r"(?i:ibm|cos_hmac)"),
    "MailchimpDetector": ("detect_secrets.plugins.mailchimp", r"[0-9a-z]{32}-us[0-9]{1,2}"),
    "NpmDetector": ("detect_secrets.plugins.npm", r"_authToken"),
    "PypiTokenDetector": ("detect_secrets.plugins.pypi_token", r"pypi-Ag"),
    "SendGridDetector": ("detect_secrets.plugins.sendgrid", r"SG\.[a-zA-Z0-9_-]{22}\."),
    "SoftlayerDetector": ("detect_secrets.plugins.softlayer", r"(?i:softlayer)"),
    "SquareOAuthDetector": ("detect_secrets.plugins.square_oauth", r"sq0csp-"),
    "TelegramBotTokenDetector": ("detect_secrets.plugins.telegram_token", r"\d{8,10}:[0-9A-Za-z_-]{35}"),
    "TwilioKeyDetector": ("detect_secrets.plugins.twilio", r"\b(?:AC|SK)[a-z0-9]{32}\b"),
}
DELEGATED_ANCHOR = re.compile("|".join(f"(?:{anchor})" for _, anchor in DELEGATED_PLUGINS.values()))
