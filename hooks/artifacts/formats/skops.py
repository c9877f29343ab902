"""skops `.skops` files: a zip of `.npy` arrays and `schema.json`, the tree of objects to rebuild.

The zip and its arrays are read like any zip (the `.npy` members by their own format). The
schema names a `__module__` and `__class__` for every node; `skops.io.load` refuses types
outside its trusted set unless the caller passes them as trusted, which is the step users take
blindly (`trusted=get_untrusted_types(...)`). So every type is judged against the same
allowlist as pickle globals (and the project's `allow_globals`): a denylisted one (commands,
eval, imports, files) is MLS101 critical, and one outside the allowlist is MLS102 reported
medium ("skops refuses it unless trusted"). numpy functions (`FunctionNode` in `numpy`: ufuncs
such as `log1p` in a FunctionTransformer) are math and pass unless denylisted (`numpy.load`).
Recognised as a member or file named `schema.json` whose root has skops' `__loader__` and
`protocol` keys; other JSON schemas are left alone. skops itself is never imported.
"""

from __future__ import annotations

from hooks._core.severity import Severity
from hooks.artifacts import rules
from hooks.artifacts.errors import AnalysisError
from hooks.artifacts.formats.named import NamedFormat, shown
from hooks.artifacts.globals_policy import Verdict
from hooks.artifacts.source import Source, Walk

_MAX_NODES = 1_000_000


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
        if verdict in (Verdict.DANGEROUS, Verdict.OBFUSCATED):
            analysis.add(
                rules.DANGEROUS_CALL_IN_PICKLE,
                label,
                f"skops schema rebuilds {reference}: trusting it at load runs a dangerous callable",
                f"{label}|skops|{module}.{name}",
            )
        else:
            analysis.add(
                rules.GLOBAL_OUTSIDE_ALLOWLIST,
                label,
                f"skops schema needs {reference}, outside the allowlist: skops.io.load refuses it unless it is "
                "passed as trusted; review it before you do",
                f"{label}|skops|{module}.{name}",
                severity=Severity.MEDIUM,
            )


SKOPS_SCHEMA = NamedFormat("skops", lambda name: name == "schema.json", _read)
