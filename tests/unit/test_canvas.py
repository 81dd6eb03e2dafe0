"""The canvas model: strict, versioned, exportable, rendered in the founder's language."""

import json

import pytest
from pydantic import ValidationError

from assistant.analysis import resolvable_mistakes
from assistant.canvas import SCHEMA_VERSION, Canvas, Citation, Segment, schema_json
from assistant.canvas.render import canvas_markdown
from assistant.canvas.update import add_critique, add_open_question, apply_analysis, resolve_critiques
from assistant.coach.base import Analysis, SegmentUpdate


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError):
        Canvas.model_validate({"segments": [], "surprise": 1})
    with pytest.raises(ValidationError):
        Segment.model_validate({"name": "x", "segment_type": "everyone"})


def test_schema_is_versioned_and_exportable():
    schema = json.loads(schema_json())
    assert Canvas().schema_version == SCHEMA_VERSION
    seg = schema["$defs"]["Segment"]["properties"]
    assert {"jobs", "pains", "gains", "buyer", "user", "evidence", "assumptions", "priority"} <= set(seg)
    assert set(schema["$defs"]["Segment"]["properties"]["segment_type"]["anyOf"][0]["enum"]) == {
        "mass_market", "niche_market", "segmented", "diversified", "multi_sided"}


def test_json_round_trip_keeps_everything():
    canvas = Canvas(language="en", startup="Bread delivery",
                    segments=[Segment(name="Busy parents", jobs=["feed kids"], buyer="parent", user="kids")])
    again = Canvas.model_validate_json(canvas.to_json())
    assert again == canvas


def test_markdown_in_french_and_english():
    seg = Segment(name="Familles pressées", segment_type="niche_market", pains=["pain rassis"], buyer="parents")
    fr = canvas_markdown(Canvas(language="fr", segments=[seg]))
    en = canvas_markdown(Canvas(language="en", segments=[seg]))
    assert "Douleurs" in fr and "pain rassis" in fr and "marché de niche" in fr
    assert "Pains" in en and "niche market" in en and "Douleurs" not in en


def test_apply_analysis_appends_lists_and_creates_segments():
    canvas = Canvas()
    a = Analysis(updates=[SegmentUpdate(segment="Dentistes", jobs=["remplir l'agenda"])])
    canvas = apply_analysis(canvas, a)
    canvas = apply_analysis(canvas, Analysis(updates=[SegmentUpdate(segment="dentistes", jobs=["remplir l'agenda",
                                                                                             "facturer"])]))
    assert [s.name for s in canvas.segments] == ["Dentistes"]
    assert canvas.segments[0].jobs == ["remplir l'agenda", "facturer"]
    assert canvas.focus_segment == "Dentistes"


def test_never_more_than_three_segments():
    updates = [SegmentUpdate(segment=f"S{i}") for i in range(5)]
    canvas = apply_analysis(Canvas(), Analysis(updates=updates))
    assert len(canvas.segments) == 3


def test_replace_segments_drops_the_broad_ones():
    canvas = apply_analysis(Canvas(), Analysis(updates=[SegmentUpdate(segment="Tout le monde")]))
    canvas = apply_analysis(canvas, Analysis(updates=[SegmentUpdate(segment="Parents actifs")]),
                            replace_segments=True)
    assert [s.name for s in canvas.segments] == ["Parents actifs"]
    assert canvas.focus_segment == "Parents actifs"


def test_priority_ranks_by_value_times_fit():
    canvas = apply_analysis(Canvas(), Analysis(updates=[SegmentUpdate(segment="A"), SegmentUpdate(segment="B")]))
    canvas = apply_analysis(canvas, Analysis(updates=[
        SegmentUpdate(segment="A", priority_value=2, priority_fit=2),
        SegmentUpdate(segment="B", priority_value=4, priority_fit=5)]))
    ranks = {s.name: s.priority.rank for s in canvas.segments}
    assert ranks == {"A": 2, "B": 1}


def test_critiques_are_recorded_once_and_resolved():
    canvas = Canvas()
    for _ in range(2):
        canvas = add_critique(canvas, mistake_id="too_broad", question_id="for_whom", message="m",
                              evidence="tout le monde", sources=[], found_by=["rules"])
    assert len(canvas.critiques) == 1 and not canvas.critiques[0].resolved
    # An answer that does not repeat the mistake but brings nothing it asked for resolves nothing.
    assert not resolve_critiques(canvas, "for_whom", set(), set()).critiques[0].resolved
    canvas = resolve_critiques(canvas, "for_whom", set(), {"too_broad"})
    assert canvas.critiques[0].resolved
    canvas = add_open_question(canvas, "jobs", "Quels jobs ?")
    canvas = add_open_question(canvas, "jobs", "Quels jobs ?")
    assert len(canvas.open_questions) == 1


def test_not_validated_is_resolved_only_by_evidence_whatever_the_question():
    canvas = add_critique(Canvas(), mistake_id="not_validated", question_id="most_important", message="m",
                          evidence="je suis sûr", sources=[], found_by=["rules"])
    opinion = Analysis(updates=[SegmentUpdate(segment="Colocs", jobs=["manger"])])
    assert "not_validated" not in resolvable_mistakes(opinion)
    gathered = Analysis(updates=[SegmentUpdate(segment="Colocs", evidence=["22 entretiens"], validated=False)])
    assert "not_validated" in resolvable_mistakes(gathered)
    resolved = resolve_critiques(canvas, "evidence", set(), resolvable_mistakes(gathered))
    assert resolved.critiques[0].resolved
    assert not resolve_critiques(canvas, "evidence", set(), resolvable_mistakes(opinion)).critiques[0].resolved


def test_canvas_markdown_shows_names_never_internal_ids():
    canvas = add_critique(Canvas(language="fr", segments=[Segment(name="Colocs", draft=True)]),
                          mistake_id="too_broad", question_id="for_whom", title="Segment trop large",
                          message="Trop large.", evidence="tout le monde",
                          sources=[Citation(chunk_id="prioriser-ses-segments#pas-tout-le-monde",
                                            document="Prioriser ses segments", section="Pas tout le monde")],
                          found_by=["rules"])
    canvas = add_open_question(canvas, "for_whom", "Quel groupe précis ?")
    md = canvas_markdown(canvas)
    for internal in ("too_broad", "for_whom", "prioriser-ses-segments#", "`"):
        assert internal not in md
    assert "**Segment trop large**" in md and "Prioriser ses segments — Pas tout le monde" in md
    assert "### Colocs (brouillon" in md
