"""The not_validated detector: segments resting on conviction, intuition, friends or plans rather than
customer research. Real evidence (a number of interviews, a pilot, pre-orders, paying users) clears it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Literal

from assistant.lexicon import every_language
from assistant.lexicon.validation import ValidationWords
from assistant.text.patterns import Lexicon, Match, PatternSet, compile_all, find, find_all, first_match
from assistant.text.tokens import Token, tokenise
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.cues import is_hedged, negated_before
from assistant.understanding.dont_know import is_dont_know
from assistant.understanding.rules import ALL_QUESTIONS, hit, scoped, whole


@lru_cache(maxsize=1)
def _lists() -> ValidationWords:
    """Every language's words (`assistant/lexicon/<lang>/validation.yaml`): founders mix languages."""
    return every_language(ValidationWords, "validation")


@lru_cache(maxsize=1)
def _future() -> Lexicon:
    return Lexicon(_lists().future)


@lru_cache(maxsize=1)
def _quantities() -> frozenset[str]:
    return frozenset(_lists().quantities)


Patterns = Literal["evidence_nouns", "evidence_verbs", "commitments", "past_actions", "vague_gaps", "research_gaps",
                   "certainty", "intuition", "friends", "desk_research"]


@cache
def _patterns(key: Patterns) -> PatternSet:
    """The compiled patterns of one list of `ValidationWords` ("commitments", "friends"...)."""
    return compile_all(getattr(_lists(), key))


@lru_cache(maxsize=1)
def _several() -> frozenset[str]:
    """Quantities of more than one ("plusieurs", "a dozen"): after a research verb, they count."""
    return _quantities() - set(_lists().single_quantities)


@lru_cache(maxsize=1)
def _mentions() -> PatternSet:
    """Research or commitments mentioned, done or not."""
    return _patterns("evidence_nouns") + _patterns("commitments") + _patterns("evidence_verbs")


def _planned(tokens: Sequence[Token], m: Match) -> bool:
    clause = tokens[m.start].clause
    near = [t for t in tokens[max(0, m.start - 6):m.end + 3] if t.clause == clause]
    return any(t.norm in _future() for t in near)


def _quantified(tokens: Sequence[Token], m: Match) -> bool:
    before = [t.norm for t in tokens[max(0, m.start - 3):m.start] if t.sentence == tokens[m.start].sentence]
    if any(w == "0" or w in _lists().zero_words or w in _lists().magnitudes for w in before):
        return False  # none, or a population ("30 million people"): no one spoken to
    return any(w.isdigit() or w in _quantities() for w in before)


def _counts(tokens: Sequence[Token], m: Match) -> bool:
    """An evidence word that reports research done (not negated, not planned)."""
    if negated_before(tokens, m, 5) or _planned(tokens, m):
        return False
    if tokens[m.start].norm in _lists().generic_evidence:
        return _quantified(tokens, m) and not _friends_near(tokens, m)
    sentence = tokens[m.start].sentence
    # "des études, j'en ai pas fait": a past action negated reports none done
    past = any(tokens[p.start].sentence == sentence and p.start != m.start and not negated_before(tokens, p, 3)
               for p in find_all(tokens, _patterns("past_actions")))
    return _quantified(tokens, m) or past


def _research_done(tokens: Sequence[Token], m: Match) -> bool:
    """"On a interviewé 22 infirmières", "talked to a dozen owners": a research verb with a number."""
    if negated_before(tokens, m, 5) or _planned(tokens, m) or _friends_near(tokens, m):
        return False
    after = [t.norm for t in tokens[m.end:m.end + 5] if t.sentence == tokens[m.start].sentence]
    return any(w.isdigit() and w != "0" or w in _several() for w in after)


def _friends_near(tokens: Sequence[Token], m: Match) -> bool:
    return any(abs(f.start - m.start) <= 4 for f in find_all(tokens, _patterns("friends")))


def _commitment(tokens: Sequence[Token]) -> Match | None:
    """A customer commitment reported (pilot, pre-orders, paying users), not negated nor planned."""
    return first_match(tokens, _patterns("commitments"),
                       lambda m: not (negated_before(tokens, m, 5) or _planned(tokens, m)))


def strong_evidence(tokens: Sequence[Token]) -> Match | None:
    """Real research or a customer commitment reported in these words, if any."""
    return (_commitment(tokens) or first_match(tokens, _patterns("evidence_nouns"), lambda m: _counts(tokens, m))
            or first_match(tokens, _patterns("evidence_verbs"), lambda m: _research_done(tokens, m)))


def _is_certainty(tokens: Sequence[Token], m: Match) -> bool:
    """French "sûr" folds to "sur" (on): "on est sur le marché" is not a claim of certainty; "everyone knows
    everyone" is people knowing one another (`acquaintance_objects`)."""
    if m.end < len(tokens) and tokens[m.end].norm in _lists().acquaintance_objects and tokens[
            m.end - 1].norm in _lists().knowing_verbs:
        return False
    if tokens[m.end - 1].norm not in _lists().folded_sure or m.end == len(tokens):
        return True
    nxt = tokens[m.end]
    return nxt.clause != tokens[m.end - 1].clause or nxt.norm in _lists().sure_followers


def _certain(tokens: Sequence[Token], negation_ok: bool) -> Match | None:
    return first_match(tokens, _patterns("certainty"), lambda m: _is_certainty(tokens, m)
                       and (negation_ok or not negated_before(tokens, m, 3)))


def _evidence_gap(tokens: Sequence[Token]) -> Match | None:
    return (find(tokens, _patterns("research_gaps")) or find(tokens, _patterns("vague_gaps"))
            or _certain(tokens, negation_ok=True) or find(tokens, _patterns("intuition"))
            or find(tokens, _patterns("friends")) or find(tokens, _patterns("desk_research")))


@scoped(*ALL_QUESTIONS)
def not_validated(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    if strong_evidence(tokens):
        return None
    if ctx.question_id == "evidence":
        m = _evidence_gap(tokens)
        if m:
            return hit("not_validated", ctx.answer, tokens, m, f"no real evidence: '{m.pattern.source}'")
        if is_hedged(tokens) and not is_dont_know(ctx.answer) or _only_plans(tokens):
            return whole("not_validated", ctx.answer, "no evidence given")
        return None
    if ctx.question_id == "intake":
        return None
    m = find(tokens, _patterns("research_gaps")) or _certain(tokens, negation_ok=False)
    if m is None:
        return None
    return hit("not_validated", ctx.answer, tokens, m, f"certainty without evidence: '{m.pattern.source}'")


def _only_plans(tokens: Sequence[Token]) -> bool:
    mentions = find_all(tokens, _mentions())
    return bool(mentions) and all(_planned(tokens, m) or negated_before(tokens, m, 5) for m in mentions)


def evidence_level(answer: str) -> Literal["assumption", "partially_validated", "validated"]:
    """How far an answer's evidence goes, on the source's three levels (valider-ses-segments,
    « Ce qui compte comme validé »): a customer commitment (pilot, pre-orders, paying users, signed
    contracts) is validated; research reported with a number or done ("22 entretiens", "interviewed a
    dozen owners") is partially validated; conviction, friends, plans or nothing is an assumption."""
    tokens = tokenise(answer)
    if _commitment(tokens):
        return "validated"
    if strong_evidence(tokens):
        return "partially_validated"
    return "assumption"


def plans_research(answer: str) -> bool:
    """The answer announces research to come ("je vais interroger 20 voyageurs") and reports none."""
    tokens = tokenise(answer)
    return strong_evidence(tokens) is None and _only_plans(tokens)
