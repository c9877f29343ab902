"""The code hook's judgement of shell command lines, whoever runs them: a notebook's `!` lines,
`%pip` magics and `%%bash` cells, the shell scripts its cells write, and the commands Python code
starts (`os.system`, `subprocess.run`, found by `launched.py`). One judgement for all of them, so
a command is judged the same whether a cell or a script runs it.

The shared shell checks (`hooks._shared.shell`: downloads piped into a shell, downloaded files
run, installs without pins or from unsafe indexes) are reported under the code hook's rules;
this module adds what is the code hook's own: trust_remote_code passed on a command line, and ML
services started open to the network.
"""

from __future__ import annotations

from collections.abc import Sequence

from hooks._core.findings import Issue
from hooks._core.severity import Severity
from hooks._shared.services import OpenService, open_services
from hooks._shared.shell import ShellRules, command_segments, install_issues, passes_trust_remote_code, shell_issues
from hooks.code import rules

SHELL_RULES = ShellRules(
    piped_to_shell=rules.DOWNLOAD_PIPED_TO_SHELL,
    downloaded_run=rules.DOWNLOADED_FILE_RUN,
    unpinned_install=rules.NOTEBOOK_UNPINNED_INSTALL,
    unsafe_index=rules.NOTEBOOK_UNSAFE_INDEX,
)
_SERVICE_SEVERITY = {"jupyter": Severity.CRITICAL, "ray": Severity.CRITICAL, "mlflow": Severity.HIGH}


def command_issues(
    shell: Sequence[tuple[int, str]],
    installs: Sequence[tuple[int, str]] = (),
    *,
    strict: bool = False,
    uv_strategy_set: bool = False,
) -> list[Issue]:
    """Issues of shell command lines `(line, command)` in the order they run, and of install
    magics (`%pip install x`, judged as installs only). `uv_strategy_set`: the code sets uv's
    index strategy somewhere (shell.install_issues)."""
    commands = list(shell)
    found = shell_issues(commands, SHELL_RULES) + install_issues(
        commands + list(installs), SHELL_RULES, strict=strict, uv_strategy_set=uv_strategy_set
    )
    for number, command in commands:
        if passes_trust_remote_code(command):
            found.append(
                Issue(
                    rules.TRUST_REMOTE_CODE,
                    "a command with trust_remote_code: it runs Python code from the model repository",
                    "shell-trust-remote-code",
                    line=number,
                )
            )
        for service in _started_services(command):
            found.append(
                Issue(
                    rules.OPEN_ML_SERVICE,
                    service.message,
                    f"service:{service.kind}",
                    line=number,
                    severity=_SERVICE_SEVERITY[service.kind],
                )
            )
    return found


# Programs that print text: a service's command line in their arguments is an instruction.
_PRINTERS = frozenset({"echo", "printf", "cat", "tee"})


def _started_services(command: str) -> list[OpenService]:
    """The ML services the command line starts, not those it prints (`echo "run: jupyter lab ..."`)."""
    found: list[OpenService] = []
    for text, words in command_segments(command):
        if words and words[0].rsplit("/", 1)[-1] not in _PRINTERS:
            found.extend(open_services(text))
    return found
