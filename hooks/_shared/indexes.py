"""Judging where packages come from: index URLs, find-links, trusted hosts and conda channels.

The same judgement for a requirements file, an environment.yml, a notebook's `!pip install
--extra-index-url ...` and a Dockerfile's `RUN pip install -i ...`; the caller passes the rules
its findings are reported under (the `ShellRules` pattern of `hooks/_shared/shell.py`).

Contract:

- `IndexOption(line, option, value)`: `option` is canonical: `--index-url`, `--extra-index-url`,
  `--find-links`, `--trusted-host` or `channel` (a conda channel); `value` as written.
- `canonical_option(word, conda=False) -> str | None`: `-i`/`--index-url` -> `--index-url`,
  `--extra-index-url`, `-f`/`--find-links` -> `--find-links`, `--trusted-host`; for conda
  (`conda=True`) `-c`/`--channel` -> `channel`. None for any other word.
- `IndexRules(extra_index_url, plain_http, credentials, trusted_host, not_allowed)`: one `Rule`
  per judgement; a rule set to None is not reported (a caller that has no rule for it).
- `index_issues(option, rules, allowed=()) -> list[Issue]`: in this order,
  * `--trusted-host HOST` -> `trusted_host` (and nothing else for that option);
  * `--extra-index-url` -> `extra_index_url` (dependency confusion); low when the URL is a
    framework vendor's public https index (`vendor_index`) unless `strict`;
  * an `http://` value -> `plain_http`;
  * a secret in the URL (`urls.embeds_secret`: not `${TOKEN}` references) -> `credentials`;
  * `allowed` non-empty and an `--index-url`/`--extra-index-url`/`--find-links` value that starts
    with none of its prefixes -> `not_allowed`.
  Messages show URLs only through `hooks._shared.urls.redact_url` (scheme, host, `***`).
  `Issue.key` (the fingerprint's content key) is `trusted:HOST`, `extra:URL`, `http:URL`,
  `creds:URL`, `allowed:URL`, where URL is the value as written with any credentials replaced
  by `***` (`urls.without_credentials`): a fingerprint never hashes a password.
  Issues carry `line=option.line` and column 1.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hooks._core.findings import Issue, Severity
from hooks._core.rules import Rule
from hooks._shared.urls import embeds_secret, has_credentials, redact_url, url_host, without_credentials

_PIP_OPTIONS = {
    "-i": "--index-url",
    "--index-url": "--index-url",
    "--extra-index-url": "--extra-index-url",
    "-f": "--find-links",
    "--find-links": "--find-links",
    "--trusted-host": "--trusted-host",
}
_CONDA_OPTIONS = {"-c": "channel", "--channel": "channel"}
_URL_OPTIONS = ("--index-url", "--extra-index-url", "--find-links")
# Public wheel indexes run by framework vendors: they publish builds of their own packages (CUDA
# wheels of torch, NVIDIA and Neuron libraries) and mirror the dependencies, whose names PyPI has
# under the same owners. A name there that PyPI lacks is still a confusion risk (torchtriton, 2022,
# on PyTorch's nightly channel), so it stays a finding, at low severity unless strict. Shared
# hosting (a storage bucket, an Artifact Registry project) is anyone's index, not a vendor's.
_VENDOR_INDEX_HOSTS = frozenset(
    {
        "download.pytorch.org",
        "pypi.nvidia.com",
        "pypi.ngc.nvidia.com",
        "developer.download.nvidia.com",
        "pip.repos.neuron.amazonaws.com",
        "data.pyg.org",
        "download.openmmlab.com",
        "flashinfer.ai",
        "wheels.vllm.ai",
        "dl.fbaipublicfiles.com",
        "pypi.jetson-ai-lab.io",  # NVIDIA's Jetson AI Lab: CUDA builds of torch and friends for Jetson boards
        "pypi.jetson-ai-lab.dev",  # the same index's earlier host
    }
)
_PRERELEASE_CHANNELS = frozenset({"nightly", "test", "pre", "preview"})
VENDOR_INDEX_NOTE = (
    "a PyPI package with the name of one of its packages would win (dependency confusion, as with torchtriton); "
    "prefer --index-url"
)


def vendor_index(value: str) -> bool:
    """Whether an index URL is a framework vendor's public https index (no credentials)."""
    value = value.strip()
    if not value.lower().startswith("https://") or has_credentials(value):
        return False  # not https, or credentials in the URL: not the vendor's public index
    segments = {segment.lower() for segment in value.partition("://")[2].split("/")[1:]}
    if segments & _PRERELEASE_CHANNELS:
        return False  # where torchtriton came in: pre-release builds pull names PyPI may not hold
    return url_host(value) in _VENDOR_INDEX_HOSTS


# PyPI's own hosts, TestPyPI and the public PyPI mirrors most used in ML repositories' install
# lines: their names are PyPI's (TestPyPI's anyone's), so none is a private index a public
# package could shadow.
PUBLIC_PYPI_HOSTS = frozenset(
    {"pypi.org", "pypi.python.org", "files.pythonhosted.org", "test.pypi.org", "mirrors.aliyun.com",
     "pypi.tuna.tsinghua.edu.cn", "mirrors.tuna.tsinghua.edu.cn", "mirrors.cloud.tencent.com",
     "pypi.mirrors.ustc.edu.cn", "mirrors.ustc.edu.cn", "mirror.baidu.com", "repo.huaweicloud.com",
     "mirrors.huaweicloud.com", "pypi.douban.com", "pypi.doubanio.com", "mirrors.bfsu.edu.cn",
     "mirror.sjtu.edu.cn", "mirrors.sjtug.sjtu.edu.cn", "mirrors.zju.edu.cn", "mirrors.163.com",
     "mirror.nju.edu.cn"}
)  # fmt: skip


def public_pypi(value: str) -> bool:
    """Whether an index URL is PyPI, TestPyPI or a public PyPI mirror (PUBLIC_PYPI_HOSTS)."""
    return url_host(value) in PUBLIC_PYPI_HOSTS


# What private package registries look like: the products teams run (Artifactory, Nexus, devpi,
# GitLab's and Azure DevOps' package feeds, AWS CodeArtifact, Google Artifact Registry, Gemfury,
# Cloudsmith), a PyPI-named host of the team's own, and hosts no one outside can reach.
_PRIVATE_REGISTRY = re.compile(
    r"(?:^|[.-])(?:artifactory|nexus|devpi|codeartifact|cloudsmith|pypi)(?:[.-]|$)|\.jfrog\.io$|^pkgs\.dev\.azure\.com$"
    r"|\.pkg\.dev$|^pypi\.fury\.io$|^gitlab\.|\.(?:internal|local|corp|lan|intranet|intra|home)$|^localhost$"
    r"|^(?:10|127)\.\d+\.\d+\.\d+$|^192\.168\.\d+\.\d+$|^172\.(?:1[6-9]|2\d|3[01])\.\d+\.\d+$|^[a-z0-9-]+$"
)
_PRIVATE_PATH = re.compile(r"/(?:artifactory|nexus|_packaging|repository|devpi)/|/packages/pypi(?:/|$)")


def private_index(value: str) -> bool:
    """An index where a project's private names live, which a public package can shadow: a
    private registry by what it looks like (_PRIVATE_REGISTRY: the usual products, a PyPI-named
    host of the team's own, internal hosts), or a vendor's pre-release channel (PyTorch nightly:
    torchtriton). A public host not known as a mirror (piwheels, a framework's own index) is none."""
    if public_pypi(value) or vendor_index(value):
        return False
    host = url_host(value)
    if host in _VENDOR_INDEX_HOSTS:
        return True  # a vendor's pre-release channel (vendor_index refused it above)
    path = value.partition("://")[2].partition("/")[2].lower()
    return bool(host) and (_PRIVATE_REGISTRY.search(host) is not None or _PRIVATE_PATH.search("/" + path) is not None)


# `$ARTIFACTORY_URL/simple`, `${PRIVATE_PYPI_INDEX}`, `${CODEARTIFACT_INDEX:-...}`: an index the
# shell fills in, whose variable's name says it is a private registry (a mirror's or PyPI's name
# says nothing: `$PIP_MIRROR`, `$PYPI_URL`).
_PRIVATE_VARIABLE = re.compile(
    r"^\$\{?([A-Za-z_][A-Za-z0-9_]*)",
)
_PRIVATE_VARIABLE_WORD = re.compile(
    r"(?:^|_)(?:artifactory|nexus|devpi|codeartifact|cloudsmith|jfrog|gemfury|fury|private|internal|corp|corporate|company)"
    r"(?:_|$)",
    re.IGNORECASE,
)


def private_index_variable(value: str) -> bool:
    """Whether an index URL is a shell variable named as a private registry (_PRIVATE_VARIABLE_WORD)."""
    match = _PRIVATE_VARIABLE.match(value.strip("\"'"))
    return match is not None and _PRIVATE_VARIABLE_WORD.search(match.group(1)) is not None


@dataclass(frozen=True)
class IndexOption:
    line: int
    option: str  # --index-url, --extra-index-url, --find-links, --trusted-host, channel: pip's meaning
    value: str
    # How the file writes it, when not as pip's option (`[tool.uv] extra-index-url`), and why an
    # extra index there lets a public package shadow a private one, when not for pip's reason.
    written: str = ""
    shadowing: str = ""
    # Used only for the packages a file pins to it (uv's `explicit = true` index): it offers no
    # release of any other name.
    explicit: bool = False


@dataclass(frozen=True)
class IndexRules:
    extra_index_url: Rule | None
    plain_http: Rule | None
    credentials: Rule | None
    trusted_host: Rule | None
    not_allowed: Rule | None = None


def canonical_option(word: str, conda: bool = False) -> str | None:
    if conda and word in _CONDA_OPTIONS:
        return _CONDA_OPTIONS[word]
    return _PIP_OPTIONS.get(word)


def index_issues(
    option: IndexOption, rules: IndexRules, allowed: Sequence[str] = (), *, strict: bool = False
) -> list[Issue]:
    value = option.value.strip()
    shown = redact_url(value)
    key = without_credentials(value)
    line = option.line
    written = option.written or option.option
    issues: list[Issue] = []
    if option.option == "--trusted-host":
        if rules.trusted_host is not None:
            issues.append(
                Issue(
                    rules.trusted_host,
                    f"{written} {shown} turns off TLS verification for that host",
                    f"trusted:{key}",
                    line=line,
                )
            )
        return issues
    if option.option == "--extra-index-url" and rules.extra_index_url is not None:
        vendor = vendor_index(value)
        shadowing = option.shadowing or "pip picks the highest version from any index"
        message = (
            f"{written} {shown}, a vendor's public index: {VENDOR_INDEX_NOTE}"
            if vendor
            else f"{written} {shown}: {shadowing}, so a public package can shadow a private one (dependency confusion)"
        )
        issues.append(
            Issue(
                rules.extra_index_url,
                message,
                f"extra:{key}",
                line=line,
                severity=Severity.LOW if vendor and not strict else None,
            )
        )
    if value.lower().startswith("http://") and rules.plain_http is not None:
        what = "conda channel" if option.option == "channel" else written
        issues.append(
            Issue(
                rules.plain_http,
                f"{what} uses plain http ({shown}): packages can be swapped in transit",
                f"http:{key}",
                line=line,
            )
        )
    if embeds_secret(value) and rules.credentials is not None:
        issues.append(Issue(rules.credentials, f"credentials embedded in {written} {shown}", f"creds:{key}", line=line))
    if (
        allowed
        and rules.not_allowed is not None
        and option.option in _URL_OPTIONS
        and not value.startswith(tuple(allowed))
    ):
        issues.append(
            Issue(
                rules.not_allowed,
                f"{written} {shown} is not one of deps.allowed_indexes",
                f"allowed:{key}",
                line=line,
            )
        )
    return issues
