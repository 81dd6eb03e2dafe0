"""The function words of the group reader's checks and of segment naming live in data
(`assistant/lexicon/<lang>/{group_reading,segment_reading}.yaml`): the readers give, through the data, what
they gave with the word lists in Python, in French and in English. Phrasings written for these tests."""

from __future__ import annotations

import pytest

from assistant.canvas import Canvas, Segment
from assistant.lexicon import words
from assistant.lexicon.group_reading import GroupReadingWords
from assistant.lexicon.segment_reading import SegmentReadingWords
from assistant.text.tokens import tokenise
from assistant.understanding.group_check import excluded, opens_noun_phrase, trim
from assistant.understanding.group_deferrals import FUTURE
from assistant.understanding.group_fragments import fragments
from assistant.understanding.group_openings import after_modal, unclefted
from assistant.understanding.group_parts import announced_parts
from assistant.understanding.group_predicate import before_predicate, names_a_segment
from assistant.understanding.listing import sweeping_range
from assistant.understanding.refinements import structure_words
from assistant.understanding.segment_blocks import segment_blocks
from assistant.understanding.segment_names import segment_name


def test_each_language_holds_its_own_words() -> None:
    fr = words(GroupReadingWords, "group_reading", "fr")
    en = words(GroupReadingWords, "group_reading", "en")
    assert "il faut" in fr.impersonal_openings and "need to" in en.impersonal_openings
    assert fr.side_words_before_name == ["cote"] and en.side_words_after_name == ["side"]
    assert words(SegmentReadingWords, "segment_reading", "fr").topic_words[-1] == "côté"  # raw text: accents kept


@pytest.mark.parametrize(("text", "group"), [
    ("faut recruter des auxiliaires de vie", "des auxiliaires de vie"),
    ("need to recruit home carers", "home carers"),
    ("faut convaincre les deux", ""),
    ("need to convince both", ""),
])
def test_a_modal_opening_is_no_part_of_the_group(text: str, group: str) -> None:
    assert after_modal(text) == group


@pytest.mark.parametrize(("text", "group"), [
    ("côté offre c'est les artisans", "les artisans"),
    ("on the supply side it's the drivers", "the drivers"),
    ("ceux qui utilisent vraiment l'encaissement c'est les artisans", "les artisans"),
    ("the two that actually pay are row-crop farmers", "row-crop farmers"),
])
def test_the_group_comes_after_a_side_heading_or_a_pseudo_cleft(text: str, group: str) -> None:
    assert unclefted(text) == group


@pytest.mark.parametrize(("text", "group"), [
    ("les infirmières de nuit, c'est un vrai segment", "les infirmières de nuit"),
    ("night-shift nurses are probably a segment of their own", "night-shift nurses"),
    ("les infirmières de nuit comme segment", "les infirmières de nuit"),
    ("night nurses as a second segment", "night nurses"),
])
def test_a_statement_about_a_group_is_cut_off(text: str, group: str) -> None:
    assert before_predicate(text) == group
    assert names_a_segment(text)


def test_a_statement_about_this_names_no_segment() -> None:
    assert not names_a_segment("mais c'est ça notre marché")


@pytest.mark.parametrize(("text", "opens"), [
    ("plus de 50 salariés", False), ("more than 50 staff", False),
    ("moins de 10 salariés", False), ("under 500 acres", False),
    ("qui ont un chien", False), ("who own a dog", False),
    ("peuvent payer plus", False), ("cannot justify a planter", False), ("do not want it", False),
    ("d'autres jardiniers qui cherchent un four", True), ("other gardeners who need a kiln", True),
    ("les artisans", True), ("the drivers", True),
])
def test_what_opens_a_noun_phrase(text: str, opens: bool) -> None:
    assert opens_noun_phrase(text) is opens


@pytest.mark.parametrize(("text", "trimmed"), [
    ("les infirmiers libéraux évidemment", "les infirmiers libéraux"),
    ("et côté étudiants", "étudiants"),
    ("so the students", "the students"),
])
def test_fillers_around_a_group_are_trimmed(text: str, trimmed: str) -> None:
    assert trim(text) == trimmed


@pytest.mark.parametrize("text", ["sauf les hôpitaux", "except hospitals"])
def test_a_group_led_by_an_exception_is_set_aside(text: str) -> None:
    assert excluded(text, 0, len(text), len(text))


@pytest.mark.parametrize(("text", "said"), [
    ("labs in q3", "in q3"), ("conservatoires en 2026", "en 2026"), ("a partir de 2027", "a partir de 2027"),
])
def test_a_time_to_come(text: str, said: str) -> None:
    m = FUTURE.search(text)
    assert m is not None and m.group(0) == said


@pytest.mark.parametrize(("text", "sweep"), [
    ("des étudiants aux retraités", True), ("from freelancers to large corporations", True),
    ("de 20 à 100 salariés", False),
])
def test_a_range_that_sweeps_across_groups(text: str, sweep: bool) -> None:
    assert (sweeping_range(tokenise(text), 2) is not None) is sweep


@pytest.mark.parametrize(("text", "separators"), [
    ("les kinés et les patients", ["sentence", "and"]),
    ("dentists or vets", ["sentence", "or"]),
    ("les cafés ainsi que les hôtels", ["sentence", "also"]),
    ("restaurants as well as hotels", ["sentence", "also"]),
    ("bakeries plus the cafes", ["sentence", "plus_word"]),
])
def test_the_separators_an_answer_is_cut_at(text: str, separators: list[str]) -> None:
    assert [f.separator for f in fragments(text)] == separators


@pytest.mark.parametrize(("answer", "parts"), [
    ("Three groups: the food businesses; the charities; and the volunteer drivers",
     ["the food businesses", "the charities", "the volunteer drivers"]),
    ("Trois groupes : les commerces ; les associations ; et enfin les bénévoles",
     ["les commerces", "les associations", "les bénévoles"]),
])
def test_announced_parts_drop_their_conjunction(answer: str, parts: list[str]) -> None:
    assert announced_parts(answer, []) == parts


@pytest.mark.parametrize(("group", "name"), [
    ("Franchement les foyers qui ont un chien, surtout à Nantes", "Foyers qui ont un chien"),
    ("I think frontline workers are probably underserved", "Frontline workers"),
    ("les associations type ADMR", "Associations"),
    ("visitors such as tourists", "Visitors"),
])
def test_a_segment_name_without_fillers_clauses_or_examples(group: str, name: str) -> None:
    assert segment_name(group) == name


@pytest.mark.parametrize("answer", ["une cible a part", "an underserved segment"])
def test_a_structure_noun_makes_a_segment(answer: str) -> None:
    assert structure_words().search(answer)


@pytest.mark.parametrize(("answer", "topics", "said"), [
    ("Pour les écoles, le directeur signe. Côté familles, tout passe par le site.",
     {"Écoles": "les écoles", "Familles": "familles"},
     {"Écoles": "le directeur signe.", "Familles": "tout passe par le site."}),
    ("For the schools, the head signs. Among the families, everything goes through the site.",
     {"Schools": "the schools", "Families": "the families"},
     {"Schools": "the head signs.", "Families": "everything goes through the site."}),
])
def test_a_topic_opens_a_segment_block(answer: str, topics: dict[str, str], said: dict[str, str]) -> None:
    canvas = Canvas(segments=[Segment(name=name, who=name) for name in topics])
    blocks = segment_blocks(answer, canvas)
    assert blocks.topics == topics
    assert {name: block[0] for name, block in blocks.own.items()} == said
