"""A zip named `.xlsx` that holds no worksheet is not a workbook: mlsec-data says its values were
not checked (MLS913) instead of passing it as an empty table."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from hooks.cli.entry_points import __getattr__ as hook_main


def test_a_zip_without_worksheets_is_not_passed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with zipfile.ZipFile(repo / "people.xlsx", "w") as archive:
        archive.writestr("people.csv", "email\n" + "".join(f"user{n}@corp-mail.com\n" for n in range(30)))
    assert hook_main("mlsec_data")(["people.xlsx"]) == 1
    assert "MLS913" in capsys.readouterr().out


def test_a_workbook_with_a_sheet_is_read(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The look-alike: a minimal workbook with one sheet of addresses is read and reported."""
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>user{n}@corp-mail.com</t></is></c></row>' for n in range(2, 32)
    )
    sheet = (
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>email</t></is></c></row>'
        + rows
        + "</sheetData></worksheet>"
    )
    with zipfile.ZipFile(repo / "people.xlsx", "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    assert hook_main("mlsec_data")(["people.xlsx"]) == 1
    out = capsys.readouterr().out
    assert "MLS602" in out and "MLS913" not in out
