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
        "The exact version pinned has known vulnerabilities in the OSV records (PYSEC, GHSA, CVE ids in "
        "the message). Upgrade to the fixed version named."
    ),
)
MALICIOUS_PACKAGE = BOOK.rule(
    "MLS402",
    "MaliciousPackage",
    "critical",
    "Known-malicious package or compromised release",
    cwe=506,
    what=(
        "The package, or this release of it, was malware (OSV MAL records, and known ML incidents such as"
        " torchtriton and ultralytics 8.3.41/42/45/46). Remove it and check the machines it ran on."
    ),
)
TYPOSQUAT = BOOK.rule(
    "MLS403",
    "Typosquat",
    "high",
    "Typosquat of a popular ML package",
    cwe=1357,
    what=(
        "The name is one or two edits (or a separator or look-alike character) away from a popular ML or "
        "data package. Check the spelling; if the name is right, add it to deps.allow_names."
    ),
)
PLACEHOLDER_PACKAGE = BOOK.rule(
    "MLS404",
    "PlaceholderPackage",
    "high",
    "Placeholder or decoy package name",
    cwe=1357,
    what=(
        "The name is a decoy or a placeholder for an ML package (pytorch, sklearn, cv2, ...): it installs"
        " nothing useful, or something else."
    ),
)
EXTRA_INDEX_URL = BOOK.rule(
    "MLS405",
    "ExtraIndexUrl",
    "high",
    "Extra index URL (dependency confusion)",
    cwe=427,
    what=(
        "With --extra-index-url pip takes the highest version from any index, so a public package can "
        "shadow a private one (the torchtriton attack). Use one index that proxies both."
    ),
)
PLAIN_HTTP_SOURCE = BOOK.rule(
    "MLS406",
    "PlainHttpSource",
    "high",
    "Package source over plain http",
    cwe=319,
    what="An index, find-links location or conda channel uses http://: packages can be swapped in transit.",
)
TRUSTED_HOST = BOOK.rule(
    "MLS407",
    "TrustedHost",
    "medium",
    "Trusted host disables TLS checks",
    cwe=295,
    what="--trusted-host turns off certificate verification for that host.",
)
INDEX_CREDENTIALS = BOOK.rule(
    "MLS408",
    "IndexCredentials",
    "high",
    "Credentials in an index URL",
    cwe=522,
    what=(
        "A user name and password or token are written into an index URL. Use pip's keyring or netrc "
        "support, or environment variables."
    ),
)
INDEX_NOT_ALLOWED = BOOK.rule(
    "MLS409",
    "IndexNotAllowed",
    "medium",
    "Index not in the allowed list",
    cwe=494,
    what=(
        "The policy's deps.allowed_indexes lists the package indexes (for example a private proxy) this "
        "project may use; this one is not among them."
    ),
)
VCS_WITHOUT_COMMIT = BOOK.rule(
    "MLS410",
    "VcsWithoutCommit",
    "medium",
    "VCS requirement without a full commit hash",
    cwe=1104,
    what="A branch or tag can be moved to other code; pin the full 40-character commit.",
)
URL_WITHOUT_HASH = BOOK.rule(
    "MLS411",
    "UrlWithoutHash",
    "medium",
    "Direct URL without a hash",
    cwe=494,
    what="A direct archive URL without #sha256= installs whatever the server returns.",
)
MISSING_HASH = BOOK.rule(
    "MLS412",
    "MissingHash",
    "high",
    "Requirement without a hash in hash-checking mode",
    cwe=494,
    what=(
        "Some requirements in the file carry --hash, which puts pip in hash-checking mode; this one has "
        "none, so the install fails or the file is half-protected."
    ),
)
UNPINNED = BOOK.rule(
    "MLS413",
    "Unpinned",
    "low",
    "Unpinned requirement",
    cwe=1104,
    what=(
        "No version constraint: every install can pick a different release. Low by default; raise it in "
        "the policy's rules section if you want it to fail the hook."
    ),
)
RANGE_PIN = BOOK.rule(
    "MLS414",
    "RangePin",
    "low",
    "Range instead of an exact pin",
    cwe=1104,
    what=(
        "A range (>=, ~=, <, !=, ==x.*) lets each install pick another release. Pin exact versions in "
        "applications; ranges in a library's pyproject.toml are normal and not reported."
    ),
)
BAD_INCLUDE = BOOK.rule(
    "MLS415",
    "BadInclude",
    "medium",
    "Include outside the repository, missing or cyclic",
    cwe=22,
    what=(
        "A -r/-c include points outside the repository, at a missing file, or back at a file already "
        "included. It is not followed."
    ),
)
ADVISORIES_NOT_CHECKED = BOOK.rule(
    "MLS416",
    "AdvisoriesNotChecked",
    "medium",
    "Known vulnerabilities not checked, or checked against old data",
    cwe=1395,
    what=(
        "No advisory source was available (no snapshot installed, no deps.advisory_db, no --online), the "
        "advisory data is older than deps.max_snapshot_age_days (default 45), or some of its records could "
        "not be read: the pins in this file were not checked, or not fully, against known vulnerabilities."
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
)
