"""The rules of mlsec-deps: vulnerable, malicious and unsafe dependencies."""

from __future__ import annotations

from hooks._core.rules import RuleBook

BOOK = RuleBook("deps")

VULNERABLE_DEPENDENCY = BOOK.rule(
    "MLS401",
    "VulnerableDependency",
    "high",
    "Dependency pinned to a vulnerable version",
    cwe=1395,
    what=(
        "A dependency pinned to an exact version that has known vulnerabilities in the OSV records "
        "(PYSEC, GHSA and CVE ids are in the message). A release of a lock file (poetry.lock, uv.lock, "
        "pdm.lock, Pipfile.lock, pylock.toml, pixi.lock, conda-lock.yml, requirements.lock) is reported "
        "low unless the profile is strict: a lock "
        "lists every transitive release. So is a release newer than every release the advisories list "
        "as affected when they name no fix: the records were written before it came out."
    ),
    why=(
        "The pinned release is what gets installed on developer machines, CI and images; the advisories "
        "describe how it can be attacked, often through the inputs ML code handles (model files, "
        "archives, prompts, web requests)."
    ),
    example="torch==1.13.0",
    fix=(
        "Upgrade to the fixed version the message names; if no fix exists, check whether the vulnerable "
        "feature is reachable and record the decision in the baseline with a reason."
    ),
    references=(
        "https://osv.dev/",
        "https://github.com/pypa/advisory-database",
    ),
)
MALICIOUS_PACKAGE = BOOK.rule(
    "MLS402",
    "MaliciousPackage",
    "critical",
    "Known-malicious package or compromised release",
    cwe=506,
    what=(
        "The package, or this release of it, was published as malware (OSV MAL records, and ML incidents "
        "such as torchtriton and ultralytics 8.3.41, 8.3.42, 8.3.45 and 8.3.46). A pin to a compromised release "
        "is critical, and so is a wheel or sdist of one named by URL or path (its file name, per the wheel and "
        "sdist specifications, says which release it is); a range that admits one is high, or low when it has "
        "no upper bound and the project published clean releases after the bad ones (ultralytics from "
        "8.3.47): installers take the newest release a range admits, so it never picks them. `profile: strict` "
        "keeps such ranges high."
    ),
    why=(
        "Installing it already ran its code: install hooks and import-time payloads steal credentials, "
        "mine coins or open shells."
    ),
    example="ultralytics==8.3.41",
    fix=(
        "Remove it, pin a clean release, and treat every machine that installed it as compromised: "
        "rotate the credentials it could read."
    ),
    references=(
        "https://osv.dev/list?ecosystem=PyPI&q=MAL",
        "https://pytorch.org/blog/compromised-nightly-dependency/",
    ),
)
TYPOSQUAT = BOOK.rule(
    "MLS403",
    "Typosquat",
    "high",
    "Typosquat of a popular ML package",
    cwe=1357,
    what=("A name one or two edits (or a separator or look-alike character) away from a popular ML or data package."),
    why="Typosquats are published to catch mistyped names and run their code at install time.",
    example="trasnformers==4.44.0",
    fix=(
        "Correct the spelling; if the name is right and the package is the one you want, add it to "
        "`deps.allow_names` in `.mlsec.yaml`."
    ),
)
PLACEHOLDER_PACKAGE = BOOK.rule(
    "MLS404",
    "PlaceholderPackage",
    "high",
    "Placeholder or decoy package name",
    cwe=1357,
    what="A decoy or placeholder name for an ML package (pytorch, sklearn, cv2, ...).",
    why=(
        "These names install nothing useful, or something other than the library people think of, and "
        "are a favourite target for takeovers."
    ),
    example="sklearn",
    fix="Use the real distribution name (torch, scikit-learn, opencv-python, ...).",
)
EXTRA_INDEX_URL = BOOK.rule(
    "MLS405",
    "ExtraIndexUrl",
    "high",
    "Extra index URL (dependency confusion)",
    cwe=427,
    what="--extra-index-url in a requirements file.",
    why=(
        "pip takes the highest version from any index, so a public package named like your private one "
        "wins: the dependency confusion attack that hit PyTorch nightly (torchtriton)."
    ),
    example="--extra-index-url https://pypi.internal.example/simple",
    fix=(
        "Use a single `--index-url` that proxies both public and private packages, or pin private packages with hashes."
    ),
    references=(
        "https://pytorch.org/blog/compromised-nightly-dependency/",
        "https://pip.pypa.io/en/stable/topics/secure-installs/",
    ),
)
PLAIN_HTTP_SOURCE = BOOK.rule(
    "MLS406",
    "PlainHttpSource",
    "high",
    "Package source over plain http",
    cwe=319,
    what="An index, find-links location or conda channel over http://.",
    why="Without TLS anyone on the network path can swap the packages being installed.",
    example="--index-url http://pypi.internal.example/simple",
    fix="Use https (and hashes for full protection).",
)
TRUSTED_HOST = BOOK.rule(
    "MLS407",
    "TrustedHost",
    "medium",
    "Trusted host disables TLS checks",
    cwe=295,
    what="--trusted-host for a package host.",
    why="It turns off certificate verification for that host, so the index can be impersonated.",
    example="--trusted-host pypi.internal.example",
    fix="Install the host's certificate authority (`--cert` or PIP_CERT) instead of disabling checks.",
)
INDEX_CREDENTIALS = BOOK.rule(
    "MLS408",
    "IndexCredentials",
    "high",
    "Credentials in an index URL",
    cwe=522,
    what=(
        "A password or token written into an index URL (`${NAME}` references, which pip fills from "
        "the environment, are not credentials and are not reported)."
    ),
    why="The credential is committed to the repository and leaks into logs, lock files and images.",
    example="--index-url https://user:token@pypi.internal.example/simple",
    fix=(
        "Remove it, rotate the credential, and use pip's keyring or netrc support, an environment "
        "reference (`https://${PIP_USER}:${PIP_TOKEN}@host/simple`) or PIP_INDEX_URL set in CI secrets."
    ),
    references=("https://pip.pypa.io/en/stable/topics/authentication/",),
)
INDEX_NOT_ALLOWED = BOOK.rule(
    "MLS409",
    "IndexNotAllowed",
    "medium",
    "Index not in the allowed list",
    cwe=494,
    what="A package index not listed in the policy's `deps.allowed_indexes`.",
    why=(
        "The policy names the indexes (for example a private proxy) this project may install from; any "
        "other index chooses code nobody agreed to."
    ),
    example="--index-url https://mirror.example.org/simple",
    fix="Use an allowed index, or add this one to `deps.allowed_indexes` after review.",
)
VCS_WITHOUT_COMMIT = BOOK.rule(
    "MLS410",
    "VcsWithoutCommit",
    "low",
    "VCS requirement without a full commit hash",
    cwe=1104,
    strict="medium",
    what="A VCS requirement pinned to a branch or tag instead of a full commit hash.",
    why=(
        "A branch or tag can be moved to other code at any time. Like an unpinned requirement (MLS413) "
        "it is pinning hygiene, low by default; `profile: strict` makes it medium."
    ),
    example="git+https://github.com/org/lib@main",
    fix="Pin the full 40-character commit: `git+https://github.com/org/lib@<sha>`.",
)
URL_WITHOUT_HASH = BOOK.rule(
    "MLS411",
    "UrlWithoutHash",
    "low",
    "Direct URL without a hash",
    cwe=494,
    strict="medium",
    what="A direct archive URL without #sha256=.",
    why=(
        "pip installs whatever the server returns at that moment. Like an unpinned requirement (MLS413) it "
        "is pinning hygiene, low by default; `profile: strict` makes it medium."
    ),
    example="https://example.org/lib-1.0.tar.gz",
    fix="Append `#sha256=<digest>` of the reviewed archive.",
)
MISSING_HASH = BOOK.rule(
    "MLS412",
    "MissingHash",
    "high",
    "Requirement without a hash in hash-checking mode",
    cwe=494,
    what="A requirement without --hash in a file where others carry one.",
    why=(
        "A single --hash puts pip in hash-checking mode: this line makes the install fail, or, if the "
        "hashes are removed to fix it, leaves the whole file unprotected."
    ),
    example="numpy==2.1.0   (next to lines with --hash=sha256:...)",
    fix=(
        "Regenerate the file with hashes for every requirement (`pip-compile --generate-hashes`, `uv pip "
        "compile --generate-hashes`)."
    ),
    references=("https://pip.pypa.io/en/stable/topics/secure-installs/#hash-checking-mode",),
)
UNPINNED = BOOK.rule(
    "MLS413",
    "Unpinned",
    "low",
    "Unpinned requirement",
    cwe=1104,
    what="A requirement without any version constraint.",
    why=(
        "Every install can pick a different release, including a compromised or breaking one. Low by default (hygiene)."
    ),
    example="transformers",
    fix=("Pin an exact version (`transformers==4.44.2`), or raise the rule in `.mlsec.yaml` to make it fail the hook."),
)
RANGE_PIN = BOOK.rule(
    "MLS414",
    "RangePin",
    "low",
    "Range instead of an exact pin",
    cwe=1104,
    what="A range (>=, ~=, <, !=, ==x.*) instead of an exact pin, in an application's requirements.",
    why=("Each install may pick another release. Ranges in a library's pyproject.toml are normal and not reported."),
    example="torch>=2.0",
    fix="Pin exact versions in applications, with a lock file for the transitive ones.",
)
BAD_INCLUDE = BOOK.rule(
    "MLS415",
    "BadInclude",
    "medium",
    "Include outside the repository, missing or cyclic",
    cwe=22,
    what=("A -r/-c include that points outside the repository, at a missing file, or back at a file already included."),
    why="It is not followed, so the requirements it would add are not checked.",
    example="-r ../../shared/requirements.txt",
    fix="Keep included files inside the repository and fix the path.",
)
ADVISORIES_NOT_CHECKED = BOOK.rule(
    "MLS416",
    "AdvisoriesNotChecked",
    "medium",
    "Known vulnerabilities not checked, or checked against old data",
    cwe=1395,
    run_wide=True,
    what=(
        "No advisory source was available (no snapshot installed, no deps.advisory_db, no --online), the "
        "advisory data is older than deps.max_snapshot_age_days (default 45), or some of its records could "
        "not be read: the pins in this file were not checked, or not fully, against known vulnerabilities. "
        "The cause belongs to the run, so it is reported once per run, on the first file it concerns, "
        "saying how many more it concerns; only files with pinned releases are concerned (a notebook's or "
        "Dockerfile's install command that pins one included), as only pins are looked up."
    ),
    why=(
        "A passing hook reads as 'no known vulnerabilities'. Without current advisory data that is not "
        "what was checked, and pre-commit hides notices: new advisories (and malicious releases) appear "
        "every day, so weeks-old data misses exactly the recent ones."
    ),
    fix=(
        "Run `mlsec advisories update` (or `mlsec advisories update --from PyPI-all.zip` on an air-gapped "
        "machine), point deps.advisory_db at a current OSV export, or use --online. To run without "
        "vulnerability checks on purpose, disable MLS416 in the policy's rules section."
    ),
)
DEPENDENCY_FILE_UNREADABLE = BOOK.rule(
    "MLS908",
    "DependencyFileUnreadable",
    "medium",
    "Dependency file could not be read",
    cwe=20,
    what=(
        "The file is not valid for its format (broken YAML or TOML, binary content, an unreadable line). "
        "Nothing in it, or in that line, was checked."
    ),
    why=(
        "A file (or a line) that is not understood is not checked, so it is reported rather than passed (fail closed). "
        "Lines holding a template placeholder (`{{ }}`, `{% %}`: a cookiecutter or copier project) are "
        "reported low: the file is rendered before pip reads it. So are lines whose project name reads "
        "but whose version pip rejects (`sagemaker>=2.0.0<3.0.0`, `numpy=1.21`): the name is judged "
        "and the version taken as unpinned."
    ),
    fix=(
        "Fix the syntax the message names; if the file is not a dependency file, rename it or exclude "
        "its path in `.mlsec.yaml`."
    ),
)
