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


def test_a_csv_whose_rows_are_longer_than_the_sample_says_so(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One header and one row of 300,000 columns: the 2 MiB sample held part of the header only."""
    width = 300_000
    header = ",".join(f"c{index}" for index in range(width))
    (repo / "wide.csv").write_text(header + "\n" + ",".join("user@corp-mail.com" for _ in range(width)) + "\n")
    hook_main("mlsec_data")(["wide.csv"])
    out = capsys.readouterr().out
    assert "MLS912" in out and "no row was read" in out


def test_a_sampled_csv_with_rows_says_nothing_of_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The look-alike: a large file of ordinary rows is sampled without that note."""
    rows = "".join(f"{n},{n * 7 % 13},note {n}\n" for n in range(400_000))
    (repo / "big.csv").write_text("a,b,c\n" + rows)
    hook_main("mlsec_data")(["big.csv"])
    assert "no row was read" not in capsys.readouterr().out
