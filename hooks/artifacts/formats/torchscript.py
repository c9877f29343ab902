"""TorchScript code inside a torch zip (`code/**.py`): compiled and run by torch.jit.load and by
torch.load, which hands TorchScript archives to torch.jit.

Recognised from inside a torch zip (a `code/` folder beside `data.pkl`), so it has no row in
the table. The code is TorchScript's Python subset, serialised from the scripted module: a
scripted `__setstate__` runs at load time and any method on use, so an operator that reads,
maps or creates files anywhere in it is reported. It is read as text, never compiled.
"""

from __future__ import annotations

import re

from hooks.artifacts import rules
from hooks.artifacts.analysis import Analysis

MAX_CODE = 16 << 20  # bytes of one code member that are read
# Operators of torch's registry that touch the file system (aten::from_file maps a file, with
# shared=True creating it), as TorchScript writes them in serialised code.
_FILE_OPERATORS = re.compile(rb"\b(?:torch|ops\.aten|aten)\s*\.\s*(from_file|save|load|_load_for_mobile)\s*\(")


def is_code_member(name: str) -> bool:
    parts = name.split("/")
    return "code" in parts[:-1] and name.endswith(".py")


def check_code(analysis: Analysis, text: bytes, label: str) -> None:
    for match in _FILE_OPERATORS.finditer(text):
        operator = match.group(1).decode()
        line = text.count(b"\n", 0, match.start()) + 1
        setstate = b"def __setstate__" in text
        when = "at load time (the module has a scripted __setstate__)" if setstate else "when the module runs"
        analysis.add(
            rules.TORCHSCRIPT_FILE_ACCESS,
            f"{label}:{line}",
            f"TorchScript code calls torch.{operator}, which touches files, {when}",
            f"{label}|torchscript|{operator}",
        )
