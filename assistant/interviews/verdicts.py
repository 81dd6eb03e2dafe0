"""Interview notes read against the canvas's assumptions: each one supported, contradicted or untouched,
with the lines behind the verdict quoted.

A line is about an assumption when it shares enough of the claim's content words (compared by stem, as a
persona's faithfulness is) — and it is given to the assumptions of its segment it shares the most with.
It contradicts the claim when its polarity differs from the claim's (a negation in the clauses that
carry the shared words, or a phrase of denial: "ne la dérange pas", "not a problem"), and it counts for
nothing when it is an opinion or an intention about the future ("elle paierait", "would use it"): an
intention is not evidence. An interview takes the side most of its lines take; across interviews, the
side most interviews take (a tie reads as contradicted: re-asking costs less than building on it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.interviews.assumptions import Assumption
from assistant.interviews.notes import Interview, vocabulary
from assistant.personas.faithful import content_stems
from assistant.text.tokens import Token, tokenise
from assistant.understanding.cues import is_negator

Verdict = Literal["supported", "contradicted", "untouched"]
MAX_QUOTES = 3


class Quote(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    interview: int
    line: str
    contradicts: bool


class AssumptionVerdict(BaseModel):
    """What the notes say of one assumption; `quotes` are the lines behind the verdict, word for word."""

    model_config = ConfigDict(extra="forbid")

    assumption: Assumption
    verdict: Verdict
    supporting: int = Field(default=0, description="Interviews that support the claim.")
    contradicting: int = Field(default=0, description="Interviews that contradict it.")
    quotes: list[Quote] = Field(default_factory=list)


_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def _joined(text: str) -> str:
    """Hyphenated words as one ("no-shows" is not a negation, "prêt-à-porter" one word)."""
    return _HYPHEN.sub("", text)


def _stems(text: str) -> set[str]:
    return set(content_stems(_joined(text)))


def _meets(a: str, b: str) -> bool:
    """Two stems of the same word: equal, or a four-letter word and a longer one it begins ("part", "parte")."""
    return a == b or (min(len(a), len(b)) == 4 and not a.isdigit() and (a.startswith(b) or b.startswith(a)))


def _shared(claim: set[str], line: set[str]) -> set[str]:
    """The claim's stems found in the line."""
    return {c for c in claim if any(_meets(c, w) for w in line)}


def _stem_of(norm: str) -> str:
    return norm if norm.isdigit() else norm[:5]


def _relevant(claim: set[str], shared: int, strict: bool = False) -> bool:
    """Enough of the claim in a line; `strict` for what follows a colon or a semicolon, which usually tells more
    of the topic before it ("late payments: the new bistro paid me after 75 days")."""
    share = shared / len(claim) if claim else 0.0
    return shared >= 2 or (not strict and shared >= 1 and share >= 1 / 3)


def _has_phrase(text: str, phrases: Sequence[str], stems: set[str] | None = None) -> bool:
    """A phrase in the text's words (contractions expanded: "doesn't mind" is "does not mind"); with `stems`,
    only in the clauses that hold one of them."""
    tokens = tokenise(_joined(text))
    if stems is not None:
        clauses = {t.clause for t in tokens if any(_meets(_stem_of(t.norm), s) for s in stems)}
        tokens = tuple(t for t in tokens if t.clause in clauses)
    low = " " + " ".join(t.norm for t in tokens) + " "
    return any(f" {p} " in low for p in phrases)


def _negator(tokens: Sequence[Token], i: int) -> bool:
    """A negation, or a word that says something is missing ("manquent de temps", "lack of time")."""
    return is_negator(tokens, i) or tokens[i].norm in vocabulary()["privative"]


def _line_negated(text: str, stems: set[str]) -> bool:
    """A negation in a clause of the line that holds one of the shared words ("la file ne la dérange pas")."""
    tokens = tokenise(_joined(text))
    clauses = {t.clause for t in tokens if any(_meets(_stem_of(t.norm), s) for s in stems)}
    return any(_negator(tokens, i) for i, t in enumerate(tokens) if t.clause in clauses)


def _claim_negated(text: str, stems: set[str]) -> bool:
    """A negation right before one of the shared words of the claim ("n'ont pas le temps"), not elsewhere in it
    ("porter les courses sans voiture" says nothing against carrying)."""
    tokens = tokenise(_joined(text))
    for i, t in enumerate(tokens):
        if any(_meets(_stem_of(t.norm), s) for s in stems):
            if any(_negator(tokens, j) for j in range(max(0, i - 3), i) if tokens[j].clause == t.clause):
                return True
    return False


def line_contradicts(claim: str, line: str, shared: set[str]) -> bool:
    """Whether the line denies the claim, judged in the clauses of the line that hold the shared words."""
    if _has_phrase(line, vocabulary()["contradiction"], shared):
        return True
    return _line_negated(line, shared) != _claim_negated(claim, shared)


_PIECES = re.compile(r"\s*[:;]\s+|\s+[-—–]\s+")


def _units(line: str) -> list[tuple[str, bool]]:
    """What a line is read as: the whole line, and each piece where notes join two facts ("No-shows are not a
    problem: they keep a waiting list"); (text, strict) with `strict` for the pieces after the first."""
    pieces = [p for p in _PIECES.split(line) if p.strip()]
    if len(pieces) < 2:
        return [(line, False)]
    return [(line, False)] + [(p, i > 0) for i, p in enumerate(pieces)]


_NOT_CONDITIONAL = frozenset({"parait", "apparait", "disparait"})


def is_hypothetical(line: str) -> bool:
    """An opinion or an intention about the future ("elle trouverait ça génial", "would pay"): not evidence."""
    conditional = any(len(t.norm) > 6 and t.norm.endswith(("rait", "raient", "rais")) and t.norm not in _NOT_CONDITIONAL
                      for t in tokenise(line))
    return conditional or _has_phrase(line, vocabulary()["hypothetical"])


def read_notes(assumptions: Sequence[Assumption], interviews: Sequence[Interview]) -> list[AssumptionVerdict]:
    """One verdict per assumption, in the order given. A line, and each piece of it, goes to the assumptions of
    each segment it shares the most words with; the whole line is quoted, once per assumption."""
    claims = {a.id: _stems(a.claim) for a in assumptions}
    found: dict[str, list[Quote]] = {a.id: [] for a in assumptions}
    segments = list(dict.fromkeys(a.segment for a in assumptions))
    for interview in interviews:
        for line in interview.lines:
            if is_hypothetical(line):
                continue
            for piece, strict in _units(line):
                stems = _stems(piece)
                for segment in segments:
                    mine = [a for a in assumptions if a.segment == segment]
                    shared = {a.id: _shared(claims[a.id], stems) for a in mine}
                    best = max((len(v) for v in shared.values()), default=0)
                    for a in mine:
                        if best and len(shared[a.id]) == best and _relevant(claims[a.id], best, strict):
                            quote = Quote(interview=interview.index, line=line,
                                          contradicts=line_contradicts(a.claim, piece, shared[a.id]))
                            if all(q.line != line or q.interview != interview.index for q in found[a.id]):
                                found[a.id].append(quote)
    return [_verdict(a, found[a.id]) for a in assumptions]


def _verdict(assumption: Assumption, quotes: list[Quote]) -> AssumptionVerdict:
    sides: dict[int, int] = {}
    for q in quotes:
        sides[q.interview] = sides.get(q.interview, 0) + (-1 if q.contradicts else 1)
    supporting = sum(1 for v in sides.values() if v > 0)
    contradicting = sum(1 for v in sides.values() if v < 0)
    if not supporting and not contradicting:
        return AssumptionVerdict(assumption=assumption, verdict="untouched", quotes=quotes[:MAX_QUOTES])
    verdict: Verdict = "supported" if supporting > contradicting else "contradicted"
    behind = [q for q in quotes if q.contradicts == (verdict == "contradicted")][:MAX_QUOTES]
    return AssumptionVerdict(assumption=assumption, verdict=verdict, supporting=supporting,
                             contradicting=contradicting, quotes=behind)
