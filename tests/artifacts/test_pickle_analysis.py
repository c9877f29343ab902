"""The symbolic pickle machine: every technique has a positive case and a safe look-alike."""

from __future__ import annotations

import collections
import io
import pickle
import subprocess
import time
from pathlib import Path

import pytest

from hooks._core.findings import Severity
from hooks._core.policy import Policy
from hooks.artifacts import reader as reader_module
from hooks.artifacts.spec import SPEC as ARTIFACTS_SPEC
from tests import pickle_asm as asm
from tests.artifacts.helpers import Payload, canary_command, malicious_pickle, rules, scan_bytes
from tests.scanning import findings_of


@pytest.mark.parametrize("protocol", range(6))
def test_reduce_of_os_system_is_critical_at_every_protocol(tmp_path: Path, protocol: int) -> None:
    findings = scan_bytes(tmp_path, "model.pkl", malicious_pickle(tmp_path / "canary", protocol))
    assert rules(findings) == ["MLS101"]
    assert findings[0].severity is Severity.CRITICAL
    assert "system via REDUCE" in findings[0].message
    assert not (tmp_path / "canary").exists()


@pytest.mark.parametrize("protocol", range(6))
def test_plain_data_pickles_are_clean_at_every_protocol(tmp_path: Path, protocol: int) -> None:
    data = {"weights": [1.5, 2.5], "name": "model", "shape": (2, 3), "tags": {"a", "b"}, "blob": b"\x00" * 300}
    data["ordered"] = collections.OrderedDict(a=1)  # type: ignore[assignment]
    assert scan_bytes(tmp_path, "data.pkl", pickle.dumps(data, protocol=protocol)) == []


def test_subprocess_popen_is_critical(tmp_path: Path) -> None:
    data = pickle.dumps(Payload(subprocess.Popen, ["true"]), protocol=4)
    findings = scan_bytes(tmp_path, "m.pkl", data)
    assert rules(findings) == ["MLS101"]
    assert "subprocess.Popen" in findings[0].message


def test_eval_through_stack_global(tmp_path: Path) -> None:
    data = asm.proto(4) + asm.text("builtins") + asm.text("eval") + asm.STACK_GLOBAL
    data += asm.text("1+1") + asm.TUPLE1 + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "m.pkl", data)) == ["MLS101"]


def test_stack_global_operands_fetched_from_the_memo(tmp_path: Path) -> None:
    data = asm.proto(4) + asm.text("os") + asm.binput(0) + asm.text("system") + asm.binput(1)
    data += asm.POP + asm.POP + asm.binget(0) + asm.binget(1) + asm.STACK_GLOBAL
    data += asm.text("id") + asm.TUPLE1 + asm.REDUCE + asm.STOP
    findings = scan_bytes(tmp_path, "m.pkl", data)
    assert rules(findings) == ["MLS101"]
    assert "os.system" in findings[0].message


def test_memo_lookalike_of_allowed_names_is_clean(tmp_path: Path) -> None:
    data = asm.proto(4) + asm.text("collections") + asm.binput(0) + asm.text("OrderedDict") + asm.binput(1)
    data += asm.POP + asm.POP + asm.binget(0) + asm.binget(1) + asm.STACK_GLOBAL
    data += asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    assert scan_bytes(tmp_path, "m.pkl", data) == []


def test_inst_and_obj_opcodes_call_their_class(tmp_path: Path) -> None:
    inst = asm.MARK + asm.text("id") + asm.inst("os", "system") + asm.STOP
    obj = asm.MARK + asm.global_("os", "system") + asm.text("id") + asm.OBJ + asm.STOP
    assert "via INST" in scan_bytes(tmp_path, "a.pkl", inst)[0].message
    assert "via OBJ" in scan_bytes(tmp_path, "b.pkl", obj)[0].message


def test_ext_opcode_is_an_obfuscated_import(tmp_path: Path) -> None:
    data = asm.proto(2) + asm.ext1(42) + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    findings = scan_bytes(tmp_path, "m.pkl", data)
    assert rules(findings) == ["MLS103"]
    assert "extension code 42" in findings[0].message


def test_computed_global_name_is_critical(tmp_path: Path) -> None:
    # STACK_GLOBAL whose name is the *result* of a call: resolved only at load time.
    data = asm.proto(4) + asm.text("os") + asm.global_("builtins", "str") + asm.text("system")
    data += asm.TUPLE1 + asm.REDUCE + asm.STACK_GLOBAL + asm.STOP
    findings = scan_bytes(tmp_path, "m.pkl", data)
    assert "MLS103" in rules(findings)
    assert "computed at load time" in next(f for f in findings if f.rule_id == "MLS103").message


def test_dotted_name_walking_out_of_an_allowed_module(tmp_path: Path) -> None:
    # Kept as a value, a library method is harmless; called, a dotted name is obfuscation.
    reference = asm.proto(4) + asm.text("collections") + asm.text("OrderedDict.popitem") + asm.STACK_GLOBAL
    assert rules(scan_bytes(tmp_path, "r.pkl", reference + asm.STOP)) == []
    called = reference + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "a.pkl", called)) == ["MLS103"]
    dunder = asm.proto(4) + asm.text("numpy") + asm.text("__builtins__.eval") + asm.STACK_GLOBAL + asm.STOP
    assert rules(scan_bytes(tmp_path, "b.pkl", dunder)) == ["MLS101"]


def test_build_injecting_setstate_is_critical(tmp_path: Path) -> None:
    data = asm.proto(2) + asm.global_("collections", "OrderedDict") + asm.EMPTY_TUPLE + asm.REDUCE
    data += asm.NONE + asm.EMPTY_DICT + asm.text("__setstate__") + asm.global_("builtins", "print") + asm.SETITEM
    data += asm.TUPLE2 + asm.BUILD + asm.text("x") + asm.BUILD + asm.STOP
    found = rules(scan_bytes(tmp_path, "m.pkl", data))
    assert "MLS104" in found
    assert "MLS102" in found  # builtins.print is not allowlisted either


def test_build_with_ordinary_state_is_clean(tmp_path: Path) -> None:
    data = asm.proto(2) + asm.global_("argparse", "Namespace") + asm.EMPTY_TUPLE + asm.REDUCE
    data += asm.EMPTY_DICT + asm.text("lr") + asm.binint(3) + asm.SETITEM + asm.BUILD + asm.STOP
    assert scan_bytes(tmp_path, "m.pkl", data) == []


def test_second_stream_after_stop_is_found_and_analysed(tmp_path: Path) -> None:
    data = pickle.dumps({"ok": 1}, protocol=2) + malicious_pickle(tmp_path / "c", 2)
    found = rules(scan_bytes(tmp_path, "m.pkl", data))
    assert found == ["MLS101", "MLS105"]


def test_trailing_bytes_after_stop(tmp_path: Path) -> None:
    data = pickle.dumps([1, 2], protocol=2) + b"\xff\xfe\xfd"
    findings = scan_bytes(tmp_path, "m.pkl", data)
    assert rules(findings) == ["MLS105"]
    assert "after the pickle's STOP" in findings[0].message


def test_broken_stream_after_payload_reports_payload_at_full_severity(tmp_path: Path) -> None:
    payload = malicious_pickle(tmp_path / "c", 2)[:-1]  # drop STOP
    data = payload + b"\xfe"  # an opcode that does not exist (nullifAI style)
    findings = scan_bytes(tmp_path, "m.pkl", data)
    assert rules(findings) == ["MLS101", "MLS901"]
    assert next(f for f in findings if f.rule_id == "MLS101").severity is Severity.CRITICAL


def test_truncated_pickle_is_a_finding(tmp_path: Path) -> None:
    data = pickle.dumps({"a": list(range(50))}, protocol=4)[:-10]
    findings = scan_bytes(tmp_path, "m.pkl", data)
    assert rules(findings) == ["MLS901"]
    assert "truncated" in findings[0].message


@pytest.mark.parametrize(
    "data",
    [
        b"I pretended to be a tarball",  # text named like an archive: INT cannot parse it
        b"N!",  # an unknown opcode after a constant
        b"0000",  # POP on an empty stack
        b"(lp0\nI1\naI2\na",  # protocol 0 list, no STOP
        b"PK I pretended to be a zip file",  # a persistent id for the loader's own persistent_load
        b"blah\n",  # BUILD with nothing on the stack: unpicklers take operands before acting
        b"(I1\nI2\ntR",  # REDUCE finds arguments but no callable under them
    ],
)
def test_stream_breaking_before_anything_acts_is_low(tmp_path: Path, data: bytes) -> None:
    """A short text file whose pickle breaks before any opcode that imports, calls or builds: every
    loader raises at the same byte having run nothing. Still reported (fail closed), not blocking."""
    findings = scan_bytes(tmp_path, "model.pth", data)
    assert rules(findings) == ["MLS901"]
    assert findings[0].severity is Severity.LOW
    assert "before any opcode that imports, calls or builds" in findings[0].message


@pytest.mark.parametrize(
    "prefix",
    [b"I0\x00\n0", b"\x80\x02L5\x00L\n0", b"F\x00\n0", b"I\n0", b"I" + b"7" * 5000 + b"\n0"],
)
def test_numeric_operands_are_read_as_the_c_unpickler_reads_them(tmp_path: Path, prefix: bytes) -> None:
    """pickle.load, torch.load and pandas parse INT/LONG/FLOAT/GET/PUT operands as C strings (a NUL
    ends them; an empty INT is 0) and may lift the int-digit limit: the stream goes on, and so does
    the analysis, to the payload behind."""
    data = prefix + b"cos\nsystem\n(S'" + canary_command(tmp_path / "c").encode() + b"'\ntR."
    assert "MLS101" in rules(scan_bytes(tmp_path, "model.pkl", data))


def test_a_broken_first_stream_stays_blocking_where_a_loader_reads_another_format(tmp_path: Path) -> None:
    """A zip after the broken pickle (pandas' read_pickle of `.zip` and zipfile read from the end),
    an HDF5 superblock behind a user block (h5py finds it at 512), or the bytes come through a
    decompressor whose error is not the unpickler's: not the low "every loader fails" case."""
    import gzip
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.pkl", malicious_pickle(tmp_path / "c"))
    cases = {
        "binary.pkl": pickle.dumps({"a": list(range(50))}, protocol=4)[:-10],  # not text: not shown harmless
        "joblib.pkl": b"BZ" + b"h" * 40,  # joblib reads bz2 behind this prefix, not a pickle
        "a.pkl.zip": b"\x80\x04K\x01\xff" + buffer.getvalue(),
        "b.h5": b"\x80\x02\xff" + b"\x00" * 509 + b"\x89HDF\r\n\x1a\n" + b"\x00" * 64,
        "c.pkl.gz": gzip.compress(b"\x80\x02\xff"),
    }
    for name, data in cases.items():
        broken = [f for f in scan_bytes(tmp_path, name, data) if f.rule_id == "MLS901"]
        assert broken and all(f.severity.rank >= Severity.MEDIUM.rank for f in broken), (name, broken)


@pytest.mark.parametrize(
    "data",
    [
        pickle.dumps(collections.OrderedDict(a=1), protocol=2)[:-3],  # a global resolved, then cut
        b"cos\nsys",  # the break is inside GLOBAL's own operand: the import may already be under way
        b"I1\n(I2\ntR",  # REDUCE took its operands (a call was made), then the data ends
        b"(I1\nios\nsystem\n0",  # INST without a MARK under it: joblib's unpickler imports first
        b"S'" + b"a" * (1 << 17) + b"'\ncos\nsystem\n(S'id'\ntR.",  # a line past this analysis' cap
    ],
)
def test_stream_breaking_after_an_acting_opcode_or_at_a_cap_keeps_blocking(tmp_path: Path, data: bytes) -> None:
    findings = scan_bytes(tmp_path, "model.pth", data)
    broken = [f for f in findings if f.rule_id == "MLS901"]
    assert broken, rules(findings)
    assert all(f.severity.rank >= Severity.MEDIUM.rank for f in broken)


def test_unknown_class_is_high_and_policy_can_allow_it(tmp_path: Path) -> None:
    data = asm.proto(2) + asm.global_("mypkg.models", "Net") + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.STOP
    findings = scan_bytes(tmp_path, "m.pkl", data)
    assert rules(findings) == ["MLS102"]
    assert findings[0].severity is Severity.HIGH
    policy = Policy(
        root=tmp_path,
        sections={"artifacts": {"allow_globals": [{"module": "mypkg.models", "name": "Net", "reason": "ours"}]}},
    )
    assert scan_bytes(tmp_path, "m.pkl", data, policy) == []


def test_python2_builtin_names_are_judged_as_python3_names(tmp_path: Path) -> None:
    bad = asm.call("__builtin__", "eval", "1", protocol=2)
    assert rules(scan_bytes(tmp_path, "a.pkl", bad)) == ["MLS101"]
    ok = asm.proto(2) + asm.global_("__builtin__", "set") + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    assert scan_bytes(tmp_path, "b.pkl", ok) == []


def test_nested_pickle_passed_to_a_loader_is_analysed(tmp_path: Path) -> None:
    inner = malicious_pickle(tmp_path / "c", 2)
    data = asm.proto(2) + asm.global_("_pickle", "loads") + asm.binbytes(inner) + asm.TUPLE1 + asm.REDUCE + asm.STOP
    findings = scan_bytes(tmp_path, "m.pkl", data)
    messages = " | ".join(f.message for f in findings)
    assert rules(findings) == ["MLS101", "MLS101"]
    assert "_pickle.loads payload@0x" in messages and "posix.system" in messages


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("builtins", "getattr"),
        ("importlib", "import_module"),
        ("runpy", "_run_code"),
        ("pip", "main"),
        ("asyncio.unix_events", "_UnixSubprocessTransport"),
        ("torch.serialization", "load"),
        ("numpy.testing._private.utils", "runstring"),
        ("operator", "attrgetter"),
        ("code", "InteractiveInterpreter"),
        ("ctypes", "CDLL"),
    ],
)
def test_denylisted_globals_are_critical(tmp_path: Path, module: str, name: str) -> None:
    findings = scan_bytes(tmp_path, "m.pkl", asm.call(module, name, "x"))
    assert rules(findings) == ["MLS101"]


def test_large_byte_arguments_are_skipped_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    size = 300 << 20
    path = tmp_path / "big.pkl"
    with path.open("wb") as handle:
        handle.write(asm.proto(4) + asm.binbytes8(size))
        handle.seek(size, io.SEEK_CUR)  # sparse: the test itself never writes 300 MiB
        handle.write(asm.STOP)
    largest: list[int] = [0]
    original = reader_module.ByteReader.read

    def spy(self: reader_module.ByteReader, count: int) -> bytes:
        largest[0] = max(largest[0], count)
        return original(self, count)

    monkeypatch.setattr(reader_module.ByteReader, "read", spy)

    assert findings_of(ARTIFACTS_SPEC, path, "big.pkl", Policy(root=tmp_path)) == []
    assert largest[0] < 1 << 20


def test_text_files_that_start_like_opcodes_are_not_artifacts(tmp_path: Path) -> None:
    for name, content in [
        ("a.py", "class Foo:\n    pass\n"),
        ("b.py", "import os\nos.getcwd()\n"),
        ("c.md", "(see below)\n"),
        ("d.txt", "I like cake.\n"),
        ("e.txt", "c is for cookie\nthat is good enough for me\n"),
        ("f.csv", "0,1,2\n3,4,5\n"),
        ("g.txt", "(lp0\nI1\na."),  # a data-only protocol-0 pickle under a text name: harmless
    ]:
        assert scan_bytes(tmp_path, name, content.encode()) == [], name


def test_protocol0_payload_under_a_text_name_is_found(tmp_path: Path) -> None:
    data = b"cos\nsystem\n(S'" + canary_command(tmp_path / "c").encode() + b"'\ntR."
    assert rules(scan_bytes(tmp_path, "notes.txt", data)) == ["MLS101"]


def test_artifact_named_garbage_fails_closed(tmp_path: Path) -> None:
    import random

    for seed in range(20):  # seeded: random bytes can spell an EXT code or a global by chance (then MLS103)
        garbage = random.Random(seed).randbytes(64).replace(b"\x80", b"\x00").replace(b"(", b"\x00")
        findings = scan_bytes(tmp_path, "weights.bin", garbage)
        assert {"MLS901", "MLS902"} & set(rules(findings)), (seed, rules(findings))
    assert rules(scan_bytes(tmp_path, "empty.pt", b"")) == ["MLS902"]


def test_opcode_budget_fails_closed(tmp_path: Path) -> None:
    from hooks.artifacts.analysis import Analysis, Limits
    from hooks.artifacts.errors import LimitExceeded
    from hooks.artifacts.globals_policy import GlobalsPolicy
    from hooks.artifacts.walker import Walker

    data = asm.proto(2) + asm.EMPTY_LIST + (asm.NONE + asm.APPEND) * 70_000 + asm.STOP
    analysis = Analysis(GlobalsPolicy(), Limits(max_opcodes=1000))
    with pytest.raises(LimitExceeded):
        Walker(analysis).walk_file(io.BytesIO(data), len(data), "m.pkl")


def test_checkpoint_containers_and_torchscript_names_are_allowed(tmp_path: Path) -> None:
    data = asm.proto(2) + asm.global_("pathlib", "PosixPath") + asm.text("/srv/run") + asm.TUPLE1 + asm.REDUCE
    data += asm.POP + asm.global_("__torch__.model", "Net") + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.POP
    data += asm.global_("torch.jit._pickle", "build_intlist") + asm.EMPTY_LIST + asm.TUPLE1 + asm.REDUCE + asm.POP
    data += asm.global_("omegaconf.dictconfig", "DictConfig") + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.STOP
    assert scan_bytes(tmp_path, "m.ckpt", data) == []


def test_look_alikes_of_those_names_are_not(tmp_path: Path) -> None:
    walk = asm.proto(4) + asm.text("pathlib") + asm.text("Path.write_text") + asm.STACK_GLOBAL + asm.STOP
    assert rules(scan_bytes(tmp_path, "a.pkl", walk)) == ["MLS103"]
    jit_load = asm.call("torch.jit._pickle", "load", "x")
    assert rules(scan_bytes(tmp_path, "b.pkl", jit_load)) == ["MLS101"]
    torchscript_walk = (
        asm.proto(4) + asm.text("__torch__") + asm.text("__builtins__.eval") + asm.STACK_GLOBAL + asm.STOP
    )
    assert rules(scan_bytes(tmp_path, "c.pkl", torchscript_walk)) == ["MLS101"]


def test_tensors_pickled_with_plain_pickle_pass_when_their_archive_is_clean(tmp_path: Path) -> None:
    import io
    import zipfile

    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("archive/data.pkl", pickle.dumps({"w": [1.0]}, protocol=2))
    clean = archive.getvalue()
    loader = asm.proto(2) + asm.global_("torch.storage", "_load_from_bytes")
    assert scan_bytes(tmp_path, "ok.pkl", loader + asm.binbytes(clean) + asm.TUPLE1 + asm.REDUCE + asm.STOP) == []
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("archive/data.pkl", malicious_pickle(tmp_path / "c"))
    bad = loader + asm.binbytes(archive.getvalue()) + asm.TUPLE1 + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "bad.pkl", bad)) == ["MLS101", "MLS101"]
    computed = (
        loader + asm.global_("builtins", "bytes") + asm.EMPTY_TUPLE + asm.REDUCE + asm.TUPLE1 + asm.REDUCE + asm.STOP
    )
    assert "MLS101" in rules(scan_bytes(tmp_path, "computed.pkl", computed))


def test_bytes_written_the_protocol_2_way_reach_the_nested_loader_as_bytes(tmp_path: Path) -> None:
    """Protocols 0-2 write bytes as `_codecs.encode(text, "latin1")`: `pickle.dumps(tensor,
    protocol=2)` gives torch's `_load_from_bytes` such a call, which is now read as the bytes it
    returns and analysed. Look-alikes: the same with a malicious archive is found inside, and an
    encoding the analysis does not evaluate keeps the call unverified."""
    import zipfile

    def encoded(data: bytes, encoding: str = "latin1") -> bytes:
        return asm.global_("_codecs", "encode") + asm.text(data.decode("latin-1")) + asm.text(encoding) + asm.TUPLE2

    loader = asm.proto(2) + asm.global_("torch.storage", "_load_from_bytes")
    archives = []
    for inner in (pickle.dumps({"w": [1.0]}, protocol=2), malicious_pickle(tmp_path / "c")):
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as zf:
            zf.writestr("archive/data.pkl", inner)
        archives.append(archive.getvalue())
    clean, bad = (loader + encoded(data) + asm.REDUCE + asm.TUPLE1 + asm.REDUCE + asm.STOP for data in archives)
    assert scan_bytes(tmp_path, "clean.pkl", clean) == []
    assert "MLS101" in rules(scan_bytes(tmp_path, "bad.pkl", bad))
    other = loader + encoded(archives[0], "cp1252") + asm.REDUCE + asm.TUPLE1 + asm.REDUCE + asm.STOP
    assert "MLS101" in rules(scan_bytes(tmp_path, "other.pkl", other))


def test_a_real_tensor_pickled_at_protocol_2_passes(tmp_path: Path) -> None:
    """torch's own output (the oracle is torch, test-only; nothing is loaded): a tensor and a
    parameter dict pickled with plain pickle at protocol 2."""
    torch = pytest.importorskip("torch")
    for protocol in (2, 4):
        data = pickle.dumps({"w": torch.nn.Parameter(torch.ones(3)), "b": torch.zeros(2)}, protocol=protocol)
        assert scan_bytes(tmp_path, f"params{protocol}.pkl", data) == [], protocol


def _pydantic_document(module: str, fields: bytes) -> bytes:
    """A pydantic model pickled the way pydantic does it: NEWOBJ, then BUILD with the fields
    under `__dict__`."""
    state = asm.EMPTY_DICT + asm.text("__dict__") + asm.EMPTY_DICT + fields + asm.SETITEM
    state += asm.text("__pydantic_fields_set__") + asm.EMPTY_DICT + asm.SETITEM
    return asm.global_(module, "Document") + asm.EMPTY_TUPLE + asm.NEWOBJ + state + asm.BUILD


@pytest.mark.parametrize(
    ("docstore", "document"),
    [
        ("langchain_community.docstore.in_memory", "langchain_core.documents.base"),
        ("langchain.docstore.in_memory", "langchain.schema.document"),  # before langchain 0.1
    ],
)
def test_a_langchain_docstore_of_documents_is_clean(tmp_path: Path, docstore: str, document: str) -> None:
    fields = asm.text("page_content") + asm.text("a chunk of text") + asm.SETITEM
    data = asm.proto(2) + asm.global_(docstore, "InMemoryDocstore") + asm.EMPTY_TUPLE + asm.NEWOBJ
    data += asm.EMPTY_DICT + asm.text("_dict") + asm.EMPTY_DICT
    data += asm.text("id-1") + _pydantic_document(document, fields)
    data += asm.SETITEM + asm.SETITEM + asm.BUILD + asm.STOP
    assert scan_bytes(tmp_path, "index.pkl", data) == []


def test_a_recorded_http_response_is_clean_and_requests_calls_stay_refused(tmp_path: Path) -> None:
    """An API client's response cache pickles requests' Response whole (its request, headers,
    cookies and cookie policy): rebuilt without __init__, their state restored, nothing runs.
    requests' functions, its Session and http.client reach the network and stay refused."""
    requests = pytest.importorskip("requests")
    response = requests.models.Response()
    response.status_code, response._content, response.url = 200, b'{"ok": true}', "https://api.example/v1"
    response.headers = requests.structures.CaseInsensitiveDict({"Content-Type": "application/json"})
    response.cookies.set("session", "abc", domain="api.example")
    response.request = requests.Request("POST", "https://api.example/v1", json={"q": 1}).prepare()
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        assert scan_bytes(tmp_path, f"cache{protocol}.pkl", pickle.dumps([response], protocol=protocol)) == []
    fetch = asm.proto(2) + asm.global_("requests", "get") + asm.text("https://evil.example") + asm.TUPLE1
    fetch += asm.REDUCE + asm.STOP
    session = asm.proto(2) + asm.global_("requests.sessions", "Session") + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.STOP
    connection = asm.proto(2) + asm.global_("http.client", "HTTPConnection") + asm.text("evil.example")
    connection += asm.TUPLE1 + asm.REDUCE + asm.STOP
    for name, data in (("fetch.pkl", fetch), ("session.pkl", session), ("connection.pkl", connection)):
        assert rules(scan_bytes(tmp_path, name, data)) == ["MLS101"], name


def _namespace_with(state: bytes) -> bytes:
    """A SimpleNamespace rebuilt, then given `state` (a dict) by BUILD."""
    return asm.global_("types", "SimpleNamespace") + asm.EMPTY_TUPLE + asm.REDUCE + state + asm.BUILD


def test_a_callable_planted_under_keys_runs_when_a_call_reads_the_object_as_a_mapping(tmp_path: Path) -> None:
    """`OrderedDict(x)` (and requests' CaseInsensitiveDict(x)) call `x.keys()`: an instance
    attribute `keys` answers before the class, so a state that planted a callable there (a
    partial of numpy.save, a library function kept as a value) runs it at load time. Look-alikes:
    the same object with data under `keys`, or with a callable under another name, read the same way."""
    partial = asm.global_("functools", "partial") + asm.MARK + asm.global_("numpy", "save")
    partial += asm.text("/tmp/x.npy") + asm.text("x") + asm.TUPLE + asm.REDUCE
    planted = asm.EMPTY_DICT + asm.text("keys") + partial + asm.SETITEM
    for consumer in (("collections", "OrderedDict"), ("requests.structures", "CaseInsensitiveDict")):
        data = asm.proto(4) + asm.global_(*consumer) + asm.MARK + _namespace_with(planted) + asm.TUPLE
        data += asm.REDUCE + asm.STOP
        assert "MLS104" in rules(scan_bytes(tmp_path, "gadget.pkl", data)), consumer
    # the same object bound into a partial of the consumer, which is then called
    bound = asm.proto(4) + asm.global_("functools", "partial") + asm.MARK + asm.global_("collections", "OrderedDict")
    bound += _namespace_with(planted) + asm.TUPLE + asm.REDUCE + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    assert "MLS104" in rules(scan_bytes(tmp_path, "bound.pkl", bound))
    plain = asm.EMPTY_DICT + asm.text("keys") + asm.text("a, b") + asm.SETITEM
    elsewhere = asm.EMPTY_DICT + asm.text("score") + asm.global_("numpy", "log1p") + asm.SETITEM
    # a rebuilt object under `values` (an OrderedDict, an array) is data the read uses, not a function
    built = asm.EMPTY_DICT + asm.text("values") + asm.global_("collections", "OrderedDict") + asm.EMPTY_TUPLE
    built += asm.REDUCE + asm.SETITEM
    for name, state in (("plain.pkl", plain), ("elsewhere.pkl", elsewhere), ("built.pkl", built)):
        data = asm.proto(4) + asm.global_("collections", "OrderedDict") + asm.MARK + _namespace_with(state)
        data += asm.TUPLE + asm.REDUCE + asm.STOP
        assert scan_bytes(tmp_path, name, data) == [], name


def test_every_call_argument_is_judged_however_long_the_others(tmp_path: Path) -> None:
    """A global passed to a call is judged as called, however many values follow it (a 70-value
    tuple after it used to exhaust a walk of 64 and hide it); a planted `keys` object passed as
    a keyword argument of NEWOBJ_EX is read like a positional one."""
    filler = asm.MARK + b"".join(asm.binint(n) for n in range(70)) + asm.TUPLE
    hidden = asm.proto(4) + asm.global_("collections", "OrderedDict") + asm.MARK + asm.global_("numpy", "save")
    hidden += filler + asm.TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "hidden.pkl", hidden)) == ["MLS102"]
    partial = asm.global_("functools", "partial") + asm.MARK + asm.global_("numpy", "save")
    partial += asm.text("/tmp/x.npy") + asm.text("x") + asm.TUPLE + asm.REDUCE
    planted = _namespace_with(asm.EMPTY_DICT + asm.text("keys") + partial + asm.SETITEM)
    keyword = asm.proto(4) + asm.global_("collections", "OrderedDict") + asm.EMPTY_TUPLE
    keyword += asm.EMPTY_DICT + asm.text("data") + planted + asm.SETITEM + b"\x92" + asm.STOP  # NEWOBJ_EX
    assert "MLS104" in rules(scan_bytes(tmp_path, "keyword.pkl", keyword))


def test_python2_module_names_are_judged_as_the_unpickler_renames_them(tmp_path: Path) -> None:
    """Below protocol 3 the unpickler renames Python 2 modules by its own table: `xmlrpclib` is
    xmlrpc.client (the network), `cookielib` is http.cookiejar. At protocol 3 no rename applies."""
    proxy = asm.proto(2) + asm.global_("xmlrpclib", "ServerProxy") + asm.text("http://evil.example")
    proxy += asm.TUPLE1 + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "proxy.pkl", proxy)) == ["MLS101"]
    policy = asm.proto(2) + asm.global_("cookielib", "DefaultCookiePolicy") + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.STOP
    assert scan_bytes(tmp_path, "policy.pkl", policy) == []
    unmapped = asm.proto(3) + asm.global_("cookielib", "DefaultCookiePolicy") + asm.EMPTY_TUPLE + asm.NEWOBJ
    assert rules(scan_bytes(tmp_path, "unmapped.pkl", unmapped + asm.STOP)) == ["MLS102"]


def test_a_dict_state_that_carries_special_names_is_still_an_injection(tmp_path: Path) -> None:
    fields = asm.text("__setstate__") + asm.global_("builtins", "print") + asm.SETITEM
    data = asm.proto(2) + _pydantic_document("langchain_core.documents.base", fields)
    data += asm.text("x") + asm.BUILD + asm.STOP
    assert "MLS104" in rules(scan_bytes(tmp_path, "index.pkl", data))


def test_langchain_code_outside_its_document_containers_stays_refused(tmp_path: Path) -> None:
    data = asm.proto(2) + asm.global_("langchain.chains.loading", "load_chain") + asm.text("chain.json")
    data += asm.TUPLE1 + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "chain.pkl", data)) == ["MLS101"]


def test_a_forecasting_models_classes_rebuilt_without_init_are_library_names(tmp_path: Path) -> None:
    """A darts model keeps its series as xarray DataArrays: NEWOBJ without arguments, then state."""
    state = asm.EMPTY_DICT + asm.text("lags") + asm.binint(3) + asm.SETITEM
    data = asm.proto(2) + asm.global_("darts.models.forecasting.linear_regression_model", "LinearRegressionModel")
    data += asm.EMPTY_TUPLE + asm.NEWOBJ + state + asm.BUILD + asm.STOP
    assert scan_bytes(tmp_path, "model.pth", data) == []
    called = asm.proto(2) + asm.global_("xarray.backends.api", "open_dataset") + asm.text("x.nc") + asm.TUPLE1
    called += asm.REDUCE + asm.STOP  # a call still needs the exact allowlist
    assert rules(scan_bytes(tmp_path, "called.pth", called)) == ["MLS102"]


def _rebuilt_module(module: str, name: str) -> bytes:
    """A torch.nn module as a full-model checkpoint pickles it: NEWOBJ without arguments, then state."""
    state = asm.EMPTY_DICT + asm.text("training") + b"\x88" + asm.SETITEM  # NEWTRUE
    return asm.global_(module, name) + asm.EMPTY_TUPLE + asm.NEWOBJ + state + asm.BUILD


def test_a_yolo_checkpoints_model_classes_pass(tmp_path: Path) -> None:
    """ultralytics saves the whole DetectionModel: its nn classes are rebuilt without __init__."""
    data = asm.proto(2) + asm.MARK + _rebuilt_module("ultralytics.nn.tasks", "DetectionModel")
    data += _rebuilt_module("ultralytics.nn.modules.conv", "Conv") + _rebuilt_module("ultralytics.nn.modules", "C2f")
    assert scan_bytes(tmp_path, "yolov8n.pt", data + asm.TUPLE + asm.STOP) == []


def test_ultralytics_outside_its_model_classes_or_called_still_blocks(tmp_path: Path) -> None:
    # importing its trackers installs `lap` from the network: the file must not pick that module
    tracker = asm.proto(2) + _rebuilt_module("ultralytics.trackers.utils.matching", "Matcher") + asm.STOP
    assert rules(scan_bytes(tmp_path, "tracker.pt", tracker)) == ["MLS102"]
    # nor its text model (importing it installs CLIP) or backends, even under ultralytics.nn
    for module, name in (("ultralytics.nn.text_model", "CLIP"), ("ultralytics.nn.backends.hailo", "HailoBackend")):
        data = asm.proto(2) + _rebuilt_module(module, name) + asm.STOP
        assert rules(scan_bytes(tmp_path, "other.pt", data)) == ["MLS102"], name
    # a model class whose own __setstate__ calls objects from the state is left out
    distill = asm.proto(2) + _rebuilt_module("ultralytics.nn.distill_model", "DistillationModel") + asm.STOP
    assert rules(scan_bytes(tmp_path, "distill.pt", distill)) == ["MLS102"]
    # DetectionModel's constructor evals its layer names: calling it is refused
    called = asm.proto(2) + asm.global_("ultralytics.nn.tasks", "DetectionModel") + asm.text("m.yaml")
    findings = scan_bytes(tmp_path, "called.pt", called + asm.TUPLE1 + asm.REDUCE + asm.STOP)
    assert rules(findings) == ["MLS101"] and "builtins.eval" in findings[0].message
    # a package merely starting with the same letters is another package
    other = asm.proto(2) + _rebuilt_module("ultralytics_nn.tasks", "DetectionModel") + asm.STOP
    assert rules(scan_bytes(tmp_path, "other.pt", other)) == ["MLS102"]


def test_calling_an_object_the_pickle_built_is_reported(tmp_path: Path) -> None:
    """REDUCE on a rebuilt torch module: Module.__call__ runs `forward`, which its state set."""
    state = asm.EMPTY_DICT + asm.text("forward") + asm.global_("torch", "os.system") + asm.SETITEM
    module = asm.global_("torch.nn.modules.linear", "Linear") + asm.EMPTY_TUPLE + asm.NEWOBJ + state + asm.BUILD
    data = asm.proto(2) + module + asm.text("touch canary") + asm.TUPLE1 + asm.REDUCE + asm.STOP
    assert "MLS101" in rules(scan_bytes(tmp_path, "module.pt", data))
    # even with no state: the call of an instance is no framework's pickle
    plain = asm.global_("torch.nn.modules.linear", "Identity") + asm.EMPTY_TUPLE + asm.NEWOBJ
    data = asm.proto(2) + plain + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "identity.pt", data)) == ["MLS101"]
    # the rebuilt module alone, kept as a value, is a checkpoint like any other
    assert scan_bytes(tmp_path, "kept.pt", asm.proto(2) + plain + asm.STOP) == []


def test_scikit_learn_compatible_estimators_in_a_pipeline_pass(tmp_path: Path) -> None:
    """imbalanced-learn's Pipeline holding category_encoders and feature_engine steps, as joblib dumps it."""
    data = asm.proto(2) + asm.MARK + _rebuilt_module("imblearn.pipeline", "Pipeline")
    data += _rebuilt_module("category_encoders.target_encoder", "TargetEncoder")
    data += _rebuilt_module("feature_engine.imputation.mean_median", "MeanMedianImputer")
    data += _rebuilt_module("imblearn.over_sampling._smote.base", "SMOTE")
    assert scan_bytes(tmp_path, "pipe.joblib", data + asm.TUPLE + asm.STOP) == []
    # calling one runs its constructor: that still needs the exact allowlist
    called = asm.proto(2) + asm.global_("category_encoders.ordinal", "OrdinalEncoder") + asm.EMPTY_TUPLE
    assert rules(scan_bytes(tmp_path, "called.pkl", called + asm.REDUCE + asm.STOP)) == ["MLS102"]


def test_fitted_models_of_the_other_rebuildable_libraries_pass(tmp_path: Path) -> None:
    """A networkx graph, an NLTK tagger, a lifelines fitter, a river pipeline and a shap Explanation
    rebuilt without __init__, as pickle writes them; their rebuild paths are sink-checked."""
    data = asm.proto(2) + asm.MARK + _rebuilt_module("networkx.classes.graph", "Graph")
    data += _rebuilt_module("nltk.tag.sequential", "UnigramTagger")
    data += _rebuilt_module("lifelines.fitters.kaplan_meier_fitter", "KaplanMeierFitter")
    data += _rebuilt_module("river.compose.pipeline", "Pipeline")
    data += _rebuilt_module("shap._explanation", "Explanation")
    assert scan_bytes(tmp_path, "fitted.pkl", data + asm.TUPLE + asm.STOP) == []


@pytest.mark.parametrize(
    ("module", "name", "value"),
    [("sktime.datatypes._dtypekind", "DtypeKind", 3), ("lifelines.utils", "CensoringType", "right"),
     ("timm.layers.format", "Format", "NCHW")],
)  # fmt: skip
def test_a_librarys_enum_member_rebuilt_by_calling_its_class_passes(
    tmp_path: Path, module: str, name: str, value: int | str
) -> None:
    member = asm.global_(module, name) + (asm.text(value) if isinstance(value, str) else asm.binint(value))
    data = asm.proto(2) + member + asm.TUPLE1 + asm.REDUCE + asm.STOP
    assert scan_bytes(tmp_path, "model.pkl", data) == []


def test_a_pickled_random_generator_passes_and_its_module_functions_do_not(tmp_path: Path) -> None:
    import pickle
    import random

    assert scan_bytes(tmp_path, "sampler.pkl", pickle.dumps(random.Random(7), protocol=4)) == []
    # random.Random's is the only name allowed: a module function is no class rebuilt from its state
    seeded = asm.proto(2) + asm.global_("random", "seed") + asm.binint(1) + asm.TUPLE1 + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "seeded.pkl", seeded)) == ["MLS102"]


def test_a_statsmodels_state_space_model_rebuilt_by_its_constructor_passes(tmp_path: Path) -> None:
    """An ARIMA/SARIMAX results pickle calls the Cython Statespace and KalmanFilter classes with
    arrays (their __reduce__); other names of the same modules stay unknown when called."""
    model = asm.global_("statsmodels.tsa.statespace._representation", "dStatespace") + asm.MARK
    model += asm.binint(1) * 8 + asm.TUPLE + asm.REDUCE
    data = asm.proto(2) + asm.global_("statsmodels.tsa.statespace._kalman_filter", "dKalmanFilter")
    data += model + asm.TUPLE1 + asm.REDUCE + asm.STOP
    assert scan_bytes(tmp_path, "arima.pkl", data) == []
    other = asm.proto(2) + asm.global_("statsmodels.tsa.statespace._representation", "dStatespaceX")
    assert rules(scan_bytes(tmp_path, "other.pkl", other + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP)) == ["MLS102"]


def test_the_new_libraries_calls_and_their_file_functions_still_block(tmp_path: Path) -> None:
    # calling a class runs its constructor: only enums and the exact allowlist are called
    called = asm.proto(2) + asm.global_("networkx.classes.graph", "Graph") + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "called.pkl", called)) == ["MLS102"]
    # NLTK's resource loader reaches files and URLs: refused even kept as a value
    kept = asm.proto(2) + asm.global_("nltk.data", "load") + asm.STOP
    assert rules(scan_bytes(tmp_path, "kept.pkl", kept)) != []


def test_append_on_an_object_whose_state_set_append_is_an_injection(tmp_path: Path) -> None:
    """APPEND on an object calls `obj.append`, which the instance's own attributes answer first."""
    fields = asm.text("append") + asm.global_("builtins", "print") + asm.SETITEM
    data = asm.proto(2) + _pydantic_document("langchain_core.documents.base", fields)
    data += asm.text("payload") + asm.APPEND + asm.STOP
    assert "MLS104" in rules(scan_bytes(tmp_path, "nested.pkl", data))
    plain = asm.proto(2) + asm.global_("types", "SimpleNamespace") + asm.EMPTY_TUPLE + asm.NEWOBJ
    plain += asm.EMPTY_DICT + asm.text("append") + asm.global_("builtins", "print") + asm.SETITEM + asm.BUILD
    plain += asm.text("payload") + asm.APPEND + asm.STOP
    assert "MLS104" in rules(scan_bytes(tmp_path, "plain.pkl", plain))


def test_a_special_name_put_into_an_installed_attribute_dict_later_is_an_injection(tmp_path: Path) -> None:
    """`{"__dict__": D}` checked while D is empty, then D filled through the memo, then a BUILD."""
    data = asm.proto(2) + asm.global_("langchain_core.documents.base", "Document") + asm.EMPTY_TUPLE + asm.NEWOBJ
    data += asm.EMPTY_DICT + asm.text("__dict__") + asm.EMPTY_DICT + asm.binput(1) + asm.SETITEM + asm.BUILD
    data += asm.binget(1) + asm.text("__setstate__") + asm.global_("builtins", "print") + asm.SETITEM + asm.POP
    data += asm.text("payload") + asm.BUILD + asm.STOP
    assert "MLS104" in rules(scan_bytes(tmp_path, "late.pkl", data))


def test_a_later_build_does_not_hide_an_earlier_ones_extend_nor_additems_its_add(tmp_path: Path) -> None:
    planted = asm.proto(4) + asm.global_("types", "SimpleNamespace") + asm.EMPTY_TUPLE + asm.NEWOBJ
    planted += asm.EMPTY_DICT + asm.text("extend") + asm.global_("builtins", "print") + asm.SETITEM + asm.BUILD
    rebuilt = planted + asm.EMPTY_DICT + asm.text("a") + asm.binint(1) + asm.SETITEM + asm.BUILD
    rebuilt += asm.MARK + asm.text("payload") + b"e" + asm.STOP  # APPENDS
    assert "MLS104" in rules(scan_bytes(tmp_path, "rebuilt.pkl", rebuilt))
    one = planted + asm.text("payload") + asm.APPEND + asm.STOP  # APPEND calls extend when there is one
    assert "MLS104" in rules(scan_bytes(tmp_path, "one.pkl", one))
    added = asm.proto(4) + asm.global_("types", "SimpleNamespace") + asm.EMPTY_TUPLE + asm.NEWOBJ
    added += asm.EMPTY_DICT + asm.text("add") + asm.global_("builtins", "print") + asm.SETITEM + asm.BUILD
    added += asm.MARK + asm.text("payload") + b"\x90" + asm.STOP  # ADDITEMS calls add on a non-set
    assert "MLS104" in rules(scan_bytes(tmp_path, "added.pkl", added))


def test_a_state_filled_through_the_memo_after_its_build_is_an_injection_at_the_setitem(tmp_path: Path) -> None:
    """The state dict memoised, given to BUILD while harmless, then given `append` via the memo."""
    data = asm.proto(2) + asm.global_("types", "SimpleNamespace") + asm.EMPTY_TUPLE + asm.NEWOBJ
    data += asm.EMPTY_DICT + asm.binput(1) + asm.BUILD
    late = data + asm.binget(1) + asm.text("append") + asm.global_("builtins", "print") + asm.SETITEM + asm.POP
    late += asm.text("payload") + asm.APPEND + asm.STOP
    assert "MLS104" in rules(scan_bytes(tmp_path, "late.pkl", late))
    harmless = data + asm.binget(1) + asm.text("size") + asm.binint(3) + asm.SETITEM + asm.POP
    harmless += asm.text("payload") + asm.APPEND + asm.STOP
    assert "MLS104" not in rules(scan_bytes(tmp_path, "harmless.pkl", harmless))


def test_the_append_the_last_build_set_is_the_one_reported_as_called(tmp_path: Path) -> None:
    """The loader calls what the latest state put under `append`: four earlier states must not
    push it out of what is kept (red team, this stop)."""
    data = asm.proto(2) + asm.global_("types", "SimpleNamespace") + asm.EMPTY_TUPLE + asm.NEWOBJ
    for _ in range(4):
        data += asm.EMPTY_DICT + asm.text("append") + asm.global_("builtins", "len") + asm.SETITEM + asm.BUILD
    data += asm.EMPTY_DICT + asm.text("append") + asm.global_("os", "system") + asm.SETITEM + asm.BUILD
    data += asm.text("id") + asm.APPEND + asm.STOP
    messages = [f.message for f in scan_bytes(tmp_path, "late.pkl", data) if f.rule_id == "MLS101"]
    assert messages and all("calls os.system via APPEND-injected append" in m for m in messages)


def test_appends_after_many_builds_cost_one_lookup_each() -> None:
    """Red team: 40,000 BUILDs on one object, then 40,000 APPENDs, walked every state once per
    APPEND (1.6 billion steps, the whole time limit on a 200 KB file). The names a BUILD sets are
    now gathered at the BUILD, so this is linear; the planted `extend` is still found."""
    from hooks.artifacts import rules as artifact_rules
    from hooks.artifacts.analysis import Analysis, Limits
    from hooks.artifacts.globals_policy import GlobalsPolicy
    from hooks.artifacts.walker import Walker

    data = asm.proto(2) + asm.global_("types", "SimpleNamespace") + asm.EMPTY_TUPLE + asm.NEWOBJ
    data += asm.EMPTY_DICT + asm.text("extend") + asm.global_("builtins", "print") + asm.SETITEM + asm.BUILD
    data += (asm.EMPTY_DICT + asm.BUILD) * 40_000 + (asm.NONE + asm.APPEND) * 40_000 + asm.STOP
    analysis = Analysis(GlobalsPolicy(), Limits(max_seconds=30))
    started = time.monotonic()
    Walker(analysis).walk_file(io.BytesIO(data), len(data), "state.pkl")  # no LimitExceeded
    assert time.monotonic() - started < 10
    assert analysis.has_rule(artifact_rules.SPECIAL_ATTRIBUTE_INJECTION)


# A TensorFlow checkpoint index (a LevelDB table) of a SavedModel whose first byte is EXT1 (0x82):
# its first bytes as committed in a real SavedModel, then the table's data and footer magic.
_TABLE_STARTING_WITH_EXT1 = bytes.fromhex("8276f07d00000608011a0208") + b"\x00" * 64 + bytes.fromhex("57fb808b247547db")


def test_data_whose_first_byte_is_ext1_and_then_breaks_is_no_pickle(tmp_path: Path) -> None:
    # pickle.load raises at the EXT (no extension is registered) or at the next byte; nothing is called,
    # as with a GLOBAL that is followed by garbage.
    assert rules(scan_bytes(tmp_path, "variables/variables.index", _TABLE_STARTING_WITH_EXT1)) == []


def test_an_ext_import_that_is_called_is_still_reported_in_data_of_unknown_kind(tmp_path: Path) -> None:
    called = asm.ext1(118) + asm.MARK + asm.text("id") + asm.TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "variables/variables.index", called)) == ["MLS103"]


def test_a_file_named_like_a_model_that_starts_with_ext1_and_breaks_fails_closed(tmp_path: Path) -> None:
    # No pickler writes EXT first and the next byte is no opcode: no pickle, so an unknown format
    # (blocking), not a broken pickle with an import in it (tests/artifacts/test_extension_start.py).
    assert rules(scan_bytes(tmp_path, "model.bin", _TABLE_STARTING_WITH_EXT1)) == ["MLS902"]


def test_a_library_name_that_walks_into_a_standard_module_is_that_modules(tmp_path: Path) -> None:
    """`torch` `os.system` kept as a value in a state (a forward hook runs it at inference)."""
    for module, name in (("torch", "os.system"), ("sklearn", "utils.subprocess.Popen")):
        data = asm.proto(2) + asm.EMPTY_DICT + asm.text("hook") + asm.global_(module, name) + asm.SETITEM + asm.STOP
        assert rules(scan_bytes(tmp_path, "hooks.pt", data)) == ["MLS101"], name
    # through a standard module to a harmless name: still not the library's own, so not cleared
    data = asm.proto(2) + asm.EMPTY_DICT + asm.text("k") + asm.global_("torch", "math.pi") + asm.SETITEM + asm.STOP
    assert rules(scan_bytes(tmp_path, "pi.pt", data)) == ["MLS103"]
    # a class's own method kept as a value stays a library name
    data = asm.proto(2) + asm.EMPTY_DICT + asm.text("k") + asm.global_("torch.nn", "Linear.forward") + asm.SETITEM
    assert scan_bytes(tmp_path, "method.pt", data + asm.STOP) == []


def _bunch(*items: bytes) -> bytes:
    """A scikit-learn Bunch (a dict whose attribute lookups answer with its items), then SETITEMs."""
    rebuilt = asm.global_("copyreg", "_reconstructor") + asm.MARK + asm.global_("sklearn.utils._bunch", "Bunch")
    rebuilt += asm.global_("builtins", "dict") + asm.EMPTY_DICT + asm.TUPLE + asm.REDUCE
    return rebuilt + b"".join(items)


def test_an_item_named_like_a_loader_called_method_of_a_dict_like_object_is_an_injection(tmp_path: Path) -> None:
    """APPEND calls `obj.append`, which a Bunch answers with its item: the item's callable runs."""
    runner = asm.text("append") + asm.global_("torch.utils.collect_env", "run") + asm.SETITEM
    data = asm.proto(2) + _bunch(runner) + asm.text("touch canary") + asm.APPEND + asm.STOP
    assert "MLS104" in rules(scan_bytes(tmp_path, "bunch.pkl", data))
    # BUILD calls `obj.__setstate__`, answered the same way
    setstate = asm.text("__setstate__") + asm.global_("torch.utils.collect_env", "run") + asm.SETITEM
    data = asm.proto(2) + _bunch(setstate) + asm.text("touch canary") + asm.BUILD + asm.STOP
    assert "MLS104" in rules(scan_bytes(tmp_path, "result.pkl", data))


def test_a_callable_under_a_loader_called_name_inside_a_state_dict_is_an_injection(tmp_path: Path) -> None:
    """torch's Module answers attributes from `_modules`: `_modules["append"]` is `module.append`."""
    modules = asm.EMPTY_DICT + asm.text("append") + asm.global_("torch.utils.collect_env", "run") + asm.SETITEM
    state = asm.EMPTY_DICT + asm.text("_modules") + modules + asm.SETITEM
    module = asm.global_("torch.nn.modules.linear", "Linear") + asm.EMPTY_TUPLE + asm.NEWOBJ + state + asm.BUILD
    data = asm.proto(2) + module + asm.text("touch canary") + asm.APPEND + asm.STOP
    assert "MLS104" in rules(scan_bytes(tmp_path, "module.pt", data))


def test_data_under_those_names_is_no_injection(tmp_path: Path) -> None:
    # a Bunch of results whose keys happen to be `add` and `append`, holding numbers and text
    items = asm.text("add") + asm.binint(3) + asm.SETITEM + asm.text("append") + asm.text("yes") + asm.SETITEM
    assert scan_bytes(tmp_path, "bunch.pkl", asm.proto(2) + _bunch(items) + asm.STOP) == []
    # a module's state with a nested config dict naming a mode `append`
    config = asm.EMPTY_DICT + asm.text("mode") + asm.text("append") + asm.SETITEM
    config += asm.text("extend") + asm.NONE + asm.SETITEM
    state = asm.EMPTY_DICT + asm.text("config") + config + asm.SETITEM
    module = asm.global_("torch.nn.modules.linear", "Identity") + asm.EMPTY_TUPLE + asm.NEWOBJ + state + asm.BUILD
    assert scan_bytes(tmp_path, "module.pt", asm.proto(2) + module + asm.STOP) == []


def test_a_submodule_or_tensor_named_add_is_no_injection_without_a_call(tmp_path: Path) -> None:
    """A module may well have a submodule called `add` (and a state dict a key `append`): only an
    APPEND or ADDITEMS on that very object would call it."""
    child = asm.global_("torch.nn.modules.linear", "Identity") + asm.EMPTY_TUPLE + asm.NEWOBJ
    modules = asm.EMPTY_DICT + asm.text("add") + child + asm.SETITEM
    state = asm.EMPTY_DICT + asm.text("_modules") + modules + asm.SETITEM
    module = asm.global_("torch.nn.modules.container", "Sequential") + asm.EMPTY_TUPLE + asm.NEWOBJ + state
    assert scan_bytes(tmp_path, "model.pt", asm.proto(2) + module + asm.BUILD + asm.STOP) == []
    ordered = asm.global_("collections", "OrderedDict") + asm.EMPTY_TUPLE + asm.REDUCE
    ordered += asm.text("append") + child + asm.SETITEM
    assert scan_bytes(tmp_path, "state.pt", asm.proto(2) + ordered + asm.STOP) == []
    # the same object then filled by APPEND calls what it holds
    data = asm.proto(2) + ordered + asm.text("x") + asm.APPEND + asm.STOP
    assert "MLS104" in rules(scan_bytes(tmp_path, "appended.pt", data))


def test_calling_what_a_factory_returned_is_judged_through_the_factory(tmp_path: Path) -> None:
    """cloudpickle rebuilds a class with `_make_skeleton_class(...)` and then calls it: that call
    is the factory's, reported as such (once), not as a call of a rebuilt instance."""
    factory = asm.global_("cloudpickle.cloudpickle", "_make_skeleton_class") + asm.EMPTY_TUPLE + asm.REDUCE
    data = asm.proto(2) + factory + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    findings = scan_bytes(tmp_path, "fn.pkl", data)
    assert findings and not any("calls an object this pickle built" in f.message for f in findings)


def _save_partial() -> bytes:
    """functools.partial(numpy.save, "/tmp/x.npy", "x"): a function that writes a file when called."""
    partial = asm.global_("functools", "partial") + asm.MARK + asm.global_("numpy", "save")
    return partial + asm.text("/tmp/x.npy") + asm.text("x") + asm.TUPLE + asm.REDUCE


def _state_with(name: str, value: bytes) -> bytes:
    return asm.EMPTY_DICT + asm.text(name) + value + asm.SETITEM


def test_a_function_set_as_any_attribute_of_an_object_given_to_a_call_is_judged_as_called(tmp_path: Path) -> None:
    """`uuid.UUID(x)` calls `x.replace(...)`, `torch.device(x)` looks up `x.__torch_function__`:
    any method of an object handed to a call may be called, and an instance attribute answers
    before the class. A partial of numpy.save set as `replace` is a call of numpy.save.
    Look-alike: a pure library function kept as an attribute (a model's score function) is
    judged the same way, and passes."""
    for consumer in (("uuid", "UUID"), ("torch", "device")):
        data = asm.proto(4) + asm.global_(*consumer) + asm.MARK
        data += _namespace_with(_state_with("replace", _save_partial())) + asm.TUPLE + asm.REDUCE + asm.STOP
        findings = scan_bytes(tmp_path, "gadget.pkl", data)
        assert rules(findings) == ["MLS102"], consumer
        assert "numpy.save" in findings[0].message and "attribute replace" in findings[0].message
    score = asm.proto(4) + asm.global_("uuid", "UUID") + asm.MARK
    score += _namespace_with(_state_with("replace", asm.global_("numpy", "log1p"))) + asm.TUPLE + asm.REDUCE + asm.STOP
    assert scan_bytes(tmp_path, "score.pkl", score) == []


def test_a_function_put_into_an_instance_dict_after_its_build_is_an_attribute_too(tmp_path: Path) -> None:
    """The state dict is memoised, BUILD installs it, and a later SETITEM (through the memo) puts
    the function in: the object has it when it is handed to the call. Look-alike: data put there."""
    for value, expected in ((_save_partial(), ["MLS102"]), (asm.text("urn:"), [])):
        data = asm.proto(4) + asm.global_("uuid", "UUID") + asm.MARK + asm.global_("types", "SimpleNamespace")
        data += asm.EMPTY_TUPLE + asm.REDUCE + asm.EMPTY_DICT + asm.binput(1) + asm.BUILD
        data += asm.binget(1) + asm.text("replace") + value + asm.SETITEM + asm.POP
        data += asm.TUPLE + asm.REDUCE + asm.STOP
        assert rules(scan_bytes(tmp_path, "late.pkl", data)) == expected


def test_build_on_an_imported_class_patches_it_for_the_whole_process(tmp_path: Path) -> None:
    """BUILD with a slot state on a class object runs `setattr(cls, name, value)`:
    `argparse.Namespace.keys = partial(...)` makes every later `OrderedDict(Namespace())` run it,
    and requests' own code would run a patched CaseInsensitiveDict method. No framework writes a
    BUILD on a class. Look-alike: the same state on an instance of it."""
    slot_state = asm.NONE + _state_with("keys", _save_partial()) + asm.TUPLE
    on_class = asm.proto(4) + asm.global_("argparse", "Namespace") + asm.MARK + slot_state + asm.BUILD + asm.STOP
    findings = scan_bytes(tmp_path, "patch.pkl", on_class)
    assert "MLS104" in rules(findings)
    assert any("argparse.Namespace itself" in finding.message for finding in findings)
    data_state = asm.NONE + _state_with("verbose", asm.text("yes")) + asm.TUPLE
    on_instance = asm.proto(4) + asm.global_("argparse", "Namespace") + asm.EMPTY_TUPLE + asm.REDUCE
    on_instance += asm.MARK + data_state + asm.BUILD + asm.STOP
    assert scan_bytes(tmp_path, "instance.pkl", on_instance) == []
    on_class_data = asm.proto(4) + asm.global_("argparse", "Namespace") + asm.MARK + data_state + asm.BUILD + asm.STOP
    assert "MLS104" in rules(scan_bytes(tmp_path, "patch_data.pkl", on_class_data))  # still a patch


def test_attributes_set_by_what_the_vm_follows_besides_build(tmp_path: Path) -> None:
    """Attributes come from more than BUILD: a partial's 4-tuple state (its last dict is its
    `__dict__`), a partial of SimpleNamespace called with keyword arguments from its state,
    SimpleNamespace(mapping) (Python 3.13+), torch's `_rebuild_from_type_v2(..., state)` (which
    `setattr`s every name), and a logger fetched twice by name (one object). Each is then handed
    to `OrderedDict`, which calls `keys()`. Look-alikes: the same with data under `keys`."""

    def cases(value: bytes) -> dict[str, bytes]:
        keys = _state_with("keys", value)
        partial = asm.global_("functools", "partial") + asm.MARK + asm.global_("builtins", "print") + asm.TUPLE
        partial += asm.REDUCE
        partial_dict = partial + asm.MARK + asm.global_("builtins", "print") + asm.EMPTY_TUPLE + asm.EMPTY_DICT
        partial_dict += keys + asm.TUPLE + asm.BUILD
        bag = asm.global_("functools", "partial") + asm.MARK + asm.global_("types", "SimpleNamespace") + asm.TUPLE
        bag += asm.REDUCE + asm.MARK + asm.global_("types", "SimpleNamespace") + asm.EMPTY_TUPLE + keys + asm.NONE
        bag += asm.TUPLE + asm.BUILD + asm.EMPTY_TUPLE + asm.REDUCE
        positional = asm.global_("types", "SimpleNamespace") + asm.MARK + keys + asm.TUPLE + asm.REDUCE
        tensor = asm.global_("torch._tensor", "_rebuild_from_type_v2") + asm.MARK
        tensor += asm.global_("torch", "Tensor") + asm.global_("torch", "Tensor") + asm.EMPTY_TUPLE + keys
        tensor += asm.TUPLE + asm.REDUCE
        logger = asm.global_("logging", "getLogger") + asm.MARK + asm.text("app") + asm.TUPLE + asm.REDUCE
        logger += asm.MARK + asm.NONE + keys + asm.TUPLE + asm.BUILD + asm.POP
        logger += asm.global_("logging", "getLogger") + asm.MARK + asm.text("app") + asm.TUPLE + asm.REDUCE
        return {"partial_dict": partial_dict, "bag": bag, "positional": positional, "tensor": tensor, "logger": logger}

    for planted, expected in ((_save_partial(), True), (asm.text("a, b"), False)):
        for name, built in cases(planted).items():
            data = asm.proto(4) + asm.global_("collections", "OrderedDict") + asm.MARK + built + asm.TUPLE
            data += asm.REDUCE + asm.STOP
            assert ("MLS104" in rules(scan_bytes(tmp_path, f"{name}.pkl", data))) is expected, (name, expected)


def test_loggers_of_different_names_are_different_objects(tmp_path: Path) -> None:
    """Look-alike of the singleton case: `keys` planted on logger "a", logger "b" handed over."""
    logger = asm.global_("logging", "getLogger") + asm.MARK + asm.text("a") + asm.TUPLE + asm.REDUCE
    logger += asm.MARK + asm.NONE + _state_with("keys", _save_partial()) + asm.TUPLE + asm.BUILD + asm.POP
    logger += asm.global_("logging", "getLogger") + asm.MARK + asm.text("b") + asm.TUPLE + asm.REDUCE
    data = asm.proto(4) + asm.global_("collections", "OrderedDict") + asm.MARK + logger + asm.TUPLE + asm.REDUCE
    assert "MLS104" not in rules(scan_bytes(tmp_path, "loggers.pkl", data + asm.STOP))


def test_getattr_of_a_planted_attribute_is_the_planted_function(tmp_path: Path) -> None:
    """`getattr(estimator, "_reconstruct")()` where the estimator's state set `_reconstruct` to a
    partial of numpy.save calls numpy.save, not a method of the estimator's class. Look-alike:
    the same getattr on an estimator whose state has no such attribute keeps the method."""
    planted = _state_with("_reconstruct", _save_partial())
    elsewhere = _state_with("other", _save_partial())  # planted under a name getattr does not read
    for state, mentions_save in ((planted, True), (elsewhere, False)):
        estimator = asm.global_("types", "SimpleNamespace") + asm.EMPTY_TUPLE + asm.REDUCE + state + asm.BUILD
        data = asm.proto(4) + asm.global_("builtins", "getattr") + asm.MARK + estimator + asm.text("_reconstruct")
        data += asm.TUPLE + asm.REDUCE + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
        findings = scan_bytes(tmp_path, "getattr.pkl", data)
        assert any("numpy.save" in finding.message for finding in findings) is mentions_save, findings


def test_an_object_given_as_build_state_is_handed_to_the_classs_setstate(tmp_path: Path) -> None:
    """BUILD gives its state to the class's `__setstate__` (scikit-learn's calls `state.pop(...)`,
    torch's Module `self.__dict__.update(state)` calls `state.keys()`) or reads it with
    `state.items()`: a state that is an object the file built, with a function set as one of its
    attributes, runs it. Objects inside the state are read as mappings by what __setstate__ does
    with its own fields (pandas' `**state["_flags"]`). Look-alikes: data under those names, and a
    partial under a name no __setstate__ calls on a nested field."""
    estimator = asm.global_("sklearn.linear_model._logistic", "LogisticRegression") + asm.EMPTY_TUPLE + asm.NEWOBJ

    def with_state(state: bytes) -> bytes:
        return asm.proto(4) + estimator + state + asm.BUILD + asm.STOP

    state_object = _namespace_with(_state_with("pop", _save_partial()))
    assert "MLS102" in rules(scan_bytes(tmp_path, "pop.pkl", with_state(state_object)))
    nested = asm.EMPTY_DICT + asm.text("_flags") + _namespace_with(_state_with("keys", _save_partial())) + asm.SETITEM
    assert "MLS104" in rules(scan_bytes(tmp_path, "flags.pkl", with_state(nested)))
    data_state = _namespace_with(_state_with("pop", asm.text("C")))
    assert scan_bytes(tmp_path, "data.pkl", with_state(data_state)) == []
    elsewhere = asm.EMPTY_DICT + asm.text("scorer") + _namespace_with(_state_with("score", _save_partial()))
    elsewhere += asm.SETITEM
    assert scan_bytes(tmp_path, "elsewhere.pkl", with_state(elsewhere)) == []


def test_a_function_given_to_a_class_the_project_declares_is_a_reference(tmp_path: Path) -> None:
    """A namedtuple of hyperparameters holding `torch.nn.functional.gelu`, pickled with its class
    declared in allow_globals: the function is kept, not called by the class the project reviewed.
    Look-alikes: the same class undeclared keeps its finding, and a partial given to the declared
    class is still judged as called (numpy.save)."""
    declared = Policy(
        root=tmp_path,
        sections={"artifacts": {"allow_globals": [{"module": "__main__", "name": "Hp", "reason": "ours"}]}},
    )
    gelu = asm.global_("torch.nn.functional", "gelu")
    data = asm.proto(2) + asm.global_("__main__", "Hp") + asm.MARK + gelu + asm.TUPLE + asm.REDUCE + asm.STOP
    assert scan_bytes(tmp_path, "hp.pkl", data, declared) == []
    assert "MLS102" in rules(scan_bytes(tmp_path, "hp.pkl", data))
    bound = asm.proto(2) + asm.global_("__main__", "Hp") + asm.MARK + _save_partial() + asm.TUPLE + asm.REDUCE
    findings = scan_bytes(tmp_path, "bound.pkl", bound + asm.STOP, declared)
    assert any("numpy.save" in finding.message for finding in findings), findings


def test_an_object_whose_own_attribute_is_a_partial_is_a_planted_callable(tmp_path: Path) -> None:
    """A torch module whose `forward` the file set to a partial, put under `keys` of an object
    handed to `OrderedDict` (or under `pop` of a BUILD state scikit-learn's __setstate__ reads):
    calling it runs Module.__call__, which calls the planted forward. Look-alike: the same module
    with plain data in its state."""

    def module_with(forward: bytes) -> bytes:
        state = asm.EMPTY_DICT + asm.text("training") + asm.NONE + asm.SETITEM
        state += asm.text("forward") + forward + asm.SETITEM
        return asm.global_("torch.nn.modules.linear", "Identity") + asm.EMPTY_TUPLE + asm.NEWOBJ + state + asm.BUILD

    for forward, planted in ((_save_partial(), True), (asm.text("identity"), False)):
        keys = _namespace_with(_state_with("keys", module_with(forward)))
        read = asm.proto(4) + asm.global_("collections", "OrderedDict") + asm.MARK + keys + asm.TUPLE + asm.REDUCE
        assert ("MLS104" in rules(scan_bytes(tmp_path, "keys.pkl", read + asm.STOP))) is planted
        estimator = asm.global_("sklearn.linear_model._logistic", "LogisticRegression") + asm.EMPTY_TUPLE
        popped = asm.proto(4) + estimator + asm.NEWOBJ + _namespace_with(_state_with("pop", module_with(forward)))
        assert ("MLS104" in rules(scan_bytes(tmp_path, "pop.pkl", popped + asm.BUILD + asm.STOP))) is planted


def test_torch_functions_kept_by_reference_pass_and_called_do_not(tmp_path: Path) -> None:
    """`torch.relu` pickles as `torch._C._VariableFunctionsClass.relu`: kept in a declared
    config it is a reference. Look-alike: the same name called by the pickle stays a finding."""
    declared = Policy(
        root=tmp_path,
        sections={"artifacts": {"allow_globals": [{"module": "__main__", "name": "Cfg", "reason": "ours"}]}},
    )
    relu = asm.text("torch._C") + asm.text("_VariableFunctionsClass.relu") + asm.STACK_GLOBAL
    config = asm.proto(4) + asm.global_("__main__", "Cfg") + asm.MARK + relu + asm.TUPLE + asm.REDUCE + asm.STOP
    assert scan_bytes(tmp_path, "cfg.pkl", config, declared) == []
    called = asm.proto(4) + relu + asm.MARK + asm.binint(1) + asm.TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "called.pkl", called, declared)) != []


def test_a_module_whose_hook_table_holds_a_partial_is_a_planted_callable(tmp_path: Path) -> None:
    """`nn.ReLU` whose `_forward_pre_hooks` OrderedDict holds `{0: partial(numpy.save, ...)}`, put
    under `keys` of a state a torch Module BUILD reads: Module.__call__ runs the pre-hook.
    Look-alike: an empty hook table."""

    def relu_with(hooks: bytes) -> bytes:
        table = asm.global_("collections", "OrderedDict") + asm.EMPTY_TUPLE + asm.REDUCE + hooks
        state = asm.EMPTY_DICT + asm.text("_forward_pre_hooks") + table + asm.SETITEM
        return asm.global_("torch.nn.modules.activation", "ReLU") + asm.EMPTY_TUPLE + asm.NEWOBJ + state + asm.BUILD

    linear = asm.global_("torch.nn.modules.linear", "Linear") + asm.EMPTY_TUPLE + asm.NEWOBJ
    for hooks, planted in ((asm.binint(0) + _save_partial() + asm.SETITEM, True), (b"", False)):
        state = _namespace_with(_state_with("keys", relu_with(hooks)))
        data = asm.proto(4) + linear + state + asm.BUILD + asm.STOP
        assert ("MLS104" in rules(scan_bytes(tmp_path, "hooks.pkl", data))) is planted


def test_a_regex_flag_is_a_value(tmp_path: Path) -> None:
    """`re.IGNORECASE` in a config pickles as `re.RegexFlag(2)`: an enum member looked up by value.
    Look-alike: re's `compile` of a pattern stays outside the allowlist (only `_compile` is on it)."""
    flag = pickle.dumps({"flags": __import__("re").IGNORECASE}, protocol=4)
    assert scan_bytes(tmp_path, "flags.pkl", flag) == []
    compiled = asm.proto(2) + asm.global_("re", "compile") + asm.text("a+") + asm.TUPLE1 + asm.REDUCE + asm.STOP
    assert scan_bytes(tmp_path, "compiled.pkl", compiled) != []


def test_review_bounds_of_the_planted_attribute_checks(tmp_path: Path) -> None:
    """Found by the stop's review. A partial bound to the object that holds it (`self.cb =
    partial(math.floor, self)`) is judged once, not until the recursion limit; an object inside a
    set's list (protocol 2 rebuilds a set as `set([obj])`) is read as a mapping at most, so its
    partial-valued attribute is not judged as called; a memoised text encoded many times is kept
    within the byte budget."""
    holder = asm.global_("types", "SimpleNamespace") + asm.EMPTY_TUPLE + asm.REDUCE + asm.binput(1)
    partial = asm.global_("functools", "partial") + asm.MARK + asm.global_("math", "floor") + asm.binget(1)
    partial += asm.TUPLE + asm.REDUCE
    holder += _state_with("cb", partial) + asm.BUILD
    in_set = asm.proto(2) + asm.global_("builtins", "set") + asm.MARK + asm.EMPTY_LIST + holder + asm.APPEND
    in_set += asm.TUPLE + asm.REDUCE + asm.STOP
    findings = scan_bytes(tmp_path, "self_partial.pkl", in_set)
    assert all(finding.rule_id not in ("MLS903", "MLS900") for finding in findings), findings
    assert findings == []
    text = asm.text("x" * 200_000) + asm.binput(2)
    encoded = asm.global_("_codecs", "encode") + asm.binput(3) + asm.POP
    many = asm.proto(2) + text + asm.POP + encoded + asm.EMPTY_LIST + asm.MARK
    many += (asm.binget(3) + asm.binget(2) + asm.text("latin1") + asm.TUPLE2 + asm.REDUCE) * 400
    many += b"e" + asm.STOP  # APPENDS
    assert all(finding.rule_id != "MLS903" for finding in scan_bytes(tmp_path, "many.pkl", many))


# --- pickles older library releases wrote --------------------------------------------------
_PANDAS1 = Path(__file__).resolve().parents[1] / "data" / "artifacts" / "pandas1_frame.pkl"


def test_a_frame_pandas_1_pickled_passes_and_a_look_alike_name_does_not(tmp_path: Path) -> None:
    """pandas 1.x pickles rebuild `Int64Index` and `Float64Index`, which pandas 2 dropped; the file
    was written by pandas 1.5.3 (make_pandas1_fixtures.py). A name pandas never had, in the same
    place, is still outside the allowlist."""
    data = _PANDAS1.read_bytes()
    assert b"Int64Index" in data and b"Float64Index" in data
    assert scan_bytes(tmp_path, "frame.pkl", data) == []
    look_alike = data.replace(b"Int64Index", b"Int64Indey", 1)
    assert rules(scan_bytes(tmp_path, "other.pkl", look_alike)) == ["MLS102"]


def test_the_block_call_of_pandas_1_3_pickles_passes_and_a_neighbour_does_not(tmp_path: Path) -> None:
    """pandas 1.3 and 1.4 pickled each block as `new_block(values, placement, ndim)`."""

    def block_call(name: str) -> bytes:
        placement = asm.global_("builtins", "slice") + asm.MARK + asm.binint(0) + asm.binint(2) + asm.NONE
        placement += asm.TUPLE + asm.REDUCE
        arguments = asm.MARK + asm.EMPTY_LIST + placement + asm.binint(2) + asm.TUPLE
        return asm.proto(2) + asm.global_("pandas.core.internals.blocks", name) + arguments + asm.REDUCE + asm.STOP

    assert scan_bytes(tmp_path, "block.pkl", block_call("new_block")) == []
    assert rules(scan_bytes(tmp_path, "blocks.pkl", block_call("new_blocks"))) == ["MLS102"]


def _partial_of_new_block(keywords: bytes) -> bytes:
    """`partial(new_block, **keywords)(values, placement)`, as pandas 1.3 pickled its blocks: the
    partial's keywords come from its BUILD state (func, args, kwargs, dict)."""
    new_block = asm.global_("pandas.core.internals.blocks", "new_block")
    partial = asm.global_("functools", "partial") + asm.MARK + new_block + asm.TUPLE + asm.REDUCE
    state = asm.MARK + new_block + asm.EMPTY_TUPLE + asm.EMPTY_DICT + keywords + asm.NONE + asm.TUPLE
    placement = asm.global_("builtins", "slice") + asm.MARK + asm.binint(0) + asm.binint(1) + asm.NONE + asm.TUPLE
    arguments = asm.MARK + asm.EMPTY_LIST + placement + asm.REDUCE + asm.TUPLE
    return asm.proto(2) + partial + state + asm.BUILD + arguments + asm.REDUCE + asm.STOP


def test_what_a_partial_binds_is_handed_to_what_it_wraps(tmp_path: Path) -> None:
    """pandas 1.3's `new_block(values, placement, ndim=, klass=)` calls `klass`: a global or a
    partial bound as a keyword is judged as called, like one passed to a call directly."""
    ndim = asm.text("ndim") + asm.binint(2) + asm.SETITEM
    assert scan_bytes(tmp_path, "block.pkl", _partial_of_new_block(ndim)) == []
    saver = asm.global_("functools", "partial") + asm.MARK + asm.global_("numpy", "savez")
    saver += asm.text("/tmp/x.npz") + asm.TUPLE + asm.REDUCE
    klass = asm.text("klass") + saver + asm.SETITEM
    assert rules(scan_bytes(tmp_path, "saver.pkl", _partial_of_new_block(ndim + klass))) == ["MLS102"]
    system = asm.text("klass") + asm.global_("os", "system") + asm.SETITEM
    assert rules(scan_bytes(tmp_path, "system.pkl", _partial_of_new_block(ndim + system))) == ["MLS101"]


def _partial_of(function: bytes, *arguments: bytes) -> bytes:
    return asm.global_("functools", "partial") + asm.MARK + function + b"".join(arguments) + asm.TUPLE + asm.REDUCE


def _called_by_torch(callable_: bytes) -> bytes:
    """torch's `_rebuild_from_type_v2(func, type, args, state)` calls `func(*args)`."""
    rebuild = asm.global_("torch._tensor", "_rebuild_from_type_v2")
    arguments = asm.MARK + callable_ + asm.global_("torch", "Tensor") + asm.EMPTY_TUPLE + asm.EMPTY_DICT + asm.TUPLE
    return asm.proto(2) + rebuild + arguments + asm.REDUCE + asm.STOP


def test_a_partial_built_by_copyreg_is_judged_as_a_partial(tmp_path: Path) -> None:
    """`copyreg.__newobj__(functools.partial, f, *args)` builds the same partial as calling
    functools.partial: calling it calls `f` (red team: numpy.savez through torch's rebuild)."""
    saver = asm.global_("numpy", "savez")
    built = asm.global_("copyreg", "__newobj__") + asm.MARK + asm.global_("functools", "partial") + saver
    built += asm.text("/tmp/x") + asm.TUPLE + asm.REDUCE
    assert rules(scan_bytes(tmp_path, "newobj.pkl", _called_by_torch(built))) == ["MLS102"]
    ex = asm.global_("copyreg", "__newobj_ex__") + asm.MARK + asm.global_("functools", "partial")
    ex += asm.MARK + saver + asm.text("/tmp/x") + asm.TUPLE + asm.EMPTY_DICT + asm.TUPLE + asm.REDUCE
    assert rules(scan_bytes(tmp_path, "newobj_ex.pkl", _called_by_torch(ex))) == ["MLS102"]
    # look-alike: the same partial of a function the allowlist lets a pickle call
    allowed = built.replace(b"numpy\nsavez", b"torch._utils\n_rebuild_tensor_v2").replace(b"\x8c\x06/tmp/x", b"")
    assert "MLS102" not in rules(scan_bytes(tmp_path, "allowed.pkl", _called_by_torch(allowed)))


def test_partials_nested_deeper_than_before_are_still_judged(tmp_path: Path) -> None:
    """A partial bound as an argument of a partial of a partial ... nine deep: the innermost
    still calls numpy.savez (the depth once stopped the judgement without a finding)."""
    inner = _partial_of(asm.global_("numpy", "savez"), asm.text("/tmp/x"))
    for _ in range(9):
        inner = _partial_of(asm.global_("functools", "partial"), inner)
    found = scan_bytes(tmp_path, "deep.pkl", _called_by_torch(inner))
    assert "MLS102" in rules(found)
    assert any("numpy.savez" in f.message for f in found)


def test_keywords_of_a_partial_held_in_an_object_stop_the_analysis(tmp_path: Path) -> None:
    """partial's own pickles set its keywords as a plain dict; an OrderedDict filled by SETITEMS
    binds keywords the analysis does not hold: not fully analysed, never a pass."""
    partial = _partial_of(asm.global_("builtins", "list"))
    keywords = asm.global_("collections", "OrderedDict") + asm.EMPTY_TUPLE + asm.REDUCE
    keywords += asm.MARK + asm.text("func") + _partial_of(asm.global_("numpy", "savez"), asm.text("/tmp/x"))
    keywords += b"u"  # SETITEMS
    state = asm.MARK + asm.global_("builtins", "list") + asm.EMPTY_TUPLE + keywords + asm.NONE + asm.TUPLE
    found = scan_bytes(tmp_path, "ordered.pkl", _called_by_torch(partial + state + asm.BUILD))
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS903", "high")]
    # look-alike: the same keywords as a plain dict are read (and the saver judged as called)
    plain = asm.EMPTY_DICT + asm.MARK + asm.text("x") + _partial_of(asm.global_("numpy", "savez"), asm.text("/t"))
    plain += b"u"
    state = asm.MARK + asm.global_("builtins", "list") + asm.EMPTY_TUPLE + plain + asm.NONE + asm.TUPLE
    assert rules(scan_bytes(tmp_path, "plain.pkl", _called_by_torch(partial + state + asm.BUILD))) == ["MLS102"]


def test_partials_shared_by_many_paths_are_judged_once(tmp_path: Path) -> None:
    """Each level binds the previous level's partial four times: judged once per partial, the
    analysis ends (with its finding) instead of walking 4**12 paths."""
    inner = _partial_of(asm.global_("numpy", "savez"), asm.text("/tmp/x")) + asm.binput(1)
    for level in range(12):
        inner = _partial_of(asm.global_("builtins", "list"), inner, *[asm.binget(1)] * 3) + asm.binput(1)
        del level
    assert rules(scan_bytes(tmp_path, "shared.pkl", _called_by_torch(inner))) == ["MLS102"]


def _factory_repointed(state: bytes, *, keywords_later: bytes = b"") -> bytes:
    """`defaultdict(P)` with `P = partial(builtins.list)`, judged when defaultdict is handed it;
    then `state` is set on P by a BUILD (memo 1 is P, memo 2 the keywords dict if `state` puts
    one there), and `keywords_later` runs after it (red team, stop 73: p08)."""
    factory = _partial_of(asm.global_("builtins", "list")) + asm.binput(1)
    table = asm.global_("collections", "defaultdict") + asm.MARK + factory + asm.TUPLE + asm.REDUCE
    return asm.proto(2) + table + asm.binget(1) + state + asm.BUILD + asm.POP + keywords_later + asm.STOP


def test_a_partial_repointed_after_it_was_judged_is_judged_as_it_ends(tmp_path: Path) -> None:
    """A later BUILD gives a judged partial another function (partial's state is (func, args,
    kwargs, dict)), and its `__setstate__` keeps the keywords dict by reference, so a SETITEM on
    the memoised dict adds keywords later: the partial runs what it holds when loading ends."""
    saver = asm.MARK + asm.global_("numpy", "savez") + asm.MARK + asm.text("/tmp/x") + asm.TUPLE
    repointed = saver + asm.EMPTY_DICT + asm.NONE + asm.TUPLE
    assert rules(scan_bytes(tmp_path, "repointed.pkl", _factory_repointed(repointed))) == ["MLS102"]
    # a keyword added through the memo after the BUILD: pandas 1.3's new_block calls its `klass`
    new_block = asm.MARK + asm.global_("pandas.core.internals.blocks", "new_block") + asm.EMPTY_TUPLE
    held = new_block + asm.EMPTY_DICT + asm.binput(2) + asm.NONE + asm.TUPLE
    klass = _partial_of(asm.global_("numpy", "savez"), asm.text("/tmp/x"))
    later = asm.binget(2) + asm.text("klass") + klass + asm.SETITEM + asm.POP
    assert rules(scan_bytes(tmp_path, "later.pkl", _factory_repointed(held, keywords_later=later))) == ["MLS102"]
    # look-alikes: re-pointed to another function the allowlist lets a pickle call, and keywords
    # filled with data
    listed = asm.MARK + asm.global_("builtins", "dict") + asm.EMPTY_TUPLE + asm.EMPTY_DICT + asm.NONE + asm.TUPLE
    assert rules(scan_bytes(tmp_path, "listed.pkl", _factory_repointed(listed))) == []
    data = asm.binget(2) + asm.text("ndim") + asm.binint(2) + asm.SETITEM + asm.POP
    assert rules(scan_bytes(tmp_path, "data.pkl", _factory_repointed(held, keywords_later=data))) == []


def _judged_then(change: bytes, *, restore: bytes = b"") -> bytes:
    """q = partial(int) (memo 1) wrapped by p = partial(int) whose state binds q (memo 2); p is
    handed to a call (both judged), then `change` runs, p is called, and `restore` runs before STOP
    (red team, stop 74: a judgement remembered across a change)."""
    q = _partial_of(asm.global_("builtins", "int")) + asm.binput(1) + asm.POP
    p = _partial_of(asm.global_("builtins", "int"))
    p += asm.MARK + asm.binget(1) + asm.EMPTY_TUPLE + asm.EMPTY_DICT + asm.NONE + asm.TUPLE + asm.BUILD
    p += asm.binput(2) + asm.POP
    handed = asm.global_("builtins", "list") + asm.MARK + asm.MARK + asm.binget(2) + asm.TUPLE + asm.TUPLE
    handed += asm.REDUCE + asm.POP
    called = asm.binget(2) + asm.EMPTY_TUPLE + asm.REDUCE + asm.POP
    return asm.proto(2) + q + p + handed + change + called + restore + asm.NONE + asm.STOP


def test_a_change_after_a_partial_was_judged_is_judged_when_it_is_called(tmp_path: Path) -> None:
    """p binds q; both are judged when p is handed to a call. A BUILD then re-points q to numpy.save,
    p is called (which calls q), and q is put back before STOP: the call runs numpy.save."""
    save = asm.MARK + asm.global_("numpy", "save") + asm.MARK + asm.text("/tmp/x") + asm.binint(1) + asm.TUPLE
    repoint = asm.binget(1) + save + asm.EMPTY_DICT + asm.NONE + asm.TUPLE + asm.BUILD + asm.POP
    back = asm.MARK + asm.global_("builtins", "int") + asm.EMPTY_TUPLE + asm.EMPTY_DICT + asm.NONE + asm.TUPLE
    restore = asm.binget(1) + back + asm.BUILD + asm.POP
    assert rules(scan_bytes(tmp_path, "flip.pkl", _judged_then(repoint, restore=restore))) == ["MLS102"]
    # look-alike: re-pointed to another function a pickle may call, and back
    listed = asm.binget(1) + back.replace(b"builtins\nint", b"builtins\nlist") + asm.BUILD + asm.POP
    assert rules(scan_bytes(tmp_path, "listed.pkl", _judged_then(listed, restore=restore))) == []


def test_setitem_on_a_list_changes_what_a_call_handed_it_holds(tmp_path: Path) -> None:
    """The loader runs `list.__setitem__`: `L[0] = numpy.save` before torch's rebuild runs
    `L[0](*L[2])`. A key that is not an integer (a slice the file built) is not followed."""
    listed = asm.MARK + asm.global_("builtins", "int") + asm.global_("builtins", "object") + asm.EMPTY_TUPLE
    listed += asm.EMPTY_DICT + b"l" + asm.binput(1)  # LIST
    saver = asm.MARK + asm.binint(0) + asm.global_("numpy", "save") + asm.binint(2)
    saver += asm.MARK + asm.text("/tmp/x") + asm.binint(1) + asm.TUPLE + asm.SETITEMS + asm.POP
    rebuild = asm.global_("torch._tensor", "_rebuild_from_type_v2")
    call = rebuild + asm.MARK + rebuild + asm.global_("builtins", "object") + asm.binget(1) + asm.EMPTY_DICT
    call += asm.TUPLE + asm.REDUCE
    assert rules(scan_bytes(tmp_path, "list.pkl", asm.proto(2) + listed + saver + call + asm.STOP)) == ["MLS102"]
    # look-alike: an item set to data, and an index past the end (the real load stops there)
    data = saver.replace(asm.global_("numpy", "save"), asm.binint(7))
    assert rules(scan_bytes(tmp_path, "data.pkl", asm.proto(2) + listed + data + call + asm.STOP)) == []
    sliced = asm.global_("builtins", "slice") + asm.MARK + asm.binint(0) + asm.binint(1) + asm.NONE + asm.TUPLE
    sliced = asm.binget(1) + sliced + asm.REDUCE + asm.EMPTY_LIST + asm.SETITEM + asm.POP
    found = scan_bytes(tmp_path, "slice.pkl", asm.proto(2) + listed + sliced + asm.NONE + asm.STOP)
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS903", "high")]


def test_an_object_torch_calls_while_loading_is_a_called_object(tmp_path: Path) -> None:
    """numpy.vectorize rebuilt by NEWOBJ with `pyfunc` set to numpy.save, handed as the function
    torch's `_rebuild_from_type_v2(func, type, args, state)` runs: its `__call__` calls numpy.save."""
    vectorized = asm.global_("numpy", "vectorize") + asm.EMPTY_TUPLE + asm.NEWOBJ
    vectorized += asm.EMPTY_DICT + asm.text("pyfunc") + asm.global_("numpy", "save") + asm.SETITEM + asm.BUILD
    rebuild = asm.global_("torch._tensor", "_rebuild_from_type_v2")
    arguments = asm.MARK + asm.text("/tmp/x") + asm.binint(1) + asm.TUPLE
    call = rebuild + asm.MARK + vectorized + asm.global_("builtins", "object") + arguments + asm.EMPTY_DICT
    call += asm.TUPLE + asm.REDUCE
    assert "MLS101" in rules(scan_bytes(tmp_path, "vectorize.pkl", asm.proto(2) + call + asm.STOP))
    # look-alike: the same object kept as data beside the rebuild's own function
    kept = asm.global_("builtins", "list") + asm.MARK + asm.MARK + vectorized + asm.TUPLE + asm.TUPLE + asm.REDUCE
    assert "MLS101" not in rules(scan_bytes(tmp_path, "kept.pkl", asm.proto(2) + kept + asm.STOP))


def test_partials_judged_again_after_every_change_stop_within_a_budget(tmp_path: Path) -> None:
    """Partials binding one list, handed while it is empty and judged again once it holds many
    values: the analysis stops (fail closed) instead of walking the list once per partial."""
    stream = asm.proto(2) + asm.EMPTY_LIST + asm.binput(1) + asm.POP
    partials = b"".join(_partial_of(asm.global_("builtins", "int"), asm.binget(1)) for _ in range(60))
    stream += asm.global_("builtins", "list") + asm.MARK + asm.MARK + partials + asm.TUPLE + asm.TUPLE + asm.REDUCE
    stream += asm.POP + asm.binget(1) + asm.MARK + asm.binint(1) + b"2" * 100_000 + b"e" + asm.POP  # DUP, APPENDS
    found = scan_bytes(tmp_path, "many.pkl", stream + asm.NONE + asm.STOP)
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS903", "high")]  # not the time limit


def _rebuild(function: bytes, arguments: bytes) -> bytes:
    """torch's `_rebuild_from_type_v2(function, object, arguments, {})`: runs `function(*arguments)`."""
    rebuild = asm.global_("torch._tensor", "_rebuild_from_type_v2")
    arguments = asm.MARK + function + asm.global_("builtins", "object") + arguments + asm.EMPTY_DICT + asm.TUPLE
    return rebuild + arguments + asm.REDUCE


def _vectorized_save() -> bytes:
    """numpy.vectorize rebuilt by NEWOBJ, its `pyfunc` set to numpy.save by BUILD."""
    made = asm.global_("numpy", "vectorize") + asm.EMPTY_TUPLE + asm.NEWOBJ
    return made + asm.EMPTY_DICT + asm.text("pyfunc") + asm.global_("numpy", "save") + asm.SETITEM + asm.BUILD


SAVE_ARGUMENTS = asm.MARK + asm.text("/tmp/x") + asm.binint(1) + asm.TUPLE


def test_what_torchs_rebuild_runs_is_judged_as_that_call_wherever_it_sits(tmp_path: Path) -> None:
    """The rebuild runs `function(*arguments)`: an object the file built there is called, also when
    the rebuild is handed to itself (the inner one runs the object) or wrapped in a partial (red
    team, stop 74: E3, E2)."""
    inner = asm.global_("torch._tensor", "_rebuild_from_type_v2")
    nested_arguments = asm.MARK + _vectorized_save() + asm.global_("builtins", "object") + SAVE_ARGUMENTS
    nested_arguments += asm.EMPTY_DICT + asm.TUPLE
    nested = asm.proto(2) + _rebuild(inner, nested_arguments) + asm.STOP
    assert "MLS101" in rules(scan_bytes(tmp_path, "nested.pkl", nested))
    bound = asm.global_("functools", "partial") + asm.MARK + inner + nested_arguments[1:-1] + asm.TUPLE + asm.REDUCE
    wrapped = asm.proto(2) + bound + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    assert "MLS101" in rules(scan_bytes(tmp_path, "wrapped.pkl", wrapped))
    # look-alike: the rebuild running a function the allowlist lets a pickle call, nested the same way
    plain = asm.MARK + asm.global_("builtins", "list") + asm.global_("builtins", "object") + asm.EMPTY_TUPLE
    plain += asm.EMPTY_DICT + asm.TUPLE
    assert rules(scan_bytes(tmp_path, "plain.pkl", asm.proto(2) + _rebuild(inner, plain) + asm.STOP)) == []


def test_a_list_made_by_a_call_is_a_list_setitems_can_change(tmp_path: Path) -> None:
    """`builtins.list(...)` builds a list as the LIST opcode does: SETITEMS on it puts numpy.save
    where the rebuild takes its function (red team, stop 74: C2)."""
    made = asm.global_("builtins", "list") + asm.MARK + asm.MARK + asm.global_("builtins", "int")
    made += asm.global_("builtins", "object") + asm.EMPTY_TUPLE + asm.EMPTY_DICT + asm.TUPLE + asm.TUPLE + asm.REDUCE
    made += asm.binput(1) + asm.MARK + asm.binint(0) + asm.global_("numpy", "save") + asm.binint(2) + SAVE_ARGUMENTS
    made += asm.SETITEMS + asm.POP
    rebuild = asm.global_("torch._tensor", "_rebuild_from_type_v2")
    stream = asm.proto(2) + made + _rebuild(rebuild, asm.binget(1)) + asm.STOP
    assert rules(scan_bytes(tmp_path, "listed.pkl", stream)) == ["MLS102"]
    # look-alike: the same list made and left as it is
    unchanged = made.split(asm.binput(1))[0] + asm.binput(1) + asm.POP
    stream = asm.proto(2) + unchanged + _rebuild(rebuild, asm.binget(1)) + asm.STOP
    assert rules(scan_bytes(tmp_path, "unchanged.pkl", stream)) == []


def test_calling_an_object_made_by_calling_a_class_is_a_call_of_it(tmp_path: Path) -> None:
    """REDUCE on `Parallel()` hands it [(numpy.save, args, {})], which it runs; REDUCE on a module
    made by calling its class, whose `forward` a BUILD set, runs numpy.save (red team, stop 74: G1,
    F1). Look-alike: the same objects built and kept, never called."""
    parallel = asm.global_("sklearn.utils.parallel", "Parallel") + asm.EMPTY_TUPLE + asm.REDUCE
    jobs = asm.MARK + asm.MARK + asm.MARK + asm.global_("numpy", "save") + SAVE_ARGUMENTS + asm.EMPTY_DICT
    jobs += asm.TUPLE + b"l" + asm.TUPLE + asm.REDUCE
    found = rules(scan_bytes(tmp_path, "parallel.pkl", asm.proto(2) + parallel + jobs + asm.STOP))
    assert "MLS101" in found and "MLS102" in found
    module = asm.global_("torch.nn", "Sequential") + asm.EMPTY_TUPLE + asm.REDUCE
    module += asm.EMPTY_DICT + asm.text("forward") + asm.global_("numpy", "save") + asm.SETITEM + asm.BUILD
    found = rules(scan_bytes(tmp_path, "module.pkl", asm.proto(2) + module + SAVE_ARGUMENTS + asm.REDUCE + asm.STOP))
    assert "MLS101" in found
    assert "MLS101" not in rules(scan_bytes(tmp_path, "kept.pkl", asm.proto(2) + parallel + asm.STOP))


def test_many_defaultdicts_sharing_one_partial_factory_are_judged_once(tmp_path: Path) -> None:
    """pickle.dumps of 2,500 defaultdicts sharing `partial(OrderedDict, template)` as factory, each
    filled by SETITEMS: a change to a dict the partial does not hold leaves its judgement standing
    (red team, stop 74: the 4M budget stopped this benign file)."""
    import functools

    template = [(f"k{i}", i) for i in range(1000)]
    factory = functools.partial(collections.OrderedDict, template)
    tables = []
    for index in range(2500):
        table: collections.defaultdict[str, object] = collections.defaultdict(factory)
        table[f"a{index}"] = index
        tables.append(table)
    assert rules(scan_bytes(tmp_path, "tables.pkl", pickle.dumps(tables, protocol=2))) == []


def test_objects_handed_again_and_again_stop_within_budgets(tmp_path: Path) -> None:
    """One dict whose 10,000 values are the same object (which holds 9,000 more), and one large
    list handed to call after call: each object is looked at once, and the walks stop at their
    budget (fail closed) instead of running into the time limit (red team, stop 74: S5, S2)."""
    plain = asm.global_("builtins", "object") + asm.binput(3) + asm.POP
    many = asm.MARK + b"".join(asm.binget(3) + asm.EMPTY_TUPLE + asm.REDUCE for _ in range(9000)) + b"l"  # LIST
    holder = asm.global_("argparse", "Namespace") + asm.EMPTY_TUPLE + asm.REDUCE
    holder += asm.EMPTY_DICT + asm.text("keys") + many + asm.SETITEM + asm.BUILD + asm.binput(1) + asm.POP
    shared = asm.EMPTY_DICT + asm.MARK + b"".join(asm.binint(i) + asm.binget(1) for i in range(10_000)) + asm.SETITEMS
    handed = asm.global_("builtins", "list") + asm.MARK + shared + asm.TUPLE + asm.REDUCE
    found = scan_bytes(tmp_path, "shared.pkl", asm.proto(2) + plain + holder + handed + asm.STOP)
    assert "MLS914" not in rules(found)  # not the time limit
    big = asm.EMPTY_LIST + asm.MARK + asm.binint(1) + b"2" * 1_100_000 + b"e" + asm.binput(2) + asm.POP  # DUP, APPENDS
    call = asm.global_("builtins", "set") + asm.MARK + asm.binget(2) + asm.TUPLE + asm.REDUCE + asm.POP
    calls = call * 20
    found = scan_bytes(tmp_path, "walked.pkl", asm.proto(2) + big + calls + asm.NONE + asm.STOP)
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS903", "high")]


def test_an_unpickler_name_passes_only_under_a_class_the_allowlist_names(tmp_path: Path) -> None:
    """`combining.copymodule._reconstruct` is the stdlib copy module's `_reconstruct` (which runs
    `func(*args)`) under a library module's name: not a class's own unpickler (red team, stop 74:
    H1). Look-alike: zoneinfo's own `ZoneInfo._unpickle`."""
    # (the module the red team used is refused whole now; the name is judged the same under any library)
    walked = asm.proto(4) + asm.text("sklearn.utils.fixes") + asm.text("copymodule._reconstruct")
    walked += asm.STACK_GLOBAL + asm.MARK + asm.NONE + asm.NONE + asm.TUPLE + asm.REDUCE + asm.STOP
    assert "MLS103" in rules(scan_bytes(tmp_path, "walked.pkl", walked))
    zone = asm.proto(4) + asm.text("zoneinfo") + asm.text("ZoneInfo._unpickle") + asm.STACK_GLOBAL
    zone += asm.MARK + asm.text("UTC") + asm.binint(1) + asm.TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "zone.pkl", zone)) == []


def test_a_deque_or_dict_filled_by_the_file_hands_its_callables_to_the_rebuild(tmp_path: Path) -> None:
    """`rebuild(rebuild, object, D, {})` runs `rebuild(*D)`: a deque filled by APPENDS, or a dict
    whose keys SETITEMS set, hands numpy.save as the function (red team, stop 74: H2, H6). A deque
    of data is only data."""
    rebuild = asm.global_("torch._tensor", "_rebuild_from_type_v2")
    parts = asm.global_("numpy", "save") + asm.global_("builtins", "object") + SAVE_ARGUMENTS + asm.EMPTY_DICT
    deque = asm.global_("collections", "deque") + asm.EMPTY_TUPLE + asm.REDUCE + asm.MARK + parts + b"e"
    assert rules(scan_bytes(tmp_path, "deque.pkl", asm.proto(2) + _rebuild(rebuild, deque) + asm.STOP)) == ["MLS102"]
    keyed = asm.global_("builtins", "dict") + asm.EMPTY_TUPLE + asm.REDUCE + asm.MARK + asm.global_("numpy", "save")
    keyed += asm.binint(0) + asm.text("/tmp/x") + asm.binint(1) + asm.SETITEMS
    assert rules(scan_bytes(tmp_path, "keyed.pkl", asm.proto(2) + _rebuild(rebuild, keyed) + asm.STOP)) == ["MLS102"]
    data = asm.global_("collections", "deque") + asm.EMPTY_TUPLE + asm.REDUCE + asm.MARK + asm.binint(1)
    data += asm.binint(2) + b"e" + asm.POP
    assert rules(scan_bytes(tmp_path, "data.pkl", asm.proto(2) + data + asm.NONE + asm.STOP)) == []


def test_built_objects_a_call_reaches_through_a_base_or_keywords_are_called(tmp_path: Path) -> None:
    """`copyreg._reconstructor(cls, base, state)` runs `base.__new__(cls, state)`: a namespace
    whose `__new__` is a vectorize of numpy.save runs it (H3); `partial(rebuild, func=vec,
    new_type=object, args=(path,), state={})()` runs `vec(path)` (H7)."""
    namespace = asm.global_("functools", "partial") + asm.MARK + asm.global_("types", "SimpleNamespace") + asm.TUPLE
    namespace += asm.REDUCE + asm.MARK + asm.global_("types", "SimpleNamespace") + asm.EMPTY_TUPLE + asm.EMPTY_DICT
    namespace += asm.text("__new__") + _vectorized_save() + asm.SETITEM + asm.NONE + asm.TUPLE + asm.BUILD
    namespace += asm.EMPTY_TUPLE + asm.REDUCE
    based = asm.global_("copyreg", "_reconstructor") + asm.MARK + asm.text("/tmp/x") + namespace + asm.binint(1)
    based += asm.TUPLE + asm.REDUCE
    assert "MLS101" in rules(scan_bytes(tmp_path, "based.pkl", asm.proto(2) + based + asm.STOP))
    rebuild = asm.global_("torch._tensor", "_rebuild_from_type_v2")
    keywords = asm.EMPTY_DICT + asm.MARK + asm.text("func") + _vectorized_save() + asm.text("new_type")
    keywords += asm.global_("builtins", "object") + asm.text("args") + SAVE_ARGUMENTS + asm.text("state")
    keywords += asm.EMPTY_DICT + asm.SETITEMS
    partial = asm.global_("functools", "partial") + asm.MARK + rebuild + asm.TUPLE + asm.REDUCE
    partial += asm.MARK + rebuild + asm.EMPTY_TUPLE + keywords + asm.NONE + asm.TUPLE + asm.BUILD
    assert "MLS101" in rules(
        scan_bytes(tmp_path, "keywords.pkl", asm.proto(2) + partial + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP)
    )


def test_a_bytearray_changed_after_it_was_read_stops_the_analysis(tmp_path: Path) -> None:
    """torch's `_load_from_bytes` is handed a BYTEARRAY8 that SETITEMS later patch into another
    pickle: the bytes read are not what the loader reads (red team, stop 74: H4). A bytearray kept
    as it is, and the stdlib's array.array, are data."""
    inner = asm.proto(2) + asm.NONE + asm.STOP
    patched = asm.proto(5) + b"\x96" + len(inner).to_bytes(8, "little") + inner  # BYTEARRAY8
    patched += asm.MARK + asm.binint(2) + asm.binint(0x2E) + asm.SETITEMS + asm.POP + asm.NONE + asm.STOP
    found = scan_bytes(tmp_path, "patched.pkl", patched)
    assert [(f.rule_id, f.severity.value) for f in found] == [("MLS903", "high")]
    kept = asm.proto(5) + b"\x96" + len(inner).to_bytes(8, "little") + inner + asm.STOP
    assert rules(scan_bytes(tmp_path, "kept.pkl", kept)) == []
    import array

    for protocol in (2, 4):
        assert (
            rules(scan_bytes(tmp_path, f"array{protocol}.pkl", pickle.dumps(array.array("d", [1.0, 2.0]), protocol)))
            == []
        )


def test_a_dotted_name_is_judged_at_every_module_it_walks_through(tmp_path: Path) -> None:
    """`torch` `utils.collect_env.run` is `torch.utils.collect_env.run` (runs a command), and
    `sklearn` `datasets.get_data_home` creates a folder: kept as values they are what a library
    object running a stored function calls (red team, stop 74: M6-M8). Look-alike: a dotted name
    walking to a class the allowlist names."""
    for module, name in (("torch", "utils.collect_env.run"), ("numpy", "lib.npyio.load")):
        kept = asm.proto(4) + asm.EMPTY_LIST + asm.text(module) + asm.text(name) + asm.STACK_GLOBAL + asm.APPEND
        assert "MLS101" in rules(scan_bytes(tmp_path, "kept.pkl", kept + asm.STOP)), name
    fine = asm.proto(4) + asm.EMPTY_LIST + asm.text("torch") + asm.text("nn.Linear") + asm.STACK_GLOBAL + asm.APPEND
    assert rules(scan_bytes(tmp_path, "fine.pkl", fine + asm.STOP)) == []


def test_a_data_pipe_running_a_stored_function_is_refused_and_decimal_and_nat_pass(tmp_path: Path) -> None:
    """torch's MapperIterDataPipe runs its `fn` over its `datapipe` when anything iterates it (a
    `list()`, a hash of a tuple of it): built by a pickle, it calls what the file chose on what the
    file chose (red team, stop 74: M1). Look-alikes: decimal's context and pandas' NaT, real pickles."""
    mapper = asm.global_("torch.utils.data.datapipes.iter.callable", "MapperIterDataPipe") + asm.EMPTY_TUPLE
    mapper += asm.NEWOBJ + asm.EMPTY_DICT + asm.text("fn") + asm.global_("builtins", "len") + asm.SETITEM + asm.BUILD
    assert "MLS101" in rules(scan_bytes(tmp_path, "mapper.pkl", asm.proto(2) + mapper + asm.STOP))
    import decimal

    import pandas

    for protocol in (0, 2, 5):
        data = pickle.dumps([decimal.getcontext(), pandas.NaT, decimal.Decimal("1.5")], protocol)
        assert rules(scan_bytes(tmp_path, f"values{protocol}.pkl", data)) == [], protocol
