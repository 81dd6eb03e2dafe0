"""Folded, offset-keeping tokens: the ground the detectors stand on.

Founders write fast: accents dropped, typos, apostrophes of every shape, French and English mixed.
Everything works on folded tokens (lower case, no accents) that keep their offsets in the original
answer, so a detector can match tolerantly and still quote the founder's own words. English
contractions are expanded ("don't" -> "do not", "I'm" -> "i am"); French elisions split ("n'a" -> "n a").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

_FOLD = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "“": '"', "”": '"', "«": '"', "»": '"',
     "–": "-", "—": "-", "‑": "-", "\u00a0": " ", "\u202f": " ", "œ": "oe", "æ": "ae", "ß": "ss"}
)
_WORD = re.compile(r"[a-z0-9]+(?:&[a-z0-9]+)*\+?")
_SENTENCE_BREAK = re.compile(r"[.!?;\n]")
_CLAUSE_BREAK = re.compile(r"[,:()\[\]/]|\s-\s")
_CONTRACTIONS = {"don": "do", "doesn": "does", "didn": "did", "won": "will", "can": "can", "isn": "is",
                 "aren": "are", "wasn": "was", "weren": "were", "haven": "have", "hasn": "has",
                 "hadn": "had", "wouldn": "would", "shouldn": "should", "couldn": "could", "ain": "is"}
_BARE_CONTRACTIONS = {f"{k}t": v for k, v in _CONTRACTIONS.items() if k not in {"won", "can", "don"}} | {
    "wont": "will", "cant": "can"}
# Apostrophes dropped: "im sure", "theyre fine", "cest pareil", "jai parlé".
_BARE_CLITICS = {"im": ("i", "am"), "ive": ("i", "have"), "theyre": ("they", "are"), "youre": ("you", "are"),
                 "thats": ("that", "s"), "cest": ("c", "est"), "jai": ("j", "ai")}
# "I'm", "we're", "they'll", "I've", "I'd": the clitic becomes the full word.
_CLITICS = {"m": "am", "re": "are", "ll": "will", "ve": "have", "d": "would"}
_ENGLISH_SUBJECTS = frozenset("i you he she it we they there that who what".split())
_DONT_VERBS = frozenset(
    "know care need have want think matter see pay change use buy go target mind bother worry".split())
# Words that open a new clause: negation and restriction never reach across them.
CLAUSE_OPENERS = frozenset(
    "mais but however cependant pourtant toutefois whereas tandis although though sauf except".split()
)


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case, accents removed, quotes and dashes unified; keeps one output char per input char
    except for ligatures."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise(text: str) -> str:
    """Folded text with whitespace collapsed: the form to compare or look words up in."""
    return re.sub(r"\s+", " ", fold(text)).strip()


class Token(NamedTuple):
    """One word of a text. A named tuple: tokens are hashed by the hundred thousand a turn (the pattern
    matcher's cache keys), and a tuple hashes in C where a frozen dataclass runs Python code."""

    norm: str  # folded word
    start: int  # offsets in the original text
    end: int
    clause: int
    sentence: int


# Texts made only of these fold one character to one character (Æ, æ and ß excluded).
_ONE_TO_ONE = re.compile(
    "[\x00-\x7f\u00a0-\u00bb\u00bf-\u00c5\u00c7-\u00de\u00e0-\u00e5\u00e7-\u00ff\u2018\u2019\u201c\u201d"
    "\u2013\u2014\u2011\u202f]*"
)


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the offset it comes from in `text`."""
    if _ONE_TO_ONE.fullmatch(text):  # the usual case
        return fold(text), list(range(len(text) + 1))
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for f in fold(ch):
            chars.append(f)
            origin.append(i)
    origin.append(len(text))
    return "".join(chars), origin


@lru_cache(maxsize=2048)
def tokenise(text: str) -> tuple[Token, ...]:
    """Words of `text`, folded, with their clause and sentence numbers."""
    folded, origin = _folded_with_offsets(text)
    tokens: list[Token] = []
    clause = sentence = 0
    prev_end = 0
    for m in _WORD.finditer(folded):
        gap = folded[prev_end:m.start()]
        if tokens and _SENTENCE_BREAK.search(gap) and not (gap in ".," and _digits_around(tokens[-1], m)):
            sentence += 1
            clause += 1
        elif tokens and (_CLAUSE_BREAK.search(gap) and not (gap == "," and _digits_around(tokens[-1], m))):
            clause += 1
        word = m.group()
        if word in CLAUSE_OPENERS:
            clause += 1
        start, end = origin[m.start()], origin[m.end() - 1] + 1
        tokens.extend(_expand(tokens, word, gap, start, end, clause, sentence))
        prev_end = m.end()
    return tuple(_split_bare_dont(tokens))


# A percentage of nothing named ("we keep 20%.") or of each exchange ("1,5 % sur ce qui est encaissé", "2% of
# what goes through"), or taken from a party ("15% from the owner", "15 % au proprio"); not one of a named base
# ("1% of sales processed", "2 % sur les ventes"); or from one side ("12% from warehouse side", "12 % côté loueurs");
# or per exchange ("12% per booked cabin", "8 % par réservation").
_TAKE_RATE = re.compile(r"(?<=\d)\s?%(?=\s*(?:[.,;:!?)\n]|$)|\s+(?:of|on|from|sur|de)\s+(?:each|every|what|whatever|"
                        r"chaque|ce|tout)\b|\s+(?:from\s+the|au|aux|chez)\s|\s+(?:from|on)\s+(?:the\s+)?[\w-]+(?:'s)?\s+"
                        r"side\b|\s+(?:du\s+)?c[ôo]t[ée]\s|\s+(?:per|par)\s+(?:booked\s+|booking|sale|cabin|room|ride|trip|night|"
                        r"transaction|vente|course|nuit|r[ée]servation)|\s+(?:of|on)\s+the\s+(?:price|fare|rent|amount)\b|"
                        r"\s+(?:du|sur\s+le)\s+(?:prix|montant|loyer)\b)", re.IGNORECASE)


def spell_percent(text: str) -> str:
    """`text` with a take rate's "%" spelled " percent" ("we keep 20%." -> "we keep 20 percent."), the way the
    platform lexicons write a take rate in both languages: a percentage of nothing named, or of each exchange
    ("of what goes through", "sur ce qui est encaissé", "on each booking") or of its price ("15% of the price",
    "20 % du prix"); one of a named base ("1% of sales processed") stays as written. Offsets move: for readers
    that return no span."""
    return _TAKE_RATE.sub(" percent", text)


def clause_start(tokens: Sequence[Token], at: int) -> int:
    """Index of the first token of the clause that holds `tokens[at]`."""
    start = at
    while start > 0 and tokens[start - 1].clause == tokens[at].clause:
        start -= 1
    return start


def numbers_joined(tokens: Sequence[Token], at: int) -> bool:
    """Two numbers joined by one word from `at` on ("150 et 400", "10 to 50", "4 to 10 guests"): a range."""
    words = [t.norm for t in tokens[at:at + 3]]
    return len(words) == 3 and words[0].isdigit() and words[2].isdigit()


def _digits_around(prev: Token, m: re.Match[str]) -> bool:
    return prev.norm.isdigit() and m.group()[0].isdigit()


def _expand(tokens: list[Token], word: str, gap: str, start: int, end: int, clause: int, sentence: int
            ) -> list[Token]:
    """English contractions become two plain words: "don't" -> "do", "not"."""
    if word == "t" and gap == "'" and tokens and tokens[-1].norm in _CONTRACTIONS:
        last = tokens.pop()
        fixed = Token(_CONTRACTIONS[last.norm], last.start, last.end, last.clause, last.sentence)
        return [fixed, Token("not", start, end, clause, sentence)]
    if gap == "'" and word in _CLITICS and tokens and tokens[-1].norm in _ENGLISH_SUBJECTS:
        return [Token(_CLITICS[word], start, end, clause, sentence)]
    # A word read as two keeps two distinct spans ("cest" → "c" + "est"), so that a slice of the text that ends
    # between them tokenises to as many tokens as the original count there.
    if word in _BARE_CLITICS:
        first, second = _BARE_CLITICS[word]
        cut = start + (len(first) if word.startswith(first) else 1)
        return [Token(first, start, cut, clause, sentence), Token(second, cut, end, clause, sentence)]
    if word in _BARE_CONTRACTIONS:
        return [Token(_BARE_CONTRACTIONS[word], start, end - 1, clause, sentence),
                Token("not", end - 1, end, clause, sentence)]
    return [Token(word, start, end, clause, sentence)]


def _split_bare_dont(tokens: list[Token]) -> list[Token]:
    """"dont know" is English, "dont le" is French: only the former is a negation."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        if t.norm == "dont" and nxt in _DONT_VERBS:
            out += [Token("do", t.start, t.end - 1, t.clause, t.sentence),
                    Token("not", t.end - 1, t.end, t.clause, t.sentence)]
        else:
            out.append(t)
    return out
