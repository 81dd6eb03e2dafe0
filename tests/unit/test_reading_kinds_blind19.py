"""Kinds the nineteenth blind set showed, each phrased anew here (none of these sentences is in
`evals/scenarios-blind19/`): a connector whose first side is described at length before its "with"; a pitch whose
taking side is told by what it looks for; one side named as "our customers" with people in general describing it;
a word of another language that looks like a possessive; sales counted as evidence; a count of customers already
known is no segments announced; "all of them at once" inside a reason; "the lot at the same time"; a sweep about
how many segments, said with a refusal to choose."""

from __future__ import annotations

from assistant.understanding.exchange import exchange_sides
from assistant.understanding.mistakes.sides import one_sided_platform
from assistant.understanding.platform import platform_sides
from tests.contexts import context, read_flags, rule_flags

# --- one_sided_platform ----------------------------------------------------------------------------------------


def test_a_long_first_side_before_with_keeps_the_sides_apart() -> None:
    pitch = ("Notre plateforme met en relation les cliniques et les cabinets dentaires qui cherchent du renfort "
             "le samedi dans toute la région de Sousse et de Monastir avec des assistantes dentaires diplômées.")
    assert platform_sides(pitch) == ["cliniques", "assistantes"]


def test_a_taking_side_told_by_what_it_looks_for_is_a_side() -> None:
    pitch = ("A site where young nurses looking for a room near the hospital can see checked rentals, and the "
             "landlords list their free rooms. Nurses search for free, landlords pay 20 dollars a month.")
    assert sorted(exchange_sides(pitch)) == ["landlords", "nurses"]


TOOLS_PITCH = ("On développe une plateforme qui met en relation les propriétaires de moissonneuses du Nord avec "
               "les petits céréaliers qui veulent récolter à temps. Le céréalier réserve sur l'appli, paie par "
               "mobile money, et on prend 8 % sur chaque location.")


def test_one_side_named_with_people_in_general_describing_it_is_stated() -> None:
    answer = ("Nos clients ce sont les petits céréaliers autour de Kaolack et de Nioro... des gens qui ont 2 à 10 "
              "hectares et qui attendent des semaines qu'une moissonneuse passe. C'est eux qu'on veut servir.")
    found = one_sided_platform(context("for_whom", answer, "fr", pitch=TOOLS_PITCH))
    assert found is not None and found.stated


def test_a_word_of_another_language_is_no_possessive() -> None:
    from assistant.understanding.mistakes.side_names import names_side

    assert names_side("Para sa nurses talaga", "nurses")  # Tagalog "sa": no "sa" of French
    assert not names_side("les gérants qui se font lâcher par leur livreur", "livreurs")


# --- not_validated ---------------------------------------------------------------------------------------------


def test_sales_counted_are_evidence() -> None:
    answer = ("210 paniers vendus depuis mars, 60 % de réabonnement, et je lis tous les messages, je sais ce "
              "qu'elles veulent.")
    assert "not_validated" not in rule_flags(context("evidence", answer, "fr"))
    assert "not_validated" not in rule_flags(context("evidence", "45 kits sold so far, I just know they love it.",
                                                     "en"))


# --- too_many_segments / too_broad -----------------------------------------------------------------------------


def test_a_count_of_customers_already_known_announces_no_segments() -> None:
    answer = ("The 12 co-ops the pilot covers, around Gulu, this season. Schools next year once the dryer works. "
              "We review the list every year.")
    assert "too_many_segments" not in rule_flags(context("priority", answer, "en"))
    assert "too_many_segments" in rule_flags(context("priority", "We go after 7 groups at once.", "en"))


def test_all_at_once_inside_a_reason_is_no_refusal_to_choose() -> None:
    answer = ("Adults with coeliac disease and a nut allergy, because they struggle to find bread safe for all of "
              "them at once.")
    assert "too_many_segments" not in rule_flags(context("most_important", answer, "en"))
    assert "too_many_segments" in rule_flags(context("most_important", "We want all of them at once, honestly.",
                                                     "en"))


def test_the_lot_at_the_same_time_is_all_at_once_and_its_sweep_is_no_broad_target() -> None:
    answer = ("Ah all of them really, we'd go after the lot at the same time. The growers, the packers, the "
              "shippers as well. Sure the more the better.")
    flags = read_flags(context("most_important", answer, "en"))
    assert "too_many_segments" in flags and "too_broad" not in flags


# --- who pays, who uses ----------------------------------------------------------------------------------------


def test_those_who_pay_then_its_x_names_x_as_the_payer() -> None:
    from assistant.understanding.roles_reader import read_roles

    assert read_roles("Ceux qui paient et qui signent, c'est la mairie. Les collégiens utilisent l'appli.") == (
        "la mairie", "Les collégiens")
    assert read_roles("Whoever runs the shop pays, the staff use it.")[0] == "Whoever runs the shop"


def test_a_sameness_denied_or_a_reflexive_that_stresses_a_person_is_no_same_person() -> None:
    from assistant.understanding.role_sameness import said_same
    from assistant.understanding.roles_reader import read_roles

    assert not said_same("ah non, c'est pas pareil : la mairie paie, les élèves utilisent")
    assert not said_same("the clinic pays, the decision is by the owner dentist himself")
    assert said_same("he pays and uses it himself")
    assert said_same("the nurse herself pays and uses it; a few hospitals refund it")
    assert not said_same("le patron lui-même signe, les employés utilisent")
    assert said_same("c'est la même personne qui paie et qui utilise")
    buyer, user = read_roles("The clinic pays, sometimes the owner dentist himself decides. Patients use the app.")
    assert buyer == "The clinic" and "Patients" in user
