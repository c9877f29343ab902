"""Whole cell values of a column whose name says what it holds (`phone`, `ssn`, `dob`).

The name is evidence, so formats that are too weak to count in bulk (a bare 10-digit number,
a 9-digit SSN, a plain date) are validated here, one cell at a time.
"""

from __future__ import annotations

from hooks.data import validators as v
from hooks.data.detectors import CARD, DOB, IP, NATIONAL_ID, PHONE, SSN, STRONG, Candidate, parse_date

CELL_KINDS = frozenset({PHONE, SSN, CARD, NATIONAL_ID, DOB, IP})
_STRIP = {ord(c): None for c in " -./()"}


def cell_candidate(kind: str, raw: str) -> Candidate | None:
    """A candidate for the whole cell, or None when the cell does not have the kind's shape."""
    text = raw.strip().strip("\"'")
    if not text or len(text) > 64:
        return None
    valid = _judge(kind, text)
    if valid is None:
        return None
    label = {PHONE: "phone number", SSN: "US social security number", CARD: "payment card number"}.get(kind, "")
    label = label or {NATIONAL_ID: "national identity number", DOB: "date of birth", IP: "IP address"}[kind]
    return Candidate(kind, label, 0, len(text), text, valid, STRONG)


def _judge(kind: str, text: str) -> bool | None:
    compact = text.translate(_STRIP)
    if kind == PHONE:
        if compact.startswith("+") and compact[1:].isdigit():
            return v.is_e164(compact[1:])
        if not compact.isdigit() or not 7 <= len(compact) <= 15:
            return None
        if len(compact) == 11 and compact[0] == "1":
            compact = compact[1:]
        return v.is_nanp(compact)
    if kind == SSN:
        return v.is_ssn(compact) if compact.isdigit() and len(compact) == 9 else None
    if kind == CARD:
        if not compact.isdigit() or not 12 <= len(compact) <= 19 or compact in v.TEST_CARDS:
            return None
        return v.is_card(compact)
    if kind == NATIONAL_ID:
        return _national_id(compact.upper())
    if kind == DOB:
        if not any(c.isdigit() for c in text):
            return None
        return parse_date(text[:10])
    if kind == IP:
        import ipaddress

        try:
            address = ipaddress.ip_address(text)
        except ValueError:
            return None
        return address.is_global or None
    return None


def _national_id(value: str) -> bool | None:
    if not value.isalnum() or not 8 <= len(value) <= 18 or not any(c.isdigit() for c in value):
        return None
    checks = (
        v.is_spanish_dni,
        v.is_brazil_cpf,
        v.is_china_ric,
        v.is_france_nir,
        v.is_sweden_personnummer,
        v.is_india_aadhaar,
        v.is_netherlands_bsn,
        v.is_poland_pesel,
        v.is_canada_sin,
    )
    if len(value) == 16 and value[:6].isalpha():
        return v.is_italy_codice_fiscale(value)
    return any(_safe(check, value) for check in checks)


def _safe(check: object, value: str) -> bool:
    try:
        return bool(check(value))  # type: ignore[operator]
    except (ValueError, IndexError, KeyError):
        return False
