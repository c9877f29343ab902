"""The rules of mlsec-dockerfile: training and serving images."""

from __future__ import annotations

from hooks._core.rules import RuleBook

BOOK = RuleBook("dockerfile")

IMAGE_NOT_PINNED = BOOK.rule(
    "MLS501",
    "ImageNotPinned",
    "low",
    "Base image not pinned by digest",
    strict="medium",
    cwe=1357,
    what=(
        "FROM image:tag (or :latest, or no tag) can resolve to different content tomorrow. Pin "
        "image:tag@sha256:<digest>; a FROM of an earlier stage is fine."
    ),
)
RUNS_AS_ROOT = BOOK.rule(
    "MLS502",
    "RunsAsRoot",
    "low",
    "Final stage runs as root",
    strict="medium",
    cwe=250,
    what=(
        "The image's last stage has no USER, or switches to root last, so the container runs as root. "
        "Create a user and switch to it; builder stages may stay root."
    ),
)
DOCKER_DOWNLOAD_PIPED_TO_SHELL = BOOK.rule(
    "MLS503",
    "DockerDownloadPipedToShell",
    "high",
    "Download piped into a shell",
    cwe=494,
    what=(
        "curl ... | sh runs whatever the server returns during the build. Download to a file, verify its "
        "checksum, then run it."
    ),
)
ADD_URL_WITHOUT_CHECKSUM = BOOK.rule(
    "MLS504",
    "AddUrlWithoutChecksum",
    "low",
    "ADD of a URL without --checksum",
    strict="medium",
    cwe=494,
    what=(
        "ADD <url> fetches at build time without verifying the content. Add --checksum=sha256:... "
        "(BuildKit) or download and verify in RUN. Low unless a later RUN executes what was fetched "
        "(medium); URLs pinned to a commit are immutable and not reported."
    ),
)
PLAIN_HTTP_FETCH = BOOK.rule(
    "MLS505",
    "PlainHttpFetch",
    "high",
    "Weights or data fetched over plain http",
    cwe=319,
    what="An http:// download during the build can be swapped in transit: use https and verify a checksum.",
)
SECRET_IN_IMAGE = BOOK.rule(
    "MLS506",
    "SecretInImage",
    "high",
    "Secret baked into the image",
    cwe=798,
    what=(
        "A literal credential in ENV/ARG (by name or by value) or in a command stays in the image layers "
        "and history. Use RUN --mount=type=secret, or pass it at run time."
    ),
)
CREDENTIAL_FILE_COPIED = BOOK.rule(
    "MLS507",
    "CredentialFileCopied",
    "high",
    "Credential file copied into the image",
    cwe=538,
    what=(
        "COPY/ADD of .env, kaggle.json, SSH keys, .netrc, .git-credentials or cloud credential files puts"
        " them in a layer for good. Use build secrets or mount them at run time."
    ),
)
DOCKER_UNPINNED_INSTALL = BOOK.rule(
    "MLS508",
    "DockerUnpinnedInstall",
    "low",
    "pip/conda install without pins",
    strict="medium",
    cwe=1104,
    what=(
        "RUN pip install of unpinned packages, or of VCS/URL requirements without a commit or hash, makes"
        " every build install something else."
    ),
)
DOCKER_UNSAFE_INDEX = BOOK.rule(
    "MLS509",
    "DockerUnsafeIndex",
    "high",
    "pip install from an unsafe index",
    cwe=494,
    what=(
        "--extra-index-url (dependency confusion), --trusted-host, http:// indexes or find-links, and the"
        " same set through PIP_* environment variables."
    ),
)
WORLD_WRITABLE = BOOK.rule(
    "MLS510",
    "WorldWritable",
    "low",
    "World-writable files (chmod 777)",
    strict="medium",
    cwe=732,
    what="chmod 777 / a+rwx lets any process in the container rewrite code and models.",
)
SUDO_IN_IMAGE = BOOK.rule(
    "MLS511",
    "SudoInImage",
    "low",
    "sudo in the image",
    strict="medium",
    cwe=250,
    what=(
        "Running sudo in a build, or granting passwordless sudo, keeps a root escalation path in the "
        "image. Run privileged steps before USER instead."
    ),
)
SSH_EXPOSED = BOOK.rule(
    "MLS512",
    "SshExposed",
    "medium",
    "EXPOSE 22 (SSH)",
    cwe=1327,
    what=(
        "An SSH server in a training or serving image is an extra way in; use docker exec or the orchestrator's tools."
    ),
)
OPEN_JUPYTER = BOOK.rule(
    "MLS513",
    "OpenJupyter",
    "critical",
    "Jupyter without authentication on all interfaces",
    cwe=306,
    what=(
        "A Jupyter server with an empty token and password bound to 0.0.0.0 gives code execution to "
        "anyone who reaches the port."
    ),
)
OPEN_RAY = BOOK.rule(
    "MLS514",
    "OpenRay",
    "critical",
    "Ray head or dashboard open to the network",
    cwe=306,
    what=(
        "Ray's dashboard and job API have no authentication; bound to 0.0.0.0 they run anyone's jobs "
        "(ShadowRay, CVE-2023-48022). Bind to 127.0.0.1 and put a proxy with auth in front."
    ),
)
OPEN_MLFLOW = BOOK.rule(
    "MLS515",
    "OpenMlflow",
    "high",
    "MLflow server without authentication on all interfaces",
    cwe=306,
    what=("mlflow server/ui on 0.0.0.0 without --app-name basic-auth lets anyone read and replace models and runs."),
)
DOCKERFILE_UNPARSEABLE = BOOK.rule(
    "MLS909",
    "DockerfileUnparseable",
    "medium",
    "Dockerfile could not be parsed",
    cwe=20,
    what=(
        "The file is not a Dockerfile BuildKit would accept (an unclosed heredoc, no FROM, an instruction"
        " before FROM, binary content); nothing in it was checked."
    ),
)
