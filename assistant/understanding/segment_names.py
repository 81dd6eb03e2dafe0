"""A segment's name and identity: the short name a group described in a sentence gets on the canvas, and
which canvas segment a group named again later is (`known_segment`)."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.canvas import Canvas
from assistant.lexicon import all_conversation_words, all_grammar_words, every_language
from assistant.lexicon.group_reading import GroupReadingWords
from assistant.lexicon.lazy import LazyWords
from assistant.lexicon.segment_reading import SegmentReadingWords
from assistant.text.tokens import tokenise
from assistant.understanding.grammar_lists import Phrase, phrases
from assistant.understanding.groups import is_group_word, looks_plural
from assistant.understanding.substance import content_words, is_generic_group
from assistant.understanding.target_frame import unframe


def reading_words() -> SegmentReadingWords:
    """The segment words of every language (`lexicon/<lang>/segment_reading.yaml`)."""
    return every_language(SegmentReadingWords, "segment_reading")


def any_of(alternatives: list[str]) -> str:
    """Regular-expression alternatives as one group, in the order given, each once."""
    return "(?:" + "|".join(dict.fromkeys(alternatives)) + ")"


@lru_cache(maxsize=1)
def _fillers() -> re.Pattern[str]:
    return re.compile(rf"^(?:{any_of(reading_words().name_fillers)}(?=[\s,:]|$)[\s,:]*)+", re.I)


_MARK = r"[;:(\[]|,(?!\d)|(?<!\d),"  # punctuation that ends a name; a comma inside a number ("2,000") does not


@lru_cache(maxsize=1)
def _clause() -> re.Pattern[str]:
    """Where a name ends: a relative clause, punctuation, a dash, or a copula ("frontline workers are probably
    an underserved segment": a name never holds the verb of a statement about the group), or examples after
    the group ("les associations type ADMR", "visitors for like a week")."""
    w = reading_words()
    return re.compile(rf"\s{any_of(w.name_clause_words)}\s|{_MARK}|\s[-–—]\s|\s{any_of(w.name_example_words)}\s",
                      re.I)


@lru_cache(maxsize=1)
def _relative() -> re.Pattern[str]:
    return re.compile(any_of(reading_words().name_relatives), re.I)


@lru_cache(maxsize=1)
def _determiner() -> re.Pattern[str]:
    return re.compile(rf"^{any_of(reading_words().name_determiners)}\s+", re.I)


@lru_cache(maxsize=1)
def _dangling() -> frozenset[str]:
    return frozenset(reading_words().dangling_words)


@lru_cache(maxsize=1)
def _trailing_noise() -> frozenset[Phrase]:
    """Hedges and frequency words of the grammar lexicon ("too", "aussi", "obviously", "d'abord"), as phrases of
    normalised words: said after a group, they are no part of its name."""
    grammar = all_grammar_words()
    return frozenset(phrases([*grammar.hedges, *grammar.frequency]))


def _noise_at_end(words: list[str]) -> bool:
    """The last written word is a hedge or a frequency word ("d'abord" counts as one), and not the end of a
    longer phrase ("as well": "well" alone is a hedge) nor a proper noun ("Vignerons de La Côte": "côté" is a
    hedge, "Côte" a place)."""
    return _norms(words[-1]) in _trailing_noise() and _norms(" ".join(words[-2:])) not in _COMMON_PAIRS \
        and not words[-1][:1].isupper()


def _names_no_group(text: str) -> bool:
    return not any(is_group_word(t.norm) and not is_generic_group(t.norm) for t in tokenise(text))


def _norms(text: str) -> Phrase:
    return tuple(t.norm for t in tokenise(text))


_COMMON_PAIRS = frozenset({("as", "well")})  # two words whose last one alone is a hedge
_COPULAS = LazyWords(lambda: reading_words().name_copulas)


_PUNCTUATION = re.compile(r"[;:!?(\[]|,(?!\d)|(?<!\d),|\.(?!\d)|(?<!\d)\.|\s[-–—]\s")
ONE_WORD_EXTRA = 2  # a one-word head's name may run this many words longer, to end its relative clause
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,4}s?\b")
MAX_NAME_WORDS = 6
STEM = 5  # letters compared when a group is matched to a segment's name


def _past_the_speaker(text: str) -> str:
    """A reading that opens on the founder speaking, before any group ("d'accord j'ai compris si je dis tout le
    monde … c'est surtout les familles qui habitent…", an unpunctuated run-on): the text from the first group
    after a determiner that is no one in general ("les familles qui habitent…"); the text itself otherwise
    ("Parents I meet at the school gate" opens on its group)."""
    tokens = tokenise(text)
    speaker = frozenset(all_grammar_words().first_person) - {"on"}  # "on" is also an English preposition
    first = next((i for i, t in enumerate(tokens[:MAX_NAME_WORDS]) if t.norm in speaker), None)
    if first is None or any(is_group_word(t.norm) and not is_generic_group(t.norm) for t in tokens[:first]):
        return text
    at = next((i for i in range(first + 1, len(tokens)) if is_group_word(tokens[i].norm)
               and not is_generic_group(tokens[i].norm)
               and _determiner().match(text[tokens[i - 1].start:tokens[i].start])), None)
    return text[tokens[at - 1].start:] if at is not None else text


def segment_name(group: str) -> str:
    """A short, readable name for a group described in a sentence: its head, before any clause or list of
    examples, past a target frame ("Les gens pour qui je fais vraiment ça, ceux qui…": `unframe`), at most
    `MAX_NAME_WORDS` words, never ending on a function word."""
    text = _past_the_speaker(re.sub(r"\s+", " ", unframe(group).strip() or group).strip(" .;,:-–—?!…"))
    text = _fillers().sub("", text) or text  # a filler alone ("juste") is all the name there is
    cut = _past_listed_words(text, _clause().search(text))
    head = (text[:cut.start()] if cut else text).strip() or text
    if cut and _names_no_group(head) and cut.group(0).strip().lower() in _COPULAS and not _names_no_group(
            rest := text[cut.end():]):
        # "Most important are the mid-size manufacturers": the copula's subject is a superlative, its
        # complement the group
        return segment_name(rest)
    if is_generic_group(head) and not is_generic_group(text):
        head = text  # "Everyone who runs a restaurant": the clause is the group, not "Everyone"
    head = _determiner().sub("", head)
    limit = MAX_NAME_WORDS
    if cut and len(head.split()) == 1 and _relative().fullmatch(cut.group(0).strip()):
        # one word says little ("Foyers", "Patients"): its relative clause is part of the name, to the next
        # punctuation ("Foyers qui ont un chien ou un chat")
        head = f"{head} {_PUNCTUATION.split(text[cut.start():], maxsplit=1)[0].strip()}"
        limit = MAX_NAME_WORDS + ONE_WORD_EXTRA
    words = head.split()
    full = words
    if len(words) > limit:
        words = _before_proper_noun(_before_number(words[:limit]), full)
    # "Particuliers hypertendus à", "…for"; "Young professionals too", "Kinés aussi", "Hôtels d'abord"
    while len(words) > 1 and (words[-1].lower() in _dangling() or _noise_at_end(words)):
        words.pop()
    words = _before_conjunction(words, full)
    name = " ".join(words).strip(" .;,:?!…")
    return (name[:1].upper() + name[1:]) if name else group.strip()[:60]


LIST_REACH = 3  # words after a comma within which a conjunction shows a list of words before one head


def _past_listed_words(text: str, cut: re.Match[str] | None) -> re.Match[str] | None:
    """`cut`, or the next cut when it falls at a comma after one word that names nobody and a conjunction comes
    within a few words ("Nepali, Bhutanese and Tibetan families", "Lyon, Paris and Marseille bakeries": words listed
    before the head they share); "Restaurants, hotels and caterers" stays cut after "Restaurants"."""
    start = 0
    while cut is not None and cut.group(0).strip() == ",":
        before = [t.norm for t in tokenise(_determiner().sub("", text[start:cut.start()]))]
        after = [t.norm for t in tokenise(text[cut.end():])][:LIST_REACH]
        conjunction = next((i for i, w in enumerate(after) if w in _NAME_CONJUNCTIONS), 0)
        listed = after[:conjunction]  # the words between the comma and the conjunction: more of the same list
        if len(before) != 1 or is_group_word(before[0]) or not listed or not all(
                w.isalpha() and not is_group_word(w) for w in listed):
            break
        start, cut = cut.end(), _clause().search(text, cut.end())
    return cut


CUT_TAIL = 3  # words before a name's cut within which a conjunction ends the name
_NAME_CONJUNCTIONS = LazyWords(lambda: reading_words().name_conjunctions)
# "…and food processing": a word ending like a verb form names an activity, a complete phrase at the cut
_ACTION_ENDINGS = LazyWords(lambda: every_language(GroupReadingWords, "group_reading").action_endings)


def _before_conjunction(words: list[str], full: list[str]) -> list[str]:
    """A name cut inside a noun phrase just after a conjunction stops before it: "Drill and blast crews and haul
    [truck operators…]" → "Drill and blast crews", "Archis d'intérieur indépendants ou en petite [agence]" →
    "Archis d'intérieur indépendants" (`name_conjunctions`). The phrase was cut when the word after the name in
    `full` (the group's words) is a content word; "Ceux de première et terminale [qui…]" and "Owners of vans
    and trucks", "…warehousing and food processing" (a noun or a sector at the cut) stay, and so does a conjunction
    among the first two words."""
    last = next((j for j in range(len(words) - 1, 1, -1) if words[j].lower() in _NAME_CONJUNCTIONS), None)
    tail = words[-1].lower().strip(".,;:")
    following = full[len(words)].lower() if len(full) > len(words) and full[:len(words)] == words else ""
    complete = looks_plural(tail) or is_group_word(tail) or any(tail.endswith(e) for e in _ACTION_ENDINGS)
    if last is None or last < len(words) - CUT_TAIL or complete or not following.isalpha() or following in _dangling():
        return words
    return words[:last]


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _before_number(words: list[str]) -> list[str]:
    """A name cut at its limit inside a number phrase loses the whole phrase, from the function word that opens
    it ("Software startups of 10 to 50" → "Software startups"; "…during the first 90" → "…during", the dangling
    word goes next): half a range ("de 1 à") would mislead, a name that stops before its numbers does not."""
    first = next((i for i, w in enumerate(words) if _has_digit(w)), None)
    if first is None:
        return words
    opener = next((j for j in range(first - 1, 0, -1) if words[j].lower() in _dangling()), None)
    return words[:opener] if opener else words[:first] or words


def _before_proper_noun(words: list[str], full: list[str]) -> list[str]:
    """A name cut at its limit inside a proper noun ("…du Grand [Tunis]", "…in Binh [Duong]") loses the part
    kept: half a place's name would mislead (the dangling word before it goes next)."""
    if len(words) >= len(full) or len(words) < 2 or not (words[-1][:1].isupper() and full[len(words)][:1].isupper()) \
            or words[-1].endswith((".", "!", "?")):  # "…du canton de Vaud. Les apprentis": the sentence ended
        return words
    cut = len(words)
    while cut > 1 and words[cut - 1][:1].isupper():
        cut -= 1
    return words[:cut]


@lru_cache(maxsize=1)
def _generic_people() -> frozenset[str]:
    return frozenset(all_conversation_words().generic_people)


def name_stems(text: str) -> set[str]:
    """The first letters of the words that identify a group: content words of 4 letters or more and
    acronyms ("PME", "SMB"), not function words ("with") nor words for people in general ("people", "gens")."""
    acronyms = {w.lower() for w in _ACRONYM.findall(text)}
    plain = reading_words().plain_words  # "Boat owners around Troms", "in the same wards": identifying nothing
    return {w[:STEM] for w in content_words(text)
            if (len(w) > 3 or w in acronyms) and w not in _generic_people() and w not in plain}


def known_segment(canvas: Canvas, group: str) -> str:
    """The canvas segment a group is, "" when none: the segment whose name shares the most words with
    the group's own name (the head of its `segment_name`). Descriptions are not compared: a group named as the
    object of another's description ("restaurants that call 8 farms a week") is not that group."""
    own = _head_stems(segment_name(group)) or name_stems(group)
    best = max(canvas.segments, key=lambda s: len(own & _head_stems(s.name)), default=None)
    return best.name if best is not None and own & _head_stems(best.name) else ""


def name_head(name: str) -> str:
    """The words of a segment name that identify the group: those before a relative clause ("Makers who sell
    handmade ceramics" → "Makers"; "les vieux vélos" is not "Boîtes qui ont des vélos de service"). A head with
    no identifying word ("People who want to know what's on") leaves the whole name."""
    head = _clause().split(name, maxsplit=1)[0].strip()
    return head if head and name_stems(head) else name


def _head_stems(name: str) -> set[str]:
    return name_stems(name_head(name))
