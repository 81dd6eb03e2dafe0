"""A focus on part of the group already named is no second group: "Les salons de coiffure indépendants, pas les
franchises. Surtout les petits salons de 1 à 4 coiffeuses qui…", "independent bookshops in Leeds, mostly the
small bookshops near the university". A fragment that opens on a focus or example marker (`example_markers` of
`lexicon/<lang>/grouping.yaml`: "surtout", "especially", "mostly") and whose head shares a word with the head of
the group open before it ("petits salons", "salons de coiffure") narrows that group: it continues it when it
follows it directly, else (an exclusion or an aside between them) it is dropped rather than made a twin
segment. Another head after the marker ("surtout les kinés", after "les ostéos") is another group, as the
reader said.

Runs on the reader's labels, after `group_anaphora.attach_dependents`.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.text.patterns import find_all
from assistant.text.tokens import tokenise
from assistant.understanding.group_check import OPENERS, FragmentLike, reading_words, skip_hedges
from assistant.understanding.grouping import EXAMPLE_MARKERS
from assistant.understanding.substance import content_words

HEAD_WORDS = 3  # content words of a noun phrase's head compared ("petits salons", "salons de coiffure")
STEM = 5


def _head_stems(text: str) -> set[str]:
    """The first letters of the first content words of a phrase: its head and what qualifies it first."""
    return {w[:STEM] for w in content_words(text)[:HEAD_WORDS] if len(w) > 3 and not w.isdigit()}


def _focus_head(text: str) -> set[str] | None:
    """The head stems after a focus marker that opens the fragment; None when no marker opens it."""
    tokens = tokenise(text)
    lead = next((m.end for m in find_all(tokens, EXAMPLE_MARKERS) if m.start == 0), None)
    if lead is None or lead >= len(tokens):
        return None
    return _head_stems(text[tokens[lead].start:])


def _set_aside(text: str) -> bool:
    """A fragment that opens on a negation or an exception ("pas les franchises", "except hospitals")."""
    norms = [t.norm for t in tokenise(text)]
    lead = skip_hedges(norms)
    return lead < len(norms) and (norms[lead] in OPENERS["negation"] or norms[lead] in reading_words().exclusion_leads)


def focus_on_part(frags: Sequence[FragmentLike], labels: Sequence[str]) -> list[str]:
    """`labels` with every focus on the group open before it joined to it (or dropped; see the module)."""
    out = list(labels)
    for i in range(1, len(frags)):
        if out[i] != "new":
            continue
        head = _focus_head(frags[i].text)
        opened = next((k for k in range(i - 1, -1, -1) if out[k] == "new" and not _set_aside(frags[k].text)), None)
        if head is None or opened is None:
            continue
        if not head & _head_stems(frags[opened].text):
            continue
        adjacent = all(out[k] == "cont" for k in range(opened + 1, i))
        out[i] = "cont" if adjacent else "none"
    return out
