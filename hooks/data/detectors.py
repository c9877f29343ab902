"""Personal data in bulk bytes: cheap anchors first, validators on what they find.

Data files are mostly digits, and the standard library's regular expressions crawl over digits
(about 25 MB/s per pattern). So the bytes are first mapped to character classes (digits to
`0`, letters to `a`/`A`) with one `bytes.translate`, and every detector starts from an anchor
the regex engine can search for as a literal: `@`, `+`, `(`, a separator followed by a digit
group, a run of 13 zeros. Only the few places an anchor finds are examined in Python: the exact
shape is matched in a small window, then the value's own validator decides (Luhn, mod 97,
SSA area rules, check letters, public address ranges). A value that matches a shape but fails
its validator is kept as a miss, so a column of order numbers where one in ten passes Luhn by
chance is recognised as not cards.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from hooks._shared.credential_filters import is_sequential
from hooks.data import validators as v


def _class_table() -> bytes:
    table = bytearray(range(256))
    for char in b"0123456789":
        table[char] = ord("0")
    for char in range(ord("a"), ord("z") + 1):
        table[char] = ord("a")
    for char in range(ord("A"), ord("Z") + 1):
        table[char] = ord("A")
    return bytes(table)


CLASSES = _class_table()
LOWER = bytes.maketrans(bytes(range(65, 91)), bytes(range(97, 123)))

# Kinds of personal data, the names `data.pii_types` accepts.
EMAIL, PHONE, SSN, CARD, IBAN, NATIONAL_ID, DOB, IP = (
    "email",
    "phone",
    "ssn",
    "card",
    "iban",
    "national_id",
    "dob",
    "ip",
)
VALUE_KINDS = (EMAIL, PHONE, SSN, CARD, IBAN, NATIONAL_ID, DOB, IP)
STRONG = 3  # evidence that needs no company: one such value is enough


@dataclass(frozen=True, slots=True)
class Candidate:
    kind: str
    label: str  # what it is, for the message ("US SSN", "Spanish DNI")
    start: int
    end: int
    value: str
    valid: bool  # False: the shape without the checksum or validity (counts against the column)
    weight: int  # evidence a valid one brings (STRONG alone suffices)


# --- anchors (searched as literals on the class-mapped bytes) --------------------------------
# Each pattern starts with a separator the engine searches as a literal; the lookbehind checks
# the digit group before it and that nothing is glued to that group (`ID-415-...`, `v1.2...`).
_G = r"[0aA_./+#:\\@$-]"  # what may not stand right before a value (class-mapped)
_END = r"(?![0aA]|[-.]0)"
_DASHED = re.compile(
    (
        rf"-(?:(?<=(?<!{_G})000-)(?:(?P<ssn>00-0000)|(?P<nanp>000-0000)|(?P<sin>000-000))"
        rf"|(?<=(?<!{_G})0000-)(?:(?P<card>0000-0000-0000(?:-?000)?)|(?P<amex>000000-0000(?:0)?)|(?P<aadhaar>0000-0000))"
        rf"|(?<=(?<!{_G})000000-)(?:(?P<pn>0000)|(?P<hetu>000A))"
        rf"|(?<=(?<!{_G})00000000-)(?P<pn12>0000)){_END}"
    ).encode()
)
_DOTTED = re.compile(
    (
        rf"\.(?:(?<=(?<!{_G})0\.)(?P<ip1>0{{1,3}}\.0{{1,3}}\.0{{1,3}})"
        rf"|(?<=(?<!{_G})00\.)(?P<ip2>0{{1,3}}\.0{{1,3}}\.0{{1,3}})"
        rf"|(?<=(?<!{_G})000\.)(?:(?P<nanp>000\.0000)|(?P<cpf>000\.000-00)|(?P<ip3>0{{1,3}}\.0{{1,3}}\.0{{1,3}}))){_END}"
    ).encode()
)
_SPACED = re.compile(
    (
        rf" (?:(?<=(?<!{_G})0000 )(?:(?P<card>0000 0000 0000(?: ?000)?)|(?P<amex>000000 0000(?:0)?)"
        rf"|(?P<aadhaar>0000 0000))"
        rf"|(?<=(?<!{_G})000 )(?:(?P<nanp>000 0000)|(?P<sin>000 000))){_END}"
    ).encode()
)
_LEAD_LENGTH = {
    "ssn": 3, "nanp": 3, "sin": 3, "card": 4, "amex": 4, "aadhaar": 4, "pn": 6, "hetu": 6, "pn12": 8,
    "ip1": 1, "ip2": 2, "ip3": 3, "cpf": 3,
}  # fmt: skip
_PAREN_PHONE = re.compile(rb"\(000\)[ -]?000[-. ]0000")
_PLUS_PHONE = re.compile(rb"\+0[0 ().-]{6,22}0")
_IBAN_START = re.compile(rb"AA00")
_IBAN_GROUPED = re.compile(rb"[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?")
_IBAN_COMPACT = re.compile(rb"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")
_CF = re.compile(rb"AAAAAA00A00A000A")
_LONG_RUN = b"0" * 13
_DNI_TAIL = b"0000000A"
_COLON = re.compile(rb"::|:[0aA]{1,4}:[0aA]{1,4}:[0aA]{1,4}:")
_HEX_COLON = re.compile(rb"[0-9A-Fa-f:.]{2,45}")
_EMAIL_LOCAL = re.compile(rb"[A-Za-z0-9._%+-]{1,64}\Z")
_EMAIL_DOMAIN = re.compile(
    rb"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}(?P<tld>[A-Za-z]{2,24})(?![A-Za-z0-9-])"
)
_BIRTH_WORDS = (b"birth", b"dob", b"born", b"d.o.b", b"geburt", b"naissance", b"nacimiento")
_DATE = re.compile(
    rb"(?<![\d.])(?:(?P<y1>(?:19|20)\d\d)[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
    rb"|(?P<a2>\d{1,2})[-/.](?P<b2>\d{1,2})[-/.](?P<y2>(?:19|20)\d\d))(?![\d])"
)

_ALNUM = frozenset(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# A value glued to these on the left is part of a bigger token (`ID-415-555-2671`, `v1.2.3.4`).
_LEFT_GLUE = _ALNUM | frozenset(b"-_./+#:\\@$")
_RESERVED_EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "example.edu")
# Registered, but what documentation and form hints write instead of an address.
_PLACEHOLDER_EMAIL_DOMAINS = frozenset(
    "domain.com yourdomain.com mydomain.com email.com youremail.com company.com yourcompany.com website.com "
    "test.com sample.com somewhere.com someone.com address.com".split()
)
_RESERVED_TLDS = frozenset({"example", "test", "invalid", "localhost", "local", "internal", "lan", "home"})
# The fictitious companies Microsoft's documentation and samples use in place of real ones
# (Contoso, Fabrikam, Northwind...): registered by Microsoft so that no one's mail reaches them.
_FICTITIOUS_DOMAINS = frozenset(
    "contoso.com fabrikam.com northwindtraders.com adventure-works.com wingtiptoys.com tailspintoys.com "
    "woodgrovebank.com litwareinc.com proseware.com fourthcoffee.com alpineskihouse.com margiestravel.com "
    "lucernepublishing.com wideworldimporters.com cohovineyard.com cohowinery.com relecloud.com "
    "humongousinsurance.com blueyonderairlines.com treyresearch.net contosopharma.com".split()
)
# Local parts that fill an address slot in examples at any domain (`example@amazon.com`).
_PLACEHOLDER_LOCAL_PARTS = frozenset(
    "example sample test someone somebody yourname your.name youremail your.email yourmail username user.name "
    "firstname.lastname first.last name.surname email".split()
)
_NUMERIC_MAILBOX_DOMAINS = frozenset(
    "qq.com vip.qq.com foxmail.com 163.com 126.com yeah.net sina.com sina.cn sohu.com 139.com 189.cn".split()
)
_ONE_CHARACTER = re.compile(r"(.)\1{3,}")  # `xxxx`, `0000`: a filler
_FILE_TLDS = frozenset(
    "png jpg jpeg gif svg webp bmp ico tif tiff pdf js mjs ts css py pyc ipynb json yaml yml toml txt md csv "
    "tsv html htm xml zip gz tar bz2 xz whl egg so dll exe bin pt pth pkl onnx h5 safetensors ckpt".split()
)
_ROLE_MAILBOXES = frozenset(
    "noreply no-reply donotreply do-not-reply mailer-daemon postmaster hostmaster webmaster abuse git".split()
)


def _glued_left(data: bytes, start: int) -> bool:
    return start > 0 and data[start - 1] in _LEFT_GLUE


def _glued_right(data: bytes, end: int) -> bool:
    if end >= len(data):
        return False
    after = data[end]
    if after in _ALNUM or after in b"_@":
        return True
    # `1.2.3.4.5`, `415-555-2671-9`: the value continues.
    return after in b".-/" and end + 1 < len(data) and data[end + 1] in _ALNUM


def _finditer_literal(data: bytes, needle: bytes) -> Iterator[int]:
    position = data.find(needle)
    while position != -1:
        yield position
        position = data.find(needle, position + 1)


def find_candidates(data: bytes, mapped: bytes | None = None) -> list[Candidate]:
    """Every place in `data` that has the shape of personal data, validated."""
    mapped = data.translate(CLASSES) if mapped is None else mapped
    found: list[Candidate] = []
    found.extend(_emails(data))
    found.extend(_grouped(data, mapped))
    found.extend(_phones(data, mapped))
    found.extend(_long_runs(data, mapped))
    found.extend(_ibans(data, mapped))
    found.extend(_letter_ids(data, mapped))
    found.extend(_ipv6(data, mapped))
    found.extend(_birth_dates(data))
    return _without_overlaps(found)


def _without_overlaps(found: list[Candidate]) -> list[Candidate]:
    """One candidate per stretch of bytes: the longest (`+1 415 555 2671` over `415 555 2671`)."""
    if len(found) < 2:
        return found
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept = [found[0]]
    for candidate in found[1:]:
        if candidate.start >= kept[-1].end:
            kept.append(candidate)
    return kept


def _emails(data: bytes) -> Iterator[Candidate]:
    for at in _finditer_literal(data, b"@"):
        domain = _EMAIL_DOMAIN.match(data, at + 1)
        if domain is None or _reserved_host(data[at + 1 : domain.end()].decode("ascii").lower()):
            continue  # RFC 2606 names and form placeholders: nobody's address, by definition
        local = _EMAIL_LOCAL.search(data, max(0, at - 64), at)
        if local is None:
            continue
        start = local.start()
        while start < at and data[start] in b".-+_%":
            start += 1  # `--user@x.com`, `._x@y.com`: punctuation before the name is not part of it
        if start >= at:
            continue
        end = domain.end()
        if end < len(data) and data[end] == ord(":"):
            continue  # `git@github.com:org/repo`: an SSH address, not a mailbox
        text = data[start:end].decode("ascii")
        local_part = text.partition("@")[0]
        tld = (domain.group("tld") or b"").decode().lower()
        lowered_local = local_part.lower()
        if tld in _FILE_TLDS or lowered_local in _ROLE_MAILBOXES or ".." in local_part or local_part.endswith("."):
            continue
        host = text.partition("@")[2].lower()
        # QQ, NetEase and Sina mailboxes are account numbers: `123456789@qq.com` may be somebody's.
        numeric_mailbox = local_part.isdigit() and host in _NUMERIC_MAILBOX_DOMAINS
        if lowered_local in _PLACEHOLDER_LOCAL_PARTS or (
            not numeric_mailbox and (is_sequential(local_part) or _ONE_CHARACTER.fullmatch(local_part))
        ):
            # `example@amazon.com`, `your.email@gmail.com`, `123456@gmail.com`, `xxxxx@corp.com`:
            # a slot's hint or a typed filler, nobody's mailbox
            continue
        if len(local_part) == 1 and text.index(".", len(local_part)) - len(local_part) == 2:
            continue  # `a@b.com`, `c@d.org`: one letter at a one-letter name, the shape examples use
        yield Candidate(EMAIL, "email address", start, end, text, True, STRONG)


# A registered domain whose name says its data is made up (`x.dummyjson.com`, `fakestoreapi.com`):
# the mock-data services' own addresses, which no person reads. The whole name: `fakeeh.com` (a
# hospital) and `fakenham` (a town) are real places, and `fakemail` inboxes are someone's.
_MADE_UP_DOMAIN = re.compile(r"(?:dummy|fake)(?:[-_]?(?:json|data|api|store|storeapi|users?|names?|people|persons?))?")


def _reserved_host(host: str) -> bool:
    if host.rsplit(".", 1)[-1] in _RESERVED_TLDS or host in _PLACEHOLDER_EMAIL_DOMAINS:
        return True
    labels = host.split(".")
    if len(labels) >= 2 and _MADE_UP_DOMAIN.fullmatch(labels[-2]):
        return True
    return any(host == d or host.endswith("." + d) for d in (*_RESERVED_EMAIL_DOMAINS, *_FICTITIOUS_DOMAINS))


def _grouped(data: bytes, mapped: bytes) -> Iterator[Candidate]:
    for pattern in (_DASHED, _DOTTED, _SPACED):
        for match in pattern.finditer(mapped):
            group = match.lastgroup or ""
            start, end = match.start() - _LEAD_LENGTH[group], match.end()
            if end < len(data) and data[end] in _ALNUM:
                continue
            if pattern is _SPACED and _in_number_run(data, start, end):
                continue
            text = data[start:end].decode("ascii")
            if group[:2] == "ip":
                found = _ipv4(text, start, end)
            else:
                found = _classify_grouped(group, text, text.translate(_NON_DIGITS), start, end)
            if found is not None:
                yield found


_NON_DIGITS = {ord(c): None for c in " -.()+/"}


def _in_number_run(data: bytes, start: int, end: int) -> bool:
    """Whether space-grouped digits stand in a printed array of numbers (`4155 4149 5257 246
    4353 ...`, token ids in a notebook's output): a number, the row's start or a bracket right
    before or after them with only spaces between, on a line of nothing but numbers and array
    brackets that holds at least three numbers more than the grouped value's own groups, or a
    shorter such line (the array's last row) next to one. A quoted value (`['4398 2597 9190 7482'
    '808.63']`), a CSV field or a table's row with words is a value of its own."""
    if not (_NUMBER_BEFORE.search(data, max(0, start - 16), start) or _NUMBER_AFTER.match(data, end)):
        return False
    line_start = data.rfind(b"\n", max(0, start - _ROW_REACH), start) + 1
    line_end = data.find(b"\n", end, end + _ROW_REACH)
    if line_end == -1:
        line_end = min(len(data), end + _ROW_REACH)
    needed = data[start:end].count(b" ") + 4
    if not _ARRAY_ROW.fullmatch(data[line_start:line_end]):
        return False
    if len(_NUMBER.findall(data[line_start:line_end])) >= needed:
        return True
    above_start = data.rfind(b"\n", max(0, line_start - 1 - _ROW_REACH), max(0, line_start - 1)) + 1
    above = data[above_start : max(0, line_start - 1)] if line_start else b""
    below_end = data.find(b"\n", line_end + 1, line_end + 1 + _ROW_REACH)
    below = data[line_end + 1 : below_end if below_end != -1 else min(len(data), line_end + 1 + _ROW_REACH)]
    return any(_ARRAY_ROW.fullmatch(row) and len(_NUMBER.findall(row)) >= needed for row in (above, below) if row)


_ROW_REACH = 512
_ARRAY_ROW = re.compile(rb"[ \t\r\[\]\d]*")  # numbers, spaces and brackets: a printed array's row
_NUMBER = re.compile(rb"\d+")
_NUMBER_BEFORE = re.compile(rb"(?:\d|^|\[)[ \t]+\Z", re.MULTILINE)  # a number, a row's start or bracket
_NUMBER_AFTER = re.compile(rb"[ \t]+\d|\]")


def _classify_grouped(group: str | None, text: str, digits: str, start: int, end: int) -> Candidate | None:
    if group in ("card", "amex"):
        if digits in v.TEST_CARDS:
            return None
        return Candidate(CARD, "payment card number", start, end, text, v.is_card(digits), STRONG)
    if group == "ssn":
        return Candidate(SSN, "US social security number", start, end, text, v.is_ssn(digits), STRONG)
    if group == "cpf":
        return Candidate(NATIONAL_ID, "Brazilian CPF", start, end, text, v.is_brazil_cpf(digits), STRONG)
    if group == "aadhaar":
        return Candidate(NATIONAL_ID, "Indian Aadhaar number", start, end, text, v.is_india_aadhaar(digits), 2)
    if group == "nanp":
        return Candidate(PHONE, "phone number", start, end, text, v.is_nanp(digits), 2)
    if group == "sin":
        return Candidate(NATIONAL_ID, "Canadian SIN", start, end, text, v.is_canada_sin(digits), 1)
    if group in ("pn", "pn12"):
        return Candidate(
            NATIONAL_ID, "Swedish personal number", start, end, text, v.is_sweden_personnummer(digits[-10:]), 2
        )
    if group == "hetu":
        return Candidate(NATIONAL_ID, "Finnish personal identity code", start, end, text, v.is_finland_hetu(text), 3)
    return None


def _ipv4(text: str, start: int, end: int) -> Candidate | None:
    octets = text.split(".")
    numbers = [int(o) for o in octets]
    if max(numbers) < 32:
        return None  # `1.2.3.4`, `3.10.0.1`: version numbers have small parts, addresses rarely do
    if max(numbers) > 255 or any(len(o) > 1 and o[0] == "0" for o in octets):
        return None
    if not _public_ipv4(numbers):
        return None  # private, loopback, documentation and reserved ranges identify nobody
    return Candidate(IP, "IP address", start, end, text, True, 2)


def _public_ipv4(octets: list[int]) -> bool:
    """Not in an IANA special-purpose block (RFC 6890): private, shared, loopback, link-local,
    documentation, benchmarking, multicast and reserved addresses identify nobody."""
    a, b, c = octets[0], octets[1], octets[2]
    if a in (0, 10, 127) or a >= 224:
        return False
    if (a, b) in ((169, 254), (192, 168)) or (a == 172 and 16 <= b <= 31) or (a == 100 and 64 <= b <= 127):
        return False
    return not ((a == 198 and b in (18, 19)) or (a, b, c) in ((192, 0, 0), (192, 0, 2), (198, 51, 100), (203, 0, 113)))


def _phones(data: bytes, mapped: bytes) -> Iterator[Candidate]:
    for match in _PAREN_PHONE.finditer(mapped):
        start, end = match.span()
        if _glued_left(data, start) or _glued_right(data, end):
            continue
        text = data[start:end].decode("ascii")
        yield Candidate(PHONE, "phone number", start, end, text, v.is_nanp(text.translate(_NON_DIGITS)), STRONG)
    for match in _PLUS_PHONE.finditer(mapped):
        start, end = match.span()
        if (start > 0 and data[start - 1] in _ALNUM) or _glued_right(data, end):
            continue  # `1e+10`, `x+123...`
        text = data[start:end].decode("ascii")
        if text.count("(") != text.count(")") or "  " in text:
            continue
        yield Candidate(PHONE, "phone number", start, end, text, v.is_e164(text.translate(_NON_DIGITS)), STRONG)


def _long_runs(data: bytes, mapped: bytes) -> Iterator[Candidate]:
    """Bare runs of 13-19 digits: cards, Chinese identity numbers, French NIR. Weak alone: a
    column of them counts only when most pass (random ids pass Luhn one time in ten)."""
    position = mapped.find(_LONG_RUN)
    while position != -1:
        start = position
        window = mapped[start : start + 21]
        end = start + len(window) - len(window.lstrip(b"0"))
        if end < len(data) and data[end] in b"Xx" and end - start == 17:
            end += 1
        position = mapped.find(_LONG_RUN, end)
        if _glued_left(data, start) or _glued_right(data, end):
            continue
        text = data[start:end].decode("ascii")
        length = len(text)
        if length == 18 and (text[17] in "Xx" or v.is_china_ric(text)):
            yield Candidate(NATIONAL_ID, "Chinese resident identity number", start, end, text, v.is_china_ric(text), 2)
        elif length == 15 and text[0] in "12" and v.is_france_nir(text):
            yield Candidate(NATIONAL_ID, "French social security number", start, end, text, True, 2)
        elif 13 <= length <= 19 and v.card_brand(text) is not None and text not in v.TEST_CARDS:
            yield Candidate(CARD, "payment card number", start, end, text, v.is_card(text), 1)
        elif 13 <= length <= 19 and text not in v.TEST_CARDS:
            # No scheme's prefix: no card. Weight 0 marks it as a long number that dilutes a
            # column's cards (evidence.py) without contradicting them as a failed check does.
            yield Candidate(CARD, "payment card number", start, end, text, False, 0)


def _ibans(data: bytes, mapped: bytes) -> Iterator[Candidate]:
    for match in _IBAN_START.finditer(mapped):
        start = match.start()
        if data[start + 2 : start + 4] in (b"00", b"01", b"99"):
            continue  # check digits run 02-98: this cannot be an IBAN
        if data[start : start + 2].decode("ascii") not in v.IBAN_LENGTHS or _glued_left(data, start):
            continue
        found = _IBAN_GROUPED.match(data, start) or _IBAN_COMPACT.match(data, start)
        if found is None:
            continue
        text = found.group().decode("ascii")
        compact = text.replace(" ", "")
        expected = v.IBAN_LENGTHS[compact[:2]]
        if len(compact) < expected:
            continue
        if len(compact) > expected and " " not in text:
            continue  # glued to more characters: not one IBAN
        end = start + len(text) if len(compact) == expected else _grouped_end(text, expected) + start
        if _glued_right(data, end):
            continue
        compact = compact[:expected]
        if compact in v.EXAMPLE_IBANS:
            continue
        yield Candidate(IBAN, "IBAN", start, end, data[start:end].decode("ascii"), v.is_iban(compact), STRONG)


def _grouped_end(text: str, length: int) -> int:
    count = 0
    for index, char in enumerate(text):
        if char != " ":
            count += 1
            if count == length:
                return index + 1
    return len(text)


def _letter_ids(data: bytes, mapped: bytes) -> Iterator[Candidate]:
    for match in _CF.finditer(mapped):
        start, end = match.span()
        if _glued_left(data, start) or _glued_right(data, end):
            continue
        text = data[start:end].decode("ascii")
        yield Candidate(NATIONAL_ID, "Italian codice fiscale", start, end, text, v.is_italy_codice_fiscale(text), 3)
    for position in _finditer_literal(mapped, _DNI_TAIL):
        start, end = position - 1, position + len(_DNI_TAIL)
        if start < 0 or mapped[start] not in b"0A" or _glued_left(data, start) or _glued_right(data, end):
            continue
        text = data[start:end].decode("ascii")
        if text[0].isalpha() and text[0] not in "XYZ":
            continue
        label = "Spanish NIE" if text[0].isalpha() else "Spanish DNI"
        yield Candidate(NATIONAL_ID, label, start, end, text, v.is_spanish_dni(text), 3 if text[0].isalpha() else 2)


def _ipv6(data: bytes, mapped: bytes) -> Iterator[Candidate]:
    last_end = -1
    for match in _COLON.finditer(mapped):
        if match.start() < last_end:
            continue
        left = match.start()
        while left > 0 and left - match.start() > -40 and data[left - 1] in b"0123456789abcdefABCDEF:":
            left -= 1
        token = _HEX_COLON.match(data, left)
        if token is None:
            continue
        start, end = token.span()
        last_end = end
        if _glued_left(data, start) or (end < len(data) and data[end] in _ALNUM):
            continue
        text = token.group().decode("ascii").rstrip(".:")
        if text.count(":") < 2:
            continue
        import ipaddress

        try:
            address = ipaddress.IPv6Address(text)
        except ValueError:
            continue
        if not address.is_global or not _ipv6_assignable(text):
            continue
        yield Candidate(IP, "IP address", start, start + len(text), text, True, STRONG)


def _ipv6_assignable(text: str) -> bool:
    """In 2000::/3 (every address a subscriber holds today) and not documentation (2001:db8::/32)."""
    first = text.split(":", 1)[0].lower()
    return len(first) == 4 and first[0] in "23" and not text.lower().startswith("2001:db8:")


def _birth_dates(data: bytes) -> Iterator[Candidate]:
    """A date within a few words after `born`, `date of birth`, `DOB`: a date alone is not personal."""
    lowered: bytes | None = None
    for word in _BIRTH_WORDS:
        if lowered is None:
            if not any(form in data for form in (word, word.upper(), word.capitalize())):
                continue
            lowered = data.translate(LOWER)
        for position in _finditer_literal(lowered, word):
            if position > 0 and (lowered[position - 1] in _ALNUM or lowered[position - 1] >= 0x80):
                continue  # `adobe`, `reborn`, `Výborný` (a non-ASCII letter is a letter too)
            after = position + len(word)
            if (
                word in (b"dob", b"born")
                and after < len(lowered)
                and (lowered[after] in _ALNUM or lowered[after] >= 0x80)
            ):
                continue
            # On the word's own line: past a line end stands the next record (`Washington's
            # Birthday` then the next holiday's date), unless the line is a label whose value
            # is on the next (`Date of birth:` above the date, as a form's text comes out of OCR).
            line_end = data.find(b"\n", after, after + 40)
            limit = after + 40
            if line_end != -1 and not _label_line(data, position, line_end):
                limit = line_end
            match = _DATE.search(data, after, limit)
            if match is None:
                continue
            if not date_is_plausible_birth(match):
                continue
            yield Candidate(DOB, "date of birth", match.start(), match.end(), match.group().decode(), True, STRONG)


def _label_line(data: bytes, position: int, line_end: int) -> bool:
    """Whether the birth word's line is a label whose value stands on the next line (`Date of
    birth:`, `Patient DOB`): it ends in a colon, or holds no digit and no field separator. A
    record's line (`2017-1-20,Washington's Birthday`) is neither."""
    line = data[data.rfind(b"\n", max(0, position - 200), position) + 1 : line_end].rstrip(b" \t\r")
    if line.endswith(b":"):
        return True
    return len(line) <= 60 and not any(byte in _RECORD_MARKS for byte in line)


_RECORD_MARKS = frozenset(b"0123456789,;\t|")


def date_is_plausible_birth(match: re.Match[bytes]) -> bool:
    if match.group("y1"):
        return v.plausible_birth_date(int(match.group("y1")), int(match.group("m1")), int(match.group("d1")))
    year, first, second = int(match.group("y2")), int(match.group("a2")), int(match.group("b2"))
    return v.plausible_birth_date(year, second, first) or v.plausible_birth_date(year, first, second)


def parse_date(text: str) -> bool:
    """A whole cell that is a plausible birth date (for columns named like one)."""
    match = _DATE.fullmatch(text.strip().encode("ascii", "replace")[:10])
    return match is not None and date_is_plausible_birth(match)
