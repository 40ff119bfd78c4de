"""Runners: code input files through a ``Coder`` (locally, one process)."""
