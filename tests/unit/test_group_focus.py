"""A focus on part of the group already named ("…, pas les franchises. Surtout les petits salons…") is no second
segment, and a side heading followed by a hedge or a determiner ("côté bateaux je dirais les proprios", "côté
mécanos les jeunes indépendants") names the group after it (third blind set, 2026-12-02). Phrasings written for
these tests."""

from __future__ import annotations

import pytest

from assistant.text.vectors import embed_queries
from assistant.understanding.group_openings import unclefted
from assistant.understanding.group_reader import read_group_list


@pytest.mark.parametrize(("answer", "head"), [
    ("Les boulangeries artisanales, pas les chaînes (elles ont leur logiciel). Surtout les petites boulangeries "
     "de 2 à 5 salariés qui font tout sur papier.", "boulangeries"),
    ("independent bookshops in Yorkshire, not the chains. Especially the small bookshops with no website.",
     "bookshops"),
])
def test_a_focus_on_part_of_the_group_is_no_second_group(answer: str, head: str) -> None:
    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 1 and head in groups[0].lower(), groups


@pytest.mark.parametrize(("text", "group"), [
    ("côté propriétaires je dirais les retraités qui partent l'hiver", "les retraités qui partent l'hiver"),
    ("côté artisans les jeunes plombiers installés depuis peu", "les jeunes plombiers installés depuis peu"),
    ("on the supply side I'd say retirees with a spare room", "retirees with a spare room"),
])
def test_a_side_heading_then_a_hedge_or_a_determiner_names_the_group_after_it(text: str, group: str) -> None:
    assert unclefted(text) == group


@pytest.mark.parametrize(("answer", "group", "thing"), [
    ("En second, les mairies, pour leurs terrains difficiles : digues, fossés, bords de canaux.", "mairies",
     "digues"),
    ("the city councils, for their awkward plots: retention ponds, embankments, roadside verges", "city councils",
     "ponds"),
])
def test_things_listed_after_a_colon_are_examples_not_groups(answer: str, group: str, thing: str) -> None:
    groups = read_group_list(answer, embed_queries).groups
    assert any(group in g.lower() for g in groups), groups
    assert not any(thing in g.lower() for g in groups), groups


def test_a_remark_before_a_colon_names_no_group() -> None:
    answer = ("les gens qui font leurs courses en grande surface et lisent les étiquettes. ça reste large, des "
              "millions de personnes, mais c'est ça notre marché : un geste très répandu, pas une niche")
    assert len(read_group_list(answer, embed_queries).groups) == 1


def test_people_listed_after_a_colon_are_still_groups() -> None:
    groups = read_group_list("deux côtés : les hôtes qui ont une chambre libre, les étudiants en stage",
                             embed_queries).groups
    assert len(groups) == 2, groups


@pytest.mark.parametrize(("answer", "kept", "dropped"), [
    ("Au départ on pensait à tous les commerces, les boulangers, les fleuristes, les cavistes. En fait ce sont les "
     "opticiens indépendants de plus de 3 salariés", "opticiens", "fleuristes"),
    ("at first we thought any small business, hairdressers, plumbers, florists. but that's a different game. now "
     "it's independent opticians with 3 staff or more", "opticians", "plumbers"),
])
def test_the_groups_of_a_dropped_belief_are_no_targets(answer: str, kept: str, dropped: str) -> None:
    groups = read_group_list(answer, embed_queries).groups
    assert any(kept in g.lower() for g in groups), groups
    assert not any(dropped in g.lower() for g in groups), groups
