"""Does a value look like a secret, judged by its characters alone?

A generated key is long, uses its alphabet evenly and reads as no language; a human-chosen
password mixes character classes; an identifier, a path, a sentence, a placeholder or a
reference to somewhere else does none of that. `judge_value` grades a value 0 (not a secret,
with the reason), 1 (could be a password) or 2 (random like a generated key). Every test here
is linear in the value's length, and values are short (callers cap them).
"""

from __future__ import annotations

import base64
import functools
import itertools
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from hooks._shared.credential_filters import (
    COMMON_PASSWORDS,
    has_typed_run,
    is_placeholder,
    is_sequential,
    typed_runs_only,
)
from hooks._shared.written_language import ENGLISH_LETTER_PAIRS, latin_words, sentence_in_another_script

MIN_LENGTH = 8
MAX_LENGTH = 512


@dataclass(frozen=True)
class ValueShape:
    strength: int  # 0 not a secret, 1 could be a password, 2 random like a generated key
    reason: str = ""  # why it is not a secret (empty when strength > 0)


NOT_A_SECRET = ValueShape(0, "")

# Segments of a value: capitalised or lower-case words, upper-case runs, digit runs, the rest.
_SEGMENT = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+|[^A-Za-z0-9]+")
_VOWELS = frozenset("aeiouy")
_PARENTHESISED = re.compile(r"\([^()]{1,80}\)")
_KEY_SYMBOLS = re.compile(r"[#$^~{};!@*\\`|]")
_COMPARISON = re.compile(r"\w(?:==|!=|<=|>=)\w")  # `prompt%bs==3`; base64's `==` ends a value
# `Dict[str`, `Optional[List[int]]`, `config["token"]`: a subscript or a type, cut where a bare
# value ends (`credentials: Dict[str, Any] = None` in a Markdown code block).
_SUBSCRIPT = re.compile(r"[A-Za-z_][A-Za-z0-9_.]{0,40}(?:\[[A-Za-z_\"'][A-Za-z0-9_.\"']{0,40}\]?){1,4}\]{0,4}")
# A tokenizer's special token: `<|im_start|>`, `<|endoftext|>`, DeepSeek's `<｜end▁of▁sentence｜>`.
_SPECIAL_TOKEN = re.compile(r"<[|\uff5c][^\s<>|\uff5c]{1,60}[|\uff5c]>")
# What regular expressions are made of and keys and passwords are not: a class escape, a group's
# opening, a character range, a quantified class or group. Two different ones make a pattern.
_REGEX_PARTS = re.compile(
    r"\\[wdsbWDSB]|\(\?(?:[:=!]|P?<)|\[[^\]\s]{0,20}[A-Za-z0-9]-[A-Za-z0-9][^\]\s]{0,20}\]|[\])][+*?]"
)
_AZURE_ACCOUNT_KEY = re.compile(r"[A-Za-z0-9+/]{86}==")
_ONE_WORD = re.compile(r"[A-Z]?[a-z]{2,14}")  # `Injector`, `header`: how a word is written, not a key
_IMAGE_TAG = re.compile(r"v?[0-9][\w.-]{0,40}|[a-z][a-z0-9]*(?:[._-][a-z0-9]+){0,6}|sha256:[0-9a-f]{64}")
_MARKDOWN_EMPHASIS = re.compile(r"(?P<mark>\*\*|__)?(?P<inner>[^*_]+?)(?:\*\*|__)")
_NODE_ID = re.compile(r"[A-Z][A-Za-z]{0,5}_(?P<body>k[A-Za-z0-9_-]{7,60})")
_LEGACY_NODE_ID = re.compile(r"[0-9]{2,3}:[A-Z][A-Za-z]{1,40}[0-9A-Za-z:=_-]{1,40}")
_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9-]{1,63})*\.[a-z]{2,24}(?::[0-9]{1,5})?")
# Capitalised syllables, possibly ending in a short suffix (`KnowledgeBaseIdS2`, `ModelArnV2`).
_PASCAL_CASE = re.compile(
    r"(?:[A-Z][a-z]{2,12}){3,8}|(?:[A-Z][a-z]{2,12}){2,8}(?:Id(?:[A-Z]?[0-9]{1,2})?|V[0-9]{1,2}|[A-Z]?[0-9]{1,2})"
)
# Capitalised words with an acronym among them (`AzureOpenAI`, `HTTPServerError`): an enum member's
# or a class's name. At least two words with vowels, one of them read as a word, and at most four
# acronym letters (a third of the value), checked after the match: 0.3% of random 12-letter values
# and 0.005% of random 16-character base62 values fall into that rhythm.
_PASCAL_WITH_ACRONYM = re.compile(r"(?:[A-Z][a-z]{2,12}|[A-Z]{2,4}(?![a-z])){3,8}")
_PASCAL_WORD = re.compile(r"[A-Z][a-z]{2,12}")
# `AWS/Azure/GCP`, `Vertex/Bedrock`: named alternatives (capitalised words and acronyms) joined by
# slashes, as prose lists them; base64's slashes sit between runs of mixed case and digits.
_NAMED_ALTERNATIVES = re.compile(r"(?:[A-Z][a-z]{2,12}|[A-Z]{2,5})(?:/(?:[A-Z][a-z]{2,12}|[A-Z]{2,5})){1,6}")
_TITLE_WORD = re.compile(r"[A-Z][a-z]{2,12}")
# `).toString("base64")}`, `.join(",")`: a call on a member, code after an interpolation's value
# (a template literal's `${...}`); a generated key has no `.name(` in it.
_MEMBER_CALL = re.compile(r"\.[A-Za-z_][A-Za-z0-9_]{2,40}\(")
# camelCase: a short lower-case head, then capitalised humps (`bqProjectId`, `gcsBucketName`); an
# identifier only when every hump reads as a word (pronounceable generated secrets,
# `lebYnaozlaSpiul...`, have humps no word is made of).
_CAMEL_CASE = re.compile(r"[a-z]{1,12}(?:[A-Z][a-z]{2,12}){2,8}|[a-z]{1,12}(?:[A-Z][a-z]{2,12}){1,8}Id")
_CAMEL_HUMP = re.compile(r"[A-Z][a-z]{2,}")
_COMMON_BIGRAMS = ENGLISH_LETTER_PAIRS
# The cut of ENGLISH_LETTER_PAIRS drops the pairs of `j` (a rare letter) that everyday words are built of (`object`,
# `project`, `major`, `join`, `adjust`, `reject`, `inject`, `enjoy`, `Java`) and `oy` (`deploy`).
# They count only for a value that is one plain word, written as words are (`Injection`,
# `injection`): added for every run of letters, they let random upper-case and mixed-case runs
# (`UYETBRSY5JEENJOJ`, a TOTP seed) pass for words.
_PLAIN_WORD_BIGRAMS = _COMMON_BIGRAMS | frozenset({"je", "jo", "ja", "oj", "aj", "nj", "dj", "ej", "oy"})
_WRITTEN_AS_WORD = re.compile(r"[A-Z]?[a-z]+")
_PLAIN_WORD = re.compile(r"[A-Z]?[a-z]{3,40}")
_HEX = re.compile(r"[0-9a-f]+|[0-9A-F]+")
_EMAIL = re.compile(r"[^@\s]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}")
_AT_DOMAIN = re.compile(r"@[A-Za-z0-9-]{1,63}\.(?:[A-Za-z0-9-]{1,63}\.)*[A-Za-z]{2,24}(?![A-Za-z0-9])")
_NUMBERISH = re.compile(r"[0-9.,:_+\-/ ]+")  # numbers, versions, dates, times, IPs
# A float as a program prints it (`5.376289226632219e-05`, `1e+20`, a metric in a log): a
# mantissa of at most 20 digits with a decimal point, or an exponent with its sign, of at most
# three digits. (`8675309e123` or `12345...6e12`, digits around one `e`, are still judged.)
_SCIENTIFIC = re.compile(
    r"[+-]?(?:[0-9]{1,20}\.[0-9]{0,20}|\.[0-9]{1,20})[eE][+-]?[0-9]{1,3}|[+-]?[0-9]{1,20}[eE][+-][0-9]{1,3}"
)
# A semantic version with its pre-release or build part and what a lock file appends to it:
# `v1.2.3`, `v0.0.0-20230711153332-06a737ee72cb` (Go), `v0.4.0/go.mod` (go.sum), `2.1.0+cu118`.
_RANGE_OPERATOR = re.compile(r"^(?:\^|~=?|[<>]=?|==?|!=)\s*")
# RFC 4151 tag URIs as YAML and schemas name types: a domain, a date, then a short name.
_TAG_URI = re.compile(r"tag:[A-Za-z0-9.@-]+,\d{4}(?:-\d{2}){0,2}:[A-Za-z][A-Za-z./#-]{0,30}")
_VERSION = re.compile(r"v?\d{1,6}(?:\.\d{1,6}){1,3}(?:[-+][0-9A-Za-z.-]{1,64})?(?:/[A-Za-z0-9_.-]{1,40})?")
# One clause of a version range as lock files and manifests write them, PEP 440's suffixes
# included (`>=2.14.1`, `<3.0.dev0`, `<3.0dev`, `!=1.5.*`, `^0.4.0-rc.1`); a range is two or more
# joined by commas (poetry.lock: `google-auth = ">=2.14.1,<3.0.dev0"`).
_RANGE_CLAUSE = (
    r"(?:\^|~=?|[<>]=?|===?|!=)v?\d{1,6}(?:\.(?:\d{1,6}|\*)){0,4}"
    r"(?:[-+.]?(?:a|b|c|rc|alpha|beta|pre|preview|dev|post)\.?\d{0,6}){0,3}"
)
_VERSION_RANGE = re.compile(rf"{_RANGE_CLAUSE}(?:,{_RANGE_CLAUSE}){{1,5}}")
# pnpm's lock file resolves a dependency to its version followed by the versions of the peers it
# was resolved against, each in parentheses: `3.596.0(@aws-sdk/client-sts@3.596.0)(react@18.2.0)`.
_SEMVER = r"\d{1,6}(?:\.\d{1,6}){2}(?:-[0-9A-Za-z.-]{1,64})?(?:\+[0-9A-Za-z.-]{1,64})?"
_PEER_RESOLVED = re.compile(
    rf"{_SEMVER}(?:\((?:@[a-z0-9][a-z0-9._~-]{{0,100}}/)?[a-z0-9][a-z0-9._~-]{{0,100}}@{_SEMVER}\)){{1,24}}"
)
# The words of a resolved version's names and pre-release tags (`client-sts`, `rc-66855b96-20241106`):
# a number, a lower-case word, or a short mix (`base64`, a short commit); a generated value has none
# of these shapes, whatever dashes or dots cut it into.
_RESOLVED_WORDS = re.compile(r"[A-Za-z0-9]+")
_SHORT_MIX = 10
_MIXES_AT_MOST = 3
_LONG_WORDS_AT_MOST = 2


def _resolved_version(value: str) -> bool:
    """`3.596.0(@aws-sdk/client-sts@3.596.0)`: pnpm's version of a package resolved with its peers."""
    if not _PEER_RESOLVED.fullmatch(value):
        return False
    mixes = long_words = 0
    for word in _RESOLVED_WORDS.findall(value):
        if (word.isdigit() and len(word) <= 14) or (word.isalpha() and word.islower() and len(word) <= 16):
            long_words += len(word) > 8  # a timestamp, `experimental`: a few at most
            continue  # a date or build number; a word (`experimental`, `commonjs`)
        if word != word.lower() or len(word) > _SHORT_MIX:
            return False
        mixes += 1
    return mixes <= _MIXES_AT_MOST and long_words <= _LONG_WORDS_AT_MOST


_FILE_SUFFIX = re.compile(
    r"\.(?:json|ya?ml|toml|ini|cfg|conf|txt|csv|pem|key|crt|cer|p12|pfx|pub|env|py|sh|log|db|sqlite|gpg|asc|jks|"
    r"keystore|der|html?|md|png|jpe?g|gz|zip|tar|bin|pt|pkl|onnx|safetensors)$",
    re.IGNORECASE,
)
# Where a value is a pointer to a secret kept elsewhere, not the secret.
_REFERENCE_PREFIXES = (
    "os.",
    "env.",
    "env:",
    "process.env",
    "secrets.",
    "vars.",
    "settings.",
    "config.",
    "self.",
    "cls.",
    "args.",
    "opts.",
    "options.",
    "getenv",
    "environ",
    "userdata.",
    "dbutils.",
    "vault:",
    "vault://",
    "ssm:",
    "arn:aws:",
    "projects/",
    "@microsoft.keyvault",
    "keyvault:",
    "op://",
    "sm://",
    "gcp-secret",
    "!ref",
    "!sub",
    "!getatt",
    "{{resolve:",
    "file:",
    "env(",
    "enc[",
)
_HASHED_PASSWORD = re.compile(
    r"^(?:\$2[abxy]?\$|\$argon2|\$[1-6]\$|\$pbkdf2|sha1:|sha256:|argon2:|pbkdf2_|\{SSHA\}|md5\$)"
)
_LEET = str.maketrans({"@": "a", "4": "a", "0": "o", "1": "i", "!": "i", "3": "e", "$": "s", "5": "s", "7": "t"})
# At most two letters of a joined word swapped (`s3cr3t`, `passw0rd`); more are chosen one by one.
_LEET_CHARACTERS = frozenset("@401!3$57")
_VARIABLE = re.compile(r"\$\$?[A-Za-z_][A-Za-z0-9_]*|\$\{.*\}|\$\(.*\)|%[A-Za-z_][A-Za-z0-9_]*%|\{[A-Za-z_][\w.]*\}")
_DOTTED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+(?:\(\))?")
_CALL = re.compile(r"([A-Za-z_][A-Za-z0-9_]*(?:(?:\.|::|->)[A-Za-z_][A-Za-z0-9_]*)*)\(")
# A qualified name's call whose arguments were cut off where a quoted argument begins: Rust's and
# C++'s `std::env::var(`, PHP's `$this->config(` after its `$`, Python's `os.environ.get(`.
_OPEN_CALL = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:(?:\.|::|->)[A-Za-z_][A-Za-z0-9_]*)+\(")
_CALL_CHAIN = re.compile(r"[A-Za-z_][\w.]*\([^()]{0,200}\)(?:\.[A-Za-z_]\w*(?:\([^()]{0,200}\))?)+")
_MEMBER = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*(?:\$|::|->)[A-Za-z_][A-Za-z0-9_]*")
_INTERPOLATION = re.compile(r"\$\{|\$\(|\$[A-Z_][A-Z0-9_]{2,}")
_LOWER_VARIABLE = re.compile(r"\$([a-z_]{4,})(?![A-Za-z0-9])")
# Sequences that occur in code, not in generated keys or chosen passwords.
_CODE_MARKS = ("){", "};", "===", "!==", "=>", "();", "||", "\\n", "\\t")
_ASSIGNMENT_PAIR = re.compile(r"(?P<key>[A-Za-z_][A-Za-z0-9_.-]{0,30})=(?P<value>.+)")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+Z?|0x[0-9a-fA-F]+")
# A value naming what it is instead of being it: `nvidiaapikey`, `mysecretpassword`, `token_here`.
_CREDENTIAL_WORDS = re.compile(r"(?i)api_?key|passw(?:or)?d|secret|token|changeme|credential")
# `T81_558_KEY`, `OPENAI_KEY`: a constant's or an environment variable's name ending in a credential
# word, as prose names the setting ("Secret T81_558_KEY does not exist"); no generator writes one.
_CONSTANT_CREDENTIAL_NAME = re.compile(r"[A-Z][A-Z0-9]{0,30}(?:_[A-Z0-9]{1,30}){0,6}_(?:KEY|KEYS|AUTH|PASS|PWD|PW|PAT)")
# A product as protocols and user agents name it: an acronym, a word or a few joined words, then a
# short release number (`HTTP/1.1`, `Mozilla/5.0`, `python-requests/2.31.0`); random letters mixed
# with digits, or a four-digit "version" (`Summer/2024`), are not.
_PRODUCT_VERSION = re.compile(
    r"[A-Z]{2,5}/[0-9](?:\.[0-9]{1,2})?"  # a protocol: `HTTP/1.1`, `HTTP/2`, `RTSP/1.0`
    r"|[A-Z]?[a-z]{2,20}(?:[-_.][A-Za-z]{2,20}){0,2}/v?[0-9]{1,3}(?:\.[0-9]{1,6}){0,3}"
)
# A name that holds a password (not a key or a token, which are generated, not chosen).
# Under a password's name, a run of letters longer than this is a passphrase of joined words
# (the length credential_context gives a word of a sentence).
_PASSPHRASE_RUN = 12
_PASSWORD_NAME = re.compile(r"(?i)passw(?:or)?d|passwd|\bpwd|_pwd|pass(?:phrase)?$")
# Words with digits or symbols added, no separators: `Californiahousing1`, `Summer2024!`,
# `postgres&6#9^2*8` (a password rule's symbols and digits, in any order).
# An identifier separates its parts (`model_v2`, `data.version1`) or humps them (`modelName2`).
# One letter run (three adjacent quantifiers over it backtracked cubically: 0.4 s per 512-char value).
_CHOSEN_PASSWORD = re.compile(r"[A-Za-z][a-z]{2,}(?P<tail>[0-9!@#$%^&*?~+=]+)")
# The user before a login's password (`postgres:...`, `admin:...`): one lower-case name; and the
# names that hold such a pair (`DB_CREDENTIALS`, `ADMIN_PASSWORD`), not `auth_provider: github:oauth2`.
_LOGIN_USER = re.compile(r"[a-z][a-z0-9_.-]{0,31}")
_LOGIN_PAIR_NAME = re.compile(r"(?i)pass|pwd|credential|secret")


def _chosen_password_tail(value: str) -> str | None:
    """The digits and symbols after the word of a password chosen that way; None for another value."""
    match = _CHOSEN_PASSWORD.fullmatch(value)
    return match["tail"] if match is not None and not is_identifier(value) else None


def _chosen_password(value: str) -> bool:
    return _chosen_password_tail(value) is not None


def _chosen_by_a_person(value: str, name: str) -> bool:
    """A password as people choose one, under a name that holds one: the whole value, or the
    password of a login written `user:password` under a credential's name (`DB_CREDENTIALS`),
    whose tail is three or more symbols and digits (`aws:default@2`, `oidc:github@1` are a
    provider's profile and version)."""
    if _PASSWORD_NAME.search(name) and _chosen_password(value):
        return True
    user, colon, password = value.partition(":")
    tail = _chosen_password_tail(password) if colon else None
    return (
        tail is not None
        and len(tail) >= 3
        and len(password) >= 8
        and _LOGIN_PAIR_NAME.search(name) is not None
        and _LOGIN_USER.fullmatch(user) is not None
        and not is_common_password(password)
    )


_VENDOR = re.compile(r"[a-z]{2,10}(?:_v[0-9])?[_-]")
# (`MLRUN_HTTPDB__DSN`: a double underscore nests settings in pydantic and dynaconf names.)
_SEPARATED_NAME = re.compile(r"[A-Z][A-Z0-9]*(?:[_.\-]{1,2}[A-Z0-9]+)+|[a-z][a-z0-9]*(?:[_.\-]{1,2}[a-z0-9]+)+")
_SEPARATORS = re.compile(r"[-_.:]")
_VENDOR_PREFIX = re.compile(r"[A-Za-z]{1,10}[-_.]|[a-z]{2,8}(?=[0-9a-f]{16,}$)")
_LITERALS = frozenset("true false none null nil undefined yes no on off n/a na empty unset default required".split())


def unquote_percent(value: str) -> str:
    if "%" not in value:
        return value
    from urllib.parse import unquote

    return unquote(value)


def shannon_entropy(value: str) -> float:
    counts = Counter(value)
    total = len(value)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def alphabet_size(value: str) -> int:
    """The size of the alphabet the value was most plausibly drawn from."""
    if _HEX.fullmatch(value) and any(c.isdigit() for c in value):
        return 16
    size = 0
    if any(c.islower() for c in value):
        size += 26
    if any(c.isupper() for c in value):
        size += 26
    if any(c.isdigit() for c in value):
        size += 10
    symbols = {c for c in value if not c.isalnum()}
    if symbols:
        size += 2 if symbols <= set("-_+/=.") else 16
    return max(size, 2)


def entropy_ratio(value: str) -> float:
    """Shannon entropy as a share of the most a value of this length and alphabet can have:
    close to 1 for random values, low for repeats and for a few letters used again and again.
    A vendor prefix (`sk-`, `dapi`) and separators (`-` in a UUID) are left out."""
    body = _SEPARATORS.sub("", _VENDOR_PREFIX.sub("", value, count=1)) or value
    if len(body) < 6:
        body = value
    best = math.log2(min(alphabet_size(body), len(body)))
    return shannon_entropy(body) / best if best > 0 else 0.0


def switch_rate(value: str) -> float:
    """How often neighbouring characters change class (lower, upper, digit, other): around 0.6
    in random base62, 0.3 or more in any random mix, rare inside words and identifiers."""
    if len(value) < 2:
        return 0.0
    kinds = [0 if c.islower() else 1 if c.isupper() else 2 if c.isdigit() else 3 for c in value]
    return sum(a != b for a, b in itertools.pairwise(kinds)) / (len(value) - 1)


def char_classes(value: str) -> int:
    return sum(
        (
            any(c.islower() for c in value),
            any(c.isupper() for c in value),
            any(c.isdigit() for c in value),
            any(not c.isalnum() for c in value),
        )
    )


def _wordlike(segment: str, *, plain_word: bool = False) -> bool:
    """A run of letters that reads as a word: it has a vowel and its letter pairs are the pairs
    words are made of (one unusual pair allowed in a long word: `github`, `kubectl`). With
    `plain_word` (the whole value is one word in lower or title case) the pairs of `j` count too."""
    lowered = segment.lower()
    if len(lowered) < 3 or not any(c in _VOWELS for c in lowered):
        return False
    if "ject" in lowered and _WRITTEN_AS_WORD.fullmatch(segment):
        # `-ject-`, the one family of everyday words the cut's missing `j` pairs leave out
        # (`project`, `object`, `subject`, `inject`): read with pairs the cut keeps. Other `j`
        # pairs stay unusual in a run of a longer value: pronounceable generators (pwgen) join
        # syllables such as `joph`, `majo`, `jooree` into passwords.
        lowered = lowered.replace("ject", "sect")
    pairs = _PLAIN_WORD_BIGRAMS if plain_word else _COMMON_BIGRAMS
    unusual = sum(lowered[i : i + 2] not in pairs for i in range(len(lowered) - 1))
    return unusual == 0 or (unusual == 1 and len(lowered) >= 6)


def word_coverage(value: str) -> float:
    """The share of the value's letters and digits that sit in words: near 1 for identifiers
    and prose (`passwordFromEnvironment`, `my_api_key`, `CYBER_DEV_DAY`), low for generated
    keys. Short upper-case runs that are no word (acronyms: `HTTP`, `NGC`) count for neither
    side when words surround them."""
    letters = 0
    covered = 0
    acronyms = 0
    plain_word = _PLAIN_WORD.fullmatch(value) is not None
    segments = _SEGMENT.findall(value)
    for index, segment in enumerate(segments):
        if not segment[0].isalnum():
            continue
        wordlike = segment.isalpha() and _wordlike(segment, plain_word=plain_word)
        if segment.isupper() and not wordlike and len(segment) <= 5 and len(segments) > 1:
            acronyms += len(segment)
            continue
        letters += len(segment)
        if wordlike:
            covered += len(segment)
        elif segment.isdigit() and index == len(segments) - 1 and len(segment) <= 4 and index > 0:
            covered += len(segment)  # `model2024`, `user1`: a word with a number after it
    if letters == 0:
        return 0.0 if acronyms else 1.0
    if covered < acronyms:
        return covered / (letters + acronyms)  # mostly upper-case runs: judge them as letters
    return covered / letters


def _named_parts(qualified: str) -> bool:
    """`std::env::var`, `os.environ.get`, `Settings::apiKey`: every part a short lower-case name
    (`std`, `os`, `env`) or mostly words, as code names things; runs of mixed case and digits
    (`Zq8.Rt5y::Wm3`, `aK9x->Qz7p`) are how generated keys and chosen passwords look."""
    parts = re.split(r"\.|::|->", qualified)
    return all(_SHORT_NAME.fullmatch(part) or word_coverage(part) >= 0.6 for part in parts)


_SHORT_NAME = re.compile(r"[a-z_]{1,4}")


# A pointer type or a dereference written before a name (`*mlx.Array`, `&cfg.token`, `**kwargs`).
_POINTER = re.compile(r"[*&]{1,2}[A-Za-z_][\w.]{0,200}")
# The names ssh-keygen gives key files (`~/.ssh/id_ed25519`, `id_rsa.pub`, `id_ecdsa_sk`): a value
# equal to one names where a key lives, not the key.
_KEY_FILE_NAME = re.compile(r"id_(?:rsa|dsa|ecdsa|ed25519|xmss)(?:_sk)?(?:\.pub)?", re.IGNORECASE)


def is_reference(value: str) -> bool:
    """An expression or pointer (env var, attribute chain, call, secret-manager path), not a literal."""
    bare = value.lstrip("\\")
    if _POINTER.fullmatch(bare) and is_reference(bare.lstrip("*&")):
        return True  # `Token *mlx.Array` (a Go field's type), `&cfg.token`, `**args.secret`: a type or a pointer
    lowered = bare.lower()
    if lowered.startswith(_REFERENCE_PREFIXES) or bare.startswith("=="):
        return True  # os.environ[...], vault:..., ==comparison
    if _VARIABLE.fullmatch(bare) or _INTERPOLATION.search(bare):
        return True  # $HF_TOKEN, $$HF_TOKEN, %API_KEY%, {api_key}, or text with ${X}, $(cmd), $PROJECT_ID in it
    if any(word_coverage(name) >= 0.75 for name in _LOWER_VARIABLE.findall(bare)):
        return True  # `--secret=$secret_name-prod`
    if _DOTTED.fullmatch(bare) and word_coverage(bare) >= 0.5:
        return True  # settings.SECRET_KEY, a.b.c
    if _MEMBER.fullmatch(bare):
        return True  # json_resp$token (R), Config::TOKEN, obj->secret
    if _OPEN_CALL.fullmatch(bare) and _named_parts(bare[:-1]):
        return True  # `let api_key = std::env::var("KEY")` in a README's Rust: the value is read at run time
    if (_CALL.match(bare) and bare.endswith(")")) or _CALL_CHAIN.fullmatch(bare):
        return True  # get_secret("x"), p.getChild(2), uuid.uuid4().hex
    return any(mark in bare for mark in _CODE_MARKS)


def is_identifier(value: str) -> bool:
    """CONSTANT_CASE, snake_case, kebab-case or dotted names whose parts are words or short
    abbreviations (`OPENAI_API_KEY`, `db-credentials`, `AF_INET6`), not a generated key."""
    if not _SEPARATED_NAME.fullmatch(value):
        return False
    parts = [p for p in re.split(r"[_.\-]+", value) if p]
    if len(parts) < 2:
        return False
    digits = sum(c.isdigit() for c in value)
    return digits <= len(value) // 5 and sum(len(p) for p in parts) / len(parts) >= 3


# A name after a host as Kubernetes label keys and registries write it: lower case, in parts
# (`topology.gke.io/zone`, `node.kubernetes.io/instance-type`); a generated value mixes cases.
_LABEL_NAME = re.compile(r"[a-z][a-z0-9]{0,20}(?:[-_.][a-z0-9]{1,20}){0,4}")


def is_path(value: str) -> bool:
    if value.startswith(("/", "~/", "./", "../", "file:")) or re.match(r"[A-Za-z]:[\\/]", value):
        # A leading slash is also how some base64 starts; a path has words between its slashes.
        parts = [p for p in re.split(r"[\\/]", value) if p]
        return not parts or sum(word_coverage(p) >= 0.5 or len(p) < 6 for p in parts) >= len(parts) / 2
    if _FILE_SUFFIX.search(value):
        return True
    if "/" in value:
        parts = value.split("/")
        if all(word_coverage(p) >= 0.6 or len(p) < 4 for p in parts if p):
            return True  # org/model, a/b/c
        last, _, digest = parts[-1].partition("@")
        last, _, tag = last.partition(":")
        names = [*parts[1:-1], last]
        plain_reference = (not tag or _IMAGE_TAG.fullmatch(tag)) and (not digest or _IMAGE_TAG.fullmatch(digest))
        if (
            plain_reference
            and _HOST.fullmatch(parts[0])
            and all(word_coverage(p) >= 0.6 or len(p) < 4 or _LABEL_NAME.fullmatch(p) for p in names if p)
        ):
            # `ghcr.io/github/github-mcp-server`: a registry host, then worded names (an image or a
            # repository); neither base64 alphabet has a dot.
            return True
        # `lakshyakh93/deberta_finetuned_pii`: an owner's handle, then a worded name. A slash
        # beside `_` or `-` fits neither base64 alphabet (standard has `+/`, URL-safe `-_`).
        return (
            len(parts) == 2
            and all(parts)
            and any(c in "_-" for c in value)
            and not any(c in "+=" for c in value)
            and word_coverage(parts[1]) >= 0.6
        )
    return False


def _normalised(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def equals_name(value: str, name: str) -> bool:
    """`OPENAI_API_KEY="OPENAI_API_KEY"`, `token: YOUR_TOKEN`, `--password PASSWORD`."""
    plain_value = _normalised(value)
    plain_name = _normalised(name)
    if not plain_value or not plain_name:
        return False
    return plain_value == plain_name or (len(plain_name) >= 5 and plain_name in plain_value)


def is_common_password(value: str) -> bool:
    lowered = value.lower()
    if lowered in COMMON_PASSWORDS:
        return True
    if _common_word(lowered) or _typed_rows(lowered):
        return True
    # `s3cr3t_p4ss`, `admin-passw0rd`, a login `admin:admin` (`admin/admin` in docs): two such words
    # joined, as examples and default logins are written: each word bare, with at most two letters
    # swapped, in one case or capitalised. Tails, three words, or case and leet chosen letter by letter
    # (`admin:Dragon#2698`, `dr4g0n:m0nk3y:5up3rm4n`, `@dM!n1$7r4T0r:$uPeRu$3R`) make a password.
    parts = _PASSWORD_JOINS.split(lowered)
    written = _PASSWORD_JOINS.split(value)
    return (
        len(parts) == 2  # three or more words are a passphrase (`dr4g0n:m0nk3y:5up3rm4n`)
        and all(part in COMMON_PASSWORDS or part.translate(_LEET) in COMMON_PASSWORDS for part in parts)
        and all(sum(character in _LEET_CHARACTERS for character in part) <= 2 for part in parts)
        and all(part == part.lower() or part == part.capitalize() for part in written)
    )


_PASSWORD_JOINS = re.compile(r"[_.:/-]")  # `admin:admin`, and `admin/admin` as docs write a login
# What people type along a row: the alphabet, the digits, a keyboard's rows.
_TYPED_ROWS = ("abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_LETTER_OR_DIGIT_RUNS = re.compile(r"[a-z]+|[0-9]+")


def _typed_rows(lowered: str) -> bool:
    """`asdf1234`, `abcd1234`, `zyx987`: a run of letters and a run of digits, each typed along a
    row (either way), at most 12 characters; the passwords every breach list starts with. (More
    runs, `abc123XYZ987`, are how people choose a password: judged as one.)"""
    runs = _LETTER_OR_DIGIT_RUNS.findall(lowered)
    if len(lowered) > 12 or "".join(runs) != lowered or len(runs) != 2:
        return False
    return all(len(run) >= 3 and any(run in row or run[::-1] in row for row in _TYPED_ROWS) for run in runs)


# What people add to a word to pass a password rule: `password123!`, `admin@2024`, `root#1`: a symbol
# and up to four digits, either way round. A longer tail (`#9862&*`, `&66#&62#`) is a password of its own.
_WORD_TAIL = re.compile(r"(?:[!@#$%^&*._\-]?[0-9]{0,4}|[0-9]{0,4}[!@#$%^&*._\-])$")


def _common_word(lowered: str) -> bool:
    stem = _WORD_TAIL.sub("", lowered.translate(_LEET), count=1)
    return stem in COMMON_PASSWORDS or stem.translate(_LEET) in COMMON_PASSWORDS


_FIELD_SEPARATORS = re.compile(r"[-_.:=&;,|@ ]+")
_VERSION_FIELD = re.compile(r"v[0-9]{1,3}")


def _plain_field(field: str) -> bool:
    """A field no generator wrote: digits, a version, a one-case run of three letters or fewer
    (`sk`, `or`, `sco`), a word, or base64 of JSON (a JWT's header: `{"alg":"RS256"}` is no secret)."""
    if field.isdigit() or _VERSION_FIELD.fullmatch(field):
        return True
    if field.isalpha() and (field.islower() or field.isupper()) and len(field) <= 3:
        return True  # `sk`, `or`, `sco`: abbreviations (four random letters are a key's group)
    if field.isalpha() and word_coverage(field) >= 0.75:
        return True
    return _base64_json(field)


def _base64_json(field: str) -> bool:
    if not field.startswith("eyJ") or len(field) > 2048:
        return False
    try:
        decoded = base64.urlsafe_b64decode(field + "=" * (-len(field) % 4)).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return False
    if not (decoded.startswith("{") and decoded.rstrip().endswith("}") and decoded.isprintable()):
        return False
    # A JWT's header (`{"alg":"RS256","typ":"JWT"}`) names an algorithm; other JSON in base64
    # (a tunnel token `{"a":..,"t":..,"s":<secret>}`, a service-account key) may carry a secret.
    return '"alg"' in decoded and len(decoded) <= 200


def _only_plain_fields(value: str) -> bool:
    """Two fields or more, every one plain: the value is made of names and numbers. Not a run of
    five or more groups split by one separator with no word among them (`XJQ-4821-PZT-9937-MKL`):
    that is how recovery and licence keys print their random groups."""
    fields = [f for f in _FIELD_SEPARATORS.split(value) if f]
    if len(fields) < 2 or not all(_plain_field(f) for f in fields):
        return False
    separators = set(_FIELD_SEPARATORS.findall(value))
    grouped = len(fields) >= 5 and len(separators) == 1
    return not (grouped and not any(len(f) >= 4 and f.isalpha() and word_coverage(f) >= 0.75 for f in fields))


def _without_vendor_prefix(value: str) -> str:
    """`nvapi-CYBER_DEV_DAY` -> `CYBER_DEV_DAY`: what follows a vendor prefix says whether the
    rest is a key or a name."""
    match = _VENDOR.match(value)
    return value[match.end() :] if match and len(value) - match.end() >= 4 else value


# Names of values people choose and type (passwords, passcodes, PINs, credentials and logins,
# shared secrets such as a SECRET_KEY): a value typed from runs is still theirs. Keys and tokens
# are generated.
_CHOSEN_SECRET_NAME = re.compile(
    r"(?i)pass|pwd|(?:^|[^a-z])pw(?:[^a-z]|$)|(?:^|[^a-z])pin(?:[^a-z]|$)|secret|credential|login|auth(?!or)"
    r"|kennwort|contrase|mot_?de_?passe"
)


_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_ASCII_ESCAPE = re.compile(r"\\u00([0-7][0-9a-fA-F])|\\x([0-7][0-9a-fA-F])")


def ascii_unescaped(value: str) -> str:
    """The text a JavaScript, JSON or Python string literal holds when its value writes ASCII
    characters as escapes (`\\u003c` is `<`). Escapes of other scripts stay as written: a
    password typed in Chinese and stored as JSON escapes is judged as before (`_escaped_letters`)."""
    if "\\" not in value:
        return value
    return _ASCII_ESCAPE.sub(lambda match: chr(int(match.group(1) or match.group(2), 16)), value)


def _other_script_start(value: str) -> int:
    """Where the first character beyond ASCII that is not a Latin letter is (`len(value)` if none):
    a letter of another script, or a mark, space or punctuation of a non-ASCII block (`，`, `。`).
    Accented Latin letters (`ü`, `é`) stay: Latin-script prose separates its words with spaces."""
    for index, char in enumerate(value):
        if ord(char) > 0x7F and not (char.isalpha() and unicodedata.name(char, "").startswith("LATIN ")):
            return index
    return len(value)


def _escaped_letters(value: str) -> bool:
    """Text in another script written as escapes: two or more `\\uXXXX` of letters beyond ASCII
    (CJK, Cyrillic, Greek, ...) that make most of the value. A key with a few escaped letters
    among random ASCII (`Gr\\u00fcn\\u00e4Kp7vQ2...`, JSON's escaping of a chosen secret) is not."""
    head = value[:4096]
    letters = [c for c in _UNICODE_ESCAPE.findall(head) if int(c, 16) > 0x7F and chr(int(c, 16)).isalpha()]
    escaped = 6 * len(letters)  # characters the escapes take
    return len(letters) >= 2 and 2 * escaped >= len(head)


@functools.lru_cache(maxsize=4096)
def judge_value(
    value: str, name: str = "", extra_placeholders: tuple[re.Pattern[str], ...] = (), *, catalogue: bool = False
) -> ValueShape:
    """How much `value` looks like a secret; `name` is what it was assigned to, if anything.
    `catalogue`: the file is a catalogue of text (`written_language.text_catalogue`), where words
    of other languages and sentences of other scripts are the interface's labels."""
    pair = _ASSIGNMENT_PAIR.fullmatch(value)
    if pair and not any(c.isdigit() for c in pair.group("key")):
        value = pair.group("value")  # `id=HF_TOKEN`, `token=abc...`: judge what is assigned
    emphasis = _MARKDOWN_EMPHASIS.fullmatch(value)
    if (
        emphasis
        and emphasis.group("mark") is None
        and _ONE_WORD.fullmatch(emphasis.group("inner"))
        and not _PASSWORD_NAME.search(name)
    ):
        # `- **Token Injector**: adds ...`: the closing mark of a bold phrase in Markdown prose;
        # the "value" is that phrase's last word
        return ValueShape(0, "the end of a bold phrase in Markdown (`**Token Injector**`)")
    if emphasis:
        value = emphasis.group("inner")  # `**sk-...**`: judged without Markdown's marks
    # `f"Failed retrieving secrets {project}/{provider}"`, `project:{self.project}`: the fields are
    # filled at run time; only the text around them is written here. Not under a password's name
    # (people put braces in the passwords they choose), and not `${x}`, a shell's or a template
    # literal's interpolation, which is a reference (judged below).
    if not _PASSWORD_NAME.search(name) and ("{" in value or "}" in value) and not _INTERPOLATION.search(value):
        fixed = fixed_text(value)
        value = value if fixed is None else fixed
    if not value.isascii() and not _CHOSEN_SECRET_NAME.search(name):
        # A key or token is generated, and every encoding of random bytes (hex, base32/58/62/64,
        # a provider's format) writes it in ASCII. Where another script starts, a key has ended:
        # Thai and CJK prose runs its words together (`token ไปหาค่า...`, `token 分類](...)`), so
        # the space that ends a value in English never comes. A value typed under a password's or
        # a secret's name is a person's choice, in any script, and is judged whole.
        head = value[: _other_script_start(value)]
        if not head:
            return ValueShape(0, "text in another script after a key's name (`token ไปหาค่า`): prose, not a key")
        value = head
    length = len(value)
    if length < MIN_LENGTH:
        return ValueShape(0, "too short")
    if length > MAX_LENGTH:
        return ValueShape(0, "too long for one credential")
    if any(c.isspace() for c in value):
        return ValueShape(0, "contains spaces: prose, not a key")
    if catalogue and not value.isascii() and sentence_in_another_script(value):
        # `passwordReq: "パスワードは8文字以上である必要があります。"` in a translation file: the
        # script's own punctuation ends a sentence; under a password's name too (a label for it)
        return ValueShape(0, "a sentence in another script (`...必要があります。`): text, not a key")
    if not _CHOSEN_SECRET_NAME.search(name) and _escaped_letters(value):
        # `Token \u5316\u3002\u60A8...` in a bundled translation file: text in another script,
        # written as JavaScript/JSON escapes; no key is written in escaped letters.
        return ValueShape(0, "escaped letters of another script (`\\u5316\\u3002`): translated text, not a key")
    if not value.isprintable():
        return ValueShape(0, "not printable")
    lowered = value.lower()
    if lowered in _LITERALS:
        return ValueShape(0, "a literal keyword")
    if _KEY_FILE_NAME.fullmatch(value):
        return ValueShape(0, "the name ssh-keygen gives a key file (`id_ed25519`): where a key lives, not a key")
    if "://" in value:
        return ValueShape(0, "a URL (its password, if any, is judged as URL credentials)")
    if _TAG_URI.fullmatch(value):
        return ValueShape(0, "a tag URI (`tag:yaml.org,2002:str`), a name")
    expression = (
        _CALL.match(value)
        or _PARENTHESISED.fullmatch(value)
        or _COMPARISON.search(value)
        or value.count(")") > value.count("(")
    ) and _of_words(value)
    if _SUBSCRIPT.fullmatch(value) and "[" in value and _of_words(value):
        expression = True
    if _MEMBER_CALL.search(value) and _of_words(value.replace("${", "").replace("}", "")):
        expression = True
    if expression and not _PASSWORD_NAME.search(name):
        # `answer, token_stats = llm(prompt, model=model)` in a Markdown code block, `token
        # (prompt%bs==3)` in a comment: an expression, code in prose
        return ValueShape(0, "a call, a subscript or a parenthesised expression (`llm(prompt`, `Dict[str`), code")
    if value[:1] in "[{" and value[1:2] in "\"'[{" and value[-1:] in "]}":
        return ValueShape(0, 'a JSON or list literal (`["unknown.com-1/gpu"]`), not one value')
    if _SPECIAL_TOKEN.fullmatch(value):
        return ValueShape(0, "a tokenizer's special token (`<|im_start|>`)")
    if _regex_like(value):
        return ValueShape(0, "a regular expression (`\\w+`, `(?:`, `[0-9a-z]+`)")
    if name.lower() == "accountkey" and _stand_in_account_key(value):
        # An Azure Storage account key is 64 bytes in base64 (88 characters): anything else in a
        # connection string's AccountKey is a stand-in (`AccountName=test;AccountKey=Yabc983...`)
        return ValueShape(0, "not an Azure Storage account key's shape (88 base64 characters)")
    if is_github_node_id(value):
        return ValueShape(0, "a GitHub GraphQL node id (`LA_kwDO...`, `MDU6TGFiZWw...`), a public object id")
    if value.endswith(("..", "\u2026")):
        return ValueShape(0, "elided: an example, not a value")
    if is_placeholder(value, extra_placeholders) or "&lt;" in lowered or "&gt;" in lowered:
        return ValueShape(0, "a placeholder")
    if name and not _PASSWORD_NAME.search(name) and _typed_vendor_example(value):
        return ValueShape(0, "a typed run (`AbCdEf`, `123456`) in a generated body: an example")
    if name and not _CHOSEN_SECRET_NAME.search(name) and typed_runs_only(value):
        return ValueShape(0, "typed runs only (`abc123XYZ987`) given to a key or token: a stand-in")
    if _CREDENTIAL_WORDS.search(value) or _CONSTANT_CREDENTIAL_NAME.fullmatch(value):
        return ValueShape(0, "it names a credential instead of being one")
    if is_reference(value):
        return ValueShape(0, "a reference to a value kept elsewhere")
    if _HASHED_PASSWORD.match(value):
        return ValueShape(0, "a password hash, not the password")
    if name and equals_name(value, name):
        return ValueShape(0, "the value repeats its name")
    if _EMAIL.fullmatch(value) or _AT_DOMAIN.search(unquote_percent(value)):
        return ValueShape(0, "an e-mail address or user@host")
    if (
        (_NUMBERISH.fullmatch(value) and not (value.isdigit() and length >= 20))
        or _DATETIME.fullmatch(value)
        or (("e" in value or "E" in value) and _SCIENTIFIC.fullmatch(value))
    ):
        return ValueShape(0, "a number, version, date or address")
    if (
        _VERSION.fullmatch(value)
        or _VERSION.fullmatch(_RANGE_OPERATOR.sub("", value, count=1))
        or _VERSION_RANGE.fullmatch(value)
        or _resolved_version(value)
    ):
        # `^3.529.0`, `~1.2.3`, `>=2.0.1`: a dependency's version range (package.json, pyproject)
        return ValueShape(0, "a release version or version range (`v0.4.0/go.mod`, `^3.529.0`, `1.0.0(react@18.2.0)`)")
    if name and _PRODUCT_VERSION.fullmatch(value) and not _CHOSEN_SECRET_NAME.search(name):
        # `"PUT /latest/api/token HTTP/1.1" 200` in a request log, `Mozilla/5.0`: how protocols and
        # user agents name themselves, a product and its version (RFC 9110 `product/version`)
        return ValueShape(0, "a product and its version (`HTTP/1.1`, `Mozilla/5.0`)")
    if is_path(value):
        return ValueShape(0, "a path or model id")
    if (
        not _PASSWORD_NAME.search(name)
        and _NAMED_ALTERNATIVES.fullmatch(value)
        and any(any(c in _VOWELS for c in word) for word in _TITLE_WORD.findall(value))
    ):
        return ValueShape(0, "named alternatives joined by slashes (`AWS/Azure/GCP`): prose")
    if is_common_password(value) or is_sequential(value):
        return ValueShape(0, "a well-known password")
    if not _PASSWORD_NAME.search(name) and (
        (
            _PASCAL_CASE.fullmatch(value)
            and all(any(c in _VOWELS for c in part.lower()) for part in _SEGMENT.findall(value) if len(part) >= 3)
        )
        or (_CAMEL_CASE.fullmatch(value) and all(_wordlike(hump) for hump in _CAMEL_HUMP.findall(value)))
        or (_pascal_with_acronym(value) and not _CHOSEN_SECRET_NAME.search(name))
    ):
        # `{"Key": "AmazonDataZoneDomain"}`, `["bqProjectId", ...]`: capitalised syllables are an
        # identifier (random letters never fall into them); under a password name they may be a
        # passphrase, judged as usual.
        return ValueShape(0, "words or an identifier")
    rest = _without_vendor_prefix(value)
    words = word_coverage(value)
    if (
        words >= 0.75
        or is_identifier(value)
        or word_coverage(rest) >= 0.75
        or is_identifier(rest)
        # `Adgangskode`, `API-Schlüssel` in a catalogue of text: a word of a language whose letter
        # pairs the English ones above do not cover, written and pronounced as a word (elsewhere
        # such a run may be a generator's: pwgen's `Ohngieeb`). Under a password's name a run
        # longer than a sentence's word is a passphrase of joined words (`Wolfhoundwombatkazoo`),
        # in any language (`Instansadgangskode` too).
        or (catalogue and latin_words(value, _PASSPHRASE_RUN if _PASSWORD_NAME.search(name) else None))
    ):
        if _chosen_by_a_person(value, name):
            return ValueShape(1)  # `password = "Californiahousing1"`: how people choose passwords
        return ValueShape(0, "words or an identifier")
    if _only_plain_fields(value) and not _chosen_by_a_person(value, name):
        # `sk-or-v1-test`, `rf_key:user:12345`, a SAS string without its `sig=`, a JWT header
        # with no signature: vendor prefixes, words, numbers and short fields, and no generated
        # run anywhere. A real key's body is one (`sk-or-v1-` + 64 hex digits).
        return ValueShape(0, "words, numbers and short fields: no generated part")
    classes = char_classes(value)
    ratio = entropy_ratio(value)
    distinct = len(set(value))
    if ratio < 0.55 or distinct < 6:
        return ValueShape(0, "too little randomness")
    switches = switch_rate(value)
    if length >= 16 and ratio >= 0.72 and words <= 0.5 and classes >= 2 and switches >= 0.2:
        return ValueShape(2)
    if length >= 12 and classes >= 3 and ratio >= 0.8 and words <= 0.4 and switches >= 0.3:
        return ValueShape(2)
    if classes >= 2 and ratio >= 0.6:
        return ValueShape(1)
    return ValueShape(0, "one character class")


def _pascal_with_acronym(value: str) -> bool:
    if _PASCAL_WITH_ACRONYM.fullmatch(value) is None:
        return False
    words = _PASCAL_WORD.findall(value)
    acronym_letters = len(value) - sum(map(len, words))
    return (
        len(words) >= 2
        and acronym_letters <= min(4, len(value) // 3)
        and all(any(c in _VOWELS for c in word.lower()) for word in words)
        and any(_wordlike(word) for word in words)
    )


# A format field (`{project}`, `{self.user.name}`, `{0}`, `{x!r:>10}`); a value cut at a brace may
# begin inside one (`project}/{provider`) or end in one. Its name must read as one (words, short
# parts, an index): random characters in braces (`Zp{Qx7Lm2Rv9}Tn`) are part of a secret.
_FORMAT_FIELD = re.compile(
    r"\{(?P<inner>[A-Za-z_0-9][\w.]{0,60})(?:\[[^\]{}]{0,40}\])?(?:![rsa])?(?::[^{}]{0,20})?\}"
    r"|^(?P<head>[A-Za-z_][\w.]{0,60})\}|\{(?P<tail>[A-Za-z_][\w.]{0,60})$"
)
_GLUE = ":/=-_.@,;| "
_CUT_FIELD = re.compile(r"[a-z_]{3,}(?:\.[a-z_]{2,}){0,4}")


# How code names a field: snake_case, CONSTANT_CASE or camelCase, digits only at the end, or an
# index. Random characters (`Qx7Lm2Rv9`, `qx7lm2rv9`) switch between letters and digits.
_FIELD_PART = re.compile(r"[0-9]+|[a-z_]+[0-9]*|[A-Z_]+[0-9]*|[a-z]+(?:[A-Z][a-z]+)+[0-9]*|[A-Z][a-z]+(?:[A-Z][a-z]+)*")


def _field_name(name: str) -> bool:
    parts = name.split(".")
    return all(_FIELD_PART.fullmatch(part) for part in parts)


def fixed_text(value: str) -> str | None:
    """The text of `value` outside its format fields (joined, glue punctuation at the ends
    trimmed), or None when it has no field."""
    plain = value.replace("{{", "").replace("}}", "")
    kept: list[str] = []
    position = 0
    for match in _FORMAT_FIELD.finditer(plain):
        inner = match.group("inner")
        name = inner or match.group("head") or match.group("tail") or ""
        # Cut at a brace, only half a field shows: it must read as a name in lower case
        # (`project}`, `{self.provider`), not a random run before a brace (`iXym8}`).
        if not _field_name(name) or (inner is None and not _CUT_FIELD.fullmatch(name)):
            continue
        kept.append(plain[position : match.start()])
        position = match.end()
    if not kept:
        return None
    kept.append(plain[position:])
    return "".join(kept).strip(_GLUE)


def _regex_like(value: str) -> bool:
    """Two kinds of a pattern's parts, one of them an escape, a group or a range: a quantified
    bracket alone (`)+`, `)*`, which a Django key's punctuation can hold) never decides it."""
    kinds = {part.group()[0] for part in _REGEX_PARTS.finditer(value)}
    return len(kinds) >= 2 and bool(kinds & {"\\", "(", "["})


def _typed_vendor_example(value: str) -> bool:
    """`GOCSPX-AbCdEfGhIjKlMnOpQrStUv`, `sk_live_51234567890abcdef...`: a vendor's prefix (all
    lower or all upper case, like the ones vendors print; `Prod_`, `Welcome_` are words people
    put in passwords) before a long body with a typed run in it. Never judged under a password
    name or without a name (URL user info): people type runs into passwords."""
    prefix = _VENDOR_PREFIX.match(value)
    if prefix is None:
        return False
    letters = value[: prefix.end() - 1]
    body = value[prefix.end() :]
    return (letters.islower() or letters.isupper()) and len(body) >= 16 and has_typed_run(body)


def _of_words(value: str) -> bool:
    """`prompt%bs==3)`, `llm(prompt`: code's punctuation between words and short names, most of
    the letters in words of four or more, and none of the symbols generated keys are made of
    (`#$^~{};!@*` - a Django key's or a webhook secret's punctuation)."""
    if _KEY_SYMBOLS.search(value) or value.count("%") > 1:
        return False
    parts = [part for part in re.split(r"[^A-Za-z0-9_]+", value) if part]
    worded = sum(len(part) for part in parts if len(part) >= 4 and word_coverage(part) >= 0.6)
    total = sum(len(part) for part in parts)
    short_or_words = all(len(part) <= 3 or word_coverage(part) >= 0.6 for part in parts)
    return total > 0 and worded * 2 >= total and short_or_words


def _stand_in_account_key(value: str) -> bool:
    """An AccountKey too short to be any service's key (`Yabc983f11822334455`): not the 88
    base64 characters of an Azure Storage key, nor a 44-character key of other services, once
    JSON's escaped slashes and URL escapes are undone."""
    plain = unquote_percent(value.replace("\\/", "/"))
    return len(plain) < 40 and not _AZURE_ACCOUNT_KEY.fullmatch(plain)


def is_github_node_id(value: str) -> bool:
    """GitHub's GraphQL ids, which every API response lists: `LA_kwDO...` (a type, `_`, then
    base64url of a MessagePack array whose first entry is the format version 0) and the older
    `MDU6TGFiZWwyMDk0...` (base64 of `05:Label2094...`)."""
    typed = _NODE_ID.fullmatch(value)
    if typed:
        body = typed.group("body")
        try:
            head = base64.urlsafe_b64decode(body[:8])
        except ValueError:
            return False
        return len(head) >= 2 and 0x91 <= head[0] <= 0x9F and head[1] == 0
    if value.startswith("MD") and len(value) % 4 == 0 and len(value) <= 64:
        try:
            decoded = base64.b64decode(value, validate=True).decode("ascii")
        except ValueError:
            return False
        return _LEGACY_NODE_ID.fullmatch(decoded) is not None
    return False


def has_vendor_prefix(value: str) -> bool:
    """`dop_v1_…`, `tvly-…`, `pcsk_…`: a short lower-case prefix before a generated body."""
    match = _VENDOR.match(value)
    return match is not None and judge_value(value[match.end() :]).strength == 2
