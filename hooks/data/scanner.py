"""`mlsec-data`: committed datasets and dataframe outputs, checked for size, storage, personal
data (by value and by name) and credentials, within a bounded read."""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from hooks._core.findings import Finding, Severity, make_finding
from hooks._core.policy import Policy
from hooks._core.scanner import FileReport
from hooks._core.settings import PolicySettings
from hooks._core.textfile import open_regular
from hooks.data import binary, formats, rules
from hooks.data.cells import CELL_KINDS, cell_candidate
from hooks.data.detectors import CLASSES, DOB, EMAIL, PHONE, Candidate, find_candidates
from hooks.data.evidence import FILE_PART, Evidence, PartKey, Tally, Where, stands_alone, stands_alone_in_csv
from hooks.data.locate import CsvLines, CsvLocator, json_key, line_of, parse_header, sniff_delimiter
from hooks.data.notebook_tables import TableCell, html_table_cells, text_table_cells
from hooks.data.parquet import FormatError
from hooks.data.redact import printable_name
from hooks.data.sampling import Chunk, Reading, as_utf8, read_sample
from hooks.data.schema_names import (
    ADDRESS,
    NAME,
    is_api_description,
    is_package_metadata,
    kind_of,
    names_other_identifier,
    names_package_contact,
)
from hooks.data.settings import DataSettings, load_settings
from hooks.data.storage import is_lfs_pointer, tracked_by_dvc, tracked_by_lfs

# The secrets hook reads text files up to this size itself; above it, credentials in text data
# are this hook's to report (kept equal to hooks/secrets/scanner.py MAX_BYTES).
SECRETS_HOOK_TEXT_LIMIT = 32 << 20
_NOUNS = {
    "email": "email address",
    "phone": "phone number",
    "ssn": "US social security number",
    "card": "payment card number",
    "iban": "IBAN",
    "national_id": "national identity number",
    "dob": "date of birth",
    "ip": "IP address",
}
_MENTIONED_KINDS = frozenset({EMAIL, PHONE, DOB})
# Contact details (email addresses, phone numbers) block from this many in one file, counted over
# all its columns, outputs and parts: a dataset of people. Fewer are the contacts any text carries
# (authors, maintainers, a support address, a sample's made-up customers, a public corpus' few).
BULK_CONTACTS = 20
_CONTACT_KINDS = frozenset({EMAIL, PHONE})
_COUNTED_KINDS = frozenset({EMAIL, PHONE, DOB})  # kinds a few of which are low in a file read whole
_PLURALS = {"date of birth": "dates of birth", "IBAN": "IBANs", "email address": "email addresses"}
# OpenAPI's `info.contact` object (name, url, email: no nested objects) and the email fields.
_CONTACT_OBJECT = re.compile(rb'"contact"\s*:\s*\{[^{}]{0,2000}\}')
_EMAIL_KEY = re.compile(rb'"email"\s*:')


@dataclass
class SchemaNote:
    part: PartKey
    column: str
    kind: str
    why: str  # "values not read", "no validator for names"


@dataclass
class Job:
    path: Path
    display: str
    settings: DataSettings
    size: int
    complete: bool = True
    evidence: Evidence = field(default_factory=Evidence)
    notes: list[SchemaNote] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    name_parts: set[PartKey] = field(default_factory=set)  # parts whose table has a person-name column
    package_parts: set[PartKey] = field(default_factory=set)  # parts with a package's metadata fields
    api_parts: set[PartKey] = field(default_factory=set)  # parts that are an OpenAPI/Swagger description
    sole_column: dict[str, str] = field(default_factory=dict)  # kind -> the only column named for it
    rows: int | None = None  # the row count a columnar file's footer gives, when its values are not read


class DataScanner:
    def __init__(self) -> None:
        self._settings = PolicySettings(load_settings)

    def scan_file(self, path: Path, display: str, policy: Policy) -> FileReport:
        settings = self._settings(policy)
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            head = handle.read(4096)
        report = FileReport()
        if is_lfs_pointer(head):
            return report  # a pointer: the data lives in LFS storage
        job = Job(path, display, settings, size)
        kind = formats.kind_of(display)
        if kind != formats.NOTEBOOK:
            self._check_size(job, policy.root)
        try:
            _READERS.get(kind, _scan_binary)(job, head)
        except FormatError as exc:
            job.findings.append(
                make_finding(rules.DATA_UNPARSEABLE, display, f"{exc}; values not checked", content_key="format")
            )
        report.findings.extend(job.findings)
        report.findings.extend(_verdicts(job))
        return report

    @staticmethod
    def _check_size(job: Job, root: Path) -> None:
        limit = job.settings.max_file_bytes
        if job.size <= limit or tracked_by_lfs(root, job.display) or tracked_by_dvc(root, job.display):
            return
        message = (
            f"{job.size / (1 << 20):.1f} MiB data file committed to git (limit {limit / (1 << 20):g} MiB) "
            "without Git LFS or DVC: every clone carries every version of it"
        )
        job.findings.append(make_finding(rules.DATA_FILE_TOO_LARGE, job.display, message, content_key="size"))


# --- text tables -------------------------------------------------------------------------------


def _reading(job: Job, *, lines: bool = True) -> Reading:
    reading = read_sample(job.path, job.size, job.settings.sample_bytes, full=job.settings.full, lines=lines)
    job.complete = reading.complete
    return reading


def _scan_csv(job: Job, head: bytes) -> None:
    reading = _reading(job)
    first = as_utf8(reading.head)
    first_line = first.split(b"\n", 1)[0].decode("utf-8", "replace").lstrip("\ufeff").rstrip("\r")
    delimiter = sniff_delimiter(first_line, PurePosixPath(job.display).suffix.lower())
    header = parse_header(first_line, delimiter)
    if header and any(candidate.valid for candidate in find_candidates(first_line.encode())):
        header = None  # a row holding personal values is data (a headerless file), never names to show
    locator = CsvLocator(header, delimiter)
    named = _named_columns(job, FILE_PART, header or [])
    cell_columns = {i: k for i, k in enumerate(_header_kinds(header)) if k in CELL_KINDS}
    delimiter_byte = delimiter.encode()[0]
    fields = len(header) if header else None
    rows_seen = 0
    for chunk in reading.chunks:
        rows_seen += chunk.data.count(b"\n", 0, 1 << 20)
        data = as_utf8(chunk.data)
        lines = CsvLines(data, delimiter)
        for candidate in find_candidates(data):
            column = locator.name(lines.index(candidate.start))
            if cell_columns and named.get(column) == candidate.kind and candidate.kind in CELL_KINDS:
                continue  # counted cell by cell below
            standalone = stands_alone_in_csv(
                data, candidate.start, candidate.end, delimiter_byte, fields, lines.fields(candidate.start)
            )
            _add(job, FILE_PART, column, candidate, data, chunk, standalone=standalone)
        if cell_columns:
            _cells_by_row(job, data, chunk, delimiter, cell_columns, locator, skip_header=chunk.offset == 0)
        _text_credentials(job, data, chunk, lambda position, data=data: locator.column(data, position))
    if header:
        _note_unvalidated(job, FILE_PART, header, lambda column: _csv_has_values(reading, locator, column))
    if not reading.complete and rows_seen <= 1:
        # Lines longer than the sample: the head held the header at most, and every window was
        # inside one line. Say so rather than pass a file whose rows were never read.
        _not_inspected(job, "lines longer than the sample, so no row was read (--full reads all)")


def _header_kinds(header: list[str] | None) -> list[str | None]:
    return [kind_of(name) for name in header or []]


def _cells_by_row(
    job: Job,
    data: bytes,
    chunk: Chunk,
    delimiter: str,
    columns: dict[int, str],
    locator: CsvLocator,
    *,
    skip_header: bool,
) -> None:
    text = data.decode("utf-8", "replace")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        for row in reader:
            if skip_header and reader.line_num == 1:
                continue
            for index, kind in columns.items():
                if index < len(row):
                    found = cell_candidate(kind, row[index])
                    if found is not None:
                        line = None if chunk.first_line is None else chunk.first_line + reader.line_num - 1
                        job.evidence.add(FILE_PART, locator.name(index), found, _at(line))
    except csv.Error:
        return


def _csv_has_values(reading: Reading, locator: CsvLocator, column: str) -> bool:
    if locator.header is None or column not in locator.header:
        return False
    index = locator.header.index(column)
    for line in reading.head.split(b"\n")[1:50]:
        cells = line.decode("utf-8", "replace").split(locator.delimiter.decode())
        if index < len(cells) and _wordy(cells[index]):
            return True
    return False


def _scan_json(job: Job, head: bytes) -> None:
    reading = _reading(job)
    keys: set[str] = set()
    email_keys = contact_emails = 0  # `"email":` fields, and those inside a `"contact": {...}` object
    for chunk in reading.chunks:
        data = as_utf8(chunk.data)
        email_keys += len(_EMAIL_KEY.findall(data))
        contact_emails += sum(len(_EMAIL_KEY.findall(m.group())) for m in _CONTACT_OBJECT.finditer(data))
        for candidate in find_candidates(data):
            key = json_key(data, candidate.start)
            if key is not None and candidate.kind in CELL_KINDS and kind_of(key) == candidate.kind:
                continue  # counted value by value in _json_cells
            _add(job, FILE_PART, key, candidate, data, chunk)
        _json_cells(job, data, chunk, keys)
        _text_credentials(job, data, chunk, lambda position, data=data: json_key(data, position))
    _named_columns(job, FILE_PART, sorted(keys))
    if job.complete and is_api_description(sorted(keys)) and 0 < email_keys == contact_emails <= 2:
        job.api_parts.add(FILE_PART)
    _note_unvalidated(job, FILE_PART, sorted(keys), lambda key: True)


_KEY_VALUE = re.compile(rb'"((?:[^"\\\n]|\\.){1,100})"\s*:\s*(?:"((?:[^"\\\n]|\\.){0,64})"|(-?[\d.]+))')


def _json_cells(job: Job, data: bytes, chunk: Chunk, keys: set[str]) -> None:
    """Values of keys named like a weak kind (`"phone": "4155552671"`), judged whole."""
    for match in _KEY_VALUE.finditer(data):
        key = match.group(1).decode("utf-8", "replace")
        keys.add(key)
        kind = kind_of(key)
        if kind not in CELL_KINDS:
            continue
        raw = match.group(2) if match.group(2) is not None else match.group(3)
        found = cell_candidate(kind, raw.decode("utf-8", "replace"))
        if found is not None:
            position = match.start()
            job.evidence.add(FILE_PART, key, found, _line_at(data, position, chunk.first_line))
        if len(keys) > 10_000:
            return


# --- notebooks --------------------------------------------------------------------------------


def _scan_notebook(job: Job, head: bytes) -> None:
    from hooks._core.notebooks import NotebookError, parse_notebook
    from hooks._core.textfile import read_text

    read = read_text(job.path, 64 << 20)
    if not read.ok:
        message = f"{read.problem}; outputs not checked for personal data"
        job.findings.append(make_finding(rules.DATA_NOT_INSPECTED, job.display, message, content_key=read.kind))
        return
    try:
        cells = parse_notebook(read.text)
    except NotebookError as exc:
        message = f"notebook {exc.args[0]}; outputs not checked for personal data"
        job.findings.append(make_finding(rules.DATA_NOT_INSPECTED, job.display, message, content_key="notebook"))
        return
    for cell in cells:
        for output in cell.outputs:
            part: PartKey = (cell.number, output.index)
            table = html_table_cells(output.text) or text_table_cells(output.text)
            if table:
                _scan_table(job, part, table)
            else:
                data = output.text.encode("utf-8", "replace")
                chunk = Chunk(data, 0, 1)
                for candidate in find_candidates(data):
                    _add(job, part, None, candidate, data, chunk)


def _scan_table(job: Job, part: PartKey, cells: list[TableCell]) -> None:
    columns = sorted({c.column for c in cells if c.column})
    named = _named_columns(job, part, columns)
    blob = bytearray()
    starts: list[int] = []
    for cell in cells:
        starts.append(len(blob))
        blob += cell.value.encode("utf-8", "replace") + b"\n"
    data = bytes(blob)
    import bisect

    for candidate in find_candidates(data):
        cell = cells[bisect.bisect_right(starts, candidate.start) - 1]
        if named.get(cell.column or "") == candidate.kind and candidate.kind in CELL_KINDS:
            continue
        job.evidence.add(
            part, cell.column, candidate, _at(cell.line), standalone=stands_alone(data, candidate.start, candidate.end)
        )
    for cell in cells:
        kind = named.get(cell.column or "")
        if kind in CELL_KINDS:
            found = cell_candidate(kind, cell.value)
            if found is not None:
                job.evidence.add(part, cell.column, found, _at(cell.line))
    _note_unvalidated(job, part, columns, lambda column: any(c.column == column and _wordy(c.value) for c in cells))


# --- binary formats ---------------------------------------------------------------------------


def _scan_parquet(job: Job, head: bytes) -> None:
    from hooks.data.parquet import read_parquet_schema

    schema = read_parquet_schema(job.path, job.size)
    if schema.encrypted:
        _not_inspected(job, "encrypted parquet footer: columns and values not read")
        return
    job.rows = schema.rows
    _columnar(job, schema.columns, "parquet", schema.compressed)


def _scan_arrow(job: Job, head: bytes) -> None:
    from hooks.data.arrow import read_arrow_schema

    schema = read_arrow_schema(job.path, job.size)
    _columnar(job, schema.columns, "arrow", True)


def _columnar(job: Job, columns: list[str], kind: str, compressed: bool) -> None:
    from hooks.data.pyarrow_values import read_columns

    read = read_columns(job.path, kind, job.settings.sample_bytes, full=job.settings.full)
    if read is not None and not read.failed:
        values = read.values
        job.complete = read.complete
        cells = [TableCell(column, value, 1) for column, column_values in values.items() for value in column_values]
        _scan_table(job, FILE_PART, cells)
        _credentials(job, "\n".join(cell.value for cell in cells), None)
        _schema_only(job, [column for column in columns if _logical_name(column) not in values])
        if not read.complete and read.rows:
            _not_inspected(
                job, f"{kind} rows after the first {read.rows:,} were not read (the sample's limit; --full reads all)"
            )
        if read.unread:
            shown = ", ".join(printable_name(name[:160], limit=120) for name in read.unread[:8])
            more = f" and {len(read.unread) - 8} more" if len(read.unread) > 8 else ""
            _not_inspected(job, f"{kind} values that may hold text were not read: {shown}{more}")
        return
    _schema_only(job, columns)
    _scan_raw(job)
    if read is not None:
        # pyarrow is here and could not decode the file: the raw bytes are no substitute (values
        # stored delta- or dictionary-encoded have no boundaries in them).
        _not_inspected(
            job,
            f"pyarrow could not decode these {kind} values ({read.failed}): only the schema and raw bytes were read",
        )
    elif compressed:
        _not_inspected(job, f"{kind} values are compressed and pyarrow is not installed: only the schema was read")


_LIST_LEVELS = re.compile(r"\.(?:list\.element|bag\.array_element|key_value)(?=\.|$)")


def _logical_name(column: str) -> str:
    """A parquet leaf's path as pyarrow names its values: without the levels the list and map
    encodings add (`tags.list.element` is `tags`, `attrs.key_value.key` is `attrs.key`)."""
    return _LIST_LEVELS.sub("", column)


def _scan_npy(job: Job, head: bytes) -> None:
    from hooks.data.npy import parse_npy_header, utf32_as_ascii

    with open_regular(job.path) as handle:
        header = parse_npy_header(handle.read(1 << 17))
    _schema_only(job, header.fields)
    _scan_raw(job, utf32_as_ascii if header.unicode else None)


def _scan_npz(job: Job, head: bytes) -> None:
    import zipfile

    from hooks.data.npy import parse_npy_header, utf32_as_ascii

    try:
        for name, data, _whole in binary.zip_members(job.path, job.settings.sample_bytes, (".npy",)):
            header = parse_npy_header(data)
            _schema_only(job, [f"{name}:{f}" for f in header.fields])
            body = data[header.header_end :]
            _scan_bytes(job, utf32_as_ascii(body) if header.unicode else body)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError) as exc:
        raise FormatError(f"not a readable zip ({type(exc).__name__})") from None


def _scan_xlsx(job: Job, head: bytes) -> None:
    import zipfile

    from hooks.data.xlsx import workbook_cells

    try:
        cells, complete = workbook_cells(job.path, job.settings.sample_bytes)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError, KeyError) as exc:
        raise FormatError(f"not a readable workbook ({type(exc).__name__})") from None
    job.complete = complete
    _scan_table(job, FILE_PART, cells)
    _credentials(job, "\n".join(cell.value for cell in cells), None)


def _scan_sqlite(job: Job, head: bytes) -> None:
    with open_regular(job.path) as handle:
        start = handle.read(1 << 20)
    if start.startswith(b"SQLite format 3\x00"):
        _schema_only(job, binary.sqlite_columns(start))
    _scan_raw(job)


def _scan_binary(job: Job, head: bytes) -> None:
    _scan_raw(job)


def _scan_pickle(job: Job, head: bytes) -> None:
    """A pickle's bytes as text, except the buffers of numeric arrays (pixels are not phone numbers)."""
    from hooks.data.pickled_arrays import numeric_spans

    with open_regular(job.path) as handle:
        spans = numeric_spans(handle, job.size)
    reading = _reading(job, lines=False)
    for chunk in reading.chunks:
        _scan_bytes(job, _blanked(chunk.data, chunk.offset, spans))


def _blanked(data: bytes, offset: int, spans: list[tuple[int, int]]) -> bytes:
    """`data` (at `offset` in its file) with the bytes inside `spans` turned into line breaks."""
    end = offset + len(data)
    inside = [(max(start, offset), min(stop, end)) for start, stop in spans if start < end and stop > offset]
    if not inside:
        return data
    out = bytearray(data)
    for start, stop in inside:
        out[start - offset : stop - offset] = b"\n" * (stop - start)
    return bytes(out)


def _scan_raw(job: Job, transform: object = None) -> None:
    reading = _reading(job, lines=False)
    for chunk in reading.chunks:
        data = chunk.data
        if transform is not None:
            data = transform(data)  # type: ignore[operator]
        _scan_bytes(job, data)


def _scan_bytes(job: Job, data: bytes) -> None:
    """Values in a binary file, without columns (attributed to the one column named for the kind)."""
    lines = binary.as_lines(data)
    mapped = lines.translate(CLASSES)
    chunk = Chunk(lines, 0, None)
    for candidate in find_candidates(lines, mapped):
        column = job.sole_column.get(candidate.kind)
        _add(job, FILE_PART, column, candidate, lines, chunk)
    _credentials(job, lines.decode("latin-1"), None)


def _schema_only(job: Job, columns: list[str]) -> None:
    named = _named_columns(job, FILE_PART, columns)
    by_kind: dict[str, list[str]] = {}
    for column, kind in named.items():
        by_kind.setdefault(kind, []).append(column)
        job.notes.append(SchemaNote(FILE_PART, column, kind, "values not read"))
    job.sole_column = {kind: names[0] for kind, names in by_kind.items() if len(names) == 1}


def _not_inspected(job: Job, why: str) -> None:
    job.findings.append(make_finding(rules.DATA_NOT_INSPECTED, job.display, why, content_key="not-inspected"))


# --- shared steps -------------------------------------------------------------------------------


def _named_columns(job: Job, part: PartKey, columns: list[str]) -> dict[str, str]:
    if is_package_metadata(columns):
        job.package_parts.add(part)
    named: dict[str, str] = {}
    for column in columns:
        kind = kind_of(column)
        if kind is not None:
            named[column] = kind
            if kind == NAME:
                job.name_parts.add(part)
    return named


def _wordy(value: str) -> bool:
    """Names and addresses have letters: a numeric `address` column is a feature, not an address."""
    return any(char.isalpha() for char in value)


def _note_unvalidated(job: Job, part: PartKey, columns: list[str], has_values: object) -> None:
    """Columns named for a kind no validator can confirm (names, addresses, passports)."""
    for column in columns:
        kind = kind_of(column)
        if kind in (NAME, ADDRESS, "passport") and has_values(column):  # type: ignore[operator]
            job.notes.append(SchemaNote(part, column, kind, "by its name; values have no validator"))


def _at(line: int | None) -> Where:
    return lambda: (line, None)


def _line_at(data: bytes, position: int, first_line: int | None) -> Where:
    return lambda: (line_of(data, position, first_line), None)


def _add(
    job: Job,
    part: PartKey,
    column: str | None,
    candidate: Candidate,
    data: bytes,
    chunk: Chunk,
    *,
    standalone: bool | None = None,
) -> None:
    position = candidate.start
    job.evidence.add(
        part,
        column,
        candidate,
        lambda: (line_of(data, position, chunk.first_line), chunk.offset + position),
        standalone=stands_alone(data, candidate.start, candidate.end) if standalone is None else standalone,
    )


def _text_credentials(job: Job, data: bytes, chunk: Chunk, column_at: object) -> None:
    if job.size > SECRETS_HOOK_TEXT_LIMIT:
        _credentials(job, data.decode("utf-8", "replace"), column_at)


def _credentials(job: Job, text: str, column_at: object) -> None:
    from hooks.data.credentials import find_credentials  # compiles the shared detectors: only when needed

    seen: dict[tuple[str | None, str], list[str]] = {}
    for credential in find_credentials(text):
        column = column_at(credential.start) if column_at is not None else None  # type: ignore[operator]
        seen.setdefault((column, credential.label), []).append(credential.digest)
    for (column, label), digests in seen.items():
        where = f"column `{printable_name(column)}`: " if column else ""
        count = f"{len(digests)} credentials" if len(digests) > 1 else "a credential"
        message = f"{where}{count} ({label}, hash {digests[0]}) inside a data file the secrets hook does not read"
        job.findings.append(
            make_finding(rules.CREDENTIALS_IN_DATA, job.display, message, content_key=f"credential:{digests[0]}")
        )


# --- verdicts -----------------------------------------------------------------------------------


def _verdicts(job: Job) -> list[Finding]:
    settings = job.settings
    findings: list[Finding] = []
    confirmed: set[tuple[PartKey, str | None, str]] = set()
    reported: list[tuple[PartKey, str | None, Tally]] = []
    for (part, column, kind), tally in job.evidence.tallies.items():
        if column is not None:
            tally.hinted = kind_of(column) == kind
            tally.other_identifier = names_other_identifier(column)
        if not tally.reported() or not settings.counts(kind) or settings.allowed(job.display, column, kind):
            continue
        confirmed.add((part, column, kind))
        reported.append((part, column, tally))
    # Contact details are weighed per file (every column, output and part together: a mapping of
    # ids to addresses is one column per key, a notebook shows a table in many outputs), and as
    # records (whole fields), not mentions in prose.
    contacts = sum(tally.standalone for _, _, tally in reported if tally.kind in _CONTACT_KINDS)
    births = sum(tally.standalone for _, _, tally in reported if tally.kind == DOB)
    for part, column, tally in reported:
        findings.append(_value_finding(job, part, column, tally, births if tally.kind == DOB else contacts))
    for note in job.notes:
        if (note.part, note.column, note.kind) in confirmed or not settings.counts(note.kind):
            continue
        if settings.allowed(job.display, note.column, note.kind):
            continue
        if note.why == "values not read" and any(k[0] == note.part and k[2] == note.kind for k in confirmed):
            continue  # the raw bytes already showed this kind
        severity = Severity.LOW if note.kind in (NAME, ADDRESS, "ip") else None
        why = note.why
        top_level = "." not in note.column  # a nested path (`customers.list.element.email`) repeats per row
        if (
            severity is None
            and top_level
            and note.kind in _COUNTED_KINDS
            and job.rows is not None
            and job.rows < BULK_CONTACTS
        ):
            # The footer says how many rows the column has: a fixture's handful of people, not a
            # table of them (the count contact details and dates of birth block from).
            severity = Severity.LOW
            why = f"{why}; {job.rows} rows in the file, from {BULK_CONTACTS} they block"
        message = f"column `{printable_name(note.column)}` holds {note.kind.replace('_', ' ')} data ({why})"
        findings.append(
            make_finding(
                rules.PERSONAL_DATA_COLUMN,
                job.display,
                message,
                content_key=f"schema:{note.column}:{note.kind}",
                cell=note.part[0],
                output=note.part[1],
                severity=severity,
            )
        )
    return findings


def _value_finding(job: Job, part: PartKey, column: str | None, tally: Tally, records: int) -> Finding:
    """One kind in one column; `records` is the file's count of that family's records (contact
    details for emails and phones, dates of birth for those), which decides whether few are low."""
    noun = _NOUNS[tally.kind]
    count = tally.valid
    what = noun if count == 1 else _PLURALS.get(noun, noun + ("es" if noun.endswith("ss") else "s"))
    labels = [label for label in tally.labels if label != noun]
    detail = f" ({', '.join(sorted(labels))})" if labels else ""
    if part != FILE_PART:
        where = f"table column `{printable_name(column)}`: " if column else ""
    elif column is not None:
        where = f"column `{printable_name(column)}`: "
    else:
        where = "in the file's text: " if tally.offset is None or tally.line is not None else "in the file's bytes: "
    scope = "" if job.complete else " in the rows sampled (--full reads all)"
    severity = Severity.HIGH if tally.kind == DOB and part in job.name_parts else None
    prose = ""
    if severity is None and tally.kind in _MENTIONED_KINDS and tally.standalone == 0:
        # Every one sits inside free text (tweets, forum posts, articles, printed logs): mentions
        # in a text corpus, not a table of people. Reported low; a column of them still blocks.
        severity = Severity.LOW
        prose = " inside free text"
    contact = column is not None and names_package_contact(column) and part in job.package_parts
    api_contact = column == "email" and part in job.api_parts
    if severity is None and tally.kind == EMAIL and contact:
        # `author_email` in a pip report or a package's METADATA: what its author published on
        # the index for users to write to.
        severity = Severity.LOW
        prose = " (a package's published author or maintainer contact)"
    elif severity is None and tally.kind == EMAIL and api_contact:
        # `info.contact.email` of an OpenAPI/Swagger document, the only email field in it
        severity = Severity.LOW
        prose = " (the contact an API description publishes for its users)"
    if severity is None and tally.kind in _CONTACT_KINDS and records < BULK_CONTACTS and job.complete:
        # Read whole (a sampled count is a floor, not the file's), and few in the whole file.
        severity = Severity.LOW
        prose = f" (a few contact details in the file; from {BULK_CONTACTS} they block)"
    elif severity != Severity.LOW and tally.kind == DOB and records < BULK_CONTACTS and job.complete:
        # Dates of birth (with names: people) in a handful of records of a file read whole are a
        # fixture's or an example's made-up rows; a table of people has many more.
        severity = Severity.LOW
        prose = f" (a few dates of birth in the file; from {BULK_CONTACTS} records they block)"
    message = f"{where}{count:,} {what}{detail}{prose}{scope}, e.g. {tally.example}"
    return make_finding(
        rules.RULE_FOR_KIND[tally.kind],
        job.display,
        message,
        content_key=f"{tally.kind}:{column or ''}",
        line=tally.line or 1,
        cell=part[0],
        output=part[1],
        severity=severity,
    )


_READERS = {
    formats.CSV: _scan_csv,
    formats.JSON: _scan_json,
    formats.JSONL: _scan_json,
    formats.NOTEBOOK: _scan_notebook,
    formats.PARQUET: _scan_parquet,
    formats.ARROW: _scan_arrow,
    formats.NPY: _scan_npy,
    formats.NPZ: _scan_npz,
    formats.XLSX: _scan_xlsx,
    formats.SQLITE: _scan_sqlite,
    formats.PICKLE: _scan_pickle,
}
