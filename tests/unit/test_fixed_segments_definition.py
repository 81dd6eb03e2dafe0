"""A fixed segmentation (never_revisited) is a claim about time: a pitch that only says what the startup does
is never flagged, whatever the head guesses; a pitch that says the target was set for good still is.
Phrasings written for these tests, in no scenario or corpus file."""

from __future__ import annotations

import pytest

from tests.contexts import context, read_flags


def _flags(answer: str, lang: str) -> set[str]:
    return read_flags(context("intake", answer, lang))


@pytest.mark.parametrize(("lang", "pitch"), [
    # without the definition, the head flagged the first two (measured when this test was written)
    ("en", "we swap diesel forklifts for electric ones in small warehouses, leased monthly with charging included. "
           "quieter, no fumes"),
    ("en", "an app where hikers record trails with gps and share photos, premium is 5 a month, and we sell "
           "anonymised trail usage to national parks"),
    ("en", "We bring a mobile sauna to your garden for the weekend, 250 euros delivered and set up"),
    ("fr", "je passe chez les gens avec mon camion atelier pour affuter couteaux et outils de jardin, 5e la lame"),
    ("fr", "On remplace les groupes electrogenes des marches de noel par des batteries louees a la semaine, plus "
           "de bruit ni de fumee"),
    ("en", "we rent out electric cargo bikes to bakeries for their morning deliveries, 90 dollars a week with "
           "insurance and a spare battery, no more van parking tickets"),
    ("en", "An app where climbers log their routes and compare grades with friends, plus a paid dashboard for "
           "gym owners to plan their route setting."),
    ("fr", "on installe des casiers connectes dans les halls d'immeuble : les livreurs deposent les colis, les "
           "habitants les recuperent avec un code, 4e par mois et par logement"),
    ("fr", "Une appli ou les particuliers louent leur place de parking aux pendulaires du quartier, on prend 15% "
           "sur chaque location."),
    # a word of change that names the service sold; the head flagged the first (p 0.45 when this was written)
    ("fr", "on fait la vidange et le changement de plaquettes à domicile, 89e la révision, en 45 min c'est fini"),
    ("en", "an app that reviews your lease before you sign it. 15 euros per review, results in an hour"),
])
def test_a_pitch_with_no_word_of_time_or_change_is_not_a_fixed_segmentation(lang: str, pitch: str) -> None:
    assert "never_revisited" not in _flags(pitch, lang)


@pytest.mark.parametrize(("lang", "pitch"), [
    ("en", "we make booking software for independent piano teachers. that's been our segment since day one and "
           "it's set in stone, we won't revisit it"),
    ("fr", "on fait un logiciel de caisse pour les fromageries independantes, la cible est fixee une fois pour "
           "toutes et on ne la changera pas"),
])
def test_a_pitch_that_says_the_target_is_set_for_good_still_is(lang: str, pitch: str) -> None:
    assert "never_revisited" in _flags(pitch, lang)
