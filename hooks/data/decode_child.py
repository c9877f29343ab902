"""The child process that decodes a parquet or arrow file for hooks/data/pyarrow_values.py.

It reads one request as JSON on standard input (the file's path, its kind, the byte budget and the
module's limits), decodes under the address-space and CPU caps its parent set, and writes the
values as JSON on standard output. Past a cap the operating system ends it, and the parent reports
the file as not decoded.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> None:
    from hooks.data import pyarrow_values

    request = json.loads(sys.stdin.read())
    for name, value in request["limits"].items():
        if name in pyarrow_values._LIMIT_NAMES:
            setattr(pyarrow_values, name, int(value))
    try:
        read = pyarrow_values.read_columns_here(
            Path(request["path"]), str(request["kind"]), int(request["budget"]), full=bool(request["full"])
        )
    except MemoryError:
        sys.exit(3)  # the parent reports the cap
    if read is None:
        reply = {"values": {}, "unread": [], "complete": False, "rows": 0, "failed": "pyarrow could not be used"}
    else:
        reply = {
            "values": read.values,
            "unread": read.unread,
            "complete": read.complete,
            "rows": read.rows,
            "failed": read.failed,
        }
    sys.stdout.write(json.dumps(reply))


if __name__ == "__main__":
    main()
