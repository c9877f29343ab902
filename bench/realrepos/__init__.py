"""The real-repository precision benchmark: public ML repositories pinned by commit, `mlsec scan`
and its peers run on them, and a hand-labelled sample of the blocking findings to score against.

Only names, commits, counts and labels live here; the repositories' files stay in the local
mirror and in `bench/out/` (ignored by git).
"""
