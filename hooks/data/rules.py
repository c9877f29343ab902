"""The rules of mlsec-data: personal data, credentials and oversize files in committed data."""

from __future__ import annotations

from hooks._core.rules import RuleBook

BOOK = RuleBook("data")

_PII_WHY = (
    "A dataset committed to git is copied to every clone, fork and CI cache and stays in the history after "
    "the file is deleted; personal data in it is a privacy breach (GDPR, CCPA) waiting to be noticed."
)
_PII_FIX = (
    "Remove the column or replace it with synthetic or hashed values, rewrite the history if it was pushed, "
    "or, for a public or synthetic dataset, add the file (and column) to `data.allowlist` with a reason."
)
# What a reviewer decides about a file's personal data is one thing about the file (keep it out of
# git, replace the values, or allowlist it as public or synthetic data): it blocks once.
PERSONAL_DATA = "personal data"
_PII_REFS = ("https://gdpr-info.eu/art-4-gdpr/", "https://csrc.nist.gov/pubs/sp/800/122/final")

DATA_FILE_TOO_LARGE = BOOK.rule(
    "MLS601",
    "DataFileTooLarge",
    "medium",
    "Large data file committed without Git LFS or DVC",
    cwe=400,
    what=(
        "A data file (`.csv .parquet .npy .h5 .pkl ...`) larger than `data.max_file_mb` (default 10) that is "
        "not tracked by Git LFS (`filter=lfs` in `.gitattributes`) or DVC (a `.dvc` pointer beside it)."
    ),
    why=(
        "Every clone downloads every version of the file forever: the repository grows past what hosts "
        "accept, and the data escapes the access control a data store would give it."
    ),
    example="data/train.parquet (312 MiB) added with plain `git add`",
    fix=(
        "Track it with `git lfs track` or `dvc add`, or keep it out of git; raise `data.max_file_mb` if the size "
        "is fine."
    ),
    references=("https://git-lfs.com/", "https://dvc.org/doc/user-guide/data-management"),
)
EMAILS_IN_DATA = BOOK.rule(
    "MLS602",
    "EmailAddressesInData",
    "medium",
    "Email addresses in a committed dataset",
    cwe=359,
    what=(
        "Email addresses in a data file or a notebook's dataframe output, counted per column. Reserved example "
        "domains (`example.com`, `.test`, `.invalid`), role mailboxes (`noreply@`) and `git@host:` addresses "
        "are not counted. Fewer than 20 in a whole file (authors, a support address, a sample's "
        "made-up customers) are reported low; 20 or more records in one file are a dataset of people."
    ),
    why=_PII_WHY,
    example="customers.csv: column `email`: 1,204 email addresses, e.g. j***@g***.com",
    fix=_PII_FIX,
    references=_PII_REFS,
    decided_per_file=PERSONAL_DATA,
)
PHONES_IN_DATA = BOOK.rule(
    "MLS603",
    "PhoneNumbersInData",
    "medium",
    "Phone numbers in a committed dataset",
    cwe=359,
    what=(
        "Phone numbers in E.164 form (`+44 20 7946 0958`, with a known country code) or North American form "
        "(`(415) 555-2671`, valid area and exchange codes; the fictional 555-01xx range is ignored). Bare digit "
        "runs count only in a column named like a phone number. Fewer than 20 in a whole file are reported low."
    ),
    why=_PII_WHY,
    example="leads.csv: column `phone`: 88 phone numbers, e.g. (***) ***-****",
    fix=_PII_FIX,
    references=_PII_REFS,
    decided_per_file=PERSONAL_DATA,
)
SSNS_IN_DATA = BOOK.rule(
    "MLS604",
    "SocialSecurityNumbersInData",
    "high",
    "US social security numbers in a committed dataset",
    cwe=359,
    what=(
        "`ddd-dd-dddd` values that follow the SSA's issuing rules (area 001-899 except 666, group and serial "
        "not zero, published and advertising numbers excluded); bare 9-digit values only in a column named "
        "like one."
    ),
    why=_PII_WHY + " An SSN is the key to identity theft.",
    example="patients.csv: column `ssn`: 40 US social security numbers, e.g. 1**-**-****",
    fix=_PII_FIX,
    references=(*_PII_REFS, "https://www.ssa.gov/employer/randomization.html"),
    decided_per_file=PERSONAL_DATA,
)
CARDS_IN_DATA = BOOK.rule(
    "MLS605",
    "PaymentCardNumbersInData",
    "high",
    "Payment card numbers in a committed dataset",
    cwe=359,
    what=(
        "Card numbers with a scheme's prefix and length that pass the Luhn check. Grouped numbers "
        "(`4539 1488 0343 6467`) count alone; bare digit runs only when most of their column passes (random "
        "ids pass Luhn one time in ten) or the column is named like a card number. Published test cards "
        "(`4111 1111 1111 1111`, ...) are ignored."
    ),
    why=_PII_WHY + " Card data in a repository puts the whole organisation out of PCI DSS scope control.",
    example="transactions.csv: column `cc_number`: 500 payment card numbers, e.g. 4***************",
    fix=_PII_FIX,
    references=(*_PII_REFS, "https://www.pcisecuritystandards.org/"),
    decided_per_file=PERSONAL_DATA,
)
IBANS_IN_DATA = BOOK.rule(
    "MLS606",
    "IbansInData",
    "high",
    "Bank account numbers (IBAN) in a committed dataset",
    cwe=359,
    what="IBANs with the registry length of their country and a valid mod-97 check; published examples are ignored.",
    why=_PII_WHY,
    example="payouts.jsonl: key `iban`: 12 IBANs, e.g. DE** **** **** **** **** **",
    fix=_PII_FIX,
    references=(*_PII_REFS, "https://www.swift.com/standards/data-standards/iban-international-bank-account-number"),
    decided_per_file=PERSONAL_DATA,
)
NATIONAL_IDS_IN_DATA = BOOK.rule(
    "MLS607",
    "NationalIdsInData",
    "high",
    "National identity numbers in a committed dataset",
    cwe=359,
    what=(
        "Identity numbers whose check digit or letter validates: Spanish DNI/NIE, Brazilian CPF, Chinese "
        "resident identity numbers, Italian codice fiscale, French NIR, Swedish and Finnish personal numbers, "
        "Indian Aadhaar, and in columns named like them Dutch BSN, Polish PESEL and Canadian SIN."
    ),
    why=_PII_WHY,
    example="clients.csv: column `dni`: 230 national identity numbers (Spanish DNI), e.g. 1*******Z",
    fix=_PII_FIX,
    references=_PII_REFS,
    decided_per_file=PERSONAL_DATA,
)
BIRTH_DATES_IN_DATA = BOOK.rule(
    "MLS608",
    "DatesOfBirthInData",
    "medium",
    "Dates of birth in a committed dataset",
    cwe=359,
    what=(
        "Dates in a column named like a birth date (`dob`, `birth_date`), or written after `born`, `DOB` or "
        "`date of birth`; reported high when the same table has a name column. A date alone is not counted."
    ),
    why=_PII_WHY + " A birth date with a name identifies most people uniquely.",
    example="members.csv: column `date_of_birth`: 310 dates of birth, e.g. 1***-**-**",
    fix=_PII_FIX,
    references=_PII_REFS,
    decided_per_file=PERSONAL_DATA,
)
IPS_IN_DATA = BOOK.rule(
    "MLS609",
    "IpAddressesInData",
    "low",
    "Public IP addresses in a committed dataset",
    cwe=359,
    what=(
        "Public IPv4 and IPv6 addresses (private, loopback, documentation and reserved ranges are ignored, and "
        "so are version-like strings such as `3.10.2.1`). Low by default: network datasets hold them by design."
    ),
    why="An IP address is personal data under the GDPR when it can be tied to a subscriber.",
    example="access_log.jsonl: key `client_ip`: 9,120 IP addresses, e.g. 7*.***.**.***",
    fix=_PII_FIX,
    references=_PII_REFS,
    decided_per_file=PERSONAL_DATA,
)
PERSONAL_DATA_COLUMN = BOOK.rule(
    "MLS610",
    "PersonalDataColumn",
    "medium",
    "Column named like personal data",
    cwe=359,
    precision="medium",  # a name says what a column should hold, not what it holds
    what=(
        "A column, key or field whose name says it holds personal data (`email`, `ssn`, `passport`, "
        "`first_name`, `address`, ...) as what the name is about: its last word, or followed only by words "
        "that say which one or in what form (`phone_home`, `email_2`, `birth_date`); `credit_card_due` is an "
        "amount and `3SsnPorch` a porch; `num_emails` counts, `address_id` is a key, `cc_last_4` partial digits. "
        "A name written as one run of letters is split into known words (`guardianphone`, `srcip`). "
        "Reported where the values could not be checked (parquet or arrow schema without pyarrow, npy "
        "fields, SQLite tables) or have no validator (names, postal addresses, passport numbers). Names and "
        "addresses are reported low."
    ),
    why=_PII_WHY,
    example="users.parquet: column `email` (schema only; values not read)",
    fix=_PII_FIX + " Install pyarrow (`mlsec-hooks[data]`) to have parquet and arrow values checked.",
    references=_PII_REFS,
    decided_per_file=PERSONAL_DATA,
)
CREDENTIALS_IN_DATA = BOOK.rule(
    "MLS611",
    "CredentialsInData",
    "high",
    "Credentials inside a binary or oversized data file",
    cwe=798,
    what=(
        "Tokens and keys (the secrets hook's detectors) in data files the secrets hook does not read: parquet, "
        "arrow, SQLite, pickle, npy, Excel, HDF5, and text data above its 32 MiB limit. Shown by type and hash."
    ),
    why="A credential in a dataset is as leaked as one in code, and nobody reviews a parquet file by eye.",
    example="events.parquet: 3 credentials (Hugging Face token, hash 3f2a9c1b)",
    fix="Revoke the credential, remove it from the data and the history.",
)
DATA_NOT_INSPECTED = BOOK.rule(
    "MLS912",
    "DataValuesNotInspected",
    "low",
    "Data file values not inspected",
    cwe=20,
    what=(
        "The values of a data file could not be read for personal data here: compressed parquet or arrow "
        "pages without pyarrow installed, an encrypted or unsupported layout, or a member over the limits."
    ),
    why="What was not read was not checked; the finding says so instead of passing the file silently.",
    fix="Install `mlsec-hooks[data]` (pyarrow) where the hook runs, or review the file's values by hand.",
)
DATA_UNPARSEABLE = BOOK.rule(
    "MLS913",
    "DataFileUnparseable",
    "medium",
    "Data file does not parse as its format",
    cwe=20,
    what=(
        "A file named as a columnar or array format (`.parquet .arrow .feather .npy .npz .xlsx .sqlite`) whose "
        "structure does not parse: a wrong magic number, a truncated footer, a schema that breaks the format."
    ),
    why="Its contents cannot be checked, and a file that is not what its name says deserves a look.",
    fix="Regenerate the file, or commit it under its real extension.",
)

RULE_FOR_KIND = {
    "email": EMAILS_IN_DATA,
    "phone": PHONES_IN_DATA,
    "ssn": SSNS_IN_DATA,
    "card": CARDS_IN_DATA,
    "iban": IBANS_IN_DATA,
    "national_id": NATIONAL_IDS_IN_DATA,
    "dob": BIRTH_DATES_IN_DATA,
    "ip": IPS_IN_DATA,
}
