"""`eval` of text a regular expression has already limited to arithmetic.

Reward functions for arithmetic tasks (the "Countdown" reward many RL recipes copy) check a
model's equation with `re.match(r'^[\\d+\\-*/().\\s]+$', equation)` and only then `eval` it. Text
made only of digits, operators, brackets, dots and spaces holds no name, attribute or string, so
Python can evaluate nothing but arithmetic with it: no builtin, no import, no call of anything.
That guard is what this module recognises, and only in its sound form:

- the pattern is one character class repeated (`^[...]+$`, or any such class under `fullmatch`),
  not negated, whose characters include no letter and no underscore (`\\d` and `\\s` are allowed;
  `\\w` is not);
- the check is an `if not re.match(P, x):` whose body leaves (`raise`, `return`, `continue`,
  `break`), before the `eval(x)` in the same function, and nothing assigns `x` in between.

The evaluation can still be slow (`9**9**9`); that is a resource bound, not code execution.
"""

from __future__ import annotations

import ast
import re

_MATCHERS = frozenset({"match", "fullmatch"})
# What an arithmetic class may hold once `\d`, `\s` and escaped punctuation are taken out.
_ARITHMETIC = frozenset("0123456789+-*/%().,^~&|<>=! \t\n")
_ESCAPES = re.compile(r"\\[ds]|\\[^A-Za-z0-9_]")
_CLASS_TOKEN = re.compile(r"\\.|[^\\]", re.DOTALL)  # one escape or one character of a class
_REPEATED_CLASS = re.compile(r"\[(?P<chars>[^\]\\]*(?:\\.[^\]\\]*)*)\][+*]")


def _arithmetic_class(pattern: str, anchored: bool) -> bool:
    """`^[\\d+\\-*/().\\s]+$`: one repeated class of digits, operators and spaces, nothing else."""
    body = pattern
    if not anchored:
        if not (body.startswith("^") and (body.endswith("$") or body.endswith("\\Z"))):
            return False
        body = body[1:-2] if body.endswith("\\Z") else body[1:-1]
    elif body.startswith("^") and body.endswith("$"):
        body = body[1:-1]
    match = _REPEATED_CLASS.fullmatch(body)
    if match is None or match["chars"].startswith("^"):
        return False
    tokens = _CLASS_TOKEN.findall(match["chars"])
    for index, part in enumerate(tokens):
        if part == "-" and 0 < index < len(tokens) - 1:
            low, high = tokens[index - 1], tokens[index + 1]
            if not (len(low) == 1 and len(high) == 1 and low.isdigit() and high.isdigit()):
                return False  # a range (`[!-~]`, `[\+-\~]`) may span letters: only digit ranges are read
    return bool(tokens) and all(_ESCAPES.fullmatch(part) or part in _ARITHMETIC for part in tokens)


def _constant_pattern(node: ast.expr, scope: ast.AST) -> str | None:
    """The pattern's text: a constant, or a name bound exactly once in the scope, to a constant
    (`pattern += "|.*"`, a tuple assignment or any other binding makes it unknown)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if not isinstance(node, ast.Name):
        return None
    stores = [
        n for n in ast.walk(scope) if isinstance(n, ast.Name) and n.id == node.id and isinstance(n.ctx, ast.Store)
    ]
    values = [
        statement.value
        for statement in ast.walk(scope)
        if isinstance(statement, ast.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.targets[0], ast.Name)
        and statement.targets[0].id == node.id
    ]
    if len(stores) == 1 and len(values) == 1 and isinstance(values[0], ast.Constant):
        return values[0].value if isinstance(values[0].value, str) else None
    return None


def _guard_of(test: ast.expr, name: str, scope: ast.AST) -> bool:
    """`not re.match(P, name)` (or `fullmatch`) with an arithmetic-only P."""
    if not (isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and isinstance(test.operand, ast.Call)):
        return False
    call = test.operand
    func = call.func
    # `re.match(P, x)` itself: no flags (re.M lets `$` stop at the first line), no other object's
    # `match` method, which may accept anything.
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "re"):
        return False
    called = func.attr
    if called not in _MATCHERS or len(call.args) != 2 or call.keywords:
        return False
    subject = call.args[1]
    if not (isinstance(subject, ast.Name) and subject.id == name):
        return False
    pattern = _constant_pattern(call.args[0], scope)
    return pattern is not None and _arithmetic_class(pattern, anchored=called == "fullmatch")


def _leaves(body: list[ast.stmt]) -> bool:
    return bool(body) and isinstance(body[-1], (ast.Raise, ast.Return, ast.Continue, ast.Break))


def arithmetic_only(call: ast.Call, scope: ast.AST) -> bool:
    """Whether `eval(x)` (`call`) runs only after `scope` (its function, or the module) has
    refused every `x` that is not arithmetic: the guard sits in a block of statements, and the
    eval in a later statement of that same block, with no assignment to `x` between them."""
    if not call.args or not isinstance(call.args[0], ast.Name):
        return False
    name = call.args[0].id
    if _rebound_elsewhere(scope, name):
        return False
    for block in _blocks(scope):
        for index, statement in enumerate(block):
            if not (
                isinstance(statement, ast.If)
                and _guard_of(statement.test, name, scope)
                and _leaves(statement.body)
                and not statement.orelse
            ):
                continue
            later = block[index + 1 :]
            holder = next((s for s in later if any(n is call for n in ast.walk(s))), None)
            if holder is None or _in_new_binding(holder, call):
                continue
            # Nothing may change the text after the check, before the eval or after it (a loop
            # comes back to the eval with what it assigned last).
            if not any(_assigns(node, name) for node in later) and not _in_loop_assigning(scope, statement, name):
                return True
    return False


_NEW_SCOPES = (
    ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp,
    ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Match,
)  # fmt: skip


def _in_new_binding(holder: ast.stmt, call: ast.Call) -> bool:
    """Whether the eval sits inside something that binds names anew (a lambda's or a
    comprehension's variables, a `case` capture, a nested function): its `x` may be another."""
    if isinstance(holder, _NEW_SCOPES):
        return True
    stack: list[tuple[ast.AST, bool]] = [(holder, False)]
    while stack:
        node, inside = stack.pop()
        if node is call:
            return inside
        for child in ast.iter_child_nodes(node):
            stack.append((child, inside or isinstance(child, _NEW_SCOPES)))
    return False


def _rebound_elsewhere(scope: ast.AST, name: str) -> bool:
    """`global x` / `nonlocal x` anywhere in the scope: a function it calls may change `x`."""
    return any(isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names for node in ast.walk(scope))


def _blocks(scope: ast.AST) -> list[list[ast.stmt]]:
    """Every list of statements under `scope` (bodies, else branches, handlers)."""
    found = []
    for node in ast.walk(scope):
        for field in ("body", "orelse", "finalbody"):
            value = getattr(node, field, None)
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                found.append(value)
    return found


def _assigns(statement: ast.stmt, name: str) -> bool:
    """Whether `statement` assigns `name` anywhere in it."""
    return any(
        isinstance(t, ast.Name) and t.id == name
        for inner in ast.walk(statement)
        for target in _targets(inner)
        for t in ast.walk(target)
    )


def _in_loop_assigning(scope: ast.AST, guard: ast.stmt, name: str) -> bool:
    """Whether a loop around the guard assigns `name` after the guard runs (a `while` body's last
    line), so a later turn reaches the eval with text the check never saw. A loop that assigns
    it before the guard is checked again each turn; this only answers for loops without the guard
    in the same block as the assignment, conservatively: any loop holding the guard that assigns
    the name outside the guard's own block."""
    for node in ast.walk(scope):
        if not isinstance(node, (ast.For, ast.AsyncFor, ast.While)) or not any(n is guard for n in ast.walk(node)):
            continue
        block = next((b for b in _blocks(node) if guard in b), None)
        if isinstance(node, (ast.For, ast.AsyncFor)) and any(
            isinstance(t, ast.Name) and t.id == name for t in ast.walk(node.target)
        ):
            if block is not node.body:
                return True  # the loop variable changes each turn, checked only in an inner block
            continue
        for statement in node.body:
            if statement in (block or []):
                continue
            if _assigns(statement, name) and not any(n is guard for n in ast.walk(statement)):
                return True
    return False


def _targets(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, ast.Assign):
        return list(node.targets)
    if isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.NamedExpr, ast.For, ast.AsyncFor)):
        return [node.target]
    if isinstance(node, (ast.With, ast.AsyncWith)):
        return [item.optional_vars for item in node.items if item.optional_vars is not None]
    return []
