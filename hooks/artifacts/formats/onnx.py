"""ONNX models (`.onnx`): a protobuf ModelProto, read field by field without the onnx package.

Recognised (weakly: it is a protobuf without magic) by the ModelProto's first field, an
`ir_version` between 3 and 15, followed by one of the fields serializers write next. Checked:

- external data whose `location` is absolute or leaves the model's folder (`..`): loading
  reads (and some versions wrote) arbitrary files, the class of CVE-2024-27318/27319;
- nodes in an operator domain that is neither ONNX's, onnxruntime's built-in contrib domains
  nor a function defined in the model: a custom operator is native code loaded at inference;
- tensor metadata that cannot be true: negative dimensions, sizes that overflow, raw data of
  another length than the dims and type say, external offsets or lengths that are not numbers.

Field numbers follow onnx/onnx.proto3 (ModelProto, GraphProto, NodeProto, AttributeProto,
TensorProto, FunctionProto). Tensor bytes are skipped by seeking.
"""

from __future__ import annotations

from collections.abc import Callable

from hooks.artifacts import rules
from hooks.artifacts.analysis import Analysis, names_digest, where
from hooks.artifacts.errors import AnalysisError, LimitExceeded
from hooks.artifacts.formats.protobuf import LENGTH, MAX_DEPTH, VARINT, ProtoReader, Span, signed64
from hooks.artifacts.source import Format, Source, Walk, seekable_data

# Domains whose operators ship with ONNX itself or inside onnxruntime (no extra native library).
STANDARD_DOMAINS = frozenset(
    {
        "",
        "ai.onnx",
        "ai.onnx.ml",
        "ai.onnx.training",
        "ai.onnx.preview.training",
        "com.microsoft",
        "com.microsoft.nchwc",
        "com.microsoft.experimental",
        "com.ms.internal.nhwc",
    }
)
# TensorProto.DataType -> bits per element (strings and undefined have none).
_ELEMENT_BITS = {
    1: 32, 2: 8, 3: 8, 4: 16, 5: 16, 6: 32, 7: 64, 9: 8, 10: 16, 11: 64, 12: 32, 13: 64,
    14: 64, 15: 128, 16: 16, 17: 8, 18: 8, 19: 8, 20: 8, 21: 4, 22: 4, 23: 4,
}  # fmt: skip
_MAX_DIMS = 64
_MAX_CUSTOM = 10_000  # distinct (domain, op) pairs kept until the model's own functions are known
_MAX_REPORTED = 50  # bad tensors reported per model (the rest are alike)
_NAME_BYTES = 256  # of an operator's, domain's or function's name read
_MAX_DOMAINS = 50  # custom-operator domains reported one by one; the rest together in one more finding
_OPS_NAMED = 12  # operators named in a domain's finding (the domain is the library to review)
_ONNX_NEXT_FIELDS = frozenset(b"\x12\x1a\x22\x28\x32\x3a\x42")


def _recognise(head: bytes) -> bool:
    return len(head) >= 3 and head[0] == 0x08 and 3 <= head[1] <= 15 and head[2] in _ONNX_NEXT_FIELDS


class _Model:
    def __init__(self, reader: ProtoReader, analysis: Analysis, label: str) -> None:
        self.reader, self.analysis, self.label = reader, analysis, label
        self.custom_nodes: dict[tuple[str, str, str], int] = {}  # (domain, op, overload) -> first offset
        self.local_functions: set[tuple[str, str, str]] = set()  # (domain, name, overload)
        # Nodes with a name longer than is read: never taken for a local function, whose name may
        # share the part read (`"A"*256 + "Y"` against a function `"A"*256 + "X"`).
        self.unmatchable: set[tuple[str, str, str]] = set()
        self.tensor_reports = 0

    def model(self, span: Span) -> None:
        for number, wire, value in self.reader.fields(span):
            if wire != LENGTH or not isinstance(value, Span):
                continue
            if number == 7:
                self.graph(value, 1)
            elif number == 20:  # TrainingInfoProto: initialization and algorithm graphs
                for inner_number, inner_wire, inner in self.reader.fields(value):
                    if inner_number in (1, 2) and inner_wire == LENGTH and isinstance(inner, Span):
                        self.graph(inner, 2)
            elif number == 25:
                self.function(value)

    def function(self, span: Span) -> None:
        # A node calls a model-local function by (domain, op_type, overload) (ONNX IR 10 added the
        # overload); a node whose overload no function defines falls to a registered kernel.
        names = _Names((1, 10, 13))  # FunctionProto: name, domain, overload
        for number, wire, value in self.reader.fields(span):
            if wire != LENGTH or not isinstance(value, Span):
                continue
            if names.take(number, value, self._name):
                continue
            if number == 7:
                self.node(value, 2)
        name, domain, overload = names.texts
        if names.whole:
            self.local_functions.add((domain, name, overload))

    def graph(self, span: Span, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise AnalysisError("ONNX subgraphs nested deeper than the reader follows", span.start)
        for number, wire, value in self.reader.fields(span):
            if wire != LENGTH or not isinstance(value, Span):
                continue
            if number == 1:
                self.node(value, depth)
            elif number == 5:
                self.tensor(value)
            elif number == 15:  # SparseTensorProto: values and indices are tensors
                for inner_number, inner_wire, inner in self.reader.fields(value):
                    if inner_number in (1, 2) and inner_wire == LENGTH and isinstance(inner, Span):
                        self.tensor(inner)

    def node(self, span: Span, depth: int) -> None:
        names = _Names((4, 7, 8))  # NodeProto: op_type, domain, overload
        for number, wire, value in self.reader.fields(span):
            if wire != LENGTH or not isinstance(value, Span):
                continue
            if names.take(number, value, self._name):
                continue
            if number == 5:
                self.attribute(value, depth)
        op_type, domain, overload = names.texts
        if domain not in STANDARD_DOMAINS:
            key = (domain, op_type, overload)
            if len(self.custom_nodes) >= _MAX_CUSTOM and key not in self.custom_nodes:
                raise LimitExceeded(f"ONNX model uses more than {_MAX_CUSTOM} distinct custom operators")
            self.custom_nodes.setdefault(key, span.start)
            if not names.whole:
                self.unmatchable.add(key)

    def _name(self, span: Span) -> str:
        """A name as the model's bytes have it: invalid UTF-8 is kept apart (surrogateescape), so
        two names that differ only there never compare equal."""
        return self.reader.read(span, _NAME_BYTES).decode("utf-8", "surrogateescape")

    def attribute(self, span: Span, depth: int) -> None:
        for number, wire, value in self.reader.fields(span):
            if wire != LENGTH or not isinstance(value, Span):
                continue
            if number in (5, 10):  # t, tensors
                self.tensor(value)
            elif number in (6, 11):  # g, graphs
                self.graph(value, depth + 1)

    def tensor(self, span: Span) -> None:
        reader = self.reader
        dims: list[int] = []
        data_type = 0
        raw: Span | None = None
        external: dict[str, str] = {}
        name = ""
        external_location = False
        for number, wire, value in reader.fields(span):
            if number == 1:
                if wire == VARINT and isinstance(value, int):
                    dims.append(signed64(value))
                elif isinstance(value, Span):
                    dims.extend(signed64(v) for v in reader.packed_varints(value, _MAX_DIMS + 1))
            elif number == 2 and isinstance(value, int):
                data_type = value
            elif number == 8 and isinstance(value, Span):
                name = reader.text(value, 256)
            elif number == 9 and isinstance(value, Span):
                raw = value
            elif number == 13 and isinstance(value, Span):
                key = entry = ""
                for entry_number, _, entry_value in reader.fields(value):
                    if isinstance(entry_value, Span):
                        if entry_number == 1:
                            key = reader.text(entry_value, 256)
                        elif entry_number == 2:
                            entry = reader.text(entry_value)
                external[key] = entry
            elif number == 14 and value == 1:
                external_location = True
        self._check_tensor(span, name, dims, data_type, raw, external if external or external_location else None)

    def _check_tensor(
        self, span: Span, name: str, dims: list[int], data_type: int, raw: Span | None, external: dict[str, str] | None
    ) -> None:
        at = where(self.label, span.start)
        shown = name[:80].encode("unicode_escape").decode()
        problem = None
        if len(dims) > _MAX_DIMS:
            problem = f"has more than {_MAX_DIMS} dimensions"
        elif any(d < 0 for d in dims):
            problem = f"has a negative dimension {dims[:8]}"
        else:
            count = 1
            for dim in dims:
                count *= dim
            bits = _ELEMENT_BITS.get(data_type)
            if bits is not None and count * bits > 8 << 40:
                problem = f"declares {count} elements, more than any real model holds"
            elif bits is not None and raw is not None and external is None and raw.length != (count * bits + 7) // 8:
                problem = f"holds {raw.length} raw bytes where its dims and type say {(count * bits + 7) // 8}"
        if external is not None:
            self._check_external(at, shown, external)
            for key in ("offset", "length"):
                if key in external and not external[key].isdigit():
                    problem = f"external data {key} {external[key][:40]!r} is not a non-negative number"
        if problem is not None and self.tensor_reports < _MAX_REPORTED:
            self.tensor_reports += 1
            self.analysis.add(
                rules.TENSOR_METADATA_INCONSISTENT,
                at,
                f"ONNX tensor {shown!r} {problem}",
                f"{self.label}|onnx-tensor|{shown}|{problem}",
            )

    def _check_external(self, at: str, shown: str, external: dict[str, str]) -> None:
        location = external.get("location")
        if location is None:
            self.analysis.add(
                rules.TENSOR_METADATA_INCONSISTENT,
                at,
                f"ONNX tensor {shown!r} stores its data externally without a location",
                f"{self.label}|onnx-external-missing|{shown}",
            )
            return
        if escapes_folder(location):
            shown_location = location[:200].encode("unicode_escape").decode()
            self.analysis.add(
                rules.EXTERNAL_DATA_ESCAPE,
                at,
                f"ONNX tensor {shown!r} reads its data from {shown_location!r}, outside the model's folder",
                f"{self.label}|onnx-external|{shown_location}",
            )

    def report_custom_ops(self) -> None:
        """One finding per custom domain: a domain is what one native library registers, so the
        reviewer's act is per domain (review that library). Every domain is reported: past
        `_MAX_DOMAINS`, the rest are one more finding naming them, never dropped. A domain with one
        operator keeps the message and key it always had, so existing baselines still match."""
        by_domain: dict[str, list[tuple[str, int]]] = {}
        for (domain, op_type, overload), offset in sorted(self.custom_nodes.items()):
            node = (domain, op_type, overload)
            if node in self.local_functions and node not in self.unmatchable:
                continue
            named = f"{op_type}[{overload}]" if overload else op_type
            by_domain.setdefault(domain, []).append((named, offset))
        domains = sorted(by_domain)
        for domain in domains[:_MAX_DOMAINS]:
            ops = by_domain[domain]
            first = min(offset for _, offset in ops)
            if len(ops) == 1:
                shown = _shown(f"{domain}::{ops[0][0]}", 200)
                message = f"ONNX node uses custom operator {shown}: native code from an extra library runs at inference"
                key = f"{self.label}|onnx-custom|{shown}"
            else:
                names = ", ".join(_shown(name, 80) for name, _ in ops[:_OPS_NAMED])
                rest = f" and {len(ops) - _OPS_NAMED} more" if len(ops) > _OPS_NAMED else ""
                message = (
                    f"ONNX nodes use {len(ops)} custom operators of domain {_shown(domain, 120)} ({names}{rest}): "
                    "native code from the library that registers the domain runs at inference"
                )
                key = f"{self.label}|onnx-custom-domain|{_shown(domain, 200)}|{names_digest([n for n, _ in ops])}"
            self.analysis.add(rules.CUSTOM_OPERATOR, where(self.label, first), message, key)
        rest_domains = domains[_MAX_DOMAINS:]
        for start in range(0, len(rest_domains), _OPS_NAMED):
            # Every further domain named, twelve to a finding; the key is over their names.
            chunk = rest_domains[start : start + _OPS_NAMED]
            first = min(offset for domain in chunk for _, offset in by_domain[domain])
            names = ", ".join(_shown(domain, 60) for domain in chunk)
            self.analysis.add(
                rules.CUSTOM_OPERATOR,
                where(self.label, first),
                f"ONNX nodes use further custom-operator domains ({start + 1}-{start + len(chunk)} of "
                f"{len(rest_domains)} past the first {_MAX_DOMAINS}: {names}): each is native code from a library "
                "that registers it",
                f"{self.label}|onnx-custom-rest|{names_digest(chunk)}",
            )


def _shown(text: str, limit: int) -> str:
    return text[:limit].encode("unicode_escape").decode()


class _Names:
    """The three name fields of a node or function (op or name, domain, overload), in that order,
    and whether each was read whole (a longer name is cut at `_NAME_BYTES`)."""

    def __init__(self, numbers: tuple[int, int, int]) -> None:
        self.numbers = numbers
        self.texts = ["", "", ""]
        self.whole = True

    def take(self, number: int, value: Span, read: Callable[[Span], str]) -> bool:
        if number not in self.numbers:
            return False
        self.whole = self.whole and value.length <= _NAME_BYTES
        self.texts[self.numbers.index(number)] = read(value)
        return True


def escapes_folder(location: str) -> bool:
    """True if a relative path names something outside the folder it is relative to."""
    if not location or location.startswith(("/", "\\")) or (len(location) > 1 and location[1] == ":"):
        return True
    if "\x00" in location:
        return True
    return any(part == ".." for part in location.replace("\\", "/").split("/"))


def _read(source: Source, walk: Walk) -> None:
    analysis = walk.analysis
    handle, size = seekable_data(source, analysis.limits.max_member_in_memory)
    reader = ProtoReader(handle, size, on_progress=analysis.check_time)
    model = _Model(reader, analysis, source.label or "onnx")
    try:
        model.model(reader.whole())
    finally:  # what was found before a limit stopped the reading is reported beside the limit
        model.report_custom_ops()


ONNX = Format("onnx", _recognise, _read, weak=True)
