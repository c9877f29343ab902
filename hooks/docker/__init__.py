"""Static checks for `mlsec-dockerfile`: a BuildKit-compatible parser and the rules."""
