"""Reading "I don't know" (and "not decided yet") in every language (`dont_know.yaml`), typos tolerated."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from assistant.lexicon import every_language
from assistant.lexicon.dont_know import DontKnowWords
from assistant.text.patterns import PatternSet, compile_all, find_all
from assistant.text.tokens import Token, tokenise
from assistant.understanding.cues import contrast_after
from assistant.understanding.groups import is_group_word


@lru_cache(maxsize=1)
def _lists() -> DontKnowWords:
    return every_language(DontKnowWords, "dont_know")


@lru_cache(maxsize=1)
def _dont_know() -> PatternSet:
    return compile_all(_lists().phrases)


@lru_cache(maxsize=1)
def _fillers() -> frozenset[str]:
    """Words that carry nothing once "I don't know" is said: hedges, fillers, the grammar around it."""
    return frozenset(_lists().fillers)


@lru_cache(maxsize=1)
def _asked_someone() -> frozenset[str]:
    return frozenset(_lists().asked_someone)


MAX_CONTENT_WORDS_IN_DONT_KNOW = 3


def _names_a_group(tokens: Sequence[Token], i: int) -> bool:
    """"je sais pas, les restaurateurs ?" names a group; "j'en parle au bureau de l'association" does not."""
    before = {t.norm for t in tokens[max(0, i - 2):i]}
    return is_group_word(tokens[i].norm) and not before & _asked_someone()


def is_dont_know(text: str) -> bool:
    """True when the answer is essentially "I don't know" or "not yet decided" (typos tolerated), not
    when an answer follows the hedge ("je ne sais pas trop, peut-être les kinés", "not sure, but we did
    about 20 interviews")."""
    tokens = tokenise(text)
    matches = find_all(tokens, _dont_know())
    if not matches:
        return False
    covered = {i for m in matches for i in range(m.start, m.end)}
    rest = [t.norm for i, t in enumerate(tokens) if i not in covered and t.norm not in _fillers()]
    if any(t.norm.isdigit() or _names_a_group(tokens, i)
           for i, t in enumerate(tokens) if i not in covered and t.norm not in _fillers()):
        return False
    if any(contrast_after(tokens, m) for m in matches):
        return False
    return len(rest) <= MAX_CONTENT_WORDS_IN_DONT_KNOW
