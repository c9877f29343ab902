"""The stand-in values the pickle machine puts on its stack instead of real objects.

They carry just enough to judge a load (which global, called how, with which literal
arguments and state) and to skip what joblib and torch embed in their streams; containers keep
at most MAX_ITEMS items and count the rest, so memory stays bounded.
"""

from __future__ import annotations

MAX_ITEMS = 1_000_000  # items kept per container; the rest are counted only
# State keys kept past MAX_ITEMS: padding a dict must not hide what loading runs (special
# attributes a BUILD plants, state fields a library's __setstate__ executes).
WATCHED_KEYS = frozenset(
    {"__setstate__", "__reduce__", "__reduce_ex__", "__getattr__", "__getattribute__", "__class__", "__dict__",
     "_parse_arg_template", "append", "extend", "add"}
)  # fmt: skip


class Global:
    __slots__ = ("module", "name", "offset")

    def __init__(self, module: str, name: str, offset: int) -> None:
        self.module, self.name, self.offset = module, name, offset


class Call:
    """The result of calling or instantiating something at load time."""

    __slots__ = ("args", "func", "offset", "state", "via")

    def __init__(self, func: object, args: object, offset: int, via: str) -> None:
        self.func, self.args, self.offset, self.via = func, args, offset, via
        self.state: object = None


class Seq:
    __slots__ = ("items", "kind", "length")

    def __init__(self, kind: str, items: list[object] | None = None) -> None:
        self.kind = kind
        self.items: list[object] = items if items is not None else []
        self.length = len(self.items)
        if self.length > MAX_ITEMS:
            del self.items[MAX_ITEMS:]

    def extend(self, values: list[object]) -> None:
        room = MAX_ITEMS - len(self.items)
        if room > 0:
            self.items.extend(values[:room])
        self.length += len(values)


class Mapping:
    __slots__ = ("items", "length")

    def __init__(self) -> None:
        self.items: dict[object, object] = {}
        self.length = 0

    def set(self, key: object, value: object) -> None:
        self.length += 1
        if len(self.items) < MAX_ITEMS or (isinstance(key, str) and key in WATCHED_KEYS):
            try:
                self.items[key] = value
            except TypeError:  # an unhashable stand-in as key: the real load would differ anyway
                pass


class Opaque:
    """A value the analysis does not model (persistent ids, skipped blobs, buffers)."""

    __slots__ = ("label", "length")

    def __init__(self, label: str, length: int = 0) -> None:
        self.label, self.length = label, length
