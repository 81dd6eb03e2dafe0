"""Canvas versions and the structural diff of two versions (pure functions)."""

from __future__ import annotations

from assistant.canvas import Canvas, Segment
from assistant.canvas.render import canvas_markdown
from assistant.canvas.versions import diff, find, load_versions, next_version, snapshot


def canvas(**segments: dict) -> Canvas:
    return Canvas(startup="Pain bio livré", segments=[Segment(name=n, **f) for n, f in segments.items()],
                  focus_segment=next(iter(segments), ""))


def test_the_first_version_then_one_per_change_of_what_the_founder_owns() -> None:
    first = canvas(Parents={"pains": ["La file d'attente"]})
    v1 = next_version([], first, at="2026-12-01T08:00:00+00:00", question_id="evidence", kind="answer")
    assert v1 is not None and v1.number == 1 and v1.changes is None
    # Usage counters, critiques, open questions or the language are not the founder's canvas: no version.
    usage = first.metadata.model_copy(update={"model_calls": 3})
    noted = first.model_copy(update={"language": "en", "metadata": usage})
    assert next_version([v1], noted, at="2026-12-01T09:00:00+00:00") is None
    changed = canvas(Parents={"pains": ["La file d'attente", "Le pain rassis"]})
    v2 = next_version([v1], changed, at="2026-12-02T08:00:00+00:00", question_id="pains", kind="answer")
    assert v2 is not None and v2.number == 2 and v2.changes is not None
    assert [(c.name, [(f.field, f.added) for f in c.fields]) for c in v2.changes.changed] == [
        ("Parents", [("pains", ["Le pain rassis"])])]
    assert load_versions([v.model_dump() for v in (v1, v2)]) == [v1, v2]
    assert find([v1, v2], 2) == v2


def test_the_diff_names_segments_added_removed_and_each_changed_field() -> None:
    old = next_version([], canvas(Parents={"who": "Parents actifs", "gains": ["15 minutes"]},
                                  Cafes={"buyer": "Le gérant"}), at="")
    assert old is not None
    new_canvas = canvas(parents={"who": "Parents actifs du centre", "gains": ["Un petit-déjeuner sain"],
                                 "validation": "validated"},
                        Ecoles={"who": "Cantines"})
    new = next_version([old], new_canvas, at="")
    assert new is not None
    d = diff(old, new)
    assert (d.before, d.after, d.added, d.removed) == (1, 2, ["Ecoles"], ["Cafes"])
    fields = {f.field: f for f in d.changed[0].fields}
    assert (fields["who"].before, fields["who"].after) == ("Parents actifs", "Parents actifs du centre")
    assert (fields["gains"].added, fields["gains"].removed) == (["Un petit-déjeuner sain"], ["15 minutes"])
    assert (fields["validation"].before, fields["validation"].after) == ("assumption", "validated")
    assert [f.field for f in d.canvas] == ["focus_segment"]  # "Parents" -> "parents"
    assert diff(new, new).empty


def test_nested_fields_are_dotted_and_the_snapshot_leaves_notes_out() -> None:
    a = canvas(Parents={})
    b = a.model_copy(deep=True)
    b.segments[0].priority.rank = 1
    va = next_version([], a, at="")
    assert va is not None
    vb = next_version([va], b, at="")
    assert vb is not None and vb.changes is not None
    assert [(f.field, f.before, f.after) for f in vb.changes.changed[0].fields] == [("priority.rank", "", "1")]
    kept = set(snapshot(a))
    assert {"startup", "segments", "focus_segment"} <= kept
    assert not kept & {"critiques", "open_questions", "metadata", "version", "language"}


def test_exports_carry_the_version_number() -> None:
    c = canvas(Parents={}).model_copy(update={"version": 2})
    assert "*Version 2*" in canvas_markdown(c)
    assert '"version": 2' in c.to_json()
    assert "Version" not in canvas_markdown(c.model_copy(update={"version": 0}))
    # A canvas stored before versions existed still loads (version 0).
    old = c.model_dump(mode="json")
    del old["version"]
    assert Canvas.model_validate(old).version == 0


def test_records_such_as_personas_are_compared_record_by_record_fact_by_fact() -> None:
    from assistant.personas.models import Persona, PersonaField
    from assistant.ui.history_view import diff_markdown, field_label

    def with_persona(moment: str, pains: list[str]) -> Canvas:
        persona = Persona(segment="Parents", moment=PersonaField(value=moment, source=moment, origin="session"),
                          pains=[PersonaField(value=p, source=p) for p in pains])
        return canvas(Parents={}).model_copy(update={"personas": [persona]})

    v1 = next_version([], with_persona("", ["La file"]), at="")
    assert v1 is not None
    v2 = next_version([v1], with_persona("Le matin à 7h", ["La file", "Le pain froid"]), at="")
    assert v2 is not None and v2.changes is not None
    changes = {f.field: f for f in v2.changes.canvas}
    assert set(changes) == {"personas[Parents].moment", "personas[Parents].pains"}
    assert (changes["personas[Parents].moment"].before, changes["personas[Parents].moment"].after) == (
        "", "Le matin à 7h")
    assert changes["personas[Parents].pains"].added == ["Le pain froid"]
    assert field_label("personas[Parents].pains", "fr") == "Persona Parents · Douleurs"
    table = diff_markdown(v1, v2, "fr")
    assert "| Canevas | Persona Parents · Douleurs | La file | La file ; **+ Le pain froid** |" in table
    assert "{" not in table  # never a JSON blob
