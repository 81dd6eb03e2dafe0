"""A segment's name and identity: the short name a group described in a sentence gets on the canvas, and
which canvas segment a group named again later is (`known_segment`)."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.canvas import Canvas
from assistant.lexicon import all_conversation_words
from assistant.understanding.substance import content_words, is_generic_group

_FILLERS = re.compile(
    r"^(?:(?:franchement|bah|ben|euh|bon|alors|en vrai|en gros|je pense que|je dirais|je crois que|plutot|plutôt|"
    r"surtout|principalement|well|so|honestly|i think|i guess|i'd say|mostly|mainly|probably|basically|like|um|"
    r"uh|pour|for|c'est vrai que|c est vrai que|it's true that|en fait|actually|c'est|it's|its)(?=[\s,:]|$)[\s,:]*)+",
    re.I,
)
# Where a name ends: a relative clause, punctuation, a dash, or a copula ("frontline workers are probably
# an underserved segment": a name never holds the verb of a statement about the group).
_CLAUSE = re.compile(r"\s(?:qui|que|dont|où|ou qui|that|who|which|whose|where|are|is|were|sont|est)\s"
                     r"|[,;:(\[]|\s[-–—]\s"
                     # examples after the group ("les associations type ADMR", "visitors for like a week")
                     r"|\s(?:type|genre|comme|tels que|telles que|like|such as|e\.g\.|par ex\S*|notamment|including)\s",
                     re.I)
_RELATIVE = re.compile(r"qui|que|dont|où|who|that|which|whose|where", re.I)
_PUNCTUATION = re.compile(r"[,;:.!?(\[]|\s[-–—]\s")
ONE_WORD_EXTRA = 2  # a one-word head's name may run this many words longer, to end its relative clause
_DANGLING = set(
    "de des du d' à a au aux en et ou avec sans pour par sur dans le la les un une plus que "
    "of with without to in on at for by and or from the an more than every each all chaque tous toutes".split()
)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,4}s?\b")
MAX_NAME_WORDS = 6
STEM = 5  # letters compared when a group is matched to a segment's name


def segment_name(group: str) -> str:
    """A short, readable name for a group described in a sentence: its head, before any clause or list of
    examples, at most `MAX_NAME_WORDS` words, never ending on a function word."""
    text = re.sub(r"\s+", " ", group).strip(" .;,:-–—?!…")
    text = _FILLERS.sub("", text)
    cut = _CLAUSE.search(text)
    head = (text[:cut.start()] if cut else text).strip() or text
    if is_generic_group(head) and not is_generic_group(text):
        head = text  # "Everyone who runs a restaurant": the clause is the group, not "Everyone"
    head = re.sub(r"^(les|des|la|le|l'|the|some|our|nos|mes)\s+", "", head, flags=re.I)
    limit = MAX_NAME_WORDS
    if cut and len(head.split()) == 1 and _RELATIVE.fullmatch(cut.group(0).strip()):
        # one word says little ("Foyers", "Patients"): its relative clause is part of the name, to the next
        # punctuation ("Foyers qui ont un chien ou un chat")
        head = f"{head} {_PUNCTUATION.split(text[cut.start():], maxsplit=1)[0].strip()}"
        limit = MAX_NAME_WORDS + ONE_WORD_EXTRA
    words = head.split()
    if len(words) > limit:
        words = words[:limit]
        while words and any(ch.isdigit() for ch in words[-1]):
            words.pop()
    while len(words) > 1 and words[-1].lower() in _DANGLING:  # "Particuliers hypertendus à", "…for"
        words.pop()
    name = " ".join(words).strip(" .;,:?!…")
    return (name[:1].upper() + name[1:]) if name else group.strip()[:60]


@lru_cache(maxsize=1)
def _generic_people() -> frozenset[str]:
    return frozenset(all_conversation_words().generic_people)


def name_stems(text: str) -> set[str]:
    """The first letters of the words that identify a group: content words of 4 letters or more and
    acronyms ("PME", "SMB"), not function words ("with") nor words for people in general ("people", "gens")."""
    acronyms = {w.lower() for w in _ACRONYM.findall(text)}
    return {w[:STEM] for w in content_words(text)
            if (len(w) > 3 or w in acronyms) and w not in _generic_people()}


def known_segment(canvas: Canvas, group: str) -> str:
    """The canvas segment a group is, "" when none: the segment whose name shares the most words with
    the group's own name (the head of its `segment_name`). Descriptions are not compared: a group named as the
    object of another's description ("restaurants that call 8 farms a week") is not that group."""
    own = _head_stems(segment_name(group)) or name_stems(group)
    best = max(canvas.segments, key=lambda s: len(own & _head_stems(s.name)), default=None)
    return best.name if best is not None and own & _head_stems(best.name) else ""


def name_head(name: str) -> str:
    """The words of a segment name that identify the group: those before a relative clause ("Makers who sell
    handmade ceramics" → "Makers"). The clause describes the group; "buyers who want a handmade gift" or
    "les vieux vélos" are not the segment "Boîtes qui ont des vélos de service". A head with no identifying
    word ("People who want to know what's on") leaves the whole name."""
    head = _CLAUSE.split(name, maxsplit=1)[0].strip()
    return head if head and name_stems(head) else name


def _head_stems(name: str) -> set[str]:
    return name_stems(name_head(name))
