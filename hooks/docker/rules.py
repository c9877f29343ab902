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
    what="FROM image:tag (or :latest, or no tag) without a digest.",
    why=(
        "The tag can resolve to different content tomorrow: a rebuilt image, or a compromised one. A "
        "FROM of an earlier stage is fine."
    ),
    example="FROM python:3.11",
    fix=("Pin `image:tag@sha256:<digest>` and update it deliberately (Dependabot and Renovate can do this)."),
    references=("https://docs.docker.com/reference/dockerfile/#from",),
)
RUNS_AS_ROOT = BOOK.rule(
    "MLS502",
    "RunsAsRoot",
    "low",
    "Final stage runs as root",
    strict="medium",
    cwe=250,
    what="The image's last stage has no USER, or switches to root last.",
    why=(
        "The container runs as root: a bug in the model server or a malicious model gets root in the "
        "container, one step from the host. Builder stages may stay root."
    ),
    example='FROM python:3.11-slim\nCOPY . /app\nCMD ["python", "serve.py"]',
    fix="Create a user and switch to it: `RUN useradd --create-home app` then `USER app`.",
    references=("https://docs.docker.com/build/building/best-practices/#user",),
)
DOCKER_DOWNLOAD_PIPED_TO_SHELL = BOOK.rule(
    "MLS503",
    "DockerDownloadPipedToShell",
    "high",
    "Download piped into a shell",
    cwe=494,
    what="`curl ... | sh` (or wget, bash, python) in a RUN instruction.",
    why=("The build runs whatever the server returns, unchecked and baked into every container of the image."),
    example="RUN curl -fsSL https://example.org/install.sh | bash",
    fix="Download to a file, verify its checksum (`sha256sum -c`), then run it.",
    references=("https://cwe.mitre.org/data/definitions/494.html",),
)
ADD_URL_WITHOUT_CHECKSUM = BOOK.rule(
    "MLS504",
    "AddUrlWithoutChecksum",
    "low",
    "ADD of a URL without --checksum",
    strict="medium",
    cwe=494,
    what=(
        "ADD of a URL without --checksum. Low unless a later RUN executes what was fetched (then medium); "
        "URLs pinned to a commit are immutable and not reported."
    ),
    why="ADD fetches the URL at build time and does not verify the content.",
    example="ADD https://example.org/weights.bin /models/",
    fix="`ADD --checksum=sha256:<digest> <url> <dest>` (BuildKit), or download and verify in RUN.",
    references=("https://docs.docker.com/reference/dockerfile/#add---checksum",),
)
PLAIN_HTTP_FETCH = BOOK.rule(
    "MLS505",
    "PlainHttpFetch",
    "high",
    "Weights or data fetched over plain http",
    cwe=319,
    what="Weights, data or tools fetched over http:// during the build.",
    why="The download can be swapped in transit.",
    example="RUN wget http://example.org/model.bin",
    fix="Use https and verify a checksum.",
)
SECRET_IN_IMAGE = BOOK.rule(
    "MLS506",
    "SecretInImage",
    "high",
    "Secret baked into the image",
    cwe=798,
    what="A literal credential in ENV or ARG (by name or by value) or in a command.",
    why="It stays in the image layers and `docker history` for everyone who can pull the image.",
    example="ENV HF_TOKEN=hf_...",
    fix=(
        "Remove it, rotate the credential, and use `RUN --mount=type=secret,id=...` at build time or "
        "pass it at run time."
    ),
    references=("https://docs.docker.com/build/building/secrets/",),
)
CREDENTIAL_FILE_COPIED = BOOK.rule(
    "MLS507",
    "CredentialFileCopied",
    "high",
    "Credential file copied into the image",
    cwe=538,
    what="COPY/ADD of .env, kaggle.json, SSH keys, .netrc, .git-credentials or cloud credential files.",
    why="The file is stored in a layer for good, even if a later step deletes it.",
    example="COPY kaggle.json /root/.kaggle/",
    fix=("Use build secrets (`RUN --mount=type=secret`) or mount the file at run time; add it to .dockerignore."),
    references=("https://docs.docker.com/build/building/secrets/",),
)
DOCKER_UNPINNED_INSTALL = BOOK.rule(
    "MLS508",
    "DockerUnpinnedInstall",
    "low",
    "Package install without pins",
    strict="medium",
    cwe=1104,
    what=(
        "RUN installs of unpinned packages (pip, conda/mamba, uv, pipx, poetry, pdm, pipenv; the message "
        "names the installer), or of VCS/URL requirements without a commit or hash."
    ),
    why="Every build installs whatever is published that day.",
    example="RUN pip install flask",
    fix=(
        "Pin exact versions, ideally from a requirements file with hashes (`pip install --require-hashes "
        "-r requirements.txt`)."
    ),
)
DOCKER_UNSAFE_INDEX = BOOK.rule(
    "MLS509",
    "DockerUnsafeIndex",
    "high",
    "pip install from an unsafe index",
    cwe=494,
    what=(
        "pip installs in the image that use --extra-index-url, --trusted-host, http:// indexes or "
        "find-links, or the same through PIP_* environment variables."
    ),
    why=("Dependency confusion and unauthenticated transport let someone else choose the code installed in the image."),
    example="RUN pip install --extra-index-url https://pypi.internal.example/simple mylib",
    fix="A single https `--index-url` that proxies public and private packages; no --trusted-host.",
    references=("https://pip.pypa.io/en/stable/topics/secure-installs/",),
)
WORLD_WRITABLE = BOOK.rule(
    "MLS510",
    "WorldWritable",
    "low",
    "World-writable files (chmod 777)",
    strict="medium",
    cwe=732,
    what="chmod 777 or a+rwx in the image.",
    why="Any process in the container, whatever its user, can rewrite the code and models.",
    example="RUN chmod -R 777 /app",
    fix=("Give ownership to the runtime user (`COPY --chown=app:app`) and keep files read-only for others."),
)
SUDO_IN_IMAGE = BOOK.rule(
    "MLS511",
    "SudoInImage",
    "low",
    "sudo in the image",
    strict="medium",
    cwe=250,
    what="sudo in a build step, or passwordless sudo granted in the image.",
    why="It keeps a root escalation path inside the running container.",
    example="RUN echo 'app ALL=(ALL) NOPASSWD:ALL' >> /etc/sudoers",
    fix="Run privileged steps before USER; do not install sudo in runtime images.",
)
SSH_EXPOSED = BOOK.rule(
    "MLS512",
    "SshExposed",
    "medium",
    "EXPOSE 22 (SSH)",
    cwe=1327,
    what="EXPOSE 22.",
    why="An SSH server in a training or serving image is one more way in, with its own keys to manage.",
    example="EXPOSE 22",
    fix="Use `docker exec`, `kubectl exec` or the orchestrator's tools instead of SSH.",
)
OPEN_JUPYTER = BOOK.rule(
    "MLS513",
    "OpenJupyter",
    "critical",
    "Jupyter without authentication on all interfaces",
    cwe=306,
    what="A Jupyter server started with an empty token and password on 0.0.0.0.",
    why=(
        "Anyone who reaches the port gets a Python shell: code execution in the container, with its "
        "credentials and data."
    ),
    example='CMD ["jupyter", "lab", "--ip=0.0.0.0", "--NotebookApp.token="]',
    fix=("Keep the token (the default) or set a password, and bind to 127.0.0.1 behind an authenticating proxy."),
    references=("https://jupyter-server.readthedocs.io/en/latest/operators/security.html",),
)
OPEN_RAY = BOOK.rule(
    "MLS514",
    "OpenRay",
    "critical",
    "Ray head or dashboard open to the network",
    cwe=306,
    what="A Ray head or dashboard bound to 0.0.0.0.",
    why=(
        "Ray's dashboard and job API have no authentication, so anyone who reaches them runs jobs on the "
        "cluster (ShadowRay, CVE-2023-48022)."
    ),
    example='CMD ["ray", "start", "--head", "--dashboard-host=0.0.0.0"]',
    fix="Bind to 127.0.0.1 and put an authenticating proxy in front; restrict the network.",
    references=(
        "https://docs.ray.io/en/latest/ray-security/index.html",
        "https://nvd.nist.gov/vuln/detail/CVE-2023-48022",
    ),
)
OPEN_MLFLOW = BOOK.rule(
    "MLS515",
    "OpenMlflow",
    "high",
    "MLflow server without authentication on all interfaces",
    cwe=306,
    what="`mlflow server` or `mlflow ui` on 0.0.0.0 without `--app-name basic-auth`.",
    why=(
        "Anyone who reaches the port can read, replace and delete models and runs, and a replaced model "
        "is code that others load."
    ),
    example='CMD ["mlflow", "server", "--host", "0.0.0.0"]',
    fix=("Enable authentication (`--app-name basic-auth`) or bind to 127.0.0.1 behind an authenticating proxy."),
    references=("https://mlflow.org/docs/latest/auth/index.html",),
)
TRUST_REMOTE_CODE_IN_IMAGE = BOOK.rule(
    "MLS516",
    "TrustRemoteCodeInImage",
    "high",
    "Image trusts remote code from the model repository",
    cwe=94,
    what=(
        "A RUN, CMD or ENTRYPOINT that passes `--trust-remote-code` or `trust_remote_code=True` (vLLM, TGI, "
        "lm-eval, SGLang), or an ENV that turns it on (`TRUST_REMOTE_CODE=true` for TGI, "
        "`OPTION_TRUST_REMOTE_CODE=true` for DJL)."
    ),
    why=(
        "The server imports and runs the Python files of the model repository it loads, as the container's "
        "user, every time it starts: whoever can push to that repository runs code in your service."
    ),
    example='CMD ["vllm", "serve", "org/model", "--trust-remote-code"]',
    fix=(
        "Serve architectures the server supports natively; if the model needs its own code, pin the "
        "repository revision (`--revision <commit>`), review that code, or vendor it into the image."
    ),
    references=("https://huggingface.co/docs/transformers/main/en/custom_models",),
)
DOCKERFILE_UNPARSEABLE = BOOK.rule(
    "MLS909",
    "DockerfileUnparseable",
    "medium",
    "Dockerfile could not be parsed",
    cwe=20,
    what=(
        "The file is not a Dockerfile BuildKit would accept (an unclosed heredoc, an instruction before"
        " FROM, a line that is no instruction, binary content); nothing in it was checked. A fragment of"
        " instructions with no FROM at all (steps a tool appends to a base image named elsewhere, such as"
        " Azure ML's `extra_docker_file_steps`) is checked like any stage and reported low: only its base"
        " image and the user it starts as are unknown (one holding ONBUILD, HEALTHCHECK or SHELL is not"
        " read as a fragment and stays medium). In a file with a FROM, what ONBUILD and HEALTHCHECK hold"
        " is checked as the instruction or command it is, and SHELL must run later RUN lines as a POSIX"
        " shell's `-c` (an environment runner's `conda run` in front included): anything else there is"
        " MLS909 medium, as those lines are not read as they run. A file of comments and blank lines only"
        " (an exercise's `# TODO` stub) is reported low: it builds nothing and holds nothing to check. So is"
        " a template whose only unparseable lines are placeholders (`{args}`, `{{ steps }}`, `{% if %}`): the"
        " other lines are checked as usual, and the note names the placeholder lines nobody can check here."
    ),
    why=("A Dockerfile that is not understood is not checked, so it is reported rather than passed (fail closed)."),
    fix=(
        "Fix the syntax the message names (`docker build --check` shows BuildKit's view); if the file is "
        "not a Dockerfile, rename it or exclude it in `.mlsec.yaml`."
    ),
)
