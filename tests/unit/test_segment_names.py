"""The name a segment gets on the canvas, as a founder reads it in the side panel: the group's head, not its
examples, fillers or a dangling word. Phrasings written for these tests, in no scenario or corpus file."""

from __future__ import annotations

import pytest

from assistant.understanding.segment_names import segment_name


@pytest.mark.parametrize(("group", "name"), [
    ("les clubs de sport amateurs type foot ou hand", "Clubs de sport amateurs"),
    ("tourists staying for like a long weekend", "Tourists staying"),
    ("small breweries such as the ones in the old town", "Small breweries"),
    ("les artisans genre plombiers et electriciens", "Artisans"),
    ("particuliers equipes a", "Particuliers equipes"),
    ("like-minded founders who meet monthly", "Like-minded founders"),
    ("well, dog groomers who work from a van", "Dog groomers"),
])
def test_a_segment_is_named_by_its_group_not_its_examples_nor_a_dangling_word(group: str, name: str) -> None:
    assert segment_name(group) == name


@pytest.mark.parametrize(("group", "name"), [
    ("les foyers qui ont un chien ou un chat", "Foyers qui ont un chien ou un chat"),
    ("patients who just had knee surgery, mostly over 60", "Patients who just had knee surgery"),
    ("dog groomers who work from a van", "Dog groomers"),  # two words say enough
])
def test_a_one_word_group_keeps_its_relative_clause_in_its_name(group: str, name: str) -> None:
    assert segment_name(group) == name
