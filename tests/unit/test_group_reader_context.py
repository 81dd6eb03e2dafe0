"""The group reader reads each fragment with the words around it (issue 9, group kinds): two complete noun
phrases joined by "and" or "plus the" are two groups, a clause that goes on is not; a group put off to a
later time is deferred; a label before a colon is not a group; a generic head that is narrowed is a group.
Phrasings written for these tests, in no corpus or scenario file."""

from __future__ import annotations

import pytest

from assistant.text.vectors import embed_queries
from assistant.understanding.group_reader import read_group_list


def _heads(answer: str) -> list[str]:
    return [g.lower() for g in read_group_list(answer, embed_queries).groups]


@pytest.mark.parametrize("answer, first, second", [
    ("climbing gyms with 500+ members plus the route setters who work for several of them", "gyms", "setters"),
    ("les creches associatives qui manquent de places, et les assistantes maternelles qui cherchent des enfants",
     "creches", "assistantes"),
    # ", and" after a long group closes it; "d'autres X qui…" opens the next one
    ("students coming to Porto for a semester who want something cheaper than a residence and closer to campus, "
     "and retired locals with a spare bedroom who would like some company", "students", "retired locals"),
    ("des potiers amateurs qui ont trop de pieces chez eux et d'autres potiers qui cherchent un four a partager",
     "potiers amateurs", "autres potiers"),
])
def test_two_complete_noun_phrases_are_two_groups(answer: str, first: str, second: str) -> None:
    groups = _heads(answer)
    assert len(groups) == 2 and first in groups[0] and second in groups[1], groups


@pytest.mark.parametrize("answer, group", [
    ("retired teachers who volunteer at the library and want to run reading clubs", "retired teachers"),
    ("les boulangers qui ouvrent a 5h et veulent des commandes en ligne", "boulangers"),
])
def test_a_clause_that_goes_on_is_one_group(answer: str, group: str) -> None:
    groups = _heads(answer)
    assert len(groups) == 1 and group in groups[0], groups


@pytest.mark.parametrize("answer, now, later", [
    ("indie bookshops with a cafe first, school libraries in 2027", "bookshops", "libraries"),
    ("les cavistes independants d'abord, les restaurants on verra l'an prochain", "cavistes", "restaurants"),
])
def test_a_group_put_off_to_later_is_deferred(answer: str, now: str, later: str) -> None:
    reading = read_group_list(answer, embed_queries)
    assert len(reading.groups) == 1 and now in reading.groups[0].lower(), reading
    assert not any(later in g.lower() for g in reading.groups), reading


@pytest.mark.parametrize("answer, groups", [
    ("Cote vendeurs : les brocanteurs qui ont un stock qui dort. Cote acheteurs : les decorateurs d'interieur "
     "qui cherchent des pieces uniques.", ["brocanteurs", "decorateurs"]),
    ("For the schools: primary teachers who run a garden club. For the families: parents who want their kids "
     "outside more.", ["teachers", "parents"]),
])
def test_a_label_before_a_colon_is_not_a_group(answer: str, groups: list[str]) -> None:
    got = _heads(answer)
    assert len(got) == len(groups) and all(g in r for g, r in zip(groups, got, strict=True)), got


@pytest.mark.parametrize("answer, heads", [
    ("dentists, physios, vets and opticians", ["dentists", "physios", "vets", "opticians"]),
    ("les boulangeries, les fromageries, les cavistes et les primeurs", ["boulangeries", "fromageries", "cavistes",
                                                                        "primeurs"]),
])
def test_every_item_of_a_serial_list_of_groups_is_a_group(answer: str, heads: list[str]) -> None:
    got = _heads(answer)
    assert len(got) == len(heads) and all(any(h in g for g in got) for h in heads), got


def test_an_attribute_list_after_a_group_stays_one_group() -> None:
    got = _heads("retired women over 70, widowed, living alone, on a small pension")
    assert len(got) == 1 and "women" in got[0], got


@pytest.mark.parametrize("answer, heads", [
    ("florists, bakers, butchers, etc.", ["florists", "bakers", "butchers"]),
    ("banks, insurers, hospitals, whatever", ["banks", "insurers", "hospitals"]),
])
def test_a_serial_list_s_filler_is_no_group(answer: str, heads: list[str]) -> None:
    got = _heads(answer)
    assert not any(w in g for g in got for w in ("etc", "whatever")), got
    assert all(any(h in g for g in got) for h in heads[:1]), got


@pytest.mark.parametrize("answer, side", [
    ("on the tenant side, young couples and solo renters looking for a furnished flat for 3 to 6 months", "couples"),
    ("cote locataires, les couples et les etudiants qui cherchent un meuble pour un semestre", "couples"),
])
def test_the_group_right_after_a_side_heading_is_read(answer: str, side: str) -> None:
    assert any(side in g for g in _heads(answer)), _heads(answer)


@pytest.mark.parametrize("answer", [
    "owners of vintage vans in Devon, lots of them already lend them to friends for a weekend",
    "les proprietaires de vieux vans en Bretagne, la plupart d'entre eux les pretent deja a des amis",
])
def test_a_statement_about_part_of_the_group_is_no_group(answer: str) -> None:
    groups = _heads(answer)
    assert len(groups) == 1, groups
