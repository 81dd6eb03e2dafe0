"""Kinds the twenty-fifth blind set showed, each phrased anew here (none of these sentences is in
`evals/scenarios-blind25/`): many groups the group reader reads, all wanted at once at the priority questions;
everyone said to be the target by a copula, or the whole population of a country; a pitch's backstory of years; kinds
closed by everyone as examples of one broad target; a group named warily behind hedges, "the mid-size ones" of a
group named before, the people of a scene told; one person said to be buyer and user, one said not to pay never the
buyer; who pays an amount and who receives one as an exchange's sides; owners of two things as one group; a clause's
second object as no group."""

from __future__ import annotations

import pytest

from assistant.text.vectors import embed_queries
from assistant.understanding.group_reader import read_group_list
from assistant.understanding.reader import read_buyer_user
from tests.contexts import context, read_flags, rule_flags


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Honestly there are loads of groups. Driving schools, sure. But also the taxi firms, the bus depots, the "
           "delivery fleets, the council's own drivers and the car rental desks. I'd sign every one of them from the "
           "first month, no preferences."),
    ("fr", "Il y a plein de monde. Les auto-écoles, oui. Mais aussi les compagnies de taxi, les dépôts de bus, les "
           "flottes de livraison et les loueurs de voitures. Je veux tous les signer dès le premier mois, sans "
           "préférence."),
])
def test_many_groups_all_wanted_at_once_at_the_priority_question(lang: str, answer: str) -> None:
    assert "too_many_segments" in read_flags(context("most_important", answer, lang))


def test_groups_put_in_an_order_are_no_pile_of_segments() -> None:
    answer = ("Driving schools first. Then the taxi firms, then the bus depots, and the delivery fleets only next "
              "year once the schools pay.")
    assert "too_many_segments" not in read_flags(context("most_important", answer, "en"))


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "anyone in lagos who throws a party. thats everyone o, every family has two or three events a year, rich "
           "or poor, island or mainland"),
    ("fr", "Au Niger, presque aucun commerçant n'a de compte en banque. Donc c'est pour tout le monde, vraiment. Le "
           "boutiquier, la vendeuse de beignets, le garagiste, tout le monde vend à crédit. Notre client, c'est le "
           "Nigérien qui vend quelque chose."),
])
def test_everyone_said_to_be_the_target_by_a_copula(lang: str, answer: str) -> None:
    assert "too_broad" in read_flags(context("for_whom", answer, lang))


def test_everyone_said_of_something_else_is_no_target() -> None:
    answer = ("Independent bike repair shops in Leeds with one or two mechanics. It's everyone's problem there: the "
              "parts arrive late.")
    assert "too_broad" not in read_flags(context("for_whom", answer, "en"))


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Every Ghanaian, really. Everyone in this country sends money home at some point. So the whole country."),
    ("fr", "Tous les habitants de ce pays, en fait. Tout le pays envoie de l'argent à la famille."),
])
def test_the_population_of_a_whole_country_is_too_broad(lang: str, answer: str) -> None:
    assert "too_broad" in rule_flags(context("for_whom", answer, lang))


def test_a_pitch_backstory_of_years_is_no_segment_said_fixed() -> None:
    pitch = ("My father ran a tyre shop in Kumasi for thirty years, every invoice on carbon paper. So we built an app "
             "that lets tyre shops invoice by SMS; the shop pays 80 cedis a month.")
    assert "never_revisited" not in read_flags(context("intake", pitch, "en", pitch))


def test_kinds_closed_by_everyone_are_examples_of_one_broad_target() -> None:
    answer = ("Au Togo presque personne n'a de mutuelle. Le pêcheur, la couturière, l'étudiant, le chauffeur, tout "
              "le monde peut avoir un accident. Notre client c'est le Togolais sans couverture.")
    flags = rule_flags(context("for_whom", answer, "fr"))
    assert "too_many_segments" not in flags
    assert "too_broad" in flags


@pytest.mark.parametrize(("lang", "answer", "head"), [
    ("en", "I guess mostly the language schools, right? The small ones near the station, with 100 to 400 students.",
     "language schools"),
    ("fr", "Je dirais surtout les écoles de langues, non ? Elles ont de 100 à 400 élèves, près de la gare.",
     "écoles de langues"),
])
def test_a_group_named_behind_hedges_is_one_group(lang: str, answer: str, head: str) -> None:
    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 1 and head in groups[0].lower()


def test_the_people_of_a_scene_told_are_no_groups_nor_the_other_side() -> None:
    answer = ("Mainly the dental clinics, I think. What happens is, a hygienist calls in sick, the receptionist "
              "phones every agency in town and the patients wait in the corridor. Those clinics are who we build for.")
    groups = read_group_list(answer, embed_queries).groups
    assert [g.lower() for g in groups] == ["the dental clinics"]
    pitch = ("A platform where dental clinics book freelance hygienists for a day when one of theirs is off. The "
             "clinic pays the day rate plus 12%, the hygienists pay nothing.")
    assert "one_sided_platform" in read_flags(context("for_whom", answer, "en", pitch))


@pytest.mark.parametrize(("lang", "answer", "who"), [
    ("en", "The driver pays the 15 dollars at the garage and gets the report on his phone, so he is buyer and user.",
     "driver"),
    ("fr", "La cliente paie les 20 euros en boutique et reçoit le bilan sur son téléphone, elle est acheteuse et "
           "utilisatrice.", "cliente"),
])
def test_one_person_said_buyer_and_user_is_both(lang: str, answer: str, who: str) -> None:
    buyer, user = read_buyer_user(answer, embed_queries)
    assert who in buyer.lower() and who in user.lower()


@pytest.mark.parametrize(("lang", "pitch"), [
    ("en", "An app to rent out spare parking in church car parks on match days. The fan pays 12 pounds a slot, the "
           "parish earns 9, we keep 3."),
    ("fr", "on loue les places de parking des églises les jours de match. le supporter paie 12€ la place, la paroisse "
           "touche 9, on garde 3"),
])
def test_who_pays_an_amount_and_who_receives_one_are_the_sides(lang: str, pitch: str) -> None:
    from assistant.understanding.platform import is_platform

    assert is_platform(pitch)


def test_a_customer_paying_an_amount_is_no_platform() -> None:
    from assistant.understanding.platform import is_platform

    assert not is_platform("A budgeting app for nurses. The nurse pays 4 pounds a month.")


@pytest.mark.parametrize(("lang", "answer", "groups"), [
    ("fr", "les propriétaires de bateaux et remorques de La Rochelle qui n'ont pas de place chez eux", 1),
    ("en", "gyms in Austin and physio clinics in Dallas", 2),
])
def test_owners_of_two_things_are_one_group(lang: str, answer: str, groups: int) -> None:
    assert len(read_group_list(answer, embed_queries).groups) == groups


def test_one_said_not_to_pay_is_never_the_buyer() -> None:
    answer = ("Non, je me suis trompé. Le patient ne paie rien et ne choisit pas le programme. C'est la mutuelle ou le "
              "responsable prévention qui décide et qui achète, sur son budget annuel, parfois après un comité. Et ils "
              "ne veulent pas la même chose : la mutuelle veut moins de sinistres, le patient veut aller mieux. Donc "
              "je vends à la mutuelle, et les patients suivent les séances.")
    buyer, _ = read_buyer_user(answer, embed_queries)
    assert "mutuelle" in buyer.lower()


def test_the_objects_of_a_clause_are_no_group() -> None:
    answer = ("Concrètement, les clubs de foot amateurs du Gard, entre 200 et 600 licenciés. La DRH n'existe pas chez "
              "eux : le président a des bénévoles à trouver chaque samedi et des déplacements à organiser pour les "
              "équipes de jeunes. C'est pour ces clubs-là que je crée de la valeur.")
    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 1 and "clubs de foot" in groups[0].lower()
