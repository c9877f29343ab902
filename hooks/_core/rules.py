"""The rule registry: README's rule table, SARIF rule metadata and `mlsec rules` all read it.

Ids are stable. MLS0xx core, MLS1xx artifacts, MLS2xx secrets, MLS3xx code (bandit's own
Bnnn ids pass through), MLS4xx dependencies, MLS5xx Dockerfiles, MLS9xx "could not analyse".
A scanner's rows are added when the scanner lands, never ahead of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from hooks._core.findings import Severity


@dataclass(frozen=True)
class Rule:
    rule_id: str
    scanner: str
    severity: Severity
    title: str
    cwe: int | None
    help: str


def _rule(rule_id: str, scanner: str, severity: str, title: str, cwe: int | None, help_text: str) -> Rule:
    return Rule(rule_id, scanner, Severity(severity), title, cwe, help_text)


def _token_rule(rule_id: str, severity: str, title: str, cwe: int = 798) -> Rule:
    return _rule(
        rule_id,
        "secrets",
        severity,
        title,
        cwe,
        f"A {title} is written in the file, a notebook cell or a cell output. Revoke it at the provider, then"
        " load it from the environment or a secrets manager; clear notebook outputs before committing.",
    )


_TABLE: tuple[Rule, ...] = (
    _rule(
        "MLS001",
        "core",
        "low",
        "Suppression comment without a rule id",
        None,
        "`# mlsec: ignore` must name the rules it silences, e.g. `# mlsec: ignore[MLS301] reason`."
        " A bare marker suppresses nothing, so a reviewer can see exactly what was accepted.",
    ),
    _rule(
        "MLS101",
        "artifacts",
        "critical",
        "Pickle reaches a known-dangerous callable",
        502,
        "Loading this file imports or calls a global that runs commands, evaluates code, imports modules,"
        " reads or writes files, opens connections or loads another pickle. Never load it; rebuild the"
        " model from trusted code and save it as safetensors or another format without code.",
    ),
    _rule(
        "MLS102",
        "artifacts",
        "high",
        "Pickle imports a global outside the allowlist",
        502,
        "Only exact (module, name) pairs that real ML files use are allowed. If the global is your own"
        " class, add it to `artifacts.allow_globals` in the policy file with a reason.",
    ),
    _rule(
        "MLS103",
        "artifacts",
        "critical",
        "Obfuscated import in a pickle",
        502,
        "The global's name is computed at load time (STACK_GLOBAL on non-literal operands), taken from"
        " copyreg's extension registry (EXT1/2/4), or a dotted path that walks attributes out of an"
        " allowed module. Real serializers do not do this.",
    ),
    _rule(
        "MLS104",
        "artifacts",
        "critical",
        "Pickle BUILD injects a special attribute",
        502,
        "A BUILD opcode sets `__setstate__`, `__reduce__` or another special attribute on an object, so a"
        " later BUILD or use calls attacker-chosen code (the Sleepy Pickle pattern).",
    ),
    _rule(
        "MLS105",
        "artifacts",
        "high",
        "Data after the pickle stream",
        506,
        "Bytes follow the pickle's STOP opcode: a second pickle stream that loaders reading in a loop"
        " execute, or hidden data that scanners stopping at the first STOP never see.",
    ),
    _rule(
        "MLS106",
        "artifacts",
        "critical",
        "Polyglot pickle and zip file",
        434,
        "The file is a pickle at offset 0 and a zip archive at its end: torch.load and pickle run the"
        " pickle while zip-based scanners inspect the archive.",
    ),
    _rule(
        "MLS107",
        "artifacts",
        "high",
        "Zip structure anomaly",
        434,
        "Local and central directory names differ, a name is duplicated, a CRC does not match or a member"
        " is flagged encrypted. Model loaders tolerate these; scanners that trust zipfile are bypassed.",
    ),
    _rule(
        "MLS108",
        "artifacts",
        "high",
        "Keras Lambda layer",
        502,
        "A Lambda layer stores marshalled Python bytecode that runs when the model is loaded with"
        " safe_mode=False or from HDF5. Replace it with a registered custom layer.",
    ),
    _rule(
        "MLS109",
        "artifacts",
        "medium",
        "Keras custom object",
        829,
        "The model refers to a class outside Keras; loading it imports that module and runs its code."
        " Make sure the module is yours and reviewed.",
    ),
    _rule(
        "MLS110",
        "artifacts",
        "medium",
        "Approved artifact changed",
        494,
        "The file is listed under `artifacts.approved`, but its sha256 no longer matches the reviewed one."
        " Review the new file and update the approval.",
    ),
    _token_rule("MLS201", "high", "Hugging Face token"),
    _token_rule("MLS202", "high", "OpenAI API key"),
    _token_rule("MLS203", "high", "Anthropic API key"),
    _token_rule("MLS204", "high", "Weights & Biases API key"),
    _token_rule("MLS205", "high", "Kaggle API key"),
    _token_rule("MLS206", "high", "Comet API key"),
    _token_rule("MLS207", "high", "Neptune API token"),
    _token_rule("MLS208", "high", "Replicate API token"),
    _token_rule("MLS209", "high", "Cohere API key"),
    _token_rule("MLS210", "high", "Google API key"),
    _token_rule("MLS211", "critical", "GCP service-account private key"),
    _token_rule("MLS212", "high", "AWS access key id"),
    _token_rule("MLS213", "critical", "AWS secret access key"),
    _token_rule("MLS214", "critical", "Azure storage account key"),
    _token_rule("MLS215", "high", "GitHub token"),
    _token_rule("MLS216", "high", "GitLab token"),
    _token_rule("MLS217", "high", "Slack token"),
    _token_rule("MLS218", "medium", "Slack webhook URL"),
    _token_rule("MLS219", "critical", "Stripe live key"),
    _token_rule("MLS220", "critical", "Private key (PEM)", 321),
    _token_rule("MLS221", "medium", "JSON Web Token"),
    _rule(
        "MLS222",
        "secrets",
        "high",
        "Credentials in a URL",
        522,
        "A URL carries a user and password (database URLs, MLflow tracking URIs, package index URLs). "
        "Move the password to an environment variable or a secrets manager and rotate it.",
    ),
    _rule(
        "MLS223",
        "secrets",
        "medium",
        "Secret assigned to a credential name",
        798,
        "A literal value is assigned to a name such as PASSWORD, SECRET or API_KEY. Read it from the "
        "environment instead, and rotate it if it was ever committed.",
    ),
    _rule(
        "MLS224",
        "secrets",
        "high",
        "Token found by a detect-secrets plugin",
        798,
        "One of detect-secrets' own plugins (Twilio, SendGrid, npm, PyPI, ...) recognised a token. Revoke"
        " it and load it from the environment.",
    ),
    _rule(
        "MLS301",
        "code",
        "high",
        "joblib.load of a file",
        502,
        "joblib.load unpickles the file, so loading it runs any code it carries. Load only files you "
        "produced, or store models as safetensors / skops.",
    ),
    _rule(
        "MLS302",
        "code",
        "high",
        "cloudpickle or _pickle deserialisation",
        502,
        "cloudpickle, _pickle and cPickle loads run any code in the data, like pickle. bandit's B301 does"
        " not cover these modules.",
    ),
    _rule(
        "MLS303",
        "code",
        "high",
        "numpy.load with pickles allowed",
        502,
        "Setting allow_pickle to True lets numpy unpickle object arrays, which runs their code. Save plain dtypes, "
        "or load only trusted files.",
    ),
    _rule(
        "MLS304",
        "code",
        "high",
        "pandas.read_pickle",
        502,
        "read_pickle unpickles the file: loading runs any code it carries. Prefer Parquet or Feather for data frames.",
    ),
    _rule(
        "MLS305",
        "code",
        "high",
        "Unsafe YAML load",
        502,
        "yaml.unsafe_load, full_load and load with Loader/UnsafeLoader/FullLoader (or no Loader) build "
        "arbitrary Python objects. Use yaml.safe_load.",
    ),
    _rule(
        "MLS306",
        "code",
        "high",
        "torch.load without weights_only=True",
        502,
        "torch.load unpickles the checkpoint; with weights_only=False (or unset on older torch) a "
        "checkpoint runs code when loaded. Pass weights_only=True or use safetensors.",
    ),
    _rule(
        "MLS307",
        "code",
        "high",
        "trust_remote_code=True",
        94,
        "from_pretrained, pipeline and load_dataset with trust_remote_code=True run Python files from the"
        " model or dataset repository. Review and vendor that code, or pin a reviewed revision.",
    ),
    _rule(
        "MLS308",
        "code",
        "high",
        "torch.hub remote code or pickle",
        494,
        "torch.hub.load runs hubconf.py from a remote repository; load_state_dict_from_url unpickles a "
        "downloaded file. Pin and review the source, or pass weights_only=True.",
    ),
    _rule(
        "MLS309",
        "code",
        "high",
        "Keras load_model with safe_mode=False",
        502,
        "safe_mode=False lets Keras deserialise Lambda bytecode and arbitrary classes when the model is loaded.",
    ),
    _rule(
        "MLS310",
        "code",
        "medium",
        "Keras Lambda layer",
        94,
        "A Lambda layer is saved as marshalled Python bytecode, which runs when the model is loaded "
        "unsafely. Use a registered custom layer.",
    ),
    _rule(
        "MLS311",
        "code",
        "medium",
        "Hub download of a pickle-format file",
        502,
        "hf_hub_download of a .bin/.pkl/.pt/.ckpt/.joblib file fetches a pickle; whoever controls the "
        "repository controls the code. Prefer safetensors.",
    ),
    _rule(
        "MLS312",
        "code",
        "medium",
        "MLflow load_model",
        502,
        "mlflow.<flavor>.load_model and pyfunc.load_model unpickle the model with cloudpickle: only load "
        "models from a registry you trust.",
    ),
    _rule(
        "MLS313",
        "code",
        "high",
        "allow_dangerous_deserialization=True",
        502,
        "LangChain's allow_dangerous_deserialization=True (FAISS.load_local and others) unpickles the "
        "stored index, which runs its code.",
    ),
    _rule(
        "MLS314",
        "code",
        "high",
        "eval or exec on model or LLM output",
        95,
        "Evaluating text that a model produced runs whatever the model (or a prompt injection) wrote. "
        "Parse the output instead, or run it in a sandbox.",
    ),
    _rule(
        "MLS315",
        "code",
        "high",
        "tarfile extraction without a filter",
        22,
        "extract/extractall without filter='data' follows member paths and links outside the target "
        "folder (CVE-2007-4559).",
    ),
    _rule(
        "MLS316",
        "code",
        "high",
        "Archive member written without sanitising (zip slip)",
        22,
        "Writing an archive member to a path built from its name lets `../` names escape the target. Use "
        "extractall (zip) / filter='data' (tar), or check the resolved path.",
    ),
    _rule(
        "MLS317",
        "code",
        "high",
        "TLS verification disabled on a session",
        295,
        "Setting `.verify = False` on a requests session disables certificate checks for every request it makes.",
    ),
    _rule(
        "MLS319",
        "code",
        "medium",
        "Notebook install without a pin",
        1104,
        "%pip/!pip/%conda installs without an exact version, and VCS or URL installs without a commit "
        "hash or #sha256=, make the notebook install whatever is published today.",
    ),
    _rule(
        "MLS320",
        "code",
        "high",
        "Notebook install from an unsafe index",
        494,
        "--extra-index-url (dependency confusion), --trusted-host, and http:// indexes or channels let "
        "someone else choose the installed code.",
    ),
    _rule(
        "MLS321",
        "code",
        "high",
        "Download piped into a shell",
        494,
        "`curl ... | bash` and the like run whatever the server returns, unchecked. Download, verify a "
        "checksum, then run.",
    ),
    _rule(
        "MLS322",
        "code",
        "medium",
        "Downloaded file run unchecked",
        494,
        "A file downloaded in the cell is then executed without a checksum check.",
    ),
    _rule(
        "MLS401",
        "deps",
        "high",
        "Dependency pinned to a vulnerable version",
        1395,
        "The exact version pinned has known vulnerabilities in the OSV records (PYSEC, GHSA, CVE ids in "
        "the message). Upgrade to the fixed version named.",
    ),
    _rule(
        "MLS402",
        "deps",
        "critical",
        "Known-malicious package or compromised release",
        506,
        "The package, or this release of it, was malware (OSV MAL records, and known ML incidents such as"
        " torchtriton and ultralytics 8.3.41/42/45/46). Remove it and check the machines it ran on.",
    ),
    _rule(
        "MLS403",
        "deps",
        "high",
        "Typosquat of a popular ML package",
        1357,
        "The name is one or two edits (or a separator or look-alike character) away from a popular ML or "
        "data package. Check the spelling; if the name is right, add it to deps.allow_names.",
    ),
    _rule(
        "MLS404",
        "deps",
        "high",
        "Placeholder or decoy package name",
        1357,
        "The name is a decoy or a placeholder for an ML package (pytorch, sklearn, cv2, ...): it installs"
        " nothing useful, or something else.",
    ),
    _rule(
        "MLS405",
        "deps",
        "high",
        "Extra index URL (dependency confusion)",
        427,
        "With --extra-index-url pip takes the highest version from any index, so a public package can "
        "shadow a private one (the torchtriton attack). Use one index that proxies both.",
    ),
    _rule(
        "MLS406",
        "deps",
        "high",
        "Package source over plain http",
        319,
        "An index, find-links location or conda channel uses http://: packages can be swapped in transit.",
    ),
    _rule(
        "MLS407",
        "deps",
        "medium",
        "Trusted host disables TLS checks",
        295,
        "--trusted-host turns off certificate verification for that host.",
    ),
    _rule(
        "MLS408",
        "deps",
        "high",
        "Credentials in an index URL",
        522,
        "A user name and password or token are written into an index URL. Use pip's keyring or netrc "
        "support, or environment variables.",
    ),
    _rule(
        "MLS409",
        "deps",
        "medium",
        "Index not in the allowed list",
        494,
        "The policy's deps.allowed_indexes lists the package indexes (for example a private proxy) this "
        "project may use; this one is not among them.",
    ),
    _rule(
        "MLS410",
        "deps",
        "medium",
        "VCS requirement without a full commit hash",
        1104,
        "A branch or tag can be moved to other code; pin the full 40-character commit.",
    ),
    _rule(
        "MLS411",
        "deps",
        "medium",
        "Direct URL without a hash",
        494,
        "A direct archive URL without #sha256= installs whatever the server returns.",
    ),
    _rule(
        "MLS412",
        "deps",
        "high",
        "Requirement without a hash in hash-checking mode",
        494,
        "Some requirements in the file carry --hash, which puts pip in hash-checking mode; this one has "
        "none, so the install fails or the file is half-protected.",
    ),
    _rule(
        "MLS413",
        "deps",
        "low",
        "Unpinned requirement",
        1104,
        "No version constraint: every install can pick a different release. Low by default; raise it in "
        "the policy's rules section if you want it to fail the hook.",
    ),
    _rule(
        "MLS414",
        "deps",
        "low",
        "Range instead of an exact pin",
        1104,
        "A range (>=, ~=, <, !=, ==x.*) lets each install pick another release. Pin exact versions in "
        "applications; ranges in a library's pyproject.toml are normal and not reported.",
    ),
    _rule(
        "MLS415",
        "deps",
        "medium",
        "Include outside the repository, missing or cyclic",
        22,
        "A -r/-c include points outside the repository, at a missing file, or back at a file already "
        "included. It is not followed.",
    ),
    _rule(
        "MLS501",
        "dockerfile",
        "medium",
        "Base image not pinned by digest",
        1357,
        "FROM image:tag (or :latest, or no tag) can resolve to different content tomorrow. Pin "
        "image:tag@sha256:<digest>; a FROM of an earlier stage is fine.",
    ),
    _rule(
        "MLS502",
        "dockerfile",
        "medium",
        "Final stage runs as root",
        250,
        "The image's last stage has no USER, or switches to root last, so the container runs as root. "
        "Create a user and switch to it; builder stages may stay root.",
    ),
    _rule(
        "MLS503",
        "dockerfile",
        "high",
        "Download piped into a shell",
        494,
        "curl ... | sh runs whatever the server returns during the build. Download to a file, verify its "
        "checksum, then run it.",
    ),
    _rule(
        "MLS504",
        "dockerfile",
        "medium",
        "ADD of a URL without --checksum",
        494,
        "ADD <url> fetches at build time without verifying the content. Add --checksum=sha256:... "
        "(BuildKit) or download and verify in RUN.",
    ),
    _rule(
        "MLS505",
        "dockerfile",
        "high",
        "Weights or data fetched over plain http",
        319,
        "An http:// download during the build can be swapped in transit: use https and verify a checksum.",
    ),
    _rule(
        "MLS506",
        "dockerfile",
        "high",
        "Secret baked into the image",
        798,
        "A literal credential in ENV/ARG (by name or by value) or in a command stays in the image layers "
        "and history. Use RUN --mount=type=secret, or pass it at run time.",
    ),
    _rule(
        "MLS507",
        "dockerfile",
        "high",
        "Credential file copied into the image",
        538,
        "COPY/ADD of .env, kaggle.json, SSH keys, .netrc, .git-credentials or cloud credential files puts"
        " them in a layer for good. Use build secrets or mount them at run time.",
    ),
    _rule(
        "MLS508",
        "dockerfile",
        "medium",
        "pip/conda install without pins",
        1104,
        "RUN pip install of unpinned packages, or of VCS/URL requirements without a commit or hash, makes"
        " every build install something else.",
    ),
    _rule(
        "MLS509",
        "dockerfile",
        "high",
        "pip install from an unsafe index",
        494,
        "--extra-index-url (dependency confusion), --trusted-host, http:// indexes or find-links, and the"
        " same set through PIP_* environment variables.",
    ),
    _rule(
        "MLS510",
        "dockerfile",
        "medium",
        "World-writable files (chmod 777)",
        732,
        "chmod 777 / a+rwx lets any process in the container rewrite code and models.",
    ),
    _rule(
        "MLS511",
        "dockerfile",
        "medium",
        "sudo in the image",
        250,
        "Running sudo in a build, or granting passwordless sudo, keeps a root escalation path in the "
        "image. Run privileged steps before USER instead.",
    ),
    _rule(
        "MLS512",
        "dockerfile",
        "medium",
        "EXPOSE 22 (SSH)",
        1327,
        "An SSH server in a training or serving image is an extra way in; use docker exec or the orchestrator's tools.",
    ),
    _rule(
        "MLS513",
        "dockerfile",
        "critical",
        "Jupyter without authentication on all interfaces",
        306,
        "A Jupyter server with an empty token and password bound to 0.0.0.0 gives code execution to "
        "anyone who reaches the port.",
    ),
    _rule(
        "MLS514",
        "dockerfile",
        "critical",
        "Ray head or dashboard open to the network",
        306,
        "Ray's dashboard and job API have no authentication; bound to 0.0.0.0 they run anyone's jobs "
        "(ShadowRay, CVE-2023-48022). Bind to 127.0.0.1 and put a proxy with auth in front.",
    ),
    _rule(
        "MLS515",
        "dockerfile",
        "high",
        "MLflow server without authentication on all interfaces",
        306,
        "mlflow server/ui on 0.0.0.0 without --app-name basic-auth lets anyone read and replace models and runs.",
    ),
    _rule(
        "MLS909",
        "dockerfile",
        "medium",
        "Dockerfile could not be parsed",
        20,
        "The file is not a Dockerfile BuildKit would accept (an unclosed heredoc, no FROM, an instruction"
        " before FROM, binary content); nothing in it was checked.",
    ),
    _rule(
        "MLS908",
        "deps",
        "medium",
        "Dependency file could not be read",
        20,
        "The file is not valid for its format (broken YAML or TOML, binary content, an unreadable line)."
        " Nothing in it, or in that line, was checked.",
    ),
    _rule(
        "MLS907",
        "code",
        "low",
        "Code could not be analysed",
        20,
        "A script or notebook cell does not parse as Python (or is too large or too deeply nested); the"
        " other cells are still analysed.",
    ),
    _rule(
        "MLS900",
        "core",
        "high",
        "Scanner failed on this file",
        None,
        "The scanner hit an internal error on this file. It is reported instead of passing"
        " silently (fail closed); please report it with the file's shape, never its secrets.",
    ),
    _rule(
        "MLS901",
        "artifacts",
        "high",
        "Artifact could not be parsed",
        20,
        "The file is a model format (by its bytes or its name) but is corrupt, truncated, uses an unknown"
        " opcode or an unsupported compression. It is reported rather than passed (fail closed); broken"
        " pickles still run every opcode before the break when loaded.",
    ),
    _rule(
        "MLS902",
        "artifacts",
        "high",
        "Named like an artifact, in no known format",
        20,
        "The file name says model artifact (.pkl, .pt, .bin, .npy, ...) but its content is no format the"
        " hook recognises, so it cannot be shown safe.",
    ),
    _rule(
        "MLS903",
        "artifacts",
        "high",
        "Artifact analysis limit reached",
        400,
        "Size, decompression ratio, nesting depth, opcode count or time budget was exceeded. Raise the"
        " limits in the `artifacts` policy section if the file is legitimate.",
    ),
    _rule(
        "MLS905",
        "secrets",
        "low",
        "Notebook could not be parsed",
        20,
        "The .ipynb file is not a readable notebook (broken JSON, wrong shape, nested too deeply), so it was"
        " scanned for secrets as plain text, without cell positions.",
    ),
    _rule(
        "MLS906",
        "secrets",
        "low",
        "File not scanned for secrets",
        20,
        "The file is binary or larger than 32 MiB, so it was not scanned for secrets.",
    ),
    _rule(
        "MLS904",
        "artifacts",
        "medium",
        "Archive cannot be inspected here",
        20,
        "A 7z archive needs the optional reader: `pip install mlsec-hooks[7z]`.",
    ),
)

RULES: dict[str, Rule] = {rule.rule_id: rule for rule in _TABLE}


def rule_for(rule_id: str) -> Rule:
    """Registry row for an id; ids from a passthrough backend (bandit's Bnnn) get a generic row."""
    known = RULES.get(rule_id)
    if known is not None:
        return known
    return Rule(rule_id, "code", Severity.MEDIUM, f"bandit {rule_id}", None, "Reported by bandit.")


def rules_markdown_table() -> str:
    lines = ["| id | scanner | severity | title | CWE |", "|---|---|---|---|---|"]
    for rule in sorted(RULES.values(), key=lambda r: r.rule_id):
        cwe = f"CWE-{rule.cwe}" if rule.cwe else ""
        lines.append(f"| {rule.rule_id} | {rule.scanner} | {rule.severity.value} | {rule.title} | {cwe} |")
    return "\n".join(lines)
