"""Passwords that create a throwaway service instance rather than open an existing one.

`docker run -e MINIO_ROOT_PASSWORD=rootpass123 minio/minio` does not log in anywhere: the official
image reads that variable once, to set the administrator password of the brand-new, empty
container the same command starts. A GitHub Actions job's `services:` containers are the same,
and they are gone when the job ends. Such a value protects nothing that exists before the command
runs, so it is reported low.

It holds only when the container really is that fresh instance:

- the variable is one the *official image of that service* reads at first start, and that image
  is the one started (`POSTGRES_PASSWORD` for `postgres:16`, not for `myorg/backend`, which uses it
  to log in to a database somewhere else);
- for `docker run`: the `-e` belongs to that `docker run` (same shell command, not a later
  `&& ansible ... -e`), and nothing makes the instance last or live elsewhere: no `--restart`, no
  named volume, no remote daemon (`-H`, `--context`, `ssh host docker ...`);
- for CI: the mapping is a service container's `env:` under a workflow job's `services:`, read as
  YAML keys (a compose file written inside a `run: |` script is text, not the job's services).

Anything else handing the same variable to a container (`-e OPENAI_API_KEY=...`, a compose file,
a job's own `env:`) keeps its severity.
"""

from __future__ import annotations

import functools
import re

# variable prefix -> the official images (last path part, registry and owner aside) that read it
_SERVICE_IMAGES: dict[str, tuple[str, ...]] = {
    "POSTGRES_": ("postgres",),
    "POSTGRESQL_": ("postgresql",),  # bitnami/postgresql
    "MYSQL_": ("mysql", "mariadb", "percona-server"),
    "MARIADB_": ("mariadb",),
    "MINIO_": ("minio",),
    "MONGO_INITDB_": ("mongo",),
    "RABBITMQ_DEFAULT_": ("rabbitmq",),
    "ELASTIC_": ("elasticsearch",),
    "OPENSEARCH_INITIAL_ADMIN_": ("opensearch",),
    "REDIS_": ("redis", "redis-stack", "redis-stack-server"),
    "CLICKHOUSE_": ("clickhouse-server",),
    "ARANGO_ROOT_": ("arangodb",),
    "NEO4J_": ("neo4j",),
    "GF_SECURITY_ADMIN_": ("grafana",),
    "PGADMIN_DEFAULT_": ("pgadmin4",),
    "MSSQL_SA_": ("server",),  # mcr.microsoft.com/mssql/server
}
_BOOTSTRAP_NAME = re.compile(
    r"POSTGRES_PASSWORD|POSTGRESQL_(?:POSTGRES_)?PASSWORD|MYSQL_(?:ROOT_)?PASSWORD|MARIADB_(?:ROOT_)?PASSWORD"
    r"|MINIO_ROOT_(?:USER|PASSWORD)|MINIO_(?:ACCESS|SECRET)_KEY|MONGO_INITDB_ROOT_PASSWORD"
    r"|RABBITMQ_DEFAULT_PASS|ELASTIC_PASSWORD|OPENSEARCH_INITIAL_ADMIN_PASSWORD|REDIS_PASSWORD"
    r"|CLICKHOUSE_PASSWORD|ARANGO_ROOT_PASSWORD|NEO4J_AUTH|GF_SECURITY_ADMIN_PASSWORD"
    r"|PGADMIN_DEFAULT_PASSWORD|MSSQL_SA_PASSWORD"
)
_CONTAINER_RUN = re.compile(r"(?<![\w-])(?:docker|podman|nerdctl)\s+(?:container\s+)?run\b")
_ENV_FLAG_BEFORE = re.compile(r"(?:^|\s)(?:-e|--env)(?:\s+|=)[\"']?$")
# What makes the instance outlive the command or run on another machine.
_LASTING = re.compile(
    r"\s--restart\b|\s(?:-v|--volume)[\s=]+[\"']?[a-z0-9][\w.-]*:|\s--mount\b|\s(?:-h|--host|--context)[\s=]"
    r"|\bssh\s|docker_host="
)
_SHELL_SEPARATORS = re.compile(r"&&|\|\||[;|&]|\n")
_MAX_CONTINUATIONS = 60
_MAX_LINES_UP = 400  # how far up a YAML key's parents are looked for


def creates_throwaway_service(name: str, lowered: str, start: int) -> bool:
    """Whether the value at `start` (given to `name`) initialises a fresh container of the official
    image that reads `name`, started right there (see the module's text)."""
    if not _BOOTSTRAP_NAME.fullmatch(name):
        return False
    images = next((images for prefix, images in _SERVICE_IMAGES.items() if name.startswith(prefix)), ())
    return _docker_run_env(name, images, lowered, start) or (
        _is_workflow(lowered) and _ci_service_env(images, lowered, start)
    )


@functools.lru_cache(maxsize=8)
def _is_workflow(lowered: str) -> bool:
    return "runs-on:" in lowered  # (a str caches its hash: a repeated lookup costs no rescan)


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _continued(lowered: str, line_start: int) -> bool:
    """The line before `line_start` ends in a `\\` (spaces after it aside)."""
    index = line_start - 2  # the character before that line's `\n`
    while index >= 0 and lowered[index] in " \t":
        index -= 1
    return index >= 0 and lowered[index] == "\\"


def _docker_run_env(name: str, images: tuple[str, ...], lowered: str, start: int) -> bool:
    """`docker run -d \\ -e MINIO_ROOT_PASSWORD=x \\ minio/minio`: the command the value is on, joined
    over its `\\` continuations, runs a container of the right image and passes the value with `-e`."""
    name_at = lowered.rfind(name.lower(), max(0, start - len(name) - 3), start)
    if name_at < 0 or not _ENV_FLAG_BEFORE.search(lowered, max(0, name_at - 12), name_at):
        return False
    begin = _line_start(lowered, name_at)
    for _ in range(_MAX_CONTINUATIONS):
        if begin == 0 or not _continued(lowered, begin):
            break
        begin = _line_start(lowered, begin - 1)
    end = lowered.find("\n", start)
    for _ in range(_MAX_CONTINUATIONS):
        if end < 0 or not _continued(lowered, end + 1):
            break
        end = lowered.find("\n", end + 1)
    command = lowered[begin : end if end >= 0 else len(lowered)].replace("\\\n", " ")
    offset = name_at - begin
    run = None
    for match in _CONTAINER_RUN.finditer(command, 0, offset):
        run = match
    if run is None or _SHELL_SEPARATORS.search(command, run.end(), offset):
        return False  # no `docker run` in the same shell command as the `-e`
    segment_end = _SHELL_SEPARATORS.search(command, offset)
    segment = command[run.start() : segment_end.start() if segment_end else len(command)]
    before_run = command[max(0, command.rfind("\n", 0, run.start())) : run.start()]
    if _LASTING.search(segment) or _LASTING.search(" " + before_run):
        return False
    return _image_name(_run_image(segment[run.end() - run.start() :])) in images


# `docker run` options that take the next word as their value.
_VALUE_OPTIONS = frozenset(
    "-e --env --env-file -p --publish -v --volume --name -w --workdir --network --net --entrypoint -u --user "
    "--mount -l --label --platform --cpus -m --memory --gpus --hostname --restart --shm-size --add-host "
    "--device --ulimit --log-driver --log-opt --pull --ipc --runtime --cap-add --cap-drop --security-opt "
    "-a --attach --expose --health-cmd --network-alias --stop-signal --tmpfs --dns --link".split()
)


def _run_image(arguments: str) -> str:
    """The image of `docker run [options] IMAGE [command]`: the first word that is no option and
    no option's value."""
    words = arguments.split()
    index = 0
    while index < len(words):
        word = words[index].strip("\"'")
        if not word:
            index += 1
            continue
        if not word.startswith("-"):
            return word
        index += 2 if word in _VALUE_OPTIONS else 1
    return ""


def _image_name(reference: str) -> str:
    """`quay.io/minio/minio:RELEASE.2024` -> `minio`: the image's own name, tag and digest aside."""
    last = reference.split("@", 1)[0].rsplit("/", 1)[-1]
    return last.split(":", 1)[0]


def _ci_service_env(images: tuple[str, ...], lowered: str, start: int) -> bool:
    """The value sits in the `env:` of a service container under a workflow job's `services:`,
    whose `image:` is the official image that reads the variable."""
    begin = _line_start(lowered, start)
    line = lowered[begin:start]
    indent = len(line) - len(line.lstrip(" "))
    parents: list[tuple[str, int, int]] = []  # (key, indent, line start)
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
            key, _, rest = stripped.partition(":")
            if rest.strip().startswith(("|", ">")):
                return False  # inside a block scalar (a `run: |` script): text, not the job's keys
            parents.append((key.strip().lstrip("- "), depth, position))
    keys = [key for key, _, _ in parents]
    if indent != 0 or len(keys) < 4 or keys[0] not in ("env", "environment") or keys[2] != "services":
        return False
    if keys[-1] != "jobs":
        return False
    _, service_indent, service_start = parents[1]
    return _service_image(lowered, service_start, service_indent) in images


def _service_image(lowered: str, service_start: int, service_indent: int) -> str:
    """The `image:` of the service whose key line starts at `service_start`."""
    position = lowered.find("\n", service_start)
    for _ in range(_MAX_LINES_UP):
        if position < 0:
            break
        end = lowered.find("\n", position + 1)
        current = lowered[position + 1 : end if end >= 0 else len(lowered)]
        stripped = current.lstrip(" ")
        position = end
        if not stripped or stripped.startswith("#"):
            continue
        if len(current) - len(stripped) <= service_indent:
            break
        if stripped.startswith("image:"):
            return _image_name(stripped[len("image:") :].strip().strip("\"'"))
    return ""
