"""Kinds the thirteenth blind set showed, each phrased anew here (none of these sentences is in
`evals/scenarios-blind13/`): a platform whose pitch names its sides only by what they have or want ("we connect
the people who have X with the people who want Y") and an answer that names both sides that way; a price charged
to a group names it as the payer; a focus said to be settled is never revisited."""

from __future__ import annotations

import pytest

from tests.contexts import context, rule_flags

PITCHES = [
    ("Tool sharing for allotments: we connect the people who own a rotavator with the people who need one for a "
     "weekend, and take 10% of each rental.", "en"),
    ("Une appli de covoiturage de chevaux : on met en relation ceux qui ont un van à moitié vide et ceux qui "
     "doivent emmener leur jument en concours.", "fr"),
]


@pytest.mark.parametrize(("pitch", "lang"), PITCHES)
def test_one_side_named_of_a_pitch_whose_sides_are_told_by_what_they_do_is_one_sided(pitch: str, lang: str) -> None:
    answer = ("Hobby gardeners with a plot and no machine, mostly retired, who'd rather not buy a €600 tiller."
              if lang == "en" else "Les cavalières amateurs qui sortent en concours le week-end sans van à elles.")
    assert "one_sided_platform" in rule_flags(context("for_whom", answer, lang, pitch=pitch))


@pytest.mark.parametrize(("pitch", "lang", "answer"), [
    (*PITCHES[0], "Two groups then: gardeners who own a tiller and use it twice a year, and plot holders who "
                  "need one for a single weekend in spring."),
    (*PITCHES[1], "Deux groupes du coup : les propriétaires de vans qui roulent à moitié vides, et les "
                  "cavalières qui doivent emmener leur jument en concours."),
])
def test_two_groups_announced_name_both_sides_told_by_what_they_do(pitch: str, lang: str, answer: str) -> None:
    assert "one_sided_platform" not in rule_flags(context("for_whom", answer, lang, pitch=pitch))


@pytest.mark.parametrize(("answer", "lang"), [
    ("Ceux qui ont une place de parking libre la journée et ceux qui en cherchent une près de la gare.", "fr"),
    ("Those who have a spare freezer and those who need cold storage for a week.", "en"),
])
def test_an_answer_naming_both_sides_by_what_each_does_is_not_one_sided(answer: str, lang: str) -> None:
    pitch = ("Une place de marché de parkings entre particuliers, on prend 15 % sur chaque location." if lang == "fr"
             else "A marketplace for spare freezer space between neighbours; we keep 12% of each booking.")
    assert "one_sided_platform" not in rule_flags(context("for_whom", answer, lang, pitch=pitch))


def test_one_side_described_twice_still_names_one_side() -> None:
    pitch = "A marketplace for spare freezer space between neighbours; we keep 12% of each booking."
    answer = "People who need cold storage for a week and people who need it for a party."
    assert "one_sided_platform" in rule_flags(context("for_whom", answer, "en", pitch=pitch))


# --- buyer/user: a price charged to a group names its payer; a role is no side that pays -----------------------

@pytest.mark.parametrize(("pitch", "answer", "lang"), [
    ("A booking app for village halls: the caretaker opens the doors from his phone. £30 a month for the parish "
     "council.",
     "Our customers are the hirers really. They're the ones who pay in the end, it's their money. So buyer = user = "
     "the hirer.", "en"),
    ("Un logiciel de tournées pour les ramoneurs : l'apprenti saisit les passages sur sa tablette. 25 €/mois pour "
     "le patron.",
     "Nos clients ce sont les particuliers. C'est eux qui paient au final, donc acheteur = utilisateur = le "
     "particulier.", "fr"),
])
def test_a_price_charged_to_another_group_makes_users_called_buyers_a_confusion(pitch: str, answer: str,
                                                                                lang: str) -> None:
    assert "buyer_user_confusion" in rule_flags(context("buyer_user", answer, lang, pitch=pitch))


def test_a_unit_price_names_no_payer() -> None:
    pitch = "Kit lending for scout groups: €3 for each member per camp, booked by the group leader."
    answer = "The group leaders, same person: they book it, they pay it from the group's account, they use it."
    assert "buyer_user_confusion" not in rule_flags(context("buyer_user", answer, "en", pitch=pitch))


# --- never_revisited: the focus said to be settled ----------------------------------------------------------

@pytest.mark.parametrize(("answer", "lang"), [
    ("Focus is the dive shops in Dahab, then Sharm. We picked that on day one and it's done, not going to change.",
     "en"),
    ("La priorité c'est les caves coopératives du Gard. On l'a décidé au lancement, c'est réglé, ça ne changera "
     "pas.", "fr"),
])
def test_a_focus_said_never_to_change_is_never_revisited(answer: str, lang: str) -> None:
    assert "never_revisited" in rule_flags(context("priority", answer, lang))


def test_a_focus_reviewed_every_season_is_revisited() -> None:
    answer = ("Focus is the dive shops in Dahab for now; we look at the bookings again every October and change if "
              "needed.")
    assert "never_revisited" not in rule_flags(context("priority", answer, "en"))
