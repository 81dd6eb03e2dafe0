"""A platform told by how the founder earns or how the sides meet, without the word "marketplace": a take rate
on each exchange, suppliers quoting for one request, two groups named as the two sides of one sentence, a job
board. And words that look like these signals but are not: a fee per user, one quote, "entrer", a noun read as
a verb ("kids books")."""

from __future__ import annotations

import pytest

from assistant.understanding.platform import is_platform, platform_sides


@pytest.mark.parametrize("pitch", [
    # a take rate on each exchange between two other parties
    "An app where dog owners book a trainer for a home session. We keep 12% of every session.",
    "Salut, on fait un site pour louer des salles de répèt entre musiciens, on prend 8 % sur chaque location.",
    "les particuliers reservent un cours de surf, on touche 10% de chaque cours, le reste va au moniteur",
    "we take a cut on rides, the drivers get the rest",
    # several suppliers answering one request
    "Tu décris ton déménagement et tu reçois trois devis de déménageurs du coin sous 48 h.",
    "homeowners describe the job and get three quotes from vetted electricians the same day",
    # both sides named in one sentence
    "Warehouse pickers on one side, logistics companies on the other, paid per shift.",
    "D'un côté les cuisiniers à domicile, de l'autre les familles qui reçoivent le samedi soir.",
    # a job board
    "a job board for line cooks in Austin, restaurants pay to post",
])
def test_a_platform_is_read_from_how_it_earns_or_how_its_sides_meet(pitch: str) -> None:
    assert is_platform(pitch)


@pytest.mark.parametrize("pitch", [
    # a fee per user, or the founder's own sale: no exchange between two other parties
    "A scheduling tool for dance schools, we charge 3 dollars per student each month.",
    "Un logiciel de devis pour les plombiers : le plombier fait son devis en 5 minutes sur le chantier.",
    "the client gets the quote before the truck leaves, our software does the maths",
    # "entrer" is no "entre" (between)
    "On accompagne les personnes âgées qui quittent leur maison pour entrer en EHPAD ou en résidence senior.",
    # an argument weighed on one side and the other, no groups
    "On one side it is cheaper, on the other it takes longer to set up.",
    # "kids books" is a noun, no booking by kids
    "a reading app for adults: instead of kids books it uses a bus schedule and a pay stub",
])
def test_look_alike_signals_make_no_platform(pitch: str) -> None:
    assert not is_platform(pitch)


def test_a_take_rate_makes_the_sides_those_the_exchange_names() -> None:
    pitch = "makers list their candles, people find a gift for a friend, we take 5% on each sale plus 10p per listing"
    assert is_platform(pitch)
    assert set(platform_sides(pitch)) == {"makers", "people"}
