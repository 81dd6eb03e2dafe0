"""The grammar checks on the groups an answer names (issue 9, kinds 1 and 2): a group the founder sets aside
is not a segment, a clause or a measure after a group does not become another one, the groups an announcement
lists are read, and fillers are not part of a group's words. Phrasings written for these tests, in no scenario
or corpus file."""

from __future__ import annotations

import pytest

from assistant.text.vectors import embed_queries
from assistant.understanding.group_check import opens_noun_phrase, trim
from assistant.understanding.group_reader import read_group_list


def _read(answer: str) -> tuple[list[str], list[str]]:
    reading = read_group_list(answer, embed_queries)
    return reading.groups, reading.excluded


@pytest.mark.parametrize("answer, kept, set_aside", [
    ("Independent gyms with 1 to 3 locations. Big fitness chains already have their own apps.",
     "gyms", "chains"),
    ("Les boulangeries artisanales de quartier. Les chaines industrielles, laisse tomber, elles ont leurs "
     "fournisseurs.", "boulangeries", "chaines"),
    ("Les cabinets d'architectes de 2 a 10 personnes. Les grosses agences ont deja un service informatique, "
     "pas eux.", "architectes", "agences"),
    ("Dental practices with one or two chairs. Hospital dental departments don't buy this kind of thing.",
     "dental practices", "hospital"),
])
def test_a_group_set_aside_is_not_a_segment(answer: str, kept: str, set_aside: str) -> None:
    groups, excluded = _read(answer)
    assert any(kept in g.lower() for g in groups), groups
    assert not any(set_aside in g.lower() for g in groups), (groups, excluded)


@pytest.mark.parametrize("answer", [
    "Small dairy farms in Brittany. They milk twice a day and can't afford a milking robot.",
    "Les eleveurs laitiers de Bretagne. Ils traient deux fois par jour et peuvent pas se payer un robot.",
    "Owner-managed bakeries. Under 10 staff. Can't justify a full-time accountant.",
])
def test_a_clause_or_a_measure_after_a_group_is_not_another_group(answer: str) -> None:
    groups, _ = _read(answer)
    assert len(groups) == 1, groups


def test_the_groups_an_announcement_lists_are_read() -> None:
    groups, _ = _read("Deux publics je crois : - les mairies qui gerent un marche (environ 200) - les "
                      "commercants non sedentaires (fromagers, primeurs)")
    assert len(groups) == 2, groups
    assert not any("publics" in g for g in groups), groups


def test_fillers_are_not_part_of_a_group() -> None:
    assert trim("je dirais evidemment les pharmaciens de quartier lol") == "les pharmaciens de quartier"
    assert trim("and on the other side, retired teachers") == "retired teachers"
    assert trim("one side is people who own a van") == "people who own a van"


@pytest.mark.parametrize("fragment, opens", [
    ("they need a groom every 6 weeks", False), ("elles font 40 repas par jour", False),
    ("under 500 acres", False), ("can't justify a planter", False), ("household income above $50k", False),
    ("deux groupes", False), ("CE des grandes entreprises", True), ("ceux qui offrent la box", True),
    ("the ones running long shifts", True), ("plus retired engineers", True),
    ("d'autres potiers qui cherchent un four", True), ("lots of them already rent informally", False),
    ("la plupart d'entre eux pretent deja leur van", False),
])
def test_what_opens_a_noun_phrase(fragment: str, opens: bool) -> None:
    assert opens_noun_phrase(fragment) is opens


@pytest.mark.parametrize("answer, heads", [
    ("Two targets: garden centres with a cafe, mostly family-owned, 2 or 3 sites; and landscapers who "
     "maintain office parks, hedges, lawns, ponds", ["garden centres", "landscapers"]),
    ("On vise trois publics : les kinés libéraux, surtout en cabinet de groupe, souvent jeunes ; les clubs de "
     "sport amateurs, foot, rugby, hand ; et les mutuelles qui remboursent la prévention",
     ["kinés", "clubs", "mutuelles"]),
])
def test_announced_groups_listed_in_parts_are_one_group_each(answer: str, heads: list[str]) -> None:
    groups, _ = _read(answer)
    assert len(groups) == len(heads), groups
    assert all(h in g.lower() for h, g in zip(heads, groups, strict=True)), groups


@pytest.mark.parametrize("answer, group", [
    ("Nos clients, ce sont les ateliers de reparation de velos qui ont 2 a 5 mecanos", "ateliers"),
    ("la cible c'est les cavistes independants qui font aussi bar a vin", "cavistes"),
    ("our customers are dog groomers who run a mobile van and book by phone", "groomers"),
    ("we're targeting hospital pharmacists who reconcile stock by hand every night", "pharmacists"),
])
def test_the_words_that_announce_the_target_are_not_part_of_it(answer: str, group: str) -> None:
    groups, _ = _read(answer)
    assert len(groups) == 1 and group in groups[0].lower(), groups
    assert not any(w in groups[0].lower() for w in ("client", "cible", "customer", "target")), groups
