"""Checks on a parsed Dockerfile. Each issue is reported on its instruction's first line, or on
the line of a heredoc script (`RUN <<EOF`, `COPY <<EOF start.sh`) where the command stands.

Hygiene (tags instead of digests, root, unpinned installs, sudo, chmod 777, ADD without a
checksum) is reported low under the default profile; `strict` restores medium (rules.py). URLs in
messages are redacted (scheme, host, `***`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import PurePosixPath

from hooks._core.findings import Issue
from hooks._core.severity import Severity
from hooks._shared.dockerfile import Dockerfile, Instruction, substitute, variable_pairs
from hooks._shared.redaction import redact_url
from hooks._shared.services import jupyter_config_open, open_services
from hooks._shared.shell import (
    ShellRules,
    command_spans,
    install_issues,
    passes_trust_remote_code,
    pipes_download_to_shell,
    shell_lines,
)
from hooks.docker import rules
from hooks.docker.template import PLACEHOLDER_WORD

# Downloads piped to a shell are checked on the whole RUN text (below); installs through these.
_SHELL_RULES = ShellRules(
    piped_to_shell=rules.DOCKER_DOWNLOAD_PIPED_TO_SHELL,
    downloaded_run=rules.DOCKER_DOWNLOAD_PIPED_TO_SHELL,
    unpinned_install=rules.DOCKER_UNPINNED_INSTALL,
    unsafe_index=rules.DOCKER_UNSAFE_INDEX,
)
_DIGEST = re.compile(r"@sha256:[0-9a-f]{64}$")
# Images whose default user is not root: no USER instruction still means non-root.
_NON_ROOT_BASES = re.compile(
    r"^(?:(?:docker\.io/|quay\.io/)?jupyter/|quay\.io/jupyter/|rayproject/ray|bitnami/|gcr\.io/distroless/.*:nonroot"
    r"|cgr\.dev/chainguard/)"
)
_HTTP_URL = re.compile(r"http://(?!(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])[:/])[^\s'\"()<>]+")
# (also the managers' index options: uv's `--index [name=]URL`/`--default-index`, pipenv's `--pypi-mirror`)
_PIP_INDEX_CONTEXT = re.compile(
    r"(?:(?:--(?:extra-)?index(?:-url)?|--default-index|--pypi-mirror|--find-links|-[if])[= ]\s*(?:[A-Za-z0-9_.-]+=)?"
    r"|(?:^|\s)-[if])$"  # (pip's glued short form: `-ihttp://...`)
)
# The installers whose `-i`/`-f`/`--index-url` name an index (reported by the pip check); for any
# other program `-i URL` / `-f URL` is a fetch (`wget -i http://...`, `kubectl apply -f http://...`).
_INDEX_TAKING = re.compile(r"^(?:pip[0-9.]*|uv|pipx|poetry|pdm|pipenv|conda|mamba|micromamba|easy_install)$")
# An apt source line: apt checks the repository's signature whatever the transport.
_APT_SOURCE = re.compile(r"\bdeb(?:-src)?\s+(?:\[[^\]]{0,300}\]\s*)?$")
_APT_UNTRUSTED = re.compile(r"trusted=yes")
_COMMIT_IN_URL = re.compile(r"/[0-9a-f]{40}(?:/|$)")
_CREDENTIAL_NAME = re.compile(
    r"(?i)(password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credential|auth)"
)
_NOT_SECRET_NAMES = re.compile(r"(?i)(_FILE|_PATH|_DIR|_URL|_HOST|_PORT|_USER|_USERNAME|_ID_FILE|_REGION|_ENDPOINT)$")
# A value that names a file (`GOOGLE_APPLICATION_CREDENTIALS=/secrets/sa.json`) is not the secret.
_PATH_VALUE = re.compile(
    r"^(?:/|\./|\.\./|~/)[\w.@+/-]*$|^[\w.-]+(?:/[\w.-]+)+$|^[\w.-]+\.(?:json|pem|key|p12|crt|ya?ml|txt)$"
)
_CREDENTIAL_FILES = re.compile(
    r"(?:^|/)(?:\.env(?:\.[\w-]+)?|kaggle\.json|\.netrc|_netrc|\.git-credentials|\.pypirc|\.npmrc|id_(?:rsa|dsa|ecdsa|ed25519)"
    r"|\.ssh(?:/.*)?|\.aws(?:/.*)?|credentials(?:\.json)?|\.docker/config\.json|\.kube(?:/.*)?"
    r"|application_default_credentials\.json|service[-_]?account[\w.-]*\.json|\.config/gcloud(?:/.*)?|[\w.-]+\.pem"
    r"|[\w.-]+\.key|\.huggingface/token|\.cache/huggingface/token)$"
)
_PUBLIC_CERT = re.compile(r"(?i)(?:^|/)[\w.-]*(?:ca|cert|certificate|bundle|chain)[\w.-]*\.(?:crt|pem)$")
# Templates and public halves: `.env.example`, `config.sample`, `id_rsa.pub`, `x.env.template`.
_NOT_CREDENTIAL_FILE = re.compile(r"(?i)(?:\.|_|-)(?:example|sample|template|dist|defaults?|tmpl|tpl)$|\.pub$")
_CHMOD_OPEN = re.compile(r"\bchmod\s+(?:-[A-Za-z]+\s+)*(?:0?777|a\+rwx|ugo\+rwx|o\+w\w*|o\+rwx|a\+w)\b")
_SUDO = re.compile(r"(?:^|&&|\|\||;|\n|\|)\s*sudo\s+(?!-[lvkK]\b)\S")
_NOPASSWD = re.compile(r"NOPASSWD\s*:\s*ALL")
# TGI's TRUST_REMOTE_CODE, DJL's OPTION_TRUST_REMOTE_CODE (its option.* settings as environment).
_TRUST_ENV = re.compile(r"(?:^|_)TRUST_REMOTE_CODE$", re.IGNORECASE)
_ONE_HTTPS_URL = re.compile(r"https://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s$`\"'\\]*)?")
_TRUE_VALUES = frozenset({"true", "1", "yes", "on"})


def _command_text(instruction: Instruction) -> str:
    words = instruction.json_arguments
    return " ".join(words) if words is not None else instruction.arguments


def _commands(instruction: Instruction) -> list[tuple[int, str]]:
    """(line, command) of a RUN/CMD/ENTRYPOINT: its own text, then each command of its heredoc
    scripts at the line where it stands; COPY/ADD heredocs (`COPY <<EOF start.sh`) are scripts too."""
    commands: list[tuple[int, str]] = []
    if instruction.keyword in ("RUN", "CMD", "ENTRYPOINT"):
        commands.append((instruction.line, _command_text(instruction)))
    for heredoc in instruction.heredocs:
        commands.extend(shell_lines(heredoc.body.split("\n"), heredoc.start_line))
        if _interpreted(instruction, heredoc.body):
            commands.extend(_command_literals(heredoc.body, heredoc.start_line)[:MAX_SCRIPT_LITERALS])
    return commands


def _interpreted(instruction: Instruction, body: str) -> bool:
    interpreter = instruction.keyword == "RUN" and _INTERPRETER.match(instruction.arguments) is not None
    return interpreter or _INTERPRETER_SHEBANG.match(body) is not None


def _unread_literals(instruction: Instruction) -> Iterator[Issue]:
    """A script with more command-like literals than are read: the rest are not checked (MLS909)."""
    for heredoc in instruction.heredocs:
        if _interpreted(instruction, heredoc.body):
            count = len(_command_literals(heredoc.body, heredoc.start_line))
            if count > MAX_SCRIPT_LITERALS:
                yield Issue(
                    rules.DOCKERFILE_UNPARSEABLE,
                    f"a heredoc script with {count:,} command-like strings: those after the first"
                    f" {MAX_SCRIPT_LITERALS:,} are not checked",
                    f"script-literals:{heredoc.start_line}",
                    line=heredoc.start_line,
                )


# `RUN python3 << 'PY'`, `RUN node <<JS`, or a heredoc whose first line is such a shebang: the body
# is a script of that language, and the commands it hands a shell (`subprocess.run("curl ... | sh",
# shell=True)`, `os.system(...)`, `execSync(...)`) are its string literals.
_INTERPRETER_NAMES = r"(?:python[0-9.]*|node|nodejs|deno|bun|perl|ruby|php)"
MAX_SCRIPT_LITERALS = 2_000  # command-like strings of one heredoc script read (a script has dozens)
_INTERPRETER = re.compile(rf"(?:--\S+\s+)*(?:\S*/)?{_INTERPRETER_NAMES}(?:\s+-\S+)*\s+[0-9]*<<")
_INTERPRETER_SHEBANG = re.compile(rf"#!\s*\S*(?:/env\s+)?(?:\S*/)?{_INTERPRETER_NAMES}\b")
_STRING_LITERAL = re.compile(r""""((?:[^"\\\n]|\\.){3,2000})"|'((?:[^'\\\n]|\\.){3,2000})'|`([^`]{3,2000})`""")


def _command_literals(body: str, first_line: int) -> list[tuple[int, str]]:
    """The string literals of a script that read as a command line (words with spaces between),
    at their line: what the script may hand to a shell."""
    found: list[tuple[int, str]] = []
    line, counted = first_line, 0
    for match in _STRING_LITERAL.finditer(body):
        text = next(group for group in match.groups() if group is not None)
        if " " in text.strip():
            line += body.count("\n", counted, match.start())  # counted once over the body, not per literal
            counted = match.start()
            found.append((line, text.replace('\\"', '"').replace("\\'", "'")))
    return found


def run_commands(dockerfile: Dockerfile) -> list[tuple[int, str]]:
    """Every shell command the image runs at build or start, heredoc scripts included."""
    commands: list[tuple[int, str]] = []
    for instruction in dockerfile.instructions:
        if instruction.keyword in ("RUN", "CMD", "ENTRYPOINT") or instruction.heredocs:
            commands.extend(_commands(instruction))
    return commands


def check(dockerfile: Dockerfile, *, strict: bool = False) -> Iterator[Issue]:
    unread, instructions = _with_held(dockerfile.instructions)
    yield from unread
    # What ONBUILD and HEALTHCHECK hold stands among the instructions as what it is (an ADD, a RUN,
    # an ENV; a health check's command as a CMD): every check below reads it like the others.
    held = replace(dockerfile, instructions=instructions)
    yield from _base_images(dockerfile)
    yield from _secrets(held)
    yield from _final_user(dockerfile)
    yield from _unchecked_adds(held, strict)
    variables = dict(dockerfile.global_args)
    for instruction in instructions:
        keyword = instruction.keyword
        if keyword in ("ENV", "ARG"):
            for name, value in variable_pairs(instruction):
                variables[name] = value
                yield from _pip_env(instruction, name, value)
                yield from _trust_env(instruction, name, value)
        if keyword in ("RUN", "CMD", "ENTRYPOINT") or (keyword in ("COPY", "ADD") and instruction.heredocs):
            yield from _run_checks(instruction, strict, variables)
        if keyword in ("COPY", "ADD"):
            yield from _copy_checks(instruction, variables)
        if keyword == "EXPOSE":
            ports = {p.split("/")[0] for p in substitute(instruction.arguments, variables).split()}
            if "22" in ports:
                yield Issue(
                    rules.SSH_EXPOSED,
                    "EXPOSE 22: an SSH server in a training or serving "
                    "image is a way in; use `docker exec` or the orchestrator instead",
                    "expose22",
                    line=instruction.line,
                )


def _trust_env(instruction: Instruction, name: str, value: str) -> Iterator[Issue]:
    if instruction.keyword == "ENV" and _TRUST_ENV.search(name) and value.strip().lower() in _TRUE_VALUES:
        yield Issue(
            rules.TRUST_REMOTE_CODE_IN_IMAGE,
            f"ENV {name}={value}: the server runs the Python code of the model repository it loads",
            f"env-trust:{name.upper()}",
            line=instruction.line,
        )


# Instructions ONBUILD may hold (Docker refuses ONBUILD ONBUILD, FROM and MAINTAINER).
_ONBUILD_HELD = frozenset(
    {"ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "HEALTHCHECK", "LABEL", "RUN", "SHELL"}
    | {"STOPSIGNAL", "USER", "VOLUME", "WORKDIR"}
)
_HELD_WORD = re.compile(r"(\S+)\s*(.*)", re.DOTALL)
_HEALTHCHECK_FLAG = re.compile(r"--[a-z-]+=\S*")
# A POSIX shell and the options it takes before `-c` (`-e`, `-eux`, `-o pipefail`, `--login`): RUN
# lines run under it read as the checks read them. Anything else (PowerShell, cmd, a script, a
# command among the options) runs every later RUN some other way.
_POSIX_SHELLS = frozenset({"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh"})
# The shell reads its words as option clusters (`-ceuxo`): every `o` or `O` in a cluster takes the
# next word as an option's name (`-o pipefail`, `-O extglob`), in order, and a `c` anywhere makes
# the first word after the options (the RUN line) the command string.
_SHELL_OPTION_CLUSTER = re.compile(r"[-+][a-zA-Z]+")
# `set -o` names bash and POSIX shells know (an unknown one stops the build: nothing runs); `-O`
# takes a `shopt` name.
_SET_OPTION_NAMES = frozenset(
    "allexport braceexpand emacs errexit errtrace functrace hashall histexpand history ignoreeof "
    "interactive-comments keyword monitor noclobber noexec noglob nolog notify nounset onecmd physical "
    "pipefail posix privileged verbose vi xtrace".split()
)
_SHOPT_NAME = re.compile(r"[a-z_]{2,32}")
_SHELL_LONG_OPTIONS = frozenset({"--login", "--norc", "--noprofile", "--posix", "--noediting", "--verbose"})
# `conda run -n env /bin/bash -c`: the environment's shell runs the line (conda's and its
# relatives' `run` options, those taking a value first).
_ENV_RUNNERS = frozenset({"conda", "mamba", "micromamba"})
_RUNNER_VALUE_OPTIONS = frozenset({"-n", "--name", "-p", "--prefix", "--cwd"})
_RUNNER_FLAGS = frozenset({"--no-capture-output", "--live-stream", "--debug-wrapper-scripts", "-v", "--verbose"})


def _posix_shell_form(words: list[str]) -> bool:
    """Whether a SHELL's words run a line as `sh -c` does: an environment runner's prefix, a POSIX
    shell, its own options only, then `-c` last."""
    index = 0
    if len(words) > 1 and PurePosixPath(words[0]).name in _ENV_RUNNERS and words[1] == "run":
        index = 2
        while index < len(words) and words[index].startswith("-"):
            if words[index] in _RUNNER_VALUE_OPTIONS and index + 1 < len(words):
                index += 2
            elif words[index] in _RUNNER_FLAGS:
                index += 1
            else:
                return False
    if index >= len(words) - 1 or PurePosixPath(words[index]).name not in _POSIX_SHELLS:
        return False
    return _options_end_in_command(words[index + 1 :])


def _options_end_in_command(options: list[str]) -> bool:
    """Whether a shell's words are all its own options, one of them `-c` (alone or in a cluster):
    the RUN line that follows them is then the command string, as with `sh -c`."""
    position = 0
    command = False
    while position < len(options):
        word = options[position]
        position += 1
        if word in _SHELL_LONG_OPTIONS:
            continue
        if word in ("-", "--") and position == len(options):
            break  # the end of the options, last: the RUN line is still the command string
        if not _SHELL_OPTION_CLUSTER.fullmatch(word):
            return False
        for letter in word[1:]:
            if letter in "oO":
                name = options[position] if position < len(options) else ""
                if not (name in _SET_OPTION_NAMES if letter == "o" else _SHOPT_NAME.fullmatch(name)):
                    return False
                position += 1
            elif letter == "c" and word.startswith("-"):
                command = True
    return command


def _with_held(instructions: list[Instruction]) -> tuple[list[Issue], list[Instruction]]:
    """The instructions with what ONBUILD and HEALTHCHECK hold in their place: `ONBUILD RUN curl
    ... | sh` runs in every image built FROM this one, a HEALTHCHECK command runs in the container.
    What cannot be read that way, and a SHELL that makes later RUN lines run other than as a POSIX
    shell's `-c`, is reported as not checked (MLS909), never passed."""
    issues: list[Issue] = []
    found: list[Instruction] = []
    for instruction in instructions:
        inner = _held(instruction, issues, depth=0)
        if inner is not None:
            found.append(inner)
    return issues, found


def _held(instruction: Instruction, issues: list[Issue], depth: int) -> Instruction | None:
    """The instruction as the checks read it (None: nothing to read, or reported unread)."""
    keyword = instruction.keyword
    if keyword == "ONBUILD":
        match = _HELD_WORD.fullmatch(instruction.arguments.strip())
        held = match.group(1).upper() if match else ""
        if match is None or held not in _ONBUILD_HELD or "<<" in instruction.arguments or depth > 0:
            issues.append(_not_checked(instruction, "ONBUILD whose instruction is not one the checks read"))
            return None
        line, end, stage = instruction.line, instruction.end_line, instruction.stage
        return _held(Instruction(held, match.group(2).strip(), line, end, stage=stage), issues, depth + 1)
    if keyword == "HEALTHCHECK":
        rest = instruction.arguments.strip()
        while (flag := _HEALTHCHECK_FLAG.match(rest)) is not None:
            rest = rest[flag.end() :].lstrip()
        match = _HELD_WORD.fullmatch(rest)
        word = match.group(1).upper() if match else ""
        if word == "NONE" and match is not None and not match.group(2).strip():
            return None
        if word != "CMD" or match is None or not match.group(2).strip():
            issues.append(_not_checked(instruction, "HEALTHCHECK whose command is not read"))
            return None
        line, end, stage = instruction.line, instruction.end_line, instruction.stage
        return Instruction("CMD", match.group(2).strip(), line, end, stage=stage)
    if keyword == "SHELL":
        words = instruction.json_arguments
        if not words or not _posix_shell_form(words):
            issues.append(
                _not_checked(
                    instruction, "SHELL that runs later RUN lines other than as a POSIX shell's `-c` with its own flags"
                )
            )
    return instruction


def _not_checked(instruction: Instruction, what: str) -> Issue:
    return Issue(
        rules.DOCKERFILE_UNPARSEABLE,
        f"{what}: not checked",
        f"held:{instruction.keyword}",
        line=instruction.line,
    )


def _base_images(dockerfile: Dockerfile) -> Iterator[Issue]:
    """FROM and `COPY --from=image` (an image, not a stage) pinned by tag instead of digest."""
    names: set[str] = set()
    for stage in dockerfile.stages:
        base = stage.base
        if not dockerfile.fragment and base.lower() not in names and base != "scratch" and PLACEHOLDER_WORD not in base:
            # A template's placeholder (template.py) is an image the generator names: not known here.
            yield from _image_pin(base, "base image", f"from:{base}", stage.line)
        if stage.name:
            names.add(stage.name.lower())
        for instruction in stage.instructions:
            if instruction.keyword not in ("COPY", "ADD"):
                continue
            flags, _ = instruction.split_flags()
            source = substitute(flags.get("from", ""), dockerfile.global_args)
            if not source or source.lower() in names or source.isdigit() or "$" in source:
                continue
            yield from _image_pin(source, "COPY --from image", f"copy-from:{source}", instruction.line)


def _image_pin(image: str, what: str, key: str, line: int) -> Iterator[Issue]:
    if _DIGEST.search(image):
        return
    tag = image.rsplit("/", 1)[-1]
    detail = "no tag (latest)" if ":" not in tag else "latest" if tag.endswith(":latest") else "a tag"
    yield Issue(
        rules.IMAGE_NOT_PINNED,
        f"{what} {image} is pinned by {detail}, not by digest: the tag can move to other content; "
        "use image:tag@sha256:...",
        key,
        line=line,
    )


def _final_user(dockerfile: Dockerfile) -> Iterator[Issue]:
    final = dockerfile.stages[-1]
    variables = dict(dockerfile.global_args)
    user_instruction: Instruction | None = None
    user = ""
    for instruction in final.instructions:
        if instruction.keyword in ("ARG", "ENV"):
            variables.update(variable_pairs(instruction))
        if instruction.keyword == "USER":
            user_instruction = instruction
            user = substitute(instruction.arguments.strip(), variables).split(":")[0]
    if user_instruction is None:
        # A fragment runs as whatever user its unknown base image and the steps before it leave.
        if not dockerfile.fragment and not _NON_ROOT_BASES.match(final.base):
            yield Issue(
                rules.RUNS_AS_ROOT,
                "the final stage sets no USER, so the container runs as root",
                "root:none",
                line=final.line,
            )
    elif user == "root" or (user.isascii() and user.isdigit() and int(user) == 0):  # `USER 00` is uid 0 too
        yield Issue(
            rules.RUNS_AS_ROOT,
            "the final stage switches to root (USER root) and stays there",
            "root:explicit",
            line=user_instruction.line,
        )


def _pip_env(instruction: Instruction, name: str, value: str) -> Iterator[Issue]:
    upper = name.upper()
    if upper == "PIP_TRUSTED_HOST" and value:
        yield Issue(
            rules.DOCKER_UNSAFE_INDEX,
            f"PIP_TRUSTED_HOST={value} turns off TLS checks for pip",
            f"env-trusted:{value}",
            line=instruction.line,
        )
    elif upper == "PIP_EXTRA_INDEX_URL" and value:
        yield Issue(
            rules.DOCKER_UNSAFE_INDEX,
            "PIP_EXTRA_INDEX_URL enables dependency confusion",
            f"env-extra:{value}",
            line=instruction.line,
        )
    elif upper in ("PIP_INDEX_URL", "PIP_FIND_LINKS") and value.startswith("http://"):
        yield Issue(rules.DOCKER_UNSAFE_INDEX, f"{upper} over plain http", f"env-http:{value}", line=instruction.line)


def _url_variables(variables: dict[str, str]) -> dict[str, str]:
    """The ARG/ENV values set so far that are one https URL: an index given as
    `--extra-index-url ${TORCH_EXTRA_INDEX_URL}` is judged by the URL the Dockerfile sets (a
    `--build-arg` may change it, like any other line of the file)."""
    return {name: value for name, value in variables.items() if _ONE_HTTPS_URL.fullmatch(value)}


def _run_checks(instruction: Instruction, strict: bool, variables: dict[str, str] | None = None) -> Iterator[Issue]:
    unpinned: list[Issue] = []
    # Worked out when a command refers to a variable: going through every ARG/ENV for each RUN cost
    # time of their product (red team: 30,000 of each in a written Dockerfile).
    urls: dict[str, str] | None = None
    # `ENV UV_INDEX_STRATEGY=unsafe-best-match`: uv's extra indexes are then judged as pip's
    strategy_set = variables is not None and "UV_INDEX_STRATEGY" in variables
    yield from _unread_literals(instruction)
    for line, command in _commands(instruction):
        yield from _command_checks(instruction, line, command)
        installed = command
        if variables and "$" in command:
            if urls is None:
                urls = _url_variables(variables)
            installed = substitute(command, urls) if urls else command
        found = install_issues(
            [(line, installed)], _SHELL_RULES, strict=strict, uv_strategy_set=strategy_set, name_installer=True
        )
        for issue in found:
            if issue.rule is rules.DOCKER_UNPINNED_INSTALL:
                unpinned.append(issue)
            else:
                yield Issue(issue.rule, issue.message, issue.key, line=line, severity=issue.severity)
    if unpinned:
        # One finding per RUN instruction, whatever the number of packages or commands.
        message = "; ".join(dict.fromkeys(issue.message for issue in unpinned))
        key = "|".join(issue.key for issue in unpinned)
        yield Issue(rules.DOCKER_UNPINNED_INSTALL, message, key, line=unpinned[0].line)


# The programs that only handle a URL as text (`sed` rewriting a mirror, `echo` into a config).
_TEXT_TOOLS = frozenset({"sed", "echo", "printf", "grep", "awk", "tee", "cat", "tr", "cut"})
_COMMAND_KEYWORDS = frozenset({"then", "do", "else", "if", "while", "until", "!"})
# What makes a text tool's command run or fetch something after all.
_RUNS_SOMETHING = re.compile(r"\$\(|`|<\(|>\(|\bsystem\s*\(|\bgetline\b")


def _text_handled(command: str, segments: list[tuple[int, int, str]], position: int) -> bool:
    """The URL at `position` is only text for the command it is in: `sed` rewriting a mirror,
    `echo` into a file, `find -exec sed` / `xargs sed` on files. Not when that command substitutes
    or runs another (`$(...)`, `<(...)`, awk's `system()`), or pipes its output on (`| xargs
    wget`, `| sh`)."""
    for start, end, separator in segments:
        if not start <= position < end:
            continue
        text = command[start:end]
        if _RUNS_SOMETHING.search(text) or separator == "|":
            return False
        words = [w for w in text.replace("\\\n", " ").split() if w != "\\"]
        while words and words[0] in _COMMAND_KEYWORDS:
            words.pop(0)
        if not words:
            return False
        if words[0] in ("find", "xargs"):
            return any(word in ("sed", "grep") for word in words)  # the tool run on each file
        return words[0] in _TEXT_TOOLS
    return False


def _installer_option(command: str, segments: list[tuple[int, int, str]], position: int) -> bool:
    """Whether the URL at `position` is given to a package installer of its own command (`pip
    install -i URL`, `python -m pip ... --index-url URL`, `uv pip install -f URL`)."""
    for start, end, _ in segments:
        if start <= position < end:
            words = command[start:position].replace("\\\n", " ").split()
            return any(_INDEX_TAKING.match(word.rsplit("/", 1)[-1]) for word in words)
    return False


def _command_checks(instruction: Instruction, line: int, command: str) -> Iterator[Issue]:
    if pipes_download_to_shell(command):
        yield Issue(
            rules.DOCKER_DOWNLOAD_PIPED_TO_SHELL,
            "pipes a download straight into a shell or interpreter; download, verify a checksum, then run",
            "pipe",
            line=line,
        )
    fetches = instruction.keyword == "RUN" or (instruction.keyword in ("COPY", "ADD") and line != instruction.line)
    segments = command_spans(command) if fetches and "http://" in command else []
    for match in _HTTP_URL.finditer(command if fetches else ""):
        # Build-time fetches only: CMD/ENTRYPOINT URLs are the addresses of services at run time.
        before = command[max(0, match.start() - 300) : match.start()]
        if _PIP_INDEX_CONTEXT.search(before[-60:]) and _installer_option(command, segments, match.start()):
            continue  # an index: reported by the pip check
        if _APT_SOURCE.search(before) and not _APT_UNTRUSTED.search(before):
            continue  # an apt repository: apt verifies its signature
        if not _APT_SOURCE.search(before) and _text_handled(command, segments, match.start()):
            continue  # `sed -i 's|http://archive...|http://mirror...|'`, `echo`: text, nothing is fetched
        shown = redact_url(match.group(0))
        yield Issue(
            rules.PLAIN_HTTP_FETCH,
            f"fetches {shown} over plain http: weights or data can be swapped in transit",
            f"http:{shown}",
            line=line,
        )
    if passes_trust_remote_code(command):
        yield Issue(
            rules.TRUST_REMOTE_CODE_IN_IMAGE,
            "a command with trust_remote_code: the server runs the Python code of the model repository",
            "trust-remote-code",
            line=line,
        )
    if _CHMOD_OPEN.search(command):
        yield Issue(rules.WORLD_WRITABLE, "makes files world-writable (chmod 777 / a+rwx)", "chmod", line=line)
    if _SUDO.search(command):
        yield Issue(
            rules.SUDO_IN_IMAGE,
            "runs sudo inside the build: install as root and drop to a user, rather than shipping sudo",
            "sudo",
            line=line,
        )
    if _NOPASSWD.search(command):
        yield Issue(rules.SUDO_IN_IMAGE, "grants passwordless sudo to ALL commands", "nopasswd", line=line)
    if instruction.keyword in ("RUN", "CMD", "ENTRYPOINT") or line != instruction.line:
        for service in open_services(command):
            yield Issue(_SERVICE_RULES[service.kind], service.message, service.kind, line=line)


def _copy_checks(instruction: Instruction, variables: dict[str, str]) -> Iterator[Issue]:
    flags, rest = instruction.split_flags()
    words = instruction.json_arguments or rest.split()
    if instruction.json_arguments is not None:
        words = [w for w in words if not w.startswith("--")]
    sources = [substitute(w, variables) for w in words[:-1] if not w.startswith("<<")]
    if instruction.keyword == "ADD":
        for source in sources:
            if source.startswith("http://"):
                shown = redact_url(source)
                yield Issue(
                    rules.PLAIN_HTTP_FETCH,
                    f"ADD fetches {shown} over plain http",
                    f"http:{shown}",
                    line=instruction.line,
                )
    if "from" in flags:
        return  # copied from another stage: its content is checked there
    for source in sources:
        cleaned = source.rstrip("/")
        if (
            _CREDENTIAL_FILES.search(cleaned)
            and not _PUBLIC_CERT.search(cleaned)
            and not _NOT_CREDENTIAL_FILE.search(cleaned)
        ):
            yield Issue(
                rules.CREDENTIAL_FILE_COPIED,
                f"copies {PurePosixPath(cleaned).name} into the image: "
                "credentials in a layer stay there; use build secrets (RUN --mount=type=secret)",
                f"copy:{cleaned}",
                line=instruction.line,
            )
    for heredoc in instruction.heredocs:
        yield from _jupyter_config(instruction, heredoc.body)


def _jupyter_config(instruction: Instruction, text: str) -> Iterator[Issue]:
    service = jupyter_config_open(text)
    if service is not None:
        yield Issue(rules.OPEN_JUPYTER, service.message, "jupyter-config", line=instruction.line)


_SERVICE_RULES = {"jupyter": rules.OPEN_JUPYTER, "ray": rules.OPEN_RAY, "mlflow": rules.OPEN_MLFLOW}


def _unchecked_adds(dockerfile: Dockerfile, strict: bool) -> Iterator[Issue]:
    """ADD <url> without --checksum: hygiene, unless a later RUN executes what it fetched."""
    variables = dict(dockerfile.global_args)
    for position, instruction in enumerate(dockerfile.instructions):
        if instruction.keyword in ("ENV", "ARG"):
            variables.update(variable_pairs(instruction))
        if instruction.keyword != "ADD":
            continue
        flags, rest = instruction.split_flags()
        if "checksum" in flags:
            continue
        words = instruction.json_arguments or rest.split()
        if len(words) < 2:
            continue
        destination = substitute(words[-1], variables)
        for source in (substitute(w, variables) for w in words[:-1]):
            if not re.match(r"^https?://", source) or _COMMIT_IN_URL.search(source.split("?", 1)[0]):
                continue  # not a URL, or one pinned to a commit (immutable content)
            name = source.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
            target = destination.rstrip("/") + "/" + name if destination.endswith("/") else destination
            run = _runs_later(dockerfile.instructions[position + 1 :], target)
            shown = redact_url(source)
            if run:
                message = f"ADD {shown} without --checksum, then runs it: an unverified download is executed"
            else:
                message = f"ADD {shown} without --checksum: the download is not verified"
            severity = Severity.MEDIUM if run else None
            yield Issue(
                rules.ADD_URL_WITHOUT_CHECKSUM, message, f"add:{shown}", line=instruction.line, severity=severity
            )


def _runs_later(instructions: list[Instruction], target: str) -> bool:
    base = target.rsplit("/", 1)[-1]
    if not base:
        return False
    for later in instructions:
        if later.keyword not in ("RUN", "CMD", "ENTRYPOINT"):
            continue
        text = " ".join(later.json_arguments) if later.json_arguments is not None else later.text
        for word in re.split(r"[\s;&|()'\"]+", text):
            if word and (word == target or word.rsplit("/", 1)[-1] == base) and _is_run(text, word):
                return True
    return False


def _is_run(text: str, word: str) -> bool:
    """Whether `word` is executed in `text`: as a program, or as the script of an interpreter."""
    escaped = re.escape(word)
    interpreter = r"(?:ba|z|da|k)?sh|python[0-9.]*|source|\."
    return bool(
        re.search(rf"(?:^|[;&|]\s*|\s)(?:{interpreter})\s+(?:-\S+\s+)*{escaped}(?:\s|$)", text)
        or re.search(rf"(?:^|[;&|]\s*)\s*{escaped}(?:\s|$)", text)
    )


def _secrets(dockerfile: Dockerfile) -> list[Issue]:
    """Literal credentials in ENV/ARG (by name or by value) and token-shaped values anywhere."""
    from hooks._shared.credential_context import name_strength
    from hooks._shared.credential_filters import is_placeholder, is_weak_value
    from hooks._shared.credential_patterns import DETECTORS

    issues: list[Issue] = []
    token_detectors = [d for d in DETECTORS if d.name not in ("password_assignment", "jwt")]
    for instruction in dockerfile.instructions:
        reported = False
        if instruction.keyword in ("ENV", "ARG"):
            for name, value in variable_pairs(instruction):
                if not value or "$" in value or is_placeholder(value) or _PATH_VALUE.match(value):
                    continue
                named = (
                    bool(_CREDENTIAL_NAME.search(name))
                    and not _NOT_SECRET_NAMES.search(name)
                    and name_strength(name) >= 1  # word-aware: not `ov_tokenizers_branch`, `PAD_TOKEN`
                )
                if (named and not is_weak_value(value)) or (named and len(value) >= 16):
                    issues.append(_secret(instruction, f"{instruction.keyword} {name} holds a literal secret", name))
                    reported = True
                    break
        if reported:
            continue
        for detector in token_detectors:
            match = detector.pattern.search(instruction.text)
            if match and not is_placeholder(match.group("secret")):
                if detector.name == "url_credentials" and is_weak_value(match.group("secret")):
                    continue
                issues.append(_secret(instruction, f"{detector.label} written into the image", detector.name))
                break
    return issues


def _secret(instruction: Instruction, message: str, key: str) -> Issue:
    return Issue(
        rules.SECRET_IN_IMAGE,
        f"{message}: it stays in the image layers; pass it with RUN --mount=type=secret or at run time",
        f"secret:{key}",
        line=instruction.line,
    )
