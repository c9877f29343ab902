"""Static analysis for `mlsec-code`: bandit, ML rules, notebook magics and shell lines."""
