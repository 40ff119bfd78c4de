"""The word-class file: read once from the package, and a malformed line named."""

from __future__ import annotations

from pathlib import Path

import pytest

from dotterel.errors import KnowledgeError
from dotterel.extract.word_classes import read_word_classes, word_class


def test_package_classes_hold_their_words() -> None:
    assert "earthquake" in word_class("accident")
    assert "cholera" in word_class("natural_force")
    assert {"team", "club"} <= word_class("team")
    assert {"resolution", "petition"} <= word_class("document")
    assert {"refuse", "decline"} <= word_class("refusing")
    assert {"dozens", "shipment", "weeks"} <= word_class("quantity")
    assert "ship out" in word_class("moving_own")
    assert {"ally", "rival"} <= word_class("other_party")
    assert {"then", "outgoing"} <= word_class("in_office_then")
    assert "attaché" in word_class("posted_abroad")
    assert {"meet", "negotiation"} <= word_class("mutual")
    assert "pro-government" in word_class("government")
    assert {"besiege", "shell"} <= word_class("place_verb")
    assert {"easter", "ramadan"} <= word_class("calendar")
    assert {"vow", "whisper"} <= word_class("speaking")
    assert "brand" in word_class("characterising")
    assert "decade" in word_class("long_unit")
    assert word_class("plural_body") == {"police", "people"}
    with pytest.raises(KeyError, match="no word class 'weather'"):
        word_class("weather")


def test_a_malformed_line_names_its_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "classes.tsv"
    path.write_text("# a comment\nclass\tlemma\nsport\tPolo\nsport polo\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"classes\.tsv:4: expected two"):
        read_word_classes(path)
    path.write_text("sport\tPolo\n", encoding="utf-8")
    assert read_word_classes(path) == {"sport": frozenset({"polo"})}
