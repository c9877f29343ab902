"""Checks on a parsed Dockerfile. Each issue is reported on its instruction's first line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from hooks._core.findings import Issue
from hooks._shared.shell import PIPE_TO_SHELL, ShellRules, install_issues
from hooks.docker import rules
from hooks.docker.parser import Dockerfile, Instruction, env_pairs, substitute

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
_PIP_INDEX_CONTEXT = re.compile(r"(?:--(?:extra-)?index-url|--find-links|-[if])[= ]\s*$")
_CREDENTIAL_NAME = re.compile(
    r"(?i)(password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credential|auth)"
)
_NOT_SECRET_NAMES = re.compile(r"(?i)(_FILE|_PATH|_DIR|_URL|_HOST|_PORT|_USER|_USERNAME|_ID_FILE|_REGION|_ENDPOINT)$")
_CREDENTIAL_FILES = re.compile(
    r"(?:^|/)(?:\.env(?:\.[\w-]+)?|kaggle\.json|\.netrc|_netrc|\.git-credentials|\.pypirc|\.npmrc|id_(?:rsa|dsa|ecdsa|ed25519)"
    r"(?:\.pub)?|\.ssh(?:/.*)?|\.aws(?:/.*)?|credentials(?:\.json)?|\.docker/config\.json|\.kube(?:/.*)?"
    r"|application_default_credentials\.json|service[-_]?account[\w.-]*\.json|\.config/gcloud(?:/.*)?|[\w.-]+\.pem"
    r"|[\w.-]+\.key|\.huggingface/token|\.cache/huggingface/token)$"
)
_PUBLIC_CERT = re.compile(r"(?i)(?:^|/)[\w.-]*(?:ca|cert|certificate|bundle|chain)[\w.-]*\.(?:crt|pem)$")
_CHMOD_OPEN = re.compile(r"\bchmod\s+(?:-[A-Za-z]+\s+)*(?:0?777|a\+rwx|ugo\+rwx|o\+w\w*|o\+rwx|a\+w)\b")
_SUDO = re.compile(r"(?:^|&&|\|\||;|\n|\|)\s*sudo\s+(?!-[lvkK]\b)\S")
_NOPASSWD = re.compile(r"NOPASSWD\s*:\s*ALL")
_ANY_HOST = r"(?:0\.0\.0\.0|::|\*|\[::\])"


def _command_text(instruction: Instruction) -> str:
    words = instruction.json_arguments
    return " ".join(words) if words is not None else instruction.text


def check(dockerfile: Dockerfile) -> Iterator[Issue]:
    yield from _base_images(dockerfile)
    yield from _secrets(dockerfile)
    yield from _final_user(dockerfile)
    variables = dict(dockerfile.global_args)
    for instruction in dockerfile.instructions:
        keyword = instruction.keyword
        if keyword in ("ENV", "ARG"):
            for name, value in env_pairs(instruction.arguments) if keyword == "ENV" else _arg_values(instruction):
                variables[name] = value
                yield from _pip_env(instruction, name, value)
        if keyword in ("RUN", "CMD", "ENTRYPOINT"):
            yield from _run_checks(instruction)
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
        yield from _ml_services(instruction)


def _arg_values(instruction: Instruction) -> list[tuple[str, str]]:
    pairs = []
    for word in instruction.arguments.split():
        name, equals, default = word.partition("=")
        pairs.append((name, default.strip("\"'") if equals else ""))
    return pairs


def _base_images(dockerfile: Dockerfile) -> Iterator[Issue]:
    names: set[str] = set()
    for stage in dockerfile.stages:
        base = stage.base
        if base.lower() in names or base == "scratch":
            pass  # an earlier stage, or the empty image
        elif not _DIGEST.search(base):
            tag = base.rsplit("/", 1)[-1]
            detail = "no tag (latest)" if ":" not in tag else "latest" if tag.endswith(":latest") else "a tag"
            yield Issue(
                rules.IMAGE_NOT_PINNED,
                f"base image {base} is pinned by {detail}, not by digest: the "
                "tag can move to other content; use image:tag@sha256:...",
                f"from:{base}",
                line=stage.line,
            )
        if stage.name:
            names.add(stage.name.lower())


def _final_user(dockerfile: Dockerfile) -> Iterator[Issue]:
    final = dockerfile.stages[-1]
    variables = dict(dockerfile.global_args)
    user_instruction: Instruction | None = None
    user = ""
    for instruction in final.instructions:
        if instruction.keyword in ("ARG", "ENV"):
            pairs = _arg_values(instruction) if instruction.keyword == "ARG" else env_pairs(instruction.arguments)
            variables.update(pairs)
        if instruction.keyword == "USER":
            user_instruction = instruction
            user = substitute(instruction.arguments.strip(), variables).split(":")[0]
    if user_instruction is None:
        if not _NON_ROOT_BASES.match(final.base):
            yield Issue(
                rules.RUNS_AS_ROOT,
                "the final stage sets no USER, so the container runs as root",
                "root:none",
                line=final.line,
            )
    elif user in ("root", "0"):
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


def _run_checks(instruction: Instruction) -> Iterator[Issue]:
    command = _command_text(instruction)
    if PIPE_TO_SHELL.search(command):
        yield Issue(
            rules.DOCKER_DOWNLOAD_PIPED_TO_SHELL,
            "pipes a download straight into a shell or interpreter; download, verify a checksum, then run",
            "pipe",
            line=instruction.line,
        )
    for match in _HTTP_URL.finditer(command if instruction.keyword == "RUN" else ""):
        # Build-time fetches only: CMD/ENTRYPOINT URLs are the addresses of services at run time.
        if _PIP_INDEX_CONTEXT.search(command[: match.start()]):
            continue  # an index: reported by the pip check
        yield Issue(
            rules.PLAIN_HTTP_FETCH,
            f"fetches {match.group(0)} over plain http: weights or data can be swapped in transit",
            f"http:{match.group(0)}",
            line=instruction.line,
        )
    if _CHMOD_OPEN.search(command):
        yield Issue(
            rules.WORLD_WRITABLE, "makes files world-writable (chmod 777 / a+rwx)", "chmod", line=instruction.line
        )
    if _SUDO.search(command):
        yield Issue(
            rules.SUDO_IN_IMAGE,
            "runs sudo inside the build: install as root and drop to a user, rather than shipping sudo",
            "sudo",
            line=instruction.line,
        )
    if _NOPASSWD.search(command):
        yield Issue(rules.SUDO_IN_IMAGE, "grants passwordless sudo to ALL commands", "nopasswd", line=instruction.line)
    for issue in install_issues([(instruction.line, command)], _SHELL_RULES):
        key = f"{issue.rule.rule_id}:{issue.message}"
        yield Issue(issue.rule, f"pip/conda {issue.message}", key, line=instruction.line)


def _copy_checks(instruction: Instruction, variables: dict[str, str]) -> Iterator[Issue]:
    flags, rest = instruction.split_flags()
    words = instruction.json_arguments or rest.split()
    if instruction.json_arguments is not None:
        words = [w for w in words if not w.startswith("--")]
    sources = [substitute(w, variables) for w in words[:-1] if not w.startswith("<<")]
    if instruction.keyword == "ADD":
        for source in sources:
            if re.match(r"^https?://", source) and "checksum" not in flags:
                yield Issue(
                    rules.ADD_URL_WITHOUT_CHECKSUM,
                    f"ADD {source} without --checksum: the download is not verified",
                    f"add:{source}",
                    line=instruction.line,
                )
            if source.startswith("http://"):
                yield Issue(
                    rules.PLAIN_HTTP_FETCH,
                    f"ADD fetches {source} over plain http",
                    f"http:{source}",
                    line=instruction.line,
                )
    if "from" in flags:
        return  # copied from another stage: its content is checked there
    for source in sources:
        cleaned = source.rstrip("/")
        if _CREDENTIAL_FILES.search(cleaned) and not _PUBLIC_CERT.search(cleaned):
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
    open_auth = re.search(r"""\.(?:token|password)\s*=\s*(?:u|r)?(?:''|"")""", text)
    any_host = re.search(rf"""\.ip\s*=\s*["']{_ANY_HOST}["']""", text)
    if open_auth and any_host:
        yield Issue(
            rules.OPEN_JUPYTER,
            "Jupyter config disables the token and password and listens "
            "on all interfaces: anyone who reaches the port runs code",
            "jupyter-config",
            line=instruction.line,
        )


def _ml_services(instruction: Instruction) -> Iterator[Issue]:
    if instruction.keyword not in ("RUN", "CMD", "ENTRYPOINT"):
        return
    command = _command_text(instruction)
    lowered = command.lower()
    if "jupyter" in lowered or "notebookapp" in lowered or "serverapp" in lowered:
        no_token = re.search(
            r"""--(?:NotebookApp|ServerApp|IdentityProvider)\.(?:token|password)\s*=?\s*(?:''|""|\s|$)""", command
        )
        on_all = re.search(rf"--(?:ip|NotebookApp\.ip|ServerApp\.ip)[= ]\s*['\"]?{_ANY_HOST}", command)
        if no_token and on_all:
            yield Issue(
                rules.OPEN_JUPYTER,
                "Jupyter started with an empty token/password on all interfaces: anyone who reaches the port runs code",
                "jupyter-cmd",
                line=instruction.line,
            )
        yield from _jupyter_config(instruction, command)
    if re.search(r"\bray\s+start\b", command) and "--head" in command:
        dashboard = re.search(rf"--dashboard-host[= ]\s*['\"]?{_ANY_HOST}", command)
        node = re.search(rf"--node-ip-address[= ]\s*['\"]?{_ANY_HOST}", command)
        if dashboard or node:
            yield Issue(
                rules.OPEN_RAY,
                "Ray head node with its dashboard/job API on all interfaces "
                "and no authentication (ShadowRay, CVE-2023-48022): anyone who reaches it runs code",
                "ray",
                line=instruction.line,
            )
    if re.search(r"\bmlflow\s+(?:server|ui)\b", command):
        on_all = re.search(rf"(?:--host|-h)[= ]\s*['\"]?{_ANY_HOST}", command)
        authenticated = re.search(r"--app-name[= ]\s*\S*auth", command)
        if on_all and not authenticated:
            yield Issue(
                rules.OPEN_MLFLOW,
                "MLflow server on all interfaces without an auth app "
                "(--app-name basic-auth): anyone who reaches it reads and writes models",
                "mlflow",
                line=instruction.line,
            )


def _secrets(dockerfile: Dockerfile) -> list[Issue]:
    """Literal credentials in ENV/ARG (by name or by value) and token-shaped values anywhere."""
    from hooks._shared.credential_filters import is_placeholder, is_weak_value
    from hooks._shared.credential_patterns import DETECTORS

    issues: list[Issue] = []
    token_detectors = [d for d in DETECTORS if d.name not in ("password_assignment", "jwt")]
    for instruction in dockerfile.instructions:
        reported = False
        if instruction.keyword in ("ENV", "ARG"):
            pairs = (
                env_pairs(instruction.arguments)
                if instruction.keyword == "ENV"
                else [(w.partition("=")[0], w.partition("=")[2].strip("\"'")) for w in instruction.arguments.split()]
            )
            for name, value in pairs:
                if not value or "$" in value or is_placeholder(value):
                    continue
                named = bool(_CREDENTIAL_NAME.search(name)) and not _NOT_SECRET_NAMES.search(name)
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
