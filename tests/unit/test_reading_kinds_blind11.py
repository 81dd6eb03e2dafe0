"""Kinds of founder writing the eleventh blind set showed the reader getting wrong, each phrased anew here (none of
these sentences is in `evals/scenarios-blind11/`): a connector whose object is a pronoun, each side said to need
the other, a regional matching verb, one group ordering from another, a tool sold as software whose
features match or book that customer's own people, one group closed on as the only customer of a platform, a
profile written with filler words and currencies, a refusal written without its apostrophe, a group of
colloquially small or remote places turned away, "the more the merrier" and "you name it" after a list,
a segment name that opened on the founder speaking, and places set between two dashes read as groups."""

from __future__ import annotations

import pytest

from assistant.text.tokens import tokenise
from assistant.understanding.mistakes.aside import sets_a_group_aside
from assistant.understanding.platform import is_platform, platform_sides
from assistant.understanding.side_asides import closes_on_one_customer
from tests.contexts import context, read_flags, rule_flags

# --- platforms: how the two sides are named ---------------------------------------------------------------


def test_a_connector_whose_object_is_a_pronoun_links_the_two_groups_named_before() -> None:
    # the groups are read with the group lexicon: "boatyards", off it, would not be one
    pitch = ("Boat owners list the jobs they can't do themselves, freelance riggers post their availability, and we "
             "pair them up for a fee per job.")
    assert sorted(platform_sides(pitch, read_on=True)) == ["owners", "riggers"]
    assert is_platform(pitch)
    assert platform_sides("Les parents et les étudiants s'inscrivent, et on les met en relation.", read_on=True)


def test_a_pronoun_after_a_connector_with_one_group_before_makes_no_sides() -> None:
    assert platform_sides("Our customers are bakeries. The app connects them to the till.", read_on=True) == []


@pytest.mark.parametrize(("answer", "lang"), [
    ("Dog owners in Bristol who work long days, and retired neighbours who'd walk a dog at noon. It doesn't work "
     "unless both are on it, I suppose.", "en"),
    ("Les agriculteurs qui ont une moissonneuse en trop, et les jeunes installés. Classique, la poule et l'œuf.", "fr"),
])
def test_saying_each_side_needs_the_other_makes_a_platform(answer: str, lang: str) -> None:
    assert is_platform(answer)


@pytest.mark.parametrize("answer", [
    # founders say "the other side" of a buyer and its users as often as of a platform's sides
    "Les cliniques vétérinaires de 3 à 8 vétos. Et de l'autre côté, les propriétaires qui remplissent le suivi.",
    "We need both a laptop and a phone on it.",
])
def test_the_other_side_alone_or_a_need_for_two_things_makes_no_platform(answer: str) -> None:
    assert not is_platform(answer)


def test_a_pronoun_after_between_names_no_sides_when_one_group_is_a_role() -> None:
    pitch = "Scheduling app for cafés. The manager builds the week, staff swap shifts between them on their phone."
    assert not is_platform(pitch)


def test_a_regional_verb_of_matching_links_two_sides() -> None:
    pitch = "Une appli qui jumelle les propriétaires de bateaux avec des skippers indépendants."
    assert platform_sides(pitch, read_on=True) == ["proprietaires", "skippers"]


def test_one_group_ordering_from_another_through_the_app_makes_two_sides() -> None:
    pitch = "Corner shops order from approved wholesalers in the app and pay at the end of the month."
    assert platform_sides("Corner shops order from wholesalers today, by phone.", read_on=True) == []
    assert sorted(platform_sides(pitch, read_on=True)) == ["shops", "wholesalers"]
    assert is_platform(pitch)


@pytest.mark.parametrize("pitch", [
    "A SaaS for driving schools: the learner books a lesson online and the software assigns the nearest instructor. "
    "250 euros a month per school.",
    "We license our software to housing associations; it matches tenants with repair contractors and tracks jobs.",
    "Un logiciel vendu aux crèches : les parents réservent les places de halte-garderie en ligne.",
])
def test_a_tool_sold_as_software_matches_its_customer_own_people_not_two_sides(pitch: str) -> None:
    assert not is_platform(pitch)


def test_a_software_product_the_founder_calls_a_platform_keeps_its_sides() -> None:
    pitch = "A SaaS platform that connects warehouses and the carriers that deliver to them; carriers use it free."
    assert is_platform(pitch)


# --- one_sided_platform: one group closed on as the only customer --------------------------------------------


@pytest.mark.parametrize(("answer", "expected"), [
    ("The boatyards are the customers, full stop.", True),
    ("Nos clients, ce sont les garages, point.", True),
    ("C'est eux qui paient, donc c'est eux le client, voilà.", True),
    ("The boatyards are the customers, and the riggers too.", False),
    ("Nos clients sont les garages ; un point important : ils ferment en août.", False),
])
def test_closing_on_one_customer(answer: str, expected: bool) -> None:
    assert closes_on_one_customer(answer) is expected


def test_a_platform_founder_closing_on_one_side_as_the_only_customer_is_flagged() -> None:
    pitch = ("Boat owners list the jobs they can't do themselves, freelance riggers post their availability, and "
             "we pair them up. Owners pay 8% per job.")
    answer = "Boat owners on the south coast with a yacht of 30 feet or more, those are my customers, full stop."
    ctx = context("for_whom", answer, "en", pitch=pitch)
    assert "one_sided_platform" in rule_flags(ctx)
    assert "one_sided_platform" in read_flags(ctx)


def test_a_platform_founder_naming_both_sides_is_not_flagged() -> None:
    pitch = ("Boat owners list the jobs they can't do themselves, freelance riggers post their availability, and "
             "we pair them up. Owners pay 8% per job.")
    answer = "Two groups: boat owners on the south coast, and the freelance riggers who want steady work."
    assert "one_sided_platform" not in read_flags(context("for_whom", answer, "en", pitch=pitch))


# --- demographics_only: filler words and currencies ----------------------------------------------------------


@pytest.mark.parametrize(("answer", "lang"), [
    ("Notre cible, c'est les vendeuses du marché de Treichville. En gros : 80 % de femmes, 30-50 ans, mariées, "
     "revenu autour de 150 000 FCFA, beaucoup viennent du nord, parlent dioula. Voilà le persona.", "fr"),
    ("Basically our persona: factory workers in Pune, mostly men, 25-40, married, salary around 18,000 rupees, "
     "lots originally from Bihar, Hindi speakers.", "en"),
])
def test_a_profile_with_filler_words_and_a_currency_is_demographics_only(answer: str, lang: str) -> None:
    assert "demographics_only" in rule_flags(context("for_whom", answer, lang))


def test_the_same_profile_with_what_they_do_is_more_than_demographics() -> None:
    answer = ("Basically: factory workers in Pune, mostly men, 25-40, salary around 18,000 rupees, who send money home "
              "every month and lose a day's pay queuing at the bank.")
    assert "demographics_only" not in rule_flags(context("for_whom", answer, "en"))


# --- ignores_underserved: a refusal without its apostrophe, colloquially small or remote places -------------


def test_a_bare_dont_before_bother_is_a_negation_in_english_only() -> None:
    assert [t.norm for t in tokenise("dont bother")] == ["do", "not", "bother"]
    assert [t.norm for t in tokenise("dont le")] == ["dont", "le"]


@pytest.mark.parametrize(("answer", "lang"), [
    ("Big suburban gyms first. The little rural halls with no signal? dont bother, not worth building anything for.",
     "en"),
    ("Les grosses fermes d'abord. Les p'tits producteurs des hameaux paumés, là où ça capte pas, on laisse tomber, "
     "ça vaut pas le coup.", "fr"),
])
def test_turning_away_small_or_remote_places_colloquially_is_ignoring_the_underserved(answer: str, lang: str) -> None:
    assert sets_a_group_aside(answer)
    assert "ignores_underserved" in rule_flags(context("priority", answer, lang))


def test_a_reasoned_deferral_of_remote_places_is_not_ignoring_them() -> None:
    answer = ("Les grosses fermes d'abord. Les p'tits producteurs des hameaux paumés, on y viendra l'an prochain "
              "avec une version hors ligne.")
    assert "ignores_underserved" not in rule_flags(context("priority", answer, "fr"))


# --- too_broad: indifference after a list, "the more the merrier" ------------------------------------------


@pytest.mark.parametrize(("answer", "lang"), [
    ("Anyone with a bike really. Or a scooter, a skateboard, you name it. The more the merrier, it's a numbers game.",
     "en"),
    ("Tous ceux qui ont un jardin, un balcon, une terrasse. Plus on est de fous, plus on rit : on ratisse large.",
     "fr"),
])
def test_more_is_better_and_you_name_it_sweep_the_target(answer: str, lang: str) -> None:
    assert "too_broad" in rule_flags(context("most_important", answer, lang))


def test_whatever_inside_a_narrowed_target_sweeps_nothing() -> None:
    answer = "Bike couriers in Leeds who work 40 hours a week and whatever the weather ride 80 km a day."
    assert "too_broad" not in rule_flags(context("most_important", answer, "en"))


# --- the canvas: names and asides ---------------------------------------------------------------------------


def test_a_segment_name_skips_the_founder_speaking_before_the_group() -> None:
    from assistant.understanding.segment_names import segment_name

    name = segment_name("ok ok j'ai compris si je dis tout le monde je dis personne en vrai c'est surtout les "
                        "pharmaciens qui ouvrent le dimanche dans les petites villes")
    assert name.startswith("Pharmaciens")
    assert segment_name("Parents I meet at the school gate").startswith("Parents")


def test_places_between_two_dashes_are_an_aside_of_the_group_not_groups() -> None:
    from assistant.text.vectors import embed_queries
    from assistant.understanding.group_reader import read_group_list

    answer = ("Pour être précis : les vignerons indépendants du Beaujolais — Morgon, Fleurie, Brouilly, en gros — "
              "qui vendent plus de la moitié de leur vin en direct.")
    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 1
    assert groups[0].startswith("les vignerons")


# --- an oversight admitted is no group turned away; "pis" and appositions -----------------------------------


@pytest.mark.parametrize("answer", [
    "Ah oui, t'as raison, j'ai complètement zappé les livreurs, sans eux y a pas d'app.",
    "Ah oui, t'as raison, j'ai complètement zappé les livreurs, sans eux y a rien.",
    "You're right, I completely forgot the drivers: without them there's no app.",
    "You're right, I completely forgot the drivers: without them there's nothing.",
])
def test_admitting_a_forgotten_group_is_no_group_turned_away(answer: str) -> None:
    assert not sets_a_group_aside(answer)


@pytest.mark.parametrize("answer", ["Les petits livreurs, on les zappe.", "The small drivers, forget them.",
                                    "Les retraités, non.", "Seniors? No."])
def test_turning_a_group_away_in_the_present_still_is(answer: str) -> None:
    assert sets_a_group_aside(answer)


def test_a_regional_and_and_an_apposition_give_one_segment_per_group() -> None:
    from assistant.text.vectors import embed_queries
    from assistant.understanding.group_reader import read_group_list

    answer = ("Deux bords : les proprios de condos en location court terme qui restent en ville, pis les déneigeurs à "
              "leur compte dans le coin, souvent des gars de la région qui font déjà de l'entretien l'été.")
    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 2
    assert groups[1].startswith("les déneigeurs")


# --- "chacun" of the members, a count of segments called a mistake -----------------------------------------


def test_each_member_doing_something_is_no_target_too_broad() -> None:
    pitch = ("Une appli pour les associations de quartier : les cotisations sont notées, et chacune peut voir qui a "
             "payé. L'association paie 3 000 francs CFA par mois.")
    assert "too_broad" not in rule_flags(context("intake", pitch, "fr"))
    assert "too_broad" in rule_flags(context("for_whom", "Le produit parle à chacun, on ne veut pas se limiter.", "fr"))


@pytest.mark.parametrize(("answer", "lang"), [
    ("Fair point, five segments with two people is not a strategy. Let me narrow: independent gyms in Bristol first.",
     "en"),
    ("Sept cibles pour trois personnes, c'est trop. On commence par les boulangeries du centre de Nantes.", "fr"),
])
def test_a_count_of_segments_called_a_mistake_announces_none(answer: str, lang: str) -> None:
    assert "too_many_segments" not in rule_flags(context("most_important", answer, lang))


def test_a_count_of_segments_announced_is_still_too_many() -> None:
    answer = "We go after five segments: gyms, physios, schools, clubs and councils."
    assert "too_many_segments" in rule_flags(context("most_important", answer, "en"))


# --- the canvas keeps the founder's correction, not the wish list it corrects ------------------------------


def test_a_wish_list_at_the_most_important_question_leaves_the_segment_as_it_was() -> None:
    from assistant.canvas import Canvas, Segment
    from assistant.coach.base import TurnContext
    from assistant.coach.offline import OfflineCoach
    from assistant.prompts import Prompts
    from assistant.text.vectors import embed_queries

    who = "Independent physio practices in Leeds with 2 to 6 physios, booking by phone"
    canvas = Canvas(language="en", startup="A booking tool for physio practices.",  # type: ignore[arg-type]
                    segments=[Segment(name="Independent physio practices", who=who)],
                    focus_segment="Independent physio practices")
    answer = ("We want all of these in parallel: physio practices, osteopaths, sports clubs, gyms, hospitals and "
              "insurers, all from day one, each one is a big market.")
    turn = TurnContext(question_id="most_important", answer=answer, language="en", canvas=canvas)  # type: ignore[arg-type]
    analysis = OfflineCoach(Prompts(), embed=embed_queries).analyse_sync(turn)
    assert "too_many_segments" in {f.mistake_id for f in analysis.findings}
    # the follow-up's answer, not the wish list, says what the segment is: no text of it, no segment added
    assert [(u.segment, u.who) for u in analysis.updates] in ([], [("Independent physio practices", "")])


# --- fragments that are no group: a time clause, a verb form with a counted object, a French verb -----------


@pytest.mark.parametrize("fragment", ["quand le réseau passe", "lorsque la saison commence", "when the season starts"])
def test_a_time_clause_is_no_group(fragment: str) -> None:
    from assistant.understanding.group_openings import names_a_place

    assert names_a_place(fragment)


@pytest.mark.parametrize(("fragment", "expected"), [
    ("running roughly 1,500 to 8,000 ewes", True),
    ("prennent des antidouleurs au boulot", True),
    ("Nursing homes with 40 beds", False),
    ("seulement les boulangeries du centre", False),
    ("parents d'élèves de maternelle", False),
])
def test_a_verb_form_with_its_object_describes_a_group_and_names_none(fragment: str, expected: bool) -> None:
    from assistant.understanding.group_descriptions import describes

    assert describes(tokenise(fragment)) is expected
