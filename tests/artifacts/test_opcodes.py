import pickletools

from hooks.artifacts.opcodes import OPCODES


def test_static_opcode_table_matches_the_standard_library() -> None:
    expected = {ord(info.code): (info.name, info.arg.name if info.arg else None) for info in pickletools.opcodes}
    assert expected == OPCODES
