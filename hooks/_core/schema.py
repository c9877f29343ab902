"""A small JSON Schema checker for the policy file.

The policy schema uses a handful of draft-07 keywords; checking them here keeps every hook's
start-up free of a schema library and lets each error name the key path and the likely
intended key. tests/ check that this agrees with the reference `jsonschema` implementation.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from typing import Any

_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def _type_matches(value: Any, type_name: str) -> bool:
    if isinstance(value, bool) and type_name in ("integer", "number"):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        # YAML's .nan/.inf and TOML's nan/inf are not JSON numbers, and every comparison with
        # nan is false: `max_seconds: .nan` would switch a time cap off.
        return False
    return isinstance(value, _JSON_TYPES[type_name])


def _describe(value: Any) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    for name in ("boolean", "null", "integer", "number", "string", "array", "object"):
        if _type_matches(value, name):
            return name
    return type(value).__name__


def _resolve(schema: Mapping[str, Any], root: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = schema.get("$ref")
    while ref is not None:
        node: Any = root
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
        schema = node
        ref = schema.get("$ref")
    return schema


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def iter_errors(
    value: Any, schema: Mapping[str, Any], root: Mapping[str, Any] | None = None, path: str = ""
) -> Iterator[str]:
    """Yield one human message per violation, each starting with the key path."""
    root = root if root is not None else schema
    schema = _resolve(schema, root)
    where = path or "top level"
    expected = schema.get("type")
    if expected is not None and not _type_matches(value, expected):
        yield f"{where}: expected {expected}, got {_describe(value)}"
        return
    if "enum" in schema and value not in schema["enum"]:
        choices = ", ".join(map(str, schema["enum"]))
        yield f"{where}: {value!r} is not one of: {choices}"
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            yield f"{where}: must not be empty"
        pattern = schema.get("pattern")
        if pattern is not None and not re.search(pattern, value):
            yield f"{where}: {value!r} does not match the expected form {pattern}"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        minimum = schema.get("minimum")
        if minimum is not None and value < minimum:
            yield f"{where}: must be at least {minimum}"
        maximum = schema.get("maximum")
        if maximum is not None and value > maximum:
            yield f"{where}: must be at most {maximum}"
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            yield from iter_errors(item, schema["items"], root, _join(path, index))
    if isinstance(value, dict):
        yield from _object_errors(value, schema, root, path)


def _object_errors(
    value: dict[Any, Any], schema: Mapping[str, Any], root: Mapping[str, Any], path: str
) -> Iterator[str]:
    properties: Mapping[str, Any] = schema.get("properties", {})
    for required in schema.get("required", ()):
        if required not in value:
            yield f"{_join(path, required)}: required key is missing"
    names = schema.get("propertyNames")
    extra = schema.get("additionalProperties", True)
    for key, item in value.items():
        key_text = str(key)
        if names is not None:
            name_errors = list(iter_errors(key, names, root, _join(path, key_text)))
            if name_errors:
                yield from name_errors
                continue
        if key in properties:
            yield from iter_errors(item, properties[key], root, _join(path, key_text))
        elif extra is False:
            import difflib

            hint = difflib.get_close_matches(key_text, list(properties), n=1)
            allowed = ", ".join(properties) or "none"
            suffix = f"; did you mean {hint[0]!r}?" if hint else f" (allowed keys: {allowed})"
            yield f"{_join(path, key_text)}: unknown key{suffix}"
        elif isinstance(extra, Mapping):
            yield from iter_errors(item, extra, root, _join(path, key_text))
