"""Is there something to use in a message? A description of a startup, an answer with content, a group
that is more than "people". Vocabulary from `assistant/lexicon/<lang>/conversation.yaml` (and `grammar.yaml`,
`substance.yaml`, `cues.yaml`).

Pure functions over normalised text; both engines' callers (the graph, the offline coach) use them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from assistant.lexicon import all_conversation_words, all_grammar_words, every_language
from assistant.lexicon.substance import SubstanceWords
from assistant.text.tokens import normalise
from assistant.understanding.cues import FUNCTION_WORDS

_TAG = re.compile(r"<(script|style)\b[^>]{0,200}>.*?</\1\s*>|<[^>]{0,200}>", re.I | re.S)
_WORD = re.compile(r"[a-z0-9]+")
MIN_PITCH_WORDS = 2  # "une appli de covoiturage" is a pitch; "bonjour" is not
MIN_CONTENT_WORDS = 2  # with at least one that is not a vague verb: "manger sainement" is enough
RELATIVE_WINDOW = 10  # words of a relative clause read after people in general
MIN_RELATIVE_WORDS = 3  # content words it needs to narrow them ("qui retournent les paquets … l'étiquette")


def strip_markup(text: str) -> str:
    """Text without HTML/XML tags ("<b>…</b>", "<script>"): a tag is never a founder's meaning."""
    return _TAG.sub(" ", text)


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[tuple[str, ...], frozenset[str], frozenset[str], frozenset[str]]:
    """(phrases to blank out, single chatter words, generic people words, vague verbs)."""
    words = all_conversation_words()
    chatter = [*words.greetings, *words.self_intro, *words.fillers]
    phrases = tuple(sorted({w for w in chatter + words.generic_people if " " in w}, key=len, reverse=True))
    singles = frozenset(w for w in chatter if " " not in w)
    generic = frozenset(w for w in words.generic_people if " " not in w)
    vague = frozenset(w for w in words.vague_verbs if " " not in w)
    return phrases, singles, generic, vague


def _words(text: str, drop: Iterable[str]) -> list[str]:
    low = f" {normalise(strip_markup(text))} "
    for phrase in drop:
        low = low.replace(f" {phrase} ", " ")
    return _WORD.findall(low)


def content_words(text: str) -> list[str]:
    """The words that say something: no function words, greetings, fillers or one- and two-letter bits
    (numbers kept: "3 amis" says how many)."""
    phrases, chatter, _, _ = _vocabulary()
    return [w for w in _words(text, phrases)
            if w not in FUNCTION_WORDS and w not in chatter and (len(w) >= 3 or w.isdigit())]


def describes_startup(text: str, *, insist: bool = False) -> bool:
    """A first message that can be a pitch: at least two content words ("Bonjour", "<b>hi</b>" or a
    self-introduction are not). `insist` (the founder was already asked once) accepts one."""
    return len(content_words(text)) >= (1 if insist else MIN_PITCH_WORDS)


def is_thin(text: str) -> bool:
    """Too little to fill the canvas: fewer than two content words, or none that is more than people in
    general or a vague verb such as "want"/"eat" ("Ils veulent manger", "Bah c'est tout", "des gens")."""
    _, _, generic, vague = _vocabulary()
    words = content_words(text)
    return len(words) < MIN_CONTENT_WORDS or not [w for w in words if w not in generic and w not in vague]


def is_generic_group(text: str) -> bool:
    """A "group" made only of people in general ("les gens", "Client", "Everyone", "tout le monde")."""
    phrases, chatter, generic, vague = _vocabulary()
    words = [w for w in _words(text, phrases) if w not in FUNCTION_WORDS and len(w) >= 3]
    return not [w for w in words if w not in generic and w not in vague and w not in chatter]


def names_people_in_general(text: str) -> bool:
    """The text speaks of people in general somewhere ("n'importe quelle personne", "anyone"); a number of
    people is a market size, not a target ("des millions de personnes", "4,000 people"), and people followed
    by a relative clause that says enough are narrowed ("les gens qui retournent les paquets pour lire
    l'étiquette"; not "les gens qui cuisinent", nor "anyone who…")."""
    phrases, _, generic, _ = _vocabulary()
    low = _sizes().sub(" ", f" {normalise(strip_markup(text))} ")
    if any(f" {p} " in low for p in phrases):
        return True
    words = _WORD.findall(low)
    grammar = all_grammar_words()
    relatives, universal = set(grammar.relatives), {w for w in grammar.universal if " " not in w}

    def narrowed_here(i: int) -> bool:
        # "les gens qui retournent les paquets pour lire l'étiquette": people narrowed by what they do, when
        # the clause says enough ("les gens qui cuisinent" does not); "anyone who…" stays universal
        if words[i] in universal or i + 1 >= len(words) or words[i + 1] not in relatives:
            return False
        said = content_words(" ".join(words[i + 2:i + 2 + RELATIVE_WINDOW]))
        return len([w for w in said if w not in generic and w not in _vocabulary()[3]]) >= MIN_RELATIVE_WORDS

    return any(w in generic and not narrowed_here(i) for i, w in enumerate(words))


def _alternatives(words: list[str]) -> str:
    """Regular-expression alternatives of literal words, the longest first."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _sizes() -> re.Pattern[str]:
    """A number (digits or a `quantities` word of the grammar lexicon), an optional "of"/"de" (`quantity_links`
    of `substance.yaml`), and the word after it: "millions de personnes", "4 000 people", "thousands of users";
    or a unit's link (`unit_links`) and the unit after it: "£2.50 per person", "5 € par personne"."""
    substance = every_language(SubstanceWords, "substance")
    words, link, units = (_alternatives(w) for w in (all_grammar_words().quantities, substance.quantity_links,
                                                       substance.unit_links))
    counted = rf"(?:\d[\d ,.]*|(?:{words}))\s+(?:(?:{link})\s+)?"
    return re.compile(rf"(?<![a-z0-9])(?:(?:{units})\s+|{counted}(?:(?:{units})\s+)?)[a-z]+(?![a-z])")


def everyone_only_denied(text: str) -> bool:
    """Every "everyone" of the text is denied ("tout le monde n'a pas un animal", "not everyone has a dog"):
    a narrowing, not a target (source: the reference text's mistake "tout le monde est mon client" is about
    naming everyone as the target). False when the text names no "everyone" or also names one plainly."""
    low = " " + re.sub(r"[^\w]+", " ", normalise(text)) + " "
    grammar = all_grammar_words()
    denied = [p for p in grammar.negated_universal if f" {p} " in low]
    for phrase in denied:
        low = low.replace(f" {phrase} ", " ")
    return bool(denied) and not any(f" {p} " in low for p in grammar.universal)


def narrowed(group: str) -> bool:
    """A group with a narrowing attached after its head: a qualifier word (preposition, relative pronoun:
    grammar data) followed by a word that is not people in general, or a number ("salariés des zones
    industrielles", "PME du BTP de 20 à 100 salariés", "gyms with 200 members"). Source: the reference
    text's too-broad mistake is a target with nothing that narrows it."""
    _, _, generic, _ = _vocabulary()
    qualifiers = set(all_grammar_words().qualifiers)
    words = _WORD.findall(normalise(strip_markup(group)))
    return any(w in qualifiers and i + 1 < len(words) and words[i + 1] not in generic
               and (words[i + 1].isdigit() or words[i + 1] not in FUNCTION_WORDS or i + 2 < len(words))
               for i, w in enumerate(words[1:], 1))

