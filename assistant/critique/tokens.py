"""Folded, offset-keeping tokens and tolerant pattern matching: the ground the detectors stand on.

Founders write fast: accents dropped, typos, apostrophes of every shape, French and English mixed.
Everything here works on folded tokens (lower case, no accents) that keep their offsets in the
original answer, so a detector can match tolerantly and still quote the founder's own words.

Patterns are small strings over tokens:
    "tout le monde"        consecutive words, each matched with a small edit distance
    "interview*"           a stem: any word that starts with it (typos tolerated too)
    "n|ne ... pas"         alternatives; "..." skips up to 3 words ("...5": up to 5)
    "le? grand public"     an optional word; "#" a number; "_" any word
    "{no idea|dunno} yet"  alternatives of several words
    "=though"              this exact word, no typo tolerance (short function words)
English contractions are already expanded in tokens: write "do not know", never "don't know".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

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
# "I'm", "we're", "they'll", "I've", "I'd": the clitic becomes the full word.
_CLITICS = {"m": "am", "re": "are", "ll": "will", "ve": "have", "d": "would"}
_ENGLISH_SUBJECTS = frozenset("i you he she it we they there that who what".split())
_DONT_VERBS = frozenset("know care need have want think matter see pay change use buy go target mind".split())
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


@dataclass(frozen=True, slots=True)
class Token:
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
    if word in _BARE_CONTRACTIONS:
        return [Token(_BARE_CONTRACTIONS[word], start, end, clause, sentence),
                Token("not", start, end, clause, sentence)]
    return [Token(word, start, end, clause, sentence)]


def _split_bare_dont(tokens: list[Token]) -> list[Token]:
    """"dont know" is English, "dont le" is French: only the former is a negation."""
    out: list[Token] = []
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        if t.norm == "dont" and nxt in _DONT_VERBS:
            out += [Token("do", t.start, t.end, t.clause, t.sentence), Token("not", t.start, t.end, t.clause,
                                                                              t.sentence)]
        else:
            out.append(t)
    return out


def words(text: str) -> list[str]:
    return [t.norm for t in tokenise(text)]


# --- tolerant word matching -------------------------------------------------------------------------


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

    def accepts(self, word: str) -> bool:
        return _accepts(self.alts, word)


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
