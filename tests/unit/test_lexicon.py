"""Vocabulary as data: every language folder holds every lexicon file, strictly validated, and a language
without a folder fails with a clear error."""

from __future__ import annotations

import pytest

from assistant.lexicon import (
    MissingLanguage,
    conversation,
    grammar,
    languages,
    platform,
    reflection,
)


def test_french_and_english_ship_every_lexicon_file() -> None:
    assert languages() == ["en", "fr"]
    for lang in languages():
        assert conversation(lang).greetings and reflection(lang).dimensions
        assert grammar(lang).deferral and grammar(lang).first_person
        assert platform(lang).supply_verbs and platform(lang).demand_verbs and platform(lang).side_words


def test_a_language_without_a_folder_fails_with_the_folders_that_exist() -> None:
    with pytest.raises(MissingLanguage, match="available: en, fr"):
        grammar("de")


def test_entries_are_normalised_so_that_they_match_founder_text_without_accents() -> None:
    assert "l an prochain" in grammar("fr").deferral  # written "l an prochain", matched on folded text
    assert all(word == word.lower() for word in grammar("en").first_person)
