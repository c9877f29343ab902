"""Hydra/OmegaConf configs: `_target_` entries that `hydra.utils.instantiate` imports and calls.

NeMo models (`.nemo`, a tar: `model_config.yaml` + `model_weights.ckpt`) are instantiated from
their config, and training projects commit `configs/*.yaml` the same way. Any importable
callable can be a `_target_`, so user classes are normal and not reported; a target that the
pickle denylist calls dangerous (commands, eval, imports, files: `os.system`,
`subprocess.Popen`, `builtins.eval`, ...) or Hydra's own resolvers of a second name
(`hydra.utils.get_method`, `get_class`, `get_object`, `call`, `instantiate`) is code execution at
load time (MLS126). Hydra's `_locate` imports the longest importable prefix and walks the rest
as attributes, so every split of the dotted path is judged. Plain `key: value` lines (and JSON
`"_target_": "..."`, a block scalar, a value on the next line) are read directly. A file that uses
YAML's structure (anchors and aliases, tags, explicit keys, escapes, other line breaks) also goes
through YAML's own safe composer, which builds nodes and constructs nothing; such a file over
MAX_COMPOSED fails closed.
"""

from __future__ import annotations

import re

from hooks.artifacts import rules
from hooks.artifacts.errors import AnalysisError
from hooks.artifacts.formats.named import NamedFormat, shown
from hooks.artifacts.source import Source, Walk

# A `_target_` key (bare or quoted) and the rest of its line after the colon: a plain value is read
# from there; anything spelled with YAML's structure (escapes, anchors, tags) is the composer's.
_KEY = re.compile(rb"""(?:(?<![\w"'])_target_|'_target_'|"_target_")\s*:[ \t]*(?=([^\n]*))""")
_INDIRECT = frozenset({"get_method", "get_class", "get_object", "call", "instantiate", "_locate"})
_BLOCK = re.compile(rb"[|>][+-]?[1-9]?[+-]?")


def dangerous_target(path: str) -> bool:
    from hooks.artifacts.globals_policy import is_dangerous

    parts = path.split(".")
    if len(parts) >= 2 and parts[0] == "hydra" and parts[-1] in _INDIRECT:
        return True
    return any(is_dangerous(".".join(parts[:cut]), ".".join(parts[cut:])) for cut in range(1, len(parts)))


def _read(data: bytes, source: Source, walk: Walk) -> None:
    if b"_target_" not in data and b"\\" not in data:
        return
    label = source.label or "file"
    found: dict[str, int] = {}  # dangerous target -> its first line
    line, counted = 1, 0  # line numbers counted on from the previous match: one pass over the file
    for match in _KEY.finditer(data):
        line += data.count(b"\n", counted, match.start())
        counted = match.start()
        target = _value(data, match.end(), match.group(1))
        if target is not None and "${" not in target and dangerous_target(target):
            found.setdefault(target, line)
    if _STRUCTURED.search(data):
        # Anchors, aliases, tags, explicit keys or other line breaks: YAML's own composer follows
        # them (it builds nodes only, runs nothing, and shares an alias's node instead of copying).
        for target, at in _composed_targets(data).items():
            found.setdefault(target, at)
    for target, at in found.items():
        walk.analysis.add(
            rules.DANGEROUS_CONFIG_TARGET,
            label if source.depth == 0 else f"{label} line {at}",
            f"_target_ {shown(target)} is called when the config is instantiated",
            f"{label}|target|{target}",
            line=at if source.depth == 0 else 1,
        )


# What only YAML's composer reads right: anchors and aliases, tags, explicit `?` keys, NEL, LS and PS
# line breaks, and escapes in double-quoted keys.
_STRUCTURED = re.compile(rb"[&*!?]|\xc2\x85|\xe2\x80[\xa8\xa9]|\\")
MAX_COMPOSED = 4 << 20  # bytes of a config composed as YAML; a longer structured one fails closed


def _composed_targets(data: bytes) -> dict[str, int]:
    """{target: line} of every `_target_` key YAML's composer finds with a dangerous scalar."""
    import yaml

    if len(data) > MAX_COMPOSED:
        raise AnalysisError(f"a config over {MAX_COMPOSED >> 20} MiB with anchors, aliases or tags is not followed", 0)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        documents = list(yaml.compose_all(data, Loader=loader))
    except (yaml.YAMLError, ValueError, RecursionError):
        return {}  # not YAML: neither OmegaConf nor Hydra loads it
    found: dict[str, int] = {}
    seen: set[int] = set()
    stack: list[object] = [document for document in documents if document is not None]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == "_target_" and isinstance(value, yaml.ScalarNode):
                    target = str(value.value).strip()
                    if "${" not in target and dangerous_target(target):
                        found.setdefault(target, key.start_mark.line + 1)
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return found


def _value(data: bytes, end: int, rest: bytes) -> str | None:
    """The plain text a `_target_` key holds: on its line, or on the next lines (a block scalar, or
    a value after a comment). An alias, a tag or an anchor is left to the composer."""
    text = _strip_comment(rest).strip()
    if text[:1] in (b"*", b"&", b"!", b"[", b"{"):
        return None  # YAML structure (the composer's), or a collection Hydra cannot locate
    if not text or _BLOCK.fullmatch(text):
        following = _next_value_line(data, end)
        if following is None or following[:1] in (b"*", b"&", b"!"):
            return None  # no value (Hydra has nothing to call), or structure the composer reads
        return following.decode("utf-8", "replace")
    if text[:1] in (b'"', b"'"):
        return text[1:].split(text[:1], 1)[0].decode("utf-8", "replace")
    return re.split(rb"[\s,}]", text, maxsplit=1)[0].decode("utf-8", "replace")


def _strip_comment(text: bytes) -> bytes:
    """The text before a ` #` comment (a `#` inside quotes is text)."""
    quote = b""
    for index in range(len(text)):
        character = text[index : index + 1]
        if quote:
            if character == quote:
                quote = b""
        elif character in (b'"', b"'"):
            quote = character
        elif character == b"#" and (index == 0 or text[index - 1 : index] in (b" ", b"\t")):
            return text[:index]
    return text


def _next_value_line(data: bytes, end: int) -> bytes | None:
    """The first line after `end` that is neither blank nor a comment, stripped."""
    for candidate in data[end : end + 16384].split(b"\n")[1:64]:
        stripped = _strip_comment(candidate).strip()
        if stripped:
            return stripped.strip(b"'\"")
    return None


def _matches(name: str) -> bool:
    return name.endswith((".yaml", ".yml")) and not name.startswith(".mlsec")


HYDRA_CONFIG = NamedFormat("hydra", _matches, _read, markers=(b"_target_", b"\\x5f", b"\\u005f", b"\\U0000005f"))
