"""Write the pandas 1.x pickles in this folder with pandas 1.5.3 itself.

pandas 1.x pickles name classes and functions later releases dropped (`Int64Index`,
`Float64Index`, `UInt64Index`); repositories hold many such files. Run in a throwaway
environment with pandas==1.5.3 and numpy<2 installed:
    python tests/data/artifacts/make_pandas1_fixtures.py
The hooks never import pandas; the tests only read the bytes written here.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent

frame = pd.DataFrame(
    {"a": [1, 2], "b": [0.5, 1.5], "c": ["x", "y"], "t": pd.to_datetime(["2020-01-01", "2020-01-02"])},
    index=pd.Index([5, 6]),  # an Int64Index in pandas 1.x
)
series = pd.Series([1.5, 2.5], index=pd.Index([1.0, 2.0]))  # a Float64Index
(HERE / "pandas1_frame.pkl").write_bytes(pickle.dumps({"frame": frame, "series": series}, protocol=4))
