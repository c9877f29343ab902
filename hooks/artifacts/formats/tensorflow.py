"""TensorFlow protobufs: SavedModel `saved_model.pb`, frozen GraphDef `.pb`, `keras_metadata.pb`
and `fingerprint.pb`, read with the small wire-format reader (no tensorflow).

Recognised (weakly: protobufs have no magic) by their first fields: a SavedModel starts with
`saved_model_schema_version = 1`, a GraphDef with a NodeDef's name then op, Keras metadata with a
SavedObject, a fingerprint with its checksums. Checked:

- every NodeDef in the graphs and in the function library (SavedModel MetaGraphDef.graph_def,
  FunctionDefLibrary.function.node_def) against `UNSAFE_OPS`: operations that run Python, read
  or write files or reach the network when the graph runs (MLS120; PyFunc family critical), and
  PrintV2 whose `output_stream` is a file;
- Keras layer metadata (SavedUserObject.metadata in the object graph, SavedObject.metadata in
  keras_metadata.pb) through the Keras config checks (Lambda layers, custom and dangerous objects).

Field numbers from tensorflow/core/protobuf/saved_model.proto, meta_graph.proto,
saved_object_graph.proto, framework/graph.proto, node_def.proto, function.proto and
keras/protobuf/saved_metadata.proto. Op semantics from the TensorFlow raw_ops reference
(https://www.tensorflow.org/api_docs/python/tf/raw_ops); modelscan flags ReadFile and WriteFile.
Checkpoint ops (SaveV2, RestoreV2, MergeV2Checkpoints) and lookup tables initialised from a
vocabulary asset (InitializeTableFromTextFileV2) are what every export has and are not reported.
"""

from __future__ import annotations

from hooks._core.severity import Severity
from hooks.artifacts import rules
from hooks.artifacts.analysis import Analysis, where
from hooks.artifacts.formats import keras
from hooks.artifacts.formats.protobuf import LENGTH, ProtoReader, Span
from hooks.artifacts.source import Format, Source, Walk, seekable_data

RUNS_PYTHON = frozenset({"PyFunc", "PyFuncStateless", "EagerPyFunc"})
UNSAFE_OPS: dict[str, str] = {
    **{op: "runs Python code" for op in RUNS_PYTHON},
    "ReadFile": "reads a file",
    "WriteFile": "writes a file",
    "MatchingFiles": "lists files",
    "MatchingFilesDataset": "lists files",
    "ImmutableConst": "memory-maps a file by path",
    "WholeFileReader": "reads files",
    "WholeFileReaderV2": "reads files",
    "TextLineReader": "reads files",
    "TextLineReaderV2": "reads files",
    "FixedLengthRecordReader": "reads files",
    "FixedLengthRecordReaderV2": "reads files",
    "TFRecordReader": "reads files",
    "TFRecordReaderV2": "reads files",
    "LMDBReader": "reads files",
    "TextLineDataset": "reads files",
    "TFRecordDataset": "reads files",
    "FixedLengthRecordDataset": "reads files",
    "LoadAndRemapMatrix": "reads a checkpoint by path",
    "CreateSummaryFileWriter": "writes files",
    "CreateSummaryDbWriter": "writes files",
    "DebugIdentity": "sends tensors to debug URLs (file or gRPC)",
    "DebugIdentityV2": "writes debug dumps to a path",
    "DebugIdentityV3": "sends tensors to debug URLs (file or gRPC)",
    "DebugNanCount": "sends tensors to debug URLs (file or gRPC)",
    "DebugNumericSummary": "sends tensors to debug URLs (file or gRPC)",
}
_MAX_NAME = 256
_MAX_METADATA = 16 << 20


def _varint_at(head: bytes, at: int) -> tuple[int, int] | None:
    value = shift = 0
    for index in range(at, min(at + 10, len(head))):
        value |= (head[index] & 0x7F) << shift
        if not head[index] & 0x80:
            return value, index + 1
        shift += 7
    return None


def _kind(head: bytes) -> str | None:
    if head.startswith(b"\x08\x01\x12"):
        return "saved_model"
    if len(head) < 4:
        return None
    if head[0] == 0x08:  # FingerprintDef: saved_model_checksum, graph_def_program_hash, ...
        first = _varint_at(head, 1)
        return "fingerprint" if first is not None and head[first[1] : first[1] + 1] == b"\x10" else None
    if head[0] != 0x0A:
        return None
    outer = _varint_at(head, 1)
    if outer is None:
        return None
    at = outer[1]
    if head[at : at + 1] in (b"\x10", b"\x1a", b"\x22", b"\x2a"):
        return "keras_metadata"  # SavedObject: node_id, node_path, identifier, metadata
    if head[at : at + 1] != b"\x0a":
        return None
    name = _varint_at(head, at + 1)
    if name is None or not 0 < name[0] <= _MAX_NAME:
        return None
    end = name[1] + name[0]
    text = head[name[1] : end]
    if end < len(head) and (head[end] != 0x12 or not text.isascii() or not text.decode().isprintable()):
        return None
    return "graph"


class _Graphs:
    def __init__(self, reader: ProtoReader, analysis: Analysis, label: str) -> None:
        self.reader, self.analysis, self.label = reader, analysis, label

    def children(self, span: Span, number: int) -> list[Span]:
        return [v for n, w, v in self.reader.fields(span) if n == number and w == LENGTH and isinstance(v, Span)]

    def saved_model(self, span: Span) -> None:
        for meta_graph in self.children(span, 2):
            for field, wire, value in self.reader.fields(meta_graph):
                if wire != LENGTH or not isinstance(value, Span):
                    continue
                if field == 2:
                    self.graph(value)
                elif field == 7:
                    self.object_graph(value)

    def graph(self, span: Span) -> None:
        for field, wire, value in self.reader.fields(span):
            if wire != LENGTH or not isinstance(value, Span):
                continue
            if field == 1:
                self.node(value)
            elif field == 2:
                for function in self.children(value, 1):
                    for node in self.children(function, 3):
                        self.node(node)

    def node(self, span: Span) -> None:
        name = op = ""
        attrs: list[Span] = []
        for field, wire, value in self.reader.fields(span):
            if wire != LENGTH or not isinstance(value, Span):
                continue
            if field == 1:
                name = self.reader.text(value, _MAX_NAME)
            elif field == 2:
                op = self.reader.text(value, _MAX_NAME)
            elif field == 5:
                attrs.append(value)
        reason = UNSAFE_OPS.get(op)
        if op == "PrintV2" and self._prints_to_file(attrs):
            reason = "prints to a file"
        if reason is None:
            return
        shown = f"{op} ({name[:80]})".encode("unicode_escape").decode()
        self.analysis.add(
            rules.UNSAFE_GRAPH_OPERATION,
            where(self.label, span.start),
            f"graph operation {shown} {reason} when the model runs",
            f"{self.label}|tf-op|{op}",
            severity=Severity.CRITICAL if op in RUNS_PYTHON else None,
        )

    def _prints_to_file(self, attrs: list[Span]) -> bool:
        for entry in attrs:
            key = ""
            for field, _, value in self.reader.fields(entry):
                if field == 1 and isinstance(value, Span):
                    key = self.reader.text(value, 64)
                elif field == 2 and key == "output_stream" and isinstance(value, Span):
                    for inner, _, text in self.reader.fields(value):
                        if inner == 2 and isinstance(text, Span):
                            return self.reader.text(text, 256).startswith("file://")
        return False

    def object_graph(self, span: Span) -> None:
        for saved_object in self.children(span, 1):
            for user_object in self.children(saved_object, 4):
                for metadata in self.children(user_object, 3):
                    self.keras_metadata(metadata)

    def keras_metadata(self, span: Span) -> None:
        data = self.reader.read(span, _MAX_METADATA)
        if data[:1] == b"{":
            keras.check_config(self.analysis, data, where(self.label, span.start), strict=False)

    def saved_metadata(self, span: Span) -> None:
        for saved_object in self.children(span, 1):
            for metadata in self.children(saved_object, 5):
                self.keras_metadata(metadata)

    def well_formed(self, span: Span) -> None:
        for _ in self.reader.fields(span):
            pass


def _read(source: Source, walk: Walk) -> None:
    analysis = walk.analysis
    handle, size = seekable_data(source, analysis.limits.max_member_in_memory)
    reader = ProtoReader(handle, size, on_progress=analysis.check_time)
    graphs = _Graphs(reader, analysis, source.label or "protobuf")
    kind = _kind(source.head)
    if kind == "saved_model":
        graphs.saved_model(reader.whole())
    elif kind == "graph":
        graphs.graph(reader.whole())
    elif kind == "keras_metadata":
        graphs.saved_metadata(reader.whole())
    else:
        graphs.well_formed(reader.whole())


TENSORFLOW = Format("tensorflow", lambda head: _kind(head) is not None, _read, weak=True)
