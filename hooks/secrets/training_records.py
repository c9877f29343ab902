"""Whether a JSON file is a dataset of training records (ShareGPT's `conversations`, OpenAI's
`messages`, Alpaca's `instruction`, preference pairs' `chosen`): other people's or a model's text,
which the secrets hook reads as data, like a `.jsonl` file's. Only when every record holds nothing
but a dataset's fields; a record with any other key (`api_key`, `password`, `model`, a nested
config) makes the file a config, whatever its first key says."""

from __future__ import annotations

import json
import re

_DATASET_HEAD = re.compile(
    r"\ufeff?\s{0,200}\[\s{0,200}\{\s{0,200}\"(?:conversations|messages|instruction|chosen|prompt|question|query)\"\s{0,20}:"
)
_DATASET_LIMIT = 16 << 20  # characters of a JSON file parsed to tell (a larger one stays text)
_RECORD_KEYS = frozenset(
    "conversations messages instruction input output system history chosen rejected prompt completion question "
    "answer answers query response context text id images videos audios tools label kto_tag category source "
    "lang language task title choices options explanation rationale reference references target score "
    "difficulty".split()
)
_TURN_KEYS = frozenset("from value role content name tool_calls tool_call_id weight loss reasoning_content".split())
_PART_KEYS = frozenset("type text image image_url url audio video input_audio detail".split())
_CALL_KEYS = frozenset("id type function name arguments".split())


def training_records(text: str) -> bool:
    """Whether the JSON text is a non-empty list of records holding only a dataset's fields."""
    if len(text) > _DATASET_LIMIT or not _DATASET_HEAD.match(text):
        return False
    try:
        records = json.loads(text)
    except (ValueError, RecursionError):
        return False
    return isinstance(records, list) and bool(records) and all(_record(r) for r in records)


def _record(record: object) -> bool:
    return isinstance(record, dict) and all(k in _RECORD_KEYS and _field(v) for k, v in record.items())


def _scalar(value: object) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _field(value: object) -> bool:
    """A record's field: text or numbers, lists of them (`history`: pairs), or turns."""
    if _scalar(value):
        return True
    if isinstance(value, dict):
        return _turn(value)  # LLaMA-Factory's preference pairs: `"chosen": {"from": ..., "value": ...}`
    if isinstance(value, list):
        return all(
            _scalar(item) or (isinstance(item, list) and all(_scalar(i) for i in item)) or _turn(item) for item in value
        )
    return False


def _turn(turn: object) -> bool:
    """One message: who says it and what, its content parts, its tool calls."""
    if not isinstance(turn, dict):
        return False
    for key, value in turn.items():
        if key not in _TURN_KEYS:
            return False
        if _scalar(value):
            continue
        allowed = _CALL_KEYS if key == "tool_calls" else _PART_KEYS
        if not (isinstance(value, list) and all(_keyed(item, allowed) for item in value)):
            return False
    return True


def _keyed(item: object, allowed: frozenset[str]) -> bool:
    """A content part or a tool call: its own keys, text inside (a call's `function` one level down)."""
    if not isinstance(item, dict):
        return False
    for key, value in item.items():
        if key not in allowed:
            return False
        if isinstance(value, dict):
            if not all(k in _CALL_KEYS | _PART_KEYS and _scalar(v) for k, v in value.items()):
                return False
        elif not _scalar(value):
            return False
    return True
