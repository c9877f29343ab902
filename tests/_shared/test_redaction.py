from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._shared.redaction import has_userinfo, redact_url, redact_urls


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
