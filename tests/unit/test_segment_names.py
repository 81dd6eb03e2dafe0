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
    ("les mutuelles comme la MGEN ou la MAIF", "Mutuelles"),
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


def test_a_group_is_known_by_the_head_of_a_segment_name_not_its_relative_clause() -> None:
    from assistant.canvas import Canvas, Segment
    from assistant.understanding.segment_names import known_segment

    name = segment_name("makers who sell handmade ceramics and jewellery at craft fairs")
    canvas = Canvas(language="en", startup="x", segments=[Segment(name=name)])
    assert known_segment(canvas, "the buyers who want a handmade one-off gift") == ""
    assert known_segment(canvas, "the makers doing 10 to 40 fairs a year") == name


def test_a_segment_is_mentioned_by_the_head_of_its_name() -> None:
    from assistant.canvas import Canvas, Segment
    from assistant.understanding.segment_blocks import segments_mentioned

    firms = segment_name("les boites qui ont des velos de service")
    canvas = Canvas(language="fr", startup="x", segments=[Segment(name="Velotafeurs de Lyon"), Segment(name=firms)])
    assert firms not in segments_mentioned(canvas, "les vieux velos classiques, c'est pour une crevaison")
    assert segments_mentioned(canvas, "les boites paient a la facture") == [firms]


def test_the_focus_is_the_segment_named_by_the_head_of_its_name() -> None:
    from assistant.canvas import Canvas, Segment
    from assistant.understanding.extract import focus_from_answer

    firms = segment_name("les boites qui ont des velos de service")
    canvas = Canvas(language="fr", startup="x", segments=[Segment(name="Velotafeurs de Lyon"), Segment(name=firms)])
    assert focus_from_answer("les vieux velos classiques, non. mon coeur de cible c'est les vae", canvas) != firms
    assert focus_from_answer("les boites d'abord", canvas) == firms


def test_a_name_whose_head_is_people_in_general_is_known_by_its_whole_name() -> None:
    from assistant.understanding.segment_names import name_head

    assert name_head("Makers who sell handmade ceramics") == "Makers"
    assert name_head("People who want to know what's on") == "People who want to know what's on"


@pytest.mark.parametrize(("group", "name"), [
    ("young professionals too", "Young professionals"),
    ("les kinés libéraux aussi", "Kinés libéraux"),
    ("les hôtels indépendants d'abord", "Hôtels indépendants"),
    ("students obviously", "Students"),
    ("dentists as well", "Dentists as well"),  # "well" alone is a hedge, not in "as well"
    ("juste", "Juste"),  # a name is never emptied
])
def test_a_hedge_or_an_adverb_after_the_group_is_no_part_of_its_name(group: str, name: str) -> None:
    """Found on a blind scenario: the canvas showed a segment "Young professionals too"."""
    assert segment_name(group) == name


@pytest.mark.parametrize(("group", "name"), [
    # a name cut at its limit inside a number phrase loses the whole phrase, never keeps half of a range
    ("les cabinets d'architectes de 2 à 10 salariés qui répondent à des concours", "Cabinets d'architectes"),
    ("villages de 1 500 à 3 000 habitants sans médecin ni pharmacie", "Villages"),
    ("families in their first 6 months after a move abroad", "Families"),
    ("independent garages installed for less than 3 years in the Midlands", "Independent garages installed"),
    # short enough: the numbers stay
    ("kids 9 to 12", "Kids 9 to 12"),
    ("women over 75", "Women over 75"),
])
def test_a_name_never_stops_inside_a_number_range(group: str, name: str) -> None:
    got = segment_name(group)
    assert got == name, got
