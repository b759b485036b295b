"""Sharing decisions: SPEC's rules as small functions over data, each citing the policy."""
