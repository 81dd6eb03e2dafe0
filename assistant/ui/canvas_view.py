"""What the canvas panel shows: the canvas turned into plain props for the `CanvasPanel` custom element.

Props hold plain strings only. The element renders them as React text nodes, so founder text such as
`<img src=x onerror=alert(1)>` shows as typed; nothing here is HTML or Markdown.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from assistant.canvas import Canvas, Citation, Critique, Segment
from assistant.canvas.render import LABELS, TYPE_NAMES, canvas_markdown
from assistant.domain import as_language
from assistant.ui.catalogue import BySection
from assistant.ui.fieldwork_view import persona_labels, persona_props
from assistant.ui.safety import plain
from assistant.ui.texts import t

MAX_ITEMS = 12

# The panel's own labels by language: prompts/<lang>/ui.yaml, section `canvas_view`.
EXTRA_LABELS: Mapping[str, dict[str, str]] = BySection(lambda c: c.canvas_view.labels)


def _mistake_title(language: str, mistake_id: str) -> str:
    try:
        from assistant.prompts import Prompts

        return Prompts().text(as_language(language), f"mistakes.{mistake_id}.title")
    except Exception:  # an unknown id or a missing catalogue must not break the panel
        return mistake_id.replace("_", " ")


def _items(values: list[str]) -> list[str]:
    out = [plain(v, 300) for v in values[:MAX_ITEMS]]
    return [v for v in out if v]


def _sources(citations: list[Citation]) -> list[dict[str, str]]:
    seen: set[tuple[str, str]] = set()
    out = []
    for c in citations:
        key = (c.document, c.section)
        if key in seen:
            continue
        seen.add(key)
        out.append({"document": plain(c.document, 120), "section": plain(c.section, 120)})
    return out


def _segment(seg: Segment, lang: str, focus: str) -> dict[str, Any]:
    lab = LABELS[lang]
    p = seg.priority
    priority = []
    if p.rank:
        priority.append(f"{lab['rank']} {p.rank}")
    if p.value:
        priority.append(f"{lab['value']} {p.value}/5")
    if p.fit:
        priority.append(f"{lab['fit']} {p.fit}/5")
    buyer, user = plain(seg.buyer, 200), plain(seg.user, 200)
    return {
        "name": plain(seg.name, 120),
        "who": plain(seg.who, 400),
        "type": TYPE_NAMES[lang][seg.segment_type] if seg.segment_type else "",
        "type_rationale": plain(seg.type_rationale, 300),
        "characteristics": _items(seg.characteristics),
        "jobs": _items(seg.jobs),
        "pains": _items(seg.pains),
        "gains": _items(seg.gains),
        "buyer": buyer,
        "user": user,
        "same_person": bool(buyer and user and buyer.casefold() == user.casefold()),
        "evidence": _items(seg.evidence),
        "validation": lab[seg.validation],
        "validation_key": seg.validation,
        "assumptions": _items(seg.assumptions),
        "priority": ", ".join(priority),
        "linked": _items(seg.linked_segments),
        "is_focus": bool(focus) and seg.name.strip().casefold() == focus.strip().casefold(),
        "draft": seg.draft,  # a group critiqued as too broad, not a segment yet
    }


def _critique(c: Critique, lang: str) -> dict[str, Any]:
    return {
        "mistake_id": c.mistake_id,
        "title": plain(_mistake_title(lang, c.mistake_id), 120),
        "message": plain(c.message, 500),
        "evidence": plain(c.evidence, 200),
        "question_id": c.question_id,
        "sources": _sources(c.sources),
    }


def canvas_props(canvas: Canvas, language: str | None = None) -> dict[str, Any]:
    """Props of the CanvasPanel element: labels in the canvas's language, then the canvas as plain text."""
    lang = as_language(language or canvas.language)
    labels = {**LABELS[lang], **EXTRA_LABELS[lang], **persona_labels(lang), "panel_title": t(lang, "panel_title")}
    return {
        "language": lang,
        "labels": labels,
        "startup": plain(canvas.startup, 400),
        "focus": plain(canvas.focus_segment, 120),
        "segments": [_segment(s, lang, canvas.focus_segment) for s in canvas.segments],
        "critiques": [_critique(c, lang) for c in canvas.open_critiques()],
        "resolved": sum(1 for c in canvas.critiques if c.resolved),
        "open_questions": [
            {"question_id": q.question_id, "text": plain(q.text, 300)}
            for q in canvas.open_questions[:MAX_ITEMS]
        ],
        "personas": [persona_props(p, lang) for p in canvas.personas],
    }


def sources_props(citations: list[Citation], language: str) -> dict[str, Any]:
    """Props of the inline Sources element under a message."""
    return {"title": t(language, "sources"), "items": _sources(citations)}


def props_key(props: dict[str, Any]) -> str:
    """A short digest: the side panel is replaced only when what it shows has changed."""
    blob = json.dumps(props, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


EXPORT_STEMS: Mapping[str, str] = BySection(lambda c: c.canvas_view.export_stem)


def export_props(canvas: Canvas, language: str) -> dict[str, Any]:
    """Props of the ExportFiles element: the canvas as Markdown and as JSON, each with its own label and name
    (which carries the canvas version from the first summary on: `canevas-segments-v2.md`).

    The files' text is the canvas itself (founder text included): the element saves it as a file, never shows it.
    """
    stem = EXPORT_STEMS[as_language(canvas.language)] + (f"-v{canvas.version}" if canvas.version else "")
    files = [("md", "Markdown", "text/markdown;charset=utf-8", canvas_markdown(canvas)),
             ("json", "JSON", "application/json", canvas.to_json())]
    return {
        "files": [{"format": fmt, "label": label, "hint": t(language, f"export.{fmt}.hint"), "name": f"{stem}.{fmt}",
                   "mime": mime, "content": content} for fmt, label, mime, content in files],
        "error": t(language, "export_browser_failed"),
    }
