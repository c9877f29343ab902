"""skops files: written by the real skops (test-only), the schema judged without importing it."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.artifacts.formats.format_helpers import inspect_bytes
from tests.artifacts.helpers import rules, scan_bytes

sio = pytest.importorskip("skops.io", reason="skops (test extra) writes the fixture files")
np = pytest.importorskip("numpy")


def _pipeline() -> bytes:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler

    model = make_pipeline(FunctionTransformer(np.log1p), StandardScaler(), LogisticRegression())
    return bytes(sio.dumps(model.fit(np.random.default_rng(0).random((20, 3)), [0, 1] * 10)))


def _swap_schema(data: bytes, edit: object) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "schema.json":
                schema = json.loads(content)
                edit(schema)  # type: ignore[operator]
                content = json.dumps(schema).encode()
            target.writestr(name, content)
    return out.getvalue()


def test_a_real_skops_pipeline_is_clean(tmp_path: Path) -> None:
    assert scan_bytes(tmp_path, "model.skops", _pipeline()) == []


def test_dangerous_and_untrusted_types(tmp_path: Path) -> None:
    def to_system(schema: dict[str, object]) -> None:
        schema["content"]["content"]["memory"] = {
            "__class__": "system",
            "__module__": "os",
            "__loader__": "FunctionNode",
        }  # type: ignore[index]

    def to_custom(schema: dict[str, object]) -> None:
        schema["__module__"], schema["__class__"] = "mylib.models", "Fancy"

    assert rules(scan_bytes(tmp_path, "bad.skops", _swap_schema(_pipeline(), to_system))) == ["MLS101"]
    found = scan_bytes(tmp_path, "custom.skops", _swap_schema(_pipeline(), to_custom))
    assert rules(found) == ["MLS102"] and found[0].severity.value == "medium"


def test_a_schemas_types_are_one_finding_per_kind_naming_each(tmp_path: Path) -> None:
    def many(schema: dict[str, object]) -> None:
        memory = {"__class__": "system", "__module__": "os", "__loader__": "FunctionNode"}
        other = {"__module__": "mylib.models", "__loader__": "ObjectNode"}
        others = [{**other, "__class__": f"Model{i}"} for i in range(3)]
        schema["content"]["content"]["memory"] = [memory, {**memory, "__class__": "popen"}, *others]  # type: ignore[index]

    found = scan_bytes(tmp_path, "many.skops", _swap_schema(_pipeline(), many))
    assert rules(found) == ["MLS101", "MLS102"]
    text = " | ".join(f.message for f in found)
    assert "2 dangerous types (os.popen, os.system)" in text
    assert "3 types outside the allowlist (mylib.models.Model0, mylib.models.Model1, mylib.models.Model2)" in text


def test_long_decoy_type_names_never_push_a_dangerous_type_out_of_the_message(tmp_path: Path) -> None:
    def decoys(schema: dict[str, object]) -> None:
        decoy = {"__module__": "asyncio", "__class__": "\U0001f600" * 80, "__loader__": "ObjectNode"}
        schema["unused"] = [decoy, {**decoy, "__class__": "\U0001f601" * 80}, {**decoy, "__class__": "\U0001f602" * 80}]
        schema["content"]["content"]["memory"] = {  # type: ignore[index]
            "__class__": "eval",
            "__module__": "builtins",
            "__loader__": "FunctionNode",
        }

    found = scan_bytes(tmp_path, "decoy.skops", _swap_schema(_pipeline(), decoys))
    text = " ".join(f.message for f in found if f.rule_id == "MLS101")
    assert "builtins.eval" in text and all(not f.message.endswith("…") for f in found)


def test_other_json_schemas_are_not_skops(tmp_path: Path) -> None:
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "__module__": "os", "__class__": "system"}
    assert scan_bytes(tmp_path, "schema.json", json.dumps(schema).encode()) == []


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.recursive(
        st.none() | st.text(max_size=6),
        lambda c: (
            st.lists(c)
            | st.dictionaries(st.sampled_from(["__module__", "__class__", "__loader__", "content", "protocol"]), c)
        ),
        max_leaves=15,
    )
)
def test_any_schema_is_judged_without_error(value: object) -> None:
    inspect_bytes(json.dumps({"__loader__": "ObjectNode", "protocol": 1, "content": value}).encode(), "schema.json")
