"""Where one group ends and the next begins, read from the labelled fragments (grammar, after the reader's
labels and the grammar checks of `group_check`):

- a short heading before a colon is not a group when a group follows it ("For the schools: primary
  teachers who…", "Côté vendeurs : les brocanteurs…");
- in a serial list of bare noun phrases half read as groups or more, every item is a group ("banks, insurers,
  hospitals, law firms and pharma companies": the last two are not one group);
- a group right after a side heading ("on the other side, the buyers") opens one;
- two plural noun phrases joined by "and"/"et", each qualified by the same preposition, are two groups ("gyms
  in Austin and physio clinics in Dallas", "des salles de sport à Lyon et des cabinets de kiné à Marseille"):
  the parallel says the second names its own customers, where an attribute list does not ("avec des
  commerciaux et un service compta qui…": a singular head, another qualifier).

- what a pair of dashes sets inside a sentence ("les alpages du Valais romand — Hérens, Anniviers, à peu près —
  qui montent…") is an aside that details the group before it, as brackets are.

And the cue the reader weighs for a second group: a phrase with its own qualifier.

Tried and left out (2026-12-01), each by 5-fold cross-validation on the train split: opening a second group
at "and the/et les" + a qualified phrase after a qualified group split attribute lists ("avec des
commerciaux itinérants et un service compta qui…") more often than it found second groups (train -9 items,
cross-validation +2); a cue for a statement (an auxiliary before any relative pronoun: "big retailers are
forcing their suppliers…") left cross-validation unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.lexicon import all_grammar_words
from assistant.lexicon.lazy import LazyWords
from assistant.text.tokens import tokenise
from assistant.understanding.grammar_lists import grammar_lists
from assistant.understanding.group_check import OPENERS, FragmentLike, reading_words
from assistant.understanding.grouping import after_leading_marker
from assistant.understanding.groups import group_words, looks_plural
from assistant.understanding.substance import content_words

HEADING_WORDS = 4  # at most this many words before the colon
CONJUNCTIONS = LazyWords(lambda: reading_words().conjunctions)  # `conjunctions` of `group_reading.yaml`
_QUALIFIER_WINDOW = 5  # a qualifier within the phrase's first words after its head


def qualified(text: str) -> bool:
    """A phrase that opens on words of its own and then a qualifier soon after ("Germans who want…",
    "les petits bureaux de 10 à 50 personnes"), not a phrase that opens on the qualifier."""
    qualifiers = set(all_grammar_words().qualifiers)
    words = [t.norm for t in tokenise(text) if t.norm not in OPENERS["determiner"] and t.norm not in CONJUNCTIONS]
    return bool(words) and words[0] not in qualifiers and any(w in qualifiers for w in words[1:_QUALIFIER_WINDOW])


_LIST_JOINS = frozenset(("comma", "and", "comma_and", "or", "also"))  # "also": "X surtout, mais aussi Y, Z"
LIST_ITEM_WORDS = 3  # "law firms", "pharma companies": an item of a serial list is a bare noun phrase
_SERIAL = 3  # items, at least, for a serial list ("banks, insurers, hospitals and law firms")


def _bare(text: str) -> bool:
    """A short noun phrase with something in it ("law firms"; not "etc", "whatever", "and so on")."""
    if not content_words(text):
        return False
    pronouns = all_grammar_words().subject_pronouns
    words = [t.norm for t in tokenise(text) if t.norm not in CONJUNCTIONS and t.norm not in OPENERS["determiner"]]
    return 0 < len(words) <= LIST_ITEM_WORDS and not any(
        w in OPENERS["relative"] or w in OPENERS["preposition"] or w in OPENERS["negation"] or w in pronouns
        or w.isdigit() for w in words)


def _serial_lists(frags: Sequence[FragmentLike], out: list[str]) -> None:
    """In a serial list of bare noun phrases (the last one may carry a qualifier) of which half or more are
    already read as groups ("banks, insurers, hospitals, law firms and pharma companies"), every item is a
    group of its own."""
    i = 0
    while i < len(frags):
        j = i + 1
        while j < len(frags) and frags[j].separator in _LIST_JOINS and not frags[j].first_in_sentence:
            j += 1
        run = range(i, j)
        named = sum(out[k] == "new" for k in run)
        if len(run) >= _SERIAL and all(_bare(frags[k].text) for k in run[:-1]) and named >= 2 and \
                2 * named >= len(run) and "deferred" not in [out[k] for k in run]:
            for k in run:  # a last item with its own qualifier is split off, never made up from nothing
                # an item opened by a focus or example marker ("cavistes, surtout les indépendants, et…") is
                # part of the item before it, no item of its own
                if (_bare(frags[k].text) or out[k] != "none") and after_leading_marker(tokenise(frags[k].text)) is None:
                    out[k] = "new"
        i = j


_PARALLEL_JOINS = frozenset(("and", "comma_and"))


def _head_and_prepositions(text: str) -> tuple[str, set[str]]:
    """The phrase's first word past determiners and conjunctions, and each preposition soon after it with the
    word before it plural ("gyms in", "clinics in"; "salles de", "sport à")."""
    words = [t.norm for t in tokenise(text) if t.norm not in OPENERS["determiner"] and t.norm not in CONJUNCTIONS]
    if not words or words[0] in OPENERS["preposition"] or words[0] in OPENERS["relative"]:
        return "", set()
    window = words[:_QUALIFIER_WINDOW]
    return words[0], {w for k, w in enumerate(window[1:], 1) if w in OPENERS["preposition"]
                      and looks_plural(window[k - 1])}


def _parallel_phrases(frags: Sequence[FragmentLike], out: list[str]) -> None:
    """A fragment read as going on with the one before, joined by "and"/"et", that mirrors it: both plural
    phrases qualified by the same preposition ("gyms in Austin | and physio clinics in Dallas"), the second naming
    people or organisations: a group ("les proprios de camping-cars | et caravanes de Tournai" own two things)."""
    for i in range(1, len(frags)):
        if out[i] != "cont" or out[i - 1] not in ("new", "cont") or frags[i].separator not in _PARALLEL_JOINS \
                or frags[i].first_in_sentence:
            continue
        head, mine = _head_and_prepositions(frags[i].text)
        before_head, theirs = _head_and_prepositions(frags[i - 1].text)
        if head and before_head and mine & theirs and group_words(tokenise(frags[i].text)):
            out[i] = "new"


def _after_side_heading(frags: Sequence[FragmentLike], out: list[str]) -> None:
    """A group right after a side heading ("on the other side, the buyers", "de l'autre côté, les acheteurs")
    opens one: the founder announces the platform's other side."""
    sides = grammar_lists().sides
    for i in range(1, len(frags)):
        heading = tuple(t.norm for t in tokenise(frags[i - 1].text))
        if out[i] == "none" and heading in sides and group_words(tokenise(frags[i].text)):
            out[i] = "new"


def mark_boundaries(frags: Sequence[FragmentLike], labels: Sequence[str]) -> list[str]:
    """`labels` (new/cont/deferred/none per fragment) with the headings before a group set to none and the
    items of a serial list of groups each a group."""
    out = list(labels)
    _serial_lists(frags, out)
    _parallel_phrases(frags, out)
    _after_side_heading(frags, out)
    for i in range(len(out) - 1):
        if out[i] == out[i + 1] == "new" and frags[i + 1].separator == "colon" and \
                len(tokenise(frags[i].text)) <= HEADING_WORDS:
            out[i] = "none"
    return out


def dash_asides(frags: Sequence[FragmentLike], labels: Sequence[str]) -> list[str]:
    """`labels` with the fragments between two dashes of one sentence read as going on with the group before
    ("les alpages du Valais romand — Hérens, Anniviers, Entremont — qui…": places of the group, not groups),
    when a group is open before the first dash; a dash with no closing one in its sentence sets nothing aside."""
    out = list(labels)
    for i, frag in enumerate(frags):
        if frag.separator != "dash" or not i or out[i - 1] == "none":
            continue
        close = next((j for j in range(i + 1, len(frags))
                      if frags[j].first_in_sentence or frags[j].separator == "dash"), None)
        if close is None or frags[close].first_in_sentence:
            continue
        out[i:close] = ["cont"] * (close - i)
    return out
