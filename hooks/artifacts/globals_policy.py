"""Which globals a pickle may reach.

The verdict is an allowlist: exact `(module, qualname)` pairs that real ML files contain.
Everything else is a finding. The denylist only grades: a known-dangerous global is
critical, an unknown one high. Nothing in a project's policy can allow a denylisted global.
"""

from __future__ import annotations

import _compat_pickle
import enum
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from hooks.artifacts.allowlist_data import GENERATED_ALLOWED, GENERATED_REFUSED


class Verdict(enum.Enum):
    ALLOWED = "allowed"
    DANGEROUS = "dangerous"  # denylisted: critical
    UNKNOWN = "unknown"  # not on the allowlist: high
    OBFUSCATED = "obfuscated"  # dotted or malformed name outside the exact allowlist: critical


_IDENTIFIER_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")

# Protocol 0-2 pickles name Python 2 modules; the unpickler renames them (fix_imports), so
# `__builtin__ eval` must be judged as `builtins eval`, `cookielib Cookie` as `http.cookiejar
# Cookie` and `xmlrpclib ServerProxy` as `xmlrpc.client ServerProxy`. The renames are the
# unpickler's own tables (the standard library's _compat_pickle, which pickle itself reads), with
# a few of ours that only widen what is judged (a module the unpickler would not find is refused
# either way).
_OWN_PY2_MODULES = {
    "__builtin__": "builtins",
    "copy_reg": "copyreg",
    "cPickle": "pickle",
    "cStringIO": "io",
    "StringIO": "io",
    "exceptions": "builtins",
    "commands": "subprocess",
    "urllib2": "urllib.request",
    "httplib": "http.client",
    "Queue": "queue",
    "thread": "_thread",
    "dummy_thread": "_dummy_thread",
    "UserDict": "collections",
    "UserList": "collections",
    "__main__": "__main__",
}
_OWN_PY2_NAMES = {
    ("__builtin__", "xrange"): ("builtins", "range"),
    ("__builtin__", "unicode"): ("builtins", "str"),
    ("__builtin__", "long"): ("builtins", "int"),
    ("__builtin__", "basestring"): ("builtins", "str"),
    ("__builtin__", "reduce"): ("functools", "reduce"),
    ("__builtin__", "intern"): ("sys", "intern"),
    ("__builtin__", "raw_input"): ("builtins", "input"),
    ("__builtin__", "execfile"): ("builtins", "exec"),
    ("UserDict", "UserDict"): ("collections", "UserDict"),
    ("UserList", "UserList"): ("collections", "UserList"),
}
_PY2_MODULES: dict[str, str] = {**_OWN_PY2_MODULES, **_compat_pickle.IMPORT_MAPPING}
_PY2_NAMES: dict[tuple[str, str], tuple[str, str]] = {**_OWN_PY2_NAMES, **_compat_pickle.NAME_MAPPING}

# Modules whose every member is dangerous to reach from a pickle: process and code execution,
# import machinery, file and network I/O, nested deserialisers, package installers.
_DANGEROUS_MODULES = frozenset(
    {
        "os",
        "posix",
        "nt",
        "posixpath",
        "ntpath",
        "subprocess",
        "_posixsubprocess",
        "pty",
        "sys",
        "importlib",
        "imp",
        "pkgutil",
        "zipimport",
        "runpy",
        "code",
        "codeop",
        "ctypes",
        "_ctypes",
        "cffi",
        "socket",
        "_socket",
        "ssl",
        "shutil",
        "tempfile",
        "io",
        "_io",
        "fileinput",
        "glob",
        "linecache",
        "shelve",
        "dbm",
        "sqlite3",
        "pickle",
        "_pickle",
        "cPickle",
        "pickletools",
        "marshal",
        "dill",
        "cloudpickle",
        "torch.hub",
        # Data pipelines run a stored function over stored items when iterated (Mapper's `fn`):
        # built by a pickle, they call what the file chose on what the file chose. No model holds one.
        "torch.utils.data.datapipes",
        "torch.utils.collect_env",
        "torch.serialization",
        "torch.jit",
        "torch.package",
        "torch.utils.cpp_extension",
        "torch._dynamo",
        "torch._inductor",
        "numpy.testing",
        "numpy.lib.npyio",
        "numpy.f2py",
        "numpy.distutils",
        "pip",
        "setuptools",
        "distutils",
        "ensurepip",
        "venv",
        "webbrowser",
        "urllib",
        "http",
        "ftplib",
        "telnetlib",
        "smtplib",
        "poplib",
        "imaplib",
        "xmlrpc",
        "requests",
        "httpx",
        "aiohttp",
        "urllib3",
        "asyncio",
        "multiprocessing",
        "concurrent",
        "threading",
        "_thread",
        "signal",
        "platform",
        "timeit",
        "trace",
        "pdb",
        "bdb",
        "cProfile",
        "profile",
        "doctest",
        "unittest",
        "inspect",
        "types",
        "operator",
        "_operator",
        "functools",
        "gc",
        "weakref",
        "atexit",
        "sysconfig",
        "site",
        "IPython",
        "jupyter_client",
        "nbconvert",
        "keras.src.saving",
        "tensorflow.python.ops.script_ops",
        "langchain",
        "jinja2",
        "mako",
        # Gadgets past the obvious ones: pydoc.pipepager and pydoc.tempfilepager run a shell
        # command, pydoc.locate imports by name, logging.config.listen serves a socket that
        # execs received config, numexpr and sympy's parsers evaluate text, idlelib runs code.
        "pydoc",
        "logging.config",
        "numexpr",
        "sympy.parsing",
        "idlelib",
        "_osx_support",  # _read_output runs a shell command
        "_aix_support",
        "_pyrepl",
    }
)
_DANGEROUS_BUILTINS = frozenset(
    {
        "eval",
        "exec",
        "compile",
        "__import__",
        "open",
        "getattr",
        "setattr",
        "delattr",
        "globals",
        "locals",
        "vars",
        "input",
        "breakpoint",
        "help",
        "exit",
        "quit",
        "copyright",
        "credits",
        "license",
        "__build_class__",
        "__loader__",
        "__spec__",
        "type",
    }
)
# Exact names that are dangerous inside otherwise ordinary modules.
_DANGEROUS_EXACT = frozenset(
    {
        ("copyreg", "add_extension"),
        ("copyreg", "_inverted_registry"),
        ("copyreg", "dispatch_table"),
        ("joblib", "load"),
        ("joblib.numpy_pickle", "load"),
        ("joblib.numpy_pickle", "NumpyUnpickler"),
        ("joblib", "Parallel"),
        ("joblib", "delayed"),
        ("joblib", "Memory"),
        ("numpy", "load"),
        ("numpy", "loadtxt"),
        ("numpy", "fromfile"),
        ("numpy.lib.format", "read_array"),
        ("torch", "load"),
        ("torch", "from_file"),
        ("torch.storage", "_load_from_bytes"),
        ("pandas", "read_pickle"),
        ("pandas.io.pickle", "read_pickle"),
        ("sklearn.utils", "_joblib"),
        ("yaml", "load"),
        ("yaml", "unsafe_load"),
        ("yaml", "full_load"),
        ("uuid", "_get_command_stdout"),  # runs an executable it is given
        ("uuid", "_popen"),
        ("sympy", "sympify"),  # eval of a string
        ("sympy.core.sympify", "sympify"),
        ("sympy", "parse_expr"),
        ("pandas", "eval"),
        ("pandas.core.computation.eval", "eval"),
    }
)

# Hand-vetted pairs; the introspected framework classes live in allowlist_data.py.
_LANGCHAIN_DOCUMENTS = (
    ("langchain_core.documents.base", "Document"),
    ("langchain_core.stores", "InMemoryStore"),
    ("langchain_core.stores", "InMemoryBaseStore"),
    ("langchain_community.docstore.in_memory", "InMemoryDocstore"),
    ("langchain.docstore.in_memory", "InMemoryDocstore"),
    ("langchain.docstore.document", "Document"),
    ("langchain.schema.document", "Document"),
    ("langchain.storage.in_memory", "InMemoryStore"),
    ("langchain.storage.in_memory", "InMemoryBaseStore"),
)

# A recorded HTTP exchange (API clients' response caches, test fixtures): requests' Response and
# the request, headers and cookies it holds. Read by hand (requests 2.x models.py, structures.py,
# cookies.py; http/cookiejar.py): no custom __new__ or __del__; Response.__setstate__ sets the
# saved attributes (its properties have no setters, so a crafted name fails the load) and drops
# `raw`; RequestsCookieJar.__setstate__ restores a lock; the constructors only store their
# arguments. Their modules stay refused: `requests.get`, `requests.Session`, `http.client` reach
# the network. (A request's `hooks` run only if the application sends it again.)
_RECORDED_HTTP = (
    ("requests.models", "Response"),
    ("requests.models", "PreparedRequest"),
    ("requests.models", "Request"),
    ("requests.structures", "CaseInsensitiveDict"),
    ("requests.structures", "LookupDict"),
    ("requests.cookies", "RequestsCookieJar"),
    ("http.cookiejar", "DefaultCookiePolicy"),
    ("http.cookiejar", "Cookie"),
)

# statsmodels' state-space models (ARIMA, SARIMAX, UnobservedComponents results pickle their
# model whole): these Cython classes' __reduce__ returns the class and its constructor's
# arguments, which are typed (float/complex memoryviews, ints, floats, and each other's typed
# instances); the constructors and __setstate__ store and allocate arrays, nothing else
# (statsmodels/tsa/statespace/*.pyx.in, read by hand).
_STATSMODELS_STATESPACE = tuple(
    (f"statsmodels.tsa.statespace.{module}", f"{prefix}{name}")
    for module, name in (
        ("_representation", "Statespace"),
        ("_initialization", "Initialization"),
        ("_kalman_filter", "KalmanFilter"),
        ("_kalman_smoother", "KalmanSmoother"),
    )
    for prefix in "sdcz"
)

_CURATED_ALLOWED = frozenset(
    {
        ("collections", "OrderedDict"),
        ("collections", "defaultdict"),
        ("collections", "deque"),
        ("collections", "Counter"),
        ("datetime", "datetime"),
        ("datetime", "date"),
        ("datetime", "time"),
        ("datetime", "timedelta"),
        ("datetime", "timezone"),
        ("decimal", "Decimal"),
        # decimal.Context(prec, rounding, Emin, Emax, capitals, clamp, flags, traps): numbers and
        # the signal classes below; it stores them
        ("decimal", "Context"),
        *(
            ("decimal", signal)
            for signal in (
                "Clamped",
                "DivisionByZero",
                "FloatOperation",
                "Inexact",
                "InvalidOperation",
                "Overflow",
                "Rounded",
                "Subnormal",
                "Underflow",
            )
        ),
        ("pandas._libs.tslibs.nattype", "_nat_unpickle"),  # pandas 2's NaT: returns the NaT singleton
        ("fractions", "Fraction"),
        ("uuid", "UUID"),
        ("argparse", "Namespace"),
        ("re", "_compile"),
        ("_codecs", "encode"),
        ("codecs", "encode"),
        ("copyreg", "_reconstructor"),
        ("copyreg", "__newobj__"),
        ("copyreg", "__newobj_ex__"),
        ("enum", "Enum"),
        ("builtins", "object"),  # copyreg._reconstructor(cls, object, None): protocol 0/1 instances
        # Value types of the standard library, rebuilt from their value (no I/O on construction).
        ("collections", "UserDict"),
        ("collections", "UserList"),
        ("collections", "UserString"),
        ("ipaddress", "IPv4Address"),
        ("ipaddress", "IPv6Address"),
        ("ipaddress", "IPv4Network"),
        ("ipaddress", "IPv6Network"),
        ("ipaddress", "IPv4Interface"),
        ("ipaddress", "IPv6Interface"),
        ("zoneinfo", "ZoneInfo"),  # validates its key; reads only the system tz database
        ("types", "SimpleNamespace"),
        # Random.__reduce__ is (Random, (), state): called with no arguments it seeds from the
        # OS's random source, then setstate restores the generator; no file, no process.
        ("random", "Random"),
        ("http", "HTTPStatus"),  # an enum: calling it looks a member up by value
        ("re", "RegexFlag"),  # the same for re's flags (`re.IGNORECASE` pickles as RegexFlag(2))
        ("logging", "getLogger"),
        # pytz's own unpicklers (marked __safe_for_unpickling__): a zone rebuilt by name from
        # pytz's bundled database.
        ("pytz", "_p"),
        ("pytz", "_UTC"),  # returns (or creates) a logger object; no handler, no I/O
        # pandas 3 with pyarrow: arrow-backed columns rebuild through these.
        ("pyarrow.lib", "_restore_array"),
        ("pyarrow.lib", "py_buffer"),
        ("pyarrow.lib", "type_for_alias"),
        ("pyarrow.lib", "ChunkedArray"),
        ("pyarrow.lib", "chunked_array"),
        ("pyarrow.lib", "schema"),
        ("pyarrow.lib", "field"),
        ("pyarrow.lib", "table"),
        ("pyarrow.lib", "Table"),
        ("pyarrow.lib", "RecordBatch"),
        ("pyarrow.lib", "dictionary"),
        ("pyarrow.lib", "struct"),
        ("pyarrow.lib", "list_"),
        ("pyarrow.lib", "timestamp"),
        ("pyarrow.lib", "duration"),
        ("pyarrow.lib", "decimal128"),
        # numpy subclasses and helpers that numpy's own __reduce__ names
        ("numpy", "matrix"),
        ("numpy", "poly1d"),
        ("numpy", "record"),
        ("numpy", "recarray"),
        ("numpy.rec", "recarray"),
        ("numpy.ma", "MaskedArray"),
        ("numpy.ma.core", "MaskedConstant"),
        ("numpy.ma.core", "mvoid"),
        # Path objects: constructing one reads and writes nothing (a method call would need a
        # getattr gadget, which is denylisted).
        ("pathlib", "PurePosixPath"),
        ("pathlib", "PureWindowsPath"),
        ("pathlib", "PosixPath"),
        ("pathlib", "WindowsPath"),
        ("pathlib", "Path"),
        # TorchScript archives: their pickles are read by TorchScript's own unpickler.
        ("torch.jit._pickle", "build_intlist"),
        ("torch.jit._pickle", "build_tensorlist"),
        ("torch.jit._pickle", "build_doublelist"),
        ("torch.jit._pickle", "build_boollist"),
        ("torch.jit._pickle", "build_tensor_from_id"),
        ("torch.jit._pickle", "restore_type_tag"),
        # Lightning and Hydra checkpoints keep their hyper-parameters in these containers.
        ("pytorch_lightning.utilities.parsing", "AttributeDict"),
        ("lightning.pytorch.utilities.parsing", "AttributeDict"),
        ("lightning_fabric.utilities.data", "AttributeDict"),
        ("lightning.fabric.utilities.data", "AttributeDict"),
        ("omegaconf.dictconfig", "DictConfig"),
        ("omegaconf.listconfig", "ListConfig"),
        ("omegaconf.base", "ContainerMetadata"),
        ("omegaconf.base", "Metadata"),
        ("omegaconf.nodes", "AnyNode"),
        ("omegaconf.nodes", "StringNode"),
        ("omegaconf.nodes", "IntegerNode"),
        ("omegaconf.nodes", "FloatNode"),
        ("omegaconf.nodes", "BooleanNode"),
        ("omegaconf.nodes", "EnumNode"),
        ("omegaconf.nodes", "PathNode"),
        # Type hints stored as plain markers (omegaconf metadata, dataclass fields).
        ("typing", "Any"),
        ("typing", "Union"),
        ("typing", "Optional"),
        ("typing", "Dict"),
        ("typing", "List"),
        ("typing", "Tuple"),
        ("builtins", "set"),
        ("builtins", "frozenset"),
        ("array", "array"),  # array(typecode, items): a typed sequence of numbers
        ("array", "_array_reconstructor"),  # how array pickles (protocol 3+); refuses non-array types
        ("builtins", "complex"),
        ("builtins", "bytearray"),
        ("builtins", "bytes"),
        ("builtins", "slice"),
        ("builtins", "range"),
        ("builtins", "dict"),
        ("builtins", "list"),
        ("builtins", "tuple"),
        ("builtins", "int"),
        ("builtins", "float"),
        ("builtins", "bool"),
        ("builtins", "str"),
        ("builtins", "NoneType"),
        ("builtins", "Ellipsis"),
        ("builtins", "NotImplemented"),
        # numpy reconstructors (numpy 1.x `numpy.core`, numpy 2.x `numpy._core`)
        ("numpy", "dtype"),
        ("numpy", "ndarray"),
        ("numpy", "bool_"),
        ("numpy.core.multiarray", "_reconstruct"),
        ("numpy._core.multiarray", "_reconstruct"),
        ("numpy.core.multiarray", "scalar"),
        ("numpy._core.multiarray", "scalar"),
        ("numpy.core.numeric", "_frombuffer"),
        ("numpy._core.numeric", "_frombuffer"),
        ("numpy.ma.core", "_mareconstruct"),
        ("numpy.ma.core", "MaskedArray"),
        ("numpy.random._pickle", "__randomstate_ctor"),
        ("numpy.random._pickle", "__generator_ctor"),
        ("numpy.random._pickle", "__bit_generator_ctor"),
        ("numpy.random", "__RandomState_ctor"),
        ("numpy.random.mtrand", "RandomState"),
        ("numpy.random._generator", "Generator"),
        ("numpy.random._mt19937", "MT19937"),
        ("numpy.random._pcg64", "PCG64"),
        ("numpy.random._pcg64", "PCG64DXSM"),
        ("numpy.random._philox", "Philox"),
        ("numpy.random._sfc64", "SFC64"),
        ("numpy.random.bit_generator", "SeedSequence"),
        # joblib's array wrappers (the raw array bytes follow the wrapper in the file)
        ("joblib.numpy_pickle", "NumpyArrayWrapper"),
        ("joblib.numpy_pickle_compat", "NDArrayWrapper"),
        ("joblib.numpy_pickle_compat", "ZNDArrayWrapper"),
        ("sklearn.externals.joblib.numpy_pickle", "NumpyArrayWrapper"),
        # torch tensor and storage rebuild helpers
        ("torch._utils", "_rebuild_tensor"),
        ("torch._utils", "_rebuild_tensor_v2"),
        ("torch._utils", "_rebuild_tensor_v3"),
        ("torch._utils", "_rebuild_parameter"),
        ("torch._utils", "_rebuild_parameter_with_state"),
        ("torch._utils", "_rebuild_sparse_tensor"),
        ("torch._utils", "_rebuild_sparse_csr_tensor"),
        ("torch._utils", "_rebuild_nested_tensor"),
        ("torch._utils", "_rebuild_device_tensor_from_numpy"),
        ("torch._utils", "_rebuild_device_tensor_from_cpu_tensor"),
        ("torch._utils", "_rebuild_meta_tensor_no_storage"),
        ("torch._utils", "_rebuild_wrapper_subclass"),
        ("torch._utils", "_rebuild_qtensor"),
        ("torch._utils", "_rebuild_xla_tensor"),
        ("torch._utils", "_rebuild_mps_tensor"),
        ("torch._tensor", "_rebuild_from_type"),
        ("torch._tensor", "_rebuild_from_type_v2"),
        ("torch.serialization", "_get_layout"),
        ("torch", "Size"),
        ("torch", "memory_format"),
        ("torch", "layout"),
        ("torch", "sparse_csc"),
        ("torch", "sparse_bsr"),
        ("torch", "sparse_bsc"),
        ("torch", "_sparse_coo"),
        ("torch", "per_tensor_symmetric"),
        ("torch", "per_channel_symmetric"),
        ("torch", "per_channel_affine_float_qparams"),
        ("torch", "device"),
        ("torch", "Tensor"),
        ("torch", "dtype"),
        ("torch", "strided"),
        ("torch", "sparse_coo"),
        ("torch", "sparse_csr"),
        ("torch", "per_tensor_affine"),
        ("torch", "per_channel_affine"),
        ("torch", "contiguous_format"),
        ("torch", "channels_last"),
        ("torch", "preserve_format"),
        ("torch.nn.parameter", "Parameter"),
        ("torch.nn.parameter", "Buffer"),
        ("torch.nn.parameter", "UninitializedParameter"),
        ("torch.storage", "TypedStorage"),
        ("torch.storage", "UntypedStorage"),
        ("torch", "UntypedStorage"),
        ("torch", "TypedStorage"),
        ("torch.torch_version", "TorchVersion"),
        # LangChain's document containers, which `FAISS.save_local` and docstores pickle: pydantic
        # models (their `__setstate__` only restores fields) and plain classes holding a dict.
        *_LANGCHAIN_DOCUMENTS,
        *_RECORDED_HTTP,
        *_STATSMODELS_STATESPACE,
        # gradient-boosting libraries' model containers
        ("lightgbm.basic", "Booster"),
        ("lightgbm.sklearn", "LGBMClassifier"),
        ("lightgbm.sklearn", "LGBMRegressor"),
        ("lightgbm.sklearn", "LGBMRanker"),
        ("lightgbm.sklearn", "LGBMModel"),
        ("lightgbm.sklearn", "_LGBMLabelEncoder"),
        ("xgboost.core", "Booster"),
        ("xgboost.sklearn", "XGBModel"),
        ("xgboost.sklearn", "XGBClassifier"),
        ("xgboost.sklearn", "XGBRegressor"),
        ("xgboost.sklearn", "XGBRanker"),
        ("xgboost.sklearn", "XGBRFClassifier"),
        ("xgboost.sklearn", "XGBRFRegressor"),
    }
)

_TORCH_SCALAR_TYPES = [
    "float16",
    "float32",
    "float64",
    "bfloat16",
    "half",
    "float",
    "double",
    "complex32",
    "complex64",
    "complex128",
    "cfloat",
    "cdouble",
    "chalf",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "int8",
    "int16",
    "int32",
    "int64",
    "short",
    "int",
    "long",
    "bool",
    "qint8",
    "quint8",
    "qint32",
    "quint4x2",
    "quint2x4",
    "float8_e4m3fn",
    "float8_e5m2",
    "float8_e4m3fnuz",
    "float8_e5m2fnuz",
    "float8_e8m0fnu",
    "float4_e2m1fn_x2",
    "bits8",
    "bits16",
]
_TORCH_STORAGE_TYPES = [
    "FloatStorage",
    "DoubleStorage",
    "HalfStorage",
    "BFloat16Storage",
    "LongStorage",
    "IntStorage",
    "ShortStorage",
    "CharStorage",
    "ByteStorage",
    "BoolStorage",
    "ComplexFloatStorage",
    "ComplexDoubleStorage",
    "QInt8Storage",
    "QUInt8Storage",
    "QInt32Storage",
    "QUInt4x2Storage",
    "QUInt2x4Storage",
]

_NUMPY_SCALAR_TYPES = (
    "bool_ bool int8 int16 int32 int64 uint8 uint16 uint32 uint64 intc uintc intp uintp longlong ulonglong "
    "float16 float32 float64 longdouble complex64 complex128 clongdouble str_ bytes_ object_ void datetime64 "
    "timedelta64 half single double"
).split()


def _generated_pairs() -> frozenset[tuple[str, str]]:
    pairs = (line.split(" ", 1) for line in GENERATED_ALLOWED.splitlines() if line)
    return frozenset((module, name) for module, name in pairs)


BUILTIN_ALLOWED: frozenset[tuple[str, str]] = (
    _CURATED_ALLOWED
    | {("torch", name) for name in _TORCH_SCALAR_TYPES}
    | {("torch", name) for name in _TORCH_STORAGE_TYPES}
    | {("torch.cuda", name) for name in _TORCH_STORAGE_TYPES}
    | {("numpy", name) for name in _NUMPY_SCALAR_TYPES}
    | _generated_pairs()
)

# Bytes per element of each storage type, for skipping torch's raw storage records exactly.
STORAGE_ELEMENT_SIZES = {
    "FloatStorage": 4,
    "DoubleStorage": 8,
    "HalfStorage": 2,
    "BFloat16Storage": 2,
    "LongStorage": 8,
    "IntStorage": 4,
    "ShortStorage": 2,
    "CharStorage": 1,
    "ByteStorage": 1,
    "BoolStorage": 1,
    "ComplexFloatStorage": 8,
    "ComplexDoubleStorage": 16,
    "QInt8Storage": 1,
    "QUInt8Storage": 1,
    "QInt32Storage": 4,
    "QUInt4x2Storage": 1,
    "QUInt2x4Storage": 1,
    "UntypedStorage": 1,
}


_SPECIAL_ALLOWED = frozenset({("copyreg", "__newobj__"), ("copyreg", "__newobj_ex__")})


def resolve_name(module: str, name: str, protocol: int) -> tuple[str, str]:
    """The (module, name) the unpickler would import, applying Python 2 renames below protocol 3."""
    if protocol < 3:
        if (module, name) in _PY2_NAMES:
            return _PY2_NAMES[(module, name)]
        module = _PY2_MODULES.get(module, module)
    return module, name


def _module_is_dangerous(module: str) -> bool:
    parts = module.split(".")
    return any(".".join(parts[:i]) in _DANGEROUS_MODULES for i in range(1, len(parts) + 1))


# Harmless helpers that live inside a dangerous package (TorchScript's list builders).
_SAFE_IN_DANGEROUS_MODULES = frozenset(
    [
        *(
            ("torch.jit._pickle", name)
            for name in (
                "build_intlist",
                "build_tensorlist",
                "build_doublelist",
                "build_boollist",
                "build_tensor_from_id",
                "restore_type_tag",
            )
        ),
        # The layout of a sparse or channels-last tensor: a lookup in a table of torch.layout values.
        ("torch.serialization", "_get_layout"),
        ("types", "SimpleNamespace"),
        ("http", "HTTPStatus"),
        # `langchain` is refused as a whole (its chain loaders and tools run code); its document
        # containers are data.
        *(pair for pair in _LANGCHAIN_DOCUMENTS if pair[0].startswith("langchain.")),
        *_RECORDED_HTTP,
    ]
)

# Library classes whose construction or state restoration touches files: refused whatever the
# allowlist says, with the reason. Matched by package root and class name, so a re-export
# (`pandas.ExcelWriter`, `pandas.io.excel._base.ExcelWriter`) is the same class.
SIDE_EFFECT_CLASSES: dict[tuple[str, str], str] = {
    ("pandas", "ExcelWriter"): "creates or truncates the file it is given",
    ("pandas", "ExcelFile"): "opens the file it is given",
    ("pandas", "HDFStore"): "opens (and may create) the HDF5 file it is given",
    ("numpy", "memmap"): "maps (and with mode 'w+' creates) the file it is given",
    ("joblib", "NDArrayWrapper"): "loads a companion .npy file with allow_pickle=True",
    ("joblib", "ZNDArrayWrapper"): "reads a companion file named in the pickle",
    ("sklearn", "NDArrayWrapper"): "loads a companion .npy file with allow_pickle=True",
    ("sklearn", "ZNDArrayWrapper"): "reads a companion file named in the pickle",
}


def _generated_refused() -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """scripts/allowlist_sinks.py's findings, split by when they run: on any rebuild, or only
    when the pickle calls the class. Keyed by exact pair, and by package for a public re-export."""
    always: dict[tuple[str, str], str] = {}
    on_call: dict[tuple[str, str], str] = {}
    for line in GENERATED_REFUSED.splitlines():
        pair, when, how = [*line.split("\t"), "", ""][:3]
        module, _, name = pair.partition(" ")
        if module and name and how:
            table = always if when == "always" else on_call
            table[(module, name)] = f"reaches a file, process, network or import call ({how})"
    return always, on_call


_REFUSED_ALWAYS, _REFUSED_ON_CALL = _generated_refused()


def _refused_in(table: dict[tuple[str, str], str], module: str, name: str) -> str | None:
    found = table.get((module, name))
    if found is None and "." not in module:  # a public re-export: `pandas.X` for `pandas.io.x.X`
        found = next(
            (why for (owner, entry), why in table.items() if entry == name and owner.startswith(module + ".")), None
        )
    return found


# State fields that a library's state restoration runs as code, with what the library itself
# writes there. scipy.stats distributions keep the source of their argument parsers in
# `_parse_arg_template` and `__setstate__` exec()s it: any other text is code run at load time.
# Found by running scripts/allowlist_sinks.py over scipy's classes (rv_generic.__setstate__ ->
# _attach_methods -> _attach_argparser_methods calls exec).
_SCIPY_ARGPARSER = re.compile(
    "".join(
        re.escape(part) if index % 2 == 0 else r"[A-Za-z0-9_=, ]*"
        for index, part in enumerate(
            re.split(
                r"(%\((?:shape_arg_str|locscale_in|locscale_out)\)s)",
                "\ndef _parse_args(self, %(shape_arg_str)s %(locscale_in)s):\n"
                "    return (%(shape_arg_str)s), %(locscale_out)s\n\n"
                "def _parse_args_rvs(self, %(shape_arg_str)s %(locscale_in)s, size=None):\n"
                "    return self._argcheck_rvs(%(shape_arg_str)s %(locscale_out)s, size=size)\n\n"
                "def _parse_args_stats(self, %(shape_arg_str)s %(locscale_in)s, moments='mv'):\n"
                "    return (%(shape_arg_str)s), %(locscale_out)s, moments\n",
            )
        )
    )
)
EXECUTED_STATE: dict[str, dict[str, re.Pattern[str]]] = {"scipy.stats": {"_parse_arg_template": _SCIPY_ARGPARSER}}


def executed_state(module: str) -> dict[str, re.Pattern[str]]:
    """The state fields this module's classes run as code on restoration, and their only valid form."""
    return next(
        (fields for prefix, fields in EXECUTED_STATE.items() if module == prefix or module.startswith(prefix + ".")), {}
    )


def side_effect(module: str, name: str) -> str | None:
    """Why rebuilding this global touches files, processes or the network, if it is such a library class."""
    root, last = module.split(".", 1)[0], name.rsplit(".", 1)[-1]
    return SIDE_EFFECT_CLASSES.get((root, last)) or _refused_in(_REFUSED_ALWAYS, module, name)


def constructor_effect(module: str, name: str) -> str | None:
    """Why calling this class (its `__init__`, which a plain rebuild skips) touches files, processes or the network."""
    return _refused_in(_REFUSED_ON_CALL, module, name)


def is_dangerous(module: str, name: str) -> bool:
    if (module, name) in _SAFE_IN_DANGEROUS_MODULES:
        return False
    if "." in name and _IDENTIFIER_PATH.fullmatch(name):
        # `torch` `utils.collect_env.run`: the loader walks the attributes, so the name is also the
        # dotted module path's own (`torch.utils.collect_env` `run`), judged at every split
        parts = name.split(".")
        for split in range(1, len(parts)):
            inner_module, inner_name = f"{module}.{'.'.join(parts[:split])}", ".".join(parts[split:])
            if (inner_module, inner_name) not in _SAFE_IN_DANGEROUS_MODULES and (
                _module_is_dangerous(inner_module) or (inner_module, inner_name) in _DANGEROUS_EXACT
            ):
                return True
    if side_effect(module, name) is not None:
        return True
    if _module_is_dangerous(module) or (module, name) in _DANGEROUS_EXACT:
        return True
    parts = name.split(".")
    if module == "builtins" and parts[0] in _DANGEROUS_BUILTINS:
        return True
    # A dotted name walks attributes at load time (`numpy.__builtins__.eval` style); special
    # attributes are the way out of any module.
    return any(_is_special(part) for part in parts) and (module, name) not in _SPECIAL_ALLOWED


def _is_special(part: str) -> bool:
    return len(part) > 4 and part.startswith("__") and part.endswith("__")


class Use(enum.IntEnum):
    """How a pickle uses a global, least to most powerful: what the unpickler does with it."""

    REFERENCE = 0  # imported and kept as a value (a score function, a ufunc): nothing is called
    NEW = 1  # a class rebuilt without its __init__ (NEWOBJ, copyreg.__newobj__/_reconstructor)
    CALL = 2  # called with arguments from the file (REDUCE, INST, OBJ, BUILD on it)


# Packages whose code the user already runs and trusts: importing one of their names and keeping
# it as a value, or rebuilding one of their classes without __init__, runs nothing chosen by the
# file. Calls are not judged by this: a call needs the exact allowlist (or an argument check).
LIBRARY_ROOTS = frozenset(
    {
        "numpy",
        "scipy",
        "sklearn",
        "pandas",
        "pyarrow",
        "torch",
        "torchvision",
        "torchaudio",
        "transformers",
        "accelerate",
        "tokenizers",
        "peft",
        "timm",
        "lightgbm",
        "xgboost",
        "catboost",
        "statsmodels",
        "patsy",
        "lightning",
        "pytorch_lightning",
        "lightning_fabric",
        "omegaconf",
        # forecasting and scientific-data libraries whose fitted models are pickled whole
        # (darts keeps its series as xarray DataArrays)
        "xarray",
        "darts",
        "sktime",
        "pmdarima",
        "prophet",
        "statsforecast",
        "gensim",
        "sentence_transformers",
        # scikit-learn-compatible estimators pickled inside pipelines (imbalanced-learn's Pipeline
        # and samplers, category_encoders, feature_engine's transformers)
        "imblearn",
        "category_encoders",
        "feature_engine",
        # fitted models pickled whole: survival (lifelines, with formulaic's formulas), online
        # learning (river), graphs (networkx), tuning studies (optuna), NLTK's trained taggers
        # and tokenizers, clustering (hdbscan), explainers (shap, slicer), Prophet's Stan fit
        "lifelines",
        "formulaic",
        "river",
        "networkx",
        "optuna",
        "nltk",
        "hdbscan",
        "shap",
        "slicer",
        "cmdstanpy",
        "builtins",
        "collections",
        "datetime",
        "decimal",
        "fractions",
        "ipaddress",
        "zoneinfo",
        "enum",
        "uuid",
        "numbers",
        "typing",
        "math",
        "cmath",
        "array",
        "string",
        "re",
        "calendar",
        "pytz",
        "dateutil",
    }
)
# Classmethods that classes name in their own __reduce__ to rebuild an instance from its value
# (`getattr(ZoneInfo, "_unpickle")`): calling one through getattr is the class's own unpickler.
_UNPICKLER_METHODS = frozenset({"_unpickle", "_reconstruct", "_restore", "fromkeys", "_from_pickle"})


_TEST_PARTS = frozenset({"tests", "test", "testing", "_testing", "conftest"})


def _through_module(name: str) -> tuple[str, str] | None:
    """(module, rest) when a dotted name passes through a standard-library module (`os.system`,
    `utils.subprocess.run`): the library's namespace holds that module, not a class of its own."""
    parts = name.split(".")
    for index, part in enumerate(parts[:-1]):
        if part in sys.stdlib_module_names:
            return part, ".".join(parts[index + 1 :])
    return None


def _prefixes(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)]


# `torch._C._VariableFunctionsClass.<op>`: the name under which pickle refers to torch's functions.
_TORCH_OPERATOR = re.compile(r"_VariableFunctionsClass\.[A-Za-z_][A-Za-z0-9_]*")


class GlobalsPolicy:
    """The built-in allowlist plus a project's own `allow_globals` (never over the denylist)."""

    def __init__(self, extra_allowed: Iterable[tuple[str, str]] = (), project_root: Path | None = None) -> None:
        self.declared = frozenset(extra_allowed) - BUILTIN_ALLOWED  # the project's own allow_globals
        self.allowed = BUILTIN_ALLOWED | self.declared
        self._root = project_root
        self._own: dict[str, str | None] = {}

    def own_module(self, module: str) -> str | None:
        """The repository file that defines `module` (the project being scanned), if any.

        A module path is resolved as the interpreter would from the repository root or its
        `src/` folder: `pkg/mod.py` or `pkg/mod/__init__.py`. Never imported, only located."""
        if self._root is None or not _IDENTIFIER_PATH.fullmatch(module):
            return None
        if module not in self._own:
            found = None
            relative = module.replace(".", "/")
            for base in (self._root, self._root / "src"):
                for candidate in (base / f"{relative}.py", base / relative / "__init__.py"):
                    try:
                        if candidate.is_file() and not candidate.is_symlink():
                            found = candidate.relative_to(self._root).as_posix()
                            break
                    except OSError:
                        continue
                if found:
                    break
            self._own[module] = found
        return self._own[module]

    def classify(self, module: str, name: str) -> Verdict:
        if is_dangerous(module, name):
            return Verdict.DANGEROUS
        if (module, name) in self.allowed:
            return Verdict.ALLOWED
        if module == "torch.return_types" and name.isidentifier():
            # structseq result types (torch.max's values/indices): called with a tuple, they
            # build a named tuple and nothing else.
            return Verdict.ALLOWED
        if (module == "__torch__" or module.startswith("__torch__.")) and _IDENTIFIER_PATH.fullmatch(name):
            # TorchScript class names: no Python module by that name exists to import, and
            # TorchScript's unpickler resolves them from the archive's own code.
            return Verdict.ALLOWED
        if not _IDENTIFIER_PATH.fullmatch(module) or not _IDENTIFIER_PATH.fullmatch(name) or "." in name:
            return Verdict.OBFUSCATED
        return Verdict.UNKNOWN

    def judge(self, module: str, name: str, use: Use) -> Verdict:
        """The verdict for a global used this way (see `Use`): `classify` for calls, and for
        references and instance rebuilds a library's own names are accepted."""
        verdict = self.classify(module, name)
        if verdict is Verdict.ALLOWED and use is Use.CALL and constructor_effect(module, name):
            return Verdict.DANGEROUS
        if (
            use is Use.REFERENCE
            and module == "torch._C"
            and _TORCH_OPERATOR.fullmatch(name)
            and not is_dangerous("torch", name.rsplit(".", 1)[-1])  # the denylist names them under torch
        ):
            # How torch's own functions pickle by reference (`torch.relu` is written as
            # `torch._C._VariableFunctionsClass.relu`): a function kept in a config, not called.
            return Verdict.ALLOWED
        if verdict is Verdict.ALLOWED or verdict is Verdict.DANGEROUS:
            return verdict
        if not _IDENTIFIER_PATH.fullmatch(module) or not _IDENTIFIER_PATH.fullmatch(name):
            return Verdict.OBFUSCATED
        if module.split(".", 1)[0] not in LIBRARY_ROOTS or _TEST_PARTS.intersection(module.split(".")):
            # a library's test helpers (`sklearn.utils._testing` runs scripts) are no model's
            return verdict
        through = _through_module(name)
        if through is not None:
            # `torch` `os.system`: the dotted path walks out of the library into a module it
            # imported, and what it names is that module's (a hook or finaliser may call it later)
            inner = self.classify(*through)
            return Verdict.DANGEROUS if inner is Verdict.DANGEROUS else Verdict.OBFUSCATED
        last = name.rsplit(".", 1)[-1]
        if "." not in name and any((prefix, name) in self.allowed for prefix in _prefixes(module)):
            return Verdict.ALLOWED  # a public re-export of an allowed class (pandas.PeriodDtype)
        if use is Use.REFERENCE or (use is Use.NEW and "." not in name):
            return Verdict.ALLOWED
        if "." in name and last in _UNPICKLER_METHODS and (module, name.rsplit(".", 1)[0]) in self.allowed:
            # the unpickler of a class the allowlist names (`ZoneInfo._unpickle`); a dotted path
            # through something else (`combining.copymodule._reconstruct`, the stdlib copy module
            # under another name) is not a class's own unpickler
            return Verdict.ALLOWED
        return verdict
