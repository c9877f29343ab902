from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.selection import file_tags, selects
from hooks.code.shell_scripts import is_shell_script, script_commands
from hooks.code.spec import SPEC
from tests.code.helpers import scan_code


def rules_of(tmp_path: Path, text: str, name: str = "setup.sh") -> list[tuple[str, int, str]]:
    return sorted((f.rule_id, f.line, f.severity.value) for f in scan_code(tmp_path, text, name))


def test_a_shell_scripts_commands_are_judged_like_a_notebooks_shell_lines(tmp_path: Path) -> None:
    text = (
        "#!/bin/bash\n"
        "set -euo pipefail\n"
        "curl -fsSL https://x.example/install.sh | sudo bash\n"
        "wget https://x.example/get.sh\n"
        "bash get.sh\n"
        "vllm serve org/model \\\n"
        "  --trust-remote-code\n"
        "jupyter lab --ip=0.0.0.0 --NotebookApp.token=''\n"
        "pip install rich\n"
    )
    assert rules_of(tmp_path, text) == [
        ("MLS307", 6, "high"),  # `--trust-remote-code` on the joined line
        ("MLS319", 9, "low"),
        ("MLS321", 3, "high"),
        ("MLS322", 5, "medium"),
        ("MLS323", 8, "critical"),
    ]


def test_a_look_alike_script_reports_nothing_that_blocks(tmp_path: Path) -> None:
    text = (
        "#!/usr/bin/env bash\n"
        "# curl -fsSL https://x.example/install.sh | bash  (what the docs used to say)\n"
        'echo "then run: curl -fsSL https://x.example/install.sh | bash"\n'
        "curl -fsSLo install.sh https://x.example/install.sh\n"
        "sha256sum -c install.sha256\n"
        "python train.py --model org/model\n"
        "pip install rich==13.7.1\n"
    )
    assert [f for f in rules_of(tmp_path, text) if f[2] != "low"] == []


def test_a_here_document_is_commands_only_where_a_shell_reads_it(tmp_path: Path) -> None:
    text = (
        "cat > job.py <<'EOF'\n"
        "import os\n"
        "curl -fsSL https://x.example/i.sh | bash\n"  # text written to a file
        "EOF\n"
        "python - <<EOF\n"
        "curl -fsSL https://x.example/i.sh | bash\n"  # Python's input
        "EOF\n"
        "sudo -u app bash -s <<-END\n"
        "\tcurl -fsSL https://x.example/i.sh | sh\n"  # the shell's script
        "\tEND\n"
        "bash run.sh <<EOF\n"
        "curl -fsSL https://x.example/i.sh | sh\n"  # run.sh's input
        "EOF\n"
    )
    assert [(rule, line) for rule, line, _ in rules_of(tmp_path, text)] == [("MLS321", 9)]
    # No delimiter line: bash would read to the end, but an opener that never closes hides nothing.
    assert script_commands("cat <<EOF\nunclosed | sh\n") == [(1, "cat <<EOF"), (2, "unclosed | sh")]


def test_which_files_are_shell_scripts(tmp_path: Path) -> None:
    for name, head, expected in [
        ("setup.sh", "echo", True),
        ("run.bash", "", True),
        ("entrypoint", "#!/bin/sh\nexec x\n", True),
        ("start", "#!/usr/bin/env -S bash -e\n", True),
        ("train", "#!/usr/bin/env python3\n", False),
        ("notes.txt", "#!/bin/bash\n", False),
        ("fish_prompt", "#!/usr/bin/fish\n", False),
    ]:
        assert is_shell_script(name, head) is expected, name
        path = tmp_path / name
        path.write_text(head)
        assert ("shell" in file_tags(path)) is expected, name
    (tmp_path / "setup.sh").write_text("echo\n")
    assert selects(SPEC, tmp_path / "setup.sh", "setup.sh")


def test_a_suppression_comment_silences_a_script_line(tmp_path: Path) -> None:
    text = "# mlsec: ignore[MLS321] the vendor's pinned installer, reviewed\ncurl -fsSL https://x.example/i | sh\n"
    assert rules_of(tmp_path, text) == []


def test_a_python_file_with_a_shell_shebang_is_still_python(tmp_path: Path) -> None:
    found = rules_of(tmp_path, "#!/bin/sh\nimport pickle\npickle.load(open(input(), 'rb'))\n", "job.py")
    assert any(rule in ("B301", "MLS301") for rule, _, _ in found)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<-'\"EOFcat bash|curl\n\t\\#!sh")), max_size=300))
def test_garbage_scripts_never_raise_and_keep_their_numbering(text: str) -> None:
    for line, command in script_commands(text):
        assert 1 <= line <= text.count("\n") + 1
        assert isinstance(command, str)


def test_here_documents_a_shell_reads_and_openers_that_are_none(tmp_path: Path) -> None:
    """Red team (stop 43): a body a shell reads through a pipe or after its options is commands; a
    `<<` in a comment, a string or arithmetic, or a quoted, escaped or hyphenated delimiter, is no
    way to hide the rest of the file or to make text commands."""
    runs = "curl -fsSL https://x.example/i.sh | bash"
    for text in (
        f"cat <<'EOF' | bash\n{runs}\nEOF\n",
        f"bash -euo pipefail <<'EOF'\n{runs}\nEOF\n",
        f"sudo su - app <<'EOF'\n{runs}\nEOF\n",
        f"# feed the tool its config with <<EOF\n{runs}\n",
        f'echo "usage: tool <<EOF"\n{runs}\n',
        f"cat > cfg.yaml <<END-OF-CONFIG\na: 1\nEND-OF-CONFIG\n{runs}\n",
        f"mask=$((1 << BITS))\n{runs}\n",
        f'bash -c "\n  set -e\n  {runs}"\n',  # a multi-line `-c` script is one command
        'eval "$(\n  curl -fsSL https://x.example/i.sh\n)"\n',
    ):
        assert "MLS321" in [rule for rule, _, _ in rules_of(tmp_path, text)], text
    for text in (
        f'usage="\nInstall:\n  {runs}\n"\necho "$usage"\n',  # text inside a multi-line string
        f"cat > notes.md <<\\EOF\n{runs}\nEOF\n",
        f"cat > notes.md <<'END-NOTES'\n{runs}\nEND-NOTES\n",
        f"bash <<A; cat > notes.md <<B\necho hi\nA\n{runs}\nB\n",
    ):
        assert "MLS321" not in [rule for rule, _, _ in rules_of(tmp_path, text)], text


def test_a_generated_installer_of_a_few_mib_is_read_whole(tmp_path: Path) -> None:
    manifest = "cat <<'EOF' | kubectl apply -f -\n" + "  key: value\n" * 250_000 + "EOF\n"  # ~3 MiB
    text = manifest + "curl -fsSL https://x.example/i.sh | bash\n"
    assert [(rule, severity) for rule, _, severity in rules_of(tmp_path, text, "install.sh")] == [("MLS321", "high")]


def test_second_red_team_script_shapes(tmp_path: Path) -> None:
    runs = "curl -fsSL https://x.example/i.sh | bash"
    for text in (
        "curl -fsSL https://x.example/i.sh |\n  bash\n",  # a pipe at a line's end goes on
        f"bash > setup.log 2>&1 <<'EOF'\n{runs}\nEOF\n",
        f"runuser -u app -- bash <<'EOF'\n{runs}\nEOF\n",
        f"ssh build-host <<'EOF'\n{runs}\nEOF\n",
        f"sbatch <<'EOF'\n#!/bin/bash\n{runs}\nEOF\n",
        f"docker exec -i builder bash <<'EOF'\n{runs}\nEOF\n",
        f"echo ok ;# don't\n{runs}\n",  # the comment's apostrophe opens nothing
        "cu\0rl -fsSL https://x.example/i.sh | bash\n",  # bash drops NUL bytes
        f"cat > x <<$'A'\nbody\nA\n{runs}\n",
        f'msg="\nsee <<EOF below\n"\n{runs}\n',  # an opener inside a string is text
    ):
        assert "MLS321" in [rule for rule, _, _ in rules_of(tmp_path, text)], text
    for text in (
        f"pip install -e .  # or: {runs}\n",
        'case "$1" in\n  --trust-remote-code) TRUST=1 ;;\nesac\n',
        "echo \"start with: jupyter lab --ip=0.0.0.0 --ServerApp.token=''\"\n",
    ):
        assert [f for f in rules_of(tmp_path, text) if f[2] != "low"] == [], text


def test_job_scripts_with_a_shell_shebang_are_shell_scripts(tmp_path: Path) -> None:
    assert is_shell_script("train.slurm", "#!/bin/bash\n#SBATCH -N 1\n")
    assert not is_shell_script("train.slurm", "# no shebang\n")
    path = tmp_path / "train.sbatch"
    path.write_text("#!/bin/bash\ncurl -fsSL https://x.example/i.sh | bash\n")
    assert "shell" in file_tags(path)
    assert [(f.rule_id, f.line) for f in scan_code(tmp_path, path.read_text(), "train.sbatch")] == [("MLS321", 2)]


def test_a_megabyte_of_unclosed_here_documents_is_linear(tmp_path: Path) -> None:
    import time

    started = time.perf_counter()
    script_commands("cat <<EOF\n" * 100_000)
    assert time.perf_counter() - started < 30  # a guard against quadratic time, not a speed goal
