"""Pure canvas updates: canvas ← Analysis. No I/O, unit-tested."""

from __future__ import annotations

from assistant.analysis import Analysis, SegmentUpdate
from assistant.canvas import Canvas, Citation, Critique, OpenQuestion, Segment
from assistant.domain import MAX_SEGMENTS, QuestionId

_LISTS = ("characteristics", "needs", "behaviours", "jobs", "pains", "gains", "evidence", "assumptions")


def _append_unique(items: list[str], new: list[str]) -> list[str]:
    seen = {i.strip().lower() for i in items}
    out = list(items)
    for item in new:
        key = item.strip().lower()
        if key and key not in seen:
            out.append(item.strip())
            seen.add(key)
    return out


def _apply_segment(seg: Segment, up: SegmentUpdate) -> Segment:
    data = seg.model_dump()
    for field in _LISTS:
        data[field] = _append_unique(data[field], getattr(up, field))
    for field in ("who", "buyer", "user", "type_rationale"):
        value = getattr(up, field).strip()
        if value:
            data[field] = value
    if up.segment_type:
        data["segment_type"] = up.segment_type
    if up.validated is True:
        data["validation"] = "validated"
    elif up.validated is False and up.evidence:
        data["validation"] = "partially_validated"
    elif up.validated is False:
        data["validation"] = "assumption"
    if up.priority_value:
        data["priority"]["value"] = up.priority_value
    if up.priority_fit:
        data["priority"]["fit"] = up.priority_fit
    data["linked_segments"] = _append_unique(data["linked_segments"], up.linked_segments)
    return Segment.model_validate(data)


# Critiques of the groups themselves: a follow-up answer to one at `for_whom` names the groups anew.
_REDEFINING = ("too_broad", "too_many_segments")


def redefines_groups(question_id: QuestionId, follow_up_count: int, canvas: Canvas,
                     updates: list[SegmentUpdate]) -> bool:
    """Whether this answer's `updates` replace the canvas's segments (`apply_analysis(replace_segments=…)`): a
    follow-up answer at `for_whom` after a too-broad or too-many critique redefines the groups; after a
    demographics-only critique, when it names a group the canvas does not hold (the same people told by what
    they do, "des adultes qui ont fait de la musique ado…" for "Femmes de 35 à 50 ans"); an answer that only
    describes a segment already there replaces nothing."""
    if question_id != "for_whom" or follow_up_count == 0 or not updates:
        return False
    open_here = {c.mistake_id for c in canvas.open_critiques() if c.question_id == "for_whom"}
    if open_here.intersection(_REDEFINING):
        return True
    held = {s.name.lower() for s in canvas.segments}
    return "demographics_only" in open_here and any(u.segment.lower() not in held for u in updates)


def apply_analysis(canvas: Canvas, analysis: Analysis, *, replace_segments: bool = False) -> Canvas:
    """Return a new canvas with the analysis applied.

    `replace_segments` is used when a follow-up answer redefines the groups of a flawed
    `for_whom` answer ("everyone" → a precise group): the old groups are dropped.
    """
    segments = [] if replace_segments else [s.model_copy(deep=True) for s in canvas.segments]
    by_name = {s.name.strip().lower(): i for i, s in enumerate(segments)}
    for up in analysis.updates:
        key = up.segment.strip().lower()
        if not key:
            continue
        if key in by_name:
            segments[by_name[key]] = _apply_segment(segments[by_name[key]], up)
        elif len(segments) < MAX_SEGMENTS:
            segments.append(_apply_segment(Segment(name=up.segment.strip()), up))
            by_name[key] = len(segments) - 1
    focus = analysis.focus_segment.strip() or canvas.focus_segment
    if focus and not any(s.name.lower() == focus.lower() for s in segments):
        focus = segments[0].name if segments else ""
    if not focus and segments:
        focus = segments[0].name
    return canvas.model_copy(
        update={
            "segments": rank_segments(segments, focus),
            "startup": analysis.startup.strip() or canvas.startup,
            "focus_segment": focus,
        }
    )


def rank_segments(segments: list[Segment], focus: str) -> list[Segment]:
    """Rank by value x fit when rated; the focus segment first on ties; ranks 1..n."""

    def score(s: Segment) -> tuple[int, int]:
        rated = (s.priority.value or 0) * (s.priority.fit or 0)
        return (-rated, 0 if s.name.lower() == focus.lower() else 1)

    ordered = sorted(range(len(segments)), key=lambda i: (*score(segments[i]), i))
    ranks = {i: r + 1 for r, i in enumerate(ordered)}
    out = []
    for i, s in enumerate(segments):
        pr = s.priority.model_copy(update={"rank": ranks[i]}) if len(segments) > 1 else s.priority
        out.append(s.model_copy(update={"priority": pr}))
    return out


def add_critique(
    canvas: Canvas,
    *,
    mistake_id: str,
    question_id: QuestionId,
    message: str,
    evidence: str,
    sources: list[Citation],
    found_by: list[str],
    title: str = "",
) -> Canvas:
    """Record a critique; the same mistake raised again on the same question updates the first one."""
    critiques = list(canvas.critiques)
    for i, c in enumerate(critiques):
        if c.mistake_id == mistake_id and c.question_id == question_id:
            critiques[i] = c.model_copy(update={"resolved": False, "evidence": evidence or c.evidence})
            return canvas.model_copy(update={"critiques": critiques})
    critiques.append(
        Critique.model_validate(
            {
                "mistake_id": mistake_id,
                "question_id": question_id,
                "title": title,
                "message": message,
                "evidence": evidence,
                "sources": [s.model_dump() for s in sources],
                "found_by": sorted(set(found_by)),
            }
        )
    )
    return canvas.model_copy(update={"critiques": critiques})


# Resolved by the answer that brings what they ask for, whatever question it answers.
_SESSION_WIDE = frozenset({"not_validated"})


def resolve_critiques(canvas: Canvas, question_id: QuestionId, still_open: set[str], resolvable: set[str]
                      ) -> Canvas:
    """Critiques the latest answer resolves: of this question (or session-wide ones such as not_validated),
    no longer shown by the answer (`still_open`), and among what the answer can resolve (`resolvable`,
    see `assistant.analysis.resolvable_mistakes`)."""
    critiques = [
        c.model_copy(update={"resolved": True})
        if (c.question_id == question_id or c.mistake_id in _SESSION_WIDE)
        and c.mistake_id not in still_open and c.mistake_id in resolvable
        else c
        for c in canvas.critiques
    ]
    return canvas.model_copy(update={"critiques": critiques})


def mark_drafts(canvas: Canvas, names: set[str]) -> Canvas:
    """The named segments become drafts (critiqued as too broad): shown as such, not typed, replaced
    when the founder narrows them."""
    keys = {n.strip().lower() for n in names}
    segments = [s.model_copy(update={"draft": True, "segment_type": None, "type_rationale": "",
                                     "linked_segments": []})
                if s.name.strip().lower() in keys else s for s in canvas.segments]
    return canvas.model_copy(update={"segments": segments})


def add_open_question(canvas: Canvas, question_id: QuestionId, text: str) -> Canvas:
    if any(q.question_id == question_id and q.text == text for q in canvas.open_questions):
        return canvas
    return canvas.model_copy(
        update={"open_questions": [*canvas.open_questions, OpenQuestion(question_id=question_id, text=text)]}
    )
