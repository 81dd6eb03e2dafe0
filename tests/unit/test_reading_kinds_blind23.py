"""Kinds the twenty-third blind set showed, each phrased anew here (none of these sentences is in
`evals/scenarios-blind23/`): a platform told by a share taken from one side, by what the paid side earns, or by
renting a neighbour's thing; a broad target whose clause names nothing ("anyone who buys things"), or with no
group ruled out beside it; a refusal to narrow down, groups attacked at the same time; people said alike; the user
said to be the payer; a group turned away because it has what it needs already, or a buying habit with a
condition, is no underserved group ignored; kinds listed as examples of everyone are no pile of segments; the
first fragment of an answer opens its group; who pays and uses read past a number's comma, an aside's comma, a
label that says who pays, a place in a segment's name, and a side that uses the product for free."""

from __future__ import annotations

from assistant.canvas import Canvas, Segment
from assistant.text.vectors import embed_queries
from assistant.understanding.group_coordination import join_coordinated
from assistant.understanding.group_fragments import fragments
from assistant.understanding.group_openings import lone_opened
from assistant.understanding.mistakes import detect
from assistant.understanding.platform import is_platform
from assistant.understanding.roles_by_segment import roles_by_segment
from assistant.understanding.roles_reader import split_clauses
from tests.contexts import context, read_flags, rule_flags


def test_a_share_from_one_side_or_a_neighbours_thing_is_a_platform() -> None:
    assert is_platform("Caravan pitches in farmers' fields, booked online; we charge 9% on the landowner side.")
    assert is_platform("Des places de parking chez l'habitant ; on prend 15 % côté propriétaires.")
    assert is_platform("An app to borrow your neighbour's pressure washer for a Saturday.")
    assert is_platform("Une appli pour emprunter la perceuse du voisin, livrée en main propre.")
    assert is_platform("Renters pay by card and we keep 10% of what the owner earns.")


def test_one_side_named_where_the_pitch_says_who_is_paid_is_the_mistake() -> None:
    pitch = ("une appli pour louer le camping-car d'un particulier le temps d'un week-end. on facture 15 € au "
             "vacancier et on garde 10 % sur ce que gagne le propriétaire")
    answer = ("les couples qui veulent partir 3 jours sans acheter un camping-car, surtout des trentenaires de "
              "Rennes et Nantes qui regardent les vans sur Instagram")
    assert "one_sided_platform" in read_flags(context("for_whom", answer, "fr", pitch))


def test_a_broad_target_whose_clause_names_nothing_is_too_broad() -> None:
    assert "too_broad" in rule_flags(context("for_whom", "Anyone who buys things, basically.", "en"))
    assert "too_broad" in rule_flags(context("for_whom", "N'importe qui qui achète des trucs, en gros.", "fr"))
    # a clause that names what they do narrows
    assert "too_broad" not in rule_flags(context("for_whom", "Anyone who runs a bakery with two ovens.", "en"))


def test_a_broad_target_with_no_group_ruled_out_beside_it_is_said_in_so_many_words() -> None:
    # said in so many words (`Detection.stated`): the rule stands whatever a head guesses
    answer = "Anybody who buys stuff, basically. I really don't want to exclude anybody at this point."
    found = {d.mistake_id: d for d in detect(context("most_important", answer, "en", "Sourdough kits by post."))}
    assert found["too_broad"].stated
    answer = "N'importe qui qui achète des trucs, en gros. Franchement je ne veux fermer aucune porte pour l'instant."
    found = {d.mistake_id: d for d in detect(context("most_important", answer, "fr", "Réparation de vélos."))}
    assert found["too_broad"].stated


def test_a_refusal_to_narrow_down_or_groups_attacked_together_is_too_many_segments() -> None:
    answer = ("The gyms, sure, but also physios, yoga studios, schools and the corporate wellness people. "
              "Narrowing it down now would just be leaving money on the table.")
    assert "too_many_segments" in rule_flags(context("most_important", answer, "en"))
    answer = ("Les boulangeries, oui, mais on veut aussi cibler en parallèle les traiteurs, les cantines, les "
              "hôtels et les épiceries fines.")
    assert "too_many_segments" in rule_flags(context("most_important", answer, "fr"))


def test_people_said_alike_is_a_segment_assumed_homogeneous() -> None:
    answer = ("Frankly our tenants are pretty much alike. They all want heat that works, so we do not need to "
              "split them in any way.")
    assert "assumes_homogeneous" in rule_flags(context("characteristics", answer, "en"))


def test_the_user_said_to_be_the_payer_where_the_pitch_names_another_payer() -> None:
    pitch = "A reading app for dyslexic pupils. The school district buys a licence per pupil."
    answer = "The pupil is the one it's built for, they use it daily, so really they are the payer in the end."
    assert "buyer_user_confusion" in rule_flags(context("buyer_user", answer, "en", pitch))


def test_a_group_turned_away_because_it_has_what_it_needs_is_no_underserved_group() -> None:
    answer = ("Independent vineyards under 20 hectares. The big estates, no, not for us: they already have far "
              "better tools than ours and their own agronomists.")
    assert "ignores_underserved" not in rule_flags(context("most_important", answer, "en"))
    answer = ("Les petits cabinets d'architectes. Les grosses agences, ce n'est pas pour nous : elles ont leurs "
              "propres équipes informatiques.")
    assert "ignores_underserved" not in rule_flags(context("most_important", answer, "fr"))


def test_a_buying_habit_with_a_condition_is_no_group_turned_away() -> None:
    answer = ("The depot managers are careful with money and won't buy anything until two other depots in the "
              "region have tried it. Most of their drivers are shift workers on small contracts.")
    assert "ignores_underserved" not in rule_flags(context("characteristics", answer, "en"))


def test_kinds_listed_as_examples_of_everyone_are_one_target_too_broad() -> None:
    answer = ("Tout le monde, sérieux : les étudiants, les cadres, les retraités, les sportifs, les familles... "
              "un bon café ça plaît à tous.")
    flags = rule_flags(context("for_whom", answer, "fr"))
    assert "too_broad" in flags and "too_many_segments" not in flags


def test_the_first_fragment_of_an_answer_opens_its_group() -> None:
    # the reader may read an answer's first fragment as going on a group before it; there is none before it
    answer = "For teenagers aged 14 to 17 who already surf a bit, and for their parents"
    frags = fragments(answer)
    labels = lone_opened(frags, ["cont"] + ["none"] * (len(frags) - 1))
    assert labels[0] == "new"
    # one that names no group stays as read
    frags = fragments("mostly on weekends, for the parents")
    assert lone_opened(frags, ["cont", "new"])[0] == "cont"


def test_a_place_after_a_preposition_shares_no_head_with_the_group() -> None:
    # "… on Instagram or Etsy | or at the growers' markets": a place after "at", not a head that "Etsy" qualifies
    answer = "the candle makers, the ones who sell on Instagram or Etsy or at the growers' markets in Leith"
    assert join_coordinated(fragments(answer), ["new", "none", "none", "cont"], answer)[2] == "none"
    # words listed before a head they share still make one group
    answer = "the welsh, cornish and breton bakers"
    assert join_coordinated(fragments(answer), ["none", "none", "new"], answer) == ["new", "cont", "cont"]


def test_roles_are_read_past_the_comma_of_a_number_and_of_an_aside() -> None:
    assert any("2,400 pesos" in c for c in split_clauses("The guest pays about 2,400 pesos per night, the host "
                                                         "gets the rest."))
    clauses = split_clauses("Les locataires paient le loyer plus les charges (eau, gaz), on reverse au bailleur.")
    assert any("(eau, gaz" in c for c in clauses)


def test_each_side_gets_its_own_roles_when_a_label_says_who_pays() -> None:
    canvas = Canvas(language="fr", segments=[Segment(name="Propriétaires de chevaux"), Segment(name="Cavaliers")])
    answer = ("Les cavaliers paient : 90 € par mois pour la demi-pension, qu'on reverse au propriétaire moins 8 %. "
              "Les propriétaires utilisent le site gratuitement pour publier leur cheval.")
    roles = {u.segment: u for u in roles_by_segment(answer, canvas, embed_queries)}
    assert roles["Cavaliers"].buyer.lower().startswith("les cavaliers")
    assert "cavaliers" not in roles["Propriétaires de chevaux"].buyer.lower()


def test_a_place_in_a_segment_name_names_no_sentence_about_it() -> None:
    canvas = Canvas(language="en", segments=[Segment(name="Kayak owners around Oban"),
                                             Segment(name="Visitors who want to paddle")])
    answer = ("The visitor pays online, around 1,200 pounds per group; the owner receives that minus our 10%. "
              "Both use the site.")
    roles = {u.segment: u for u in roles_by_segment(answer, canvas, embed_queries)}
    assert "around" not in roles["Kayak owners around Oban"].buyer
    assert "visitor" not in roles["Kayak owners around Oban"].buyer.lower()


def test_one_group_closed_on_after_a_platform_pitch_is_the_mistake_with_no_sides_read() -> None:
    pitch = "Idle cold-room space in Lyon, rented by the week through the app; we keep 12% of each booking."
    answer = ("Caterers. The small ones doing weddings who run out of fridge space every June. These are our "
              "customers.")
    assert "one_sided_platform" in read_flags(context("for_whom", answer, "en", pitch))


def test_a_group_left_aside_as_not_worth_it_is_the_mistake() -> None:
    answer = ("Les retraités, par contre, je préfère ne pas y toucher : pas de smartphone, pas de voiture, ils "
              "décrochent au bout d'un mois. Franchement ce n'est pas un public qui vaut la peine, je les laisse de "
              "côté.")
    assert "ignores_underserved" in rule_flags(context("most_important", answer, "fr"))


def test_a_sentence_that_says_nothing_of_paying_gives_no_roles() -> None:
    # "Not the same people." names no segment (a word of comparison in a name identifies nothing) and says nothing
    # of who pays: no role read from it
    canvas = Canvas(language="en", segments=[Segment(name="Apprentices"),
                                             Segment(name="Workshops in the same streets")])
    answer = ("Not the same people. The apprentices use it and pay nothing. The garage owners pay a placement fee "
              "of 40,000 shillings after the trial month.")
    roles = {u.segment: u for u in roles_by_segment(answer, canvas, embed_queries)}
    assert "same" not in roles["Workshops in the same streets"].buyer.lower()
