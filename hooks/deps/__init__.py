"""Dependency checks for `mlsec-deps`: file readers, names, advisories and the scanner."""
