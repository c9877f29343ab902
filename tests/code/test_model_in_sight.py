"""A noun every program uses for its own data (`content`, `output`, `response`) is model output
only where a model or the network is in sight; a word for what models make counts anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.code.helpers import scan_code

ENGINE = (
    "class Block:\n"
    "    def execute(self, results):\n"
    "        exec(self.content, results)\n"
    "def run(content, scope):\n"
    "    exec(content, scope)\n"
)


def rules_at(findings: list) -> list[tuple[str, int]]:  # type: ignore[type-arg]
    return sorted((f.rule_id, f.line) for f in findings if f.severity.value != "low")


def test_a_workflow_engine_running_its_users_code_is_not_model_output(tmp_path: Path) -> None:
    found = rules_at(scan_code(tmp_path, ENGINE, "engine.py"))
    assert ("MLS314", 3) not in found and ("MLS314", 5) not in found
    assert ("B102", 3) in found and ("B102", 5) in found  # exec still reported as bandit's


@pytest.mark.parametrize(
    "header",
    [
        "import openai\n",
        "from langchain_core.messages import AIMessage\n",
        "import requests\n",  # text from the network
        "def ask(llm, q):\n    return llm.invoke(q)\n",  # a call that asks a model
        "def reply(client, m):\n    return client.chat.completions.create(messages=m)\n",
    ],
)
def test_the_same_names_are_model_output_where_a_model_or_the_network_is_in_sight(tmp_path: Path, header: str) -> None:
    source = header + ENGINE
    offset = header.count("\n")
    found = rules_at(scan_code(tmp_path, source, "agent.py"))
    assert ("MLS314", 3 + offset) in found and ("MLS314", 5 + offset) in found


def test_a_word_for_what_models_make_counts_without_anything_in_sight(tmp_path: Path) -> None:
    # A reward grader: the policy model's answer arrives as a parameter.
    source = "def grade(prediction, reference):\n    return eval(prediction) == reference\n"
    assert ("MLS314", 2) in rules_at(scan_code(tmp_path, source, "grader.py"))
    named = "def run(generated_code):\n    exec(generated_code)\n"
    assert ("MLS314", 2) in rules_at(scan_code(tmp_path, named, "runner.py"))
