"""Typo-tolerant words: an edit distance, whether a token is a lemma up to a typo (or a stem's word), and
lexicons of single-word lemmas looked up that way. The patterns (`patterns.py`) match their words with it."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from assistant.text.tokens import normalise


@lru_cache(maxsize=65536)
def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count as one edit)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


SHORT_WORD = 6
SILENT_ENDINGS = frozenset("tsxe")
# A frequent word is a word, not a typo of another: "looked" is no "locked", "files" no "filles", "colleges"
# no "collegue". Zipf 4.0 (once per 100,000 words; wordfreq's scale) keeps a few thousand words per language,
# everyday ones, while a typo ("custmer", "clien", "tou") stays below it. Only an edit inside the word tells
# two words apart: one at its end is an inflection or the other language's spelling ("clients", "touche" for
# "toucher", "pilots" for "pilote").
FREQUENT_ZIPF = 4.0
FREQUENT_LANGUAGES = ("en", "fr")


def _tolerance(lemma: str) -> int:
    return 0 if len(lemma) < 5 else 1 if len(lemma) < 11 else 2


def within(a: str, b: str, k: int) -> bool:
    """edit_distance(a, b) <= k, cheaply: common ends are stripped before any real work."""
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    a, b = a[i:], b[i:]
    j = 0
    while j < len(a) and j < len(b) and a[-1 - j] == b[-1 - j]:
        j += 1
    a, b = a[:len(a) - j], b[:len(b) - j]
    if abs(len(a) - len(b)) > k:
        return False
    if max(len(a), len(b)) <= k:
        return True
    if k == 1:  # both ends differ: only a swap of two letters is one edit
        return len(a) == len(b) == 2 and a == b[::-1]
    return edit_distance(a, b) <= k


@lru_cache(maxsize=1)
def frequent_words() -> frozenset[str]:
    """Folded words at or above FREQUENT_ZIPF in English or French (wordfreq's lists, shipped in its wheel).
    Its "small" lists hold every word down to Zipf 3 (the same 12,392 words at Zipf 4 as its "best" lists) and
    load in ~50 ms instead of ~400 ms: this runs once in every process that reads founder answers."""
    import wordfreq  # imported on first use

    floor = 10 ** (FREQUENT_ZIPF - 9)  # zipf = log10(frequency per word) + 9
    return frozenset(normalise(word) for language in FREQUENT_LANGUAGES
                     for word, frequency in wordfreq.get_frequency_dict(language, wordlist="small").items()
                     if frequency >= floor)


def _another_word(token: str, lemma: str) -> bool:
    """True when `token` is a frequent word of its own that differs from `lemma` inside: not by an ending
    added ("client"/"clients", "touche"/"toucher") nor by its last letter ("pilots"/"pilote")."""
    if token not in frequent_words():
        return False
    shared = 0
    while shared < min(len(token), len(lemma)) and token[shared] == lemma[shared]:
        shared += 1
    rest = (len(token) - shared, len(lemma) - shared)
    return not (min(rest) == 0 or rest == (1, 1))


@lru_cache(maxsize=65536)
def similar(token: str, lemma: str) -> bool:
    """True when `token` is `lemma` up to a typo; a lemma ending in '*' is a stem."""
    if lemma.endswith("*"):
        stem = lemma[:-1]
        if token.startswith(stem):
            return True
        tol = _tolerance(stem) if len(stem) >= 6 else 0
        if not tol or token[:1] != stem[:1] or token.isdigit() or _another_word(token, stem):
            return False
        return any(within(token[:k], stem, tol) for k in (len(stem) - 1, len(stem), len(stem) + 1)
                   if 0 < k <= len(token))
    if token == lemma:
        return True
    if len(lemma) >= 4 and lemma[-1] in SILENT_ENDINGS and token == lemma[:-1]:
        return True  # a silent final letter dropped: "tou" for "tout", "mem" for "meme"
    tol = _tolerance(lemma)
    if not tol or token[:1] != lemma[:1] or abs(len(token) - len(lemma)) > tol:
        return False
    if _another_word(token, lemma):
        return False
    if len(lemma) < SHORT_WORD and len(token) == len(lemma):
        # a substitution turns a short word into another word ("parce"/"parle"): only swaps count
        return sorted(token) == sorted(lemma) and within(token, lemma, 1)
    return within(token, lemma, tol)


class Lexicon:
    """Single-word lemmas ("client", "interview*") looked up tolerantly: `word in lexicon`.

    Indexed by initial (a typo never changes the first letter here) and cached per word."""

    def __init__(self, *groups: Iterable[str]) -> None:
        index: dict[str, list[str]] = {}
        for lemma in (normalise(w) for group in groups for w in group):
            if lemma and " " not in lemma:
                index.setdefault(lemma[0], []).append(lemma)
        self._index = {ch: tuple(lemmas) for ch, lemmas in index.items()}

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and _in_lexicon(self, word)

    def lemmas_for(self, word: str) -> tuple[str, ...]:
        return self._index.get(word[:1], ())


@lru_cache(maxsize=131072)
def _in_lexicon(lexicon: Lexicon, word: str) -> bool:
    return any(similar(word, lemma) for lemma in lexicon.lemmas_for(word))
