"""The canvas history and the side-by-side diff the room shows, FR and EN, with founder text escaped."""

from __future__ import annotations

from assistant.canvas import Canvas, Segment
from assistant.canvas.versions import CanvasVersion, next_version
from assistant.prompts import Prompts
from assistant.ui.history_view import cell, compare_pairs, diff_markdown, history_markdown
from assistant.ui.safety import safe_markdown

HOSTILE = "Parents | <img src=x onerror=alert(1)> *gras* [x](javascript:alert(1))"


def versions() -> list[CanvasVersion]:
    c1 = Canvas(startup="Pain bio", segments=[Segment(name="Parents", pains=["La file d'attente"])])
    c2 = c1.model_copy(deep=True)
    c2.segments[0].pains.append(HOSTILE)
    c2.segments[0].who = "Parents\nqui partent tôt"
    c3 = c2.model_copy(deep=True)
    c3.segments.append(Segment(name="Écoles", who="Cantines"))
    out: list[CanvasVersion] = []
    for c, at, qid in ((c1, "2026-12-01T08:00:00+00:00", "evidence"), (c2, "2026-12-02T09:30:00+00:00", "pains"),
                       (c3, "2026-12-03T10:00:00+00:00", "for_whom")):
        v = next_version(out, c, at=at, question_id=qid, kind="answer")
        assert v is not None
        out.append(v)
    return out


def table_rows(markdown: str) -> list[list[str]]:
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in rows[2:]]


def test_fr_history_lists_every_version_with_its_date_question_and_changes() -> None:
    text = history_markdown(versions(), "fr", Prompts())
    assert text.startswith("**Historique du canevas**")
    assert table_rows(text) == [
        ["1", "2026-12-01 08:00 UTC", "—", "Première synthèse"],
        ["2", "2026-12-02 09:30 UTC", "leurs douleurs", "Parents : Qui, Douleurs"],
        ["3", "2026-12-03 10:00 UTC", "pour qui", "nouveau segment Écoles"],
    ]
    assert history_markdown([], "fr", Prompts()).startswith("Le canevas n'a pas encore de version")


def test_en_side_by_side_diff_marks_items_added_and_keeps_founder_text_inert() -> None:
    v1, v2, v3 = versions()
    text = safe_markdown(diff_markdown(v1, v2, "en"))
    assert text.startswith("**Version 1 → version 2**")
    assert "| Segment | Field | v1 | v2 |" in text
    rows = [line for line in text.splitlines() if line.startswith("| Parents")]
    assert rows[0].startswith("| Parents | Who | — | Parents qui partent tôt |")  # one line, whatever was typed
    pains = rows[1]
    assert "La file d'attente" in pains and "**+ Parents \\| &lt;img" in pains
    # Founder text: the pipe cannot open a new cell, the tag is text, the link is not a link, the stars stay stars.
    assert "<img" not in text and "\\*gras\\*" in text and "&#91;x&#93;(javascript" in text
    assert len(pains.split(" | ")) == 4
    both = diff_markdown(v1, v3, "en")
    assert "| Écoles | new segment | — | Écoles — Cantines |" in both
    assert diff_markdown(v2, v2, "en").endswith("No difference between these two versions.")


def test_other_comparisons_and_cells() -> None:
    assert compare_pairs(versions()) == [(1, 3)]
    assert compare_pairs(versions()[:2]) == []
    assert cell("") == "—" and cell("a|b\nc") == "a\\|b c" and cell("x" * 400).endswith("…")


def test_export_files_carry_the_version() -> None:
    from assistant.ui.canvas_view import export_props

    names = [f["name"] for f in export_props(Canvas(language="fr", version=2), "fr")["files"]]
    assert names == ["canevas-segments-v2.md", "canevas-segments-v2.json"]
    assert [f["name"] for f in export_props(Canvas(language="en"), "en")["files"]] == [
        "customer-segments.md", "customer-segments.json"]
