"""Governance: the page registry, the page lifecycle, roles and checked identities."""
