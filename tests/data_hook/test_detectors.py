"""Each kind of personal data: a positive in realistic text, and look-alikes that stay silent."""

from __future__ import annotations

import pytest

from hooks.data import validators as v
from hooks.data.detectors import find_candidates
from tests.data_hook.helpers import card, iban


def valid(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.value) for c in find_candidates(text.encode()) if c.valid]


VISA = card("4539")
MASTER = card("5425", seed=3)
AMEX = card("3714", 15, seed=5)
GERMAN_IBAN = iban("DE", "500105175407324932")

POSITIVES = [
    ("email", "contact: jane.roe@gmail.com;", "jane.roe@gmail.com"),
    ("email", '"to": "Zoë <z.smith+ml@posteo.de>"', "z.smith+ml@posteo.de"),
    ("email", "reach j@ab.io", "j@ab.io"),
    ("email", "or ab@c.io", "ab@c.io"),
    ("email", "qq 1234586@qq.com", "1234586@qq.com"),  # a number, not a typed run
    ("email", "Li Wei, 123456789@qq.com", "123456789@qq.com"),  # QQ mailboxes are account numbers
    ("phone", "call (415) 867-5309 today", "(415) 867-5309"),
    ("phone", "tel 415-867-5309,", "415-867-5309"),
    ("phone", "mobile +44 20 7946 0123", "+44 20 7946 0123"),
    ("phone", "+4915112345678", "+4915112345678"),
    ("ssn", "ssn 219-45-6781 on file", "219-45-6781"),
    ("ssn", "ssn 266-66-6661 on file", "266-66-6661"),
    (
        "card",
        f"paid with {VISA[:4]} {VISA[4:8]} {VISA[8:12]} {VISA[12:]}",
        f"{VISA[:4]} {VISA[4:8]} {VISA[8:12]} {VISA[12:]}",
    ),
    (
        "card",
        f"card={MASTER[:4]}-{MASTER[4:8]}-{MASTER[8:12]}-{MASTER[12:]}",
        f"{MASTER[:4]}-{MASTER[4:8]}-{MASTER[8:12]}-{MASTER[12:]}",
    ),
    ("card", f"amex {AMEX[:4]} {AMEX[4:10]} {AMEX[10:]}", f"{AMEX[:4]} {AMEX[4:10]} {AMEX[10:]}"),
    ("iban", f"pay to {GERMAN_IBAN}.", GERMAN_IBAN),
    (
        "iban",
        "IBAN " + " ".join(GERMAN_IBAN[i : i + 4] for i in range(0, 22, 4)),
        " ".join(GERMAN_IBAN[i : i + 4] for i in range(0, 22, 4)),
    ),
    ("email", "reach shannon.walker@contosso.com now", "shannon.walker@contosso.com"),  # not Contoso
    ("email", "examples.team@amazon.com", "examples.team@amazon.com"),  # only the bare hint is one
    ("email", "mail dana@dummy.dummyjson.example.co", "dana@dummy.dummyjson.example.co"),  # the domain is example.co
    ("email", "ask lee@antifake.io", "lee@antifake.io"),  # a name that does not start by saying it
    ("email", "from r.saleh@fakeeh.com", "r.saleh@fakeeh.com"),  # a hospital's name, not made up
    ("email", "via jo@fakemail.net", "jo@fakemail.net"),  # a throwaway inbox is still someone's
    ("ip", "client 73.162.45.201 connected", "73.162.45.201"),
    ("ip", "from 2a03:2880:f12f:83:face:b00c:0:25de", "2a03:2880:f12f:83:face:b00c:0:25de"),
    ("dob", "John Smith, born 12/03/1985 in Leeds", "12/03/1985"),
    ("dob", "DOB: 1990-12-01", "1990-12-01"),
    ("national_id", "DNI 48392017V", "48392017V"),
    ("national_id", "cpf 529.982.247-25", "529.982.247-25"),
    ("national_id", "codice RSSMRA85T10A562S ok", "RSSMRA85T10A562S"),
    ("national_id", "id 11010519491231002X", "11010519491231002X"),
    ("national_id", "hetu 131052-308T", "131052-308T"),
]


@pytest.mark.parametrize(("kind", "text", "value"), POSITIVES)
def test_positive(kind: str, text: str, value: str) -> None:
    assert (kind, value) in valid(text)


LOOK_ALIKES = [
    "order 6126933103096309 shipped",  # 16-digit id (Luhn-invalid)
    "4111 1111 1111 1111",  # published test card
    "4539 1488 0343 6468",  # Luhn-invalid
    "version 3.10.2.1 and 1.2.3.4",  # versions, not addresses
    "10.0.0.1 192.168.1.20 127.0.0.1",  # private ranges
    "sha 356a192b7913b04c54574d18c28d46e6395428ab",
    "uuid 6ec9d286-63ca-828d-d5f4-b3b2e4b06ce6",
    "ts 1701058756 2023-05-04T12:31:00Z 12:30:45",
    "ID-122-126-9870 ticket #415-867-5309",  # phone-like ids
    "555-0142 and (415) 555-0123",  # fictional numbers
    "written 2021-03-04 and 04/05/2019",  # dates alone
    "user@example.com admin@test.invalid noreply@github.com git@github.com:org/repo.git",
    "image@2x.png logo@3x.jpg",
    "987-65-4321 000-12-3456 666-12-3456 912-12-3456",  # SSNs never issued
    "ssn 266-66-6666 and 422222222, 555555552",  # one digit held down: typed into a form
    "emails a@b.com, c@d.org",  # one letter at a one-letter name: the shape examples use
    "shannon.walker@contoso.com, ops@fabrikam.com",  # Microsoft's fictitious documentation companies
    "emily.johnson@x.dummyjson.com, shop@fakestoreapi.com",  # mock-data services' own made-up domains
    "example@amazon.com your.email@gmail.com",  # a slot's hint at a real provider
    "123456@gmail.com abcdef@yahoo.com xxxxx@corp-mail.com",  # typed fillers
    "GB82WEST12345698765432",  # published example IBAN
    "DE00123456789012345678",  # IBAN shape, wrong check digits
    "pi 3.14159265358979 e 2.718281828459045",
    "std::vector<int> a::b",
    "+1 (800) 555-0199",  # toll-free and fictional
    "1e+1234567890",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alike(text: str) -> None:
    assert valid(text) == []


def test_validators() -> None:
    assert v.luhn("79927398713") and not v.luhn("79927398710")
    assert v.is_card(VISA) and not v.is_card("4111111111111111")
    assert v.is_iban(GERMAN_IBAN) and not v.is_iban(GERMAN_IBAN[:-1] + "0")
    assert v.is_ssn("219456781") and not v.is_ssn("666456781") and not v.is_ssn("219006781")
    assert v.is_nanp("4158675309") and not v.is_nanp("1238675309") and not v.is_nanp("4155550123")
    assert v.is_e164("442079460123") and not v.is_e164("0442079460123")
    assert v.is_spanish_dni("48392017V") and not v.is_spanish_dni("48392017A")
    assert v.is_brazil_cpf("52998224725") and not v.is_brazil_cpf("52998224726")
    assert v.is_china_ric("11010519491231002X")
    assert v.is_india_aadhaar("234123412346") and not v.is_india_aadhaar("234123412345")
    assert v.is_netherlands_bsn("111222333") and not v.is_netherlands_bsn("111222334")
    assert v.is_poland_pesel("44051401359") and not v.is_poland_pesel("44051401358")
    assert v.is_canada_sin("130692544") or v.is_canada_sin(
        next("13069254" + d for d in "0123456789" if v.luhn("13069254" + d))
    )
    assert v.is_france_nir("255081416802538")
    assert v.is_finland_hetu("131052-308T") and not v.is_finland_hetu("131052-308U")


def _aadhaar_numbers(count: int) -> list[str]:
    found = []
    for number in range(234567890100, 234567899999):
        if v.is_india_aadhaar(str(number)):
            found.append(str(number))
            if len(found) == count:
                return found
    raise AssertionError("no valid numbers in range")


def test_grouped_digits_inside_a_printed_array_of_numbers_are_not_one_identifier() -> None:
    first, second = (f"{n[:4]} {n[4:8]} {n[8:]}" for n in _aadhaar_numbers(2))
    # Token ids printed by numpy: rows of numbers one or more spaces apart, the last row shorter.
    array = f"[[ 101 {first}   12  102    0    0    0]\n [  17  981 {second} 2011 1012]\n [ 4 5 6]]\n"
    assert [k for k, _ in valid(array)] == []
    # The same numbers as values of a record, or in a sentence, are identifiers.
    assert [k for k, _ in valid(f"aadhaar: {first}\nother: {second}\n")] == ["national_id", "national_id"]
    card_row = f"  0    {VISA[:4]} {VISA[4:8]} {VISA[8:12]} {VISA[12:]}\n"  # a printed DataFrame's row
    assert [k for k, _ in valid(card_row)] == ["card"]


def test_a_birth_word_takes_a_date_on_its_own_line_only() -> None:
    holidays = "Date,Holiday\n2017-1-20,Washington's Birthday\n2006-2-20,Washington's Birthday\n2001-5-28,Memorial\n"
    assert valid(holidays) == []
    assert valid("name: Jane Roe, birthday 1984-02-20, city Leeds\n") == [("dob", "1984-02-20")]


def test_a_grouped_value_quoted_or_between_commas_is_one_value_even_among_numbers() -> None:
    grouped = f"{VISA[:4]} {VISA[4:8]} {VISA[8:12]} {VISA[12:]}"
    strings = f"[['{grouped}' '808.63' '18' '5411' '1' '0' '7']]\n"  # numpy's array of strings
    fields = f"1000,{grouped},325.21,5411,1,0\n1001,{grouped},699.65,5411,2,0\n"  # an all-numeric CSV
    assert [k for k, _ in valid(strings)] == ["card"]
    assert [k for k, _ in valid(fields)] == ["card", "card"]


def test_a_form_label_ending_in_a_colon_takes_the_date_on_the_next_line() -> None:
    assert valid("Surname: MUELLER\nDate of birth:\n14.03.1985\nPlace of birth: BERLIN\n") == [("dob", "14.03.1985")]
