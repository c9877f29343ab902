from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._shared.dockerfile import DockerfileError, parse


def test_continuations_with_comments_and_blank_lines_between() -> None:
    text = "FROM python:3.11\nRUN apt-get update \\\n    # a comment\n\n    && apt-get install -y curl\nUSER app\n"
    parsed = parse(text)
    run = parsed.instructions[1]
    assert (run.keyword, run.line, run.end_line) == ("RUN", 2, 5)
    # Joined as BuildKit joins them: the escape dropped, the next line's indentation kept.
    assert run.arguments == "apt-get update     && apt-get install -y curl"
    assert parsed.instructions[2].line == 6


def test_escape_directive_and_case_insensitive_keywords() -> None:
    text = "# escape=`\nfrom mcr.microsoft.com/windows:ltsc2022\nrun echo a `\n    b\nuser ContainerUser\n"
    parsed = parse(text)
    assert [(i.keyword, i.line) for i in parsed.instructions] == [("FROM", 2), ("RUN", 3), ("USER", 5)]
    assert parsed.instructions[1].arguments == "echo a     b"


def test_heredocs() -> None:
    text = (
        "# syntax=docker/dockerfile:1.7\nFROM ubuntu:22.04\nRUN <<EOF\nset -e\ncurl x | sh\nEOF\n"
        "COPY <<-\"CONF\" <<'TWO' /etc/\n\tc.ip = '0.0.0.0'\n\tCONF\nsecond\nTWO\nUSER app\n"
    )
    parsed = parse(text)
    run, copy, user = parsed.instructions[1:]
    assert (run.line, run.end_line, run.heredocs[0].body) == (3, 6, "set -e\ncurl x | sh")
    assert [h.body for h in copy.heredocs] == ["\tc.ip = '0.0.0.0'", "second"]
    assert (copy.line, user.line) == (7, 12)


@pytest.mark.parametrize(
    ("run", "names"),
    [
        # BuildKit's heredoc words (frontend/dockerfile/parser's own test table)
        ("RUN mkdir -p d && cat > d/v.mts << 'EOF'", ["EOF"]),  # a space after <<, a quoted name
        ("RUN <<  EOF  > foo", ["EOF"]),
        ("RUN <<- EOF", ["EOF"]),
        ("RUN 3<<EOF", ["EOF"]),
        ("COPY <<file.txt /dest", ["file.txt"]),
        ("RUN <<EOF <<EOF2", ["EOF", "EOF2"]),
        # look-alikes that open none
        ('RUN "<<EOF"', []),
        ("RUN '<<EOF'", []),
        ("RUN cat <<<EOF", []),  # a here-string
        ("RUN echo $((1<<2))", []),
        ("RUN echo a\\<<EOF", []),  # an escaped <
        ("RUN << ", []),
    ],
)
def test_heredoc_words_as_buildkit_reads_them(run: str, names: list[str]) -> None:
    bodies = "".join(f"body of {name}\n{name}\n" for name in names)
    parsed = parse(f"FROM x\n{run}\n{bodies}USER app\n")
    instruction = parsed.instructions[1]
    assert [h.delimiter for h in instruction.heredocs] == names
    assert [h.body for h in instruction.heredocs] == [f"body of {name}" for name in names]
    assert parsed.instructions[-1].keyword == "USER"


def test_stages_args_and_json_form() -> None:
    text = (
        "ARG BASE=python:3.11-slim\nFROM ${BASE} AS build\nRUN pip wheel .\nFROM build AS test\n"
        "FROM ${BASE}@sha256:" + "a" * 64 + '\nCOPY --from=build /w /w\nCMD ["python", "-m", "app"]\n'
    )
    parsed = parse(text)
    assert [(s.base, s.name) for s in parsed.stages] == [
        ("python:3.11-slim", "build"),
        ("build", "test"),
        ("python:3.11-slim@sha256:" + "a" * 64, None),
    ]
    assert parsed.instructions[-1].json_arguments == ["python", "-m", "app"]
    assert parsed.instructions[-2].split_flags() == ({"from": "build"}, "/w /w")


def test_a_tab_separates_an_instruction_and_its_flags_as_a_space_does() -> None:
    parsed = parse("FROM\tpython:3.11\nRUN\tset -e ; \\\n    pip install x\nCOPY\t--chown=a:b\tsrc /dst\n")
    assert [(i.keyword, i.arguments) for i in parsed.instructions] == [
        ("FROM", "python:3.11"),
        ("RUN", "set -e ;     pip install x"),
        ("COPY", "--chown=a:b\tsrc /dst"),
    ]
    assert parsed.instructions[-1].split_flags() == ({"chown": "a:b"}, "src /dst")


def test_a_word_joined_to_its_instruction_by_another_character_is_still_no_instruction() -> None:
    with pytest.raises(DockerfileError, match="is not an instruction"):
        parse("FROM x\nRUN-echo hi\n")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("RUN echo\nFROM x\n", 1),
        ("RUN echo\nprose\n", 2),
        ("FROM x\nRUN <<EOF\necho\n", 2),
        ("", 1),
        ("FROM\n", 1),
        ("FROM x\n!!! y\n", 2),
    ],
)
def test_invalid_files_are_errors_with_a_line(text: str, line: int) -> None:
    with pytest.raises(DockerfileError) as caught:
        parse(text)
    assert caught.value.line == line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("FROMRUNCOPYENV <<EOF\\`#=\n\t\"'[]{}$:x0@")), max_size=300))
def test_garbage_parses_or_raises_a_dockerfile_error(text: str) -> None:
    try:
        parse(text)
    except DockerfileError:
        pass


def test_instructions_without_any_from_parse_as_one_fragment_stage() -> None:
    parsed = parse("# steps\nARG V=1\nRUN echo $V\nUSER app\n")
    assert parsed.fragment and [s.base for s in parsed.stages] == [""]
    assert [i.keyword for i in parsed.stages[0].instructions] == ["ARG", "RUN", "USER"]
    assert not parse("FROM x\nRUN echo hi\n").fragment
    with pytest.raises(DockerfileError, match="before the first FROM"):
        parse("RUN echo hi\nFROM x\n")


def test_lines_continue_and_join_as_buildkit_reads_them() -> None:
    # A word split over a continuation is one word; an escaped escape or a no-break space after
    # the escape ends the line (BuildKit: the escape, not escaped, then only spaces and tabs).
    assert parse("FROM x\nRUN cur\\\nl https://x.example/i.sh | sh\n").instructions[1].arguments == (
        "curl https://x.example/i.sh | sh"
    )
    swallowed = parse("FROM x\nLABEL a=b\\\\\nRUN curl https://x.example/i.sh | sh\n")
    assert [i.keyword for i in swallowed.instructions] == ["FROM", "LABEL", "RUN"]
    spaced = parse("FROM x\nARG V=1 \\\u00a0\nRUN echo $V\n")
    assert [i.keyword for i in spaced.instructions] == ["FROM", "ARG", "RUN"]
    crlf = parse("FROM x\r\nRUN a \\\r\n  b\r\n")
    assert crlf.instructions[1].arguments == "a   b"


def test_directives_end_at_the_first_line_buildkit_does_not_take_for_one() -> None:
    # An unknown directive ends them: an escape after it is a comment.
    text = "# foo=bar\n# escape=`\nFROM x\nRUN echo a\\\n  b\n"
    assert [i.keyword for i in parse(text).instructions] == ["FROM", "RUN"]
    with pytest.raises(DockerfileError, match="only one escape"):
        parse("# escape=`\n# escape=\\\nFROM x\n")
    assert parse("\ufeff# escape=`\nFROM x\nRUN a `\n b\n").instructions[1].arguments == "a  b"


@pytest.mark.parametrize(
    "head",
    [
        "#!/usr/bin/env -S docker build . -f\n# syntax=ghcr.io/someone/frontend:1\n",  # after a shebang
        "# syntax=ghcr.io/someone/frontend:1 --opt\n",  # words after the image
        "# syntax = ghcr.io/someone/frontend:1\n# escape=\\\n",
    ],
)
def test_a_custom_frontend_is_seen_where_buildkit_sees_it(head: str) -> None:
    # A custom frontend reads the file its own way: no FROM does not make it a fragment.
    with pytest.raises(DockerfileError):
        parse(head + "RUN echo hello\n")
    assert parse("# syntax=docker/dockerfile:1.7 --x\nRUN echo hello\n").fragment


def test_onbuild_and_healthcheck_keep_a_from_less_file_unread() -> None:
    for text in ("ONBUILD RUN curl https://x.example/i.sh | sh\n", "HEALTHCHECK CMD curl -f http://x/ || exit 1\n"):
        with pytest.raises(DockerfileError):
            parse(text)


def test_directives_and_line_ends_as_buildkit_reads_them_second_pass() -> None:
    # Leading space before a directive is trimmed by BuildKit's parser; every CR before the newline
    # goes; U+001C is no space for Go, so `#<U+001C>escape` is a comment.
    assert [i.keyword for i in parse(" # escape=`\nFROM x\nLABEL a=b\\\nRUN echo\n").instructions] == [
        "FROM",
        "LABEL",
        "RUN",
    ]
    assert parse("FROM x\nRUN curl x | \\\r\r\n  sh\n").instructions[1].arguments == "curl x |   sh"
    parsed = parse("#\x1cescape=`\nFROM x\nLABEL a=b`\nRUN echo\n")
    assert [i.keyword for i in parsed.instructions] == ["FROM", "LABEL", "RUN"]  # the escape stays `\\`


def test_a_long_directive_line_is_read_in_linear_time() -> None:
    # 200,000 spaces inside a directive: a backtracking pattern would take minutes here.
    parsed = parse("# check=a" + " " * 200_000 + "b\nFROM x\nRUN echo\n")
    assert [i.keyword for i in parsed.instructions] == ["FROM", "RUN"]


@pytest.mark.parametrize("text", ["FROM x\nRUN echo \\\nsh\nSH x\n", "FROM x\nCURL https://x.example\n"])
def test_an_unknown_instruction_is_an_error(text: str) -> None:
    with pytest.raises(DockerfileError, match="unknown instruction"):
        parse(text)


def test_shell_keeps_a_from_less_file_unread() -> None:
    with pytest.raises(DockerfileError):
        parse('SHELL ["/bin/sh", "-c", "curl https://x.example/i.sh | sh"]\nRUN echo hi\n')


@pytest.mark.parametrize(
    "line",
    ["FROM python:3.11 x", "FROM python:3.11 as", "FROM python:3.11 AS build extra", "FROM python:3.11 FROM build"],
)
def test_from_takes_one_word_or_three_with_as_as_buildkit_does(line: str) -> None:
    with pytest.raises(DockerfileError, match="FROM takes"):
        parse(line + "\nRUN echo\n")


@pytest.mark.parametrize(
    "line", ["FROM python:3.11", "FROM python:3.11 AS build", "FROM --platform=linux/amd64 x as b"]
)
def test_from_with_an_image_and_a_stage_name_parses(line: str) -> None:
    assert parse(line + "\nRUN echo\n").stages[0].base.startswith(("python", "x"))
