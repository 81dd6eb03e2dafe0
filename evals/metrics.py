"""Deterministic metrics: pure functions of transcripts and scenarios (no model, no I/O).

Definitions (also in evals/README.md):

- A *coach turn* is every coach message between two founder messages: the opening (welcome and
  first question) and then each reply. Empty turns are not counted.
- completion: the run reached the summary (`done`) within MAX_FOUNDER_TURNS founder messages.
- coverage: share of the six key questions asked — a key question counts as asked when a coach
  message of kind `question` carries its id, or when the founder answered while it was current.
- detection: flagged = mistake ids of the final canvas critiques (resolved ones included: they
  were raised); for a transcript without a canvas, the mistake ids of its critique messages.
  Against planted ids: tp = planted ∩ flagged, fp = flagged − planted (any flag on a clean
  scenario is a false positive), fn = planted − flagged; micro-averaged over runs.
  located: a planted mistake counts as located when a critique of that mistake was raised while
  the planted question was current (`critique.question_id`, or for a canvas-less transcript the
  exchange's question id); `detection.located` = located / planted.
- citation_validity: cited chunk ids (citations of every coach message) that exist in the
  knowledge index AND were retrieved during that same turn, over all cited ids.
- grounding_rate: critique messages with at least one citation, over all critique messages.
- single_question_rate: coach turns asking at most one question, over all coach turns; the
  questions of a turn are the runs of `?` in its messages outside quoted (`>`) lines.
- language_consistency: coach turns whose detected language equals the scenario language, over
  the turns whose language can be told (quoted lines ignored; short turns are skipped). The
  opening is not counted: it comes before the founder's first message, and the session follows
  the founder's language (as the CLI does by default).
- segment_type_accuracy: truth segments whose matched canvas segment has the truth type
  (see evals/fidelity.py for the matching), over all truth segments.
- voice (evals/voice.py): verbatim_echo, repeated_sentences, sector_examples, internal_ids, measured on
  the text the founder saw; reported under `aggregate.voice`, not part of `pass`.
- pass (for pass^k): completed, full coverage, no missed and no false flag, every truth segment
  typed right, and no coach turn in another language.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from math import comb
from statistics import mean

from pydantic import BaseModel, Field

from assistant.domain import KEY_QUESTIONS, MISTAKE_IDS
from assistant.messages import CoachMessage
from evals.fidelity import FIELDS, Embedder, canvas_fidelity
from evals.scenario import Scenario
from evals.sectors import SectorLibrary
from evals.textutil import count_questions, detect_language
from evals.transcript import Transcript
from evals.voice import VoiceScore, aggregate_voice, score_voice

MAX_FOUNDER_TURNS = 40
EXAMPLES = 3  # examples of failures kept per run


def _excerpt(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- single-transcript pieces


def completed(t: Transcript, max_turns: int = MAX_FOUNDER_TURNS) -> bool:
    return t.done and t.founder_turns <= max_turns


def asked_questions(t: Transcript) -> set[str]:
    asked = {
        m.question_id for turn in t.coach_turns() for m in turn if m.kind == "question" and m.question_id
    }
    return asked | {e.question_id for e in t.exchanges if e.question_id}


def coverage(t: Transcript) -> float:
    return len(asked_questions(t) & set(KEY_QUESTIONS)) / len(KEY_QUESTIONS)


def raised(t: Transcript) -> list[tuple[str, str]]:
    """(mistake id, question id at which it was raised), in the order raised."""
    if t.canvas is not None:
        return [(c.mistake_id, c.question_id) for c in t.canvas.critiques]
    out: list[tuple[str, str]] = []
    for e in t.exchanges:
        for m in e.coach:
            if m.kind == "critique" and m.mistake_id and (m.mistake_id, e.question_id) not in out:
                out.append((m.mistake_id, e.question_id))
    return out


def flagged(t: Transcript) -> set[str]:
    return {mistake for mistake, _ in raised(t)}


def turn_questions(messages: Sequence[CoachMessage]) -> int:
    return sum(count_questions(m.text) for m in messages)


def turn_text(messages: Sequence[CoachMessage]) -> str:
    return "\n\n".join(m.text for m in messages)


class RunScore(BaseModel):
    """Every metric of one run, with the evidence needed to act on a failure."""

    scenario_id: str
    run: int = 0
    language: str
    source: str = ""
    done: bool
    completed: bool
    founder_turns: int
    stopped: str = ""
    error: str = ""
    coverage: float
    missing_questions: list[str] = Field(default_factory=list)
    planted: list[str] = Field(default_factory=list)
    flagged: list[str] = Field(default_factory=list)
    missed: list[str] = Field(default_factory=list)
    false_flags: list[str] = Field(default_factory=list)
    raised_at: dict[str, list[str]] = Field(default_factory=dict, description="mistake → questions")
    located: list[str] = Field(default_factory=list, description="'mistake@planted question'")
    not_located: list[str] = Field(
        default_factory=list, description="'mistake@planted question (raised at ...)'"
    )
    fidelity: float | None = None
    fidelity_by_field: dict[str, float] = Field(default_factory=dict)
    segment_matches: dict[str, str | None] = Field(default_factory=dict)
    type_correct: int = 0
    type_total: int = 0
    type_errors: list[str] = Field(default_factory=list)
    citations_valid: int = 0
    citations_total: int = 0
    citation_problems: list[str] = Field(default_factory=list)
    critiques: int = 0
    critiques_grounded: int = 0
    coach_turns: int = 0
    single_question_turns: int = 0
    multi_question_examples: list[str] = Field(default_factory=list)
    language_turns: int = 0
    language_matches: int = 0
    language_mismatches: list[str] = Field(default_factory=list)
    passed: bool = False
    failures: list[str] = Field(default_factory=list)
    voice: VoiceScore | None = None


def score_run(
    t: Transcript,
    scenario: Scenario,
    *,
    known_chunks: set[str] | None = None,
    embedder: Embedder | None = None,
    max_turns: int = MAX_FOUNDER_TURNS,
    library: SectorLibrary | None = None,
) -> RunScore:
    """Score one transcript against its scenario.

    `known_chunks` is the knowledge index (None: existence is not checked); an exchange whose
    `retrieved` is None (recorded elsewhere) is not checked for retrieval. Without `embedder`,
    canvas fidelity and segment types are not scored. `library` is the sector example library
    (evals/sectors.py); without it, `voice.sector_examples` scores no session.
    """
    asked = asked_questions(t)
    planted = scenario.planted_ids
    raised_list = raised(t)
    got = {m for m, _ in raised_list}
    raised_at: dict[str, list[str]] = defaultdict(list)
    for mistake, qid in raised_list:
        raised_at[mistake].append(qid)
    located, not_located = [], []
    for pm in scenario.planted_mistakes:
        if pm.question in raised_at.get(pm.id, []):
            located.append(f"{pm.id}@{pm.question}")
        else:
            where = ", ".join(raised_at.get(pm.id, [])) or "never raised"
            not_located.append(f"{pm.id}@{pm.question} ({where})")

    score = RunScore(
        scenario_id=t.scenario_id,
        run=t.run,
        language=scenario.language,
        source=t.source,
        done=t.done,
        completed=completed(t, max_turns),
        founder_turns=t.founder_turns,
        stopped=t.stopped,
        error=t.error,
        coverage=coverage(t),
        missing_questions=[q for q in KEY_QUESTIONS if q not in asked],
        planted=sorted(planted),
        flagged=sorted(got),
        missed=sorted(planted - got),
        false_flags=sorted(got - planted),
        raised_at=dict(raised_at),
        located=located,
        not_located=not_located,
    )

    if embedder is not None:
        fid = canvas_fidelity(t.canvas, scenario.truth, embedder)
        score.fidelity, score.fidelity_by_field = fid.score, fid.by_field
        score.segment_matches = fid.matches
        score.type_correct, score.type_total, score.type_errors = (
            fid.type_correct,
            fid.type_total,
            fid.type_errors,
        )

    turns: list[tuple[str, list[CoachMessage], list[str] | None]] = [("opening", t.opening, None)]
    turns += [(f"turn {i} ({e.question_id})", e.coach, e.retrieved) for i, e in enumerate(t.exchanges, 1)]
    for label, messages, retrieved in turns:
        if not messages:
            continue
        for m in messages:
            for c in m.citations:
                score.citations_total += 1
                problems = []
                if known_chunks is not None and c.chunk_id not in known_chunks:
                    problems.append("not in the index")
                if retrieved is not None and c.chunk_id not in retrieved:
                    problems.append("not retrieved in this turn")
                if problems:
                    score.citation_problems.append(f"{label}: {c.chunk_id} {' and '.join(problems)}")
                else:
                    score.citations_valid += 1
            if m.kind == "critique":
                score.critiques += 1
                score.critiques_grounded += bool(m.citations)
        score.coach_turns += 1
        n = turn_questions(messages)
        if n <= 1:
            score.single_question_turns += 1
        elif len(score.multi_question_examples) < EXAMPLES:
            score.multi_question_examples.append(f"{label}: {n} questions — {_excerpt(turn_text(messages))}")
        lang = None if label == "opening" else detect_language(turn_text(messages))
        if lang is not None:
            score.language_turns += 1
            if lang == scenario.language:
                score.language_matches += 1
            elif len(score.language_mismatches) < EXAMPLES:
                score.language_mismatches.append(f"{label}: {lang} — {_excerpt(turn_text(messages))}")

    failures = []
    if t.done and not score.completed:
        failures.append(f"summary only after {t.founder_turns} founder turns (limit {max_turns})")
    elif not score.completed:
        failures.append(f"not completed ({t.stopped or 'no summary'}{': ' + t.error if t.error else ''})")
    if score.missing_questions:
        failures.append(f"key questions never asked: {', '.join(score.missing_questions)}")
    if score.missed:
        failures.append(f"missed mistakes: {', '.join(score.missed)}")
    if score.false_flags:
        failures.append(f"false flags: {', '.join(score.false_flags)}")
    if embedder is not None and score.type_errors:
        failures.append(f"segment types: {'; '.join(score.type_errors)}")
    if score.language_mismatches:
        failures.append(f"{score.language_turns - score.language_matches} coach turn(s) in another language")
    score.failures = failures
    score.passed = not failures
    score.voice = score_voice(t, scenario.sector, library)
    return score


# ---------------------------------------------------------------- aggregation


def _ratio(num: float, den: float) -> float | None:
    return None if den == 0 else num / den


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def detection(scores: Sequence[RunScore]) -> dict:
    """Micro-averaged precision/recall/F1 over runs, plus per-mistake counts and `located`."""
    tp = sum(len(set(s.planted) & set(s.flagged)) for s in scores)
    fp = sum(len(s.false_flags) for s in scores)
    fn = sum(len(s.missed) for s in scores)
    planted_total = sum(len(s.located) + len(s.not_located) for s in scores)
    located = sum(len(s.located) for s in scores)
    by: dict[str, dict] = {}
    ids = sorted(
        {m for s in scores for m in (*s.planted, *s.flagged)},
        key=lambda m: (MISTAKE_IDS.index(m) if m in MISTAKE_IDS else len(MISTAKE_IDS), m),
    )  # type: ignore[arg-type]
    for mistake in ids:
        m_tp = sum(mistake in s.planted and mistake in s.flagged for s in scores)
        m_fp = sum(mistake in s.false_flags for s in scores)
        m_fn = sum(mistake in s.missed for s in scores)
        m_loc = sum(x.startswith(mistake + "@") for s in scores for x in s.located)
        m_planted = m_loc + sum(x.startswith(mistake + "@") for s in scores for x in s.not_located)
        p, r = _ratio(m_tp, m_tp + m_fp), _ratio(m_tp, m_tp + m_fn)
        by[mistake] = {
            "tp": m_tp,
            "fp": m_fp,
            "fn": m_fn,
            "planted": m_planted,
            "precision": p,
            "recall": r,
            "f1": _f1(p, r),
            "located": _ratio(m_loc, m_planted),
        }
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return {
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "located": _ratio(located, planted_total),
        "by_mistake": by,
    }


def pass_hat_k(successes: int, trials: int, k: int) -> float:
    """pass^k (tau-bench): the chance that k runs drawn from the n observed all pass, C(c,k)/C(n,k)."""
    if k > trials:
        raise ValueError("k cannot exceed the number of trials")
    return comb(successes, k) / comb(trials, k)


def pass_k(scores: Sequence[RunScore]) -> dict[str, float]:
    """Mean over scenarios of pass^k, for k = 1 .. the smallest number of runs of a scenario."""
    by_scenario: dict[str, list[bool]] = defaultdict(list)
    for s in scores:
        by_scenario[s.scenario_id].append(s.passed)
    if not by_scenario:
        return {}
    k_max = min(len(v) for v in by_scenario.values())
    return {
        str(k): mean(pass_hat_k(sum(v), len(v), k) for v in by_scenario.values()) for k in range(1, k_max + 1)
    }


def aggregate(scores: Sequence[RunScore]) -> dict:
    """The numbers under report.json → aggregate. Ratios are None when nothing was there to count."""
    if not scores:
        return {}
    fid = [s.fidelity for s in scores if s.fidelity is not None]
    fields: dict[str, float] = {}
    for f in FIELDS:
        values = [s.fidelity_by_field[f] for s in scores if f in s.fidelity_by_field]
        if values:
            fields[f] = mean(values)
    voices = [s.voice for s in scores if s.voice is not None]
    return {
        "runs": len(scores),
        "scenarios": len({s.scenario_id for s in scores}),
        "completion_rate": float(mean(s.completed for s in scores)),
        "coverage": float(mean(s.coverage for s in scores)),
        "detection": detection(scores),
        "canvas_fidelity": mean(fid) if fid else None,
        "fidelity_by_field": fields,
        "segment_type_accuracy": _ratio(
            sum(s.type_correct for s in scores), sum(s.type_total for s in scores)
        ),
        "citation_validity": _ratio(
            sum(s.citations_valid for s in scores), sum(s.citations_total for s in scores)
        ),
        "grounding_rate": _ratio(sum(s.critiques_grounded for s in scores), sum(s.critiques for s in scores)),
        "single_question_rate": _ratio(
            sum(s.single_question_turns for s in scores), sum(s.coach_turns for s in scores)
        ),
        "language_consistency": _ratio(
            sum(s.language_matches for s in scores), sum(s.language_turns for s in scores)
        ),
        "mean_founder_turns": float(mean(s.founder_turns for s in scores)),
        "pass_rate": float(mean(s.passed for s in scores)),
        "pass_k": pass_k(scores),
        **({"voice": aggregate_voice(voices)} if voices else {}),
    }


def by_scenario(scores: Iterable[RunScore]) -> dict[str, list[RunScore]]:
    out: dict[str, list[RunScore]] = defaultdict(list)
    for s in scores:
        out[s.scenario_id].append(s)
    return dict(out)


def lookup(aggregate_: dict, key: str) -> object:
    """`lookup(agg, "detection.recall")`: a dotted path into an aggregate (KeyError when absent)."""
    node: object = aggregate_
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KeyError(key)
        node = node[part]
    return node
