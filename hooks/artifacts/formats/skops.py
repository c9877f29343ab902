"""skops `.skops` files: a zip of `.npy` arrays and `schema.json`, the tree of objects to rebuild.

The zip and its arrays are read like any zip (the `.npy` members by their own format). The
schema names a `__module__` and `__class__` for every node; `skops.io.load` refuses types
outside its trusted set unless the caller passes them as trusted, which is the step users take
blindly (`trusted=get_untrusted_types(...)`). So every type is judged against the same
allowlist as pickle globals (and the project's `allow_globals`): a denylisted one (commands,
eval, imports, files) is MLS101 critical, and one outside the allowlist is MLS102 reported
medium ("skops refuses it unless trusted"), each kind one finding for the whole schema. numpy
functions (`FunctionNode` in `numpy`: ufuncs such as `log1p` in a FunctionTransformer) are math
and pass unless denylisted (`numpy.load`).
Recognised as a member or file named `schema.json` whose root has skops' `__loader__` and
`protocol` keys; other JSON schemas are left alone. skops itself is never imported.
"""

from __future__ import annotations

from hooks._core.severity import Severity
from hooks.artifacts import rules
from hooks.artifacts.analysis import chunked, names_digest
from hooks.artifacts.errors import AnalysisError
from hooks.artifacts.formats.named import NamedFormat, shown
from hooks.artifacts.globals_policy import Verdict
from hooks.artifacts.source import Source, Walk

_MAX_NODES = 1_000_000
_LISTED = 12  # types named in one finding; more make further findings, never "and N more"
_LISTED_CHARACTERS = 1200  # and so many characters of them as shown, so the message is never cut


def _read(data: bytes, source: Source, walk: Walk) -> None:
    import json

    try:
        schema = json.loads(data)
    except (ValueError, RecursionError):
        return
    if not isinstance(schema, dict) or "__loader__" not in schema or "protocol" not in schema:
        return
    analysis = walk.analysis
    label = source.label or "file"
    pending: list[object] = [schema]
    seen = 0
    dangerous: dict[str, str] = {}  # dotted type -> how it is shown
    unlisted: dict[str, str] = {}
    try:  # what was found before a limit stops the walk is still reported, beside the limit
        while pending:
            node = pending.pop()
            seen += 1
            if seen > _MAX_NODES:
                raise AnalysisError(f"skops schema has more than {_MAX_NODES} nodes")
            if isinstance(node, list):
                pending.extend(node)
                continue
            if not isinstance(node, dict):
                continue
            pending.extend(node.values())
            module, name, loader = node.get("__module__"), node.get("__class__"), node.get("__loader__")
            if not isinstance(module, str) or not isinstance(name, str):
                continue
            verdict = analysis.policy.classify(module, name)
            if verdict is Verdict.ALLOWED:
                continue
            if verdict is Verdict.UNKNOWN and loader == "FunctionNode" and module == "numpy":
                continue
            reference = f"{shown(module, 80)}.{shown(name, 80)}"
            found = dangerous if verdict in (Verdict.DANGEROUS, Verdict.OBFUSCATED) else unlisted
            found.setdefault(f"{module}.{name}", reference)
    finally:
        _report(walk, label, dangerous, unlisted)


def _chunks(names: list[str], shown_as: dict[str, str]) -> list[tuple[int, list[str]]]:
    """(index of the first, names) for each finding: at most `_LISTED` names and about
    `_LISTED_CHARACTERS` of them as shown, so no finding's message is cut and every type is named."""
    runs = chunked([shown_as[name] for name in names], _LISTED, _LISTED_CHARACTERS)
    return [(start, names[start:end]) for start, end in runs]


def _report(walk: Walk, label: str, dangerous: dict[str, str], unlisted: dict[str, str]) -> None:
    """One finding per kind for the whole schema (a further one per `_LISTED` types), like a
    pickle stream's: the reviewer's act is one. A lone type keeps the message and key it always had."""
    for found, rule, severity in (
        (dangerous, rules.DANGEROUS_CALL_IN_PICKLE, None),
        (unlisted, rules.GLOBAL_OUTSIDE_ALLOWLIST, Severity.MEDIUM),
    ):
        names = sorted(found)
        chunks = _chunks(names, found)
        for start, chunk in chunks:
            if len(names) == 1:
                reference = found[chunk[0]]
                message = (
                    f"skops schema rebuilds {reference}: trusting it at load runs a dangerous callable"
                    if rule is rules.DANGEROUS_CALL_IN_PICKLE
                    else f"skops schema needs {reference}, outside the allowlist: skops.io.load refuses it unless "
                    "it is passed as trusted; review it before you do"
                )
                key = f"{label}|skops|{chunk[0]}"
            else:
                more = f" ({start + 1}-{start + len(chunk)} of {len(names)})" if len(chunks) > 1 else ""
                listed = ", ".join(found[name] for name in chunk)
                message = (
                    f"skops schema rebuilds {len(names)} dangerous types{more} ({listed}): trusting them at load runs "
                    "dangerous callables"
                    if rule is rules.DANGEROUS_CALL_IN_PICKLE
                    else f"skops schema needs {len(names)} types outside the allowlist{more} ({listed}): "
                    "skops.io.load refuses them unless they are passed as trusted; review them before you do"
                )
                key = f"{label}|skops|set:{names_digest(chunk)}"
            walk.analysis.add(rule, label, message, key, severity=severity)


SKOPS_SCHEMA = NamedFormat("skops", lambda name: name == "schema.json", _read)
