"""The understanding layer on the kinds of failure founders written by others exposed (issue examples),
through the same calls the coach makes: mistakes judged against the session, groups, buyer/user, language.
"""

from __future__ import annotations

import numpy as np
import pytest

from assistant.canvas import Canvas, Segment
from assistant.text.language import detect_language
from assistant.text.vectors import embed_queries
from assistant.understanding.classifier import load_model, session_parts, session_vector
from assistant.understanding.group_reader import load_group_model, read_group_list
from assistant.understanding.reader import read_buyer_user
from assistant.understanding.refinements import sides_named_later
from tests.contexts import context, read_flags


def mistakes(question: str, answer: str, lang: str, pitch: str = "", **earlier: str) -> set[str]:
    return read_flags(context(question, answer, lang, pitch, **earlier))


def test_the_trained_models_ship() -> None:
    assert load_model() is not None and load_group_model() is not None


@pytest.mark.parametrize(("answer", "lang"), [
    ("Les PME", "fr"), ("SMEs", "en"), ("health-conscious individuals", "en"),
    ("n'importe quelle personne majeure libre le soir", "fr"),
])
def test_broad_targets_without_the_word_everyone_are_too_broad(answer: str, lang: str) -> None:
    assert "too_broad" in mistakes("for_whom", answer, lang, pitch="Une appli de réservation de cours du soir")


@pytest.mark.parametrize(("answer", "lang"), [
    ("entreprises du BTP de 20 à 100 salariés dont les chefs de chantier avancent des frais", "fr"),
    ("food truck owners in Austin; pretty much everyone I talked to hates doing the books", "en"),
])
def test_a_narrowed_target_or_everyone_about_something_else_is_not_too_broad(answer: str, lang: str) -> None:
    assert "too_broad" not in mistakes("for_whom", answer, lang, pitch="Expense software for small firms")


def test_buyer_user_confusion_is_judged_against_who_the_pitch_says_pays() -> None:
    assert "buyer_user_confusion" in mistakes(
        "buyer_user", "the founders pay, they use it every day", "en",
        pitch="incubators buy seats for the teams in their cohort")
    assert "buyer_user_confusion" in mistakes(
        "buyer_user", "nos clients ce sont les enfants", "fr",
        pitch="Des ateliers de robotique dans les écoles primaires, choisis par les enseignants et payés par l'école")
    # The same words when nothing says someone else pays: no confusion.
    assert "buyer_user_confusion" not in mistakes(
        "buyer_user", "the driver downloads it and pays the 6 dollars a month himself", "en",
        pitch="A budgeting app for gig drivers")


def test_a_platform_founder_who_names_one_side_and_another_group_is_one_sided() -> None:
    pitch = "A ride-hailing app that connects passengers with independent drivers"
    assert "one_sided_platform" in mistakes("for_whom", "passengers and companies that need rides for staff", "en",
                                            pitch=pitch)
    assert "one_sided_platform" not in mistakes("for_whom", "les artisans du bâtiment qui font leurs devis le soir",
                                                "fr", pitch="Un logiciel de comptabilité pour les artisans")


def test_a_plan_is_not_evidence() -> None:
    assert "not_validated" in mistakes("evidence", "rien de solide, je vais interroger 20 voyageurs", "fr")
    assert "not_validated" not in mistakes("evidence", "on a fait 22 entretiens et 3 pilotes payants", "fr")


def test_demographics_include_class_language_and_equipment_but_not_a_behaviour() -> None:
    assert "demographics_only" in mistakes(
        "for_whom", "middle-class English-speaking parents with internet and a computer", "en", pitch="Online tutoring")
    assert "demographics_only" not in mistakes(
        "for_whom", "independent plumbers in Lyon who lose evenings on quotes", "en", pitch="Quote software")


def test_one_group_with_a_qualifier_stays_one_and_deferrals_and_comparisons_are_not_segments() -> None:
    assert len(read_group_list("Families with kids aged 8 to 12 who already play co-op games",
                               embed_queries).groups) == 1
    travellers = read_group_list("travellers who want something cheaper than a hotel", embed_queries).groups
    assert travellers == ["travellers who want something cheaper than a hotel"]
    shops = read_group_list("independent shops, and advertisers come later", embed_queries).groups
    assert shops == ["independent shops"]


def test_a_side_named_later_on_a_platform_becomes_a_segment() -> None:
    canvas = Canvas(language="en", startup="An app that matches riders with drivers for night rides",
                    segments=[Segment(name="Riders", who="students who go out at night")])
    added = sides_named_later("on the other side, the drivers who want to fill their evenings", canvas,
                              embed_queries)
    assert [u.who for u in added] == ["the drivers who want to fill their evenings"]
    plain = canvas.model_copy(update={"startup": "A night-bus ticket app"})
    assert sides_named_later("the drivers who want to fill their evenings", plain, embed_queries) == []


def test_french_without_accents_is_french_and_franglais_too() -> None:
    assert detect_language("Livraison en moins de 24h, moins de paperasse, zero perte de temps") == "fr"
    assert detect_language("on a fait des interviews avec des early adopters") == "fr"
    assert detect_language("Hola, somos una empresa de software para dentistas") == "other"


def test_buyer_and_user_are_roles_not_verb_fragments() -> None:
    assert read_buyer_user("c'est le directeur qui signe, les profs qui s'en servent") == ("le directeur", "les profs")
    buyer, user = read_buyer_user("the school district pays, the teachers use it in class")
    assert buyer.startswith("the school") and user == "the teachers"
    assert read_buyer_user("same person, the stylist pays and uses it") == ("the stylist", "the stylist")


@pytest.mark.parametrize(("lang", "pitch", "answer"), [
    ("fr", "Une appli de recettes anti-gaspi qui propose des repas avec ce qu'il reste dans le frigo",
     "Chaque étudiant paie son abonnement et l'utilise"),
    ("en", "A running app with training plans, sold by subscription in the app stores",
     "The runners pay for it themselves and use it every day"),
])
def test_one_group_that_pays_and_uses_is_no_confusion_when_nobody_else_pays(lang: str, pitch: str,
                                                                             answer: str) -> None:
    assert "buyer_user_confusion" not in mistakes("buyer_user", answer, lang, pitch=pitch)


def test_an_app_that_is_not_a_platform_is_never_one_sided() -> None:
    pitch = "Une appli de recettes anti-gaspi qui propose des repas avec ce qu'il reste dans le frigo"
    answer = "Les étudiants en colocation qui cuisinent le soir avec un petit budget"
    assert "one_sided_platform" not in mistakes("for_whom", answer, "fr", pitch=pitch)


def test_an_answer_that_names_no_group_is_not_too_broad() -> None:
    assert "too_broad" not in mistakes("most_important", "J'en ai parlé à 3 amis", "fr",
                                       pitch="Une appli de recettes anti-gaspi pour les étudiants")


@pytest.mark.parametrize(("lang", "names", "answer", "focus"), [
    ("fr", ["Classes de primaire", "Centres de loisirs", "Familles"], "les classes d'abord, le reste plus tard",
     "Classes de primaire"),
    ("en", ["Guests", "Hosts", "Cleaners"], "hosts first, then guests", "Hosts"),
])
def test_a_priority_given_in_words_sets_the_focus(lang: str, names: list[str], answer: str, focus: str) -> None:
    from assistant.coach.base import TurnContext
    from assistant.coach.offline import OfflineCoach
    from assistant.prompts import Prompts

    canvas = Canvas(language=lang, startup="x", segments=[Segment(name=n) for n in names],  # type: ignore[arg-type]
                    focus_segment=names[0])
    turn = TurnContext(question_id="priority", answer=answer, language=lang, canvas=canvas,  # type: ignore[arg-type]
                       passages=[], answers={}, follow_up_count=0)
    analysis = OfflineCoach(Prompts()).analyse_sync(turn)
    assert analysis.usable and analysis.focus_segment == focus


@pytest.mark.parametrize(("text", "sides"), [
    # one group supplies through the product, another takes
    ("On fait une appli anti-gaspi : les commerces du quartier mettent en vente leurs invendus du soir, "
     "les gens reservent dans l'appli et passent les chercher", {"commerces", "gens"}),
    ("a website where people in porto rent out the flat they dont use to visitors for a few nights",
     {"people", "visitors"}),
    # a group books a slot on a product made for another group
    ("une plateforme de prise de rdv pour les dentistes : les patients reservent un creneau en ligne",
     {"dentistes", "patients"}),
    # two sides announced by name, possibly in a later answer
    ("on the host side, retirees with a spare room. on the guest side, interns on a 3-month placement",
     {"retirees", "guest"}),
    ("cote producteurs les maraichers bio, cote clients les familles du quartier", {"producteurs", "clients"}),
    # a booking platform whose pitch also says it is free for the bookers
    ("une appli de rdv pour les osteos : les patients reservent en ligne, l'osteo paie, c'est gratuit pour les "
     "patients", {"osteos", "patients"}),
    ("a booking app for tattoo artists: collectors book a slot online; artists pay a monthly fee, free for collectors",
     {"artists", "collectors"}),
])
def test_the_sides_of_a_platform_are_read_from_how_the_exchange_is_told(text: str, sides: set[str]) -> None:
    from assistant.understanding.platform import is_platform, platform_sides

    assert is_platform(text)
    assert set(platform_sides(text)) == sides


@pytest.mark.parametrize("text", [
    "We sell accounting software to freelancers",
    "An app for kids aged 8-12: parents buy the subscription and the kids read stories",
    "a meal kit: customers order boxes and we deliver them",
    "un logiciel de paie pour les PME, les comptables l'utilisent tous les mois",
    # a "connected" device, sold to one group and rented to another by the founder
    "Un tensiomètre connecté, vendu aux particuliers et loué aux cliniques",
    "A connected scale, sold to gyms and leased to physio clinics",
])
def test_a_product_sold_to_one_side_is_no_platform(text: str) -> None:
    from assistant.understanding.platform import is_platform

    assert not is_platform(text)


def test_a_booking_platform_founder_who_names_only_the_practitioners_is_one_sided() -> None:
    pitch = ("Une plateforme de prise de rdv pour les kines : les patients reservent un creneau en ligne, "
             "le kine paie un abonnement")
    answer = "les kines liberaux qui bossent seuls sans secretaire, et les osteos installes en cabinet"
    assert "one_sided_platform" in mistakes("for_whom", answer, "fr", pitch=pitch)
    both = "les kines liberaux sans secretaire, et les patients qui sortent de chez le medecin avec une ordonnance"
    assert "one_sided_platform" not in mistakes("for_whom", both, "fr", pitch=pitch)


def test_segments_of_an_exchange_told_without_the_word_platform_are_multi_sided() -> None:
    from assistant.understanding.segment_type import classify

    pitch = ("une appli : les fromagers du marche mettent en vente leurs fins de meule, "
             "les habitants reservent et passent les chercher")
    segments = [Segment(name="Fromagers du marché", who="fromagers du marché"),
                Segment(name="Habitants", who="habitants du quartier")]
    kind, why = classify(pitch, {"for_whom": "les fromagers du marche et les habitants du quartier"}, segments, "fr")
    assert kind == "multi_sided" and "Fromagers du marché" in why
    later = {"for_whom": "homeowners with a spare room",
             "most_important": "on the host side retirees in the old town, on the guest side students on exchange"}
    kind, _ = classify("a site to rent rooms", later, [Segment(name="Homeowners", who="homeowners")], "en")
    assert kind == "multi_sided"


@pytest.mark.parametrize(("answer", "buyer", "user"), [
    # a subject that is not in any vocabulary, before its verb
    ("the council pays an annual subscription, tenants use it for free", "the council", "tenants"),
    ("la region finance les licences, les apprentis font les modules sur leur telephone", "la region",
     "les apprentis"),
    # a clause without a subject keeps the one before; "maybe X pays" decides nothing
    ("the dog walker downloads it, pays 6 euros a month and uses it on every walk", "the dog walker",
     "the dog walker"),
    ("musicians will use it for sure, maybe labels pay, maybe venues, not decided", "", "musicians"),
    # the user named by a copula, the payer in a cleft, in either order
    ("our customer is the commuter, he rides every day. but it's the employer who pays the pass", "the employer",
     "the commuter"),
    ("user: every nurse on the ward. buyer: the hospital pharmacy", "the hospital pharmacy", "every nurse on the ward"),
])
def test_who_pays_and_who_uses_are_read_as_roles(answer: str, buyer: str, user: str) -> None:
    from evals.corpus import overlaps

    got_buyer, got_user = read_buyer_user(answer)
    assert overlaps(buyer, got_buyer) and overlaps(user, got_user), (got_buyer, got_user)


def test_users_called_the_customer_who_pay_while_the_pitch_says_the_company_subscribes_is_a_confusion() -> None:
    pitch = ("une assurance prevoyance en ligne pour les TPE : l'entreprise souscrit le contrat pour ses "
             "salaries, les salaries declarent leurs arrets dans l'appli")
    answer = ("nos clients cest les salaries, cest eux qui paient et qui l'utilisent, "
              "acheteur et utilisateur cest pareil")
    assert "buyer_user_confusion" in mistakes("buyer_user", answer, "fr", pitch=pitch)


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "gyms, physio clinics and amateur sports clubs, we go after all of them at the same time from day one"),
    ("fr", "les salles de sport, les kinés et les clubs amateurs, on veut tous les avoir en même temps"),
])
def test_three_groups_pursued_all_at_once_are_too_many(lang: str, answer: str) -> None:
    assert "too_many_segments" in mistakes("for_whom", answer, lang)


@pytest.mark.parametrize(("lang", "pitch", "answer"), [
    ("fr", "Une appli gratuite qui note les produits au rayon ; premium à 12 euros par an, les marques paient rien",
     "les gens qui retournent les paquets en rayon pour lire la liste des ingrédients"),
    ("en", "A free app that rates cosmetics in store; premium is 10 dollars a year, brands don't pay anything",
     "people who turn the bottle around in the shop to read the ingredients list"),
])
def test_users_called_the_customer_with_nobody_else_paying_is_no_confusion(lang: str, pitch: str,
                                                                            answer: str) -> None:
    assert "buyer_user_confusion" not in mistakes("for_whom", answer, lang, pitch)


@pytest.mark.parametrize(("lang", "answer"), [
    ("fr", "les gens qui font leurs courses en supermarché et lisent les étiquettes. ça reste des millions de "
           "personnes, c'est un marché de masse et on l'assume"),
    pytest.param("en", "shoppers who read every label in the supermarket. that's millions of people, it's a mass "
                 "market and we're fine with that", marks=pytest.mark.xfail(
                     strict=True, reason="the too_broad head is confident (p >= 0.85) on this phrasing; the rule "
                                         "reads 'millions of people' as a size")),
])
def test_a_market_size_is_not_a_target_of_everyone(lang: str, answer: str) -> None:
    assert "too_broad" not in mistakes("for_whom", answer, lang, "A free app that rates food products")


@pytest.mark.parametrize(("pitch", "lang"), [
    ("Beekeepers list the hives they can lend. Other beekeepers nearby borrow them for the season. We take 10%.",
     "en"),
    ("Des jardiniers publient leurs graines en trop, d'autres jardiniers les achètent pour 2 euros.", "fr"),
])
def test_peers_on_both_sides_are_a_platform(pitch: str, lang: str) -> None:
    from assistant.understanding.platform import is_platform, platform_sides

    assert is_platform(pitch)
    sides = platform_sides(pitch)
    assert len(sides) == 2 and sides[0] == sides[1]


@pytest.mark.parametrize(("lang", "answer"), [
    ("fr", "les gens qui cuisinent ?"),
    ("en", "people who cook, I guess"),
])
def test_people_with_a_clause_that_says_little_stay_too_broad(lang: str, answer: str) -> None:
    assert "too_broad" in mistakes("for_whom", answer, lang, "A recipe app that cooks what is left in the fridge")


def test_the_session_is_read_from_the_texts_its_turns_embedded():
    pitch = "A marketplace for idle farm equipment.\nFarmers list, neighbours rent."
    earlier = {"intake": pitch, "for_whom": "Small farmers.\nAnd the big ones who own a full line.",
               "most_important": "The small ones."}
    parts = session_parts(pitch, earlier, "most_important")
    # the pitch whole, then each message of an earlier answer; never the answer being read
    assert parts == [pitch, "Small farmers.", "And the big ones who own a full line."]
    vectors = embed_queries(parts)
    pooled = session_vector(vectors)
    assert abs(float(np.linalg.norm(pooled)) - 1.0) < 1e-5
    assert all(float(pooled @ v) > 0.8 for v in vectors)  # close to each part
    assert not session_vector(np.zeros((0, 384), np.float32)).any()  # no session: zeros, as before
