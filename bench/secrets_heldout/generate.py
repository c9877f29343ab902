"""Build one split of the held-out secrets benchmark: files plus manifest.json.

The same seed and split give byte-identical files and manifest. The split rules (README.md) are
functions of names only: `providers.HELDOUT_PROVIDERS`, `heldout_places()` and
`decoys.heldout_variants()`.
"""

from __future__ import annotations

import json
import random
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.secrets_heldout import decoys as dec
from bench.secrets_heldout.layout import Doc, Entry, Notebook
from bench.secrets_heldout.places import BY_PLACE, CORE_PLACES, PLACES, THIRD_PARTY_CSV, Place
from bench.secrets_heldout.providers import HELDOUT_PROVIDERS, CredType, held_out_names, subgroup, types_for_split

GENERATOR_VERSION = 1
SPLITS = ("tune", "heldout")
PLACEMENTS = {"generic": 8}  # per credential type; others get DEFAULT_PLACEMENTS
DEFAULT_PLACEMENTS = 4
MIN_PER_PLACE = 5
DECOY_REPEATS = {"tune": 4, "heldout": 6}
DECOY_PATHS = {
    "py": "src/utils_{i:03d}.py",
    "yaml": "configs/model_{i:03d}.yaml",
    "k8s": "deploy/k8s/deployment_{i:03d}.yaml",
    "md": "docs/guide_{i:03d}.md",
    "env": "envs/defaults_{i:03d}.env",
    "req": "requirements/lock_{i:03d}.txt",
    "csv": "data/peptides_{i:03d}.csv",
    "fasta": "data/seqs_{i:03d}.fasta",
    "conf": "ops/clearml_defaults_{i:03d}.conf",
    "sh": "scripts/train_{i:03d}.sh",
    "ini": "configs/db_{i:03d}.ini",
    "lock": "locks/{i:03d}/poetry.lock",
}


def heldout_places() -> frozenset[str]:
    """A third of the places outside CORE_PLACES, by name hash; they appear only in heldout."""
    return held_out_names(sorted(p.name for p in PLACES if p.name not in CORE_PLACES), "place:")


def places_for_split(split: str) -> list[Place]:
    held = heldout_places()
    return [p for p in PLACES if p.name in CORE_PLACES or (p.name in held) == (split == "heldout")]


def _plan(rng: random.Random, split: str) -> list[tuple[CredType, Place]]:
    places = places_for_split(split)
    types = types_for_split(split)
    pairs: list[tuple[CredType, Place]] = []
    for cred in types:
        options = [p for p in places if p.accepts(cred)]
        count = min(PLACEMENTS.get(cred.group, DEFAULT_PLACEMENTS), len(options))
        pairs += [(cred, p) for p in rng.sample(options, count)]
    for place in places:
        acceptable = [c for c in types if place.accepts(c)]
        have = sum(1 for _, p in pairs if p is place)
        pairs += [(rng.choice(acceptable), place) for _ in range(max(0, MIN_PER_PLACE - have))]
    return pairs


def _secret_entry(cred: CredType, place: Place, rng: random.Random, expected: str = "secret") -> Entry:
    return Entry("", place.name, expected, cred.name, subgroup(cred), value=cred.make(rng))


def _write(root: Path, rel: str, text: str, entries: list[Entry], written: dict[str, str]) -> None:
    assert rel not in written, f"generator wrote {rel} twice"
    written[rel] = text
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    for entry in entries:
        entry.file = rel


def _render_place(
    root: Path, rng: random.Random, place: Place, entries: list[Entry], written: dict[str, str]
) -> list[Entry]:
    out: list[Entry] = []
    for index, start in enumerate(range(0, len(entries), place.per_file)):
        chunk = entries[start : start + place.per_file]
        rel, text = place.render(rng, index, chunk)  # may append echo entries to chunk
        _write(root, rel, text, chunk, written)
        out += chunk
    return out


def _render_decoys(root: Path, rng: random.Random, split: str, written: dict[str, str]) -> list[Entry]:
    snippets: dict[str, list[tuple[str, str, dec.Snippet]]] = defaultdict(list)
    notebook_jobs: list[tuple[str, str, dec.NbVariant]] = []
    for family, variant in dec.variants_for_split(split):
        for _ in range(DECOY_REPEATS[split]):
            if variant in dec.TEXT_FAMILIES.get(family, {}):
                snippet = dec.TEXT_FAMILIES[family][variant](rng)
                snippets[snippet.kind].append((family, variant, snippet))
            else:
                notebook_jobs.append((family, variant, dec.NB_FAMILIES[family][variant]))
    entries: list[Entry] = []
    for kind in sorted(snippets):
        items = snippets[kind]
        rng.shuffle(items)
        for index, start in enumerate(range(0, len(items), 5)):
            doc = Doc()
            file_entries = []
            for family, variant, snippet in items[start : start + 5]:
                first = len(doc.lines)
                doc.add(*snippet.lines)
                doc.add("")
                for a, b, value in snippet.marks:
                    e = Entry("", kind, "decoy", family=family, variant=variant, value=value)
                    e.line, e.end_line = first + a + 1, first + b + 1
                    file_entries.append(e)
            _write(root, DECOY_PATHS[kind].format(i=index), doc.text(), file_entries, written)
            entries += file_entries
    rng.shuffle(notebook_jobs)
    for index, start in enumerate(range(0, len(notebook_jobs), 4)):
        nb = Notebook()
        nb.markdown("# Exploration\n\nLooking at the data and the last run.")
        file_entries: list[Entry] = []
        for family, variant, job in notebook_jobs[start : start + 4]:

            def new(
                value: str, family: str = family, variant: str = variant, into: list[Entry] = file_entries
            ) -> Entry:
                e = Entry("", "notebook", "decoy", family=family, variant=variant, value=value)
                into.append(e)
                return e

            job(nb, rng, new)
        _write(root, f"notebooks/analysis_{index:03d}.ipynb", nb.render(), file_entries, written)
        entries += file_entries
    return entries


def generate(root: Path, split: str, seed: int = 15) -> dict[str, Any]:
    """Write the split's tree under `root` (emptied first) and return its manifest."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}")
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    (root / ".git").mkdir()  # a repository root, as pre-commit runs hooks
    rng = random.Random(f"{seed}:{split}")
    written: dict[str, str] = {}
    by_place: dict[str, list[Entry]] = defaultdict(list)
    for cred, place in _plan(rng, split):
        by_place[place.name].append(_secret_entry(cred, place, rng))
    entries: list[Entry] = []
    for name in sorted(by_place):
        place_entries = by_place[name]
        rng.shuffle(place_entries)
        entries += _render_place(root, rng, BY_PLACE[name], place_entries, written)
    csv_types = [c for c in types_for_split(split) if THIRD_PARTY_CSV.accepts(c)]
    third_party = [_secret_entry(rng.choice(csv_types), THIRD_PARTY_CSV, rng, "low") for _ in range(8)]
    entries += _render_place(root, rng, THIRD_PARTY_CSV, third_party, written)
    entries += _render_decoys(root, rng, split, written)
    for number, entry in enumerate(entries, 1):
        entry.id = f"{split}-{number:04d}"
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "split": split,
        "seed": seed,
        "heldout_providers": sorted(HELDOUT_PROVIDERS),
        "places": [p.name for p in places_for_split(split)] + [THIRD_PARTY_CSV.name],
        "decoy_variants": [f"{f}/{v}" for f, v in dec.variants_for_split(split)],
        "files": len(written),
        "bytes": sum(len(t.encode()) for t in written.values()),
        "entries": [e.to_json() for e in entries],
    }
    (root.parent / f"{root.name}.manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return manifest


def main() -> None:  # pragma: no cover - convenience entry point
    import sys

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "out" / "secrets_heldout"
    for split in SPLITS:
        manifest = generate(out / split, split)
        counts: dict[str, int] = defaultdict(int)
        for e in manifest["entries"]:
            counts[e["expected"]] += 1
        print(split, manifest["files"], "files", manifest["bytes"], "bytes", dict(counts))


if __name__ == "__main__":  # pragma: no cover
    main()
