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


# --- after the first pass (second commit of the session) ----------------------------------------------------

TAILOR_PITCH = ("an app that connects the people sewing at home in Kumasi with shoppers who want a dress made. "
                "the tailor posts her free slots, a shopper picks one up and pays on MoMo.")


def test_a_driver_who_picks_it_up_takes_the_exchange() -> None:
    from assistant.understanding.exchange import exchange_sides

    assert exchange_sides("tailors post their free slots, shoppers pick them up the same day.") == [
        "tailors", "shoppers"]


def test_a_generic_side_gives_way_to_the_exchange_the_pitch_tells() -> None:
    from assistant.understanding.platform import platform_sides

    assert platform_sides(TAILOR_PITCH, read_on=True) == ["tailor", "shopper"]


def test_the_answer_naming_one_side_and_todays_solution_is_one_sided() -> None:
    answer = ("the home tailors!! in Asafo and Bantama, they sew 5 dresses a week and now they use the market "
              "traders who take half the price and pay late")
    from assistant.understanding.mistakes.sides import one_sided_platform

    found = one_sided_platform(context("for_whom", answer, "en", pitch=TAILOR_PITCH))
    assert found is not None and found.stated  # the traders they use today are no second side


def test_a_first_sentence_that_is_only_a_group_names_it() -> None:
    from assistant.understanding.group_fragments import fragments
    from assistant.understanding.group_openings import lone_opened

    # where the reader opened no group at all, the answer's first sentence, a determiner on a group word, is one
    frags = fragments("the home tailors!! mostly from Asafo. they take 5 to 10 orders a week")
    assert lone_opened(frags, ["none"] * len(frags))[0] == "new"


def test_they_are_our_customers_closes_on_one_side() -> None:
    pitch = ("une appli qui met en relation les propriétaires de bateaux de Djerba et les touristes : le "
             "propriétaire poste sa sortie, le touriste réserve et paie dans l'appli")
    from assistant.understanding.side_asides import closes_on_one_customer

    answer = "les touristes qui passent une semaine à Djerba et qui veulent voir les dauphins. c'est eux nos clients"
    assert closes_on_one_customer(answer)
    assert "one_sided_platform" in read_flags(context("for_whom", answer, "fr", pitch=pitch))


def test_people_the_founder_knows_are_no_target() -> None:
    answer = "the tailors first. only in Adum at the start, it's where i know people"
    assert "too_broad" not in rule_flags(context("priority", answer, "en"))


def test_an_infinitive_after_a_word_ending_in_s_has_no_subject() -> None:
    from assistant.understanding.exchange import exchange_sides

    # "plus acheter de gazoline" (no more buying petrol): "plus" is no group that buys
    text = "les boutiques vendent des glaces et des boissons.\nplus acheter de gazoline, payer moins chaque semaine"
    assert exchange_sides(text) == []


def test_an_aside_in_parentheses_does_not_hide_the_payer() -> None:
    from assistant.understanding.roles_model import read_roles_in

    answer = ("the grower pays 2000 naira per crate (sometimes he passes it on to the buyers price), the driver "
              "keeps 1500 and we keep 500.")
    assert read_roles_in(answer, embed_queries)[0] == "the grower"


def test_a_role_does_not_end_inside_a_parenthesis() -> None:
    from assistant.understanding.roles_model import read_roles_in

    buyer, _ = read_roles_in("the employer (HR) pays, employees use it", embed_queries)
    assert buyer.count("(") == buyer.count(")")


def test_a_big_purchase_is_no_purchasing_department() -> None:
    from assistant.understanding.mistakes.roles import roles_likely_differ

    assert not roles_likely_differ("elles n'ont jamais fait un gros achat à crédit, tout se paie au jour le jour")
    assert roles_likely_differ("chez eux c'est le responsable achats qui signe, les équipes utilisent l'outil")
