"""Reading the customer groups a for-whom answer names: one group per target, with its qualifiers
and examples ("les commerçants du centre : fleuristes, cavistes" is one group), whatever the founder
announces ("deux publics : ..."), in their own words. The words are every language's `grouping.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.lexicon import every_language
from assistant.lexicon.grouping import GroupingWords
from assistant.lexicon.lazy import LazyPatterns, LazyWords
from assistant.text.lists import COMMA, QUALIFIER_STARTS, SENTENCE_END, lines_of, spans, trim, words_in
from assistant.text.patterns import PatternSet, compile_all, find, find_all
from assistant.text.tokens import Token, normalise, tokenise
from assistant.understanding.groups import STRUCTURE, announced_count, is_group_word


@lru_cache(maxsize=1)
def _lists() -> GroupingWords:
    return every_language(GroupingWords, "grouping")


# Words before the group that are not part of it: "nos clients sont", "honestly", "we target".
_LEAD_INS: PatternSet = LazyPatterns(lambda: compile_all(_lists().lead_ins))
_DETERMINERS = LazyWords(lambda: _lists().determiners)


@lru_cache(maxsize=1)
def _conj_groups() -> re.Pattern[str]:
    """Where two groups are cut apart: a conjunction between spaces ("et", "as well as"), "&", "+", "/"."""
    words = sorted(_lists().conjunctions, key=len, reverse=True)
    return re.compile(r"\s(?:" + "|".join(map(re.escape, words)) + r"|&|\+)\s|/|\s\+\s", re.IGNORECASE)


def _strip_lead_in(tokens: Sequence[Token]) -> int:
    i = 0
    while i < len(tokens):
        m = find(tokens[i:], _LEAD_INS)
        if m is None or m.start != 0:
            break
        i += m.end
    return i


_RELATIVES = LazyWords(lambda: _lists().relatives)
_NOT_A_GROUP_START = LazyWords(lambda: _lists().not_a_group_start)
# After these, the groups that follow are examples of the one before ("commerçants : fleuristes, cavistes").
EXAMPLE_MARKERS: PatternSet = LazyPatterns(lambda: compile_all(_lists().example_markers))
# A list closed on these gives kinds of the group before it as examples ("…, deck builders, that kind of crew").
KIND_TAGS: PatternSet = LazyPatterns(lambda: compile_all(_lists().kind_tags))
# A habit's time at a clause's start ("chaque année ils…"): a pronoun after it opens a statement, no group.
RECURRING_TIMES: PatternSet = LazyPatterns(lambda: compile_all(_lists().recurring_times))


def after_leading_marker(tokens: Sequence[Token]) -> int | None:
    """Where the words after an example or focus marker that opens `tokens` start ("especially | the ones",
    "surtout | les petits salons"); None when no marker opens them."""
    return next((m.end for m in find_all(tokens, EXAMPLE_MARKERS) if m.start == 0), None)
# "business plan", "school year": the group word is only a modifier there.
_COMPOUND_BREAKERS = LazyWords(lambda: _lists().compound_breakers)
# Generic heads that restate the group before them rather than add one.
_RESTATING = LazyWords(lambda: _lists().restating)
_COPULAS = LazyWords(lambda: _lists().copulas)
# "a third of households", "60 % des foyers", "des millions de foyers": a share of a group, not a group.
_PROPORTIONS = LazyWords(lambda: _lists().proportions)


def _counted(tokens: Sequence[Token], i: int) -> bool:
    """"5 people", "we're 4 people", "a third of households": a number of people, not a group."""
    before = [t.norm for t in tokens[max(0, i - 3):i]]
    if before and before[-1].isdigit():
        return True
    return bool(before) and before[-1] in {"of", "de", "des", "d"} and any(
        w in _PROPORTIONS or w.isdigit() for w in before[:-1])


def _group_start(tokens: Sequence[Token]) -> int | None:
    """Index where the first group named in the fragment starts, or None when it names none."""
    if not tokens or tokens[0].norm in QUALIFIER_STARTS or tokens[0].norm in _NOT_A_GROUP_START:
        return None
    if tokens[0].norm.isdigit() or find(tokens, STRUCTURE) is not None:
        return None
    first = 0
    for i, tok in enumerate(tokens[:10]):
        if tok.norm in _RELATIVES:
            # "the two that actually pay are row-crop farmers": the group follows the verb "to be"
            copula = next((j for j in range(i + 1, len(tokens)) if tokens[j].norm in _COPULAS), None)
            if copula is None:
                return None
            return _group_start_after(tokens, copula + 1)
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        if is_group_word(tok.norm) and nxt not in _COMPOUND_BREAKERS and not _counted(tokens, i):
            if i - first <= 2:
                return first
            det = next((j for j in range(i - 1, max(-1, i - 4), -1) if tokens[j].norm in _DETERMINERS), None)
            return det if det is not None else i
    return None


def _group_start_after(tokens: Sequence[Token], start: int) -> int | None:
    rest = _group_start(tokens[start:])
    return None if rest is None else start + rest


def _sentences(line: str) -> list[tuple[int, int]]:
    return [s for s in spans(line, SENTENCE_END) if trim(line[s[0]:s[1]])]


def _label(line: str, span: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    parts = spans(line, re.compile(":"), *span)
    return (parts[0], (parts[1][0], span[1])) if len(parts) > 1 else None


def _fragments(line: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    return [f for soft in spans(line, COMMA, *span) for f in spans(line, _conj_groups(), *soft)]


@lru_cache(maxsize=1)
def _with() -> re.Pattern[str]:
    return re.compile(r"\s(?:" + "|".join(map(re.escape, _lists().with_words)) + r")\s", re.IGNORECASE)


def _leads_with_group(tokens: Sequence[Token]) -> bool:
    """The fragment opens on a group: "les kinés", "freelance accountants", "des patients"."""
    head = [t for t in tokens[:3] if t.norm not in _DETERMINERS]
    return bool(head) and (is_group_word(head[0].norm) or (len(head) > 1 and is_group_word(head[1].norm)
                                                           and tokens[0].norm not in _DETERMINERS))


def _joined_by_conjunction(line: str, prev: tuple[int, int], frag: tuple[int, int]) -> bool:
    return _conj_groups().fullmatch(line[prev[1]:frag[0]]) is not None


def _qualified(body: Sequence[Token]) -> bool:
    """A fragment with a qualifier of its own after its first word ("gyms in Austin") is complete: it is
    not a modifier waiting for the head of the next fragment ("full-time rideshare | and delivery drivers")."""
    return any(t.norm in QUALIFIER_STARTS for t in body[1:])


class _GroupReader:
    """Walks the fragments of one sentence and decides, for each, whether it opens a new group."""

    def __init__(self, line: str) -> None:
        self.line = line
        self.groups: list[tuple[int, int]] = []
        self.in_examples = False
        self.shared_determiner = False
        self.pending: int | None = None  # "full-time rideshare and delivery drivers": a shared head

    def read(self, frag: tuple[int, int], prev: tuple[int, int] | None) -> None:
        toks = words_in(self.line, frag)
        body = toks[_strip_lead_in(toks):]
        if not body:
            return
        marker = find(toks, EXAMPLE_MARKERS)
        start = _group_start(body)
        pending, self.pending = self.pending, None
        if self.groups and marker is not None and marker.start == 0:
            self.in_examples = True
        elif start is not None and not self._continues(body, frag, prev):
            begin = frag[0] + body[start].start
            if pending is not None and prev is not None and _joined_by_conjunction(self.line, prev, frag):
                begin = pending
            self.groups.append((begin, frag[1]))
            self.in_examples = False
            self.shared_determiner = body[0].norm in _DETERMINERS
            return
        elif not self.groups and len(body) <= MAX_NEUTRAL_WORDS and not _qualified(body):
            self.pending = frag[0] + body[0].start
        if self.groups:
            self.groups[-1] = (self.groups[-1][0], frag[1])

    def _continues(self, body: Sequence[Token], frag: tuple[int, int], prev: tuple[int, int] | None) -> bool:
        """Examples of the previous group, "les restaurateurs et traiteurs" (one shared article), or a
        "with ..." that is not a second group ("can't deal with calling 8 farms")."""
        if self.in_examples and len(body) <= 5:
            return True
        if self.groups and body[_group_start(body) or 0].norm in _RESTATING:  # ", people who drive for Uber"
            return True
        if prev is not None and _with().fullmatch(self.line[prev[1]:frag[0]]) and not _leads_with_group(body):
            return True
        return (self.shared_determiner and prev is not None and body[0].norm not in _DETERMINERS
                and _joined_by_conjunction(self.line, prev, frag))


def _sentence_groups(line: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    reader = _GroupReader(line)
    rest = span
    labelled = _label(line, span)
    if labelled:
        label, rest = labelled
        toks = words_in(line, label)
        body = toks[_strip_lead_in(toks):]
        start = _group_start(body)
        if start is not None and len(body) <= 5:  # "Readers: ..." names one group
            return [(label[0] + body[start].start, span[1])]
        if start is not None:  # "Les commerçants du centre : fleuristes, cavistes" lists examples
            reader.groups.append((label[0] + body[start].start, label[1]))
            reader.in_examples = True
    prev = None
    for frag in _fragments(line, rest):
        reader.read(frag, prev)
        prev = frag
    return reader.groups


def _collapse_to_announced(parts: list[list[str]], announced: int | None) -> list[str]:
    """"Three groups: A, with examples; B, more examples; C" has one group per part when the founder
    announced as many parts as there are. A part is the text of one sentence from its first group on."""
    parts = [p for p in parts if p]
    if announced and len(parts) == announced and sum(len(p) - 1 for p in parts) > announced:
        return [p[0] for p in parts]
    return [g for p in parts for g in p[1:]]


MAX_NEUTRAL_WORDS = 3


def split_groups(text: str) -> list[str]:
    """The distinct customer groups a for-whom answer names, in the founder's words.

    Qualifying fragments ("qui ...", an adjective, a number) and examples ("surtout ...", "like ...",
    "commerçants : fleuristes, cavistes") stay with their group; a sentence led by a group label
    ("Readers: ...") is one group. An answer that names no recognisable group comes back whole."""
    parts: list[list[str]] = []
    for line in lines_of(text):
        for sentence in _sentences(line):
            found = _sentence_groups(line, sentence)
            if found:
                whole_part = trim(line[found[0][0]:found[-1][1]])
                parts.append([whole_part] + [trim(line[a:b]) for a, b in found])
    groups = _collapse_to_announced(parts, announced_count(text))
    unique = list({normalise(g): g for g in reversed(groups) if g}.values())[::-1]
    if unique:
        return unique
    whole = trim(text)
    return [whole] if tokenise(whole) else []
