"""Fragments that describe a group named before them, never a group of their own: "- with a setting team of 2
to 6 people", "- Losing 25% of treated water", "Accompagner leurs enfants" (`describing_openers` and
`action_endings` of `lexicon/<lang>/group_reading.yaml`), or a part of it ("some with a dairy cow", a word of
`quantity_openers` before a describing word or a relative pronoun). A founder who lists a group's traits as bullets gets
one segment, not one per bullet."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.lexicon.lazy import LazyWords
from assistant.text.tokens import Token, numbers_joined, tokenise
from assistant.understanding.grammar_lists import phrase_at
from assistant.understanding.group_check import OPENERS, FragmentLike, reading_phrases, reading_words, skip_hedges
from assistant.understanding.groups import is_group_word, looks_plural

# Not among OPENERS: those are features of the group reader, whose weights expect exactly those four lists.
_DESCRIBING = LazyWords(lambda: reading_words().describing_openers)
_ACTION_ENDINGS = LazyWords(lambda: reading_words().action_endings)
_NOT_ACTION_ENDINGS = LazyWords(lambda: reading_words().not_action_endings)
_POSSESSIVES = LazyWords(lambda: reading_words().possessives)
_QUANTITIES = LazyWords(lambda: reading_words().quantity_openers)


def describes(tokens: Sequence[Token]) -> bool:
    """The fragment opens on a description of a group, not on a group: an apposition ("souvent des femmes qui…",
    "mostly retired couples"), a describing preposition ("with a setting team", "sans salarié") or a verb form
    with its object ("Losing 25% of treated water", "Serving 3,000 people", "Accompagner leurs enfants");
    "Nursing homes" is a group."""
    norms = [t.norm for t in tokens]
    if any(tuple(norms[:len(p)]) == p for p in reading_phrases("appositive_openers")):
        return True  # "souvent des femmes de la région qui…", "mostly retired couples": the group just named
    start = skip_hedges(norms)
    if start >= len(norms):
        return False
    first = norms[start]
    if first in _DESCRIBING:
        return True
    if numbers_joined(tokens, start):
        return True  # "- 2 to 5 mechanics", "- 3 à 10 salariés": a headcount of the group just named
    following = norms[start + 1] if start + 1 < len(norms) else ""
    if first in _QUANTITIES and (following in _DESCRIBING or following in OPENERS["relative"]):
        return True  # "some with a dairy cow or two", "certains qui livrent aussi": a part of the group just named
    # "Running roughly 1,500 ewes": one word between the verb form and the number of its object
    counted = start + 2 < len(norms) and norms[start + 2].isdigit()
    verb_form = (len(first) > 4 and first.endswith(tuple(_ACTION_ENDINGS)) and not is_group_word(first)
                 and not first.endswith(tuple(_NOT_ACTION_ENDINGS)))
    return verb_form and (following.isdigit() or counted or following in OPENERS["determiner"]
                          or following in _POSSESSIVES)


def descriptions_relabel(frags: Sequence[FragmentLike], labels: Sequence[str]) -> list[str]:
    """A fragment read as a new group that describes, once a group was named: part of the group just before
    (`cont`), or of none when a fragment that is no group stands between them. A sentence that tells a scene
    (`anecdotes`) names no group: its people are characters ("What happens is, a teacher just leaves, the owner is
    calling everyone he knows at night")."""
    out = list(labels)
    scene = False
    for i, (frag, label) in enumerate(zip(frags, labels, strict=True)):
        if i == 0 or frag.first_in_sentence:
            scene = tells_a_scene([t.norm for t in tokenise(frag.text)])
        if scene:
            out[i] = "none"
        elif label == "new" and "new" in out[:i] and describes(tokenise(frag.text)):
            out[i] = "cont" if out[i - 1] in ("new", "cont") else "none"
        elif label == "new" and "new" in out[:i] and _relative_goes_on(frags, i):
            out[i] = "none"
    return out


def _relative_goes_on(frags: Sequence[FragmentLike], i: int) -> bool:
    """"people … who already tried other yerbas, compare origin…, and hate running to the store": after a relative
    clause of the sentence, a fragment joined by "and" whose first two words are neither a group word nor a plural,
    after no determiner, is the relative's next verb, not a group."""
    tokens = tokenise(frags[i].text)
    norms = [t.norm for t in tokens]
    start = skip_hedges(norms)  # "and then the vets": past "then"
    opening = norms[start:start + 2]  # "hate running…", not "coworking spaces…" nor "retired teachers"
    if frags[i].separator not in ("and", "comma_and") or not opening or any(
            is_group_word(w) or looks_plural(w) or w in OPENERS["determiner"] or w in OPENERS["preposition"]
            or w in _POSSESSIVES for w in opening):
        return False
    if frags[i].text[tokens[start].start].isupper():
        return False
    start = next((j for j in range(i, -1, -1) if frags[j].first_in_sentence), 0)
    return any(t.norm in OPENERS["relative"] for frag in frags[start:i] for t in tokenise(frag.text))


def tells_a_scene(norms: Sequence[str]) -> bool:
    """The normalised words of a sentence open, past hedges, on a scene told (`anecdotes`: "what happens is…")."""
    return phrase_at(norms, skip_hedges(norms), reading_phrases("anecdotes")) is not None


def without_anecdotes(answer: str) -> str:
    """`answer` with the sentences that tell a scene blanked out (same length): their people are characters
    ("What happens is, a physics teacher just leaves…"), not groups the founder names."""
    tokens = tokenise(answer)
    chars = list(answer)
    for sentence in sorted({t.sentence for t in tokens}):
        words = [t for t in tokens if t.sentence == sentence]
        if tells_a_scene([t.norm for t in words]):
            chars[words[0].start:words[-1].end] = " " * (words[-1].end - words[0].start)
    return "".join(chars)
