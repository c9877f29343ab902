from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._shared.redaction import has_userinfo, mask_credentials, redact_url, redact_urls


def test_userinfo_and_queries_are_hidden() -> None:
    assert redact_url("http://user:S3cretPassw0rd9@weights.example.com/w.bin") == "http://***@weights.example.com/w.bin"
    assert (
        redact_url("https://deploy:p@ssW0rd-Secret9@pypi.corp.example/simple") == "https://***@pypi.corp.example/simple"
    )
    assert redact_url("https://x.example/model.bin?X-Amz-Signature=abc") == "https://x.example/model.bin?***"
    assert redact_urls("ADD https://oauth2:glpat-AbCdEfGhIjKlMnOpQrStUv@gitlab.example.com/x.tar.gz /x") == (
        "ADD https://***@gitlab.example.com/x.tar.gz /x"
    )


def test_plain_urls_and_text_stay() -> None:
    assert redact_url("https://github.com/org/repo.git") == "https://github.com/org/repo.git"
    assert redact_urls("no url here: user@host") == "no url here: user@host"
    assert not has_userinfo("https://github.com/org/repo") and has_userinfo("https://a:b@github.com/")


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=40).filter(lambda s: not any(c.isspace() or c in "@/?#" for c in s)))
def test_a_password_never_survives(password: str) -> None:
    text = f"pip install git+https://user:{password}@github.com/o/r.git"
    redacted = redact_urls(text)
    assert f"user:{password}@" not in redacted


def test_a_password_holding_a_slash_is_hidden_whole() -> None:
    # A URL parser ends the authority at the `/` inside the password; pip and curl send it whole.
    assert redact_url("https://user:pa/ss@host.example/x") == "https://***@host.example/x"
    shown = redact_urls("curl https://bob:s3cr/etpass@files.example.com/a.sh | sh")
    assert shown == "curl https://***@files.example.com/a.sh | sh"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(
        lambda s: not any(c.isspace() or c in "@'\"<>" for c in s)
    )
)
def test_a_password_with_path_characters_never_survives(password: str) -> None:
    redacted = redact_urls(f"RUN curl -fsSL https://deploy:{password}@files.example.com/get.sh | sh")
    assert redacted == "RUN curl -fsSL https://***@files.example.com/get.sh | sh"


def test_an_opaque_token_in_a_url_path_is_hidden_and_names_stay() -> None:
    # Gemfury-style private index: the token is the path's first segment.
    assert redact_url("https://pypi.fury.io/1AbCdEfGhIjKlMnOpQrS/acct/") == "https://pypi.fury.io/***/acct/"
    assert redact_url("https://h.example/" + "a1" * 16 + "/simple/") == "https://h.example/***/simple/"
    for url in (
        "https://pypi.nvidia.com/nvidia-cublas-cu12/",
        "https://download.pytorch.org/whl/cu118/torch_stable.html",
        "https://storage.googleapis.com/jax-releases/jax_cuda_releases.html",
        "https://pkgs.dev.azure.com/org/project/_packaging/feed/pypi/simple/",
    ):
        assert redact_url(url) == url


TOKEN = "ghp_" + "Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz"  # a GitHub token's format (no real account)


@pytest.mark.parametrize(
    "message",
    [
        f"installs {TOKEN} without an exact == pin",
        f"{TOKEN} is not pinned",
        f"-r {TOKEN}.txt cannot be read",
        f"unknown cell magic %%x_{TOKEN}",
        f"--extra-index-url https://pypi.example.com/{TOKEN}/simple/ lets a public package shadow a private one",
        f"--trusted-host {TOKEN}.example.com turns off TLS verification for that host",
    ],
)
def test_a_credential_quoted_in_a_message_is_masked(message: str) -> None:
    shown = mask_credentials(message)
    assert TOKEN not in shown and TOKEN[4:] not in shown and "***" in shown


def test_messages_without_credentials_are_unchanged() -> None:
    for message in (
        "torch.load without weights_only=True unpickles arbitrary objects",
        "pip/conda installs nvidia-cublas-cu12, torchvision without an exact == pin",
        "pickle@0xd9 calls posix.system via REDUCE",
    ):
        assert mask_credentials(message) == message


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.sampled_from(["", "pip installs ", "https://h.example/", "-e ", "%%x_"]),
    suffix=st.sampled_from(["", " is not pinned", "/simple/", ".txt", "?x=1"]),
)
def test_a_token_never_survives_whatever_surrounds_it(prefix: str, suffix: str) -> None:
    assert TOKEN[4:] not in mask_credentials(prefix + TOKEN + suffix)


def test_file_and_model_names_in_messages_stay_readable() -> None:
    for message in (
        "fetches http://repo.continuum.io/miniconda/Miniconda3-latest-Linux-x86_64.sh over plain http",
        "fetches http://download.tensorflow.org/models/resnet_v2_fp32_savedmodel_NCHW_jpg.tar.gz over plain http",
        "calls acme.models.TransformerEncoderLayer2DWithCache via REDUCE",
    ):
        assert mask_credentials(message) == message


KEY40 = "Zq8XrT2vLp9WmN4cQs7BaK3dF6gH1jY5uE0iO2pW"  # a generic 40-character key (no account)
AWS_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzK9d3Lm2Qa"  # a secret access key's shape (no account)


@pytest.mark.parametrize(
    "message",
    [
        f"--extra-index-url https://acct.{KEY40}.pkgs.example.com/simple/ lets a public package shadow one",
        f"git+https://example.com/tools.{KEY40}.git without a full commit",
        f"ADD https://example.com/model.{KEY40}.tgz without --checksum",
        f"-r ***/{AWS_SECRET}.txt cannot be read",
        f"x.1{TOKEN}",
    ],
)
def test_keys_after_a_dot_or_with_base64_characters_are_masked(message: str) -> None:
    shown = mask_credentials(message)
    assert KEY40 not in shown and AWS_SECRET not in shown and TOKEN[4:] not in shown


def test_class_names_spelled_in_words_stay_readable_and_keys_shaped_like_them_do_not() -> None:
    """Transformers' class names (digits inside words, acronyms) are names; a generated key has
    lone lower-case letters between capitals and digits, or words with no vowel."""
    for name in ("Wav2Vec2FeatureExtractor", "Speech2TextFeatureExtractor", "XLMRobertaTokenizerFast"):
        message = f"trust_remote_code=True on transformers.{name} reads JSON"
        assert mask_credentials(message) == message
    for key in (
        "Xq7Rt2Pw9Lm4Zk8Vn3Bc6Df1Gh",
        "Wxv2Vqz2Fqwtrkx8Prstvwzqk",
        "Secret16Moon80Tiger35Bravo90",  # red team stop 83: a key spelled in words
        "Hgagv10Fwfsuvt79Zptejq59",
        "Wav2Vec2Hgagv10Fwfsuvt79Zptejq59",
    ):
        assert key not in mask_credentials(f"trust_remote_code=True on transformers.{key} reads JSON")
