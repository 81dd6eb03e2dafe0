"""Markdown rendering of the canvas, in the canvas's language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from assistant.domain import Language
from assistant.personas.render import personas_markdown
from assistant.text.labels import ByLanguage
from assistant.text.typography import colon

if TYPE_CHECKING:
    from assistant.canvas import Canvas, Segment

# The canvas's labels and segment type names by language, read from `<lang>/labels.yaml` on first use.
LABELS: Mapping[str, Mapping[str, str]] = ByLanguage("canvas")
TYPE_NAMES: Mapping[str, Mapping[str, str]] = ByLanguage("canvas_types")

SHORT_WORDS = 2  # a recap repeats a buyer or user this short rather than point to an earlier segment
LIST_FIELDS = ("characteristics", "needs", "behaviours", "jobs", "pains", "gains", "evidence", "assumptions")


def _segment_md(seg: Segment, lang: Language, explained: set[str] | None = None,
                earlier: list[Segment] | None = None) -> list[str]:
    """One segment's block; a type rationale already shown for an earlier segment is not repeated. With
    `earlier` (a recap), a field equal to an earlier segment's says so instead of repeating it."""
    lab = LABELS[lang]

    def same(value: str | list[str], field: str) -> str:
        # A list or a phrase said again reads as a copy; a word or two ("the owner") is clearer repeated.
        if not value or (isinstance(value, str) and len(value.split()) <= SHORT_WORDS):
            return ""
        # The nearest earlier segment: two later segments like a third name different ones, never repeat.
        twin = next((e for e in reversed(earlier or []) if getattr(e, field) == value), None)
        return lab["same_as"].format(name=twin.name) if twin else ""

    out = [f"### {seg.name}" + (f" ({lab['draft']})" if seg.draft else "")]
    if seg.who:
        out.append(f"- **{lab['who']}**{colon(lang)} {seg.who}")
    if seg.segment_type and not seg.draft:
        kind = TYPE_NAMES[lang][seg.segment_type]
        rationale = seg.type_rationale if explained is None or seg.type_rationale not in explained else ""
        out.append(f"- **{lab['type']}**: {kind}" + (f" — {rationale}" if rationale else ""))
        if explained is not None:
            explained.add(seg.type_rationale)
    for field in LIST_FIELDS:
        items = getattr(seg, field)
        if items and same(items, field):
            out.append(f"- **{lab[field]}**: {same(items, field)}")
        elif items:
            out.append(f"- **{lab[field]}**:")
            out.extend(f"  - {item}" for item in items)
    if seg.buyer:
        out.append(f"- **{lab['buyer']}**: {same(seg.buyer, 'buyer') or seg.buyer}")
    if seg.user:
        out.append(f"- **{lab['user']}**: {same(seg.user, 'user') or seg.user}")
    out.append(f"- **{lab['validation']}**: {lab[seg.validation]}")
    p = seg.priority
    if p.value or p.fit or p.rank:
        parts = []
        if p.rank:
            parts.append(f"{lab['rank']} {p.rank}")
        if p.value:
            parts.append(f"{lab['value']} {p.value}/5")
        if p.fit:
            parts.append(f"{lab['fit']} {p.fit}/5")
        out.append(f"- **{lab['priority']}**: " + ", ".join(parts))
    if seg.linked_segments:
        out.append(f"- **{lab['linked']}**: " + ", ".join(seg.linked_segments))
    return out


def canvas_markdown(canvas: Canvas, recap: bool = False) -> str:
    """The canvas as the founder reads it: names and titles, never internal ids (mistake, question, chunk).

    `recap`: the canvas inside the closing summary of a session, where the founder has already read each
    critique and question: critiques by title only, no open-question list (the summary names them), and
    a field equal to an earlier segment's written as "same as for ..." instead of repeated."""
    lang = canvas.language
    lab = LABELS[lang]
    sep = colon(lang)
    lines = [f"## {lab['title']}", ""]
    if canvas.version:
        lines += [f"*{lab['version']} {canvas.version}*", ""]
    if canvas.startup:
        lines += [f"**{lab['startup']}**: {canvas.startup}", ""]
    if canvas.focus_segment:
        lines += [f"**{lab['focus']}**: {canvas.focus_segment}", ""]
    if not canvas.segments:
        lines += [lab["empty"], ""]
    explained: set[str] = set()
    for i, seg in enumerate(canvas.segments):
        lines += _segment_md(seg, lang, explained, canvas.segments[:i] if recap else None) + [""]
    if canvas.critiques:
        lines.append(f"### {lab['critiques']}")
        for c in canvas.critiques:
            mark = f" ({lab['resolved']})" if c.resolved else ""
            cites = "; ".join(f"{s.document} — {s.section}" for s in c.sources)
            head = f"**{c.title}**{mark}{sep} " if c.title else (f"({lab['resolved']}) " if c.resolved else "")
            if recap:
                lines.append(f"- **{c.title}**{mark}" if c.title else f"- {c.message}")
                continue
            lines.append(f"- {head}{c.message}" + (f" ({lab['source']}{sep} {cites})" if cites else ""))
        lines.append("")
    if canvas.open_questions and not recap:
        lines.append(f"### {lab['open_questions']}")
        lines.extend(f"- {q.text}" for q in canvas.open_questions)
        lines.append("")
    if canvas.personas:
        lines.append(personas_markdown(canvas.personas, lang))
    return "\n".join(lines).rstrip() + "\n"
