"""What a message may say about a URL or a word found in a file: never a credential.

Findings are printed into CI logs, JSON and SARIF; a URL they quote may carry a password or a
token in its userinfo (`https://user:ghp_...@github.com/...`), its query (`?sig=...`,
`?access_token=...`) or its path (a private index's `https://pypi.fury.io/<token>/acct/`).
Messages of the code and Dockerfile hooks quote URLs only through `redact_url`/`redact_urls`:
userinfo becomes `***`, a query or fragment becomes `?***`, a path segment that is an opaque token
becomes `***`, and the path is cut to a readable length. (mlsec-deps names indexes through
`hooks._shared.urls`, which shows even less: scheme and host.)

`mask_credentials` is the last pass over every finding's message (the run hands it to core's
runner): whatever a message quotes from a file (a package name, an option's value, a magic's
name), a value of a credential format in it becomes `***`.
"""

from __future__ import annotations

import re

# scheme://[userinfo@]host[:port][/path][?query][#fragment], with `git+`/`hg+` VCS prefixes.
# The password runs to the last `@` before the path (passwords may hold `@`); when no `@` comes
# before the path, a password may itself hold `/`, `?`, `#` or quotes (`user:pa/ss@host`: pip and
# curl send it whole, so it is secret up to its `@`). Every part is bounded and each URL is matched
# once from its scheme, so the time stays linear in the text.
_URL = re.compile(
    r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.-]{0,30}://)"
    r"(?:(?P<userinfo>[^\s/?#@:]{0,256}(?::(?:[^\s/?#]{0,512}|[^\s]{0,512}?))?)@)?"
    r"(?P<host>[^\s/?#'\"<>@]*)"
    r"(?P<path>/[^\s?#'\"<>]*)?"
    r"(?P<rest>[?#][^\s'\"<>]*)?"
)
MAX_PATH = 80


def redact_url(url: str) -> str:
    match = _URL.match(url)
    if match is None:
        return url if len(url) <= MAX_PATH else url[:MAX_PATH] + "..."
    return _redacted(match) + url[match.end() :][:MAX_PATH]


# A path segment that is an opaque token rather than a name: token characters only, letters and
# digits both, and either mixed case (`1AbCdEfGhIjKlMnOpQ`) or long (a 32-hex key). Names of
# packages, indexes and files (`simple`, `nvidia-cublas-cu12`, `torch_stable.html`) stay readable.
_TOKEN_SEGMENT = re.compile(r"[A-Za-z0-9_-]{16,}")


def _opaque(segment: str) -> bool:
    """A token, not a name: some run of it between `-`/`_` (names join words with them:
    `Miniconda3-latest-Linux-x86_64`, `resnet_v2_fp32_savedmodel_NCHW`) is 16+ characters of
    letters and digits, mixed case or 32+ long."""
    if not _TOKEN_SEGMENT.fullmatch(segment):
        return False
    return any(_opaque_run(run) for run in re.split(r"[-_]", segment))


def _opaque_run(run: str) -> bool:
    if len(run) < 16 or not any(c.isalpha() for c in run) or not any(c.isdigit() for c in run):
        return False
    mixed = any(c.islower() for c in run) and any(c.isupper() for c in run)
    return mixed or len(run) >= 32


def _redacted(match: re.Match[str]) -> str:
    userinfo = "***@" if match.group("userinfo") is not None else ""
    host = match.group("host") or ""
    path = match.group("path") or ""
    if path:
        path = "/".join("***" if _opaque(segment) else segment for segment in path.split("/"))
    if len(path) > MAX_PATH:
        path = path[:MAX_PATH] + "..."
    rest = "?***" if match.group("rest") else ""
    return f"{match.group('scheme')}{userinfo}{host}{path}{rest}"


def redact_urls(text: str) -> str:
    """`text` with every URL in it redacted."""
    if "://" not in text:
        return text
    return _URL.sub(_redacted, text)


def has_userinfo(url: str) -> bool:
    match = _URL.match(url)
    return match is not None and match.group("userinfo") is not None


# A run of token characters long enough to hold a credential of a known format: only messages
# holding one are searched with the detectors (most hold none).
_CANDIDATE = re.compile(r"[A-Za-z0-9_+/=.-]{16,}")


# A word no name is made of: 24+ token characters, one run of it between `-`/`_` 16+ long with upper
# case, lower case and digits and many different characters, as generated keys are
# (`x_ghp_Ab1Cd2...` stuck to a magic's name included; `Cls00Cls00...` and
# `Miniconda3-latest-Linux-x86_64` are names).
_OPAQUE_WORD = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{24,}(?![A-Za-z0-9_-])")
_MIN_DISTINCT = 12


def _masked_word(match: re.Match[str]) -> str:
    word = match.group(0)
    # After a dot a word may be a dotted name's part (`pkg.ResNet50Weights`): a key there has the
    # digits a generated value has (3 or more), a name rarely does.
    dotted = match.start() > 0 and match.string[match.start() - 1] == "."
    for run in re.split(r"[-_]", word):
        kinds = (any(c.isupper() for c in run), any(c.islower() for c in run), any(c.isdigit() for c in run))
        digits = sum(c.isdigit() for c in run)
        keyish = len(run) >= 16 and all(kinds) and len(set(run)) >= _MIN_DISTINCT and (not dotted or digits >= 3)
        if keyish and not _named_in_words(run):
            return "***"
    return word


# A class or function name spelled in words: capitalised words of two or more lower-case letters,
# acronyms and short digit groups (`Wav2Vec2FeatureExtractor`, `TFBertForMaskedLM`). A generated
# key has lone lower-case letters between capitals and digits (`Ab1Cd2...`), or words without a
# vowel; the known credential formats are masked by their detectors whatever their shape.
_NAME_PARTS = re.compile(r"(?:[A-Z]?[a-z]{2,}|[A-Z]+(?![a-z])|[0-9]{1,2}(?![0-9]))+")
_LOWER_WORD = re.compile(r"[a-z]{2,}")


def _named_in_words(run: str) -> bool:
    """Words with vowels, and digits as names have them: at most two groups, three digits in all
    (`Wav2Vec2`, `Speech2Text`, `Qwen25VL`); a key spelled in words (`Secret16Moon80Tiger35`)
    carries more."""
    digits = _DIGIT_GROUP.findall(run)
    return (
        len(digits) <= 2
        and sum(map(len, digits)) <= 3
        and _NAME_PARTS.fullmatch(run) is not None
        and all(set(word) & set("aeiouy") for word in _LOWER_WORD.findall(run))
    )


_DIGIT_GROUP = re.compile(r"[0-9]+")


# A secret of base64's alphabet (AWS's secret access key is 40 of them): `+` and `/` are its own,
# so a run may also carry a path's slashes on either side (`dir/<secret>`).
_BASE64_SECRET = re.compile(r"(?<![A-Za-z0-9+=])[A-Za-z0-9+/]{40,200}(?![A-Za-z0-9+=])")


def _masked_base64(match: re.Match[str]) -> str:
    word = match.group(0)
    core = word.strip("/")
    kinds = (any(c.isupper() for c in core), any(c.islower() for c in core), any(c.isdigit() for c in core))
    keyish = len(core) == 40 or "+" in core
    if len(core) >= 40 and all(kinds) and len(set(core)) >= _MIN_DISTINCT and keyish:
        return word[: len(word) - len(word.lstrip("/"))] + "***" + word[len(word.rstrip("/")) :]
    return word


def mask_credentials(message: str) -> str:
    """`message` with every URL redacted and every value of a credential format, or a word only
    a generated key is made like, masked."""
    message = redact_urls(message)
    if not _CANDIDATE.search(message):
        return message
    message = _OPAQUE_WORD.sub(_masked_word, message)
    message = _BASE64_SECRET.sub(_masked_base64, message)
    from hooks._shared.credential_patterns import DETECTORS  # only for messages that may hold one

    lowered = message.lower()
    for detector in DETECTORS:
        if detector.keywords and not any(keyword in lowered for keyword in detector.keywords):
            continue
        if detector.pattern.search(message) is None:
            continue
        message = detector.pattern.sub(_masked_secret, message)
        lowered = message.lower()
    return message


def _masked_secret(match: re.Match[str]) -> str:
    start, end = match.span("secret")
    whole = match.group(0)
    offset = match.start()
    return whole[: start - offset] + "***" + whole[end - offset :]
