"""After-session evaluation: scenarios with interview notes (`interviews`, `truth.after_interviews`).

Each scenario runs through the real graph to its summary (the scripted founder), then its notes are pasted
in one paste (a `Notes` turn). Scored:

- **assumption verdicts** — precision and recall of the supported/contradicted verdicts the coach gave to the
  canvas's assumptions against `truth.after_interviews.verdicts` (an assumption no truth item names should be
  untouched: a verdict on it is a false positive; a truth item no verdict matches is a false negative);
- **persona faithfulness** — the share of filled persona fields that cannot be traced to the founder's text,
  by a check stricter than the product's own (the source found word for word, case aside, in one founder
  message; every content word of the value, exactly, in the founder's text): target 0;
- the focus segment's validation status against `truth.after_interviews.validation` when given.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from assistant.canvas import Canvas
from assistant.interviews.verdicts import AssumptionVerdict
from assistant.personas.models import Persona
from assistant.personas.words import all_stopwords
from assistant.session import CoachSession
from assistant.text.tokens import normalise, tokenise
from assistant.turns import Notes
from evals.runner import run_scenario
from evals.scenario import AfterInterviews, Scenario, TruthVerdict
from evals.simulator import ScriptedFounder


@dataclass
class InterviewRun:
    scenario_id: str
    language: str
    done: bool
    founder_texts: list[str]
    canvas: Canvas | None
    verdicts: list[AssumptionVerdict]
    coach_reply: str = ""
    error: str = ""


@dataclass
class VerdictScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    mistakes: list[str] = field(default_factory=list)


async def run_with_interviews(session: CoachSession, scenario: Scenario) -> InterviewRun:
    """The scripted session to its summary, then the interview notes in one paste."""
    thread = f"eval-interviews-{scenario.id}-{uuid.uuid4().hex[:8]}"
    transcript = await run_scenario(session, scenario, ScriptedFounder(scenario), thread_id=thread)
    founder = [e.founder for e in transcript.exchanges]
    if not transcript.done:
        return InterviewRun(scenario.id, scenario.language, False, founder, transcript.canvas, [],
                            error=transcript.error or f"stopped: {transcript.stopped}")
    notes = "\n\n".join(scenario.interviews)
    turn = await session.send(thread, Notes(text=notes))
    work = await session.fieldwork(thread)
    reply = "\n\n".join(m.text for m in turn.messages)
    return InterviewRun(scenario.id, scenario.language, True, founder, turn.canvas, work.verdicts, reply)


def _matches(item: TruthVerdict, verdict: AssumptionVerdict) -> bool:
    return item.kind == verdict.assumption.kind and normalise(item.about) in normalise(verdict.assumption.claim)


def score_verdicts(verdicts: list[AssumptionVerdict], truth: AfterInterviews) -> VerdictScore:
    """True positives, false positives and false negatives of the supported/contradicted verdicts."""
    score = VerdictScore()
    found: set[int] = set()
    for v in verdicts:
        if v.verdict == "untouched":
            continue
        same = [i for i, t in enumerate(truth.verdicts) if _matches(t, v) and t.verdict == v.verdict]
        if same:
            score.tp += 1
            found.update(same)
        else:
            score.fp += 1
            score.mistakes.append(f"{v.verdict} {v.assumption.kind}: {v.assumption.claim[:60]}")
    for i, t in enumerate(truth.verdicts):
        if i not in found:
            score.fn += 1
            score.mistakes.append(f"missed {t.verdict} {t.kind}: {t.about or '(any)'}")
    return score


_WORD = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _WORD.sub(" ", normalise(text)).strip()


def unsupported(persona: Persona, founder_texts: list[str]) -> tuple[int, list[str]]:
    """(filled fields, the names of those not traced) under the evaluation's strict check."""
    messages = [_squash(t) for t in founder_texts]
    words = {t.norm for text in founder_texts for t in tokenise(text)}
    stops = all_stopwords()
    filled, bad = 0, []
    for name, f in persona.filled():
        filled += 1
        # A source may quote several passages of the founder, one per line: each must be found word for word.
        source_ok = all(any(_squash(part) in m for m in messages) for part in f.source.splitlines() if part.strip())
        value_ok = all(t.norm in words for t in tokenise(f.value) if t.norm not in stops)
        if not (source_ok and value_ok):
            bad.append(name)
    return filled, bad


def _verdict_row(v: AssumptionVerdict) -> dict[str, Any]:
    """One verdict as the report shows it; each quote is prefixed with its interview and side (+ or -)."""
    return {"kind": v.assumption.kind, "claim": v.assumption.claim, "verdict": v.verdict,
            "quotes": [f"{q.interview}{'-' if q.contradicts else '+'} {q.line}" for q in v.quotes]}


def summarise(runs: list[InterviewRun], scenarios: dict[str, Scenario]) -> dict[str, Any]:
    """The figures of a run, overall and per scenario (JSON-ready)."""
    total = VerdictScore()
    filled = unsupported_fields = 0
    statuses = status_ok = 0
    rows = []
    for run in runs:
        truth = scenarios[run.scenario_id].truth.after_interviews
        assert truth is not None
        score = score_verdicts(run.verdicts, truth)
        total.tp, total.fp, total.fn = total.tp + score.tp, total.fp + score.fp, total.fn + score.fn
        personas = run.canvas.personas if run.canvas else []
        n_bad: list[str] = []
        for p in personas:
            n, bad = unsupported(p, run.founder_texts)
            filled += n
            n_bad += [f"{p.segment}.{b}" for b in bad]
        unsupported_fields += len(n_bad)
        status = ""
        if truth.validation and run.canvas and run.canvas.segments:
            focus = run.canvas.segment(run.canvas.focus_segment) or run.canvas.segments[0]
            status = focus.validation
            statuses += 1
            status_ok += status == truth.validation
        rows.append({"id": run.scenario_id, "language": run.language, "done": run.done, "error": run.error,
                     "tp": score.tp, "fp": score.fp, "fn": score.fn, "mistakes": score.mistakes,
                     "personas": len(personas), "unsupported_fields": n_bad, "validation": status,
                     "expected_validation": truth.validation or "",
                     "verdicts": [_verdict_row(v) for v in run.verdicts]})
    precision = total.tp / (total.tp + total.fp) if total.tp + total.fp else 0.0
    recall = total.tp / (total.tp + total.fn) if total.tp + total.fn else 0.0
    return {
        "schema": "segment-coach-eval-interviews/1",
        "scenarios": len(runs),
        "completed": sum(r.done for r in runs),
        "verdict_precision": round(precision, 3),
        "verdict_recall": round(recall, 3),
        "verdicts": {"tp": total.tp, "fp": total.fp, "fn": total.fn},
        "persona_fields": filled,
        "persona_unsupported_share": round(unsupported_fields / filled, 3) if filled else 0.0,
        "validation_accuracy": round(status_ok / statuses, 3) if statuses else None,
        "runs": rows,
    }
