"""Splitting an answer into list items, in the founder's own words.

Separators inside parentheses, inside numbers ("1,5 M", "25-35") or inside words ("R&D") are never
split on; a clause that qualifies an item ("qui ...", "surtout ...") stays with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.text.patterns import compile_all, find
from assistant.text.tokens import Token, tokenise

# A fragment starting with these qualifies the previous group rather than naming a new one.
QUALIFIER_STARTS = frozenset(
    "qui que qu dont ou where who whom which that whose ceux celles celui celle those ones them eux "
    "surtout notamment especially particularly including incl comme like such par e g ie eg i "
    "avec with sans without ayant having dans in en de d du of sur aged agees ages age entre "
    "between mais but plutot rather souvent often principalement mainly mostly voire even ils elles they "
    "il elle it qui y compris typiquement typically".split()
)
SENTENCE_END = re.compile(r";|[!?](?=\s|$)|(?<![A-Za-z]\.[A-Za-z])(?<!\betc)(?<!\bex)(?<!\bvs)\.(?=\s|$)")
COMMA = re.compile(r",(?!\d)|(?<!\d),")
# a list's items are also cut at " / " where a line holds two or more ("sortir plus souvent / partager les frais /
# progresser"): one is an alternative ("the annual audit / regulator"), and "km/h", "et/ou", "24/7" are words
ITEM_SEPARATOR = re.compile(COMMA.pattern + r"|\s/\s")
SLASHED_LIST = 2  # " / " in a line from which they cut its items
_CONJ_ITEMS = re.compile(r"\s(?:et|and|&)\s", re.IGNORECASE)
_BRACKETS = re.compile(r"[()\[\]]")
_BULLET = re.compile(r"^\s*(?:[-*•·▪►✓>]+|\(?\d{1,2}[.)])\s*")
_KEEP_TOGETHER = compile_all(("entre", "between", "both", "a la fois", "tant"))
_TRIM = " \t.,;:-–—'\"«»"


def trim(piece: str) -> str:
    """Strip punctuation around a piece, and a bracket only when it has lost its partner."""
    piece = piece.strip(_TRIM)
    while piece.endswith((")", "]")) and _balance(piece) < 0:
        piece = piece[:-1].strip(_TRIM)
    while piece.startswith(("(", "[")) and _balance(piece) > 0:
        piece = piece[1:].strip(_TRIM)
    return piece


def _balance(piece: str) -> int:
    return piece.count("(") + piece.count("[") - piece.count(")") - piece.count("]")


def spans(text: str, sep: re.Pattern[str], start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split text[start:end] at `sep`, ignoring separators inside parentheses."""
    end = len(text) if end is None else end
    depth_at = _paren_depths(text)
    found, cur = [], start
    for m in sep.finditer(text, start, end):
        if depth_at[m.start()] == 0:
            found.append((cur, m.start()))
            cur = m.end()
    found.append((cur, end))
    return found


@lru_cache(maxsize=512)  # the same answer is split many times in a turn
def _paren_depths(text: str) -> tuple[int, ...]:
    """The bracket depth at each character of `text` (an unmatched closing bracket counts as none)."""
    if not _BRACKETS.search(text):
        return (0,) * len(text)
    depths, depth = [], 0
    for ch in text:
        depth = depth + 1 if ch in "([" else max(0, depth - 1) if ch in ")]" else depth
        depths.append(depth)
    return tuple(depths)


def outside_parentheses(text: str, tokens: Sequence[Token]) -> list[Token]:
    """`tokens` of `text` (offsets into it) but those inside parentheses or brackets: an aside describes what comes
    before it ("des propriétaires (souvent des agriculteurs retraités) avec des maraîchers")."""
    depths = _paren_depths(text)
    return [t for t in tokens if not depths[t.start]]


ASIDE = re.compile(r"\([^()]*\)")  # an aside in parentheses, none nested inside


def split_outside_parentheses(separators: re.Pattern[str], text: str) -> list[str]:
    """`text` split at `separators`, but not inside a pair of parentheses ("leur part des frais (gasoil, port)"
    is one piece); an unclosed parenthesis shelters nothing."""
    inside = [False] * (len(text) + 1)
    opened: list[int] = []
    for i, ch in enumerate(text):
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            start = opened.pop()
            inside[start:i] = [True] * (i - start)
    pieces, start = [], 0
    for m in separators.finditer(text):
        if not inside[m.start()] and m.end() > m.start():
            pieces.append(text[start:m.start()])
            start = m.end()
    return [*pieces, text[start:]]


def words_in(text: str, span: tuple[int, int]) -> Sequence[Token]:
    return tokenise(text[span[0]:span[1]])


def lines_of(text: str) -> list[str]:
    return [_BULLET.sub("", line) for line in text.splitlines() if line.strip()]


def _first_word(text: str, span: tuple[int, int]) -> str:
    toks = words_in(text, span)
    return toks[0].norm if toks else ""


def _merge_qualifiers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and _first_word(text, span) in QUALIFIER_STARTS:
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def _split_conj_items(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    parts = spans(text, _CONJ_ITEMS, *span)
    if len(parts) == 1 or _has_keep_together(text, span):
        return [span]
    if all(len(words_in(text, p)) >= 2 for p in parts):
        return parts
    return [span]


def _has_keep_together(text: str, span: tuple[int, int]) -> bool:
    return find(words_in(text, span), _KEEP_TOGETHER) is not None


def _clean(text: str, span: tuple[int, int]) -> str:
    piece = trim(text[span[0]:span[1]])
    return trim(re.sub(r"^(?:et|and|ou|or|puis|then|&|\+)\s+", "", piece, flags=re.IGNORECASE))


def split_items(text: str) -> list[str]:
    """An answer as a list: bullets, lines, ';', sentences, commas between clauses, and 'et'/'and'
    when they join two multi-word items. Qualifying clauses stay with the item they qualify."""
    items: list[str] = []
    for line in lines_of(text):
        pieces: list[tuple[int, int]] = []
        for hard in spans(line, SENTENCE_END):
            for soft in spans(line, ITEM_SEPARATOR if line.count(" / ") >= SLASHED_LIST else COMMA, *hard):
                pieces.extend(_split_conj_items(line, soft))
        items.extend(_clean(line, s) for s in _merge_qualifiers(line, pieces))
    return [i for i in items if i]


_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def untable(text: str) -> str:
    """`text` with its Markdown tables read as bullet lists, same length (offsets hold): a row "| condo &
    apartment dwellers | 58% | $229 |" becomes one list item, "- condo & apartment dwellers" (cells of figures
    only dropped, the others side by side, the row padded to its length), its header row and the rule under it
    blanks. Text with no table is returned as it is."""
    lines = text.split("\n")
    if not any(_TABLE_RULE.match(line) for line in lines):
        return text
    out: list[str] = []
    for i, line in enumerate(lines):
        if not line.lstrip().startswith("|"):
            out.append(line)
            continue
        if _TABLE_RULE.match(line) or i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]):
            out.append(" " * len(line))  # the rule, and the header row above it
            continue
        row = line.rstrip()
        first, last = row.index("|"), row.rindex("|")
        inner = row[first + 1:last] if last > first else row[first + 1:]
        # a cell of figures only ("58%", "$229") describes no one: blanked
        cells = [c.strip() for c in inner.split("|") if any(ch.isalpha() for ch in c)]
        joined = " " + " ".join(cells)  # one row, one item: "cuisiniers indépendants sans local agréé"
        out.append((row[:first] + "-" + joined).ljust(len(line)))
    return "\n".join(out)
