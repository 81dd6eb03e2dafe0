"""Personas hold only what the founder said: drafted from a segment, every field with its source, empty
fields left empty (and asked for), corrections in words, untraceable fields dropped. FR and EN."""

from __future__ import annotations

from assistant.canvas import Canvas, Segment
from assistant.canvas.render import canvas_markdown
from assistant.personas.builder import correct_persona, correction_fields, draft_persona, keep_founder_edits
from assistant.personas.faithful import FounderText, keep_traced, unsupported_fields
from assistant.personas.models import Persona, PersonaField
from assistant.personas.render import persona_card, persona_markdown

FR_ANSWERS = {
    "for_whom": "Les gérantes de boutiques de vêtements indépendantes à Lyon",
    "characteristics": "Elles ouvrent à 10h, font la compta le dimanche soir et commandent chez 5 fournisseurs.",
    "jobs": "Tenir le stock à jour; préparer les commandes fournisseurs",
    "pains": "Les ruptures de stock le samedi leur font perdre des ventes. Les tableurs Excel se trompent.",
    "gains": "Savoir le lundi matin quoi recommander",
}
FR_SEGMENT = Segment(
    name="Gérantes de boutiques", who="Les gérantes de boutiques de vêtements indépendantes à Lyon",
    characteristics=["commandent chez 5 fournisseurs"], behaviours=["font la compta le dimanche soir"],
    jobs=["Tenir le stock à jour", "préparer les commandes fournisseurs"],
    pains=["Les ruptures de stock le samedi", "Les tableurs Excel se trompent"],
    gains=["Savoir le lundi matin quoi recommander"], buyer="La gérante", user="La gérante",
)


def test_a_french_persona_is_made_of_the_founders_words_only() -> None:
    persona = draft_persona(FR_SEGMENT, FR_ANSWERS, "fr")
    founder = FounderText(list(FR_ANSWERS.values()) + ["La gérante"])
    assert persona.segment == "Gérantes de boutiques"
    assert persona.role.value == FR_SEGMENT.who and persona.role.source == FR_SEGMENT.who
    assert persona.moment.value == "font la compta le dimanche soir"  # a moment the founder described
    assert persona.quote.value == "Les ruptures de stock le samedi leur font perdre des ventes."
    assert [f.value for f in persona.pains] == FR_SEGMENT.pains
    # Never said: left empty, for the coach to ask.
    assert persona.name.empty and persona.channels.empty
    assert persona.empty_fields()[:2] == ["channels", "name"]
    assert all(f.assumed and f.origin == "session" for _, f in persona.filled())
    assert unsupported_fields(persona, founder) == []


def test_an_invented_field_is_dropped_and_numbers_must_match() -> None:
    founder = FounderText(list(FR_ANSWERS.values()))
    invented = draft_persona(FR_SEGMENT, FR_ANSWERS, "fr").model_copy(update={
        "name": PersonaField(value="Sophie", source="Sophie", origin="session"),
        "context": PersonaField(value="commandent chez 7 fournisseurs", source="commandent chez 7 fournisseurs",
                                origin="session"),
    })
    assert sorted(unsupported_fields(invented, founder)) == ["context", "name"]
    kept, dropped = keep_traced(invented, founder)
    assert sorted(dropped) == ["context", "name"] and kept.name.empty and kept.context.empty
    assert unsupported_fields(kept, founder) == []


def test_corrections_in_words_replace_or_complete_the_field_they_speak_of() -> None:
    persona = draft_persona(FR_SEGMENT, FR_ANSWERS, "fr")
    corrected, fields = correct_persona(persona, "non, elle a plutôt 45 ans et gère trois boutiques", "fr")
    assert fields == ["context"]
    assert corrected.context.value == "elle a plutôt 45 ans et gère trois boutiques"
    assert corrected.context.origin == "correction"
    reached, fields = correct_persona(corrected, "On les trouve sur les salons du prêt-à-porter et sur Instagram", "fr")
    assert fields == ["channels"] and "Instagram" in reached.channels.value
    named, _ = correct_persona(reached, "Elle s'appelle Nadia", "fr")
    assert named.name.value == "Nadia"
    # A redraft from the canvas keeps what the founder corrected.
    redrafted = keep_founder_edits(draft_persona(FR_SEGMENT, FR_ANSWERS, "fr"), named)
    assert redrafted.context.value.startswith("elle a plutôt 45 ans") and redrafted.name.value == "Nadia"


def test_the_field_the_coach_asked_for_is_filled_by_the_answer() -> None:
    persona = draft_persona(FR_SEGMENT, FR_ANSWERS, "fr")
    answered, fields = correct_persona(persona, "Dans le groupement des commerçants du centre", "fr", "channels")
    assert fields == ["channels"] and answered.channels.value == "Dans le groupement des commerçants du centre"


def test_english_persona_corrections_and_markdown() -> None:
    seg = Segment(name="Dental practices", who="Independent dental practices with 2 to 5 dentists",
                  behaviours=["Answer the phone between patients every morning"], pains=["No-shows cost revenue"],
                  buyer="The dentist-owner", user="The receptionist")
    persona = draft_persona(seg, {"pains": "No-shows cost them revenue every week."}, "en")
    assert persona.moment.value == "Answer the phone between patients every morning"
    assert correction_fields("Actually, you reach them through the regional dental association", "en") == ["channels"]
    fixed, _ = correct_persona(persona, "Actually, she is more like 45 and runs two practices", "en")
    text = persona_markdown(fixed, "en")
    assert "### Persona — Dental practices" in text
    assert "“she is more like 45 and runs two practices” (added by you)" in text
    assert "- **Where to reach them**: *to fill in*" in text
    assert "(assumption)" in text


def test_the_canvas_export_carries_personas_and_old_canvases_load() -> None:
    old = Canvas.model_validate({"language": "fr", "segments": [FR_SEGMENT.model_dump()]})  # no personas key
    assert old.personas == []
    canvas = old.model_copy(update={"personas": [draft_persona(FR_SEGMENT, FR_ANSWERS, "fr")]})
    again = Canvas.model_validate_json(canvas.to_json())
    assert again.personas[0].role.source == FR_SEGMENT.who
    md = canvas_markdown(again)
    assert "## Personas" in md and "### Persona — Gérantes de boutiques" in md
    assert "- **Où les joindre** : *à préciser*" in md


def test_the_card_in_the_conversation_shows_what_the_persona_adds_to_the_canvas() -> None:
    persona = draft_persona(FR_SEGMENT, FR_ANSWERS, "fr")
    corrected, _ = correct_persona(persona, "non, elle a plutôt 45 ans et gère trois boutiques", "fr")
    card = persona_card(corrected, "fr")
    assert card.startswith("**Persona — Gérantes de boutiques**")
    assert "« font la compta le dimanche soir » (hypothèse)" in card  # a moment
    assert "« elle a plutôt 45 ans et gère trois boutiques » (précisé par vous)" in card  # a correction
    assert "Tenir le stock à jour" not in card  # already in the canvas
    assert card.endswith("- *à préciser* : Prénom, Où les joindre")


def test_a_persona_field_from_interviews_is_not_assumed() -> None:
    backed = Persona(segment="x", pains=[PersonaField(value="a", source="a", origin="interview", assumed=False)])
    assert "(confirmé en entretien)" in persona_markdown(backed, "fr")


def test_each_segment_is_quoted_from_its_own_part_of_a_shared_answer() -> None:
    answers = {"pains": "Shippers: no-shows at pickup, price swings of 20% week to week. "
                        "Carriers: empty miles home, payment terms of 60 days."}
    shippers = Segment(name="Shippers", who="Shippers",
                       pains=["no-shows at pickup", "price swings of 20% week to week"])
    carriers = Segment(name="Carriers", who="Carriers", pains=["empty miles home", "payment terms of 60 days"])
    unquoted = Segment(name="Brokers", who="Brokers", pains=["nobody answers the phone"])
    assert draft_persona(shippers, answers, "en").quote.value.startswith("Shippers:")
    assert draft_persona(carriers, answers, "en").quote.value.startswith("Carriers:")
    assert draft_persona(unquoted, answers, "en").quote.empty  # never another segment's words


def test_a_sentence_that_holds_another_segments_pains_is_not_quoted_for_this_one() -> None:
    answers = {"pains": "vans booked two weeks out, invoices lost in the glovebox, and drivers who quit after a month"}
    fleets = Segment(name="Delivery fleets", who="Delivery fleets", pains=[
        "vans booked two weeks out", "invoices lost in the glovebox", "drivers who quit after a month"])
    garages = Segment(name="Garages", who="Garages", pains=["drivers who quit after a month"])
    assert not draft_persona(garages, answers, "en", others=[fleets]).quote.value.startswith("vans booked")
    assert draft_persona(fleets, answers, "en", others=[garages]).quote.value.startswith("vans booked")
