"""A test module that asserts trust_remote_code is refused: the flag it feeds the guard is its
hostile input (low); a library loader given the flag outside the expected-exception block, the same
code outside the tests, and a module whose expected error is about something else keep MLS307 high."""

from __future__ import annotations

import ast
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import given

from hooks._core.policy import Policy
from hooks.code.refusal_tests import RefusalTests
from tests.code.helpers import scan_code


def _PROJECT(module: str, level: int, name: str) -> bool:
    return module.split(".")[0] == "project"


GUARD_TEST = (
    "import pytest\n"
    "UNSAFE = [\n"
    "    {'trust_remote_code': True},\n"  # line 3: parametrised data
    "    {'model_kwargs': {'trust_remote_code': True}},\n"  # line 4
    "]\n"
    "@pytest.mark.parametrize('kwargs', UNSAFE)\n"
    "def test_rejects(kwargs):\n"
    "    with pytest.raises(ValueError, match='trust_remote_code is not allowed'):\n"
    "        validate_kwargs(kwargs)\n"
    "def test_constructor_rejects():\n"
    "    with pytest.raises(ValueError, match='trust_remote_code'):\n"
    "        EmbeddingFunction(model_name='attacker/model', trust_remote_code=True)\n"  # line 12
    "def test_nested_accepted():\n"
    "    build_from_config({'kwargs': {'trust_remote_code': True}})\n"  # line 14: no refusal asserted
    "from project.guards import validate_kwargs, EmbeddingFunction, build_from_config\n"
)
STILL_LOADS = (
    "import pytest\n"
    "from sentence_transformers import SentenceTransformer\n"
    "from transformers import AutoModel\n"
    "from project import validate\n"
    "def test_rejects():\n"
    "    with pytest.raises(ValueError, match='trust_remote_code'):\n"
    "        validate({'trust_remote_code': True})\n"  # line 7: low
    "def test_real_model():\n"
    "    AutoModel.from_pretrained('org/model', trust_remote_code=True)\n"  # line 9: loads
    "    SentenceTransformer('org/st', model_kwargs={'trust_remote_code': True})\n"  # line 10: loads
)
OTHER_ERROR = (
    "import pytest\n"
    "from transformers import AutoModel\n"
    "def test_bad_config():\n"
    "    with pytest.raises(OSError, match='config.json'):\n"
    "        AutoModel.from_pretrained('org/model', trust_remote_code=True)\n"
    "    build({'trust_remote_code': True})\n"
)


def project(tmp_path: Path) -> Path:
    """The repository's own package, whose guards the tests import (a module of the project)."""
    package = tmp_path / "project"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text(
        "def check(*a, **k): ...\ndef validate(*a): ...\ndef load(**k): ...\nclass A: ...\n"
    )
    (package / "guards.py").write_text("def validate_kwargs(k): ...\nclass EmbeddingFunction: ...\n")
    (package / "compat.py").write_text("from transformers import AutoModel\n")  # a library's, re-exported
    (package / "shortcuts.py").write_text("from .guards import EmbeddingFunction as Embedder\n")
    (tmp_path / "tests").mkdir(exist_ok=True)
    (tmp_path / "tests" / "helpers.py").write_text("def tiny(*a, **k): ...\n")  # a test helper: no guard
    return tmp_path


def mls307(found: list) -> list[tuple[int, str]]:  # type: ignore[type-arg]
    return sorted((f.line, f.severity.value) for f in found if f.rule_id == "MLS307")


def test_a_refusal_test_feeds_the_flag_to_the_guard(tmp_path: Path) -> None:
    project(tmp_path)
    found = scan_code(tmp_path, GUARD_TEST, "tests/test_guard.py")
    assert mls307(found) == [(3, "low"), (4, "low"), (12, "low"), (14, "high")]
    messages = [f.message for f in found if f.rule_id == "MLS307"]
    assert any("expects to raise" in m for m in messages)
    assert any("test data for a check that refuses it" in m for m in messages)


def test_the_same_code_outside_the_tests_blocks(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    found = scan_code(tmp_path, GUARD_TEST, "src/guard_examples.py")
    assert mls307(found) == [(3, "high"), (4, "high"), (12, "high"), (14, "high")]


def test_the_strict_profile_keeps_them_high(tmp_path: Path) -> None:
    project(tmp_path)
    policy = Policy(root=tmp_path, profile="strict")
    found = scan_code(tmp_path, GUARD_TEST, "tests/test_guard.py", policy)
    assert {severity for _, severity in mls307(found)} == {"high"}


def test_a_library_loader_in_a_refusal_test_still_loads(tmp_path: Path) -> None:
    project(tmp_path)
    found = scan_code(tmp_path, STILL_LOADS, "tests/test_models.py")
    assert mls307(found) == [(7, "low"), (9, "high"), (10, "high")]


def test_an_expected_error_about_something_else_says_nothing(tmp_path: Path) -> None:
    # The load may run the repository's code before the OSError: the test asserts no refusal.
    project(tmp_path)
    found = scan_code(tmp_path, OTHER_ERROR, "tests/test_models.py")
    assert mls307(found) == [(5, "high"), (6, "high")]


def test_unittest_regex_form_names_the_flag() -> None:
    source = (
        "from project import load\n"
        "class T(unittest.TestCase):\n"
        "    def test_it(self):\n"
        "        with self.assertRaisesRegex(ValueError, 'Trust remote code is disabled'):\n"
        "            load(trust_remote_code=True)\n"
    )
    module = ast.parse(source)
    refusals = RefusalTests(module, _PROJECT)
    call = next(n for n in ast.walk(module) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "load")
    assert refusals.refuses_flag
    assert refusals.reason(call, data=False) is not None
    assert (
        RefusalTests(ast.parse(source.replace("Trust remote code", "Model")), _PROJECT).reason(call, data=False) is None
    )


@given(st.text(max_size=200))
def test_garbage_expected_messages_never_raise(text: str) -> None:
    source = (
        f"import pytest\nwith pytest.raises(ValueError, match={text!r}):\n    load({{'trust_remote_code': True}})\n"
    )
    module = ast.parse(source)
    refusals = RefusalTests(module, _PROJECT)
    for node in ast.walk(module):
        refusals.reason(node, data=isinstance(node, ast.Dict))


GUARD = "import pytest\nfrom project import check\n"
REFUSED = "def test_guard():\n    with pytest.raises(ValueError, match='trust_remote_code'):\n        check()\n"


@pytest.mark.parametrize(
    "source",
    [
        # Stop 78's red team: each loads the repository's code in a module that asserts a refusal.
        # A library loader inside the block runs before anything raises.
        "from transformers import AutoModel\ndef test_refused():\n"
        "    with pytest.raises(ValueError, match='trust_remote_code'):\n"
        "        AutoModel.from_pretrained('evil/model', trust_remote_code=True)\n",
        # ... under an import alias.
        "from transformers import pipeline as make\ndef test_refused():\n"
        "    with pytest.raises(ValueError, match='trust_remote_code'):\n"
        "        make('evil/model', trust_remote_code=True)\n",
        # A dict bound to a name that reaches a loader, an alias, a partial, a copy.
        "from transformers import AutoModel\ndef test_load():\n    kwargs = {'trust_remote_code': True}\n"
        "    AutoModel.from_pretrained('evil/model', **kwargs)\n",
        "from transformers import AutoModel\nload = AutoModel.from_pretrained\ndef test_load():\n"
        "    load('evil/model', **{'trust_remote_code': True})\n",
        "import functools\nfrom transformers import AutoModel\ndef test_load():\n"
        "    load = functools.partial(AutoModel.from_pretrained, **{'trust_remote_code': True})\n"
        "    load('evil/model')\n",
        "from transformers import AutoModel\ndef test_load():\n    opts = dict({'trust_remote_code': True})\n"
        "    AutoModel.from_pretrained('evil/model', **opts)\n",
        # A function defined inside the block and called after it.
        "from transformers import AutoModel\ndef test_guard():\n"
        "    with pytest.raises(ValueError, match='trust_remote_code'):\n"
        "        def helper():\n            return check(trust_remote_code=True)\n        raise ValueError('x')\n"
        "    helper()\n",
        # A parametrised case handed to a loader; the same case also handed to the guard.
        "from transformers import AutoModel\n@pytest.mark.parametrize('kwargs', [{}, {'trust_remote_code': True}])\n"
        "def test_load(kwargs):\n    AutoModel.from_pretrained('evil/model', **kwargs)\n",
        "from transformers import AutoModel\nCASES = [{'trust_remote_code': True}]\n"
        "@pytest.mark.parametrize('kwargs', CASES)\ndef test_guard(kwargs):\n"
        "    with pytest.raises(ValueError, match='trust_remote_code'):\n        check(kwargs)\n"
        "    AutoModel.from_pretrained('evil/model', **kwargs)\n",
        # The block's call keeps its result: the guard's answer is used after the block.
        "def test_guard():\n    with pytest.raises(ValueError, match='trust_remote_code'):\n"
        "        model = check(trust_remote_code=True)\n",
        # A function the test module defines itself, not the project's guard.
        "from transformers import AutoModel\ndef build(**kw):\n"
        "    return AutoModel.from_pretrained('evil/model', **kw)\n"
        "def test_guard():\n    with pytest.raises(ValueError, match='trust_remote_code'):\n"
        "        build(trust_remote_code=True)\n",
        # Its second pass: a library's function no list of loaders names; a case sent to a
        # fixture (`indirect`); the project's own loader in a block that expects another error.
        "import datasets\ndef test_builder():\n    with pytest.raises(ValueError, match='trust_remote_code'):\n"
        "        datasets.load_dataset_builder('evil/data', trust_remote_code=True)\n",
        "from evaluate import load\ndef test_metric():\n"
        "    with pytest.raises(ValueError, match='trust_remote_code'):\n"
        "        load('evil/metric', trust_remote_code=True)\n",
        "@pytest.mark.parametrize('loaded', [{'trust_remote_code': True}], indirect=True)\ndef test_fixture(loaded):\n"
        "    with pytest.raises(ValueError, match='trust_remote_code'):\n        check(loaded)\n",
        "from project import load\ndef test_other_error():\n    with pytest.raises(KeyError):\n"
        "        load(trust_remote_code=True)\n",
        # Its third pass: a library's class re-exported by a project module; a case a fixture may
        # take by its name; a name imported from a library and from the project; a fixture under
        # the guard's name; a test helper.
        "from project.compat import AutoModel\ndef test_reexport():\n"
        "    with pytest.raises(ValueError, match='trust_remote_code'):\n"
        "        AutoModel.from_config(cfg, trust_remote_code=True)\n",
        "@pytest.mark.parametrize('kwargs', [{'trust_remote_code': True}])\ndef test_fixture(kwargs, model):\n"
        "    with pytest.raises(ValueError, match='trust_remote_code'):\n        check(kwargs)\n",
        "from transformers import AutoModel as Loader\ndef test_a():\n    from project import A as Loader\n"
        "    with pytest.raises(ValueError, match='trust_remote_code'):\n"
        "        Loader.from_config(cfg, trust_remote_code=True)\n",
        "def test_shadow(check):\n    with pytest.raises(ValueError, match='trust_remote_code'):\n"
        "        check(trust_remote_code=True)\n",
        "from tests.helpers import tiny\ndef test_helper():\n"
        "    with pytest.raises(ValueError, match='trust_remote_code'):\n        tiny('x', trust_remote_code=True)\n",
    ],
)
def test_a_flag_that_can_reach_a_load_keeps_its_severity(tmp_path: Path, source: str) -> None:
    project(tmp_path)
    found = scan_code(tmp_path, GUARD + source + REFUSED, "tests/test_models.py")
    assert "high" in {severity for _, severity in mls307(found)}, mls307(found)


def test_a_guard_the_project_reexports_is_the_projects(tmp_path: Path) -> None:
    source = (
        GUARD + "from project.shortcuts import Embedder\ndef test_refused():\n"
        "    with pytest.raises(ValueError, match='trust_remote_code'):\n        Embedder(trust_remote_code=True)\n"
    )
    project(tmp_path)
    assert mls307(scan_code(tmp_path, source, "tests/test_reexport.py")) == [(6, "low")]


def test_a_parametrised_case_reaches_the_guard_through_its_own_parameter(tmp_path: Path) -> None:
    source = (
        GUARD + "from project import A\n"
        "@pytest.mark.parametrize('cls,config', [(A, {'kwargs': {'trust_remote_code': True}})])\n"
        "def test_schema(cls, config):\n"
        "    with pytest.raises(ValueError, match='trust_remote_code is not allowed'):\n"
        "        cls.build_from_config(config)\n"
    )
    project(tmp_path)
    assert mls307(scan_code(tmp_path, source, "tests/test_schema.py")) == [(4, "low")]
    # The same case whose other parameter is the one handed to the guard: the config is not.
    other = source.replace("cls.build_from_config(config)", "check(cls)\n    config.load()")
    assert mls307(scan_code(tmp_path, other, "tests/test_schema.py")) == [(4, "high")]
