"""Cues that change what a phrase means, in both languages: negation, hedges, contrast, a belief the
founder has dropped, and the excerpt that quotes the founder around a match.

Folding lives in `tokens`, tolerant matching in `patterns`, list splitting in `lists`.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.text.patterns import Match, compile_all, find_all
from assistant.text.tokens import Token, tokenise

__all__ = [
    "FUNCTION_WORDS", "contrast_after", "excerpt", "is_hedged", "negated_after", "negated_before",
    "past_belief_before",
]

# Function words of both languages: they never narrow or describe anything on their own.
FUNCTION_WORDS = frozenset(
    "le la les l un une des de du d a au aux en dans sur pour par avec sans qui que qu dont ou et est sont "
    "a ont the a an of in on for with to and or who that which whose is are have has be been ce cet cette "
    "ces se s il ils elle elles y on nous vous je j me m n ne pas not do does their leur leurs son sa ses "
    "my your its his her them they we you i".split()
)


# --- negation, hedges, contrast ---------------------------------------------------------------------

NEGATORS_FR = ("pas", "jamais", "aucun", "aucune", "rien", "ni", "sans", "non", "nul", "nulle", "guere")
NEGATORS_EN = ("not", "no", "never", "none", "neither", "nor", "without", "cannot", "nothing", "nobody")
_NEGATORS = frozenset(NEGATORS_FR + NEGATORS_EN)
# A negator followed by one of these is an idiom, not a negation ("pas mal de", "sans doute").
_NOT_NEGATING = {"pas": {"mal"}, "sans": {"doute"}, "no": {"doubt", "matter"}, "non": {"plus"}}


def is_negator(tokens: Sequence[Token], i: int) -> bool:
    word = tokens[i].norm
    nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    if word == "plus":  # "ne ... plus" only
        return any(t.norm in {"ne", "n"} for t in tokens[max(0, i - 3):i])
    return word in _NEGATORS and nxt not in _NOT_NEGATING.get(word, set())


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
    """French "tout le monde n'est pas ...": ne/n then a negator right after the match."""
    clause = tokens[m.start].clause
    following = [i for i in range(m.end, min(len(tokens), m.end + window)) if tokens[i].clause == clause]
    has_ne = any(tokens[i].norm in {"ne", "n"} for i in following)
    return has_ne and any(is_negator(tokens, i) for i in following)


def negated_inside(tokens: Sequence[Token], m: Match) -> bool:
    return any(is_negator(tokens, i) for i in range(m.start, m.end))


HEDGES_FR = ("je pense", "je crois", "j imagine", "je suppose", "sans doute", "probablement", "peut etre",
             "a priori", "il me semble", "normalement", "en theorie", "je dirais", "surement",
             "j ai l impression", "j espere", "on espere", "on suppose", "on pense", "logiquement")
HEDGES_EN = ("i think", "i guess", "i suppose", "i believe", "probably", "maybe", "perhaps", "i would say",
             "i would say", "i imagine", "presumably", "in theory", "kind of", "sort of", "likely",
             "i hope", "we hope", "we assume", "i assume", "we think", "we believe", "i feel like")
_HEDGES = compile_all(HEDGES_FR, HEDGES_EN)

# A correction follows: "tout le monde... mais en fait surtout les parents".
CONTRASTS_FR = ("=mais", "=cependant", "=pourtant", "=toutefois", "en fait non|plutot", "en realite",
                "en pratique", "=finalement", "sauf que", "tandis que", "alors que")
CONTRASTS_EN = ("=but", "=however", "actually no|not", "in reality", "in practice", "=except", "=although",
                "=though", "=whereas")
_CONTRASTS = compile_all(CONTRASTS_FR, CONTRASTS_EN)
# A belief the founder has moved on from: "au début je pensais que tout le monde...".
PAST_BELIEF_FR = ("au debut", "au depart", "initialement", "je pensais", "on pensait", "nous pensions",
                  "j avais pense", "a l origine", "on croyait", "je croyais")
PAST_BELIEF_EN = ("at first", "initially", "we thought", "i thought", "we used to", "i used to", "originally",
                  "we first")
_PAST_BELIEF = compile_all(PAST_BELIEF_FR, PAST_BELIEF_EN)


def is_hedged(text_or_tokens: str | Sequence[Token]) -> bool:
    tokens = tokenise(text_or_tokens) if isinstance(text_or_tokens, str) else text_or_tokens
    return any(not negated_before(tokens, m, 2) for m in find_all(tokens, _HEDGES))


MIN_WORDS_AFTER_CONTRAST = 2


def contrast_after(tokens: Sequence[Token], m: Match) -> bool:
    """A "but/en fait" later in the same or the next sentence, followed by what the founder says
    instead: they correct themself. A trailing "en fait" is a filler, not a correction."""
    last = tokens[m.start].sentence + 1
    for c in find_all(tokens, _CONTRASTS):
        after = [t for t in tokens[c.end:] if t.sentence <= last]
        if c.start >= m.end and tokens[c.start].sentence <= last and len(after) >= MIN_WORDS_AFTER_CONTRAST:
            return True
    return False


def past_belief_before(tokens: Sequence[Token], m: Match) -> bool:
    """"At first we thought everyone...": a belief the founder has moved on from."""
    sentence = tokens[m.start].sentence
    return any(p.end <= m.start and tokens[p.start].sentence == sentence
               for p in find_all(tokens, _PAST_BELIEF))


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
