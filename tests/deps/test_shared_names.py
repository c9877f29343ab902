"""Shared name and URL judgement (hooks/_shared/names.py, urls.py) as the deps hook reports it:
established projects are not typosquats, real releases are not decoys, placeholders held by the
real project are low, credentials never shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hooks._shared.names import decoy_reason, is_established, typosquat_target
from hooks._shared.urls import has_credentials, redact_url
from hooks.cli.entry_points import mlsec_deps as main


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("tourch", "torch"),
        ("transfomers", "transformers"),
        ("reqeusts", "requests"),
        ("scikitlearn", "scikit-learn"),
        ("langchian", "langchain"),
        ("t0rch", "torch"),  # a look-alike character
        ("tiem", "timm"),  # near `time` as well, but not a module of the standard library
    ],
)
def test_near_misses_of_popular_names_are_typosquats(name: str, target: str) -> None:
    assert typosquat_target(name) == target


@pytest.mark.parametrize(
    "name", ["ppft", "peft", "torch", "scikit_learn", "Scikit-Learn", "tensorflow-cpu", "torchnet", "time", "typing"]
)
def test_established_and_popular_projects_are_not_typosquats(name: str) -> None:
    """`ppft` (pathos' parallel python fork) is one edit from `peft` and a real, popular project."""
    assert typosquat_target(name) is None


def test_the_established_list_is_shipped_and_read() -> None:
    assert is_established("ppft") and is_established("requests")
    assert not is_established("tourch")


@pytest.mark.parametrize(
    ("name", "version", "decoy"),
    [
        ("tensorflow-gpu", "2.5.3", False),  # a real release from when the name was TensorFlow
        ("tensorflow-gpu", "2.11.0", False),
        ("tensorflow-gpu", "2.12.0", True),  # the stub
        ("tensorflow-gpu", None, True),
        ("sklearn", None, True),
        ("cv2", None, True),
        ("scikit-learn", None, False),
    ],
)
def test_decoys_and_real_releases(name: str, version: str | None, decoy: bool) -> None:
    assert (decoy_reason(name, version) is not None) is decoy


def test_placeholders_held_by_the_project_are_low_unclaimed_names_block(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "requirements.txt").write_text("sklearn==0.0\npytorch\ntensorflow-gpu==2.5.3\nppft==1.7.6.8\n")
    assert main(["requirements.txt"]) == 0
    out = capsys.readouterr().out
    assert "MLS404 [low] sklearn" in out and "MLS404 [low] pytorch" in out
    assert "tensorflow-gpu" not in out and "ppft" not in out
    (repo / "requirements.txt").write_text("cv2==4.0\n")
    assert main(["requirements.txt"]) == 1
    assert "MLS404 [high] cv2" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://deploy:p@ss/W0rd@pypi.corp.example/simple", "https://***@"),
        ("https://user:tok@host.example/x?token=abc", "https://***@host.example/…"),
        ("git+https://x-access-token:ghp_abc@github.com/o/r", "git+https://***@github.com/…"),
        ("https://host.example/simple", "https://host.example/simple"),
    ],
)
def test_redacted_urls(url: str, shown: str) -> None:
    redacted = redact_url(url)
    assert redacted.startswith(shown)
    for secret in ("p@ss", "W0rd", "tok", "ghp_abc", "abc"):
        if secret in url and secret not in "https://host.example/simple":
            assert secret not in redacted


@given(user=st.text(min_size=1, max_size=20), password=st.text(min_size=1, max_size=30))
@example(user="0@", password="000/")  # a user holding `@`, a password holding `/` (found by hypothesis)
@settings(max_examples=200, deadline=None)
def test_no_password_survives_redaction(user: str, password: str) -> None:
    url = f"https://{user}:{password}@pypi.corp.example/simple/"
    if has_credentials(url):
        redacted = redact_url(url)
        assert f":{password}@" not in redacted
        if len(password) >= 4 and password not in "https://***@pypi.corp.example/…":
            assert password not in redacted
