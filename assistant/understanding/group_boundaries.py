"""Where one group ends and the next begins, read from the labelled fragments (grammar, after the reader's
labels and the grammar checks of `group_check`):

a short heading before a colon is not a group when a group follows it ("For the schools: primary teachers
who…", "Côté vendeurs : les brocanteurs…"). And the cue the reader weighs for a second group: a phrase with
its own qualifier.

Tried and left out (2026-12-01): opening a second group at "and the/et les" + a qualified phrase after a
qualified group split attribute lists ("avec des commerciaux itinérants et un service compta qui…") more
often than it found second groups (train -9 items, cross-validation +2).
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.lexicon import all_grammar_words
from assistant.text.tokens import tokenise
from assistant.understanding.group_check import OPENERS, FragmentLike

HEADING_WORDS = 4  # at most this many words before the colon
CONJUNCTIONS = frozenset("and et or ou plus also aussi but mais then puis".split())
_QUALIFIER_WINDOW = 5  # a qualifier within the phrase's first words after its head


def qualified(text: str) -> bool:
    """A phrase that opens on words of its own and then a qualifier soon after ("Germans who want…",
    "les petits bureaux de 10 à 50 personnes"), not a phrase that opens on the qualifier."""
    qualifiers = set(all_grammar_words().qualifiers)
    skip = OPENERS["determiner"] | CONJUNCTIONS
    words = [t.norm for t in tokenise(text) if t.norm not in skip]
    return bool(words) and words[0] not in qualifiers and any(w in qualifiers for w in words[1:_QUALIFIER_WINDOW])


def mark_boundaries(frags: Sequence[FragmentLike], labels: Sequence[str]) -> list[str]:
    """`labels` (new/cont/deferred/none per fragment) with the headings before a group set to none."""
    out = list(labels)
    for i in range(len(out) - 1):
        if out[i] == out[i + 1] == "new" and frags[i + 1].separator == "colon" and \
                len(tokenise(frags[i].text)) <= HEADING_WORDS:
            out[i] = "none"
    return out
