"""Who pays and who uses, per side, when the founder says it plainly: a noun right before a paying verb is
the buyer; a side named by a noun no lexicon holds ("deckhands") still has its own sentence; a side that
uses the product free of charge, or without paying, pays nothing."""

from __future__ import annotations

from assistant.canvas import Canvas, Segment
from assistant.text.vectors import embed_queries
from assistant.understanding.roles_by_segment import roles_by_segment


def _roles(answer: str, lang: str, *names: str) -> dict[str, tuple[str, str]]:
    canvas = Canvas(language=lang, segments=[Segment(name=n) for n in names])  # type: ignore[arg-type]
    return {u.segment: (u.buyer or "", u.user or "") for u in roles_by_segment(answer, canvas, embed_queries)}


def test_a_plain_payer_is_the_buyer_and_the_free_side_pays_nothing() -> None:
    roles = _roles("Clinics pay per booked hour. Porters use the app free, they just accept the shifts.", "en",
                   "Private clinics", "Hospital porters on zero-hours")
    assert roles["Private clinics"][0].startswith("Clinics")
    assert roles["Hospital porters on zero-hours"][0].startswith("Nobody on this side pays")
    assert roles["Hospital porters on zero-hours"][1] == "Porters"


def test_a_side_named_by_an_unknown_noun_gets_its_own_sentence() -> None:
    roles = _roles("Skippers pay 49 dollars a month and post the days. Deckhands use it free to accept days.", "en",
                   "Lobster boat skippers", "Casual crew")
    assert roles["Lobster boat skippers"][1] == "Skippers"  # not the other side's people
    assert roles["Casual crew"] == (roles["Casual crew"][0], "Deckhands")
    assert roles["Casual crew"][0].startswith("Nobody on this side pays")


def test_using_it_without_paying_is_no_payment() -> None:
    roles = _roles("Les restaurateurs paient 30 euros par mois pour publier leurs offres. Les plongeurs utilisent "
                   "l'appli sans payer pour postuler.", "fr", "Restaurants du littoral", "Travailleurs saisonniers")
    assert roles["Restaurants du littoral"][0].startswith("Les restaurateurs")
    assert roles["Travailleurs saisonniers"][0].startswith("Personne ne paie")
