"""Hydra/OmegaConf configs: `_target_` entries that `hydra.utils.instantiate` imports and calls.

NeMo models (`.nemo`, a tar: `model_config.yaml` + `model_weights.ckpt`) are instantiated from
their config, and training projects commit `configs/*.yaml` the same way. Any importable
callable can be a `_target_`, so user classes are normal and not reported; a target that the
pickle denylist calls dangerous (commands, eval, imports, files: `os.system`,
`subprocess.Popen`, `builtins.eval`, ...) or Hydra's own resolvers of a second name
(`hydra.utils.get_method`, `get_class`, `get_object`, `call`, `instantiate`) is code execution at
load time (MLS126). Hydra's `_locate` imports the longest importable prefix and walks the rest
as attributes, so every split of the dotted path is judged. Lines are read as YAML `key: value`
(and JSON `"_target_": "..."`), so no YAML parser runs on untrusted text; the value is followed
where YAML may put it (an anchor's alias, a tag, a block scalar, the next line after a comment,
a double-quoted key spelled with escapes), and a form the reader cannot follow fails closed.
"""

from __future__ import annotations

import re

from hooks.artifacts import rules
from hooks.artifacts.errors import AnalysisError
from hooks.artifacts.formats.named import NamedFormat, shown
from hooks.artifacts.source import Source, Walk

# A `_target_` key (bare, quoted, or a double-quoted key written with escapes) and the rest of its
# line after the colon: the value is read from there by YAML's rules for where a value may sit.
_KEY = re.compile(rb"""(?:(?<![\w"'])_target_|'_target_'|"((?:[^"\\\n]|\\.){1,80})")\s*:[ \t]*(?=([^\n]*))""")
_INDIRECT = frozenset({"get_method", "get_class", "get_object", "call", "instantiate", "_locate"})
_MAX_ANCHORS = 256
_BLOCK = re.compile(rb"[|>][+-]?[1-9]?[+-]?")
_ESCAPES = {b"0": "\0", b"a": "\a", b"b": "\b", b"t": "\t", b"n": "\n", b"v": "\v", b"f": "\f",
            b"r": "\r", b"e": "\x1b", b" ": " ", b"/": "/", b"\\": "\\", b'"': '"', b"_": "\xa0"}  # fmt: skip
_HEX_ESCAPE = {b"x": 2, b"u": 4, b"U": 8}


def _double_quoted(raw: bytes) -> str | None:
    """A YAML double-quoted text with its escapes decoded, or None when one is not valid."""
    out: list[str] = []
    index = 0
    while index < len(raw):
        byte = raw[index : index + 1]
        if byte != b"\\":
            out.append(byte.decode("latin-1"))
            index += 1
            continue
        code = raw[index + 1 : index + 2]
        if code in _ESCAPES:
            out.append(_ESCAPES[code])
            index += 2
        elif code in _HEX_ESCAPE:
            width = _HEX_ESCAPE[code]
            digits = raw[index + 2 : index + 2 + width]
            if len(digits) != width or not re.fullmatch(rb"[0-9A-Fa-f]+", digits):
                return None
            out.append(chr(min(int(digits, 16), 0x10FFFF)))
            index += 2 + width
        else:
            return None
    return "".join(out)


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
    anchors: dict[bytes, str] = {}
    found: dict[str, int] = {}  # dangerous target -> its first line
    line, counted = 1, 0  # line numbers counted on from the previous match: one pass over the file
    structured = _STRUCTURED.search(data) is not None
    for match in _KEY.finditer(data):
        quoted_key = match.group(1)
        if quoted_key is not None and _double_quoted(quoted_key) != "_target_":
            continue  # another key (`"name": ...`), read only to find escaped spellings of this one
        line += data.count(b"\n", counted, match.start())
        counted = match.start()
        try:
            target = _value(data, match.end(), match.group(2), line, anchors)
        except AnalysisError:
            if not structured:
                raise
            continue  # an alias or tag this line reader cannot follow: the composer below does
        if target is not None and "${" not in target and dangerous_target(target):
            found.setdefault(target, line)
    if structured:
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


def _value(data: bytes, end: int, rest: bytes, line: int, anchors: dict[bytes, str]) -> str | None:
    """The text a `_target_` key holds, read as YAML places it: on its line after an anchor or a
    tag, through an alias to its anchor, or on the next lines (a block scalar, or a plain value
    after a comment). A form this reader cannot follow fails closed (MLS901)."""
    text = _strip_comment(rest).strip()
    for _ in range(4):  # `&a !!str value`: properties in either order
        if text.startswith(b"&") or text.startswith(b"!"):
            _, _, text = text.partition(b" ")
            text = text.strip()
    if text.startswith(b"*"):
        return _anchored_value(data, text[1:].split(b",")[0].split(b"}")[0].strip(), line, anchors)
    if not text or _BLOCK.fullmatch(text):
        following = _next_value_line(data, end)
        if following is None:
            return None  # no value: Hydra has nothing to call
        return following.decode("utf-8", "replace")
    if text[:1] in (b"[", b"{"):
        return None  # a collection: not a name Hydra can locate
    if text[:1] == b'"':
        decoded = _double_quoted(text[1:].split(b'"', 1)[0])
        if decoded is None:
            raise AnalysisError(f"line {line}: _target_ holds a double-quoted value this reader cannot decode", 0)
        return decoded
    if text[:1] == b"'":
        return text[1:].split(b"'", 1)[0].decode("utf-8", "replace")
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


def _anchored_value(data: bytes, name: bytes, line: int, anchors: dict[bytes, str]) -> str:
    """The scalar an anchor `&name` holds, for an alias `*name` (each name looked up once, and
    at most _MAX_ANCHORS of them: a file of many aliases costs one search per name)."""
    if name in anchors:
        return anchors[name]
    if not name:
        raise AnalysisError(f"line {line}: _target_ is an alias without a name", 0)
    if len(anchors) >= _MAX_ANCHORS:
        raise AnalysisError(f"more than {_MAX_ANCHORS} aliases name a _target_; the rest were not followed", 0)
    found = re.search(rb"&" + re.escape(name) + rb"(?![^\s,}\]])[ \t]*(?:![^\s]*[ \t]+)?([^\n]*)", data)
    if found is None:
        raise AnalysisError(f"line {line}: _target_ is an alias whose anchor is not in the file", 0)
    value = None if found.group(1).strip()[:1] == b"*" else _value(data, found.end(), found.group(1), line, anchors)
    if value is None:
        raise AnalysisError(f"line {line}: _target_ is an alias this reader cannot follow", 0)
    anchors[name] = value
    return value


def _matches(name: str) -> bool:
    return name.endswith((".yaml", ".yml")) and not name.startswith(".mlsec")


HYDRA_CONFIG = NamedFormat("hydra", _matches, _read, markers=(b"_target_", b"\\x5f", b"\\u005f", b"\\U0000005f"))
