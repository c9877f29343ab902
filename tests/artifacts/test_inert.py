"""Documents and images named like artifacts: known formats no loader reads are reported low."""

from __future__ import annotations

import pickletools
from pathlib import Path

import pytest

from hooks._core.severity import Severity
from hooks.artifacts.inert import INERT_MAGICS, inert_kind
from tests.artifacts.builders import zip_with
from tests.artifacts.helpers import malicious_pickle, scan_bytes

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize("magic", [magic for magic, _ in INERT_MAGICS])
def test_no_inert_magic_starts_with_a_pickle_opcode(magic: bytes) -> None:
    # The reason the finding is low: every unpickler refuses the first byte (CPython's own table).
    assert chr(magic[0]) not in {op.code for op in pickletools.opcodes}


@pytest.mark.parametrize(("magic", "kind"), INERT_MAGICS)
def test_a_file_named_like_a_model_holding_a_document_is_low(tmp_path: Path, magic: bytes, kind: str) -> None:
    findings = scan_bytes(tmp_path, "weights.bin", magic + bytes(range(256)) * 4)
    assert [(f.rule_id, f.severity) for f in findings] == [("MLS902", Severity.LOW)]
    assert kind in findings[0].message


def test_office_embeddings_inside_a_deck_are_low(tmp_path: Path) -> None:
    deck = zip_with({"[Content_Types].xml": b"<Types/>", "ppt/embeddings/oleObject1.bin": OLE + bytes(600)})
    findings = scan_bytes(tmp_path, "slides.pptx", deck)
    assert [(f.rule_id, f.severity) for f in findings] == [("MLS902", Severity.LOW)]


def test_a_near_miss_magic_or_a_program_still_blocks(tmp_path: Path) -> None:
    near_miss = OLE[:-1] + b"\xe0"
    elf = b"\x7fELF\x02\x01\x01" + bytes(200)
    for name, data in (("a.bin", near_miss + bytes(600)), ("b.bin", elf)):
        findings = scan_bytes(tmp_path, name, data)
        assert [(f.rule_id, f.severity) for f in findings] == [("MLS902", Severity.HIGH)], name


def test_a_document_with_a_zip_behind_it_is_still_read_as_the_zip(tmp_path: Path) -> None:
    # zipfile finds an archive from its end record whatever precedes it (a PDF/zip polyglot).
    archive = zip_with({"m.pkl": malicious_pickle(tmp_path / "canary")})
    findings = scan_bytes(tmp_path, "paper.bin", b"%PDF-1.7\n" + bytes(64) + archive)
    assert "MLS101" in {f.rule_id for f in findings}


def test_inert_kind_is_none_for_other_data() -> None:
    assert inert_kind(b"\x80\x04\x95") is None
    assert inert_kind(b"") is None
    assert inert_kind(b"%PD") is None
