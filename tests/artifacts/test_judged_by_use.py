"""Globals judged by what the unpickler does with them (reference, rebuild, call) and by the
arguments of the calls whose danger depends on them; each with a look-alike that must still block."""

from __future__ import annotations

import time
from pathlib import Path

from hooks._core.findings import Severity
from hooks.artifacts.analysis import Analysis, Limits
from hooks.artifacts.globals_policy import GlobalsPolicy, Use, Verdict
from tests import pickle_asm as asm
from tests.artifacts.helpers import rules, scan_bytes


def ref(module: str, name: str) -> bytes:
    return asm.text(module) + asm.text(name) + asm.STACK_GLOBAL


def blocking(findings: list) -> list[str]:
    return sorted(f.rule_id for f in findings if f.severity.rank >= Severity.MEDIUM.rank)


def test_a_library_function_kept_as_a_value_passes_but_called_blocks(tmp_path: Path) -> None:
    kept = asm.proto(4) + asm.EMPTY_DICT + asm.text("score_func") + ref("numpy", "log1p") + asm.SETITEM + asm.STOP
    assert rules(scan_bytes(tmp_path, "kept.pkl", kept)) == []
    called = asm.proto(4) + ref("numpy", "log1p") + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "called.pkl", called)) == ["MLS102"]


def test_an_unknown_package_is_not_a_library(tmp_path: Path) -> None:
    kept = asm.proto(4) + ref("evilpkg.helpers", "thing") + asm.STOP
    assert rules(scan_bytes(tmp_path, "kept.pkl", kept)) == ["MLS102"]  # importing it runs its code


def test_a_library_class_rebuilt_without_init_passes_but_called_blocks(tmp_path: Path) -> None:
    rebuilt = asm.proto(4) + ref("scipy.interpolate._bsplines", "BSpline") + asm.EMPTY_TUPLE + asm.NEWOBJ
    assert rules(scan_bytes(tmp_path, "new.pkl", rebuilt + asm.EMPTY_DICT + asm.BUILD + asm.STOP)) == []
    called = asm.proto(4) + ref("scipy.interpolate._bsplines", "BSpline") + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "call.pkl", called)) == ["MLS102"]


def test_copyreg_reconstructor_with_object_base(tmp_path: Path) -> None:
    data = asm.proto(0) + asm.global_("copyreg", "_reconstructor") + asm.MARK
    data += asm.global_("sklearn.base", "SomeEstimatorLikeClass") + asm.global_("__builtin__", "object") + asm.NONE
    data += asm.TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "p0.pkl", data)) == []


def test_side_effect_classes_block_under_any_module_and_use(tmp_path: Path) -> None:
    for index, module in enumerate(["pandas", "pandas.io.excel._base"]):
        data = asm.proto(4) + ref(module, "ExcelWriter") + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.STOP
        findings = scan_bytes(tmp_path, f"x{index}.pkl", data)
        assert rules(findings) == ["MLS101"]
    legacy = asm.proto(2) + asm.global_("joblib.numpy_pickle_compat", "NDArrayWrapper") + asm.EMPTY_TUPLE
    assert rules(scan_bytes(tmp_path, "nd.pkl", legacy + asm.NEWOBJ + asm.STOP)) == ["MLS101"]


def test_getattr_is_judged_by_its_arguments(tmp_path: Path) -> None:
    method = asm.proto(2) + asm.global_("builtins", "getattr") + asm.global_("builtins", "str") + asm.text("split")
    method += b"\x86" + asm.REDUCE  # TUPLE2
    assert rules(scan_bytes(tmp_path, "split.pkl", method + asm.STOP)) == []  # str.split kept as a value
    unpickler = asm.proto(2) + asm.global_("builtins", "getattr") + asm.global_("zoneinfo", "ZoneInfo")
    unpickler += asm.text("_unpickle") + b"\x86" + asm.REDUCE + asm.text("UTC") + b"K\x01\x86" + asm.REDUCE
    assert rules(scan_bytes(tmp_path, "tz.pkl", unpickler + asm.STOP)) == []  # the class's own unpickler
    write = asm.proto(2) + asm.global_("builtins", "getattr") + asm.global_("pathlib", "Path") + asm.text("write_text")
    write += b"\x86" + asm.REDUCE + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    assert blocking(scan_bytes(tmp_path, "write.pkl", write)) == ["MLS103"]
    special = asm.proto(2) + asm.global_("builtins", "getattr") + asm.global_("builtins", "str")
    special += asm.text("__class__") + b"\x86" + asm.REDUCE + asm.STOP
    assert "MLS101" in rules(scan_bytes(tmp_path, "special.pkl", special))
    computed = asm.proto(2) + asm.global_("builtins", "getattr") + asm.EMPTY_DICT + asm.text("x") + b"\x86"
    assert rules(scan_bytes(tmp_path, "obj.pkl", computed + asm.REDUCE + asm.STOP)) == ["MLS101"]


def test_partial_is_judged_by_what_it_wraps(tmp_path: Path) -> None:
    wrap = asm.proto(2) + asm.global_("functools", "partial") + asm.global_("numpy", "log1p") + b"\x85" + asm.REDUCE
    assert rules(scan_bytes(tmp_path, "p.pkl", wrap + asm.STOP)) == []
    called = wrap + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP  # calling the partial calls numpy.log1p
    assert rules(scan_bytes(tmp_path, "pc.pkl", called)) == ["MLS102"]
    opaque = asm.proto(2) + asm.global_("functools", "partial") + asm.EMPTY_DICT + b"\x85" + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "po.pkl", opaque)) == ["MLS101"]


def test_a_partial_of_an_argument_judged_global_is_judged_when_called(tmp_path: Path) -> None:
    # partial(getattr, uuid.os, "system")() is getattr on arguments nobody vetted: os.system.
    data = asm.proto(2) + asm.global_("functools", "partial") + asm.MARK + asm.global_("builtins", "getattr")
    data += asm.global_("uuid", "os") + asm.text("system") + asm.TUPLE + asm.REDUCE
    called = data + asm.EMPTY_TUPLE + asm.REDUCE + asm.text("id") + b"\x85" + asm.REDUCE + asm.STOP
    assert "MLS101" in rules(scan_bytes(tmp_path, "getattr.pkl", called))
    nested = asm.proto(2) + asm.global_("functools", "partial") + asm.global_("functools", "partial") + b"\x85"
    nested += asm.REDUCE + asm.global_("uuid", "os") + b"\x85" + asm.REDUCE + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    assert "MLS101" in rules(scan_bytes(tmp_path, "nested.pkl", nested))  # partial(partial)(...) called


def test_a_partial_handed_to_a_call_is_judged_as_called(tmp_path: Path) -> None:
    # torch's _rebuild_from_type_v2(func, ...) calls func: a partial given to it is called.
    # `uuid.os.system`: a library root's attribute, allowed as a mere reference
    partial = asm.global_("functools", "partial") + asm.MARK + ref("uuid", "os.system") + asm.text("id")
    partial += asm.TUPLE + asm.REDUCE
    data = asm.proto(2) + asm.global_("torch._tensor", "_rebuild_from_type_v2") + asm.MARK + partial
    data += asm.global_("torch", "Tensor") + asm.EMPTY_TUPLE + asm.EMPTY_DICT + asm.TUPLE + asm.REDUCE + asm.STOP
    assert {"MLS101", "MLS103"} & set(rules(scan_bytes(tmp_path, "handed.pkl", data)))  # critical either way
    look_alike = asm.proto(2) + asm.global_("functools", "partial") + asm.global_("numpy", "log1p") + b"\x85"
    look_alike += asm.REDUCE + asm.STOP  # a partial of a library function, kept: nothing is called
    assert rules(scan_bytes(tmp_path, "kept.pkl", look_alike)) == []


def test_dill_load_type_is_judged_by_the_type(tmp_path: Path) -> None:
    def load_type(name: str) -> bytes:
        return asm.proto(2) + asm.global_("dill._dill", "_load_type") + asm.text(name) + b"\x85" + asm.REDUCE

    assert rules(scan_bytes(tmp_path, "list.pkl", load_type("ListType") + asm.STOP)) == []
    assert rules(scan_bytes(tmp_path, "code.pkl", load_type("CodeType") + asm.STOP)) == ["MLS101"]


def test_injected_setstate_value_is_judged_as_called(tmp_path: Path) -> None:
    data = asm.proto(2) + asm.global_("collections", "OrderedDict") + asm.EMPTY_TUPLE + asm.REDUCE
    data += asm.EMPTY_DICT + asm.text("__setstate__") + ref("numpy", "log1p") + asm.SETITEM + asm.BUILD + asm.STOP
    assert rules(scan_bytes(tmp_path, "s.pkl", data)) == ["MLS102", "MLS104"]


def test_policy_judge_modes() -> None:
    policy = GlobalsPolicy()
    assert policy.judge("sklearn.metrics._classification", "f1_score", Use.REFERENCE) is Verdict.ALLOWED
    assert policy.judge("sklearn.metrics._classification", "f1_score", Use.CALL) is Verdict.UNKNOWN
    assert policy.judge("pandas.core.dtypes.dtypes", "PeriodDtype", Use.CALL) is Verdict.ALLOWED  # re-export
    assert policy.judge("os", "system", Use.REFERENCE) is Verdict.DANGEROUS
    assert policy.judge("numpy", "__builtins__.eval", Use.REFERENCE) is Verdict.DANGEROUS
    assert policy.judge("torch.serialization", "_get_layout", Use.CALL) is Verdict.ALLOWED
    assert policy.judge("torch.serialization", "load", Use.REFERENCE) is Verdict.DANGEROUS
    assert policy.judge("torch.return_types", "max", Use.CALL) is Verdict.ALLOWED


# --- bounds ---------------------------------------------------------------------------------------
def test_an_ext_flood_is_one_finding(tmp_path: Path) -> None:
    body = b"".join(b"\x84" + code.to_bytes(4, "little") + asm.POP for code in range(1, 20_000))
    findings = scan_bytes(tmp_path, "ext.pkl", asm.proto(2) + body + asm.NONE + asm.STOP)
    assert rules(findings) == ["MLS103"]


def test_time_is_checked_by_cost_not_opcode_count() -> None:
    import io

    import pytest

    from hooks.artifacts.errors import LimitExceeded
    from hooks.artifacts.walker import Walker

    big = asm.EMPTY_DICT + asm.MARK + b"".join(b"J" + i.to_bytes(4, "little") + asm.NONE for i in range(200_000))
    big += asm.SETITEMS + asm.binput(0)
    data = asm.proto(2) + asm.global_("collections", "OrderedDict") + asm.EMPTY_TUPLE + asm.REDUCE + big + asm.POP
    data += (asm.binget(0) + asm.BUILD) * 3000 + asm.STOP  # few opcodes, each walking 200,000 keys
    analysis = Analysis(GlobalsPolicy(), Limits(max_seconds=1))
    started = time.monotonic()
    with pytest.raises(LimitExceeded):
        Walker(analysis).walk_file(io.BytesIO(data), len(data), "b.pkl")
    assert time.monotonic() - started < 10


def test_a_nan_time_cap_does_not_disable_it() -> None:
    analysis = Analysis(GlobalsPolicy(), Limits(max_seconds=float("nan")))
    assert analysis.deadline < time.monotonic() + Limits().max_seconds + 1


def test_hostile_global_names_are_escaped(tmp_path: Path) -> None:
    data = asm.proto(4) + ref("evil\x1b[2J", "x\r\nmodel.pkl:1:1: fake") + asm.STOP
    findings = scan_bytes(tmp_path, "n.pkl", data)
    assert findings
    assert all(not {"\x1b", "\n", "\r"} & set(f.message) for f in findings)


def test_the_repositorys_own_class_is_low_but_its_functions_block(tmp_path: Path) -> None:
    (tmp_path / "mypkg").mkdir()
    (tmp_path / "mypkg" / "__init__.py").write_text("")
    (tmp_path / "mypkg" / "models.py").write_text("class Net:\n    pass\n\ndef build():\n    pass\n")
    rebuilt = asm.proto(4) + ref("mypkg.models", "Net") + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.STOP
    findings = scan_bytes(tmp_path, "own.pkl", rebuilt)
    assert rules(findings) == ["MLS102"] and findings[0].severity is Severity.LOW
    assert "mypkg/models.py" in findings[0].message
    called = asm.proto(4) + ref("mypkg.models", "build") + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    assert blocking(scan_bytes(tmp_path, "call.pkl", called)) == ["MLS102"]
    elsewhere = asm.proto(4) + ref("otherpkg.models", "Net") + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.STOP
    assert blocking(scan_bytes(tmp_path, "other.pkl", elsewhere)) == ["MLS102"]


def test_an_ext_flood_stays_within_a_memory_limit(tmp_path: Path) -> None:
    import subprocess
    import sys

    flood = tmp_path / "flood.pkl"
    codes = b"".join(b"\x84" + code.to_bytes(4, "little") for code in range(1, 1 << 19))  # distinct EXT4 codes
    flood.write_bytes(asm.proto(2) + codes + asm.STOP)
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (384 << 20, 384 << 20))\n"
        "from pathlib import Path\n"
        "from hooks._core.policy import Policy\n"
        "from hooks.artifacts.spec import SPEC\n"
        "from tests.scanning import findings_of\n"
        "found = findings_of(SPEC, Path(sys.argv[1]), 'flood.pkl', Policy(root=Path(sys.argv[1]).parent))\n"
        "print(len(found), sorted({f.rule_id for f in found}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(flood)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.split()[0] == "1" and "MLS103" in done.stdout


def test_a_rebuild_with_arguments_is_a_call(tmp_path: Path) -> None:
    # NEWOBJ runs cls.__new__(cls, *args): a class's own __new__ acts on the arguments.
    with_args = asm.proto(4) + ref("scipy.interpolate._bsplines", "BSpline") + asm.text("x") + b"\x85" + asm.NEWOBJ
    assert rules(scan_bytes(tmp_path, "a.pkl", with_args + asm.STOP)) == ["MLS102"]
    memmap = asm.proto(4) + ref("numpy", "memmap") + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.STOP
    assert rules(scan_bytes(tmp_path, "m.pkl", memmap)) == ["MLS101"]


def test_a_library_function_passed_to_a_call_is_judged_as_called(tmp_path: Path) -> None:
    # torch._tensor._rebuild_from_type_v2(func, type, args, state) calls func(*args).
    data = asm.proto(2) + asm.global_("torch._tensor", "_rebuild_from_type_v2") + asm.MARK
    data += asm.global_("numpy", "save") + asm.global_("torch", "Tensor") + asm.MARK + asm.text("/tmp/x")
    data += asm.EMPTY_LIST + asm.TUPLE + asm.EMPTY_DICT + asm.TUPLE + asm.REDUCE + asm.STOP
    assert blocking(scan_bytes(tmp_path, "r.pkl", data)) == ["MLS102"]


def test_cythons_unpickler_rebuilds_its_class_argument(tmp_path: Path) -> None:
    def pyx(cls_module: str, cls: str) -> bytes:
        data = asm.proto(2) + asm.global_("pandas._libs.arrays", "__pyx_unpickle_NDArrayBacked")
        return data + asm.MARK + asm.global_(cls_module, cls) + b"K\x01" + asm.NONE + asm.TUPLE + asm.REDUCE + asm.STOP

    assert rules(scan_bytes(tmp_path, "ok.pkl", pyx("pandas.core.arrays.period", "PeriodArray"))) == []
    assert rules(scan_bytes(tmp_path, "bad.pkl", pyx("evilpkg", "Thing"))) == ["MLS102"]


def _pickle_of(*globals_: tuple[str, str]) -> bytes:
    data = asm.proto(4) + asm.EMPTY_LIST
    for module, name in globals_:
        data += ref(module, name) + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.APPEND
    return data + asm.STOP


def test_globals_outside_the_allowlist_are_one_finding_per_stream(tmp_path: Path) -> None:
    names = [("tempo.serve.model", "Model"), ("tempo.serve.pipeline", "Pipeline"), ("alibi.explainers", "Anchor")]
    findings = scan_bytes(tmp_path, "many.pkl", _pickle_of(*names))
    assert rules(findings) == ["MLS102"]  # the reviewer's act is one: vet them all or distrust the file
    assert "3 globals not on the allowlist" in findings[0].message
    assert all(f"{m}.{n}" in findings[0].message for m, n in names)


def test_a_dangerous_global_among_unlisted_ones_still_has_its_own_finding(tmp_path: Path) -> None:
    data = _pickle_of(("tempo.serve.model", "Model"), ("tempo.serve.pipeline", "Pipeline"))[:-2]
    data += asm.global_("os", "system") + asm.text("id") + asm.TUPLE1 + asm.REDUCE + asm.APPEND + asm.STOP
    assert rules(scan_bytes(tmp_path, "mixed.pkl", data)) == ["MLS101", "MLS102"]


def _calls_of(*globals_: tuple[str, str]) -> bytes:
    """Each global called on a string (os.system("id")), appended to one list."""
    data = asm.proto(4) + asm.EMPTY_LIST
    for module, name in globals_:
        data += ref(module, name) + asm.text("id") + asm.TUPLE1 + asm.REDUCE + asm.APPEND
    return data + asm.STOP


def test_dangerous_globals_of_one_stream_are_one_finding_naming_each(tmp_path: Path) -> None:
    # A cloudpickled function names four to eight builders; the reviewer's act is one: do not load it.
    names = [("os", "system"), ("subprocess", "getoutput"), ("builtins", "exec")]
    findings = scan_bytes(tmp_path, "fn.pkl", _calls_of(*names))
    assert rules(findings) == ["MLS101"] and findings[0].severity is Severity.CRITICAL
    assert " 3 known-dangerous globals: " in findings[0].message
    assert all(f"calls {m}.{n} via REDUCE" in findings[0].message for m, n in names)


def test_dangerous_globals_of_different_streams_stay_apart(tmp_path: Path) -> None:
    # Two pickles in one archive are two things a loader may load: each has its own finding.
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("model/data.pkl", _calls_of(("os", "system")))
        archive.writestr("model/extra.pkl", _calls_of(("builtins", "eval")))
    findings = scan_bytes(tmp_path, "two.pt", buffer.getvalue())
    assert rules(findings) == ["MLS101", "MLS101"]


def test_a_lone_dangerous_global_keeps_its_message_and_key(tmp_path: Path) -> None:
    [finding] = scan_bytes(tmp_path, "one.pkl", _calls_of(("os", "system")))
    assert " calls os.system via REDUCE (" in finding.message and "known-dangerous globals" not in finding.message
    again = scan_bytes(tmp_path, "one.pkl", _calls_of(("os", "system"), ("os", "system")))
    assert [f.fingerprint for f in again] == [finding.fingerprint]


def test_a_new_dangerous_global_is_a_new_finding_for_the_baseline(tmp_path: Path) -> None:
    one = scan_bytes(tmp_path, "a.pkl", _calls_of(("os", "system")))
    two = scan_bytes(tmp_path, "a.pkl", _calls_of(("os", "system"), ("builtins", "exec")))
    swapped = scan_bytes(tmp_path, "a.pkl", _calls_of(("builtins", "exec"), ("os", "system")))
    assert one[0].fingerprint != two[0].fingerprint
    assert two[0].fingerprint == swapped[0].fingerprint  # the set, not the order


def test_every_dangerous_global_is_named_however_many_precede_it(tmp_path: Path) -> None:
    names = [("os", "system"), ("os", "popen"), ("subprocess", "getoutput"), ("subprocess", "getstatusoutput"),
             ("builtins", "exec"), ("builtins", "eval"), ("builtins", "compile"), ("builtins", "open"),
             ("runpy", "run_path"), ("runpy", "run_module"), ("pty", "spawn"), ("os", "execv"),
             ("os", "remove"), ("shutil", "rmtree")]  # fmt: skip
    findings = scan_bytes(tmp_path, "long.pkl", _calls_of(*names))
    assert rules(findings) == ["MLS101", "MLS101"]
    text = " ".join(f.message for f in findings)
    assert all(f"{m}.{n}" in text for m, n in names) and "more" not in text
    assert "14 known-dangerous globals (1-12 of 14)" in text and "(13-14 of 14)" in text


def test_a_long_member_path_never_pushes_a_global_out_of_the_message(tmp_path: Path) -> None:
    # The archive chooses its member names: a 1,500-character folder must not cut the list.
    import io
    import zipfile

    names = [("os", "remove"), ("shutil", "rmtree"), ("os", "popen"), ("builtins", "exec"), ("builtins", "eval")]
    names += [("runpy", "run_path"), ("pty", "spawn"), ("os", "execv"), ("subprocess", "getoutput"), ("os", "system")]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("r" * 1500 + "/data.pkl", _calls_of(*names))
        archive.writestr("r" * 1500 + "/version", "3\n")
    findings = scan_bytes(tmp_path, "long.pt", buffer.getvalue())
    text = " ".join(f.message for f in findings if f.rule_id == "MLS101")
    assert all(f"{m}.{n}" in text for m, n in names) and not text.endswith("…")


def test_a_name_with_a_comma_cannot_make_two_sets_share_a_key(tmp_path: Path) -> None:
    # `os.system,posix.system` alone and `os.system` + `posix.system` joined with "," would be one key.
    decoy = asm.proto(4) + ref("os", "system,posix.system") + asm.STOP
    real = _calls_of(("os", "system"), ("posix", "system"))
    first = scan_bytes(tmp_path, "k.pkl", decoy)
    second = scan_bytes(tmp_path, "k.pkl", real)
    assert {f.fingerprint for f in first if f.rule_id == "MLS101"}.isdisjoint(
        {f.fingerprint for f in second if f.rule_id == "MLS101"}
    )


def test_every_unlisted_global_is_named_however_many_precede_it(tmp_path: Path) -> None:
    # The pickle chooses the order: a global must not hide behind "and N more".
    names = [(f"vendor.pkg{i}", "Thing") for i in range(20)] + [("vendor.late", "Runner")]
    findings = scan_bytes(tmp_path, "long.pkl", _pickle_of(*names))
    assert rules(findings) == ["MLS102", "MLS102"]
    text = " ".join(f.message for f in findings)
    assert all(f"{m}.{n}" in text for m, n in names) and "more" not in text
    assert "21 globals not on the allowlist (1-12 of 21)" in text and "(13-21 of 21)" in text


def test_a_shell_gadget_after_many_framework_classes_is_its_own_critical_finding(tmp_path: Path) -> None:
    classes = [(f"ultralytics.nn.modules.block{i}", "C2f") for i in range(6)]
    data = _pickle_of(*classes)[:-2]
    data += asm.global_("pydoc", "pipepager") + asm.MARK + asm.text("") + asm.text("id") + asm.TUPLE + asm.REDUCE
    data += asm.APPEND + asm.STOP
    findings = scan_bytes(tmp_path, "yolo.pt", data)
    assert [f for f in findings if f.rule_id == "MLS101" and "pydoc.pipepager" in f.message]


def test_a_new_unlisted_global_is_a_new_finding_for_the_baseline(tmp_path: Path) -> None:
    two = scan_bytes(tmp_path, "a.pkl", _pickle_of(("vendor.a", "A"), ("vendor.b", "B")))
    three = scan_bytes(tmp_path, "a.pkl", _pickle_of(("vendor.a", "A"), ("vendor.b", "B"), ("vendor.c", "C")))
    same = scan_bytes(tmp_path, "a.pkl", _pickle_of(("vendor.b", "B"), ("vendor.a", "A")))
    assert two[0].fingerprint != three[0].fingerprint
    assert two[0].fingerprint == same[0].fingerprint  # the set, not the order


def test_a_lone_unlisted_global_keeps_its_message_and_key(tmp_path: Path) -> None:
    [finding] = scan_bytes(tmp_path, "one.pkl", _pickle_of(("vendor.a", "A")))
    assert "calls vendor.a.A via NEWOBJ" in finding.message and "globals not on the allowlist" not in finding.message


def test_classes_of_this_repository_are_one_low_finding_and_foreign_ones_still_block(tmp_path: Path) -> None:
    (tmp_path / "mypkg").mkdir()
    (tmp_path / "mypkg" / "__init__.py").write_text("")
    (tmp_path / "mypkg" / "features.py").write_text("class Scaler: ...\nclass Encoder: ...\n")
    own = scan_bytes(tmp_path, "own.pkl", _pickle_of(("mypkg.features", "Scaler"), ("mypkg.features", "Encoder")))
    assert rules(own) == ["MLS102"] and own[0].severity is Severity.LOW
    assert "2 classes defined in this repository (mypkg/features.py)" in own[0].message
    mixed = _pickle_of(("mypkg.features", "Scaler"), ("vendor.a", "A"))
    assert blocking(scan_bytes(tmp_path, "mixed.pkl", mixed)) == ["MLS102"]


def test_long_global_names_never_push_one_out_of_the_shown_message(tmp_path: Path) -> None:
    long_names = [
        ("acme_vendor.models.very_long_model_family_name.modeling_very_long_model_family_name", f"Cls{i:02d}" * 8)
        for i in range(11)
    ]
    names = [*long_names, ("vendor.helpers", "run_later")]
    findings = scan_bytes(tmp_path, "long.pkl", _pickle_of(*names))
    assert all(not f.message.endswith("\u2026") for f in findings)
    shown = " ".join(f.message for f in findings)
    assert all(f"{m}.{n}" in shown for m, n in names)


def test_the_osx_support_shell_helper_is_dangerous(tmp_path: Path) -> None:
    data = (
        asm.proto(2) + asm.global_("_osx_support", "_read_output") + asm.text("id") + asm.TUPLE1 + asm.REDUCE + asm.STOP
    )
    assert "MLS101" in rules(scan_bytes(tmp_path, "x.pkl", data))
