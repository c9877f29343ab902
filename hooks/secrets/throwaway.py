"""Passwords that create a throwaway service instance rather than open an existing one.

`docker run -e MINIO_ROOT_PASSWORD=rootpass123 minio/minio` does not log in anywhere: the official
image reads that variable once, to set the administrator password of the brand-new, empty
container the same command starts. A GitHub Actions job's `services:` containers are the same,
and they are gone when the job ends. Such a value protects nothing that exists before the command
runs, so it is reported low.

Only the variables official images read to *initialise* their own administrator account count
(`POSTGRES_PASSWORD`, `MYSQL_ROOT_PASSWORD`, `MINIO_ROOT_PASSWORD`, ...): the same command handing
`-e OPENAI_API_KEY=...` to a container passes a credential of an existing account, and blocks.
A compose file's services are not throwaway (they run as long as someone keeps them running), so
only `docker run` command lines and CI service containers count.
"""

from __future__ import annotations

import re

# The variables official database, broker, search and object-store images read at first start.
_BOOTSTRAP_NAME = re.compile(
    r"(?:[A-Z0-9]+_)*(?:ROOT|ADMIN|DEFAULT|INITDB_ROOT|INITIAL_ADMIN|SA|BOOTSTRAP)_(?:PASSWORD|PASS|PWD)"
    r"|(?:POSTGRES|POSTGRESQL|MYSQL|MARIADB|ELASTIC|REDIS|CLICKHOUSE|MONGO|OPENSEARCH|ARANGO)_PASSWORD"
    r"|MINIO_(?:SECRET_KEY|ROOT_USER|ACCESS_KEY)|NEO4J_AUTH"
)
_CONTAINER_RUN = re.compile(r"(?<![\w-])(?:docker|podman|nerdctl)\s+(?:container\s+)?run\b")
_ENV_FLAG_BEFORE = re.compile(r"(?:^|\s)(?:-e|--env)(?:\s+|=)[\"']?$")
_MAX_CONTINUATIONS = 60
_MAX_LINES_UP = 400  # how far up a YAML key's parents are looked for


def creates_throwaway_service(name: str, lowered: str, start: int) -> bool:
    """Whether the value at `start` (given to `name`) initialises a container started right there:
    a `-e NAME=value` of a `docker run` command line, or the env of a CI job's service container."""
    if not _BOOTSTRAP_NAME.fullmatch(name):
        return False
    return _docker_run_env(name, lowered, start) or _ci_service_env(lowered, start)


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _docker_run_env(name: str, lowered: str, start: int) -> bool:
    """`docker run -d \\ -e MINIO_ROOT_PASSWORD=x \\ minio/minio`: the command line the value is on,
    joined over its `\\` continuations, runs a container and passes the value with `-e`."""
    name_at = lowered.rfind(name.lower(), max(0, start - len(name) - 3), start)
    if name_at < 0 or not _ENV_FLAG_BEFORE.search(lowered, max(0, name_at - 12), name_at):
        return False
    begin = _line_start(lowered, name_at)
    for _ in range(_MAX_CONTINUATIONS):
        if begin == 0 or not lowered[: begin - 1].rstrip(" \t").endswith("\\"):
            break
        begin = _line_start(lowered, begin - 1)
    return _CONTAINER_RUN.search(lowered, begin, name_at) is not None


def _ci_service_env(lowered: str, start: int) -> bool:
    """The value sits in a mapping under a `services:` key of a GitHub Actions workflow (a file with
    `runs-on:`): the job's service containers, created for the job and removed after it."""
    if "runs-on:" not in lowered:
        return False
    begin = _line_start(lowered, start)
    line = lowered[begin:start]
    indent = len(line) - len(line.lstrip(" "))
    parents: list[str] = []
    position = begin
    for _ in range(_MAX_LINES_UP):
        if position == 0 or indent == 0:
            break
        position = _line_start(lowered, position - 1)
        end = lowered.find("\n", position)
        current = lowered[position : end if end >= 0 else len(lowered)]
        stripped = current.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        depth = len(current) - len(stripped)
        if depth < indent:
            indent = depth
            parents.append(stripped.split(":", 1)[0].strip().lstrip("- "))
    return "services" in parents and bool(parents) and parents[-1] == "jobs" and indent == 0
