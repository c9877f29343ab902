"""Values that match a secret's shape but are not secrets: placeholders, masks, documented
examples, references to the environment, and strings with no randomness in them."""

from __future__ import annotations

import itertools
import math
import re
import string
from collections import Counter
from collections.abc import Iterable

# Published example credentials (AWS docs, jwt.io, Stripe docs) stay silent.
DOCUMENTED_EXAMPLES = frozenset(
    {
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIy"
        "fQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        # The Azure Storage emulator's (Azurite's) published account key for `devstoreaccount1`.
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    }
)
_TEMPLATE_MARKS = ("...", "…", "${", "{{", "}}", "%(", "$(", "&lt;", "&gt;")
# `<YOUR_API_KEY>`, `<token>`, `[REDACTED]`, `[your key]`: a bracketed name, as docs write a slot.
# A lone `<`, `>`, `[` or `]` is one of a random password's symbols, not a slot.
_BRACKETED_SLOT = re.compile(r"<[A-Za-z_][\w .:/-]{0,60}>|\[[A-Za-z_][\w .:/-]{0,60}\]")
_PLACEHOLDER_WORDS = re.compile(
    r"(?i)(your|example|sample|dummy|placeholder|redacted|changeme|change_me|replace|insert|enter_|"
    r"secret_here|token_here|key_here|xxxx|todo|fixme|notreal|not_real|fake|mask)"
)
COMMON_PASSWORDS = frozenset(
    "password passw0rd pass secret changeme admin root user username test testing guest default postgres mysql "
    "letmein qwerty 123456 12345678 hunter2 token apikey api_key none null empty welcome administrator "
    "superuser superman iloveyou monkey dragon master sunshine princess football baseball abc123 qwertyuiop "
    "trustno1 mypassword mysecret secretkey secret_key topsecret minioadmin rabbitmq redis airflow mlflow "
    "jupyter notebook demo sample example".split()
)
_COMMON_PASSWORDS = COMMON_PASSWORDS
# Five of one character in a row: a mask or a filler. (Four happen by chance in long hex keys.)
_REPEATED = re.compile(r"(.)\1{4,}")
_MASKED = re.compile(r"[*•·]{3,}")
_REFERENCE = re.compile(
    r"^(?:os\.|getenv|environ|getpass|input\b|userdata|secrets\.|settings\.|config\.|self\.|cls\.|args\.|"
    r"process\.env|ENV\[|\$|%|\{)|^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$|\(|\)"
)
_SEQUENCES = (string.ascii_lowercase, string.ascii_uppercase, string.digits, "0123456789abcdef", "abcdefghijklmnop")


def shannon_entropy(value: str) -> float:
    counts = Counter(value)
    total = len(value)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def is_sequential(value: str) -> bool:
    lowered = value.lower()
    return len(lowered) >= 6 and any(lowered in seq or lowered in seq * 2 for seq in _SEQUENCES)


def is_periodic(value: str) -> bool:
    """`1234567890abcdef1234567890abcdef`, `abc1abc1abc1`: letters and digits only, one block typed
    again and again: three times or more, or twice when the block itself holds a typed run
    (`1234`, `abcd`). A generator never repeats itself over a whole value; a person filling a field
    of the right length does. A doubled password (`Summer24Summer24`, `Kx9#mQ2vKx9#mQ2v`) is a
    person's real choice and stays a secret. Values over 512 characters are never typed fillers.
    The block may come back in the other case (`ABCDEF1234567890abcdef1234567890`): a person
    filling a field types it again with caps lock off."""
    if not 8 <= len(value) <= 512 or not (value.isascii() and value.isalnum()):
        return False
    for size in range(2, len(value) // 2 + 1):
        block = value[:size]
        # The block as typed, or again with caps lock on or off: never a case chosen letter by letter.
        variants = (block, block.upper(), block.lower(), block.swapcase())
        chunks = [value[start : start + size] for start in range(0, len(value), size)]
        if all(any(variant.startswith(chunk) for variant in variants) for chunk in chunks):
            return len(value) >= 3 * size or has_typed_run(block, 4)
    return False


def has_typed_run(value: str, length: int = 6) -> bool:
    """`AbCdEfGh`, `123456789`: `length` letters or digits in alphabet order, in either case. A
    person typing an example writes them; a generator does not (one in tens of millions of keys
    of the usual lengths). Used only on values in a generated format (a provider's layout or a
    vendor prefix before a body), never on passwords, which people do type."""
    run = 1
    previous = ""
    for char in value.lower():
        if char.isascii() and char.isalnum() and previous and ord(char) == ord(previous) + 1:
            run += 1
            if run >= length:
                return True
        else:
            run = 1
        previous = char if char.isascii() and char.isalnum() else ""
    return False


# The digit row of a keyboard ends `...890`: after 9 comes 0 (and before 0, going down, 9).
_KEYBOARD_STEPS = {"90": 1, "09": -1}


def typed_runs_only(value: str) -> bool:
    """`abc123XYZ987`, `abc123xyz`: letters and digits made only of runs of three or more in
    alphabet or keyboard-digit order (up or down), each run in one case. A person typing a stand-in
    writes them; a generator would need luck of one in billions. Used on keys and tokens, never on
    passwords, which people do type like this."""
    if len(value) < 6 or not (value.isascii() and value.isalnum()):
        return False
    run = 1
    step = 0
    for previous, char in itertools.pairwise(value):
        same_kind = (previous.isdigit() == char.isdigit()) and (previous.isupper() == char.isupper())
        difference = _KEYBOARD_STEPS.get(previous + char, ord(char) - ord(previous))
        if same_kind and difference in (1, -1) and (run == 1 or difference == step):
            run += 1
            step = difference
            continue
        if run < 3:
            return False
        run, step = 1, 0
    return run >= 3


# Publishable keys are meant to be shipped to browsers.
_PUBLIC_PREFIXES = ("pk_live_", "pk_test_")


def is_placeholder(value: str, extra_patterns: Iterable[re.Pattern[str]] = (), *, encoded: bool = False) -> bool:
    """Whether a matched value is an example, a template slot or a masked value. `encoded`: the
    base64 of a structure (a PEM key's DER or OpenSSH body), whose length fields and zero bytes
    make runs such as `AAAAA` in every real key; only explicit marks can make it a placeholder."""
    if value in DOCUMENTED_EXAMPLES or value.startswith(_PUBLIC_PREFIXES):
        return True
    if any(mark in value for mark in _TEMPLATE_MARKS) or _BRACKETED_SLOT.search(value):
        return True
    if _MASKED.search(value) or _PLACEHOLDER_WORDS.search(value):
        return True
    if not encoded and (_REPEATED.search(value) or is_sequential(value) or is_periodic(value)):
        return True
    return any(pattern.search(value) for pattern in extra_patterns)


def is_weak_value(value: str) -> bool:
    """Too plain to be a credential when only its name says so (keyword and URL matches)."""
    if value.lower() in _COMMON_PASSWORDS or _REFERENCE.search(value):
        return True
    if len(value) < 8:
        return True
    kinds = sum(
        (
            any(c.islower() for c in value),
            any(c.isupper() for c in value),
            any(c.isdigit() for c in value),
            any(not c.isalnum() for c in value),
        )
    )
    return kinds < 2 or shannon_entropy(value) < 2.8


# Between a PEM body's lines: line breaks, escaped ones and indentation.
_BODY_BREAK = re.compile(r"(?:\\{1,2}[rn]|\\u000[aAdD]|\s)+")
_BODY_PART = re.compile(r"[A-Za-z0-9+/=]+")
_X_MASK = re.compile(r"[xX]{8,}")
_END_MARK = re.compile(r"""["']?\s*-----END """)
MAX_KEY_BODY = 16384  # base64 characters of one key body read (an RSA 8192-bit key is about 6,500)
MIN_KEY_BODY = 60  # an Ed25519 PKCS#8 key, the smallest real one, is 64


def key_body(text: str, start: int) -> str | None:
    """The whole base64 body of a PEM key whose first line starts at `start`, when it is one:
    it runs to `-----END` over nothing but base64, line breaks and indentation, it is longer than
    the smallest real key, and it is not one character over and over or masked. A document's
    truncated example (`...` after the first line, as the OpenSSH header every key shares) or a
    placeholder body is None. The body, not its first line, is the finding's identity: every
    unencrypted Ed25519 OpenSSH key starts with the same line."""
    parts: list[str] = []
    position = start
    size = 0
    limit = min(len(text), start + MAX_KEY_BODY * 2)
    while position < limit:
        part = _BODY_PART.match(text, position)
        if part is None:
            break
        parts.append(part.group(0))
        size += len(part.group(0))
        position = part.end()
        gap = _BODY_BREAK.match(text, position)
        if gap is None:
            break
        position = gap.end()
    if size < MIN_KEY_BODY or size > MAX_KEY_BODY or not _END_MARK.match(text, position):
        return None
    body = "".join(parts)
    if len(set(body.rstrip("="))) < 12 or _MASKED.search(body) or _X_MASK.search(body):
        return None  # `AAAA...`, `0000...`: a placeholder; `xxxx`, `****`: masked
    return body
