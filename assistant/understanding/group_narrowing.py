"""Sentences that narrow the group named just before them, read by the group reader after its other checks
(`group_anaphora.attach_dependents`): what a founder adds in a new sentence or list line about the group they
just named is that group, narrowed, not another segment.

- "Merceries et boutiques de laine. Celles qui vendent à la pelote." — a demonstrative and a relative pronoun;
- "- mostly independent power producers", "e.g. farms in Iowa" — a focus or example marker;
- "…, mostly teens 14-18 + some older guys who ref on weekends" — a quantity after a focus marker, in the same
  sentence: what the group is made of;
- "outfits like the two-truck guy in Moore, a family shop in Broken Arrow, a concrete contractor…" — singular
  items listed after an example marker: more examples of the group, not groups;
- "Exterior outfits around Halifax. So roofers, siding guys, deck builders, that kind of crew." — kinds in a
  sentence closed on a kind tag: examples of the group before, no groups;
- "mostly people out east - ringwood, croydon - greek and italian grandmothers…" — people in general set off by a
  dash before named groups: a frame, no group.

Words: `demonstratives`, `relative_openers`, `quantity_openers`, `instance_articles` of
`lexicon/<lang>/group_reading.yaml`; `example_markers` and `kind_tags` of `grouping.yaml`.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.lexicon.lazy import LazyWords
from assistant.text.patterns import find
from assistant.text.tokens import tokenise
from assistant.understanding.group_anaphora import demonstrative_at, opening, past_focus
from assistant.understanding.group_check import OPENERS, FragmentLike, open_before, opens_noun_phrase, reading_words
from assistant.understanding.grouping import EXAMPLE_MARKERS, KIND_TAGS, after_leading_marker
from assistant.understanding.groups import group_words
from assistant.understanding.substance import is_generic_group


def narrowing_relabel(frags: Sequence[FragmentLike], labels: Sequence[str]) -> list[str]:
    """`labels` with the fragments read as new groups that narrow the group before them (see the module) read
    as its continuation."""
    out = list(labels)
    for i in range(len(frags)):
        if out[i] == "new" and (_describes_last_group(frags, out, i) or _focus_on_last_group(frags, out, i)
                                or _composition(frags, out, i)):
            out[i] = "cont"
        elif out[i] == "new" and _instance_after_example(frags, i):
            out[i] = "cont" if out[i - 1] in ("new", "cont") else "none"
        elif out[i] in ("new", "cont") and _kinds_closed_as_examples(frags, out, i):
            out[i] = "none"
        elif out[i] == "new" and _generic_frame(frags, out, i):
            out[i] = "none"
    return out


def _generic_frame(frags: Sequence[FragmentLike], out: Sequence[str], i: int) -> bool:
    """"mostly people out east - ringwood, croydon - greek and italian grandmothers…, and nurses…": people in
    general with a place, set off by a dash or a colon, before named groups in the same sentence, frame those
    groups; they are no group of their own. "People in Lyon and students" (no dash) keeps both."""
    if i + 1 >= len(frags) or frags[i + 1].separator not in ("dash", "colon") or frags[i + 1].first_in_sentence:
        return False
    words = tokenise(frags[i].text)
    heads = group_words(words)
    if not heads or not all(is_generic_group(h) for h in heads) or any(
            t.norm in OPENERS["relative"] for t in words):
        return False
    k = i + 1
    while k < len(frags) and not frags[k].first_in_sentence:
        if out[k] in ("new", "cont") and any(not is_generic_group(h) for h in group_words(tokenise(frags[k].text))):
            return True
        k += 1
    return False


def _kinds_closed_as_examples(frags: Sequence[FragmentLike], out: Sequence[str], i: int) -> bool:
    """"owner-operated exterior outfits around halifax. so roofers, siding guys, deck builders, that kind of
    crew": a sentence closed on a kind tag (`kind_tags` of `grouping.yaml`), after a sentence that named a group,
    lists kinds of that group as examples, no groups of their own."""
    start = i
    while start > 0 and not frags[start].first_in_sentence:
        start -= 1
    end = i
    while end + 1 < len(frags) and not frags[end + 1].first_in_sentence:
        end += 1
    return start > 0 and any(label in ("new", "cont") for label in out[:start]) \
        and find(tokenise(frags[end].text), KIND_TAGS) is not None

def _instance_after_example(frags: Sequence[FragmentLike], i: int) -> bool:
    """"outfits like the two-truck guy in Moore, a family shop in Broken Arrow, a concrete contractor…": an item
    that opens on a singular indefinite article, listed by commas after an example marker in the same sentence
    (every item between opening the same way), is one more example."""
    j = i
    while j > 0 and not frags[j].first_in_sentence and frags[j].separator == "comma":
        words = opening(frags[j].text)
        if not words or words[0] not in _INSTANCE_ARTICLES:
            return False
        j -= 1
        if find(tokenise(frags[j].text), EXAMPLE_MARKERS):
            return True
    return False


def _describes_last_group(frags: Sequence[FragmentLike], out: Sequence[str], i: int) -> bool:
    """A sentence that opens on a demonstrative and a relative pronoun ("Celles qui vendent à la pelote", "The
    ones who…"), right after a sentence that ended on a group, says who among that group: it narrows it.
    Inside a sentence ("les kinés et ceux qui font du domicile"), or after a group named the same way ("- ceux
    qui s'abonnent… - ceux qui offrent…"), it still names people of its own."""
    if not (frags[i].first_in_sentence and _group_in_sentence_before(frags, out, i)):
        return False
    words = past_focus(opening(frags[i].text))
    at = demonstrative_at(words) if words else None
    if at is None or len(words) <= at + 1 or words[at + 1] not in OPENERS["relative"]:
        return False
    opened = next((j for j in range(i - 1, -1, -1) if out[j] == "new"), None)
    before = past_focus(opening(frags[opened].text)) if opened is not None else []
    # "- ceux qui s'abonnent… - ceux qui offrent…": two groups named alike, in parallel
    return not (before and demonstrative_at(before) is not None)


def _composition(frags: Sequence[FragmentLike], out: Sequence[str], i: int) -> bool:
    """"…, mostly teens 14-18 + some older guys who ref on weekends", "surtout des retraités, quelques actifs":
    after a part opened by a focus marker, in the same sentence, a part opened by a quantity says what the
    group is made of. It continues that group."""
    words = opening(frags[i].text)
    if frags[i].first_in_sentence or not words or words[0] not in _QUANTITY_OPENERS:
        return False
    j = i - 1
    while j >= 0 and out[j] in ("new", "cont"):
        if after_leading_marker(tokenise(frags[j].text)):
            return True
        if frags[j].first_in_sentence:
            return False
        j -= 1
    return False


_QUANTITY_OPENERS = LazyWords(lambda: reading_words().quantity_openers)
_INSTANCE_ARTICLES = LazyWords(lambda: reading_words().instance_articles)


def _group_in_sentence_before(frags: Sequence[FragmentLike], out: Sequence[str], i: int) -> bool:
    """Whether the sentence (or list line) before fragment `i` holds a group."""
    j = i - 1
    while j >= 0:  # a continuation of nothing ("…, et sans eux le matériel repart en benne") holds none
        if out[j] == "new" or out[j] == "cont" and (open_before(out, j) or _names_before_run(frags, out, j)):
            return True
        if frags[j].first_in_sentence:
            return False
        j -= 1
    return False


def _names_before_run(frags: Sequence[FragmentLike], out: Sequence[str], j: int) -> bool:
    """The fragment before the run of continuations that holds `j` names a group the reader left unopened ("Les
    hommes et les femmes de 30 à 50 ans | , revenus moyens…"): the orphan reading opens it later."""
    while j > 0 and out[j] == "cont":
        j -= 1
    return out[j] == "none" and opens_noun_phrase(frags[j].text) and bool(group_words(tokenise(frags[j].text)[:4]))


def _focus_on_last_group(frags: Sequence[FragmentLike], out: Sequence[str], i: int) -> bool:
    """A sentence or list line that opens on a focus or example marker ("- mostly independent power producers",
    "Surtout les pizzerias.", "e.g. farms in Iowa"), right after a line that ended on a group, says what that
    group is mostly made of: the same segment, narrowed."""
    if not (frags[i].first_in_sentence and _group_in_sentence_before(frags, out, i)):
        return False
    return bool(after_leading_marker(tokenise(frags[i].text)))


