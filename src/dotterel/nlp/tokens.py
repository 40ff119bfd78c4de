"""Reads of spaCy token attributes whose type stubs say less than the values they give.

This module is never compiled (see ``setup.py``): a compiled caller checks each value
against the stub's type, so a stub that is too narrow would fail there at run time.
"""

from __future__ import annotations

from spacy.tokens import Token


def conjuncts(tok: Token) -> tuple[Token, ...]:
    """``Token.conjuncts``: every word coordinated with ``tok`` (spaCy's stub types it
    as a tuple of one)."""
    return tok.conjuncts
