"""A generated corpus of model artifacts for `python -m bench artifacts-precision`.

Two splits, each with a benign and a malicious set, written at bench time into
`bench/out/artifacts_corpus/<split>/` with a `manifest.json` (nothing binary is committed):

- benign: files written by real, current libraries (sklearn, pandas 2 and 3, numpy, scipy,
  statsmodels, gradient boosting wrappers, torch, transformers, stdlib value types, dill and
  cloudpickle) in a separate venv (`.venv-corpus`, and `.venv-corpus-pd2` for pandas 2);
- malicious: one generator per family of issue 13 plus the classic families, payloads harmless.

The `heldout` split is designed to differ from `tune` in objects, containers, codecs, protocols,
prefix orders and payload globals (see `splits.py`); the variant sets were fixed before the
scanner was run on either. Whoever tunes the scanner looks at `tune` only.
"""
