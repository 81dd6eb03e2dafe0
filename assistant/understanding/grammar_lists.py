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


_INDEX_LIMIT = 256  # phrase lists indexed at once; they come from cached catalogues, a few dozen in all
_by_first_word: dict[int, tuple[Sequence[Phrase], dict[str, list[Phrase]] | None]] = {}


def _index(phrases: Sequence[Phrase]) -> dict[str, list[Phrase]] | None:
    """`phrases` by their first word, each list in the order of `phrases`; None when one phrase is empty (it
    matches anywhere: the plain scan keeps its place in the order). Built once per list object."""
    entry = _by_first_word.get(id(phrases))
    if entry is None or entry[0] is not phrases:
        if len(_by_first_word) >= _INDEX_LIMIT:
            _by_first_word.clear()
        index: dict[str, list[Phrase]] = {}
        for p in phrases:
            index.setdefault(p[0] if p else "", []).append(p)
        # the list is held with its index: its id is not reused while the entry lives
        entry = _by_first_word[id(phrases)] = (phrases, None if "" in index and () in index[""] else index)
    return entry[1]


def phrase_at(norms: Sequence[str], i: int, phrases: Sequence[Phrase]) -> Phrase | None:
    """The first of `phrases` (longest first) that the tokens `norms` hold at position `i`; None if none.
    Only the phrases that open on the word at `i` are tried (the index of `_index`)."""
    index = _index(phrases)
    candidates = phrases if index is None or not 0 <= i < len(norms) else index.get(norms[i], ())
    return next((p for p in candidates if tuple(norms[i:i + len(p)]) == p), None)


def contains(norms: Sequence[str], phrases: Sequence[Phrase]) -> int | None:
    """Index of the first phrase found in `norms`, None when none is."""
    return next((i for i in range(len(norms)) if phrase_at(norms, i, phrases)), None)
