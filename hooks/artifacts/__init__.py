"""Model-artifact readers and the pickle analysis behind `mlsec-artifacts`.

Nothing here unpickles, imports or extracts what it reads: containers are parsed from their
bytes and every pickle is interpreted symbolically.
"""
