"""A labelled, generated benchmark for mlsec-secrets: planted credentials and decoys in every
place ML repositories keep them, in a `tune` and a `heldout` split (see README.md)."""
