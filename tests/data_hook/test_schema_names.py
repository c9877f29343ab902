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
        ("ssn_last4", "ssn"),
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
    ],
)
def test_a_name_about_something_else_is_not_personal_data(name: str) -> None:
    assert kind_of(name) is None


@given(st.text(max_size=300))
def test_any_name_gives_a_known_kind_or_none(name: str) -> None:
    assert kind_of(name) in {None, *_KINDS.values()}
