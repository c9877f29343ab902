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
        f"FROM {PIN}\nRUN wget https://x.example/weights.pth -O /w.pth\nCMD curl http://localhost:8000/health\n{SAFE_END}",
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
]


@pytest.mark.parametrize(("rule", "positive", "safe"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule(tmp_path: Path, rule: str, positive: str, safe: str) -> None:
    assert rule in [r for r, _ in scan(tmp_path, positive)]
    assert rule not in [r for r, _ in scan(tmp_path, safe)]


def test_reported_on_the_instruction_first_line(tmp_path: Path) -> None:
    text = f"FROM {PIN}\nRUN apt-get update \\\n    && curl -s https://x/i.sh \\\n    | bash\n{SAFE_END}"
    assert scan(tmp_path, text) == [("MLS503", 2)]


def test_suppression_on_the_line_above(tmp_path: Path) -> None:
    text = f"FROM {PIN}\n# mlsec: ignore[MLS512] bastion image, reviewed\nEXPOSE 22\n{SAFE_END}"
    assert scan(tmp_path, text) == []


@pytest.mark.parametrize("content", [b"\x00\x01binary", b"FROM x\nRUN <<EOF\nnever closed\n", b"RUN echo hi\n"])
def test_unparseable_files_are_a_finding(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "Dockerfile"
    path.write_bytes(content)
    findings = findings_of(DOCKER_SPEC, path, "Dockerfile", Policy(root=tmp_path))
    assert [f.rule_id for f in findings] == ["MLS909"]


def test_huge_lines_do_not_hang(tmp_path: Path) -> None:
    text = f"FROM {PIN}\nRUN echo " + "a" * 500_000 + f"\n{SAFE_END}"
    assert scan(tmp_path, text) == []
