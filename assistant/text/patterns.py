"""Tolerant matching over tokens: typo-tolerant words, lexicons and small patterns.

Patterns are small strings over tokens:
    "tout le monde"        consecutive words, each matched with a small edit distance
    "interview*"           a stem: any word that starts with it (typos tolerated too)
    "n|ne ... pas"         alternatives; "..." skips up to 3 words ("...5": up to 5)
    "le? grand public"     an optional word; "#" a number; "_" any word
    "{no idea|dunno} yet"  alternatives of several words
    "=though"              this exact word, no typo tolerance (short function words)
Tokens have English contractions expanded: write "do not know", never "don't know".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.text.tokens import Token, normalise


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


@lru_cache(maxsize=65536)
def similar(token: str, lemma: str) -> bool:
    """True when `token` is `lemma` up to a typo; a lemma ending in '*' is a stem."""
    if lemma.endswith("*"):
        stem = lemma[:-1]
        if token.startswith(stem):
            return True
        tol = _tolerance(stem) if len(stem) >= 6 else 0
        if not tol or token[:1] != stem[:1] or token.isdigit():
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


# --- patterns ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Slot:
    alts: tuple[str, ...] = ()
    optional: bool = False
    gap: int = 0


@lru_cache(maxsize=131072)
def _accepts(alts: tuple[str, ...], word: str) -> bool:
    for alt in alts:
        if alt == "_" or (alt == "#" and word.isdigit()) or alt == f"={word}":
            return True
        if alt[:1] == word[:1] and similar(word, alt):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Pattern:
    source: str
    slots: tuple[Slot, ...]

    def first_chars(self) -> frozenset[str] | None:
        """Initials a matching first word can have; None when any word can start a match."""
        chars: set[str] = set()
        for slot in self.slots:
            if slot.gap or "_" in slot.alts:
                return None
            chars |= {a.lstrip("=")[0] for a in slot.alts if a not in {"#", "_"}}
            if "#" in slot.alts:
                chars |= set("0123456789")
            if not slot.optional:
                return frozenset(chars)
        return None


class PatternSet:
    """Compiled patterns indexed by the initial of their first word, so that matching an answer only
    tries the few patterns that can start at each word. Hashed by identity: results are cached."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        self.patterns = tuple(patterns)
        self._any = tuple(p for p in self.patterns if p.first_chars() is None)
        index: dict[str, list[Pattern]] = {}
        for p in self.patterns:
            for ch in p.first_chars() or ():
                index.setdefault(ch, []).append(p)
        self._index = {ch: tuple(ps) + self._any for ch, ps in index.items()}

    def starting_with(self, word: str) -> tuple[Pattern, ...]:
        return _starting_with(self, word)

    def __add__(self, other: PatternSet) -> PatternSet:
        return PatternSet(self.patterns + other.patterns)

    def __iter__(self) -> Iterator[Pattern]:
        return iter(self.patterns)

    def __getitem__(self, i: int) -> Pattern:
        return self.patterns[i]


@lru_cache(maxsize=262144)
def _starting_with(patterns: PatternSet, word: str) -> tuple[Pattern, ...]:
    """The patterns whose first words can match `word`: only they are tried from there."""
    return tuple(p for p in patterns._index.get(word[:1], patterns._any) if _can_start(p, word))


def _can_start(pattern: Pattern, word: str) -> bool:
    for slot in pattern.slots:
        if slot.gap or "_" in slot.alts or _accepts(slot.alts, word):
            return True
        if not slot.optional:
            return False
    return True


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token indices, end exclusive
    end: int
    pattern: Pattern


def compile_pattern(source: str) -> Pattern:
    slots: list[Slot] = []
    for part in source.split():
        if part.startswith("..."):
            slots.append(Slot(gap=int(part[3:] or 3)))
            continue
        optional = part.endswith("?")
        alts = tuple(normalise(a) if a not in {"#", "_"} else a for a in part.rstrip("?").split("|"))
        alts = tuple(f"={a[1:]}" if a.startswith("=") else a for a in alts)
        slots.append(Slot(alts=alts, optional=optional))
    return Pattern(source, tuple(slots))


_BRACES = re.compile(r"\{([^{}]*)\}")


def expand(source: str) -> list[str]:
    """"{don't know|no idea} really" -> ["don't know really", "no idea really"]: braces hold
    alternatives of several words, which a plain "a|b" slot cannot."""
    m = _BRACES.search(source)
    if m is None:
        return [source]
    return [x for alt in m.group(1).split("|") for x in expand(source[:m.start()] + alt + source[m.end():])]


def compile_all(*groups: Iterable[str]) -> PatternSet:
    return PatternSet(compile_pattern(x) for group in groups for p in group for x in expand(p))


def _match_from(tokens: Sequence[Token], slots: tuple[Slot, ...], si: int, ti: int, sentence: int
                ) -> int | None:
    if si == len(slots):
        return ti
    slot = slots[si]
    if slot.gap:
        for k in range(slot.gap + 1):
            j = ti + k
            if j > len(tokens) or (k and tokens[j - 1].sentence != sentence):
                break
            end = _match_from(tokens, slots, si + 1, j, sentence)
            if end is not None:
                return end
        return None
    if ti < len(tokens) and tokens[ti].sentence == sentence and _accepts(slot.alts, tokens[ti].norm):
        end = _match_from(tokens, slots, si + 1, ti + 1, sentence)
        if end is not None:
            return end
    return _match_from(tokens, slots, si + 1, ti, sentence) if slot.optional else None


def find_all(tokens: Sequence[Token], patterns: PatternSet) -> tuple[Match, ...]:
    """Every place a pattern matches, sorted by position; empty matches are ignored."""
    return _find_all(tuple(tokens), patterns)


@lru_cache(maxsize=8192)
def _find_all(tokens: tuple[Token, ...], patterns: PatternSet) -> tuple[Match, ...]:
    found: list[Match] = []
    for i, tok in enumerate(tokens):
        for pattern in patterns.starting_with(tok.norm):
            end = _match_from(tokens, pattern.slots, 0, i, tok.sentence)
            if end is not None and end > i:
                found.append(Match(i, end, pattern))
    return tuple(sorted(found, key=lambda m: (m.start, -m.end)))


def find(tokens: Sequence[Token], patterns: PatternSet) -> Match | None:
    found = find_all(tokens, patterns)
    return found[0] if found else None


def first_match(tokens: Sequence[Token], patterns: PatternSet, keep: Callable[[Match], bool]) -> Match | None:
    """The first match that `keep` accepts (negation, context...)."""
    return next((m for m in find_all(tokens, patterns) if keep(m)), None)
