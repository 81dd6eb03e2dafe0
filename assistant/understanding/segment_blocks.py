"""Which segment each sentence of an answer speaks of, for the fields read per segment (who pays and who
uses, `roles_by_segment.py`). Founders go through their segments in turn ("Readers use it for free.
Advertisers buy monthly packages…", "Pour les écoles, … Pour les familles, …"):

- a sentence opens a segment's block when its opening names the segment: a label ("dental:"), a topic
  ("Pour les écoles,"), or a subject among its first words ("Readers use it…"); the sentences after it stay
  in the block until another opens;
- a sentence that names several segments ("The charities and the volunteers use it for free") is in each
  of their blocks;
- a sentence that opens on "the same people" ("Chaque côté utilise la plateforme", "both use it") is about
  every segment (`shared`): it does not take a segment from the pairing below; a pseudo-cleft ("Ceux qui
  paient, ce sont les financeurs") opens on the group after
  it; a clause after a comma that opens on a segment and says it pays ("…, et l'artisan paye une
  commission", "…, le conducteur reçoit l'argent et paie rien") starts that segment's block ("…, and the kids
  use it" stays: the user of who paid before);
- a sentence whose subject is a group the canvas does not name ("Advertisers buy…", "The stores pay…"), or
  a topic that names no segment ("In our shops,", "Pour les familles,"), opens a block of its own, given
  to the segment no sentence names when that is unambiguous: as many such blocks as segments left, paired
  in the canvas's order (founders speak of their segments in the order they named them); otherwise its
  sentences are about no segment in particular; so does an answer's first sentence whose subject is one
  member of such a group ("le passager paie sa place, le conducteur…"), not a later one ("The ops lead
  books, but the owner signs off" goes on with the block before it);
- a segment with no block of its own that another block's sentence names ("the parents pay, and the
  teenagers use it") has that sentence as its block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from assistant.canvas import Canvas
from assistant.lexicon.lazy import LazyWords
from assistant.text.tokens import normalise, tokenise
from assistant.understanding.grammar_lists import grammar_lists, phrase_at
from assistant.understanding.group_check import reading_words as group_reading_words
from assistant.understanding.groups import is_group_word, member_word
from assistant.understanding.role_sameness import USES
from assistant.understanding.role_subjects import acts_in_a_role
from assistant.understanding.roles_reader import DETERMINERS, fold_clause, paying_clauses
from assistant.understanding.segment_names import any_of, name_head, name_stems, reading_words
from assistant.understanding.substance import content_words

T = TypeVar("T")
OPENING_WORDS = 5  # a sentence is about a segment when it names it within its first words
NAME_LETTERS = 6  # letters of a segment's name word a text's word must start with
_SENTENCES = re.compile(r"(?<=[.;!?])\s+|\n+")
_CLAUSES = re.compile(r",\s+")


@lru_cache(maxsize=1)
def _opening() -> re.Pattern[str]:
    """The opening that names the segment, not part of any role: a label ("dental:") or a topic ("For the
    software,", "Pour les écoles,", "Côté restaurants,": `topic_words` of `lexicon/<lang>/segment_reading.yaml`);
    "Les parents paient, …" opens on a clause, not a topic."""
    topic = any_of(reading_words().topic_words)
    return re.compile(rf"^\s*(?:([^:,\n]{{1,60}}?)\s*:|({topic}\s[^:,\n]{{1,60}}?)\s*,)\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _topic_lead() -> re.Pattern[str]:
    return re.compile(rf"^{any_of(reading_words().topic_words)}\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _clause_conjunction() -> re.Pattern[str]:
    """A conjunction at the start of a clause after a comma ("…, and the kids use it", "…, et l'artisan paye")."""
    return re.compile(rf"^{any_of(reading_words().clause_conjunctions)}\s+", re.IGNORECASE)


def _name_words(name: str) -> list[str]:
    """The identifying words (`name_stems`) of the name's head (`name_head`), or all its content words when it
    has none ("Clients ceux": a name made of words for people in general is still matched by them)."""
    name = name_head(name)
    own = [w[:NAME_LETTERS] for w in content_words(name) if w[:5] in name_stems(name)]
    return own or [w[:NAME_LETTERS] for w in content_words(name) if len(w) > 3]


def _names(word: str, stem: str) -> bool:
    """A text's word names a name's word: it starts with the name word's first letters, or it is a French
    clipping of it ("labos" for "laboratoires", "restos" for "restaurateurs": at least 4 letters ending in o)."""
    if word.startswith(stem):
        return True
    clip = word.removesuffix("s")
    return len(clip) >= 4 and clip.endswith("o") and stem.startswith(clip[:-1][:NAME_LETTERS])


def segments_mentioned(canvas: Canvas, text: str) -> list[str]:
    """Names of the segments a piece of text talks about: one of its words starts with the first letters of
    a word of the segment's name (content words of 4 letters or more and acronyms such as "PME", not
    "people" nor "with"), or is a clipping of it. Words several names share ("Owners of big dogs", "Owners
    of senior dogs") count only when the text names no segment by a word of its own: "the senior dog owners"
    is about the second segment, "dog owners" about both."""
    words = normalise(text).split()
    stems = {seg.name: _name_words(seg.name) for seg in canvas.segments}
    shared = {stem for name, own in stems.items() for stem in own
              if any(stem in other for o, other in stems.items() if o != name)}
    def named(own_stems: list[str]) -> bool:
        return any(_names(word, stem) for stem in own_stems for word in words)

    distinct = [name for name, own in stems.items() if named([s for s in own if s not in shared])]
    return distinct or [name for name, own in stems.items() if named(own)]


@dataclass(frozen=True)
class Opening:
    segments: list[str]  # the segments the sentence opens on ([] for none)
    said: str  # the sentence without a label or topic that names them
    topic: str  # the label's or topic's noun phrase ("Pour les écoles," → "les écoles"), else ""
    new_group: bool = False  # its subject is a group the canvas does not name
    new_role: bool = False  # its subject is a group or a member of one ("le passager"), named otherwise
    everyone: bool = False  # it opens on "the same people" ("both use the site"): about every segment


_SAME = LazyWords(lambda: reading_words().same_words)
_SAME_FOR_ALL = LazyWords(lambda: reading_words().same_for_all)
_PERSONAL = LazyWords(lambda: group_reading_words().personal_subjects)


def _same_thing(words: list[str], same: tuple[str, ...]) -> bool:
    """"Same service, same price list…": the offer said to be the same, not the people ("same for both",
    "same people", "même chose pour les deux" are)."""
    after = words[len(same)] if len(words) > len(same) else ""
    return (same[-1] in _SAME and len(after) > 3 and not is_group_word(after) and after not in _SAME_FOR_ALL)


def _opens_on(canvas: Canvas, sentence: str) -> Opening:
    grammar = grammar_lists()
    opening = _opening().match(sentence)
    phrase = (opening.group(1) or opening.group(2)) if opening else ""
    if opening and len(tokenise(phrase)) <= OPENING_WORDS:
        topic = _topic_lead().sub("", phrase).strip()
        named = segments_mentioned(canvas, phrase)
        if named:  # "Les équipiers paient : 7 €…": a label that says who pays or uses stays in what is said
            told = paying_clauses([phrase], denied=True) or USES.search(fold_clause(phrase))
            return Opening(named, sentence if told else sentence[opening.end():], topic)
        if opening.group(2):  # a topic that is none of the segments: a block of its own
            return Opening([], sentence[opening.end():], topic, new_group=True)
        if any(_person(t.norm, canvas.language) for t in tokenise(phrase)):
            # a label that names a group none of the segments' names hold ("pour les pêcheurs:", "particulier :"):
            # a block of its own, the label kept (it may say who pays: "particulier : il achète…")
            return Opening([], sentence, topic, new_group=True)
    tokens = tokenise(sentence)
    words = [t.norm for t in tokens if t.norm not in DETERMINERS]
    # "They both use the app", "Elles les deux…": a personal subject before "the same people" changes nothing
    lead = 1 if words and words[0] in _PERSONAL else 0
    same = (phrase_at(words, lead, grammar.same_people)
            or phrase_at([t.norm for t in tokens], 0, grammar.same_people))
    if same and not _same_thing(words, same):
        return Opening([s.name for s in canvas.segments], sentence, "", everyone=True)
    head = " ".join(t.norm for t in tokens[:OPENING_WORDS])
    named = segments_mentioned(canvas, head)
    if not named and phrase_at(words, 0, grammar.pronoun_heads):  # "ceux qui paient, ce sont les financeurs"
        named = segments_mentioned(canvas, sentence)[:1]
    if named:
        return Opening(named, sentence, "")
    subject = words[0] if words else ""
    acting = acts_in_a_role(words)
    return Opening([], sentence, "", new_group=(is_group_word(subject) or acting) and subject.endswith("s"),
                   new_role=_person(subject, canvas.language) or acting)


def opens_on_another_group(canvas: Canvas, text: str) -> bool:
    """The text's subject, its first word past determiners, is a group word or a member of a group that names
    none of the canvas's segments ("pêcheurs être payé…" on a canvas of "Patrons de yole")."""
    subject = next((t.norm for t in tokenise(text) if t.norm not in DETERMINERS), "")
    return _person(subject, canvas.language) and not segments_mentioned(canvas, subject)


def _person(word: str, language: str) -> bool:
    """A group word, or one member of a group ("le pêcheur", "the landlord")."""
    return is_group_word(word) or member_word(word, language)


def _units(answer: str, canvas: Canvas) -> list[tuple[str, bool]]:
    """Sentences, and the clauses after a comma (", and" / ", et" included) that open on a segment, or on a
    group named otherwise, that pays or does not; each with whether it is such a clause."""
    units: list[tuple[str, bool]] = []
    for sentence in (s for s in _SENTENCES.split(answer) if s.strip()):
        parts = _CLAUSES.split(sentence)
        units.append((parts[0], False))
        for part in parts[1:]:
            rest = _clause_conjunction().sub("", part)
            tokens = tokenise(rest)
            head = " ".join(t.norm for t in tokens[:OPENING_WORDS])
            subject = next((t.norm for t in tokens if t.norm not in DETERMINERS), "")
            # "…, the host pays 3%": a clause whose subject is a segment, or a group named otherwise, and
            # that says who pays (or does not)
            if (segments_mentioned(canvas, head) or is_group_word(subject)) and paying_clauses([rest], denied=True):
                units.append((rest, True))
            else:
                units[-1] = (f"{units[-1][0]}, {part}", units[-1][1])
    return units


def paired_in_order(unnamed: list[T], free: list[str]) -> dict[str, T]:
    """Labels or blocks that name no segment, given to the segments (`free`) nothing names, in order —
    founders speak of their segments in the order they named them —, when there are as many of each; {}
    otherwise."""
    return dict(zip(free, unnamed, strict=True)) if unnamed and len(unnamed) == len(free) else {}


@dataclass
class Blocks:
    own: dict[str, list[str]] = field(default_factory=dict)  # segment name → the sentences about it
    topics: dict[str, str] = field(default_factory=dict)  # segment name → the topic its block opened on
    rest: list[str] = field(default_factory=list)  # sentences about no segment in particular
    shared: list[str] = field(default_factory=list)  # sentences about every segment ("both use the site")


def segment_blocks(answer: str, canvas: Canvas) -> Blocks:
    """The answer's sentences, by the segment they speak of (see the module's rules); with one segment,
    every sentence is about it."""
    blocks = Blocks()
    if len(canvas.segments) < 2:
        blocks.rest = [answer]
        return blocks
    unknown: list[list[str]] = []
    current: list[list[str]] = [blocks.rest]
    for sentence, clause in _units(answer, canvas):
        opening = _opens_on(canvas, sentence)
        if opening.everyone:
            current = [blocks.shared]
        elif opening.segments:
            current = [blocks.own.setdefault(name, []) for name in opening.segments]
            for name in opening.segments:
                blocks.topics.setdefault(name, opening.topic)
        elif opening.new_group or (opening.new_role and (clause or (current == [blocks.rest] and not blocks.rest))):
            unknown.append([])
            current = [unknown[-1]]
        for block in current:
            block.append(opening.said)
    paired = paired_in_order(unknown, [s.name for s in canvas.segments if s.name not in blocks.own])
    if paired:
        blocks.own.update(paired)
    else:
        blocks.rest += [s for block in unknown for s in block]
    for name in (s.name for s in canvas.segments if s.name not in blocks.own):
        told = [s for block in list(blocks.own.values()) for s in block if name in segments_mentioned(canvas, s)]
        if told:  # "the parents pay, and the teenagers use it": the teenagers' roles are told there
            blocks.own[name] = told
    return blocks
