"""Secret detection for `mlsec-secrets`: detectors, filters and the per-file scanner."""
