"""Labels the reader leaves without a group to belong to, read by the group reader after its other checks:

- a continuation with no group open before it, right after a short sentence opening coordinated with it ("Drill
  and blast crews and haul truck operators…": "Drill" read as no group, "blast crews" as its continuation), opens
  the group at that opening: the two words are one noun phrase, split by the coordination (a deferred group when
  its sentence puts something off: "Hotel and hospital kitchens…, that's a different sale for later");
- a new group opened by a clause led by a subject pronoun, with no group open before it ("…at 10am, then they
  drive four hours home"), or by a habit's time and a subject pronoun, group open or not ("every winter they lose
  kids", "chaque année ils regardent les mangues pourrir"), is no group: it says what the people named before do.

Words: `personal_subjects`, `connectives`, `copulas` of `lexicon/<lang>/group_reading.yaml`; `recurring_times` of
`grouping.yaml`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from assistant.lexicon.lazy import LazyWords
from assistant.text.patterns import find_all
from assistant.text.tokens import tokenise
from assistant.understanding.grammar_lists import contains, grammar_lists
from assistant.understanding.group_check import FragmentLike, open_before, opens_noun_phrase, reading_words, skip_hedges
from assistant.understanding.grouping import RECURRING_TIMES
from assistant.understanding.groups import group_words

_COORDINATED = frozenset(("and", "or", "comma_and"))
_PERSONAL = LazyWords(lambda: reading_words().personal_subjects)
_CONNECTIVES = LazyWords(lambda: reading_words().connectives)
_COPULAS = LazyWords(lambda: [*reading_words().copulas, "re", "s"])  # "they're", "c'est": contractions
SHORT_OPENING = 3  # words: a pre-modifier cut off by the coordination ("Drill", "Cattle and sheep")


def orphans_relabel(frags: Sequence[FragmentLike], labels: Sequence[str]) -> list[str]:
    """`labels` with the orphan continuations opened and pronoun clauses read as no group (see the module)."""
    out = list(labels)
    for i, frag in enumerate(frags):
        clause = _pronoun_clause(frag.text) if out[i] == "new" else None
        if clause == "habit":
            out[i] = "none"  # "every winter they lose kids": what the group named before does, group open or not
            continue
        if open_before(out, i):
            continue
        if clause:
            out[i] = "none"
        elif (out[i] == "cont" and i and out[i - 1] == "none" and frag.separator in _COORDINATED
              and frags[i - 1].first_in_sentence and len(frags[i - 1].text.split()) <= SHORT_OPENING
              and opens_noun_phrase(frags[i - 1].text) and _run_names_a_group(frags, out, i)):
            out[i - 1] = "deferred" if _sentence_defers(frags, i) else "new"
    return out


def _pronoun_clause(text: str) -> Literal["habit", "plain"] | None:
    """Whether the fragment opens, past hedges, a connective ("then", "puis") and a habit's time ("chaque année",
    `recurring_times`), on a personal pronoun not followed by a copula: "habit" past a habit's time ("chaque année
    ils regardent les mangues pourrir"), "plain" without one ("then they drive four hours home"); None otherwise
    ("they're mostly nurses")."""
    tokens = tokenise(text)
    norms = [t.norm for t in tokens]
    at = skip_hedges(norms)
    at += at < len(norms) and norms[at] in _CONNECTIVES
    habit = next((m.end for m in find_all(tokens, RECURRING_TIMES) if m.start == at), None)
    at = habit or at
    if at < len(norms) and norms[at] in _PERSONAL and not (at + 1 < len(norms) and norms[at + 1] in _COPULAS):
        return "plain" if habit is None else "habit"
    return None


def _sentence_defers(frags: Sequence[FragmentLike], i: int) -> bool:
    """The sentence of fragment `i` puts something off (grammar `deferral`: "…, that's a different sale for
    later"): the group it opens is deferred."""
    first = next(j for j in range(i, -1, -1) if j == 0 or frags[j].first_in_sentence)
    last = next((j for j in range(i + 1, len(frags)) if frags[j].first_in_sentence), len(frags))
    norms = [t.norm for f in frags[first:last] for t in tokenise(f.text)]
    return contains(norms, grammar_lists().deferral) is not None


def _run_names_a_group(frags: Sequence[FragmentLike], labels: Sequence[str], i: int) -> bool:
    """The continuations from `i` on, in `i`'s sentence, hold a word of the group lexicon."""
    j = i
    while j < len(frags) and labels[j] == "cont" and (j == i or not frags[j].first_in_sentence):
        if group_words(tokenise(frags[j].text)):
            return True
        j += 1
    return False
