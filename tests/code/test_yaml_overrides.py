"""An own safe loader stays safe only while its overrides leave building to the safe constructor
(hooks/code/yaml_overrides.py): B506 stays off for the delegating shapes projects write, and
comes back for any override that builds by other means."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.code.helpers import scan_code

UNIQUE_KEYS = (
    "import yaml\n"
    "class UniqueKeyLoader(yaml.SafeLoader):\n"
    "    def construct_mapping(self, node, deep=False):\n"
    "        seen = set()\n"
    "        for key_node, _ in node.value:\n"
    "            key = self.construct_object(key_node, deep=deep)\n"
    "            if key in seen:\n"
    "                mark = key_node.start_mark\n"
    "                raise yaml.constructor.ConstructorError(None, None, f'duplicate key {key!r}', mark)\n"
    "            seen.add(key)\n"
    "        return super().construct_mapping(node, deep)\n"
    "def read(path):\n"
    "    with open(path) as f:\n"
    "        return yaml.load(f, Loader=UniqueKeyLoader)\n"
)
TEXT_TIMESTAMPS = (
    "import yaml\n"
    "class TextDates(yaml.SafeLoader):\n"
    "    def construct_yaml_timestamp(self, node):\n"
    "        return self.construct_scalar(node)\n"
    "    def describe(self):\n"
    "        return 'dates stay text'\n"
    "TextDates.add_constructor('tag:yaml.org,2002:timestamp', TextDates.construct_yaml_timestamp)\n"
    "def read(text):\n"
    "    return yaml.load(text, Loader=TextDates)\n"
)


def _b506(tmp_path: Path, source: str) -> bool:
    return "B506" in [f.rule_id for f in scan_code(tmp_path, source, "config.py")]


@pytest.mark.parametrize("source", [UNIQUE_KEYS, UNIQUE_KEYS.replace("super()", "super(UniqueKeyLoader, self)")])
def test_a_duplicate_key_check_delegating_to_the_safe_constructor_stays_safe(tmp_path: Path, source: str) -> None:
    assert not _b506(tmp_path, source)


def test_timestamps_kept_as_text_stay_safe(tmp_path: Path) -> None:
    assert not _b506(tmp_path, TEXT_TIMESTAMPS.replace("TextDates.add_constructor", "# TextDates.add_constructor"))


BODY = "        return super().construct_mapping(node, deep)\n"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # the dispatch every node goes through, overridden with no registration at all
        (
            "    def construct_mapping(self, node, deep=False):\n",
            "    def construct_object(self, node, deep=False):\n        return eval(node.value)\n"
            "    def construct_mapping(self, node, deep=False):\n",
        ),
        (BODY, "        return yaml.unsafe_load(node.value)\n"),  # another library call
        (BODY, "        return helpers.build(node)\n"),
        (BODY, "        return getattr(self, 'construct_python_object')(node)\n"),  # a name by text
        (BODY, "        return self.construct_python_object_apply(node)\n"),
        (BODY, "        return (lambda n: eval(n.value))(node)\n"),
        (BODY, "        self.construct_object = eval\n        return super().construct_mapping(node, deep)\n"),
        (BODY, "        self = Other()\n        return self.construct_object(node)\n"),
        (BODY, "        import pickle\n        return pickle.loads(node.value)\n"),
        ("        seen = set()\n", "        set = eval\n        seen = set()\n"),  # a builtin rebound
        ("def read(path):\n", "set = eval\ndef read(path):\n"),
        ("    def construct_mapping", "    @widen\n    def construct_mapping"),
        # a base of the module's own, a class attribute, an assignment anywhere
        (
            "class UniqueKeyLoader(yaml.SafeLoader):\n",
            "class Mixin:\n    def construct_object(self, node, deep=False):\n        return eval(node.value)\n"
            "class UniqueKeyLoader(yaml.SafeLoader, Mixin):\n",
        ),
        (
            "class UniqueKeyLoader(yaml.SafeLoader):\n",
            "class UniqueKeyLoader(yaml.SafeLoader):\n    construct_object = staticmethod(eval)\n",
        ),
        ("def read(path):\n", "UniqueKeyLoader.construct_mapping = unsafe\ndef read(path):\n"),
        (
            "class UniqueKeyLoader(yaml.SafeLoader):\n",
            "class UniqueKeyLoader(yaml.SafeLoader):\n    def get_single_data(self):\n"
            "        return pickle.loads(self.get_node().value)\n",
        ),
        (
            "class UniqueKeyLoader(yaml.SafeLoader):\n",
            "class UniqueKeyLoader(yaml.SafeLoader):\n    def __getattr__(self, name):\n        return eval\n",
        ),
        ("raise yaml.constructor.ConstructorError(", "raise DuplicateKeyError("),  # defined below
    ],
)
def test_an_override_that_builds_by_other_means_is_not_trusted(tmp_path: Path, old: str, new: str) -> None:
    assert old in UNIQUE_KEYS
    source = UNIQUE_KEYS.replace(old, new)
    if "DuplicateKeyError" in new:
        source += "def DuplicateKeyError(*args):\n    return eval(args[2])\n"
    assert _b506(tmp_path, source), new


def test_an_exception_class_of_the_module_with_a_plain_body_is_an_exception(tmp_path: Path) -> None:
    source = UNIQUE_KEYS.replace("raise yaml.constructor.ConstructorError(", "raise DuplicateKeyError(")
    assert not _b506(tmp_path, source + "class DuplicateKeyError(ValueError):\n    pass\n")
    busy = source + "class DuplicateKeyError(ValueError):\n    def __init__(self, *a):\n        eval(a[2])\n"
    assert _b506(tmp_path, busy)


def test_text_that_may_rebind_builtins_turns_the_builtins_off(tmp_path: Path) -> None:
    assert _b506(tmp_path, "import builtins\nsetattr(builtins, 'se' + 't', eval)\n" + UNIQUE_KEYS)
