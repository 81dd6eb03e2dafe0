"""The grammar lexicon (`assistant/lexicon/<lang>/grammar.yaml`) as phrases of normalised tokens and word
sets, built once, and how to find a phrase in a list of tokens."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.lexicon import all_grammar_words
from assistant.text.tokens import tokenise

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class GrammarLists:
    exclusion: tuple[Phrase, ...]
    dismissal: tuple[Phrase, ...]
    hedges: tuple[Phrase, ...]
    attributes: frozenset[str]
    subjects: frozenset[str]
    clause_verbs: frozenset[str]
    # split on spaces (the entries are normalised): what a sentence opens on, matched with `phrase_at`
    pronoun_heads: tuple[Phrase, ...]
    same_people: tuple[Phrase, ...]
    sides: tuple[Phrase, ...]  # a platform side announced ("on the other side", "de l'autre côté")
    partitives: tuple[Phrase, ...]  # "lots of them", "la plupart d'entre eux": a statement's subject
    others: tuple[Phrase, ...]  # "other", "d'autres": another group than the one before
    reasons: tuple[Phrase, ...]  # "because", "parce que": a reason given, not a group named
    deferral: tuple[Phrase, ...]  # a group put off to later ("later", "peuvent attendre")
    deferral_after: tuple[Phrase, ...]  # after a group, in its sentence: put off ("…, on verra", "come later")
    universal: tuple[Phrase, ...]  # "everyone", "tout le monde"
    turning_away: tuple[Phrase, ...]  # a group turned away with no negation of its own ("skip them", "bof")
    first_person: frozenset[str]  # the founder speaking of themselves ("we", "on")


def phrases(items: Sequence[str]) -> tuple[Phrase, ...]:
    """Word-list phrases as tuples of normalised tokens, without duplicates, longest first (so that a
    longer phrase wins over its prefix)."""
    out = {tuple(t.norm for t in tokenise(p)) for p in items}
    return tuple(sorted((p for p in out if p), key=len, reverse=True))


@lru_cache(maxsize=1)
def grammar_lists() -> GrammarLists:
    """The grammar lexicon of every language, as phrases and word sets, built once."""
    g = all_grammar_words()
    def spaced(items: Sequence[str]) -> tuple[Phrase, ...]:
        return tuple(sorted({tuple(w.split()) for w in items if w.strip()}, key=len, reverse=True))

    return GrammarLists(phrases(g.exclusion), phrases(g.dismissal), phrases(g.hedges), frozenset(g.attributes),
                        frozenset(g.subject_pronouns), frozenset(g.clause_verbs), spaced(g.pronoun_heads),
                        spaced(g.same_people), phrases(g.sides), phrases(g.partitives), phrases(g.others),
                        phrases(g.reasons), phrases(g.deferral), phrases(g.deferral_after),
                        phrases(g.universal), phrases(g.turning_away),
                        frozenset(w for w in g.first_person if w.isalpha()))


def phrase_at(norms: Sequence[str], i: int, phrases: Sequence[Phrase]) -> Phrase | None:
    """The first of `phrases` (longest first) that the tokens `norms` hold at position `i`; None if none."""
    return next((p for p in phrases if tuple(norms[i:i + len(p)]) == p), None)


def contains(norms: Sequence[str], phrases: Sequence[Phrase]) -> int | None:
    """Index of the first phrase found in `norms`, None when none is."""
    return next((i for i in range(len(norms)) if phrase_at(norms, i, phrases)), None)
