"""An access key id inside an expired presigned S3 URL is low; inside a valid one, or outside any
URL, it keeps its severity (hooks/secrets/presigned.py)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.secrets.presigned import expired_presigned_url
from tests.secrets.helpers import scan_text

KEY_ID = "AKIAY5FHYJAYKV7YHGUP"


def sigv4(date: str, expires: int = 86400, signed: bool = True) -> str:
    url = (
        "https://bucket.s3.amazonaws.com/data.json?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        f"&X-Amz-Credential={KEY_ID}%2F{date[:8]}%2Fus-west-2%2Fs3%2Faws4_request"
        f"&X-Amz-Date={date}&X-Amz-Expires={expires}&X-Amz-SignedHeaders=host"
    )
    return url + ("&X-Amz-Signature=" + "ab12" * 16 if signed else "")


def aws_severities(tmp_path: Path, text: str) -> list[str]:
    return [f.severity.value for f in scan_text(tmp_path, "mock.py", text) if f.rule_id == "MLS212"]


def test_a_key_id_in_an_expired_presigned_url_is_low(tmp_path: Path) -> None:
    findings = scan_text(tmp_path, "mock.py", f'EVENT = {{"url": "{sigv4("20210416T160942Z")}"}}\n')
    assert [f.severity.value for f in findings if f.rule_id == "MLS212"] == ["low"]
    assert "expired on 2021-04-17" in findings[0].message
    sigv2 = f"https://b.s3.amazonaws.com/k?AWSAccessKeyId={KEY_ID}&Expires=1618588182&Signature=abc%3D"
    assert aws_severities(tmp_path, f'url = "{sigv2}"\n') == ["low"]


def test_a_key_id_in_a_valid_or_unsigned_url_or_beside_one_keeps_its_severity(tmp_path: Path) -> None:
    assert aws_severities(tmp_path, f'url = "{sigv4("20990101T000000Z")}"\n') == ["high"]  # still valid
    assert aws_severities(tmp_path, f'url = "{sigv4("20210416T160942Z", signed=False)}"\n') == ["high"]
    beside = f'aws_access_key_id = "{KEY_ID}"\nold = "{sigv4("20210416T160942Z").replace(KEY_ID, "AKIAOTHER")}"\n'
    assert aws_severities(tmp_path, beside) == ["high"]


def test_expiry_is_computed_from_the_urls_own_fields() -> None:
    url = sigv4("20210416T160942Z", expires=3600).lower()
    start = url.index(KEY_ID.lower())
    end = start + len(KEY_ID)
    signed_at = 1618589382  # 2021-04-16T16:09:42Z
    assert expired_presigned_url(url, start, end, now=signed_at + 3599) is None
    assert expired_presigned_url(url, start, end, now=signed_at + 3601) == "2021-04-16"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_garbage_around_a_key_id_never_raises(before: str, after: str) -> None:
    text = (before + "x-amz-credential=" + KEY_ID + after).lower()
    start = len(before.lower()) + len("x-amz-credential=")
    result = expired_presigned_url(text, start, start + len(KEY_ID), now=0.0)
    assert result is None or len(result) == 10


def test_urls_joined_by_commas_are_judged_each_by_its_own_expiry(tmp_path: Path) -> None:
    live_id = "AKIAR2TX7KQ3VH6ZL4MB"
    expired = sigv4("20230101T000000Z", expires=3600)
    live = sigv4("20991201T090000Z", expires=604800).replace(KEY_ID, live_id)
    findings = scan_text(tmp_path, "shards.py", f'SHARDS = "{expired},{live}"\n')
    by_value = sorted((f.severity.value, "expired" in f.message) for f in findings if f.rule_id == "MLS212")
    assert by_value == [("high", False), ("low", True)]
