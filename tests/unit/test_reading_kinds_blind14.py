"""Kinds the fourteenth blind set showed, each phrased anew here (none of these sentences is in
`evals/scenarios-blind14/`): people told by who they resemble ("people like me") are a narrowed target; a share
of the exchange paid to the startup ("owners pay us 10% of the rent") makes a platform; one person of today's
workaround ("the neighbour lends it when he feels like it") is no side named as a customer; a group's own negation
("they don't pay us") and an oversight admitted ("I skipped half of it") turn no group away; kinds closed by
everyone are one broad target; members said alike in other words; paying said with an image; a group told through
the customer (a relative clause pointing back, "themselves", "on the user side", "dedans") is part of its segment."""

from __future__ import annotations

import pytest

from assistant.analysis import SegmentUpdate
from assistant.canvas import Canvas
from assistant.text.vectors import embed_queries
from assistant.understanding.extract import fields_from_answer
from assistant.understanding.mistakes.aside import sets_a_group_aside
from assistant.understanding.platform import is_platform
from tests.contexts import context, read_flags, rule_flags


@pytest.mark.parametrize(("answer", "lang"), [
    ("Cyclists who commute all winter in Tromsø and hate fixing a flat in the dark. Honestly it's for people "
     "like me.", "en"),
    ("Des parents qui font l'école à la maison et qui manquent de matériel de sciences, bref des gens comme "
     "nous.", "fr"),
])
def test_people_told_by_who_they_resemble_are_no_broad_target(answer: str, lang: str) -> None:
    assert "too_broad" not in rule_flags(context("for_whom", answer, lang))


@pytest.mark.parametrize(("answer", "lang"), [
    ("People, basically. Anyone could use it.", "en"),
    ("Les gens en général, tout le monde peut en avoir besoin.", "fr"),
])
def test_people_in_general_stay_a_broad_target(answer: str, lang: str) -> None:
    assert "too_broad" in rule_flags(context("for_whom", answer, lang))


@pytest.mark.parametrize(("text", "platform"), [
    ("Landlords pay us 8% of the rent and students pay nothing.", True),
    ("Les chauffeurs nous reversent 12 % de la course, le client ne paie que le trajet.", True),
    ("Les propriétaires de box nous versent 15 % du loyer.", True),
    ("Shops pay us 1% of sales processed through the terminal.", False),
    ("Les commerces nous paient 1 % des ventes encaissées.", False),
])
def test_a_share_of_the_exchange_paid_to_the_startup_makes_a_platform(text: str, platform: bool) -> None:
    assert is_platform(text) is platform


@pytest.mark.parametrize(("pitch", "answer", "lang"), [
    ("We connect mobile mechanics with garage owners who have a lift free in the afternoon; we keep 10% of each "
     "booking.",
     "Mobile mechanics who work out of a van and have no lift, so they lie on cardboard or wait until the "
     "neighbour lends his garage, and the neighbour lends it when he feels like it.", "en"),
    ("Les agriculteurs qui ont une chambre froide louent leurs palettes libres aux petits producteurs ; on garde "
     "8 % de chaque location.",
     "Les petits producteurs de fraises qui n'ont pas de froid : ils stockent chez un cousin ou attendent que le "
     "voisin veuille bien leur faire une place, et le voisin dépanne quand il peut.", "fr"),
])
def test_one_person_of_todays_workaround_is_no_side_named(pitch: str, answer: str, lang: str) -> None:
    assert "one_sided_platform" in rule_flags(context("for_whom", answer, lang, pitch=pitch))


@pytest.mark.parametrize(("sentence", "aside"), [
    ("They don't pay us a penny, but we need them on board as much as the owners.", False),
    ("Ils nous paient rien, mais il faut les convaincre autant que les propriétaires.", False),
    ("Right, I skipped half of it.", False),
    ("And the tenants, well they won't pay us a fee, but we court them all the same.", False),
    ("Retirees, we won't build for them.", True),
    ("Les retraités, on va pas y aller.", True),
])
def test_a_groups_own_negation_or_an_admitted_slip_turns_no_group_away(sentence: str, aside: bool) -> None:
    assert sets_a_group_aside(sentence) is aside


@pytest.mark.parametrize(("answer", "lang"), [
    ("Any shop owner in Accra short of stock money, honestly. Tailor, phone repair man, chop bar, pharmacy, "
     "everyone who sells something.", "en"),
    ("Tous les indépendants de la région qui ont des factures en retard. Plombier, coiffeuse, taxi, épicier, tout "
     "le monde qui attend d'être payé.", "fr"),
])
def test_kinds_closed_by_a_catch_all_are_one_broad_target_not_many_segments(answer: str, lang: str) -> None:
    flags = read_flags(context("for_whom", answer, lang))
    assert "too_broad" in flags and "too_many_segments" not in flags


def test_roles_of_one_customer_closed_by_everyone_there_are_no_broad_target() -> None:
    answer = ("Independent restaurants in Leeds with 10 to 30 covers: the cooks, the waiters, the manager, everyone "
              "in the kitchen uses the rota.")
    assert "too_broad" not in read_flags(context("for_whom", answer, "en"))


@pytest.mark.parametrize(("answer", "lang"), [
    ("Late payment, chasing the office, the bank saying no. Honestly they all feel it, one product for all of "
     "them, no need to break it down by trade.", "en"),
    ("Un cabinet dentaire, c'est un cabinet dentaire : mêmes fournisseurs, mêmes soucis. Pas besoin de faire des "
     "catégories.", "fr"),
    ("Public, privé, associatif, c'est kif-kif : même manque de bras partout.", "fr"),
])
def test_members_said_alike_in_other_words_assume_a_homogeneous_segment(answer: str, lang: str) -> None:
    assert "assumes_homogeneous" in rule_flags(context("pains", answer, lang))


@pytest.mark.parametrize(("pitch", "answer", "lang"), [
    ("Video tutoring for pupils in rural schools; the school pays a yearly licence per pupil.",
     "Our customers are the parents. They're the ones who foot the bill, and the kids use it at home.", "en"),
    ("Des visites virtuelles de musées pour les résidents d'EHPAD ; l'établissement paie un abonnement mensuel.",
     "Nos clients, ce sont les enfants des résidents. C'est eux qui mettent la main à la poche.", "fr"),
])
def test_paying_said_with_an_image_against_the_pitchs_payer_is_a_confusion(pitch: str, answer: str,
                                                                           lang: str) -> None:
    assert "buyer_user_confusion" in rule_flags(context("buyer_user", answer, lang, pitch=pitch))


def _segments(answer: str, lang: str, pitch: str = "") -> list[SegmentUpdate]:
    canvas = Canvas(language=lang, startup=pitch)  # type: ignore[arg-type]
    return fields_from_answer("for_whom", answer, canvas, canvas.language, embed_queries)


@pytest.mark.parametrize(("lang", "answer", "head", "kept"), [
    # a relative clause whose object points back to the customer
    ("en", "Trainee plumbers in the Highlands who sit their SVQ this year, and the small firms that employ them and "
           "lose a man for a week of college", "plumbers", "firms"),
    ("fr", "Les saisonniers du ski en Tarentaise logés loin des stations, et les loueurs qui les embauchent chaque "
           "hiver", "saisonniers", "loueurs"),
    # the customer's people, named again with an intensive pronoun
    ("fr", "Les cliniques privées de Dakar qui recrutent des infirmières à l'étranger, et les infirmières "
           "elles-mêmes à leur arrivée", "cliniques", "infirmières"),
    ("en", "Shipping agencies in Piraeus that crew their boats from Manila, and the seafarers themselves when they "
           "land", "shipping agencies", "seafarers"),
    # its users, introduced as such or as the people inside it
    ("en", "District councils that run adult day centres. And on the user side the carers on shift and the "
           "families", "councils", "carers"),
    ("fr", "Les internats de lycées agricoles du Limousin. Et dedans, les élèves de seconde qui rentrent une fois "
           "par mois", "internats", "élèves"),
])
def test_a_group_told_through_the_customer_is_part_of_its_segment(lang: str, answer: str, head: str,
                                                                  kept: str) -> None:
    got = _segments(answer, lang)
    assert len(got) == 1 and head in got[0].segment.lower(), got
    assert kept in got[0].who.lower(), got


@pytest.mark.parametrize(("lang", "answer"), [
    ("fr", "Les épiceries fines de Lyon, et les traiteurs qui font les marchés le dimanche"),  # "les" is an article
    ("en", "Yoga studios in Porto, and the physios who treat runners after a marathon"),
])
def test_a_second_customer_with_its_own_clause_stays_a_segment(lang: str, answer: str) -> None:
    assert len(_segments(answer, lang)) == 2
