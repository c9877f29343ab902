"""Command-line entry points: one per hook (`mlsec-*`) and the `mlsec` umbrella command."""
