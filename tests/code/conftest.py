from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _current_advisory_data(current_advisories: Path) -> Path:
    """These tests scan as a user with current advisory data would: pinned installs are looked up,
    and missing or old data is the run's MLS416 notice (tested where it is the point)."""
    return current_advisories
