"""mlsec-code against bandit (scripts) plus nbqa bandit (notebooks) on the generated ML repo."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.measure import Measurement, measure
from bench.mlrepo import generate


def run(folder: Path, bin_dir: Path, repeat: int) -> list[tuple[str, str, Measurement]]:
    (folder / ".git").mkdir(parents=True, exist_ok=True)
    files = generate(folder)
    scripts = [str(p.relative_to(folder)) for p in files if p.suffix == ".py"]
    notebooks = [str(p.relative_to(folder)) for p in files if p.suffix == ".ipynb"]
    case = f"{len(scripts)} scripts + {len(notebooks)} notebooks"
    rows = [(case, "mlsec-code", measure([str(bin_dir / "mlsec-code"), *scripts, *notebooks], repeat, cwd=folder))]
    bandit = shutil.which("bandit", path=str(bin_dir))
    nbqa = shutil.which("nbqa", path=str(bin_dir))
    if bandit:
        rows.append((case, "bandit (scripts)", measure([bandit, "-q", *scripts], repeat, cwd=folder)))
    if nbqa:
        rows.append((case, "nbqa bandit (notebooks)", measure([nbqa, "bandit", *notebooks, "-q"], repeat, cwd=folder)))
    return rows
