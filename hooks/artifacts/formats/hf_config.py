"""Hugging Face model folders: `config.json`, tokenizer configs and chat template files.

Weights (`.bin`, `.pt`, `.safetensors`) are analysed by their own formats. These texts decide
what else loading runs:

- `auto_map` (in `config.json` or `tokenizer_config.json`) names the Python classes that
  `from_pretrained(..., trust_remote_code=True)` imports: `module.Class` from this folder
  (reported low: the code is in the repository and reviewed as code) or `owner/repo--module.Class`
  from another repository on the Hub (medium: code nobody here reviewed);
- chat templates (`chat_template` in `tokenizer_config.json`, `processor_config.json` or
  `chat_template.json`, and `chat_template*.jinja` files) are Jinja programs rendered by
  transformers and by llama.cpp-based servers: judged like GGUF's (MLS124).
A file that is not JSON is not a model config and is left alone.
"""

from __future__ import annotations

from hooks._core.severity import Severity
from hooks.artifacts import rules
from hooks.artifacts.analysis import Analysis
from hooks.artifacts.formats.named import NamedFormat, shown
from hooks.artifacts.source import Source, Walk

_JSON_NAMES = frozenset({"config.json", "tokenizer_config.json", "processor_config.json", "chat_template.json"})


def _matches(name: str) -> bool:
    return name in _JSON_NAMES or (name.startswith("chat_template") and name.endswith(".jinja"))


def _read(data: bytes, source: Source, walk: Walk) -> None:
    import json

    label = source.label or "file"
    analysis = walk.analysis
    if source.name.lower().endswith(".jinja"):
        check_template(analysis, label, "template", data.decode("utf-8", "replace"))
        return
    try:
        config = json.loads(data)
    except (ValueError, RecursionError):
        return
    if not isinstance(config, dict):
        return
    auto_map = config.get("auto_map")
    if isinstance(auto_map, dict):
        _check_auto_map(analysis, label, auto_map)
    templates = config.get("chat_template")
    if isinstance(templates, str):
        check_template(analysis, label, "chat_template", templates)
    elif isinstance(templates, list):
        for entry in templates:
            if isinstance(entry, dict) and isinstance(entry.get("template"), str):
                check_template(analysis, label, f"chat_template {shown(str(entry.get('name')), 40)}", entry["template"])


def _check_auto_map(analysis: Analysis, label: str, auto_map: dict[str, object]) -> None:
    for auto_class, target in auto_map.items():
        for reference in target if isinstance(target, list) else [target]:
            if not isinstance(reference, str) or not reference:
                continue
            remote = "--" in reference
            where_from = "another Hub repository" if remote else "this folder"
            analysis.add(
                rules.REMOTE_CODE_REFERENCE,
                label,
                f"auto_map {shown(auto_class, 60)} -> {shown(reference)}: trust_remote_code runs Python from "
                f"{where_from}",
                f"{label}|auto_map|{reference}",
                severity=None if remote else Severity.LOW,
            )


def check_template(analysis: Analysis, label: str, key: str, template: str) -> None:
    from hooks.artifacts.formats import chat_template  # its patterns: only for files with a template

    found = chat_template.problems(template)
    if found:
        analysis.add(
            rules.TEMPLATE_SANDBOX_ESCAPE,
            label,
            f"{key} is a Jinja template that reaches Python internals: " + "; ".join(found),
            f"{label}|template|{key}",
        )


HF_CONFIG = NamedFormat("hf-config", _matches, _read, markers=(b"auto_map", b"chat_template", b"{%", b"{{"))
