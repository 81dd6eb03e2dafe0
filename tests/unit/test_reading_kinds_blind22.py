"""Kinds the twenty-second blind set showed, each phrased anew here (none of these sentences is in
`evals/scenarios-blind22/`): a refusal to touch something named (an object after it, a topic before it) is no
segmentation set in stone; a group turned away as "not a chance", "more trouble than they're worth", or for having
had little schooling is an underserved group ignored, a plan of the founder's dropped is not; a platform told by
renting what someone else owns or by a share taken from one party and a fee from the other; the sides of a
platform read past an aside in parentheses; people named by their role in the singular ("the captain pays");
a bullet that gives a headcount is no group of its own."""

from __future__ import annotations

from assistant.text.vectors import embed_queries
from assistant.understanding.extract import groups_updates
from assistant.understanding.platform import is_platform, platform_sides
from tests.contexts import context, read_flags, rule_flags


def test_a_refusal_about_something_named_is_no_segmentation_set_in_stone() -> None:
    answer = ("Le patron travaille seul, il ne touche jamais une facture : c'est sa femme qui fait les papiers le "
              "dimanche.")
    assert "never_revisited" not in read_flags(context("characteristics", answer, "fr"))
    answer = "The client pays the agency. The rates, we don't touch them, the co-op sets them every spring."
    assert "never_revisited" not in read_flags(context("buyer_user", answer, "en"))
    # the target itself, or its group, as the topic: still the mistake
    assert "never_revisited" in rule_flags(context("priority", "Nos cibles, on n'y touche plus.", "fr"))


def test_a_group_turned_away_as_not_worth_it_is_the_mistake() -> None:
    answer = ("Independent print shops first. The weekend hobbyists selling at craft fairs, not a chance: they'd "
              "never pay for software and they're more trouble than they're worth.")
    assert "ignores_underserved" in rule_flags(context("most_important", answer, "en"))
    answer = ("Les adultes qui ont été peu scolarisés, qui ne savent pas écrire, ce n'est pas pour nous : c'est trop "
              "lourd, je préfère ne pas m'en occuper.")
    assert "ignores_underserved" in rule_flags(context("most_important", answer, "fr"))


def test_a_plan_of_the_founders_dropped_is_no_group_turned_away() -> None:
    answer = ("Les écoles rurales de la Creuse, avec une seule classe. Au début je voulais ouvrir à toutes les écoles "
              "de France, j'ai vite laissé tomber : en ville, elles ont déjà des solutions.")
    assert "ignores_underserved" not in rule_flags(context("for_whom", answer, "fr"))


def test_renting_what_someone_owns_or_a_share_from_each_party_is_a_platform() -> None:
    assert is_platform("An app to rent someone's camper van for a weekend, insurance included.")
    assert is_platform("Une appli pour louer le bateau de quelqu'un à la journée, assurance comprise.")
    assert is_platform("We take 12% from the owner, and a 5 dollar fee from the renter.")
    assert is_platform("On prend 12 % au propriétaire et 5 € de frais au loueur.")


def test_the_sides_of_a_platform_are_read_past_an_aside() -> None:
    sides = platform_sides("Une plateforme qui met en relation des propriétaires de vergers abandonnés (souvent des "
                           "héritiers ou des retraités qui vivent loin) avec des cueilleurs bénévoles.", read_on=True)
    assert sides == ["proprietaires", "cueilleurs"]


def test_a_side_named_by_its_members_roles_leaves_the_other_side_out() -> None:
    pitch = ("an app where amateur cricket clubs book an umpire for their fixtures. the captain pays in the app, the "
             "umpire is paid the same evening, we keep 8%")
    answer = ("the clubs. hundreds of them play every saturday - village clubs, works teams, university sides. the "
              "captains are the ones who suffer every week when nobody turns up to stand")
    assert "one_sided_platform" in read_flags(context("for_whom", answer, "en", pitch))


def test_a_headcount_bullet_is_no_group_of_its_own() -> None:
    answer = "- small print shops around Leeds\n- 3 to 8 printers\n- that still send quotes by email"
    segments = [u.segment for u in groups_updates(answer, embed_queries)]
    assert len(segments) == 1, segments


def test_words_that_share_one_head_are_one_group() -> None:
    answer = ("mostly people out east - ringwood, croydon - greek and italian grandmothers who still cook for the "
              "whole family, and nurses coming off night shifts who want a hot meal in ten minutes")
    names = [u.segment for u in groups_updates(answer, embed_queries)]
    assert len(names) == 2 and names[0].lower().startswith("greek and italian grandmothers"), names
    answer = "the turkish, kurdish and syrian bakeries of the north side first, then the hotels"
    names = [u.segment for u in groups_updates(answer, embed_queries)]
    assert names[0].lower().startswith("turkish, kurdish and syrian bakeries"), names
    # words that name people stay apart
    assert len(groups_updates("students and young professionals in Leeds", embed_queries)) == 2


def test_a_name_stops_before_half_a_place_and_never_ends_on_a_relative() -> None:
    from assistant.understanding.segment_names import segment_name

    assert segment_name("Les garages de carrosserie indépendants du Grand Casablanca (Ain Sebaa, Hay Hassani)") == (
        "Garages de carrosserie indépendants")
    assert segment_name("les étudiants qui ont pas de voiture pis qui rentrent tard le soir à Sherbrooke") == (
        "Étudiants qui ont pas de voiture")


def test_items_that_go_on_with_a_sameness_claim_are_no_jobs() -> None:
    from assistant.canvas import Canvas, Segment
    from assistant.understanding.extract import fields_from_answer

    canvas = Canvas(language="en", segments=[Segment(name="Night nurses")])
    answer = ("eat something real after a shift. honestly its the same for every one of them, they all want the "
              "exact same thing, same menu, same portions for the lot")
    items = [i for u in fields_from_answer("jobs", answer, canvas, "en") for i in u.jobs]
    assert any("eat something real" in i for i in items)
    assert not any("same" in i for i in items), items


def test_a_side_heading_opens_the_group_named_after_it() -> None:
    from assistant.understanding.group_reader import read_group_list

    answer = ("Ceux qui commandent le plus, ce sont les coureurs du club qui reprennent trois sachets par semaine. "
              "Et côté pro, les fromagers et les cavistes qui nous réassortent chaque mois.")
    groups = read_group_list(answer, embed_queries).groups
    assert any("fromagers" in g for g in groups), groups
    # one person of a side, or a statement, is no group: "the access manager, who champions it", "those are…"
    answer = "On the school side, the head of science, who champions it, and the bursar, who signs."
    assert not any("head of science" in g for g in read_group_list(answer, embed_queries).groups)


def test_trades_are_groups_in_the_plural_only() -> None:
    from assistant.understanding.groups import is_group_word

    assert all(is_group_word(w) for w in ("plumbers", "plombiers", "nannies", "mecaniciens"))
    # the singular often names one person inside a compound: "the nanny tax", "the head chef"
    assert not any(is_group_word(w) for w in ("nanny", "plombier", "chef"))


def test_a_list_put_in_an_order_is_no_pile_of_segments() -> None:
    answer = ("d'abord les fromageries de Lyon, ensuite les caves à vin, puis les traiteurs, et après seulement les "
              "épiceries de gare")
    assert "too_many_segments" not in rule_flags(context("for_whom", answer, "fr"))
    answer = ("first the bouldering gyms in Leeds, then climbing walls, later yoga studios, physio clinics and "
              "running clubs")
    assert "too_many_segments" not in rule_flags(context("priority", answer, "en"))
    answer = "the climbing gyms in leeds, the yoga studios, the physio clinics and the running clubs, all at launch"
    assert "too_many_segments" in rule_flags(context("for_whom", answer, "en"))


def test_one_person_of_the_side_named_is_no_other_side() -> None:
    pitch = ("app to book futsal courts in kumasi, teams book and pay with momo, the court owner gets a calendar of "
             "his slots, we take 10% on each booking")
    answer = ("the teams. office teams, church teams, estate squads. right now the captain spends his whole week "
              "calling 5 court guys to get one slot")
    assert "one_sided_platform" in read_flags(context("for_whom", answer, "en", pitch))


def test_a_buyers_terms_stop_at_an_aside_a_comma_cut_open() -> None:
    from assistant.canvas import Canvas, Segment
    from assistant.understanding.extract import fields_from_answer

    canvas = Canvas(language="fr", segments=[Segment(name="Campeurs sans matériel"),
                                             Segment(name="Propriétaires de tentes")])
    answer = ("le campeur paye la location (le proprio fixe son prix, genre 30 $ la nuit) + 4 $ de frais, pis le "
              "proprio paye 12 % sur ce qu'il gagne")
    buyers = [u.buyer for u in fields_from_answer("buyer_user", answer, canvas, "fr", embed_queries)]
    assert buyers and all(b.count("(") == b.count(")") for b in buyers), buyers
    assert not any(b.lower().startswith("pis ") for b in buyers), buyers


def test_the_people_behind_a_customer_are_reached_through_it() -> None:
    answer = ("Small private schools around Leeds that run their own exam centre. And behind them, the dyslexic and "
              "dyspraxic pupils who sit the exams with extra time.")
    segments = [u.segment for u in groups_updates(answer, embed_queries)]
    assert len(segments) == 1 and "schools" in segments[0].lower(), segments


def test_a_name_ending_a_sentence_on_a_place_keeps_it() -> None:
    from assistant.understanding.segment_names import segment_name

    assert segment_name("les boulangers artisans du canton de Fribourg. Les patrons et leurs apprentis") == (
        "Boulangers artisans du canton de Fribourg")
