"""The mentor dashboard's figures, from the founders' canvases: one row per founder, and the cohort's
analytics (most frequent mistakes, segment types, share of segments resting on gathered evidence, progress
over time). Pure functions of what `gather` reads: no Chainlit, no HTML."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from assistant.canvas import Canvas
from assistant.session import Moment


@dataclass(frozen=True)
class SessionFacts:
    """What the dashboard reads of one thread: its owner, canvas, progress and checkpoints' times."""

    thread_id: str
    owner: str
    cohort: str | None
    name: str
    canvas: Canvas
    index: int  # position of the current question (1-based) among `total`
    total: int
    done: bool
    timeline: list[Moment] = field(default_factory=list)

    @property
    def last_activity(self) -> str:
        return self.timeline[-1].at if self.timeline else ""

    @property
    def percent(self) -> int:
        """Progress through the questions, 0-100 (100 once the summary is reached)."""
        if self.done:
            return 100
        return round(100 * max(self.index - 1, 0) / self.total) if self.total else 0


@dataclass(frozen=True)
class FounderRow:
    founder: str
    cohort: str
    sessions: int
    thread_id: str  # the founder's most recently active session
    percent: int
    segments: int
    validation: dict[str, int]  # status -> segments (drafts left out)
    open_critiques: dict[str, int]  # mistake id -> open critiques
    last_activity: str
    model_calls: int
    tokens: int


def _segments(canvas: Canvas) -> list:  # type: ignore[type-arg]
    return [s for s in canvas.segments if not s.draft]


def founder_rows(facts: list[SessionFacts]) -> list[FounderRow]:
    """One row per founder, from their most recently active session; model spend summed over all of them."""
    by_owner: dict[str, list[SessionFacts]] = {}
    for fact in facts:
        by_owner.setdefault(fact.owner, []).append(fact)
    rows = []
    for owner, mine in sorted(by_owner.items()):
        latest = max(mine, key=lambda f: (f.last_activity, f.thread_id))
        canvas = latest.canvas
        rows.append(FounderRow(
            founder=owner, cohort=latest.cohort or "", sessions=len(mine), thread_id=latest.thread_id,
            percent=latest.percent, segments=len(_segments(canvas)),
            validation=dict(Counter(s.validation for s in _segments(canvas))),
            open_critiques=dict(Counter(c.mistake_id for c in canvas.open_critiques())),
            last_activity=latest.last_activity,
            model_calls=sum(f.canvas.metadata.model_calls for f in mine),
            tokens=sum(f.canvas.metadata.prompt_tokens + f.canvas.metadata.completion_tokens for f in mine),
        ))
    return rows


@dataclass(frozen=True)
class Analytics:
    founders: int
    mistakes: list[tuple[str, int]]  # mistake id -> critiques raised, most frequent first
    segment_types: list[tuple[str, int]]  # segment type ("untyped" when none yet) -> segments
    segments: int
    with_evidence: int  # segments whose validation is partial or full (evidence gathered)
    progress: list[tuple[date, float]]  # day -> mean progress (0-100) of the founders who had started

    @property
    def evidence_share(self) -> float:
        return self.with_evidence / self.segments if self.segments else 0.0


def analytics(facts: list[SessionFacts]) -> Analytics:
    """The cohort's figures over each founder's most recent session."""
    latest: dict[str, SessionFacts] = {}
    for fact in facts:
        kept = latest.get(fact.owner)
        if kept is None or (fact.last_activity, fact.thread_id) > (kept.last_activity, kept.thread_id):
            latest[fact.owner] = fact
    chosen = list(latest.values())
    mistakes = Counter(str(c.mistake_id) for f in chosen for c in f.canvas.critiques)
    segments = [s for f in chosen for s in _segments(f.canvas)]
    types = Counter(str(s.segment_type or "untyped") for s in segments)
    evidence = sum(1 for s in segments if s.validation != "assumption")
    return Analytics(len(chosen), mistakes.most_common(), types.most_common(), len(segments), evidence,
                     progress_by_day(chosen))


def progress_by_day(facts: list[SessionFacts]) -> list[tuple[date, float]]:
    """For each day from the first checkpoint to the last, the mean progress of the founders who had
    started by then (each founder's last position that day, carried forward)."""
    per_founder: dict[str, dict[date, int]] = {}
    for fact in facts:
        days = per_founder.setdefault(fact.owner, {})
        for moment in fact.timeline:
            day = datetime.fromisoformat(moment.at).date()
            total = moment.progress.total
            pct = 100 if moment.done else (round(100 * max(moment.progress.index - 1, 0) / total) if total else 0)
            days[day] = pct  # moments are oldest first: the day's last one wins
    all_days = sorted({d for days in per_founder.values() for d in days})
    if not all_days:
        return []
    series: list[tuple[date, float]] = []
    current: dict[str, int] = {}
    day = all_days[0]
    while day <= all_days[-1]:
        for owner, days in per_founder.items():
            if day in days:
                current[owner] = days[day]
        series.append((day, sum(current.values()) / len(current)))
        day = date.fromordinal(day.toordinal() + 1)
    return series
