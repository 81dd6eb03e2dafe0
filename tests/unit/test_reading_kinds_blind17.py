"""Kinds the seventeenth blind set showed, each phrased anew here (none of these sentences is in
`evals/scenarios-blind17/`): one group read as several (an apposition "…, the ones that…", a part of the group
"some with…", singular examples after "like", a list closed by "maybe later", a frame "start with"); a group
turned away with a demonstrative ("leave those out") or for the low return it brings; a well-served group left
out on purpose and an idea dropped ("we dropped that idea"); two sides told across sentences ("On one side…
On the other…"); a market said to be a whole city; a decision the founder will not reopen."""

from __future__ import annotations

from assistant.text.vectors import embed_queries
from assistant.understanding.group_reader import read_group_list
from assistant.understanding.platform import names_both_sides
from tests.contexts import context, read_flags, rule_flags


def _groups(answer: str) -> list[str]:
    return read_group_list(answer, embed_queries).groups


# --- one group, not several --------------------------------------------------------------------------------


def test_an_apposition_with_the_ones_that_narrows_the_group() -> None:
    answer = ("independent pharmacies in Davao, 1 to 3 counters, mostly family-run, the ones that keep running "
              "out of insulin before the wholesaler's weekly truck")
    assert len(_groups(answer)) == 1


def test_an_apposition_with_ceux_qui_narrows_the_group() -> None:
    answer = ("les auto-écoles indépendantes de Sfax, ceux qui ont deux ou trois moniteurs et qui perdent des "
              "élèves au code")
    assert len(_groups(answer)) == 1


def test_a_list_of_groups_keeps_those_who_as_a_group_of_its_own() -> None:
    # in a list, "ceux qui…" names people of its own
    assert len(_groups("les étudiants, les retraités, ceux qui travaillent de nuit")) == 3


def test_a_part_of_the_group_is_no_second_group() -> None:
    answer = "goat keepers around Machakos with 10 to 40 animals, some with a borehole, who sell at the Friday market"
    assert len(_groups(answer)) == 1


def test_singular_examples_after_like_are_no_groups() -> None:
    answer = ("small tiling firms in Durban, 2 to 6 people. firms like the father and son in Umlazi, a crew in "
              "Pinetown, a tiler who also does bathrooms on weekends.")
    assert len(_groups(answer)) == 1


def test_a_list_closed_by_a_deferral_is_put_off_as_a_whole() -> None:
    answer = ("fine, fewer. first the night-shift nurses at the two hospitals. teachers, cabbies, students, "
              "maybe later when we have a second van")
    reading = read_group_list(answer, embed_queries)
    assert len(reading.groups) == 1
    assert len(reading.deferred) == 3


def test_a_group_ranked_first_is_not_put_off_with_the_list() -> None:
    reading = read_group_list("nurses first, students, seniors, maybe later", embed_queries)
    assert any("nurses" in g for g in reading.groups)


def test_a_start_with_frame_is_not_part_of_the_group_name() -> None:
    groups = _groups("ok ok. start with bakeries that open before 5am in the old town.")
    assert groups and not groups[0].lower().startswith("start")


# --- a group turned away, or not ---------------------------------------------------------------------------


def test_a_group_left_out_with_a_demonstrative_for_its_low_return_is_flagged() -> None:
    answer = ("1. Dairy farmers with 5 to 20 cows. 2. The backyard keepers with one goat for the family milk: "
              "we leave those out, there is no return in chasing them.")
    assert "ignores_underserved" in rule_flags(context("most_important", answer, "en"))


def test_a_french_group_not_worth_the_trouble_is_flagged() -> None:
    answer = ("Les coopératives de plus de 50 membres d'abord. Les petits maraîchers d'un demi-hectare, on ne "
              "va pas se fatiguer avec eux, ça ne rapporte rien, ce n'est pas une clientèle pour nous.")
    assert "ignores_underserved" in read_flags(context("most_important", answer, "fr"))


def test_a_well_served_group_left_out_on_purpose_is_no_mistake() -> None:
    answer = ("The drivers first, they are the ones who wait for work. The big logistics firms we leave aside "
              "on purpose: their own dispatch software already serves them well, they don't need us.")
    assert "ignores_underserved" not in read_flags(context("most_important", answer, "en"))


def test_an_idea_dropped_is_no_group_turned_away() -> None:
    answer = ("les crèches municipales de Lille. au début je voulais vendre une appli aux parents mais personne "
              "ne l'a téléchargée, alors on a laissé tomber ça")
    assert "ignores_underserved" not in read_flags(context("for_whom", answer, "fr"))


# --- platforms, breadth, revisiting ------------------------------------------------------------------------


def test_sides_told_across_sentences_are_both_named() -> None:
    answer = ("Two groups. On one side retired teachers who want a few hours of tutoring a week near home. "
              "On the other, parents in the suburbs whose kids fail maths.")
    assert names_both_sides(answer)


def test_a_market_said_to_be_a_whole_city_is_too_broad() -> None:
    answer = ("any shop that pays a water bill here, from the corner kiosk to the malls, our market is the whole "
              "of Lagos")
    assert "too_broad" in read_flags(context("for_whom", answer, "en"))


def test_every_person_said_to_be_concerned_is_too_broad() -> None:
    answer = ("les éleveurs de volaille, les maraîchers, petits, moyens ou grands. Toute personne qui a des "
              "produits frais à vendre dans la région est concernée par notre service.")
    assert "too_broad" in read_flags(context("for_whom", answer, "fr"))


def test_a_decision_the_founder_will_not_reopen_is_never_revisited() -> None:
    answer = ("les grossistes d'abord. on l'a décidé au lancement et on ne va pas rouvrir le sujet : ce ne sera "
              "pas différent dans dix ans")
    assert "never_revisited" in rule_flags(context("priority", answer, "fr"))
