"""Cues that change what a phrase means, in every language: negation, hedges, contrast, a belief the
founder has dropped, and the excerpt that quotes the founder around a match. The words are data
(`assistant/lexicon/<lang>/cues.yaml`, `CueWords`), read on first use.

Folding lives in `tokens`, tolerant matching in `patterns`, list splitting in `lists`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.lexicon import every_language
from assistant.lexicon.cues import CueWords
from assistant.lexicon.lazy import LazyWords
from assistant.text.patterns import Match, PatternSet, compile_all, find_all
from assistant.text.tokens import Token, tokenise

__all__ = [
    "FUNCTION_WORDS", "contrast_after", "excerpt", "is_hedged", "negated_after", "negated_before",
    "past_belief_before",
]


@lru_cache(maxsize=1)
def _lists() -> CueWords:
    return every_language(CueWords, "cues")


# Function words of every language: they never narrow or describe anything on their own.
FUNCTION_WORDS = LazyWords(lambda: _lists().function_words)


# --- negation, hedges, contrast ---------------------------------------------------------------------

@dataclass(frozen=True)
class _Negation:
    negators: frozenset[str]
    not_negating: dict[str, frozenset[str]]  # a negator followed by one of these is an idiom ("pas mal de")
    ne_particles: frozenset[str]  # "ne ... pas": the particle before the negator
    ne_negators: frozenset[str]  # negate only after a particle ("ne ... plus")


@lru_cache(maxsize=1)
def _negation() -> _Negation:
    lists = _lists()
    idioms: dict[str, set[str]] = {}
    for pair in lists.not_negating:
        negator, following = pair.split()
        idioms.setdefault(negator, set()).add(following)
    return _Negation(frozenset(lists.negators), {k: frozenset(v) for k, v in idioms.items()},
                     frozenset(lists.ne_particles), frozenset(lists.ne_negators))


def is_negator(tokens: Sequence[Token], i: int) -> bool:
    word = tokens[i].norm
    nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    negation = _negation()
    if word in negation.ne_negators:  # "ne ... plus" only
        return any(t.norm in negation.ne_particles for t in tokens[max(0, i - 3):i])
    return word in negation.negators and nxt not in negation.not_negating.get(word, frozenset())


def negated_before(tokens: Sequence[Token], m: Match, window: int = 4) -> bool:
    """A negator in the few words before the match, in the same clause."""
    clause = tokens[m.start].clause
    for i in range(m.start - 1, max(-1, m.start - window - 1), -1):
        if tokens[i].clause != clause:
            return False
        if is_negator(tokens, i):
            return True
    return False


def negated_after(tokens: Sequence[Token], m: Match, window: int = 4) -> bool:
    """French "tout le monde n'est pas ...": ne/n then a negator right after the match; or the match inside
    the negation, "ils ne [se ressemblent] pas": ne/n just before it, the negator right after."""
    clause = tokens[m.start].clause
    following = [i for i in range(m.end, min(len(tokens), m.end + window)) if tokens[i].clause == clause]
    just_before = [i for i in range(max(0, m.start - 2), m.start) if tokens[i].clause == clause]
    has_ne = any(tokens[i].norm in _negation().ne_particles for i in [*just_before, *following])
    return has_ne and any(is_negator(tokens, i) for i in following)


def negated_inside(tokens: Sequence[Token], m: Match) -> bool:
    return any(is_negator(tokens, i) for i in range(m.start, m.end))


@lru_cache(maxsize=1)
def _hedges() -> PatternSet:
    return compile_all(_lists().hedges)


@lru_cache(maxsize=1)
def _contrasts() -> PatternSet:
    """A correction follows: "tout le monde... mais en fait surtout les parents"."""
    return compile_all(_lists().contrasts)


@lru_cache(maxsize=1)
def _past_belief() -> PatternSet:
    """A belief the founder has moved on from: "au début je pensais que tout le monde..."."""
    return compile_all(_lists().past_beliefs)


def is_hedged(text_or_tokens: str | Sequence[Token]) -> bool:
    tokens = tokenise(text_or_tokens) if isinstance(text_or_tokens, str) else text_or_tokens
    return any(not negated_before(tokens, m, 2) for m in find_all(tokens, _hedges()))


MIN_WORDS_AFTER_CONTRAST = 2


def contrast_after(tokens: Sequence[Token], m: Match) -> bool:
    """A "but/en fait" later in the same or the next sentence, followed by what the founder says
    instead: they correct themself. A trailing "en fait" is a filler, not a correction."""
    last = tokens[m.start].sentence + 1
    for c in find_all(tokens, _contrasts()):
        after = [t for t in tokens[c.end:] if t.sentence <= last]
        if c.start >= m.end and tokens[c.start].sentence <= last and len(after) >= MIN_WORDS_AFTER_CONTRAST:
            return True
    return False


def past_belief_before(tokens: Sequence[Token], m: Match) -> bool:
    """"At first we thought everyone...": a belief the founder has moved on from."""
    sentence = tokens[m.start].sentence
    return any(p.end <= m.start and tokens[p.start].sentence == sentence
               for p in find_all(tokens, _past_belief()))


@lru_cache(maxsize=1)
def _denials() -> PatternSet:
    return compile_all(_lists().denials)


def _denied_next(tokens: Sequence[Token], p: Match) -> bool:
    """The sentence after the belief opens on a denial ("…doctors included. No: the doctors have a lounge")."""
    following = tokens[p.start].sentence + 1
    first = next((i for i, t in enumerate(tokens) if t.sentence == following), None)
    return first is not None and any(m.start == 0 for m in find_all(tokens[first:first + 4], _denials()))


def dropped_belief_spans(text: str) -> list[tuple[int, int]]:
    """Where the founder tells a belief they have moved on from, as character offsets: from the past-belief
    words ("at first we thought", "au début je pensais") through the contrast that corrects it ("mais en
    fait…") when it is in the same sentence, else to the end of that sentence when the correction opens the next one
    ("…all of it. But that's a different business. Now it's…"). Nothing without a correction."""
    tokens = tokenise(text)
    spans = []
    for p in find_all(tokens, _past_belief()):
        if not (contrast_after(tokens, p) or _denied_next(tokens, p)):
            continue
        sentence = tokens[p.start].sentence
        inside = [c for c in find_all(tokens, _contrasts())
                  if c.start >= p.end and tokens[c.start].sentence == sentence]
        last = max(i for i, t in enumerate(tokens) if t.sentence == sentence)
        end = tokens[inside[0].end - 1].end if inside else tokens[last].end  # the contrast word too: no group
        spans.append((tokens[p.start].start, end))
    return spans


def excerpt(text: str, tokens: Sequence[Token], m: Match, limit: int = 160) -> str:
    """The founder's sentence around a match, trimmed to about `limit` characters."""
    sentence = tokens[m.start].sentence
    idx = [i for i, t in enumerate(tokens) if t.sentence == sentence]
    first, last = idx[0], idx[-1]
    while tokens[last].end - tokens[first].start > limit and (first < m.start or last >= m.end):
        if m.start - first >= last - (m.end - 1) and first < m.start:
            first += 1
        elif last >= m.end:
            last -= 1
        else:
            break
    return text[tokens[first].start:tokens[last].end].strip()
