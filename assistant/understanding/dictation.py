"""Answers dictated with no punctuation that go through the segments in turn ("le pêcheur vendre toute la pêche
du jour … le restaurant avoir du poisson frais…", "pour les pêcheurs le poisson qui reste … pour les restos le
débarquement…"): a sentence break is put where such a run-on turns to another group, so that the reading by
segment (`segment_blocks`, `split_items`) sees one sentence per segment, as it does in a punctuated answer.

The rules, for a canvas of at least two segments:
- a run-on is a stretch of at least `RUN_ON_WORDS` words with no punctuation, and it is cut only when it opens
  on a group: a word of a segment's name or a word for people (`groups.member_word`, singular or plural),
  bare or after a definite determiner and an optional topic word ("pour les pêcheurs", "le pêcheur",
  "pêcheurs être payé");
- a turn is a later group (not people in general: "les clients qui disent je passe") at the start of a phrase:
  bare, after a definite determiner (`turn_determiners`) or a topic word (`turn_topics`: "pour", "for"; not
  "chez la revendeuse", a place), never right after a word that makes it an object or a complement
  (`turn_blockers`: "avoir des restos qui reviennent", "vendre aux restos", "with the tenants");
- each turn is to a group none of the pieces before opened on, at most one turn per segment beyond the
  first, and each piece keeps at least `MIN_PIECE_WORDS` words;
- a piece that opens on a topic ("pour les pêcheurs") gets a colon after its noun phrase, so that it reads as
  the label it is ("pour les pêcheurs: le poisson qui reste…").
The words are in `lexicon/<lang>/segment_reading.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.canvas import Canvas
from assistant.lexicon.lazy import LazyWords
from assistant.text.tokens import Token, tokenise
from assistant.understanding.groups import member_word
from assistant.understanding.segment_blocks import segments_mentioned
from assistant.understanding.segment_names import reading_words
from assistant.understanding.substance import is_generic_group

RUN_ON_WORDS = 16  # words of a stretch with no punctuation before it is read as dictated
MIN_PIECE_WORDS = 6  # words each piece of a cut run-on keeps: a turn is a new stretch of speech, not an object
STEM = 5  # letters that tell two group words apart ("pêcheur" / "pêcheurs" are one group)
_STRETCH = re.compile(r"[^.,;:!?\n()]+")

_TOPICS = LazyWords(lambda: reading_words().turn_topics)
_DEFINITE = LazyWords(lambda: reading_words().turn_determiners)
_BLOCKERS = LazyWords(lambda: reading_words().turn_blockers)


def _group_test(canvas: Canvas) -> Callable[[str], bool]:
    """Whether a word names a group: a word of a segment's name ("garages"), or a word for a group of people,
    singular or plural ("le pêcheur", "restos"), not for people in general ("les clients qui disent je passe"
    are the group's own customers)."""
    seen: dict[str, bool] = {}  # a run-on asks about each word once

    def named(word: str) -> bool:
        if word not in seen:
            seen[word] = (member_word(word, canvas.language) and not is_generic_group(word)
                          or len(word) > 3 and bool(segments_mentioned(canvas, word)))
        return seen[word]
    return named


def _lead(tokens: Sequence[Token], at: int, group: Callable[[str], bool]) -> tuple[int, bool] | None:
    """The index of the group word of a group phrase starting at `at` (topic word, definite determiner, then the
    word), and whether it opens on a topic; None when no group phrase starts there."""
    k = at
    topic = tokens[k].norm in _TOPICS
    if topic:
        k += 1
    if k < len(tokens) and tokens[k].norm in _DEFINITE:
        k += 1
    if k < len(tokens) and group(tokens[k].norm):
        return k, topic
    return None


def _object(tokens: Sequence[Token], k: int, head: int) -> bool:
    """The group phrase at `k` is an object or a complement: a blocker right before it, or, for a bare group
    word, a determiner ("chez la revendeuse")."""
    before = tokens[k - 1].norm
    return before in _BLOCKERS or (head == k and before in _DEFINITE)


def _turns(tokens: Sequence[Token], segments: int, group: Callable[[str], bool]) -> list[tuple[int, int, bool]]:
    """Where a run-on turns to another group: (index of the turn's first word, index of its group word, whether
    it is a topic), the run-on's own opening first; [] when it does not open on a group."""
    first = _lead(tokens, 0, group)
    if first is None:
        return []
    turns = [(0, *first)]
    seen = {tokens[first[0]].norm[:STEM]}
    k = first[0] + 1
    while k < len(tokens) and len(turns) < segments:
        lead = _lead(tokens, k, group)
        if (lead is not None and k - turns[-1][0] >= MIN_PIECE_WORDS and len(tokens) - k >= MIN_PIECE_WORDS
                and tokens[lead[0]].norm[:STEM] not in seen and (lead[1] or not _object(tokens, k, lead[0]))):
            turns.append((k, *lead))
            seen.add(tokens[lead[0]].norm[:STEM])
            k = lead[0] + 1
            continue
        k += 1
    return turns if len(turns) > 1 else []


def with_turns(answer: str, canvas: Canvas) -> str:
    """`answer` with a sentence break before each turn to another group of its run-ons (see the module's
    rules), and a colon after a topic's group phrase; `answer` as it is when none is found or the canvas holds
    fewer than two segments."""
    if len(canvas.segments) < 2:
        return answer
    group = _group_test(canvas)
    cuts: list[tuple[int, str]] = []  # (offset in the answer, text to insert)
    for stretch in _STRETCH.finditer(answer):
        tokens = tokenise(stretch.group())
        if len(tokens) < RUN_ON_WORDS:
            continue
        for k, head, topic in _turns(tokens, len(canvas.segments), group):
            if k:
                cuts.append((stretch.start() + tokens[k].start, ". "))
            if topic and head + 1 < len(tokens):
                cuts.append((stretch.start() + tokens[head].end, ":"))
    for offset, text in sorted(cuts, reverse=True):
        left = answer[:offset].rstrip() if text == ". " else answer[:offset]
        answer = left + text + answer[offset:]
    return answer
