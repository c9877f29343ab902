"""Benchmarks against the peer tools, run on demand (`make bench`), never in `make test`."""
