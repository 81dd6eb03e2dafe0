"""Kinds the twenty-fourth blind set showed, each phrased anew here (none of these sentences is in
`evals/scenarios-blind24/`): the sides of a platform told by who pays for the exchange and who is paid for it; a
take rate per booking; a customer closed on in texting French; every group pursued within the first year; a
market said to stay the same is no segment assumed homogeneous, nor are kinds called examples of one customer; an
aside in parentheses does not hide a list of groups; and patterns whose phrase alternatives could not match as
their comments said ("leave no one out", "un seul profil", "le marché est énorme")."""

from __future__ import annotations

from assistant.text.vectors import embed_queries
from assistant.understanding.exchange import exchange_sides
from assistant.understanding.group_fragments import fragments
from assistant.understanding.group_narrowing import narrowing_relabel
from assistant.understanding.group_reader import read_group_list
from assistant.understanding.listing import listed_groups
from assistant.understanding.platform import is_platform, platform_sides
from tests.contexts import context, read_flags, rule_flags


def test_who_pays_for_the_exchange_and_who_is_paid_are_the_two_sides() -> None:
    pitch = ("Des cours de piano à domicile par l'appli. Le parent paie la séance en ligne et on garde 12 % sur ce "
             "que touche le professeur.")
    assert sorted(platform_sides(pitch, read_on=True)) == ["parent", "professeur"]
    answer = ("Les parents. Surtout ceux qui ont deux enfants au conservatoire et qui passent leurs mercredis dans "
              "les bouchons. C'est à eux que je pense.")
    assert "one_sided_platform" in read_flags(context("for_whom", answer, "fr", pitch))


def test_a_take_rate_per_booking_is_a_platform() -> None:
    assert is_platform("Guesthouses list spare rooms for festival week and pay us 10% per booking.")
    assert is_platform("Les gîtes mettent leurs chambres en ligne, on prend 9 % par réservation.")


def test_a_customer_closed_on_in_texting_french_is_one_side_only() -> None:
    pitch = ("je met des ecrans dans les minibus. les boutiques paient pour la pub et le chauffeur touche une part "
             "chaque mois. nous on garde le reste")
    answer = ("les boutiks de tel, les pharmacies, les salons de coiffure du quartier. c eux ki payent donc c eux "
              "mes clients")
    assert "one_sided_platform" in read_flags(context("for_whom", answer, "fr", pitch))


def test_every_group_pursued_within_the_first_year_is_too_many_segments() -> None:
    answer = ("The councils matter most. But we also want the housing associations, the GP surgeries, the big "
              "employers and the libraries. All of them this year, the diary is already full.")
    assert "too_many_segments" in rule_flags(context("most_important", answer, "en"))
    answer = ("Les mairies d'abord, mais aussi les EHPAD, les clubs de foot et les écoles : je veux tous les signer "
              "dès la première année.")
    assert "too_many_segments" in rule_flags(context("most_important", answer, "fr"))


def test_a_market_said_to_stay_the_same_is_no_segment_assumed_homogeneous() -> None:
    answer = "Dairy farms in Cork, decided. Milking won't change, it will be exactly the same in twenty years."
    assert "assumes_homogeneous" not in rule_flags(context("priority", answer, "en"))
    # people said alike stays the mistake
    said = "The farmers are all exactly the same."
    assert "assumes_homogeneous" in rule_flags(context("characteristics", said, "en"))


def test_kinds_called_examples_of_one_customer_are_no_segment_assumed_homogeneous() -> None:
    answer = ("Les petits ateliers du port : menuiseries, voileries, mécanique marine. Ce sont des exemples, c'est le "
              "même client : un artisan qui facture à la pièce et qui déteste la paperasse.")
    assert "assumes_homogeneous" not in rule_flags(context("for_whom", answer, "fr"))


def test_an_aside_in_parentheses_does_not_hide_a_list_of_groups() -> None:
    answer = ("We also want the farmers (the big ones mostly), the vets, the co-ops (they buy for 200 members), the "
              "feed merchants and the insurers.")
    assert len(listed_groups(answer)) >= 4


def test_phrase_alternatives_match_as_their_comments_say() -> None:
    said = "Nurses, carers, GPs: we leave no one out."
    assert "too_many_segments" in rule_flags(context("most_important", said, "en"))
    answer = "Les coachs sportifs, un seul profil, ils veulent tous remplir leurs créneaux du midi."
    assert "assumes_homogeneous" in rule_flags(context("characteristics", answer, "fr"))


def test_a_focus_after_a_remark_opens_its_own_group() -> None:
    # "…, sans eux X": a remark read as going on a group that is not there; "surtout Y" after it opens the group Y
    answer = ("Les acheteurs ? D'accord, sans eux le bois repart à la déchetterie. Surtout des menuisiers qui "
              "travaillent seuls.")
    assert narrowing_relabel(fragments(answer), ["none", "none", "cont", "new"])[3] == "new"
    # after a group, "surtout Y" narrows it
    answer = "Les artisans du bois. Surtout les menuisiers qui travaillent seuls."
    assert narrowing_relabel(fragments(answer), ["new", "new"])[1] == "cont"


def test_a_reason_after_a_colon_lists_no_things_and_opens_no_group() -> None:
    answer = ("Les maçons d'abord. Des particuliers nous appellent aussi, mais je ne les vise pas pour l'instant : ils "
              "veulent être livrés et posent mille questions.")
    groups = read_group_list(answer, embed_queries).groups
    assert not any("particuliers" in g for g in groups)


def test_the_user_said_to_be_both_where_the_pitch_names_another_payer_is_the_mistake() -> None:
    pitch = "An online tutoring course for teenagers with dyslexia. Parents pay 300 pounds for the term."
    answer = ("The teenager, honestly. They are both, in a way: they choose to stay, they do the work, they pay with "
              "their time.")
    assert "buyer_user_confusion" in rule_flags(context("buyer_user", answer, "en", pitch))


def test_a_customer_paying_for_the_product_is_no_side_of_an_exchange() -> None:
    # a payer with no one paid for the exchange ("the club pays per season"), or someone who goes to a place, tells
    # no sides
    assert exchange_sides("An app to plan shifts: volunteers pick their slots, the club pays per season.") == []
    assert exchange_sides("The insurer pays the check, and the workers never go to the clinic.") == []


def test_the_area_around_a_place_is_no_second_group() -> None:
    answer = ("deux groupes : les apprentis de Tours et des environs qui ont leur code, et les moniteurs à leur "
              "compte avec leur propre voiture.")
    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 2 and not any(g.startswith("des environs") for g in groups)
