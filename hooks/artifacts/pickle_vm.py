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
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hooks._core.findings import Severity
from hooks.artifacts import rules
from hooks.artifacts.analysis import Analysis, PickleStream, chunked, names_digest, where
from hooks.artifacts.errors import AnalysisError, LimitExceeded, LineTooLong, SniffedLineTooLong, Truncated
from hooks.artifacts.formats.joblib_arrays import ARRAY_WRAPPERS, skip_inline_array
from hooks.artifacts.globals_policy import (
    Use,
    Verdict,
    constructor_effect,
    executed_state,
    is_dangerous,
    resolve_name,
    side_effect,
)
from hooks.artifacts.opcodes import OPCODES
from hooks.artifacts.pickle_values import Call, Global, Mapping, Opaque, Seq
from hooks.artifacts.reader import ByteReader, Tap

_COST_CHECK = 1 << 16  # items walked between two looks at the clock
_ARGUMENT_LIMIT = 1 << 20  # values walked in one call's arguments; more: not judged (fail closed)
KEEP_BYTES = 1 << 20  # larger str/bytes arguments are skipped, not read
KEEP_TOTAL = 32 << 20  # and past this many kept bytes per stream, every one is (memory stays flat)
MAX_LINE = 1 << 16
SNIFF_LINE = 64 << 20  # a line read whole while sniffing; a longer one stops the analysis
HIGHEST_PROTOCOL = 5
# Opcodes with which an unpickler imports, calls or builds an object. A stream that breaks before
# one of them completed ran nothing in any loader: the others push constants and build lists,
# tuples, dicts and sets. (PERSID hands its id to the loader's own persistent_load, which the
# file does not choose; without a global resolved first, that id is a constant.)
_ACTING_OPCODES = frozenset(
    code
    for code, (name, _arg) in OPCODES.items()
    if name
    in {"GLOBAL", "STACK_GLOBAL", "INST", "OBJ", "REDUCE", "BUILD", "NEWOBJ", "NEWOBJ_EX", "EXT1", "EXT2", "EXT4"}
)
STACK_UNDERFLOW = "stack underflow"
MARK_MISSING = "MARK expected but missing"
# Breaks an acting opcode meets while taking its operands off the stack, which unpicklers do
# before they import or call anything. Not INST: the pure-Python unpickler (joblib's) imports
# its class before it looks for the MARK.
OPERANDS_MISSING = frozenset({STACK_UNDERFLOW, MARK_MISSING})
IMPORTS_BEFORE_OPERANDS = frozenset(code for code, (name, _arg) in OPCODES.items() if name == "INST")
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

# Methods the unpickler itself calls on an object (APPEND, APPENDS, ADDITEMS): an instance
# attribute of that name answers first.
_LOADER_CALLED = frozenset({"append", "extend", "add"})
# Methods a callable given an object calls on it to read it as a mapping (`OrderedDict(x)`,
# `dict.update(x)`, requests' CaseInsensitiveDict(x) call `x.keys()`): an instance attribute of
# that name answers first, so a state that set one chose what the call runs.
_MAPPING_CALLED = frozenset({"keys", "items", "values"})
# What a library's __setstate__ calls on a value inside its state (read as a mapping: `**value`,
# `value.get(...)`, `dict(value)`), and how deep in the state it looks.
_STATE_READ_METHODS = frozenset({"keys", "items", "values", "get", "pop", "update", "copy", "setdefault"})
_STATE_DEPTH = 3
# Classes whose constructor turns its keyword arguments (and, from Python 3.13 for
# SimpleNamespace, a positional mapping) into the instance's attributes.
_ATTRIBUTE_BAGS = frozenset({("types", "SimpleNamespace"), ("argparse", "Namespace")})
# Torch's rebuild helpers that finish with `_set_obj_state(obj, state)`: `setattr` of every name
# in their last argument, the same as a BUILD on the object they return.
_STATE_SETTING_REBUILDS = frozenset(
    {("torch._tensor", "_rebuild_from_type_v2"), ("torch._utils", "_rebuild_parameter_with_state")}
)
# How protocols 0-2 pickle a bytes value (`bytes.__reduce_ex__`): a call of one of these on its
# text as latin-1 (the one-argument form, for an ASCII-only value, uses the default UTF-8).
_BYTES_ENCODERS = frozenset({("_codecs", "encode"), ("codecs", "encode")})
_LATIN1_NAMES = frozenset({"latin1", "latin-1", "latin_1", "iso-8859-1", "iso8859-1", "l1", "iso_8859_1"})
# Calls that return one object per process for the same arguments: what a pickle sets on one
# result is there on every other (`logging.getLogger("app")` twice is the same logger).
_SINGLETON_FACTORIES = frozenset({("logging", "getLogger"), ("logging", "getLoggerClass")})
_PARTIAL_NESTING = 64  # partials judged as called through each other's bound arguments, at once
# partials judged, plus the values their arguments hold, in one stream: a file that makes each call
# judge its partials again (changing an object between calls) is not fully analysed past it
_PARTIAL_WORK = 4_000_000
_CARRIER_VISITS = 10_000  # objects one "does it carry a partial" question may visit
_CARRIER_VISITS_TOTAL = 2_000_000  # and all of them in one stream
_WALKED_LIMIT = 8_000_000  # values walked in all calls' arguments of one stream
_CALLED_NAMES = _SPECIAL_STATE_KEYS | _LOADER_CALLED | _MAPPING_CALLED

_EXTENSION_GLOBAL = Opaque("extension-global")

# Analyse the literal bytes a nested loader is called on, as an artifact found at (label, depth);
# True when they were one. Findings inside are the walker's; the caller only learns the verdict.
NestedHandler = Callable[[bytes, str, int], bool]


# Globals whose danger depends on their arguments: each call is judged by what it is called on
# (`getattr(allowed_class, "constant")`, `functools.partial(allowed_callable, ...)`, dill's
# helpers by what they rebuild); a global of these called only in vetted ways is not reported.
_GETATTR = ("builtins", "getattr")
_PARTIAL = ("functools", "partial")
# Callables the allowlist lets a pickle call that call one of their arguments (0-based position):
# torch runs `func(*args)` while loading, defaultdict its factory at the first missing key.
_CALLS_ITS_ARGUMENT = {
    ("torch._tensor", "_rebuild_from_type_v2"): 0,
    ("torch._tensor", "_rebuild_from_type"): 0,
    ("collections", "defaultdict"): 0,
}
_RUN_NESTING = 32  # calls run by calls nested in each other (a rebuild handed a rebuild ...)
_SEQUENCE_COPIES = {("builtins", "list"): "list", ("builtins", "tuple"): "tuple"}
_EMPTY_CONTAINERS = frozenset({("builtins", "list"), ("builtins", "dict")})
# The parameters of the callables in _CALLS_ITS_ARGUMENT that hand one of them on as `*args`
# (torch's type rebuilds), for arguments given by keyword and for where `args` stands.
_PARAMETERS = {
    ("torch._tensor", "_rebuild_from_type_v2"): ("func", "new_type", "args", "state"),
    ("torch._tensor", "_rebuild_from_type"): ("func", "type", "args", "dict"),
}
_DILL_CREATE_ARRAY = ("dill._dill", "_create_array")
_DILL_LOAD_TYPE = ("dill._dill", "_load_type")
_NEWOBJ_HELPERS = frozenset({("copyreg", "__newobj__"), ("copyreg", "__newobj_ex__")})
_RECONSTRUCTOR = ("copyreg", "_reconstructor")
# How an object is made without running its class's __init__ (cls.__new__(cls, ...)).
_FRESH_OBJECT_VIAS = frozenset({"NEWOBJ", "NEWOBJ_EX"})
ARGUMENT_JUDGED = frozenset({_GETATTR, _PARTIAL, _DILL_CREATE_ARRAY, _DILL_LOAD_TYPE})
# Types dill's _load_type may name for a pickle of plain data (not code, frames or modules).
_DILL_VALUE_TYPES = frozenset(
    {
        "ListType", "TupleType", "DictType", "SetType", "FrozenSetType", "IntType", "FloatType",
        "ComplexType", "StringType", "UnicodeType", "BytesType", "ByteArrayType", "BooleanType",
        "BoolType", "NoneType", "EllipsisType", "NotImplementedType", "SliceType", "RangeType",
        "XRangeType", "ObjectType", "MappingProxyType", "OrderedDictType", "DequeType",
        "DefaultDictType", "CounterType", "PartialType", "SimpleNamespaceType",
    }
)  # fmt: skip


@dataclass
class GlobalUse:
    module: str
    name: str
    offset: int
    opcode: str
    via: str | None = None  # how it was first called or instantiated
    unverified_calls: int = 0  # nested-loader calls whose payload was not literal, or not clean
    use: Use = Use.REFERENCE  # the most powerful way the stream uses it
    calls: int = 0  # calls of an ARGUMENT_JUDGED global
    vetted: int = 0  # of those, calls whose arguments make it harmless


@dataclass
class StreamResult:
    value: object
    persistent_ids: list[object] = field(default_factory=list)
    globals_seen: int = 0


_DISPATCH_TABLES: dict[type, dict[int, Callable[[Any, int], None]]] = {}


def _dispatch_table(machine: type) -> dict[int, Callable[[Any, int], None]]:
    """Opcode -> the machine class's `op_` function, built once per class (a shelve's data file
    starts a machine per record: binding every handler per machine cost more than reading)."""
    table = _DISPATCH_TABLES.get(machine)
    if table is None:
        table = {}
        for code, (name, _arg) in OPCODES.items():
            handler = getattr(machine, "op_" + name, None)
            if handler is not None:
                table[code] = handler
        _DISPATCH_TABLES[machine] = table
    return table


def _dotted_identifier(text: str) -> bool:
    """`random`, `_os.system`: names an import and attribute lookups can reach."""
    return bool(text) and all(part.isidentifier() for part in text.split("."))


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
        reached_by: str = "",
    ) -> None:
        self.reader = reader
        self.analysis = analysis
        self.label = label
        self.sniffing = sniffing
        self.depth = depth
        self.on_nested = on_nested
        self.container = label if container is None else container  # names the stream in explain
        self.reached_by = reached_by  # the loader that would run this stream, for messages
        self.stack: list[object] = []
        self.metastack: list[list[object]] = []
        self.memo: dict[int, object] = {}
        self.protocol = 0
        self.uses: dict[tuple[str, str], GlobalUse] = {}
        self.persistent_ids: list[object] = []
        self.executes = False  # a call on a well-formed global happened (sniffing evidence)
        # Where the last FRAME ends: the pure-Python unpickler reads a frame whole, so a loop of
        # its `load()` goes on at the frame's end, not at the STOP inside it.
        self.frame_end: int | None = None
        # While sniffing: a global reference that looks like text (`random._os.system`, a dotted
        # name) was read. Text that merely starts like a pickle reads as one, so it is no evidence
        # by itself; a call on it is (then `executes`), and a stream that ends without any call
        # on it is taken for text (pickles.py).
        self.sniffed_text_global = False
        self.acted = False  # an opcode of _ACTING_OPCODES completed
        self.extensions = 0  # EXT opcodes read: imports from copyreg's registry
        self.acting = 0  # the opcode being run (or the one the stream broke in), when one of them
        # Dicts a BUILD read names from (its state, or `{"__dict__": D}`'s D, which becomes the
        # instance's): a name set in one later is reported there (id -> the dict, kept so the id
        # stays its own).
        self.instance_dicts: dict[int, Mapping] = {}
        # id(instance dict) -> the object whose attributes it is: a function put into that dict
        # later (through the memo) is an attribute of that object as much as one in its BUILD.
        self.owner_of_dict: dict[int, Call] = {}
        # (factory, arguments) -> the one object a _SINGLETON_FACTORIES call returns for them
        self.singletons: dict[tuple[str, str, tuple[object, ...]], Call] = {}
        self.partials_judged: set[int] = set()  # ids of the partials being judged as called, nested
        # ids of the partials judged as called already (each is judged once: a partial reached
        # through many others' arguments would otherwise be judged once per path)
        # id -> (partial, its state when judged); the objects are held so an id is never reused.
        # Forgotten whenever the file changes an object (_partials_changed): what a partial runs
        # may sit in a partial, a list or a dict it binds.
        self.partials_done: dict[int, tuple[Call, object]] = {}
        # id -> (partial, how it was reached): every partial judged as called, judged again with
        # what it holds as the stream ends (_judge_partials_as_loaded)
        self.partials_called: dict[int, tuple[Call, str]] = {}
        self.partial_work = 0  # values walked judging partials, in the whole stream
        self.runs_nested = 0  # _runs_its_argument calls under way
        self.walked = 0  # values walked in calls' arguments (_arguments)
        # ids of objects judged as called through an attribute (each once; a cycle ends)
        self.objects_called: set[int] = set()
        # id -> (object, the callables put into it by APPEND(S), ADDITEMS, SETITEM(S), how many
        # values were put in all): what `*obj` may hand a call when obj is a deque or dict
        self.items_of: dict[int, tuple[Call, list[object], int]] = {}
        self.carrier_visits = 0  # objects visited by _carries_partial
        # ids of what the partials judged so far hold: themselves, their states, the lists, tuples,
        # dicts and objects their arguments reach. A change to one of these voids the memo.
        self.partial_inputs: set[int] = set()
        # id(object) -> (object, name -> values): what BUILDs put under the names APPEND(S) and
        # ADDITEMS call (`append`, `extend`, `add`), gathered at each BUILD so that an APPEND
        # looks up its names instead of walking every state the object was ever given. A later
        # BUILD adds names, it does not take the earlier ones away.
        self.attributes_of: dict[int, tuple[Call, dict[str, list[object]]]] = {}
        # joblib array wrappers already given their state (id -> the object, kept so the id stays its own)
        self.built_wrappers: dict[int, Call] = {}
        self.cost = 0  # items walked by opcodes since the clock was last read
        self.kept = 0  # bytes of str/bytes arguments held as values
        self.dispatch = _dispatch_table(type(self))

    # --- driving -------------------------------------------------------------------------
    def stopped_before_acting(self, error: AnalysisError) -> bool:
        """Whether the stream broke (`error`) before any opcode that imports, calls or builds: none
        completed, and the break is not inside one (unless it is one taking operands the stack does
        not hold, which unpicklers check before importing; not INST), and the break is no cap of
        this analysis (a long line, which a loader reads on)."""
        if self.acted or isinstance(error, LineTooLong):
            return False
        return not self.acting or (self.acting not in IMPORTS_BEFORE_OPERANDS and error.reason in OPERANDS_MISSING)

    def run(self) -> StreamResult:
        """Interpret up to and including STOP. Findings are recorded even if the stream breaks."""
        tap = self.reader.tap
        if tap is not None and self.analysis.stream_log is not None:
            return self._run_recorded(tap, self.analysis.stream_log.streams)
        try:
            value = self._loop()
        finally:
            self._report_globals()
        return StreamResult(value, self.persistent_ids, len(self.uses) + self.extensions)

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
        return StreamResult(value, self.persistent_ids, len(self.uses) + self.extensions)

    def child(self, label: str) -> PickleMachine:
        """A machine for a stream embedded in this one, read from the same data (one level deeper)."""
        return PickleMachine(
            self.reader,
            self.analysis,
            label,
            depth=self.depth + 1,
            on_nested=self.on_nested,
            reached_by=self.reached_by,
        )

    def _loop(self) -> object:
        read = self.reader.handle.read
        dispatch = self.dispatch
        analysis = self.analysis
        acting = _ACTING_OPCODES
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
                self._judge_partials_as_loaded()
                return self.stack.pop()
            handler = dispatch.get(code)
            if handler is None:
                raise AnalysisError(f"unknown opcode {code:#04x}", self.reader.tell() - 1)
            self.acting = code if code in acting else 0
            handler(self, self.reader.tell() - 1)
            if self.acting:
                self.acted = True
            count += 1
            # Time is checked by cost, not by opcode count: an opcode that walks many items
            # (DICT, SETITEMS, APPENDS, BUILD with a large state) adds its items to `cost`.
            if count & 0x3FF == 0 or self.cost > _COST_CHECK:
                analysis.opcodes += count
                count = 0
                self.cost = 0
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
            raise self._fail(STACK_UNDERFLOW, offset)
        return self.stack.pop()

    def top(self, offset: int) -> object:
        if not self.stack:
            raise self._fail(STACK_UNDERFLOW, offset)
        return self.stack[-1]

    def pop_mark(self, offset: int) -> list[object]:
        if not self.metastack:
            raise self._fail(MARK_MISSING, offset)
        items = self.stack
        self.stack = self.metastack.pop()
        return items

    def _u(self, size: int) -> int:
        return int.from_bytes(self.reader.read(size), "little")

    def _line(self) -> bytes:
        try:
            return self.reader.readline(MAX_LINE)[:-1]
        except LineTooLong as exc:
            if not self.sniffing or self.executes:
                raise
            parts = [exc.partial]
        # A loader has no line cap and reads on. Text that merely starts like a pickle may have a
        # long line, and so may a pickle hidden behind one (`V`, `S'...'`, `L...`, `p`/`g` with a
        # long operand, then a payload): sniffing reads the whole line as a loader would (up to
        # SNIFF_LINE bytes, time-checked), and what follows decides.
        size = len(parts[0])
        while True:
            self.analysis.check_time()
            try:
                rest = self.reader.readline(MAX_LINE)
            except LineTooLong as exc:
                parts.append(exc.partial)
                size += len(exc.partial)
                if size > SNIFF_LINE:
                    raise SniffedLineTooLong(f"a text line longer than {SNIFF_LINE >> 20} MiB") from None
                continue
            parts.append(rest)
            return b"".join(parts)[:-1]

    def _blob(self, length: int, offset: int, kind: str) -> object:
        if length < 0:
            raise self._fail("negative length", offset)
        if length > KEEP_BYTES or self.kept + length > KEEP_TOTAL:
            self.reader.skip(length)
            return Opaque(kind, length)
        self.kept += length
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
                if not (_dotted_identifier(module) and _dotted_identifier(name)):
                    # `(ingest-data)=` / `# Title`: no loader imports that; text, as it reads.
                    raise NotAPickle("text, not a global reference")
                self.sniffed_text_global = True  # text, unless something calls it (see __init__)
        key = (module, name)
        if key not in self.uses:
            self.uses[key] = GlobalUse(module, name, offset, opcode)
        return Global(module, name, offset)

    def _used(self, value: object, how: Use, via: str) -> GlobalUse | None:
        """Record that `value`, if it is a global, is used `how` (the strongest use counts)."""
        if not isinstance(value, Global):
            return None
        use = self.uses.get((value.module, value.name))
        if use is None:
            return None
        if how > use.use:
            use.use = how
        if how is not Use.REFERENCE and use.via is None:
            use.via = via
        return use

    def _arguments(
        self, items: list[object], offset: int, opened: set[int] | None = None
    ) -> tuple[list[object], list[object]]:
        """_arguments_in, its walk charged to the analysis' cost; past _ARGUMENT_LIMIT the call
        cannot be judged, so the file is not fully analysed (fail closed). `opened`: gets the ids
        of the lists, tuples and dicts walked."""
        direct, in_dicts, walked, containers = _arguments_in(items, opened)
        self.cost += walked
        if walked > _ARGUMENT_LIMIT:
            raise self._fail(f"a call's arguments hold more than {_ARGUMENT_LIMIT} values", offset)
        self.walked += walked + 3 * containers  # opening a tuple costs several values' time
        if self.walked > _WALKED_LIMIT:
            # the same large list handed to call after call: each walk is bounded, their sum too
            raise LimitExceeded(f"calls' arguments walked more than {_WALKED_LIMIT} values in all")
        return direct, in_dicts

    def _given_to_call(
        self, values: list[object], offset: int, names: frozenset[str] | None = None, on: str = "a later call"
    ) -> None:
        """The objects this pickle built among a call's arguments: the call may call any method of
        each (`OrderedDict(x)` calls `x.keys()`, `uuid.UUID(x)` calls `x.replace()`, `torch.device(x)`
        looks up `x.__torch_function__`), and an instance attribute answers before its class. A
        function the file set as an attribute of one may be what such a call runs: under a name a
        mapping read calls (`keys`, `items`, `values`) it is reported as planted. Under any other
        name a partial is judged as called, like any call in the file: it runs what it wraps on
        the arguments the file bound (a partial of numpy.save is refused). A library function
        kept as a plain value (numpy.log1p as a model's score function) is not: the call would
        give it the call's own arguments, and what it refers to is judged as a reference. `names`:
        only those attributes (what a library's `__setstate__` calls on a value inside its state)."""
        for value in {id(value): value for value in values}.values():  # each object once
            if isinstance(value, Call):
                held = self.attributes_of.get(id(value))
                if held is None or held[0] is not value:
                    continue
                for name, kept in held[1].items():
                    if name == _ITEM or (names is not None and name not in names):
                        continue  # a table's entries are not methods (they count in _carries_partial)
                    unique = list({id(item): item for item in kept}.values())  # the same object, once
                    if name in _STATE_READ_METHODS and (carriers := [i for i in unique if self._carries_partial(i)]):
                        # a rebuilt object there whose own attributes hold a partial (a torch module
                        # whose `forward` was set to one): calling `x.keys()` calls the object,
                        # and its class's __call__ reaches what the file planted on it
                        self._injected(carriers, [name], offset, "the state", f"an object {on} is given")
                        continue
                    planted = [item for item in kept if _planted_function(item)]
                    if not planted:
                        continue
                    if name in _MAPPING_CALLED or any(item is _EXTENSION_GLOBAL for item in planted):
                        self._injected(planted, [name], offset, "the state", f"an object {on} is given")
                    else:
                        self._attribute_called(planted, name)

    def _carries_partial(self, value: object) -> bool:
        """A rebuilt object whose attributes or items hold a functools.partial or an extension's
        global, directly or through an object in its state (a torch module's `_forward_pre_hooks`
        table, which its __call__ runs), a few levels down."""
        visited: set[int] = set()
        frontier: list[object] = [value]
        self.carrier_visits += 1
        for _ in range(4):  # the object, and objects held by it, three levels down
            inner: list[object] = []
            for item in frontier:
                if not isinstance(item, Call) or id(item) in visited:
                    continue
                visited.add(id(item))
                self.carrier_visits += 1
                if len(visited) > _CARRIER_VISITS:
                    raise LimitExceeded(f"an object reaches more than {_CARRIER_VISITS} objects")
                if self.carrier_visits > _CARRIER_VISITS_TOTAL:
                    total = _CARRIER_VISITS_TOTAL
                    raise LimitExceeded(f"objects handed to calls reach more than {total} objects in all")
                held = self.attributes_of.get(id(item))
                kept = [v for values in held[1].values() for v in values] if held and held[0] is item else []
                if item is not value and _is_partial(item):
                    return True
                if any(v is _EXTENSION_GLOBAL or (isinstance(v, Call) and _is_partial(v)) for v in kept):
                    return True
                inner.extend(kept)
                if item.state is not None:
                    inner.extend(self._objects_in_state(item.state))
            self.cost += len(inner)
            frontier = inner
        return False

    def _attribute_called(self, functions: list[object], name: str) -> None:
        """Judge `functions`, set as an object's attribute `name`, as called (see _given_to_call):
        the call the object is given to may call any method of it, and an instance attribute
        answers before its class. A partial runs what it binds, and an object the file built is
        called in turn (its own attributes and arguments judged). A library function kept as a
        plain value is judged as a reference: the call would hand it the callee's own arguments
        (`uuid.UUID(x)` calls `x.replace("urn:", "")`), not the file's."""
        via = f"attribute {name[:40]} (of an object a later call is given)"
        for function in functions:
            if isinstance(function, Call) and _is_partial(function):
                self._call_partial(function, via)
            elif isinstance(function, Call) and id(function) not in self.objects_called:
                self.objects_called.add(id(function))
                self._called(function, via, Seq("tuple"), function.offset)

    def _call_partial(self, partial: Call, via: str, depth: int = 0) -> None:
        """Calling a partial calls what it wraps, on the arguments it bound (which nobody vetted):
        a wrapped global whose danger depends on its arguments (getattr, partial itself) counts
        as such a call, and a partial wrapped in one is called in turn. A partial already being
        judged (one bound to an object that holds it) is judged once; past _PARTIAL_NESTING
        partials reached through each other's arguments the file is not fully analysed."""
        done = self.partials_done.get(id(partial))
        judged = done is not None and done[0] is partial and done[1] is partial.state
        if id(partial) in self.partials_judged or judged:
            return  # being judged further up, or judged already: calling it again runs the same
        if len(self.partials_judged) >= _PARTIAL_NESTING or depth >= _PARTIAL_NESTING:
            raise LimitExceeded(f"more than {_PARTIAL_NESTING} partials reached through each other's arguments")
        self._charge_partial_work(1)
        self.analysis.check_time()
        self.partials_judged.add(id(partial))
        self.partial_inputs.add(id(partial))
        state = partial.state
        if isinstance(state, Seq):
            self.partial_inputs.add(id(state))
            self.partial_inputs.update(id(item) for item in state.items[1:3] if isinstance(item, Seq | Mapping))
        try:
            self._judge_partial(partial, via, depth)
        finally:
            self.partials_judged.discard(id(partial))
        self.partials_done[id(partial)] = (partial, partial.state)
        self.partials_called.setdefault(id(partial), (partial, via))

    def _charge_partial_work(self, values: int) -> None:
        """Count `values` against the stream's budget for judging partials (_PARTIAL_WORK)."""
        self.partial_work += values
        if self.partial_work > _PARTIAL_WORK:
            raise LimitExceeded(f"judging functools.partial objects walked more than {_PARTIAL_WORK} values")

    def _partials_changed(self, target: object) -> None:
        """The file changes `target` (BUILD, SETITEM(S), APPEND(S), ADDITEMS): when a partial judged
        before holds it (a partial it binds re-pointed, a keyword added to the dict its state holds
        by reference, a list it binds filled), a call of that partial during the load runs what it
        holds now, and the earlier judgements no longer stand for a later call."""
        if self.partials_done and id(target) in self.partial_inputs:
            self.partials_done = {}
            self.partial_inputs = set()

    def _judge_partials_as_loaded(self) -> None:
        """A partial is judged when a call is handed it, with what it holds then; calling it later
        runs what it holds when the loader is done: a later BUILD re-points it (its state `(numpy.savez,
        (path,), {}, None)` replaces the function), and partial's `__setstate__` keeps the keywords
        dict by reference, so a later SETITEMS on the memoised dict adds keywords. So every partial
        judged during the stream is judged again, once, with what it holds as the stream ends."""
        self.partials_done = {}
        for partial, via in list(self.partials_called.values()):
            self._call_partial(partial, via)

    def _hand_arguments(self, direct: list[object], to_declared: bool, via: str, depth: int = 0) -> None:
        """What a call hands the callable it calls: a global among them is judged as called (a
        reference when the callee is a class the project declares), and a partial among them as
        called whatever the callee, since calling it runs what the file bound."""
        passed_use = Use.REFERENCE if to_declared else Use.CALL
        for passed in _globals_in(direct):
            self._used(passed, passed_use, via)
        for partial in _partials_in(direct):
            self._call_partial(partial, via, depth)

    def _judge_partial(self, partial: Call, via: str, depth: int) -> None:
        state = partial.state
        if isinstance(state, Seq) and len(state.items) > 2 and not isinstance(state.items[2], Mapping | None):
            # partial's own pickles set a plain dict of keywords; an object in that place (an
            # OrderedDict filled by SETITEMS) binds keywords this analysis does not hold
            raise LimitExceeded("a functools.partial's keywords are an object whose items this analysis does not hold")
        bound = _partial_bound(partial)
        targets = _partial_targets(partial)
        for target in targets:
            if isinstance(target, Global) and (target.module, target.name) in _CALLS_ITS_ARGUMENT:
                # partial(torch's rebuild, obj, type, args, state)(): the rebuild runs obj(*args)
                key = (target.module, target.name)
                positional = list(partial.args.items[1:]) if isinstance(partial.args, Seq) else []
                exact = True
                if isinstance(state, Seq) and len(state.items) > 1:
                    more, exact = self._unpacked(state.items[1])
                    positional.extend(more)
                # `partial(rebuild, func=obj, args=...)`: keywords fill the places they name
                keywords = {k: v for m in _partial_keywords(partial) for k, v in m.items.items() if isinstance(k, str)}
                for name in _PARAMETERS.get(key, ())[len(positional) :]:
                    if name not in keywords:
                        break
                    positional.append(keywords[name])
                self._runs_its_argument(key, positional, partial.offset, exact)
        if bound:  # the arguments it bound are given to what it wraps
            direct, in_dicts = self._arguments(bound, partial.offset, self.partial_inputs)
            self.partial_inputs.update(id(item) for item in (*direct, *in_dicts))
            self._charge_partial_work(len(direct) + len(in_dicts))
            handed = [*bound, *_unpacked_arguments([item for item in bound if isinstance(item, Mapping)])]
            self._given_to_call(_calls_among(handed), partial.offset)
            self._given_to_call(direct + in_dicts, partial.offset, _MAPPING_CALLED)
            # As for any call: what it wraps may call a global or a partial it is handed (pandas
            # 1.3's `new_block(values, placement, ndim=, klass=)` calls `klass`), positional or
            # keyword, unless the class it wraps is one the project declares.
            declared = self.analysis.policy.declared
            to_declared = bool(targets) and all(
                isinstance(t, Global) and (t.module, t.name) in declared for t in targets
            )
            self._hand_arguments(direct, to_declared, "argument bound by functools.partial", depth + 1)
        for target in targets:
            use = self._used(target, Use.CALL, f"{via} of functools.partial")
            if use is not None and (use.module, use.name) in ARGUMENT_JUDGED:
                use.calls += 1
            if isinstance(target, Call) and _is_partial(target):
                self._call_partial(target, via, depth + 1)

    def _called(self, func: object, via: str, args: object, offset: int) -> object:
        if isinstance(func, Call) and _is_partial(func):
            self._call_partial(func, via)
            extra = args.items if isinstance(args, Seq) else []
            if extra:  # handed on after what it bound: torch's rebuild runs a function among them
                for target in _partial_targets(func):
                    if isinstance(target, Global) and (target.module, target.name) in _CALLS_ITS_ARGUMENT:
                        bound = [*(func.args.items[1:] if isinstance(func.args, Seq) else []), *extra]
                        self._runs_its_argument((target.module, target.name), bound, offset, False)
            made = Call(func, args, offset, via)
            if any(isinstance(t, Global) and (t.module, t.name) in _ATTRIBUTE_BAGS for t in _partial_targets(func)):
                # partial(SimpleNamespace, keys=f)(): its keyword arguments become attributes
                self._hold_attributes(made, _partial_keywords(func))
            return made
        if not isinstance(func, Global):
            if func is _EXTENSION_GLOBAL:
                self.executes = True
            elif isinstance(func, Call) and (_made_without_init(func) or not via.startswith("NEWOBJ")):
                # REDUCE on an object the file built (by NEWOBJ, or by calling a class): its
                # class's __call__ runs what the file set on it, and may call what it is handed
                # (joblib's Parallel runs each (function, args, kwargs) of its argument). What a
                # known-dangerous factory returned (cloudpickle's skeleton class) is reported as
                # that factory's call already.
                maker = func.func
                factory = isinstance(maker, Global) and is_dangerous(maker.module, maker.name)
                if _made_without_init(func) or not factory:
                    self._instance_called(func, via, offset)
                handed = args.items if isinstance(args, Seq) else [args]
                direct, in_dicts = self._arguments(handed, offset)
                self._hand_arguments(direct, False, f"argument of {via}'s call of a rebuilt object")
                self._given_to_call(direct + in_dicts, offset, _MAPPING_CALLED)
            return Call(func, args, offset, via)
        self.executes = True
        items = args.items if isinstance(args, Seq) else []
        # NEWOBJ is cls.__new__(cls, *args): with arguments a class's own __new__ acts on them
        # (numpy.memmap opens its file), so only an argument-free rebuild counts as NEW.
        use = self._used(func, Use.NEW if via.startswith("NEWOBJ") and _no_arguments(args) else Use.CALL, via)
        key = (func.module, func.name)
        if key in _SINGLETON_FACTORIES and all(isinstance(item, str | None) for item in items):
            same = (func.module, func.name, tuple(items))
            if same in self.singletons:
                return self.singletons[same]
            self.singletons[same] = Call(func, args, offset, via)
            return self.singletons[same]
        if key in _BYTES_ENCODERS and (encoded := _encoded_bytes(items)) is not None:
            # How protocols 0-2 write a bytes value: `_codecs.encode(text, "latin1")`. The value is
            # what a nested loader (torch's `_load_from_bytes`, `pickle.loads`) is given, so it is
            # read as those bytes: a new copy, kept within the same budget as the file's own bytes
            # (past it the value is unknown, and a loader given it is not verified).
            if self.kept + len(encoded) > KEEP_TOTAL:
                return Opaque("bytes", len(encoded))
            self.kept += len(encoded)
            return encoded
        arguments: tuple[list[object], list[object]] | None = None  # walked once, when needed
        if key in _CALLS_ITS_ARGUMENT:
            self._runs_its_argument(key, items, offset)
        if key in _NESTED_LOADERS:
            self._nested_pickle(func, args, offset)
        elif (key in _NEWOBJ_HELPERS or key == _RECONSTRUCTOR) and items and _is_partial_class(items[0]):
            # `copyreg.__newobj__(functools.partial, f, *args)` (and `__newobj_ex__`, and
            # `_reconstructor(partial, partial, f)`) builds the partial `functools.partial(f, ...)`
            # would: judged as that call, so calling it later is judged as calling a partial.
            return self._called(items[0], f"{via} of {func.module}.{func.name}", _partial_arguments(key, items), offset)
        elif key in _NEWOBJ_HELPERS and items:
            # __newobj__(cls, *args); __newobj_ex__(cls, args, kwargs): keyword arguments reach
            # cls.__new__ as much as positional ones
            rest = items[1:] if key == ("copyreg", "__newobj__") else items[1:3]
            how = Use.NEW if all(_no_arguments(item) for item in rest) else Use.CALL
            self._used(items[0], how, f"{func.module}.{func.name}")
        elif key == _RECONSTRUCTOR and items:
            self._used(items[0], Use.NEW, "copyreg._reconstructor")
            if len(items) > 1 and isinstance(items[1], Call):
                # `base.__new__(cls, state)` on an object the file built: its own `__new__` or
                # `__init__` attribute is what runs
                self._attribute_called([items[1]], "__new__")
            elif len(items) > 1 and not (isinstance(items[1], Global) and items[1].module == "builtins"):
                self._used(items[1], Use.CALL, "copyreg._reconstructor base")
        elif key in ARGUMENT_JUDGED and use is not None:
            use.calls += 1
            result = self._judged_call(key, items, via)
            if result is not None:
                use.vetted += 1
                return result
        elif func.name.startswith("__pyx_unpickle_") and items:
            # Cython's generated unpickler: cls.__new__(cls), then its fields from the state.
            self._used(items[0], Use.NEW, f"{func.module}.{func.name}")
        else:
            # A callable may call what it is given (torch's _rebuild_from_type_v2 calls its first
            # argument with the next ones): a global passed to a call is judged as called. A class
            # the project declares itself (allow_globals, reviewed by its owners) is the exception:
            # a function given to it (a namedtuple of hyperparameters holding `F.gelu`) is judged
            # as a reference, like the same function kept in a state; a partial given to it is
            # still judged as called, since calling it runs what the file bound.
            arguments = self._arguments(items, offset)
            declared = key in self.analysis.policy.declared
            self._hand_arguments(arguments[0], declared, f"argument of {func.module}.{func.name}")
        direct, in_dicts = arguments if arguments is not None else self._arguments(items, offset)
        # The callee may call any method of what it is handed, and of a dict's values it is handed
        # (pandas' `_new_Index(cls, d)` calls `cls(**d)`); an object inside a list it is handed
        # (`set([obj])`, protocol 2's way to rebuild a set) is read as a mapping at most.
        handed = items if via != "NEWOBJ_EX" else _unpacked_arguments(items)
        handed = [*handed, *_unpacked_arguments([item for item in handed if isinstance(item, Mapping)])]
        self._given_to_call(_calls_among(handed), offset)
        self._given_to_call(direct + in_dicts, offset, _MAPPING_CALLED)
        if via.startswith("NEWOBJ") and key in _EMPTY_CONTAINERS:
            # list.__new__(list), dict.__new__(dict): an empty container, filled by APPENDS/SETITEMS
            return Seq("list") if key[1] == "list" else Mapping()
        if key == ("builtins", "dict") and not via.startswith("NEWOBJ") and len(items) <= 1:
            source = items[0] if items else Mapping()
            if isinstance(source, Mapping):
                copied = Mapping()
                for item_key, item_value in source.items.items():
                    copied.set(item_key, item_value)
                return copied
        if key in _SEQUENCE_COPIES and not via.startswith("NEWOBJ") and len(items) <= 1:
            # list(x) and tuple(x) of a list or tuple the file built: a new sequence of the same
            # items, which SETITEMS or APPENDS may then change like any list
            source = items[0] if items else Seq("tuple")
            if isinstance(source, Seq):
                copy = Seq(_SEQUENCE_COPIES[key], list(source.items))
                copy.length = source.length
                return copy
        made = Call(func, args, offset, via)
        if key in _ATTRIBUTE_BAGS and not via.startswith("NEWOBJ"):
            # SimpleNamespace(mapping) (Python 3.13+): the mapping's names become attributes
            self._hold_attributes(made, [item for item in items if isinstance(item, Mapping)])
        elif key in _STATE_SETTING_REBUILDS and len(items) > 3:
            self._build(made, items[3], offset, f"{func.module}.{func.name}'s state")
        return made

    def _objects_in_state(self, state: object) -> list[object]:
        """The objects this pickle built inside a BUILD state's containers, up to _STATE_DEPTH levels
        (a __setstate__ reads its own fields, not arbitrarily deep); every value there is looked at,
        charged to the analysis' cost."""
        found: list[object] = []
        frontier: list[object] = [state]
        seen: set[int] = set()
        for _ in range(_STATE_DEPTH):
            inner: list[object] = []
            for value in frontier:
                if isinstance(value, Seq | Mapping) and id(value) not in seen:
                    seen.add(id(value))
                    items = value.items if isinstance(value, Seq) else [*value.items.keys(), *value.items.values()]
                    self.cost += len(items)
                    inner.extend(items)
                elif isinstance(value, Call) and value is not state and id(value) not in seen:
                    seen.add(id(value))
                    found.append(value)
            frontier = inner
        for value in frontier:
            if isinstance(value, Call) and id(value) not in seen:
                seen.add(id(value))
                found.append(value)
        return found

    def _hold_attributes(self, target: Call, mappings: list[Mapping]) -> None:
        """Functions under names of `mappings` that the call making `target` set as its attributes."""
        for mapping in mappings:
            self.cost += len(mapping.items)
            for name, value in mapping.items.items():
                if isinstance(name, str) and _planted_function(value):
                    self._hold(target, name, value)

    def _held_function(self, target: Call, name: str) -> object | None:
        """The function last set as `target`'s attribute `name`, if one was."""
        held = self.attributes_of.get(id(target))
        if held is None or held[0] is not target:
            return None
        planted = [value for value in held[1].get(name, ()) if _planted_function(value)]
        return planted[-1] if planted else None

    def _judged_call(self, key: tuple[str, str], items: list[object], via: str) -> object | None:
        """The value of a vetted call of an ARGUMENT_JUDGED global, or None if not vetted."""
        first = items[0] if items else None
        if key == _GETATTR:
            attr = items[1] if len(items) == 2 else None
            if isinstance(first, Call) and isinstance(attr, str) and (planted := self._held_function(first, attr)):
                # getattr(obj, "m") of a function the file set as obj's attribute is that function
                # (the last one set), judged where it is called like any other
                return planted
            if isinstance(first, Call) and isinstance(attr, str) and attr.isidentifier() and not attr.startswith("__"):
                # getattr(instance, "method"): how a bound method of an object rebuilt in this
                # pickle is pickled (scipy's discrete distributions keep `self._entropy` in a
                # vectorize). Judged as the dotted global `Class.method`: kept as a value, a
                # library's passes; called, it needs the exact allowlist like any call.
                cls = _rebuilt_class(first)
                if cls is not None:
                    return self._global(cls.module, f"{cls.name}.{attr}", cls.offset, "getattr")
            if not isinstance(first, Global) or not isinstance(attr, str) or not attr.isidentifier():
                return None
            # getattr(cls, "name") is the dotted global `cls.name`, judged as such (specials included).
            return self._global(first.module, f"{first.name}.{attr}", first.offset, "getattr")
        if key == _PARTIAL:
            if not isinstance(first, Global):
                return None
            self._used(first, Use.REFERENCE, via)
            return Call(Global(*key, first.offset), Seq("tuple", items), first.offset, via)
        if key == _DILL_CREATE_ARRAY:  # _create_array(f, args, state, npdict): f(*args), then state
            if not isinstance(first, Global):
                return None
            self._used(first, Use.CALL, "dill._dill._create_array")
            return Opaque("ndarray")
        if key == _DILL_LOAD_TYPE:
            return Opaque("type") if isinstance(first, str) and first in _DILL_VALUE_TYPES else None
        return None

    def _nested_pickle(self, func: Global, args: object, offset: int) -> None:
        """A loader called on literal bytes: analyse those bytes as an artifact of their own."""
        use = self.uses[(func.module, func.name)]
        if not isinstance(args, Seq) or not args.items or not isinstance(args.items[0], bytes | bytearray):
            use.unverified_calls += 1
            return
        if self.depth + 1 > self.analysis.limits.max_depth:
            raise LimitExceeded("nested pickles deeper than the depth limit")
        if self.on_nested is None:
            use.unverified_calls += 1
            return
        payload = bytes(args.items[0])  # a bytearray is read as it is now (changing it later stops the analysis)
        label = f"{where(self.label, offset)} > {func.module}.{func.name} payload"
        before = len(self.analysis.issues)
        try:
            found = self.on_nested(payload, label, self.depth + 1)
        except (AnalysisError, LimitExceeded):
            found = False
        if not found or len(self.analysis.issues) > before:
            use.unverified_calls += 1

    def _report_globals(self) -> None:
        judge = self.analysis.policy.judge
        unlisted: list[_Unlisted] = []  # one finding for all of them
        dangerous: list[_Unlisted] = []  # the same
        alone: dict[str, str] = {}  # a dangerous global's message when it is the stream's only one
        own: list[_Unlisted] = []
        own_modules: dict[str, str] = {}
        for use in self.uses.values():
            if (use.module, use.name) in ARGUMENT_JUDGED and use.calls == use.vetted:
                continue  # never called, or called only on arguments that make it harmless
            verdict = judge(use.module, use.name, use.use)
            if verdict is Verdict.ALLOWED:
                continue
            if (use.module, use.name) == TORCH_BYTES_LOADER and use.via and not use.unverified_calls:
                continue  # every call loaded a literal archive that analysed clean
            dotted = f"{use.module}.{use.name}"
            plain_action = f"calls {dotted} via {use.via}" if use.via else f"imports {dotted} via {use.opcode}"
            action = f"{plain_action} (reached by {self.reached_by})" if self.reached_by else plain_action
            at = where(self.label, use.offset)
            key = f"{self.label}|{dotted}"
            if verdict is Verdict.DANGEROUS:
                effect = side_effect(use.module, use.name) or constructor_effect(use.module, use.name)
                why = f"refused: loading it {effect}" if effect else "known dangerous"
                dangerous.append((dotted, f"{plain_action} ({why})", use.offset))
                alone[dotted] = f"{action} ({why})"
            elif verdict is Verdict.OBFUSCATED:
                self.analysis.add(
                    rules.OBFUSCATED_IMPORT, at, f"{action}: dotted or malformed name outside the allowlist", key
                )
            elif use.use is not Use.CALL and (defined_in := self.analysis.policy.own_module(use.module)):
                own.append((dotted, plain_action, use.offset))
                own_modules[dotted] = defined_in
            else:
                unlisted.append((dotted, plain_action, use.offset))
        self._report_dangerous(dangerous, alone)
        self._report_unlisted(own, own_modules)
        self._report_unlisted(unlisted, None)

    def _report_dangerous(self, found: list[_Unlisted], alone: dict[str, str]) -> None:
        """The known-dangerous globals as one finding per stream, like the unlisted ones: the
        reviewer's act is one (do not load the file), and a cloudpickled function names four to
        eight of cloudpickle's builders. Each is still named with its effect (past `_LISTED`, in
        further findings), and a lone global keeps its message and key, so baselines still match."""
        reached = f" (reached by {self.reached_by})" if self.reached_by else ""
        for at, more, chunk in self._stream_chunks(found):
            if len(found) == 1:
                message = alone[chunk[0][0]]
            else:
                message = f"{len(found)} known-dangerous globals{more}: {_listed(chunk)}{reached}"
            self.analysis.add(rules.DANGEROUS_CALL_IN_PICKLE, at, message, _set_key(self.label, chunk))

    def _stream_chunks(self, found: list[_Unlisted]) -> list[tuple[str, str, list[_Unlisted]]]:
        """(where, " (i-j of n)" or "", globals) for each finding of one rule in this stream, in
        stream order: at most `_LISTED` globals each, every global in one of them."""
        found.sort(key=lambda item: (item[2] is None, item[2] or 0, item[0]))
        chunks = _chunks(found)
        return [
            (
                where(self.label, chunk[0][2]),
                f" ({start + 1}-{start + len(chunk)} of {len(found)})" if len(chunks) > 1 else "",
                chunk,
            )
            for start, chunk in chunks
        ]

    def _report_unlisted(self, found: list[_Unlisted], own_modules: dict[str, str] | None) -> None:
        """The globals outside the allowlist as one finding per stream, not one per global: the
        reviewer's act is one (vet the classes and allow them, or distrust the file), and a pickle
        of a framework nobody vetted names dozens of its classes. Every global is named (past
        `_LISTED`, in further findings of the same rule): the first names are the pickle's to
        choose, so none may hide behind "and N more". A finding's key is its set of globals, so a
        baseline accepts exactly these and a new one is a new finding."""
        reached = f" (reached by {self.reached_by})" if self.reached_by else ""
        for at, more, chunk in self._stream_chunks(found):
            if own_modules is not None:
                # The repository's own classes, rebuilt without __init__: their code is the user's own.
                places = sorted({own_modules[dotted] for dotted, _, _ in chunk})
                if len(found) == 1:
                    message = (
                        f"{chunk[0][1]}{reached}, a class defined in this repository ({places[0]}); loading runs "
                        "that code (allowed: it is your own; add it to artifacts.allow_globals to record the review)"
                    )
                else:
                    message = (
                        f"{len(found)} classes defined in this repository{more} ({', '.join(places)}): "
                        f"{_listed(chunk)}{reached}; loading runs their code (allowed: they are your own; add them "
                        "to artifacts.allow_globals to record the review)"
                    )
                self.analysis.add(rules.GLOBAL_OUTSIDE_ALLOWLIST, at, message, _set_key(self.label, chunk),
                                  severity=Severity.LOW)  # fmt: skip
                continue
            if len(found) == 1:
                message = (
                    f"{chunk[0][1]}{reached}, which is not on the allowlist (if it is your own class, add it to "
                    "artifacts.allow_globals with a reason)"
                )
            else:
                message = (
                    f"{len(found)} globals not on the allowlist{more}: {_listed(chunk)}{reached} (if they are your "
                    "own classes, add them to artifacts.allow_globals with a reason)"
                )
            self.analysis.add(rules.GLOBAL_OUTSIDE_ALLOWLIST, at, message, _set_key(self.label, chunk))

    # --- opcodes: framing and constants ---------------------------------------------------
    def op_PROTO(self, offset: int) -> None:
        self.protocol = self._u(1)
        if self.protocol > HIGHEST_PROTOCOL:
            raise self._fail(f"unsupported pickle protocol {self.protocol}", offset)

    def op_FRAME(self, offset: int) -> None:
        length = self._u(8)
        self.frame_end = self.reader.tell() + length

    def op_NONE(self, offset: int) -> None:
        self.stack.append(None)

    def op_NEWTRUE(self, offset: int) -> None:
        self.stack.append(True)

    def op_NEWFALSE(self, offset: int) -> None:
        self.stack.append(False)

    def op_INT(self, offset: int) -> None:
        text = self._line()
        if text in (b"00", b"01"):  # protocol 0's False and True
            self.stack.append(text == b"01")
            return
        if not _c_string(text):
            self.stack.append(0)  # C's strtol of nothing stops at the newline: the C unpickler reads 0
            return
        self.stack.append(self._parse_int(text, offset))

    def op_LONG(self, offset: int) -> None:
        text = self._line()
        self.stack.append(self._parse_int(text[:-1] if text.endswith(b"L") else text, offset))

    def _parse_int(self, text: bytes, offset: int) -> object:
        """An integer as the more lenient of the two unpicklers reads it: the C one parses the line
        as a C string (a NUL ends it: `1\\x00junk` is 1), with strtol in base 0 (`0x7b`, `017`
        octal, spaces, a sign), else int(text, 0) (underscores, `0o17`, trailing spaces). Digits
        past CPython's int-to-str limit are a number a loader may accept (the limit can be lifted)."""
        text = _c_string(text)
        value = _strtol_base0(text)
        if value is not None:
            return value
        try:
            return int(text, 0)
        except ValueError:
            if _DIGITS.fullmatch(text):
                return Opaque("int", len(text))
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
        text = _c_string(self._line())
        if not text:
            self.stack.append(0.0)  # nothing before the newline or a NUL: C's parser stops there
            return
        try:
            self.stack.append(float(text))
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
        value = self._blob(self._u(8), offset, "bytes")
        # mutable: SETITEM on it changes what a loader it is handed reads (see op_SETITEM)
        self.stack.append(bytearray(value) if isinstance(value, bytes) else value)

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
        self.cost += len(items)
        mapping = Mapping()
        for index in range(0, len(items) - 1, 2):
            mapping.set(items[index], items[index + 1])
        self.stack.append(mapping)

    def op_APPEND(self, offset: int) -> None:
        value = self.pop(offset)
        target = self.top(offset)
        self._partials_changed(target)
        if isinstance(target, Seq):
            target.extend([value])
        elif isinstance(target, Call):
            self._put_into(target, [value])
            # CPython's unpickler calls `extend([value])` when the object has one, else `append`.
            self._called_through_state(target, ("append", "extend"), offset)

    def op_APPENDS(self, offset: int) -> None:
        self._add_marked(offset, ("extend", "append"))

    def _add_marked(self, offset: int, methods: tuple[str, ...]) -> None:
        """APPENDS and ADDITEMS: the marked values go into a list or set, or through the object's
        own `extend`/`append`/`add` (`methods`) into anything else."""
        values = self.pop_mark(offset)
        self.cost += len(values)
        target = self.top(offset)
        self._partials_changed(target)
        if isinstance(target, Seq):
            target.extend(values)
        elif isinstance(target, Call):
            self._put_into(target, values)
            self._called_through_state(target, methods, offset)

    def _instance_called(self, target: Call, via: str, offset: int) -> None:
        """A call of an object this pickle built (REDUCE on an instance): its class's `__call__`
        runs with arguments from the file and with whatever the file set on it (a torch module's
        `forward` from its state). No framework writes this; what the state holds is judged as
        called, and the call itself is reported."""
        held = self.attributes_of.get(id(target))
        state = held[1] if held is not None and held[0] is target else _added_names(target.state, {})
        for values in state.values():
            for value in values:
                self._used(value, Use.CALL, f"{via} of a rebuilt object's attribute")
        self.executes = True
        self.analysis.add(
            rules.DANGEROUS_CALL_IN_PICKLE,
            where(self.label, offset),
            f"{via} calls an object this pickle built: its class's __call__ runs with arguments and"
            " attributes chosen by the file (no framework pickles such a call)",
            f"{self.label}|instance-call",
        )

    def _called_through_state(self, target: Call, names: tuple[str, ...], offset: int) -> None:
        """APPEND(S) on an object calls `obj.append`/`obj.extend`: the instance's own attributes
        answer before its class does, so a state that set one chose what runs."""
        held = self.attributes_of.get(id(target))
        called = held[1] if held is not None and held[0] is target else _added_names(target.state, {})
        for name in names:
            for value in called.get(name, ()):
                self._injected([value], [name], offset, "APPEND")

    def _runs_its_argument(self, key: tuple[str, str], items: list[object], offset: int, exact: bool = True) -> None:
        """A callable that calls one of its arguments (_CALLS_ITS_ARGUMENT): torch's
        `_rebuild_from_type_v2(func, type, args, state)` runs `func(*args)`, so the call is judged
        as that call of `func` (an object the file built, a partial, or the rebuild again, nested);
        a defaultdict calls its factory with nothing. `exact`: `items` are the arguments in their
        places; otherwise (unpacked from a deque or dict the file filled) every callable among
        them may be the one called. Past _RUN_NESTING nested runs the file is not fully analysed."""
        via = f"argument {_CALLS_ITS_ARGUMENT[key] + 1} of {key[0]}.{key[1]}"
        if not exact:
            for value in items:
                if isinstance(value, Global):
                    self._used(value, Use.CALL, via)
                elif isinstance(value, Call):
                    self._nested_run(self._called, value, via, Seq("tuple"), offset)
            return
        position = _CALLS_ITS_ARGUMENT[key]
        if len(items) <= position:
            return
        called = items[position]
        names = _PARAMETERS.get(key, ())
        at = names.index("args") if "args" in names else len(items)  # defaultdict: no arguments
        arguments = items[at] if at < len(items) else Seq("tuple")
        handed, handed_exact = self._unpacked(arguments)
        if isinstance(called, Global) and (called.module, called.name) in _CALLS_ITS_ARGUMENT:
            inner = (called.module, called.name)
            self._nested_run(self._runs_its_argument, inner, handed, offset, handed_exact)
        elif isinstance(called, Call):
            if not handed_exact:  # what the object's call is handed is not known in its places
                self._runs_its_argument(key, handed, offset, False)
            self._nested_run(self._called, called, via, Seq("tuple", handed), offset)

    def _nested_run(self, run: Callable[..., object], *arguments: object) -> None:
        """Run one judgement of a call a call makes (`run(*arguments)`), within _RUN_NESTING of
        each other."""
        self.runs_nested += 1
        try:
            if self.runs_nested > _RUN_NESTING:
                raise LimitExceeded(f"more than {_RUN_NESTING} calls run by calls nested in each other")
            run(*arguments)
        finally:
            self.runs_nested -= 1

    def _unpacked(self, arguments: object) -> tuple[list[object], bool]:
        """What `*arguments` hands a call, and whether in their places: a tuple's or list's items;
        a dict's keys; for an object the file built (a deque filled by APPENDS, a dict by
        SETITEMS), every value it was given, holds or had put into it, in no known order."""
        if isinstance(arguments, Seq):
            return list(arguments.items), arguments.length == len(arguments.items)
        if isinstance(arguments, Mapping):
            return list(arguments.items.keys()), False
        if isinstance(arguments, Call):
            held = self.attributes_of.get(id(arguments))
            kept = [v for values in held[1].values() for v in values] if held and held[0] is arguments else []
            given = arguments.args.items if isinstance(arguments.args, Seq) else []
            put = self.items_of.get(id(arguments))
            if put is not None and put[0] is arguments and put[2] > len(put[1]):
                limit = _PUT_CALLABLES
                raise LimitExceeded(f"an object handed on as a call's arguments holds more than {limit} callables")
            return [*given, *kept, *(put[1] if put is not None and put[0] is arguments else [])], False
        return [], True

    def op_ADDITEMS(self, offset: int) -> None:
        self._add_marked(offset, ("add",))  # `obj.add(item)` for anything but a set

    def op_SETITEM(self, offset: int) -> None:
        value = self.pop(offset)
        key = self.pop(offset)
        target = self.top(offset)
        self._partials_changed(target)
        if isinstance(target, Mapping):
            target.set(key, value)
            self._set_on_instance(target, key, value, offset)
        elif isinstance(target, Call):
            self._put_into(target, [key, value])
            self._item_of_instance(target, key, value, offset)
        elif isinstance(target, Seq):
            self._item_of_list(target, key, value)
        elif isinstance(target, bytearray):
            raise LimitExceeded(_BYTEARRAY_CHANGED)

    def op_SETITEMS(self, offset: int) -> None:
        items = self.pop_mark(offset)
        self.cost += len(items)
        target = self.top(offset)
        self._partials_changed(target)
        if isinstance(target, Mapping):
            for index in range(0, len(items) - 1, 2):
                target.set(items[index], items[index + 1])
                self._set_on_instance(target, items[index], items[index + 1], offset)
        elif isinstance(target, Call):
            self._put_into(target, items)
            for index in range(0, len(items) - 1, 2):
                self._item_of_instance(target, items[index], items[index + 1], offset)
        elif isinstance(target, bytearray):
            raise LimitExceeded(_BYTEARRAY_CHANGED)
        elif isinstance(target, Seq):
            for index in range(0, len(items) - 1, 2):
                self._item_of_list(target, items[index], items[index + 1])

    def _item_of_list(self, target: Seq, key: object, value: object) -> None:
        """SETITEM on a list: the loader runs `list.__setitem__`, so `L[0] = numpy.save` changes what
        a later call handed L holds (`func(*L)`). An index in range is followed; one past the end
        stops the real load (IndexError), and a tuple, set or frozenset refuses it (TypeError).
        Any other key (a slice built by the file, an object with `__index__`) is not followed, and
        so the file is not fully analysed."""
        if target.kind != "list":
            return
        if type(key) is not int and type(key) is not bool:
            raise LimitExceeded("SETITEM on a list with a key that is not an integer")
        index = int(key)
        if index < 0:
            index += target.length
        if 0 <= index < len(target.items):
            target.items[index] = value
        elif 0 <= index < target.length:
            raise LimitExceeded("SETITEM on a list past the items this analysis keeps")

    def _item_of_instance(self, target: Call, key: object, value: object, offset: int) -> None:
        """SETITEM on an object the pickle built (a dict subclass): classes that answer attribute
        lookups with their items (scikit-learn's Bunch, scipy's OptimizeResult, transformers'
        BatchEncoding) make an item named `__setstate__` what a later BUILD calls (an injection
        now, if callable), and one named `append`/`extend`/`add` what a later APPEND(S) or
        ADDITEMS on this object calls (kept for that). Data under those names is nothing."""
        if not isinstance(key, str):
            if _planted_function(value):  # a hook table's entry (`{0: partial(...)}`): see _carries_partial
                self._hold(target, _ITEM, value)
            return
        if key not in _CALLED_NAMES:
            if _planted_function(value):  # an attribute a later call given the object may call
                self._hold(target, key, value)
            return
        if not _callable_value(value):
            return
        if key in _SPECIAL_STATE_KEYS:
            self._injected([value], [key], offset, "SETITEM", "an object whose items may answer its attributes")
        else:
            self._hold(target, key, value)

    def _hold(self, target: Call, name: str, value: object) -> None:
        values = self._held_names(target).setdefault(name, [])
        values.append(value)
        if len(values) > _KEPT_PER_NAME:
            del values[0]  # the loader calls what was set last: keep the latest

    def _put_into(self, target: Call, values: list[object]) -> None:
        """Values put into an object the file built (a deque's APPENDS, a dict's SETITEMS): the
        callables among them are what `*target` may hand a call (items_of)."""
        entry = self.items_of.get(id(target))
        callables, count = (entry[1], entry[2]) if entry is not None and entry[0] is target else ([], 0)
        added = [value for value in values if _callable_value(value)]
        callables.extend(added[: max(0, _PUT_CALLABLES - len(callables))])
        self.items_of[id(target)] = (target, callables, count + len(added))

    def _held_names(self, target: Call) -> dict[str, list[object]]:
        held = self.attributes_of.get(id(target))
        if held is None or held[0] is not target:  # a new object, or one reusing a freed one's id
            held = self.attributes_of[id(target)] = (target, {})
        return held[1]

    def _set_on_instance(self, target: Mapping, key: object, value: object, offset: int) -> None:
        """A special name or `append`/`extend` put into a dict that is already an instance's
        attribute dict (filled after the BUILD that installed it was checked), or a function put
        there under any name, which a later call given the object may call."""
        if id(target) not in self.instance_dicts or not isinstance(key, str):
            return
        if key in _CALLED_NAMES:
            self._injected([value], [key], offset, "a later SETITEM")
        elif _planted_function(value) and (owner := self.owner_of_dict.get(id(target))) is not None:
            self._hold(owner, key, value)

    def _injected(
        self, values: list[object], names: list[str], offset: int, how: str, on: str = "an object's own attributes"
    ) -> None:
        """`how` (a BUILD, an APPEND, a later SETITEM) sets `names` where the loader calls them:
        the `values` under them run."""
        for value in values:
            self._used(value, Use.CALL, f"{how}-injected {'/'.join(names)}")
        self.executes = True
        self.analysis.add(
            rules.SPECIAL_ATTRIBUTE_INJECTION,
            where(self.label, offset),
            f"{how} sets {', '.join(names)} on {on}, so loading runs attacker-chosen code",
            f"{self.label}|{how}|{','.join(names)}",
        )

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
        self._memo_get(self._memo_index(self._line(), offset), offset)

    def op_BINGET(self, offset: int) -> None:
        self._memo_get(self._u(1), offset)

    def op_LONG_BINGET(self, offset: int) -> None:
        self._memo_get(self._u(4), offset)

    def op_PUT(self, offset: int) -> None:
        self._memo_put(self._memo_index(self._line(), offset), offset)

    def _memo_index(self, text: bytes, offset: int) -> int:
        try:
            return int(_c_string(text))
        except ValueError:
            raise self._fail("malformed memo index", offset) from None

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
        # An import, like GLOBAL: evidence that data is a pickle only once something calls it
        # (data whose first byte happens to be EXT1, a TensorFlow checkpoint index, is not).
        self.extensions += 1
        # One finding per stream (an EXT flood of distinct codes must not grow the report).
        self.analysis.add(
            rules.OBFUSCATED_IMPORT,
            where(self.label, offset),
            f"EXT opcode imports extension code {code} from copyreg's registry, resolved only at load time",
            f"{self.label}|EXT",
        )
        self.stack.append(_EXTENSION_GLOBAL)  # one shared stand-in: a flood costs a pointer per opcode

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
        kwargs = self.pop(offset)
        args = self.pop(offset)
        cls = self.pop(offset)
        empty = _no_arguments(args) and _no_arguments(kwargs)
        # cls.__new__(cls, *args, **kwargs): the keyword arguments reach it as much as the others
        self.stack.append(
            self._called(cls, "NEWOBJ_EX", Seq("tuple") if empty else Seq("tuple", [args, kwargs]), offset)
        )

    def op_BUILD(self, offset: int) -> None:
        state = self.pop(offset)
        target = self.top(offset)
        self._partials_changed(target)
        if isinstance(target, Global):
            # The loader sets the state's names on the class or function itself (`setattr(cls,
            # k, v)` for a slot state): a patch for the whole process, which no framework writes.
            patched = f"the imported {target.module}.{target.name} itself"
            self._injected(_state_values(state), _state_names(state), offset, "BUILD", patched)
        self._build(target, state, offset, "BUILD")

    def _build(self, target: object, state: object, offset: int, how: str) -> None:
        """Set `state` on `target` as the loader's BUILD does (and torch's `_set_obj_state`)."""
        self.cost += _state_size(state)
        # The state is given to the class's __setstate__ (sklearn's calls `state.pop`, torch's
        # Module `self.__dict__.update(state)`), or read with `state.items()` by the loader itself:
        # an object built here as the state is handed to a call. Objects inside it are read by what
        # __setstate__ does with its own fields (pandas passes `**state["_flags"]`, a partial's
        # `dict(kwds)`): their mapping methods count.
        if isinstance(state, Call):
            self._given_to_call([state], offset, on="BUILD")
        self._given_to_call(self._objects_in_state(state), offset, _STATE_READ_METHODS, "a __setstate__")
        injected = _special_state_keys(state)
        if injected:
            self._injected(_special_state_values(state), sorted(injected), offset, how, "an object")
        if isinstance(target, Call):
            # torch's Module answers attributes from `_modules`/`_parameters`, BatchEncoding from
            # `data`: a callable under `__setstate__` inside the state is what a later BUILD calls,
            # one under `append`/`extend`/`add` what a later APPEND(S)/ADDITEMS on it calls
            nested = _nested_called_names(state)
            special = [(name, value) for name, value in nested if name in _SPECIAL_STATE_KEYS]
            if special:
                names = sorted({name for name, _ in special})
                values = [value for _, value in special]
                self._injected(values, names, offset, how, "a dict inside an object's state")
            for name, value in nested:
                if name not in _SPECIAL_STATE_KEYS:
                    self._hold(target, name, value)
        for mapping in _attribute_mappings(state):
            # What is read from these now was taken at this BUILD; a name put into one later (a
            # memoised state or `__dict__` filled afterwards) is reported where it is put.
            self.instance_dicts[id(mapping)] = mapping
            if isinstance(target, Call):
                self.owner_of_dict[id(mapping)] = target
        if isinstance(target, Global):
            self._used(target, Use.CALL, how)  # state set on a class object itself
        if isinstance(target, Call):
            target.state = state
            held = self.attributes_of.get(id(target))
            if held is None or held[0] is not target:  # a new object, or one reusing a freed one's id
                held = self.attributes_of[id(target)] = (target, {})
            _added_names(state, held[1])
            self._check_executed_state(target, state, offset)
            rebuilt = _rebuilt_class(target)
            if rebuilt is not None and (rebuilt.module, rebuilt.name) in ARRAY_WRAPPERS:
                # joblib reads the array right here, from the attributes the object has now: only an
                # object made without its __init__ (NEWOBJ, copyreg's helpers, as joblib's pickles
                # make it) and built once has exactly the state's (the constructor's defaults, or an
                # earlier BUILD's keys, would change how many bytes joblib reads).
                if target.via not in _FRESH_OBJECT_VIAS and target.func is rebuilt:
                    raise self._fail("joblib array wrapper made by calling its class", offset)
                if id(target) in self.built_wrappers:
                    raise self._fail("joblib array wrapper built twice", offset)
                self.built_wrappers[id(target)] = target
                skip_inline_array(self.reader, state, offset, self._object_array)
                self.stack[-1] = Opaque("ndarray")

    def _check_executed_state(self, target: Call, state: object, offset: int) -> None:
        """A state field the rebuilt class's __setstate__ runs as code must hold what its library writes."""
        cls = _rebuilt_class(target)
        fields = executed_state(cls.module) if cls is not None else {}
        if cls is None or not fields:
            return
        for mapping in _state_mappings(state):
            for key, valid in fields.items():
                if key not in mapping.items:
                    continue
                value = mapping.items[key]
                if isinstance(value, str) and valid.fullmatch(value):
                    continue
                self.executes = True
                self.analysis.add(
                    rules.DANGEROUS_CALL_IN_PICKLE,
                    where(self.label, offset),
                    f"BUILD gives {cls.module}.{cls.name} a {key} that is not what its library writes; "
                    "its __setstate__ runs that field with exec() at load time",
                    f"{self.label}|executed-state|{key}",
                )

    def _object_array(self) -> None:
        self.child(f"{self.label} object array").run()

    def op_PERSID(self, offset: int) -> None:
        self.persistent_ids.append(self._line().decode("utf-8", "replace"))
        self.stack.append(Opaque("persistent"))

    def op_BINPERSID(self, offset: int) -> None:
        self.persistent_ids.append(self.pop(offset))
        self.stack.append(Opaque("persistent"))


def _arguments_in(items: list[object], opened: set[int] | None = None) -> tuple[list[object], list[object], int, int]:
    """The values among call arguments, in one walk that opens every tuple, list and dict once
    (twice when reached both directly and inside a dict): those reached through tuples and lists
    only (what a call is handed as such), those inside a dict's keys or values, how many values
    were walked and how many tuples, lists and dicts opened. Every argument is looked at: a bound
    would let a long argument hide the one that matters (the caller charges the walk to the
    analysis' cost, and stops at _ARGUMENT_LIMIT)."""
    direct: list[object] = []
    in_dicts: list[object] = []
    pending: list[tuple[object, bool]] = [(item, False) for item in items]
    seen: set[tuple[int, bool]] = set()  # a container reached both ways is opened both ways
    walked = 0
    while pending and walked <= _ARGUMENT_LIMIT:
        walked += 1
        item, inside_dict = pending.pop()
        if isinstance(item, Seq | Mapping):
            if (id(item), inside_dict) in seen:
                continue
            seen.add((id(item), inside_dict))
            if opened is not None:
                opened.add(id(item))
            if isinstance(item, Seq):
                pending.extend((value, inside_dict) for value in item.items)
            else:
                pending.extend((value, True) for value in (*item.items.keys(), *item.items.values()))
        else:
            (in_dicts if inside_dict else direct).append(item)
    return direct, in_dicts, walked, len(seen)


def _globals_in(arguments: list[object]) -> list[Global]:
    """The globals among call arguments (_arguments_in)."""
    return [item for item in arguments if isinstance(item, Global)]


def _is_partial_class(value: object) -> bool:
    return isinstance(value, Global) and (value.module, value.name) == _PARTIAL


def _partial_arguments(key: tuple[str, str], items: list[object]) -> Seq:
    """What a copyreg helper building a functools.partial hands its constructor: the function and
    the arguments to bind (`__newobj_ex__`'s keyword values among them, for judging)."""
    if key == ("copyreg", "__newobj__"):
        return Seq("tuple", items[1:])
    if key == _RECONSTRUCTOR:  # _reconstructor(cls, base, state): base.__new__(cls, state)
        return Seq("tuple", items[2:3])
    positional = items[1].items if len(items) > 1 and isinstance(items[1], Seq) else []
    keywords = list(items[2].items.values()) if len(items) > 2 and isinstance(items[2], Mapping) else []
    return Seq("tuple", [*positional, *keywords])


def _is_partial(value: Call) -> bool:
    return _is_partial_class(value.func)


def _partials_in(arguments: list[object]) -> list[Call]:
    """The functools.partial objects among call arguments (_arguments_in)."""
    return [item for item in arguments if isinstance(item, Call) and _is_partial(item)]


def _no_arguments(value: object) -> bool:
    """An empty tuple or dict (or None): what a class is given when rebuilt without arguments."""
    if value is None:
        return True
    if isinstance(value, Seq):
        return value.length == 0
    if isinstance(value, Mapping):
        return value.length == 0
    return False


_DIGITS = re.compile(rb"\s*[+-]?\d+\s*")


def _c_string(text: bytes) -> bytes:
    """A line as C code reads it: up to the first NUL. The C unpickler (pickle.load, torch.load,
    pandas) parses INT, LONG, FLOAT, GET and PUT operands this way; the pure-Python one refuses a
    NUL, but the analysis follows the loader that reads on."""
    return text.split(b"\0", 1)[0]


def _strtol_base0(text: bytes) -> int | None:
    """C's strtol(text, &end, 0) when it consumes the whole line, else None."""
    body = text.lstrip(b" \t\n\v\f\r")
    sign = 1
    if body[:1] in (b"+", b"-"):
        sign = -1 if body[:1] == b"-" else 1
        body = body[1:]
    base = 10
    if body[:2].lower() == b"0x":
        base, body = 16, body[2:]
    elif body[:1] == b"0" and len(body) > 1:
        base, body = 8, body[1:]
    if not body or len(body) > 4300:
        return None
    try:
        digits = body.decode("ascii")
        if not digits.isalnum() or not digits.isascii():
            return None
        return sign * int(digits, base)
    except (UnicodeDecodeError, ValueError):
        return None


def _encoded_bytes(items: list[object]) -> bytes | None:
    """The bytes `_codecs.encode(text[, encoding])` returns, for a latin-1 or default encoding of
    a text the pickle holds; None for any other call (judged as a call like any other)."""
    if not items or len(items) > 2 or not isinstance(items[0], str):
        return None
    encoding = items[1] if len(items) == 2 else "utf-8"
    if not isinstance(encoding, str):
        return None
    name = encoding.lower()
    try:
        if name in _LATIN1_NAMES:
            return items[0].encode("latin-1")
        if name in ("utf-8", "utf8"):
            return items[0].encode("utf-8")
    except UnicodeEncodeError:
        return None
    return None


def _calls_among(items: list[object]) -> list[object]:
    """The objects the pickle built among a call's own arguments (not those inside containers)."""
    return [item for item in items if isinstance(item, Call)]


def _unpacked_arguments(items: list[object]) -> list[object]:
    """NEWOBJ_EX's (args, kwargs): the arguments themselves."""
    unpacked: list[object] = []
    for item in items:
        if isinstance(item, Seq):
            unpacked.extend(item.items)
        elif isinstance(item, Mapping):
            unpacked.extend(item.items.values())
    return unpacked


def _partial_bound(partial: Call) -> list[object]:
    """The arguments a functools.partial gives what it wraps: those after the function in its
    call, and those its BUILD state (func, args, kwargs, dict) sets."""
    bound: list[object] = []
    if isinstance(partial.args, Seq):
        bound.extend(partial.args.items[1:])
    if isinstance(partial.state, Seq):
        bound.extend(_unpacked_arguments(partial.state.items[1:3]))
    return bound


def _partial_keywords(partial: Call) -> list[Mapping]:
    """The keyword arguments a functools.partial's BUILD state (func, args, kwargs, dict) sets."""
    state = partial.state
    if isinstance(state, Seq) and len(state.items) > 2 and isinstance(state.items[2], Mapping):
        return [state.items[2]]
    return []


def _partial_targets(partial: Call) -> list[object]:
    """What a functools.partial wraps: its first argument, or the function its BUILD state sets."""
    targets: list[object] = []
    if isinstance(partial.args, Seq) and partial.args.items:
        targets.append(partial.args.items[0])
    if isinstance(partial.state, Seq) and partial.state.items:
        targets.append(partial.state.items[0])
    return targets


def _describe(value: object) -> str:
    if isinstance(value, str):
        return repr(value[:40])
    if isinstance(value, Call):
        func = value.func
        name = f"{func.module}.{func.name}" if isinstance(func, Global) else "a computed callable"
        return f"result of {name}"
    return type(value).__name__.lower()


def _state_size(state: object) -> int:
    if isinstance(state, Mapping):
        return len(state.items)
    if isinstance(state, Seq):
        return len(state.items) + sum(len(item.items) for item in state.items[:2] if isinstance(item, Mapping))
    return 0


def _attribute_mappings(state: object) -> list[Mapping]:
    """The dicts whose names become an instance's attributes: the state's own, and the dict
    under a `__dict__` key of one (which pydantic and slot state install as the instance dict)."""
    found = []
    for mapping in _state_mappings(state):
        found.append(mapping)
        inner = mapping.items.get("__dict__")
        if isinstance(inner, Mapping):
            found.append(inner)
    return found


# Methods whose instance attributes a BUILD state may set for later: APPEND(S) and ADDITEMS call
# the first three on an object that is not a list or a set; a call reading the object as a
# mapping, or a __setstate__ reading its state, the others.
_HELD_METHODS = ("append", "extend", "add", *sorted(_STATE_READ_METHODS))
# The name under which an object's items with keys that are not names are held (a hook table).
_ITEM = "[item]"
# Values kept per name and object, the latest: the last one set is what runs, a few show more.
_KEPT_PER_NAME = 4
_PUT_CALLABLES = 64  # callables kept per object they were put into (items_of); more: not followed
_BYTEARRAY_CHANGED = "a bytearray is changed after it was read (what a loader given it reads is not known)"


def _made_without_init(call: Call) -> bool:
    """An instance rebuilt the way frameworks pickle one (NEWOBJ, copyreg's helpers): calling it
    runs its class's `__call__`. What a factory call returned (cloudpickle's skeleton class, a
    partial) is judged through that call instead."""
    if call.via in _FRESH_OBJECT_VIAS:
        return True
    func = call.func
    return isinstance(func, Global) and (func.module, func.name) in (_NEWOBJ_HELPERS | {_RECONSTRUCTOR})


def _planted_function(value: object) -> bool:
    """A global, a functools.partial or an extension's global: a value that is a function."""
    return isinstance(value, Global) or value is _EXTENSION_GLOBAL or (isinstance(value, Call) and _is_partial(value))


def _callable_value(value: object) -> bool:
    """A value that may be called: a global, or what a call returned (a partial, an object);
    not a literal, a list or a dict the pickle built."""
    return isinstance(value, (Global, Call)) or value is _EXTENSION_GLOBAL


def _nested_called_names(state: object, depth: int = 3) -> list[tuple[str, object]]:
    """(name, value) for callables under a loader-called name in dicts nested inside a state's
    attribute dicts, up to `depth` levels (bounded: states are attacker-sized)."""
    found: list[tuple[str, object]] = []
    frontier = [item for mapping in _state_mappings(state) for item in mapping.items.values()]
    for _ in range(depth):
        inner: list[object] = []
        for value in frontier[:10_000]:
            if isinstance(value, Mapping):
                for key, item in value.items.items():
                    if isinstance(key, str) and key in _CALLED_NAMES and _callable_value(item):
                        found.append((key, item))
                    inner.append(item)
        frontier = inner
    return found


def _added_names(state: object, found: dict[str, list[object]]) -> dict[str, list[object]]:
    """Add to `found` what a BUILD state puts under the names APPEND(S) and ADDITEMS call, and a
    function it sets under any other name (which a call given the object may call)."""
    for mapping in _attribute_mappings(state):
        for name, value in mapping.items.items():
            if not isinstance(name, str) or (name not in _HELD_METHODS and not _planted_function(value)):
                continue
            values = found.setdefault(name, [])
            values.append(value)
            if len(values) > _KEPT_PER_NAME:
                del values[0]  # the loader calls what the last state set: keep the latest
    return found


def _state_names(state: object) -> list[str]:
    """The names a BUILD state sets (shown in a message: at most a few)."""
    names = sorted({key[:40] for mapping in _state_mappings(state) for key in mapping.items if isinstance(key, str)})
    return names[:8] or ["no named attribute"]


def _state_values(state: object) -> list[object]:
    """The values a BUILD state sets."""
    return [value for mapping in _state_mappings(state) for value in mapping.items.values()]


def _special_state_values(state: object) -> list[object]:
    """The values a BUILD state puts under special attribute names (they get called)."""
    mappings = [state] if isinstance(state, Mapping) else []
    if isinstance(state, Seq) and state.kind == "tuple":
        mappings.extend(item for item in state.items[:2] if isinstance(item, Mapping))
    injected = _special_state_keys(state)
    return [v for m in mappings for k, v in m.items.items() if isinstance(k, str) and k in injected]


def _state_mappings(state: object) -> list[Mapping]:
    """The dicts a BUILD state sets: a dict state, (dict, slotstate), or a functools.partial's
    (func, args, kwargs, dict), whose last dict becomes the partial's attributes."""
    if isinstance(state, Mapping):
        return [state]
    if isinstance(state, Seq) and state.kind == "tuple":
        found = [item for item in state.items[:2] if isinstance(item, Mapping)]
        if len(state.items) == 4 and isinstance(state.items[3], Mapping):
            found.append(state.items[3])
        return found
    return []


def _rebuilt_class(call: Call) -> Global | None:
    """The class an instance was made from: NEWOBJ/REDUCE on the class, or copyreg's helpers."""
    func = call.func
    if not isinstance(func, Global):
        return None
    if (func.module, func.name) in (
        ("copyreg", "_reconstructor"),
        ("copyreg", "__newobj__"),
        ("copy_reg", "_reconstructor"),
    ):
        args = call.args
        first = args.items[0] if isinstance(args, Seq) and args.items else None
        return first if isinstance(first, Global) else None
    return func


def _special_state_keys(state: object) -> set[str]:
    """Special attribute names a BUILD state would set (dict state or (dict, slotstate)).

    `__dict__` holding a dict of plain names is how pydantic models (and any `__getstate__`
    returning `{"__dict__": ...}`) store their fields: the loader puts that dict in place of the
    instance's attributes, and no name in it is one the loader or Python calls. It is an
    injection only when the dict itself carries special names (`{"__dict__": {"__setstate__":
    os.system}}` followed by another BUILD)."""
    mappings = _state_mappings(state)
    found: set[str] = set()
    for mapping in mappings:
        for key, value in mapping.items.items():
            if not (isinstance(key, str) and key in _SPECIAL_STATE_KEYS):
                continue
            plain = (
                isinstance(value, Mapping)
                and not _special_state_keys(value)
                and not any(name in value.items for name in _LOADER_CALLED)
            )
            if key == "__dict__" and plain:
                continue
            found.add(key)
    return found


_Unlisted = tuple[str, str, int | None]  # a global outside the allowlist: (dotted name, action, offset)
_LISTED = 12  # globals named in one finding's message; more make further findings, never "and N more"
_LISTED_CHARACTERS = 1200  # and so many characters of them, so the message is never cut short


def _chunks(found: list[_Unlisted]) -> list[tuple[int, list[_Unlisted]]]:
    """(index of the first, globals) for each finding: at most `_LISTED` globals and about
    `_LISTED_CHARACTERS` of their text each (a single longer one stands alone)."""
    runs = chunked([action for _, action, _ in found], _LISTED, _LISTED_CHARACTERS)
    return [(start, found[start:end]) for start, end in runs]


def _listed(found: list[_Unlisted]) -> str:
    """`calls a.B via NEWOBJ @0x2d; imports c.D via GLOBAL @0x40`, in stream order."""
    return "; ".join(action if offset is None else f"{action} @{offset:#x}" for _, action, offset in found)


def _set_key(label: str, found: list[_Unlisted]) -> str:
    """A lone global keeps the key it always had (`label|a.B`), so existing baselines still match;
    a set is keyed by a digest of its names, which no name's characters can make two sets share
    (joined with `,`, the names `a.b,c.d` and `a.b` + `c.d` would)."""
    names = sorted({dotted for dotted, _, _ in found})
    return f"{label}|{names[0]}" if len(names) == 1 else f"{label}|set:{names_digest(names)}"
