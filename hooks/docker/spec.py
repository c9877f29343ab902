"""The `mlsec-dockerfile` hook: which files it receives, its policy section and its rules."""

from __future__ import annotations

from pathlib import Path

from hooks._core.spec import HookSpec
from hooks.docker import rules

SPEC = HookSpec(
    hook_id="mlsec-dockerfile",
    cache_with=("mlsec-deps",),  # the files its files write (hooks/_core/runner.py)
    name="mlsec: Dockerfiles of training and serving images",
    description="Check Dockerfiles and Containerfiles statically, without a Docker engine",
    scanner="hooks.docker.scanner:DockerfileScanner",
    policy_section="dockerfile",
    book=rules.BOOK,
    schema_file=Path(__file__).with_name("policy_schema.json"),
    types=("file",),
    # `<Dockerfile path>.dockerignore` (`Dockerfile.dockerignore`, `Dockerfile.gpu.dockerignore`) is
    # the ignore list Docker reads for that Dockerfile, not a Dockerfile.
    files=r"(^|/)(Dockerfile|Containerfile)(?![^/]*\.dockerignore$)(\.[^/]+)?$|\.(Dockerfile|dockerfile|Containerfile)$",
    marker_priority=30,
)
