"""Personal data by name: what a column header, JSON key or parquet field says it holds.

A name is split into words (`customerEmail`, `billing_address.street`, `DOB`), so `email`
matches `user_email` but not `emailed`. Words that say the column holds something *about* the
data rather than the data itself (`email_verified`, `phone_type`, `ip_country`, `card_brand`,
`ssn_hash`) cancel the match. The kind must also be what the name is about: a name's last word
is its head (`credit_card_due` is an amount, `3SsnPorch` a porch, `mobile_model` a device,
`birth_weight` a weight), so only words that say which one or in what form may follow the
kind (`phone_number`, `email_2`, `ssn_str`, `birth_date`, `ip_src`, `phone_home`). Names of
identifiers of other things (`order_id`, `sku`, `version`, `hash`) mark a column whose numbers
are not personal even when they look it.
"""

from __future__ import annotations

import re
from functools import lru_cache

NAME, ADDRESS, PASSPORT = "name", "address", "passport"
SCHEMA_ONLY_KINDS = (NAME, ADDRESS, PASSPORT)

_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
# A single word, or two adjacent words, and the kind it names.
_KINDS: dict[str, str] = {
    "email": "email", "e mail": "email", "mail address": "email", "emailaddress": "email", "mail": "email",
    "phone": "phone", "telephone": "phone", "tel": "phone", "mobile": "phone", "msisdn": "phone",
    "phonenumber": "phone", "cellphone": "phone", "fax": "phone", "cell phone": "phone",
    "ssn": "ssn", "social security": "ssn", "socialsecurity": "ssn",
    "card number": "card", "cardnumber": "card", "cc number": "card", "ccnum": "card", "cc num": "card",
    "pan": "card",
    "credit card": "card", "creditcard": "card",
    "iban": "iban", "bban": "iban", "bank account": "iban", "account number": "iban",
    "passport": PASSPORT,
    "national id": "national_id", "nationalid": "national_id", "nin": "national_id", "nino": "national_id",
    "dni": "national_id", "nie": "national_id", "cpf": "national_id", "aadhaar": "national_id",
    "pesel": "national_id", "bsn": "national_id", "personnummer": "national_id", "hetu": "national_id",
    "nir": "national_id", "codice fiscale": "national_id", "tax id": "national_id", "taxid": "national_id",
    "driver license": "national_id", "drivers license": "national_id", "driving licence": "national_id",
    "id number": "national_id", "sin": "national_id", "itin": "national_id", "government id": "national_id",
    "dob": "dob", "birth": "dob", "birthdate": "dob", "birthday": "dob", "born": "dob",
    "ip": "ip", "ipaddress": "ip", "ipv4": "ip", "ipv6": "ip", "ip address": "ip", "remote addr": "ip",
    "forwarded for": "ip",
    "first name": NAME, "last name": NAME, "full name": NAME, "given name": NAME, "family name": NAME,
    "firstname": NAME, "lastname": NAME, "fullname": NAME, "surname": NAME, "forename": NAME,
    "customer name": NAME, "patient name": NAME, "person name": NAME, "contact name": NAME,
    "address": ADDRESS, "street": ADDRESS, "street address": ADDRESS, "home address": ADDRESS,
    "postal address": ADDRESS, "address line": ADDRESS,
}  # fmt: skip
# Words that make the column a property of the data, not the data, wherever they stand
# (`hashed_email`, `email_verified`, `is_phone`, `birth_year`).
_ABOUT = frozenset(
    "hash hashed sha sha1 sha256 md5 digest masked redacted anon anonymized anonymised pseudonym token tokenized "
    "encrypted is has valid verified flag length len opt optin optout consent year month age mask "
    "sent send opened clicked bounced having".split()
)
# Words that count the kind when they come before it (`num_emails`, `n_phone`); after it they are
# a number's name (`card_num`) or the head (`email_count`).
_COUNTING = frozenset({"count", "num", "n", "nb", "total"})
# Words that may follow the kind in a name that still holds it: which one, in what form.
_QUALIFIERS = frozenset(
    "number numbers no nr num digits value val values text txt str string raw clean cleaned formatted "
    "normalized normalised canonical lower upper full primary secondary main alt alternate alternative other "
    "personal private work home business office mobile cell contact emergency billing shipping "
    "address addr date dt datetime line from to cc bcc src dst source dest destination client remote local first "
    "e164 intl international national public composite female male v with port biz direct key "
    # abbreviations and formats of warehouses and exports (`ssn_nbr`, `BIRTH_DTTM`, `dob_yyyymmdd`,
    # `clientIp_s`), and the suffixes pandas gives merged columns (`email_x`, `email_y`)
    "nbr dttm iso utc yyyymmdd ymd mmddyyyy ddmmyyyy sanitized hex s x y "
    # whose it is, when the kind comes first (`email_customer`, `phone_owner`, `dob_patient`)
    "customer client user member patient person employee owner applicant student subscriber guest buyer "
    "seller sender recipient receiver parent spouse guardian mother father".split()
)
# Identifiers of other things: numbers in such a column are not personal data.
_OTHER_IDS = frozenset(
    "id ids uuid guid order invoice sku product item part serial txn transaction tracking ticket ref reference "
    "version build release hash sha md5 checksum digest isbn ean upc asin gtin batch lot model code timestamp ts "
    "epoch time created updated".split()
)
# `email_address` and `ip_address` are not postal addresses.
_NOT_ALONE = {
    "address": (
        "email", "mail", "ip", "mac", "wallet", "contract", "memory", "host", "server",
        "bitcoin", "btc", "ethereum", "eth", "crypto",
    )
}  # fmt: skip


def words(name: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(name)]


# Known words a name written as one run of letters may be made of (`guardianphone`,
# `CONTACTFIRSTNAME`, `srcip`): the kinds' own words and what may stand beside them.
_VOCABULARY = frozenset({word for key in _KINDS for word in key.split()} | _QUALIFIERS)
_LONGEST = max(len(word) for word in _VOCABULARY)
_MAX_SEGMENTED = 64  # letters of one run split into words: real names are shorter, and the work stays small


def _segmented(word: str) -> list[str]:
    """`guardianworkphone` -> guardian, work, phone: the fewest known words (each of two letters or
    more) that make up the whole word, else the word itself (`microphone`, `headphone`: `micro` and
    `head` are not known words, so they stay one word, not a phone)."""
    if not 5 <= len(word) <= _MAX_SEGMENTED or word in _KINDS or word in _QUALIFIERS or not word.isalpha():
        return [word]
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(2, len(word) + 1):
        for start in range(max(0, end - _LONGEST), end - 1):
            head, known = best[start], best[end]
            if head is not None and word[start:end] in _VOCABULARY and (known is None or len(head) + 1 < len(known)):
                best[end] = [*head, word[start:end]]
    return best[-1] or [word]


@lru_cache(maxsize=4096)
def kind_of(name: str) -> str | None:
    """The personal-data kind a column name says it holds, or None."""
    parts = [piece for part in words(name[:200]) for piece in _segmented(part)]
    if not parts or any(part in _ABOUT for part in parts):
        return None
    found: str | None = None
    for index, part in enumerate(parts):
        pair = f"{part} {parts[index + 1]}" if index + 1 < len(parts) else ""
        for key, width in ((pair, 2), (pair.replace(" ", ""), 2), (part, 1)):
            kind = (_KINDS.get(key) or _KINDS.get(_singular(key))) if key else None
            if kind is None:
                continue
            blockers = _NOT_ALONE.get(part, ())
            if kind == ADDRESS and any(p in blockers for p in parts):
                # `ip_address`, `email_address`: the address of that, not a postal one
                kind = "ip" if "ip" in parts else "email" if "email" in parts or "mail" in parts else None
                if kind is None:
                    continue
            counted = any(word in _COUNTING for word in parts[:index])
            if found is None and not counted and _heads(parts[index + width :]):
                found = kind
            break
    return found


def _singular(key: str) -> str:
    """`emails`, `ip addresses`, `phones` -> the kind's own word (not `address` itself)."""
    if key.endswith("sses"):
        return key[:-2]
    if key.endswith("s") and not key.endswith("ss"):
        return key[:-1]
    return key


def _heads(rest: list[str]) -> bool:
    """Whether a kind followed by `rest` is still the name's head: only qualifiers or numbers follow."""
    return all(word.isdigit() or word in _QUALIFIERS for word in rest) or "".join(rest) in _QUALIFIERS


@lru_cache(maxsize=4096)
def names_other_identifier(name: str) -> bool:
    """`order_id`, `sku`, `build_version`: values here are not personal even when shaped like it."""
    return any(part in _OTHER_IDS for part in words(name[:200]))


# Python's core metadata fields (PKG-INFO, METADATA, `pip install --report`, setup() keywords):
# the contact a package's author published with it on the index.
_PACKAGE_CONTACTS = frozenset({("author", "email"), ("maintainer", "email"), ("author",), ("maintainer",)})


@lru_cache(maxsize=4096)
def names_package_contact(name: str) -> bool:
    """`author_email`, `Maintainer-email`, `author`: a package's published contact fields (only
    read so in a table of package metadata, `is_package_metadata`)."""
    return tuple(words(name[:200])) in _PACKAGE_CONTACTS


# The fields every core-metadata record has, and one only a package's metadata has.
_PACKAGE_FIELDS = frozenset({"name", "version"})
_PACKAGE_ONLY = frozenset({"requires_python", "requires_dist", "metadata_version"})


def is_package_metadata(columns: list[str]) -> bool:
    """A table whose fields are a package's core metadata (a pip report's `metadata` objects,
    PKG-INFO): `name`, `version` and a field only packages have (`requires_dist`, `requires_python`,
    `metadata_version`; a helpdesk export may well have a `home_page`)."""
    names = {"_".join(words(column[:200])) for column in columns[:10_000]}
    return names >= _PACKAGE_FIELDS and bool(_PACKAGE_ONLY & names)


# An OpenAPI (or Swagger 2) description: its `info.contact.email` is the address the API's
# publisher printed for its users, like a package's author contact.
# (The keys seen are those with a text or number value: `info` and `paths` hold objects.)
_API_DESCRIPTION_FIELDS = frozenset({"title", "version"})
_API_DESCRIPTION_MARKS = frozenset({"openapi", "swagger"})


def is_api_description(columns: list[str]) -> bool:
    """The keys of an OpenAPI or Swagger document: its `openapi: "3.x"` or `swagger: "2.0"`
    version field and the `title` and `version` its `info` object must carry."""
    names = set(columns[:10_000])
    return names >= _API_DESCRIPTION_FIELDS and bool(_API_DESCRIPTION_MARKS & names)
