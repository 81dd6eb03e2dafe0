"""Kinds the twenty-sixth blind set showed, each phrased anew here (none of these sentences is in
`evals/scenarios-blind26/`): a platform whose founder takes an amount from each of two parties, who are its sides; a
side named by a qualifier and its noun ("retired pharmacists"), whose noun is the side; one group closed on as the only
customer past a word of hedging ("ce sont eux nos clients franchement, …"); ages told beside what the people do;
a group given another role than customer ("des prescripteurs, pas des clients"); "ça ne change rien" said of who
signs; a platform's two sides taken on at once ("les deux côtés en même temps"); members said to differ ("ils ne
sont pas les mêmes"); a message that switches from Spanish into English ("no sé todavía, give me a day to think");
every age and every kind of job swept, nobody left out by a double negation; a bulleted pile with "y a pas à
choisir"; kinds closed on "that kind of crew" after a group, its examples; "all of them …" after a group, a
statement about it; a segment named past a superlative subject ("Most important are …") and a time frame ("for
now only …"), up to a place whose name holds a hedge word ("La Côte"); a habit's time then a pronoun ("chaque
hiver ils…"), a statement, no group; a line labelled by a group word before its colon ("- divers: foreign visitors
…"), whose group is after the colon; a profile whose only verbs are having ("they all have a car")."""

from __future__ import annotations

import pytest

from assistant.text.language import detect_language
from assistant.text.vectors import embed_queries
from assistant.understanding.group_reader import read_group_list
from assistant.understanding.intake import read_message
from assistant.understanding.mistakes.aside import turns_a_group_away_for_good
from assistant.understanding.mistakes.revisit import speaks_of_the_target_over_time
from assistant.understanding.platform import is_platform, platform_sides
from assistant.understanding.segment_names import segment_name
from tests.contexts import context, read_flags

TAKES = {
    "en": "an app where a fisherman books a boat trip and the skipper takes him out. we take 10k per trip from the "
          "fisherman and 8% from the skipper",
    "fr": "une appli ou le maraicher reserve un creneau de tracteur, le chauffeur vient labourer. on prend 500 francs "
          "au maraicher et 3 % au chauffeur",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_amount_taken_from_each_of_two_parties_names_the_sides(lang: str) -> None:
    assert is_platform(TAKES[lang])
    assert len(platform_sides(TAKES[lang], read_on=True)) == 2


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "fishermen around the bay, the ones who still borrow a cousin's boat every weekend"),
    ("fr", "les maraichers de la vallee, ceux qui labourent encore a la main"),
])
def test_naming_one_of_the_charged_parties_only_is_a_one_sided_platform(lang: str, answer: str) -> None:
    assert "one_sided_platform" in read_flags(context("for_whom", answer, lang, pitch=TAKES[lang]))


def test_a_side_named_by_a_qualifier_and_its_noun_is_the_noun() -> None:
    pitch = ("We run a platform which connects retired pharmacists with rural pharmacies in Bavaria that need cover "
             "for a few weeks. The pharmacy pays a day rate plus 12 percent commission to us.")
    assert platform_sides(pitch, read_on=True) == ["pharmacists", "pharmacies"]
    answer = ("We create value for the independent rural pharmacies in Bavaria, one or two counters, which must close "
              "for the day when the owner is ill.")
    assert "one_sided_platform" in read_flags(context("for_whom", answer, "en", pitch=pitch))


@pytest.mark.parametrize(("lang", "pitch", "answer"), [
    ("fr", "une appli qui met en relation les couturieres du quartier avec les clientes qui ont des retouches. la "
           "cliente paie 10 % de commission",
     "les couturieres du marche, celles qui cousent chez elles. ce sont eux nos clients franchement, elles attendent "
     "des clientes toute la journee"),
    ("en", "an app that connects dog sitters with dog owners who travel. the owner pays a 10% fee",
     "dog sitters in the suburbs, students mostly. those are my customers honestly, they sit at home waiting for a "
     "job"),
])
def test_one_group_closed_on_as_the_customer_past_a_hedge_is_the_mistake(lang: str, pitch: str, answer: str) -> None:
    assert "one_sided_platform" in read_flags(context("for_whom", answer, lang, pitch=pitch))


@pytest.mark.parametrize(("lang", "answer"), [
    ("fr", "Ils gèrent leurs locations à distance avec un cousin sur place, ils découvrent les dégâts en arrivant "
           "en juillet, certains ont tenté Booking seuls puis abandonné. Les plus jeunes, 30-45 ans, font tout sur "
           "l'appli ; leurs parents, retraités, préfèrent le téléphone."),
    ("en", "They run the flat from abroad through a cousin on WhatsApp, find the leaks when they land in July, some "
           "tried Airbnb alone and gave up. The younger ones, 30 to 45, do everything on the phone; their parents, "
           "retired, want a voice on the line."),
])
def test_ages_beside_what_people_do_are_no_demographics_only(lang: str, answer: str) -> None:
    assert "demographics_only" not in read_flags(context("characteristics", answer, lang))


@pytest.mark.parametrize("answer", [
    "Mostly dads, thirty to fifty, household income around 80k, suburbs, two kids, they've got an Android, they "
    "all have a car.",
    "Surtout des papas, 30 à 50 ans, revenus autour de 4 000 euros, en banlieue, deux enfants, ils ont tous une "
    "voiture.",
])
def test_a_profile_whose_only_verbs_are_having_is_still_demographics_only(answer: str) -> None:
    lang = "fr" if "Surtout" in answer else "en"
    assert "demographics_only" in read_flags(context("characteristics", answer, lang))


PLATFORMS = {
    "fr": "Notre plateforme met en relation les brasseurs artisanaux et les bars du quartier. Le bar paie 12 % de "
          "commission sur chaque fût.",
    "en": "Our platform connects home bakers with office managers who order breakfast. We take 12% of each order.",
}


@pytest.mark.parametrize(("lang", "answer"), [
    ("fr", "Les bars du centre, c'est 70 % du volume. Les hôtels comptent aussi, mais eux ce sont des prescripteurs, "
           "pas des clients, on leur reverse 10 %."),
    ("en", "Office managers in the business park, they order every week. The coworking spaces matter too, but they "
           "are partners, not customers, we give them a referral fee."),
])
def test_a_group_given_another_role_than_customer_is_not_turned_away(lang: str, answer: str) -> None:
    assert not turns_a_group_away_for_good(answer)
    assert "ignores_underserved" not in read_flags(context("most_important", answer, lang, pitch=PLATFORMS[lang]))


def test_a_group_said_no_customer_with_no_other_role_still_is_turned_away() -> None:
    assert turns_a_group_away_for_good("Les étudiants, pas des clients, ils n'ont pas d'argent.")


@pytest.mark.parametrize(("lang", "answer"), [
    ("fr", "Nos clients ce sont les techniciens, ce sont eux qui utilisent l'outil tous les jours, et qui valide la "
           "facture, franchement ça ne change rien pour nous, on ne s'en occupe pas"),
    ("en", "our customers are the technicians, we see them use it every day, and who approves the invoice honestly "
           "it makes no difference to us, we dont deal with that"),
])
def test_it_makes_no_difference_is_no_claim_about_segments_over_time(lang: str, answer: str) -> None:
    assert not speaks_of_the_target_over_time(answer)
    assert "never_revisited" not in read_flags(context("buyer_user", answer, lang))


@pytest.mark.parametrize(("lang", "answer"), [
    ("fr", "Les deux côtés en même temps, sinon la plateforme est vide : les brasseurs du canton et les bars du "
           "centre-ville. Les hôtels à partir de 2027."),
    ("en", "Both sides at the same time, otherwise the platform is empty: home bakers in the east end and office "
           "managers in the business park. Schools from 2027."),
])
def test_a_platforms_two_sides_at_once_are_no_pile_of_segments(lang: str, answer: str) -> None:
    assert "too_many_segments" not in read_flags(context("priority", answer, lang, pitch=PLATFORMS[lang]))


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Well, no, honestly they are not the same. The big studios, 300 members, have a manager and a stockroom, "
           "they order every quarter with an invoice and want the same price all year. The small ones, the owner is "
           "also the coach, he buys at the last minute, pays by card, and cares more about the price. So they buy "
           "differently and need different things from us."),
    ("fr", "Bon, non, honnêtement ils ne sont pas les mêmes. Les grosses salles, 300 adhérents, ont un gérant et une "
           "réserve, elles commandent chaque trimestre sur facture et veulent le même prix toute l'année. Les petites, "
           "le patron est aussi le coach, il achète au dernier moment, paie par carte et regarde surtout le prix. "
           "Donc ils achètent différemment et n'ont pas besoin des mêmes choses."),
])
def test_members_said_to_differ_are_no_segment_assumed_homogeneous(lang: str, answer: str) -> None:
    assert "assumes_homogeneous" not in read_flags(context("characteristics", answer, lang))


@pytest.mark.parametrize(("text", "language"), [
    ("Pues no sé todavía, give me a day to think about it.", "en"),
    ("Bueno, la verdad es que the small gyms buy every month and the big ones sign a yearly contract.", "en"),
    ("La verdad es que no sé, tengo que pensarlo con mi socio.", "other"),
    ("Ich weiß es nicht, ich muss darüber nachdenken.", "other"),
])
def test_a_message_that_switches_into_english_or_french_is_read_in_it(text: str, language: str) -> None:
    """A founder who mixes Spanish into English is answered, not asked to answer in English; a message wholly in
    another language still gets that polite request."""
    reading = read_message(text, session_language="en", max_chars=4000)
    assert detect_language(text) == language
    assert (reading.kind == "other_language") is (language == "other")


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Honestly, and I know it sounds big, it is for anyone in Ghana who wants to cook healthier. The need is "
           "there at every age, in every kind of job, and I can't think of anybody who wouldn't eat better with it."),
    ("fr", "Franchement c'est pour n'importe qui au Sénégal qui veut mieux dormir. Le besoin est là à chaque âge, dans "
           "tous les métiers, et je ne vois personne à qui ça ne servirait pas."),
])
def test_every_age_every_job_and_nobody_left_out_is_too_broad(lang: str, answer: str) -> None:
    assert "too_broad" in read_flags(context("for_whom", answer, lang))


@pytest.mark.parametrize(("lang", "answer"), [
    ("fr", "- les boulangeries\n- les cantines scolaires\n- les hôtels\n- les traiteurs\n- les épiceries fines\n- les "
           "particuliers\nOn veut les lancer tous dès la rentrée, ils en ont tous besoin, y a pas à choisir."),
    ("en", "- bakeries\n- school canteens\n- hotels\n- caterers\n- delis\n- home cooks\nWe want to launch all of them "
           "from the start, they all need it, nothing to choose."),
])
def test_a_bulleted_pile_launched_at_once_with_nothing_to_choose_is_too_many(lang: str, answer: str) -> None:
    assert "too_many_segments" in read_flags(context("most_important", answer, lang))


@pytest.mark.parametrize("answer", [
    "small independent garages around Leeds, 1 to 5 mechanics, where the owner still answers the phone. so tyre "
    "shops, body shops, MOT centres, that sort of place. all of them lose calls while they're under a car",
    "Les petites entreprises du bâtiment autour de Nantes, 2 à 10 salariés, où le patron fait tous les devis. Donc "
    "des couvreurs, des plaquistes, des menuisiers, ce genre de boîtes. Ils font tous les devis le soir.",
])
def test_kinds_closed_on_that_kind_of_crew_are_examples_of_the_group_before(answer: str) -> None:
    assert len(read_group_list(answer, embed_queries).groups) == 1


def test_kinds_closed_on_a_tag_with_no_group_before_stay_groups() -> None:
    answer = "Restaurants, hotels, caterers, that kind of business. They all throw food away."
    assert len(read_group_list(answer, embed_queries).groups) == 3


@pytest.mark.parametrize(("group", "name"), [
    ("Most important are the independent bike shops in Ghent", "Independent bike shops in Ghent"),
    ("Winemakers of La Côte who deliver themselves", "Winemakers of La Côte"),
    ("Les vignerons de la Côte qui livrent eux-mêmes", "Vignerons de la Côte"),
    ("For now only the climbing gyms in Ghent that run youth teams", "Climbing gyms in Ghent"),
    ("Pour l'instant uniquement les salles d'escalade de Gand", "Salles d'escalade de Gand"),
])
def test_a_segments_name_is_its_group_past_frames_and_up_to_a_place(group: str, name: str) -> None:
    """A superlative subject before the copula, a time frame and "only" before the group are no part of the name;
    a capitalised place that ends it stays whole ("La Côte", where "côté" alone would be a hedge)."""
    assert segment_name(group) == name


@pytest.mark.parametrize("answer", [
    "Les éleveurs de chèvres du Jura, ceux qui font du fromage. C'est eux nos clients, chaque hiver ils perdent des "
    "chevreaux faute de suivi",
    "Goat farmers in the Jura who make their own cheese. Those are our customers, every winter they lose kids for "
    "lack of follow-up",
])
def test_a_habits_time_then_they_opens_a_statement_no_group(answer: str) -> None:
    assert len(read_group_list(answer, embed_queries).groups) == 1


@pytest.mark.parametrize("side", ["divers", "hikers"])
def test_each_labelled_line_of_a_two_sided_answer_names_its_group(side: str) -> None:
    answer = (f"Two sides, both needed:\n- {side}: foreign visitors (Australia, Singapore, Hong Kong, some US) who "
              "already dive at home and come to Okinawa for 7-14 days, wanting 1-3 guided days\n- guides: independent "
              "licensed dive guides in Okinawa, one-person or two-person outfits (about 40 of them), who fill their "
              "days through Instagram messages and e-mail")
    assert len(read_group_list(answer, embed_queries).groups) == 2
    assert read_group_list(answer, embed_queries).groups[0] == "foreign visitors"
