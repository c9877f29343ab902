"""Where a value spliced into SQL text lands: where the database reads data, or where it reads
the query's own structure.

SQL injection needs the spliced text to land where the database parses a value: inside a
quoted literal (`WHERE name = '{term}'`), after a comparison (`id = {id}`), in an `IN (...)` or
`VALUES (...)` list, after LIMIT/OFFSET. There a caller's text rewrites the query. Table,
dataset and column names (`FROM \\`{project}.{dataset}.{table}\\``, `SELECT {columns}`) and
clauses the code assembles itself (`WHERE {conditions}`) come from configuration and code in
ML pipelines and services; they are reported, but as hygiene.

The query is read as the Python expression that builds it: an f-string, `+` concatenation,
`%` formatting or `str.format`, with each spliced expression at its place in the text.
"""

from __future__ import annotations

import ast
import re

# What, just before a spliced value, makes it a value the database parses as data.
_VALUE_BEFORE = re.compile(
    r"(?:[=<>]|\b(?:like|ilike|between|limit|offset|then|else|when)|\b(?:in|values)\s*\()\s*$", re.IGNORECASE
)
# An open `IN (` / `VALUES (` list the splice sits in, after other items (`VALUES (1, {x}`).
_OPEN_LIST = re.compile(r"\b(?:in|values)\s*\(([^()]*)$", re.IGNORECASE)
_PERCENT_FIELD = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<kind>[diouxXeEfFgGcrsa%])"
)
_FORMAT_FIELD = re.compile(r"\{\{|\}\}|\{(?P<field>[^{}!:]*)(?:![rsa])?(?::[^{}]*)?\}")

Part = str | ast.expr


def parts_of(node: ast.expr) -> list[Part] | None:
    """The query as text and spliced expressions in order; None when the node builds no text
    this module can follow."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        found: list[Part] = []
        for value in node.values:
            if isinstance(value, (ast.Constant, ast.FormattedValue)):
                found.append(value.value if isinstance(value, ast.FormattedValue) else str(value.value))
        return found
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = parts_of(node.left), parts_of(node.right)
        return [*(left if left is not None else [node.left]), *(right if right is not None else [node.right])]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        if isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
            return _percent_parts(node.left.value, node.right)
        return None
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return _format_parts(node.func.value.value, node)
    return None


def _percent_parts(template: str, arguments: ast.expr) -> list[Part]:
    items = list(arguments.elts) if isinstance(arguments, ast.Tuple) else None
    named = (
        {k.value: v for k, v in zip(arguments.keys, arguments.values, strict=True) if isinstance(k, ast.Constant)}
        if isinstance(arguments, ast.Dict)
        else {}
    )
    found: list[Part] = []
    at = index = 0
    for match in _PERCENT_FIELD.finditer(template):
        found.append(template[at : match.start()])
        at = match.end()
        if match["kind"] == "%":
            found.append("%")
            continue
        if match["name"] is not None:
            found.append(named.get(match["name"], arguments))
        elif items is not None:
            found.append(items[index] if index < len(items) else arguments)
            index += 1
        else:
            found.append(arguments)
    found.append(template[at:])
    return found


def _format_parts(template: str, call: ast.Call) -> list[Part]:
    keywords = {k.arg: k.value for k in call.keywords if k.arg}
    unknown = ast.Tuple(elts=[*call.args, *(k.value for k in call.keywords)], ctx=ast.Load())  # any argument
    found: list[Part] = []
    at = automatic = 0
    for match in _FORMAT_FIELD.finditer(template):
        found.append(template[at : match.start()])
        at = match.end()
        field = match["field"]
        if field is None:
            found.append(match.group(0)[0])  # {{ or }}
            continue
        head = re.split(r"[.\[]", field, maxsplit=1)[0]
        if head == "":
            argument = call.args[automatic] if automatic < len(call.args) else unknown
            automatic += 1
        elif head.isdigit():
            argument = call.args[int(head)] if int(head) < len(call.args) else unknown
        else:
            argument = keywords.get(head, unknown)
        found.append(argument)
    found.append(template[at:])
    return found


def lands_as_value(before: str) -> bool:
    """Whether text spliced right after `before` (the query so far) is read as data."""
    quote = ""
    for character in before[-20000:]:
        if quote:
            if character == quote:
                quote = ""  # a doubled quote closes and reopens: the state comes out the same
        elif character in "'\"`":
            quote = character
    if quote in ("'", '"'):
        return True  # inside a string literal
    if quote == "`":
        return False  # inside a quoted name (BigQuery, MySQL)
    return bool(_VALUE_BEFORE.search(before) or _OPEN_LIST.search(before))


def spliced_values(node: ast.expr, tainted: set[str]) -> bool:
    """Whether an expression naming one of `tainted` lands where the query reads data."""
    parts = parts_of(node)
    if parts is None:
        return False
    before = ""
    for part in parts:
        if isinstance(part, str):
            before += part
            continue
        names = {n.id for n in ast.walk(part) if isinstance(n, ast.Name)}
        if names & tainted and lands_as_value(before):
            return True
        before += "0"  # a value of its own: keeps the quote state and ends any open operator
    return False
