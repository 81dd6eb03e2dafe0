"""Kinds the fifteenth blind set showed, each phrased anew here (none of these sentences is in
`evals/scenarios-blind15/`): everyone said to be the customer after a conclusive "so" ("so anyone is a client");
a clause of time after a broad pronoun ("dès qu'…", "du moment qu'…"), which French without accents reads as the
narrowing "des"/"du"; "pour tous" closing a sentence; a free-choice quantifier ("n'importe quelle boîte qui…"),
which no clause narrows; a broad target with the market called huge for it, said in so many words."""

from __future__ import annotations

import pytest

from assistant.text.vectors import embed_queries
from tests.contexts import context, read_flags, rule_flags


@pytest.mark.parametrize(("answer", "lang"), [
    ("Every gym in the country has the same mess with bookings, so anyone is a client for us really.", "en"),
    ("Half the town drinks coffee on the go so everybody's our target, basically.", "en"),
    ("Toutes les familles ont ce souci de garde, donc tout le monde est client chez nous.", "fr"),
])
def test_everyone_said_to_be_the_customer_after_so_is_too_broad(answer: str, lang: str) -> None:
    assert "too_broad" in read_flags(context("for_whom", answer, lang))


@pytest.mark.parametrize(("answer", "lang"), [
    ("We put up a shared board so everyone sees the shifts of the week.", "en"),  # "so" of purpose: no target
    ("Des boulangeries de quartier de 3 à 10 salariés, pour que tout le monde voie le planning.", "fr"),
])
def test_so_that_everyone_sees_is_still_no_target(answer: str, lang: str) -> None:
    assert "too_broad" not in rule_flags(context("for_whom", answer, lang))


@pytest.mark.parametrize("answer", [
    "Franchement c'est pour n'importe qui dès qu'il a une voiture.",
    "N'importe qui du moment qu'il habite la région, on ne fait pas de différence.",
    "L'outil sert à tout le monde, jeunes ou vieux, ça marche pour tous.",
])
def test_a_clause_of_time_or_pour_tous_narrows_nothing(answer: str) -> None:
    assert "too_broad" in rule_flags(context("for_whom", answer, "fr"))


@pytest.mark.parametrize("answer", [
    "C'est pour tous les menuisiers indépendants de Savoie qui font de l'agencement sur mesure.",
    "Des cavistes indépendants, des gens qui ont des clients fidèles dès le premier achat.",
])
def test_pour_tous_before_a_noun_and_a_real_clause_stay_narrow(answer: str) -> None:
    assert "too_broad" not in rule_flags(context("for_whom", answer, "fr"))


def test_a_free_choice_quantifier_is_broad_whatever_its_clause() -> None:
    answer = "On veut brancher n'importe quelle boîte qui a besoin d'un coursier avec des livreurs dispo."
    assert "too_broad" in rule_flags(context("for_whom", answer, "fr"))


@pytest.mark.parametrize(("answer", "lang"), [
    ("Any shop that sells stuff could use it: bakeries, florists, hardware stores, opticians, barbers. Every "
     "business has this headache, the market is enormous.", "en"),
    ("Toute entreprise qui emploie du monde : garages, crèches, agences, cabinets, hôtels. Toutes les boîtes "
     "ont ce problème, le marché est gigantesque.", "fr"),
])
def test_a_broad_target_with_the_market_called_huge_stands_over_a_list(answer: str, lang: str) -> None:
    ctx = context("for_whom", answer, lang, pitch="A tool that sends invoice reminders for small firms.")
    assert "too_broad" in read_flags(ctx)


@pytest.mark.parametrize(("answer", "lang"), [
    ("Dentists with two to five chairs in Leeds who lose an hour a day on no-shows; there are 400 of them, "
     "the market is big enough for a first year.", "en"),
])
def test_a_market_size_with_a_narrow_target_is_no_broad_target(answer: str, lang: str) -> None:
    assert "too_broad" not in read_flags(context("for_whom", answer, lang))


@pytest.mark.parametrize(("answer", "lang"), [
    ("Les joueurs, c'est eux qui utilisent. Qui paie qui paie pas, franchement ça change pas grand-chose pour "
     "nous.", "fr"),
    ("The riders use it every day. Who pays, who doesn't, honestly doesn't matter much to us.", "en"),
])
def test_who_pays_or_not_waved_away_is_a_confusion_whatever_the_negation_inside(answer: str, lang: str) -> None:
    assert "buyer_user_confusion" in rule_flags(context("buyer_user", answer, lang))


def test_a_paying_party_of_the_pitch_waved_away_is_a_confusion() -> None:
    pitch = "Un service de garde de plantes pendant les vacances ; on vend aussi des abonnements aux syndics."
    answer = ("C'est le particulier qui paie et qui utilise, c'est la même personne. Les syndics franchement ça "
              "change rien pour moi.")
    assert "buyer_user_confusion" in read_flags(context("buyer_user", answer, "fr", pitch=pitch))


@pytest.mark.parametrize("answer", [
    "Les syndics paient l'abonnement, les résidents utilisent l'appli : pour moi ça change tout.",
    "Les syndics ne paient rien ; c'est le particulier qui paie et qui utilise.",
])
def test_a_paying_party_told_apart_or_denied_is_no_confusion(answer: str) -> None:
    assert "buyer_user_confusion" not in rule_flags(context("buyer_user", answer, "fr"))


def test_a_payer_after_the_object_of_sell_is_a_payer_named_apart() -> None:
    from assistant.understanding.roles_session import payer_named_apart

    assert payer_named_apart("The drivers pay and use it.", ["We also sell fleet passes to taxi companies."])
    assert payer_named_apart("Les familles paient et utilisent.", ["On vend des forfaits aux comités d'entreprise."])
    assert not payer_named_apart("Les clients paient et mangent.", ["On vend les plats à la pièce, 9 euros."])


@pytest.mark.parametrize(("answer", "lang"), [
    ("Honestly? All of them. Every club pays the same fee, so why pick.", "en"),
    ("Well, all three, really, they each bring money.", "en"),
    ("Toutes, franchement, c'est le même besoin partout.", "fr"),
])
def test_all_of_them_as_the_answer_to_who_matters_most_is_a_refusal(answer: str, lang: str) -> None:
    assert "too_many_segments" in read_flags(context("most_important", answer, lang))


@pytest.mark.parametrize(("answer", "lang"), [
    ("All of them are independent bike shops; the ones with a workshop matter most.", "en"),
    ("Tous les cabinets n'ont pas ce souci : les plus petits comptent le plus.", "fr"),
])
def test_all_of_them_going_on_into_a_description_is_no_refusal(answer: str, lang: str) -> None:
    assert "too_many_segments" not in rule_flags(context("most_important", answer, lang))


@pytest.mark.parametrize(("answer", "lang"), [
    ("Kitchens first, bathrooms later. In twenty years the ones who call us will be the same people as today, "
     "so there is nothing to rethink.", "en"),
    ("Les cavistes d'abord. Dans dix ans ce seront les mêmes clients qu'aujourd'hui, je ne vois pas l'intérêt "
     "d'y repenser.", "fr"),
])
def test_tomorrows_customers_said_to_be_todays_is_a_fixed_target(answer: str, lang: str) -> None:
    assert "never_revisited" in rule_flags(context("priority", answer, lang))


def test_a_review_on_a_rhythm_stays_no_fixed_target() -> None:
    answer = ("Kitchens first. Each quarter we look again at who signed and who left, the ones who call us may "
              "not be the same people next year.")
    assert "never_revisited" not in rule_flags(context("priority", answer, "en"))


@pytest.mark.parametrize(("pitch", "answer", "lang"), [
    ("A marketplace that matches boat owners who need a skipper with licensed skippers free that week; we keep "
     "12% of each trip.",
     "The boat owners! They are my customers, they pay the fee, I need to spoil them, the rest will follow.", "en"),
    ("Une plateforme qui met en relation les fermes qui cherchent des saisonniers et les saisonniers dispo ; on "
     "prend 8 % par mission.",
     "Les fermes, c'est elles mes clientes, elles paient la commission, le reste suivra.", "fr"),
])
def test_one_side_and_the_rest_will_follow_is_a_one_sided_platform(pitch: str, answer: str, lang: str) -> None:
    assert "one_sided_platform" in read_flags(context("for_whom", answer, lang, pitch=pitch))


@pytest.mark.parametrize(("group", "name"), [
    ("One is fishermen in Tema who smoke their own catch", "Fishermen in Tema"),
    ("The other side is the cold-room owners, who rent space by the crate", "Cold-room owners"),
    ("Second group are the retired teachers who tutor on weekends", "Retired teachers"),
    ("L'une c'est les fromageries de village qui affinent elles-mêmes", "Fromageries de village"),
    ("De l'autre côté les chauffeurs de taxi-moto du quartier", "Chauffeurs de taxi-moto du quartier"),
    ("Other farmers are welcome later", "Other farmers"),
])
def test_a_side_announced_by_its_rank_is_named_by_its_group(group: str, name: str) -> None:
    from assistant.understanding.segment_names import segment_name

    assert segment_name(group) == name


@pytest.mark.parametrize(("answer", "group"), [
    ("We go for 2 and 3 star guesthouses in Galway, 8 to 20 rooms.", "2 and 3 star guesthouses"),
    ("Les hôtels 2 et 3 étoiles de Nantes, ceux qui ont un restaurant.", "hôtels 2 et 3 étoiles"),
])
def test_and_between_two_numbers_is_one_groups_range(answer: str, group: str) -> None:
    from assistant.understanding.group_reader import read_group_list

    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 1 and group in groups[0], groups


def test_and_between_two_counted_groups_still_cuts() -> None:
    from assistant.understanding.group_fragments import fragments

    pieces = [f.text for f in fragments("40 bakeries and 12 butchers in Lille")]
    assert pieces == ["40 bakeries", "12 butchers in Lille"]
