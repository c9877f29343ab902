"""Hydra `_target_` entries: in committed configs and in NeMo models' model_config.yaml."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.artifacts.builders import BENIGN_STATE, torch_zip
from tests.artifacts.formats.format_helpers import inspect_bytes
from tests.artifacts.helpers import malicious_pickle, rules, scan_bytes

TRAINING = b"""model:
  _target_: torchvision.models.resnet50
  num_classes: 10
optimizer:
  _target_: torch.optim.AdamW
  lr: ${oc.env:LR,0.001}
callbacks:
  - _target_: "pytorch_lightning.callbacks.ModelCheckpoint"
    dirpath: checkpoints/
loader: {_target_: my_project.data.Loader, root: data/}
"""


@pytest.mark.parametrize(
    "target",
    ["os.system", "subprocess.Popen", "builtins.eval", "posix.system", "hydra.utils.get_method", "'builtins.exec'"],
)
def test_dangerous_targets(tmp_path: Path, target: str) -> None:
    config = TRAINING + f"evil:\n  _target_: {target}\n  _args_: ['touch /tmp/x']\n".encode()
    found = scan_bytes(tmp_path, "configs/train.yaml", config)
    assert rules(found) == ["MLS126"] and found[0].line == 12


def test_ordinary_training_configs_are_clean(tmp_path: Path) -> None:
    assert scan_bytes(tmp_path, "configs/train.yaml", TRAINING) == []
    assert scan_bytes(tmp_path, "notes.md", b"_target_: os.system") == []  # not a config file


def _nemo(config: bytes, weights: bytes) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in (("./model_config.yaml", config), ("./model_weights.ckpt", weights)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_nemo_models(tmp_path: Path) -> None:
    clean = _nemo(b"encoder:\n  _target_: nemo.collections.asr.modules.ConformerEncoder\n", torch_zip(BENIGN_STATE))
    assert scan_bytes(tmp_path, "asr.nemo", clean) == []
    bad_config = _nemo(b"encoder:\n  _target_: subprocess.run\n", torch_zip(BENIGN_STATE))
    found = scan_bytes(tmp_path, "asr.nemo", bad_config)
    assert rules(found) == ["MLS126"] and "model_config.yaml" in found[0].message
    bad_weights = _nemo(b"a: 1\n", torch_zip(malicious_pickle(tmp_path / "c")))
    assert rules(scan_bytes(tmp_path, "asr.nemo", bad_weights)) == ["MLS101"]


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_garbage_never_crashes(body: bytes) -> None:
    inspect_bytes(b"_target_: " + body, "c.yaml")


@pytest.mark.parametrize(
    "config",
    [
        b"x: &t os.system\nmodel:\n  _target_: *t\n",  # an alias of an anchor elsewhere
        b"model:\n  _target_: >-\n    os.system\n",  # a folded block scalar
        b"model:\n  _target_: |\n    os.system\n",  # a literal one
        b"model:\n  _target_:   # the runner\n    os.system\n",  # the value on the next line
        b'model:\n  "\\x5Ftarget_": os.system\n',  # a double-quoted key spelled with escapes
        b'model:\n  "_target\\u005f": "os.sys\\x74em"\n',
        b"model:\n  _target_: !!str os.system\n",  # a tag
        b"model:\n  _target_: &a !!str os.system\n",  # an anchor and a tag
        b'{"model": {"_target_":"os.system"}}\n',  # JSON without spaces
    ],
)
def test_a_target_written_in_any_yaml_form_is_judged(tmp_path: Path, config: bytes) -> None:
    assert rules(scan_bytes(tmp_path, "conf/model.yaml", config)) == ["MLS126"]


@pytest.mark.parametrize(
    "config",
    [
        b"x: &t torch.optim.AdamW\nmodel:\n  _target_: *t\n",  # an alias of a harmless class
        b"model:\n  _target_: >-\n    my_project.models.Net\n",
        b'model:\n  "\\x5Fname_": os.system\n',  # another key spelled with escapes
        b"model:\n  my_target_: os.system\n",  # another key that ends like it
        b"model:\n  _target_: my_project.Net  # os.system\n",  # the name in a comment
    ],
)
def test_look_alike_targets_stay_clean(tmp_path: Path, config: bytes) -> None:
    assert rules(scan_bytes(tmp_path, "conf/model.yaml", config)) == []


def test_an_undefined_alias_is_not_yaml_and_a_huge_structured_config_fails_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert rules(scan_bytes(tmp_path, "conf/model.yaml", b"model:\n  _target_: *nowhere\n")) == []  # no loader reads it
    import hooks.artifacts.formats.hydra as hydra

    monkeypatch.setattr(hydra, "MAX_COMPOSED", 64)
    found = scan_bytes(tmp_path, "conf/big.yaml", b"x: &t a.B\n" + b"m:\n  _target_: *t\n" * 10)
    assert rules(found) == ["MLS901"]


@pytest.mark.parametrize(
    "config",
    [
        b"? _target_\n: subprocess.getoutput\n",  # an explicit key
        b"k: &k _target_\nm:\n  *k : subprocess.getoutput\n",  # the key given as an alias
        b"m:\n  _target_:\n    !!str subprocess.getoutput\n",  # a tag on the next line
        b"# d: &t builtins.print\nb: &t subprocess.getoutput\nm:\n  _target_: *t\n",  # anchor text in a comment
        b"m:\n  _target_:\xc2\x85    subprocess.getoutput\n  _args_: [id]\n",  # a NEL line break
    ],
)
def test_yaml_structure_is_followed_by_the_composer(tmp_path: Path, config: bytes) -> None:
    assert rules(scan_bytes(tmp_path, "conf/model.yaml", config)) == ["MLS126"]


def test_many_targets_are_read_in_one_pass(tmp_path: Path) -> None:
    config = b"".join(b"m%d:\n  _target_: a.B\n" % i for i in range(20_000)) + b"e:\n  _target_: os.system\n"
    found = scan_bytes(tmp_path, "conf/many.yaml", config)
    assert rules(found) == ["MLS126"] and found[0].line == 40_002  # lines counted on, match to match


def test_a_config_too_long_to_read_fails_closed_when_it_has_targets(tmp_path: Path) -> None:
    from hooks.artifacts.formats.named import MAX_TEXT

    filler = b"# padding\n" * (MAX_TEXT // 10 + 1)
    found = scan_bytes(tmp_path, "conf/big.yaml", filler + b"m:\n  _target_: os.system\n")
    assert rules(found) == ["MLS901"] and "not read" in found[0].message
    assert rules(scan_bytes(tmp_path, "conf/data.yaml", filler + b"rows: [1, 2, 3]\n")) == []  # no targets: data
