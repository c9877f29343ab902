"""What a credential looks like: one detector per credential type whose format names it.

A detector is a regular expression whose `secret` group is the value. Values that are only
recognisable with their name (a 40-hex W&B key looks like a git SHA) are `ProviderHint`s: a
value the context detector (`credential_context`) already judged a credential gets the
provider's type when the provider's name stands before it and the value has the provider's
shape. Bare hashes, SHAs, UUIDs and model ids are never matched on their own.

Linear time on any input: every pattern starts with a literal (so the regex engine jumps from
one occurrence of it to the next), checks right after that literal that no token character
precedes it (so a long run of token characters is scanned once, from its start, however often
the prefix repeats inside it), and every repetition is bounded. `keywords` let a caller skip a
detector on text that cannot contain its match. `tests/secrets/test_hostile_inputs.py` holds
the adversarial inputs; `bench secrets-heldout --scale` times 10 MB single lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Detector:
    name: str  # the credential kind: stable, used in policy `secrets.disable` and to pick the rule
    label: str  # what the finding calls it; never the value
    pattern: re.Pattern[str]
    keywords: tuple[str, ...] = ()  # lower-case substrings one of which a match contains (documentation, tests)
    check: str = ""  # a structural check of the value (`credential_checks.CHECKS`), "" for none
    extend_left: str = ""  # a character class the value continues with before the match (up to 10)


@dataclass(frozen=True)
class ProviderHint:
    """A provider whose values only its name identifies: `mistral_api_key = "<32 alnum>"`."""

    name: str  # the credential kind
    label: str
    provider: re.Pattern[str]  # searched in the lower-cased text before the value (its name, call, section)
    value: re.Pattern[str]  # the value's full shape


def _left(prefix: str, body: str) -> str:
    """`prefix` that is not preceded by a character of the token's own alphabet `body`."""
    return f"{prefix}(?<=(?<![{body}]){prefix})"


def _d(
    name: str, label: str, pattern: str, keywords: tuple[str, ...], check: str = "", extend_left: str = ""
) -> Detector:
    return Detector(name, label, re.compile(pattern), keywords, check, extend_left)


_URLSAFE = "A-Za-z0-9_-"
_ALNUM = "A-Za-z0-9"
# Between a PEM header and its body: line breaks as written in any file that holds a key (real
# ones, `\\n` and `\\r` escapes, JSON's `\\u000a`), the indentation of a YAML block or an indented
# string (a key under helm values or in a class body), up to 256 characters, and the headers of
# a legacy encrypted key (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: ...`).
_PEM_BREAK = (
    r"(?:\\{1,2}[rn]|\\u000[aAdD]|\s){0,256}"
    r"(?:Proc-Type:[^\n\\]{1,40}(?:\\{1,2}[rn]|\s){1,8}DEK-Info:[^\n\\]{1,160}(?:\\{1,2}[rn]|\\u000[aAdD]|\s){1,256})?"
)
# The body's first line. A line of 40 or more base64 characters, or a shorter one (a key
# wrapped narrower) followed by another line of at least 16; the whole body up to `-----END`
# is then judged and becomes the value (key_body in credential_filters).
_PEM_BODY = (
    r"(?P<secret>[A-Za-z0-9+/=]{40,4096}|[A-Za-z0-9+/=]{16,39}"
    r"(?=(?:\\{1,2}[rn]|\\u000[aAdD]|\s){1,256}[A-Za-z0-9+/=]{16}))"
)
# Detectors whose value is the base64 of a key's structure: zero runs are part of every real one.
ENCODED_KEYS = frozenset({"private_key", "gcp_service_account"})
_SENDGRID = _left(r"SG\.", "." + _URLSAFE)

TOKEN_DETECTORS: tuple[Detector, ...] = (
    _d(
        "huggingface",
        "Hugging Face token",
        rf"(?P<secret>{_left('hf_', _ALNUM + '_')}[A-Za-z0-9]{{34,40}})(?![A-Za-z0-9_])",
        ("hf_",),
    ),
    _d(
        "huggingface_org",
        "Hugging Face organisation token",
        rf"(?P<secret>{_left('api_org_', _ALNUM + '_')}[A-Za-z0-9]{{30,40}})(?![A-Za-z0-9_])",
        ("api_org_",),
    ),
    _d(
        "anthropic",
        "Anthropic API key",
        rf"(?P<secret>{_left('sk-ant-', _URLSAFE)}(?:api|admin|oat)[0-9]{{2}}-[A-Za-z0-9_-]{{40,200}})"
        r"(?![A-Za-z0-9_-])",
        ("sk-ant-",),
    ),
    _d(
        "openai",
        "OpenAI API key",
        rf"(?P<secret>{_left('sk-', _URLSAFE)}(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{{40,250}}"
        r"|[A-Za-z0-9]{16,64}T3BlbkFJ[A-Za-z0-9_-]{16,64}|(?!ant-)[A-Za-z0-9]{48}))(?![A-Za-z0-9_-])",
        ("sk-",),
    ),
    _d(
        "replicate",
        "Replicate API token",
        rf"(?P<secret>{_left('r8_', _ALNUM + '_')}[A-Za-z0-9]{{37}})(?![A-Za-z0-9_])",
        ("r8_",),
    ),
    _d(
        "google_api_key",
        "Google API key",
        rf"(?P<secret>{_left('AIza', _URLSAFE)}[0-9A-Za-z_-]{{35}})(?![0-9A-Za-z_-])",
        ("aiza",),
    ),
    _d(
        "gcp_service_account",
        "GCP service-account private key",
        r"\"private_key\"[ \t]{0,4}:[ \t]{0,4}\"-----BEGIN (?:RSA )?PRIVATE KEY-----" + _PEM_BREAK + _PEM_BODY,
        ("private_key",),
    ),
    _d(
        "aws_access_key_id",
        "AWS access key id",
        rf"(?P<secret>{_left('(?:AKIA|ASIA|ABIA|ACCA)', _ALNUM)}[A-Z2-7]{{16}})(?![A-Za-z0-9])",
        ("akia", "asia", "abia", "acca"),
        "aws_key_id",
    ),
    _d(
        "azure_storage_key",
        "Azure storage account key",
        r"AccountKey=(?P<secret>[A-Za-z0-9+/]{80,100}={0,2})",
        ("accountkey=",),
    ),
    _d(
        "github",
        "GitHub token",
        rf"(?P<secret>{_left('gh[pousr]_', _ALNUM + '_')}[A-Za-z0-9]{{36,251}}"
        rf"|{_left('github_pat_', _ALNUM + '_')}[A-Za-z0-9_]{{60,251}})(?![A-Za-z0-9_])",
        ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
        "github_crc32",
    ),
    _d(
        "gitlab",
        "GitLab token",
        rf"(?P<secret>{_left('gl', _URLSAFE)}(?:pat|dt|rt|ptt|cbt|oas|ft|imt|soat|agent)-[A-Za-z0-9_-]{{20,64}})"
        r"(?![A-Za-z0-9_-])",
        ("glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "gloas-", "glft-", "glimt-", "glsoat-", "glagent-"),
    ),
    _d(
        "slack_token",
        "Slack token",
        # Every Slack token carries numeric ids or a random body (`xoxb-<team>-<bot>-<secret>`,
        # `xoxe-1-<base64>`): six digits at least; `xoxb-test-token` is a test's placeholder.
        rf"(?P<secret>{_left('xox[abposre]-', _ALNUM + '-')}(?=(?:[A-Za-z-]*[0-9]){{6}})[A-Za-z0-9-]{{10,250}})"
        r"(?![A-Za-z0-9-])",
        ("xox",),
    ),
    _d(
        "slack_webhook",
        "Slack webhook URL",
        # Incoming webhooks are `services/T<team>/B<bot>/<24-character secret>`, each id eight
        # characters or more after its letter: a shorter or longer part is no URL Slack accepts
        # (docs abridge them). Workflow and trigger URLs carry longer secrets of their own.
        r"(?P<secret>https://hooks\.slack\.com/(?:services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,14}/[A-Za-z0-9]{24}"
        r"|(?:workflows|triggers)/T[A-Z0-9]{8,12}/[A-Za-z0-9/]{8,40}/[A-Za-z0-9]{24,40}))(?![A-Za-z0-9])",
        ("hooks.slack.com",),
    ),
    # `sk_live_`/`rk_live_`: matched from the literal `_live_` (a leading character class would
    # make the engine try every `s` and `r`); the value extends back over its two letters.
    _d(
        "stripe",
        "Stripe live key",
        r"(?P<secret>_live_(?<=(?<![A-Za-z0-9_])[sr]k_live_)[A-Za-z0-9]{20,250})(?![A-Za-z0-9_])",
        ("_live_",),
        "",
        "a-z",
    ),
    _d(
        "private_key",
        "private key (PEM)",
        r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----" + _PEM_BREAK + _PEM_BODY,
        ("private key",),
    ),
    _d(
        "jwt",
        "JSON Web Token",
        # `<!--eyJ...-->`: an HTML or XML comment's dashes are no part of the token.
        rf"(?P<secret>eyJ(?<=(?:(?<![{_URLSAFE}])|(?<=<!--))eyJ)[A-Za-z0-9_-]{{10,4096}}\.eyJ[A-Za-z0-9_-]{{10,8192}}\."
        r"[A-Za-z0-9_-]{16,1024}?)(?=-->|(?![A-Za-z0-9_-]))",
        ("eyj",),
        "jwt",
    ),
    # --- issue 15's types ------------------------------------------------------------------
    _d(
        "chat_webhook",
        "Discord webhook URL",
        r"(?P<secret>https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/(?:v[0-9]{1,2}/)?webhooks/[0-9]{16,20}/"
        r"[A-Za-z0-9_-]{60,90})(?![A-Za-z0-9_-])",
        ("discord",),
    ),
    _d(
        "chat_webhook",
        "Microsoft Teams webhook URL",
        r"(?P<secret>https://[A-Za-z0-9-]{1,63}\.webhook\.office\.com/webhookb2/[0-9a-f-]{36}@[0-9a-f-]{36}/"
        r"IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36}(?:/[A-Za-z0-9_-]{10,80})?)",
        ("webhook.office.com",),
    ),
    _d(
        "chat_webhook",
        "Google Chat webhook URL",
        r"(?P<secret>https://chat\.googleapis\.com/v1/spaces/[A-Za-z0-9_-]{8,20}/messages\?"
        r"[A-Za-z0-9_=&%.-]{0,80}?token=[A-Za-z0-9_%-]{20,100})",
        ("chat.googleapis.com",),
    ),
    _d(
        "sendgrid",
        "SendGrid API key",
        rf"(?P<secret>{_SENDGRID}[A-Za-z0-9_-]{{22}}\.[A-Za-z0-9_-]{{43}})(?![A-Za-z0-9_-])",
        ("sg.",),
    ),
    _d(
        "mailgun",
        "Mailgun API key",
        rf"(?P<secret>{_left('key-', _ALNUM + '-')}[0-9a-f]{{32}})(?![A-Za-z0-9_-])",
        ("key-",),
    ),
    _d(
        "groq",
        "Groq API key",
        rf"(?P<secret>{_left('gsk_', _ALNUM + '_')}[A-Za-z0-9]{{48,56}})(?![A-Za-z0-9_])",
        ("gsk_",),
    ),
    _d(
        "perplexity",
        "Perplexity API key",
        rf"(?P<secret>{_left('pplx-', _ALNUM + '-')}[A-Za-z0-9]{{40,56}})(?![A-Za-z0-9_-])",
        ("pplx-",),
    ),
    _d(
        "google_oauth_client_secret",
        "Google OAuth client secret",
        rf"(?P<secret>{_left('GOCSPX-', _URLSAFE)}[A-Za-z0-9_-]{{28}})(?![A-Za-z0-9_-])",
        ("gocspx-",),
    ),
    _d(
        "npm",
        "npm access token",
        rf"(?P<secret>{_left('npm_', _ALNUM + '_')}[A-Za-z0-9]{{36}})(?![A-Za-z0-9_])",
        ("npm_",),
        "github_crc32",
    ),
    _d(
        "pypi",
        "PyPI API token",
        rf"(?P<secret>{_left('pypi-', _URLSAFE)}AgE[A-Za-z0-9_-]{{50,1000}})(?![A-Za-z0-9_-])",
        ("pypi-age",),
        "pypi_macaroon",
    ),
    # `<bot id>:AA<33>`: matched from the literal `:AA`; the value extends back over the bot id.
    _d(
        "telegram_bot",
        "Telegram bot token",
        r"(?P<secret>:AA(?<=[0-9]{8}:AA)[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])",
        (":aa",),
        "telegram",
        "0-9",
    ),
)

# Values only their provider's name identifies. The context detector must already have judged
# the value a credential (by its name and shape); the hint only gives it its precise type.
_HEX = "[0-9a-f]"
PROVIDER_HINTS: tuple[ProviderHint, ...] = tuple(
    ProviderHint(name, label, re.compile(provider), re.compile(value))
    for name, label, provider, value in (
        ("wandb", "Weights & Biases API key", r"wandb|api\.wandb\.ai", f"{_HEX}{{40}}|local-{_HEX}{{40}}"),
        ("kaggle", "Kaggle API key", r"kaggle", f"{_HEX}{{32}}"),
        ("comet", "Comet API key", r"comet", "[A-Za-z0-9]{20,40}"),
        ("neptune", "Neptune API token", r"neptune", "eyJ[A-Za-z0-9+/=_-]{40,1000}"),
        ("cohere", "Cohere API key", r"cohere|\bco_api_key|\bco\.", "[A-Za-z0-9]{40}"),
        ("aws_secret_access_key", "AWS secret access key", r"aws|secret_?access", "[A-Za-z0-9/+]{40}"),
        ("mistral", "Mistral API key", r"mistral", "[A-Za-z0-9]{32}"),
        ("deepseek", "DeepSeek API key", r"deepseek", f"sk-{_HEX}{{32}}"),
        ("label_studio", "Label Studio API token", r"label[ _-]?studio|\bls_", f"{_HEX}{{40}}"),
        ("reddit", "Reddit OAuth secret", r"reddit|praw", "[A-Za-z0-9_-]{20,40}"),
        ("ngrok", "ngrok authtoken", r"ngrok", "[0-9A-Za-z]{20,30}_[0-9A-Za-z]{20,30}"),
        ("mailgun", "Mailgun API key", r"mailgun", f"{_HEX}{{32}}-{_HEX}{{8}}-{_HEX}{{8}}"),
    )
)

_ASSIGN = r"""["']?\]?[ \t]{0,8}(?:=|:|=>|,)[ \t]{0,8}[(\[{]?[ \t]{0,4}(?:b|r|u|f)?["'`]?"""


def keyed(names: str, value: str) -> re.Pattern[str]:
    """`NAME = "value"`, `NAME: value`, `"NAME": "value"`, `name="value"` with a credential name."""
    return re.compile(rf"(?i)(?:{names}){_ASSIGN}(?P<secret>{value})(?![A-Za-z0-9_+/=-])")


# The same hints as patterns for callers that match short texts on their own (Dockerfile lines).
_KEYED_DETECTORS: tuple[Detector, ...] = (
    _d(
        "wandb",
        "Weights & Biases API key",
        keyed(r"wandb[a-z0-9_]{0,20}(?:api)?[_-]?key|wandb\.login\([^)\n]{0,80}?key", f"{_HEX}{{40}}").pattern,
        ("wandb",),
    ),
    _d("kaggle", "Kaggle API key", keyed(r"kaggle[_-]?key", f"{_HEX}{{32}}").pattern, ("kaggle",)),
    _d(
        "aws_secret_access_key",
        "AWS secret access key",
        keyed(r"aws_?secret(?:_access)?_?key|secret_?access_?key", "[A-Za-z0-9/+]{40}").pattern,
        ("secret",),
    ),
)

URL_CREDENTIALS = _d(
    "url_credentials",
    "credentials in a URL",
    r"://(?P<user>[^\s:/@'\"<>]{0,128}):(?P<secret>[^\s@/'\"<>]{1,256})@(?P<host>[A-Za-z0-9.\-_\[\]]{1,253})",
    ("://",),
)

# Every type-named detector, for callers that match each on its own (the Dockerfile hook).
DETECTORS: tuple[Detector, ...] = (*TOKEN_DETECTORS, *_KEYED_DETECTORS, URL_CREDENTIALS)

# Credential files whose format gives the value its meaning without a name on the same line.
FILE_DETECTORS: dict[str, tuple[Detector, ...]] = {
    "kaggle.json": (_d("kaggle", "Kaggle API key", r'"key"[ \t]{0,8}:[ \t]{0,8}"(?P<secret>[0-9a-f]{32})"', ()),),
}

# detect-secrets plugins for the credential types not covered above (not its Artifactory plugin,
# whose `AP` + 9 characters matches notebook cell ids and ordinary words). Each runs only when its
# keyword is in the text and its cheap anchor on a line (of bounded length), so the library is
# imported only when it can matter: name -> (module, anchor, lower-case keyword or "").
DELEGATED_PLUGINS: dict[str, tuple[str, str, str]] = {
    "CloudantDetector": ("detect_secrets.plugins.cloudant", r"(?i:cloudant)", "cloudant"),
    "DiscordBotTokenDetector": (
        "detect_secrets.plugins.discord",
        r"[MNO](?<=(?<![a-zA-Z0-9_-])[MNO])[a-zA-Z0-9_-]{23,25}\.[a-zA-Z0-9_-]{6}\.",
        "",
    ),
    "IbmCloudIamDetector": ("detect_secrets.plugins.ibm_cloud_iam", r"(?i:ibm)", "ibm"),
    "IbmCosHmacDetector": ("detect_secrets.plugins.ibm_cos_hmac", r"(?i:ibm|cos_hmac)", "ibm"),
    "MailchimpDetector": ("detect_secrets.plugins.mailchimp", r"-us(?<=[0-9a-z]{32}-us)[0-9]{1,2}", "-us"),
    "SoftlayerDetector": ("detect_secrets.plugins.softlayer", r"(?i:softlayer)", "softlayer"),
    "SquareOAuthDetector": ("detect_secrets.plugins.square_oauth", r"sq0csp-", "sq0csp-"),
    "TwilioKeyDetector": (
        "detect_secrets.plugins.twilio",
        r"(?:AC|SK)(?<=(?<![A-Za-z0-9])(?:AC|SK))[a-z0-9]{32}(?![A-Za-z0-9])",
        "",
    ),
}
DELEGATED_MAX_LINE = 4096  # longer lines are left to the linear-time detectors above
