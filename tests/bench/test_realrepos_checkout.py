"""The pinned repository list parses, names are unique, and the split filter behaves."""

from __future__ import annotations

from bench.realrepos.checkout import SPLITS, Repo, load_repos, select


def test_repository_list_is_pinned_and_split() -> None:
    repos = load_repos()
    assert len({r.name for r in repos}) == len(repos)
    assert all(len(r.commit) == 40 for r in repos)
    assert {r.split for r in repos} == set(SPLITS)
    assert sum(r.split == "heldout" for r in repos) == 4
    assert sum(r.split == "fresh" for r in repos) == 4
    assert sum(r.split == "blind" for r in repos) == 4
    assert sum(r.split == "blind2" for r in repos) == 8
    assert sum(r.split == "blind3" for r in repos) == 8
    assert sum(r.split == "blind4" for r in repos) == 8
    assert sum(r.split == "blind5" for r in repos) == 8
    assert sum(r.split == "blind6a" for r in repos) == 4
    assert sum(r.split == "blind6b" for r in repos) == 4
    assert sum(r.split == "blind7a" for r in repos) == 4
    assert sum(r.split == "blind7b" for r in repos) == 4
    assert sum(r.split == "blind8a" for r in repos) == 4
    assert sum(r.split == "blind8b" for r in repos) == 4
    assert sum(r.split == "blind9" for r in repos) == 4
    assert sum(r.split == "blind10" for r in repos) == 4
    assert sum(r.split == "blind11" for r in repos) == 4
    assert sum(r.split == "blind12" for r in repos) == 4
    assert sum(r.split == "blind13" for r in repos) == 4
    assert sum(r.split == "blind14" for r in repos) == 4
    assert sum(r.split == "blind15" for r in repos) == 4
    assert sum(r.split == "blind16" for r in repos) == 4


def test_select_by_split_and_name() -> None:
    repos = [Repo("a", "o/a", "0" * 40, "c", "tune"), Repo("b", "o/b", "1" * 40, "c", "heldout")]
    assert [r.name for r in select(repos, "tune", None)] == ["a"]
    assert [r.name for r in select(repos, "all", None)] == ["a", "b"]
    assert [r.name for r in select(repos, "both", None)] == ["a", "b"]
    assert [r.name for r in select(repos, "all", "o/b")] == ["b"]
    assert select(repos, "heldout", "a") == []
