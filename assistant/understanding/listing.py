"""Lists of groups in an answer: the founder enumerating targets ("les PME, les ETI, les grands comptes
et les collectivités") or sweeping across them ("des étudiants aux retraités")."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from assistant.lexicon import all_grammar_words, every_language
from assistant.lexicon.breadth import BreadthWords
from assistant.lexicon.group_reading import GroupReadingWords
from assistant.lexicon.lazy import LazyWords
from assistant.text.lists import ASIDE, QUALIFIER_STARTS, lines_of, trim, words_in
from assistant.text.patterns import Match, Pattern, PatternSet, compile_all, find, find_all
from assistant.text.tokens import Token, tokenise
from assistant.understanding.cues import negated_before
from assistant.understanding.grouping import (
    _DETERMINERS,
    _RESTATING,
    EXAMPLE_MARKERS,
    MAX_NEUTRAL_WORDS,
    _fragments,
    _group_start,
    _label,
    _sentences,
    _strip_lead_in,
)
from assistant.understanding.groups import group_head, is_group_word

MAX_LISTED_WORDS = 4


def listed_groups(text: str) -> list[str]:
    """The longest run of short groups listed one after the other in a sentence ("les PME, les ETI,
    les grands comptes et les collectivités"): the founder enumerating targets, not describing one."""
    best: list[str] = []
    for line in lines_of(text):
        line = ASIDE.sub(lambda m: " " * len(m.group(0)), line)  # an aside says nothing of the list's length
        for sentence in _sentences(line):
            best = max(best, _runs(line, sentence), key=len)
    return best


def _runs(line: str, sentence: tuple[int, int]) -> list[str]:
    labelled = _label(line, sentence)
    span = sentence
    if labelled and _group_start(words_in(line, labelled[0])) is not None:
        return []  # a group followed by its examples or its description
    if labelled:
        span = labelled[1]
    best: list[str] = []
    run: dict[str, str] = {}
    for frag in _fragments(line, span):
        toks = words_in(line, frag)
        body = toks[_strip_lead_in(toks):]
        short = len([t for t in body if t.norm not in _DETERMINERS]) <= MAX_LISTED_WORDS
        start = _group_start(body) if body else None
        restating = start is not None and run and body[start].norm in _RESTATING
        if restating:
            continue
        if start is not None and (short or start == 0) and find(toks, EXAMPLE_MARKERS) is None:
            text = trim(line[frag[0]:frag[1]])
            run.setdefault(group_head(text), text)
        elif not body or (len(body) <= MAX_NEUTRAL_WORDS and body[0].norm not in QUALIFIER_STARTS
                          and find(toks, EXAMPLE_MARKERS) is None):
            continue
        else:
            best = max(best, list(run.values()), key=len)
            run = {}
    return max(best, list(run.values()), key=len)



# "des étudiants aux retraités": a range that sweeps across groups (`range_from`, `range_to` of
# `lexicon/<lang>/group_reading.yaml`).
RANGE_FROM = LazyWords(lambda: every_language(GroupReadingWords, "group_reading").range_from)
RANGE_TO = LazyWords(lambda: every_language(GroupReadingWords, "group_reading").range_to)
AND_WORDS = LazyWords(lambda: [*every_language(GroupReadingWords, "group_reading").and_separators,
                                *every_language(GroupReadingWords, "group_reading").or_separators])
CALENDAR = LazyWords(lambda: every_language(GroupReadingWords, "group_reading").calendar_words)
RANGE_DETERMINERS = LazyWords(lambda: every_language(GroupReadingWords, "group_reading").range_determiners)


@lru_cache(maxsize=1)
def _range() -> Pattern:
    """The sweep as a pattern, to label its match ("from|des|de|du ... to|aux|au|a")."""
    words = every_language(GroupReadingWords, "group_reading")
    return compile_all((f"{'|'.join(words.range_from)} ... {'|'.join(words.range_to)}",))[0]


CHAIN_LINKS = 2  # "from A to B to C": two links or more
CHAIN_GAP = 10  # at most this many words between two links


def _opens_person(text: str, tokens: Sequence[Token], at: int) -> bool:
    """The words after a link open a common noun phrase: a determiner ("the cellist"), the link itself one
    ("au papi", "du collégien"), or a group word; no number, day or month, nor a capitalised name ("from
    Lyon to Paris"; "the DJ" is an acronym)."""
    if at >= len(tokens) or tokens[at].norm.isdigit() or tokens[at].norm in CALENDAR:
        return False
    word = text[tokens[at].start:tokens[at].end]
    if word.istitle() and tokens[at].norm not in _DETERMINERS:
        return False
    return tokens[at].norm in _DETERMINERS or tokens[at - 1].norm in RANGE_DETERMINERS or is_group_word(tokens[at].norm)


def chained_sweep(text: str, tokens: Sequence[Token]) -> Match | None:
    """"from the ten-year-old with a ukulele to the cellist in the symphony to the DJ": a range whose links
    chain (`CHAIN_LINKS`), each opening a noun phrase, sweeps across people whatever words name them: one
    unbounded group, not a list of targets."""
    for i, tok in enumerate(tokens):
        found = _chained_at(text, tokens, i) if tok.norm in RANGE_FROM else None
        if found is not None:
            return found
    return None


def _chained_at(text: str, tokens: Sequence[Token], i: int) -> Match | None:
    if not _opens_person(text, tokens, i + 1):
        return None
    links, last = 0, i
    for j in range(i + 2, len(tokens)):
        if tokens[j].sentence != tokens[i].sentence or j - last > CHAIN_GAP:
            break
        if tokens[j].norm in RANGE_TO and j - last >= 2 and _opens_person(text, tokens, j + 1):
            links, last = links + 1, j
    if links < CHAIN_LINKS:
        return None
    end = last + 2  # the last link and its noun phrase's first word, up to three words of it
    while end < min(len(tokens), last + 4) and tokens[end].sentence == tokens[i].sentence:
        end += 1
    return Match(i, end, _range())


RANGE_HEAD = 5  # words after "from" / "du" within which the sweep's first group stands
RANGE_SPAN = 11  # words after "from" / "du" within which "to" / "au" closes the first end


def _described_ends(tokens: Sequence[Token], i: int, j: int) -> bool:
    """A long sweep holds two groups each with its description: a group right after "from" (past one
    determiner), one right after "to", and no clause or list between them ("…oil from restaurants in small
    towns and sells it to biodiesel makers" is a path, not a sweep), the "from" opening its clause ("on vend des
    paniers … aux particuliers": an article after a verb)."""
    if i and tokens[i - 1].clause == tokens[i].clause:
        return False
    between = tokens[i + 1:j]
    if any(t.clause != tokens[i].clause or t.norm in AND_WORDS for t in between):
        return False
    return any(is_group_word(t.norm) for t in tokens[i + 1:i + 3]) and any(
        is_group_word(t.norm) for t in tokens[j + 1:j + 3])


def sweeping_range(tokens: Sequence[Token], min_groups: int) -> Match | None:
    """"des étudiants aux retraités", "from freelancers to large corporations": a sweep across groups, each end
    possibly described ("du gamin de six ans avec son seau au retraité avec son râteau": the first group within
    `RANGE_HEAD` words of "du", the "au" within `RANGE_SPAN`)."""
    for i, tok in enumerate(tokens):
        if tok.norm not in RANGE_FROM:
            continue
        for j in range(i + 2, min(len(tokens), i + RANGE_SPAN)):
            if tokens[j].sentence != tok.sentence or tokens[j].norm not in RANGE_TO:
                continue
            if tokens[j - 1].norm.isdigit() or (j + 1 < len(tokens) and tokens[j + 1].norm.isdigit()):
                continue  # "de 20 à 100 salariés": a size range, which narrows, not a sweep across groups
            tail = [t for t in tokens[j + 1:j + 8] if t.clause == tokens[j].clause]
            if j > i + 4 and not _described_ends(tokens, i, j):
                continue
            first = any(is_group_word(t.norm) for t in tokens[i + 1:min(j, i + 1 + RANGE_HEAD)])
            if first and any(is_group_word(t.norm) for t in tail[:3]):
                if 1 + sum(is_group_word(t.norm) for t in tail) >= min_groups:
                    return Match(i, j + 1 + len(tail), _range())
    return None


LISTED_KINDS = 3  # kinds listed before "doesn't matter" for a sweep (two may be a choice: "bars or cafés")
MAX_KIND_WORDS = 4


def indifferent_list(tokens: Sequence[Token]) -> Match | None:
    """"Sushi bar, taqueria, catering company, school cafeteria, doesn't matter": kinds listed, one short
    clause each, then said not to matter, or closed by everyone ("…, farmer, everybody waiting to be paid": the
    kinds were examples of everyone): no choice among them, one unbounded target."""
    pronouns = frozenset(all_grammar_words().subject_pronouns)
    places = _catch_alls()[1]
    closing = [m for m in find_all(tokens, _catch_alls()[0])
               if m.end >= len(tokens) or tokens[m.end].norm not in places]  # "everyone in the kitchen": staff
    for m in sorted([*find_all(tokens, _indifferent()), *closing], key=lambda m: m.start):
        sentence, clause = tokens[m.start].sentence, tokens[m.start].clause
        # the verdict opens its own clause, past a subject pronoun ("…, it doesn't matter", "…, ça importe peu")
        said = [t for t in tokens[:m.start] if t.clause == clause]
        if m.start == 0 or any(t.norm not in pronouns for t in said) or negated_before(tokens, m):
            continue
        sizes: dict[int, int] = {}
        for t in tokens[:m.start - len(said)]:
            if t.sentence == sentence:
                sizes[t.clause] = sizes.get(t.clause, 0) + 1
        kinds = list(sizes.values())[-LISTED_KINDS:]
        if len(kinds) == LISTED_KINDS and max(kinds) <= MAX_KIND_WORDS:
            return m
    return None


@lru_cache(maxsize=1)
def _indifferent() -> PatternSet:
    return compile_all(every_language(BreadthWords, "breadth").indifferent_after_list)


@lru_cache(maxsize=1)
def _catch_alls() -> tuple[PatternSet, frozenset[str]]:
    words = every_language(BreadthWords, "breadth")
    return compile_all(words.catch_all_after_list), frozenset(words.catch_all_places)


def swept_span(text: str) -> tuple[int, int]:
    """The characters of `text` holding the kinds an `indifferent_list` sweeps across (its sentence, up to
    the verdict); (0, 0) when there is none."""
    tokens = tokenise(text)
    m = indifferent_list(tokens)
    if m is None:
        return 0, 0
    first = next(t for t in tokens if t.sentence == tokens[m.start].sentence)
    return first.start, tokens[m.start].start
