"""Reading kinds an eighth blind set showed (evals/scenarios-blind8), each phrased anew here: who pays waved
away as a formality, both sides of a platform each paying, a refusal to redo the exercise, a group turned away
as "not worth it", kinds of a group swept together, article-less "at same time", platform sides outside the
group lexicon, a hedged take rate, a side's word used as a count, reported speech, a group in two places."""

from __future__ import annotations

import pytest

from assistant.text.vectors import embed_queries
from assistant.understanding.platform import is_platform, platform_sides
from assistant.understanding.reader import read_groups
from tests.contexts import context, read_flags, rule_flags
from tests.fakes.heads import GuessingHeads

# --- who pays, waved away -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "pitch", "answer"), [
    ("fr", "Un carnet de suivi pour les stagiaires en pharmacie, payé par l'ordre régional.",
     "Le stagiaire, c'est lui qui l'ouvre chaque jour. Qui règle la facture, honnêtement, ça change pas grand-chose."),
    ("fr", "Des ateliers de robotique dans les collèges ; le département achète les kits.",
     "Nos clients, c'est les élèves ; qui paie au bout, franchement, ça ne change rien pour nous."),
    ("en", "Hospitals license the app per ward; night nurses use it on their rounds.",
     "The nurse is the customer, full stop. Who raises the purchase order is just admin, not something we focus on."),
    ("en", "County libraries buy the reading kits; children borrow them.",
     "Honestly the buyer/user split is fairly academic for us: the kids are the customer."),
])
def test_a_payer_waved_away_as_a_formality_is_a_buyer_user_confusion(lang: str, pitch: str, answer: str) -> None:
    ctx = context("buyer_user", answer, lang, pitch)
    assert "buyer_user_confusion" in rule_flags(ctx)
    assert "buyer_user_confusion" in read_flags(ctx)


@pytest.mark.parametrize(("lang", "pitch", "answer"), [
    ("fr", "Un carnet de suivi pour les stagiaires en pharmacie, payé par l'ordre régional.",
     "L'ordre régional paie, les stagiaires l'utilisent. Qui paie, ça change tout pour notre vente."),
    ("en", "Hospitals license the app per ward; night nurses use it on their rounds.",
     "The hospital pays; who signs the purchase order matters a lot to us, it's the chief nursing officer."),
])
def test_a_payer_named_and_weighed_is_no_confusion(lang: str, pitch: str, answer: str) -> None:
    ctx = context("buyer_user", answer, lang, pitch)
    assert "buyer_user_confusion" not in rule_flags(ctx)
    assert "buyer_user_confusion" not in read_flags(ctx)


def test_each_side_of_a_platform_paying_for_itself_is_no_confusion() -> None:
    pitch = ("A booking app for boat moorings: marinas list spare berths, sailors book a night. Sailors pay a "
             "booking fee, marinas pay us 7% of each night.")
    answer = ("The sailor pays us the booking fee and the marina pays us 7% of each night. So sailors buy and use "
              "the booking, marinas use the calendar and pay a commission.")
    ctx = context("buyer_user", answer, "en", pitch)
    assert "buyer_user_confusion" not in rule_flags(ctx)
    assert "buyer_user_confusion" not in read_flags(ctx)


# --- segments said never to be looked at again --------------------------------------------------------------


@pytest.mark.parametrize(("lang", "answer", "flagged"), [
    ("fr", "Les éleveurs d'abord. Une fois calé, on ne va pas refaire l'exercice chaque année : les éleveurs, ce "
           "sera toujours le même genre de gens.", True),
    ("fr", "Les éleveurs d'abord. On refera l'exercice tous les six mois avec les chiffres des ventes.", False),
    ("en", "Breeders first. We won't redo the exercise every year, breeders will always be the same kind of people.",
     True),
    ("en", "Breeders first; we'll redo the exercise every six months with the sales figures.", False),
])
def test_a_refusal_to_redo_the_exercise_is_never_revisited(lang: str, answer: str, flagged: bool) -> None:
    ctx = context("priority", answer, lang, "Une place de marché qui met en relation éleveurs et acheteurs.")
    assert ("never_revisited" in read_flags(ctx)) is flagged


# --- a group turned away as not worth it --------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "answer", "flagged"), [
    ("fr", "On vise les cabinets des villes moyennes. Les cabinets de montagne, ça vaut pas le coup. Trop isolés.",
     True),
    ("en", "We focus on practices in mid-size towns, Mountain West first. The chains, not our target.", False),
    ("fr", "On vise les cabinets des villes moyennes. Les cabinets de montagne, on y viendra l'an prochain, ce "
           "n'est pas la peine de s'y disperser maintenant.", False),
    ("en", "We focus on practices in mid-size towns. The island practices who open two days a week, not worth it.",
     True),
    ("fr", "On vise les cabinets des villes moyennes. Les petits cabinets de bourg, ce n'est pas la peine. On ne va "
           "pas s'embêter avec eux, même plus tard.", True),
])
def test_a_remote_group_called_not_worth_it_is_ignored_underserved(lang: str, answer: str, flagged: bool) -> None:
    ctx = context("priority", answer, lang, "Un logiciel de rendez-vous pour cabinets dentaires.")
    assert ("ignores_underserved" in rule_flags(ctx)) is flagged
    assert ("ignores_underserved" in read_flags(ctx)) is flagged


# --- every kind of a group, swept together ------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "answer"), [
    ("fr", "Au fond ça parle à tous les commerçants. Donc les commerçants en général, toutes spécialités confondues."),
    ("en", "Really it's tradespeople of all kinds, every trade, wherever they work."),
])
def test_every_kind_of_a_group_swept_together_is_too_broad(lang: str, answer: str) -> None:
    ctx = context("for_whom", answer, lang, "A scheduling app for small shops.")
    assert "too_broad" in read_flags(ctx)


def test_places_swept_together_are_no_kinds_swept_together() -> None:
    answer = "Les entreprises de ramonage de 1 à 5 personnes, tous départements confondus dans le Grand Est."
    assert "too_broad" not in rule_flags(context("for_whom", answer, "fr", "Un logiciel pour ramoneurs."))


def test_groups_pursued_at_same_time_without_the_article_are_too_many() -> None:
    answer = ("We are targeting growers, tenant growers, co-ops, input shops, rural banks and the state scheme. "
              "All these we are doing at same time, each one needs cover.")
    assert "too_many_segments" in read_flags(context("for_whom", answer, "en", "Crop insurance on mobile."))


# --- the sides of a platform --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "sides"), [
    ("Une plateforme qui connecte les ateliers et les couturières à domicile.", {"ateliers", "couturieres"}),
    ("its an app that matches busy dog owners w/ walkers nearby who want cash", {"owners", "walkers"}),
])
def test_a_connector_sets_apart_two_sides_outside_the_group_lexicon(text: str, sides: set[str]) -> None:
    assert set(platform_sides(text)) == sides


@pytest.mark.parametrize("text", [
    "Un boîtier qui relie les capteurs aux tableaux de bord de l'usine.",
    "We take 1% of sales processed through the terminal.",
    "On prend 2 % sur les ventes de nos clients boulangers.",
])
def test_devices_linked_or_a_share_of_sales_make_no_platform(text: str) -> None:
    assert not is_platform(text)


@pytest.mark.parametrize("text", [
    "It's sort of a booking thing for moving boats, I guess. We'd keep maybe 8% of the booking.",
    "On prendrait genre 10 % de la course, à peu près.",
])
def test_a_hedged_take_rate_on_the_exchange_makes_a_platform(text: str) -> None:
    assert is_platform(text)


def test_one_side_only_named_outside_the_group_lexicon_is_one_sided() -> None:
    pitch = "Une plateforme qui connecte les ateliers de confection et les couturières à domicile ; 8 % par commande."
    answer = "Les ateliers de confection de la région lyonnaise qui refusent des commandes faute de bras."
    assert "one_sided_platform" in read_flags(context("for_whom", answer, "fr", pitch))


def test_a_count_of_the_other_sides_word_does_not_name_that_side() -> None:
    pitch = "an app that matches hair salons w/ freelance stylists for a day. salon posts the day, stylist takes it"
    answer = "salons in leeds + york with like 2-4 stylists, where if 1 stylist is off sick they cancel a whole day"
    assert "one_sided_platform" in read_flags(context("for_whom", answer, "en", pitch))


# --- groups: reported speech, a group in two places ---------------------------------------------------------


def test_a_quotation_reported_from_an_interview_names_no_group() -> None:
    answer = ("Un boulanger m'a dit : « des gens pressés, vous en avez dans tous les quartiers ». Nous, on vise les "
              "boulangeries de quartier qui font plus de 300 baguettes par jour.")
    groups = read_groups(answer, embed_queries)
    assert len(groups) == 1 and "boulangeries" in groups[0]


def test_a_group_in_two_places_stays_one_group() -> None:
    answer = "People around the Peak District and the north Pennines who foster dogs and have no car."
    assert len(read_groups(answer, embed_queries)) == 1


@pytest.mark.parametrize(("pitch", "flagged"), [
    ("Une appli pour les entreprises d'entretien de chaudières : rendez-vous en ligne pour leurs clients, "
     "attestation signée sur tablette et rappel automatique l'année suivante. Abonnement mensuel.", False),
    ("Une appli pour les entreprises d'entretien de chaudières. Nos clients, c'est réglé une fois pour toutes : "
     "les chauffagistes de 1 à 5 salariés.", True),
])
def test_a_pitchs_yearly_service_claims_no_fixed_segments(pitch: str, flagged: bool) -> None:
    from assistant.understanding.reader import read_mistakes

    found = read_mistakes(context("intake", pitch, "fr"), embed_queries, GuessingHeads("never_revisited"))  # type: ignore[arg-type]
    assert ("never_revisited" in {d.mistake_id for d in found}) is flagged


def test_the_founders_own_label_in_straight_quotes_is_read() -> None:
    groups = read_groups('Our customers are "weekend bakers" as we call them, with a stand mixer at home.',
                         embed_queries)
    assert len(groups) == 1 and "weekend bakers" in groups[0]
