"""A group reached through another — the customer's own clients, staff or members named after it — is part of
that customer's segment on the canvas, not a segment of its own (found on the third blind set, 2026-12-02: clinics
"and their patients", pharmacies "et indirectement leurs patients", management firms "and through them the
residents"). Platforms and answers that name sides keep both. Phrasings written for these tests."""

from __future__ import annotations

import pytest

from assistant.canvas import Canvas
from assistant.text.vectors import embed_queries
from assistant.understanding.extract import fields_from_answer


def _segments(answer: str, lang: str, pitch: str = "") -> list[str]:
    canvas = Canvas(language=lang, startup=pitch)  # type: ignore[arg-type]
    return [u.segment for u in fields_from_answer("for_whom", answer, canvas, canvas.language, embed_queries)]


@pytest.mark.parametrize(("lang", "answer", "head", "kept"), [
    ("en", "Dental labs in Ohio with 5 to 20 technicians, and their dentists who wait on every crown", "dental labs",
     "dentists"),
    ("fr", "Les crèches associatives de Bretagne qui n'ont pas de logiciel. Et indirectement leurs familles, qui "
           "reçoivent les photos.", "crèches", "familles"),
    ("fr", "Les syndics indépendants qui gèrent des copropriétés de 20 à 80 lots, et par leur biais les "
           "copropriétaires", "syndics", "copropriétaires"),
    ("en", "letting agents in Leeds who manage student houses, and through them the tenants and the landlords",
     "letting agents", "tenants"),
    ("en", "regional bus companies that run school routes, and the drivers of those buses", "bus companies",
     "drivers"),
])
def test_a_group_reached_through_the_customer_joins_its_segment(lang: str, answer: str, head: str,
                                                                kept: str) -> None:
    canvas = Canvas(language=lang)  # type: ignore[arg-type]
    got = fields_from_answer("for_whom", answer, canvas, canvas.language, embed_queries)
    assert len(got) == 1 and head in got[0].segment.lower(), got
    assert kept in got[0].who.lower(), got  # the users stay in the segment's description


@pytest.mark.parametrize(("lang", "answer", "pitch"), [
    # a platform's two sides are two segments, however the second is introduced
    ("en", "independent restaurants in Lyon, and their delivery riders",
     "A marketplace that connects restaurants with delivery riders"),
    ("fr", "Les cliniques vétérinaires de 3 à 8 vétos. Et de l'autre côté leurs clients, les propriétaires "
           "d'animaux opérés.", ""),
])
def test_sides_of_a_platform_stay_two_segments(lang: str, answer: str, pitch: str) -> None:
    assert len(_segments(answer, lang, pitch)) == 2


@pytest.mark.parametrize(("lang", "answer"), [
    ("fr", "les restaurants, les hôtels et les traiteurs de ces quartiers"),  # "ces" points elsewhere
    ("en", "physiotherapists in Bristol, and the gyms of those neighbourhoods"),  # points to no word of theirs
])
def test_other_groups_are_not_folded(lang: str, answer: str) -> None:
    got = _segments(answer, lang)
    assert len(got) >= 2, got


def test_a_noun_phrase_split_in_two_is_reached_through_the_customer_as_a_whole() -> None:
    # "ces salles" points to the pitch's halls: both halves of "les troupes et compagnies…" are the towns' users
    canvas = Canvas(language="fr", startup="Un logiciel pour les mairies qui louent leurs salles de spectacle")
    answer = ("Les villes de 20 000 à 60 000 habitants qui gèrent les réservations de leurs salles sur papier, et les "
              "troupes et compagnies amateurs qui répètent dans ces salles.")
    got = fields_from_answer("for_whom", answer, canvas, canvas.language, embed_queries)
    assert len(got) == 1 and "villes" in got[0].segment.lower(), got
