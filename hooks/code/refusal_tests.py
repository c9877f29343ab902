"""Whether a `trust_remote_code=True` in a test module is the input of a check that refuses it.

A project that guards its loaders (it rejects configs or keyword arguments that turn the flag on)
tests that guard by feeding it the flag and asserting the refusal:
`with pytest.raises(ValueError, match="trust_remote_code is not allowed"): build(config)`. The flag
there is the test's hostile input, and nothing loads. What marks such a module is the assertion
itself: an expected-exception block (`pytest.raises`, `assertRaises`, `assertRaisesRegex`) whose
expected message names the flag. In such a module:

- a flag inside an expected-exception block is the call the test expects to be refused;
- a flag in a dict literal is data (parametrised cases, request bodies, configs) handed to the
  code under test, unless the dict is handed straight to a library loader (`from_pretrained`,
  `SentenceTransformer(..., model_kwargs={...})`) outside such a block.

A loader called with the flag outside such a block still loads, and keeps its severity. So does
every flag in a module that asserts no refusal of it: an expected-exception block alone says
nothing about what ran before the exception.
"""

from __future__ import annotations

import ast
import re

# What an expected message names when it is about the flag (`match="trust_remote_code"`,
# "Trust remote code is disabled", "--trust-remote-code").
_NAMES_FLAG = re.compile(r"trust[\s_-]*remote[\s_-]*code", re.IGNORECASE)
# Calls that assert the block raises (pytest, unittest); the message is `match=` or, for the
# regex forms, the second positional argument.
_RAISES = frozenset({"raises", "assertRaises", "assertRaisesRegex", "assertRaisesRegexp"})
_REGEX_FORMS = frozenset({"assertRaisesRegex", "assertRaisesRegexp"})
# Library calls that load a model, tokenizer or dataset with the keyword arguments they are given.
_LIBRARY_LOADERS = frozenset(
    {"from_pretrained", "pipeline", "load_dataset", "SentenceTransformer", "CrossEncoder", "SparseEncoder", "LLM"}
)


def _called_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _expected_message(call: ast.Call) -> str:
    """The text an expected-exception call asserts the error matches ("" when none is given)."""
    for keyword in call.keywords:
        if keyword.arg in ("match", "expected_regex") and isinstance(keyword.value, ast.Constant):
            return str(keyword.value.value)
    if _called_name(call) in _REGEX_FORMS and len(call.args) >= 2 and isinstance(call.args[1], ast.Constant):
        return str(call.args[1].value)
    return ""


def _literals_in(expression: ast.expr) -> list[ast.expr]:
    """The literal containers an argument is made of (a dict inside a list inside a dict, ...)."""
    found: list[ast.expr] = []
    pending = [expression]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Dict):
            found.append(node)
            pending.extend(value for value in node.values if value is not None)
        elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            pending.extend(node.elts)
    return found


def _raises_call(expression: ast.expr) -> ast.Call | None:
    if isinstance(expression, ast.Call) and _called_name(expression) in _RAISES:
        return expression
    return None


class RefusalTests:
    """The expected-exception blocks of one module, and whether it asserts the flag is refused."""

    def __init__(self, module: ast.Module) -> None:
        self.blocks: list[tuple[int, int]] = []  # (first line, last line) of each block's body
        self.refuses_flag = False
        # Dicts handed to a library loader outside an expected-exception block: that call loads.
        self._loader_arguments: set[int] = set()
        nodes = list(ast.walk(module))
        for node in nodes:
            if not isinstance(node, (ast.With, ast.AsyncWith)):
                continue
            calls = [call for item in node.items if (call := _raises_call(item.context_expr)) is not None]
            if not calls or not node.body:
                continue
            self.blocks.append((node.body[0].lineno, node.body[-1].end_lineno or node.body[-1].lineno))
            if any(_NAMES_FLAG.search(_expected_message(call)) for call in calls):
                self.refuses_flag = True
        if not self.refuses_flag:
            return
        for node in nodes:
            if isinstance(node, ast.Call) and _called_name(node) in _LIBRARY_LOADERS and not self._inside_block(node):
                for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
                    self._loader_arguments.update(id(literal) for literal in _literals_in(argument))

    def _inside_block(self, node: ast.AST) -> bool:
        line = getattr(node, "lineno", 0)
        return any(first <= line <= last for first, last in self.blocks)

    def reason(self, node: ast.AST, *, data: bool) -> str | None:
        """Why the flag at `node` (a dict literal when `data`) is a refusal test's input, or None."""
        if not self.refuses_flag:
            return None
        if self._inside_block(node):
            return "inside a block the test expects to raise, in a test that asserts trust_remote_code is refused"
        if data and id(node) not in self._loader_arguments:
            return "test data for a check that refuses it (the module asserts trust_remote_code is refused)"
        return None
