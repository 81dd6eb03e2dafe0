"""Kinds of misreading found on the seventh blind set, each phrased anew: a payer waved away with an adverb
inside ("doesn't really matter"), buyer and user said to be one person where a role word stands beside the
pronoun, a platform whose sides the pitch names apart from its "marketplace" sentence, kinds listed then said
not to matter, a place clause read as a group, a wandering answer brought back by "to answer", a role inside a
customer counted as a second group, a head's guess overruled by what the answer says."""

from __future__ import annotations

import pytest

from assistant.text.vectors import embed_queries
from assistant.understanding.base import DetectionContext
from assistant.understanding.group_reader import read_group_list
from assistant.understanding.platform import platform_sides
from assistant.understanding.reader import read_mistakes
from tests.contexts import context, rule_flags


def _read(ctx: DetectionContext) -> set[str]:
    return {d.mistake_id for d in read_mistakes(ctx, embed_queries)}


@pytest.mark.parametrize(("answer", "language"), [
    ("The warehouse pickers use it all day. Honestly, who pays the invoice doesn't really matter to us.", "en"),
    ("Les magasiniers s'en servent toute la journée ; qui règle la facture, ce n'est pas vraiment important.", "fr"),
])
def test_a_payer_waved_away_with_an_adverb_inside_is_a_buyer_user_confusion(answer: str, language: str) -> None:
    pitch = ("A scanning app for warehouse pickers, sold to logistics firms per site." if language == "en" else
             "Une appli de scan pour les magasiniers, vendue aux entreprises de logistique par site.")
    ctx = context("buyer_user", answer, language, pitch)
    assert "buyer_user_confusion" in rule_flags(ctx) and "buyer_user_confusion" in _read(ctx)


def test_one_person_named_by_a_pronoun_and_a_role_word_is_not_two_roles() -> None:
    pitch = ("Un bracelet d'alerte pour les personnes âgées qui vivent seules ; si elles tombent, l'enfant qui "
             "s'occupe de son parent reçoit un SMS. Abonnement à 20 € par mois.")
    answer = ("C'est la même personne : c'est la personne âgée qui utilise le bracelet, c'est elle notre cliente, "
              "c'est elle qui paie.")
    most = "Les familles qui sortent d'une chute. La fille de M. Roux a pris l'abonnement avec sa carte bleue."
    assert "buyer_user_confusion" in rule_flags(context("buyer_user", answer, "fr", pitch, most_important=most))


def test_a_platform_pitch_names_its_sides_apart_from_the_marketplace_sentence() -> None:
    pitch = ("The boat owner posts the weekends he can't use, and skippers nearby pick them up. "
             "Owner pays through the app, we keep 10%. A small marketplace for boat sitting, basically.")
    assert platform_sides(pitch, read_on=True) == ["owner", "skippers"]
    answer = "Boat owners. Retired couples on the south coast with a yacht they barely use, that's who it's for."
    assert "one_sided_platform" in rule_flags(context("for_whom", answer, "en", pitch))


def test_a_role_inside_the_customer_is_no_second_side() -> None:
    pitch = ("Une plateforme de revente : les garages mettent en ligne les pièces en trop et ça part chez "
             "quelqu'un qui en a besoin. On prend 10 % sur chaque vente.")
    answer = ("Les garages indépendants de 5 à 20 salariés en Bretagne qui jettent des pièces neuves. "
              "Le chef d'atelier n'a pas le temps de les revendre. Ce sont eux, nos clients.")
    assert "one_sided_platform" in rule_flags(context("for_whom", answer, "fr", pitch))


@pytest.mark.parametrize(("answer", "language"), [
    ("Bakeries, butchers, florists, cheese shops, it doesn't matter. Any shop with a counter.", "en"),
    ("Les boulangeries, les fleuristes, les cavistes, les primeurs, peu importe.", "fr"),
])
def test_kinds_listed_then_said_not_to_matter_are_too_broad_and_no_segments(answer: str, language: str) -> None:
    pitch = "A card terminal rental for shops." if language == "en" else "Location de terminaux de paiement."
    ctx = context("for_whom", answer, language, pitch)
    assert "too_broad" in rule_flags(ctx) and "too_broad" in _read(ctx)
    assert not any(kind in g.lower() for g in read_group_list(answer, embed_queries).groups
                   for kind in ("florist", "fleuriste", "caviste", "cheese"))


def test_two_kinds_and_a_choice_are_no_sweep() -> None:
    ctx = context("for_whom", "Bakeries or butchers, it doesn't matter much to me which comes first.", "en")
    assert "too_broad" not in rule_flags(ctx)


@pytest.mark.parametrize(("fragment", "place"), [
    ("là où un collégien attend seul au bord de la route", True),
    ("where a seventh-grader waits alone by the road", True),
    ("les collégiens qui attendent seuls", False),
    ("wherever the signal drops", True),
])
def test_a_fragment_opening_on_a_place_names_no_group(fragment: str, place: bool) -> None:
    from assistant.understanding.group_openings import names_a_place

    assert names_a_place(fragment) is place


@pytest.mark.parametrize(("answer", "kept", "background"), [
    ("OK, background first because it matters. For every big wedding there are fifty small parties a month: "
     "birthday dinners for law firms, baby showers, team lunches for a bank branch, that kind of thing. Anyway. "
     "Who it's for: the small caterers in Leeds with 2 to 6 staff and no sales person.", "caterers", "dinners"),
    ("Alors, pour vous situer : les grands comptes le font déjà avec leur prestataire de titres-restaurant, qui a "
     "ajouté une option dans son appli. Et moi je viens au bureau à pied, mon employeur me remboursait rien. Bref. "
     "Pour répondre : les cabinets d'avocats de 10 à 50 salariés à Bordeaux où les associés veulent un outil "
     "simple.", "cabinets", "comptes"),
])
def test_groups_of_a_detour_before_the_answer_are_background(answer: str, kept: str, background: str) -> None:
    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 1 and kept in groups[0], groups
    assert not any(background in g for g in groups)


def test_an_answer_without_a_detour_keeps_every_group() -> None:
    answer = "Independent bike shops, and the repair cafés too. Bref, both of them."
    assert len(read_group_list(answer, embed_queries).groups) == 2


def test_a_group_kept_for_later_with_a_plan_is_not_turned_away_for_good() -> None:
    from assistant.understanding.mistakes.aside import turns_a_group_away_for_good

    assert not turns_a_group_away_for_good(
        "Small rural libraries can't afford it on their own, we'll come back to them later with a shared plan.")
    assert turns_a_group_away_for_good("Small rural libraries? Forget them, not worth it.")


def test_a_markdown_table_is_read_as_a_list_of_groups() -> None:
    from assistant.text.lists import untable

    answer = ("They all count, here is the split:\n\n| group | share | revenue |\n|---|---|---|\n"
              "| dog groomers with a van | 61% | $310 |\n| cat boarding catteries | 27% | $190 |\n\n"
              "We go after both this year.")
    assert len(untable(answer)) == len(answer) and "|" not in untable(answer)
    groups = read_group_list(answer, embed_queries).groups
    assert [g.split(",")[0] for g in groups] == ["dog groomers with a van", "cat boarding catteries"], groups


@pytest.mark.parametrize(("answer", "language"), [
    ("ceux dont l'installateur a fait faillite bon ceux-là non on n'y touche pas c'est pas pour nous", "fr"),
    ("The ones whose installer went bust, nobody wants them. Not for us, honestly.", "en"),
])
def test_a_group_nobody_serves_dismissed_is_ignored_underserved(answer: str, language: str) -> None:
    assert "ignores_underserved" in rule_flags(context("most_important", answer, language))


@pytest.mark.parametrize(("answer", "for_good"), [
    ("Federal agencies have their own portal and a tender we can't get into yet.", False),
    ("Les particuliers, on n'y va pas pour l'instant.", False),
    ("Les particuliers, on n'y va pas, ça ne vaut rien.", True),
])
def test_a_refusal_ending_on_a_time_to_come_keeps_the_group_for_later(answer: str, for_good: bool) -> None:
    from assistant.understanding.mistakes.aside import turns_a_group_away_for_good

    assert turns_a_group_away_for_good(answer) is for_good
