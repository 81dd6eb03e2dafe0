"""Checks on the groups a reader found, from grammar rather than from any domain's words
(`assistant/lexicon/<lang>/grammar.yaml`):

- a fragment the reader opened as a group but that does not open a noun phrase continues the group before it: a
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

from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from assistant.lexicon import every_language
from assistant.lexicon.group_reading import GroupReadingWords
from assistant.lexicon.lazy import LazyWords
from assistant.text.patterns import find
from assistant.text.tokens import Token, tokenise
from assistant.understanding.grammar_lists import Phrase, contains, grammar_lists, phrase_at
from assistant.understanding.grouping import EXAMPLE_MARKERS
from assistant.understanding.groups import STRUCTURE, announced_count, group_head, is_group_word


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
_BREAKS = frozenset(("sentence", "semicolon", "numbered", "dash"))


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


def relabel(frags: Sequence[FragmentLike], labels: Sequence[str], answer: str) -> list[str]:
    """The reader's labels (new/cont/deferred/none per fragment) with the grammar checks applied."""
    out = list(labels)
    in_examples = False
    announced = 0  # groups announced ("deux publics :") and not yet opened in this sentence
    open_group = False
    for i, (frag, label) in enumerate(zip(frags, labels, strict=True)):
        if i > 0:
            open_group = out[i - 1] in ("new", "cont", "deferred") and (open_group or out[i - 1] != "cont")
        if frag.separator in _BREAKS or frag.first_in_sentence:
            in_examples = False
        if frag.first_in_sentence:
            announced = 0
        tokens = tokenise(frag.text)
        in_parens = answer.count("(", 0, frag.start) > answer.count(")", 0, frag.start)
        example = (m := find(tokens, EXAMPLE_MARKERS)) is not None and m.start == 0
        if (announced_count(frag.text) or 0) >= 2:  # "deux groupes :", "two sides" announce the groups
            out[i], announced = "none", announced_count(frag.text) or 0
            continue
        determiner = bool(tokens) and tokens[0].norm in OPENERS["determiner"]
        if announced and (label in ("new", "none") or determiner) and opens_noun_phrase(frag.text) and \
                not in_parens:
            # the announced groups open, as many as announced; a bare word the reader joins to the group
            # before ("les écoles maternelles et élémentaires", "senior or anxious dogs") stays joined, a
            # noun phrase with its determiner ("… et les artisans indépendants qui…") opens the next
            out[i], announced = "new", announced - 1
            continue
        if label == "cont" and not open_group:
            # "on the guest side, couples and solo travellers": a continuation right after a side announced
            # opens that side's group
            if i and _announces_side(frags[i - 1].text) and opens_noun_phrase(frag.text):
                out[i] = "new"
            continue
        if label == "cont" and open_group and _names_another(tokens):
            out[i] = "new"  # "…, et d'autres potiers qui cherchent un four": another group, by its determiner
            continue
        if label != "new" or not open_group:  # a group is only continued when one is open
            continue
        if example:
            out[i], in_examples = "cont", True
        elif in_parens or in_examples or not opens_noun_phrase(frag.text):
            out[i] = "cont"
    return out


def _names_another(tokens: Sequence[Token]) -> bool:
    """The fragment opens on "other"/"d'autres" and a group word: another group than the one before."""
    norms = [t.norm for t in tokens]
    other = phrase_at(norms, skip_hedges(norms), grammar_lists().others)
    return other is not None and bool(group_words_at(tokens))


def _announces_side(text: str) -> bool:
    """"on the guest side", "côté offre": a fragment that only announces a platform side."""
    norms = [t.norm for t in tokenise(text)]
    side = contains(norms, grammar_lists().sides)
    return side is not None and not group_words_at(tokenise(text)[:side])


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
