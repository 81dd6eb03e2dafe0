"""Groups named after a pseudo-cleft or a modal (issue 9, groups; seen as segments "Two", "Ceux" and "Faut
convaincre les deux" on the canvas): "the two that pay are X and Y", "ceux qui … c'est X" name X; "il faut
X", "faut recruter X" name X; "faut convaincre les deux" names nobody new. Phrasings written for these
tests, in no corpus or scenario file."""

from __future__ import annotations

import pytest

from assistant.text.vectors import embed_queries
from assistant.understanding.group_check import trim
from assistant.understanding.group_openings import after_modal, unclefted
from assistant.understanding.group_reader import read_group_list


@pytest.mark.parametrize("group, expected", [
    ("the two that really pay are hospital pharmacies", "hospital pharmacies"),
    ("ceux qui reservent vraiment c'est les clubs de randonnee", "les clubs de randonnee"),
    ("those who renew every year are the art schools", "the art schools"),
    ("celles ou on signe le plus vite c'est les cliniques veterinaires", "les cliniques veterinaires"),
    ("the ones where we win are the climbing gyms", "the climbing gyms"),
])
def test_a_pseudo_cleft_names_the_group_after_its_copula(group: str, expected: str) -> None:
    assert trim(unclefted(group)) == expected


def test_a_group_that_opens_a_relative_clause_without_a_copula_is_kept_whole() -> None:
    assert unclefted("ceux qui bossent seuls le week-end") == "ceux qui bossent seuls le week-end"


@pytest.mark.parametrize("group, expected", [
    ("faut recruter des moniteurs de voile diplomes", "des moniteurs de voile diplomes"),
    ("il faut les brasseurs artisanaux du coin", "les brasseurs artisanaux du coin"),
    ("faut convaincre les deux", ""),
    ("need to convince both", ""),
    ("the sailing schools", "the sailing schools"),
])
def test_a_modal_opening_is_no_part_of_the_group(group: str, expected: str) -> None:
    assert after_modal(group) == expected


def test_no_segment_is_named_after_a_number_a_pronoun_or_a_clause() -> None:
    answer = ("ok so two sides: the marinas with empty berths in winter and the boat owners who winter inland, "
              "and faut convaincre les deux. the two that actually pay are the marinas.")
    groups = [g.lower() for g in read_group_list(answer, embed_queries).groups]
    assert groups and not any(g.split()[0] in ("two", "faut", "the two") for g in groups), groups
    assert not any("convaincre" in g for g in groups), groups


@pytest.mark.parametrize("answer, heads", [
    ("the three who would pay first are bakeries, florists and butchers", ["bakeries", "florists", "butchers"]),
    ("les deux qui paient vraiment ce sont les kines et les osteos", ["kines", "osteos"]),
])
def test_the_list_a_pseudo_cleft_announces_is_read_as_a_list(answer: str, heads: list[str]) -> None:
    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == len(heads) and all(h in g.lower() for h, g in zip(heads, groups, strict=True)), groups


@pytest.mark.parametrize("group", [
    "those who travel for work every week are our main target",
    "ceux qui bossent seuls le soir sont le coeur de cible",
    "ceux qui font leurs devis le soir, c'est eux les plus importants",
    "les gens qui pilotent des drones pour leur boulot, ils sont mal assures",
])
def test_a_predicate_after_the_copula_leaves_the_group_whole(group: str) -> None:
    assert unclefted(group) == group
