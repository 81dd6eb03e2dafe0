"""Checks on the groups a reader found, from grammar rather than from any domain's words
(`assistant/lexicon/<lang>/grammar.yaml`):

- (applied by `group_relabel.relabel`, with the noun-phrase test here) a fragment the reader opened as a group
  but that does not open a noun phrase continues the group before it: a
  clause led by a pronoun ("they need a full groom"), a preposition or a comparison ("under 500 acres", "in the
  Denver suburbs"), a negated verb ("can't justify a planter"), a verb before its object ("rent them out"), a
  measure of a group ("household income above $50k"), an announcement ("deux groupes :"), a parenthesis, or
  examples ("typiquement des gens qui…", "genre les mairies, les coursiers");
- a group the founder sets aside is excluded, not a target: a negation or "already have" in its main
  clause ("large academic centres already get RFID", "very small hospitals don't lose enough to care"),
  or a dismissal right after it ("les infirmiers en zone rurale, laisse tomber", "the night shift:
  forget it");
- fillers around a group's words are trimmed ("ce serait les domaines…", "…infirmiers libéraux
  évidemment", "et côté étudiants").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Protocol

from assistant.lexicon import all_conversation_words, every_language
from assistant.lexicon.group_reading import GroupReadingWords
from assistant.lexicon.lazy import LazyWords
from assistant.text.patterns import find
from assistant.text.tokens import Token, tokenise
from assistant.understanding.grammar_lists import Phrase, contains, grammar_lists, phrase_at
from assistant.understanding.groups import (
    STRUCTURE,
    announced_count,
    exact_group_word,
    group_head,
    is_group_word,
)


def reading_words() -> GroupReadingWords:
    """The group reader's function words of every language (`lexicon/<lang>/group_reading.yaml`)."""
    return every_language(GroupReadingWords, "group_reading")


@lru_cache(maxsize=16)
def reading_phrases(key: str) -> tuple[Phrase, ...]:
    """A list of `reading_words()` as phrases of words (split on spaces), in the order written."""
    return tuple(tuple(p.split()) for p in getattr(reading_words(), key))


# Grammatical openers of a fragment (`*_openers`): a relative clause or a preposition continues the group before;
# a determiner or a negation opens something else. The keys label the reader's features (so: no key added).
OPENERS: dict[str, LazyWords] = {
    "relative": LazyWords(lambda: reading_words().relative_openers),
    "preposition": LazyWords(lambda: reading_words().preposition_openers),
    "determiner": LazyWords(lambda: reading_words().determiner_openers),
    "negation": LazyWords(lambda: reading_words().negation_openers),
}
_OBJECTS = LazyWords(lambda: reading_words().object_pronouns)  # after a first word, they make it a verb
_NOT_TRAILING = LazyWords(lambda: reading_words().not_trailing)  # fillers that cannot end a group ("…évidemment")


class FragmentLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def separator(self) -> str: ...
    @property
    def first_in_sentence(self) -> bool: ...
# Openers of a noun phrase that names people without a group word: "ceux qui…", "the ones running…".
DEMONSTRATIVES = LazyWords(lambda: reading_words().demonstratives)
COMPARATIVES = LazyWords(lambda: reading_words().comparatives)
MODALS = LazyWords(lambda: reading_words().modals)
_AUXILIARIES = LazyWords(lambda: reading_words().auxiliaries)
_VERB_NEGATIONS = LazyWords(lambda: reading_words().verb_negations)
_EXCLUSION_LEADS = LazyWords(lambda: reading_words().exclusion_leads)


def group_words_at(tokens: Sequence[Token]) -> list[int]:
    attrs = grammar_lists().attributes
    return [i for i, t in enumerate(tokens) if is_group_word(t.norm)
            and not (i + 1 < len(tokens) and tokens[i + 1].norm in attrs)]


def opens_noun_phrase(text: str) -> bool:
    """Whether a fragment can open a group: not a pronoun-led clause, a preposition, a comparison, a negated
    or modal verb, a verb before its object pronoun, a short attribute or an announcement of the groups to come."""
    tokens = tokenise(text)
    norms = [t.norm for t in tokens]
    start = skip_hedges(norms)
    norms, tokens = norms[start:], tokens[start:]
    if not norms:
        return False
    first = norms[0]
    if first in grammar_lists().clause_verbs:
        return False  # "…and have to show…", "…et ont besoin de…": the clause goes on
    raw = text[tokens[0].start:tokens[0].end]
    if len(raw) >= 2 and raw.isupper() and first not in OPENERS["negation"]:
        return True  # an acronym ("CE", "PME"), not a pronoun
    if phrase_at(norms, 0, reading_phrases("comparison_openings")):
        return False  # "plus de 50 salariés": a comparison
    if phrase_at(norms, 0, grammar_lists().partitives):
        return False  # "lots of them already rent informally": a statement about the group before
    if phrase_at(norms, 0, reading_phrases("determiner_phrases")):
        return True  # "d'autres jardiniers qui…": a determiner, "other gardeners"
    if first in grammar_lists().subjects or first in OPENERS["preposition"] or first in OPENERS["relative"]:
        return first in DEMONSTRATIVES
    if first in COMPARATIVES or first in MODALS or first in OPENERS["negation"] or first.isdigit() and not (
            group_words_at(tokens)) or norms[1:2] and norms[1] in _OBJECTS:  # "rent them out"
        return False
    if len(norms) > 1 and norms[1] in _VERB_NEGATIONS and (first in MODALS or first in _AUXILIARIES):
        return False
    if find(tokens, STRUCTURE) is not None and (announced_count(text) or 0) >= 2:
        return False
    attributes = grammar_lists().attributes
    if any(n in attributes for n in norms[1:3]) and not group_words_at(tokens):  # "household income above…"
        return False
    return True


COPULAS = LazyWords(lambda: reading_words().copulas)


def skip_hedges(norms: Sequence[str]) -> int:
    i = 0
    while i < len(norms):
        hedge = phrase_at(norms, i, grammar_lists().hedges)
        if hedge is None:
            break
        i += len(hedge)
    if 0 < i < len(norms) and norms[i] in COPULAS:  # "one side is people who…"
        i += 1
    return i


def names_people(words: Iterable[str]) -> bool:
    """One of the normalised `words` names people or organisations: a word of the group lexicon as written (a
    typo-tolerant match would read "files d'attente" as "filles"), a word for people in general ("les gens du
    quartier", "people who…"), or a demonstrative."""
    people = all_conversation_words().generic_people
    return any(exact_group_word(w) or w in DEMONSTRATIVES or w in people for w in words)


def excluded(answer: str, start: int, end: int, sentence_end: int) -> bool:
    """Whether the group at answer[start:end] is set aside: a negation before any relative pronoun in
    its own words, a fragment led by a negation or an exception, or a dismissal after it in its
    sentence (up to `sentence_end`) before another group starts."""
    words = grammar_lists()
    norms = [t.norm for t in tokenise(answer[start:end])]
    lead = skip_hedges(norms)
    if lead < len(norms) and norms[lead] in _EXCLUSION_LEADS:
        return True
    relative = next((i for i, w in enumerate(norms) if w in OPENERS["relative"]), len(norms))
    hit = contains(norms[:relative], words.exclusion)
    if hit is not None and hit > lead:
        return True
    after = [t.norm for t in tokenise(answer[end:sentence_end])]
    return contains(norms + after[:12], words.dismissal) is not None


def trim(text: str) -> str:
    """The group's words without the fillers before and after them, nor list marks."""
    tokens = tokenise(text)
    norms = [t.norm for t in tokens]
    begin = skip_hedges(norms)
    end = len(norms)
    while end > begin:
        tail = next((p for p in grammar_lists().hedges if tuple(norms[end - len(p):end]) == p and end - len(p) >= begin
                     and not (len(p) == 1 and p[0] in _NOT_TRAILING)), None)
        if tail is None:
            break
        end -= len(tail)
    if begin >= end:
        return text.strip(" ,;:-–—")
    return text[tokens[begin].start:tokens[end - 1].end].strip(" ,;:-–—")


def distinct(groups: list[str]) -> list[str]:
    """Groups once each: a bare restatement ("étudiants" after "les étudiants-tuteurs") is not another
    group, and a bare group narrowed right after ("restaurants. independent restaurants in portland that
    ...") is the narrowed one."""
    out: list[str] = []
    for group in groups:
        if any(g.lower() == group.lower() or (_bare(group) and group_head(g) == group_head(group)) for g in out):
            continue
        same = [i for i, g in enumerate(out) if _bare(g) and _names(g) and _names(g) <= _names(group)]
        if same:
            out[same[0]] = group
            continue
        out.append(group)
    return out


def _names(group: str) -> set[str]:
    """The group's content words by their first 5 letters (plurals and most typos alike)."""
    return {t.norm[:5] for t in tokenise(group) if t.norm not in OPENERS["determiner"] and t.norm.isalpha()}


def _bare(group: str) -> bool:
    """A group named by its head noun alone ("restaurants", "les étudiants")."""
    return len([t for t in tokenise(group) if t.norm not in OPENERS["determiner"]]) <= 1


def open_before(labels: Sequence[str], i: int) -> bool:
    """Whether a group is open before fragment `i`: the labels before it, past continuations, reach a new or
    deferred group before a fragment read as no group."""
    j = i - 1
    while j >= 0 and labels[j] == "cont":
        j -= 1
    return j >= 0 and labels[j] in ("new", "deferred")
