"""The same customers named again in one answer are one segment, not two.

Founders restate as they think: "Les clubs de handball amateurs, bon, pas tous, je veux dire, les clubs de
taille moyenne…", "travel soccer leagues in nj… leagues need them", "Parents of kids who wear glasses…
Active kids, soccer…", "owners of onshore wind farms… e.g. farms in Iowa, Kansas". A group read after
another is that one named again when

- its head (its first group word, else its first plural noun: "leagues", "farms", "clubs") is the earlier
  group's head, said in a later sentence or after a correction in the same sentence ("je veux dire", "I
  mean"); in one sentence with no correction, two groups with one head are two segments ("small restaurants
  and big restaurants"). Of the two, the earlier stands, unless a correction comes between them ("busy
  people… ok more specific: people in jersey city living in walk-ups…": the later);
- or its head is a group the earlier one is made of or about ("parents of kids" → "kids", "owners of wind
  farms" → "farms"), said in a later sentence: it describes those same customers' dependents;

and nothing in its sentence adds it as another ("big farms too", "a second group", "les autres clubs").

Words: `additions`, `corrections` and `prenominal_adjectives` of `lexicon/<lang>/group_reading.yaml`; the
plural test, a word of four letters or more ending in s or x that says something (`substance.content_words`),
covers the nouns the group lexicon does not know, which the founders of the blind sets used most.
"""

from __future__ import annotations

import re

from assistant.lexicon import all_grammar_words
from assistant.lexicon.lazy import LazyWords
from assistant.text.tokens import tokenise
from assistant.understanding.cues import FUNCTION_WORDS
from assistant.understanding.grammar_lists import contains
from assistant.understanding.group_check import (
    DEMONSTRATIVES,
    OPENERS,
    reading_phrases,
    reading_words,
)
from assistant.understanding.group_fragments import SENTENCE
from assistant.understanding.groups import group_words, is_group_word, same_group
from assistant.understanding.listing import swept_span
from assistant.understanding.segment_names import name_head, segment_name
from assistant.understanding.substance import content_words

_BREAK = re.compile(rf"{SENTENCE.pattern}|(?:^|\s)[-–•]\s")


def _norms(text: str) -> list[str]:
    return [t.norm for t in tokenise(text)]


def _sentence(answer: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence (or bullet) around `answer[start:end]` starts and ends."""
    before = [m.end() for m in _BREAK.finditer(answer, 0, start)]
    after = _BREAK.search(answer, end)
    return before[-1] if before else 0, after.start() if after else len(answer)


_PRENOMINAL = LazyWords(lambda: reading_words().prenominal_adjectives)
MIN_PLURAL = 4  # letters of a plural-looking word ("kids", "clubs"); "les", "des", "this" are shorter or not content


def same_head(a: str, b: str) -> bool:
    """Two words name the same group (`groups.same_group`), both words of three letters or more: "s" (of
    "let's") is no stem of every group."""
    return len(a) >= MIN_WORD and len(b) >= MIN_WORD and same_group(a, b)


MIN_WORD = 3


def _plural(word: str) -> bool:
    """Looks like a plural noun: four letters or more ending in s or x, not in -ss, -us, -is ("business",
    "nervous", "jadis")."""
    return len(word) >= MIN_PLURAL and word[-1] in "sx" and not word.endswith(_NOT_PLURAL)


_NOT_PLURAL = ("ss", "us", "is")


def heads(group: str) -> list[str]:
    """The group's head and the groups it is made of or about, in order ("Parents of kids" → parents, kids;
    "travel soccer leagues in NJ, like 40 teams" → leagues): the group words and plural nouns of its name, else
    the group words of its whole text."""
    name = name_head(segment_name(group))
    said = set(content_words(name))
    words = [t.norm for t in tokenise(name) if is_group_word(t.norm) or (
        t.norm in said and _plural(t.norm) and t.norm not in DEMONSTRATIVES)]  # "ceux qui…" has no head
    while len(words) > 1 and words[0] in _PRENOMINAL:
        words.pop(0)
    return words or group_words(tokenise(group))


def _narrows(answer: str, earlier: str, earlier_at: int, group: str, at: int) -> bool:
    """The group named again narrows the earlier one: a correction stands between them ("ok more specific:",
    "je veux dire")."""
    return contains(_norms(answer[earlier_at + len(earlier):at]), reading_phrases("corrections")) is not None


def _repeats(answer: str, earlier: str, at_earlier: int, group: str, at: int) -> bool:
    """Whether `group` (at `at`) names again the customers of `earlier` (at `at_earlier`, before it)."""
    before, own = heads(earlier), heads(group)
    if not before or not own:
        return False
    between = answer[at_earlier + len(earlier):at]
    later_sentence = bool(_BREAK.search(between))
    if same_head(before[0], own[0]):
        return later_sentence or contains(_norms(between), reading_phrases("corrections")) is not None
    return later_sentence and any(same_head(word, own[0]) for word in before[1:])


LIST_ITEMS = 3  # items of a bare list of examples ("Vêtements, chaussures, déco, épiceries fines, pharmacies.")
ITEM_WORDS = 3  # words of each item at most


def _bare_list(sentence: str) -> bool:
    """A sentence that is only a list of short items, no clause: `LIST_ITEMS` or more, of at most `ITEM_WORDS`
    words each."""
    items = [i for i in re.split(r",|;|\s(?:et|and|ou|or)\s", sentence.strip(" .!?\n-–•")) if i.strip()]
    return len(items) >= LIST_ITEMS and all(len(i.split()) <= ITEM_WORDS for i in items)


def _examples_after(answer: str, group_at: int, start: int, end: int) -> bool:
    """Whether the sentence `answer[start:end]` is a bare list right after the sentence of the group at
    `group_at`: the kinds that group holds ("Commerces indépendants du centre. Vêtements, chaussures, déco,
    épiceries fines."), not segments of their own."""
    _, previous_end = _sentence(answer, group_at, group_at + 1)
    return previous_end <= start and not answer[previous_end:start].strip(" .!?\n-–•") and _bare_list(
        answer[start:end])


RETRACTION_WINDOW = 3  # words between the negation and the group's head ("pas les secrétaires")


def _retracted(group: str, rest: str) -> bool:
    """Whether the rest of the group's sentence takes it back: a correction, then a negation before its head
    ("et les secrétaires aussi, ah non, pardon, pas les secrétaires", "and the schools, sorry, not the
    schools")."""
    own = heads(group)
    norms = _norms(rest)
    at = contains(norms, reading_phrases("corrections"))
    if not own or at is None:
        return False
    return any(norms[i] in OPENERS["negation"] and any(
        same_head(w, own[0]) for w in norms[i + 1:i + 2 + RETRACTION_WINDOW]) for i in range(at, len(norms)))


def one_per_customer(answer: str, groups: list[str]) -> list[str]:
    """`groups` (as read from `answer`, in order) without those that name again the customers of a group
    before them (see the module), nor the groups listed after such a repeat in its sentence ("Active kids,
    soccer, the little ones who…": illustrations of the kids, not segments), nor those of a bare list of
    examples right after a group's sentence, nor kinds listed then said not to matter (`indifferent_list`). A
    group not found verbatim in the answer is kept."""
    swept = swept_span(answer)  # "sushi bar, taqueria, catering company, doesn't matter": no choice made
    groups = [g for g in groups if not swept[0] <= answer.find(g) < swept[1]]
    out: list[str] = []
    kept: list[tuple[str, int]] = []
    illustrating: int | None = None  # the start of the last repeat's sentence: what follows there illustrates it
    cursor = 0
    for group in groups:
        at = answer.find(group, cursor)
        if at < 0:
            out.append(group)
            continue
        cursor = at + len(group)
        start, end = _sentence(answer, at, at + len(group))
        if start == illustrating:
            continue
        norms = _norms(answer[start:end])
        added = contains(norms, reading_phrases("additions")) is not None or (
            bool(norms) and norms[0] in reading_words().addition_openers)  # "And the hosts and the guests."
        again = next((k for k, (g, g_at) in enumerate(kept) if not added and _repeats(answer, g, g_at, group, at)),
                     None)
        if again is not None:
            earlier, earlier_at = kept[again]
            if same_head(heads(earlier)[0], heads(group)[0]) and _narrows(answer, earlier, earlier_at, group, at):
                out[out.index(earlier)] = group  # "busy people… ok more specific: people in jersey city living…"
                kept[again] = (group, at)
            else:
                illustrating = start
            continue
        if not added and kept and _examples_after(answer, kept[-1][1], start, end):
            illustrating = start
            continue
        if _retracted(group, answer[at + len(group):end]) or kept and _points_back(group):
            continue
        out.append(group)
        kept.append((group, at))
    return out


_POINTING = LazyWords(lambda: all_grammar_words().demonstrative_determiners)
POINTING_REACH = 2  # words a pointing determiner opens a group within ("vraiment ces familles-là")


def _points_back(group: str) -> bool:
    """The group opens on a determiner that points back, before a noun, an adverb aside ("vraiment ces
    familles-là", "those families"): after groups are named, it names one of them again (not "those who…", a
    pronoun, nor "garages that restore them", a relative)."""
    norms = _norms(group)
    return any(w in _POINTING and i + 1 < len(norms) and norms[i + 1] not in FUNCTION_WORDS
               and (i == 0 or not is_group_word(norms[0])) for i, w in enumerate(norms[:POINTING_REACH]))


def names_a_thing(group: str) -> bool:
    """A one-word "group" with no head, neither a group word nor a plural ("soccer", "déco", "ICP"): a thing or
    a field the founder mentioned, not customers."""
    words = content_words(group)
    return len(words) == 1 and len(tokenise(group)) <= 2 and not heads(group)
