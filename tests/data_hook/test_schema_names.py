"""What a column name says it holds: the kind must be the name's head, not a word inside it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hooks.data.schema_names import _KINDS, kind_of


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("ssn", "ssn"),
        ("customer_ssn", "ssn"),
        ("dependent7_ssn", "ssn"),
        ("CustomerDOB", "dob"),
        ("date_of_birth", "dob"),
        ("birth_date", "dob"),
        ("credit_card_number", "card"),
        ("credit_card", "card"),
        ("emailAddress", "email"),
        ("email_2", "email"),
        ("phone_number", "phone"),
        ("phone_home", "phone"),
        ("phone_e164", "phone"),
        ("ip_src", "ip"),
        ("src_ip", "ip"),
        ("address_line_1", "address"),
        ("passport_no", "passport"),
        ("ipv4_public", "ip"),
        ("first_name_female", "name"),
        ("EmployeeNationalIDAlternateKey", "national_id"),
        # One run of letters made of known words.
        ("guardianphone", "phone"),
        ("srcip", "ip"),
        ("CONTACTFIRSTNAME", "name"),
        ("ADDRESSLINE1", "address"),
        ("governmentid", "national_id"),
        # A word naming another thing before the kind says whose it is.
        ("Provider Business Mailing Address Telephone Number", "phone"),
        ("provider_email", "email"),
        ("x_forwarded_for", "ip"),
        ("cc_num", "card"),
        # Warehouse abbreviations, formats, merge suffixes and plurals.
        ("ssn_nbr", "ssn"),
        ("BIRTH_DTTM", "dob"),
        ("email_x", "email"),
        ("emailAddresses", "email"),
        ("ip_addresses", "ip"),
        # The kind first, then whose it is.
        ("email_customer", "email"),
        ("dob_patient", "dob"),
        # A name of two kinds is about the last one.
        ("dob_ssn", "ssn"),
    ],
)
def test_a_name_whose_head_is_the_kind_holds_it(name: str, kind: str) -> None:
    assert kind_of(name) == kind


@pytest.mark.parametrize(
    "name",
    [
        "3SsnPorch",  # Ames housing: the area of a three-season porch
        "credit_card_due",  # an amount owed
        "credit_card_limit",
        "mobile_model",  # a device
        "birth_weight",  # a measurement of a newborn
        "email_campaign",
        "ip_hits",
        "ssn_hash",  # about the value, not the value (unchanged)
        "phone_type",
        "email_on_file",
        "ssn_last4",  # partial digits, like a card's last four
        "address_id",  # a key of another table
        "CreditCardID",
        "cc2",  # a country code
        "bitcoin_address",
        "send_email",  # a flag
        "microphone",  # `micro` is no known word: one word, not a phone
        "headphone",
        "num_emails",  # counted
        "email_count",
        "EmailAddressID",  # a key of the addresses' table
        "email_domain",
    ],
)
def test_a_name_about_something_else_is_not_personal_data(name: str) -> None:
    assert kind_of(name) is None


@given(st.text(max_size=300))
def test_any_name_gives_a_known_kind_or_none(name: str) -> None:
    assert kind_of(name) in {None, *_KINDS.values()}


def test_a_long_run_of_letters_is_split_in_bounded_time() -> None:
    from hooks.data.schema_names import _segmented

    assert _segmented("phone" * 12) == ["phone"] * 12
    assert _segmented("phone" * 40) == ["phone" * 40]  # past the bound: one word, not read as phones
    assert _segmented("x" * 200) == ["x" * 200]
