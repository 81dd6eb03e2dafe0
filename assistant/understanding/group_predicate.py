"""A statement about a group is not part of it: in "night-shift nurses are probably a segment of their own"
or "les infirmières de nuit, c'est un vrai segment", the group is the subject, before the copula; in "on ajoute
les infirmières de nuit comme segment", before "comme". The cut is
made only where the copula is the sentence's main verb (no relative pronoun before it: "nurses who are on
nights" keeps its clause) and where what follows names no group of its own ("our best customers are
dentists": the group is the predicate, left to the target frames and the reader)."""

from __future__ import annotations

from functools import lru_cache

from assistant.lexicon.lazy import LazyWords
from assistant.text.tokens import tokenise
from assistant.understanding.group_check import COPULAS, reading_phrases, reading_words
from assistant.understanding.groups import is_group_word, structure_nouns

# The words of `lexicon/<lang>/group_reading.yaml` (`predicate_relatives`, `statement_clefts`…).
_RELATIVES = LazyWords(lambda: reading_words().predicate_relatives)
# "a segment", "une cible": a predicate that makes the subject a segment names no other group.
@lru_cache(maxsize=1)
def _structure() -> frozenset[str]:
    return frozenset(w.removesuffix("s") for w in structure_nouns()) | frozenset(structure_nouns())


_AS = LazyWords(lambda: reading_words().as_words)  # "X as a second segment", "X comme segment", "X en cible…"
AS_SPAN = 3  # words between "as" and the structure noun ("as a second segment")


def before_predicate(text: str) -> str:
    """The group without the statement made about it ("…are a segment of their own", "…, c'est un vrai
    segment", "…as a second segment"); `text` as it is when there is none. After a bare pronoun ("then it is
    the small farms…"), the copula presents the group: the words after it."""
    tokens = tokenise(text)
    norms = [t.norm for t in tokens]
    for k in range(1, len(norms) - 1):  # "…who are adding solar, that's the other group": after a comma, a
        cleft = _cleft_at(norms, k)      # cleft is the sentence's statement, whatever relative clause came before
        if cleft and "," in text[tokens[k - 1].end:tokens[k].start]:
            if not any(is_group_word(w) and w not in _structure() for w in norms[k + len(cleft):]):
                return text[:tokens[k].start].rstrip(" ,;:-–—")
    for k in range(1, len(norms) - 1):
        if norms[k] in _AS and any(w in _structure() for w in norms[k + 1:k + 1 + AS_SPAN]):
            return text[:tokens[k].start].rstrip(" ,;:-–—")
        if norms[k - 1] in _RELATIVES or norms[k] in _RELATIVES:
            return text  # a relative clause first: the copula is the clause's, not the sentence's
        # "…, c'est un vrai segment" (`statement_clefts`)
        cleft = _cleft_at(norms, k)
        if norms[k] not in COPULAS and not cleft:
            continue
        said = norms[k + (len(cleft) if cleft else 1):]
        subject = [w for w in norms[:k] if w not in _CONNECTIVES]
        if not cleft and subject and all(w in _CLEFT_SUBJECT for w in subject) and said:
            return text[tokens[k + 1].start:]  # "then it is the small flower farms…": the group follows
        if any(is_group_word(w) and w not in _structure() for w in said):
            return text
        return text[:tokens[k].start].rstrip(" ,;:-–—")
    return text


def _cleft_at(norms: list[str], k: int) -> tuple[str, ...] | None:
    return next((c for c in reading_phrases("statement_clefts") if tuple(norms[k:k + len(c)]) == c), None)


def names_a_segment(text: str) -> bool:
    """The text says its group is a segment ("les seniors après une prothèse, c'est un vrai segment",
    "night-shift nurses are a segment of their own", "X as a second segment"): a statement cut by
    `before_predicate` whose words after the group hold a structure noun (segment, cible, target…)."""
    group = before_predicate(text)
    if group == text or not [t for t in tokenise(group) if t.norm not in _CONNECTIVES]:
        return False  # "mais c'est ça notre marché": no group before the statement
    said = [t.norm for t in tokenise(text[len(group):])]
    if any(w in _CLEFT_SUBJECT for w in said[:3]):
        return False  # "… c'est ça notre marché", "that's it, our market": the statement is about "ça"
    return any(w in _structure() for w in said)


_CONNECTIVES = LazyWords(lambda: reading_words().connectives)
_CLEFT_SUBJECT = LazyWords(lambda: reading_words().statement_subjects)
