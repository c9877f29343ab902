"""Errors that end a run with exit code 2 and one line that says how to fix it."""


class UsageError(Exception):
    """Bad options, a bad policy file or an unreadable input: the user must act."""
