"""Hugging Face model folders: auto_map and chat templates in the JSON configs."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.artifacts.formats.format_helpers import inspect_bytes
from tests.artifacts.formats.test_chat_template import CHATML, ESCAPES, LLAMA2
from tests.artifacts.helpers import rules, scan_bytes

BERT = {"architectures": ["BertModel"], "model_type": "bert", "hidden_size": 768, "vocab_size": 30522}


def _json(value: object) -> bytes:
    return json.dumps(value, indent=2).encode()


def test_an_ordinary_model_folder_is_clean(tmp_path: Path) -> None:
    assert scan_bytes(tmp_path, "m/config.json", _json(BERT)) == []
    tokenizer = {"model_max_length": 512, "chat_template": LLAMA2, "bos_token": "<s>"}
    assert scan_bytes(tmp_path, "m/tokenizer_config.json", _json(tokenizer)) == []
    assert scan_bytes(tmp_path, "m/chat_template.jinja", CHATML.encode()) == []
    assert scan_bytes(tmp_path, "package.json", _json({"auto_map": {"a": "b.C"}})) == []  # not a model config name


def test_auto_map_local_low_and_remote_medium(tmp_path: Path) -> None:
    local = dict(BERT, auto_map={"AutoModel": "modeling_custom.CustomModel"})
    found = scan_bytes(tmp_path, "m/config.json", _json(local))
    assert rules(found) == ["MLS125"] and found[0].severity.value == "low"
    remote = dict(
        BERT, auto_map={"AutoModel": "someone/repo--modeling_x.XModel", "AutoTokenizer": [None, "someone/repo--tok.T"]}
    )
    found = scan_bytes(tmp_path, "m/config.json", _json(remote))
    assert rules(found) == ["MLS125", "MLS125"] and {f.severity.value for f in found} == {"medium"}


def test_chat_templates_escaping_the_sandbox(tmp_path: Path) -> None:
    bad = {"chat_template": CHATML + ESCAPES[0]}
    assert rules(scan_bytes(tmp_path, "m/tokenizer_config.json", _json(bad))) == ["MLS124"]
    named = {"chat_template": [{"name": "default", "template": CHATML}, {"name": "tool_use", "template": ESCAPES[2]}]}
    found = scan_bytes(tmp_path, "m/tokenizer_config.json", _json(named))
    assert rules(found) == ["MLS124"] and "tool_use" in found[0].message
    assert rules(scan_bytes(tmp_path, "m/chat_template.jinja", ESCAPES[3].encode())) == ["MLS124"]


def test_a_pickle_named_config_json_is_still_a_pickle(tmp_path: Path) -> None:
    from tests.artifacts.helpers import malicious_pickle

    assert rules(scan_bytes(tmp_path, "m/config.json", malicious_pickle(tmp_path / "c", protocol=0))) == ["MLS101"]
    assert scan_bytes(tmp_path, "m/config.json", b"{not json") == []  # a broken config is not a model


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.recursive(
        st.none() | st.text(max_size=8),
        lambda c: (
            st.lists(c) | st.dictionaries(st.sampled_from(["auto_map", "chat_template", "name", "template", "x"]), c)
        ),
        max_leaves=15,
    )
)
def test_any_json_is_judged_without_error(value: object) -> None:
    inspect_bytes(_json(value), "config.json")
    inspect_bytes(_json(value), "tokenizer_config.json")
