"""Groups put off to later: a fragment the reader reads as deferred must speak of a time to come, and the
words right after a group can put it off ("les kinés et le reste, on verra", "advertisers come later"). The
words are grammar data (`deferral`, `deferral_after` in `assistant/lexicon/<lang>/grammar.yaml`)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.lexicon.lazy import LazyRegex
from assistant.text.tokens import Token, tokenise
from assistant.understanding.grammar_lists import contains, grammar_lists
from assistant.understanding.group_check import FragmentLike, group_words_at, opens_noun_phrase, reading_words

# A time to come after a group ("labs in Q3", "conservatoires en 2026"): a preposition (`future_prepositions`
# of `group_reading.yaml`) before a year or a quarter; a deferral like the grammar's words.
FUTURE = LazyRegex(r"\b{future_prepositions}\s+(?:20[2-9]\d|q[1-4])\b", lists=reading_words)


def _speaks_of_later(tokens: Sequence[Token]) -> bool:
    norms = [t.norm for t in tokens]
    return contains(norms, grammar_lists().deferral) is not None or bool(FUTURE.search(" ".join(norms)))


def deferral_relabel(frags: Sequence[FragmentLike], labels: Sequence[str], answer: str) -> list[str]:
    """The reader's deferrals checked against the words: a fragment read as deferred that speaks of no time
    to come, nor has words after it that put it off, opens a group ("Les PME du BTP d'abord, …"); a fragment
    read as no group that opens on a group and puts it off in its own words is deferred ("…, les grands
    comptes ça viendra plus tard", "advertisers come later once we have traffic")."""
    out = list(labels)
    for i, (frag, label) in enumerate(zip(frags, labels, strict=True)):
        tokens = tokenise(frag.text)
        if label == "deferred" and not _speaks_of_later(tokens):
            after = frags[i + 1].end if i + 1 < len(frags) else len(answer)
            if not deferred_after(answer, frag.end, after):
                out[i] = "new"
        elif label == "none" and opens_noun_phrase(frag.text):
            hit = contains([t.norm for t in tokens], grammar_lists().deferral_after)
            if hit and group_words_at(tokens[:hit]) and not contains([t.norm for t in tokens[:hit]],
                                                                   grammar_lists().universal):
                out[i] = "deferred"
    return out


DEFERRAL_GAP = 3  # words between a group and the words that put it off ("…, on verra", "ça viendra plus tard")


def deferred_after(answer: str, end: int, sentence_end: int) -> bool:
    """Whether the words right after the group ending at `end`, in its sentence (up to `sentence_end`), put
    it off to later: "les kinés et le reste, on verra", "advertisers come later" (grammar `deferral_after`),
    at most `DEFERRAL_GAP` words on, none of them a group or "everyone" ("events first, everyone else can
    wait" puts off everyone else, not the events)."""
    tokens = tokenise(answer[end:sentence_end])[:DEFERRAL_GAP + 4]
    norms = [t.norm for t in tokens]
    hit = contains(norms, grammar_lists().deferral_after)
    if hit is None or hit > DEFERRAL_GAP or group_words_at(tokens[:hit]):
        return False
    return contains(norms[:hit], grammar_lists().universal) is None
