"""The walk: containers inside containers, named outermost first, up to the depth limit."""

from __future__ import annotations

import gzip
from pathlib import Path

from tests.artifacts.builders import tar, zip_with
from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes


def test_nested_zips_are_followed_up_to_the_depth_limit(tmp_path: Path) -> None:
    inner = zip_with({"m.pkl": malicious_pickle(tmp_path / "c")})
    assert rules(scan_bytes(tmp_path, "outer.zip", zip_with({"inner.zip": inner}))) == ["MLS101"]
    nested = inner
    for _ in range(8):
        nested = zip_with({"next.zip": nested})
    assert "MLS903" in rules(scan_bytes(tmp_path, "deep.zip", nested))


def test_nested_locations_name_every_container_outermost_first(tmp_path: Path) -> None:
    payload = malicious_pickle(tmp_path / "c")
    cases = {
        "outer.zip": zip_with({"inner.zip": zip_with({"a/m.pkl": payload})}),
        "bundle.zip": zip_with({"m/model.pkl.gz": gzip.compress(payload)}),
        "b.tar.gz": gzip.compress(tar({"m/model.pkl": payload})),
    }
    expected = {
        "outer.zip": "inner.zip>a/m.pkl@0x",
        "bundle.zip": "m/model.pkl.gz>gzip>pickle@0x",
        "b.tar.gz": "gzip>tar>m/model.pkl@0x",
    }
    for name, data in cases.items():
        findings = scan_bytes(tmp_path, name, data)
        assert rules(findings) == ["MLS101"], name
        assert findings[0].message.startswith(expected[name]), findings[0].message
