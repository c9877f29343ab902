"""mlsec-data on whole files: per-column reports, names, notebooks, size and storage, policy."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.data.rules import (
    BIRTH_DATES_IN_DATA,
    CARDS_IN_DATA,
    CREDENTIALS_IN_DATA,
    DATA_FILE_TOO_LARGE,
    DATA_NOT_INSPECTED,
    DATA_UNPARSEABLE,
    EMAILS_IN_DATA,
    PERSONAL_DATA_COLUMN,
    PHONES_IN_DATA,
    SSNS_IN_DATA,
)
from hooks.data.validators import is_card
from tests.data_hook.helpers import arrow_file, arrow_stream, card, ids, parquet_file, policy, scan

PEOPLE = (
    "id,first_name,email,phone,ssn,card,dob,notes\n"
    f"1,John,john.doe@gmail.com,4158675309,219456781,{card('4539')},1985-03-12,call me\n"
    f"2,Mary,mary.major@yahoo.com,(415) 867-5310,601-22-3334,{card('4539', seed=1)},1990-12-01,ok\n"
    f"3,Ann,ann.lee@outlook.com,+1 212 736 5000,457-21-7744,{card('4539', seed=2)},1977-07-07,ok\n"
)


def test_each_personal_column_is_reported_once_with_count_and_redacted_example(tmp_path: Path) -> None:
    findings = scan(tmp_path, "people.csv", PEOPLE)
    by_rule = {f.rule_id: f for f in findings}
    email = by_rule[EMAILS_IN_DATA.rule_id]
    assert "column `email`: 3 email addresses" in email.message and "j***@g***.com" in email.message
    assert email.line == 2 and "john" not in email.message
    assert "column `phone`: 3 phone numbers" in by_rule[PHONES_IN_DATA.rule_id].message  # bare digits: named column
    assert "column `ssn`: 3" in by_rule[SSNS_IN_DATA.rule_id].message
    assert "column `card`: 3" in by_rule[CARDS_IN_DATA.rule_id].message
    dob = by_rule[BIRTH_DATES_IN_DATA.rule_id]
    assert dob.severity.value == "low" and "a few dates of birth" in dob.message  # three made-up rows
    name = by_rule[PERSONAL_DATA_COLUMN.rule_id]
    assert "first_name" in name.message and name.severity.value == "low"
    for finding in findings:
        assert "4158675309" not in finding.message and "1985-03-12" not in finding.message


def test_look_alike_dataset_is_silent(tmp_path: Path) -> None:
    rows = ["order_id,ts,created,version,sha,uuid,phone_like_id,price,host,comment"]
    for i in range(300):
        rows.append(
            f"{6126933103096309 + i * 7919},{1700000000 + i},2023-05-{1 + i % 28:02d}T12:00:00Z,{i % 9}.{i % 20}.{i % 7}.{i % 30},"  # noqa: E501
            f"356a192b7913b04c54574d18c28d46e6395428ab,6ec9d286-63ca-828d-d5f4-b3b2e4b06ce6,ID-{122 + i}-126-9870,"
            f'{i * 3.14159:.4f},10.0.{i % 255}.1,"build 2.{i}.0 on 2021-03-04, ticket 4155550{100 + i % 99}"'
        )
    assert scan(tmp_path, "orders.csv", "\n".join(rows) + "\n") == []


def test_a_column_of_luhn_passing_ids_is_not_cards_but_a_column_of_cards_is(tmp_path: Path) -> None:
    ids_rows = "\n".join(["ref"] + [str(4000000000000000 + i * 104729) for i in range(200)])
    assert scan(tmp_path, "ids.csv", ids_rows + "\n") == []
    cards = "\n".join(["x"] + [card("4916", seed=i) for i in range(20)])
    assert ids(scan(tmp_path, "cards.csv", cards + "\n")) == [CARDS_IN_DATA.rule_id]


def test_one_number_repeated_down_a_column_is_one_value_not_hundreds_of_cards(tmp_path: Path) -> None:
    # A month's 19-digit hash on every row (FARM_FINGERPRINT): one of the month keys passes Luhn,
    # and repeated 300 times it must not count as 300 cards; most keys fail the check.
    keys = [str(4740473290291881200 + k) for k in range(40)]
    passing = next(k for k in keys if is_card(k))
    failing = next(k for k in keys if not is_card(k))  # a scheme's prefix, Luhn fails
    others = [str(1866590652208008467 + 7919 * k) for k in range(17)]  # no scheme's prefix
    rows = ["weight,plurality,hashmonth"] + [f"7.{i % 9},{i % 3},{passing}" for i in range(396)]
    rows += [f"6.{i % 9},1,{failing}" for i in range(300)]
    rows += [f"5.{i % 9},2,{others[i % 17]}" for i in range(340 * 17)]
    assert scan(tmp_path, "eval.csv", "\n".join(rows) + "\n") == []
    # One customer's two cards on sixty rows block: two cards in two long numbers.
    two = [card("4526", seed=1), card("4661", seed=2)]
    rows = ["customer,x,amount"] + [f"c{i % 2},{two[i % 2]},{i}.00" for i in range(60)]
    assert ids(scan(tmp_path, "two.csv", "\n".join(rows) + "\n")) == [CARDS_IN_DATA.rule_id]
    # Twenty different cards, each on several rows (a customer's transactions), still block.
    cards = [card("4916", seed=i) for i in range(20)]
    rows = ["amount,x"] + [f"{i}.50,{cards[i % 20]}" for i in range(200)]
    assert ids(scan(tmp_path, "tx.csv", "\n".join(rows) + "\n")) == [CARDS_IN_DATA.rule_id]


def test_identifier_columns_are_not_read_as_personal(tmp_path: Path) -> None:
    rows = "\n".join(["order_number,tracking"] + [f"219-45-{6780 + i},(415) 867-{5300 + i}" for i in range(30)])
    assert scan(tmp_path, "o.csv", rows + "\n") == []


def test_tsv_semicolon_and_headerless(tmp_path: Path) -> None:
    assert "column `mail`" in scan(tmp_path, "a.tsv", "id\tmail\n1\tx.y@gmail.com\n")[0].message
    assert "column `mail`" in scan(tmp_path, "b.csv", "id;mail\n1;x.y@gmail.com\n")[0].message
    assert "column 2" in scan(tmp_path, "c.csv", "1,x.y@gmail.com\n2,z@gmail.com\n")[0].message


def test_json_records_and_jsonl_report_by_key_and_configs_stay_quiet(tmp_path: Path) -> None:
    records = json.dumps(
        [{"user": {"email": "a.b@gmail.com", "phone": "4158675309"}}, {"user": {"email": "c@aol.com"}}]
    )
    found = scan(tmp_path, "users.json", records)
    assert {f.rule_id for f in found} == {EMAILS_IN_DATA.rule_id, PHONES_IN_DATA.rule_id}
    assert "key" not in found[0].message and "`email`" in found[0].message
    config = json.dumps({"name": "pkg", "author": {"email": "me@gmail.com"}})
    assert all(f.severity.value == "low" for f in scan(tmp_path, "package.json", config))  # read, not skipped
    lines = '{"email": "a.b@gmail.com"}\n{"email": "c.d@gmail.com"}\n'
    assert scan(tmp_path, "e.jsonl", lines)[0].line == 1


def _notebook(outputs: list[dict[str, object]]) -> str:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": "# EDA"},
        {"cell_type": "code", "metadata": {}, "source": "df.head()", "execution_count": 1, "outputs": outputs},
    ]
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells})


HTML = (
    '<table border="1" class="dataframe">\n<thead>\n<tr style="text-align: right;">\n<th></th>\n<th>name</th>\n'
    "<th>email</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<th>0</th>\n<td>John</td>\n<td>john.doe@gmail.com</td>\n</tr>\n"
    "<tr>\n<th>1</th>\n<td>Mary</td>\n<td>mary@yahoo.com</td>\n</tr>\n</tbody>\n</table>"
)


def test_notebook_dataframe_html_output_is_reported_by_cell_output_and_line(tmp_path: Path) -> None:
    output = {"output_type": "execute_result", "execution_count": 1, "metadata": {},
              "data": {"text/plain": "   name  email\n0  John  john.doe@gmail.com", "text/html": HTML}}  # fmt: skip
    findings = scan(tmp_path, "eda.ipynb", _notebook([output]))
    assert [(f.rule_id, f.cell, f.output) for f in findings] == [(EMAILS_IN_DATA.rule_id, 2, 0)]
    assert "table column `email`: 2 email addresses" in findings[0].message
    assert findings[0].line > 2


def test_notebook_printed_frame_and_safe_twin(tmp_path: Path) -> None:
    text = "   id                email        phone\n0   1   ann.lee@gmail.com  (415) 867-5309\n1   2  bo.ho@outlook.com  (212) 736-5000\n"  # noqa: E501
    stream = {"output_type": "stream", "name": "stdout", "text": text}
    found = scan(tmp_path, "p.ipynb", _notebook([stream]))
    assert {f.rule_id for f in found} == {EMAILS_IN_DATA.rule_id, PHONES_IN_DATA.rule_id}
    safe = (
        text.replace("gmail.com", "example.com").replace("outlook.com", "example.org").replace("867-5309", "555-0101")
    )
    safe = safe.replace("736-5000", "555-0102")
    assert scan(tmp_path, "q.ipynb", _notebook([{"output_type": "stream", "name": "stdout", "text": safe}])) == []


def test_size_lfs_dvc_and_pointers(tmp_path: Path) -> None:
    big = b"a,b\n" + b"1,2\n" * 300_000
    settings = policy(tmp_path, max_file_mb=1)
    assert ids(scan(tmp_path, "data/big.csv", big, settings)) == [DATA_FILE_TOO_LARGE.rule_id]
    (tmp_path / ".gitattributes").write_text("data/*.csv filter=lfs diff=lfs merge=lfs -text\n")
    assert scan(tmp_path, "data/big.csv", big, settings) == []
    (tmp_path / "data" / ".gitattributes").write_text("big.csv -filter\n")
    assert ids(scan(tmp_path, "data/big.csv", big, settings)) == [DATA_FILE_TOO_LARGE.rule_id]
    (tmp_path / "data" / "big.csv.dvc").write_text("outs:\n- md5: 0\n  path: big.csv\n")
    assert scan(tmp_path, "data/big.csv", big, settings) == []
    pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:" + "0" * 64 + "\nsize 999999999\n"
    assert scan(tmp_path, "other/huge.parquet", pointer, settings) == []


def test_allowlist_and_pii_types(tmp_path: Path) -> None:
    allow = policy(tmp_path, allowlist=[{"path": "public/*.csv", "columns": ["EMAIL"], "reason": "public dataset"}])
    assert {f.rule_id for f in scan(tmp_path, "public/p.csv", PEOPLE, allow)} == {
        PHONES_IN_DATA.rule_id, SSNS_IN_DATA.rule_id, CARDS_IN_DATA.rule_id,
        BIRTH_DATES_IN_DATA.rule_id, PERSONAL_DATA_COLUMN.rule_id,
    }  # fmt: skip
    only = policy(tmp_path, pii_types=["ssn"])
    assert ids(scan(tmp_path, "p.csv", PEOPLE, only)) == [SSNS_IN_DATA.rule_id]


def test_sampling_says_so_and_full_reads_everything(tmp_path: Path) -> None:
    filler = b"id,v\n" + b"1,2\n" * 40_000
    late = b"3,zed.a@gmail.com\n"
    content = filler + late * 1 + b"4,5\n" * 1000
    sampled = scan(tmp_path, "late.csv", content, policy(tmp_path, sample_mb=0.0625))
    full = scan(tmp_path, "late.csv", content, policy(tmp_path, sample_mb=0.0625, full=True))
    assert len(full) == 1 and full[0].line == 40_002 and "sampled" not in full[0].message
    assert all("sampled" in f.message for f in sampled)


def test_parquet_and_arrow_schema_without_pyarrow(tmp_path: Path, monkeypatch: object) -> None:
    import hooks.data.pyarrow_values as pv

    monkeypatch.setattr(pv, "available", lambda: False)  # type: ignore[attr-defined]
    found = scan(tmp_path, "u.parquet", parquet_file(["user_id", "email", "first_name", "score"]))
    assert sorted((f.rule_id, f.severity.value) for f in found) == [
        (PERSONAL_DATA_COLUMN.rule_id, "low"), (PERSONAL_DATA_COLUMN.rule_id, "medium"), (DATA_NOT_INSPECTED.rule_id, "low")  # noqa: E501
    ]  # fmt: skip
    plain = scan(tmp_path, "p.parquet", parquet_file(["email"], body=b"\x05\x00\x00\x00x.y@gmail.com", codec=0))
    assert ids(plain) == [EMAILS_IN_DATA.rule_id] and "column `email`" in plain[0].message
    assert ids(scan(tmp_path, "a.arrow", arrow_file(["ssn", "x"]))) == [
        PERSONAL_DATA_COLUMN.rule_id,
        DATA_NOT_INSPECTED.rule_id,
    ]
    assert ids(scan(tmp_path, "s.feather", arrow_stream(["passport"]))) == [
        PERSONAL_DATA_COLUMN.rule_id,
        DATA_NOT_INSPECTED.rule_id,
    ]
    assert ids(scan(tmp_path, "bad.parquet", b"PAR1garbage")) == [DATA_UNPARSEABLE.rule_id]
    assert ids(scan(tmp_path, "bad.arrow", b"ARROW1\x00\x00junkjunkjunk")) == [DATA_UNPARSEABLE.rule_id]


def test_npy_sqlite_and_credentials_in_binary_data(tmp_path: Path) -> None:
    header = "{'descr': [('email', '<U20'), ('age', '<i8')], 'fortran_order': False, 'shape': (1,), }"
    header += " " * (-(len(header) + 11) % 64) + "\n"
    body = "ab.cd@gmail.com".ljust(20, "\x00").encode("utf-32-le") + b"\x00" * 8
    npy = b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header.encode() + body
    assert ids(scan(tmp_path, "a.npy", npy)) == [EMAILS_IN_DATA.rule_id]
    sqlite = b"SQLite format 3\x00" + b"\x00" * 84 + b"CREATE TABLE users (id INTEGER PRIMARY KEY, ssn TEXT)\x00"
    assert ids(scan(tmp_path, "u.db", sqlite)) == [PERSONAL_DATA_COLUMN.rule_id]
    token = "hf_" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG"
    found = scan(tmp_path, "t.pkl", b"\x80\x04\x95" + token.encode() + b"\x94.")
    assert ids(found) == [CREDENTIALS_IN_DATA.rule_id] and token not in found[0].message
    assert scan(tmp_path, "t.csv", f"k\n{token}\n") == []  # text data: the secrets hook's finding


def test_sqlite_columns_belong_to_their_own_table(tmp_path: Path) -> None:
    """sqlite_master's records follow each other with binary headers between them: a table's
    columns end at its own closing parenthesis (Chinook's `Employee.BirthDate` was once read as
    the first table's). Built with sqlite3, the real layout."""
    import sqlite3

    from hooks.data.binary import sqlite_columns

    path = tmp_path / "c.db"
    with sqlite3.connect(path) as connection:
        connection.execute('CREATE TABLE [Invoice] ([InvoiceId] INTEGER, [BillingAddress] TEXT, "Total" NUMERIC(10,2))')
        connection.execute("CREATE TABLE Employee (EmployeeId INTEGER, FirstName TEXT, BirthDate DATETIME)")
        connection.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER, [body (text)] TEXT)")
    assert sorted(sqlite_columns(path.read_bytes())) == [
        "Employee.BirthDate",
        "Employee.EmployeeId",
        "Employee.FirstName",
        "Invoice.BillingAddress",
        "Invoice.InvoiceId",
        "Invoice.Total",
        "notes.body (text)",  # a quoted name is taken whole
        "notes.id",
    ]
    # A statement cut off before its closing parenthesis gives no columns, not the next table's.
    assert sqlite_columns(b"CREATE TABLE a (x TEXT, y\x81\x02CREATE TABLE b (ssn TEXT)") == ["b.ssn"]


def _workbook(rows: list[list[str]]) -> bytes:
    import io
    import zipfile

    strings: list[str] = []
    cells = []
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row):
            strings.append(value)
            cells.append(f'<c r="{chr(65 + c)}{r}" t="s"><v>{len(strings) - 1}</v></c>')
    shared = "<sst>" + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>"
    sheet = "<worksheet><sheetData>" + "".join(cells) + "</sheetData></worksheet>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", shared)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


def test_xlsx_cells_are_read_by_column(tmp_path: Path) -> None:
    people = _workbook([["Name", "Email"], ["Ann", "ann.lee@gmail.com"], ["Bo", "bo.ho@outlook.com"]])
    found = scan(tmp_path, "p.xlsx", people)
    assert [f.rule_id for f in found if f.rule_id == EMAILS_IN_DATA.rule_id] and "`Email`" in found[-1].message
    invoices = _workbook([["Invoice ID", "Total"]] + [[f"{750 + i}-67-84{10 + i}", "9.5"] for i in range(40)])
    assert scan(tmp_path, "sales.xlsx", invoices) == []  # SSN-shaped invoice numbers in an id column
    assert ids(scan(tmp_path, "bad.xlsx", b"PK\x03\x04broken")) == [DATA_UNPARSEABLE.rule_id]


def test_non_ascii_names_and_placeholder_addresses(tmp_path: Path) -> None:
    rows = "athlete,date\nDavid Výborný,26/02/2006\nJiří Dopita,12/03/2002\n"
    assert scan(tmp_path, "olympics.csv", rows) == []  # `born` inside a name is not `born`
    assert scan(tmp_path, "emb.csv", ",x\nname@domain.com,0.1\nyou@yourcompany.com,0.2\n") == []


def test_numeric_columns_named_like_names_are_features(tmp_path: Path) -> None:
    assert scan(tmp_path, "spam.csv", "make,address,surname\n0,0.64,0\n0.1,0,0.3\n") == []
    assert ids(scan(tmp_path, "people.csv", "surname,x\nMoreau,1\n")) == [PERSONAL_DATA_COLUMN.rule_id]


def test_contacts_mentioned_in_free_text_are_low_but_a_column_of_them_blocks(tmp_path: Path) -> None:
    # A text corpus (tweets, forum posts, articles) mentions an address or a phone number inside
    # its sentences; a table of people holds them as whole fields. Only the second blocks.
    posts = ["id,text"]
    for i in range(40):
        posts.append(f'{i},"Great service today, write to helpdesk{i}@gmail.com or call (415) 867-{5300 + i} for help"')
    findings = scan(tmp_path, "tweets.csv", "\n".join(posts) + "\n")
    mentioned = {f.rule_id: f for f in findings}
    assert {EMAILS_IN_DATA.rule_id, PHONES_IN_DATA.rule_id} <= set(mentioned)
    for rule in (EMAILS_IN_DATA, PHONES_IN_DATA):
        assert mentioned[rule.rule_id].severity.value == "low"
        assert "inside free text" in mentioned[rule.rule_id].message

    table = ["id,contact,phone_number"] + [f"{i},helpdesk{i}@gmail.com,(415) 867-{5300 + i}" for i in range(40)]
    blocking = {f.rule_id: f for f in scan(tmp_path, "contacts.csv", "\n".join(table) + "\n")}
    for rule in (EMAILS_IN_DATA, PHONES_IN_DATA):
        assert blocking[rule.rule_id].severity.value == "medium"
        assert "free text" not in blocking[rule.rule_id].message


def test_free_text_in_a_notebook_output_is_low_and_a_printed_table_blocks(tmp_path: Path) -> None:
    log = "commit 1a2b3c\nAuthor: Jane Roe <jane.roe@gmail.com>\nDate: Mon\n\n    fix typo\n"
    frame = "   name        email\n" + "".join(f"{i}  Jane   jane.roe{i}@gmail.com\n" for i in range(20))

    def notebook(text: str) -> str:
        output = {"output_type": "stream", "name": "stdout", "text": text}
        cell = {"cell_type": "code", "source": "x", "metadata": {}, "outputs": [output], "execution_count": 1}
        return json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})

    logged = [f for f in scan(tmp_path, "log.ipynb", notebook(log)) if f.rule_id == EMAILS_IN_DATA.rule_id]
    assert logged and all(f.severity.value == "low" for f in logged)
    printed = [f for f in scan(tmp_path, "frame.ipynb", notebook(frame)) if f.rule_id == EMAILS_IN_DATA.rule_id]
    assert printed and all(f.severity.value == "medium" for f in printed)


def test_an_aligned_signature_inside_a_post_is_free_text_and_a_short_record_cell_blocks(tmp_path: Path) -> None:
    # A newsgroup corpus as CSV: the posts' signatures align addresses with spaces and tabs, which
    # is layout of the prose, not a field; a cell holding a name and an address is a record.
    posts = ["id,text"]
    for i in range(30):
        body = (
            "I agree with the last post about the launch window and the fuel budget.\n\n--\n"
            f"Larry Klaes  klaes{i}@verga.enet.dec.com\n\tcall\t(415) 867-{5300 + i}\n"
        )
        posts.append(f'{i},"{body}"')
    findings = {f.rule_id: f for f in scan(tmp_path, "newsgroups.csv", "\n".join(posts) + "\n")}
    emails = findings[EMAILS_IN_DATA.rule_id]
    assert emails.severity.value == "low" and "inside free text" in emails.message
    records = ["id,contact,city"] + [f"{i}, ann.lee{i}@gmail.com,Oslo" for i in range(30)]
    blocking = {f.rule_id: f for f in scan(tmp_path, "contacts.csv", "\n".join(records) + "\n")}
    assert blocking[EMAILS_IN_DATA.rule_id].severity.value == "medium"


def test_an_api_descriptions_contact_is_low_and_a_user_list_blocks(tmp_path: Path) -> None:
    spec = {
        "swagger": "2.0",
        "info": {
            "title": "Pipelines",
            "version": "2.1",
            "contact": {"name": "team", "email": "pipelines-team@acme-ml.org"},
        },
        "paths": {"/runs": {"get": {"parameters": [{"name": "page", "in": "query", "type": "integer"}]}}},
        "definitions": {"Run": {"type": "object", "properties": {"id": {"type": "string"}}}},
    }
    found = scan(tmp_path, "api.swagger.json", json.dumps(spec))
    (finding,) = [f for f in found if f.rule_id == EMAILS_IN_DATA.rule_id]
    assert finding.severity.value == "low" and "API description" in finding.message
    users = {"title": "export", "version": "2", "users": [{"email": f"ann.lee{i}@gmail.com"} for i in range(20)]}
    (finding,) = [f for f in scan(tmp_path, "users.json", json.dumps(users)) if f.rule_id == EMAILS_IN_DATA.rule_id]
    assert finding.severity.value == "medium"  # a title and a version alone do not make an API description
    marked = {"swagger": "2.0", **users}  # the marks, but the addresses are records, not a contact
    (finding,) = [f for f in scan(tmp_path, "marked.json", json.dumps(marked)) if f.rule_id == EMAILS_IN_DATA.rule_id]
    assert finding.severity.value == "medium"
    spec["definitions"]["Run"]["example"] = [{"email": f"bo.kim{i}@gmail.com"} for i in range(20)]  # outside it
    (finding,) = [f for f in scan(tmp_path, "ex.json", json.dumps(spec)) if f.rule_id == EMAILS_IN_DATA.rule_id]
    assert finding.severity.value == "medium"
    table = "service,title,version,openapi,email\n" + "".join(f"x,t,1,3.0,ann.lee{i}@gmail.com\n" for i in range(20))
    (finding,) = [f for f in scan(tmp_path, "apis.csv", table) if f.rule_id == EMAILS_IN_DATA.rule_id]
    assert finding.severity.value == "medium"  # only a JSON document can be an API description


def test_a_few_contact_details_are_low_and_a_file_of_them_blocks(tmp_path: Path) -> None:
    """Emails and phone numbers block from 20 in one file, counted over every column, key and
    output (records, not mentions in prose): a sample's four made-up customers are low; the same
    split as 12 emails and 12 phones, or over two keys of JSON records, blocks. A sampled file's
    count is a floor, never lowered. Kinds that identify a person alone (an SSN) block from the
    first."""
    few = "id,name,email,phone\n" + "".join(f"{i},C{i},cust{i}@gmail.com,+1 415 867 53{i:02d}\n" for i in range(4))
    found = [f for f in scan(tmp_path, "customers.csv", few) if f.rule_id in ("MLS602", "MLS603")]
    assert found and all(f.severity.value == "low" for f in found)
    assert all("a few contact details" in f.message for f in found)
    split = "id,email,phone\n" + "".join(f"{i},cust{i}@gmail.com,+1 415 867 53{i:02d}\n" for i in range(12))
    found = [f for f in scan(tmp_path, "split.csv", split) if f.rule_id in ("MLS602", "MLS603")]
    assert found and all(f.severity.value == "medium" for f in found)
    records = json.dumps([{"home": f"h{i}@gmail.com", "work": f"w{i}@acme-corp.com"} for i in range(10)])
    found = [f for f in scan(tmp_path, "people.json", records) if f.rule_id == "MLS602"]
    assert len(found) == 2 and all(f.severity.value == "medium" for f in found)
    sampled = "id,v\n" + "".join(f"{i},early{i}@gmail.com\n" for i in range(3)) + "1,2\n" * 40_000
    found = [
        f for f in scan(tmp_path, "late.csv", sampled, policy(tmp_path, sample_mb=0.0625)) if f.rule_id == "MLS602"
    ]
    assert found and all(f.severity.value == "medium" and "sampled" in f.message for f in found)
    ssn = scan(tmp_path, "ssn.csv", "name,ssn\nAnn,078-05-1121\n")
    assert [f.severity.value for f in ssn if f.rule_id == "MLS604"] == ["high"]


def test_a_packages_published_contact_is_low_and_a_people_table_blocks(tmp_path: Path) -> None:
    report = {
        "install": [
            {
                "metadata": {
                    "metadata_version": "2.1",
                    "name": f"pkg{i}",
                    "version": "1.0",
                    "author_email": f"dev{i}@maintainers{i}.org",
                    "requires_dist": ["numpy"],
                }
            }
            for i in range(3)
        ]
    }
    findings = [f for f in scan(tmp_path, "pip-report.json", json.dumps(report)) if f.rule_id == EMAILS_IN_DATA.rule_id]
    assert [f.severity.value for f in findings] == ["low"]
    assert "published author or maintainer contact" in findings[0].message
    customers = {"customers": [{"name": f"c{i}", "author": f"dev{i}@maintainers{i}.org"} for i in range(20)]}
    findings = scan(tmp_path, "customers.json", json.dumps(customers))
    findings = [f for f in findings if f.rule_id == EMAILS_IN_DATA.rule_id]
    assert [f.severity.value for f in findings] == ["medium"]  # `author` alone may be a forum's posters
    comments = "name,version,home_page,author_email\n" + "".join(
        f"c{i},2,https://c{i}.example,dev{i}@gmail{i}.com\n" for i in range(20)
    )
    findings = [f for f in scan(tmp_path, "comments.csv", comments) if f.rule_id == EMAILS_IN_DATA.rule_id]
    assert [f.severity.value for f in findings] == ["medium"]  # a CMS export: no package's metadata fields


def test_dates_of_birth_beside_names_block_from_twenty_records(tmp_path: Path) -> None:
    """A fixture's few birth dates are low; a table of twenty people with names blocks (high)."""
    rows = "".join(f"{i},Person{i},19{50 + i}-0{1 + i % 9}-1{i % 10}\n" for i in range(20))
    found = [f for f in scan(tmp_path, "people.csv", "id,first_name,dob\n" + rows) if f.rule_id == "MLS608"]
    assert [f.severity.value for f in found] == ["high"]
    few = "id,first_name,dob\n" + rows.split("\n", 3)[0] + "\n"
    found = [f for f in scan(tmp_path, "few.csv", few) if f.rule_id == "MLS608"]
    assert [f.severity.value for f in found] == ["low"]


def test_a_json_object_of_people_is_read_and_its_keys_folded(tmp_path: Path) -> None:
    """An object keyed by user id (no `[{` records) is read like any JSON, whatever its size, and
    its keys past the eighth are counted together: one finding per person would be unreadable."""
    people = {f"user{i}": f"person.{i}@gmail.com" for i in range(2_000)}
    found = [f for f in scan(tmp_path, "users.json", json.dumps(people)) if f.rule_id == "MLS602"]
    assert len(found) == 9 and all(f.severity.value == "medium" for f in found)
    assert sum("(other keys)" in f.message for f in found) == 1
    nested = {f"u{i}": {"email": f"p.{i}@gmail.com"} for i in range(30)}
    found = [f for f in scan(tmp_path, "nested.json", json.dumps(nested)) if f.rule_id == "MLS602"]
    assert [f.severity.value for f in found] == ["medium"] and "30 email addresses" in found[0].message


def test_a_configuration_file_with_its_authors_address_stays_quiet(tmp_path: Path) -> None:
    package = {"name": "ui", "version": "1.0.0", "author": "Team <team@example-corp.com>", "private": True}
    found = scan(tmp_path, "package.json", json.dumps(package))
    assert all(f.severity.value == "low" for f in found)


def test_columns_named_for_their_kind_are_never_folded(tmp_path: Path) -> None:
    """Only keys that say nothing (user ids) are counted together: a benefits table's tenth SSN
    column keeps its own tally, so filler in the others cannot dilute it."""
    header = "employee_name," + ",".join(f"dependent{i}_ssn" for i in range(1, 11)) + ",employee_ssn\n"
    rows = "".join(
        f"Person {i}," + "000-00-0000," * 10 + f"{219 + i % 400:03d}-45-{6781 + i:04d}\n" for i in range(300)
    )
    found = [f for f in scan(tmp_path, "benefits.csv", header + rows) if f.rule_id == SSNS_IN_DATA.rule_id]
    assert any("employee_ssn" in f.message and f.severity.value in ("medium", "high") for f in found)


def test_dates_of_birth_are_counted_over_the_whole_file(tmp_path: Path) -> None:
    columns = ["member_dob", "spouse_dob", *[f"dependent{i}_dob" for i in range(1, 7)]]
    rows = "".join(
        f"Person{i}," + ",".join(f"19{60 + j}-0{1 + (i + j) % 9}-1{(i + j) % 10}" for j in range(8)) + "\n"
        for i in range(19)
    )
    found = [
        f
        for f in scan(tmp_path, "members.csv", "first_name," + ",".join(columns) + "\n" + rows)
        if f.rule_id == "MLS608"
    ]
    assert found and all(f.severity.value in ("medium", "high") for f in found)


def test_a_columnar_file_of_a_few_rows_names_its_people_low(monkeypatch: object, tmp_path: Path) -> None:
    """Values unread (no pyarrow), the footer's row count decides as the contact count does."""
    import hooks.data.pyarrow_values as pv

    monkeypatch.setattr(pv, "available", lambda: False)  # type: ignore[attr-defined]
    few = [f for f in scan(tmp_path, "f.parquet", parquet_file(["date_of_birth"], rows=3)) if f.rule_id == "MLS610"]
    assert [f.severity.value for f in few] == ["low"] and "3 rows" in few[0].message
    many = [f for f in scan(tmp_path, "m.parquet", parquet_file(["date_of_birth"], rows=20)) if f.rule_id == "MLS610"]
    assert [f.severity.value for f in many] == ["medium"]
    ssn = [f for f in scan(tmp_path, "s.parquet", parquet_file(["ssn"], rows=3)) if f.rule_id == "MLS610"]
    assert [f.severity.value for f in ssn] != ["low"]  # a kind that identifies alone blocks from one


def test_a_nested_column_is_not_lowered_by_the_top_level_row_count(monkeypatch: object, tmp_path: Path) -> None:
    """A repeated field holds many people per row: the footer's count of rows says nothing then."""
    import hooks.data.pyarrow_values as pv

    monkeypatch.setattr(pv, "available", lambda: False)  # type: ignore[attr-defined]
    nested = parquet_file(["customers.list.element.date_of_birth"], rows=3)
    found = [f for f in scan(tmp_path, "n.parquet", nested) if f.rule_id == "MLS610"]
    assert found and all(f.severity.value != "low" for f in found)


def test_a_notebook_that_does_not_parse_says_its_outputs_were_not_read(tmp_path: Path) -> None:
    [finding] = scan(tmp_path, "broken.ipynb", '{"cells": [' + "[" * 5000 + "]" * 5000 + "]}")
    assert finding.rule_id == DATA_NOT_INSPECTED.rule_id and "outputs not checked" in finding.message


def test_a_first_row_of_personal_values_is_data_and_no_name_shows_a_value(tmp_path: Path) -> None:
    """A headerless file whose first row has no address and few numbers must not have its values
    taken for column names: messages would print a raw SSN or card number."""
    rows = "".join(
        f"{i},Person{i},20{i % 10}-45-6{i:03d},(415) 867-53{i:02d},{card('4539', seed=i)}\n" for i in range(40)
    )
    found = scan(tmp_path, "people.csv", rows)
    assert {f.rule_id for f in found} >= {"MLS603", "MLS604", "MLS605"}
    for finding in found:
        assert "column `column " in finding.message
        assert "200-45-6000" not in finding.message and card("4539") not in finding.message


def test_names_that_hold_values_are_shown_redacted() -> None:
    from hooks.data.redact import printable_name

    assert printable_name("person.1@gmail.com") == "p***@g***.com"
    assert printable_name(f"id {card('4539')} x") == "id 4*************** x"
    assert printable_name("email") == "email" and printable_name("2019_sales") == "2019_sales"
    assert printable_name("a\x1b[31mb") == "a?[31mb"


def test_sqlite_columns_with_dots_and_spaces_in_quoted_names(tmp_path: Path) -> None:
    """pandas' `to_sql` quotes every name, and span tables name columns `context.span_id`: such a
    name once matched as a lone space and crashed the reader (phoenix's example_traces.db)."""
    import sqlite3

    from hooks.data.binary import sqlite_columns

    path = tmp_path / "traces.db"
    with sqlite3.connect(path) as connection:
        connection.execute('CREATE TABLE "traces" (\n"name" TEXT,\n  "context.span_id" TEXT,\n  " " TEXT, "a b" TEXT)')
    assert sqlite_columns(path.read_bytes()) == ["traces.name", "traces.context.span_id", "traces.a b"]


_QUOTED_NAMES = st.lists(st.text(st.characters(blacklist_characters='"', blacklist_categories=("Cs",)), max_size=20))


@settings(max_examples=200, deadline=None)
@given(_QUOTED_NAMES.filter(lambda names: len(names) <= 6))
def test_sqlite_columns_of_any_quoted_names(names: list[str]) -> None:
    from hooks.data.binary import sqlite_columns

    body = ",\n  ".join(f'"{name}" TEXT' for name in names)
    found = sqlite_columns(f'CREATE TABLE "t" (\n{body})'.encode())
    assert all(column.startswith("t.") for column in found)
    # every name is kept whole (stripped), commas, parentheses and other quotes included
    assert found == [f"t.{name.strip()}" for name in names if name.strip()]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_sqlite_columns_of_any_bytes(data: bytes) -> None:
    from hooks.data.binary import sqlite_columns

    for column in sqlite_columns(b"CREATE TABLE t (" + data):
        assert "." in column
