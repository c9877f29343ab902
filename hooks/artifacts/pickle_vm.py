"""A symbolic pickle machine: runs the opcodes on stand-in values, never on real objects.

It keeps the stack, the mark stack and the memo exactly as the unpickler does, so a global
reached through STACK_GLOBAL operands fetched from the memo, INST/OBJ/NEWOBJ, EXT codes or a
BUILD that plants `__setstate__` is seen for what it is. Large byte arguments are skipped by
seeking, so cost follows the number of opcodes, not the size of the file.

It knows nothing of containers: a loader called on literal bytes (`pickle.loads(b"...")`) is
handed to `on_nested`, which the walker points at itself.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass, field

from hooks.artifacts import rules
from hooks.artifacts.analysis import Analysis, PickleStream, where
from hooks.artifacts.errors import AnalysisError, LimitExceeded, Truncated
from hooks.artifacts.formats.joblib_arrays import ARRAY_WRAPPER, skip_inline_array
from hooks.artifacts.globals_policy import Verdict, resolve_name
from hooks.artifacts.opcodes import OPCODES
from hooks.artifacts.pickle_values import Call, Global, Mapping, Opaque, Seq
from hooks.artifacts.reader import ByteReader, Tap

KEEP_BYTES = 1 << 20  # larger str/bytes arguments are skipped, not read
MAX_LINE = 1 << 16
HIGHEST_PROTOCOL = 5
# What torch itself writes when a tensor is pickled with plain pickle/joblib: torch.load on a
# literal torch.save archive. Judged by that archive, which is analysed like any artifact.
TORCH_BYTES_LOADER = ("torch.storage", "_load_from_bytes")
_NESTED_LOADERS = frozenset(
    {
        ("pickle", "loads"),
        ("_pickle", "loads"),
        ("pickle", "load"),
        ("_pickle", "load"),
        ("dill", "loads"),
        ("cloudpickle", "loads"),
        ("joblib", "load"),
        ("torch.storage", "_load_from_bytes"),
        ("pickle", "_loads"),
    }
)
_SPECIAL_STATE_KEYS = frozenset(
    {
        "__setstate__",
        "__reduce__",
        "__reduce_ex__",
        "__getattr__",
        "__getattribute__",
        "__class__",
        "__dict__",
        "__init__",
        "__new__",
        "__call__",
        "__del__",
        "__setattr__",
        "__getstate__",
    }
)

# Analyse the literal bytes a nested loader is called on, as an artifact found at (label, depth);
# True when they were one. Findings inside are the walker's; the caller only learns the verdict.
NestedHandler = Callable[[bytes, str, int], bool]


@dataclass
class GlobalUse:
    module: str
    name: str
    offset: int
    opcode: str
    via: str | None = None  # how it was first called or instantiated
    unverified_calls: int = 0  # nested-loader calls whose payload was not literal, or not clean


@dataclass
class StreamResult:
    value: object
    persistent_ids: list[object] = field(default_factory=list)
    globals_seen: int = 0


class NotAPickle(AnalysisError):
    """In sniffing mode: these bytes are text that merely starts like a pickle."""


class PickleMachine:
    """Interprets one pickle stream from `reader`, recording what it would import and call."""

    def __init__(
        self,
        reader: ByteReader,
        analysis: Analysis,
        label: str,
        *,
        sniffing: bool = False,
        depth: int = 0,
        on_nested: NestedHandler | None = None,
        container: str | None = None,
    ) -> None:
        self.reader = reader
        self.analysis = analysis
        self.label = label
        self.sniffing = sniffing
        self.depth = depth
        self.on_nested = on_nested
        self.container = label if container is None else container  # names the stream in explain
        self.stack: list[object] = []
        self.metastack: list[list[object]] = []
        self.memo: dict[int, object] = {}
        self.protocol = 0
        self.uses: dict[tuple[str, str], GlobalUse] = {}
        self.persistent_ids: list[object] = []
        self.executes = False  # a call on a well-formed global happened (sniffing evidence)
        self.dispatch: dict[int, Callable[[int], None]] = {}
        for code, (name, _arg) in OPCODES.items():
            handler = getattr(self, "op_" + name, None)
            if handler is not None:
                self.dispatch[code] = handler

    # --- driving -------------------------------------------------------------------------
    def run(self) -> StreamResult:
        """Interpret up to and including STOP. Findings are recorded even if the stream breaks."""
        tap = self.reader.tap
        if tap is not None and self.analysis.stream_log is not None:
            return self._run_recorded(tap, self.analysis.stream_log.streams)
        try:
            value = self._loop()
        finally:
            self._report_globals()
        return StreamResult(value, self.persistent_ids, len(self.uses))

    def _run_recorded(self, tap: Tap, streams: list[PickleStream]) -> StreamResult:
        stream = PickleStream(self.container, tap.serial, self.reader.tell(), tap.begin())
        streams.append(stream)  # listed where it starts, before the streams nested in it
        try:
            value = self._loop()
        except AnalysisError as exc:
            stream.stopped_at = exc.offset if exc.offset is not None else self.reader.tell()
            raise
        except BaseException:
            stream.stopped_at = self.reader.tell()
            raise
        finally:
            tap.end()
            self._report_globals()
        return StreamResult(value, self.persistent_ids, len(self.uses))

    def child(self, label: str) -> PickleMachine:
        """A machine for a stream embedded in this one, read from the same data (one level deeper)."""
        return PickleMachine(self.reader, self.analysis, label, depth=self.depth + 1, on_nested=self.on_nested)

    def _loop(self) -> object:
        read = self.reader.handle.read
        dispatch = self.dispatch
        analysis = self.analysis
        count = 0
        while True:
            code_byte = read(1)
            if not code_byte:
                raise Truncated("pickle ends before its STOP opcode", self.reader.tell())
            code = code_byte[0]
            if code == 0x2E:  # STOP
                analysis.opcodes += count
                if not self.stack:
                    raise AnalysisError("STOP with an empty stack", self.reader.tell() - 1)
                return self.stack.pop()
            handler = dispatch.get(code)
            if handler is None:
                raise AnalysisError(f"unknown opcode {code:#04x}", self.reader.tell() - 1)
            handler(self.reader.tell() - 1)
            count += 1
            if count & 0xFFFF == 0:
                analysis.opcodes += count
                count = 0
                analysis.check_time()
                if analysis.opcodes > analysis.limits.max_opcodes:
                    raise LimitExceeded(f"more than {analysis.limits.max_opcodes} pickle opcodes")

    # --- helpers -------------------------------------------------------------------------
    def _fail(self, reason: str, offset: int) -> AnalysisError:
        if self.sniffing and not self.executes:
            return NotAPickle(reason, offset)
        return AnalysisError(reason, offset)

    def pop(self, offset: int) -> object:
        if not self.stack:
            raise self._fail("stack underflow", offset)
        return self.stack.pop()

    def top(self, offset: int) -> object:
        if not self.stack:
            raise self._fail("stack underflow", offset)
        return self.stack[-1]

    def pop_mark(self, offset: int) -> list[object]:
        if not self.metastack:
            raise self._fail("MARK expected but missing", offset)
        items = self.stack
        self.stack = self.metastack.pop()
        return items

    def _u(self, size: int) -> int:
        return int.from_bytes(self.reader.read(size), "little")

    def _line(self) -> bytes:
        return self.reader.readline(MAX_LINE)[:-1]

    def _blob(self, length: int, offset: int, kind: str) -> object:
        if length < 0:
            raise self._fail("negative length", offset)
        if length > KEEP_BYTES:
            self.reader.skip(length)
            return Opaque(kind, length)
        data = self.reader.read(length)
        if kind == "str":
            return data.decode("utf-8", "surrogatepass") if self._valid_utf8(data) else Opaque("str", length)
        return data

    @staticmethod
    def _valid_utf8(data: bytes) -> bool:
        try:
            data.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            return False
        return True

    def _memo_put(self, index: int, offset: int) -> None:
        if len(self.memo) >= self.analysis.limits.max_memo:
            raise LimitExceeded(f"more than {self.analysis.limits.max_memo} memo entries")
        self.memo[index] = self.top(offset)

    def _memo_get(self, index: int, offset: int) -> None:
        if index not in self.memo:
            raise self._fail(f"memo key {index} read before it was written", offset)
        self.stack.append(self.memo[index])

    def _global(self, module: str, name: str, offset: int, opcode: str) -> Global:
        module, name = resolve_name(module, name, self.protocol)
        if self.sniffing and not self.executes:
            verdict = self.analysis.policy.classify(module, name)
            if verdict is Verdict.OBFUSCATED:
                raise NotAPickle("text, not a global reference")
        key = (module, name)
        if key not in self.uses:
            self.uses[key] = GlobalUse(module, name, offset, opcode)
        return Global(module, name, offset)

    def _called(self, func: object, via: str, args: object, offset: int) -> Call:
        if isinstance(func, Global):
            use = self.uses.get((func.module, func.name))
            if use is not None and use.via is None:
                use.via = via
            self.executes = True
            if (func.module, func.name) in _NESTED_LOADERS:
                self._nested_pickle(func, args, offset)
        return Call(func, args, offset, via)

    def _nested_pickle(self, func: Global, args: object, offset: int) -> None:
        """A loader called on literal bytes: analyse those bytes as an artifact of their own."""
        use = self.uses[(func.module, func.name)]
        if not isinstance(args, Seq) or not args.items or not isinstance(args.items[0], bytes):
            use.unverified_calls += 1
            return
        if self.depth + 1 > self.analysis.limits.max_depth:
            raise LimitExceeded("nested pickles deeper than the depth limit")
        if self.on_nested is None:
            use.unverified_calls += 1
            return
        payload: bytes = args.items[0]
        label = f"{where(self.label, offset)} > {func.module}.{func.name} payload"
        before = len(self.analysis.issues)
        try:
            found = self.on_nested(payload, label, self.depth + 1)
        except (AnalysisError, LimitExceeded):
            found = False
        if not found or len(self.analysis.issues) > before:
            use.unverified_calls += 1

    def _report_globals(self) -> None:
        classify = self.analysis.policy.classify
        for use in self.uses.values():
            verdict = classify(use.module, use.name)
            if verdict is Verdict.ALLOWED:
                continue
            if (use.module, use.name) == TORCH_BYTES_LOADER and use.via and not use.unverified_calls:
                continue  # every call loaded a literal archive that analysed clean
            dotted = f"{use.module}.{use.name}"
            action = f"calls {dotted} via {use.via}" if use.via else f"imports {dotted} via {use.opcode}"
            at = where(self.label, use.offset)
            key = f"{self.label}|{dotted}"
            if verdict is Verdict.DANGEROUS:
                self.analysis.add(rules.DANGEROUS_CALL_IN_PICKLE, at, f"{action} (known dangerous)", key)
            elif verdict is Verdict.OBFUSCATED:
                self.analysis.add(
                    rules.OBFUSCATED_IMPORT, at, f"{action}: dotted or malformed name outside the allowlist", key
                )
            else:
                self.analysis.add(
                    rules.GLOBAL_OUTSIDE_ALLOWLIST,
                    at,
                    f"{action}, which is not on the allowlist (if it is your own class, add it to "
                    "artifacts.allow_globals with a reason)",
                    key,
                )

    # --- opcodes: framing and constants ---------------------------------------------------
    def op_PROTO(self, offset: int) -> None:
        self.protocol = self._u(1)
        if self.protocol > HIGHEST_PROTOCOL:
            raise self._fail(f"unsupported pickle protocol {self.protocol}", offset)

    def op_FRAME(self, offset: int) -> None:
        self._u(8)

    def op_NONE(self, offset: int) -> None:
        self.stack.append(None)

    def op_NEWTRUE(self, offset: int) -> None:
        self.stack.append(True)

    def op_NEWFALSE(self, offset: int) -> None:
        self.stack.append(False)

    def op_INT(self, offset: int) -> None:
        self.stack.append(self._parse_int(self._line(), offset))

    def op_LONG(self, offset: int) -> None:
        self.stack.append(self._parse_int(self._line().rstrip(b"L"), offset))

    def _parse_int(self, text: bytes, offset: int) -> int:
        try:
            return int(text)
        except ValueError:
            raise self._fail("malformed integer literal", offset) from None

    def op_BININT(self, offset: int) -> None:
        self.stack.append(int.from_bytes(self.reader.read(4), "little", signed=True))

    def op_BININT1(self, offset: int) -> None:
        self.stack.append(self._u(1))

    def op_BININT2(self, offset: int) -> None:
        self.stack.append(self._u(2))

    def op_LONG1(self, offset: int) -> None:
        self.stack.append(int.from_bytes(self.reader.read(self._u(1)), "little", signed=True))

    def op_LONG4(self, offset: int) -> None:
        length = int.from_bytes(self.reader.read(4), "little", signed=True)
        if length < 0:
            raise self._fail("negative LONG4 length", offset)
        if length > 1 << 16:
            self.reader.skip(length)
            self.stack.append(Opaque("int", length))
        else:
            self.stack.append(int.from_bytes(self.reader.read(length), "little", signed=True))

    def op_FLOAT(self, offset: int) -> None:
        try:
            self.stack.append(float(self._line()))
        except ValueError:
            raise self._fail("malformed float literal", offset) from None

    def op_BINFLOAT(self, offset: int) -> None:
        self.reader.read(8)
        self.stack.append(0.0)

    def op_STRING(self, offset: int) -> None:
        raw = self._line()
        if len(raw) < 2 or raw[0] != raw[-1] or raw[:1] not in (b"'", b'"'):
            raise self._fail("STRING argument is not quoted", offset)
        try:
            decoded = codecs.escape_decode(raw[1:-1])[0]
        except ValueError:
            raise self._fail("malformed STRING escape", offset) from None
        self.stack.append(decoded.decode("latin-1"))

    def op_BINSTRING(self, offset: int) -> None:
        length = int.from_bytes(self.reader.read(4), "little", signed=True)
        self.stack.append(self._as_text(self._blob(length, offset, "bytes")))

    def op_SHORT_BINSTRING(self, offset: int) -> None:
        self.stack.append(self._as_text(self._blob(self._u(1), offset, "bytes")))

    @staticmethod
    def _as_text(value: object) -> object:
        # Python 3 decodes protocol 0-2 strings as ASCII by default; latin-1 keeps every byte.
        return value.decode("latin-1") if isinstance(value, bytes) else value

    def op_BINBYTES(self, offset: int) -> None:
        self.stack.append(self._blob(self._u(4), offset, "bytes"))

    def op_SHORT_BINBYTES(self, offset: int) -> None:
        self.stack.append(self._blob(self._u(1), offset, "bytes"))

    def op_BINBYTES8(self, offset: int) -> None:
        self.stack.append(self._blob(self._u(8), offset, "bytes"))

    def op_BYTEARRAY8(self, offset: int) -> None:
        self.stack.append(self._blob(self._u(8), offset, "bytes"))

    def op_UNICODE(self, offset: int) -> None:
        raw = self._line()
        try:
            self.stack.append(raw.decode("raw-unicode-escape"))
        except UnicodeDecodeError:
            raise self._fail("malformed UNICODE argument", offset) from None

    def op_SHORT_BINUNICODE(self, offset: int) -> None:
        self.stack.append(self._blob(self._u(1), offset, "str"))

    def op_BINUNICODE(self, offset: int) -> None:
        self.stack.append(self._blob(self._u(4), offset, "str"))

    def op_BINUNICODE8(self, offset: int) -> None:
        self.stack.append(self._blob(self._u(8), offset, "str"))

    def op_NEXT_BUFFER(self, offset: int) -> None:
        self.stack.append(Opaque("buffer"))

    def op_READONLY_BUFFER(self, offset: int) -> None:
        self.top(offset)

    # --- opcodes: containers -------------------------------------------------------------
    def op_EMPTY_LIST(self, offset: int) -> None:
        self.stack.append(Seq("list"))

    def op_EMPTY_TUPLE(self, offset: int) -> None:
        self.stack.append(Seq("tuple"))

    def op_EMPTY_DICT(self, offset: int) -> None:
        self.stack.append(Mapping())

    def op_EMPTY_SET(self, offset: int) -> None:
        self.stack.append(Seq("set"))

    def op_LIST(self, offset: int) -> None:
        items = self.pop_mark(offset)  # before touching self.stack: pop_mark replaces it
        self.stack.append(Seq("list", items))

    def op_TUPLE(self, offset: int) -> None:
        items = self.pop_mark(offset)  # before touching self.stack: pop_mark replaces it
        self.stack.append(Seq("tuple", items))

    def op_FROZENSET(self, offset: int) -> None:
        items = self.pop_mark(offset)  # before touching self.stack: pop_mark replaces it
        self.stack.append(Seq("frozenset", items))

    def op_TUPLE1(self, offset: int) -> None:
        self.stack.append(Seq("tuple", [self.pop(offset)]))

    def op_TUPLE2(self, offset: int) -> None:
        second = self.pop(offset)
        self.stack.append(Seq("tuple", [self.pop(offset), second]))

    def op_TUPLE3(self, offset: int) -> None:
        third = self.pop(offset)
        second = self.pop(offset)
        self.stack.append(Seq("tuple", [self.pop(offset), second, third]))

    def op_DICT(self, offset: int) -> None:
        items = self.pop_mark(offset)
        mapping = Mapping()
        for index in range(0, len(items) - 1, 2):
            mapping.set(items[index], items[index + 1])
        self.stack.append(mapping)

    def op_APPEND(self, offset: int) -> None:
        value = self.pop(offset)
        target = self.top(offset)
        if isinstance(target, Seq):
            target.extend([value])

    def op_APPENDS(self, offset: int) -> None:
        values = self.pop_mark(offset)
        target = self.top(offset)
        if isinstance(target, Seq):
            target.extend(values)

    def op_ADDITEMS(self, offset: int) -> None:
        self.op_APPENDS(offset)

    def op_SETITEM(self, offset: int) -> None:
        value = self.pop(offset)
        key = self.pop(offset)
        target = self.top(offset)
        if isinstance(target, Mapping):
            target.set(key, value)

    def op_SETITEMS(self, offset: int) -> None:
        items = self.pop_mark(offset)
        target = self.top(offset)
        if isinstance(target, Mapping):
            for index in range(0, len(items) - 1, 2):
                target.set(items[index], items[index + 1])

    # --- opcodes: stack and memo ---------------------------------------------------------
    def op_MARK(self, offset: int) -> None:
        self.metastack.append(self.stack)
        self.stack = []

    def op_POP(self, offset: int) -> None:
        if self.stack:
            self.stack.pop()
        else:
            self.pop_mark(offset)

    def op_POP_MARK(self, offset: int) -> None:
        self.pop_mark(offset)

    def op_DUP(self, offset: int) -> None:
        self.stack.append(self.top(offset))

    def op_GET(self, offset: int) -> None:
        self._memo_get(self._parse_int(self._line(), offset), offset)

    def op_BINGET(self, offset: int) -> None:
        self._memo_get(self._u(1), offset)

    def op_LONG_BINGET(self, offset: int) -> None:
        self._memo_get(self._u(4), offset)

    def op_PUT(self, offset: int) -> None:
        self._memo_put(self._parse_int(self._line(), offset), offset)

    def op_BINPUT(self, offset: int) -> None:
        self._memo_put(self._u(1), offset)

    def op_LONG_BINPUT(self, offset: int) -> None:
        self._memo_put(self._u(4), offset)

    def op_MEMOIZE(self, offset: int) -> None:
        self._memo_put(len(self.memo), offset)

    # --- opcodes: imports, calls, objects ------------------------------------------------
    def _module_and_name(self, offset: int) -> tuple[str, str]:
        module = self._line()
        name = self._line()
        try:
            return module.decode("utf-8"), name.decode("utf-8")
        except UnicodeDecodeError:
            raise self._fail("global name is not UTF-8", offset) from None

    def op_GLOBAL(self, offset: int) -> None:
        module, name = self._module_and_name(offset)
        self.stack.append(self._global(module, name, offset, "GLOBAL"))

    def op_STACK_GLOBAL(self, offset: int) -> None:
        name = self.pop(offset)
        module = self.pop(offset)
        if isinstance(module, str) and isinstance(name, str):
            self.stack.append(self._global(module, name, offset, "STACK_GLOBAL"))
            return
        if self.sniffing and not self.executes:
            raise NotAPickle("STACK_GLOBAL without string operands")
        self.executes = True
        self.analysis.add(
            rules.OBFUSCATED_IMPORT,
            where(self.label, offset),
            f"STACK_GLOBAL imports a name computed at load time ({_describe(module)}, {_describe(name)})",
            f"{self.label}|STACK_GLOBAL|{_describe(module)}|{_describe(name)}",
        )
        self.stack.append(Opaque("computed-global"))

    def _ext(self, code: int, offset: int) -> None:
        self.executes = True
        self.analysis.add(
            rules.OBFUSCATED_IMPORT,
            where(self.label, offset),
            f"EXT opcode imports extension code {code} from copyreg's registry, resolved only at load time",
            f"{self.label}|EXT|{code}",
        )
        self.stack.append(Opaque("extension-global"))

    def op_EXT1(self, offset: int) -> None:
        self._ext(self._u(1), offset)

    def op_EXT2(self, offset: int) -> None:
        self._ext(self._u(2), offset)

    def op_EXT4(self, offset: int) -> None:
        self._ext(int.from_bytes(self.reader.read(4), "little", signed=True), offset)

    def op_REDUCE(self, offset: int) -> None:
        args = self.pop(offset)
        func = self.pop(offset)
        self.stack.append(self._called(func, "REDUCE", args, offset))

    def op_INST(self, offset: int) -> None:
        module, name = self._module_and_name(offset)
        cls = self._global(module, name, offset, "INST")
        args = self.pop_mark(offset)
        self.stack.append(self._called(cls, "INST", Seq("tuple", args), offset))

    def op_OBJ(self, offset: int) -> None:
        items = self.pop_mark(offset)
        if not items:
            raise self._fail("OBJ without a class", offset)
        self.stack.append(self._called(items[0], "OBJ", Seq("tuple", items[1:]), offset))

    def op_NEWOBJ(self, offset: int) -> None:
        args = self.pop(offset)
        cls = self.pop(offset)
        self.stack.append(self._called(cls, "NEWOBJ", args, offset))

    def op_NEWOBJ_EX(self, offset: int) -> None:
        self.pop(offset)  # kwargs
        args = self.pop(offset)
        cls = self.pop(offset)
        self.stack.append(self._called(cls, "NEWOBJ_EX", args, offset))

    def op_BUILD(self, offset: int) -> None:
        state = self.pop(offset)
        target = self.top(offset)
        injected = _special_state_keys(state)
        if injected:
            self.executes = True
            self.analysis.add(
                rules.SPECIAL_ATTRIBUTE_INJECTION,
                where(self.label, offset),
                f"BUILD sets {', '.join(sorted(injected))} on an object, so loading runs attacker-chosen code",
                f"{self.label}|BUILD|{','.join(sorted(injected))}",
            )
        if isinstance(target, Call):
            target.state = state
            func = target.func
            if isinstance(func, Global) and (func.module, func.name) == ARRAY_WRAPPER:
                skip_inline_array(self.reader, state, offset, self._object_array)
                self.stack[-1] = Opaque("ndarray")

    def _object_array(self) -> None:
        self.child(f"{self.label} object array").run()

    def op_PERSID(self, offset: int) -> None:
        self.persistent_ids.append(self._line().decode("utf-8", "replace"))
        self.stack.append(Opaque("persistent"))

    def op_BINPERSID(self, offset: int) -> None:
        self.persistent_ids.append(self.pop(offset))
        self.stack.append(Opaque("persistent"))


def _describe(value: object) -> str:
    if isinstance(value, str):
        return repr(value[:40])
    if isinstance(value, Call):
        func = value.func
        name = f"{func.module}.{func.name}" if isinstance(func, Global) else "a computed callable"
        return f"result of {name}"
    return type(value).__name__.lower()


def _special_state_keys(state: object) -> set[str]:
    """Special attribute names a BUILD state would set (dict state or (dict, slotstate))."""
    mappings: list[Mapping] = []
    if isinstance(state, Mapping):
        mappings.append(state)
    elif isinstance(state, Seq) and state.kind == "tuple":
        mappings.extend(item for item in state.items[:2] if isinstance(item, Mapping))
    found: set[str] = set()
    for mapping in mappings:
        for key in mapping.items:
            if isinstance(key, str) and key in _SPECIAL_STATE_KEYS:
                found.add(key)
    return found
