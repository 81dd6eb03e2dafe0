"""Tolerant matching over tokens: small patterns of typo-tolerant words (the words: `fuzzy.py`).

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

# Lexicon and similar live in fuzzy.py; the detectors import them from here, with the patterns.
from assistant.text.fuzzy import Lexicon as Lexicon
from assistant.text.fuzzy import similar as similar
from assistant.text.tokens import Token, normalise


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
