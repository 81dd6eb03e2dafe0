"""An answer cut into candidate fragments for the group reader: at sentence ends and list separators (a
comma, "and", "plus the", "as well as", a colon...), each fragment with how it is joined to the one before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from assistant.lexicon import every_language
from assistant.lexicon.group_reading import GroupReadingWords

# How a fragment is joined to the one before: the sentence start, a comma, a conjunction...
SEPARATORS = ("sentence", "comma", "semicolon", "slash", "plus", "plus_word", "and", "or", "also", "numbered", "colon",
              "paren", "dash", "comma_and")


def _any(alternatives: Iterable[str]) -> str:
    return "(?:" + "|".join(dict.fromkeys(alternatives)) + ")"


_NOT_BETWEEN_NUMBERS = r"(?<!\d)\s{words}\s|(?<=\d)\s{words}\s(?!\d)"  # `words`: the alternatives


@lru_cache(maxsize=1)
def _separator() -> re.Pattern[str]:
    """The separators, in this order; the words of "also", "plus_word", "and" and "or" are regular-expression
    alternatives of `lexicon/<lang>/group_reading.yaml` (`also_separators`, `plus_words`…)."""
    w = every_language(GroupReadingWords, "group_reading")
    return re.compile(
        r"(?P<semicolon>;)|(?P<numbered>\s\d[).]\s)|(?P<colon>:)|(?P<paren>[()])|(?P<slash>\s?/\s?)|"
        r"(?P<plus>\s\+\s)|(?P<dash>\s[-–—]\s)|(?P<comma>(?<!\d),|,(?!\d{3}\b))|"
        rf"(?P<also>\s{_any(w.also_separators)}\s)|"
        rf"(?P<plus_word>\s{_any(w.plus_words)}\s(?={_any(w.plus_word_determiners)}\s))|"
        # never "and" between two numbers: "3 and 4 star hotels", "entre 50 et 500 salariés" are one group's range
        # ("or" still cuts: "on 2&1 or 8&6 rosters" read whole became a group of its own)
        rf"(?P<and>{_NOT_BETWEEN_NUMBERS.format(words=_any([*w.and_separators, '&']))})|"
        rf"(?P<or>\s{_any(w.or_separators)}\s)",
        re.IGNORECASE,
    )
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Fragment:
    text: str
    start: int  # offsets in the answer
    end: int
    separator: str  # how it is joined to the fragment before (SEPARATORS)
    first_in_sentence: bool


def fragments(answer: str) -> list[Fragment]:
    """The answer cut at sentence ends and list separators; empty pieces dropped."""
    out: list[Fragment] = []
    for start, end in _spans(answer, SENTENCE):
        separator, before, cursor = "sentence", len(out), start
        for m in _separator().finditer(answer, start, end):
            _add(out, answer, cursor, m.start(), separator, len(out) == before)
            joined = m.lastgroup or "comma"
            # ", and locals with a spare room": a comma before "and" closes the group before (serial lists too)
            empty = not answer[cursor:m.start()].strip()
            separator = "comma_and" if joined == "and" and separator == "comma" and empty and cursor > start \
                else joined
            cursor = m.end()
        _add(out, answer, cursor, end, separator, len(out) == before)
    return out


def _spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for m in pattern.finditer(text):
        spans.append((cursor, m.start()))
        cursor = m.end()
    spans.append((cursor, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _add(out: list[Fragment], text: str, start: int, end: int, separator: str, first: bool) -> None:
    piece = text[start:end]
    stripped = piece.strip(" \t.!?\"'«»")
    if not re.search(r"\w", stripped):
        return
    offset = start + piece.index(stripped[0]) if stripped else start
    out.append(Fragment(stripped, offset, offset + len(stripped), separator, first))
