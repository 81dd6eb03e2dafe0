"""An answer that announces its groups and lists them in parts: "Three groups: the food businesses with
surplus, mostly supermarkets and cafes; the charities that feed people, food banks, shelters; and the
volunteer drivers". The announced count and the parts agree, so each part is one group, whatever lists of
examples or qualifiers it holds inside (source: the reference document's advice to name each segment with
what sets it apart; a founder who counts their groups has said how many there are). When the reader opened
fewer groups than announced, `announced_split` opens the others ("two groups really: owners of old
sailboats…, and marinas that run winter storage")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.text.tokens import tokenise
from assistant.understanding.group_check import (
    OPENERS,
    FragmentLike,
    opens_noun_phrase,
    reading_words,
    skip_hedges,
    trim,
)
from assistant.understanding.group_repeats import heads, same_head
from assistant.understanding.grouping import after_leading_marker
from assistant.understanding.groups import announced_count, number_words

_PARTS = re.compile(r"\s*;\s*|\n+\s*(?:[-*•]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


@lru_cache(maxsize=1)
def _enumerator() -> re.Pattern[str]:
    """A part's number opening its sentence, then a colon or a bracket ("Deux: des gens qui…", "2) the marinas"):
    the numbers of the groups lexicon, as words or digits."""
    numbers = sorted({*number_words(), *(str(n) for n in number_words().values())}, key=len, reverse=True)
    return re.compile(rf"(?:^|(?<=[.!?])\s+|\n\s*)(?:{'|'.join(map(re.escape, numbers))})\s*[:)]\s+", re.IGNORECASE)


def _parts(answer: str, count: int) -> list[str]:
    """The answer's parts: split at semicolons and list lines, or at numbered sentences ("…c'est deux groupes. Un:
    les cafés… Deux: des gens…"), the announcement before the first number set apart."""
    parts = [p for p in _PARTS.split(answer) if p and p.strip(" .,:")]
    if len(parts) == count:
        return parts
    numbered = [p for p in _enumerator().split(answer) if p and p.strip(" .,:")]
    if len(numbered) == count + 1 and announced_count(numbered[0]) == count:
        return numbered[1:]
    return parts


@lru_cache(maxsize=1)
def _conjunction() -> re.Pattern[str]:
    """A conjunction at a part's start ("and the volunteer drivers"): `part_conjunctions` of the lexicon."""
    words = dict.fromkeys(reading_words().part_conjunctions)
    return re.compile(rf"^(?:{'|'.join(words)})\s+", re.IGNORECASE)


def announced_parts(answer: str, found: list[str]) -> list[str] | None:
    """One group per part when the answer announces as many groups as it has parts (semicolons or list
    lines), each the first group `found` in its part, else the part itself without fillers; None when the
    count and the parts do not agree (the reading stands)."""
    count = announced_count(answer)
    parts = _parts(answer, count) if count else []
    if count is None or count < 2 or len(parts) != count:
        return None
    out = []
    for part in parts:
        head, colon, rest = part.partition(":")
        if colon and announced_count(head) is not None:
            part = rest  # "Three groups: the food businesses..." the announcement is not a group
        # the groups found in the part, as one: "les cafés de brunch et les restos…" coordinated inside one part
        inside = sorted((part.find(g), part.find(g) + len(g)) for g in found if g in part)
        if inside:  # within the sentence of the first ("…the makers I described. Landlords pay…" is one group)
            stop = _SENTENCE_END.search(part, inside[0][1])
            inside = [span for span in inside if not stop or span[0] < stop.start()]
        own = part[inside[0][0]:max(end for _, end in inside)] if inside else ""
        text = own or _conjunction().sub("", trim(part).strip(" .")).strip()
        if not text or text.lower() in OPENERS["determiner"]:
            return None
        out.append(text)
    return out


def _opened(frags: Sequence[FragmentLike], labels: Sequence[str]) -> int:
    """Groups the labels open: each new fragment with a head, except a head named again in a later sentence
    ("…leagues in nj… leagues need them": one group); two with one head in one sentence are two ("owners of big
    dogs, and owners of senior dogs")."""
    seen: list[tuple[str, int]] = []
    sentence = 0
    for i, (frag, label) in enumerate(zip(frags, labels, strict=True)):
        sentence += bool(i and frag.first_in_sentence)
        own = heads(trim(frag.text)) if label == "new" else []
        if own and not any(same_head(head, own[0]) and at != sentence for head, at in seen):
            seen.append((own[0], sentence))
    return len(seen)


def _opens_another(text: str) -> bool:
    """A noun phrase that can be another group: not a number ("like 40 to 300 teams": a size) nor examples."""
    tokens = tokenise(text)
    if not tokens or after_leading_marker(tokens) is not None:
        return False
    norms = [t.norm for t in tokens]
    at = skip_hedges(norms)
    return at < len(norms) and not norms[at].isdigit() and opens_noun_phrase(text)


SPLITTING = ("and", "comma", "comma_and", "also", "plus", "plus_word")  # where an announced group may start


def announced_split(frags: Sequence[FragmentLike], labels: Sequence[str], answer: str) -> list[str]:
    """`labels` with a continuation read as a new group when the answer announces more groups than were opened
    ("two groups really: owners of old sailboats…, and marinas that run winter storage"): a continuation after
    "and" or a comma that opens a noun phrase on another head than the group it continues (not one it is made
    of: "owners of sailboats or classic yachts" stays one), or a sentence read as no group that opens on such a
    noun phrase ("and then the refs obv, theyre the other half"), first to last, until the count is reached."""
    out = list(labels)
    count = announced_count(answer)
    opened = _opened(frags, out)
    if count is None or opened >= count:
        return out
    current: list[str] = []
    for i, (frag, label) in enumerate(zip(frags, out, strict=True)):
        if label == "new":
            current = heads(frag.text)
        elif label == "none" and current and frag.first_in_sentence and _opens_another(frag.text) and (
                own := heads(trim(frag.text))) and not any(same_head(word, own[0]) for word in current):
            # "2 sides really. …leagues in nj… and then the refs obv, theyre the other half": the other group
            out[i], current, opened = "new", own, opened + 1
            if opened >= count:
                break
        elif label == "cont" and frag.separator in SPLITTING and current and _opens_another(frag.text):
            own = heads(frag.text)
            if own and not any(same_head(word, own[0]) for word in current):
                out[i], current, opened = "new", own, opened + 1
                if opened >= count:
                    break
    return out
