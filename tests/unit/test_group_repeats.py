"""The same customers named again in one answer are one segment (what a founder sees: one segment on the
canvas, not "Clubs de taille moyenne" beside "Clubs de handball", nor "Active kids" and "Soccer" beside
"Parents of kids"); two groups with one head said together, or a group added as another, stay two. Phrased
anew, not copied from any scenario file."""

from __future__ import annotations

import pytest

from assistant.text.vectors import embed_queries
from assistant.understanding.extract import groups_updates
from assistant.understanding.group_reader import read_group_list
from assistant.understanding.group_repeats import heads, names_a_thing, one_per_customer


def _segments(answer: str) -> list[str]:
    return [u.segment for u in groups_updates(answer, embed_queries)]


@pytest.mark.parametrize("answer", [
    # the head named again in a later sentence, as the subject of a clause
    "Community orchestras in the Midwest, 30 to 80 players, run by volunteers. Orchestras need a librarian "
    "anyway, they lose parts every concert.",
    # corrected in the same sentence
    "Les écoles de musique associatives, enfin pas toutes, je veux dire les écoles de 200 à 600 élèves qui "
    "gèrent les prêts d'instruments sur un tableur.",
    # what the group is about, named again later: illustrations, not segments
    "Owners of small vineyards, 5 to 20 hectares, who bottle their own wine. Vineyards in the Loire, Alsace, "
    "the Jura, it's the same people.",
    "Parents of teenagers who start driving lessons this year. Nervous teenagers, sporty ones, the ones who "
    "failed once.",
    # a sentence opening on a demonstrative and a relative pronoun says who among the group before
    "Fromageries indépendantes. Celles qui affinent elles-mêmes, avec une cave.",
])
def test_a_group_named_again_is_one_segment(answer: str) -> None:
    segments = _segments(answer)
    assert len(segments) == 1, segments


@pytest.mark.parametrize("answer", [
    "Les petites crèches associatives et les grandes crèches privées.",
    "Dairy farms in Normandy. Dairy farms in Brittany too, a second region.",
    "Les crèches associatives. Les crèches d'entreprise, c'est l'autre groupe.",
    "Hospitals with their own laundry. And also the laundries that serve hospitals.",
])
def test_groups_said_together_or_added_stay_two(answer: str) -> None:
    segments = _segments(answer)
    assert len(segments) == 2, segments


@pytest.mark.parametrize(("group", "expected"), [
    ("travel hockey leagues in Ohio, like 20 to 60 teams", ["leagues"]),
    ("owners of rooftop solar arrays", ["owners", "arrays"]),
    ("les petites communes rurales", ["communes", "rurales"]),
    ("soccer", []),
])
def test_heads(group: str, expected: list[str]) -> None:
    assert heads(group) == expected


def test_a_one_word_thing_is_no_group() -> None:
    assert names_a_thing("soccer") and names_a_thing("déco")
    assert not names_a_thing("bakeries") and not names_a_thing("les boulangers")


def test_a_group_not_found_in_the_answer_is_kept() -> None:
    assert one_per_customer("Dentists. Dentists again.", ["dentists in Lyon", "Dentists"]) == [
        "dentists in Lyon", "Dentists"]


@pytest.mark.parametrize("answer", [
    # a list line opening on a focus or example marker says what the group above is mostly made of
    "- farms that raise dairy goats, 50 to 300 animals\n- mostly family farms, a few cooperatives\n"
    "- e.g. farms in Vermont, Wisconsin, upstate New York",
    # a bare list of kinds right after the group's sentence
    "Librairies indépendantes de centre-ville. BD, jeunesse, polars, beaux livres.",
    # a reason names no group
    "The clinics that just opened a second site, because ils doivent tout recruter en trois mois.",
])
def test_descriptions_of_the_group_above_add_no_segment(answer: str) -> None:
    segments = _segments(answer)
    assert len(segments) == 1, segments


def test_a_list_of_groups_with_nothing_before_is_still_a_list() -> None:
    groups = read_group_list("Bakeries, butchers, florists, garages, dentists. All at once.", embed_queries).groups
    assert len(groups) >= 3, groups


def test_an_announced_second_group_after_and_is_split() -> None:
    answer = "two groups really: owners of vintage motorbikes who can't find parts, and garages that restore them"
    assert len(read_group_list(answer, embed_queries).groups) == 2


@pytest.mark.parametrize("answer", [
    "Les lycées agricoles. Et les CFA aussi, ah non, pardon, pas les CFA, ils passent par la région.",
    "Schools in Leeds, and the libraries too, sorry, no, not the libraries, they have no budget.",
])
def test_a_group_taken_back_is_no_segment(answer: str) -> None:
    segments = _segments(answer)
    assert len(segments) == 1, segments


def test_the_other_announced_side_named_after_a_sentence_is_read() -> None:
    answer = ("two sides tbh. indie climbing gyms in ohio, like 10 to 40 staff. and then the route setters obv, "
              "theyre the other half, mostly young guys + some older ones who set on weekends.")
    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 2 and "setters" in groups[1], groups


def test_a_make_up_after_mostly_is_no_group() -> None:
    answer = "Volunteer firefighters in rural Quebec, mostly farmers in their forties, plus some retirees."
    assert len(read_group_list(answer, embed_queries).groups) == 1


def test_the_narrowed_restatement_stands() -> None:
    answer = ("people who hate cooking, so like, a lot of people lol. ok more specific: people in Leeds living in "
              "student flats with no oven, who work night shifts")
    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 1 and "Leeds" in groups[0], groups


@pytest.mark.parametrize("answer", [
    "Les campings familiaux d'abord. Après on les touche via les offices de tourisme et les mairies.",
    "Independent bike shops first; we reach them via the distributors and the trade fairs.",
])
def test_groups_after_via_are_channels_not_segments(answer: str) -> None:
    segments = _segments(answer)
    assert len(segments) == 1, segments


def test_a_corrected_range_keeps_its_group() -> None:
    answer = ("Parents of toddlers, say two to four — no, let's say two to five — who bite through every cable "
              "in the house.")
    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 1 and "Parents" in groups[0], groups


def test_two_announced_groups_with_one_head_stay_two_and_no_more() -> None:
    answer = ("ok fair. the ones who come back are two groups: owners of big farm horses (shires, clydesdales) who "
              "can't trailer them, and owners of old or nervous horses who panic at the clinic with the noise and "
              "the stalls and waiting all day")
    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 2, groups
