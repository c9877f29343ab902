"""The allowlist generator's sink check (scripts/allowlist_sinks.py): a library class whose
constructor or state restoration reaches a file, process, network or import call is refused."""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path
from typing import ClassVar

from scripts.allowlist_sinks import first_sink, refused
from tests import pickle_asm as asm
from tests.artifacts.helpers import rules, scan_bytes


class _Writer:
    def __init__(self, path: str) -> None:
        self.handle = open(path, "w")  # noqa: SIM115 - the sink under test


class _Restored:
    def __setstate__(self, state: dict[str, str]) -> None:
        self._restore(state)

    def _restore(self, state: dict[str, str]) -> None:
        _clean_up(state["path"])


def _clean_up(path: str) -> None:
    os.remove(path)


class _Runner:
    def __init__(self, command: str) -> None:
        self.output = subprocess.check_output(command)


class _Estimator:
    def __init__(self, alpha: float = 1.0, buffer: bytes = b"") -> None:
        self.alpha = alpha
        self.buffer = io.BytesIO(buffer)  # in memory
        self.workers = os.cpu_count()

    def fit(self) -> None:
        open("never-called-by-unpickling")  # noqa: SIM115 - not a load-time method


def test_sinks_reached_from_the_constructor_or_state_restoration() -> None:
    assert first_sink(_Writer, "tests") == "_Writer.__init__ calls io.open"
    assert (
        first_sink(_Restored, "tests") == "_Restored.__setstate__ -> _Restored._restore -> _clean_up calls posix.remove"
    )
    assert "subprocess.check_output" in (first_sink(_Runner, "tests") or "")
    assert first_sink(_Estimator, "tests") is None  # parameters, memory, process facts; fit() is not run


def test_refused_names_each_entry_with_its_path() -> None:
    classes = {"_Writer": _Writer, "_Estimator": _Estimator}
    found = refused({("tests.x", name) for name in classes}, lambda _module, name: classes.get(name))
    assert list(found) == [("tests.x", "_Writer")]


def test_a_refused_library_class_blocks_with_the_reason(tmp_path: Path) -> None:
    data = asm.proto(4) + asm.global_("numpy", "memmap") + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.STOP
    findings = scan_bytes(tmp_path, "m.pkl", data)
    assert rules(findings) == ["MLS101"] and "refused: loading it maps" in findings[0].message


def test_a_constructor_sink_blocks_only_when_the_pickle_calls_the_class(tmp_path: Path) -> None:
    # transformers' TrainingArguments.__post_init__ reads the fsdp config file it is given: a
    # Trainer checkpoint rebuilds it without __init__ (passes), a pickle that calls it is refused.
    cls = asm.global_("transformers.training_args", "TrainingArguments")
    rebuilt = asm.proto(2) + asm.global_("copyreg", "__newobj__") + cls + b"\x85" + asm.REDUCE  # TUPLE1
    assert rules(scan_bytes(tmp_path, "training_args.bin", rebuilt + asm.EMPTY_DICT + b"b" + asm.STOP)) == []
    called = asm.proto(2) + cls + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    findings = scan_bytes(tmp_path, "called.bin", called)
    assert rules(findings) == ["MLS101"] and "_process_fsdp_args" in findings[0].message


def _rebuilt_with_state(module: str, name: str, state: bytes) -> bytes:
    data = asm.proto(2) + asm.global_("copyreg", "_reconstructor") + asm.MARK + asm.global_(module, name)
    return data + asm.global_("builtins", "object") + asm.NONE + asm.TUPLE + asm.REDUCE + state + asm.BUILD + asm.STOP


def test_a_library_class_whose_state_restoration_loads_a_pickle_is_refused(tmp_path: Path) -> None:
    # torch's DataPipe wrapper: __setstate__ pickle.loads (or dill.loads) its state, so a pickle
    # naming only torch's own class ran whatever the inner bytes held. Checked library-wide.
    inner = b"cos\nsystem\n(S'true'\ntR."
    state = asm.MARK + asm.binbytes(inner) + b"\x89" + asm.TUPLE  # (bytes, use_dill=False)
    wrapper = _rebuilt_with_state("torch.utils.data.datapipes.datapipe", "_IterDataPipeSerializationWrapper", state)
    findings = scan_bytes(tmp_path, "pipe.pkl", wrapper)
    assert rules(findings) == ["MLS101"] and "refused: loading it reaches" in findings[0].message
    module = _rebuilt_with_state("torch.nn.modules.linear", "Linear", asm.EMPTY_DICT)
    assert rules(scan_bytes(tmp_path, "linear.pkl", module)) == []  # torch.nn's own state restoration


class _Subclass(_Writer):
    """A class of another library over a refused base (trl's SFTConfig over TrainingArguments)."""


def test_a_subclass_from_another_library_takes_on_its_refused_base() -> None:
    classes: dict[str, type] = {"_Writer": _Writer, "_Subclass": _Subclass, "_Estimator": _Estimator}
    modules = {"_Writer": __name__, "_Subclass": "other.y", "_Estimator": "other.y"}
    pairs = {(modules[name], name) for name in classes}
    # first_sink follows only the class's own library: alone, the subclass looks clean
    assert first_sink(_Subclass, "other") is None
    found = refused(pairs, lambda _module, name: classes.get(name))
    assert found[("other.y", "_Subclass")] == ("call", "_Subclass inherits _Writer: _Writer.__init__ calls io.open")
    assert ("other.y", "_Estimator") not in found


def _trainer_config(module: str, name: str) -> bytes:
    """A training_args.bin as Trainer.save_model writes it: the class rebuilt without __init__."""
    rebuilt = asm.proto(2) + asm.global_("copyreg", "__newobj__") + asm.global_(module, name) + b"\x85" + asm.REDUCE
    return rebuilt + asm.EMPTY_DICT + b"b" + asm.STOP


def test_trl_and_sentence_transformers_training_arguments_pass(tmp_path: Path) -> None:
    for module, name in (
        ("trl.trainer.sft_config", "SFTConfig"),  # the installed trl's
        ("trl.trainer.orpo_config", "ORPOConfig"),  # an older trl's name for a class since moved
        ("trl.trainer.training_configs", "RewardConfig"),  # trl 0.7's
        ("sentence_transformers.sentence_transformer.training_args", "SentenceTransformerTrainingArguments"),
    ):
        assert rules(scan_bytes(tmp_path, "training_args.bin", _trainer_config(module, name))) == [], name
    divergence = asm.proto(2) + asm.global_("trl.trainer.dpo_config", "FDivergenceType")
    enum_field = divergence + asm.MARK + asm.text("reverse_kl") + asm.TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "enum.bin", enum_field)) == []


def test_trl_look_alikes_still_block(tmp_path: Path) -> None:
    # a trainer (not its arguments) of the same library is not on the list
    trainer = _trainer_config("trl.trainer.sft_trainer", "SFTTrainer")
    assert rules(scan_bytes(tmp_path, "trainer.bin", trainer)) == ["MLS102"]
    # calling an older trl's config class runs TrainingArguments.__post_init__, which reads files
    called = asm.proto(2) + asm.global_("trl.trainer.orpo_config", "ORPOConfig") + asm.EMPTY_TUPLE + asm.REDUCE
    findings = scan_bytes(tmp_path, "called.bin", called + asm.STOP)
    assert rules(findings) == ["MLS101"] and "inherits TrainingArguments" in findings[0].message
    # os.system reached through a trl module: an obfuscated import, critical
    system = asm.proto(2) + asm.global_("trl.trainer.utils", "os.system") + asm.MARK + asm.text("true")
    assert rules(scan_bytes(tmp_path, "system.bin", system + asm.TUPLE + asm.REDUCE + asm.STOP)) == ["MLS103"]


def test_trl_history_keeps_argument_classes_of_config_modules_and_their_enums() -> None:
    from scripts.trl_config_history import training_argument_names

    bases = {
        ("trl.trainer.utils", "OnPolicyConfig"): {"TrainingArguments"},  # a base, in no config module
        ("trl.trainer.ppo_config", "PPOConfig"): {"OnPolicyConfig", "object"},  # through it, across releases
        ("trl.trainer.dpo_config", "DPOConfig"): {"TrainingArguments"},
        ("trl.trainer.dpo_config", "FDivergenceType"): {"Enum"},
        ("trl.trainer.ddpo_config", "DDPOConfig"): {"object"},  # not a TrainingArguments
        ("trl.trainer.ddpo_config", "Mode"): {"Enum"},  # an enum beside no arguments class
    }
    assert training_argument_names(bases) == {
        ("trl.trainer.ppo_config", "PPOConfig"): "arguments",
        ("trl.trainer.dpo_config", "DPOConfig"): "arguments",
        ("trl.trainer.dpo_config", "FDivergenceType"): "enum",
    }


def test_a_pyannote_checkpoints_task_specifications_pass(tmp_path: Path) -> None:
    """pyannote.audio's on_save_checkpoint records a Specifications dataclass with two enums."""
    task = "pyannote.audio.core.task"
    problem = asm.global_(task, "Problem") + asm.binint(1) + asm.TUPLE1 + asm.REDUCE
    resolution = asm.global_(task, "Resolution") + asm.binint(1) + asm.TUPLE1 + asm.REDUCE
    state = asm.EMPTY_DICT + asm.text("problem") + problem + asm.SETITEM
    state += asm.text("resolution") + resolution + asm.SETITEM
    rebuilt = asm.global_("copyreg", "__newobj__") + asm.global_(task, "Specifications") + b"\x85" + asm.REDUCE
    data = asm.proto(2) + rebuilt + state + asm.BUILD + asm.STOP
    assert rules(scan_bytes(tmp_path, "pytorch_model.bin", data)) == []


def test_pyannote_beyond_its_task_records_still_blocks(tmp_path: Path) -> None:
    # the task itself (a LightningDataModule that reads audio files) is not a record
    task = asm.proto(2) + asm.global_("pyannote.audio.core.task", "Task") + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "task.bin", task)) == ["MLS102"]
    audio = asm.proto(2) + asm.global_("pyannote.audio.core.io", "Audio") + asm.EMPTY_TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "audio.bin", audio)) == ["MLS102"]


def test_keyword_arguments_of_newobj_ex_count_as_arguments(tmp_path: Path) -> None:
    """copyreg.__newobj_ex__(cls, args, kwargs) passes both to cls.__new__ (numpy.memmap opens a file)."""
    helper = asm.global_("copyreg", "__newobj_ex__") + asm.MARK + asm.global_("numpy", "memmap")
    kwargs = asm.EMPTY_DICT + asm.text("filename") + asm.text("/etc/hosts") + asm.SETITEM
    data = asm.proto(2) + helper + asm.EMPTY_TUPLE + kwargs + asm.TUPLE + asm.REDUCE + asm.STOP
    assert "MLS101" in rules(scan_bytes(tmp_path, "kwargs.pkl", data))
    sft = asm.global_("copyreg", "__newobj_ex__") + asm.MARK + asm.global_("trl.trainer.sft_config", "SFTConfig")
    called = asm.proto(2) + sft + asm.EMPTY_TUPLE + kwargs + asm.TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "sft.pkl", called)) == ["MLS101"]
    rebuilt = asm.proto(2) + sft + asm.EMPTY_TUPLE + asm.EMPTY_DICT + asm.TUPLE + asm.REDUCE + asm.STOP
    assert rules(scan_bytes(tmp_path, "rebuilt.pkl", rebuilt)) == []


class _Finalised:
    def __del__(self) -> None:
        self._shutdown()

    def _shutdown(self) -> None:
        self._done_event.set()  # type: ignore[attr-defined]  # an object the state put there


class _Tidy:
    counter: ClassVar[list[int]] = []

    def __del__(self) -> None:
        self.counter.clear()  # the class's own attribute, not state

    def __setstate__(self, state: dict[str, object]) -> None:
        self._cache.update(state)  # type: ignore[attr-defined]  # not a finaliser: not judged this way


def test_a_finaliser_calling_a_method_of_its_states_objects_is_a_sink() -> None:
    found = first_sink(_Finalised, "tests")
    assert found and "self._done_event.set, a method of an object from the instance's state" in found
    assert first_sink(_Tidy, "tests") is None


def test_a_refused_finaliser_class_blocks_when_rebuilt(tmp_path: Path) -> None:
    # torch's worker iterator: its __del__ shuts workers down through objects its state holds
    cls = asm.global_("torch.utils.data.dataloader", "_MultiProcessingDataLoaderIter")
    data = asm.proto(2) + cls + asm.EMPTY_TUPLE + asm.NEWOBJ + asm.STOP
    findings = scan_bytes(tmp_path, "iter.pkl", data)
    assert rules(findings) == ["MLS101"] and "_workers_done_event" in findings[0].message


def _runs_a_command(command: str) -> bytes:
    return subprocess.check_output(command)  # the sink under test


def _adds(a: int, b: int) -> int:
    return a + b


def test_a_library_function_reaching_a_sink_is_found() -> None:
    from scripts.allowlist_sinks import function_sink

    found = function_sink(_runs_a_command, "tests")
    assert found and found.startswith("_runs_a_command calls subprocess.check_output")
    assert function_sink(_adds, "tests") is None


def _kept_in_a_module_dict(module: str, name: str) -> bytes:
    """A torch module whose state keeps a library function as a value (a method it overrides)."""
    state = asm.EMPTY_DICT + asm.text("add_module") + asm.global_(module, name) + asm.SETITEM
    rebuilt = asm.global_("torch.nn.modules.container", "ModuleList") + asm.EMPTY_TUPLE + asm.NEWOBJ
    return asm.proto(2) + rebuilt + state + asm.BUILD + asm.STOP


def test_a_library_function_that_runs_code_is_refused_even_kept_as_a_value(tmp_path: Path) -> None:
    """ModuleList.append calls `self.add_module`, which the state may override: what runs is
    whatever function the file kept, so one that runs processes or code is refused as a value."""
    for module, name in (("torch.utils.collect_env", "run"), ("torch.fx.graph_module", "_exec_with_source")):
        assert "MLS101" in rules(scan_bytes(tmp_path, "list.pkl", _kept_in_a_module_dict(module, name))), name
    # a library's test helpers are no model's (scikit-learn's runs Python scripts)
    helper = _kept_in_a_module_dict("sklearn.utils._testing", "assert_run_python_script_without_output")
    assert rules(scan_bytes(tmp_path, "helper.pkl", helper)) == ["MLS102"]
    # a plain computation kept as a value (a scorer, an activation) stays a library name
    kept = _kept_in_a_module_dict("sklearn.feature_selection._univariate_selection", "f_classif")
    assert scan_bytes(tmp_path, "scorer.pkl", kept) == []


class _LazyProxy:
    """A lazily imported module (optuna's `_LazyImport`): its attributes exist only at run time."""

    def __getattr__(self, name: str) -> object:
        raise AttributeError(name)


lazy_engine = _LazyProxy()


class _RestoresAnEngine:
    def __setstate__(self, state: dict[str, str]) -> None:
        self.__dict__.update(state)
        self.engine = lazy_engine.create_engine(state["url"])  # type: ignore[attr-defined]

    def __init__(self, url: str) -> None:
        self.engine = lazy_engine.create_engine(url)  # type: ignore[attr-defined]  # a constructor: not held to it


class _RestoresThroughAnotherLibrary:
    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self.version = _foreign_version(str(state["v"]))


class _RestoresWithTheStandardLibrary:
    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self.names = sorted(os.path.basename(str(name)) for name in state)


def _foreign_version(text: str) -> object:
    return text


_foreign_version.__module__ = "sqlalchemy.engine"  # as if sqlalchemy defined it


def test_state_restoration_through_unresolved_or_unread_code_is_a_sink() -> None:
    found = first_sink(_RestoresAnEngine, "tests", ("__new__", "__setstate__", "__setattr__", "__del__"))
    assert found and "lazy_engine.create_engine, which this check cannot resolve" in found
    # the same call in a constructor is not held to it (constructors run only when a pickle calls the class)
    assert first_sink(_RestoresAnEngine, "tests", ("__init__", "__post_init__")) is None
    found = first_sink(_RestoresThroughAnotherLibrary, "tests", ("__setstate__",))
    assert found and "sqlalchemy.engine._foreign_version, code of a library this check does not read" in found
    assert first_sink(_RestoresWithTheStandardLibrary, "tests", ("__setstate__",)) is None


def test_optunas_database_storage_blocks_under_every_name(tmp_path: Path) -> None:
    """RDBStorage.__setstate__ hands its state's URL and engine arguments to sqlalchemy (the red
    team's file write and, through a planted driver, command run)."""
    for module in ("optuna.storages", "optuna.storages._rdb.storage"):
        data = asm.proto(2) + asm.global_(module, "RDBStorage") + asm.EMPTY_TUPLE + asm.NEWOBJ
        data += asm.EMPTY_DICT + asm.text("url") + asm.text("sqlite:////tmp/x.db") + asm.SETITEM + asm.BUILD + asm.STOP
        assert rules(scan_bytes(tmp_path, "study.pkl", data)) == ["MLS101"]
    # and a function refused under its own module is refused under the package that re-exports it
    kept = asm.proto(2) + asm.global_("cmdstanpy.utils", "do_command") + asm.STOP
    assert rules(scan_bytes(tmp_path, "kept.pkl", kept)) == ["MLS101"]
