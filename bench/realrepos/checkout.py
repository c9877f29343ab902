"""Materialise a pinned repository from its local mirror as a fresh git checkout under bench/out."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPOS_FILE = HERE / "repos.json"
MIRRORS = Path(os.environ.get("MLSEC_BENCH_MIRRORS", "/work/.mirror"))
# tune: what the scanners were tuned on; heldout: chosen before any scan, read only for before/after;
# fresh: chosen at stop 24 before any scan, labelled blind after that stop's changes (README);
# blind: chosen at stop 25 before any scan, scanned mid-stop (README); blind2: chosen at stop 25
# before any scan, scanned once with that stop's code of the time; blind3: chosen after that, scanned
# once with the stop's final code; blind4: chosen and pinned at the start of stop 26, scanned once with
# that stop's final code; blind5: the same at stop 27 (README).
# blind6a/blind6b: chosen at stop 28; 6a scanned at the start (read while tuning), 6b once at the end.
# blind7a/blind7b: chosen at stop 29 the same way; blind8a/blind8b at stop 30.
# blind9: chosen at stop 31, scanned at its start (then read); blind10: scanned once at its end (README).
# blind11: chosen at stop 32, scanned once when its code is final (README); blind12 at stop 33; blind13 at stop 34.
# blind14: chosen at stop 35, scanned at its start and again at its end, labelled unread (README).
# blind15: chosen at stop 36 the same way (README); blind16 at stop 37; blind17 at stop 38;
# blind18 at stop 39; blind19 at stop 40; blind20 at stop 41; blind21 at stop 42; blind22 at stop 43;
# blind23 at stop 44; blind24 at stop 45; blind25 at stop 46; blind26 at stop 47;
# blind27 chosen at stop 47 too, scanned only once its code is final (README); blind28 the same at stop 48.
# blind29: chosen at stop 49, scanned at its start and at its end, labelled unread (README);
# blind30 at stop 50; blind31 at stop 51; blind32 at stop 52; blind33 at stop 53; blind34 at stop 54;
# blind35 at stop 55; blind36 at stop 56; blind37 at stop 57; blind38 at stop 58;
# blind39 and blind40 at stop 59; blind41 at stop 60; blind42 at stop 61; blind43 at stop 62;
# blind44 at stop 63; blind45 at stop 66; blind46 at stop 67; blind47 at stop 68; blind48 at stop 69;
# blind49 and blind50 at stop 70; blind51 and blind52 at stop 71; blind53 at stop 72; blind54 at stop 73;
# blind55 at stop 74.
SPLITS = (
    "tune",
    "heldout",
    "fresh",
    "blind",
    "blind2",
    "blind3",
    "blind4",
    "blind5",
    "blind6a",
    "blind6b",
    "blind7a",
    "blind7b",
    "blind8a",
    "blind8b",
    "blind9",
    "blind10",
    "blind11",
    "blind12",
    "blind13",
    "blind14",
    "blind15",
    "blind16",
    "blind17",
    "blind18",
    "blind19",
    "blind20",
    "blind21",
    "blind22",
    "blind23",
    "blind24",
    "blind25",
    "blind26",
    "blind27",
    "blind28",
    "blind29",
    "blind30",
    "blind31",
    "blind32",
    "blind33",
    "blind34",
    "blind35",
    "blind36",
    "blind37",
    "blind38",
    "blind39",
    "blind40",
    "blind41",
    "blind42",
    "blind43",
    "blind44",
    "blind45",
    "blind46",
    "blind47",
    "blind48",
    "blind49",
    "blind50",
    "blind51",
    "blind52",
    "blind53",
    "blind54",
    "blind55",
    "blind56",
    "blind57",
    "blind58",
    "blind59",
    "blind60",
    "blind61",
    "blind62",
    "blind63",
    "blind64",
    "blind65",
    "blind66",
)


@dataclass(frozen=True)
class Repo:
    name: str
    repo: str
    commit: str
    category: str
    split: str
    subdir: str | None = None

    @property
    def mirror(self) -> Path:
        return MIRRORS / self.repo.replace("/", "+") / "repo"


def load_repos(path: Path = REPOS_FILE) -> list[Repo]:
    rows = json.loads(path.read_text())["repos"]
    return [Repo(**row) for row in rows]


def select(repos: list[Repo], split: str, name: str | None) -> list[Repo]:
    chosen = [r for r in repos if split in ("all", "both") or r.split == split]
    if name:
        chosen = [r for r in chosen if name in (r.name, r.repo)]
    return chosen


def _git(*args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


def materialise(repo: Repo, cache: Path) -> Path:
    """A checkout of `repo.commit` at cache/<name>, reused when it is already at that commit.

    A shared clone of the mirror (no objects copied) whose index holds exactly the commit's files,
    so `git ls-files` inside it, as `mlsec scan` runs it, lists what the repository committed.
    """
    target = cache / repo.name
    if (target / ".git").is_dir():
        try:
            if _git("rev-parse", "HEAD", cwd=target).strip() == repo.commit:
                return target
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(target)
    if not repo.mirror.is_dir():
        raise FileNotFoundError(f"no mirror for {repo.repo} at {repo.mirror}: fetch it first")
    cache.mkdir(parents=True, exist_ok=True)
    _git("clone", "--quiet", "--shared", "--no-checkout", str(repo.mirror), str(target))
    _git("-c", "advice.detachedHead=false", "checkout", "--quiet", repo.commit, cwd=target)
    return target


def tracked_files(checkout: Path, subdir: str | None = None) -> list[str]:
    listed = _git("ls-files", "-z", cwd=checkout).split("\0")
    files = [p for p in listed if p and (checkout / p).is_file() and not (checkout / p).is_symlink()]
    if subdir:
        prefix = subdir.rstrip("/") + "/"
        files = [p for p in files if p.startswith(prefix)]
    return files
