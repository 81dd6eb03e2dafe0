"""A party told by what it does in the exchange: a sentence that opens on a noun right followed by a verb of
paying or using ("deckhands use it free…", "landladies pay 300 pesos…") names a group, or one of its members,
whatever the noun; the group lexicon need not hold it. Read by `segment_blocks.py` to open a side's block."""

from __future__ import annotations

from assistant.lexicon.lazy import LazyWords
from assistant.understanding.cues import FUNCTION_WORDS
from assistant.understanding.group_check import reading_words
from assistant.understanding.roles_reader import PAYS, USES

_PERSONAL = LazyWords(lambda: reading_words().personal_subjects)
MIN_NOUN = 4  # letters of a subject noun: "it", "we", "on" and other short words are no party


def acts_in_a_role(words: list[str]) -> bool:
    """`words` (a sentence's folded words, determiners left out) open on a noun, neither a pronoun nor a function
    word, right followed by a verb of paying or using."""
    if len(words) < 2 or words[0] in FUNCTION_WORDS or words[0] in _PERSONAL or len(words[0]) < MIN_NOUN:
        return False
    rest = " ".join(words[1:])
    return bool(PAYS.match(rest) or USES.match(rest))
