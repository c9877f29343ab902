"""The bandit internals mlsec-code drives (it runs bandit in process on its own parse).

bandit has no public API for this; when an upgrade moves one of these, this test names what
moved, and at run time the scanner fails closed (MLS900 on the file), never silently.
"""

from __future__ import annotations

import ast
import inspect

from hooks.code.bandit_runner import BanditRunner


def test_the_internals_we_use_exist_with_the_shapes_we_use() -> None:
    from bandit.core import config, extension_loader, manager, node_visitor

    assert callable(config.BanditConfig)
    parameters = inspect.signature(manager.BanditManager).parameters
    assert {"config", "agg_type", "profile"} <= set(parameters)
    visitor_parameters = list(inspect.signature(node_visitor.BanditNodeVisitor).parameters)
    assert visitor_parameters[:7] == ["fname", "fdata", "metaast", "testset", "debug", "nosec_lines", "metrics"]
    assert hasattr(extension_loader.MANAGER, "plugins_by_id") and hasattr(extension_loader.MANAGER, "blacklist_by_id")


def test_a_known_bandit_finding_comes_back_with_id_line_and_column() -> None:
    source = "import pickle\n\n\ndef f(data):\n    return pickle.loads(data)\n"
    issues = BanditRunner(("B403",)).run("x.py", source, ast.parse(source), {})
    assert [(i.test_id, i.line, i.column) for i in issues] == [("B301", 5, 12)]
    assert issues[0].severity == "medium" and issues[0].confidence == "high"


def test_nosec_lines_are_honoured_by_bandit() -> None:
    source = "import pickle\npickle.loads(b'')  # nosec B301\n"
    assert BanditRunner(("B403",)).run("x.py", source, ast.parse(source), {2: {"B301"}}) == []


def test_bandit_skips_walking_a_nodes_lines_when_the_file_has_no_nosec() -> None:
    # bandit walks every line a node spans for each test: quadratic on a 10,000-line literal.
    from bandit.core import utils as bandit_utils

    from hooks.code.bandit_runner import BanditRunner

    BanditRunner()

    class Unread(list[int]):
        def __iter__(self):  # type: ignore[no-untyped-def]
            raise AssertionError("the line range was walked")

    assert bandit_utils.get_nosec({}, {"linerange": Unread()}) is None
    # With `# nosec` lines, bandit's own answer: the first line of the range that holds one.
    assert bandit_utils.get_nosec({3: {"B301"}}, {"linerange": [1, 2, 3, 4]}) == {"B301"}
    assert bandit_utils.get_nosec({9: set()}, {"linerange": [1, 2]}) is None
