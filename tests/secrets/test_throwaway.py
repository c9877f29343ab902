"""A password that creates a throwaway container is low; the same value anywhere else blocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.secrets.throwaway import creates_throwaway_service
from tests.secrets.helpers import scan_text

PASSWORD = "Xk3pTz9RmWvQ2sLd8Yb"

WORKFLOW = f"""name: t
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:16
        env:
          POSTGRES_PASSWORD: {PASSWORD}
    env:
      POSTGRES_PASSWORD: {PASSWORD}
    steps:
      - run: |
          docker run -d --name minio \\
            -p 9000:9000 \\
            -e MINIO_ROOT_PASSWORD={PASSWORD} \\
            -e HF_TOKEN={PASSWORD}a \\
            minio/minio server /data
"""


def _levels(tmp_path: Path, name: str, text: str) -> list[tuple[int, str]]:
    return sorted((f.line or 0, f.severity.value) for f in scan_text(tmp_path, name, text))


def test_service_container_and_docker_run_bootstrap_are_low(tmp_path: Path) -> None:
    levels = _levels(tmp_path, "ci.yml", WORKFLOW)
    # line 10: the service container's env; 12: the job's env (used by the steps) still blocks;
    # 17: `docker run -e` of the image's root password; 18: a token handed to the container blocks.
    assert levels == [(10, "low"), (12, "medium"), (17, "low"), (18, "medium")]
    low = [f for f in scan_text(tmp_path, "ci.yml", WORKFLOW) if f.severity.value == "low"]
    assert all("throwaway instance" in f.message and PASSWORD not in f.message for f in low)


def test_compose_exports_and_plain_flags_block(tmp_path: Path) -> None:
    compose = f"services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: {PASSWORD}\n"
    assert _levels(tmp_path, "compose.yml", compose) == [(5, "medium")]
    shell = f"export MINIO_ROOT_PASSWORD={PASSWORD}\nmc alias set -e MINIO_ROOT_PASSWORD={PASSWORD}\n"
    assert _levels(tmp_path, "setup.sh", shell) == [(1, "medium"), (2, "medium")]
    # `services:` under a key other than a workflow's jobs (no runs-on) is not a CI service
    other = f"services:\n  db:\n    env:\n      POSTGRES_PASSWORD: {PASSWORD}\n"
    assert _levels(tmp_path, "deploy.yml", other) == [(4, "medium")]


@pytest.mark.parametrize(
    "command",
    [
        # an application image that logs in to a database elsewhere with the same variable
        f"docker run -d -e POSTGRES_HOST=db.prod.internal -e POSTGRES_PASSWORD={PASSWORD} myorg/backend:1.4",
        # the container's name, not its image, says minio
        f"docker run -d --name minio -e MINIO_ROOT_PASSWORD={PASSWORD} myorg/etl",
        # `-e` of another program later on the line
        f"docker run --rm postgres:16 true && ansible-playbook site.yml -e POSTGRES_PASSWORD={PASSWORD}",
        # made to last, or on another machine
        f"docker run -d --restart always -v pgdata:/data -e POSTGRES_PASSWORD={PASSWORD} postgres:16",
        f"ssh deploy@db1 docker run -d -e POSTGRES_PASSWORD={PASSWORD} postgres:16",
        f"docker -H ssh://prod run -d -e POSTGRES_PASSWORD={PASSWORD} postgres:16",
    ],
)
def test_containers_that_are_not_a_fresh_official_instance_block(tmp_path: Path, command: str) -> None:
    assert [f.severity.value for f in scan_text(tmp_path, "run.sh", command + "\n")] == ["medium"]


def test_a_fresh_official_image_is_low_also_by_registry_path(tmp_path: Path) -> None:
    command = f"docker run -d -p 9000:9000 -e MINIO_ROOT_PASSWORD={PASSWORD} quay.io/minio/minio:latest server /data\n"
    assert [f.severity.value for f in scan_text(tmp_path, "run.sh", command)] == ["low"]


def test_ci_services_need_the_official_image_and_real_yaml_keys(tmp_path: Path) -> None:
    client = WORKFLOW.replace("image: postgres:16", "image: myorg/migrator:2")
    assert (10, "medium") in _levels(tmp_path, "ci.yml", client)
    scripted = (
        "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
        "          cat > compose.yml <<EOF\n          services:\n            db:\n              image: postgres:16\n"
        f"              environment:\n                POSTGRES_PASSWORD: {PASSWORD}\n          EOF\n"
    )
    assert _levels(tmp_path, "deploy.yml", scripted) == [(12, "medium")]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" \n\\-e:abcdocker runservicesjobs-on=POSTGRES_PASSWORD", max_size=400), st.integers(0, 400))
def test_garbage_never_raises(text: str, start: int) -> None:
    lowered = text.lower()
    assert creates_throwaway_service("POSTGRES_PASSWORD", lowered, min(start, len(lowered))) in (True, False)
