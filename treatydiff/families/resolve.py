"""Placeholder, filled by the next commits of the families work."""
