"""Checksums and validity rules that tell a real identifier from a number of the same shape.

Sources of the facts (formats, lengths, check-digit algorithms) are listed in ATTRIBUTION.md.
Every function takes the candidate's characters and answers True only for a value that could
have been issued; documented test and example values answer False (they are nobody's data).
"""

from __future__ import annotations

import datetime

# --- payment cards -----------------------------------------------------------------------


_DOUBLED = bytes.maketrans(b"0123456789", bytes([0, 2, 4, 6, 8, 1, 3, 5, 7, 9]))
_PLAIN = bytes.maketrans(b"0123456789", bytes(range(10)))


def luhn(digits: str) -> bool:
    """The Luhn check (ISO/IEC 7812): sums taken in C over byte slices."""
    raw = digits.encode("ascii")
    return (sum(raw[-1::-2].translate(_PLAIN)) + sum(raw[-2::-2].translate(_DOUBLED))) % 10 == 0


# (prefix range low, high, allowed lengths): brand ranges as published by the schemes.
_CARD_RANGES: tuple[tuple[int, int, int, frozenset[int]], ...] = (
    (4, 4, 1, frozenset({13, 16, 19})),  # Visa
    (51, 55, 2, frozenset({16})),  # Mastercard
    (2221, 2720, 4, frozenset({16})),  # Mastercard 2-series
    (34, 34, 2, frozenset({15})),  # American Express
    (37, 37, 2, frozenset({15})),
    (6011, 6011, 4, frozenset({16, 19})),  # Discover
    (644, 649, 3, frozenset({16, 19})),
    (65, 65, 2, frozenset({16, 19})),
    (3528, 3589, 4, frozenset({16, 19})),  # JCB
    (300, 305, 3, frozenset({14, 16, 19})),  # Diners Club
    (36, 36, 2, frozenset({14, 16, 19})),
    (38, 39, 2, frozenset({16, 19})),
    (62, 62, 2, frozenset({16, 17, 18, 19})),  # UnionPay
)
# Numbers the card schemes and payment processors publish for testing: nobody's card.
TEST_CARDS = frozenset(
    """4111111111111111 4242424242424242 4012888888881881 4000056655665556 4222222222222 4000000000000002
    4000000000000077 4000000000003063 4000002500003155 4000000000009995 4000000000000341 4000000000000069
    4000000000000119 4000000000000127 4000000000003220 4000002760003184 4000000000000101 4917610000000000
    4462030000000000 4917300800000000 4484070000000000 4005519200000004 4009348888881881 4012000033330026
    4012000077777777 4217651111111119 4500600000000061 4988438843884305 4166676667666746 4646464646464644
    4000000000000010 4000000000000028 4000000000000036 4000000000000044 4000000000000051
    5555555555554444 5105105105105100 5200828282828210 5454545454545454 5555555555555557 5431111111111111
    2223003122003222 2223000048400011 2222400070000005 5500000000000004 5424000000000015 5200000000000007
    378282246310005 371449635398431 378734493671000 370000000000002 341111111111111 340000000000009
    6011111111111117 6011000990139424 6011601160116611 6011000000000004 6445644564456445 6011000400000000
    3530111333300000 3566002020360505 3566111111111113 3088000000000017
    30569309025904 38520000023237 36227206271667 36700102000000 36148900647913 30000000000004
    6200000000000005 6205500000000000004 6250941006528599""".split()
)


def _brand_table() -> dict[str, frozenset[int]]:
    table: dict[str, frozenset[int]] = {}
    for low, high, _width, lengths in _CARD_RANGES:
        for prefix in range(low, high + 1):
            table[str(prefix)] = table.get(str(prefix), frozenset()) | lengths
    return table


_BRAND_PREFIXES = _brand_table()


def card_brand(digits: str) -> str | None:
    """The scheme a number belongs to by its prefix and length, or None."""
    length = len(digits)
    for width in (1, 2, 3, 4):
        lengths = _BRAND_PREFIXES.get(digits[:width])
        if lengths is not None and length in lengths:
            return "card"
    return None


def is_card(digits: str) -> bool:
    if digits in TEST_CARDS or _repetitive(digits):
        return False
    return card_brand(digits) is not None and luhn(digits)


_ASCENDING = "0123456789" * 4
_DESCENDING = "9876543210" * 4


def _repetitive(digits: str) -> bool:
    """All one digit, one short block repeated (4444..., 1234 1234...), or one digit held down
    after or before another (266666666, 42222222): typed to fill a form, not issued."""
    length = len(digits)
    if any(length >= 2 * size and digits[size:] == digits[:-size] for size in (1, 2, 4)):
        return True  # a string equal to itself shifted by `size` repeats a block of that size
    if length >= 6 and (len(set(digits[1:])) == 1 or len(set(digits[:-1])) == 1):
        return True
    return digits in _ASCENDING or digits in _DESCENDING


# --- IBAN ----------------------------------------------------------------------------------

# Country code -> total IBAN length (SWIFT IBAN registry).
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
    "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25,
    "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18,
    "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33,
    "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip
# Example IBANs printed in standards, bank documentation and Wikipedia.
EXAMPLE_IBANS = frozenset(
    """GB82WEST12345698765432 GB29NWBK60161331926819 DE89370400440532013000 DE44500105175407324931
    FR1420041010050500013M02606 FR7630006000011234567890189 NL91ABNA0417164300 NL02ABNA0123456789
    ES9121000418450200051332 IT60X0542811101000000123456 CH9300762011623852957 BE68539007547034
    AT611904300234573201 PL61109010140000071219812874 SE4550000000058398257466 NO9386011117947
    IE29AIBK93115212345678 PT50000201231234567890154 DK5000400440116243 FI2112345600000785""".split()
)


def is_iban(compact: str) -> bool:
    """`compact`: upper-case letters and digits, no spaces."""
    expected = IBAN_LENGTHS.get(compact[:2])
    if expected is None or len(compact) != expected or not compact[2:4].isdigit():
        return False
    if compact in EXAMPLE_IBANS or compact[2:4] in ("00", "01", "99"):
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(char, 36)) for char in rearranged)
    return int(number) % 97 == 1 and not _repetitive(compact[4:])


# --- US social security numbers -------------------------------------------------------------

# Numbers the SSA never issues or that were published (the Woolworth wallet card, adverts).
_PUBLISHED_SSNS = frozenset({"078051120", "219099999", "123456789", "457555462"})


def is_ssn(digits: str) -> bool:
    """Area 001-899 except 666, group 01-99, serial 0001-9999 (SSA's rules since 2011)."""
    if len(digits) != 9 or digits in _PUBLISHED_SSNS or _repetitive(digits):
        return False
    area, group, serial = int(digits[:3]), int(digits[3:5]), int(digits[5:])
    if area == 0 or area == 666 or area >= 900 or group == 0 or serial == 0:
        return False
    return not (digits.startswith("98765432"))  # 987-65-4320..4329: reserved for advertising


# --- telephone numbers -----------------------------------------------------------------------

# ITU-T E.164 country codes: 1 and 7, the two-digit codes, and the two-digit blocks of
# three-digit codes.
_CC_ONE = frozenset({"1", "7"})
_CC_TWO = frozenset(
    "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 "
    "81 82 84 86 90 91 92 93 94 95 98".split()
)
_CC_THREE_BLOCKS = frozenset("21 22 23 24 25 26 29 35 37 38 42 50 59 67 68 69 85 87 88 96 97 99".split())


def is_nanp(digits: str) -> bool:
    """A North American number (10 digits): NPA and NXX start 2-9, neither is N11, 555-01xx is fictional."""
    if len(digits) != 10:
        return False
    npa, nxx, line = digits[:3], digits[3:6], digits[6:]
    if npa[0] in "01" or nxx[0] in "01" or npa[1:] == "11" or nxx[1:] == "11":
        return False
    if npa[1] == "9" or npa in ("555", "800", "888", "877", "866", "855", "844", "833"):
        return False  # N9X is reserved for expansion; toll-free numbers belong to businesses
    if nxx == "555" and line.startswith("01"):
        return False
    return not _repetitive(digits) and not _repetitive(digits[3:])


def is_e164(digits: str) -> bool:
    """`digits` after the `+`: a known country code and 8 to 15 digits in all."""
    if not 8 <= len(digits) <= 15 or digits[0] == "0":
        return False
    if digits[0] == "1":
        return is_nanp(digits[1:])
    if digits[:1] in _CC_ONE or digits[:2] in _CC_TWO or digits[:2] in _CC_THREE_BLOCKS:
        return not _repetitive(digits)
    return False


# --- dates -----------------------------------------------------------------------------------


def plausible_birth_date(year: int, month: int, day: int) -> bool:
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return False
    return year >= 1900 and date <= datetime.date.today()


# --- national identity numbers with a check digit ---------------------------------------------

_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def is_spanish_dni(value: str) -> bool:
    """DNI `12345678Z` or NIE `X1234567L`: the letter is the number mod 23."""
    head, letter = value[:-1], value[-1]
    if head[0] in "XYZ":
        head = str("XYZ".index(head[0])) + head[1:]
    if len(head) != 8 or not head.isdigit() or _repetitive(head):
        return False
    return _DNI_LETTERS[int(head) % 23] == letter


def is_brazil_cpf(digits: str) -> bool:
    """CPF: 9 digits and two mod-11 check digits."""
    if len(digits) != 11 or _repetitive(digits):
        return False
    numbers = [int(c) for c in digits]
    for length in (9, 10):
        total = sum(n * (length + 1 - i) for i, n in enumerate(numbers[:length]))
        check = (total * 10) % 11 % 10
        if check != numbers[length]:
            return False
    return True


_RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def is_china_ric(value: str) -> bool:
    """Resident identity card: region, birth date YYYYMMDD, sequence, ISO 7064 MOD 11-2 check."""
    if len(value) != 18 or not value[:17].isdigit() or value[0] == "0":
        return False
    if not plausible_birth_date(int(value[6:10]), int(value[10:12]), int(value[12:14])):
        return False
    total = sum(int(c) * w for c, w in zip(value[:17], _RIC_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == value[17].upper()


_CF_ODD = dict(
    zip(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12,
         14, 16, 10, 22, 25, 24, 23),
        strict=True,
    )
)  # fmt: skip


def is_italy_codice_fiscale(value: str) -> bool:
    """16 characters: surname, name, birth date and place, then a check letter."""
    if len(value) != 16:
        return False
    total = 0
    for index, char in enumerate(value[:15]):
        if index % 2 == 0:
            total += _CF_ODD[char]
        else:
            total += int(char) if char.isdigit() else ord(char) - 65
    return chr(65 + total % 26) == value[15]


def is_france_nir(digits: str) -> bool:
    """Social security number: 13 digits and a key of 97 - (number mod 97); Corsica's 2A/2B as digits."""
    if len(digits) != 15 or digits[0] not in "12" or not 1 <= int(digits[3:5]) <= 12:
        return False
    return 97 - int(digits[:13]) % 97 == int(digits[13:])


def is_sweden_personnummer(digits: str) -> bool:
    """YYMMDD + 3-digit serial + Luhn digit (10 digits)."""
    if len(digits) != 10:
        return False
    month, day = int(digits[2:4]), int(digits[4:6])
    if not 1 <= month <= 12 or not 1 <= day <= 31 + 60:  # day + 60: coordination number
        return False
    return luhn(digits) and not _repetitive(digits)


_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def is_finland_hetu(value: str) -> bool:
    """DDMMYY, century sign, 3-digit individual number, check character (number mod 31)."""
    if len(value) != 11 or value[6] not in "+-ABCDEFYXWVU":
        return False
    digits = value[:6] + value[7:10]
    if not digits.isdigit() or not 1 <= int(value[2:4]) <= 12 or not 1 <= int(value[:2]) <= 31:
        return False
    return _HETU_CHECK[int(digits) % 31] == value[10]


_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 2, 3, 4, 0, 6, 7, 8, 9, 5), (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7), (4, 0, 1, 2, 3, 9, 5, 6, 7, 8), (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2), (7, 6, 5, 9, 8, 2, 1, 0, 4, 3), (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)  # fmt: skip
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 5, 7, 6, 2, 8, 3, 0, 9, 4), (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7), (9, 4, 5, 3, 1, 2, 6, 8, 7, 0), (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5), (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)  # fmt: skip


def is_india_aadhaar(digits: str) -> bool:
    """12 digits, first 2-9, Verhoeff check digit."""
    if len(digits) != 12 or digits[0] in "01" or _repetitive(digits):
        return False
    check = 0
    for index, char in enumerate(reversed(digits)):
        check = _VERHOEFF_D[check][_VERHOEFF_P[index % 8][int(char)]]
    return check == 0


def is_netherlands_bsn(digits: str) -> bool:
    """9 digits passing the eleven test (weights 9..2 and -1)."""
    if len(digits) != 9 or _repetitive(digits):
        return False
    total = sum(int(c) * w for c, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total % 11 == 0 and total != 0


def is_poland_pesel(digits: str) -> bool:
    if len(digits) != 11 or _repetitive(digits):
        return False
    total = sum(int(c) * w for c, w in zip(digits[:10], (1, 3, 7, 9, 1, 3, 7, 9, 1, 3), strict=True))
    month = int(digits[2:4]) % 20
    return (10 - total % 10) % 10 == int(digits[10]) and 1 <= month <= 12


def is_canada_sin(digits: str) -> bool:
    return len(digits) == 9 and digits[0] not in "08" and luhn(digits) and not _repetitive(digits)
