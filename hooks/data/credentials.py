"""The one place this package calls the shared credential detectors (`hooks/_shared`).

Each detector runs only when its cheap anchor occurs in the text, so a megabyte of data costs a
few `str.find` calls when it holds no credential. If the shared detectors change (names,
fields), this adapter is what follows them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from hooks._shared.credential_filters import is_placeholder, is_weak_value, key_body
from hooks._shared.credential_patterns import DETECTORS, ENCODED_KEYS

# Lower-case text a detector's match must contain; a detector not listed here always runs.
_ANCHORS: dict[str, tuple[str, ...]] = {
    "huggingface": ("hf_",),
    "anthropic": ("sk-ant-",),
    "openai": ("sk-",),
    "wandb": ("wandb",),
    "kaggle": ("kaggle", '"username"'),
    "comet": ("comet",),
    "neptune": ("neptune",),
    "replicate": ("r8_",),
    "cohere": ("co_api", "coapi", "cohere", "co-api"),
    "google_api_key": ("aiza",),
    "gcp_service_account": ("private_key",),
    "aws_access_key_id": ("akia", "asia", "abia", "acca"),
    "aws_secret_access_key": ("secret",),
    "azure_storage_key": ("accountkey=",),
    "github": ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
    "gitlab": ("glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "gloas-"),
    "slack_token": ("xox",),
    "slack_webhook": ("hooks.slack.com",),
    "stripe": ("_live_",),
    "private_key": ("private key",),
    "jwt": ("eyj",),
    "url_credentials": ("://",),
    "password_assignment": ("pass", "pwd", "secret", "key", "token"),
}
_KEYWORD_CHECKED = frozenset({"url_credentials", "password_assignment"})


@dataclass(frozen=True)
class Credential:
    label: str
    start: int
    digest: str  # first 8 hex digits of the value's SHA-256: how findings name a secret


def find_credentials(text: str) -> Iterator[Credential]:
    lowered = text.lower()
    for detector in DETECTORS:
        anchors = _ANCHORS.get(detector.name)
        if anchors is not None and not any(anchor in lowered for anchor in anchors):
            continue
        for match in detector.pattern.finditer(text):
            value = match.group("secret")
            if detector.name in ENCODED_KEYS:
                body = key_body(text, match.start("secret"))
                if body is None:
                    continue  # a truncated example or a placeholder body
                value = body
            if is_placeholder(value, encoded=detector.name in ENCODED_KEYS):
                continue
            if detector.name in _KEYWORD_CHECKED and is_weak_value(value):
                continue
            digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:8]
            yield Credential(detector.label, match.start("secret"), digest)
