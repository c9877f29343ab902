"""Shared machinery every hook plugs into: findings, rules, policy, baseline, CLI."""
